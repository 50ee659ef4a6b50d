//! The textbook loops of every algorithm, as they were before the passes were restructured for
//! speed (`algorithms.rs`): an oracle for the tests. Per source, they sum over the source-major
//! index; they call `f64::powf` and `f64::exp`.

use crate::{Algorithm, Convergence, Dataset, TruthOptions};

pub(super) struct Scores {
    pub(super) trust: Vec<f64>,
    pub(super) belief: Vec<f64>,
    pub(super) iterations: usize,
    pub(super) converged: bool,
}

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

/// Divides by the largest value, so the largest becomes 1 (all zeros stay zeros).
fn scale_to_max(v: &mut [f64]) {
    let max = v.iter().copied().fold(0.0f64, f64::max);
    if max > 0.0 && max.is_finite() {
        for x in v.iter_mut() {
            *x /= max;
        }
    }
}

fn max_change(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y).abs()).fold(0.0, f64::max)
}

fn n_objects(d: &Dataset) -> usize {
    d.index.object_start.len() - 1
}

/// Share of each object's votes that each value got.
fn vote_shares(d: &Dataset) -> Vec<f64> {
    let mut belief = vec![0.0; d.n_facts()];
    for o in 0..n_objects(d) {
        let range = d.facts_of_object(o);
        let total: usize = range.clone().map(|f| d.sources_of_fact(f).len()).sum();
        for f in range {
            belief[f] = d.sources_of_fact(f).len() as f64 / total.max(1) as f64;
        }
    }
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

fn majority(d: &Dataset) -> Scores {
    Scores { trust: vec![1.0; d.sources.len()], belief: vote_shares(d), iterations: 1, converged: true }
}

/// `belief(f) = Σ_{s ∈ S(f)} trust(s)`.
fn sum_trust(d: &Dataset, trust: &[f64], belief: &mut [f64]) {
    for (f, b) in belief.iter_mut().enumerate() {
        *b = d.sources_of_fact(f).iter().map(|&s| trust[s as usize]).sum();
    }
}

/// Sums (hubs and authorities) and Average.Log (Pasternack & Roth 2010). Beliefs start at the
/// fixed prior 0.5; each iteration computes trust from belief, then belief from trust.
fn sums(d: &Dataset, o: &TruthOptions, average_log: bool) -> Scores {
    let n_sources = d.sources.len();
    let mut trust = vec![0.0; n_sources];
    let mut belief = vec![0.5; d.n_facts()];
    let mut next = vec![0.0; n_sources];
    let mut iterations = 0;
    let mut converged = false;
    while iterations < o.max_iterations {
        iterations += 1;
        for (s, t) in next.iter_mut().enumerate() {
            let facts = d.facts_of_source(s);
            let total: f64 = facts.iter().map(|&f| belief[f as usize]).sum();
            *t = if average_log {
                let n = facts.len() as f64;
                if n > 0.0 { n.ln() * total / n } else { 0.0 }
            } else {
                total
            };
        }
        scale_to_max(&mut next);
        sum_trust(d, &next, &mut belief);
        scale_to_max(&mut belief);
        if settle(&mut trust, &mut next, o) {
            converged = true;
            break;
        }
    }
    Scores { trust, belief, iterations, converged }
}

/// Investment and PooledInvestment (Pasternack & Roth 2010).
fn investment(d: &Dataset, o: &TruthOptions, pooled: bool) -> Scores {
    let g = if pooled { o.params.pooled_investment_g } else { o.params.investment_g };
    let n_sources = d.sources.len();
    let claims: Vec<f64> = (0..n_sources).map(|s| d.facts_of_source(s).len().max(1) as f64).collect();
    let mut trust = vec![1.0; n_sources];
    // Investment starts from the vote shares, PooledInvestment from a uniform belief per object.
    let mut belief = if pooled { uniform(d) } else { vote_shares(d) };
    let mut invested = vec![0.0; d.n_facts()];
    let mut next = vec![0.0; n_sources];
    let mut iterations = 0;
    let mut converged = false;
    while iterations < o.max_iterations {
        iterations += 1;
        // What each claim received from its investors.
        for (f, inv) in invested.iter_mut().enumerate() {
            *inv = d.sources_of_fact(f).iter().map(|&s| trust[s as usize] / claims[s as usize]).sum();
        }
        // A source earns back each claim's belief in proportion to its stake.
        for (s, t) in next.iter_mut().enumerate() {
            let stake = trust[s] / claims[s];
            *t =
                d.facts_of_source(s)
                    .iter()
                    .map(|&f| {
                        if invested[f as usize] > 0.0 { belief[f as usize] * stake / invested[f as usize] } else { 0.0 }
                    })
                    .sum();
        }
        scale_to_max(&mut next);
        // The new stakes, grown by G(x) = x^g.
        for (f, h) in invested.iter_mut().enumerate() {
            *h = d.sources_of_fact(f).iter().map(|&s| next[s as usize] / claims[s as usize]).sum();
        }
        if pooled {
            for ob in 0..n_objects(d) {
                let range = d.facts_of_object(ob);
                let pool: f64 = range.clone().map(|f| invested[f].powf(g)).sum();
                for f in range {
                    belief[f] = if pool > 0.0 { invested[f] * invested[f].powf(g) / pool } else { 0.0 };
                }
            }
        } else {
            for (b, h) in belief.iter_mut().zip(&invested) {
                *b = h.powf(g);
            }
        }
        scale_to_max(&mut belief);
        if settle(&mut trust, &mut next, o) {
            converged = true;
            break;
        }
    }
    Scores { trust, belief, iterations, converged }
}

/// Pairwise similarity of the values of each object, row-major per object; empty for exact
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
        for ob in 0..n_objects(d) {
            start.push(table.len());
            let range = d.facts_of_object(ob);
            for a in range.clone() {
                for b in range.clone() {
                    table.push(if a == b { 1.0 } else { o.similarity.between(&d.values[a], &d.values[b]) });
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
}

/// TruthFinder (Yin, Han & Yu 2007).
fn truth_finder(d: &Dataset, o: &TruthOptions) -> Scores {
    let p = &o.params;
    let sims = SimilarityTable::new(d, o);
    let n_sources = d.sources.len();
    let mut trust = vec![p.initial_trust.clamp(0.0, 1.0); n_sources];
    let mut tau = vec![0.0; n_sources];
    let mut sigma = vec![0.0; d.n_facts()];
    let mut belief = vec![0.0; d.n_facts()];
    let mut next = vec![0.0; n_sources];
    let mut iterations = 0;
    let mut converged = false;
    // Largest trust score that keeps −ln(1 − t) finite.
    let cap = 1.0 - 1e-12;
    loop {
        iterations += 1;
        for (t, &x) in tau.iter_mut().zip(&trust) {
            *t = -(1.0 - x.min(cap)).ln();
        }
        sum_trust(d, &tau, &mut sigma);
        for ob in 0..n_objects(d) {
            let range = d.facts_of_object(ob);
            let k = range.len();
            let first = range.start;
            let total: f64 = range.clone().map(|f| sigma[f]).sum();
            for f in range.clone() {
                let adjusted = match &sims {
                    // Every other value implies `0 − base_sim`.
                    None => sigma[f] - p.influence * p.base_similarity * (total - sigma[f]),
                    Some(table) => {
                        let i = f - first;
                        let influence: f64 = range
                            .clone()
                            .filter(|&g| g != f)
                            .map(|g| sigma[g] * (table.get(ob, k, g - first, i) - p.base_similarity))
                            .sum();
                        sigma[f] + p.influence * influence
                    }
                };
                belief[f] = 1.0 / (1.0 + (-p.dampening * adjusted).exp());
            }
        }
        for (s, t) in next.iter_mut().enumerate() {
            let facts = d.facts_of_source(s);
            *t = if facts.is_empty() {
                0.0
            } else {
                facts.iter().map(|&f| belief[f as usize]).sum::<f64>() / facts.len() as f64
            };
        }
        if settle(&mut trust, &mut next, o) {
            converged = true;
            break;
        }
        if iterations >= o.max_iterations {
            break;
        }
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
    let mut loss = vec![0.0; n_sources];
    let mut mass = vec![0.0; d.n_facts()];
    let mut iterations = 0;
    let mut converged = false;
    let mut fact_object = vec![0usize; d.n_facts()];
    for ob in 0..n_obj {
        for f in d.facts_of_object(ob) {
            fact_object[f] = ob;
        }
    }
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
        for (s, l) in loss.iter_mut().enumerate() {
            *l = d
                .facts_of_source(s)
                .iter()
                .map(|&f| {
                    let ob = fact_object[f as usize];
                    1.0 - sim(ob, f as usize, truth[ob])
                })
                .sum();
        }
        let smoothing = o.params.crh_smoothing.max(1e-9);
        let total: f64 = loss.iter().map(|l| l + smoothing).sum();
        let mut next: Vec<f64> = loss.iter().map(|l| -((l + smoothing) / total).ln()).collect();
        sum_trust(d, &next, &mut mass);
        for (ob, chosen) in truth.iter_mut().enumerate() {
            let range = d.facts_of_object(ob);
            let all: f64 = range.clone().map(|g| mass[g]).sum();
            for f in range.clone() {
                let score: f64 = range.clone().map(|g| mass[g] * sim(ob, f, g)).sum();
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

/// Ends an iteration: `next` becomes the current trust; true when the trust moved by less than
/// the tolerance (the largest change of one score, or the cosine distance of the vectors).
fn settle(current: &mut Vec<f64>, next: &mut Vec<f64>, o: &TruthOptions) -> bool {
    let change = match o.convergence {
        Convergence::MaxChange => max_change(current, next),
        Convergence::Cosine => {
            let norm = |v: &[f64]| v.iter().map(|x| x * x).sum::<f64>().sqrt();
            let dot: f64 = current.iter().zip(next.iter()).map(|(a, b)| a * b).sum();
            let (a, b) = (norm(current), norm(next));
            if a > 0.0 && b > 0.0 {
                (1.0 - dot / (a * b)).max(0.0)
            } else if a == b {
                0.0
            } else {
                1.0
            }
        }
    };
    std::mem::swap(current, next);
    change < o.tolerance
}

/// The fact of `range` with the highest score among those some source still claims (a value a
/// source gave but dropped for its most repeated one has no support and is never chosen);
/// strictly greater, so ties go to the first value in sorted order.
pub(super) fn argmax(d: &Dataset, v: &[f64], range: std::ops::Range<usize>) -> usize {
    let mut best: Option<usize> = None;
    for f in range.clone() {
        if d.sources_of_fact(f).is_empty() {
            continue;
        }
        if best.is_none_or(|b| v[f] > v[b]) {
            best = Some(f);
        }
    }
    best.unwrap_or(range.start)
}
