//! veracity scores news text: which claims an article makes, who they are attributed to (and
//! through whom), how hedged they are, and how reliable each source is, with an explanation for
//! every score.
//!
//! - [`Article`]: text plus optional metadata; [`Article::from_path`] loads plain-text files.
//! - [`Analyzer`]: runs the pipeline; [`Analyzer::builder`] extends lexicons and weights.
//! - [`Analysis`]: paragraphs, sentences, quotes, [`Hedge`]s, [`Attribution`]s (chains of
//!   [`Source`]s, outer first), [`Claim`]s with scores and [`Explanation`]s, and per-source
//!   [`SourceSummary`] reliability.
//! - [`Corpus`] and [`corroborate`]: outlet and source profiles across articles, and claims
//!   corroborated across articles by truth discovery ([`truth`], the `veracity-truth` crate).
//!
//! All spans are **byte** offsets into [`Analysis::text`].
//!
//! ```
//! use veracity::{Analyzer, Article, SourceKind};
//!
//! let text = "Three sources close to the Russian government told Bloomberg News that \
//!             the convoy had left. The minister allegedly requested asylum.";
//! let analysis = Analyzer::default().analyze(&Article::new(text))?;
//!
//! let first = &analysis.claims()[0];
//! let attribution = first.attribution.as_ref().expect("attributed");
//! let chain: Vec<&str> = attribution.sources.iter().map(|s| s.name.as_str()).collect();
//! assert_eq!(chain, ["Bloomberg News", "Three sources close to the Russian government"]);
//! assert_eq!(attribution.sources[1].kind, SourceKind::Anonymous);
//! assert!(attribution.anonymous);
//!
//! let second = &analysis.claims()[1];
//! assert_eq!(second.hedges[0].cue, "allegedly");
//! assert!(second.score < first.score + 0.5);
//! println!("{}", second.explanation);
//! # Ok::<(), veracity::Error>(())
//! ```
//!
//! # Cargo features
//!
//! | feature | default | what it does |
//! |---|---|---|
//! | `serde` | yes | `Serialize`/`Deserialize` on all result and configuration types |
//! | `parallel` | yes | [`Analyzer::analyze_batch`] (and truth discovery on large datasets) runs on rayon |
#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]

mod analyzer;
mod article;
mod attribution;
pub mod checkworthiness;
mod claim;
mod commitment;
pub mod config;
mod corpus;
mod corroborate;
mod credibility;
mod error;
mod event;
mod explain;
pub mod fit;
mod grade;
mod hedge;
mod input;
pub mod logistic;
mod matcher;
pub mod report;
mod score;
mod segment;
mod span;
mod text;

use std::sync::OnceLock;

/// Truth discovery (the `veracity-truth` crate): which value of each object is true and how
/// trustworthy each source is, from conflicting `(source, object, value)` observations.
pub use veracity_truth as truth;

pub use analyzer::{
    Analysis, AnalysisParts, Analyzer, AnalyzerBuilder, MIN_ATTRIBUTION_OVERLAP, MIN_CONTENT_WORDS, QUOTATION_COVERAGE,
};
pub use article::{Article, Meta, Provenance, parse_date};
pub use attribution::{Attribution, AttributionKind, CueType, Source, SourceKind};
pub use claim::{Claim, ClaimFeatures, ClaimKind};
pub use commitment::{Commitment, Environment, PredicateClass, commitment_value, embedded_commitment};
pub use config::{Config, CueKind, HedgeCategory};
pub use corpus::{
    Corpus, CorpusOptions, DEPENDENT_MIN_COPIES, DEPENDENT_SHARE, NEAR_COPY_MIN_TERMS, NEAR_COPY_OVERLAP,
    OutletDependence, OutletProfile, Profiles, SourceProfile, UNKNOWN_OUTLET,
};
pub use corroborate::{
    ClaimGroup, CorroboratedClaim, CorroboratedSource, Corroboration, CorroborationOptions, DEFAULT_CREDIBILITY_WEIGHT,
    DEFAULT_MIN_SIMILARITY, DEFAULT_RELIABILITY_WEIGHT, corroborate,
};
pub use credibility::{ArticleSignals, CredibilityModelConfig, SIGNALS, StyleLexicon};
pub use error::{Error, ErrorKind, IoSource, Result};
pub use explain::{Contribution, Explanation, Link};
pub use grade::{Admiralty, CredibilityGrade, ReliabilityGrade};
pub use hedge::{CertaintyLevel, Hedge, certainty_of};
pub use input::{CorpusFormat, Records, article_from_json, read_corpus, read_corpus_as, read_records};
pub use score::SourceSummary;
pub use segment::{Paragraph, ParagraphKind, Quote, QuoteStyle, Sentence};
pub use span::Span;
// The truth-discovery types used to be listed here; they live in `veracity::truth` now, and these
// stay reachable for code written against the old paths.
#[doc(hidden)]
pub use truth::{
    Algorithm, Convergence, Dataset, Discovery, Normalizer, Observation, Params, Similarity, Truth, TruthOptions,
    discover, normalize,
};

/// Analyses a text with the default [`Analyzer`] (built once, then shared).
///
/// # Errors
/// [`Error::EmptyText`] for an empty or whitespace-only text.
pub fn analyze(text: &str) -> Result<Analysis> {
    static DEFAULT: OnceLock<Analyzer> = OnceLock::new();
    DEFAULT.get_or_init(Analyzer::default).analyze_text(text)
}

/// The README's Rust example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeDoctests;
