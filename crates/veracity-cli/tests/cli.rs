//! End-to-end tests of the `veracity` binary against the seed corpus (`seeds/`).
//!
//! Expectations are written by hand from the contract in `docs/cli.md` and from reading the
//! seeds, never pasted from the program's output.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn seed_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(seeds_dir())
        .expect("seeds directory")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    v
}

fn veracity(args: &[&str]) -> Output {
    veracity_with_stdin(args, None)
}

fn veracity_with_stdin(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_veracity"))
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run veracity");
    if let Some(text) = stdin {
        child.stdin.take().expect("stdin").write_all(text.as_bytes()).expect("write stdin");
    }
    child.wait_with_output().expect("wait for veracity")
}

fn stdout(o: &Output) -> &str {
    std::str::from_utf8(&o.stdout).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> &str {
    std::str::from_utf8(&o.stderr).expect("stderr is UTF-8")
}

fn jsonl(o: &Output) -> Vec<Value> {
    stdout(o).lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect()
}

fn seeds_arg() -> String {
    seeds_dir().display().to_string()
}

/// A scratch file under Cargo's per-test-target temporary directory.
fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("veracity-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).expect("write scratch file");
    path
}

#[test]
fn jsonl_has_one_object_per_seed_with_the_required_fields() {
    let out = veracity(&["analyze", &seeds_arg(), "--format", "jsonl"]);
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let articles = jsonl(&out);
    assert_eq!(articles.len(), seed_files().len());
    assert_eq!(articles.len(), 5);
    for a in &articles {
        assert_eq!(a["schema"], "veracity.article/1");
        assert!(a["path"].is_string());
        assert!(a["id"].is_string());
        assert!(a["title"].is_string() || a["title"].is_null());
        assert!(a["authors"].is_array());
        assert!(a["sources"].as_array().is_some_and(|s| !s.is_empty()), "the author's voice is always a source");
        let claims = a["claims"].as_array().expect("claims array");
        assert!(!claims.is_empty());
        for c in claims {
            assert!(c["text"].is_string());
            assert!(c["start"].is_u64() && c["end"].is_u64());
            let certainty = c["certainty"].as_f64().expect("certainty");
            let score = c["score"].as_f64().expect("score");
            let cw = c["checkworthiness"].as_f64().expect("checkworthiness");
            for x in [certainty, score, cw] {
                assert!((0.0..=1.0).contains(&x), "{x} out of [0, 1]");
            }
            for h in c["hedges"].as_array().expect("hedges") {
                assert!(h["cue"].is_string() && h["category"].is_string());
                assert!(h["start"].is_u64() && h["end"].is_u64());
            }
            assert!(c["attribution"].is_null() || c["attribution"]["sources"].is_array());
            let e = &c["explanation"];
            assert!(e["contributions"].is_array());
            assert!((e["value"].as_f64().expect("explanation value") - score).abs() < 1e-9);
        }
        for s in a["sources"].as_array().expect("sources") {
            assert!(s["name"].is_string() && s["kind"].is_string());
            assert!(s["claims"].is_array());
            assert!((0.0..=1.0).contains(&s["reliability"].as_f64().expect("reliability")));
        }
    }
}

#[test]
fn directories_expand_to_txt_files_sorted_by_path() {
    let out = veracity(&["analyze", &seeds_arg(), "--format", "jsonl"]);
    let paths: Vec<PathBuf> = jsonl(&out).iter().map(|a| PathBuf::from(a["path"].as_str().expect("path"))).collect();
    assert_eq!(paths, seed_files());
}

#[test]
fn byte_offsets_slice_the_file_back_to_the_reported_text() {
    let out = veracity(&["analyze", &seeds_arg(), "--format", "jsonl"]);
    for a in jsonl(&out) {
        let text = std::fs::read_to_string(a["path"].as_str().expect("path")).expect("read seed");
        assert_eq!(a["bytes"].as_u64(), Some(text.len() as u64));
        let slice = |v: &Value, s: &str, e: &str| -> String {
            let (s, e) = (
                usize::try_from(v[s].as_u64().expect("start")).expect("offset"),
                usize::try_from(v[e].as_u64().expect("end")).expect("offset"),
            );
            text[s..e].to_owned()
        };
        for c in a["claims"].as_array().expect("claims") {
            assert_eq!(slice(c, "start", "end"), c["text"].as_str().expect("text"));
            for h in c["hedges"].as_array().expect("hedges") {
                assert_eq!(slice(h, "start", "end"), h["cue"].as_str().expect("cue"));
            }
            if let Some(attr) = c["attribution"].as_object() {
                let attr = Value::Object(attr.clone());
                assert_eq!(slice(&attr, "cue_start", "cue_end"), attr["cue"].as_str().expect("cue"));
                for s in attr["sources"].as_array().expect("sources") {
                    if s["start"].is_u64() {
                        assert_eq!(slice(s, "start", "end"), s["text"].as_str().expect("source text"));
                    }
                }
            }
        }
    }
}

#[test]
fn bloomberg_claim_has_outlet_then_anonymous_sources() {
    let seed = seeds_dir().join("000_963e1f8edc67a8f6.txt");
    let out = veracity(&["analyze", &seed.display().to_string(), "--format", "jsonl"]);
    assert!(out.status.success());
    let article = &jsonl(&out)[0];
    let claim = article["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .find(|c| c["text"].as_str().is_some_and(|t| t.contains("told Bloomberg News")))
        .expect("a claim containing \"told Bloomberg News\"");
    let attr = &claim["attribution"];
    assert_eq!(attr["cue"], "told");
    let kinds: Vec<&str> =
        attr["sources"].as_array().expect("sources").iter().map(|s| s["kind"].as_str().expect("kind")).collect();
    assert_eq!(kinds, ["news_outlet", "anonymous"]);
    assert_eq!(attr["sources"][0]["name"], "Bloomberg News");
    assert_eq!(attr["sources"][1]["name"], "Three sources close to the Russian government");
    assert_eq!(attr["anonymous"], true);
}

#[test]
fn text_report_names_every_seed_and_shows_chains() {
    let out = veracity(&["analyze", &seeds_arg()]);
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let report = stdout(&out);
    for f in seed_files() {
        assert!(report.contains(&f.display().to_string()), "report does not name {}", f.display());
    }
    assert!(report.contains("Bloomberg News (news_outlet) <-"));
    // Piped stdout: no colour, and no progress bar on a piped stderr.
    assert!(!report.contains('\x1b'));
    assert!(stderr(&out).is_empty(), "stderr: {}", stderr(&out));
}

#[test]
fn text_report_fits_in_100_columns() {
    let out = veracity(&["analyze", &seeds_arg(), "--explain"]);
    for line in stdout(&out).lines() {
        assert!(line.chars().count() <= 100, "line too long ({}): {line}", line.chars().count());
    }
}

#[test]
fn hedges_are_bracketed_without_colour_and_coloured_with_it() {
    let text = "The minister allegedly requested asylum in Moscow.\n";
    let plain = veracity_with_stdin(&["analyze", "-", "--color", "never"], Some(text));
    assert!(plain.status.success(), "stderr: {}", stderr(&plain));
    assert!(stdout(&plain).contains("[allegedly]"), "{}", stdout(&plain));
    assert!(stdout(&plain).contains("<stdin>"));
    let color = veracity_with_stdin(&["analyze", "-", "--color", "always"], Some(text));
    assert!(stdout(&color).contains('\x1b'));
    assert!(!stdout(&color).contains("[allegedly]"));
}

#[test]
fn missing_path_is_reported_and_the_others_still_run() {
    let files = seed_files();
    let missing = seeds_dir().join("no-such-article.txt");
    let out = veracity(&[
        "analyze",
        &files[0].display().to_string(),
        &missing.display().to_string(),
        &files[1].display().to_string(),
        "--format",
        "jsonl",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.starts_with("veracity: cannot read "), "{err}");
    assert!(err.contains("no-such-article.txt"), "{err}");
    assert_eq!(err.lines().count(), 1, "one line per failure: {err}");
    assert!(!err.contains("panicked"));
    let paths: Vec<String> = jsonl(&out).iter().map(|a| a["path"].as_str().expect("path").to_owned()).collect();
    assert_eq!(paths, [files[0].display().to_string(), files[1].display().to_string()]);
}

#[test]
fn empty_and_non_utf8_files_fail_alone() {
    let empty = scratch("empty.txt", b"  \n");
    let latin1 = scratch("latin1.txt", b"Caf\xe9 owners said prices rose.");
    let seed = seed_files()[0].display().to_string();
    let out =
        veracity(&["analyze", &empty.display().to_string(), &seed, &latin1.display().to_string(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let doc: Value = serde_json::from_str(stdout(&out)).expect("stdout is one JSON document");
    assert_eq!(doc["articles"].as_array().map(Vec::len), Some(1));
    let kinds: Vec<&str> =
        doc["errors"].as_array().expect("errors").iter().map(|e| e["kind"].as_str().expect("kind")).collect();
    assert_eq!(kinds, ["empty_text", "invalid_utf8"]);
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(err.contains("empty.txt") && err.contains("latin1.txt"), "{err}");
    assert!(err.contains("offset 3"), "the first bad byte of \"Caf\\xe9\" is at offset 3: {err}");
}

#[test]
fn unknown_format_is_a_usage_error() {
    let out = veracity(&["analyze", &seeds_arg(), "--format", "nonsense"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).is_empty());
    assert!(stderr(&out).contains("nonsense"));
}

#[test]
fn analyze_without_inputs_is_a_usage_error() {
    assert_eq!(veracity(&["analyze"]).status.code(), Some(2));
}

#[test]
fn unusable_config_is_a_usage_error() {
    let bad = scratch("bad-config.toml", b"this is = = not toml");
    let out = veracity(&["analyze", &seeds_arg(), "--config", &bad.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).is_empty());
    assert!(stderr(&out).starts_with("veracity: "));
}

#[test]
fn json_format_is_one_document() {
    let out = veracity(&["analyze", &seeds_arg(), "--format", "json"]);
    assert!(out.status.success());
    let doc: Value = serde_json::from_str(stdout(&out)).expect("stdout is one JSON document");
    assert_eq!(doc["schema"], "veracity.report/1");
    assert_eq!(doc["veracity_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(doc["articles"].as_array().map(Vec::len), Some(5));
    assert_eq!(doc["errors"].as_array().map(Vec::len), Some(0));
    // Same articles as jsonl, in the same order.
    let lines = jsonl(&veracity(&["analyze", &seeds_arg(), "--format", "jsonl"]));
    assert_eq!(doc["articles"].as_array().expect("articles"), &lines);
}

#[test]
fn top_keeps_the_most_check_worthy_claims_first() {
    let out = veracity(&["analyze", &seeds_arg(), "--format", "jsonl", "--top", "3"]);
    for a in jsonl(&out) {
        let cw: Vec<f64> = a["claims"]
            .as_array()
            .expect("claims")
            .iter()
            .map(|c| c["checkworthiness"].as_f64().expect("cw"))
            .collect();
        assert_eq!(cw.len(), 3);
        assert!(cw.windows(2).all(|w| w[0] >= w[1]), "{cw:?}");
    }
}

#[test]
fn include_text_adds_the_analysed_text() {
    let out = veracity_with_stdin(&["analyze", "-", "--format", "jsonl", "--include-text"], Some("Rain fell.\n"));
    let a = &jsonl(&out)[0];
    assert_eq!(a["text"], "Rain fell.\n");
    assert!(a["path"].is_null());
    let plain = veracity_with_stdin(&["analyze", "-", "--format", "jsonl"], Some("Rain fell.\n"));
    assert!(jsonl(&plain)[0].get("text").is_none());
}

#[test]
fn version_flag_prints_the_version() {
    let out = veracity(&["--version"]);
    assert!(out.status.success());
    assert_eq!(stdout(&out).trim(), format!("veracity {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn config_file_extends_the_lexicons() {
    let config = scratch(
        "extra-hedges.toml",
        b"[hedge_groups.cli_test]\ncategory = \"speculation\"\nweight = 0.4\nphrases = [\"in all likelihood\"]\n",
    );
    let text = "The deal will in all likelihood collapse.\n";
    let out = veracity_with_stdin(
        &["analyze", "-", "--format", "jsonl", "--config", &config.display().to_string()],
        Some(text),
    );
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let a = &jsonl(&out)[0];
    let hedges = a["claims"][0]["hedges"].as_array().expect("hedges");
    assert!(hedges.iter().any(|h| h["cue"] == "in all likelihood" && h["category"] == "speculation"), "{hedges:?}");
}

fn corpus_fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus").join(name).display().to_string()
}

#[test]
fn json_lines_and_csv_corpora_are_read_record_by_record() {
    let jsonl = corpus_fixture("news.jsonl");
    let csv = corpus_fixture("news.csv");
    let out = veracity(&["analyze", &jsonl, &csv, "--format", "jsonl"]);
    // Three bad records (a bad date, a line that is not JSON, an empty CSV text): reported, the
    // others still analysed, exit status 1.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let docs: Vec<Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a1", "a2", &format!("{jsonl}:5"), "c1"]);
    assert_eq!(docs[0]["outlet"], "North Post");
    assert_eq!(docs[0]["title"], "Prisoners freed");
    assert_eq!(docs[0]["authors"], serde_json::json!(["Ana Ruiz"]));
    assert_eq!(docs[0]["published"], "2025-01-07");
    assert_eq!(docs[3]["authors"], serde_json::json!(["Jo Lee", "Sam Park"]));
    let err = stderr(&out);
    assert!(err.contains(&format!("{jsonl}:4")) && err.contains("published"), "{err}");
    assert!(err.contains(&format!("{jsonl}:6")) && err.contains("not JSON"), "{err}");
    assert!(err.contains(&format!("{csv}:5")) && err.contains("empty"), "{err}");
}

#[test]
fn input_format_flag_reads_standard_input_as_json_lines() {
    let out = veracity_with_stdin(
        &["analyze", "-", "--input-format", "jsonl", "--format", "jsonl"],
        Some("{\"id\": \"x\", \"text\": \"Prices rose by 3 percent.\"}\n{\"id\": \"y\", \"text\": \"Wages fell.\"}\n"),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 2);
}

#[test]
fn profile_json_contract() {
    let out = veracity(&["profile", &corpus_fixture("news.jsonl"), &corpus_fixture("news.csv"), "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "bad records make the exit status 1");
    let doc: Value = serde_json::from_str(stdout(&out)).expect("one JSON document");
    assert_eq!(doc["articles"], 4);
    assert_eq!(doc["errors"].as_array().unwrap().len(), 3);
    let outlets = doc["outlets"].as_array().unwrap();
    let names: Vec<&str> = outlets.iter().map(|o| o["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["East Wire", "North Post", "South Times", "West Herald"]);
    for o in outlets {
        for key in [
            "articles",
            "claims",
            "reliability",
            "attribution_rate",
            "anonymous_rate",
            "vague_rate",
            "hedge_rate",
            "corroboration_rate",
        ] {
            assert!(o.get(key).is_some(), "outlet lacks {key}: {o}");
        }
        let r = o["reliability"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&r));
        assert_eq!(o["articles"], 1);
    }
    // The released-prisoners claim is made by four outlets through four different sources: each
    // is confirmed.
    let north = &outlets[1];
    assert_eq!(north["claims"], 2);
    assert_eq!(north["corroboration_rate"], 0.5);
    let east = &outlets[0];
    assert_eq!(east["anonymous_rate"], 1.0);
    let south = &outlets[2];
    assert_eq!(south["vague_rate"], 0.5);
    let sources = doc["sources"].as_array().unwrap();
    for s in sources {
        for key in ["name", "kind", "mentions", "reliability"] {
            assert!(s.get(key).is_some(), "source lacks {key}: {s}");
        }
    }
    let critics = sources.iter().find(|s| s["name"] == "Critics").expect("the vague source is profiled");
    assert_eq!(critics["kind"], "vague");
    assert_eq!(critics["grade"], "F");
    let smith = sources.iter().find(|s| s["name"] == "Jane Smith").expect("Jane Smith");
    assert_eq!(smith["kind"], "named_person");
    assert_eq!(smith["outlets"], serde_json::json!(["West Herald"]));
}

#[test]
fn profile_csv_and_text() {
    let jsonl = corpus_fixture("news.jsonl");
    let out = veracity(&["profile", &jsonl, "--format", "csv"]);
    let text = stdout(&out);
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    assert!(header.starts_with("type,name,kind,articles,claims,mentions,reliability,grade"), "{header}");
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.iter().filter(|r| r.starts_with("outlet,")).count(), 3);
    assert!(rows.iter().any(|r| r.starts_with("source,Critics,vague,")), "{text}");
    let out = veracity(&["profile", &jsonl]);
    let text = stdout(&out);
    assert!(text.starts_with("Source profiles of 3 article(s)"), "{text}");
    assert!(text.contains("Outlets") && text.contains("Sources") && text.contains("North Post"));
}

#[test]
fn profile_of_the_seeds_succeeds() {
    let out = veracity(&["profile", seeds_dir().to_str().unwrap(), "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: Value = serde_json::from_str(stdout(&out)).unwrap();
    assert_eq!(doc["articles"], 5);
    assert!(doc["outlets"].as_array().unwrap().iter().any(|o| o["name"] == "Latin Times"));
}

/// What `analyze --format json|jsonl` writes reads back into the analysis it came from, in
/// either offset unit, and writing it again gives the same article object.
#[test]
fn json_output_reads_back_into_the_analysis() {
    use veracity::report::{AnalysisView, ArticleReport, Offsets, ReportOptions, read_articles};
    let analyzer = veracity::Analyzer::default();
    for (unit, offsets) in [("bytes", Offsets::Bytes), ("code-points", Offsets::CodePoints)] {
        let out = veracity(&["analyze", &seeds_arg(), "--format", "json", "--include-text", "--offsets", unit]);
        assert!(out.status.success());
        let articles = read_articles(&String::from_utf8_lossy(&out.stdout)).expect("a report document");
        assert_eq!(articles.len(), seed_files().len());
        for (report, path) in articles.into_iter().zip(seed_files()) {
            assert_eq!(report.offsets, offsets);
            let written = report.clone();
            let back = report.into_analysis(None).expect("reads back");
            let fresh = analyzer.analyze_path(&path).expect("analysis");
            assert_eq!(back.text(), fresh.text());
            assert_eq!(back.attributions(), fresh.attributions());
            for (b, f) in back.claims().iter().zip(fresh.claims()) {
                assert_eq!((b.span, &b.text, b.kind, &b.admiralty), (f.span, &f.text, f.kind, &f.admiralty));
                assert!((b.score - f.score).abs() < 1e-6);
            }
            let opts = ReportOptions { offsets, include_text: true, ..ReportOptions::default() };
            assert_eq!(ArticleReport::new(AnalysisView::of(&back), &opts), written);
        }
    }
    // jsonl without the text: each line reads back once the text is given.
    let out = veracity(&["analyze", &seeds_arg(), "--format", "jsonl"]);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let articles = read_articles(&text).expect("json lines");
    assert_eq!(articles.len(), seed_files().len());
    for (report, path) in articles.into_iter().zip(seed_files()) {
        let body = analyzer.analyze_path(&path).expect("analysis").text().to_owned();
        assert!(report.clone().into_analysis(None).is_err());
        let back = report.into_analysis(Some(&body)).expect("reads back with the text");
        assert_eq!(back.text(), body);
    }
}
