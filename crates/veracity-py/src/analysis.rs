//! `Analysis`: everything veracity found in one article.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyType};
use veracity::report::{ArticleReport, Offsets, ReportOptions};
use veracity::{Claim, Provenance, Span};

use crate::classes::{PyAttribution, PyClaim, PyHedge, PyParagraph, PyQuote, PySentence, PySourceSummary};
use crate::doc::{CharText, DocData};
use crate::json::short_repr;

/// The result of analysing one article: text, metadata, segmentation, hedges, attributions,
/// claims and sources.
///
/// All offsets are code-point offsets into `text` (Python string indices). Lists are built on
/// each access; the object itself is immutable and can be shared between threads.
///
/// Example:
///     >>> a = veracity.analyze("Officials said the bridge may reopen on Monday.")
///     >>> c = a.claims[0]
///     >>> a.text[c.start:c.end] == c.text
///     True
#[pyclass(frozen, eq, module = "veracity._native", name = "Analysis")]
#[derive(Debug)]
pub struct PyAnalysis {
    pub(crate) data: DocData,
    chars: CharText,
}

impl PartialEq for PyAnalysis {
    fn eq(&self, other: &Self) -> bool {
        self.data == other.data
    }
}

/// The offset unit named `name` (`OptionError` listing the units).
fn offsets_option(py: Python<'_>, name: &str) -> PyResult<Offsets> {
    Offsets::parse(name).ok_or_else(|| {
        crate::error::core_err(py, &crate::error::invalid_option("offsets", name, "code_points, bytes"), None)
    })
}

impl PyAnalysis {
    pub(crate) fn new(data: DocData) -> Self {
        Self { data, chars: CharText::new() }
    }

    pub(crate) fn slice(&self, span: Span) -> &str {
        self.chars.slice(self.data.article.text(), span)
    }

    fn claim(&self, c: &Claim) -> PyClaim {
        PyClaim {
            claim: c.clone(),
            attribution_content_text: c.attribution.as_ref().map(|a| self.slice(a.content).to_owned()),
        }
    }

    fn date<'py>(py: Python<'py>, d: chrono::NaiveDate) -> PyResult<Bound<'py, PyAny>> {
        py_date(py, d)
    }

    /// The `veracity.article/1` object (the command line's shape): complete, unrounded, with
    /// the text, by default.
    pub(crate) fn report_json(&self, indent: Option<usize>, offsets: Offsets, complete: bool) -> PyResult<String> {
        let opts = ReportOptions { offsets, top: None, include_text: true, complete };
        crate::json::to_json_string(&ArticleReport::new(self.data.view(), &opts), indent)
    }

    /// Reads what `report_json` or `veracity analyze --format json|jsonl` wrote (one article).
    pub(crate) fn from_report_json(data: &str, text: Option<&str>) -> Result<Self, String> {
        let mut articles = veracity::report::read_articles(data)?;
        if articles.len() != 1 {
            return Err(format!(
                "expected one article, found {} (read each line of a jsonl file, or each element of `articles`, on its own)",
                articles.len()
            ));
        }
        let analysis = articles.remove(0).into_analysis(text)?;
        Ok(Self::new(DocData::from_analysis(analysis)))
    }
}

/// Claims ranked by check-worthiness, highest first; the sort is stable, so ties keep text order.
/// `Analysis.ranked_claims()` and the ranked table of the HTML view both use it.
pub(crate) fn ranked(claims: &[Claim]) -> Vec<&Claim> {
    let mut v: Vec<&Claim> = claims.iter().collect();
    v.sort_by(|a, b| b.checkworthiness.total_cmp(&a.checkworthiness));
    v
}

/// A `datetime.date`.
pub(crate) fn py_date(py: Python<'_>, d: chrono::NaiveDate) -> PyResult<Bound<'_, PyAny>> {
    use chrono::Datelike;
    static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    DATE.import(py, "datetime", "date")?.call1((d.year(), d.month(), d.day()))
}

#[pymethods]
impl PyAnalysis {
    /// The analysed text (every offset indexes into it).
    #[getter]
    fn text(&self) -> &str {
        self.data.article.text()
    }
    /// The identifier given with the article (for files: the file stem), or None.
    #[getter]
    fn id(&self) -> Option<&str> {
        self.data.article.id()
    }
    /// The path the article was read from, or None.
    #[getter]
    fn path(&self) -> Option<String> {
        self.data.article.path().map(|p| p.display().to_string())
    }
    /// The title (given, or extracted from a headline line), or None.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.data.article.title().map(|m| m.value.as_str())
    }
    /// The outlet (given, or extracted from a `© YEAR OUTLET` footer), or None.
    #[getter]
    fn outlet(&self) -> Option<&str> {
        self.data.article.outlet().map(|m| m.value.as_str())
    }
    /// The authors (given, or extracted from a `By ...` line), or None.
    #[getter]
    fn authors(&self) -> Option<Vec<String>> {
        self.data.article.authors().map(|m| m.value.clone())
    }
    /// The publication date as a `datetime.date`, or None.
    #[getter]
    fn published<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.data.article.published().map(|m| Self::date(py, m.value)).transpose()
    }
    /// The URL, or None.
    #[getter]
    fn url(&self) -> Option<&str> {
        self.data.article.url().map(|m| m.value.as_str())
    }
    /// Where each metadata value came from: a dict mapping the fields that have a value
    /// (`title`, `outlet`, `authors`, `published`, `url`) to `"given"` (passed by the caller) or
    /// `"extracted"` (found in the text).
    #[getter]
    fn provenance<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let a = &self.data.article;
        let d = PyDict::new(py);
        let fields: [(&str, Option<Provenance>); 5] = [
            ("title", a.title().map(|m| m.provenance)),
            ("outlet", a.outlet().map(|m| m.provenance)),
            ("authors", a.authors().map(|m| m.provenance)),
            ("published", a.published().map(|m| m.provenance)),
            ("url", a.url().map(|m| m.provenance)),
        ];
        for (k, p) in fields {
            if let Some(p) = p {
                d.set_item(k, p.as_str())?;
            }
        }
        Ok(d)
    }
    /// Paragraphs with their roles.
    #[getter]
    fn paragraphs(&self) -> Vec<PyParagraph> {
        self.data
            .paragraphs
            .iter()
            .map(|p| PyParagraph { paragraph: *p, text: self.slice(p.span).to_owned() })
            .collect()
    }
    /// Sentences.
    #[getter]
    fn sentences(&self) -> Vec<PySentence> {
        self.data.sentences.iter().map(|s| PySentence { sentence: *s, text: self.slice(s.span).to_owned() }).collect()
    }
    /// Quotations.
    #[getter]
    fn quotes(&self) -> Vec<PyQuote> {
        self.data
            .quotes
            .iter()
            .map(|q| PyQuote {
                quote: *q,
                text: self.slice(q.span).to_owned(),
                content_text: self.slice(q.content).to_owned(),
            })
            .collect()
    }
    /// Every hedge cue in the text, including those outside claims.
    #[getter]
    fn hedges(&self) -> Vec<PyHedge> {
        self.data.hedges.iter().cloned().map(PyHedge).collect()
    }
    /// Every attribution, in text order of its cue.
    #[getter]
    fn attributions(&self) -> Vec<PyAttribution> {
        self.data
            .attributions
            .iter()
            .map(|a| PyAttribution { attribution: a.clone(), content_text: self.slice(a.content).to_owned() })
            .collect()
    }
    /// The claims, in text order.
    #[getter]
    fn claims(&self) -> Vec<PyClaim> {
        self.data.claims.iter().map(|c| self.claim(c)).collect()
    }
    /// The sources with their reliability, the author's voice first.
    /// The article's credibility in [0, 1]: the probability, under the article credibility model
    /// (docs/scoring.md, "Article credibility"), that it comes from a reliable source.
    #[getter]
    fn credibility(&self) -> f64 {
        self.data.credibility.value
    }

    /// How `credibility` was computed: the model's intercept (`base`) and one log-odds term per
    /// signal (`link == "logistic"`).
    #[getter]
    fn credibility_explanation(&self) -> crate::classes::PyExplanation {
        crate::classes::PyExplanation(self.data.credibility.clone())
    }

    /// The article-level signals of the credibility model, by name (in `veracity.SIGNALS` order).
    #[getter]
    fn signals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (name, value) in self.data.signals.iter() {
            d.set_item(name, value)?;
        }
        Ok(d)
    }

    #[getter]
    fn sources(&self) -> Vec<PySourceSummary> {
        self.data.sources.iter().cloned().map(PySourceSummary).collect()
    }
    /// The first claim whose text contains `needle`, or None.
    #[pyo3(signature = (needle, /))]
    fn find_claim(&self, needle: &str) -> Option<PyClaim> {
        self.data.claims.iter().find(|c| c.text.contains(needle)).map(|c| self.claim(c))
    }
    /// The event factuality at code-point offset `pos` (an index into `text`) on the
    /// FactBank/MEANTIME scale [-3, 3], or None outside every claim. Scope is local: only the
    /// claim's hedge cues before `pos` count, and a negator within three words before it negates
    /// it. Certain 3, probable 1.5, possible 0.75, underspecified 0 (negative when negated).
    ///
    /// Example:
    ///     >>> a = veracity.analyze("The minister may resign. He did not attend the meeting.")
    ///     >>> a.factuality_at(a.text.index("resign")), a.factuality_at(a.text.index("attend"))
    ///     (0.75, -3.0)
    #[pyo3(signature = (pos, /))]
    fn factuality_at(&self, pos: usize) -> Option<f64> {
        let claim = self.data.claims.iter().find(|c| c.span.start <= pos && pos < c.span.end)?;
        // The claim's spans back to bytes, for the core.
        let text = self.data.article.text();
        let byte = |c: usize| text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
        let mut c = claim.clone();
        c.span = veracity::Span::new(byte(c.span.start), byte(c.span.end));
        for h in &mut c.hedges {
            h.span = veracity::Span::new(byte(h.span.start), byte(h.span.end));
        }
        Some(c.factuality_at(text, byte(pos), &self.data.config_certainty))
    }
    /// The speaker's commitment to the clause embedding the event at code-point `pos`, when a
    /// matrix predicate stands before it in its claim, else `None`: a dict with `predicate` (as
    /// written), `class` (`factive`, `neg_raising`, `saying`, `other`), `environment` (`plain`,
    /// `negation`, `question`, `conditional`, `modal`, `hardly`), `first_person` and `value` (on
    /// `[-3, 3]`, before the clause's own negation). `factuality_at` gives `value` when the
    /// environment is not plain.
    ///
    /// Example:
    ///     >>> a = veracity.analyze("I don't think that the plan works.")
    ///     >>> c = a.commitment_at(a.text.index("works"))
    ///     >>> c["class"], c["environment"], c["value"], a.factuality_at(a.text.index("works"))
    ///     ('neg_raising', 'negation', -2.0, -2.0)
    #[pyo3(signature = (pos, /))]
    fn commitment_at<'py>(&self, py: Python<'py>, pos: usize) -> PyResult<Option<Bound<'py, PyDict>>> {
        let Some(claim) = self.data.claims.iter().find(|c| c.span.start <= pos && pos < c.span.end) else {
            return Ok(None);
        };
        let text = self.data.article.text();
        let byte = |c: usize| text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
        let mut c = claim.clone();
        c.span = veracity::Span::new(byte(c.span.start), byte(c.span.end));
        let Some(m) = c.commitment_at(text, byte(pos)) else { return Ok(None) };
        let d = PyDict::new(py);
        d.set_item("predicate", &m.predicate)?;
        d.set_item("class", m.class.as_str())?;
        d.set_item("environment", m.environment.as_str())?;
        d.set_item("first_person", m.first_person)?;
        d.set_item("value", m.value)?;
        Ok(Some(d))
    }
    /// Claims ranked by check-worthiness, highest first (ties keep text order).
    fn ranked_claims(&self) -> Vec<PyClaim> {
        ranked(&self.data.claims).into_iter().map(|c| self.claim(c)).collect()
    }
    /// The analysis as a table: `"articles"` (one summary row), `"claims"` (default, one row per
    /// claim), `"hedges"`, `"attributions"` or `"sources"`. See `veracity.table` for many
    /// analyses at once.
    ///
    /// Returns:
    ///     A `veracity.Table` (`.to_pandas()`, `.to_polars()`, `.to_arrow()`, Arrow PyCapsule).
    ///
    /// Example:
    ///     >>> t = veracity.analyze("Officials said the bridge may reopen. It is closed.").table("claims")
    ///     >>> len(t), t["is_hedged"], t["source"]
    ///     (2, [True, False], ['Officials', None])
    #[pyo3(signature = (kind = "claims"))]
    fn table<'py>(slf: &Bound<'py, Self>, kind: &str) -> PyResult<Bound<'py, PyAny>> {
        crate::table::build(slf.py(), kind, &[(0, slf.clone())])
    }
    /// HTML for Jupyter: the text with hedge cues, source phrases (named, or anonymous and
    /// vague), attribution cues and attributed contents highlighted in different colours, every
    /// claim framed and opened by a visible badge (`[#index · grade · credibility]`, coloured by
    /// the credibility digit), a legend, and below the text a table of the claims in the order of
    /// `ranked_claims()` (columns `rank`, `claim`, `grade`, `credibility`, `check-worthiness`,
    /// `certainty`, `kind`, `source`, `text`). Badges and table need no hovering, so a saved or
    /// exported notebook shows them; tooltips add hedge categories and weights, source kinds and
    /// reliability, attribution chains and certainty. Every character is HTML-escaped.
    ///
    /// Example:
    ///     >>> h = veracity.analyze("Officials said <b>the bridge</b> may reopen.")._repr_html_()
    ///     >>> '<mark class="hedge"' in h, "&lt;b&gt;the bridge&lt;/b&gt;" in h, "legend" in h
    ///     (True, True, True)
    ///     >>> '<span class="plain">[</span>#0 · E4 · 0.' in h, '<table class="ranked">' in h
    ///     (True, True)
    fn _repr_html_(&self) -> String {
        crate::html::render(&self.data)
    }
    /// The highlights as the dict spaCy's displaCy renders with `manual=True`, without
    /// depending on spaCy: `displacy.render(a.to_displacy(), style="ent", manual=True)`.
    ///
    /// Args:
    ///     style: `"ent"` (default): `{"text", "ents", "title"}` with non-overlapping `HEDGE`,
    ///         `SOURCE` and `CUE` entities at code-point offsets; `"span"`: `{"text", "tokens",
    ///         "spans", "title"}` with overlapping token spans, attributed `CONTENT` included.
    ///
    /// Raises:
    ///     OptionError: an unknown style.
    ///
    /// Example:
    ///     >>> d = veracity.analyze("Officials said it may rain.").to_displacy()
    ///     >>> [(d["text"][e["start"]:e["end"]], e["label"]) for e in d["ents"]]
    ///     [('Officials', 'SOURCE'), ('said', 'CUE'), ('may', 'HEDGE')]
    #[pyo3(signature = (style = "ent"))]
    fn to_displacy<'py>(&self, py: Python<'py>, style: &str) -> PyResult<Bound<'py, PyAny>> {
        if style != "ent" && style != "span" {
            let e = crate::error::invalid_option("displacy style", style, "ent, span");
            return Err(crate::error::core_err(py, &e, None));
        }
        let value = crate::html::displacy(&self.data, style);
        crate::json::json_loads(py, &crate::json::to_json_string(&value, None)?)
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        let opt = |v: Option<&str>| v.map_or_else(|| "None".to_owned(), |s| short_repr(py, s, 60));
        format!(
            "Analysis(id={}, title={}, claims={}, sources={})",
            opt(self.data.article.id()),
            opt(self.data.article.title().map(|m| m.value.as_str())),
            self.data.claims.len(),
            self.data.sources.len()
        )
    }

    /// Serialises to a `veracity.article/1` JSON object, the shape `veracity analyze --format
    /// json` writes for each article (see `docs/cli.md`), with the text and an `offsets` field
    /// naming the unit of every offset.
    ///
    /// Args:
    ///     indent: pretty-print with this many spaces per level (default: compact).
    ///     offsets: `"code_points"` (default, Python string indices) or `"bytes"` (UTF-8).
    ///     complete: also write what the command line leaves out (every hedge, paragraphs,
    ///         sentences, quotes, signals, certainty weights, and three claim fields), with floats
    ///         unrounded, so that `from_json` restores the analysis exactly (default). False
    ///         writes the command line's report: floats rounded to six decimals.
    ///
    /// Raises:
    ///     OptionError: an unknown offset unit.
    #[pyo3(signature = (*, indent = None, offsets = "code_points", complete = true))]
    fn to_json(&self, py: Python<'_>, indent: Option<usize>, offsets: &str, complete: bool) -> PyResult<String> {
        let offsets = offsets_option(py, offsets)?;
        self.report_json(indent, offsets, complete)
    }

    /// The JSON form as plain dicts and lists (what `json.loads(self.to_json())` gives).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let text = self.report_json(None, Offsets::CodePoints, true)?;
        crate::json::json_loads(py, &text)
    }

    /// Rebuilds an analysis from `to_json()` or from what `veracity analyze FILE --format json`
    /// or `--format jsonl` writes (one article: a report document holding one article, or one
    /// line). Offsets are read in the unit the JSON names.
    ///
    /// Args:
    ///     data: the JSON text.
    ///     text: the article's text, for JSON written without it (`veracity analyze` without
    ///         `--include-text`); ignored when the JSON has its text.
    ///
    /// Parts the command line's report leaves out come back as follows: the article's hedges
    /// are those of its claims; paragraphs, sentences and quotes are empty; the signals are
    /// zeros; a claim's `author_certainty` is its certainty, `negated` is False.
    ///
    /// Raises:
    ///     VeracityError: the JSON is not one `veracity.article/1` object, has no text and none
    ///         was given, or a span does not fit the text.
    #[classmethod]
    #[pyo3(signature = (data, /, text = None))]
    fn from_json(_cls: &Bound<'_, PyType>, py: Python<'_>, data: &str, text: Option<&str>) -> PyResult<Self> {
        py.detach(|| Self::from_report_json(data, text)).map_err(|e| crate::error::bad_json("Analysis", e))
    }

    /// Pickle support: `(Analysis.from_json, (self.to_json(),))`.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let from_json = slf.get_type().getattr("from_json")?;
        Ok((from_json, (slf.get().report_json(None, Offsets::CodePoints, true)?,)))
    }

    /// Instances are immutable: a copy is the object itself.
    fn __copy__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    /// Instances are immutable: a deep copy is the object itself.
    #[pyo3(signature = (memo, /))]
    fn __deepcopy__<'py>(slf: Bound<'py, Self>, memo: Bound<'py, PyAny>) -> Bound<'py, Self> {
        let _ = memo;
        slf
    }
}
