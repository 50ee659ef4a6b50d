//! A run of truth discovery and its result: each object's chosen value, each source's trust.

use crate::algorithms;
use crate::dataset::Dataset;
use crate::options::{Algorithm, TruthOptions};

impl Dataset {
    /// Runs truth discovery.
    #[must_use]
    pub fn discover(&self, options: &TruthOptions) -> Discovery<'_> {
        discover(self, options)
    }
}

/// Runs truth discovery on `dataset` with `options`.
#[must_use]
pub fn discover<'d>(dataset: &'d Dataset, options: &TruthOptions) -> Discovery<'d> {
    let scores = algorithms::run(dataset, options);
    let chosen = algorithms::choose_all(dataset, &scores.belief);
    let trust = if options.algorithm == Algorithm::MajorityVote {
        // A voter's trust: the share of its claims that won.
        algorithms::won_shares(dataset, &chosen)
    } else {
        scores.trust
    };
    Discovery {
        dataset,
        algorithm: options.algorithm,
        trust,
        belief: scores.belief,
        chosen,
        iterations: scores.iterations,
        converged: scores.converged,
    }
}

/// The chosen value of one object.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Truth<'d> {
    /// The object.
    pub object: &'d str,
    /// The chosen value.
    pub value: &'d str,
    /// The algorithm's confidence in the value, in `[0, 1]` (see `docs/truth.md`: its scale
    /// depends on the algorithm).
    pub confidence: f64,
    /// The value's share of the confidence of all values claimed for the object, in `[0, 1]`.
    pub share: f64,
    /// How many sources claim this value.
    pub support: usize,
}

/// The result of a truth-discovery run.
#[derive(Debug, Clone)]
pub struct Discovery<'d> {
    dataset: &'d Dataset,
    algorithm: Algorithm,
    trust: Vec<f64>,
    belief: Vec<f64>,
    chosen: Vec<u32>,
    iterations: usize,
    converged: bool,
}

impl<'d> Discovery<'d> {
    /// The algorithm that ran.
    #[must_use]
    pub fn algorithm(&self) -> Algorithm {
        self.algorithm
    }

    /// Iterations run (1 for majority vote).
    #[must_use]
    pub fn iterations(&self) -> usize {
        self.iterations
    }

    /// True when the run stopped because trust moved less than the tolerance, not at the cap.
    #[must_use]
    pub fn converged(&self) -> bool {
        self.converged
    }

    /// The dataset.
    #[must_use]
    pub fn dataset(&self) -> &'d Dataset {
        self.dataset
    }

    fn truth_at(&self, o: usize) -> Truth<'d> {
        let f = self.chosen[o] as usize;
        let total: f64 = self.dataset.facts_of_object(o).map(|g| self.belief[g]).sum();
        Truth {
            object: &self.dataset.objects[o],
            value: &self.dataset.values[f],
            confidence: self.belief[f].clamp(0.0, 1.0),
            share: if total > 0.0 { (self.belief[f] / total).clamp(0.0, 1.0) } else { 0.0 },
            support: self.dataset.sources_of_fact(f).len(),
        }
    }

    /// The chosen value of every object, in object-name order: the value with the highest
    /// belief among those some source claims. Beliefs within `1e-9` (relative) of the highest
    /// are a tie (rounding, not evidence), which goes to the value the most sources claim, then
    /// to the first value in sorted order.
    pub fn truths(&self) -> impl ExactSizeIterator<Item = Truth<'d>> + '_ {
        (0..self.chosen.len()).map(|o| self.truth_at(o))
    }

    /// The chosen value of `object`.
    #[must_use]
    pub fn truth(&self, object: &str) -> Option<Truth<'d>> {
        let o = self.dataset.objects.binary_search_by(|x| x.as_str().cmp(object)).ok()?;
        Some(self.truth_at(o))
    }

    /// Every source with its trust in `[0, 1]`, in source-name order.
    pub fn trust(&self) -> impl ExactSizeIterator<Item = (&'d str, f64)> + '_ {
        self.dataset.sources.iter().zip(&self.trust).map(|(s, &t)| (s.as_str(), t.clamp(0.0, 1.0)))
    }

    /// The trust of `source`.
    #[must_use]
    pub fn trust_of(&self, source: &str) -> Option<f64> {
        let s = self.dataset.sources.binary_search_by(|x| x.as_str().cmp(source)).ok()?;
        Some(self.trust[s].clamp(0.0, 1.0))
    }

    /// The confidence of every claimed value of `object`, as `(value, confidence)` in value order.
    #[must_use]
    pub fn values(&self, object: &str) -> Option<Vec<(&'d str, f64)>> {
        let o = self.dataset.objects.binary_search_by(|x| x.as_str().cmp(object)).ok()?;
        Some(
            self.dataset
                .facts_of_object(o)
                .map(|f| (self.dataset.values[f].as_str(), self.belief[f].clamp(0.0, 1.0)))
                .collect(),
        )
    }
}
