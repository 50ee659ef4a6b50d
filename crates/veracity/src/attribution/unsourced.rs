//! Unsourced attributions: evidentials ("seems", "it appears that"), expectations ("is expected
//! to"), "reportedly", and questions put to someone ("Asked about ..., X said").

use crate::segment::{Paragraph, ParagraphKind, Quote, Sentence};
use crate::span::Span;
use crate::text::lexicon::BE_FORMS;

use super::content::{content_kind, first_comma_outside_quotes, tidy_content};
use super::cue::ASKED_OPENERS;
use super::extractor::{AttributionExtractor, Ctx};
use super::model::{Attribution, CueType};
use super::words::{CUE_AUXILIARIES, Word, cue_adverb};

/// Evidential verbs: "X seems to ...", "it appears that ...".
const EVIDENTIALS: [&str; 6] = ["seem", "seems", "seemed", "appear", "appears", "appeared"];

/// Words after "asked" that open the question ("asked whether ...", "asked about ...").
const QUESTION_OPENERS: [&str; 12] =
    ["about", "whether", "if", "what", "why", "how", "who", "when", "where", "which", "to", "for"];

impl AttributionExtractor {
    /// Attributions with no source of their own (see [`crate::Analyzer::unsourced_attributions`]):
    /// evidentials ("X seemed to ...", "it appears that ..."), expectations ("X is expected to
    /// ..."), "reportedly", and questions put to someone ("Asked about ..., X said", "X was asked
    /// whether ..."). Cues already in `sourced` are skipped.
    pub(crate) fn extract_unsourced(
        &self,
        text: &str,
        paragraphs: &[Paragraph],
        sentences: &[Sentence],
        quotes: &[Quote],
        sourced: &[Attribution],
    ) -> Vec<Attribution> {
        let ctx = Ctx::new(text, paragraphs, quotes, Vec::new());
        let mut out = Vec::new();
        for sent in sentences {
            if !matches!(paragraphs[sent.paragraph].kind, ParagraphKind::Body | ParagraphKind::Headline) {
                continue;
            }
            let words = ctx.words_in(sent.span);
            for i in 0..words.len() {
                if let Some((cue, content)) = unsourced_at(&ctx, sent.span, &words, i) {
                    // A cue inside a closed quotation is the quoted speaker's (as for sourced cues).
                    if ctx.quotes_over(cue).any(|q| q.closed && q.content.contains(cue)) {
                        continue;
                    }
                    if sourced.iter().any(|a| a.cue_span.overlap(cue) > 0) || content.is_empty() {
                        continue;
                    }
                    out.push(Attribution {
                        cue: cue.slice(text).to_owned(),
                        cue_span: cue,
                        sources: Vec::new(),
                        content,
                        kind: content_kind(&ctx, content),
                        anonymous: false,
                        cue_type: unsourced_type(cue.slice(text)),
                    });
                }
            }
        }
        out
    }
}
/// What a sourceless cue reports: an evidential ("seems") a perception, an expectation a belief,
/// "reportedly" a relayed report, and a question put to someone ("Asked about ...") speech.
fn unsourced_type(cue: &str) -> CueType {
    let last = cue.rsplit(' ').next().unwrap_or(cue).to_lowercase();
    if EVIDENTIALS.contains(&last.as_str()) {
        CueType::Perception
    } else if last == "expected" {
        CueType::Belief
    } else if last == "reportedly" {
        CueType::Reported
    } else {
        CueType::Speech
    }
}

/// The cue and content of a sourceless attribution whose cue word is `words[i]`, if any.
fn unsourced_at(ctx: &Ctx<'_>, sent: Span, words: &[Word<'_>], i: usize) -> Option<(Span, Span)> {
    let text = ctx.text;
    let w = &words[i];
    let l = w.lower();
    let l: &str = &l;
    let next = words.get(i + 1);
    let next_l = next.map(Word::lower).unwrap_or_default();
    let plain = !w.text.ends_with(|c: char| !c.is_alphanumeric());
    // The cue takes in auxiliaries, "not" and adverbs on its left ("may seem", "is widely
    // expected", "has reportedly").
    let widen = |start: usize| {
        let mut s = start;
        for b in words[..i].iter().rev() {
            let bl = b.lower();
            if b.text.ends_with(|c: char| !c.is_alphanumeric())
                || b.capitalised()
                || !(CUE_AUXILIARIES.contains(&bl.as_ref()) || cue_adverb(b) || bl == "not")
            {
                break;
            }
            s = b.span.start;
        }
        s
    };
    let rest = |from: usize| tidy_content(text, Span::new(from, sent.end));
    if EVIDENTIALS.contains(&l) {
        // "appeared on CNN" is not evidential: "appear" needs "to", "that", "as" or a comma.
        let appear = l.starts_with("appear");
        let ok = if appear {
            ["to", "that", "as"].contains(&next_l.as_ref()) && plain || w.text.ends_with(',') && i > 0
        } else {
            next.is_some() && !w.capitalised()
        };
        if !ok || w.capitalised() && i > 0 {
            return None;
        }
        let lead = w.text.find(|c: char| c.is_alphanumeric())?;
        let start = w.span.start + lead;
        let cue = Span::new(widen(start), start + w.bare().len());
        return Some((cue, rest(next?.span.start)));
    }
    if l == "expected" && plain && next_l == "to" {
        // "X is expected to win": a be-form (with adverbs or "not") before it.
        let be = words[..i].iter().rev().find(|b| !cue_adverb(b) && b.lower() != "not")?;
        if !BE_FORMS.contains(&be.lower().as_ref()) || be.text.ends_with(|c: char| !c.is_alphanumeric()) {
            return None;
        }
        let cue = Span::new(widen(w.span.start), w.span.end);
        return Some((cue, rest(next?.span.start)));
    }
    if l == "reportedly" && plain && !w.capitalised() {
        let cue = w.span;
        return Some((cue, rest(next?.span.start)));
    }
    if l == "asked" && plain {
        // "Asked about ...", "When asked whether ...", "X was asked if ...": the question put to
        // someone, with no asker named. "asked by reporters" names the asker.
        let prev = i.checked_sub(1).map(|p| words[p].lower());
        // "When asked ..." opening the sentence, or after a speech tag ("..., Christie said when
        // asked whether ..."; not "was once asked", nor a request, "when asked to do so").
        let opens = i == 0
            || prev.as_deref().is_some_and(|p| ASKED_OPENERS.contains(&p)) && i == 1
            || prev.as_deref().is_some_and(|p| ["when", "after", "if", "while"].contains(&p)) && next_l != "to";
        let passive = prev.as_deref().is_some_and(|p| ["was", "were", "been", "being"].contains(&p));
        if !(opens || passive) || !QUESTION_OPENERS.contains(&next_l.as_ref()) {
            return None;
        }
        let next = next?;
        let mut cue = Span::new(if passive { widen(w.span.start) } else { w.span.start }, w.span.end);
        let mut from = next.span.start;
        if next_l == "about" && next.text.ends_with(|c: char| c.is_alphanumeric()) {
            cue.end = next.span.end;
            from = words.get(i + 2)?.span.start;
        }
        let span = Span::new(from, sent.end);
        let end = if opens { first_comma_outside_quotes(ctx, span).unwrap_or(sent.end) } else { sent.end };
        return Some((cue, tidy_content(text, Span::new(from, end))));
    }
    None
}
