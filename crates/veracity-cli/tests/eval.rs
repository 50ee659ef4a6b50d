//! `veracity eval ...` end to end on small fixtures written by hand (tests/fixtures/). The real
//! evaluation data is never copied into the repository.

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
fn hedging_json_on_fixture() {
    let path = fixture("hedging.csv");
    let (ok, out, err) = run(&["eval", "hedging", "--conll2010", path.to_str().unwrap(), "--format", "json"]);
    assert!(ok, "{err}");
    assert_eq!(out.lines().count(), 1, "exactly one JSON object: {out}");
    let v: Value = serde_json::from_str(&out).unwrap();
    // By hand: "Some say ..." and "It is believed ..." are hedged and labelled 1 (2 true
    // positives); "reportedly" is hedged but labelled 0 (1 false positive); "The river floods in
    // spring." has no cue but is labelled 1 (1 false negative); "opened in 1932" is a true negative.
    assert_eq!(v["task"], "hedging");
    assert_eq!(v["n"], 5);
    assert_eq!((v["tp"].as_u64(), v["fp"].as_u64(), v["fn"].as_u64()), (Some(2), Some(1), Some(1)));
    for k in ["precision", "recall", "f1"] {
        assert!((v[k].as_f64().unwrap() - 2.0 / 3.0).abs() < 1e-9, "{k}: {v}");
    }
}

#[test]
fn hedging_text_and_errors() {
    let path = fixture("hedging.csv");
    let (ok, out, err) = run(&["eval", "hedging", "--conll2010", path.to_str().unwrap(), "--errors"]);
    assert!(ok);
    assert!(out.contains("F1 0.667"), "{out}");
    assert!(err.contains("FP\tThe company reportedly lost money."), "{err}");
    assert!(err.contains("FN\tThe river floods in spring."), "{err}");
}

/// `--errors` names how each cue counted: "alleged" inside a noun phrase is attributive (half
/// its weight), "not likely" negated (half its weight); together they leave 0.62, below `certain`,
/// so the sentence labelled 0 is a false positive and both cues are starred.
#[test]
fn hedging_errors_flag_attributive_and_negated_cues() {
    let path = fixture("hedging_flags.csv");
    let (ok, _, err) = run(&["eval", "hedging", "--conll2010", path.to_str().unwrap(), "--errors"]);
    assert!(ok, "{err}");
    assert!(err.contains("FP\tThe alleged deal was not likely to pass."), "{err}");
    assert!(err.contains("alleged (reporting_hedge 0.45 attributive)*"), "{err}");
    assert!(err.contains("likely (speculation 0.40 negated)*"), "{err}");
}

#[test]
fn factuality_json_on_fixture() {
    let path = fixture("factuality.conll");
    let (ok, out, err) = run(&["eval", "factuality", "--conll", path.to_str().unwrap(), "--format", "json"]);
    assert!(ok, "{err}");
    let v: Value = serde_json::from_str(out.trim()).unwrap();
    // By hand: "did not fail" -> -3 (negated, no cue), "rose" -> 3, "Some say prices fell" -> 0.75
    // ("some say", weight 0.5, leaves 0.5: possible). All three match the gold values.
    assert_eq!(v["task"], "factuality");
    assert_eq!(v["n"], 3);
    assert!((v["pearson"].as_f64().unwrap() - 1.0).abs() < 1e-9, "{v}");
    assert!(v["mae"].as_f64().unwrap().abs() < 1e-9, "{v}");
}

#[test]
fn missing_data_is_an_input_error() {
    let (ok, _, err) = run(&["eval", "factuality", "--conll", "/nonexistent/dev.conll"]);
    assert!(!ok);
    assert!(err.contains("not bundled"), "{err}");
}

#[test]
fn train_hedging_writes_where_out_says_and_only_there() {
    let dir = std::env::temp_dir().join(format!("veracity-train-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let csv = fixture("hedging.csv");
    let run_in = |args: &[&str]| {
        let o = Command::new(env!("CARGO_BIN_EXE_veracity")).args(args).current_dir(&dir).output().expect("runs");
        (o.status.code(), String::from_utf8_lossy(&o.stderr).into_owned())
    };
    // Without --out: a usage error, and nothing is written (not in the current directory, not in
    // the source tree).
    let weights = Path::new(env!("CARGO_MANIFEST_DIR")).join("../veracity/data/profiles/conll2010-weights.toml");
    let before = std::fs::read(&weights).unwrap();
    let (code, err) = run_in(&["eval", "train-hedging", "--conll2010", csv.to_str().unwrap()]);
    assert_eq!(code, Some(2));
    assert!(err.contains("--out"), "{err}");
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
    // With --out: exactly that file, whose header names the command and the data.
    let (code, err) = run_in(&["eval", "train-hedging", "--conll2010", csv.to_str().unwrap(), "--out", "w.toml"]);
    assert_eq!(code, Some(0), "{err}");
    let names: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names, vec!["w.toml".to_owned()]);
    let written = std::fs::read_to_string(dir.join("w.toml")).unwrap();
    assert!(written.contains("eval train-hedging"), "{written}");
    assert!(written.contains("[weights.certainty]"), "{written}");
    assert_eq!(std::fs::read(&weights).unwrap(), before, "the shipped weights are untouched");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `eval quotes` on three hand-written quotes: the bridge quote (Ana Ruiz), and Jan Novak's
/// quotation and his reported "He added ..." (speaker given by surname: "Novak"); the second text
/// has curly quotation marks and an accented word before them, so code-point offsets differ from
/// byte offsets. "Tom Lee believes it will rain" is an attribution but not speech: a fourth
/// prediction only with `--predicted all`.
#[test]
fn quotes_json_on_fixture() {
    let path = fixture("quotes/quotes.jsonl");
    let (ok, out, err) = run(&["eval", "quotes", "--quotes", path.to_str().unwrap(), "--format", "json"]);
    assert!(ok, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["task"], "quotes");
    let counts = |v: &Value| {
        ["documents", "gold", "predicted", "matched", "speaker_right"].map(|k| v[k].as_u64().unwrap_or(u64::MAX))
    };
    assert_eq!(counts(&v), [2, 3, 3, 3, 3]);
    assert_eq!((v["found"].as_f64(), v["precision"].as_f64()), (Some(1.0), Some(1.0)));
    let (ok, out, err) = run(&[
        "eval",
        "quotes",
        "--quotes",
        path.to_str().unwrap(),
        "--predicted",
        "all",
        "--format",
        "json",
        "--errors",
    ]);
    assert!(ok, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(counts(&v), [2, 3, 4, 3, 3]);
    assert!((v["precision"].as_f64().unwrap() - 0.75).abs() < 1e-12);
    assert!((v["f1"].as_f64().unwrap() - 2.0 * 0.75 / 1.75).abs() < 1e-12);
    assert_eq!(err.trim(), "FP\tbridge\t80\tit will rain\t\tTom Lee\tbelief \"believes\"");
    // By cue type: the belief alone is predicted, and is no quote.
    let (ok, out, err) =
        run(&["eval", "quotes", "--quotes", path.to_str().unwrap(), "--cue-types", "belief", "--format", "json"]);
    assert!(ok, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(counts(&v), [2, 3, 1, 0, 0]);
    let (ok, _, err) = run(&["eval", "quotes", "--quotes", path.to_str().unwrap(), "--cue-types", "gossip"]);
    assert!(!ok && err.contains("speech, writing, belief"), "{err}");
}

#[test]
fn quotes_errors_name_the_file_and_line() {
    for (name, want) in [
        (
            "quotes/bad_offsets.jsonl",
            "bad_offsets.jsonl:2: quote offsets 8..40 are not a span of the text (11 code points)",
        ),
        ("quotes/bad_text.jsonl", "bad_text.jsonl:1: quote text \"no\" is not the text at 8..10 (\"so\")"),
        ("quotes/missing.jsonl", "evaluation data is not bundled"),
    ] {
        let path = fixture(name);
        let (ok, out, err) = run(&["eval", "quotes", "--quotes", path.to_str().unwrap()]);
        assert!(!ok && out.is_empty(), "{name}: {out}");
        assert!(err.contains(want), "{name}: {err}");
    }
    let (ok, _, err) = run(&["eval", "quotes", "--quotes", "x.jsonl", "--min-overlap", "0"]);
    assert!(!ok && err.contains("--min-overlap"), "{err}");
    let (ok, _, err) = run(&["eval", "quotes"]);
    assert!(!ok && err.contains("--quotes"), "{err}");
}
