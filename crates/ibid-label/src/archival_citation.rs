//! Archival references in the French, British and Spanish manner, read by rule after
//! tagging: a repository, its shelfmark a comma-part or more (series, cote,
//! box), the document and its date, the folio:
//!
//! - "AN, F7 13984, note du 3 avril 1936"
//! - "AD Nord, M 154/52, lettre du préfet au ministre de l’Intérieur, 4 mai 1925"
//! - "Smith to Jones, 4 May 1925, TNA, FO 371/12345, fol. 12"
//! - "Archivo Histórico Nacional (AHN), Estado, leg. 2845, exp. 12"
//!
//! The training data holds almost none of these, and the model reads the
//! repository's initials as an author ("AD Nord" as given name and family
//! name) and the cote as a date or a note. Italian archival references
//! ("ASV, Consiglio dei X, Parti comuni, filza 64, c. 12") are left to the
//! model, which learned them from LinkedBooks (6,701 training records) and
//! reads them better than this rule would. The form is
//! plain once the repository is known and a shelfmark follows it: the
//! repository must open a comma-part, be one of [`is_head`]'s initials or begin with an
//! archive or library word, and be followed by a cote ("F7 13984", "7 N
//! 2345", "M 154/52", "FO 371/12345") or a box ("carton 12", "busta 36",
//! "reg. 25"). German references have their own rule (`german_archive`).
//!
//! Fields: the repository `archive`; the shelfmark, from its first part to
//! its last cote or box with the commas between, `archive-location`; a
//! document's description `title` and its date `date` (a description ending
//! "du 3 avril 1936" is split there); a folio or page at the end `pages`.

use crate::archive_parts::{is_leaf, parts, relabel};
use crate::dict::{Dict, ANY_PLACE, MONTH};
use crate::token::Token;
use ibid_model::Label;
use std::ops::Range;

/// Initials of repositories (France, Britain) that carry no archive word
/// in their name. (A `match`, not a list: every reference's first words are
/// looked up here.)
fn is_head(w: &str) -> bool {
    matches!(
        w,
        "AN" | "ANF"
            | "AD"
            | "AM"
            | "AMAE"
            | "MAE"
            | "CADN"
            | "SHD"
            | "SHAT"
            | "ANOM"
            | "CAOM"
            | "APP"
            | "BnF"
            | "BNF"
            | "BHVP"
            | "TNA"
            | "PRO"
            | "BL"
            | "AHN"
            | "AGS"
            | "AGI"
            | "ACA"
            | "AGA"
            | "BNE"
    )
}

/// First words of a repository's name.
fn is_head_word(w: &str) -> bool {
    matches!(
        w,
        "Archives"
            | "Archive"
            | "Archivo"
            | "Arquivo"
            | "Bibliothèque"
            | "Service"
            | "Centre"
            | "National"
            | "The"
            | "Public"
            | "British"
    )
}

/// Words (lower-cased) that make a name after [`is_head_word`] a repository
/// rather than a journal ("Archives nationales", not "Archives de
/// philosophie").
const REPOSITORY_WORDS: &[&str] = &[
    "nationales",
    "national",
    "nationale",
    "départementales",
    "départementale",
    "municipales",
    "municipale",
    "communales",
    "diplomatiques",
    "record",
    "library",
    "historique",
    "préfecture",
    "mazarine",
    "arsenal",
    "histórico",
    "nacional",
    "general",
    "corona",
    "provincial",
];

/// A box, bundle, register or file and its number: part of the shelfmark.
const BOX_WORDS: &[&str] = &[
    "carton",
    "cart.",
    "dossier",
    "doss.",
    "liasse",
    "registre",
    "reg.",
    "boîte",
    "chemise",
    "sous-dossier",
    "art.",
    "article",
    "cote",
    "vol.",
    "volume",
    "b.",
    "busta",
    "buste",
    "filza",
    "fz.",
    "filze",
    "cartella",
    "fasc.",
    "fascicolo",
    "registro",
    "regg.",
    "mazzo",
    "box",
    "file",
    "folder",
    "piece",
    "pièce",
    "n°",
    "no.",
    "nos.",
    "nr.",
    "ms.",
    "MS",
    "Ms.",
    "cod.",
    "leg.",
    "legajo",
    "exp.",
    "expediente",
    "caja",
    "carp.",
    "carpeta",
    "cx.",
    "caixa",
    "pasta",
    "maço",
];

/// A folio or page at the end: the pinpoint ("fol. 12", "ff. 3-5", "c. 59
/// t.").
const LEAF_WORDS: &[&str] = &[
    "fol.", "fols.", "fo", "fos", "folio", "f.", "ff.", "p.", "pp.", "c.", "cc.",
];

/// Words that join a document's description to its date ("note du 3 avril
/// 1936", "letter of 4 May 1925").
const DATE_LINKS: &[&str] = &[
    "du", "de", "del", "dell’", "vom", "of", "dated", "en", "le", "in",
];

/// The repository: initials of [`is_head`], possibly with a place ("AD Nord"), or
/// a name beginning with an archive or library word, with no digits.
fn is_repository(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    if part.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if is_head(first) {
        return words.len() <= 4 && words[1..].iter().all(|w| starts_upper(w));
    }
    is_head_word(first)
        && (2..=9).contains(&words.len())
        && words[1..]
            .iter()
            .any(|w| REPOSITORY_WORDS.contains(&w.to_lowercase().as_str()))
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// One word of a cote: "F7", "BB18", "13984", "154/52", "F/7/13984", "N",
/// "AJ", "XIX", "Mi": letters in upper case (a lower-case tail of one
/// letter allowed) with or without digits, or digits with "/", "-", ".".
fn is_cote_word(w: &str) -> bool {
    let w = w.trim_end_matches([',', ';']);
    if w.is_empty() || w.len() > 16 {
        return false;
    }
    if !w
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '.'))
    {
        return false;
    }
    let digits = w.chars().any(|c| c.is_ascii_digit());
    let lower = w.chars().filter(char::is_ascii_lowercase).count();
    let upper = w.chars().filter(char::is_ascii_uppercase).count();
    if digits {
        // "F7", "13984", "154/52", "19940500/123"; not "1er", "p.12"
        lower == 0
    } else {
        // "N", "AJ", "BB", "Mi"
        upper >= 1 && lower <= 1 && w.len() <= 4 && !w.ends_with('.')
    }
}

/// A cote: a few [`is_cote_word`] words (or a manuscript's collection and
/// number) with a digit among them, and a letter or a slash ("F7 13984",
/// "154/52", "Add MS 38227"; not a year "1990").
fn is_cote(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    // a manuscript's collection and number: "Add MS 38227", "Cotton MS Nero B VI"
    // (an abbreviation "Add." may end with a full stop; "London. Add MS
    // 38227" is a town and a sentence before the shelfmark)
    let manuscript = words
        .iter()
        .any(|w| matches!(w.trim_end_matches('.'), "MS" | "MSS" | "Ms" | "Mss"))
        && words.iter().all(|w| !w.ends_with('.') || w.len() <= 4);
    !words.is_empty()
        && words.len() <= 5
        && (manuscript || words.iter().all(|w| is_cote_word(w)))
        && part.chars().any(|c| c.is_ascii_digit())
        && part.chars().any(|c| c.is_ascii_uppercase() || c == '/')
}

/// A box and its number: "carton 12", "busta 36", "reg. 25", "vol. 345".
fn is_box(part: &str) -> bool {
    let mut words = part.split_whitespace();
    let (Some(w), Some(n)) = (words.next(), words.next()) else {
        return false;
    };
    let lower = w.to_lowercase();
    (BOX_WORDS.contains(&w) || BOX_WORDS.contains(&lower.as_str()))
        && n.chars().next().is_some_and(|c| c.is_ascii_digit())
        && words.count() <= 3
}

/// A series or fonds named between the repository and its cote: "Consiglio
/// dei X", "Europe 1918-1940", "Allemagne", "Notarile".
fn is_series(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 6
        && starts_upper(words[0])
        && !part.contains(['(', '[', '“', '"', '«'])
        // "London. Add MS 38227": two sentences, not a series
        && !part.contains(". ")
}

/// The repository's town after it: "British Library, London", "Arquivo
/// Nacional, Rio de Janeiro".
fn is_place(part: &str) -> bool {
    let part = part.trim();
    let mut words = part.split_whitespace();
    match (words.next(), words.next()) {
        (Some(w), None) => Dict::embedded().flags_of(w) & ANY_PLACE != 0,
        (Some(_), Some(_)) => crate::imprint::is_known_place(Dict::embedded(), part),
        _ => false,
    }
}

/// Whether `words` are a date: a year (1000–2099) with, at most, a day
/// ("3", "1er", "4th") and a month word.
fn is_date_words(words: &[&str]) -> bool {
    let dict = Dict::embedded();
    let mut year = false;
    let mut others = 0;
    for w in words {
        let w = w.trim_end_matches([',', ';', '.']);
        let digits = w.chars().take_while(char::is_ascii_digit).count();
        if digits == 4 && w.len() == 4 {
            if !matches!(w.parse::<u32>(), Ok(1000..=2099)) || year {
                return false;
            }
            year = true;
        } else if (1..=2).contains(&digits)
            && matches!(
                &w[digits..],
                "" | "er" | "st" | "nd" | "rd" | "th" | "º" | "°"
            )
            || dict.flags_of(w) & MONTH != 0
        {
            others += 1;
        } else {
            return false;
        }
    }
    year && others <= 2
}

/// What a part of a document's description holds.
enum Doc {
    Date,
    /// A description, and where its trailing date starts (a byte offset in
    /// the part), if it ends with one.
    Title(Option<usize>),
}

fn document_part(part: &str) -> Doc {
    let words: Vec<(usize, &str)> = part
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - part.as_ptr() as usize, w))
        .collect();
    let plain: Vec<&str> = words.iter().map(|(_, w)| *w).collect();
    if is_date_words(&plain) {
        return Doc::Date;
    }
    // "note du 3 avril 1936": a linker, then a date to the end
    for k in (1..words.len().saturating_sub(1)).rev().take(4) {
        if DATE_LINKS.contains(&words[k].1) && is_date_words(&plain[k + 1..]) {
            return Doc::Title(Some(words[k + 1].0));
        }
    }
    Doc::Title(None)
}

/// Cheap first (every reference passes this rule): whether a repository's
/// word opens a word in the first 240 bytes, where the first four comma
/// parts stand. Bytes, not chars: every such word begins with an ASCII
/// capital and ends at an ASCII space or punctuation mark.
fn mentions_repository(text: &str) -> bool {
    let b = text.as_bytes();
    let limit = b.len().min(240);
    let mut i = 0;
    while i < limit {
        if b[i].is_ascii_uppercase() && (i == 0 || b[i - 1] == b' ') {
            let end = b[i..]
                .iter()
                .position(|c| matches!(c, b' ' | b',' | b'.' | b';' | b':'))
                .map_or(b.len(), |p| i + p);
            let w = &text[i..end];
            if is_head(w) || is_head_word(w) {
                return true;
            }
            i = end;
        } else {
            i += 1;
        }
    }
    false
}

/// Relabels the tokens of an archival reference (see the module docs).
pub(crate) fn archival_citation(text: &str, tokens: &[Token], path: &mut [u16], outside: u16) {
    if text.len() > 600 || !mentions_repository(text) {
        return;
    }
    let ps = parts(text);
    // the repository: among the first four parts, followed by a cote or box
    let Some(a) = (0..ps.len().min(4).saturating_sub(1)).find(|&i| {
        is_repository(ps[i].1)
            && (is_cote(ps[i + 1].1) || is_box(ps[i + 1].1) || is_series(ps[i + 1].1))
    }) else {
        return;
    };
    let is_shelf = |p: &str| is_cote(p) || is_box(p);
    // the repository's town joins it ("British Library, London")
    let archive_end = if ps.len() > a + 2 && is_place(ps[a + 1].1) && !is_shelf(ps[a + 1].1) {
        a + 1
    } else {
        a
    };
    // the shelfmark ends with its last cote or box before any description
    let mut end = None;
    for (i, p) in ps.iter().enumerate().skip(archive_end + 1) {
        if is_shelf(p.1) {
            end = Some(i);
        } else if !is_series(p.1) || i > a + 5 {
            break;
        }
    }
    let Some(end) = end else {
        return;
    };
    let leaf = (ps.len() > end + 1)
        .then(|| ps.len() - 1)
        .filter(|&l| is_leaf(ps[l].1, LEAF_WORDS, 4));
    let docs_after = end + 1..leaf.unwrap_or(ps.len());
    // no more than a description and a date or two either side; a part
    // before the repository is a description of two words or more or a
    // date ("ASPd, AN, b. 247": "AN" is a fonds of the archive "ASPd")
    if a > 3
        || docs_after.len() > 3
        || ps[..a]
            .iter()
            .any(|p| p.1.split_whitespace().count() < 2 && !matches!(document_part(p.1), Doc::Date))
    {
        return;
    }
    // the town is the archive's place ("archive-place"), not its name
    let mut spans: Vec<(Range<usize>, Label)> = vec![(ps[a].0.clone(), Label::Archive)];
    if archive_end > a {
        spans.push((ps[archive_end].0.clone(), Label::Location));
    }
    spans.push((
        ps[archive_end + 1].0.start..ps[end].0.end,
        Label::ArchiveLocation,
    ));
    if let Some(l) = leaf {
        spans.push((ps[l].0.clone(), Label::Pages));
    }
    for i in (0..a).chain(docs_after) {
        let (range, part) = (&ps[i].0, ps[i].1);
        if part.is_empty() {
            continue;
        }
        // a description that goes on past a comma is one title
        if let Some((last, Label::Title)) = spans.last_mut() {
            if last.end + 1 == range.start && matches!(document_part(part), Doc::Title(None)) {
                last.end = range.end;
                continue;
            }
        }
        let lead =
            range.start + (text[range.clone()].len() - text[range.clone()].trim_start().len());
        match document_part(part) {
            Doc::Date => spans.push((range.clone(), Label::Date)),
            Doc::Title(Some(at)) => {
                let date_start = lead + at;
                let title_end = text[range.start..date_start]
                    .trim_end()
                    .rsplit_once(' ')
                    .map_or(range.start, |(t, _)| range.start + t.len());
                spans.push((range.start..title_end, Label::Title));
                spans.push((date_start..range.end, Label::Date));
            }
            Doc::Title(None) => spans.push((range.clone(), Label::Title)),
        }
    }
    relabel(tokens, path, &spans, outside);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn relabel(text: &str) -> Vec<String> {
        crate::path_rule_test::relabel_with(archival_citation, text)
    }

    #[test]
    fn french_archives() {
        assert_eq!(
            relabel("AN, F7 13984, note du 3 avril 1936."),
            [
                "archive=AN",
                "archive-location=F7 13984",
                "title=note",
                "date=3 avril 1936"
            ]
        );
        assert_eq!(
            relabel("AD Nord, M 154/52, lettre du préfet au ministre de l’Intérieur, 4 mai 1925."),
            [
                "archive=AD Nord",
                "archive-location=M 154/52",
                "title=lettre du préfet au ministre de l’Intérieur",
                "date=4 mai 1925"
            ]
        );
        assert_eq!(
            relabel("AN, F7 13984, rapport du commissaire spécial, Lille, 3 mai 1925."),
            [
                "archive=AN",
                "archive-location=F7 13984",
                "title=rapport du commissaire spécial, Lille",
                "date=3 mai 1925"
            ]
        );
        assert_eq!(
            relabel("SHD, 7 N 2345, dossier 3."),
            ["archive=SHD", "archive-location=7 N 2345, dossier 3"]
        );
        assert_eq!(
            relabel("AMAE, Europe 1918-1940, Allemagne, vol. 345, fol. 12."),
            [
                "archive=AMAE",
                "archive-location=Europe 1918-1940, Allemagne, vol. 345",
                "pages=fol. 12"
            ]
        );
        assert_eq!(
            relabel("Archives nationales, F7 12951, rapport du préfet de police, 12 mars 1934."),
            [
                "archive=Archives nationales",
                "archive-location=F7 12951",
                "title=rapport du préfet de police",
                "date=12 mars 1934"
            ]
        );
    }

    #[test]
    fn repositories_are_looked_for_cheaply() {
        assert!(mentions_repository(
            "Smith to Jones, 4 May 1925, TNA, FO 371"
        ));
        assert!(mentions_repository("Bibliothèque nationale, Ms. fr. 12"));
        assert!(!mentions_repository("ANNALES, 12 (1990); THE END"));
        assert!(!mentions_repository(
            "Taylor, Origins (London, 1961), p. 88"
        ));
    }

    #[test]
    fn british_archives() {
        assert_eq!(
            relabel("Smith to Jones, 4 May 1925, TNA, FO 371/12345, fol. 12."),
            [
                "title=Smith to Jones",
                "date=4 May 1925",
                "archive=TNA",
                "archive-location=FO 371/12345",
                "pages=fol. 12"
            ]
        );
        assert_eq!(
            relabel("British Library, London, Add MS 38227, fol. 4."),
            [
                "archive=British Library",
                "location=London",
                "archive-location=Add MS 38227",
                "pages=fol. 4"
            ]
        );
        // a town of several words, and Kew
        assert_eq!(
            relabel("Arquivo Nacional, Rio de Janeiro, Fundo Ministério da Justiça, cx. 12."),
            [
                "archive=Arquivo Nacional",
                "location=Rio de Janeiro",
                "archive-location=Fundo Ministério da Justiça, cx. 12"
            ]
        );
        assert_eq!(
            relabel("The National Archives, Kew, FO 371/12345."),
            [
                "archive=The National Archives",
                "location=Kew",
                "archive-location=FO 371/12345"
            ]
        );
    }

    #[test]
    fn spanish_archives() {
        assert_eq!(
            relabel("AHN, Estado, leg. 2845, exp. 12."),
            ["archive=AHN", "archive-location=Estado, leg. 2845, exp. 12"]
        );
        assert_eq!(
            relabel("Arquivo Nacional, Fundo Ministério da Justiça, cx. 12."),
            [
                "archive=Arquivo Nacional",
                "archive-location=Fundo Ministério da Justiça, cx. 12"
            ]
        );
        assert_eq!(
            relabel("Archivo General de Simancas, Estado, leg. 8340, fol. 12."),
            [
                "archive=Archivo General de Simancas",
                "archive-location=Estado, leg. 8340",
                "pages=fol. 12"
            ]
        );
    }

    #[test]
    fn other_citations_are_left_alone() {
        for text in [
            "Archives de la Bastille, 12 vols, Paris 1866.",
            "Archivio Veneto, a. XVIII, n. s., t. 36 (1888).",
            "Archives nationales et histoire, Paris, Seuil, 1990.",
            "M. Weber, Wirtschaft und Gesellschaft, Tübingen 1922, S. 12",
            "AN, a history of the archive, Paris 2004",
            "British Journal of Sociology, 12, 1961.",
            "The National Archives, London.",
            "ASV, Consiglio dei X, Parti comuni, filza 64, c. 12.",
            "ASPd, AN, b. 247, fols. 650r-51 r.",
            "British Library, London. Add MS 38227, Liverpool Papers, vol. 38.",
            // a journal named "Archivo …", a Spanish book
            "Archivo Español de Arte, 12, 1939.",
            "Archivo español de arte y arqueología, vol. 3, Madrid 1927.",
        ] {
            let all = relabel(text);
            assert_eq!(all, [format!("author={}", text)], "{text}");
        }
    }
}
