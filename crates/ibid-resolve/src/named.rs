//! Citations that name their work: full citations (new works or repeats) and
//! short forms ("Taylor, Origins", "Origins", "Taylor, op. cit.").

use crate::engine::{clip, Ctx, Engine, ItemFrom, Outcome};
use crate::fold::{file_key, name_keys};
use crate::markers::{find_locator, has_title_words, Analysis};
use crate::query::{clean_title, Query, TitleLevel};
use crate::signature::parse_explicit;
use crate::tokens::tokenize;
use crate::works::{work_item, Found};
use crate::CitationInput;
use ibid_model::{CitationKind, Item, Name};

/// True when an item has fields only a full citation gives (date, publisher,
/// container, place, identifiers, archive).
pub fn looks_full(item: &Item) -> bool {
    item.issued.is_some()
        || item.publisher.is_some()
        || item.publisher_place.is_some()
        || item.container_title.is_some()
        || item.url.is_some()
        || item.doi.is_some()
        || item.isbn.is_some()
        || item.archive_location.is_some()
        || item.edition.is_some()
}

/// The citation's text without a definition clause ("(hereafter cited as X)").
fn text_without_clause<'t>(text: &'t str, an: &Analysis) -> std::borrow::Cow<'t, str> {
    match &an.definition {
        Some(d) if d.clause.end <= text.len() && d.clause.start <= d.clause.end => {
            std::borrow::Cow::Owned(format!(
                "{}{}",
                &text[..d.clause.start],
                &text[d.clause.end..]
            ))
        }
        _ => std::borrow::Cow::Borrowed(text),
    }
}

/// The query of a back-reference: the labeller's fields, completed from the
/// text before `limit` when the labeller found no title (or nothing at all).
pub fn query_for(
    text: &str,
    an: &Analysis,
    item: &Item,
    authors: Option<&[Name]>,
    limit: usize,
) -> Query {
    let sig_text = text.get(..limit).unwrap_or(text);
    let sig = parse_explicit(sig_text, &tokenize(sig_text));
    let mut q = Query::from_item(item, authors, &sig);
    if q.year.is_none() {
        let head = text.get(an.body_byte().min(limit)..limit).unwrap_or("");
        q.year = crate::signature::first_year(&tokenize(head)).and_then(|y| y.parse().ok());
    }
    if q.title.is_some() && !q.authors.is_empty() {
        return q;
    }
    let start = an.body_byte().min(limit);
    let mut end = limit.min(text.len());
    if let Some(r) = &an.op_cit {
        if let Some(t) = an.toks.get(r.start) {
            end = end.min(t.start);
        }
    }
    let region = text.get(start..end).unwrap_or("");
    let segments: Vec<&str> = region
        .split([',', '(', ')', ';'])
        .map(|s| s.trim().trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|s| has_title_words(s, &tokenize(s)))
        .collect();
    match segments.as_slice() {
        [] => {}
        [one] => {
            if q.authors.is_empty() && q.title.is_none() {
                q.title = clean_title(one);
            }
        }
        [first, second, ..] => {
            if q.authors.is_empty() {
                let keys = name_keys(&Name::literal(*first));
                if !keys.is_empty() {
                    q.authors = vec![keys];
                }
            }
            if q.title.is_none() {
                let from_author = q.authors.first().is_some_and(|a| {
                    let k = name_keys(&Name::literal(*first));
                    crate::query::name_match(a, &k).is_some()
                });
                q.title = clean_title(if from_author { second } else { first });
                if !from_author && q.authors.is_empty() {
                    q.title = clean_title(second);
                }
            }
        }
    }
    q
}

impl Engine {
    /// A full citation: the same work as an earlier full citation, or a new work.
    pub fn full(
        &mut self,
        ctx: Ctx,
        cit: &CitationInput<'_>,
        an: &Analysis,
        own: Option<Item>,
    ) -> Outcome {
        let text = cit.text;
        let locator = cit.locator.map(str::to_owned);
        let item: &Item = own.as_ref().unwrap_or(cit.item);
        let clean = text_without_clause(text, an);
        let sig = parse_explicit(&clean, &tokenize(&clean));
        let mut q = Query::from_item(item, None, &sig);
        let mut hinted: Option<Item> = None;
        if q.file.is_none() {
            if let Some((known, location)) = self.archive_hint(text, an) {
                let file = crate::query::archive_file(&location, cit.locator);
                let key = file_key(&file);
                if !key.is_empty() {
                    self.use_known(known);
                    q.archive = Some(known.archive_canonical().to_owned());
                    q.file = Some(key);
                    q.file_text = Some(file);
                    let mut it = item.clone();
                    if it.archive.is_none() {
                        let archive = crate::known::table()
                            .by_canonical(known.archive_canonical())
                            .map_or(known.expansion, |a| a.expansion);
                        it.archive = Some(archive.to_owned());
                    }
                    if it.archive_location.is_none() {
                        it.archive_location = Some(location);
                    }
                    hinted = Some(it);
                }
            }
        }
        let from = match (hinted.is_some(), own.is_some()) {
            (false, false) => ItemFrom::Input,
            _ => ItemFrom::Own(Box::new(hinted.clone().or(own.clone()).unwrap_or_default())),
        };
        let base: &Item = hinted.as_ref().unwrap_or(item);
        if q.file.is_some() {
            let wi = work_item(base, cit.locator, q.file_text.as_deref());
            let w = match self.store.find_file(&q) {
                Some(w) => {
                    self.store.absorb(w, wi, &q);
                    w
                }
                None => self.store.create(wi, &q),
            };
            return Outcome::new(CitationKind::Full, Some(w), locator, from);
        }
        if q.is_empty() {
            return Outcome::new(CitationKind::Full, None, locator, from);
        }
        let (same, other_volume) = self.store.find_same(&q, base.issued.as_ref());
        if let Some(w) = same {
            self.store.absorb(w, work_item(base, cit.locator, None), &q);
            return Outcome::new(CitationKind::Full, Some(w), locator, from);
        }
        if !looks_full(base) && base.volume.is_none() {
            // A "full" citation with nothing but author and title is a short form.
            match self.store.find_short(&q) {
                Found::One(w) => {
                    let level_ok = match &q.title {
                        Some(t) => self.store.works[w]
                            .titles
                            .iter()
                            .filter_map(|wt| crate::query::title_score(t, wt))
                            .any(|s| s.level >= TitleLevel::Prefix),
                        None => true,
                    };
                    if level_ok {
                        return Outcome::new(CitationKind::Short, Some(w), locator, ItemFrom::Work);
                    }
                }
                Found::Many(ws) if q.title.is_none() => {
                    self.ambiguous_short(ctx, text, &ws);
                    return Outcome::new(CitationKind::Short, None, locator, from);
                }
                _ => {}
            }
        }
        let w = self.store.create(work_item(base, cit.locator, None), &q);
        if let Some(o) = other_volume {
            self.store.join_family(o, w);
        }
        Outcome::new(CitationKind::Full, Some(w), locator, from)
    }

    pub fn ambiguous_short(&mut self, ctx: Ctx, text: &str, ws: &[usize]) {
        let ids: Vec<String> = ws.iter().take(5).map(|w| format!("w{}", w + 1)).collect();
        self.diag(
            ctx,
            "ambiguous-short-title",
            format!(
                "\"{}\" matches several works ({})",
                clip(text),
                ids.join(", ")
            ),
        );
    }

    /// A short form: author and/or short title, "op. cit.", "a.a.O.", "cit.".
    pub fn short(
        &mut self,
        ctx: Ctx,
        cit: &CitationInput<'_>,
        an: &Analysis,
        own: Option<Item>,
    ) -> Outcome {
        let text = cit.text;
        let found_loc = find_locator(text, &an.toks, an.body, 0, false);
        let locator = cit
            .locator
            .map(str::to_owned)
            .or_else(|| found_loc.clone().map(|r| text[r].to_owned()));
        let limit = cit
            .locator
            .and_then(|l| text.rfind(l))
            .or(found_loc.map(|r| r.start))
            .unwrap_or(text.len());
        let item: &Item = own.as_ref().unwrap_or(cit.item);
        let q = query_for(text, an, item, None, limit);
        let kind = CitationKind::Short;
        match self.store.find_short(&q) {
            Found::One(w) => Outcome::new(kind, Some(w), locator, ItemFrom::Work),
            Found::Many(ws) => {
                self.ambiguous_short(ctx, text, &ws);
                Outcome::new(
                    kind,
                    None,
                    locator,
                    own.map_or(ItemFrom::Input, |i| ItemFrom::Own(Box::new(i))),
                )
            }
            Found::Nothing => {
                if looks_full(item) {
                    let mut o = self.full(ctx, cit, an, own);
                    o.kind = CitationKind::Full;
                    return o;
                }
                self.diag(
                    ctx,
                    "unresolved-short-title",
                    format!("\"{}\" matches no earlier work", clip(text)),
                );
                Outcome::new(
                    kind,
                    None,
                    locator,
                    own.map_or(ItemFrom::Input, |i| ItemFrom::Own(Box::new(i))),
                )
            }
        }
    }
}
