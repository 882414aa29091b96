//! Chicago notes-bibliography (or another style hayagriva ships), rendered by
//! hayagriva from the CSL data. "Ibid." is decided here, not by hayagriva.

use crate::common::{locator_pages, squash};
use crate::xml::html_escape;
use crate::EmitError;
use hayagriva::archive::{ArchivedStyle, LOCALES};
use hayagriva::citationberg::json::Item as JsonItem;
use hayagriva::citationberg::taxonomy::Locator;
use hayagriva::citationberg::{
    Display, FontStyle, FontVariant, FontWeight, IndependentStyle, Locale, LocaleCode, Style,
    TextDecoration, VerticalAlign,
};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, BufWriteFormat, CitationItem, CitationRequest,
    ElemChild, ElemChildren, Formatting, LocatorPayload, Rendered, SpecificLocator,
};
use ibid_model::{CitationKind, Document, Item, ItemType, Name};
use serde_json::Value;
use std::collections::HashMap;
use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::OnceLock;

/// The style used when none is asked for: Chicago notes-bibliography (CMOS 18).
pub const DEFAULT_STYLE: &str = "chicago-notes";

/// Every style name hayagriva's archive knows.
pub fn style_names() -> Vec<&'static str> {
    ArchivedStyle::all()
        .iter()
        .flat_map(|s| s.names().iter().copied())
        .collect()
}

/// Load an archived style by name (default [`DEFAULT_STYLE`]).
pub(crate) fn load_style(name: Option<&str>) -> Result<IndependentStyle, EmitError> {
    let name = name.unwrap_or(DEFAULT_STYLE);
    let unknown = || EmitError::UnknownStyle {
        name: name.to_string(),
        available: style_names().join(", "),
    };
    let archived = ArchivedStyle::by_name(name).ok_or_else(unknown)?;
    match archived.get() {
        Style::Independent(s) => Ok(s),
        Style::Dependent(d) => match ArchivedStyle::by_id(&d.parent_link.href).map(|a| a.get()) {
            Some(Style::Independent(s)) => Ok(s),
            _ => Err(unknown()),
        },
    }
}

/// The en-US locale, decoded once.
fn locales() -> &'static [Locale] {
    static EN_US: OnceLock<Vec<Locale>> = OnceLock::new();
    EN_US.get_or_init(|| {
        let is_en_us = |l: &Locale| l.lang.as_ref().is_some_and(|c| c.0 == "en-US");
        let decode = |b: &[u8]| ciborium::de::from_reader::<Locale, _>(b).ok();
        // en-US is the 15th file of hayagriva 0.10's archive; check, and
        // search the others only if that ever changes.
        if let Some(l) = LOCALES.get(14).and_then(|b| decode(b)).filter(is_en_us) {
            return vec![l];
        }
        LOCALES
            .iter()
            .filter_map(|b| decode(b))
            .find(is_en_us)
            .into_iter()
            .collect()
    })
}

fn year_in(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let w = b.get(i..i + 4)?;
        let before = i.checked_sub(1).and_then(|j| b.get(j));
        let after = b.get(i + 4);
        (w.iter().all(u8::is_ascii_digit)
            && !before.is_some_and(u8::is_ascii_digit)
            && !after.is_some_and(u8::is_ascii_digit))
        .then(|| std::str::from_utf8(w).ok()?.parse().ok())
        .flatten()
    })
}

fn name_value(n: &Name) -> Option<Value> {
    let mut m = serde_json::Map::new();
    match (&n.family, &n.literal, &n.given) {
        (Some(_), _, _) => {
            let v = serde_json::to_value(n).ok()?;
            if let Value::Object(o) = v {
                m = o;
                m.remove("literal");
            }
        }
        (None, Some(l), _) | (None, None, Some(l)) => {
            m.insert("literal".into(), Value::String(squash(l)));
        }
        (None, None, None) => return None,
    }
    Some(Value::Object(m))
}

/// An ibid item as the JSON item hayagriva reads: no ranges (the first date
/// only), a year found in a literal date, `archive_place` spelled as
/// hayagriva reads it, names without family as literals, no `custom`.
pub(crate) fn to_json_item(item: &Item, id: &str) -> Option<JsonItem> {
    let mut v = serde_json::to_value(item).ok()?;
    let m = v.as_object_mut()?;
    m.remove("custom");
    m.remove("issued");
    // The CSL spelling of the type (hayagriva drops fields of unknown types).
    m.insert("type".into(), Value::String(item.item_type.as_str().into()));
    // Titles keep the capitalisation the source gave them: without a language
    // hayagriva would apply English title case, which mangles words such as
    // "Donoghue v Stevenson" ("V") or "Reform_Drafts" ("Reform_drafts").
    if item.language.is_none() {
        m.insert("language".into(), Value::String("und".into()));
    }
    m.insert("id".into(), Value::String(id.into()));
    // The Chicago style prints a case's report as volume, reporter and
    // page, and no `number`: a neutral citation's number ("[2016] UKSC 8")
    // stands where the page would, so that it is not printed as "___".
    if item.item_type == ItemType::LegalCase && item.page.is_none() {
        if let Some(n) = &item.number {
            m.remove("number");
            m.insert("page".into(), Value::String(n.clone()));
        }
    }
    if let Some(ap) = m.remove("archive-place") {
        m.insert("archive_place".into(), ap);
    }
    for role in ["author", "editor", "translator", "recipient"] {
        let list: &[Name] = match role {
            "author" => &item.author,
            "editor" => &item.editor,
            "translator" => &item.translator,
            _ => &item.recipient,
        };
        if list.is_empty() {
            continue;
        }
        let names: Vec<Value> = list.iter().filter_map(name_value).collect();
        m.insert(role.into(), Value::Array(names));
    }
    if let Some(d) = item.issued.as_ref() {
        let parts = crate::common::first_date(d)
            .filter(|p| (-9999..=9999).contains(&p.0))
            .map(|(y, mo, day)| {
                let mut v = vec![i64::from(y)];
                v.extend(mo.map(i64::from));
                v.extend(day.map(i64::from));
                v
            })
            .or_else(|| {
                let t = d.literal.as_deref().or(d.raw.as_deref())?;
                year_in(t).map(|y| vec![y])
            });
        if let Some(p) = parts {
            let mut date = serde_json::json!({ "date-parts": [p] });
            if d.circa == Some(true) {
                date["circa"] = Value::Bool(true);
            }
            m.insert("issued".into(), date);
        }
    }
    strip_controls(&mut v);
    serde_json::from_value(v).ok()
}

/// Remove control characters from every string of a JSON value.
fn strip_controls(v: &mut Value) {
    match v {
        Value::String(s) if s.chars().any(char::is_control) => {
            *s = s.chars().filter(|c| !c.is_control()).collect();
        }
        Value::Array(a) => a.iter_mut().for_each(strip_controls),
        Value::Object(o) => o.values_mut().for_each(strip_controls),
        _ => {}
    }
}

/// One text run as HTML: its formatting as nested tags around the escaped text.
fn html_text(text: &str, f: &Formatting, out: &mut String) {
    // (applies, open tag, close tag), outermost first.
    let tags = [
        (f.font_style == FontStyle::Italic, "<i>", "</i>"),
        (f.font_weight == FontWeight::Bold, "<b>", "</b>"),
        (
            f.font_variant == FontVariant::SmallCaps,
            "<span style=\"font-variant: small-caps\">",
            "</span>",
        ),
        (
            f.text_decoration == TextDecoration::Underline,
            "<u>",
            "</u>",
        ),
        (f.vertical_align == VerticalAlign::Sup, "<sup>", "</sup>"),
        (f.vertical_align == VerticalAlign::Sub, "<sub>", "</sub>"),
    ];
    for (_, open, _) in tags.iter().filter(|t| t.0) {
        out.push_str(open);
    }
    out.push_str(&html_escape(text));
    for (_, _, close) in tags.iter().rev().filter(|t| t.0) {
        out.push_str(close);
    }
}

/// Render hayagriva's elements as HTML, escaping every text.
fn html_children(children: &ElemChildren, out: &mut String) {
    for child in &children.0 {
        match child {
            ElemChild::Text(t) => html_text(&t.text, &t.formatting, out),
            ElemChild::Markup(m) => out.push_str(&html_escape(m)),
            ElemChild::Link { text, url } => {
                out.push_str("<a href=\"");
                out.push_str(&html_escape(url));
                out.push_str("\">");
                html_text(&text.text, &text.formatting, out);
                out.push_str("</a>");
            }
            ElemChild::Elem(e) => {
                let block = matches!(
                    e.display,
                    Some(
                        Display::Block
                            | Display::Indent
                            | Display::LeftMargin
                            | Display::RightInline
                    )
                );
                if block {
                    out.push_str("<span class=\"csl-block\">");
                }
                html_children(&e.children, out);
                if block {
                    out.push_str("</span>");
                }
            }
            ElemChild::Transparent { .. } => {}
        }
    }
}

/// Plain or HTML rendering of some elements.
fn render(children: &ElemChildren, html: bool) -> String {
    if html {
        let mut s = String::new();
        html_children(children, &mut s);
        s
    } else {
        let mut s = String::new();
        // Writing to a String cannot fail.
        let _ = children.write_buf(&mut s, BufWriteFormat::Plain);
        squash(&s)
    }
}

/// Run hayagriva, turning a panic into an error.
fn finish<'a>(
    driver: BibliographyDriver<'a, JsonItem>,
    style: &'a IndependentStyle,
) -> Result<Rendered, EmitError> {
    let locales = locales();
    catch_unwind(AssertUnwindSafe(move || {
        driver.finish(BibliographyRequest::new(style, None, locales))
    }))
    .map_err(|p| {
        let msg = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        EmitError::Render(format!("hayagriva failed: {msg}"))
    })
}

/// Strip "p."/"pp." from a page locator for the renderer.
fn locator_text(loc: &str) -> String {
    match locator_pages(loc) {
        Some((a, Some(b))) => format!("{a}–{b}"),
        Some((a, None)) => a,
        None => squash(loc),
    }
}

/// The `id`s of the notes of `chicago-html`: `note-7` for the first note
/// numbered 7, `note-7-2` for the second (numbers repeat, and restart in
/// each chapter), so that every id is unique and the first stays what it was.
#[derive(Default)]
struct NoteIds(HashMap<u32, u32>);

impl NoteIds {
    fn next(&mut self, number: u32) -> String {
        let seen = self.0.entry(number).or_insert(0);
        *seen += 1;
        match *seen {
            1 => format!("note-{number}"),
            k => format!("note-{number}-{k}"),
        }
    }
}

/// How one citation of a note is rendered.
enum Plan {
    /// "Ibid." with this locator.
    Ibid(Option<String>),
    /// hayagriva's rendering of request number `usize` (the citation's own
    /// text when that rendering is empty).
    Rendered(usize, String),
    /// The citation's own text (nothing to render it from).
    Verbatim(String),
}

/// The notes and bibliography of a document.
pub(crate) fn write_document(
    doc: &Document,
    style_name: Option<&str>,
    html: bool,
    out: &mut dyn Write,
) -> Result<(), EmitError> {
    let style = load_style(style_name)?;
    // Entries: the works, then citations that have no work but some data.
    let mut entries: Vec<JsonItem> = Vec::new();
    let mut work_entry: HashMap<&str, usize> = HashMap::new();
    for (i, w) in doc.works.iter().enumerate() {
        let id = crate::common::work_id(w, i);
        if let Some(j) = to_json_item(&w.item, &id) {
            if let Some(wid) = w.item.id.as_deref() {
                work_entry.insert(wid, entries.len());
            }
            entries.push(j);
        }
    }
    // Per citation: (entry index, locator) for hayagriva, plus the plan.
    let mut requests: Vec<(usize, Option<String>, Option<usize>)> = Vec::new();
    let mut plans: Vec<Vec<Plan>> = Vec::with_capacity(doc.notes.len());
    let mut own_entries: Vec<(usize, usize, usize)> = Vec::new();
    for (ni, note) in doc.notes.iter().enumerate() {
        for (ci, c) in note.citations.iter().enumerate() {
            if c.work
                .as_deref()
                .is_some_and(|w| work_entry.contains_key(w))
            {
                continue;
            }
            // an unresolved back-reference ("Ibid., p. 91" after a note citing
            // two works) has no work to render: it stays as written
            if c.item.is_empty() || c.kind != CitationKind::Full {
                continue;
            }
            if let Some(j) = to_json_item(&c.item, &format!("n{}-c{}", ni + 1, ci + 1)) {
                own_entries.push((ni, ci, entries.len()));
                entries.push(j);
            }
        }
    }
    let own: HashMap<(usize, usize), usize> =
        own_entries.iter().map(|&(n, c, e)| ((n, c), e)).collect();
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
            let entry = work
                .and_then(|w| work_entry.get(w).copied())
                .or_else(|| own.get(&(ni, ci)).copied());
            let locator = c.locator.as_deref().map(locator_text);
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
                    requests.push((e, locator, number));
                    Plan::Rendered(requests.len() - 1, squash(&c.text))
                }
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
    let locales = locales();
    let mut driver: BibliographyDriver<JsonItem> = BibliographyDriver::new();
    for (e, loc, number) in &requests {
        let locator = loc
            .as_deref()
            .map(|l| SpecificLocator(Locator::Page, LocatorPayload::Str(l)));
        driver.citation(CitationRequest::new(
            vec![CitationItem::with_locator(&entries[*e], locator)],
            &style,
            Some(LocaleCode::en_us()),
            locales,
            *number,
        ));
    }
    let rendered = finish(driver, &style)?;
    let cites: Vec<String> = rendered
        .citations
        .iter()
        .map(|c| render(&c.citation, html))
        .collect();
    // Write.
    if html {
        out.write_all(b"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>Notes and bibliography</title>\n</head>\n<body>\n")?;
    }
    let esc = |s: &str| if html { html_escape(s) } else { s.to_string() };
    if !doc.notes.is_empty() {
        if html {
            out.write_all(b"<section class=\"notes\">\n<h2>Notes</h2>\n<ol class=\"notes\">\n")?;
        } else {
            out.write_all(b"Notes\n\n")?;
        }
        let mut ids = NoteIds::default();
        for (note, note_plans) in doc.notes.iter().zip(&plans) {
            let parts: Vec<String> = note_plans
                .iter()
                .map(|p| match p {
                    Plan::Ibid(Some(l)) => format!("Ibid., {}.", esc(l)),
                    Plan::Ibid(None) => "Ibid.".to_string(),
                    Plan::Rendered(i, text) => cites
                        .get(*i)
                        .filter(|c| !c.trim().is_empty())
                        .cloned()
                        .unwrap_or_else(|| esc(text)),
                    Plan::Verbatim(t) => esc(t),
                })
                .collect();
            let body = if parts.is_empty() {
                esc(&squash(&note.text))
            } else {
                join_citations(&parts)
            };
            match (note.number, html) {
                (Some(n), true) => {
                    let id = ids.next(n);
                    writeln!(out, "<li value=\"{n}\" id=\"{id}\">{body}</li>")?
                }
                (None, true) => writeln!(out, "<li class=\"unnumbered\">{body}</li>")?,
                (Some(n), false) => writeln!(out, "{n}. {body}")?,
                (None, false) => writeln!(out, "{body}")?,
            }
        }
        if html {
            out.write_all(b"</ol>\n</section>\n")?;
        } else {
            out.write_all(b"\n")?;
        }
    }
    if let Some(bib) = rendered.bibliography.filter(|b| !b.items.is_empty()) {
        if html {
            out.write_all(b"<section class=\"bibliography\">\n<h2>Bibliography</h2>\n<div class=\"csl-bib-body\">\n")?;
        } else {
            out.write_all(b"Bibliography\n\n")?;
        }
        for item in &bib.items {
            let body = render(&item.content, html);
            if body.trim().is_empty() {
                continue;
            }
            if html {
                writeln!(
                    out,
                    "<div class=\"csl-entry\" id=\"{}\">{body}</div>",
                    html_escape(&item.key)
                )?;
            } else {
                writeln!(out, "{body}")?;
            }
        }
        if html {
            out.write_all(b"</div>\n</section>\n")?;
        }
    }
    if html {
        out.write_all(b"</body>\n</html>\n")?;
    }
    Ok(())
}

/// Join a note's citations: "A, 4; B, 7." (each citation's own final period
/// dropped except the last).
fn join_citations(parts: &[String]) -> String {
    let n = parts.len();
    let mut s = String::new();
    for (i, p) in parts.iter().enumerate() {
        let p = p.trim();
        if p.is_empty() {
            continue;
        }
        if !s.is_empty() {
            s.push_str("; ");
        }
        if i + 1 < n {
            s.push_str(p.strip_suffix('.').unwrap_or(p));
        } else {
            s.push_str(p);
        }
    }
    // a note ends with a full stop, also when its last citation is verbatim
    if !s.is_empty() && !s.ends_with(['.', '?', '!', '”', '»', '"', '’']) {
        s.push('.');
    }
    s
}

/// Renders single references (`ibid refs`) as bibliography entries.
pub(crate) struct RefRenderer {
    style: IndependentStyle,
}

impl RefRenderer {
    pub fn new(style: Option<&str>) -> Result<Self, EmitError> {
        Ok(RefRenderer {
            style: load_style(style)?,
        })
    }

    /// The bibliography entry of one item (its citation when the style has
    /// no bibliography; its compact form, or the raw text, when the style
    /// renders nothing).
    pub fn entry(&self, item: &Item, id: &str, raw: &str, html: bool) -> Result<String, EmitError> {
        if item.is_empty() {
            // Nothing recognised: the line as it came ("n.d." would be all
            // a style could say).
            let r = squash(raw);
            return Ok(if html { html_escape(&r) } else { r });
        }
        let Some(j) = to_json_item(item, id) else {
            let c = crate::common::compact(item);
            return Ok(if html { html_escape(&c) } else { c });
        };
        let mut driver: BibliographyDriver<JsonItem> = BibliographyDriver::new();
        driver.citation(CitationRequest::new(
            vec![CitationItem::with_entry(&j)],
            &self.style,
            Some(LocaleCode::en_us()),
            locales(),
            None,
        ));
        let r = finish(driver, &self.style)?;
        let rendered = r
            .bibliography
            .as_ref()
            .and_then(|b| b.items.first())
            .map(|b| render(&b.content, html))
            .filter(|s| !s.trim().is_empty())
            .or_else(|| {
                r.citations
                    .first()
                    .map(|c| render(&c.citation, html))
                    .filter(|s| !s.trim().is_empty())
            });
        Ok(rendered.unwrap_or_else(|| {
            let c = crate::common::compact(item);
            let c = if c.is_empty() { squash(raw) } else { c };
            if html {
                html_escape(&c)
            } else {
                c
            }
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_tags_nest_in_order() {
        let f = Formatting {
            font_style: FontStyle::Italic,
            font_weight: FontWeight::Bold,
            font_variant: FontVariant::SmallCaps,
            text_decoration: TextDecoration::Underline,
            vertical_align: VerticalAlign::Sup,
        };
        let mut out = String::new();
        html_text("a<b", &f, &mut out);
        assert_eq!(
            out,
            "<i><b><span style=\"font-variant: small-caps\"><u><sup>a&lt;b</sup></u></span></b></i>"
        );
        let mut out = String::new();
        html_text("x", &Formatting::default(), &mut out);
        assert_eq!(out, "x");
    }

    #[test]
    fn years_from_literals() {
        assert_eq!(year_in("Spring 1925"), Some(1925));
        assert_eq!(year_in("12345"), None);
        assert_eq!(year_in("n.d."), None);
    }

    #[test]
    fn join() {
        assert_eq!(
            join_citations(&["A, 4.".into(), "B, 7.".into()]),
            "A, 4; B, 7."
        );
    }

    #[test]
    fn a_cases_court_is_rendered() {
        // `authority` reaches hayagriva with the rest of the item; the
        // style puts the court before the year in the parentheses.
        let case = crate::test_items::donoghue();
        let r = RefRenderer::new(None).unwrap();
        assert_eq!(
            r.entry(&case, "r1", "", false).unwrap(),
            "Donoghue v Stevenson, 1932 AC 562 (HL 1932)."
        );
        let no_court = Item {
            authority: None,
            ..case
        };
        assert_eq!(
            r.entry(&no_court, "r1", "", false).unwrap(),
            "Donoghue v Stevenson, 1932 AC 562 (1932)."
        );
    }

    #[test]
    fn a_neutral_citation_prints_its_number() {
        let case = Item {
            item_type: ItemType::LegalCase,
            title: Some("R v Jogee".into()),
            container_title: Some("UKSC".into()),
            number: Some("8".into()),
            issued: Some(ibid_model::Date::year(2016)),
            ..Item::default()
        };
        let r = RefRenderer::new(None).unwrap();
        assert_eq!(
            r.entry(&case, "r1", "", false).unwrap(),
            "R v Jogee, UKSC 8 (2016)."
        );
    }

    #[test]
    fn unknown_style_lists_names() {
        let e = load_style(Some("no-such-style")).unwrap_err().to_string();
        assert!(e.contains("chicago-notes"), "{e}");
        assert!(load_style(None).is_ok());
    }
}
