//! Corroboration across articles: `veracity.corroborate` and its result classes.

use pyo3::exceptions::PyBaseException;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyString;
use serde::{Deserialize, Serialize};
use veracity::{ClaimGroup, CorroboratedClaim, CorroboratedSource, Corroboration, CorroborationOptions};

use crate::analysis::PyAnalysis;
use crate::error::{core_err, invalid_option};
use crate::html::escape;
use crate::json::{short_repr, value_class};

/// A claim of one article placed in a group of claims about the same thing.
///
/// `article` is the position of its analysis in the input of `corroborate`, `claim` its index
/// in `Analysis.claims`.
#[pyclass(frozen, eq, module = "veracity._native", name = "CorroboratedClaim")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PyCorroboratedClaim(pub(crate) CorroboratedClaim);

value_class!(PyCorroboratedClaim, "CorroboratedClaim", {
    /// Position of the article in the input of `corroborate`.
    #[getter]
    fn article(&self) -> usize {
        self.0.article
    }
    /// Index of the claim in that article's `Analysis.claims`.
    #[getter]
    fn claim(&self) -> usize {
        self.0.claim
    }
    /// The claim's text.
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }
    /// The truth-discovery source: the original source's name, or the article's own voice.
    #[getter]
    fn source(&self) -> &str {
        &self.0.source
    }
    /// What the claim asserts about the group's object: `affirmed` or `negated`, with its
    /// numbers (`"affirmed 18"`).
    #[getter]
    fn value(&self) -> &str {
        &self.0.value
    }
    /// True when its value is the one truth discovery chose for the group.
    #[getter]
    fn agrees(&self) -> bool {
        self.0.agrees
    }
    /// The value's share of the group's confidence, in [0, 1].
    #[getter]
    fn corroboration(&self) -> f64 {
        self.0.corroboration
    }
    /// Other articles of the group whose claims give the same value.
    #[getter]
    fn corroborating_articles(&self) -> usize {
        self.0.corroborating_articles
    }
    /// The claim's credibility before corroboration.
    #[getter]
    fn score(&self) -> f64 {
        self.0.score
    }
    /// The credibility after: `clamp(score + credibility_weight * (corroboration - 0.5))`.
    #[getter]
    fn adjusted_score(&self) -> f64 {
        self.0.adjusted_score
    }
    /// Independent sources (other articles, other original sources) whose claims in the group
    /// give the same value.
    #[getter]
    fn agreeing_sources(&self) -> usize {
        self.0.agreeing_sources
    }
    /// Independent sources whose claims in the group contradict it (the opposite polarity, or
    /// other numbers).
    #[getter]
    fn contradicting_sources(&self) -> usize {
        self.0.contradicting_sources
    }
    /// The Admiralty credibility digit once the other articles are known: 1 (confirmed) when
    /// agreeing independent sources are at least one and at least as many as contradicting ones,
    /// 5 (improbable) when contradicting ones outnumber them, else the claim's own digit (a 6
    /// stays 6).
    #[getter]
    fn credibility_grade(&self) -> u8 {
        self.0.credibility_grade.number()
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "CorroboratedClaim(article={}, claim={}, value={}, agrees={}, adjusted_score={:.3}, credibility_grade={})",
            self.0.article,
            self.0.claim,
            short_repr(py, &self.0.value, 40),
            if self.0.agrees { "True" } else { "False" },
            self.0.adjusted_score,
            self.0.credibility_grade.number()
        )
    }
});

/// Claims about the same thing across articles, with the value truth discovery chose.
#[pyclass(frozen, eq, module = "veracity._native", name = "ClaimGroup")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PyClaimGroup(pub(crate) ClaimGroup);

value_class!(PyClaimGroup, "ClaimGroup", {
    /// The group's name: its most informative shared terms, then `[n]`.
    #[getter]
    fn label(&self) -> &str {
        &self.0.label
    }
    /// Positions of the articles with a claim in the group.
    #[getter]
    fn articles(&self) -> Vec<usize> {
        self.0.articles.clone()
    }
    /// The value truth discovery chose.
    #[getter]
    fn value(&self) -> &str {
        &self.0.value
    }
    /// Its confidence in [0, 1].
    #[getter]
    fn confidence(&self) -> f64 {
        self.0.confidence
    }
    /// The claims, by article then claim.
    #[getter]
    fn claims(&self) -> Vec<PyCorroboratedClaim> {
        self.0.claims.iter().cloned().map(PyCorroboratedClaim).collect()
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "ClaimGroup(label={}, articles={:?}, value={}, confidence={:.3})",
            short_repr(py, &self.0.label, 60),
            self.0.articles,
            short_repr(py, &self.0.value, 40),
            self.0.confidence
        )
    }
});

/// A source's trust across articles and its adjusted reliability.
#[pyclass(frozen, eq, module = "veracity._native", name = "CorroboratedSource")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PyCorroboratedSource(pub(crate) CorroboratedSource);

value_class!(PyCorroboratedSource, "CorroboratedSource", {
    /// The source's name.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }
    /// Positions of the articles it appears in (as a grouped claim's source).
    #[getter]
    fn articles(&self) -> Vec<usize> {
        self.0.articles.clone()
    }
    /// How many grouped claims it makes.
    #[getter]
    fn claims(&self) -> usize {
        self.0.claims
    }
    /// Truth-discovery trust in [0, 1].
    #[getter]
    fn trust(&self) -> f64 {
        self.0.trust
    }
    /// Its mean per-article reliability before corroboration.
    #[getter]
    fn reliability(&self) -> f64 {
        self.0.reliability
    }
    /// After: `clamp(reliability + reliability_weight * (trust - 0.5))`.
    #[getter]
    fn adjusted_reliability(&self) -> f64 {
        self.0.adjusted_reliability
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "CorroboratedSource(name={}, trust={:.3}, adjusted_reliability={:.3})",
            short_repr(py, &self.0.name, 60),
            self.0.trust,
            self.0.adjusted_reliability
        )
    }
});

/// The result of `corroborate`: groups of claims about the same thing across articles, and the
/// trust of their sources.
///
/// Example:
///     >>> texts = ["Officials said 18 political prisoners were released in Caracas on Sunday.",
///     ...          "Venezuela released 18 political prisoners in Caracas on Sunday, Foro Penal said."]
///     >>> c = veracity.corroborate(veracity.analyze_batch(texts))
///     >>> g = c.groups[0]
///     >>> g.articles, g.value, [x.agrees for x in g.claims]
///     ([0, 1], 'affirmed 18', [True, True])
#[pyclass(frozen, eq, module = "veracity._native", name = "Corroboration")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PyCorroboration(pub(crate) Corroboration);

value_class!(PyCorroboration, "Corroboration", {
    /// Groups of claims from two or more articles, largest first.
    #[getter]
    fn groups(&self) -> Vec<PyClaimGroup> {
        self.0.groups.iter().cloned().map(PyClaimGroup).collect()
    }
    /// The sources of grouped claims, by name.
    #[getter]
    fn sources(&self) -> Vec<PyCorroboratedSource> {
        self.0.sources.iter().cloned().map(PyCorroboratedSource).collect()
    }
    /// Truth-discovery iterations.
    #[getter]
    fn iterations(&self) -> usize {
        self.0.iterations
    }
    /// Whether truth discovery converged.
    #[getter]
    fn converged(&self) -> bool {
        self.0.converged
    }
    /// The result as a table: `"claims"` (default: one row per grouped claim, with its group)
    /// or `"sources"` (one row per source).
    ///
    /// Example:
    ///     >>> c = veracity.corroborate([veracity.analyze("He left."), veracity.analyze("She stayed.")])
    ///     >>> c.table("claims").columns[:4], len(c.table("sources"))
    ///     (['group', 'label', 'group_value', 'confidence'], 0)
    #[pyo3(signature = (kind = "claims"))]
    fn table<'py>(&self, py: Python<'py>, kind: &str) -> PyResult<Bound<'py, PyAny>> {
        crate::table::corroboration(py, &self.0, kind)
    }
    /// HTML for Jupyter: each group with its claims (agreeing or not) and the sources' trust.
    fn _repr_html_(&self) -> String {
        html(&self.0)
    }
    fn __repr__(&self) -> String {
        format!(
            "Corroboration(groups={}, sources={}, iterations={}, converged={})",
            self.0.groups.len(),
            self.0.sources.len(),
            self.0.iterations,
            if self.0.converged { "True" } else { "False" }
        )
    }
});

fn html(c: &Corroboration) -> String {
    use std::fmt::Write as _;
    let mut s = String::from(
        "<style>.veracity-corr td,.veracity-corr th{padding:2px 6px;text-align:left;vertical-align:top;\
         border-bottom:1px solid #eee;font-size:12px}.veracity-corr .agree{color:#1a7f37}\
         .veracity-corr .disagree{color:#cf222e}</style><div class=\"veracity-corr\">",
    );
    let _ = write!(
        s,
        "<div><b>{} groups</b> of claims, {} sources; truth discovery: {} iterations{}</div>",
        c.groups.len(),
        c.sources.len(),
        c.iterations,
        if c.converged { ", converged" } else { ", not converged" }
    );
    for (i, g) in c.groups.iter().enumerate() {
        let _ = write!(
            s,
            "<details{}><summary>[{}] {} — chosen <code>{}</code> (confidence {:.2}), articles {:?}</summary><table>\
             <tr><th></th><th>article</th><th>claim</th><th>source</th><th>value</th><th>corroboration</th>\
             <th>score</th><th>text</th></tr>",
            if i < 3 { " open" } else { "" },
            i + 1,
            escape(&g.label),
            escape(&g.value),
            g.confidence,
            g.articles
        );
        for cl in &g.claims {
            let _ = write!(
                s,
                "<tr class=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{:.2}</td>\
                 <td>{:.2} → {:.2}</td><td>{}</td></tr>",
                if cl.agrees { "agree" } else { "disagree" },
                if cl.agrees { "✓" } else { "✗" },
                cl.article,
                cl.claim,
                escape(&cl.source),
                escape(&cl.value),
                cl.corroboration,
                cl.score,
                cl.adjusted_score,
                escape(&cl.text)
            );
        }
        s.push_str("</table></details>");
    }
    if !c.sources.is_empty() {
        s.push_str("<table><tr><th>source</th><th>trust</th><th>reliability</th><th>claims</th><th>articles</th></tr>");
        for src in &c.sources {
            let _ = write!(
                s,
                "<tr><td>{}</td><td>{:.2}</td><td>{:.2} → {:.2}</td><td>{}</td><td>{:?}</td></tr>",
                escape(&src.name),
                src.trust,
                src.reliability,
                src.adjusted_reliability,
                src.claims,
                src.articles
            );
        }
        s.push_str("</table>");
    }
    s.push_str("</div>");
    s
}

fn unit(py: Python<'_>, option: &'static str, v: f64) -> PyResult<f64> {
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(core_err(py, &invalid_option(option, v.to_string(), "a number in [0, 1]"), None))
    }
}

/// Groups claims about the same thing across analysed articles, runs truth discovery over the
/// groups and reports corroboration per claim and trust per source (what `veracity corroborate`
/// prints). The analyses themselves are not changed.
///
/// Args:
///     analyses: an iterable of `Analysis`; exceptions left by
///         `analyze_batch(..., on_error="return")` are skipped. Article numbers in the result are
///         positions in this iterable.
///     min_similarity: two claims of different articles join a group at this IDF-weighted term
///         overlap (0 to 1; default 0.25).
///     algorithm, similarity, max_iterations, tolerance, convergence, numeric_scale: the
///         truth-discovery run (see `discover_truth`; default TruthFinder with Jaccard similarity
///         of values).
///     credibility_weight: weight of `corroboration - 0.5` added to a grouped claim's score.
///     reliability_weight: weight of `trust - 0.5` added to a grouped source's reliability.
///     dependence: when True (the default), outlets that copy each other (`Profiles.dependence`)
///         count as one voice: a claim of one is not among the independent sources agreeing
///         with or contradicting a claim of the other.
///
/// Returns:
///     A `Corroboration`.
///
/// Raises:
///     OptionError: an unknown algorithm or similarity, or a weight outside [0, 1].
///     TypeError: an item is neither an Analysis nor an exception.
///
/// Example:
///     >>> rs = veracity.analyze_batch([
///     ...     "Officials said 18 political prisoners were released in Caracas on Sunday.",
///     ...     "Venezuela released 18 political prisoners in Caracas on Sunday, Foro Penal said.",
///     ...     "Only 3 political prisoners were released in Caracas on Sunday, a rights group said."])
///     >>> g = veracity.corroborate(rs).groups[0]
///     >>> g.value, [(x.article, x.agrees) for x in g.claims]
///     ('affirmed 18', [(0, True), (1, True), (2, False)])
#[pyfunction]
#[pyo3(signature = (
    analyses, /, *, min_similarity = 0.25, algorithm = "truth_finder", similarity = "jaccard",
    max_iterations = None, tolerance = None, convergence = None, numeric_scale = 0.1, credibility_weight = 0.2,
    reliability_weight = 0.2, dependence = true
))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn corroborate(
    py: Python<'_>,
    analyses: &Bound<'_, PyAny>,
    min_similarity: f64,
    algorithm: &str,
    similarity: &str,
    max_iterations: Option<usize>,
    tolerance: Option<f64>,
    convergence: Option<&str>,
    numeric_scale: f64,
    credibility_weight: f64,
    reliability_weight: f64,
    dependence: bool,
) -> PyResult<PyCorroboration> {
    let mut options = CorroborationOptions::default().with_min_similarity(unit(py, "min_similarity", min_similarity)?);
    options.credibility_weight = unit(py, "credibility_weight", credibility_weight)?;
    options.reliability_weight = unit(py, "reliability_weight", reliability_weight)?;
    let truth = crate::truth::options(algorithm, similarity, numeric_scale, max_iterations, tolerance, convergence)
        .map_err(|e| core_err(py, &e, None))?;
    options = options.with_truth(truth).with_dependence(dependence);

    if analyses.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err("corroborate expects an iterable of Analysis objects, not a str"));
    }
    let iter =
        analyses.try_iter().map_err(|_| PyTypeError::new_err("corroborate expects an iterable of Analysis objects"))?;
    let mut positions = Vec::new();
    let mut docs = Vec::new();
    for (i, item) in iter.enumerate() {
        let item = item?;
        if let Ok(a) = item.cast::<PyAnalysis>() {
            positions.push(i);
            docs.push(a.get().data.clone());
        } else if !item.is_instance_of::<PyBaseException>() {
            return Err(PyTypeError::new_err(format!(
                "corroborate: item {i} must be an Analysis, got {}",
                item.get_type().name().map(|n| n.to_string()).unwrap_or_default()
            )));
        }
    }
    let result = py.detach(move || -> Result<Corroboration, String> {
        // The core works on its own `Analysis`: spans back to bytes, parts reassembled.
        let core: Vec<veracity::Analysis> = docs.iter().map(crate::doc::DocData::to_core).collect::<Result<_, _>>()?;
        let mut c = veracity::corroborate(&core, &options);
        for g in &mut c.groups {
            g.articles.iter_mut().for_each(|a| *a = positions[*a]);
            g.claims.iter_mut().for_each(|cl| cl.article = positions[cl.article]);
        }
        for s in &mut c.sources {
            s.articles.iter_mut().for_each(|a| *a = positions[*a]);
        }
        Ok(c)
    });
    result
        .map(PyCorroboration)
        .map_err(|e| crate::error::VeracityError::new_err(format!("internal error converting an analysis: {e}")))
}

#[cfg(test)]
mod tests {
    /// The literal defaults of `corroborate`'s signature (literals, so that `inspect.signature`
    /// and stubtest see them) are the core's.
    #[test]
    fn signature_defaults_are_the_core_defaults() {
        assert!((veracity::DEFAULT_MIN_SIMILARITY - 0.25).abs() < f64::EPSILON);
        assert!((veracity::DEFAULT_CREDIBILITY_WEIGHT - 0.2).abs() < f64::EPSILON);
        assert!((veracity::DEFAULT_RELIABILITY_WEIGHT - 0.2).abs() < f64::EPSILON);
    }
}
