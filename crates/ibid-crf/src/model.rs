//! The trained model and its allocation-free Viterbi tagger.

use crate::attrs::AttrSeq;
use crate::hash::{fix_key, AttrTable};

/// One state feature: a weight for a label, given an attribute.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Feat {
    pub weight: f32,
    pub label: u32,
}

/// A trained linear-chain CRF, ready to tag. `Send + Sync`; share it freely.
#[derive(Debug, Clone)]
pub struct Model {
    pub(crate) labels: Vec<String>,
    /// Number of transition matrices, one per item transition class (≥ 1;
    /// an item whose class has none uses class 0's).
    pub(crate) classes: usize,
    /// `trans[(c * L + i) * L + j]`: weight of label `i` followed by label
    /// `j` at an item of class `c`.
    pub(crate) trans: Vec<f32>,
    /// Padded to the lane stride `W` ([`stride`]): `trans_w[(c * L + i) * W + j]`.
    pub(crate) trans_w: Vec<f32>,
    /// Transposed and padded: `trans_t[(c * L + j) * W + i]`.
    pub(crate) trans_t: Vec<f32>,
    /// Attribute hashes in ascending order with their feature runs (for saving).
    pub(crate) attrs: Vec<(u64, u32, u32)>,
    pub(crate) table: AttrTable,
    pub(crate) feats: Vec<Feat>,
    /// Rows of `W` weights (`L` used, the rest 0) for attributes with many
    /// labels (added with SIMD).
    pub(crate) dense: Vec<f32>,
}

// Score rows are padded to a multiple of `LANES` floats so that every row
// operation runs on whole SIMD vectors.
use crate::lanes::{Base, Kernel, LANES};

/// Chunks of lanes the tagger keeps in registers at once.
const BLOCK: usize = 4;

/// The padded row length for `l` labels.
fn stride(l: usize) -> usize {
    l.div_ceil(LANES).max(1) * LANES
}

/// Attributes with at least this many labels are tagged from a dense row.
const DENSE_MIN: u32 = 6;
/// A table value is either `DENSE_FLAG | row` (a row of `dense`) or
/// `start << SPARSE_LEN_BITS | len` (a run of `feats`; sparse runs are
/// shorter than `DENSE_MIN`). 0 is the empty run, the value of a missing
/// attribute.
const DENSE_FLAG: u32 = 1 << 31;
const SPARSE_LEN_BITS: u32 = 3;
const _: () = assert!(DENSE_MIN <= 1 << SPARSE_LEN_BITS);

/// The feature run of a sparse table value.
#[inline(always)]
fn sparse_run(v: u32) -> std::ops::Range<usize> {
    let start = (v >> SPARSE_LEN_BITS) as usize;
    start..start + (v & ((1 << SPARSE_LEN_BITS) - 1)) as usize
}

/// Reusable buffers for [`Model::tag`]: keep one per thread.
#[derive(Debug, Clone, Default)]
pub struct Scratch {
    state: Vec<f32>,
    delta: Vec<f32>,
    runs: Vec<u32>,
}

impl Model {
    /// Builds a model from its parts. `trans` holds one or more L×L
    /// transition matrices (one per transition class); `attrs` holds
    /// `(hash, feature labels and weights)`; hashes must be distinct.
    pub(crate) fn from_parts(
        labels: Vec<String>,
        trans: Vec<f32>,
        mut attrs: Vec<(u64, Vec<(u32, f32)>)>,
    ) -> Model {
        attrs.sort_by_key(|a| fix_key(a.0));
        let mut feats = Vec::new();
        let mut index = Vec::with_capacity(attrs.len());
        for (h, fs) in attrs {
            if fs.is_empty() {
                continue;
            }
            let start = feats.len() as u32;
            feats.extend(fs.iter().map(|&(label, weight)| Feat { weight, label }));
            index.push((fix_key(h), start, fs.len() as u32));
        }
        Model::assemble(labels, trans, index, feats)
    }

    /// Builds the lookup table and the transposed transitions.
    pub(crate) fn assemble(
        labels: Vec<String>,
        trans: Vec<f32>,
        attrs: Vec<(u64, u32, u32)>,
        feats: Vec<Feat>,
    ) -> Model {
        let l = labels.len();
        let w = stride(l);
        let mut dense = Vec::new();
        let mut entries = Vec::with_capacity(attrs.len());
        for &(h, start, len) in &attrs {
            // runs too long or starting too far for a sparse value are dense
            // (a model would need 2^28 features for the second)
            let sparse =
                len < DENSE_MIN.min(l as u32).max(2) && start < DENSE_FLAG >> SPARSE_LEN_BITS;
            if !sparse {
                let row = (dense.len() / w) as u32;
                dense.resize(dense.len() + w, 0.0);
                let base = row as usize * w;
                for f in &feats[start as usize..(start + len) as usize] {
                    if (f.label as usize) < l {
                        dense[base + f.label as usize] += f.weight;
                    }
                }
                entries.push((h, row | DENSE_FLAG, len));
            } else {
                entries.push((h, start << SPARSE_LEN_BITS | len, len));
            }
        }
        // Attributes with weights for many labels are the common ones (the
        // bias, positions, shapes, frequent words): inserted first, they sit
        // in their home slots and are found at the first probe. The sort is
        // stable, so the table is the same on every load.
        entries.sort_by_key(|e| std::cmp::Reverse(e.2));
        let mut table = AttrTable::with_capacity(entries.len());
        for (h, value, _) in entries {
            table.insert(h, value);
        }
        let classes = if l == 0 {
            1
        } else {
            (trans.len() / (l * l)).max(1)
        };
        let mut trans_w = vec![0.0; classes * l * w];
        let mut trans_t = vec![0.0; classes * l * w];
        for c in 0..classes {
            for i in 0..l {
                for j in 0..l {
                    let t = trans.get((c * l + i) * l + j).copied().unwrap_or(0.0);
                    trans_w[(c * l + i) * w + j] = t;
                    trans_t[(c * l + j) * w + i] = t;
                }
            }
        }
        Model {
            labels,
            classes,
            trans,
            trans_w,
            trans_t,
            attrs,
            table,
            feats,
            dense,
        }
    }

    /// The label names; label ids index this slice.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }
    /// Number of labels.
    pub fn num_labels(&self) -> usize {
        self.labels.len()
    }
    /// Number of attributes that carry at least one weight.
    pub fn num_attributes(&self) -> usize {
        self.attrs.len()
    }
    /// Number of (attribute, label) weights.
    pub fn num_features(&self) -> usize {
        self.feats.len()
    }
    /// Approximate heap size of the loaded model in bytes.
    pub fn memory_bytes(&self) -> usize {
        self.table.memory_bytes()
            + self.feats.len() * std::mem::size_of::<Feat>()
            + self.attrs.len() * 16
            + self.trans.len() * 4
            + self.trans_w.len() * 8
            + self.dense.len() * 4
    }
    /// Number of transition classes the model has a matrix for (1 for a
    /// model trained without them).
    pub fn num_classes(&self) -> usize {
        self.classes
    }
    /// The transition weight from label `i` to label `j` at an item of
    /// transition class 0 (0 when out of range).
    pub fn transition(&self, i: usize, j: usize) -> f32 {
        self.transition_in(0, i, j)
    }
    /// The transition weight from label `i` to label `j` at an item of
    /// transition class `class` (class 0's for a class the model lacks; 0
    /// when a label is out of range).
    pub fn transition_in(&self, class: u8, i: usize, j: usize) -> f32 {
        let l = self.labels.len();
        if i < l && j < l {
            self.trans[(self.class_index(class) * l + i) * l + j]
        } else {
            0.0
        }
    }
    /// The matrix an item of transition class `class` uses.
    #[inline(always)]
    fn class_index(&self, class: u8) -> usize {
        let c = class as usize;
        if c < self.classes {
            c
        } else {
            0
        }
    }
    /// The state weights an attribute gives: `(label, weight)` pairs.
    pub fn state_weights(&self, attr: u64) -> Vec<(usize, f32)> {
        let Some(i) = self
            .attrs
            .binary_search_by_key(&crate::hash::fix_key(attr), |a| a.0)
            .ok()
        else {
            return Vec::new();
        };
        let (_, s, n) = self.attrs[i];
        self.feats[s as usize..(s + n) as usize]
            .iter()
            .map(|f| (f.label as usize, f.weight))
            .collect()
    }

    /// A copy without the state weights whose magnitude is below `min_abs`
    /// (attributes left without weights are dropped): a smaller, faster model.
    pub fn pruned(&self, min_abs: f32) -> Model {
        let attrs = self
            .attrs
            .iter()
            .map(|&(h, start, len)| {
                let feats = self.feats[start as usize..(start + len) as usize]
                    .iter()
                    .filter(|f| f.weight.abs() >= min_abs)
                    .map(|f| (f.label, f.weight))
                    .collect();
                (h, feats)
            })
            .collect();
        Model::from_parts(self.labels.clone(), self.trans.clone(), attrs)
    }

    /// Fills `state[t * W + y]` (`W` = [`stride`], `c` = `W / LANES`) with
    /// the state scores of `seq`, in two passes that each prefetch a token
    /// ahead: first every attribute's table value, then the sums (the dense
    /// rows in registers, a block of chunks at a time, then the sparse
    /// weights).
    #[inline(always)]
    fn state_scores(&self, seq: &AttrSeq, state: &mut Vec<f32>, runs: &mut Vec<u32>, c: usize) {
        let n = seq.len();
        runs.clear();
        for t in 0..n {
            for &a in seq.item(t + 1) {
                self.table.prefetch(a);
            }
            runs.extend(seq.item(t).iter().map(|&a| self.table.get(a).unwrap_or(0)));
        }
        // every row is written whole below: growing is enough
        state.resize(n * c * LANES, 0.0);
        let (dense, _) = self.dense.as_chunks::<LANES>();
        let (rows, _) = state.as_chunks_mut::<LANES>();
        let mut here = 0;
        for (t, row) in rows.chunks_exact_mut(c).take(n).enumerate() {
            let len = seq.item(t).len();
            let next = seq.item(t + 1).len();
            let (cur, ahead) = runs[here..].split_at(len);
            here += len;
            // the sparse runs are the rare attributes' (the dense rows of
            // the common ones are in the cache already)
            for &v in &ahead[..next] {
                if v & DENSE_FLAG == 0 && v != 0 {
                    if let Some(f) = self.feats.get(sparse_run(v).start) {
                        crate::hash::prefetch(f);
                    }
                }
            }
            for b0 in (0..c).step_by(BLOCK) {
                let nb = BLOCK.min(c - b0);
                let mut acc = [[0.0f32; LANES]; BLOCK];
                for &v in cur {
                    if v & DENSE_FLAG == 0 {
                        continue;
                    }
                    let base = (v & !DENSE_FLAG) as usize * c + b0;
                    if let Some(d) = dense.get(base..base + nb) {
                        for (a, r) in acc.iter_mut().zip(d) {
                            crate::lanes::add(a, r);
                        }
                    }
                }
                row[b0..b0 + nb].copy_from_slice(&acc[..nb]);
            }
            let row = row.as_flattened_mut();
            for &v in cur {
                if v & DENSE_FLAG != 0 {
                    continue;
                }
                for f in &self.feats[sparse_run(v)] {
                    if let Some(x) = row.get_mut(f.label as usize) {
                        *x += f.weight;
                    }
                }
            }
        }
    }

    /// The score of a label path (state + transition weights).
    pub fn score(&self, seq: &AttrSeq, path: &[u16]) -> f32 {
        let l = self.labels.len();
        let w = stride(l);
        let mut state = Vec::new();
        self.state_scores(seq, &mut state, &mut Vec::new(), w / LANES);
        let mut total = 0.0;
        for (t, &y) in path.iter().enumerate().take(seq.len()) {
            let y = y as usize;
            if y >= l {
                continue;
            }
            total += state[t * w + y];
            if t > 0 {
                let p = path[t - 1] as usize;
                if p < l {
                    total += self.transition_in(seq.class(t), p, y);
                }
            }
        }
        total
    }

    /// The best label path for `seq` (Viterbi), written to `out` (cleared
    /// first; one label id per item). Allocates nothing once `scratch` and
    /// `out` have grown to the sequence length. A model without labels
    /// yields an empty path. Runs on AVX when the CPU has it.
    pub fn tag(&self, seq: &AttrSeq, scratch: &mut Scratch, out: &mut Vec<u16>) {
        #[cfg(target_arch = "x86_64")]
        if let Some(avx) = crate::lanes::Avx::detect() {
            // SAFETY: `avx` exists, so this CPU has AVX.
            unsafe { self.tag_avx(avx, seq, scratch, out) };
            return;
        }
        self.tag_rows(Base, seq, scratch, out);
    }

    /// The tagger compiled for AVX: the same code, with the AVX kernel and
    /// its loops over lanes turned into 256-bit instructions.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx")]
    unsafe fn tag_avx(
        &self,
        avx: crate::lanes::Avx,
        seq: &AttrSeq,
        scratch: &mut Scratch,
        out: &mut Vec<u16>,
    ) {
        self.tag_rows(avx, seq, scratch, out);
    }

    /// Dispatches on the row length, so that up to 32 labels the number of
    /// chunks is a constant the compiler unrolls (and the running sums and
    /// maxima stay in registers).
    #[inline(always)]
    fn tag_rows<K: Kernel>(&self, k: K, seq: &AttrSeq, scratch: &mut Scratch, out: &mut Vec<u16>) {
        match stride(self.labels.len()) / LANES {
            1 => self.tag_chunks(k, seq, scratch, out, 1),
            2 => self.tag_chunks(k, seq, scratch, out, 2),
            3 => self.tag_chunks(k, seq, scratch, out, 3),
            4 => self.tag_chunks(k, seq, scratch, out, 4),
            c => self.tag_chunks(k, seq, scratch, out, c),
        }
    }

    #[inline(always)]
    fn tag_chunks<K: Kernel>(
        &self,
        k: K,
        seq: &AttrSeq,
        scratch: &mut Scratch,
        out: &mut Vec<u16>,
        c: usize,
    ) {
        // a model with one transition matrix gets the loops without any
        // look-up of classes (the class is the constant 0)
        if self.classes == 1 {
            self.viterbi(k, seq, scratch, out, c, |_| 0);
        } else {
            self.viterbi(k, seq, scratch, out, c, |t| self.class_index(seq.class(t)));
        }
    }

    /// Viterbi over rows of `c` chunks; `class_of(t)` is the transition
    /// matrix of item `t`.
    #[inline(always)]
    fn viterbi<K: Kernel>(
        &self,
        k: K,
        seq: &AttrSeq,
        scratch: &mut Scratch,
        out: &mut Vec<u16>,
        c: usize,
        class_of: impl Fn(usize) -> usize + Copy,
    ) {
        out.clear();
        let l = self.labels.len();
        let n = seq.len();
        if n == 0 || l == 0 {
            return;
        }
        let w = c * LANES;
        self.state_scores(seq, &mut scratch.state, &mut scratch.runs, c);
        let (state, _) = scratch.state.as_chunks::<LANES>();
        // every row is written before it is read: no need to zero it
        scratch.delta.resize(n * w, 0.0);
        let (delta, _) = scratch.delta.as_chunks_mut::<LANES>();
        delta[..c].copy_from_slice(&state[..c]);
        self.forward(k, state, delta, n, c, class_of);
        // backtrack, recomputing the argmax only along the chosen path
        let delta = delta.as_flattened();
        out.resize(n, 0);
        let last = &delta[(n - 1) * w..(n - 1) * w + l];
        let mut y = argmax(last.iter().copied());
        out[n - 1] = y as u16;
        for t in (1..n).rev() {
            let prev = &delta[(t - 1) * w..(t - 1) * w + l];
            let col = (class_of(t) * l + y) * w;
            let tcol = &self.trans_t[col..col + l];
            y = argmax(prev.iter().zip(tcol).map(|(p, tr)| p + tr));
            out[t - 1] = y as u16;
        }
    }

    /// The Viterbi forward pass over rows of `c` chunks of [`LANES`] floats:
    /// `delta[t][j] = state[t][j] + max_i(delta[t-1][i] + trans[i][j])`
    /// (the matrix of item `t`'s transition class), the maxima taken
    /// element-wise over the rows of the transition matrix,
    /// a block of up to [`BLOCK`] chunks at a time. The padding lanes
    /// collect values no label reads.
    #[inline(always)]
    fn forward<K: Kernel>(
        &self,
        k: K,
        state: &[[f32; LANES]],
        delta: &mut [[f32; LANES]],
        n: usize,
        c: usize,
        class_of: impl Fn(usize) -> usize,
    ) {
        let l = self.labels.len();
        let (all, _) = self.trans_w.as_chunks::<LANES>();
        for t in 1..n {
            let trans = &all[class_of(t) * l * c..];
            let (before, rest) = delta.split_at_mut(t * c);
            let prev = before[(t - 1) * c..].as_flattened();
            let cur = &mut rest[..c];
            let srow = &state[t * c..(t + 1) * c];
            for b0 in (0..c).step_by(BLOCK) {
                let nb = BLOCK.min(c - b0);
                let mut acc = [[f32::NEG_INFINITY; LANES]; BLOCK];
                for (i, &p) in prev[..l].iter().enumerate() {
                    let row = &trans[i * c + b0..i * c + b0 + nb];
                    for (a, r) in acc.iter_mut().zip(row) {
                        k.max_plus(a, p, r);
                    }
                }
                for ((d, a), s) in cur[b0..b0 + nb]
                    .iter_mut()
                    .zip(&acc)
                    .zip(&srow[b0..b0 + nb])
                {
                    for j in 0..LANES {
                        d[j] = a[j] + s[j];
                    }
                }
            }
        }
    }
}

/// Index of the first maximum (0 for an empty or all-NaN input).
fn argmax(it: impl Iterator<Item = f32>) -> usize {
    let mut best = f32::NEG_INFINITY;
    let mut arg = 0;
    for (i, v) in it.enumerate() {
        if v > best {
            best = v;
            arg = i;
        }
    }
    arg
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small model with pseudo-random weights over `l` labels and 6 attributes.
    pub(crate) fn toy_model(l: usize, seed: u64) -> Model {
        toy_model_in(l, seed, 1)
    }

    /// As [`toy_model`], with a transition matrix for each of `classes`.
    pub(crate) fn toy_model_in(l: usize, seed: u64, classes: usize) -> Model {
        let mut r = seed;
        let mut next = move || {
            r = crate::hash::mix64(r.wrapping_add(0x9e37));
            ((r >> 11) as f64 / (1u64 << 53) as f64 * 4.0 - 2.0) as f32
        };
        let labels = (0..l).map(|i| format!("L{i}")).collect();
        let trans = (0..classes * l * l).map(|_| next()).collect();
        // attributes 1–3 weigh every label (dense rows), 4–6 one label (sparse)
        let attrs = (1..=6u64)
            .map(|a| {
                let fs = if a <= 3 {
                    (0..l as u32).map(|y| (y, next())).collect()
                } else {
                    vec![((a as u32) % l as u32, next())]
                };
                (a, fs)
            })
            .collect();
        Model::from_parts(labels, trans, attrs)
    }

    fn all_paths(n: usize, l: usize) -> Vec<Vec<u16>> {
        let mut out = vec![vec![]];
        for _ in 0..n {
            out = out
                .into_iter()
                .flat_map(|p| {
                    (0..l as u16).map(move |y| {
                        let mut q = p.clone();
                        q.push(y);
                        q
                    })
                })
                .collect();
        }
        out
    }

    #[test]
    fn viterbi_matches_brute_force() {
        let mut scratch = Scratch::default();
        let mut out = Vec::new();
        for seed in 0..20u64 {
            let l = 2 + (seed as usize % 3);
            // a transition matrix per class from seed 10 on; class 4 has none
            let classes = if seed < 10 { 1 } else { 4 };
            let m = toy_model_in(l, seed, classes);
            assert_eq!(m.num_classes(), classes);
            for n in 1..=5usize {
                let mut seq = AttrSeq::default();
                for t in 0..n {
                    seq.push(1 + ((t as u64 + seed) % 6));
                    seq.push(1 + ((t as u64 * 7 + seed) % 6));
                    seq.push(99); // unknown attribute
                    seq.end_item_in(((t as u64 * 3 + seed) % 5) as u8);
                }
                m.tag(&seq, &mut scratch, &mut out);
                assert_eq!(out.len(), n);
                let got = m.score(&seq, &out);
                let best = all_paths(n, l)
                    .iter()
                    .map(|p| m.score(&seq, p))
                    .fold(f32::NEG_INFINITY, f32::max);
                assert!(
                    (got - best).abs() < 1e-4,
                    "seed {seed} n {n}: {got} vs {best}"
                );
            }
        }
    }

    /// Every row length (one to four chunks of lanes, and the generic
    /// pass beyond) finds the best path.
    #[test]
    fn viterbi_matches_brute_force_for_many_labels() {
        let mut scratch = Scratch::default();
        let mut out = Vec::new();
        for (seed, l) in [(1u64, 7usize), (2, 9), (3, 17), (4, 22), (5, 32), (6, 33)] {
            let m = toy_model(l, seed);
            for n in 1..=3usize {
                let mut seq = AttrSeq::default();
                for t in 0..n {
                    seq.push(1 + ((t as u64 * 5 + seed) % 6));
                    seq.push(1 + ((t as u64 * 3 + seed) % 6));
                    seq.end_item();
                }
                m.tag(&seq, &mut scratch, &mut out);
                let got = m.score(&seq, &out);
                let best = all_paths(n, l)
                    .iter()
                    .map(|p| m.score(&seq, p))
                    .fold(f32::NEG_INFINITY, f32::max);
                assert!((got - best).abs() < 1e-4, "l {l} n {n}: {got} vs {best}");
            }
        }
    }

    /// The baseline and the AVX copies of the tagger agree bit for bit on
    /// the state scores, so on the path, for every row length.
    #[test]
    #[cfg(target_arch = "x86_64")]
    fn every_kernel_finds_the_same_path() {
        let Some(avx) = crate::lanes::Avx::detect() else {
            return;
        };
        for (seed, l) in [(1u64, 3usize), (2, 9), (3, 17), (4, 21), (5, 32), (6, 40)] {
            let m = toy_model(l, seed);
            let mut seq = AttrSeq::default();
            for t in 0..30u64 {
                seq.push(1 + (t * 5 + seed) % 6);
                seq.push(1 + (t * 3 + seed) % 6);
                seq.push(1 + (t * 7 + seed) % 6);
                seq.end_item();
            }
            let (mut a, mut b) = (Vec::new(), Vec::new());
            let (mut sa, mut sb) = (Scratch::default(), Scratch::default());
            m.tag_rows(Base, &seq, &mut sa, &mut a);
            // SAFETY: `avx` was detected on this CPU.
            unsafe { m.tag_avx(avx, &seq, &mut sb, &mut b) };
            assert_eq!(a, b, "l {l}");
            let bits = |s: &Scratch| s.delta.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&sa), bits(&sb), "l {l}");
        }
    }

    #[test]
    fn empty_inputs() {
        let m = toy_model(3, 1);
        let mut out = vec![1, 2];
        m.tag(&AttrSeq::default(), &mut Scratch::default(), &mut out);
        assert!(out.is_empty());
        let empty = Model::from_parts(vec![], vec![], vec![]);
        let mut seq = AttrSeq::default();
        seq.end_item();
        empty.tag(&seq, &mut Scratch::default(), &mut out);
        assert!(out.is_empty());
    }
}
