//! Cutting a note into candidate citations: boundaries (breaks, semicolons,
//! cue words, sentence ends, "and" between citations), merging of sentences
//! that belong to one citation, and trimming of commentary.

use crate::features::{
    Analysis, ANCHOR, IBID, INDEF, INQ, LC, LOC, LOWER, NUMBER, PROSE, ROMAN, XREF, YEAR,
};
use crate::lexicon::{self, Lower};
use crate::tokens::{IN_BRACKET, IN_DEFINITION, IN_QUOTE};
use crate::wordlists::{F_CUE, F_CUE_DOT};

/// Why a piece starts where it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Boundary {
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

/// A candidate citation: tokens `a..b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub a: usize,
    pub b: usize,
    /// Introduced by a cue word ("see", "cf.").
    pub cued: bool,
}

const PROTECTED: u8 = IN_QUOTE | IN_BRACKET | IN_DEFINITION;

fn is_closer(c: char) -> bool {
    matches!(c, ')' | ']' | '’' | '”' | '»' | '"' | '\'' | '“' | '›')
}

impl Analysis<'_> {
    /// Two-word cues: "cité par", "zit. nach", "si veda", "but see", "printed in".
    fn cue_pair_at(&self, i: usize) -> bool {
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
    fn sentence_end_before(&self, i: usize) -> bool {
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
    fn semicolon_before(&self, i: usize) -> bool {
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
    fn pieces(&self, breaks: &[usize], cue_pairs: &[(usize, usize)]) -> Vec<(usize, Boundary)> {
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
            if matches!(core, "and" | "und" | "et" | "e" | "sowie" | "ebenso" | "&")
                && self.flag_at(t.cs.min(t.start)) & PROTECTED == 0
                && self.complete(0, i)
                && (self.starts_new(i + 1) || (i + 2 < n && self.cue_at(i + 1, true)))
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

    /// Should the piece after a semicolon (tokens `na..nb`) join `cur`?
    fn semicolon_joins(&self, cur: &Candidate, na: usize, nb: usize) -> bool {
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

    fn is_name_list_start(&self, i: usize) -> bool {
        self.has(i, crate::features::NAMEW) && self.toks[i].tail(self.s).starts_with(',')
    }

    fn any_bit(&self, a: usize, b: usize, bit: u64) -> bool {
        (a..b.min(self.len())).any(|k| self.has(k, bit))
    }

    /// Should the sentence `next` (tokens `na..nb`) join the candidate `cur`?
    /// `lead_in` tells that a cue word follows `next` ("For details, see …").
    fn joins(&self, cur: &Candidate, na: usize, nb: usize, lead_in: bool) -> bool {
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
                    || matches!(
                        self.core(k),
                        "and"
                            | "und"
                            | "et"
                            | "e"
                            | "al"
                            | "Jr"
                            | "de"
                            | "van"
                            | "von"
                            | "di"
                            | "da"
                            | "du"
                            | "le"
                            | "la"
                    )
                    || (self.core(k).is_empty() && self.toks[k].text(self.s) != ";")
            })
    }

    /// Names followed by a year and nothing else ("Johnson, Earl, 1979").
    fn author_year_only(&self, a: usize, b: usize) -> bool {
        b > a + 1 && self.has(b - 1, YEAR) && self.name_list(a, b - 1)
    }

    /// Skip a leading cue word and its fillers ("See, for example,").
    fn skip_cue(&self, mut a: usize, b: usize) -> usize {
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
        let name_start = self.has(a, crate::features::NAMEW)
            && (self.toks[a].tail(s).starts_with(',')
                || (self.toks[a].tail(s).is_empty()
                    && a + 1 < h
                    && self.has(a + 1, crate::features::NAMEW)
                    && self.toks[a + 1].tail(s).starts_with(',')));
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
    fn cut_tails(&self, a: usize, b: usize, cued: bool, out: &mut Vec<Candidate>) {
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

    /// Does a "(see …)" bracket open at token `i`?
    fn cue_paren_at(&self, i: usize, cue_pairs: &[(usize, usize)]) -> bool {
        let t = self.toks[i];
        let k = cue_pairs.partition_point(|p| p.0 < t.start);
        cue_pairs
            .get(k)
            .is_some_and(|p| p.0 < t.cs.max(t.start + 1))
    }

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

#[cfg(test)]
#[path = "segment_tests.rs"]
mod tests;
