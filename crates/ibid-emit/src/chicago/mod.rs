//! Chicago notes-bibliography (or another style hayagriva ships), rendered by
//! hayagriva from the CSL data. "Ibid." is decided here, not by hayagriva.

mod degrade;
mod item;
mod locators;
mod plan;
mod quotes;
mod refs;
pub(crate) use refs::RefRenderer;
mod signals;
mod specialise;
mod substitute;

use crate::common::{squash, work_id};
use crate::legal::{
    is_case, pinpoint_before_court, subsequent_history, with_history, year_form, YearForm,
};
use crate::xml::html_escape;
use crate::EmitError;
use hayagriva::archive::{ArchivedStyle, LOCALES};
use hayagriva::citationberg::json::Item as JsonItem;
use hayagriva::citationberg::{
    Display, FontStyle, FontVariant, FontWeight, IndependentStyle, Locale, LocaleCode, Style,
    TextDecoration, VerticalAlign,
};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, BufWriteFormat, CitationItem, CitationRequest,
    ElemChild, ElemChildren, Formatting, Rendered,
};
use ibid_model::Document;
use item::note_item;
use plan::{NotesPlan, Plan};
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

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
    let mut style = match archived.get() {
        Style::Independent(s) => s,
        Style::Dependent(d) => match ArchivedStyle::by_id(&d.parent_link.href).map(|a| a.get()) {
            Some(Style::Independent(s)) => s,
            _ => return Err(unknown()),
        },
    };
    substitute::inherit_in_substitutes(&mut style);
    Ok(style)
}

/// `make()` once per `key` for the whole process, shared after that (a
/// failure is not kept: it is the caller's error each time).
fn memo<T>(
    cache: &OnceLock<Mutex<HashMap<String, Arc<T>>>>,
    key: &str,
    make: impl FnOnce() -> Result<T, EmitError>,
) -> Result<Arc<T>, EmitError> {
    let map = cache.get_or_init(Mutex::default);
    // a poisoned lock only means another thread panicked mid-insert
    if let Some(v) = map.lock().unwrap_or_else(|p| p.into_inner()).get(key) {
        return Ok(Arc::clone(v));
    }
    // made outside the lock; two threads may both make it, one is kept
    let v = Arc::new(make()?);
    let mut map = map.lock().unwrap_or_else(|p| p.into_inner());
    Ok(Arc::clone(map.entry(key.to_string()).or_insert(v)))
}

/// [`load_style`] once per style name: decoding CMOS from hayagriva's
/// archive takes about 6 ms, which every document rendered (each server
/// request, each Python call, each HTML page) paid again.
fn cached_style(name: Option<&str>) -> Result<Arc<IndependentStyle>, EmitError> {
    static STYLES: OnceLock<Mutex<HashMap<String, Arc<IndependentStyle>>>> = OnceLock::new();
    let key = name.unwrap_or(DEFAULT_STYLE);
    memo(&STYLES, key, || load_style(Some(key)))
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
    let mut s = if html {
        let mut s = String::new();
        html_children(children, &mut s);
        s
    } else {
        let mut s = String::new();
        // Writing to a String cannot fail.
        let _ = children.write_buf(&mut s, BufWriteFormat::Plain);
        squash(&s)
    };
    // the glue that kept family names whole (`item::FAMILY_GLUE`)
    if s.contains(item::FAMILY_GLUE) {
        s = s.replace(item::FAMILY_GLUE, " ");
    }
    quotes::nest_quotes(s)
}

/// Run hayagriva, turning a panic into an error.
fn finish<'a>(
    driver: BibliographyDriver<'a, JsonItem>,
    style: &'a IndependentStyle,
) -> Result<Rendered, EmitError> {
    let locales = locales();
    crate::quiet_panic::catch(move || driver.finish(BibliographyRequest::new(style, None, locales)))
        .map_err(|p| {
            let msg = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            EmitError::Render(format!("hayagriva failed: {msg}"))
        })
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

/// The notes' citations (`requests`, in note order) and, apart from them,
/// the bibliography's entries (the works, whose entries are the notes' own
/// items), each in one hayagriva run.
fn render_all(
    entries: &[JsonItem],
    requests: &[plan::Request],
    bibliography: &[usize],
    style: &IndependentStyle,
) -> Result<(Rendered, Rendered), EmitError> {
    let locales = locales();
    // each citation in the style cut to its entry's type, the bibliography
    // in the style cut to the document's types; the notes' run renders no
    // bibliography (see `specialise`)
    let styles = specialise::DocumentStyles::new(style, entries);
    let notes_style = specialise::citations_only(&styles.all);
    let mut driver: BibliographyDriver<JsonItem> = BibliographyDriver::new();
    for (e, loc, number) in requests {
        let has_volume = entries[*e].0.contains_key("volume");
        let locator = loc
            .as_deref()
            .map(|l| locators::specific_locator(l, has_volume));
        driver.citation(CitationRequest::new(
            vec![CitationItem::with_locator(&entries[*e], locator)],
            styles.of(&entries[*e]),
            Some(LocaleCode::en_us()),
            locales,
            *number,
        ));
    }
    let notes = finish(driver, &notes_style)?;
    let mut bib_driver: BibliographyDriver<JsonItem> = BibliographyDriver::new();
    for &e in bibliography {
        bib_driver.citation(CitationRequest::new(
            vec![CitationItem::with_entry(&entries[e])],
            styles.of(&entries[e]),
            Some(LocaleCode::en_us()),
            locales,
            None,
        ));
    }
    Ok((notes, finish(bib_driver, &styles.all)?))
}

/// The notes and bibliography of a document.
pub(crate) fn write_document(
    doc: &Document,
    style_name: Option<&str>,
    html: bool,
    out: &mut dyn Write,
) -> Result<(), EmitError> {
    let style = cached_style(style_name)?;
    let sources = crate::work_text::fullest_citation_texts(doc);
    let NotesPlan {
        mut entries,
        bibliography,
        requests,
        plans,
    } = plan::plan(doc, &sources);
    // one entry hayagriva cannot render: that entry with fewer fields
    let (rendered, bibliography) = match render_all(&entries, &requests, &bibliography, &style) {
        Ok(r) => r,
        Err(e) => {
            if !degrade::degrade_failing(&mut entries, &style) {
                return Err(e);
            }
            render_all(&entries, &requests, &bibliography, &style)?
        }
    };
    let cites: Vec<String> = rendered
        .citations
        .iter()
        // a citation with neither author nor title starts with the next
        // field's comma (", Liverpool Papers, …")
        .map(|c| {
            let r = render(&c.citation, html);
            r.trim_start_matches([',', ';', ' ']).to_string()
        })
        .collect();
    let bibliography = bibliography.bibliography;
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
        // works cited in full so far: a case's history follows its first note only
        let mut seen_works: HashSet<&str> = HashSet::new();
        for (note, note_plans) in doc.notes.iter().zip(&plans) {
            let parts: Vec<(String, bool)> = note_plans
                .iter()
                .zip(&note.citations)
                .enumerate()
                .map(|(k, (p, c))| {
                    let part = match p {
                        // "Bl. 15 f." ends in its own period
                        Plan::Ibid(Some(l)) if l.ends_with('.') => format!("Ibid., {}", esc(l)),
                        Plan::Ibid(Some(l)) => format!("Ibid., {}.", esc(l)),
                        Plan::Ibid(None) => "Ibid.".to_string(),
                        Plan::Rendered(i, text) => {
                            let r = cites
                                .get(*i)
                                .filter(|c| !c.trim().is_empty())
                                .cloned()
                                .unwrap_or_else(|| esc(text));
                            let item = note_item(c);
                            // "410 U.S. 113, 153 (1973)": a case's pinpoint
                            // after its first page
                            let us_case = is_case(&item)
                                && year_form(&item, Some(&c.text)) == YearForm::After;
                            let r = if us_case {
                                pinpoint_before_court(&r)
                            } else {
                                r
                            };
                            let first = c.work.as_deref().is_none_or(|w| seen_works.insert(w));
                            match subsequent_history(&item).filter(|_| first) {
                                Some(h) => with_history(&r, &esc(&h)),
                                None => r,
                            }
                        }
                        Plan::Verbatim(t) => esc(t),
                    };
                    let signal = c.signal.as_ref().map(|g| {
                        let g = signals::english(&squash(&g.text));
                        // after "; " a signal that opened a sentence is lower case
                        esc(&if k > 0 { signals::lower_cue(&g) } else { g })
                    });
                    // a lead-in that is no cue word ("For the floor debate,
                    // see") keeps its sentence
                    let opens_sentence = k > 0
                        && signal
                            .as_deref()
                            .is_some_and(|g| g.starts_with(char::is_uppercase));
                    (signals::with_signal(signal, part), opens_sentence)
                })
                .collect();
            let body = if parts.is_empty() {
                esc(&squash(&note.text))
            } else {
                capital_particle(join_citations(&parts))
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
    if let Some(bib) = bibliography.filter(|b| !b.items.is_empty()) {
        if html {
            out.write_all(b"<section class=\"bibliography\">\n<h2>Bibliography</h2>\n<div class=\"csl-bib-body\">\n")?;
        } else {
            out.write_all(b"Bibliography\n\n")?;
        }
        let histories: HashMap<String, String> = doc
            .works
            .iter()
            .enumerate()
            .filter_map(|(i, w)| Some((work_id(w, i), subsequent_history(&w.item)?)))
            .collect();
        for item in &bib.items {
            let mut body = quotes::punctuation_inside(render(&item.content, html));
            if let Some(h) = histories.get(item.key.as_str()) {
                body = with_history(&body, &esc(h));
            }
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

/// A note that opens with a name's particle in lower case ("du Réau,
/// Édouard Daladier", "de Lara, …") capitalises it, as a sentence would
/// (CMOS 8.5): "Du Réau, Édouard Daladier".
fn capital_particle(body: String) -> String {
    if ibid_model::particles::opens_with_particle(&body) {
        crate::common::capitalise_first(&body)
    } else {
        body
    }
}

/// Join a note's citations: "A, 4; B, 7." (each citation's own final period
/// dropped except the last), or "A, 4. For the debate, see B, 7." before a
/// citation flagged as opening a sentence.
fn join_citations(parts: &[(String, bool)]) -> String {
    let mut s = String::new();
    for (p, opens_sentence) in parts {
        let p = p.trim();
        if p.is_empty() {
            continue;
        }
        if !s.is_empty() {
            if *opens_sentence {
                if !s.ends_with(['.', '?', '!']) {
                    s.push('.');
                }
                s.push(' ');
            } else {
                if s.ends_with('.') {
                    s.pop();
                }
                s.push_str("; ");
            }
        }
        s.push_str(p);
    }
    // a note ends with a full stop, also when its last citation is verbatim
    if !s.is_empty() && !s.ends_with(['.', '?', '!', '”', '»', '"', '’']) {
        s.push('.');
    }
    // last: the citations are joined ("…Revisited”; see")
    quotes::punctuation_inside(s)
}

#[cfg(test)]
mod tests;
