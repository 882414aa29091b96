//! Citations that name their work: full citations (new works or repeats) and
//! short forms ("Taylor, Origins", "Origins", "Taylor, op. cit.").

use crate::engine::{clip, Ctx, Engine, ItemFrom, Outcome};
use crate::fold::{file_key, name_keys};
use crate::markers::{find_locator, has_title_words, Analysis};
use crate::query::{clean_title, Query, TitleLevel};
use crate::signature::parse_explicit;
use crate::tokens::tokenize;
use crate::work_item::work_item;
use crate::works::Found;
use crate::CitationInput;
use ibid_model::{CitationKind, Item, Name};

/// How many kinds of fields only a full citation gives (date, publisher,
/// container, place, identifiers, archive, edition) an item has.
pub fn full_signals(item: &Item) -> usize {
    [
        item.issued.is_some(),
        item.publisher.is_some(),
        item.publisher_place.is_some(),
        item.container_title.is_some(),
        item.url.is_some() || item.doi.is_some() || item.isbn.is_some(),
        item.archive_location.is_some(),
        item.edition.is_some(),
    ]
    .iter()
    .filter(|b| **b)
    .count()
}

/// "Bundesarchiv Berlin-Lichterfelde (im Folgenden: BArch), R 43 II/1309":
/// the archive's name before a definition clause and the file after it, when
/// the short form is a well-known archive or the name has no number.
fn defined_archive_and_file(text: &str, an: &Analysis) -> Option<(String, String)> {
    let d = an.definition.as_ref()?;
    let before = text
        .get(an.body_byte().min(d.clause.start)..d.clause.start)?
        .trim();
    let after = text.get(d.clause.end..)?;
    let after = after
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | ';'))
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';'));
    let known_archive = crate::known::table()
        .lookup(&d.short)
        .is_some_and(|k| k.kind.is_archival());
    let name_like = !before.is_empty()
        && !before.chars().any(|c| c.is_ascii_digit())
        && before.split_whitespace().count() <= 8;
    if !(known_archive || name_like) || !after.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let location = crate::query::trim_description(after);
    (!location.is_empty()).then(|| (before.trim_end_matches(',').to_owned(), location.to_owned()))
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
    // A pinpoint the labeller left at the end of a short title ("Intellectual
    // Life, 58") is not part of it; a volume after a comma ("Diary Letters,
    // iv") is the volume.
    if let (Some(t), Some(loc)) = (item.title.as_deref(), text.get(limit..)) {
        let loc = loc.trim().trim_end_matches(['.', ',', ';']);
        if let Some(stripped) = t.trim_end().strip_suffix(loc).filter(|_| !loc.is_empty()) {
            q.title = crate::query::clean_title(stripped.trim_end_matches([',', ' ', ';']));
        }
    }
    if let Some(t) = item.title.as_deref() {
        if let Some((head, last)) = t.rsplit_once(',') {
            let last = last.trim().trim_end_matches('.');
            if let Some(v) = crate::signature::component(last).filter(|_| !head.trim().is_empty()) {
                q.title = crate::query::clean_title(head);
                q.sig.volume.get_or_insert(v);
            }
        }
    }
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
        // A "volume" that is the pinpoint ("… History of Books?,” 75") is not one.
        let pinpoint_volume = match (item.volume.as_deref(), cit.locator) {
            (Some(v), Some(l)) => {
                crate::fold::first_number(v).is_some()
                    && crate::fold::first_number(v) == crate::fold::first_number(l)
            }
            _ => false,
        };
        let stripped;
        let item: &Item = if pinpoint_volume {
            stripped = Item {
                volume: None,
                ..item.clone()
            };
            &stripped
        } else {
            item
        };
        let mut q = Query::from_item(item, None, &sig);
        q.text_words = crate::query::text_words(&clean);
        q.title_quoted = item
            .title
            .as_deref()
            .and_then(|t| crate::query::title_quoted(text, t));
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
                    // a file in an archive is a manuscript, whatever the
                    // labeller's fields looked like
                    it.item_type = ibid_model::ItemType::Manuscript;
                    hinted = Some(it);
                }
            }
        }
        if q.file.is_none() && hinted.is_none() {
            // "Archivio di Stato di Venezia (d'ora in poi ASV), Senato, Secreta,
            // filza 12": an archive named and abbreviated, then the file.
            if let Some((archive, location)) = defined_archive_and_file(text, an) {
                let file = crate::query::archive_file(&location, cit.locator);
                let key = file_key(&file);
                if !key.is_empty() {
                    let mut it = item.clone();
                    it.archive.get_or_insert(archive);
                    it.archive_location.get_or_insert(location);
                    it.item_type = ibid_model::ItemType::Manuscript;
                    q.archive = it
                        .archive
                        .as_deref()
                        .and_then(crate::query::archive_canonical);
                    q.file = Some(key);
                    q.file_text = Some(file);
                    hinted = Some(it);
                }
            }
        }
        if hinted.is_none() {
            // "…, FO 371/18851, TNA": the archive's short form was left in the note
            hinted = self.archive_named_in_note(item);
        }
        let from = match (hinted.is_some(), own.is_some()) {
            (false, false) => ItemFrom::Input,
            _ => ItemFrom::Own(Box::new(hinted.clone().or(own.clone()).unwrap_or_default())),
        };
        let base: &Item = hinted.as_ref().unwrap_or(item);
        let letter = crate::work_item::letter_key(base);
        if q.file.is_some() {
            let wi = work_item(base, cit.locator, q.file_text.as_deref());
            let w = match self.store.find_file(&q) {
                Some(w) => {
                    self.store.absorb(w, wi, &q);
                    w
                }
                None => self.store.create(wi, &q),
            };
            if let Some(key) = letter {
                self.store.letters.entry(key).or_insert(w);
            }
            return Outcome::new(CitationKind::Full, Some(w), locator, from);
        }
        // "Chamberlain to Ida Chamberlain, 20 March 1938": a letter cited
        // before in full from its file, cited again by its correspondents
        // and day
        if let Some(&w) = letter.as_ref().and_then(|k| self.store.letters.get(k)) {
            return Outcome::new(CitationKind::Short, Some(w), locator, ItemFrom::Work);
        }
        if let Some(key) = crate::issues::issue_key(text, an, base) {
            let wi = work_item(base, cit.locator, None);
            let w = match self.store.issues.get(&key) {
                Some(&w) => {
                    self.store.absorb(w, wi, &q);
                    w
                }
                None => {
                    let w = self.store.create(wi, &q);
                    self.store.issues.insert(key, w);
                    w
                }
            };
            return Outcome::new(CitationKind::Full, Some(w), locator, from);
        }
        if q.is_empty() {
            return Outcome::new(CitationKind::Full, None, locator, from);
        }
        // A "full" citation with nothing but author and title (and perhaps a
        // year or a container the labeller found in a short title) is a short
        // form when it names an earlier work.
        let thin =
            full_signals(base) <= 1 && base.publisher.is_none() && base.publisher_place.is_none();
        let (same, other_volume) = self.store.find_same(&q, base.issued.as_ref());
        // the same untitled citation again ("Alan Bullock, Ernest Bevin
        // (London: Heinemann, 1983)" with the title read as a name)
        let untitled = crate::work_item::untitled_key(base);
        let same = same
            .or_else(|| {
                untitled
                    .as_ref()
                    .and_then(|k| self.store.untitled.get(k).copied())
            })
            .filter(|&w| !crate::work_item::on_other_days(&self.store.works[w].item, base));
        if let Some(w) = same {
            if thin && own.is_none() {
                return Outcome::new(CitationKind::Short, Some(w), locator, ItemFrom::Work);
            }
            self.store.absorb(w, work_item(base, cit.locator, None), &q);
            return Outcome::new(CitationKind::Full, Some(w), locator, from);
        }
        if thin {
            let limit = cit
                .locator
                .and_then(|l| text.rfind(l))
                .unwrap_or(text.len());
            let sq = query_for(text, an, base, None, limit);
            match self.store.find_short(&sq) {
                Found::One(w) => {
                    let rec = &self.store.works[w];
                    let quotes_differ = matches!(
                        (q.title_quoted, rec.title_quoted),
                        (Some(a), Some(b)) if a != b
                    );
                    let level_ok = !quotes_differ
                        && !crate::work_item::on_other_days(&rec.item, base)
                        && rec.sig.compatible(&sq.sig)
                        && match &sq.title {
                            Some(t) => {
                                rec.titles
                                    .iter()
                                    .filter_map(|wt| crate::query::title_score(t, wt))
                                    .any(|s| s.level >= TitleLevel::Prefix)
                                    || (!sq.authors.is_empty()
                                        && crate::works::Store::in_text(t, rec))
                            }
                            None => true,
                        };
                    if level_ok {
                        return Outcome::new(CitationKind::Short, Some(w), locator, ItemFrom::Work);
                    }
                }
                Found::Many(ws) if sq.title.is_none() && base.title.is_none() => {
                    self.ambiguous_short(ctx, text, &ws);
                    return Outcome::new(CitationKind::Short, None, locator, from);
                }
                _ => {}
            }
            if own.is_none() {
                if let Some(o) = self.document_in_host(ctx, cit, an, locator.clone()) {
                    return o;
                }
            }
        }
        let w = self.store.create(work_item(base, cit.locator, None), &q);
        if let Some(k) = untitled {
            self.store.untitled.entry(k).or_insert(w);
        }
        if let Some(o) = other_volume {
            self.store.join_family(o, w);
        }
        Outcome::new(CitationKind::Full, Some(w), locator, from)
    }

    /// "Cadogan diary, 14 Mar. 1939, in Dilks (ed.), Cadogan Diaries, p. 157":
    /// a document inside an earlier work is that work; a quoted title before
    /// "in" is a part of it (a new work).
    fn document_in_host(
        &mut self,
        ctx: Ctx,
        cit: &CitationInput<'_>,
        an: &Analysis,
        locator: Option<String>,
    ) -> Option<Outcome> {
        let text = cit.text;
        let i = (an.body + 1..an.toks.len()).find(|&i| {
            matches!(an.toks[i].norm.as_str(), "in" | "dans" | "en")
                && crate::tokens::char_before(text, an.toks[i].start) == Some(',')
        })?;
        let head = &text[an.body_byte()..an.toks[i].start];
        if !has_title_words(head, &tokenize(head)) {
            return None;
        }
        let tail_start = an.toks.get(i + 1)?.start;
        let host = self.resolve_host(ctx, &text[tail_start..], &[])?;
        let quoted = head.contains(['‘', '“', '«', '"', '„']);
        if quoted {
            let mut o = self.in_container(ctx, cit, an, Some(host), Some(tail_start));
            o.kind = CitationKind::Full;
            return Some(o);
        }
        Some(Outcome::new(
            CitationKind::Short,
            Some(host),
            locator,
            ItemFrom::Work,
        ))
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
                if let Some(o) = self.document_in_host(ctx, cit, an, locator.clone()) {
                    return o;
                }
                if full_signals(item) >= 2 {
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
