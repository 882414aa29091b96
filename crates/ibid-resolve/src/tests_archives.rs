//! Tests of `resolve` for archive files, repositories, newspaper issues
//! and letters.

use crate::tests_conventions::{assert_works, by_note};
use crate::tests_rules::{c, kinds, run};
use ibid_model::{CitationKind as K, Date, Item, ItemType};

#[test]
fn archive_files_are_works() {
    let doc = |text: &str, archive: Option<&str>, loc: &str, title: &str| {
        c(K::Full, text).item(Item {
            title: Some(title.into()),
            archive: archive.map(str::to_owned),
            archive_location: Some(loc.into()),
            ..Item::default()
        })
    };
    let r = run(&by_note([
        (
            1,
            doc(
                "Simon to Phipps, 12 March 1935, TNA, FO 371/18851, C 1234/55/18.",
                Some("TNA"),
                "FO 371/18851, C 1234/55/18",
                "Simon to Phipps",
            ),
        ),
        (
            2,
            doc(
                "Phipps to Simon, 14 March 1935, PRO, FO 371/18851.",
                Some("PRO"),
                "FO 371/18851",
                "Phipps to Simon",
            ),
        ),
        (
            3,
            doc(
                "Minute by Vansittart, FO 371/18852.",
                None,
                "FO 371/18852",
                "Minute by Vansittart",
            ),
        ),
        (
            4,
            c(K::Abbreviation, "FO 371/18851, fol. 23.").loc("fol. 23"),
        ),
        (5, c(K::Full, "TNA, CAB 23/81, Cabinet conclusions 12(35).")),
        (6, c(K::Abbreviation, "CAB 23/81")),
        (
            7,
            doc(
                "Note, ASV, Senato, Secreta, filza 12, c. 5.",
                Some("ASV"),
                "Senato, Secreta, filza 12, c. 5",
                "Note",
            ),
        ),
        (
            8,
            doc(
                "Letter, Archivio di Stato di Venezia, Senato, Secreta, filza 12, c. 9.",
                Some("Archivio di Stato di Venezia"),
                "Senato, Secreta, filza 12, c. 9",
                "Letter",
            ),
        ),
    ]));
    assert_works(&r, "0 0 1 0 2 2 3 3");
    let w0 = &r.works[0].item;
    assert_eq!(w0.archive_location.as_deref(), Some("FO 371/18851"));
    assert_eq!(w0.title, None);
    assert_eq!(w0.item_type, ItemType::Manuscript);
    assert_eq!(
        r.works[2].item.archive.as_deref(),
        Some("The National Archives, Kew")
    );
    assert_eq!(
        r.works[3].item.archive_location.as_deref(),
        Some("Senato, Secreta, filza 12")
    );
    // Full citations keep their document's own fields.
    assert_eq!(
        r.citations[1][0].item.title.as_deref(),
        Some("Phipps to Simon")
    );
    let known: Vec<&str> = r
        .known_abbreviations
        .iter()
        .map(|a| a.short.as_str())
        .collect();
    assert_eq!(known, ["FO", "TNA", "CAB"]);
    assert!(r
        .abbreviations
        .iter()
        .all(|a| a.note.is_none() && a.work.is_none()));
}

#[test]
fn repositories_defined_in_place_have_no_work_and_name_files() {
    let r = run(&by_note([(6, c(
                K::Full,
                "Phipps to Simon, 4 May 1935, FO 371/18851, C 3850/55/18, The National Archives, Kew (TNA)",
            )
            .item(Item {
                title: Some("Phipps to Simon".into()),
                ..Item::default()
            })),
(7, c(K::Full, "Archivio di Stato di Venezia (d'ora in poi ASV), Senato, Secreta, filza 12")),
(8, c(K::Full, "ASV, Senato, Secreta, filza 14, c. 23r").loc("c. 23r")),
(9, c(K::Full, "Simon to Phipps, 11 May 1935, FO 371/18851, C 3921/55/18, TNA")),
(10, c(K::Full, "ASV, Senato, Secreta, filza 12, c. 40").loc("c. 40"))]));
    assert_works(&r, "0 1 2 0 1");
    assert_eq!(kinds(&r), [K::Full; 5]);
    let defs: Vec<(&str, Option<u32>, Option<&str>)> = r
        .abbreviations
        .iter()
        .map(|a| (a.short.as_str(), a.note, a.work.as_deref()))
        .collect();
    assert_eq!(defs, [("TNA", Some(6), None), ("ASV", Some(7), None)]);
    assert_eq!(r.abbreviations[1].long, "Archivio di Stato di Venezia");
    assert_eq!(
        r.works[2].item.archive_location.as_deref(),
        Some("Senato, Secreta, filza 14")
    );
}

#[test]
fn newspaper_issues_are_one_work_per_day() {
    let times = |text: &str| {
        c(K::Full, text).item(Item {
            author: vec![ibid_model::Name::literal("Times")],
            ..Item::default()
        })
    };
    let r = run(&by_note([
        (16, times("The Times, 21 Mar. 1935, p. 14").loc("p. 14")),
        (
            46,
            times("The Times, 1 Oct. 1938, p. 13 (leading article)").loc("p. 13"),
        ),
        (
            68,
            c(K::Full, "The Times, 1 Oct. 1938, p. 13")
                .loc("p. 13")
                .item(Item {
                    container_title: Some("The Times".into()),
                    ..Item::default()
                }),
        ),
        (
            70,
            c(K::Full, "Frankfurter Zeitung vom 12. März 1938, S. 1").loc("S. 1"),
        ),
        (
            71,
            c(K::Full, "«Corriere della Sera», 30 settembre 1938, p. 1").loc("p. 1"),
        ),
    ]));
    assert_works(&r, "0 1 1 2 3");
}

#[test]
fn an_archive_short_form_left_in_the_note_names_the_archive() {
    let letter = |title: &str, shelfmark: &str, note: &str| Item {
        title: Some(title.into()),
        archive_location: Some(shelfmark.into()),
        note: Some(note.into()),
        ..Item::default()
    };
    let r = run(&by_note([
        (6, c(K::Full, "Phipps to Simon, 4 May 1935, FO 371/18851, C 3850/55/18, The National Archives, Kew (TNA)")
            .item(Item {
                title: Some("Phipps to Simon".into()),
                ..Item::default()
            })),
        // defined above
        (9, c(K::Full, "Simon to Phipps, 11 May 1935, FO 371/18851, C 3921/55/18, TNA")
            .item(letter("Simon to Phipps", "FO 371/18851, C 3921/55/18", "TNA"))),
        // well known, with another note part kept
        (12, c(K::Full, "Eden to Halifax, 3 June 1938, FO 800/309, minute, PRO")
            .item(letter("Eden to Halifax", "FO 800/309", "minute; PRO"))),
        // not an archive: the note stays
        (14, c(K::Full, "Halifax to Eden, 4 June 1938, FO 800/309, JCB")
            .item(letter("Halifax to Eden", "FO 800/309", "JCB"))),
    ]));
    let item = |n: usize| &r.citations[n][0].item;
    assert_eq!(
        item(1).archive.as_deref(),
        Some("The National Archives, Kew")
    );
    assert_eq!(item(1).note, None);
    assert!(item(2)
        .archive
        .as_deref()
        .is_some_and(|a| a.starts_with("Public Record Office")));
    assert_eq!(item(2).note.as_deref(), Some("minute"));
    assert_eq!(
        (item(3).archive.as_deref(), item(3).note.as_deref()),
        (None, Some("JCB"))
    );
}

/// An artwork's inventory number names the object, not a file of documents:
/// two paintings in one museum are two works, each with its title.
#[test]
fn artworks_are_no_archive_files() {
    let painting = |text: &str, title: &str, inv: &str| {
        c(K::Full, text).item(Item {
            item_type: ItemType::Graphic,
            title: Some(title.into()),
            archive: Some("National Gallery".into()),
            archive_location: Some(inv.into()),
            ..Item::default()
        })
    };
    let r = run(&by_note([
        (
            1,
            painting(
                "De Hooch, Courtyard, 1658, inv. NG835.",
                "Courtyard",
                "inv. NG835",
            ),
        ),
        (
            2,
            painting(
                "De Hooch, Interior, 1658, inv. NG834.",
                "Interior",
                "inv. NG834",
            ),
        ),
    ]));
    assert_eq!(r.works.len(), 2);
    assert!(r.works.iter().all(|w| w.item.title.is_some()));
}

#[test]
fn a_letter_cited_from_its_file_is_found_by_its_correspondents_and_day() {
    let day = |y, m, d| Date {
        date_parts: vec![vec![y, m, d]],
        ..Date::default()
    };
    let letter = |text: &str, title: &str, on: Date, loc: Option<&str>| {
        c(K::Full, text).item(Item {
            title: Some(title.into()),
            archive_location: loc.map(str::to_owned),
            issued: Some(on),
            ..Item::default()
        })
    };
    let r = run(&by_note([
        (
            1,
            letter(
                "Neville Chamberlain to Ida Chamberlain, 20 March 1938, NC 18/1/1042, Cadbury Research Library.",
                "Neville Chamberlain to Ida Chamberlain",
                day(1938, 3, 20),
                Some("NC 18/1/1042"),
            ),
        ),
        (
            2,
            letter(
                "Chamberlain to Ida Chamberlain, 20 March 1938.",
                "Chamberlain to Ida Chamberlain",
                day(1938, 3, 20),
                None,
            ),
        ),
        // another day: another letter
        (
            3,
            letter(
                "Chamberlain to Ida Chamberlain, 9 April 1938.",
                "Chamberlain to Ida Chamberlain",
                day(1938, 4, 9),
                None,
            ),
        ),
    ]));
    assert_works(&r, "0 0 1");
    assert_eq!(r.citations[1][0].kind, K::Short);
}
