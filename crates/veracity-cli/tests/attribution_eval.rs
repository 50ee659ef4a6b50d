//! `veracity eval attribution` on a hand-made BRAT fixture (tests/fixtures/polnear/), written for
//! this test: no PolNeAR data is copied into the repository.
//!
//! The fixture text has four attributions. The analyser finds three of them ("Officials said",
//! "said Maria Lopez", "she said" with its quotation continued after the cue) and misses "Voters
//! doubt the plan" ("doubt" is not a cue). A second annotation file of the same text (annotator
//! `9f00`, sorting after `0a11`) must be ignored: only the first annotator is scored.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/polnear")
}

fn run(args: &[&str]) -> (bool, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_veracity")).args(args).output().expect("runs");
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn close(v: &Value, want: f64) -> bool {
    v.as_f64().is_some_and(|x| (x - want).abs() < 1e-9)
}

#[test]
fn json_on_fixture_has_the_hand_counted_figures() {
    let dir = fixture_dir();
    let (ok, out, err) = run(&["eval", "attribution", "--polnear", dir.to_str().unwrap(), "--format", "json"]);
    assert!(ok, "{err}");
    assert_eq!(out.lines().count(), 1, "one JSON object: {out}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["task"], "attribution");
    assert_eq!(v["documents"], 1, "one text, however many annotators");
    // Exact: 3 of the 4 gold spans of each role are predicted, and nothing else (the
    // discontinuous gold content “We won,” … “Now we rest.” matches the two contents the analyser
    // gives the one cue; quote marks and final periods are trimmed on both sides).
    let f1 = 2.0 * 0.75 / 1.75;
    for role in ["source", "cue", "content"] {
        let e = &v["exact"][role];
        assert!(close(&e["precision"], 1.0) && close(&e["recall"], 0.75) && close(&e["f1"], f1), "exact {role}: {e}");
    }
    // Overlap (word tokens): sources 4 of 5 gold tokens (Officials, Maria Lopez, she; not
    // Voters), cues 3 of 4, contents 12 of 14 (not "the plan"); every predicted token is gold.
    for (role, recall) in [("source", 0.8), ("cue", 0.75), ("content", 12.0 / 14.0)] {
        let o = &v["overlap"][role];
        let f1 = 2.0 * recall / (1.0 + recall);
        assert!(
            close(&o["precision"], 1.0) && close(&o["recall"], recall) && close(&o["f1"], f1),
            "overlap {role}: {o}"
        );
    }
}

#[test]
fn text_output_and_errors() {
    let dir = fixture_dir();
    let (ok, out, err) = run(&["eval", "attribution", "--polnear", dir.to_str().unwrap(), "--errors"]);
    assert!(ok, "{err}");
    assert!(out.starts_with("attribution (1 documents)"), "{out}");
    assert!(out.contains("exact   source   1.000   0.750   0.857"), "{out}");
    // The misses are listed as false negatives of the scored annotator's file.
    assert!(err.contains("FN\tcue\tfixture_2016-01-01_bridge_0a11\t"), "{err}");
    assert!(err.contains("\tdoubt\t"), "{err}");
    assert!(!err.contains("FP"), "{err}");
}

#[test]
fn missing_data_is_a_clear_input_error() {
    let (ok, out, err) = run(&["eval", "attribution", "--polnear", "/nonexistent/polnear/dev"]);
    assert!(!ok);
    assert!(out.is_empty());
    assert!(err.contains("not bundled") && err.contains("text/ and attributions/"), "{err}");
}
