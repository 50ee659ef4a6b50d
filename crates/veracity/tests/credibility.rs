//! Article signals and the credibility model: hand-counted values on short texts.

use veracity::{Analyzer, Article, ErrorKind, Link, SIGNALS};

fn signals(text: &str) -> veracity::ArticleSignals {
    Analyzer::default().analyze(&Article::new(text)).expect("analysis").signals().clone()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// Each row: text, signal, value counted by hand.
#[test]
fn signals_counted_by_hand() {
    let shout = "SHOCKING news! You must read this. Share this now!";
    // 9 words: SHOCKING news You must read this Share this now; 3 sentences.
    let first = "I think we are right. \"I am not,\" he said.";
    // 10 words; "I" and "we" outside the quotation count, the quoted "I" does not.
    let cases: &[(&str, &str, f64)] = &[
        (shout, "all_caps_words", 100.0 / 9.0),
        (shout, "second_person", 100.0 / 9.0),
        (shout, "sensational_words", 100.0 / 9.0),
        (shout, "calls_to_action", 200.0 / 9.0), // "must read", "share this"
        (shout, "exclamations", 2.0 / 3.0),
        (shout, "question_marks", 0.0),
        (shout, "weekdays", 0.0),
        ("The council met on Tuesday. It voted on Friday.", "weekdays", 1.0),
        ("WASHINGTON (AP) — The Senate voted on the bill.", "dateline", 1.0),
        ("The Senate voted on the bill.", "dateline", 0.0),
        (first, "first_person_author", 20.0),
        ("Did the mayor lie? Nobody knows.", "question_marks", 0.5),
        ("The deep state and the mainstream media lie, he wrote.", "conspiracy", 200.0 / 10.0),
        ("Mayor Ana Ruiz said the budget passed.", "attributed_share", 1.0),
        ("Mayor Ana Ruiz said the budget passed.", "named_share", 1.0),
        ("Mayor Ana Ruiz said the budget passed.", "anonymous_share", 0.0),
        ("The budget passed in a close vote.", "attributed_share", 0.0),
    ];
    for (text, name, want) in cases {
        let got = signals(text).get(name).unwrap();
        assert!(close(got, *want), "{name} of {text:?}: got {got}, want {want}");
    }
}

#[test]
fn every_signal_has_a_value_and_unknown_names_are_errors() {
    let s = signals("The council met on Tuesday.");
    assert_eq!(s.values.len(), SIGNALS.len());
    assert_eq!(s.iter().count(), SIGNALS.len());
    assert!(s.values.iter().all(|v| v.is_finite()));
    assert_eq!(s.get("nonsense"), None);
    let mut t = s.clone();
    assert_eq!(t.set("nonsense", 1.0).unwrap_err().kind(), ErrorKind::InvalidOption);
}

#[test]
fn credibility_is_the_logistic_sum_of_its_terms() {
    let a = Analyzer::default()
        .analyze(&Article::new("SHOCKING!!! Wake up, the mainstream media lies to you! Share this!"))
        .unwrap();
    let e = a.credibility_explanation();
    assert_eq!(e.link, Link::Logistic);
    let sum: f64 = e.base + e.contributions.iter().map(|c| c.contribution).sum::<f64>();
    assert!(close(sum, e.raw));
    assert!(close(a.credibility(), 1.0 / (1.0 + (-e.raw).exp())));
    for c in &e.contributions {
        assert!(close(c.contribution, c.value * c.weight), "{c:?}");
        assert_eq!(a.signals().get(&c.signal), Some(c.value));
    }
}

#[test]
fn a_configured_model_replaces_the_weights() {
    let analyzer = Analyzer::builder()
        .config_toml("[credibility]\nintercept = 0.5\n[credibility.weights]\nreplace = true\nexclamations = -2.0\n")
        .build()
        .unwrap();
    // One sentence, two exclamation marks: log-odds 0.5 - 2 x 2 = -3.5.
    let a = analyzer.analyze(&Article::new("The bridge fell!!")).unwrap();
    assert!(close(a.credibility_explanation().raw, -3.5), "{}", a.credibility_explanation());
    assert_eq!(a.credibility_explanation().contributions.len(), 1);
    let err = Analyzer::builder().config_toml("[credibility.weights]\nshouting = 1.0\n").build().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Config);
    assert!(err.to_string().contains("unknown signal"), "{err}");
    let err = Analyzer::builder().config_toml("[credibility]\nintercept = nan\n").build().unwrap_err();
    assert!(err.to_string().contains("not a finite number"), "{err}");
}
