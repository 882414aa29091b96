//! Byte offsets to code-point offsets, fast on large inputs.

/// Converts byte offsets of one string into code-point offsets.
///
/// Keeps the code-point count at every 4 KiB boundary so a conversion counts
/// at most 4 KiB of text, whatever the input size.
#[derive(Debug, Clone)]
pub struct CharIndex<'a> {
    text: &'a str,
    checkpoints: Vec<usize>,
    ascii: bool,
}

const STEP: usize = 4096;

impl<'a> CharIndex<'a> {
    /// Index `text`.
    pub fn new(text: &'a str) -> Self {
        let ascii = text.is_ascii();
        let mut checkpoints = Vec::new();
        if !ascii {
            let bytes = text.as_bytes();
            let mut count = 0usize;
            let mut pos = 0usize;
            while pos < bytes.len() {
                checkpoints.push(count);
                let end = (pos + STEP).min(bytes.len());
                count += bytes[pos..end]
                    .iter()
                    .filter(|&&b| (b as i8) >= -0x40)
                    .count();
                pos = end;
            }
            // the total, for the end of a text whose length is a multiple of
            // the step: every offset up to the end then has its block
            checkpoints.push(count);
        }
        CharIndex {
            text,
            checkpoints,
            ascii,
        }
    }

    /// The code-point offset of byte offset `byte` (clamped to the text).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.ascii {
            return byte;
        }
        let block = byte / STEP;
        // `new` keeps a checkpoint for every block up to `len / STEP`
        let base = self.checkpoints[block];
        let from = block * STEP;
        base + self.text.as_bytes()[from..byte]
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count()
    }

    /// `[start, end)` in code points for a byte range.
    pub fn span(&self, range: std::ops::Range<usize>) -> [usize; 2] {
        [self.char_offset(range.start), self.char_offset(range.end)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_code_points() {
        let s = "Gründung – Kōshō".repeat(1000);
        let idx = CharIndex::new(&s);
        for (ci, (bi, _)) in s.char_indices().enumerate().step_by(97) {
            assert_eq!(idx.char_offset(bi), ci);
        }
        assert_eq!(idx.char_offset(s.len()), s.chars().count());
        assert_eq!(CharIndex::new("abc").span(1..3), [1, 3]);
        // a text of whole blocks: its end is in no block of its own
        for len in [STEP, 3 * STEP] {
            let s = "é".repeat(len / 2);
            let idx = CharIndex::new(&s);
            assert_eq!(idx.char_offset(s.len()), len / 2);
            assert_eq!(idx.char_offset(s.len() - 2), len / 2 - 1);
            assert_eq!(idx.char_offset(STEP), STEP / 2);
        }
    }
}
