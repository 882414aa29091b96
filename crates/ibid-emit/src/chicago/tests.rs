//! Tests of the Chicago writer: styles, names, items, notes.

use super::*;
use ibid_model::{Item, ItemType};

#[test]
fn html_tags_nest_in_order() {
    let f = Formatting {
        font_style: FontStyle::Italic,
        font_weight: FontWeight::Bold,
        font_variant: FontVariant::SmallCaps,
        text_decoration: TextDecoration::Underline,
        vertical_align: VerticalAlign::Sup,
    };
    let mut out = String::new();
    html_text("a<b", &f, &mut out);
    assert_eq!(
        out,
        "<i><b><span style=\"font-variant: small-caps\"><u><sup>a&lt;b</sup></u></span></b></i>"
    );
    let mut out = String::new();
    html_text("x", &Formatting::default(), &mut out);
    assert_eq!(out, "x");
}

#[test]
fn join() {
    let parts = |ps: &[(&str, bool)]| -> Vec<(String, bool)> {
        ps.iter().map(|(p, o)| (p.to_string(), *o)).collect()
    };
    assert_eq!(
        join_citations(&parts(&[("A, 4.", false), ("B, 7.", false)])),
        "A, 4; B, 7."
    );
    assert_eq!(
        join_citations(&parts(&[
            ("A, 4.", false),
            ("For the debate, see B, 7.", true),
            ("C, 9", false)
        ])),
        "A, 4. For the debate, see B, 7; C, 9."
    );
    assert_eq!(
        join_citations(&parts(&[("A, 4", false), ("For more, see B", true)])),
        "A, 4. For more, see B."
    );
}

#[test]
fn a_cases_court_is_rendered() {
    // `authority` reaches hayagriva with the rest of the item; the
    // style puts the court before the year in the parentheses.
    let case = crate::test_items::donoghue();
    let r = RefRenderer::new(None).unwrap();
    assert_eq!(
        r.entry(&case, "r1", "", false).unwrap(),
        "Donoghue v Stevenson, 1932 AC 562 (HL 1932)."
    );
    let no_court = Item {
        authority: None,
        ..case
    };
    assert_eq!(
        r.entry(&no_court, "r1", "", false).unwrap(),
        "Donoghue v Stevenson, 1932 AC 562 (1932)."
    );
}

#[test]
fn a_cases_subsequent_history_follows_it() {
    let case = Item {
        item_type: ibid_model::ItemType::LegalCase,
        title: Some("Gonzalez v. Google LLC".into()),
        container_title: Some("F.4th".into()),
        volume: Some("2".into()),
        page: Some("871".into()),
        authority: Some("9th Cir.".into()),
        issued: Some(ibid_model::Date::year(2021)),
        note: Some("vacated, 598 U.S. 617 (2023) (per curiam)".into()),
        ..Item::default()
    };
    let r = RefRenderer::new(None).unwrap();
    assert_eq!(
        r.entry(&case, "r1", "", false).unwrap(),
        "Gonzalez v. Google LLC, 2 F.4th 871 (9th Cir. 2021), vacated, 598 U.S. 617 (2023) (per curiam)."
    );
    // a note that is no history is not printed
    let other = Item {
        note: Some("The Court did not reach it.".into()),
        ..case
    };
    assert_eq!(
        r.entry(&other, "r1", "", false).unwrap(),
        "Gonzalez v. Google LLC, 2 F.4th 871 (9th Cir. 2021)."
    );
}

#[test]
fn an_english_reports_year_is_in_square_brackets() {
    // The year of a report arranged by year is part of the reference,
    // "[1932] AC 562 (HL)", not the date after the court; a year in
    // round brackets, "410 U.S. 113 (1973)", stays the date.
    let case = Item {
        volume: None,
        ..crate::test_items::donoghue()
    };
    let r = RefRenderer::new(None).unwrap();
    let raw = "Donoghue v Stevenson [1932] AC 562 (HL).";
    assert_eq!(
        r.entry(&case, "r1", raw, false).unwrap(),
        "Donoghue v Stevenson, [1932] AC 562 (HL)."
    );
    let caparo = Item {
        title: Some("Caparo Industries plc v Dickman".into()),
        volume: Some("2".into()),
        page: Some("605".into()),
        issued: Some(ibid_model::Date::year(1990)),
        ..case.clone()
    };
    let raw = "Caparo Industries plc v Dickman [1990] 2 AC 605 (HL)";
    assert_eq!(
        r.entry(&caparo, "r1", raw, false).unwrap(),
        "Caparo Industries plc v Dickman, [1990] 2 AC 605 (HL)."
    );
    let roe = crate::test_items::roe_v_wade();
    assert_eq!(
        r.entry(&roe, "r1", "Roe v. Wade, 410 U.S. 113 (1973).", false)
            .unwrap(),
        "Roe v. Wade, 410 U.S. 113 (1973)."
    );
}

#[test]
fn a_neutral_citation_prints_its_number() {
    let case = Item {
        item_type: ItemType::LegalCase,
        title: Some("R v Jogee".into()),
        container_title: Some("UKSC".into()),
        number: Some("8".into()),
        issued: Some(ibid_model::Date::year(2016)),
        ..Item::default()
    };
    let r = RefRenderer::new(None).unwrap();
    assert_eq!(
        r.entry(&case, "r1", "", false).unwrap(),
        "R v Jogee, [2016] UKSC 8."
    );
}

#[test]
fn an_artworks_medium_and_a_pages_access_date_are_printed() {
    // both live in the item's `custom`; the style reads them as CSL
    // variables
    let mut painting = Item {
        item_type: ItemType::Graphic,
        author: vec![ibid_model::Name::literal("Rembrandt")],
        title: Some("The Night Watch".into()),
        issued: Some(ibid_model::Date::year(1642)),
        archive: Some("Rijksmuseum".into()),
        archive_place: Some("Amsterdam".into()),
        ..Item::default()
    };
    painting
        .custom
        .insert("medium".into(), "oil on canvas".into());
    let r = RefRenderer::new(None).unwrap();
    assert_eq!(
        r.entry(&painting, "r1", "", false).unwrap(),
        "Rembrandt. The Night Watch. 1642. Oil on canvas. Rijksmuseum, Amsterdam."
    );
    let page = crate::test_items::web_page_accessed();
    assert_eq!(
        r.entry(&page, "r2", "", false).unwrap(),
        "“Ibid Project.” Accessed May 3, 2024. https://example.org/ibid."
    );
}

#[test]
fn an_edited_book_without_author_is_listed_under_its_editor() {
    // the style's editor substitute sits in a cs:choose, where hayagriva
    // applied no name options ("P. Nora. Les Lieux de mémoire.")
    let mut book = crate::test_items::volume_with_title();
    book.volume = None;
    book.custom.clear();
    let r = RefRenderer::new(None).unwrap();
    assert_eq!(
        r.entry(&book, "r1", "", false).unwrap(),
        "Nora, Pierre, ed. Les Lieux de mémoire. Gallimard, 1984."
    );
    let mut two = book.clone();
    two.editor.push(ibid_model::Name {
        family: Some("Julliard".into()),
        given: Some("Jacques".into()),
        ..Default::default()
    });
    assert_eq!(
        r.entry(&two, "r2", "", false).unwrap(),
        "Nora, Pierre, and Jacques Julliard, eds. Les Lieux de mémoire. Gallimard, 1984."
    );
}

#[test]
fn a_volumes_title_follows_its_number_in_arabic() {
    // CMOS 14.123: "vol. 1, La République", the roman "I" in arabic
    let r = RefRenderer::new(None).unwrap();
    assert_eq!(
        r.entry(&crate::test_items::volume_with_title(), "r1", "", false)
            .unwrap(),
        "Nora, Pierre, ed. Les Lieux de mémoire. Vol. 1, La République. Gallimard, 1984."
    );
    // a CSL-JSON processor finds it at the top level
    let v = crate::csl::to_value(&crate::test_items::volume_with_title()).unwrap();
    assert_eq!(v["volume-title"], "La République");
    assert!(v.get("custom").is_none(), "{v}");
}

#[test]
fn a_roman_volume_is_arabic_and_a_lettered_one_stays() {
    assert_eq!(item::arabic_volume("II"), "2");
    assert_eq!(item::arabic_volume("xiv"), "14");
    // "Vol. C" is a letter, not 100 (as BibLaTeX reads it)
    assert_eq!(item::arabic_volume("C"), "C");
    assert_eq!(item::arabic_volume("12a"), "12a");
}

#[test]
fn a_capitalised_particle_stays_in_the_family_name() {
    let person = |family: &str, given: &str, particle: Option<&str>| ibid_model::Name {
        family: Some(family.into()),
        given: Some(given.into()),
        non_dropping_particle: particle.map(str::to_string),
        ..Default::default()
    };
    let book = |name| Item {
        item_type: ItemType::Book,
        author: vec![name],
        title: Some("Mussolini il duce".into()),
        ..Item::default()
    };
    let r = RefRenderer::new(None).unwrap();
    // hayagriva alone would write "Felice, Renzo De"
    let de_felice = book(person("De Felice", "Renzo", None));
    assert_eq!(
        r.entry(&de_felice, "r1", "", false).unwrap(),
        "De Felice, Renzo. Mussolini il duce. n.d."
    );
    let html = r.entry(&de_felice, "r1", "", true).unwrap();
    assert!(html.contains("De Felice, Renzo"), "{html}");
    assert!(!html.contains(item::FAMILY_GLUE), "{html}");
    // a lower-case word inside the family name stays in it
    let ortega = book(person("Ortega y Gasset", "José", None));
    assert_eq!(
        r.entry(&ortega, "r3", "", false).unwrap(),
        "Ortega y Gasset, José. Mussolini il duce. n.d."
    );
    // a particle ibid reads as such is demoted, as CMOS does
    let de_gaulle = book(person("Gaulle", "Charles", Some("de")));
    assert_eq!(
        r.entry(&de_gaulle, "r2", "", false).unwrap(),
        "Gaulle, Charles de. Mussolini il duce. n.d."
    );
}

#[test]
fn a_note_opening_with_a_particle_capitalises_it() {
    assert_eq!(
        capital_particle("du Réau, Édouard Daladier, 260.".into()),
        "Du Réau, Édouard Daladier, 260."
    );
    assert_eq!(
        capital_particle("d’Alembert, Discours, 3.".into()),
        "D’Alembert, Discours, 3."
    );
    for other in ["Braudel, Méditerranée, 3.", "la", "e. e. cummings, Poems."] {
        assert_eq!(capital_particle(other.into()), other);
    }
}

#[test]
fn unknown_style_lists_names() {
    let e = load_style(Some("no-such-style")).unwrap_err().to_string();
    assert!(e.contains("chicago-notes"), "{e}");
    assert!(load_style(None).is_ok());
}
#[test]
fn a_review_is_described_not_quoted() {
    let mut review = Item {
        item_type: ItemType::ArticleNewspaper,
        author: vec![ibid_model::Name::person("Evans", Some("Richard J.".into()))],
        title: Some("Review of The Third Reich, by Michael Burleigh".into()),
        container_title: Some("Times Literary Supplement".into()),
        issued: Some(ibid_model::Date {
            date_parts: vec![vec![2000, 3, 3]],
            ..Default::default()
        }),
        ..Item::default()
    };
    // as ibid_csl reads the title
    review
        .custom
        .insert("reviewed-title".into(), "The Third Reich".into());
    review.custom.insert(
        "reviewed-author".into(),
        serde_json::json!([{"family": "Burleigh", "given": "Michael"}]),
    );
    let r = RefRenderer::new(None).unwrap();
    assert_eq!(
        r.entry(&review, "r1", "", false).unwrap(),
        "Evans, Richard J. Review of The Third Reich, by Michael Burleigh. Times Literary Supplement, March 3, 2000."
    );
    // a survey's title is quoted
    let survey = Item {
        item_type: ItemType::ArticleJournal,
        title: Some("Review of Particle Physics".into()),
        container_title: Some("Chinese Physics C".into()),
        ..Item::default()
    };
    let entry = r.entry(&survey, "r2", "", false).unwrap();
    assert!(
        entry.starts_with("“Review of Particle Physics.”"),
        "{entry}"
    );
}
