//! Words hyphenated across a line break.

use crate::edits::{char_at, char_before, Edit};

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}')
}

fn is_dash(c: char) -> bool {
    is_hyphen(c) || matches!(c, '\u{2011}' | '\u{2013}')
}

/// Edits joining lines broken after a hyphen: "Ger-\nman" → "German" when the
/// next line starts lowercase; "Anglo-\nAmerican" → "Anglo-American" and
/// "pp. 12-\n15" → "pp. 12-15" keep the hyphen. No join where debris was
/// removed (a `breaks` offset between hyphen and next line): the hyphen
/// then did not end a line in the input.
pub(crate) fn hyphen_edits(s: &str, breaks: &[usize]) -> Vec<Edit> {
    let b = s.as_bytes();
    let mut edits = Vec::new();
    let mut from = 0;
    while let Some(off) = b[from..].iter().position(|&c| c == b'\n') {
        let n = from + off;
        from = n + 1;
        let mut k = n;
        while k > 0 && b[k - 1] == b' ' {
            k -= 1;
        }
        let Some(dash) = char_before(s, k) else {
            continue;
        };
        if !is_dash(dash) {
            continue;
        }
        let h = k - dash.len_utf8();
        let Some(before) = char_before(s, h) else {
            continue;
        };
        let mut m = n + 1;
        while b.get(m) == Some(&b' ') {
            m += 1;
        }
        let Some(after) = char_at(s, m) else {
            continue;
        };
        let first_break = breaks.partition_point(|&b| b < h);
        if breaks.get(first_break).is_some_and(|&b| b <= m) {
            continue;
        }
        if before.is_alphabetic() && is_hyphen(dash) && after.is_lowercase() {
            edits.push((h..m, String::new()));
        } else if (before.is_alphabetic() && after.is_uppercase())
            || (before.is_ascii_digit() && after.is_ascii_digit())
        {
            edits.push((k..m, String::new()));
        }
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::*;
    use ibid_model::MappedText;

    fn run(s: &str) -> String {
        MappedText::identity(s, 0)
            .apply_edits(&hyphen_edits(s, &[]))
            .as_str()
            .to_string()
    }

    #[test]
    fn joins() {
        assert_eq!(
            run("Akten zur deutschen Ger-\nmanistik"),
            "Akten zur deutschen Germanistik"
        );
        assert_eq!(run("Ger- \n  man"), "German");
        assert_eq!(
            run("the Anglo-\nAmerican alliance"),
            "the Anglo-American alliance"
        );
        assert_eq!(run("pp. 12-\n15."), "pp. 12-15.");
        assert_eq!(run("pp. 12–\n15."), "pp. 12–15.");
    }

    #[test]
    fn leaves_other_line_ends() {
        for s in [
            "a list -\nitem",
            "Taylor, p. 12.\n13 Ibid.",
            "word-\n\nnext",
            "Oxford–\nmodern",
            "end-\n",
            "-\nx",
        ] {
            assert_eq!(run(s), s, "{s}");
        }
    }

    #[test]
    fn no_join_where_debris_stood() {
        let s = "Hinsley-\np. 88";
        let t = MappedText::identity(s, 0).apply_edits(&hyphen_edits(s, &[8]));
        assert_eq!(t.as_str(), s);
    }
}
