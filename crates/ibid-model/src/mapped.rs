//! Text that remembers where each of its bytes came from in the original input.
//!
//! Cleaning removes debris, joins hyphenated line breaks and decodes HTML; every
//! later stage works on the cleaned text but must report spans into the
//! original input. A [`MappedText`] holds the cleaned text and a piecewise map
//! from its byte offsets to byte offsets of the original. The map is a list of
//! segments (a few per edit), so it stays small even for very large inputs.

use std::ops::Range;

/// One run of the cleaned text and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    /// Start of the run in the cleaned text (bytes).
    text_start: usize,
    /// Length of the run in the cleaned text (bytes).
    text_len: usize,
    /// Start of the source of the run in the original (bytes).
    orig_start: usize,
    /// Length of the source in the original (bytes). Equal to `text_len` for
    /// copied runs; anything for synthetic ones (an entity, a joined hyphen).
    orig_len: usize,
    /// Copied byte for byte from the original (so offsets map one to one).
    copied: bool,
}

/// Cleaned text plus the map of its byte offsets into the original input.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MappedText {
    text: String,
    segments: Vec<Segment>,
}

impl MappedText {
    /// Text that is the original itself, starting at `orig_start` in it.
    pub fn identity(text: &str, orig_start: usize) -> Self {
        let mut b = MappedTextBuilder::default();
        b.push_copied(text, orig_start);
        b.finish()
    }

    /// The cleaned text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length of the cleaned text in bytes.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// True when the text is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    fn segment_at(&self, pos: usize) -> Option<&Segment> {
        let idx = self
            .segments
            .partition_point(|s| s.text_start + s.text_len <= pos);
        self.segments.get(idx)
    }

    /// Original byte offset of the character starting at `pos`.
    fn orig_start_of(&self, pos: usize) -> usize {
        match self.segment_at(pos) {
            Some(s) if s.copied => s.orig_start + (pos - s.text_start),
            Some(s) => s.orig_start,
            None => self
                .segments
                .last()
                .map_or(0, |s| s.orig_start + s.orig_len),
        }
    }

    /// Original byte offset just past the character that ends at `pos`.
    fn orig_end_of(&self, pos: usize) -> usize {
        if pos == 0 {
            return self.segments.first().map_or(0, |s| s.orig_start);
        }
        match self.segment_at(pos - 1) {
            Some(s) if s.copied => s.orig_start + (pos - s.text_start),
            Some(s) => s.orig_start + s.orig_len,
            None => self
                .segments
                .last()
                .map_or(0, |s| s.orig_start + s.orig_len),
        }
    }

    /// The span of the original input that `range` of the cleaned text came from.
    pub fn orig_range(&self, range: Range<usize>) -> Range<usize> {
        if range.start >= range.end {
            let p = self.orig_start_of(range.start);
            return p..p;
        }
        let start = self.orig_start_of(range.start);
        let end = self.orig_end_of(range.end).max(start);
        start..end
    }

    /// The sub-text `range` of this text, still mapped to the original.
    pub fn slice(&self, range: Range<usize>) -> MappedText {
        let mut b = MappedTextBuilder::default();
        b.push_from(self, range);
        b.finish()
    }

    /// Apply non-overlapping edits (sorted by start): each replaces a range of
    /// this text with new text that maps to the original span of that range.
    pub fn apply_edits(&self, edits: &[(Range<usize>, String)]) -> MappedText {
        let mut b = MappedTextBuilder::default();
        let mut at = 0;
        for (range, replacement) in edits {
            debug_assert!(range.start >= at, "edits must be sorted and disjoint");
            if range.start < at {
                continue;
            }
            b.push_from(self, at..range.start);
            if !replacement.is_empty() {
                b.push_synthetic(replacement, self.orig_range(range.clone()));
            }
            at = range.end;
        }
        b.push_from(self, at..self.len());
        b.finish()
    }
}

/// Builds a [`MappedText`] run by run.
#[derive(Debug, Default)]
pub struct MappedTextBuilder {
    inner: MappedText,
}

impl MappedTextBuilder {
    fn push_segment(&mut self, text: &str, orig: Range<usize>, copied: bool) {
        if text.is_empty() {
            return;
        }
        let text_start = self.inner.text.len();
        self.inner.text.push_str(text);
        if let Some(last) = self.inner.segments.last_mut() {
            if copied && last.copied && last.orig_start + last.orig_len == orig.start {
                last.text_len += text.len();
                last.orig_len += text.len();
                return;
            }
        }
        self.inner.segments.push(Segment {
            text_start,
            text_len: text.len(),
            orig_start: orig.start,
            orig_len: orig.end - orig.start,
            copied,
        });
    }

    /// Append text copied verbatim from the original at `orig_start`.
    pub fn push_copied(&mut self, text: &str, orig_start: usize) {
        self.push_segment(text, orig_start..orig_start + text.len(), true);
    }

    /// Append text that stands for the original span `orig` (a decoded entity,
    /// a space for a line break, …).
    pub fn push_synthetic(&mut self, text: &str, orig: Range<usize>) {
        self.push_segment(text, orig, false);
    }

    /// Append `range` of another mapped text, keeping its map.
    pub fn push_from(&mut self, src: &MappedText, range: Range<usize>) {
        if range.start >= range.end {
            return;
        }
        let first = src
            .segments
            .partition_point(|s| s.text_start + s.text_len <= range.start);
        for seg in &src.segments[first..] {
            if seg.text_start >= range.end {
                break;
            }
            let a = range.start.max(seg.text_start);
            let b = range.end.min(seg.text_start + seg.text_len);
            let text = &src.text[a..b];
            if seg.copied {
                let o = seg.orig_start + (a - seg.text_start);
                self.push_segment(text, o..o + text.len(), true);
            } else {
                self.push_segment(text, seg.orig_start..seg.orig_start + seg.orig_len, false);
            }
        }
    }

    /// The text built so far.
    pub fn as_str(&self) -> &str {
        &self.inner.text
    }

    /// Finish building.
    pub fn finish(self) -> MappedText {
        self.inner
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_maps_one_to_one() {
        let t = MappedText::identity("abc def", 10);
        assert_eq!(t.orig_range(4..7), 14..17);
        assert_eq!(t.slice(4..7).orig_range(0..3), 14..17);
    }

    #[test]
    fn edits_compose() {
        let orig = "Taylor,Google Scholar Origins, p. 9";
        let t = MappedText::identity(orig, 0);
        let cleaned = t.apply_edits(&[(7..22, " ".to_string())]);
        assert_eq!(cleaned.as_str(), "Taylor, Origins, p. 9");
        let pos = cleaned.as_str().find("Origins").unwrap();
        let r = cleaned.orig_range(pos..pos + 7);
        assert_eq!(&orig[r.clone()], "Origins");
        // the synthetic space maps to the whole removed debris
        assert_eq!(cleaned.orig_range(7..8), 7..22);
        // a second round of edits keeps mapping to the original
        let again = cleaned.apply_edits(&[(0..0, String::new())]);
        assert_eq!(again.orig_range(pos..pos + 7), r);
    }

    #[test]
    fn empty_ranges_and_ends() {
        let t = MappedText::identity("ab", 5);
        assert_eq!(t.orig_range(2..2), 7..7);
        assert_eq!(t.orig_range(0..2), 5..7);
        let e = MappedText::default();
        assert_eq!(e.orig_range(0..0), 0..0);
    }
}
