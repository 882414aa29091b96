//! The pipeline: runs every stage and assembles the notes document.

use ibid_ingest::{Block, IngestError, Source};
use ibid_label::Labeller;
use ibid_model::{
    CharIndex, Citation, CitationKind, Commentary, Diagnostic, Document, Field, InputForm, Item,
    Label, MappedText, Note, RawCitation, RawNote, Signal, StageDiagnostic, Unlabelled,
};
use ibid_resolve::{CitationInput, NoteInput};
use std::ops::Range;

/// Runs the pipeline with one labelling model.
///
/// A `Parser` is cheap to build and can be shared between threads.
#[derive(Debug, Clone, Copy)]
pub struct Parser<'m> {
    labeller: &'m Labeller,
}

impl Default for Parser<'static> {
    fn default() -> Self {
        Parser::new()
    }
}

impl Parser<'static> {
    /// A parser with the model embedded in the binary.
    pub fn new() -> Self {
        Parser {
            labeller: Labeller::embedded(),
        }
    }
}

/// One citation of a note, between segmentation and assembly.
struct Found {
    raw: RawCitation,
    text: String,
    fields: Vec<Field>,
    /// Byte ranges, relative to the citation, of the words outside fields.
    unlabelled: Vec<Range<usize>>,
    item: Item,
}

impl<'m> Parser<'m> {
    /// A parser with another labelling model (`--model FILE`).
    pub fn with_labeller(labeller: &'m Labeller) -> Self {
        Parser { labeller }
    }

    /// The labeller in use.
    pub fn labeller(&self) -> &'m Labeller {
        self.labeller
    }

    /// Parse a notes list or reference list given as bytes (plain text or HTML).
    ///
    /// Fails only when the bytes are not text (invalid UTF-8, binary data).
    pub fn parse_bytes(&self, input: &[u8]) -> Result<Document, IngestError> {
        let source = ibid_ingest::ingest(input)?;
        Ok(self.parse_source(&source))
    }

    /// Parse a notes list or reference list given as text (plain text or HTML).
    pub fn parse_str(&self, input: &str) -> Document {
        let source = ibid_ingest::ingest_str(input);
        self.parse_source(&source)
    }

    /// Parse one reference string into a CSL-JSON item.
    ///
    /// The string is cleaned first, as the notes of [`Parser::parse_str`]
    /// are: link debris ("Google Scholar", "CrossRef"), inline formatting
    /// tags (`<italic>…</italic>`), soft hyphens and glued sentence ends
    /// never reach the fields.
    ///
    /// ```
    /// let item = ibid::Parser::new()
    ///     .parse_reference("Taylor, A. J. P., <i>The Origins of the Second World War</i> (London, 1961).Google Scholar");
    /// assert_eq!(item.title.as_deref(), Some("The Origins of the Second World War"));
    /// assert!(item.container_title.is_none());
    /// ```
    pub fn parse_reference(&self, reference: &str) -> Item {
        let cleaned = ibid_clean::clean(&MappedText::identity(reference, 0));
        let text = cleaned.text.as_str();
        // a reference list's numbering ("[73] ", "48. ") is no part of the
        // reference, and the model reads the names after it worse
        match ibid_model::text::list_marker(text, 3) {
            Some((number, rest)) => {
                let mut item = self.labeller.label(&text[rest..]).item;
                item.custom.insert(
                    "list-number".into(),
                    serde_json::Value::String(text[number].into()),
                );
                item
            }
            None => self.labeller.label(text).item,
        }
    }

    fn parse_source(&self, source: &Source) -> Document {
        let mut stage_diags: Vec<StageDiagnostic> = source.diagnostics.clone();
        let mut form = source.form;
        let mut raw_notes: Vec<RawNote> = Vec::new();
        // per note, the fields its markup labels (none for most)
        let mut markup: Vec<&[(Label, Range<usize>)]> = Vec::new();
        for block in &source.blocks {
            let cleaned = ibid_clean::clean_with_breaks(&block.text, &block.breaks);
            if block.structured {
                raw_notes.push(note_from_block(block, &cleaned));
                markup.push(&block.fields);
            } else {
                let split = ibid_segment::split_notes(&cleaned.text, &cleaned.breaks);
                if !matches!(
                    source.form,
                    InputForm::Html | InputForm::Docx | InputForm::Xml
                ) {
                    form = split.form;
                }
                stage_diags.extend(split.diagnostics);
                raw_notes.extend(split.notes);
                markup.resize(raw_notes.len(), &[]);
            }
        }

        let found: Vec<Vec<Found>> = raw_notes
            .iter()
            .zip(&markup)
            .map(|(n, m)| match markup_citation(n, m) {
                Some(f) => vec![f],
                None => self.label_note(n),
            })
            .collect();
        let inputs: Vec<NoteInput<'_>> = raw_notes
            .iter()
            .zip(&found)
            .map(|(note, cites)| NoteInput {
                number: note.number,
                citations: cites
                    .iter()
                    .map(|c| CitationInput {
                        text: &c.text,
                        kind: c.raw.kind,
                        locator: c.raw.locator.clone().map(|r| &note.text.as_str()[r]),
                        item: &c.item,
                        defines: c.raw.defines.as_deref(),
                    })
                    .collect(),
            })
            .collect();
        let resolution = ibid_resolve::resolve(&inputs);
        drop(inputs);

        let index = CharIndex::new(&source.original);
        let mut notes = Vec::with_capacity(raw_notes.len());
        for ((raw_note, cites), resolved) in raw_notes.iter().zip(found).zip(resolution.citations) {
            let note_text = raw_note.text.as_str();
            let covered: Vec<Range<usize>> = cites
                .iter()
                .flat_map(|c| std::iter::once(c.raw.range.clone()).chain(c.raw.signal.clone()))
                .collect();
            let commentary = crate::commentary::commentary(note_text, &covered)
                .into_iter()
                .map(|r| Commentary {
                    text: note_text[r.clone()].to_string(),
                    span: index.span(raw_note.text.orig_range(r)),
                })
                .collect();
            let mut citations = Vec::with_capacity(cites.len());
            for (c, r) in cites.into_iter().zip(resolved) {
                let span = index.span(raw_note.text.orig_range(c.raw.range.clone()));
                // field spans were computed relative to the citation: map them
                let at = c.raw.range.start;
                let orig = |r: Range<usize>| {
                    index.span(raw_note.text.orig_range(at + r.start..at + r.end))
                };
                let fields = c
                    .fields
                    .into_iter()
                    .map(|mut f| {
                        f.span = orig(f.span[0]..f.span[1]);
                        f
                    })
                    .collect();
                let unlabelled = c
                    .unlabelled
                    .into_iter()
                    .map(|r| Unlabelled {
                        text: c.text[r.clone()].to_string(),
                        span: orig(r),
                    })
                    .collect();
                let locator = c
                    .raw
                    .locator
                    .map(|l| note_text[l].to_string())
                    .or(r.locator)
                    // a pinpoint the labeller's repairs found ("…, 401–28, at 410")
                    .or_else(|| {
                        r.item
                            .custom
                            .get("locator")
                            .and_then(|v| v.as_str())
                            .map(|l| as_written(&c.text, l))
                    });
                citations.push(Citation {
                    text: c.text,
                    span,
                    kind: r.kind,
                    work: r
                        .work
                        .map(|w| resolution.works[w].item.id.clone().unwrap_or_default()),
                    locator,
                    item: r.item,
                    fields,
                    unlabelled,
                    signal: c.raw.signal.clone().map(|g| Signal {
                        text: note_text[g.clone()].to_string(),
                        span: index.span(raw_note.text.orig_range(g)),
                    }),
                });
            }
            notes.push(Note {
                number: raw_note.number,
                text: note_text.to_string(),
                span: index.span(raw_note.text.orig_range(0..raw_note.text.len())),
                citations,
                commentary,
            });
        }

        let mut works = resolution.works;
        for w in &mut works {
            w.links = ibid_link::links_for(&w.item);
        }
        let diagnostics = stage_diags
            .into_iter()
            .chain(resolution.diagnostics)
            .map(|d| Diagnostic {
                note: d.note,
                code: d.code.to_string(),
                message: d.message,
                span: d.orig.map(|r| index.span(r)),
            })
            .collect();
        Document {
            form,
            notes,
            works,
            abbreviations: resolution.abbreviations,
            diagnostics,
        }
    }

    /// Split a note into citations and label each one.
    fn label_note(&self, note: &RawNote) -> Vec<Found> {
        if note.prose {
            return Vec::new();
        }
        ibid_segment::split_citations(note)
            .into_iter()
            .map(|mut raw| {
                source_lead_into_citation(note.text.as_str(), &mut raw);
                let text = note.text.as_str()[raw.range.clone()].to_string();
                let labelled = match &raw.definition {
                    // the definition phrase is no field of the work
                    Some(d) => {
                        let start = d.start.saturating_sub(raw.range.start).min(text.len());
                        let end = d
                            .end
                            .saturating_sub(raw.range.start)
                            .clamp(start, text.len());
                        self.labeller.label_excluding(&text, start..end)
                    }
                    None => self.labeller.label(&text),
                };
                let fields = document_fields(&text, &labelled);
                Found {
                    raw,
                    text,
                    fields,
                    unlabelled: labelled.unlabelled,
                    item: labelled.item,
                }
            })
            .collect()
    }
}

/// "Interview with Maria Rossi, Bologna, 3 March 1998", "Speech by Neville
/// Chamberlain, 17 March 1939": the segmenter reads "Interview with" or
/// "Speech by" as the citation's signal, but it tells what the source is;
/// the citation starts with it, and the labeller reads the interview
/// (`ibid_csl`'s interview module) or the speech (`ibid_label`'s occasion
/// rule). A cue before it stays the signal ("See also the author's
/// interview with …": "See also").
fn source_lead_into_citation(note: &str, raw: &mut RawCitation) {
    let Some(g) = raw.signal.clone() else {
        return;
    };
    let signal = note.get(g.clone()).unwrap_or("");
    let between = note.get(g.end..raw.range.start).unwrap_or("x");
    if !between.trim().is_empty() {
        return;
    }
    // the lead: the signal from one of its word starts to its end
    let starts = std::iter::once(0).chain(signal.match_indices(' ').map(|(i, _)| i + 1));
    let Some(at) = starts.filter(|&i| i < signal.len()).find(|&i| {
        ibid_csl::is_interview_lead(&signal[i..]) || ibid_csl::is_occasion_lead(&signal[i..])
    }) else {
        return;
    };
    raw.range.start = g.start + at;
    let cue = signal[..at].trim_end().trim_end_matches(',').trim_end();
    raw.signal = (!cue.is_empty()).then(|| g.start..g.start + cue.len());
}

/// The labelled spans of a citation as document fields, with byte offsets
/// relative to the citation for now (mapped to the input in `parse_source`).
fn document_fields(text: &str, labelled: &ibid_label::Labelled) -> Vec<Field> {
    labelled
        .fields
        .iter()
        .map(|f| Field {
            label: f.label,
            text: text[f.range.clone()].to_string(),
            span: [f.range.start, f.range.end],
        })
        .collect()
}

/// A reference whose markup labels its fields (a JATS `<element-citation>`,
/// a TEI `<biblStruct>`): one citation, the whole note, with those fields
/// (`fields` are ranges of the original input) instead of the model's.
fn markup_citation(note: &RawNote, fields: &[(Label, Range<usize>)]) -> Option<Found> {
    if fields.is_empty() || note.prose {
        return None;
    }
    let text = note.text.as_str();
    // each character's place in the original, in text order (the markup
    // reader writes in document order, so the starts never decrease): one
    // pass, then a binary search per field, linear in the reference
    let chars: Vec<(usize, usize, Range<usize>)> = text
        .char_indices()
        .map(|(i, c)| (i, c.len_utf8(), note.text.orig_range(i..i + c.len_utf8())))
        .collect();
    let mut spans: Vec<ibid_label::LabelledSpan> = Vec::with_capacity(fields.len());
    for (label, orig) in fields {
        // the note's characters that come from inside the field
        let mut range: Option<Range<usize>> = None;
        let from = chars.partition_point(|(_, _, o)| o.start < orig.start);
        for (i, len, o) in chars[from..]
            .iter()
            .take_while(|(_, _, o)| o.start < orig.end)
        {
            if o.end <= orig.end {
                let r = range.get_or_insert(*i..*i);
                r.end = i + len;
            }
        }
        if let Some(range) = range {
            spans.push(ibid_label::LabelledSpan {
                label: *label,
                range,
            });
        }
    }
    if spans.is_empty() {
        return None;
    }
    let labelled = ibid_label::Labelled::from_fields(text, spans);
    let fields = document_fields(text, &labelled);
    Some(Found {
        raw: RawCitation {
            range: 0..text.len(),
            kind: CitationKind::Full,
            locator: None,
            defines: None,
            definition: None,
            signal: None,
        },
        text: text.to_string(),
        fields,
        unlabelled: Vec::new(),
        item: labelled.item,
    })
}

/// A note whose boundaries the markup gave: one line of text, no number label.
fn note_from_block(block: &Block, cleaned: &ibid_clean::Cleaned) -> RawNote {
    let (text, breaks) = collapse_whitespace(&cleaned.text, &cleaned.breaks);
    RawNote {
        number: block.number,
        text,
        prose: block.prose,
        breaks,
    }
}

/// Join lines and runs of whitespace into single spaces and trim the ends,
/// keeping the map to the original and moving the break offsets along.
fn collapse_whitespace(text: &MappedText, breaks: &[usize]) -> (MappedText, Vec<usize>) {
    let s = text.as_str();
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut run: Option<usize> = None;
    let bytes = s.as_bytes();
    for (i, ch) in s.char_indices() {
        if ch.is_whitespace() {
            run.get_or_insert(i);
            continue;
        }
        if let Some(start) = run.take() {
            let at_start = start == 0;
            if at_start {
                edits.push((start..i, String::new()));
            } else if &s[start..i] != " " {
                edits.push((start..i, " ".to_string()));
            }
        }
    }
    if let Some(start) = run {
        edits.push((start..bytes.len(), String::new()));
    }
    let new_text = text.apply_edits(&edits);
    // shift breaks by the size change of the edits before them
    let new_breaks = breaks
        .iter()
        .map(|&b| {
            let mut shift: isize = 0;
            for (r, rep) in &edits {
                if r.end <= b {
                    shift += rep.len() as isize - (r.end - r.start) as isize;
                } else if r.start < b {
                    shift += rep.len() as isize - (b - r.start) as isize;
                }
            }
            (b as isize + shift).clamp(0, new_text.len() as isize) as usize
        })
        .collect();
    (new_text, new_breaks)
}

/// `locator` as `text` writes it: the repairs write a range's dash as "-"
/// ("892-97" for "892–97"); the citation's locator is the pinpoint as
/// written. `locator` itself when the text does not hold it. Linear: both
/// sides are searched with their dashes folded to "-".
fn as_written(text: &str, locator: &str) -> String {
    let is_dash = |c: char| matches!(c, '-' | '–' | '—' | '‐' | '‑');
    let fold = |s: &str| -> (String, Vec<usize>) {
        // the folded text, and for each of its bytes the offset in `s`
        let mut out = String::with_capacity(s.len());
        let mut at = Vec::with_capacity(s.len() + 1);
        for (k, c) in s.char_indices() {
            let c = if is_dash(c) { '-' } else { c };
            at.extend(std::iter::repeat_n(k, c.len_utf8()));
            out.push(c);
        }
        at.push(s.len());
        (out, at)
    };
    let (folded_text, at) = fold(text);
    let (folded_loc, _) = fold(locator);
    match folded_text.find(&folded_loc) {
        Some(start) if !folded_loc.is_empty() => {
            text[at[start]..at[start + folded_loc.len()]].to_string()
        }
        _ => locator.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn locators_keep_their_written_dash() {
        assert_eq!(
            super::as_written("Gonzalez, 2 F.4th 871, 892–97 (2021)", "892-97"),
            "892–97"
        );
        assert_eq!(super::as_written("at 12-13", "12-13"), "12-13");
        assert_eq!(super::as_written("no such", "5-6"), "5-6");
        assert_eq!(super::as_written("x", ""), "");
        assert_eq!(super::as_written("pp. 5—6, 7", "5-6"), "5—6");
        // linear on hostile input: a long run of one digit
        let text = "1".repeat(200_000);
        let loc = format!("{}-", "1".repeat(100_000));
        assert_eq!(super::as_written(&text, &loc), loc);
    }
    use super::*;

    #[test]
    fn collapse_keeps_map() {
        let t = MappedText::identity("  Taylor,\n  Origins ,  p. 9 \n", 0);
        let (c, b) = collapse_whitespace(&t, &[9]);
        assert_eq!(c.as_str(), "Taylor, Origins , p. 9");
        assert_eq!(b, vec![7]);
        let pos = c.as_str().find("Origins").unwrap();
        assert_eq!(c.orig_range(pos..pos + 7), 12..19);
    }

    #[test]
    fn kinds_reach_the_document() {
        let doc = Parser::new().parse_str("1 Ibid., p. 3.\n");
        let kinds: Vec<CitationKind> = doc.citations().map(|(_, c)| c.kind).collect();
        assert_eq!(kinds, vec![CitationKind::Ibid]);
    }

    #[test]
    fn a_reference_labelled_by_its_markup_keeps_its_fields() {
        let xml = r#"<article><back><ref-list><ref id="r1"><label>4</label><element-citation publication-type="journal"><person-group person-group-type="author"><name><surname>Smith</surname><given-names>J. A.</given-names></name></person-group><article-title>The archive &amp; the state</article-title><source>Journal of Modern History</source><year>2001</year><volume>73</volume><fpage>345</fpage><lpage>367</lpage><pub-id pub-id-type="doi">10.1086/321025</pub-id></element-citation></ref></ref-list></back></article>"#;
        let doc = Parser::new().parse_str(xml);
        let cites: Vec<&Citation> = doc.citations().map(|(_, c)| c).collect();
        assert_eq!(cites.len(), 1);
        let c = cites[0];
        assert_eq!(
            c.text,
            "Smith, J. A., The archive & the state, Journal of Modern History, 2001, 73, 345–367, 10.1086/321025"
        );
        let it = &c.item;
        assert_eq!(it.item_type, ibid_model::ItemType::ArticleJournal);
        assert_eq!(it.author[0].family.as_deref(), Some("Smith"));
        assert_eq!(it.author[0].given.as_deref(), Some("J. A."));
        assert_eq!(it.title.as_deref(), Some("The archive & the state"));
        assert_eq!(
            it.container_title.as_deref(),
            Some("Journal of Modern History")
        );
        assert_eq!(it.volume.as_deref(), Some("73"));
        assert_eq!(it.page.as_deref(), Some("345-367"));
        assert_eq!(it.doi.as_deref(), Some("10.1086/321025"));
        // each field's span points at its text in the XML
        for f in &c.fields {
            let src = &xml[f.span[0]..f.span[1]];
            let first = f
                .text
                .split(|ch: char| !ch.is_alphanumeric())
                .next()
                .unwrap();
            assert!(src.starts_with(first), "{f:?} spans {src:?}");
        }
        // a reference in plain text beside it is read by the model
        let doc = Parser::new().parse_str(
            r#"<article><back><ref-list><ref><mixed-citation>Watt, D. C., How War Came (London, 1989).</mixed-citation></ref></ref-list></back></article>"#,
        );
        let item = &doc.citations().next().unwrap().1.item;
        assert_eq!(item.title.as_deref(), Some("How War Came"));
    }

    #[test]
    fn archive_files_are_keyed_on_the_shelfmark_not_the_folio() {
        let doc = Parser::new().parse_str(
            "1 ASF, Mediceo del Principato 412, fol. 3r.\n\
             2 ASF, Mediceo del Principato 999, fol. 3r.\n\
             3 ASF, Mediceo del Principato 412, fol. 9r.\n\
             4 Bodleian Library, Oxford, MS Ashmole 1729, fol. 201r.\n\
             5 Bodleian Library, Oxford, MS Ashmole 1729, fol. 210r.\n",
        );
        let works: Vec<(Option<&str>, &[u32])> = doc
            .works
            .iter()
            .map(|w| (w.item.archive_location.as_deref(), &w.cited_in[..]))
            .collect();
        assert_eq!(
            works,
            vec![
                (Some("Mediceo del Principato 412"), &[1, 3][..]),
                (Some("Mediceo del Principato 999"), &[2][..]),
                (Some("MS Ashmole 1729"), &[4, 5][..]),
            ]
        );
    }
}
