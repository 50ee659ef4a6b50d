//! The extractor and the drafts its stages pass along: cue entries, sources and attributions as
//! spans (before classification), and the context of one article (its words and top-level
//! quotations).

use std::borrow::Cow;

use crate::config::{Config, CueKind};
use crate::matcher::PhraseMatcher;
use crate::segment::{Paragraph, Quote};
use crate::span::{Span, SpanIndex};

use super::model::CueType;
use super::source_lexicon::Lexicon;
use super::words::{Word, words_of};

/// What a cue phrase of the lexicon is: its kind, whether it needs a quotation, and what it
/// reports.
#[derive(Debug, Clone, Copy)]
pub(super) struct CueEntry {
    pub(super) kind: CueKind,
    pub(super) requires_quote: bool,
    pub(super) cue_type: CueType,
}

/// A source before classification: its span in the text.
#[derive(Debug, Clone, Copy)]
pub(super) struct RawSource {
    pub(super) span: Span,
    /// The span reported as the source's text: `span` widened over an appositive or relative
    /// clause ("David Axelrod, a former adviser"), as PolNeAR marks sources. Classification and
    /// the canonical name use `span` only.
    pub(super) display: Option<Span>,
}

/// An attribution before classification: spans only.
#[derive(Debug, Clone)]
pub(super) struct RawAttribution {
    pub(super) cue: Span,
    /// Outer first.
    pub(super) sources: Vec<RawSource>,
    pub(super) content: Span,
    /// The rest of the sentence after a mid-sentence speech tag ("A wall would stop crime, she
    /// said, but also drugs"): a second part of the content, given as another attribution with
    /// the same cue (PolNeAR's discontinuous content).
    pub(super) tail: Option<Span>,
    /// What the cue reports.
    pub(super) cue_type: CueType,
}

/// Finds attributions with the configured cue lexicon and source word lists.
#[derive(Debug, Clone)]
pub(crate) struct AttributionExtractor {
    pub(super) cues: PhraseMatcher,
    pub(super) entries: Vec<CueEntry>,
    pub(super) lex: Lexicon,
}

impl AttributionExtractor {
    pub(crate) fn new(config: &Config) -> Self {
        let mut entries = Vec::new();
        let mut phrases = Vec::new();
        for g in config.cue_groups.values() {
            for p in &g.phrases {
                phrases.push((p.as_str(), entries.len()));
                entries.push(CueEntry { kind: g.kind, requires_quote: g.requires_quote, cue_type: g.cue_type });
            }
        }
        Self { cues: PhraseMatcher::new(phrases), entries, lex: Lexicon::new(&config.sources) }
    }
}

/// Quotations marked with doubled apostrophes or backticks (`''...''`, ``` ``...'' ```), which the
/// segmenter does not pair: paired in order inside each paragraph (an unclosed one ends with its
/// paragraph), skipping any that overlap a quotation already known.
fn doubled_quotes(text: &str, paragraphs: &[Paragraph], known: &[Quote]) -> Vec<Quote> {
    let mut out = Vec::new();
    for p in paragraphs {
        let s = p.span.slice(text);
        if !s.contains("''") {
            continue;
        }
        let marks: Vec<usize> =
            s.match_indices("''").map(|(i, _)| i).chain(s.match_indices("``").map(|(i, _)| i)).collect();
        let mut marks = marks;
        marks.sort_unstable();
        let mut k = 0;
        while k < marks.len() {
            let open = p.span.start + marks[k];
            let (close, closed) = match marks.get(k + 1) {
                Some(&c) => (p.span.start + c, true),
                None => (p.span.end, false),
            };
            let span = Span::new(open, if closed { close + 2 } else { close });
            let content = Span::new(open + 2, close);
            if !known.iter().any(|q| q.span.overlap(span) > 0) {
                out.push(Quote { span, content, style: crate::segment::QuoteStyle::Straight, closed, nested: false });
            }
            k += 2;
        }
    }
    out
}

/// Context shared by the per-cue steps.
pub(super) struct Ctx<'a> {
    pub(super) text: &'a str,
    /// The words of the whole text, read once: the rules read the words of a sentence, or of
    /// its part before a cue, for every cue in it.
    words: Vec<Word<'a>>,
    /// Top-level (not nested) quotes, and an index over their spans.
    pub(super) top_quotes: Vec<Quote>,
    pub(super) top_index: SpanIndex,
    /// Spans of every cue match, to keep a source phrase from swallowing another cue.
    pub(super) cue_spans: Vec<Span>,
}

impl<'a> Ctx<'a> {
    /// The context of one article: its top-level (not nested) quotations, with those marked by
    /// doubled apostrophes or backticks, in text order, and the spans of its cue matches.
    pub(super) fn new(text: &'a str, paragraphs: &[Paragraph], quotes: &[Quote], cue_spans: Vec<Span>) -> Self {
        let mut top_quotes: Vec<Quote> = quotes.iter().filter(|q| !q.nested).copied().collect();
        top_quotes.extend(doubled_quotes(text, paragraphs, &top_quotes));
        top_quotes.sort_by_key(|q| q.span.start);
        let top_index = SpanIndex::new(top_quotes.iter().map(|q| q.span));
        let words = words_of(text, Span::new(0, text.len())).collect();
        Ctx { text, words, top_quotes, top_index, cue_spans }
    }

    /// The words of `span`, as [`super::words::words_in`] gives them: a slice of the text's
    /// words, or a copy whose first and last words are cut where `span` cuts them.
    pub(super) fn words_in(&self, span: Span) -> Cow<'_, [Word<'a>]> {
        if span.start >= span.end {
            return Cow::Borrowed(&[]);
        }
        let first = self.words.partition_point(|w| w.span.end <= span.start);
        let last = first + self.words[first..].partition_point(|w| w.span.start < span.end);
        let inside = &self.words[first..last];
        let cut = |w: &Word<'a>| w.span.start < span.start || w.span.end > span.end;
        if !inside.first().is_some_and(cut) && !inside.last().is_some_and(cut) {
            return Cow::Borrowed(inside);
        }
        let text = self.text;
        Cow::Owned(
            inside
                .iter()
                .map(|w| {
                    let s = Span::new(w.span.start.max(span.start), w.span.end.min(span.end));
                    Word { text: s.slice(text), span: s }
                })
                .collect(),
        )
    }
}

impl Ctx<'_> {
    /// Top-level quotes sharing a byte with `span`.
    pub(super) fn quotes_over(&self, span: Span) -> impl Iterator<Item = &Quote> + '_ {
        self.top_index.overlapping(span).map(|i| &self.top_quotes[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::words::words_in;

    #[test]
    fn context_words_are_the_words_of_the_span() {
        let text = "  \u{201c}Nobody cares,\u{201d} she\u{2009}said. Officials in Caracas  did not\tcomment ";
        let ctx = Ctx::new(text, &[], &[], Vec::new());
        let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        for &a in &bounds {
            for &b in bounds.iter().filter(|&&b| b >= a) {
                let span = Span::new(a, b);
                let got: Vec<_> = ctx.words_in(span).iter().map(|w| (w.span, w.text)).collect();
                let want: Vec<_> = words_in(text, span).iter().map(|w| (w.span, w.text)).collect();
                assert_eq!(got, want, "{a}..{b}");
            }
        }
    }
}
