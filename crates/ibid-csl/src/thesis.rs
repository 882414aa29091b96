//! A thesis's imprint left in the note: "(unpublished MA thesis, University
//! of London, 1975)" labelled as one note gives the genre ("unpublished MA
//! thesis"), the university (the publisher) and the year.

use crate::date::parse_date;
use ibid_model::Item;

/// Words that name a thesis in its genre (lower case).
const THESIS_WORDS: &[&str] = &[
    "thesis",
    "dissertation",
    "diss",
    "diss.",
    "thèse",
    "tesi",
    "tesis",
    "habilitation",
    "doktorarbeit",
    "magisterarbeit",
    "mémoire",
];

/// Reads a thesis's genre, university and year from its note, when the
/// item has none of them (see the module docs).
pub(crate) fn thesis_imprint_in_note(it: &mut Item) {
    if it.genre.is_some() || it.publisher.is_some() {
        return;
    }
    let Some(note) = it.note.as_deref() else {
        return;
    };
    let parts: Vec<&str> = note.split(", ").map(str::trim).collect();
    let Some((genre, rest)) = parts.split_first() else {
        return;
    };
    let names_thesis = genre
        .split_whitespace()
        .any(|w| THESIS_WORDS.contains(&w.to_lowercase().as_str()));
    if !names_thesis || rest.is_empty() {
        return;
    }
    let (university, year) = match rest.split_last() {
        Some((last, before)) if parse_date(last).is_some_and(|d| d.first_year().is_some()) => {
            (before, Some(*last))
        }
        _ => (rest, None),
    };
    let capitalised = |p: &&str| p.chars().next().is_some_and(char::is_uppercase);
    if university.is_empty() || !university.iter().all(capitalised) {
        return;
    }
    it.genre = Some(genre.to_string());
    it.publisher = Some(university.join(", "));
    if let Some(y) = year {
        if it.issued.is_none() {
            it.issued = parse_date(y);
        }
    }
    it.note = None;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(note: &str) -> Item {
        let mut it = Item {
            note: Some(note.into()),
            ..Item::default()
        };
        thesis_imprint_in_note(&mut it);
        it
    }

    #[test]
    fn the_imprint_of_a_thesis_in_its_note() {
        let it = read("unpublished MA thesis, University of London, 1975");
        assert_eq!(it.genre.as_deref(), Some("unpublished MA thesis"));
        assert_eq!(it.publisher.as_deref(), Some("University of London"));
        assert_eq!(it.issued.and_then(|d| d.first_year()), Some(1975));
        assert_eq!(it.note, None);
        let it = read("PhD diss., Universität Wien");
        assert_eq!(it.publisher.as_deref(), Some("Universität Wien"));
        // no thesis, or no university: the note stays
        for note in [
            "see also p. 4, Oxford, 1975",
            "MA thesis",
            "thesis, unpublished, 1975",
        ] {
            let it = read(note);
            assert_eq!(it.note.as_deref(), Some(note), "{note}");
        }
    }
}
