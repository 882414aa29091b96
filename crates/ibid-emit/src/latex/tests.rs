//! Unit tests of the BibTeX and BibLaTeX entries.

use super::*;

#[test]
fn particle_and_suffix_names() {
    let n = Name {
        family: Some("Gaulle".into()),
        given: Some("Charles".into()),
        non_dropping_particle: Some("de".into()),
        suffix: Some("Jr.".into()),
        ..Name::default()
    };
    assert_eq!(bib_name(&n, true).unwrap(), "de Gaulle, Jr., Charles");
    assert_eq!(
        bib_name(&Name::literal("Smith, Brown & Co"), true).unwrap(),
        "{Smith, Brown \\& Co}"
    );
    assert_eq!(bib_name(&Name::default(), true), None);
}

#[test]
fn masters_thesis() {
    let item = Item {
        item_type: ItemType::Thesis,
        genre: Some("MA thesis".into()),
        ..Item::default()
    };
    assert_eq!(entry_type(&item, Dialect::Bibtex), "mastersthesis");
    assert_eq!(entry_type(&item, Dialect::Biblatex), "thesis");
}

#[test]
fn court_is_the_institution() {
    let mut out = Vec::new();
    write_entry(
        &crate::test_items::donoghue(),
        "donoghue1932",
        Dialect::Biblatex,
        None,
        &mut out,
    )
    .unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "@jurisdiction{donoghue1932,\n  title        = {Donoghue v {Stevenson}},\n  journaltitle = {AC},\n  volume       = {1932},\n  pages        = {562},\n  institution  = {HL},\n  date         = {1932},\n}\n\n"
    );
}

/// Donoghue v Stevenson [1932] AC 562 (HL), as the pipeline reads it.
fn donoghue() -> Item {
    Item {
        volume: None,
        ..crate::test_items::donoghue()
    }
}

#[test]
fn bibtex_prints_a_cases_report_in_howpublished() {
    // plain.bst prints `howpublished` (not `pages` or `institution`) for
    // @misc: the whole report citation goes there, in the source's form.
    let source = "Donoghue v Stevenson [1932] AC 562 (HL)";
    let mut out = Vec::new();
    write_entry(
        &donoghue(),
        "donoghue1932",
        Dialect::Bibtex,
        Some(source),
        &mut out,
    )
    .unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "@misc{donoghue1932,\n  title        = {Donoghue v {Stevenson}},\n  howpublished = {[1932] AC 562 (HL)},\n  pages        = {562},\n  institution  = {HL},\n  year         = {1932},\n}\n\n"
    );
    // A US report keeps its year at the end.
    let roe = crate::test_items::roe_v_wade();
    let f = fields(
        &roe,
        Dialect::Bibtex,
        Some("Roe v. Wade, 410 U.S. 113 (1973)"),
    );
    assert!(
        f.contains(&("howpublished", "410 U.S. 113 (1973)".to_string(), true)),
        "{f:?}"
    );
}

#[test]
fn a_neutral_citation_keeps_its_pinpoint_out() {
    let robinson = Item {
        item_type: ItemType::LegalCase,
        title: Some("Robinson v Chief Constable of West Yorkshire Police".into()),
        container_title: Some("UKSC".into()),
        number: Some("4".into()),
        issued: Some(ibid_model::Date::year(2018)),
        note: Some("[2018] AC 736 [21]–[30".into()),
        ..Item::default()
    };
    let biblatex = fields(&robinson, Dialect::Biblatex, None);
    // biblatex-oscola: the whole neutral citation in `number`, no report
    // series; the parallel report in `note`, without the pinpoint.
    assert!(
        biblatex.contains(&("number", "[2018] UKSC 4".to_string(), true)),
        "{biblatex:?}"
    );
    assert!(
        !biblatex.iter().any(|(k, _, _)| *k == "journaltitle"),
        "{biblatex:?}"
    );
    assert!(
        biblatex.contains(&("note", "[2018] AC 736".to_string(), true)),
        "{biblatex:?}"
    );
    let bibtex = fields(&robinson, Dialect::Bibtex, None);
    assert!(
        bibtex.contains(&("howpublished", "[2018] UKSC 4".to_string(), true)),
        "{bibtex:?}"
    );
    assert!(
        bibtex.contains(&("note", "[2018] AC 736".to_string(), true)),
        "{bibtex:?}"
    );
    for (k, v, _) in biblatex.iter().chain(&bibtex) {
        assert!(!v.contains("[21]") && !v.contains("[30"), "{k} = {v}");
    }
}

#[test]
fn a_reports_institution_stays_its_publisher() {
    let report = Item {
        item_type: ItemType::Report,
        publisher: Some("Home Office".into()),
        authority: Some("HL".into()),
        ..Item::default()
    };
    for d in [Dialect::Bibtex, Dialect::Biblatex] {
        let f = fields(&report, d, None);
        let inst: Vec<&str> = f
            .iter()
            .filter(|(k, _, _)| *k == "institution")
            .map(|(_, v, _)| v.as_str())
            .collect();
        assert_eq!(inst, ["Home Office"], "{d:?}");
    }
    let no_publisher = Item {
        publisher: None,
        ..report
    };
    let f = fields(&no_publisher, Dialect::Biblatex, None);
    assert!(
        f.contains(&("institution", "HL".to_string(), true)),
        "{f:?}"
    );
}

#[test]
fn roman_volumes_are_arabic_in_biblatex_only() {
    let vol = |v: &str, d| {
        let item = Item {
            volume: Some(v.into()),
            ..Item::default()
        };
        fields(&item, d, None)
            .into_iter()
            .find(|(k, _, _)| *k == "volume")
            .map(|(_, v, _)| v)
    };
    assert_eq!(vol("II", Dialect::Biblatex).as_deref(), Some("2"));
    assert_eq!(vol("xiv", Dialect::Biblatex).as_deref(), Some("14"));
    assert_eq!(vol("II", Dialect::Bibtex).as_deref(), Some("II"));
    assert_eq!(vol("12", Dialect::Biblatex).as_deref(), Some("12"));
    // Lettered volumes and non-numerals are kept.
    assert_eq!(vol("C", Dialect::Biblatex).as_deref(), Some("C"));
    assert_eq!(vol("IIII", Dialect::Biblatex).as_deref(), Some("IIII"));
    assert_eq!(vol("Iv", Dialect::Biblatex).as_deref(), Some("Iv"));
}

#[test]
fn capitals_in_titles_are_protected() {
    assert_eq!(
        protect_case(
            "The Tradition of Appeasement in British Foreign Policy, 1865–1939",
            true
        ),
        "The {Tradition} of {Appeasement} in {British} {Foreign} {Policy}, 1865--1939"
    );
    assert_eq!(
        protect_case("Donoghue v Stevenson (HL)", true),
        "Donoghue v {Stevenson} ({HL})"
    );
    // Acronyms and inner capitals, also in the first word.
    assert_eq!(
        protect_case("NATO and the McNeill report", true),
        "{NATO} and the {McNeill} report"
    );
    assert_eq!(protect_case("iPhone stories", false), "{iPhone} stories");
    // Escaping stays right inside and before the braces.
    assert_eq!(
        protect_case("Die Gründung & Über Foo_Bar &Co, {Revised}", true),
        "Die {Gr{\\\"u}ndung} \\& {{\\\"U}ber} {Foo\\_Bar} \\&{Co}, \\{{Revised}\\}"
    );
    assert_eq!(protect_case("Die Gründung", false), "Die {Gründung}");
    // Lower-case words and the first word's capital stay bare.
    assert_eq!(protect_case("history of ideas", true), "history of ideas");
}

#[test]
fn titles_are_protected_in_entries() {
    for d in [Dialect::Bibtex, Dialect::Biblatex] {
        let f = fields(&crate::test_items::donoghue(), d, None);
        assert!(
            f.contains(&("title", "Donoghue v {Stevenson}".to_string(), true)),
            "{f:?}"
        );
    }
}

#[test]
fn a_volumes_title_is_biblatex_title_under_maintitle_and_follows_bibtex_title() {
    let entry = |item: &Item, d: Dialect| {
        let mut out = Vec::new();
        write_entry(item, "n1984", d, None, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    };
    let book = crate::test_items::volume_with_title();
    let s = entry(&book, Dialect::Biblatex);
    assert!(s.contains("maintitle = {Les {Lieux} de mémoire},"), "{s}");
    assert!(s.contains("  title     = {La {République}},"), "{s}");
    assert!(s.contains("volume    = {1},"), "{s}");
    let s = entry(&book, Dialect::Bibtex);
    assert!(
        s.contains("title     = {Les {Lieux} de m{\\'e}moire: {La} {R{\\'e}publique}},"),
        "{s}"
    );
    assert!(!s.contains("maintitle"), "{s}");
    let chapter = crate::test_items::chapter_in_titled_volume();
    let s = entry(&chapter, Dialect::Biblatex);
    assert!(s.contains("mainbooktitle = {Les Lieux de mémoire},"), "{s}");
    assert!(s.contains("booktitle     = {La République},"), "{s}");
    assert!(s.contains("title         = {Le {Panthéon}},"), "{s}");
    let mut part = chapter.clone();
    part.custom.insert("part-number".into(), "2".into());
    let s = entry(&part, Dialect::Biblatex);
    assert!(s.contains("part          = {2},"), "{s}");
    let s = entry(&chapter, Dialect::Bibtex);
    assert!(
        s.contains("booktitle = {Les Lieux de m{\\'e}moire: La R{\\'e}publique},"),
        "{s}"
    );
}

#[test]
fn a_books_number_in_its_series_is_its_number() {
    for d in [Dialect::Bibtex, Dialect::Biblatex] {
        let mut out = Vec::new();
        write_entry(
            &crate::test_items::book_in_series(),
            "m1966",
            d,
            None,
            &mut out,
        )
        .unwrap();
        let s = String::from_utf8(out).unwrap();
        let has = |key: &str, value: &str| {
            s.lines().any(|l| {
                l.trim_start().starts_with(key) && l.trim_end().ends_with(&format!("= {value},"))
            })
        };
        assert!(has("series", "{Schriftenreihe der VfZ}"), "{s}");
        assert!(has("number", "{13}"), "{s}");
    }
}

/// A speech printed nowhere: `@unpublished` with its day as the date and
/// its place as `venue`; printed in a newspaper, the day is `eventdate`.
#[test]
fn speeches_have_their_day_and_place() {
    let mut item = Item {
        item_type: ItemType::Speech,
        author: vec![Name {
            family: Some("Chamberlain".into()),
            given: Some("Neville".into()),
            ..Name::default()
        }],
        title: Some("radio broadcast".into()),
        issued: Some(ibid_model::Date {
            date_parts: vec![vec![1938, 9, 27]],
            ..ibid_model::Date::default()
        }),
        ..Item::default()
    };
    item.custom
        .insert("event-place".into(), serde_json::json!("London"));
    let entry = |item: &Item, d| {
        let mut out = Vec::new();
        write_entry(item, "c", d, None, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    };
    let bib = entry(&item, Dialect::Biblatex);
    assert!(bib.starts_with("@unpublished{c,"), "{bib}");
    assert!(bib.contains("venue  = {London}"), "{bib}");
    assert!(bib.contains("date   = {1938-09-27}"), "{bib}");
    // BibTeX has neither field: the place is the `address`
    let bibtex = entry(&item, Dialect::Bibtex);
    assert!(!bibtex.contains("venue"), "{bibtex}");
    assert!(bibtex.contains("address = {London}"), "{bibtex}");

    item.item_type = ItemType::ArticleNewspaper;
    item.container_title = Some("The Times".into());
    item.custom.insert(
        "event-date".into(),
        serde_json::json!({"date-parts": [[1939, 3, 17]]}),
    );
    assert!(entry(&item, Dialect::Biblatex).contains("eventdate    = {1939-03-17}"));
}

#[test]
fn a_count_of_volumes_is_biblatex_volumes() {
    let item = crate::test_items::book_in_volumes();
    let entry = |d| {
        let mut out = Vec::new();
        write_entry(&item, "c", d, None, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    };
    let bib = entry(Dialect::Biblatex);
    assert!(bib.contains("volumes = {2}"), "{bib}");
    // BibTeX has no such field
    assert!(!entry(Dialect::Bibtex).contains("volumes"));
}
