//! How to run truth discovery: the algorithm, its parameters, iteration cap and convergence.

use crate::error::{Error, Result};
use crate::values::Similarity;

/// A truth-discovery algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Algorithm {
    /// The value claimed by most sources wins; one round.
    MajorityVote,
    /// Sums (hubs and authorities; Kleinberg 1999, as used by Pasternack & Roth 2010).
    Sums,
    /// Average.Log (Pasternack & Roth 2010).
    AverageLog,
    /// Investment (Pasternack & Roth 2010).
    Investment,
    /// PooledInvestment (Pasternack & Roth 2010).
    PooledInvestment,
    /// TruthFinder (Yin, Han & Yu, KDD 2007), with value implication and the dampening factor.
    TruthFinder,
    /// CRH, conflict resolution on heterogeneous data (Li et al., SIGMOD 2014), categorical loss
    /// softened by the value similarity.
    Crh,
}

impl Algorithm {
    /// Every algorithm, in the order the docs and the eval command list them.
    pub const ALL: [Algorithm; 7] = [
        Algorithm::MajorityVote,
        Algorithm::Sums,
        Algorithm::AverageLog,
        Algorithm::Investment,
        Algorithm::PooledInvestment,
        Algorithm::TruthFinder,
        Algorithm::Crh,
    ];

    /// The snake_case name (`majority_vote`, `sums`, `average_log`, `investment`,
    /// `pooled_investment`, `truth_finder`, `crh`).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Algorithm::MajorityVote => "majority_vote",
            Algorithm::Sums => "sums",
            Algorithm::AverageLog => "average_log",
            Algorithm::Investment => "investment",
            Algorithm::PooledInvestment => "pooled_investment",
            Algorithm::TruthFinder => "truth_finder",
            Algorithm::Crh => "crh",
        }
    }

    /// Parses a name: the snake_case name, case-insensitive, with `-`, `.` or nothing in place of
    /// `_` (`average.log`, `truthfinder`, `majority`).
    ///
    /// # Errors
    /// [`Error::InvalidOption`] naming the accepted values.
    pub fn from_name(name: &str) -> Result<Self> {
        let key: String = name.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_lowercase();
        let found = match key.as_str() {
            "majorityvote" | "majority" | "voting" => Some(Algorithm::MajorityVote),
            "sums" => Some(Algorithm::Sums),
            "averagelog" => Some(Algorithm::AverageLog),
            "investment" => Some(Algorithm::Investment),
            "pooledinvestment" => Some(Algorithm::PooledInvestment),
            "truthfinder" => Some(Algorithm::TruthFinder),
            "crh" => Some(Algorithm::Crh),
            _ => None,
        };
        found.ok_or_else(|| Error::InvalidOption {
            option: "algorithm",
            value: name.to_owned(),
            expected: Algorithm::ALL.iter().map(|a| a.as_str()).collect::<Vec<_>>().join(", "),
        })
    }
}

impl std::fmt::Display for Algorithm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Algorithm {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Algorithm::from_name(s)
    }
}

/// The papers' parameters. The defaults are the values the papers recommend.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Params {
    /// Investment: exponent `g` of the belief growth `G(x) = x^g` (1.2).
    pub investment_g: f64,
    /// PooledInvestment: exponent `g` (1.4).
    pub pooled_investment_g: f64,
    /// TruthFinder: initial trust `t0` of every source (0.9).
    pub initial_trust: f64,
    /// TruthFinder: weight `ρ` of the influence of related values (0.5).
    pub influence: f64,
    /// TruthFinder: dampening factor `γ` of the logistic confidence (0.3).
    pub dampening: f64,
    /// TruthFinder: `base_sim`; the implication between two values is `sim − base_sim`, so values
    /// less similar than this count against each other (0.5).
    pub base_similarity: f64,
    /// CRH: smoothing added to every source's loss, so a source without errors keeps a finite
    /// weight (0.01 claims' worth of loss).
    pub crh_smoothing: f64,
}

impl Default for Params {
    fn default() -> Self {
        Self {
            investment_g: 1.2,
            pooled_investment_g: 1.4,
            initial_trust: 0.9,
            influence: 0.5,
            dampening: 0.3,
            base_similarity: 0.5,
            crh_smoothing: 0.01,
        }
    }
}

/// Iterations run by Sums, Average.Log and Investment by default (tolerance 0: a fixed count).
pub const FIXED_ITERATIONS: usize = 20;
/// Iterations run by PooledInvestment by default.
pub const FIXED_ITERATIONS_POOLED: usize = 10;
/// Default iteration cap of TruthFinder and CRH ([`TruthOptions::max_iterations`]).
pub const DEFAULT_MAX_ITERATIONS: usize = 100;
/// Default convergence tolerance: a run stops when no source's trust moved by more than this in
/// one iteration ([`TruthOptions::tolerance`]).
pub const DEFAULT_TOLERANCE: f64 = 1e-4;

/// How an iterative run measures the change of the trust scores between two iterations; the run
/// converges when the change is below [`TruthOptions::tolerance`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Convergence {
    /// The largest change of any one source's trust, `max_s |t'(s) − t(s)|` (the default, except
    /// for TruthFinder).
    #[default]
    MaxChange,
    /// The cosine distance of the two trust vectors, `1 − t·t' / (|t| |t'|)`: TruthFinder's own
    /// stopping rule (Yin, Han & Yu 2007) and its default here, with [`DEFAULT_TOLERANCE`]; the
    /// `truthdiscovery` package uses it with a tolerance of 0.001. It ignores a common rescaling
    /// of all trust scores, so it suits algorithms whose trust is a probability, not those that
    /// rescale trust to a largest of 1 each iteration. On Book, TruthFinder stops after 6
    /// iterations under it (0.001: 2) and after 32 under [`Convergence::MaxChange`], with the
    /// same accuracy as at 32.
    Cosine,
}

impl Convergence {
    /// The name used by the CLI and Python: `max-change` or `cosine`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Convergence::MaxChange => "max-change",
            Convergence::Cosine => "cosine",
        }
    }

    /// Parses a name, ignoring case and punctuation (`max-change`, `max_change`, `cosine`).
    ///
    /// # Errors
    /// [`Error::InvalidOption`] for any other name, listing the valid ones.
    pub fn from_name(name: &str) -> Result<Self> {
        let key: String = name.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_lowercase();
        match key.as_str() {
            "maxchange" => Ok(Convergence::MaxChange),
            "cosine" => Ok(Convergence::Cosine),
            _ => Err(Error::InvalidOption {
                option: "convergence",
                value: name.to_owned(),
                expected: "max-change, cosine".to_owned(),
            }),
        }
    }

    /// The change between two trust vectors under this criterion.
    pub(crate) fn change(self, old: &[f64], new: &[f64]) -> f64 {
        match self {
            Convergence::MaxChange => old.iter().zip(new).map(|(x, y)| (x - y).abs()).fold(0.0, f64::max),
            Convergence::Cosine => {
                let (mut dot, mut a, mut b) = (0.0, 0.0, 0.0);
                for (x, y) in old.iter().zip(new) {
                    dot += x * y;
                    a += x * x;
                    b += y * y;
                }
                let norms = (a * b).sqrt();
                // Two zero vectors have not moved; one zero vector against another is as far
                // as vectors get.
                if norms > 0.0 {
                    (1.0 - dot / norms).max(0.0)
                } else if a == b {
                    0.0
                } else {
                    1.0
                }
            }
        }
    }
}

/// How to run truth discovery: the algorithm, its convergence criterion, value similarity and
/// parameters. Build with [`TruthOptions::new`] and the `with_*` methods.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct TruthOptions {
    /// The algorithm.
    pub algorithm: Algorithm,
    /// Iteration cap ([`DEFAULT_MAX_ITERATIONS`]; [`FIXED_ITERATIONS`] for Sums, Average.Log and
    /// Investment, [`FIXED_ITERATIONS_POOLED`] for PooledInvestment).
    pub max_iterations: usize,
    /// Convergence tolerance on trust ([`DEFAULT_TOLERANCE`]; 0 for the fixed-iteration
    /// algorithms, which then always run to the cap).
    pub tolerance: f64,
    /// How the change of trust is measured against the tolerance ([`Convergence::Cosine`] for
    /// TruthFinder, as in its paper; [`Convergence::MaxChange`] for the others).
    pub convergence: Convergence,
    /// How similar two values of the same object are (TruthFinder's implication, CRH's loss).
    pub similarity: Similarity,
    /// The papers' parameters.
    pub params: Params,
}

impl Default for TruthOptions {
    fn default() -> Self {
        Self::new(Algorithm::TruthFinder)
    }
}

impl TruthOptions {
    /// Options for `algorithm` with the documented defaults.
    #[must_use]
    pub fn new(algorithm: Algorithm) -> Self {
        // Pasternack & Roth run Sums, Average.Log and Investment for a fixed 20 iterations (10 for
        // PooledInvestment, whose beliefs sharpen fastest): they need not converge, and running
        // Investment to convergence lets the largest claims absorb all belief.
        let (max_iterations, tolerance) = match algorithm {
            Algorithm::Sums | Algorithm::AverageLog | Algorithm::Investment => (FIXED_ITERATIONS, 0.0),
            Algorithm::PooledInvestment => (FIXED_ITERATIONS_POOLED, 0.0),
            _ => (DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE),
        };
        // TruthFinder stops by its paper's rule, the cosine distance of the trust vectors.
        let convergence =
            if algorithm == Algorithm::TruthFinder { Convergence::Cosine } else { Convergence::MaxChange };
        Self {
            algorithm,
            max_iterations,
            tolerance,
            convergence,
            similarity: Similarity::Exact,
            params: Params::default(),
        }
    }

    /// Sets the iteration cap (at least 1).
    #[must_use]
    pub fn with_max_iterations(mut self, n: usize) -> Self {
        self.max_iterations = n.max(1);
        self
    }

    /// Sets the convergence tolerance.
    #[must_use]
    pub fn with_tolerance(mut self, tolerance: f64) -> Self {
        self.tolerance = tolerance;
        self
    }

    /// Sets how the change of trust is measured against the tolerance.
    #[must_use]
    pub fn with_convergence(mut self, convergence: Convergence) -> Self {
        self.convergence = convergence;
        self
    }

    /// Sets the value similarity.
    #[must_use]
    pub fn with_similarity(mut self, similarity: Similarity) -> Self {
        self.similarity = similarity;
        self
    }

    /// Sets the parameters.
    #[must_use]
    pub fn with_params(mut self, params: Params) -> Self {
        self.params = params;
        self
    }
}
