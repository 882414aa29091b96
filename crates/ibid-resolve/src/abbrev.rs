//! Abbreviations: definitions made in the notes ("(hereafter cited as
//! D.G.F.P.)", "(im Folgenden: ADAP)", "[ADAP]"), their later uses with a
//! series/volume pattern ("D.G.F.P. C/II", "D/I"), and well-known
//! abbreviations from the shipped table (FRUS, DBFP, TNA, FO, H.C. Deb. …).

use crate::engine::{default_pattern, Ctx, Engine, ItemFrom, Outcome};
use crate::fold::{abbr_key, file_key, fold};
use crate::known::{self, KnownAbbreviation, KnownKind};
use crate::markers::{find_locator, has_title_words, Analysis};
use crate::query::{archive_file, clean_title, Query};
use crate::signature::{
    component, first_year, parse_explicit, parse_slash, roman_value, Part, Signature,
};
use crate::tokens::{tokenize, Tok};
use crate::work_item::work_item;
use crate::CitationInput;
use ibid_model::{CitationKind, Item, ItemType};

/// A short form defined in the notes.
#[derive(Debug, Clone)]
pub struct DefRec {
    /// The work it stands for (`None` for a repository).
    pub work: Option<usize>,
    pub sig: Signature,
    pub pattern: Vec<Part>,
    /// For a repository ("TNA", "BArch", "ASV"): the archive's name; later
    /// uses name files in it.
    pub archive: Option<String>,
}

/// Split a definition into the short form and the pattern it states:
/// "D.G.F.P. Series/Volume" → ("D.G.F.P.", [Series, Volume]).
pub fn split_definition(raw: &str) -> (String, Vec<Part>) {
    let toks = tokenize(raw);
    let mut pattern = Vec::new();
    let mut cut: Option<usize> = None;
    for (i, t) in toks.iter().enumerate() {
        let part = match t.norm.as_str() {
            "series" | "serie" | "ser" | "reihe" => Some(Part::Series),
            "volume" | "vol" | "band" | "bd" | "tome" | "tomo" => Some(Part::Volume),
            "year" | "jahr" | "anno" | "annee" => Some(Part::Year),
            "followed" | "with" | "plus" | "gefolgt" | "suivi" | "seguito" => None,
            _ => {
                if i > 0 && cut.is_none() && parse_slash(&raw[t.start..]).is_some() {
                    cut = Some(t.start);
                }
                continue;
            }
        };
        if i == 0 {
            return (raw.trim().to_owned(), Vec::new());
        }
        cut.get_or_insert(t.start);
        if let Some(p) = part {
            if !pattern.contains(&p) {
                pattern.push(p);
            }
        }
    }
    match cut {
        Some(c) => {
            let short = raw[..c]
                .trim_end()
                .trim_end_matches([',', ';', ':', '+', '(']);
            let short = short.trim_end();
            if short.is_empty() {
                (raw.trim().to_owned(), Vec::new())
            } else {
                (short.to_owned(), pattern)
            }
        }
        None => (raw.trim().to_owned(), pattern),
    }
}

/// The lookup key of a defined short form (folded letters and digits).
pub fn def_key(s: &str) -> String {
    abbr_key(&fold(s))
}

/// End byte of a token, with its trailing dot.
fn tok_end(t: &Tok) -> usize {
    t.end + usize::from(t.dot)
}

/// The letters and digits of `s`, as the words that punctuation and spaces
/// separate ("H.C. Deb." → "H", "C", "Deb").
fn alnum_words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The labeller reads a well-known abbreviation at the head of a citation
/// as a name or a title ("H.C. Deb." as the author "Deb, H.C.", "FRUS" as
/// an author): a name or title made only of the abbreviation's own words
/// is dropped, since the table's expansion names the work.
fn drop_abbreviation_as_author_or_title(item: &mut Item, abbr: &str) {
    let words: Vec<&str> = alnum_words(abbr).collect();
    if words.is_empty() {
        return;
    }
    let inside = |s: &str| {
        let mut any = false;
        let all = alnum_words(s).all(|w| {
            any = true;
            words.contains(&w)
        });
        all && any
    };
    item.author.retain(|n| {
        let parts = [&n.family, &n.given, &n.literal];
        let written: Vec<&str> = parts.iter().filter_map(|p| p.as_deref()).collect();
        written.is_empty() || !written.iter().all(|p| inside(p))
    });
    if item.title.as_deref().is_some_and(inside) {
        item.title = None;
    }
}

impl Engine {
    /// Record the abbreviation a citation defines.
    pub fn register_definition(
        &mut self,
        ctx: Ctx,
        cit: &CitationInput<'_>,
        an: &Analysis,
        work: Option<usize>,
    ) {
        let raw = cit
            .defines
            .map(str::to_owned)
            .filter(|d| !d.trim().is_empty())
            .or_else(|| an.definition.as_ref().map(|d| d.short.clone()));
        let Some(raw) = raw else { return };
        let (short, pattern) = split_definition(&raw);
        let key = def_key(&short);
        if key.is_empty() {
            return;
        }
        let text = cit.text;
        let before = match &an.definition {
            Some(d) if d.clause.start <= text.len() => &text[..d.clause.start],
            _ => text,
        };
        let mut long = before.to_owned();
        if let Some(l) = cit.locator.map(str::trim).filter(|l| !l.is_empty()) {
            if let Some(p) = long.rfind(l) {
                if long[p + l.len()..]
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .is_empty()
                {
                    long.truncate(p);
                }
            }
        }
        let long = long
            .trim()
            .trim_end_matches(|c: char| {
                c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '(')
            })
            .to_owned();
        let archive = self.repository_named(&short, cit, before, work);
        let work = if archive.is_some() { None } else { work };
        let sig = work
            .map(|w| self.store.works[w].sig.clone())
            .unwrap_or_default();
        if let Some(w) = work {
            if !pattern.is_empty() || !sig.is_empty() {
                let pat = if pattern.is_empty() {
                    default_pattern(&sig)
                } else {
                    pattern.clone()
                };
                self.store.family_of(w, &pat);
            }
        }
        if let Some(old) = self.defs.get(&key) {
            if old.work != work || old.archive != archive {
                self.diag(
                    ctx,
                    "redefined-abbreviation",
                    format!("\"{short}\" is defined again; the new definition holds from here"),
                );
            }
        }
        self.max_def_tokens = self.max_def_tokens.max(tokenize(&short).len()).min(12);
        let long = archive.clone().unwrap_or(long);
        self.defs.insert(
            key,
            DefRec {
                work,
                sig,
                pattern,
                archive,
            },
        );
        let already = self
            .defined
            .iter()
            .any(|(s, _, n, w)| *s == short && *n == ctx.number && *w == work);
        if !already {
            self.defined.push((short, long, ctx.number, work));
        }
    }

    /// The archive a definition names, when the short form stands for a
    /// repository rather than a work: a well-known archive abbreviation, the
    /// citation's `archive` field, or a definition made on an archive file.
    fn repository_named(
        &self,
        short: &str,
        cit: &CitationInput<'_>,
        before: &str,
        work: Option<usize>,
    ) -> Option<String> {
        let item_archive = cit.item.archive.as_deref().filter(|a| !a.trim().is_empty());
        // The words just before the clause ("…, The National Archives, Kew").
        let tail_name = || -> Option<String> {
            let t = before.trim_end().trim_end_matches([',', ';', ':']);
            let start = t
                .rfind(|c: char| c.is_ascii_digit())
                .map_or(0, |p| t[p..].find(',').map_or(t.len(), |q| p + q + 1));
            let name = t[start.min(t.len())..].trim();
            (!name.is_empty()).then(|| name.to_owned())
        };
        if let Some(k) = known::table().lookup(short) {
            if k.kind.is_archival() {
                let name = item_archive
                    .map(str::to_owned)
                    .or_else(tail_name)
                    .unwrap_or_else(|| k.expansion.to_owned());
                return Some(name);
            }
        }
        if let Some(a) = item_archive {
            let fa = fold(a);
            if fold(before)
                .trim_end()
                .trim_end_matches([',', ' '])
                .ends_with(fa.trim())
            {
                return Some(a.to_owned());
            }
        }
        let file_work = work.is_some_and(|w| self.store.works[w].file.is_some());
        if file_work {
            return item_archive.map(str::to_owned).or_else(tail_name);
        }
        None
    }

    /// A defined short form at the start of the body: its key and the token after it.
    pub(crate) fn match_def(&self, text: &str, toks: &[Tok], b: usize) -> Option<(String, usize)> {
        if self.defs.is_empty() || b >= toks.len() {
            return None;
        }
        let at = |p: usize| -> Option<(String, usize)> {
            let max = self.max_def_tokens.min(toks.len() - p);
            for k in (1..=max).rev() {
                let raw = &text[toks[p].start..toks[p + k - 1].end];
                let key = def_key(raw);
                if self.defs.contains_key(&key) {
                    return Some((key, p + k));
                }
            }
            None
        };
        if let Some(found) = at(b) {
            return Some(found);
        }
        // "Record of conversation …, 19 Nov. 1937, D.G.F.P. D/I, Doc. No. 31":
        // an abbreviation-like short form after a comma.
        for p in b + 1..toks.len() {
            if !matches!(
                crate::tokens::char_before(text, toks[p].start),
                Some(',' | ';' | ':')
            ) {
                continue;
            }
            if let Some((key, end)) = at(p) {
                let raw = &text[toks[p].start..toks[end - 1].end];
                let caps = raw.chars().filter(|c| c.is_uppercase()).count();
                if caps >= 2 && !raw.chars().any(char::is_whitespace) {
                    return Some((key, end));
                }
            }
        }
        None
    }

    /// A well-known abbreviation at the start of the body ("FRUS", "TNA",
    /// "FO"), or after a year and volume ("[1932] AC 562", "84 AJIL 1").
    fn match_known(
        &self,
        text: &str,
        toks: &[Tok],
        b: usize,
    ) -> Option<(&'static KnownAbbreviation, usize, usize)> {
        let table = known::table();
        let try_at = |s: usize| -> Option<(&'static KnownAbbreviation, usize)> {
            let first = toks.get(s)?;
            if !table.may_start_with(text.get(first.start..first.end)?) {
                return None;
            }
            let max = 5.min(toks.len().saturating_sub(s));
            for k in (1..=max).rev() {
                let raw = &text[toks[s].start..toks[s + k - 1].end];
                if raw.len() > 24 {
                    continue;
                }
                if let Some(e) = table.lookup(raw) {
                    return Some((e, s + k));
                }
            }
            None
        };
        let is_number_at = |i: usize| toks.get(i).is_some_and(Tok::is_number);
        if let Some((e, end)) = try_at(b) {
            let report = matches!(e.kind, KnownKind::LawReport | KnownKind::Journal);
            if !report || (abbr_key(e.canonical).len() >= 4 && is_number_at(end)) {
                return Some((e, b, end));
            }
        }
        for skip in 1..=2 {
            if !(b..b + skip).all(is_number_at) {
                break;
            }
            if let Some((e, end)) = try_at(b + skip) {
                let report = matches!(
                    e.kind,
                    KnownKind::LawReport | KnownKind::Journal | KnownKind::TreatySeries
                );
                if report && is_number_at(end) {
                    return Some((e, b, end));
                }
            }
        }
        None
    }

    /// An item with a shelfmark but no archive whose note holds the short
    /// form of a repository ("Simon to Phipps, …, FO 371/18851, TNA", where
    /// the labeller left "TNA" outside its fields): a short form defined for
    /// a repository earlier ("The National Archives, Kew (TNA)") or a
    /// well-known archive abbreviation names the archive, and the note loses
    /// it. `None` when there is nothing to fill.
    pub fn archive_named_in_note(&self, item: &Item) -> Option<Item> {
        if item.archive.is_some() || item.archive_location.is_none() {
            return None;
        }
        let parts = item.note_parts();
        let (k, archive) = parts.iter().enumerate().find_map(|(k, part)| {
            let key = def_key(part);
            if key.is_empty() {
                return None;
            }
            if let Some(a) = self.defs.get(&key).and_then(|d| d.archive.clone()) {
                return Some((k, a));
            }
            known::table()
                .lookup(part.trim())
                .filter(|e| e.kind == KnownKind::Archive)
                .map(|e| (k, e.expansion.to_owned()))
        })?;
        let rest = parts
            .into_iter()
            .enumerate()
            .filter(|(i, _)| *i != k)
            .map(|(_, p)| p)
            .collect();
        let mut it = item.clone();
        it.archive = Some(archive);
        it.set_note_parts(rest);
        Some(it)
    }

    /// An archive named by a well-known abbreviation at the start, with the
    /// location written after it ("TNA, FO 371/18851, …" → "FO 371/18851, …").
    pub fn archive_hint(
        &self,
        text: &str,
        an: &Analysis,
    ) -> Option<(&'static KnownAbbreviation, String)> {
        let Some((k, start, end)) = self
            .match_known(text, &an.toks, an.body)
            .filter(|(k, _, _)| k.kind.is_archival())
        else {
            // "Halifax to Henderson, 15 Mar. 1939, FO 371/22966, …, TNA": a
            // record series code with its piece anywhere in the text.
            let table = known::table();
            return an.toks.iter().find_map(|t| {
                let raw = text.get(t.start..t.end)?;
                let k = table
                    .lookup(raw)
                    .filter(|k| k.kind == KnownKind::ArchiveSeries)?;
                if abbr_key(raw) != abbr_key(k.canonical) {
                    return None;
                }
                let end = crate::query::series_piece_end(&text[t.start..])?;
                Some((k, text[t.start..t.start + end].to_owned()))
            });
        };
        let from = if k.kind == KnownKind::ArchiveSeries {
            an.toks[start].start
        } else {
            an.toks.get(end).map_or(text.len(), |t| t.start)
        };
        let loc = crate::query::trim_description(
            text[from..]
                .trim()
                .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';')),
        );
        (!loc.is_empty() && loc.chars().any(|c| c.is_ascii_digit())).then(|| (k, loc.to_owned()))
    }

    /// A use of an abbreviation (defined or well known), when the citation is one.
    pub fn abbreviation(&mut self, cit: &CitationInput<'_>, an: &Analysis) -> Option<Outcome> {
        let text = cit.text;
        let toks = &an.toks;
        let b = an.body;
        let head_of = |after: usize, end_tok: usize| -> (usize, Option<String>) {
            // A "locator" that is a series or volume ("s. VIII") belongs to the head.
            let given = cit
                .locator
                .filter(|l| !l.trim().is_empty())
                .filter(|l| parse_explicit(l, &tokenize(l)).is_empty())
                .and_then(|l| {
                    text.rfind(l)
                        .filter(|&p| p >= after)
                        .map(|p| (p, l.to_owned()))
                });
            match given {
                Some((p, l)) => (p, Some(l)),
                None => match find_locator(text, toks, end_tok, after, true) {
                    Some(r) => (r.start, Some(text[r].to_owned())),
                    None => (text.len(), cit.locator.map(str::to_owned)),
                },
            }
        };
        if let Some((key, end_tok)) = self.match_def(text, toks, b) {
            let after = tok_end(&toks[end_tok - 1]);
            let (head_end, locator) = head_of(after, end_tok);
            let head = text.get(after..head_end.max(after)).unwrap_or("");
            let def = self.defs.get(&key).cloned()?;
            if let Some(archive) = &def.archive {
                if let Some(o) = self.defined_archive_use(cit, &key, archive, head, locator.clone())
                {
                    return Some(o);
                }
            }
            if let (Some(base), false) = (def.work, has_title_words(head, &tokenize(head))) {
                let sig = self.def_signature(&def, head);
                let work = if sig.is_empty() {
                    base
                } else {
                    let mut s = sig;
                    s.fill_from(&def.sig);
                    self.store.sibling(base, s)
                };
                return Some(Outcome::new(
                    CitationKind::Abbreviation,
                    Some(work),
                    locator,
                    ItemFrom::Work,
                ));
            }
        }
        let (k, start, end_tok) = self.match_known(text, toks, b)?;
        let after = tok_end(&toks[end_tok - 1]);
        let (head_end, locator) = head_of(after, end_tok);
        let head = text.get(after..head_end.max(after)).unwrap_or("");
        let mut head_toks = tokenize(head);
        if k.kind == KnownKind::Parliamentary {
            // "HC Deb 3 February 1977, vol 925": the day's month is no
            // title word
            head_toks.retain(|t| crate::issues::month(&t.norm).is_none());
        }
        if has_title_words(head, &head_toks) {
            return None;
        }
        let o = if k.kind.is_archival() {
            self.known_archive_use(cit, an, k, locator)?
        } else {
            let abbr = text.get(toks[start].start..after).unwrap_or("");
            self.known_reference_use(cit, an, (k, start, abbr), head, locator)
        };
        self.use_known(k);
        Some(o)
    }

    /// Read the series/volume written after a defined abbreviation.
    fn def_signature(&self, def: &DefRec, head: &str) -> Signature {
        let mut sig = Signature::default();
        let pattern = if def.pattern.is_empty() {
            default_pattern(&def.sig)
        } else {
            def.pattern.clone()
        };
        if let Some((a, b)) = parse_slash(head) {
            sig.set(pattern.first().copied().unwrap_or(Part::Series), a);
            sig.set(pattern.get(1).copied().unwrap_or(Part::Volume), b);
            return sig;
        }
        let toks = tokenize(head);
        sig = parse_explicit(head, &toks);
        if sig.is_empty() {
            // "D.G.F.P. III": one leading component (roman numeral or letter).
            if let Some(t) = toks.first() {
                let raw = &head[t.start..t.end];
                let roman_or_letter = roman_value(raw).is_some() || raw.chars().count() == 1;
                if roman_or_letter || !def.pattern.is_empty() {
                    if let Some(c) = component(raw) {
                        let part = if def.pattern.len() == 1 {
                            def.pattern[0]
                        } else if def.sig.volume.is_some() {
                            Part::Volume
                        } else {
                            pattern.first().copied().unwrap_or(Part::Volume)
                        };
                        sig.set(part, c);
                    }
                }
            }
        }
        sig
    }

    /// "ASV, Senato, Secreta, filza 14" where "ASV" was defined for the archive.
    fn defined_archive_use(
        &mut self,
        cit: &CitationInput<'_>,
        key: &str,
        archive: &str,
        head: &str,
        locator: Option<String>,
    ) -> Option<Outcome> {
        let loc = crate::query::trim_description(
            head.trim()
                .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.')),
        );
        if loc.is_empty() || !loc.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        let location = cit
            .item
            .archive_location
            .clone()
            .unwrap_or_else(|| loc.to_owned());
        let mut item = cit.item.clone();
        // no archive, or the defined short form itself ("BArch"): the name
        if item.archive.as_deref().is_none_or(|a| def_key(a) == key) {
            item.archive = Some(archive.to_owned());
        }
        item.archive_location = Some(location.clone());
        let file = archive_file(&location, locator.as_deref());
        Some(self.file_work(item, file, locator))
    }

    /// The archive-file work of `item` (found or created). Archival
    /// citations are full citations of their document: the item is their own.
    fn file_work(&mut self, item: Item, file: String, locator: Option<String>) -> Outcome {
        let mut q = Query::from_item(&item, None, &Signature::default());
        q.file = Some(file_key(&file)).filter(|k| !k.is_empty());
        q.file_text = Some(file.clone());
        let wi = work_item(&item, locator.as_deref(), Some(&file));
        let w = match self.store.find_file(&q) {
            Some(w) => {
                self.store.absorb(w, wi, &q);
                w
            }
            None => self.store.create(wi, &q),
        };
        Outcome::new(
            CitationKind::Full,
            Some(w),
            locator,
            ItemFrom::Own(Box::new(item)),
        )
    }

    fn known_archive_use(
        &mut self,
        cit: &CitationInput<'_>,
        an: &Analysis,
        k: &'static KnownAbbreviation,
        locator: Option<String>,
    ) -> Option<Outcome> {
        let (_, location) = self.archive_hint(cit.text, an)?;
        let location = cit.item.archive_location.clone().unwrap_or(location);
        let mut item = cit.item.clone();
        if item.archive.is_none() {
            let archive = known::table()
                .by_canonical(k.archive_canonical())
                .map_or(k.expansion, |a| a.expansion);
            item.archive = Some(archive.to_owned());
        }
        let file = archive_file(&location, locator.as_deref());
        if file_key(&file).is_empty() {
            return None;
        }
        item.archive_location = Some(location);
        Some(self.file_work(item, file, locator))
    }

    /// "FRUS, 1938, vol. I", "DBFP, 2nd ser., vol. XIX", "H.C. Deb., 5th ser.,
    /// vol. 295", "Cmd. 5847", "[1932] AC 562", "BGHZ 34, 99".
    ///
    /// `known` is the table's row, the index of the abbreviation's first
    /// token and the abbreviation as written.
    fn known_reference_use(
        &mut self,
        cit: &CitationInput<'_>,
        an: &Analysis,
        known: (&'static KnownAbbreviation, usize, &str),
        head: &str,
        locator: Option<String>,
    ) -> Outcome {
        let (k, start, abbr) = known;
        let head_toks = tokenize(head);
        let sig_based = matches!(k.kind, KnownKind::Series | KnownKind::Parliamentary);
        let mut sig = Signature::default();
        let mut locator = locator;
        let key = if sig_based {
            sig = match parse_slash(head) {
                Some((a, b)) => Signature {
                    series: Some(a),
                    volume: Some(b),
                    year: None,
                },
                None => parse_explicit(head, &head_toks),
            };
            if k.kind == KnownKind::Series {
                sig.year = first_year(&head_toks);
            }
            if sig.is_empty() {
                if let Some(t) = head_toks.first() {
                    if let Some(c) = component(&head[t.start..t.end]) {
                        sig.volume = Some(c);
                    }
                }
            }
            // "FRUS, 1938, 1:50": the volume opens the pinpoint
            if sig.volume.is_none() {
                let volume = locator
                    .as_deref()
                    .and_then(ibid_model::pinpoints::volume_and_page)
                    .and_then(|(v, _)| component(v));
                if volume.is_some() {
                    sig.volume = volume;
                }
            }
            format!("{}|{}", k.canonical, sig.key())
        } else {
            // The numbers around the abbreviation: year, volume, first page.
            let mut head = head.trim_end();
            if locator.is_none() {
                if let Some(open) = head.rfind('(') {
                    let inner = head[open + 1..].trim_end_matches(')').trim();
                    if !inner.is_empty()
                        && inner
                            .chars()
                            .all(|c| c.is_ascii_digit() || c == '-' || c == '–')
                        && open > 0
                    {
                        locator = Some(inner.to_owned());
                        head = head[..open].trim_end();
                    }
                }
            }
            let mut nums: Vec<String> = an.toks[..start]
                .iter()
                .filter(|t| t.start >= an.body_byte() && t.is_number())
                .map(|t| t.norm.trim_start_matches('0').to_owned())
                .collect();
            nums.extend(
                tokenize(head)
                    .iter()
                    .filter_map(|t| component(&head[t.start..t.end])),
            );
            if let Some(v) = nums.first() {
                sig.volume = Some(v.clone());
            }
            format!("{}|{}", k.canonical, nums.join("|"))
        };
        let fam = match self.known_families.get(k.canonical) {
            Some(&f) => f,
            None => {
                let f = self.store.families.len();
                self.store.families.push(crate::works::Family {
                    members: Default::default(),
                    pattern: vec![Part::Series, Part::Volume],
                });
                self.known_families.insert(k.canonical, f);
                f
            }
        };
        if let Some(&w) = self.store.refs.get(&key) {
            return Outcome::new(CitationKind::Full, Some(w), locator, ItemFrom::Work);
        }
        let mut item = cit.item.clone();
        if k.kind == KnownKind::LawReport {
            // the first page names the decision ("BGHZ 34, 99")
            item.page = None;
        } else {
            item.drop_pages();
        }
        item.custom.remove("locator");
        drop_abbreviation_as_author_or_title(&mut item, abbr);
        match k.kind {
            KnownKind::LawReport => {
                if item.item_type == ItemType::Document {
                    item.item_type = ItemType::LegalCase;
                }
                item.container_title
                    .get_or_insert_with(|| k.expansion.to_owned());
            }
            KnownKind::Journal => {
                if item.item_type == ItemType::Document {
                    item.item_type = ItemType::ArticleJournal;
                }
                item.container_title
                    .get_or_insert_with(|| k.expansion.to_owned());
            }
            KnownKind::Series => {
                if item.item_type == ItemType::Document {
                    item.item_type = ItemType::Book;
                }
                if item.title.is_none() {
                    item.title = Some(match &sig.year {
                        Some(y) => format!("{}, {y}", k.expansion),
                        None => k.expansion.to_owned(),
                    });
                }
            }
            _ => {
                if k.kind == KnownKind::Parliamentary && item.item_type == ItemType::Document {
                    // the bound volumes of the debates, as the series above
                    item.item_type = ItemType::Book;
                }
                if item.title.is_none() {
                    item.title = Some(k.expansion.to_owned());
                }
            }
        }
        if item.volume.is_none() {
            item.volume.clone_from(&sig.volume);
        }
        if let Some(s) = &sig.series {
            item.custom
                .entry("collection-number")
                .or_insert_with(|| serde_json::Value::String(s.clone()));
        }
        let q = Query {
            title: item.title.as_deref().and_then(clean_title),
            sig: sig.clone(),
            ..Query::default()
        };
        // The same volume may have been cited in full before.
        let existing = match (&q.title, sig_based && sig.volume.is_some()) {
            (Some(t), true) => self.store.find_series(t, &sig),
            _ => None,
        };
        let w = existing.unwrap_or_else(|| self.store.create(item, &q));
        self.store.refs.insert(key, w);
        if sig_based {
            self.store.families[fam]
                .members
                .entry(sig.key())
                .or_insert(w);
            if self.store.works[w].family.is_none() {
                self.store.works[w].family = Some(fam);
            }
        }
        Outcome::new(CitationKind::Full, Some(w), locator, ItemFrom::Work)
    }
}

#[cfg(test)]
mod tests;
