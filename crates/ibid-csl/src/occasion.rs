//! Speeches and diary entries. The labeller reads their lead ("Hitler's
//! speech of 30 January 1939, in …", "Cadogan diary, 17 March 1939, …") as
//! a speaker `author`, a head phrase `title` ("speech", "Speech at
//! Birmingham", "diary entry") and the day `date`; what follows is the
//! host the speech or entry is printed in, or its archive.
//!
//! Here, before the type is inferred:
//! - a speech or entry printed in a book or a newspaper has two dates: the
//!   day it was given or written (first) and the host's date of
//!   publication (kept in `custom["other-dates"]` by the builder). The host's
//!   date is the item's `issued`; the day goes to CSL's `event-date`
//!   (`custom["event-date"]`, lifted to the top level by the CSL exports).
//! - the place a speech was given ("Speech by Neville Chamberlain,
//!   Birmingham, 17 March 1939"), which the builder took for a publisher's
//!   place, is CSL's `event-place` (`custom["event-place"]`, lifted by the
//!   CSL exports) when the item has no publisher.
//! - the type: a speech printed nowhere is a CSL `speech` ([`is_speech`]),
//!   a diary entry printed nowhere a `manuscript` ([`is_diary`]); printed
//!   ones are typed as their host makes them (`chapter`,
//!   `article-newspaper`).

use crate::date::parse_date;
use ibid_model::text::{occasion_head, Occasion};
use ibid_model::Item;
use serde_json::Value;

/// Words that may stand before the head ("radio broadcast").
const QUALIFIERS: &[&str] = &[
    "radio",
    "broadcast",
    "public",
    "secret",
    "private",
    "unpublished",
    "inaugural",
    "farewell",
    "televised",
    "budget",
    "his",
    "her",
];

/// Words after the head: where, to whom, by whom ("speech at Birmingham",
/// "Rede vor dem Reichstag", "diary entry").
const LINKS: &[&str] = &[
    "at",
    "to",
    "in",
    "before",
    "on",
    "of",
    "by",
    "delivered",
    "given",
    "entry",
    "entries",
    "vor",
    "im",
    "am",
    "vom",
    "an",
    "à",
    "au",
    "aux",
    "devant",
    "de",
    "du",
    "a",
    "al",
    "alla",
    "davanti",
    "del",
    "ante",
    "en",
];

/// A word that may stand before a head word ("radio broadcast", "secret
/// speech").
pub fn is_occasion_qualifier(word: &str) -> bool {
    QUALIFIERS.iter().any(|q| word.eq_ignore_ascii_case(q))
}

fn is_link(word: &str) -> bool {
    LINKS.iter().any(|l| word.eq_ignore_ascii_case(l))
}

/// The kind a phrase names when it is a head word, after qualifiers and
/// before at most `links` linking words ("Speech by", "radio broadcast",
/// "diary entry"; "Speeches and writings" is none).
fn phrase_kind(s: &str, links: usize) -> Option<Occasion> {
    let (kind, words) = head_phrase(s)?;
    let mut n = 0;
    for w in words {
        n += 1;
        if n > links || !is_link(w) {
            return None;
        }
    }
    Some(kind)
}

/// True for the opening words of a speech or diary citation that a note's
/// segmenter may take for a signal ("Speech by", "Radio broadcast by",
/// "Diary of"): the citation starts with them.
///
/// ```
/// assert!(ibid_csl::is_occasion_lead("Speech by"));
/// assert!(ibid_csl::is_occasion_lead("Radio broadcast by"));
/// assert!(!ibid_csl::is_occasion_lead("Quoted by"));
/// ```
pub fn is_occasion_lead(s: &str) -> bool {
    phrase_kind(s, 2).is_some()
}

/// The kind of a title that names a speech or a diary ("speech", "Speech
/// at Birmingham", "radio broadcast", "diary entry"; up to eight words) of
/// an item dated to the month or day.
fn kind(item: &Item) -> Option<Occasion> {
    let month = item
        .issued
        .as_ref()
        .and_then(|d| d.date_parts.first())
        .is_some_and(|p| p.len() >= 2);
    if !month {
        return None;
    }
    let title = item.title.as_deref()?;
    if title.split_whitespace().nth(8).is_some() {
        return None;
    }
    // the head alone or with where, to whom, by whom ("Speeches and
    // writings" is a book)
    let (head, mut words) = head_phrase(title)?;
    words.next().is_none_or(is_link).then_some(head)
}

/// The kind of a phrase that opens with qualifiers and a head word or two
/// ("radio broadcast", "broadcast speech"), and its words after the head.
fn head_phrase(s: &str) -> Option<(Occasion, impl Iterator<Item = &str>)> {
    let mut words = s
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', '.', ':']))
        .peekable();
    while let Some(w) = words.next() {
        if let Some(mut kind) = occasion_head(w) {
            while let Some(k) = words.peek().and_then(|w| occasion_head(w)) {
                kind = k;
                words.next();
            }
            return Some((kind, words));
        }
        if !is_occasion_qualifier(w) {
            return None;
        }
    }
    None
}

/// Printed in a book, journal or newspaper.
fn printed(item: &Item) -> bool {
    item.container_title.is_some() || item.publisher.is_some()
}

/// Splits the two dates of a printed speech or entry, and moves the place
/// it was given to `event-place` (see the module docs).
pub(crate) fn occasion(it: &mut Item) {
    if kind(it).is_none() {
        // "Lettera di Cavour a Nigra, 12 gennaio 1859, in Il carteggio
        // Cavour-Nigra, vol. 1 (Bologna, 1926)": a letter printed in an
        // edition has its two dates as a printed speech has
        let printed_letter = it.container_title.is_some()
            && it.custom.contains_key("other-dates")
            && it
                .title
                .as_deref()
                .is_some_and(|t| ibid_model::text::correspondents(t).is_some());
        if printed_letter {
            host_date_issued(it);
        }
        return;
    }
    // "Speech by Neville Chamberlain, Birmingham, 17 March 1939, in The
    // Times": no publisher's place (a host's imprint has a publisher)
    if it.publisher.is_none() {
        if let Some(place) = it.publisher_place.take() {
            it.custom.insert("event-place".into(), Value::String(place));
        }
    }
    if printed(it) {
        host_date_issued(it);
    }
}

/// The host's year (the first of `other-dates`) becomes the item's
/// `issued`, and the day it replaces the `event-date`.
fn host_date_issued(it: &mut Item) {
    let Some(Value::Array(others)) = it.custom.get_mut("other-dates") else {
        return;
    };
    let Some((i, host)) = others.iter().enumerate().find_map(|(i, v)| {
        let d = parse_date(v.as_str()?)?;
        d.first_year().map(|_| (i, d))
    }) else {
        return;
    };
    others.remove(i);
    if others.is_empty() {
        it.custom.remove("other-dates");
    }
    if let Some(day) = it.issued.replace(host) {
        if let Ok(v) = serde_json::to_value(day) {
            it.custom.insert("event-date".into(), v);
        }
    }
}

/// A speech printed nowhere: CSL `speech`.
pub(crate) fn is_speech(item: &Item) -> bool {
    kind(item) == Some(Occasion::Speech) && !printed(item)
}

/// A diary entry printed nowhere: a `manuscript`.
pub(crate) fn is_diary(item: &Item) -> bool {
    kind(item) == Some(Occasion::Diary) && !printed(item)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ibid_model::Date;
    use serde_json::json;

    fn item(title: &str, day: Vec<i32>) -> Item {
        Item {
            title: Some(title.into()),
            issued: Some(Date {
                date_parts: vec![day],
                ..Date::default()
            }),
            ..Item::default()
        }
    }

    #[test]
    fn every_head_passes_the_first_letter_test() {
        for h in ibid_model::text::OCCASION_HEADS {
            assert!(occasion_head(h).is_some(), "{h}");
        }
    }

    #[test]
    fn kinds() {
        assert!(is_speech(&item("Speech at Birmingham", vec![1939, 3, 17])));
        assert!(is_speech(&item("radio broadcast", vec![1938, 9, 27])));
        assert!(is_speech(&item(
            "broadcast speech to the nation",
            vec![1938, 9, 27]
        )));
        assert!(!is_speech(&item("radio address book", vec![1938, 9, 27])));
        assert!(is_diary(&item("diary entry", vec![1938, 9, 26])));
        assert!(is_diary(&item("Tagebücher", vec![1938, 3, 12])));
        // a year alone is a book's imprint
        assert!(!is_speech(&item("Speech at the Crossroads", vec![1990])));
        assert!(!is_speech(&item(
            "Speeches and writings of the late Lord Acton",
            vec![1903, 5]
        )));
        let mut printed = item("speech", vec![1939, 1, 30]);
        printed.container_title = Some("Hitler: Speeches and Proclamations".into());
        assert!(!is_speech(&printed));
    }

    #[test]
    fn a_printed_speech_has_two_dates() {
        let mut it = item("speech", vec![1939, 1, 30]);
        it.container_title = Some("Hitler: Speeches and Proclamations".into());
        it.custom
            .insert("other-dates".into(), json!(["1997", "1449"]));
        occasion(&mut it);
        assert_eq!(it.issued.unwrap().date_parts, vec![vec![1997]]);
        assert_eq!(
            it.custom["event-date"]["date-parts"],
            json!([[1939, 1, 30]])
        );
        assert_eq!(it.custom["other-dates"], json!(["1449"]));

        // a place with no publisher is where it was given
        let mut it = item("speech", vec![1939, 3, 17]);
        it.publisher_place = Some("Birmingham".into());
        occasion(&mut it);
        assert_eq!(it.custom["event-place"], json!("Birmingham"));
        assert!(it.publisher_place.is_none());

        // printed nowhere: the day is the item's date
        let mut it = item("speech", vec![1939, 1, 30]);
        it.custom.insert("other-dates".into(), json!(["1997"]));
        occasion(&mut it);
        assert_eq!(it.issued.unwrap().date_parts, vec![vec![1939, 1, 30]]);
        assert!(!it.custom.contains_key("event-date"));
    }
}
