//! Event-level factuality rules: what the words around one event say about whether it happened,
//! beyond the claim's hedge cues (see [`crate::Claim::factuality_at`]).
//!
//! A claim can be certain while an event inside it did not happen: "the flight was delayed" is a
//! fact, the flight (so far) is not. FactBank calls the predicates that do this counterfactive;
//! these rules catch the common ones in news with word patterns, no parser:
//!
//! - the subject of a counterfactive predicate ("The departure ... has been delayed", "A380 test
//!   flight delayed after accident"): the head of the clause's subject, before any preposition;
//! - a counterfactive modifier or noun just before the event ("the now-cancelled deal to lease
//!   ...", "the delay in delivery");
//! - an event after "failed/refused/declined to" or "ceased/stopped" ("would cease looking");
//! - a past verb after "nearly"/"almost" ("the Dow nearly broke that record");
//! - an event after ability "can" ("the aircraft can fly 9,000 miles"): said to be possible, not
//!   said to happen, so underspecified.

use crate::text::tokens::{Tokens, WordSets};

/// Predicates whose subject or object did not happen (yet): "was delayed", "the cancelled deal".
const COUNTERFACTIVE: [&str; 10] = [
    "delayed",
    "postponed",
    "cancelled",
    "canceled",
    "scrapped",
    "killed",
    "abandoned",
    "shelved",
    "aborted",
    "averted",
];
/// Nouns whose "in"/"of" object did not happen (yet): "the delay in delivery".
const COUNTERFACTIVE_NOUNS: [&str; 5] = ["delay", "delays", "cancellation", "postponement", "abandonment"];
/// Verbs whose "to" infinitive did not happen: "refused to sign".
const FAILED_BEFORE_TO: [&str; 12] = [
    "failed",
    "fail",
    "fails",
    "refused",
    "refuse",
    "refuses",
    "declined",
    "decline",
    "declines",
    "neglected",
    "ceased",
    "ceases",
];
/// Verbs whose "-ing" object stopped: "would cease looking".
const STOPPED_BEFORE_ING: [&str; 8] = ["cease", "ceased", "ceases", "stop", "stopped", "stops", "quit", "halted"];
/// Irregular past forms read as verbs after "nearly"/"almost" (regular ones end in "-ed").
const IRREGULAR_PAST: [&str; 16] = [
    "broke",
    "fell",
    "went",
    "came",
    "lost",
    "hit",
    "won",
    "ran",
    "took",
    "made",
    "struck",
    "sank",
    "died",
    "crashed",
    "collapsed",
    "caught",
];
const DETERMINERS: [&str; 12] =
    ["the", "a", "an", "its", "their", "his", "her", "this", "these", "those", "our", "that"];
const PREPOSITIONS: [&str; 17] = [
    "of", "from", "on", "in", "at", "for", "with", "by", "to", "into", "over", "under", "about", "against", "during",
    "after", "before",
];
const AUXILIARIES: [&str; 9] = ["been", "was", "were", "is", "are", "be", "has", "have", "had"];
/// Words that open a new clause when scanning for a subject.
const CLAUSE_OPENERS: [&str; 10] = ["and", "but", "that", "which", "who", "say", "says", "said", "told", "reported"];
/// How many words after a subject its counterfactive predicate may stand.
const PREDICATE_REACH: usize = 24;
/// How many words an appositive between commas may have.
const APPOSITIVE_REACH: usize = 12;
/// How many words before an event a counterfactive modifier may stand ("the now-cancelled deal").
const MODIFIER_REACH: usize = 3;

/// What the event's context does to its factuality.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct EventContext {
    /// The event did not happen (a counterfactive predicate): flips the polarity.
    pub counterfactive: bool,
    /// The event is only said to be possible (ability "can"): underspecified.
    pub ability: bool,
}

/// Tokens of `s`, lower-cased: words (letters, digits, inner hyphens, apostrophes, periods of
/// abbreviations) and clause punctuation (`,` `;` `:` `.` and quotation marks) as one-character
/// tokens; the front end's token stream ([`crate::text::tokens`]) of `s` alone.
pub(crate) fn tokens(s: &str) -> Vec<String> {
    let t = Tokens::new(s, &WordSets::default());
    t.all().iter().map(|k| t.lower(k).to_owned()).collect()
}

fn is_punct(w: &str) -> bool {
    w.chars().all(|c| !c.is_alphanumeric())
}

fn is_past_verb(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ed")) || IRREGULAR_PAST.contains(&w)
}

fn counterfactive_word(w: &str) -> bool {
    COUNTERFACTIVE.contains(&w) || w.strip_prefix("now-").is_some_and(|r| COUNTERFACTIVE.contains(&r))
}

/// The context of the event word starting the text `after` (the claim's text from the event on),
/// with `before` the claim's text before it.
pub(crate) fn context(before: &str, after: &str) -> EventContext {
    let prev = tokens(before);
    let next = tokens(after);
    let Some(event) = next.first() else { return EventContext::default() };
    let p = |k: usize| prev.len().checked_sub(k).map_or("", |i| prev[i].as_str());
    let mut ctx = EventContext::default();

    // "refused to sign", "would cease looking", "nearly broke the record".
    if p(1) == "to" && FAILED_BEFORE_TO.contains(&p(2))
        || event.ends_with("ing") && STOPPED_BEFORE_ING.contains(&p(1))
        || matches!(p(1), "nearly" | "almost") && is_past_verb(event)
    {
        ctx.counterfactive = true;
    }
    // "the now-cancelled deal", "the cancelled flight", "the delay in delivery".
    for k in 1..=MODIFIER_REACH.min(prev.len()) {
        let w = p(k);
        if is_punct(w) {
            break;
        }
        let modifier = w.starts_with("now-") && counterfactive_word(w)
            || COUNTERFACTIVE.contains(&w) && DETERMINERS.contains(&p(k + 1));
        let noun =
            COUNTERFACTIVE_NOUNS.contains(&w) && k >= 2 && matches!(prev[prev.len() - k + 1].as_str(), "in" | "of");
        if modifier || noun {
            ctx.counterfactive = true;
            break;
        }
    }
    // The head of a clause's subject ("The departure from France ... has been delayed"): no
    // preposition, verb or counterfactive word between the clause's start and the event, the
    // event not followed by a determiner (then it is a verb with an object), and a
    // counterfactive predicate (not a modifier after a determiner) later in the clause.
    let subject_head = prev
        .iter()
        .rev()
        .take_while(|w| !is_punct(w) && !CLAUSE_OPENERS.contains(&w.as_str()))
        .all(|w| !PREPOSITIONS.contains(&w.as_str()) && !w.ends_with("ed") && !counterfactive_word(w));
    if subject_head && !next.get(1).is_some_and(|w| DETERMINERS.contains(&w.as_str())) {
        let mut j = 1;
        while j < next.len().min(PREDICATE_REACH + 1) {
            let w = next[j].as_str();
            // An appositive between commas ("The delivery, originally due this year, will be
            // delayed") is skipped when an auxiliary follows it; any other comma ends the clause.
            if w == "," {
                let close = next[j + 1..].iter().take(APPOSITIVE_REACH).position(|x| x == ",").map(|k| j + 1 + k);
                match close {
                    Some(c) if next.get(c + 1).is_some_and(|x| AUXILIARIES.contains(&x.as_str()) || x == "will") => {
                        j = c + 1;
                        continue;
                    }
                    _ => break,
                }
            }
            if matches!(w, ";" | ":" | ".") {
                break;
            }
            let before_w = next[j - 1].as_str();
            if COUNTERFACTIVE.contains(&w)
                && !DETERMINERS.contains(&before_w)
                && (w != "killed" || AUXILIARIES.contains(&before_w))
            {
                ctx.counterfactive = true;
                break;
            }
            j += 1;
        }
    }
    // Ability "can" ("it can fly from London to Sydney"), with at most one adverb between.
    ctx.ability = p(1) == "can"
        || p(2) == "can" && (p(1).ends_with("ly") || matches!(p(1), "also" | "still" | "now" | "only" | "even"));
    ctx
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `[event]` marks the event in each case.
    fn ctx(s: &str) -> EventContext {
        let open = s.find('[').unwrap();
        let close = s.find(']').unwrap();
        let after = format!("{}{}", &s[open + 1..close], &s[close + 1..]);
        context(&s[..open], &after)
    }

    #[test]
    fn counterfactive_cases() {
        let cases: &[(&str, bool)] = &[
            ("The [departure] from France of the new Airbus A380 on a tour of Asia has been delayed.", true),
            ("The departure from France of the new Airbus A380 on a [tour] of Asia has been delayed.", false),
            ("Airbus A380 test [flight] delayed after accident", true),
            ("Airbus A380 test flight delayed after [accident]", false),
            ("McCain spoke against the now-cancelled [deal] to lease 100 tankers.", true),
            ("McCain spoke against the now-cancelled deal to [lease] 100 tankers.", true),
            ("Airbus will pay for the additional delay in [delivery] of its A380s.", true),
            ("The company refused to [sign] the contract.", true),
            ("The team would cease [looking] at specific designs.", true),
            ("On Friday the Dow nearly [broke] that record.", true),
            ("Nearly [500] people attended.", false),
            ("Experts [say] the deal had been killed by the Pentagon.", false),
            ("Experts say the [deal] had been killed by the Pentagon.", true),
            ("The attack [killed] 102 people.", false),
            ("The flight [landed] safely, and the second flight was delayed.", false),
            ("The minister [signed] the deal on Monday.", false),
            ("The [trial] is set to begin on Wednesday.", false),
            ("The aircraft's [delivery], originally due this year, will be delayed until October.", true),
            ("A test [flight] of the A380, the largest jet in the world, was delayed today.", true),
            ("The [flight] landed, and the tour was delayed.", false),
        ];
        for (s, want) in cases {
            assert_eq!(ctx(s).counterfactive, *want, "{s}");
        }
    }

    #[test]
    fn ability_cases() {
        let cases: &[(&str, bool)] = &[
            ("The aircraft can [fly] from New York to Singapore.", true),
            ("It can also [carry] 290 passengers.", true),
            ("The aircraft [flew] from New York to Singapore.", false),
            ("Officials could [fly] in tomorrow.", false),
        ];
        for (s, want) in cases {
            assert_eq!(ctx(s).ability, *want, "{s}");
        }
    }
}
