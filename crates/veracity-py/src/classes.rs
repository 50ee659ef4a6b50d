//! Frozen wrapper classes around the core result types.
//!
//! Every wrapper holds an owned core value whose spans are already code-point offsets (see
//! `doc.rs`), plus the few text slices it needs to stand alone (a pickled `Sentence` still knows
//! its text). All are immutable and thread-safe; `to_json()`/`from_json()` and pickling go through
//! serde.

use pyo3::prelude::*;
use serde::{Deserialize, Serialize};
use veracity::{
    Admiralty, Attribution, Claim, Contribution, Explanation, Hedge, Paragraph, Quote, Sentence, Source, SourceSummary,
};

use crate::json::{serde_name, short_repr, value_class};

/// Length of the text shown in a `__repr__`.
const REPR_TEXT: usize = 60;

// ---------------------------------------------------------------------------------------------
// Hedge

/// A hedge cue ("may", "allegedly", "some experts say") found in the text.
///
/// `start`/`end` are code-point offsets into `Analysis.text`, so
/// `analysis.text[h.start:h.end] == h.text`.
///
/// Example:
///     >>> h = veracity.analyze("He allegedly left.").hedges[0]
///     >>> (h.text, h.category)
///     ('allegedly', 'reporting_hedge')
#[pyclass(frozen, eq, module = "veracity._native", name = "Hedge")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PyHedge(pub(crate) Hedge);

value_class!(PyHedge, "Hedge", {
    /// The cue as written in the text.
    #[getter]
    fn cue(&self) -> &str {
        &self.0.cue
    }
    /// Same as `cue` (the text the span covers).
    #[getter]
    fn text(&self) -> &str {
        &self.0.cue
    }
    /// Code-point offset of the first character.
    #[getter]
    fn start(&self) -> usize {
        self.0.span.start
    }
    /// Code-point offset one past the last character.
    #[getter]
    fn end(&self) -> usize {
        self.0.span.end
    }
    /// `(start, end)`.
    #[getter]
    fn span(&self) -> (usize, usize) {
        (self.0.span.start, self.0.span.end)
    }
    /// The category: one of `HEDGE_CATEGORIES` (`"epistemic_modal"`, `"reporting_hedge"`, ...).
    #[getter]
    fn category(&self) -> &'static str {
        self.0.category.as_str()
    }
    /// The cue's weight from the lexicon, in [0, 1].
    #[getter]
    fn weight(&self) -> f64 {
        self.0.weight
    }
    /// True when a negation governs the cue ("not likely").
    #[getter]
    fn negated(&self) -> bool {
        self.0.negated
    }
    /// True when the cue sits inside a quotation (the speaker hedges, not the author).
    #[getter]
    fn in_quote(&self) -> bool {
        self.0.in_quote
    }
    /// True when the cue is an adjective inside a noun phrase ("the alleged offer"): it hedges the
    /// phrase, not the whole claim, and counts with `attributive_hedge_factor` of its weight.
    #[getter]
    fn attributive(&self) -> bool {
        self.0.attributive
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Hedge(cue={}, category='{}', start={}, end={})",
            short_repr(py, &self.0.cue, REPR_TEXT),
            self.0.category.as_str(),
            self.0.span.start,
            self.0.span.end
        )
    }
});

// ---------------------------------------------------------------------------------------------
// Source

/// One link of an attribution chain: a phrase naming who said something.
///
/// `start`/`end` are code-point offsets (or `None` for links with no span, such as a chain
/// inherited from an enclosing attribution); when present, `text[s.start:s.end] == s.text`.
#[pyclass(frozen, eq, hash, module = "veracity._native", name = "Source")]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PySource(pub(crate) Source);

value_class!(PySource, "Source", {
    /// The phrase as written ("he", "AS/COA's Eric Farnsworth").
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }
    /// Canonical name: titles stripped, pronouns and short names resolved.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }
    /// One of `SOURCE_KINDS` (`"named_person"`, `"news_outlet"`, `"anonymous"`, ...).
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }
    /// Code-point offset of the phrase, or None.
    #[getter]
    fn start(&self) -> Option<usize> {
        self.0.span.map(|s| s.start)
    }
    /// Code-point end offset of the phrase, or None.
    #[getter]
    fn end(&self) -> Option<usize> {
        self.0.span.map(|s| s.end)
    }
    /// `(start, end)` or None.
    #[getter]
    fn span(&self) -> Option<(usize, usize)> {
        self.0.span.map(|s| (s.start, s.end))
    }
    /// True when `name` was resolved from an earlier mention (pronoun, surname, "the newspaper").
    #[getter]
    fn resolved(&self) -> bool {
        self.0.resolved
    }
    /// True for anonymous or vague sources.
    #[getter]
    fn is_unnamed(&self) -> bool {
        self.0.kind.is_unnamed()
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!("Source(name={}, kind='{}')", short_repr(py, &self.0.name, REPR_TEXT), self.0.kind.as_str())
    }
});

// ---------------------------------------------------------------------------------------------
// Attribution

/// An attribution: a cue ("said", "told", "according to"), its chain of sources (outermost,
/// the one the reader hears from, first) and the content it attributes.
///
/// Offsets are code points: `text[a.cue_start:a.cue_end] == a.cue` and
/// `text[a.content_start:a.content_end] == a.content`.
#[pyclass(frozen, eq, module = "veracity._native", name = "Attribution")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PyAttribution {
    #[serde(flatten)]
    pub(crate) attribution: Attribution,
    /// The attributed text (the core only has its span).
    pub(crate) content_text: String,
}

value_class!(PyAttribution, "Attribution", {
    /// The cue as written.
    #[getter]
    fn cue(&self) -> &str {
        &self.attribution.cue
    }
    /// Code-point offset of the cue.
    #[getter]
    fn cue_start(&self) -> usize {
        self.attribution.cue_span.start
    }
    /// Code-point end offset of the cue.
    #[getter]
    fn cue_end(&self) -> usize {
        self.attribution.cue_span.end
    }
    /// The attributed content.
    #[getter]
    fn content(&self) -> &str {
        &self.content_text
    }
    /// Code-point offset of the content.
    #[getter]
    fn content_start(&self) -> usize {
        self.attribution.content.start
    }
    /// Code-point end offset of the content.
    #[getter]
    fn content_end(&self) -> usize {
        self.attribution.content.end
    }
    /// The chain of sources, outermost first.
    #[getter]
    fn sources(&self) -> Vec<PySource> {
        self.attribution.sources.iter().cloned().map(PySource).collect()
    }
    /// The innermost source (where the content originates), or None for an empty chain.
    #[getter]
    fn original_source(&self) -> Option<PySource> {
        self.attribution.original_source().cloned().map(PySource)
    }
    /// `"direct"`, `"mixed"` or `"indirect"`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.attribution.kind.as_str()
    }
    /// What the cue reports, one of `CUE_TYPES`: `"speech"`, `"writing"`, `"belief"`, `"stance"`,
    /// `"perception"` or `"reported"`. Quotes are the attributions of speech and writing.
    ///
    /// Example:
    ///     >>> import veracity
    ///     >>> a = veracity.analyze("Ana Ruiz said the bridge opens in May. Tom Lee believes the budget is fine.")
    ///     >>> [(x.cue, x.cue_type) for x in a.attributions]
    ///     [('said', 'speech'), ('believes', 'belief')]
    #[getter]
    fn cue_type(&self) -> &'static str {
        self.attribution.cue_type.as_str()
    }
    /// True when any link of the chain is anonymous or vague.
    #[getter]
    fn anonymous(&self) -> bool {
        self.attribution.anonymous
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        let names: Vec<String> = self.attribution.sources.iter().map(|s| short_repr(py, &s.name, REPR_TEXT)).collect();
        format!(
            "Attribution(cue={}, sources=[{}], kind='{}')",
            short_repr(py, &self.attribution.cue, REPR_TEXT),
            names.join(", "),
            self.attribution.kind.as_str()
        )
    }
});

// ---------------------------------------------------------------------------------------------
// Explanation / Contribution

/// One signal's share of a score: `contribution = value * weight`.
#[pyclass(frozen, eq, module = "veracity._native", name = "Contribution")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PyContribution(pub(crate) Contribution);

value_class!(PyContribution, "Contribution", {
    /// Stable signal name, e.g. `"hedging"`.
    #[getter]
    fn signal(&self) -> &str {
        &self.0.signal
    }
    /// The signal's value (a count, a share, a 0/1 indicator, a reliability).
    #[getter]
    fn value(&self) -> f64 {
        self.0.value
    }
    /// The weight applied to it.
    #[getter]
    fn weight(&self) -> f64 {
        self.0.weight
    }
    /// What it added to the score (negative lowers it).
    #[getter]
    fn contribution(&self) -> f64 {
        self.0.contribution
    }
    /// Human-readable evidence.
    #[getter]
    fn detail(&self) -> &str {
        &self.0.detail
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Contribution(signal={}, value={}, weight={}, contribution={}, detail={})",
            short_repr(py, &self.0.signal, REPR_TEXT),
            self.0.value,
            self.0.weight,
            self.0.contribution,
            short_repr(py, &self.0.detail, REPR_TEXT)
        )
    }
});

/// How a score was computed: `value = clamp(base + sum(contributions), 0, 1)`.
///
/// `str(explanation)` is a readable table.
#[pyclass(frozen, eq, module = "veracity._native", name = "Explanation")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PyExplanation(pub(crate) Explanation);

value_class!(PyExplanation, "Explanation", {
    /// Starting value.
    #[getter]
    fn base(&self) -> f64 {
        self.0.base
    }
    /// Every signal considered, including those that contributed 0.
    #[getter]
    fn contributions(&self) -> Vec<PyContribution> {
        self.0.contributions.iter().cloned().map(PyContribution).collect()
    }
    /// `base + sum(contributions)` before clamping.
    #[getter]
    fn raw(&self) -> f64 {
        self.0.raw
    }
    /// The final score in [0, 1].
    #[getter]
    fn value(&self) -> f64 {
        self.0.value
    }

    /// How `raw` becomes `value`: `"identity"` (clamped sum) or `"logistic"` (sigmoid of the
    /// log-odds; `base` is the intercept).
    #[getter]
    fn link(&self) -> &'static str {
        self.0.link.as_str()
    }
    /// The contribution of one signal, or None if it was not considered.
    #[pyo3(signature = (signal, /))]
    fn get(&self, signal: &str) -> Option<PyContribution> {
        self.0.get(signal).cloned().map(PyContribution)
    }
    fn __str__(&self) -> String {
        self.0.to_string()
    }
    /// HTML for Jupyter: one row per signal (value, weight, contribution, detail).
    fn _repr_html_(&self) -> String {
        crate::html::render_explanation(&self.0)
    }
    fn __repr__(&self) -> String {
        format!(
            "Explanation(value={}, base={}, raw={}, contributions={})",
            self.0.value,
            self.0.base,
            self.0.raw,
            self.0.contributions.len()
        )
    }
});

// ---------------------------------------------------------------------------------------------
// Claim

/// A claim: a sentence the article asserts, with its hedges, attribution and scores.
///
/// `text[c.start:c.end] == c.text` (code-point offsets).
///
/// Example:
///     >>> c = veracity.analyze("The minister allegedly requested asylum.").claims[0]
///     >>> [h.cue for h in c.hedges], 0.0 <= c.score <= 1.0
///     (['allegedly'], True)
#[pyclass(frozen, eq, module = "veracity._native", name = "Claim")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PyClaim {
    #[serde(flatten)]
    pub(crate) claim: Claim,
    /// Text of the attribution's content (the core only has its span).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) attribution_content_text: Option<String>,
}

value_class!(PyClaim, "Claim", {
    /// Position among the article's claims.
    #[getter]
    fn index(&self) -> usize {
        self.claim.index
    }
    /// Index of its sentence in `Analysis.sentences`.
    #[getter]
    fn sentence(&self) -> usize {
        self.claim.sentence
    }
    /// Code-point offset of the claim.
    #[getter]
    fn start(&self) -> usize {
        self.claim.span.start
    }
    /// Code-point end offset of the claim.
    #[getter]
    fn end(&self) -> usize {
        self.claim.span.end
    }
    /// `(start, end)`.
    #[getter]
    fn span(&self) -> (usize, usize) {
        (self.claim.span.start, self.claim.span.end)
    }
    /// The claim's text.
    #[getter]
    fn text(&self) -> &str {
        &self.claim.text
    }
    /// Index of its clause within the sentence (0 unless the sentence was split into clauses).
    #[getter]
    fn clause(&self) -> usize {
        self.claim.clause
    }
    /// `"statement"`, `"quotation"`, `"question"`, `"opinion"` or `"prediction"`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.claim.kind.as_str()
    }
    /// The phrase that made the claim an opinion or a prediction ("should", "is expected to"),
    /// or None.
    #[getter]
    fn kind_cue(&self) -> Option<&str> {
        self.claim.kind_cue.as_deref()
    }
    /// The claim's Admiralty rating: its original source's reliability letter (A-F) and its own
    /// credibility digit (1-6), e.g. `"B2"`.
    #[getter]
    fn admiralty(&self) -> PyAdmiralty {
        PyAdmiralty(self.claim.admiralty.clone())
    }
    /// The Admiralty grade as a string, e.g. `"B2"` (same as `str(claim.admiralty)`).
    #[getter]
    fn grade(&self) -> String {
        self.claim.admiralty.to_string()
    }
    /// True when the claim is the headline.
    #[getter]
    fn headline(&self) -> bool {
        self.claim.headline
    }
    /// Hedge cues inside the claim.
    #[getter]
    fn hedges(&self) -> Vec<PyHedge> {
        self.claim.hedges.iter().cloned().map(PyHedge).collect()
    }
    /// True when the claim holds a hedge cue other than a booster.
    #[getter]
    fn is_hedged(&self) -> bool {
        self.claim.is_hedged()
    }
    /// Certainty in [0, 1] left by the hedges (1 = stated as fact).
    #[getter]
    fn certainty(&self) -> f64 {
        self.claim.certainty
    }
    /// `"certain"`, `"probable"`, `"possible"` or `"underspecified"`.
    #[getter]
    fn certainty_level(&self) -> &'static str {
        self.claim.certainty_level.as_str()
    }
    /// The hedge cue that decided the grade (the largest effective weight; a booster only when
    /// there is no hedge), or None.
    #[getter]
    fn deciding_cue(&self) -> Option<PyHedge> {
        self.claim.deciding_cue().cloned().map(PyHedge)
    }
    /// Certainty from the cues outside quotations only: how far the author, rather than a quoted
    /// speaker, hedges.
    #[getter]
    fn author_certainty(&self) -> f64 {
        self.claim.author_certainty
    }
    /// True when the assertion itself is negated ("did not fail"), not merely a hedge cue.
    #[getter]
    fn negated(&self) -> bool {
        self.claim.negated
    }
    /// Factuality on the FactBank/MEANTIME scale [-3, 3]: certain 3, probable 1.5, possible 0.75,
    /// underspecified 0, negative when the assertion is negated.
    #[getter]
    fn factuality(&self) -> f64 {
        self.claim.factuality()
    }
    /// True when the claim holds a (non-negated) weasel cue ("some say").
    #[getter]
    fn is_weasel(&self) -> bool {
        self.claim.is_weasel()
    }
    /// True when the claim is hedged and attributed to a named person, organisation, outlet or
    /// document ("Farnsworth said Maduro may ...").
    #[getter]
    fn is_attributed_hedge(&self) -> bool {
        self.claim.is_attributed_hedge()
    }
    /// The attribution covering the claim, or None.
    #[getter]
    fn attribution(&self) -> Option<PyAttribution> {
        self.claim.attribution.clone().map(|attribution| PyAttribution {
            attribution,
            content_text: self.attribution_content_text.clone().unwrap_or_default(),
        })
    }
    /// Checkable specifics: a dict with keys `numbers`, `dates`, `entities`, `comparatives`,
    /// `causal`, each a list of strings.
    #[getter]
    fn features<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let text = crate::json::to_json_string(&self.claim.features, None)?;
        crate::json::json_loads(py, &text)
    }
    /// Check-worthiness in [0, 1].
    #[getter]
    fn checkworthiness(&self) -> f64 {
        self.claim.checkworthiness
    }
    /// How the check-worthiness was computed.
    #[getter]
    fn checkworthiness_explanation(&self) -> PyExplanation {
        PyExplanation(self.claim.checkworthiness_explanation.clone())
    }
    /// Credibility in [0, 1].
    #[getter]
    fn score(&self) -> f64 {
        self.claim.score
    }
    /// How the credibility was computed.
    #[getter]
    fn explanation(&self) -> PyExplanation {
        PyExplanation(self.claim.explanation.clone())
    }
    /// HTML for Jupyter: the claim with its hedges, sources and cue highlighted, and its scores.
    fn _repr_html_(&self) -> String {
        crate::html::render_claim(&self.claim, self.attribution_content_text.as_deref())
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Claim(index={}, text={}, score={:.3}, grade='{}')",
            self.claim.index,
            short_repr(py, &self.claim.text, REPR_TEXT),
            self.claim.score,
            self.claim.admiralty
        )
    }
});

// ---------------------------------------------------------------------------------------------
// Admiralty

/// A claim's Admiralty (NATO STANAG 2511) rating: the reliability of its original source, A
/// (completely reliable) to F (cannot be judged), and the credibility of the information itself,
/// 1 (confirmed) to 6 (cannot be judged), judged independently. `str(a)` is the grade, `"B2"`.
///
/// Example:
///     >>> a = veracity.analyze("Officials said the bridge reopened on Monday.").claims[0].admiralty
///     >>> str(a) == a.grade == a.reliability + str(a.credibility)
///     True
#[pyclass(frozen, eq, hash, module = "veracity._native", name = "Admiralty")]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PyAdmiralty(pub(crate) Admiralty);

impl std::hash::Hash for PyAdmiralty {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.reliability.hash(state);
        self.0.credibility.hash(state);
        self.0.reliability_reason.hash(state);
        self.0.credibility_reason.hash(state);
    }
}

value_class!(PyAdmiralty, "Admiralty", {
    /// Letter and digit together, e.g. `"B2"`.
    #[getter]
    fn grade(&self) -> String {
        self.0.to_string()
    }
    /// The source's reliability letter, `"A"` to `"F"`.
    #[getter]
    fn reliability(&self) -> &'static str {
        self.0.reliability.as_str()
    }
    /// The information's credibility digit, 1 to 6.
    #[getter]
    fn credibility(&self) -> u8 {
        self.0.credibility.number()
    }
    /// NATO wording of the letter ("usually reliable").
    #[getter]
    fn reliability_description(&self) -> &'static str {
        self.0.reliability.description()
    }
    /// NATO wording of the digit ("probably true").
    #[getter]
    fn credibility_description(&self) -> &'static str {
        self.0.credibility.description()
    }
    /// Why the source got its letter.
    #[getter]
    fn reliability_reason(&self) -> &str {
        &self.0.reliability_reason
    }
    /// Why the information got its digit.
    #[getter]
    fn credibility_reason(&self) -> &str {
        &self.0.credibility_reason
    }
    fn __str__(&self) -> String {
        self.0.to_string()
    }
    fn __repr__(&self) -> String {
        format!("Admiralty('{}')", self.0)
    }
});

// ---------------------------------------------------------------------------------------------
// SourceSummary

/// A source as it figures in one article, with its reliability and explanation.
#[pyclass(frozen, eq, module = "veracity._native", name = "SourceSummary")]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PySourceSummary(pub(crate) SourceSummary);

value_class!(PySourceSummary, "SourceSummary", {
    /// Canonical name.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }
    /// One of `SOURCE_KINDS`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }
    /// The phrases that named it in the text.
    #[getter]
    fn mentions(&self) -> Vec<String> {
        self.0.mentions.clone()
    }
    /// Indices of the claims whose attribution chain includes it (for the author: unattributed claims).
    #[getter]
    fn claims(&self) -> Vec<usize> {
        self.0.claims.clone()
    }
    /// Reliability in [0, 1].
    #[getter]
    fn reliability(&self) -> f64 {
        self.0.reliability
    }
    /// The Admiralty reliability letter, `"A"` (completely reliable) to `"F"` (cannot be
    /// judged). One article is no track record, so it is never `"A"` here (see `Corpus`).
    #[getter]
    fn grade(&self) -> &'static str {
        self.0.grade.as_str()
    }
    /// How the reliability was computed.
    #[getter]
    fn explanation(&self) -> PyExplanation {
        PyExplanation(self.0.explanation.clone())
    }
    /// HTML for Jupyter: the source's profile in a compact table, with its explanation.
    fn _repr_html_(&self) -> String {
        crate::html::render_source(&self.0)
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "SourceSummary(name={}, kind='{}', reliability={:.3}, grade='{}')",
            short_repr(py, &self.0.name, REPR_TEXT),
            self.0.kind.as_str(),
            self.0.reliability,
            self.0.grade
        )
    }
});

// ---------------------------------------------------------------------------------------------
// Segmentation

/// A sentence; `text[s.start:s.end] == s.text`.
#[pyclass(frozen, eq, hash, module = "veracity._native", name = "Sentence")]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PySentence {
    #[serde(flatten)]
    pub(crate) sentence: Sentence,
    pub(crate) text: String,
}

value_class!(PySentence, "Sentence", {
    /// The sentence's text.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }
    /// Code-point offset.
    #[getter]
    fn start(&self) -> usize {
        self.sentence.span.start
    }
    /// Code-point end offset.
    #[getter]
    fn end(&self) -> usize {
        self.sentence.span.end
    }
    /// `(start, end)`.
    #[getter]
    fn span(&self) -> (usize, usize) {
        (self.sentence.span.start, self.sentence.span.end)
    }
    /// Index of its paragraph in `Analysis.paragraphs`.
    #[getter]
    fn paragraph(&self) -> usize {
        self.sentence.paragraph
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Sentence(text={}, start={}, end={})",
            short_repr(py, &self.text, REPR_TEXT),
            self.sentence.span.start,
            self.sentence.span.end
        )
    }
});

/// A paragraph with its role; `text[p.start:p.end] == p.text`.
#[pyclass(frozen, eq, hash, module = "veracity._native", name = "Paragraph")]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PyParagraph {
    #[serde(flatten)]
    pub(crate) paragraph: Paragraph,
    pub(crate) text: String,
}

value_class!(PyParagraph, "Paragraph", {
    /// The paragraph's text.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }
    /// Code-point offset.
    #[getter]
    fn start(&self) -> usize {
        self.paragraph.span.start
    }
    /// Code-point end offset.
    #[getter]
    fn end(&self) -> usize {
        self.paragraph.span.end
    }
    /// `(start, end)`.
    #[getter]
    fn span(&self) -> (usize, usize) {
        (self.paragraph.span.start, self.paragraph.span.end)
    }
    /// `"headline"`, `"byline"`, `"subheading"`, `"body"`, `"boilerplate"` or `"caption"`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.paragraph.kind.as_str()
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Paragraph(kind='{}', text={}, start={}, end={})",
            self.paragraph.kind.as_str(),
            short_repr(py, &self.text, REPR_TEXT),
            self.paragraph.span.start,
            self.paragraph.span.end
        )
    }
});

/// A quotation: `text[q.start:q.end] == q.text` (with the marks) and
/// `text[q.content_start:q.content_end] == q.content` (without).
#[pyclass(frozen, eq, hash, module = "veracity._native", name = "Quote")]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PyQuote {
    #[serde(flatten)]
    pub(crate) quote: Quote,
    pub(crate) text: String,
    pub(crate) content_text: String,
}

value_class!(PyQuote, "Quote", {
    /// The quotation including its marks.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }
    /// The quoted words without the marks.
    #[getter]
    fn content(&self) -> &str {
        &self.content_text
    }
    /// Code-point offset (at the opening mark).
    #[getter]
    fn start(&self) -> usize {
        self.quote.span.start
    }
    /// Code-point end offset (after the closing mark).
    #[getter]
    fn end(&self) -> usize {
        self.quote.span.end
    }
    /// `(start, end)`.
    #[getter]
    fn span(&self) -> (usize, usize) {
        (self.quote.span.start, self.quote.span.end)
    }
    /// Code-point offset of the quoted words.
    #[getter]
    fn content_start(&self) -> usize {
        self.quote.content.start
    }
    /// Code-point end offset of the quoted words.
    #[getter]
    fn content_end(&self) -> usize {
        self.quote.content.end
    }
    /// `"straight"`, `"curly"`, `"curly_single"` or `"guillemet"`.
    #[getter]
    fn style(&self) -> String {
        serde_name(&self.quote.style)
    }
    /// False when no closing mark was found (the quote then ends with its paragraph).
    #[getter]
    fn closed(&self) -> bool {
        self.quote.closed
    }
    /// True when the quote sits inside another quote.
    #[getter]
    fn nested(&self) -> bool {
        self.quote.nested
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Quote(text={}, start={}, end={})",
            short_repr(py, &self.text, REPR_TEXT),
            self.quote.span.start,
            self.quote.span.end
        )
    }
});
