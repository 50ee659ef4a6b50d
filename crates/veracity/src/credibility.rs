//! Article credibility: a logistic model over named article-level signals.
//!
//! The signals are computed once per article during the analysis pass, from what the stages
//! before produced (claims, attributions, hedges, quotations, paragraphs) and from one pass over
//! the words of the text for style (exclamations, capitals, address to the reader, sensational
//! vocabulary). Each is a share, a rate or a small count, defined in `docs/scoring.md`
//! ("Article credibility"). The model's weights come from `data/credibility.toml`, fitted by
//! `veracity fit` (see [`crate::logistic`]).

use std::collections::{BTreeMap, HashSet};

use crate::attribution::{Attribution, AttributionKind, SourceKind};
use crate::claim::{Claim, ClaimKind};
use crate::explain::Explanation;
use crate::logistic::LogisticModel;
use crate::matcher::{PhraseMatch, PhraseMatcher, is_word_char};
use crate::segment::{Paragraph, ParagraphKind, Quote, Sentence};
use crate::span::Span;

/// The names of the article signals, in the order of [`ArticleSignals::values`].
pub const SIGNALS: [&str; 43] = [
    "claims_log",
    "words_log",
    "attributed_share",
    "named_share",
    "anonymous_share",
    "anonymous_official_share",
    "vague_share",
    "unresolved_share",
    "direct_quote_share",
    "named_sources_log",
    "attributions_per_sentence",
    "hedged_share",
    "author_hedged_share",
    "weasel_share",
    "booster_share",
    "specifics_share",
    "numbers_per_claim",
    "entities_per_claim",
    "question_share",
    "opinion_share",
    "prediction_share",
    "first_person_author",
    "second_person",
    "exclamations",
    "question_marks",
    "all_caps_words",
    "sensational_words",
    "insults",
    "conspiracy",
    "calls_to_action",
    "wire_style",
    "partisan_labels",
    "weekdays",
    "quote_share",
    "sentence_words",
    "paragraph_words",
    "links",
    "dateline",
    "title_words",
    "title_caps_share",
    "title_function_caps",
    "title_punctuation",
    "title_claims",
];

/// The article-level signals of one analysis: one value per name of [`SIGNALS`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ArticleSignals {
    /// One value per name of [`SIGNALS`], in that order.
    pub values: Vec<f64>,
}

impl Default for ArticleSignals {
    fn default() -> Self {
        Self { values: vec![0.0; SIGNALS.len()] }
    }
}

impl ArticleSignals {
    /// The value of the named signal.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<f64> {
        SIGNALS.iter().position(|s| *s == name).and_then(|i| self.values.get(i).copied())
    }

    /// `(name, value)` pairs in [`SIGNALS`] order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, f64)> + '_ {
        SIGNALS.iter().copied().zip(self.values.iter().copied())
    }

    /// Sets the named signal (for building rows by hand, in tests and experiments).
    ///
    /// # Errors
    /// [`crate::Error::InvalidOption`] for a name not in [`SIGNALS`].
    pub fn set(&mut self, name: &str, value: f64) -> crate::Result<()> {
        let i = SIGNALS.iter().position(|s| *s == name).ok_or_else(|| crate::Error::InvalidOption {
            option: "signal",
            value: name.to_owned(),
            expected: SIGNALS.join(", "),
        })?;
        self.values[i] = if value.is_finite() { value } else { 0.0 };
        Ok(())
    }

    fn put(&mut self, name: &str, value: f64) {
        // Every name put below is in SIGNALS (`every_signal_is_computed` checks it).
        debug_assert!(SIGNALS.contains(&name), "{name}");
        let _ = self.set(name, value);
    }
}

/// Word lists of the style signals (`data/credibility.toml`, `[style]`).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct StyleLexicon {
    /// Sensational and intensifying words ("shocking", "unbelievable", "totally").
    pub sensational: Vec<String>,
    /// Insults and contempt ("idiot", "disgrace").
    pub insults: Vec<String>,
    /// Conspiratorial framing ("deep state", "mainstream media").
    pub conspiracy: Vec<String>,
    /// Calls to action ("share this", "sign the petition").
    pub calls_to_action: Vec<String>,
    /// Newsroom reporting formulas ("said in a statement", "declined to comment").
    pub wire_style: Vec<String>,
    /// Partisan labels ("leftists", "radical left").
    pub partisan_labels: Vec<String>,
    /// Weekday names.
    pub weekdays: Vec<String>,
    /// Words naming an official behind an anonymous source ("officials", "spokesman").
    pub official_words: Vec<String>,
    /// Short function words that headline Title Case leaves in lower case ("of", "to", "the").
    pub function_words: Vec<String>,
}

/// The fitted credibility model as configured (`[credibility]` of `data/credibility.toml`).
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CredibilityModelConfig {
    /// Log-odds when every signal is 0.
    pub intercept: f64,
    /// Weight per signal name (log-odds per unit); signals not listed weigh 0.
    pub weights: BTreeMap<String, f64>,
}

impl CredibilityModelConfig {
    /// The model as a [`LogisticModel`] over every signal of [`SIGNALS`], in that order.
    #[must_use]
    pub fn model(&self) -> LogisticModel {
        let names: Vec<String> = SIGNALS.iter().map(|s| (*s).to_owned()).collect();
        let weights = SIGNALS.iter().map(|s| self.weights.get(*s).copied().unwrap_or(0.0)).collect();
        LogisticModel::new(self.intercept, names, weights)
    }
}

/// Everything the signals are computed from: the stages' output for one article.
pub(crate) struct Inputs<'a> {
    pub text: &'a str,
    pub title: Option<&'a str>,
    pub paragraphs: &'a [Paragraph],
    pub sentences: &'a [Sentence],
    pub quotes: &'a [Quote],
    pub attributions: &'a [Attribution],
    pub claims: &'a [Claim],
    /// The style lexicon's matches in the whole text (what [`StyleSets::matcher`] finds there).
    pub style: &'a [PhraseMatch],
}

/// The style phrase categories, in the order of their payload in [`StyleSets`].
const CATEGORIES: [&str; 7] =
    ["sensational_words", "insults", "conspiracy", "calls_to_action", "wire_style", "partisan_labels", "weekdays"];

/// The style lexicon compiled once per analyser: one automaton over every category's phrases.
#[derive(Debug, Clone)]
pub(crate) struct StyleSets {
    phrases: PhraseMatcher,
    official: HashSet<String>,
    function_words: HashSet<String>,
}

impl StyleSets {
    pub(crate) fn new(lexicon: &StyleLexicon) -> Self {
        let lists: [&[String]; 7] = [
            &lexicon.sensational,
            &lexicon.insults,
            &lexicon.conspiracy,
            &lexicon.calls_to_action,
            &lexicon.wire_style,
            &lexicon.partisan_labels,
            &lexicon.weekdays,
        ];
        let phrases = PhraseMatcher::new(
            lists.iter().enumerate().flat_map(|(i, list)| list.iter().map(move |p| (p.as_str(), i))),
        );
        let lower = |list: &[String]| list.iter().map(|w| w.to_lowercase()).collect();
        Self { phrases, official: lower(&lexicon.official_words), function_words: lower(&lexicon.function_words) }
    }

    /// The automaton over every category's phrases, for a pass shared with other lexicons (see
    /// [`crate::matcher::PhraseSets`]).
    pub(crate) fn matcher(&self) -> &PhraseMatcher {
        &self.phrases
    }
}

/// Adds the style matches inside the paragraph `span` to `categories`: the same as searching the
/// paragraph's text alone. They are read from the matches in the whole text when those cannot
/// differ: no chosen match crosses an edge of the paragraph, and the characters beyond its
/// edges are not word characters (a phrase at the paragraph's edge then stands on a word
/// boundary in both texts). Otherwise the paragraph is searched alone.
fn count_style(inputs: &Inputs<'_>, sets: &StyleSets, span: Span, categories: &mut [usize]) {
    let text = inputs.text;
    let all = inputs.style;
    let from = all.partition_point(|m| m.span.start < span.start);
    let to = all.partition_point(|m| m.span.start < span.end);
    let crosses_start = from > 0 && all[from - 1].span.end > span.start;
    let crosses_end = to > from && all[to - 1].span.end > span.end;
    let edges = text[..span.start].chars().next_back().is_none_or(|c| !is_word_char(c))
        && text[span.end..].chars().next().is_none_or(|c| !is_word_char(c));
    if edges && !crosses_start && !crosses_end {
        for m in &all[from..to] {
            categories[m.payload] += 1;
        }
    } else {
        for m in sets.phrases.find(span.slice(text)) {
            categories[m.payload] += 1;
        }
    }
}

#[allow(clippy::cast_precision_loss)]
fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 { 0.0 } else { n as f64 / d as f64 }
}

/// Computes the signals of one article.
#[allow(clippy::too_many_lines, clippy::cast_precision_loss)]
pub(crate) fn signals(inputs: &Inputs<'_>, sets: &StyleSets) -> ArticleSignals {
    let mut s = ArticleSignals::default();
    let body: Vec<&Claim> = inputs.claims.iter().filter(|c| !c.headline).collect();
    let n = body.len();
    let count = |f: &dyn Fn(&Claim) -> bool| body.iter().filter(|c| f(c)).count();
    fn original(c: &Claim) -> Option<(SourceKind, &crate::attribution::Source)> {
        c.attribution.as_ref().and_then(Attribution::original_source).map(|s| (s.kind, s))
    }

    s.put("claims_log", (n as f64).ln_1p());
    s.put("attributed_share", ratio(count(&|c| c.attribution.is_some()), n));
    s.put(
        "named_share",
        ratio(
            count(&|c| {
                original(c).is_some_and(|(k, _)| {
                    matches!(
                        k,
                        SourceKind::NamedPerson
                            | SourceKind::Organisation
                            | SourceKind::NewsOutlet
                            | SourceKind::Document
                    )
                })
            }),
            n,
        ),
    );
    s.put("anonymous_share", ratio(count(&|c| original(c).is_some_and(|(k, _)| k == SourceKind::Anonymous)), n));
    s.put(
        "anonymous_official_share",
        ratio(
            count(&|c| {
                original(c).is_some_and(|(k, src)| {
                    k == SourceKind::Anonymous
                        && src
                            .name
                            .split(|ch: char| !ch.is_alphanumeric())
                            .any(|w| !w.is_empty() && sets.official.contains(&w.to_ascii_lowercase()))
                })
            }),
            n,
        ),
    );
    s.put("vague_share", ratio(count(&|c| original(c).is_some_and(|(k, _)| k == SourceKind::Vague)), n));
    s.put("unresolved_share", ratio(count(&|c| original(c).is_some_and(|(k, _)| k == SourceKind::Unresolved)), n));
    s.put(
        "direct_quote_share",
        ratio(
            count(&|c| {
                c.kind == ClaimKind::Quotation
                    || c.attribution.as_ref().is_some_and(|a| a.kind == AttributionKind::Direct)
            }),
            n,
        ),
    );
    let named: HashSet<&str> = inputs
        .attributions
        .iter()
        .filter_map(Attribution::original_source)
        .filter(|s| {
            matches!(
                s.kind,
                SourceKind::NamedPerson | SourceKind::Organisation | SourceKind::NewsOutlet | SourceKind::Document
            )
        })
        .map(|s| s.name.as_str())
        .collect();
    s.put("named_sources_log", (named.len() as f64).ln_1p());
    s.put("attributions_per_sentence", ratio(inputs.attributions.len(), inputs.sentences.len()).ln_1p());
    s.put("hedged_share", ratio(count(&Claim::is_hedged), n));
    s.put(
        "author_hedged_share",
        ratio(count(&|c| c.hedges.iter().any(|h| !h.in_quote && h.category != crate::HedgeCategory::Booster)), n),
    );
    s.put("weasel_share", ratio(count(&Claim::is_weasel), n));
    s.put(
        "booster_share",
        ratio(count(&|c| c.hedges.iter().any(|h| h.category == crate::HedgeCategory::Booster && !h.negated)), n),
    );
    s.put("specifics_share", ratio(count(&|c| c.features.has_specifics()), n));
    s.put("numbers_per_claim", ratio(body.iter().map(|c| c.features.numbers.len()).sum(), n).ln_1p());
    s.put("entities_per_claim", ratio(body.iter().map(|c| c.features.entities.len()).sum(), n));
    s.put("question_share", ratio(count(&|c| c.kind == ClaimKind::Question), n));
    s.put("opinion_share", ratio(count(&|c| c.kind == ClaimKind::Opinion), n));
    s.put("prediction_share", ratio(count(&|c| c.kind == ClaimKind::Prediction), n));

    // One pass over the words of the body paragraphs (page furniture and bylines left out).
    let mut words = 0usize;
    let mut caps = 0usize;
    let mut second = 0usize;
    let mut first_author = 0usize;
    let mut categories = [0usize; CATEGORIES.len()];
    let mut links = 0usize;
    let mut quote_cursor = 0usize;
    let mut body_paragraphs = 0usize;
    let mut exclamations = 0usize;
    let mut questions = 0usize;
    for p in inputs.paragraphs.iter().filter(|p| p.kind == ParagraphKind::Body) {
        body_paragraphs += 1;
        let text = p.span.slice(inputs.text);
        exclamations += memchr::memchr_iter(b'!', text.as_bytes()).count();
        questions += memchr::memchr_iter(b'?', text.as_bytes()).count();
        count_style(inputs, sets, p.span, &mut categories);
        for (offset, word) in words_of(text) {
            let at = p.span.start + offset;
            words += 1;
            if word.starts_with("http") || word.starts_with("www.") {
                links += 1;
                continue;
            }
            if all_caps(word) {
                caps += 1;
            }
            match person(word) {
                Person::Second => second += 1,
                Person::First => {
                    while quote_cursor < inputs.quotes.len() && inputs.quotes[quote_cursor].span.end <= at {
                        quote_cursor += 1;
                    }
                    let quoted = inputs.quotes[quote_cursor..]
                        .iter()
                        .take_while(|q| q.span.start <= at)
                        .any(|q| q.span.start <= at && at < q.span.end);
                    if !quoted {
                        first_author += 1;
                    }
                }
                Person::Other => {}
            }
        }
    }
    // Rates of countable things enter as ln(1 + rate): the first exclamation mark or insult says
    // more than the tenth.
    let per100 = |k: usize| (100.0 * ratio(k, words)).ln_1p();
    s.put("words_log", (words as f64).ln_1p());
    s.put("first_person_author", per100(first_author));
    s.put("second_person", per100(second));
    for (name, &k) in CATEGORIES.iter().zip(&categories) {
        if *name == "weekdays" {
            continue;
        }
        s.put(name, per100(k));
    }
    s.put("all_caps_words", per100(caps));
    s.put("links", per100(links));
    let body_sentences = inputs
        .sentences
        .iter()
        .filter(|s| inputs.paragraphs.get(s.paragraph).is_some_and(|p| p.kind == ParagraphKind::Body))
        .count();
    s.put("weekdays", ratio(categories[CATEGORIES.len() - 1], body_sentences).ln_1p());
    s.put("exclamations", ratio(exclamations, body_sentences).ln_1p());
    s.put("question_marks", ratio(questions, body_sentences).ln_1p());
    s.put("sentence_words", ratio(words, body_sentences) / 10.0);
    s.put("paragraph_words", ratio(words, body_paragraphs) / 10.0);
    let quoted: usize = inputs.quotes.iter().filter(|q| !q.nested).map(|q| q.span.len()).sum();
    s.put("quote_share", ratio(quoted, inputs.text.len()));
    let first_body = inputs.paragraphs.iter().find(|p| p.kind == ParagraphKind::Body);
    s.put("dateline", f64::from(u8::from(first_body.is_some_and(|p| has_dateline(p.span.slice(inputs.text))))));

    if let Some(title) = inputs.title.filter(|t| !t.trim().is_empty()) {
        let title_words: Vec<&str> = words_of(title).map(|(_, w)| w).collect();
        s.put("title_words", title_words.len() as f64 / 10.0);
        // After the first word: content words capitalised (Title Case) and function words
        // capitalised (every word capitalised, "Start Case").
        let (mut content, mut content_caps, mut function, mut function_caps) = (0, 0, 0, 0);
        for w in title_words.iter().skip(1) {
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            if sets.function_words.contains(&w.to_lowercase()) {
                function += 1;
                function_caps += usize::from(capital);
            } else {
                content += 1;
                content_caps += usize::from(capital);
            }
        }
        s.put("title_caps_share", ratio(content_caps, content));
        s.put("title_function_caps", ratio(function_caps, function));
        s.put("title_punctuation", f64::from(u8::from(title.contains(['!', '?']))));
    }
    s.put("title_claims", f64::from(u8::from(inputs.claims.iter().any(|c| c.headline))));
    s
}

/// True when `word` has at least four letters and no lower-case letter ("NEVER", "FBI's" no).
fn all_caps(word: &str) -> bool {
    if word.is_ascii() {
        // The same test on bytes: an ASCII character is alphabetic or lower-case exactly when it
        // is an ASCII letter or an ASCII lower-case letter.
        let b = word.as_bytes();
        return b.iter().filter(|c| c.is_ascii_alphabetic()).count() >= 4 && !b.iter().any(u8::is_ascii_lowercase);
    }
    word.chars().filter(|c| c.is_alphabetic()).count() >= 4 && word.chars().all(|c| !c.is_lowercase())
}

/// The grammatical person of a pronoun of the reader or the author.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Person {
    /// "I", "me", "my", "we", "us", "our", ... (`ourselves` at most).
    First,
    /// "you", "your", ... (`yourselves` at most).
    Second,
    /// Any other word.
    Other,
}

/// The person of `word` in any ASCII case ("You", "OUR"). Lower-casing ASCII letters only leaves
/// a word with another character unlike every pronoun, so such words are `Other` unread, as are
/// words longer than the longest pronoun.
fn person(word: &str) -> Person {
    const LONGEST: usize = "yourselves".len();
    if word.len() > LONGEST || !word.is_ascii() {
        return Person::Other;
    }
    let mut buf = [0u8; LONGEST];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    match &*lower {
        b"you" | b"your" | b"yours" | b"yourself" | b"yourselves" => Person::Second,
        b"i" | b"me" | b"my" | b"mine" | b"myself" | b"we" | b"us" | b"our" | b"ours" | b"ourselves" => Person::First,
        _ => Person::Other,
    }
}

/// Words of `text` with their byte offsets: runs of letters, digits, apostrophes, and the
/// dots, slashes and colons inside a web address. ASCII bytes are tested one by one (the same
/// tests as on their characters); other characters are decoded.
fn words_of(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let char_at = move |i: usize| text[i..].chars().next().unwrap_or('\0');
    let alphanumeric_at = move |i: usize| text[i..].chars().next().is_some_and(char::is_alphanumeric);
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii() {
                if b.is_ascii_alphanumeric() {
                    break;
                }
                i += 1;
            } else {
                let ch = char_at(i);
                if ch.is_alphanumeric() {
                    break;
                }
                i += ch.len_utf8();
            }
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        let url = bytes[i..].starts_with(b"http") || bytes[i..].starts_with(b"www.");
        while i < bytes.len() {
            // A run of ASCII letters and digits first, the bulk of every word.
            if bytes[i].is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            let b = bytes[i];
            let (inner, len) = if b.is_ascii() {
                // `char::is_whitespace` on ASCII: tab, line feed, vertical tab, form feed,
                // carriage return, space.
                let space = matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r');
                (b.is_ascii_alphanumeric() || (b == b'\'' && alphanumeric_at(i + 1)) || (url && !space), 1)
            } else {
                let ch = char_at(i);
                let len = ch.len_utf8();
                (ch.is_alphanumeric() || (ch == '’' && alphanumeric_at(i + len)) || (url && !ch.is_whitespace()), len)
            };
            if !inner {
                break;
            }
            i += len;
        }
        Some((start, &text[start..i]))
    })
}

/// A wire dateline or credit opening the first paragraph: "(Reuters) -", "WASHINGTON (AP) —",
/// "LONDON —", "NEW YORK, May 5 (Reuters) -".
fn has_dateline(paragraph: &str) -> bool {
    let head: String = paragraph.chars().take(60).collect();
    if head.starts_with('(') && head.contains(") ") {
        return true;
    }
    // A run of upper-case words, then a dash, a parenthesis or a comma.
    let mut upper_words = 0;
    for token in head.split_whitespace() {
        let letters: String = token.chars().filter(|c| c.is_alphabetic()).collect();
        if token.starts_with(['(', '\u{2014}', '\u{2013}', '-']) {
            return upper_words > 0;
        }
        if !letters.is_empty() && letters.chars().all(char::is_uppercase) && letters.chars().count() >= 2 {
            upper_words += 1;
            if token.ends_with(',') || token.ends_with(':') {
                return true;
            }
        } else {
            return false;
        }
    }
    false
}

/// The credibility of an article: the model's log-odds over its signals, as an [`Explanation`]
/// with one contribution per signal that has a non-zero weight.
pub(crate) fn explain(model: &CredibilityModelConfig, signals: &ArticleSignals) -> Explanation {
    let mut e = Explanation::logistic(model.intercept);
    for (name, value) in signals.iter() {
        if let Some(&w) = model.weights.get(name) {
            e.add(name, value, w, "");
        }
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word splitter before its ASCII fast path: the oracle.
    fn words_by_chars(text: &str) -> Vec<(usize, &str)> {
        let bytes = text.as_bytes();
        let mut i = 0;
        std::iter::from_fn(move || {
            while i < bytes.len() {
                let ch = text[i..].chars().next()?;
                if ch.is_alphanumeric() {
                    break;
                }
                i += ch.len_utf8();
            }
            if i >= bytes.len() {
                return None;
            }
            let start = i;
            let url = text[i..].starts_with("http") || text[i..].starts_with("www.");
            while i < bytes.len() {
                let ch = text[i..].chars().next()?;
                let inner = ch.is_alphanumeric()
                    || ((ch == '\'' || ch == '’')
                        && text[i + ch.len_utf8()..].chars().next().is_some_and(char::is_alphanumeric))
                    || (url && !ch.is_whitespace());
                if !inner {
                    break;
                }
                i += ch.len_utf8();
            }
            Some((start, &text[start..i]))
        })
        .collect()
    }

    proptest::proptest! {
        #[test]
        fn words_as_the_character_splitter(s in "(http|www\\.|[a-zA-Z0-9 ,.'’:/\t\n\x0b\x1c\u{85}\u{a0}\u{e9}\u{c9}\u{2003}]){0,30}") {
            proptest::prop_assert_eq!(words_of(&s).collect::<Vec<_>>(), words_by_chars(&s));
        }

        #[test]
        fn caps_and_persons_as_on_characters(w in "[a-zA-Z'\u{e9}\u{c9}\u{130}\u{212a}]{0,12}") {
            let want_caps = w.chars().filter(|c| c.is_alphabetic()).count() >= 4 && w.chars().all(|c| !c.is_lowercase());
            proptest::prop_assert_eq!(all_caps(&w), want_caps);
            let lower: String = w.chars().map(|c| c.to_ascii_lowercase()).collect();
            let want = match lower.as_str() {
                "you" | "your" | "yours" | "yourself" | "yourselves" => Person::Second,
                "i" | "me" | "my" | "mine" | "myself" | "we" | "us" | "our" | "ours" | "ourselves" => Person::First,
                _ => Person::Other,
            };
            proptest::prop_assert_eq!(person(&w), want);
        }
    }

    #[test]
    fn persons_in_any_case() {
        for (w, want) in
            [("You", Person::Second), ("OURSELVES", Person::First), ("i", Person::First), ("yous", Person::Other)]
        {
            assert_eq!(person(w), want, "{w}");
        }
    }

    #[test]
    fn words_keep_apostrophes_and_addresses() {
        let w: Vec<&str> = words_of("Don't go—see https://x.org/a?b=1 now, O’Brien!").map(|(_, w)| w).collect();
        assert_eq!(w, ["Don't", "go", "see", "https://x.org/a?b=1", "now", "O’Brien"]);
    }

    #[test]
    fn datelines() {
        for (p, want) in [
            ("(Reuters) - U.S. President Donald Trump threatened", true),
            ("WASHINGTON (AP) — The Senate voted", true),
            ("LONDON — Britain said", true),
            ("NEW YORK, May 5 (Reuters) - Stocks fell", true),
            ("The Senate voted on Tuesday", false),
            ("BREAKING NEWS", false),
            ("FBI agents raided the office", false),
        ] {
            assert_eq!(has_dateline(p), want, "{p}");
        }
    }
}
