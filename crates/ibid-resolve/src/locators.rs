//! Pinpoints ("p. 91", "S. 5 f.", "Doc. No. 147", "at 5", "fol. 23", a
//! trailing "120–1") and the words that label references rather than name
//! works.

use crate::tokens::{char_before, Tok};
use std::ops::Range;

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
            | "aw"
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

/// Whether a word (without its period) marks a pinpoint, and
/// the kind of locator it introduces if one the resolver counts: the shared
/// table (`ibid_model::pinpoints`), and "art." (an article) beside it.
fn marker(word: &str) -> Option<Option<LocatorKind>> {
    use ibid_model::pinpoints::{pinpoint_kind, PinpointKind};
    if word.eq_ignore_ascii_case("art") {
        return Some(None);
    }
    pinpoint_kind(word).map(|k| match k {
        PinpointKind::Page => Some(LocatorKind::Page),
        PinpointKind::Folio => Some(LocatorKind::Folio),
        PinpointKind::Column => Some(LocatorKind::Column),
        PinpointKind::Paragraph => Some(LocatorKind::Paragraph),
        PinpointKind::Document => Some(LocatorKind::Document),
        PinpointKind::Section => None,
    })
}

fn is_locator_marker(t: &Tok, ibid_like: bool) -> bool {
    match t.norm.as_str() {
        "n" | "nn" => ibid_like,
        w => marker(w).is_some(),
    }
}

fn is_locator_value(t: &Tok) -> bool {
    t.is_number() || crate::signature::roman_value(&t.norm).is_some() || is_folio(&t.norm)
}

/// A folio with its side: "201r", "33v" (recto, verso).
fn is_folio(s: &str) -> bool {
    let digits = s.trim_end_matches(['r', 'v']);
    s.len() == digits.len() + 1
        && (1..=5).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
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
    let end = locator_end(text);
    for i in from..toks.len() {
        let t = &toks[i];
        let degree = text.get(t.end..).is_some_and(|r| r.starts_with(['°', 'º']));
        if t.start < min_byte || !(is_locator_marker(t, ibid_like) || (t.norm == "n" && degree)) {
            continue;
        }
        let Some(next) = toks.get(i + 1) else { break };
        // "Museum of Art, 2001": a marker word followed by a comma is a word
        let comma_after = text.get(t.end..next.start).is_some_and(|g| g.contains(','))
            && !matches!(t.norm.as_str(), "p" | "pp");
        if comma_after {
            continue;
        }
        let value_ok = is_locator_value(next)
            || (matches!(t.norm.as_str(), "doc" | "dok")
                && matches!(next.norm.as_str(), "no" | "nr")
                && toks.get(i + 2).is_some_and(is_locator_value));
        // "c.", "f.", "S." take a dot and a short value; "s 4(2)" (a
        // section) only in an ibid; "s. VIII" is a series, not a page.
        let small_ok = match t.norm.as_str() {
            "c" | "cc" | "f" | "fo" => next.norm.len() <= 4 && t.dot,
            "s" => next.is_number() && next.norm.len() <= 4 && (t.dot || ibid_like),
            // "n. 4", "n 4", "n° 4"; not the capital of a cote ("SHD, 7 N 2345")
            "n" | "nn" => {
                t.dot || degree || text.get(t.start..t.end).is_some_and(|r| r.starts_with('n'))
            }
            _ => true,
        };
        if value_ok && small_ok && t.start < end {
            // "c. 1900" is a date, not a folio.
            if t.norm == "c" && next.norm.len() == 4 {
                continue;
            }
            // "Cotton MS Vespasian C. VII": a press mark, not a folio
            let raw = text.get(t.start..t.end).unwrap_or("");
            if raw.len() == 1 && raw.bytes().all(|b| b.is_ascii_uppercase()) && !next.is_number() {
                continue;
            }
            // "at 5" is the pinpoint "5".
            let start = if t.norm == "at" { next.start } else { t.start };
            return Some(start..end);
        }
    }
    // A trailing number or range after a comma, ')' or a closing quote:
    // "Origins, 120–1", "(n 18) 52", "Books?,” 75", "(n 16) [50]–[51]".
    let last = toks.last()?;
    if !last.is_number() || last.start < min_byte {
        return None;
    }
    let mut k = toks.len() - 1;
    while k > from {
        let prev = &toks[k - 1];
        let between = text.get(prev.end..toks[k].start).unwrap_or("").trim();
        let joined = !between.is_empty()
            && between.chars().all(|c| matches!(c, '–' | '-' | '[' | ']'))
            && between.chars().any(|c| matches!(c, '–' | '-'));
        if prev.is_number() && joined {
            k -= 1;
        } else {
            break;
        }
    }
    let first = &toks[k];
    if k <= from || first.start < min_byte {
        return None;
    }
    let mut start = first.start;
    let mut sep = char_before(text, first.start)?;
    if sep == '[' {
        start = text[..first.start].rfind('[').unwrap_or(start);
        sep = char_before(text, start)?;
    }
    if !matches!(sep, ',' | ')' | ':' | '”' | '’' | '"' | '»') {
        return None;
    }
    (start < end).then_some(start..end)
}

/// Where a pinpoint at the end of `text` ends: before the final period and
/// separators, and before a parenthesised comment ("col. 361 (Churchill, 5
/// Oct. 1938)"); a closing parenthesis stays when it closes one in the
/// pinpoint ("art 6(3)(c)").
fn locator_end(text: &str) -> usize {
    let mut t = text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ';' | ','));
    if let Some(p) = t.rfind(" (") {
        if t[p + 2..].chars().next().is_some_and(char::is_alphabetic) && t.ends_with(')') {
            t = t[..p]
                .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ';' | ','));
        }
    }
    let opens = t.matches('(').count();
    let mut closes = t.matches(')').count();
    while t.ends_with(')') && closes > opens {
        closes -= 1;
        t = t[..t.len() - 1]
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ';' | ','));
    }
    t.len()
}

/// What a pinpoint counts: the kind of its first marker word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocatorKind {
    /// "p. 91", "pp. 3–5", "S. 12", "at 5"
    Page,
    /// "Doc. No. 45", "No. 102", "Nr. 7"
    Document,
    /// "fol. 23", "f. 4v", "c. 327v"
    Folio,
    /// "col. 361"
    Column,
    /// "para 12", "Rn. 4"
    Paragraph,
}

impl LocatorKind {
    /// The kind in words: "page", "document number", …
    pub fn noun(self) -> &'static str {
        match self {
            LocatorKind::Page => "page",
            LocatorKind::Document => "document number",
            LocatorKind::Folio => "folio",
            LocatorKind::Column => "column",
            LocatorKind::Paragraph => "paragraph",
        }
    }
}

/// The kind of a locator string by its first word, or `None` when it has
/// no marker word ("120", "n. 4") or one of no counted kind.
pub fn locator_kind(locator: &str) -> Option<LocatorKind> {
    // as written: "S. 45" is a page, "s. 3" a statute's section
    let word: String = locator
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    marker(&word).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markers::Analysis;

    fn a(text: &str) -> Analysis {
        Analysis::new(text)
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
        assert_eq!(loc("Id. at 5.", true).as_deref(), Some("5"));
        assert_eq!(loc("Ebd., S. 5 f.", true).as_deref(), Some("S. 5 f"));
        assert_eq!(
            loc("Taylor, Origins, 120–1.", false).as_deref(),
            Some("120–1")
        );
        assert_eq!(loc("Grossberg (n 18) 52", false).as_deref(), Some("52"));
        assert_eq!(loc("Ivi, n. 4", true).as_deref(), Some("n. 4"));
        assert_eq!(loc("Taylor, Origins", false), None);
        assert_eq!(loc("Taylor (c. 1900), Origins", false), None);
        assert_eq!(
            loc("Ibid., col. 361 (Churchill, 5 Oct. 1938)", true).as_deref(),
            Some("col. 361")
        );
        assert_eq!(loc("ibid s 4(2)", true).as_deref(), Some("s 4(2)"));
        assert_eq!(
            loc("ibid art 6(3)(c)", true).as_deref(),
            Some("art 6(3)(c)")
        );
        assert_eq!(
            loc("DDF, 2e série, t. III, n° 245", false).as_deref(),
            Some("n° 245")
        );
        assert_eq!(
            loc("DDI, s. VIII, vol. XII, n. 9", true).as_deref(),
            Some("n. 9")
        );
        assert_eq!(
            loc("Miller (n 16) [50]–[51]", false).as_deref(),
            Some("[50]–[51]")
        );
        assert_eq!(
            loc("Darnton, “What Is the History of Books?,” 75", false).as_deref(),
            Some("75")
        );
        assert_eq!(loc("Human Rights Act 1998, s 3", false), None);
        // the capital of a French military cote is no note number
        assert_eq!(loc("SHD, 7 N 2345, dossier 3", true), None);
        assert_eq!(loc("Ivi, n 4", true).as_deref(), Some("n 4"));
        // Linear on hostile input.
        let many = format!("Ibid., p. 5{}", ")".repeat(200_000));
        assert_eq!(loc(&many, true).as_deref(), Some("p. 5"));
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

    #[test]
    fn locator_kinds() {
        use LocatorKind::*;
        for (l, k) in [
            ("p. 91", Some(Page)),
            ("pp. 3–5", Some(Page)),
            ("S. 12", Some(Page)),
            ("Doc. No. 45", Some(Document)),
            ("No. 102", Some(Document)),
            ("fol. 23v", Some(Folio)),
            ("c. 327v", Some(Folio)),
            ("col. 361", Some(Column)),
            ("Rn. 4", Some(Paragraph)),
            ("Sp. 12", Some(Column)),
            ("P. 7", Some(Page)),
            // a statute's section (OSCOLA "s. 3"), an article: no counted kind
            ("s. 3", None),
            ("ss. 3–5", None),
            ("art. 4", None),
            ("120", None),
            ("n. 4", None),
            ("", None),
        ] {
            assert_eq!(locator_kind(l), k, "{l}");
        }
    }
}
