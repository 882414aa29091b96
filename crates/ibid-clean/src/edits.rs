//! Edit lists and moving offsets through them.

use std::ops::Range;

/// A replacement of a byte range of a text by new text.
pub(crate) type Edit = (Range<usize>, String);

/// Move sorted byte `positions` of a text to the text that results from
/// applying the sorted, disjoint `edits` to it.
///
/// A position inside a replaced range moves to the start of the replacement;
/// a position where text is inserted stays before the insertion.
pub(crate) fn remap(positions: &mut [usize], edits: &[Edit]) {
    let mut shift: isize = 0;
    let mut e = 0;
    for p in positions.iter_mut() {
        while let Some((r, rep)) = edits.get(e) {
            let insertion_here = r.start == r.end && r.start == *p;
            if r.end <= *p && !insertion_here {
                shift += rep.len() as isize - (r.end - r.start) as isize;
                e += 1;
            } else {
                break;
            }
        }
        let base = match edits.get(e) {
            Some((r, _)) if r.start < *p && *p < r.end => r.start,
            _ => *p,
        };
        *p = (base as isize + shift).max(0) as usize;
    }
}

/// Length in bytes of the line break starting at `i` ("\n", "\r\n", "\r",
/// U+0085, U+2028, U+2029), if there is one.
pub(crate) fn line_break_len(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes();
    match b.get(i)? {
        b'\n' => Some(1),
        b'\r' => Some(if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 }),
        0xC2 if b.get(i + 1) == Some(&0x85) => Some(2),
        0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xA8 | 0xA9)) => Some(3),
        _ => None,
    }
}

/// The character that ends at byte `i` (exclusive), if any.
pub(crate) fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i).and_then(|t| t.chars().next_back())
}

/// The character that starts at byte `i`, if any.
pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|t| t.chars().next())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remap_moves_positions() {
        // "ab--cd" -> remove "--" (2..4), insert "X" at 5
        let edits = vec![(2..4, String::new()), (5..5, "X".to_string())];
        let mut p = vec![0, 2, 3, 4, 5, 6];
        remap(&mut p, &edits);
        assert_eq!(p, vec![0, 2, 2, 2, 3, 5]);
    }

    #[test]
    fn remap_replacement_longer() {
        let edits = vec![(1..2, "xyz".to_string())];
        let mut p = vec![1, 2, 3];
        remap(&mut p, &edits);
        assert_eq!(p, vec![1, 4, 5]);
    }

    #[test]
    fn line_breaks() {
        assert_eq!(line_break_len("a\r\nb", 1), Some(2));
        assert_eq!(line_break_len("a\rb", 1), Some(1));
        assert_eq!(line_break_len("a\u{2028}b", 1), Some(3));
        assert_eq!(line_break_len("ab", 1), None);
        assert_eq!(line_break_len("a", 5), None);
    }
}
