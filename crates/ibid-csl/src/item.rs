//! Labelled spans of one citation into a CSL-JSON item.

use crate::archive_numbers::registry_number;
use crate::date::{parse_date, parse_date_detailed, ParsedDate};
use crate::fields::{
    clean_archive, clean_container, clean_plain, clean_publisher, clean_title,
    split_guillemet_container,
};
use crate::ids::{clean_doi, clean_isbn, clean_url};
use crate::infer::{ends_with_in, infer_with, preceded_by_in};
use crate::names::{parse_names, NameRole};
use crate::pages::normalise_pages;
use crate::text::{find_ci, safe_slice};
use crate::volume::{clean_edition, clean_issue, parse_volume};
use ibid_model::{Date, Item, ItemType, Label};
use roles::{
    bracketed_role_after, split_book_and_editors, split_editor_and_title, starts_with_plural_role,
};
use serde_json::{json, Map, Value};
use std::ops::Range;

mod roles;

/// Builds a CSL-JSON item from the labelled fields of one citation.
///
/// `fields` are byte ranges into `text`, in order; a label may repeat. Edge
/// punctuation is cleaned, names are split, dates parsed, pages normalised,
/// and the CSL `type` inferred (see [`crate::infer_type`]). Ranges outside
/// the text or inside a character are clamped; nothing panics.
///
/// ```
/// use ibid_model::Label;
/// let text = "Taylor, A. J. P., The Origins of the Second World War (London, 1961), p. 88.";
/// let item = ibid_csl::to_item(text, &[
///     (Label::Author, 0..17),
///     (Label::Title, 18..53),
///     (Label::Location, 54..62),
///     (Label::Date, 63..69),
///     (Label::Pages, 70..76),
/// ]);
/// assert_eq!(item.author[0].family.as_deref(), Some("Taylor"));
/// assert_eq!(item.title.as_deref(), Some("The Origins of the Second World War"));
/// assert_eq!(item.publisher_place.as_deref(), Some("London"));
/// assert_eq!(item.issued.as_ref().and_then(|d| d.first_year()), Some(1961));
/// assert_eq!(item.page.as_deref(), Some("88"));
/// assert_eq!(item.item_type, ibid_model::ItemType::Book);
/// ```
pub fn to_item(text: &str, fields: &[(Label, Range<usize>)]) -> Item {
    let mut b = Builder::default();
    let mut prev_end = 0usize;
    let mut skip_issue_at = None;
    // (the model read it as a note, not a date: four digits are no year)
    let list_number = ibid_model::text::list_marker(text, 4).map(|(number, _)| number);
    for (k, (label, range)) in fields.iter().enumerate() {
        if skip_issue_at == Some(k) {
            continue;
        }
        // "Robyn Adams and Rosanna Cox, eds.": the plural role after the
        // second name makes both editors
        let label = match (label, fields.get(k + 1)) {
            (Label::Author, Some((Label::Editor, next)))
                if safe_slice(text, range.end..next.start).trim() == "and"
                    && starts_with_plural_role(safe_slice(text, next.end..text.len())) =>
            {
                &Label::Editor
            }
            _ => label,
        };
        // "review of The Origins …, by A. J. P. Taylor": the reviewed
        // book's author read as the review's is part of its title
        if let Some((whole, rest)) = crate::review::is_reviewed_author(text, fields, k) {
            let title_field = clean_title(safe_slice(text, fields[k - 1].1.clone()));
            if b.item.title.is_some() && b.item.title == title_field {
                b.item.title = clean_title(safe_slice(text, whole));
                // "…, by A. J. P. Taylor, Observer": the periodical
                if let Some(rest) = rest {
                    b.add(Label::ContainerTitle, safe_slice(text, rest), ", ");
                }
                prev_end = range.end.min(text.len());
                continue;
            }
        }
        // "(Paris: Albin Michel, 1939–40)": the years of publication read
        // as pages
        let label = match (label, k.checked_sub(1).map(|j| &fields[j].0)) {
            (Label::Pages, Some(Label::Publisher | Label::Location))
                if b.item.issued.is_none()
                    && crate::date::is_year_range(safe_slice(text, range.clone())) =>
            {
                &Label::Date
            }
            _ => label,
        };
        let mut s = safe_slice(text, range.clone());
        if *label == Label::Author {
            let next = fields.get(k + 1).map_or(text.len(), |(_, r)| r.start);
            if let Some(end) = bracketed_role_after(text, range.clone(), next) {
                s = safe_slice(text, range.start..end);
            }
        }
        // "s 14(2)", "§ 4", "ss 3–5": a section of a statute is the
        // citation's pinpoint, not pages and an issue of the work
        let word_start = safe_slice(text, 0..range.start)
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric() && !matches!(c, '’' | '\''));
        if *label == Label::Pages && word_start && is_section(s) {
            let mut end = range.end;
            if let Some((Label::Issue, r)) = fields.get(k + 1) {
                if safe_slice(text, range.end..r.start).trim() == "(" {
                    end = (r.end + 1).min(text.len());
                    skip_issue_at = Some(k + 1);
                }
            }
            let pin = safe_slice(text, range.start..end).trim_end_matches(['.', ',', ';']);
            b.custom
                .entry("locator")
                .or_insert_with(|| Value::String(pin.to_string()));
            b.custom
                .entry("page-label")
                .or_insert_with(|| Value::String("section".into()));
            prev_end = end;
            continue;
        }
        if !s.chars().any(char::is_alphanumeric) {
            continue;
        }
        let gap = if range.start >= prev_end {
            safe_slice(text, prev_end..range.start)
        } else {
            ""
        };
        // "[73] C. Rother, …", "48. Apical extrusion …": the reference
        // list's numbering, not a note of the work
        if prev_end == 0 && *label == Label::Note && list_number.as_ref() == Some(range) {
            b.custom
                .insert("list-number".into(), Value::String(s.trim().to_string()));
            prev_end = range.end.min(text.len());
            continue;
        }
        if crate::volume_title::after_volume(text, fields, k) {
            b.volume_title(s);
            prev_end = range.end.min(text.len());
            continue;
        }
        b.add(*label, s, gap);
        if *label != Label::Other {
            prev_end = range.end.min(text.len());
        }
    }
    b.finish(text)
}

/// "Archivo Histórico Nacional (AHN)", "Archives nationales (AN)": the
/// abbreviation a note defines after an archive's name is no part of the
/// name (the resolver reads the definition from the note's text). Two to
/// six capitals in brackets at the end are left out; anything else is kept.
fn without_defined_abbreviation(archive: String) -> String {
    let Some(open) = archive.rfind(" (") else {
        return archive;
    };
    let inner = archive[open + 2..].strip_suffix(')').unwrap_or("");
    let letters = inner.chars().filter(|c| c.is_uppercase()).count();
    let abbreviation = (2..=6).contains(&letters)
        && inner.chars().all(|c| c.is_uppercase() || c == '.')
        && open > 0;
    if abbreviation {
        archive[..open].to_string()
    } else {
        archive
    }
}

/// A section marker with its number: "s 14", "ss 3–5", "§ 4", "§§ 3-5"
/// (not "S. 14", a German page).
fn is_section(s: &str) -> bool {
    let t = s.trim_start();
    let rest = ["ss ", "s ", "§§", "§"]
        .iter()
        .find_map(|m| t.strip_prefix(m));
    rest.is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

#[derive(Default)]
struct Builder {
    item: Item,
    custom: Map<String, Value>,
    container_in: bool,
    /// The title was written «Title», as Italian citations write journals.
    title_guillemets: bool,
    volume_year: Option<String>,
    volume_pages: Option<String>,
    issued_detail: Option<ParsedDate>,
    honorifics: Vec<Value>,
    et_al: Vec<&'static str>,
    other_dates: Vec<Value>,
    unparsed: Map<String, Value>,
    /// The raw texts labelled `author` (for [`crate::repair`]).
    author_texts: Vec<String>,
}

/// Appends `value` to an optional field with a separator.
fn append(field: &mut Option<String>, value: String, sep: &str) {
    match field {
        Some(f) if !f.is_empty() => {
            if !f.contains(value.as_str()) {
                f.push_str(sep);
                f.push_str(&value);
            }
        }
        _ => *field = Some(value),
    }
}

/// True when a date span is an access date ("accessed 4 May 2020").
fn is_access_date(s: &str) -> bool {
    access_word_at(s).is_some()
}

/// Where the first access word of `s` starts ("accessed", "consulté" …).
fn access_word_at(s: &str) -> Option<usize> {
    [
        "accessed",
        "retrieved",
        "abgerufen",
        "consulté",
        "consultato",
        "zugegriffen",
        "zugriff",
        "visited",
        "viewed",
        "consultado",
        "last access",
        "access date",
        "stand:",
    ]
    .iter()
    .filter_map(|w| find_ci(s, w))
    .min()
}

/// The URL written before the access word of a date span
/// ("http://id.erudit.org/x >. Consulté le 20 juillet 2012"): the first
/// token from "http" or "www." to a space or a closing bracket.
fn url_before(s: &str) -> Option<&str> {
    let start = ["http://", "https://", "www."]
        .iter()
        .filter_map(|p| find_ci(s, p))
        .min()?;
    let rest = &s[start..];
    let end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '>' | ')' | ']' | '<'))
        .unwrap_or(rest.len());
    Some(rest[..end].trim_end_matches(['.', ',', ';']))
}

fn date_value(d: &Date) -> Value {
    serde_json::to_value(d).unwrap_or(Value::Null)
}

impl Builder {
    fn add(&mut self, label: Label, s: &str, gap: &str) {
        match label {
            Label::Editor => {
                // "Dutch Painting Reconsidered, ed. by Mark Holloway and
                // Sarah Pell": the book's title, then its editors
                if let Some((book, names)) = split_book_and_editors(s) {
                    if self.item.container_title.is_none() && self.item.title.is_some() {
                        self.add(Label::ContainerTitle, book, gap);
                        self.container_in |= ends_with_in(gap);
                        self.names(label, names);
                        return;
                    }
                }
                self.names(label, s)
            }
            Label::Author if self.item.title.is_none() => {
                // "Walter Liedtke, ed., Vermeer and the Delft School" read as
                // one name: the editor, then the title
                match split_editor_and_title(s) {
                    Some((names, title)) => {
                        self.names(Label::Editor, names);
                        self.title(title, ", ");
                    }
                    None => self.names(label, s),
                }
            }
            Label::Author | Label::Translator => self.names(label, s),
            Label::Title => self.title(s, gap),
            Label::ContainerTitle => {
                let (c, had_in) = clean_container(s);
                if had_in || ends_with_in(gap) {
                    self.container_in = true;
                }
                if let Some(c) = c {
                    append(&mut self.item.container_title, c, ". ");
                }
            }
            Label::CollectionTitle => {
                if let Some(c) = clean_title(s) {
                    append(&mut self.item.collection_title, c, "; ");
                }
            }
            Label::Volume => {
                // "2 vols.": how many volumes the work has, not one cited
                if let Some(n) = crate::volume::number_of_volumes(s) {
                    self.custom
                        .entry("number-of-volumes")
                        .or_insert(Value::String(n));
                    return;
                }
                let s = match crate::volume_title::split_volume(s) {
                    Some((volume, title)) => {
                        self.volume_title(title);
                        volume
                    }
                    None => s,
                };
                let v = parse_volume(s);
                if let Some(vol) = v.volume {
                    append(&mut self.item.volume, vol, ", ");
                }
                if let Some(iss) = v.issue {
                    append(&mut self.item.issue, iss, ", ");
                }
                if v.year.is_some() && self.volume_year.is_none() {
                    self.volume_year = v.year;
                }
                if v.pages.is_some() && self.volume_pages.is_none() {
                    self.volume_pages = v.pages;
                }
            }
            Label::Issue => {
                if let Some(i) = clean_issue(s) {
                    append(&mut self.item.issue, i, ", ");
                }
            }
            // "Encyclopaedia Britannica, s.v.": the marker alone, no page
            Label::Pages if crate::sub_voce::is_bare_marker(s) => {
                append(&mut self.item.note, s.trim().to_string(), "; ")
            }
            Label::Pages => match registry_number(s) {
                // "C 3766/270/18": a Foreign Office registry number read as
                // a folio, part of the document's archival reference
                Some(r)
                    if r.starts_with(char::is_alphabetic)
                        || self.item.archive_location.is_some() =>
                {
                    append(&mut self.item.archive_location, r.to_string(), ", ")
                }
                _ => self.pages(s),
            },
            Label::Date => self.date(s, gap),
            Label::Publisher => {
                if let Some(p) = clean_publisher(s) {
                    append(&mut self.item.publisher, p, "; ");
                }
            }
            Label::Location => {
                if let Some(p) = clean_plain(s) {
                    append(&mut self.item.publisher_place, p, "; ");
                }
            }
            Label::Edition => {
                if let Some(e) = clean_edition(s) {
                    append(&mut self.item.edition, e, "; ");
                }
            }
            Label::Genre => {
                if let Some(g) = clean_plain(s) {
                    append(&mut self.item.genre, g, "; ");
                }
            }
            Label::Note if matches!(s.trim(), "In" | "in" | "In:" | "in:") => {
                self.container_in = true;
            }
            // "(accessed 3 March 2023)" left as a note
            Label::Note if self.accessed(s) => {}
            Label::Note => {
                if let Some(n) = clean_plain(s) {
                    append(&mut self.item.note, n, Item::NOTE_SEP);
                }
            }
            Label::Url => match clean_url(s) {
                Some(u) => {
                    if self.item.doi.is_none() && find_ci(&u, "doi.org/").is_some() {
                        self.item.doi = clean_doi(&u);
                    }
                    if self.item.url.is_none() {
                        self.item.url = Some(u);
                    } else {
                        self.unparsed("url", s);
                    }
                }
                None => self.unparsed("url", s),
            },
            Label::Doi => match clean_doi(s) {
                Some(d) if self.item.doi.is_none() => self.item.doi = Some(d),
                Some(d) if self.item.doi.as_deref() == Some(d.as_str()) => {}
                _ => self.unparsed("doi", s),
            },
            Label::Isbn => match clean_isbn(s) {
                Some(i) => append(&mut self.item.isbn, i, ", "),
                None => self.unparsed("isbn", s),
            },
            Label::Archive => {
                if let Some(a) = clean_archive(s) {
                    append(
                        &mut self.item.archive,
                        without_defined_abbreviation(a),
                        ", ",
                    );
                }
            }
            Label::ArchiveLocation => {
                if let Some(a) = clean_archive(s) {
                    // "…, b." + "46" → "…, b. 46"
                    let sep = match &self.item.archive_location {
                        Some(prev) if prev.ends_with('.') => " ",
                        _ => ", ",
                    };
                    append(&mut self.item.archive_location, a, sep);
                }
            }
            Label::Other => {
                // "in", "In:", "dans"; also "in: Ders.," before a host by the
                // citation's own author
                let s = crate::infer::without_same_author(s).unwrap_or(s);
                let t = s.trim().trim_end_matches([':', ',']);
                if t.eq_ignore_ascii_case("in") || t.eq_ignore_ascii_case("dans") {
                    self.container_in = true;
                }
            }
        }
    }

    fn unparsed(&mut self, key: &str, s: &str) {
        let entry = self
            .unparsed
            .entry(key.to_string())
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(a) = entry {
            a.push(Value::String(s.trim().to_string()));
        }
    }

    fn names(&mut self, label: Label, s: &str) {
        if label == Label::Author {
            self.author_texts.push(s.trim().to_string());
        }
        let parsed = parse_names(s);
        if label != Label::Author
            && s.trim_start()
                .get(..2)
                .is_some_and(|p| p.eq_ignore_ascii_case("in"))
        {
            // "In S. Ayral & Y. Raibaud (Eds)": the editors of a container
            let third = s.trim_start()[2..].chars().next();
            if third.is_none_or(|c| !c.is_alphanumeric()) {
                self.container_in = true;
            }
        }
        let role = match (label, parsed.role) {
            (Label::Translator, _) | (_, Some(NameRole::Translator)) => "translator",
            (Label::Editor, _) | (Label::Author, Some(NameRole::Editor)) => "editor",
            _ => "author",
        };
        let list = match role {
            "translator" => &mut self.item.translator,
            "editor" => &mut self.item.editor,
            _ => &mut self.item.author,
        };
        let base = list.len();
        for (i, h) in parsed.honorifics {
            self.honorifics
                .push(json!({"role": role, "index": base + i, "value": h}));
        }
        list.extend(parsed.names);
        if parsed.et_al && !self.et_al.contains(&role) {
            self.et_al.push(role);
        }
    }

    fn title(&mut self, s: &str, gap: &str) {
        let Some(t) = clean_title(s) else { return };
        if self.item.title.is_none() {
            let bare = crate::text::trim_field(s);
            self.title_guillemets =
                bare.starts_with('«') && bare.ends_with('»') && bare.matches('«').count() == 1;
            if self.item.container_title.is_none() {
                if let Some((head, container)) = split_guillemet_container(&t) {
                    let head = clean_title(head);
                    let container = clean_title(container);
                    if head.is_some() && container.is_some() {
                        self.item.title = head;
                        self.item.container_title = container;
                        return;
                    }
                }
            }
            if let Some((work, volume, title)) = crate::volume_title::split_title(&t) {
                self.item.title = clean_title(work);
                self.volume_title(title);
                if self.item.volume.is_none() {
                    self.item.volume = parse_volume(volume).volume;
                }
                return;
            }
            self.item.title = Some(t);
        } else if self.item.container_title.is_none() {
            // LinkedBooks labels a journal or book title after "in" as title.
            let (c, had_in) = clean_container(s);
            self.container_in |= had_in || ends_with_in(gap);
            self.item.container_title = c;
        } else {
            append(&mut self.item.title, t, ". ");
        }
    }

    /// The title of the volume cited, and the part of it cited when the
    /// title ends with one ([`crate::volume_title`]).
    fn volume_title(&mut self, s: &str) {
        if self.custom.contains_key("volume-title") {
            return;
        }
        let (title, part) = crate::volume_title::split_part(s);
        if let Some(t) = clean_title(title) {
            self.custom.insert("volume-title".into(), Value::String(t));
            if let Some(p) = part {
                self.custom
                    .insert("part-number".into(), Value::String(p.to_string()));
            }
        }
    }

    fn pages(&mut self, s: &str) {
        let Some(p) = normalise_pages(s) else { return };
        if self.item.page_first.is_none() {
            self.item.page_first = p.first;
        }
        if let Some(l) = p.label {
            self.custom
                .entry("page-label")
                .or_insert_with(|| Value::String(l.to_string()));
        }
        append(&mut self.item.page, p.page, ", ");
    }

    /// Records `s` as the access date when it reads as an access word and
    /// a date with a day or month ("accessed 3 March 2023"); false if not.
    fn accessed(&mut self, s: &str) -> bool {
        // the access word opens the note ("Available at: http://…/8292/.
        // Accessed …" is no date of access alone)
        let head: String = s.split_whitespace().take(2).collect::<Vec<_>>().join(" ");
        if !is_access_date(&head) {
            return false;
        }
        let Some(d) = parse_date_detailed(s) else {
            return false;
        };
        match d.date.date_parts.as_slice() {
            [p] if p.len() >= 2 && (1900..=2100).contains(&p[0]) => {}
            _ => return false,
        }
        self.custom
            .entry("accessed")
            .or_insert_with(|| date_value(&d.date));
        true
    }

    /// A date; an access date when its span or the words just before it
    /// say so (". Accessed 3 March 2023").
    fn date(&mut self, s: &str, gap: &str) {
        let Some(d) = parse_date_detailed(s) else {
            return;
        };
        let mut from = gap.len().saturating_sub(16);
        while !gap.is_char_boundary(from) {
            from += 1;
        }
        if let Some(at) = access_word_at(s) {
            // a URL read into the span before the access word: the URL, and
            // the date from the access word on
            let d = match url_before(&s[..at]) {
                Some(u) => {
                    if self.item.url.is_none() {
                        self.item.url = clean_url(u);
                    }
                    parse_date_detailed(&s[at..]).unwrap_or(d)
                }
                None => d,
            };
            self.custom
                .entry("accessed")
                .or_insert_with(|| date_value(&d.date));
            return;
        }
        if is_access_date(&gap[from..]) {
            self.custom
                .entry("accessed")
                .or_insert_with(|| date_value(&d.date));
            return;
        }
        let has_parts = !d.date.date_parts.is_empty();
        match &self.item.issued {
            None => {
                self.item.issued = Some(d.date.clone());
                self.issued_detail = Some(d);
            }
            Some(prev) if prev.date_parts.is_empty() && has_parts => {
                if let Some(raw) = prev.raw.clone() {
                    self.other_dates.push(Value::String(raw));
                }
                self.item.issued = Some(d.date.clone());
                self.issued_detail = Some(d);
            }
            Some(_) => {
                if let Some(raw) = d.date.raw {
                    self.other_dates.push(Value::String(raw));
                }
            }
        }
    }

    fn finish(mut self, text: &str) -> Item {
        if self.item.issued.is_none() {
            if let Some(y) = self.volume_year.take() {
                if let Some(d) = parse_date(&y).filter(|d| !d.date_parts.is_empty()) {
                    self.item.issued = Some(d);
                }
            }
        }
        if self.item.page.is_none() {
            if let Some(p) = self.volume_pages.take().and_then(|p| normalise_pages(&p)) {
                self.item.page = Some(p.page);
                self.item.page_first = p.first;
            }
        }
        if let Some(d) = self.issued_detail.take() {
            if let Some(sfx) = d.year_suffix {
                self.custom.insert("year-suffix".into(), Value::String(sfx));
            }
            if let Some(season) = d.season {
                self.custom.insert("season".into(), Value::from(season));
            }
            if let Some(o) = d.original {
                self.custom.insert("original-date".into(), date_value(&o));
            }
        }
        if !self.honorifics.is_empty() {
            self.custom
                .insert("honorifics".into(), Value::Array(self.honorifics));
        }
        if !self.et_al.is_empty() {
            let roles = self
                .et_al
                .iter()
                .map(|r| Value::String((*r).to_string()))
                .collect();
            self.custom.insert("et-al".into(), Value::Array(roles));
        }
        if !self.other_dates.is_empty() {
            self.custom
                .insert("other-dates".into(), Value::Array(self.other_dates));
        }
        if !self.unparsed.is_empty() {
            self.custom
                .insert("unparsed".into(), Value::Object(self.unparsed));
        }
        // the repairs may add to custom (a pinpoint), so it is in place first
        self.item.custom = std::mem::take(&mut self.custom);
        crate::repair::repair(&mut self.item, &self.author_texts);
        let it = &mut self.item;
        let has_volume = it.volume.is_some() || it.issue.is_some();
        if self.title_guillemets && it.container_title.is_none() && has_volume {
            // «Faenza», LI, 1965: a journal cited by volume
            it.container_title = it.title.take();
        }
        let book_like = it.publisher.is_some()
            || it.publisher_place.is_some()
            || it.edition.is_some()
            || it.isbn.is_some()
            || !it.editor.is_empty();
        let volume_titled = it.custom.contains_key("volume-title");
        let untitled_book = it.title.is_none() && it.container_title.is_some();
        if untitled_book && ((!has_volume && book_like) || volume_titled) {
            // a book title that the labeller marked as container ("The
            // Neville Chamberlain Diary Letters, vol. 4: The Downing Street
            // Years": the work, its volume and the volume's title)
            it.title = it.container_title.take();
        }
        let container_in = self.container_in
            || self
                .item
                .container_title
                .as_deref()
                .is_some_and(|c| preceded_by_in(text, c));
        self.item.item_type = infer_with(&self.item, text, container_in);
        let it = &mut self.item;
        if it.item_type == ItemType::Thesis {
            crate::thesis::thesis_imprint_in_note(it);
        }
        // "Cabinet Conclusions, 14 March 1938, CAB 23/92": an archived
        // document's description read as a container (with no "in" before
        // it, and a day's date) is its title
        let day = it
            .issued
            .as_ref()
            .and_then(|d| d.date_parts.first())
            .is_some_and(|p| p.len() == 3);
        if it.item_type == ItemType::Manuscript
            && it.title.is_none()
            && !container_in
            && day
            && it.archive_location.is_some()
        {
            it.title = it.container_title.take();
        }
        // an archive's town ("Archives nationales, Paris"): where the
        // archive is, not where a publisher is (unless the archive has
        // its town already: "British Library, London")
        let archive_with_town = it.archive.as_deref().is_some_and(|a| a.contains(", "));
        if it.item_type == ItemType::Manuscript
            && it.archive.is_some()
            && !archive_with_town
            && it.publisher.is_none()
            && it.archive_place.is_none()
        {
            it.archive_place = it.publisher_place.take();
        }
        self.item
    }
}

#[cfg(test)]
pub(crate) mod tests;
#[cfg(test)]
mod tests_archives;
