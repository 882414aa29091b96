//! The resolution pass: notes in order, each citation resolved against what
//! came before it; then works, abbreviations and items are assembled.

use crate::abbrev::DefRec;
use crate::known::KnownAbbreviation;
use crate::locators::{locator_kind, LocatorKind};
use crate::markers::{find_locator, has_title_words, Analysis, Lead};
use crate::signature::{parse_explicit, parse_slash, Part, Signature};
use crate::tokens::tokenize;
use crate::works::Store;
use crate::{CitationInput, NoteInput, Resolution, Resolved};
use ibid_model::{Abbreviation, CitationKind, Item, Name, StageDiagnostic, Work};
use std::collections::{HashMap, HashSet};

/// Where a resolved citation's item comes from.
#[derive(Debug, Clone)]
pub enum ItemFrom {
    /// The citation's own item, unchanged.
    Input,
    /// The citation's own item, amended ("Idem" replaced, container filled).
    Own(Box<Item>),
    /// The work's item.
    Work,
}

/// How one citation was resolved.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub kind: CitationKind,
    pub work: Option<usize>,
    pub locator: Option<String>,
    pub from: ItemFrom,
}

impl Outcome {
    pub fn new(
        kind: CitationKind,
        work: Option<usize>,
        locator: Option<String>,
        from: ItemFrom,
    ) -> Self {
        Outcome {
            kind,
            work,
            locator,
            from,
        }
    }
}

/// Where the citation being resolved stands.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    pub number: Option<u32>,
}

/// The state of one resolution pass.
#[derive(Debug, Default)]
pub struct Engine {
    pub store: Store,
    pub defs: HashMap<String, DefRec>,
    pub max_def_tokens: usize,
    /// Definitions: short, long, note, work index.
    pub defined: Vec<(String, String, Option<u32>, Option<usize>)>,
    pub known_used: Vec<&'static KnownAbbreviation>,
    pub known_seen: HashSet<&'static str>,
    pub known_families: HashMap<&'static str, usize>,
    pub diagnostics: Vec<StageDiagnostic>,
    pub note_by_number: HashMap<u32, usize>,
    pub note_targets: Vec<Vec<usize>>,
    /// The works the last note with citations cited, in order, each with
    /// the kind of its first pinpoint there.
    last_targets: Option<Vec<(Option<usize>, Option<LocatorKind>)>>,
    prev_authors: Vec<Name>,
    /// Nesting of host resolutions ("in X, op. cit."): at most one level.
    depth: u8,
    /// The citation before was a bare "Id."/"ders." (a segmenter may split
    /// "Id., Mussolini il fascista, …" in two): its authors carry over.
    after_bare_same_author: bool,
}

impl Engine {
    /// Resolve all notes.
    pub fn run(mut self, notes: &[NoteInput<'_>]) -> Resolution {
        let mut outcomes: Vec<Vec<Outcome>> = Vec::with_capacity(notes.len());
        for (ni, note) in notes.iter().enumerate() {
            let ctx = Ctx {
                number: note.number,
            };
            let mut out: Vec<Outcome> = Vec::with_capacity(note.citations.len());
            self.after_bare_same_author = false;
            for cit in &note.citations {
                let an = Analysis::new(cit.text);
                let carried = std::mem::take(&mut self.after_bare_same_author);
                let o = if carried && cit.item.author.is_empty() && matches!(an.lead, Lead::None) {
                    let authors = self.prev_authors.clone();
                    self.named(ctx, cit, &an, Some(authors), &out)
                } else {
                    self.resolve_one(ctx, cit, &an, &out)
                };
                if let Lead::SameAuthor { rest } = an.lead {
                    let rest_text = cit.text.get(rest..).unwrap_or("");
                    self.after_bare_same_author = !rest_text.chars().any(char::is_alphanumeric);
                }
                self.after(ctx, cit, &an, &o);
                out.push(o);
            }
            self.note_done(ni, note, &out);
            outcomes.push(out);
        }
        self.assemble(notes, outcomes)
    }

    pub fn diag(&mut self, ctx: Ctx, code: &'static str, message: String) {
        self.diagnostics.push(StageDiagnostic {
            note: ctx.number,
            code,
            message,
            orig: None,
        });
    }

    fn resolve_one(
        &mut self,
        ctx: Ctx,
        cit: &CitationInput<'_>,
        an: &Analysis,
        earlier: &[Outcome],
    ) -> Outcome {
        match an.lead {
            Lead::Ibid { rest } if !title_starts_with_marker(cit.item, an) => {
                return self.ibid(ctx, cit, an, rest, earlier);
            }
            Lead::SameAuthor { rest } => {
                let rest_text = cit.text.get(rest..).unwrap_or("");
                let toks = tokenize(rest_text);
                let head_end = crate::markers::find_locator(rest_text, &toks, 0, 0, true)
                    .map_or(rest_text.len(), |r| r.start);
                let head = &rest_text[..head_end];
                let titled = has_title_words(head, &tokenize(head))
                    || cit
                        .item
                        .title
                        .as_deref()
                        .and_then(crate::query::clean_title)
                        .is_some();
                if !titled {
                    // "Idem, p. 30" is an ibid; "Ders., a.a.O., S. 80" a short form.
                    let mut o = self.ibid(ctx, cit, an, rest, earlier);
                    if an.op_cit.is_some() {
                        o.kind = CitationKind::Short;
                    }
                    return o;
                }
                let authors = self.prev_authors.clone();
                return self.named(ctx, cit, an, Some(authors), earlier);
            }
            _ => {}
        }
        if let Some((tok, in_container)) = an.inner_ibid {
            let t = &an.toks[tok];
            if in_container {
                let host = self.previous_work(ctx, cit, None, earlier);
                return self.in_container(ctx, cit, an, host, None);
            }
            return self.ibid(ctx, cit, an, t.end + usize::from(t.dot), earlier);
        }
        if let Some(host_start) = crate::xref::container_reference(cit.text, an) {
            // "Neave, ‘Private Ordering’, in Thornton, op. cit., n. 4": a part
            // of the work the back-reference after "in" points to.
            if let Some(host) = self.resolve_host(ctx, &cit.text[host_start..], earlier) {
                return self.in_container(ctx, cit, an, Some(host), Some(host_start));
            }
        }
        self.named(ctx, cit, an, None, earlier)
    }

    /// The earlier work a back-reference standing after "in" names ("in
    /// Thornton, op. cit., n. 4", "in Dilks (ed.), Cadogan Diaries"), without
    /// leaving diagnostics when there is none. One level deep only.
    pub fn resolve_host(&mut self, ctx: Ctx, tail: &str, earlier: &[Outcome]) -> Option<usize> {
        if self.depth > 0 || tail.trim().is_empty() {
            return None;
        }
        self.depth += 1;
        let tail_an = Analysis::new(tail);
        let empty = Item::default();
        let tail_cit = CitationInput {
            text: tail,
            kind: CitationKind::Short,
            locator: None,
            item: &empty,
            defines: None,
        };
        let mark = self.diagnostics.len();
        let host = self.named(ctx, &tail_cit, &tail_an, None, earlier).work;
        if host.is_none() {
            self.diagnostics.truncate(mark);
        }
        self.depth -= 1;
        host
    }

    /// Everything that names its work (or part of it): cross-references,
    /// abbreviations, short forms, full citations.
    fn named(
        &mut self,
        ctx: Ctx,
        cit: &CitationInput<'_>,
        an: &Analysis,
        authors: Option<Vec<Name>>,
        earlier: &[Outcome],
    ) -> Outcome {
        let seg = cit.kind;
        let own = authors.map(|a| {
            let mut it = cit.item.clone();
            it.author = a;
            it
        });
        if let Some(x) = &an.xref {
            // A citation that is nothing but the pointer ("n 17") is one too.
            let before = cit.text.get(an.body_byte()..x.range.start).unwrap_or("");
            let bare = !before.chars().any(char::is_alphanumeric);
            if x.explicit
                || bare
                || matches!(seg, CitationKind::Short | CitationKind::CrossReference)
            {
                return self.xref(ctx, cit, an, x, own);
            }
        }
        if an.forward_bare && seg == CitationKind::CrossReference {
            self.diag(
                ctx,
                "forward-cross-reference",
                format!(
                    "\"{}\" points forward; only earlier notes are used",
                    clip(cit.text)
                ),
            );
            return Outcome::new(seg, None, cit.locator.map(str::to_owned), ItemFrom::Input);
        }
        if own.is_none() {
            if let Some(o) = self.abbreviation(cit, an) {
                return o;
            }
        }
        match seg {
            _ if an.op_cit.is_some() => self.short(ctx, cit, an, own),
            CitationKind::Short | CitationKind::Abbreviation => self.short(ctx, cit, an, own),
            CitationKind::CrossReference => {
                self.diag(
                    ctx,
                    "unresolved-cross-reference",
                    format!("no note number found in \"{}\"", clip(cit.text)),
                );
                Outcome::new(seg, None, cit.locator.map(str::to_owned), ItemFrom::Input)
            }
            CitationKind::Ibid => self.ibid(ctx, cit, an, an.body_byte(), earlier),
            CitationKind::Full => self.full(ctx, cit, an, own),
        }
    }

    /// The work the previous citation meant.
    fn previous_work(
        &mut self,
        ctx: Ctx,
        cit: &CitationInput<'_>,
        locator: Option<&str>,
        earlier: &[Outcome],
    ) -> Option<usize> {
        if let Some(prev) = earlier.last() {
            if prev.work.is_none() {
                self.diag(
                    ctx,
                    "unresolved-ibid",
                    format!(
                        "\"{}\" follows a citation that was not resolved",
                        clip(cit.text)
                    ),
                );
            }
            return prev.work;
        }
        match self.last_targets.as_deref() {
            None | Some([]) => {
                self.diag(
                    ctx,
                    "unresolved-ibid",
                    format!("\"{}\" has no earlier citation", clip(cit.text)),
                );
                None
            }
            Some([(one, _)]) => {
                let one = *one;
                if one.is_none() {
                    self.diag(
                        ctx,
                        "unresolved-ibid",
                        format!(
                            "\"{}\" follows a citation that was not resolved",
                            clip(cit.text)
                        ),
                    );
                }
                one
            }
            Some(many) => {
                // Ambiguous whatever the pinpoint (CSL's rule, the
                // back-references issue's): the pinpoint's kind is only a hint.
                let n = many.len();
                let hint = match by_locator_kind(many, locator) {
                    Some(w) => format!(
                        "; only {} was cited there by {}",
                        work_id(w),
                        locator.and_then(locator_kind).map_or("", LocatorKind::noun)
                    ),
                    None => String::new(),
                };
                self.diag(
                    ctx,
                    "ambiguous-ibid",
                    format!(
                        "\"{}\" follows a note citing {n} works{hint}",
                        clip(cit.text)
                    ),
                );
                None
            }
        }
    }

    fn ibid(
        &mut self,
        ctx: Ctx,
        cit: &CitationInput<'_>,
        an: &Analysis,
        rest: usize,
        earlier: &[Outcome],
    ) -> Outcome {
        let text = cit.text;
        let first_tok = an
            .toks
            .iter()
            .position(|t| t.start >= rest)
            .unwrap_or(an.toks.len());
        let locator = cit
            .locator
            .map(str::to_owned)
            .or_else(|| {
                find_locator(text, &an.toks, first_tok, rest, true).map(|r| text[r].to_owned())
            })
            .or_else(|| bare_pinpoint(text.get(rest..).unwrap_or("")));
        let mut work = self.previous_work(ctx, cit, locator.as_deref(), earlier);
        if let Some(w) = work {
            let loc_start = locator
                .as_deref()
                .and_then(|l| text.rfind(l))
                .filter(|&p| p >= rest)
                .unwrap_or(text.len());
            let head = text.get(rest..loc_start).unwrap_or("");
            let sig = self.tail_signature(w, head);
            let rec = &self.store.works[w];
            if !sig.is_empty()
                && (rec.family.is_some() || !rec.sig.is_empty())
                && !rec.sig.compatible(&sig)
            {
                work = Some(self.store.sibling(w, sig));
            }
        }
        Outcome::new(CitationKind::Ibid, work, locator, ItemFrom::Work)
    }

    /// A signature written after a marker or abbreviation ("C/II", "Vol. II"),
    /// read with the pattern of work `w`'s collection.
    pub fn tail_signature(&self, w: usize, head: &str) -> Signature {
        let rec = &self.store.works[w];
        let pattern: Vec<Part> = rec
            .family
            .map(|f| self.store.families[f].pattern.clone())
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| default_pattern(&rec.sig));
        let mut sig = Signature::default();
        if let Some((a, b)) = parse_slash(head) {
            if rec.family.is_some() || !rec.sig.is_empty() {
                sig.set(pattern.first().copied().unwrap_or(Part::Series), a);
                sig.set(pattern.get(1).copied().unwrap_or(Part::Volume), b);
                return sig;
            }
        }
        parse_explicit(head, &tokenize(head))
    }

    /// A part ("in id.", "in Thornton, op. cit., n. 4") of the work `host`:
    /// a full citation whose container, editors and imprint come from the host.
    /// `host_start` is where the reference to the host begins in the text:
    /// the names and note the labeller found there belong to the host, not
    /// to the part ("Neave, ‘Private Ordering’ in Thornton, op. cit., n. 4"
    /// is by Neave alone).
    pub fn in_container(
        &mut self,
        ctx: Ctx,
        cit: &CitationInput<'_>,
        an: &Analysis,
        host: Option<usize>,
        host_start: Option<usize>,
    ) -> Outcome {
        let mut item = cit.item.clone();
        if let Some((head, tail)) =
            host_start.and_then(|at| Some((cit.text.get(..at)?, cit.text.get(at..)?)))
        {
            drop_host_fields(&mut item, head, tail);
        }
        if let Some(w) = host {
            let host = &self.store.works[w].item;
            // A host that is itself a part (an essay in a collection): its container.
            let host_is_part = host.container_title.is_some()
                && (host.item_type == ibid_model::ItemType::Chapter || !host.editor.is_empty());
            item.container_title = if host_is_part {
                host.container_title.clone()
            } else {
                host.title.clone().or_else(|| host.container_title.clone())
            };
            if item.editor.is_empty() {
                item.editor = if host.editor.is_empty() {
                    host.author.clone()
                } else {
                    host.editor.clone()
                };
            }
            for (dst, src) in [
                (&mut item.publisher, &host.publisher),
                (&mut item.publisher_place, &host.publisher_place),
            ] {
                if dst.is_none() {
                    dst.clone_from(src);
                }
            }
            if item.issued.is_none() {
                item.issued.clone_from(&host.issued);
            }
            // a part of a book: the labeller, seeing no container, may have
            // taken the essay for a book
            if matches!(
                item.item_type,
                ibid_model::ItemType::Document | ibid_model::ItemType::Book
            ) {
                item.item_type = ibid_model::ItemType::Chapter;
            }
        }
        let mut o = self.full(ctx, cit, an, Some(item));
        o.kind = CitationKind::Full;
        o
    }

    /// Bookkeeping after a citation: cited-in, locators, "Idem" authors, definitions.
    fn after(&mut self, ctx: Ctx, cit: &CitationInput<'_>, an: &Analysis, o: &Outcome) {
        if let Some(w) = o.work {
            self.store.cite(w, ctx.number, o.locator.as_deref());
        }
        self.register_definition(ctx, cit, an, o.work);
        let authors: Vec<Name> = match (o.work, &o.from) {
            (_, ItemFrom::Own(it)) => it.author.clone(),
            (Some(w), _) => {
                let it = &self.store.works[w].item;
                if it.author.is_empty() {
                    it.editor.clone()
                } else {
                    it.author.clone()
                }
            }
            (None, _) => cit.item.author.clone(),
        };
        let authors: Vec<Name> = authors
            .into_iter()
            .filter(|n| {
                !crate::fold::name_keys(n)
                    .iter()
                    .any(|k| crate::fold::is_same_author_word(k))
            })
            .collect();
        if !authors.is_empty() || o.work.is_some() {
            self.prev_authors = authors;
        }
    }

    fn note_done(&mut self, ni: usize, note: &NoteInput<'_>, out: &[Outcome]) {
        let mut distinct: Vec<usize> = Vec::new();
        let mut targets: Vec<(Option<usize>, Option<LocatorKind>)> = Vec::new();
        for (o, c) in out.iter().zip(&note.citations) {
            if let Some(w) = o.work {
                if !distinct.contains(&w) {
                    distinct.push(w);
                }
            }
            let counts = o.work.is_some() || !c.item.is_empty();
            if counts && !targets.iter().any(|t| t.0 == o.work) {
                targets.push((o.work, o.locator.as_deref().and_then(locator_kind)));
            }
        }
        self.note_targets.push(distinct);
        debug_assert_eq!(self.note_targets.len(), ni + 1);
        if let Some(n) = note.number {
            self.note_by_number.insert(n, ni);
        }
        if !targets.is_empty() {
            self.last_targets = Some(targets);
        }
    }

    fn assemble(self, notes: &[NoteInput<'_>], outcomes: Vec<Vec<Outcome>>) -> Resolution {
        let id = work_id;
        let works: Vec<Work> = self
            .store
            .works
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let mut item = w.item.clone();
                item.id = Some(id(i));
                spell_out_archive(&mut item);
                Work {
                    item,
                    cited_in: w.cited_in.clone(),
                    locators: w.locators.clone(),
                    links: Default::default(),
                }
            })
            .collect();
        let citations = outcomes
            .into_iter()
            .zip(notes)
            .map(|(out, note)| {
                out.into_iter()
                    .zip(&note.citations)
                    .map(|(o, c)| {
                        let mut item = match (&o.from, o.work) {
                            (ItemFrom::Work, Some(w)) => works[w].item.clone(),
                            (ItemFrom::Own(it), _) => (**it).clone(),
                            _ => c.item.clone(),
                        };
                        spell_out_archive(&mut item);
                        if let Some(l) = &o.locator {
                            item.custom
                                .insert("locator".into(), serde_json::Value::String(l.clone()));
                        }
                        Resolved {
                            kind: o.kind,
                            work: o.work,
                            item,
                            locator: o.locator,
                        }
                    })
                    .collect()
            })
            .collect();
        let abbreviations: Vec<Abbreviation> = self
            .defined
            .iter()
            .map(|(short, long, note, w)| Abbreviation {
                short: short.clone(),
                long: long.clone(),
                note: *note,
                work: w.map(id),
            })
            .collect();
        let known = self
            .known_used
            .iter()
            .map(|k| Abbreviation {
                short: k.canonical.to_owned(),
                long: k.expansion.to_owned(),
                note: None,
                work: None,
            })
            .collect();
        Resolution {
            citations,
            works,
            abbreviations,
            known_abbreviations: known,
            diagnostics: self.diagnostics,
        }
    }

    /// Remember that a well-known abbreviation was used.
    pub fn use_known(&mut self, k: &'static KnownAbbreviation) {
        if self.known_seen.insert(k.canonical) {
            self.known_used.push(k);
        }
    }
}

/// "Series/Volume" unless the collection has volumes only.
pub fn default_pattern(sig: &Signature) -> Vec<Part> {
    if sig.series.is_none() && sig.volume.is_some() && sig.year.is_some() {
        vec![Part::Year, Part::Volume]
    } else {
        vec![Part::Series, Part::Volume]
    }
}

/// A work whose title begins with the marker word ("Ibidem: A Novel").
fn title_starts_with_marker(item: &Item, an: &Analysis) -> bool {
    let Some(marker) = an.toks.get(an.body) else {
        return false;
    };
    item.title
        .as_deref()
        .map(crate::fold::words)
        .and_then(|w| w.first().cloned())
        .is_some_and(|first| first == marker.norm && crate::named::full_signals(item) >= 2)
}

/// A tail that is only a page number or range ("ibid 580", "Ebd. 45–47").
fn bare_pinpoint(tail: &str) -> Option<String> {
    let t = tail.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':'));
    let ok = !t.is_empty()
        && t.len() <= 24
        && t.chars().next().is_some_and(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '–' | '-' | ',' | ' ' | 'f'));
    ok.then(|| t.to_owned())
}

/// The first 80 chars of a text, for messages.
pub fn clip(s: &str) -> String {
    let t = s.trim();
    match t.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", &t[..i]),
        None => t.to_owned(),
    }
}

/// The id of the work at index `i` of the store: "w1", "w2", ….
fn work_id(i: usize) -> String {
    format!("w{}", i + 1)
}

/// The one work of a note citing several that an ibid's pinpoint fits:
/// each work there was cited with a pinpoint of a known kind, and only one
/// with the kind of the ibid's ("Doc. No. 45; … Taylor, …, p. 88." then
/// "Ibid., p. 91." fits Taylor). `None` when that does not decide. The ibid
/// stays ambiguous; this names the likely work in its diagnostic.
fn by_locator_kind(
    targets: &[(Option<usize>, Option<LocatorKind>)],
    locator: Option<&str>,
) -> Option<usize> {
    let kind = locator_kind(locator?)?;
    if targets.iter().any(|(w, k)| w.is_none() || k.is_none()) {
        return None;
    }
    let mut matching = targets.iter().filter(|(_, k)| *k == Some(kind));
    let (one, _) = matching.next()?;
    if matching.next().is_some() {
        return None;
    }
    *one
}

/// Drops from a part's `item` the authors and the note that the labeller
/// read in the reference to its host (`tail`, "in Thornton, op. cit., n. 4")
/// and not before it (`head`).
fn drop_host_fields(item: &mut Item, head: &str, tail: &str) {
    let in_tail_only = |name: &str| !name.is_empty() && tail.contains(name) && !head.contains(name);
    item.author
        .retain(|n| !n.family_or_literal().is_some_and(in_tail_only));
    if item.note.as_deref().is_some_and(in_tail_only) {
        item.note = None;
    }
}

/// An archive written as its well-known abbreviation ("AN", "TNA") gets its
/// full name, as an archive found from a shelfmark does; a file of a
/// well-known record series with no archive ("FO 371/19892") gets the
/// series' archive, unless a note is left that may name another ("FO
/// 800/309, JCB").
fn spell_out_archive(item: &mut Item) {
    let table = crate::known::table();
    let full = match (item.archive.as_deref(), item.note.as_deref()) {
        (Some(a), _) => table.archive_full_name(a),
        (None, None) => item
            .archive_location
            .as_deref()
            .and_then(|loc| table.archive_of_series_file(loc)),
        (None, Some(_)) => None,
    };
    if let Some(full) = full {
        item.archive = Some(full.to_owned());
    }
}
