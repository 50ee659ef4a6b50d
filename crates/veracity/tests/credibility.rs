//! Article signals and the credibility model: hand-counted values on short texts.

use veracity::{Analyzer, Article, ErrorKind, Link, SIGNALS};

fn signals(text: &str) -> veracity::ArticleSignals {
    Analyzer::default().analyze(&Article::new(text)).expect("analysis").signals().clone()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn ln1p(rate: f64) -> f64 {
    rate.ln_1p()
}

/// Each row: text, signal, value counted by hand (rates of countable things enter as ln(1 + rate)).
#[test]
fn signals_counted_by_hand() {
    let shout = "SHOCKING news! You must read this. Share this now!";
    // 9 words: SHOCKING news You must read this Share this now; 3 sentences.
    let first = "I think we are right. \"I am not,\" he said.";
    // 10 words; "I" and "we" outside the quotation count, the quoted "I" does not.
    let cases: &[(&str, &str, f64)] = &[
        (shout, "all_caps_words", ln1p(100.0 / 9.0)),
        (shout, "second_person", ln1p(100.0 / 9.0)),
        (shout, "sensational_words", ln1p(100.0 / 9.0)),
        (shout, "calls_to_action", ln1p(200.0 / 9.0)), // "must read", "share this"
        (shout, "exclamations", ln1p(2.0 / 3.0)),
        (shout, "question_marks", 0.0),
        (shout, "weekdays", 0.0),
        ("The council met on Tuesday. It voted on Friday.", "weekdays", ln1p(1.0)),
        ("WASHINGTON (AP) — The Senate voted on the bill.", "dateline", 1.0),
        ("The Senate voted on the bill.", "dateline", 0.0),
        (first, "first_person_author", ln1p(20.0)),
        ("Did the mayor lie? Nobody knows.", "question_marks", ln1p(0.5)),
        ("The deep state and the mainstream media lie, he wrote.", "conspiracy", ln1p(200.0 / 10.0)),
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
    // One sentence, two exclamation marks: log-odds 0.5 - 2 x ln(1 + 2) = 0.5 - 2 ln 3.
    let a = analyzer.analyze(&Article::new("The bridge fell!!")).unwrap();
    assert!(close(a.credibility_explanation().raw, 0.5 - 2.0 * 3f64.ln()), "{}", a.credibility_explanation());
    assert_eq!(a.credibility_explanation().contributions.len(), 1);
    let err = Analyzer::builder().config_toml("[credibility.weights]\nshouting = 1.0\n").build().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Config);
    assert!(err.to_string().contains("unknown signal"), "{err}");
    let err = Analyzer::builder().config_toml("[credibility]\nintercept = nan\n").build().unwrap_err();
    assert!(err.to_string().contains("not a finite number"), "{err}");
}

/// Headline capitals, counted by hand: words after the first, function words apart.
#[test]
fn headline_case_counted_by_hand() {
    let cases: &[(&str, f64, f64)] = &[
        // Title Case: every content word after "In" capitalised ("U.S." is two words); "to" and
        // "for" lower-case (0 of 2).
        ("In Secret Talks, U.S. Offers Amnesty to Venezuela's Maduro for Ceding Power", 1.0, 0.0),
        // Start Case: every word capitalised, "To" and "The" too.
        ("Senator Flees To The Border", 1.0, 1.0),
        // Sentence case: after "Mayor", only "Riverton" of says, Riverton, council, passes, budget
        // is capitalised; "the" is lower-case.
        ("Mayor says Riverton council passes the budget", 1.0 / 5.0, 0.0),
        // One word: nothing after the first.
        ("Breaking", 0.0, 0.0),
    ];
    for (title, caps, function_caps) in cases {
        let a = Analyzer::default()
            .analyze(&Article::new("The council met on Tuesday.").with_title(*title))
            .expect("analysis");
        let s = a.signals();
        assert!(close(s.get("title_caps_share").unwrap(), *caps), "{title}: {:?}", s.get("title_caps_share"));
        assert!(close(s.get("title_function_caps").unwrap(), *function_caps), "{title}");
    }
}
