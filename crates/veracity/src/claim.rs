//! Claims: one per asserted sentence, with hedges, attribution and check-worthiness signals.

use crate::attribution::Attribution;
use crate::config::ClaimConfig;
use crate::explain::Explanation;
use crate::grade::Admiralty;
use crate::hedge::{CertaintyLevel, Hedge};
use crate::matcher::{PhraseMatch, PhraseMatcher};
use crate::segment::Quote;
use std::sync::OnceLock;

use crate::matcher::{PhraseList, with_lower};
use crate::span::Span;
use crate::text::lexicon::{MONTHS, NUMBER_WORDS, WEEKDAYS};
use crate::text::tokens::{WordSets, whitespace_words};

/// What kind of utterance a claim is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ClaimKind {
    /// An assertion in the text's own words (possibly reported speech).
    Statement,
    /// A sentence that lies inside a quotation.
    Quotation,
    /// A question.
    Question,
    /// A recommendation, an evaluation or a stated belief ("should", "disgraceful", "I think").
    Opinion,
    /// A statement about the future ("will", "is expected to", "next year").
    Prediction,
}

impl ClaimKind {
    /// The snake_case name used in JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Statement => "statement",
            ClaimKind::Quotation => "quotation",
            ClaimKind::Question => "question",
            ClaimKind::Opinion => "opinion",
            ClaimKind::Prediction => "prediction",
        }
    }
}

/// Checkable specifics found in a claim.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ClaimFeatures {
    /// Numbers (digits or number words), years excluded.
    pub numbers: Vec<String>,
    /// Dates: month and weekday names, years, relative days.
    pub dates: Vec<String>,
    /// Named entities by capitalisation (runs of capitalised words not opening the sentence).
    pub entities: Vec<String>,
    /// Comparatives and superlatives ("more than", "largest").
    pub comparatives: Vec<String>,
    /// Causal connectives ("because", "led to").
    pub causal: Vec<String>,
}

impl ClaimFeatures {
    /// True when the claim holds a number or a date.
    #[must_use]
    pub fn has_specifics(&self) -> bool {
        !self.numbers.is_empty() || !self.dates.is_empty()
    }
}

/// A claim: a sentence the article asserts, with everything veracity knows about it.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Claim {
    /// Position among the article's claims.
    pub index: usize,
    /// Index of its sentence in [`crate::Analysis::sentences`].
    pub sentence: usize,
    /// Position of the claim among its sentence's clauses (0 for the first or only one): a
    /// sentence asserting several things ("X said A, and B") gives several claims.
    pub clause: usize,
    /// Byte span.
    pub span: Span,
    /// The claim's text.
    pub text: String,
    /// Statement, quotation, question, opinion or prediction.
    pub kind: ClaimKind,
    /// The cue that made the claim an opinion or a prediction ("should", "will").
    pub kind_cue: Option<String>,
    /// True when the claim is the headline.
    pub headline: bool,
    /// Hedge cues inside the claim.
    pub hedges: Vec<Hedge>,
    /// Certainty in `[0, 1]` left by the hedges (1 = stated as fact).
    pub certainty: f64,
    /// The certainty grade.
    pub certainty_level: CertaintyLevel,
    /// Index in [`Claim::hedges`] of the cue that decided the grade (see [`Claim::deciding_cue`]).
    pub deciding_hedge: Option<usize>,
    /// Certainty from the cues outside quotations only: how far the author, rather than a quoted
    /// speaker, hedges. Equal to `certainty` when no cue sits in a quotation.
    pub author_certainty: f64,
    /// True when the claim's assertion is negated: a negator ("not", "never", "no", "n't") that
    /// does not negate a hedge cue. With a hedge, the grade reads in its negated form
    /// ("probably not").
    pub negated: bool,
    /// The attribution covering the claim, if any.
    pub attribution: Option<Attribution>,
    /// Specifics found in the text.
    pub features: ClaimFeatures,
    /// Check-worthiness in `[0, 1]`.
    pub checkworthiness: f64,
    /// How the check-worthiness was computed.
    pub checkworthiness_explanation: Explanation,
    /// Credibility in `[0, 1]`.
    pub score: f64,
    /// How the credibility was computed.
    pub explanation: Explanation,
    /// The Admiralty rating: the original source's reliability letter and the information's
    /// credibility digit ("B2"), assessed independently. Within one article the digit is never 1
    /// or 5: those need corroboration across articles ([`crate::corroborate`]).
    pub admiralty: Admiralty,
}

impl Claim {
    /// True when the claim holds at least one hedge cue (boosters excluded).
    #[must_use]
    pub fn is_hedged(&self) -> bool {
        self.hedges.iter().any(|h| h.category != crate::HedgeCategory::Booster)
    }

    /// The cue that decided the grade: the hedge with the largest effective weight (boosters only
    /// when there is no hedge). `None` for a claim without cues.
    #[must_use]
    pub fn deciding_cue(&self) -> Option<&Hedge> {
        self.deciding_hedge.and_then(|i| self.hedges.get(i))
    }

    /// True when a non-negated weasel cue hides the source ("some say", "many believe").
    #[must_use]
    pub fn is_weasel(&self) -> bool {
        self.hedges.iter().any(|h| h.category == crate::HedgeCategory::Weasel && !h.negated)
    }

    /// True when the claim is hedged and attributed to a named source (a person, organisation,
    /// outlet or document): "Farnsworth said Maduro may ..." hedges, but says who does.
    #[must_use]
    pub fn is_attributed_hedge(&self) -> bool {
        self.is_hedged()
            && self.attribution.as_ref().and_then(Attribution::original_source).is_some_and(|s| {
                use crate::SourceKind as K;
                matches!(s.kind, K::NamedPerson | K::Organisation | K::NewsOutlet | K::Document)
            })
    }

    /// The factuality of the event at byte `pos` of `text` (the analysed text; `pos` inside the
    /// claim) on the FactBank/MEANTIME scale `[-3, 3]`: only the claim's hedge cues standing
    /// before `pos` count, and the event is negated when a negator stands within three words before
    /// it in the same clause. `w` is [`crate::Analysis::certainty_weights`]. See
    /// [`crate::Analysis::factuality_at`].
    #[must_use]
    pub fn factuality_at(&self, text: &str, pos: usize, w: &crate::config::CertaintyWeights) -> f64 {
        let pos = pos.clamp(self.span.start, self.span.end.min(text.len()));
        // An event embedded under a predicate in an entailment-cancelling environment ("I don't
        // think that X", "Did you know that X?"): the predicate decides the commitment, and the
        // clause's own negation flips it (see `commitment.rs`).
        if let Some((c, complement)) = self.embedded_at(text, pos) {
            if c.environment != crate::commitment::Environment::Plain {
                return if crate::hedge::negated_before(complement) { -c.value } else { c.value };
            }
        }
        // A cue's scope is its clause: it ends at the first comma or semicolon after the cue
        // ("The order, which is believed to be worth $15 billion, has given a boost": the boost
        // is not hedged), unless the cue opens the claim ("Reportedly, the minister resigned").
        let scoped: Vec<&Hedge> = self
            .hedges
            .iter()
            .filter(|h| h.span.end <= pos)
            .filter(|h| {
                let opens = text.get(self.span.start..h.span.start).is_some_and(|b| b.split_whitespace().count() <= 1);
                opens || text.get(h.span.end..pos).is_none_or(|between| !between.contains([',', ';']))
            })
            .collect();
        let certainty = crate::hedge::certainty_of(scoped, w);
        let before = text.get(self.span.start..pos).unwrap_or("");
        let negated = crate::hedge::negated_before(before);
        let mut level = CertaintyLevel::from_value(certainty, w);
        // What the event's own context says (counterfactive predicates, ability "can"): see
        // `event.rs`.
        let claim_end = self.span.end.min(text.len());
        let event = crate::event::context(before, text.get(pos..claim_end).unwrap_or(""));
        let negated = negated != event.counterfactive;
        if event.ability {
            level = CertaintyLevel::Underspecified;
        }
        // An event in an infinitive after a word of intention ("a joint effort to pump money",
        // "asked them to make plans") is intended, not asserted: at most possible.
        let mut last = before.split_whitespace().rev();
        if last.next().is_some_and(|w| w.eq_ignore_ascii_case("to"))
            && last.next().is_some_and(|w| INTENTION_BEFORE_TO.contains(&w.to_lowercase().as_str()))
        {
            level = level.max(CertaintyLevel::Possible);
        }
        crate::hedge::factuality_value(level, negated)
    }

    /// The speaker's commitment to the clause embedding the event at byte `pos` of `text` (inside
    /// the claim), when a matrix predicate ("think", "know", "say") stands before it: its class,
    /// the environment over it (negation, question, conditional, modal, "hardly") and the value on
    /// `[-3, 3]` before the clause's own negation. See [`crate::Analysis::commitment_at`].
    #[must_use]
    pub fn commitment_at(&self, text: &str, pos: usize) -> Option<crate::Commitment> {
        self.embedded_at(text, pos).map(|(c, _)| c)
    }

    /// The commitment at `pos` and the complement's text between the predicate and `pos`.
    fn embedded_at<'t>(&self, text: &'t str, pos: usize) -> Option<(crate::Commitment, &'t str)> {
        let end = self.span.end.min(text.len());
        let pos = pos.clamp(self.span.start, end);
        let before = text.get(self.span.start..pos)?;
        let c = crate::commitment::embedded_commitment(before, text.get(pos..end).unwrap_or(""))?;
        // The complement starts after the last whole-word occurrence of the predicate.
        let lower = before.to_ascii_lowercase();
        let mut from = None;
        for (i, _) in lower.match_indices(c.predicate.as_str()) {
            let j = i + c.predicate.len();
            let bounded = |b: Option<&u8>| b.is_none_or(|b| !b.is_ascii_alphanumeric() && *b != b'\'');
            if bounded(i.checked_sub(1).and_then(|k| lower.as_bytes().get(k))) && bounded(lower.as_bytes().get(j)) {
                from = Some(j);
            }
        }
        Some((c, before.get(from.unwrap_or(before.len())..).unwrap_or("")))
    }

    /// The claim's factuality on the FactBank/MEANTIME scale `[-3, 3]`: its grade (certain 3,
    /// probable 1.5, possible 0.75, underspecified 0), negative when [`Claim::negated`].
    #[must_use]
    pub fn factuality(&self) -> f64 {
        crate::hedge::factuality_value(self.certainty_level, self.negated)
    }
}

const MONTH_ABBREVIATIONS: [&str; 10] = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct"];
const RELATIVE_DAYS: [&str; 3] = ["yesterday", "today", "tomorrow"];
/// Earliest and latest four-digit numbers read as years.
const YEAR_RANGE: std::ops::RangeInclusive<u32> = 1800..=2100;
const COMPARATIVE_PHRASES: [&str; 9] = [
    "more than",
    "less than",
    "fewer than",
    "greater than",
    "higher than",
    "lower than",
    "as many as",
    "as much as",
    "at most",
];
const SUPERLATIVES: [&str; 20] = [
    "largest",
    "biggest",
    "highest",
    "lowest",
    "smallest",
    "worst",
    "best",
    "most",
    "least",
    "record",
    "unprecedented",
    "fastest",
    "strongest",
    "weakest",
    "deadliest",
    "greatest",
    "longest",
    "oldest",
    "youngest",
    "first",
];
const CAUSAL_PHRASES: [&str; 14] = [
    "because",
    "due to",
    "led to",
    "leading to",
    "leads to",
    "caused",
    "causing",
    "resulted in",
    "as a result",
    "owing to",
    "triggered",
    "sparked",
    "in the wake of",
    "prompting",
];

/// The comparative, superlative and causal phrases behind one automaton (list order kept).
fn feature_phrases() -> &'static PhraseList {
    static P: OnceLock<PhraseList> = OnceLock::new();
    P.get_or_init(|| {
        PhraseList::new(
            COMPARATIVE_PHRASES.iter().chain(&SUPERLATIVES).chain(&CAUSAL_PHRASES).map(|p| (*p).to_owned()).collect(),
        )
    })
}

/// Words that join capitalised words into one entity ("Organization of American States").
const ENTITY_CONNECTORS: [&str; 5] = ["of", "de", "del", "la", "the"];

const IS_MONTH: u32 = 1;
const IS_MONTH_ABBREVIATION: u32 = 1 << 1;
const IS_WEEKDAY: u32 = 1 << 2;
const IS_RELATIVE_DAY: u32 = 1 << 3;
const IS_NUMBER_WORD: u32 = 1 << 4;
const IS_ENTITY_CONNECTOR: u32 = 1 << 5;

/// The word lists of the features as membership bits: one look-up per word instead of a scan of
/// every list.
fn feature_words() -> &'static WordSets {
    static W: OnceLock<WordSets> = OnceLock::new();
    W.get_or_init(|| {
        WordSets::new(&[&MONTHS, &MONTH_ABBREVIATIONS, &WEEKDAYS, &RELATIVE_DAYS, &NUMBER_WORDS, &ENTITY_CONNECTORS])
    })
}

fn bare(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Finds the check-worthiness features of a claim's text.
///
/// Its words are the text's white-space separated words with the punctuation at their edges cut
/// (`bare`), not the tokens of the front end: "U.S." and "10,000" stay one word, and a word's
/// closing period or comma tells where sentences and entities end.
// Not inlined: a stage of its own in `perf ipb` (one call per claim).
#[inline(never)]
pub(crate) fn features(text: &str) -> ClaimFeatures {
    let mut f = ClaimFeatures::default();
    let lower = text.to_lowercase();
    let words = whitespace_words(text);
    let sets = feature_words();
    let mut entity: Vec<&str> = Vec::new();
    let mut prev_ends_sentence = true;
    // List bits of the previous word (its bare lower-case form).
    let mut prev_bits = 0u32;
    for (i, raw) in words.iter().enumerate() {
        let w = bare(raw);
        let bits = with_lower(w, |l| sets.of(l));
        let in_list = |bit: u32| bits & bit != 0;
        let before = prev_bits;
        prev_bits = bits;
        if w.is_empty() {
            prev_ends_sentence = raw.ends_with(['.', '!', '?']);
            continue;
        }
        let is_year = w.len() == 4 && w.parse::<u32>().is_ok_and(|y| YEAR_RANGE.contains(&y));
        // The day of a date ("January 10", "Jan. 10") is part of the date, not a quantity.
        let is_day = i > 0
            && w.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
            && before & (IS_MONTH | IS_MONTH_ABBREVIATION) != 0
            && bare(words[i - 1]).starts_with(char::is_uppercase);
        if is_year
            || is_day
            || w.starts_with(char::is_uppercase) && in_list(IS_MONTH)
            || raw.ends_with('.') && w.starts_with(char::is_uppercase) && in_list(IS_MONTH_ABBREVIATION)
            || in_list(IS_WEEKDAY)
            || in_list(IS_RELATIVE_DAY)
        {
            f.dates.push(w.to_owned());
        } else if w.chars().any(|c| c.is_ascii_digit()) || in_list(IS_NUMBER_WORD) {
            // Punctuation and quotation marks at the edges go ("10,”" is 10); currency and percent stay.
            f.numbers.push(
                raw.trim_matches(|c: char| {
                    !(c.is_alphanumeric() || matches!(c, '$' | '%' | '\u{20ac}' | '\u{a3}' | '\u{a5}'))
                })
                .to_owned(),
            );
        }
        let opens = i == 0 || prev_ends_sentence || raw.starts_with(['"', '\u{201c}', '\u{2018}', '(']);
        let cap = w.chars().next().is_some_and(char::is_uppercase) && w != "I";
        let connector = !entity.is_empty() && in_list(IS_ENTITY_CONNECTOR) && cap_next(&words, i);
        if cap && !opens && !in_list(IS_MONTH) && !in_list(IS_WEEKDAY) || connector {
            // "Organization of American States" stays one entity.
            entity.push(w);
        } else if !entity.is_empty() {
            f.entities.push(entity.join(" "));
            entity.clear();
        }
        if raw.ends_with([',', ';', ':']) && !entity.is_empty() {
            f.entities.push(entity.join(" "));
            entity.clear();
        }
        prev_ends_sentence = raw.ends_with(['.', '!', '?']) && !w.contains('.');
    }
    if !entity.is_empty() {
        f.entities.push(entity.join(" "));
    }
    f.entities.dedup();
    let (nc, ns) = (COMPARATIVE_PHRASES.len(), SUPERLATIVES.len());
    let list = feature_phrases();
    for k in list.all_in(&lower) {
        let p = list.phrases()[k].clone();
        if k < nc + ns { f.comparatives.push(p) } else { f.causal.push(p) }
    }
    f
}

fn cap_next(words: &[&str], i: usize) -> bool {
    words.get(i + 1).is_some_and(|n| bare(n).chars().next().is_some_and(char::is_uppercase))
}

/// Words of intention, plan or effort before an infinitive whose event is not (yet) a fact.
const INTENTION_BEFORE_TO: [&str; 44] = [
    "effort",
    "efforts",
    "plan",
    "plans",
    "planned",
    "planning",
    "aim",
    "aims",
    "aimed",
    "bid",
    "attempt",
    "attempts",
    "attempted",
    "try",
    "tries",
    "tried",
    "trying",
    "seek",
    "seeks",
    "sought",
    "seeking",
    "want",
    "wants",
    "wanted",
    "hope",
    "hopes",
    "hoped",
    "intend",
    "intends",
    "intended",
    "arranged",
    "agreed",
    "decided",
    "promised",
    "pledged",
    "vowed",
    "fighting",
    "fight",
    "struggling",
    "move",
    "moves",
    "offered",
    "proposed",
    "able",
];

/// Words before "will"/"shall" that make it a noun ("the will of the people", "free will").
const WILL_NOUN_BEFORE: [&str; 12] =
    ["the", "a", "free", "good", "ill", "political", "his", "her", "their", "its", "own", "popular"];

/// Words after a connective that continue a verb phrase rather than open a clause.
const NOT_A_SUBJECT: [&str; 40] = [
    "then", "also", "later", "again", "not", "still", "even", "more", "less", "now", "soon", "thus", "to", "is", "are",
    "was", "were", "has", "have", "had", "will", "would", "can", "could", "may", "might", "should", "must", "do",
    "does", "did", "in", "on", "at", "for", "with", "from", "by", "of", "as",
];

/// Discourse markers that hold an opinion cue without stating an opinion ("it should be noted").
const NOT_OPINION_AFTER_SHOULD: [&str; 6] =
    ["be noted", "be remembered", "be stressed", "be pointed out", "be mentioned", "be recalled"];

/// Claim units and kinds: the compiled [`ClaimConfig`].
#[derive(Debug, Clone)]
pub(crate) struct ClaimRules {
    split: bool,
    min_words: usize,
    connectives: Vec<String>,
    subjects: Vec<String>,
    opinion: PhraseMatcher,
    opinion_cues: Vec<String>,
    prediction: PhraseMatcher,
    prediction_cues: Vec<String>,
}

/// Opinion and prediction cues found in a document, in text order.
#[derive(Debug, Default)]
pub(crate) struct KindCues {
    opinion: Vec<(Span, usize)>,
    prediction: Vec<(Span, usize)>,
}

impl ClaimRules {
    pub(crate) fn new(c: &ClaimConfig) -> Self {
        let lower = |v: &[String]| v.iter().map(|s| s.to_lowercase()).collect::<Vec<_>>();
        let opinion_cues = lower(&c.opinion_cues);
        let prediction_cues = lower(&c.prediction_cues);
        Self {
            split: c.split,
            min_words: c.min_clause_words,
            connectives: lower(&c.split_connectives),
            subjects: lower(&c.clause_subjects),
            opinion: PhraseMatcher::new(opinion_cues.iter().enumerate().map(|(i, p)| (p.as_str(), i))),
            prediction: PhraseMatcher::new(prediction_cues.iter().enumerate().map(|(i, p)| (p.as_str(), i))),
            opinion_cues,
            prediction_cues,
        }
    }

    /// The opinion and prediction automata, for a pass shared with other lexicons (see
    /// [`crate::matcher::PhraseSets`]).
    pub(crate) fn kind_matchers(&self) -> [&PhraseMatcher; 2] {
        [&self.opinion, &self.prediction]
    }

    /// The opinion and prediction cues of a whole document, from the matches of the opinion and
    /// the prediction automata in `text` (those of [`ClaimRules::kind_matchers`]).
    #[inline(never)]
    pub(crate) fn kind_cues_in(&self, text: &str, opinion: Vec<PhraseMatch>, prediction: Vec<PhraseMatch>) -> KindCues {
        let opinion = opinion
            .into_iter()
            .filter(|m| {
                if !m.span.slice(text).eq_ignore_ascii_case("should") {
                    return true;
                }
                let after: String = text[m.span.end..].trim_start().chars().take(16).collect::<String>().to_lowercase();
                !NOT_OPINION_AFTER_SHOULD.iter().any(|p| after.starts_with(p))
            })
            .map(|m| (m.span, m.payload))
            .collect();
        let prediction = prediction
            .into_iter()
            .filter(|m| {
                let cue = m.span.slice(text);
                if !cue.eq_ignore_ascii_case("will") && !cue.eq_ignore_ascii_case("shall") {
                    return true;
                }
                let before = text[..m.span.start].split_whitespace().next_back().map(|w| bare(w).to_lowercase());
                !before.is_some_and(|w| WILL_NOUN_BEFORE.contains(&w.as_str()))
            })
            .map(|m| (m.span, m.payload))
            .collect();
        KindCues { opinion, prediction }
    }

    /// The kind of a claim that is neither a question nor a quotation: opinion, prediction or
    /// statement, with the deciding cue.
    pub(crate) fn statement_kind(&self, cues: &KindCues, span: Span) -> (ClaimKind, Option<String>) {
        let first = |v: &[(Span, usize)]| {
            let i = v.partition_point(|(s, _)| s.start < span.start);
            v[i..].iter().take_while(|(s, _)| s.end <= span.end).next().map(|&(_, p)| p)
        };
        if let Some(p) = first(&cues.opinion) {
            return (ClaimKind::Opinion, Some(self.opinion_cues[p].clone()));
        }
        if let Some(p) = first(&cues.prediction) {
            return (ClaimKind::Prediction, Some(self.prediction_cues[p].clone()));
        }
        (ClaimKind::Statement, None)
    }

    /// Splits a sentence into clause spans: at "; " and at ", CONNECTIVE " when a clause subject
    /// (or a capitalised word) follows, both sides have at least `min_clause_words` words, the
    /// boundary is not inside a quotation, and the words since the previous comma are not a list
    /// item. Returns the sentence span alone when nothing splits.
    #[inline(never)]
    pub(crate) fn clauses(&self, text: &str, span: Span, quotes: &[&Quote]) -> Vec<Span> {
        let s = span.slice(text);
        if !self.split || !(s.contains(", ") || s.contains("; ")) {
            return vec![span];
        }
        let in_quote = |pos: usize| quotes.iter().any(|q| q.span.start < pos && pos < q.span.end);
        let words_in = |a: usize, b: usize| text[a..b].split_whitespace().count();
        let mut out = Vec::new();
        let mut cur = span.start;
        let bytes = s.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            if !(b == b',' || b == b';') || bytes.get(i + 1) != Some(&b' ') {
                continue;
            }
            let at = span.start + i;
            if at <= cur || in_quote(at) {
                continue;
            }
            let rest = &s[i + 2..];
            let mut words = rest.split_whitespace();
            let right_start = if b == b';' {
                span.start + i + 2 + (rest.len() - rest.trim_start().len())
            } else {
                let Some(conn) = words.next() else { continue };
                if !with_lower(conn, |conn| self.connectives.iter().any(|c| c == conn)) {
                    continue;
                }
                let Some(subject) = words.next() else { continue };
                let bare_subject = bare(subject);
                // A clause opens with a subject: a listed word, a name, or a noun, that is any word
                // but a verb form, an adverb or a preposition ("and then reopened it").
                let opens = with_lower(bare_subject, |lower_subject| {
                    self.subjects.iter().any(|w| w == lower_subject)
                        || bare_subject.chars().next().is_some_and(char::is_uppercase)
                        || !(NOT_A_SUBJECT.contains(&lower_subject)
                            || lower_subject.ends_with("ed")
                            || lower_subject.ends_with("ing")
                            || lower_subject.ends_with("ly")
                            || lower_subject.is_empty())
                });
                if !opens {
                    continue;
                }
                // A list item ("apples, pears, and the rest"): too few words since the last comma.
                let since_comma = text[cur..at].rfind(',').map_or(cur, |p| cur + p + 1);
                if words_in(since_comma, at) < 3 {
                    continue;
                }
                let after_conn = i + 2 + rest.find(conn).unwrap_or(0) + conn.len();
                let tail = &s[after_conn..];
                span.start + after_conn + (tail.len() - tail.trim_start().len())
            };
            if words_in(cur, at) < self.min_words || words_in(right_start, span.end) < self.min_words {
                continue;
            }
            out.push(Span::new(cur, at));
            cur = right_start;
        }
        if out.is_empty() {
            return vec![span];
        }
        out.push(Span::new(cur, span.end));
        out
    }
}
