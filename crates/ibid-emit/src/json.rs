//! `json` (the whole document), `jsonl` (one citation per line) and `text`
//! (a table for a terminal).

use crate::common::compact;
use crate::EmitError;
use ibid_model::{Citation, Document, Item};
use serde::Serialize;
use std::io::Write;

/// One `jsonl` line: a citation with its note number.
#[derive(Serialize)]
struct CitationLine<'a> {
    note: Option<u32>,
    #[serde(flatten)]
    citation: &'a Citation,
}

/// One reference of `ibid refs` in `json`/`jsonl`.
#[derive(Serialize)]
pub(crate) struct RefLine<'a> {
    pub index: usize,
    pub raw: &'a str,
    pub item: crate::csl::CslItem<'a>,
}

pub(crate) fn write_json(
    doc: &Document,
    pretty: bool,
    out: &mut dyn Write,
) -> Result<(), EmitError> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, doc)?;
    } else {
        serde_json::to_writer(&mut *out, doc)?;
    }
    out.write_all(b"\n")?;
    Ok(())
}

pub(crate) fn write_jsonl(doc: &Document, out: &mut dyn Write) -> Result<(), EmitError> {
    for (note, citation) in doc.citations() {
        serde_json::to_writer(
            &mut *out,
            &CitationLine {
                note: note.number,
                citation,
            },
        )?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Cut a string to at most `max` characters, marking the cut with "…".
fn cut(s: &str, max: usize) -> String {
    let s = crate::common::squash(s);
    if s.chars().count() <= max {
        return s;
    }
    let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
    t.push('…');
    t
}

pub(crate) fn write_text(doc: &Document, out: &mut dyn Write) -> Result<(), EmitError> {
    for note in &doc.notes {
        match note.number {
            Some(n) => writeln!(out, "Note {n}")?,
            None => writeln!(out, "Text")?,
        }
        if note.citations.is_empty() {
            writeln!(out, "  (no citation) {}", cut(&note.text, 100))?;
        }
        for c in &note.citations {
            // an unresolved back-reference has no author or title: its text
            let compact = compact(&c.item);
            let rendering = if compact.trim().is_empty() {
                cut(&c.text, 90)
            } else {
                cut(&compact, 90)
            };
            writeln!(
                out,
                "  {:<15} {:<6} {:<14} {}",
                c.kind.as_str(),
                c.work.as_deref().unwrap_or("-"),
                cut(c.locator.as_deref().unwrap_or("-"), 14),
                rendering
            )?;
        }
    }
    if !doc.works.is_empty() {
        writeln!(out)?;
        writeln!(out, "Works")?;
        for (i, w) in doc.works.iter().enumerate() {
            let id = w.item.id.clone().unwrap_or_else(|| format!("w{}", i + 1));
            let cited: Vec<String> = w.cited_in.iter().map(u32::to_string).collect();
            writeln!(
                out,
                "  {:<6} {:<22} {}",
                id,
                w.item.item_type.as_str(),
                cut(&work_line(&w.item), 100)
            )?;
            if !cited.is_empty() {
                writeln!(out, "         cited in notes {}", cited.join(", "))?;
            }
        }
    }
    if !doc.diagnostics.is_empty() {
        writeln!(out)?;
        writeln!(out, "Diagnostics")?;
        for d in &doc.diagnostics {
            match d.note {
                Some(n) => writeln!(out, "  note {n}: {}: {}", d.code, d.message)?,
                None => writeln!(out, "  {}: {}", d.code, d.message)?,
            }
        }
    }
    Ok(())
}

/// A work in the text listing: the compact form plus its series, volume and
/// archive, which tell apart the volumes of one documents series and files
/// of different archives.
fn work_line(item: &Item) -> String {
    let mut s = compact(item);
    for part in [
        item.collection_title.as_deref(),
        item.volume
            .as_deref()
            .map(|v| format!("vol. {v}"))
            .as_deref(),
        item.archive.as_deref(),
    ]
    .into_iter()
    .flatten()
    {
        if !s.contains(part) {
            s.push_str(", ");
            s.push_str(part);
        }
    }
    s
}

pub(crate) fn write_ref_text(
    index: usize,
    raw: &str,
    item: &Item,
    out: &mut dyn Write,
) -> Result<(), EmitError> {
    let r = if item.is_empty() {
        format!("(nothing recognised) {}", cut(raw, 100))
    } else {
        compact(item)
    };
    writeln!(
        out,
        "{:>6}  {:<22} {}",
        index + 1,
        item.item_type.as_str(),
        r
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn cut_marks_truncation() {
        assert_eq!(super::cut("abcdef", 4), "abc…");
        assert_eq!(super::cut("ab\ncd", 10), "ab cd");
    }
}
