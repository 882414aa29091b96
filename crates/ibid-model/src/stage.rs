//! Intermediate results handed from one pipeline stage to the next.
//!
//! Stages speak byte ranges of their own texts; the facade turns them into
//! code-point spans of the original input at the end ([`crate::CharIndex`]).

use crate::document::CitationKind;
use crate::mapped::MappedText;
use std::ops::Range;

/// A diagnostic found by a stage, with a byte range of the original input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageDiagnostic {
    pub note: Option<u32>,
    pub code: &'static str,
    pub message: String,
    pub orig: Option<Range<usize>>,
}

/// One note (or reference-list entry) found in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawNote {
    /// The note number as written; `None` for prose blocks or unnumbered entries.
    pub number: Option<u32>,
    /// The note text without its number label, mapped to the original input.
    pub text: MappedText,
    /// True for blocks that are not notes (headings, acknowledgments outside notes).
    pub prose: bool,
    /// Byte offsets in `text` where a hard citation boundary stands (where link
    /// debris such as "Google Scholar" was removed).
    pub breaks: Vec<usize>,
}

/// One citation found inside a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawCitation {
    /// Byte range in the note's (cleaned) text.
    pub range: Range<usize>,
    pub kind: CitationKind,
    /// Byte range of the pinpoint locator in the note's text ("p. 91").
    pub locator: Option<Range<usize>>,
    /// An abbreviation this citation defines ("hereafter cited as X").
    pub defines: Option<String>,
    /// Byte range in the note's text of the phrase that defines it
    /// ("(hereafter cited as D.G.F.P.)"): not a field of the cited work.
    pub definition: Option<Range<usize>>,
    /// Byte range in the note's text of the words that introduce the
    /// citation ("See, for example,", "Vgl.", "For discussion, see"): before
    /// `range`, after the previous citation.
    pub signal: Option<Range<usize>>,
}
