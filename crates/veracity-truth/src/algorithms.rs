//! The algorithms, on the indexed [`Dataset`]. Each returns a belief per fact and a trust per
//! source, both in `[0, 1]`.
//!
//! Every iteration is a few passes over the claim index, all of them over the fact-major arrays
//! (`fact_start`, `fact_sources`): a *gather* computes a per-fact sum of per-source numbers
//! (`B(f) = Σ_{s ∈ S(f)} T(s)`), a *scatter* adds per-fact numbers into the per-source sums
//! (`T(s) = Σ_{f ∈ F(s)} B(f)`). The per-source array (one `f64` per source) stays in L1 while the
//! claims stream through once, so no pass reads the large per-fact arrays at random. A scatter
//! visits the facts of each source in increasing order, the order of the source-major index, so
//! its sums are bit for bit those of the textbook loop. With the `parallel` feature, on datasets
//! of at least [`PARALLEL_MIN_CLAIMS`] claims the gathers and the element-wise passes run on the
//! rayon pool in fixed chunks of facts (each fact's sum still in source order, so the results do
//! not depend on the number of threads).

use super::dataset::Dataset;
use super::fastmath;
use super::options::{Algorithm, TruthOptions};
use super::passes::PARALLEL_MIN_CLAIMS;
use super::values::Similarity;
use super::values::parse_number;

pub(super) struct Scores {
    pub(super) trust: Vec<f64>,
    pub(super) belief: Vec<f64>,
    pub(super) iterations: usize,
    pub(super) converged: bool,
}

/// Facts per parallel chunk.
#[cfg(feature = "parallel")]
const CHUNK: usize = 1 << 14;

pub(super) fn run(d: &Dataset, o: &TruthOptions) -> Scores {
    match o.algorithm {
        Algorithm::MajorityVote => majority(d),
        Algorithm::Sums => sums(d, o, false),
        Algorithm::AverageLog => sums(d, o, true),
        Algorithm::Investment => investment(d, o, false),
        Algorithm::PooledInvestment => investment(d, o, true),
        Algorithm::TruthFinder => truth_finder(d, o),
        Algorithm::Crh => crh(d, o),
    }
}

#[cfg_attr(not(feature = "parallel"), allow(dead_code))]
fn parallel(d: &Dataset) -> bool {
    cfg!(feature = "parallel") && d.n_claims() >= PARALLEL_MIN_CLAIMS
}

/// `f(first, chunk)` over `v` in chunks of facts, on the rayon pool for large datasets; returns
/// the largest of the chunks' results and 0.
fn for_chunks<F>(d: &Dataset, v: &mut [f64], f: F) -> f64
where
    F: Fn(usize, &mut [f64]) -> f64 + Sync + Send,
{
    #[cfg(feature = "parallel")]
    if parallel(d) {
        use rayon::prelude::*;
        return v.par_chunks_mut(CHUNK).enumerate().map(|(i, c)| f(i * CHUNK, c)).reduce(|| 0.0, f64::max);
    }
    let _ = d;
    f(0, v).max(0.0)
}

/// Objects per chunk of the per-object passes.
const OBJECT_CHUNK: usize = 1 << 13;

/// `f(objects, first_fact, facts)` over chunks of whole objects, `facts` being the part of `v`
/// that holds their facts (from `first_fact`); on the rayon pool for large datasets. Returns the
/// largest of the chunks' results and 0.
fn for_objects<F>(d: &Dataset, v: &mut [f64], f: F) -> f64
where
    F: Fn(std::ops::Range<usize>, usize, &mut [f64]) -> f64 + Sync + Send,
{
    let n = n_objects(d);
    #[cfg(feature = "parallel")]
    if parallel(d) {
        use rayon::prelude::*;
        let mut chunks: Vec<(std::ops::Range<usize>, usize, &mut [f64])> = Vec::with_capacity(n / OBJECT_CHUNK + 1);
        let mut rest = v;
        let mut first = 0;
        while first < n {
            let end = (first + OBJECT_CHUNK).min(n);
            let (lo, hi) = (d.index.object_start[first] as usize, d.index.object_start[end] as usize);
            let (head, tail) = rest.split_at_mut(hi - lo);
            chunks.push((first..end, lo, head));
            rest = tail;
            first = end;
        }
        return chunks.into_par_iter().map(|(objects, lo, facts)| f(objects, lo, facts)).reduce(|| 0.0, f64::max);
    }
    f(0..n, 0, v).max(0.0)
}

/// `fill(first, chunk)` over `v` in chunks of `chunk` items (`first` the chunk's first index), on
/// the rayon pool for large datasets; each item is computed alone, so the result is the same.
fn fill_in_chunks<T: Send>(d: &Dataset, v: &mut [T], chunk: usize, fill: impl Fn(usize, &mut [T]) + Sync) {
    #[cfg(feature = "parallel")]
    if parallel(d) {
        use rayon::prelude::*;
        v.par_chunks_mut(chunk).enumerate().for_each(|(i, c)| fill(i * chunk, c));
        return;
    }
    let _ = (d, chunk);
    fill(0, v);
}

/// The chosen fact of every object ([`choose`]), on the rayon pool for large datasets.
pub(crate) fn choose_all(d: &Dataset, belief: &[f64]) -> Vec<u32> {
    let mut chosen = vec![0u32; n_objects(d)];
    fill_in_chunks(d, &mut chosen, OBJECT_CHUNK, |first, out| {
        for (o, c) in (first..).zip(out.iter_mut()) {
            *c = choose(d, belief, d.facts_of_object(o)) as u32;
        }
    });
    chosen
}

/// Each source's share of claims on a `chosen` fact (majority vote's trust), on the rayon pool
/// for large datasets.
pub(crate) fn won_shares(d: &Dataset, chosen: &[u32]) -> Vec<f64> {
    let mut won = vec![false; d.n_facts()];
    for &f in chosen {
        won[f as usize] = true;
    }
    let mut shares = vec![0.0; d.sources.len()];
    // Sources are few next to claims: a chunk per 64 sources.
    fill_in_chunks(d, &mut shares, 64, |first, out| {
        for (s, x) in (first..).zip(out.iter_mut()) {
            let facts = d.facts_of_source(s);
            *x = facts.iter().filter(|&&f| won[f as usize]).count() as f64 / facts.len().max(1) as f64;
        }
    });
    shares
}

/// Divides by `max` when it is positive and finite, so the largest becomes 1 (all zeros stay
/// zeros).
fn scale_by(d: &Dataset, v: &mut [f64], max: f64) {
    if max > 0.0 && max.is_finite() {
        for_chunks(d, v, |_, c| {
            for x in c.iter_mut() {
                *x /= max;
            }
            0.0
        });
    }
}

/// Divides by the largest value, so the largest becomes 1 (all zeros stay zeros).
fn scale_to_max(v: &mut [f64]) {
    let max = max_of(v);
    if max > 0.0 && max.is_finite() {
        for x in v.iter_mut() {
            *x /= max;
        }
    }
}

/// The largest value and 0, in four independent lanes (one `max` chain waits on the previous
/// one; the result does not depend on the order, `f64::max` ignores NaN either way).
fn max_of(v: &[f64]) -> f64 {
    let mut lanes = [0.0f64; 4];
    let mut chunks = v.chunks_exact(4);
    for c in &mut chunks {
        for (l, &x) in lanes.iter_mut().zip(c) {
            *l = l.max(x);
        }
    }
    chunks.remainder().iter().fold(lanes[0].max(lanes[1]).max(lanes[2].max(lanes[3])), |m, &x| m.max(x))
}

fn n_objects(d: &Dataset) -> usize {
    d.index.object_start.len().saturating_sub(1)
}

/// Gather: `out[f] = Σ_{s ∈ S(f)} x[s]` (see `passes.rs`); returns the largest sum (at least 0).
fn gather(d: &Dataset, x: &[f64], out: &mut [f64]) -> f64 {
    d.index.passes().gather(x, out)
}

/// Scatter: `out[s] = Σ_{f ∈ F(s)} v[f]` (see `passes.rs`).
fn scatter(d: &Dataset, v: &[f64], out: &mut [f64]) {
    d.index.passes().scatter(v, out);
}

/// Share of each object's votes that each value got.
fn vote_shares(d: &Dataset) -> Vec<f64> {
    let mut belief = vec![0.0; d.n_facts()];
    for_objects(d, &mut belief, |objects, base, belief| {
        for o in objects {
            let range = d.facts_of_object(o);
            let total: usize = range.clone().map(|f| d.sources_of_fact(f).len()).sum();
            for f in range {
                belief[f - base] = d.sources_of_fact(f).len() as f64 / total.max(1) as f64;
            }
        }
        0.0
    });
    belief
}

/// `1 / |values of the object|` for every value.
fn uniform(d: &Dataset) -> Vec<f64> {
    let mut belief = vec![0.0; d.n_facts()];
    for o in 0..n_objects(d) {
        let range = d.facts_of_object(o);
        let k = range.len() as f64;
        for f in range {
            belief[f] = 1.0 / k;
        }
    }
    belief
}

/// Number of claims of each source.
fn claim_counts(d: &Dataset) -> Vec<usize> {
    d.index.source_start.windows(2).map(|w| (w[1] - w[0]) as usize).collect()
}

fn majority(d: &Dataset) -> Scores {
    Scores { trust: vec![1.0; d.sources.len()], belief: vote_shares(d), iterations: 1, converged: true }
}

/// Sums (hubs and authorities) and Average.Log (Pasternack & Roth 2010). Beliefs start at the
/// fixed prior 0.5; each iteration computes trust from belief, then belief from trust.
///
/// Trust from the beliefs is linear in the beliefs, and both are rescaled to a largest of 1, so
/// the beliefs' rescaling cancels in the trust: from the second iteration on, the trust is the
/// rescaled scatter of the *unscaled* gather of the previous trust, one
/// [`Passes::fused`](super::passes::Passes::fused) pass that reads the claims once (equal to the
/// two passes up to rounding). The beliefs are computed once, from the final trust.
fn sums(d: &Dataset, o: &TruthOptions, average_log: bool) -> Scores {
    let n_sources = d.sources.len();
    let counts = claim_counts(d);
    let mut trust = vec![0.0; n_sources];
    let mut belief = vec![0.5; d.n_facts()];
    let mut next = vec![0.0; n_sources];
    let mut iterations = 0;
    let mut converged = false;
    while iterations < o.max_iterations {
        iterations += 1;
        if iterations == 1 {
            scatter(d, &belief, &mut next);
        } else {
            d.index.passes().fused(&trust, &mut [], &mut next, |_, _, _| {});
        }
        if average_log {
            for (t, &n) in next.iter_mut().zip(&counts) {
                let n = n as f64;
                *t = if n > 0.0 { n.ln() * *t / n } else { 0.0 };
            }
        }
        scale_to_max(&mut next);
        if settle(&mut trust, &mut next, o) {
            converged = true;
            break;
        }
    }
    if iterations > 0 {
        let max = gather(d, &trust, &mut belief);
        scale_by(d, &mut belief, max);
    }
    Scores { trust, belief, iterations, converged }
}

/// Investment and PooledInvestment (Pasternack & Roth 2010). A source invests its trust in equal
/// stakes `T(s) / |F(s)|`; each claim collects `H(f) = Σ stakes` and pays back its belief in
/// proportion: `T(s) = Σ_f B(f) · stake(s) / H(f)`, computed as `stake(s) · Σ_f B(f) / H(f)`
/// (one scatter of `B / H`, equal up to rounding).
///
/// The first iteration pays back the initial beliefs. From the second on, `B / H` depends only on
/// the stakes, so the gather of `H`, the growth `G(H) = H^g` and the scatter of `B / H` are one
/// [`Passes::fused`](super::passes::Passes::fused) pass: `B / H = H^(g − 1)` for Investment and
/// `G(H) / Σ_{f' of the object} G(H(f'))` for PooledInvestment. The rescaling of the beliefs to
/// a largest of 1 is left out there: the trust is rescaled to a largest of 1 right after, which
/// cancels any common factor. The beliefs are computed once, from the final stakes.
fn investment(d: &Dataset, o: &TruthOptions, pooled: bool) -> Scores {
    let g = if pooled { o.params.pooled_investment_g } else { o.params.investment_g };
    let n_sources = d.sources.len();
    let claims: Vec<f64> = claim_counts(d).into_iter().map(|n| n.max(1) as f64).collect();
    let mut trust = vec![1.0; n_sources];
    // Investment starts from the vote shares, PooledInvestment from a uniform belief per object.
    let mut belief = if pooled { uniform(d) } else { vote_shares(d) };
    let mut stake: Vec<f64> = trust.iter().zip(&claims).map(|(t, c)| t / c).collect();
    let mut invested = vec![0.0; d.n_facts()];
    gather(d, &stake, &mut invested);
    let mut next = vec![0.0; n_sources];
    let mut iterations = 0;
    let mut converged = false;
    while iterations < o.max_iterations {
        iterations += 1;
        if iterations == 1 {
            // What each unit of stake in a claim earns back, from the initial beliefs.
            let mut work = vec![0.0; d.n_facts()];
            for_chunks(d, &mut work, |first, chunk| {
                let (b, h) = (&belief[first..first + chunk.len()], &invested[first..first + chunk.len()]);
                for ((w, &b), &h) in chunk.iter_mut().zip(b).zip(h) {
                    *w = if h > 0.0 { b / h } else { 0.0 };
                }
                0.0
            });
            scatter(d, &work, &mut next);
        } else {
            d.index.passes().fused(&stake, &mut [], &mut next, |block, sums, _| {
                if pooled {
                    pooled_payback(block, sums, g);
                } else {
                    fastmath::payback_in_place(sums, g);
                }
            });
        }
        for (t, s) in next.iter_mut().zip(&stake) {
            *t *= s;
        }
        scale_to_max(&mut next);
        // The new stakes (they are also the next iteration's).
        for ((s, t), c) in stake.iter_mut().zip(&next).zip(&claims) {
            *s = t / c;
        }
        if settle(&mut trust, &mut next, o) {
            converged = true;
            break;
        }
    }
    if iterations > 0 {
        // The beliefs of the final stakes, grown by G(x) = x^g.
        gather(d, &stake, &mut invested);
        let max = if pooled {
            // G(H) into `belief`, then each object's pool, a chunk of objects at a time.
            for_objects(d, &mut belief, |objects, base, belief| {
                let h = &invested[base..base + belief.len()];
                fastmath::pow_slice(h, g, belief);
                for ob in objects {
                    let range = d.facts_of_object(ob);
                    let local = range.start - base..range.end - base;
                    let pool: f64 = belief[local.clone()].iter().sum();
                    for f in local {
                        belief[f] = if pool > 0.0 { h[f] * belief[f] / pool } else { 0.0 };
                    }
                }
                max_of(belief)
            })
        } else {
            for_chunks(d, &mut belief, |first, chunk| {
                let h = &invested[first..first + chunk.len()];
                // Two loops: the first vectorises only without the (NaN-aware) max.
                fastmath::pow_slice(h, g, chunk);
                max_of(chunk)
            })
        };
        scale_by(d, &mut belief, max);
    }
    Scores { trust, belief, iterations, converged }
}

/// PooledInvestment's payback per unit of stake, `B(f) / H(f) = G(H(f)) / Σ_{f' of the object}
/// G(H(f'))` with `G(x) = x^g`, in place over a fused pass's sums (0 where the pool is empty).
fn pooled_payback(block: &super::passes::Block<'_>, sums: &mut [f64], g: f64) {
    fastmath::pow_in_place(sums, g);
    let mut pool = vec![0.0f64; block.n_objects];
    for (&ob, &x) in block.objects.iter().zip(sums.iter()) {
        pool[ob as usize] += x;
    }
    for (&ob, x) in block.objects.iter().zip(sums.iter_mut()) {
        let p = pool[ob as usize];
        *x = if p > 0.0 { *x / p } else { 0.0 };
    }
}

/// Pairwise similarity of the values of each object, row-major per object; `None` for exact
/// similarity.
struct SimilarityTable {
    start: Vec<usize>,
    table: Vec<f64>,
}

impl SimilarityTable {
    fn new(d: &Dataset, o: &TruthOptions) -> Option<Self> {
        if o.similarity.is_exact() {
            return None;
        }
        let mut start = Vec::with_capacity(n_objects(d) + 1);
        let mut table = Vec::new();
        // Jaccard and Numeric are symmetric: read each value once (its word ids, its number),
        // fill both halves of the table.
        // Each value's sorted word ids, `word_ids[bounds[i].0..bounds[i].1]` (one buffer for all).
        let mut word_ids: Vec<u32> = Vec::new();
        let mut bounds: Vec<(usize, usize)> = Vec::new();
        let mut ids: Vec<u32> = Vec::new();
        let mut lexicon: Vec<&str> = Vec::new();
        let mut numbers: Vec<Option<f64>> = Vec::new();
        for ob in 0..n_objects(d) {
            start.push(table.len());
            let range = d.facts_of_object(ob);
            let (first, k) = (range.start, range.len());
            let base = table.len();
            table.resize(base + k * k, 1.0);
            match &o.similarity {
                // One value: the table is its 1 on the diagonal.
                Similarity::Jaccard if k > 1 => {
                    lexicon.clear();
                    word_ids.clear();
                    bounds.clear();
                    for f in range.clone() {
                        ids.clear();
                        for w in d.values[f].split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
                            let id = match lexicon.iter().position(|x| *x == w) {
                                Some(i) => i as u32,
                                None => {
                                    lexicon.push(w);
                                    (lexicon.len() - 1) as u32
                                }
                            };
                            ids.push(id);
                        }
                        ids.sort_unstable();
                        ids.dedup();
                        let start = word_ids.len();
                        word_ids.extend_from_slice(&ids);
                        bounds.push((start, word_ids.len()));
                    }
                    for i in 0..k {
                        let a = &word_ids[bounds[i].0..bounds[i].1];
                        for j in i + 1..k {
                            let s = super::values::jaccard_sorted(a, &word_ids[bounds[j].0..bounds[j].1]);
                            table[base + i * k + j] = s;
                            table[base + j * k + i] = s;
                        }
                    }
                }
                Similarity::Jaccard => {}
                Similarity::Numeric { scale } => {
                    numbers.clear();
                    numbers.extend(range.clone().map(|f| parse_number(&d.values[f])));
                    for i in 0..k {
                        for j in i + 1..k {
                            let s = super::values::numeric_similarity(numbers[i], numbers[j], *scale);
                            table[base + i * k + j] = s;
                            table[base + j * k + i] = s;
                        }
                    }
                }
                sim => {
                    for i in 0..k {
                        for j in 0..k {
                            if i != j {
                                table[base + i * k + j] = sim.between(&d.values[first + i], &d.values[first + j]);
                            }
                        }
                    }
                }
            }
        }
        start.push(table.len());
        Some(Self { start, table })
    }

    /// Similarity of the `i`-th and `j`-th values of object `ob` (which has `k` values).
    fn get(&self, ob: usize, k: usize, i: usize, j: usize) -> f64 {
        self.table[self.start[ob] + i * k + j]
    }

    /// The `k × k` table of object `ob` (which has `k` values), row-major.
    fn of_object(&self, ob: usize, k: usize) -> &[f64] {
        &self.table[self.start[ob]..self.start[ob] + k * k]
    }
}

/// TruthFinder (Yin, Han & Yu 2007).
fn truth_finder(d: &Dataset, o: &TruthOptions) -> Scores {
    let p = &o.params;
    let sims = SimilarityTable::new(d, o);
    let n_sources = d.sources.len();
    let counts = claim_counts(d);
    let mut trust = vec![p.initial_trust.clamp(0.0, 1.0); n_sources];
    let mut tau = vec![0.0; n_sources];
    // σ(f) for the general similarity path (the exact path keeps it in the fused pass's buffer,
    // and its beliefs in the pass order until the end).
    let mut sigma = vec![0.0; if sims.is_some() { d.n_facts() } else { 0 }];
    let mut pass_belief = vec![0.0; if sims.is_none() { d.n_facts() } else { 0 }];
    let mut belief = vec![0.0; d.n_facts()];
    let mut next = vec![0.0; n_sources];
    let mut iterations = 0;
    let mut converged = false;
    // Largest trust score that keeps −ln(1 − t) finite.
    let cap = 1.0 - 1e-12;
    let dampening = p.dampening;
    loop {
        iterations += 1;
        for (t, &x) in tau.iter_mut().zip(&trust) {
            *t = -(1.0 - x.min(cap)).ln();
        }
        if sims.is_none() {
            // Exact similarity: one fused pass. Every other value of the object implies
            // `0 − base_sim`, so σ*(f) = σ(f) − ρ·base_sim·(Σ σ − σ(f)); the beliefs are the
            // logistic of σ*, written out and scattered.
            let c = p.influence * p.base_similarity;
            d.index.passes().fused(&tau, &mut pass_belief, &mut next, |block, sums, belief| {
                let mut total = vec![0.0f64; block.n_objects];
                for (&ob, &x) in block.objects.iter().zip(sums.iter()) {
                    total[ob as usize] += x;
                }
                for (&ob, x) in block.objects.iter().zip(sums.iter_mut()) {
                    *x -= c * (total[ob as usize] - *x);
                }
                // Separate loops, so the logistic vectorises.
                fastmath::logistic_in_place(sums, dampening);
                belief.copy_from_slice(sums);
            });
        } else {
            gather(d, &tau, &mut sigma);
            // The adjusted confidence σ*(f) with the pairwise similarities, then the logistic, a
            // chunk of objects at a time.
            for_objects(d, &mut belief, |objects, base, belief| {
                if let Some(table) = &sims {
                    for ob in objects {
                        let range = d.facts_of_object(ob);
                        let (k, first) = (range.len(), range.start);
                        let (t, sigma) = (table.of_object(ob, k), &sigma[range]);
                        for i in 0..k {
                            // Σ_{j ≠ i} in order from −0, as `Iterator::sum`.
                            let mut influence = -0.0;
                            for (j, &x) in sigma.iter().enumerate() {
                                if j != i {
                                    influence += x * (t[j * k + i] - p.base_similarity);
                                }
                            }
                            belief[first + i - base] = sigma[i] + p.influence * influence;
                        }
                    }
                }
                fastmath::logistic_in_place(belief, dampening);
                0.0
            });
            scatter(d, &belief, &mut next);
        }
        for (t, &n) in next.iter_mut().zip(&counts) {
            *t = if n == 0 { 0.0 } else { *t / n as f64 };
        }
        if settle(&mut trust, &mut next, o) {
            converged = true;
            break;
        }
        if iterations >= o.max_iterations {
            break;
        }
    }
    if sims.is_none() {
        d.index.passes().to_fact_order(&pass_belief, &mut belief);
    }
    Scores { trust, belief, iterations, converged }
}

/// CRH (Li et al. 2014): source weights from the loss against the current truths, truths by
/// weighted vote.
fn crh(d: &Dataset, o: &TruthOptions) -> Scores {
    let sims = SimilarityTable::new(d, o);
    let n_sources = d.sources.len();
    let n_obj = n_objects(d);
    let mut weight = vec![1.0; n_sources];
    let mut belief = vote_shares(d);
    let mut truth: Vec<usize> = (0..n_obj).map(|ob| argmax(d, &belief, d.facts_of_object(ob))).collect();
    let mut cost = vec![0.0; d.n_facts()];
    let mut loss = vec![0.0; n_sources];
    let mut mass = vec![0.0; d.n_facts()];
    let mut iterations = 0;
    let mut converged = false;
    let sim = |ob: usize, a: usize, b: usize| -> f64 {
        match &sims {
            None => f64::from(u8::from(a == b)),
            Some(t) => {
                let first = d.index.object_start[ob] as usize;
                let k = d.index.object_start[ob + 1] as usize - first;
                t.get(ob, k, a - first, b - first)
            }
        }
    };
    while iterations < o.max_iterations {
        iterations += 1;
        // Each claim's loss against its object's current truth.
        for (ob, &t) in truth.iter().enumerate() {
            for f in d.facts_of_object(ob) {
                cost[f] = 1.0 - sim(ob, f, t);
            }
        }
        scatter(d, &cost, &mut loss);
        let smoothing = o.params.crh_smoothing.max(1e-9);
        let total: f64 = loss.iter().map(|l| l + smoothing).sum();
        let mut next: Vec<f64> = loss.iter().map(|l| -((l + smoothing) / total).ln()).collect();
        gather(d, &next, &mut mass);
        for (ob, chosen) in truth.iter_mut().enumerate() {
            let range = d.facts_of_object(ob);
            let all: f64 = mass[range.clone()].iter().sum();
            for f in range.clone() {
                let score: f64 = match &sims {
                    // Σ_g mass(g) · [g = f]; `+ 0.0` as the sum of the zero terms.
                    None => mass[f] + 0.0,
                    Some(_) => range.clone().map(|g| mass[g] * sim(ob, f, g)).sum(),
                };
                belief[f] = if all > 0.0 { score / all } else { 0.0 };
            }
            *chosen = argmax(d, &belief, range);
        }
        scale_to_max(&mut next);
        if settle(&mut weight, &mut next, o) {
            converged = true;
            break;
        }
    }
    Scores { trust: weight, belief, iterations, converged }
}

/// Ends an iteration: `next` becomes the current trust; true when the trust moved by less than the
/// tolerance under the options' [`Convergence`](super::Convergence) measure (the convergence
/// criterion of every iterative algorithm).
fn settle(current: &mut Vec<f64>, next: &mut Vec<f64>, o: &TruthOptions) -> bool {
    let change = o.convergence.change(current, next);
    std::mem::swap(current, next);
    change < o.tolerance
}

/// The fact of `range` with the highest score among those some source still claims (a value a
/// source gave but dropped for its most repeated one has no support and is never chosen);
/// strictly greater, so ties go to the first value in sorted order.
pub(crate) fn argmax(d: &Dataset, v: &[f64], range: std::ops::Range<usize>) -> usize {
    let mut best: Option<usize> = None;
    for f in range.clone() {
        if d.index.fact_start[f] == d.index.fact_start[f + 1] {
            continue;
        }
        if best.is_none_or(|b| v[f] > v[b]) {
            best = Some(f);
        }
    }
    best.unwrap_or(range.start)
}

/// Beliefs within this relative distance of the largest are a tie when the chosen value is
/// reported ([`choose`]): differences that small are rounding, not evidence.
pub(crate) const TIE_TOLERANCE: f64 = 1e-9;

/// The chosen value of an object: among the supported facts of `range` whose belief is within
/// [`TIE_TOLERANCE`] (relative) of the largest, the one most sources claim, then the first in
/// sorted order. (Where the beliefs are far apart this is [`argmax`]; where an algorithm leaves
/// two values within rounding of each other, as Investment does for objects whose sources lost
/// all trust, the choice no longer depends on the order of the additions.)
pub(crate) fn choose(d: &Dataset, v: &[f64], range: std::ops::Range<usize>) -> usize {
    let support = |f: usize| d.index.fact_start[f + 1] - d.index.fact_start[f];
    // One pass for the largest belief among the supported facts (first on ties) and the
    // runner-up; most objects end there.
    let (mut best, mut top, mut second) = (None::<usize>, f64::NEG_INFINITY, f64::NEG_INFINITY);
    for f in range.clone() {
        if support(f) == 0 {
            continue;
        }
        if best.is_none() || v[f] > top {
            second = top;
            top = v[f];
            best = Some(f);
        } else if v[f] > second {
            second = v[f];
        }
    }
    let Some(best) = best else { return range.start };
    let within = |x: f64| (top - x).abs() <= TIE_TOLERANCE * top.abs();
    if !top.is_finite() || !within(second) {
        return best;
    }
    let mut chosen = best;
    for f in range {
        // Most support, then the first in sorted order.
        let (a, b) = (support(f), support(chosen));
        if within(v[f]) && (a > b || (a == b && f < chosen)) {
            chosen = f;
        }
    }
    chosen
}
