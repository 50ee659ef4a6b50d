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

mod algorithms;
mod error;
mod fastmath;
mod names;
mod passes;
mod tsv;
mod values;

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

pub use error::{Error, ErrorKind, Result};

pub use names::{author_last_names, normalize_author_lists};
pub use tsv::{TsvLines, tsv_line_number, tsv_lines};
pub use values::{NormalizeFn, Normalizer, Similarity, SimilarityFn, fold};

/// Texts of at least this many bytes are read in two halves on two threads by
/// [`Dataset::from_tsv_normalized`] (with the `parallel` feature and [`Normalizer::AuthorNames`]);
/// below it, the second thread costs more than it saves.
pub const PARALLEL_MIN_TEXT: usize = 1 << 16;

/// The tab-separated readers ([`Dataset::from_tsv_normalized`], [`Dataset::read_tsv_normalized`])
/// take their source, object and value from the first this many fields of a line.
pub const TSV_MAX_COLUMNS: usize = 8;

/// The number of fields a line needs to hold the fields `columns` names.
fn tsv_fields_needed(columns: [usize; 3]) -> usize {
    columns.iter().max().map_or(0, |&c| c + 1)
}

/// The claims (`columns` of each line with at least `need` fields) of tab-separated text,
/// counting the lines in `read`.
fn tsv_claims<'t, 'r, const N: usize>(
    text: &'t str,
    columns: [usize; 3],
    need: usize,
    read: &'r mut TsvRead,
) -> TsvClaims<'t, 'r, N> {
    TsvClaims { lines: tsv_lines::<N>(text), columns, need, counted: TsvRead::default(), out: read }
}

/// [`tsv_claims`]' iterator. It counts in its own `counted` and writes the count to `out` only
/// when dropped: the two halves of a file are read on two threads into two `TsvRead`s that sit
/// side by side in the caller's frame, and a store to `out` per line made both threads write one
/// cache line (false sharing; about 1 ms of Book's 6 ms in the Python extension).
struct TsvClaims<'t, 'r, const N: usize> {
    lines: TsvLines<'t, N>,
    columns: [usize; 3],
    need: usize,
    counted: TsvRead,
    out: &'r mut TsvRead,
}

impl<'t, const N: usize> Iterator for TsvClaims<'t, '_, N> {
    type Item = (&'t str, &'t str, &'t str);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let (f, n) = self.lines.next()?;
            let read = &mut self.counted;
            if n < self.need && read.first_short.is_none() {
                read.first_short = Some((read.lines, n));
            }
            read.lines += 1;
            if n >= self.need {
                return Some((f[self.columns[0]], f[self.columns[1]], f[self.columns[2]]));
            }
        }
    }
}

impl<const N: usize> Drop for TsvClaims<'_, '_, N> {
    fn drop(&mut self) {
        *self.out = self.counted;
    }
}

/// One half of a file ([`tsv::read_half`]) read into `slot`, and its claims interned under
/// [`Normalizer::AuthorNames`]: the half's text, its claims and what was read.
#[cfg(unix)]
fn read_and_intern<'p, const N: usize>(
    file: &std::fs::File,
    len: usize,
    second: bool,
    slot: &'p mut tsv::TextPart,
    columns: [usize; 3],
) -> std::io::Result<(&'p str, names::Interned<'p>, TsvRead)> {
    *slot = tsv::read_half(file, len, second)?;
    let slot: &'p tsv::TextPart = slot;
    let text = slot.as_str();
    let mut read = TsvRead::default();
    // About one claim per 48 bytes (Book's lines average 47).
    let hint = text.len() / 48;
    let interned =
        names::intern_with_capacity(tsv_claims::<N>(text, columns, tsv_fields_needed(columns), &mut read), hint);
    Ok((text, interned, read))
}

/// Whether the rayon pool has a second thread (with the `parallel` feature): on one thread,
/// reading in halves only adds the merge.
fn two_threads() -> bool {
    #[cfg(feature = "parallel")]
    {
        rayon::current_num_threads() > 1
    }
    #[cfg(not(feature = "parallel"))]
    {
        false
    }
}

/// What [`Dataset::from_tsv_normalized_counted`] read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TsvRead {
    /// Non-empty lines, those with too few fields included.
    pub lines: usize,
    /// The first line with too few fields, if any: its index among the non-empty lines (from
    /// 0) and its number of fields.
    pub first_short: Option<(usize, usize)>,
}

impl TsvRead {
    /// What reading `self`'s text and then `next`'s read: `next`'s line indices follow `self`'s.
    fn then(self, next: TsvRead) -> TsvRead {
        TsvRead {
            lines: self.lines + next.lines,
            first_short: self.first_short.or(next.first_short.map(|(i, n)| (self.lines + i, n))),
        }
    }
}

/// A fast non-cryptographic hasher for the interning maps (FxHash).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.write_u64(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The tail, without a variable-length copy.
            let tail = rest.iter().rev().fold(0u64, |v, &b| v << 8 | u64::from(b));
            self.write_u64(tail);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write_u64(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
}

pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// One claim: `source` says that `object` has `value`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Observation {
    /// Who makes the claim (a website, an outlet, a named person).
    pub source: String,
    /// What the claim is about (the question: an ISBN's author list, a city's population).
    pub object: String,
    /// The claimed value.
    pub value: String,
}

impl Observation {
    /// A new observation.
    pub fn new(source: impl Into<String>, object: impl Into<String>, value: impl Into<String>) -> Self {
        Self { source: source.into(), object: object.into(), value: value.into() }
    }
}

/// Applies a normaliser to every observation, dropping those it rejects (an empty or "Not
/// Available" value). [`Normalizer::AuthorNames`] also uses every claim about the same object
/// (see [`normalize_author_lists`]).
#[must_use]
pub fn normalize(observations: &[Observation], normalizer: &Normalizer) -> Vec<Observation> {
    if matches!(normalizer, Normalizer::AuthorNames) {
        return normalize_author_lists(observations);
    }
    observations
        .iter()
        .filter_map(|o| {
            normalizer.apply(&o.value).map(|v| Observation {
                source: o.source.clone(),
                object: o.object.clone(),
                value: v,
            })
        })
        .collect()
}

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

/// Observations interned and indexed for the algorithms.
///
/// Sources, objects and each object's values are sorted by name, and a source that repeats a
/// claim counts once, so the order of the input never changes a result. A source that gives
/// several values for one object keeps one: the value it gives most often, ties to the first in
/// sorted order.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    sources: Vec<String>,
    objects: Vec<String>,
    values: Vec<String>,
    index: Index,
    /// Observations given, before removing repeats.
    observations: usize,
}

/// The indices of `items` in sorted order.
fn by_name<T: Ord>(items: &[T]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| items[a as usize].cmp(&items[b as usize]));
    order
}

/// Each item's position in sorted order.
fn rank<T: Ord>(items: &[T]) -> Vec<u32> {
    let mut rank = vec![0u32; items.len()];
    for (r, &i) in by_name(items).iter().enumerate() {
        rank[i as usize] = r as u32;
    }
    rank
}

/// The order of `0..n` stably sorted by `key(i) < buckets`.
fn counting_sort(n: usize, buckets: usize, key: impl Fn(usize) -> u32) -> Vec<u32> {
    let mut start = vec![0u32; buckets + 1];
    for i in 0..n {
        start[key(i) as usize + 1] += 1;
    }
    for b in 0..buckets {
        start[b + 1] += start[b];
    }
    let mut order = vec![0u32; n];
    for i in 0..n {
        let k = key(i) as usize;
        order[start[k] as usize] = i as u32;
        start[k] += 1;
    }
    order
}

fn csr(n: usize, pairs: &[(u32, u32)]) -> (Vec<u32>, Vec<u32>) {
    // `pairs` sorted by first component.
    let mut start = vec![0u32; n + 1];
    for &(a, _) in pairs {
        start[a as usize + 1] += 1;
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    (start, pairs.iter().map(|&(_, b)| b).collect())
}

/// The claims of a dataset laid out for the algorithms.
#[derive(Debug, Clone, Default)]
struct Index {
    /// Facts of object `o` (a fact is one value of one object): `object_start[o]..object_start[o + 1]`.
    object_start: Vec<u32>,
    /// Sources of fact `f`: `fact_sources[fact_start[f]..fact_start[f + 1]]`.
    fact_start: Vec<u32>,
    fact_sources: Vec<u32>,
    /// Facts of source `s`: `source_facts[source_start[s]..source_start[s + 1]]`.
    source_start: Vec<u32>,
    source_facts: Vec<u32>,
    /// The same claims laid out for the iterative algorithms' passes, built when the first one
    /// runs ([`Index::passes`]): majority vote and a dataset only looked up need none.
    passes: std::sync::OnceLock<passes::Passes>,
}

impl Index {
    /// From each source's facts in order (`source_start`, `source_facts`): the facts' sources by
    /// a stable counting sort on the fact (sources stay in order).
    fn new(object_start: Vec<u32>, source_start: Vec<u32>, source_facts: Vec<u32>) -> Self {
        let n_facts = object_start.last().map_or(0, |&f| f as usize);
        let mut fact_start = vec![0u32; n_facts + 1];
        for &f in &source_facts {
            fact_start[f as usize + 1] += 1;
        }
        for i in 0..n_facts {
            fact_start[i + 1] += fact_start[i];
        }
        let mut fact_sources = vec![0u32; source_facts.len()];
        let mut fill = fact_start.clone();
        for s in 0..source_start.len().saturating_sub(1) {
            for &f in &source_facts[source_start[s] as usize..source_start[s + 1] as usize] {
                fact_sources[fill[f as usize] as usize] = s as u32;
                fill[f as usize] += 1;
            }
        }
        Index { object_start, fact_start, fact_sources, source_start, source_facts, passes: std::sync::OnceLock::new() }
    }

    /// The passes' layout, built on first use.
    fn passes(&self) -> &passes::Passes {
        self.passes.get_or_init(|| {
            let parallel = cfg!(feature = "parallel") && self.fact_sources.len() >= algorithms::PARALLEL_MIN_CLAIMS;
            passes::Passes::new(&self.object_start, &self.fact_start, &self.fact_sources, &self.source_start, parallel)
        })
    }
}

impl Dataset {
    /// Indexes observations.
    #[must_use]
    pub fn new(observations: &[Observation]) -> Self {
        Self::from_triples(observations.iter().map(|o| (o.source.as_str(), o.object.as_str(), o.value.as_str())))
    }

    /// Indexes `(source, object, value)` triples.
    pub fn from_triples<'a, I>(triples: I) -> Self
    where
        I: IntoIterator<Item = (&'a str, &'a str, &'a str)>,
    {
        let mut sources: FxMap<&'a str, u32> = FxMap::default();
        let mut objects: FxMap<&'a str, u32> = FxMap::default();
        let mut facts: FxMap<(u32, &'a str), u32> = FxMap::default();
        let mut fact_keys: Vec<(u32, &'a str)> = Vec::new();
        let mut claims: Vec<(u32, u32)> = Vec::new();
        let mut source_names: Vec<&'a str> = Vec::new();
        let mut object_names: Vec<&'a str> = Vec::new();
        for (s, o, v) in triples {
            let n = source_names.len() as u32;
            let sid = *sources.entry(s).or_insert_with(|| {
                source_names.push(s);
                n
            });
            let n = object_names.len() as u32;
            let oid = *objects.entry(o).or_insert_with(|| {
                object_names.push(o);
                n
            });
            let n = fact_keys.len() as u32;
            let fid = *facts.entry((oid, v)).or_insert_with(|| {
                fact_keys.push((oid, v));
                n
            });
            claims.push((sid, fid));
        }
        Self::build(&source_names, &object_names, &fact_keys, &claims)
    }

    /// Indexes interned claims: `(source id, fact id)` pairs, facts as `(object id, value)`.
    fn build(source_names: &[&str], object_names: &[&str], fact_keys: &[(u32, &str)], claims: &[(u32, u32)]) -> Self {
        let observations = claims.len();
        // Canonical order: sources and objects by name, facts by (object, value).
        let source_rank = rank(source_names);
        let object_rank = rank(object_names);
        let n_objects = object_names.len();
        // Facts: bucketed by object rank (a counting sort), then each object's values by name.
        let mut object_start = vec![0u32; n_objects + 1];
        for &(o, _) in fact_keys {
            object_start[object_rank[o as usize] as usize + 1] += 1;
        }
        for i in 0..n_objects {
            object_start[i + 1] += object_start[i];
        }
        let mut by_fact: Vec<u32> = vec![0; fact_keys.len()];
        let mut fill = object_start.clone();
        for (i, &(o, _)) in fact_keys.iter().enumerate() {
            let r = object_rank[o as usize] as usize;
            by_fact[fill[r] as usize] = i as u32;
            fill[r] += 1;
        }
        for o in 0..n_objects {
            by_fact[object_start[o] as usize..object_start[o + 1] as usize]
                .sort_unstable_by(|&a, &b| fact_keys[a as usize].1.cmp(fact_keys[b as usize].1));
        }
        let mut fact_rank = vec![0u32; fact_keys.len()];
        for (r, &i) in by_fact.iter().enumerate() {
            fact_rank[i as usize] = r as u32;
        }
        let values: Vec<String> = by_fact.iter().map(|&i| fact_keys[i as usize].1.to_owned()).collect();
        let mut sorted_sources = vec![String::new(); source_names.len()];
        for (i, name) in source_names.iter().enumerate() {
            sorted_sources[source_rank[i] as usize] = (*name).to_owned();
        }
        let mut sorted_objects = vec![String::new(); n_objects];
        for (i, name) in object_names.iter().enumerate() {
            sorted_objects[object_rank[i] as usize] = (*name).to_owned();
        }
        // One value per source and object: the one it repeats most, ties to the first value in
        // sorted order. (Listing a book twice with two author strings is one claim, not two.)
        // Facts are numbered object by object, so (source, fact) order is (source, object, fact)
        // order.
        // Sorted by two stable counting sorts, by fact then by source (a comparison sort of the
        // packed keys cost 130 instructions a claim on Book).
        let by_fact_rank = counting_sort(claims.len(), values.len(), |i| fact_rank[claims[i].1 as usize]);
        let by_source_rank = counting_sort(claims.len(), source_names.len(), |i| {
            source_rank[claims[by_fact_rank[i] as usize].0 as usize]
        });
        let keyed_claims: Vec<u64> = by_source_rank
            .iter()
            .map(|&i| {
                let (s, f) = claims[by_fact_rank[i as usize] as usize];
                u64::from(source_rank[s as usize]) << 32 | u64::from(fact_rank[f as usize])
            })
            .collect();
        let object_of = |f: u32| object_rank[fact_keys[by_fact[f as usize] as usize].0 as usize];
        // (source, fact), already in source then fact order.
        let mut by_source: Vec<(u32, u32)> = Vec::with_capacity(keyed_claims.len());
        let mut i = 0;
        while i < keyed_claims.len() {
            let s = (keyed_claims[i] >> 32) as u32;
            let o = object_of(keyed_claims[i] as u32);
            let mut best = (0usize, 0u32);
            while i < keyed_claims.len()
                && (keyed_claims[i] >> 32) as u32 == s
                && object_of(keyed_claims[i] as u32) == o
            {
                let key = keyed_claims[i];
                let mut n = 0;
                while i < keyed_claims.len() && keyed_claims[i] == key {
                    n += 1;
                    i += 1;
                }
                if n > best.0 {
                    best = (n, key as u32);
                }
            }
            by_source.push((s, best.1));
        }
        let (source_start, source_facts) = csr(sorted_sources.len(), &by_source);
        let index = Index::new(object_start, source_start, source_facts);
        Self::from_index(sorted_sources, sorted_objects, values, index, observations)
    }

    /// The dataset of sorted sources, objects and facts, laid out in `index`.
    fn from_index(
        sources: Vec<String>,
        objects: Vec<String>,
        values: Vec<String>,
        index: Index,
        observations: usize,
    ) -> Self {
        debug_assert_eq!(index.object_start.len(), objects.len() + 1);
        debug_assert_eq!(index.fact_start.len(), values.len() + 1);
        debug_assert_eq!(index.source_start.len(), sources.len() + 1);
        Dataset { sources, objects, values, index, observations }
    }

    /// Normalises and indexes `(source, object, raw value)` triples: the same dataset as
    /// `Dataset::new(&normalize(&observations, normalizer))`, without building the intermediate
    /// observations (on Book, with [`Normalizer::AuthorNames`], the fast path from a file to a
    /// dataset).
    pub fn from_triples_normalized<'a, I>(triples: I, normalizer: &Normalizer) -> Self
    where
        I: IntoIterator<Item = (&'a str, &'a str, &'a str)>,
    {
        match normalizer {
            Normalizer::AuthorNames => Self::from_author_facts(names::author_facts(triples)),
            Normalizer::Exact => Self::from_triples(triples.into_iter().filter(|c| !c.2.is_empty())),
            other => {
                let claims: Vec<(&str, &str, &str)> = triples.into_iter().collect();
                let values: Vec<Option<String>> = claims.iter().map(|c| other.apply(c.2)).collect();
                Self::from_triples(
                    claims.iter().zip(&values).filter_map(|(&(s, o, _), v)| v.as_deref().map(|v| (s, o, v))),
                )
            }
        }
    }

    /// The dataset of normalised author lists: each object's values already sorted and each
    /// source's one value chosen ([`names::author_facts`]); sources and objects without a value
    /// are left out.
    fn from_author_facts(f: names::AuthorFacts<'_>) -> Self {
        let names::AuthorFacts { sources, objects, source_by_name, object_by_name, facts } = f;
        let names::ObjectFacts { values: mut all_values, value_start, pairs, pair_start, claims } = facts;
        // Sources with a value, numbered by name.
        let mut has_value = vec![false; sources.len()];
        for &(s, _) in &pairs {
            has_value[s as usize] = true;
        }
        let mut source_id = vec![u32::MAX; sources.len()];
        let mut sorted_sources = Vec::new();
        for &s in &source_by_name {
            if has_value[s as usize] {
                source_id[s as usize] = sorted_sources.len() as u32;
                sorted_sources.push(sources[s as usize].to_owned());
            }
        }
        // The objects with a value by name and their facts in order; each source's facts by a
        // counting sort on the source (objects in order, one fact each, so facts stay in order).
        let pairs_of = |o: u32| &pairs[pair_start[o as usize] as usize..pair_start[o as usize + 1] as usize];
        let (mut sorted_objects, mut object_start) = (Vec::new(), vec![0u32]);
        let mut values = Vec::with_capacity(all_values.len());
        let mut source_start = vec![0u32; sorted_sources.len() + 1];
        for &o in &object_by_name {
            let (a, b) = (value_start[o as usize] as usize, value_start[o as usize + 1] as usize);
            if a == b {
                continue;
            }
            sorted_objects.push(objects[o as usize].to_owned());
            values.extend(all_values[a..b].iter_mut().map(std::mem::take));
            object_start.push(values.len() as u32);
            for &(s, _) in pairs_of(o) {
                source_start[source_id[s as usize] as usize + 1] += 1;
            }
        }
        for s in 0..sorted_sources.len() {
            source_start[s + 1] += source_start[s];
        }
        let mut source_facts = vec![0u32; pairs.len()];
        let mut fill = source_start.clone();
        let mut base = 0;
        for &o in &object_by_name {
            for &(s, v) in pairs_of(o) {
                let s = source_id[s as usize] as usize;
                source_facts[fill[s] as usize] = base + v;
                fill[s] += 1;
            }
            base += value_start[o as usize + 1] - value_start[o as usize];
        }
        let index = Index::new(object_start, source_start, source_facts);
        Self::from_index(sorted_sources, sorted_objects, values, index, claims)
    }

    /// Reads `(source, object, value)` claims from tab-separated text (fields `columns`, each
    /// below 8, of each line; lines split as [`tsv_lines`] does; a line with too few fields is
    /// skipped), then normalises and indexes them: the same dataset as
    /// [`Dataset::from_triples_normalized`] on those claims.
    ///
    /// With the `parallel` feature and at least two threads in the rayon pool, a large text (at
    /// least [`PARALLEL_MIN_TEXT`] bytes) under [`Normalizer::AuthorNames`] is read, interned
    /// and parsed in two halves (cut at a line end), one per thread, and the objects' lexicons
    /// computed in two ranges of objects; the dataset is the same whatever the number of
    /// threads.
    ///
    /// ```
    /// use veracity_truth::{Dataset, Normalizer};
    /// let text = "s1\tb1\tKnuth, Donald\ns2\tb1\tDonald E. Knuth\nshort line\n";
    /// let d = Dataset::from_tsv_normalized(text, [0, 1, 2], &Normalizer::AuthorNames);
    /// assert_eq!(d.values_of("b1").unwrap(), ["knuth"]);
    /// ```
    ///
    /// # Panics
    /// When a column is 8 or more.
    #[must_use]
    pub fn from_tsv_normalized(text: &str, columns: [usize; 3], normalizer: &Normalizer) -> Self {
        Self::from_tsv_normalized_counted(text, columns, normalizer).0
    }

    /// [`Dataset::from_tsv_normalized`], with what the reading saw: the number of (non-empty)
    /// lines and the first line with too few fields, from the same pass over the text.
    ///
    /// ```
    /// use veracity_truth::{Dataset, Normalizer, TsvRead};
    /// let text = "s1\tb1\tKnuth\n\nshort line\ns2\tb1\tKnuth\n";
    /// let (d, read) = Dataset::from_tsv_normalized_counted(text, [0, 1, 2], &Normalizer::Exact);
    /// assert_eq!(d.n_claims(), 2);
    /// assert_eq!(read, TsvRead { lines: 3, first_short: Some((1, 1)) });
    /// ```
    ///
    /// # Panics
    /// When a column is 8 or more.
    #[must_use]
    pub fn from_tsv_normalized_counted(text: &str, columns: [usize; 3], normalizer: &Normalizer) -> (Self, TsvRead) {
        assert!(tsv_fields_needed(columns) <= TSV_MAX_COLUMNS, "columns must be below {TSV_MAX_COLUMNS}");
        let parts = if matches!(normalizer, Normalizer::AuthorNames) && text.len() >= PARALLEL_MIN_TEXT && two_threads()
        {
            let (a, b) = tsv::split_at_line(text);
            [a, b]
        } else {
            [text, ""]
        };
        Self::from_tsv_parts(parts, columns, normalizer)
    }

    /// [`Dataset::from_tsv_parts_of`] with room for the fields `columns` needs (at most
    /// [`TSV_MAX_COLUMNS`]).
    fn from_tsv_parts(parts: [&str; 2], columns: [usize; 3], normalizer: &Normalizer) -> (Self, TsvRead) {
        if tsv_fields_needed(columns) <= 4 {
            Self::from_tsv_parts_of::<4>(parts, columns, normalizer)
        } else {
            Self::from_tsv_parts_of::<TSV_MAX_COLUMNS>(parts, columns, normalizer)
        }
    }

    /// The claims of the text `parts[0]` followed by `parts[1]` (cut at a line end): each part
    /// interned and parsed on its own thread for [`Normalizer::AuthorNames`] on two threads.
    fn from_tsv_parts_of<const N: usize>(
        parts: [&str; 2],
        columns: [usize; 3],
        normalizer: &Normalizer,
    ) -> (Self, TsvRead) {
        let need = tsv_fields_needed(columns);
        let claims = |text, read| tsv_claims::<N>(text, columns, need, read);
        let (mut read, mut second) = (TsvRead::default(), TsvRead::default());
        let [a, b] = parts;
        let d = if matches!(normalizer, Normalizer::AuthorNames) && !b.is_empty() && two_threads() {
            Self::from_author_facts(names::author_facts_in_parts([claims(a, &mut read), claims(b, &mut second)]))
        } else {
            Self::from_triples_normalized(claims(a, &mut read).chain(claims(b, &mut second)), normalizer)
        };
        (d, read.then(second))
    }

    /// Reads a tab-separated file of claims and normalises and indexes them:
    /// [`Dataset::from_tsv_normalized`] on the file's text (bytes that are not UTF-8 replaced
    /// by U+FFFD, as [`String::from_utf8_lossy`] does), except that a line without the fields
    /// `columns` names is an error, not skipped.
    ///
    /// With the `parallel` feature and at least two threads in the rayon pool, a large file (at
    /// least [`PARALLEL_MIN_TEXT`] bytes) is read and checked in two halves cut at a line end,
    /// one per thread (on Unix), and under [`Normalizer::AuthorNames`] each half is interned
    /// and parsed on the thread that read it; the dataset is the same whatever the number of
    /// threads.
    ///
    /// ```
    /// use veracity_truth::{Dataset, ErrorKind, Normalizer};
    /// let path = std::env::temp_dir().join(format!("veracity-doc-{}.tsv", std::process::id()));
    /// std::fs::write(&path, "s1\tb1\tKnuth, Donald\ns2\tb1\tDonald E. Knuth\n").unwrap();
    /// let d = Dataset::read_tsv_normalized(&path, [0, 1, 2], &Normalizer::AuthorNames).unwrap();
    /// assert_eq!(d.values_of("b1").unwrap(), ["knuth"]);
    /// std::fs::write(&path, "s1\tb1\tKnuth\n\nshort line\n").unwrap();
    /// let err = Dataset::read_tsv_normalized(&path, [0, 1, 2], &Normalizer::Exact).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::InvalidRecord);
    /// assert!(err.to_string().ends_with(":3: expected at least 3 tab-separated fields, got 1"), "{err}");
    /// std::fs::remove_file(&path).unwrap();
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidOption`] when a column is 8 or more, [`Error::Io`] when the file cannot
    /// be read, and [`Error::InvalidRecord`] naming the file and the line (1-based, as an editor
    /// numbers it) of the first line with too few fields.
    pub fn read_tsv_normalized(
        path: impl AsRef<std::path::Path>,
        columns: [usize; 3],
        normalizer: &Normalizer,
    ) -> Result<Self> {
        Self::read_tsv_normalized_counted(path, columns, normalizer).map(|(d, _)| d)
    }

    /// [`Dataset::read_tsv_normalized`], with the number of (non-empty) lines read
    /// ([`TsvRead::lines`]; [`TsvRead::first_short`] is always `None`, a short line being an
    /// error).
    ///
    /// # Errors
    /// As [`Dataset::read_tsv_normalized`].
    pub fn read_tsv_normalized_counted(
        path: impl AsRef<std::path::Path>,
        columns: [usize; 3],
        normalizer: &Normalizer,
    ) -> Result<(Self, TsvRead)> {
        let path = path.as_ref();
        let need = tsv_fields_needed(columns);
        if need > TSV_MAX_COLUMNS {
            return Err(Error::InvalidOption {
                option: "columns",
                value: format!("{columns:?}"),
                expected: format!("field numbers below {TSV_MAX_COLUMNS}"),
            });
        }
        let short = |texts: [&str; 2], (index, n): (usize, usize)| Error::InvalidRecord {
            origin: path.display().to_string(),
            line: tsv::line_number_in_parts(texts, index),
            message: format!("expected at least {need} tab-separated fields, got {n}"),
        };
        #[cfg(unix)]
        if matches!(normalizer, Normalizer::AuthorNames) && two_threads() {
            let (file, len) = tsv::open(path).map_err(|e| Error::io(path, e))?;
            if len >= PARALLEL_MIN_TEXT {
                // Each thread reads its half and interns it at once (one join, no wait between).
                let mut slots = [tsv::TextPart::default(), tsv::TextPart::default()];
                let [first, second] = &mut slots;
                let half = |slot, second| {
                    if need <= 4 {
                        read_and_intern::<4>(&file, len, second, slot, columns)
                    } else {
                        read_and_intern::<TSV_MAX_COLUMNS>(&file, len, second, slot, columns)
                    }
                };
                let (a, b) = names::join(|| half(first, false), || half(second, true));
                let ((text_a, a, read_a), (text_b, b, read_b)) =
                    (a.map_err(|e| Error::io(path, e))?, b.map_err(|e| Error::io(path, e))?);
                let read = read_a.then(read_b);
                if let Some(first_short) = read.first_short {
                    return Err(short([text_a, text_b], first_short));
                }
                return Ok((Self::from_author_facts(names::facts_of_halves(a, b)), read));
            }
        }
        let parts = tsv::read_parts(path, two_threads()).map_err(|e| Error::io(path, e))?;
        let texts = [parts[0].as_str(), parts[1].as_str()];
        let (d, read) = Self::from_tsv_parts(texts, columns, normalizer);
        if let Some(first_short) = read.first_short {
            return Err(short(texts, first_short));
        }
        Ok((d, read))
    }

    /// Source names, sorted.
    #[must_use]
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// Object names, sorted.
    #[must_use]
    pub fn objects(&self) -> &[String] {
        &self.objects
    }

    /// Number of distinct (object, value) pairs.
    #[must_use]
    pub fn n_facts(&self) -> usize {
        self.values.len()
    }

    /// Number of claims kept: one per source and object.
    #[must_use]
    pub fn n_claims(&self) -> usize {
        self.index.fact_sources.len()
    }

    /// Number of observations given (repeats included).
    #[must_use]
    pub fn n_observations(&self) -> usize {
        self.observations
    }

    /// The distinct values claimed for `object`, sorted, or `None` for an unknown object.
    #[must_use]
    pub fn values_of(&self, object: &str) -> Option<&[String]> {
        let o = self.objects.binary_search_by(|x| x.as_str().cmp(object)).ok()?;
        Some(&self.values[self.index.object_start[o] as usize..self.index.object_start[o + 1] as usize])
    }

    pub(crate) fn facts_of_object(&self, o: usize) -> std::ops::Range<usize> {
        self.index.object_start[o] as usize..self.index.object_start[o + 1] as usize
    }

    pub(crate) fn sources_of_fact(&self, f: usize) -> &[u32] {
        &self.index.fact_sources[self.index.fact_start[f] as usize..self.index.fact_start[f + 1] as usize]
    }

    pub(crate) fn facts_of_source(&self, s: usize) -> &[u32] {
        &self.index.source_facts[self.index.source_start[s] as usize..self.index.source_start[s + 1] as usize]
    }

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

#[cfg(test)]
mod tests;
