//! Chicago notes and bibliography rendered by hayagriva, with our own "Ibid.".

mod common;
use common::fixture;

use ibid_emit::{write_document, EmitError, EmitOptions, Format};

fn render(format: Format, style: Option<&str>) -> Result<String, EmitError> {
    let mut out = Vec::new();
    let opts = EmitOptions {
        style: style.map(String::from),
        pretty: false,
    };
    write_document(&fixture::document(), format, &opts, &mut out)?;
    Ok(String::from_utf8(out).expect("utf-8"))
}

fn note_line(text: &str, n: u32) -> String {
    let prefix = format!("{n}. ");
    text.lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("no note {n} in:\n{text}"))
        .to_string()
}

#[test]
fn full_first_note_ibid_and_short_notes() {
    let t = render(Format::Chicago, None).unwrap();
    println!("{t}");
    let n1 = note_line(&t, 1);
    assert!(n1.contains("Taylor"), "{n1}");
    assert!(n1.contains("The Origins of the Second World War"), "{n1}");
    assert!(n1.contains("1961"), "{n1}");
    assert!(n1.ends_with("45."), "{n1}");
    // Ibid. after a note citing the same single work.
    assert_eq!(note_line(&t, 2), "2. Ibid., 67.");
    // Two works in note 3: both rendered, joined by a semicolon.
    let n3 = note_line(&t, 3);
    assert!(n3.contains("Müller") && n3.contains("Treitschke"), "{n3}");
    assert!(n3.contains("; "), "{n3}");
    // The previous note cited two works: no "Ibid.", a short note instead.
    let n4 = note_line(&t, 4);
    assert!(!n4.contains("Ibid"), "{n4}");
    assert!(n4.contains("Treitschke") && n4.contains("14"), "{n4}");
    // A later citation of w1 is a short note, not a full one.
    let n6 = note_line(&t, 6);
    assert!(
        n6.contains("Taylor") && n6.contains("Origins") && n6.contains("102"),
        "{n6}"
    );
    assert!(!n6.contains("Hamish Hamilton"), "{n6}");
    // The archival letter keeps its archive data.
    let n5 = note_line(&t, 5);
    assert!(
        n5.contains("FO 371/12345") && n5.contains("National Archives"),
        "{n5}"
    );
    // Cross-reference to w4 in note 10, then ibid of w4 in 12 after a note
    // citing w4 and an unresolved work: no Ibid.
    let n12 = note_line(&t, 12);
    assert!(!n12.contains("Ibid"), "{n12}");
    // The unresolved citation is still rendered from its own data.
    assert!(note_line(&t, 10).contains("An anonymous pamphlet"));
    // Titles keep their source capitalisation.
    assert!(note_line(&t, 7).contains("Donoghue v Stevenson"), "{t}");
    assert!(note_line(&t, 3).contains("#Reform_Drafts"), "{t}");
    // A note without citation keeps its text.
    assert_eq!(note_line(&t, 11), "11. I owe this point to a colleague.");
    // Bibliography, sorted by author.
    let bib = t.split("Bibliography\n\n").nth(1).expect("bibliography");
    assert!(bib.lines().all(|l| !l.trim().is_empty()), "{bib}");
    assert!(bib.contains("Taylor, A. J. P."), "{bib}");
    assert!(bib.contains("Costs & Benefits"), "{bib}");
    assert!(bib.contains("{Revised}"), "{bib}");
    assert_eq!(bib.lines().count(), 8, "{bib}");
}

#[test]
fn html_escapes_and_marks_up() {
    let h = render(Format::ChicagoHtml, None).unwrap();
    println!("{h}");
    assert!(h.starts_with("<!DOCTYPE html>"));
    assert!(h.contains("Costs &amp; Benefits"), "{h}");
    assert!(!h.contains("Costs & Benefits"), "{h}");
    assert!(
        h.contains("<i>The Origins of the Second World War</i>"),
        "{h}"
    );
    assert!(
        h.contains("<li value=\"2\" id=\"note-2\">Ibid., 67.</li>"),
        "{h}"
    );
    assert!(h.contains("<div class=\"csl-entry\""), "{h}");
    assert!(h.trim_end().ends_with("</html>"));
}

#[test]
fn other_archived_style_and_unknown_style() {
    let t = render(Format::Chicago, Some("turabian-fullnote-8")).unwrap();
    // CMOS 17 keeps the place of publication.
    assert!(note_line(&t, 1).contains("London"), "{t}");
    let e = render(Format::Chicago, Some("chicago-nonesuch")).unwrap_err();
    let msg = e.to_string();
    assert!(
        msg.contains("chicago-nonesuch") && msg.contains("chicago-notes"),
        "{msg}"
    );
    assert!(msg.contains("apa"), "{msg}");
}

#[test]
fn refs_give_one_bibliography_line_per_item() {
    use ibid_emit::ItemWriter;
    use ibid_model::Item;
    let items = fixture::items();
    let mut w = ItemWriter::new(Format::Chicago, EmitOptions::default()).unwrap();
    let mut out = Vec::new();
    w.begin(&mut out).unwrap();
    for (i, item) in items.iter().enumerate() {
        w.write(i, "raw", item, &mut out).unwrap();
    }
    w.write(8, "an unparsed line", &Item::default(), &mut out)
        .unwrap();
    w.finish(&mut out).unwrap();
    let s = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(lines.len(), 9, "{s}");
    assert_eq!(
        lines[0],
        "Taylor, A. J. P. The Origins of the Second World War. Hamish Hamilton, 1961."
    );
    assert!(lines[3].contains("FO 371/12345"), "{s}");
    assert_eq!(lines[8], "an unparsed line");
    assert!(ItemWriter::new(
        Format::ChicagoHtml,
        EmitOptions {
            style: Some("nope".into()),
            pretty: false
        }
    )
    .is_err());
}

#[test]
fn unresolved_ibid_is_ibid_with_its_pinpoint_and_other_back_references_stay_as_written() {
    use ibid_model::{CharSpan, Citation, CitationKind, Item, Note};
    let mut doc = fixture::document();
    let number = doc.notes.iter().filter_map(|n| n.number).max().unwrap_or(0) + 1;
    doc.notes.push(Note {
        commentary: Vec::new(),
        number: Some(number),
        text: "Ibid., p. 91.".into(),
        span: CharSpan::default(),
        citations: vec![Citation {
            text: "Ibid., p. 91".into(),
            span: CharSpan::default(),
            kind: CitationKind::Ibid,
            work: None,
            locator: Some("p. 91".into()),
            item: Item {
                page: Some("91".into()),
                ..Item::default()
            },
            fields: Vec::new(),
            unlabelled: Vec::new(),
            signal: None,
        }],
    });
    // a short title that names no work cited before
    doc.notes.push(Note {
        commentary: Vec::new(),
        number: Some(number + 1),
        text: "Schmidt, Geschichte, S. 12.".into(),
        span: CharSpan::default(),
        citations: vec![Citation {
            text: "Schmidt, Geschichte, S. 12".into(),
            span: CharSpan::default(),
            kind: CitationKind::Short,
            work: None,
            locator: Some("S. 12".into()),
            item: Item::default(),
            fields: Vec::new(),
            unlabelled: Vec::new(),
            signal: None,
        }],
    });
    let mut out = Vec::new();
    write_document(&doc, Format::Chicago, &EmitOptions::default(), &mut out).unwrap();
    let t = String::from_utf8(out).unwrap();
    // "Ibid." is ibid. whatever it points to: in Chicago's form ("Ebd., S.
    // 650" would read "Ibid., 650.")
    assert_eq!(note_line(&t, number), format!("{number}. Ibid., 91."));
    assert_eq!(
        note_line(&t, number + 1),
        format!("{}. Schmidt, Geschichte, S. 12.", number + 1)
    );
}

#[test]
fn html_note_ids_are_unique_when_numbers_repeat() {
    // Notes numbered 1, 2, 2 (a repeated number), then 1, 2 again (a
    // second chapter): every id is unique, the first of each stays.
    let mut doc = fixture::document();
    doc.notes.truncate(2);
    let mut again = doc.notes.clone();
    doc.notes.push(doc.notes[1].clone());
    doc.notes.append(&mut again);
    let mut out = Vec::new();
    write_document(&doc, Format::ChicagoHtml, &EmitOptions::default(), &mut out).unwrap();
    let h = String::from_utf8(out).unwrap();
    let ids: Vec<&str> = h
        .split(" id=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .filter(|id| id.starts_with("note-"))
        .collect();
    assert_eq!(
        ids,
        ["note-1", "note-2", "note-2-2", "note-1-2", "note-2-3"],
        "{h}"
    );
    assert!(h.contains("<li value=\"2\" id=\"note-2-2\">"), "{h}");
}

/// One item's bibliography entry, as `ibid refs --format chicago` writes it.
fn entry(item: &ibid_model::Item) -> String {
    let mut w = ibid_emit::ItemWriter::new(Format::Chicago, EmitOptions::default()).unwrap();
    let mut out = Vec::new();
    w.write(0, "raw", item, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn an_act_prints_its_public_law_number_after_its_name() {
    use ibid_model::{Item, ItemType};
    let item = Item {
        item_type: ItemType::Legislation,
        title: Some("Sherman Act".into()),
        number: Some("Pub. L. No. 51-647".into()),
        container_title: Some("Stat.".into()),
        volume: Some("26".into()),
        page: Some("209".into()),
        issued: Some(ibid_model::Date::year(1890)),
        ..Item::default()
    };
    let s = entry(&item);
    // the style alone would print "Pub. L. Nos. Pub. L. No. 51–647"
    assert_eq!(
        s.trim(),
        "Sherman Act, Pub. L. No. 51-647, 26 Stat. 209 (1890)."
    );
}

#[test]
fn a_numbered_series_is_not_numbered_twice() {
    use ibid_model::{Item, ItemType};
    let mut item = Item {
        item_type: ItemType::Book,
        title: Some("House of Commons Debates".into()),
        collection_title: Some("5th ser".into()),
        volume: Some("339".into()),
        issued: Some(ibid_model::Date::year(1938)),
        ..Item::default()
    };
    item.custom.insert(
        "collection-number".into(),
        serde_json::Value::String("5".into()),
    );
    let s = entry(&item);
    assert_eq!(
        s.trim(),
        "House of Commons Debates. 5th ser., vol. 339. 1938."
    );
}

#[test]
fn a_roman_volume_of_a_series_follows_the_series() {
    use ibid_model::{Item, ItemType};
    let item = Item {
        item_type: ItemType::Book,
        title: Some("Documents on German Foreign Policy".into()),
        collection_title: Some("Series C".into()),
        volume: Some("II".into()),
        issued: Some(ibid_model::Date::year(1959)),
        ..Item::default()
    };
    assert_eq!(
        entry(&item).trim(),
        "Documents on German Foreign Policy. Series C, vol. II. 1959."
    );
}

#[test]
fn an_archive_file_is_listed_by_its_shelfmark() {
    use ibid_model::{Item, ItemType};
    let item = Item {
        item_type: ItemType::Manuscript,
        archive: Some("The National Archives, Kew".into()),
        archive_location: Some("FO 371/18851".into()),
        ..Item::default()
    };
    assert_eq!(
        entry(&item).trim(),
        "FO 371/18851. The National Archives, Kew."
    );
}

#[test]
fn an_archived_letter_names_its_correspondents_unquoted() {
    use ibid_model::{Item, ItemType};
    let item = Item {
        item_type: ItemType::Manuscript,
        title: Some("Phipps to Simon".into()),
        archive: Some("The National Archives, Kew".into()),
        archive_location: Some("FO 371/18851".into()),
        issued: Some(ibid_model::Date::year(1935)),
        ..Item::default()
    };
    let s = entry(&item);
    assert!(s.starts_with("Phipps. To Simon. 1935."), "{s}");
    // a manuscript with another title keeps its quotation marks
    let memo = Item {
        title: Some("Memorandum on the Rhineland".into()),
        ..item
    };
    assert!(entry(&memo).starts_with("“Memorandum on the Rhineland.”"));
    // a document described by its kind is set in roman and capitalised
    let note = Item {
        title: Some("note du préfet de police".into()),
        archive: Some("Archives nationales, Paris".into()),
        archive_location: Some("F7 13984".into()),
        ..memo.clone()
    };
    let s = entry(&note);
    assert!(s.starts_with("Note du préfet de police"), "{s}");
    assert!(!s.contains('“'), "{s}");
    let cabinet = Item {
        title: Some("Cabinet conclusions".into()),
        ..note
    };
    let s = entry(&cabinet);
    assert!(s.starts_with("Cabinet conclusions"), "{s}");
}
