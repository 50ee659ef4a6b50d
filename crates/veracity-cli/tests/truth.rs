//! `veracity eval truth` and `veracity corroborate` end to end on small hand-made fixtures
//! (tests/fixtures/truth/). The real evaluation data is never copied into the repository.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/truth").join(name)
}

fn run(args: &[&str]) -> (i32, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_veracity")).args(args).output().expect("runs");
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn eval_books(extra: &[&str]) -> (i32, String, String) {
    let (obs, gold) = (fixture("books.txt").display().to_string(), fixture("books_gold.txt").display().to_string());
    let mut args = vec!["eval", "truth", "--observations", &obs, "--gold", &gold, "--dataset", "books"];
    args.extend_from_slice(extra);
    run(&args)
}

#[test]
fn books_json_lists_every_algorithm() {
    let (code, out, err) = eval_books(&["--format", "json"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 1, "one JSON object: {out}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["task"], "truth");
    assert_eq!(v["dataset"], "books");
    // 10 lines; "Not Available" is dropped by the normaliser.
    assert_eq!(v["observations"], 10);
    assert_eq!(v["claims"], 9);
    let results = v["results"].as_array().unwrap();
    let names: Vec<&str> = results.iter().map(|r| r["algorithm"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "majority_vote",
            "sums",
            "average_log",
            "investment",
            "pooled_investment",
            "truth_finder",
            "crh",
            "truth_finder+jaccard",
            "crh+jaccard"
        ]
    );
    // By hand: 1111111111 has "aiken; allen" from A, B and D against "aiken" from C; 2222222222
    // has "knuth" from A, B and C against "smith" from D. Every algorithm gets both right.
    for r in results {
        assert_eq!(r["n"], 2, "{r}");
        assert_eq!(r["accuracy"], 1.0, "{r}");
        assert!(r["iterations"].as_u64().unwrap() >= 1);
        assert!(r["seconds"].as_f64().unwrap() >= 0.0);
    }
}

#[test]
fn raw_values_do_not_match_the_gold() {
    // Without the author-name normaliser no raw author list equals the gold set of last names.
    let (code, out, err) = eval_books(&["--format", "json", "--algorithm", "majority", "--normalizer", "exact"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["results"][0]["accuracy"], 0.0);
}

#[test]
fn text_report_and_one_algorithm() {
    let (code, out, err) = eval_books(&["--algorithm", "truth_finder+jaccard"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("truth_finder+jaccard"), "{out}");
    assert!(out.contains("1.000"), "{out}");
}

#[test]
fn iteration_cap_and_tolerance_override_the_defaults() {
    // TruthFinder converges on this fixture; a cap of 1 stops it after one iteration, unconverged.
    let (code, out, err) = eval_books(&["--format", "json", "--algorithm", "truth_finder", "--max-iterations", "1"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["results"][0]["iterations"], 1, "{v}");
    assert_eq!(v["results"][0]["converged"], false, "{v}");
    // Sums runs a fixed 20 iterations by default (tolerance 0); a tolerance lets it stop early.
    let (code, out, err) = eval_books(&["--format", "json", "--algorithm", "sums", "--tolerance", "0.5"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let iterations = v["results"][0]["iterations"].as_u64().unwrap();
    assert!(iterations < 20, "{v}");
    assert_eq!(v["results"][0]["converged"], true, "{v}");
    // Bad values are usage errors.
    for bad in ["--max-iterations=0", "--tolerance=-1", "--tolerance=nan", "--tolerance=inf"] {
        let (code, _, err) = eval_books(&[bad]);
        assert_eq!(code, 2, "{bad}: {err}");
        assert!(err.contains("invalid value"), "{bad}: {err}");
    }
}

#[test]
fn convergence_measure_overrides_the_default() {
    let iterations = |extra: &[&str]| -> u64 {
        let mut args = vec!["--format", "json", "--algorithm", "truth_finder", "--tolerance", "0.01"];
        args.extend_from_slice(extra);
        let (code, out, err) = eval_books(&args);
        assert_eq!(code, 0, "{err}");
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["results"][0]["converged"], true, "{v}");
        v["results"][0]["iterations"].as_u64().unwrap()
    };
    // TruthFinder's default is the cosine distance of the trust vectors; from the uniform initial
    // trust the direction settles long before the largest single change does.
    let default = iterations(&[]);
    assert_eq!(iterations(&["--convergence", "cosine"]), default);
    assert!(iterations(&["--convergence", "max-change"]) > default);
    let (code, _, err) = eval_books(&["--convergence", "l2"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("max-change, cosine"), "{err}");
}

#[test]
fn unknown_algorithm_is_a_usage_error() {
    let (code, _, err) = eval_books(&["--algorithm", "bogus"]);
    assert_eq!(code, 2);
    assert!(err.contains("invalid value \"bogus\" for algorithm"), "{err}");
}

#[test]
fn missing_file_is_an_input_error() {
    let (code, _, err) = run(&[
        "eval",
        "truth",
        "--observations",
        "/nonexistent/x.txt",
        "--gold",
        "/nonexistent/y.txt",
        "--dataset",
        "books",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot read"), "{err}");
}

/// A line with too few fields is an input error naming its line in the file (blank lines
/// counted), never skipped.
#[test]
fn short_line_is_an_input_error_with_its_line() {
    let dir = std::env::temp_dir().join(format!("veracity-truth-short-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let obs = dir.join("obs.txt");
    std::fs::write(&obs, "s1\tisbn\tT\tAiken, Peter\n\ns2\tisbn\tT\n").expect("written");
    let gold = fixture("books_gold.txt").display().to_string();
    let obs_arg = obs.display().to_string();
    let (code, _, err) = run(&["eval", "truth", "--observations", &obs_arg, "--gold", &gold, "--dataset", "books"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("obs.txt:3: expected at least 4 tab-separated fields, got 3"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn population_numbers() {
    let (obs, gold) = (fixture("population.txt"), fixture("population_gold.txt"));
    let (code, out, err) = run(&[
        "eval",
        "truth",
        "--observations",
        obs.to_str().unwrap(),
        "--gold",
        gold.to_str().unwrap(),
        "--dataset",
        "population",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    for r in v["results"].as_array().unwrap() {
        assert_eq!((r["n"].as_u64(), r["accuracy"].as_f64()), (Some(1), Some(1.0)), "{r}");
    }
}

#[test]
fn corroborate_two_articles() {
    let dir = fixture("articles");
    let (code, out, err) = run(&["corroborate", dir.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["articles"].as_array().unwrap().len(), 2);
    let groups = v["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 1, "{out}");
    assert_eq!(groups[0]["articles"], serde_json::json!([0, 1]));
    assert_eq!(groups[0]["value"], "affirmed 18");
    for c in groups[0]["claims"].as_array().unwrap() {
        assert_eq!(c["agrees"], true);
        assert_eq!(c["corroborating_articles"], 1);
    }
    let (code, out, _) = run(&["corroborate", dir.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.starts_with("1 groups of claims across 2 articles"), "{out}");
}
