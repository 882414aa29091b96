//! Letters, which history notes cite by who wrote to whom and when:
//!
//! - "Letter from Keynes to Kahn, 12 March 1937, King's College Archive
//!   Centre, Cambridge, JMK/L/K"
//! - "Letter, Keynes to Kahn, 12 March 1937, JMK/L/K, King's College Archive
//!   Centre"
//! - "Neville Chamberlain to Ida Chamberlain, 20 March 1938, NC 18/1/1042,
//!   Cadbury Research Library"
//! - "Lettera di Cavour a Nigra, 12 gennaio 1859, in Il carteggio
//!   Cavour-Nigra, vol. 1 (Bologna, 1926), 287"; "Brief von Bismarck an
//!   Roon, 3. Mai 1866"; "Lettre de Mazarin à Le Tellier, 4 juin 1659"
//!
//! The model, trained on references that hold almost no letters, reads the
//! correspondents as an author or a title and the archive after them as a
//! book's container and publisher. The lead (the correspondents, in the
//! form "From to To" or after a head word "Letter from", "Lettera di", …,
//! then a full date, with up to two places before it after a head word) is
//! read here by rule, and the rest as the lead of a speech's is
//! (`crate::occasion::relabel_rest`): after "in" the work the letter is
//! printed in, else the archive that keeps it. The correspondents are the
//! `title` ("Keynes to Kahn", as the CSL repair of letters makes it), a
//! separate head word "Letter" `other`.

use crate::dict::Dict;
use crate::occasion::{labelled, parts, places_and_date, with_rest, words, Lead};
use ibid_model::Label;
use std::ops::Range;

/// Words that open a title, never a writer's name.
const NOT_WRITERS: &[&str] = &["The", "A", "An", "From", "Guide", "Introduction", "Letter"];

/// Head words standing alone before the correspondents ("Letter, A to B").
const ALONE: &[&str] = &["Letter", "letter", "Lettera", "Lettre", "Brief", "Carta"];

/// The part `r` names a letter's writer and addressee, after a head word
/// or not (`headed`).
fn names_correspondents(text: &str, r: &Range<usize>) -> Option<bool> {
    let part = &text[r.clone()];
    let (writer, _) = ibid_model::text::correspondents(part)?;
    let headed = !part.starts_with(writer);
    let first = writer.split_whitespace().next()?;
    (headed || !NOT_WRITERS.contains(&first)).then_some(headed)
}

/// The cheap test, on bytes: a joining word in the first part (up to a
/// comma or semicolon), or a head word alone there.
fn may_open_a_letter(text: &str) -> bool {
    let b = text.as_bytes();
    let end = b
        .iter()
        .position(|&c| c == b',' || c == b';')
        .unwrap_or(b.len());
    let first = &b[..end];
    if first.len() <= 8 {
        let t = text[..end].trim();
        if ALONE.contains(&t) {
            return true;
        }
    }
    // " to ", " a ", " al ", " an ", " au ", " à "
    first.windows(2).enumerate().any(|(i, w)| {
        w[0] == b' '
            && matches!(w[1], b't' | b'a' | 0xC3)
            && ibid_model::text::LETTER_JOINERS.iter().any(|j| {
                let j = j.as_bytes();
                first.get(i + 1..i + 1 + j.len()) == Some(j)
                    && first.get(i + 1 + j.len()) == Some(&b' ')
            })
    })
}

/// Reads the lead of a letter's citation; `None` for any other.
pub(crate) fn lead(text: &str, dict: &Dict) -> Option<Lead> {
    if !may_open_a_letter(text) {
        return None;
    }
    let parts = parts(text, 8);
    let p0 = words(text, &parts[0]);
    let mut spans = Vec::new();
    // "Letter, Keynes to Kahn, …": the head word alone, then the names
    let (names_part, headed) = if p0.len() == 1 && ALONE.contains(&&text[p0[0].clone()]) {
        // (no genre: Chicago would print "Halifax, Letter to Henderson")
        spans.push(labelled(Label::Other, p0[0].clone()));
        (1, true)
    } else {
        (0, false)
    };
    let named_head = names_correspondents(text, parts.get(names_part)?)?;
    if headed && named_head {
        // "Letter, Letter from …"
        return None;
    }
    let headed = headed || named_head;
    spans.push(labelled(Label::Title, parts[names_part].clone()));
    // a place before the date only after a head word: "Road to War, The
    // Times, 3 September 1939" is an article
    let max_places = if headed { 2 } else { 0 };
    let next = places_and_date(text, &parts, names_part + 1, max_places, &mut spans, dict)?;
    let lead = Lead {
        occasion: None,
        spans,
        rest: text.len(),
        host: false,
        speaker: false,
    };
    Some(with_rest(text, &parts, next, lead, dict))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::occasion::Read;

    fn read(text: &str) -> Option<Read<'_>> {
        Some(lead(text, Dict::embedded())?.read(text))
    }

    #[test]
    fn letters() {
        use Label::*;
        assert_eq!(
            read("Letter from Keynes to Kahn, 12 March 1937, King’s College Archive Centre, Cambridge, JMK/L/K."),
            Some((
                vec![(Title, "Letter from Keynes to Kahn"), (Date, "12 March 1937")],
                "King’s College Archive Centre, Cambridge, JMK/L/K.",
                false
            ))
        );
        assert_eq!(
            read("Letter, Keynes to Kahn, 12 March 1937, JMK/L/K."),
            Some((
                vec![
                    (Other, "Letter"),
                    (Title, "Keynes to Kahn"),
                    (Date, "12 March 1937")
                ],
                "JMK/L/K.",
                false
            ))
        );
        assert_eq!(
            read("Neville Chamberlain to Ida Chamberlain, 20 March 1938, NC 18/1/1042"),
            Some((
                vec![
                    (Title, "Neville Chamberlain to Ida Chamberlain"),
                    (Date, "20 March 1938")
                ],
                "NC 18/1/1042",
                false
            ))
        );
        assert_eq!(
            read("Lettera di Cavour a Nigra, 12 gennaio 1859, in Il carteggio Cavour-Nigra, vol. 1 (Bologna, 1926), 287."),
            Some((
                vec![
                    (Title, "Lettera di Cavour a Nigra"),
                    (Date, "12 gennaio 1859"),
                    (Other, "in")
                ],
                "Il carteggio Cavour-Nigra, vol. 1 (Bologna, 1926), 287.",
                true
            ))
        );
        // a place after a head word
        assert_eq!(
            read("Letter from Halifax to Phipps, Paris, 4 May 1938").map(|r| r.0.len()),
            Some(3)
        );
    }

    #[test]
    fn titles_and_articles_are_no_letters() {
        for text in [
            "Road to War, The Times, 3 September 1939, 8.",
            "The Road to War (London, 1990).",
            "Introduction to Sociology, 12 May 1990.",
            "A. J. P. Taylor, From Napoleon to Stalin (London, 1950).",
            "Smith to Jones (London, 1925).",
            "Guide to Europe, 3 May 1990.",
            "Letter from America (London, 1990).",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }
}
