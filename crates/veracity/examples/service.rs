//! Embedding veracity in a Rust service.
//!
//! One [`Analyzer`] is built at start-up and shared (it is `Send + Sync` and cheap to clone);
//! a batch of articles is analysed in parallel with [`Analyzer::analyze_batch`]; each result
//! becomes one JSON line on stdout, each failure one line on stderr, and the exit status is
//! nonzero when anything failed.
//!
//! ```text
//! cargo run --release -p veracity --example service -- seeds
//! cargo run --release -p veracity --example service -- a.txt b.txt more-articles/
//! ```
//!
//! A directory stands for the `*.txt` files directly inside it, sorted by name. For the full,
//! documented JSON format use the `veracity` command line instead (`docs/cli.md`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::json;
use veracity::{Analysis, Analyzer, Article};

/// How many of the most check-worthy claims each line lists.
const TOP_CLAIMS: usize = 3;

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if args.is_empty() {
        eprintln!("usage: service FILE_OR_DIR...");
        return ExitCode::from(2);
    }
    let mut failed = false;

    // 1. Load. A file that cannot be read is reported and skipped; the others still run.
    let paths: Vec<PathBuf> = args.iter().flat_map(|a| expand(a, &mut failed)).collect();
    let mut articles = Vec::new();
    for path in paths {
        match Article::from_path(&path) {
            Ok(article) => articles.push(article),
            Err(e) => {
                eprintln!("service: {e}");
                failed = true;
            }
        }
    }

    // 2. Analyse in parallel (rayon, with the default `parallel` feature). One result per
    //    article, in input order; an empty article fails alone.
    let analyzer = Analyzer::default();
    let results = analyzer.analyze_batch(&articles);

    // 3. Report: one JSON object per line.
    let mut out = std::io::stdout().lock();
    for (article, result) in articles.iter().zip(results) {
        match result {
            Ok(analysis) => {
                if writeln!(out, "{}", summary(&analysis)).is_err() {
                    // stdout closed (e.g. piped into `head`): nothing more to do.
                    break;
                }
            }
            Err(e) => {
                let name = article.path().map_or_else(|| "<article>".to_owned(), |p| p.display().to_string());
                eprintln!("service: {name}: {e}");
                failed = true;
            }
        }
    }
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

/// A file is itself; a directory is its `*.txt` files, sorted.
fn expand(arg: &Path, failed: &mut bool) -> Vec<PathBuf> {
    if !arg.is_dir() {
        return vec![arg.to_path_buf()];
    }
    match std::fs::read_dir(arg) {
        Ok(entries) => {
            let mut files: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "txt"))
                .collect();
            files.sort();
            files
        }
        Err(e) => {
            eprintln!("service: cannot list {}: {e}", arg.display());
            *failed = true;
            Vec::new()
        }
    }
}

/// The fields a service typically returns: metadata, the most check-worthy claims with their
/// credibility and sources (outer first), and the reliability of every source.
fn summary(analysis: &Analysis) -> serde_json::Value {
    let article = analysis.article();
    let claims: Vec<serde_json::Value> = analysis
        .ranked_claims()
        .into_iter()
        .take(TOP_CLAIMS)
        .map(|c| {
            let chain: Vec<&str> =
                c.attribution.iter().flat_map(|a| a.sources.iter().map(|s| s.name.as_str())).collect();
            json!({
                "index": c.index,
                "text": c.text,
                "start": c.span.start,
                "end": c.span.end,
                "checkworthiness": c.checkworthiness,
                "score": c.score,
                "certainty_level": c.certainty_level.as_str(),
                "hedges": c.hedges.iter().map(|h| h.cue.as_str()).collect::<Vec<_>>(),
                "sources": chain,
            })
        })
        .collect();
    let sources: Vec<serde_json::Value> = analysis
        .sources()
        .iter()
        .map(|s| json!({ "name": s.name, "kind": s.kind.as_str(), "reliability": s.reliability }))
        .collect();
    json!({
        "id": article.id(),
        "path": article.path().map(|p| p.display().to_string()),
        "title": article.title().map(|m| m.value.as_str()),
        "claims": analysis.claims().len(),
        "top_claims": claims,
        "sources": sources,
    })
}
