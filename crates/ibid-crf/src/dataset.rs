//! Training data: sequences of attribute ids with their gold labels.

use crate::attrs::AttrSeq;
use crate::hash::fix_key;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Default)]
pub(crate) struct PreHashed(u64);

impl Hasher for PreHashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }
}

pub(crate) type PreHashedMap<V> = HashMap<u64, V, BuildHasherDefault<PreHashed>>;

/// One training sequence, attributes interned to ids.
#[derive(Debug, Clone, Default)]
pub(crate) struct Seq {
    pub attrs: Vec<u32>,
    pub ends: Vec<u32>,
    pub labels: Vec<u16>,
    /// Transition class of every item.
    pub classes: Vec<u8>,
}

/// Why a training sequence was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DataError {
    #[error("sequence has {items} items but {labels} labels")]
    LengthMismatch { items: usize, labels: usize },
    #[error("label id {label} out of range ({labels} labels)")]
    LabelOutOfRange { label: u16, labels: usize },
    #[error("{0} labels: a model holds 1..=256")]
    LabelCount(usize),
    #[error("too many attribute occurrences for 32-bit offsets")]
    TooLarge,
}

/// A training set: label names and labelled sequences of attribute hashes.
///
/// ```
/// use ibid_crf::{AttrSeq, Dataset};
/// let mut data = Dataset::new(vec!["A".into(), "B".into()]).unwrap();
/// let mut seq = AttrSeq::default();
/// seq.push(1);
/// seq.end_item();
/// data.push(&seq, &[0]).unwrap();
/// assert_eq!(data.len(), 1);
/// ```
#[derive(Debug, Clone)]
pub struct Dataset {
    pub(crate) labels: Vec<String>,
    pub(crate) ids: PreHashedMap<u32>,
    pub(crate) hashes: Vec<u64>,
    pub(crate) counts: Vec<u32>,
    pub(crate) seqs: Vec<Seq>,
}

impl Dataset {
    /// An empty training set over these labels (1 to 256 of them).
    pub fn new(labels: Vec<String>) -> Result<Dataset, DataError> {
        if labels.is_empty() || labels.len() > 256 {
            return Err(DataError::LabelCount(labels.len()));
        }
        Ok(Dataset {
            labels,
            ids: PreHashedMap::default(),
            hashes: Vec::new(),
            counts: Vec::new(),
            seqs: Vec::new(),
        })
    }

    /// Adds one sequence with one gold label id per item.
    pub fn push(&mut self, seq: &AttrSeq, labels: &[u16]) -> Result<(), DataError> {
        if seq.len() != labels.len() {
            return Err(DataError::LengthMismatch {
                items: seq.len(),
                labels: labels.len(),
            });
        }
        if let Some(&bad) = labels.iter().find(|&&y| y as usize >= self.labels.len()) {
            return Err(DataError::LabelOutOfRange {
                label: bad,
                labels: self.labels.len(),
            });
        }
        let mut s = Seq {
            attrs: Vec::with_capacity(seq.items().map(<[u64]>::len).sum()),
            ends: Vec::with_capacity(seq.len()),
            labels: labels.to_vec(),
            classes: (0..seq.len()).map(|t| seq.class(t)).collect(),
        };
        for item in seq.items() {
            for &h in item {
                let h = fix_key(h);
                let next = self.hashes.len() as u32;
                let id = *self.ids.entry(h).or_insert(next);
                if id == next {
                    self.hashes.push(h);
                    self.counts.push(0);
                }
                self.counts[id as usize] = self.counts[id as usize].saturating_add(1);
                s.attrs.push(id);
            }
            let end = u32::try_from(s.attrs.len()).map_err(|_| DataError::TooLarge)?;
            s.ends.push(end);
        }
        self.seqs.push(s);
        Ok(())
    }

    /// Number of sequences.
    pub fn len(&self) -> usize {
        self.seqs.len()
    }
    /// True when there is no sequence.
    pub fn is_empty(&self) -> bool {
        self.seqs.is_empty()
    }
    /// Number of distinct attributes seen.
    pub fn num_attributes(&self) -> usize {
        self.hashes.len()
    }
    /// Number of items (tokens) over all sequences.
    pub fn num_items(&self) -> usize {
        self.seqs.iter().map(|s| s.labels.len()).sum()
    }
    /// The label names.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }
}
