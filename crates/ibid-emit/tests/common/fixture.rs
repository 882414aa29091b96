//! Hand-built test documents: every kind of work ibid meets in humanities
//! notes. Shared by the integration tests and `examples/emit_fixture.rs`.
#![allow(dead_code)]

use ibid_model::{
    Citation, CitationKind, Date, Diagnostic, Document, InputForm, Item, ItemType, Links, Name,
    Note, Work, WorkLocator,
};

pub fn person(family: &str, given: &str) -> Name {
    Name::person(family, Some(given.to_string()))
}

pub fn date(parts: &[i32]) -> Date {
    Date {
        date_parts: vec![parts.to_vec()],
        ..Date::default()
    }
}

/// The works, with ids w1…w8.
pub fn items() -> Vec<Item> {
    vec![
        Item {
            id: Some("w1".into()),
            item_type: ItemType::Book,
            author: vec![person("Taylor", "A. J. P.")],
            title: Some("The Origins of the Second World War".into()),
            title_short: Some("Origins".into()),
            publisher: Some("Hamish Hamilton".into()),
            publisher_place: Some("London".into()),
            issued: Some(Date::year(1961)),
            isbn: Some("9780241014066".into()),
            ..Item::default()
        },
        Item {
            id: Some("w2".into()),
            item_type: ItemType::ArticleJournal,
            author: vec![person("Müller", "Jürgen"), person("O'Brien", "Siobhán")],
            title: Some(
                "Costs & Benefits: 50% of $ Spent on #Reform_Drafts {Revised} in the Gründung"
                    .into(),
            ),
            container_title: Some("The Historical Journal".into()),
            volume: Some("12".into()),
            issue: Some("3".into()),
            page: Some("345–367".into()),
            issued: Some(Date::year(1969)),
            doi: Some("10.1017/S0018246X00012345".into()),
            ..Item::default()
        },
        Item {
            id: Some("w3".into()),
            item_type: ItemType::Chapter,
            author: vec![Name {
                family: Some("Treitschke".into()),
                given: Some("Heinrich".into()),
                dropping_particle: Some("von".into()),
                ..Name::default()
            }],
            editor: vec![person("Brandt", "Otto")],
            title: Some("Die Gründung des Deutschen Reiches".into()),
            container_title: Some("Handbuch der deutschen Geschichte".into()),
            publisher: Some("Union Verlag".into()),
            publisher_place: Some("Stuttgart".into()),
            page: Some("1-45".into()),
            issued: Some(Date::year(1956)),
            language: Some("de".into()),
            ..Item::default()
        },
        Item {
            id: Some("w4".into()),
            item_type: ItemType::PersonalCommunication,
            author: vec![person("Crowe", "Eyre")],
            recipient: vec![person("Grey", "Edward")],
            title: Some("Crowe to Grey".into()),
            issued: Some(date(&[1925, 5, 4])),
            archive: Some("The National Archives".into()),
            archive_place: Some("Kew".into()),
            archive_location: Some("FO 371/12345".into()),
            ..Item::default()
        },
        Item {
            id: Some("w5".into()),
            item_type: ItemType::ArticleNewspaper,
            title: Some("Crisis in the Balkans".into()),
            container_title: Some("The Times".into()),
            issued: Some(date(&[1912, 10, 8])),
            page: Some("7".into()),
            ..Item::default()
        },
        Item {
            id: Some("w6".into()),
            item_type: ItemType::LegalCase,
            title: Some("Donoghue v Stevenson".into()),
            container_title: Some("AC".into()),
            volume: Some("1932".into()),
            page: Some("562".into()),
            authority: Some("HL".into()),
            issued: Some(Date::year(1932)),
            ..Item::default()
        },
        Item {
            id: Some("w7".into()),
            item_type: ItemType::Thesis,
            author: vec![Name {
                family: Some("Berg".into()),
                given: Some("Jan".into()),
                non_dropping_particle: Some("van der".into()),
                ..Name::default()
            }],
            title: Some("Colonial Trade and the Dutch Republic".into()),
            genre: Some("PhD diss.".into()),
            publisher: Some("University of Leiden".into()),
            issued: Some(Date::year(1999)),
            ..Item::default()
        },
        Item {
            id: Some("w8".into()),
            item_type: ItemType::Webpage,
            author: vec![Name::literal("Lillian Goldman Law Library")],
            title: Some("The Versailles Treaty June 28, 1919".into()),
            container_title: Some("The Avalon Project".into()),
            url: Some("https://avalon.law.yale.edu/subject_menus/versailles_menu.asp".into()),
            issued: Some(Date::year(2008)),
            ..Item::default()
        },
    ]
}

fn cite(text: &str, kind: CitationKind, work: Option<&str>, locator: Option<&str>) -> Citation {
    let item = match work {
        Some(w) => items()
            .into_iter()
            .find(|i| i.id.as_deref() == Some(w))
            .unwrap_or_default(),
        None => Item::default(),
    };
    Citation {
        text: text.into(),
        span: [0, text.chars().count()],
        kind,
        work: work.map(String::from),
        locator: locator.map(String::from),
        item,
        fields: vec![],
        unlabelled: vec![],
        signal: None,
    }
}

fn note(number: u32, text: &str, citations: Vec<Citation>) -> Note {
    Note {
        commentary: Vec::new(),
        number: Some(number),
        text: text.into(),
        span: [0, text.chars().count()],
        citations,
    }
}

/// A notes document citing every work, with ibid, short forms and a
/// cross-reference.
pub fn document() -> Document {
    use CitationKind::*;
    let t1 =
        "A. J. P. Taylor, The Origins of the Second World War (London: Hamish Hamilton, 1961), 45.";
    let t3a = "J. Müller and S. O'Brien, \"Costs & Benefits: 50% of $ Spent on #Reform_Drafts {Revised} in the Gründung,\" Historical Journal 12, no. 3 (1969): 345–67";
    let t3b = "H. von Treitschke, \"Die Gründung des Deutschen Reiches,\" in Handbuch der deutschen Geschichte, ed. O. Brandt (Stuttgart, 1956), 12";
    let t5 = "Crowe to Grey, 4 May 1925, FO 371/12345, The National Archives, Kew.";
    let t7a = "\"Crisis in the Balkans,\" The Times, 8 October 1912, 7";
    let t7b = "Donoghue v Stevenson [1932] AC 562";
    let t8 = "J. van der Berg, \"Colonial Trade and the Dutch Republic\" (PhD diss., University of Leiden, 1999).";
    let t9 = "\"The Versailles Treaty June 28, 1919,\" The Avalon Project, https://avalon.law.yale.edu/subject_menus/versailles_menu.asp.";
    let notes = vec![
        note(1, t1, vec![cite(t1, Full, Some("w1"), Some("45"))]),
        note(
            2,
            "Ibid., 67.",
            vec![cite("Ibid., 67", Ibid, Some("w1"), Some("67"))],
        ),
        note(
            3,
            &format!("See {t3a}; and {t3b}."),
            vec![
                cite(t3a, Full, Some("w2"), None),
                cite(t3b, Full, Some("w3"), Some("12")),
            ],
        ),
        note(
            4,
            "Ibid., 14.",
            vec![cite("Ibid., 14", Ibid, Some("w3"), Some("14"))],
        ),
        note(5, t5, vec![cite(t5, Full, Some("w4"), None)]),
        note(
            6,
            "Taylor, Origins, 102. The argument is contested.",
            vec![cite(
                "Taylor, Origins, 102",
                Short,
                Some("w1"),
                Some("p. 102"),
            )],
        ),
        note(
            7,
            &format!("{t7a}; {t7b}."),
            vec![
                cite(t7a, Full, Some("w5"), None),
                cite(t7b, Full, Some("w6"), None),
            ],
        ),
        note(8, t8, vec![cite(t8, Full, Some("w7"), None)]),
        note(9, t9, vec![cite(t9, Full, Some("w8"), None)]),
        note(
            10,
            "See n. 5 above; also an anonymous pamphlet, n.d.",
            vec![
                cite("n. 5 above", CrossReference, Some("w4"), None),
                Citation {
                    item: Item {
                        title: Some("An anonymous pamphlet".into()),
                        ..Item::default()
                    },
                    ..cite("an anonymous pamphlet, n.d.", Full, None, None)
                },
            ],
        ),
        note(11, "I owe this point to a colleague.", vec![]),
        note(
            12,
            "Ibid., 15.",
            vec![cite("Ibid., 15", Ibid, Some("w4"), Some("15"))],
        ),
    ];
    let mut works = Vec::new();
    for item in items() {
        let id = item.id.clone().unwrap_or_default();
        let mut cited_in = Vec::new();
        let mut locators = Vec::new();
        for n in &notes {
            for c in &n.citations {
                if c.work.as_deref() == Some(id.as_str()) {
                    let num = n.number.unwrap_or(0);
                    if !cited_in.contains(&num) {
                        cited_in.push(num);
                    }
                    if let Some(l) = &c.locator {
                        locators.push(WorkLocator {
                            note: num,
                            locator: l.clone(),
                        });
                    }
                }
            }
        }
        works.push(Work {
            links: Links::default(),
            item,
            cited_in,
            locators,
        });
    }
    Document {
        form: InputForm::NumberedNotes,
        notes,
        works,
        abbreviations: vec![],
        diagnostics: vec![Diagnostic {
            note: Some(11),
            code: "no-citation".into(),
            message: "note 11 cites nothing".into(),
            span: None,
        }],
    }
}
