//! Tables of analyses (articles, claims, hedges, attributions, sources) as typed columns.
//!
//! The rows are built here, in one pass over the already converted (code-point) results, and
//! handed to the pure-Python `veracity.Table` (`python/veracity/_table.py`), which turns them into
//! pandas, polars or pyarrow frames and speaks the Arrow PyCapsule protocol. Keeping the frame
//! libraries on the Python side means none of them is a dependency, and the extension stays free
//! of arrow-rs (a two-minute build on our machines).

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyString, PyType};

use crate::analysis::PyAnalysis;
use crate::error::{core_err, invalid_option};

/// The kinds of table, in the order the docs list them.
pub(crate) const TABLE_KINDS: [&str; 5] = ["articles", "claims", "hedges", "attributions", "sources"];

/// One column's values; the variant is its type.
enum Data {
    Str(Vec<Option<String>>),
    Int(Vec<Option<i64>>),
    Float(Vec<Option<f64>>),
    Bool(Vec<bool>),
    StrList(Vec<Vec<String>>),
    IntList(Vec<Vec<i64>>),
    Date(Vec<Option<chrono::NaiveDate>>),
}

struct Column {
    name: &'static str,
    nullable: bool,
    data: Data,
}

impl Column {
    fn dtype(&self) -> &'static str {
        match self.data {
            Data::Str(_) => "str",
            Data::Int(_) => "int",
            Data::Float(_) => "float",
            Data::Bool(_) => "bool",
            Data::StrList(_) => "list[str]",
            Data::IntList(_) => "list[int]",
            Data::Date(_) => "date",
        }
    }
}

/// Columns under construction; `push_*` appends to the column of that name (created on first use
/// of a given index, so the schema is the same for an empty table).
#[derive(Default)]
struct Builder {
    cols: Vec<Column>,
}

macro_rules! col {
    ($b:expr, $name:literal, $nullable:expr, $variant:ident) => {{
        let b: &mut Builder = $b;
        if !b.cols.iter().any(|c| c.name == $name) {
            b.cols.push(Column { name: $name, nullable: $nullable, data: Data::$variant(Vec::new()) });
        }
        match &mut b.cols.iter_mut().find(|c| c.name == $name).expect("column just added").data {
            Data::$variant(v) => v,
            _ => unreachable!("column {} has another type", $name),
        }
    }};
}

/// Declares every column of a kind, in order, so that empty tables keep their schema.
fn schema(b: &mut Builder, kind: &str) {
    col!(b, "article", false, Int);
    col!(b, "article_id", true, Str);
    match kind {
        "articles" => {
            col!(b, "title", true, Str);
            col!(b, "outlet", true, Str);
            col!(b, "published", true, Date);
            col!(b, "claims", false, Int);
            col!(b, "hedged_claims", false, Int);
            col!(b, "hedge_rate", true, Float);
            col!(b, "attributed_claims", false, Int);
            col!(b, "anonymous_claims", false, Int);
            col!(b, "anonymous_share", true, Float);
            col!(b, "hedges", false, Int);
            col!(b, "attributions", false, Int);
            col!(b, "sources", false, Int);
            col!(b, "mean_score", true, Float);
            col!(b, "mean_checkworthiness", true, Float);
            col!(b, "credibility", false, Float);
        }
        "claims" => {
            col!(b, "claim", false, Int);
            col!(b, "sentence", false, Int);
            col!(b, "clause", false, Int);
            col!(b, "start", false, Int);
            col!(b, "end", false, Int);
            col!(b, "text", false, Str);
            col!(b, "kind", false, Str);
            col!(b, "kind_cue", true, Str);
            col!(b, "headline", false, Bool);
            col!(b, "is_hedged", false, Bool);
            col!(b, "hedges", false, StrList);
            col!(b, "hedge_categories", false, StrList);
            col!(b, "deciding_cue", true, Str);
            col!(b, "certainty", false, Float);
            col!(b, "certainty_level", false, Str);
            col!(b, "author_certainty", false, Float);
            col!(b, "negated", false, Bool);
            col!(b, "factuality", false, Float);
            col!(b, "is_weasel", false, Bool);
            col!(b, "is_attributed_hedge", false, Bool);
            col!(b, "attributed", false, Bool);
            col!(b, "cue", true, Str);
            col!(b, "sources", false, StrList);
            col!(b, "source", true, Str);
            col!(b, "source_kind", true, Str);
            col!(b, "original_source", true, Str);
            col!(b, "original_source_kind", true, Str);
            col!(b, "attribution_kind", true, Str);
            col!(b, "anonymous", false, Bool);
            col!(b, "checkworthiness", false, Float);
            col!(b, "score", false, Float);
            col!(b, "grade", false, Str);
            col!(b, "reliability_grade", false, Str);
            col!(b, "credibility_grade", false, Int);
        }
        "hedges" => {
            col!(b, "claim", true, Int);
            col!(b, "start", false, Int);
            col!(b, "end", false, Int);
            col!(b, "cue", false, Str);
            col!(b, "category", false, Str);
            col!(b, "weight", false, Float);
            col!(b, "negated", false, Bool);
            col!(b, "in_quote", false, Bool);
            col!(b, "attributive", false, Bool);
        }
        "attributions" => {
            col!(b, "attribution", false, Int);
            col!(b, "cue", false, Str);
            col!(b, "cue_start", false, Int);
            col!(b, "cue_end", false, Int);
            col!(b, "content", false, Str);
            col!(b, "content_start", false, Int);
            col!(b, "content_end", false, Int);
            col!(b, "kind", false, Str);
            col!(b, "anonymous", false, Bool);
            col!(b, "sources", false, StrList);
            col!(b, "source_kinds", false, StrList);
            col!(b, "source", true, Str);
            col!(b, "source_kind", true, Str);
            col!(b, "original_source", true, Str);
            col!(b, "original_source_kind", true, Str);
        }
        "sources" => {
            col!(b, "name", false, Str);
            col!(b, "kind", false, Str);
            col!(b, "is_unnamed", false, Bool);
            col!(b, "mentions", false, StrList);
            col!(b, "n_mentions", false, Int);
            col!(b, "claims", false, IntList);
            col!(b, "n_claims", false, Int);
            col!(b, "reliability", false, Float);
            col!(b, "grade", false, Str);
        }
        _ => {}
    }
}

fn int(v: usize) -> Option<i64> {
    Some(i64::try_from(v).unwrap_or(i64::MAX))
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

fn ratio(num: usize, den: usize) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

/// Appends the rows of one analysis.
fn rows(b: &mut Builder, kind: &str, article: usize, a: &PyAnalysis) {
    let d = &a.data;
    let id = d.article.id().map(str::to_owned);
    let n_rows = match kind {
        "articles" => 1,
        "claims" => d.claims.len(),
        "hedges" => d.hedges.len(),
        "attributions" => d.attributions.len(),
        _ => d.sources.len(),
    };
    col!(b, "article", false, Int).extend(std::iter::repeat_n(int(article), n_rows));
    col!(b, "article_id", true, Str).extend(std::iter::repeat_n(id, n_rows));
    match kind {
        "articles" => {
            let art = &d.article;
            let hedged = d.claims.iter().filter(|c| c.is_hedged()).count();
            let attributed: Vec<_> = d.claims.iter().filter_map(|c| c.attribution.as_ref()).collect();
            let anonymous = attributed.iter().filter(|at| at.anonymous).count();
            col!(b, "title", true, Str).push(art.title().map(|m| m.value.clone()));
            col!(b, "outlet", true, Str).push(art.outlet().map(|m| m.value.clone()));
            col!(b, "published", true, Date).push(art.published().map(|m| m.value));
            col!(b, "claims", false, Int).push(int(d.claims.len()));
            col!(b, "hedged_claims", false, Int).push(int(hedged));
            col!(b, "hedge_rate", true, Float).push(ratio(hedged, d.claims.len()));
            col!(b, "attributed_claims", false, Int).push(int(attributed.len()));
            col!(b, "anonymous_claims", false, Int).push(int(anonymous));
            col!(b, "anonymous_share", true, Float).push(ratio(anonymous, attributed.len()));
            col!(b, "hedges", false, Int).push(int(d.hedges.len()));
            col!(b, "attributions", false, Int).push(int(d.attributions.len()));
            col!(b, "sources", false, Int).push(int(d.sources.len()));
            col!(b, "mean_score", true, Float).push(mean(d.claims.iter().map(|c| c.score)));
            col!(b, "mean_checkworthiness", true, Float).push(mean(d.claims.iter().map(|c| c.checkworthiness)));
            col!(b, "credibility", false, Float).push(Some(d.credibility.value));
        }
        "claims" => {
            for c in &d.claims {
                let at = c.attribution.as_ref();
                let outer = at.and_then(|a| a.sources.first());
                let orig = at.and_then(|a| a.original_source());
                col!(b, "claim", false, Int).push(int(c.index));
                col!(b, "sentence", false, Int).push(int(c.sentence));
                col!(b, "clause", false, Int).push(int(c.clause));
                col!(b, "start", false, Int).push(int(c.span.start));
                col!(b, "end", false, Int).push(int(c.span.end));
                col!(b, "text", false, Str).push(Some(c.text.clone()));
                col!(b, "kind", false, Str).push(Some(c.kind.as_str().to_owned()));
                col!(b, "kind_cue", true, Str).push(c.kind_cue.clone());
                col!(b, "headline", false, Bool).push(c.headline);
                col!(b, "is_hedged", false, Bool).push(c.is_hedged());
                col!(b, "hedges", false, StrList).push(c.hedges.iter().map(|h| h.cue.clone()).collect());
                col!(b, "hedge_categories", false, StrList)
                    .push(c.hedges.iter().map(|h| h.category.as_str().to_owned()).collect());
                col!(b, "deciding_cue", true, Str).push(c.deciding_cue().map(|h| h.cue.clone()));
                col!(b, "certainty", false, Float).push(Some(c.certainty));
                col!(b, "certainty_level", false, Str).push(Some(c.certainty_level.as_str().to_owned()));
                col!(b, "author_certainty", false, Float).push(Some(c.author_certainty));
                col!(b, "negated", false, Bool).push(c.negated);
                col!(b, "factuality", false, Float).push(Some(c.factuality()));
                col!(b, "is_weasel", false, Bool).push(c.is_weasel());
                col!(b, "is_attributed_hedge", false, Bool).push(c.is_attributed_hedge());
                col!(b, "attributed", false, Bool).push(at.is_some());
                col!(b, "cue", true, Str).push(at.map(|a| a.cue.clone()));
                col!(b, "sources", false, StrList)
                    .push(at.map(|a| a.sources.iter().map(|s| s.name.clone()).collect()).unwrap_or_default());
                col!(b, "source", true, Str).push(outer.map(|s| s.name.clone()));
                col!(b, "source_kind", true, Str).push(outer.map(|s| s.kind.as_str().to_owned()));
                col!(b, "original_source", true, Str).push(orig.map(|s| s.name.clone()));
                col!(b, "original_source_kind", true, Str).push(orig.map(|s| s.kind.as_str().to_owned()));
                col!(b, "attribution_kind", true, Str).push(at.map(|a| a.kind.as_str().to_owned()));
                col!(b, "anonymous", false, Bool).push(at.is_some_and(|a| a.anonymous));
                col!(b, "checkworthiness", false, Float).push(Some(c.checkworthiness));
                col!(b, "score", false, Float).push(Some(c.score));
                col!(b, "grade", false, Str).push(Some(c.admiralty.to_string()));
                col!(b, "reliability_grade", false, Str).push(Some(c.admiralty.reliability.as_str().to_owned()));
                col!(b, "credibility_grade", false, Int).push(Some(i64::from(c.admiralty.credibility.number())));
            }
        }
        "hedges" => {
            for h in &d.hedges {
                let claim = d.claims.iter().find(|c| c.span.contains(h.span)).map(|c| c.index);
                col!(b, "claim", true, Int).push(claim.and_then(int));
                col!(b, "start", false, Int).push(int(h.span.start));
                col!(b, "end", false, Int).push(int(h.span.end));
                col!(b, "cue", false, Str).push(Some(h.cue.clone()));
                col!(b, "category", false, Str).push(Some(h.category.as_str().to_owned()));
                col!(b, "weight", false, Float).push(Some(h.weight));
                col!(b, "negated", false, Bool).push(h.negated);
                col!(b, "in_quote", false, Bool).push(h.in_quote);
                col!(b, "attributive", false, Bool).push(h.attributive);
            }
        }
        "attributions" => {
            for (i, at) in d.attributions.iter().enumerate() {
                let outer = at.sources.first();
                let orig = at.original_source();
                col!(b, "attribution", false, Int).push(int(i));
                col!(b, "cue", false, Str).push(Some(at.cue.clone()));
                col!(b, "cue_start", false, Int).push(int(at.cue_span.start));
                col!(b, "cue_end", false, Int).push(int(at.cue_span.end));
                col!(b, "content", false, Str).push(Some(a.slice(at.content).to_owned()));
                col!(b, "content_start", false, Int).push(int(at.content.start));
                col!(b, "content_end", false, Int).push(int(at.content.end));
                col!(b, "kind", false, Str).push(Some(at.kind.as_str().to_owned()));
                col!(b, "anonymous", false, Bool).push(at.anonymous);
                col!(b, "sources", false, StrList).push(at.sources.iter().map(|s| s.name.clone()).collect());
                col!(b, "source_kinds", false, StrList)
                    .push(at.sources.iter().map(|s| s.kind.as_str().to_owned()).collect());
                col!(b, "source", true, Str).push(outer.map(|s| s.name.clone()));
                col!(b, "source_kind", true, Str).push(outer.map(|s| s.kind.as_str().to_owned()));
                col!(b, "original_source", true, Str).push(orig.map(|s| s.name.clone()));
                col!(b, "original_source_kind", true, Str).push(orig.map(|s| s.kind.as_str().to_owned()));
            }
        }
        _ => {
            for s in &d.sources {
                col!(b, "name", false, Str).push(Some(s.name.clone()));
                col!(b, "kind", false, Str).push(Some(s.kind.as_str().to_owned()));
                col!(b, "is_unnamed", false, Bool).push(s.kind.is_unnamed());
                col!(b, "mentions", false, StrList).push(s.mentions.clone());
                col!(b, "n_mentions", false, Int).push(int(s.mentions.len()));
                col!(b, "claims", false, IntList).push(s.claims.iter().filter_map(|&c| int(c)).collect());
                col!(b, "n_claims", false, Int).push(int(s.claims.len()));
                col!(b, "reliability", false, Float).push(Some(s.reliability));
                col!(b, "grade", false, Str).push(Some(s.grade.as_str().to_owned()));
            }
        }
    }
}

fn to_py<'py>(py: Python<'py>, data: Data) -> PyResult<Bound<'py, PyList>> {
    match data {
        Data::Str(v) => PyList::new(py, v),
        Data::Int(v) => PyList::new(py, v),
        Data::Float(v) => PyList::new(py, v),
        Data::Bool(v) => PyList::new(py, v),
        Data::StrList(v) => PyList::new(py, v),
        Data::IntList(v) => PyList::new(py, v),
        Data::Date(v) => {
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
    let mut b = Builder::default();
    schema(&mut b, kind);
    for (i, a) in analyses {
        rows(&mut b, kind, *i, a.get());
    }
    finish(py, kind, b)
}

/// Hands the columns to `veracity.Table`.
fn finish<'py>(py: Python<'py>, kind: &str, b: Builder) -> PyResult<Bound<'py, PyAny>> {
    let schema = PyList::empty(py);
    let columns = PyList::empty(py);
    for c in b.cols {
        schema.append((c.name, c.dtype(), c.nullable))?;
        columns.append(to_py(py, c.data)?)?;
    }
    static TABLE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    let table = TABLE.import(py, "veracity._table", "Table")?;
    table.call_method1("_from_columns", (kind, schema, columns))
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
    let mut b = Builder::default();
    let b = &mut b;
    match kind {
        "claims" => {
            col!(b, "group", false, Int);
            col!(b, "label", false, Str);
            col!(b, "group_value", false, Str);
            col!(b, "confidence", false, Float);
            col!(b, "article", false, Int);
            col!(b, "claim", false, Int);
            col!(b, "text", false, Str);
            col!(b, "source", false, Str);
            col!(b, "value", false, Str);
            col!(b, "agrees", false, Bool);
            col!(b, "corroboration", false, Float);
            col!(b, "corroborating_articles", false, Int);
            col!(b, "score", false, Float);
            col!(b, "adjusted_score", false, Float);
            col!(b, "agreeing_sources", false, Int);
            col!(b, "contradicting_sources", false, Int);
            col!(b, "credibility_grade", false, Int);
            for (gi, g) in c.groups.iter().enumerate() {
                for cl in &g.claims {
                    col!(b, "group", false, Int).push(int(gi));
                    col!(b, "label", false, Str).push(Some(g.label.clone()));
                    col!(b, "group_value", false, Str).push(Some(g.value.clone()));
                    col!(b, "confidence", false, Float).push(Some(g.confidence));
                    col!(b, "article", false, Int).push(int(cl.article));
                    col!(b, "claim", false, Int).push(int(cl.claim));
                    col!(b, "text", false, Str).push(Some(cl.text.clone()));
                    col!(b, "source", false, Str).push(Some(cl.source.clone()));
                    col!(b, "value", false, Str).push(Some(cl.value.clone()));
                    col!(b, "agrees", false, Bool).push(cl.agrees);
                    col!(b, "corroboration", false, Float).push(Some(cl.corroboration));
                    col!(b, "corroborating_articles", false, Int).push(int(cl.corroborating_articles));
                    col!(b, "score", false, Float).push(Some(cl.score));
                    col!(b, "adjusted_score", false, Float).push(Some(cl.adjusted_score));
                    col!(b, "agreeing_sources", false, Int).push(int(cl.agreeing_sources));
                    col!(b, "contradicting_sources", false, Int).push(int(cl.contradicting_sources));
                    col!(b, "credibility_grade", false, Int).push(Some(i64::from(cl.credibility_grade.number())));
                }
            }
        }
        "sources" => {
            col!(b, "name", false, Str);
            col!(b, "articles", false, IntList);
            col!(b, "claims", false, Int);
            col!(b, "trust", false, Float);
            col!(b, "reliability", false, Float);
            col!(b, "adjusted_reliability", false, Float);
            for s in &c.sources {
                col!(b, "name", false, Str).push(Some(s.name.clone()));
                col!(b, "articles", false, IntList).push(s.articles.iter().filter_map(|&a| int(a)).collect());
                col!(b, "claims", false, Int).push(int(s.claims));
                col!(b, "trust", false, Float).push(Some(s.trust));
                col!(b, "reliability", false, Float).push(Some(s.reliability));
                col!(b, "adjusted_reliability", false, Float).push(Some(s.adjusted_reliability));
            }
        }
        other => {
            return Err(core_err(py, &invalid_option("corroboration table kind", other, "claims, sources"), None));
        }
    }
    let label = if kind == "claims" { "corroborated_claims" } else { "corroborated_sources" };
    finish(py, label, std::mem::take(b))
}

/// `Profiles.table(kind)`: `"outlets"` (one row per outlet) or `"sources"` (one row per source).
pub(crate) fn profiles<'py>(py: Python<'py>, p: &veracity::Profiles, kind: &str) -> PyResult<Bound<'py, PyAny>> {
    let mut b = Builder::default();
    let b = &mut b;
    match kind {
        "outlets" => {
            let n = |v: u64| Some(i64::try_from(v).unwrap_or(i64::MAX));
            // Declared first, so that an empty table keeps its schema.
            col!(b, "name", false, Str);
            col!(b, "articles", false, Int);
            col!(b, "claims", false, Int);
            col!(b, "reliability", false, Float);
            col!(b, "grade", false, Str);
            for o in &p.outlets {
                col!(b, "name", false, Str).push(Some(o.name.clone()));
                col!(b, "articles", false, Int).push(n(o.articles));
                col!(b, "claims", false, Int).push(n(o.claims));
                col!(b, "reliability", false, Float).push(Some(o.reliability));
                col!(b, "grade", false, Str).push(Some(o.grade.as_str().to_owned()));
            }
            type Rate = (&'static str, fn(&veracity::OutletProfile) -> f64);
            let rates: [Rate; 9] = [
                ("attribution_rate", |o| o.attribution_rate),
                ("named_rate", |o| o.named_rate),
                ("anonymous_rate", |o| o.anonymous_rate),
                ("vague_rate", |o| o.vague_rate),
                ("hedge_rate", |o| o.hedge_rate),
                ("weasel_rate", |o| o.weasel_rate),
                ("specifics_rate", |o| o.specifics_rate),
                ("corroboration_rate", |o| o.corroboration_rate),
                ("contradiction_rate", |o| o.contradiction_rate),
            ];
            for (name, get) in rates {
                b.cols.push(Column {
                    name,
                    nullable: false,
                    data: Data::Float(p.outlets.iter().map(|o| Some(get(o))).collect()),
                });
            }
        }
        "sources" => {
            {
                col!(b, "name", false, Str);
                col!(b, "kind", false, Str);
                col!(b, "mentions", false, Int);
                col!(b, "articles", false, Int);
                col!(b, "claims", false, Int);
                col!(b, "outlets", false, StrList);
                col!(b, "reliability", false, Float);
                col!(b, "grade", false, Str);
                col!(b, "article_reliability", false, Float);
                col!(b, "hedge_rate", false, Float);
                col!(b, "corroboration_rate", false, Float);
                col!(b, "contradiction_rate", false, Float);
            }
            let n = |v: u64| Some(i64::try_from(v).unwrap_or(i64::MAX));
            for s in &p.sources {
                col!(b, "name", false, Str).push(Some(s.name.clone()));
                col!(b, "kind", false, Str).push(Some(s.kind.as_str().to_owned()));
                col!(b, "mentions", false, Int).push(n(s.mentions));
                col!(b, "articles", false, Int).push(n(s.articles));
                col!(b, "claims", false, Int).push(n(s.claims));
                col!(b, "outlets", false, StrList).push(s.outlets.clone());
                col!(b, "reliability", false, Float).push(Some(s.reliability));
                col!(b, "grade", false, Str).push(Some(s.grade.as_str().to_owned()));
                col!(b, "article_reliability", false, Float).push(Some(s.article_reliability));
                col!(b, "hedge_rate", false, Float).push(Some(s.hedge_rate));
                col!(b, "corroboration_rate", false, Float).push(Some(s.corroboration_rate));
                col!(b, "contradiction_rate", false, Float).push(Some(s.contradiction_rate));
            }
        }
        other => {
            return Err(core_err(py, &invalid_option("profiles table kind", other, "outlets, sources"), None));
        }
    }
    let label = if kind == "outlets" { "outlet_profiles" } else { "source_profiles" };
    finish(py, label, std::mem::take(b))
}
