//! CSL-JSON output checked against the official csl-data.json schema.

mod common;
use common::fixture;

use ibid_emit::{write_document, EmitOptions, Format, ItemWriter};
use ibid_model::{Date, Document, Item, ItemType, Name};
use serde_json::Value;

fn schema() -> jsonschema::Validator {
    let text = include_str!("../schemas/csl-data.json");
    let schema: Value = serde_json::from_str(text).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

fn assert_valid(v: &Value) {
    let errors: Vec<String> = schema()
        .iter_errors(v)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\n{v:#}");
}

fn document_csl(doc: &Document, pretty: bool) -> Value {
    let mut out = Vec::new();
    let opts = EmitOptions {
        pretty,
        ..EmitOptions::default()
    };
    write_document(doc, Format::CslJson, &opts, &mut out).unwrap();
    serde_json::from_slice(&out).expect("valid JSON")
}

#[test]
fn works_are_valid_csl() {
    for pretty in [false, true] {
        let v = document_csl(&fixture::document(), pretty);
        assert_valid(&v);
        let arr = v.as_array().unwrap();
        assert_eq!(arr.len(), 8);
        for item in arr {
            assert!(item["id"].is_string(), "{item}");
            assert!(item["type"].is_string(), "{item}");
        }
    }
}

#[test]
fn extras_go_into_custom() {
    let v = document_csl(&fixture::document(), false);
    let w1 = &v[0];
    assert_eq!(w1["id"], "w1");
    assert_eq!(w1["type"], "book");
    assert_eq!(w1["custom"]["cited_in"], serde_json::json!([1, 2, 6]));
    assert_eq!(w1["custom"]["locators"][2]["locator"], "p. 102");
    assert!(w1["custom"]["links"]["worldcat"]
        .as_str()
        .unwrap()
        .starts_with("https://search.worldcat.org/search?q="));
    let w2 = &v[1];
    assert_eq!(
        w2["custom"]["links"]["doi"],
        "https://doi.org/10.1017/S0018246X00012345"
    );
    // The letter: CSL's own spelling of the type and archive fields.
    let w4 = &v[3];
    assert_eq!(w4["type"], "personal_communication");
    assert_eq!(w4["archive_location"], "FO 371/12345");
    assert_eq!(w4["archive-place"], "Kew");
    assert!(w4["custom"].get("links").is_none());
}

#[test]
fn every_type_and_odd_values_stay_valid() {
    let types = ItemType::ALL;
    let mut w = ItemWriter::new(Format::CslJson, EmitOptions::default()).unwrap();
    let mut out = Vec::new();
    w.begin(&mut out).unwrap();
    for (i, t) in types.into_iter().enumerate() {
        let item = Item {
            item_type: t,
            author: vec![Name::literal("Foreign Office"), Name::default()],
            title: Some("Title \"quoted\" \u{1}".into()),
            issued: Some(Date {
                date_parts: vec![vec![1914], vec![1918]],
                raw: Some("1914-18".into()),
                circa: Some(true),
                ..Date::default()
            }),
            ..Item::default()
        };
        w.write(i, "raw line", &item, &mut out).unwrap();
    }
    w.finish(&mut out).unwrap();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_valid(&v);
    assert_eq!(v[0]["id"], "r1");
    assert_eq!(v[19]["id"], "r20");
    assert_eq!(v[0]["custom"]["raw"], "raw line");
    assert_eq!(v[14]["type"], "personal_communication");
    assert_eq!(v[13]["type"], "entry-dictionary");
    assert_eq!(v[6]["type"], "legal_case");
}

#[test]
fn empty_document_is_an_empty_array() {
    let v = document_csl(&Document::default(), true);
    assert_eq!(v, serde_json::json!([]));
    assert_valid(&v);
}

#[test]
fn the_schema_check_has_teeth() {
    let s = schema();
    assert!(!s.is_valid(&serde_json::json!([{"id": "x", "type": "personal-communication"}])));
    assert!(!s.is_valid(&serde_json::json!([{"type": "book"}])));
    assert!(!s.is_valid(&serde_json::json!([{"id": "x", "type": "book", "cited_in": [1]}])));
}

#[test]
fn collection_number_is_a_csl_variable() {
    // The item model keeps "5th ser." in custom; CSL reads it at the top.
    let mut hansard = Item {
        item_type: ItemType::Book,
        title: Some("House of Commons Debates (Hansard)".into()),
        collection_title: Some("5th ser".into()),
        volume: Some("339".into()),
        ..Item::default()
    };
    hansard
        .custom
        .insert("collection-number".into(), Value::String("5".into()));
    hansard
        .custom
        .insert("page-label".into(), Value::String("column".into()));
    let doc = Document {
        works: vec![ibid_model::Work {
            item: Item {
                id: Some("w7".into()),
                ..hansard.clone()
            },
            cited_in: vec![14],
            locators: vec![],
            links: Default::default(),
        }],
        ..Document::default()
    };
    let v = document_csl(&doc, false);
    assert_valid(&v);
    assert_eq!(v[0]["collection-number"], "5");
    assert!(v[0]["custom"].get("collection-number").is_none(), "{v}");
    assert_eq!(v[0]["custom"]["page-label"], "column");
    // `ibid refs`: the same; a custom left empty is dropped.
    hansard.custom.remove("page-label");
    let mut w = ItemWriter::new(Format::CslJson, EmitOptions::default()).unwrap();
    let mut out = Vec::new();
    w.begin(&mut out).unwrap();
    w.write(0, "raw", &hansard, &mut out).unwrap();
    w.finish(&mut out).unwrap();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_valid(&v);
    assert_eq!(v[0]["collection-number"], "5");
    assert!(v[0]["custom"].get("collection-number").is_none(), "{v}");
    let bare = Item {
        item_type: ItemType::Book,
        custom: [("collection-number".to_string(), Value::from(2))]
            .into_iter()
            .collect(),
        ..Item::default()
    };
    let v = serde_json::to_value(&bare).unwrap();
    assert!(
        v.get("collection-number").is_none(),
        "the model keeps it in custom"
    );
    let doc = Document {
        works: vec![ibid_model::Work {
            item: Item {
                id: Some("w1".into()),
                ..bare
            },
            cited_in: vec![],
            locators: vec![],
            links: Default::default(),
        }],
        ..Document::default()
    };
    let v = document_csl(&doc, false);
    assert_eq!(v[0]["collection-number"], 2);
    assert!(v[0].get("custom").is_none() || v[0]["custom"].get("collection-number").is_none());
}

/// `ibid refs`' JSON lines: the CSL variables the item keeps in `custom`
/// stand at the top level, and the line is a valid CSL item.
#[test]
fn reference_lines_lift_csl_variables_out_of_custom() {
    let mut item = Item {
        id: Some("r1".into()),
        item_type: ItemType::Book,
        title: Some("Storia d'Italia".into()),
        ..Item::default()
    };
    let plain = serde_json::to_string(&ibid_emit::CslItem(&item)).unwrap();
    assert_eq!(plain, serde_json::to_string(&item).unwrap());
    for (k, v) in [
        ("collection-number", Value::from("13")),
        ("volume-title", Value::from("Dall'Unità a oggi")),
        ("part-number", Value::from("3")),
        ("medium", Value::from("oil on canvas")),
        (
            "accessed",
            serde_json::json!({"date-parts": [[2023, 3, 3]], "raw": "3 March 2023"}),
        ),
        (
            "event-date",
            serde_json::json!({"date-parts": [[1939, 3, 17]], "raw": "17 March 1939"}),
        ),
        ("event-place", Value::from("Birmingham")),
        ("reviewed-title", Value::from("The Third Reich")),
        (
            "reviewed-author",
            serde_json::json!([{"family": "Burleigh", "given": "Michael"}]),
        ),
        (
            "honorifics",
            serde_json::json!([{"role": "author", "index": 0, "value": "Sir"}]),
        ),
    ] {
        item.custom.insert(k.into(), v);
    }
    let line: Value =
        serde_json::from_str(&serde_json::to_string(&ibid_emit::CslItem(&item)).unwrap()).unwrap();
    assert_eq!(line["collection-number"], "13");
    assert_eq!(line["volume-title"], "Dall'Unità a oggi");
    assert_eq!(line["accessed"]["date-parts"][0][0], 2023);
    assert_eq!(line["event-date"]["date-parts"][0][2], 17);
    assert_eq!(line["event-place"], "Birmingham");
    assert_eq!(line["reviewed-title"], "The Third Reich");
    assert_eq!(line["reviewed-author"][0]["family"], "Burleigh");
    // no variable of the schema: it stays in custom
    let custom = line["custom"].as_object().unwrap();
    assert_eq!(
        custom.keys().collect::<Vec<_>>(),
        ["honorifics", "part-number"]
    );
    assert_valid(&Value::Array(vec![line]));
}
