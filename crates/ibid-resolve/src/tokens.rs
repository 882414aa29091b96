//! Folded word tokens of a citation, with their byte offsets, for the marker
//! and signature scanners.

use crate::fold::fold;

/// One alphanumeric run of a citation's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    /// Byte offset of the first char.
    pub start: usize,
    /// Byte offset after the last char.
    pub end: usize,
    /// The folded word.
    pub norm: String,
    /// True when a '.' follows immediately.
    pub dot: bool,
}

impl Tok {
    /// True when the word is all ASCII digits.
    pub fn is_number(&self) -> bool {
        !self.norm.is_empty() && self.norm.bytes().all(|b| b.is_ascii_digit())
    }
}

/// Split `text` into alphanumeric runs.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            toks.push(Tok {
                start: s,
                end: i,
                norm: fold(&text[s..i]),
                dot: c == '.',
            });
        }
    }
    if let Some(s) = start {
        toks.push(Tok {
            start: s,
            end: text.len(),
            norm: fold(&text[s..]),
            dot: false,
        });
    }
    toks
}

/// True when `toks[i..]` starts with the folded words `seq`.
pub fn starts_with_seq(toks: &[Tok], i: usize, seq: &[&str]) -> bool {
    seq.len() <= toks.len().saturating_sub(i)
        && seq
            .iter()
            .zip(&toks[i..])
            .all(|(w, t)| t.norm.as_str() == *w)
}

/// The last char before byte `pos` that is not whitespace.
pub fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().rev().find(|c| !c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_carry_offsets_and_dots() {
        let t = tokenize("Ibid., a.a.O. S. 5");
        let norms: Vec<&str> = t.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(norms, ["ibid", "a", "a", "o", "s", "5"]);
        assert!(t[0].dot && t[3].dot && !t[5].dot);
        assert_eq!(&"Ibid., a.a.O. S. 5"[t[4].start..t[4].end], "S");
        assert!(t[5].is_number());
        assert!(starts_with_seq(&t, 1, &["a", "a", "o"]));
        assert!(!starts_with_seq(&t, 4, &["s", "5", "x"]));
        assert!(tokenize("").is_empty());
        assert_eq!(tokenize("Ébd.")[0].norm, "ebd");
    }

    #[test]
    fn helpers_look_around() {
        assert_eq!(char_before("(n 5)", 1), Some('('));
        assert_eq!(char_before("x", 0), None);
    }
}
