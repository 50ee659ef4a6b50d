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
    "said", "told", "according to", "reportedly", "may", "Mr.", "U.S.", "Jan.", "3.5", "“", "”", "\"", "‘", "’",
    "«", "»", "Smith", "the", "officials", "sources", "familiar with the matter", ".", ",", "?", "!", "\n", "\n\n",
    "Reuters", "some experts", "about 20", "not", "é", "—", "…", "who", "By", "©", "Share", "(", ")", "he", "they",
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
