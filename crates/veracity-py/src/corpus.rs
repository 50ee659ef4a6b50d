//! Source profiles across a corpus (`Corpus`, `Profiles`, `OutletProfile`, `SourceProfile`) and
//! corpus input (`read_corpus`, `CorpusReader`).
//!
//! `Corpus` is the one mutable class of the module: an accumulator, like the Rust
//! `veracity::Corpus` it wraps. It is a frozen pyclass with the core value behind a `Mutex`
//! (the lock is only ever taken without the GIL, so it cannot deadlock with it). Merging is
//! associative and commutative (proved by `crates/veracity/tests/corpus.rs`), which is what lets
//! `veracity.contrib.dask` profile partitions apart and reduce them in any order. A corpus
//! pickles through its serde JSON form, so it travels between processes.

use std::str::FromStr;
use std::sync::{Mutex, MutexGuard, PoisonError};

use pyo3::exceptions::{PyBaseException, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyType};
use serde::{Deserialize, Serialize};
use veracity::{Corpus, CorpusFormat, CorpusOptions, OutletProfile, Profiles, Records, SourceProfile};

use crate::analysis::PyAnalysis;
use crate::analyzer::PyAnalyzer;
use crate::classes::PyExplanation;
use crate::error::{VeracityError, bad_json, core_err, invalid_option};
use crate::html::escape;
use crate::json::{short_repr, to_json_string, value_class};

// ---------------------------------------------------------------------------------------------
// Profiles

/// The profile of one outlet across a corpus: the rates of the rubric in `docs/scoring.md`
/// ("Source profiles"), each a share of the outlet's claims, and the reliability built from them.
#[pyclass(frozen, eq, module = "veracity._native", name = "OutletProfile")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PyOutletProfile(pub(crate) OutletProfile);

value_class!(PyOutletProfile, "OutletProfile", {
    /// The outlet's name (from the articles' metadata), or `"(unknown outlet)"`.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }
    /// Articles.
    #[getter]
    fn articles(&self) -> u64 {
        self.0.articles
    }
    /// Claims.
    #[getter]
    fn claims(&self) -> u64 {
        self.0.claims
    }
    /// Share of claims attributed to a source.
    #[getter]
    fn attribution_rate(&self) -> f64 {
        self.0.attribution_rate
    }
    /// Share of claims whose original source is named (person, organisation, outlet, document).
    #[getter]
    fn named_rate(&self) -> f64 {
        self.0.named_rate
    }
    /// Share of claims whose original source is anonymous.
    #[getter]
    fn anonymous_rate(&self) -> f64 {
        self.0.anonymous_rate
    }
    /// Share of claims whose original source is vague.
    #[getter]
    fn vague_rate(&self) -> f64 {
        self.0.vague_rate
    }
    /// Share of claims holding a hedge cue.
    #[getter]
    fn hedge_rate(&self) -> f64 {
        self.0.hedge_rate
    }
    /// Share of claims holding a weasel cue.
    #[getter]
    fn weasel_rate(&self) -> f64 {
        self.0.weasel_rate
    }
    /// Share of claims holding a number or a date.
    #[getter]
    fn specifics_rate(&self) -> f64 {
        self.0.specifics_rate
    }
    /// Share of claims confirmed by an independent source in another article.
    #[getter]
    fn corroboration_rate(&self) -> f64 {
        self.0.corroboration_rate
    }
    /// Share of claims contradicted by independent sources in other articles.
    #[getter]
    fn contradiction_rate(&self) -> f64 {
        self.0.contradiction_rate
    }
    /// Reliability in [0, 1]: `clamp(base + sum(weight * rate))`.
    #[getter]
    fn reliability(&self) -> f64 {
        self.0.reliability
    }
    /// The Admiralty letter, `"A"` to `"F"` (A needs a corroborated track record).
    #[getter]
    fn grade(&self) -> &'static str {
        self.0.grade.as_str()
    }
    /// How the reliability was computed.
    #[getter]
    fn explanation(&self) -> PyExplanation {
        PyExplanation(self.0.explanation.clone())
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "OutletProfile(name={}, articles={}, claims={}, reliability={:.3}, grade='{}')",
            short_repr(py, &self.0.name, 60),
            self.0.articles,
            self.0.claims,
            self.0.reliability,
            self.0.grade
        )
    }
});

/// The profile of one source (named, anonymous or vague) across a corpus.
#[pyclass(frozen, eq, module = "veracity._native", name = "SourceProfile")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PySourceProfile(pub(crate) SourceProfile);

value_class!(PySourceProfile, "SourceProfile", {
    /// Canonical name (the smallest spelling seen, so it does not depend on the order of articles).
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }
    /// One of `SOURCE_KINDS`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }
    /// Times it is named as a source.
    #[getter]
    fn mentions(&self) -> u64 {
        self.0.mentions
    }
    /// Articles that name it.
    #[getter]
    fn articles(&self) -> u64 {
        self.0.articles
    }
    /// Claims whose original source it is.
    #[getter]
    fn claims(&self) -> u64 {
        self.0.claims
    }
    /// Outlets that cite it, by name.
    #[getter]
    fn outlets(&self) -> Vec<String> {
        self.0.outlets.clone()
    }
    /// Share of its claims holding a hedge cue.
    #[getter]
    fn hedge_rate(&self) -> f64 {
        self.0.hedge_rate
    }
    /// Share of its claims confirmed by an independent source in another article.
    #[getter]
    fn corroboration_rate(&self) -> f64 {
        self.0.corroboration_rate
    }
    /// Share of its claims contradicted by independent sources in other articles.
    #[getter]
    fn contradiction_rate(&self) -> f64 {
        self.0.contradiction_rate
    }
    /// Mean of its per-article reliability (`SourceSummary.reliability`).
    #[getter]
    fn article_reliability(&self) -> f64 {
        self.0.article_reliability
    }
    /// Reliability in [0, 1]: the article reliability adjusted by corroboration and contradiction.
    #[getter]
    fn reliability(&self) -> f64 {
        self.0.reliability
    }
    /// The Admiralty letter, `"A"` to `"F"`.
    #[getter]
    fn grade(&self) -> &'static str {
        self.0.grade.as_str()
    }
    /// How the reliability was computed.
    #[getter]
    fn explanation(&self) -> PyExplanation {
        PyExplanation(self.0.explanation.clone())
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "SourceProfile(name={}, kind='{}', mentions={}, reliability={:.3}, grade='{}')",
            short_repr(py, &self.0.name, 60),
            self.0.kind.as_str(),
            self.0.mentions,
            self.0.reliability,
            self.0.grade
        )
    }
});

/// The result of `Corpus.profiles()`: one profile per outlet (by name) and one per source (most
/// mentioned first).
///
/// Example:
///     >>> c = veracity.Corpus([veracity.analyze("Officials said it may rain.", outlet="Daily")])
///     >>> p = c.profiles()
///     >>> p.articles, [o.name for o in p.outlets], p.outlets[0].hedge_rate
///     (1, ['Daily'], 1.0)
#[pyclass(frozen, eq, module = "veracity._native", name = "Profiles")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PyProfiles(pub(crate) Profiles);

value_class!(PyProfiles, "Profiles", {
    /// Articles in the corpus.
    #[getter]
    fn articles(&self) -> u64 {
        self.0.articles
    }
    /// One profile per outlet, by name.
    #[getter]
    fn outlets(&self) -> Vec<PyOutletProfile> {
        self.0.outlets.iter().cloned().map(PyOutletProfile).collect()
    }
    /// One profile per source, most mentioned first.
    #[getter]
    fn sources(&self) -> Vec<PySourceProfile> {
        self.0.sources.iter().cloned().map(PySourceProfile).collect()
    }
    /// Pairs of outlets that share near-copies of claims, most dependent first: dicts with
    /// `outlets` (two names), `claims` (of each), `near_copies`, `dependence` and `dependent`
    /// (their agreement does not count as corroboration; docs/scoring.md, "Source dependence").
    #[getter]
    fn dependence<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, pyo3::types::PyDict>>> {
        self.0
            .dependence
            .iter()
            .map(|d| {
                let x = pyo3::types::PyDict::new(py);
                x.set_item("outlets", (d.outlets[0].as_str(), d.outlets[1].as_str()))?;
                x.set_item("claims", (d.claims[0], d.claims[1]))?;
                x.set_item("near_copies", d.near_copies)?;
                x.set_item("dependence", d.dependence)?;
                x.set_item("dependent", d.dependent)?;
                Ok(x)
            })
            .collect()
    }
    /// The profile of the outlet of that name, or None.
    #[pyo3(signature = (name, /))]
    fn outlet(&self, name: &str) -> Option<PyOutletProfile> {
        self.0.outlets.iter().find(|o| o.name == name).cloned().map(PyOutletProfile)
    }
    /// The profile of the source of that name (case-insensitive; the most mentioned if several
    /// kinds share it), or None.
    #[pyo3(signature = (name, /))]
    fn source(&self, name: &str) -> Option<PySourceProfile> {
        self.0.sources.iter().find(|s| s.name.eq_ignore_ascii_case(name)).cloned().map(PySourceProfile)
    }
    /// The profiles as a table: `"outlets"` (default) or `"sources"`.
    ///
    /// Columns of `"outlets"`: `name`, `articles`, `claims`, `reliability`, `grade`, then the
    /// nine rates. Columns of `"sources"`: `name`, `kind`, `mentions`, `articles`, `claims`,
    /// `outlets`, `reliability`, `grade`, `article_reliability`, `hedge_rate`,
    /// `corroboration_rate`, `contradiction_rate`.
    ///
    /// Raises:
    ///     OptionError: another kind.
    #[pyo3(signature = (kind = "outlets"))]
    fn table<'py>(&self, py: Python<'py>, kind: &str) -> PyResult<Bound<'py, PyAny>> {
        crate::table::profiles(py, &self.0, kind)
    }
    /// HTML for Jupyter: a compact table of the outlets and one of the 20 most mentioned sources.
    fn _repr_html_(&self) -> String {
        profiles_html(&self.0)
    }
    fn __repr__(&self) -> String {
        format!(
            "Profiles(articles={}, outlets={}, sources={})",
            self.0.articles,
            self.0.outlets.len(),
            self.0.sources.len()
        )
    }
});

const HTML_SOURCES: usize = 20;

fn profiles_html(p: &Profiles) -> String {
    use std::fmt::Write as _;
    let mut s = String::from(
        "<style>.veracity-prof{border-collapse:collapse;font-size:12px;margin-bottom:6px}\
         .veracity-prof td,.veracity-prof th{border:1px solid #ddd;padding:2px 6px;text-align:left}\
         .veracity-prof td.num{text-align:right;font-variant-numeric:tabular-nums}</style>",
    );
    let _ = write!(
        s,
        "<div><b>{} articles</b>: {} outlets, {} sources</div><table class=\"veracity-prof\"><tr><th>outlet</th>\
         <th>grade</th><th>reliability</th><th>articles</th><th>claims</th><th>attributed</th><th>named</th>\
         <th>anonymous</th><th>vague</th><th>hedged</th><th>weasel</th><th>specifics</th><th>corroborated</th>\
         <th>contradicted</th></tr>",
        p.articles,
        p.outlets.len(),
        p.sources.len()
    );
    for o in &p.outlets {
        let _ = write!(
            s,
            "<tr><td title=\"{}\">{}</td><td>{}</td><td class=\"num\">{:.2}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td>",
            escape(&o.explanation.to_string()),
            escape(&o.name),
            o.grade,
            o.reliability,
            o.articles,
            o.claims
        );
        for r in [
            o.attribution_rate,
            o.named_rate,
            o.anonymous_rate,
            o.vague_rate,
            o.hedge_rate,
            o.weasel_rate,
            o.specifics_rate,
            o.corroboration_rate,
            o.contradiction_rate,
        ] {
            let _ = write!(s, "<td class=\"num\">{r:.2}</td>");
        }
        s.push_str("</tr>");
    }
    s.push_str(
        "</table><table class=\"veracity-prof\"><tr><th>source</th><th>kind</th><th>grade</th><th>reliability</th>\
         <th>mentions</th><th>articles</th><th>claims</th><th>hedged</th><th>corroborated</th><th>contradicted</th>\
         <th>outlets</th></tr>",
    );
    for src in p.sources.iter().take(HTML_SOURCES) {
        let _ = write!(
            s,
            "<tr><td title=\"{}\">{}</td><td>{}</td><td>{}</td><td class=\"num\">{:.2}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{:.2}</td><td class=\"num\">{:.2}</td>\
             <td class=\"num\">{:.2}</td><td>{}</td></tr>",
            escape(&src.explanation.to_string()),
            escape(&src.name),
            src.kind.as_str(),
            src.grade,
            src.reliability,
            src.mentions,
            src.articles,
            src.claims,
            src.hedge_rate,
            src.corroboration_rate,
            src.contradiction_rate,
            escape(&src.outlets.join(", "))
        );
    }
    s.push_str("</table>");
    if p.sources.len() > HTML_SOURCES {
        let _ = write!(s, "<div>… {} more sources</div>", p.sources.len() - HTML_SOURCES);
    }
    s
}

// ---------------------------------------------------------------------------------------------
// Corpus

/// Analysed articles reduced to what source profiles need: counts per outlet and per source and,
/// unless `corroboration=False`, a small fingerprint per claim (never the analyses themselves).
///
/// A `Corpus` is an accumulator: `add`, `extend` and `merge` change it in place (like
/// `list.append`, `list.extend` and `set.update`); `a + b` returns a new corpus and leaves both
/// untouched. Merging is associative and commutative, so corpora built apart (threads,
/// processes, Dask partitions) and merged in any order give the same `profiles()` as one corpus
/// fed every article. It pickles (through `to_json()`), copies and is safe to share between
/// threads.
///
/// Args:
///     analyses: analyses to add at once (an iterable of `Analysis`; the exceptions left by
///         `analyze_batch(..., on_error="return")` are skipped).
///     corroboration: keep a fingerprint per claim (about 150 bytes) to compute corroboration
///         and contradiction rates across articles; False keeps memory flat (those rates are 0).
///     min_similarity: two claims of different articles are about the same thing at this
///         IDF-weighted term overlap (0 to 1).
///     analyzer: take the rubric's weights and the grade thresholds from this `Analyzer`'s
///         configuration (`[weights.profile]`, `[grades.reliability]`); default: built-in.
///
/// Example:
///     >>> rs = veracity.analyze_batch([
///     ...     {"text": "Officials said 18 prisoners were released in Caracas on Sunday.", "outlet": "A"},
///     ...     {"text": "Foro Penal said 18 prisoners were released in Caracas on Sunday.", "outlet": "B"}])
///     >>> corpus = veracity.Corpus(rs)
///     >>> len(corpus), [o.corroboration_rate for o in corpus.profiles().outlets]
///     (2, [1.0, 1.0])
#[pyclass(frozen, module = "veracity._native", name = "Corpus")]
#[derive(Debug)]
pub struct PyCorpus {
    inner: Mutex<Corpus>,
}

fn guard(m: &Mutex<Corpus>) -> MutexGuard<'_, Corpus> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The core analyses of the `Analysis` items of an iterable (exceptions skipped).
fn core_analyses(py: Python<'_>, analyses: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<veracity::Analysis>> {
    if analyses.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!("{what} expects an iterable of Analysis objects, not a str")));
    }
    if analyses.cast::<PyAnalysis>().is_ok() {
        return Err(PyTypeError::new_err(format!(
            "{what} expects an iterable of Analysis objects, not one Analysis (use Corpus.add)"
        )));
    }
    let iter = analyses
        .try_iter()
        .map_err(|_| PyTypeError::new_err(format!("{what} expects an iterable of Analysis objects")))?;
    let mut docs = Vec::new();
    for (i, item) in iter.enumerate() {
        let item = item?;
        if let Ok(a) = item.cast::<PyAnalysis>() {
            docs.push(a.get().data.clone());
        } else if !item.is_instance_of::<PyBaseException>() {
            return Err(PyTypeError::new_err(format!(
                "{what}: item {i} must be an Analysis, got {}",
                item.get_type().name().map(|n| n.to_string()).unwrap_or_default()
            )));
        }
    }
    py.detach(move || docs.iter().map(crate::doc::DocData::to_core).collect::<Result<Vec<_>, _>>())
        .map_err(|e| VeracityError::new_err(format!("internal error converting an analysis: {e}")))
}

impl PyCorpus {
    fn snapshot(&self, py: Python<'_>) -> Corpus {
        py.detach(|| guard(&self.inner).clone())
    }

    fn from_corpus(corpus: Corpus) -> Self {
        Self { inner: Mutex::new(corpus) }
    }

    /// The options (for `analyze_batch(..., corpus=...)`).
    pub(crate) fn options(&self, py: Python<'_>) -> CorpusOptions {
        py.detach(|| guard(&self.inner).options().clone())
    }

    /// Merges `parts` in order (each made with this corpus's options).
    pub(crate) fn merge_all(&self, py: Python<'_>, parts: Vec<Corpus>) {
        py.detach(|| {
            let mut c = guard(&self.inner);
            for p in parts {
                c.merge(p);
            }
        });
    }
}

#[pymethods]
impl PyCorpus {
    #[new]
    #[pyo3(signature = (analyses = None, /, *, corroboration = true, min_similarity = 0.25, analyzer = None, dependence = true))]
    fn new(
        py: Python<'_>,
        analyses: Option<&Bound<'_, PyAny>>,
        corroboration: bool,
        min_similarity: f64,
        analyzer: Option<PyRef<'_, PyAnalyzer>>,
        dependence: bool,
    ) -> PyResult<Self> {
        if !(0.0..=1.0).contains(&min_similarity) {
            let e = invalid_option("min_similarity", min_similarity.to_string(), "a number in [0, 1]");
            return Err(core_err(py, &e, None));
        }
        let mut options = match &analyzer {
            Some(a) => CorpusOptions::from_config(a.inner.config()),
            None => CorpusOptions::default(),
        }
        .with_corroboration(corroboration)
        .with_dependence(dependence);
        options.min_similarity = min_similarity;
        let mut corpus = Corpus::with_options(options);
        if let Some(items) = analyses.filter(|a| !a.is_none()) {
            let core = core_analyses(py, items, "Corpus")?;
            py.detach(|| corpus.extend(&core));
        }
        Ok(Self::from_corpus(corpus))
    }

    /// Adds one analysed article. Its outlet is `Analysis.outlet`, or `"(unknown outlet)"`.
    /// Adding the same article twice counts it twice (its claims never corroborate each other).
    ///
    /// Raises:
    ///     TypeError: `analysis` is not an `Analysis`.
    #[pyo3(signature = (analysis, /))]
    fn add(&self, py: Python<'_>, analysis: &Bound<'_, PyAny>) -> PyResult<()> {
        let a = analysis.cast::<PyAnalysis>().map_err(|_| {
            PyTypeError::new_err(format!(
                "Corpus.add expects an Analysis, got {}",
                analysis.get_type().name().map(|n| n.to_string()).unwrap_or_default()
            ))
        })?;
        let data = a.get().data.clone();
        py.detach(|| -> Result<(), String> {
            let core = data.to_core()?;
            guard(&self.inner).add(&core);
            Ok(())
        })
        .map_err(|e| VeracityError::new_err(format!("internal error converting an analysis: {e}")))
    }

    /// Adds every `Analysis` of an iterable (exceptions left by `analyze_batch(...,
    /// on_error="return")` are skipped).
    ///
    /// Raises:
    ///     TypeError: an item is neither an Analysis nor an exception.
    #[pyo3(signature = (analyses, /))]
    fn extend(&self, py: Python<'_>, analyses: &Bound<'_, PyAny>) -> PyResult<()> {
        let core = core_analyses(py, analyses, "Corpus.extend")?;
        py.detach(|| guard(&self.inner).extend(&core));
        Ok(())
    }

    /// Merges another corpus into this one, in place (`other` is not changed; this corpus keeps
    /// its options). Associative and commutative: merging partitions in any order and grouping
    /// gives the same profiles as adding every article to one corpus.
    #[pyo3(signature = (other, /))]
    fn merge(&self, py: Python<'_>, other: &Bound<'_, PyCorpus>) {
        let theirs = other.get().snapshot(py);
        py.detach(|| guard(&self.inner).merge(theirs));
    }

    /// `a + b`: a new corpus holding both (with `a`'s options); `a` and `b` are not changed.
    fn __add__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let Ok(other) = other.cast::<PyCorpus>() else {
            return Ok(py.NotImplemented());
        };
        let theirs = other.get().snapshot(py);
        let mut mine = self.snapshot(py);
        py.detach(|| mine.merge(theirs));
        Ok(Py::new(py, Self::from_corpus(mine))?.into_any())
    }

    /// The profiles of every outlet and source. Corroboration across articles is computed here,
    /// over every claim fingerprint (without the GIL).
    fn profiles(&self, py: Python<'_>) -> PyProfiles {
        PyProfiles(py.detach(|| guard(&self.inner).profiles()))
    }

    /// Number of articles added (also `len(corpus)`).
    #[getter]
    fn articles(&self, py: Python<'_>) -> u64 {
        py.detach(|| guard(&self.inner).len())
    }

    /// Number of claim fingerprints kept for corroboration.
    #[getter]
    fn fingerprints(&self, py: Python<'_>) -> usize {
        py.detach(|| guard(&self.inner).fingerprints())
    }

    /// Whether claim fingerprints are kept (the `corroboration` option).
    #[getter]
    fn corroboration(&self, py: Python<'_>) -> bool {
        py.detach(|| guard(&self.inner).options().corroboration)
    }

    /// The `min_similarity` option.
    #[getter]
    fn min_similarity(&self, py: Python<'_>) -> f64 {
        py.detach(|| guard(&self.inner).options().min_similarity)
    }

    fn __len__(&self, py: Python<'_>) -> usize {
        usize::try_from(self.articles(py)).unwrap_or(usize::MAX)
    }

    /// A copy (later changes to one do not affect the other).
    fn copy(&self, py: Python<'_>) -> Self {
        Self::from_corpus(self.snapshot(py))
    }

    fn __copy__(&self, py: Python<'_>) -> Self {
        self.copy(py)
    }

    #[pyo3(signature = (memo, /))]
    fn __deepcopy__(&self, py: Python<'_>, memo: &Bound<'_, PyAny>) -> Self {
        let _ = memo;
        self.copy(py)
    }

    /// The corpus state (options, counts, fingerprints) as JSON; `Corpus.from_json` restores it.
    #[pyo3(signature = (*, indent = None))]
    fn to_json(&self, py: Python<'_>, indent: Option<usize>) -> PyResult<String> {
        py.detach(|| to_json_string(&*guard(&self.inner), indent))
    }

    /// Rebuilds a corpus from the output of `to_json()`.
    ///
    /// Raises:
    ///     VeracityError: the JSON does not describe a corpus.
    #[classmethod]
    #[pyo3(signature = (data, /))]
    fn from_json(_cls: &Bound<'_, PyType>, py: Python<'_>, data: &str) -> PyResult<Self> {
        py.detach(|| serde_json::from_str::<Corpus>(data)).map(Self::from_corpus).map_err(|e| bad_json("Corpus", e))
    }

    /// Pickle support: `(Corpus.from_json, (self.to_json(),))`.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let from_json = slf.get_type().getattr("from_json")?;
        Ok((from_json, (slf.get().to_json(slf.py(), None)?,)))
    }

    /// Equal when the states are (same options, counts and fingerprints in the same order).
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> bool {
        let Ok(other) = other.cast::<PyCorpus>() else {
            return false;
        };
        if std::ptr::eq(self, other.get()) {
            return true;
        }
        let theirs = other.get().snapshot(py);
        py.detach(|| *guard(&self.inner) == theirs)
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let (articles, fingerprints, corroboration) = py.detach(|| {
            let c = guard(&self.inner);
            (c.len(), c.fingerprints(), c.options().corroboration)
        });
        format!(
            "Corpus(articles={articles}, fingerprints={fingerprints}, corroboration={})",
            if corroboration { "True" } else { "False" }
        )
    }
}

// ---------------------------------------------------------------------------------------------
// Corpus input

/// Iterates over the records of a corpus file (see `read_corpus`): one dict per article with the
/// keys `analyze_batch` takes (`text`, and `id`, `title`, `outlet`, `authors`, `published`,
/// `url` when given). `line` is the line where the last record started.
#[pyclass(frozen, module = "veracity._native", name = "CorpusReader")]
#[derive(Debug)]
pub struct PyCorpusReader {
    records: Mutex<Records>,
    return_errors: bool,
    origin: String,
}

fn article_dict<'py>(py: Python<'py>, a: &veracity::Article) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("text", a.text())?;
    if let Some(v) = a.id() {
        d.set_item("id", v)?;
    }
    if let Some(m) = a.title() {
        d.set_item("title", &m.value)?;
    }
    if let Some(m) = a.outlet() {
        d.set_item("outlet", &m.value)?;
    }
    if let Some(m) = a.authors() {
        d.set_item("authors", m.value.clone())?;
    }
    if let Some(m) = a.published() {
        d.set_item("published", crate::analysis::py_date(py, m.value)?)?;
    }
    if let Some(m) = a.url() {
        d.set_item("url", &m.value)?;
    }
    Ok(d)
}

#[pymethods]
impl PyCorpusReader {
    fn __iter__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let next = py.detach(|| {
            let mut r = self.records.lock().unwrap_or_else(PoisonError::into_inner);
            r.next()
        });
        match next {
            None => Ok(None),
            Some(Ok(article)) => Ok(Some(article_dict(py, &article)?.into_any())),
            Some(Err(e)) => {
                let err = core_err(py, &e, None);
                if self.return_errors { Ok(Some(err.into_value(py).into_bound(py).into_any())) } else { Err(err) }
            }
        }
    }

    /// The line (1-based) where the record last returned starts; None for a plain-text file or
    /// before the first record.
    #[getter]
    fn line(&self, py: Python<'_>) -> Option<usize> {
        py.detach(|| self.records.lock().unwrap_or_else(PoisonError::into_inner).line())
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        format!("CorpusReader({})", short_repr(py, &self.origin, 80))
    }
}

/// Reads a corpus file one article at a time, as dicts ready for `analyze_batch`.
///
/// Args:
///     path: the file. `*.jsonl` / `*.ndjson` are JSON lines (one object per line), `*.csv` is
///         CSV with a header row, anything else is one plain-text article (the file stem is its
///         `id`).
///     format: `"text"`, `"jsonl"` or `"csv"` to override the name-based choice.
///     on_error: `"raise"` (default): a malformed record raises `InvalidRecordError` (naming
///         the file and line) when it is reached; iterating again goes on with the next record.
///         `"return"`: the exception object is yielded in the record's place.
///
/// Records take the fields `text` (required), `id`, `outlet`, `title`, `authors` (a list, or
/// names separated by `;`), `published` (a date) and `url`; other fields are ignored; a record
/// without `id` gets `FILE:LINE`. Each dict holds `text` and the fields given (`published` as a
/// `datetime.date`), so `veracity.analyze_batch(veracity.read_corpus(path))` analyses the corpus
/// with its metadata, and `pandas.DataFrame(veracity.read_corpus(path))` makes a frame of it.
///
/// Raises:
///     VeracityIOError: the file cannot be opened.
///     InvalidRecordError: a CSV file without a `text` column (at once), or a malformed record.
///     OptionError: an unknown format or on_error.
#[pyfunction]
#[pyo3(signature = (path, /, format = None, *, on_error = "raise"))]
pub(crate) fn read_corpus(
    py: Python<'_>,
    path: std::path::PathBuf,
    format: Option<&str>,
    on_error: &str,
) -> PyResult<PyCorpusReader> {
    let return_errors = match on_error {
        "raise" => false,
        "return" => true,
        other => return Err(core_err(py, &invalid_option("on_error", other, "raise, return"), None)),
    };
    let format = match format {
        None => CorpusFormat::from_path(&path),
        Some(f) => CorpusFormat::from_str(f).map_err(|e| core_err(py, &e, None))?,
    };
    let origin = path.display().to_string();
    let records = py.detach(|| veracity::read_corpus_as(&path, format)).map_err(|e| core_err(py, &e, None))?;
    Ok(PyCorpusReader { records: Mutex::new(records), return_errors, origin })
}
