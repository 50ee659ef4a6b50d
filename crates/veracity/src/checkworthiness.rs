//! Check-worthiness: a logistic model over named claim signals, its weights fitted on public
//! fact-checking data (`data/checkworthiness.toml`; `docs/scoring.md`, "Check-worthiness").
//!
//! Every signal is a number read from the claim's words and from what the analyser found (its
//! kind, hedges and attribution); the score is `sigmoid(intercept + Σ weight × signal)`, and the
//! explanation lists every term.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::attribution::SourceKind;
use crate::claim::{ClaimFeatures, ClaimKind};
use crate::error::{Error, Result};
use crate::explain::Explanation;
use crate::logistic::LogisticModel;
use crate::text::tokens::{Token, Tokens, WordSets};

/// The signals of the model, in row order. `docs/scoring.md` defines each one.
pub const SIGNALS: [&str; 29] = [
    "number",
    "statistic",
    "date",
    "entities",
    "comparative",
    "causal",
    "past_event",
    "record",
    "policy_topic",
    "first_person_record",
    "position",
    "allegation",
    "attributed",
    "negation",
    "hedged",
    "question",
    "opinion",
    "prediction",
    "evaluative",
    "procedure",
    "second_person",
    "length",
    "short",
    "absolute",
    "first_person",
    "modal",
    "quantity_change",
    "present_perfect",
    "numbers",
];

/// The fitted model as configured: `[checkworthiness]` of `data/checkworthiness.toml`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct CheckworthinessModel {
    /// The log-odds when every signal is 0.
    pub intercept: f64,
    /// One weight per signal of [`SIGNALS`], on the log-odds scale.
    pub weights: BTreeMap<String, f64>,
}

impl CheckworthinessModel {
    /// The model as a [`LogisticModel`] with its signals in [`SIGNALS`] order.
    #[must_use]
    pub fn to_logistic(&self) -> LogisticModel {
        let names = SIGNALS.iter().map(|s| (*s).to_owned()).collect();
        let weights = SIGNALS.iter().map(|s| self.weights.get(*s).copied().unwrap_or(0.0)).collect();
        LogisticModel::new(self.intercept, names, weights)
    }

    /// Checks that every signal has a finite weight and that no unknown signal is named.
    pub(crate) fn validate(&self, origin: &str) -> Result<()> {
        if !self.intercept.is_finite() {
            return Err(Error::invalid_config(origin, "checkworthiness.intercept", "must be a finite number"));
        }
        for s in SIGNALS {
            match self.weights.get(s) {
                Some(w) if w.is_finite() => {}
                Some(_) => {
                    return Err(Error::invalid_config(
                        origin,
                        format!("checkworthiness.weights.{s}"),
                        "must be a finite number",
                    ));
                }
                None => {
                    return Err(Error::invalid_config(origin, format!("checkworthiness.weights.{s}"), "is missing"));
                }
            }
        }
        if let Some(k) = self.weights.keys().find(|k| !SIGNALS.contains(&k.as_str())) {
            return Err(Error::invalid_config(origin, format!("checkworthiness.weights.{k}"), "is not a signal"));
        }
        Ok(())
    }
}

/// What the analyser knows about a claim besides its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClaimContext {
    /// Statement, quotation, question, opinion or prediction.
    pub kind: ClaimKind,
    /// The claim holds a hedge cue (boosters excluded).
    pub hedged: bool,
    /// The kind of the claim's original source, when attributed.
    pub source: Option<SourceKind>,
}

/// The signal values of a claim, in [`SIGNALS`] order, with the evidence for each.
#[derive(Debug, Clone, PartialEq)]
pub struct Signals {
    /// One value per signal.
    pub values: Vec<f64>,
    /// The words that set each signal ("" when none).
    pub details: Vec<String>,
}

const STATISTIC: [&str; 16] = [
    "percent",
    "%",
    "$",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "trillions",
    "rate",
    "average",
    "double",
    "doubled",
    "tripled",
    "half",
    "dollars",
];
const IRREGULAR_PAST: [&str; 30] = [
    "was", "were", "had", "did", "made", "went", "took", "got", "gave", "lost", "won", "cut", "left", "came",
    "brought", "built", "paid", "sent", "spent", "sold", "bought", "put", "set", "told", "said", "became", "began",
    "grew", "fell", "rose",
];
const RECORD_VERBS: [&str; 42] = [
    "voted",
    "vote",
    "votes",
    "supported",
    "opposed",
    "passed",
    "signed",
    "cut",
    "cuts",
    "raised",
    "raise",
    "increased",
    "decreased",
    "created",
    "spent",
    "funded",
    "approved",
    "vetoed",
    "repealed",
    "sponsored",
    "allowed",
    "allows",
    "banned",
    "taxed",
    "lowered",
    "reduced",
    "added",
    "doubled",
    "tripled",
    "lost",
    "closed",
    "invested",
    "borrowed",
    "negotiated",
    "killed",
    "deported",
    "sent",
    "built",
    "paid",
    "fought",
    "endorsed",
    "gave",
];
const POLICY_TOPICS: [&str; 40] = [
    "tax",
    "taxes",
    "jobs",
    "bill",
    "law",
    "deficit",
    "debt",
    "health",
    "obamacare",
    "medicare",
    "medicaid",
    "wall",
    "immigration",
    "immigrants",
    "trade",
    "nafta",
    "isis",
    "military",
    "border",
    "economy",
    "unemployment",
    "wages",
    "crime",
    "drugs",
    "budget",
    "spending",
    "insurance",
    "amnesty",
    "citizenship",
    "legalization",
    "deal",
    "treaty",
    "sanctions",
    "nuclear",
    "climate",
    "energy",
    "coal",
    "oil",
    "manufacturing",
    "companies",
];
const POSITION_VERBS: [&str; 10] =
    ["support", "oppose", "favor", "favour", "want", "propose", "proposed", "believe", "stand", "against"];
const ALLEGATION: [&str; 24] = [
    "accused",
    "accuse",
    "accuses",
    "alleged",
    "allegedly",
    "allegation",
    "allegations",
    "charged",
    "lied",
    "lie",
    "lies",
    "fraud",
    "corrupt",
    "corruption",
    "illegal",
    "illegally",
    "bribe",
    "bribes",
    "scandal",
    "cover-up",
    "misconduct",
    "abuse",
    "harassed",
    "investigation",
];
const REPORTING: [&str; 9] =
    ["said", "says", "told", "according", "reported", "claimed", "claims", "stated", "testified"];
const NEGATORS: [&str; 6] = ["not", "never", "no", "nobody", "nothing", "none"];
const EVALUATIVE: [&str; 22] = [
    "great",
    "terrible",
    "disaster",
    "tremendous",
    "beautiful",
    "incredible",
    "wonderful",
    "horrible",
    "amazing",
    "fantastic",
    "bad",
    "good",
    "nice",
    "sad",
    "stupid",
    "crazy",
    "smart",
    "strong",
    "weak",
    "important",
    "best",
    "love",
];
const PROCEDURE: [&str; 24] = [
    "thank",
    "thanks",
    "welcome",
    "evening",
    "morning",
    "question",
    "questions",
    "minutes",
    "seconds",
    "applause",
    "laughter",
    "crosstalk",
    "booing",
    "respond",
    "response",
    "rebuttal",
    "ahead",
    "please",
    "audience",
    "moderator",
    "debate",
    "ask",
    "answer",
    "folks",
];
const ABSOLUTE: [&str; 9] = ["every", "all", "always", "never", "nobody", "everybody", "everyone", "nothing", "only"];
const MODALS: [&str; 7] = ["should", "would", "could", "can", "must", "might", "may"];
const CHANGE: [&str; 16] = [
    "increase",
    "increased",
    "decrease",
    "decreased",
    "grow",
    "grew",
    "rose",
    "fell",
    "more",
    "less",
    "fewer",
    "higher",
    "lower",
    "up",
    "down",
    "growth",
];
/// How many words make a claim of full length for the `length` signal.
const FULL_LENGTH: f64 = 40.0;
/// Fewer words than this make a claim `short`.
const SHORT_WORDS: usize = 6;

/// The word lists above as bits of one lookup table, built once: a word's membership of every
/// list is one hash lookup instead of a scan per list, made once per word of the article by the
/// token stream ([`word_sets`]).
const LISTS: [&[&str]; 13] = [
    &STATISTIC,
    &IRREGULAR_PAST,
    &RECORD_VERBS,
    &POLICY_TOPICS,
    &POSITION_VERBS,
    &ALLEGATION,
    &REPORTING,
    &NEGATORS,
    &EVALUATIVE,
    &PROCEDURE,
    &ABSOLUTE,
    &MODALS,
    &CHANGE,
];
const IN_STATISTIC: u32 = 1;
const IN_IRREGULAR_PAST: u32 = 1 << 1;
const IN_RECORD_VERBS: u32 = 1 << 2;
const IN_POLICY_TOPICS: u32 = 1 << 3;
const IN_POSITION_VERBS: u32 = 1 << 4;
const IN_ALLEGATION: u32 = 1 << 5;
const IN_REPORTING: u32 = 1 << 6;
const IN_NEGATORS: u32 = 1 << 7;
const IN_EVALUATIVE: u32 = 1 << 8;
const IN_PROCEDURE: u32 = 1 << 9;
const IN_ABSOLUTE: u32 = 1 << 10;
const IN_MODALS: u32 = 1 << 11;
const IN_CHANGE: u32 = 1 << 12;

/// The word lists of the signals as the membership bits of the token stream.
pub(crate) fn word_sets() -> &'static WordSets {
    static SETS: OnceLock<WordSets> = OnceLock::new();
    SETS.get_or_init(|| WordSets::new(&LISTS))
}

/// A word of the claim: its lower-case form and its list bits.
type Word<'a> = (&'a str, u32);

/// The words (in text order) that belong to the list `bit`; `present` is the union of the
/// words' bits, so that a list none of them belongs to costs no scan.
fn any_of<'a>(words: &[Word<'a>], present: u32, bit: u32) -> Vec<&'a str> {
    if present & bit == 0 {
        return Vec::new();
    }
    words.iter().filter(|(_, b)| *b & bit != 0).map(|(w, _)| *w).collect()
}

fn is_past_with(w: &str, bits: u32) -> bool {
    bits & IN_IRREGULAR_PAST != 0 || (w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed"))
}

/// True when `text` holds `needle` (lower-case ASCII, starting with a letter) in any ASCII case:
/// only the places where its first letter stands, in either case, are compared.
fn contains_ascii_ci(text: &str, needle: &str) -> bool {
    let (hay, needle) = (text.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else { return true };
    debug_assert!(first.is_ascii_lowercase(), "the needle starts with a lower-case letter");
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), hay)
        .any(|i| hay.get(i..i + needle.len()).is_some_and(|w| w.eq_ignore_ascii_case(needle)))
}

/// The signal values of a claim's text.
#[must_use]
pub fn signals(text: &str, features: &ClaimFeatures, ctx: ClaimContext) -> Signals {
    let tokens = Tokens::new(text, word_sets());
    signals_of(&tokens, tokens.all(), text, features, ctx)
}

/// [`signals`] of the claim `text`, whose tokens `inside` (of the stream `stream`, built with
/// [`word_sets`]) the analyser has already read.
pub(crate) fn signals_of(
    stream: &Tokens<'_>,
    inside: &[Token],
    text: &str,
    features: &ClaimFeatures,
    ctx: ClaimContext,
) -> Signals {
    let words: Vec<Word<'_>> = inside.iter().filter(|t| t.is_word()).map(|t| (stream.lower(t), t.sets)).collect();
    let present = words.iter().fold(0, |all, (_, b)| all | b);
    let is_past = |i: usize| is_past_with(words[i].0, words[i].1);
    // '%' and '$' have no other case, and no character but the ASCII ones lower-cases to a letter
    // of "let me": the raw text tells what its lower-case form would.
    let mut values = Vec::with_capacity(SIGNALS.len());
    let mut details = Vec::with_capacity(SIGNALS.len());
    let mut push = |v: f64, d: String| {
        values.push(v);
        details.push(d);
    };
    let ind = |b: bool| if b { 1.0 } else { 0.0 };
    let list = |v: &[&str]| v.join(", ");

    push(ind(!features.numbers.is_empty()), features.numbers.join(", "));
    let mut stats = any_of(&words, present, IN_STATISTIC);
    if text.contains('%') {
        stats.push("%");
    }
    if text.contains('$') {
        stats.push("$");
    }
    push(ind(!stats.is_empty()), list(&stats));
    push(ind(!features.dates.is_empty()), features.dates.join(", "));
    #[allow(clippy::cast_precision_loss)]
    push(features.entities.len().min(3) as f64 / 3.0, features.entities.join(", "));
    push(ind(!features.comparatives.is_empty()), features.comparatives.join(", "));
    push(ind(!features.causal.is_empty()), features.causal.join(", "));
    let past: Vec<&str> = (0..words.len()).filter(|&i| is_past(i)).map(|i| words[i].0).collect();
    push(ind(!past.is_empty()), list(&past));
    let record = any_of(&words, present, IN_RECORD_VERBS);
    push(ind(!record.is_empty()), list(&record));
    let topics = any_of(&words, present, IN_POLICY_TOPICS);
    #[allow(clippy::cast_precision_loss)]
    push(topics.len().min(2) as f64 / 2.0, list(&topics));
    // "I voted", "we passed", "I have cut", "my plan cut": a first-person subject within three
    // words before a past or record verb.
    let first = |w: &str| matches!(w, "i" | "we" | "i've" | "we've" | "my" | "our");
    let mut own = Vec::new();
    for (i, &(w, _)) in words.iter().enumerate() {
        if first(w) {
            if let Some(j) = (i + 1..words.len()).take(3).find(|&j| is_past(j) || words[j].1 & IN_RECORD_VERBS != 0) {
                own.push(format!("{w} ... {}", words[j].0));
            }
        }
    }
    push(ind(!own.is_empty()), own.join(", "));
    // "I do not support amnesty", "I'm against", "we want to": a first-person stance.
    let mut pos = Vec::new();
    for (i, &(w, _)) in words.iter().enumerate() {
        if matches!(w, "i" | "we" | "i'm" | "we're") {
            if let Some(j) = (i + 1..words.len()).take(3).find(|&j| words[j].1 & IN_POSITION_VERBS != 0) {
                pos.push(format!("{w} ... {}", words[j].0));
            }
        }
    }
    push(ind(!pos.is_empty()), pos.join(", "));
    let alleg = any_of(&words, present, IN_ALLEGATION);
    push(ind(!alleg.is_empty()), list(&alleg));
    let reporting = any_of(&words, present, IN_REPORTING);
    let attributed = ctx.source.is_some() || !reporting.is_empty();
    let source = ctx.source.map(SourceKind::as_str).unwrap_or("");
    push(ind(attributed), if source.is_empty() { list(&reporting) } else { source.to_owned() });
    let neg: Vec<&str> =
        words.iter().filter(|(w, b)| *b & IN_NEGATORS != 0 || w.ends_with("n't")).map(|(w, _)| *w).collect();
    push(ind(!neg.is_empty()), list(&neg));
    push(ind(ctx.hedged), String::new());
    let question = ctx.kind == ClaimKind::Question || text.trim_end().ends_with('?');
    push(ind(question), String::new());
    push(ind(ctx.kind == ClaimKind::Opinion), String::new());
    push(ind(ctx.kind == ClaimKind::Prediction), String::new());
    let eval = any_of(&words, present, IN_EVALUATIVE);
    push(ind(!eval.is_empty()), list(&eval));
    let mut proc = any_of(&words, present, IN_PROCEDURE);
    if contains_ascii_ci(text, "let me") {
        proc.push("let me");
    }
    if text.trim_start().starts_with(['(', '[']) {
        proc.push("(stage direction)");
    }
    push(ind(!proc.is_empty()), list(&proc));
    let you: Vec<&str> =
        words.iter().map(|(w, _)| *w).filter(|w| matches!(*w, "you" | "your" | "you're" | "you've")).collect();
    push(ind(!you.is_empty()), list(&you));
    #[allow(clippy::cast_precision_loss)]
    let n = words.len() as f64;
    push((n / FULL_LENGTH).min(1.0), format!("{} words", words.len()));
    push(ind(words.len() < SHORT_WORDS), String::new());
    let abs = any_of(&words, present, IN_ABSOLUTE);
    push(ind(!abs.is_empty()), list(&abs));
    let me: Vec<&str> = words
        .iter()
        .map(|(w, _)| *w)
        .filter(|w| matches!(*w, "i" | "we" | "my" | "our" | "me" | "us" | "i'm" | "we're" | "i've" | "we've"))
        .collect();
    push(ind(!me.is_empty()), list(&me));
    let modal = any_of(&words, present, IN_MODALS);
    push(ind(!modal.is_empty()), list(&modal));
    let change = any_of(&words, present, IN_CHANGE);
    push(ind(!change.is_empty()), list(&change));
    let mut perfect = Vec::new();
    for (i, &(w, _)) in words.iter().enumerate() {
        if matches!(w, "has" | "have" | "had" | "hasn't" | "haven't" | "we've" | "i've" | "they've") {
            if let Some(j) = (i + 1..words.len()).take(2).find(|&j| is_past(j) || words[j].0.ends_with("en")) {
                perfect.push(format!("{w} {}", words[j].0));
            }
        }
    }
    push(ind(!perfect.is_empty()), perfect.join(", "));
    #[allow(clippy::cast_precision_loss)]
    push((features.numbers.len() + features.dates.len()).min(3) as f64 / 3.0, String::new());
    Signals { values, details }
}

/// The check-worthiness of a claim: `sigmoid(intercept + Σ weight × signal)` with every term.
#[must_use]
pub fn score(model: &CheckworthinessModel, text: &str, features: &ClaimFeatures, ctx: ClaimContext) -> Explanation {
    explain(model, signals(text, features, ctx))
}

/// [`score`] of a claim whose tokens the analyser has already read (see [`signals_of`]), with
/// the model's weights in [`SIGNALS`] order (as [`CheckworthinessModel::to_logistic`] gives them).
pub(crate) fn score_of(
    intercept: f64,
    weights: &[f64],
    stream: &Tokens<'_>,
    inside: &[Token],
    text: &str,
    features: &ClaimFeatures,
    ctx: ClaimContext,
) -> Explanation {
    let s = signals_of(stream, inside, text, features, ctx);
    let terms = SIGNALS.iter().zip(weights).zip(s.values).zip(s.details).map(|(((name, w), v), d)| (*name, v, *w, d));
    Explanation::logistic_of(intercept, terms)
}

fn explain(model: &CheckworthinessModel, s: Signals) -> Explanation {
    let terms = SIGNALS
        .iter()
        .zip(s.values)
        .zip(s.details)
        .map(|((name, v), d)| (*name, v, model.weights.get(*name).copied().unwrap_or(0.0), d));
    Explanation::logistic_of(model.intercept, terms)
}

/// The sentence-level signals of a text analysed whole (one sentence or line of a debate), as
/// the trainer and `veracity eval checkworthiness` read them: the words of the whole text, the
/// kind and source of its longest claim, hedged when any claim is. A text without claims reads
/// as a statement.
#[must_use]
pub fn text_signals(analysis: &crate::Analysis) -> Signals {
    let claims = analysis.claims();
    let longest = claims.iter().max_by_key(|c| (c.span.len(), std::cmp::Reverse(c.index)));
    let ctx = ClaimContext {
        kind: longest.map_or(ClaimKind::Statement, |c| c.kind),
        hedged: claims.iter().any(crate::Claim::is_hedged),
        source: longest.and_then(|c| c.attribution.as_ref()).and_then(|a| a.original_source()).map(|s| s.kind),
    };
    let text = analysis.text();
    signals(text, &crate::claim::features(text), ctx)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig(text: &str, kind: ClaimKind) -> BTreeMap<&'static str, f64> {
        let ctx = ClaimContext { kind, hedged: false, source: None };
        let s = signals(text, &crate::claim::features(text), ctx);
        SIGNALS.iter().copied().zip(s.values).collect()
    }

    #[test]
    fn each_signal_on_hand_written_cases() {
        use ClaimKind::{Opinion, Prediction, Question, Statement};
        let cases: &[(&str, ClaimKind, &str, f64)] = &[
            ("Unemployment fell to 4.1 percent.", Statement, "number", 1.0),
            ("Unemployment fell to 4.1 percent.", Statement, "statistic", 1.0),
            ("We spent $6 trillion in the Middle East.", Statement, "statistic", 1.0),
            ("In December, two radical Muslims killed 14 people.", Statement, "date", 1.0),
            ("Hillary Clinton met Vladimir Putin in Moscow.", Statement, "entities", 1.0),
            ("It is the largest tax increase in history.", Statement, "comparative", 1.0),
            ("The plant closed because of the trade deal.", Statement, "causal", 1.0),
            ("The plant closed last year.", Statement, "past_event", 1.0),
            ("She voted for the Iraq war.", Statement, "record", 1.0),
            ("The bill you were amending allowed citizenship and legalization.", Statement, "policy_topic", 1.0),
            ("I voted against the bill.", Statement, "first_person_record", 1.0),
            ("We cut taxes for the middle class.", Statement, "first_person_record", 1.0),
            ("I do not support amnesty.", Statement, "position", 1.0),
            ("A former official accused the minister of fraud.", Statement, "allegation", 1.0),
            ("The minister lied, a former official said.", Statement, "attributed", 1.0),
            ("I do not support amnesty.", Statement, "negation", 1.0),
            ("Do they really believe that?", Question, "question", 1.0),
            ("We should build the wall.", Opinion, "opinion", 1.0),
            ("Taxes will go up next year.", Prediction, "prediction", 1.0),
            ("It is a disaster.", Statement, "evaluative", 1.0),
            ("Thank you, Senator.", Statement, "procedure", 1.0),
            ("Let me ask you about trade.", Statement, "procedure", 1.0),
            ("(APPLAUSE)", Statement, "procedure", 1.0),
            ("Let me ask you about trade.", Statement, "second_person", 1.0),
            ("Thank you.", Statement, "short", 1.0),
            ("Every company left the state.", Statement, "absolute", 1.0),
            // And the absences.
            ("Thank you, Senator.", Statement, "number", 0.0),
            ("I do not support amnesty.", Statement, "past_event", 0.0),
            ("The bill passed.", Statement, "first_person_record", 0.0),
            ("Good evening from Hofstra University.", Statement, "allegation", 0.0),
            ("The plant closed last year.", Statement, "question", 0.0),
            ("The plant closed because of the trade deal.", Statement, "short", 0.0),
        ];
        for (text, kind, signal, want) in cases {
            let got = sig(text, *kind)[signal];
            assert!((got - want).abs() < 1e-9, "{signal} of {text:?}: {got}, want {want}");
        }
    }

    #[test]
    fn contains_ascii_ci_cases() {
        for (text, want) in
            [("So LET ME say", true), ("Let me", true), ("lett me", false), ("let m", false), ("", false)]
        {
            assert_eq!(contains_ascii_ci(text, "let me"), want, "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn contains_ascii_ci_as_every_window(text in "(let me|LeT mE|[lLeEtTmM \u{e9}]){0,8}") {
            let want = text.as_bytes().windows(6).any(|w| w.eq_ignore_ascii_case(b"let me"));
            proptest::prop_assert_eq!(contains_ascii_ci(&text, "let me"), want);
        }
    }

    #[test]
    fn length_grows_and_saturates() {
        let short = sig("Jobs left.", ClaimKind::Statement)["length"];
        let long = sig(&"word ".repeat(100), ClaimKind::Statement)["length"];
        assert!(short > 0.0 && short < 0.1);
        assert!((long - 1.0).abs() < 1e-12);
    }

    #[test]
    fn score_is_a_probability_with_every_term() {
        let model = crate::Config::default().checkworthiness;
        let text = "I voted against the bill that cut 4 million jobs.";
        let e = score(
            &model,
            text,
            &crate::claim::features(text),
            ClaimContext { kind: ClaimKind::Statement, hedged: false, source: None },
        );
        assert_eq!(e.contributions.len(), SIGNALS.len());
        assert!((0.0..=1.0).contains(&e.value));
        let raw = e.base + e.contributions.iter().map(|c| c.contribution).sum::<f64>();
        assert!((crate::logistic::sigmoid(raw) - e.value).abs() < 1e-12);
    }

    #[test]
    fn validation_names_the_entry() {
        let mut m = crate::Config::default().checkworthiness;
        m.weights.remove("number");
        assert!(m.validate("test").unwrap_err().to_string().contains("checkworthiness.weights.number"));
        let mut m = crate::Config::default().checkworthiness;
        m.weights.insert("bogus".into(), 1.0);
        assert!(m.validate("test").unwrap_err().to_string().contains("bogus"));
    }
}
