//! The training objective: negative log-likelihood of the gold paths and its
//! gradient, by CRFsuite-style scaled forward-backward, computed over fixed
//! chunks of sequences in parallel and summed in a fixed order (bit-for-bit
//! deterministic whatever the number of threads).

use crate::dataset::{Dataset, Seq};
use rayon::prelude::*;
use std::ops::Range;

/// State features compiled from a dataset: per attribute, a run of labels.
#[derive(Debug, Clone)]
pub(crate) struct Compiled {
    pub l: usize,
    /// Compact attribute id → its feature run `fstart[a]..fstart[a + 1]`.
    pub fstart: Vec<u32>,
    /// Feature id → label.
    pub flabel: Vec<u16>,
    /// Compact attribute id → hash.
    pub hashes: Vec<u64>,
    /// Sequences over compact attribute ids (attributes without features dropped).
    pub seqs: Vec<Seq>,
    /// Number of per-class transition matrices (0: the items' transition
    /// classes are ignored and one matrix serves every item).
    pub k: usize,
    /// Observed (gold) count of every parameter: state features, then the
    /// shared transitions, then each class's transition offsets.
    pub observed: Vec<f64>,
    /// Chunks of sequences evaluated as units.
    pub chunks: Vec<Range<usize>>,
}

impl Compiled {
    /// Number of state features.
    pub fn num_features(&self) -> usize {
        self.flabel.len()
    }
    /// Number of parameters: state features, L² shared transitions, and
    /// L² transition offsets per class.
    pub fn dim(&self) -> usize {
        self.flabel.len() + (1 + self.k) * self.l * self.l
    }

    /// The transition class of item `t` of `s`: an index into the per-class
    /// matrices (0 when there are none).
    #[inline]
    fn class(&self, s: &Seq, t: usize) -> usize {
        if self.k == 0 {
            0
        } else {
            s.classes.get(t).map_or(0, |&c| c as usize)
        }
    }

    /// The transition weights of every class (shared weight plus the
    /// class's offset): `max(k, 1)` matrices of L² weights.
    pub fn class_transitions(&self, w: &[f64]) -> Vec<f64> {
        let (l, f) = (self.l, self.num_features());
        let shared = &w[f..f + l * l];
        if self.k == 0 {
            return shared.to_vec();
        }
        let offsets = &w[f + l * l..];
        offsets
            .chunks_exact(l * l)
            .flat_map(|o| o.iter().zip(shared).map(|(a, b)| a + b))
            .collect()
    }

    /// Generates the features: every (attribute, label) pair seen at least
    /// `min_count` times in the gold data. With `classes`, the items'
    /// transition classes get their own transition offsets.
    pub fn new(data: &Dataset, min_count: u32, chunks: usize, classes: bool) -> Compiled {
        let l = data.labels.len();
        let max_class = data
            .seqs
            .iter()
            .flat_map(|s| s.classes.iter().copied())
            .max()
            .unwrap_or(0);
        let k = if classes && max_class > 0 {
            max_class as usize + 1
        } else {
            0
        };
        let min_count = min_count.max(1);
        // attributes that can reach min_count at all
        let mut dense: Vec<u32> = vec![u32::MAX; data.hashes.len()];
        let mut kept = 0u32;
        for (i, &c) in data.counts.iter().enumerate() {
            if c >= min_count {
                dense[i] = kept;
                kept += 1;
            }
        }
        let mut pair = vec![0u32; kept as usize * l];
        for s in &data.seqs {
            let mut start = 0usize;
            for (t, &end) in s.ends.iter().enumerate() {
                let y = s.labels[t] as usize;
                for &a in &s.attrs[start..end as usize] {
                    let d = dense[a as usize];
                    if d != u32::MAX {
                        let c = &mut pair[d as usize * l + y];
                        *c = c.saturating_add(1);
                    }
                }
                start = end as usize;
            }
        }
        // compact attribute ids: only those with at least one feature
        let mut compact = vec![u32::MAX; data.hashes.len()];
        let mut fstart = vec![0u32];
        let mut flabel = Vec::new();
        let mut hashes = Vec::new();
        for (orig, &d) in dense.iter().enumerate() {
            if d == u32::MAX {
                continue;
            }
            let row = &pair[d as usize * l..(d as usize + 1) * l];
            let before = flabel.len();
            for (y, &c) in row.iter().enumerate() {
                if c >= min_count {
                    flabel.push(y as u16);
                }
            }
            if flabel.len() > before {
                compact[orig] = hashes.len() as u32;
                hashes.push(data.hashes[orig]);
                fstart.push(flabel.len() as u32);
            }
        }
        drop(pair);
        let seqs: Vec<Seq> = data
            .seqs
            .iter()
            .map(|s| {
                let mut out = Seq {
                    attrs: Vec::new(),
                    ends: Vec::with_capacity(s.ends.len()),
                    labels: s.labels.clone(),
                    classes: s.classes.clone(),
                };
                let mut start = 0usize;
                for &end in &s.ends {
                    for &a in &s.attrs[start..end as usize] {
                        let c = compact[a as usize];
                        if c != u32::MAX {
                            out.attrs.push(c);
                        }
                    }
                    out.ends.push(out.attrs.len() as u32);
                    start = end as usize;
                }
                out
            })
            .collect();
        let f = flabel.len();
        let mut observed = vec![0.0; f + (1 + k) * l * l];
        for s in &seqs {
            let mut start = 0usize;
            for (t, &end) in s.ends.iter().enumerate() {
                let y = s.labels[t];
                for &a in &s.attrs[start..end as usize] {
                    let r = fstart[a as usize] as usize..fstart[a as usize + 1] as usize;
                    if let Some(k) = flabel[r.clone()].iter().position(|&z| z == y) {
                        observed[r.start + k] += 1.0;
                    }
                }
                if t > 0 {
                    let pair = s.labels[t - 1] as usize * l + y as usize;
                    observed[f + pair] += 1.0;
                    if k > 0 {
                        let c = s.classes.get(t).map_or(0, |&c| c as usize);
                        observed[f + (1 + c) * l * l + pair] += 1.0;
                    }
                }
                start = end as usize;
            }
        }
        let chunks = split_chunks(&seqs, chunks.max(1));
        Compiled {
            k,
            l,
            fstart,
            flabel,
            hashes,
            seqs,
            observed,
            chunks,
        }
    }

    /// Negative log-likelihood (without regularisation) and its gradient.
    /// `bufs` holds one gradient buffer per chunk (resized as needed).
    pub fn evaluate(&self, w: &[f64], grad: &mut [f64], bufs: &mut Vec<Vec<f64>>) -> f64 {
        let dim = self.dim();
        let l = self.l;
        bufs.resize_with(self.chunks.len(), Vec::new);
        let exp_trans: Vec<f64> = self.class_transitions(w).iter().map(|v| v.exp()).collect();
        let mut exp_trans_t = vec![0.0; exp_trans.len()];
        for (m, mt) in exp_trans
            .chunks_exact(l * l)
            .zip(exp_trans_t.chunks_exact_mut(l * l))
        {
            for i in 0..l {
                for j in 0..l {
                    mt[j * l + i] = m[i * l + j];
                }
            }
        }
        let losses: Vec<f64> = bufs
            .par_iter_mut()
            .zip(self.chunks.par_iter())
            .map(|(buf, range)| {
                buf.clear();
                buf.resize(dim, 0.0);
                let mut work = Work::default();
                let mut loss = 0.0;
                for s in &self.seqs[range.clone()] {
                    loss += self.sequence(s, w, &exp_trans, &exp_trans_t, buf, &mut work);
                }
                loss
            })
            .collect();
        // fixed-order sums: deterministic whatever the thread count
        grad.par_chunks_mut(1 << 14)
            .enumerate()
            .for_each(|(ci, out)| {
                let base = ci << 14;
                for (k, o) in out.iter_mut().enumerate() {
                    let mut s = 0.0;
                    for b in bufs.iter() {
                        s += b[base + k];
                    }
                    *o = s - self.observed[base + k];
                }
            });
        losses.iter().sum()
    }

    /// One sequence: adds its expected counts to `g`, returns log Z − gold
    /// score. `et` and `et_t` hold the exponentiated transition matrices of
    /// every class (and their transposes).
    fn sequence(
        &self,
        s: &Seq,
        w: &[f64],
        et: &[f64],
        et_t: &[f64],
        g: &mut [f64],
        work: &mut Work,
    ) -> f64 {
        let l = self.l;
        let n = s.labels.len();
        if n == 0 {
            return 0.0;
        }
        let f = self.num_features();
        work.reset(n, l);
        let Work {
            state,
            alpha,
            beta,
            scale,
            tmp,
        } = work;
        // state scores
        let mut start = 0usize;
        for (t, &end) in s.ends.iter().enumerate() {
            let row = &mut state[t * l..(t + 1) * l];
            for &a in &s.attrs[start..end as usize] {
                let r = self.fstart[a as usize] as usize..self.fstart[a as usize + 1] as usize;
                for (&y, &wk) in self.flabel[r.clone()].iter().zip(&w[r]) {
                    if let Some(v) = row.get_mut(y as usize) {
                        *v += wk;
                    }
                }
            }
            start = end as usize;
        }
        let mut gold = 0.0;
        for t in 0..n {
            let y = s.labels[t] as usize;
            gold += state[t * l + y];
            if t > 0 {
                let pair = s.labels[t - 1] as usize * l + y;
                gold += w[f + pair];
                if self.k > 0 {
                    gold += w[f + (1 + self.class(s, t)) * l * l + pair];
                }
            }
        }
        // exp(state − max) per position
        let mut log_z = 0.0;
        for row in state.chunks_exact_mut(l) {
            let m = row.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            log_z += m;
            for v in row.iter_mut() {
                *v = (*v - m).exp();
            }
        }
        // forward
        alpha[..l].copy_from_slice(&state[..l]);
        scale[0] = normalise(&mut alpha[..l]);
        for t in 1..n {
            let (prev, cur) = alpha.split_at_mut(t * l);
            let prev = &prev[(t - 1) * l..];
            let cur = &mut cur[..l];
            cur.fill(0.0);
            let et = &et[self.class(s, t) * l * l..];
            for (i, &p) in prev.iter().enumerate() {
                let row = &et[i * l..(i + 1) * l];
                for j in 0..l {
                    cur[j] += p * row[j];
                }
            }
            for j in 0..l {
                cur[j] *= state[t * l + j];
            }
            scale[t] = normalise(cur);
        }
        for &c in scale.iter() {
            log_z -= c.ln();
        }
        // backward
        for v in &mut beta[(n - 1) * l..] {
            *v = scale[n - 1];
        }
        for t in (0..n - 1).rev() {
            for j in 0..l {
                tmp[j] = state[(t + 1) * l + j] * beta[(t + 1) * l + j];
            }
            let c = self.class(s, t + 1);
            let (et, et_t) = (&et[c * l * l..], &et_t[c * l * l..]);
            // beta_t = scale_t · ET · tmp, as a sum of columns (vectorises)
            let bt = &mut beta[t * l..(t + 1) * l];
            for (j, &c) in tmp.iter().enumerate() {
                let col = &et_t[j * l..(j + 1) * l];
                for (b, e) in bt.iter_mut().zip(col) {
                    *b += e * c;
                }
            }
            for b in bt.iter_mut() {
                *b *= scale[t];
            }
            // pairwise marginals → transition expectations, for the
            // shared matrix and (computed once) the class's offsets
            let (shared, offsets) = g[f..].split_at_mut(l * l);
            for i in 0..l {
                let a = alpha[t * l + i];
                let row = &et[i * l..(i + 1) * l];
                let gt = &mut shared[i * l..(i + 1) * l];
                if self.k > 0 {
                    let o = c * l * l + i * l;
                    let go = &mut offsets[o..o + l];
                    for j in 0..l {
                        let p = a * row[j] * tmp[j];
                        gt[j] += p;
                        go[j] += p;
                    }
                } else {
                    for j in 0..l {
                        gt[j] += a * row[j] * tmp[j];
                    }
                }
            }
        }
        // unary marginals → state feature expectations
        let mut start = 0usize;
        for (t, &end) in s.ends.iter().enumerate() {
            let inv = 1.0 / scale[t];
            for j in 0..l {
                tmp[j] = alpha[t * l + j] * beta[t * l + j] * inv;
            }
            for &a in &s.attrs[start..end as usize] {
                let r = self.fstart[a as usize] as usize..self.fstart[a as usize + 1] as usize;
                for (&y, gk) in self.flabel[r.clone()].iter().zip(&mut g[r]) {
                    *gk += tmp.get(y as usize).copied().unwrap_or(0.0);
                }
            }
            start = end as usize;
        }
        log_z - gold
    }
}

/// Scales `v` to sum 1; returns the factor used.
fn normalise(v: &mut [f64]) -> f64 {
    let s: f64 = v.iter().sum();
    let c = if s > 0.0 && s.is_finite() {
        1.0 / s
    } else {
        1.0
    };
    for x in v.iter_mut() {
        *x *= c;
    }
    c
}

#[derive(Default)]
struct Work {
    state: Vec<f64>,
    alpha: Vec<f64>,
    beta: Vec<f64>,
    scale: Vec<f64>,
    tmp: Vec<f64>,
}

impl Work {
    fn reset(&mut self, n: usize, l: usize) {
        for v in [&mut self.state, &mut self.alpha, &mut self.beta] {
            v.clear();
            v.resize(n * l, 0.0);
        }
        self.scale.clear();
        self.scale.resize(n, 1.0);
        self.tmp.clear();
        self.tmp.resize(l, 0.0);
    }
}

/// Splits sequences into `k` contiguous ranges of about equal item counts.
fn split_chunks(seqs: &[Seq], k: usize) -> Vec<Range<usize>> {
    let total: usize = seqs.iter().map(|s| s.attrs.len() + s.labels.len()).sum();
    let per = total / k + 1;
    let mut out = Vec::with_capacity(k);
    let mut start = 0;
    let mut acc = 0;
    for (i, s) in seqs.iter().enumerate() {
        acc += s.attrs.len() + s.labels.len();
        if acc >= per && out.len() + 1 < k {
            out.push(start..i + 1);
            start = i + 1;
            acc = 0;
        }
    }
    out.push(start..seqs.len());
    out
}
