//! Chicago notes render each full citation from its own item, back-references
//! from the work they resolve to.

use ibid_emit::{write_document, EmitOptions, Format};
use ibid_model::{
    CharSpan, Citation, CitationKind, Date, Document, Item, ItemType, Links, Name, Note, Work,
};

fn cite(text: &str, kind: CitationKind, work: &str, locator: Option<&str>, item: Item) -> Citation {
    Citation {
        text: text.into(),
        span: CharSpan::default(),
        kind,
        work: Some(work.into()),
        locator: locator.map(String::from),
        item,
        fields: Vec::new(),
        unlabelled: Vec::new(),
        signal: None,
    }
}

fn note(number: u32, citations: Vec<Citation>) -> Note {
    let text = citations
        .iter()
        .map(|c| c.text.clone())
        .collect::<Vec<_>>()
        .join("; ");
    Note {
        commentary: Vec::new(),
        number: Some(number),
        text,
        span: CharSpan::default(),
        citations,
    }
}

fn work(item: Item, cited_in: Vec<u32>) -> Work {
    Work {
        item,
        cited_in,
        locators: Vec::new(),
        links: Links::default(),
    }
}

fn date(parts: &[i32]) -> Date {
    Date {
        date_parts: vec![parts.to_vec()],
        ..Date::default()
    }
}

fn letter(day: i32, file: &str) -> Item {
    Item {
        item_type: ItemType::Manuscript,
        title: Some("Phipps to Simon".into()),
        archive: Some("The National Archives, Kew".into()),
        archive_location: Some(format!("FO 371/18851, {file}")),
        issued: Some(date(&[1935, 5, day])),
        ..Item::default()
    }
}

fn taylor() -> Item {
    Item {
        item_type: ItemType::Book,
        author: vec![Name::person("Taylor", Some("A. J. P.".into()))],
        title: Some("The Origins of the Second World War".into()),
        publisher_place: Some("London".into()),
        issued: Some(Date::year(1961)),
        ..Item::default()
    }
}

fn hansard() -> Item {
    Item {
        item_type: ItemType::Book,
        title: Some("House of Commons Debates (Hansard)".into()),
        collection_title: Some("5th ser".into()),
        volume: Some("339".into()),
        issued: Some(date(&[1938, 10, 5])),
        ..Item::default()
    }
}

/// The notes of examples/notes.txt that matter here, as the pipeline gives
/// them: two letters of one file are one work (w4, the file only), Taylor's
/// full citation carries its pinpoint as `page`.
fn document() -> Document {
    use CitationKind::*;
    let with_id = |mut item: Item, id: &str| {
        item.id = Some(id.into());
        item
    };
    let taylor_note = Item {
        page: Some("88".into()),
        page_first: Some("88".into()),
        ..taylor()
    };
    let file = Item {
        id: Some("w4".into()),
        item_type: ItemType::Manuscript,
        archive: Some("The National Archives, Kew".into()),
        archive_location: Some("FO 371/18851".into()),
        ..Item::default()
    };
    let notes = vec![
        note(
            7,
            vec![cite(
                "Taylor, A. J. P., The Origins of the Second World War (London, 1961), p. 88",
                Full,
                "w2",
                Some("p. 88"),
                taylor_note,
            )],
        ),
        note(
            8,
            vec![cite("Ibid., p. 91", Ibid, "w2", Some("p. 91"), with_id(taylor(), "w2"))],
        ),
        note(
            11,
            vec![cite(
                "Phipps to Simon, 4 May 1935, FO 371/18851, C 3850/55/18, The National Archives, Kew (TNA)",
                Full,
                "w4",
                None,
                letter(4, "C 3850/55/18"),
            )],
        ),
        note(
            14,
            vec![cite(
                "H.C. Deb., 5th ser., vol. 339, col. 361 (5 Oct. 1938)",
                Full,
                "w7",
                Some("col. 361"),
                with_id(hansard(), "w7"),
            )],
        ),
        note(
            15,
            vec![cite(
                "Phipps to Simon, 22 May 1935, FO 371/18851, C 4160/55/18, TNA",
                Full,
                "w4",
                None,
                letter(22, "C 4160/55/18"),
            )],
        ),
        note(
            21,
            vec![cite(
                "Taylor, Origins, p. 120",
                Short,
                "w2",
                Some("p. 120"),
                with_id(taylor(), "w2"),
            )],
        ),
        note(
            22,
            vec![cite(
                "H.C. Deb., 5th ser., vol. 339, col. 400",
                Full,
                "w7",
                Some("col. 400"),
                with_id(hansard(), "w7"),
            )],
        ),
        note(
            23,
            vec![cite(
                "Ibid., col. 401 f.",
                Ibid,
                "w7",
                Some("col. 401 f."),
                with_id(hansard(), "w7"),
            )],
        ),
    ];
    Document {
        notes,
        works: vec![
            work(with_id(taylor(), "w2"), vec![7, 8, 21]),
            work(file, vec![11, 15]),
            work(with_id(hansard(), "w7"), vec![14, 22, 23]),
        ],
        ..Document::default()
    }
}

fn render(format: Format) -> String {
    let mut out = Vec::new();
    write_document(&document(), format, &EmitOptions::default(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn note_line(text: &str, n: u32) -> String {
    let prefix = format!("{n}. ");
    text.lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("no note {n} in:\n{text}"))
        .to_string()
}

#[test]
fn each_letter_is_rendered_from_its_own_citation() {
    let t = render(Format::Chicago);
    assert_eq!(
        note_line(&t, 11),
        "11. Phipps to Simon, May 4, 1935, FO 371/18851, C 3850/55/18, The National Archives, Kew.",
        "{t}"
    );
    assert_eq!(
        note_line(&t, 15),
        "15. Phipps to Simon, May 22, 1935, FO 371/18851, C 4160/55/18, The National Archives, Kew.",
        "{t}"
    );
    // The bibliography lists the work, the file.
    let bib = t.split("Bibliography\n\n").nth(1).expect("bibliography");
    assert!(
        bib.lines()
            .any(|l| l.starts_with("FO 371/18851. The National Archives")),
        "{bib}"
    );
    assert!(!bib.contains("Phipps"), "{bib}");
    let h = render(Format::ChicagoHtml);
    assert!(
        h.contains("May 22, 1935, FO 371/18851, C 4160/55/18"),
        "{h}"
    );
}

#[test]
fn back_references_render_as_before() {
    let t = render(Format::Chicago);
    // The full citation's pinpoint is no page of the book.
    assert_eq!(
        note_line(&t, 7),
        "7. A. J. P. Taylor, The Origins of the Second World War (London, 1961), 88."
    );
    assert_eq!(note_line(&t, 8), "8. Ibid., 91.");
    // a locator that ends in its own period gets no second one
    // (and "f." is glued to its number, as Chicago writes it)
    assert_eq!(note_line(&t, 23), "23. Ibid., col. 401f.");
    // A short form after the full citation is a short note.
    assert_eq!(
        note_line(&t, 21),
        "21. Taylor, The Origins of the Second World War, 120."
    );
}

#[test]
fn a_series_volume_reads_as_cmos_writes_it() {
    let t = render(Format::Chicago);
    assert_eq!(
        note_line(&t, 14),
        "14. House of Commons Debates (Hansard), 5th ser., vol. 339 (1938), col. 361."
    );
    // The short note keeps the volume with its series (volumes are
    // numbered within a series), with the pinpoint.
    assert_eq!(
        note_line(&t, 22),
        "22. House of Commons Debates (Hansard), 5th ser., vol. 339, col. 400."
    );
}
