//! Publisher XML: JATS articles (`<article>`) and TEI documents (`<TEI>`).
//!
//! - JATS: every footnote (`<fn>`, in a `<fn-group>` or in the text) and
//!   every reference (`<ref>`: its `<mixed-citation>`, or its
//!   `<element-citation>` with a comma between the parts) becomes one
//!   structured [`Block`], numbered by its `<label>` when that is a number;
//! - TEI: every `<note>` placed at the foot or the end (`place="foot"`,
//!   `"end"`, `"bottom"`, or `type="footnote"`/`"endnote"`) and every entry
//!   of a `<listBibl>` (`<bibl>`, `<biblStruct>`) becomes a block, numbered
//!   by its `n` attribute.
//!
//! Blocks come in document order and map to the XML source; runs of white
//! space read as one space, entities as their characters. Malformed XML is
//! read up to the error, which becomes a diagnostic.

mod fields;

use crate::xml_text::{decode_ref, offset_in};
use crate::Block;
use fields::MarkupFields;
use ibid_model::{MappedTextBuilder, StageDiagnostic};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// The vocabulary of the document, from its root element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Vocabulary {
    Jats,
    Tei,
}

/// The vocabulary of an XML document whose root is `<article>` (JATS) or
/// `<TEI>`/`<teiCorpus>` (TEI), after any declaration, comments and
/// doctype.
pub(crate) fn vocabulary(text: &str) -> Option<Vocabulary> {
    let mut rest = text.trim_start();
    loop {
        if let Some(r) = rest.strip_prefix("<?") {
            rest = r.split_once("?>")?.1.trim_start();
        } else if let Some(r) = rest.strip_prefix("<!--") {
            rest = r.split_once("-->")?.1.trim_start();
        } else if let Some(r) = rest.strip_prefix("<!DOCTYPE") {
            // an internal subset in brackets may hold ">"
            let end = match (r.find('['), r.find('>')) {
                (Some(b), Some(g)) if b < g => r.find("]>")? + 2,
                (_, Some(g)) => g + 1,
                _ => return None,
            };
            rest = r[end..].trim_start();
        } else {
            break;
        }
    }
    let name: String = rest
        .strip_prefix('<')?
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, ':' | '-' | '_'))
        .collect();
    match name.rsplit(':').next()? {
        "article" => Some(Vocabulary::Jats),
        "TEI" | "teiCorpus" => Some(Vocabulary::Tei),
        _ => None,
    }
}

/// What an element is to the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A note or reference: a block.
    Entry,
    /// Its label (JATS `<label>`): the number, not text.
    Label,
    /// Other markup: its text counts.
    Text,
}

fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

fn role(v: Vocabulary, e: &BytesStart<'_>, in_entry: bool, parent: &[u8]) -> Role {
    let name = e.local_name();
    let name = name.as_ref();
    match v {
        Vocabulary::Jats if !in_entry && matches!(name, b"fn" | b"ref") => Role::Entry,
        Vocabulary::Jats if in_entry && name == b"label" => Role::Label,
        Vocabulary::Tei if !in_entry && name == b"note" => {
            let place = attr(e, b"place").unwrap_or_default();
            let kind = attr(e, b"type").unwrap_or_default();
            if matches!(place.as_str(), "foot" | "end" | "bottom")
                || matches!(kind.as_str(), "footnote" | "endnote")
            {
                Role::Entry
            } else {
                Role::Text
            }
        }
        Vocabulary::Tei
            if !in_entry && matches!(name, b"bibl" | b"biblStruct") && parent == b"listBibl" =>
        {
            Role::Entry
        }
        _ => Role::Text,
    }
}

/// One block being read.
struct Entry {
    text: MappedTextBuilder,
    number: Option<u32>,
    label: String,
    /// Element depth of the entry, and of its label when inside one.
    depth: usize,
    label_depth: Option<usize>,
    /// A space is due before the next text (white space, or a part of a
    /// structured citation ended).
    space: Option<usize>,
    /// A structured citation (`<element-citation>`, `<biblStruct>`): its
    /// parts are separated by `sep`.
    structured: bool,
    /// What the next due space is written as: ", " between the parts of a
    /// structured citation, " " inside a name, "–" between its pages.
    sep: &'static str,
    /// The fields its markup labels, for a reference (not a note).
    markup: Option<MarkupFields>,
}

impl Entry {
    fn push_text(&mut self, raw: &str, at: usize) {
        // XML's white space; a no-break space is a character of the text
        let xml_space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r');
        for piece in raw.split_inclusive(xml_space) {
            let word = piece.trim_end_matches(xml_space);
            // `piece` is a slice of `raw`
            let start = at + (piece.as_ptr() as usize - raw.as_ptr() as usize);
            if !word.is_empty() {
                // one plain space before the word, in this same text: copy
                // it, so that the run stays one segment of the map
                let single = start > at
                    && self.space == Some(start - 1)
                    && raw.as_bytes()[start - at - 1] == b' '
                    && !self.text.as_str().is_empty()
                    && !self.text.as_str().ends_with(' ');
                if single {
                    self.space = None;
                    self.text.push_copied(" ", start - 1);
                } else {
                    self.flush_space();
                }
                self.text.push_copied(word, start);
                // white space after a word is a space of the text
                self.sep = " ";
            }
            if word.len() < piece.len() {
                self.space = Some(start + word.len());
            }
        }
    }

    fn flush_space(&mut self) {
        if let Some(at) = self.space.take() {
            if !self.text.as_str().is_empty() && !self.text.as_str().ends_with(' ') {
                self.text.push_synthetic(self.sep, at..at + 1);
            }
        }
    }

    /// A part of a structured citation ended: what separates it from the next.
    fn part_ended(&mut self, name: &[u8], at: usize) {
        self.space.get_or_insert(at);
        self.sep = match name {
            // surname first, as JATS writes it: "Smith, J. A."
            b"surname" => ", ",
            b"given-names" | b"prefix" | b"suffix" | b"forename" | b"roleName" | b"addName"
            | b"genName" | b"nameLink" => " ",
            b"fpage" => "–",
            _ => ", ",
        };
    }
}

/// Reads the notes and references of a JATS or TEI document.
pub(crate) fn ingest_xml(xml: &str, v: Vocabulary) -> (Vec<Block>, Vec<StageDiagnostic>) {
    let mut reader = Reader::from_str(xml);
    let mut blocks = Vec::new();
    let mut diagnostics = Vec::new();
    let mut stack: Vec<Vec<u8>> = Vec::new();
    let mut entry: Option<Entry> = None;
    loop {
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                diagnostics.push(StageDiagnostic {
                    note: None,
                    code: "xml-malformed",
                    message: format!(
                        "malformed XML near byte {} ({e}); read up to there",
                        reader.buffer_position()
                    ),
                    orig: None,
                });
                break;
            }
        };
        match &event {
            Event::Eof => break,
            Event::Start(e) => {
                if stack.len() >= 512 {
                    diagnostics.push(StageDiagnostic {
                        note: None,
                        code: "xml-too-deep",
                        message: "XML nested more than 512 elements deep; read up to there".into(),
                        orig: None,
                    });
                    break;
                }
                let parent = stack.last().map_or(&[][..], Vec::as_slice);
                match role(v, e, entry.is_some(), parent) {
                    Role::Entry => {
                        let name = e.local_name();
                        let reference = matches!(name.as_ref(), b"ref" | b"bibl" | b"biblStruct");
                        entry = Some(Entry {
                            text: MappedTextBuilder::default(),
                            number: attr(e, b"n").and_then(|n| n.trim().parse().ok()),
                            label: String::new(),
                            depth: stack.len(),
                            label_depth: None,
                            space: None,
                            structured: name.as_ref() == b"biblStruct",
                            sep: " ",
                            markup: reference.then(MarkupFields::default),
                        });
                    }
                    Role::Label => {
                        if let Some(en) = entry.as_mut() {
                            en.label_depth.get_or_insert(stack.len());
                        }
                    }
                    Role::Text => {
                        if let Some(en) = entry.as_mut() {
                            let name = e.local_name();
                            if name.as_ref() == b"element-citation" {
                                en.structured = true;
                            }
                            if en.sep == "–" && name.as_ref() != b"lpage" {
                                en.sep = ", ";
                            }
                            if en
                                .markup
                                .as_ref()
                                .is_some_and(|m| m.opens_field(v, e, &stack))
                            {
                                en.flush_space();
                            }
                            let len = en.text.as_str().len();
                            if let Some(m) = en.markup.as_mut() {
                                m.start(v, e, &stack, len);
                            }
                        }
                    }
                }
                stack.push(e.local_name().as_ref().to_vec());
            }
            Event::End(end) => {
                stack.pop();
                let depth = stack.len();
                let mut done = false;
                if let Some(en) = entry.as_mut() {
                    let len = en.text.as_str().len();
                    if let Some(m) = en.markup.as_mut() {
                        m.end(depth, len);
                    }
                    if en.label_depth == Some(depth) {
                        en.label_depth = None;
                        if en.number.is_none() {
                            en.number = number_of(&en.label);
                        }
                    } else if en.depth == depth {
                        done = true;
                    } else if en.structured {
                        let at = offset_in(xml, event.as_ref()).saturating_sub(2);
                        en.part_ended(end.local_name().as_ref(), at);
                    }
                }
                if done {
                    if let Some(en) = entry.take() {
                        let text = en.text.finish();
                        if !text.as_str().trim().is_empty() {
                            let fields = en.markup.map(|m| m.finish(&text)).unwrap_or_default();
                            blocks.push(Block {
                                text,
                                number: en.number,
                                structured: true,
                                prose: false,
                                breaks: Vec::new(),
                                fields,
                            });
                        }
                    }
                }
            }
            Event::Text(t) => {
                if let Some(en) = entry.as_mut() {
                    let raw = std::str::from_utf8(t).unwrap_or("");
                    if en.label_depth.is_some() {
                        en.label.push_str(raw);
                    } else {
                        en.push_text(raw, offset_in(xml, t));
                    }
                }
            }
            Event::CData(t) => {
                if let Some(en) = entry.as_mut() {
                    let raw = std::str::from_utf8(t).unwrap_or("");
                    en.push_text(raw, offset_in(xml, t));
                }
            }
            Event::GeneralRef(r) => {
                if let Some(en) = entry.as_mut() {
                    let (decoded, whole) = decode_ref(xml, r);
                    if en.label_depth.is_some() {
                        en.label.push_str(&decoded);
                    } else if decoded
                        .chars()
                        .all(|c| matches!(c, ' ' | '\t' | '\n' | '\r'))
                    {
                        en.space.get_or_insert(whole.start);
                    } else {
                        en.flush_space();
                        en.text.push_synthetic(&decoded, whole);
                        en.sep = " ";
                    }
                }
            }
            _ => {}
        }
    }
    (blocks, diagnostics)
}

/// The number a label gives ("1", "12.", "[3]"), if it is one.
fn number_of(label: &str) -> Option<u32> {
    label
        .trim()
        .trim_matches(|c: char| matches!(c, '[' | ']' | '(' | ')' | '.'))
        .parse()
        .ok()
}

#[cfg(test)]
mod tests;
