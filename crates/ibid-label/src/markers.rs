//! Markers join their field after tagging: "Bd. 6", "vol. 9", "pp. 95–160",
//! "Heft 3". The training data is harmonised so that every corpus puts the
//! marker inside the field (see `harmonise.rs`), but the model still leaves
//! one outside, or in the field before, now and then ("…, Jahrbuch für
//! Rechtssoziologie Bd." + "6").

use crate::dict::{self, Dict};
use crate::token::Token;
use ibid_model::Label;

/// The word classes that mark each numbered field.
const MARKED: [(Label, u32); 3] = [
    (Label::Volume, dict::VOLUME),
    (Label::Issue, dict::ISSUE),
    (Label::Pages, dict::PAGE),
];

/// Words of the marker classes that are no marker before a number: a series
/// ("Adv. Chem. Ser. 76", "Second Series 149" are part of the journal), "H"
/// (more often a journal's section than "Heft"), and words that follow
/// pages ("ff.", "sqq.").
const NOT_BEFORE: [&str; 10] = [
    "ser", "series", "serie", "h", "ff", "f", "sgg", "ss", "seq", "sqq",
];

/// Relabels, in `path` (label ids as the model tags), a marker word and its
/// full stop that stand right before a run of the field they mark.
pub(crate) fn markers_join_their_field(
    text: &str,
    tokens: &[Token],
    path: &mut [u16],
    dict: &Dict,
) {
    let n = path.len().min(tokens.len());
    let tok = |t: usize| &text[tokens[t].range.clone()];
    for t in 1..n {
        let field = path[t];
        if path[t - 1] == field {
            continue;
        }
        let Some(&(_, class)) = MARKED.iter().find(|(l, _)| l.index() as u16 == field) else {
            continue;
        };
        // "Bd. 6": marker, full stop, field; "Heft 3": marker, field
        let marker = if tok(t - 1) == "." && t >= 2 {
            t - 2
        } else {
            t - 1
        };
        if marker + 1 < t && tokens[marker].range.end != tokens[t - 1].range.start {
            continue; // "Bd ." is no abbreviation
        }
        let word = tok(marker);
        if dict.flags_of(word) & class == 0
            || NOT_BEFORE.iter().any(|w| word.eq_ignore_ascii_case(w))
        {
            continue;
        }
        for p in &mut path[marker..t] {
            *p = field;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    /// Tags `text` word by word: `(word, label)`, other tokens as `rest`.
    fn tagged(text: &str, words: &[(&str, Label)], rest: u16) -> (Vec<Token>, Vec<u16>) {
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        let path = toks
            .iter()
            .map(|t| {
                let w = &text[t.range.clone()];
                words
                    .iter()
                    .find(|(x, _)| *x == w)
                    .map_or(rest, |(_, l)| l.index() as u16)
            })
            .collect();
        (toks, path)
    }

    #[test]
    fn a_marker_before_its_field_joins_it() {
        let container = Label::ContainerTitle.index() as u16;
        let text = "Jahrbuch für Rechtssoziologie Bd. 6. Opladen";
        let (toks, mut path) = tagged(
            text,
            &[("6", Label::Volume), ("Opladen", Label::Location)],
            container,
        );
        markers_join_their_field(text, &toks, &mut path, Dict::embedded());
        let labels: Vec<u16> = path.clone();
        // Jahrbuch für Rechtssoziologie | Bd . 6 | . | Opladen
        assert_eq!(labels[..3], [container; 3]);
        assert_eq!(labels[3..6], [Label::Volume.index() as u16; 3]);
        assert_eq!(labels[6], container);
        // pages, and a marker with no full stop
        let outside = Label::ALL.len() as u16;
        let text = "Law and Society Review, vol. 10, pp. 339–375";
        let (toks, mut path) = tagged(
            text,
            &[
                ("10", Label::Volume),
                ("339", Label::Pages),
                ("–", Label::Pages),
                ("375", Label::Pages),
            ],
            outside,
        );
        markers_join_their_field(text, &toks, &mut path, Dict::embedded());
        let word = |w: &str| {
            path[toks
                .iter()
                .position(|t| &text[t.range.clone()] == w)
                .unwrap()]
        };
        assert_eq!(word("vol"), Label::Volume.index() as u16);
        assert_eq!(word("pp"), Label::Pages.index() as u16);
        assert_eq!(word("Review"), outside);
    }

    #[test]
    fn other_words_before_a_field_stay() {
        let outside = Label::ALL.len() as u16;
        // "S." is an initial here, and the word before "12" is no marker
        let text = "S. 12 and Smith 14";
        let (toks, mut path) = tagged(
            text,
            &[("12", Label::Author), ("14", Label::Pages)],
            outside,
        );
        let before = path.clone();
        markers_join_their_field(text, &toks, &mut path, Dict::embedded());
        assert_eq!(path, before);
    }
}
