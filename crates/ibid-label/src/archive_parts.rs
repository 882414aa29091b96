//! The comma-separated parts of an archival reference, shared by the rules
//! that read one whole (`german_archive`, `archival_citation`).

use crate::token::Token;
use ibid_model::Label;
use std::ops::Range;

/// The comma-separated parts of `text`, each trimmed, with its byte range
/// (untrimmed; the last part ends before a closing full stop, space or
/// semicolon).
pub(crate) fn parts(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == ',' {
            out.push((start..i, text[start..i].trim()));
            start = i + 1;
        }
    }
    let end = text.trim_end_matches(['.', ' ', ';']).len().max(start);
    out.push((start..end, text[start..end].trim()));
    out
}

/// Whether `part` is a leaf, the pinpoint at the end of an archival
/// reference: one of `markers` ("Bl.", "fol.") and a number, with at most
/// `max_words` words in all ("fol. 12", "c. 59 t.").
pub(crate) fn is_leaf(part: &str, markers: &[&str], max_words: usize) -> bool {
    let mut words = part.split_whitespace();
    let (Some(w), Some(n)) = (words.next(), words.next()) else {
        return false;
    };
    markers.contains(&w)
        && n.chars().next().is_some_and(|c| c.is_ascii_digit())
        && 2 + words.count() <= max_words
}

/// Relabels every token of `path` with the label of the span holding it,
/// `outside` when none does.
pub(crate) fn relabel(
    tokens: &[Token],
    path: &mut [u16],
    spans: &[(Range<usize>, Label)],
    outside: u16,
) {
    for (t, tok) in tokens.iter().enumerate().take(path.len()) {
        let r = &tok.range;
        path[t] = spans
            .iter()
            .find(|(s, _)| r.start >= s.start && r.end <= s.end)
            .map_or(outside, |(_, l)| l.index() as u16);
    }
}
