//! Character repairs: invisible characters out, odd spaces and line ends normalised.

use crate::edits::{line_break_len, Edit};

/// What to do with one character.
enum Fix {
    Keep,
    Drop,
    Space,
    Newline,
    SoftHyphen,
}

fn classify(c: char) -> Fix {
    match c {
        '\n' => Fix::Keep,
        '\t' => Fix::Space,
        '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => Fix::Newline,
        '\u{00AD}' => Fix::SoftHyphen,
        // zero-width space, word joiner, BOM / zero-width no-break space, Mongolian vowel separator
        '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}' => Fix::Drop,
        '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => Fix::Space,
        c if c.is_control() => Fix::Space,
        _ => Fix::Keep,
    }
}

fn skip_hspace(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    while matches!(b.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    i
}

/// Edits that remove soft hyphens and zero-width characters, turn other
/// spaces (NBSP, thin space, tab, …) into " " and every line end ("\r\n",
/// "\r", U+2028, form feed, …) into "\n". A soft hyphen at a line end joins
/// the two lines.
pub(crate) fn char_edits(s: &str) -> Vec<Edit> {
    let b = s.as_bytes();
    let mut edits = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let byte = b[i];
        if (0x20..0x7F).contains(&byte) || byte == b'\n' {
            i += 1;
            continue;
        }
        if byte == b'\r' {
            if b.get(i + 1) == Some(&b'\n') {
                edits.push((i..i + 1, String::new()));
                i += 2;
            } else {
                edits.push((i..i + 1, "\n".to_string()));
                i += 1;
            }
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        match classify(c) {
            Fix::Keep => {}
            Fix::Drop => edits.push((i..i + len, String::new())),
            Fix::Space => edits.push((i..i + len, " ".to_string())),
            Fix::Newline => edits.push((i..i + len, "\n".to_string())),
            Fix::SoftHyphen => {
                let after = skip_hspace(s, i + len);
                if let Some(brk) = line_break_len(s, after) {
                    let end = skip_hspace(s, after + brk);
                    edits.push((i..end, String::new()));
                    i = end;
                    continue;
                }
                // used as a visible dash: "125\u{AD}140", "Great\u{AD}Grandparents"
                let prev = s[..i].chars().next_back();
                let next = s[i + len..].chars().next();
                let dash = match (prev, next) {
                    (Some(p), Some(n)) => {
                        p.is_alphanumeric()
                            && n.is_alphanumeric()
                            && (p.is_ascii_digit() || n.is_ascii_digit() || n.is_uppercase())
                    }
                    _ => false,
                };
                edits.push((i..i + len, if dash { "-" } else { "" }.to_string()));
            }
        }
        i += len;
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::*;
    use ibid_model::MappedText;

    fn run(s: &str) -> String {
        MappedText::identity(s, 0)
            .apply_edits(&char_edits(s))
            .as_str()
            .to_string()
    }

    #[test]
    fn spaces_and_invisibles() {
        assert_eq!(run("p.\u{A0}88"), "p. 88");
        assert_eq!(run("Ge\u{AD}schichte"), "Geschichte");
        assert_eq!(run("Taylor\u{200B}, A.\u{202F}J."), "Taylor, A. J.");
        assert_eq!(run("a\tb\u{3000}c"), "a b c");
        assert_eq!(run("\u{FEFF}Ibid."), "Ibid.");
    }

    #[test]
    fn soft_hyphen_as_dash() {
        assert_eq!(run("pp. 125\u{AD}140"), "pp. 125-140");
        assert_eq!(run("Great\u{AD}Grandparents"), "Great-Grandparents");
        assert_eq!(run("Gesellschafts\u{AD}rituale"), "Gesellschaftsrituale");
    }

    #[test]
    fn line_ends() {
        assert_eq!(run("a\r\nb\rc\u{2028}d\u{0C}e"), "a\nb\nc\nd\ne");
    }

    #[test]
    fn soft_hyphen_at_line_end_joins() {
        assert_eq!(run("Ge\u{AD}\nschichte"), "Geschichte");
        assert_eq!(run("Ge\u{AD} \r\n  schichte"), "Geschichte");
    }

    #[test]
    fn keeps_meaningful_characters() {
        let s = "Kōshō – „Gründung“ ‘x’ \u{200D}\u{200C} é";
        assert_eq!(run(s), s);
    }
}
