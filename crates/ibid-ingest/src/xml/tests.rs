use crate::{ingest_str, InputForm};
use ibid_model::Label;

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
            // the parts of a structured citation, a comma apart
            (
                "Watt, D. C., Appeasement, Historical Journal, 1965, 8, 191".to_string(),
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
            ("Watt, D. C., How War Came, 1989".to_string(), None),
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

/// The fields a reference's markup labels, as (label, text of the
/// original that the range covers).
fn fields(xml: &str) -> Vec<Vec<(Label, String)>> {
    let src = ingest_str(xml);
    src.blocks
        .iter()
        .map(|b| {
            b.fields
                .iter()
                .map(|(l, r)| (*l, src.original[r.clone()].to_string()))
                .collect()
        })
        .collect()
}

#[test]
fn jats_citation_markup_labels_the_fields() {
    let xml = r#"<article><back><ref-list>
<ref id="r1"><element-citation publication-type="journal">
  <person-group person-group-type="author"><name><surname>Smith</surname><given-names>JA</given-names></name><collab>Venice Group</collab></person-group>
  <person-group person-group-type="editor"><name><surname>Brown</surname><given-names>P</given-names></name></person-group>
  <article-title>The archive and the state</article-title><source>Journal of Modern History</source>
  <year>2001</year><volume>73</volume><issue>2</issue><fpage>345</fpage><lpage>367</lpage>
  <pub-id pub-id-type="pmid">123</pub-id><pub-id pub-id-type="doi">10.1086/321025</pub-id>
</element-citation></ref>
<ref id="r2"><mixed-citation><string-name><surname>Lane</surname>, <given-names>F. C.</given-names></string-name>, <source>Venice: A Maritime Republic</source> (<publisher-loc>Baltimore</publisher-loc>: <publisher-name>Johns Hopkins</publisher-name>, <year>1973</year>), <fpage>12</fpage>.</mixed-citation></ref>
<ref id="r3"><mixed-citation>Chambers, D. S., <italic>The Imperial Age of Venice</italic> (London, 1970).</mixed-citation></ref>
<ref id="r4"><mixed-citation>Chambers, <source>Imperial Age</source>.</mixed-citation></ref>
</ref-list></back></article>"#;
    let src = ingest_str(xml);
    assert_eq!(
        src.blocks[0].text.as_str(),
        "Smith, JA, Venice Group, Brown, P, The archive and the state, Journal of Modern History, \
         2001, 73, 2, 345–367, 123, 10.1086/321025"
    );
    let s = |l: Label, t: &str| (l, t.to_string());
    assert_eq!(
        fields(xml),
        [
            vec![
                s(Label::Author, "Smith</surname><given-names>JA"),
                s(Label::Author, "Venice Group"),
                s(Label::Editor, "Brown</surname><given-names>P"),
                s(Label::Title, "The archive and the state"),
                s(Label::ContainerTitle, "Journal of Modern History"),
                s(Label::Date, "2001"),
                s(Label::Volume, "73"),
                s(Label::Issue, "2"),
                // first and last page: one range over the markup between
                s(Label::Pages, "345</fpage><lpage>367"),
                s(Label::Doi, "10.1086/321025"),
            ],
            // a book's source is its title
            vec![
                s(Label::Author, "Lane</surname>, <given-names>F. C."),
                s(Label::Title, "Venice: A Maritime Republic"),
                s(Label::Location, "Baltimore"),
                s(Label::Publisher, "Johns Hopkins"),
                s(Label::Date, "1973"),
                s(Label::Pages, "12"),
            ],
            // no markup, or too little to stand for the reference: the model reads it
            vec![],
            vec![],
        ]
    );
}

#[test]
fn tei_citation_markup_labels_the_fields() {
    let xml = r#"<TEI><text><back><listBibl>
<biblStruct><analytic><author><persName><surname>Romano</surname><forename>Dennis</forename></persName></author><title level="a">Patronage</title></analytic>
<monogr><title level="j">Renaissance Quarterly</title><imprint><biblScope unit="volume">46</biblScope><date when="1993">1993</date><biblScope unit="page">712–734</biblScope></imprint></monogr>
<series><title>Studies</title></series><idno type="DOI">10.2307/2862849</idno></biblStruct>
<bibl><author>Lane, F. C.</author>, <title level="m">Venice</title>, <title type="sub">A Maritime Republic</title> (<pubPlace>Baltimore</pubPlace>, <date>1973</date>).</bibl>
</listBibl></back></text></TEI>"#;
    let s = |l: Label, t: &str| (l, t.to_string());
    assert_eq!(
        fields(xml),
        [
            vec![
                s(Label::Author, "Romano</surname><forename>Dennis"),
                s(Label::Title, "Patronage"),
                s(Label::ContainerTitle, "Renaissance Quarterly"),
                s(Label::Volume, "46"),
                s(Label::Date, "1993"),
                s(Label::Pages, "712–734"),
                s(Label::CollectionTitle, "Studies"),
                s(Label::Doi, "10.2307/2862849"),
            ],
            // a monograph's title and its subtitle are one title
            vec![
                s(Label::Author, "Lane, F. C."),
                s(
                    Label::Title,
                    r#"Venice</title>, <title type="sub">A Maritime Republic"#
                ),
                s(Label::Location, "Baltimore"),
                s(Label::Date, "1973"),
            ],
        ]
    );
}
