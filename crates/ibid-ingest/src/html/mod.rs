//! HTML pages: notes from the markup, text mapped to the HTML source.

mod align;
mod elem;
mod markup;
mod notes;
mod sink;
mod strip;
mod walk;
mod words;

use crate::Block;
use ibid_model::StageDiagnostic;
use scraper::Html;

/// The blocks of an HTML page and what went wrong finding them.
pub(crate) fn ingest_html(src: &str) -> (Vec<Block>, Vec<StageDiagnostic>) {
    let mut diagnostics = Vec::new();
    if strip::too_complex(src) {
        diagnostics.push(StageDiagnostic {
            note: None,
            code: "html-too-complex",
            message: "the page nests too many elements to parse as HTML quickly; its text was \
                      taken without the markup"
                .to_string(),
            orig: None,
        });
        let text = strip::strip(src);
        let blocks = if text.is_empty() {
            Vec::new()
        } else {
            vec![Block {
                text,
                number: None,
                structured: false,
                prose: false,
                breaks: Vec::new(),
                fields: Vec::new(),
            }]
        };
        return (blocks, diagnostics);
    }
    let html = Html::parse_document(src);
    let mut items = notes::find_items(&html);
    if items.is_empty() {
        diagnostics.push(StageDiagnostic {
            note: None,
            code: "html-no-note-markup",
            message: "no footnote, endnote or reference markup found; the page text is read as \
                      plain notes"
                .to_string(),
            orig: None,
        });
        items.extend(notes::body_item(&html));
    }
    let (blocks, unaligned) = walk::extract(&html, src, &items);
    if unaligned > 0 {
        diagnostics.push(StageDiagnostic {
            note: None,
            code: "html-unaligned-text",
            message: format!(
                "{unaligned} text run(s) could not be found in the HTML source (malformed \
                 markup); their spans point to the nearest known position"
            ),
            orig: None,
        });
    }
    (blocks, diagnostics)
}

/// Whether `text` looks like HTML: a doctype or `<html>`, or enough block
/// tags (`<p>`, `<li>`, `<div>`, `<br>`, …) in its first 64 KiB.
pub(crate) fn looks_like_html(text: &str) -> bool {
    let head = &text.as_bytes()[..text.len().min(64 * 1024)];
    let lower_starts = |i: usize, pat: &[u8]| {
        head.get(i..i + pat.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(pat))
    };
    let mut block_tags = 0usize;
    let mut pos = 0;
    while let Some(off) = memchr::memchr(b'<', &head[pos..]) {
        let i = pos + off;
        pos = i + 1;
        if lower_starts(i, b"<!doctype html")
            || lower_starts(i, b"<html")
            || lower_starts(i, b"<body")
        {
            return true;
        }
        let j = if head.get(i + 1) == Some(&b'/') {
            i + 2
        } else {
            i + 1
        };
        let name_end = head[j..]
            .iter()
            .position(|c| !c.is_ascii_alphanumeric())
            .map_or(head.len(), |p| j + p);
        if name_end == j
            || !matches!(
                head.get(name_end),
                Some(b'>' | b' ' | b'/' | b'\t' | b'\n' | b'\r')
            )
        {
            continue;
        }
        let name = String::from_utf8_lossy(&head[j..name_end]).to_ascii_lowercase();
        if matches!(
            name.as_str(),
            "p" | "div"
                | "li"
                | "ol"
                | "ul"
                | "br"
                | "table"
                | "tr"
                | "td"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "section"
                | "article"
                | "aside"
                | "blockquote"
                | "dl"
                | "dd"
                | "head"
                | "meta"
                | "dt"
                | "center"
                | "font"
        ) {
            block_tags += 1;
        }
    }
    let starts_with_tag = text.trim_start().starts_with('<');
    (starts_with_tag && block_tags >= 1) || (block_tags >= 3 && block_tags * 400 >= head.len())
}

#[cfg(test)]
mod tests;
