//! Hedge cues: detection, categories, and the certainty they leave a claim with.

use crate::config::{CertaintyWeights, Config, HedgeCategory};
use crate::matcher::{PhraseMatch, PhraseMatcher, is_word_char};
use crate::segment::Quote;
use crate::span::{Span, SpanIndex};
use crate::text::lexicon::SUBJECT_PRONOUNS;

/// One hedge cue found in the text.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Hedge {
    /// The cue as written in the text.
    pub cue: String,
    /// Its byte span.
    pub span: Span,
    /// Its category.
    pub category: HedgeCategory,
    /// Its weight from the lexicon.
    pub weight: f64,
    /// True when a negation governs it ("not likely", "no evidence suggests").
    pub negated: bool,
    /// True when it sits inside a quotation (the speaker hedges, not the author).
    pub in_quote: bool,
    /// True when it is an adjective inside a noun phrase ("the *alleged* offer", "a *potential*
    /// escape", "exchanged *alleged* front man Alex Saab"): it hedges the phrase, not the whole
    /// claim, so it counts with `attributive_hedge_factor` of its weight
    /// ([`CertaintyWeights`](crate::config::CertaintyWeights)).
    #[cfg_attr(feature = "serde", serde(default))]
    pub attributive: bool,
}

/// FactBank-style certainty grades.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum CertaintyLevel {
    /// Stated as fact.
    Certain,
    /// Stated as probable.
    Probable,
    /// Stated as possible.
    Possible,
    /// Hedged so much the author's commitment cannot be told.
    Underspecified,
}

impl CertaintyLevel {
    /// The snake_case name used in JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            CertaintyLevel::Certain => "certain",
            CertaintyLevel::Probable => "probable",
            CertaintyLevel::Possible => "possible",
            CertaintyLevel::Underspecified => "underspecified",
        }
    }

    /// The grade of a certainty value under the configured thresholds.
    #[must_use]
    pub fn from_value(certainty: f64, w: &CertaintyWeights) -> Self {
        if certainty >= w.certain {
            CertaintyLevel::Certain
        } else if certainty >= w.probable {
            CertaintyLevel::Probable
        } else if certainty >= w.possible {
            CertaintyLevel::Possible
        } else {
            CertaintyLevel::Underspecified
        }
    }
}

/// Words that negate a cue when they stand within [`NEGATION_WINDOW`] words before it.
const NEGATORS: [&str; 11] =
    ["not", "no", "never", "n't", "without", "nor", "hardly", "neither", "nothing", "nobody", "none"];
/// Bytes before a cue that the negation check reads (far more than `NEGATION_WINDOW` words).
const LOOKBACK_BYTES: usize = 96;
/// How many words before a cue are searched for a negator.
const NEGATION_WINDOW: usize = 3;
/// Subjects before "may" that make it a permission, not a possibility ("visitors may park here").
const PERMISSION_SUBJECTS: [&str; 16] = [
    "you",
    "visitors",
    "users",
    "members",
    "students",
    "anyone",
    "guests",
    "customers",
    "passengers",
    "players",
    "applicants",
    "employees",
    "readers",
    "participants",
    "residents",
    "shareholders",
];
/// Verbs after "could" that make it a past ability, not a possibility ("he could swim").
const ABILITY_VERBS: [&str; 24] = [
    "swim",
    "read",
    "write",
    "speak",
    "see",
    "hear",
    "walk",
    "run",
    "afford",
    "remember",
    "understand",
    "sing",
    "play",
    "drive",
    "ride",
    "fly",
    "dance",
    "recall",
    "climb",
    "feel",
    "smell",
    "taste",
    "talk",
    "count",
];
/// Words after "would" that make it a past future ("he would later become mayor"), not a condition.
const PAST_FUTURE_MARKERS: [&str; 7] = ["later", "eventually", "soon", "subsequently", "ultimately", "go", "become"];
/// Words after "would" that make it a polite wish ("we would like to thank"), not a condition.
const WISH_AFTER_WOULD: [&str; 2] = ["like", "love"];
/// Participles after "should be" that address the reader ("it should be noted that ...").
const DISCOURSE_PARTICIPLES: [&str; 10] = [
    "noted",
    "remembered",
    "stressed",
    "mentioned",
    "emphasized",
    "emphasised",
    "recalled",
    "underlined",
    "highlighted",
    "added",
];
/// Past reporting and thinking verbs after which "would" is the future of reported speech ("told
/// him he would lose", direct speech "you will lose"), not a condition.
const BACKSHIFT_VERBS: [&str; 26] = [
    "said",
    "told",
    "wrote",
    "added",
    "warned",
    "promised",
    "pledged",
    "vowed",
    "announced",
    "insisted",
    "predicted",
    "persuaded",
    "convinced",
    "assured",
    "knew",
    "thought",
    "believed",
    "feared",
    "hoped",
    "expected",
    "decided",
    "agreed",
    "stated",
    "declared",
    "signaled",
    "signalled",
];
/// Words before "sources say/said" that leave the sources vague ("Some sources said").
const VAGUE_SOURCE_QUALIFIERS: [&str; 9] =
    ["some", "many", "several", "other", "unnamed", "anonymous", "multiple", "various", "numerous"];
/// How many words before "would" are searched for a [`BACKSHIFT_VERBS`] verb.
const BACKSHIFT_REACH: usize = 8;
/// Words of a time or manner phrase that may stand between "claimed" and "that" ("claimed on
/// January 6 that", "claimed without evidence that"); capitalised words, numbers and -ly adverbs
/// pass too.
const CLAIM_INTERVENERS: [&str; 12] =
    ["on", "in", "at", "last", "this", "earlier", "later", "again", "also", "without", "evidence", "week"];
/// Finite auxiliaries that show a clause's verb after its subject ("claimed the government had").
const FINITE_AUXILIARIES: [&str; 16] = [
    "had", "has", "have", "was", "were", "is", "are", "did", "does", "would", "could", "will", "can", "should",
    "might", "may",
];
/// How many words may stand between "claimed" and its "that".
const CLAIM_REACH: usize = 5;
/// Hedging adjectives that may stand inside a noun phrase ("the alleged offer"); see
/// [`attributive`].
const ATTRIBUTIVE_CUES: [&str; 22] = [
    "alleged",
    "unclear",
    "uncertain",
    "purported",
    "supposed",
    "so-called",
    "potential",
    "possible",
    "apparent",
    "probable",
    "likely",
    "suspected",
    "reported",
    "rumored",
    "rumoured",
    "presumed",
    "putative",
    "ostensible",
    "would-be",
    "unconfirmed",
    "unverified",
    "presumptive",
];
/// Words before a hedging adjective that open a noun phrase ("the alleged", "of alleged").
const NOUN_PHRASE_OPENERS: [&str; 36] = [
    "a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those", "any",
    "such", "of", "for", "with", "about", "over", "against", "amid", "despite", "after", "before", "two", "several",
    "other", "under", "in", "from", "into", "on", "at", "among",
];
/// Words after a hedging adjective that show it is not followed by its noun ("likely to",
/// "possible that", "unverified by", "alleged in court").
const NOT_A_NOUN: [&str; 22] = [
    "to", "that", "by", "for", "in", "at", "on", "as", "with", "from", "of", "than", "and", "or", "but", "if", "when",
    "whether", "enough", "is", "are", "was",
];
/// How many words after an approximator may pass before the number it needs.
const APPROXIMATOR_REACH: usize = 2;
/// Number words that satisfy `requires_number`: a narrower list than
/// [`crate::text::lexicon::NUMBER_WORDS`] (without "fifteen", "forty", "dozens", "half", "twice",
/// "million(s)", "billion(s)" or "trillion"), the one the approximator cues are evaluated with;
/// the wider list would make more approximators ("about half") count as hedges.
const APPROXIMATED_NUMBER_WORDS: [&str; 20] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "dozen",
];

#[derive(Debug, Clone)]
struct Entry {
    category: HedgeCategory,
    weight: f64,
    requires_number: bool,
    unless_number: bool,
}

/// Finds hedge cues with the configured lexicon.
#[derive(Debug, Clone)]
pub(crate) struct HedgeDetector {
    matcher: PhraseMatcher,
    entries: Vec<Entry>,
}

impl HedgeDetector {
    pub(crate) fn new(config: &Config) -> Self {
        let mut entries = Vec::new();
        let mut phrases = Vec::new();
        for g in config.hedge_groups.values() {
            for p in &g.phrases {
                phrases.push((p.as_str(), entries.len()));
                let weight = config.hedge_weights.get(&p.to_lowercase()).copied().unwrap_or(g.weight);
                entries.push(Entry {
                    category: g.category,
                    weight,
                    requires_number: g.requires_number,
                    unless_number: g.unless_number,
                });
            }
        }
        Self { matcher: PhraseMatcher::new(phrases), entries }
    }

    /// The lexicon's automaton, for a pass shared with other lexicons (see
    /// [`crate::matcher::PhraseSets`]).
    pub(crate) fn matcher(&self) -> &PhraseMatcher {
        &self.matcher
    }

    /// All hedge cues in `text`, in order, from the lexicon's matches in `text` (what
    /// [`HedgeDetector::matcher`] finds there). `sentence_starts` tells which capitalised cues
    /// begin a sentence (a capitalised cue elsewhere is a name: "May 5", "Will Smith").
    #[inline(never)]
    pub(crate) fn detect_in(
        &self,
        text: &str,
        matches: Vec<PhraseMatch>,
        quotes: &[Quote],
        sentence_starts: &[usize],
    ) -> Vec<Hedge> {
        let mut out = Vec::new();
        let quote_index = SpanIndex::new(quotes.iter().map(|q| q.content));
        for m in matches {
            let e = &self.entries[m.payload];
            let cue = m.span.slice(text);
            let capitalised = cue.starts_with(char::is_uppercase) && cue.chars().skip(1).all(|c| !c.is_uppercase());
            if capitalised
                && sentence_starts.binary_search(&m.span.start).is_err()
                && !after_quote_open(text, m.span.start)
            {
                continue;
            }
            if (e.requires_number || e.unless_number) && e.requires_number != number_follows(&text[m.span.end..]) {
                continue;
            }
            if not_epistemic(cue, &text[..m.span.start], &text[m.span.end..]) {
                continue;
            }
            out.push(Hedge {
                cue: cue.to_owned(),
                span: m.span,
                category: e.category,
                weight: e.weight,
                negated: negated_before(&text[..m.span.start]),
                in_quote: quote_index.overlapping(m.span).any(|i| quotes[i].content.contains(m.span)),
                attributive: attributive(cue, &text[..m.span.start], &text[m.span.end..]),
            });
        }
        out
    }
}

fn bare_lower(w: &str) -> String {
    w.trim_matches(|c: char| !is_word_char(c) && c != '\'').to_lowercase()
}

/// True when a modal is used in a sense that is not about possibility: "may" as permission
/// ("visitors may park here"), "could" as past ability ("he could swim", "police could not find
/// him"), "would" as a past future ("he would later become mayor") or a polite wish ("we would
/// like to thank"), "should" addressing the reader ("it should be noted that").
fn not_epistemic(cue: &str, before: &str, after: &str) -> bool {
    let cue = cue.to_lowercase();
    let prev_word = before.split_whitespace().next_back().unwrap_or_default();
    let prev = bare_lower(prev_word);
    let mut next = words_after(after).map(bare_lower);
    match cue.as_str() {
        "may" => PERMISSION_SUBJECTS.contains(&prev.as_str()),
        "could" => {
            let mut w = next.next().unwrap_or_default();
            let mut negated = false;
            while ["not", "never", "also", "only", "still", "easily", "barely", "hardly", "no", "longer"]
                .contains(&w.as_str())
            {
                negated |= matches!(w.as_str(), "not" | "never" | "no" | "hardly" | "barely");
                w = next.next().unwrap_or_default();
            }
            ABILITY_VERBS.contains(&w.as_str()) || negated && w != "have" && w != "be"
        }
        "would" => {
            let following: Vec<String> = next.take(4).collect();
            following.first().is_some_and(|w| PAST_FUTURE_MARKERS.contains(&w.as_str()) || WISH_AFTER_WOULD.contains(&w.as_str()))
                // "This would not be the first time ...": an idiom that asserts it happened before.
                || following == ["not", "be", "the", "first"]
                || backshifted(before)
        }
        // "Kremlin sources said", "The sources said": sources located by a name, or already
        // introduced, are an anonymous attribution (the source kind says so), not a weasel that
        // hides who speaks ("sources say", "some sources said").
        "sources say" | "sources said" => {
            let named =
                prev_word.starts_with(char::is_uppercase) && !prev_word.ends_with(['.', '?', '!', ',', ';', ':']);
            (named || prev == "the") && !VAGUE_SOURCE_QUALIFIERS.contains(&prev.as_str())
        }
        // A bare "claimed"/"claims" reports a claim only when a clause follows ("Authorities
        // claimed he voluntarily appeared", "claimed on January 6 that"), not "claimed victory"
        // or "claimed 20 lives".
        "claimed" | "claims" => !clause_follows(after),
        // "It should be remembered that ...": a pointer to the reader, not a probability.
        "should" => {
            next.next().is_some_and(|w| w == "be")
                && next.next().is_some_and(|w| DISCOURSE_PARTICIPLES.contains(&w.as_str()))
        }
        _ => false,
    }
}

/// True when a past reporting or thinking verb stands within [`BACKSHIFT_REACH`] words before,
/// in the same sentence and outside a quotation that opens in between: "would" is then the future
/// of reported speech ("persuaded the dictator he would lose a fight"), while in direct speech
/// ("he said: “We would win with a full squad”") it keeps its own sense.
fn backshifted(before: &str) -> bool {
    let sentence = before.rsplit(['.', '?', '!', ';', ':', '"', '\u{201c}', '\u{201d}']).next().unwrap_or(before);
    sentence.split_whitespace().rev().take(BACKSHIFT_REACH).any(|w| BACKSHIFT_VERBS.contains(&bare_lower(w).as_str()))
}

/// True when a clause follows a bare "claimed": a subject pronoun, a short subject and its finite
/// auxiliary ("claimed the government had lied", "claimed Smith was"), or "that" after at most
/// [`CLAIM_REACH`] words of a time or manner phrase.
fn clause_follows(after: &str) -> bool {
    let mut words = words_after(after);
    let Some(first) = words.next() else { return false };
    if SUBJECT_PRONOUNS.contains(&bare_lower(first).as_str()) {
        return true;
    }
    // The subject may be two words at most, without punctuation or a relative word between, and
    // is not an infinitive's "to" ("claimed to have found" is no clause).
    let head: Vec<&str> = words_after(after).take(3).collect();
    for (i, w) in head.iter().enumerate().skip(1) {
        let prev = head[i - 1];
        if prev.ends_with([',', ';', ':', '.']) || ["to", "that", "which", "who"].contains(&bare_lower(prev).as_str()) {
            break;
        }
        if FINITE_AUXILIARIES.contains(&bare_lower(w).as_str()) {
            return true;
        }
    }
    let mut w = first;
    for _ in 0..CLAIM_REACH {
        let lower = bare_lower(w);
        if lower == "that" {
            return true;
        }
        let passes = CLAIM_INTERVENERS.contains(&lower.as_str())
            || lower.ends_with("ly")
            || w.starts_with(char::is_uppercase)
            || w.chars().any(|c| c.is_ascii_digit());
        if !passes || w.ends_with([',', ';', ':', '.']) {
            return false;
        }
        match words.next() {
            Some(next) => w = next,
            None => return false,
        }
    }
    false
}

/// True when a hedging adjective ([`ATTRIBUTIVE_CUES`]) stands inside a noun phrase: a word
/// follows that can be its noun (not "to", "that", "by", ...: [`NOT_A_NOUN`]), and before it
/// stands a word opening a noun phrase ([`NOUN_PHRASE_OPENERS`], a possessive "'s") or a past verb
/// whose object the phrase is ("exchanged alleged front man"). Otherwise it is a predicate or an
/// adverb's place ("is likely to", "will likely take", "prosecutors alleged Smith took").
fn attributive(cue: &str, before: &str, after: &str) -> bool {
    let cue = cue.to_lowercase();
    if !ATTRIBUTIVE_CUES.contains(&cue.as_str()) {
        return false;
    }
    let Some(next) = words_after(after).next() else { return false };
    let next_bare = bare_lower(next);
    if next_bare.is_empty() || !next.starts_with(char::is_alphanumeric) || NOT_A_NOUN.contains(&next_bare.as_str()) {
        return false;
    }
    let Some(prev) = before.split_whitespace().next_back() else { return false };
    if prev.ends_with([',', ';', ':', '.', '(', '"', '\u{201c}', '\u{201d}']) {
        return false;
    }
    let prev = bare_lower(prev);
    NOUN_PHRASE_OPENERS.contains(&prev.as_str())
        || prev.ends_with("'s")
        || prev.ends_with("\u{2019}s")
        || prev.len() > 4 && prev.ends_with("ed") && !["need", "indeed"].contains(&prev.as_str())
}

/// A hedge's weight as it counts: times `negated_hedge_factor` when negated and
/// `attributive_hedge_factor` when attributive.
fn effective_weight(h: &Hedge, w: &CertaintyWeights) -> f64 {
    let mut weight = h.weight;
    if h.negated {
        weight *= w.negated_hedge_factor;
    }
    if h.attributive {
        weight *= w.attributive_hedge_factor;
    }
    weight
}

fn after_quote_open(text: &str, pos: usize) -> bool {
    text[..pos].chars().next_back().is_some_and(|c| matches!(c, '"' | '\u{201c}' | '\u{2018}' | '\u{ab}' | '('))
}

fn words_after(rest: &str) -> impl Iterator<Item = &str> {
    rest.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty())
}

fn number_follows(rest: &str) -> bool {
    words_after(rest).take(APPROXIMATOR_REACH).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '$' && c != '%');
        w.chars().any(|c| c.is_ascii_digit()) || APPROXIMATED_NUMBER_WORDS.contains(&w.to_lowercase().as_str())
    })
}

/// True when a negator stands within [`NEGATION_WINDOW`] words before the end of `before`, in the
/// same clause.
///
/// Called for every hedge cue and every word of every claim, so it reads backwards from the end
/// and stops at the clause's start or after [`NEGATION_WINDOW`] words, without allocating (the
/// window is also bounded: long sentences must not make this quadratic).
pub(crate) fn negated_before(before: &str) -> bool {
    let near = crate::span::tail(before, LOOKBACK_BYTES);
    let mut words = 0;
    // End (exclusive) of the word being read, when inside one.
    let mut word_end: Option<usize> = None;
    for (i, c) in near.char_indices().rev() {
        let clause_start = matches!(c, ',' | ';' | '.' | ':' | '\u{201c}' | '"');
        if clause_start || c.is_whitespace() {
            if let Some(end) = word_end.take() {
                if is_negator(&near[i + c.len_utf8()..end]) {
                    return true;
                }
                words += 1;
            }
            if clause_start || words == NEGATION_WINDOW {
                return false;
            }
        } else if word_end.is_none() {
            word_end = Some(i + c.len_utf8());
        }
    }
    word_end.is_some_and(|end| is_negator(&near[..end]))
}

/// True when a whitespace-delimited word is a negator ("not", "No,", "didn't").
pub(crate) fn is_negator(w: &str) -> bool {
    if w.is_ascii() {
        // ASCII lower-casing keeps word characters word characters, so trim first, then compare
        // without allocating.
        let t = w.trim_matches(|c: char| !is_word_char(c) && c != '\'');
        let n_t = t.len() >= 3 && t.as_bytes()[t.len() - 3..].eq_ignore_ascii_case(b"n't");
        n_t || NEGATORS.iter().any(|n| t.eq_ignore_ascii_case(n))
    } else {
        let w = w.to_lowercase();
        let w = w.trim_matches(|c: char| !is_word_char(c) && c != '\'');
        NEGATORS.contains(&w) || w.ends_with("n't") || w.ends_with("n\u{2019}t")
    }
}

/// Certainty left by a set of hedges, in `[0, 1]`.
///
/// Hedges (all but boosters) combine like independent doubts: `1 - Π(1 - w)`, a negated hedge with
/// its weight times `negated_hedge_factor`, an attributive one (inside a noun phrase) times
/// `attributive_hedge_factor`. Boosters then win back their weight's share of what is
/// left: `certainty += (1 - certainty) * w`, except when negated ("not clearly").
#[must_use]
pub fn certainty_of<'a>(hedges: impl IntoIterator<Item = &'a Hedge>, w: &CertaintyWeights) -> f64 {
    let mut keep = 1.0_f64;
    let mut boosts = Vec::new();
    for h in hedges {
        if h.category == HedgeCategory::Booster {
            if !h.negated {
                boosts.push(h.weight);
            }
            continue;
        }
        keep *= 1.0 - effective_weight(h, w).clamp(0.0, 1.0);
    }
    let mut certainty = keep;
    for b in boosts {
        certainty += (1.0 - certainty) * b.clamp(0.0, 1.0);
    }
    certainty.clamp(0.0, 1.0)
}

/// The hedge that decides a claim's grade: the non-booster cue with the largest effective weight
/// (negated cues count with `negated_hedge_factor`, attributive ones with
/// `attributive_hedge_factor`), else the strongest non-negated booster.
#[must_use]
pub fn deciding_hedge(hedges: &[Hedge], w: &CertaintyWeights) -> Option<usize> {
    let effective = |h: &Hedge| effective_weight(h, w);
    let best = |boosters: bool| {
        hedges
            .iter()
            .enumerate()
            .filter(|(_, h)| (h.category == HedgeCategory::Booster) == boosters && !(boosters && h.negated))
            .max_by(|a, b| effective(a.1).total_cmp(&effective(b.1)).then(b.0.cmp(&a.0)))
            .map(|(i, _)| i)
    };
    best(false).or_else(|| best(true))
}

/// The event factuality of a certainty grade on the FactBank/MEANTIME scale `[-3, 3]`: certain 3,
/// probable 1.5, possible 0.75, underspecified 0, negative when `negated`.
#[must_use]
pub fn factuality_value(level: CertaintyLevel, negated: bool) -> f64 {
    let v = match level {
        CertaintyLevel::Certain => 3.0,
        CertaintyLevel::Probable => 1.5,
        CertaintyLevel::Possible => 0.75,
        CertaintyLevel::Underspecified => 0.0,
    };
    if negated { -v } else { v }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The allocating implementation `negated_before` replaces, kept as an oracle.
    fn negated_before_reference(before: &str) -> bool {
        let near = crate::span::tail(before, LOOKBACK_BYTES);
        let clause = near.rsplit([',', ';', '.', ':', '\u{201c}', '"']).next().unwrap_or(near);
        clause.split_whitespace().rev().take(NEGATION_WINDOW).any(|w| {
            let w = w.to_lowercase();
            let w = w.trim_matches(|c: char| !is_word_char(c) && c != '\'');
            NEGATORS.contains(&w) || w.ends_with("n't") || w.ends_with("n\u{2019}t")
        })
    }

    #[test]
    fn negated_before_matches_the_reference_on_tricky_cases() {
        for s in [
            "",
            "not",
            "NOT",
            "it is not",
            "not, it",
            "did not say that",
            "didn\u{2019}t",
            "(not)",
            "“not",
            "no one may",
            "never mind the",
            "Hardly",
            "not a b c",
            "a\u{a0}not",
            "NOΣ",
            "İnot",
            "x not.",
            "'not'",
            "won't",
        ] {
            assert_eq!(negated_before(s), negated_before_reference(s), "{s:?}");
        }
        let long = format!("{} not", "word ".repeat(40));
        assert_eq!(negated_before(&long), negated_before_reference(&long));
    }

    proptest! {
        #[test]
        fn negated_before_matches_the_reference(s in "(not|NOT|n't|n\u{2019}t|no|never|hardly|x|Σ|İ|[ ,.;:\"'\u{201c}\u{a0}]){0,40}") {
            prop_assert_eq!(negated_before(&s), negated_before_reference(&s));
        }
    }
}
