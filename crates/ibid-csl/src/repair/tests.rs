use super::*;
use ibid_model::Name;

fn literal(s: &str) -> Name {
    Name {
        literal: Some(s.into()),
        ..Name::default()
    }
}

#[test]
fn a_pinpoint_inside_the_range_is_the_locator() {
    let pin = |page: &str| {
        let mut it = Item {
            page: Some(page.into()),
            ..Item::default()
        };
        pinpoint_after_range(&mut it);
        let loc = it
            .custom
            .get("locator")
            .and_then(|v| v.as_str())
            .map(str::to_string);
        (it.page.unwrap_or_default(), loc)
    };
    assert_eq!(pin("401-28, 410"), ("401-28".into(), Some("410".into())));
    assert_eq!(
        pin("237-264, ici p. 240"),
        ("237-264".into(), Some("p. 240".into()))
    );
    assert_eq!(
        pin("73-97, hier S. 80"),
        ("73-97".into(), Some("S. 80".into()))
    );
    assert_eq!(
        pin("195-215, esp. 200-201"),
        ("195-215".into(), Some("200-201".into()))
    );
    // more pages of the work, or words that are no pinpoint: left alone
    assert_eq!(pin("12-15, 18"), ("12-15, 18".into(), None));
    assert_eq!(pin("12-15, and 13"), ("12-15, and 13".into(), None));
    assert_eq!(pin("xii-xiv, 3"), ("xii-xiv, 3".into(), None));
}

#[test]
fn a_newspaper_read_as_a_name_or_a_title() {
    use ibid_model::Date;
    let day = Date {
        date_parts: vec![vec![1838, 4, 14]],
        ..Date::default()
    };
    let mut it = Item {
        author: vec![literal("Star, Northern")],
        issued: Some(day.clone()),
        ..Item::default()
    };
    repair(&mut it, &["Northern Star,".into()]);
    assert_eq!(it.container_title.as_deref(), Some("Northern Star"));
    assert!(it.author.is_empty());
    // the paper and its day read whole as the date: "El Sol, 14 de abril
    // de 1931"
    let mut it = Item {
        issued: Some(Date {
            date_parts: vec![vec![1931, 4, 14]],
            raw: Some("El Sol, 14 de abril de 1931".into()),
            ..Date::default()
        }),
        ..Item::default()
    };
    repair(&mut it, &[]);
    assert_eq!(it.container_title.as_deref(), Some("El Sol"));
    assert_eq!(
        it.issued.as_ref().and_then(|d| d.raw.as_deref()),
        Some("14 de abril de 1931")
    );
    // a name that is no paper stays in the date
    let mut it = Item {
        issued: Some(Date {
            date_parts: vec![vec![1931, 4, 14]],
            raw: Some("Madrid, 14 de abril de 1931".into()),
            ..Date::default()
        }),
        ..Item::default()
    };
    repair(&mut it, &[]);
    assert_eq!(it.container_title, None);
    // a known paper's issue number and day left in the note
    let mut it = Item {
        author: vec![Name::person("Zeitung", Some("Vossische".into()))],
        issued: Some(Date {
            date_parts: vec![vec![1912, 5]],
            ..Date::default()
        }),
        note: Some("Nr. 214 vom 8".into()),
        ..Item::default()
    };
    repair(&mut it, &["Vossische Zeitung".into()]);
    assert_eq!(it.container_title.as_deref(), Some("Vossische Zeitung"));
    assert_eq!(it.issue.as_deref(), Some("214"));
    assert_eq!(it.issued.unwrap().date_parts, [[1912, 5, 8]]);
    assert_eq!(it.note, None);
    // the day left in the title: "Frankfurter Zeitung vom 3. Mai 1925"
    let month = |raw: &str| Date {
        date_parts: vec![vec![1925, 5]],
        raw: Some(raw.into()),
        ..Date::default()
    };
    let mut it = Item {
        title: Some("Frankfurter Zeitung vom 3".into()),
        issued: Some(month("Mai 1925")),
        ..Item::default()
    };
    repair(&mut it, &[]);
    assert_eq!(it.container_title.as_deref(), Some("Frankfurter Zeitung"));
    assert_eq!(it.title, None);
    let date = it.issued.unwrap();
    assert_eq!(date.date_parts, [[1925, 5, 3]]);
    assert_eq!(date.raw.as_deref(), Some("3. Mai 1925"));
    // the whole date left in the title, none labelled
    let mut it = Item {
        title: Some("Frankfurter Zeitung vom 12. März 1938".into()),
        ..Item::default()
    };
    repair(&mut it, &[]);
    assert_eq!(it.container_title.as_deref(), Some("Frankfurter Zeitung"));
    assert_eq!(it.title, None);
    assert_eq!(it.issued.unwrap().date_parts, [[1938, 3, 12]]);
    let mut it = Item {
        title: Some("Bericht vom 12. März 1938".into()),
        ..Item::default()
    };
    repair(&mut it, &[]);
    assert_eq!(it.title.as_deref(), Some("Bericht vom 12. März 1938"));
    // no newspaper before it: the title stays
    let mut it = Item {
        title: Some("Bericht vom 3".into()),
        issued: Some(month("Mai 1925")),
        ..Item::default()
    };
    repair(&mut it, &[]);
    assert_eq!(it.title.as_deref(), Some("Bericht vom 3"));
    let mut it = Item {
        title: Some("Manchester Guardian".into()),
        issued: Some(day.clone()),
        ..Item::default()
    };
    repair(&mut it, &[]);
    assert_eq!(it.container_title.as_deref(), Some("Manchester Guardian"));
    assert_eq!(it.title, None);
    // a person with a day-precise date, or a paper with a year only, stays
    let mut it = Item {
        author: vec![literal("Smith, John")],
        issued: Some(day),
        ..Item::default()
    };
    repair(&mut it, &["John Smith".into()]);
    assert!(it.container_title.is_none() && !it.author.is_empty());
    let mut it = Item {
        title: Some("Manchester Guardian".into()),
        issued: Some(Date::year(1851)),
        ..Item::default()
    };
    repair(&mut it, &[]);
    assert_eq!(it.title.as_deref(), Some("Manchester Guardian"));
}

#[test]
fn a_letter_in_a_collection_and_file() {
    let mut it = Item {
        author: vec![literal("Kennan to Acheson")],
        title: Some("Policy Planning Staff Records, box 1".into()),
        container_title: Some("National Archives".into()),
        publisher_place: Some("College Park, MD".into()),
        ..Item::default()
    };
    repair(&mut it, &["Kennan to Acheson".into()]);
    assert_eq!(it.title.as_deref(), Some("Kennan to Acheson"));
    assert_eq!(it.archive.as_deref(), Some("National Archives"));
    assert_eq!(
        it.archive_location.as_deref(),
        Some("Policy Planning Staff Records, box 1")
    );
    assert!(it.author.is_empty() && it.container_title.is_none());
    // a book's title after a letter stays (no box or file in it)
    let mut it = Item {
        author: vec![literal("Kennan to Acheson")],
        title: Some("Memoirs".into()),
        container_title: Some("National Archives".into()),
        ..Item::default()
    };
    repair(&mut it, &["Kennan to Acheson".into()]);
    assert_eq!(it.title.as_deref(), Some("Memoirs"));
}

#[test]
fn correspondents_are_a_letter_title() {
    let is_correspondents = |s: &str| ibid_model::text::correspondents(s).is_some();
    assert!(is_correspondents("Phipps to Simon"));
    assert!(is_correspondents("Sir E. Phipps to Sir J. Simon,"));
    assert!(!is_correspondents("Letters to friends"));
    assert!(!is_correspondents("Taylor, A. J. P."));
    let mut it = Item {
        author: vec![literal("Phipps to Simon")],
        title: Some("The National Archives, Kew".into()),
        archive_location: Some("FO 371/18851".into()),
        ..Item::default()
    };
    repair(&mut it, &["Phipps to Simon".into()]);
    assert_eq!(it.title.as_deref(), Some("Phipps to Simon"));
    assert_eq!(it.archive.as_deref(), Some("The National Archives, Kew"));
    assert!(it.author.is_empty());
}

#[test]
fn archive_names_leave_the_title() {
    let mut it = Item {
        title: Some("Bundesarchiv Berlin".into()),
        archive_location: Some("R 43 II/1309".into()),
        ..Item::default()
    };
    repair(&mut it, &[]);
    assert_eq!(it.archive.as_deref(), Some("Bundesarchiv Berlin"));
    assert_eq!(it.title, None);
    // without a shelfmark a title about archives stays a title
    let mut it = Item {
        title: Some("Archives and the Historian".into()),
        ..Item::default()
    };
    repair(&mut it, &[]);
    assert_eq!(it.title.as_deref(), Some("Archives and the Historian"));
}

#[test]
fn a_case_name_taken_for_an_author_is_the_title() {
    let mut it = Item {
        author: vec![literal("Entick v Carrington")],
        volume: Some("19 St Tr 1029".into()),
        ..Item::default()
    };
    repair(&mut it, &["Entick v Carrington".into()]);
    assert_eq!(it.title.as_deref(), Some("Entick v Carrington"));
    assert!(it.author.is_empty());
    assert_eq!(it.container_title.as_deref(), Some("St Tr"));
}

#[test]
fn hansard_taken_for_an_author_is_the_title() {
    for text in ["HL Deb", "H.C. Deb.,", "Hansard, HC Deb"] {
        let mut it = Item {
            author: vec![Name::person("Deb", Some("HL".into()))],
            volume: Some("667".into()),
            ..Item::default()
        };
        repair(&mut it, &[text.into()]);
        assert_eq!(it.title.as_deref(), Some(text.trim_end_matches(',')));
        assert!(it.author.is_empty());
    }
    // a person named Deb stays one
    let mut it = Item {
        author: vec![Name::person("Deb", Some("Ananya".into()))],
        ..Item::default()
    };
    repair(&mut it, &["Ananya Deb".into()]);
    assert_eq!(it.author.len(), 1);
}

#[test]
fn a_document_number_is_no_shelfmark() {
    let mut it = Item {
        title: Some("Documents on German Foreign Policy".into()),
        archive_location: Some("Doc. No. 45".into()),
        ..Item::default()
    };
    repair(&mut it, &[]);
    assert_eq!(it.archive_location, None);
    assert_eq!(it.custom["locator"], "Doc. No. 45");
    // in the note: the other parts stay
    let mut it = Item {
        title: Some("Akten zur deutschen auswärtigen Politik".into()),
        note: Some("Serie D, Bd. 1; Nr. 19".into()),
        ..Item::default()
    };
    repair(&mut it, &[]);
    assert_eq!(it.custom["locator"], "Nr. 19");
    // (and the other parts are read: the edition's series and volume)
    assert_eq!(it.note, None);
    assert_eq!(it.collection_title.as_deref(), Some("Serie D"));
    assert_eq!(it.volume.as_deref(), Some("1"));
}

#[test]
fn a_documents_series_is_a_title() {
    let mut it = Item {
        author: vec![literal("Documents on German Foreign Policy")],
        archive_location: Some("Series C".into()),
        volume: Some("II".into()),
        ..Item::default()
    };
    repair(&mut it, &["Documents on German Foreign Policy".into()]);
    assert_eq!(
        it.title.as_deref(),
        Some("Documents on German Foreign Policy")
    );
    assert_eq!(it.collection_title.as_deref(), Some("Series C"));
    assert_eq!(it.archive_location, None);
    assert!(it.author.is_empty());
    // a body with a title of its own keeps being the author
    let mut it = Item {
        author: vec![literal("Documents Committee")],
        title: Some("Annual Report".into()),
        ..Item::default()
    };
    repair(&mut it, &[]);
    assert_eq!(it.author.len(), 1);
}

#[test]
fn a_series_in_the_container_or_the_note_is_the_collection() {
    assert!(is_series_designation("Second Series"));
    assert!(is_series_designation("2nd ser."));
    assert!(is_series_designation("Serie D"));
    assert!(!is_series_designation("Second Thoughts"));
    assert!(!is_series_designation("Series Editor's Preface"));
    let mut it = Item {
        title: Some("Documents on British Foreign Policy, 1919–1939".into()),
        container_title: Some("Second Series".into()),
        ..Item::default()
    };
    repair(&mut it, &[]);
    assert_eq!(it.collection_title.as_deref(), Some("Second Series"));
    assert_eq!(it.container_title, None);
    let mut it = Item {
        author: vec![literal("Documents on German Foreign Policy")],
        volume: Some("Vol. II".into()),
        note: Some("Series C; Doc. No. 45".into()),
        ..Item::default()
    };
    repair(&mut it, &["Documents on German Foreign Policy".into()]);
    assert_eq!(it.collection_title.as_deref(), Some("Series C"));
    // the document number is the pinpoint
    assert_eq!(
        (it.note, &it.custom["locator"]),
        (None, &"Doc. No. 45".into())
    );
    // a journal's own series stays its container without a title
    let mut it = Item {
        container_title: Some("Second Series".into()),
        ..Item::default()
    };
    repair(&mut it, &[]);
    assert_eq!(it.container_title.as_deref(), Some("Second Series"));
}

#[test]
fn the_year_of_a_documents_volume_is_in_its_title() {
    let frus = |other: &str| Item {
        title: Some("Foreign Relations of the United States".into()),
        volume: Some("3".into()),
        publisher_place: Some("Washington, DC".into()),
        issued: crate::parse_date("1947"),
        custom: [("other-dates".to_string(), serde_json::json!([other]))]
            .into_iter()
            .collect(),
        ..Item::default()
    };
    let mut it = frus("1972");
    repair(&mut it, &[]);
    assert_eq!(
        it.title.as_deref(),
        Some("Foreign Relations of the United States, 1947")
    );
    assert_eq!(it.issued.unwrap().date_parts, [[1972]]);
    assert!(!it.custom.contains_key("other-dates"));
    // an earlier second year is no imprint of the volume
    let mut it = frus("1930");
    repair(&mut it, &[]);
    assert_eq!(
        it.title.as_deref(),
        Some("Foreign Relations of the United States")
    );
}

#[test]
fn a_named_series_with_an_imprint_is_the_collection() {
    let mut it = Item {
        title: Some("The Venetian Dispatches from London".into()),
        container_title: Some("Camden Fifth Series".into()),
        volume: Some("41".into()),
        publisher: Some("Cambridge University Press".into()),
        publisher_place: Some("Cambridge".into()),
        ..Item::default()
    };
    repair(&mut it, &[]);
    assert_eq!(it.collection_title.as_deref(), Some("Camden Fifth Series"));
    assert_eq!(it.custom["collection-number"], "41");
    assert_eq!((it.container_title, it.volume), (None, None));
    // a journal named "… Series" cited by volume, without an imprint, stays
    let mut it = Item {
        title: Some("An Article".into()),
        container_title: Some("Transactions of the Royal Historical Society, Fifth Series".into()),
        volume: Some("12".into()),
        ..Item::default()
    };
    repair(&mut it, &[]);
    assert!(it.container_title.is_some() && it.collection_title.is_none());
}

#[test]
fn a_review_run_on_into_its_periodical_ends_after_the_reviewed_author() {
    let review = |title: &str| {
        let mut it = Item {
            title: Some(title.into()),
            ..Item::default()
        };
        repair(&mut it, &[]);
        (it.title, it.container_title)
    };
    assert_eq!(
        review("review of The Third Reich, by Michael Burleigh, Times Literary Supplement"),
        (
            Some("review of The Third Reich, by Michael Burleigh".into()),
            Some("Times Literary Supplement".into())
        )
    );
    // nothing after the author, or no author: the title stays whole
    let whole = "review of The Third Reich, by Michael Burleigh";
    assert_eq!(review(whole), (Some(whole.into()), None));
    let prose = "Review of the evidence, by and large, in the archives";
    assert_eq!(review(prose), (Some(prose.into()), None));
}
