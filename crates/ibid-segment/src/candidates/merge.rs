//! Whether the piece after a sentence end or a semicolon belongs to the
//! candidate before it: bibliography-style sentences ("Taylor, A. J. P. The
//! Origins … London: …, 1961"), author lists and case names across
//! semicolons, semicolons inside titles; a pinpoint or a complete citation
//! followed by a new head ends a candidate.

use super::Candidate;
use crate::features::{Analysis, IBID, INDEF, LOC, NUMBER, ROMAN, XREF, YEAR};
use crate::lexicon::{self, Lower};

impl Analysis<'_> {
    /// Should the piece after a semicolon (tokens `na..nb`) join `cur`?
    pub(super) fn semicolon_joins(&self, cur: &Candidate, na: usize, nb: usize) -> bool {
        use crate::features::{ABBR, ED, HEAD, LAW, NOTEREF};
        // an author list: "Blankenburg, Erhard; Schönholz, Siegfried, …, 1979: …"
        let from = (cur.a..cur.b)
            .rev()
            .find(|&k| self.has(k, ED) || self.core(k) == "in" || self.core(k) == "In")
            .map_or(cur.a, |k| k + 1);
        let ahead = nb.min(na + 12);
        if self.bare_name(from, cur.b)
            && self.is_name_list_start(na)
            && (self.any_bit(na, ahead, YEAR | ED))
        {
            return true;
        }
        // "R (Miller) v Prime Minister; Cherry v Advocate General [2019] UKSC 41"
        if self.any_bit(cur.a, cur.b, crate::features::CASE_V)
            && !self.any_bit(cur.a, cur.b, YEAR | NUMBER | LOC)
            && self.any_bit(na, nb.min(na + 12), crate::features::CASE_V)
        {
            return true;
        }
        // "Johnson, Earl, 1979; Thinking about Access …" (author and year, then the title)
        if self.author_year_only(cur.a, cur.b)
            && !self.has(na, HEAD | LAW | XREF | NOTEREF | ABBR | IBID)
        {
            return true;
        }
        // a semicolon inside a title: "The Public Ordering of Private Cases; Winning …"
        !self.complete(cur.a, cur.b)
            && !self.has(na, HEAD | LAW | XREF | NOTEREF | ABBR | IBID)
            && self.core(na).chars().next().is_some_and(char::is_uppercase)
    }

    /// Tokens `a..b` are a bare name: "Blankenburg, Erhard", "Taylor, A. J. P."
    fn bare_name(&self, a: usize, b: usize) -> bool {
        use crate::features::{INITIAL, NAMEW};
        let n = b.saturating_sub(a);
        if !(2..=5).contains(&n)
            || !self.has(a, NAMEW)
            || !self.toks[a].tail(self.s).starts_with(',')
        {
            return false;
        }
        (a + 1..b).all(|k| self.has(k, NAMEW | INITIAL))
    }

    fn is_name_list_start(&self, i: usize) -> bool {
        self.has(i, crate::features::NAMEW) && self.toks[i].tail(self.s).starts_with(',')
    }

    fn any_bit(&self, a: usize, b: usize, bit: u64) -> bool {
        (a..b.min(self.len())).any(|k| self.has(k, bit))
    }

    /// Should the sentence `next` (tokens `na..nb`) join the candidate `cur`?
    /// `lead_in` tells that a cue word follows `next` ("For details, see …").
    pub(super) fn joins(&self, cur: &Candidate, na: usize, nb: usize, lead_in: bool) -> bool {
        if self.has(na, INDEF) {
            return true;
        }
        if self.is_prose(cur.a, cur.b) || self.is_prose(na, nb) {
            return false;
        }
        let cur_empty = (cur.a..cur.b).all(|k| self.core(k).is_empty());
        if cur_empty {
            return true; // "———. Another Book …": the dash stands for the author
        }
        if lexicon::is_sentence_opener(self.core(na)) && self.toks[na].head(self.s).is_empty() {
            return false;
        }
        // a case ends at its closing parenthesis with the year: what follows
        // a sentence end is commentary or another citation ("Smith v. Jones,
        // 410 U.S. 113 (1973). The court later relied on …")
        if self.any_bit(cur.a, cur.b, crate::features::CASE_V)
            && self.ends_in_dated_paren(cur.a, cur.b)
        {
            return false;
        }
        let last_tail = self.toks[nb - 1].tail(self.s);
        if lead_in && nb > na && (last_tail.is_empty() || last_tail.ends_with([',', ':'])) {
            return false;
        }
        if self.author_year_only(cur.a, cur.b) {
            return true; // "Smith, J., 1990. Title …"
        }
        if self.complete(cur.a, cur.b) && self.markers(na, nb) > 0 {
            return false; // "… Doc. No. 31. Halifax's own record is in FO 371/…"
        }
        // a pinpoint ends a citation: "… Doc. No. 102. Phipps to Simon, 22 May 1935, FO 371/…"
        if self.ends_with_pinpoint(cur.a, cur.b)
            && self.core(na).chars().next().is_some_and(char::is_uppercase)
            && self.score(na, nb) >= 2.0
        {
            return false;
        }
        let last_short = {
            let c = self.core(cur.b - 1);
            c.chars().count() <= 3 && c.chars().next().is_some_and(char::is_uppercase)
        };
        if self.starts_new(na)
            && self.score(na, nb) >= 2.0
            && (self.complete(cur.a, cur.b)
                || (self.first_head(cur.a, cur.b) == Some(cur.a)
                    && !last_short
                    && self.score(cur.a, cur.b) >= 2.0
                    // a dated reference whose title runs on continues with its
                    // container ("…, 2007: Use of … genesis. J. Climate, 20, 4819")
                    && (!self.any_bit(cur.a, cur.b, YEAR)
                        || self.any_bit(na, nb, YEAR | crate::features::QUOTE_OPEN | IBID))))
        {
            return false;
        }
        true
    }

    /// Tokens `a..b` end with a closing parenthesis or bracket, a year among
    /// their last six tokens: "(9th Cir. 2021)", "(2023) (per curiam)",
    /// "[1932] AC 562 (HL)".
    fn ends_in_dated_paren(&self, a: usize, b: usize) -> bool {
        b > a
            && self.toks[b - 1].tail(self.s).contains([')', ']'])
            && self.any_bit(b.saturating_sub(6).max(a), b, YEAR)
    }

    /// Tokens `a..b` end with a pinpoint locator: a page, column, folio,
    /// document or paragraph marker and its number ("p. 88", "Doc. No. 102",
    /// "fol. 3"). Volume markers do not count: "vol. 2. London: …" goes on.
    fn ends_with_pinpoint(&self, a: usize, b: usize) -> bool {
        if b < a + 2 || !self.has(b - 1, NUMBER | ROMAN) {
            return false;
        }
        let marker = Lower::new(self.core(b - 2));
        matches!(
            marker.as_str(),
            "p" | "pp"
                | "s"
                | "col"
                | "cols"
                | "fol"
                | "fols"
                | "fo"
                | "fos"
                | "f"
                | "ff"
                | "doc"
                | "docs"
                | "no"
                | "nos"
                | "nr"
                | "para"
                | "paras"
                | "sp"
                | "bl"
                | "anm"
                | "fn"
                | "rn"
                | "rdnr"
                | "rdn"
                | "rz"
                | "at"
        )
    }

    /// Tokens `a..b` are names only ("Camargo, S. J., K. A. Emanuel, and A. H. Sobel").
    fn name_list(&self, a: usize, b: usize) -> bool {
        use crate::features::{INITIAL, NAMEW};
        b > a
            && b - a <= 24
            && (a..b).all(|k| {
                self.has(k, NAMEW | INITIAL)
                    || matches!(self.core(k), "and" | "und" | "et" | "e" | "al" | "Jr")
                    || crate::lexicon::is_name_particle(self.core(k))
                    || (self.core(k).is_empty() && self.toks[k].text(self.s) != ";")
            })
    }

    /// Names followed by a year and nothing else ("Johnson, Earl, 1979").
    fn author_year_only(&self, a: usize, b: usize) -> bool {
        b > a + 1 && self.has(b - 1, YEAR) && self.name_list(a, b - 1)
    }
}

#[cfg(test)]
mod tests {
    use crate::candidates::cands;

    #[test]
    fn bibliography_style_sentences_merge() {
        assert_eq!(
            cands(
                "Taylor, A. J. P. The Origins of the Second World War. London: Hamish Hamilton, 1961."
            ),
            ["Taylor, A. J. P. The Origins of the Second World War. London: Hamish Hamilton, 1961."]
        );
    }

    #[test]
    fn two_citations_in_sentences() {
        assert_eq!(
            cands("Baron, op. cit., n. 44, p. 34. M. Richardson, ‘Protecting Women. The Value’ (1996) 16 Legal Studies 368."),
            ["Baron, op. cit., n. 44, p. 34.", "M. Richardson, ‘Protecting Women. The Value’ (1996) 16 Legal Studies 368."]
        );
    }

    #[test]
    fn a_pinpoint_ends_a_citation() {
        assert_eq!(
            cands("D.G.F.P. C/II, Doc. No. 102. Phipps to Simon, 22 May 1935, FO 371/18851, C 4160/55/18, TNA."),
            ["D.G.F.P. C/II, Doc. No. 102.", "Phipps to Simon, 22 May 1935, FO 371/18851, C 4160/55/18, TNA."]
        );
        // a volume number does not end it
        assert_eq!(
            cands("Smith, J., Essays on Sovereignty, vol. 2. London: Macmillan, 1990."),
            ["Smith, J., Essays on Sovereignty, vol. 2. London: Macmillan, 1990."]
        );
    }

    #[test]
    fn commentary_after_a_case_is_no_part_of_it() {
        assert_eq!(
            cands("Smith v. Jones, 410 U.S. 113 (1973). The court later relied on it."),
            [
                "Smith v. Jones, 410 U.S. 113 (1973).",
                "The court later relied on it."
            ]
        );
        assert_eq!(
            cands("Donoghue v Stevenson [1932] AC 562 (HL). Lord Atkin spoke of neighbours."),
            [
                "Donoghue v Stevenson [1932] AC 562 (HL).",
                "Lord Atkin spoke of neighbours."
            ]
        );
    }
}
