//! Publisher link debris: "Google Scholar", "CrossRef", "[PubMed]", … left in
//! scraped reference lists after each reference.
//!
//! A phrase is debris only where it stands as a link label: at a line start
//! or line end, after a period, bracket or digit, glued to the next
//! reference, or next to another debris phrase. Inside a sentence ("data
//! from PubMed (2010)") it stays.

use crate::edits::{char_at, char_before, Edit};

/// How sure a phrase is to be debris.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Strength {
    /// Common word ("Article", "Abstract"): debris only next to a stronger phrase.
    Weak,
    /// Debris at a boundary (line start or end, after punctuation, glued).
    Boundary,
    /// Practically never prose: debris also before a capitalised word.
    Very,
}

struct Phrase {
    text: &'static str,
    strength: Strength,
}

const fn p(text: &'static str, strength: Strength) -> Phrase {
    Phrase { text, strength }
}

/// Longer phrases come before their prefixes ("PubMed Central" before "PubMed").
const PHRASES: &[Phrase] = &[
    p("Search in Google Scholar", Strength::Very),
    p("Google Scholar", Strength::Very),
    p("Full Text via CrossRef", Strength::Very),
    p("CrossRef", Strength::Very),
    p("Cross Ref", Strength::Very),
    p("Web of Science", Strength::Very),
    p("Find this resource", Strength::Very),
    p("OpenURL Placeholder Text", Strength::Very),
    p("OpenURL", Strength::Very),
    p("WorldCat", Strength::Very),
    p("View in article", Strength::Very),
    p("Search ADS", Strength::Very),
    p("PubMed Central", Strength::Boundary),
    p("PubMed", Strength::Boundary),
    p("PMC free article", Strength::Boundary),
    p("Europe PMC", Strength::Boundary),
    p("Scopus", Strength::Boundary),
    p("Medline", Strength::Boundary),
    p("MathSciNet", Strength::Boundary),
    p("zbMATH", Strength::Boundary),
    p("ChemPort", Strength::Boundary),
    p("Semantic Scholar", Strength::Boundary),
    p("Google Preview", Strength::Boundary),
    p("Publisher Site", Strength::Boundary),
    p("Free Full Text", Strength::Weak),
    p("Full Text", Strength::Weak),
    p("Article", Strength::Weak),
    p("Abstract", Strength::Weak),
    p("CAS", Strength::Weak),
    p("ISI", Strength::Weak),
    p("ADS", Strength::Weak),
    p("PMC", Strength::Weak),
    p("Link", Strength::Weak),
    p("PDF", Strength::Weak),
];

/// Match `phrase` at byte `i` of `b`, ASCII case-insensitively; a space in
/// the phrase matches any number of spaces ("PubMedCentral" too). Returns
/// the end of the match.
fn match_phrase(b: &[u8], i: usize, phrase: &[u8]) -> Option<usize> {
    let mut j = i;
    for &pc in phrase {
        if pc == b' ' {
            while b.get(j) == Some(&b' ') {
                j += 1;
            }
        } else if b.get(j).is_some_and(|c| c.eq_ignore_ascii_case(&pc)) {
            j += 1;
        } else {
            return None;
        }
    }
    Some(j)
}

/// Optional tails: "Web of Science ®", "Find this resource:". `None` when
/// the phrase labels what follows ("PubMed: 123", "MEDLINE:8890987").
fn match_tail(b: &[u8], end: usize, phrase: &str) -> Option<usize> {
    let mut j = end;
    while b.get(j) == Some(&b' ') {
        j += 1;
    }
    if b.get(j..j + 2) == Some(&[0xC2, 0xAE]) {
        return Some(j + 2);
    }
    if b.get(end) == Some(&b':') {
        return (phrase == "Find this resource").then_some(end + 1);
    }
    Some(end)
}

/// The longest phrase matching at `i` (without brackets): (end, strength).
fn phrase_at(b: &[u8], i: usize) -> Option<(usize, Strength)> {
    let first = b.get(i)?.to_ascii_lowercase();
    let mut mask = PHRASES_BY_FIRST.get(first as usize).copied().unwrap_or(0);
    let mut best: Option<(usize, Strength)> = None;
    while mask != 0 {
        let ph = &PHRASES[mask.trailing_zeros() as usize];
        mask &= mask - 1;
        let Some(e) = match_phrase(b, i, ph.text.as_bytes()) else {
            continue;
        };
        if let Some(end) = match_tail(b, e, ph.text) {
            best = best.max(Some((end, ph.strength)));
        }
    }
    best
}

/// Per lower-case ASCII first byte, the set of [`PHRASES`] (bit `k` for
/// phrase `k`) that open with it: [`phrase_at`] tries only those.
const PHRASES_BY_FIRST: [u64; 128] = {
    assert!(PHRASES.len() <= 64);
    let mut t = [0u64; 128];
    let mut k = 0;
    while k < PHRASES.len() {
        let c = PHRASES[k].text.as_bytes()[0].to_ascii_lowercase();
        assert!(c < 128);
        t[c as usize] |= 1 << k;
        k += 1;
    }
    t
};

/// One debris phrase found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub start: usize,
    pub end: usize,
    pub strength: Strength,
}

/// A debris phrase starting at byte `i` of `s` (plain or in brackets), if any.
/// Plain phrases must start with an uppercase letter and must not run on
/// into a lowercase letter ("Articles", "Scopusx").
fn candidate_at(s: &str, i: usize) -> Option<Candidate> {
    let b = s.as_bytes();
    if b[i] == b'[' {
        let mut j = i + 1;
        while b.get(j) == Some(&b' ') {
            j += 1;
        }
        let (mut end, strength) = phrase_at(b, j)?;
        while b.get(end) == Some(&b' ') {
            end += 1;
        }
        if b.get(end) != Some(&b']') {
            return None;
        }
        return Some(Candidate {
            start: i,
            end: end + 1,
            strength,
        });
    }
    if !b[i].is_ascii_uppercase() {
        return None;
    }
    let (end, strength) = phrase_at(b, i)?;
    let next = char_at(s, end);
    if next.is_some_and(|c| c.is_lowercase()) {
        return None;
    }
    // a common word glued to more letters is part of a word ("PMCID",
    // "CASE"), unless another label follows ("CASPubMed")
    if strength == Strength::Weak
        && next.is_some_and(|c| c.is_alphanumeric())
        && candidate_at(s, end).is_none()
    {
        return None;
    }
    Some(Candidate {
        start: i,
        end,
        strength,
    })
}

/// Every debris phrase in `s`, left to right, not overlapping.
pub(crate) fn candidates(s: &str) -> Vec<Candidate> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'[' || c.is_ascii_uppercase() {
            // a phrase glued to a preceding letter of the same word is fine
            // ("MacmillanGoogle Scholar"), the boundary rules decide later
            if let Some(cand) = candidate_at(s, i) {
                out.push(cand);
                i = cand.end;
                continue;
            }
        }
        i += 1;
    }
    out
}

fn is_separator_gap(gap: &str) -> bool {
    gap.chars()
        .all(|c| matches!(c, ' ' | ',' | ';' | '|' | '/' | '·' | '•'))
}

/// Only spaces between the line start (or text start) and `i`.
fn at_line_start(s: &str, i: usize) -> bool {
    s[..i]
        .bytes()
        .rev()
        .find(|&c| c != b' ')
        .is_none_or(|c| c == b'\n')
}

/// Only spaces between `i` and the line end (or text end).
fn at_line_end(s: &str, i: usize) -> bool {
    s[i..]
        .bytes()
        .find(|&c| c != b' ')
        .is_none_or(|c| c == b'\n')
}

/// The previous non-space character on the line is punctuation ending a
/// reference or a digit.
fn after_punctuation(s: &str, i: usize) -> bool {
    let before = s[..i].trim_end_matches(' ');
    before.chars().next_back().is_some_and(|c| {
        c.is_ascii_digit()
            || matches!(
                c,
                '.' | ')' | ']' | '}' | ':' | ';' | ',' | '"' | '\'' | '”' | '’' | '»' | '!' | '?'
            )
    })
}

/// The previous word (before spaces) ends in a lowercase letter.
fn after_lowercase_word(s: &str, i: usize) -> bool {
    let before = s[..i].trim_end_matches(' ');
    before.len() < i && before.chars().next_back().is_some_and(|c| c.is_lowercase())
}

fn glued_before(s: &str, i: usize) -> bool {
    char_before(s, i).is_some_and(|c| c.is_alphanumeric())
}

fn opens_reference(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '(' | '[' | '"' | '“' | '‘' | '„' | '«')
}

fn glued_after(s: &str, i: usize) -> bool {
    char_at(s, i).is_some_and(opens_reference)
}

fn spaced_capital_after(s: &str, i: usize) -> bool {
    let rest = &s[i..];
    let trimmed = rest.trim_start_matches(' ');
    trimmed.len() < rest.len() && trimmed.chars().next().is_some_and(opens_reference)
}

/// Decide which runs of candidates are debris. Returns (start, end) byte
/// ranges of accepted clusters, in order.
pub(crate) fn debris_clusters(s: &str) -> Vec<(usize, usize)> {
    let cands = candidates(s);
    let mut out = Vec::new();
    let mut k = 0;
    while k < cands.len() {
        let mut m = k + 1;
        while m < cands.len() && is_separator_gap(&s[cands[m - 1].end..cands[m].start]) {
            m += 1;
        }
        let mut cluster = &cands[k..m];
        k = m;
        // a weak first member needs a clean left boundary of its own
        while let Some(first) = cluster.first() {
            if first.strength == Strength::Weak
                && !(at_line_start(s, first.start) || after_punctuation(s, first.start))
            {
                cluster = &cluster[1..];
            } else {
                break;
            }
        }
        while let Some(last) = cluster.last() {
            let e = last.end;
            if last.strength == Strength::Weak
                && !(at_line_end(s, e) || glued_after(s, e) || spaced_capital_after(s, e))
            {
                cluster = &cluster[..cluster.len() - 1];
            } else {
                break;
            }
        }
        let (Some(first), Some(last)) = (cluster.first(), cluster.last()) else {
            continue;
        };
        let best = cluster.iter().map(|c| c.strength).max();
        let Some(best) = best.filter(|&b| b > Strength::Weak) else {
            continue;
        };
        let (start, end) = (first.start, last.end);
        let mut left = at_line_start(s, start) || after_punctuation(s, start);
        let mut right = glued_after(s, end);
        // several labels in a row: glued or in brackets, or with a Very one
        let mut several = cluster.len() >= 2
            && cluster
                .windows(2)
                .all(|w| w[0].end == w[1].start || s.as_bytes()[w[1].start] == b'[');
        if best == Strength::Very {
            left |= glued_before(s, start);
            // "… 1961) Google Scholar Smith", not "OCLC introduces WorldCat Discovery"
            right |= (spaced_capital_after(s, end) && !after_lowercase_word(s, start))
                || at_line_end(s, end);
            several |= cluster.len() >= 2;
        } else {
            // "… and Scopus" ending a sentence is prose, "… Press PubMed" is not
            right |= at_line_end(s, end) && !after_lowercase_word(s, start);
        }
        if left || right || several {
            out.push((start, end));
        }
    }
    out
}

/// Edits removing debris, and the positions (in `s`) where debris stood.
pub(crate) fn debris_edits(s: &str) -> (Vec<Edit>, Vec<usize>) {
    let mut edits: Vec<Edit> = Vec::new();
    let mut breaks = Vec::new();
    let b = s.as_bytes();
    let mut last_end = 0;
    for (start, end) in debris_clusters(s) {
        let (mut a, mut z) = (start, end);
        let replacement = if at_line_start(s, a) && at_line_end(s, z) {
            // the whole line is debris: drop the line
            while a > last_end && b[a - 1] == b' ' {
                a -= 1;
            }
            while b.get(z) == Some(&b' ') {
                z += 1;
            }
            if b.get(z) == Some(&b'\n') {
                z += 1;
            } else if a > last_end && b[a - 1] == b'\n' {
                a -= 1;
            }
            ""
        } else {
            // "… 72–81. PubMed." : the label's own period goes with it
            let before = s[..a].trim_end_matches(' ');
            if matches!(b.get(z), Some(b'.' | b',' | b';'))
                && before.ends_with(['.', ',', ';', ':'])
            {
                z += 1;
            }
            let space_before = a == 0 || matches!(b[a - 1], b' ' | b'\n');
            let space_after = z == b.len() || matches!(b[z], b' ' | b'\n');
            if space_before || space_after {
                ""
            } else {
                " "
            }
        };
        let a = a.max(last_end);
        if a >= z {
            continue;
        }
        edits.push((a..z, replacement.to_string()));
        breaks.push(a);
        last_end = z;
    }
    (edits, breaks)
}

/// True when `text` (a link label, a short element text) consists only of
/// debris phrases and separators, with at least one phrase that is not a
/// weak word — or only weak words when `weak_ok` ("Article", "Abstract" as
/// the whole text of a link).
pub fn is_link_debris(text: &str, weak_ok: bool) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    let mut best: Option<Strength> = None;
    while i < b.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if c.is_whitespace()
            || matches!(
                c,
                '[' | ']' | '(' | ')' | ',' | ';' | ':' | '|' | '/' | '·' | '•' | '®' | '-' | '.'
            )
        {
            i += c.len_utf8();
            continue;
        }
        let Some((end, strength)) = phrase_at(b, i) else {
            return false;
        };
        if char_at(text, end).is_some_and(|c| c.is_alphanumeric()) {
            return false;
        }
        best = best.max(Some(strength));
        i = end;
    }
    match best {
        Some(Strength::Weak) => weak_ok,
        Some(_) => true,
        None => false,
    }
}

/// The debris phrases (for tests that check what cleaning may remove).
#[cfg(test)]
pub(crate) fn phrase_texts() -> impl Iterator<Item = &'static str> {
    PHRASES.iter().map(|p| p.text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ibid_model::MappedText;

    fn run(s: &str) -> (String, Vec<usize>) {
        let (edits, breaks) = debris_edits(s);
        let t = MappedText::identity(s, 0).apply_edits(&edits);
        (t.as_str().to_string(), breaks)
    }

    #[test]
    fn glued_debris_is_removed() {
        let (t, _) =
            run("Taylor, Origins (London, 1961), p. 88.Google ScholarTaylor, Struggle, p. 3.");
        assert_eq!(
            t,
            "Taylor, Origins (London, 1961), p. 88. Taylor, Struggle, p. 3."
        );
        let (t, _) = run("Ibid. (1961).CrossRefGoogle Scholar");
        assert_eq!(t, "Ibid. (1961).");
        let (t, _) = run("Past & Present 50 (1971), 76–136.CrossRef");
        assert_eq!(t, "Past & Present 50 (1971), 76–136.");
    }

    #[test]
    fn bracketed_tandf_links() {
        let s = "Smith, J. ‘The Manor’, Agricultural History Review 12 (1964): 1–20. [Crossref], [Web of Science ®], [Google Scholar]\nJones, K. Peasants (Oxford, 1970).";
        let (t, breaks) = run(s);
        assert_eq!(
            t,
            "Smith, J. ‘The Manor’, Agricultural History Review 12 (1964): 1–20. \nJones, K. Peasants (Oxford, 1970)."
        );
        assert_eq!(breaks.len(), 1);
    }

    #[test]
    fn wiley_run_with_weak_words() {
        let s = "Davis, N. Z. (1975) Society and Culture. Stanford.\nCrossrefCASPubMedWeb of Science®Google Scholar\nBossy, J. (1985) Christianity.";
        let (t, _) = run(s);
        assert_eq!(
            t,
            "Davis, N. Z. (1975) Society and Culture. Stanford.\nBossy, J. (1985) Christianity."
        );
        let s2 = "Smith J (2001) Title. J Hist 12:1–20\nArticle  CAS  Google Scholar\n";
        assert_eq!(run(s2).0, "Smith J (2001) Title. J Hist 12:1–20\n");
    }

    #[test]
    fn prose_mentions_stay() {
        for s in [
            "Data were taken from PubMed (2010) and Scopus in 2011.",
            "The CrossRef database lists it.",
            "Scopusian tendencies",
            "An Article on Abstract Art.",
            "PubMedical",
            "searching PubMed, Medline and Scopus",
        ] {
            assert_eq!(run(s).0, s, "{s}");
        }
        // a weak word before a link label stays when it is glued to prose
        assert_eq!(run("A Review ArticleGoogle Scholar").0, "A Review Article");
    }

    #[test]
    fn line_end_debris_and_whole_lines() {
        let (t, b) = run("Oxford University Press Google Scholar\n12 Ibid.");
        assert_eq!(t, "Oxford University Press \n12 Ibid.");
        assert_eq!(b, vec![24]);
        let (t, _) = run("Taylor, Origins.\nFind this resource:\n  Google Scholar  \n13 Ibid.");
        assert_eq!(t, "Taylor, Origins.\n13 Ibid.");
        let (t, _) = run("Taylor, Origins.\nWorldCat");
        assert_eq!(t, "Taylor, Origins.");
    }

    #[test]
    fn other_link_labels() {
        let (t, b) = run("Smith 2001, 12–20. [PubMed] [PubMed Central]\nJones 2003. View in article\nBrown 2004.Search in Google ScholarOpenURL");
        assert_eq!(t, "Smith 2001, 12–20. \nJones 2003. \nBrown 2004.");
        assert_eq!(b.len(), 3);
        let (t, _) = run("Lane 1999, 3–9. Medline Scopus\n");
        assert_eq!(t, "Lane 1999, 3–9. \n");
    }

    #[test]
    fn run_together_labels() {
        assert_eq!(
            run("12 (2010): 1–9. PubMed PMID:123; PubMedCentral PMCID:PMC4").0,
            "12 (2010): 1–9.  PMID:123;  PMCID:PMC4"
        );
    }

    #[test]
    fn labels_of_identifiers_and_words_stay() {
        for s in [
            "26. PMID 24668071 PMCID PMC3042508",
            "0001-6268 MEDLINE:8890987",
            "PubMed: 12345678",
            "OCLC introduces WorldCat Discovery Services.",
            "(1990). CASE STUDIES",
        ] {
            assert_eq!(run(s).0, s, "{s}");
        }
        // (the double space is collapsed by a later pass)
        assert_eq!(
            run("Smith 1990, 72–81. PubMed. Jones 1991.").0,
            "Smith 1990, 72–81.  Jones 1991."
        );
    }

    #[test]
    fn camel_glued_after_word() {
        let (t, _) = run("London: MacmillanGoogle ScholarSmith, J.");
        assert_eq!(t, "London: Macmillan Smith, J.");
    }

    #[test]
    fn urls_are_not_debris() {
        let s = "https://api.crossref.org/works and https://pubmed.ncbi.nlm.nih.gov/123";
        assert_eq!(run(s).0, s);
    }

    #[test]
    fn link_label_check() {
        assert!(is_link_debris("Google Scholar", false));
        assert!(is_link_debris(" [Crossref], [Web of Science ®] ", false));
        assert!(is_link_debris("Find this resource:", false));
        assert!(is_link_debris("Article", true));
        assert!(!is_link_debris("Article", false));
        assert!(!is_link_debris("Taylor, Origins", true));
        assert!(!is_link_debris("", true));
        assert!(!is_link_debris("Google Scholarship", true));
    }
}
