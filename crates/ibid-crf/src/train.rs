//! Training: feature generation, the regularised objective, and L-BFGS.

use crate::dataset::Dataset;
use crate::lbfgs::{self, Iteration, Params, StopReason};
use crate::model::Model;
use crate::objective::Compiled;
use std::time::Instant;

/// Training settings. The defaults are CRFsuite's for L-BFGS.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// L1 coefficient (OWL-QN when > 0): sparser models.
    pub c1: f64,
    /// L2 coefficient: the loss gets `c2 · |w|²`.
    pub c2: f64,
    /// Iteration cap.
    pub max_iterations: usize,
    /// Keep only (attribute, label) pairs seen at least this often.
    pub min_count: u32,
    /// Stop when |g| / max(1, |w|) falls below this.
    pub epsilon: f64,
    /// Stop when the loss improved by less than `delta` (relative) over
    /// `period` iterations (0 disables the test).
    pub period: usize,
    pub delta: f64,
    /// Number of curvature pairs L-BFGS keeps.
    pub memory: usize,
    /// Fixed number of work units per gradient evaluation (more balances
    /// cores better, each costs one gradient-sized buffer). The result does
    /// not depend on the number of threads, but does on this.
    pub chunks: usize,
    /// Drop state weights whose magnitude is below this when exporting.
    pub prune: f32,
    /// Learn a transition matrix per item transition class
    /// ([`AttrSeq::end_item_in`](crate::AttrSeq::end_item_in)), as offsets
    /// from one shared matrix; without, one matrix serves every item.
    pub class_transitions: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            c1: 0.0,
            c2: 1.0,
            max_iterations: 150,
            min_count: 1,
            epsilon: 1e-5,
            period: 10,
            delta: 1e-5,
            memory: 6,
            chunks: 8,
            prune: 0.0,
            class_transitions: false,
        }
    }
}

/// What a training run did.
#[derive(Debug, Clone)]
pub struct TrainReport {
    pub iterations: usize,
    pub stop: StopReason,
    /// Final regularised loss.
    pub loss: f64,
    /// Attributes and (attribute, label) features generated before training.
    pub generated_attributes: usize,
    pub generated_features: usize,
    pub seconds: f64,
}

/// Why training could not run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TrainError {
    #[error("the training set is empty")]
    Empty,
}

/// Trains a model. `progress` is called once per iteration.
///
/// ```
/// use ibid_crf::{AttrSeq, Dataset, TrainOptions, Scratch};
/// let mut data = Dataset::new(vec!["word".into(), "num".into()]).unwrap();
/// for (toks, labels) in [(&["a", "1"][..], &[0u16, 1][..]), (&["2", "b"][..], &[1, 0][..])] {
///     let mut seq = AttrSeq::default();
///     for t in toks {
///         seq.push(if t.parse::<u32>().is_ok() { 1 } else { 2 });
///         seq.end_item();
///     }
///     data.push(&seq, labels).unwrap();
/// }
/// let (model, _) = ibid_crf::train(&data, &TrainOptions::default(), |_| {}).unwrap();
/// let mut seq = AttrSeq::default();
/// for a in [2, 1, 2] { seq.push(a); seq.end_item(); }
/// let mut out = Vec::new();
/// model.tag(&seq, &mut Scratch::default(), &mut out);
/// assert_eq!(out, [0, 1, 0]);
/// ```
pub fn train(
    data: &Dataset,
    opts: &TrainOptions,
    mut progress: impl FnMut(&Iteration),
) -> Result<(Model, TrainReport), TrainError> {
    if data.is_empty() {
        return Err(TrainError::Empty);
    }
    let started = Instant::now();
    let c = Compiled::new(data, opts.min_count, opts.chunks, opts.class_transitions);
    let mut w = vec![0.0; c.dim()];
    let mut bufs = Vec::new();
    let c2 = opts.c2;
    let mut objective = |w: &[f64], g: &mut [f64]| -> f64 {
        let mut loss = c.evaluate(w, g, &mut bufs);
        if c2 > 0.0 {
            let mut norm = 0.0;
            for (gi, wi) in g.iter_mut().zip(w) {
                *gi += 2.0 * c2 * wi;
                norm += wi * wi;
            }
            loss += c2 * norm;
        }
        loss
    };
    let params = Params {
        memory: opts.memory,
        epsilon: opts.epsilon,
        period: opts.period,
        delta: opts.delta,
        max_iterations: opts.max_iterations,
        c1: opts.c1,
        max_linesearch: 40,
    };
    let (stop, iterations, loss) = lbfgs::minimize(&mut w, &mut objective, &params, &mut progress);
    let model = export(&c, data, &w, opts.prune);
    Ok((
        model,
        TrainReport {
            iterations,
            stop,
            loss,
            generated_attributes: c.hashes.len(),
            generated_features: c.num_features(),
            seconds: started.elapsed().as_secs_f64(),
        },
    ))
}

fn export(c: &Compiled, data: &Dataset, w: &[f64], prune: f32) -> Model {
    let attrs = c
        .hashes
        .iter()
        .enumerate()
        .map(|(a, &h)| {
            let r = c.fstart[a] as usize..c.fstart[a + 1] as usize;
            let feats = r
                .filter_map(|k| {
                    let v = w[k] as f32;
                    (v != 0.0 && v.abs() >= prune).then_some((u32::from(c.flabel[k]), v))
                })
                .collect();
            (h, feats)
        })
        .collect();
    let trans = c.class_transitions(w).iter().map(|&v| v as f32).collect();
    Model::from_parts(data.labels.clone(), trans, attrs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::AttrSeq;

    fn toy_data() -> Dataset {
        toy_data_in(1)
    }

    /// Twelve random sequences; items get transition classes `0..classes`.
    fn toy_data_in(classes: u64) -> Dataset {
        let mut data = Dataset::new(vec!["A".into(), "B".into(), "C".into()]).unwrap();
        let mut r = 7u64;
        for _ in 0..12 {
            let mut seq = AttrSeq::default();
            let mut labels = Vec::new();
            for _ in 0..5 {
                r = crate::hash::mix64(r);
                let y = (r % 3) as u16;
                seq.push(u64::from(y) + 10);
                seq.push(r % 5);
                seq.end_item_in(((r >> 8) % classes) as u8);
                labels.push(y);
            }
            data.push(&seq, &labels).unwrap();
        }
        data
    }

    #[test]
    fn gradient_matches_finite_differences() {
        for (data, classes) in [(toy_data(), false), (toy_data_in(3), true)] {
            let c = Compiled::new(&data, 1, 3, classes);
            assert_eq!(c.k, if classes { 3 } else { 0 });
            gradient_check(&c);
        }
    }

    fn gradient_check(c: &Compiled) {
        let dim = c.dim();
        let mut w: Vec<f64> = (0..dim)
            .map(|i| ((i * 37 % 11) as f64 - 5.0) / 10.0)
            .collect();
        let mut g = vec![0.0; dim];
        let mut bufs = Vec::new();
        c.evaluate(&w, &mut g, &mut bufs);
        let h = 1e-5;
        for i in 0..dim {
            let orig = w[i];
            w[i] = orig + h;
            let fp = c.evaluate(&w, &mut vec![0.0; dim], &mut bufs);
            w[i] = orig - h;
            let fm = c.evaluate(&w, &mut vec![0.0; dim], &mut bufs);
            w[i] = orig;
            let num = (fp - fm) / (2.0 * h);
            assert!(
                (num - g[i]).abs() < 1e-5 * (1.0 + num.abs()),
                "param {i}: {num} vs {}",
                g[i]
            );
        }
    }

    #[test]
    fn loss_is_log_partition_minus_gold() {
        // with zero weights every path has score 0: loss = n·ln(L) per sequence
        let data = toy_data();
        let c = Compiled::new(&data, 1, 2, true);
        let w = vec![0.0; c.dim()];
        let loss = c.evaluate(&w, &mut vec![0.0; c.dim()], &mut Vec::new());
        let want = 12.0 * 5.0 * 3f64.ln();
        assert!((loss - want).abs() < 1e-9, "{loss} vs {want}");
    }

    #[test]
    fn training_is_deterministic_and_learns() {
        let data = toy_data();
        let opts = TrainOptions {
            max_iterations: 30,
            ..TrainOptions::default()
        };
        let (a, ra) = train(&data, &opts, |_| {}).unwrap();
        let (b, _) = train(
            &data,
            &TrainOptions {
                chunks: 8,
                ..opts.clone()
            },
            |_| {},
        )
        .unwrap();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let (c, _) = pool.install(|| train(&data, &opts, |_| {}).unwrap());
        assert_eq!(a.to_bytes(), c.to_bytes(), "thread count changed the model");
        assert_eq!(a.labels(), b.labels());
        assert!(ra.iterations > 0);
        // the label is a function of attribute 10 + y: the model must learn it
        let mut seq = AttrSeq::default();
        for y in [2u64, 0, 1, 1] {
            seq.push(10 + y);
            seq.end_item();
        }
        let mut out = Vec::new();
        a.tag(&seq, &mut crate::Scratch::default(), &mut out);
        assert_eq!(out, [2, 0, 1, 1]);
    }

    /// Labels that change exactly at items of class 1 (the state attributes
    /// say nothing but where a sequence starts): learnt only with a
    /// transition matrix per class.
    #[test]
    fn class_transitions_learn_where_labels_change() {
        let mut data = Dataset::new(vec!["A".into(), "B".into()]).unwrap();
        let mut r = 3u64;
        let mut example = |len: usize| {
            let mut seq = AttrSeq::default();
            let mut labels = Vec::new();
            let mut y = 0u16;
            for t in 0..len {
                r = crate::hash::mix64(r);
                let class = u8::from(t > 0 && r.is_multiple_of(3));
                y ^= u16::from(class);
                seq.push(if t == 0 { 1 } else { 2 });
                seq.end_item_in(class);
                labels.push(y);
            }
            (seq, labels)
        };
        for _ in 0..40 {
            let (seq, labels) = example(8);
            data.push(&seq, &labels).unwrap();
        }
        let (test, want) = example(12);
        let opts = TrainOptions {
            max_iterations: 60,
            class_transitions: true,
            ..TrainOptions::default()
        };
        let mut out = Vec::new();
        let (with, _) = train(&data, &opts, |_| {}).unwrap();
        assert_eq!(with.num_classes(), 2);
        with.tag(&test, &mut crate::Scratch::default(), &mut out);
        assert_eq!(out, want);
        let back = Model::from_bytes(&with.to_bytes()).unwrap();
        back.tag(&test, &mut crate::Scratch::default(), &mut out);
        assert_eq!(out, want, "a version-2 file tags as the model did");
        let without = TrainOptions {
            class_transitions: false,
            ..opts
        };
        let (plain, _) = train(&data, &without, |_| {}).unwrap();
        assert_eq!(plain.num_classes(), 1);
        plain.tag(&test, &mut crate::Scratch::default(), &mut out);
        assert_ne!(out, want);
    }

    #[test]
    fn l1_gives_a_sparser_model() {
        let data = toy_data();
        let (dense, _) = train(&data, &TrainOptions::default(), |_| {}).unwrap();
        let l1 = TrainOptions {
            c1: 1.0,
            c2: 0.0,
            ..TrainOptions::default()
        };
        let (sparse, _) = train(&data, &l1, |_| {}).unwrap();
        assert!(sparse.num_features() < dense.num_features());
        assert!(matches!(
            Dataset::new(vec![]),
            Err(crate::DataError::LabelCount(0))
        ));
        let empty = Dataset::new(vec!["x".into()]).unwrap();
        assert!(matches!(
            train(&empty, &TrainOptions::default(), |_| {}),
            Err(TrainError::Empty)
        ));
    }
}
