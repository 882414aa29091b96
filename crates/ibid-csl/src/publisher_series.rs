//! A book's publisher's series left in its note: "Beamtentum im Dritten
//! Reich, Stuttgart 1966 (Schriftenreihe der Vierteljahrshefte für
//! Zeitgeschichte, 13)". The labeller keeps the bracketed series as a note;
//! its name holds a series word and it ends with the book's number in the
//! series, so it becomes `collection-title` and `collection-number` (which
//! the styles print; a note they do not).

use ibid_model::Item;

/// Words that name a publisher's series (lower-case; a word of the name
/// must be one, or begin with one: "Schriftenreihe", "Studien").
const SERIES_WORDS: &[&str] = &[
    "series",
    "serie",
    "série",
    "reihe",
    "schriftenreihe",
    "schriften",
    "studien",
    "beiträge",
    "forschungen",
    "quellen",
    "veröffentlichungen",
    "abhandlungen",
    "arbeiten",
    "studies",
    "monographs",
    "texts",
    "collection",
    "bibliothèque",
    "cahiers",
    "publications",
    "collana",
    "biblioteca",
    "studi",
    "miscellanea",
];

/// The series and its number in one note part: "Schriftenreihe der
/// Vierteljahrshefte für Zeitgeschichte, 13", "Studies in Legal History
/// 12", "= Beiträge zur Geschichte, Bd. 4".
fn series_and_number(part: &str) -> Option<(String, String)> {
    let part = part.trim().trim_start_matches(['=', ' ']);
    let (name, number) = part.rsplit_once([' ', ','])?;
    let name = name.trim_end_matches([',', ' ']);
    // "Bd. 4", "Vol. 12", "no. 3"
    let name = name
        .rsplit_once(' ')
        .filter(|(_, marker)| {
            matches!(
                marker.to_lowercase().as_str(),
                "bd." | "vol." | "no." | "nr." | "n." | "t." | "band"
            )
        })
        .map_or(name, |(n, _)| n.trim_end_matches([',', ' ']));
    let numeric = !number.is_empty()
        && number.len() <= 5
        && (number.chars().all(|c| c.is_ascii_digit())
            || ibid_model::text::canonical_roman(number, ibid_model::text::RomanRules::STANDARD)
                .is_some());
    let words: Vec<&str> = name.split_whitespace().collect();
    let series_word = words.iter().any(|w| {
        let w = w.to_lowercase();
        SERIES_WORDS.iter().any(|s| w.starts_with(s))
    });
    let capitalised = words
        .first()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase);
    // a quoted name is a journal's ("«Miscellanea», s. IV"); a name ending
    // with a marker ("ser.", "s.") holds a series' own number
    let quoted = name.contains(['«', '»', '“', '”', '"']);
    let marker_end = words
        .last()
        .is_some_and(|w| w.ends_with('.') && w.chars().count() <= 4);
    (numeric
        && series_word
        && capitalised
        && !quoted
        && !marker_end
        && (1..=12).contains(&words.len()))
    .then(|| (name.to_string(), number.to_string()))
}

/// Moves a publisher's series with its number out of a book's note (see the
/// module docs). Only for a book: a title, no container, no series yet.
pub(crate) fn publisher_series(it: &mut Item) {
    if it.title.is_none() || it.container_title.is_some() || it.collection_title.is_some() {
        return;
    }
    let Some(part) = it.take_note_part(|p| series_and_number(p).is_some()) else {
        return;
    };
    if let Some((name, number)) = series_and_number(&part) {
        // "Serie D, Bd. 1": a lettered series of an edition, and the
        // edition's volume in it
        if crate::repair::is_series_designation(&name) && it.volume.is_none() {
            it.collection_title = Some(name);
            it.volume = Some(number);
            return;
        }
        it.collection_title = Some(name);
        it.custom.insert(
            "collection-number".into(),
            serde_json::Value::String(number),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn series_with_their_numbers() {
        for (part, name, number) in [
            (
                "Schriftenreihe der Vierteljahrshefte für Zeitgeschichte, 13",
                "Schriftenreihe der Vierteljahrshefte für Zeitgeschichte",
                "13",
            ),
            (
                "Studies in Legal History 12",
                "Studies in Legal History",
                "12",
            ),
            (
                "= Beiträge zur Geschichte, Bd. 4",
                "Beiträge zur Geschichte",
                "4",
            ),
            (
                "Collana di studi storici, XII",
                "Collana di studi storici",
                "XII",
            ),
        ] {
            assert_eq!(
                series_and_number(part),
                Some((name.to_string(), number.to_string())),
                "{part}"
            );
        }
        for part in [
            "Miscellanea», s. IV",
            "Studies in History, ser. 4",
            "2 voll.",
            "hier S. 20",
            "Studies in Legal History",
            "reprint 1990",
            "a cura di studi 3",
        ] {
            assert_eq!(series_and_number(part), None, "{part}");
        }
    }

    #[test]
    fn a_books_series_leaves_its_note() {
        let mut it = Item {
            title: Some("Beamtentum im Dritten Reich".into()),
            note: Some("Schriftenreihe der Vierteljahrshefte für Zeitgeschichte, 13".into()),
            ..Item::default()
        };
        publisher_series(&mut it);
        assert_eq!(
            it.collection_title.as_deref(),
            Some("Schriftenreihe der Vierteljahrshefte für Zeitgeschichte")
        );
        assert_eq!(it.custom["collection-number"], "13");
        assert_eq!(it.note, None);
        // a chapter's note stays
        let mut ch = Item {
            title: Some("Essay".into()),
            container_title: Some("Book".into()),
            note: Some("Studies in Legal History 12".into()),
            ..Item::default()
        };
        publisher_series(&mut ch);
        assert!(ch.collection_title.is_none() && ch.note.is_some());
    }
}
