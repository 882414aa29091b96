//! A small, domain-free linear-chain conditional random field.
//!
//! - **Training**: L-BFGS with L2 (and L1 through OWL-QN), CRFsuite-style
//!   scaled forward-backward, the gradient computed over fixed chunks of
//!   sequences in parallel (rayon) and summed in a fixed order, so a run is
//!   bit-for-bit reproducible whatever the number of threads.
//! - **Features** are attributes (any `u64`, usually a hash of a feature name
//!   made with [`AttrHasher`]) paired with labels: every (attribute, label)
//!   pair seen in the gold data gets a weight, plus one weight per label
//!   transition. With [`TrainOptions::class_transitions`], the label
//!   transitions get a matrix per item *transition class*
//!   ([`AttrSeq::end_item_in`]: what separates an item from the one before).
//! - **Models** serialise to a compact, versioned, checksummed little-endian
//!   format ([`Model::to_bytes`], [`Model::from_bytes`]); loading validates
//!   everything and returns a [`ModelError`] rather than panicking.
//! - **Tagging** ([`Model::tag`]) looks each attribute up in an
//!   open-addressing table built at load time and runs Viterbi in reusable
//!   [`Scratch`] buffers: no allocation per call.
//!
//! ```
//! use ibid_crf::{AttrHasher, AttrSeq, Dataset, Model, Scratch, TrainOptions};
//!
//! fn attrs(words: &[&str]) -> AttrSeq {
//!     let mut seq = AttrSeq::default();
//!     for w in words {
//!         let mut h = AttrHasher::new(0);
//!         h.write_str(w);
//!         seq.push(h.finish());
//!         let mut h = AttrHasher::new(1); // a shape feature
//!         h.write_u64(w.chars().all(|c| c.is_ascii_digit()) as u64);
//!         seq.push(h.finish());
//!         seq.end_item();
//!     }
//!     seq
//! }
//! let mut data = Dataset::new(vec!["name".into(), "year".into()]).unwrap();
//! data.push(&attrs(&["Smith", "1999"]), &[0, 1]).unwrap();
//! data.push(&attrs(&["Jones", "2004"]), &[0, 1]).unwrap();
//! let (model, _report) = ibid_crf::train(&data, &TrainOptions::default(), |_| {}).unwrap();
//! let model = Model::from_bytes(&model.to_bytes()).unwrap();
//! let mut out = Vec::new();
//! model.tag(&attrs(&["Brown", "1871"]), &mut Scratch::default(), &mut out);
//! assert_eq!(out, [0, 1]);
//! ```

mod attrs;
mod dataset;
mod format;
mod hash;
mod lanes;
mod lbfgs;
mod model;
mod objective;
mod train;

pub use attrs::AttrSeq;
pub use dataset::{DataError, Dataset};
#[doc(hidden)]
pub use format::fix_checksum;
pub use format::{ModelError, MAGIC, VERSION};
pub use hash::{combine, mix64, AttrHasher};
pub use lbfgs::{Iteration, StopReason};
pub use model::{Model, Scratch};
pub use train::{train, TrainError, TrainOptions, TrainReport};
