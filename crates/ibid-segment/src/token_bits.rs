//! Classifying each token of a note: years, numbers, locator markers, names,
//! heads of citations, prose words, archive shelfmarks, law reports … (the
//! bits of [`Analysis`]).

use crate::features::*;
use crate::lexicon::{self, Lower};
use crate::tokens::{IN_BRACKET, IN_DEFINITION, IN_QUOTE};
use crate::wordlists::{
    self, F_CITATION, F_CUE, F_CUE_DOT, F_FILLER, F_FUNCTION, F_IBID, F_LOC_DOT, F_LOC_NODOT,
    F_MONTH, F_NOT_NAME, F_PROSE, F_SAME_AUTHOR, F_XREF,
};
use ibid_model::text::{canonical_roman, RomanRules};

fn c_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

fn is_year_core(core: &str) -> bool {
    let b = core.as_bytes();
    if b.len() < 4 || !b[..4].iter().all(u8::is_ascii_digit) {
        return false;
    }
    if b.len() > 4 {
        let c = b[4];
        if c.is_ascii_digit() || c == b's' || c == b'.' || c == b',' {
            return false;
        }
    }
    let y = (b[0] - b'0') as u32 * 1000
        + (b[1] - b'0') as u32 * 100
        + (b[2] - b'0') as u32 * 10
        + (b[3] - b'0') as u32;
    (1400..=2099).contains(&y)
}

/// The roman numerals the segmenter counts: the usual spelling ("XIV", not
/// "DDI"), all upper- or all lower-case, up to 8 letters, 1 to 3999.
const ROMAN_RULES: RomanRules = RomanRules {
    max_len: 8,
    ..RomanRules::STANDARD
};

fn is_roman(core: &str) -> bool {
    canonical_roman(core, ROMAN_RULES).is_some()
}

fn is_initial(core: &str, dot: bool) -> bool {
    // "A", "A.J.P", "M.J", "A.-J" (with a final period), "Th"
    let mut n_upper = 0;
    let mut prev_upper = false;
    for c in core.chars() {
        if c.is_uppercase() {
            if prev_upper {
                return false;
            }
            n_upper += 1;
            prev_upper = true;
        } else if c == '.' || c == '-' {
            prev_upper = false;
        } else {
            return false;
        }
    }
    n_upper >= 1 && (dot || core.contains('.'))
}

/// Lower-case `s` keeping every byte offset (characters whose lower case
/// has another length stay as they are).
pub(crate) fn lower_same_layout(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let mut l = c.to_lowercase();
        match (l.next(), l.next()) {
            (Some(x), None) if x.len_utf8() == c.len_utf8() => out.push(x),
            _ => out.push(c),
        }
    }
    out
}

/// A capitalised word that may be a name; `low` is its lower case.
pub(crate) fn is_name_word(core: &str) -> bool {
    is_name_word_low(core, wordlists::flags(Lower::new(core).as_str()))
}

fn is_name_word_low(core: &str, fl: u32) -> bool {
    let mut chars = core.chars();
    let Some(c) = chars.next() else { return false };
    if !c.is_uppercase() || chars.next().is_none() {
        return false;
    }
    if !core
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, '’' | '\'' | '-'))
    {
        return false;
    }
    if !core.chars().any(char::is_lowercase) {
        return false;
    }
    fl & (F_FUNCTION | F_PROSE | F_CUE | F_CUE_DOT | F_IBID | F_MONTH | F_NOT_NAME) == 0
}

fn is_url(core: &str, text: &str) -> bool {
    text.contains("http")
        || text.contains("www.")
        || text.starts_with("doi:")
        || text.contains("doi.org")
        || (core.starts_with("10.") && core.contains('/') && core.len() > 7)
}

impl Analysis<'_> {
    /// Compute the bits of every token (called once by [`Analysis::new`]).
    pub(crate) fn compute_bits(&mut self) {
        let s = self.s;
        let n = self.toks.len();
        let mut bits = vec![0u64; n];
        let mut wf = vec![0u32; n];
        // quote openings: pairs are sorted by open
        let mut qi = 0;
        let quote_opens: Vec<usize> = self
            .pairs
            .iter()
            .filter(|p| p.quote)
            .map(|p| p.open)
            .collect();
        let closes: Vec<(usize, usize, bool)> = {
            let mut v: Vec<(usize, usize, bool)> = self
                .pairs
                .iter()
                .map(|p| (p.close, p.open, p.quote))
                .collect();
            v.sort_unstable();
            v
        };
        let mut ci = 0;
        let lower = &self.lower;
        for (i, t) in self.toks.iter().enumerate() {
            let core = t.core(s);
            let l = lower.get(t.cs..t.ce).unwrap_or("");
            let text = t.text(s);
            let dot = t.dot(s);
            let fl = self
                .flags
                .get(t.cs.min(s.len().saturating_sub(1)))
                .copied()
                .unwrap_or(0);
            let b = &mut bits[i];
            if fl & IN_QUOTE != 0 {
                *b |= INQ;
            }
            if fl & IN_BRACKET != 0 || t.head(s).contains(['(', '[']) {
                *b |= INB;
            }
            if fl & IN_DEFINITION != 0 {
                *b |= INDEF;
            }
            while qi < quote_opens.len() && quote_opens[qi] < t.start {
                qi += 1;
            }
            if qi < quote_opens.len() && quote_opens[qi] < t.cs.max(t.start + 1) {
                *b |= QUOTE_OPEN;
            }
            while ci < closes.len() && closes[ci].0 < t.ce {
                ci += 1;
            }
            if ci < closes.len() && closes[ci].0 < t.end {
                *b |= CLOSES;
                let (close, open, quote) = closes[ci];
                let inner = s.get(open + 1..close).unwrap_or("");
                if quote
                    || inner
                        .chars()
                        .any(|c| c.is_ascii_digit() || c.is_uppercase())
                {
                    *b |= GROUP_END;
                }
            }
            let Some(c0) = first_char(core) else {
                continue;
            };
            if c0.is_uppercase() {
                *b |= CAP;
            } else if c0.is_lowercase() {
                *b |= LOWER;
            }
            if c0.is_ascii_digit() {
                if is_year_core(core) {
                    *b |= YEAR;
                    if *b & INB != 0 || t.tail(s).starts_with([')', ']']) {
                        *b |= PAREN_YEAR;
                    }
                } else {
                    *b |= NUMBER;
                }
                let bytes = core.as_bytes();
                let digits = bytes.iter().take_while(|c| c.is_ascii_digit()).count();
                if digits < bytes.len()
                    && bytes[digits] == b'/'
                    && bytes.get(digits + 1).is_some_and(u8::is_ascii_digit)
                    && *b & YEAR == 0
                {
                    *b |= SHELF;
                }
            }
            if text.len() > 6 && text.contains(['/', ':', '.']) && is_url(core, text) {
                *b |= URL;
            }
            let fl = if c0.is_ascii_digit() {
                0
            } else {
                wordlists::flags(l)
            };
            wf[i] = fl;
            let fe = if core == l {
                fl
            } else {
                wordlists::flags(core)
            };
            if fl & F_IBID != 0
                && (dot
                    || matches!(
                        l,
                        "ibid" | "ibidem" | "idem" | "eadem" | "ebenda" | "ivi" | "ebda" | "iidem"
                    ))
            {
                *b |= IBID;
            }
            if fl & F_SAME_AUTHOR != 0 && dot {
                *b |= SAME_AUTHOR;
            }
            if matches!(l, "cit" | "a.a.o" | "o.c" | "op.cit" | "loc.cit" | "aao") {
                *b |= SHORTMARK;
            }
            if fl & F_XREF != 0 && !matches!(l, "above" | "below" | "ante" | "post") {
                *b |= XREF;
            }
            if fl & F_MONTH != 0 {
                *b |= MONTH;
            }
            if is_name_word_low(core, fl) {
                *b |= NAMEW;
            }
            if (dot
                && matches!(
                    l,
                    "ed" | "eds"
                        | "hg"
                        | "hgg"
                        | "hrsg"
                        | "trans"
                        | "tr"
                        | "transl"
                        | "übers"
                        | "éd"
                        | "éds"
                        | "dir"
                        | "comp"
                        | "bearb"
                ))
                || (t.head(s).ends_with('(') && matches!(l, "ed" | "eds" | "hg" | "hrsg"))
                || (t.tail(s).starts_with(':') && matches!(l, "in"))
                || matches!(l, "edited" | "translated" | "herausgegeben" | "cura")
            {
                *b |= ED;
            }
            if matches!(core, "v" | "vs") && (dot || core == "v") {
                *b |= CASE_V;
            }
            if fe & (if dot { F_LOC_DOT } else { F_LOC_NODOT }) != 0 || core == "§" || core == "§§"
            {
                *b |= MARKER;
            }
            if is_initial(core, dot) {
                *b |= INITIAL;
            }
            let letters = core.chars().filter(|c| c.is_alphabetic()).count();
            if core.contains('.')
                && letters >= 2
                && core.chars().all(|c| c.is_uppercase() || c == '.')
            {
                *b |= ABBR; // D.G.F.P, A.L.R.C
            } else if (2..=8).contains(&letters)
                && core.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
                && !is_roman(core)
                && c0.is_uppercase()
            {
                *b |= ABBR; // DBFP, FRUS, FO, CAB
            }
            if *b & (INQ | INDEF) == 0 {
                let pronoun_i = core == "I"
                    && t.tail(s).is_empty()
                    && self.toks.get(i + 1).is_some_and(|n| {
                        matches!(
                            n.core(s),
                            "am" | "was"
                                | "have"
                                | "had"
                                | "would"
                                | "should"
                                | "will"
                                | "could"
                                | "think"
                                | "believe"
                                | "thank"
                                | "do"
                                | "did"
                                | "owe"
                                | "must"
                                | "can"
                                | "cannot"
                                | "found"
                                | "argue"
                                | "argued"
                                | "suggest"
                                | "suggested"
                                | "wish"
                                | "hope"
                                | "use"
                                | "used"
                                | "quote"
                                | "rely"
                                | "follow"
                                | "discuss"
                                | "consider"
                                | "see"
                                | "saw"
                                | "am,"
                                | "know"
                                | "knew"
                                | "agree"
                                | "disagree"
                                | "accept"
                        )
                    });
                if (fe & F_PROSE != 0 && c0.is_lowercase() || pronoun_i) && !dot {
                    *b |= PROSE;
                } else if c0.is_lowercase()
                    && letters >= 2
                    && core
                        .chars()
                        .all(|c| c.is_alphabetic() || c == '-' || c == '’')
                    && fl & (F_FUNCTION | F_CITATION | F_CUE | F_FILLER | F_XREF | F_MONTH | F_IBID)
                        == 0
                    && !(dot && fl & F_CUE_DOT != 0)
                {
                    *b |= LC;
                }
            }
        }
        // features that look at neighbours
        let snap = bits.clone();
        for i in 0..n {
            let t = self.toks[i];
            let core = t.core(s);
            let next = |k: usize| snap.get(i + k).copied().unwrap_or(0);
            let next_core = |k: usize| self.toks.get(i + k).map_or("", |t| t.core(s));
            let b = snap[i];
            // roman numerals only after a marker or a closing bracket
            if is_roman(core) && i > 0 {
                let prev = snap[i - 1];
                let prev_tail = self.toks[i - 1].tail(s);
                if prev & MARKER != 0
                    || prev_tail.contains([')', ']'])
                    || (core.len() >= 2 && core.bytes().all(|c| c.is_ascii_uppercase()))
                {
                    bits[i] |= ROMAN;
                }
            }
            if i > 0
                && snap[i - 1] & (NUMBER | ROMAN) != 0
                && matches!(core, "f" | "ff" | "passim" | "sqq" | "seq" | "sq")
            {
                bits[i] |= TERMINAL;
            }
            // a page after a comma ("Preponderance, 175"), also one closing
            // a quoted title ("Politics of Productivity,\" 615") or after a
            // volume in roman numerals ("Lettere, ii. 240"), at the end of
            // the note or before ";", "." or "and" and the next citation
            let after_comma = |k: usize| {
                let tail = self.toks[k].tail(s);
                tail.ends_with(',') || [",\"", ",”", ",’", ",'"].iter().any(|q| tail.ends_with(q))
            };
            let roman_volume = i > 1
                && self.toks[i - 1].tail(s) == "."
                && is_roman(self.toks[i - 1].core(s))
                && self.toks[i - 1].core(s).len() <= 4
                && after_comma(i - 2);
            let ends_citation = i + 1 == n
                || t.tail(s).starts_with([';', '.'])
                || (t.tail(s).is_empty()
                    && matches!(next_core(1), "and" | "&")
                    && next(2) & CAP != 0);
            if b & NUMBER != 0
                && b & INB == 0
                && i > 0
                && ((after_comma(i - 1) && snap[i - 1] & (MARKER | YEAR) == 0) || roman_volume)
                && {
                    let tail = t.tail(s);
                    tail.is_empty() || tail.starts_with([';', '.']) || tail == ","
                }
                && ends_citation
            {
                bits[i] |= BARE_PAGE;
            }
            // locator: marker followed by a number ("p. 12", "S.82", "§ 3")
            let value_ok = self
                .toks
                .get(i + 1)
                .is_some_and(|n| !n.head(s).contains(['(', '[']));
            let after_initial =
                i > 0 && snap[i - 1] & INITIAL != 0 && core.len() == 1 && c_upper(core);
            // "Museum of Art, 2001": a marker word followed by a comma is a word
            let comma_after = t.tail(s).contains(',') && !matches!(core, "p" | "pp" | "S");
            // "R. v. L." is a case, not "v. L" (verso, volume): a lower-case
            // "v." between two names with no punctuation before it
            let versus = core == "v"
                && i > 0
                && snap[i - 1] & (CAP | INITIAL) != 0
                && !self.toks[i - 1].tail(s).contains([',', ';', ':'])
                && next(1) & (CAP | INITIAL) != 0;
            // "7 N 2345" is a French military cote, not "N 2345": a capital
            // without a full stop right after a number
            let in_cote = i > 0
                && core.len() == 1
                && c_upper(core)
                && t.tail(s).is_empty()
                && snap[i - 1] & NUMBER != 0
                && self.toks[i - 1].tail(s).is_empty();
            if b & MARKER != 0
                && value_ok
                && !after_initial
                && !comma_after
                && !versus
                && !in_cote
                && (next(1) & (NUMBER | YEAR) != 0 || is_roman(next_core(1)))
            {
                bits[i] |= LOC;
            }
            if b & (CAP | LOWER) != 0 && {
                let mut ch = core.chars();
                let c = ch.next();
                let rest = ch.as_str();
                matches!(c, Some('S' | 'p'))
                    && rest.starts_with('.')
                    && rest[1..].starts_with(|c: char| c.is_ascii_digit())
            } {
                bits[i] |= LOC; // glued "S.82"
            }
            if core == "n" && t.head(s).ends_with('(') && next(1) & NUMBER != 0 {
                bits[i] |= XREF; // OSCOLA "(n 4)"
                if i > 0 && snap[i - 1] & NAMEW != 0 {
                    bits[i - 1] |= NAME_HEAD; // "Bingham (n 4) 75"
                }
            }
            let numero = matches!(core, "n" | "N") && t.tail(s).starts_with(['°', 'º']);
            if numero && next(1) & NUMBER != 0 {
                bits[i] |= MARKER | LOC;
            } else if lexicon::is_note_marker(core) && next(1) & NUMBER != 0 && !in_cote {
                bits[i] |= NOTEREF;
            }
            if matches!(self.lower.get(t.cs..t.ce).unwrap_or(""), "above" | "below") {
                let near =
                    (1..=3).any(|k| lexicon::is_note_marker(next_core(k)) || next(k) & NUMBER != 0);
                if near {
                    bits[i] |= XREF;
                }
            }
            if matches!(self.lower.get(t.cs..t.ce).unwrap_or(""), "cited" | "quoted")
                && (1..=3)
                    .any(|k| lexicon::is_note_marker(next_core(k)) && next(k + 1) & NUMBER != 0)
            {
                bits[i] |= XREF;
            }
            // shelfmarks: "FO 371/12345", "busta 12", "MS 3"
            let slashed = |c: &str| {
                c.contains('/')
                    && c.chars()
                        .all(|x| x.is_uppercase() || x.is_ascii_digit() || x == '/')
            };
            let repository = b & CAP != 0 && core.len() <= 7 && lexicon::is_repository(core);
            let series = matches!(
                self.low_of(i + 1),
                "ser"
                    | "series"
                    | "serie"
                    | "série"
                    | "sér"
                    | "reihe"
                    | "s"
                    | "t"
                    | "tome"
                    | "vol"
                    | "bd"
                    | "teil"
                    | "band"
            );
            if b & ABBR != 0
                && b & INB == 0
                && !repository
                && (next(1) & (NUMBER | YEAR | MARKER) != 0
                    || is_roman(next_core(1))
                    || slashed(next_core(1))
                    || series)
                && next(1) & SHELF == 0
            {
                bits[i] |= ABBR_CIT;
            }
            if b & ABBR != 0 && next(1) & SHELF != 0 {
                bits[i] |= SHELF | RUN_HEAD; // a shelfmark may start a citation
            }
            if repository && b & INB == 0 && t.tail(s).starts_with(',') {
                bits[i] |= SHELF | RUN_HEAD; // "BArch, R 43 II/1310", "AN, F7 13984"
            }
            if matches!(
                self.lower.get(t.cs..t.ce).unwrap_or(""),
                "busta"
                    | "b"
                    | "fasc"
                    | "filza"
                    | "reg"
                    | "ms"
                    | "mss"
                    | "add"
                    | "cod"
                    | "box"
                    | "folder"
                    | "nachlass"
                    | "nl"
                    | "rg"
                    | "bestand"
                    | "carton"
                    | "liasse"
            ) && next(1) & (NUMBER | ABBR) != 0
                && (t.dot(s) || core.len() > 2 || b & ABBR != 0)
            {
                bits[i] |= SHELF;
            }
            // dates: "4 May 1925", "May 4, 1925", "4. Mai 1925"
            if b & MONTH != 0
                && (next(1) & YEAR != 0 || (next(1) & NUMBER != 0 && next(2) & YEAR != 0))
            {
                bits[i] |= DATE;
            }
            // law reports: "[1932] AC 562", "(1990) 2 AC 605"
            if b & YEAR != 0 {
                let head = t.head(s);
                let tail = t.tail(s);
                if (head.ends_with('[') && tail.starts_with(']'))
                    && (next(1) & (NUMBER | ABBR | CAP) != 0)
                {
                    bits[i] |= LAW;
                }
                if head.ends_with('(')
                    && tail.starts_with(')')
                    && next(1) & NUMBER != 0
                    && next(2) & (ABBR | CAP) != 0
                {
                    bits[i] |= LAW;
                }
            }
            if matches!(
                core,
                "Act" | "Acts" | "Gesetz" | "Ordinance" | "Order" | "Regulations"
            ) && (next(1) & YEAR != 0)
            {
                bits[i] |= LAW;
                if let Some(h) = self.run_start(&snap, i, 12) {
                    bits[h] |= RUN_HEAD;
                }
            }
            if b & CASE_V != 0
                && i > 0
                && next(1) & (CAP | INITIAL) != 0
                && (snap[i - 1] & (CAP | INITIAL) != 0
                    || matches!(
                        self.toks[i - 1].core(s),
                        "plc"
                            | "ltd"
                            | "Ltd"
                            | "Inc"
                            | "Co"
                            | "AG"
                            | "SA"
                            | "GmbH"
                            | "Corp"
                            | "LLC"
                            | "NV"
                            | "BV"
                            | "SpA"
                    ))
            {
                bits[i] |= LAW;
                bits[i + 1] |= CASE_END;
                if let Some(h) = self.run_start(&snap, i, 6) {
                    bits[h] |= RUN_HEAD;
                }
            }
        }
        self.mark_heads(&mut bits);
        self.bits = bits;
        self.wf = wf;
    }
}

#[cfg(test)]
mod tests {
    use super::is_roman;

    #[test]
    fn roman_numerals_include_subtractive_openings() {
        for r in ["IV", "ix", "XL", "XIV", "CM", "ii", "MCMLXXX"] {
            assert!(is_roman(r), "{r}");
        }
        for r in ["IIII", "VX", "Xi", "IC", "", "MCMLXXXIV"] {
            assert!(!is_roman(r), "{r}");
        }
    }
}
