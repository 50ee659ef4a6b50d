//! Times each truth-discovery algorithm on the 1M-claim synthetic set of `benches/truth.rs`
//! (same generator), best of N runs, and prints iterations, accuracy (share of objects whose
//! chosen value is the true "t") and a checksum of trust and confidence, so two builds can be
//! compared run for run (the A/B figures of `docs/performance.md`):
//!
//! ```text
//! cargo build --release -p veracity-truth --example truth_core
//! RAYON_NUM_THREADS=1 target/release/examples/truth_core 9 [ALGORITHM...]
//! ```

use std::time::Instant;
use veracity_truth::{Algorithm, Dataset, TruthOptions};
#[path = "../benches/common/synthetic.rs"]
mod synthetic;

/// `truth_core [REPEAT] [ALGORITHM...]`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let reps: usize = args.get(1).map(|s| s.parse().expect("reps")).unwrap_or(7);
    let which: Vec<String> = args[2..].to_vec();
    let out = synthetic::triples();
    let d = Dataset::from_triples(out.iter().map(|(s, o, v)| (s.as_str(), o.as_str(), v.as_str())));
    eprintln!("facts {} claims {}", d.n_facts(), d.n_claims());
    for name in ["majority_vote", "sums", "average_log", "investment", "pooled_investment", "truth_finder", "crh"] {
        if !which.is_empty() && !which.iter().any(|w| w == name) {
            continue;
        }
        let opts = TruthOptions::new(Algorithm::from_name(name).expect("name"));
        let mut best = f64::MAX;
        let mut it = 0;
        let mut sig = 0.0;
        let mut acc = 0.0;
        for _ in 0..reps {
            let t = Instant::now();
            let r = d.discover(&opts);
            let dt = t.elapsed().as_secs_f64();
            best = best.min(dt);
            it = r.iterations();
            sig = r.trust().map(|(_, t)| t).sum::<f64>() + r.truths().map(|t| t.confidence).sum::<f64>();
            acc = r.truths().filter(|t| t.value == "t").count() as f64 / r.truths().len() as f64;
        }
        println!("{name:<20} {:.2} ms  it {it}  acc {acc:.4}  sig {sig:.12}", best * 1e3);
    }
}
