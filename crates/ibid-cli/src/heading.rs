//! Heading lines of a reference list ("Bibliography", "Manuscript sources"),
//! which `ibid refs` reads one a line: no reference, so no item.
//!
//! The test is the segmenter's own, the one `ibid parse` uses to keep a
//! heading out of the notes: the line is segmented alone, and it is a
//! heading when it comes back as one prose block with no note or entry: the
//! segmenter's heading words ("Published works", "Table of cases") or a
//! heading pattern ("Notes to Chapter 3"). A sub-heading that `parse` knows
//! only from the lines around it (an unlisted "Letters of Lord Grey" between
//! two entries) is no heading on its own line.

use ibid_model::MappedText;

/// The longest line the segmenter takes for a heading (in bytes); longer
/// lines are not segmented at all.
const MAX_HEADING: usize = 80;

/// Whether `line` is a heading rather than a reference.
pub fn is_heading(line: &str) -> bool {
    let line = line.trim();
    // a cheap test first (`refs` asks for every line): a heading has a few
    // words and no digits, and nearly every reference has a year or a page
    if line.is_empty()
        || line.len() > MAX_HEADING
        || line.bytes().any(|b| b.is_ascii_digit())
        || line.split_whitespace().count() > 6
    {
        return false;
    }
    let split = ibid_segment::split_notes(&MappedText::identity(line, 0), &[]);
    matches!(split.notes.as_slice(), [only] if only.prose && only.number.is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_references() {
        for h in [
            "Bibliography",
            "Manuscript sources",
            "References",
            "Primary Sources:",
            "Quellen und Literatur",
            "Published works",
            "Newspapers and periodicals",
            "Table of Cases",
        ] {
            assert!(is_heading(h), "{h}");
        }
        for r in [
            "",
            "Donoghue v Stevenson [1932] AC 562 (HL).",
            "Taylor, A. J. P. The Origins of the Second World War. London: Hamish Hamilton, 1961.",
            "Kuhn, T. S. (1962). The structure of scientific revolutions. University of Chicago Press.",
            "Ibid.",
            "Nature",
            "Bibliography of British History, 1914–1945 (Oxford, 1960).",
        ] {
            assert!(!is_heading(r), "{r}");
        }
    }
}
