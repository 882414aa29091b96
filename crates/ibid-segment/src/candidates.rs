//! Cutting a note into candidate citations, and telling which of them are
//! citations.
//!
//! The note is cut into pieces at every possible boundary ([`boundaries`]:
//! breaks, semicolons, cue words, sentence ends, "and" between citations),
//! pieces that belong to one citation are merged again ([`merge`]), and each
//! merged candidate is trimmed of cue words and commentary ([`commentary`]).
//! [`Analysis::accept`] then tells which candidates are citations.

mod boundaries;
mod commentary;
mod merge;
mod signals;

use crate::features::{Analysis, LOWER, NUMBER, XREF, YEAR};
use boundaries::Boundary;

/// A candidate citation: tokens `a..b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub a: usize,
    pub b: usize,
    /// Introduced by a cue word ("see", "cf.").
    pub cued: bool,
}

impl Analysis<'_> {
    /// The candidate citations of the note, in order.
    pub(crate) fn candidates(&self, breaks: &[usize]) -> Vec<Candidate> {
        let cue_pairs: Vec<(usize, usize)> = self
            .pairs
            .iter()
            .filter(|p| crate::tokens::opens_with_cue(self.s, p))
            .map(|p| (p.open, p.close))
            .collect();
        let pieces = self.pieces(breaks, &cue_pairs);
        let n = self.len();
        let mut merged: Vec<Candidate> = Vec::with_capacity(pieces.len());
        for (k, &(start, kind)) in pieces.iter().enumerate() {
            let end = pieces.get(k + 1).map_or(n, |p| p.0);
            let cur = merged.last().copied();
            let lead_in = pieces.get(k + 1).is_some_and(|p| {
                p.1 == Boundary::Cue
                    || (p.1 == Boundary::Hard && self.cue_paren_at(p.0, &cue_pairs))
            });
            match (kind, cur) {
                (Boundary::Sentence, Some(c)) if self.joins(&c, start, end, lead_in) => {
                    if let Some(last) = merged.last_mut() {
                        last.b = end;
                    }
                }
                (Boundary::Semi, Some(c)) if self.semicolon_joins(&c, start, end) => {
                    if let Some(last) = merged.last_mut() {
                        last.b = end;
                    }
                }
                (Boundary::Conj, _) => merged.push(Candidate {
                    a: start + 1,
                    b: end,
                    cued: false,
                }),
                (Boundary::Cue, _) => merged.push(Candidate {
                    a: start,
                    b: end,
                    cued: true,
                }),
                _ => merged.push(Candidate {
                    a: start,
                    b: end,
                    cued: false,
                }),
            }
        }
        let mut out = Vec::with_capacity(merged.len());
        for c in merged {
            let a = if c.cued { self.skip_cue(c.a, c.b) } else { c.a };
            self.cut_tails(a, c.b, c.cued, &mut out);
        }
        out.retain(|c| c.a < c.b);
        out
    }

    /// Is the candidate a citation? (score with context bonuses)
    pub(crate) fn accept(&self, c: &Candidate, whole: bool) -> bool {
        use crate::features::{CAP, INITIAL, QUOTE_OPEN};
        // a whole note of four words or more without any sign of prose
        if whole
            && c.b - c.a >= 4
            && self.markers(c.a, c.b) == 0
            && (self.has(c.a, CAP | INITIAL | QUOTE_OPEN | NUMBER | YEAR))
        {
            return true;
        }
        let mut s = self.score(c.a, c.b);
        if c.cued {
            s += 1.5;
        }
        if whole {
            s += 1.0;
        }
        if self.has(c.a, LOWER) && self.has(c.a, XREF) {
            s += 0.5;
        }
        s >= 2.0
    }
}

/// The text of each candidate citation of `s`, as written (for the unit
/// tests of the submodules).
#[cfg(test)]
fn cands(s: &str) -> Vec<String> {
    let a = Analysis::new(s);
    a.candidates(&[])
        .iter()
        .map(|c| s[a.toks[c.a].start..a.toks[c.b - 1].end].to_string())
        .collect()
}
