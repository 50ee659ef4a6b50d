//! Speaker commitment to embedded clauses: how far the matrix predicate and what surrounds it
//! commit the speaker to the clause it embeds ("I don't think that [X]", "Did you know that [X]?").
//!
//! The rules read words, no parser. From the event backwards, the nearest embedding predicate
//! (`think`, `know`, `say`, ...; see [`PredicateClass`]) opens the clause the event sits in. The
//! words before the predicate, back to the clause's start, give its [`Environment`]: a
//! conditional (`if`, `unless`), a question (the sentence ends with `?`), "hardly"/"barely",
//! negation, or a modal. When the nearest predicate is plain ("I don't think you know [X]"),
//! the next predicate out is read too. The commitment value comes from a table by class and
//! environment ([`commitment_value`]), set from the mean ratings of the CommitmentBank training
//! split (`docs/scoring.md`, "Commitment of embedded clauses").

use crate::text::tokens::{Tokens, WordSets};

/// How a matrix predicate treats the clause it embeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum PredicateClass {
    /// Presupposes its complement (know, realise, regret, notice, see, remember, forget, find).
    Factive,
    /// A belief verb that lets negation reach its complement (think, believe, expect, suppose,
    /// imagine, feel, reckon, guess): "I don't think X" presents X as probably false.
    NegRaising,
    /// A verb of saying (say, tell, claim, mean, suggest, admit, report): no presupposition.
    Saying,
    /// Other embedding verbs (hope, want, decide, pretend, seem): little commitment either way.
    Other,
}

impl PredicateClass {
    /// The snake_case name used in JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            PredicateClass::Factive => "factive",
            PredicateClass::NegRaising => "neg_raising",
            PredicateClass::Saying => "saying",
            PredicateClass::Other => "other",
        }
    }
}

/// What stands over the matrix predicate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Environment {
    /// Nothing: the predicate is asserted ("She knows that X").
    Plain,
    /// A negator before the predicate ("I don't think", "never realised").
    Negation,
    /// The sentence is a question ("Do you think X?").
    Question,
    /// The predicate is in the antecedent of a conditional ("if you know that X").
    Conditional,
    /// A modal before the predicate ("one might say X", "could see that X").
    Modal,
    /// "hardly", "barely", "scarcely": a negation of degree, not of the event ("I could hardly
    /// believe I was back").
    Hardly,
}

impl Environment {
    /// The snake_case name used in JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Environment::Plain => "plain",
            Environment::Negation => "negation",
            Environment::Question => "question",
            Environment::Conditional => "conditional",
            Environment::Modal => "modal",
            Environment::Hardly => "hardly",
        }
    }
}

/// The speaker's commitment to an embedded clause.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Commitment {
    /// The matrix predicate as written ("think", "knew").
    pub predicate: String,
    /// Its class.
    pub class: PredicateClass,
    /// What stands over it.
    pub environment: Environment,
    /// True when the matrix subject is "I" or "we" (the speaker's own belief).
    pub first_person: bool,
    /// Commitment to the embedded clause on the FactBank/MEANTIME scale `[-3, 3]`, before the
    /// clause's own negation: 3 presented as true, -3 as false, 0 neither.
    pub value: f64,
}

/// Inflected forms of the embedding predicates, with their class.
const PREDICATES: &[(&str, PredicateClass)] = {
    use PredicateClass::{Factive as F, NegRaising as N, Other as O, Saying as S};
    &[
        ("know", F),
        ("knows", F),
        ("knew", F),
        ("known", F),
        ("realise", F),
        ("realised", F),
        ("realises", F),
        ("realize", F),
        ("realized", F),
        ("realizes", F),
        ("regret", F),
        ("regrets", F),
        ("regretted", F),
        ("notice", F),
        ("noticed", F),
        ("notices", F),
        ("see", F),
        ("saw", F),
        ("seen", F),
        ("sees", F),
        ("remember", F),
        ("remembered", F),
        ("forget", F),
        ("forgot", F),
        ("forgotten", F),
        ("discover", F),
        ("discovered", F),
        ("find", F),
        ("found", F),
        ("learn", F),
        ("learned", F),
        ("learnt", F),
        ("understand", F),
        ("understood", F),
        ("hear", F),
        ("heard", F),
        ("aware", F),
        ("think", N),
        ("thinks", N),
        ("thought", N),
        ("believe", N),
        ("believes", N),
        ("believed", N),
        ("expect", N),
        ("expects", N),
        ("expected", N),
        ("suppose", N),
        ("supposed", N),
        ("imagine", N),
        ("imagined", N),
        ("feel", N),
        ("feels", N),
        ("felt", N),
        ("reckon", N),
        ("guess", N),
        ("sure", N),
        ("convinced", N),
        ("certain", N),
        ("say", S),
        ("says", S),
        ("said", S),
        ("saying", S),
        ("tell", S),
        ("told", S),
        ("claim", S),
        ("claimed", S),
        ("claims", S),
        ("mean", S),
        ("meant", S),
        ("suggest", S),
        ("suggested", S),
        ("admit", S),
        ("admitted", S),
        ("report", S),
        ("reported", S),
        ("hope", O),
        ("hoped", O),
        ("want", O),
        ("decide", O),
        ("decided", O),
        ("pretend", O),
        ("pretended", O),
        ("seem", O),
        ("seems", O),
        ("seemed", O),
    ]
};

/// Modals (and modal adverbs) that cancel entailment ("will" and "shall" do not: "will see"
/// asserts).
const MODALS: [&str; 12] =
    ["might", "may", "could", "would", "can", "must", "should", "i'd", "you'd", "we'd", "perhaps", "maybe"];
/// Auxiliaries that open a question by inversion ("do you think that TV is accurate").
const INVERTED: [&str; 9] = ["do", "does", "did", "would", "could", "can", "are", "is", "will"];
/// Subjects after an inverted auxiliary.
const SUBJECTS: [&str; 6] = ["you", "they", "he", "she", "we", "i"];
/// Words before a predicate that make it a noun ("their claims", "the report").
const NOUN_BEFORE: [&str; 13] =
    ["the", "a", "an", "their", "his", "her", "its", "our", "your", "my", "all", "of", "individual"];
/// Forms of "be" that make a following participle passive ("was not reported", "not seen").
const BE: [&str; 7] = ["was", "were", "is", "are", "be", "been", "being"];
/// Subordinators that end a complement: an event after them is not embedded ("not reported
/// when the plane made", "lows not seen since 1982 as the government").
const SUBORDINATORS: [&str; 8] = ["when", "since", "as", "after", "before", "while", "until", "because"];
const NEGATORS: [&str; 6] = ["not", "never", "no", "nobody", "nothing", "hardly"];
const DEGREE: [&str; 3] = ["hardly", "barely", "scarcely"];
const CONDITIONALS: [&str; 4] = ["if", "unless", "whether", "suppose"];
/// Words that open a clause when reading back from a predicate.
const CLAUSE_OPENERS: [&str; 5] = ["and", "but", "because", "so", "which"];
/// How many tokens before the event the predicate may stand.
const PREDICATE_REACH: usize = 14;
/// How many tokens before the predicate its environment is read.
const ENVIRONMENT_REACH: usize = 6;

fn class_of(w: &str) -> Option<PredicateClass> {
    PREDICATES.iter().find(|(f, _)| *f == w).map(|&(_, c)| c)
}

fn is_negator(w: &str) -> bool {
    (NEGATORS.contains(&w) && w != "hardly") || w.ends_with("n't") || w.ends_with("n\u{2019}t")
}

/// The value of a commitment on `[-3, 3]` by predicate class and environment; `first_person`
/// strengthens the neg-raising reading ("I don't think X" more than "he doesn't think X") and
/// turns a negated factive into doubt ("I don't know that X").
#[must_use]
pub fn commitment_value(class: PredicateClass, environment: Environment, first_person: bool) -> f64 {
    use Environment as E;
    use PredicateClass as P;
    match (class, environment) {
        (P::Factive, E::Plain) => 3.0,
        (P::Factive, E::Negation) => {
            if first_person {
                -0.5
            } else {
                1.5
            }
        }
        (P::Factive, E::Question) => 2.0,
        (P::Factive, E::Conditional) => 2.0,
        (P::Factive, E::Modal) => 1.5,
        (P::Factive | P::NegRaising, E::Hardly) => 2.5,
        (P::NegRaising, E::Plain) => 1.5,
        (P::NegRaising, E::Negation) => {
            if first_person {
                -2.0
            } else {
                -1.0
            }
        }
        (P::NegRaising, E::Question) => 0.5,
        (P::NegRaising, E::Conditional) => 0.5,
        (P::NegRaising, E::Modal) => 1.5,
        (P::Saying, E::Plain) => 1.5,
        (P::Saying, E::Negation) => -1.5,
        (P::Saying, E::Question) => 0.0,
        (P::Saying, E::Conditional) => 0.5,
        (P::Saying, E::Modal) => 1.5,
        (P::Saying, E::Hardly) => 1.0,
        (P::Other, _) => 0.0,
    }
}

/// The commitment to the event that starts `after` (the rest of the sentence from the event on),
/// with `before` the sentence's text before it, or `None` when no embedding predicate stands
/// within reach before the event.
#[must_use]
pub fn embedded_commitment(before: &str, after: &str) -> Option<Commitment> {
    let t = Tokens::new(before, &WordSets::default());
    let prev: Vec<&str> = t.all().iter().map(|k| t.lower(k)).collect();
    commitment_after(&prev, after)
}

/// [`embedded_commitment`] with the lower-case tokens of `before` already read.
fn commitment_after(prev: &[&str], after: &str) -> Option<Commitment> {
    let question = after.split(['.', '!']).next().is_some_and(|s| s.contains('?'));
    let start = prev.len().saturating_sub(PREDICATE_REACH);
    let mut found: Option<Commitment> = None;
    for i in (start..prev.len()).rev() {
        let w = prev[i];
        if matches!(w, ";" | ":" | ".") {
            break;
        }
        if SUBORDINATORS.contains(&w) {
            break;
        }
        let Some(class) = class_of(w) else { continue };
        // A noun ("their claims", "the said company"), or a passive participle ("was not
        // reported", "lows not seen since"): no embedding predicate.
        let before_pred = prev[..i].iter().rev().copied().find(|w| !matches!(*w, "not" | "never"));
        let noun = i > 0 && NOUN_BEFORE.contains(&prev[i - 1]);
        let passive = before_pred.is_some_and(|b| BE.contains(&b)) && w != "saying"
            || i > 0 && prev[i - 1] == "not" && i > 1 && !is_negator(prev[i - 2]) && w.ends_with('n');
        if noun || passive {
            continue;
        }
        let (mut environment, first_person, negators) = environment_of(&prev[..i], question);
        let mut value = commitment_value(class, environment, first_person);
        if environment == Environment::Negation {
            // Incredulity ("I can't believe they killed them") and "never imagined that X"
            // present X as true, like "hardly".
            let incredulous = class == PredicateClass::NegRaising
                && (negators.iter().any(|n| matches!(*n, "can't" | "couldn't" | "cannot"))
                    || negators.contains(&"never") && w.ends_with("ed"));
            if incredulous {
                environment = Environment::Hardly;
                value = commitment_value(class, environment, first_person);
            } else if class == PredicateClass::Factive && first_person && !matches!(w, "know" | "see") {
                // A past negated factive keeps its complement ("I didn't realise my husband
                // was ..."); only present "I don't know/see that X" doubts it.
                value = commitment_value(class, environment, false);
            } else if matches!(w, "tell" | "told") {
                // "She would not tell Peter that X": X is presupposed.
                value = commitment_value(PredicateClass::Factive, environment, false);
            }
        }
        let c = Commitment { predicate: w.to_owned(), class, environment, first_person, value };
        if environment != Environment::Plain {
            return Some(c);
        }
        found.get_or_insert(c);
    }
    found
}

/// The certainty a commitment value leaves, on the grade thresholds of `w`: 3 is certain (1.0),
/// 1.5 is `probable`, 0.75 `possible`, 0 nothing, linear in between.
fn certainty_of_value(v: f64, w: &crate::config::CertaintyWeights) -> f64 {
    let v = v.abs().min(3.0);
    if v >= 1.5 {
        w.probable + (1.0 - w.probable) * (v - 1.5) / 1.5
    } else if v >= 0.75 {
        w.possible + (w.probable - w.possible) * (v - 0.75) / 0.75
    } else {
        w.possible * v / 0.75
    }
}

/// A claim's certainty and negation when its content is the clause embedded by its attribution's
/// cue in an entailment-cancelling environment ("Officials did not say that the convoy left",
/// "Did he know that the convoy left?"): the commitment caps the certainty, and its sign decides
/// the negation. Otherwise both unchanged.
pub(crate) fn embedded_certainty(
    text: &str,
    tokens: &Tokens<'_>,
    span: crate::Span,
    attribution: Option<&crate::Attribution>,
    certainty: f64,
    negated: bool,
    w: &crate::config::CertaintyWeights,
) -> (f64, bool) {
    let Some(a) = attribution else { return (certainty, negated) };
    let start = a.content.start;
    if start <= span.start || start >= span.end || a.cue_span.start < span.start || a.cue_span.end > start {
        return (certainty, negated);
    }
    let (Some(_), Some(after)) = (text.get(span.start..start), text.get(start..span.end)) else {
        return (certainty, negated);
    };
    // The tokens before the content: the article's, read once by the front end.
    let commitment = tokens.with_within(crate::Span::new(span.start, start), &WordSets::default(), |t, inside| {
        let prev: Vec<&str> = inside.iter().map(|k| t.lower(k)).collect();
        commitment_after(&prev, after)
    });
    match commitment {
        Some(c) if c.environment != Environment::Plain => {
            (certainty.min(certainty_of_value(c.value, w)), c.value < 0.0)
        }
        _ => (certainty, negated),
    }
}

/// The environment of a predicate from the tokens before it, whether its subject is "I"/"we",
/// and the negators read.
fn environment_of<'w>(prev: &[&'w str], question: bool) -> (Environment, bool, Vec<&'w str>) {
    let mut clause: Vec<&str> = Vec::new();
    for &w in prev.iter().rev().take(ENVIRONMENT_REACH) {
        // A clause boundary, or an outer predicate (read on its own).
        if is_boundary(w) || class_of(w).is_some() {
            break;
        }
        clause.push(w);
    }
    let first_person = clause.iter().any(|w| {
        matches!(*w, "i" | "we" | "i'm" | "we're" | "i'd" | "we'd" | "i've")
            || w.starts_with("i'") && !w.starts_with("it")
    });
    // "do you think that ...": an inverted auxiliary opening the clause, then a subject.
    let inverted = clause.len() >= 2
        && INVERTED.contains(&clause[clause.len() - 1])
        && SUBJECTS.contains(&clause[clause.len() - 2])
        && (clause.len() == prev.len() || is_boundary(prev[prev.len() - clause.len() - 1]));
    let negators: Vec<&str> = clause.iter().copied().filter(|w| is_negator(w)).collect();
    let env = if clause.iter().any(|w| CONDITIONALS.contains(w)) {
        Environment::Conditional
    } else if question || inverted {
        Environment::Question
    } else if clause.iter().any(|w| DEGREE.contains(w)) {
        Environment::Hardly
    } else if clause.iter().any(|w| is_negator(w)) {
        Environment::Negation
    } else if clause.iter().any(|w| MODALS.contains(w)) {
        Environment::Modal
    } else {
        Environment::Plain
    };
    (env, first_person, negators)
}

fn is_boundary(w: &str) -> bool {
    matches!(w, "," | ";" | ":" | "." | "\"") || CLAUSE_OPENERS.contains(&w) || matches!(w, "uh" | "um" | "well")
}

#[cfg(test)]
mod tests {
    use super::*;
    use Environment as E;
    use PredicateClass as P;

    /// `[event]` marks the event in each case.
    fn at(s: &str) -> Option<Commitment> {
        let open = s.find('[').unwrap();
        let close = s.find(']').unwrap();
        let after = format!("{}{}", &s[open + 1..close], &s[close + 1..]);
        embedded_commitment(&s[..open], &after)
    }

    #[test]
    fn environments_and_classes() {
        let cases: &[(&str, P, E)] = &[
            ("She knows that the plan [works].", P::Factive, E::Plain),
            ("She didn't realise that the plan [worked].", P::Factive, E::Negation),
            ("Did you know that wasps [lay] their eggs in ladybirds?", P::Factive, E::Question),
            ("If you know that the practice is [wrong], stop.", P::Factive, E::Conditional),
            ("Ronni could see that Guido's brain was [whirring].", P::Factive, E::Modal),
            ("I don't think that it [works] that way.", P::NegRaising, E::Negation),
            ("I do not believe he [lied].", P::NegRaising, E::Negation),
            ("Do they really believe that the tax [helps]?", P::NegRaising, E::Question),
            ("I could hardly believe I was [back].", P::NegRaising, E::Hardly),
            ("He barely noticed that the car had [gone].", P::Factive, E::Hardly),
            ("One might say it was [peeled] down.", P::Saying, E::Modal),
            ("I'm not saying they're all [bad].", P::Saying, E::Negation),
            ("If I say that the visitors [included] Mr Graham, you will see.", P::Saying, E::Conditional),
            ("I think the deal [failed].", P::NegRaising, E::Plain),
            ("I don't think you know that the deal [failed].", P::NegRaising, E::Negation),
            ("Do you think that TV is pretty [accurate].", P::NegRaising, E::Question),
            ("I can't believe they [killed] them.", P::NegRaising, E::Hardly),
            ("Breeze had never imagined that digging was such hard [work].", P::NegRaising, E::Hardly),
            ("Perhaps Alec noticed that I [laughed].", P::Factive, E::Modal),
            ("I'm not sure that the bridge [opened].", P::NegRaising, E::Negation),
        ];
        for (s, class, env) in cases {
            let c = at(s).unwrap_or_else(|| panic!("no predicate: {s}"));
            assert_eq!((c.class, c.environment), (*class, *env), "{s}");
        }
    }

    #[test]
    fn no_predicate_no_commitment() {
        for s in [
            "The minister [resigned] on Monday.",
            "The company refused to [sign] the contract.",
            "Though not all of their individual claims were [upheld].",
            "The glitch was not reported when the plane [made] its flight.",
            "The index fell to lows not seen since 1982 as the government's [measures] failed.",
        ] {
            assert_eq!(at(s), None, "{s}");
        }
    }

    #[test]
    fn values_by_environment() {
        // Neg-raising: "I don't think X" presents X as probably false, more so than "he doesn't".
        assert!(at("I don't think that it [works].").unwrap().value <= -1.5);
        let third = at("He doesn't think that it [works].").unwrap();
        assert!(!third.first_person && third.value < 0.0 && third.value > -1.5);
        // A factive keeps its complement true under a question or a conditional.
        assert!(at("Did you know that wasps [lay] eggs?").unwrap().value >= 1.5);
        assert!(at("If she knew that he [lied], she said nothing.").unwrap().value >= 1.5);
        // Questions and conditionals over a non-factive: no commitment.
        assert!(at("Do you think he [lied]?").unwrap().value.abs() <= 0.5);
        assert!(at("If you think I [have] any personal knowledge, you must be crazy.").unwrap().value.abs() <= 0.5);
        // "hardly" negates the degree of believing, not the event.
        assert!(at("I could hardly believe I was [back].").unwrap().value >= 2.0);
        // A past negated factive keeps its complement; a present "I don't know that X" doubts it.
        assert!(at("I didn't realise my husband [was] a sucker for animals.").unwrap().value > 1.0);
        assert!(at("I don't know that he could [get] killed that easily.").unwrap().value < 0.0);
        // "would not tell Peter that X" presupposes X; "I'm not saying X" does not assert it.
        assert!(at("She would not tell Peter that the man [was] dead.").unwrap().value > 1.0);
        assert!(at("I'm not saying they're all [bad].").unwrap().value < -1.0);
        // A modal over saying: weakly committed.
        let v = at("One might say it was [peeled] down.").unwrap().value;
        assert!(v > 0.5 && v < 3.0);
    }

    #[test]
    fn claims_embedded_under_a_cancelled_cue() {
        // "say" under a question commits to nothing: the claim is underspecified.
        let a = crate::analyze("Did officials say that the convoy had left the city?").unwrap();
        let c = &a.claims()[0];
        assert_eq!(c.attribution.as_ref().map(|x| x.cue.as_str()), Some("say"));
        assert!(c.certainty < 0.35, "{c:?}");
        // A plain cue leaves the claim as it was.
        let a = crate::analyze("Officials said that the convoy had left the city.").unwrap();
        assert!((a.claims()[0].certainty - 1.0).abs() < 1e-12 && !a.claims()[0].negated);
        let w = crate::Config::default().weights.certainty;
        assert!((certainty_of_value(3.0, &w) - 1.0).abs() < 1e-12);
        assert!((certainty_of_value(-1.5, &w) - w.probable).abs() < 1e-12);
        assert!((certainty_of_value(0.75, &w) - w.possible).abs() < 1e-12);
        assert!(certainty_of_value(0.0, &w).abs() < 1e-12);
    }

    #[test]
    fn every_value_in_range() {
        let classes = [P::Factive, P::NegRaising, P::Saying, P::Other];
        let envs = [E::Plain, E::Negation, E::Question, E::Conditional, E::Modal, E::Hardly];
        for c in classes {
            for e in envs {
                for fp in [false, true] {
                    let v = commitment_value(c, e, fp);
                    assert!((-3.0..=3.0).contains(&v), "{c:?} {e:?} {fp}");
                }
            }
        }
    }
}
