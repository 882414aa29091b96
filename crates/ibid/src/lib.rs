//! ibid reads the notes and reference lists of scholarly writing and turns them
//! into linked, structured citations.
//!
//! The pipeline is ingest → clean → segment → label → resolve → link → emit;
//! this crate runs it and re-exports the types of the document it produces.
//! Parsing never fails once the input is text: problems become
//! [`Diagnostic`]s in the document.
//!
//! ```
//! let notes = "7 Documents on German Foreign Policy, Series C, Vol. II (hereafter cited as \
//! D.G.F.P.), Doc. No. 45; see also Taylor, A. J. P., The Origins of the Second World War \
//! (London, 1961), p. 88.\n8 Ibid., p. 91.\n";
//! let doc = ibid::Parser::new().parse_str(notes);
//! assert_eq!(doc.notes.len(), 2);
//! assert_eq!(doc.notes[0].number, Some(7));
//! assert_eq!(doc.notes[0].citations.len(), 2);
//! let ibid_cite = &doc.notes[1].citations[0];
//! assert_eq!(ibid_cite.kind, ibid::CitationKind::Ibid);
//! assert_eq!(ibid_cite.locator.as_deref(), Some("p. 91"));
//!
//! // One reference string to one CSL-JSON item:
//! let item = ibid::Parser::new().parse_reference("Taylor, A. J. P., The Origins of the Second World War (London, 1961).");
//! assert_eq!(item.issued.and_then(|d| d.first_year()), Some(1961));
//! ```

mod commentary;
mod note_eval;
mod pipeline;
pub mod score;

pub use ibid_ingest::IngestError;
pub use ibid_label::{Labelled, Labeller};
pub use ibid_model::{
    Abbreviation, CharSpan, Citation, CitationKind, Date, Diagnostic, Document, Field, InputForm,
    Item, ItemType, Label, Links, Name, Note, Work, WorkLocator,
};
pub use note_eval::{drop_note_number, evaluate_notes, note_fields};
pub use pipeline::Parser;
