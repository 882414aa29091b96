//! Word documents (`.docx`): the notes of `word/footnotes.xml`, else those
//! of `word/endnotes.xml`, else the paragraphs of the body
//! (`word/document.xml`, a reference list, say).
//!
//! Each footnote or endnote becomes one structured [`Block`] numbered in
//! order from 1, or from the `<w:numStart>` of the settings or the section
//! (Word's separators are skipped); its runs of text (`<w:t>`) are
//! joined, tabs and line breaks read as spaces, paragraphs joined by a
//! space. Deleted text (`<w:delText>`) and field codes (`<w:instrText>`)
//! are no text. [`Source::original`] is the XML part the blocks come from,
//! and every block maps to it. A zip whose parts are too large once
//! inflated, damaged or not a Word document is an error, never a hang.

use crate::xml_text::{decode_ref, offset_in};
use crate::{Block, IngestError, InputForm, Source};
use ibid_model::{MappedTextBuilder, StageDiagnostic};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::Read;

/// The largest XML part read, inflated (a zip bomb stops here).
const MAX_PART: u64 = 64 << 20;
/// The most entries a Word document's archive may list.
const MAX_ENTRIES: usize = 20_000;

/// True for a zip archive (a `.docx`, `.odt`, `.epub` …), an empty one
/// (only its end record) included.
pub(crate) fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

fn error(message: impl Into<String>) -> IngestError {
    IngestError::Docx {
        message: message.into(),
    }
}

/// Reads a `.docx` archive (see the module docs).
pub(crate) fn ingest_docx(bytes: &[u8]) -> Result<Source, IngestError> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| error(format!("the ZIP archive is damaged ({e})")))?;
    if zip.len() > MAX_ENTRIES {
        return Err(error(format!(
            "the archive lists {} entries, more than a Word document has",
            zip.len()
        )));
    }
    if zip.index_for_name("word/document.xml").is_none() {
        return Err(IngestError::UnsupportedFormat {
            format: "ZIP (not a Word document: ODT, EPUB or another archive)",
        });
    }
    let mut diagnostics = Vec::new();
    let footnotes = read_part(&mut zip, "word/footnotes.xml")?;
    let endnotes = read_part(&mut zip, "word/endnotes.xml")?;
    // numbering may start elsewhere than at 1 (a chapter of a book)
    let settings = [
        read_part(&mut zip, "word/settings.xml")?,
        read_part(&mut zip, "word/document.xml")?,
    ];
    let start = |pr: &str| {
        settings
            .iter()
            .flatten()
            .find_map(|x| num_start(x, pr))
            .unwrap_or(1)
    };
    let foot = footnotes
        .as_deref()
        .map(|x| notes(x, "footnote", start("footnotePr")))
        .transpose()?;
    let end = endnotes
        .as_deref()
        .map(|x| notes(x, "endnote", start("endnotePr")))
        .transpose()?;
    let has = |b: &Option<Vec<Block>>| b.as_ref().is_some_and(|b| !b.is_empty());
    let (original, blocks) = if has(&foot) {
        if has(&end) {
            diagnostics.push(StageDiagnostic {
                note: None,
                code: "docx-endnotes-skipped",
                message: "the document has footnotes and endnotes; only the footnotes were read"
                    .into(),
                orig: None,
            });
        }
        (footnotes.unwrap_or_default(), foot.unwrap_or_default())
    } else if has(&end) {
        (endnotes.unwrap_or_default(), end.unwrap_or_default())
    } else {
        let [_, body] = settings;
        let body = body.unwrap_or_default();
        let block = paragraphs(&body)?;
        (body, block.into_iter().collect())
    };
    Ok(Source {
        original,
        form: InputForm::Docx,
        blocks,
        diagnostics,
    })
}

/// The text of one part of the archive, if it is there.
fn read_part<R: std::io::Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
) -> Result<Option<String>, IngestError> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(error(format!("cannot read {name} ({e})"))),
    };
    if file.size() > MAX_PART {
        return Err(error(format!(
            "{name} is {} bytes inflated, more than the {} MiB read",
            file.size(),
            MAX_PART >> 20
        )));
    }
    // the header's size may lie: read at most one byte past the limit
    let mut bytes = Vec::new();
    file.take(MAX_PART + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| error(format!("cannot inflate {name} ({e})")))?;
    if bytes.len() as u64 > MAX_PART {
        return Err(error(format!(
            "{name} inflates to more than {} MiB",
            MAX_PART >> 20
        )));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        error(format!(
            "{name} is not UTF-8 (byte {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    Ok(Some(text))
}

/// The first note number that `<w:footnotePr>` or `<w:endnotePr>` (by
/// `pr`) sets with `<w:numStart w:val="7"/>`.
fn num_start(xml: &str, pr: &str) -> Option<u32> {
    let open = format!("<w:{pr}>");
    let from = xml.find(&open)? + open.len();
    let end = xml[from..].find(&format!("</w:{pr}>"))? + from;
    let props = &xml[from..end];
    let at = props.find("<w:numStart ")?;
    let val = props[at..].find("w:val=\"")? + at + 7;
    let digits: String = props[val..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok().filter(|&n| n >= 1)
}

/// Collects the text of runs into a mapped text.
struct Runs<'x> {
    xml: &'x str,
    text: MappedTextBuilder,
    in_text: bool,
}

impl<'x> Runs<'x> {
    fn new(xml: &'x str) -> Self {
        Runs {
            xml,
            text: MappedTextBuilder::default(),
            in_text: false,
        }
    }

    /// Reads one event that may carry text; true when it did.
    fn take(&mut self, event: &Event<'x>) -> Result<bool, IngestError> {
        match event {
            Event::Start(e) if e.local_name().as_ref() == b"t" => self.in_text = true,
            Event::End(e) if e.local_name().as_ref() == b"t" => self.in_text = false,
            Event::Text(t) if self.in_text => {
                let at = offset_in(self.xml, t);
                let raw = std::str::from_utf8(t).map_err(|_| error("text that is not UTF-8"))?;
                self.text.push_copied(raw, at);
            }
            Event::GeneralRef(r) if self.in_text => {
                let (decoded, whole) = decode_ref(self.xml, r);
                self.text.push_synthetic(&decoded, whole);
            }
            Event::Empty(e) => {
                let at = offset_in(self.xml, e);
                let span = at.saturating_sub(1)..(at + e.len() + 2).min(self.xml.len());
                match e.local_name().as_ref() {
                    b"tab" | b"br" | b"cr" => self.text.push_synthetic(" ", span),
                    b"noBreakHyphen" => self.text.push_synthetic("-", span),
                    _ => return Ok(false),
                }
            }
            _ => return Ok(false),
        }
        Ok(true)
    }
}

/// Word's own notes, which hold the separator lines, not notes.
fn is_separator(e: &quick_xml::events::BytesStart<'_>) -> bool {
    e.attributes().flatten().any(|a| {
        a.key.local_name().as_ref() == b"type"
            && matches!(
                a.value.as_ref(),
                b"separator" | b"continuationSeparator" | b"continuationNotice"
            )
    })
}

/// The next event of `reader`, with the element depth kept in `depth`:
/// malformed XML, or XML nested more than 256 elements deep, is an error.
fn next_event<'x>(
    reader: &mut Reader<&'x [u8]>,
    depth: &mut usize,
) -> Result<Event<'x>, IngestError> {
    let event = reader.read_event().map_err(|e| {
        error(format!(
            "malformed XML near byte {} ({e})",
            reader.buffer_position()
        ))
    })?;
    match &event {
        Event::Start(_) => {
            *depth += 1;
            if *depth > 256 {
                return Err(error("XML nested more than 256 elements deep"));
            }
        }
        Event::End(_) => *depth = depth.saturating_sub(1),
        _ => {}
    }
    Ok(event)
}

/// The notes (`<w:footnote>` or `<w:endnote>`, by `element`) of a part.
fn notes(xml: &str, element: &str, first: u32) -> Result<Vec<Block>, IngestError> {
    let mut reader = Reader::from_str(xml);
    let mut blocks = Vec::new();
    let mut current: Option<Runs<'_>> = None;
    let mut paragraphs = 0;
    let mut depth = 0usize;
    // Word numbers every note, also one with no text
    let mut number = first.saturating_sub(1);
    loop {
        let event = next_event(&mut reader, &mut depth)?;
        match &event {
            Event::Eof => break,
            Event::Start(e)
                if e.local_name().as_ref() == element.as_bytes() && current.is_none() =>
            {
                paragraphs = 0;
                if !is_separator(e) {
                    number = number.saturating_add(1);
                    current = Some(Runs::new(xml));
                }
                continue;
            }
            Event::End(e) if e.local_name().as_ref() == element.as_bytes() => {
                if let Some(runs) = current.take() {
                    let text = runs.text.finish();
                    let trimmed = text.as_str().trim();
                    if !trimmed.is_empty() {
                        let start = text.as_str().len() - text.as_str().trim_start().len();
                        blocks.push(Block {
                            text: text.slice(start..start + trimmed.len()),
                            number: Some(number),
                            structured: true,
                            prose: false,
                            breaks: Vec::new(),
                            fields: Vec::new(),
                        });
                    }
                }
                continue;
            }
            _ => {}
        }
        let Some(runs) = current.as_mut() else {
            continue;
        };
        if let Event::Start(e) = &event {
            // a note's second paragraph follows its first after a space
            if e.local_name().as_ref() == b"p" {
                paragraphs += 1;
                if paragraphs > 1 {
                    let at = offset_in(xml, e).saturating_sub(1);
                    runs.text.push_synthetic(" ", at..at + 1);
                }
            }
        }
        runs.take(&event)?;
    }
    Ok(blocks)
}

/// The body's paragraphs, one a line, as one block for the segmenter.
fn paragraphs(xml: &str) -> Result<Option<Block>, IngestError> {
    let mut reader = Reader::from_str(xml);
    let mut runs = Runs::new(xml);
    let mut depth = 0usize;
    loop {
        let event = next_event(&mut reader, &mut depth)?;
        match &event {
            Event::Eof => break,
            Event::End(e)
                if e.local_name().as_ref() == b"p" && !runs.text.as_str().ends_with('\n') =>
            {
                let at = offset_in(xml, e).saturating_sub(2);
                runs.text.push_synthetic("\n", at..at + 1);
            }
            _ => {}
        }
        runs.take(&event)?;
    }
    let text = runs.text.finish();
    Ok((!text.as_str().trim().is_empty()).then_some(Block {
        text,
        number: None,
        structured: false,
        prose: false,
        breaks: Vec::new(),
        fields: Vec::new(),
    }))
}

#[cfg(test)]
mod tests;
