//! Word lists: abbreviations, cue words, prose markers, headings (EN/DE/FR/IT).
//!
//! Every lookup works on a lower-cased copy held in a stack buffer, so no
//! lookup allocates; the word lists live in [`crate::wordlists`].

use crate::wordlists::*;

/// A lower-cased copy of a short word, on the stack.
pub(crate) struct Lower {
    buf: [u8; 48],
    len: usize,
    ok: bool,
}

impl Lower {
    /// Lower-case `word`; words longer than the buffer give an empty string.
    pub(crate) fn new(word: &str) -> Self {
        let mut buf = [0u8; 48];
        if word.is_ascii() {
            let ok = word.len() <= buf.len();
            let len = if ok { word.len() } else { 0 };
            for (d, b) in buf.iter_mut().zip(&word.as_bytes()[..len]) {
                *d = b.to_ascii_lowercase();
            }
            return Lower { buf, len, ok };
        }
        let mut len = 0;
        let mut ok = true;
        'outer: for c in word.chars() {
            for l in c.to_lowercase() {
                let n = l.len_utf8();
                if len + n > buf.len() {
                    ok = false;
                    break 'outer;
                }
                l.encode_utf8(&mut buf[len..len + n]);
                len += n;
            }
        }
        Lower { buf, len, ok }
    }

    pub(crate) fn as_str(&self) -> &str {
        if !self.ok {
            return "";
        }
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

/// Abbreviations (without their final period) after which a period never ends
/// a sentence. Case-sensitive forms first, then case-insensitive ones.
pub(crate) fn is_nonterminal_abbrev(word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    // single letters: initials, "p", "S", "f", "n", "t", "s", "c", "b", "v"
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.clone().next()) {
        return c.is_alphabetic();
    }
    if word.contains('.') {
        // "a.a", "H.M.S", "U.S", "e.g", "N.S.W": dotted abbreviations
        return word.split('.').all(|p| p.chars().count() <= 3);
    }
    if flags(word) & F_ABBREV_EXACT != 0 {
        return true;
    }
    let low = Lower::new(word);
    flags(low.as_str()) & F_ABBREV != 0
}

/// Abbreviations whose period may also end a sentence ("… p. 45 ff. Smith …").
pub(crate) fn is_terminal_abbrev(word: &str) -> bool {
    // a capital letter alone is an initial ("12 F. Haug (ed.), …"), not "f."
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return false;
        }
    }
    is_terminal_abbrev_low(Lower::new(word).as_str())
}

/// [`is_terminal_abbrev`] of an already lower-cased word.
pub(crate) fn is_terminal_abbrev_low(low: &str) -> bool {
    flags(low) & F_TERMINAL != 0
}

/// Abbreviations whose final period belongs to the citation when it ends one.
pub(crate) fn keeps_period(word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    if word.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let low = Lower::new(word);
    if matches!(low.as_str(), "etc" | "et al" | "sic" | "al") {
        return true;
    }
    if matches!(
        low.as_str(),
        "ibidem" | "idem" | "eadem" | "passim" | "ebenda" | "ebendort"
    ) {
        return false; // whole words: the period ends the sentence
    }
    is_nonterminal_abbrev(word) || is_terminal_abbrev(word)
}

/// Tokens meaning "the same as the previous citation".
pub(crate) fn is_ibid(word: &str) -> bool {
    is_ibid_low(Lower::new(word).as_str())
}

/// [`is_ibid`] of an already lower-cased word.
pub(crate) fn is_ibid_low(low: &str) -> bool {
    flags(low) & F_IBID != 0
}

/// Cue words that introduce a citation ("see", "cf.", "vgl.").
/// `with_period` tells whether the token ended with a period.
pub(crate) fn is_cue(word: &str, with_period: bool) -> bool {
    is_cue_low(Lower::new(word).as_str(), with_period)
}

/// [`is_cue`] of an already lower-cased word.
pub(crate) fn is_cue_low(low: &str, with_period: bool) -> bool {
    let f = flags(low);
    f & F_CUE != 0 || (with_period && f & F_CUE_DOT != 0)
}

/// Filler words that may follow a cue word ("see also", "vgl. auch").
pub(crate) fn is_cue_filler(word: &str) -> bool {
    is_cue_filler_low(Lower::new(word).as_str())
}

/// [`is_cue_filler`] of an already lower-cased word.
pub(crate) fn is_cue_filler_low(low: &str) -> bool {
    flags(low) & F_FILLER != 0
}

/// Multi-word fillers after a cue: "for example", "in particular".
pub(crate) fn is_cue_filler_pair(a: &str, b: &str) -> bool {
    let la = Lower::new(a);
    let lb = Lower::new(b);
    matches!(
        (la.as_str(), lb.as_str()),
        ("for", "example")
            | ("for", "instance")
            | ("in", "particular")
            | ("in", "general")
            | ("par", "exemple")
            | ("ad", "esempio")
            | ("in", "particolare")
            | ("most", "recently")
            | ("more", "recently")
            | ("z.", "b")
    )
}

/// Strong signs of running prose: verbs, pronouns, conjunctions (lower-case).
pub(crate) fn is_prose_marker(word: &str) -> bool {
    if word == "I" {
        return true;
    }
    let Some(first) = word.chars().next() else {
        return false;
    };
    if !first.is_lowercase() {
        return false;
    }
    flags(word) & F_PROSE != 0
}

/// A lower-case particle before a family name ("de", "van", "von", "al").
pub(crate) fn is_name_particle(word: &str) -> bool {
    flags(word) & F_PARTICLE != 0
}

/// Words that open a sentence of commentary, never a title fragment.
pub(crate) fn is_sentence_opener(word: &str) -> bool {
    flags(word) & F_OPENER != 0
}

/// Words that hand over to a citation at the end of commentary ("bei Gessner").
pub(crate) fn is_lead_in(word: &str) -> bool {
    flags(word) & F_LEAD_IN != 0
}

/// Function words that occur in titles as well as in prose (neutral).
pub(crate) fn is_function_word(low: &str) -> bool {
    flags(low) & F_FUNCTION != 0
}

/// Lower-case words at home in citations (not prose evidence).
pub(crate) fn is_citation_word(low: &str) -> bool {
    flags(low) & F_CITATION != 0
}

/// Markers that point at another note ("n. 7", "note 24", "Anm. 3").
pub(crate) fn is_note_marker(word: &str) -> bool {
    flags(word) & F_NOTE != 0
}

/// Words that send the reader to another note ("supra", "oben", "above").
pub(crate) fn is_xref_word(word: &str) -> bool {
    is_xref_word_low(Lower::new(word).as_str())
}

/// [`is_xref_word`] of an already lower-cased word.
pub(crate) fn is_xref_word_low(low: &str) -> bool {
    flags(low) & F_XREF != 0
}

/// The name of a month (EN/DE/FR/IT, full or abbreviated).
pub(crate) fn is_month(word: &str) -> bool {
    is_month_low(Lower::new(word).as_str())
}

/// [`is_month`] of an already lower-cased word.
pub(crate) fn is_month_low(low: &str) -> bool {
    flags(low) & F_MONTH != 0
}

/// Abbreviations that name archives and libraries ("TNA", "BArch", "AN"):
/// a citation that starts with one is an archival citation, not a use of a
/// defined short title.
pub(crate) fn is_repository(word: &str) -> bool {
    matches!(
        word,
        "TNA"
            | "PRO"
            | "BArch"
            | "BA"
            | "AN"
            | "AD"
            | "ASV"
            | "ACS"
            | "ASMAE"
            | "AMAE"
            | "MAE"
            | "NARA"
            | "LOC"
            | "BL"
            | "BN"
            | "BNF"
            | "BnF"
            | "PA"
            | "PAAA"
            | "HStA"
            | "StA"
            | "ÖStA"
            | "HHStA"
            | "SHD"
            | "AGS"
            | "AHN"
            | "RGASPI"
            | "GARF"
            | "IfZ"
            | "BHStA"
            | "GStA"
            | "LA"
            | "LAB"
            | "ASF"
            | "ASMi"
            | "ASG"
            | "ASN"
            | "ASR"
            | "ASVe"
            | "AAV"
            | "ASD"
            | "NA"
            | "NAA"
            | "LAC"
            | "CAC"
            | "BLPES"
            | "IWM"
            | "RA"
            | "TsAMO"
            | "AVP"
            | "AVPRF"
            | "APP"
            | "CADN"
            | "ANOM"
    )
}

/// A Roman numeral (all upper-case or all lower-case, at most 8 letters).
pub(crate) fn is_roman_like(core: &str) -> bool {
    !core.is_empty()
        && core.len() <= 8
        && (core.bytes().all(|b| b"IVXLCDM".contains(&b))
            || core.bytes().all(|b| b"ivxlcdm".contains(&b)))
}

/// What a heading line announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Heading {
    /// A notes heading, an acknowledgments heading, a chapter title.
    Other,
    /// A bibliography heading: unnumbered entries follow.
    Bibliography,
}

/// Classify a (trimmed) line as a heading.
pub(crate) fn heading(line: &str) -> Option<Heading> {
    if line.len() > 80 || line.is_empty() {
        return None;
    }
    let t = line.trim_end_matches([':', '.', ' ']);
    let lowered = Lower::new(if t.len() <= 40 { t } else { "" });
    let low = lowered.as_str();
    match low {
        "notes"
        | "endnotes"
        | "footnotes"
        | "note"
        | "notes and references"
        | "anmerkungen"
        | "fußnoten"
        | "fussnoten"
        | "endnoten"
        | "notas"
        | "abbreviations"
        | "list of abbreviations"
        | "abkürzungen"
        | "abkürzungsverzeichnis"
        | "abbreviazioni"
        | "abréviations"
        | "acknowledgments"
        | "acknowledgements"
        | "acknowledgment"
        | "acknowledgement"
        | "remerciements"
        | "ringraziamenti"
        | "danksagung"
        | "dank"
        | "notes to the text"
        | "notes et références"
        | "notes and sources" => return Some(Heading::Other),
        "references"
        | "reference list"
        | "bibliography"
        | "select bibliography"
        | "selected bibliography"
        | "works cited"
        | "literature cited"
        | "literature"
        | "sources"
        | "sources and literature"
        | "primary sources"
        | "secondary sources"
        | "archival sources"
        | "printed sources"
        | "unpublished sources"
        | "published sources"
        | "manuscript sources"
        | "literatur"
        | "literaturverzeichnis"
        | "quellen"
        | "quellen und literatur"
        | "quellenverzeichnis"
        | "bibliographie"
        | "bibliografia"
        | "références"
        | "références bibliographiques"
        | "sources et bibliographie"
        | "riferimenti bibliografici"
        | "fonti"
        | "fonti e bibliografia"
        | "referencias"
        | "bibliografía"
        | "further reading"
        | "works consulted"
        | "cited works"
        | "published works"
        | "unpublished works"
        | "printed works"
        | "primary works"
        | "secondary works"
        | "primary literature"
        | "secondary literature"
        | "archival material"
        | "archival materials"
        | "archives"
        | "manuscripts"
        | "official publications"
        | "official papers"
        | "parliamentary papers"
        | "government publications"
        | "newspapers"
        | "periodicals"
        | "newspapers and periodicals"
        | "books and articles"
        | "theses"
        | "unpublished theses"
        | "online sources"
        | "table of cases"
        | "table of legislation"
        | "table of statutes"
        | "cases"
        | "legislation"
        | "gedruckte quellen"
        | "ungedruckte quellen"
        | "archivalien"
        | "sekundärliteratur"
        | "forschungsliteratur"
        | "fonti archivistiche"
        | "fonti a stampa"
        | "fonti inedite"
        | "sources imprimées"
        | "sources manuscrites"
        | "sources archivistiques"
        | "fuentes"
        | "fuentes primarias" => return Some(Heading::Bibliography),
        _ => {}
    }
    // "Notes to Chapter 3", "Chapter 2: The Crisis", "Kapitel 4"
    let first = t.split_whitespace().next().unwrap_or("");
    let first_low = Lower::new(first);
    let words = t.split_whitespace().count();
    let is_chapter_word = matches!(
        first_low.as_str(),
        "chapter"
            | "kapitel"
            | "chapitre"
            | "capitolo"
            | "part"
            | "teil"
            | "partie"
            | "parte"
            | "appendix"
            | "anhang"
            | "annexe"
            | "appendice"
    );
    if is_chapter_word && words <= 10 && !t.contains(',') {
        return Some(Heading::Other);
    }
    if matches!(first_low.as_str(), "notes" | "anmerkungen" | "notes:")
        && words <= 8
        && t.split_whitespace().nth(1).is_some_and(|w| {
            matches!(
                Lower::new(w).as_str(),
                "to" | "for" | "zu" | "zum" | "du" | "al" | "on"
            )
        })
    {
        return Some(Heading::Other);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_handles_unicode_and_long_words() {
        assert_eq!(Lower::new("Ebenda").as_str(), "ebenda");
        assert_eq!(Lower::new("ÉD").as_str(), "éd");
        assert_eq!(Lower::new(&"x".repeat(100)).as_str(), "");
    }

    #[test]
    fn abbreviations() {
        for w in [
            "Vol", "p", "pp", "H.M.S.O", "D.G.F.P", "Cmd", "Jan", "Dez", "a.a.O", "U.S",
        ] {
            assert!(is_nonterminal_abbrev(w), "{w}");
        }
        for w in ["War", "1961", "London", "Taylor", ""] {
            assert!(!is_nonterminal_abbrev(w), "{w}");
        }
        assert!(is_terminal_abbrev("ff"));
        assert!(is_terminal_abbrev("Ibid"));
        assert!(is_terminal_abbrev("f"));
        assert!(!is_terminal_abbrev("F"));
        assert!(keeps_period("ibid"));
        assert!(keeps_period("etc"));
        assert!(!keeps_period("1072"));
        assert!(!keeps_period("Origins"));
    }

    #[test]
    fn cues_and_markers() {
        assert!(is_cue("See", false));
        assert!(is_cue("cf", true));
        assert!(is_cue("cf", false));
        assert!(!is_cue("vgl", false));
        assert!(is_cue("Vgl", true));
        assert!(!is_cue("Smith", false));
        assert!(is_prose_marker("would"));
        assert!(is_prose_marker("I"));
        assert!(!is_prose_marker("Would"));
        assert!(is_ibid("Ebd"));
        assert!(is_ibid("ivi"));
        assert!(is_month("Mai"));
    }

    #[test]
    fn headings() {
        assert_eq!(heading("Notes"), Some(Heading::Other));
        assert_eq!(heading("NOTES"), Some(Heading::Other));
        assert_eq!(heading("References"), Some(Heading::Bibliography));
        assert_eq!(
            heading("Literaturverzeichnis:"),
            Some(Heading::Bibliography)
        );
        assert_eq!(heading("Notes to Chapter 3"), Some(Heading::Other));
        assert_eq!(
            heading("Chapter 2: The Crisis of 1938"),
            Some(Heading::Other)
        );
        assert_eq!(
            heading("Notes on the text are given below, as usual."),
            None
        );
        assert_eq!(heading("Taylor, A. J. P., The Origins"), None);
    }
}
