//! Claim units, claim kinds and Admiralty grades: tables with hand-written expectations, and the
//! grade boundaries pinned at their edges.

mod common;
use common::text;
use veracity::config::{CredibilityGrades, ReliabilityGrades};
use veracity::{Analyzer, ClaimKind, CredibilityGrade, ReliabilityGrade, SourceKind};

/// (sentence, expected claim texts)
const SPLITS: &[(&str, &[&str])] = &[
    // "X said A, and B": two things asserted.
    (
        "The minister said the talks had failed, and the opposition called for new elections.",
        &["The minister said the talks had failed", "the opposition called for new elections."],
    ),
    // A semicolon joins two clauses.
    (
        "Prices rose by 3 percent in March; wages stayed flat for the third month.",
        &["Prices rose by 3 percent in March", "wages stayed flat for the third month."],
    ),
    (
        "Exports grew strongly last year, but imports fell by a fifth.",
        &["Exports grew strongly last year", "imports fell by a fifth."],
    ),
    // A list is not a clause boundary.
    (
        "The mission visited Caracas, Bogota, and the border town of Cucuta.",
        &["The mission visited Caracas, Bogota, and the border town of Cucuta."],
    ),
    // The right side must open a clause: a verb phrase after "and" stays with its subject.
    (
        "The army closed the border, and then reopened it two days later.",
        &["The army closed the border, and then reopened it two days later."],
    ),
    // Too short a side.
    ("He left, and she stayed at home.", &["He left, and she stayed at home."]),
    // Never inside a quotation.
    (
        "“We will rebuild the town, and the people will decide its future,” the mayor said.",
        &["“We will rebuild the town, and the people will decide its future,” the mayor said."],
    ),
];

#[test]
fn claim_units_table() {
    let mut failures = Vec::new();
    for (sentence, expected) in SPLITS {
        let a = text(sentence);
        let got: Vec<&str> = a.claims().iter().map(|c| c.text.as_str()).collect();
        if got != *expected {
            failures.push(format!("{sentence:?}\n  expected {expected:?}\n  got      {got:?}"));
        }
        for (i, c) in a.claims().iter().enumerate() {
            assert_eq!(c.sentence, 0, "every clause keeps its sentence");
            assert_eq!(c.clause, i);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Inside the relative clause the hedge does apply.
    let s = "The order, which is believed to be worth 15 billion dollars, has given a boost to the show.";
    assert!(text(s).factuality_at(s.find("worth").unwrap()).unwrap() < 3.0);
}

#[test]
fn splitting_can_be_switched_off() {
    let az = Analyzer::builder().config_toml("[claims]\nsplit = false").build().unwrap();
    let a = az.analyze_text(SPLITS[0].0).unwrap();
    assert_eq!(a.claims().len(), 1);
}

#[test]
fn hedges_stay_in_their_clause() {
    let a = text("The company may close two plants next spring, and the union said 400 jobs were cut in March.");
    assert_eq!(a.claims().len(), 2);
    assert!(a.claims()[0].is_hedged());
    assert!(!a.claims()[1].is_hedged(), "{:?}", a.claims()[1].hedges);
}

/// (sentence, kind, deciding cue)
const KINDS: &[(&str, ClaimKind, Option<&str>)] = &[
    ("The central bank raised rates to 5 percent on Tuesday.", ClaimKind::Statement, None),
    ("The government should resign immediately.", ClaimKind::Opinion, Some("should")),
    ("I think the decision was a mistake.", ClaimKind::Opinion, Some("i think")),
    ("The ruling was a disgraceful attack on the press.", ClaimKind::Opinion, Some("disgraceful")),
    ("The bridge will reopen in June.", ClaimKind::Prediction, Some("will")),
    ("Inflation is expected to fall below 3 percent.", ClaimKind::Prediction, Some("is expected to")),
    ("Elections are due to take place next year.", ClaimKind::Prediction, Some("are due to")),
    ("Did the minister know about the deal?", ClaimKind::Question, None),
    // A sentence mostly inside a quotation is a quotation of others, whatever it says.
    ("“The plan will fail, and nobody will pay for the damage it does,” he said.", ClaimKind::Quotation, None),
    // An attributed claim whose content is a prediction is a prediction.
    ("“The plan will fail,” the senator said.", ClaimKind::Prediction, Some("will")),
    // "will" as a noun and a discourse "should" are not cues.
    ("The vote reflected the will of the people.", ClaimKind::Statement, None),
    ("It should be noted that the report was published in 2019.", ClaimKind::Statement, None),
    // An opinion wins over a prediction in the same claim.
    ("The reform will be a disaster and lawmakers should reject it.", ClaimKind::Opinion, Some("should")),
];

#[test]
fn claim_kind_table() {
    let mut failures = Vec::new();
    for (sentence, kind, cue) in KINDS {
        let a = text(sentence);
        let c = &a.claims()[0];
        if c.kind != *kind || c.kind_cue.as_deref() != *cue {
            failures.push(format!("{sentence:?}: expected {kind:?} {cue:?}, got {:?} {:?}", c.kind, c.kind_cue));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Inside the relative clause the hedge does apply.
    let s = "The order, which is believed to be worth 15 billion dollars, has given a boost to the show.";
    assert!(text(s).factuality_at(s.find("worth").unwrap()).unwrap() < 3.0);
}

#[test]
fn opinions_and_predictions_are_less_check_worthy() {
    let fact = text("The central bank raised rates to 5 percent on Tuesday.");
    let opinion = text("The central bank should raise rates to 5 percent on Tuesday.");
    let prediction = text("The central bank will raise rates to 5 percent on Tuesday.");
    let cw = |a: &veracity::Analysis| a.claims()[0].checkworthiness;
    assert!(cw(&opinion) < cw(&fact));
    assert!(cw(&prediction) < cw(&fact));
    assert!(opinion.claims()[0].checkworthiness_explanation.get("opinion").unwrap().contribution < 0.0);
}

fn reliability_grades() -> ReliabilityGrades {
    veracity::Config::default().grades.reliability
}

#[test]
fn reliability_grade_boundaries() {
    let g = reliability_grades();
    // Defaults: a 0.8 (with 5 claims, 0.5 corroborated), b 0.65, c 0.5, d 0.35.
    let k = SourceKind::NamedPerson;
    // (reliability, (claims, corroborated share), grade)
    type Row = (f64, Option<(usize, f64)>, ReliabilityGrade);
    let table: &[Row] = &[
        (1.0, None, ReliabilityGrade::B),
        (0.8, Some((5, 0.5)), ReliabilityGrade::A),
        (0.8, Some((4, 0.5)), ReliabilityGrade::B),
        (0.8, Some((5, 0.49)), ReliabilityGrade::B),
        (0.79, Some((50, 1.0)), ReliabilityGrade::B),
        (0.65, None, ReliabilityGrade::B),
        (0.649, None, ReliabilityGrade::C),
        (0.5, None, ReliabilityGrade::C),
        (0.499, None, ReliabilityGrade::D),
        (0.35, None, ReliabilityGrade::D),
        (0.349, None, ReliabilityGrade::E),
        (0.0, None, ReliabilityGrade::E),
        (f64::NAN, None, ReliabilityGrade::F),
    ];
    for &(rel, record, want) in table {
        assert_eq!(ReliabilityGrade::assess(k, rel, record, &g), want, "reliability {rel} record {record:?}");
    }
    for kind in [SourceKind::Vague, SourceKind::Unresolved] {
        assert_eq!(ReliabilityGrade::assess(kind, 0.9, Some((100, 1.0)), &g), ReliabilityGrade::F);
    }
}

#[test]
fn credibility_grade_boundaries() {
    let g: CredibilityGrades = veracity::Config::default().grades.credibility;
    assert_eq!(
        (g.probably_true, g.possibly_true, g.doubtful),
        (0.85, 0.6, 0.35),
        "the table below assumes the defaults"
    );
    let base = text("Prices rose by 3 percent in March.");
    let mut c = base.claims()[0].clone();
    let table: &[(f64, CredibilityGrade)] = &[
        (1.0, CredibilityGrade::ProbablyTrue),
        (0.85, CredibilityGrade::ProbablyTrue),
        (0.849, CredibilityGrade::PossiblyTrue),
        (0.6, CredibilityGrade::PossiblyTrue),
        (0.599, CredibilityGrade::Doubtful),
        (0.35, CredibilityGrade::Doubtful),
        (0.349, CredibilityGrade::CannotBeJudged),
        (0.0, CredibilityGrade::CannotBeJudged),
    ];
    for &(certainty, want) in table {
        c.certainty = certainty;
        assert_eq!(CredibilityGrade::assess(&c, &g).0, want, "certainty {certainty}");
    }
    // Kinds that cannot be judged, whatever the certainty.
    c.certainty = 1.0;
    for kind in [ClaimKind::Question, ClaimKind::Opinion, ClaimKind::Prediction] {
        c.kind = kind;
        assert_eq!(CredibilityGrade::assess(&c, &g).0, CredibilityGrade::CannotBeJudged, "{kind:?}");
    }
}

#[test]
fn weasel_caps_credibility_at_three() {
    let a = text("Some say the election was rigged in 2018.");
    let c = &a.claims()[0];
    assert!(c.is_weasel());
    assert!(c.admiralty.credibility >= CredibilityGrade::PossiblyTrue, "{}", c.admiralty);
    assert!(c.admiralty.credibility_reason.contains("weasel") || c.certainty < 0.85);
}

#[test]
fn corroboration_decides_one_and_five() {
    use CredibilityGrade as G;
    let table: &[(G, usize, usize, G)] = &[
        (G::ProbablyTrue, 0, 0, G::ProbablyTrue),
        (G::ProbablyTrue, 1, 0, G::Confirmed),
        (G::Doubtful, 1, 1, G::Confirmed),
        (G::ProbablyTrue, 1, 2, G::Improbable),
        (G::PossiblyTrue, 0, 1, G::Improbable),
        (G::CannotBeJudged, 3, 0, G::CannotBeJudged),
        (G::CannotBeJudged, 0, 3, G::CannotBeJudged),
    ];
    for &(base, agree, contra, want) in table {
        assert_eq!(base.with_corroboration(agree, contra), want, "{base:?} +{agree} -{contra}");
    }
}

#[test]
fn claims_carry_an_admiralty_rating() {
    let a = text("Jane Smith, the finance minister, said the deficit fell to 2 percent in 2023.");
    let c = &a.claims()[0];
    assert_eq!(c.admiralty.credibility, CredibilityGrade::ProbablyTrue);
    assert!(matches!(c.admiralty.reliability, ReliabilityGrade::B | ReliabilityGrade::C), "{}", c.admiralty);
    assert_eq!(c.admiralty.to_string().len(), 2);
    let vague = text("Critics say the deficit is far higher.");
    assert_eq!(vague.claims()[0].admiralty.reliability, ReliabilityGrade::F);
}

#[test]
fn grade_config_is_validated() {
    let err = Analyzer::builder().config_toml("[grades.reliability]\nb = 0.9").build().unwrap_err();
    assert!(err.to_string().contains("grades.reliability"), "{err}");
    let err = Analyzer::builder().config_toml("[grades.credibility]\ndoubtful = 0.9").build().unwrap_err();
    assert!(err.to_string().contains("grades.credibility"), "{err}");
    let err = Analyzer::builder().config_toml("[claims]\nopinion_cues = [\" should\"]").build().unwrap_err();
    assert!(err.to_string().contains("claims.opinion_cues"), "{err}");
}

/// Event factuality scope: (sentence, event word, expected factuality).
const FACTUALITY: &[(&str, &str, f64)] = &[
    // A hedge in a relative clause does not reach past its closing comma.
    ("The order, which is believed to be worth 15 billion dollars, has given a boost to the show.", "given", 3.0),
    // A sentence adverb that opens the claim scopes over the whole clause after its comma.
    ("Reportedly, the minister resigned on Monday.", "resigned", 0.75),
    // An infinitive after a word of intention is intended, not asserted.
    ("Several banks announced a joint effort to pump money into the markets.", "pump", 0.75),
    ("Several banks announced a joint effort to pump money into the markets.", "announced", 3.0),
    // A plain infinitive of purpose keeps its certainty.
    ("The minister travelled to Paris to sign the treaty.", "sign", 3.0),
    ("He did not attend the meeting.", "attend", -3.0),
];

#[test]
fn factuality_scope_table() {
    let mut failures = Vec::new();
    for &(sentence, word, want) in FACTUALITY {
        let a = text(sentence);
        let pos = sentence.find(word).unwrap();
        let got = a.factuality_at(pos);
        if got != Some(want) {
            failures.push(format!("{sentence:?} at {word:?}: expected {want}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Inside the relative clause the hedge does apply.
    let s = "The order, which is believed to be worth 15 billion dollars, has given a boost to the show.";
    assert!(text(s).factuality_at(s.find("worth").unwrap()).unwrap() < 3.0);
}

/// Numbers lose the punctuation and quotation marks around them, and keep currency and percent.
#[test]
fn numbers_are_trimmed_of_punctuation_and_quotes() {
    let rows: &[(&str, &[&str])] = &[
        ("“The regime has to leave power after day 10,” the newspaper said.", &["10"]),
        ("The U.S. placed a $15 million bounty (about 12%) on him.", &["$15", "million", "12%"]),
        ("Prices rose 3.5% in 2023.", &["3.5%"]),
        // The day of a date is part of the date.
        ("He must leave before January 10, and 20 officials with him.", &["20"]),
        ("The inauguration is on Jan. 10 in Caracas.", &[]),
    ];
    for (t, want) in rows {
        let a = text(t);
        let got: Vec<&str> = a.claims().iter().flat_map(|c| c.features.numbers.iter().map(String::as_str)).collect();
        assert_eq!(&got, want, "{t:?}");
    }
}
