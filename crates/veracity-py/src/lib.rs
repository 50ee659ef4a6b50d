//! Python bindings for [`veracity`]: the compiled module `veracity._native`.
//!
//! A thin adapter: frozen wrapper classes around the core result types, the `Analyzer` builder,
//! the exception hierarchy, and batch analysis in parallel without the GIL. Two things are done
//! here rather than in the core:
//!
//! - spans become **code-point** offsets (Python string indices) once per analysis (`doc.rs`);
//! - core panics are caught and raised as `VeracityError`, never unwound across the FFI.
//!
//! The Python-facing documentation is `docs/python.md` and the stub `python/veracity/_native.pyi`.

mod analysis;
mod analyzer;
mod classes;
mod cli;
mod corpus;
mod corroborate;
mod doc;
mod error;
mod fit;
mod html;
mod json;
mod table;
mod truth;

use pyo3::prelude::*;

pub use analysis::PyAnalysis;
pub use analyzer::PyAnalyzer;
pub use classes::{
    PyAdmiralty, PyAttribution, PyClaim, PyContribution, PyExplanation, PyHedge, PyParagraph, PyQuote, PySentence,
    PySource, PySourceSummary,
};

/// veracity's compiled core: claims, attributions, hedges and source reliability in news text.
#[pymodule]
mod _native {
    use pyo3::prelude::*;
    use pyo3::types::PyTuple;

    #[pymodule_export]
    use super::PyAdmiralty;
    #[pymodule_export]
    use super::PyAnalysis;
    #[pymodule_export]
    use super::PyAnalyzer;
    #[pymodule_export]
    use super::PyAttribution;
    #[pymodule_export]
    use super::PyClaim;
    #[pymodule_export]
    use super::PyContribution;
    #[pymodule_export]
    use super::PyExplanation;
    #[pymodule_export]
    use super::PyHedge;
    #[pymodule_export]
    use super::PyParagraph;
    #[pymodule_export]
    use super::PyQuote;
    #[pymodule_export]
    use super::PySentence;
    #[pymodule_export]
    use super::PySource;
    #[pymodule_export]
    use super::PySourceSummary;
    #[pymodule_export]
    use super::analyzer::analyze;
    #[pymodule_export]
    use super::analyzer::analyze_batch;
    #[pymodule_export]
    use super::analyzer::analyze_file;
    #[pymodule_export]
    use super::analyzer::get_num_threads;
    #[pymodule_export]
    use super::analyzer::set_num_threads;
    #[pymodule_export]
    use super::cli::run_cli;
    #[pymodule_export]
    use super::corpus::PyCorpus;
    #[pymodule_export]
    use super::corpus::PyCorpusReader;
    #[pymodule_export]
    use super::corpus::PyOutletProfile;
    #[pymodule_export]
    use super::corpus::PyProfiles;
    #[pymodule_export]
    use super::corpus::PySourceProfile;
    #[pymodule_export]
    use super::corpus::read_corpus;
    #[pymodule_export]
    use super::corroborate::PyClaimGroup;
    #[pymodule_export]
    use super::corroborate::PyCorroboratedClaim;
    #[pymodule_export]
    use super::corroborate::PyCorroboratedSource;
    #[pymodule_export]
    use super::corroborate::PyCorroboration;
    #[pymodule_export]
    use super::corroborate::corroborate;
    #[pymodule_export]
    use super::fit::_evaluate_reliability;
    #[pymodule_export]
    use super::fit::_fit;
    #[pymodule_export]
    use super::fit::PyScoringModel;
    #[pymodule_export]
    use super::table::table;
    #[pymodule_export]
    use super::truth::PyTruthResult;
    #[pymodule_export]
    use super::truth::discover_truth;
    #[pymodule_export]
    use super::truth::discover_truth_file;

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        use super::error::{
            ConfigError, DataError, EmptyTextError, InvalidRecordError, InvalidUtf8Error, MetadataError, OptionError,
            VeracityError, io_error_type,
        };
        let py = m.py();
        m.add("__version__", env!("CARGO_PKG_VERSION"))?;
        m.add("VeracityError", py.get_type::<VeracityError>())?;
        m.add("EmptyTextError", py.get_type::<EmptyTextError>())?;
        m.add("InvalidUtf8Error", py.get_type::<InvalidUtf8Error>())?;
        m.add("ConfigError", py.get_type::<ConfigError>())?;
        m.add("MetadataError", py.get_type::<MetadataError>())?;
        m.add("OptionError", py.get_type::<OptionError>())?;
        m.add("InvalidRecordError", py.get_type::<InvalidRecordError>())?;
        m.add("DataError", py.get_type::<DataError>())?;
        m.add("SIGNALS", PyTuple::new(py, veracity::SIGNALS)?)?;
        m.add("VeracityIOError", io_error_type(py)?)?;
        let categories = veracity::HedgeCategory::ALL.map(veracity::HedgeCategory::as_str);
        m.add("HEDGE_CATEGORIES", PyTuple::new(py, categories)?)?;
        let kinds = veracity::SourceKind::ALL.map(veracity::SourceKind::as_str);
        m.add("SOURCE_KINDS", PyTuple::new(py, kinds)?)?;
        m.add("CUE_KINDS", PyTuple::new(py, super::analyzer::CUE_KINDS)?)?;
        let cue_types = veracity::CueType::ALL.map(veracity::CueType::as_str);
        m.add("CUE_TYPES", PyTuple::new(py, cue_types)?)?;
        let profiles = veracity::config::PROFILES.map(|(name, _)| name);
        m.add("PROFILES", PyTuple::new(py, profiles)?)?;
        m.add("TABLE_KINDS", PyTuple::new(py, super::table::TABLE_KINDS)?)?;
        m.add("UNKNOWN_OUTLET", veracity::UNKNOWN_OUTLET)?;
        let formats = veracity::CorpusFormat::ALL.map(veracity::CorpusFormat::as_str);
        m.add("CORPUS_FORMATS", PyTuple::new(py, formats)?)?;
        Ok(())
    }
}
