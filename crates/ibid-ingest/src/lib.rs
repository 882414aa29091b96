//! ibid's input stage: bytes in, blocks of text out.
//!
//! [`ingest`] reads a Word document (`.docx`: its footnotes, else endnotes,
//! else body paragraphs, see [`InputForm::Docx`]); other input must be text
//! (UTF-8, not binary, not a PDF or another archive). JATS and TEI XML
//! documents give their notes and reference entries ([`InputForm::Xml`]);
//! other text is read as one of two forms:
//!
//! - **plain text** (anything that is not HTML): one unstructured block over
//!   the whole text, "\r\n" and "\r" turned into "\n". The segmenter finds the
//!   notes in it and decides between numbered notes and a reference list, so
//!   the form is reported as [`InputForm::NumberedNotes`] for now.
//! - **HTML** (a doctype, `<html>`, or many block tags): parsed with a real
//!   HTML parser; each footnote, endnote or reference-list entry the markup
//!   marks becomes one structured [`Block`] with its number (from its label,
//!   `<ol start>`/`<li value>`, or its id). Back-links ("↩"), publisher link
//!   debris ("Google Scholar", "\[Crossref\]"), scripts, styles, navigation,
//!   page headers and footers stay out. Pages without note markup give their
//!   visible body text as one unstructured block, block elements on their own
//!   lines.
//!
//! Every block's [`MappedText`] maps its bytes to byte offsets of
//! [`Source::original`] — for HTML, of the HTML source, a decoded `&amp;`
//! mapping to the five bytes of the reference. `original` is the input
//! itself, except that a leading UTF-8 byte-order mark is dropped (offsets
//! count from after it).
//!
//! ```
//! let html = r##"<!DOCTYPE html><html><body><p>Text.<sup><a href="#fn1" id="fnref1">1</a></sup></p>
//! <section class="footnotes"><ol>
//!   <li id="fn1"><p>A. J. P. Taylor, <i>The Origins of the Second World War</i> (London, 1961), p.&nbsp;88.
//!       <a href="#fnref1" class="footnote-back">↩︎</a></p></li>
//!   <li id="fn2"><p>Ibid., p. 91.<a href="#fnref2">↩︎</a></p></li>
//! </ol></section></body></html>"##;
//! let source = ibid_ingest::ingest(html.as_bytes()).unwrap();
//! assert_eq!(source.form, ibid_model::InputForm::Html);
//! assert_eq!(source.blocks.len(), 2);
//! let first = &source.blocks[0];
//! assert_eq!(first.number, Some(1));
//! assert!(first.structured);
//! assert_eq!(first.text.as_str(),
//!     "A. J. P. Taylor, The Origins of the Second World War (London, 1961), p.\u{a0}88.");
//! let at = first.text.as_str().find("The Origins").unwrap();
//! assert_eq!(&source.original[first.text.orig_range(at..at + 11)], "The Origins");
//!
//! let plain = ibid_ingest::ingest_str("1 Taylor, Origins, p. 88.\r\n2 Ibid.\r\n");
//! assert_eq!(plain.blocks[0].text.as_str(), "1 Taylor, Origins, p. 88.\n2 Ibid.\n");
//! assert!(matches!(ibid_ingest::ingest(b"\xff\xfe1\x00"), Err(ibid_ingest::IngestError::Utf16)));
//! ```

mod docx;
mod html;
mod plain;
mod sniff;
mod xml;
mod xml_text;

pub use ibid_model::InputForm;
use ibid_model::{Label, MappedText, StageDiagnostic};
pub use sniff::BinaryReason;
use std::ops::Range;

/// The input, read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Source {
    /// The input text (without a leading UTF-8 BOM). All offsets point here.
    pub original: String,
    /// The form detected: [`InputForm::Html`] for HTML, else
    /// [`InputForm::NumberedNotes`] (the segmenter may decide it is a
    /// reference list).
    pub form: InputForm,
    /// The blocks of text, in input order. Empty for empty input.
    pub blocks: Vec<Block>,
    /// What ingest noticed (codes `html-no-note-markup`,
    /// `html-unaligned-text`, `html-too-complex`).
    pub diagnostics: Vec<StageDiagnostic>,
}

/// A piece of the input: one note or entry when the markup gave its
/// boundaries, else a run of text whose notes the segmenter finds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The text, mapped to [`Source::original`].
    pub text: MappedText,
    /// The note number the markup gave (label, list position, id).
    pub number: Option<u32>,
    /// True when the markup gave the block's boundaries (one note or entry,
    /// or a heading between notes); false for text to segment.
    pub structured: bool,
    /// True for a heading or other text between notes that is no note.
    pub prose: bool,
    /// Byte offsets in `text` where link debris (a "Google Scholar" link)
    /// was dropped: citation boundary hints. Pass them to
    /// `ibid_clean::clean_with_breaks`.
    pub breaks: Vec<usize>,
    /// The fields the markup itself labels (a JATS `<element-citation>`,
    /// a TEI `<biblStruct>`), as byte ranges of [`Source::original`]; empty
    /// when the markup labels none and the model is to label the text.
    pub fields: Vec<(Label, Range<usize>)>,
}

/// Why bytes cannot be read as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IngestError {
    /// Not valid UTF-8.
    #[error("input is not valid UTF-8 (first bad byte at offset {offset}); convert it to UTF-8")]
    InvalidUtf8 { offset: usize },
    /// UTF-16 text.
    #[error("input is UTF-16 text; convert it to UTF-8")]
    Utf16,
    /// Binary data.
    #[error("input looks binary ({reason}, byte offset {offset}), not text")]
    Binary { offset: usize, reason: BinaryReason },
    /// A binary document format.
    #[error("input is a {format} file; extract its text first")]
    UnsupportedFormat { format: &'static str },
    /// A Word document that cannot be read (damaged, too large inflated,
    /// malformed XML).
    #[error("cannot read the Word document: {message}")]
    Docx { message: String },
}

/// Read bytes: check they are text, detect the form, find the blocks.
pub fn ingest(bytes: &[u8]) -> Result<Source, IngestError> {
    if docx::is_zip(bytes) {
        return docx::ingest_docx(bytes);
    }
    let text = sniff::check(bytes)?;
    Ok(ingest_str(text))
}

/// Read text (already valid UTF-8): detect the form, find the blocks.
/// A leading BOM is dropped.
pub fn ingest_str(text: &str) -> Source {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if let Some(vocabulary) = xml::vocabulary(text) {
        let (blocks, mut diagnostics) = xml::ingest_xml(text, vocabulary);
        if blocks.is_empty() {
            diagnostics.push(StageDiagnostic {
                note: None,
                code: "xml-no-notes",
                message: "the XML document has no footnotes, endnotes or reference entries".into(),
                orig: None,
            });
        }
        return Source {
            original: text.to_string(),
            form: InputForm::Xml,
            blocks,
            diagnostics,
        };
    }
    if html::looks_like_html(text) {
        let (blocks, diagnostics) = html::ingest_html(text);
        return Source {
            original: text.to_string(),
            form: InputForm::Html,
            blocks,
            diagnostics,
        };
    }
    let blocks = if text.trim().is_empty() {
        Vec::new()
    } else {
        vec![Block {
            text: plain::normalize_line_ends(text),
            number: None,
            structured: false,
            prose: false,
            breaks: Vec::new(),
            fields: Vec::new(),
        }]
    };
    Source {
        original: text.to_string(),
        form: InputForm::NumberedNotes,
        blocks,
        diagnostics: Vec::new(),
    }
}

#[cfg(test)]
mod tests;
