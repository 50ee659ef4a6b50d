//! Truth discovery over `(source, object, value)` tuples: `veracity.discover_truth`.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use serde::{Deserialize, Serialize};

use crate::error::{core_err, invalid_option};
use crate::json::value_class;

/// The result of `discover_truth`: the chosen value of every object and the trust of every
/// source.
///
/// Example:
///     >>> r = veracity.discover_truth([("a", "x", "1"), ("b", "x", "1"), ("c", "x", "2")], algorithm="sums")
///     >>> r.truths[0][:2]
///     ('x', '1')
#[pyclass(frozen, eq, module = "veracity._native", name = "TruthResult")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "TruthResultJson", into = "TruthResultJson")]
pub struct PyTruthResult {
    algorithm: String,
    iterations: usize,
    converged: bool,
    /// Each truth's object and value names, in turn.
    truth_names: Names,
    /// Each truth's `(confidence, share, support)`.
    truths: Vec<(f64, f64, usize)>,
    /// Each trusted source's name.
    sources: Names,
    trust: Vec<f64>,
}

/// Strings stored one after another in one buffer (two allocations for Book's 2,526 names
/// instead of one each: about 0.1 ms of `discover_truth_file`'s 5).
#[derive(Debug, Clone, Default, PartialEq)]
struct Names {
    text: String,
    /// Where each string ends in `text` (it starts where the previous one ends).
    ends: Vec<usize>,
}

impl Names {
    fn with_capacity(strings: usize) -> Self {
        Names { text: String::with_capacity(strings * 16), ends: Vec::with_capacity(strings) }
    }

    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.ends.push(self.text.len());
    }

    fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }
}

/// `TruthResult`'s JSON form (`to_json`, pickling): one `[object, value, confidence, share,
/// support]` list per truth and one `[source, trust]` pair per source.
#[derive(Serialize, Deserialize)]
struct TruthResultJson {
    algorithm: String,
    iterations: usize,
    converged: bool,
    truths: Vec<(String, String, f64, f64, usize)>,
    trust: Vec<(String, f64)>,
}

impl From<TruthResultJson> for PyTruthResult {
    fn from(j: TruthResultJson) -> Self {
        PyTruthResult::new(
            j.algorithm,
            j.iterations,
            j.converged,
            j.truths.iter().map(|(o, v, c, s, n)| (o.as_str(), v.as_str(), *c, *s, *n)),
            j.trust.iter().map(|(source, t)| (source.as_str(), *t)),
        )
    }
}

impl From<PyTruthResult> for TruthResultJson {
    fn from(r: PyTruthResult) -> Self {
        TruthResultJson {
            truths: (0..r.truths.len())
                .map(|i| r.truth_row(i))
                .map(|(o, v, c, s, n)| (o.to_owned(), v.to_owned(), c, s, n))
                .collect(),
            trust: (0..r.trust.len()).map(|i| (r.sources.get(i).to_owned(), r.trust[i])).collect(),
            algorithm: r.algorithm,
            iterations: r.iterations,
            converged: r.converged,
        }
    }
}

/// The index among `n` names in increasing order (`name(i)`) of `target`, by binary search.
fn find_sorted<'a>(n: usize, name: impl Fn(usize) -> &'a str, target: &str) -> Option<usize> {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match name(mid).cmp(target) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Some(mid),
        }
    }
    None
}

impl PyTruthResult {
    /// From `(object, value, confidence, share, support)` truths and `(source, trust)` pairs,
    /// each in name order.
    fn new<'a>(
        algorithm: String,
        iterations: usize,
        converged: bool,
        truths: impl ExactSizeIterator<Item = (&'a str, &'a str, f64, f64, usize)>,
        trust: impl ExactSizeIterator<Item = (&'a str, f64)>,
    ) -> Self {
        let mut r = PyTruthResult {
            algorithm,
            iterations,
            converged,
            truth_names: Names::with_capacity(2 * truths.len()),
            truths: Vec::with_capacity(truths.len()),
            sources: Names::with_capacity(trust.len()),
            trust: Vec::with_capacity(trust.len()),
        };
        for (o, v, c, s, n) in truths {
            r.truth_names.push(o);
            r.truth_names.push(v);
            r.truths.push((c, s, n));
        }
        for (source, t) in trust {
            r.sources.push(source);
            r.trust.push(t);
        }
        r
    }

    /// Truth `i` as `(object, value, confidence, share, support)`.
    fn truth_row(&self, i: usize) -> (&str, &str, f64, f64, usize) {
        let (c, s, n) = self.truths[i];
        (self.truth_names.get(2 * i), self.truth_names.get(2 * i + 1), c, s, n)
    }
}

value_class!(PyTruthResult, "TruthResult", {
    /// The algorithm's snake_case name.
    #[getter]
    fn algorithm(&self) -> &str {
        &self.algorithm
    }

    /// Iterations run (1 for majority vote).
    #[getter]
    fn iterations(&self) -> usize {
        self.iterations
    }

    /// True when trust moved less than the tolerance before the iteration cap.
    #[getter]
    fn converged(&self) -> bool {
        self.converged
    }

    /// One `(object, value, confidence, share, support)` tuple per object, by object name:
    /// the chosen value, the algorithm's confidence in `[0, 1]`, the value's share of the
    /// object's confidence, and how many sources claim it.
    #[getter]
    fn truths<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        // Straight from the stored strings (no copy of the list on the Rust side first).
        PyList::new(py, (0..self.truths.len()).map(|i| self.truth_row(i)))
    }

    /// The `(object, value, confidence, share, support)` tuple of one object (as in `truths`),
    /// or `None` when no claim is about it. A binary search: scoring a few objects needs no
    /// list of them all.
    ///
    /// Example:
    ///     >>> r = veracity.discover_truth([("a", "x", "1"), ("b", "x", "1"), ("c", "y", "2")])
    ///     >>> r.truth("x")[:2], r.truth("z")
    ///     (('x', '1'), None)
    fn truth<'py>(&self, py: Python<'py>, object: &str) -> PyResult<Option<Bound<'py, PyTuple>>> {
        // Objects are stored in name order.
        let Some(i) = find_sorted(self.truths.len(), |i| self.truth_names.get(2 * i), object) else {
            return Ok(None);
        };
        self.truth_row(i).into_pyobject(py).map(Some)
    }

    /// The trust in `[0, 1]` of one source (as in `trust`), or `None` for a source that made
    /// no claim.
    ///
    /// Example:
    ///     >>> r = veracity.discover_truth([("a", "x", "1"), ("b", "x", "1")], algorithm="majority_vote")
    ///     >>> r.trust_of("a") == r.trust["a"], r.trust_of("z")
    ///     (True, None)
    fn trust_of(&self, source: &str) -> Option<f64> {
        let i = find_sorted(self.trust.len(), |i| self.sources.get(i), source)?;
        Some(self.trust[i])
    }

    /// Source name -> trust in `[0, 1]`.
    #[getter]
    fn trust<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        // Sources are stored sorted by name, as a `BTreeMap` would give them.
        let d = PyDict::new(py);
        for (i, trust) in self.trust.iter().enumerate() {
            d.set_item(self.sources.get(i), *trust)?;
        }
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "TruthResult(algorithm='{}', objects={}, sources={}, iterations={}, converged={})",
            self.algorithm,
            self.truths.len(),
            self.trust.len(),
            self.iterations,
            if self.converged { "True" } else { "False" }
        )
    }
});

fn normalizer(name: &str) -> Result<veracity::truth::Normalizer, veracity::Error> {
    Ok(match name {
        "exact" => veracity::truth::Normalizer::Exact,
        "text" => veracity::truth::Normalizer::Text,
        "number" => veracity::truth::Normalizer::Number,
        "author_names" => veracity::truth::Normalizer::AuthorNames,
        other => return Err(invalid_option("normalizer", other, "exact, text, number, author_names")),
    })
}

fn similarity(name: &str, scale: f64) -> Result<veracity::truth::Similarity, veracity::Error> {
    Ok(match name {
        "exact" => veracity::truth::Similarity::Exact,
        "jaccard" => veracity::truth::Similarity::Jaccard,
        "numeric" => veracity::truth::Similarity::Numeric { scale },
        other => return Err(invalid_option("similarity", other, "exact, jaccard, numeric")),
    })
}

/// Truth-discovery options from the keyword arguments shared by `discover_truth` and `corroborate`.
pub(crate) fn options(
    algorithm: &str,
    similarity: &str,
    numeric_scale: f64,
    max_iterations: Option<usize>,
    tolerance: Option<f64>,
    convergence: Option<&str>,
) -> Result<veracity::truth::TruthOptions, veracity::Error> {
    let mut options = veracity::truth::TruthOptions::new(veracity::truth::Algorithm::from_name(algorithm)?)
        .with_similarity(self::similarity(similarity, numeric_scale)?);
    if let Some(n) = max_iterations {
        options = options.with_max_iterations(n);
    }
    if let Some(t) = tolerance {
        options = options.with_tolerance(t);
    }
    if let Some(c) = convergence {
        options = options.with_convergence(veracity::truth::Convergence::from_name(c)?);
    }
    Ok(options)
}

/// The options and the normaliser of `discover_truth` and `discover_truth_file`.
fn run_options(
    algorithm: &str,
    similarity: &str,
    normalizer: &str,
    max_iterations: Option<usize>,
    tolerance: Option<f64>,
    convergence: Option<&str>,
    numeric_scale: f64,
) -> Result<(veracity::truth::TruthOptions, veracity::truth::Normalizer), veracity::Error> {
    Ok((
        options(algorithm, similarity, numeric_scale, max_iterations, tolerance, convergence)?,
        self::normalizer(normalizer)?,
    ))
}

/// Runs truth discovery on `(source, object, value)` tuples.
///
/// Args:
///     observations: an iterable of `(source, object, value)` string tuples.
///     algorithm: `majority_vote`, `sums`, `average_log`, `investment`, `pooled_investment`,
///         `truth_finder` (default) or `crh`.
///     similarity: `exact` (default), `jaccard` (sets of words) or `numeric`.
///     normalizer: `exact` (default), `text`, `number` or `author_names`.
///     max_iterations: the iteration cap; default: 20 for sums, average_log and investment,
///         10 for pooled_investment (they run a fixed number), 100 for the others.
///     tolerance: stop when the trust scores move by less than this; default 0.0001 (0 for the
///         fixed-iteration algorithms).
///     convergence: how the move is measured: `max_change` (the largest change of one score;
///         the default for all but truth_finder) or `cosine` (1 − the cosine similarity of the
///         old and new trust vectors; truth_finder's default, its paper's rule).
///     numeric_scale: for `similarity="numeric"`, the relative difference at which two numbers
///         stop being similar.
///
/// Returns:
///     A `TruthResult`.
///
/// Raises:
///     OptionError: an unknown algorithm, similarity or normalizer name.
///
/// Example:
///     >>> r = veracity.discover_truth([("a", "x", "1"), ("b", "x", "1"), ("c", "x", "2")])
///     >>> r.truths[0][1]
///     '1'
#[pyfunction]
#[pyo3(signature = (
    observations, /, *, algorithm = "truth_finder", similarity = "exact", normalizer = "exact",
    max_iterations = None, tolerance = None, convergence = None, numeric_scale = 0.1
))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn discover_truth(
    py: Python<'_>,
    observations: Vec<(String, String, String)>,
    algorithm: &str,
    similarity: &str,
    normalizer: &str,
    max_iterations: Option<usize>,
    tolerance: Option<f64>,
    convergence: Option<&str>,
    numeric_scale: f64,
) -> PyResult<PyTruthResult> {
    let (options, normalizer) =
        run_options(algorithm, similarity, normalizer, max_iterations, tolerance, convergence, numeric_scale)
            .map_err(|e| core_err(py, &e, None))?;
    Ok(py.detach(move || {
        run(observations.iter().map(|(s, o, v)| (s.as_str(), o.as_str(), v.as_str())), &normalizer, &options)
    }))
}

/// Indexes (normalising unless `Exact`; empty values are no claim), runs and converts.
fn run<'a>(
    triples: impl Iterator<Item = (&'a str, &'a str, &'a str)>,
    normalizer: &veracity::truth::Normalizer,
    options: &veracity::truth::TruthOptions,
) -> PyTruthResult {
    let dataset = if matches!(normalizer, veracity::truth::Normalizer::Exact) {
        veracity::truth::Dataset::from_triples(triples.filter(|t| !t.2.is_empty()))
    } else {
        veracity::truth::Dataset::from_triples_normalized(triples, normalizer)
    };
    result(&dataset, options)
}

/// Runs and converts.
fn result(dataset: &veracity::truth::Dataset, options: &veracity::truth::TruthOptions) -> PyTruthResult {
    let d = dataset.discover(options);
    PyTruthResult::new(
        d.algorithm().as_str().to_owned(),
        d.iterations(),
        d.converged(),
        d.truths().map(|t| (t.object, t.value, t.confidence, t.share, t.support)),
        d.trust(),
    )
}

/// Fields of a line that `discover_truth_file` can name (`columns` indices below this).
const MAX_COLUMNS: usize = 16;

/// Runs truth discovery on a tab-separated file of observations, read, split and indexed in Rust
/// (no Python tuple per claim: the fast path for large files).
///
/// Lines are split on `\n` (a final `\r` is dropped, empty lines are skipped) and fields on tabs;
/// a file that is not UTF-8 is read with invalid bytes replaced by U+FFFD. There is no header
/// line: drop it from the file, or it becomes a claim.
///
/// Args:
///     path: the file.
///     columns: the 0-based field numbers of the source, the object and the value (each below
///         16); default `(0, 1, 2)`. The Book data set's `source, isbn, title, authors` lines
///         are `columns=(0, 1, 3)`.
///     algorithm, similarity, normalizer, max_iterations, tolerance, convergence, numeric_scale:
///         as for `discover_truth`.
///
/// Returns:
///     A `TruthResult`, the same as `discover_truth` on the file's `(source, object, value)`
///     tuples.
///
/// Raises:
///     VeracityIOError: the file cannot be read (an `OSError` with `errno` and `filename`).
///     InvalidRecordError: a line has fewer fields than `columns` needs (the message gives the
///         line number; no line is skipped silently).
///     OptionError: an unknown algorithm, similarity or normalizer name, or a column of 16 or
///         more.
///
/// Example:
///     >>> import pathlib, tempfile
///     >>> p = pathlib.Path(tempfile.mkdtemp()) / "claims.tsv"
///     >>> _ = p.write_text("a\tx\t1\nb\tx\t1\nc\tx\t2\n")
///     >>> veracity.discover_truth_file(p, algorithm="majority_vote").truths[0][:2]
///     ('x', '1')
#[pyfunction]
#[pyo3(signature = (
    path, /, *, columns = (0, 1, 2), algorithm = "truth_finder", similarity = "exact", normalizer = "exact",
    max_iterations = None, tolerance = None, convergence = None, numeric_scale = 0.1
), text_signature = "(path, /, *, columns=(0, 1, 2), algorithm='truth_finder', similarity='exact', \
    normalizer='exact', max_iterations=None, tolerance=None, convergence=None, numeric_scale=0.1)")]
#[allow(clippy::too_many_arguments)]
pub(crate) fn discover_truth_file(
    py: Python<'_>,
    path: std::path::PathBuf,
    columns: (usize, usize, usize),
    algorithm: &str,
    similarity: &str,
    normalizer: &str,
    max_iterations: Option<usize>,
    tolerance: Option<f64>,
    convergence: Option<&str>,
    numeric_scale: f64,
) -> PyResult<PyTruthResult> {
    let (options, normalizer) =
        run_options(algorithm, similarity, normalizer, max_iterations, tolerance, convergence, numeric_scale)
            .and_then(|parsed| {
                let (s, o, v) = columns;
                if s.max(o).max(v) >= MAX_COLUMNS {
                    return Err(veracity::Error::InvalidOption {
                        option: "columns",
                        value: format!("({s}, {o}, {v})"),
                        expected: format!("field numbers below {MAX_COLUMNS}"),
                    });
                }
                Ok(parsed)
            })
            .map_err(|e| core_err(py, &e, None))?;
    let result = py.detach(move || -> Result<PyTruthResult, veracity::Error> {
        let (s, o, v) = columns;
        if s.max(o).max(v) < veracity::truth::TSV_MAX_COLUMNS {
            // The library's reader: one pass, read and parsed in two halves on the pool for large
            // files; a short line is an `InvalidRecord` naming the file and line.
            let dataset = veracity::truth::Dataset::read_tsv_normalized(&path, [s, o, v], &normalizer)?;
            return Ok(result(&dataset, &options));
        }
        let bytes = std::fs::read(&path).map_err(|e| veracity::Error::io(path.clone(), e))?;
        let text = String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        let need = s.max(o).max(v) + 1;
        let short = |index: usize, n: usize| veracity::Error::InvalidRecord {
            origin: path.display().to_string(),
            line: veracity::truth::tsv_line_number(&text, index).unwrap_or(index + 1),
            message: format!("expected at least {need} tab-separated fields, got {n}"),
        };
        let mut triples = Vec::with_capacity(text.len() / 64);
        for (index, (f, n)) in veracity::truth::tsv_lines::<MAX_COLUMNS>(&text).enumerate() {
            if n < need {
                return Err(short(index, n));
            }
            triples.push((f[s], f[o], f[v]));
        }
        Ok(run(triples.into_iter(), &normalizer, &options))
    });
    result.map_err(|e| core_err(py, &e, None))
}
