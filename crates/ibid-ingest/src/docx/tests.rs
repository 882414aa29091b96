use crate::{ingest, IngestError, InputForm};
use std::io::Write;
use zip::write::SimpleFileOptions;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

/// A zip archive holding `parts` (name, content), deflated.
fn archive(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in parts {
        zip.start_file(*name, opts).unwrap();
        zip.write_all(content).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

fn body(paragraphs: &[&str]) -> String {
    let ps: String = paragraphs
        .iter()
        .map(|p| format!("<w:p><w:r><w:t xml:space=\"preserve\">{p}</w:t></w:r></w:p>"))
        .collect();
    format!("<?xml version=\"1.0\"?><w:document {W}><w:body>{ps}</w:body></w:document>")
}

/// Word's footnotes part: the two separators, then one note per item, each
/// a list of paragraphs, each a list of runs (raw XML inside `<w:r>`).
fn footnotes(notes: &[&[&[&str]]]) -> String {
    let mut x = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:footnotes {W}>\
         <w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>\
         <w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    );
    for (i, paragraphs) in notes.iter().enumerate() {
        x.push_str(&format!("<w:footnote w:id=\"{}\">", i + 1));
        for (k, runs) in paragraphs.iter().enumerate() {
            x.push_str("<w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>");
            if k == 0 {
                x.push_str("<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r>");
            }
            for r in *runs {
                x.push_str(&format!("<w:r>{r}</w:r>"));
            }
            x.push_str("</w:p>");
        }
        x.push_str("</w:footnote>");
    }
    x.push_str("</w:footnotes>");
    x
}

#[test]
fn footnotes_become_numbered_blocks_mapped_to_the_xml() {
    let notes = footnotes(&[
        &[&[
            "<w:t xml:space=\"preserve\"> A. J. P. Taylor, </w:t>",
            "<w:rPr><w:i/></w:rPr><w:t>The Origins of the Second World War</w:t>",
            "<w:t xml:space=\"preserve\"> (London, 1961), p.</w:t><w:tab/><w:t>88.</w:t>",
        ]],
        &[
            &[
                "<w:t>Ibid., p. 91; Smith &amp; Jones, </w:t>",
                "<w:t>Law&#x2019;s Empire</w:t>",
            ],
            &["<w:t>A second paragraph.</w:t>"],
        ],
        // a note with only field codes and deleted text: nothing to read
        &[&[
            "<w:instrText> ADDIN ZOTERO_ITEM {}</w:instrText>",
            "<w:delText>gone</w:delText>",
        ]],
        &[&["<w:t>Hobsbawm, Age of Extremes, 12.</w:t>"]],
    ]);
    let docx = archive(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", body(&["Text."]).as_bytes()),
        ("word/footnotes.xml", notes.as_bytes()),
    ]);
    let src = ingest(&docx).unwrap();
    assert_eq!(src.form, InputForm::Docx);
    assert_eq!(src.original, notes);
    let texts: Vec<(&str, Option<u32>)> = src
        .blocks
        .iter()
        .map(|b| (b.text.as_str(), b.number))
        .collect();
    assert_eq!(
        texts,
        [
            (
                "A. J. P. Taylor, The Origins of the Second World War (London, 1961), p. 88.",
                Some(1)
            ),
            (
                "Ibid., p. 91; Smith & Jones, Law\u{2019}s Empire A second paragraph.",
                Some(2)
            ),
            // the third note has no text, and is still counted
            ("Hobsbawm, Age of Extremes, 12.", Some(4)),
        ]
    );
    assert!(src.blocks.iter().all(|b| b.structured && !b.prose));
    // every block maps back to the XML: words to themselves, entities to
    // their references
    let first = &src.blocks[0].text;
    let at = first.as_str().find("The Origins").unwrap();
    assert_eq!(&src.original[first.orig_range(at..at + 11)], "The Origins");
    let second = &src.blocks[1].text;
    let amp = second.as_str().find('&').unwrap();
    assert_eq!(&src.original[second.orig_range(amp..amp + 1)], "&amp;");
}

#[test]
fn endnotes_and_body_text_when_there_are_no_footnotes() {
    let endnotes = footnotes(&[&[&["<w:t>Taylor, Origins, 88.</w:t>"]]])
        .replace("w:footnotes", "w:endnotes")
        .replace("w:footnote ", "w:endnote ")
        .replace("</w:footnote>", "</w:endnote>")
        .replace("w:footnoteRef", "w:endnoteRef");
    let docx = archive(&[
        ("word/document.xml", body(&["Text."]).as_bytes()),
        ("word/endnotes.xml", endnotes.as_bytes()),
    ]);
    let src = ingest(&docx).unwrap();
    assert_eq!(src.blocks.len(), 1);
    assert_eq!(src.blocks[0].text.as_str(), "Taylor, Origins, 88.");
    // a reference list in the body: its paragraphs, one a line, to segment
    let list = body(&[
        "Hobsbawm, E., Age of Extremes (London, 1994).",
        "Taylor, A. J. P., The Origins of the Second World War (London, 1961).",
    ]);
    let src = ingest(&archive(&[("word/document.xml", list.as_bytes())])).unwrap();
    assert_eq!(src.blocks.len(), 1);
    assert!(!src.blocks[0].structured);
    assert_eq!(
        src.blocks[0].text.as_str(),
        "Hobsbawm, E., Age of Extremes (London, 1994).\n\
         Taylor, A. J. P., The Origins of the Second World War (London, 1961).\n"
    );
    assert_eq!(src.original, list);
}

#[test]
fn numbering_starts_where_the_settings_say() {
    let notes = footnotes(&[
        &[&["<w:t>Taylor, Origins, 88.</w:t>"]],
        &[&["<w:t>Ibid.</w:t>"]],
    ]);
    let settings = format!(
        "<w:settings {W}><w:footnotePr><w:numFmt w:val=\"decimal\"/><w:numStart w:val=\"7\"/></w:footnotePr></w:settings>"
    );
    let docx = archive(&[
        ("word/document.xml", body(&["x"]).as_bytes()),
        ("word/settings.xml", settings.as_bytes()),
        ("word/footnotes.xml", notes.as_bytes()),
    ]);
    let numbers: Vec<Option<u32>> = ingest(&docx)
        .unwrap()
        .blocks
        .iter()
        .map(|b| b.number)
        .collect();
    assert_eq!(numbers, [Some(7), Some(8)]);
}

#[test]
fn bad_archives_are_clear_errors() {
    // not a Word document
    let odt = archive(&[("content.xml", b"<office:document/>")]);
    assert!(matches!(
        ingest(&odt),
        Err(IngestError::UnsupportedFormat { .. })
    ));
    // a damaged archive: the magic bytes, then nothing a zip reader knows
    let damaged = b"PK\x03\x04 this is not really a zip archive at all".to_vec();
    let e = ingest(&damaged).unwrap_err();
    assert!(matches!(e, IngestError::Docx { .. }), "{e}");
    // malformed XML in the notes
    let bad = archive(&[
        ("word/document.xml", body(&["x"]).as_bytes()),
        (
            "word/footnotes.xml",
            b"<w:footnotes><w:footnote w:id=\"1\"><w:p></w:footnote>",
        ),
    ]);
    let e = ingest(&bad).unwrap_err();
    assert!(e.to_string().contains("malformed XML"), "{e}");
    // a zip bomb: 100 MiB of zeros inflates past the limit and stops there
    let zeros = vec![b'<'; 100 << 20];
    let bomb = archive(&[
        ("word/document.xml", body(&["x"]).as_bytes()),
        ("word/footnotes.xml", &zeros),
    ]);
    assert!(bomb.len() < 1 << 20, "the bomb is small: {}", bomb.len());
    let e = ingest(&bomb).unwrap_err();
    assert!(e.to_string().contains("MiB"), "{e}");
    // an empty archive (no entries, only the end record "PK\x05\x06"): a
    // ZIP that is no Word document (it read as "UTF-16 text" before)
    let empty = archive(&[]);
    assert!(matches!(
        ingest(&empty),
        Err(IngestError::UnsupportedFormat { .. })
    ));
    // notes that are not UTF-8: an error naming the part and the byte
    let latin1 = archive(&[
        ("word/document.xml", body(&["x"]).as_bytes()),
        ("word/footnotes.xml", b"<w:footnotes>caf\xe9</w:footnotes>"),
    ]);
    let e = ingest(&latin1).unwrap_err();
    assert!(
        e.to_string().contains("word/footnotes.xml is not UTF-8"),
        "{e}"
    );
    // an empty notes part and an empty body: an empty document, no error
    let blank = archive(&[("word/document.xml", b""), ("word/footnotes.xml", b"")]);
    let src = ingest(&blank).unwrap();
    assert!(src.blocks.is_empty());
    // deep nesting
    let deep = format!(
        "<w:footnotes {W}><w:footnote w:id=\"1\">{}</w:footnote></w:footnotes>",
        "<w:p>".repeat(300)
    );
    let nested = archive(&[
        ("word/document.xml", body(&["x"]).as_bytes()),
        ("word/footnotes.xml", deep.as_bytes()),
    ]);
    assert!(ingest(&nested).is_err());
}
