//! Where the pieces of a note start: link-debris breaks and "(see …)"
//! brackets, semicolons outside brackets and quotes, cue words ("see",
//! "cf.", "vgl.", "cité par"), sentence ends (not after abbreviations such
//! as "Vol." or German ordinals), "and" between a complete citation and a
//! new one, and a new citation right after a page number.

use crate::features::{Analysis, IBID, LOC, NUMBER, ROMAN, YEAR};
use crate::lexicon::{self, Lower};
use crate::tokens::{IN_BRACKET, IN_DEFINITION, IN_QUOTE};
use crate::wordlists::{F_CUE, F_CUE_DOT};

/// Why a piece starts where it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Boundary {
    /// The note start.
    Start,
    /// A link-debris break, a "(see …)" bracket.
    Hard,
    /// A semicolon outside brackets and quotes.
    Semi,
    /// A cue word ("see", "cf.", "vgl.").
    Cue,
    /// A sentence end.
    Sentence,
    /// "and"/"und" between a complete citation and a new one.
    Conj,
    /// A new citation right after a page number, without punctuation.
    Juxtaposed,
}

const PROTECTED: u8 = IN_QUOTE | IN_BRACKET | IN_DEFINITION;

fn is_closer(c: char) -> bool {
    matches!(c, ')' | ']' | '’' | '”' | '»' | '"' | '\'' | '“' | '›')
}

impl Analysis<'_> {
    /// Two-word cues: "cité par", "zit. nach", "si veda", "but see", "printed in".
    pub(super) fn cue_pair_at(&self, i: usize) -> bool {
        let (a, b) = (self.low(i), self.low(i + 1));
        let q = self.flag_at(self.toks[i].cs) & (IN_QUOTE | IN_DEFINITION) != 0;
        !q && i + 2 < self.len()
            && matches!(
                (a, b),
                ("cité" | "cités" | "citée" | "citées", "par" | "dans" | "in")
                    | ("zit" | "zitiert", "nach" | "bei" | "in")
                    | ("si", "veda" | "vedano" | "vedà" | "cfr")
                    | ("but" | "and", "see")
                    | (
                        "printed"
                            | "reprinted"
                            | "abgedruckt"
                            | "gedruckt"
                            | "publié"
                            | "pubblicato",
                        "in" | "bei"
                    )
                    | ("see" | "siehe" | "voir", "further" | "generally")
            )
    }

    /// True when a cue word stands at token `i` (with `after_stop`: right
    /// after a punctuation stop or at the note start).
    fn cue_at(&self, i: usize, after_stop: bool) -> bool {
        if self.cue_pair_at(i) {
            let upper = self.core(i).chars().next().is_some_and(char::is_uppercase);
            return after_stop || !upper;
        }
        let t = self.toks[i];
        let core = t.core(self.s);
        if core.is_empty() || self.flag_at(t.cs) & (IN_QUOTE | IN_DEFINITION) != 0 {
            return false;
        }
        let dot = t.dot(self.s);
        let low = self.low(i);
        if (core == "v" || core == "V") && dot {
            // Italian "v." (vedi) only at the start of a piece, before a cross-reference
            return after_stop
                && self.toks.get(i + 1).is_some_and(|n| {
                    let c = n.core(self.s);
                    lexicon::is_xref_word(c) || lexicon::is_cue_filler(c) || c == "nota"
                });
        }
        let f = self.wf.get(i).copied().unwrap_or(0);
        if !(f & F_CUE != 0 || (dot && f & F_CUE_DOT != 0)) {
            return false;
        }
        // "see" must not end a clause as a verb: "as we shall see."
        if dot && matches!(low, "see" | "siehe" | "voir" | "compare") {
            return false;
        }
        let upper = core.chars().next().is_some_and(char::is_uppercase);
        if upper && !after_stop {
            return false;
        }
        // "Compare" needs a following object
        i + 1 < self.len()
    }

    /// Does a sentence end after token `i - 1`, before token `i`?
    pub(crate) fn sentence_end_before(&self, i: usize) -> bool {
        let s = self.s;
        let prev = self.toks[i - 1];
        let next = self.toks[i];
        let text = prev.text(s);
        // the last '.', '?' or '!' followed only by closers
        let mut p = None;
        for (k, c) in text.char_indices().rev() {
            if matches!(c, '.' | '?' | '!') {
                p = Some(prev.start + k);
                break;
            }
            if !is_closer(c) {
                break;
            }
        }
        let Some(p) = p else { return false };
        if self.flag_at(p) & PROTECTED != 0 {
            return false;
        }
        let next_first = next.text(s).chars().next().unwrap_or(' ');
        let starts = next_first.is_uppercase()
            || matches!(
                next_first,
                '‘' | '“' | '«' | '„' | '"' | '\'' | '(' | '[' | '»'
            )
            || self.has(i, IBID)
            || self.cue_at(i, true);
        if !starts {
            return false;
        }
        if p == prev.ce && s[p..].starts_with('.') {
            let core = prev.core(s);
            if lexicon::is_nonterminal_abbrev(core) && !lexicon::is_terminal_abbrev(core) {
                return false;
            }
            // German ordinals: "4. Mai 1925", "2. Aufl."
            if core.len() <= 2 && core.bytes().all(|b| b.is_ascii_digit()) {
                let nc = next.core(s);
                let low = Lower::new(nc);
                if lexicon::is_month(nc)
                    || matches!(
                        low.as_str(),
                        "aufl" | "auflage" | "jh" | "jahrhundert" | "jhs" | "ausg" | "bd" | "teil"
                    )
                {
                    return false;
                }
            }
        }
        true
    }

    /// Semicolon at depth 0 after token `i - 1` (not between numbers: "pp. 3; 5").
    pub(crate) fn semicolon_before(&self, i: usize) -> bool {
        let prev = self.toks[i - 1];
        let tail_start = if prev.cs == prev.ce {
            prev.start
        } else {
            prev.ce
        };
        let Some(k) = self.s[tail_start..prev.end].find(';') else {
            return false;
        };
        if self.flag_at(tail_start + k) & PROTECTED != 0 {
            return false;
        }
        let numeric = |j: usize| self.has(j, NUMBER | ROMAN);
        !(numeric(i - 1) && numeric(i) && i >= 2 && self.has(i - 2, LOC | NUMBER))
    }

    /// Find the pieces of the note: (first token, boundary kind).
    pub(super) fn pieces(
        &self,
        breaks: &[usize],
        cue_pairs: &[(usize, usize)],
    ) -> Vec<(usize, Boundary)> {
        let n = self.len();
        let mut out = Vec::with_capacity(8);
        if n == 0 {
            return out;
        }
        out.push((
            0,
            if self.cue_at(0, true) {
                Boundary::Cue
            } else {
                Boundary::Start
            },
        ));
        let mut bi = 0;
        let mut co = 0; // cue-pair opens
        let mut cc = 0; // cue-pair closes (sorted separately)
        let mut closes: Vec<usize> = cue_pairs.iter().map(|p| p.1).collect();
        closes.sort_unstable();
        for i in 1..n {
            let prev = self.toks[i - 1];
            let t = self.toks[i];
            let mut hard = false;
            while bi < breaks.len() && breaks[bi] <= t.start {
                if breaks[bi] > prev.start {
                    hard = true;
                }
                bi += 1;
            }
            while co < cue_pairs.len() && cue_pairs[co].0 < t.start {
                co += 1;
            }
            if co < cue_pairs.len() && cue_pairs[co].0 < t.cs.max(t.start + 1) {
                hard = true;
            }
            while cc < closes.len() && closes[cc] < prev.ce {
                cc += 1;
            }
            if cc < closes.len() && closes[cc] < prev.end {
                hard = true;
            }
            if hard || self.semicolon_before(i) {
                let kind = if self.cue_at(i, true) {
                    Boundary::Cue
                } else if hard {
                    Boundary::Hard
                } else {
                    Boundary::Semi
                };
                out.push((i, kind));
                continue;
            }
            let prev_tail = prev.trailing(self.s);
            let after_stop = prev_tail.ends_with(['.', ';', ':', ',', ')', '('])
                || matches!(prev.core(self.s), "and" | "und" | "et" | "e");
            if self.cue_at(i, after_stop) {
                out.push((i, Boundary::Cue));
                continue;
            }
            if self.sentence_end_before(i) {
                out.push((i, Boundary::Sentence));
                continue;
            }
            let core = t.core(self.s);
            // Bluebook's "Compare A, with B": any head after the comma
            let with = core == "with"
                && prev_tail.ends_with(',')
                && self.has(i + 1, crate::features::HEAD | crate::features::NAMEW);
            if (with || matches!(core, "and" | "und" | "et" | "e" | "sowie" | "ebenso" | "&"))
                && self.flag_at(t.cs.min(t.start)) & PROTECTED == 0
                && self.complete(0, i)
                && (with || self.starts_new(i + 1) || (i + 2 < n && self.cue_at(i + 1, true)))
            {
                out.push((i, Boundary::Conj));
                continue;
            }
            if self.has(i - 1, NUMBER)
                && prev_tail.is_empty()
                && self.flag_at(t.start) & PROTECTED == 0
                && self.juxtaposed_head(i)
            {
                out.push((i, Boundary::Juxtaposed));
            }
        }
        out
    }

    /// A strong citation head right after a page number ("… 74 R. Collier, …").
    fn juxtaposed_head(&self, i: usize) -> bool {
        use crate::features::{INITIAL, NAME_HEAD};
        if !self.has(i, NAME_HEAD) {
            return false;
        }
        let bare_year = |k: usize| {
            self.has(k, YEAR) && self.toks.get(k).is_some_and(|t| t.head(self.s).is_empty())
        };
        if self.has(i, INITIAL) {
            let mut k = i;
            while k < self.len() && self.has(k, INITIAL) && k < i + 5 {
                k += 1;
            }
            return self
                .toks
                .get(k)
                .is_some_and(|t| t.tail(self.s).starts_with(','));
        }
        bare_year(i + 1) || bare_year(i + 2)
    }

    /// Does a "(see …)" bracket open at token `i`?
    pub(super) fn cue_paren_at(&self, i: usize, cue_pairs: &[(usize, usize)]) -> bool {
        let t = self.toks[i];
        let k = cue_pairs.partition_point(|p| p.0 < t.start);
        cue_pairs
            .get(k)
            .is_some_and(|p| p.0 < t.cs.max(t.start + 1))
    }
}

#[cfg(test)]
mod tests {
    use crate::candidates::cands;

    #[test]
    fn semicolons_and_cues() {
        assert_eq!(
            cands(
                "Smith, Origins, p. 3; see also Taylor, A. J. P., The Origins (London, 1961), p. 88."
            ),
            [
                "Smith, Origins, p. 3;",
                "Taylor, A. J. P., The Origins (London, 1961), p. 88."
            ]
        );
        assert_eq!(
            cands("Taylor, Origins, pp. 3; 5."),
            ["Taylor, Origins, pp. 3; 5."]
        );
    }

    #[test]
    fn compare_with() {
        assert_eq!(
            cands("Compare Lochner v. New York, 198 U.S. 45 (1905), with West Coast Hotel Co. v. Parrish, 300 U.S. 379 (1937)."),
            [
                "Lochner v. New York, 198 U.S. 45 (1905),",
                "West Coast Hotel Co. v. Parrish, 300 U.S. 379 (1937)."
            ]
        );
        assert_eq!(
            cands("Compare Citron, supra note 14, at 121, with Citron, supra note 15, at 177."),
            [
                "Citron, supra note 14, at 121,",
                "Citron, supra note 15, at 177."
            ]
        );
    }

    #[test]
    fn an_initial_f_ends_no_sentence() {
        // "F." is an initial, not "f." (and following)
        assert_eq!(
            cands("F. Haug (ed.), Female Sexualization (1987) 196."),
            ["F. Haug (ed.), Female Sexualization (1987) 196."]
        );
        assert_eq!(
            cands("Smith, Law, S. 64 f. Jones, Order, S. 7."),
            ["Smith, Law, S. 64 f.", "Jones, Order, S. 7."]
        );
    }
}
