//! Case-insensitive phrase matching on word boundaries, longest match first.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::span::Span;

/// A compiled phrase set. Each phrase carries a payload index.
#[derive(Debug, Clone)]
pub(crate) struct PhraseMatcher {
    ac: Option<AhoCorasick>,
    payload: Vec<usize>,
}

/// One match: its span and the payload of its phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PhraseMatch {
    pub span: Span,
    pub payload: usize,
}

/// True when `phrase` occurs in `lower` between non-alphanumeric characters (both already
/// lower-cased): a one-off check where building a [`PhraseMatcher`] would not pay.
pub(crate) fn contains_phrase(lower: &str, phrase: &str) -> bool {
    lower.match_indices(phrase).any(|(i, _)| {
        lower[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
            && lower[i + phrase.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric())
    })
}

pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

impl PhraseMatcher {
    /// Builds a matcher from `(phrase, payload)` pairs. A phrase with an ASCII apostrophe also
    /// matches the typographic one (U+2019).
    pub(crate) fn new<'a>(phrases: impl IntoIterator<Item = (&'a str, usize)>) -> Self {
        let mut pats: Vec<String> = Vec::new();
        let mut payload: Vec<usize> = Vec::new();
        for (p, i) in phrases {
            let lower = p.to_lowercase();
            if lower.contains('\'') {
                pats.push(lower.replace('\'', "\u{2019}"));
                payload.push(i);
            }
            pats.push(lower);
            payload.push(i);
        }
        if pats.is_empty() {
            return Self { ac: None, payload };
        }
        // Standard semantics so that overlapping candidates survive the boundary filter;
        // the leftmost-longest choice is made in `find`.
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&pats)
            .ok();
        Self { ac, payload }
    }

    /// All non-overlapping matches on word boundaries, leftmost-longest, in text order.
    ///
    /// Case folding is ASCII only, so a phrase with non-ASCII letters matches in the case given.
    pub(crate) fn find(&self, text: &str) -> Vec<PhraseMatch> {
        let Some(ac) = &self.ac else { return Vec::new() };
        let mut cands: Vec<PhraseMatch> = ac
            .find_overlapping_iter(text)
            .filter_map(|m| {
                let (s, e) = (m.start(), m.end());
                let before = text[..s].chars().next_back();
                let after = text[e..].chars().next();
                let boundary_ok = before.is_none_or(|c| !is_word_char(c)) && after.is_none_or(|c| !is_word_char(c));
                boundary_ok.then(|| PhraseMatch { span: Span::new(s, e), payload: self.payload[m.pattern().as_usize()] })
            })
            .collect();
        cands.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.span.len().cmp(&a.span.len())));
        let mut out: Vec<PhraseMatch> = Vec::with_capacity(cands.len());
        let mut last_end = 0;
        for m in cands {
            if m.span.start >= last_end {
                last_end = m.span.end;
                out.push(m);
            }
        }
        out
    }
}
