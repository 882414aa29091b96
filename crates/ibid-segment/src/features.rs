//! Per-token features of a note and the "citation-likeness" of token ranges.
//!
//! Every feature is computed once per note; range queries (score, prose
//! strength, first head) are O(1) through prefix sums and a next-head table.

use crate::defines::{self, Def};
use crate::lexicon::{self, Lower};
use crate::tokens::{self, Pair, Tok, IN_BRACKET, IN_DEFINITION, IN_QUOTE};
use crate::wordlists::{self, *};

pub(crate) const YEAR: u64 = 1;
pub(crate) const NUMBER: u64 = 1 << 1;
pub(crate) const ROMAN: u64 = 1 << 2;
pub(crate) const LOC: u64 = 1 << 3;
pub(crate) const NOTEREF: u64 = 1 << 4;
pub(crate) const PROSE: u64 = 1 << 5;
pub(crate) const LC: u64 = 1 << 6;
pub(crate) const CAP: u64 = 1 << 7;
pub(crate) const QUOTE_OPEN: u64 = 1 << 8;
pub(crate) const IBID: u64 = 1 << 9;
pub(crate) const SHORTMARK: u64 = 1 << 10;
pub(crate) const XREF: u64 = 1 << 11;
pub(crate) const ED: u64 = 1 << 12;
pub(crate) const INITIAL: u64 = 1 << 13;
pub(crate) const CASE_V: u64 = 1 << 14;
pub(crate) const SHELF: u64 = 1 << 15;
pub(crate) const URL: u64 = 1 << 16;
pub(crate) const DATE: u64 = 1 << 17;
pub(crate) const ABBR: u64 = 1 << 18;
pub(crate) const NAME_HEAD: u64 = 1 << 19;
pub(crate) const RUN_HEAD: u64 = 1 << 20;
pub(crate) const LAW: u64 = 1 << 21;
pub(crate) const PAREN_YEAR: u64 = 1 << 22;
pub(crate) const LOWER: u64 = 1 << 23;
pub(crate) const SAME_AUTHOR: u64 = 1 << 24;
pub(crate) const MARKER: u64 = 1 << 25;
pub(crate) const CLOSES: u64 = 1 << 26;
pub(crate) const INQ: u64 = 1 << 27;
pub(crate) const INB: u64 = 1 << 28;
pub(crate) const INDEF: u64 = 1 << 29;
pub(crate) const MONTH: u64 = 1 << 30;
/// A weak name head ("London, 1961" looks like "Black, 1973").
pub(crate) const WEAK_HEAD: u64 = 1 << 31;
/// Closes a quoted title or a bracket group with digits or capitals ("(1961)", "(HL)").
pub(crate) const GROUP_END: u64 = 1 << 32;
/// "ff.", "f.", "passim" after a page number.
pub(crate) const TERMINAL: u64 = 1 << 33;
/// An abbreviation followed by series/volume/document numbers ("DBFP, 2nd ser.").
pub(crate) const ABBR_CIT: u64 = 1 << 36;
/// A page number after a comma at the end of a reference ("Rose, Intellectual Life, 58").
pub(crate) const BARE_PAGE: u64 = 1 << 37;
/// The first word of the second party of a case name ("Balfour v. *Balfour*").
pub(crate) const CASE_END: u64 = 1 << 34;
/// A capitalised word that may be a name ("Taylor", "O’Donovan", not "The").
pub(crate) const NAMEW: u64 = 1 << 35;

/// Tokens that may start a citation.
pub(crate) const HEAD: u64 = NAME_HEAD | WEAK_HEAD | QUOTE_OPEN | IBID | RUN_HEAD | SAME_AUTHOR;
/// Heads strong enough to start a new citation after a complete one.
pub(crate) const STRONG_HEAD: u64 = NAME_HEAD | QUOTE_OPEN | IBID | RUN_HEAD | SAME_AUTHOR;
/// Tokens that count as citation evidence in a commentary prefix.
const FEATURE: u64 =
    YEAR | NUMBER | QUOTE_OPEN | ED | LOC | IBID | SHORTMARK | URL | SHELF | LAW | XREF | ABBR;
/// Tokens after which a citation may be complete.
pub(crate) const ANCHOR: u64 = YEAR
    | NUMBER
    | IBID
    | SHORTMARK
    | URL
    | SHELF
    | GROUP_END
    | TERMINAL
    | NOTEREF
    | DATE
    | CASE_END;

// prefix-count slots
const C_YEAR: usize = 0;
const C_PYEAR: usize = 1;
const C_LOC: usize = 2;
const C_QUOTE: usize = 3;
const C_NAME: usize = 4;
const C_ED: usize = 5;
const C_SHELF: usize = 6;
const C_LAW: usize = 7;
const C_URL: usize = 8;
const C_BACK: usize = 9;
const C_DATE: usize = 10;
const C_PROSE: usize = 11;
const C_FEAT: usize = 12;
const C_NOTEREF: usize = 13;
const C_LOWER: usize = 14;
const C_MARK: usize = 15;
const C_LC: usize = 16;
const C_ABBR: usize = 17;
const SLOTS: usize = 18;

/// Everything known about one note's tokens.
pub(crate) struct Analysis<'a> {
    pub s: &'a str,
    /// `s` lower-cased with the same byte offsets.
    pub lower: String,
    pub toks: Vec<Tok>,
    pub bits: Vec<u64>,
    /// Word-list flags of each token's lower-cased core.
    pub wf: Vec<u32>,
    pub pairs: Vec<Pair>,
    /// Byte flags: IN_QUOTE / IN_BRACKET / IN_DEFINITION.
    pub flags: Vec<u8>,
    /// Abbreviation definitions, sorted by position.
    pub defs: Vec<Def>,
    prefix: Vec<[u16; SLOTS]>,
    next_head: Vec<u32>,
}

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

fn is_roman(core: &str) -> bool {
    !core.is_empty()
        && core.len() <= 8
        && (core.bytes().all(|b| b"IVXLCDM".contains(&b))
            || core.bytes().all(|b| b"ivxlcdm".contains(&b)))
        && canonical_roman(core)
}

/// True when `s` is a Roman numeral written the usual way ("XIV", not "DDI").
fn canonical_roman(s: &str) -> bool {
    let val = |c: u8| match c.to_ascii_uppercase() {
        b'I' => 1,
        b'V' => 5,
        b'X' => 10,
        b'L' => 50,
        b'C' => 100,
        b'D' => 500,
        b'M' => 1000,
        _ => 0,
    };
    let b = s.as_bytes();
    let mut total = 0u32;
    for (k, &c) in b.iter().enumerate() {
        let v = val(c);
        if b.get(k + 1).is_some_and(|&n| val(n) > v) {
            total = total.saturating_sub(v);
        } else {
            total += v;
        }
    }
    if total == 0 || total > 3999 {
        return false;
    }
    let mut out = [0u8; 16];
    let mut len = 0;
    let mut n = total;
    for (v, r) in [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while n >= v {
            for &c in r.as_bytes() {
                if len >= out.len() {
                    return false;
                }
                out[len] = c;
                len += 1;
            }
            n -= v;
        }
    }
    out[..len].eq_ignore_ascii_case(s.as_bytes())
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
fn lower_same_layout(s: &str) -> String {
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

impl<'a> Analysis<'a> {
    /// Analyse a one-line note text.
    pub(crate) fn new(s: &'a str) -> Self {
        let toks = tokens::tokenize(s);
        let pairs = tokens::find_pairs(s);
        let lower = lower_same_layout(s);
        let defs = defines::find(s, &lower, &toks, &pairs);
        let mut flags = tokens::protect(s.len(), &pairs, |p| tokens::opens_with_cue(s, p));
        for d in defs.iter().filter(|d| !d.bracket) {
            let end = d.range.end.min(flags.len());
            let d = d.range.start..end;
            if d.start < end {
                for f in &mut flags[d.start..end] {
                    *f |= IN_DEFINITION;
                }
            }
        }
        let mut a = Analysis {
            s,
            lower,
            toks,
            bits: Vec::new(),
            wf: Vec::new(),
            pairs,
            flags,
            defs,
            prefix: Vec::new(),
            next_head: Vec::new(),
        };
        a.compute_bits();
        a.compute_tables();
        a
    }

    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    pub(crate) fn core(&self, i: usize) -> &'a str {
        self.toks[i].core(self.s)
    }

    /// The lower-cased core of token `i` ("" past the end); usable while the
    /// bits are being computed.
    fn low_of(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.lower.get(t.cs..t.ce))
            .unwrap_or("")
    }

    /// The lower-cased core of token `i` ("" past the end).
    pub(crate) fn low(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.lower.get(t.cs..t.ce))
            .unwrap_or("")
    }

    pub(crate) fn has(&self, i: usize, bit: u64) -> bool {
        self.bits.get(i).is_some_and(|b| b & bit != 0)
    }

    /// Byte flags at `pos` (0 past the end).
    pub(crate) fn flag_at(&self, pos: usize) -> u8 {
        self.flags.get(pos).copied().unwrap_or(0)
    }

    fn compute_bits(&mut self) {
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
            if b & NUMBER != 0
                && b & INB == 0
                && i > 0
                && self.toks[i - 1].tail(s).ends_with(',')
                && snap[i - 1] & (MARKER | YEAR) == 0
                && {
                    let tail = t.tail(s);
                    tail.is_empty() || tail.starts_with([';', '.']) || tail == ","
                }
                && (i + 1 == n || t.tail(s).starts_with([';', '.']))
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
            if b & MARKER != 0
                && value_ok
                && !after_initial
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
            } else if lexicon::is_note_marker(core) && next(1) & NUMBER != 0 {
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
        // name heads
        for i in 0..n {
            let t = self.toks[i];
            let core = t.core(s);
            let b = bits[i];
            if b & INB != 0 && b & INQ == 0 {
                continue;
            }
            let next = |k: usize| bits.get(i + k).copied().unwrap_or(0);
            let tok = |k: usize| self.toks.get(i + k).copied();
            let tail = t.tail(s);
            let name = b & NAMEW != 0;
            let mut head = false;
            let mut weak = false;
            let mut with_initials = false;
            if name && tail == "," && next(1) & INITIAL != 0 {
                head = true; // Surname, I.
                with_initials = true;
            }
            if b & INITIAL != 0 && (i == 0 || bits[i - 1] & INITIAL == 0) {
                let mut k = 1;
                while k < 5 && next(k) & INITIAL != 0 {
                    k += 1;
                }
                if let Some(nt) = tok(k) {
                    if (next(k) & NAMEW != 0 || nt.core(s).contains('’'))
                        && !nt.tail(s).starts_with('.')
                    {
                        head = true; // I. Surname
                    }
                }
            }
            if core.contains('/')
                && core.split('/').filter(|p| !p.is_empty()).all(is_name_word)
                && core.split('/').count() >= 2
            {
                head = true; // Feest/Blankenburg
            }
            let bare_year =
                |k: usize| next(k) & YEAR != 0 && tok(k).is_some_and(|t| t.head(s).is_empty());
            if name && next(1) & YEAR != 0 && !tail.contains([';', ':', '.']) {
                if tail.is_empty() && bare_year(1) {
                    head = true; // Geiger 1964
                } else {
                    weak = true; // Black, 1973 / Smith (1990) (or London, 1961)
                }
            }
            if name
                && tail.is_empty()
                && next(1) & NAMEW != 0
                && tok(1).is_some_and(|nt| nt.tail(s).is_empty())
                && bare_year(2)
            {
                head = true; // Bender Schumacher 1980
            }
            if name && tail == "," {
                if let Some(nt) = tok(1) {
                    let ntail = nt.tail(s);
                    let conj = tok(2)
                        .is_some_and(|t| matches!(t.core(s), "und" | "and" | "&" | "et" | "e"));
                    if next(1) & NAMEW != 0
                        && (ntail.starts_with([',', '.', ':'])
                            || next(2) & YEAR != 0
                            || (ntail.is_empty() && conj))
                    {
                        weak = true; // Bender, Rolf, / Taylor, Origins,
                    }
                    if next(1) & (SHORTMARK | IBID) != 0
                        || nt.core(s) == "op"
                        || nt.core(s) == "loc"
                    {
                        head = true; // Collier, op. cit.
                    }
                }
                // a short title then a locator or "cit.": "Weinberg, Foreign Policy, p. 130",
                // "Chabod, Storia cit., p. 15", "Watt, How War Came, pp. 164–9"
                let mut k = 1;
                while k <= 8 {
                    let Some(tk) = tok(k) else { break };
                    let bk = next(k);
                    if bk & (SHORTMARK | IBID) != 0 || tk.core(s) == "op" || tk.core(s) == "loc" {
                        head = k > 1 || head;
                        break;
                    }
                    let word = bk & (CAP | NAMEW) != 0
                        || (bk & LOWER != 0 && bk & (PROSE | LC) == 0 && k > 1);
                    if !word || bk & (INB | YEAR | NUMBER) != 0 {
                        break;
                    }
                    if tk.tail(s) == "," {
                        let after = next(k + 1);
                        if after & (LOC | SHORTMARK | BARE_PAGE) != 0
                            || tok(k + 1).is_some_and(|t| matches!(t.core(s), "op" | "loc"))
                        {
                            head = true;
                        }
                        break;
                    }
                    k += 1;
                }
            }
            // "Self, R. (ed.)", "Dilks (ed.)", "Meier (Hg.)"
            if name
                && tok(1).is_some_and(|nt| {
                    nt.head(s).starts_with('(')
                        && matches!(
                            nt.core(s),
                            "ed" | "eds" | "Hg" | "Hrsg" | "Hgg" | "éd" | "dir" | "a cura di"
                        )
                })
            {
                head = true;
            }
            // "Heidegger M., 1927", "Blom M R, Beker M G", "Naurois M. & Rolland L."
            if name && tail.is_empty() && next(1) & INITIAL != 0 {
                let mut k = 1;
                while k < 4
                    && next(k + 1) & INITIAL != 0
                    && tok(k).is_some_and(|t| !t.tail(s).contains(','))
                {
                    k += 1;
                }
                let after = tok(k + 1).map_or("", |t| t.core(s));
                if tok(k).is_some_and(|t| t.tail(s).starts_with(','))
                    || matches!(after, "and" | "&" | "und" | "et")
                    || tok(k + 1).is_some_and(|t| t.text(s) == "&")
                {
                    head = true;
                    with_initials = true;
                }
            }
            // "Fernand Braudel, La Méditerranée …", "Mario Rossi, Storia …"
            if name
                && tail.is_empty()
                && (i == 0 || bits[i - 1] & (CAP | INITIAL) == 0)
                && next(1) & NAMEW != 0
                && tok(1).is_some_and(|nt| nt.tail(s) == ",")
            {
                weak = true;
            }
            // a particle before a name: "de Naurois M.", "van Creveld, M."
            if with_initials
                && i > 0
                && matches!(
                    self.toks[i - 1].core(s),
                    "de" | "van"
                        | "von"
                        | "di"
                        | "da"
                        | "du"
                        | "del"
                        | "della"
                        | "le"
                        | "la"
                        | "ten"
                        | "ter"
                        | "zu"
                        | "dos"
                        | "das"
                        | "al"
                        | "el"
                        | "vanden"
                        | "van der"
                        | "den"
                        | "der"
                )
                && self.toks[i - 1].tail(s).is_empty()
            {
                bits[i - 1] |= NAME_HEAD;
            }
            if head {
                bits[i] |= NAME_HEAD;
            } else if weak {
                bits[i] |= WEAK_HEAD;
            }
        }
        // a title alone before a page: "… at Nature of the Book, 10–11"
        for i in 0..n {
            let t = self.toks[i];
            if !(t.tail(s) == "," && bits[i] & (CAP | NAMEW) != 0 && bits[i] & INB == 0) {
                continue;
            }
            if bits.get(i + 1).is_none_or(|b| b & (BARE_PAGE | LOC) == 0) {
                continue;
            }
            let mut start = i;
            let mut k = i;
            while k > 0 && i - k < 8 {
                let p = k - 1;
                let pt = self.toks[p];
                if !pt.tail(s).is_empty() || bits[p] & INB != 0 {
                    break;
                }
                let low = self.lower.get(pt.cs..pt.ce).unwrap_or("");
                if bits[p] & CAP != 0 && bits[p] & (PROSE | IBID) == 0 {
                    start = p;
                } else if !lexicon::is_function_word(low) {
                    break;
                }
                k = p;
            }
            if bits[start] & HEAD == 0 {
                bits[start] |= WEAK_HEAD;
            }
        }
        self.bits = bits;
        self.wf = wf;
    }

    /// Start of the capitalised run that ends just before token `i` (a case
    /// name before "v", a statute name before "Act").
    fn run_start(&self, bits: &[u64], i: usize, limit: usize) -> Option<usize> {
        let s = self.s;
        let mut start = None;
        let mut j = i;
        let mut steps = 0;
        while j > 0 && steps < limit {
            let k = j - 1;
            let t = self.toks[k];
            let core = t.core(s);
            let tail = t.tail(s);
            let cap = bits[k] & (CAP | INITIAL) != 0;
            let joiner = matches!(
                core,
                "of" | "for"
                    | "and"
                    | "&"
                    | "on"
                    | "de"
                    | "von"
                    | "zur"
                    | "zum"
                    | "des"
                    | "der"
                    | "plc"
                    | "ltd"
                    | "v"
                    | "vs"
            ) || core.is_empty() && t.text(s) == "&";
            if k + 1 < i && tail.contains([',', ';', ':']) {
                break;
            }
            if k + 1 < i
                && tail.ends_with('.')
                && bits[k] & INITIAL == 0
                && !lexicon::is_nonterminal_abbrev(core)
            {
                break;
            }
            if cap {
                let low = Lower::new(core);
                if lexicon::is_cue(core, t.dot(s))
                    || lexicon::is_prose_marker(low.as_str())
                    || matches!(
                        low.as_str(),
                        "for" | "in" | "on" | "see" | "under" | "the" | "by" | "as" | "this"
                    )
                    || lexicon::is_cue_filler(core)
                {
                    break;
                }
                start = Some(k);
            } else if !joiner {
                break;
            }
            j = k;
            steps += 1;
        }
        start
    }

    fn compute_tables(&mut self) {
        let n = self.toks.len();
        let mut prefix = Vec::with_capacity(n + 1);
        let mut acc = [0u16; SLOTS];
        prefix.push(acc);
        for i in 0..n {
            let b = self.bits[i];
            let mut add = |slot: usize, v: u16| acc[slot] = acc[slot].saturating_add(v);
            if b & YEAR != 0 {
                add(C_YEAR, 1);
            }
            if b & PAREN_YEAR != 0 {
                add(C_PYEAR, 1);
            }
            if b & (LOC | BARE_PAGE) != 0 {
                add(C_LOC, 1);
            }
            if b & QUOTE_OPEN != 0 {
                add(C_QUOTE, 1);
            }
            if b & (NAME_HEAD | WEAK_HEAD | RUN_HEAD) != 0 {
                add(C_NAME, 1);
            }
            if b & ED != 0 {
                add(C_ED, 1);
            }
            if b & SHELF != 0 {
                add(C_SHELF, 1);
            }
            if b & LAW != 0 {
                add(C_LAW, 1);
            }
            if b & URL != 0 {
                add(C_URL, 1);
            }
            if b & (IBID | SHORTMARK | XREF | SAME_AUTHOR) != 0 {
                add(C_BACK, 1);
            }
            if b & DATE != 0 {
                add(C_DATE, 1);
            }
            if b & NOTEREF != 0 {
                add(C_NOTEREF, 1);
            }
            if b & ABBR_CIT != 0 {
                add(C_ABBR, 1);
            }
            if b & PROSE != 0 {
                add(C_PROSE, 2);
                add(C_MARK, 1);
            } else if b & LC != 0 {
                add(C_PROSE, 1);
                add(C_LC, 1);
            }
            if b & FEATURE != 0 {
                add(C_FEAT, 1);
            }
            if b & (LOWER | CAP) != 0 && b & LOWER != 0 {
                add(C_LOWER, 1);
            }
            prefix.push(acc);
        }
        let mut next_head = vec![n as u32; n + 1];
        for i in (0..n).rev() {
            next_head[i] = if self.bits[i] & HEAD != 0 {
                i as u32
            } else {
                next_head[i + 1]
            };
        }
        self.prefix = prefix;
        self.next_head = next_head;
    }

    fn count(&self, a: usize, b: usize, slot: usize) -> u32 {
        let b = b.min(self.toks.len());
        if a >= b {
            return 0;
        }
        u32::from(self.prefix[b][slot] - self.prefix[a][slot])
    }

    /// Prose evidence of tokens `a..b`: 2 per prose marker, 1 per lower-case
    /// content word, outside quotes.
    pub(crate) fn prose_strength(&self, a: usize, b: usize) -> u32 {
        self.count(a, b, C_PROSE)
    }

    /// Prose markers (verbs, pronouns, conjunctions) in `a..b`, outside quotes.
    pub(crate) fn markers(&self, a: usize, b: usize) -> u32 {
        self.count(a, b, C_MARK)
    }

    /// True when `a..b` reads as running prose: prose markers, or many
    /// lower-case content words (titles in sentence case have some, too).
    pub(crate) fn is_prose(&self, a: usize, b: usize) -> bool {
        (self.markers(a, b) >= 1 && self.prose_strength(a, b) >= 4) || self.count(a, b, C_LC) >= 14
    }

    /// Number of citation features in `a..b`.
    pub(crate) fn features(&self, a: usize, b: usize) -> u32 {
        self.count(a, b, C_FEAT)
    }

    /// First head token in `a..b`.
    pub(crate) fn first_head(&self, a: usize, b: usize) -> Option<usize> {
        let h = *self.next_head.get(a)? as usize;
        (h < b).then_some(h)
    }

    /// Citation evidence of tokens `a..b` (before prose penalties).
    pub(crate) fn evidence(&self, a: usize, b: usize) -> f32 {
        let c = |slot| self.count(a, b, slot) as f32;
        let (from, to) = (
            self.toks.get(a).map_or(0, |t| t.start),
            self.toks.get(b.saturating_sub(1)).map_or(0, |t| t.end),
        );
        let defines = self
            .defs
            .iter()
            .any(|d| d.range.start >= from && d.range.start < to);
        1.5 * c(C_YEAR).min(2.0)
            + c(C_PYEAR).min(1.0)
            + 1.5 * c(C_LOC).min(2.0)
            + 1.5 * c(C_QUOTE).min(1.0)
            + 1.5 * c(C_NAME).min(1.0)
            + c(C_ED).min(1.0)
            + 2.0 * c(C_SHELF).min(1.0)
            + 1.5 * c(C_LAW).min(2.0)
            + 3.0 * c(C_URL).min(1.0)
            + 3.0 * c(C_BACK).min(1.0)
            + c(C_DATE).min(1.0)
            + 1.5 * c(C_NOTEREF).min(1.0)
            + 1.5 * c(C_ABBR).min(1.0)
            + if defines { 1.5 } else { 0.0 }
    }

    /// Citation-likeness of `a..b`.
    pub(crate) fn score(&self, a: usize, b: usize) -> f32 {
        if a >= b {
            return f32::MIN;
        }
        let mut s = self.evidence(a, b)
            - 1.2 * self.markers(a, b) as f32
            - 0.1 * self.count(a, b, C_LC) as f32;
        let first = self.bits[a];
        if first & LOWER != 0
            && first & (IBID | SHORTMARK | XREF | NOTEREF | MARKER | ED | NAME_HEAD | WEAK_HEAD)
                == 0
        {
            let low = Lower::new(self.core(a));
            if !lexicon::is_citation_word(low.as_str()) {
                s -= 1.0;
            }
        }
        s
    }

    /// True when a citation ending with token `b - 1` may be complete
    /// (it ends with a number, a closing bracket or quote, "ibid.", "ff.").
    pub(crate) fn complete(&self, a: usize, b: usize) -> bool {
        if b == 0 || a >= b {
            return false;
        }
        let i = b - 1;
        let bits = self.bits[i];
        if bits & (NUMBER | YEAR | ROMAN | IBID | SHORTMARK | URL | CLOSES | SHELF) != 0 {
            return true;
        }
        let t = self.toks[i];
        if t.tail(self.s).contains(['’', '”', '»', '“', '"', ')', ']']) {
            return true;
        }
        let core = self.core(i);
        lexicon::is_terminal_abbrev(core) && t.dot(self.s)
    }

    /// True when token `i` starts a new citation (a name, a quoted title,
    /// "Ibid.", a case, a law report, an abbreviation, a cross-reference).
    pub(crate) fn starts_new(&self, i: usize) -> bool {
        let Some(&b) = self.bits.get(i) else {
            return false;
        };
        if b & (STRONG_HEAD | LAW | XREF | NOTEREF) != 0 {
            return true;
        }
        b & ABBR != 0 && self.has(i + 1, NUMBER | ROMAN | YEAR | LOC | MARKER | SHELF)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bits_of(s: &str, word: &str) -> u64 {
        let a = Analysis::new(s);
        let i = a
            .toks
            .iter()
            .position(|t| t.text(s) == word)
            .unwrap_or_else(|| panic!("no token {word}"));
        a.bits[i]
    }

    #[test]
    fn years_numbers_locators() {
        let s = "Taylor, A. J. P., The Origins (London, 1961), p. 88; 1990s pp. 12–15 S.82 §3";
        assert_ne!(bits_of(s, "1961),") & YEAR, 0);
        assert_ne!(bits_of(s, "1961),") & PAREN_YEAR, 0);
        assert_eq!(bits_of(s, "1990s") & YEAR, 0);
        assert_ne!(bits_of(s, "p.") & LOC, 0);
        assert_ne!(bits_of(s, "pp.") & LOC, 0);
        assert_ne!(bits_of(s, "S.82") & LOC, 0);
        assert_ne!(bits_of(s, "Taylor,") & NAME_HEAD, 0);
        assert_ne!(bits_of(s, "A.") & INITIAL, 0);
        assert_eq!(bits_of(s, "The") & NAME_HEAD, 0);
    }

    #[test]
    fn heads() {
        let s = "as argued by A. J. P. Taylor and Feest/Blankenburg, 1972 and Geiger 1964";
        assert_ne!(bits_of(s, "A.") & NAME_HEAD, 0);
        assert_eq!(bits_of(s, "J.") & NAME_HEAD, 0);
        assert_ne!(bits_of(s, "Feest/Blankenburg,") & NAME_HEAD, 0);
        assert_ne!(bits_of(s, "Geiger") & NAME_HEAD, 0);
        assert_ne!(bits_of(s, "argued") & PROSE, 0);
        let s = "For example, Law Reform (Miscellaneous Provisions) Act 1970 (U.K.)";
        assert_ne!(bits_of(s, "Law") & RUN_HEAD, 0);
        let s = "see Barclays Bank v. O’Brien [1994] 1 A.C. 180";
        assert_ne!(bits_of(s, "Barclays") & RUN_HEAD, 0);
        assert_ne!(bits_of(s, "[1994]") & LAW, 0);
    }

    #[test]
    fn archive_and_backrefs() {
        let s = "Smith to Jones, 4 May 1925, FO 371/12345; Ibid.; Rossi, Storia cit., p. 5";
        assert_ne!(bits_of(s, "FO") & SHELF, 0);
        assert_ne!(bits_of(s, "371/12345;") & SHELF, 0);
        assert_ne!(bits_of(s, "May") & DATE, 0);
        assert_ne!(bits_of(s, "Ibid.;") & IBID, 0);
        assert_ne!(bits_of(s, "cit.,") & SHORTMARK, 0);
    }

    #[test]
    fn scores_separate_prose_from_citations() {
        let cite = "Taylor, A. J. P., The Origins of the Second World War (London, 1961), p. 88";
        let a = Analysis::new(cite);
        assert!(a.score(0, a.len()) > 4.0);
        let prose = "The author would like to thank the staff of the archive for their help";
        let a = Analysis::new(prose);
        assert!(a.score(0, a.len()) < 0.0);
        assert!(a.is_prose(0, a.len()));
    }
}
