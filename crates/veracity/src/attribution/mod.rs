//! Attribution: who said what, through whom.
//!
//! For every attribution cue (reporting verb or "according to") the extractor finds the source
//! phrase and the content span, classifies the source, resolves pronouns, short names and
//! "the newspaper"/"the report" to earlier sources, and builds the chain of sources, outer first:
//! "Three sources close to the Russian government told Bloomberg News ..." gives
//! `[Bloomberg News, Three sources close to the Russian government]`, and a cue inside the content
//! of another attribution inherits that attribution's chain as its outer links.
//!
//! This module runs the stages; each stage is a module of its own:
//!
//! | module | decides |
//! |---|---|
//! | `model` | the public types: [`Attribution`], [`Source`], their kinds |
//! | `words` | the word view every rule reads, and the closed word classes it tests |
//! | `cue` | whether a cue match reports speech, which side its source is on, how far the cue reaches |
//! | `subject` | the source phrase left of a cue (subject, appositives, asides) or right of it (agent) |
//! | `noun_phrase` | the noun phrase ending a stretch of text: determiners, modifiers, roles, names |
//! | `content` | where the attributed content starts and ends, and whether it is quoted |
//! | `patterns` | attributions without a reporting verb: headline colons, speaker turns, polls |
//! | `classify` | a source phrase's kind and canonical name |
//! | `resolve` | references tied to earlier sources, chains, quotations that continue a turn |
//! | `unsourced` | attributions with no source: evidentials, expectations, questions put |

mod classify;
mod content;
mod cue;
mod model;
mod noun_phrase;
mod patterns;
mod resolve;
mod subject;
mod unsourced;
mod words;

pub use model::{Attribution, AttributionKind, Source, SourceKind};

use crate::config::{Config, CueKind};
use crate::matcher::PhraseMatcher;
use crate::segment::{Paragraph, ParagraphKind, Quote, Sentence};
use crate::span::{Span, SpanIndex};

use classify::Lexicon;
use patterns::{headline_colon, in_a_poll, in_a_poll_after, speaker_turn};

/// How far (bytes) on each side of a cue its sentence is read. Real sentences are much shorter;
/// the clip keeps a pathological "sentence" (a page with no full stop) linear in time.
const MAX_CONTEXT_BYTES: usize = 600;

#[derive(Debug, Clone, Copy)]
struct CueEntry {
    kind: CueKind,
    requires_quote: bool,
}

/// A source before classification: its span in the text.
#[derive(Debug, Clone, Copy)]
struct RawSource {
    span: Span,
    /// The span reported as the source's text: `span` widened over an appositive or relative
    /// clause ("David Axelrod, a former adviser"), as PolNeAR marks sources. Classification and
    /// the canonical name use `span` only.
    display: Option<Span>,
}

#[derive(Debug, Clone)]
struct RawAttribution {
    cue: Span,
    /// Outer first.
    sources: Vec<RawSource>,
    content: Span,
    /// The rest of the sentence after a mid-sentence speech tag ("A wall would stop crime, she
    /// said, but also drugs"): a second part of the content, given as another attribution with
    /// the same cue (PolNeAR's discontinuous content).
    tail: Option<Span>,
}

/// Finds attributions with the configured cue lexicon and source word lists.
#[derive(Debug, Clone)]
pub(crate) struct AttributionExtractor {
    cues: PhraseMatcher,
    entries: Vec<CueEntry>,
    lex: Lexicon,
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
struct Ctx<'a> {
    text: &'a str,

    /// Top-level (not nested) quotes, and an index over their spans.
    top_quotes: Vec<Quote>,
    top_index: SpanIndex,
    /// Spans of every cue match, to keep a source phrase from swallowing another cue.
    cue_spans: Vec<Span>,
}

impl Ctx<'_> {
    /// Top-level quotes sharing a byte with `span`.
    fn quotes_over(&self, span: Span) -> impl Iterator<Item = &Quote> + '_ {
        self.top_index.overlapping(span).map(|i| &self.top_quotes[i])
    }
}

impl AttributionExtractor {
    pub(crate) fn new(config: &Config) -> Self {
        let mut entries = Vec::new();
        let mut phrases = Vec::new();
        for g in config.cue_groups.values() {
            for p in &g.phrases {
                phrases.push((p.as_str(), entries.len()));
                entries.push(CueEntry { kind: g.kind, requires_quote: g.requires_quote });
            }
        }
        Self { cues: PhraseMatcher::new(phrases), entries, lex: Lexicon::new(&config.sources) }
    }

    pub(crate) fn extract(
        &self,
        text: &str,
        paragraphs: &[Paragraph],
        sentences: &[Sentence],
        quotes: &[Quote],
    ) -> Vec<Attribution> {
        let matches = self.cues.find(text);
        let mut top_quotes: Vec<Quote> = quotes.iter().filter(|q| !q.nested).copied().collect();
        top_quotes.extend(doubled_quotes(text, paragraphs, &top_quotes));
        top_quotes.sort_by_key(|q| q.span.start);
        let top_index = SpanIndex::new(top_quotes.iter().map(|q| q.span));
        let ctx = Ctx { text, top_quotes, top_index, cue_spans: matches.iter().map(|m| m.span).collect() };
        let starts: Vec<usize> = sentences.iter().map(|s| s.span.start).collect();
        let mut raws: Vec<RawAttribution> = Vec::new();
        for m in matches {
            let idx = match starts.binary_search(&m.span.start) {
                Ok(i) => i,
                Err(0) => continue,
                Err(i) => i - 1,
            };
            let sent = sentences[idx];
            if !sent.span.contains(m.span) {
                continue;
            }
            if !matches!(paragraphs[sent.paragraph].kind, ParagraphKind::Body | ParagraphKind::Headline) {
                continue;
            }
            let entry = self.entries[m.payload];
            let context = clip_context(text, sent.span, m.span);
            if let Some(raw) = self.attribute(&ctx, context, m.span, entry) {
                raws.push(raw);
            }
        }
        // The headline: a headline paragraph, or the first sentence of a text whose headline ends
        // with a period (and so reads as body).
        for (i, sent) in sentences.iter().enumerate() {
            let kind = paragraphs[sent.paragraph].kind;
            if kind == ParagraphKind::Headline || i == 0 && sent.paragraph == 0 && kind == ParagraphKind::Body {
                let found = headline_colon(text, sent.span).filter(|r| self.headline_source_ok(text, r, &raws));
                raws.extend(found);
            } else if kind == ParagraphKind::Body && sent.span.start == paragraphs[sent.paragraph].span.start {
                raws.extend(speaker_turn(text, sent.span, paragraphs[sent.paragraph].span));
            }
            if kind == ParagraphKind::Body {
                raws.extend(in_a_poll(&ctx, sent.span));
                raws.extend(in_a_poll_after(text, sent.span));
            }
        }
        self.finish(&ctx, raws)
    }
}
/// The part of `sentence` within [`MAX_CONTEXT_BYTES`] of `cue`, on character boundaries.
fn clip_context(text: &str, sentence: Span, cue: Span) -> Span {
    let mut start = sentence.start.max(cue.start.saturating_sub(MAX_CONTEXT_BYTES));
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = sentence.end.min(cue.end.saturating_add(MAX_CONTEXT_BYTES));
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Span::new(start, end)
}
