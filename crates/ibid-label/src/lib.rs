//! Field labelling: turns one citation's text into labelled fields and a
//! CSL-JSON item, with a linear-chain CRF ([`ibid_crf`]) whose model is
//! embedded in the binary.
//!
//! The pipeline: [`tokenize`] (words, numbers, punctuation marks, URLs, with
//! byte offsets) → features (hashed, see `features.rs`) → Viterbi → runs of
//! equal labels become fields, their edges normalised ([`normalise_span`]) →
//! a CSL item.
//!
//! ```
//! use ibid_model::Label;
//! let labeller = ibid_label::Labeller::embedded();
//! let text = "Taylor, A. J. P., The Origins of the Second World War (London, 1961), p. 88.";
//! let out = labeller.label(text);
//! assert_eq!(out.item.issued.as_ref().and_then(|d| d.first_year()), Some(1961));
//! let author = out.fields.iter().find(|f| f.label == Label::Author).unwrap();
//! assert!(text[author.range.clone()].starts_with("Taylor"));
//! ```
//!
//! Training and evaluation ([`train()`], [`evaluate`]) read annotated records
//! ([`parse_jsonl`], [`parse_anystyle_xml`], [`parse_tei_bibl`]); the
//! embedded model (`model/ibid-label.crf`) was trained on the six public
//! training corpora plus [`synthetic_records`] (see the repository's `BENCHMARKS.md` for
//! the command and figures). A model file records its label set and feature
//! version ([`OUTSIDE`]); [`Labeller::from_bytes`] refuses a model trained
//! with other features.
//!
//! Bad input never panics and costs linear time: only the first
//! [`MAX_TOKENS`] tokens go through the model, the rest of an overlong text
//! becomes one `other` field.

mod archival_citation;
mod archive_parts;
mod author_tail;
mod author_year_names;
mod bluebook;
mod case_report;
mod congress;
mod data;
mod debates;
mod dict;
mod eval;
mod features;
mod german_archive;
mod harmonise;
mod host;
mod imprint;
mod imprint_absent;
mod labeller;
mod law_review;
mod letter;
mod markers;
mod name_words;
mod occasion;
mod oscola_imprint;
mod output_punctuation;
#[cfg(test)]
mod path_rule_test;
mod section_volume;
mod session_law;
#[cfg(test)]
mod span_rule_test;
mod span_rules;
mod spans;
mod stray_archive_location;
mod synth;
mod title_in_author;
mod title_in_container;
mod title_years;
mod token;
mod trailing_place;
mod train;
mod unlabelled;
mod us_code;

pub use data::{parse_anystyle_xml, parse_jsonl, parse_tei_bibl, DataError, GoldSpan, TrainRecord};
pub use dict::Dict;
pub use eval::{
    evaluate, evaluate_predictions, field_values, EvalOptions, EvalReport, FieldDiff, FieldScore,
};
pub use harmonise::harmonise;
pub use ibid_crf::{Iteration, TrainOptions, TrainReport};
pub use labeller::{
    fields_from_path, model_labels, token_attributes, Labelled, LabelledSpan, Labeller, ModelError,
    MAX_TOKENS, OUTSIDE,
};
pub use spans::normalise_span;
pub use synth::synthetic_records;
pub use token::{tokenize, Token, TokenKind};
pub use train::{default_options, token_labels, train, TrainError};
