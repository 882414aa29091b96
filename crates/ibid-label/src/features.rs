//! Token features: every attribute is a `u64` hash (no strings are built).
//!
//! Per token: the lower-cased word, two word shapes (runs collapsed, and runs
//! capped at four: `Xx`/`Xxxxx`, `d`/`dddd`), case, prefix and suffixes,
//! number properties (year-like 1400–2099, year with letter, roman numeral,
//! ordinal, digit count through the shape), punctuation kind, position in
//! the citation (from the start, from the end, decile), bracket and quote
//! state (inside ( ), [ ], ‘ ’, “ ”, « », „ “, "…"), word-list classes
//! (given names, months, places, publisher and journal words, page, volume,
//! issue, editor, edition, translator, archive and law-report markers, …),
//! what came before (commas and full stops so far, a year seen, "in" seen, a
//! quotation closed), and the words, shapes and classes of the neighbours
//! −2..+2 with two word bigrams.

use crate::dict::{self, lower_hash, Dict};
use crate::token::{Token, TokenKind};
use ibid_crf::{combine, AttrHasher, AttrSeq};
use ibid_model::text::{canonical_roman, RomanRules};

// attribute kinds (hash tags)
const T_BIAS: u64 = 100;
const T_WORD: u64 = 101;
const T_SHAPE: u64 = 102;
const T_LSHAPE: u64 = 103;
const T_PRE3: u64 = 104;
const T_SUF3: u64 = 105;
const T_SUF2: u64 = 106;
const T_PROP: u64 = 107;
const T_DICT: u64 = 108;
const T_PUNCT: u64 = 109;
const T_LEN: u64 = 110;
const T_POS: u64 = 111;
const T_POS_END: u64 = 112;
const T_DECILE: u64 = 113;
const T_BRACKET: u64 = 114;
const T_COMMAS: u64 = 115;
const T_STOPS: u64 = 116;
const T_CTX: u64 = 117;
const T_NB_WORD: u64 = 118;
const T_NB_SHAPE: u64 = 119;
const T_NB_DICT: u64 = 120;
const T_BIGRAM_L: u64 = 121;
const T_BIGRAM_R: u64 = 122;
const T_NB_PROP: u64 = 123;
const T_STATE_SHAPE: u64 = 124;

/// `combine(tag, i)` for every `i < N`, computed at compile time: the
/// attributes whose value is a small number are table look-ups.
const fn table<const N: usize>(tag: u64) -> [u64; N] {
    let mut t = [0; N];
    let mut i = 0;
    while i < N {
        t[i] = combine(tag, i as u64);
        i += 1;
    }
    t
}

/// `combine(combine(tag, d), i)`: per neighbour offset `d` (0..5 for
/// −2..+2), a table for `i < 32`.
const fn offset_tables(tag: u64) -> [[u64; 32]; 5] {
    let mut t = [[0; 32]; 5];
    let mut d = 0;
    while d < 5 {
        t[d] = table(combine(tag, d as u64));
        d += 1;
    }
    t
}

const BIAS: u64 = combine(T_BIAS, 0);
const NB_DICT: [[u64; 32]; 5] = offset_tables(T_NB_DICT);
/// The properties a neighbour's attributes report, and their hashes per offset
/// (the attribute's value is the property's flag).
const NB_PROPS: [u32; 5] = [YEAR, ROMAN, SINGLE_LETTER, DOT_AFTER, NUMBER];
const NB_PROP: [[u64; 5]; 5] = {
    let mut t = [[0; 5]; 5];
    let mut d = 0;
    while d < 5 {
        let mut k = 0;
        while k < 5 {
            t[d][k] = combine(combine(T_NB_PROP, d as u64), NB_PROPS[k] as u64);
            k += 1;
        }
        d += 1;
    }
    t
};
const PROP: [u64; 32] = table(T_PROP);
const DICT: [u64; 32] = table(T_DICT);
const PUNCT: [u64; 16] = table(T_PUNCT);
const LEN: [u64; 10] = table(T_LEN);
const POS: [u64; 11] = table(T_POS);
const POS_END: [u64; 11] = table(T_POS_END);
const DECILE: [u64; 10] = table(T_DECILE);
const BRACKET: [u64; 8] = table(T_BRACKET);
const COMMAS: [u64; 6] = table(T_COMMAS);
const STOPS: [u64; 5] = table(T_STOPS);
const CTX: [u64; 16] = table(T_CTX);
const _: () = assert!(dict::NUM_CLASSES <= 32 && NUM_PROPS <= 32 && YEAR_OCR < 1 << 31);

// token properties
const CAP_INIT: u32 = 1 << 0;
const ALL_CAPS: u32 = 1 << 1;
const ALL_LOWER: u32 = 1 << 2;
const MIXED_CASE: u32 = 1 << 3;
const HAS_DIGIT: u32 = 1 << 4;
const YEAR: u32 = 1 << 5;
const YEAR_LETTER: u32 = 1 << 6;
const ROMAN: u32 = 1 << 7;
const ORDINAL: u32 = 1 << 8;
const SINGLE_LETTER: u32 = 1 << 9;
const DOT_AFTER: u32 = 1 << 10;
const SPACE_BEFORE: u32 = 1 << 11;
const URL: u32 = 1 << 12;
const DOI: u32 = 1 << 13;
const NUMBER: u32 = 1 << 14;
const NO_SPACE_AFTER: u32 = 1 << 15;
const YEAR_OCR: u32 = 1 << 16;
const NUM_PROPS: u32 = 17;

/// Punctuation classes.
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum P {
    Period = 1,
    Comma,
    Colon,
    Semicolon,
    Dash,
    OpenParen,
    CloseParen,
    OpenSquare,
    CloseSquare,
    OpenQuote,
    CloseQuote,
    StraightQuote,
    Slash,
    Other,
}

fn punct_class(c: char) -> P {
    match c {
        '.' => P::Period,
        ',' => P::Comma,
        ':' => P::Colon,
        ';' => P::Semicolon,
        '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' => P::Dash,
        '(' | '{' => P::OpenParen,
        ')' | '}' => P::CloseParen,
        '[' => P::OpenSquare,
        ']' => P::CloseSquare,
        '‘' | '“' | '„' | '‚' | '«' | '‹' => P::OpenQuote,
        '’' | '”' | '»' | '›' => P::CloseQuote,
        '"' | '\'' => P::StraightQuote,
        '/' => P::Slash,
        _ => P::Other,
    }
}

/// Per-token facts computed once and read by the token and its neighbours.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TokInfo {
    word: u64,
    shape: u64,
    long_shape: u64,
    pre3: u64,
    suf3: u64,
    suf2: u64,
    dict: u32,
    props: u32,
    punct: u8,
    len: u8,
    /// bracket/quote state bits: 1 paren, 2 square, 4 quote
    state: u8,
}

/// The roman numerals the labeller's ROMAN property counts: the usual
/// spelling, all upper- or all lower-case, up to 12 letters, 1 to 4000
/// ("MMMM" included). The trained model saw exactly these.
const ROMAN_RULES: RomanRules = RomanRules {
    max_len: 12,
    max_value: 4000,
    ..RomanRules::STANDARD
};

/// True for a well-formed roman numeral (canonical spelling, one case).
fn is_roman(s: &str) -> bool {
    canonical_roman(s, ROMAN_RULES).is_some()
}

fn char_class(c: char) -> char {
    if c.is_ascii_digit() {
        'd'
    } else if c.is_uppercase() {
        'X'
    } else if c.is_alphabetic() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

fn hash_lower_chars(tag: u64, it: impl Iterator<Item = char>) -> u64 {
    let mut h = AttrHasher::new(tag);
    for c in it {
        for l in c.to_lowercase() {
            h.write_char(l);
        }
    }
    h.finish()
}

fn token_info(text: &str, tok: &Token, next: Option<&Token>, dict: &Dict) -> TokInfo {
    let s = &text[tok.range.clone()];
    let mut info = TokInfo {
        word: lower_hash(s),
        ..TokInfo::default()
    };
    let mut shape = AttrHasher::new(T_SHAPE);
    let mut long = AttrHasher::new(T_LSHAPE);
    let (mut last, mut run) = ('\0', 0usize);
    let (mut upper, mut lower, mut digits, mut n) = (0usize, 0usize, 0usize, 0usize);
    for c in s.chars().take(64) {
        let k = char_class(c);
        if k == last {
            run += 1;
        } else {
            shape.write_char(k);
            run = 1;
            last = k;
        }
        if run <= 4 {
            long.write_char(k);
        }
        match k {
            'X' => upper += 1,
            'x' => lower += 1,
            'd' => digits += 1,
            _ => {}
        }
        n += 1;
    }
    info.shape = shape.finish();
    info.long_shape = long.finish();
    info.len = n.min(255) as u8;
    let mut props = 0;
    if tok.space_before {
        props |= SPACE_BEFORE;
    }
    if next.is_some_and(|nx| nx.range.start == tok.range.end && &text[nx.range.clone()] == ".") {
        props |= DOT_AFTER;
    }
    if next.is_some_and(|nx| nx.range.start == tok.range.end) {
        props |= NO_SPACE_AFTER;
    }
    match tok.kind {
        TokenKind::Punct => {
            let c = s.chars().next().unwrap_or(' ');
            info.punct = punct_class(c) as u8;
        }
        TokenKind::Url => {
            props |= URL;
            if s.contains("10.") && !s.starts_with("www") {
                props |= DOI;
            }
        }
        TokenKind::Number => {
            props |= NUMBER | HAS_DIGIT;
            if n == 4 {
                if let Ok(y) = s.parse::<u32>() {
                    if (1400..=2099).contains(&y) {
                        props |= YEAR;
                    }
                }
            }
        }
        TokenKind::Word => {
            if digits > 0 {
                props |= HAS_DIGIT;
                let b = s.as_bytes();
                if b.len() == 5
                    && b[..4].iter().all(u8::is_ascii_digit)
                    && b[4].is_ascii_lowercase()
                {
                    props |= YEAR_LETTER;
                }
                let lead = b.iter().take_while(|c| c.is_ascii_digit()).count();
                if lead > 0 && lead < b.len() {
                    let suf = &s[lead..];
                    if matches!(
                        suf,
                        "st" | "nd"
                            | "rd"
                            | "th"
                            | "d"
                            | "e"
                            | "er"
                            | "re"
                            | "ème"
                            | "a"
                            | "o"
                            | "°"
                            | "ª"
                            | "º"
                    ) {
                        props |= ORDINAL;
                    }
                }
            } else if upper == n && n > 0 {
                props |= ALL_CAPS;
            } else if lower == n {
                props |= ALL_LOWER;
            } else if upper == 1 && s.chars().next().is_some_and(char::is_uppercase) {
                props |= CAP_INIT;
            } else {
                props |= MIXED_CASE;
            }
            if n == 1 {
                props |= SINGLE_LETTER;
            }
            // an OCR-damaged year: "I960", "l985", "19O2"
            let b = s.as_bytes();
            if b.len() == 4
                && matches!(b[0], b'1' | b'I' | b'l')
                && b[1..]
                    .iter()
                    .all(|c| c.is_ascii_digit() || matches!(c, b'O' | b'o' | b'l' | b'I'))
                && b.iter().filter(|c| c.is_ascii_digit()).count() >= 2
            {
                props |= YEAR_OCR;
            }
            if is_roman(s) && (n > 1 || s.chars().all(|c| c.is_ascii_uppercase())) {
                props |= ROMAN;
            }
            if n >= 4 {
                info.pre3 = hash_lower_chars(T_PRE3, s.chars().take(3));
                let mut tail = [' '; 3];
                for (i, c) in s.chars().rev().take(3).enumerate() {
                    tail[2 - i] = c;
                }
                info.suf3 = hash_lower_chars(T_SUF3, tail.iter().copied());
                info.suf2 = hash_lower_chars(T_SUF2, tail[1..].iter().copied());
            }
        }
    }
    info.props = props;
    info.dict = if tok.kind == TokenKind::Word {
        dict.flags(info.word)
    } else {
        0
    };
    info
}

/// The indices of the set bits of `x`, in ascending order.
#[inline]
fn set_bits(mut x: u32) -> impl Iterator<Item = u32> {
    std::iter::from_fn(move || {
        if x == 0 {
            return None;
        }
        let b = x.trailing_zeros();
        x &= x - 1;
        Some(b)
    })
}

fn bucket_pos(t: usize) -> usize {
    match t {
        0..=5 => t,
        6..=8 => 6,
        9..=12 => 7,
        13..=20 => 8,
        21..=40 => 9,
        _ => 10,
    }
}

/// What a token is, for its transition class: its punctuation class (1 to
/// 14; a full stop after an initial or abbreviation 15), or a capitalised
/// word 16, a lower-case word 17, a number or word with digits 18.
fn kind_of(infos: &[TokInfo], t: usize) -> u8 {
    let i = &infos[t];
    if i.punct == P::Period as u8
        && t > 0
        && (infos[t - 1].props & SINGLE_LETTER != 0 || infos[t - 1].dict & dict::ABBREV != 0)
    {
        15
    } else if i.punct != 0 {
        i.punct
    } else if i.props & HAS_DIGIT != 0 {
        18
    } else if i.props & ALL_LOWER != 0 {
        17
    } else {
        16
    }
}

/// The transition class of a token of kind `kind` ([`kind_of`]) after
/// one of kind `before` (`None` for the first token, class 0): what the
/// token before it is, and whether this one is punctuation, a capitalised
/// word, a lower-case word or a number. The CRF weighs the change of label
/// into the token by this class's matrix: after a comma a title may give
/// way to a place, after an initial's full stop a name goes on.
fn transition_class(before: Option<u8>, kind: u8) -> u8 {
    const _: () = assert!(MAX_CLASS == 1 + (18 - 1) * 4 + 3);
    let Some(before) = before else {
        return 0;
    };
    let cur = match kind {
        16 => 1,
        17 => 2,
        18 => 3,
        _ => 0,
    };
    1 + (before - 1) * 4 + cur
}

/// The largest transition class ([`transition_class`]).
pub(crate) const MAX_CLASS: u8 = 72;

/// Computes every token's attributes into `seq` (cleared first), and with
/// `classes` their transition classes ([`transition_class`]; a model with
/// one transition matrix has no use for them).
pub(crate) fn extract(
    text: &str,
    tokens: &[Token],
    dict: &Dict,
    infos: &mut Vec<TokInfo>,
    seq: &mut AttrSeq,
    classes: bool,
) {
    seq.clear();
    infos.clear();
    let n = tokens.len();
    // pass 1: token facts and bracket/quote state
    let (mut paren, mut square, mut straight) = (0i32, 0i32, false);
    // open quotation marks (a small stack: „ is closed by “, ‚ by ‘)
    let mut quotes = ['\0'; 8];
    let mut depth = 0usize;
    for (t, tok) in tokens.iter().enumerate() {
        let mut info = token_info(text, tok, tokens.get(t + 1), dict);
        let p = info.punct;
        let c = if p != 0 {
            text[tok.range.clone()].chars().next().unwrap_or(' ')
        } else {
            ' '
        };
        let top = if depth > 0 {
            quotes[(depth - 1).min(7)]
        } else {
            '\0'
        };
        let closes_quote = match c {
            '’' | '”' | '»' | '›' => depth > 0,
            '“' => top == '„',
            '‘' => top == '‚',
            _ => false,
        };
        if closes_quote {
            info.punct = P::CloseQuote as u8;
        }
        let p = info.punct;
        // an opening or closing mark counts as inside
        if p == P::OpenParen as u8 {
            paren += 1;
        } else if p == P::OpenSquare as u8 {
            square += 1;
        } else if p == P::OpenQuote as u8 {
            if depth < 8 {
                quotes[depth] = c;
            }
            depth += 1;
        } else if c == '"' {
            straight = !straight;
        }
        let inside_quote = depth > 0 || straight || c == '"';
        info.state =
            u8::from(paren > 0) | (u8::from(square > 0) << 1) | (u8::from(inside_quote) << 2);
        if p == P::CloseParen as u8 {
            paren = (paren - 1).max(0);
        } else if p == P::CloseSquare as u8 {
            square = (square - 1).max(0);
        } else if p == P::CloseQuote as u8 {
            // ’ is also an apostrophe: it closes only an open quotation
            if depth > 0 {
                depth -= 1;
            } else {
                info.state &= !4;
            }
        }
        infos.push(info);
    }
    // pass 2: attributes
    // the kind of the token before, for the transition classes
    let mut kind_before: Option<u8> = None;
    let (mut commas, mut stops, mut year_seen, mut in_seen, mut quote_closed, mut colon_seen) =
        (0u64, 0u64, false, false, false, false);
    let boundary = |d: i64| -> u64 {
        if d < 0 {
            0xB05
        } else {
            0xE05
        }
    };
    for t in 0..n {
        let i = infos[t];
        seq.push(BIAS);
        seq.push(combine(T_WORD, i.word));
        seq.push(i.shape);
        seq.push(i.long_shape);
        if i.pre3 != 0 {
            seq.push(i.pre3);
            seq.push(i.suf3);
            seq.push(i.suf2);
        }
        for b in set_bits(i.props & ((1 << NUM_PROPS) - 1)) {
            seq.push(PROP[b as usize]);
        }
        for b in set_bits(i.dict & ((1 << dict::NUM_CLASSES) - 1)) {
            seq.push(DICT[b as usize]);
        }
        if i.punct != 0 {
            seq.push(PUNCT[usize::from(i.punct) & 15]);
        }
        seq.push(LEN[usize::from(i.len.min(9))]);
        seq.push(POS[bucket_pos(t)]);
        seq.push(POS_END[bucket_pos(n - 1 - t)]);
        seq.push(DECILE[(t * 10 / n.max(1)).min(9)]);
        seq.push(BRACKET[usize::from(i.state) & 7]);
        seq.push(combine(T_STATE_SHAPE, combine(u64::from(i.state), i.shape)));
        seq.push(COMMAS[commas.min(5) as usize]);
        seq.push(STOPS[stops.min(4) as usize]);
        let ctx = u64::from(year_seen)
            | u64::from(in_seen) << 1
            | u64::from(quote_closed) << 2
            | u64::from(colon_seen) << 3;
        seq.push(CTX[ctx as usize]);
        for d in [-2i64, -1, 1, 2] {
            let j = t as i64 + d;
            let (w, s, dflags, props) = if j < 0 || j >= n as i64 {
                (boundary(d), boundary(d), 0, 0)
            } else {
                let o = &infos[j as usize];
                (o.word, o.shape, o.dict, o.props)
            };
            let dd = (d + 2) as u64;
            seq.push(combine(combine(T_NB_WORD, dd), w));
            seq.push(combine(combine(T_NB_SHAPE, dd), s));
            if d.abs() == 1 {
                for b in set_bits(dflags & ((1 << dict::NUM_CLASSES) - 1)) {
                    seq.push(NB_DICT[dd as usize][b as usize]);
                }
                for (k, b) in NB_PROPS.into_iter().enumerate() {
                    if props & b != 0 {
                        seq.push(NB_PROP[dd as usize][k]);
                    }
                }
            }
        }
        let prev = if t > 0 {
            infos[t - 1].word
        } else {
            boundary(-1)
        };
        let next = if t + 1 < n {
            infos[t + 1].word
        } else {
            boundary(1)
        };
        seq.push(combine(T_BIGRAM_L, combine(prev, i.word)));
        seq.push(combine(T_BIGRAM_R, combine(i.word, next)));
        if classes {
            // each token's kind is read once, and kept for the next
            let kind = kind_of(infos, t);
            seq.end_item_in(transition_class(kind_before, kind));
            kind_before = Some(kind);
        } else {
            seq.end_item();
        }
        // update the running context with this token
        let p = i.punct;
        if p == P::Comma as u8 {
            commas += 1;
        } else if p == P::Period as u8 {
            let abbrev = t > 0 && {
                let pi = &infos[t - 1];
                pi.props & SINGLE_LETTER != 0 || pi.dict & dict::ABBREV != 0
            };
            if !abbrev {
                stops += 1;
            }
        } else if p == P::Colon as u8 {
            colon_seen = true;
        } else if p == P::CloseQuote as u8 && i.state & 4 != 0 {
            quote_closed = true;
        }
        if i.props & (YEAR | YEAR_LETTER) != 0 {
            year_seen = true;
        }
        if i.dict & dict::IN != 0 {
            in_seen = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn info_of(s: &str) -> Vec<TokInfo> {
        let mut toks = Vec::new();
        tokenize(s, &mut toks);
        let mut infos = Vec::new();
        let mut seq = AttrSeq::default();
        extract(s, &toks, Dict::embedded(), &mut infos, &mut seq, false);
        assert_eq!(seq.len(), toks.len());
        infos
    }

    #[test]
    fn roman_numerals() {
        for r in ["XIV", "iv", "MCMLXXXIV", "ii", "C", "xl"] {
            assert!(is_roman(r), "{r}");
        }
        for r in ["IIII", "VX", "Xi", "ABC", "", "IC"] {
            assert!(!is_roman(r), "{r}");
        }
    }

    #[test]
    fn token_properties() {
        let i = info_of("Smith 1961 1977a XIV 2nd p. (in „Köln“) WLR");
        assert!(i[0].props & CAP_INIT != 0);
        assert!(i[1].props & YEAR != 0 && i[1].props & NUMBER != 0);
        assert!(i[2].props & YEAR_LETTER != 0);
        assert!(i[3].props & ROMAN != 0 && i[3].props & ALL_CAPS != 0);
        assert!(i[4].props & ORDINAL != 0);
        assert!(i[5].props & DOT_AFTER != 0 && i[5].dict & dict::PAGE != 0);
        // "(" opens: "in" and "Köln" are inside parentheses; Köln also in quotes
        assert_eq!(i[8].state, 1);
        assert_eq!((i[10].state, i[11].state), (5, 5));
        assert_eq!(i[11].punct, P::CloseQuote as u8);
        assert_eq!(i[12].state, 1);
        assert!(i[13].dict & dict::LAWREPORT != 0);
        assert_eq!(i[13].state, 0);
        // same word, same hash, whatever the case
        let j = info_of("smith SMITH");
        assert_eq!(j[0].word, j[1].word);
        assert_ne!(j[0].shape, j[1].shape);
    }

    #[test]
    fn transition_classes_say_what_separates_two_tokens() {
        let s = "J. Smith, Origins, London 1961.";
        let mut toks = Vec::new();
        tokenize(s, &mut toks);
        let (mut infos, mut seq) = (Vec::new(), AttrSeq::default());
        extract(s, &toks, Dict::embedded(), &mut infos, &mut seq, true);
        let kinds: Vec<u8> = (0..toks.len()).map(|t| kind_of(&infos, t)).collect();
        // J . Smith , Origins , London 1961 .
        let (comma, stop) = (P::Comma as u8, P::Period as u8);
        assert_eq!(kinds, [16, 15, 16, comma, 16, comma, 16, 18, stop]);
        let classes: Vec<u8> = (0..toks.len()).map(|t| seq.class(t)).collect();
        assert_eq!(classes[0], 0);
        // "Smith" after an initial's full stop, "London" after a comma,
        // "1961" after a word: three different classes
        let (after_initial, after_comma, after_word) = (classes[2], classes[6], classes[7]);
        assert_eq!(after_initial, 1 + (15 - 1) * 4 + 1);
        assert_eq!(after_comma, 1 + (comma - 1) * 4 + 1);
        assert_eq!(after_word, 1 + (16 - 1) * 4 + 3);
        assert!(classes.iter().all(|&c| c <= MAX_CLASS));
    }

    #[test]
    fn apostrophe_does_not_close_quotes() {
        let i = info_of("O’Brien ‘x’");
        assert_eq!(i[1].state, 0);
        assert_eq!(i[4].state & 4, 4);
    }
}
