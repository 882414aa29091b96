//! The notes document: what `ibid parse` emits and every later part reads.
//!
//! Spans are `[start, end)` in Unicode scalar values (code points, Python `str`
//! indices) of the original input, end exclusive.

use crate::csl::Item;
use crate::label::Label;
use serde::{Deserialize, Serialize};

/// `[start, end)` in code points of the original input.
pub type CharSpan = [usize; 2];

/// What a citation is: a full reference or a pointer back to one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CitationKind {
    /// A reference that names its work in full (or as fully as the note does).
    Full,
    /// "Ibid.", "ebd.", "ivi", "Id." …: the previous citation.
    Ibid,
    /// A short form: author + short title, title alone, "op. cit.", "a.a.O." …
    Short,
    /// An abbreviation defined earlier or well known ("D.G.F.P. C/II").
    Abbreviation,
    /// "cited in note 24", "see n. 7", "supra n. 5".
    CrossReference,
}

impl CitationKind {
    /// The contract spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            CitationKind::Full => "full",
            CitationKind::Ibid => "ibid",
            CitationKind::Short => "short",
            CitationKind::Abbreviation => "abbreviation",
            CitationKind::CrossReference => "cross-reference",
        }
    }
}

/// The form of input that was detected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum InputForm {
    /// Numbered notes (footnotes or endnotes) in plain text.
    #[default]
    NumberedNotes,
    /// A reference list without numbers.
    ReferenceList,
    /// An HTML page.
    Html,
    /// A Word document (`.docx`): its footnotes, endnotes or body.
    Docx,
    /// A JATS or TEI XML document: its notes and reference entries.
    Xml,
    /// One reference per record (`ibid refs`).
    References,
}

/// A labelled field of a citation: where in the original input it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    pub label: Label,
    pub text: String,
    pub span: CharSpan,
}

/// Words of a citation that no field holds and that are more than link or
/// stop words ("in particolare" in "…(1985), in particolare 112–18"). The
/// labeller keeps them so that no content is lost silently; the same text is
/// also in the item's `note`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unlabelled {
    pub text: String,
    pub span: CharSpan,
}

/// One citation inside a note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    pub text: String,
    pub span: CharSpan,
    pub kind: CitationKind,
    /// The id of the work in [`Document::works`] this citation refers to.
    pub work: Option<String>,
    /// The pinpoint ("p. 91", "Doc. No. 45") this citation gives.
    pub locator: Option<String>,
    /// CSL-JSON fields of this citation (for resolved back-references, the
    /// work's fields plus the citation's own locator).
    pub item: Item,
    /// The labelled fields of the citation text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
    /// The citation's words outside every field that are more than link or
    /// stop words (see [`Unlabelled`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unlabelled: Vec<Unlabelled>,
    /// The words that introduce the citation in its note ("See, for
    /// example,", "Compare", "Vgl.", "For discussion, see"): not part of the
    /// citation's text, kept so that a re-rendered note keeps them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signal: Option<Signal>,
}

/// A citation's signal (see [`Citation::signal`]), with its span in the
/// input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signal {
    pub text: String,
    pub span: CharSpan,
}

/// A run of a note's own prose (see [`Note::commentary`]), with its span in
/// the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commentary {
    pub text: String,
    pub span: CharSpan,
}

/// One note (or one entry of a reference list).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// The note number; for unnumbered lists the 1-based position; `null` for
    /// prose blocks between notes (headings, acknowledgments outside notes).
    pub number: Option<u32>,
    /// The cleaned text of the note (debris removed, line breaks joined).
    pub text: String,
    pub span: CharSpan,
    pub citations: Vec<Citation>,
    /// The note's own prose: each run of its text outside every citation
    /// and signal that holds two words or more ("This was particularly the
    /// case in the United States.", "Siegel presents a valuable study of
    /// …"), without the spaces and separators around it; a note without
    /// citations is one run. Left out of the JSON when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commentary: Vec<Commentary>,
}

/// A distinct work cited in the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Work {
    /// The CSL item of the work; `item.id` is the work id ("w1", …).
    #[serde(flatten)]
    pub item: Item,
    /// Note numbers citing the work, in order, without repeats.
    pub cited_in: Vec<u32>,
    /// Each citing note's locator.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub locators: Vec<WorkLocator>,
    /// Where to find the work: search and resolver URLs.
    #[serde(default, skip_serializing_if = "Links::is_empty")]
    pub links: Links,
}

/// Search and resolver URLs for a work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Links {
    /// A Google Scholar search built from author, title and year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub google_scholar: Option<String>,
    /// A WorldCat search (books).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub worldcat: Option<String>,
    /// `https://doi.org/…` when a DOI is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
}

impl Links {
    /// True when no link is known.
    pub fn is_empty(&self) -> bool {
        self.google_scholar.is_none() && self.worldcat.is_none() && self.doi.is_none()
    }
}

/// A note's pinpoint into a work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkLocator {
    pub note: u32,
    pub locator: String,
}

/// A short form defined in the notes ("hereafter cited as D.G.F.P.").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Abbreviation {
    pub short: String,
    pub long: String,
    pub note: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work: Option<String>,
}

/// Something the parser noticed and could not settle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The note the diagnostic is about, when there is one.
    pub note: Option<u32>,
    /// A stable machine-readable code (`note-number-skipped`, `ambiguous-ibid`, …).
    pub code: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<CharSpan>,
}

/// The whole result of parsing a notes list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Document {
    pub form: InputForm,
    pub notes: Vec<Note>,
    pub works: Vec<Work>,
    pub abbreviations: Vec<Abbreviation>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// Iterate over every citation with the note it belongs to.
    pub fn citations(&self) -> impl Iterator<Item = (&Note, &Citation)> {
        self.notes
            .iter()
            .flat_map(|n| n.citations.iter().map(move |c| (n, c)))
    }
}
