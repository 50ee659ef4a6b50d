//! Configuration: defaults, extension, validation errors; errors on bad input.

use veracity::{Analyzer, Article, CueKind, Error, ErrorKind, HedgeCategory};

#[test]
fn builtin_config_is_valid() {
    let cfg = Analyzer::builder().build_config().expect("built-in configuration");
    assert!(cfg.hedge_groups.values().map(|g| g.phrases.len()).sum::<usize>() > 100);
    assert!(cfg.hedge_groups.values().any(|g| g.category == HedgeCategory::Booster));
}

#[test]
fn add_hedge_and_cue() {
    let an = Analyzer::builder()
        .add_hedge("in all likelihood", HedgeCategory::Speculation, 0.4)
        .add_cue("opined", CueKind::Verb)
        .build()
        .unwrap();
    let a = an.analyze_text("The mayor opined that the deal will in all likelihood collapse.").unwrap();
    let c = &a.claims()[0];
    assert_eq!(c.hedges[0].cue, "in all likelihood");
    assert_eq!(c.attribution.as_ref().unwrap().cue, "opined");
    // Moving an existing phrase to another weight replaces it rather than failing as a duplicate.
    let an = Analyzer::builder().add_hedge("may", HedgeCategory::EpistemicModal, 0.9).build().unwrap();
    let a = an.analyze_text("It may rain.").unwrap();
    let c = &a.claims()[0];
    assert!((c.certainty - 0.1).abs() < 1e-9);
}

#[test]
fn remove_hedge() {
    let an = Analyzer::builder().remove_hedge("reportedly").build().unwrap();
    assert!(an.analyze_text("He reportedly left.").unwrap().hedges().is_empty());
}

#[test]
fn toml_extension_merges_and_replaces() {
    let an = Analyzer::builder()
        .config_toml(
            r#"
            [hedge_groups.reporting]
            phrases = ["so-called"]
            [hedge_groups.modal_possibility]
            replace = true
            category = "epistemic_modal"
            weight = 0.5
            phrases = ["maybe"]
            [weights.credibility]
            hedging = 0.5
            "#,
        )
        .build()
        .unwrap();
    let a = an.analyze_text("The so-called deal may fail, reportedly.").unwrap();
    let cues: Vec<&str> = a.hedges().iter().map(|h| h.cue.as_str()).collect();
    assert_eq!(cues, ["so-called", "reportedly"]); // "may" left with the replaced group
    assert_eq!(an.config().weights.credibility.hedging, 0.5);
}

fn config_error(toml: &str) -> Error {
    Analyzer::builder().config_toml(toml).build().expect_err("should be rejected")
}

#[test]
fn invalid_configurations_name_the_entry() {
    let cases: &[(&str, &str)] = &[
        ("[hedge_groups.x]\ncategory = \"guess\"\nweight = 0.2\nphrases = [\"a\"]", "guess"),
        ("[hedge_groups.x]\ncategory = \"weasel\"\nweight = 1.5\nphrases = [\"zz\"]", "hedge_groups.x.weight"),
        ("[hedge_groups.x]\ncategory = \"weasel\"\nweight = 0.5\nphrases = [\"\"]", "hedge_groups.x.phrases[0]"),
        (
            "[hedge_groups.x]\ncategory = \"weasel\"\nweight = 0.5\nphrases = [\"reportedly\"]",
            "already listed in group \"reporting\"",
        ),
        (
            "[hedge_groups.x]\ncategory = \"weasel\"\nweight = 0.5\nrequires_number = true\nunless_number = true\nphrases = [\"zz\"]",
            "requires_number and unless_number",
        ),
        ("[weights.credibility]\nhedgin = 0.3", "hedgin"),
        ("[weights.certainty]\nprobable = 0.9\ncertain = 0.8", "weights.certainty"),
        ("[weights.certainty]\nattributive_hedge_factor = 1.5", "weights.certainty.attributive_hedge_factor"),
        ("[[broken", "<string>"),
    ];
    for (toml, needle) in cases {
        let e = config_error(toml);
        assert_eq!(e.kind(), ErrorKind::Config, "{toml}");
        assert!(e.to_string().contains(needle), "{:?} should mention {needle:?}", e.to_string());
    }
    match config_error("x = [1,\n2,\n") {
        Error::ConfigParse { line, .. } => assert!(line.is_some()),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn config_file_errors_name_the_file() {
    let dir = std::env::temp_dir().join(format!("veracity-cfg-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.toml");
    std::fs::write(&path, "[weights.credibility]\nbase = 2.0\n").unwrap();
    let e = Analyzer::builder().config_file(&path).build().unwrap_err();
    assert!(e.to_string().contains("bad.toml") && e.to_string().contains("weights.credibility.base"), "{e}");
    // The line of the bad entry, and of an unknown key, in a multi-table file.
    std::fs::write(
        &path,
        "# my lexicon\n[hedge_groups.mine]\ncategory = \"weasel\"\nweight = 0.5\nphrases = [\"so-called\", \"\"]\n",
    )
    .unwrap();
    match Analyzer::builder().config_file(&path).build().unwrap_err() {
        Error::InvalidConfig { origin, line, entry, .. } => {
            assert!(origin.ends_with("bad.toml"));
            assert_eq!(line, Some(5));
            assert!(entry.starts_with("hedge_groups.mine.phrases[1]"), "{entry}");
        }
        other => panic!("unexpected {other:?}"),
    }
    std::fs::write(&path, "[weights.credibility]\nbase = 0.5\n\n[checkworthiness]\nintercpt = -2.0\n").unwrap();
    match Analyzer::builder().config_file(&path).build().unwrap_err() {
        Error::ConfigParse { origin, line, message } => {
            assert!(origin.ends_with("bad.toml"));
            assert_eq!(line, Some(5));
            assert!(message.contains("intercpt"), "{message}");
        }
        other => panic!("unexpected {other:?}"),
    }
    let e = Analyzer::builder().config_file(dir.join("missing.toml")).build().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Io);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn bad_input_errors() {
    let an = Analyzer::default();
    for t in ["", "   \n\t "] {
        assert_eq!(an.analyze_text(t).unwrap_err().kind(), ErrorKind::EmptyText);
    }
    match Article::from_bytes(b"ok \xff bad".to_vec(), Some("x.txt".into())) {
        Err(Error::InvalidUtf8 { offset, origin }) => {
            assert_eq!(offset, 3);
            assert_eq!(origin.as_deref(), Some("x.txt"));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(Article::new("x").with_published_str("10/01/2025").unwrap_err().kind(), ErrorKind::InvalidMetadata);
    assert_eq!(Article::new("x").with_url("not a url").unwrap_err().kind(), ErrorKind::InvalidMetadata);
    let e = Article::from_path("/nonexistent/veracity.txt").unwrap_err();
    assert!(e.to_string().contains("/nonexistent/veracity.txt"));
    assert_eq!("nonsense".parse::<HedgeCategory>().unwrap_err().kind(), ErrorKind::InvalidOption);
}

#[test]
fn given_metadata_wins_over_extracted() {
    let art = Article::new("Headline Here\n\nBody text.").with_title("Given").with_published_str("2025-01-07").unwrap();
    let a = Analyzer::default().analyze(&art).unwrap();
    let t = a.article().title().unwrap();
    assert_eq!((t.value.as_str(), t.provenance), ("Given", veracity::Provenance::Given));
    assert_eq!(a.article().published().unwrap().value.to_string(), "2025-01-07");
}

#[test]
fn batch_keeps_order_and_errors_in_place() {
    let texts = ["First text here.", "", "Third one, said Jane Smith."];
    let arts: Vec<Article> = texts.iter().map(|t| Article::new(*t)).collect();
    let out = Analyzer::default().analyze_batch(&arts);
    assert_eq!(out.len(), 3);
    assert_eq!(out[0].as_ref().unwrap().text(), texts[0]);
    assert_eq!(out[1].as_ref().unwrap_err().kind(), ErrorKind::EmptyText);
    assert_eq!(out[2].as_ref().unwrap().text(), texts[2]);
}

#[test]
fn public_types_are_send_sync_clone() {
    fn check<T: Send + Sync + Clone + std::fmt::Debug>() {}
    check::<Analyzer>();
    check::<veracity::Analysis>();
    check::<veracity::Claim>();
    check::<veracity::Attribution>();
    check::<veracity::Source>();
    check::<veracity::Hedge>();
    check::<veracity::SourceSummary>();
    check::<veracity::Config>();
    check::<Error>();
    check::<Article>();
}

#[cfg(feature = "serde")]
#[test]
fn analysis_round_trips_through_json() {
    let a = veracity::analyze("Officials said the bridge may reopen on Jan. 5.").unwrap();
    let json = serde_json::to_string(&a).unwrap();
    let back: veracity::Analysis = serde_json::from_str(&json).unwrap();
    assert_eq!(a, back);
}

/// JSON written before hedges had `attributive` (and the weights `attributive_hedge_factor`)
/// still loads: the cue is read as not attributive, the factor as the built-in 0.5.
#[cfg(feature = "serde")]
#[test]
fn analysis_json_from_before_attributive_hedges_loads() {
    let a = veracity::analyze("The timing of the alleged offer raises questions.").unwrap();
    let mut value = serde_json::to_value(&a).unwrap();
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                m.remove("attributive");
                m.remove("attributive_hedge_factor");
                m.values_mut().for_each(strip);
            }
            serde_json::Value::Array(xs) => xs.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut value);
    assert!(!value.to_string().contains("attributive"));
    let back: veracity::Analysis = serde_json::from_value(value).unwrap();
    assert!(a.hedges()[0].attributive);
    assert!(!back.hedges()[0].attributive);
    assert_eq!(back.certainty_weights().attributive_hedge_factor, 0.5);
}

/// Every way a file is read keeps the operating system's error as the `source()` of
/// `Error::Io`, with its kind, and the error stays `Clone` and comparable.
#[test]
fn io_errors_keep_their_cause() {
    use std::error::Error as _;
    let dir = std::env::temp_dir().join(format!("veracity-io-source-{}", std::process::id()));
    let missing = dir.join("missing.jsonl");
    let errors = [
        ("config_file", Analyzer::builder().config_file(&missing).build().unwrap_err()),
        ("Article::from_path", veracity::Article::from_path(&missing).unwrap_err()),
        ("read_corpus", veracity::read_corpus(&missing).expect_err("a missing corpus is an error")),
    ];
    for (what, e) in errors {
        assert_eq!(e.kind(), ErrorKind::Io, "{what}");
        let source = e.source().unwrap_or_else(|| panic!("{what}: no source"));
        let io = source.downcast_ref::<std::io::Error>().unwrap_or_else(|| panic!("{what}: not an io::Error"));
        assert_eq!(io.kind(), std::io::ErrorKind::NotFound, "{what}");
        match &e {
            Error::Io { io_kind, message, .. } => {
                assert_eq!(*io_kind, std::io::ErrorKind::NotFound);
                assert_eq!(message, &io.to_string());
            }
            other => panic!("{what}: unexpected {other:?}"),
        }
        assert_eq!(e.clone(), e, "{what}");
        assert!(e.to_string().contains("missing.jsonl"), "{what}: {e}");
    }
    // Other kinds have no source.
    let e = veracity::analyze("   ").unwrap_err();
    assert!(e.source().is_none());
}
