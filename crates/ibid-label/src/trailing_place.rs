//! A title that ran on into the place of publication at the end of the
//! citation, as German author-year references end: "Luhmann, Niklas, 1969:
//! Legitimation durch Verfahren. Neuwied und Darmstadt.", and as
//! bibliographies without years do: "Toaldo G., Essai météorologique …,
//! Chambéry." When the title's last sentence or last part after a comma is
//! nothing but places (joined by "und", "and", "et", "e", a hyphen or a
//! slash) and the citation ends there, that part is the place.

use crate::dict::{self, Dict};
use crate::token::{Token, TokenKind};
use ibid_model::Label;

/// Words that join two places.
const JOINERS: [&str; 6] = ["und", "and", "et", "e", "-", "/"];

/// Relabels, in `path`, the places that end a title run at the end of the
/// citation as location (the full stop before them falls outside).
pub(crate) fn title_runs_into_place(
    text: &str,
    tokens: &[Token],
    path: &mut [u16],
    outside: u16,
    dict: &Dict,
) {
    let title = Label::Title.index() as u16;
    let n = path.len().min(tokens.len());
    let tok = |t: usize| &text[tokens[t].range.clone()];
    // the citation's last token that is more than a full stop
    let mut end = n;
    while end > 0 && tok(end - 1) == "." {
        end -= 1;
    }
    if end < 3 || path[end - 1] != title {
        return;
    }
    // back from the end over places and joiners to a full stop
    let mut t = end;
    let mut places = 0;
    while t > 0 && path[t - 1] == title {
        let w = tok(t - 1);
        if w == "." || w == "," {
            break;
        }
        let place = tokens[t - 1].kind == TokenKind::Word
            && w.chars().next().is_some_and(char::is_uppercase)
            && dict.flags_of(w) & dict::ANY_PLACE != 0;
        if place {
            places += 1;
        } else if !JOINERS.contains(&w) {
            return;
        }
        t -= 1;
    }
    // "." or "," at t-1 ends the title, which keeps at least two tokens
    if places == 0 || t < 3 || !matches!(tok(t - 1), "." | ",") || path[t - 2] != title {
        return;
    }
    path[t - 1] = outside;
    for p in &mut path[t..end] {
        *p = Label::Location.index() as u16;
    }
}

/// "The Making of the English Working Class (London, 1963)": a title whose
/// run ends in an opening bracket and a place, the bracket never closed in
/// the title, then a date or publisher. The bracket leaves the title and
/// the place is the location.
pub(crate) fn title_runs_into_bracketed_place(
    text: &str,
    tokens: &[Token],
    path: &mut [u16],
    outside: u16,
    dict: &Dict,
) {
    let title = Label::Title.index() as u16;
    let n = path.len().min(tokens.len());
    let tok = |t: usize| &text[tokens[t].range.clone()];
    let mut t = 0;
    while t < n {
        if path[t] != title {
            t += 1;
            continue;
        }
        let mut end = t;
        while end < n && path[end] == title {
            end += 1;
        }
        // the last "(" of the run tokens[t..end], with only place words after it
        let Some(open) = (t + 1..end).rev().find(|&k| tok(k) == "(") else {
            t = end;
            continue;
        };
        let after = open + 1..end;
        let words = after
            .clone()
            .filter(|&k| tokens[k].kind == TokenKind::Word)
            .count();
        let place_like = !after.is_empty()
            && words <= 3
            && after.clone().all(|k| {
                let w = tok(k);
                (tokens[k].kind == TokenKind::Word
                    && w.chars().next().is_some_and(char::is_uppercase))
                    || JOINERS.contains(&w)
            });
        // one word known as a place ("(London"); "(New Century Bible" is a
        // series, and only a date or publisher after it would make it a place
        let known_place = words == 1
            && after
                .clone()
                .any(|k| dict.flags_of(tok(k)) & dict::ANY_PLACE != 0);
        // what follows the run, past punctuation: a date or a publisher
        let next = (end..n).find(|&k| path[k] != outside || tokens[k].kind == TokenKind::Word);
        let imprint = next.is_some_and(|k| {
            path[k] == Label::Date.index() as u16 || path[k] == Label::Publisher.index() as u16
        });
        if place_like && (known_place || imprint) && open > t {
            path[open] = outside;
            for p in &mut path[after] {
                *p = Label::Location.index() as u16;
            }
        }
        t = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn run(text: &str) -> Vec<(String, u16)> {
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        let outside = Label::ALL.len() as u16;
        let mut path = vec![Label::Title.index() as u16; toks.len()];
        title_runs_into_place(text, &toks, &mut path, outside, Dict::embedded());
        toks.iter()
            .zip(path)
            .map(|(t, p)| (text[t.range.clone()].to_string(), p))
            .collect()
    }

    #[test]
    fn places_at_the_end_leave_the_title() {
        let w = run("Legitimation durch Verfahren. Neuwied und Darmstadt.");
        let of = |x: &str| w.iter().find(|(y, _)| y == x).unwrap().1;
        assert_eq!(of("Verfahren"), Label::Title.index() as u16);
        assert_eq!(of("Neuwied"), Label::Location.index() as u16);
        assert_eq!(of("und"), Label::Location.index() as u16);
        assert_eq!(of("Darmstadt"), Label::Location.index() as u16);
        // after a comma, as a list without years gives it
        let w = run("Il fiore di Venezia, Venezia-Padova.");
        let of = |x: &str| {
            w.iter()
                .filter(|(y, _)| y == x)
                .map(|p| p.1)
                .collect::<Vec<_>>()
        };
        let (title, place) = (Label::Title.index() as u16, Label::Location.index() as u16);
        assert_eq!(of("Venezia"), [title, place]);
        assert_eq!(of("Padova"), [place]);
        assert_eq!(of("fiore"), [title]);
    }

    #[test]
    fn a_bracketed_place_leaves_the_title() {
        let text = "The Making of the English Working Class (London, 1963), pp. 210–15.";
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        let outside = Label::ALL.len() as u16;
        let t = Label::Title.index() as u16;
        let d = Label::Date.index() as u16;
        // the model's path: the title through "London", the year a date
        let mut path: Vec<u16> = toks
            .iter()
            .map(|tok| match &text[tok.range.clone()] {
                "1963" => d,
                "," | ")" | "pp" | "." | "210–15" | "210" | "–" | "15" => outside,
                _ => t,
            })
            .collect();
        let title_end = toks
            .iter()
            .position(|x| &text[x.range.clone()] == "(")
            .unwrap();
        title_runs_into_bracketed_place(text, &toks, &mut path, outside, Dict::embedded());
        let label_of = |w: &str| {
            path[toks
                .iter()
                .position(|x| &text[x.range.clone()] == w)
                .unwrap()]
        };
        assert_eq!(label_of("London"), Label::Location.index() as u16);
        assert_eq!(label_of("("), outside);
        assert!(path[..title_end].iter().all(|&p| p == t));
        // a bracket closed inside the title, or words after it that are no place, stay
        for text in [
            "Statuto (Lo) inedito",
            "Essays (mostly unpublished",
            "Romans (New Century Bible",
        ] {
            let mut toks = Vec::new();
            tokenize(text, &mut toks);
            let mut path = vec![t; toks.len()];
            title_runs_into_bracketed_place(text, &toks, &mut path, outside, Dict::embedded());
            assert!(path.iter().all(|&p| p == t), "{text}");
        }
    }

    #[test]
    fn other_last_sentences_stay() {
        for text in [
            "Storia di Venezia. Il Settecento",             // no place
            "Roma. Milano",                                 // the title would be empty
            "Roma, Milano",                                 // the same after a comma
            "Storia di Venezia, Il Settecento",             // no place after the comma
            "Dal Po al Tevere. Roma e Milano nel Seicento", // more than places
            "Storia di Venezia",                            // no sentence end
        ] {
            let w = run(text);
            assert!(
                w.iter().all(|(_, p)| *p == Label::Title.index() as u16),
                "{text}"
            );
        }
    }
}
