#!/usr/bin/env python3
"""Builds examples/notes.docx from examples/notes.txt: a minimal Word
document whose body cites each note, and whose footnotes are the notes'
texts (without their numbers: Word numbers footnotes itself, here from the
first note's number, set by <w:numStart> in the section's properties).
The same input gives the same bytes (fixed timestamps).

    python3 scripts/make-example-docx.py
"""
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

notes = []
first = None
for line in (ROOT / "examples/notes.txt").read_text(encoding="utf-8").splitlines():
    m = re.match(r"\s*(\d+)\s+(.*)", line)
    if m:
        first = first or int(m.group(1))
        notes.append(m.group(2))

body = "".join(
    f'<w:p><w:r><w:t xml:space="preserve">Sentence {i}.</w:t></w:r>'
    f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
    f'<w:footnoteReference w:id="{i}"/></w:r></w:p>'
    for i in range(1, len(notes) + 1)
)
document = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f"<w:document {W} {R}><w:body>{body}<w:sectPr><w:footnotePr>"
    f'<w:numStart w:val="{first}"/></w:footnotePr></w:sectPr></w:body></w:document>'
)
footnotes = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {W} {R}>'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    + "".join(
        f'<w:footnote w:id="{i}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
        f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>'
        for i, text in enumerate(notes, 1)
    )
    + "</w:footnotes>"
)
content_types = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
    "</Types>"
)
rels = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
doc_rels = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
    "</Relationships>"
)
with zipfile.ZipFile(ROOT / "examples/notes.docx", "w", zipfile.ZIP_DEFLATED) as z:
    for name, text in [
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", rels),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", doc_rels),
        ("word/footnotes.xml", footnotes),
    ]:
        z.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), text.encode("utf-8"), zipfile.ZIP_DEFLATED)
print(f"examples/notes.docx: {len(notes)} footnotes")
