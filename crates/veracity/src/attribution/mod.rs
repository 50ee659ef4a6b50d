//! Attribution: who said what, through whom.
//!
//! For every attribution cue (reporting verb or "according to") the extractor finds the source
//! phrase and the content span, classifies the source, resolves pronouns, short names and
//! "the newspaper"/"the report" to earlier sources, and builds the chain of sources, outer first:
//! "Three sources close to the Russian government told Bloomberg News ..." gives
//! `[Bloomberg News, Three sources close to the Russian government]`, and a cue inside the content
//! of another attribution inherits that attribution's chain as its outer links.
//!
//! This module runs the stages; each job is a module of its own, and each module imports only
//! from those listed below it:
//!
//! | module | decides |
//! |---|---|
//! | `entities` | one name per entity of the article (mentions folded), the article's own outlet as the author |
//! | `unsourced` | attributions with no source: evidentials, expectations, questions put |
//! | `resolve` | sources classified, references tied to earlier sources, chains, quotations that continue a turn |
//! | `patterns` | attributions without a reporting verb: headline colons, speaker turns, polls |
//! | `cue` | whether a cue match reports speech, which side its source is on, how far the cue reaches |
//! | `subject` | the source phrase left of a cue (subject, appositives, asides) or right of it ("said X") |
//! | `classify` | a source phrase's kind and canonical name |
//! | `noun_phrase` | the noun phrase ending a stretch of text: determiners, modifiers, roles, names |
//! | `content` | where the attributed content starts and ends, and whether it is quoted |
//! | `extractor` | the extractor, the drafts its stages pass along, the article's words and quotations |
//! | `words` | the word view every rule reads, and the closed word classes it tests |
//! | `source_lexicon` | the source lexicon of the configuration, lower-cased once |
//! | `model` | the public types: [`Attribution`], [`Source`], their kinds |

mod classify;
mod content;
mod cue;
mod entities;
mod extractor;
mod model;
mod noun_phrase;
mod patterns;
mod resolve;
mod source_lexicon;
mod subject;
mod unsourced;
mod words;

pub use model::{Attribution, AttributionKind, CueType, Source, SourceKind};

pub(crate) use entities::{entity_key, opens_with_determiner, unify_sources};
pub(crate) use extractor::AttributionExtractor;

use crate::segment::{Paragraph, ParagraphKind, Quote, Sentence};
use crate::span::Span;

use extractor::{Ctx, RawAttribution};
use patterns::{headline_colon, in_a_poll, in_a_poll_after, speaker_turn};

/// How far (bytes) on each side of a cue its sentence is read. Real sentences are much shorter;
/// the clip keeps a pathological "sentence" (a page with no full stop) linear in time.
const MAX_CONTEXT_BYTES: usize = 600;

impl AttributionExtractor {
    pub(crate) fn extract(
        &self,
        text: &str,
        paragraphs: &[Paragraph],
        sentences: &[Sentence],
        quotes: &[Quote],
    ) -> Vec<Attribution> {
        let matches = self.cues.find(text);
        let ctx = Ctx::new(text, paragraphs, quotes, matches.iter().map(|m| m.span).collect());
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
                raws.extend(in_a_poll_after(&ctx, sent.span));
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
