//! Truth discovery: given `(source, object, value)` observations, estimate the true value of each
//! object and how trustworthy each source is.
//!
//! - [`Observation`] / [`Dataset`]: the claims, interned and indexed (sources, objects and values
//!   are sorted by name, so the input order never changes a result).
//! - [`Algorithm`]: majority vote, Sums, Average.Log, Investment, PooledInvestment, TruthFinder,
//!   CRH; [`TruthOptions`] holds the iteration cap, the tolerance, the value [`Similarity`] and
//!   the papers' parameters ([`Params`]).
//! - [`Discovery`]: per object the chosen value with its confidence, per source a trust score,
//!   the number of iterations and whether the run converged.
//! - [`Normalizer`] and [`normalize`]: value normalisation (text, numbers, author lists), which
//!   moves results more than the choice of algorithm.
//! - [`Dataset::read_tsv_normalized`] and [`tsv_lines`]: tab-separated claim files read in one
//!   pass.
//!
//! The news crate `veracity` re-exports this crate as `veracity::truth` and uses it to corroborate
//! claims across articles. The algorithms and their parameters are described in `docs/truth.md`.
//!
//! ```
//! use veracity_truth::{Algorithm, Dataset, Observation, TruthOptions};
//!
//! let observations = [
//!     Observation::new("a", "capital of Australia", "Canberra"),
//!     Observation::new("b", "capital of Australia", "Canberra"),
//!     Observation::new("c", "capital of Australia", "Sydney"),
//! ];
//! let dataset = Dataset::new(&observations);
//! let discovery = dataset.discover(&TruthOptions::new(Algorithm::TruthFinder));
//! assert_eq!(discovery.truth("capital of Australia").unwrap().value, "Canberra");
//! assert!(discovery.trust_of("a").unwrap() > discovery.trust_of("c").unwrap());
//! ```
//!
//! # Cargo features
//!
//! | feature | default | what it does |
//! |---|---|---|
//! | `serde` | yes | `Serialize`/`Deserialize` on observations, algorithms, options and parameters |
//! | `parallel` | yes | large datasets are read, indexed and iterated on rayon (same results) |
#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]

// The modules from the bottom up, each using only modules before it in this list: `error`,
// `fastmath`, `fold`, `order` and `threads` (none), `observation`, `tsv`, `names`, `values`,
// `options`, `passes`, `dataset`, `algorithms`, `discovery`.
mod algorithms;
mod dataset;
mod discovery;
mod error;
mod fastmath;
mod fold;
mod names;
mod observation;
mod options;
mod order;
mod passes;
mod threads;
mod tsv;
mod values;

pub use dataset::Dataset;
pub use discovery::{Discovery, Truth, discover};
pub use error::{Error, ErrorKind, Result};
pub use fold::fold;
pub use observation::Observation;
pub use options::{
    Algorithm, Convergence, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE, FIXED_ITERATIONS, FIXED_ITERATIONS_POOLED,
    Params, TruthOptions,
};

pub use names::{author_last_names, normalize_author_lists};
pub use tsv::{PARALLEL_MIN_TEXT, TSV_MAX_COLUMNS, TsvLines, TsvRead, tsv_line_number, tsv_lines};
pub use values::{NormalizeFn, Normalizer, Similarity, SimilarityFn, normalize};

/// The README's example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

#[cfg(test)]
mod tests;
