//! Recognising back-reference markers in a citation's own text, in the
//! languages notes are written in: "Ibid.", "ebd.", "ivi", "Id.", "Idem",
//! "ders.", "op. cit.", "a.a.O.", "cit.", "supra n. 5", "(n 5)", "oben Anm. 3",
//! "sopra, nota 2", "(hereafter cited as X)", "(im Folgenden: X)", "[X]" …
//!
//! Every scan is one pass over the citation's tokens (linear time).

use crate::fold::fold;
use crate::tokens::{char_before, starts_with_seq, Tok};
use std::ops::Range;

/// Leading signals skipped before looking for a marker.
const SIGNALS: &[&[&str]] = &[
    &["see", "also"],
    &["see", "e", "g"],
    &["see", "generally"],
    &["but", "see"],
    &["see"],
    &["cf"],
    &["compare"],
    &["contra"],
    &["accord"],
    &["e", "g"],
    &["vgl", "auch"],
    &["vgl"],
    &["siehe", "auch"],
    &["siehe"],
    &["voir", "aussi"],
    &["voir"],
    &["cfr"],
    &["vedi", "anche"],
    &["vedi"],
    &["zie", "ook"],
    &["zie"],
    &["also"],
];

/// Words that say "the same work as the previous citation".
fn is_ibid_word(t: &Tok, at_start: bool) -> bool {
    match t.norm.as_str() {
        "ibid" | "ibidem" | "ebd" | "ebda" | "ebenda" => true,
        "ib" | "ibd" | "eb" => at_start && t.dot,
        "ivi" | "tamze" | "tamtez" => at_start,
        _ => false,
    }
}

/// Words that say "the same author as the previous citation".
fn is_same_author_marker(t: &Tok, next: Option<&Tok>) -> bool {
    match t.norm.as_str() {
        "idem" | "eadem" | "eidem" | "iidem" | "eaedem" | "derselbe" | "dieselbe" | "dieselben"
        | "ders" => true,
        "id" => t.dot || next.is_some_and(|n| n.norm == "at"),
        "dies" | "ead" | "eid" | "dens" => t.dot,
        _ => false,
    }
}

/// "op. cit." and its relatives.
const OP_CIT: &[&[&str]] = &[
    &["op", "cit"],
    &["opus", "citatum"],
    &["op", "laud"],
    &["loc", "cit"],
    &["loco", "citato"],
    &["a", "a", "o"],
    &["aao"],
    &["ob", "cit"],
    &["obra", "citada"],
    &["ouvr", "cit"],
    &["ouv", "cit"],
    &["art", "cit"],
    &["t", "a", "p"],
    &["a", "w"],
    &["dz", "cyt"],
    &["указ", "соч"],
    &["cit"],
    &["supra"],
];

/// Words before a note pointer that make it a cross-reference.
fn context_direction(w: &str) -> Option<Direction> {
    Some(match w {
        "supra" | "above" | "cited" | "cit" | "oben" | "sopra" | "retro" | "ante" | "dessus"
        | "see" | "vgl" | "cfr" | "voir" | "siehe" | "cf" | "earlier" | "previous" | "citata"
        | "citato" | "zit" | "vorstehend" | "precitee" | "precite" | "aao" | "op" => {
            Direction::Back
        }
        "infra" | "below" | "unten" | "sotto" | "post" | "dessous" | "later" | "following" => {
            Direction::Forward
        }
        _ => return None,
    })
}

fn is_note_pointer(w: &str) -> bool {
    matches!(
        w,
        "n" | "nn"
            | "note"
            | "notes"
            | "fn"
            | "fnn"
            | "footnote"
            | "footnotes"
            | "anm"
            | "fussnote"
            | "fussnoten"
            | "nota"
            | "nt"
    )
}

/// Which way a cross-reference points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Back,
    Forward,
    Unknown,
}

/// A pointer to other notes ("supra n. 5", "(n 5)", "cited in note 24").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Xref {
    pub notes: Vec<u32>,
    pub direction: Direction,
    /// True when context words or parentheses make it certain.
    pub explicit: bool,
    /// Byte range of the pointer.
    pub range: Range<usize>,
}

/// What stands at the start of the citation (after signals).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lead {
    None,
    /// "Ibid.", "ebd.", "ivi": the rest starts at this byte.
    Ibid {
        rest: usize,
    },
    /// "Idem", "Id.", "ders.", "———": the rest starts at this byte.
    SameAuthor {
        rest: usize,
    },
}

/// An abbreviation defined in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    /// The short form as written ("D.G.F.P.", "D.G.F.P. Series/Volume").
    pub short: String,
    /// Byte range of the defining clause (to leave out of the long form).
    pub clause: Range<usize>,
}

/// The markers found in one citation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    pub toks: Vec<Tok>,
    /// Index of the first token after leading signals.
    pub body: usize,
    pub lead: Lead,
    /// An "ibid" later in the text ("file ibid.", "in: ebd.") and whether it
    /// follows "in" (a part of the previous work).
    pub inner_ibid: Option<(usize, bool)>,
    /// Token range of an "op. cit." marker.
    pub op_cit: Option<Range<usize>>,
    pub xref: Option<Xref>,
    /// "infra"/"below" without a note number.
    pub forward_bare: bool,
    pub definition: Option<Definition>,
}

impl Analysis {
    /// Scan a citation's text.
    pub fn new(text: &str) -> Analysis {
        let toks = crate::tokens::tokenize(text);
        let body = skip_signals(&toks);
        let lead = find_lead(text, &toks, body);
        let inner_ibid = if matches!(lead, Lead::None) {
            find_inner_ibid(&toks, body)
        } else {
            None
        };
        let op_cit = find_op_cit(&toks, body);
        let (xref, forward_bare) = find_xref(text, &toks, body, op_cit.is_some());
        let definition = find_definition(text, &toks);
        Analysis {
            toks,
            body,
            lead,
            inner_ibid,
            op_cit,
            xref,
            forward_bare,
            definition,
        }
    }

    /// Byte offset where the body (after signals) starts.
    pub fn body_byte(&self) -> usize {
        self.toks.get(self.body).map_or(0, |t| t.start)
    }
}

fn skip_signals(toks: &[Tok]) -> usize {
    let mut i = 0;
    'outer: loop {
        for s in SIGNALS {
            if starts_with_seq(toks, i, s) && toks.len() > i + s.len() {
                i += s.len();
                continue 'outer;
            }
        }
        return i;
    }
}

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '―' | '–' | '-' | '_' | '⸺' | '⸻')
}

fn find_lead(text: &str, toks: &[Tok], body: usize) -> Lead {
    let trimmed = text.trim_start();
    let offset = text.len() - trimmed.len();
    let dashes: usize = trimmed.chars().take_while(|&c| is_dash(c)).count();
    let strong = trimmed.starts_with(['—', '―', '⸺', '⸻']);
    if dashes >= 2 || (strong && dashes >= 1) {
        let rest = offset
            + trimmed
                .char_indices()
                .find(|&(_, c)| !is_dash(c))
                .map_or(trimmed.len(), |(i, _)| i);
        return Lead::SameAuthor { rest };
    }
    let Some(t) = toks.get(body) else {
        return Lead::None;
    };
    let rest_after = |n: usize| -> usize {
        let last = &toks[body + n - 1];
        last.end + usize::from(last.dot)
    };
    if starts_with_seq(toks, body, &["там", "же"]) {
        return Lead::Ibid {
            rest: rest_after(2),
        };
    }
    if is_ibid_word(t, true) {
        return Lead::Ibid {
            rest: rest_after(1),
        };
    }
    if is_same_author_marker(t, toks.get(body + 1)) {
        return Lead::SameAuthor {
            rest: rest_after(1),
        };
    }
    Lead::None
}

fn find_inner_ibid(toks: &[Tok], body: usize) -> Option<(usize, bool)> {
    for i in body + 1..toks.len() {
        let t = &toks[i];
        let after_in = matches!(toks[i - 1].norm.as_str(), "in" | "dans" | "en");
        if is_ibid_word(t, false) || (after_in && matches!(t.norm.as_str(), "id" | "idem")) {
            return Some((i, after_in));
        }
    }
    None
}

fn find_op_cit(toks: &[Tok], body: usize) -> Option<Range<usize>> {
    for i in body..toks.len() {
        for seq in OP_CIT {
            if !starts_with_seq(toks, i, seq) {
                continue;
            }
            let last = &toks[i + seq.len() - 1];
            let next = toks.get(i + seq.len());
            let ok = match *seq {
                // "cit. in X" means "quoted in X", not "op. cit.".
                ["cit"] => {
                    last.dot
                        && !next.is_some_and(|n| {
                            matches!(n.norm.as_str(), "in" | "da" | "nach" | "par" | "by" | "bei")
                        })
                }
                ["supra"] => !next.is_some_and(|n| is_note_pointer(&n.norm)),
                ["a", "w"] | ["t", "a", "p"] | ["a", "a", "o"] => last.dot,
                _ => true,
            };
            if ok {
                return Some(i..i + seq.len());
            }
        }
    }
    None
}

fn find_xref(text: &str, toks: &[Tok], body: usize, op_cit: bool) -> (Option<Xref>, bool) {
    let mut forward_bare = false;
    for i in body..toks.len() {
        let t = &toks[i];
        if matches!(t.norm.as_str(), "infra" | "below" | "unten" | "sotto")
            && !toks.get(i + 1).is_some_and(|n| is_note_pointer(&n.norm))
            && !toks[i.saturating_sub(2)..i]
                .iter()
                .any(|p| is_note_pointer(&p.norm))
        {
            forward_bare = true;
        }
        if !is_note_pointer(&t.norm) || !toks.get(i + 1).is_some_and(Tok::is_number) {
            continue;
        }
        // Collect the numbers: "nn. 5 and 7", "notes 5–7", "n. 5 & 8".
        let plural = matches!(
            t.norm.as_str(),
            "nn" | "notes" | "fnn" | "footnotes" | "fussnoten"
        );
        let mut notes = Vec::new();
        let mut j = i + 1;
        let mut end = t.end;
        while let Some(n) = toks.get(j) {
            if !n.is_number() || n.norm.len() > 6 {
                break;
            }
            if let Ok(v) = n.norm.parse::<u32>() {
                notes.push(v);
            }
            end = n.end;
            j += 1;
            if notes.len() >= 10 {
                break;
            }
            let Some(nx) = toks.get(j) else { break };
            let between = text.get(end..nx.start).unwrap_or("").trim();
            let joiner = !between.is_empty()
                && between
                    .chars()
                    .all(|c| matches!(c, '–' | '-' | '&') || (plural && c == ','));
            if nx.is_number() && joiner {
                continue;
            }
            let word_joiner = matches!(nx.norm.as_str(), "and" | "und" | "et" | "e" | "y");
            if word_joiner && between.is_empty() && toks.get(j + 1).is_some_and(Tok::is_number) {
                j += 1;
                continue;
            }
            break;
        }
        if notes.is_empty() {
            continue;
        }
        let mut direction = Direction::Unknown;
        let mut explicit = op_cit;
        for p in toks[i.saturating_sub(3)..i].iter().rev() {
            if let Some(d) = context_direction(&p.norm) {
                explicit = true;
                if direction == Direction::Unknown {
                    direction = d;
                }
            }
        }
        if let Some(next) = toks.get(j) {
            if let Some(d) = context_direction(&next.norm) {
                if matches!(d, Direction::Forward) || next.norm == "above" || next.norm == "supra" {
                    explicit = true;
                    direction = d;
                }
            }
        }
        if char_before(text, t.start) == Some('(') {
            explicit = true;
        }
        return (
            Some(Xref {
                notes,
                direction,
                explicit,
                range: t.start..end,
            }),
            forward_bare,
        );
    }
    (None, forward_bare)
}

struct Phrase {
    words: &'static [&'static str],
    needs_paren: bool,
}

const fn p(words: &'static [&'static str], needs_paren: bool) -> Phrase {
    Phrase { words, needs_paren }
}

const DEFINITION_PHRASES: &[Phrase] = &[
    p(&["hereafter", "cited", "as"], false),
    p(&["hereinafter", "cited", "as"], false),
    p(&["hereafter", "referred", "to", "as"], false),
    p(&["hereinafter", "referred", "to", "as"], false),
    p(&["hereafter", "quoted", "as"], false),
    p(&["henceforth", "cited", "as"], false),
    p(&["hereafter"], false),
    p(&["hereinafter"], false),
    p(&["henceforth"], false),
    p(&["cited", "as"], true),
    p(&["quoted", "as"], true),
    p(&["cited", "hereafter", "as"], false),
    p(&["im", "folgenden", "zitiert", "als"], false),
    p(&["im", "folgenden", "abgekurzt", "als"], false),
    p(&["im", "folgenden"], true),
    p(&["kunftig", "zitiert", "als"], false),
    p(&["kunftig"], true),
    p(&["fortan"], true),
    p(&["zitiert", "als"], true),
    p(&["abgekurzt"], true),
    p(&["ci", "apres", "cite"], false),
    p(&["ci", "apres"], false),
    p(&["desormais", "cite"], false),
    p(&["desormais"], true),
    p(&["cite", "desormais"], false),
    p(&["d", "ora", "in", "poi"], false),
    p(&["d", "ora", "innanzi"], false),
    p(&["da", "ora", "in", "poi"], false),
    p(&["d", "ora", "in", "avanti"], false),
    p(&["in", "seguito"], true),
    p(&["citato", "come"], true),
    p(&["abbreviato", "in"], true),
    p(&["en", "adelante"], true),
    p(&["de", "aqui", "en", "adelante"], false),
    p(&["in", "het", "vervolg"], true),
    p(&["dalej"], true),
    p(&["далее"], true),
];

const QUOTES: &[char] = &['"', '“', '”', '‘', '’', '\'', '«', '»', '„', '‚', '‹', '›'];

/// At most this many definition phrases are examined per citation, and a
/// definition clause opens at most this many bytes before its phrase (keeps
/// hostile input linear).
const MAX_DEFINITION_TRIES: usize = 16;
const MAX_CLAUSE_LOOKBACK: usize = 256;

fn find_definition(text: &str, toks: &[Tok]) -> Option<Definition> {
    let mut tries = 0;
    for i in 0..toks.len() {
        for ph in DEFINITION_PHRASES {
            if !starts_with_seq(toks, i, ph.words) {
                continue;
            }
            tries += 1;
            if tries > MAX_DEFINITION_TRIES {
                return bracket_definition(text);
            }
            let start = toks[i].start;
            let before = char_before(text, start);
            let open = open_bracket_before(text, start);
            if ph.needs_paren && !matches!(before, Some('(' | '[')) {
                continue;
            }
            let last = &toks[i + ph.words.len() - 1];
            let xs = text[last.end..]
                .char_indices()
                .find(|&(_, c)| {
                    !(c.is_whitespace() || matches!(c, ':' | ',' | '.') || QUOTES.contains(&c))
                })
                .map_or(text.len(), |(k, _)| last.end + k);
            let window_end = text.len().min(xs + 4 * MAX_CLAUSE_LOOKBACK);
            let window_end = (window_end..=text.len())
                .find(|&e| text.is_char_boundary(e))
                .unwrap_or(text.len());
            let (xe, clause_end) = match open {
                Some((_, close)) => {
                    let end = text[xs..window_end]
                        .find(close)
                        .map_or(window_end, |k| xs + k);
                    (end, (end + close.len_utf8()).min(text.len()))
                }
                None => {
                    let end = text[xs..window_end]
                        .find(';')
                        .map_or(window_end, |k| xs + k);
                    (end, end)
                }
            };
            let short = text[xs..xe]
                .trim()
                .trim_end_matches(|c: char| c == ',' || c.is_whitespace() || QUOTES.contains(&c))
                .to_owned();
            if short.is_empty() || short.len() > 80 || !short.chars().any(char::is_alphanumeric) {
                continue;
            }
            let clause_start = open.map_or_else(
                || {
                    // ", hereafter X": include the comma before.
                    text[..start].trim_end().trim_end_matches(',').len()
                },
                |(o, _)| o,
            );
            return Some(Definition {
                short,
                clause: clause_start..clause_end,
            });
        }
    }
    bracket_definition(text)
}

/// The unclosed '(' or '[' before `pos`, with its closing char.
fn open_bracket_before(text: &str, pos: usize) -> Option<(usize, char)> {
    let mut depth = 0i32;
    let from = (pos.saturating_sub(MAX_CLAUSE_LOOKBACK)..=pos)
        .find(|&p| text.is_char_boundary(p))
        .unwrap_or(pos);
    for (i, c) in text[from..pos].char_indices().rev() {
        let i = from + i;
        match c {
            ')' | ']' => depth += 1,
            '(' | '[' if depth > 0 => depth -= 1,
            '(' => return Some((i, ')')),
            '[' => return Some((i, ']')),
            _ => {}
        }
    }
    None
}

/// "… Vol. I [ADAP]": a bracketed short form at the end of a citation.
fn bracket_definition(text: &str) -> Option<Definition> {
    let t = text.trim_end().trim_end_matches(['.', ',', ';']).trim_end();
    let inner_end = t.len().checked_sub(1)?;
    if !t.ends_with(']') {
        return None;
    }
    let open = t[..inner_end].rfind('[')?;
    let inner = t[open + 1..inner_end].trim();
    if open < 10 || inner.is_empty() || inner.len() > 40 || inner.contains(['[', ']']) {
        return None;
    }
    let first = inner.chars().next()?;
    if !first.is_uppercase() || inner.split_whitespace().count() > 4 {
        return None;
    }
    let w = fold(inner);
    let first_word = w.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    const NOT_SHORT: &[&str] = &[
        "in",
        "trans",
        "transl",
        "translated",
        "translation",
        "english",
        "german",
        "french",
        "italian",
        "russian",
        "spanish",
        "online",
        "unpublished",
        "sic",
        "emphasis",
        "orig",
        "original",
        "microfilm",
        "n",
        "s",
        "no",
        "date",
        "ca",
        "c",
        "ed",
        "eds",
        "author",
        "reprint",
        "repr",
        "draft",
        "copy",
        "undated",
        "anon",
        "anonymous",
        "signed",
        "my",
    ];
    if NOT_SHORT.contains(&first_word) || w.bytes().all(|b| b.is_ascii_digit() || b == b' ') {
        return None;
    }
    Some(Definition {
        short: inner.to_owned(),
        clause: open..t.len(),
    })
}

/// Words that are not title words (markers, locator and volume labels).
pub fn is_reference_word(w: &str) -> bool {
    matches!(
        w,
        "p" | "pp"
            | "s"
            | "ss"
            | "seite"
            | "seiten"
            | "pag"
            | "pagg"
            | "pagina"
            | "page"
            | "pages"
            | "at"
            | "para"
            | "paras"
            | "fol"
            | "fols"
            | "folio"
            | "folios"
            | "ff"
            | "f"
            | "col"
            | "cols"
            | "c"
            | "cc"
            | "carta"
            | "carte"
            | "bl"
            | "rn"
            | "rz"
            | "art"
            | "sec"
            | "no"
            | "nos"
            | "nr"
            | "nrn"
            | "doc"
            | "docs"
            | "dok"
            | "document"
            | "documents"
            | "n"
            | "nn"
            | "vol"
            | "vols"
            | "volume"
            | "volumes"
            | "series"
            | "ser"
            | "serie"
            | "reihe"
            | "bd"
            | "band"
            | "tome"
            | "tomo"
            | "t"
            | "op"
            | "cit"
            | "loc"
            | "laud"
            | "supra"
            | "infra"
            | "above"
            | "below"
            | "note"
            | "notes"
            | "nota"
            | "anm"
            | "fn"
            | "and"
            | "und"
            | "et"
            | "e"
            | "y"
            | "ibid"
            | "ibidem"
            | "ebd"
            | "ebenda"
            | "ivi"
            | "idem"
            | "id"
            | "ders"
            | "dies"
            | "a"
            | "o"
            | "aao"
            | "enclosure"
            | "encl"
            | "annex"
            | "anlage"
            | "appendix"
            | "item"
            | "sub"
            | "passim"
            | "esp"
            | "file"
            | "cited"
            | "in"
    )
}

/// True when the tokens hold a word that is not a marker, label, number,
/// roman numeral or ordinal: i.e. the citation names something (a title).
pub fn has_title_words(text: &str, toks: &[Tok]) -> bool {
    toks.iter().any(|t| {
        t.norm.chars().count() >= 3
            && t.norm.chars().all(char::is_alphabetic)
            && !is_reference_word(&t.norm)
            && crate::signature::component(text.get(t.start..t.end).unwrap_or("")).is_none()
            && !crate::signature::is_ordinal(&t.norm)
    })
}

fn is_locator_marker(t: &Tok, ibid_like: bool) -> bool {
    match t.norm.as_str() {
        "p" | "pp" | "seite" | "seiten" | "pag" | "pagg" | "pagina" | "page" | "pages" | "para"
        | "paras" | "fol" | "fols" | "folio" | "folios" | "col" | "cols" | "bl" | "rn" | "rz"
        | "art" | "sec" | "no" | "nos" | "nr" | "doc" | "dok" | "carta" | "carte" | "f" | "ff"
        | "cc" | "c" | "s" | "ss" | "at" => true,
        "n" | "nn" => ibid_like,
        _ => false,
    }
}

fn is_locator_value(t: &Tok) -> bool {
    t.is_number() || crate::signature::roman_value(&t.norm).is_some()
}

/// Find a pinpoint in `text` at or after token `from` and byte `min_byte`:
/// a locator label with its value ("p. 91", "S. 5", "Doc. No. 147", "at 5",
/// "fol. 23") to the end, else a trailing number after a comma or ')'.
pub fn find_locator(
    text: &str,
    toks: &[Tok],
    from: usize,
    min_byte: usize,
    ibid_like: bool,
) -> Option<Range<usize>> {
    let trim_end = |e: usize| -> usize {
        text[..e]
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ';' | ',' | ')'))
            .len()
    };
    let end = trim_end(text.len());
    for i in from..toks.len() {
        let t = &toks[i];
        if t.start < min_byte || !is_locator_marker(t, ibid_like) {
            continue;
        }
        let Some(next) = toks.get(i + 1) else { break };
        let value_ok = is_locator_value(next)
            || (matches!(t.norm.as_str(), "doc" | "dok")
                && matches!(next.norm.as_str(), "no" | "nr")
                && toks.get(i + 2).is_some_and(is_locator_value));
        let small_ok =
            !matches!(t.norm.as_str(), "c" | "cc" | "f" | "s") || (next.norm.len() <= 4 && t.dot);
        if value_ok && small_ok && t.start < end {
            // "c. 1900" is a date, not a folio.
            if t.norm == "c" && next.norm.len() == 4 {
                continue;
            }
            return Some(t.start..end);
        }
    }
    // A trailing number or range after a comma or ')': "Origins, 120–1".
    let last = toks.last()?;
    if !last.is_number() || last.start < min_byte {
        return None;
    }
    let mut k = toks.len() - 1;
    while k > from {
        let prev = &toks[k - 1];
        let between = text.get(prev.end..toks[k].start).unwrap_or("");
        if prev.is_number()
            && between.trim().chars().all(|c| matches!(c, '–' | '-' | ','))
            && !between.trim().is_empty()
            && !between.contains(',')
        {
            k -= 1;
        } else {
            break;
        }
    }
    let first = &toks[k];
    if k <= from || first.start < min_byte {
        return None;
    }
    let sep = char_before(text, first.start)?;
    if !matches!(sep, ',' | ')' | ':') {
        return None;
    }
    (first.start < end).then_some(first.start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(text: &str) -> Analysis {
        Analysis::new(text)
    }

    #[test]
    fn ibid_markers_in_many_languages() {
        for t in [
            "Ibid., p. 91.",
            "ibid",
            "Ib., 4",
            "Ebd., S. 5.",
            "Ebenda",
            "Ibidem.",
            "Ivi, p. 12.",
            "Ibíd., p. 3",
            "Там же. С. 5",
            "Tamże, s. 4",
            "See ibid., 7.",
        ] {
            assert!(matches!(a(t).lead, Lead::Ibid { .. }), "{t}");
        }
        for t in [
            "Id. at 5.",
            "Idem, The Struggle for Mastery, p. 4.",
            "Ders., Die Gründung, S. 3.",
            "Dies., ebd.",
            "Eadem, p. 4",
            "———, Origins, p. 9",
            "—, Origins",
        ] {
            assert!(matches!(a(t).lead, Lead::SameAuthor { .. }), "{t}");
        }
        for t in [
            "Ivanov, Ivi",
            "Dies ist kein Zitat",
            "Taylor, Origins, p. 5",
            "- 5 -",
            "",
        ] {
            assert!(matches!(a(t).lead, Lead::None), "{t}");
        }
        let an = a("Simon to Phipps, 12 March 1935, file ibid.");
        assert_eq!(an.inner_ibid.map(|x| x.1), Some(false));
        let an = a("N. Fraser, ‘Civil Citizenship’ in id., p. 97.");
        assert_eq!(an.inner_ibid.map(|x| x.1), Some(true));
        if let Lead::Ibid { rest } = a("Ibid., II/VII, Doc. No. 147").lead {
            assert_eq!(
                &"Ibid., II/VII, Doc. No. 147"[rest..],
                ", II/VII, Doc. No. 147"
            );
        } else {
            panic!("not ibid");
        }
    }

    #[test]
    fn op_cit_markers() {
        for t in [
            "Taylor, op. cit., p. 5",
            "Taylor, op.cit.",
            "Müller, a.a.O., S. 4",
            "Müller, aaO, S. 4",
            "Dupont, ouvr. cit., p. 3",
            "Rossi, Storia, cit., p. 45",
            "Smith, supra, at 5",
            "Taylor, loc. cit.",
        ] {
            assert!(a(t).op_cit.is_some(), "{t}");
        }
        for t in [
            "Mussolini to Grandi, cit. in De Felice, Mussolini, p. 5",
            "Taylor, Origins, p. 5",
            "Smith, supra n. 5",
        ] {
            assert!(a(t).op_cit.is_none(), "{t}");
        }
    }

    #[test]
    fn cross_references() {
        let cases: &[(&str, &[u32], bool)] = &[
            ("Taylor, supra n. 5, at 9", &[5], true),
            ("Grossberg (n 18) 52", &[18], true),
            ("See n. 7.", &[7], true),
            ("Above, n. 3.", &[3], true),
            ("the report cited in note 12", &[12], true),
            ("Müller, oben Anm. 3", &[3], true),
            ("Rossi, sopra, nota 2", &[2], true),
            ("Vogel, op. cit., n. 7, pp. 80–1.", &[7], true),
            ("Smith, supra notes 4 and 9", &[4, 9], true),
            ("ASV, busta 5, n. 7", &[7], false),
        ];
        for (t, notes, explicit) in cases {
            let x = a(t).xref.unwrap_or_else(|| panic!("{t}"));
            assert_eq!(x.notes, *notes, "{t}");
            assert_eq!(x.explicit, *explicit, "{t}");
        }
        assert_eq!(
            a("See infra n. 40").xref.map(|x| x.direction),
            Some(Direction::Forward)
        );
        assert!(a("See the discussion infra.").forward_bare);
        assert!(a("Taylor, Origins, p. 5").xref.is_none());
    }

    #[test]
    fn definitions() {
        let cases: &[(&str, &str)] = &[
            ("Documents on German Foreign Policy, Series C, Vol. II (hereafter cited as D.G.F.P.)", "D.G.F.P."),
            ("A. J. P. Taylor, The Origins of the Second World War (London, 1961) (hereafter Taylor, Origins), p. 5", "Taylor, Origins"),
            ("Akten zur deutschen auswärtigen Politik, Serie D, Bd. I (im Folgenden: ADAP)", "ADAP"),
            ("Documents diplomatiques français (ci-après DDF), t. III", "DDF"),
            ("I documenti diplomatici italiani, settima serie (d'ora in poi DDI)", "DDI"),
            ("Public Record Office, Kew, Foreign Office papers [FO]", "FO"),
            ("Foreign Relations of the United States, henceforth FRUS", "FRUS"),
            ("Reports of the Committee (cited as ‘Report’), p. 4", "Report"),
        ];
        for (t, short) in cases {
            let d = a(t).definition.unwrap_or_else(|| panic!("{t}"));
            assert_eq!(d.short, *short, "{t}");
            assert!(t[d.clause.clone()].contains(short), "{t}");
        }
        assert!(a("Taylor, Origins [sic], p. 5").definition.is_none());
        assert!(a("[1932] AC 562").definition.is_none());
        assert!(a("Pravda, 1 May 1937 [in Russian]").definition.is_none());
        assert!(a("Die im Folgenden besprochenen Akten")
            .definition
            .is_none());
    }

    #[test]
    fn locators() {
        let loc = |t: &str, ibid: bool| {
            let an = a(t);
            find_locator(t, &an.toks, an.body, 0, ibid).map(|r| t[r].to_owned())
        };
        assert_eq!(loc("Ibid., p. 91.", true).as_deref(), Some("p. 91"));
        assert_eq!(
            loc("Ibid., II/VII, Doc. No. 147", true).as_deref(),
            Some("Doc. No. 147")
        );
        assert_eq!(loc("Id. at 5.", true).as_deref(), Some("at 5"));
        assert_eq!(loc("Ebd., S. 5 f.", true).as_deref(), Some("S. 5 f"));
        assert_eq!(
            loc("Taylor, Origins, 120–1.", false).as_deref(),
            Some("120–1")
        );
        assert_eq!(loc("Grossberg (n 18) 52", false).as_deref(), Some("52"));
        assert_eq!(loc("Ivi, n. 4", true).as_deref(), Some("n. 4"));
        assert_eq!(loc("Taylor, Origins", false), None);
        assert_eq!(loc("Taylor (c. 1900), Origins", false), None);
    }

    #[test]
    fn title_words_are_told_from_labels() {
        let t = "C/II, No. 45";
        assert!(!has_title_words(t, &crate::tokens::tokenize(t)));
        let t = "2nd ser., vol. XIX, no. 12";
        assert!(!has_title_words(t, &crate::tokens::tokenize(t)));
        let t = "The Struggle for Mastery, p. 4";
        assert!(has_title_words(t, &crate::tokens::tokenize(t)));
    }
}
