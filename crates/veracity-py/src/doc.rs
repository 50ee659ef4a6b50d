//! Byte offsets -> code-point offsets, and the report shape of an analysis.
//!
//! The core reports byte spans; Python slices strings by code point. An analysis is converted
//! once, right after the core returns it (still without the GIL): one byte->char table
//! (`veracity::report::SpanMap`) is built for the text and every span of every result is
//! rewritten through it. From then on the binding only holds code-point spans, so
//! `text[c.start:c.end] == c.text` in Python. JSON and tables are shaped by the core's
//! `veracity::report` from a view of these parts, the same shape the command line writes.

use std::sync::OnceLock;

use veracity::report::{AnalysisView, Offsets, SpanMap};
use veracity::{Analysis, Article, Attribution, Claim, Hedge, Paragraph, Quote, Sentence, Source, SourceSummary, Span};

/// An analysis with code-point spans.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DocData {
    pub(crate) article: Article,
    pub(crate) paragraphs: Vec<Paragraph>,
    pub(crate) sentences: Vec<Sentence>,
    pub(crate) quotes: Vec<Quote>,
    pub(crate) hedges: Vec<Hedge>,
    pub(crate) attributions: Vec<Attribution>,
    pub(crate) claims: Vec<Claim>,
    pub(crate) sources: Vec<SourceSummary>,
    pub(crate) signals: veracity::ArticleSignals,
    pub(crate) credibility: veracity::Explanation,
    /// The analyser's certainty weights (for `factuality_at`).
    pub(crate) config_certainty: veracity::config::CertaintyWeights,
}

type SpanFn<'a> = dyn FnMut(&mut Span) + 'a;

pub(crate) fn hedge_spans(h: &mut Hedge, f: &mut SpanFn<'_>) {
    f(&mut h.span);
}

pub(crate) fn source_spans(s: &mut Source, f: &mut SpanFn<'_>) {
    if let Some(span) = &mut s.span {
        f(span);
    }
}

pub(crate) fn attribution_spans(a: &mut Attribution, f: &mut SpanFn<'_>) {
    f(&mut a.cue_span);
    f(&mut a.content);
    for s in &mut a.sources {
        source_spans(s, f);
    }
}

pub(crate) fn claim_spans(c: &mut Claim, f: &mut SpanFn<'_>) {
    f(&mut c.span);
    for h in &mut c.hedges {
        hedge_spans(h, f);
    }
    if let Some(a) = &mut c.attribution {
        attribution_spans(a, f);
    }
}

pub(crate) fn quote_spans(q: &mut Quote, f: &mut SpanFn<'_>) {
    f(&mut q.span);
    f(&mut q.content);
}

impl DocData {
    fn spans(&mut self, f: &mut SpanFn<'_>) {
        self.paragraphs.iter_mut().for_each(|p| f(&mut p.span));
        self.sentences.iter_mut().for_each(|s| f(&mut s.span));
        self.quotes.iter_mut().for_each(|q| quote_spans(q, f));
        self.hedges.iter_mut().for_each(|h| hedge_spans(h, f));
        self.attributions.iter_mut().for_each(|a| attribution_spans(a, f));
        self.claims.iter_mut().for_each(|c| claim_spans(c, f));
    }

    /// Copies a core analysis and rewrites every span to code-point offsets.
    pub(crate) fn from_analysis(a: Analysis) -> Self {
        let p = a.into_parts();
        let mut data = DocData {
            article: p.article,
            paragraphs: p.paragraphs,
            sentences: p.sentences,
            quotes: p.quotes,
            hedges: p.hedges,
            attributions: p.attributions,
            claims: p.claims,
            sources: p.sources,
            signals: p.signals,
            credibility: p.credibility,
            config_certainty: p.certainty_weights,
        };
        let map = SpanMap::new(data.article.text(), Offsets::Bytes, Offsets::CodePoints);
        data.spans(&mut |s: &mut Span| *s = map.span(*s));
        data
    }

    /// The parts as a report view (code-point spans).
    pub(crate) fn view(&self) -> AnalysisView<'_> {
        AnalysisView {
            article: &self.article,
            paragraphs: &self.paragraphs,
            sentences: &self.sentences,
            quotes: &self.quotes,
            hedges: &self.hedges,
            attributions: &self.attributions,
            claims: &self.claims,
            sources: &self.sources,
            signals: &self.signals,
            credibility: &self.credibility,
            certainty_weights: &self.config_certainty,
            offsets: Offsets::CodePoints,
        }
    }

    /// The core `Analysis` again, with byte spans (for `veracity::Corpus` and `corroborate`, which
    /// take the core type): spans converted back, parts reassembled, invariants checked.
    pub(crate) fn to_core(&self) -> Result<Analysis, String> {
        let map = SpanMap::new(self.article.text(), Offsets::CodePoints, Offsets::Bytes);
        let mut data = self.clone();
        data.spans(&mut |s: &mut Span| *s = map.span(*s));
        let DocData {
            article,
            paragraphs,
            sentences,
            quotes,
            hedges,
            attributions,
            claims,
            sources,
            signals,
            credibility,
            config_certainty,
        } = data;
        let a = Analysis::from_parts(veracity::AnalysisParts {
            article,
            paragraphs,
            sentences,
            quotes,
            hedges,
            attributions,
            claims,
            sources,
            signals,
            credibility,
            certainty_weights: config_certainty,
        });
        a.check_invariants()?;
        Ok(a)
    }
}

/// A text with a lazily built char->byte table, to slice it by code-point spans.
#[derive(Debug)]
pub(crate) struct CharText {
    char_starts: OnceLock<Vec<usize>>,
}

impl CharText {
    pub(crate) fn new() -> Self {
        Self { char_starts: OnceLock::new() }
    }

    /// `text[span]` with `span` in code points; `""` if the span is out of range.
    pub(crate) fn slice<'t>(&self, text: &'t str, span: Span) -> &'t str {
        let starts = self
            .char_starts
            .get_or_init(|| text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).collect());
        match (starts.get(span.start), starts.get(span.end)) {
            (Some(&a), Some(&b)) if a <= b => text.get(a..b).unwrap_or(""),
            _ => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_by_chars() {
        let c = CharText::new();
        let text = "Román — “yes”";
        assert_eq!(c.slice(text, Span::new(0, 5)), "Román");
        assert_eq!(c.slice(text, Span::new(8, 13)), "“yes”");
        assert_eq!(c.slice(text, Span::new(8, 99)), "");
    }

    #[test]
    fn converted_spans_slice_like_bytes() {
        let text = "Román Lejtman wrote that “the deal” may have collapsed — allegedly.";
        let a = veracity::analyze(text).expect("analysis");
        let d = DocData::from_analysis(a.clone());
        let c = CharText::new();
        for (core, conv) in a.claims().iter().zip(&d.claims) {
            assert_eq!(core.span.slice(text), c.slice(text, conv.span));
            for (h, hc) in core.hedges.iter().zip(&conv.hedges) {
                assert_eq!(h.span.slice(text), c.slice(text, hc.span));
            }
        }
        // And back: the core analysis again, identical.
        assert_eq!(d.to_core().expect("parts fit"), a);
    }
}
