//! The fields that a reference's own markup labels: JATS `<mixed-citation>`
//! and `<element-citation>` (`<name>`, `<article-title>`, `<source>`,
//! `<year>`, `<volume>`, `<fpage>` …) and TEI `<bibl>` and `<biblStruct>`
//! (`<author>`, `<title level="a">`, `<pubPlace>`, `<biblScope>` …).
//!
//! The reader reports where each labelled element's text starts and ends in
//! the block's text; [`MarkupFields::finish`] turns those into ranges of the
//! original document, which the pipeline uses instead of the model's labels.

use ibid_model::{Label, MappedText};
use std::ops::Range;

use super::{attr, Vocabulary};
use quick_xml::events::BytesStart;

/// The fields of one entry as its elements open and close.
#[derive(Debug, Default)]
pub(super) struct MarkupFields {
    /// (label, range in the block's text), in document order.
    fields: Vec<(Label, Range<usize>)>,
    /// The field being read: its label, element depth and text start.
    open: Option<(Label, usize, usize)>,
    /// The role a JATS `<person-group>` gives its names, and its depth.
    group: Option<(Label, usize)>,
    /// The label of the last TEI `<title>`, which a subtitle shares.
    last_title: Option<Label>,
}

impl MarkupFields {
    /// An element of the entry opens at `depth`, with the block's text
    /// `text_len` bytes long so far.
    pub(super) fn start(
        &mut self,
        v: Vocabulary,
        e: &BytesStart<'_>,
        stack: &[Vec<u8>],
        text_len: usize,
    ) {
        let depth = stack.len();
        let name = e.local_name();
        let name = name.as_ref();
        if v == Vocabulary::Jats && name == b"person-group" {
            let role = match attr(e, b"person-group-type").as_deref() {
                Some("editor" | "compiler" | "guest-editor") => Label::Editor,
                Some("translator") => Label::Translator,
                _ => Label::Author,
            };
            self.group = Some((role, depth));
            return;
        }
        if self.open.is_some() {
            return;
        }
        let label = match v {
            Vocabulary::Jats => self.jats_label(name, e),
            Vocabulary::Tei => {
                let label = tei_label(name, e, stack);
                if name == b"title" {
                    let sub = attr(e, b"type").as_deref() == Some("sub");
                    match (sub, self.last_title) {
                        (true, Some(main)) => return self.open_field(main, depth, text_len),
                        _ => self.last_title = label,
                    }
                }
                label
            }
        };
        if let Some(label) = label {
            self.open_field(label, depth, text_len);
        }
    }

    fn open_field(&mut self, label: Label, depth: usize, text_len: usize) {
        self.open = Some((label, depth, text_len));
    }

    /// True when an element of this name would open a field now: the
    /// reader writes any separator due before it, so the field starts at
    /// its first character.
    pub(super) fn opens_field(&self, v: Vocabulary, e: &BytesStart<'_>, stack: &[Vec<u8>]) -> bool {
        let name = e.local_name();
        let name = name.as_ref();
        self.open.is_none()
            && match v {
                Vocabulary::Jats => self.jats_label(name, e).is_some(),
                Vocabulary::Tei => tei_label(name, e, stack).is_some(),
            }
    }

    /// An element closes; `depth` is the depth it had when it opened.
    pub(super) fn end(&mut self, depth: usize, text_len: usize) {
        if let Some((label, d, start)) = self.open {
            if d == depth {
                self.open = None;
                if text_len > start {
                    self.fields.push((label, start..text_len));
                }
            }
        }
        if self.group.is_some_and(|(_, d)| d == depth) {
            self.group = None;
        }
    }

    fn jats_label(&self, name: &[u8], e: &BytesStart<'_>) -> Option<Label> {
        Some(match name {
            b"name" | b"string-name" | b"collab" | b"name-alternatives" => {
                self.group.map_or(Label::Author, |(l, _)| l)
            }
            b"article-title" | b"chapter-title" | b"part-title" => Label::Title,
            b"source" => Label::ContainerTitle,
            b"series" => Label::CollectionTitle,
            b"year" | b"date" => Label::Date,
            b"volume" => Label::Volume,
            b"issue" => Label::Issue,
            b"fpage" | b"lpage" | b"page-range" | b"elocation-id" => Label::Pages,
            b"publisher-name" | b"institution" => Label::Publisher,
            b"publisher-loc" => Label::Location,
            b"edition" => Label::Edition,
            b"isbn" => Label::Isbn,
            b"uri" | b"ext-link" => Label::Url,
            b"comment" => Label::Note,
            b"pub-id" | b"object-id" => match attr(e, b"pub-id-type").as_deref() {
                Some("doi") => Label::Doi,
                Some("isbn") => Label::Isbn,
                _ => return None,
            },
            _ => return None,
        })
    }

    /// The fields as ranges of the original document, when the markup
    /// labels enough of the reference to stand for it (a title and one
    /// more field); otherwise none, and the model labels the text.
    ///
    /// A `<source>` with no article or chapter title is the title itself
    /// (a book); the first and last page, and a title and its subtitle,
    /// become one range.
    pub(super) fn finish(mut self, text: &MappedText) -> Vec<(Label, Range<usize>)> {
        let s = text.as_str();
        // trim white space off each range
        for (_, r) in &mut self.fields {
            let piece = &s[r.clone()];
            let lead = piece.len() - piece.trim_start().len();
            let trail = piece.len() - piece.trim_end().len();
            *r = (r.start + lead)..(r.end - trail).max(r.start + lead);
        }
        self.fields.retain(|(_, r)| !r.is_empty());
        // "345", "–", "367" (or a title and its subtitle): one range over
        // the punctuation between
        let mut merged: Vec<(Label, Range<usize>)> = Vec::with_capacity(self.fields.len());
        for (label, r) in self.fields {
            if let Some((l, last)) = merged.last_mut() {
                let gap = s.get(last.end..r.start).unwrap_or("x");
                // pages, or a title and its subtitle
                if *l == label
                    && matches!(label, Label::Pages | Label::Title | Label::ContainerTitle)
                    && gap.chars().all(|c| !c.is_alphanumeric())
                {
                    last.end = r.end;
                    continue;
                }
            }
            merged.push((label, r));
        }
        if !merged.iter().any(|(l, _)| *l == Label::Title) {
            if let Some(f) = merged.iter_mut().find(|(l, _)| *l == Label::ContainerTitle) {
                f.0 = Label::Title;
            }
        }
        let titled = merged.iter().any(|(l, _)| *l == Label::Title);
        if !titled || merged.len() < 2 {
            return Vec::new();
        }
        merged
            .into_iter()
            .map(|(l, r)| (l, text.orig_range(r)))
            .collect()
    }
}

/// A TEI element's field: `<author>`, `<editor>`, `<title>` (by its level
/// and by where it stands: `<analytic>`, `<monogr>`, `<series>`),
/// `<pubPlace>`, `<publisher>`, `<date>`, `<biblScope>`, `<idno>` …
fn tei_label(name: &[u8], e: &BytesStart<'_>, stack: &[Vec<u8>]) -> Option<Label> {
    let within = |n: &[u8]| stack.iter().any(|s| s.as_slice() == n);
    Some(match name {
        b"author" => Label::Author,
        b"editor" => match attr(e, b"role").as_deref() {
            Some("translator" | "trl") => Label::Translator,
            _ => Label::Editor,
        },
        b"title" => {
            if within(b"series") {
                Label::CollectionTitle
            } else if within(b"analytic") {
                Label::Title
            } else if within(b"monogr") {
                Label::ContainerTitle
            } else {
                match attr(e, b"level").as_deref() {
                    Some("j" | "m") => Label::ContainerTitle,
                    Some("s") => Label::CollectionTitle,
                    _ => Label::Title,
                }
            }
        }
        b"pubPlace" => Label::Location,
        b"publisher" => Label::Publisher,
        b"date" => Label::Date,
        b"edition" => Label::Edition,
        b"biblScope" | b"citedRange" => {
            match attr(e, b"unit").or_else(|| attr(e, b"type")).as_deref() {
                Some("volume" | "vol") => Label::Volume,
                Some("issue" | "number" | "no") => Label::Issue,
                Some("page" | "pp" | "pages") => Label::Pages,
                _ => return None,
            }
        }
        b"idno" => match attr(e, b"type")
            .as_deref()
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("doi") => Label::Doi,
            Some("isbn") => Label::Isbn,
            Some("url" | "uri") => Label::Url,
            _ => return None,
        },
        _ => return None,
    })
}
