//! Invariants over arbitrary and news-shaped text: no panic, spans on character boundaries and
//! inside the text, scores in [0, 1], determinism.

use proptest::prelude::*;
use veracity::Analysis;

fn check(a: &Analysis) {
    if let Err(e) = a.check_invariants() {
        panic!("{e}");
    }
}

const WORDS: &[&str] = &[
    "said",
    "told",
    "according to",
    "reportedly",
    "may",
    "Mr.",
    "U.S.",
    "Jan.",
    "3.5",
    "“",
    "”",
    "\"",
    "‘",
    "’",
    "«",
    "»",
    "Smith",
    "the",
    "officials",
    "sources",
    "familiar with the matter",
    ".",
    ",",
    "?",
    "!",
    "\n",
    "\n\n",
    "Reuters",
    "some experts",
    "about 20",
    "not",
    "é",
    "—",
    "…",
    "who",
    "By",
    "©",
    "Share",
    "(",
    ")",
    "he",
    "they",
];

fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..80).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_unicode(text in "\\PC{0,300}") {
        if let Ok(a) = veracity::analyze(&text) {
            check(&a);
        } else {
            prop_assert!(text.trim().is_empty());
        }
    }

    #[test]
    fn news_shaped(text in news_text()) {
        if let Ok(a) = veracity::analyze(&text) {
            check(&a);
            let again = veracity::analyze(&text).unwrap();
            prop_assert_eq!(a, again);
        }
    }

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        if let Ok(article) = veracity::Article::from_bytes(bytes, None) {
            if let Ok(a) = veracity::Analyzer::default().analyze(&article) {
                check(&a);
            }
        }
    }
}

/// Sentence parts: subjects, optional cues (hedges, boosters, negations) and predicates.
const SUBJECTS: &[&str] = &["The minister", "Officials", "The company", "Critics", "Police in Caracas", "Jane Smith"];
const CUES: &[&str] = &[
    "",
    "clearly",
    "certainly",
    "probably",
    "not",
    "never",
    "allegedly",
    "may have",
    "could have",
    "appears to have",
    "is likely to have",
    "reportedly",
];
const PREDICATES: &[&str] = &[
    "approved the deal in 2023",
    "released 18 prisoners",
    "left the country",
    "raised prices by 5 percent",
    "met the ambassador on Sunday",
];
const ADDED_HEDGES: &[&str] = &["reportedly", "allegedly", "possibly", "perhaps", "apparently", "probably"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Adding a hedge cue to a claim never raises its certainty, never improves its certainty
    /// grade, and never raises its credibility.
    #[test]
    fn adding_a_hedge_never_raises_certainty(
        s in prop::sample::select(SUBJECTS),
        cue in prop::sample::select(CUES),
        p in prop::sample::select(PREDICATES),
        extra in prop::sample::select(ADDED_HEDGES),
    ) {
        let cue = if cue.is_empty() { String::new() } else { format!("{cue} ") };
        let before = format!("{s} {cue}{p}.");
        let after = format!("{s} {extra} {cue}{p}.");
        let a = veracity::analyze(&before).unwrap();
        let b = veracity::analyze(&after).unwrap();
        prop_assert_eq!(a.claims().len(), 1);
        prop_assert_eq!(b.claims().len(), 1);
        let (ca, cb) = (&a.claims()[0], &b.claims()[0]);
        prop_assert!(cb.hedges.len() > ca.hedges.len(), "{:?} found no new cue", after);
        prop_assert!(cb.certainty <= ca.certainty, "{:?} {} > {:?} {}", after, cb.certainty, before, ca.certainty);
        // Grades are ordered certain < probable < possible < underspecified.
        prop_assert!(cb.certainty_level >= ca.certainty_level);
        prop_assert!(cb.score <= ca.score + 1e-12);
    }
}
