use crate::{ingest_str, InputForm};

fn blocks(xml: &str) -> Vec<(String, Option<u32>)> {
    let src = ingest_str(xml);
    assert_eq!(src.form, InputForm::Xml);
    src.blocks
        .iter()
        .map(|b| (b.text.as_str().to_string(), b.number))
        .collect()
}

#[test]
fn jats_footnotes_and_references() {
    let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.2 20190208//EN" "JATS-journalpublishing1.dtd">
<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="research-article">
  <body><p>Text.<xref ref-type="fn" rid="fn1">1</xref></p></body>
  <back>
    <fn-group>
      <fn id="fn1"><label>1</label><p>A. J. P. Taylor, <italic>The Origins of the
        Second World War</italic> (London, 1961), p.&#160;88.</p></fn>
      <fn id="fn2"><label>2</label><p>Ibid., p. 91; Smith &amp; Jones.</p></fn>
    </fn-group>
    <ref-list>
      <ref id="r1"><label>3.</label><mixed-citation publication-type="book"><person-group><name><surname>Hobsbawm</surname>, <given-names>E.</given-names></name></person-group>, <source>Age of Extremes</source> (<publisher-loc>London</publisher-loc>, <year>1994</year>).</mixed-citation></ref>
      <ref id="r2"><element-citation publication-type="journal"><person-group><name><surname>Watt</surname><given-names>D. C.</given-names></name></person-group><article-title>Appeasement</article-title><source>Historical Journal</source><year>1965</year><volume>8</volume><fpage>191</fpage></element-citation></ref>
    </ref-list>
  </back>
</article>"#;
    assert_eq!(
        blocks(xml),
        [
            (
                "A. J. P. Taylor, The Origins of the Second World War (London, 1961), p.\u{a0}88."
                    .to_string(),
                Some(1)
            ),
            ("Ibid., p. 91; Smith & Jones.".to_string(), Some(2)),
            (
                "Hobsbawm, E., Age of Extremes (London, 1994).".to_string(),
                Some(3)
            ),
            // the parts of a structured citation, a space apart
            (
                "Watt D. C. Appeasement Historical Journal 1965 8 191".to_string(),
                None
            ),
        ]
    );
    // the blocks map to the XML source
    let src = ingest_str(xml);
    let b = &src.blocks[0].text;
    let at = b.as_str().find("Second").unwrap();
    assert_eq!(&src.original[b.orig_range(at..at + 6)], "Second");
    let amp = src.blocks[1].text.as_str().find('&').unwrap();
    assert_eq!(
        &src.original[src.blocks[1].text.orig_range(amp..amp + 1)],
        "&amp;"
    );
}

#[test]
fn tei_notes_and_bibliography() {
    let xml = r#"<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt></fileDesc></teiHeader>
<text><body><p>Text.<note place="foot" n="7"><bibl><author>Taylor</author>, <title>Origins</title>, p. 88</bibl>.</note>
More.<note type="marginal">not a footnote</note><note place="foot" n="8">Ibid.</note></p></body>
<back><listBibl><bibl>Hobsbawm, E., Age of Extremes (London, 1994).</bibl>
<biblStruct><monogr><author>Watt, D. C.</author><title>How War Came</title><imprint><date>1989</date></imprint></monogr></biblStruct></listBibl></back></text></TEI>"#;
    assert_eq!(
        blocks(xml),
        [
            ("Taylor, Origins, p. 88.".to_string(), Some(7)),
            ("Ibid.".to_string(), Some(8)),
            (
                "Hobsbawm, E., Age of Extremes (London, 1994).".to_string(),
                None
            ),
            ("Watt, D. C. How War Came 1989".to_string(), None),
        ]
    );
}

#[test]
fn other_xml_and_broken_xml() {
    // XHTML and other XML are not read here
    assert_eq!(
        super::vocabulary("<?xml version=\"1.0\"?><html><body/></html>"),
        None
    );
    assert_eq!(super::vocabulary("<root/>"), None);
    assert_eq!(
        super::vocabulary("<!-- c --><!DOCTYPE TEI [<!ENTITY x \"y>\">]><TEI/>"),
        Some(super::Vocabulary::Tei)
    );
    // malformed: what came before the error is kept, the error is a diagnostic
    let src = ingest_str(
        "<article><back><fn-group><fn><p>Taylor, Origins.</p></fn><fn><p>Ibid.</x></fn></fn-group></back></article>",
    );
    assert_eq!(src.blocks.len(), 1);
    assert!(src.diagnostics.iter().any(|d| d.code == "xml-malformed"));
    // no notes at all
    let src = ingest_str("<article><body><p>Only text.</p></body></article>");
    assert!(src.blocks.is_empty());
    assert!(src.diagnostics.iter().any(|d| d.code == "xml-no-notes"));
    // very deep nesting stops with a diagnostic, no stack overflow
    let deep = format!("<article>{}</article>", "<p>".repeat(5000));
    let src = ingest_str(&deep);
    assert!(src.diagnostics.iter().any(|d| d.code == "xml-too-deep"));
}
