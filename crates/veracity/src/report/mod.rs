//! One report shape for every front end: the JSON document of an analysis
//! (`veracity.article/1`) and the table rows (articles, claims, hedges, attributions, sources,
//! corroborated claims, profiles) that the command line and the Python binding write.
//!
//! Results are read through an [`AnalysisView`]: the borrowed parts of an analysis and the unit
//! its spans are in. The core's [`Analysis`](crate::Analysis) holds byte spans
//! ([`AnalysisView::of`]); the Python binding holds code-point spans and builds its view with
//! [`AnalysisView::from_parts`]. Every writer converts spans to the unit the caller asks for
//! ([`Offsets`]) and names that unit in the output.

mod offsets;
pub mod rows;

#[cfg(feature = "serde")]
mod json;

pub use offsets::{Offsets, SpanMap};
pub use rows::{Column, ColumnData, TABLE_KINDS, Table};

#[cfg(feature = "serde")]
pub use json::{
    ARTICLE_SCHEMA, AdmiraltyReport, ArticleReport, AttributionReport, ClaimReport, ContributionReport,
    ExplanationReport, FeaturesReport, HedgeReport, ProvenanceReport, REPORT_SCHEMA, ReportOptions, SourceReport,
    SourceSummaryReport, read_articles, round,
};

use crate::config::CertaintyWeights;
use crate::{
    Analysis, Article, ArticleSignals, Attribution, Claim, Explanation, Hedge, Paragraph, Quote, Sentence,
    SourceSummary,
};

/// The parts of one analysis, borrowed, and the unit of their spans.
#[derive(Debug, Clone, Copy)]
pub struct AnalysisView<'a> {
    /// The article: text and metadata.
    pub article: &'a Article,
    /// See [`Analysis::paragraphs`].
    pub paragraphs: &'a [Paragraph],
    /// See [`Analysis::sentences`].
    pub sentences: &'a [Sentence],
    /// See [`Analysis::quotes`].
    pub quotes: &'a [Quote],
    /// See [`Analysis::hedges`].
    pub hedges: &'a [Hedge],
    /// See [`Analysis::attributions`].
    pub attributions: &'a [Attribution],
    /// See [`Analysis::claims`].
    pub claims: &'a [Claim],
    /// See [`Analysis::sources`].
    pub sources: &'a [SourceSummary],
    /// See [`Analysis::signals`].
    pub signals: &'a ArticleSignals,
    /// See [`Analysis::credibility_explanation`].
    pub credibility: &'a Explanation,
    /// See [`Analysis::certainty_weights`].
    pub certainty_weights: &'a CertaintyWeights,
    /// The unit every span above is in.
    pub offsets: Offsets,
}

impl<'a> AnalysisView<'a> {
    /// A view of a core analysis (byte spans).
    #[must_use]
    pub fn of(a: &'a Analysis) -> Self {
        Self {
            article: a.article(),
            paragraphs: a.paragraphs(),
            sentences: a.sentences(),
            quotes: a.quotes(),
            hedges: a.hedges(),
            attributions: a.attributions(),
            claims: a.claims(),
            sources: a.sources(),
            signals: a.signals(),
            credibility: a.credibility_explanation(),
            certainty_weights: a.certainty_weights(),
            offsets: Offsets::Bytes,
        }
    }

    /// The analysed text.
    #[must_use]
    pub fn text(&self) -> &'a str {
        self.article.text()
    }

    /// Claims ranked by check-worthiness, highest first (stable: ties keep text order), as
    /// [`Analysis::ranked_claims`].
    #[must_use]
    pub fn ranked_claims(&self) -> Vec<&'a Claim> {
        let mut v: Vec<&Claim> = self.claims.iter().collect();
        v.sort_by(|a, b| b.checkworthiness.total_cmp(&a.checkworthiness));
        v
    }

    /// A map from this view's spans to `to`.
    #[must_use]
    pub fn span_map(&self, to: Offsets) -> SpanMap {
        SpanMap::new(self.text(), self.offsets, to)
    }
}

impl<'a> From<&'a Analysis> for AnalysisView<'a> {
    fn from(a: &'a Analysis) -> Self {
        Self::of(a)
    }
}
