//! Page ranges: "pp. 12-15." → "12-15" (first page "12"), "S. 45 f." →
//! "45f.", "fol. 12v" → "12v" labelled folio, "xii–xiv", "e1002345".

use crate::text::{fold_ws, is_dash, is_space, strip_edge_brackets};

/// A normalised page locator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pages {
    /// The pages without their marker, ranges joined by a hyphen-minus:
    /// "12-15", "45f.", "12-15, 18", "xii-xiv", "e1002345".
    pub page: String,
    /// The first page ("12", "xii", "12v"), when the text starts with one.
    pub first: Option<String>,
    /// The CSL locator label when the unit is not pages: "folio", "column".
    pub label: Option<&'static str>,
}

/// What a leading marker word says about the unit.
enum Unit {
    Page,
    Folio,
    Column,
    Paragraph,
    Section,
    Chapter,
    Note,
    /// "a p.", "in particolare", "especially", "cf.": words before the locator
    Filler,
}

fn marker_unit(word: &str) -> Option<Unit> {
    let lower = word.trim_end_matches(['.', '-']).to_lowercase();
    Some(match lower.as_str() {
        "p" | "pp" | "pag" | "pagg" | "pgg" | "pg" | "pgs" | "pág" | "págs" | "page" | "pages"
        | "seite" | "seiten" | "s" | "ss" | "str" | "с" | "стр" | "at" | "pt" | "ppp" | "ρ"
        | "ρρ" | "especially" | "esp" | "insbesondere" | "insbes" | "bes" | "spec" | "partic"
        | "particularly" | "notamment" | "spéc" | "spécialement" | "specialmente" | "here"
        | "hier" | "cf" | "see" | "vgl" | "siehe" | "voir" | "cfr" => Unit::Page,
        "fol" | "fols" | "foll" | "fo" | "fos" | "ff" | "f" | "c" | "cc" | "carta" | "carte"
        | "folio" | "folios" | "bl" | "blatt" => Unit::Folio,
        "col" | "cols" | "coll" | "coli" | "coi" | "colonna" | "sp" | "spp" | "column"
        | "columns" | "spalte" => Unit::Column,
        "¶" | "¶¶" | "para" | "paras" | "par" => Unit::Paragraph,
        "§" | "§§" | "sec" | "sect" | "section" | "art" => Unit::Section,
        "ch" | "chap" | "chapter" | "cap" | "capitolo" | "kap" | "kapitel" | "chapitre" => {
            Unit::Chapter
        }
        "n" | "nn" | "note" | "notes" | "nota" | "anm" | "fn" | "fns" => Unit::Note,
        "a" | "alla" | "alle" | "al" | "e" | "et" | "and" | "und" | "in" | "en" | "part"
        | "particolare" | "particol" | "particolarmente" | "specie" | "soprattutto"
        | "rispettivamente" | "ad" | "es" | "per" | "esempio" | "da" | "vedi" | "ed" | "nelle"
        | "nella" | "dans" => Unit::Filler,
        _ => return None,
    })
}

/// Abbreviations after a page: "45 f.", "45ff.", "35 sgg.", "12 et seq."
fn follow_word(word: &str) -> Option<&'static str> {
    Some(
        match word.trim_end_matches(['.', '-']).to_lowercase().as_str() {
            "f" => "f.",
            "ff" => "ff.",
            "sq" => "sq.",
            "sqq" => "sqq.",
            "seq" => "seq.",
            "seqq" => "seqq.",
            "sgg" => "sgg.",
            "segg" => "segg.",
            "ss" => "ss.",
            "passim" => "passim",
            _ => return None,
        },
    )
}

/// Normalises a page span. `None` when nothing but punctuation remains.
///
/// Ranges use a hyphen-minus ("12-15"), as CSL-JSON data usually does; a
/// CSL processor renders it with an en dash and applies the style's
/// page-range format. The page marker ("p.", "pp.", "S.", "pag.") is dropped;
/// folio and column markers set `label`.
///
/// ```
/// let p = ibid_csl::normalise_pages("pp. 12–15.").unwrap();
/// assert_eq!((p.page.as_str(), p.first.as_deref()), ("12-15", Some("12")));
/// assert_eq!(ibid_csl::normalise_pages("S. 45 f.").unwrap().page, "45f.");
/// ```
pub fn normalise_pages(s: &str) -> Option<Pages> {
    let folded = fold_ws(s);
    let mut t = trim_pages(&folded);
    let mut label = None;
    // Markers: "pp.", "S.", "fol.", "pp.5-35" (glued), up to three.
    for _ in 0..6 {
        t = trim_pages(strip_edge_brackets(t));
        let word_end = t
            .find(|c: char| {
                is_space(c) || c.is_ascii_digit() || matches!(c, '(' | ',' | '·' | ':' | '>')
            })
            .unwrap_or(t.len());
        let mut word = &t[..word_end];
        // "p.e97", "S.64": cut the word at its first period
        if let Some(dot) = word.find('.') {
            word = &word[..=dot];
        }
        // "pp5": a marker glued to the number must end in '.' ("pp.5-35");
        // "§12", "¶ 37" need none
        let glued =
            word.len() < t.len() && t[word.len()..].starts_with(|c: char| c.is_alphanumeric());
        // "PP-21-25", "p-85": OCR of "pp." / "p."
        if glued && !word.ends_with(['.', '-']) && !word.starts_with(['§', '¶']) {
            break;
        }
        if word.is_empty() {
            break;
        }
        // "pp, 135", "PP · 99", "pp. > 37"
        let rest = t[word.len()..]
            .trim_start_matches(|c: char| is_space(c) || matches!(c, ',' | '·' | ':' | '>' | '\''));
        // A marker must be followed by something page-like.
        if !rest.starts_with(|c: char| c.is_alphanumeric()) {
            break;
        }
        match marker_unit(word) {
            Some(u) => {
                // "f. 7v" is a folio, but "45 f." is "and following": the
                // marker is only stripped at the start, which this is.
                match u {
                    Unit::Page => {}
                    Unit::Folio => label = Some("folio"),
                    Unit::Column => label = Some("column"),
                    Unit::Paragraph => label = Some("paragraph"),
                    Unit::Section => label = Some("section"),
                    Unit::Chapter => label = Some("chapter"),
                    Unit::Note => label = Some("note"),
                    Unit::Filler => {}
                }
                t = rest;
            }
            None => break,
        }
    }
    let body = normalise_body(t);
    if !body.chars().any(char::is_alphanumeric) || marker_unit(&body).is_some() {
        return None;
    }
    let first = first_page(&body);
    Some(Pages {
        page: body,
        first,
        label,
    })
}

/// Trims separators, brackets' leftovers and a final period (re-added later
/// for "f." and "ff.").
fn trim_pages(s: &str) -> &str {
    s.trim_matches(|c: char| {
        is_space(c) || matches!(c, ',' | ';' | ':' | '.' | '|' | '/' | '*' | '-' | '–' | '—')
    })
}

/// Collapses spaces around dashes, writes dashes as '-', glues "f."/"ff."
/// to the page and restores their periods.
fn normalise_body(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let words = t.split(is_space).filter(|w| !w.is_empty());
    for w in words {
        if let Some(abbr) = follow_word(w) {
            let glue = abbr.starts_with('f') && out.ends_with(|c: char| c.is_alphanumeric());
            if !glue && !out.is_empty() && !out.ends_with('-') {
                out.push(' ');
            }
            out.push_str(abbr);
            continue;
        }
        if w.chars().all(is_dash) {
            while out.ends_with(' ') {
                out.pop();
            }
            out.push('-');
            continue;
        }
        if !out.is_empty() && !out.ends_with('-') {
            out.push(' ');
        }
        // "45ff", "45f." glued
        let (core, tail) = split_glued_follow(w);
        for c in core.chars() {
            out.push(if is_dash(c) { '-' } else { c });
        }
        if let Some(abbr) = tail {
            out.push_str(abbr);
        }
    }
    while out.ends_with([' ', '-']) {
        out.pop();
    }
    out
}

/// "45ff" → ("45", "ff."); "45f." → ("45", "f."); else the word unchanged.
fn split_glued_follow(w: &str) -> (&str, Option<&'static str>) {
    let bare = w.trim_end_matches('.');
    for (suffix, abbr) in [("ff", "ff."), ("f", "f.")] {
        if let Some(core) = bare.strip_suffix(suffix) {
            if core.ends_with(|c: char| c.is_ascii_digit()) {
                return (core, Some(abbr));
            }
        }
    }
    (w, None)
}

/// The first page: a leading run of digits with an optional letter ("12v",
/// "45a"), a roman numeral, or an article number ("e1002345", "S12").
fn first_page(body: &str) -> Option<String> {
    let end = body
        .find(|c: char| !(c.is_alphanumeric()))
        .unwrap_or(body.len());
    let tok = &body[..end];
    if tok.is_empty() {
        return None;
    }
    let digits = tok.chars().filter(char::is_ascii_digit).count();
    let letters = tok.chars().count() - digits;
    let ok = if digits == 0 {
        crate::text::is_roman(tok)
    } else {
        letters <= 2
    };
    // "45f", "45ff" from "45f." / "45ff.": "and following" is not part of the page
    let bare = tok.trim_end_matches('f');
    let tok = if digits > 0 && bare.ends_with(|c: char| c.is_ascii_digit()) {
        bare
    } else {
        tok
    };
    ok.then(|| tok.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pg(s: &str) -> (String, Option<String>, Option<&'static str>) {
        let p = normalise_pages(s).unwrap();
        (p.page, p.first, p.label)
    }

    #[test]
    fn ranges() {
        assert_eq!(pg("pp. 12-15."), ("12-15".into(), Some("12".into()), None));
        assert_eq!(pg("pp. 12–15"), ("12-15".into(), Some("12".into()), None));
        assert_eq!(pg("12 - 15"), ("12-15".into(), Some("12".into()), None));
        assert_eq!(pg("S. 5 — 6"), ("5-6".into(), Some("5".into()), None));
        assert_eq!(
            pg("259– 270."),
            ("259-270".into(), Some("259".into()), None)
        );
        assert_eq!(
            pg("pp. 91–103)."),
            ("91-103".into(), Some("91".into()), None)
        );
        assert_eq!(pg("(S. 14-40)."), ("14-40".into(), Some("14".into()), None));
        assert_eq!(pg("pp.5-35."), ("5-35".into(), Some("5".into()), None));
        assert_eq!(pg("pp. 80–1."), ("80-1".into(), Some("80".into()), None));
        assert_eq!(
            pg("pp. 54-55, 57)."),
            ("54-55, 57".into(), Some("54".into()), None)
        );
        assert_eq!(
            pg("p. 84 e 97"),
            ("84 e 97".into(), Some("84".into()), None)
        );
        assert_eq!(pg("pag. 243."), ("243".into(), Some("243".into()), None));
        assert_eq!(
            pg("pgg. 169-170."),
            ("169-170".into(), Some("169".into()), None)
        );
    }

    #[test]
    fn follows_and_units() {
        assert_eq!(pg("S. 45 f."), ("45f.".into(), Some("45".into()), None));
        assert_eq!(pg("45ff."), ("45ff.".into(), Some("45".into()), None));
        assert_eq!(pg("S. 64 ff."), ("64ff.".into(), Some("64".into()), None));
        assert_eq!(pg("35 sgg-"), ("35 sgg.".into(), Some("35".into()), None));
        assert_eq!(pg("p. 88"), ("88".into(), Some("88".into()), None));
        assert_eq!(
            pg("fol. 12v"),
            ("12v".into(), Some("12v".into()), Some("folio"))
        );
        assert_eq!(
            pg("c. 51v-55v,"),
            ("51v-55v".into(), Some("51v".into()), Some("folio"))
        );
        assert_eq!(
            pg("col. 12"),
            ("12".into(), Some("12".into()), Some("column"))
        );
        assert_eq!(pg("xii–xiv"), ("xii-xiv".into(), Some("xii".into()), None));
        assert_eq!(
            pg("e1002345"),
            ("e1002345".into(), Some("e1002345".into()), None)
        );
        assert_eq!(pg("e24-e30"), ("e24-e30".into(), Some("e24".into()), None));
        assert_eq!(pg("passim"), ("passim".into(), None, None));
        assert_eq!(
            pg("12 passim"),
            ("12 passim".into(), Some("12".into()), None)
        );
        assert_eq!(
            pg("especially 43–59"),
            ("43-59".into(), Some("43".into()), None)
        );
        assert_eq!(
            pg("insbesondere S. 65—83"),
            ("65-83".into(), Some("65".into()), None)
        );
        assert_eq!(
            pg("pp, 135-166"),
            ("135-166".into(), Some("135".into()), None)
        );
        assert_eq!(
            pg("PP · 99-197"),
            ("99-197".into(), Some("99".into()), None)
        );
        assert_eq!(pg("p.e97."), ("e97".into(), Some("e97".into()), None));
        assert_eq!(
            pg("¶ 37–66."),
            ("37-66".into(), Some("37".into()), Some("paragraph"))
        );
        assert_eq!(pg("§12"), ("12".into(), Some("12".into()), Some("section")));
        assert_eq!(pg("a pag. 173;"), ("173".into(), Some("173".into()), None));
        assert_eq!(
            pg("in part. pp. 393-401."),
            ("393-401".into(), Some("393".into()), None)
        );
        assert_eq!(pg("PP-21-25."), ("21-25".into(), Some("21".into()), None));
        assert_eq!(
            pg("Ch.15"),
            ("15".into(), Some("15".into()), Some("chapter"))
        );
        assert_eq!(
            pg("nn. 57-59, 70."),
            ("57-59, 70".into(), Some("57".into()), Some("note"))
        );
        assert_eq!(pg("e24-e30"), ("e24-e30".into(), Some("e24".into()), None));
        assert_eq!(
            pg("coli. 696-713."),
            ("696-713".into(), Some("696".into()), Some("column"))
        );
    }

    #[test]
    fn degenerate() {
        assert!(normalise_pages("").is_none());
        assert!(normalise_pages("pp. ,").is_none());
        assert!(normalise_pages("– .").is_none());
        assert!(normalise_pages("pp.").is_none());
        let _ = normalise_pages(&"12-".repeat(40_000));
        let _ = normalise_pages(&"ff ".repeat(40_000));
        let _ = normalise_pages("\u{0}p.\u{202E}٣");
    }
}
