//! A citation's signal: the words that introduce it ("See", "See, for
//! example,", "Compare", "Vgl.", "For a discussion of the genesis of the two
//! systems, see", "Ausführlicher bei").
//!
//! The signal is the clause right before the citation, back to the previous
//! citation, a sentence end, a semicolon or a bracket that opens around the
//! citation ("(see"), when that clause ends in a cue word ("see", "vgl."), a
//! cue filler ("also", "e.g.", "for example", "such as") or a lead-in word
//! ("bei", "von", "quoted in"), or opens with a cue word and is short ("See,
//! also,"). Other text before a citation is commentary, not a
//! signal ("I have explored this at greater length in two papers:").

use crate::features::Analysis;
use crate::lexicon;
use std::ops::Range;

/// Longest clause that counts as a signal because it opens with a cue word.
const SHORT_CUED_CLAUSE: usize = 6;

impl Analysis<'_> {
    /// The byte range of the signal of a citation starting at token `a`,
    /// looking back no further than token `lo` (the end of the previous
    /// citation).
    pub(crate) fn signal_before(&self, lo: usize, a: usize) -> Option<Range<usize>> {
        if a == 0 || a <= lo || a > self.len() {
            return None;
        }
        // the clause: back to a sentence end, a semicolon or `lo`
        if self.clause_starts_at(a) {
            return None; // the citation opens a sentence
        }
        // ... or to a bracket that opens around the citation ("… in 1991 (see")
        let mut j = a - 1;
        let mut closed = false;
        loop {
            let t = self.toks[j].text(self.s);
            let opens = t.starts_with(['(', '[']) && !t[1..].contains([')', ']']);
            if (opens && !closed) || j <= lo || self.clause_starts_at(j) {
                break;
            }
            closed |= t.contains([')', ']']);
            j -= 1;
        }
        let last = a - 1;
        let core = self.core(last);
        // a connective that follows commentary after a comma ("…, ebenso",
        // "…, such as"): the signal is the connective alone
        let filler = if core.is_empty() {
            None
        } else if last > j
            && (lexicon::is_cue_filler_pair(self.core(last - 1), core)
                || (self.low(last - 1) == "such" && self.low(last) == "as"))
        {
            Some(last - 1)
        } else if lexicon::is_cue_filler(core) {
            Some(last)
        } else {
            None
        };
        let ends_in_cue = filler.is_some()
            || (!core.is_empty()
                && (lexicon::is_cue(core, self.toks[last].dot(self.s))
                    || lexicon::is_lead_in(core)
                    || (last > j && self.cue_pair_at(last - 1))));
        let opens_with_cue = a - j <= SHORT_CUED_CLAUSE
            && (self.cue_pair_at(j)
                || lexicon::is_cue(self.core(j), self.toks[j].dot(self.s))
                || (j + 1 < a && lexicon::is_cue_filler_pair(self.core(j), self.core(j + 1))));
        if !(ends_in_cue || opens_with_cue) {
            return None;
        }
        if let Some(f) = filler.filter(|&f| f > j && !opens_with_cue) {
            if self.toks[f - 1].trailing(self.s).ends_with(',') {
                j = f;
            }
        }
        let start = self.toks[j].start;
        let end = self.toks[last].end;
        let text = &self.s[start..end];
        let lead = text.len()
            - text
                .trim_start_matches(|c: char| {
                    c.is_whitespace() || matches!(c, ';' | ',' | '.' | ':' | ')' | ']' | '(' | '[')
                })
                .len();
        let body = text[lead..].trim_end_matches(|c: char| c.is_whitespace() || c == '(');
        if body.is_empty() {
            return None;
        }
        Some(start + lead..start + lead + body.len())
    }

    /// Does a clause start at token `j` (a sentence end or a semicolon
    /// before it)?
    fn clause_starts_at(&self, j: usize) -> bool {
        j > 0 && (self.sentence_end_before(j) || self.semicolon_before(j))
    }
}

#[cfg(test)]
mod tests {
    use crate::features::Analysis;

    /// The signal of the citation that starts at `cite` in `s`.
    fn signal(s: &str, cite: &str) -> Option<String> {
        let an = Analysis::new(s);
        let at = s.find(cite).expect("citation in text");
        let a = an.toks.iter().position(|t| t.start >= at).expect("token");
        an.signal_before(0, a).map(|r| s[r].to_string())
    }

    #[test]
    fn cue_words_and_their_fillers() {
        let s = "See, for example, J. Smith, Law (Oxford, 1990), 4.";
        assert_eq!(signal(s, "J. Smith").as_deref(), Some("See, for example,"));
        let s = "Vgl. Luhmann 1980, S. 99.";
        assert_eq!(signal(s, "Luhmann").as_deref(), Some("Vgl."));
        let s = "Smith, Law, 4; see also Jones, Order, 7.";
        assert_eq!(signal(s, "Jones").as_deref(), Some("see also"));
        let s = "The court upheld the law in 1991 (see Smith, Law (1990), 4).";
        assert_eq!(signal(s, "Smith").as_deref(), Some("see"));
        let s = "Examples are legion, such as Smith v. Jones [1991] 1 AC 4.";
        assert_eq!(signal(s, "Smith").as_deref(), Some("such as"));
        let s = "The point (made in 1990) recurs in cases such as Smith v. Jones [1991] 1 AC 4.";
        assert_eq!(
            signal(s, "Smith").as_deref(),
            Some("The point (made in 1990) recurs in cases such as")
        );
    }

    #[test]
    fn a_clause_ending_in_a_cue_or_lead_in() {
        let s = "This was common. For a discussion of the genesis of the two systems, see Smith, Law, 4.";
        assert_eq!(
            signal(s, "Smith").as_deref(),
            Some("For a discussion of the genesis of the two systems, see")
        );
        let s = "Der ausführliche Forschungsbericht von Blankenburg 1980, S. 5.";
        assert_eq!(
            signal(s, "Blankenburg").as_deref(),
            Some("Der ausführliche Forschungsbericht von")
        );
    }

    #[test]
    fn commentary_and_bare_citations_have_none() {
        let s = "I have explored this at greater length in two papers: Smith, Law, 4.";
        assert_eq!(signal(s, "Smith"), None);
        let s = "Smith, Law, 4.";
        assert_eq!(signal(s, "Smith"), None);
        let s = "This was common. Smith, Law, 4.";
        assert_eq!(signal(s, "Smith"), None);
    }
}
