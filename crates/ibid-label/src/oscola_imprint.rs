//! The OSCOLA imprint of a book, read by rule after tagging: "Contract Law
//! (9th edn, OUP 2020) 410", "Administrative Law (Sweet & Maxwell 2016)":
//! in parentheses after the title, an optional edition ("9th edn", "2nd
//! ed"), then the publisher and the year with no comma between them. The
//! model, trained on few such references, reads the whole parenthesis as a
//! date ("9th" became a month) or leaves it as a note.

use crate::dict::{self, Dict};
use crate::token::Token;
use ibid_model::Label;
use std::ops::Range;

/// The parts of an OSCOLA imprint, as byte ranges into the citation.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Imprint {
    edition: Option<Range<usize>>,
    publisher: Range<usize>,
    year: Range<usize>,
}

/// A year of an imprint: four digits, 1450–2099.
pub(crate) fn is_year(w: &str) -> bool {
    w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1450..=2099).contains(&y))
}

/// An ordinal in figures: "9th", "2nd", and the Bluebook's "2d", "3d".
pub(crate) fn is_ordinal(w: &str) -> bool {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits) && matches!(&w[digits..], "st" | "nd" | "rd" | "th" | "d")
}

/// Reads the inside of a parenthesis (`inner` starts at byte `at` of the
/// citation) as "[N edn, ]Publisher Year".
fn parse_imprint(inner: &str, at: usize) -> Option<Imprint> {
    let (edition, rest, rest_at) = match inner.split_once(',') {
        Some((ed, rest)) => {
            let mut w = ed.split_whitespace();
            let (n, word) = (w.next()?, w.next()?);
            let edn = matches!(word.trim_end_matches('.'), "edn" | "ed" | "edition");
            if w.next().is_some() || !is_ordinal(n) || !edn {
                return None;
            }
            let lead = ed.len() - ed.trim_start().len();
            let ed_range = at + lead..at + ed.trim_end().len();
            (Some(ed_range), rest, at + ed.len() + 1)
        }
        None => (None, inner, at),
    };
    let body = rest.trim_end();
    let (publisher, year) = body.rsplit_once(' ')?;
    let publisher_trim = publisher.trim();
    if !is_year(year) || publisher_trim.is_empty() {
        return None;
    }
    // a publisher's name: words with letters, no dots (a court "9th Cir.",
    // "S.D.N.Y." is no publisher), no comma (a place "London, 1961"), no digits
    let words_ok = publisher_trim.split_whitespace().all(|w| {
        w == "&"
            || (w
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '’' | '\'')))
    });
    if !words_ok || !publisher_trim.starts_with(char::is_uppercase) {
        return None;
    }
    let lead = rest.len() - rest.trim_start().len();
    let p_start = rest_at + lead;
    let p_end = p_start + publisher_trim.len();
    let y_start = rest_at + body.len() - 4;
    Some(Imprint {
        edition,
        publisher: p_start..p_end,
        year: y_start..y_start + 4,
    })
}

/// Relabels the tokens of an OSCOLA imprint that follows a title (see the
/// module docs); other parentheses are left as the model tagged them.
pub(crate) fn oscola_imprint(
    text: &str,
    tokens: &[Token],
    path: &mut [u16],
    outside: u16,
    dict: &Dict,
) {
    if !text.contains(" 1") && !text.contains(" 2") {
        return;
    }
    let id = |l: Label| l.index() as u16;
    let mut from = 0;
    while let Some(open) = text[from..].find('(').map(|k| from + k) {
        let Some(close) = text[open..].find(')').map(|k| open + k) else {
            return;
        };
        from = close;
        // the token before the parenthesis is part of a title
        let before = tokens.iter().rposition(|t| t.range.end <= open);
        if !before.is_some_and(|b| b < path.len() && path[b] == id(Label::Title)) {
            continue;
        }
        // OSCOLA puts the pinpoint right after the imprint, or ends there
        let after = text[close + 1..].trim_start_matches([' ', ',']);
        let ends_citation = after.is_empty()
            || after.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '.' | ';' | '['))
            || after.starts_with("ch ")
            || after.starts_with("para");
        if !ends_citation {
            continue;
        }
        let Some(imp) = parse_imprint(&text[open + 1..close], open + 1) else {
            continue;
        };
        let months = text[imp.publisher.clone()]
            .split_whitespace()
            .any(|w| dict.flags_of(w) & dict::MONTH != 0);
        if months {
            continue;
        }
        let within = |r: &Range<usize>, t: &Range<usize>| t.start >= r.start && t.end <= r.end;
        let place = imp.edition.is_none()
            && text[imp.publisher.clone()].split_whitespace().all(|w| {
                let f = dict.flags_of(w);
                f & dict::ANY_PLACE != 0 && f & dict::PUBLISHER == 0
            });
        for (t, tok) in tokens.iter().enumerate().take(path.len()) {
            let r = &tok.range;
            if r.start < open || r.end > close + 1 {
                continue;
            }
            path[t] = if imp.edition.as_ref().is_some_and(|e| within(e, r)) {
                id(Label::Edition)
            } else if within(&imp.publisher, r) {
                // "(Firenze 1979)", "(Jena 1893)": a place, as the model read it
                if path[t] == id(Label::Location) || place {
                    id(Label::Location)
                } else {
                    id(Label::Publisher)
                }
            } else if within(&imp.year, r) {
                id(Label::Date)
            } else {
                outside
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(inner: &str) -> Option<(Option<&str>, &str, &str)> {
        let i = parse_imprint(inner, 0)?;
        Some((
            i.edition.map(|e| &inner[e]),
            &inner[i.publisher],
            &inner[i.year],
        ))
    }

    #[test]
    fn reads_oscola_imprints() {
        assert_eq!(
            parts("9th edn, OUP 2020"),
            Some((Some("9th edn"), "OUP", "2020"))
        );
        assert_eq!(
            parts("8th edn, Sweet & Maxwell 2016"),
            Some((Some("8th edn"), "Sweet & Maxwell", "2016"))
        );
        assert_eq!(parts("Allen Lane 2010"), Some((None, "Allen Lane", "2010")));
        assert_eq!(
            parts("10th edn, Macmillan 1959"),
            Some((Some("10th edn"), "Macmillan", "1959"))
        );
        // not an imprint: a place and year, a court, a year alone, a note
        assert_eq!(parts("London, 1961"), None);
        assert_eq!(parts("9th Cir. 1997"), None);
        assert_eq!(parts("S.D.N.Y. 1999"), None);
        assert_eq!(parts("1987"), None);
        assert_eq!(parts("HL"), None);
        assert_eq!(parts("first published 1921"), None);
        assert_eq!(parts("ed. by Smith 1990"), None);
        assert_eq!(parts("Site 0001"), None);
    }

    #[test]
    fn relabels_the_parenthesis_after_a_title() {
        let text = "Ewan McKendrick, Contract Law (9th edn, OUP 2020) 410.";
        let mut toks = Vec::new();
        crate::token::tokenize(text, &mut toks);
        let outside = Label::ALL.len() as u16;
        let paren = text.find('(').unwrap();
        let title_at = text.find("Contract").unwrap();
        // the model's guess: the whole parenthesis as a date
        let mut path: Vec<u16> = toks
            .iter()
            .map(|t| {
                if t.range.start < title_at {
                    Label::Author.index() as u16
                } else if t.range.end <= paren {
                    Label::Title.index() as u16
                } else if &text[t.range.clone()] == "410" {
                    Label::Pages.index() as u16
                } else {
                    Label::Date.index() as u16
                }
            })
            .collect();
        oscola_imprint(text, &toks, &mut path, outside, Dict::embedded());
        let label_of = |word: &str| {
            let t = toks
                .iter()
                .position(|t| &text[t.range.clone()] == word)
                .unwrap();
            path[t]
        };
        assert_eq!(label_of("9th"), Label::Edition.index() as u16);
        assert_eq!(label_of("edn"), Label::Edition.index() as u16);
        assert_eq!(label_of("OUP"), Label::Publisher.index() as u16);
        assert_eq!(label_of("2020"), Label::Date.index() as u16);
        assert_eq!(label_of("410"), Label::Pages.index() as u16);
        assert_eq!(label_of("("), outside);
        // after no title (a case's court, an author's dates) nothing changes
        let mut no_title: Vec<u16> = path
            .iter()
            .map(|&p| {
                if p == Label::Title.index() as u16 {
                    Label::Author.index() as u16
                } else {
                    p
                }
            })
            .collect();
        let copy = no_title.clone();
        oscola_imprint(text, &toks, &mut no_title, outside, Dict::embedded());
        assert_eq!(no_title, copy);
    }
}
