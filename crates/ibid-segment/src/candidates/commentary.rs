//! Trimming a candidate down to its citation: a leading cue word and its
//! fillers ("See, for example,"), commentary and connectives before the
//! first citation head ("as argued by Taylor", "dagegen"), and commentary
//! after a citation, which is cut off (and may hold further citations).

use super::Candidate;
use crate::features::{Analysis, ANCHOR, INDEF, INQ, LC, LOWER, PROSE};
use crate::lexicon;

impl Analysis<'_> {
    /// Skip a leading cue word and its fillers ("See, for example,").
    pub(super) fn skip_cue(&self, mut a: usize, b: usize) -> usize {
        let s = self.s;
        let mut skipped_cue = false;
        while a < b {
            let t = self.toks[a];
            let core = t.core(s);
            if !skipped_cue && a + 1 < b && self.cue_pair_at(a) {
                skipped_cue = true;
                a += 2;
            } else if !skipped_cue
                && (lexicon::is_cue(core, t.dot(s)) || (matches!(core, "v" | "V") && t.dot(s)))
            {
                skipped_cue = true;
                a += 1;
            } else if (core.is_empty() && !t.text(s).contains(['(', '[', '‘', '“', '«', '„', '§']))
                || (skipped_cue && lexicon::is_cue(core, t.dot(s)))
            {
                a += 1;
            } else if skipped_cue
                && a + 1 < b
                && lexicon::is_cue_filler_pair(core, self.core(a + 1))
            {
                a += 2;
            } else if skipped_cue && lexicon::is_cue_filler(core) {
                a += 1;
            } else {
                break;
            }
        }
        a
    }

    /// Drop commentary before the first citation head ("as argued by Taylor").
    fn trim_lead(&self, a: usize, b: usize) -> usize {
        let s = self.s;
        let mut a = a;
        while a < b && self.core(a).is_empty() && !self.keeps_punct_token(a) {
            a += 1;
        }
        if a >= b {
            return a;
        }
        // commentary ending in a colon: "The phrase was Vansittart's: minute by …"
        let head = self.first_head(a, b);
        let scan_to = head.unwrap_or(b).min(a + 40);
        if let Some(k) = (a..scan_to)
            .rev()
            .find(|&k| self.toks[k].tail(s).ends_with(':'))
        {
            if self.markers(a, k + 1) > 0 && self.features(a, k + 1) == 0 && k + 1 < b {
                return k + 1;
            }
        }
        let Some(h) = head else {
            return self.skip_connectives(a, b);
        };
        if h == a || self.features(a, h) > 0 {
            return a;
        }
        // a prefix that starts like a name stays ("Bender, Rolf und Rolf Schumacher, 1980",
        // "Fernand Braudel, La Méditerranée …")
        let first = self.core(a);
        // "Pieter de Hooch, …", "Ludwig van Beethoven, …": particles between
        let mut family = a + 1;
        while family < h
            && family < a + 3
            && self.toks[family - 1].tail(s).is_empty()
            && crate::lexicon::is_name_particle(self.core(family))
        {
            family += 1;
        }
        let name_start = self.has(a, crate::features::NAMEW)
            && (self.toks[a].tail(s).starts_with(',')
                || (self.toks[a].tail(s).is_empty()
                    && family < h
                    && self.toks[family - 1].tail(s).is_empty()
                    && self.has(family, crate::features::NAMEW)
                    && self.toks[family].tail(s).starts_with(',')));
        if name_start && !lexicon::is_sentence_opener(first) {
            return a;
        }
        let before = self.toks[h - 1];
        let lead_in = before.tail(s).is_empty() && lexicon::is_lead_in(before.core(s));
        let markers = self.markers(a, h) > 0;
        let opener = lexicon::is_sentence_opener(first) || self.has(a, LOWER);
        let all_lower = (a..h).all(|k| self.has(k, LOWER) || self.core(k).is_empty());
        if all_lower || lead_in {
            return h; // "and Shay, R. P., …", "dagegen Nipperdey", "… von Galanter 1974"
        }
        let content = self.prose_strength(a, h);
        if !(markers || (opener && content > 0) || content >= 3) {
            return a; // "Akten zur deutschen auswärtigen Politik 1918–1945, …" stays whole
        }
        // cut after the last colon of the commentary ("in meinem Beitrag über: Recht als …")
        if let Some(k) = (a..h).rev().find(|&k| self.toks[k].tail(s).ends_with(':')) {
            return k + 1;
        }
        // … or after its last prose word ("For example, Law Reform …", "as argued by Taylor")
        if let Some(k) = (a..h).rev().find(|&k| self.has(k, PROSE | LC)) {
            let mut start = k + 1;
            while start < h && (self.has(start, LOWER) || self.core(start).is_empty()) {
                start += 1;
            }
            return start;
        }
        h
    }

    /// Skip leading connectives without a head to go to ("and the report …" stays).
    fn skip_connectives(&self, a: usize, b: usize) -> usize {
        let mut k = a;
        while k + 1 < b
            && matches!(
                self.low(k),
                "and"
                    | "und"
                    | "et"
                    | "but"
                    | "also"
                    | "ferner"
                    | "dagegen"
                    | "sowie"
                    | "aussi"
                    | "anche"
                    | "e"
            )
        {
            k += 1;
        }
        k
    }

    /// Punctuation-only tokens that belong to a citation: an opening bracket
    /// or quote, "§", the "———" of a repeated author.
    fn keeps_punct_token(&self, k: usize) -> bool {
        let t = self.toks[k].text(self.s);
        t.contains(['(', '[', '‘', '“', '«', '„', '"', '§'])
            || t.starts_with("——")
            || t.starts_with("--")
    }

    /// Split `a..b` at commentary that follows a citation; push the parts.
    pub(super) fn cut_tails(&self, a: usize, b: usize, cued: bool, out: &mut Vec<Candidate>) {
        let mut a = self.trim_lead(a, b);
        let mut cued = cued;
        while a < b {
            match self.prose_cut(a, b) {
                Some(cut) if cut > a => {
                    out.push(Candidate { a, b: cut, cued });
                    cued = false;
                    a = self.trim_lead(cut, b);
                }
                _ => {
                    out.push(Candidate { a, b, cued });
                    break;
                }
            }
        }
    }

    /// Where commentary starts after a citation in `a..b`: the end of the
    /// last anchor (year, page, closing bracket) before a run of prose.
    fn prose_cut(&self, a: usize, b: usize) -> Option<usize> {
        let mut last_anchor = a;
        for j in a..b {
            let bits = self.bits[j];
            if bits & PROSE != 0 && bits & (INQ | INDEF) == 0 && last_anchor > a {
                let w = self.prose_strength(last_anchor, (j + 6).min(b));
                let right_after =
                    j == last_anchor && self.features(j, (j + 4).min(b)) == 0 && b - j >= 3;
                if w >= 4 || right_after {
                    return Some(last_anchor);
                }
            }
            if bits & ANCHOR != 0 {
                last_anchor = j + 1;
            }
        }
        let tail_is_commentary = last_anchor > a
            && last_anchor < b
            && self.features(last_anchor, b) == 0
            && ((self.prose_strength(last_anchor, b) >= 3
                && (self.markers(last_anchor, b) > 0 || self.has(last_anchor, LOWER)))
                || (b - last_anchor >= 2
                    && self.toks[last_anchor - 1].tail(self.s).ends_with(',')
                    && matches!(
                        self.low(last_anchor),
                        "mit"
                            | "with"
                            | "which"
                            | "where"
                            | "who"
                            | "whose"
                            | "avec"
                            | "con"
                            | "dove"
                            | "wo"
                            | "worin"
                            | "où"
                            | "qui"
                            | "que"
                            | "che"
                            | "cui"
                            | "per"
                            | "for"
                            | "whereas"
                            | "although"
                            | "wobei"
                            | "dont"
                    )));
        tail_is_commentary.then_some(last_anchor)
    }
}

#[cfg(test)]
mod tests {
    use crate::candidates::cands;

    #[test]
    fn commentary_is_trimmed() {
        assert_eq!(
            cands("as argued by Taylor, A. J. P., The Origins of the Second World War (London, 1961), p. 88."),
            ["Taylor, A. J. P., The Origins of the Second World War (London, 1961), p. 88."]
        );
        assert_eq!(
            cands(
                "Koch 1975, S. 75 der allerdings nur streitige Urteile und Vergleiche untersucht hat."
            )[0],
            "Koch 1975, S. 75"
        );
    }
}
