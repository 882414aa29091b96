//! The tokenizer: words, numbers and single punctuation marks, each with its
//! byte range in the text. URLs and DOIs stay one token.
//!
//! An abbreviation's period is a token of its own ("p." is `p` + `.`); the
//! features tell the model that a period follows a word, and span edges keep
//! such periods (see [`crate::spans`]).

use std::ops::Range;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with digits).
    Word,
    /// Digits only.
    Number,
    /// One punctuation mark or symbol.
    Punct,
    /// A URL or DOI.
    Url,
}

/// One token: its byte range in the text and its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub range: Range<usize>,
    pub kind: TokenKind,
    /// Whitespace (or the start of the text) precedes the token.
    pub space_before: bool,
}

/// Punctuation and symbols that stand as tokens of their own.
pub fn is_punct(c: char) -> bool {
    // most text is ASCII: answer it without walking the ranges below
    if c.is_ascii() {
        return c.is_ascii_punctuation();
    }
    matches!(c as u32,
            0x2010..=0x205E | 0x00A1..=0x00BF | 0x00D7 | 0x00F7 | 0x2E00..=0x2E7F
            | 0x3000..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40
            | 0xFF5B..=0xFF65 | 0x2190..=0x21FF | 0x2200..=0x22FF)
}

/// Characters that separate tokens and are no token: whitespace and controls.
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_whitespace() || c.is_ascii_control();
    }
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

fn starts_url(rest: &str) -> bool {
    let b = rest.as_bytes();
    let lower_starts = |p: &[u8]| b.len() >= p.len() && b[..p.len()].eq_ignore_ascii_case(p);
    if lower_starts(b"http://")
        || lower_starts(b"https://")
        || lower_starts(b"www.")
        || lower_starts(b"doi:10.")
    {
        return true;
    }
    // a bare DOI: 10.NNNN/…
    if b.len() > 8 && b.starts_with(b"10.") {
        let digits = b[3..].iter().take_while(|c| c.is_ascii_digit()).count();
        return digits >= 4 && b.get(3 + digits) == Some(&b'/');
    }
    false
}

/// Splits `text` into tokens, appending them to `out` (cleared first).
///
/// ```
/// let mut toks = Vec::new();
/// ibid_label::tokenize("Taylor, A. J. P. (1961), p. 88", &mut toks);
/// let words: Vec<&str> = toks.iter().map(|t| &"Taylor, A. J. P. (1961), p. 88"[t.range.clone()]).collect();
/// assert_eq!(words, ["Taylor", ",", "A", ".", "J", ".", "P", ".", "(", "1961", ")", ",", "p", ".", "88"]);
/// ```
pub fn tokenize(text: &str, out: &mut Vec<Token>) {
    out.clear();
    let mut it = text.char_indices().peekable();
    let mut space_before = true;
    while let Some((i, c)) = it.next() {
        if is_space(c) {
            space_before = true;
            continue;
        }
        if space_before && starts_url(&text[i..]) {
            let mut end = text.len();
            while let Some(&(j, d)) = it.peek() {
                if is_space(d) {
                    end = j;
                    break;
                }
                it.next();
            }
            // trailing punctuation is not part of a URL
            let url = text[i..end].trim_end_matches(['.', ',', ';', ':', ')', ']', '>', '"', '\'']);
            let url_end = i + url.len();
            out.push(Token {
                range: i..url_end,
                kind: TokenKind::Url,
                space_before: true,
            });
            for (k, ch) in text[url_end..end].char_indices() {
                let s = url_end + k;
                out.push(Token {
                    range: s..s + ch.len_utf8(),
                    kind: TokenKind::Punct,
                    space_before: false,
                });
            }
            space_before = false;
            continue;
        }
        if is_punct(c) {
            out.push(Token {
                range: i..i + c.len_utf8(),
                kind: TokenKind::Punct,
                space_before,
            });
            space_before = false;
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut digits = c.is_ascii_digit();
        while let Some(&(j, d)) = it.peek() {
            if is_space(d) || is_punct(d) {
                break;
            }
            digits &= d.is_ascii_digit();
            end = j + d.len_utf8();
            it.next();
        }
        out.push(Token {
            range: i..end,
            kind: if digits {
                TokenKind::Number
            } else {
                TokenKind::Word
            },
            space_before,
        });
        space_before = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_fast_paths_agree_with_the_full_rules() {
        for c in (0u32..=0x10FFFF).filter_map(char::from_u32) {
            let punct = c.is_ascii_punctuation()
                || matches!(c as u32,
                    0x2010..=0x205E | 0x00A1..=0x00BF | 0x00D7 | 0x00F7 | 0x2E00..=0x2E7F
                    | 0x3000..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40
                    | 0xFF5B..=0xFF65 | 0x2190..=0x21FF | 0x2200..=0x22FF);
            assert_eq!(is_punct(c), punct, "{c:?}");
            let space = c.is_whitespace()
                || c.is_control()
                || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}');
            assert_eq!(is_space(c), space, "{c:?}");
        }
    }

    fn toks(s: &str) -> Vec<(&str, TokenKind)> {
        let mut v = Vec::new();
        tokenize(s, &mut v);
        v.iter().map(|t| (&s[t.range.clone()], t.kind)).collect()
    }

    #[test]
    fn offsets_are_byte_ranges() {
        let s = "Gründung „Köln“ — S. 12–14; ‘Title’";
        let mut v = Vec::new();
        tokenize(s, &mut v);
        let words: Vec<&str> = v.iter().map(|t| &s[t.range.clone()]).collect();
        assert_eq!(
            words,
            [
                "Gründung",
                "„",
                "Köln",
                "“",
                "—",
                "S",
                ".",
                "12",
                "–",
                "14",
                ";",
                "‘",
                "Title",
                "’"
            ]
        );
        assert!(v[0].space_before && !v[2].space_before && v[4].space_before);
        for w in v.windows(2) {
            assert!(w[0].range.end <= w[1].range.start);
        }
    }

    #[test]
    fn kinds_and_urls() {
        use TokenKind::*;
        assert_eq!(
            toks("see https://doi.org/10.1000/x1. and 10.1234/abc.def, 1999a"),
            [
                ("see", Word),
                ("https://doi.org/10.1000/x1", Url),
                (".", Punct),
                ("and", Word),
                ("10.1234/abc.def", Url),
                (",", Punct),
                ("1999a", Word)
            ]
        );
        assert_eq!(
            toks("FO 371/12345"),
            [
                ("FO", Word),
                ("371", Number),
                ("/", Punct),
                ("12345", Number)
            ]
        );
    }

    #[test]
    fn hostile_text() {
        assert!(toks("").is_empty());
        assert!(toks(" \t\u{0}\u{7}\n ").is_empty());
        assert_eq!(toks("..."), [(".", TokenKind::Punct); 3]);
        assert_eq!(toks("東京大学出版会 1990").len(), 2);
        assert_eq!(toks("\u{202E}مكتبة\u{202C}"), [("مكتبة", TokenKind::Word)]);
        let long = "a".repeat(100_000);
        assert_eq!(toks(&long).len(), 1);
    }
}
