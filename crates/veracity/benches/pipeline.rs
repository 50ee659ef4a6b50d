//! Analysis pipeline benchmarks: `cargo bench -p veracity --bench pipeline`.
//!
//! Inputs (`benches/common/corpus.rs`): `seeds` (the five seed articles), `10MB` (the seeds
//! repeated and shuffled into 2,600-odd articles) and `100MB` (only with
//! `VERACITY_BENCH_100MB=1`: it takes a few minutes). Under `cargo test --all-targets` every
//! benchmark runs once, on the seeds only.
//!
//! The stages are crate-private, so they are measured through the public API, as analyses with
//! fewer lexicons (the differences give each stage's cost; `docs/performance.md` also has the
//! per-function instruction counts from callgrind):
//!
//! - `stage_segment_claims`: no hedge or attribution cues (segmentation, claims, scores);
//! - `stage_hedges`: hedge cues only; `stage_attribution`: attribution cues only;
//! - `full_analysis`: the default analyser, one article after another (one thread);
//! - `batch`: `Analyzer::analyze_batch` on a pool of 1 or 2 threads;
//! - `anchor_hedge_automaton`: the reference point, one aho-corasick pass over the hedge
//!   lexicon with word-boundary checks and nothing else;
//! - `corroborate`: cross-article grouping plus truth discovery over the analyses (quadratic in
//!   claims: seeds and 200 KB only). The truth-discovery algorithms alone are in `benches/truth.rs`.

#[path = "common/corpus.rs"]
mod corpus;

use std::sync::OnceLock;

use aho_corasick::{AhoCorasickBuilder, MatchKind};
use divan::Bencher;
use divan::counter::BytesCount;
use veracity::{Analysis, Analyzer, AnalyzerBuilder, Article, Config, CorroborationOptions};

fn main() {
    divan::main();
}

/// True unless run by `cargo bench`, which passes `--bench` (under `cargo test`, which passes no
/// flag, or with `--test`, divan runs each benchmark once: on the seeds only).
fn test_mode() -> bool {
    !std::env::args().any(|a| a == "--bench")
}

/// The corpus sizes of this run: the seeds always, 10 MB unless under `cargo test`, 100 MB on request.
fn sizes() -> Vec<&'static str> {
    let mut v = vec!["seeds"];
    if !test_mode() {
        v.push("10MB");
        if std::env::var_os("VERACITY_BENCH_100MB").is_some() {
            v.push("100MB");
        }
    }
    v
}

/// The articles of a corpus (built once).
fn articles(size: &str) -> Option<&'static [Article]> {
    static SEEDS: OnceLock<Vec<Article>> = OnceLock::new();
    static MB10: OnceLock<Vec<Article>> = OnceLock::new();
    static MB100: OnceLock<Vec<Article>> = OnceLock::new();
    let build = |mb: usize| -> Vec<Article> {
        let seeds = corpus::seeds(&corpus::seeds_dir());
        corpus::corpus(&seeds, mb * corpus::MB, 0).into_iter().map(Article::new).collect()
    };
    match size {
        "seeds" => {
            Some(SEEDS.get_or_init(|| corpus::seeds(&corpus::seeds_dir()).into_iter().map(Article::new).collect()))
        }
        "10MB" => Some(MB10.get_or_init(|| build(10))),
        "100MB" => Some(MB100.get_or_init(|| build(100))),
        _ => None,
    }
}

fn bytes(articles: &[Article]) -> usize {
    articles.iter().map(|a| a.text().len()).sum()
}

fn run_all(analyzer: &Analyzer, articles: &[Article]) -> usize {
    articles.iter().map(|a| analyzer.analyze(a).map_or(0, |r| r.claims().len())).sum()
}

fn bench_with(b: Bencher<'_, '_>, size: &str, analyzer: &Analyzer) {
    let Some(articles) = articles(size) else { return };
    b.counter(BytesCount::new(bytes(articles))).bench(|| run_all(analyzer, articles));
}

/// Built-in analyser without hedge cues, without attribution cues, or without both.
fn analyzer_without(hedges: bool, cues: bool) -> Analyzer {
    let config = Config::default();
    let mut builder = AnalyzerBuilder::new();
    if hedges {
        for p in config.hedge_groups.values().flat_map(|g| &g.phrases) {
            builder = builder.remove_hedge(p);
        }
    }
    if cues {
        for p in config.cue_groups.values().flat_map(|g| &g.phrases) {
            builder = builder.remove_cue(p);
        }
    }
    builder.build().expect("valid configuration")
}

#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1)]
fn stage_segment_claims(b: Bencher<'_, '_>, size: &str) {
    bench_with(b, size, &analyzer_without(true, true));
}

#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1)]
fn stage_hedges(b: Bencher<'_, '_>, size: &str) {
    bench_with(b, size, &analyzer_without(false, true));
}

#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1)]
fn stage_attribution(b: Bencher<'_, '_>, size: &str) {
    bench_with(b, size, &analyzer_without(true, false));
}

#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1)]
fn full_analysis(b: Bencher<'_, '_>, size: &str) {
    bench_with(b, size, &Analyzer::default());
}

#[divan::bench(args = [1, 2], sample_count = 5, sample_size = 1)]
fn batch(b: Bencher<'_, '_>, threads: usize) {
    let size = if test_mode() { "seeds" } else { "10MB" };
    let Some(articles) = articles(size) else { return };
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("thread pool");
    let analyzer = Analyzer::default();
    b.counter(BytesCount::new(bytes(articles))).bench(|| pool.install(|| analyzer.analyze_batch(articles)).len());
}

#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1)]
fn anchor_hedge_automaton(b: Bencher<'_, '_>, size: &str) {
    let Some(articles) = articles(size) else { return };
    let phrases: Vec<String> =
        Config::default().hedge_groups.values().flat_map(|g| g.phrases.iter().map(|p| p.to_lowercase())).collect();
    let ac = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&phrases)
        .expect("automaton");
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    b.counter(BytesCount::new(bytes(articles))).bench(|| {
        let mut n = 0usize;
        for a in articles {
            let t = a.text();
            n += ac
                .find_iter(t)
                .filter(|m| !word(t[..m.start()].chars().next_back()) && !word(t[m.end()..].chars().next()))
                .count();
        }
        n
    });
}

/// The corroboration sizes: the seeds always, the larger ones unless under `cargo test`.
fn corroborate_sizes() -> Vec<&'static str> {
    if test_mode() { vec!["seeds"] } else { vec!["seeds", "200KB", "1MB"] }
}

/// Cross-article grouping: the seeds, and 200 KB and 1 MB of whole seeds repeated (every claim
/// has many identical copies, the worst case for average linkage's merges).
#[divan::bench(args = corroborate_sizes(), sample_count = 5, sample_size = 1)]
fn corroborate(b: Bencher<'_, '_>, size: &str) {
    let seeds = corpus::seeds(&corpus::seeds_dir());
    let texts = match size {
        "seeds" => seeds,
        "200KB" => corpus::corpus(&seeds, 200_000, 0),
        _ => corpus::corpus(&seeds, 1_000_000, 0),
    };
    let analyzer = Analyzer::default();
    let analyses: Vec<Analysis> = texts.iter().map(|t| analyzer.analyze_text(t).expect("analysable")).collect();
    let options = CorroborationOptions::default();
    b.bench(|| veracity::corroborate(&analyses, &options).groups.len());
}
