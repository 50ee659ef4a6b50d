//! Cue types (speech, writing, belief, stance, perception, reported) and the "not speech"
//! precision rules: cue words that are nouns, plain verbs that report nothing, labels before a
//! colon. Each table row is a sentence with hand-written expectations.

mod common;
use common::text;
use veracity::{Analysis, Attribution, CueType};

/// The attribution whose cue (as written) is `cue`, if any.
fn find<'a>(a: &'a Analysis, cue: &str) -> Option<&'a Attribution> {
    a.attributions().iter().find(|x| x.cue == cue)
}

/// (text, cue as written, expected type, expected source name)
type TypeRow = (&'static str, &'static str, CueType, &'static str);

const CUE_TYPES: &[TypeRow] = &[
    // Speech: statements, answers, directives and promises, characterisations with a quotation.
    ("Ana Ruiz said the bridge would open in May.", "said", CueType::Speech, "Ana Ruiz"),
    ("“We will open in May,” the mayor added.", "added", CueType::Speech, "the mayor"),
    ("Two officials told Reuters the convoy had left.", "told", CueType::Speech, "Two officials"),
    ("The ministry announced that the border would reopen.", "announced", CueType::Speech, "ministry"),
    ("The company denied that it had broken the rules.", "denied", CueType::Speech, "company"),
    ("Senator Kim urged lawmakers to pass the bill.", "urged", CueType::Speech, "Kim"),
    ("Greenspan went on to say that rates would rise.", "went on to say", CueType::Speech, "Greenspan"),
    ("Milei called it “an important step” for the country.", "called", CueType::Speech, "Milei"),
    ("The governor vowed to fight the ruling in court.", "vowed", CueType::Speech, "The governor"),
    ("Trump described the country as beset by crime.", "described", CueType::Speech, "Trump"),
    // Writing.
    ("The senator wrote that the deal was a mistake.", "wrote", CueType::Writing, "The senator"),
    ("Musk tweeted that the launch would slip to June.", "tweeted", CueType::Writing, "Musk"),
    ("The mayor posted that the roads were closed.", "posted", CueType::Writing, "The mayor"),
    // Beliefs, fears, intentions.
    ("Sanders believes the efforts will work.", "believes", CueType::Belief, "Sanders"),
    ("Republicans fear the bill will fail.", "fear", CueType::Belief, "Republicans"),
    ("Economists expect the bank to cut rates.", "expect", CueType::Belief, "Economists"),
    ("Trump knew the deal was in trouble.", "knew", CueType::Belief, "Trump"),
    // Stances: a position on something, not words reported.
    ("Sanders criticized the trade deal.", "criticized", CueType::Stance, "Sanders"),
    ("The union praised the agreement.", "praised", CueType::Stance, "union"),
    ("Critics accused the mayor of hiding the report.", "accused", CueType::Stance, "Critics"),
    ("The group called for new elections.", "called for", CueType::Stance, "group"),
    // Perceptions and findings.
    (
        "An internal audit found serious irregularities in the accounts.",
        "found",
        CueType::Perception,
        "An internal audit",
    ),
    ("The poll shows Clinton leading by four points.", "shows", CueType::Perception, "The poll"),
    // Relayed reports.
    ("The convoy left on Monday, according to two officials.", "according to", CueType::Reported, "two officials"),
    ("The Ledger reported that the port had closed.", "reported", CueType::Reported, "Ledger"),
];

#[test]
fn every_cue_has_its_type() {
    let mut failures = Vec::new();
    for (t, cue, want, source) in CUE_TYPES {
        let a = text(t);
        match find(&a, cue) {
            None => failures.push(format!("{t:?}: no cue {cue:?} in {:?}", a.attributions())),
            Some(x) => {
                let got = x.original_source().map(|s| s.name.as_str()).unwrap_or_default();
                if x.cue_type != *want || got != *source {
                    failures
                        .push(format!("{t:?}: {cue:?} is {} from {got:?}, want {want} from {source:?}", x.cue_type));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Attributions without a reporting verb: a transcript's speaker turn is speech, a headline's
/// "Source: ..." a relayed report (a finding when the source is a poll or a report), a poll opening a
/// sentence a finding, and sourceless cues have the type of what they report.
#[test]
fn patterns_and_sourceless_cues_have_their_type() {
    let turn = text("The interview, in full.\n\nTAPPER: Do you think the deal will hold up in the Senate?\n");
    assert_eq!(find(&turn, ":").map(|x| x.cue_type), Some(CueType::Speech), "{:?}", turn.attributions());
    let headline = text("Clinton Camp: Trump's Rhetoric Is Destroying the GOP\n\nThe campaign spoke on Sunday.\n");
    assert_eq!(find(&headline, ":").map(|x| x.cue_type), Some(CueType::Reported), "{:?}", headline.attributions());
    let poll = text("Poll: Trump Ties Clinton In Florida Race\n\nThe race is close.\n");
    assert_eq!(find(&poll, ":").map(|x| x.cue_type), Some(CueType::Perception), "{:?}", poll.attributions());
    let in_poll = text("In a CBS News poll released Monday, Machado led Maduro 56 percent to 32 percent.");
    assert_eq!(find(&in_poll, "In").map(|x| x.cue_type), Some(CueType::Perception));
    let analyzer = veracity::Analyzer::default();
    for (t, cue, want) in [
        ("The minister reportedly requested asylum in Moscow.", "reportedly", CueType::Reported),
        ("The deal seems to have collapsed.", "seems", CueType::Perception),
        ("The bill is expected to pass on Friday.", "is expected", CueType::Belief),
        ("Asked about the vote, Ryan said nothing.", "Asked about", CueType::Speech),
    ] {
        let a = text(t);
        let un = analyzer.unsourced_attributions(&a);
        let got = un.iter().find(|x| x.cue == cue).map(|x| x.cue_type);
        assert_eq!(got, Some(want), "{t:?}: {un:?}");
    }
}

#[test]
fn cue_type_names_round_trip() {
    for t in CueType::ALL {
        assert_eq!(t.as_str().parse::<CueType>().ok(), Some(t));
        assert_eq!(t.to_string(), t.as_str());
    }
    let err = "gossip".parse::<CueType>().expect_err("unknown type");
    assert!(err.to_string().contains("speech, writing, belief, stance, perception, reported"), "{err}");
    assert!(CueType::Speech.is_quote() && CueType::Writing.is_quote());
    assert!(!CueType::Belief.is_quote() && !CueType::Reported.is_quote() && !CueType::Perception.is_quote());
}

/// A cue group's `cue_type` is read from the lexicon; a group without one reports speech, and an
/// unknown type is a configuration error naming it.
#[test]
fn cue_groups_carry_their_type() {
    let typed = "[cue_groups.mine]\nkind = \"verb\"\ncue_type = \"belief\"\nphrases = [\"reckons\"]\n";
    let an = veracity::Analyzer::builder().config_toml(typed).build().expect("typed group loads");
    let a = an.analyze_text("Tom Lee reckons the budget is fine.").expect("analysis");
    assert_eq!(find(&a, "reckons").map(|x| x.cue_type), Some(CueType::Belief));
    let untyped = "[cue_groups.mine]\nkind = \"verb\"\nphrases = [\"opined\"]\n";
    let an = veracity::Analyzer::builder().config_toml(untyped).build().expect("a group without a type loads");
    let a = an.analyze_text("Tom Lee opined that the budget is fine.").expect("analysis");
    assert_eq!(find(&a, "opined").map(|x| x.cue_type), Some(CueType::Speech));
    let bad = "[cue_groups.mine]\nkind = \"verb\"\ncue_type = \"gossip\"\nphrases = [\"dished\"]\n";
    let e = veracity::Analyzer::builder().config_toml(bad).build().expect_err("unknown type is rejected");
    assert_eq!(e.kind(), veracity::ErrorKind::Config);
    assert!(e.to_string().contains("gossip") && e.to_string().contains("speech"), "{e}");
    // Every built-in group says what it reports.
    let builtin = include_str!("../data/attribution.toml");
    for group in builtin.split("\n[cue_groups.").skip(1) {
        let body = group.split("\n[").next().unwrap_or(group);
        assert!(body.contains("\ncue_type = "), "group {:?} has no cue_type", group.lines().next());
    }
}

/// Not speech: a cue word that is a noun, knowing a person or a place, page labels before a
/// colon. (text, the cue word that must not attribute)
const NOT_SPEECH: &[(&str, &str)] = &[
    // A cue word in a noun phrase: after a possessive, or a determiner and an adjective.
    ("Tuesday's warning about rates rattled markets.", "warning"),
    ("The agency issued a stern warning about the storm on Monday.", "warning"),
    ("The warning came after heavy rain flooded the town.", "warning"),
    ("The agency issued a warning about the storm on Monday.", "warning"),
    ("Donald Trump's repeated emphasis on crime won him votes.", "repeated"),
    ("Only five countries spend more than the alliance's recommended 2 percent on defense.", "recommended"),
    // Knowing a person or a place.
    ("Greenspan knew him from their time at the Fed.", "knew"),
    ("She knew the area well.", "knew"),
    ("The fishermen know the waters better than anyone.", "know"),
];

#[test]
fn nouns_and_plain_objects_are_not_attributions() {
    let mut failures = Vec::new();
    for (t, cue) in NOT_SPEECH {
        let a = text(t);
        if let Some(x) = a.attributions().iter().find(|x| x.cue.contains(cue)) {
            failures.push(format!("{t:?}: {:?} ({}) extracted", x.cue, x.cue_type));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The same words still attribute where they report content: a noun with a "that" clause, and
/// knowing a fact.
#[test]
fn nouns_with_a_clause_and_known_facts_still_attribute() {
    for (t, cue, want, source) in [
        (
            "Politifact checked Trump's claim that there have been thousands of shootings.",
            "claim",
            CueType::Speech,
            "Trump",
        ),
        ("Trump knew the deal was in trouble.", "knew", CueType::Belief, "Trump"),
        ("Trump knew her husband was ill.", "knew", CueType::Belief, "Trump"),
    ] {
        let a = text(t);
        let x = find(&a, cue).unwrap_or_else(|| panic!("{t:?}: no {cue:?} in {:?}", a.attributions()));
        assert_eq!(x.cue_type, want, "{t:?}");
        assert!(x.original_source().is_some_and(|s| s.name.contains(source)), "{t:?}: {:?}", x.sources);
    }
}

/// Page furniture before a colon ("WATCH BELOW:", "READ MORE:", "PHOTOS:") is no speaker turn nor
/// headline source; a transcript's speaker still is.
#[test]
fn labels_before_a_colon_are_not_speakers() {
    let a = text(
        "The storm hit on Monday.\n\nWATCH BELOW: Flood waters rise in the town centre overnight\n\n\
         READ MORE: Province extends state of emergency after storms\n\n\
         PHOTOS: The flooded streets of the old town after the storm\n\n\
         TAPPER: Do you think the deal will hold up in the Senate?\n",
    );
    let colons: Vec<(&str, CueType)> =
        a.attributions().iter().filter(|x| x.cue == ":").map(|x| (x.sources[0].text.as_str(), x.cue_type)).collect();
    assert_eq!(colons, [("TAPPER", CueType::Speech)]);
    let headline = text("Watch Live: Governor Gives Update On Storm Damage\n\nThe governor spoke on Monday.\n");
    assert!(headline.attributions().iter().all(|x| x.cue != ":"), "{:?}", headline.attributions());
}

/// A topic ("has focused on the economy") and a title-case headline's finding ("Audit Finds
/// Irregularities") are typed, and are not speech: a quote extractor does not count them.
#[test]
fn topics_and_headline_findings_are_not_speech() {
    for (t, cue, want) in [
        ("The mayor has focused on the economy.", "has focused on", CueType::Stance),
        ("The senator talked about the wall for an hour.", "talked about", CueType::Stance),
        (
            "Audit Finds Irregularities In City Accounts\n\nThe audit was released on Monday.\n",
            "Finds",
            CueType::Perception,
        ),
    ] {
        let a = text(t);
        let x = find(&a, cue).unwrap_or_else(|| panic!("{t:?}: no {cue:?} in {:?}", a.attributions()));
        assert_eq!(x.cue_type, want, "{t:?}");
        assert!(!x.cue_type.is_quote(), "{t:?}");
    }
}

/// The seeds' cues and their types: (seed, cue as written, type).
const SEED_TYPES: &[(&str, &str, CueType)] = &[
    ("000", "wrote", CueType::Writing),
    ("000", "believe", CueType::Belief),
    ("000", "according to", CueType::Reported),
    ("001", "called for", CueType::Stance),
    ("001", "report", CueType::Reported),
    ("002", "is currently seeking", CueType::Belief),
    ("003", "has discussed", CueType::Stance),
    ("004", "accused", CueType::Stance),
    ("004", "praised", CueType::Stance),
    ("004", "wrote", CueType::Writing),
];

#[test]
fn seed_cues_have_their_type() {
    let mut failures = Vec::new();
    for (prefix, cue, want) in SEED_TYPES {
        let a = common::seed(prefix);
        match find(&a, cue) {
            Some(x) if x.cue_type == *want => {}
            Some(x) => failures.push(format!("seed {prefix}: {cue:?} is {}, want {want}", x.cue_type)),
            None => failures.push(format!("seed {prefix}: no cue {cue:?}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// After a speech tag, the words after "told" are its addressee and adjuncts, not what was said:
/// the quotation before the tag is the content. (text, expected content)
const ADDRESSEE_ONLY: &[(&str, &str)] = &[
    ("“We will win Ohio,” Kasich told a crowd in Berea, Ohio on Tuesday night.", "We will win Ohio"),
    ("“The wall will be built,” Trump told cheering supporters in Nashua.", "The wall will be built"),
    ("“This is a time of cooperation,” the admiral told the forum.", "This is a time of cooperation"),
];

#[test]
fn the_addressee_of_told_is_not_the_content() {
    let mut failures = Vec::new();
    for (t, want) in ADDRESSEE_ONLY {
        let a = text(t);
        match find(&a, "told") {
            Some(x) if x.content.slice(a.text()).trim_end_matches([',', '.']) == *want => {}
            Some(x) => failures.push(format!("{t:?}: content {:?}", x.content.slice(a.text()))),
            None => failures.push(format!("{t:?}: no \"told\"")),
        }
    }
    // With a clause of its own the words after "told" are still the content.
    let a = text("Kasich told reporters on Tuesday that he would win Ohio.");
    let x = find(&a, "told").expect("told");
    assert!(x.content.slice(a.text()).contains("he would win Ohio"), "{:?}", x.content.slice(a.text()));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
