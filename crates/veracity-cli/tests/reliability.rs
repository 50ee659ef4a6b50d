//! `veracity fit` and `veracity eval reliability` end to end on a hand-written corpus of four
//! outlets (tests/fixtures/reliability/): two write sourced, dated news ("said on Tuesday",
//! named speakers), two write shouting calls to action ("SHOCKING!!!", "Wake up", "Share this").
//! 8 of its 10 articles are labelled: one is rated `none`, one has no label row.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn fixture(name: &str) -> String {
    let p: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reliability").join(name);
    p.to_str().expect("UTF-8 path").to_owned()
}

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_veracity")).args(args).output().expect("runs");
    (o.status.code(), String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned())
}

fn data_args() -> Vec<String> {
    vec!["--corpus".into(), fixture("corpus.jsonl"), "--labels".into(), fixture("labels.tsv")]
}

#[test]
fn fit_reports_outlet_grouped_figures_and_writes_a_config_that_loads() {
    let dir = std::env::temp_dir().join(format!("veracity-fit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("model.toml");
    let mut args: Vec<String> = vec!["fit".into()];
    args.extend(data_args());
    args.extend(["--format".into(), "json".into(), "--out".into(), out.to_str().unwrap().into()]);
    args.extend(["--header".into(), "Data: hand-written test corpus".into()]);
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, stdout, stderr) = run(&argv);
    assert_eq!(code, Some(0), "{stderr}");
    // What was left out is said, not dropped silently.
    assert!(stderr.contains("left out 1 label row(s)"), "{stderr}");
    assert!(stderr.contains("1 article(s) without a label"), "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["task"], "fit");
    assert_eq!((v["n"].as_u64(), v["reliable"].as_u64()), (Some(8), Some(4)));
    // Four outlets, so four folds of one outlet each; 2 reliable x 2 unreliable outlet pairs.
    assert_eq!((v["groups"].as_u64(), v["folds"].as_u64()), (Some(4), Some(4)));
    assert_eq!(v["outlet_pairs"]["total"], 4);
    // Held out a whole outlet at a time, the two styles are still told apart completely.
    assert_eq!(v["auc"].as_f64(), Some(1.0), "{v}");
    assert_eq!(v["outlet_pairs"]["share"].as_f64(), Some(1.0));
    // Exclamations only occur in the unreliable outlets' articles, weekdays only in the others'.
    assert!(v["weights"]["exclamations"].as_f64().unwrap() < 0.0, "{v}");
    assert!(v["weights"]["weekdays"].as_f64().unwrap() > 0.0, "{v}");

    let doc = std::fs::read_to_string(&out).unwrap();
    assert!(doc.starts_with("# Article credibility model"), "{doc}");
    assert!(doc.contains("# Data: hand-written test corpus"), "{doc}");
    assert!(doc.contains("#   veracity fit --corpus"), "{doc}");
    // The fitted file loads with --config and changes the scores.
    let shout = dir.join("shout.txt");
    std::fs::write(&shout, "SHOCKING!!! Wake up and share this NOW!!! The elites lie to you!").unwrap();
    let calm = dir.join("calm.txt");
    std::fs::write(&calm, "The council approved the budget on Tuesday, Mayor Ana Ruiz said in a statement.").unwrap();
    let score = |file: &Path| {
        let (code, o, e) =
            run(&["analyze", file.to_str().unwrap(), "--config", out.to_str().unwrap(), "--format", "jsonl"]);
        assert_eq!(code, Some(0), "{e}");
        let v: Value = serde_json::from_str(o.lines().next().unwrap()).unwrap();
        assert_eq!(v["credibility_explanation"]["link"], "logistic");
        v["credibility"].as_f64().unwrap()
    };
    assert!(score(&calm) > score(&shout));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_same_data_fit_the_same_bytes() {
    let mut args: Vec<String> = vec!["fit".into()];
    args.extend(data_args());
    args.extend(["--format".into(), "json".into()]);
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let (_, a, _) = run(&argv);
    let (_, b, _) = run(&argv);
    assert!(!a.is_empty());
    assert_eq!(a, b);
}

#[test]
fn eval_reliability_json_by_level() {
    for (level, n) in [("article", 8), ("outlet", 4)] {
        let mut args: Vec<String> = vec!["eval".into(), "reliability".into()];
        args.extend(data_args());
        args.extend(["--level".into(), level.into(), "--format".into(), "json".into()]);
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, out, err) = run(&argv);
        assert_eq!(code, Some(0), "{err}");
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["task"], "reliability");
        assert_eq!(v["level"], level);
        assert_eq!(v["n"], n);
        assert_eq!(v["outlet_pairs"]["total"], 4);
        let auc = v["auc"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&auc));
        assert!(v["brier"].as_f64().unwrap() >= 0.0);
    }
}

#[test]
fn unusable_labels_are_errors() {
    let (code, _, err) = run(&["fit", "--corpus", &fixture("corpus.jsonl"), "--labels", &fixture("labels_bad.tsv")]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("need a header with `id` and `label` columns"), "{err}");
    let (code, _, err) = run(&["fit", "--corpus", &fixture("corpus.jsonl"), "--labels", "/nonexistent/labels.tsv"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("cannot read labels"), "{err}");
    // Labels that match no article: an error, not an empty report.
    let dir = std::env::temp_dir().join(format!("veracity-fit-none-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let other = dir.join("labels.tsv");
    std::fs::write(&other, "id\tlabel\nnobody\treliable\n").unwrap();
    let (code, out, err) = run(&["fit", "--corpus", &fixture("corpus.jsonl"), "--labels", other.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{err}");
    assert!(out.is_empty());
    assert!(err.contains("no article of the corpora has a label"), "{err}");
    let (code, _, err) = run(&[
        "fit",
        "--corpus",
        &fixture("corpus.jsonl"),
        "--labels",
        &fixture("labels.tsv"),
        "--balance",
        "sometimes",
    ]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("none, class, outlet"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
