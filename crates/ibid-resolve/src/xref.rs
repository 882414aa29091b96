//! Cross-references: "supra n. 5", "(n 5)", "see n. 7", "cited in note 24",
//! "oben Anm. 3", "sopra, nota 2", and parts of works cited back ("in
//! Thornton, op. cit., n. 4").

use crate::engine::{clip, Ctx, Engine, ItemFrom, Outcome};
use crate::markers::{find_locator, has_title_words, Analysis, Direction, Xref};
use crate::query::{authors_match, title_score};
use crate::tokens::tokenize;
use crate::works::Found;
use crate::CitationInput;
use ibid_model::{CitationKind, Item};

impl Engine {
    pub fn xref(
        &mut self,
        ctx: Ctx,
        cit: &CitationInput<'_>,
        an: &Analysis,
        x: &Xref,
        own: Option<Item>,
    ) -> Outcome {
        let text = cit.text;
        // Whatever else it names, a citation that points to a note is a
        // cross-reference ("Bingham (n 4) 75", "Wark, above, n. 12").
        let kind = CitationKind::CrossReference;
        let locator = cit.locator.map(str::to_owned).or_else(|| {
            find_locator(text, &an.toks, an.body, x.range.end, false).map(|r| text[r].to_owned())
        });
        let unresolved = |o_locator| Outcome::new(kind, None, o_locator, ItemFrom::Input);
        let mut targets: Vec<usize> = Vec::new();
        let mut forward = x.direction == Direction::Forward;
        let mut missing = Vec::new();
        for &n in &x.notes {
            if ctx.number.is_some_and(|c| n >= c) {
                forward = true;
                continue;
            }
            match self.note_by_number.get(&n) {
                Some(&ni) => {
                    for &w in &self.note_targets[ni] {
                        if !targets.contains(&w) {
                            targets.push(w);
                        }
                    }
                }
                None => missing.push(n),
            }
        }
        let item = own.as_ref().unwrap_or(cit.item);
        let q = crate::named::query_for(text, an, item, None, x.range.start);
        if targets.is_empty() {
            let (code, why) = if forward {
                (
                    "forward-cross-reference",
                    "points forward; only earlier notes are used",
                )
            } else if !missing.is_empty() {
                (
                    "unresolved-cross-reference",
                    "points to a note that was not found",
                )
            } else {
                (
                    "unresolved-cross-reference",
                    "points to a note without resolved works",
                )
            };
            self.diag(ctx, code, format!("\"{}\" {why}", clip(text)));
            return unresolved(locator);
        }
        // a short form the notes defined ("DOJ Report, supra note 25" after
        // "[hereinafter DOJ Report]") names its work among the note's
        if let Some((key, _)) = self.match_def(text, &an.toks, an.body) {
            if let Some(w) = self.defs.get(&key).and_then(|d| d.work) {
                if targets.contains(&w) {
                    return Outcome::new(kind, Some(w), locator, ItemFrom::Work);
                }
            }
        }
        let mut cands = targets;
        if !q.authors.is_empty() {
            let by_author: Vec<usize> = cands
                .iter()
                .copied()
                .filter(|&w| authors_match(&q.authors, &self.store.works[w].authors).is_some())
                .collect();
            // A name the labeller misread in the note pointed to ("AV Dicey").
            let by_author = if by_author.is_empty() {
                cands
                    .iter()
                    .copied()
                    .filter(|&w| {
                        let rec = &self.store.works[w];
                        q.authors
                            .iter()
                            .all(|a| crate::works::Store::name_in_text(a, rec))
                    })
                    .collect()
            } else {
                by_author
            };
            if by_author.is_empty() {
                if let Found::One(w) = self.store.find_short(&q) {
                    self.diag(
                        ctx,
                        "cross-reference-mismatch",
                        format!(
                            "\"{}\": the note pointed to has no work by this author; used the author's only work",
                            clip(text)
                        ),
                    );
                    return Outcome::new(kind, Some(w), locator, ItemFrom::Work);
                }
                // A single authorless work (an archive file, a case) is kept when
                // it has no title or the name is a word of its title ("Brown (n 7)").
                let authorless = match cands.as_slice() {
                    [w] => {
                        let rec = &self.store.works[*w];
                        rec.authors.is_empty()
                            && (rec.titles.is_empty()
                                || q.authors.iter().flatten().any(|k| {
                                    rec.titles.iter().any(|t| {
                                        t.words.iter().any(|tw| {
                                            crate::fuzzy::match_words(k, tw)
                                                != crate::fuzzy::WordMatch::No
                                        })
                                    })
                                }))
                    }
                    _ => false,
                };
                if !authorless {
                    self.diag(
                        ctx,
                        "unresolved-cross-reference",
                        format!(
                            "\"{}\": no work by this author in the note pointed to",
                            clip(text)
                        ),
                    );
                    return unresolved(locator);
                }
            } else {
                cands = by_author;
            }
        }
        // one name: the work it heads ("Posner, supra note 11" for Posner's
        // book, not Landes & Posner's in the same note)
        if cands.len() > 1 && q.authors.len() == 1 {
            let first: Vec<usize> = cands
                .iter()
                .copied()
                .filter(|&w| {
                    let rec = &self.store.works[w];
                    rec.authors.first().is_some_and(|a| {
                        authors_match(&q.authors, std::slice::from_ref(a)).is_some()
                    })
                })
                .collect();
            if first.len() == 1 {
                cands = first;
            }
        }
        if cands.len() > 1 {
            if let Some(t) = &q.title {
                let scored: Vec<(crate::query::TitleScore, usize)> = cands
                    .iter()
                    .filter_map(|&w| {
                        let rec = &self.store.works[w];
                        rec.titles
                            .iter()
                            .filter_map(|wt| title_score(t, wt))
                            .max()
                            .map(|s| (s, w))
                    })
                    .collect();
                if let Some(best) = scored.iter().map(|s| s.0).max() {
                    cands = scored
                        .into_iter()
                        .filter(|s| s.0 == best)
                        .map(|s| s.1)
                        .collect();
                }
            }
        }
        if cands.len() > 1 {
            if let Some(y) = q.year {
                let same_year: Vec<usize> = cands
                    .iter()
                    .copied()
                    .filter(|&w| {
                        let it = &self.store.works[w].item;
                        it.issued.as_ref().and_then(|d| d.first_year()) == Some(y)
                    })
                    .collect();
                if !same_year.is_empty() {
                    cands = same_year;
                }
            }
        }
        if cands.len() > 1 {
            cands = self.filter_by_words(an, x, cands);
        }
        match cands.as_slice() {
            [w] => Outcome::new(kind, Some(*w), locator, ItemFrom::Work),
            _ => {
                self.diag(
                    ctx,
                    "ambiguous-cross-reference",
                    format!(
                        "\"{}\" points to a note citing {} works",
                        clip(text),
                        cands.len()
                    ),
                );
                unresolved(locator)
            }
        }
    }

    /// Keep the candidates whose title, author or type shares a word with the
    /// text before the pointer ("the report cited in note 12", "Jennings, supra n. 12").
    fn filter_by_words(&self, an: &Analysis, x: &Xref, cands: Vec<usize>) -> Vec<usize> {
        let words: Vec<&str> = an
            .toks
            .iter()
            .filter(|t| t.end <= x.range.start)
            .map(|t| t.norm.as_str())
            .filter(|w| {
                w.chars().count() >= 3
                    && !crate::markers::is_reference_word(w)
                    && !crate::fold::is_stopword(w)
                    && !matches!(*w, "cited" | "quoted" | "above" | "supra" | "see" | "also")
            })
            .collect();
        if words.is_empty() {
            return cands;
        }
        let hit: Vec<usize> = cands
            .iter()
            .copied()
            .filter(|&w| {
                let rec = &self.store.works[w];
                let ty = rec.item.item_type.as_str();
                words.iter().any(|q| {
                    ty == *q
                        || rec.authors.iter().flatten().any(|k| k == q)
                        || rec.titles.iter().any(|t| {
                            t.words.iter().any(|tw| {
                                crate::fuzzy::match_words(q, tw) != crate::fuzzy::WordMatch::No
                            })
                        })
                })
            })
            .collect();
        if hit.is_empty() {
            cands
        } else {
            hit
        }
    }
}

/// Where the host reference starts in "Title, in Author, op. cit., n. 4"
/// (after "in"), when a title comes before it.
pub fn container_reference(text: &str, an: &Analysis) -> Option<usize> {
    let marker = match (&an.op_cit, &an.xref) {
        (Some(r), _) => an.toks.get(r.start)?.start,
        (None, Some(x)) if x.explicit => x.range.start,
        _ => return None,
    };
    let mi = an.toks.iter().position(|t| t.start >= marker)?;
    let lo = an.body + 1;
    let i = (lo..mi)
        .rev()
        .take(6)
        .find(|&i| matches!(an.toks[i].norm.as_str(), "in" | "dans" | "en" | "aus"))?;
    let before = text.get(an.body_byte()..an.toks[i].start)?;
    if !has_title_words(before, &tokenize(before)) {
        return None;
    }
    an.toks.get(i + 1).map(|t| t.start).filter(|&s| s < marker)
}
