#![allow(dead_code)]
use std::path::PathBuf;

use veracity::{Analysis, Analyzer, Claim, SourceKind};

pub fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

/// Analyses the seed whose file name starts with `prefix` ("000", "001", ...).
pub fn seed(prefix: &str) -> Analysis {
    let dir = seeds_dir();
    let entry = std::fs::read_dir(&dir)
        .expect("seeds/ exists")
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix} in {}", dir.display()));
    Analyzer::default().analyze_path(entry.path()).expect("seed analyses")
}

pub fn text(t: &str) -> Analysis {
    veracity::analyze(t).expect("analysis")
}

pub fn claim<'a>(a: &'a Analysis, needle: &str) -> &'a Claim {
    a.find_claim(needle).unwrap_or_else(|| panic!("no claim containing {needle:?}"))
}

/// The attribution chain of the claim as (name, kind) pairs, outer first.
pub fn chain(c: &Claim) -> Vec<(String, SourceKind)> {
    c.attribution.as_ref().map(|a| a.sources.iter().map(|s| (s.name.clone(), s.kind)).collect()).unwrap_or_default()
}

pub fn content<'a>(a: &'a Analysis, c: &Claim) -> &'a str {
    c.attribution.as_ref().map_or("", |att| att.content.slice(a.text()))
}

pub fn first(t: &str) -> Claim {
    text(t).claims()[0].clone()
}
