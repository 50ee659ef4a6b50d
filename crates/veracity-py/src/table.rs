//! Tables of analyses (articles, claims, hedges, attributions, sources) as typed columns.
//!
//! The rows are shaped by the core (`veracity::report::rows`, the same rows for every front
//! end), read from the already converted (code-point) results, and handed to the pure-Python
//! `veracity.Table` (`python/veracity/_table.py`), which turns them into
//! pandas, polars or pyarrow frames and speaks the Arrow PyCapsule protocol. Keeping the frame
//! libraries on the Python side means none of them is a dependency, and the extension stays free
//! of arrow-rs (a two-minute build on our machines).

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyString, PyType};

use veracity::report::{ColumnData, Offsets, Table, rows};

use crate::analysis::PyAnalysis;
use crate::error::{core_err, invalid_option};

/// The kinds of table, in the order the docs list them.
pub(crate) use veracity::report::TABLE_KINDS;

fn to_py<'py>(py: Python<'py>, data: ColumnData) -> PyResult<Bound<'py, PyList>> {
    match data {
        ColumnData::Str(v) => PyList::new(py, v),
        ColumnData::Int(v) => PyList::new(py, v),
        ColumnData::Float(v) => PyList::new(py, v),
        ColumnData::Bool(v) => PyList::new(py, v),
        ColumnData::StrList(v) => PyList::new(py, v),
        ColumnData::IntList(v) => PyList::new(py, v),
        ColumnData::Date(v) => {
            let out = PyList::empty(py);
            for d in v {
                match d {
                    Some(d) => out.append(crate::analysis::py_date(py, d)?)?,
                    None => out.append(py.None())?,
                }
            }
            Ok(out)
        }
    }
}

/// Checks a table kind (`OptionError` listing the kinds).
pub(crate) fn check_kind(py: Python<'_>, kind: &str) -> PyResult<()> {
    if TABLE_KINDS.contains(&kind) {
        Ok(())
    } else {
        Err(core_err(py, &invalid_option("table kind", kind, TABLE_KINDS.join(", ")), None))
    }
}

/// Builds a `veracity.Table` of `kind` from `(position, analysis)` pairs.
pub(crate) fn build<'py>(
    py: Python<'py>,
    kind: &str,
    analyses: &[(usize, Bound<'py, PyAnalysis>)],
) -> PyResult<Bound<'py, PyAny>> {
    check_kind(py, kind)?;
    let views = analyses.iter().map(|(i, a)| (*i, a.get().data.view()));
    match rows::analyses(kind, views, Offsets::CodePoints) {
        Some(t) => finish(py, t),
        None => Err(core_err(py, &invalid_option("table kind", kind, TABLE_KINDS.join(", ")), None)),
    }
}

/// Hands the columns to `veracity.Table`.
fn finish(py: Python<'_>, t: Table) -> PyResult<Bound<'_, PyAny>> {
    let schema = PyList::empty(py);
    let columns = PyList::empty(py);
    for c in t.columns {
        schema.append((c.name, c.dtype(), c.nullable))?;
        columns.append(to_py(py, c.data)?)?;
    }
    static TABLE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    let table = TABLE.import(py, "veracity._table", "Table")?;
    table.call_method1("_from_columns", (t.kind, schema, columns))
}

/// The rows of many analyses as one table (see `veracity.table`).
///
/// Args:
///     analyses: an iterable of `Analysis` objects; other items (such as the exceptions that
///         `analyze_batch(..., on_error="return")` leaves in failed slots) are skipped but still
///         count for the `article` column, which is the position in the iterable.
///     kind: `"articles"` (one row per article: counts, hedge rate, anonymous-source share,
///         mean scores), `"claims"` (default), `"hedges"`, `"attributions"` or `"sources"`.
///
/// Returns:
///     A `veracity.Table`: `.to_pandas()`, `.to_polars()`, `.to_arrow()`, or pass it to
///     `pl.DataFrame(...)` / `pa.table(...)` (Arrow PyCapsule interface).
///
/// Raises:
///     OptionError: an unknown kind.
///     TypeError: `analyses` is not iterable.
///
/// Example:
///     >>> rs = veracity.analyze_batch(["He allegedly left.", "", "Officials said it may rain."], on_error="return")
///     >>> t = veracity.table(rs, "hedges")
///     >>> t["article"], t["cue"]
///     ([0, 2], ['allegedly', 'may'])
#[pyfunction]
#[pyo3(signature = (analyses, /, kind = "claims"))]
pub(crate) fn table<'py>(py: Python<'py>, analyses: &Bound<'py, PyAny>, kind: &str) -> PyResult<Bound<'py, PyAny>> {
    if analyses.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err("table expects an iterable of Analysis objects, not a str"));
    }
    if let Ok(a) = analyses.cast::<PyAnalysis>() {
        return build(py, kind, &[(0, a.clone())]);
    }
    let iter = analyses
        .try_iter()
        .map_err(|_| PyTypeError::new_err("table expects an Analysis or an iterable of Analysis objects"))?;
    let mut items = Vec::new();
    for (i, item) in iter.enumerate() {
        if let Ok(a) = item?.cast_into::<PyAnalysis>() {
            items.push((i, a));
        }
    }
    build(py, kind, &items)
}

/// `Corroboration.table(kind)`: `"claims"` (one row per grouped claim) or `"sources"`.
pub(crate) fn corroboration<'py>(
    py: Python<'py>,
    c: &veracity::Corroboration,
    kind: &str,
) -> PyResult<Bound<'py, PyAny>> {
    match rows::corroboration(c, kind) {
        Some(t) => finish(py, t),
        None => Err(core_err(py, &invalid_option("corroboration table kind", kind, "claims, sources"), None)),
    }
}

/// `Profiles.table(kind)`: `"outlets"` (one row per outlet) or `"sources"` (one row per source).
pub(crate) fn profiles<'py>(py: Python<'py>, p: &veracity::Profiles, kind: &str) -> PyResult<Bound<'py, PyAny>> {
    match rows::profiles(p, kind) {
        Some(t) => finish(py, t),
        None => Err(core_err(py, &invalid_option("profiles table kind", kind, "outlets, sources"), None)),
    }
}
