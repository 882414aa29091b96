//! Text a citation holds outside its labelled fields: the words the model
//! left between fields and the `other` fields, which CSL has no place for.
//! What carries more than link words is kept in the item's note, so no
//! content of a citation is silently dropped.

use crate::dict::{self, Dict};
use crate::labeller::LabelledSpan;
use crate::spans::normalise_span;
use crate::token::{Token, TokenKind};
use ibid_model::{Item, Label};
use std::ops::Range;

/// Words that link fields rather than carry data: left outside every
/// field, they are not kept as a note.
const LINK_CLASSES: u32 = dict::PAGE
    | dict::VOLUME
    | dict::ISSUE
    | dict::EDITOR
    | dict::EDITION
    | dict::TRANSLATOR
    | dict::IN
    | dict::CONJ
    | dict::IBID;

/// Link words not in the word lists' marker classes.
const LINK_WORDS: &[&str] = &[
    "doi",
    "url",
    "urn",
    "isbn",
    "issn",
    "pmid",
    "pmcid",
    "arxiv",
    "available",
    "online",
    "retrieved",
    "accessed",
    "access",
    "from",
    "at",
    "on",
    "via",
    "viewed",
    "consulted",
    "cited",
    "cit",
    "cité",
    "zit",
    "hereafter",
    "dorénavant",
    "folgenden",
    "al",
    "etc",
];

/// Words that name a series ("Series C", "Serie D"): link words, but kept
/// with the designation after them.
const SERIES_WORDS: &[&str] = &["series", "serie", "série", "ser", "reihe"];

/// What a word left outside the fields is worth keeping as.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Worth {
    /// A link word ("in", "pp", "doi"): dropped.
    Link,
    /// A stop word or particle ("of", "del"): kept only between content.
    Stop,
    /// Anything else: kept.
    Content,
}

fn worth(word: &str, dict: &Dict) -> Worth {
    let flags = dict.flags_of(word);
    if flags & LINK_CLASSES != 0 || LINK_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)) {
        Worth::Link
    } else if flags & (dict::STOP | dict::PARTICLE) != 0 {
        Worth::Stop
    } else {
        Worth::Content
    }
}

/// The text the model labelled `outside` that carries more than link words
/// ("in", "pp.", "vol.", "and", "doi:"): each such run of outside tokens,
/// trimmed to its first and last word that is no link word, in text order.
/// A run of link and stop words only ("in", "pages of") is left out.
pub(crate) fn unlabelled_content(
    text: &str,
    tokens: &[Token],
    path: &[u16],
    out: &mut Vec<Range<usize>>,
) {
    let dict = Dict::embedded();
    let outside = Label::ALL.len() as u16;
    let n = path.len().min(tokens.len());
    let mut t = 0;
    while t < n {
        if path[t] < outside {
            t += 1;
            continue;
        }
        let mut e = t;
        while e < n && path[e] >= outside {
            e += 1;
        }
        // the run tokens[t..e]: its words that are no link words
        let mut first = None;
        let mut last = None;
        let mut content = false;
        // "Series C": a series word keeps the designation that follows it
        let mut series_at = None;
        for tok in &tokens[t..e] {
            if !matches!(tok.kind, TokenKind::Word | TokenKind::Number) {
                continue;
            }
            let word = &text[tok.range.clone()];
            let w = worth(word, dict);
            if w == Worth::Link {
                series_at = SERIES_WORDS
                    .iter()
                    .any(|s| s.eq_ignore_ascii_case(word))
                    .then_some(tok.range.start);
                continue;
            }
            first.get_or_insert(series_at.unwrap_or(tok.range.start));
            series_at = None;
            last = Some(tok.range.end);
            content |= w == Worth::Content;
        }
        if let (true, Some(a), Some(b)) = (content, first, last) {
            let range = normalise_span(text, a..b, dict);
            if !range.is_empty() {
                out.push(range);
            }
        }
        t = e;
    }
}

/// True when `s` has a word that is neither a link word nor a stop word.
fn has_content(s: &str, dict: &Dict) -> bool {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| worth(w, dict) == Worth::Content)
}

/// The CSL item of labelled fields plus the unlabelled content, which goes
/// to the item's note. CSL has no place for an `other` field either ("1
/// A.C. 180", "s. l.", "trans. M. Gregor"): one with content is also kept in
/// the note.
pub(crate) fn item_of(text: &str, fields: &[LabelledSpan], unlabelled: &[Range<usize>]) -> Item {
    let dict = Dict::embedded();
    let mut pairs: Vec<(Label, Range<usize>)> =
        fields.iter().map(|f| (f.label, f.range.clone())).collect();
    let others = fields
        .iter()
        .filter(|f| f.label == Label::Other)
        .filter(|f| {
            text.get(f.range.clone())
                .is_some_and(|s| has_content(s, dict))
        })
        .map(|f| (Label::Note, f.range.clone()));
    let extra: Vec<(Label, Range<usize>)> = others
        .chain(unlabelled.iter().map(|r| (Label::Note, r.clone())))
        .collect();
    if !extra.is_empty() {
        pairs.extend(extra);
        pairs.sort_by_key(|(_, r)| (r.start, r.end));
    }
    shelfmark_before_folio(text, &mut pairs);
    ibid_csl::to_item(text, &pairs)
}

/// "ASF, Mediceo del Principato 412, fol. 3r": when the model labels only
/// the folio as the archive location and leaves the shelfmark before it
/// outside every field, the location is the shelfmark and the folio
/// together (the resolver keys the archive file on the shelfmark).
fn shelfmark_before_folio(text: &str, pairs: &mut Vec<(Label, Range<usize>)>) {
    let is_folio = |s: &str| {
        let mut words = s.split_whitespace();
        let marker = words
            .next()
            .unwrap_or("")
            .trim_end_matches('.')
            .to_lowercase();
        matches!(
            marker.as_str(),
            "fol"
                | "fols"
                | "f"
                | "ff"
                | "fo"
                | "bl"
                | "c"
                | "cc"
                | "p"
                | "pp"
                | "s"
                | "folio"
                | "folios"
        ) && words
            .next()
            .is_some_and(|v| v.starts_with(|c: char| c.is_ascii_digit()))
    };
    for i in 1..pairs.len() {
        let (label, r) = &pairs[i];
        if *label != Label::ArchiveLocation || !text.get(r.clone()).is_some_and(is_folio) {
            continue;
        }
        let (prev_label, prev) = &pairs[i - 1];
        let gap = text.get(prev.end..r.start).unwrap_or("x");
        // a shelfmark has a number, and is no back-reference ("Ibid., 29")
        let shelfmark = text.get(prev.clone()).is_some_and(|p| {
            p.chars().any(|c| c.is_ascii_digit())
                && !p
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| Dict::embedded().flags_of(w) & dict::IBID != 0)
        });
        if *prev_label == Label::Note
            && shelfmark
            && gap.chars().all(|c| c == ',' || c.is_whitespace())
        {
            let start = prev.start;
            pairs[i].1.start = start;
            pairs.remove(i - 1);
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shelfmark_left_before_its_folio_joins_the_archive_location() {
        let text = "ASF, Mediceo del Principato 412, fol. 3r";
        let mut pairs = vec![
            (Label::Archive, 0..3),
            (Label::Note, 5..31),
            (Label::ArchiveLocation, 33..40),
        ];
        shelfmark_before_folio(text, &mut pairs);
        assert_eq!(
            pairs,
            vec![(Label::Archive, 0..3), (Label::ArchiveLocation, 5..40)]
        );
        // a note with no number is no shelfmark; a location that is no folio stays
        let text = "ASF, letter of the envoy, fol. 3r";
        let mut pairs = vec![
            (Label::Archive, 0..3),
            (Label::Note, 5..24),
            (Label::ArchiveLocation, 26..33),
        ];
        let before = pairs.clone();
        shelfmark_before_folio(text, &mut pairs);
        assert_eq!(pairs, before);
        let text = "Ibid., 29, II, c. 173";
        let mut pairs = vec![(Label::Note, 0..13), (Label::ArchiveLocation, 15..21)];
        let before = pairs.clone();
        shelfmark_before_folio(text, &mut pairs);
        assert_eq!(pairs, before);
        let text = "ASF, Carte Strozziane 12, serie I";
        let mut pairs = vec![
            (Label::Archive, 0..3),
            (Label::Note, 5..24),
            (Label::ArchiveLocation, 26..33),
        ];
        let before = pairs.clone();
        shelfmark_before_folio(text, &mut pairs);
        assert_eq!(pairs, before);
    }
}
