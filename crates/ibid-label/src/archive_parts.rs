//! The comma-separated parts of an archival reference, shared by the rules
//! that read one whole (`german_archive`, `archival_citation`).

use std::ops::Range;

/// The comma-separated parts of `text`, each trimmed, with its byte range
/// (untrimmed; the last part ends before a closing full stop, space or
/// semicolon).
pub(crate) fn parts(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == ',' {
            out.push((start..i, text[start..i].trim()));
            start = i + 1;
        }
    }
    let end = text.trim_end_matches(['.', ' ', ';']).len().max(start);
    out.push((start..end, text[start..end].trim()));
    out
}
