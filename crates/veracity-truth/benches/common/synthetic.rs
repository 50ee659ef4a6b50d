//! The synthetic truth-discovery set of `benches/truth.rs`: 1,000 sources, 100,000 objects, 10
//! claims each (1M claims); a source is right with a probability drawn in [0.3, 0.95], else it
//! picks one of three wrong values. Shared by `benches/truth.rs` and `examples/truth_core.rs`
//! (included with `#[path]`), so both time the same data.

/// A small deterministic generator (SplitMix64).
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

/// The `(source, object, value)` claims; the true value of every object is `"t"`.
pub fn triples() -> Vec<(String, String, String)> {
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
    out
}
