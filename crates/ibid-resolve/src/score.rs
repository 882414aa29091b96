//! Pairwise precision and recall of a clustering of citations into works,
//! for measuring resolution against hand-linked notes.

use std::collections::HashMap;

/// Pairwise scores: a pair of citations counts when both are in the same
/// cluster. Citations with no gold work (or no predicted work) are in no cluster.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairwiseScores {
    /// Correct predicted pairs / predicted pairs (1.0 when nothing was predicted).
    pub precision: f64,
    /// Correct predicted pairs / gold pairs (1.0 when there are no gold pairs).
    pub recall: f64,
    /// Harmonic mean of precision and recall (0.0 when both are 0).
    pub f1: f64,
    pub gold_pairs: u64,
    pub predicted_pairs: u64,
    pub correct_pairs: u64,
    /// Citations compared (the shorter of the two slices).
    pub compared: usize,
}

fn pairs(n: u64) -> u64 {
    n * n.saturating_sub(1) / 2
}

/// Score a predicted clustering (`predicted[i]` = work index of citation `i`)
/// against a gold one (`gold[i]` = gold work label). Linear time.
///
/// ```
/// use ibid_resolve::score_clustering;
/// let gold = [Some("a"), Some("a"), Some("b"), None];
/// let pred = [Some(0), Some(0), Some(0), None];
/// let s = score_clustering(&gold, &pred);
/// assert_eq!((s.correct_pairs, s.predicted_pairs, s.gold_pairs), (1, 3, 1));
/// assert!((s.precision - 1.0 / 3.0).abs() < 1e-9 && s.recall == 1.0);
/// ```
pub fn score_clustering(gold: &[Option<&str>], predicted: &[Option<usize>]) -> PairwiseScores {
    let n = gold.len().min(predicted.len());
    let mut g: HashMap<&str, u64> = HashMap::new();
    let mut p: HashMap<usize, u64> = HashMap::new();
    let mut joint: HashMap<(&str, usize), u64> = HashMap::new();
    for i in 0..n {
        if let Some(gl) = gold[i] {
            *g.entry(gl).or_default() += 1;
        }
        if let Some(pl) = predicted[i] {
            *p.entry(pl).or_default() += 1;
        }
        if let (Some(gl), Some(pl)) = (gold[i], predicted[i]) {
            *joint.entry((gl, pl)).or_default() += 1;
        }
    }
    let gold_pairs: u64 = g.values().map(|&c| pairs(c)).sum();
    let predicted_pairs: u64 = p.values().map(|&c| pairs(c)).sum();
    let correct_pairs: u64 = joint.values().map(|&c| pairs(c)).sum();
    let ratio = |num: u64, den: u64| {
        if den == 0 {
            1.0
        } else {
            num as f64 / den as f64
        }
    };
    let precision = ratio(correct_pairs, predicted_pairs);
    let recall = ratio(correct_pairs, gold_pairs);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    PairwiseScores {
        precision,
        recall,
        f1,
        gold_pairs,
        predicted_pairs,
        correct_pairs,
        compared: n,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_clustering_scores_one() {
        let gold = [Some("a"), Some("b"), Some("a"), Some("b"), Some("c")];
        let pred = [Some(7), Some(3), Some(7), Some(3), Some(9)];
        let s = score_clustering(&gold, &pred);
        assert_eq!((s.precision, s.recall, s.f1), (1.0, 1.0, 1.0));
        assert_eq!(s.gold_pairs, 2);
    }

    #[test]
    fn merging_two_works_costs_precision_and_splitting_costs_recall() {
        let gold = [Some("a"), Some("a"), Some("b"), Some("b")];
        let merged = score_clustering(&gold, &[Some(0), Some(0), Some(0), Some(0)]);
        assert_eq!((merged.correct_pairs, merged.predicted_pairs), (2, 6));
        assert!((merged.precision - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(merged.recall, 1.0);
        let split = score_clustering(&gold, &[Some(0), Some(1), Some(2), Some(2)]);
        assert_eq!(split.precision, 1.0);
        assert_eq!(split.recall, 0.5);
        assert!((split.f1 - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn unlinked_citations_and_edge_cases() {
        // A gold-unlinked citation put into a cluster makes a false pair.
        let s = score_clustering(&[Some("a"), None], &[Some(0), Some(0)]);
        assert_eq!(
            (s.correct_pairs, s.predicted_pairs, s.gold_pairs),
            (0, 1, 0)
        );
        assert_eq!(s.precision, 0.0);
        let none = score_clustering(&[Some("a"), Some("a")], &[None, None]);
        assert_eq!((none.precision, none.recall, none.f1), (1.0, 0.0, 0.0));
        let empty = score_clustering(&[], &[]);
        assert_eq!((empty.f1, empty.compared), (1.0, 0));
        let uneven = score_clustering(&[Some("a"), Some("a"), Some("a")], &[Some(1), Some(1)]);
        assert_eq!(uneven.compared, 2);
        assert_eq!(uneven.correct_pairs, 1);
    }
}
