//! Splitting one note into its citations.

use crate::features::Analysis;
use crate::lexicon;
use ibid_model::{RawCitation, RawNote};
use std::ops::Range;

impl Analysis<'_> {
    /// The byte range of tokens `a..b` without surrounding punctuation, a
    /// final sentence period, or brackets that open or close outside it.
    pub(crate) fn trim_range(
        &self,
        a: usize,
        b: usize,
        by_close: &[(usize, usize)],
    ) -> Range<usize> {
        let s = self.s;
        let (Some(first), Some(last)) = (self.toks.get(a), self.toks.get(b.wrapping_sub(1))) else {
            return 0..0;
        };
        let mut start = first.start;
        let mut end = last.end.max(start);
        let close_of = |open: usize| -> Option<usize> {
            self.pairs
                .binary_search_by_key(&open, |p| p.open)
                .ok()
                .map(|k| self.pairs[k].close)
        };
        let open_of = |close: usize| -> Option<usize> {
            by_close
                .binary_search_by_key(&close, |p| p.0)
                .ok()
                .map(|k| by_close[k].1)
        };
        while let Some(c) = s[start..end].chars().next() {
            let dash_alone = matches!(c, '–' | '—' | '-')
                && s[start + c.len_utf8()..end].starts_with(char::is_whitespace);
            let skip = c.is_whitespace()
                || dash_alone
                || matches!(c, ',' | ';' | ':' | '.' | ')' | ']' | '/' | '’' | '”')
                || (matches!(c, '(' | '[') && close_of(start).is_none_or(|cl| cl >= end));
            if !skip {
                break;
            }
            start += c.len_utf8();
        }
        while let Some(c) = s[start..end].chars().next_back() {
            let pos = end - c.len_utf8();
            let cut = match c {
                ',' | ';' | ':' | '(' | '[' | '‘' | '“' | '„' => true,
                c if c.is_whitespace() => true,
                '.' => {
                    let k = self
                        .toks
                        .partition_point(|t| t.start <= pos)
                        .saturating_sub(1);
                    let t = self.toks[k];
                    let keep = pos == t.ce && lexicon::keeps_period(t.core(s));
                    !keep
                }
                ')' | ']' => open_of(pos).is_none_or(|o| o < start),
                '–' | '—' | '-' => s[start..pos].ends_with(char::is_whitespace),
                _ => false,
            };
            if !cut {
                break;
            }
            end = pos;
        }
        // a citation wrapped in brackets of its own: "(ibid., p. 211)"
        if end > start + 2
            && s[start..].starts_with('(')
            && s[..end].ends_with(')')
            && close_of(start) == Some(end - 1)
        {
            let inner = self.trim_range_bytes(start + 1, end - 1);
            if inner.start < inner.end {
                return inner;
            }
        }
        start..end
    }

    /// Trim spaces and final punctuation off a byte range.
    fn trim_range_bytes(&self, start: usize, end: usize) -> Range<usize> {
        let t = &self.s[start..end];
        let lead = t.len() - t.trim_start().len();
        let t2 = t.trim_end().trim_end_matches([',', ';', ':']);
        start + lead..(start + t2.len()).max(start + lead)
    }
}

/// Split one note into citations (byte ranges into `note.text`), each with
/// its kind, its pinpoint locator and the abbreviation it defines.
///
/// Prose blocks (`note.prose`) have no citations. A citation's range has no
/// surrounding spaces, no leading cue words ("See also", "cf.") and no final
/// sentence period, semicolon or comma; a period that belongs to an
/// abbreviation ("Ibid.", "ff.", "op. cit.") is kept.
pub fn split_citations(note: &RawNote) -> Vec<RawCitation> {
    if note.prose {
        return Vec::new();
    }
    let s = note.text.as_str();
    let an = Analysis::new(s);
    if an.len() == 0 {
        return Vec::new();
    }
    let mut breaks: Vec<usize> = note
        .breaks
        .iter()
        .copied()
        .filter(|&b| b < s.len())
        .collect();
    breaks.sort_unstable();
    let cands = an.candidates(&breaks);
    let whole = cands.len() == 1 && cands[0].b == an.len();
    let mut by_close: Vec<(usize, usize)> = an.pairs.iter().map(|p| (p.close, p.open)).collect();
    by_close.sort_unstable();
    let mut out: Vec<RawCitation> = Vec::with_capacity(cands.len());
    // where the previous citation ends (tokens): a signal starts after it
    let mut prev_b = 0;
    for c in &cands {
        if !an.accept(c, whole) {
            continue;
        }
        let range = an.trim_range(c.a, c.b, &by_close);
        if range.start >= range.end {
            continue;
        }
        if out.last().is_some_and(|p| p.range.end > range.start) {
            continue;
        }
        let cl = an.classify(c.a, c.b, range.clone());
        let signal = an.signal_before(prev_b, c.a);
        prev_b = c.b;
        out.push(RawCitation {
            range,
            kind: cl.kind,
            locator: cl.locator,
            defines: cl.defines,
            definition: cl.definition,
            signal,
        });
    }
    out
}
