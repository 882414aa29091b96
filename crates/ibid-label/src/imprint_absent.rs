//! The abbreviations that stand for a missing place or publisher: "s. l."
//! (sine loco, "o. O." in German) for the place, "s. e." (senza editore)
//! for the publisher ("s. n.", sine nomine, is also Italian "serie nuova",
//! a journal's new series, and stays). The model reads them as
//! pages ("Treviso, s. e. 1991") or joins them to the year ("s. l. 1762"):
//! each becomes a field of the part it stands for, when the reference has
//! no such field already, and leaves the spans it overlapped. Those for a
//! missing year ("s. d.", "n. d.", "o. J.") stay as the model reads them
//! (mostly a note): a style prints "n.d." for an item without a date.

use crate::dict::Dict;
use crate::spans::normalise_span;
use crate::LabelledSpan;
use ibid_model::Label;
use std::ops::Range;

/// The part of the imprint an abbreviation stands for, by its two letters.
fn stands_for(first: char, second: char) -> Option<Label> {
    match (first.to_ascii_lowercase(), second.to_ascii_lowercase()) {
        ('s', 'l') | ('o', 'o') => Some(Label::Location),
        ('s', 'e') => Some(Label::Publisher),
        _ => None,
    }
}

/// Every "x. y." in `text` (a word of its own, one space at most inside,
/// the first letter lower-case) with the part of the imprint it stands for.
fn abbreviations(text: &str) -> Vec<(Range<usize>, Label)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut after = 0;
    // each full stop right after a lower-case letter may end the first letter
    for (dot, _) in text.match_indices('.') {
        let Some(i) = dot.checked_sub(1) else {
            continue;
        };
        if i < after || !b[i].is_ascii_lowercase() {
            continue;
        }
        let starts_word = text
            .get(..i)
            .and_then(|s| s.chars().next_back())
            .is_none_or(|c| !c.is_alphanumeric() && c != '.');
        let j = if b.get(dot + 1) == Some(&b' ') {
            dot + 2
        } else {
            dot + 1
        };
        let ends = starts_word
            && j + 1 < b.len()
            && b[j].is_ascii_alphabetic()
            && b[j + 1] == b'.'
            && b.get(j + 2)
                .is_none_or(|&c| !(c as char).is_alphanumeric() && c != b'.');
        if let Some(label) =
            stands_for(b[i] as char, b[j.min(b.len() - 1)] as char).filter(|_| ends)
        {
            out.push((i..j + 2, label));
            after = j + 2;
        }
    }
    out
}

/// Labels the abbreviations of a missing place, publisher or year (see the
/// module docs).
pub(crate) fn absent_imprint_parts(text: &str, fields: &mut Vec<LabelledSpan>) {
    if !text.contains('.') {
        return;
    }
    for (r, label) in abbreviations(text) {
        let overlaps = |f: &LabelledSpan| f.range.start < r.end && r.start < f.range.end;
        // only where the model put pages, a date, a note or nothing; never
        // inside a title or a name, nor beside the part itself
        let movable = fields.iter().filter(|f| overlaps(f)).all(|f| {
            matches!(
                f.label,
                Label::Pages | Label::Date | Label::Note | Label::Other | Label::Volume
            ) && (f.range.start >= r.start || f.range.end <= r.end)
        });
        if !movable || fields.iter().any(|f| f.label == label) {
            continue;
        }
        let dict = Dict::embedded();
        let mut kept = Vec::with_capacity(fields.len() + 1);
        for f in fields.drain(..) {
            if !overlaps(&f) {
                kept.push(f);
                continue;
            }
            // the rest of a span the abbreviation began or ended
            let rest = if f.range.start < r.start {
                f.range.start..r.start
            } else {
                r.end..f.range.end
            };
            let rest = normalise_span(text, rest, dict);
            if !rest.is_empty() {
                kept.push(LabelledSpan {
                    label: f.label,
                    range: rest,
                });
            }
        }
        let at = kept.partition_point(|f| f.range.start < r.start);
        kept.insert(at, LabelledSpan { label, range: r });
        *fields = kept;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span_rule_test::{apply, owned};

    #[test]
    fn abbreviations_of_a_missing_part_are_that_part() {
        use Label::*;
        let run = |text: &str, spans: &[(Label, &str)]| apply(&[absent_imprint_parts], text, spans);
        assert_eq!(
            run(
                "A. Campagner, Cronaca capitolare, Treviso, s. e. 1991",
                &[
                    (Author, "A. Campagner"),
                    (Title, "Cronaca capitolare"),
                    (Location, "Treviso"),
                    (Pages, "s. e"),
                    (Date, "1991")
                ]
            ),
            owned(&[
                (Author, "A. Campagner"),
                (Title, "Cronaca capitolare"),
                (Location, "Treviso"),
                (Publisher, "s. e."),
                (Date, "1991")
            ])
        );
        assert_eq!(
            run(
                "T. A. Contin, Monumenti veneti, s. l. 1762.",
                &[
                    (Author, "T. A. Contin"),
                    (Title, "Monumenti veneti"),
                    (Date, "l. 1762")
                ]
            ),
            owned(&[
                (Author, "T. A. Contin"),
                (Title, "Monumenti veneti"),
                (Location, "s. l."),
                (Date, "1762")
            ])
        );
        assert_eq!(
            run(
                "Goethe, Faust, o. O., o.J.",
                &[(Title, "Faust"), (Other, "o. O., o.J.")]
            ),
            owned(&[(Title, "Faust"), (Location, "o. O."), (Other, "o.J.")])
        );
    }

    #[test]
    fn other_abbreviations_and_places_stay() {
        use Label::*;
        for (text, spans) in [
            // a place already there
            (
                "Storia, Venezia, s. l. 1762",
                &[(Title, "Storia"), (Location, "Venezia"), (Date, "l. 1762")][..],
            ),
            // inside a title or a name
            (
                "Guida di s. l. e dintorni, 1990",
                &[(Title, "Guida di s. l. e dintorni"), (Date, "1990")][..],
            ),
            // no such abbreviation: initials, a longer word
            (
                "J. S. Bach, p. 4",
                &[(Author, "J. S. Bach"), (Pages, "p. 4")][..],
            ),
            (
                "Smith, S. E., p. 4",
                &[(Author, "Smith"), (Pages, "p. 4")][..],
            ),
            ("vs. ed. 2", &[(Note, "vs. ed. 2")][..]),
        ] {
            assert_eq!(run_all(text, spans), owned(spans), "{text}");
        }
    }

    fn run_all(text: &str, spans: &[(Label, &str)]) -> Vec<(Label, String)> {
        apply(&[absent_imprint_parts], text, spans)
    }
}
