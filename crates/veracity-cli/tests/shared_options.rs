//! Every subcommand that reads articles reads them the same way (files, directories, `-`,
//! JSON-lines and CSV corpora, `--input-format`) and takes the same shared options (`--config`,
//! `--profile`, `--threads`, `-o/--output`): `docs/cli.md`, "Shared options".
//!
//! The corpus is hand-made (`tests/fixtures/corpus/pair.*`): two records, "p1" and "p2", that
//! report the same release of 18 prisoners, so corroboration finds exactly one group across
//! both articles.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus").join(name)
}

fn arg(p: &Path) -> String {
    p.display().to_string()
}

fn veracity(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_veracity"))
        .args(args)
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

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("veracity-shared-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// The subcommands that read articles, each with its JSON format.
const READERS: [&str; 3] = ["analyze", "profile", "corroborate"];

/// What each reader's JSON says about the two records: the number of articles it saw.
fn articles_seen(command: &str, json: &str) -> usize {
    match command {
        // one JSON object per article
        "analyze" => json.lines().filter(|l| !l.trim().is_empty()).count(),
        "profile" => {
            let v: Value = serde_json::from_str(json).expect("profile JSON");
            usize::try_from(v["articles"].as_u64().expect("articles")).expect("fits")
        }
        "corroborate" => {
            let v: Value = serde_json::from_str(json).expect("corroborate JSON");
            v["articles"].as_array().expect("articles").len()
        }
        other => panic!("not a reader: {other}"),
    }
}

fn json_format(command: &str) -> &'static str {
    if command == "analyze" { "jsonl" } else { "json" }
}

#[test]
fn every_reader_reads_a_corpus_as_one_article_per_record() {
    let jsonl = arg(&fixture("pair.jsonl"));
    let csv = arg(&fixture("pair.csv"));
    for command in READERS {
        for corpus in [&jsonl, &csv] {
            let o = veracity(&[command, corpus, "--format", json_format(command)], None);
            assert_eq!(o.status.code(), Some(0), "{command} {corpus}: {}", text(&o.stderr));
            assert_eq!(articles_seen(command, &text(&o.stdout)), 2, "{command} {corpus}");
        }
    }
}

#[test]
fn input_format_overrides_the_file_name_for_every_reader() {
    let dir = scratch_dir("input-format");
    // A JSON-lines corpus under a name that would make it one plain-text article.
    let renamed = dir.join("pair.txt");
    std::fs::copy(fixture("pair.jsonl"), &renamed).expect("copy");
    let renamed = arg(&renamed);
    let corpus = std::fs::read_to_string(fixture("pair.jsonl")).expect("read fixture");
    for command in READERS {
        let o = veracity(&[command, &renamed, "--input-format", "jsonl", "--format", json_format(command)], None);
        assert_eq!(o.status.code(), Some(0), "{command}: {}", text(&o.stderr));
        assert_eq!(articles_seen(command, &text(&o.stdout)), 2, "{command} --input-format jsonl");
        // Standard input, in the same format.
        let o = veracity(&[command, "-", "--input-format", "jsonl", "--format", json_format(command)], Some(&corpus));
        assert_eq!(o.status.code(), Some(0), "{command} -: {}", text(&o.stderr));
        assert_eq!(articles_seen(command, &text(&o.stdout)), 2, "{command} - --input-format jsonl");
    }
    // Without it the file is one article: analyze and profile see 1, corroborate refuses.
    let o = veracity(&["analyze", &renamed, "--format", "jsonl"], None);
    assert_eq!(articles_seen("analyze", &text(&o.stdout)), 1);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn corroborate_reads_a_two_record_corpus_as_two_articles() {
    let o = veracity(&["corroborate", &arg(&fixture("pair.jsonl"))], None);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.starts_with("1 groups of claims across 2 articles"), "{out}");
    let o = veracity(&["corroborate", &arg(&fixture("pair.csv")), "--format", "json"], None);
    let v: Value = serde_json::from_str(&text(&o.stdout)).expect("JSON");
    let names: Vec<String> = v["articles"].as_array().unwrap().iter().map(|n| n.as_str().unwrap().to_owned()).collect();
    assert!(names[0].ends_with("pair.csv:2") && names[1].ends_with("pair.csv:3"), "{names:?}");
    assert_eq!(v["groups"].as_array().unwrap().len(), 1);
    assert_eq!(v["groups"][0]["value"], "affirmed 18");
    assert_eq!(v["errors"], serde_json::json!([]));
}

#[test]
fn corroborate_refuses_fewer_than_two_articles() {
    let dir = scratch_dir("one-article");
    let one = dir.join("one.txt");
    std::fs::write(&one, "Officials said 18 political prisoners were released in Caracas on Sunday.\n").unwrap();
    let o = veracity(&["corroborate", &arg(&one)], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty(), "no report: {}", text(&o.stdout));
    assert!(text(&o.stderr).contains("needs at least 2 articles to compare, got 1"), "{}", text(&o.stderr));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn output_goes_to_the_file_and_only_there() {
    let dir = scratch_dir("output");
    let corpus = arg(&fixture("pair.jsonl"));
    for command in READERS {
        let path = dir.join(format!("{command}.json"));
        let o = veracity(&[command, &corpus, "--format", json_format(command), "-o", &arg(&path)], None);
        assert_eq!(o.status.code(), Some(0), "{command}: {}", text(&o.stderr));
        assert!(o.stdout.is_empty(), "{command} wrote to stdout: {}", text(&o.stdout));
        let written = std::fs::read_to_string(&path).expect("output file");
        assert_eq!(articles_seen(command, &written), 2, "{command} -o");
    }
    // The eval commands write their summary there too.
    let hedging = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hedging.csv");
    let path = dir.join("hedging.json");
    let o = veracity(
        &["eval", "hedging", "--conll2010", &arg(&hedging), "--format", "json", "--output", &arg(&path)],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(o.stdout.is_empty());
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).expect("JSON summary");
    assert_eq!(v["task"], "hedging");
    // An output file that cannot be created is an error before anything is analysed.
    let o = veracity(&["analyze", &corpus, "-o", &arg(&dir.join("no/such/dir/out.txt"))], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("cannot write"), "{}", text(&o.stderr));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn every_command_takes_config_profile_and_threads() {
    let dir = scratch_dir("config");
    let config = dir.join("extra.toml");
    // A cue only this configuration knows.
    std::fs::write(&config, "[hedge_groups.extra]\ncategory = \"speculation\"\nweight = 0.6\nphrases = [\"zorbly\"]\n")
        .unwrap();
    let bad = dir.join("bad.toml");
    std::fs::write(&bad, "this is = = not toml").unwrap();
    let corpus = arg(&fixture("pair.jsonl"));
    let hedging = arg(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hedging.csv"));
    let commands: Vec<Vec<&str>> = vec![
        vec!["analyze", &corpus],
        vec!["profile", &corpus],
        vec!["corroborate", &corpus],
        vec!["eval", "hedging", "--conll2010", &hedging],
    ];
    let (config, bad) = (arg(&config), arg(&bad));
    for base in &commands {
        let run = |extra: &[&str]| {
            let mut args = base.clone();
            args.extend_from_slice(extra);
            veracity(&args, None)
        };
        for extra in [
            vec!["-c", config.as_str()],
            vec!["--config", config.as_str()],
            vec!["--profile", "conll2010"],
            vec!["--profile", "conll2010", "--config", config.as_str()],
            vec!["--threads", "1"],
            vec!["-j", "2"],
        ] {
            let o = run(&extra);
            assert_eq!(o.status.code(), Some(0), "{base:?} {extra:?}: {}", text(&o.stderr));
        }
        for extra in [vec!["--config", bad.as_str()], vec!["--profile", "no-such-profile"]] {
            let o = run(&extra);
            assert_eq!(o.status.code(), Some(2), "{base:?} {extra:?} is a usage error");
            assert!(o.stdout.is_empty(), "{base:?} {extra:?}: nothing analysed");
        }
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_configuration_reaches_the_analyser() {
    let dir = scratch_dir("config-effect");
    let config = dir.join("extra.toml");
    std::fs::write(&config, "[hedge_groups.extra]\ncategory = \"speculation\"\nweight = 0.6\nphrases = [\"zorbly\"]\n")
        .unwrap();
    let record = "{\"id\": \"z\", \"text\": \"The minister zorbly resigned on Sunday.\"}\n";
    let cues = |extra: &[&str]| -> Vec<String> {
        let mut args = vec!["analyze", "-", "--input-format", "jsonl", "--format", "jsonl"];
        args.extend_from_slice(extra);
        let o = veracity(&args, Some(record));
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        let v: Value = serde_json::from_str(text(&o.stdout).trim()).expect("one article");
        v["claims"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|c| c["hedges"].as_array().cloned().unwrap_or_default())
            .map(|h| h["cue"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    assert!(cues(&[]).is_empty());
    assert_eq!(cues(&["-c", &arg(&config)]), vec!["zorbly".to_owned()]);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn help_lists_the_shared_options_for_every_command() {
    for command in [&["analyze"][..], &["profile"], &["corroborate"], &["eval", "hedging"], &["eval", "attribution"]] {
        let mut args = command.to_vec();
        args.push("--help");
        let o = veracity(&args, None);
        assert_eq!(o.status.code(), Some(0));
        let help = text(&o.stdout);
        for flag in ["--config <FILE>", "--profile <NAME>", "--threads <N>", "--output <FILE>"] {
            assert!(help.contains(flag), "{command:?} --help lacks {flag}");
        }
        if command.len() == 1 {
            assert!(help.contains("--input-format <FORMAT>"), "{command:?} --help lacks --input-format");
        }
    }
}
