//! Times each truth-discovery algorithm on the 1M-claim synthetic set of `benches/truth.rs`
//! (same generator), best of N runs, and prints iterations, accuracy (share of objects whose
//! chosen value is the true "t") and a checksum of trust and confidence, so two builds can be
//! compared run for run (the A/B figures of `docs/performance.md`):
//!
//! ```text
//! cargo build --release -p veracity --example truth_core
//! RAYON_NUM_THREADS=1 target/release/examples/truth_core 9 [ALGORITHM...]
//! ```

use std::time::Instant;
use veracity::{Algorithm, Dataset, TruthOptions};
/// SplitMix64, as in `benches/truth.rs`.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}
/// `truth_core [REPEAT] [ALGORITHM...]`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let reps: usize = args.get(1).map(|s| s.parse().expect("reps")).unwrap_or(7);
    let which: Vec<String> = args[2..].to_vec();
    let mut rng = Rng(7);
    let reliability: Vec<f64> = (0..1000).map(|_| 0.3 + 0.65 * rng.unit()).collect();
    let mut out = Vec::with_capacity(1_000_000);
    for o in 0..100_000 {
        for _ in 0..10 {
            let s = (rng.next() % 1000) as usize;
            let value = if rng.unit() < reliability[s] { "t".to_owned() } else { format!("f{}", rng.next() % 3) };
            out.push((format!("s{s}"), format!("o{o}"), value));
        }
    }
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
