//! Inline formatting tags left in plain text (`<italic>Nature</italic>`,
//! `<i>Origins</i>`, `<span class="sc">`): reference strings copied out of
//! JATS, HTML or a database often keep them. They are markup, not text: the
//! tag goes, its content stays. Only a closed list of formatting tag names
//! counts, so `<http://example.org/>`, `a < b` and `<Ibid.>` are left alone.

use crate::edits::Edit;

/// Formatting tags whose removal leaves the text as it reads (lower case).
const INLINE: &[&str] = &[
    "b",
    "bold",
    "cite",
    "em",
    "emph",
    "font",
    "hi",
    "i",
    "italic",
    "mark",
    "monospace",
    "roman",
    "s",
    "sans-serif",
    "sc",
    "small",
    "small-caps",
    "span",
    "strike",
    "strong",
    "sub",
    "sup",
    "tt",
    "u",
    "underline",
];

/// A tag longer than this (attributes included) is not taken for one.
const MAX_TAG: usize = 200;

/// Edits removing inline formatting tags; a line-break tag (`<br>`,
/// `<br/>`) becomes a space.
pub(crate) fn markup_edits(s: &str) -> Vec<Edit> {
    let b = s.as_bytes();
    let mut edits = Vec::new();
    let mut i = 0;
    while let Some(off) = b
        .get(i..)
        .and_then(|rest| rest.iter().position(|&c| c == b'<'))
    {
        let start = i + off;
        match tag_at(b, start) {
            Some((end, replacement)) => {
                edits.push((start..end, replacement.to_string()));
                i = end;
            }
            None => i = start + 1,
        }
    }
    edits
}

/// The end of the formatting tag that opens at `start` (on a `<`) and what
/// replaces it, if there is one.
fn tag_at(b: &[u8], start: usize) -> Option<(usize, &'static str)> {
    let mut j = start + 1;
    if b.get(j) == Some(&b'/') {
        j += 1;
    }
    let name_start = j;
    while b
        .get(j)
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-')
    {
        j += 1;
    }
    let name = b.get(name_start..j)?;
    if name.is_empty() || name.len() > 12 || !name[0].is_ascii_alphabetic() {
        return None;
    }
    let replacement = if name.eq_ignore_ascii_case(b"br") {
        " "
    } else if INLINE
        .iter()
        .any(|n| name.eq_ignore_ascii_case(n.as_bytes()))
    {
        ""
    } else {
        return None;
    };
    // attributes, up to the closing '>' on the same line
    match b.get(j)? {
        b'>' => return Some((j + 1, replacement)),
        b'/' if b.get(j + 1) == Some(&b'>') => return Some((j + 2, replacement)),
        c if c.is_ascii_whitespace() && *c != b'\n' && *c != b'\r' => {}
        _ => return None,
    }
    let limit = (start + MAX_TAG).min(b.len());
    let close = b[j..limit]
        .iter()
        .position(|&c| matches!(c, b'>' | b'<' | b'\n' | b'\r'))?;
    (b[j + close] == b'>').then_some((j + close + 1, replacement))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ibid_model::MappedText;

    fn run(s: &str) -> String {
        MappedText::identity(s, 0)
            .apply_edits(&markup_edits(s))
            .as_str()
            .to_string()
    }

    #[test]
    fn formatting_tags_go_and_their_text_stays() {
        assert_eq!(
            run("Smith, J. (2011). <italic>Creative approaches.</italic> Sage."),
            "Smith, J. (2011). Creative approaches. Sage."
        );
        assert_eq!(
            run("<I>Origins</I>, <sup>2</sup>nd ed."),
            "Origins, 2nd ed."
        );
        assert_eq!(
            run("<span class=\"sc\">Taylor</span>, Origins<br/>p. 88"),
            "Taylor, Origins p. 88"
        );
        assert_eq!(run("<hi rend=\"italic\">Titel</hi>"), "Titel");
    }

    #[test]
    fn other_angle_brackets_stay() {
        for s in [
            "Available at <http://www.example.org/>.",
            "if a < b and c > d",
            "<Ibid.>",
            "<table>Origins</table>",
            "<i class=\"x\nbroken\">Origins",
            "<i",
            "<",
            "</>",
            "<italic",
        ] {
            assert_eq!(run(s), s, "{s}");
        }
    }

    #[test]
    fn offsets_point_into_the_original() {
        let s = "<i>Origins</i> (1961)";
        let t = MappedText::identity(s, 0).apply_edits(&markup_edits(s));
        assert_eq!(t.as_str(), "Origins (1961)");
        assert_eq!(&s[t.orig_range(0..7)], "Origins");
    }

    #[test]
    fn linear_on_many_open_brackets() {
        let s = "<".repeat(200_000) + &"<i ".repeat(50_000);
        assert_eq!(run(&s), s);
        let s = "<i>x</i>".repeat(50_000);
        assert_eq!(run(&s), "x".repeat(50_000));
    }
}
