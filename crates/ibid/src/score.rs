//! Scoring a notes document against a hand-made gold annotation.
//!
//! The gold format (`*.gold.json` in `test_data/documents/`) lists every note
//! with its number and its citations (text, kind, work slug, locator), the
//! abbreviations defined, and the ibids that are ambiguous. [`score`] matches
//! predicted citations to gold ones by note number and normalised text and
//! reports:
//!
//! - notes: gold note numbers found (recall) and predicted numbers that are
//!   in the gold (precision); prose notes (acknowledgments, headings) that
//!   yield no citation;
//! - citations: exact matches of the citation text (case kept; whitespace
//!   collapsed; a trailing `.`, `,`, `;` ignored);
//! - kinds: share of matched citations with the gold kind;
//! - works: pairwise precision and recall of the work clustering over the
//!   matched citations (two citations of the same gold work should share a
//!   predicted work; ambiguous ibids should have none);
//! - abbreviations: share of gold definitions listed.

use crate::Document;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// A gold annotation of one document.
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    #[serde(default)]
    pub document: String,
    pub notes: Vec<GoldNote>,
    #[serde(default)]
    pub abbreviations: Vec<GoldAbbreviation>,
}

/// A gold note.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldNote {
    pub number: Option<u32>,
    #[serde(default)]
    pub prose: bool,
    #[serde(default)]
    pub citations: Vec<GoldCitation>,
}

/// A gold citation.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldCitation {
    pub text: String,
    pub kind: String,
    pub work: Option<String>,
    #[serde(default)]
    pub locator: Option<String>,
}

/// A gold abbreviation definition.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldAbbreviation {
    pub short: String,
    pub note: Option<u32>,
}

/// A count of hits out of a total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ratio {
    pub hits: usize,
    pub total: usize,
}

impl Ratio {
    /// hits / total, 1.0 when there is nothing to count.
    pub fn value(self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.hits as f64 / self.total as f64
        }
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.3} ({}/{})", self.value(), self.hits, self.total)
    }
}

/// The scores of one document (or a sum of documents).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scores {
    pub notes_recall: Ratio,
    pub notes_precision: Ratio,
    pub prose_without_citation: Ratio,
    pub citations_recall: Ratio,
    pub citations_precision: Ratio,
    pub kinds: Ratio,
    pub locators: Ratio,
    pub work_pairs_precision: Ratio,
    pub work_pairs_recall: Ratio,
    pub ambiguous_kept_null: Ratio,
    pub abbreviations: Ratio,
}

impl Scores {
    /// Add another document's counts to these.
    pub fn add(&mut self, o: &Scores) {
        let pairs = [
            (&mut self.notes_recall, o.notes_recall),
            (&mut self.notes_precision, o.notes_precision),
            (&mut self.prose_without_citation, o.prose_without_citation),
            (&mut self.citations_recall, o.citations_recall),
            (&mut self.citations_precision, o.citations_precision),
            (&mut self.kinds, o.kinds),
            (&mut self.locators, o.locators),
            (&mut self.work_pairs_precision, o.work_pairs_precision),
            (&mut self.work_pairs_recall, o.work_pairs_recall),
            (&mut self.ambiguous_kept_null, o.ambiguous_kept_null),
            (&mut self.abbreviations, o.abbreviations),
        ];
        for (a, b) in pairs {
            a.hits += b.hits;
            a.total += b.total;
        }
    }

    /// Name and value of every score, in a fixed order.
    pub fn entries(&self) -> [(&'static str, Ratio); 11] {
        [
            ("notes recall", self.notes_recall),
            ("notes precision", self.notes_precision),
            ("prose notes without citation", self.prose_without_citation),
            ("citations recall (exact text)", self.citations_recall),
            ("citations precision (exact text)", self.citations_precision),
            ("kinds right", self.kinds),
            ("locators right", self.locators),
            ("work pairs precision", self.work_pairs_precision),
            ("work pairs recall", self.work_pairs_recall),
            ("ambiguous ibids left unresolved", self.ambiguous_kept_null),
            ("abbreviations listed", self.abbreviations),
        ]
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (name, r) in self.entries() {
            writeln!(f, "{name:<34} {r}")?;
        }
        Ok(())
    }
}

/// Normalise a citation text for matching.
pub fn normalise_citation(s: &str) -> String {
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    joined
        .trim_end_matches(['.', ',', ';', ':'])
        .trim()
        .to_string()
}

/// Score `doc` against `gold`.
pub fn score(doc: &Document, gold: &Gold) -> Scores {
    let mut s = Scores::default();
    // predicted notes by (number, occurrence): the k-th gold note numbered n
    // pairs with the k-th predicted note numbered n (numbers may repeat)
    let mut predicted: HashMap<(u32, usize), &crate::Note> = HashMap::new();
    let mut seen: HashMap<u32, usize> = HashMap::new();
    for n in &doc.notes {
        if let Some(num) = n.number {
            let k = seen.entry(num).or_insert(0);
            predicted.insert((num, *k), n);
            *k += 1;
        }
    }
    let mut gold_keys: HashSet<(u32, usize)> = HashSet::new();
    let mut gseen: HashMap<u32, usize> = HashMap::new();
    let gold_key: Vec<Option<(u32, usize)>> = gold
        .notes
        .iter()
        .map(|g| {
            g.number.map(|num| {
                let k = gseen.entry(num).or_insert(0);
                let key = (num, *k);
                *k += 1;
                gold_keys.insert(key);
                key
            })
        })
        .collect();
    for key in predicted.keys() {
        s.notes_precision.total += 1;
        s.notes_precision.hits += usize::from(gold_keys.contains(key));
    }

    // (gold work, predicted work) for each matched citation
    let mut matched: Vec<(Option<&str>, Option<&str>)> = Vec::new();
    for (g, key) in gold.notes.iter().zip(&gold_key) {
        let Some(key) = key else { continue };
        s.notes_recall.total += 1;
        let p = predicted.get(key);
        s.notes_recall.hits += usize::from(p.is_some());
        if g.prose {
            s.prose_without_citation.total += 1;
            s.prose_without_citation.hits += usize::from(p.is_none_or(|p| p.citations.is_empty()));
        }
        let preds: Vec<&crate::Citation> =
            p.map(|p| p.citations.iter().collect()).unwrap_or_default();
        s.citations_precision.total += preds.len();
        s.citations_recall.total += g.citations.len();
        let mut used = vec![false; preds.len()];
        for gc in &g.citations {
            let want = normalise_citation(&gc.text);
            let hit = preds
                .iter()
                .enumerate()
                .find(|(i, c)| !used[*i] && normalise_citation(&c.text) == want);
            let Some((i, c)) = hit else { continue };
            used[i] = true;
            s.citations_recall.hits += 1;
            s.citations_precision.hits += 1;
            s.kinds.total += 1;
            s.kinds.hits += usize::from(c.kind.as_str() == gc.kind);
            s.locators.total += 1;
            s.locators.hits += usize::from(
                c.locator.as_deref().map(normalise_citation)
                    == gc.locator.as_deref().map(normalise_citation),
            );
            if gc.work.is_none() && gc.kind == "ibid" {
                s.ambiguous_kept_null.total += 1;
                s.ambiguous_kept_null.hits += usize::from(c.work.is_none());
            }
            matched.push((gc.work.as_deref(), c.work.as_deref()));
        }
    }

    for i in 0..matched.len() {
        for j in i + 1..matched.len() {
            let (gi, pi) = matched[i];
            let (gj, pj) = matched[j];
            let same_gold = gi.is_some() && gi == gj;
            let same_pred = pi.is_some() && pi == pj;
            if same_pred {
                s.work_pairs_precision.total += 1;
                s.work_pairs_precision.hits += usize::from(same_gold);
            }
            if same_gold {
                s.work_pairs_recall.total += 1;
                s.work_pairs_recall.hits += usize::from(same_pred);
            }
        }
    }

    for a in &gold.abbreviations {
        s.abbreviations.total += 1;
        s.abbreviations.hits += usize::from(
            doc.abbreviations
                .iter()
                .any(|d| d.short.trim_end_matches('.') == a.short.trim_end_matches('.')),
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_document_scores_one() {
        let doc = crate::Parser::new().parse_str("1 Ibid., p. 3.\n");
        let gold: Gold = serde_json::from_str(
            r#"{"notes":[{"number":1,"citations":[{"text":"Ibid., p. 3","kind":"ibid","work":null,"locator":"p. 3"}]}]}"#,
        )
        .unwrap();
        let s = score(&doc, &gold);
        assert_eq!(s.notes_recall.value(), 1.0);
        assert_eq!(s.citations_recall, Ratio { hits: 1, total: 1 });
        assert_eq!(s.kinds.value(), 1.0);
    }

    #[test]
    fn missing_note_lowers_recall() {
        let doc = crate::Parser::new().parse_str("");
        let gold: Gold =
            serde_json::from_str(r#"{"notes":[{"number":1,"citations":[]}]}"#).unwrap();
        assert_eq!(score(&doc, &gold).notes_recall, Ratio { hits: 0, total: 1 });
    }
}
