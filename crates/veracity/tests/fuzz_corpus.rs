//! Replays the fuzzing corpora kept in `fuzz/corpus/` (seed inputs plus the interesting inputs the
//! AFL++ runs found; see docs/fuzzing.md) through the same checks as the fuzz targets.

use std::path::PathBuf;

fn corpus(name: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus").join(name);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap_or_else(|e| panic!("{}: {e}", dir.display())).path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "empty corpus {}", dir.display());
    files
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, bytes)
        })
        .collect()
}

#[test]
fn analyze_corpus_replays_cleanly() {
    let analyzer = veracity::Analyzer::default();
    for (path, data) in corpus("analyze") {
        if let Ok(article) = veracity::Article::from_bytes(data, None) {
            if let Ok(a) = analyzer.analyze(&article) {
                a.check_invariants().unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            }
        }
    }
}

#[test]
fn config_corpus_replays_cleanly() {
    const TEXT: &str = "Officials said the deal may fail, according to Reuters. “It is over,” she said.";
    for (path, data) in corpus("config") {
        if let Ok(toml) = std::str::from_utf8(&data) {
            if let Ok(analyzer) = veracity::Analyzer::builder().config_toml(toml).build() {
                if let Ok(a) = analyzer.analyze_text(TEXT) {
                    a.check_invariants().unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                }
            }
        }
    }
}
