//! Labelled spans of one citation into a CSL-JSON item.

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
use ibid_model::{Date, Item, Label};
use serde_json::{json, Map, Value};
use std::ops::Range;

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
        let s = safe_slice(text, range.clone());
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
        b.add(*label, s, gap);
        if *label != Label::Other {
            prev_end = range.end.min(text.len());
        }
    }
    b.finish(text)
}

/// "Walter Liedtke, ed., Vermeer and the Delft School": names, the role,
/// then a title of two words or more.
fn split_editor_and_title(s: &str) -> Option<(&str, &str)> {
    // only a role set off on both sides: "Title, ed. M. Barasch" names the
    // editor after the role
    for role in [
        ", ed., ",
        ", eds., ",
        " (ed.), ",
        " (eds.), ",
        " (ed), ",
        " (eds), ",
    ] {
        if let Some(at) = find_ci(s, role) {
            let (names, title) = (&s[..at], &s[at + role.len()..]);
            let by = title.split_whitespace().next().is_some_and(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "by" | "von" | "par" | "di" | "da" | "dal" | "dalla" | "and" | "&"
                )
            });
            let digit = title.starts_with(|c: char| c.is_ascii_digit());
            if !names.is_empty() && !by && !digit && title.split_whitespace().count() >= 2 {
                return Some((names, title));
            }
        }
    }
    None
}

/// ", eds.", " (eds)", ", Hrsg.": a plural editors' role right after a name.
fn starts_with_plural_role(after: &str) -> bool {
    let t = after.trim_start_matches([',', ' ', '(']);
    ["eds.", "eds ", "eds)", "eds,", "(eds", "hrsg", "hgg"]
        .iter()
        .any(|r| t.len() >= r.len() && t[..r.len()].eq_ignore_ascii_case(r))
}

/// "Title, ed. by A and B" read as one editor span: the title and the
/// names, split at the role phrase.
fn split_book_and_editors(s: &str) -> Option<(&str, &str)> {
    for phrase in [
        ", ed. by ",
        ", eds. by ",
        ", edited by ",
        ", hg. von ",
        ", hrsg. von ",
        ", a cura di ",
        ", éd. par ",
        ", sous la direction de ",
    ] {
        if let Some(at) = find_ci(s, phrase) {
            let (book, names) = (&s[..at], &s[at + phrase.len()..]);
            let words = book.split_whitespace().count();
            if words >= 2 && names.split_whitespace().count() >= 2 {
                return Some((book, names));
            }
        }
    }
    None
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
    .any(|w| find_ci(s, w).is_some())
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
            Label::Pages => self.pages(s),
            Label::Date => self.date(s),
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
                    append(&mut self.item.archive, a, ", ");
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

    fn date(&mut self, s: &str) {
        let Some(d) = parse_date_detailed(s) else {
            return;
        };
        if is_access_date(s) {
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
        if it.title.is_none() && it.container_title.is_some() && !has_volume && book_like {
            // a book title that the labeller marked as container
            it.title = it.container_title.take();
        }
        let container_in = self.container_in
            || self
                .item
                .container_title
                .as_deref()
                .is_some_and(|c| preceded_by_in(text, c));
        self.item.item_type = infer_with(&self.item, text, container_in);
        self.item
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ibid_model::ItemType;

    /// Builds fields from (label, substring) pairs found left to right.
    fn fields(text: &str, parts: &[(Label, &str)]) -> Vec<(Label, Range<usize>)> {
        let mut from = 0;
        parts
            .iter()
            .map(|(l, p)| {
                let at = from + text[from..].find(p).expect("part in text");
                from = at + p.len();
                (*l, at..at + p.len())
            })
            .collect()
    }

    fn item(text: &str, parts: &[(Label, &str)]) -> Item {
        to_item(text, &fields(text, parts))
    }

    #[test]
    fn editors_before_a_title() {
        let text = "Walter Liedtke, ed., Vermeer and the Delft School (New Haven, 2001), 244.";
        let it = to_item(text, &[(Label::Author, 0..49), (Label::Date, 63..67)]);
        assert!(it.author.is_empty());
        assert_eq!(it.editor.len(), 1);
        assert_eq!(it.editor[0].family.as_deref(), Some("Liedtke"));
        assert_eq!(it.title.as_deref(), Some("Vermeer and the Delft School"));
        let text = "Robyn Adams and Rosanna Cox, eds., Diplomacy and Early Modern Culture (2011)";
        let it = to_item(
            text,
            &[
                (Label::Author, 0..11),
                (Label::Editor, 16..27),
                (Label::Title, 35..69),
            ],
        );
        assert!(it.author.is_empty());
        let families: Vec<_> = it
            .editor
            .iter()
            .filter_map(|n| n.family.as_deref())
            .collect();
        assert_eq!(families, ["Adams", "Cox"]);
        // an author and a singular editor stay as they are
        let text = "Robyn Adams and Rosanna Cox, ed., Diplomacy (2011)";
        let it = to_item(
            text,
            &[
                (Label::Author, 0..11),
                (Label::Editor, 16..27),
                (Label::Title, 34..43),
            ],
        );
        assert_eq!(it.author.len(), 1);
    }

    #[test]
    fn a_book_and_its_editors_read_as_one_editor() {
        let text = "Caroline Ashby, 'Light', in: Dutch Painting Reconsidered, ed. by Mark Holloway and Sarah Pell (London, 2009)";
        let span = |w: &str| {
            let at = text.find(w).unwrap();
            at..at + w.len()
        };
        let it = to_item(
            text,
            &[
                (Label::Author, span("Caroline Ashby")),
                (Label::Title, span("Light")),
                (
                    Label::Editor,
                    span("Dutch Painting Reconsidered, ed. by Mark Holloway and Sarah Pell"),
                ),
                (Label::Location, span("London")),
                (Label::Date, span("2009")),
            ],
        );
        assert_eq!(
            it.container_title.as_deref(),
            Some("Dutch Painting Reconsidered")
        );
        let families: Vec<_> = it
            .editor
            .iter()
            .filter_map(|n| n.family.as_deref())
            .collect();
        assert_eq!(families, ["Holloway", "Pell"]);
        assert_eq!(it.item_type, ibid_model::ItemType::Chapter);
        // editors alone stay editors
        assert_eq!(split_book_and_editors("Mark Holloway and Sarah Pell"), None);
    }

    #[test]
    fn a_statute_section_is_the_pinpoint() {
        let text = "Sale of Goods Act 1979, s 14(2).";
        let it = to_item(
            text,
            &[
                (Label::Title, 0..17),
                (Label::Date, 18..22),
                (Label::Pages, 24..28),
                (Label::Issue, 29..30),
            ],
        );
        assert_eq!((it.page, it.issue), (None, None));
        assert_eq!(it.custom["locator"], "s 14(2)");
        assert_eq!(it.custom["page-label"], "section");
        // a German page ("S. 14") stays a page
        let text = "Müller, Geschichte, Berlin 1990, S. 14.";
        let at = text.find("S. 14").unwrap();
        let it = to_item(text, &[(Label::Pages, at..at + 5)]);
        assert_eq!(it.page.as_deref(), Some("14"));
    }

    #[test]
    fn book() {
        let t = "Taylor, A. J. P., The Origins of the Second World War (London: Hamish Hamilton, 1961), pp. 12-15.";
        let i = item(
            t,
            &[
                (Label::Author, "Taylor, A. J. P.,"),
                (Label::Title, "The Origins of the Second World War"),
                (Label::Location, "(London:"),
                (Label::Publisher, "Hamish Hamilton,"),
                (Label::Date, "1961),"),
                (Label::Pages, "pp. 12-15."),
            ],
        );
        assert_eq!(i.item_type, ItemType::Book);
        assert_eq!(i.author[0].family.as_deref(), Some("Taylor"));
        assert_eq!(i.author[0].given.as_deref(), Some("A. J. P."));
        assert_eq!(i.publisher_place.as_deref(), Some("London"));
        assert_eq!(i.publisher.as_deref(), Some("Hamish Hamilton"));
        assert_eq!(i.issued.as_ref().unwrap().date_parts, vec![vec![1961]]);
        assert_eq!(i.issued.as_ref().unwrap().raw.as_deref(), Some("1961),"));
        assert_eq!(i.page.as_deref(), Some("12-15"));
        assert_eq!(i.page_first.as_deref(), Some("12"));
    }

    #[test]
    fn chapter_with_editors() {
        let t = "Berg-Schlosser, Dirk, and Benoît Rihoux. 2009. “Qualitative Comparative Analysis.” Pp. 1-18 in Configurational Comparative Methods, edited by B. Rihoux and C. Ragin. Thousand Oaks, CA: Sage.";
        let i = item(
            t,
            &[
                (Label::Author, "Berg-Schlosser, Dirk, and Benoît Rihoux."),
                (Label::Date, "2009."),
                (Label::Title, "“Qualitative Comparative Analysis.”"),
                (Label::Pages, "Pp. 1-18"),
                (
                    Label::ContainerTitle,
                    "in Configurational Comparative Methods,",
                ),
                (Label::Editor, "edited by B. Rihoux and C. Ragin."),
                (Label::Location, "Thousand Oaks, CA:"),
                (Label::Publisher, "Sage."),
            ],
        );
        assert_eq!(i.item_type, ItemType::Chapter);
        assert_eq!(i.author.len(), 2);
        assert_eq!(i.editor.len(), 2);
        assert_eq!(i.editor[1].family.as_deref(), Some("Ragin"));
        assert_eq!(i.title.as_deref(), Some("Qualitative Comparative Analysis"));
        assert_eq!(
            i.container_title.as_deref(),
            Some("Configurational Comparative Methods")
        );
        assert_eq!(i.page.as_deref(), Some("1-18"));
        assert_eq!(i.publisher.as_deref(), Some("Sage"));
    }

    #[test]
    fn journal_article() {
        let t = "Petrie KJ, Cameron LD, Ellis CJ. Changing illness perception. Psychosom Med. 2002;64(4): 580–6. doi:10.1097/00006842-200207000-00007.";
        let i = item(
            t,
            &[
                (Label::Author, "Petrie KJ, Cameron LD, Ellis CJ."),
                (Label::Title, "Changing illness perception."),
                (Label::ContainerTitle, "Psychosom Med."),
                (Label::Date, "2002;"),
                (Label::Volume, "64(4):"),
                (Label::Pages, "580–6."),
                (Label::Doi, "doi:10.1097/00006842-200207000-00007."),
            ],
        );
        assert_eq!(i.item_type, ItemType::ArticleJournal);
        assert_eq!(i.author.len(), 3);
        assert_eq!(i.author[2].given.as_deref(), Some("CJ"));
        assert_eq!(i.volume.as_deref(), Some("64"));
        assert_eq!(i.issue.as_deref(), Some("4"));
        assert_eq!(i.page.as_deref(), Some("580-6"));
        assert_eq!(i.doi.as_deref(), Some("10.1097/00006842-200207000-00007"));
    }

    #[test]
    fn linkedbooks_style() {
        let t = "M. Frascari, A Measure of Architecture, in «Res», ix (1985), pp. 79-90;";
        let i = item(
            t,
            &[
                (Label::Author, "M. Frascari,"),
                (Label::Title, "A Measure of Architecture,"),
                (Label::Other, "in"),
                (Label::Title, "«Res»,"),
                (Label::Volume, "ix (1985),"),
                (Label::Pages, "pp. 79-90;"),
            ],
        );
        assert_eq!(i.title.as_deref(), Some("A Measure of Architecture"));
        assert_eq!(i.container_title.as_deref(), Some("Res"));
        assert_eq!(i.volume.as_deref(), Some("ix"));
        assert_eq!(i.issued.as_ref().and_then(Date::first_year), Some(1985));
        assert_eq!(i.item_type, ItemType::ArticleJournal);
        let t2 = "Ankori, Zvi, The Living and the Dead, «Proceedings of the Academy», 38-39 (1970-71), pp. 1-100.";
        let i = item(
            t2,
            &[
                (Label::Author, "Ankori, Zvi,"),
                (
                    Label::Title,
                    "The Living and the Dead, «Proceedings of the Academy»,",
                ),
                (Label::Volume, "38-39 (1970-71),"),
                (Label::Pages, "pp. 1-100."),
            ],
        );
        assert_eq!(i.title.as_deref(), Some("The Living and the Dead"));
        assert_eq!(
            i.container_title.as_deref(),
            Some("Proceedings of the Academy")
        );
        assert_eq!(
            i.issued.as_ref().unwrap().date_parts,
            vec![vec![1970], vec![1971]]
        );
    }

    #[test]
    fn journal_in_guillemets_and_book_as_container() {
        let t = "«Faenza», LI, 1965, p. 60.";
        let i = item(
            t,
            &[
                (Label::Title, "«Faenza»,"),
                (Label::Volume, "LI, 1965,"),
                (Label::Pages, "p. 60."),
            ],
        );
        assert_eq!(i.container_title.as_deref(), Some("Faenza"));
        assert!(i.title.is_none());
        assert_eq!(i.volume.as_deref(), Some("LI"));
        assert_eq!(i.issued.as_ref().and_then(Date::first_year), Some(1965));
        assert_eq!(i.item_type, ItemType::ArticleJournal);
        let t = "Kinsey, A., Sexual Behaviour in the Human Female, Philadelphia, Saunders, 1953.";
        let i = item(
            t,
            &[
                (Label::Author, "Kinsey, A.,"),
                (
                    Label::ContainerTitle,
                    "Sexual Behaviour in the Human Female,",
                ),
                (Label::Location, "Philadelphia,"),
                (Label::Publisher, "Saunders,"),
                (Label::Date, "1953."),
            ],
        );
        assert_eq!(
            i.title.as_deref(),
            Some("Sexual Behaviour in the Human Female")
        );
        assert!(i.container_title.is_none());
        assert_eq!(i.item_type, ItemType::Book);
        let t = "Phys. Rev. Lett. 26, 93 (2016)";
        let i = item(
            t,
            &[
                (Label::ContainerTitle, "Phys. Rev. Lett."),
                (Label::Volume, "26"),
                (Label::Pages, "93"),
                (Label::Date, "(2016)"),
            ],
        );
        assert_eq!(i.item_type, ItemType::ArticleJournal);
        assert_eq!(i.container_title.as_deref(), Some("Phys. Rev. Lett."));
    }

    #[test]
    fn archival() {
        let t = "A. S. V., Inquisitori di Stato, b. 469, 5 aprile 1789, lettera.";
        let i = item(
            t,
            &[
                (Label::Archive, "A. S. V.,"),
                (Label::ArchiveLocation, "Inquisitori di Stato,"),
                (Label::ArchiveLocation, "b. 469,"),
                (Label::Date, "5 aprile 1789,"),
            ],
        );
        assert_eq!(i.item_type, ItemType::Manuscript);
        assert_eq!(i.archive.as_deref(), Some("A. S. V."));
        assert_eq!(
            i.archive_location.as_deref(),
            Some("Inquisitori di Stato, b. 469")
        );
        assert_eq!(
            i.issued.as_ref().unwrap().date_parts,
            vec![vec![1789, 4, 5]]
        );
        let t = "ASV, San Marco, reg. 57, c. 3";
        let i = item(
            t,
            &[
                (Label::Archive, "ASV,"),
                (Label::ArchiveLocation, "San Marco, reg."),
                (Label::ArchiveLocation, "57,"),
                (Label::ArchiveLocation, "c. 3"),
            ],
        );
        assert_eq!(
            i.archive_location.as_deref(),
            Some("San Marco, reg. 57, c. 3")
        );
    }

    #[test]
    fn newspaper_and_custom() {
        let t = "Anon., “The Crisis,” The Times, 7 March 1936, p. 12.";
        let i = item(
            t,
            &[
                (Label::Author, "Anon.,"),
                (Label::Title, "“The Crisis,”"),
                (Label::ContainerTitle, "The Times,"),
                (Label::Date, "7 March 1936,"),
                (Label::Pages, "p. 12."),
            ],
        );
        assert_eq!(i.item_type, ItemType::ArticleNewspaper);
        assert_eq!(i.author[0].literal.as_deref(), Some("Anon."));
        let t = "Sir Lewis Namier et al., Diplomatic Prelude, 1948a, fol. 12v.";
        let i = item(
            t,
            &[
                (Label::Author, "Sir Lewis Namier et al.,"),
                (Label::Title, "Diplomatic Prelude,"),
                (Label::Date, "1948a,"),
                (Label::Pages, "fol. 12v."),
            ],
        );
        let v = serde_json::to_value(&i).unwrap();
        assert_eq!(v["custom"]["honorifics"][0]["value"], "Sir");
        assert_eq!(v["custom"]["et-al"][0], "author");
        assert_eq!(v["custom"]["year-suffix"], "a");
        assert_eq!(v["custom"]["page-label"], "folio");
        assert_eq!(v["page"], "12v");
    }

    #[test]
    fn editor_marker_in_author_span() {
        let t = "Scherpe, Klaus R. (Hrsg.), Die Unwirtlichkeit der Städte, Reinbek 1988.";
        let i = item(
            t,
            &[
                (Label::Author, "Scherpe, Klaus R. (Hrsg.),"),
                (Label::Title, "Die Unwirtlichkeit der Städte,"),
                (Label::Location, "Reinbek"),
                (Label::Date, "1988."),
            ],
        );
        assert!(i.author.is_empty());
        assert_eq!(i.editor[0].family.as_deref(), Some("Scherpe"));
        assert_eq!(i.item_type, ItemType::Book);
    }

    #[test]
    fn identifiers_and_web() {
        let t = "World Health Organization, Report on X. http://www.who.int/x.pdf (accessed 3 May 2020).";
        let i = item(
            t,
            &[
                (Label::Author, "World Health Organization,"),
                (Label::Title, "Report on X."),
                (Label::Url, "http://www.who.int/x.pdf"),
                (Label::Date, "(accessed 3 May 2020)."),
            ],
        );
        assert_eq!(
            i.author[0].literal.as_deref(),
            Some("World Health Organization")
        );
        assert_eq!(i.url.as_deref(), Some("http://www.who.int/x.pdf"));
        assert!(i.issued.is_none());
        assert_eq!(i.custom["accessed"]["date-parts"][0][0], 2020);
        assert_eq!(i.item_type, ItemType::Report);
        let t = "Some page. https://doi.org/10.1000/abc";
        let i = item(
            t,
            &[
                (Label::Title, "Some page."),
                (Label::Url, "https://doi.org/10.1000/abc"),
            ],
        );
        assert_eq!(i.doi.as_deref(), Some("10.1000/abc"));
        assert_eq!(i.item_type, ItemType::Webpage);
        let t = "DOI: poor";
        let i = item(t, &[(Label::Doi, "DOI: poor")]);
        assert!(i.doi.is_none());
        assert_eq!(i.custom["unparsed"]["doi"][0], "DOI: poor");
    }

    #[test]
    fn legal_case() {
        let t = "Donoghue v Stevenson [1932] AC 562";
        let i = item(
            t,
            &[
                (Label::Title, "Donoghue v Stevenson"),
                (Label::Date, "[1932]"),
                (Label::ContainerTitle, "AC"),
                (Label::Pages, "562"),
            ],
        );
        assert_eq!(i.item_type, ItemType::LegalCase);
    }

    #[test]
    fn never_panics() {
        assert_eq!(to_item("", &[]).item_type, ItemType::Document);
        let t = "Grün, Ä.";
        // ranges inside a character, reversed, out of bounds
        let i = to_item(
            t,
            &[
                (Label::Author, 1..3),
                (Label::Title, Range { start: 5, end: 2 }),
                (Label::Date, 3..999),
            ],
        );
        let _ = serde_json::to_string(&i).unwrap();
        let huge = "x".repeat(100_000);
        for l in ibid_model::Label::ALL {
            let _ = to_item(&huge, &[(l, 0..huge.len())]);
        }
        let weird = "\u{0}\u{202E}שלום 毛泽东 ٢٠٢٠ \u{FEFF}".repeat(3_000);
        for l in ibid_model::Label::ALL {
            let _ = to_item(&weird, &[(l, 0..weird.len())]);
        }
    }
}
