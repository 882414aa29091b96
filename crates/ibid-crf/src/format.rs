//! The binary model format (little-endian), version 2 (version 1, which
//! a model with one transition matrix is still written as, lacks the
//! class count and has `K` = 1):
//!
//! | bytes | content |
//! |---|---|
//! | 8 | magic `IBIDCRF\0` |
//! | 4 | format version (1 or 2) |
//! | 4 | number of labels `L` (1..=256) |
//! | 4 | number of attributes `A` |
//! | 4 | number of features `F` |
//! | 8 | checksum of everything after the header |
//! | 4 | version 2 only: number of transition classes `K` (2..=256) |
//! | … | `L` labels: u16 byte length + UTF-8 |
//! | 4·K·L² | transition weights, f32, a matrix per class, row = previous label |
//! | 12·A | attributes: u64 hash (strictly ascending, non-zero) + u32 feature count |
//! | 5·F | features: u8 label + f32 weight, grouped by attribute |
//!
//! Loading checks every count, bound, order and float before trusting it and
//! reports a typed [`ModelError`]; it never panics on a corrupt file.

use crate::hash::{fix_key, mix64};
use crate::model::{Feat, Model};

/// The file's first eight bytes.
pub const MAGIC: [u8; 8] = *b"IBIDCRF\0";
/// The newest format version this crate reads and writes (it also reads
/// and writes version 1, for models with one transition matrix).
pub const VERSION: u32 = 2;
const HEADER: usize = 32;

/// Why a model file could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    #[error("not an ibid CRF model (bad magic bytes)")]
    BadMagic,
    #[error("unsupported model format version {0} (this build reads 1 to {VERSION})")]
    UnsupportedVersion(u32),
    #[error("model file is truncated (needed {needed} bytes at offset {offset})")]
    Truncated { offset: usize, needed: usize },
    #[error("model checksum mismatch: the file is corrupt")]
    Checksum,
    #[error("model has {0} labels (must be 1..=256)")]
    LabelCount(u32),
    #[error("model has {0} transition classes (must be 2..=256 in version 2)")]
    ClassCount(u32),
    #[error("label {0} is not valid UTF-8")]
    LabelUtf8(usize),
    #[error("attribute table is not strictly ascending at entry {0}")]
    AttributeOrder(usize),
    #[error("attribute {0} has no features")]
    EmptyAttribute(usize),
    #[error("feature counts add up to {found}, header says {expected}")]
    FeatureCount { expected: u64, found: u64 },
    #[error("feature {index} has label {label}, but the model has {labels} labels")]
    LabelOutOfRange {
        index: usize,
        label: u32,
        labels: u32,
    },
    #[error("weight {0} is not finite")]
    NonFinite(usize),
    #[error("{0} trailing bytes after the model")]
    TrailingBytes(usize),
}

/// Writes the checksum a model file's header must hold for its body
/// (for fuzzing the loader past the checksum; files shorter than the
/// header are left alone).
#[doc(hidden)]
pub fn fix_checksum(file: &mut [u8]) {
    if file.len() >= HEADER {
        let sum = checksum(&file[HEADER..]);
        file[24..32].copy_from_slice(&sum.to_le_bytes());
    }
}

/// Checksum of the body: a word-wise FxHash-style hash with a final mix.
fn checksum(bytes: &[u8]) -> u64 {
    let mut h: u64 = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    for &b in chunks.remainder() {
        h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    mix64(h)
}

impl Model {
    /// Serialises the model (see the module docs for the layout).
    pub fn to_bytes(&self) -> Vec<u8> {
        let l = self.labels.len();
        let mut body = Vec::with_capacity(
            4 + self.trans.len() * 4 + self.attrs.len() * 12 + self.feats.len() * 5,
        );
        let version: u32 = if self.classes > 1 { 2 } else { 1 };
        if version == 2 {
            body.extend_from_slice(&(self.classes as u32).to_le_bytes());
        }
        for name in &self.labels {
            let b = name.as_bytes();
            let n = b.len().min(u16::MAX as usize);
            body.extend_from_slice(&(n as u16).to_le_bytes());
            body.extend_from_slice(&b[..n]);
        }
        for w in &self.trans {
            body.extend_from_slice(&w.to_le_bytes());
        }
        for &(h, _, len) in &self.attrs {
            body.extend_from_slice(&h.to_le_bytes());
            body.extend_from_slice(&len.to_le_bytes());
        }
        for &(_, start, len) in &self.attrs {
            for f in &self.feats[start as usize..(start + len) as usize] {
                body.push(f.label as u8);
                body.extend_from_slice(&f.weight.to_le_bytes());
            }
        }
        let mut out = Vec::with_capacity(HEADER + body.len());
        out.extend_from_slice(&MAGIC);
        out.extend_from_slice(&version.to_le_bytes());
        out.extend_from_slice(&(l as u32).to_le_bytes());
        out.extend_from_slice(&(self.attrs.len() as u32).to_le_bytes());
        out.extend_from_slice(&(self.feats.len() as u32).to_le_bytes());
        out.extend_from_slice(&checksum(&body).to_le_bytes());
        out.extend_from_slice(&body);
        out
    }

    /// Loads and validates a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(8)? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let version = r.u32()?;
        if !(1..=VERSION).contains(&version) {
            return Err(ModelError::UnsupportedVersion(version));
        }
        let l = r.u32()?;
        let a = r.u32()? as usize;
        let f = r.u32()? as usize;
        let sum = r.u64()?;
        if !(1..=256).contains(&l) {
            return Err(ModelError::LabelCount(l));
        }
        if checksum(&bytes[HEADER.min(bytes.len())..]) != sum {
            // distinguish a short file from a damaged one
            let needed = (l as usize * l as usize * 4)
                .saturating_add(if version == 2 { 4 } else { 0 })
                .saturating_add(a.saturating_mul(12))
                .saturating_add(f.saturating_mul(5));
            if bytes.len() < HEADER.saturating_add(needed) {
                return Err(ModelError::Truncated {
                    offset: bytes.len(),
                    needed: HEADER.saturating_add(needed) - bytes.len(),
                });
            }
            return Err(ModelError::Checksum);
        }
        let classes = if version == 2 {
            let k = r.u32()?;
            if !(2..=256).contains(&k) {
                return Err(ModelError::ClassCount(k));
            }
            k as usize
        } else {
            1
        };
        let l = l as usize;
        let mut labels = Vec::with_capacity(l);
        for i in 0..l {
            let n = r.u16()? as usize;
            let s = std::str::from_utf8(r.take(n)?).map_err(|_| ModelError::LabelUtf8(i))?;
            labels.push(s.to_string());
        }
        let tb = r.take(classes * l * l * 4)?;
        let mut trans = Vec::with_capacity(classes * l * l);
        for (i, c) in tb.chunks_exact(4).enumerate() {
            let w = f32::from_le_bytes([c[0], c[1], c[2], c[3]]);
            if !w.is_finite() {
                return Err(ModelError::NonFinite(i));
            }
            trans.push(w);
        }
        let ab = r.take(a.checked_mul(12).ok_or(ModelError::Truncated {
            offset: r.pos,
            needed: usize::MAX,
        })?)?;
        let mut attrs = Vec::with_capacity(a);
        let mut total: u64 = 0;
        let mut prev = 0u64;
        for (i, c) in ab.chunks_exact(12).enumerate() {
            let mut hb = [0u8; 8];
            hb.copy_from_slice(&c[..8]);
            let h = u64::from_le_bytes(hb);
            let n = u32::from_le_bytes([c[8], c[9], c[10], c[11]]);
            if h == 0 || (i > 0 && h <= prev) {
                return Err(ModelError::AttributeOrder(i));
            }
            if n == 0 {
                return Err(ModelError::EmptyAttribute(i));
            }
            prev = h;
            attrs.push((h, total as u32, n));
            total += u64::from(n);
            if total > f as u64 {
                break;
            }
        }
        if total != f as u64 {
            return Err(ModelError::FeatureCount {
                expected: f as u64,
                found: total,
            });
        }
        let fb = r.take(f.checked_mul(5).ok_or(ModelError::Truncated {
            offset: r.pos,
            needed: usize::MAX,
        })?)?;
        let mut feats = Vec::with_capacity(f);
        for (i, c) in fb.chunks_exact(5).enumerate() {
            let label = u32::from(c[0]);
            if label as usize >= l {
                return Err(ModelError::LabelOutOfRange {
                    index: i,
                    label,
                    labels: l as u32,
                });
            }
            let weight = f32::from_le_bytes([c[1], c[2], c[3], c[4]]);
            if !weight.is_finite() {
                return Err(ModelError::NonFinite(classes * l * l + i));
            }
            feats.push(Feat { weight, label });
        }
        if r.pos != bytes.len() {
            return Err(ModelError::TrailingBytes(bytes.len() - r.pos));
        }
        debug_assert!(attrs.iter().all(|x| fix_key(x.0) == x.0));
        Ok(Model::assemble(labels, trans, attrs, feats))
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        match end {
            Some(e) => {
                let s = &self.bytes[self.pos..e];
                self.pos = e;
                Ok(s)
            }
            None => Err(ModelError::Truncated {
                offset: self.pos,
                needed: n,
            }),
        }
    }
    fn u16(&mut self) -> Result<u16, ModelError> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        let b = self.take(8)?;
        let mut w = [0u8; 8];
        w.copy_from_slice(b);
        Ok(u64::from_le_bytes(w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::{toy_model, toy_model_in};
    use crate::{AttrSeq, Scratch};

    #[test]
    fn round_trip_is_exact() {
        for classes in [1, 3] {
            round_trip(&toy_model_in(4, 3, classes));
        }
        // one matrix: the version-1 layout, as before transition classes
        assert_eq!(toy_model(4, 3).to_bytes()[8..12], 1u32.to_le_bytes());
        assert_eq!(toy_model_in(4, 3, 3).to_bytes()[8..12], 2u32.to_le_bytes());
    }

    fn round_trip(m: &Model) {
        let bytes = m.to_bytes();
        let back = Model::from_bytes(&bytes).unwrap();
        assert_eq!(back.labels(), m.labels());
        assert_eq!(back.num_features(), m.num_features());
        assert_eq!(back.to_bytes(), bytes);
        let mut seq = AttrSeq::default();
        for t in 0..7u64 {
            seq.push(1 + t % 6);
            seq.end_item_in((t % 4) as u8);
        }
        let (mut a, mut b) = (Vec::new(), Vec::new());
        m.tag(&seq, &mut Scratch::default(), &mut a);
        back.tag(&seq, &mut Scratch::default(), &mut b);
        assert_eq!(a, b);
    }

    #[test]
    fn corrupt_files_are_errors() {
        corrupt_file_checks(toy_model(3, 9).to_bytes());
        let v2 = toy_model_in(3, 9, 2).to_bytes();
        corrupt_file_checks(v2.clone());
        // a version-2 class count out of range, behind a valid checksum
        let mut v = v2;
        v[HEADER..HEADER + 4].copy_from_slice(&1u32.to_le_bytes());
        let sum = checksum(&v[HEADER..]);
        v[24..32].copy_from_slice(&sum.to_le_bytes());
        assert_eq!(
            Model::from_bytes(&v).unwrap_err(),
            ModelError::ClassCount(1)
        );
    }

    fn corrupt_file_checks(bytes: Vec<u8>) {
        assert_eq!(
            Model::from_bytes(b"").unwrap_err(),
            ModelError::Truncated {
                offset: 0,
                needed: 8
            }
        );
        assert_eq!(
            Model::from_bytes(b"NOTAMODELFILE").unwrap_err(),
            ModelError::BadMagic
        );
        let mut v = bytes.clone();
        v[8] = 9;
        assert_eq!(
            Model::from_bytes(&v).unwrap_err(),
            ModelError::UnsupportedVersion(9)
        );
        let mut v = bytes.clone();
        v[12..16].copy_from_slice(&0u32.to_le_bytes());
        assert_eq!(
            Model::from_bytes(&v).unwrap_err(),
            ModelError::LabelCount(0)
        );
        // flipping any single body byte is caught
        for i in HEADER..bytes.len() {
            let mut v = bytes.clone();
            v[i] ^= 0x5a;
            assert!(Model::from_bytes(&v).is_err(), "byte {i}");
        }
        // every truncation is caught
        for n in 0..bytes.len() {
            assert!(Model::from_bytes(&bytes[..n]).is_err(), "len {n}");
        }
        let mut v = bytes.clone();
        v.push(0);
        assert!(Model::from_bytes(&v).is_err());
        // huge counts in the header do not allocate or panic
        let mut v = bytes.clone();
        v[16..20].copy_from_slice(&u32::MAX.to_le_bytes());
        v[20..24].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(Model::from_bytes(&v).is_err());
    }

    #[test]
    fn structural_errors_behind_a_valid_checksum() {
        // a body that passes the checksum but breaks the attribute order
        let m = toy_model(2, 5);
        let mut bytes = m.to_bytes();
        let attrs_at = HEADER + 2 * (2 + 2) + 4 * 4;
        let (first, second) = (attrs_at, attrs_at + 12);
        let tmp: Vec<u8> = bytes[first..first + 8].to_vec();
        bytes.copy_within(second..second + 8, first);
        bytes[second..second + 8].copy_from_slice(&tmp);
        let sum = checksum(&bytes[HEADER..]);
        bytes[24..32].copy_from_slice(&sum.to_le_bytes());
        assert_eq!(
            Model::from_bytes(&bytes).unwrap_err(),
            ModelError::AttributeOrder(1)
        );
    }
}
