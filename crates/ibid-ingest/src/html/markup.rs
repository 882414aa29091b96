//! A linear scanner over raw HTML source: where markup (tags, comments,
//! doctypes, raw-text element contents) starts and ends, and how character
//! references decode. It follows the HTML tokenizer closely enough to find
//! the source of every text node the parser produced.

use html5ever::data::{C1_REPLACEMENTS, NAMED_ENTITIES};
use memchr::{memchr, memchr3, memmem};

/// Elements whose content the tokenizer does not parse as markup. The text
/// inside them never reaches a block, so the scanner skips it whole.
pub(crate) const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "textarea",
    "title",
    "plaintext",
];

pub(crate) fn is_raw_text(name: &str) -> bool {
    RAW_TEXT.iter().any(|r| r.eq_ignore_ascii_case(name))
}

/// The end (exclusive) of the markup construct starting at `pos`, or `None`
/// when the byte there is not `<` or the `<` is literal text. For start tags
/// of raw-text elements the end is past their content (up to the end tag).
pub(crate) fn markup_end(src: &[u8], pos: usize) -> Option<usize> {
    if src.get(pos) != Some(&b'<') {
        return None;
    }
    let next = *src.get(pos + 1)?;
    match next {
        b'!' => {
            if src.get(pos + 2..pos + 4) == Some(b"--") {
                Some(comment_end(src, pos + 4))
            } else {
                Some(until_gt(src, pos + 2))
            }
        }
        b'?' => Some(until_gt(src, pos + 2)),
        b'/' => match src.get(pos + 2) {
            Some(c) if c.is_ascii_alphabetic() => Some(tag_end(src, pos + 2).0),
            Some(b'>') => Some(pos + 3),
            Some(_) => Some(until_gt(src, pos + 2)),
            // "</" at the very end is text
            None => None,
        },
        c if c.is_ascii_alphabetic() => {
            let (end, name) = tag_end(src, pos + 1);
            let name = std::str::from_utf8(name).unwrap_or("");
            if is_raw_text(name) {
                if name.eq_ignore_ascii_case("plaintext") {
                    return Some(src.len());
                }
                return Some(raw_text_end(src, end, name.as_bytes()));
            }
            Some(end)
        }
        _ => None,
    }
}

/// Past the next `>` at or after `from` (or the end of input).
fn until_gt(src: &[u8], from: usize) -> usize {
    match src.get(from..).and_then(|s| memchr(b'>', s)) {
        Some(off) => from + off + 1,
        None => src.len(),
    }
}

/// A comment body starting at `from` (after `<!--`): ends at `-->` or `--!>`;
/// `<!-->` and `<!--->` are empty comments; unterminated runs to the end.
fn comment_end(src: &[u8], from: usize) -> usize {
    match src.get(from..) {
        Some([b'>', ..]) => return from + 1,
        Some([b'-', b'>', ..]) => return from + 2,
        _ => {}
    }
    let finder = memmem::Finder::new(b"--");
    let mut at = from;
    while let Some(off) = src.get(at..).and_then(|s| finder.find(s)) {
        let dd = at + off;
        match src.get(dd + 2) {
            Some(b'>') => return dd + 3,
            Some(b'!') if src.get(dd + 3) == Some(&b'>') => return dd + 4,
            _ => at = dd + 1,
        }
    }
    src.len()
}

/// A tag whose name starts at `from`: returns the end (past `>`, or the end
/// of input) and the tag name. Quotes matter only around attribute values.
fn tag_end(src: &[u8], from: usize) -> (usize, &[u8]) {
    let mut i = from;
    while i < src.len() && !matches!(src[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0C' | b'/' | b'>') {
        i += 1;
    }
    let name = &src[from..i];
    while i < src.len() {
        match src[i] {
            b'>' => return (i + 1, name),
            b'=' => {
                i += 1;
                while i < src.len() && matches!(src[i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0C') {
                    i += 1;
                }
                if let Some(&q @ (b'"' | b'\'')) = src.get(i) {
                    match memchr(q, &src[i + 1..]) {
                        Some(off) => i += off + 2,
                        None => return (src.len(), name),
                    }
                }
            }
            _ => i += 1,
        }
    }
    (src.len(), name)
}

/// The start of the end tag `</name` (followed by a space, `/` or `>`) at
/// or after `from`, or the end of input.
fn raw_text_end(src: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(off) = src.get(at..).and_then(|s| memchr(b'<', s)) {
        let lt = at + off;
        let n = lt + 2;
        if src.get(lt + 1) == Some(&b'/')
            && src
                .get(n..n + name.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(name))
            && matches!(
                src.get(n + name.len()),
                None | Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0C' | b'/' | b'>')
            )
        {
            return lt;
        }
        at = lt + 1;
    }
    src.len()
}

/// Skip markup constructs starting at `pos` until text (or the end) starts.
pub(crate) fn skip_markup(src: &[u8], mut pos: usize) -> usize {
    while let Some(end) = markup_end(src, pos) {
        pos = end;
    }
    pos
}

/// A decoded unit of source text: a character reference, a line end, or
/// one character copied as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    /// `len` bytes that stand for themselves.
    Verbatim { len: usize },
    /// `len` source bytes that decode to up to two characters.
    Decoded { len: usize, chars: [char; 2], n: u8 },
}

fn decoded(len: usize, a: char, b: Option<char>) -> Unit {
    Unit::Decoded {
        len,
        chars: [a, b.unwrap_or('\0')],
        n: if b.is_some() { 2 } else { 1 },
    }
}

/// The unit of text at `pos` (which must be a char boundary of `src`).
pub(crate) fn unit_at(src: &str, pos: usize) -> Option<Unit> {
    let b = src.as_bytes();
    let first = *b.get(pos)?;
    match first {
        b'&' => Some(char_ref(src, pos).unwrap_or(Unit::Verbatim { len: 1 })),
        b'\r' => Some(if b.get(pos + 1) == Some(&b'\n') {
            decoded(2, '\n', None)
        } else {
            decoded(1, '\n', None)
        }),
        _ => {
            let len = src.get(pos..)?.chars().next()?.len_utf8();
            Some(Unit::Verbatim { len })
        }
    }
}

/// Decode the character reference at `pos` (which holds `&`).
fn char_ref(src: &str, pos: usize) -> Option<Unit> {
    let b = src.as_bytes();
    if b.get(pos + 1) == Some(&b'#') {
        let hex = matches!(b.get(pos + 2), Some(b'x' | b'X'));
        let start = pos + if hex { 3 } else { 2 };
        let mut i = start;
        let mut value: u32 = 0;
        while let Some(&c) = b.get(i) {
            let digit = match c {
                b'0'..=b'9' => u32::from(c - b'0'),
                b'a'..=b'f' if hex => u32::from(c - b'a' + 10),
                b'A'..=b'F' if hex => u32::from(c - b'A' + 10),
                _ => break,
            };
            value = value
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(digit);
            i += 1;
        }
        if i == start {
            return None;
        }
        if b.get(i) == Some(&b';') {
            i += 1;
        }
        let c = match value {
            0 => '\u{FFFD}',
            0x80..=0x9F => C1_REPLACEMENTS[(value - 0x80) as usize]
                .unwrap_or_else(|| char::from_u32(value).unwrap_or('\u{FFFD}')),
            v => char::from_u32(v).unwrap_or('\u{FFFD}'),
        };
        return Some(decoded(i - pos, c, None));
    }
    // named: the longest name in the table (with or without ';')
    let name_start = pos + 1;
    let mut end = name_start;
    while end < b.len() && end - name_start < 32 && b[end].is_ascii_alphanumeric() {
        end += 1;
    }
    if end == name_start {
        return None;
    }
    if b.get(end) == Some(&b';') {
        if let Some(&(c1, c2)) = NAMED_ENTITIES.get(&src[name_start..=end]) {
            if let Some(u) = entity_unit(end + 1 - pos, c1, c2) {
                return Some(u);
            }
        }
    }
    for e in (name_start + 1..=end).rev() {
        if let Some(&(c1, c2)) = NAMED_ENTITIES.get(&src[name_start..e]) {
            if let Some(u) = entity_unit(e - pos, c1, c2) {
                return Some(u);
            }
        }
    }
    None
}

fn entity_unit(len: usize, c1: u32, c2: u32) -> Option<Unit> {
    // the table also lists every prefix of a name, with no characters
    if c1 == 0 {
        return None;
    }
    let a = char::from_u32(c1)?;
    let b = if c2 == 0 { None } else { char::from_u32(c2) };
    Some(decoded(len, a, b))
}

/// Position of the next `<` or `&` or `\r` at or after `from` (or the end).
pub(crate) fn next_special(src: &[u8], from: usize) -> usize {
    match src.get(from..) {
        Some(rest) => from + memchr3(b'<', b'&', b'\r', rest).unwrap_or(rest.len()),
        None => src.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn end(s: &str) -> Option<usize> {
        markup_end(s.as_bytes(), 0)
    }

    #[test]
    fn tags() {
        assert_eq!(end("<p>x"), Some(3));
        assert_eq!(end("<a href=\"x>y\" title='a>b'>z"), Some(26));
        assert_eq!(end("<a href=x>y"), Some(10));
        assert_eq!(end("</p >x"), Some(5));
        assert_eq!(end("< p>"), None);
        assert_eq!(end("<3"), None);
        assert_eq!(end("</>x"), Some(3));
        assert_eq!(end("</ x>y"), Some(5));
        assert_eq!(end("<p"), Some(2));
        assert_eq!(end("<a title=\"never closed"), Some(22));
    }

    #[test]
    fn comments_and_doctypes() {
        assert_eq!(end("<!-- a -- b -->x"), Some(15));
        assert_eq!(end("<!-- a --!>x"), Some(11));
        assert_eq!(end("<!-->x"), Some(5));
        assert_eq!(end("<!--->x"), Some(6));
        assert_eq!(end("<!-- open"), Some(9));
        assert_eq!(end("<!DOCTYPE html>x"), Some(15));
        assert_eq!(end("<?xml version='1.0'?>x"), Some(21));
    }

    #[test]
    fn raw_text_elements() {
        let s = "<script>if (a<b) { x = '</p>'; }</script >t";
        let e = end(s).unwrap();
        assert_eq!(&s[e..], "</script >t");
        assert_eq!(skip_markup(s.as_bytes(), 0), s.len() - 1);
        let s = "<STYLE>p{}</style>t";
        assert_eq!(skip_markup(s.as_bytes(), 0), s.len() - 1);
        assert_eq!(end("<script>never closed"), Some(20));
    }

    #[test]
    fn character_references() {
        let u = |s: &str| unit_at(s, 0).unwrap();
        assert_eq!(u("&amp;x"), decoded(5, '&', None));
        assert_eq!(u("&#8217;"), decoded(7, '’', None));
        assert_eq!(u("&#x2019;"), decoded(8, '’', None));
        assert_eq!(u("&#X2019x"), decoded(7, '’', None));
        assert_eq!(u("&nbsp;"), decoded(6, '\u{a0}', None));
        assert_eq!(u("&nbspx"), decoded(5, '\u{a0}', None));
        assert_eq!(u("&notit;"), decoded(4, '¬', None));
        assert_eq!(u("&#150;"), decoded(6, '–', None));
        assert_eq!(u("&#0;"), decoded(4, '\u{FFFD}', None));
        assert_eq!(u("&#99999999999;"), decoded(14, '\u{FFFD}', None));
        assert_eq!(u("&NotEqualTilde;"), decoded(15, '≂', Some('\u{338}')));
        assert_eq!(u("&unknown;"), Unit::Verbatim { len: 1 });
        assert_eq!(u("& x"), Unit::Verbatim { len: 1 });
        assert_eq!(u("&#;"), Unit::Verbatim { len: 1 });
        assert_eq!(u("\r\nx"), decoded(2, '\n', None));
        assert_eq!(u("é"), Unit::Verbatim { len: 2 });
    }
}
