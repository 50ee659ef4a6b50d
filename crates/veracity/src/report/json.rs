//! The JSON document of one analysis (`veracity.article/1`), written and read back.
//!
//! The structs are written out field by field from the core's public types instead of
//! serialising those types directly, so a refactor of the core cannot change the contract.
//! Adding a field is a compatible change; renaming, removing or retyping one needs a new schema
//! version. The fields are documented in `docs/cli.md`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::{AnalysisView, Offsets, SpanMap};
use crate::config::CertaintyWeights;
use crate::{
    Admiralty, Analysis, AnalysisParts, Article, ArticleSignals, Attribution, Claim, ClaimFeatures, Config,
    Contribution, CueType, Explanation, Hedge, Link, Meta, Paragraph, Quote, Sentence, Source, SourceSummary, Span,
};

/// Schema tag of one article object (every `jsonl` line, every element of `articles`).
pub const ARTICLE_SCHEMA: &str = "veracity.article/1";
/// Schema tag of the single document written by `veracity analyze --format json`.
pub const REPORT_SCHEMA: &str = "veracity.report/1";

/// Floats are rounded to this many decimals: enough for any weight or score, and short.
const DECIMALS: f64 = 1e6;

/// Rounds to six decimals; `-0.0` (from `0 x negative weight`) becomes `0.0`.
#[must_use]
pub fn round(x: f64) -> f64 {
    if x.is_finite() { (x * DECIMALS).round() / DECIMALS + 0.0 } else { x }
}

/// What to write, and how.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReportOptions {
    /// The unit of every offset, named in the output as `offsets`.
    pub offsets: Offsets,
    /// Keep only the N most check-worthy claims, highest first (in text order).
    pub top: Option<usize>,
    /// Add the analysed text as `text`.
    pub include_text: bool,
    /// Write everything needed to rebuild the analysis exactly: floats unrounded, and the
    /// sections `hedges`, `paragraphs`, `sentences`, `quotes`, `signals`, `certainty_weights` and
    /// the claim fields `deciding_hedge`, `author_certainty`, `negated`. Off, floats are rounded
    /// to six decimals and those parts are left out (the command line's report).
    pub complete: bool,
}

/// One analysed article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleReport<'a> {
    /// Always [`ARTICLE_SCHEMA`].
    pub schema: Cow<'a, str>,
    /// The unit of every offset; reports written before this field existed are in bytes.
    #[serde(default)]
    pub offsets: Offsets,
    /// The path the article was read from.
    pub path: Option<String>,
    /// The article's identifier.
    pub id: Option<Cow<'a, str>>,
    /// The title.
    pub title: Option<Cow<'a, str>>,
    /// The outlet.
    pub outlet: Option<Cow<'a, str>>,
    /// The authors (empty when none are known).
    #[serde(default)]
    pub authors: Vec<Cow<'a, str>>,
    /// The publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// The URL.
    pub url: Option<Cow<'a, str>>,
    /// `given` or `extracted` for each metadata field, `null` when the field is absent.
    pub metadata_provenance: ProvenanceReport,
    /// Length of the text in UTF-8 bytes (whatever the offset unit).
    pub bytes: usize,
    /// The analysed text (only when asked for).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Cow<'a, str>>,
    /// The article's credibility in [0, 1].
    pub credibility: f64,
    /// How the credibility was computed.
    pub credibility_explanation: ExplanationReport<'a>,
    /// The claims, in text order (the `top` most check-worthy ones if asked for).
    pub claims: Vec<ClaimReport<'a>>,
    /// Every attribution in the article.
    pub attributions: Vec<AttributionReport<'a>>,
    /// One entry per distinct source.
    pub sources: Vec<SourceSummaryReport<'a>>,
    /// Complete reports only: every hedge of the article (not only those inside claims).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hedges: Option<Vec<HedgeReport<'a>>>,
    /// Complete reports only: the paragraphs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraphs: Option<Vec<Paragraph>>,
    /// Complete reports only: the sentences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentences: Option<Vec<Sentence>>,
    /// Complete reports only: the quotations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quotes: Option<Vec<Quote>>,
    /// Complete reports only: the article signals behind the credibility.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signals: Option<ArticleSignals>,
    /// Complete reports only: the certainty weights the claims were scored with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certainty_weights: Option<CertaintyWeights>,
}

/// `given` or `extracted` for each metadata field, `null` when the field is absent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct ProvenanceReport {
    pub title: Option<Cow<'static, str>>,
    pub outlet: Option<Cow<'static, str>>,
    pub authors: Option<Cow<'static, str>>,
    pub published: Option<Cow<'static, str>>,
    pub url: Option<Cow<'static, str>>,
}

/// One claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct ClaimReport<'a> {
    pub index: usize,
    /// 1 for the most check-worthy claim of the article.
    pub rank: usize,
    pub text: Cow<'a, str>,
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    pub clause: usize,
    pub kind: Cow<'a, str>,
    pub kind_cue: Option<Cow<'a, str>>,
    pub headline: bool,
    pub hedges: Vec<HedgeReport<'a>>,
    pub certainty: f64,
    pub certainty_level: Cow<'a, str>,
    pub attribution: Option<AttributionReport<'a>>,
    pub features: FeaturesReport<'a>,
    pub checkworthiness: f64,
    pub checkworthiness_explanation: ExplanationReport<'a>,
    pub score: f64,
    pub explanation: ExplanationReport<'a>,
    pub admiralty: AdmiraltyReport<'a>,
    /// Complete reports only: index into `hedges` of the cue that decided the certainty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deciding_hedge: Option<usize>,
    /// Complete reports only: the certainty of the writer, before attribution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_certainty: Option<f64>,
    /// Complete reports only: whether the claim is negated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub negated: Option<bool>,
}

/// The Admiralty rating of a claim: `"B2"` plus its parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct AdmiraltyReport<'a> {
    pub grade: String,
    pub reliability: Cow<'a, str>,
    pub credibility: u8,
    pub reliability_reason: Cow<'a, str>,
    pub credibility_reason: Cow<'a, str>,
}

/// One hedge cue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct HedgeReport<'a> {
    pub cue: Cow<'a, str>,
    pub category: Cow<'a, str>,
    pub start: usize,
    pub end: usize,
    pub weight: f64,
    pub negated: bool,
    pub in_quote: bool,
    pub attributive: bool,
}

/// One attribution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct AttributionReport<'a> {
    pub cue: Cow<'a, str>,
    pub cue_start: usize,
    pub cue_end: usize,
    /// What the cue reports ([`crate::CueType`]). Reports written before this field existed
    /// read back with the type the built-in cue lexicon gives the cue.
    #[serde(default)]
    pub cue_type: Cow<'a, str>,
    pub kind: Cow<'a, str>,
    pub anonymous: bool,
    pub content_start: usize,
    pub content_end: usize,
    pub sources: Vec<SourceReport<'a>>,
}

/// One source of an attribution (outermost first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct SourceReport<'a> {
    pub text: Cow<'a, str>,
    pub kind: Cow<'a, str>,
    pub name: Cow<'a, str>,
    pub resolved: bool,
    pub start: Option<usize>,
    pub end: Option<usize>,
}

/// The check-worthiness features of a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct FeaturesReport<'a> {
    pub numbers: Cow<'a, [String]>,
    pub dates: Cow<'a, [String]>,
    pub entities: Cow<'a, [String]>,
    pub comparatives: Cow<'a, [String]>,
    pub causal: Cow<'a, [String]>,
}

/// How a score was computed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct ExplanationReport<'a> {
    pub base: f64,
    pub contributions: Vec<ContributionReport<'a>>,
    pub raw: f64,
    pub value: f64,
    /// `"logistic"` for a logistic model (`base` the intercept, `raw` the log-odds); absent for
    /// the additive rubric.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Cow<'a, str>>,
}

impl<'a> ExplanationReport<'a> {
    /// The report of an explanation; floats rounded to six decimals unless `exact`.
    #[must_use]
    pub fn new(e: &'a Explanation, exact: bool) -> Self {
        Writer { map: SpanMap::default(), exact }.explanation(e)
    }
}

/// One signal's part in a score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct ContributionReport<'a> {
    pub signal: Cow<'a, str>,
    pub value: f64,
    pub weight: f64,
    pub contribution: f64,
    pub detail: Cow<'a, str>,
}

/// One distinct source of the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct SourceSummaryReport<'a> {
    pub name: Cow<'a, str>,
    pub kind: Cow<'a, str>,
    pub mentions: Cow<'a, [String]>,
    pub claims: Cow<'a, [usize]>,
    pub reliability: f64,
    pub grade: Cow<'a, str>,
    pub explanation: ExplanationReport<'a>,
}

fn provenance<T>(m: Option<&Meta<T>>) -> Option<Cow<'static, str>> {
    m.map(|m| Cow::Borrowed(m.provenance.as_str()))
}

/// Writes one report: the span map to the output unit and the float precision.
struct Writer {
    map: SpanMap,
    exact: bool,
}

impl Writer {
    fn f(&self, x: f64) -> f64 {
        if self.exact { x } else { round(x) }
    }

    fn claim<'a>(&self, c: &'a Claim, rank: usize, complete: bool) -> ClaimReport<'a> {
        let span = self.map.span(c.span);
        ClaimReport {
            index: c.index,
            rank,
            text: Cow::Borrowed(&c.text),
            start: span.start,
            end: span.end,
            sentence: c.sentence,
            clause: c.clause,
            kind: Cow::Borrowed(c.kind.as_str()),
            kind_cue: c.kind_cue.as_deref().map(Cow::Borrowed),
            headline: c.headline,
            hedges: c.hedges.iter().map(|h| self.hedge(h)).collect(),
            certainty: self.f(c.certainty),
            certainty_level: Cow::Borrowed(c.certainty_level.as_str()),
            attribution: c.attribution.as_ref().map(|a| self.attribution(a)),
            features: features(&c.features),
            checkworthiness: self.f(c.checkworthiness),
            checkworthiness_explanation: self.explanation(&c.checkworthiness_explanation),
            score: self.f(c.score),
            explanation: self.explanation(&c.explanation),
            admiralty: AdmiraltyReport {
                grade: c.admiralty.to_string(),
                reliability: Cow::Borrowed(c.admiralty.reliability.as_str()),
                credibility: c.admiralty.credibility.number(),
                reliability_reason: Cow::Borrowed(&c.admiralty.reliability_reason),
                credibility_reason: Cow::Borrowed(&c.admiralty.credibility_reason),
            },
            deciding_hedge: if complete { c.deciding_hedge } else { None },
            author_certainty: complete.then_some(c.author_certainty),
            negated: complete.then_some(c.negated),
        }
    }

    fn hedge<'a>(&self, h: &'a Hedge) -> HedgeReport<'a> {
        let span = self.map.span(h.span);
        HedgeReport {
            cue: Cow::Borrowed(&h.cue),
            category: Cow::Borrowed(h.category.as_str()),
            start: span.start,
            end: span.end,
            weight: self.f(h.weight),
            negated: h.negated,
            in_quote: h.in_quote,
            attributive: h.attributive,
        }
    }

    fn attribution<'a>(&self, a: &'a Attribution) -> AttributionReport<'a> {
        let cue = self.map.span(a.cue_span);
        let content = self.map.span(a.content);
        AttributionReport {
            cue: Cow::Borrowed(&a.cue),
            cue_start: cue.start,
            cue_end: cue.end,
            cue_type: Cow::Borrowed(a.cue_type.as_str()),
            kind: Cow::Borrowed(a.kind.as_str()),
            anonymous: a.anonymous,
            content_start: content.start,
            content_end: content.end,
            sources: a.sources.iter().map(|s| self.source(s)).collect(),
        }
    }

    fn source<'a>(&self, s: &'a Source) -> SourceReport<'a> {
        let span = s.span.map(|sp| self.map.span(sp));
        SourceReport {
            text: Cow::Borrowed(&s.text),
            kind: Cow::Borrowed(s.kind.as_str()),
            name: Cow::Borrowed(&s.name),
            resolved: s.resolved,
            start: span.map(|sp: Span| sp.start),
            end: span.map(|sp: Span| sp.end),
        }
    }

    fn explanation<'a>(&self, e: &'a Explanation) -> ExplanationReport<'a> {
        ExplanationReport {
            base: self.f(e.base),
            contributions: e.contributions.iter().map(|c| self.contribution(c)).collect(),
            raw: self.f(e.raw),
            value: self.f(e.value),
            link: (!e.link.is_identity()).then(|| Cow::Borrowed(e.link.as_str())),
        }
    }

    fn contribution<'a>(&self, c: &'a Contribution) -> ContributionReport<'a> {
        ContributionReport {
            signal: Cow::Borrowed(&c.signal),
            value: self.f(c.value),
            weight: self.f(c.weight),
            contribution: self.f(c.contribution),
            detail: Cow::Borrowed(&c.detail),
        }
    }

    fn source_summary<'a>(&self, s: &'a SourceSummary) -> SourceSummaryReport<'a> {
        SourceSummaryReport {
            name: Cow::Borrowed(&s.name),
            kind: Cow::Borrowed(s.kind.as_str()),
            mentions: Cow::Borrowed(&s.mentions),
            claims: Cow::Borrowed(&s.claims),
            reliability: self.f(s.reliability),
            grade: Cow::Borrowed(s.grade.as_str()),
            explanation: self.explanation(&s.explanation),
        }
    }
}

fn features(f: &ClaimFeatures) -> FeaturesReport<'_> {
    FeaturesReport {
        numbers: Cow::Borrowed(&f.numbers),
        dates: Cow::Borrowed(&f.dates),
        entities: Cow::Borrowed(&f.entities),
        comparatives: Cow::Borrowed(&f.comparatives),
        causal: Cow::Borrowed(&f.causal),
    }
}

impl<'a> ArticleReport<'a> {
    /// The report of one analysis (see [`AnalysisView::of`] for a core [`Analysis`]).
    #[must_use]
    pub fn new(v: AnalysisView<'a>, opts: &ReportOptions) -> Self {
        let art = v.article;
        let w = Writer { map: v.span_map(opts.offsets), exact: opts.complete };
        let ranked = v.ranked_claims();
        let claims: Vec<&Claim> = match opts.top {
            Some(n) => ranked.iter().copied().take(n).collect(),
            None => v.claims.iter().collect(),
        };
        let mut rank = vec![0; v.claims.len()];
        for (r, c) in ranked.iter().enumerate() {
            if let Some(slot) = rank.get_mut(c.index) {
                *slot = r + 1;
            }
        }
        let complete = opts.complete;
        let spans = |s: Span| w.map.span(s);
        Self {
            schema: Cow::Borrowed(ARTICLE_SCHEMA),
            offsets: opts.offsets,
            path: art.path().map(|p| p.display().to_string()),
            id: art.id().map(Cow::Borrowed),
            title: art.title().map(|m| Cow::Borrowed(m.value.as_str())),
            outlet: art.outlet().map(|m| Cow::Borrowed(m.value.as_str())),
            authors: art
                .authors()
                .map(|m| m.value.iter().map(|s| Cow::Borrowed(s.as_str())).collect())
                .unwrap_or_default(),
            published: art.published().map(|m| m.value.format("%Y-%m-%d").to_string()),
            url: art.url().map(|m| Cow::Borrowed(m.value.as_str())),
            metadata_provenance: ProvenanceReport {
                title: provenance(art.title()),
                outlet: provenance(art.outlet()),
                authors: provenance(art.authors()),
                published: provenance(art.published()),
                url: provenance(art.url()),
            },
            bytes: v.text().len(),
            text: (opts.include_text || complete).then(|| Cow::Borrowed(v.text())),
            credibility: w.f(v.credibility.value),
            credibility_explanation: w.explanation(v.credibility),
            claims: claims.into_iter().map(|c| w.claim(c, rank.get(c.index).copied().unwrap_or(0), complete)).collect(),
            attributions: v.attributions.iter().map(|a| w.attribution(a)).collect(),
            sources: v.sources.iter().map(|s| w.source_summary(s)).collect(),
            hedges: complete.then(|| v.hedges.iter().map(|h| w.hedge(h)).collect()),
            paragraphs: complete
                .then(|| v.paragraphs.iter().map(|p| Paragraph { span: spans(p.span), ..*p }).collect()),
            sentences: complete.then(|| v.sentences.iter().map(|s| Sentence { span: spans(s.span), ..*s }).collect()),
            quotes: complete.then(|| {
                v.quotes.iter().map(|q| Quote { span: spans(q.span), content: spans(q.content), ..*q }).collect()
            }),
            signals: complete.then(|| v.signals.clone()),
            certainty_weights: complete.then(|| v.certainty_weights.clone()),
        }
    }

    /// Rebuilds the core analysis (byte spans) from a report.
    ///
    /// The text comes from the report's `text`, else from `text` (a report written without
    /// `--include-text`). Parts a report leaves out unless it is complete come back as follows:
    /// the article's hedges are those of its claims, paragraphs, sentences and quotes are empty,
    /// the signals are zeros, the certainty weights the built-in ones, a claim's
    /// `author_certainty` is its certainty, `negated` false and `deciding_hedge` none.
    ///
    /// # Errors
    /// The schema is not [`ARTICLE_SCHEMA`], there is no text, a name is unknown, or a span
    /// does not fit the text.
    pub fn into_analysis(self, text: Option<&str>) -> Result<Analysis, String> {
        if self.schema != ARTICLE_SCHEMA {
            return Err(format!("schema {:?} is not {ARTICLE_SCHEMA:?}", self.schema));
        }
        let text: String = match (self.text, text) {
            (Some(t), _) => t.into_owned(),
            (None, Some(t)) => t.to_owned(),
            (None, None) => {
                return Err("the report has no text: write it with --include-text, or give the text".to_owned());
            }
        };
        if text.len() != self.bytes {
            return Err(format!("the text is {} bytes, the report says {}", text.len(), self.bytes));
        }
        let map = SpanMap::new(&text, self.offsets, Offsets::Bytes);
        let limit = match self.offsets {
            Offsets::Bytes => text.len(),
            Offsets::CodePoints => text.chars().count(),
        };
        let r = Reader { map, limit, unit: self.offsets };
        for s in self.paragraphs.iter().flatten().map(|p| p.span).chain(self.sentences.iter().flatten().map(|s| s.span))
        {
            r.span(s.start, s.end)?;
        }
        for q in self.quotes.iter().flatten() {
            r.span(q.span.start, q.span.end)?;
            r.span(q.content.start, q.content.end)?;
        }
        let p = &self.metadata_provenance;
        let meta = |value: serde_json::Value, prov: &Option<Cow<'static, str>>| match prov {
            Some(prov) => serde_json::json!({ "value": value, "provenance": prov }),
            None => serde_json::Value::Null,
        };
        let article = serde_json::json!({
            "text": text,
            "id": self.id,
            "path": self.path,
            "title": meta(serde_json::json!(self.title), &p.title),
            "outlet": meta(serde_json::json!(self.outlet), &p.outlet),
            "authors": meta(serde_json::json!(self.authors), &p.authors),
            "published": meta(serde_json::json!(self.published), &p.published),
            "url": meta(serde_json::json!(self.url), &p.url),
        });
        let article: Article = serde_json::from_value(article).map_err(|e| format!("article metadata: {e}"))?;
        let claims = self.claims.into_iter().map(|c| r.claim(c)).collect::<Result<Vec<_>, _>>()?;
        let hedges = match self.hedges {
            Some(h) => h.into_iter().map(|h| r.hedge(h)).collect::<Result<Vec<_>, _>>()?,
            None => {
                let mut all: Vec<Hedge> = claims.iter().flat_map(|c| c.hedges.iter().cloned()).collect();
                all.sort_by_key(|h| (h.span.start, h.span.end));
                all.dedup_by(|a, b| a.span == b.span && a.cue == b.cue);
                all
            }
        };
        let spans = |s: Span| r.map.span(s);
        let parts = AnalysisParts {
            paragraphs: self
                .paragraphs
                .unwrap_or_default()
                .into_iter()
                .map(|p| Paragraph { span: spans(p.span), ..p })
                .collect(),
            sentences: self
                .sentences
                .unwrap_or_default()
                .into_iter()
                .map(|s| Sentence { span: spans(s.span), ..s })
                .collect(),
            quotes: self
                .quotes
                .unwrap_or_default()
                .into_iter()
                .map(|q| Quote { span: spans(q.span), content: spans(q.content), ..q })
                .collect(),
            hedges,
            attributions: self.attributions.into_iter().map(|a| r.attribution(a)).collect::<Result<Vec<_>, _>>()?,
            claims,
            sources: self.sources.into_iter().map(|s| r.source_summary(s)).collect::<Result<Vec<_>, _>>()?,
            signals: self.signals.unwrap_or_default(),
            credibility: r.explanation(self.credibility_explanation)?,
            certainty_weights: self.certainty_weights.unwrap_or_else(|| Config::default().weights.certainty),
            article,
        };
        let a = Analysis::from_parts(parts);
        a.check_invariants()?;
        Ok(a)
    }
}

/// A unit enum from its name in a report (its serde name).
fn named<T: serde::de::DeserializeOwned>(what: &str, name: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(name.to_owned())).map_err(|_| format!("unknown {what} {name:?}"))
}

/// The type the built-in cue lexicon gives a cue as written ("has repeatedly said", "warned
/// of"): the type of the longest lexicon phrase among its words; a cue without one is a pattern
/// ("In" of a poll, the ":" of a headline or a speaker's turn) or a sourceless cue ("seems",
/// "reportedly", "is expected").
fn builtin_cue_type(cue: &str) -> CueType {
    static TYPES: OnceLock<HashMap<String, CueType>> = OnceLock::new();
    let types = TYPES.get_or_init(|| {
        let config = Config::default();
        config.cue_groups.values().flat_map(|g| g.phrases.iter().map(|p| (p.to_lowercase(), g.cue_type))).collect()
    });
    let words: Vec<String> = cue
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    for n in (1..=words.len()).rev() {
        for w in words.windows(n) {
            if let Some(t) = types.get(&w.join(" ")) {
                return *t;
            }
        }
    }
    match words.last().map(String::as_str) {
        Some("in") => CueType::Perception,
        Some("seem" | "seems" | "seemed" | "appear" | "appears" | "appeared") => CueType::Perception,
        Some("expected") => CueType::Belief,
        Some("reportedly") => CueType::Reported,
        _ => CueType::Speech,
    }
}

/// Reads report parts back into core types, with byte spans.
struct Reader {
    map: SpanMap,
    /// The text's length in the report's unit.
    limit: usize,
    unit: Offsets,
}

impl Reader {
    fn span(&self, start: usize, end: usize) -> Result<Span, String> {
        if start > end || end > self.limit {
            return Err(format!(
                "span {start}..{end} is out of range for a text of {} {}",
                self.limit,
                match self.unit {
                    Offsets::Bytes => "bytes",
                    Offsets::CodePoints => "characters",
                }
            ));
        }
        Ok(self.map.span(Span::new(start, end)))
    }

    fn claim(&self, c: ClaimReport<'_>) -> Result<Claim, String> {
        let hedges = c.hedges.into_iter().map(|h| self.hedge(h)).collect::<Result<Vec<_>, _>>()?;
        let reliability = named("reliability grade", &c.admiralty.reliability)?;
        let credibility = serde_json::from_value(serde_json::Value::from(c.admiralty.credibility))
            .map_err(|e| format!("credibility grade: {e}"))?;
        Ok(Claim {
            index: c.index,
            sentence: c.sentence,
            clause: c.clause,
            span: self.span(c.start, c.end)?,
            text: c.text.into_owned(),
            kind: named("claim kind", &c.kind)?,
            kind_cue: c.kind_cue.map(Cow::into_owned),
            headline: c.headline,
            hedges,
            certainty: c.certainty,
            certainty_level: named("certainty level", &c.certainty_level)?,
            deciding_hedge: c.deciding_hedge,
            author_certainty: c.author_certainty.unwrap_or(c.certainty),
            negated: c.negated.unwrap_or(false),
            attribution: c.attribution.map(|a| self.attribution(a)).transpose()?,
            features: ClaimFeatures {
                numbers: c.features.numbers.into_owned(),
                dates: c.features.dates.into_owned(),
                entities: c.features.entities.into_owned(),
                comparatives: c.features.comparatives.into_owned(),
                causal: c.features.causal.into_owned(),
            },
            checkworthiness: c.checkworthiness,
            checkworthiness_explanation: self.explanation(c.checkworthiness_explanation)?,
            score: c.score,
            explanation: self.explanation(c.explanation)?,
            admiralty: Admiralty {
                reliability,
                credibility,
                reliability_reason: c.admiralty.reliability_reason.into_owned(),
                credibility_reason: c.admiralty.credibility_reason.into_owned(),
            },
        })
    }

    fn hedge(&self, h: HedgeReport<'_>) -> Result<Hedge, String> {
        Ok(Hedge {
            span: self.span(h.start, h.end)?,
            category: named("hedge category", &h.category)?,
            cue: h.cue.into_owned(),
            weight: h.weight,
            negated: h.negated,
            in_quote: h.in_quote,
            attributive: h.attributive,
        })
    }

    fn attribution(&self, a: AttributionReport<'_>) -> Result<Attribution, String> {
        Ok(Attribution {
            cue_span: self.span(a.cue_start, a.cue_end)?,
            content: self.span(a.content_start, a.content_end)?,
            kind: named("attribution kind", &a.kind)?,
            anonymous: a.anonymous,
            sources: a.sources.into_iter().map(|s| self.source(s)).collect::<Result<Vec<_>, _>>()?,
            cue_type: if a.cue_type.is_empty() { builtin_cue_type(&a.cue) } else { named("cue type", &a.cue_type)? },
            cue: a.cue.into_owned(),
        })
    }

    fn source(&self, s: SourceReport<'_>) -> Result<Source, String> {
        Ok(Source {
            span: match (s.start, s.end) {
                (Some(a), Some(b)) => Some(self.span(a, b)?),
                _ => None,
            },
            kind: named("source kind", &s.kind)?,
            text: s.text.into_owned(),
            name: s.name.into_owned(),
            resolved: s.resolved,
        })
    }

    fn explanation(&self, e: ExplanationReport<'_>) -> Result<Explanation, String> {
        Ok(Explanation {
            base: e.base,
            contributions: e
                .contributions
                .into_iter()
                .map(|c| Contribution {
                    signal: c.signal.into_owned().into(),
                    value: c.value,
                    weight: c.weight,
                    contribution: c.contribution,
                    detail: c.detail.into_owned(),
                })
                .collect(),
            raw: e.raw,
            value: e.value,
            link: match e.link {
                Some(l) => named::<Link>("link", &l)?,
                None => Link::default(),
            },
        })
    }

    fn source_summary(&self, s: SourceSummaryReport<'_>) -> Result<SourceSummary, String> {
        Ok(SourceSummary {
            kind: named("source kind", &s.kind)?,
            grade: named("reliability grade", &s.grade)?,
            explanation: self.explanation(s.explanation)?,
            name: s.name.into_owned(),
            mentions: s.mentions.into_owned(),
            claims: s.claims.into_owned(),
            reliability: s.reliability,
        })
    }
}

/// The article objects in what `veracity analyze` writes: a `veracity.report/1` document
/// (`--format json`), one `veracity.article/1` object, or JSON lines of them (`--format jsonl`).
///
/// # Errors
/// The input is not JSON, or a value is neither a report nor an article.
pub fn read_articles(json: &str) -> Result<Vec<ArticleReport<'static>>, String> {
    let mut out = Vec::new();
    for value in serde_json::Deserializer::from_str(json).into_iter::<serde_json::Value>() {
        let value = value.map_err(|e| format!("not JSON: {e}"))?;
        let schema = value.get("schema").and_then(serde_json::Value::as_str).unwrap_or_default().to_owned();
        if schema == REPORT_SCHEMA {
            let articles = value.get("articles").cloned().unwrap_or(serde_json::Value::Array(Vec::new()));
            let articles: Vec<ArticleReport<'static>> =
                serde_json::from_value(articles).map_err(|e| format!("not a {REPORT_SCHEMA} document: {e}"))?;
            out.extend(articles);
        } else if schema == ARTICLE_SCHEMA {
            out.push(serde_json::from_value(value).map_err(|e| format!("not a {ARTICLE_SCHEMA} object: {e}"))?);
        } else {
            return Err(format!(
                "expected a {REPORT_SCHEMA} document or {ARTICLE_SCHEMA} objects, found schema {schema:?}"
            ));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Román Lejtman wrote that “the deal” may have collapsed — allegedly.\n\nOfficials said the bridge could reopen on Monday, according to the mayor.";

    fn analysis() -> Analysis {
        crate::analyze(TEXT).expect("analysis")
    }

    #[test]
    fn rounding_keeps_six_decimals() {
        assert!((round(0.1 + 0.2) - 0.3).abs() < f64::EPSILON);
        assert_eq!(serde_json::to_string(&round(0.1 + 0.2)).ok().as_deref(), Some("0.3"));
        assert!(round(f64::NAN).is_nan());
        assert_eq!(serde_json::to_string(&round(-0.0)).ok().as_deref(), Some("0.0"));
    }

    #[test]
    fn complete_report_round_trips_in_both_units() {
        let a = analysis();
        for offsets in [Offsets::Bytes, Offsets::CodePoints] {
            let opts = ReportOptions { offsets, complete: true, ..ReportOptions::default() };
            let json = serde_json::to_string(&ArticleReport::new(AnalysisView::of(&a), &opts)).unwrap();
            assert!(json.contains(&format!("\"offsets\":\"{offsets}\"")));
            let back = read_articles(&json).unwrap().remove(0).into_analysis(None).unwrap();
            assert_eq!(back, a);
        }
    }

    #[test]
    fn plain_report_reads_back_with_the_text() {
        let a = analysis();
        let opts = ReportOptions { offsets: Offsets::CodePoints, ..ReportOptions::default() };
        let report = ArticleReport::new(AnalysisView::of(&a), &opts);
        assert!(report.text.is_none());
        let json = serde_json::to_string(&report).unwrap();
        assert!(read_articles(&json).unwrap().remove(0).into_analysis(None).is_err());
        let back = read_articles(&json).unwrap().remove(0).into_analysis(Some(TEXT)).unwrap();
        assert_eq!(back.claims().len(), a.claims().len());
        for (x, y) in back.claims().iter().zip(a.claims()) {
            assert_eq!(x.span, y.span);
            assert_eq!(x.text, y.text);
            assert_eq!(x.admiralty, y.admiralty);
        }
        assert_eq!(back.attributions(), a.attributions());
        // Written again, the report is the same.
        let again = serde_json::to_string(&ArticleReport::new(AnalysisView::of(&back), &opts)).unwrap();
        assert_eq!(again, json);
    }

    #[test]
    fn code_point_offsets_slice_like_bytes() {
        let a = analysis();
        let opts = ReportOptions { offsets: Offsets::CodePoints, ..ReportOptions::default() };
        let report = ArticleReport::new(AnalysisView::of(&a), &opts);
        let chars: Vec<char> = TEXT.chars().collect();
        for c in &report.claims {
            let s: String = chars[c.start..c.end].iter().collect();
            assert_eq!(s, c.text);
        }
    }

    #[test]
    fn unknown_documents_are_refused() {
        assert!(read_articles("{\"schema\": \"other/1\"}").is_err());
        assert!(read_articles("[1, 2]").is_err());
        assert!(read_articles("{").is_err());
    }
}
