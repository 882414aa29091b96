//! Annotated references: the record type and readers for three formats
//! (ibid's JSON Lines, AnyStyle XML, GROBID/TEI `<bibl>`). Readers parse
//! from `&str`; file I/O is the caller's.

use ibid_model::Label;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use serde::Deserialize;
use std::ops::Range;

/// One gold span: a label and a byte range of the record's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldSpan {
    pub label: Label,
    pub range: Range<usize>,
}

/// One annotated reference.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TrainRecord {
    /// Where it comes from (the JSONL `source`, or the reader's name).
    pub source: String,
    pub text: String,
    /// Sorted, non-overlapping spans (byte ranges into `text`).
    pub spans: Vec<GoldSpan>,
}

/// Why annotated data could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DataError {
    #[error("line {line}: {message}")]
    Json { line: usize, message: String },
    #[error("line {line}: unknown label `{label}`")]
    UnknownLabel { line: usize, label: String },
    #[error("line {line}: span {start}..{end} is outside the text ({chars} characters)")]
    BadSpan {
        line: usize,
        start: usize,
        end: usize,
        chars: usize,
    },
    #[error("XML error at byte {position}: {message}")]
    Xml { position: u64, message: String },
}

#[derive(Deserialize)]
struct JsonRecord {
    #[serde(default)]
    source: String,
    text: String,
    #[serde(default)]
    spans: Vec<JsonSpan>,
}

#[derive(Deserialize)]
struct JsonSpan {
    label: String,
    start: usize,
    end: usize,
}

/// Reads ibid's JSON Lines gold format (one record a line; `start`/`end` in
/// code points, converted here to byte offsets). Blank lines are skipped.
///
/// ```
/// let recs = ibid_label::parse_jsonl(r#"{"text": "Zoë, Paris 1990", "spans": [{"label": "author", "start": 0, "end": 3}, {"label": "date", "start": 11, "end": 15}]}"#).unwrap();
/// assert_eq!(&recs[0].text[recs[0].spans[0].range.clone()], "Zoë");
/// assert_eq!(&recs[0].text[recs[0].spans[1].range.clone()], "1990");
/// ```
pub fn parse_jsonl(input: &str) -> Result<Vec<TrainRecord>, DataError> {
    let mut out = Vec::new();
    for (i, line) in input.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let r: JsonRecord = serde_json::from_str(line).map_err(|e| DataError::Json {
            line: line_no,
            message: e.to_string(),
        })?;
        let bounds: Vec<usize> = r
            .text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(r.text.len()))
            .collect();
        let chars = bounds.len() - 1;
        let mut spans = Vec::with_capacity(r.spans.len());
        for s in r.spans {
            let label: Label = s.label.parse().map_err(|_| DataError::UnknownLabel {
                line: line_no,
                label: s.label.clone(),
            })?;
            if s.start > s.end || s.end > chars {
                return Err(DataError::BadSpan {
                    line: line_no,
                    start: s.start,
                    end: s.end,
                    chars,
                });
            }
            spans.push(GoldSpan {
                label,
                range: bounds[s.start]..bounds[s.end],
            });
        }
        spans.sort_by_key(|s| (s.range.start, s.range.end));
        out.push(TrainRecord {
            source: r.source,
            text: r.text,
            spans,
        });
    }
    Ok(out)
}

/// AnyStyle's tag names (and a few synonyms) to labels; unknown tags are `other`.
fn anystyle_label(tag: &str) -> Label {
    match tag {
        "journal" | "booktitle" | "container-title" => Label::ContainerTitle,
        "collection-title" | "series" => Label::CollectionTitle,
        "pages" | "page" => Label::Pages,
        "location" | "place" | "address" => Label::Location,
        "citation-number" => Label::Other,
        other => other.parse().unwrap_or(Label::Other),
    }
}

/// Reads AnyStyle's XML training format:
/// `<dataset><sequence><author>…</author><title>…</title>…</sequence></dataset>`.
/// A record's text joins its segments with single spaces.
///
/// ```
/// let xml = "<dataset><sequence><author>Derrida, J.</author> <date>(1967).</date>
///            <title>L’écriture et la différence</title></sequence></dataset>";
/// let recs = ibid_label::parse_anystyle_xml(xml).unwrap();
/// assert_eq!(recs[0].text, "Derrida, J. (1967). L’écriture et la différence");
/// assert_eq!(recs[0].spans.len(), 3);
/// ```
pub fn parse_anystyle_xml(input: &str) -> Result<Vec<TrainRecord>, DataError> {
    walk_xml(input, "sequence", "anystyle-xml", true, |tag, _| {
        Some(Tagged::Label(anystyle_label(tag)))
    })
}

/// Reads GROBID/TEI citation training files: every `<bibl>` is a record,
/// text outside tags is unlabelled. `title` maps by `level` (`a` → title,
/// `j` → container-title, `m` → container-title when the `bibl` also has an
/// `a` title, else title; `s` → collection-title); `biblScope`/`citedRange`
/// by `unit` or `type`; `idno` by `type`.
///
/// ```
/// let tei = r#"<listBibl><bibl><author>J. P. Collman</author>. <title level="j">Acc. Chem. Res.</title>
///   <biblScope unit="volume">10</biblScope>, <biblScope unit="page">265</biblScope> (<date>1977</date>)</bibl></listBibl>"#;
/// let recs = ibid_label::parse_tei_bibl(tei).unwrap();
/// assert_eq!(recs[0].text, "J. P. Collman. Acc. Chem. Res. 10, 265 (1977)");
/// let labels: Vec<_> = recs[0].spans.iter().map(|s| s.label.as_str()).collect();
/// assert_eq!(labels, ["author", "container-title", "volume", "pages", "date"]);
/// ```
pub fn parse_tei_bibl(input: &str) -> Result<Vec<TrainRecord>, DataError> {
    walk_xml(input, "bibl", "tei-bibl", false, tei_label)
}

/// What an element means inside a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tagged {
    Label(Label),
    /// A monographic title: title or container-title, decided per record.
    TitleM,
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.try_get_attribute(name).ok().flatten().and_then(|a| {
        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .ok()
            .map(|v| v.to_ascii_lowercase())
    })
}

fn tei_label(tag: &str, e: &BytesStart) -> Option<Tagged> {
    let l = match tag {
        "author" => Label::Author,
        "editor" => Label::Editor,
        "title" => {
            return Some(match attr(e, "level").as_deref() {
                Some("j") => Tagged::Label(Label::ContainerTitle),
                Some("m") => Tagged::TitleM,
                Some("s") => Tagged::Label(Label::CollectionTitle),
                _ => Tagged::Label(Label::Title),
            })
        }
        "date" => Label::Date,
        "biblScope" | "citedRange" => {
            let unit = attr(e, "unit")
                .or_else(|| attr(e, "type"))
                .unwrap_or_default();
            match unit.as_str() {
                "volume" | "vol" => Label::Volume,
                "issue" | "number" => Label::Issue,
                "page" | "pp" | "pages" => Label::Pages,
                _ => Label::Other,
            }
        }
        "pubPlace" => Label::Location,
        "publisher" => Label::Publisher,
        "edition" => Label::Edition,
        "idno" => match attr(e, "type").as_deref() {
            Some("doi") => Label::Doi,
            Some("isbn") => Label::Isbn,
            _ => Label::Other,
        },
        "ptr" | "url" => Label::Url,
        "note" => Label::Note,
        "orgName" | "meeting" | "institution" => Label::Publisher,
        _ => return None,
    };
    Some(Tagged::Label(l))
}

/// Walks the records (`record` elements) of an XML file; `meaning` maps an
/// element inside a record to a label (`None`: transparent).
fn walk_xml(
    input: &str,
    record: &str,
    source: &str,
    separate: bool,
    meaning: impl Fn(&str, &BytesStart) -> Option<Tagged>,
) -> Result<Vec<TrainRecord>, DataError> {
    let mut reader = Reader::from_str(input);
    let mut out = Vec::new();
    // inside a record: the text so far and the open elements' meanings
    let mut cur: Option<Builder> = None;
    let mut stack: Vec<Option<(Tagged, usize)>> = Vec::new();
    let mut instances = 0usize;
    loop {
        let ev = reader.read_event().map_err(|e| DataError::Xml {
            position: reader.error_position(),
            message: e.to_string(),
        })?;
        match ev {
            Event::Start(e) => {
                let name = e.local_name();
                let tag = name.as_ref();
                if cur.is_none() {
                    if tag == record {
                        cur = Some(Builder::default());
                        stack.clear();
                    }
                    continue;
                }
                let inherited = stack.iter().rev().find_map(|s| *s);
                let m = match inherited {
                    Some(x) => Some(x),
                    None => meaning(tag, &e).map(|t| {
                        instances += 1;
                        (t, instances)
                    }),
                };
                stack.push(m);
                if tag == "lb" {
                    if let Some(b) = cur.as_mut() {
                        b.push(" ", None);
                    }
                }
            }
            Event::Empty(e) => {
                if let Some(b) = cur.as_mut() {
                    if e.local_name().as_ref() == "lb" {
                        b.push(" ", None);
                    }
                }
            }
            Event::End(e) if cur.is_some() => {
                if stack.pop().is_none() && e.local_name().as_ref() == record {
                    if let Some(b) = cur.take() {
                        out.push(b.finish(source));
                    }
                } else if let Some(b) = cur.as_mut() {
                    if separate {
                        // AnyStyle: every element is a segment of its own
                        b.push(" ", None);
                    }
                }
            }
            Event::Text(t) => {
                if let Some(b) = cur.as_mut() {
                    let m = stack.iter().rev().find_map(|s| *s);
                    b.push(&t.xml10_content(), m);
                }
            }
            Event::CData(t) => {
                if let Some(b) = cur.as_mut() {
                    let m = stack.iter().rev().find_map(|s| *s);
                    b.push(&t.xml10_content(), m);
                }
            }
            Event::GeneralRef(r) => {
                if let Some(b) = cur.as_mut() {
                    let m = stack.iter().rev().find_map(|s| *s);
                    let c = match r.resolve_char_ref() {
                        Ok(Some(c)) => Some(c),
                        _ => match r.xml10_content().as_ref() {
                            "amp" => Some('&'),
                            "lt" => Some('<'),
                            "gt" => Some('>'),
                            "quot" => Some('"'),
                            "apos" => Some('\''),
                            "nbsp" => Some(' '),
                            _ => None,
                        },
                    };
                    if let Some(c) = c {
                        b.push(c.encode_utf8(&mut [0; 4]), m);
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// Builds one record's text and spans from pieces, collapsing whitespace.
#[derive(Default)]
struct Builder {
    text: String,
    /// (meaning, instance, byte range) of labelled text, in order.
    pieces: Vec<(Tagged, usize, Range<usize>)>,
    pending_space: bool,
}

impl Builder {
    fn push(&mut self, s: &str, m: Option<(Tagged, usize)>) {
        for c in s.chars() {
            if c.is_whitespace() {
                self.pending_space = true;
                continue;
            }
            if self.pending_space && !self.text.is_empty() {
                self.text.push(' ');
            }
            self.pending_space = false;
            let start = self.text.len();
            self.text.push(c);
            if let Some((t, inst)) = m {
                match self.pieces.last_mut() {
                    Some(p) if p.1 == inst => p.2.end = self.text.len(),
                    _ => self.pieces.push((t, inst, start..self.text.len())),
                }
            }
        }
    }

    fn finish(self, source: &str) -> TrainRecord {
        let has_analytic = self
            .pieces
            .iter()
            .any(|p| p.0 == Tagged::Label(Label::Title));
        let spans = self
            .pieces
            .into_iter()
            .map(|(t, _, range)| GoldSpan {
                label: match t {
                    Tagged::Label(l) => l,
                    Tagged::TitleM if has_analytic => Label::ContainerTitle,
                    Tagged::TitleM => Label::Title,
                },
                range,
            })
            .collect();
        TrainRecord {
            source: source.to_string(),
            text: self.text,
            spans,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_errors() {
        assert!(matches!(
            parse_jsonl("{"),
            Err(DataError::Json { line: 1, .. })
        ));
        assert!(matches!(
            parse_jsonl("\n{\"text\":\"ab\",\"spans\":[{\"label\":\"x\",\"start\":0,\"end\":1}]}"),
            Err(DataError::UnknownLabel { line: 2, .. })
        ));
        assert!(matches!(
            parse_jsonl(
                "{\"text\":\"ab\",\"spans\":[{\"label\":\"title\",\"start\":0,\"end\":3}]}"
            ),
            Err(DataError::BadSpan { .. })
        ));
        assert!(parse_jsonl("").unwrap().is_empty());
    }

    #[test]
    fn tei_levels_and_entities() {
        let tei = r#"<TEI><listBibl><bibl><author><persName><surname>Doe</surname>, J.</persName></author>,
          <title level="a">On &amp; off</title>, in <title level="m">Essays</title>, ed. <editor>A. Roe</editor>
          (<pubPlace>Paris</pubPlace>: <publisher>Gallimard</publisher>, <date when="1990">1990</date>),
          <biblScope unit="page">1-9</biblScope>.</bibl>
          <bibl><title level="m">Alone</title> <idno type="DOI">10.1/x</idno></bibl></listBibl></TEI>"#;
        let recs = parse_tei_bibl(tei).unwrap();
        assert_eq!(recs.len(), 2);
        let r = &recs[0];
        let got: Vec<(&str, &str)> = r
            .spans
            .iter()
            .map(|s| (s.label.as_str(), &r.text[s.range.clone()]))
            .collect();
        assert_eq!(
            got,
            [
                ("author", "Doe, J."),
                ("title", "On & off"),
                ("container-title", "Essays"),
                ("editor", "A. Roe"),
                ("location", "Paris"),
                ("publisher", "Gallimard"),
                ("date", "1990"),
                ("pages", "1-9")
            ]
        );
        assert_eq!(recs[1].spans[0].label, Label::Title);
        assert_eq!(recs[1].spans[1].label, Label::Doi);
        assert!(parse_tei_bibl("<bibl><title>x</bibl>").is_err());
    }
}
