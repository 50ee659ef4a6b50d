//! Source profiles across a corpus: a [`Corpus`] collects analysed articles one at a time (it keeps
//! counts and a compact fingerprint per claim, never the analyses), merges with another corpus
//! (associatively and commutatively, so partitions can be profiled apart and reduced in any
//! order), and produces [`Profiles`]: per outlet and per named source, the rates of a transparent
//! rubric and a reliability score with its explanation. The rubric is in `docs/scoring.md`
//! ("Source profiles"); its weights are `[weights.profile]` in `data/scoring.toml`.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::attribution::{Attribution, SourceKind};
use crate::config::HedgeCategory;
use crate::config::{Config, ProfileWeights, ReliabilityGrades};
use crate::corroborate::{Relation, claim_terms, claim_weight, corroborable, relation, same_object, term_weight};
use crate::explain::Explanation;
use crate::grade::ReliabilityGrade;
use crate::{Analysis, DEFAULT_MIN_SIMILARITY};

/// Outlet name used for articles without one.
pub const UNKNOWN_OUTLET: &str = "(unknown outlet)";
/// Anchors (entities, numbers) shared by more claims than this are too common to pair claims on
/// (each claim is still paired through its rarer anchors).
const MAX_POSTING: usize = 256;
/// Fixed-point scale of summed reliabilities: integer sums keep merging exactly associative.
const FIXED: f64 = 1e9;

fn fnv(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0xff)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Top bit of a term hash: the term is a concept (`~release`), weighted twice.
const CONCEPT_BIT: u32 = 0x8000_0000;

/// A 31-bit hash of a term, with [`CONCEPT_BIT`] set for a concept.
#[allow(clippy::cast_possible_truncation)]
fn term_hash(term: &str) -> u32 {
    let h = fnv(&[term]);
    let h = ((h >> 32) ^ h) as u32 & !CONCEPT_BIT;
    if term.starts_with('~') { h | CONCEPT_BIT } else { h }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
struct OutletCounts {
    articles: u64,
    claims: u64,
    attributed: u64,
    named: u64,
    anonymous: u64,
    vague: u64,
    hedged: u64,
    weasel: u64,
    specific: u64,
    /// Σ over articles of each article signal × [`FIXED`] (signed, exact under merging).
    #[cfg_attr(feature = "serde", serde(default))]
    signals_fixed: Vec<i64>,
}

impl OutletCounts {
    fn merge(&mut self, o: &OutletCounts) {
        if self.signals_fixed.len() < o.signals_fixed.len() {
            self.signals_fixed.resize(o.signals_fixed.len(), 0);
        }
        for (a, b) in self.signals_fixed.iter_mut().zip(&o.signals_fixed) {
            *a += b;
        }
        self.articles += o.articles;
        self.claims += o.claims;
        self.attributed += o.attributed;
        self.named += o.named;
        self.anonymous += o.anonymous;
        self.vague += o.vague;
        self.hedged += o.hedged;
        self.weasel += o.weasel;
        self.specific += o.specific;
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
struct SourceCounts {
    /// Display name: the lexicographically smallest spelling seen (order-independent).
    name: String,
    kind: SourceKind,
    mentions: u64,
    articles: u64,
    claims: u64,
    hedged: u64,
    /// Σ per-article reliability × [`FIXED`].
    reliability_fixed: u64,
    /// Outlets that cite it, by name.
    outlets: std::collections::BTreeSet<String>,
}

impl SourceCounts {
    fn merge(&mut self, o: &SourceCounts) {
        if o.name < self.name {
            self.name.clone_from(&o.name);
        }
        self.mentions += o.mentions;
        self.articles += o.articles;
        self.claims += o.claims;
        self.hedged += o.hedged;
        self.reliability_fixed += o.reliability_fixed;
        self.outlets.extend(o.outlets.iter().cloned());
    }
}

/// One claim's fingerprint for corroboration (hashed terms and its value).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
struct Fingerprint {
    article: u64,
    claim: u32,
    outlet: u64,
    /// The original source (or the outlet's voice): claims of one source never confirm each other.
    source: u64,
    /// Key of the named source in `sources`, when the original source is profiled.
    profiled: Option<u64>,
    /// The claim's value (see [`crate::corroborate`]): its polarity and a hash of its numbers
    /// (0 when it gives none).
    negated: bool,
    digits: u64,
    /// Hashed terms (the top bit marks a concept term), sorted and unique.
    terms: Box<[u32]>,
    anchors: Box<[u32]>,
}

/// Options of a [`Corpus`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct CorpusOptions {
    /// Keep a fingerprint per claim (about 200 bytes: 32-bit hashes of its terms and anchors, its
    /// value, article, outlet and source keys) to compute corroboration and contradiction
    /// rates across articles. On by default; off, those rates are 0 and memory stays flat.
    pub corroboration: bool,
    /// Similarity at which two claims are about the same thing (as in
    /// [`crate::CorroborationOptions::min_similarity`]).
    pub min_similarity: f64,
    /// The profile rubric's weights.
    pub weights: ProfileWeights,
    /// The reliability letter thresholds.
    pub grades: ReliabilityGrades,
    /// Do not count agreement or disagreement between dependent outlets (outlets that share
    /// near-copies of claims; see [`OutletDependence`]) as corroboration. On by default.
    #[cfg_attr(feature = "serde", serde(default = "yes"))]
    pub dependence: bool,
    /// The article credibility model: an outlet's reliability is the model applied to the mean
    /// of its articles' signals.
    pub credibility: crate::credibility::CredibilityModelConfig,
}

impl Default for CorpusOptions {
    fn default() -> Self {
        Self::from_config(&Config::default())
    }
}

impl CorpusOptions {
    /// The options with the weights and grade thresholds of a configuration.
    #[must_use]
    pub fn from_config(config: &Config) -> Self {
        Self {
            corroboration: true,
            dependence: true,
            min_similarity: DEFAULT_MIN_SIMILARITY,
            weights: config.weights.profile.clone(),
            grades: config.grades.reliability.clone(),
            credibility: config.credibility.clone(),
        }
    }

    /// Sets [`CorpusOptions::dependence`].
    #[must_use]
    pub fn with_dependence(mut self, on: bool) -> Self {
        self.dependence = on;
        self
    }

    /// Sets [`CorpusOptions::corroboration`].
    #[must_use]
    pub fn with_corroboration(mut self, on: bool) -> Self {
        self.corroboration = on;
        self
    }
}

/// Analysed articles, reduced to what source profiles need.
///
/// ```
/// use veracity::{Analyzer, Corpus};
/// let az = Analyzer::default();
/// let mut corpus = Corpus::new();
/// for text in ["Officials said 18 prisoners were released in Caracas on Sunday.",
///              "Foro Penal said 18 prisoners were released in Caracas on Sunday."] {
///     corpus.add(&az.analyze_text(text)?);
/// }
/// let profiles = corpus.profiles();
/// assert_eq!(profiles.outlets[0].claims, 2);
/// assert_eq!(profiles.sources[0].name, "Foro Penal");
/// # Ok::<(), veracity::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Corpus {
    options: CorpusOptions,
    articles: u64,
    outlets: BTreeMap<String, OutletCounts>,
    /// Keyed by hash of (kind, lower-case name).
    sources: BTreeMap<u64, SourceCounts>,
    fingerprints: Vec<Fingerprint>,
}

impl Default for Corpus {
    fn default() -> Self {
        Self::new()
    }
}

/// The order in which spellings of one source compete for its display name: a spelling that opens
/// with a letter or digit ("We", not "'We") and without a determiner ("internal audit", not "An
/// internal audit") first, then the lexicographically smallest (so the name does not depend on
/// the order of the articles).
fn display_rank(name: &str) -> (bool, bool, &str) {
    (!name.starts_with(char::is_alphanumeric), crate::attribution::opens_with_determiner(name), name)
}

fn source_hash(kind: SourceKind, name: &str) -> u64 {
    fnv(&[kind.as_str(), &crate::attribution::entity_key(name)])
}

/// Source kinds that get a profile of their own (the outlet's own voice is the outlet profile).
fn profiled(kind: SourceKind) -> bool {
    !matches!(kind, SourceKind::Author)
}

impl Corpus {
    /// An empty corpus with the built-in weights.
    #[must_use]
    pub fn new() -> Self {
        Self::with_options(CorpusOptions::default())
    }

    /// An empty corpus with these options.
    #[must_use]
    pub fn with_options(options: CorpusOptions) -> Self {
        Self { options, articles: 0, outlets: BTreeMap::new(), sources: BTreeMap::new(), fingerprints: Vec::new() }
    }

    /// The options.
    #[must_use]
    pub fn options(&self) -> &CorpusOptions {
        &self.options
    }

    /// Number of articles added.
    #[must_use]
    pub fn len(&self) -> u64 {
        self.articles
    }

    /// True when no article was added.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.articles == 0
    }

    /// Number of claim fingerprints kept for corroboration.
    #[must_use]
    pub fn fingerprints(&self) -> usize {
        self.fingerprints.len()
    }

    /// Adds one analysed article. The article's outlet is its metadata outlet, or
    /// [`UNKNOWN_OUTLET`]. Adding the same text twice counts it twice, but its claims never
    /// corroborate each other (they share an article key).
    pub fn add(&mut self, analysis: &Analysis) {
        let art = analysis.article();
        let outlet = art.outlet().map_or(UNKNOWN_OUTLET, |m| m.value.as_str()).to_owned();
        let outlet_hash = fnv(&[&outlet]);
        let article_key = fnv(&[&outlet, art.id().unwrap_or(""), analysis.text()]);
        self.articles += 1;
        let counts = self.outlets.entry(outlet.clone()).or_default();
        counts.articles += 1;
        let signals = &analysis.signals().values;
        if counts.signals_fixed.len() < signals.len() {
            counts.signals_fixed.resize(signals.len(), 0);
        }
        for (sum, v) in counts.signals_fixed.iter_mut().zip(signals) {
            *sum += signed_fixed(*v);
        }
        let mut seen_in_article: HashSet<u64> = HashSet::new();
        for a in analysis.attributions() {
            for s in a.sources.iter().filter(|s| s.span.is_some() && profiled(s.kind)) {
                let key = source_hash(s.kind, &s.name);
                let e = self.sources.entry(key).or_insert_with(|| SourceCounts {
                    name: s.name.clone(),
                    kind: s.kind,
                    mentions: 0,
                    articles: 0,
                    claims: 0,
                    hedged: 0,
                    reliability_fixed: 0,
                    outlets: std::collections::BTreeSet::new(),
                });
                if display_rank(&s.name) < display_rank(&e.name) {
                    e.name.clone_from(&s.name);
                }
                e.mentions += 1;
                if seen_in_article.insert(key) {
                    e.articles += 1;
                    e.outlets.insert(outlet.clone());
                    let rel = analysis
                        .sources()
                        .iter()
                        .find(|x| x.kind == s.kind && x.name.eq_ignore_ascii_case(&s.name))
                        .map_or(0.5, |x| x.reliability);
                    e.reliability_fixed += fixed(rel);
                }
            }
        }
        for c in analysis.claims() {
            let counts = self.outlets.entry(outlet.clone()).or_default();
            counts.claims += 1;
            // A claim the article's own outlet reports ("the Ledger reported" in the Ledger) is the
            // outlet's own voice, as an unattributed one.
            let original =
                c.attribution.as_ref().and_then(Attribution::original_source).filter(|s| s.kind != SourceKind::Author);
            if original.is_some() {
                counts.attributed += 1;
            }
            match original.map(|s| s.kind) {
                Some(
                    SourceKind::NamedPerson | SourceKind::Organisation | SourceKind::NewsOutlet | SourceKind::Document,
                ) => {
                    counts.named += 1;
                }
                Some(SourceKind::Anonymous) => counts.anonymous += 1,
                Some(SourceKind::Vague) => counts.vague += 1,
                _ => {}
            }
            let hedged = c.is_hedged();
            counts.hedged += u64::from(hedged);
            counts.weasel += u64::from(c.hedges.iter().any(|h| h.category == HedgeCategory::Weasel && !h.negated));
            counts.specific += u64::from(c.features.has_specifics());
            // Only sources named in this article (so the result never depends on earlier articles).
            let profiled_key = original
                .filter(|s| profiled(s.kind))
                .map(|s| source_hash(s.kind, &s.name))
                .filter(|k| seen_in_article.contains(k));
            if let Some(key) = profiled_key {
                if let Some(e) = self.sources.get_mut(&key) {
                    e.claims += 1;
                    e.hedged += u64::from(hedged);
                }
            }
            if self.options.corroboration && corroborable(c) {
                let t = claim_terms(c);
                let hash_all = |v: &[String]| -> Box<[u32]> {
                    let mut h: Vec<u32> = v.iter().map(|x| term_hash(x)).collect();
                    h.sort_unstable();
                    h.dedup();
                    h.into_boxed_slice()
                };
                let source =
                    original.map_or_else(|| fnv(&["voice", &outlet]), |s| fnv(&["source", &s.name.to_lowercase()]));
                self.fingerprints.push(Fingerprint {
                    article: article_key,
                    claim: u32::try_from(c.index).unwrap_or(u32::MAX),
                    outlet: outlet_hash,
                    source,
                    profiled: profiled_key,
                    negated: t.negated,
                    digits: if t.numbers.is_empty() { 0 } else { fnv(&[&t.numbers]) | 1 },
                    terms: hash_all(&t.terms),
                    anchors: hash_all(&t.anchors),
                });
            }
        }
    }

    /// Adds every analysis of a batch.
    pub fn extend<'a>(&mut self, analyses: impl IntoIterator<Item = &'a Analysis>) {
        for a in analyses {
            self.add(a);
        }
    }

    /// Merges another corpus into this one (this one's options are kept). Merging is associative
    /// and commutative: profiling partitions apart and merging them, in any order and grouping,
    /// gives the same profiles as adding every article to one corpus.
    pub fn merge(&mut self, other: Corpus) {
        self.articles += other.articles;
        for (k, v) in &other.outlets {
            self.outlets.entry(k.clone()).or_default().merge(v);
        }
        for (k, v) in other.sources {
            match self.sources.get_mut(&k) {
                Some(e) => e.merge(&v),
                None => {
                    self.sources.insert(k, v);
                }
            }
        }
        self.fingerprints.extend(other.fingerprints);
    }

    /// Pairs claims of different articles about the same thing; returns, per fingerprint (in
    /// sorted order), the number of independent agreeing and contradicting claims, and the
    /// near-copies counted between each pair of outlets (keyed by their hashes, smaller first).
    #[allow(clippy::type_complexity)]
    fn corroboration(&self) -> (Vec<&Fingerprint>, Vec<(u32, u32)>, BTreeMap<(u64, u64), u64>) {
        let mut fps: Vec<&Fingerprint> = self.fingerprints.iter().collect();
        fps.sort_unstable();
        let mut df: HashMap<u32, u32> = HashMap::new();
        for f in &fps {
            for t in &f.terms {
                *df.entry(*t).or_default() += 1;
            }
        }
        #[allow(clippy::cast_precision_loss)]
        let n = fps.len().max(1) as f64;
        let idf = |t: &u32| term_weight(t & CONCEPT_BIT != 0, n, f64::from(df.get(t).copied().unwrap_or(1)));
        let weights: Vec<f64> = fps.iter().map(|f| claim_weight(f.terms.iter().map(idf).collect())).collect();
        let mut postings: HashMap<u32, Vec<u32>> = HashMap::new();
        for (i, f) in fps.iter().enumerate() {
            for a in &f.anchors {
                postings.entry(*a).or_default().push(u32::try_from(i).unwrap_or(u32::MAX));
            }
        }
        // First pass: every related pair of claims of different articles, and the near-copies
        // between outlets.
        let mut related: Vec<(u32, u32, Relation)> = Vec::new();
        let mut copies: BTreeMap<(u64, u64), u64> = BTreeMap::new();
        // Per claim, its candidates after it in the order (pairs are visited once, and memory
        // stays at one claim's candidates): claims sharing an anchor that is not too common.
        let mut cands: Vec<u32> = Vec::new();
        for (i, a) in fps.iter().enumerate() {
            cands.clear();
            for anchor in a.anchors.iter() {
                let Some(list) = postings.get(anchor) else { continue };
                if list.len() > MAX_POSTING {
                    continue;
                }
                let after = list.partition_point(|&j| j as usize <= i);
                cands.extend_from_slice(&list[after..]);
            }
            cands.sort_unstable();
            cands.dedup();
            for &j in &cands {
                let b = fps[j as usize];
                if a.article == b.article {
                    continue;
                }
                if a.outlet != b.outlet && near_copy(&a.terms, &b.terms) {
                    *copies.entry((a.outlet.min(b.outlet), a.outlet.max(b.outlet))).or_default() += 1;
                }
                if a.source == b.source {
                    continue;
                }
                let (ja, jb) = (weights[i], weights[j as usize]);
                if let Some(sim) = same_object(
                    &a.terms,
                    &a.anchors,
                    ja,
                    &b.terms,
                    &b.anchors,
                    jb,
                    idf,
                    |t: &u32| t & CONCEPT_BIT != 0,
                    self.options.min_similarity,
                ) {
                    let rel = relation((a.negated, a.digits), (b.negated, b.digits), sim);
                    if rel != Relation::Neutral {
                        related.push((u32::try_from(i).unwrap_or(u32::MAX), j, rel));
                    }
                }
            }
        }
        // Second pass: agreement or disagreement between dependent outlets is not independent
        // evidence, so it does not count.
        let clusters = self.dependence_clusters(&fps, &copies);
        let mut counts = vec![(0u32, 0u32); fps.len()];
        for (i, j, rel) in related {
            let (a, b) = (fps[i as usize], fps[j as usize]);
            if self.options.dependence && clusters.get(&a.outlet) == clusters.get(&b.outlet) && a.outlet != b.outlet {
                continue;
            }
            for k in [i as usize, j as usize] {
                match rel {
                    Relation::Agree => counts[k].0 += 1,
                    Relation::Contradict => counts[k].1 += 1,
                    Relation::Neutral => {}
                }
            }
        }
        (fps, counts, copies)
    }

    /// Claims with a fingerprint per outlet hash.
    fn fingerprinted_claims(fps: &[&Fingerprint]) -> HashMap<u64, u64> {
        let mut claims: HashMap<u64, u64> = HashMap::new();
        for f in fps {
            *claims.entry(f.outlet).or_default() += 1;
        }
        claims
    }

    /// Outlets joined by dependence (see [`OutletDependence`]), as a cluster id per outlet hash
    /// (the smallest hash of the cluster); an outlet without dependence is its own cluster.
    fn dependence_clusters(&self, fps: &[&Fingerprint], copies: &BTreeMap<(u64, u64), u64>) -> HashMap<u64, u64> {
        let claims = Self::fingerprinted_claims(fps);
        let mut parent: HashMap<u64, u64> = claims.keys().map(|&k| (k, k)).collect();
        fn find(parent: &mut HashMap<u64, u64>, x: u64) -> u64 {
            let mut r = x;
            while let Some(&p) = parent.get(&r) {
                if p == r {
                    break;
                }
                r = p;
            }
            parent.insert(x, r);
            r
        }
        for (&(a, b), &n) in copies {
            let smaller = claims.get(&a).copied().unwrap_or(0).min(claims.get(&b).copied().unwrap_or(0));
            if is_dependent(n, smaller) {
                let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                let (lo, hi) = (ra.min(rb), ra.max(rb));
                parent.insert(hi, lo);
            }
        }
        let keys: Vec<u64> = parent.keys().copied().collect();
        keys.into_iter().map(|k| (k, find(&mut parent, k))).collect()
    }

    /// The profiles of every outlet (by name) and every named, anonymous or vague source (most
    /// mentioned first). Corroboration is computed here, over every claim fingerprint: a claim is
    /// *confirmed* when claims about the same thing from other articles and other original
    /// sources agree with it at least as often as they contradict it (and at least once), and
    /// *contradicted* when they contradict it more often.
    #[must_use]
    pub fn profiles(&self) -> Profiles {
        let (fps, counts, copies) = self.corroboration();
        let mut outlet_corr: HashMap<u64, (u64, u64)> = HashMap::new();
        let mut source_corr: HashMap<u64, (u64, u64)> = HashMap::new();
        for (f, &(agree, contra)) in fps.iter().zip(&counts) {
            let confirmed = u64::from(agree >= 1 && agree >= contra);
            let contradicted = u64::from(contra > agree);
            let o = outlet_corr.entry(f.outlet).or_default();
            o.0 += confirmed;
            o.1 += contradicted;
            if let Some(k) = f.profiled {
                let s = source_corr.entry(k).or_default();
                s.0 += confirmed;
                s.1 += contradicted;
            }
        }
        let w = &self.options.weights;
        let g = &self.options.grades;
        let outlets = self
            .outlets
            .iter()
            .map(|(name, c)| {
                let (confirmed, contradicted) = outlet_corr.get(&fnv(&[name])).copied().unwrap_or_default();
                OutletProfile::new(name, c, confirmed, contradicted, &self.options.credibility, g)
            })
            .collect();
        let mut sources: Vec<SourceProfile> = self
            .sources
            .iter()
            .map(|(k, c)| {
                let (confirmed, contradicted) = source_corr.get(k).copied().unwrap_or_default();
                SourceProfile::new(c, confirmed, contradicted, w, g)
            })
            .collect();
        sources.sort_by(|a, b| {
            b.mentions.cmp(&a.mentions).then_with(|| a.name.cmp(&b.name)).then(a.kind.as_str().cmp(b.kind.as_str()))
        });
        let claims = Self::fingerprinted_claims(&fps);
        let names: HashMap<u64, &str> = self.outlets.keys().map(|name| (fnv(&[name]), name.as_str())).collect();
        let mut dependence: Vec<OutletDependence> = copies
            .iter()
            .filter_map(|(&(a, b), &n)| {
                let (na, nb) = (names.get(&a)?, names.get(&b)?);
                let (ca, cb) = (claims.get(&a).copied().unwrap_or(0), claims.get(&b).copied().unwrap_or(0));
                let ((na, ca), (nb, cb)) = if na <= nb { ((na, ca), (nb, cb)) } else { ((nb, cb), (na, ca)) };
                Some(OutletDependence {
                    outlets: [(*na).to_owned(), (*nb).to_owned()],
                    claims: [ca, cb],
                    near_copies: n,
                    dependence: rate(n, ca.min(cb)).min(1.0),
                    dependent: is_dependent(n, ca.min(cb)),
                })
            })
            .collect();
        dependence.sort_by(|x, y| y.dependence.total_cmp(&x.dependence).then_with(|| x.outlets.cmp(&y.outlets)));
        Profiles { articles: self.articles, outlets, sources, dependence }
    }
}

#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn fixed(v: f64) -> u64 {
    (v.clamp(0.0, 1.0) * FIXED).round() as u64
}

#[cfg(feature = "serde")]
fn yes() -> bool {
    true
}

#[allow(clippy::cast_possible_truncation)]
fn signed_fixed(v: f64) -> i64 {
    if v.is_finite() { (v.clamp(-1e6, 1e6) * FIXED).round() as i64 } else { 0 }
}

#[allow(clippy::cast_precision_loss)]
fn rate(part: u64, whole: u64) -> f64 {
    if whole == 0 { 0.0 } else { part as f64 / whole as f64 }
}

/// The profile of one outlet across the corpus.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct OutletProfile {
    /// The outlet's name (from the articles' metadata), or [`UNKNOWN_OUTLET`].
    pub name: String,
    /// Articles.
    pub articles: u64,
    /// Claims.
    pub claims: u64,
    /// Share of claims attributed to a source.
    pub attribution_rate: f64,
    /// Share of claims whose original source is named (person, organisation, outlet, document).
    pub named_rate: f64,
    /// Share of claims whose original source is anonymous.
    pub anonymous_rate: f64,
    /// Share of claims whose original source is vague.
    pub vague_rate: f64,
    /// Share of claims holding a hedge cue.
    pub hedge_rate: f64,
    /// Share of claims holding a weasel cue.
    pub weasel_rate: f64,
    /// Share of claims holding a number or a date.
    pub specifics_rate: f64,
    /// Share of claims confirmed by an independent source in another article.
    pub corroboration_rate: f64,
    /// Share of claims contradicted by independent sources in other articles.
    pub contradiction_rate: f64,
    /// Reliability in `[0, 1]`: the article credibility model applied to the mean of the
    /// outlet's article signals, `sigmoid(intercept + Σ weight × mean signal)`.
    pub reliability: f64,
    /// The Admiralty letter (A needs a corroborated track record).
    pub grade: ReliabilityGrade,
    /// How the reliability was computed: one log-odds term per signal, its value the outlet's
    /// mean.
    pub explanation: Explanation,
}

impl OutletProfile {
    fn new(
        name: &str,
        c: &OutletCounts,
        confirmed: u64,
        contradicted: u64,
        model: &crate::credibility::CredibilityModelConfig,
        g: &ReliabilityGrades,
    ) -> Self {
        let r = |x| rate(x, c.claims);
        let mut p = Self {
            name: name.to_owned(),
            articles: c.articles,
            claims: c.claims,
            attribution_rate: r(c.attributed),
            named_rate: r(c.named),
            anonymous_rate: r(c.anonymous),
            vague_rate: r(c.vague),
            hedge_rate: r(c.hedged),
            weasel_rate: r(c.weasel),
            specifics_rate: r(c.specific),
            corroboration_rate: r(confirmed),
            contradiction_rate: r(contradicted),
            reliability: 0.0,
            grade: ReliabilityGrade::F,
            explanation: Explanation::new(0.0),
        };
        let mut e = Explanation::logistic(model.intercept);
        let detail = format!("mean over {} article(s)", c.articles);
        for (i, name) in crate::credibility::SIGNALS.iter().enumerate() {
            if let Some(&w) = model.weights.get(*name) {
                #[allow(clippy::cast_precision_loss)]
                let mean = if c.articles == 0 {
                    0.0
                } else {
                    c.signals_fixed.get(i).copied().unwrap_or(0) as f64 / FIXED / c.articles as f64
                };
                e.add(*name, mean, w, &detail);
            }
        }
        p.reliability = e.value;
        let claims = usize::try_from(c.claims).unwrap_or(usize::MAX);
        p.grade =
            ReliabilityGrade::assess(SourceKind::NewsOutlet, p.reliability, Some((claims, p.corroboration_rate)), g);
        p.explanation = e;
        p
    }
}

/// The profile of one source (named, anonymous or vague) across the corpus.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct SourceProfile {
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: SourceKind,
    /// Times it is named as a source.
    pub mentions: u64,
    /// Articles that name it.
    pub articles: u64,
    /// Claims whose original source it is.
    pub claims: u64,
    /// Outlets that cite it, by name.
    pub outlets: Vec<String>,
    /// Share of its claims holding a hedge cue.
    pub hedge_rate: f64,
    /// Share of its claims confirmed by an independent source in another article.
    pub corroboration_rate: f64,
    /// Share of its claims contradicted by independent sources in other articles.
    pub contradiction_rate: f64,
    /// Mean of its per-article reliability ([`crate::SourceSummary::reliability`]).
    pub article_reliability: f64,
    /// Reliability in `[0, 1]`: `clamp(article_reliability + corroboration_rate × w − contradiction_rate × w)`.
    pub reliability: f64,
    /// The Admiralty letter.
    pub grade: ReliabilityGrade,
    /// How the reliability was computed.
    pub explanation: Explanation,
}

impl SourceProfile {
    fn new(c: &SourceCounts, confirmed: u64, contradicted: u64, w: &ProfileWeights, g: &ReliabilityGrades) -> Self {
        #[allow(clippy::cast_precision_loss)]
        let article_reliability =
            if c.articles == 0 { 0.5 } else { c.reliability_fixed as f64 / FIXED / c.articles as f64 };
        let corroboration_rate = rate(confirmed, c.claims);
        let contradiction_rate = rate(contradicted, c.claims);
        let mut e = Explanation::new(article_reliability);
        e.add(
            "corroboration_rate",
            corroboration_rate,
            w.corroboration_rate,
            format!("{confirmed} of {} claim(s) confirmed", c.claims),
        );
        e.add(
            "contradiction_rate",
            contradiction_rate,
            -w.contradiction_rate,
            format!("{contradicted} of {} claim(s) contradicted", c.claims),
        );
        let claims = usize::try_from(c.claims).unwrap_or(usize::MAX);
        Self {
            name: c.name.clone(),
            kind: c.kind,
            mentions: c.mentions,
            articles: c.articles,
            claims: c.claims,
            outlets: c.outlets.iter().cloned().collect(),
            hedge_rate: rate(c.hedged, c.claims),
            corroboration_rate,
            contradiction_rate,
            article_reliability,
            reliability: e.value,
            grade: ReliabilityGrade::assess(c.kind, e.value, Some((claims, corroboration_rate)), g),
            explanation: e,
        }
    }
}

/// The result of [`Corpus::profiles`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Profiles {
    /// Articles in the corpus.
    pub articles: u64,
    /// One profile per outlet, by name.
    pub outlets: Vec<OutletProfile>,
    /// One profile per source, most mentioned first.
    pub sources: Vec<SourceProfile>,
    /// Pairs of outlets that share near-copies of claims, most dependent first.
    #[cfg_attr(feature = "serde", serde(default))]
    pub dependence: Vec<OutletDependence>,
}

/// How far two outlets copy each other: near-copies are claims of different articles whose term
/// sets overlap by [`NEAR_COPY_OVERLAP`] or more (with at least [`NEAR_COPY_MIN_TERMS`] terms).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct OutletDependence {
    /// The two outlets, in name order.
    pub outlets: [String; 2],
    /// Claims of each outlet considered for corroboration.
    pub claims: [u64; 2],
    /// Pairs of near-identical claims between them.
    pub near_copies: u64,
    /// `near_copies / claims of the smaller outlet`, at most 1.
    pub dependence: f64,
    /// True when the outlets count as one voice for corroboration: at least
    /// [`DEPENDENT_MIN_COPIES`] near-copies and a dependence of [`DEPENDENT_SHARE`] or more.
    pub dependent: bool,
}

/// Overlap of two claims' term sets (shared / union) from which they are near-copies.
pub const NEAR_COPY_OVERLAP: f64 = 0.8;
/// Terms a claim needs to count as a near-copy (short claims are alike by chance).
pub const NEAR_COPY_MIN_TERMS: usize = 6;
/// Near-copies two outlets need to be dependent.
pub const DEPENDENT_MIN_COPIES: u64 = 3;
/// Share of the smaller outlet's claims that must be near-copies for the two to be dependent.
pub const DEPENDENT_SHARE: f64 = 0.05;

fn is_dependent(copies: u64, smaller: u64) -> bool {
    copies >= DEPENDENT_MIN_COPIES && rate(copies, smaller) >= DEPENDENT_SHARE
}

/// True when two sorted, unique term lists overlap by [`NEAR_COPY_OVERLAP`] or more.
fn near_copy(a: &[u32], b: &[u32]) -> bool {
    if a.len().min(b.len()) < NEAR_COPY_MIN_TERMS {
        return false;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - shared;
    #[allow(clippy::cast_precision_loss)]
    let overlap = shared as f64 / union as f64;
    overlap >= NEAR_COPY_OVERLAP
}
