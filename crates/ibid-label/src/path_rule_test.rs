//! Test support for the rules that relabel a tagged path
//! (`case_report`, `german_archive`, `session_law`): run one on a text whose every token
//! the "model" tagged `author`, and read the result back as runs.

use crate::token::{tokenize, Token};
use ibid_model::Label;
use std::ops::Range;

/// A rule over the tokens and the path, with the id of "outside".
pub(crate) type PathRule = fn(&str, &[Token], &mut [u16], u16);

/// The labelled parts of `text` after `rule`, as "label=text" runs (runs
/// outside every field left out).
pub(crate) fn relabel_with(rule: PathRule, text: &str) -> Vec<String> {
    let mut toks = Vec::new();
    tokenize(text, &mut toks);
    let outside = Label::ALL.len() as u16;
    let mut path = vec![Label::Author.index() as u16; toks.len()];
    rule(text, &toks, &mut path, outside);
    let mut out: Vec<(u16, Range<usize>)> = Vec::new();
    for (t, &p) in toks.iter().zip(&path) {
        match out.last_mut() {
            Some((q, r)) if *q == p => r.end = t.range.end,
            _ => out.push((p, t.range.clone())),
        }
    }
    out.into_iter()
        .filter(|(p, _)| *p != outside)
        .map(|(p, r)| format!("{}={}", Label::ALL[p as usize], &text[r]))
        .collect()
}
