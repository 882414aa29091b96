//! Small text helpers shared by the field cleaners: safe slicing, whitespace
//! folding, edge trimming, quote and bracket stripping, character classes.

use std::borrow::Cow;
use std::ops::Range;

/// `text[range]`, clamped to the text and widened to char boundaries; never panics.
pub(crate) fn safe_slice(text: &str, range: Range<usize>) -> &str {
    let len = text.len();
    let mut start = range.start.min(len);
    let mut end = range.end.min(len);
    while start < len && !text.is_char_boundary(start) {
        start += 1;
    }
    while end < len && !text.is_char_boundary(end) {
        end += 1;
    }
    if start >= end {
        return "";
    }
    text.get(start..end).unwrap_or("")
}

/// Replaces control characters and runs of whitespace by one space and trims
/// the ends. Borrows when nothing changes.
pub(crate) fn fold_ws(s: &str) -> Cow<'_, str> {
    let s = s.trim_matches(is_space);
    // Fast check on bytes: ASCII controls, double spaces, and the lead bytes
    // of the non-ASCII spaces and controls (U+0080–U+00A0, U+1680, U+2000–
    // U+206F, U+3000, U+FEFF) need the slow path.
    let b = s.as_bytes();
    let mut clean = true;
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x20 || x == 0x7f || (x == b' ' && b.get(i + 1) == Some(&b' ')) {
            clean = false;
            break;
        }
        if matches!(x, 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF) {
            let c = s[i..].chars().next().unwrap_or(' ');
            if is_space(c) {
                clean = false;
                break;
            }
            i += c.len_utf8();
            continue;
        }
        i += 1;
    }
    if clean {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut prev_space = false;
    for c in s.chars() {
        if is_space(c) {
            if !prev_space {
                out.push(' ');
            }
            prev_space = true;
        } else {
            out.push(c);
            prev_space = false;
        }
    }
    Cow::Owned(out)
}

/// Whitespace, control characters and zero-width/format characters.
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return c <= ' ' || c == '\x7f';
    }
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
        )
}

/// Opening quotation marks.
pub(crate) fn is_open_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '„'
            | '‚'
            | '«'
            | '‹'
            | '»'
            | '「'
            | '『'
            | '《'
            | '〈'
            | '＂'
            | '`'
    )
}

/// Closing quotation marks.
pub(crate) fn is_close_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | '“'
            | '‘'
            | '»'
            | '›'
            | '«'
            | '」'
            | '』'
            | '》'
            | '〉'
            | '＂'
            | '´'
    )
}

/// Separating punctuation that never belongs at the edge of a field.
pub(crate) fn is_sep_punct(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '/' | '|' | '·' | '，' | '；' | '：' | '、' | '•' | '*' | '†' | '¶'
    )
}

/// Dashes used as separators.
pub(crate) fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '–' | '—' | '‐' | '‑' | '‒' | '―' | '−' | '－' | '～' | '〜'
    )
}

/// Trims whitespace and separating punctuation (`, ; : /`) from both ends and
/// a trailing period; keeps `?`, `!` and closing brackets.
pub(crate) fn trim_field(s: &str) -> &str {
    s.trim_matches(|c: char| is_space(c) || is_sep_punct(c) || c == '.')
}

/// Trims whitespace and separating punctuation but leaves periods.
pub(crate) fn trim_keep_period(s: &str) -> &str {
    s.trim_matches(|c: char| is_space(c) || is_sep_punct(c))
}

/// Removes unmatched brackets at the edges ("(London" → "London",
/// "1961)" → "1961") and one pair of brackets that wraps the whole string.
pub(crate) fn strip_edge_brackets(mut s: &str) -> &str {
    let edge = |t: &str| {
        let t = t.trim_matches(is_space);
        let first = t.chars().next().is_some_and(is_open_bracket);
        let last = t
            .trim_end_matches(['.', ',', ';', ':'])
            .chars()
            .next_back()
            .is_some_and(is_close_bracket);
        first || last
    };
    if !edge(s) {
        return s.trim_matches(is_space);
    }
    for _ in 0..4 {
        let before = s;
        s = s.trim_matches(is_space);
        if let Some(inner) = wrapped(s) {
            s = inner;
            continue;
        }
        let (open, close) = bracket_balance(s);
        if close > open {
            let t = s.trim_end_matches(['.', ',', ';', ':']);
            if let Some(last) = t.chars().last() {
                if is_close_bracket(last) {
                    s = &t[..t.len() - last.len_utf8()];
                    s = trim_keep_period(s);
                    continue;
                }
            }
        }
        if open > close {
            if let Some(first) = s.chars().next() {
                if is_open_bracket(first) {
                    s = &s[first.len_utf8()..];
                    continue;
                }
            }
        }
        if s.len() == before.len() {
            break;
        }
    }
    s
}

fn is_open_bracket(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '（' | '［' | '〔' | '【')
}

fn is_close_bracket(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '）' | '］' | '〕' | '】')
}

/// Counts of opening and closing brackets.
fn bracket_balance(s: &str) -> (usize, usize) {
    let mut open = 0;
    let mut close = 0;
    for c in s.chars() {
        if is_open_bracket(c) {
            open += 1;
        } else if is_close_bracket(c) {
            close += 1;
        }
    }
    (open, close)
}

/// The inside of `s` when one bracket pair wraps all of it ("(1961)", "[Anon.]").
fn wrapped(s: &str) -> Option<&str> {
    let first = s.chars().next()?;
    let last = s.chars().last()?;
    let pair = matches!(
        (first, last),
        ('(', ')')
            | ('[', ']')
            | ('{', '}')
            | ('（', '）')
            | ('［', '］')
            | ('〔', '〕')
            | ('【', '】')
    );
    if !pair || s.len() < first.len_utf8() + last.len_utf8() {
        return None;
    }
    let inner = &s[first.len_utf8()..s.len() - last.len_utf8()];
    // The pair must match each other: "(a) (b)" is not wrapped.
    let mut depth = 0i32;
    for c in inner.chars() {
        if is_open_bracket(c) {
            depth += 1;
        } else if is_close_bracket(c) {
            depth -= 1;
            if depth < 0 {
                return None;
            }
        }
    }
    Some(inner)
}

/// Removes quotation marks that wrap the whole string, and a lone opening or
/// closing quote at an edge when the string holds no partner for it.
pub(crate) fn strip_quotes(mut s: &str) -> &str {
    for _ in 0..3 {
        s = trim_keep_period(s);
        let (Some(first), Some(last)) = (s.chars().next(), s.chars().last()) else {
            return s;
        };
        let open = is_open_quote(first);
        let close = is_close_quote(last);
        if open && close && s.len() > first.len_utf8() {
            s = &s[first.len_utf8()..s.len() - last.len_utf8()];
            continue;
        }
        if open && !s[first.len_utf8()..].chars().any(is_close_quote) {
            s = &s[first.len_utf8()..];
            continue;
        }
        if close && !s[..s.len() - last.len_utf8()].chars().any(is_open_quote) {
            s = &s[..s.len() - last.len_utf8()];
            continue;
        }
        break;
    }
    s
}

/// True when the string holds at least one letter.
pub(crate) fn has_letter(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
}

/// True for a letter of a CJK script (Han, kana, Hangul).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F | 0x20000..=0x2FFFF)
}

/// ASCII-case-insensitive `starts_with`.
pub(crate) fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len()
        && s.is_char_boundary(prefix.len())
        && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// ASCII-case-insensitive substring search (the needle must be ASCII).
pub(crate) fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    let h = haystack.as_bytes();
    let n = needle.as_bytes();
    if n.is_empty() {
        return Some(0);
    }
    if h.len() < n.len() {
        return None;
    }
    let last_start = h.len() - n.len();
    memchr::memchr2_iter(
        n[0].to_ascii_lowercase(),
        n[0].to_ascii_uppercase(),
        &h[..=last_start],
    )
    .find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// True when `needle` occurs in `haystack` as a whole word (ASCII-case-insensitive).
pub(crate) fn contains_word_ci(haystack: &str, needle: &str) -> bool {
    let mut from = 0;
    while from < haystack.len() {
        let Some(rel) = find_ci(&haystack[from..], needle) else {
            return false;
        };
        let at = from + rel;
        let end = at + needle.len();
        let before_ok = haystack[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after_ok = haystack[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if before_ok && after_ok {
            return true;
        }
        // advance by one char
        from = at + haystack[at..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// Roman numeral (i–mmmm, either case, not mixed), e.g. "xii", "XIV".
pub(crate) fn is_roman(s: &str) -> bool {
    if s.is_empty() || s.len() > 12 {
        return false;
    }
    let lower = s
        .bytes()
        .all(|b| matches!(b, b'i' | b'v' | b'x' | b'l' | b'c' | b'd' | b'm'));
    let upper = s
        .bytes()
        .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C' | b'D' | b'M'));
    lower || upper
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_safely() {
        let t = "Grün, A.";
        assert_eq!(safe_slice(t, 0..3), "Grü");
        assert_eq!(safe_slice(t, 0..100), t);
        assert_eq!(safe_slice(t, Range { start: 5, end: 2 }), "");
        assert_eq!(safe_slice("", 0..4), "");
    }

    #[test]
    fn folds_whitespace() {
        assert!(matches!(fold_ws("a b"), Cow::Borrowed("a b")));
        assert_eq!(fold_ws(" a \n\t b\u{0} c "), "a b c");
        assert_eq!(fold_ws("\u{200B}"), "");
    }

    #[test]
    fn strips_brackets_and_quotes() {
        assert_eq!(strip_edge_brackets("(1961)"), "1961");
        assert_eq!(strip_edge_brackets("1961)."), "1961");
        assert_eq!(strip_edge_brackets("(London"), "London");
        assert_eq!(strip_edge_brackets("(a) (b)"), "(a) (b)");
        assert_eq!(strip_edge_brackets("[[1961]]"), "1961");
        assert_eq!(strip_quotes("“The Title.”"), "The Title.");
        assert_eq!(strip_quotes("«Res»,"), "Res");
        assert_eq!(
            strip_quotes("‘Crisis and transformation ’,"),
            "Crisis and transformation"
        );
        assert_eq!(strip_quotes("“Half"), "Half");
        assert_eq!(strip_quotes("A “quoted” word"), "A “quoted” word");
        assert_eq!(strip_quotes("\""), "");
    }

    #[test]
    fn words_and_case() {
        assert!(contains_word_ci("Ph.D. Thesis, Duke", "thesis"));
        assert!(!contains_word_ci("Hypothesis", "thesis"));
        assert_eq!(find_ci("abcÄBC", "bc"), Some(1));
        assert!(is_roman("xii") && is_roman("XIV") && !is_roman("XiV") && !is_roman(""));
    }
}
