use super::*;
use ibid_model::Name;

#[test]
fn a_neutral_citation_number_is_no_volume() {
    // the model's "UKSC 8" in one field, and "EWCA Civ" + "1123" apart
    for (volume, container) in [("UKSC 8", None), ("1123", Some("EWCA Civ"))] {
        let mut it = Item {
            title: Some("R v Jogee".into()),
            volume: Some(volume.into()),
            container_title: container.map(str::to_string),
            ..Item::default()
        };
        repair_reports(&mut it);
        let court = volume.split(' ').next().filter(|_| container.is_none());
        assert_eq!(it.container_title.as_deref(), court.or(container));
        assert_eq!(
            it.number.as_deref(),
            Some(volume.rsplit(' ').next().unwrap_or(""))
        );
        assert_eq!((it.volume, it.page), (None, None));
    }
    // a paragraph pinpoint after the number is the locator
    let mut it = Item {
        title: Some("R v Jogee".into()),
        container_title: Some("UKSC".into()),
        page: Some("8, [87]".into()),
        ..Item::default()
    };
    repair_reports(&mut it);
    assert_eq!(it.number.as_deref(), Some("8"));
    assert_eq!(it.custom["locator"], "[87]");
    assert_eq!(it.page, None);
    // a range of paragraphs whose outer brackets the field lost
    let mut it = Item {
        title: Some("Smith v Jones".into()),
        container_title: Some("EWCA Civ".into()),
        page: Some("1123, 12]-[15".into()),
        ..Item::default()
    };
    repair_reports(&mut it);
    assert_eq!(it.number.as_deref(), Some("1123"));
    assert_eq!(it.custom["locator"], "[12]–[15]");
    // the field lost both brackets: still a paragraph after a neutral court
    let mut it = Item {
        title: Some("R v Jogee".into()),
        container_title: Some("UKSC".into()),
        page: Some("8, 87".into()),
        ..Item::default()
    };
    repair_reports(&mut it);
    assert_eq!(it.custom["locator"], "[87]");
    // "[2017] UKSC 5" read as reporter and first page
    let mut it = Item {
        title: Some("R (Miller) v Secretary of State".into()),
        container_title: Some("UKSC".into()),
        page: Some("5".into()),
        page_first: Some("5".into()),
        ..Item::default()
    };
    repair_reports(&mut it);
    assert_eq!(it.number.as_deref(), Some("5"));
    assert_eq!((it.page, it.page_first), (None, None));
    // "[2018] UKSC 4 [21]": the number in volume, the paragraph in pages
    let mut it = Item {
        title: Some("Robinson v Chief Constable".into()),
        container_title: Some("UKSC".into()),
        volume: Some("4".into()),
        page: Some("21".into()),
        page_first: Some("21".into()),
        ..Item::default()
    };
    repair_reports(&mut it);
    assert_eq!(it.number.as_deref(), Some("4"));
    assert_eq!(it.custom["locator"], "[21]");
    assert_eq!((it.page, it.page_first, it.volume), (None, None, None));
    // a law report keeps its volume
    let mut it = Item {
        volume: Some("2".into()),
        container_title: Some("AC".into()),
        ..Item::default()
    };
    repair_reports(&mut it);
    assert_eq!((it.volume.as_deref(), it.number), (Some("2"), None));
}

#[test]
fn law_reports_left_in_one_field_are_split() {
    let r = parse_law_report("66 CLJ 67").unwrap();
    assert_eq!(
        (r.volume, r.reporter.as_str(), r.first_page),
        (Some("66"), "CLJ", "67")
    );
    let r = parse_law_report("AC 562 (HL) 580").unwrap();
    assert_eq!(
        (r.volume, r.reporter.as_str(), r.first_page),
        (None, "AC", "562")
    );
    let r = parse_law_report("19 St Tr 1029").unwrap();
    assert_eq!((r.reporter.as_str(), r.first_page), ("St Tr", "1029"));
    assert!(parse_law_report("93 LQR 195, 198").is_some());
    assert!(parse_law_report("195-215").is_none());
    assert!(parse_law_report("II").is_none());
    assert!(parse_law_report("Series C").is_none());
    assert!(parse_law_report("NS 19").is_none());
    let mut it = Item {
        title: Some("The Rule of Law".into()),
        page: Some("66 CLJ 67".into()),
        ..Item::default()
    };
    repair_reports(&mut it);
    assert_eq!(it.container_title.as_deref(), Some("CLJ"));
    assert_eq!(it.volume.as_deref(), Some("66"));
    assert_eq!(it.page.as_deref(), Some("67"));
    // a journal abbreviation and volume beside the pages
    let mut it = Item {
        title: Some("Essay".into()),
        volume: Some("HWP 7".into()),
        page: Some("269-283".into()),
        ..Item::default()
    };
    repair_reports(&mut it);
    assert_eq!(it.container_title.as_deref(), Some("HWP"));
    assert_eq!(it.volume.as_deref(), Some("7"));
    assert_eq!(it.page.as_deref(), Some("269-283"));
    // a collection cited by volume
    let mut it = Item {
        title: Some("Vita Caroli Zeni".into()),
        volume: Some("RIS 19".into()),
        ..Item::default()
    };
    repair_reports(&mut it);
    assert_eq!(it.container_title.as_deref(), Some("RIS"));
    assert_eq!(it.volume.as_deref(), Some("19"));
    assert_eq!(it.page, None);
    // a reporter by year, with the pinpoint taken for the pages
    let mut it = Item {
        title: Some("Formal and Substantive Conceptions".into()),
        volume: Some("PL 467".into()),
        page: Some("470".into()),
        ..Item::default()
    };
    repair_reports(&mut it);
    assert_eq!(it.container_title.as_deref(), Some("PL"));
    assert_eq!((it.volume, it.page.as_deref()), (None, Some("467")));
}

fn case(title: &str) -> Item {
    Item {
        title: Some(title.into()),
        ..Item::default()
    }
}

#[test]
fn the_court_and_pinpoint_after_a_report_are_kept() {
    let r = parse_law_report("AC 562 (HL) 580").unwrap();
    assert_eq!((r.court, r.pinpoint.as_deref()), (Some("HL"), Some("580")));
    let r = parse_law_report("2 QB 105 (Ch)").unwrap();
    assert_eq!((r.court, r.pinpoint), (Some("Ch"), None));
    let r = parse_law_report("93 LQR 195, 198").unwrap();
    assert_eq!((r.court, r.pinpoint.as_deref()), (None, Some("198")));
    // a bracketed word that is no court
    assert!(parse_law_report("AC 562 (Smith)").is_none());
    let mut it = Item {
        volume: Some("AC 562 (HL) 580".into()),
        ..case("Donoghue v Stevenson")
    };
    repair_reports(&mut it);
    assert_eq!(it.container_title.as_deref(), Some("AC"));
    assert_eq!(it.page.as_deref(), Some("562"));
    assert_eq!(it.authority.as_deref(), Some("HL"));
    assert_eq!(it.custom["locator"], "580");
    // the segmenter's locator is not replaced
    let mut it = Item {
        volume: Some("AC 562 (HL) 580".into()),
        ..case("Donoghue v Stevenson")
    };
    it.custom.insert("locator".into(), "p. 580".into());
    repair_reports(&mut it);
    assert_eq!(it.custom["locator"], "p. 580");
}

#[test]
fn a_report_left_in_the_note_is_read() {
    let mut it = Item {
        note: Some("AC 728 (HL".into()),
        ..case("Anns v Merton LBC")
    };
    repair_reports(&mut it);
    assert_eq!(it.container_title.as_deref(), Some("AC"));
    assert_eq!((it.page.as_deref(), it.volume), (Some("728"), None));
    assert_eq!(it.authority.as_deref(), Some("HL"));
    assert_eq!(it.note, None);
    // a neutral citation in the note
    let mut it = Item {
        note: Some("UKSC 41; AC 373 [40".into()),
        ..case("R (Miller) v Prime Minister")
    };
    repair_reports(&mut it);
    assert_eq!(it.container_title.as_deref(), Some("UKSC"));
    assert_eq!((it.number.as_deref(), it.page), (Some("41"), None));
    assert_eq!(it.note.as_deref(), Some("AC 373 [40"));
    // a report taken for a genre: the neutral citation is read, the
    // parallel report stays in the note
    let mut it = Item {
        genre: Some("UKSC 4, [2018] AC 736 [21]–[30".into()),
        ..case("Robinson v Chief Constable of West Yorkshire Police")
    };
    repair_reports(&mut it);
    assert_eq!(it.container_title.as_deref(), Some("UKSC"));
    assert_eq!((it.number.as_deref(), it.genre), (Some("4"), None));
    assert_eq!(it.note.as_deref(), Some("[2018] AC 736 [21]–[30"));
    // other note parts stay
    let mut it = Item {
        note: Some("unreported; 2 QB 12".into()),
        ..case("R v Smith")
    };
    repair_reports(&mut it);
    assert_eq!(it.volume.as_deref(), Some("2"));
    assert_eq!(it.note.as_deref(), Some("unreported"));
    // a report taken for a shelfmark
    let mut it = Item {
        archive_location: Some("AC 728 (HL".into()),
        ..case("Anns v Merton LBC")
    };
    repair_reports(&mut it);
    assert_eq!(it.container_title.as_deref(), Some("AC"));
    assert_eq!(it.page.as_deref(), Some("728"));
    assert_eq!(
        (it.authority.as_deref(), it.archive_location),
        (Some("HL"), None)
    );
    // no case, no repair
    let mut it = Item {
        note: Some("AC 728 (HL".into()),
        ..case("The Rule of Law")
    };
    repair_reports(&mut it);
    assert_eq!(it.container_title, None);
}

#[test]
fn a_law_review_pinpoint_is_the_locator() {
    let article = |page: &str| Item {
        title: Some("The Rule of Law and its Virtue".into()),
        container_title: Some("LQR".into()),
        volume: Some("93".into()),
        page: Some(page.into()),
        ..Item::default()
    };
    for (page, first, locator) in [("195, 198", "195", "198"), ("424, 431–3", "424", "431–3")] {
        let mut it = article(page);
        repair_reports(&mut it);
        assert_eq!(it.page.as_deref(), Some(first), "{page}");
        assert_eq!(it.custom["locator"], locator, "{page}");
    }
    // an issue and a page, a long second range, a pair of small numbers
    for page in ["7, 178", "36, 61-83", "1, 3", "186, 254-79"] {
        let mut it = article(page);
        repair_reports(&mut it);
        assert_eq!(it.page.as_deref(), Some(page));
        assert!(!it.custom.contains_key("locator"), "{page}");
    }
    // without a volume, no repair
    let mut it = Item {
        volume: None,
        ..article("195, 198")
    };
    repair_reports(&mut it);
    assert_eq!(it.page.as_deref(), Some("195, 198"));
}

#[test]
fn a_court_alone_in_the_note_is_the_authority() {
    let mut it = Item {
        container_title: Some("AC".into()),
        page: Some("605, 617-18".into()),
        note: Some("HL".into()),
        ..case("Caparo Industries plc v Dickman")
    };
    repair_reports(&mut it);
    assert_eq!(it.authority.as_deref(), Some("HL"));
    assert_eq!(it.note, None);
    // "first page, pinpoint": the pinpoint is the locator
    assert_eq!(it.page.as_deref(), Some("605"));
    assert_eq!(it.page_first.as_deref(), Some("605"));
    assert_eq!(it.custom["locator"], "617-18");
    // an American court from the parenthesis before the year
    for (court, authority) in [
        ("9th Cir", "9th Cir."),
        ("2d Cir.", "2d Cir."),
        ("S.D.N.Y.", "S.D.N.Y."),
        ("D. Mass.", "D. Mass."),
        ("Cal. Ct. App", "Cal. Ct. App."),
    ] {
        let mut it = Item {
            note: Some(court.into()),
            ..case("Doe v. Smith")
        };
        repair_reports(&mut it);
        assert_eq!((it.authority.as_deref(), it.note), (Some(authority), None));
    }
    // a note word that is no court stays
    let mut it = Item {
        note: Some("Lord Hoffmann".into()),
        ..case("R v Secretary of State, ex p Simms")
    };
    repair_reports(&mut it);
    assert_eq!(
        (it.authority, it.note.as_deref()),
        (None, Some("Lord Hoffmann"))
    );
    // a reporter alone in the note is no court; before the page it is the reporter
    let mut it = Item {
        page: Some("728".into()),
        note: Some("AC".into()),
        author: vec![Name {
            family: Some("HL".into()),
            ..Name::default()
        }],
        ..case("Anns v Merton LBC")
    };
    repair_reports(&mut it);
    assert_eq!(it.container_title.as_deref(), Some("AC"));
    assert_eq!(it.authority.as_deref(), Some("HL"));
    assert!(it.author.is_empty() && it.note.is_none());
    // two page ranges of a book are no pinpoint
    let mut it = Item {
        container_title: Some("AC".into()),
        page: Some("605, 12".into()),
        ..case("A v B")
    };
    repair_reports(&mut it);
    assert_eq!(it.page.as_deref(), Some("605, 12"));
}
