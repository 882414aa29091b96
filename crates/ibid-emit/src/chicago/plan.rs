//! What each citation of a notes document is rendered from.
//!
//! A full citation is rendered from its own item: two letters in one archive
//! file ("Phipps to Simon, 4 May 1935, FO 371/18851, C 3850/55/18" and "…,
//! 22 May 1935, …") are one work, but each note cites its own document, with
//! its own title, date and reference. A full citation whose item is the
//! work's (as most are, once the pinpoint is set apart) shares the work's
//! entry, and one that repeats an earlier full citation word for word
//! shares that one's, so that hayagriva sees the second citation of a work
//! and renders it as a short note. A back-reference (ibid., op. cit., a
//! short title, a cross-reference) has only the work the resolver linked it
//! to: it is rendered from the last full citation of that work (whose short
//! note it is), or from the work when no full citation came before.
//!
//! The bibliography stays the list of works (and of the citations that have
//! no work but some data).

use super::item::{arabic_volume, note_item, series_and_volume, to_json_value};
use super::locators::{labelled_pinpoint, locator_text, starts_like_a_page, volume_prefix};
use crate::common::{squash, work_id};
use hayagriva::citationberg::json::{Item as JsonItem, Value as JsonValue};
use ibid_model::{CitationKind, Document};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// A field no style reads, holding each entry's number. hayagriva finds an
/// entry's first note, and its number in the bibliography, by comparing
/// entries field by field in key order from the first citation on (for
/// each citation); entries that differ only deep inside (the volumes of one
/// work: "op. cit., vol. 12") made that quadratic walk slow. This key sorts
/// first, so two entries differ at once.
pub(super) const ENTRY_KEY: &str = "!entry";

/// How one citation of a note is rendered.
pub(super) enum Plan {
    /// "Ibid." with this locator.
    Ibid(Option<String>),
    /// hayagriva's rendering of request number `usize` (the citation's own
    /// text when that rendering is empty).
    Rendered(usize, String),
    /// The citation's own text (nothing to render it from).
    Verbatim(String),
}

/// One citation request for hayagriva: the entry, the locator, the note
/// number.
pub(super) type Request = (usize, Option<String>, Option<usize>);

/// The entries of a document and how its notes use them.
pub(super) struct NotesPlan {
    /// Every entry hayagriva sees.
    pub entries: Vec<JsonItem>,
    /// The entries of the bibliography.
    pub bibliography: Vec<usize>,
    /// The citation requests, in note order.
    pub requests: Vec<Request>,
    /// Per note, per citation, how it is rendered.
    pub plans: Vec<Vec<Plan>>,
}

/// A JSON item without its id, as a key: two items with the same key render
/// the same.
fn content_key(mut v: Value) -> String {
    if let Some(m) = v.as_object_mut() {
        m.remove("id");
    }
    v.to_string()
}

/// Entries made from another one for some citations: the work with another
/// volume ("op. cit., vol. II, p. 12"), or with its volume in its title
/// (before a column). Each is made once, keyed by the entry and the change.
#[derive(Default)]
struct Twins(HashMap<(usize, String), usize>);

impl Twins {
    /// The twin of `key.0` that `change` makes, pushed to `entries` (and its
    /// series volume to `volumes`) the first time.
    fn get(
        &mut self,
        entries: &mut Vec<JsonItem>,
        volumes: &mut Vec<Option<String>>,
        key: (usize, String),
        change: impl FnOnce(&mut JsonItem),
    ) -> usize {
        let e = key.0;
        *self.0.entry(key).or_insert_with(|| {
            let mut j = entries[e].clone();
            change(&mut j);
            entries.push(j);
            volumes.push(volumes[e].clone());
            entries.len() - 1
        })
    }
}

/// A twin just made (`made_now`) of an entry `base` cited before is a short
/// note, as the base's would be: hayagriva tells a first citation by its
/// entry, so it is shown the twin once first, in a request no plan prints.
fn short_if_cited(
    made_now: bool,
    base: usize,
    twin: usize,
    number: Option<usize>,
    requests: &mut Vec<Request>,
    cited: &mut HashSet<usize>,
) {
    if made_now && cited.contains(&base) {
        requests.push((twin, None, number));
        cited.insert(twin);
    }
}

/// Plan the notes of `doc`. `sources`: for each work id, the text of its
/// fullest citation (how a case's report gives its year).
pub(super) fn plan(doc: &Document, sources: &HashMap<&str, String>) -> NotesPlan {
    let mut entries: Vec<JsonItem> = Vec::new();
    // Per entry, the series and volume that its volume went into
    // (`series_and_volume`).
    let mut volumes: Vec<Option<String>> = Vec::new();
    let mut bibliography = Vec::new();
    // Entry and content key of each work.
    let mut work_entry: HashMap<&str, (usize, String)> = HashMap::new();
    for (i, w) in doc.works.iter().enumerate() {
        let id = work_id(w, i);
        let source = w.item.id.as_deref().and_then(|id| sources.get(id));
        let Some(v) = to_json_value(&w.item, &id, source.map(String::as_str)) else {
            continue;
        };
        let key = content_key(v.clone());
        let Ok(j) = serde_json::from_value::<JsonItem>(v) else {
            continue;
        };
        if let Some(wid) = w.item.id.as_deref() {
            work_entry.insert(wid, (entries.len(), key));
        }
        bibliography.push(entries.len());
        entries.push(j);
        volumes.push(series_and_volume(&w.item));
    }
    // The entry of each full citation that has data: the work's, an earlier
    // identical citation's, or its own.
    let mut own: HashMap<(usize, usize), usize> = HashMap::new();
    let mut by_content: HashMap<String, usize> = HashMap::new();
    for (ni, note) in doc.notes.iter().enumerate() {
        for (ci, c) in note.citations.iter().enumerate() {
            // an unresolved back-reference ("Ibid., p. 91" after a note citing
            // two works) has no work to render: it stays as written
            if c.item.is_empty() || c.kind != CitationKind::Full {
                continue;
            }
            let work = c.work.as_deref().and_then(|w| work_entry.get(w));
            let id = format!("n{}-c{}", ni + 1, ci + 1);
            let Some(v) = to_json_value(&note_item(c), &id, Some(&c.text)) else {
                if let Some((e, _)) = work {
                    own.insert((ni, ci), *e);
                }
                continue;
            };
            let volume = series_and_volume(&c.item);
            let key = content_key(v.clone());
            if let Some((e, _)) = work.filter(|(_, k)| *k == key) {
                own.insert((ni, ci), *e);
            } else if let Some(&e) = by_content.get(&key) {
                own.insert((ni, ci), e);
            } else if let Ok(j) = serde_json::from_value::<JsonItem>(v) {
                let e = entries.len();
                entries.push(j);
                volumes.push(volume);
                by_content.insert(key, e);
                own.insert((ni, ci), e);
                if work.is_none() {
                    bibliography.push(e);
                }
            } else if let Some((e, _)) = work {
                own.insert((ni, ci), *e);
            }
        }
    }
    // Entries made from another for some citations (see below).
    let mut twins = Twins::default();
    let mut requests: Vec<Request> = Vec::new();
    let mut plans: Vec<Vec<Plan>> = Vec::with_capacity(doc.notes.len());
    // The entry of each work's last full citation.
    let mut last_full: HashMap<&str, usize> = HashMap::new();
    // The entries cited so far: a second citation is a short note.
    let mut cited: HashSet<usize> = HashSet::new();
    // The previous citation's work, and the distinct works of the last note
    // that had citations.
    let mut prev_work: Option<&str> = None;
    let mut last_note_works: Vec<&str> = Vec::new();
    for (ni, note) in doc.notes.iter().enumerate() {
        let number = note.number.map(|n| n as usize);
        let mut note_plans = Vec::with_capacity(note.citations.len());
        let mut this_note_works: Vec<&str> = Vec::new();
        for (ci, c) in note.citations.iter().enumerate() {
            let work = c.work.as_deref();
            let of_work = || {
                let w = work?;
                last_full
                    .get(w)
                    .copied()
                    .or_else(|| work_entry.get(w).map(|(e, _)| *e))
            };
            let entry = own.get(&(ni, ci)).copied().or_else(of_work);
            if let (Some(w), Some(e), CitationKind::Full) = (work, entry, c.kind) {
                last_full.insert(w, e);
            }
            // a back-reference to another volume of a multi-volume work
            // ("op. cit., vol. II, p. 12"): the work's entry with that volume
            let mut entry = entry;
            let mut raw_locator = c.locator.as_deref();
            // a full citation's own volume opening its pinpoint ("…, 2
            // vols. (Paris, 1939–40), 1:45", the item's volume 1): the style
            // prints the volume before the page itself (an "Ibid., 1:3"
            // keeps it: the note before may have cited another volume)
            if let (Some(e), Some((volume, rest)), CitationKind::Full) =
                (entry, raw_locator.and_then(volume_prefix), c.kind)
            {
                let own_volume = entries[e].0.get("volume").and_then(|v| v.to_str());
                if own_volume.is_some_and(|v| arabic_volume(&v) == arabic_volume(volume)) {
                    raw_locator = Some(rest);
                }
            }
            if let (Some(e), Some((volume, rest)), false) = (
                entry,
                raw_locator.and_then(volume_prefix),
                matches!(c.kind, CitationKind::Full | CitationKind::Ibid),
            ) {
                // the title names the volume already ("Deutsche
                // Gesellschaftsgeschichte, Bd. 4: Vom Beginn …")
                let head = raw_locator.and_then(|l| l.split_once(", ")).map(|(h, _)| h);
                let in_title = head.is_some_and(|h| {
                    [&c.item.title, &c.item.container_title]
                        .iter()
                        .any(|t| t.as_deref().is_some_and(|t| t.contains(h)))
                });
                // the volume the work's entry has: nothing to add
                let own_volume = entries[e].0.get("volume").and_then(|v| v.to_str());
                let same = own_volume
                    .as_deref()
                    .is_some_and(|v| arabic_volume(v) == arabic_volume(volume));
                if in_title || same {
                    raw_locator = Some(rest);
                } else if own_volume.is_some() {
                    let key = (e, format!("volume {volume}"));
                    let made = entries.len();
                    let twin = twins.get(&mut entries, &mut volumes, key, |j| {
                        j.0.insert("volume".into(), JsonValue::String(arabic_volume(volume)));
                        // the title and part of the volume first cited are
                        // not this one's
                        j.0.remove("volume-title");
                        j.0.remove("part-number");
                    });
                    // another volume of a work cited before ("Nora, Lieux
                    // de mémoire, 2:30")
                    let made_now = entries.len() > made;
                    short_if_cited(made_now, e, twin, number, &mut requests, &mut cited);
                    entry = Some(twin);
                    raw_locator = Some(rest);
                }
            }
            // a locator the title or the shelfmark already holds ("47
            // U.S.C. § 230(c)(1)" cited at "§ 230(c)(1)", "R 29801, Bl. 112"
            // at "Bl. 112") is not printed twice
            let locator = raw_locator
                .filter(|l| {
                    let held = [&c.item.title, &c.item.archive_location]
                        .iter()
                        .any(|f| f.as_deref().is_some_and(|t| t.ends_with(l.trim())));
                    !(c.kind == CitationKind::Full && held)
                })
                .map(locator_text);
            // a book's volume before a column, folio, section, paragraph or
            // document number: hayagriva writes "333:cols. 1399–1413" and
            // "3:n° 213"; CMOS "vol. 333, …, cols. 1399–1413", so the volume
            // joins the title (a page keeps "3:213")
            if let (Some(e), Some(l)) = (entry, &locator) {
                let volume = entries[e].0.get("volume").and_then(|v| v.to_str());
                let not_a_page = labelled_pinpoint(l) || !starts_like_a_page(l);
                if let (Some(v), true, None) = (volume, not_a_page, &volumes[e]) {
                    let v = v.into_owned();
                    let key = (e, "volume in title".to_string());
                    let made = entries.len();
                    let twin = twins.get(&mut entries, &mut volumes, key, |j| {
                        j.0.remove("volume");
                        let title =
                            j.0.get("title")
                                .and_then(|t| t.to_str())
                                .map(|t| t.into_owned());
                        // and the volume's own title after it
                        let volume_title = j.0.remove("volume-title");
                        let volume_title = volume_title.as_ref().and_then(|t| t.to_str());
                        let part = j.0.remove("part-number");
                        let part = part.as_ref().and_then(|p| p.to_str());
                        if let Some(t) = title {
                            let mut t = match volume_title {
                                Some(vt) => format!("{t}, vol. {v}, {vt}"),
                                None => format!("{t}, vol. {v}"),
                            };
                            if let Some(p) = part {
                                t.push_str(&format!(", pt. {p}"));
                            }
                            j.0.insert("title".into(), JsonValue::String(t));
                        }
                    });
                    // the volume of a work cited before ("Braudel, Civiltà
                    // e imperi, vol. 1, fol. 3")
                    let made_now = entries.len() > made;
                    short_if_cited(made_now, e, twin, number, &mut requests, &mut cited);
                    entry = Some(twin);
                }
            }
            // A short note names the title and the pinpoint only: a volume
            // that went into the series goes with the pinpoint, with its
            // series ("Series C, vol. II, Doc. No. 102": the volumes of
            // Series C and D share their numbers).
            let volume = entry.and_then(|e| volumes.get(e)?.as_deref());
            let short = entry.is_some_and(|e| !cited.insert(e));
            let rendered_locator = match (short, volume, &locator) {
                (true, Some(v), Some(l)) => Some(format!("{v}, {l}")),
                (true, Some(v), None) => Some(v.to_string()),
                _ => locator.clone(),
            };
            let ibid = c.kind == CitationKind::Ibid
                && work.is_some()
                && work == prev_work
                && (ci > 0 || last_note_works.len() == 1);
            let plan = match entry {
                _ if ibid => {
                    // hayagriva still sees the citation so that its own
                    // position tracking stays right.
                    if let Some(e) = entry {
                        requests.push((e, locator.clone(), number));
                    }
                    Plan::Ibid(locator)
                }
                Some(e) => {
                    requests.push((e, rendered_locator, number));
                    Plan::Rendered(requests.len() - 1, squash(&c.text))
                }
                // an "ibid." the resolver could not tie to one work (the
                // note before cites several): still "Ibid." with its
                // pinpoint in Chicago's English ("Ebd., S. 650" → "Ibid.,
                // 650."), not the note's words
                None if c.kind == CitationKind::Ibid => Plan::Ibid(locator),
                None => Plan::Verbatim(squash(&c.text)),
            };
            note_plans.push(plan);
            prev_work = work;
            if let Some(w) = work {
                if !this_note_works.contains(&w) {
                    this_note_works.push(w);
                }
            }
        }
        if !note.citations.is_empty() {
            last_note_works = this_note_works;
        }
        plans.push(note_plans);
    }
    for (i, e) in entries.iter_mut().enumerate() {
        e.0.insert(ENTRY_KEY.to_owned(), JsonValue::Number(i as i64));
    }
    NotesPlan {
        entries,
        bibliography,
        requests,
        plans,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ibid_model::{Item, Work};

    #[test]
    fn entries_differ_in_their_first_field() {
        // two volumes of one work: equal but for the volume, deep inside
        let work = |id: &str, volume: &str| Work {
            item: Item {
                id: Some(id.into()),
                title: Some("Civiltà e imperi del Mediterraneo".into()),
                volume: Some(volume.into()),
                ..Item::default()
            },
            cited_in: vec![],
            locators: vec![],
            links: Default::default(),
        };
        let doc = Document {
            works: vec![work("w1", "1"), work("w2", "2")],
            ..Document::default()
        };
        let p = plan(&doc, &HashMap::new());
        assert_eq!(p.entries.len(), 2);
        for (i, e) in p.entries.iter().enumerate() {
            let first = e.0.iter().next();
            assert_eq!(
                first,
                Some((&ENTRY_KEY.to_owned(), &JsonValue::Number(i as i64)))
            );
        }
    }
}
