//! Content: where the attributed content starts and ends (trimmed, stretched over a quotation it
//! cuts, a characterisation's object) and whether it is given as a quotation.

use crate::segment::Quote;
use crate::span::{Span, trim_span};

use super::extractor::Ctx;
use super::model::AttributionKind;
use super::words::{words_in, words_of};

pub(super) const CONTENT_TRIM: [char; 14] = [
    ',', ';', ':', '"', '\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}', '\u{ab}', '\u{bb}', '\u{2014}', '-', '\'', '`',
];

pub(super) fn content_kind(ctx: &Ctx<'_>, content: Span) -> AttributionKind {
    let mut any = false;
    for q in ctx.quotes_over(content) {
        if q.content.overlap(content) == 0 {
            continue;
        }
        any = true;
        if q.content.contains(content)
            || (content.start.abs_diff(q.content.start) <= 1 && content.end.abs_diff(q.content.end) <= 1)
        {
            return AttributionKind::Direct;
        }
    }
    if any { AttributionKind::Mixed } else { AttributionKind::Indirect }
}

/// The object and complement of a characterising cue without a quotation ("calling Trump a
/// fascist", "called him divisive"): an object pronoun, or a capitalised name before "a"/"an",
/// and at least one word after it; up to a comma, a semicolon or "and".
pub(super) fn characterisation(text: &str, content: Span) -> Option<Span> {
    let words = words_in(text, content);
    let first = words.first()?;
    let object = ["him", "her", "them", "it"].contains(&first.text)
        || first.capitalised() && words.get(1).is_some_and(|w| ["a", "an"].contains(&w.text));
    if !object || words.len() < 2 {
        return None;
    }
    let mut end = words[0].span.end;
    for (i, w) in words.iter().enumerate().skip(1) {
        if w.text == "and" {
            break;
        }
        end = w.span.end;
        if i >= 12 || w.text.ends_with([',', ';', '.', ':']) {
            break;
        }
    }
    let span = tidy_content(text, Span::new(words[0].span.start, end));
    words_of(text, span).nth(1).is_some().then_some(span)
}

/// The complement of "described as" in a free relative ("an internal audit found what officials
/// described as serious irregularities"): the source follows "what", and the content, "as ...",
/// is what the source calls the thing; the content is the complement without "as" ("serious
/// irregularities"), the thing itself being the content of the outer cue.
pub(super) fn free_relative_complement(text: &str, source_start: usize, content: Span) -> Option<Span> {
    let before = text[..source_start].trim_end();
    let what = before.rsplit(char::is_whitespace).next()?;
    if !what.eq_ignore_ascii_case("what") {
        return None;
    }
    let c = content.slice(text);
    let rest = c.strip_prefix("as ")?;
    let span = tidy_content(text, Span::new(content.end - rest.len(), content.end));
    (!span.is_empty()).then_some(span)
}

/// Days and times that a speech tag places before its content ("said Tuesday that ...").
const TIME_WORDS: [&str; 10] =
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight"];
/// Parts of a day after a day's name ("Tuesday night").
const DAY_PARTS: [&str; 4] = ["morning", "afternoon", "evening", "night"];
/// Adverbs of manner or frequency a speech tag takes before its content ("said repeatedly that").
const TAG_ADVERBS: [&str; 5] = ["repeatedly", "privately", "publicly", "recently", "previously"];

/// The content after a cue without the time or manner adverbial that opens it ("said Tuesday
/// that ...", "told reporters on Monday the talks ...", "said Tuesday night that ...", "said
/// last week that ...", "said repeatedly that ..."): the adverbial belongs to the speech act, not to
/// what was said. The content keeps at least two words.
pub(super) fn after_time_adverbial(text: &str, cue: Span, content: Span) -> Span {
    if content.start < cue.end {
        return content;
    }
    let words = words_in(text, content);
    let lower = |i: usize| words.get(i).map(|w| w.text.trim_end_matches(',').to_lowercase()).unwrap_or_default();
    let mut i = 0;
    if lower(0) == "on" && TIME_WORDS[..7].contains(&lower(1).as_str()) {
        i = 1;
    }
    let w = lower(i);
    let skip = if TIME_WORDS.contains(&w.as_str()) {
        if DAY_PARTS.contains(&lower(i + 1).as_str()) && !words[i].text.ends_with(',') { i + 2 } else { i + 1 }
    } else if TAG_ADVERBS.contains(&w.as_str()) && i == 0 {
        1
    } else if i == 0 && w == "last" && ["week", "month", "year"].contains(&lower(1).as_str()) {
        2
    } else {
        return content;
    };
    if words.len() < skip + 2 || words[skip - 1].text.ends_with('\'') || words[skip - 1].text.ends_with('\u{2019}') {
        return content;
    }
    Span::new(words[skip].span.start, content.end)
}

/// `left` without its closing quotation mark when it ends with a comma inside a short quotation
/// (at most four words) that opens after a lower-case word: a scare quote inside an appositive
/// ("who calls Trump a “sociopath,”"), not a quotation that is the content ("“Nobody cares,”").
pub(super) fn scare_quote_comma(text: &str, left: Span) -> Option<Span> {
    let s = left.slice(text);
    let (body, closer) = [",\u{201d}", ",\""].iter().find_map(|m| s.strip_suffix(m).map(|b| (b, m.len() - 1)))?;
    let open = body.rfind(['\u{201c}', '"'])?;
    let quoted = &body[open..];
    let before = body[..open].trim_end();
    if quoted.split_whitespace().count() > 4 || !body[..open].ends_with(' ') {
        return None;
    }
    let prev = before.rsplit(char::is_whitespace).next()?;
    (prev.starts_with(char::is_lowercase) && prev.ends_with(char::is_alphabetic))
        .then(|| Span::new(left.start, left.end - closer))
}

/// Byte offset of the first ", " in `span` outside any quotation.
pub(super) fn first_comma_outside_quotes(ctx: &Ctx<'_>, span: Span) -> Option<usize> {
    span.slice(ctx.text)
        .match_indices(", ")
        .map(|(i, _)| span.start + i)
        .find(|&i| !ctx.quotes_over(Span::new(i, i + 1)).any(|q| q.span.start < i && i < q.span.end))
}

/// The content of a top-level quotation that ends (closing mark included) just before `start`,
/// with only white space between.
pub(super) fn preceding_quote(ctx: &Ctx<'_>, start: usize) -> Option<Span> {
    let i = ctx.top_quotes.partition_point(|q| q.span.end <= start);
    let q = ctx.top_quotes[..i].iter().rev().find(|q| q.closed)?;
    let gap = &ctx.text[q.span.end..start];
    (gap.trim().is_empty() && !q.content.is_empty()).then(|| tidy_content(ctx.text, q.content))
}

pub(super) fn strip_final_period(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    if s.ends_with('.') {
        let token = s.rsplit(char::is_whitespace).next().unwrap_or("");
        // Keep the period of a dotted abbreviation ("U.S.").
        if token.matches('.').count() == 1 {
            return Span::new(span.start, span.end - 1);
        }
    }
    span
}

/// Extends a content span over a quotation it cuts, unless the cue itself is inside that quote.
pub(super) fn extend_over_quotes(ctx: &Ctx<'_>, content: Span, cue: Span) -> Span {
    let mut c = content;
    let candidates: Vec<&Quote> =
        ctx.quotes_over(Span::new(content.start, content.end.max(content.start + 1))).collect();
    for q in candidates {
        if q.span.contains(cue) {
            continue;
        }
        if q.span.start < c.start && c.start < q.span.end {
            c.start = q.content.start;
        }
        if q.span.start < c.end && c.end < q.span.end && q.span.start >= c.start.saturating_sub(1) {
            c.end = q.content.end;
        }
    }
    c
}

pub(super) fn tidy_content(text: &str, span: Span) -> Span {
    let t = trim_span(text, span, &CONTENT_TRIM);
    let t = strip_final_period(text, t);
    trim_span(text, t, &CONTENT_TRIM)
}

/// Words opening an adjunct after a mid-sentence speech tag, in the author's voice ("..., he
/// said, without giving details").
pub(super) const TAIL_ADJUNCTS: [&str; 14] = [
    "without",
    "before",
    "after",
    "while",
    "when",
    "as",
    "in",
    "at",
    "on",
    "during",
    "according",
    "with",
    "from",
    "to",
];
