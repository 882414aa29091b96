//! No format panics or fails on odd, empty or hostile input.

mod common;
use common::fixture;

use ibid_emit::{write_document, EmitOptions, Format, ItemWriter};
use ibid_model::{Citation, CitationKind, Date, Document, Item, ItemType, Name, Note, Work};

fn odd_items() -> Vec<Item> {
    let huge = "Ü&%_$#{}~^\\<>\"' x".repeat(6_000);
    vec![
        Item::default(),
        Item {
            item_type: ItemType::PersonalCommunication,
            author: vec![Name::default(), Name::literal(""), Name::person("", None)],
            title: Some(String::new()),
            page: Some("–".into()),
            issued: Some(Date {
                date_parts: vec![vec![1914, 7], vec![1918, 11, 11]],
                ..Date::default()
            }),
            ..Item::default()
        },
        Item {
            item_type: ItemType::Book,
            title: Some(huge.clone()),
            author: vec![Name::person(huge.clone(), Some(huge.clone()))],
            container_title: Some("\u{0}\u{1}\u{b}control\u{7f}".into()),
            issued: Some(Date {
                date_parts: vec![vec![40_000, 13, 45]],
                ..Date::default()
            }),
            doi: Some("10.1234/".into()),
            url: Some("http://x/{a}\\b%".into()),
            ..Item::default()
        },
        Item {
            item_type: ItemType::Thesis,
            issued: Some(Date {
                date_parts: vec![vec![]],
                literal: Some("Spring 1925".into()),
                ..Date::default()
            }),
            ..Item::default()
        },
        Item {
            item_type: ItemType::LegalCase,
            issued: Some(Date {
                date_parts: vec![vec![-44, 3, 15]],
                ..Date::default()
            }),
            title: Some("Caesar's death".into()),
            ..Item::default()
        },
        Item {
            item_type: ItemType::Report,
            issued: Some(Date {
                raw: Some("1914-1918".into()),
                ..Date::default()
            }),
            title: Some("Raw range".into()),
            number: Some("12".into()),
            ..Item::default()
        },
    ]
}

fn odd_document() -> Document {
    let items = odd_items();
    let works: Vec<Work> = items
        .iter()
        .enumerate()
        .map(|(i, item)| Work {
            item: Item {
                id: Some(format!("w{}", i + 1)),
                ..item.clone()
            },
            cited_in: vec![1],
            locators: vec![],
            links: Default::default(),
        })
        .collect();
    let cite = |work: Option<&str>, kind| Citation {
        text: "t".into(),
        span: [0, 1],
        kind,
        work: work.map(String::from),
        locator: Some("pp. 3–4 & n. 5".into()),
        item: Item::default(),
        fields: vec![],
        unlabelled: vec![],
        signal: None,
    };
    let mut notes = vec![
        Note {
            commentary: Vec::new(),
            number: Some(1),
            text: String::new(),
            span: [0, 0],
            // Ibid first, a work that does not exist, every odd work.
            citations: vec![
                cite(Some("w1"), CitationKind::Ibid),
                cite(Some("w99"), CitationKind::Short),
            ],
        },
        Note {
            commentary: Vec::new(),
            number: None,
            text: "prose".into(),
            span: [0, 5],
            citations: vec![cite(None, CitationKind::Full)],
        },
    ];
    for (i, w) in works.iter().enumerate() {
        notes.push(Note {
            commentary: Vec::new(),
            number: Some(i as u32 + 2),
            text: "t t t".into(),
            span: [0, 5],
            citations: vec![
                cite(w.item.id.as_deref(), CitationKind::Full),
                cite(w.item.id.as_deref(), CitationKind::Ibid),
            ],
        });
    }
    // Note numbers out of order and repeated.
    notes.push(Note {
        commentary: Vec::new(),
        number: Some(2),
        text: "again".into(),
        span: [0, 5],
        citations: vec![cite(Some("w3"), CitationKind::Ibid)],
    });
    Document {
        notes,
        works,
        ..Document::default()
    }
}

#[test]
fn every_format_survives_odd_documents() {
    for doc in [Document::default(), odd_document(), fixture::document()] {
        for format in Format::ALL {
            let prettiness: &[bool] = if matches!(format, Format::Json | Format::CslJson) {
                &[false, true]
            } else {
                &[false]
            };
            for &pretty in prettiness {
                let mut out = Vec::new();
                let opts = EmitOptions {
                    pretty,
                    style: None,
                };
                write_document(&doc, format, &opts, &mut out)
                    .unwrap_or_else(|e| panic!("{format}: {e}"));
                let s = String::from_utf8(out).expect("UTF-8 output");
                if format == Format::Bibtex {
                    assert!(s.is_ascii(), "{s}");
                }
                assert!(!s.contains('\u{1}'), "{format}: control character kept");
            }
        }
    }
}

#[test]
fn every_format_survives_odd_items() {
    for format in Format::ALL {
        let mut w = ItemWriter::new(format, EmitOptions::default()).unwrap();
        let mut out = Vec::new();
        w.begin(&mut out).unwrap();
        for (i, item) in odd_items().iter().enumerate() {
            w.write(i, "raw \u{1} <x>", item, &mut out)
                .unwrap_or_else(|e| panic!("{format}: {e}"));
        }
        w.finish(&mut out).unwrap();
        assert!(String::from_utf8(out).is_ok());
    }
}

#[test]
fn every_style_renders_the_fixture() {
    // A sample of archived styles of each class (notes, author-date, numeric).
    for style in [
        "chicago-shortened-notes",
        "apa",
        "ieee",
        "modern-language-association",
    ] {
        let mut out = Vec::new();
        let opts = EmitOptions {
            style: Some(style.into()),
            pretty: false,
        };
        write_document(&fixture::document(), Format::Chicago, &opts, &mut out)
            .unwrap_or_else(|e| panic!("{style}: {e}"));
        let s = String::from_utf8(out).unwrap();
        assert!(s.contains("Taylor"), "{style}: {s}");
    }
}

#[test]
fn formats_parse_and_print() {
    for f in Format::ALL {
        assert_eq!(f.to_string().parse::<Format>().unwrap(), f);
    }
    assert_eq!(" CSL-JSON ".parse::<Format>().unwrap(), Format::CslJson);
    let e = "docx".parse::<Format>().unwrap_err().to_string();
    assert!(e.contains("docx") && e.contains("chicago-html"), "{e}");
}
