//! Per-token features of a note and the "citation-likeness" of token ranges.
//!
//! Every feature is computed once per note; range queries (score, prose
//! strength, first head) are O(1) through prefix sums and a next-head table.

use crate::defines::{self, Def};
use crate::lexicon::{self, Lower};
use crate::tokens::{self, Pair, Tok, IN_DEFINITION};

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

impl<'a> Analysis<'a> {
    /// Analyse a one-line note text.
    pub(crate) fn new(s: &'a str) -> Self {
        let toks = tokens::tokenize(s);
        let pairs = tokens::find_pairs(s);
        let lower = crate::token_bits::lower_same_layout(s);
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

    /// The core of token `i` ("" past the end: the scanners look a token
    /// or two ahead, "et seq.").
    pub(crate) fn core(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.core(self.s))
    }

    /// The lower-cased core of token `i` ("" past the end); usable while the
    /// bits are being computed.
    pub(crate) fn low_of(&self, i: usize) -> &str {
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
    fn versus_between_names_is_no_locator() {
        assert_eq!(bits_of("R. v. L. (1991) 103 A.L.R. 577", "v.") & LOC, 0);
        assert_eq!(bits_of("Smith v. Jones (1991)", "v.") & LOC, 0);
        // the marker of a volume or a verso still is one
        assert_ne!(bits_of("Storia di Venezia, v. II, p. 3", "v.") & LOC, 0);
        assert_ne!(bits_of("ASV, Senato, reg. 12, c. 45 v. 3", "v.") & LOC, 0);
    }

    #[test]
    fn capital_of_a_cote_is_no_marker() {
        // "7 N 2345" (Service historique de la Défense) is one shelfmark
        let s = "SHD, 7 N 2345, dossier 3.";
        assert_eq!(bits_of(s, "N") & (LOC | NOTEREF), 0);
        // a note number or a number sign still is one
        assert_ne!(bits_of("Ivi, n. 4.", "n.") & NOTEREF, 0);
        assert_ne!(bits_of("AN, F7 13984, N° 12.", "N°") & LOC, 0);
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
