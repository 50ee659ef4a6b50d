//! `veracity eval checkworthiness` and `veracity eval commitment` end to end on hand-written
//! fixtures (tests/fixtures/checkworthiness/, tests/fixtures/commitment.jsonl).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn run(args: &[&str]) -> (bool, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_veracity")).args(args).output().expect("runs");
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn checkworthiness_ranks_the_checkable_line_first_in_each_debate() {
    let dir = fixture("checkworthiness");
    let cb = fixture("checkworthiness/claimbuster.json");
    let (ok, out, err) = run(&[
        "eval",
        "checkworthiness",
        "--clef",
        dir.to_str().unwrap(),
        "--claimbuster",
        cb.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(ok, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["task"], "checkworthiness");
    // Two debates, one check-worthy line each, ranked first: AP 1 in each.
    assert_eq!((v["files"].as_u64(), v["lines"].as_u64(), v["positives"].as_u64()), (Some(2), Some(8), Some(2)));
    for k in ["map", "r_precision", "p_at_1"] {
        assert!((v[k].as_f64().unwrap() - 1.0).abs() < 1e-12, "{k}: {v}");
    }
    // P@10 counts 1 hit of 10 in each file.
    assert!((v["p_at_10"].as_f64().unwrap() - 0.1).abs() < 1e-12, "{v}");
    // ClaimBuster: both factual sentences above both fillers.
    assert_eq!(v["sentences"].as_u64(), Some(4));
    // Each data set's count of positives has its own key: one JSON object holds both.
    assert_eq!(v["claimbuster_positives"].as_u64(), Some(2));
    assert_eq!(out.matches("\"positives\"").count(), 1, "{out}");
    assert!((v["roc_auc"].as_f64().unwrap() - 1.0).abs() < 1e-12, "{v}");
    assert!((v["average_precision"].as_f64().unwrap() - 1.0).abs() < 1e-12, "{v}");
}

#[test]
fn checkworthiness_one_file_and_missing_data() {
    let file = fixture("checkworthiness/debate_b.tsv");
    let (ok, out, err) = run(&["eval", "checkworthiness", "--clef", file.to_str().unwrap()]);
    assert!(ok, "{err}");
    assert!(out.contains("1 files, 3 lines, 1 check-worthy") && out.contains("MAP 1.0000"), "{out}");
    let (ok, _, err) = run(&["eval", "checkworthiness", "--clef", "/nonexistent/clef2019/train"]);
    assert!(!ok);
    assert!(err.contains("not bundled"), "{err}");
    let (ok, _, _) = run(&["eval", "checkworthiness"]);
    assert!(!ok, "a data set is required");
}

#[test]
fn commitment_on_fixture() {
    let path = fixture("commitment.jsonl");
    let (ok, out, err) = run(&["eval", "commitment", "--commitmentbank", path.to_str().unwrap(), "--format", "json"]);
    assert!(ok, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["task"], "commitment");
    assert_eq!(v["n"], 3);
    // Neg-raising (-2 for gold -2), factive under a question (2 for 3), belief under a question
    // (0.5 for 0): r is high and the mean absolute error is (0 + 1 + 0.5) / 3.
    assert!(v["pearson"].as_f64().unwrap() > 0.9, "{v}");
    assert!((v["mae"].as_f64().unwrap() - 0.5).abs() < 1e-9, "{v}");
    let groups: Vec<&str> =
        v["by_embedding"].as_array().unwrap().iter().map(|g| g["group"].as_str().unwrap()).collect();
    assert_eq!(groups, ["negation", "question"]);
    let (ok, _, err) = run(&["eval", "commitment", "--commitmentbank", "/nonexistent/dev.jsonl"]);
    assert!(!ok);
    assert!(err.contains("not bundled"), "{err}");
}

/// The trainer writes only where `--out` says: without it, it is a usage error and writes nothing.
#[test]
fn train_checkworthiness_needs_out() {
    let dir = fixture("checkworthiness");
    let cb = fixture("checkworthiness/claimbuster.json");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_veracity"))
        .args(["eval", "train-checkworthiness", "--clef", dir.to_str().unwrap(), "--claimbuster", cb.to_str().unwrap()])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--out"), "{}", String::from_utf8_lossy(&o.stderr));
}
