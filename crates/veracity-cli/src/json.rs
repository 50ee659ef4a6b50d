//! The stable JSON format (`veracity.article/1`, `veracity.report/1`), documented in `docs/cli.md`.
//!
//! These structs are written out field by field from the core's public API instead of
//! serialising the core types directly, so a refactor of the core cannot change the contract.
//! Adding a field is a compatible change; renaming, removing or retyping one needs a new schema
//! version.

use serde::Serialize;
use veracity::{
    Analysis, Attribution, Claim, ClaimFeatures, Contribution, Explanation, Hedge, Meta, Source, SourceSummary, Span,
};

/// Schema tag of one article object (every `jsonl` line, every element of `articles`).
pub(crate) const ARTICLE_SCHEMA: &str = "veracity.article/1";
/// Schema tag of the single document written by `--format json`.
pub(crate) const REPORT_SCHEMA: &str = "veracity.report/1";

/// Floats are rounded to this many decimals: enough for any weight or score, and short.
const DECIMALS: f64 = 1e6;

/// Rounds to six decimals; `-0.0` (from `0 x negative weight`) becomes `0.0`.
pub(crate) fn round(x: f64) -> f64 {
    if x.is_finite() { (x * DECIMALS).round() / DECIMALS + 0.0 } else { x }
}

/// Which claims to write, and whether to include the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Options {
    /// Keep only the N most check-worthy claims, highest first.
    pub(crate) top: Option<usize>,
    /// Add the analysed text as `text`.
    pub(crate) include_text: bool,
}

/// One analysed article.
#[derive(Debug, Serialize)]
pub(crate) struct ArticleJson<'a> {
    schema: &'static str,
    path: Option<String>,
    id: Option<&'a str>,
    title: Option<&'a str>,
    outlet: Option<&'a str>,
    authors: Vec<&'a str>,
    published: Option<String>,
    url: Option<&'a str>,
    metadata_provenance: ProvenanceJson,
    bytes: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    credibility: f64,
    credibility_explanation: ExplanationJson<'a>,
    claims: Vec<ClaimJson<'a>>,
    attributions: Vec<AttributionJson<'a>>,
    sources: Vec<SourceSummaryJson<'a>>,
}

/// `given` or `extracted` for each metadata field, `null` when the field is absent.
#[derive(Debug, Serialize)]
struct ProvenanceJson {
    title: Option<&'static str>,
    outlet: Option<&'static str>,
    authors: Option<&'static str>,
    published: Option<&'static str>,
    url: Option<&'static str>,
}

fn provenance<T>(m: Option<&Meta<T>>) -> Option<&'static str> {
    m.map(|m| m.provenance.as_str())
}

#[derive(Debug, Serialize)]
struct ClaimJson<'a> {
    index: usize,
    rank: usize,
    text: &'a str,
    start: usize,
    end: usize,
    sentence: usize,
    clause: usize,
    kind: &'static str,
    kind_cue: Option<&'a str>,
    headline: bool,
    hedges: Vec<HedgeJson<'a>>,
    certainty: f64,
    certainty_level: &'static str,
    attribution: Option<AttributionJson<'a>>,
    features: FeaturesJson<'a>,
    checkworthiness: f64,
    checkworthiness_explanation: ExplanationJson<'a>,
    score: f64,
    explanation: ExplanationJson<'a>,
    admiralty: AdmiraltyJson<'a>,
}

/// The Admiralty rating of a claim: `"B2"` plus its parts.
#[derive(Debug, Serialize)]
struct AdmiraltyJson<'a> {
    grade: String,
    reliability: &'static str,
    credibility: u8,
    reliability_reason: &'a str,
    credibility_reason: &'a str,
}

#[derive(Debug, Serialize)]
struct HedgeJson<'a> {
    cue: &'a str,
    category: &'static str,
    start: usize,
    end: usize,
    weight: f64,
    negated: bool,
    in_quote: bool,
    attributive: bool,
}

#[derive(Debug, Serialize)]
struct AttributionJson<'a> {
    cue: &'a str,
    cue_start: usize,
    cue_end: usize,
    kind: &'static str,
    anonymous: bool,
    content_start: usize,
    content_end: usize,
    sources: Vec<SourceJson<'a>>,
}

#[derive(Debug, Serialize)]
struct SourceJson<'a> {
    text: &'a str,
    kind: &'static str,
    name: &'a str,
    resolved: bool,
    start: Option<usize>,
    end: Option<usize>,
}

#[derive(Debug, Serialize)]
struct FeaturesJson<'a> {
    numbers: &'a [String],
    dates: &'a [String],
    entities: &'a [String],
    comparatives: &'a [String],
    causal: &'a [String],
}

#[derive(Debug, Serialize)]
pub(crate) struct ExplanationJson<'a> {
    base: f64,
    contributions: Vec<ContributionJson<'a>>,
    raw: f64,
    value: f64,
    /// `"logistic"` for a logistic model (`base` the intercept, `raw` the log-odds); absent for
    /// the additive rubric.
    #[serde(skip_serializing_if = "Option::is_none")]
    link: Option<&'static str>,
}

#[derive(Debug, Serialize)]
struct ContributionJson<'a> {
    signal: &'a str,
    value: f64,
    weight: f64,
    contribution: f64,
    detail: &'a str,
}

#[derive(Debug, Serialize)]
struct SourceSummaryJson<'a> {
    name: &'a str,
    kind: &'static str,
    mentions: &'a [String],
    claims: &'a [usize],
    reliability: f64,
    grade: &'static str,
    explanation: ExplanationJson<'a>,
}

/// One input that could not be analysed (only in the `json` document; always on stderr too).
#[derive(Debug, Serialize)]
pub(crate) struct ErrorJson {
    /// The input as named on the command line (`<stdin>` for standard input).
    pub(crate) path: String,
    /// `io`, `invalid_utf8`, `empty_text` or `other`.
    pub(crate) kind: &'static str,
    /// The message printed on stderr, without the `veracity: ` prefix.
    pub(crate) message: String,
}

impl<'a> ArticleJson<'a> {
    /// The article object for one analysis.
    pub(crate) fn new(a: &'a Analysis, opts: Options) -> Self {
        let art = a.article();
        let claims: Vec<&Claim> = match opts.top {
            Some(n) => a.ranked_claims().into_iter().take(n).collect(),
            None => a.claims().iter().collect(),
        };
        Self {
            schema: ARTICLE_SCHEMA,
            path: art.path().map(|p| p.display().to_string()),
            id: art.id(),
            title: art.title().map(|m| m.value.as_str()),
            outlet: art.outlet().map(|m| m.value.as_str()),
            authors: art.authors().map(|m| m.value.iter().map(String::as_str).collect()).unwrap_or_default(),
            published: art.published().map(|m| m.value.format("%Y-%m-%d").to_string()),
            url: art.url().map(|m| m.value.as_str()),
            metadata_provenance: ProvenanceJson {
                title: provenance(art.title()),
                outlet: provenance(art.outlet()),
                authors: provenance(art.authors()),
                published: provenance(art.published()),
                url: provenance(art.url()),
            },
            bytes: a.text().len(),
            text: opts.include_text.then(|| a.text()),
            credibility: round(a.credibility()),
            credibility_explanation: ExplanationJson::new(a.credibility_explanation()),
            claims: {
                let mut rank = vec![0; a.claims().len()];
                for (r, c) in a.ranked_claims().into_iter().enumerate() {
                    rank[c.index] = r + 1;
                }
                claims.into_iter().map(|c| ClaimJson::new(c, rank[c.index])).collect()
            },
            attributions: a.attributions().iter().map(AttributionJson::new).collect(),
            sources: a.sources().iter().map(SourceSummaryJson::new).collect(),
        }
    }
}

impl<'a> ClaimJson<'a> {
    fn new(c: &'a Claim, rank: usize) -> Self {
        Self {
            index: c.index,
            rank,
            text: &c.text,
            start: c.span.start,
            end: c.span.end,
            sentence: c.sentence,
            clause: c.clause,
            kind: c.kind.as_str(),
            kind_cue: c.kind_cue.as_deref(),
            headline: c.headline,
            hedges: c.hedges.iter().map(HedgeJson::new).collect(),
            certainty: round(c.certainty),
            certainty_level: c.certainty_level.as_str(),
            attribution: c.attribution.as_ref().map(AttributionJson::new),
            features: FeaturesJson::new(&c.features),
            checkworthiness: round(c.checkworthiness),
            checkworthiness_explanation: ExplanationJson::new(&c.checkworthiness_explanation),
            score: round(c.score),
            explanation: ExplanationJson::new(&c.explanation),
            admiralty: AdmiraltyJson {
                grade: c.admiralty.to_string(),
                reliability: c.admiralty.reliability.as_str(),
                credibility: c.admiralty.credibility.number(),
                reliability_reason: &c.admiralty.reliability_reason,
                credibility_reason: &c.admiralty.credibility_reason,
            },
        }
    }
}

impl<'a> HedgeJson<'a> {
    fn new(h: &'a Hedge) -> Self {
        Self {
            cue: &h.cue,
            category: h.category.as_str(),
            start: h.span.start,
            end: h.span.end,
            weight: round(h.weight),
            negated: h.negated,
            in_quote: h.in_quote,
            attributive: h.attributive,
        }
    }
}

impl<'a> AttributionJson<'a> {
    fn new(a: &'a Attribution) -> Self {
        Self {
            cue: &a.cue,
            cue_start: a.cue_span.start,
            cue_end: a.cue_span.end,
            kind: a.kind.as_str(),
            anonymous: a.anonymous,
            content_start: a.content.start,
            content_end: a.content.end,
            sources: a.sources.iter().map(SourceJson::new).collect(),
        }
    }
}

impl<'a> SourceJson<'a> {
    fn new(s: &'a Source) -> Self {
        Self {
            text: &s.text,
            kind: s.kind.as_str(),
            name: &s.name,
            resolved: s.resolved,
            start: s.span.map(|sp: Span| sp.start),
            end: s.span.map(|sp: Span| sp.end),
        }
    }
}

impl<'a> FeaturesJson<'a> {
    fn new(f: &'a ClaimFeatures) -> Self {
        Self {
            numbers: &f.numbers,
            dates: &f.dates,
            entities: &f.entities,
            comparatives: &f.comparatives,
            causal: &f.causal,
        }
    }
}

impl<'a> ExplanationJson<'a> {
    pub(crate) fn new(e: &'a Explanation) -> Self {
        Self {
            base: round(e.base),
            contributions: e.contributions.iter().map(ContributionJson::new).collect(),
            raw: round(e.raw),
            value: round(e.value),
            link: (!e.link.is_identity()).then(|| e.link.as_str()),
        }
    }
}

impl<'a> ContributionJson<'a> {
    fn new(c: &'a Contribution) -> Self {
        Self {
            signal: &c.signal,
            value: round(c.value),
            weight: round(c.weight),
            contribution: round(c.contribution),
            detail: &c.detail,
        }
    }
}

impl<'a> SourceSummaryJson<'a> {
    fn new(s: &'a SourceSummary) -> Self {
        Self {
            name: &s.name,
            kind: s.kind.as_str(),
            mentions: &s.mentions,
            claims: &s.claims,
            reliability: round(s.reliability),
            grade: s.grade.as_str(),
            explanation: ExplanationJson::new(&s.explanation),
        }
    }
}

/// Re-indents a pretty-printed JSON value so it can be embedded `levels` deep in a larger
/// pretty-printed document (JSON strings never hold a raw newline, so splitting lines is safe).
pub(crate) fn indent(pretty: &str, levels: usize) -> String {
    let pad = "  ".repeat(levels);
    let mut out = String::with_capacity(pretty.len() + pretty.len() / 8);
    for (i, line) in pretty.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&pad);
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_keeps_six_decimals() {
        assert!((round(0.1 + 0.2) - 0.3).abs() < f64::EPSILON);
        assert_eq!(serde_json::to_string(&round(0.1 + 0.2)).ok().as_deref(), Some("0.3"));
        assert!(round(f64::NAN).is_nan());
        assert_eq!(serde_json::to_string(&round(-0.0)).ok().as_deref(), Some("0.0"));
    }

    #[test]
    fn indent_prefixes_every_line() {
        assert_eq!(indent("{\n  \"a\": 1\n}", 2), "    {\n      \"a\": 1\n    }");
    }
}
