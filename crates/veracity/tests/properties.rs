//! Invariants over arbitrary and news-shaped text: no panic, spans on character boundaries and
//! inside the text, scores in [0, 1], determinism.

use proptest::prelude::*;
use veracity::{Analysis, Span};

fn check_span(text: &str, s: Span) {
    assert!(s.start <= s.end && s.end <= text.len(), "span {s} out of bounds ({})", text.len());
    assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "span {s} not on char boundaries");
}

fn check(a: &Analysis) {
    let t = a.text();
    for p in a.paragraphs() {
        check_span(t, p.span);
    }
    for s in a.sentences() {
        check_span(t, s.span);
    }
    for q in a.quotes() {
        check_span(t, q.span);
        check_span(t, q.content);
        assert!(q.span.contains(q.content));
    }
    for h in a.hedges() {
        check_span(t, h.span);
    }
    for at in a.attributions() {
        check_span(t, at.cue_span);
        check_span(t, at.content);
        for s in &at.sources {
            if let Some(sp) = s.span {
                check_span(t, sp);
            }
        }
    }
    for c in a.claims() {
        check_span(t, c.span);
        assert_eq!(c.span.slice(t), c.text);
        for v in [c.score, c.checkworthiness, c.certainty] {
            assert!((0.0..=1.0).contains(&v), "score {v} out of range");
        }
    }
    for s in a.sources() {
        assert!((0.0..=1.0).contains(&s.reliability));
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
