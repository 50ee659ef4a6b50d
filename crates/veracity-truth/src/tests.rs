//! Hand-worked cases per algorithm, and property tests.
//!
//! The small case: sources A, B, C; object `x`: A and B say `1`, C says `2`; object `y`: A says
//! `3`, C says `4`. Each expected number below was worked out by hand (the steps are in the
//! comments) for one iteration, where the arithmetic stays short.

use proptest::prelude::*;

use super::*;

mod reference;

fn small() -> Dataset {
    Dataset::from_triples([("A", "x", "1"), ("B", "x", "1"), ("C", "x", "2"), ("A", "y", "3"), ("C", "y", "4")])
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-4
}

fn trusts(d: &Discovery<'_>) -> Vec<f64> {
    d.trust().map(|t| t.1).collect()
}

fn beliefs(d: &Discovery<'_>) -> Vec<f64> {
    ["x", "y"].iter().flat_map(|o| d.values(o).unwrap().into_iter().map(|v| v.1)).collect()
}

fn assert_all_close(got: &[f64], want: &[f64]) {
    assert_eq!(got.len(), want.len(), "{got:?} vs {want:?}");
    for (g, w) in got.iter().zip(want) {
        assert!(close(*g, *w), "{got:?} vs {want:?}");
    }
}

fn one(algorithm: Algorithm) -> TruthOptions {
    TruthOptions::new(algorithm).with_max_iterations(1)
}

#[test]
fn dataset_is_indexed_and_repeats_count_once() {
    let d = Dataset::from_triples([("B", "x", "1"), ("A", "x", "1"), ("A", "x", "1"), ("A", "y", "2")]);
    assert_eq!(d.sources(), ["A", "B"]);
    assert_eq!(d.objects(), ["x", "y"]);
    assert_eq!(d.n_observations(), 4);
    assert_eq!(d.n_claims(), 3);
    assert_eq!(d.values_of("x").unwrap(), ["1"]);
    assert!(d.values_of("z").is_none());
}

#[test]
fn a_source_keeps_its_most_repeated_value_per_object() {
    // A lists "2" twice and "1" once: one claim, "2". B lists "1" and "3" once each: the tie goes
    // to "1", the first in sorted order.
    let d =
        Dataset::from_triples([("A", "x", "1"), ("A", "x", "2"), ("A", "x", "2"), ("B", "x", "3"), ("B", "x", "1")]);
    assert_eq!(d.n_claims(), 2);
    let r = d.discover(&TruthOptions::new(Algorithm::MajorityVote));
    assert_eq!(r.values("x").unwrap(), [("1", 0.5), ("2", 0.5), ("3", 0.0)]);
}

#[test]
fn majority_vote() {
    let d = small();
    let r = d.discover(&TruthOptions::new(Algorithm::MajorityVote));
    // x: 2 votes of 3 for "1"; y: a tie, broken by value order ("3" < "4").
    assert_eq!(r.truth("x").unwrap().value, "1");
    assert!(close(r.truth("x").unwrap().confidence, 2.0 / 3.0));
    assert_eq!(r.truth("y").unwrap().value, "3");
    // Trust: the share of a source's claims that won: A 2/2, B 1/1, C 0/2.
    assert_all_close(&trusts(&r), &[1.0, 1.0, 0.0]);
    assert_eq!((r.iterations(), r.converged()), (1, true));
}

#[test]
fn sums_one_iteration() {
    let d = small();
    let r = d.discover(&one(Algorithm::Sums));
    // Beliefs start at 0.5: T = (A 1, B 0.5, C 1), already scaled to its largest.
    assert_all_close(&trusts(&r), &[1.0, 0.5, 1.0]);
    // Beliefs: (x1 1.5, x2 1, y3 1, y4 1) / 1.5.
    assert_all_close(&beliefs(&r), &[1.0, 2.0 / 3.0, 2.0 / 3.0, 2.0 / 3.0]);
    assert!(!r.converged());
    let converging = d.discover(&TruthOptions::new(Algorithm::Sums).with_max_iterations(100).with_tolerance(1e-6));
    assert!(converging.converged());
    assert_eq!(converging.truth("x").unwrap().value, "1");
    assert_eq!(d.discover(&TruthOptions::new(Algorithm::Sums)).iterations(), FIXED_ITERATIONS);
}

#[test]
fn average_log_one_iteration() {
    let d = small();
    let r = d.discover(&one(Algorithm::AverageLog));
    // T(A) = ln 2 × (0.5 + 0.5) / 2, T(B) = ln 1 × 0.5 = 0, T(C) = ln 2 × 1 / 2: scaled (1, 0, 1).
    assert_all_close(&trusts(&r), &[1.0, 0.0, 1.0]);
    // Beliefs: x1 = 1 + 0, x2 = 1, y3 = 1, y4 = 1; B's single claim earns it nothing.
    assert_all_close(&beliefs(&r), &[1.0, 1.0, 1.0, 1.0]);
    // A tie goes to the first value in sorted order.
    assert_eq!(r.truth("x").unwrap().value, "1");
}

#[test]
fn investment_one_iteration() {
    let d = small();
    let r = d.discover(&one(Algorithm::Investment));
    // Prior beliefs = vote shares (x1 2/3, x2 1/3, y3 1/2, y4 1/2); stakes T/|C|: A 1/2, B 1, C 1/2;
    // invested: x1 1.5, x2 .5, y3 .5, y4 .5.
    // T(A) = 1/2 (2/3 / 1.5 + 1/2 / .5) = 13/18, T(B) = 1 × 2/3 / 1.5 = 4/9,
    // T(C) = 1/2 (1/3 / .5 + 1/2 / .5) = 5/6; scaled by 5/6: (13/15, 8/15, 1).
    assert_all_close(&trusts(&r), &[13.0 / 15.0, 8.0 / 15.0, 1.0]);
    // H: x1 = 13/30 + 8/15 = 29/30, x2 = 1/2, y3 = 13/30, y4 = 1/2; B = H^1.2, scaled by the largest.
    let g = |h: f64| h.powf(1.2);
    let want = [1.0, g(0.5) / g(29.0 / 30.0), g(13.0 / 30.0) / g(29.0 / 30.0), g(0.5) / g(29.0 / 30.0)];
    assert_all_close(&beliefs(&r), &want);
    // C's higher trust now carries y.
    assert_eq!(r.truth("y").unwrap().value, "4");
}

#[test]
fn pooled_investment_one_iteration() {
    let d = small();
    let r = d.discover(&one(Algorithm::PooledInvestment));
    // Uniform prior beliefs (0.5 each); stakes A 1/2, B 1, C 1/2; invested x1 1.5, others 0.5.
    // T(A) = 1/2 (0.5 / 1.5 + 0.5 / 0.5) = 2/3, T(B) = 0.5 / 1.5 = 1/3, T(C) = 1/2 (1 + 1) = 1.
    assert_all_close(&trusts(&r), &[2.0 / 3.0, 1.0 / 3.0, 1.0]);
    // H: x1 = 1/3 + 1/3, x2 = 1/2, y3 = 1/3, y4 = 1/2;
    // B(c) = H(c) G(H(c)) / Σ_{d ∈ M(c)} G(H(d)) with G(h) = h^1.4, scaled by the largest.
    let g = |h: f64| h.powf(1.4);
    let (x1, x2, y3, y4) = (2.0 / 3.0, 0.5, 1.0 / 3.0, 0.5);
    let raw = [
        x1 * g(x1) / (g(x1) + g(x2)),
        x2 * g(x2) / (g(x1) + g(x2)),
        y3 * g(y3) / (g(y3) + g(y4)),
        y4 * g(y4) / (g(y3) + g(y4)),
    ];
    let max = raw.iter().copied().fold(0.0, f64::max);
    let want: Vec<f64> = raw.iter().map(|b| b / max).collect();
    assert_all_close(&beliefs(&r), &want);
    assert_eq!(r.truth("y").unwrap().value, "4");
}

#[test]
fn truth_finder_one_iteration() {
    let d = small();
    let r = d.discover(&one(Algorithm::TruthFinder));
    // τ = −ln(1 − 0.9) = 2.302585 per source; σ: x1 2τ, x2 τ, y3 τ, y4 τ. With exact similarity
    // every other value implies −base_sim = −0.5, weighted by ρ = 0.5:
    // σ*(x1) = 2τ − τ/4, σ*(x2) = τ − 2τ/4, σ*(y3) = σ*(y4) = τ − τ/4; s = 1 / (1 + e^(−0.3 σ*)).
    assert_all_close(&beliefs(&r), &[0.770_097, 0.585_499, 0.626_699, 0.626_699]);
    // Trust = mean confidence of the source's values.
    assert_all_close(&trusts(&r), &[0.698_398, 0.770_097, 0.606_099]);
}

#[test]
fn truth_finder_similarity_supports_overlapping_values() {
    // Three sources give the full author list, four give a partial one that overlaps it, five
    // give an unrelated one. With Jaccard implication the partial lists support the full list.
    let mut triples = vec![("s1", "b", "aiken; allen"), ("s2", "b", "aiken; allen"), ("s3", "b", "aiken; allen")];
    triples.extend([("s4", "b", "aiken"), ("s5", "b", "aiken"), ("s6", "b", "aiken"), ("s7", "b", "allen")]);
    let d = Dataset::from_triples(triples);
    let exact = d.discover(&TruthOptions::new(Algorithm::TruthFinder));
    assert_eq!(exact.truth("b").unwrap().value, "aiken");
    let params = Params { base_similarity: 0.3, ..Params::default() };
    let similar =
        d.discover(&TruthOptions::new(Algorithm::TruthFinder).with_similarity(Similarity::Jaccard).with_params(params));
    // σ*(full) = 3τ + ρ (3τ (0.5 − 0.3) + τ (0.5 − 0.3)) beats σ*(aiken) = 3τ + ρ (3τ (0.2) + τ (−0.3)).
    assert_eq!(similar.truth("b").unwrap().value, "aiken; allen");
}

#[test]
fn crh_one_iteration() {
    let d = small();
    let r = d.discover(&one(Algorithm::Crh));
    // Truths start at the majority (x 1, y 3): losses A 0, B 0, C 2; with smoothing 0.01 the
    // weights are −ln(0.01 / 2.03) = 5.3132 (A, B) and −ln(2.01 / 2.03) = 0.0099 (C).
    assert_all_close(&trusts(&r), &[1.0, 1.0, 0.009_901 / 5.313_206]);
    // x1 gets (A + B) / (A + B + C), y3 gets A / (A + C).
    let (a, c) = (5.313_206, 0.009_901);
    assert_all_close(&beliefs(&r), &[2.0 * a / (2.0 * a + c), c / (2.0 * a + c), a / (a + c), c / (a + c)]);
}

#[test]
fn algorithm_names_round_trip() {
    for a in Algorithm::ALL {
        assert_eq!(Algorithm::from_name(a.as_str()).unwrap(), a);
    }
    assert_eq!(Algorithm::from_name("Average.Log").unwrap(), Algorithm::AverageLog);
    assert_eq!(Algorithm::from_name("TruthFinder").unwrap(), Algorithm::TruthFinder);
    let e = Algorithm::from_name("bogus").unwrap_err();
    assert!(e.to_string().contains("truth_finder"), "{e}");
}

#[test]
fn normalize_drops_rejected_values() {
    let obs = vec![Observation::new("a", "o", " 1,200 "), Observation::new("b", "o", "n/a")];
    let out = normalize(&obs, &Normalizer::Number);
    assert_eq!(out, vec![Observation::new("a", "o", "1200")]);
}

#[test]
fn public_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Dataset>();
    check::<Discovery<'_>>();
    check::<TruthOptions>();
    check::<Normalizer>();
    check::<Similarity>();
}

fn triples() -> impl Strategy<Value = Vec<(String, String, String)>> {
    prop::collection::vec(("s[0-5]", "o[0-3]", "v[0-3]"), 1..40)
}

fn all_options() -> Vec<TruthOptions> {
    let mut v: Vec<TruthOptions> = Algorithm::ALL.iter().map(|&a| TruthOptions::new(a)).collect();
    v.push(TruthOptions::new(Algorithm::TruthFinder).with_similarity(Similarity::Jaccard));
    v.push(TruthOptions::new(Algorithm::Crh).with_similarity(Similarity::Jaccard));
    v.push(TruthOptions::new(Algorithm::TruthFinder).with_convergence(Convergence::MaxChange));
    v.push(TruthOptions::new(Algorithm::Crh).with_convergence(Convergence::Cosine));
    v
}

#[test]
fn convergence_measures() {
    let max = Convergence::MaxChange;
    let cos = Convergence::Cosine;
    // |0.5 − 0.2| is the largest move.
    assert!(close(max.change(&[1.0, 0.5], &[0.9, 0.2]), 0.3));
    // A common rescaling does not move the direction: cosine distance 0, max change 0.5.
    assert!(close(cos.change(&[1.0, 0.5], &[0.5, 0.25]), 0.0));
    assert!(close(max.change(&[1.0, 0.5], &[0.5, 0.25]), 0.5));
    // Orthogonal vectors: 1 − 0.
    assert!(close(cos.change(&[1.0, 0.0], &[0.0, 2.0]), 1.0));
    // (1, 1) against (1, 0): cos = 1 / √2.
    assert!(close(cos.change(&[1.0, 1.0], &[1.0, 0.0]), 1.0 - 1.0 / 2f64.sqrt()));
    // Zero vectors: unmoved against themselves, as far as can be against anything else.
    assert_eq!(cos.change(&[0.0, 0.0], &[0.0, 0.0]), 0.0);
    assert_eq!(cos.change(&[0.0, 0.0], &[0.0, 1.0]), 1.0);
    assert_eq!(cos.change(&[], &[]), 0.0);
}

#[test]
fn convergence_defaults_and_names() {
    assert_eq!(TruthOptions::new(Algorithm::TruthFinder).convergence, Convergence::Cosine);
    for a in [Algorithm::MajorityVote, Algorithm::Sums, Algorithm::AverageLog, Algorithm::Crh] {
        assert_eq!(TruthOptions::new(a).convergence, Convergence::MaxChange, "{a:?}");
    }
    for (name, want) in [
        ("max-change", Convergence::MaxChange),
        ("MAX_CHANGE", Convergence::MaxChange),
        ("cosine", Convergence::Cosine),
    ] {
        assert_eq!(Convergence::from_name(name).unwrap(), want);
        assert_eq!(Convergence::from_name(want.name()).unwrap(), want);
    }
    let e = Convergence::from_name("l2").unwrap_err();
    assert!(e.to_string().contains("max-change, cosine"), "{e}");
}

/// TruthFinder on the small case: from the uniform 0.9 the first iteration moves the trust
/// vector's length by more than 0.01 but hardly its direction, so a cosine tolerance of 0.01
/// stops it after one iteration while a max-change tolerance of 0.01 does not.
#[test]
fn truth_finder_stops_by_the_chosen_measure() {
    let d = small();
    let base = TruthOptions::new(Algorithm::TruthFinder).with_tolerance(0.01);
    let cosine = d.discover(&base.clone());
    assert_eq!((cosine.iterations(), cosine.converged()), (1, true));
    let max = d.discover(&base.with_convergence(Convergence::MaxChange));
    assert!(max.iterations() > 1 && max.converged());
    assert_eq!(cosine.truth("x").unwrap().value, max.truth("x").unwrap().value);
}

proptest! {
    #[test]
    fn trust_and_confidence_stay_in_range(t in triples()) {
        let d = Dataset::from_triples(t.iter().map(|(s, o, v)| (s.as_str(), o.as_str(), v.as_str())));
        for options in all_options() {
            let r = d.discover(&options);
            for (_, trust) in r.trust() {
                prop_assert!((0.0..=1.0).contains(&trust));
            }
            for truth in r.truths() {
                prop_assert!((0.0..=1.0).contains(&truth.confidence));
                prop_assert!((0.0..=1.0).contains(&truth.share));
                prop_assert!(truth.support >= 1);
            }
            prop_assert!(r.iterations() >= 1 && r.iterations() <= options.max_iterations);
        }
    }

    #[test]
    fn input_order_changes_nothing(t in triples(), seed in any::<u64>()) {
        let mut shuffled = t.clone();
        // A Fisher-Yates shuffle driven by a small LCG.
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let j = (state >> 33) as usize % (i + 1);
            shuffled.swap(i, j);
        }
        let a = Dataset::from_triples(t.iter().map(|(s, o, v)| (s.as_str(), o.as_str(), v.as_str())));
        let b = Dataset::from_triples(shuffled.iter().map(|(s, o, v)| (s.as_str(), o.as_str(), v.as_str())));
        for options in all_options() {
            let (ra, rb) = (a.discover(&options), b.discover(&options));
            let ta: Vec<(String, String, u64)> = ra.truths().map(|t| (t.object.to_owned(), t.value.to_owned(), t.confidence.to_bits())).collect();
            let tb: Vec<(String, String, u64)> = rb.truths().map(|t| (t.object.to_owned(), t.value.to_owned(), t.confidence.to_bits())).collect();
            prop_assert_eq!(ta, tb);
            let sa: Vec<(String, u64)> = ra.trust().map(|(s, t)| (s.to_owned(), t.to_bits())).collect();
            let sb: Vec<(String, u64)> = rb.trust().map(|(s, t)| (s.to_owned(), t.to_bits())).collect();
            prop_assert_eq!(sa, sb);
            prop_assert_eq!(ra.iterations(), rb.iterations());
        }
    }
}

/// Found by `trust_and_confidence_stay_in_range`: a source repeating "v2" twice and giving "v0"
/// once keeps "v2" only, so "v0" has no support and must never be chosen, whatever the algorithm
/// (several score both values 0 and would otherwise break the tie towards "v0").
#[test]
fn a_value_no_source_keeps_is_never_chosen() {
    let d = Dataset::from_triples([("s1", "o3", "v2"), ("s1", "o3", "v2"), ("s1", "o3", "v0")]);
    for options in all_options() {
        let r = d.discover(&options);
        let truths: Vec<_> = r.truths().collect();
        assert_eq!(truths.len(), 1);
        assert_eq!(truths[0].value, "v2", "{:?}", options.algorithm);
        assert_eq!(truths[0].support, 1);
    }
}

/// `a` and `b` (both in `[0, 1]`) agree to `rel` of the larger or to `1e-12`: far below the
/// largest score of a run, an underflow in one form of a product is a tiny number in another.
fn near(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs()) || (a - b).abs() < 1e-12
}

/// Runs the restructured algorithms and the textbook loops of `reference` and compares them:
/// bit for bit where the arithmetic is the same (majority vote, CRH), within `1e-8` relative where
/// `fastmath`, Investment's factored payback or the fused passes (Sums, Average.Log, Investment,
/// TruthFinder) round differently.
fn check_against_reference(d: &Dataset) -> std::result::Result<(), String> {
    for options in all_options() {
        let fast = algorithms::run(d, &options);
        let slow = reference::run(d, &options);
        let name = format!("{:?}/{:?}", options.algorithm, options.similarity);
        if (fast.iterations, fast.converged) != (slow.iterations, slow.converged) {
            return Err(format!("{name}: iterations {} vs {}", fast.iterations, slow.iterations));
        }
        let exact = matches!(options.algorithm, Algorithm::MajorityVote | Algorithm::Crh);
        for (what, a, b) in [("trust", &fast.trust, &slow.trust), ("belief", &fast.belief, &slow.belief)] {
            for (i, (x, y)) in a.iter().zip(b.iter()).enumerate() {
                // 1e-8: TruthFinder's `−ln(1 − t)` amplifies the last bits of a trust near 1; on
                // one thread (no `parallel` feature) the 200,000-source case drifts 1.5e-9.
                let same = if exact { x == y } else { near(*x, *y, 1e-8) };
                if !same {
                    return Err(format!("{name}: {what}[{i}] {x} vs {y}"));
                }
            }
        }
        // The chosen values agree wherever the reference's winner is clear.
        for ob in 0..d.objects().len() {
            let range = d.facts_of_object(ob);
            let chosen = reference::argmax(d, &slow.belief, range.clone());
            let clear = range.clone().all(|f| f == chosen || !near(slow.belief[f], slow.belief[chosen], 1e-9));
            if clear && algorithms::argmax(d, &fast.belief, range) != chosen {
                return Err(format!("{name}: object {ob} chose differently"));
            }
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn restructured_algorithms_match_the_textbook_loops(t in prop::collection::vec(("s[0-9]", "o[0-9]", "v[0-4]"), 1..120)) {
        let d = Dataset::from_triples(t.iter().map(|(s, o, v)| (s.as_str(), o.as_str(), v.as_str())));
        if let Err(e) = check_against_reference(&d) {
            prop_assert!(false, "{}", e);
        }
    }
}

/// A dataset large enough for the parallel passes ([`passes::PARALLEL_MIN_CLAIMS`]): 7 claims
/// per object by sources drawn from `0..n_sources` (a 64-bit LCG seeded with `seed`), each giving
/// the first value with probability `right(source)` percent, else one of three others.
fn parallel_sized(seed: u64, n_sources: u64, right: impl Fn(u64) -> u64) -> Dataset {
    let mut state = seed;
    let mut next = move || {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        state >> 33
    };
    let mut triples = Vec::new();
    for o in 0..(passes::PARALLEL_MIN_CLAIMS / 6) {
        for _ in 0..7 {
            let s = next() % n_sources;
            let v = if next() % 100 < right(s) { 0 } else { 1 + next() % 3 };
            triples.push((format!("s{s}"), format!("o{o}"), format!("v{v}")));
        }
    }
    let d = Dataset::from_triples(triples.iter().map(|(s, o, v)| (s.as_str(), o.as_str(), v.as_str())));
    assert!(d.n_claims() >= passes::PARALLEL_MIN_CLAIMS);
    d
}

#[test]
fn parallel_passes_match_the_textbook_loops() {
    check_against_reference(&parallel_sized(7, 300, |s| 30 + s / 5)).unwrap();
}

/// More sources than 16-bit numbers hold (the passes' wide layout) on a parallel-sized dataset,
/// where each source has so few claims that the fused passes take their per-fact array path.
#[test]
fn many_sources_match_the_textbook_loops() {
    let d = parallel_sized(11, 200_000, |_| 60);
    assert!(d.sources().len() > 1 << 16);
    check_against_reference(&d).unwrap();
}

fn same_index(a: &Dataset, b: &Dataset) -> bool {
    (
        &a.sources,
        &a.objects,
        &a.values,
        &a.index.object_start,
        &a.index.fact_start,
        &a.index.fact_sources,
        &a.index.source_start,
        &a.index.source_facts,
        a.observations,
    ) == (
        &b.sources,
        &b.objects,
        &b.values,
        &b.index.object_start,
        &b.index.fact_start,
        &b.index.fact_sources,
        &b.index.source_start,
        &b.index.source_facts,
        b.observations,
    )
}

fn author_claims() -> impl Strategy<Value = Vec<(String, String, String)>> {
    let authors = prop::sample::select(vec![
        "Knuth, Donald E.",
        "Donald E. Knuth",
        "KNUTH, DONALD",
        "Peter Aiken, M. David Allen",
        "Aiken, Peter/ Allen, David M.",
        "AIKEN, PETER ALLEN, M.D.",
        "Not Available",
        "",
        "Lientz Bennet,Rea Kathryn",
        "Lientz, Bennet P.; Rea, Kathryn P.",
        "LIENTZ, BENNETREA, KATHRYN",
        "Zo&eacute; Lacroix and Terence Critchlow",
        "Édith Piaf (Foreword)",
        "Ben-Ari, M.",
    ]);
    prop::collection::vec(("s[0-5]", "o[0-2]", authors.prop_map(str::to_owned)), 0..40)
}

proptest! {
    /// `Dataset::from_triples_normalized` (the fast path) builds the index that normalising
    /// observations and indexing them builds.
    #[test]
    fn normalizing_while_indexing_changes_nothing(t in author_claims()) {
        let obs: Vec<Observation> = t.iter().map(|(s, o, v)| Observation::new(s, o, v)).collect();
        for normalizer in [Normalizer::AuthorNames, Normalizer::Text, Normalizer::Exact, Normalizer::Number] {
            let slow = Dataset::new(&normalize(&obs, &normalizer));
            let fast = Dataset::from_triples_normalized(t.iter().map(|(s, o, v)| (s.as_str(), o.as_str(), v.as_str())), &normalizer);
            prop_assert!(same_index(&slow, &fast), "{:?}", normalizer);
        }
    }
}

/// A claims file above [`PARALLEL_MIN_TEXT`]: 4,000 lines about 400 books, with short and empty
/// lines.
fn big_tsv() -> String {
    let authors = [
        "Knuth, Donald E.",
        "Donald E. Knuth",
        "KNUTH, DONALD",
        "Peter Aiken, M. David Allen",
        "Aiken, Peter/ Allen, David M.",
        "Not Available",
        "",
        "Lientz Bennet,Rea Kathryn",
        "LIENTZ, BENNETREA, KATHRYN",
        "Zo&eacute; Lacroix and Terence Critchlow",
        "Édith Piaf (Foreword)",
        "Ben-Ari, M.",
    ];
    let mut text = String::new();
    let mut x = 12345u64;
    for i in 0..4000u64 {
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        let a = authors[(x >> 33) as usize % authors.len()];
        text.push_str(&format!("source{}\tisbn{:04}\tA title of some length\t{a}\r\n", (x >> 20) % 37, i / 10));
        if i % 997 == 0 {
            text.push_str("a short line\n\n");
        }
    }
    assert!(text.len() >= PARALLEL_MIN_TEXT);
    text
}

#[test]
fn tsv_split_at_a_line_reads_every_line() {
    for text in [big_tsv(), String::new(), "no line end".to_owned(), "a\tb\n".to_owned(), "x\ny\nz".to_owned()] {
        let (a, b) = tsv::split_at_line(&text);
        assert!(b.is_empty() || a.ends_with('\n'));
        let both: Vec<_> = tsv_lines::<4>(a).chain(tsv_lines::<4>(b)).collect();
        assert_eq!(both, tsv_lines::<4>(&text).collect::<Vec<_>>());
    }
}

/// Reading a large text in two halves on two threads builds the dataset that reading it in one
/// pass builds, with one thread or two, for every normaliser.
#[test]
fn large_tsv_reads_alike_on_any_number_of_threads() {
    let text = big_tsv();
    for normalizer in [Normalizer::AuthorNames, Normalizer::Text, Normalizer::Exact] {
        let lines = tsv_lines::<4>(&text).filter(|l| l.1 >= 4).map(|(f, _)| (f[0], f[1], f[3]));
        let one_pass = Dataset::from_triples_normalized(lines, &normalizer);
        assert!(one_pass.n_claims() > 1000);
        for threads in [1, 2] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("a pool");
            let d = pool.install(|| Dataset::from_tsv_normalized(&text, [0, 1, 3], &normalizer));
            assert!(same_index(&one_pass, &d), "{normalizer:?}, {threads} threads");
        }
    }
    // The lines counted and the first short one found alike in two halves and in one pass.
    let lines: Vec<usize> = tsv_lines::<4>(&text).map(|l| l.1).collect();
    let first_short = lines.iter().position(|&n| n < 4).map(|i| (i, lines[i]));
    assert!(first_short.is_some());
    for normalizer in [Normalizer::AuthorNames, Normalizer::Exact] {
        let (_, read) = Dataset::from_tsv_normalized_counted(&text, [0, 1, 3], &normalizer);
        assert_eq!(read, TsvRead { lines: lines.len(), first_short });
    }
    // A short line only in the second half.
    let (a, b) = tsv::split_at_line(&text);
    let clean: String = a.lines().filter(|l| l.split('\t').count() >= 4).map(|l| format!("{l}\n")).collect();
    let text2 = format!("{clean}{b}");
    let (a2, _) = tsv::split_at_line(&text2);
    assert!(tsv_lines::<4>(a2).all(|l| l.1 >= 4), "the short lines are in the second half");
    let lines: Vec<usize> = tsv_lines::<4>(&text2).map(|l| l.1).collect();
    let first_short = lines.iter().position(|&n| n < 4).map(|i| (i, lines[i]));
    let (_, read) = Dataset::from_tsv_normalized_counted(&text2, [0, 1, 3], &Normalizer::AuthorNames);
    assert_eq!(read, TsvRead { lines: lines.len(), first_short });
    // Columns in another order, and beyond the fourth.
    let wide: String = tsv_lines::<4>(&text)
        .filter(|l| l.1 >= 4)
        .map(|(f, _)| format!("{}\tx\ty\tz\t{}\t{}\n", f[3], f[1], f[0]))
        .collect();
    let a = Dataset::from_tsv_normalized(&text, [0, 1, 3], &Normalizer::AuthorNames);
    let b = Dataset::from_tsv_normalized(&wide, [5, 4, 0], &Normalizer::AuthorNames);
    assert!(same_index(&a, &b));
}

#[test]
fn empty_datasets_run() {
    for d in [
        Dataset::default(),
        Dataset::from_triples(std::iter::empty()),
        Dataset::from_triples_normalized(std::iter::empty(), &Normalizer::AuthorNames),
    ] {
        for options in all_options() {
            let r = d.discover(&options);
            assert_eq!(r.truths().len(), 0);
            assert_eq!(r.trust().len(), 0);
        }
    }
}

/// The reported choice: beliefs within `TIE_TOLERANCE` of the largest tie, and a tie goes to the
/// value most sources claim, then to the first in sorted order.
#[test]
fn near_ties_go_to_the_better_supported_value() {
    // o: "a" claimed by s1, "b" by s2 and s3.
    let d = Dataset::from_triples([("s1", "o", "a"), ("s2", "o", "b"), ("s3", "o", "b")]);
    let range = d.facts_of_object(0);
    assert_eq!(d.values_of("o"), Some(&["a".to_owned(), "b".to_owned()][..]));
    // (belief of a, belief of b, chosen fact)
    let table: &[(f64, f64, usize)] = &[
        (1.0, 1.0, 1),         // exact tie: more support
        (1.0, 1.0 - 1e-12, 1), // within rounding: more support
        (0.5, 0.5 - 1e-11, 1), // relative, not absolute
        (1.0, 0.999, 0),       // a real difference: the larger belief
        (0.0, 0.0, 1),         // all zero: still the better supported
        (0.3, 0.6, 1),
    ];
    for &(a, b, want) in table {
        assert_eq!(algorithms::choose(&d, &[a, b], range.clone()), want, "{a} {b}");
    }
    // Equal support and a tie: the first value in sorted order.
    let d = Dataset::from_triples([("s1", "o", "a"), ("s2", "o", "b")]);
    assert_eq!(algorithms::choose(&d, &[0.7, 0.7 + 1e-13], d.facts_of_object(0)), 0);
    assert_eq!(algorithms::choose(&d, &[0.7, 0.8], d.facts_of_object(0)), 1);
}

/// A file of this session's name in the temporary directory, removed when dropped.
struct TempFile(std::path::PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> Self {
        let path = std::env::temp_dir().join(format!("veracity-truth-{}-{name}", std::process::id()));
        std::fs::write(&path, bytes).expect("a writable temporary directory");
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Reading a file (in two halves on two threads when it is large) builds the dataset that
/// `from_tsv_normalized` builds on its text read whole, for every normaliser and pool size,
/// whatever the bytes around the middle are.
#[test]
fn files_read_in_halves_like_their_text() {
    let big = big_tsv().replace("\tA title of some length\t", "\tA title\t");
    let clean: String = big.split_inclusive('\n').filter(|l| l.split('\t').count() >= 4).collect();
    assert!(clean.len() >= PARALLEL_MIN_TEXT);
    let mid = clean.len() / 2;
    let mut texts: Vec<(&str, Vec<u8>)> = vec![
        ("clean", clean.clone().into_bytes()),
        ("small", b"s1\tb1\tt\tKnuth, Donald\r\ns2\tb1\tt\tDonald E. Knuth".to_vec()),
        ("empty", Vec::new()),
    ];
    // A line end exactly at the middle, just before it and just after it.
    for (name, at) in [("at-mid", mid), ("before-mid", mid - 1), ("after-mid", mid + 1)] {
        let mut b = clean.as_bytes().to_vec();
        let line = b[at..].iter().position(|&c| c == b'\n').expect("a later line end") + at;
        b.remove(line);
        b.insert(at, b'\n');
        // Keep every line four fields long: the moved line end splits a title, not a field.
        let text = String::from_utf8_lossy(&b).into_owned();
        let fixed: String = text
            .split_inclusive('\n')
            .map(|l| if l.split('\t').count() >= 4 { l.to_owned() } else { format!("x\ty\tz\t{l}") })
            .collect();
        texts.push((name, fixed.into_bytes()));
    }
    // Not UTF-8 on both sides of the middle, and no line end after the middle.
    let mut latin = clean.as_bytes().to_vec();
    latin.splice(10..10, [0xe9, b' ']);
    latin.splice(mid + 10..mid + 10, [0xff, 0xc3]);
    texts.push(("latin-1", latin));
    let mut one_line = clean.as_bytes()[..mid / 2].to_vec();
    one_line.extend(std::iter::repeat_n(b'a', mid));
    one_line.extend_from_slice(b"\tb\tc\td");
    texts.push(("long-last-line", one_line));
    for (name, bytes) in &texts {
        let file = TempFile::new(name, bytes);
        let text = String::from_utf8_lossy(bytes);
        for normalizer in [Normalizer::AuthorNames, Normalizer::Exact] {
            let want = Dataset::from_tsv_normalized(&text, [0, 1, 3], &normalizer);
            for threads in [1, 2] {
                let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("a pool");
                let got = pool.install(|| Dataset::read_tsv_normalized(&file.0, [0, 1, 3], &normalizer));
                let got = got.unwrap_or_else(|e| panic!("{name}: {e}"));
                assert!(same_index(&want, &got), "{name}, {normalizer:?}, {threads} threads");
            }
        }
    }
}

/// A short line is an error naming the file and its line, in either half; so are an unreadable
/// file and a column past the eighth.
#[test]
fn file_errors_name_the_file_and_line() {
    let clean: String = big_tsv().split_inclusive('\n').filter(|l| l.split('\t').count() >= 4).collect();
    let lines: Vec<&str> = clean.split_inclusive('\n').collect();
    let n = lines.len();
    for (name, at) in [("first-half", 7), ("second-half", n - 5)] {
        let mut with_short: Vec<&str> = lines.clone();
        with_short.insert(at, "\r\n");
        with_short.insert(at + 1, "short\tline\r\n");
        let text = with_short.concat();
        let file = TempFile::new(name, text.as_bytes());
        for threads in [1, 2] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("a pool");
            let err = pool
                .install(|| Dataset::read_tsv_normalized(&file.0, [0, 1, 3], &Normalizer::AuthorNames))
                .expect_err("a short line");
            assert_eq!(err.kind(), crate::ErrorKind::InvalidRecord);
            let want = format!("{}:{}: expected at least 4 tab-separated fields, got 2", file.0.display(), at + 2);
            assert!(err.to_string().ends_with(&want), "{name}, {threads} threads: {err}");
        }
    }
    let missing = std::env::temp_dir().join("veracity-truth-no-such-file.tsv");
    let err = Dataset::read_tsv_normalized(&missing, [0, 1, 2], &Normalizer::Exact).expect_err("no file");
    assert_eq!(err.kind(), crate::ErrorKind::Io);
    let err = Dataset::read_tsv_normalized(&missing, [0, 1, 8], &Normalizer::Exact).expect_err("column 8");
    assert_eq!(err.kind(), crate::ErrorKind::InvalidOption);
}
