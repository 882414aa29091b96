//! json, jsonl and text.

mod common;
use common::fixture;

use ibid_emit::{write_document, EmitOptions, Format, ItemWriter};
use ibid_model::{Document, Item};

fn emit(doc: &Document, format: Format, pretty: bool) -> String {
    let mut out = Vec::new();
    let opts = EmitOptions {
        pretty,
        ..EmitOptions::default()
    };
    write_document(doc, format, &opts, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn json_round_trips_the_document() {
    let doc = fixture::document();
    for pretty in [false, true] {
        let s = emit(&doc, Format::Json, pretty);
        assert_eq!(s.contains("\n  "), pretty);
        let back: Document = serde_json::from_str(&s).unwrap();
        assert_eq!(back, doc);
    }
}

#[test]
fn jsonl_has_one_line_per_citation() {
    let doc = fixture::document();
    let s = emit(&doc, Format::Jsonl, false);
    let lines: Vec<serde_json::Value> = s
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), doc.citations().count());
    assert_eq!(lines[1]["note"], 2);
    assert_eq!(lines[1]["kind"], "ibid");
    assert_eq!(lines[1]["work"], "w1");
    assert_eq!(lines[1]["locator"], "67");
    assert_eq!(
        lines[1]["item"]["title"],
        "The Origins of the Second World War"
    );
    assert_eq!(lines[1]["text"], "Ibid., 67");
}

#[test]
fn text_is_a_readable_table() {
    let s = emit(&fixture::document(), Format::Text, false);
    println!("{s}");
    assert!(s.starts_with("Note 1\n"));
    assert!(s.contains(
        "ibid            w1     67             Taylor, The Origins of the Second World War (1961)"
    ));
    assert!(s.contains("\nWorks\n"));
    assert!(s.contains("w4     personal_communication Crowe, Crowe to Grey (1925-05-04)"));
    assert!(s.contains("cited in notes 5, 10, 12"));
    assert!(s.contains("\nDiagnostics\n  note 11: no-citation: note 11 cites nothing\n"));
}

#[test]
fn an_unresolved_back_reference_shows_its_text_in_the_table() {
    let mut doc = fixture::document();
    // the ibid of note 2 left unresolved, with only its pinpoint as item
    let c = &mut doc.notes[1].citations[0];
    c.work = None;
    c.item = Item {
        page: Some("67".into()),
        ..Item::default()
    };
    let s = emit(&doc, Format::Text, false);
    assert!(
        s.contains("ibid            -      67             Ibid., 67\n"),
        "{s}"
    );
}

#[test]
fn refs_json_and_text() {
    let items = fixture::items();
    for format in [Format::Json, Format::Jsonl, Format::Text] {
        let mut w = ItemWriter::new(format, EmitOptions::default()).unwrap();
        let mut out = Vec::new();
        w.begin(&mut out).unwrap();
        for (i, item) in items.iter().enumerate() {
            w.write(i, "raw", item, &mut out).unwrap();
        }
        w.write(8, "nothing here", &Item::default(), &mut out)
            .unwrap();
        w.finish(&mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        match format {
            Format::Json => {
                let v: serde_json::Value = serde_json::from_str(&s).unwrap();
                assert_eq!(v.as_array().unwrap().len(), 9);
                assert_eq!(v[2]["index"], 2);
                assert_eq!(v[2]["item"]["type"], "chapter");
            }
            Format::Jsonl => assert_eq!(s.lines().count(), 9),
            _ => {
                assert_eq!(s.lines().count(), 9);
                assert!(s.contains("(nothing recognised) nothing here"));
            }
        }
    }
}
