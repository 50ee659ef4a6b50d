//! Claims: one per asserted sentence, with hedges, attribution and check-worthiness signals.

use crate::attribution::Attribution;
use crate::explain::Explanation;
use crate::hedge::{CertaintyLevel, Hedge};
use crate::matcher::contains_phrase;
use crate::span::Span;

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
}

impl ClaimKind {
    /// The snake_case name used in JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Statement => "statement",
            ClaimKind::Quotation => "quotation",
            ClaimKind::Question => "question",
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
    /// Byte span.
    pub span: Span,
    /// The claim's text.
    pub text: String,
    /// Statement, quotation or question.
    pub kind: ClaimKind,
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
            && self
                .attribution
                .as_ref()
                .and_then(Attribution::original_source)
                .is_some_and(|s| {
                    use crate::SourceKind as K;
                    matches!(s.kind, K::NamedPerson | K::Organisation | K::NewsOutlet | K::Document)
                })
    }

    /// The claim's factuality on the FactBank/MEANTIME scale `[-3, 3]`: its grade (certain 3,
    /// probable 1.5, possible 0.75, underspecified 0), negative when [`Claim::negated`].
    #[must_use]
    pub fn factuality(&self) -> f64 {
        crate::hedge::factuality_value(self.certainty_level, self.negated)
    }
}

const MONTHS: [&str; 12] =
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_ABBREVIATIONS: [&str; 10] = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct"];
const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const RELATIVE_DAYS: [&str; 3] = ["yesterday", "today", "tomorrow"];
/// Earliest and latest four-digit numbers read as years.
const YEAR_RANGE: std::ops::RangeInclusive<u32> = 1800..=2100;
const NUMBER_WORDS: [&str; 30] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
    "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "million", "millions",
    "billion", "billions", "dozen", "dozens", "half", "twice", "trillion",
];
const COMPARATIVE_PHRASES: [&str; 9] =
    ["more than", "less than", "fewer than", "greater than", "higher than", "lower than", "as many as", "as much as", "at most"];
const SUPERLATIVES: [&str; 20] = [
    "largest", "biggest", "highest", "lowest", "smallest", "worst", "best", "most", "least", "record", "unprecedented",
    "fastest", "strongest", "weakest", "deadliest", "greatest", "longest", "oldest", "youngest", "first",
];
const CAUSAL_PHRASES: [&str; 14] = [
    "because", "due to", "led to", "leading to", "leads to", "caused", "causing", "resulted in", "as a result",
    "owing to", "triggered", "sparked", "in the wake of", "prompting",
];

fn bare(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Finds the check-worthiness features of a claim's text.
pub(crate) fn features(text: &str) -> ClaimFeatures {
    let mut f = ClaimFeatures::default();
    let lower = text.to_lowercase();
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut entity: Vec<&str> = Vec::new();
    let mut prev_ends_sentence = true;
    for (i, raw) in words.iter().enumerate() {
        let w = bare(raw);
        let l = w.to_lowercase();
        if w.is_empty() {
            prev_ends_sentence = raw.ends_with(['.', '!', '?']);
            continue;
        }
        let is_year = w.len() == 4 && w.parse::<u32>().is_ok_and(|y| YEAR_RANGE.contains(&y));
        if is_year
            || MONTHS.contains(&l.as_str()) && (w.starts_with(char::is_uppercase))
            || MONTH_ABBREVIATIONS.contains(&l.as_str()) && raw.ends_with('.') && w.starts_with(char::is_uppercase)
            || WEEKDAYS.contains(&l.as_str())
            || RELATIVE_DAYS.contains(&l.as_str())
        {
            f.dates.push(w.to_owned());
        } else if w.chars().any(|c| c.is_ascii_digit()) || NUMBER_WORDS.contains(&l.as_str()) {
            f.numbers.push(raw.trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':' | '(' | ')')).to_owned());
        }
        let opens = i == 0 || prev_ends_sentence || raw.starts_with(['"', '\u{201c}', '\u{2018}', '(']);
        let cap = w.chars().next().is_some_and(char::is_uppercase) && w != "I";
        let connector = ["of", "de", "del", "la", "the"].contains(&l.as_str()) && cap_next(&words, i);
        if cap && !opens && !MONTHS.contains(&l.as_str()) && !WEEKDAYS.contains(&l.as_str()) || !entity.is_empty() && connector {
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
    for p in COMPARATIVE_PHRASES {
        if contains_phrase(&lower, p) {
            f.comparatives.push(p.to_owned());
        }
    }
    for s in SUPERLATIVES {
        if contains_phrase(&lower, s) {
            f.comparatives.push(s.to_owned());
        }
    }
    for p in CAUSAL_PHRASES {
        if contains_phrase(&lower, p) {
            f.causal.push(p.to_owned());
        }
    }
    f
}

fn cap_next(words: &[&str], i: usize) -> bool {
    words.get(i + 1).is_some_and(|n| bare(n).chars().next().is_some_and(char::is_uppercase))
}
