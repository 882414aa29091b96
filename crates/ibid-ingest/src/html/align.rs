//! Finding the source of each text node of the parsed DOM.
//!
//! html5ever does not report positions, so the text nodes are walked in
//! document order and each one is matched against the raw source from a
//! cursor that only moves forward: markup is skipped, character references
//! are decoded (a decoded character maps to its reference's bytes), "\r\n"
//! maps to the "\n" the parser made of it. When a node cannot be found
//! (the parser moved it, e.g. text foster-parented out of a table), it is
//! mapped to the cursor position and the cursor stays. Searching is bounded
//! by a budget proportional to the input, so alignment stays linear.

use super::markup::{markup_end, next_special, skip_markup, unit_at, Unit};
use std::ops::Range;

/// A run of a text node and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    /// Byte range in the node's text.
    pub node: Range<usize>,
    /// Byte range in the source.
    pub orig: Range<usize>,
    /// The node text equals the source text byte for byte.
    pub copied: bool,
}

/// How many bytes of a node must match for a search hit.
const PREFIX: usize = 64;
/// How far past the cursor a node is searched for.
const WINDOW: usize = 64 * 1024;
/// Nodes at least this long may be searched for past other text.
const DISTINCTIVE: usize = 16;
/// How many source bytes one probe may look at (markup included).
const PROBE_COST: usize = 16 * 1024;

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}

/// Matches text nodes to the source, left to right.
pub(crate) struct Aligner<'a> {
    src: &'a str,
    pos: usize,
    budget: usize,
    /// Text nodes (or their tails) that could not be matched.
    pub unaligned: usize,
}

/// One step of matching.
enum Step {
    /// `src` bytes of source give `node` bytes of the node.
    Match {
        src: usize,
        node: usize,
        copied: bool,
    },
    /// Source bytes the parser dropped (a NUL).
    SkipSource(usize),
    Mismatch,
}

impl<'a> Aligner<'a> {
    pub(crate) fn new(src: &'a str) -> Self {
        Aligner {
            src,
            pos: 0,
            budget: src.len() + WINDOW,
            unaligned: 0,
        }
    }

    /// Compare the source unit at `q` (a text position) with the node at `i`.
    fn step(&self, q: usize, node: &str, i: usize) -> Step {
        let Some(unit) = unit_at(self.src, q) else {
            return Step::Mismatch;
        };
        let rest = &node.as_bytes()[i..];
        match unit {
            Unit::Verbatim { len } => {
                let s = &self.src.as_bytes()[q..q + len];
                if rest.starts_with(s) {
                    Step::Match {
                        src: len,
                        node: len,
                        copied: true,
                    }
                } else if s == b"\0" {
                    if rest.starts_with("\u{FFFD}".as_bytes()) {
                        Step::Match {
                            src: 1,
                            node: 3,
                            copied: false,
                        }
                    } else {
                        Step::SkipSource(1)
                    }
                } else {
                    Step::Mismatch
                }
            }
            Unit::Decoded { len, chars, n } => {
                let mut buf = [0u8; 8];
                let mut used = 0;
                for c in &chars[..usize::from(n)] {
                    used += c.encode_utf8(&mut buf[used..]).len();
                }
                if rest.starts_with(&buf[..used]) {
                    Step::Match {
                        src: len,
                        node: used,
                        copied: false,
                    }
                } else {
                    Step::Mismatch
                }
            }
        }
    }

    /// How many bytes of `node` (up to `limit`) match the source at `p`, and
    /// how many source bytes that took.
    fn probe(&self, mut q: usize, node: &str, limit: usize) -> (usize, usize) {
        let start = q;
        let mut i = 0;
        // markup is skipped within a bounded view, so one probe stays cheap
        let src = self.src.as_bytes();
        let end = start.saturating_add(PROBE_COST).min(src.len());
        let view = &src[..end];
        while i < limit.min(node.len()) {
            q = skip_markup(view, q);
            if q >= end {
                break;
            }
            match self.step(q, node, i) {
                Step::Match { src, node, .. } => {
                    q += src;
                    i += node;
                }
                Step::SkipSource(n) => q += n,
                Step::Mismatch => break,
            }
        }
        (i, q - start)
    }

    /// A short node must end where its source run ends (at markup or the
    /// end of input), so that "a" does not match the start of "after".
    fn anchored(&self, node: &str, end: usize) -> bool {
        let src = self.src.as_bytes();
        node.len() >= DISTINCTIVE || end >= src.len() || markup_end(src, end).is_some()
    }

    /// Look for the node past `first`, within the window and the budget.
    ///
    /// A text node starts where a run of source text starts (after markup),
    /// perhaps after whitespace the parser dropped; only such places are
    /// tried. A short node must also fill its run to the next markup, so it
    /// does not match inside some other text by chance.
    fn search(&mut self, first: usize, node: &str, want: usize) -> Option<usize> {
        let src = self.src.as_bytes();
        let limit = first.saturating_add(WINDOW).min(src.len());
        let need = if node.len() < DISTINCTIVE {
            node.len()
        } else {
            want
        };
        let mut run = first;
        while run < limit && self.budget > 0 {
            let mut after_ws = run;
            while after_ws < src.len() && is_space(src[after_ws]) {
                after_ws += 1;
            }
            let cands = [run, after_ws];
            for (k, &cand) in cands.iter().enumerate() {
                if cand == first || (k == 1 && cand == run) {
                    continue;
                }
                let (matched, cost) = self.probe(cand, node, need);
                self.budget = self.budget.saturating_sub(cost + 1);
                if matched >= need && self.anchored(node, cand + cost) {
                    return Some(cand);
                }
            }
            // the next run of text: past the next markup
            let mut at = after_ws;
            let next = loop {
                match src.get(at..).and_then(|s| memchr::memchr(b'<', s)) {
                    Some(off) if markup_end(src, at + off).is_some() => break at + off,
                    Some(off) => at += off + 1,
                    None => break src.len(),
                }
            };
            let next_run = skip_markup(src, next);
            self.budget = self.budget.saturating_sub(next_run - run);
            if next_run <= run {
                break;
            }
            run = next_run;
        }
        None
    }

    /// Align one text node; its pieces replace the contents of `out`.
    pub(crate) fn align(&mut self, node: &str, out: &mut Vec<Piece>) {
        out.clear();
        if node.is_empty() {
            return;
        }
        let src = self.src.as_bytes();
        let first = skip_markup(src, self.pos);
        let want = node.len().min(PREFIX);
        let (matched, cost) = self.probe(first, node, want);
        let start = if matched >= want && self.anchored(node, first + cost) {
            Some(first)
        } else {
            self.budget = self.budget.saturating_sub(cost);
            self.search(first, node, want)
        };
        match start {
            Some(p) => self.consume(p, node, out),
            None => {
                self.unaligned += 1;
                self.pos = first;
                out.push(Piece {
                    node: 0..node.len(),
                    orig: first..first,
                    copied: false,
                });
            }
        }
    }

    fn push(out: &mut Vec<Piece>, node: Range<usize>, orig: Range<usize>, copied: bool) {
        if let Some(last) = out.last_mut() {
            if copied && last.copied && last.node.end == node.start && last.orig.end == orig.start {
                last.node.end = node.end;
                last.orig.end = orig.end;
                return;
            }
        }
        out.push(Piece { node, orig, copied });
    }

    /// Match the whole node from source position `p` on.
    fn consume(&mut self, p: usize, node: &str, out: &mut Vec<Piece>) {
        let src = self.src.as_bytes();
        let nb = node.as_bytes();
        let mut q = p;
        let mut i = 0;
        while i < nb.len() {
            q = skip_markup(src, q);
            // fast path: a run of plain text equal in both
            let special = next_special(src, q);
            let run = src[q..special]
                .iter()
                .zip(&nb[i..])
                .take_while(|(a, b)| a == b)
                .count();
            let mut run = run;
            while run > 0 && !node.is_char_boundary(i + run) {
                run -= 1;
            }
            if run > 0 {
                Self::push(out, i..i + run, q..q + run, true);
                i += run;
                q += run;
                continue;
            }
            match self.step(q, node, i) {
                Step::Match {
                    src: s,
                    node: n,
                    copied,
                } => {
                    Self::push(out, i..i + n, q..q + s, copied);
                    i += n;
                    q += s;
                }
                Step::SkipSource(s) => q += s,
                Step::Mismatch => {
                    self.unaligned += 1;
                    out.push(Piece {
                        node: i..nb.len(),
                        orig: q..q,
                        copied: false,
                    });
                    break;
                }
            }
        }
        self.pos = q;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(src: &str, nodes: &[&str]) -> Vec<Vec<Piece>> {
        let mut a = Aligner::new(src);
        let mut all = Vec::new();
        for n in nodes {
            let mut out = Vec::new();
            a.align(n, &mut out);
            all.push(out);
        }
        all
    }

    #[test]
    fn plain_nodes_map_verbatim() {
        let src = "<p>Taylor, <i>Origins</i>, p. 88.</p>";
        let p = pieces(src, &["Taylor, ", "Origins", ", p. 88."]);
        assert_eq!(
            p[0],
            vec![Piece {
                node: 0..8,
                orig: 3..11,
                copied: true
            }]
        );
        assert_eq!(&src[p[1][0].orig.clone()], "Origins");
        assert_eq!(&src[p[2][0].orig.clone()], ", p. 88.");
    }

    #[test]
    fn entities_map_to_their_bytes() {
        let src = "<p>Smith &amp; Jones&#8217;s <!-- x --> book&nbsp;p.</p>";
        let p = pieces(src, &["Smith & Jones’s  book\u{a0}p."]);
        let p = &p[0];
        let amp = p.iter().find(|x| x.node == (6..7)).unwrap();
        assert_eq!(&src[amp.orig.clone()], "&amp;");
        assert!(!amp.copied);
        let apos = p.iter().find(|x| x.node.start == 13).unwrap();
        assert_eq!(&src[apos.orig.clone()], "&#8217;");
        // the comment splits nothing: " " and " book" map around it
        let book = p
            .iter()
            .find(|x| node_text("Smith & Jones’s  book\u{a0}p.", x) == " book")
            .unwrap();
        assert_eq!(&src[book.orig.clone()], " book");
    }

    fn node_text<'a>(n: &'a str, p: &Piece) -> &'a str {
        &n[p.node.clone()]
    }

    #[test]
    fn crlf_and_dropped_whitespace() {
        let src = "<html>\r\n<body><pre>\nline one\r\nline two</pre></body></html>";
        let p = pieces(src, &["line one\nline two"]);
        let p = &p[0];
        assert_eq!(&src[p[0].orig.clone()], "line one");
        assert_eq!(&src[p[1].orig.clone()], "\r\n");
        assert_eq!(&src[p[2].orig.clone()], "line two");
    }

    #[test]
    fn missing_node_maps_to_cursor_and_recovers() {
        let src = "<table><tr><td>a</td></tr>moved</table><p>after</p>";
        // the parser puts "moved" before the table: it is found where it
        // stands (a whole run), and "a", behind the cursor then, maps to the
        // cursor rather than into "after"
        let p = pieces(src, &["moved", "a", "after"]);
        assert_eq!(&src[p[0][0].orig.clone()], "moved");
        assert!(p[1][0].orig.is_empty());
        assert_eq!(&src[p[2][0].orig.clone()], "after");
        // a long node is found further on
        let src = "<table><tr><td>a</td></tr>moved out of the table</table>";
        let p = pieces(src, &["moved out of the table", "a"]);
        assert_eq!(&src[p[0][0].orig.clone()], "moved out of the table");
    }

    #[test]
    fn dropped_whitespace_is_skipped() {
        let src = "<html>\n  <head></head>\n  <body>Taylor</body></html>";
        let p = pieces(src, &["Taylor"]);
        assert_eq!(&src[p[0][0].orig.clone()], "Taylor");
    }

    #[test]
    fn script_content_is_skipped() {
        let src = "<script>var x = '<p>Taylor</p>';</script><p>Taylor</p>";
        let p = pieces(src, &["Taylor"]);
        assert_eq!(p[0][0].orig, 44..50);
    }

    #[test]
    fn mismatch_in_the_middle_keeps_the_rest() {
        let long = "x".repeat(70);
        let src = format!("<p>{long}abc</p>");
        let node = format!("{long}abX");
        let p = pieces(&src, &[&node]);
        assert_eq!(
            p[0][0],
            Piece {
                node: 0..72,
                orig: 3..75,
                copied: true
            }
        );
        assert_eq!(p[0][1].node, 72..73);
        assert!(p[0][1].orig.is_empty());
    }

    #[test]
    fn hostile_repetition_stays_fast() {
        // every node fails: the budget keeps the search linear
        let src = "<p>".repeat(20_000) + &"a".repeat(200_000);
        let mut a = Aligner::new(&src);
        let start = std::time::Instant::now();
        let mut out = Vec::new();
        for _ in 0..20_000 {
            a.align("b", &mut out);
        }
        assert!(start.elapsed().as_secs() < 5);
        assert_eq!(a.unaligned, 20_000);
    }
}
