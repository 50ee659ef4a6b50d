//! `veracity.fit`: the article credibility model fitted on labelled analyses.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use veracity::fit::{Balance, FitConfig, LabelledSignals, ScoringModel, SignalEvidence, fit_credibility};

use crate::analysis::PyAnalysis;
use crate::error::{DataError, core_err};

/// A fitted article credibility model (see `veracity.fit`).
///
/// `weights` maps each signal to its log-odds weight, `intercept` is the log-odds when every
/// signal is 0, `report` holds the outlet-grouped cross-validated figures, and `to_toml()`
/// writes a configuration file that `Analyzer(config=...)` and the CLI's `--config` load.
#[pyclass(frozen, eq, module = "veracity._native", name = "ScoringModel")]
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct PyScoringModel(ScoringModel);

fn evidence<'py>(py: Python<'py>, e: &SignalEvidence) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("signal", &e.signal)?;
    d.set_item("weight", e.weight)?;
    d.set_item("standardised_weight", e.standardised_weight)?;
    d.set_item("auc", e.auc)?;
    d.set_item("mean_reliable", e.mean_reliable)?;
    d.set_item("mean_unreliable", e.mean_unreliable)?;
    d.set_item("auc_by_corpus", e.auc_by_corpus.clone())?;
    Ok(d)
}

crate::json::value_class!(PyScoringModel, "ScoringModel", {
    /// Log-odds weight per signal.
    #[getter]
    fn weights(&self) -> std::collections::BTreeMap<String, f64> {
        self.0.model.weights.clone()
    }

    /// Log-odds when every signal is 0.
    #[getter]
    fn intercept(&self) -> f64 {
        self.0.model.intercept
    }

    /// Cross-validated figures: `n`, `reliable`, `groups`, `folds`, `auc`, `brier`,
    /// `calibration` (bins with `lower`, `upper`, `n`, `mean_predicted`, `observed`),
    /// `auc_by_corpus`, `outlet_pairs` (`right`, `total`, `share`), `signals` and `unstable`
    /// (per-signal evidence) and `predictions` (out-of-fold, in input order).
    #[getter]
    fn report<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let r = &self.0.report;
        let d = PyDict::new(py);
        d.set_item("n", r.n)?;
        d.set_item("reliable", r.reliable)?;
        d.set_item("groups", r.groups)?;
        d.set_item("folds", r.folds)?;
        d.set_item("auc", r.auc)?;
        d.set_item("brier", r.brier)?;
        let bins = PyList::empty(py);
        for b in &r.calibration {
            let bin = PyDict::new(py);
            bin.set_item("lower", b.lower)?;
            bin.set_item("upper", b.upper)?;
            bin.set_item("n", b.n)?;
            bin.set_item("mean_predicted", b.mean_predicted)?;
            bin.set_item("observed", b.observed)?;
            bins.append(bin)?;
        }
        d.set_item("calibration", bins)?;
        d.set_item("auc_by_corpus", r.auc_by_corpus.clone())?;
        let pairs = PyDict::new(py);
        pairs.set_item("right", r.outlet_pairs.right)?;
        pairs.set_item("total", r.outlet_pairs.total)?;
        pairs.set_item("share", r.outlet_pairs.share())?;
        d.set_item("outlet_pairs", pairs)?;
        let signals = PyList::empty(py);
        for e in &r.signals {
            signals.append(evidence(py, e)?)?;
        }
        d.set_item("signals", signals)?;
        let unstable = PyList::empty(py);
        for e in &r.unstable {
            unstable.append(evidence(py, e)?)?;
        }
        d.set_item("unstable", unstable)?;
        d.set_item("predictions", r.predictions.clone())?;
        Ok(d)
    }

    /// The model as a TOML configuration document, headed by `header` lines as comments.
    #[pyo3(signature = (header=None))]
    fn to_toml(&self, header: Option<Vec<String>>) -> String {
        self.0.to_toml(&header.unwrap_or_default())
    }

    fn __repr__(&self) -> String {
        let r = &self.0.report;
        format!(
            "ScoringModel(signals={}, n={}, auc={}, outlet_pairs={})",
            r.signals.len(),
            r.n,
            r.auc.map_or_else(|| "None".to_owned(), |a| format!("{a:.3}")),
            r.outlet_pairs.share().map_or_else(|| "None".to_owned(), |a| format!("{a:.3}")),
        )
    }
});

/// Fits the article credibility model (the native part of `veracity.fit`; use that).
#[pyfunction]
#[pyo3(signature = (analyses, labels, groups, corpora=None, *, l2=100.0, folds=5, balance="outlet", signals=None, unstable_margin=0.03))]
#[allow(clippy::too_many_arguments)]
pub fn _fit(
    py: Python<'_>,
    analyses: Vec<PyRef<'_, PyAnalysis>>,
    labels: Vec<bool>,
    groups: Vec<String>,
    corpora: Option<Vec<String>>,
    l2: f64,
    folds: usize,
    balance: &str,
    signals: Option<Vec<String>>,
    unstable_margin: Option<f64>,
) -> PyResult<PyScoringModel> {
    if labels.len() != analyses.len() || groups.len() != analyses.len() {
        return Err(DataError::new_err(format!(
            "{} analyses, {} labels and {} groups: give one of each per analysis",
            analyses.len(),
            labels.len(),
            groups.len()
        )));
    }
    if let Some(c) = &corpora {
        if c.len() != analyses.len() {
            return Err(DataError::new_err(format!("{} corpora for {} analyses", c.len(), analyses.len())));
        }
    }
    let balance = Balance::from_name(balance).map_err(|e| core_err(py, &e, None))?;
    let rows: Vec<LabelledSignals> = analyses
        .iter()
        .zip(labels)
        .zip(groups)
        .enumerate()
        .map(|(i, ((a, l), g))| {
            let row = LabelledSignals::new(a.data.signals.clone(), l, g);
            match &corpora {
                Some(c) => row.with_corpus(c[i].clone()),
                None => row,
            }
        })
        .collect();
    let mut config = FitConfig::default();
    config.l2 = l2;
    config.folds = folds;
    config.balance = balance;
    config.unstable_margin = unstable_margin;
    if let Some(s) = signals {
        config.signals = s;
    }
    let model = py.detach(|| fit_credibility(&rows, &config)).map_err(|e| core_err(py, &e, None))?;
    Ok(PyScoringModel(model))
}

/// Measures article credibility against labels (the native part of
/// `veracity.evaluate_reliability`; use that).
#[pyfunction]
#[pyo3(signature = (analyses, labels, groups, corpora=None, *, level="article"))]
pub fn _evaluate_reliability<'py>(
    py: Python<'py>,
    analyses: Vec<PyRef<'_, PyAnalysis>>,
    labels: Vec<bool>,
    groups: Vec<String>,
    corpora: Option<Vec<String>>,
    level: &str,
) -> PyResult<Bound<'py, PyDict>> {
    if labels.len() != analyses.len() || groups.len() != analyses.len() {
        return Err(DataError::new_err(format!(
            "{} analyses, {} labels and {} groups: give one of each per analysis",
            analyses.len(),
            labels.len(),
            groups.len()
        )));
    }
    if !matches!(level, "article" | "outlet") {
        let e = crate::error::invalid_option("level", level, "article, outlet");
        return Err(core_err(py, &e, None));
    }
    let scores: Vec<f64> = analyses.iter().map(|a| a.data.credibility.value).collect();
    let rows: Vec<LabelledSignals> = labels
        .iter()
        .zip(&groups)
        .enumerate()
        .map(|(i, (l, g))| {
            let row = LabelledSignals::new(veracity::ArticleSignals::default(), *l, g.clone());
            match &corpora {
                Some(c) => row.with_corpus(c.get(i).cloned().unwrap_or_default()),
                None => row,
            }
        })
        .collect();
    let pairs = veracity::fit::pairs_within_corpora(&rows, &scores);
    let (n, auc, brier) = if level == "article" {
        (scores.len(), veracity::logistic::roc_auc(&scores, &labels), veracity::logistic::brier(&scores, &labels))
    } else {
        let group_refs: Vec<&str> = groups.iter().map(String::as_str).collect();
        let outlets = veracity::fit::outlet_means(&group_refs, &scores, &labels);
        let s: Vec<f64> = outlets.values().map(|v| v.0).collect();
        let l: Vec<bool> = outlets.values().map(|v| v.1).collect();
        (outlets.len(), veracity::logistic::roc_auc(&s, &l), veracity::logistic::brier(&s, &l))
    };
    let d = PyDict::new(py);
    d.set_item("task", "reliability")?;
    d.set_item("level", level)?;
    d.set_item("n", n)?;
    d.set_item("auc", auc)?;
    d.set_item("brier", brier)?;
    let p = PyDict::new(py);
    p.set_item("right", pairs.right)?;
    p.set_item("total", pairs.total)?;
    p.set_item("share", pairs.share())?;
    d.set_item("outlet_pairs", p)?;
    Ok(d)
}
