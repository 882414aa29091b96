//! The pinpoint locator of a citation: a marked locator ("p. 91", "S. 45
//! f.", "Doc. No. 45", "at 185", "§ 3"), a bare number after a bracket or a
//! first page, Bluebook's pinpoint before the final year parenthesis, and
//! what follows an "Ibid.".

use crate::features::{Analysis, BARE_PAGE, LOC, NOTEREF, NUMBER, QUOTE_OPEN, ROMAN, SHELF, YEAR};
use crate::lexicon::{self, Lower};
use ibid_model::CitationKind;
use std::ops::Range;

impl Analysis<'_> {
    /// End of a locator value that starts at token `j` (exclusive token index).
    pub(super) fn locator_value_end(&self, j: usize, b: usize) -> usize {
        let s = self.s;
        let mut e = j;
        while e < b {
            let core = self.core(e);
            let low = Lower::new(core);
            let l = low.as_str();
            let numeric =
                self.has(e, NUMBER | YEAR | ROMAN) || (lexicon::is_roman_like(core) && e > j);
            let suffix = matches!(
                l,
                "f" | "ff"
                    | "v"
                    | "r"
                    | "passim"
                    | "sq"
                    | "sqq"
                    | "seq"
                    | "sgg"
                    | "segg"
                    | "ss"
                    | "seqq"
            ) || (matches!(l, "et") && self.core(e + 1) == "seq");
            let note_in_page = self.has(e, NOTEREF) && e > j;
            // a bracket after the value is not part of it: "col. 2415 (31 Mar. 1939)"
            if e > j && self.toks[e].head(s).contains(['(', '[']) {
                break;
            }
            // nor is a day date after it: "col. 361, 3 October 1938"
            if e > j && e + 1 < self.len() && lexicon::is_month(self.core(e + 1)) {
                break;
            }
            if numeric || suffix || note_in_page {
                e += 1;
                if note_in_page {
                    e += 1; // the note number
                }
                // stop after a token that closes the value with a hard stop
                // (but "pp. 3; 5" goes on)
                let tail = self.toks[e.min(b) - 1].tail(s);
                let list = tail.starts_with(';') && self.has(e, NUMBER) && e < b;
                if tail.contains([';', ')', ']']) && !list {
                    break;
                }
                continue;
            }
            if matches!(l, "and" | "und" | "&" | "et") && self.has(e + 1, NUMBER) && e + 1 < b {
                e += 1;
                continue;
            }
            break;
        }
        e.min(b)
    }

    /// Whether tokens `a..j` name a host after "in:" or ", in" (an essay
    /// in a book: "Der Staat Hitlers, in: Ders., Nach Hitler, München 1986,
    /// S. 11–33"), so that a page range after it is the essay's.
    fn host_after_in(&self, a: usize, j: usize) -> bool {
        let s = self.s;
        (a + 1..j.min(self.len())).any(|i| {
            self.low(i) == "in"
                && (self.toks[i].tail(s).starts_with(':')
                    || self.toks[i - 1].tail(s).ends_with(','))
        })
    }

    /// The byte range of the last pinpoint locator in tokens `a..b`, clipped
    /// to `range`. For full citations volume numbers are not pinpoints, and
    /// neither is the page range of an article or chapter; for abbreviation
    /// citations "n. 9" is a document number.
    pub(super) fn last_locator(
        &self,
        a: usize,
        b: usize,
        range: &Range<usize>,
        kind: CitationKind,
    ) -> Option<Range<usize>> {
        let s = self.s;
        let full = kind == CitationKind::Full;
        // a marked locator: "p. 91", "S. 45 f.", "Doc. No. 45", "at 185", "§ 3"
        let mut j = b;
        while j > a {
            j -= 1;
            // "n. 9" numbers a document of a collection when it ends the citation
            // after the publication details (not "p. 12 n. 3")
            let numbered_doc = self.has(j, NOTEREF)
                && (kind == CitationKind::Abbreviation
                    || (full && j + 2 >= b && !(j >= 2 && self.has(j - 2, LOC))));
            let marked = self.has(j, LOC) && !self.has(j, NOTEREF);
            if !marked && !numbered_doc {
                continue;
            }
            let low = self.low(j);
            // "s. v. Contarini", "s.v. Roma": sub voce, a headword, no page
            if (low == "s" && j + 1 < b && self.low(j + 1) == "v") || low.starts_with("s.v") {
                continue;
            }
            if full
                && matches!(
                    low,
                    "vol"
                        | "vols"
                        | "bd"
                        | "bde"
                        | "t"
                        | "tome"
                        | "heft"
                        | "h"
                        | "jg"
                        | "ser"
                        | "teil"
                        | "part"
                        | "livre"
                        | "lib"
                        | "bk"
                        | "nos"
                )
            {
                continue;
            }
            // a law's number, no pinpoint: "Pub. L. No. 115-164", "H.R. Rep. No. 104-458"
            if full
                && low == "no"
                && j >= a + 2
                && matches!(
                    (self.low(j - 2), self.low(j - 1)),
                    ("pub", "l") | ("h.r", "rep") | ("s", "rep") | ("h.r", "doc") | ("s", "doc")
                )
            {
                continue;
            }
            // "Doc. No. 45": start at "Doc."
            let mut start = j;
            if start > a
                && matches!(self.core(start), "No" | "no" | "Nr" | "nr")
                && matches!(self.core(start - 1), "Doc" | "doc" | "Docs")
            {
                start -= 1;
            }
            let value_start = j + 1;
            // "31, no. 3 (2001)": a journal issue, not a pinpoint
            if full
                && matches!(low, "no" | "nr" | "n" | "heft" | "fasc")
                && self
                    .toks
                    .get(j + 2)
                    .is_some_and(|t| t.head(s).starts_with('('))
                && self.has(j + 2, YEAR)
            {
                continue;
            }
            let glued = self.core(j).len() > 2 && self.core(j).contains('.');
            let end_tok = if glued {
                self.locator_value_end(j + 1, b).max(j + 1)
            } else {
                self.locator_value_end(value_start, b)
            };
            if end_tok <= value_start && !glued {
                continue;
            }
            // "at 185", "ici p. 240": the pinpoint without "at"
            let pinpointed = start > a
                && matches!(
                    self.low(start - 1),
                    "at" | "ici" | "hier" | "here" | "part" | "esp" | "especially" | "insbesondere"
                );
            if self.low(start) == "at" && !self.toks[start].dot(s) {
                start += 1;
            }
            // the pages of an article or chapter are not a pinpoint
            let value =
                &s[self.toks[value_start.min(end_tok - 1)].start..self.toks[end_tok - 1].end];
            let is_range = value.contains(['–', '-', '—']);
            if full
                && is_range
                && !pinpointed
                && (self.any(a, j, QUOTE_OPEN) || self.host_after_in(a, j))
                && matches!(low, "p" | "pp" | "s")
            {
                return None;
            }
            // a back-reference's volume before its page ("Braudel, op.
            // cit., vol. II, p. 12"): the multi-volume work's volume is part
            // of the pinpoint (a full citation's volume is the work's, an
            // abbreviation's the volume of its series: "DDF, t. III, n° 245";
            // a document number keeps its own: "Documents, Vol. II, Doc. No. 45")
            if matches!(kind, CitationKind::Short | CitationKind::CrossReference)
                && matches!(
                    low,
                    "p" | "pp" | "s" | "col" | "cols" | "sp" | "fol" | "fols"
                )
                && start >= a + 2
                && ibid_model::text::is_volume_marker(self.low(start - 2))
                && self.has(start - 1, NUMBER | ROMAN)
                && self.toks[start - 1].tail(s).starts_with(',')
            {
                start -= 2;
            }
            // a star page keeps its star ("at *4": a page of a Westlaw or
            // Lexis print, or of the original edition)
            let t = self.toks[start];
            let begin = if t.head(s) == "*" {
                t.start
            } else {
                t.cs.max(t.start)
            };
            let end = self.value_end_byte(end_tok - 1);
            // a marker inside a title ("Denying Bad Samaritans § 230
            // Immunity, 86 Fordham L. Rev. 401, 403–04 (2017)") comes before
            // Bluebook's pinpoint
            if full {
                let last = self.last_before_remarks(a, b);
                let pin = self.pin_before_year_group(a, last, range);
                if let Some(p) = pin.filter(|p| p.start > end) {
                    return Some(p);
                }
            }
            return clip(begin..end, range);
        }
        let last = self.last_before_remarks(a, b);
        // OSCOLA paragraph pinpoint "[12]", "[21]–[30]" at the end
        let lt = self.toks[last];
        if self.has(last, NUMBER)
            && lt.head(s).ends_with('[')
            && lt.tail(s).starts_with(']')
            && last > a
        {
            return clip(lt.start..lt.ce + 1, range);
        }
        // a volume in roman numerals and its page after a comma: "(Florence,
        // 1874), ii. 233", "Lettere, ii. 240"
        if self.has(last, NUMBER) && last > a + 1 {
            let vol = self.toks[last - 1];
            let vc = vol.core(s);
            let roman = !vc.is_empty()
                && vc.len() <= 5
                && vc.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'));
            if roman && vol.dot(s) && self.toks[last - 2].tail(s).ends_with(',') {
                return clip(vol.cs..self.value_end_byte(last), range);
            }
        }
        // a bare number after a bracket group or after another number:
        // "(1991) 77", "(HL) 580", "56, 61", "(n 5) 34" (not "61(4), 1065–1082");
        // with a suffix ("(1981) 347 ff.", "(1995) 127 and throughout") or a
        // front-matter page in lower-case roman ("(1985) ix")
        let num = self.bare_page_before_suffix(a, last);
        let page_like = self.has(num, NUMBER)
            || (self.has(num, ROMAN) && self.core(num).chars().all(|c| c.is_ascii_lowercase()));
        if page_like && num > a && !self.has(num, SHELF) {
            // "(1985), especially 112–18": the pinpoint word stands between
            let stress = num > a + 1 && matches!(self.low(num - 1), "especially" | "esp");
            let before = num - 1 - usize::from(stress);
            let prev = self.toks[before];
            let group = prev.core(s).is_empty() || !prev.core(s).contains('(');
            let after_paren = group
                && (prev.tail(s).ends_with(')')
                    || prev.tail(s).ends_with("),")
                    || prev.tail(s).ends_with("):"));
            let after_number = (self.has(before, NUMBER) && prev.tail(s).starts_with(','))
                || (self.has(num, BARE_PAGE) && kind != CitationKind::Full);
            // the pages of an article after its volume and year are not a pinpoint
            let nt = self.toks[num];
            let article_pages = full
                && !stress
                && self.any(a, num, QUOTE_OPEN)
                && nt.core(s).contains(['–', '-', '—'])
                && after_paren;
            if (after_paren || after_number) && !article_pages {
                let end = self.value_end_byte(last);
                return clip(nt.cs..end, range);
            }
        }
        if full {
            return self.pin_before_year_group(a, last, range);
        }
        None
    }

    /// The token of the page number that the last token `last` ends: itself,
    /// or the number before a suffix ("347 ff.", "12 passim", "127 and
    /// throughout").
    fn bare_page_before_suffix(&self, a: usize, last: usize) -> usize {
        let number = |k: usize| k > a && self.has(k, NUMBER | ROMAN);
        match self.low(last) {
            "f" | "ff" | "sq" | "sqq" | "seq" | "passim" if last > a && number(last - 1) => {
                last - 1
            }
            "throughout" if last > a + 1 && self.low(last - 1) == "and" && number(last - 2) => {
                last - 2
            }
            _ => last,
        }
    }

    /// The last token of `a..b` before trailing remarks in brackets, which
    /// are no pinpoint: "131 (Lord Hoffmann)", "14 (2020) [hereinafter DOJ
    /// Report]".
    pub(super) fn last_before_remarks(&self, a: usize, b: usize) -> usize {
        let s = self.s;
        let mut last = b - 1;
        loop {
            let text = self.toks[last].text(s);
            let open = if text.contains(')') {
                '('
            } else if text.contains(']') {
                '['
            } else {
                break;
            };
            if last <= a || self.has(last, NUMBER | YEAR) {
                break;
            }
            match (a..=last)
                .rev()
                .find(|&k| self.toks[k].head(s).starts_with(open))
            {
                Some(k) if k > a && !(k..=last).any(|x| self.has(x, NUMBER | YEAR)) => last = k - 1,
                _ => break,
            }
        }
        last
    }

    /// Bluebook's pinpoint right before the final parenthesis with the year:
    /// after a book's title ("Economic Analysis of Law 213 (9th ed. 2014)")
    /// or after the first page of a chapter ("The Offensive Internet 155,
    /// 161 (… eds., 2010)"), in a citation without quoted titles (not a
    /// journal's volume, "Journal of Modern History 45 (1973)") or a
    /// reporter's first page ("410 U.S. 113 (1973)", "73 Yale L.J. 733").
    pub(super) fn pin_before_year_group(
        &self,
        a: usize,
        last: usize,
        range: &Range<usize>,
    ) -> Option<Range<usize>> {
        let s = self.s;
        let k = (a..=last)
            .rev()
            .find(|&k| self.toks[k].head(s).starts_with('('))?;
        if k < a + 2 || !(k..=last).any(|x| self.has(x, YEAR)) || self.any(a, k, QUOTE_OPEN) {
            return None;
        }
        let p = k - 1;
        let pt = self.toks[p];
        let pin = pt.core(s);
        let pin_like = !pin.is_empty()
            && pt.head(s).is_empty()
            && pt.tail(s).is_empty()
            && pin.starts_with(|c: char| c.is_ascii_digit())
            && pin
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '-' | '–'))
            && pin.split(['-', '–']).all(|x| x.len() <= 4);
        if !pin_like {
            return None;
        }
        let prev = self.toks[p - 1];
        let pc = prev.core(s);
        let first_page = self.has(p - 1, NUMBER) && prev.tail(s) == ",";
        let after_title_word = !pc.is_empty()
            && pc.chars().all(char::is_alphabetic)
            && prev.tail(s).is_empty()
            && !self.has(p - 1, NUMBER | YEAR)
            // no volume right after the last comma ("86 Fordham Law Review
            // 401 (2017)"); a number inside the title is no volume
            // ("Section 230—Nurturing Innovation 14 (2020)")
            && {
                let after_comma = (a..p - 1)
                    .rev()
                    .find(|&x| self.toks[x].tail(s).ends_with(','))
                    .map_or(a, |x| x + 1);
                !self.has(after_comma, NUMBER | YEAR)
            };
        if !(first_page || after_title_word) {
            return None;
        }
        clip(pt.cs..pt.ce, range)
    }

    /// End byte of a locator value token, keeping "f."/"ff." periods.
    pub(super) fn value_end_byte(&self, k: usize) -> usize {
        let t = self.toks[k];
        let core = t.core(self.s);
        if t.dot(self.s) && matches!(core, "f" | "ff" | "sqq" | "sq" | "seq" | "sgg") {
            return t.ce + 1;
        }
        // "6(1)", "4(2)(c)": the last bracket belongs to the value
        let opens = core.matches('(').count();
        let closes = core.matches(')').count();
        if opens > closes && t.tail(self.s).starts_with(')') {
            return t.ce + 1;
        }
        t.ce
    }

    /// `r` without a bracketed remark at its end: "col. 361 (Churchill, 5 Oct. 1938)".
    pub(super) fn without_trailing_group(&self, r: Range<usize>) -> Range<usize> {
        let t = &self.s[r.clone()];
        if !t.ends_with(')') {
            return r;
        }
        let close = r.end - 1;
        let Some(p) = self.pairs.iter().find(|p| p.close == close && !p.quote) else {
            return r;
        };
        if p.open <= r.start || !self.s[..p.open].ends_with(char::is_whitespace) {
            return r; // "s 4(2)" keeps its bracket
        }
        let head = self.s[r.start..p.open].trim_end().trim_end_matches(',');
        let end = r.start + head.len();
        if head
            .chars()
            .any(|c| c.is_ascii_digit() || "IVXLCDM".contains(c))
        {
            r.start..end
        } else {
            r
        }
    }

    /// Everything after token `k` (and separating punctuation) to the end of `range`.
    pub(super) fn remainder_after(
        &self,
        k: usize,
        b: usize,
        range: &Range<usize>,
    ) -> Option<Range<usize>> {
        if k + 1 >= b {
            return None;
        }
        let start = self.toks[k + 1].start;
        let start = start.max(range.start);
        if start >= range.end {
            return None;
        }
        let text = &self.s[start..range.end];
        let has_value = text.chars().any(|c| c.is_alphanumeric() || c == '§');
        has_value.then_some(start..range.end)
    }

    /// A locator without its leading "at"/"ici"/"hier" ("Id. at 406" → "406").
    pub(super) fn without_pinpoint_word(&self, r: Range<usize>) -> Range<usize> {
        let text = &self.s[r.clone()];
        for word in ["at ", "ici ", "hier "] {
            if let Some(rest) = text.strip_prefix(word) {
                let rest = rest.trim_start();
                if !rest.is_empty() {
                    return r.end - rest.len()..r.end;
                }
            }
        }
        r
    }
}

fn clip(r: Range<usize>, range: &Range<usize>) -> Option<Range<usize>> {
    let start = r.start.max(range.start);
    let end = r.end.min(range.end);
    (start < end).then_some(start..end)
}
