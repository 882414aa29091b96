//! The data every ibid crate shares: the notes document contract (notes,
//! citations, works, diagnostics), CSL-JSON items, field labels, and text that
//! keeps its offsets into the original input.
//!
//! This crate does no I/O and has no logic beyond its types, apart from
//! the small text helpers every stage shares ([`text`]: roman numerals;
//! [`particles`]: the particles of personal names; [`pinpoints`]: the
//! marker words of a pinpoint).
//!
//! ```
//! use ibid_model::{Item, ItemType, Name, MappedText};
//! let item = Item {
//!     item_type: ItemType::Book,
//!     author: vec![Name::person("Taylor", Some("A. J. P.".into()))],
//!     ..Item::default()
//! };
//! assert_eq!(serde_json::to_value(&item).unwrap()["type"], "book");
//! let t = MappedText::identity("8 Ibid., p. 91.", 0);
//! assert_eq!(t.slice(2..8).orig_range(0..6), 2..8);
//! ```

mod charindex;
mod csl;
mod document;
mod label;
mod mapped;
mod note;
pub mod particles;
pub mod pinpoints;
mod stage;
pub mod text;

pub use charindex::CharIndex;
pub use csl::{Date, Item, ItemType, Name};
pub use document::{
    Abbreviation, CharSpan, Citation, CitationKind, Commentary, Diagnostic, Document, Field,
    InputForm, Links, Note, Signal, Unlabelled, Work, WorkLocator,
};
pub use label::{Label, UnknownLabel};
pub use mapped::{MappedText, MappedTextBuilder};
pub use stage::{RawCitation, RawNote, StageDiagnostic};
