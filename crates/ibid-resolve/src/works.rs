//! The works found so far, indexed by author key, title word and archive file
//! so that a back-reference is checked against a small candidate set only.

use crate::fold::{is_stopword, TitleWords};
use crate::fuzzy::FuzzyIndex;
use crate::query::{authors_match, title_score, Query, TitleLevel, TitleScore};
use crate::signature::{Part, Signature};
use ibid_model::{Item, WorkLocator};
use std::collections::HashMap;

/// At most this many title variants are kept per work.
const MAX_TITLES: usize = 4;
/// At most this many candidates are verified for one lookup (most recent first).
const MAX_CANDIDATES: usize = 512;

/// One distinct work.
#[derive(Debug, Clone)]
pub struct WorkRec {
    pub item: Item,
    pub richness: usize,
    pub cited_in: Vec<u32>,
    pub locators: Vec<WorkLocator>,
    pub authors: Vec<Vec<String>>,
    pub titles: Vec<TitleWords>,
    pub title_from_container: bool,
    pub container: Option<TitleWords>,
    pub sig: Signature,
    pub archive: Option<String>,
    pub file: Option<String>,
    pub family: Option<usize>,
    /// Words of the work's full citations ([`crate::query::text_words`]).
    pub text_words: Vec<String>,
    /// Whether its title stands in quotation marks (an article or chapter).
    pub title_quoted: Option<bool>,
}

/// Volumes of one collection that are distinct works ("D.G.F.P. C/II", "D/I").
#[derive(Debug, Clone, Default)]
pub struct Family {
    /// Signature key → work.
    pub members: HashMap<String, usize>,
    /// The order of parts in "X/Y" forms ("Series/Volume").
    pub pattern: Vec<Part>,
}

/// The outcome of a lookup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    One(usize),
    Many(Vec<usize>),
    Nothing,
}

/// All works and their indexes.
#[derive(Debug, Default)]
pub struct Store {
    pub works: Vec<WorkRec>,
    /// Works of full citations with no title, by [`crate::work_item::untitled_key`].
    pub untitled: HashMap<String, usize>,
    authors: FuzzyIndex,
    titles: FuzzyIndex,
    files: HashMap<String, Vec<usize>>,
    /// Text word → works whose full citations hold it.
    text_index: HashMap<String, Vec<usize>>,
    /// Newspaper issues and dated documents by name and day.
    pub issues: HashMap<String, usize>,
    /// Archive files by the letters cited in them, by
    /// [`crate::work_item::letter_key`].
    pub letters: HashMap<String, usize>,
    /// Works of well-known series and law reports by reference key.
    pub refs: HashMap<String, usize>,
    pub families: Vec<Family>,
}

impl Store {
    /// Create a work from a full citation.
    pub fn create(&mut self, item: Item, q: &Query) -> usize {
        let idx = self.works.len();
        let richness = item.richness();
        let file_work = q.file.is_some();
        self.works.push(WorkRec {
            item,
            richness,
            cited_in: Vec::new(),
            locators: Vec::new(),
            authors: if file_work {
                Vec::new()
            } else {
                q.authors.clone()
            },
            titles: Vec::new(),
            title_from_container: q.title_from_container,
            container: q.container.clone(),
            sig: q.sig.clone(),
            archive: q.archive.clone(),
            file: q.file.clone(),
            family: None,
            text_words: Vec::new(),
            title_quoted: q.title_quoted,
        });
        if file_work {
            if let Some(f) = &q.file {
                self.files.entry(f.clone()).or_default().push(idx);
            }
        } else {
            self.index_keys(idx, q);
        }
        if file_work {
            self.add_text_words(idx, &q.text_words);
        }
        idx
    }

    fn index_keys(&mut self, idx: usize, q: &Query) {
        self.add_text_words(idx, &q.text_words);
        for a in &q.authors {
            for k in a {
                self.authors.insert(k, idx);
            }
        }
        if let Some(t) = &q.title {
            let w = &mut self.works[idx];
            if w.titles.len() < MAX_TITLES && !w.titles.contains(t) {
                w.titles.push(t.clone());
            }
            for word in &t.words {
                if !is_stopword(word) || t.words.iter().all(|x| is_stopword(x)) {
                    self.titles.insert(word, idx);
                }
            }
        }
        let w = &mut self.works[idx];
        for a in &q.authors {
            if !w.authors.contains(a) && w.authors.len() < 12 {
                w.authors.push(a.clone());
            }
        }
    }

    fn add_text_words(&mut self, idx: usize, words: &[String]) {
        let Some(w) = self.works.get_mut(idx) else {
            return;
        };
        for word in words {
            if w.text_words.len() >= 128 {
                break;
            }
            if let Err(pos) = w.text_words.binary_search(word) {
                w.text_words.insert(pos, word.clone());
                let list = self.text_index.entry(word.clone()).or_default();
                if list.last() != Some(&idx) && !list.contains(&idx) {
                    list.push(idx);
                    list.sort_unstable();
                }
            }
        }
    }

    /// True when every content word of `t` is a word of work `w`'s citations.
    pub fn in_text(t: &TitleWords, w: &WorkRec) -> bool {
        let mut any = false;
        for word in t.content() {
            any = true;
            if w.text_words
                .binary_search_by(|x| x.as_str().cmp(word))
                .is_err()
            {
                return false;
            }
        }
        any
    }

    /// Works whose citations hold one of these words (for names a labeller
    /// misread: "AV Dicey" with "AV" as the family name).
    pub fn text_candidates(&self, keys: &[String]) -> Vec<usize> {
        let mut v: Vec<usize> = Vec::new();
        for k in keys {
            for part in k.split(' ') {
                if let Some(list) = self.text_index.get(part) {
                    v.extend(list);
                }
            }
        }
        v.sort_unstable();
        v.dedup();
        if v.len() > MAX_CANDIDATES {
            v.drain(..v.len() - MAX_CANDIDATES);
        }
        v
    }

    /// True when a name's keys are words of work `w`'s citations.
    pub fn name_in_text(keys: &[String], w: &WorkRec) -> bool {
        keys.iter().any(|k| {
            k.split(' ').next_back().is_some_and(|last| {
                w.text_words
                    .binary_search_by(|x| x.as_str().cmp(last))
                    .is_ok()
            })
        })
    }

    /// A later full citation of work `idx`: keep the fuller item, learn its keys.
    pub fn absorb(&mut self, idx: usize, item: Item, q: &Query) {
        let Some(w) = self.works.get_mut(idx) else {
            return;
        };
        let r = item.richness();
        if r > w.richness {
            w.richness = r;
            w.item = item;
        }
        if w.container.is_none() {
            w.container.clone_from(&q.container);
        }
        if w.file.is_none() {
            self.index_keys(idx, q);
        } else {
            self.add_text_words(idx, &q.text_words);
        }
    }

    /// Record that `note` cites work `idx` with `locator`.
    pub fn cite(&mut self, idx: usize, note: Option<u32>, locator: Option<&str>) {
        let (Some(w), Some(n)) = (self.works.get_mut(idx), note) else {
            return;
        };
        if w.cited_in.last() != Some(&n) && !w.cited_in.contains(&n) {
            w.cited_in.push(n);
        }
        if let Some(l) = locator.map(str::trim).filter(|l| !l.is_empty()) {
            let dup = w
                .locators
                .last()
                .is_some_and(|x| x.note == n && x.locator == l);
            if !dup {
                w.locators.push(WorkLocator {
                    note: n,
                    locator: l.to_owned(),
                });
            }
        }
    }

    /// The archive file work with this key and a compatible archive.
    pub fn find_file(&self, q: &Query) -> Option<usize> {
        let f = q.file.as_ref()?;
        self.files
            .get(f)?
            .iter()
            .copied()
            .find(|&i| match (&self.works[i].archive, &q.archive) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            })
    }

    /// Works holding every content word of `t`: the postings of its rarest
    /// word (exact words only, or also words within typo tolerance).
    fn title_candidates(&self, t: &TitleWords, fuzzy: bool) -> Vec<usize> {
        let mut best: Option<Vec<usize>> = None;
        let content: Vec<&str> = t.content().collect();
        let mut pool: Vec<&str> = if content.is_empty() {
            t.words.iter().map(String::as_str).collect()
        } else {
            content
        };
        // Long words are the rarest: try them first, stop at the first miss
        // or once a short list is found (every candidate is verified anyway).
        pool.sort_by_key(|w| std::cmp::Reverse(w.len()));
        for w in pool {
            let list = if fuzzy {
                self.titles.lookup_all(w)
            } else {
                self.titles.exact(w).to_vec()
            };
            if list.is_empty() {
                return Vec::new();
            }
            if best.as_ref().is_none_or(|b| list.len() < b.len()) {
                best = Some(list);
            }
            if best.as_ref().is_some_and(|b| b.len() <= 16) {
                break;
            }
        }
        let mut v = best.unwrap_or_default();
        if v.len() > MAX_CANDIDATES {
            v.drain(..v.len() - MAX_CANDIDATES);
        }
        v
    }

    /// Works whose author or editor keys match any key of `keys` (exactly,
    /// or also within typo tolerance).
    pub fn author_candidates(&self, keys: &[String], fuzzy: bool) -> Vec<usize> {
        let mut v: Vec<usize> = Vec::new();
        for k in keys {
            if fuzzy {
                v.extend(self.authors.lookup_all(k));
            } else {
                v.extend_from_slice(self.authors.exact(k));
            }
        }
        v.sort_unstable();
        v.dedup();
        if v.len() > MAX_CANDIDATES {
            v.drain(..v.len() - MAX_CANDIDATES);
        }
        v
    }

    fn best_title(&self, q: &TitleWords, w: &WorkRec) -> Option<TitleScore> {
        w.titles.iter().filter_map(|t| title_score(q, t)).max()
    }

    /// An earlier full citation of the same work: same title (or main title),
    /// agreeing authors, container and date, and a compatible volume.
    /// Returns the work, or a work of the same title in another volume.
    pub fn find_same(
        &self,
        q: &Query,
        issued: Option<&ibid_model::Date>,
    ) -> (Option<usize>, Option<usize>) {
        let Some(t) = &q.title else {
            return (None, None);
        };
        let mut other_volume = None;
        let exact = self.title_candidates(t, false);
        for i in exact.iter().copied() {
            match self.same_as(q, t, issued, i) {
                Some(true) => return (Some(i), None),
                Some(false) => {
                    other_volume.get_or_insert(i);
                }
                None => {}
            }
        }
        for i in self.title_candidates(t, true) {
            if exact.binary_search(&i).is_ok() {
                continue;
            }
            match self.same_as(q, t, issued, i) {
                Some(true) => return (Some(i), None),
                Some(false) => {
                    other_volume.get_or_insert(i);
                }
                None => {}
            }
        }
        (None, other_volume)
    }

    /// Is work `i` the work of full citation `q`? `Some(true)`: yes;
    /// `Some(false)`: the same title in another volume; `None`: no.
    fn same_as(
        &self,
        q: &Query,
        t: &TitleWords,
        issued: Option<&ibid_model::Date>,
        i: usize,
    ) -> Option<bool> {
        {
            let w = &self.works[i];
            if w.file.is_some() || w.title_from_container != q.title_from_container {
                return None;
            }
            let exact = self.best_title(t, w).map(|s| s.level) == Some(TitleLevel::Exact);
            if !exact && !same_volume_prefix(t, &q.sig, w) {
                return None;
            }
            if !q.authors.is_empty()
                && !w.authors.is_empty()
                && authors_match(&q.authors[..1], &w.authors).is_none()
            {
                return None;
            }
            if let (Some(a), Some(b)) = (&q.container, &w.container) {
                if title_score(a, b).is_none() && title_score(b, a).is_none() {
                    return None;
                }
            }
            if q.title_from_container && issued != w.item.issued.as_ref() {
                return None;
            }
            // 'The Rule of Law' (an article) is not The Rule of Law (a book).
            if let (Some(a), Some(b)) = (q.title_quoted, w.title_quoted) {
                if a != b {
                    return None;
                }
            }
            // Two different days are two different documents or issues.
            let day = |d: Option<&ibid_model::Date>| {
                d.and_then(|d| d.date_parts.first())
                    .filter(|p| p.len() >= 3)
                    .cloned()
            };
            if let (Some(a), Some(b)) = (day(issued), day(w.item.issued.as_ref())) {
                if a != b {
                    return None;
                }
            }
            Some(w.sig.compatible(&q.sig))
        }
    }

    /// An earlier volume of a document series with this title (or a longer
    /// one starting with it) and this volume.
    pub fn find_series(&self, t: &TitleWords, sig: &Signature) -> Option<usize> {
        self.title_candidates(t, true).into_iter().find(|&i| {
            let w = &self.works[i];
            w.file.is_none() && w.sig.compatible(sig) && same_volume_prefix(t, sig, w)
        })
    }

    /// The earlier work a short form ("Taylor, Origins", "Origins", "Taylor")
    /// means: the best title level among the author's works (or among all
    /// works when no author is given); several equally good → `Many`.
    pub fn find_short(&self, q: &Query) -> Found {
        match self.find_short_with(q, false) {
            Found::Nothing => self.find_short_with(q, true),
            found => found,
        }
    }

    /// `find_short` over exact-key candidates, or also near ones.
    fn find_short_with(&self, q: &Query, fuzzy: bool) -> Found {
        if !q.authors.is_empty() {
            let mut cands = self.author_candidates(&q.authors[0], fuzzy);
            let mut by_text = false;
            if cands.is_empty() && fuzzy {
                // A name the labeller misread in the full citation.
                cands = self.text_candidates(&q.authors[0]);
                by_text = true;
            }
            if cands.is_empty() {
                // The "author" may be a short title the labeller took for a name.
                if q.title.is_none() {
                    let words: Vec<String> = q.authors[0]
                        .first()
                        .map(|k| k.split(' ').map(str::to_owned).collect())
                        .unwrap_or_default();
                    if let Some(t) = crate::query::clean_title(&words.join(" ")) {
                        return self.by_title(&t, q, false, fuzzy);
                    }
                }
                return Found::Nothing;
            }
            let mut ranked: Vec<((u8, bool, bool), usize)> = Vec::new();
            for i in cands {
                let w = &self.works[i];
                let aexact = if by_text {
                    if !q.authors.iter().all(|a| Self::name_in_text(a, w)) {
                        continue;
                    }
                    false
                } else {
                    match authors_match(&q.authors, &w.authors) {
                        Some(e) => e,
                        None => continue,
                    }
                };
                let rank = match &q.title {
                    Some(t) => match self.best_title(t, w) {
                        Some(s) => (s.level as u8, s.exact_words, aexact),
                        // The short title is in the full citation's text but not
                        // in its labelled title ("Newman, March 1939").
                        None if Self::in_text(t, w) => (1, false, aexact),
                        None => continue,
                    },
                    // a name alone, near but not equal: too weak for a
                    // short name ("Verza" is no typo for "Verma")
                    None if !aexact && !q.authors.iter().all(|a| long_name(a)) => continue,
                    None => (0, true, aexact),
                };
                ranked.push((rank, i));
            }
            return self.pick(ranked, q);
        }
        match &q.title {
            Some(t) => self.by_title(t, q, true, fuzzy),
            None => Found::Nothing,
        }
    }

    fn by_title(&self, t: &TitleWords, q: &Query, try_as_author: bool, fuzzy: bool) -> Found {
        let content = t.content().count();
        let mut ranked: Vec<((u8, bool, bool), usize)> = Vec::new();
        for i in self.title_candidates(t, fuzzy) {
            let w = &self.works[i];
            if let Some(s) = self.best_title(t, w) {
                if s.level <= TitleLevel::Subsequence && content < 2 {
                    continue;
                }
                ranked.push(((s.level as u8, s.exact_words, true), i));
            }
        }
        if ranked.is_empty() && try_as_author && t.words.len() <= 2 {
            // "Taylor, p. 9" with the name labelled as a title.
            let key = t.words.join(" ");
            let mut v: Vec<((u8, bool, bool), usize)> = Vec::new();
            for i in self.author_candidates(std::slice::from_ref(&key), fuzzy) {
                match authors_match(&[vec![key.clone()]], &self.works[i].authors) {
                    Some(false) if !long_name(std::slice::from_ref(&key)) => {}
                    Some(e) => v.push(((0, true, e), i)),
                    None => {}
                }
            }
            return self.pick(v, q);
        }
        self.pick(ranked, q)
    }

    fn pick(&self, mut ranked: Vec<((u8, bool, bool), usize)>, q: &Query) -> Found {
        let Some(best) = ranked.iter().map(|r| r.0).max() else {
            return Found::Nothing;
        };
        ranked.retain(|r| r.0 == best);
        let mut ids: Vec<usize> = ranked.into_iter().map(|r| r.1).collect();
        ids.sort_unstable();
        ids.dedup();
        if ids.len() > 1 && !q.sig.is_empty() {
            let same: Vec<usize> = ids
                .iter()
                .copied()
                .filter(|&i| {
                    let s = &self.works[i].sig;
                    s.compatible(&q.sig) && !s.is_empty()
                })
                .collect();
            if !same.is_empty() {
                ids = same;
            }
        }
        if ids.len() > 1 {
            if let Some(y) = q.year {
                let same: Vec<usize> = ids
                    .iter()
                    .copied()
                    .filter(|&i| {
                        self.works[i]
                            .item
                            .issued
                            .as_ref()
                            .and_then(|d| d.first_year())
                            == Some(y)
                    })
                    .collect();
                if !same.is_empty() {
                    ids = same;
                }
            }
        }
        match ids.len() {
            0 => Found::Nothing,
            1 => Found::One(ids[0]),
            _ => Found::Many(ids),
        }
    }
}

/// Both name the same volume and one title starts with the other
/// ("Documents on British Foreign Policy" / "…, Second Series").
fn same_volume_prefix(t: &TitleWords, sig: &Signature, w: &WorkRec) -> bool {
    sig.volume.is_some()
        && sig.volume == w.sig.volume
        && w.sig.compatible(sig)
        && w.titles.iter().any(|wt| {
            title_score(t, wt).is_some_and(|s| s.level >= TitleLevel::Prefix)
                || title_score(wt, t).is_some_and(|s| s.level >= TitleLevel::Prefix)
        })
}

/// Fewer letters than this, and a name that only comes near a work's
/// author (one edit) does not find the work by itself: short names have
/// real neighbours ("Verza" and "Verma", "Braun" and "Brown"), so a typo
/// needs a title word to back it.
const LONG_NAME: usize = 7;

/// True when one of a name's keys is long enough to be matched by itself
/// within typo tolerance (see [`LONG_NAME`]).
fn long_name(keys: &[String]) -> bool {
    keys.iter()
        .any(|k| k.chars().filter(|c| c.is_alphabetic()).count() >= LONG_NAME)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::clean_title;
    use ibid_model::Name;

    fn add(store: &mut Store, family: &str, title: &str) -> usize {
        let item = Item {
            author: vec![Name::person(family, None)],
            title: Some(title.into()),
            ..Item::default()
        };
        let q = Query::from_item(&item, None, &Signature::default());
        store.create(item, &q)
    }

    fn short(store: &Store, family: Option<&str>, title: Option<&str>) -> Found {
        let q = Query {
            authors: family
                .map(|f| vec![vec![crate::fold::fold(f)]])
                .unwrap_or_default(),
            title: title.and_then(clean_title),
            ..Query::default()
        };
        store.find_short(&q)
    }

    #[test]
    fn short_forms_find_their_work() {
        let mut s = Store::default();
        let origins = add(&mut s, "Taylor", "The Origins of the Second World War");
        let mastery = add(&mut s, "Taylor", "The Struggle for Mastery in Europe");
        let storia = add(&mut s, "Chabod", "Storia della politica estera italiana");
        assert_eq!(
            short(&s, Some("Taylor"), Some("Origins")),
            Found::One(origins)
        );
        assert_eq!(
            short(&s, Some("Taylor"), Some("Struggle")),
            Found::One(mastery)
        );
        assert_eq!(
            short(&s, Some("Tailor"), Some("Orgins")),
            Found::One(origins)
        );
        assert_eq!(short(&s, None, Some("Storia")), Found::One(storia));
        assert_eq!(
            short(&s, Some("Taylor"), None),
            Found::Many(vec![origins, mastery])
        );
        assert_eq!(short(&s, Some("Chabod"), None), Found::One(storia));
        assert_eq!(short(&s, None, Some("Chabod")), Found::One(storia));
        assert_eq!(short(&s, Some("Taylor"), Some("Storia")), Found::Nothing);
        assert_eq!(short(&s, Some("Smith"), None), Found::Nothing);
    }

    #[test]
    fn citing_records_notes_and_locators_once() {
        let mut s = Store::default();
        let w = add(&mut s, "Taylor", "Origins");
        s.cite(w, Some(3), Some("p. 5"));
        s.cite(w, Some(3), Some("p. 5"));
        s.cite(w, Some(4), None);
        s.cite(w, Some(3), Some("p. 9"));
        s.cite(w, None, Some("p. 1"));
        assert_eq!(s.works[w].cited_in, [3, 4]);
        assert_eq!(s.works[w].locators.len(), 2);
    }
}
