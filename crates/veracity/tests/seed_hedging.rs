//! The seeds' own sentences, hand-labelled: is the sentence hedged, and by which cue?
//!
//! Each row names a sentence of a seed article (`seeds/`) by a piece of its text, and says whether
//! a careful reader finds it hedged (some proposition it puts forward is stated as less than
//! certain, including a hedged noun phrase: "the alleged offer", "a potential escape"), and if so
//! which cues may decide it. The labels were written from the text alone, before running the
//! analyser; rows where the analyser (news defaults, the whole article analysed) disagrees are
//! listed in [`DISAGREEMENTS`] with the reason, so that both a fix and a regression fail the test.
//! The figures are reported in `docs/evaluation.md` ("Seed sentences").
//!
//! A sentence is predicted hedged when one of its claims is hedged ([`veracity::Claim::is_hedged`]:
//! it holds a cue other than a booster, as in the table of `hedging.rs`; a light cue such as "at
//! least" hedges a claim that is still graded `certain`); the deciding cue is that of its least
//! certain hedged claim.

mod common;

use veracity::{Analysis, Claim};

/// (seed prefix, a piece of the sentence's text, the cue words any of which may decide it, or
/// `None` when the sentence is not hedged). A cue word matches when the deciding cue contains it,
/// ignoring case.
const TABLE: &[(&str, &str, Option<&[&str]>)] = &[
    // 000: Latin Times, Maduro and the prisoners.
    // "Maduro may be seeking leverage ... Jan. 10 Getty Images" is the photo caption: no claim.
    ("000", "is reportedly seeking to escape a similar fate", Some(&["reportedly"])),
    ("000", "he seems to have adopted a new tactic", Some(&["seems", "may"])),
    ("000", "having already rounded up roughly 20 political prisoners", Some(&["roughly", "would"])),
    ("000", "The latest prisoner to be added to that group", None),
    ("000", "Gallo is part of a Border Patrol squad", None),
    ("000", "He reportedly has no links", Some(&["reportedly"])),
    ("000", "Milei's administration ordered a diplomatic raid", None),
    ("000", "This would not be the first time", None),
    ("000", "exchanged alleged front man Alex Saab", Some(&["alleged"])),
    ("000", "Saab had been extradited from Cape Verde", None),
    ("000", "is considering the tactic if political stability", None),
    ("000", "Maduro claimed victory in the July presidential election", None),
    ("000", "presented voting tallies from hundreds of voting booths", None),
    ("000", "He has since fled to Spain", None),
    ("000", "will likely take advantage of the political situation", Some(&["likely"])),
    ("000", "Reports of a potential Maduro escape", Some(&["potential"])),
    ("000", "Three sources close to the Russian government told", None),
    ("000", "Assad followed the advice and reportedly fled", Some(&["reportedly"])),
    ("000", "personally approved the rescue of Assad", None),
    // 001: prisoner releases after Maduro's capture.
    ("001", "Venezuela has begun a significant release of political prisoners", None),
    ("001", "At least 18 detainees have been freed so far", Some(&["at least", "potential"])),
    ("001", "announced the prisoner releases on social media", None),
    ("001", "credited the military effort with prompting", None),
    ("001", "where Maduro has clung to power amid widespread allegations", Some(&["allegation"])),
    ("001", "has long demanded the liberation of thousands", None),
    ("001", "have documented over 2,000 such cases", None),
    ("001", "a former adviser to Trump claimed on January 6", Some(&["claimed"])),
    ("001", "suggests Moscow may have sought", Some(&["suggests", "may"])),
    ("001", "Russia has been a staunch supporter of Maduro", None),
    ("001", "While unverified by official channels", Some(&["unverified"])),
    ("001", "the U.S. imposed crippling sanctions", None),
    ("001", "deployed Wagner Group mercenaries", None),
    ("001", "The timing of the alleged offer", Some(&["alleged", "reported"])),
    ("001", "but Trump's post suggests alignment", Some(&["suggests"])),
    ("001", "traces back to 2013", None),
    ("001", "led to over 7,000 deaths according to the United Nations", None),
    ("001", "China and Iran have also propped up the regime", None),
    ("001", "at least 18 high-profile political prisoners have been released", Some(&["at least"])),
    ("001", "The releases could pave the way", Some(&["could"])),
    ("001", "have urged transparency and called for free elections", None),
    ("001", "whispers of Russo-American horse-trading", Some(&["whispers"])),
    ("001", "potentially unlocking sanctions relief", Some(&["potentially"])),
    ("001", "Venezuela remains a litmus test", None),
    // 002: PanAm Post, Maduro's asylum request.
    ("002", "he allegedly requested consideration", Some(&["allegedly"])),
    ("002", "the country has emerged as an attractive asylum option", None),
    ("002", "is alleged to have served another purpose", Some(&["alleged"])),
    ("002", "Maduro seized on the opportunity to broach", None),
    ("002", "In the private reception he had with López Obrador", None),
    ("002", "It remains to be seen what actions", Some(&["remains to be seen", "in theory"])),
    ("002", "54 refused to recognize the last presidential election", None),
    ("002", "It should be remembered that", None),
    ("002", "European governments have also ruled", None),
    ("002", "Mexico becomes a potential nation", Some(&["potential"])),
    ("002", "which may be willing to grant political asylum", Some(&["may"])),
    ("002", "would be willing to protect Venezuelan officials", Some(&["would"])),
    ("002", "is also described as a dictator", Some(&["described as"])),
    ("002", "Both Ortega and Maduro have shared", None),
    ("002", "Other nations willing to come to the aid of Maduro would likely include", Some(&["likely", "would"])),
    ("002", "it seems that the latter only maintain", Some(&["seems"])),
    // 003: Wall Street Journal, amnesty talks.
    ("003", "is willing to combat dissidence", None),
    ("003", "people familiar with the matter said", None),
    ("003", "The U.S. has discussed pardons for Maduro", None),
    ("003", "placed a $15 million bounty", None),
    ("003", "Maduro has jailed thousands of dissidents", None),
    ("003", "said the election results stunned Maduro", None),
    ("003", "the leader has signaled he is willing", None),
    ("003", "That makes being in the opposition a very risky thing", None),
    // 004: the rescue from the Argentinian residence.
    ("004", "have safely arrived in the United States", None),
    ("004", "Among the group were the campaign manager", None),
    ("004", "Rubio confirmed their arrival on U.S. soil", None),
    ("004", "in a controversial diplomatic standoff", None),
    ("004", "The compound had reportedly been under constant surveillance", Some(&["reportedly"])),
    ("004", "Authorities claimed he voluntarily appeared", Some(&["claimed"])),
    ("004", "He died two months later under unclear circumstances", None),
    ("004", "despite widespread allegations of fraud", Some(&["allegation"])),
    ("004", "Argentina requested Brazil to safeguard", None),
    ("004", "The rescue operation is expected to strain", Some(&["expected to"])),
    ("004", "have not spoken publicly", None),
];

/// Rows where the analyser disagrees with the hand label, each with the reason: (seed prefix,
/// the row's piece of text). Fixing one makes the test fail until the row is removed here.
const DISAGREEMENTS: &[(&str, &str)] = &[
    // The condition belongs to the plan being considered, not to the author's certainty; the
    // analyser grades every "if" clause as conditional.
    ("000", "is considering the tactic if political stability"),
    // "broach the possibility of" names a topic of the talks, not the author's doubt.
    ("002", "Maduro seized on the opportunity to broach"),
    // An agentless "is (also) described as": no cue in the news defaults ("described as" is a
    // weasel of the `conll2010` profile only, and an adverb splits the phrase here).
    ("002", "is also described as a dictator"),
    // "unclear circumstances" qualifies the circumstances; that he died is certain.
    ("004", "He died two months later under unclear circumstances"),
];

/// The sentence holding `needle` (exactly one must), its claims' lowest grade and that claim's
/// deciding cue.
fn predict(a: &Analysis, needle: &str) -> (bool, Option<String>) {
    let text = a.text();
    let hits: Vec<usize> =
        a.sentences().iter().enumerate().filter(|(_, s)| s.span.slice(text).contains(needle)).map(|(i, _)| i).collect();
    assert_eq!(hits.len(), 1, "{needle:?} is in {} sentences", hits.len());
    let claims: Vec<&Claim> = a.claims().iter().filter(|c| c.sentence == hits[0]).collect();
    assert!(!claims.is_empty(), "no claim in the sentence of {needle:?}");
    let least = claims.into_iter().filter(|c| c.is_hedged()).min_by(|x, y| x.certainty.total_cmp(&y.certainty));
    (least.is_some(), least.and_then(Claim::deciding_cue).map(|h| h.cue.to_lowercase()))
}

#[test]
fn seed_sentences_hedged_or_not_with_the_deciding_cue() {
    assert!(TABLE.len() >= 40);
    let seeds: Vec<(&str, Analysis)> =
        ["000", "001", "002", "003", "004"].into_iter().map(|p| (p, common::seed(p))).collect();
    let (mut tp, mut fp, mut fn_, mut tn) = (0usize, 0usize, 0usize, 0usize);
    let mut disagree = Vec::new();
    for &(prefix, needle, want) in TABLE {
        let a = &seeds.iter().find(|(p, _)| *p == prefix).expect("known seed").1;
        let (hedged, cue) = predict(a, needle);
        let cue_ok = match (want, &cue) {
            (Some(words), Some(cue)) => words.iter().any(|w| cue.contains(&w.to_lowercase())),
            _ => true,
        };
        match (want.is_some(), hedged) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (true, false) => fn_ += 1,
            (false, false) => tn += 1,
        }
        if want.is_some() != hedged || !cue_ok {
            disagree.push(((prefix, needle), format!("{prefix} {needle:?}: hedged {hedged}, cue {cue:?}")));
        }
    }
    let got: Vec<(&str, &str)> = disagree.iter().map(|(k, _)| *k).collect();
    let report: Vec<&str> = disagree.iter().map(|(_, r)| r.as_str()).collect();
    eprintln!("seed sentences: {} rows, tp {tp} fp {fp} fn {fn_} tn {tn}", TABLE.len());
    assert_eq!(got, DISAGREEMENTS, "disagreements changed:\n{}", report.join("\n"));
}
