//! Runs of spaces: one space inside a line, none at line starts and ends.

use crate::edits::Edit;

/// Edits collapsing runs of spaces to one and removing spaces at the start
/// and end of lines (and of the text). Line breaks stay.
pub(crate) fn space_edits(s: &str) -> Vec<Edit> {
    let b = s.as_bytes();
    let mut edits = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b' ' {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        let line_start = start == 0 || b[start - 1] == b'\n';
        let line_end = i == b.len() || b[i] == b'\n';
        if line_start || line_end {
            edits.push((start..i, String::new()));
        } else if i - start > 1 {
            edits.push((start + 1..i, String::new()));
        }
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::*;
    use ibid_model::MappedText;

    #[test]
    fn collapses() {
        let s = "  12  Taylor,   Origins \n 13 Ibid.  ";
        let t = MappedText::identity(s, 0).apply_edits(&space_edits(s));
        assert_eq!(t.as_str(), "12 Taylor, Origins\n13 Ibid.");
        // the kept space is the first of its run, copied from the original
        let p = t.as_str().find(", ").unwrap() + 1;
        assert_eq!(t.orig_range(p..p + 1), 13..14);
    }
}
