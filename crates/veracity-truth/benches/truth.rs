//! Truth-discovery benchmarks: `cargo bench -p veracity-truth --bench truth`.
//!
//! - `synthetic_*`: 1,000 sources, 100,000 objects, 10 claims each (1M claims); sources are
//!   right with a probability drawn in [0.3, 0.95], else pick one of three wrong values.
//!   `index` builds the [`Dataset`]; each algorithm runs on the built dataset (the core).
//! - `books_end_to_end`: read `book.txt`, normalise author lists and index
//!   (`Dataset::read_tsv_normalized`), run (skipped when
//!   the file is absent; set `VERACITY_BOOKS` to its folder, default `../shared/eval/truth/books`
//!   from the workspace root). The data is never copied into the repository.

use std::path::PathBuf;
use std::sync::OnceLock;

use divan::Bencher;
use veracity_truth::{Algorithm, Dataset, Normalizer, Similarity, TruthOptions};

fn main() {
    divan::main();
}

#[path = "common/synthetic.rs"]
mod synthetic;

fn synthetic_triples() -> &'static Vec<(String, String, String)> {
    static T: OnceLock<Vec<(String, String, String)>> = OnceLock::new();
    T.get_or_init(synthetic::triples)
}

fn synthetic() -> &'static Dataset {
    static D: OnceLock<Dataset> = OnceLock::new();
    D.get_or_init(|| {
        Dataset::from_triples(synthetic_triples().iter().map(|(s, o, v)| (s.as_str(), o.as_str(), v.as_str())))
    })
}

#[divan::bench(sample_count = 5)]
fn synthetic_index(b: Bencher<'_, '_>) {
    let t = synthetic_triples();
    b.bench(|| Dataset::from_triples(t.iter().map(|(s, o, v)| (s.as_str(), o.as_str(), v.as_str()))));
}

#[divan::bench(sample_count = 5, args = ["majority_vote", "sums", "average_log", "investment", "pooled_investment", "truth_finder", "crh"])]
fn synthetic_run(b: Bencher<'_, '_>, algorithm: &str) {
    let d = synthetic();
    let options = TruthOptions::new(Algorithm::from_name(algorithm).expect("known"));
    b.bench(|| d.discover(&options).iterations());
}

fn books_dir() -> PathBuf {
    std::env::var_os("VERACITY_BOOKS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/truth/books"),
        PathBuf::from,
    )
}

#[divan::bench(sample_count = 10, args = ["majority_vote", "truth_finder+jaccard", "crh"])]
fn books_end_to_end(b: Bencher<'_, '_>, name: &str) {
    let path = books_dir().join("book.txt");
    if !path.exists() {
        return;
    }
    let (algorithm, similarity) = match name.split_once('+') {
        Some((a, _)) => (a, Similarity::Jaccard),
        None => (name, Similarity::Exact),
    };
    let options = TruthOptions::new(Algorithm::from_name(algorithm).expect("known")).with_similarity(similarity);
    b.bench(|| {
        // As `veracity eval truth` and `veracity.discover_truth_file`: the file read, its claims
        // (source, ISBN, authors) normalised and indexed (read and parsed in two halves on two
        // threads with the `parallel` feature), then the run.
        let d = Dataset::read_tsv_normalized(&path, [0, 1, 3], &Normalizer::AuthorNames).expect("readable");
        d.discover(&options).iterations()
    });
}
