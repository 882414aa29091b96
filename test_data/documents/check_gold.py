#!/usr/bin/env python3
"""Check the hand-made gold annotations against their documents.

Usage: python3 check_gold.py [name.gold.json ...]   (default: every *.gold.json here)

For every gold file this checks that
  * the JSON has the agreed shape (keys, kinds, numbers, ambiguous list);
  * every note number can be found in the document, in order, with the
    note's marker style ("12 ", "12. ", "[12] ", "12) ", "n. 12 ", "¹²",
    or, in HTML, <li id="fn12"> / <li id="CIT0012"> with a label);
  * every citation `text` occurs, in order, inside its own note once the note
    text is cleaned the way the gold texts were written: link debris removed
    ("Google Scholar", "CrossRef", "PubMed", "[Crossref]", "[Web of Science ®]",
    back-links), hyphenated line breaks joined, every whitespace run (line
    breaks, no-break spaces) turned into one space, HTML tags stripped and
    entities decoded;
  * every locator occurs inside its citation text;
  * back-references are consistent: an ibid points at a work of the nearest
    earlier note that has citations (or an earlier citation of its own note),
    short forms and cross-references point at works already cited, an ibid
    with `work: null` is listed in `ambiguous`;
  * every abbreviation is written in the note that defines it.

Unnumbered lists (form "reference-list") are split into entries by lines, or
by blank lines when the document has blank-line-separated blocks.
Exit status 1 when anything fails.
"""

import html
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"full", "ibid", "short", "abbreviation", "cross-reference"}
DEBRIS = ["[Web of Science ®]", "[Google Scholar]", "[Crossref]", "[CrossRef]",
          "[PubMed]", "Google Scholar", "CrossRef", "Crossref", "PubMed"]
SUP = {"0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶",
       "7": "⁷", "8": "⁸", "9": "⁹"}
IBID_WORDS = ("ibid", "ebd", "ivi", "ibidem", "id.", "idem", "ders")

errors = []


def err(doc, msg):
    errors.append(f"{doc}: {msg}")


def remove_debris(text):
    for d in DEBRIS:
        text = text.replace(d, " \x00 ")  # \x00 = hard break, never inside gold text
    return text


def join_lines(text):
    # Hyphenated line break between two lower-case letters: join without space.
    text = re.sub(r"([a-zäöüéèàçß])-[ \t]*\n[ \t]*([a-zäöüéèàçß])", r"\1\2", text)
    return text


def normalize(text):
    text = join_lines(text)
    text = re.sub(r"\s+", " ", text)  # includes NBSP and line breaks
    # debris markers: "p. 88. \x00 Taylor" -> keep a visible break that cannot
    # be matched by a gold text, but collapse the padding around it.
    text = re.sub(r" ?\x00 ?", "\x00", text)
    return text.strip()


def marker_regex(n):
    sup = "".join(SUP[c] for c in str(n))
    # At a line start in any style; inside a line only "12 " before a capital
    # (two notes run together: "... Doc. No. 19. 41 Ibid., ...").
    return re.compile(
        r"(?m)^[ \t]*(?:n\.[ \t]*%d|\[%d\]|%d[.)]?|%s)(?=[ \t])"
        r"|(?<=\. )%d(?= [A-Z])" % (n, n, n, re.escape(sup), n))


def html_to_text(fragment):
    fragment = re.sub(r"(?is)<a[^>]*footnote-back[^>]*>.*?</a>", " ", fragment)
    fragment = re.sub(r"(?is)<span class=\"label\">.*?</span>", " ", fragment)
    fragment = re.sub(r"(?is)<(script|style)[^>]*>.*?</\1>", " ", fragment)
    fragment = re.sub(r"(?i)</?(p|div|br|li|ol|ul|section)[^>]*>", "\n", fragment)
    fragment = re.sub(r"<[^>]+>", "", fragment)
    return html.unescape(fragment)


def split_numbered(doc, raw, gold_notes):
    """Return the note bodies (or None for unnumbered blocks) in gold order."""
    text = remove_debris(raw)
    bodies = []
    pos = 0
    numbered = [(i, n["number"]) for i, n in enumerate(gold_notes) if n["number"] is not None]
    spans = {}
    for k, (i, num) in enumerate(numbered):
        m = marker_regex(num).search(text, pos)
        if not m:
            err(doc, f"note {num}: marker not found after offset {pos}")
            return None
        spans[i] = [m.end(), None]
        if k > 0:
            spans[numbered[k - 1][0]][1] = m.start()
        pos = m.end()
    if numbered:
        spans[numbered[-1][0]][1] = len(text)
    # Lines that look like note labels but were not taken as one: print them
    # so a forgotten note shows up (the documents hold a few deliberate traps,
    # such as a wrapped line starting "7 March 1936").
    starts = {s for s, _ in spans.values()}
    for m in re.finditer(r"(?m)^[ \t]*(?:n\.[ \t]*\d+|\[\d+\]|\d+[.)]?|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)(?=[ \t])", text):
        if m.end() not in starts:
            line = text[m.start():text.find("\n", m.start())][:60]
            print(f"  info: {doc}: line looks like a note label but is not one: {line!r}")
    for i, n in enumerate(gold_notes):
        if i in spans:
            s, e = spans[i]
            bodies.append(normalize(text[s:e]))
        else:
            bodies.append(None)
    return bodies


def split_list(doc, raw, gold_notes):
    text = remove_debris(raw)
    if re.search(r"\n[ \t]*\n", text.strip()):
        blocks = [b for b in re.split(r"\n[ \t]*\n", text) if b.strip()]
    else:
        blocks = [b for b in text.split("\n") if b.strip()]
    if len(blocks) != len(gold_notes):
        err(doc, f"{len(blocks)} blocks in document, {len(gold_notes)} notes in gold")
        return None
    expected = 1
    for n in gold_notes:
        if n["number"] is None:
            continue
        if n["number"] != expected:
            err(doc, f"entry number {n['number']} should be {expected} (1-based position)")
        expected += 1
    return [normalize(b) for b in blocks]


def split_html(doc, raw, gold_notes):
    items = {}
    for m in re.finditer(r'(?is)<li id="(fn|CIT0*)(\d+)"[^>]*>(.*?)</li>', raw):
        inner = m.group(3)
        num = int(m.group(2))
        lab = re.search(r'<span class="label">\s*(\d+)\s*</span>', inner)
        if lab:
            num = int(lab.group(1))
        if num in items:
            err(doc, f"html note {num} appears twice")
        items[num] = normalize(remove_debris(html_to_text(inner)))
    want = [n["number"] for n in gold_notes]
    if sorted(items) != sorted(x for x in want if x is not None):
        err(doc, f"html notes {sorted(items)} != gold {want}")
    return [items.get(n["number"]) for n in gold_notes]


def check(path):
    with open(path, encoding="utf-8") as f:
        gold = json.load(f)
    doc = gold.get("document", "?")
    if set(gold) != {"document", "form", "notes", "abbreviations", "ambiguous"}:
        err(doc, f"top-level keys {sorted(gold)}")
    form = gold["form"]
    if form not in {"numbered-notes", "reference-list", "html"}:
        err(doc, f"bad form {form}")
    with open(os.path.join(HERE, doc), encoding="utf-8") as f:
        raw = f.read()
    notes = gold["notes"]

    # --- shape
    for n in notes:
        keys = set(n)
        if n.get("prose"):
            if keys != {"number", "prose", "citations"} or n["citations"]:
                err(doc, f"prose note {n.get('number')} malformed")
        elif keys != {"number", "citations"} or not n["citations"]:
            err(doc, f"note {n.get('number')} malformed (keys {sorted(keys)})")
        for c in n["citations"]:
            if set(c) != {"text", "kind", "work", "locator"}:
                err(doc, f"note {n['number']}: citation keys {sorted(c)}")
            if c["kind"] not in KINDS:
                err(doc, f"note {n['number']}: bad kind {c['kind']}")
            t = c["text"]
            if t != t.strip() or "  " in t or "\n" in t or "\u00a0" in t:
                err(doc, f"note {n['number']}: whitespace in {t!r}")
            if t.endswith(";") or t.endswith(",") or (
                    t.endswith(".") and not re.search(
                        r"(?i)(\bibid|\bebd|\bf|\bff|\bsq|\bsgg|\bseq|\bcit|\bid|\bet al)\.$", t)):
                err(doc, f"note {n['number']}: trailing punctuation in {t!r}")
            if c["locator"] is not None and c["locator"] not in t:
                err(doc, f"note {n['number']}: locator {c['locator']!r} not in {t!r}")
            for d in DEBRIS:
                if d in t:
                    err(doc, f"note {n['number']}: debris {d!r} left in {t!r}")

    # --- citations against the text
    if form == "numbered-notes":
        bodies = split_numbered(doc, raw, notes)
    elif form == "reference-list":
        bodies = split_list(doc, raw, notes)
    else:
        bodies = split_html(doc, raw, notes)
    if bodies is not None:
        for n, body in zip(notes, bodies):
            if body is None:
                continue
            pos = 0
            for c in n["citations"]:
                i = body.find(c["text"], pos)
                if i < 0:
                    where = body.find(c["text"])
                    err(doc, f"note {n['number']}: citation not found "
                             f"{'(out of order)' if where >= 0 else ''}: {c['text']!r}\n"
                             f"      body: {body!r}")
                    continue
                pos = i + len(c["text"])
        gold_bodies = {i: b for i, b in enumerate(bodies)}
    else:
        gold_bodies = {}

    # --- back-references and ambiguity
    seen = set()
    prev_works = []  # works of the nearest earlier note with citations
    amb = {(a["note"], a["citation"]) for a in gold["ambiguous"]}
    amb_found = set()
    for n in notes:
        here = []
        for ci, c in enumerate(n["citations"]):
            k, w = c["kind"], c["work"]
            if w is None:
                amb_found.add((n["number"], ci))
                if k != "ibid":
                    err(doc, f"note {n['number']}: only an ibid may have work null")
                elif len(set(prev_works)) < 2 or here:
                    err(doc, f"note {n['number']}: ambiguous ibid but previous note has "
                             f"{len(set(prev_works))} works")
            elif k == "ibid":
                cand = here[-1:] if here else prev_works
                if w not in cand:
                    err(doc, f"note {n['number']}: ibid -> {w} not in previous {cand}")
                if not here and len(set(prev_works)) > 1:
                    print(f"  note: {doc} note {n['number']} ibid after several works "
                          f"{prev_works} resolved to {w} (check the locator type)")
                low = c["text"].lower()
                if not low.startswith(IBID_WORDS):
                    err(doc, f"note {n['number']}: ibid text {c['text']!r}")
            elif k in ("short", "cross-reference") and w not in seen:
                err(doc, f"note {n['number']}: {k} to {w} which is not cited earlier")
            if w is not None:
                here.append(w)
                seen.add(w)
        if here or any(c["work"] is None for c in n["citations"]):
            prev_works = [c["work"] for c in n["citations"]]
    if amb != amb_found:
        err(doc, f"ambiguous list {sorted(amb)} != null-work citations {sorted(amb_found)}")

    # --- abbreviations
    idx = {n["number"]: i for i, n in enumerate(notes) if n["number"] is not None}
    for a in gold["abbreviations"]:
        if set(a) != {"short", "note", "work"}:
            err(doc, f"abbreviation keys {sorted(a)}")
        i = idx.get(a["note"])
        if i is None:
            err(doc, f"abbreviation {a['short']}: no note {a['note']}")
            continue
        body = gold_bodies.get(i)
        if body is not None and a["short"] not in body:
            err(doc, f"abbreviation {a['short']} not written in note {a['note']}")
        if a["work"] is not None and a["work"] not in [c["work"] for c in notes[i]["citations"]]:
            err(doc, f"abbreviation {a['short']}: work {a['work']} not cited in note {a['note']}")

    # --- numbering report
    nums = [n["number"] for n in notes if n["number"] is not None]
    cits = sum(len(n["citations"]) for n in notes)
    works = {c["work"] for n in notes for c in n["citations"] if c["work"]}
    kinds = {}
    for n in notes:
        for c in n["citations"]:
            kinds[c["kind"]] = kinds.get(c["kind"], 0) + 1
    print(f"{doc}: {len(notes)} notes ({len(nums)} numbered), {cits} citations, "
          f"{len(works)} works, kinds {kinds}, {len(amb)} ambiguous, "
          f"{len(gold['abbreviations'])} abbreviations")


def main():
    paths = sys.argv[1:] or sorted(
        os.path.join(HERE, p) for p in os.listdir(HERE) if p.endswith(".gold.json"))
    for p in paths:
        check(p)
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
