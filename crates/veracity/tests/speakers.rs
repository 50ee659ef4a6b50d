//! Table-driven cases for the speaker and the kind of source, written after constructions of
//! Canadian and US news (present-tense "she says", interviews, companies and agencies quoted),
//! with hand-written expectations: a capitalised word that only starts a sentence is never a
//! name, relative pronouns and references resolve to the nearest compatible earlier source, the
//! recipient of "told" is never the speaker's antecedent, and each source gets its kind.

mod common;
use common::{claim, seed, text};
use veracity::{Analysis, Attribution, SourceKind};

/// One expectation: in `text`, the `nth` attribution with the cue `cue` has the chain `chain`
/// (outer first, as (name, kind)), and its original source was `resolved` or not.
struct Row {
    text: &'static str,
    cue: &'static str,
    nth: usize,
    chain: &'static [(&'static str, SourceKind)],
    resolved: bool,
}

const fn row(
    text: &'static str,
    cue: &'static str,
    nth: usize,
    chain: &'static [(&'static str, SourceKind)],
    resolved: bool,
) -> Row {
    Row { text, cue, nth, chain, resolved }
}

fn find<'a>(a: &'a Analysis, cue: &str, nth: usize) -> Option<&'a Attribution> {
    a.attributions().iter().filter(|x| x.cue == cue).nth(nth)
}

fn check(rows: &[Row]) {
    let mut failures = Vec::new();
    for r in rows {
        let a = text(r.text);
        let Some(at) = find(&a, r.cue, r.nth) else {
            failures.push(format!("{:?}: no cue {:?} #{}", r.text, r.cue, r.nth));
            continue;
        };
        let got: Vec<(&str, SourceKind)> = at.sources.iter().map(|s| (s.name.as_str(), s.kind)).collect();
        let resolved = at.original_source().is_some_and(|s| s.resolved);
        if got != r.chain || resolved != r.resolved {
            failures.push(format!("{:?} {:?} #{}: got {got:?}, resolved {resolved}", r.text, r.cue, r.nth));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

use SourceKind::{Anonymous, NamedPerson, NewsOutlet, Organisation, Unresolved, Vague};

/// A capitalised word that only starts a sentence (a preposition, adverb or negation) is never a
/// name, and a fronted phrase before the subject is not part of it.
const SENTENCE_OPENERS: &[Row] = &[
    row(
        "Rachel Greenspan grew up in Toronto.\n\nNot suited for the restaurant kitchen, Greenspan says she pursued law.\n\n\u{201c}It was the right choice,\u{201d} she says.",
        "says",
        0,
        &[("Rachel Greenspan", NamedPerson)],
        true,
    ),
    row(
        "Rachel Greenspan grew up in Toronto.\n\nNot suited for the restaurant kitchen, Greenspan says she pursued law.\n\n\u{201c}It was the right choice,\u{201d} she says.",
        "says",
        1,
        &[("Rachel Greenspan", NamedPerson)],
        true,
    ),
    row("Not Suited For Kitchen, Greenspan Says She Chose Law", "Says", 0, &[("Greenspan", NamedPerson)], false),
    row("In an interview, Pompeo said the deal was dead.", "said", 0, &[("Pompeo", NamedPerson)], false),
    row("In an interview Pompeo said the deal was dead.", "said", 0, &[("Pompeo", NamedPerson)], false),
    row(
        "In an interview with The Globe and Mail, Pompeo said the deal was dead.",
        "said",
        0,
        &[("Pompeo", NamedPerson)],
        false,
    ),
    row("During the hearing Ms. Ortiz said the plan had failed.", "said", 0, &[("Ortiz", NamedPerson)], false),
    row("Still, Pompeo said the deal was dead.", "said", 0, &[("Pompeo", NamedPerson)], false),
    // The outlet after "the" in the fronted phrase is its object, not part of the name.
    row(
        "In a March meeting with the editorial board of the Washington Post Trump said that the alliance was obsolete.",
        "said",
        0,
        &[("Trump", NamedPerson)],
        false,
    ),
    // A prepositional phrase with no subject after it is no source: "posted" there modifies
    // the message, and the speaker is the subject after the comma.
    row(
        "In a Facebook message posted Friday, Cruz said he would vote for Trump.",
        "said",
        0,
        &[("Cruz", NamedPerson)],
        false,
    ),
    // A participle after a long fronted phrase has the subject after its comma.
    row(
        "During a national security speech earlier in the day, Trump attacked Clinton for her support of the war, saying, \"She's trigger-happy.\"",
        "saying",
        0,
        &[("Trump", NamedPerson)],
        false,
    ),
    // Quantities and determiners open the subject itself: a number of people counted.
    row(
        "Only a quarter of Americans agree with him.",
        "agree with",
        0,
        &[("Only a quarter of Americans", Vague)],
        false,
    ),
    row("About four in 10 voters said they were angry.", "said", 0, &[("About four in 10 voters", Vague)], false),
    row(
        "At least four Democratic senators said they would object.",
        "said",
        0,
        &[("At least four Democratic senators", Vague)],
        false,
    ),
];

#[test]
fn a_word_that_only_starts_a_sentence_is_not_a_name() {
    check(SENTENCE_OPENERS);
    // No source anywhere is named by an opener alone.
    for t in [
        "Not suited for the restaurant kitchen, Greenspan pursued law.\n\nShe says it was the right choice.",
        "In an interview, Pompeo also said the deal was dead.",
        "In a Facebook message posted Friday, Cruz said he would vote for Trump.",
    ] {
        let a = text(t);
        for s in a.attributions().iter().flat_map(|x| &x.sources) {
            assert!(!["Not", "In an", "In", "In a Facebook message"].contains(&s.name.as_str()), "{t:?}: {s:?}");
        }
    }
}

/// Relative pronouns take their antecedent's phrase; pronouns pick the nearest compatible
/// earlier source by number, person or organisation, and gender where a title, a common first
/// name or an earlier pronoun tells it.
const PRONOUNS: &[Row] = &[
    row(
        "The probe began after allegations surfaced, according to a former port commissioner, who said board members were allegedly pressured.",
        "said",
        0,
        &[("a former port commissioner", Anonymous)],
        false,
    ),
    row(
        "Mary Jones said the plan failed.\n\nPeter Smith said no.\n\n\u{201c}It was rigged,\u{201d} she said.\n\n\u{201c}It was not,\u{201d} he said.",
        "said",
        2,
        &[("Mary Jones", NamedPerson)],
        true,
    ),
    row(
        "Mary Jones said the plan failed.\n\nPeter Smith said no.\n\n\u{201c}It was rigged,\u{201d} she said.\n\n\u{201c}It was not,\u{201d} he said.",
        "said",
        3,
        &[("Peter Smith", NamedPerson)],
        true,
    ),
    // A title tells the gender.
    row(
        "Mr. Ortiz said the plan failed. Ms. Chen said it was fine. He said it again.",
        "said",
        2,
        &[("Ortiz", NamedPerson)],
        true,
    ),
    // An earlier pronoun tied to a person tells it for later ones.
    row(
        "Alex Moreau said the plan failed. She said it twice.\n\nJordan Lee said it was fine. He said it twice.\n\nLater, she said the vote was rigged.",
        "said",
        4,
        &[("Alex Moreau", NamedPerson)],
        true,
    ),
    // A pronoun no earlier person can be is left unresolved.
    row("Mary Jones said the plan failed. He said it again.", "said", 1, &[("He", Unresolved)], false),
    // "it" is an organisation, not the person quoted in between.
    row(
        "Coastline Marine Works said the dock was safe. Mary Jones disputed that. It said the inspection was thorough.",
        "said",
        1,
        &[("Coastline Marine Works", Organisation)],
        true,
    ),
    // "the company", "the agency": the nearest earlier organisation of that type, quoted or
    // only named.
    row(
        "Coastline Marine Works denied the claims. The company said it followed the rules.",
        "said",
        0,
        &[("Coastline Marine Works", Organisation)],
        true,
    ),
    row(
        "Coastline Marine Works built the pier last year.\n\nThe company said it followed the rules.",
        "said",
        0,
        &[("Coastline Marine Works", Organisation)],
        true,
    ),
    row(
        "The Public Health Agency of Canada released figures on Monday. The agency said cases were rising.",
        "said",
        0,
        &[("Public Health Agency of Canada", Organisation)],
        true,
    ),
    row("The company said it followed the rules.", "said", 0, &[("company", Organisation)], false),
    // A surname after a full name, with or without a title, across paragraphs.
    row(
        "Mary Jones said the plan failed.\n\nMs. Jones added that the vote was rigged.",
        "added",
        0,
        &[("Mary Jones", NamedPerson)],
        true,
    ),
    row(
        "Mary Jones said the plan failed.\n\nPeter Smith said no.\n\nJones added that the vote was rigged.",
        "added",
        0,
        &[("Mary Jones", NamedPerson)],
        true,
    ),
];

#[test]
fn pronouns_and_references_pick_the_nearest_compatible_source() {
    check(PRONOUNS);
}

/// The recipient of "told" is an outer link at most: never the speaker, never the antecedent of
/// the speaker or of a later "it".
const RECIPIENTS: &[Row] = &[
    row(
        "The agency told CTV News it has not done any such study.",
        "told",
        0,
        &[("CTV News", NewsOutlet), ("agency", Organisation)],
        false,
    ),
    row(
        "The Public Health Agency of Canada released figures. The agency told CTV News it has not done any such study. It said the review would continue.",
        "told",
        0,
        &[("CTV News", NewsOutlet), ("Public Health Agency of Canada", Organisation)],
        true,
    ),
    row(
        "The Public Health Agency of Canada released figures. The agency told CTV News it has not done any such study. It said the review would continue.",
        "said",
        0,
        &[("Public Health Agency of Canada", Organisation)],
        true,
    ),
];

#[test]
fn the_recipient_of_told_is_never_the_antecedent() {
    check(RECIPIENTS);
}

/// Source kinds: organisations by the ending of their names, people described collectively,
/// an unnamed official with a relative clause.
const KINDS: &[Row] = &[
    row("Coastline Marine Works denied the claims.", "denied", 0, &[("Coastline Marine Works", Organisation)], false),
    row("Acme Holdings Inc. said profits rose.", "said", 0, &[("Acme Holdings Inc.", Organisation)], false),
    row("Bell Media announced layoffs.", "announced", 0, &[("Bell Media", Organisation)], false),
    row("Health Canada said the product was safe.", "said", 0, &[("Health Canada", Organisation)], false),
    // Newspaper names by their last word.
    row("The Riverton Ledger reported that fees rose.", "reported", 0, &[("Riverton Ledger", NewsOutlet)], false),
    row("The Ottawa Citizen reported that fees rose.", "reported", 0, &[("Ottawa Citizen", NewsOutlet)], false),
    row(
        "Residents have long complained about the smell.",
        "have long complained about",
        0,
        &[("Residents", Vague)],
        false,
    ),
    row("Protesters said the police had used force.", "said", 0, &[("Protesters", Vague)], false),
    row(
        "An official with the ministry who was present in court told Global News the case would proceed.",
        "told",
        0,
        &[("Global News", NewsOutlet), ("An official with the ministry who was present in court", Anonymous)],
        false,
    ),
    row(
        "Analysts wrote that countries ranging from Argentina, to Colombia, United State believe the plan will fail.",
        "believe",
        0,
        &[("Analysts", Vague), ("countries ranging from Argentina, to Colombia, United State", Vague)],
        false,
    ),
];

#[test]
fn source_kinds_of_companies_groups_and_officials() {
    check(KINDS);
}

/// Seed 000: the countries "ranging from Argentina, to Colombia, United State" that believe
/// are a group described collectively, not an organisation.
#[test]
fn seed_000_list_of_countries_is_a_group() {
    let a = seed("000");
    let c = claim(&a, "Infobae journalist Román Lejtman wrote");
    let believe = c.attribution.as_ref().expect("attributed");
    let s = believe.original_source().expect("a source");
    assert_eq!(
        (s.text.as_str(), s.kind),
        ("countries ranging from Argentina, to Colombia, United State", SourceKind::Vague)
    );
}
