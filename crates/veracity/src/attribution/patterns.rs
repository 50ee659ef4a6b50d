//! Attributions without a reporting verb: the headline convention "SOURCE: CONTENT", a speaker's
//! turn in a transcript ("TAPPER: ..."), and polls ("In a CBS News poll, ...", "... in a new Fox
//! News poll").

use crate::span::{Span, trim_span};

use super::content::{CONTENT_TRIM, first_comma_outside_quotes, strip_final_period, tidy_content};
use super::extractor::{AttributionExtractor, Ctx, RawAttribution, RawSource};
use super::model::{CueType, SourceKind};
use super::words::{CLAUSE_WORDS, FINITE_VERBS, OPENERS, PERSON_PRONOUNS, Word, first_word, words_in, words_of};

/// Documents that an "In ..." phrase opening a sentence attributes it to ("In a CNN poll, ...").
const POLL_HEADS: [&str; 8] = ["poll", "polls", "survey", "surveys", "study", "studies", "census", "tally"];

/// Documents and inquiries whose findings a headline reports ("Audit: ...", "Report: ..."), besides
/// polls.
const FINDING_HEADS: [&str; 8] =
    ["report", "audit", "data", "research", "investigation", "probe", "inquiry", "findings"];

/// Headline labels before a colon that name a genre, not a source ("Exclusive: ...").
const HEADLINE_LABELS: [&str; 28] = [
    "the latest",
    "latest",
    "exclusive",
    "breaking",
    "watch",
    "video",
    "live",
    "update",
    "updated",
    "photos",
    "photo",
    "opinion",
    "analysis",
    "review",
    "editorial",
    "op-ed",
    "interview",
    "explainer",
    "factbox",
    "timeline",
    "q&a",
    "correction",
    "podcast",
    "listen",
    "editor's note",
    "editor\u{2019}s note",
    "note",
    "stat of the week",
];

/// Words of page furniture before a colon: "WATCH BELOW:", "READ MORE:", "MORE PHOTOS:", "LIVE
/// UPDATES:" label a link, a video or a gallery, not a speaker or a source.
const LABEL_WORDS: [&str; 30] = [
    "watch",
    "read",
    "listen",
    "see",
    "click",
    "more",
    "photos",
    "photo",
    "video",
    "videos",
    "live",
    "updates",
    "update",
    "breaking",
    "news",
    "related",
    "also",
    "below",
    "above",
    "here",
    "gallery",
    "full",
    "story",
    "stories",
    "coverage",
    "trending",
    "sponsored",
    "advertisement",
    "audio",
    "now",
];

/// True when every word before a colon is a label word ("WATCH BELOW", "Read more").
fn label(words: &[&str]) -> bool {
    !words.is_empty()
        && words
            .iter()
            .all(|w| LABEL_WORDS.contains(&w.trim_end_matches(|c: char| !c.is_alphanumeric()).to_lowercase().as_str()))
}

/// Most words in a headline's source before its colon ("Clinton camp: ...").
const MAX_HEADLINE_SOURCE_WORDS: usize = 5;

/// Fewest words in a headline's content after the colon.
const MIN_HEADLINE_CONTENT_WORDS: usize = 3;

/// The news headline convention "SOURCE: CONTENT" ("Graham: Trump's Rhetoric Destroying GOP's
/// Chance", "Poll: Trump Ties Clinton"): the cue is the colon. The source is at most five words,
/// opens with a capital letter and is not a genre label ("Exclusive:", "Watch:").
pub(super) fn headline_colon(text: &str, sent: Span) -> Option<RawAttribution> {
    let s = sent.slice(text);
    let i = s.find(": ")?;
    let prefix = s[..i].trim();
    let words: Vec<&str> = prefix.split_whitespace().collect();
    if words.is_empty()
        || words.len() > MAX_HEADLINE_SOURCE_WORDS
        || !prefix.starts_with(char::is_uppercase)
        || prefix.contains(['"', '\u{201c}', '\u{201d}', '?', '!'])
        || HEADLINE_LABELS.contains(&prefix.to_lowercase().as_str())
        || label(&words)
    {
        return None;
    }
    let rest = &s[i + 2..];
    if rest.split_whitespace().count() < MIN_HEADLINE_CONTENT_WORDS {
        return None;
    }
    let lead = s.len() - s.trim_start().len();
    let src = Span::new(sent.start + lead, sent.start + lead + prefix.len());
    let cue = Span::new(sent.start + i, sent.start + i + 1);
    let content = trim_span(text, Span::new(sent.start + i + 2, sent.end), &CONTENT_TRIM);
    // "Poll: Trump Ties Clinton" gives a finding; "Graham: Trump's Rhetoric ..." a statement
    // relayed by the headline's convention, with no verb of saying ("according to Graham").
    let finding = words.last().is_some_and(|w| {
        let w = w.trim_end_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        POLL_HEADS.contains(&w.as_str()) || FINDING_HEADS.contains(&w.as_str())
    });
    let cue_type = if finding { CueType::Perception } else { CueType::Reported };
    Some(RawAttribution { cue, sources: vec![RawSource { span: src, display: None }], content, tail: None, cue_type })
}

/// "In a CBS News poll released Monday, Clinton led Sanders 56 percent to 32 percent": a sentence
/// opening with "In" and a poll, survey, study or census, up to a comma, attributes the rest of
/// the sentence to it (the cue is "In", as PolNeAR marks it; "In an interview, X said" is not one).
pub(super) fn in_a_poll(ctx: &Ctx<'_>, sent: Span) -> Option<RawAttribution> {
    let text = ctx.text;
    let first = first_word(text, sent)?;
    if first.text != "In" {
        return None;
    }
    let comma = first_comma_outside_quotes(ctx, Span::new(first.span.end, sent.end))?;
    let src = trim_span(text, Span::new(first.span.end, comma), &[]);
    let phrase = words_in(text, src);
    // The document's head, the last poll word ("a CBS News poll released Monday").
    let head = phrase.iter().rposition(|w| POLL_HEADS.contains(&w.lower().as_ref()))?;
    // The phrase names the document: no verb of its own clause, nor a person ("In his report").
    let plain = phrase.len() <= 14
        && names_a_thing(&phrase)
        && !["his", "her", "their", "its", "my", "our", "your"].contains(&phrase.first()?.lower().as_ref());
    if !plain {
        return None;
    }
    let content = strip_final_period(text, trim_span(text, Span::new(comma + 1, sent.end), &CONTENT_TRIM));
    // At least three words.
    words_of(text, content).nth(2)?;
    // The source is named up to its head ("a CBS News poll"); the phrase keeps what follows
    // ("released Monday").
    let named = Span::new(src.start, phrase[head].span.end);
    let display = (named != src).then_some(src);
    Some(RawAttribution {
        cue: first.span,
        sources: vec![RawSource { span: named, display }],
        content,
        tail: None,
        cue_type: CueType::Perception,
    })
}

/// True when `phrase` can name a document: no verb or clause word of its own, nor a person
/// pronoun ("In his report, ...", "polls that show").
fn names_a_thing(phrase: &[Word<'_>]) -> bool {
    !phrase.iter().any(|w| {
        let l = w.lower();
        FINITE_VERBS.contains(&l.as_ref())
            || CLAUSE_WORDS.contains(&l.as_ref())
            || PERSON_PRONOUNS.contains(&l.as_ref())
    })
}

/// "Trump achieved 45 percent support in a new Fox News poll released Thursday.": a clause
/// ended by "in" and a poll, survey or study (at most twelve words, up to a comma, semicolon or
/// the sentence's end) is attributed to it, from the clause's start (after a comma or semicolon)
/// to "in". The poll phrase may go on with a participle or place ("released Sunday", "in
/// Florida"); a verb after it ("respondents in the survey said") makes it a subject's modifier.
pub(super) fn in_a_poll_after(ctx: &Ctx<'_>, sent: Span) -> Vec<RawAttribution> {
    let text = ctx.text;
    let words = ctx.words_in(sent);
    let mut out = Vec::new();
    for i in 1..words.len() {
        if words[i].text != "in" {
            continue;
        }
        let rest = &words[i + 1..];
        let stop =
            rest.iter().position(|w| w.text.ends_with([',', ';', '.', ':', '?', '!'])).map_or(rest.len(), |k| k + 1);
        let phrase = &rest[..stop];
        if phrase.is_empty() || phrase.len() > 12 {
            continue;
        }
        let Some(head) = phrase.iter().rposition(|w| POLL_HEADS.contains(&w.lower().as_ref())) else { continue };
        let tail_ok = phrase[head + 1..].first().is_none_or(|w| {
            ["released", "conducted", "taken", "published", "in", "from", "by", "this", "last"]
                .contains(&w.lower().as_ref())
        });
        let opens = {
            let w = &phrase[0];
            let l = w.lower();
            w.capitalised()
                || [
                    "a", "an", "the", "latest", "recent", "new", "one", "another", "most", "every", "all", "several",
                    "two", "three",
                ]
                .contains(&l.as_ref())
                || head == 0
        };
        if !tail_ok
            || !opens
            || !names_a_thing(phrase)
            || !phrase[..head].iter().all(|w| !w.text.ends_with([',', ';', ':']))
        {
            continue;
        }
        // The clause before "in": back to a comma, semicolon or colon, without openers.
        let mut start = i;
        while start > 0 && !words[start - 1].text.ends_with([',', ';', ':']) {
            start -= 1;
        }
        while start < i && OPENERS.contains(&words[start].lower().as_ref()) {
            start += 1;
        }
        if i - start < 3 {
            continue;
        }
        let content = trim_span(text, Span::new(words[start].span.start, words[i - 1].span.end), &CONTENT_TRIM);
        // A figure the poll measured ("45 percent", "a 24-point lead"), from a named poll: "his
        // rise in the polls" and "head to the polls" report no finding.
        let figure = content.slice(text).contains(|c: char| c.is_ascii_digit())
            || words[start..i].iter().any(|w| ["percent", "percentage"].contains(&w.lower().as_ref()));
        let bare = phrase.len() <= 2 && ["the", "most", "polls", "surveys"].contains(&phrase[0].lower().as_ref());
        if !figure || bare {
            continue;
        }
        let src_end = words[i + 1 + head].span.start
            + words[i + 1 + head].text.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
        let named = Span::new(phrase[0].span.start, src_end);
        let full = strip_final_period(
            text,
            trim_span(text, Span::new(phrase[0].span.start, phrase[phrase.len() - 1].span.end), &CONTENT_TRIM),
        );
        let display = (full != named).then_some(full);
        out.push(RawAttribution {
            cue: words[i].span,
            sources: vec![RawSource { span: named, display }],
            content,
            tail: None,
            cue_type: CueType::Perception,
        });
    }
    out
}

/// A speaker's turn in a transcript or a quoted excerpt opening a paragraph ("TAPPER: Do you
/// think ...", "Philip Bump: “Two weeks ago, ...”"): the colon is the cue, the name before it the
/// source, and the turn runs to the paragraph's end. The name is one to four capitalised words
/// (a single word only in capitals, as transcripts print speakers), so "His message: ..." is not a
/// turn.
pub(super) fn speaker_turn(text: &str, sent: Span, paragraph: Span) -> Option<RawAttribution> {
    let raw = headline_colon(text, sent)?;
    let src = raw.sources.first()?.span;
    let words = words_in(text, src);
    let name = words.len() <= 4
        && words.iter().all(|w| w.capitalised() || ["of", "de", "and"].contains(&w.text))
        && (words.len() > 1 || words[0].bare().len() >= 2 && words[0].bare().chars().all(|c| c.is_uppercase()));
    if !name || HEADLINE_LABELS.contains(&src.slice(text).to_lowercase().as_str()) {
        return None;
    }
    let content = trim_span(text, Span::new(raw.content.start, paragraph.end), &CONTENT_TRIM);
    // A turn is the speaker's own words.
    Some(RawAttribution { content: tidy_content(text, content), cue_type: CueType::Speech, ..raw })
}

impl AttributionExtractor {
    /// Classifies a source phrase (before resolution). Returns the kind and canonical name.
    /// A one-word headline source ("Mexico: ...") is a topic label unless it names a kind of
    /// source (a poll, a newspaper, officials) or the content quotes its words ("Graham: Trump's
    /// ‘Hateful Rhetoric’ ...").
    pub(super) fn headline_source_ok(&self, text: &str, r: &RawAttribution, body: &[RawAttribution]) -> bool {
        let Some(src) = r.sources.first() else { return false };
        let phrase = src.span.slice(text);
        if phrase.split_whitespace().count() >= 2 {
            return true;
        }
        // "Sanders: Clinton Email Story Has Moved" over an article where "Bernie Sanders said
        // ...": a one-word label naming one of the article's own sources is that source.
        let names_a_source = body.iter().flat_map(|b| &b.sources).any(|s| {
            s.span != src.span
                && s.span
                    .slice(text)
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()) == phrase)
        });
        if names_a_source {
            return true;
        }
        let quotes = r.content.slice(text).contains(['"', '\u{201c}', '\u{2018}']);
        // A country's name over a headline is its topic ("Mexico: Maduro Allegedly Requested
        // ..."), though a country can be a source elsewhere.
        if self.lex.countries.contains(&phrase.to_lowercase()) {
            return quotes;
        }
        quotes
            || matches!(
                self.classify(phrase).0,
                SourceKind::Document
                    | SourceKind::NewsOutlet
                    | SourceKind::Organisation
                    | SourceKind::Anonymous
                    | SourceKind::Vague
            )
    }
}
