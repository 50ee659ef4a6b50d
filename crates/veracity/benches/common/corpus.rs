//! Deterministic benchmark corpora built from the seed articles (`seeds/*.txt`).
//!
//! Shared by `benches/pipeline.rs` and `examples/perf.rs` (included with `#[path]`), and
//! re-implemented byte for byte by `benchmarks/pipeline_vs_baselines.py` (which checks the
//! digest printed by `perf digest`).
//!
//! The seeds are read in file-name order and trimmed of trailing white space. The corpus is a
//! stream of seeds: round after round, the seed indices shuffled (Fisher–Yates) by a 64-bit LCG
//! (Knuth's MMIX constants, output = state >> 33, seeded with [`SEED`]). Consecutive seeds are
//! joined with a blank line into articles of at least `article_bytes` bytes (`0`: one seed per
//! article, `usize::MAX`: one article); the stream stops once the articles hold at least
//! `target_bytes` bytes (the last article is then cut short: it is closed as soon as the target is
//! reached).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The generator's initial state.
pub const SEED: u64 = 0x005e_ed0f_7ea5_0000;
/// One MB (10^6 bytes): throughput figures are in MB/s.
pub const MB: usize = 1_000_000;

/// Knuth's MMIX linear congruential generator.
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

/// The workspace's `seeds/` folder.
pub fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

/// The seed articles, in file-name order, trimmed of trailing white space.
pub fn seeds(dir: &Path) -> Vec<String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no seed articles in {}", dir.display());
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())).trim_end().to_owned())
        .collect()
}

/// The corpus: seeds repeated and shuffled into articles (see the module documentation).
pub fn corpus(seeds: &[String], target_bytes: usize, article_bytes: usize) -> Vec<String> {
    let mut rng = Lcg::new(SEED);
    let mut out = Vec::new();
    let mut total = 0usize;
    let mut current = String::new();
    let mut order: Vec<usize> = (0..seeds.len()).collect();
    'rounds: loop {
        for i in (1..order.len()).rev() {
            let j = usize::try_from(rng.next() % (i as u64 + 1)).expect("small");
            order.swap(i, j);
        }
        for &k in &order {
            if !current.is_empty() {
                current.push_str("\n\n");
            }
            current.push_str(&seeds[k]);
            let done = total + current.len() >= target_bytes;
            if current.len() >= article_bytes || done {
                total += current.len();
                out.push(std::mem::take(&mut current));
            }
            if done {
                break 'rounds;
            }
        }
    }
    out
}

/// Total bytes of a corpus.
pub fn bytes(articles: &[String]) -> usize {
    articles.iter().map(String::len).sum()
}

/// FNV-1a (64-bit) over the articles, each followed by a NUL byte: lets another implementation of
/// the generator check that it builds the same corpus.
pub fn digest(articles: &[String]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for a in articles {
        for &b in a.as_bytes().iter().chain(std::iter::once(&0u8)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}
