//! Hedging and certainty: a table of hand-labelled sentences (hedged or not, with the deciding
//! cue and its category), context rules, quoted and attributed hedges, graded certainty.
//! Several rows restate sentences of the seeds (`seeds/`); the others were written for the purpose.

mod common;
use common::{first, text};
use veracity::{CertaintyLevel, HedgeCategory as C};

/// (sentence, deciding cue and its category, or None when the sentence holds no hedge cue)
const TABLE: &[(&str, Option<(&str, C)>)] = &[
    // From the seeds.
    ("He allegedly requested a meeting with the general.", Some(("allegedly", C::ReportingHedge))),
    ("The releases could pave the way for talks.", Some(("could pave the way", C::Speculation))),
    ("At least 18 detainees were freed.", Some(("At least", C::Approximator))),
    ("The regime will likely take advantage of the talks.", Some(("likely", C::Speculation))),
    ("Gallo is part of a Border Patrol squad.", None),
    ("The witness appeared before the court.", None),
    // Each category.
    ("The company reportedly lost money.", Some(("reportedly", C::ReportingHedge))),
    ("The rebels might have fled.", Some(("might have", C::EpistemicModal))),
    ("Perhaps the deal is dead.", Some(("Perhaps", C::EpistemicModal))),
    ("The storm could hit the coast on Friday.", Some(("could", C::EpistemicModal))),
    ("The drug seems to work.", Some(("seems", C::EvidentialVerb))),
    ("The data suggests that prices fell.", Some(("suggests", C::EvidentialVerb))),
    ("Apparently, the files were lost.", Some(("Apparently", C::EvidentialVerb))),
    ("About 20 people died.", Some(("About", C::Approximator))),
    ("Nearly 300 homes burned.", Some(("Nearly", C::Approximator))),
    ("Some say the election was rigged.", Some(("Some say", C::Weasel))),
    ("It is believed that the leader fled.", Some(("It is believed", C::Weasel))),
    ("Critics argue that the law is unfair.", Some(("Critics argue", C::Weasel))),
    ("Some experts say the economy will shrink.", Some(("Some experts", C::Weasel))),
    ("The company is widely regarded as a pioneer.", Some(("widely regarded", C::Weasel))),
    ("Prices are expected to rise.", Some(("are expected to", C::Speculation))),
    ("The deal is potentially worth billions.", Some(("potentially", C::Speculation))),
    ("The merger is unlikely to close this year.", Some(("unlikely", C::Speculation))),
    // Both conditional cues weigh 0.25 in the news defaults; on a tie the first cue decides.
    ("If the talks fail, prices would rise.", Some(("If", C::Conditional))),
    ("Prices clearly rose.", Some(("clearly", C::Booster))),
    // Negation: the cue is found (and marked negated, see `negation` below).
    ("The plan is not likely to pass.", Some(("likely", C::Speculation))),
    ("There is no evidence that suggests fraud.", Some(("suggests", C::EvidentialVerb))),
    // Not epistemic: permission, past ability, past future, general "can", names and dates.
    ("Visitors may park here.", None),
    ("You may leave your bags at the desk.", None),
    ("He could swim across the river as a boy.", None),
    ("Police could not find the suspect.", None),
    ("She would later become mayor.", None),
    ("We would like to thank our staff.", None),
    ("It should be remembered that the group announced new measures.", None),
    ("It should be noted that turnout fell.", None),
    ("Prices should be lower next year.", Some(("should", C::EpistemicModal))),
    ("Cats can climb trees.", None),
    ("The vote is on May 5.", None),
    ("About the talks, nothing is known.", None),
    // A bare "claimed" reports a claim only before a clause; "allegations of" hedges what follows.
    ("Authorities claimed he voluntarily appeared before prosecutors.", Some(("claimed", C::ReportingHedge))),
    ("An adviser claimed on January 6 that Russia had made an offer.", Some(("claimed", C::ReportingHedge))),
    ("The rebels claimed victory in the north.", None),
    ("He claimed the government had lied.", Some(("claimed", C::ReportingHedge))),
    ("She claimed the title that had eluded her.", None),
    ("Two researchers claimed to have found bacteria in the meteorite.", None),
    ("The storm claimed 20 lives.", None),
    ("He clung to power amid allegations of fraud.", Some(("allegations of", C::ReportingHedge))),
    // "would" after a past reporting verb is the future of reported speech ("you will lose").
    ("Russian agents persuaded the dictator he would lose the fight.", None),
    ("The minister said the plan would cut costs.", None),
    ("The plan would cut costs.", Some(("would", C::Conditional))),
    ("He said: “We would win with a full squad.”", Some(("would", C::Conditional))),
    ("This would not be the first time the regime has held prisoners.", None),
    ("It would be the first time a sitting president testified.", Some(("would", C::Conditional))),
    // Sources located by a name are an anonymous attribution, not a weasel; vague ones are.
    ("Putin approved the rescue, Kremlin sources said.", None),
    ("The army withdrew, sources said.", Some(("sources said", C::Weasel))),
    ("Some sources said the army withdrew.", Some(("sources said", C::Weasel))),
    // Plain facts.
    ("The bridge reopened on Tuesday.", None),
    ("The minister resigned after the vote.", None),
    ("Unemployment rose to 7.5 percent in March.", None),
    ("The suspect was arrested in Texas.", None),
    // Quoted and attributed hedges.
    ("“We may lose,” the coach said.", Some(("may", C::EpistemicModal))),
    ("Farnsworth said Maduro may step down.", Some(("may", C::EpistemicModal))),
];

#[test]
fn hedged_or_not_with_the_deciding_cue() {
    assert!(TABLE.len() >= 40);
    let mut failures = Vec::new();
    let mut correct = 0usize;
    for (t, want) in TABLE {
        let c = first(t);
        let got = c.deciding_cue().map(|h| (h.cue.as_str(), h.category));
        let hedged_ok = c.is_hedged() == want.is_some_and(|(_, cat)| cat != C::Booster);
        if got == *want && hedged_ok {
            correct += 1;
        } else {
            failures.push(format!("{t:?}: got {got:?}, hedged {}", c.is_hedged()));
        }
    }
    assert!(failures.is_empty(), "{correct}/{} correct\n{}", TABLE.len(), failures.join("\n"));
}

#[test]
fn negation() {
    let c = first("The plan is not likely to pass.");
    assert!(c.hedges[0].negated);
    // The negator belongs to the cue, so the claim itself is not a negated assertion.
    assert!(!c.negated);
    assert!(first("There is no evidence that suggests fraud.").hedges[0].negated);
    // A negated assertion without a cue: certain, negative polarity.
    let c = first("The talks did not fail.");
    assert!(c.negated);
    assert_eq!(c.certainty_level, CertaintyLevel::Certain);
    assert_eq!(c.factuality(), -3.0);
    // A negated booster raises nothing.
    let c = first("The results were not clearly positive.");
    assert!(c.hedges.iter().all(|h| h.category != C::Booster || h.negated));
}

#[test]
fn graded_certainty() {
    // Reporting hedges keep their hand-set weight 0.45 (not learned): 0.55 is `possible`.
    let c = first("He allegedly requested a meeting.");
    assert!((c.certainty - 0.55).abs() < 1e-9);
    assert_eq!(c.certainty_level, CertaintyLevel::Possible);
    assert_eq!(c.factuality(), 0.75);
    // Two weasels compound: "some say" (0.5, too rare to learn) and "many" leave at most 0.5.
    let c = first("Some say many residents left.");
    assert!(c.certainty <= 0.5);
    assert_ne!(c.certainty_level, CertaintyLevel::Certain);
    // No cue: certain.
    let c = first("The bridge reopened on Tuesday.");
    assert_eq!((c.certainty, c.certainty_level, c.deciding_cue()), (1.0, CertaintyLevel::Certain, None));
    assert_eq!(c.factuality(), 3.0);
    // A booster alone keeps a claim certain.
    assert_eq!(first("Prices clearly rose.").certainty_level, CertaintyLevel::Certain);
}

/// A hedging adjective inside a noun phrase hedges the phrase, not the claim: it counts with
/// `attributive_hedge_factor` (0.5) of its weight. Elsewhere it counts whole.
#[test]
fn attributive_hedges_count_with_their_factor() {
    // (sentence, the cue, attributive?)
    let rows: &[(&str, &str, bool)] = &[
        ("Maduro exchanged alleged front man Alex Saab for ten American citizens.", "alleged", true),
        ("The timing of the alleged offer raises questions.", "alleged", true),
        ("Reports of a potential Maduro escape surfaced on Monday.", "potential", true),
        ("The likely winner is the incumbent.", "likely", true),
        ("The bank's so-called reform failed.", "so-called", true),
        ("He died two months later under unclear circumstances.", "unclear", true),
        ("It is unclear whether he died.", "unclear", false),
        ("Prosecutors alleged Smith took bribes.", "alleged", false),
        ("The regime will likely take advantage of the talks.", "likely", false),
        ("The merger is likely to close this year.", "likely", false),
        ("It is possible that he fled.", "possible", false),
        ("He allegedly requested a meeting.", "allegedly", false),
    ];
    for (t, cue, want) in rows {
        let c = first(t);
        let h = c.hedges.iter().find(|h| h.cue == *cue).unwrap_or_else(|| panic!("{t:?}: no {cue:?}"));
        assert_eq!(h.attributive, *want, "{t:?}");
        let factor = if *want { 0.5 } else { 1.0 };
        assert!((c.certainty - (1.0 - h.weight * factor)).abs() < 1e-9, "{t:?}: certainty {}", c.certainty);
    }
    // The `conll2010` profile counts them whole (a Wikipedia weasel is any "alleged").
    let a = veracity::Analyzer::builder().profile("conll2010").build().unwrap();
    let c = a.analyze_text("The timing of the alleged offer raises questions.").unwrap().claims()[0].clone();
    assert!(c.hedges[0].attributive);
    assert!((c.certainty - (1.0 - c.hedges[0].weight)).abs() < 1e-9);
}

#[test]
fn quoted_hedge_is_the_speakers() {
    let c = first("“We may lose,” the coach said.");
    assert!(c.hedges[0].in_quote);
    assert!(c.certainty < 1.0);
    // The author does not hedge: only the speaker does.
    assert_eq!(c.author_certainty, 1.0);
    // Unquoted, author and claim certainty agree.
    let c = first("The team may lose.");
    assert_eq!(c.author_certainty, c.certainty);
}

#[test]
fn attributed_hedge_versus_weasel() {
    let named = first("Farnsworth said Maduro may step down.");
    assert!(named.is_attributed_hedge());
    assert!(!named.is_weasel());
    let weasel = first("Some experts say the economy will shrink.");
    assert!(weasel.is_weasel());
    assert!(!weasel.is_attributed_hedge());
    // Both facts reach the score differently: the weasel is penalised on top of its hedging.
    let w = weasel.explanation.get("weasel").unwrap().contribution;
    assert!(w < 0.0);
    assert_eq!(named.explanation.get("weasel").unwrap().contribution, 0.0);
}

#[test]
fn factuality_is_scoped_to_the_event() {
    let a = text("The talks did not fail.");
    let at = |a: &veracity::Analysis, w: &str| a.factuality_at(a.text().find(w).unwrap()).unwrap();
    assert_eq!(at(&a, "talks"), 3.0);
    assert_eq!(at(&a, "fail"), -3.0);
    // Events before the cue are not in its scope.
    let a = text("Officials who met on Monday say the rebels may have fled.");
    assert_eq!(at(&a, "met"), 3.0);
    let fled = at(&a, "fled");
    assert!((0.0..3.0).contains(&fled), "{fled}");
}

/// The claim can be certain while an event in it did not happen (a counterfactive predicate) or
/// is only said to be possible (ability "can"): the event's factuality says so, the claim's
/// certainty does not change.
#[test]
fn factuality_of_events_under_counterfactive_and_ability_predicates() {
    let at = |a: &veracity::Analysis, w: &str| a.factuality_at(a.text().find(w).unwrap()).unwrap();
    let rows: &[(&str, &str, f64)] = &[
        ("The launch of the new satellite has been postponed.", "launch", -3.0),
        ("The launch of the new satellite has been postponed.", "satellite", 3.0),
        ("Senators criticised the now-cancelled deal to lease tankers.", "deal", -3.0),
        ("Senators criticised the now-cancelled deal to lease tankers.", "criticised", 3.0),
        ("The airline complained about the delay in delivery of its jets.", "delivery", -3.0),
        ("The minister refused to sign the treaty.", "sign", -3.0),
        ("The minister did not refuse to sign the treaty.", "sign", 3.0),
        ("The index nearly broke the record on Friday.", "broke", -3.0),
        ("The new jet can fly from London to Sydney without a stop.", "fly", 0.0),
        ("The new jet flew from London to Sydney without a stop.", "flew", 3.0),
    ];
    for (t, w, want) in rows {
        let a = text(t);
        assert_eq!(at(&a, w), *want, "{t:?} at {w:?}");
        assert_eq!(a.claims()[0].certainty_level, veracity::CertaintyLevel::Certain, "{t:?}");
    }
}

/// The `conll2010` profile adds Wikipedia's weasel sense: frequency, peacock and vague cues, which
/// the news defaults leave alone.
#[test]
fn conll2010_profile_adds_wikipedia_weasel_cues() {
    let wiki = veracity::Analyzer::builder().profile("conll2010").build().unwrap();
    let rows: &[(&str, &str, C)] = &[
        ("The museum is often closed on Mondays.", "often", C::Approximator),
        ("The hotel is one of the finest in Europe.", "one of the finest", C::Weasel),
        ("The band is famous for its live shows.", "famous", C::Weasel),
    ];
    for (t, cue, cat) in rows {
        let news = first(t);
        assert!(!news.is_hedged(), "{t:?} is plain in the news defaults");
        let a = wiki.analyze_text(t).unwrap();
        let c = &a.claims()[0];
        assert_eq!(c.deciding_cue().map(|h| (h.cue.as_str(), h.category)), Some((*cue, *cat)), "{t:?}");
    }
    // Session 8: a quantity of time or a count, and a plain "often used", are their own cues with
    // small learned weights, not the weasel "several"/"many" or the hedge "often".
    for (t, cue) in [
        ("The band toured Europe for several years.", "several years"),
        ("The song was played many times on the radio.", "many times"),
        ("The term is often used in chemistry.", "often used"),
    ] {
        let a = wiki.analyze_text(t).unwrap();
        let c = &a.claims()[0];
        assert_eq!(c.hedges.iter().map(|h| h.cue.as_str()).collect::<Vec<_>>(), [cue], "{t:?}");
        assert_eq!(c.certainty_level, veracity::CertaintyLevel::Certain, "{t:?}");
    }
    // Session 10: a bare "some" is an unnamed crowd; before a number it is no cue in the profile
    // (the news defaults' approximator, "some 300 people", is left out).
    let a = wiki.analyze_text("Some autistic adults find this ribbon offensive.").unwrap();
    assert_eq!(a.claims()[0].deciding_cue().map(|h| (h.cue.as_str(), h.category)), Some(("Some", C::Weasel)));
    let a = wiki.analyze_text("The storm forced some 300 people from their homes.").unwrap();
    assert!(a.claims()[0].hedges.is_empty(), "{:?}", a.claims()[0].hedges);
    assert_eq!(first("The storm forced some 300 people from their homes.").hedges[0].category, C::Approximator);
    assert!(first("Some autistic adults find this ribbon offensive.").hedges.iter().all(|h| h.cue != "Some"));
    // Learned on Wikipedia, "if" is nearly neutral (it marks few uncertain sentences there).
    let a = wiki.analyze_text("If the talks fail, prices would rise.").unwrap();
    assert_eq!(a.claims()[0].deciding_cue().map(|h| h.cue.as_str()), Some("would"));
    let e = veracity::Analyzer::builder().profile("no-such-profile").build().unwrap_err();
    assert_eq!(e.kind(), veracity::ErrorKind::InvalidOption);
    assert!(e.to_string().contains("conll2010"), "{e}");
}

/// A claim is negated by a negator in its main clause only: "without" negates its object, and a
/// negator in an opening subordinate clause does not reach the main one.
#[test]
fn claim_negation_is_the_main_clause() {
    let rows: &[(&str, bool)] = &[
        ("The talks did not fail.", true),
        ("Nobody was hurt in the blast.", true),
        ("All hostages are now safe, he wrote, without disclosing details.", false),
        ("He would release them in exchange for leaving without legal repercussions.", false),
        ("While the government has not issued a statement, the episode marks a new low.", false),
        ("Although he denied it, the minister never returned the money.", true),
        ("The minister has not resigned, although critics demanded it.", true),
    ];
    for (t, want) in rows {
        assert_eq!(first(t).negated, *want, "{t:?}");
    }
}
