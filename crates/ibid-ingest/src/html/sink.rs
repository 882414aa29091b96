//! Collects the visible text of one block, collapsing whitespace the way a
//! browser renders it, and keeps each run's source range.

use ibid_model::{MappedText, MappedTextBuilder};
use std::ops::Range;

#[derive(Debug, Clone)]
struct Seg {
    text_start: usize,
    orig: Range<usize>,
    copied: bool,
}

/// Whitespace waiting to be written before the next text.
#[derive(Debug, Clone)]
struct Pending {
    newline: bool,
    orig: Range<usize>,
    /// Exactly one source space, copied: can map one to one.
    single_space: bool,
}

/// One block's text under construction.
#[derive(Debug, Default)]
pub(crate) struct Sink {
    text: String,
    segs: Vec<Seg>,
    pending: Option<Pending>,
    /// Byte offsets in `text` where debris was dropped.
    breaks: Vec<usize>,
    break_pending: bool,
    /// Drop a "]" or ")" that closed a dropped debris link.
    eat_close: bool,
    /// Debris was dropped and no word has come since.
    after_debris: bool,
    /// Drop separator punctuation after a dropped number label ("1. Text").
    pub(crate) after_label: bool,
    /// Inside `<pre>`: whitespace is kept as it is.
    pub(crate) pre: bool,
    /// Where the source cursor stood last (for synthetic separators).
    last_orig: usize,
}

pub(crate) fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C')
}

impl Sink {
    fn push_seg(&mut self, s: &str, orig: Range<usize>, copied: bool) {
        if s.is_empty() {
            return;
        }
        let text_start = self.text.len();
        self.text.push_str(s);
        self.last_orig = orig.end;
        if let Some(last) = self.segs.last_mut() {
            if copied && last.copied && last.orig.end == orig.start {
                last.orig.end = orig.end;
                return;
            }
        }
        self.segs.push(Seg {
            text_start,
            orig,
            copied,
        });
    }

    /// Whitespace from the source at `orig` (`c` is the character).
    pub(crate) fn space(&mut self, c: char, orig: Range<usize>, copied: bool) {
        if self.pre {
            if self.text.is_empty() {
                return;
            }
            let mut buf = [0u8; 4];
            let s: &str = if c == '\r' {
                "\n"
            } else {
                c.encode_utf8(&mut buf)
            };
            self.flush();
            self.push_seg(s, orig, copied && c != '\r');
            return;
        }
        match &mut self.pending {
            // a separator the markup implied gets the source whitespace's range
            Some(p) if p.orig.is_empty() => p.orig = orig,
            Some(p) => {
                // one source range: extend only over adjacent whitespace
                if p.orig.end == orig.start {
                    p.orig.end = orig.end;
                }
                p.single_space = false;
            }
            None => {
                self.pending = Some(Pending {
                    newline: false,
                    single_space: copied && c == ' ' && orig.len() == 1,
                    orig,
                });
            }
        }
    }

    /// A separator the markup implies (a block boundary, `<br>`, a table cell).
    pub(crate) fn separator(&mut self, newline: bool) {
        let at = self.last_orig;
        match &mut self.pending {
            Some(p) => {
                p.newline |= newline;
                p.single_space &= !newline;
            }
            None => {
                self.pending = Some(Pending {
                    newline,
                    orig: at..at,
                    single_space: false,
                })
            }
        }
    }

    /// A forced line break (`<br>`).
    pub(crate) fn line_break(&mut self) {
        if self.pre {
            if self.text.is_empty() {
                return;
            }
            self.flush();
            let at = self.last_orig;
            self.push_seg("\n", at..at, false);
        } else {
            self.separator(true);
        }
    }

    fn flush(&mut self) {
        let Some(p) = self.pending.take() else {
            return;
        };
        if self.text.is_empty() {
            self.break_pending = false;
            return;
        }
        if self.break_pending {
            self.breaks.push(self.text.len());
            self.break_pending = false;
        }
        if self.text.ends_with('\n') || (self.text.ends_with(' ') && !p.newline) {
            return;
        }
        if p.single_space {
            self.push_seg(" ", p.orig, true);
        } else {
            let sep = if p.newline { "\n" } else { " " };
            self.push_seg(sep, p.orig, false);
        }
    }

    /// Visible text (no whitespace in it unless in `<pre>`).
    pub(crate) fn text(&mut self, mut s: &str, mut orig: Range<usize>, copied: bool) {
        if self.after_label {
            let rest = s.trim_start_matches(|c: char| {
                matches!(c, '.' | ':' | ')' | ']') || is_html_space(c)
            });
            if copied {
                orig.start += s.len() - rest.len();
            }
            s = rest;
            if s.is_empty() {
                return;
            }
            self.after_label = false;
            // the label and its punctuation are gone: no space before the text
            if self.text.is_empty() {
                self.pending = None;
            }
        }
        if self.eat_close {
            self.eat_close = false;
            if let Some(rest) = s.strip_prefix([']', ')']) {
                if copied {
                    orig.start += 1;
                }
                s = rest;
                if s.is_empty() {
                    return;
                }
            }
        }
        if s.chars().any(char::is_alphanumeric) {
            self.after_debris = false;
        }
        self.flush();
        self.push_seg(s, orig, copied);
    }

    fn truncate(&mut self, len: usize) {
        self.text.truncate(len);
        while self.segs.last().is_some_and(|s| s.text_start >= len) {
            self.segs.pop();
        }
        while self.breaks.last().is_some_and(|&b| b >= len) {
            self.breaks.pop();
        }
    }

    /// Debris starts: drop an opening bracket before it (and, after other
    /// debris, the separator before that: "[Crossref], [Google Scholar]").
    pub(crate) fn debris_start(&mut self) {
        if self.text.ends_with(['[', '(']) {
            self.truncate(self.text.len() - 1);
            self.eat_close = true;
            self.pending = None;
            let trimmed = if self.after_debris {
                self.text
                    .trim_end_matches(|c: char| matches!(c, ',' | ';' | '|') || is_html_space(c))
            } else {
                self.text.trim_end_matches(is_html_space)
            };
            let len = trimmed.len();
            self.truncate(len);
        }
        self.separator(false);
        self.break_pending = true;
    }

    pub(crate) fn debris_end(&mut self) {
        self.after_debris = true;
        self.separator(false);
    }

    /// The finished text and its break offsets.
    pub(crate) fn finish(mut self) -> (MappedText, Vec<usize>) {
        // whitespace kept in <pre> at the end
        let len = self.text.trim_end_matches(is_html_space).len();
        self.truncate(len);
        let mut b = MappedTextBuilder::default();
        for (k, seg) in self.segs.iter().enumerate() {
            let end = self
                .segs
                .get(k + 1)
                .map_or(self.text.len(), |n| n.text_start);
            let s = &self.text[seg.text_start..end];
            if seg.copied {
                b.push_copied(s, seg.orig.start);
            } else {
                b.push_synthetic(s, seg.orig.clone());
            }
        }
        let text = b.finish();
        let len = text.len();
        let mut breaks = self.breaks;
        breaks.retain(|&x| x > 0 && x < len);
        breaks.dedup();
        (text, breaks)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_and_maps() {
        let mut s = Sink::default();
        s.space('\n', 0..1, true);
        s.text("Taylor,", 1..8, true);
        s.space(' ', 8..9, true);
        s.space('\n', 9..10, true);
        s.text("Origins", 10..17, true);
        s.separator(true);
        s.text("Ibid.", 30..35, true);
        s.separator(true);
        let (t, _) = s.finish();
        assert_eq!(t.as_str(), "Taylor, Origins\nIbid.");
        assert_eq!(t.orig_range(7..8), 8..10);
        assert_eq!(t.orig_range(15..16), 17..17);
    }

    #[test]
    fn debris_brackets_are_dropped() {
        let mut s = Sink::default();
        s.text("1–20.", 0..5, true);
        s.space(' ', 5..6, true);
        s.text("[", 6..7, true);
        s.debris_start();
        s.debris_end();
        s.text("],", 20..22, true);
        s.space(' ', 22..23, true);
        s.text("[", 23..24, true);
        s.debris_start();
        s.debris_end();
        s.text("]", 40..41, true);
        s.space(' ', 41..42, true);
        s.text("Smith", 42..47, true);
        let (t, breaks) = s.finish();
        assert_eq!(t.as_str(), "1–20. Smith");
        assert_eq!(breaks, vec![7]);
    }

    #[test]
    fn label_punctuation_is_dropped() {
        let mut s = Sink {
            after_label: true,
            ..Sink::default()
        };
        s.text(".", 5..6, true);
        s.space(' ', 6..7, true);
        s.text("Taylor", 7..13, true);
        let (t, _) = s.finish();
        assert_eq!(t.as_str(), "Taylor");
        assert_eq!(t.orig_range(0..6), 7..13);
    }
}
