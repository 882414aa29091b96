//! Helpers shared by the segmentation tests: one note's citations, kinds,
//! texts and locators, and a document's split into notes.
#![allow(dead_code)]

use ibid_model::{CitationKind, MappedText, RawNote};

/// One note's citations as (kind, text, locator, defines).
pub fn cites(note: &str) -> Vec<(CitationKind, String, Option<String>, Option<String>)> {
    let raw = RawNote {
        number: Some(1),
        text: MappedText::identity(note, 0),
        prose: false,
        breaks: Vec::new(),
    };
    ibid_segment::split_citations(&raw)
        .into_iter()
        .map(|c| {
            (
                c.kind,
                note[c.range].to_string(),
                c.locator.map(|l| note[l].to_string()),
                c.defines,
            )
        })
        .collect()
}

/// Texts of the citations of one note.
pub fn texts(note: &str) -> Vec<String> {
    cites(note).into_iter().map(|c| c.1).collect()
}

pub fn kinds(note: &str) -> Vec<CitationKind> {
    cites(note).into_iter().map(|c| c.0).collect()
}

pub fn locator(note: &str) -> Option<String> {
    cites(note).into_iter().next().and_then(|c| c.2)
}

/// Each note's citation texts are exactly the expected ones.
pub fn texts_are(cases: &[(&str, &[&str])]) {
    for (note, want) in cases {
        assert_eq!(texts(note), *want, "texts of {note:?}");
    }
}

/// Each note's citation kinds are exactly the expected ones.
pub fn kinds_are(cases: &[(&str, &[CitationKind])]) {
    for (note, want) in cases {
        assert_eq!(kinds(note), *want, "kinds of {note:?}");
    }
}

/// Each note's first citation has the expected locator.
pub fn locators_are(cases: &[(&str, Option<&str>)]) {
    for (note, want) in cases {
        assert_eq!(locator(note).as_deref(), *want, "locator of {note:?}");
    }
}

/// A citation's kind and locator.
pub type KindLocator<'a> = (CitationKind, Option<&'a str>);

/// A citation's kind, text and locator.
pub type KindTextLocator<'a> = (CitationKind, &'a str, Option<&'a str>);

/// Each note's citations are exactly the expected (kind, locator) pairs.
pub fn kinds_and_locators_are(cases: &[(&str, &[KindLocator])]) {
    for (note, want) in cases {
        let got = cites(note);
        let got: Vec<KindLocator> = got.iter().map(|c| (c.0, c.2.as_deref())).collect();
        assert_eq!(got, *want, "kinds and locators of {note:?}");
    }
}

/// Each note's citations are exactly the expected (kind, text, locator)
/// triples.
pub fn citations_are(cases: &[(&str, &[KindTextLocator])]) {
    for (note, want) in cases {
        let got = cites(note);
        let got: Vec<KindTextLocator> = got
            .iter()
            .map(|c| (c.0, c.1.as_str(), c.2.as_deref()))
            .collect();
        assert_eq!(got, *want, "citations of {note:?}");
    }
}

// ---------------------------------------------------------------- Chicago

pub fn split(doc: &str) -> ibid_segment::NoteSplit {
    ibid_segment::split_notes(&MappedText::identity(doc, 0), &[])
}

pub fn numbers(doc: &str) -> Vec<Option<u32>> {
    split(doc).notes.iter().map(|n| n.number).collect()
}
