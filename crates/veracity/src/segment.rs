//! Segmentation: paragraphs (with their role), sentences and quotations, as byte spans.

use std::collections::HashSet;

use crate::article::ExtractedMeta;
use crate::config::SegmentationConfig;
use crate::matcher::{lower_eq, lower_starts_with, with_lower};
use crate::span::{Span, trim_span};

/// The role of a paragraph on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ParagraphKind {
    /// The first line when it reads as a headline (short, no final period).
    Headline,
    /// A `By ...` line.
    Byline,
    /// A short line without final punctuation inside the article.
    Subheading,
    /// Article text.
    Body,
    /// Page furniture: "Share", "© 2024 ...", newsletter prompts.
    Boilerplate,
    /// A photo caption or credit line ("... Jan. 10 Getty Images", "(AP Photo/...)", "Photo by
    /// ..."): no claim and no attribution is read from it.
    Caption,
}

impl ParagraphKind {
    /// The snake_case name used in JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            ParagraphKind::Headline => "headline",
            ParagraphKind::Byline => "byline",
            ParagraphKind::Subheading => "subheading",
            ParagraphKind::Body => "body",
            ParagraphKind::Boilerplate => "boilerplate",
            ParagraphKind::Caption => "caption",
        }
    }
}

/// A paragraph: a run of lines separated from the next by a blank line or by a line break
/// that is not a mere wrap (a wrap is a line without final punctuation followed by a lower-case line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Paragraph {
    /// Byte span, trimmed of surrounding whitespace.
    pub span: Span,
    /// The paragraph's role.
    pub kind: ParagraphKind,
}

/// A sentence inside one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Sentence {
    /// Byte span, trimmed of surrounding whitespace.
    pub span: Span,
    /// Index of its paragraph.
    pub paragraph: usize,
}

/// The marks a quotation uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum QuoteStyle {
    /// `"..."`
    Straight,
    /// `“...”`
    Curly,
    /// `‘...’`
    CurlySingle,
    /// `«...»`
    Guillemet,
}

/// A quotation, paired across sentences and paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Quote {
    /// Span including the quotation marks.
    pub span: Span,
    /// Span of the quoted words, without the marks.
    pub content: Span,
    /// The marks used.
    pub style: QuoteStyle,
    /// False when no closing mark was found (the quote then ends with its paragraph).
    pub closed: bool,
    /// True when the quote sits inside another quote.
    pub nested: bool,
}

/// What [`Segmenter::segment`] returns.
#[derive(Debug, Clone, Default)]
pub(crate) struct Segmentation {
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub quotes: Vec<Quote>,
    pub meta: ExtractedMeta,
}

/// Abbreviations that only hold before a number ("No. 5", "p. 12").
const NUMBER_ABBREVIATIONS: [&str; 8] = ["no", "nos", "p", "pp", "vol", "fig", "art", "sec"];
/// Characters that may follow a sentence terminator before the whitespace.
const CLOSERS: [char; 10] = ['.', '!', '?', '\u{2026}', '"', '\u{201d}', '\u{2019}', '\'', ')', ']'];
/// Characters that end a line "properly" (a following line is a new paragraph).
const LINE_END_PUNCT: [char; 12] =
    ['.', '!', '?', ':', ';', '"', '\u{201d}', '\u{2019}', ')', '\u{2026}', ']', '\u{bb}'];

#[derive(Debug, Clone)]
pub(crate) struct Segmenter {
    abbreviations: HashSet<String>,
    starters: HashSet<String>,
    boilerplate_exact: Vec<String>,
    boilerplate_prefixes: Vec<String>,
    subheading_max_words: usize,
    headline_max_words: usize,
}

impl Segmenter {
    pub(crate) fn new(cfg: &SegmentationConfig) -> Self {
        let lower = |v: &[String]| v.iter().map(|s| s.to_lowercase()).collect::<Vec<_>>();
        Self {
            abbreviations: lower(&cfg.abbreviations).into_iter().collect(),
            starters: lower(&cfg.sentence_starters).into_iter().collect(),
            boilerplate_exact: lower(&cfg.boilerplate_exact),
            boilerplate_prefixes: lower(&cfg.boilerplate_prefixes),
            subheading_max_words: cfg.subheading_max_words,
            headline_max_words: cfg.headline_max_words,
        }
    }

    pub(crate) fn segment(&self, text: &str) -> Segmentation {
        let spans = split_caption_tails(text, paragraph_spans(text));
        let mut seg = Segmentation::default();
        seg.paragraphs = self.classify(text, &spans, &mut seg.meta);
        for (i, p) in seg.paragraphs.iter().enumerate() {
            self.sentences_in(text, p.span, i, &mut seg.sentences);
        }
        seg.quotes = pair_quotes(text, &seg.paragraphs);
        seg
    }

    fn is_boilerplate(&self, para: &str) -> bool {
        // Compared lower-cased without lower-casing every paragraph (lower-casing changes no
        // white space, so the words are counted on the paragraph itself).
        let t = para.trim();
        self.boilerplate_exact.iter().any(|e| lower_eq(t, e))
            || (self.boilerplate_prefixes.iter().any(|b| lower_starts_with(t, b)) && t.split_whitespace().count() <= 40)
    }

    fn classify(&self, text: &str, spans: &[Span], meta: &mut ExtractedMeta) -> Vec<Paragraph> {
        let mut out = Vec::with_capacity(spans.len());
        let mut seen_content = false;
        for (i, &span) in spans.iter().enumerate() {
            let p = span.slice(text);
            let words = p.split_whitespace().count();
            let last = p.chars().next_back();
            let kind = if self.is_boilerplate(p) {
                if meta.outlet.is_none() {
                    meta.outlet = outlet_from_footer(p);
                }
                ParagraphKind::Boilerplate
            } else if let Some(authors) = byline_authors(p) {
                if meta.authors.is_empty() {
                    meta.authors = authors;
                }
                ParagraphKind::Byline
            } else if caption_start(p) == Some(0) {
                ParagraphKind::Caption
            } else if !seen_content {
                seen_content = true;
                let headline = words <= self.headline_max_words
                    && last.is_some_and(|c| c != '.' && c != ',')
                    && i + 1 < spans.len();
                if headline {
                    meta.title = Some(p.split_whitespace().collect::<Vec<_>>().join(" "));
                    ParagraphKind::Headline
                } else {
                    ParagraphKind::Body
                }
            } else if words <= self.subheading_max_words
                && last.is_some_and(|c| c.is_alphanumeric())
                && p.chars().next().is_some_and(char::is_uppercase)
            {
                ParagraphKind::Subheading
            } else {
                ParagraphKind::Body
            };
            out.push(Paragraph { span, kind });
        }
        out
    }

    fn sentences_in(&self, text: &str, para: Span, index: usize, out: &mut Vec<Sentence>) {
        let p = para.slice(text);
        let mut start = 0usize;
        let mut pos = 0usize;
        while pos < p.len() {
            let Some(c) = p[pos..].chars().next() else { break };
            pos += c.len_utf8();
            if !matches!(c, '.' | '!' | '?' | '\u{2026}') {
                continue;
            }
            let term_at = pos - c.len_utf8();
            // Swallow further terminators and closing marks.
            let mut end = pos;
            while let Some(n) = p[end..].chars().next() {
                if CLOSERS.contains(&n) {
                    end += n.len_utf8();
                } else {
                    break;
                }
            }
            pos = end;
            let rest = &p[end..];
            if rest.is_empty() || !rest.starts_with(char::is_whitespace) {
                continue;
            }
            let next = rest.trim_start();
            let Some(nc) = next.chars().next() else { continue };
            if nc.is_lowercase() || matches!(nc, ',' | ';' | ':' | '-' | '\u{2014}' | '\u{2013}') {
                continue;
            }
            if c == '.' && !self.period_ends_sentence(&p[..term_at], next) {
                continue;
            }
            push_sentence(text, Span::new(para.start + start, para.start + end), index, out);
            start = end;
        }
        push_sentence(text, Span::new(para.start + start, para.end), index, out);
    }

    /// Decides whether a period after `before` ends the sentence, given the text `next` that follows.
    fn period_ends_sentence(&self, before: &str, next: &str) -> bool {
        let token = before
            .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '\u{201c}' | '\u{2018}' | '\u{2014}'))
            .next()
            .unwrap_or("");
        if token.is_empty() {
            return true;
        }
        let (number_abbreviation, abbreviation) =
            with_lower(token, |lower| (NUMBER_ABBREVIATIONS.contains(&lower), self.abbreviations.contains(lower)));
        if number_abbreviation {
            return !next.starts_with(|c: char| c.is_ascii_digit());
        }
        if abbreviation {
            return false;
        }
        let mut letters = token.chars();
        if matches!((letters.next(), letters.next()), (Some(first), None) if first.is_uppercase()) {
            // An initial ("J. K. Rowling").
            return false;
        }
        if token.contains('.') {
            // A dotted acronym (U.S., a.m., D.C.): it ends the sentence only before a typical starter.
            let next_word: String = next.chars().take_while(|c| c.is_alphanumeric()).collect::<String>().to_lowercase();
            return self.starters.contains(&next_word);
        }
        true
    }
}

fn push_sentence(text: &str, span: Span, paragraph: usize, out: &mut Vec<Sentence>) {
    let span = trim_span(text, span, &[]);
    if !span.is_empty() {
        out.push(Sentence { span, paragraph });
    }
}

/// Splits text into paragraph spans (see [`Paragraph`]).
fn paragraph_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut cur: Option<Span> = None;
    let mut prev_last: Option<char> = None;
    let mut offset = 0usize;
    for raw in text.split_inclusive('\n') {
        let line_start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let lspan = trim_span(text, Span::new(line_start, line_start + line.len()), &[]);
        if lspan.is_empty() {
            if let Some(c) = cur.take() {
                out.push(c);
            }
            prev_last = None;
            continue;
        }
        let t = lspan.slice(text);
        let first = t.chars().next();
        let wrap = prev_last.is_some_and(|c| !LINE_END_PUNCT.contains(&c) && c != ',')
            && first.is_some_and(char::is_lowercase)
            || prev_last == Some(',') && first.is_some_and(char::is_lowercase);
        match &mut cur {
            Some(c) if wrap => c.end = lspan.end,
            _ => {
                if let Some(c) = cur.take() {
                    out.push(c);
                }
                cur = Some(lspan);
            }
        }
        prev_last = t.chars().next_back();
    }
    if let Some(c) = cur {
        out.push(c);
    }
    out
}

/// Longest paragraph (words) read as a caption as a whole when it ends with a credit; a longer
/// one keeps its text and only loses the sentence that holds the credit.
const CAPTION_MAX_WORDS: usize = 60;
/// Photo agencies and credit words that end a caption ("... Jan. 10 Getty Images", "...
/// REUTERS/Leonardo Fernandez Viloria", "THE CANADIAN PRESS/Sean Kilpatrick"), lower case.
const CREDITS: [&str; 9] = [
    "getty images",
    "ap photo",
    "the canadian press",
    "canadian press",
    "reuters",
    "afp",
    "associated press",
    "file photo",
    "photo",
];
/// Words that open a caption or a credit line ("Photo: ...", "Photo by ...", "File photo ..."),
/// lower case.
const CAPTION_OPENERS: [&str; 9] = [
    "photo:",
    "photo by ",
    "photos:",
    "photograph:",
    "photograph by ",
    "file photo",
    "photo credit",
    "image credit",
    "credit:",
];

/// True when `s` ends with `credit` as whole words ("... Jan. 10 Getty Images"), compared lower case.
fn ends_with_credit(s: &str, credit: &str) -> bool {
    let n = credit.len();
    s.len() >= n
        && s.is_char_boundary(s.len() - n)
        && s[s.len() - n..].eq_ignore_ascii_case(credit)
        && s[..s.len() - n].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
}

/// Where the credit of a caption starts in `p` (a trimmed paragraph), when it has one: a
/// paragraph opening with a caption word, a closing parenthesis holding a credit ("(AP
/// Photo/Ariana Cubillos)", "(Photo: ...)"), a credit at the very end with no final punctuation
/// ("... Jan. 10 Getty Images", "REUTERS/Leonardo Fernandez Viloria"), or a sentence that opens with
/// a caption word ("... . Photo: Getty Images"). A name after a dash or bar ("... - Reuters") is a
/// headline's site name, not a credit.
fn credit_start(p: &str) -> Option<usize> {
    let opens = |s: &str| CAPTION_OPENERS.iter().any(|o| lower_starts_with(s, o));
    if opens(p) || p.starts_with('(') && opens(&p[1..]) {
        return Some(0);
    }
    if let Some(inner) = p.strip_suffix(')') {
        let open = inner.rfind('(')?;
        let paren = inner[open + 1..].trim();
        let credit = opens(paren)
            || CREDITS.iter().any(|c| lower_starts_with(paren, c) || ends_with_credit(paren, c))
            || paren.split_once('/').is_some_and(|(agency, _)| CREDITS.iter().any(|c| ends_with_credit(agency, c)));
        return credit.then_some(open);
    }
    if p.ends_with(|c: char| !c.is_alphanumeric()) {
        return None;
    }
    // The last words of the paragraph, after its last sentence end.
    let tail_from = ['.', '!', '?', '\u{201d}', '"']
        .iter()
        .filter_map(|m| p.rfind(*m).map(|i| i + m.len_utf8()))
        .max()
        .unwrap_or(0);
    let tail = &p[tail_from..];
    let agency_slash_name = tail.rsplit_once('/').is_some_and(|(agency, name)| {
        CREDITS.iter().any(|c| ends_with_credit(agency, c))
            && name.split_whitespace().count() <= 5
            && name.split_whitespace().all(|w| w.starts_with(char::is_uppercase))
    });
    let credit = CREDITS.iter().filter(|c| **c != "photo").find(|c| ends_with_credit(p, c));
    if let Some(c) = credit {
        let before = p[..p.len() - c.len()].trim_end();
        if before.ends_with(['-', '|', '\u{2013}', '\u{2014}']) {
            return None;
        }
        return Some(p.len() - c.len());
    }
    if agency_slash_name {
        return Some(tail_from + (tail.len() - tail.trim_start().len()));
    }
    // A sentence opening with a caption word.
    p.match_indices(". ").map(|(i, _)| i + 2).find(|&i| opens(&p[i..]))
}

/// Where the caption starts in `p` (a trimmed paragraph): 0 when the whole paragraph is a caption
/// (a short paragraph with a credit, or one opening with a caption word), else the start of the
/// sentence that holds the credit (a caption run into the end of a long paragraph).
fn caption_start(p: &str) -> Option<usize> {
    let credit = credit_start(p)?;
    if credit == 0 || p.split_whitespace().count() <= CAPTION_MAX_WORDS {
        return Some(0);
    }
    if p[credit..].starts_with('(') || CAPTION_OPENERS.iter().any(|o| lower_starts_with(&p[credit..], o)) {
        return Some(credit);
    }
    let sentence = p[..credit].rfind(". ").map_or(0, |i| i + 2);
    Some(sentence)
}

/// The paragraph spans with the caption run into the end of a long paragraph split off as a
/// paragraph of its own.
fn split_caption_tails(text: &str, spans: Vec<Span>) -> Vec<Span> {
    let mut out = Vec::with_capacity(spans.len());
    for span in spans {
        match caption_start(span.slice(text)) {
            Some(at) if at > 0 => {
                let body = trim_span(text, Span::new(span.start, span.start + at), &[]);
                let caption = trim_span(text, Span::new(span.start + at, span.end), &[]);
                out.extend([body, caption].into_iter().filter(|s| !s.is_empty()));
            }
            _ => out.push(span),
        }
    }
    out
}

fn byline_authors(p: &str) -> Option<Vec<String>> {
    let rest = p.strip_prefix("By ").or_else(|| p.strip_prefix("by "))?;
    if p.split_whitespace().count() > 15 || rest.ends_with('.') || !rest.starts_with(char::is_uppercase) {
        return None;
    }
    let names: Vec<String> = rest
        .split(',')
        .flat_map(|part| part.split(" and "))
        .map(|s| s.trim().trim_start_matches("and ").trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    (!names.is_empty() && names.iter().all(|n| n.starts_with(char::is_uppercase))).then_some(names)
}

fn outlet_from_footer(p: &str) -> Option<String> {
    let rest = p
        .strip_prefix('\u{a9}')
        .or_else(|| p.strip_prefix("(c)"))
        .or_else(|| p.strip_prefix("Copyright"))?
        .trim_start()
        .trim_start_matches('\u{a9}')
        .trim_start();
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '\u{2013}').trim_start();
    let name: String = rest.chars().take_while(|&c| c != '.' && c != ',' && c != '|').collect();
    let name = name.trim();
    (!name.is_empty() && name.split_whitespace().count() <= 6).then(|| name.to_owned())
}

#[derive(Debug, Clone, Copy)]
struct OpenQuote {
    pos: usize,
    mark_len: usize,
    style: QuoteStyle,
    nested: bool,
}

fn opening_context(prev: Option<char>) -> bool {
    prev.is_none_or(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '\u{201c}' | '\u{2018}' | '"' | '\u{ab}' | ':' | '/'
            )
    })
}

/// Pairs quotation marks. Never fails: an unclosed quote ends with its paragraph, unless the next
/// paragraph opens with the same mark (the news convention for a quote running across paragraphs).
fn pair_quotes(text: &str, paragraphs: &[Paragraph]) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let mut stack: Vec<OpenQuote> = Vec::new();
    let mut skip_at: Option<usize> = None;
    for (pi, para) in paragraphs.iter().enumerate() {
        let p = para.span.slice(text);
        let mut prev: Option<char> = None;
        let mut iter = p.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let abs = para.span.start + i;
            let next = iter.peek().map(|&(_, n)| n);
            if skip_at == Some(abs) {
                skip_at = None;
                prev = Some(c);
                continue;
            }
            let len = c.len_utf8();
            let nested = !stack.is_empty();
            match c {
                // An opening mark typed for a closing one ("“Apparently not,“ he said"): after a
                // word or punctuation, before a space or the end, with a curly quote open.
                '\u{201c}'
                    if stack.last().is_some_and(|q| q.style == QuoteStyle::Curly)
                        && !opening_context(prev)
                        && next.is_none_or(char::is_whitespace) =>
                {
                    close(&mut stack, &mut out, QuoteStyle::Curly, abs, len);
                }
                '\u{201c}' => stack.push(OpenQuote { pos: abs, mark_len: len, style: QuoteStyle::Curly, nested }),
                '\u{ab}' => stack.push(OpenQuote { pos: abs, mark_len: len, style: QuoteStyle::Guillemet, nested }),
                // A closing mark of the other double style closes the innermost open double
                // quote when none of its own style is open: news copy mixes them ("“We’re going
                // to build a wall," he said.").
                '\u{201d}' => {
                    let style = if stack.iter().any(|q| q.style == QuoteStyle::Curly) {
                        QuoteStyle::Curly
                    } else {
                        QuoteStyle::Straight
                    };
                    close(&mut stack, &mut out, style, abs, len);
                }
                '\u{bb}' => close(&mut stack, &mut out, QuoteStyle::Guillemet, abs, len),
                '"' => {
                    let has_open = stack.iter().any(|q| q.style == QuoteStyle::Straight);
                    let closes_curly = !has_open
                        && stack.last().is_some_and(|q| q.style == QuoteStyle::Curly)
                        && !opening_context(prev)
                        && next.is_none_or(|n| {
                            n.is_whitespace()
                                || matches!(n, ',' | '.' | ';' | ':' | '?' | '!' | ')' | '\u{2014}' | '\u{2013}')
                        });
                    if closes_curly {
                        close(&mut stack, &mut out, QuoteStyle::Curly, abs, len);
                    } else if has_open && !(opening_context(prev) && next.is_some_and(|n| !n.is_whitespace())) {
                        close(&mut stack, &mut out, QuoteStyle::Straight, abs, len);
                    } else if opening_context(prev) || !has_open {
                        stack.push(OpenQuote { pos: abs, mark_len: len, style: QuoteStyle::Straight, nested });
                    }
                }
                '\u{2018}' if opening_context(prev) => {
                    stack.push(OpenQuote { pos: abs, mark_len: len, style: QuoteStyle::CurlySingle, nested });
                }
                '\u{2019}'
                    if stack.last().is_some_and(|q| q.style == QuoteStyle::CurlySingle)
                        && next.is_none_or(|n| !n.is_alphanumeric()) =>
                {
                    close(&mut stack, &mut out, QuoteStyle::CurlySingle, abs, len);
                }
                _ => {}
            }
            prev = Some(c);
        }
        // Paragraph end: carry over double quotes when the next paragraph reopens them.
        let next_open =
            paragraphs.get(pi + 1).and_then(|n| n.span.slice(text).chars().next().map(|c| (n.span.start, c)));
        let mut carried = Vec::new();
        while let Some(q) = stack.pop() {
            let reopen = matches!(
                (q.style, next_open),
                (QuoteStyle::Curly, Some((_, '\u{201c}')))
                    | (QuoteStyle::Straight, Some((_, '"')))
                    | (QuoteStyle::Guillemet, Some((_, '\u{ab}')))
            );
            if reopen && carried.is_empty() {
                if let Some((pos, _)) = next_open {
                    skip_at = Some(pos);
                }
                carried.push(q);
            } else {
                out.push(Quote {
                    span: Span::new(q.pos, para.span.end),
                    content: Span::new(q.pos + q.mark_len, para.span.end),
                    style: q.style,
                    closed: false,
                    nested: q.nested,
                });
            }
        }
        stack = carried;
    }
    // Anything still open after the last paragraph.
    if let Some(last) = paragraphs.last() {
        for q in stack.drain(..) {
            out.push(Quote {
                span: Span::new(q.pos, last.span.end),
                content: Span::new(q.pos + q.mark_len, last.span.end),
                style: q.style,
                closed: false,
                nested: q.nested,
            });
        }
    }
    out.sort_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
    out
}

fn close(stack: &mut Vec<OpenQuote>, out: &mut Vec<Quote>, style: QuoteStyle, abs: usize, len: usize) {
    let Some(idx) = stack.iter().rposition(|q| q.style == style) else { return };
    // Quotes opened inside this one and never closed end here, unbalanced.
    while stack.len() > idx + 1 {
        if let Some(inner) = stack.pop() {
            out.push(Quote {
                span: Span::new(inner.pos, abs),
                content: Span::new(inner.pos + inner.mark_len, abs),
                style: inner.style,
                closed: false,
                nested: inner.nested,
            });
        }
    }
    if let Some(q) = stack.pop() {
        out.push(Quote {
            span: Span::new(q.pos, abs + len),
            content: Span::new(q.pos + q.mark_len, abs),
            style: q.style,
            closed: true,
            nested: q.nested,
        });
    }
}
