//! `Analyzer`, `analyze`, `analyze_file`, `analyze_batch`: extract owned inputs, detach, run
//! (in parallel for batches), convert back.

use std::path::PathBuf;
use std::str::FromStr;
use std::sync::{Arc, OnceLock, PoisonError, RwLock};

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyList, PyMapping, PyString, PyType};
use rayon::prelude::*;
use veracity::{Analyzer, Article, Corpus, CorpusOptions, CueKind, HedgeCategory};

use crate::analysis::PyAnalysis;
use crate::classes::PyAttribution;
use crate::corpus::PyCorpus;
use crate::doc::DocData;
use crate::error::{Failure, MetadataError, OptionError, VeracityError, catch, core_err, invalid_option};
use crate::json::to_json_string;

// ---------------------------------------------------------------------------------------------
// Inputs (owned, extracted while attached; built into `Article`s after detaching)

#[derive(Debug)]
enum TextInput {
    Str(String),
    Bytes(Vec<u8>),
}

#[derive(Debug)]
enum DateInput {
    Date(chrono::NaiveDate),
    Str(String),
}

#[derive(Debug, Default)]
struct MetaInput {
    title: Option<String>,
    outlet: Option<String>,
    authors: Option<Vec<String>>,
    published: Option<DateInput>,
    url: Option<String>,
    id: Option<String>,
}

#[derive(Debug)]
enum Origin {
    Text(TextInput),
    File(PathBuf),
}

#[derive(Debug)]
struct ArticleInput {
    source: Origin,
    meta: MetaInput,
}

impl ArticleInput {
    /// Builds the article (decoding bytes, reading the file, validating metadata): no GIL needed.
    fn build(self) -> Result<Article, veracity::Error> {
        let mut article = match self.source {
            Origin::Text(TextInput::Str(s)) => Article::new(s),
            Origin::Text(TextInput::Bytes(b)) => Article::from_bytes(b, None)?,
            Origin::File(p) => Article::from_path(p)?,
        };
        let m = self.meta;
        if let Some(v) = m.id {
            article = article.with_id(v);
        }
        if let Some(v) = m.title {
            article = article.with_title(v);
        }
        if let Some(v) = m.outlet {
            article = article.with_outlet(v);
        }
        if let Some(v) = m.authors {
            article = article.with_authors(v);
        }
        match m.published {
            Some(DateInput::Date(d)) => article = article.with_published(d),
            Some(DateInput::Str(s)) => article = article.with_published_str(&s)?,
            None => {}
        }
        if let Some(v) = m.url {
            article = article.with_url(v)?;
        }
        Ok(article)
    }
}

fn type_name(ob: &Bound<'_, PyAny>) -> String {
    ob.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".to_owned())
}

fn extract_text(ob: &Bound<'_, PyAny>, what: &str) -> PyResult<TextInput> {
    if let Ok(s) = ob.cast::<PyString>() {
        return Ok(TextInput::Str(s.to_str()?.to_owned()));
    }
    if let Ok(b) = ob.cast::<PyBytes>() {
        return Ok(TextInput::Bytes(b.as_bytes().to_vec()));
    }
    Err(PyTypeError::new_err(format!("{what} must be str or bytes, got {}", type_name(ob))))
}

fn extract_opt_str(ob: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Option<String>> {
    match ob {
        None => Ok(None),
        Some(o) if o.is_none() => Ok(None),
        Some(o) => match o.cast::<PyString>() {
            Ok(s) => Ok(Some(s.to_str()?.to_owned())),
            Err(_) => Err(PyTypeError::new_err(format!("{what} must be str or None, got {}", type_name(o)))),
        },
    }
}

/// `authors`: a str (one author) or an iterable of str.
fn extract_authors(ob: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Option<Vec<String>>> {
    let Some(o) = ob.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    if let Ok(s) = o.cast::<PyString>() {
        return Ok(Some(vec![s.to_str()?.to_owned()]));
    }
    let err = || PyTypeError::new_err(format!("{what} must be a str or an iterable of str, got {}", type_name(o)));
    let mut out = Vec::new();
    for item in o.try_iter().map_err(|_| err())? {
        let item = item?;
        match item.cast::<PyString>() {
            Ok(s) => out.push(s.to_str()?.to_owned()),
            Err(_) => return Err(err()),
        }
    }
    Ok(Some(out))
}

/// `published`: `datetime.date`, `datetime.datetime` (its date is kept) or an ISO string.
fn extract_published(ob: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Option<DateInput>> {
    static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    let Some(o) = ob.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    if let Ok(s) = o.cast::<PyString>() {
        return Ok(Some(DateInput::Str(s.to_str()?.to_owned())));
    }
    let date_type = DATE.import(o.py(), "datetime", "date")?;
    if o.is_instance(date_type)? {
        let (y, m, d): (i32, u32, u32) =
            (o.getattr("year")?.extract()?, o.getattr("month")?.extract()?, o.getattr("day")?.extract()?);
        let date = chrono::NaiveDate::from_ymd_opt(y, m, d)
            .ok_or_else(|| MetadataError::new_err(format!("{what}: date {y}-{m}-{d} is out of range")))?;
        return Ok(Some(DateInput::Date(date)));
    }
    Err(PyTypeError::new_err(format!(
        "{what} must be a datetime.date, a datetime.datetime or an ISO date string, got {}",
        type_name(o)
    )))
}

/// The keyword arguments shared by `analyze`, `analyze_file` and the batch dict items.
#[allow(clippy::too_many_arguments)]
fn extract_meta(
    title: Option<&Bound<'_, PyAny>>,
    outlet: Option<&Bound<'_, PyAny>>,
    authors: Option<&Bound<'_, PyAny>>,
    published: Option<&Bound<'_, PyAny>>,
    url: Option<&Bound<'_, PyAny>>,
    id: Option<&Bound<'_, PyAny>>,
    prefix: &str,
) -> PyResult<MetaInput> {
    Ok(MetaInput {
        title: extract_opt_str(title, &format!("{prefix}title"))?,
        outlet: extract_opt_str(outlet, &format!("{prefix}outlet"))?,
        authors: extract_authors(authors, &format!("{prefix}authors"))?,
        published: extract_published(published, &format!("{prefix}published"))?,
        url: extract_opt_str(url, &format!("{prefix}url"))?,
        id: extract_opt_str(id, &format!("{prefix}id"))?,
    })
}

const ITEM_KEYS: [&str; 7] = ["text", "title", "outlet", "authors", "published", "url", "id"];

/// One batch item: a str/bytes text, or a mapping with a `text` key and optional metadata keys.
fn extract_item(ob: &Bound<'_, PyAny>, index: usize) -> PyResult<ArticleInput> {
    if ob.is_instance_of::<PyString>() || ob.is_instance_of::<PyBytes>() {
        let text = extract_text(ob, &format!("batch item {index}"))?;
        return Ok(ArticleInput { source: Origin::Text(text), meta: MetaInput::default() });
    }
    let Ok(mapping) = ob.cast::<PyMapping>() else {
        return Err(PyTypeError::new_err(format!(
            "batch item {index} must be str, bytes or a mapping with a 'text' key, got {}",
            type_name(ob)
        )));
    };
    for key in mapping.keys()?.iter() {
        let k: String = key.extract().map_err(|_| {
            PyTypeError::new_err(format!("batch item {index}: keys must be str, got {}", type_name(&key)))
        })?;
        if !ITEM_KEYS.contains(&k.as_str()) {
            return Err(PyTypeError::new_err(format!(
                "batch item {index}: unexpected key {k:?}; expected one of {}",
                ITEM_KEYS.join(", ")
            )));
        }
    }
    let get = |k: &str| -> PyResult<Option<Bound<'_, PyAny>>> {
        if mapping.contains(k)? { Ok(Some(mapping.get_item(k)?)) } else { Ok(None) }
    };
    let Some(text) = get("text")? else {
        return Err(PyTypeError::new_err(format!("batch item {index}: missing required key 'text'")));
    };
    let prefix = format!("batch item {index}: ");
    let text = extract_text(&text, &format!("{prefix}text"))?;
    let (title, outlet, authors, published, url, id) =
        (get("title")?, get("outlet")?, get("authors")?, get("published")?, get("url")?, get("id")?);
    let meta = extract_meta(
        title.as_ref(),
        outlet.as_ref(),
        authors.as_ref(),
        published.as_ref(),
        url.as_ref(),
        id.as_ref(),
        &prefix,
    )?;
    Ok(ArticleInput { source: Origin::Text(text), meta })
}

// ---------------------------------------------------------------------------------------------
// Running

/// Test hook: when this environment variable equals an input's text, analysing that input panics
/// inside the panic guard, so that tests can check that a panic surfaces as `VeracityError` (in a
/// batch, in its own slot only) and never crosses the FFI. Read once per call, not per item.
const PANIC_HOOK_VAR: &str = "VERACITY_TEST_PANIC_ON";

fn panic_hook() -> Option<String> {
    std::env::var(PANIC_HOOK_VAR).ok().filter(|v| !v.is_empty())
}

/// Builds, analyses and converts one article; never panics (a core panic becomes a `Failure`).
fn run_one(analyzer: &Analyzer, input: ArticleInput, panic_on: Option<&str>) -> Result<DocData, Failure> {
    run_one_with(analyzer, input, panic_on, None).map(|(d, _)| d)
}

/// As `run_one`; with corpus options, also the article's own one-article `Corpus`, made from the
/// core analysis (so `analyze_batch(..., corpus=c)` needs no conversion back from the binding's
/// copy, which costs more than the analysis).
fn run_one_with(
    analyzer: &Analyzer,
    input: ArticleInput,
    panic_on: Option<&str>,
    corpus: Option<&CorpusOptions>,
) -> Result<(DocData, Option<Corpus>), Failure> {
    catch(|| {
        if let (Some(p), Origin::Text(TextInput::Str(t))) = (panic_on, &input.source) {
            assert!(t != p, "deliberate panic requested by {PANIC_HOOK_VAR}");
        }
        let article = input.build()?;
        let analysis = analyzer.analyze(&article)?;
        let part = corpus.map(|o| {
            let mut c = Corpus::with_options(o.clone());
            c.add(&analysis);
            c
        });
        Ok((DocData::from_analysis(analysis), part))
    })
}

fn analyze_input(py: Python<'_>, analyzer: &Analyzer, input: ArticleInput) -> PyResult<PyAnalysis> {
    let panic_on = panic_hook();
    match py.detach(|| run_one(analyzer, input, panic_on.as_deref())) {
        Ok(data) => Ok(PyAnalysis::new(data)),
        Err(f) => Err(f.into_pyerr(py, None)),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum OnError {
    Raise,
    Return,
}

/// A `tqdm.auto.tqdm` bar of `total` articles (tqdm is optional: a clear ImportError otherwise).
fn progress_bar<'py>(py: Python<'py>, total: usize) -> PyResult<Bound<'py, PyAny>> {
    let tqdm = py.import("tqdm.auto").map_err(|_| {
        pyo3::exceptions::PyImportError::new_err(
            "analyze_batch(..., progress=True) needs tqdm; install it with: pip install \"tqdm>=4.66\" (the [progress] extra of veracity)",
        )
    })?;
    let kwargs = pyo3::types::PyDict::new(py);
    kwargs.set_item("total", total)?;
    kwargs.set_item("unit", "article")?;
    kwargs.set_item("desc", "veracity")?;
    tqdm.getattr("tqdm")?.call((), Some(&kwargs))
}

/// Chunk size when a progress bar is shown: about 100 updates, at least 4 items per thread.
fn default_chunk(n: usize, threads: usize) -> usize {
    n.div_ceil(100).max(4 * threads).max(1)
}

type Slot = Option<Result<(DocData, Option<Corpus>), Failure>>;

#[allow(clippy::too_many_arguments)]
fn batch(
    py: Python<'_>,
    analyzer: &Analyzer,
    items: &Bound<'_, PyAny>,
    n_threads: Option<i64>,
    on_error: &str,
    progress: bool,
    chunk_size: Option<i64>,
    corpus: Option<&Bound<'_, PyCorpus>>,
) -> PyResult<Py<PyList>> {
    let corpus_options = corpus.map(|c| c.get().options(py));
    let mode = match on_error {
        "raise" => OnError::Raise,
        "return" => OnError::Return,
        other => return Err(core_err(py, &invalid_option("on_error", other, "raise, return"), None)),
    };
    let threads = match n_threads {
        None => None,
        Some(n) if n >= 1 => Some(usize::try_from(n).unwrap_or(usize::MAX)),
        Some(n) => {
            return Err(OptionError::new_err(format!("n_threads must be None or an integer >= 1, got {n}")));
        }
    };
    let chunk_size = match chunk_size {
        None => None,
        Some(n) if n >= 1 => Some(usize::try_from(n).unwrap_or(usize::MAX)),
        Some(n) => {
            return Err(OptionError::new_err(format!("chunk_size must be None or an integer >= 1, got {n}")));
        }
    };
    if items.is_instance_of::<PyString>() || items.is_instance_of::<PyBytes>() {
        return Err(PyTypeError::new_err("analyze_batch expects an iterable of texts, not a single str or bytes"));
    }
    let iter = items.try_iter().map_err(|_| {
        PyTypeError::new_err(format!("analyze_batch expects an iterable of texts, got {}", type_name(items)))
    })?;

    // Extract everything while attached; a bad item is kept as its error, in its slot.
    let mut inputs: Vec<Option<ArticleInput>> = Vec::new();
    let mut early: Vec<(usize, PyErr)> = Vec::new();
    for (i, item) in iter.enumerate() {
        match extract_item(&item?, i) {
            Ok(input) => inputs.push(Some(input)),
            Err(e) if mode == OnError::Raise => return Err(with_index(py, e, i)),
            Err(e) => {
                early.push((i, with_index(py, e, i)));
                inputs.push(None);
            }
        }
    }
    let total = inputs.len();

    // A dedicated pool when n_threads is given (built once per call); otherwise the process
    // pool of `set_num_threads`, else rayon's global pool (which honours RAYON_NUM_THREADS).
    let pool = match threads {
        None => process_pool(),
        Some(n) => Some(Arc::new(
            py.detach(|| {
                rayon::ThreadPoolBuilder::new().num_threads(n).thread_name(|i| format!("veracity-{i}")).build()
            })
            .map_err(|e| VeracityError::new_err(format!("cannot start a thread pool of {n} threads: {e}")))?,
        )),
    };
    let width = pool.as_ref().map_or_else(rayon::current_num_threads, |p| p.current_num_threads());
    let bar = if progress { Some(progress_bar(py, total)?) } else { None };
    // Without a bar the whole input is one chunk; with one, the bar advances after each chunk.
    // Between chunks the GIL is taken back: the bar is updated and Ctrl-C is honoured.
    let chunk = chunk_size.unwrap_or_else(|| if bar.is_some() { default_chunk(total, width) } else { total.max(1) });

    let panic_on = panic_hook();
    let mut results: Vec<Slot> = Vec::with_capacity(total);
    let run_chunks = || -> PyResult<()> {
        let mut pending = inputs.into_iter().peekable();
        while pending.peek().is_some() {
            let part: Vec<Option<ArticleInput>> = pending.by_ref().take(chunk).collect();
            let n = part.len();
            let out: Vec<Slot> = py.detach(|| {
                let panic_on = panic_on.as_deref();
                let options = corpus_options.as_ref();
                let run = move || -> Vec<Slot> {
                    part.into_par_iter()
                        .map(|input| input.map(|a| run_one_with(analyzer, a, panic_on, options)))
                        .collect()
                };
                match &pool {
                    None => run(),
                    Some(p) => p.install(run),
                }
            });
            let failed = mode == OnError::Raise && out.iter().any(|r| matches!(r, Some(Err(_))));
            results.extend(out);
            if let Some(bar) = &bar {
                bar.call_method1("update", (n,))?;
            }
            if failed {
                // The first failure in input order is in this chunk: stop here.
                break;
            }
            if pending.peek().is_some() {
                py.check_signals()?;
            }
        }
        Ok(())
    };
    let ran = run_chunks();
    if let Some(bar) = &bar {
        bar.call_method0("close")?;
    }
    ran?;

    let out = PyList::empty(py);
    let mut early = early.into_iter().peekable();
    let mut parts: Vec<Corpus> = Vec::new();
    for (i, r) in results.into_iter().enumerate() {
        match r {
            Some(Ok((data, part))) => {
                parts.extend(part);
                out.append(Py::new(py, PyAnalysis::new(data))?)?;
            }
            Some(Err(f)) => {
                let err = with_index(py, f.into_pyerr(py, Some(&format!("batch item {i}"))), i);
                if mode == OnError::Raise {
                    return Err(err);
                }
                out.append(err.into_value(py))?;
            }
            None => {
                // Only in "return" mode: the extraction error of this slot.
                let err = match early.next_if(|(j, _)| *j == i) {
                    Some((_, e)) => e,
                    None => VeracityError::new_err(format!("batch item {i}: lost input")),
                };
                out.append(err.into_value(py))?;
            }
        }
    }
    if let Some(c) = corpus {
        // In input order: the corpus ends up exactly as if each analysis had been `add`ed.
        c.get().merge_all(py, parts);
    }
    Ok(out.unbind())
}

/// Sets `exc.index = i` on a batch error.
fn with_index(py: Python<'_>, err: PyErr, index: usize) -> PyErr {
    let _ = err.value(py).setattr("index", index);
    err
}

// ---------------------------------------------------------------------------------------------
// The process-wide thread pool

/// The pool `analyze_batch(n_threads=None)` runs on once `set_num_threads(n)` was called; None:
/// rayon's global pool (sized by `RAYON_NUM_THREADS` or the number of cores).
static POOL: RwLock<Option<Arc<rayon::ThreadPool>>> = RwLock::new(None);

fn process_pool() -> Option<Arc<rayon::ThreadPool>> {
    POOL.read().unwrap_or_else(PoisonError::into_inner).clone()
}

/// Sets the number of threads batch analysis uses in this process when `n_threads` is not given:
/// one pool of `n` threads, made once and shared by every later call (from any Python thread).
/// `None` goes back to rayon's global pool (`RAYON_NUM_THREADS`, else one thread per core).
///
/// Distributed workers call it once with their own share of the cores (`veracity.contrib.dask`
/// does it with the Dask worker's thread count), so that N worker processes on one machine do not
/// each start one thread per core. Calling it again with the same `n` keeps the pool.
///
/// Raises:
///     OptionError: `n` is not None or an integer >= 1.
///
/// Example:
///     >>> veracity.set_num_threads(1); veracity.get_num_threads()
///     1
///     >>> veracity.set_num_threads(None)
#[pyfunction]
#[pyo3(signature = (n, /))]
pub(crate) fn set_num_threads(py: Python<'_>, n: Option<i64>) -> PyResult<()> {
    let size = match n {
        None => None,
        Some(k) if k >= 1 => Some(usize::try_from(k).unwrap_or(usize::MAX)),
        Some(k) => return Err(OptionError::new_err(format!("n must be None or an integer >= 1, got {k}"))),
    };
    py.detach(|| {
        let mut slot = POOL.write().unwrap_or_else(PoisonError::into_inner);
        match size {
            None => *slot = None,
            Some(k) if slot.as_ref().is_some_and(|p| p.current_num_threads() == k) => {}
            Some(k) => {
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(k)
                    .thread_name(|i| format!("veracity-{i}"))
                    .build()
                    .map_err(|e| VeracityError::new_err(format!("cannot start a thread pool of {k} threads: {e}")))?;
                // A batch still running on the old pool keeps it alive until it ends.
                *slot = Some(Arc::new(pool));
            }
        }
        Ok(())
    })
}

/// The number of threads `analyze_batch(n_threads=None)` uses in this process (see
/// `set_num_threads`).
#[pyfunction]
pub(crate) fn get_num_threads() -> usize {
    process_pool().map_or_else(rayon::current_num_threads, |p| p.current_num_threads())
}

fn default_analyzer() -> &'static Analyzer {
    static DEFAULT: OnceLock<Analyzer> = OnceLock::new();
    DEFAULT.get_or_init(Analyzer::default)
}

// ---------------------------------------------------------------------------------------------
// Analyzer

/// An analyser: the built-in lexicons and weights, optionally extended.
///
/// Args:
///     config: a TOML document merged into the built-in configuration (tables merge key by key,
///         arrays are extended, a table with `replace = true` replaces the built-in one).
///     config_file: path of a TOML file merged the same way (before `config`).
///     profile: a built-in profile name, or several, merged first (see `PROFILES`:
///         `"conll2010"` adds Wikipedia's weasel cues and weights learned on CoNLL-2010).
///     lexicons: False starts from the built-in weights and word lists but with no hedge or
///         attribution cues (bring your own with `config`, `hedges` and `cues`).
///     hedges: extra hedge cues as `(phrase, category, weight)` tuples; `category` is one of
///         `HEDGE_CATEGORIES`, `weight` in [0, 1].
///     cues: extra attribution cues as `(phrase, kind)` tuples; `kind` is one of `CUE_KINDS`.
///     remove_hedges: hedge phrases to drop from every group.
///     remove_cues: attribution cues to drop from every group.
///
/// Order of application: lexicons, profile, config_file, config, remove_hedges, remove_cues,
/// hedges, cues.
///
/// Raises:
///     ConfigError: invalid TOML or entry (the message names it).
///     OptionError: unknown profile, hedge category or cue kind (the message lists the choices).
///     VeracityIOError: config_file cannot be read.
///     TypeError: an argument has the wrong type.
///
/// An Analyzer is immutable and thread-safe: share one between threads. Pickling keeps its
/// full effective configuration.
///
/// Example:
///     >>> an = veracity.Analyzer(hedges=[("in all likelihood", "speculation", 0.4)])
///     >>> an.analyze("The deal will in all likelihood collapse.").claims[0].hedges[0].cue
///     'in all likelihood'
#[pyclass(frozen, module = "veracity._native", name = "Analyzer")]
#[derive(Debug)]
pub struct PyAnalyzer {
    pub(crate) inner: Analyzer,
}

fn cue_kind(s: &str) -> Result<CueKind, veracity::Error> {
    match s {
        "verb" => Ok(CueKind::Verb),
        "verb_recipient" => Ok(CueKind::VerbRecipient),
        "preposition" => Ok(CueKind::Preposition),
        other => Err(invalid_option("cue kind", other, CUE_KINDS.join(", "))),
    }
}

pub(crate) const CUE_KINDS: [&str; 3] = ["verb", "verb_recipient", "preposition"];

fn tuples<'py>(ob: Option<&Bound<'py, PyAny>>, what: &str, shape: &str) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let Some(o) = ob.filter(|o| !o.is_none()) else {
        return Ok(Vec::new());
    };
    if o.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!("{what} must be an iterable of {shape} tuples, not a str")));
    }
    let iter = o.try_iter().map_err(|_| {
        PyTypeError::new_err(format!("{what} must be an iterable of {shape} tuples, got {}", type_name(o)))
    })?;
    iter.collect()
}

fn str_list(ob: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Vec<String>> {
    let Some(o) = ob.filter(|o| !o.is_none()) else {
        return Ok(Vec::new());
    };
    if o.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!("{what} must be an iterable of str, not a str")));
    }
    o.extract::<Vec<String>>()
        .map_err(|_| PyTypeError::new_err(format!("{what} must be an iterable of str, got {}", type_name(o))))
}

impl PyAnalyzer {
    /// The effective configuration as a TOML document that rebuilds exactly this configuration
    /// when given to `Analyzer(config=...)`: every top-level table carries `replace = true`.
    fn config_toml(&self) -> PyResult<String> {
        let value = toml::Value::try_from(self.inner.config())
            .map_err(|e| VeracityError::new_err(format!("cannot serialise the configuration: {e}")))?;
        let toml::Value::Table(mut table) = value else {
            return Err(VeracityError::new_err("configuration did not serialise to a table"));
        };
        for (_, v) in table.iter_mut() {
            if let toml::Value::Table(t) = v {
                t.insert("replace".into(), toml::Value::Boolean(true));
            }
        }
        Ok(table.to_string())
    }
}

#[pymethods]
impl PyAnalyzer {
    #[new]
    #[pyo3(signature = (
        config = None, *, config_file = None, profile = None, lexicons = true, hedges = None, cues = None,
        remove_hedges = None, remove_cues = None
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        config: Option<&Bound<'_, PyAny>>,
        config_file: Option<PathBuf>,
        profile: Option<&Bound<'_, PyAny>>,
        lexicons: bool,
        hedges: Option<&Bound<'_, PyAny>>,
        cues: Option<&Bound<'_, PyAny>>,
        remove_hedges: Option<&Bound<'_, PyAny>>,
        remove_cues: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let config = extract_opt_str(config, "config")?;
        let profiles = match profile {
            Some(p) if p.is_instance_of::<PyString>() => vec![p.cast::<PyString>()?.to_str()?.to_owned()],
            other => str_list(other, "profile")?,
        };
        let remove_hedges = str_list(remove_hedges, "remove_hedges")?;
        let remove_cues = str_list(remove_cues, "remove_cues")?;
        let mut hedge_list: Vec<(String, HedgeCategory, f64)> = Vec::new();
        for (i, item) in tuples(hedges, "hedges", "(phrase, category, weight)")?.iter().enumerate() {
            let (phrase, category, weight): (String, String, f64) = item.extract().map_err(|_| {
                PyTypeError::new_err(format!(
                    "hedges[{i}] must be a (phrase: str, category: str, weight: float) tuple, got {}",
                    item.repr().map(|r| r.to_string()).unwrap_or_default()
                ))
            })?;
            let category =
                HedgeCategory::from_str(&category).map_err(|e| core_err(py, &e, Some(&format!("hedges[{i}]"))))?;
            hedge_list.push((phrase, category, weight));
        }
        let mut cue_list: Vec<(String, CueKind)> = Vec::new();
        for (i, item) in tuples(cues, "cues", "(phrase, kind)")?.iter().enumerate() {
            let (phrase, kind): (String, String) = item.extract().map_err(|_| {
                PyTypeError::new_err(format!(
                    "cues[{i}] must be a (phrase: str, kind: str) tuple, got {}",
                    item.repr().map(|r| r.to_string()).unwrap_or_default()
                ))
            })?;
            let kind = cue_kind(&kind).map_err(|e| core_err(py, &e, Some(&format!("cues[{i}]"))))?;
            cue_list.push((phrase, kind));
        }
        let built = py.detach(move || {
            catch(|| {
                let mut b = if lexicons { Analyzer::builder() } else { veracity::AnalyzerBuilder::without_lexicons() };
                for p in &profiles {
                    b = b.profile(p);
                }
                if let Some(path) = &config_file {
                    b = b.config_file(path);
                }
                if let Some(text) = &config {
                    b = b.config_toml(text);
                }
                for p in &remove_hedges {
                    b = b.remove_hedge(p);
                }
                for p in &remove_cues {
                    b = b.remove_cue(p);
                }
                for (p, c, w) in &hedge_list {
                    b = b.add_hedge(p, *c, *w);
                }
                for (p, k) in &cue_list {
                    b = b.add_cue(p, *k);
                }
                Ok(b.build()?)
            })
        });
        match built {
            Ok(inner) => Ok(Self { inner }),
            Err(f) => Err(f.into_pyerr(py, None)),
        }
    }

    /// Analyses one text.
    ///
    /// Args:
    ///     text: the article text (str, or UTF-8 bytes).
    ///     title, outlet, authors, published, url, id: optional metadata. `authors` is a str or
    ///         an iterable of str; `published` a `datetime.date`, `datetime.datetime` or an ISO
    ///         `YYYY-MM-DD` / RFC 3339 string; `url` an absolute URL.
    ///
    /// Returns:
    ///     Analysis
    ///
    /// Raises:
    ///     EmptyTextError: the text is empty or whitespace.
    ///     InvalidUtf8Error: bytes that are not UTF-8.
    ///     MetadataError: a malformed published date or URL.
    ///     TypeError: an argument has the wrong type.
    #[pyo3(signature = (text, /, *, title = None, outlet = None, authors = None, published = None, url = None, id = None))]
    #[allow(clippy::too_many_arguments)]
    fn analyze(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        title: Option<&Bound<'_, PyAny>>,
        outlet: Option<&Bound<'_, PyAny>>,
        authors: Option<&Bound<'_, PyAny>>,
        published: Option<&Bound<'_, PyAny>>,
        url: Option<&Bound<'_, PyAny>>,
        id: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyAnalysis> {
        let input = ArticleInput {
            source: Origin::Text(extract_text(text, "text")?),
            meta: extract_meta(title, outlet, authors, published, url, id, "")?,
        };
        analyze_input(py, &self.inner, input)
    }

    /// Reads a UTF-8 text file and analyses it. The file stem becomes the analysis `id` (unless
    /// `id` is given) and the path its `path`. Metadata keywords as for `analyze`.
    ///
    /// Raises:
    ///     VeracityIOError: the file cannot be read (also an OSError).
    ///     InvalidUtf8Error: the file is not UTF-8.
    ///     EmptyTextError: the file is empty or whitespace.
    #[pyo3(signature = (path, /, *, title = None, outlet = None, authors = None, published = None, url = None, id = None))]
    #[allow(clippy::too_many_arguments)]
    fn analyze_file(
        &self,
        py: Python<'_>,
        path: PathBuf,
        title: Option<&Bound<'_, PyAny>>,
        outlet: Option<&Bound<'_, PyAny>>,
        authors: Option<&Bound<'_, PyAny>>,
        published: Option<&Bound<'_, PyAny>>,
        url: Option<&Bound<'_, PyAny>>,
        id: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyAnalysis> {
        let input = ArticleInput {
            source: Origin::File(path),
            meta: extract_meta(title, outlet, authors, published, url, id, "")?,
        };
        analyze_input(py, &self.inner, input)
    }

    /// Attributions with no source of their own in an analysis made by this analyser:
    /// evidentials ("the objections seemed to carry little weight", "it appears that ..."),
    /// expectations ("Trump is expected to speak"), "reportedly", and questions put to someone
    /// with no asker named ("Asked about the vote, Ryan said ..."). Each has a cue and a content
    /// and an empty `sources` list. They are kept apart from `Analysis.attributions`, whose
    /// attributions all have a source (claims and scores use only those).
    ///
    /// Raises:
    ///     TypeError: `analysis` is not a `veracity.Analysis`.
    #[pyo3(signature = (analysis, /))]
    fn unsourced_attributions(&self, analysis: &PyAnalysis) -> PyResult<Vec<PyAttribution>> {
        let core = analysis
            .data
            .to_core()
            .map_err(|e| VeracityError::new_err(format!("internal error converting an analysis: {e}")))?;
        let map = veracity::report::SpanMap::new(
            core.text(),
            veracity::report::Offsets::Bytes,
            veracity::report::Offsets::CodePoints,
        );
        Ok(self
            .inner
            .unsourced_attributions(&core)
            .into_iter()
            .map(|mut a| {
                crate::doc::attribution_spans(&mut a, &mut |s| *s = map.span(*s));
                PyAttribution { content_text: analysis.slice(a.content).to_owned(), attribution: a }
            })
            .collect())
    }

    /// Analyses many texts in parallel (in Rust, without the GIL). Returns exactly one result per
    /// input, in input order.
    ///
    /// Args:
    ///     texts: an iterable whose items are str, UTF-8 bytes, or mappings with a `text` key
    ///         and optional `title`, `outlet`, `authors`, `published`, `url`, `id` keys.
    ///     n_threads: size of a thread pool made for this call; default: rayon's global pool
    ///         (which honours `RAYON_NUM_THREADS`).
    ///     on_error: `"raise"` (default): items are read first (a wrong item type raises
    ///         TypeError at once), then the first failing item in input order raises (its message
    ///         starts with `batch item I:` and it has an `index` attribute); `"return"` puts the
    ///         exception object in that item's slot instead, so nothing is ever dropped.
    ///     progress: show a `tqdm.auto` progress bar (needs tqdm: `veracity[progress]`) that
    ///         advances after each chunk; Ctrl-C (KeyboardInterrupt) is honoured between chunks.
    ///     chunk_size: articles per chunk; default: the whole input without a progress bar,
    ///         about 1/100 of it (at least 4 per thread) with one.
    ///     corpus: a `Corpus` to add every analysed article to (in input order; failed items are
    ///         skipped), straight from the Rust analysis: the same state as `corpus.extend(result)`
    ///         at a fraction of the cost (no conversion back from the Python objects).
    ///
    /// Raises:
    ///     OptionError: a bad `on_error`, `n_threads` or `chunk_size` value.
    ///     TypeError: `texts` is not an iterable, or an item has the wrong type or keys.
    ///     ImportError: `progress=True` without tqdm installed.
    ///
    /// Example:
    ///     >>> an = veracity.Analyzer()
    ///     >>> [len(a.claims) for a in an.analyze_batch(["He left. She stayed.", "It may rain."], n_threads=2)]
    ///     [2, 1]
    #[pyo3(signature = (texts, /, *, n_threads = None, on_error = "raise", progress = false, chunk_size = None, corpus = None))]
    #[allow(clippy::too_many_arguments)]
    fn analyze_batch(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        n_threads: Option<i64>,
        on_error: &str,
        progress: bool,
        chunk_size: Option<i64>,
        corpus: Option<&Bound<'_, PyCorpus>>,
    ) -> PyResult<Py<PyList>> {
        batch(py, &self.inner, texts, n_threads, on_error, progress, chunk_size, corpus)
    }

    /// The effective configuration (lexicons and weights) as plain dicts and lists.
    #[getter]
    fn config<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let text = to_json_string(self.inner.config(), None)?;
        crate::json::json_loads(py, &text)
    }

    /// The effective configuration as TOML; `Analyzer(config=an.to_toml())` rebuilds it exactly.
    fn to_toml(&self) -> PyResult<String> {
        self.config_toml()
    }

    /// Pickle support: `(Analyzer, (self.to_toml(),))`.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyType>, (String,))> {
        Ok((slf.get_type(), (slf.get().config_toml()?,)))
    }

    /// Analyzers are immutable: a copy is the object itself.
    fn __copy__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    /// Analyzers are immutable: a deep copy is the object itself.
    #[pyo3(signature = (memo, /))]
    fn __deepcopy__<'py>(slf: Bound<'py, Self>, memo: Bound<'py, PyAny>) -> Bound<'py, Self> {
        let _ = memo;
        slf
    }

    /// Two analyzers are equal when their effective configurations are.
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyAnalyzer>().is_ok_and(|o| o.get().inner.config() == self.inner.config())
    }

    fn __repr__(&self) -> String {
        let c = self.inner.config();
        let hedges: usize = c.hedge_groups.values().map(|g| g.phrases.len()).sum();
        let cues: usize = c.cue_groups.values().map(|g| g.phrases.len()).sum();
        format!("Analyzer(hedge_phrases={hedges}, cue_phrases={cues})")
    }
}

// ---------------------------------------------------------------------------------------------
// Module-level functions (the default analyzer)

/// Analyses one text with the default analyzer. See `Analyzer.analyze`.
///
/// Example:
///     >>> a = veracity.analyze("Rubio confirmed their arrival.", outlet="Example Times")
///     >>> a.outlet, a.provenance["outlet"]
///     ('Example Times', 'given')
#[pyfunction]
#[pyo3(signature = (text, /, *, title = None, outlet = None, authors = None, published = None, url = None, id = None))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn analyze(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    title: Option<&Bound<'_, PyAny>>,
    outlet: Option<&Bound<'_, PyAny>>,
    authors: Option<&Bound<'_, PyAny>>,
    published: Option<&Bound<'_, PyAny>>,
    url: Option<&Bound<'_, PyAny>>,
    id: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyAnalysis> {
    let input = ArticleInput {
        source: Origin::Text(extract_text(text, "text")?),
        meta: extract_meta(title, outlet, authors, published, url, id, "")?,
    };
    analyze_input(py, default_analyzer(), input)
}

/// Reads a UTF-8 text file and analyses it with the default analyzer. See `Analyzer.analyze_file`.
#[pyfunction]
#[pyo3(signature = (path, /, *, title = None, outlet = None, authors = None, published = None, url = None, id = None))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn analyze_file(
    py: Python<'_>,
    path: PathBuf,
    title: Option<&Bound<'_, PyAny>>,
    outlet: Option<&Bound<'_, PyAny>>,
    authors: Option<&Bound<'_, PyAny>>,
    published: Option<&Bound<'_, PyAny>>,
    url: Option<&Bound<'_, PyAny>>,
    id: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyAnalysis> {
    let input = ArticleInput {
        source: Origin::File(path),
        meta: extract_meta(title, outlet, authors, published, url, id, "")?,
    };
    analyze_input(py, default_analyzer(), input)
}

/// Analyses many texts in parallel with the default analyzer. See `Analyzer.analyze_batch`.
///
/// Example:
///     >>> rs = veracity.analyze_batch(["He left.", "  "], on_error="return")
///     >>> [type(r).__name__ for r in rs]
///     ['Analysis', 'EmptyTextError']
#[pyfunction]
#[pyo3(signature = (texts, /, *, n_threads = None, on_error = "raise", progress = false, chunk_size = None, corpus = None))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn analyze_batch(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    n_threads: Option<i64>,
    on_error: &str,
    progress: bool,
    chunk_size: Option<i64>,
    corpus: Option<&Bound<'_, PyCorpus>>,
) -> PyResult<Py<PyList>> {
    batch(py, default_analyzer(), texts, n_threads, on_error, progress, chunk_size, corpus)
}
