//! Corroboration across articles: claims about the same thing in several analysed articles are
//! grouped into truth-discovery objects, their sources (named sources, or the outlet's own voice)
//! become truth-discovery sources, and the resulting trust and confidence adjust source
//! reliability and claim credibility. The model is in `docs/scoring.md` ("Corroboration").

use std::collections::{BTreeMap, HashMap};

use crate::truth::{Algorithm, Dataset, Similarity, TruthOptions, fold};
use crate::{Analysis, Claim, ClaimKind, CredibilityGrade, SourceKind};

/// Default [`CorroborationOptions::min_similarity`].
pub const DEFAULT_MIN_SIMILARITY: f64 = 0.25;
/// Two grouped claims share at least this many terms.
const MIN_SHARED_CONTENT: usize = 2;
/// Default [`CorroborationOptions::credibility_weight`].
pub const DEFAULT_CREDIBILITY_WEIGHT: f64 = 0.2;
/// Default [`CorroborationOptions::reliability_weight`].
pub const DEFAULT_RELIABILITY_WEIGHT: f64 = 0.2;

/// How claims are grouped and how much corroboration moves the scores.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct CorroborationOptions {
    /// Two claims from different articles are about the same thing when the IDF-weighted overlap
    /// of their terms (content words, entities, numbers; shared weight over the smaller claim's
    /// weight of its 8 heaviest terms) reaches this, they share a named entity or a number, and
    /// they share two content terms one of which is a concept, or three
    /// ([`DEFAULT_MIN_SIMILARITY`]). Linked claims are grouped with average linkage.
    pub min_similarity: f64,
    /// The truth-discovery run over the groups (TruthFinder with Jaccard similarity of values by
    /// default).
    pub truth: TruthOptions,
    /// Weight of `confidence − 0.5` added to a grouped claim's credibility
    /// ([`DEFAULT_CREDIBILITY_WEIGHT`]).
    pub credibility_weight: f64,
    /// Weight of `trust − 0.5` added to a grouped source's reliability
    /// ([`DEFAULT_RELIABILITY_WEIGHT`]).
    pub reliability_weight: f64,
    /// When true (the default), outlets found to copy each other (see
    /// [`crate::OutletDependence`]) count as one voice: a claim of one is not counted among the
    /// agreeing or contradicting independent sources of a claim of the other.
    pub dependence: bool,
}

impl Default for CorroborationOptions {
    fn default() -> Self {
        Self {
            min_similarity: DEFAULT_MIN_SIMILARITY,
            truth: TruthOptions::new(Algorithm::TruthFinder).with_similarity(Similarity::Jaccard),
            credibility_weight: DEFAULT_CREDIBILITY_WEIGHT,
            reliability_weight: DEFAULT_RELIABILITY_WEIGHT,
            dependence: true,
        }
    }
}

impl CorroborationOptions {
    /// Sets [`CorroborationOptions::min_similarity`].
    #[must_use]
    pub fn with_min_similarity(mut self, v: f64) -> Self {
        self.min_similarity = v;
        self
    }

    /// Sets [`CorroborationOptions::dependence`].
    #[must_use]
    pub fn with_dependence(mut self, on: bool) -> Self {
        self.dependence = on;
        self
    }

    /// Sets the truth-discovery options.
    #[must_use]
    pub fn with_truth(mut self, truth: TruthOptions) -> Self {
        self.truth = truth;
        self
    }
}

/// The voice an article's outlet speaks with, for counting independent sources.
struct Voice {
    /// The article's outlet ([`crate::corpus::UNKNOWN_OUTLET`] without one).
    outlet: String,
    /// The first outlet name, in name order, of the outlets joined to it by dependence (its own
    /// name when none is).
    group: String,
    /// True when the outlet is dependent on another.
    grouped: bool,
}

/// Per article, the voice of its outlet: outlets joined by dependence in a corpus profile of
/// the analyses (see [`crate::OutletDependence`]) are one voice.
fn outlet_voices(analyses: &[Analysis]) -> Vec<Voice> {
    let mut corpus = crate::Corpus::new();
    corpus.extend(analyses);
    let dependent: Vec<[String; 2]> =
        corpus.profiles().dependence.into_iter().filter(|d| d.dependent).map(|d| d.outlets).collect();
    // Union of dependent pairs, each outlet pointing towards the smallest name of its group.
    let mut parent: BTreeMap<String, String> = BTreeMap::new();
    let find = |parent: &BTreeMap<String, String>, o: &str| -> String {
        let mut cur = o.to_owned();
        while let Some(next) = parent.get(&cur).filter(|n| **n != cur) {
            cur.clone_from(next);
        }
        cur
    };
    for [a, b] in &dependent {
        let (ra, rb) = (find(&parent, a), find(&parent, b));
        let (lo, hi) = if ra <= rb { (ra, rb) } else { (rb, ra) };
        parent.insert(hi, lo.clone());
        parent.entry(lo.clone()).or_insert(lo);
    }
    analyses
        .iter()
        .map(|a| {
            let outlet = a.article().outlet().map_or(crate::corpus::UNKNOWN_OUTLET, |m| m.value.as_str()).to_owned();
            Voice { group: find(&parent, &outlet), grouped: parent.contains_key(&outlet), outlet }
        })
        .collect()
}

/// A claim of one article, placed in a group.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct CorroboratedClaim {
    /// Index of the article in the input.
    pub article: usize,
    /// Index of the claim in [`Analysis::claims`].
    pub claim: usize,
    /// The claim's text.
    pub text: String,
    /// The truth-discovery source: the original source's name, or the article's own voice.
    pub source: String,
    /// What the claim asserts about the group's object: `affirmed` or `negated`, with the
    /// claim's numbers (`affirmed 18`).
    pub value: String,
    /// True when its value is the one truth discovery chose for the group.
    pub agrees: bool,
    /// The claim value's share of truth discovery's confidence over all the group's values, in
    /// `[0, 1]`: 1 when every claim agrees, above 0.5 for a value that dominates.
    pub corroboration: f64,
    /// Other articles in the group whose claims give the same value.
    pub corroborating_articles: usize,
    /// The claim's credibility before.
    pub score: f64,
    /// The credibility after: `clamp(score + credibility_weight × (corroboration − 0.5))`.
    pub adjusted_score: f64,
    /// Independent sources (other articles, other original sources) whose claims in the group
    /// give the same value.
    pub agreeing_sources: usize,
    /// Independent sources whose claims in the group contradict it: the opposite polarity, or
    /// other numbers (a claim that gives no number neither agrees nor contradicts one that does).
    pub contradicting_sources: usize,
    /// The Admiralty credibility digit once the other articles are known: 1 (confirmed) when
    /// agreeing independent sources are at least one and at least as many as contradicting ones,
    /// 5 (improbable) when contradicting ones outnumber them, otherwise the claim's own grade
    /// (see [`CredibilityGrade::with_corroboration`]).
    pub credibility_grade: CredibilityGrade,
}

/// Claims about the same thing across articles.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ClaimGroup {
    /// The group's object name: its most informative shared terms.
    pub label: String,
    /// The articles with a claim in the group.
    pub articles: Vec<usize>,
    /// The value truth discovery chose.
    pub value: String,
    /// Its confidence.
    pub confidence: f64,
    /// The claims, by article then claim.
    pub claims: Vec<CorroboratedClaim>,
}

/// A source's trust across articles.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct CorroboratedSource {
    /// The name.
    pub name: String,
    /// Articles it appears in (as a grouped claim's source).
    pub articles: Vec<usize>,
    /// Grouped claims it makes.
    pub claims: usize,
    /// Truth-discovery trust in `[0, 1]`.
    pub trust: f64,
    /// Its mean per-article reliability before.
    pub reliability: f64,
    /// After: `clamp(reliability + reliability_weight × (trust − 0.5))`.
    pub adjusted_reliability: f64,
}

/// The result of [`corroborate`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Corroboration {
    /// Groups of claims from two or more articles, largest first.
    pub groups: Vec<ClaimGroup>,
    /// The sources of grouped claims, by name.
    pub sources: Vec<CorroboratedSource>,
    /// Truth-discovery iterations.
    pub iterations: usize,
    /// Whether truth discovery converged.
    pub converged: bool,
}

const STOPWORDS: [&str; 64] = [
    "the",
    "and",
    "that",
    "this",
    "with",
    "from",
    "have",
    "has",
    "had",
    "was",
    "were",
    "been",
    "being",
    "for",
    "are",
    "but",
    "not",
    "his",
    "her",
    "its",
    "their",
    "they",
    "them",
    "who",
    "whom",
    "which",
    "what",
    "when",
    "where",
    "would",
    "could",
    "should",
    "will",
    "shall",
    "may",
    "might",
    "into",
    "onto",
    "about",
    "after",
    "before",
    "over",
    "than",
    "then",
    "also",
    "more",
    "most",
    "some",
    "such",
    "other",
    "said",
    "says",
    "told",
    "according",
    "while",
    "there",
    "these",
    "those",
    "him",
    "she",
    "can",
    "did",
    "does",
    "just",
];

/// Words folded to one concept, so that claims worded differently about the same event meet:
/// an exit deal (amnesty, pardon, asylum, escape ...) and a release (freed, rescued, hostages ...).
const CONCEPTS: [(&str, &[&str]); 2] = [
    (
        "~exit-deal",
        &[
            "amnesty",
            "pardon",
            "pardons",
            "asylum",
            "escape",
            "exit",
            "depart",
            "ceding",
            "cede",
            "guarantees",
            "extradition",
        ],
    ),
    (
        "~release",
        &[
            "release",
            "released",
            "releasing",
            "releases",
            "freed",
            "free",
            "rescue",
            "rescued",
            "hostage",
            "hostages",
            "prisoner",
            "prisoners",
            "detainee",
            "detainees",
        ],
    ),
];

fn stem(w: &str) -> String {
    let w = w.strip_suffix("'s").unwrap_or(w);
    if let Some((concept, _)) = CONCEPTS.iter().find(|(_, words)| words.contains(&w)) {
        return (*concept).to_owned();
    }
    if w.len() > 4 && w.ends_with('s') && !w.ends_with("ss") { w[..w.len() - 1].to_owned() } else { w.to_owned() }
}

struct Unit {
    article: usize,
    claim: usize,
    source: String,
    /// True when `source` is the article's own voice (no attribution).
    own_voice: bool,
    terms: Vec<String>,
    /// Entities and numbers: one must be shared.
    anchors: Vec<String>,
    negated: bool,
    numbers: String,
    /// [`ClaimTerms::value`], the truth-discovery value.
    value: String,
}

/// What a claim is about and what it says about it: the terms that group it with claims of other
/// articles, and its value. Shared by [`corroborate`] and [`crate::Corpus`].
pub(crate) struct ClaimTerms {
    /// Content words (stemmed, concept-folded), entities and numbers; sorted, unique.
    pub terms: Vec<String>,
    /// Entities and numbers: two claims about the same thing share one. Sorted, unique.
    pub anchors: Vec<String>,
    /// The claim's polarity ([`Claim::negated`]).
    pub negated: bool,
    /// The claim's numbers with digits, sorted, unique, space-separated; empty when none.
    pub numbers: String,
}

impl ClaimTerms {
    /// The value: `affirmed` or `negated`, followed by the numbers (`affirmed 18`).
    pub fn value(&self) -> String {
        let polarity = if self.negated { "negated" } else { "affirmed" };
        if self.numbers.is_empty() { polarity.to_owned() } else { format!("{polarity} {}", self.numbers) }
    }
}

/// How two claims about the same thing relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Relation {
    /// Same polarity and the same numbers.
    Agree,
    /// Opposite polarity, or both give numbers and they differ.
    Contradict,
    /// Same polarity, and only one of them gives numbers: neither confirms nor contradicts.
    Neutral,
}

/// How similar two claims must be ([`same_object`]'s similarity) for opposite polarity to count as
/// a contradiction: "the talks did not fail" against "the talks failed" are near paraphrases,
/// while two claims that only share a topic and differ in a "not" somewhere ("This would not be
/// the first time the regime retained prisoners" and "the rescue of all hostages held by the
/// regime") say different things, and neither refutes the other.
pub(crate) const POLARITY_SIMILARITY: f64 = 0.5;

/// The relation of two claim values given as (negated, numbers), where numbers compare by
/// equality and `N::default()` means "no number", for two claims of the given similarity (0 when
/// not linked directly).
pub(crate) fn relation<N: PartialEq + Default>(a: (bool, N), b: (bool, N), similarity: f64) -> Relation {
    let none = N::default();
    if a.0 != b.0 {
        if similarity >= POLARITY_SIMILARITY { Relation::Contradict } else { Relation::Neutral }
    } else if a.1 == b.1 {
        Relation::Agree
    } else if a.1 == none || b.1 == none {
        Relation::Neutral
    } else {
        Relation::Contradict
    }
}

/// True when a claim takes part in corroboration (questions and headlines do not).
pub(crate) fn corroborable(c: &Claim) -> bool {
    c.kind != ClaimKind::Question && !c.headline
}

pub(crate) fn claim_terms(c: &Claim) -> ClaimTerms {
    let lower = fold(&c.text).to_lowercase();
    let numbers: Vec<String> = c.features.numbers.iter().map(|n| fold(n).to_lowercase()).collect();
    // Anchors: the words of the claim's named entities ("Venezuela's Nicolas Maduro" gives
    // venezuela, nicolas, maduro; "U.S." gives us), titles and function words left out, so that
    // "Maduro" and "President Nicolás Maduro" meet.
    let mut anchors: Vec<String> =
        c.features.entities.iter().flat_map(|e| entity_words(&fold(e).to_lowercase())).collect();
    // Content words, the words of entities and of the attribution cue left out: "United States"
    // is two anchors, not also the terms "united" and "state" (which made any two claims naming
    // it share three terms), and "he wrote" says who speaks, not what about.
    let cue = c.attribution.as_ref().map(|a| fold(&a.cue).to_lowercase()).unwrap_or_default();
    let cue_words: Vec<&str> = cue.split(|ch: char| !ch.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let mut terms: Vec<String> = lower
        .split(|ch: char| !ch.is_alphanumeric() && ch != '\'')
        .map(|w| w.strip_suffix("'s").unwrap_or(w))
        .filter(|w| w.len() >= 4 && !STOPWORDS.contains(w) && !anchors.iter().any(|a| a == w) && !cue_words.contains(w))
        .map(stem)
        .collect();
    anchors.extend(numbers.iter().cloned());
    terms.extend(anchors.iter().cloned());
    terms.sort_unstable();
    terms.dedup();
    anchors.sort_unstable();
    anchors.dedup();
    let mut digits: Vec<String> = numbers.into_iter().filter(|n| n.chars().any(|ch| ch.is_ascii_digit())).collect();
    digits.sort_unstable();
    digits.dedup();
    ClaimTerms { terms, anchors, negated: c.negated, numbers: digits.join(" ") }
}

/// Weight of a term: its inverse document frequency over `n` claims (`ln(n / df) + 1`), doubled
/// for a concept (`~exit-deal`, `~release`): a shared concept is strong evidence that two claims
/// worded differently report the same event.
pub(crate) fn term_weight(concept: bool, n: f64, df: f64) -> f64 {
    let idf = (n / df.max(1.0)).ln() + 1.0;
    if concept { 2.0 * idf } else { idf }
}

/// How many of a claim's terms, the most informative first, make its weight (the denominator of
/// [`same_object`]'s similarity): a long sentence about the same event as a short one must not be
/// held apart by its length.
pub(crate) const SALIENT_TERMS: usize = 8;

/// A claim's weight: the sum of its [`SALIENT_TERMS`] largest term weights.
pub(crate) fn claim_weight(mut weights: Vec<f64>) -> f64 {
    weights.sort_unstable_by(|a, b| b.total_cmp(a));
    weights.iter().take(SALIENT_TERMS).sum()
}

/// Words of an entity that name it (not titles or function words), possessives and dots removed.
fn entity_words(entity: &str) -> Vec<String> {
    entity
        .split(|ch: char| ch.is_whitespace() || ch == '-' || ch == '\u{2014}')
        .map(|w| {
            let w = w.trim_matches(|ch: char| !ch.is_alphanumeric());
            let w = w.strip_suffix("'s").or_else(|| w.strip_suffix("\u{2019}s")).unwrap_or(w);
            w.replace('.', "")
        })
        .filter(|w| w.chars().count() >= 2 && !ENTITY_FILLERS.contains(&w.as_str()))
        .collect()
}

/// Titles and function words inside entity names.
const ENTITY_FILLERS: [&str; 24] = [
    "the",
    "of",
    "de",
    "del",
    "la",
    "and",
    "president",
    "presidents",
    "minister",
    "secretary",
    "state",
    "general",
    "senator",
    "governor",
    "former",
    "prime",
    "vice",
    "chief",
    "leader",
    "mr",
    "mrs",
    "ms",
    "dr",
    "who",
];

/// The similarity of two claims of different articles when they are about the same thing
/// (`None` otherwise): they share an anchor (an entity
/// word or a number) and what they say about it — at least [`MIN_SHARED_CONTENT`] content terms
/// (terms that are not anchors), one of them a concept, or one more than that without a concept —
/// and the IDF-weighted shared terms reach `min_similarity` of the smaller claim's weight
/// (`a_weight`, `b_weight`: see [`claim_weight`]). Sharing names alone ("President Javier Milei")
/// does not make two claims say the same thing. `terms` and `anchors` must be sorted.
#[allow(clippy::too_many_arguments)]
pub(crate) fn same_object<T: Ord>(
    a_terms: &[T],
    a_anchors: &[T],
    a_weight: f64,
    b_terms: &[T],
    b_anchors: &[T],
    b_weight: f64,
    idf: impl Fn(&T) -> f64,
    is_concept: impl Fn(&T) -> bool,
    min_similarity: f64,
) -> Option<f64> {
    if !a_anchors.iter().any(|x| b_anchors.binary_search(x).is_ok()) {
        return None;
    }
    let common: Vec<&T> = a_terms.iter().filter(|t| b_terms.binary_search(t).is_ok()).collect();
    let content = common.iter().filter(|t| a_anchors.binary_search(t).is_err() && b_anchors.binary_search(t).is_err());
    let (n_content, concept) = content.fold((0, false), |(n, c), t| (n + 1, c || is_concept(t)));
    if n_content < MIN_SHARED_CONTENT + usize::from(!concept) {
        return None;
    }
    let shared: f64 = common.iter().map(|t| idf(t)).sum();
    let smaller = a_weight.min(b_weight);
    (smaller > 0.0 && shared / smaller >= min_similarity).then_some(shared / smaller)
}

fn units(analyses: &[Analysis]) -> Vec<Unit> {
    let mut out = Vec::new();
    for (a, analysis) in analyses.iter().enumerate() {
        // The article's own voice: its outlet or authors; a bare "author" is told apart by article.
        let voice = analysis
            .sources()
            .iter()
            .find(|s| s.kind == SourceKind::Author && s.name != "author")
            .map_or_else(|| format!("author of article {a}"), |s| s.name.clone());
        for c in analysis.claims() {
            if !corroborable(c) {
                continue;
            }
            // A claim the article's own outlet reports is its own voice (see `Source::kind`).
            let original =
                c.attribution.as_ref().and_then(|at| at.original_source()).filter(|s| s.kind != SourceKind::Author);
            let own_voice = original.is_none();
            let source = original.map_or_else(|| voice.clone(), |s| s.name.clone());
            let t = claim_terms(c);
            let value = t.value();
            let ClaimTerms { terms, anchors, negated, numbers } = t;
            out.push(Unit { article: a, claim: c.index, source, own_voice, terms, anchors, negated, numbers, value });
        }
    }
    out
}

/// Groups claims by their links, strongest first, with average linkage: two groups merge only
/// when at least half of their pairs of claims from different articles are linked. Plain
/// transitive closure (single linkage) chains one story into the next through claims that share
/// a few words with each; this keeps a group about one thing. Returns each claim's group, named
/// by its lowest claim index.
///
/// Each group keeps its number of claims per article and its number of links to every other
/// group, so a merge costs the size of the smaller group's maps, not a scan of all member pairs.
fn average_link(units: &[Unit], links: &[(f64, usize, usize)]) -> Vec<usize> {
    let n = units.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let mut size = vec![1usize; n];
    // The lowest claim index of each group: its name in the result (group order follows it).
    let mut lowest: Vec<usize> = (0..n).collect();
    let mut per_article: Vec<HashMap<usize, usize>> = units.iter().map(|u| HashMap::from([(u.article, 1)])).collect();
    let mut adjacent: Vec<HashMap<usize, usize>> = vec![HashMap::new(); n];
    for &(_, i, j) in links {
        *adjacent[i].entry(j).or_default() += 1;
        *adjacent[j].entry(i).or_default() += 1;
    }
    for &(_, i, j) in links {
        let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
        if ri == rj {
            continue;
        }
        let hits = adjacent[ri].get(&rj).copied().unwrap_or(0);
        let (small, large) = if per_article[ri].len() <= per_article[rj].len() { (ri, rj) } else { (rj, ri) };
        let same_article: usize =
            per_article[small].iter().map(|(a, k)| k * per_article[large].get(a).copied().unwrap_or(0)).sum();
        if 2 * hits < size[ri] * size[rj] - same_article {
            continue;
        }
        // The group with more neighbours survives, so renaming the other's neighbours is cheap.
        let (root, other) = if adjacent[ri].len() >= adjacent[rj].len() { (ri, rj) } else { (rj, ri) };
        parent[other] = root;
        size[root] += size[other];
        lowest[root] = lowest[root].min(lowest[other]);
        if per_article[root].len() < per_article[other].len() {
            per_article.swap(root, other);
        }
        for (a, k) in std::mem::take(&mut per_article[other]) {
            *per_article[root].entry(a).or_default() += k;
        }
        adjacent[root].remove(&other);
        for (c, k) in std::mem::take(&mut adjacent[other]) {
            if c == root {
                continue;
            }
            *adjacent[root].entry(c).or_default() += k;
            let back = adjacent[c].remove(&other).unwrap_or(0);
            *adjacent[c].entry(root).or_default() += back;
        }
    }
    (0..n).map(|i| lowest[find(&mut parent, i)]).collect()
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Groups claims about the same thing across `analyses`, runs truth discovery over the groups
/// and reports corroboration per claim and trust per source. Single-article results are not
/// changed; the report holds the adjusted copies of the scores.
#[must_use]
pub fn corroborate(analyses: &[Analysis], options: &CorroborationOptions) -> Corroboration {
    let units = units(analyses);
    let voice = if options.dependence { outlet_voices(analyses) } else { Vec::new() };
    // Two articles speak with one voice when their outlets are dependent (never for one outlet:
    // its articles are told apart by their sources, as without dependence).
    let same_voice = |a: usize, b: usize| {
        !voice.is_empty() && voice[a].outlet != voice[b].outlet && voice[a].group == voice[b].group
    };
    // Who a claim counts as among a claim's independent sources: its original source, or for
    // the article's own voice in an outlet that copies or is copied, the group of dependent
    // outlets as one.
    let counted_as = |j: usize| -> &str {
        let u = &units[j];
        match voice.get(u.article) {
            Some(v) if u.own_voice && v.grouped => v.group.as_str(),
            _ => u.source.as_str(),
        }
    };
    // Terms as ids, numbered in sorted order so that ids sort like the strings (same sums in the
    // same order, so the same similarities); anchors are terms too.
    let mut vocab: Vec<&str> = units.iter().flat_map(|u| u.terms.iter().map(String::as_str)).collect();
    vocab.sort_unstable();
    vocab.dedup();
    let id = |t: &String| u32::try_from(vocab.binary_search(&t.as_str()).unwrap_or_else(|i| i)).unwrap_or(u32::MAX);
    let terms: Vec<Vec<u32>> = units.iter().map(|u| u.terms.iter().map(id).collect()).collect();
    let anchors: Vec<Vec<u32>> = units.iter().map(|u| u.anchors.iter().map(id).collect()).collect();
    // Inverse document frequency of each term over all claims.
    let mut df = vec![0usize; vocab.len()];
    for t in terms.iter().flatten() {
        df[*t as usize] += 1;
    }
    let n = units.len().max(1) as f64;
    let idf_of: Vec<f64> = vocab.iter().zip(&df).map(|(t, &d)| term_weight(t.starts_with('~'), n, d as f64)).collect();
    let idf = |t: &u32| idf_of[*t as usize];
    let is_concept = |t: &u32| vocab[*t as usize].starts_with('~');
    let weights: Vec<f64> = terms.iter().map(|ts| claim_weight(ts.iter().map(idf).collect())).collect();
    // Claims per anchor: two claims about the same thing share one, so only those pairs are
    // tested.
    let mut postings: Vec<Vec<usize>> = vec![Vec::new(); vocab.len()];
    for (i, ids) in anchors.iter().enumerate() {
        for a in ids {
            postings[*a as usize].push(i);
        }
    }
    // Links between claims of different articles, strongest first.
    let mut links: Vec<(f64, usize, usize)> = Vec::new();
    let mut seen = vec![usize::MAX; units.len()];
    for i in 0..units.len() {
        for a in &anchors[i] {
            let list = &postings[*a as usize];
            for &j in &list[list.partition_point(|&j| j <= i)..] {
                if seen[j] == i || units[j].article == units[i].article {
                    continue;
                }
                seen[j] = i;
                if let Some(sim) = same_object(
                    &terms[i],
                    &anchors[i],
                    weights[i],
                    &terms[j],
                    &anchors[j],
                    weights[j],
                    idf,
                    is_concept,
                    options.min_similarity,
                ) {
                    links.push((sim, i, j));
                }
            }
        }
    }
    links.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let similarity: HashMap<(usize, usize), f64> = links.iter().map(|&(sim, i, j)| ((i, j), sim)).collect();
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, group) in average_link(&units, &links).into_iter().enumerate() {
        members.entry(group).or_default().push(i);
    }
    // Only groups spanning two or more articles are objects.
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for ids in members.into_values() {
        let mut articles: Vec<usize> = ids.iter().map(|&i| units[i].article).collect();
        articles.sort_unstable();
        articles.dedup();
        if articles.len() < 2 {
            continue;
        }
        // Label: the terms found in most of the group's articles, most informative first.
        let mut count: HashMap<&str, Vec<usize>> = HashMap::new();
        for &i in &ids {
            for t in &units[i].terms {
                count.entry(t.as_str()).or_default().push(units[i].article);
            }
        }
        let mut shared: Vec<(&str, f64)> = count
            .into_iter()
            .filter_map(|(t, mut arts)| {
                arts.sort_unstable();
                arts.dedup();
                (arts.len() >= 2).then(|| (t, vocab.binary_search(&t).map_or(0.0, |k| idf_of[k]) * arts.len() as f64))
            })
            .collect();
        shared.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        let label = shared.iter().take(4).map(|s| s.0).collect::<Vec<_>>().join(" ");
        groups.push((format!("{} [{}]", label, groups.len() + 1), ids));
    }
    let units_ref = &units;
    let triples: Vec<(&str, &str, &str)> = groups
        .iter()
        .flat_map(|(label, ids)| {
            ids.iter().map(move |&i| {
                let units = units_ref;
                (units[i].source.as_str(), label.as_str(), units[i].value.as_str())
            })
        })
        .collect();
    let dataset = Dataset::from_triples(triples);
    let discovery = dataset.discover(&options.truth);
    let mut out_groups = Vec::new();
    let mut per_source: BTreeMap<String, (Vec<usize>, usize)> = BTreeMap::new();
    for (label, ids) in &groups {
        let truth = discovery.truth(label);
        let chosen = truth.map_or("", |t| t.value);
        let confidences: HashMap<&str, f64> = discovery.values(label).unwrap_or_default().into_iter().collect();
        let mut claims = Vec::new();
        for &i in ids {
            let u = &units[i];
            let c = &analyses[u.article].claims()[u.claim];
            let total: f64 = confidences.values().sum();
            let corroboration =
                if total > 0.0 { confidences.get(u.value.as_str()).copied().unwrap_or(0.0) / total } else { 0.0 };
            let mut others: Vec<usize> = ids
                .iter()
                .map(|&j| &units[j])
                .filter(|v| v.article != u.article && v.value == u.value)
                .map(|v| v.article)
                .collect();
            others.sort_unstable();
            others.dedup();
            let independent = |rel: Relation| {
                let mut names: Vec<&str> = ids
                    .iter()
                    .copied()
                    .filter(|&j| {
                        let v = &units[j];
                        let sim = similarity.get(&(i.min(j), i.max(j))).copied().unwrap_or(0.0);
                        v.article != u.article
                            && counted_as(j) != counted_as(i)
                            && !same_voice(u.article, v.article)
                            && relation((u.negated, u.numbers.as_str()), (v.negated, v.numbers.as_str()), sim) == rel
                    })
                    .map(counted_as)
                    .collect();
                names.sort_unstable();
                names.dedup();
                names.len()
            };
            let (agreeing_sources, contradicting_sources) =
                (independent(Relation::Agree), independent(Relation::Contradict));
            claims.push(CorroboratedClaim {
                agreeing_sources,
                contradicting_sources,
                credibility_grade: c.admiralty.credibility.with_corroboration(agreeing_sources, contradicting_sources),
                article: u.article,
                claim: u.claim,
                text: c.text.clone(),
                source: u.source.clone(),
                value: u.value.clone(),
                agrees: u.value == chosen,
                corroboration,
                corroborating_articles: others.len(),
                score: c.score,
                adjusted_score: (c.score + options.credibility_weight * (corroboration - 0.5)).clamp(0.0, 1.0),
            });
            let e = per_source.entry(u.source.clone()).or_default();
            e.0.push(u.article);
            e.1 += 1;
        }
        let mut articles: Vec<usize> = ids.iter().map(|&i| units[i].article).collect();
        articles.sort_unstable();
        articles.dedup();
        out_groups.push(ClaimGroup {
            label: label.clone(),
            articles,
            value: chosen.to_owned(),
            confidence: truth.map_or(0.0, |t| t.confidence),
            claims,
        });
    }
    out_groups.sort_by(|a, b| b.articles.len().cmp(&a.articles.len()).then(b.claims.len().cmp(&a.claims.len())));
    let sources = per_source
        .into_iter()
        .map(|(name, (mut articles, claims))| {
            articles.sort_unstable();
            articles.dedup();
            let rel: Vec<f64> = articles
                .iter()
                .filter_map(|&a| analyses[a].sources().iter().find(|s| s.name == name).map(|s| s.reliability))
                .collect();
            let reliability = if rel.is_empty() { 0.5 } else { rel.iter().sum::<f64>() / rel.len() as f64 };
            let trust = discovery.trust_of(&name).unwrap_or(0.5);
            CorroboratedSource {
                adjusted_reliability: (reliability + options.reliability_weight * (trust - 0.5)).clamp(0.0, 1.0),
                name,
                articles,
                claims,
                trust,
                reliability,
            }
        })
        .collect();
    Corroboration { groups: out_groups, sources, iterations: discovery.iterations(), converged: discovery.converged() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Analyzer;

    #[test]
    fn relation_table() {
        use Relation::{Agree, Contradict, Neutral};
        // ((negated, number), (negated, number), similarity, relation)
        type Side = (bool, &'static str);
        let rows: &[(Side, Side, f64, Relation)] = &[
            ((false, "18"), (false, "18"), 0.3, Agree),
            ((false, "18"), (false, "3"), 0.3, Contradict),
            ((false, "18"), (false, ""), 0.3, Neutral),
            // Opposite polarity refutes only between near paraphrases.
            ((false, ""), (true, ""), 0.8, Contradict),
            ((false, ""), (true, ""), POLARITY_SIMILARITY, Contradict),
            ((false, ""), (true, ""), 0.3, Neutral),
            ((true, "18"), (false, "18"), 0.0, Neutral),
        ];
        for &(a, b, sim, want) in rows {
            assert_eq!(relation(a, b, sim), want, "{a:?} {b:?} at {sim}");
        }
    }

    #[test]
    fn repeated_claim_is_corroborated_and_contradiction_is_not() {
        let az = Analyzer::default();
        let texts = [
            "Officials said 18 political prisoners were released in Caracas on Sunday.",
            "Venezuela released 18 political prisoners in Caracas on Sunday, Foro Penal said.",
            "Only 3 political prisoners were released in Caracas on Sunday, a rights group said.",
        ];
        let analyses: Vec<Analysis> = texts.iter().map(|t| az.analyze_text(t).unwrap()).collect();
        let c = corroborate(&analyses, &CorroborationOptions::default());
        assert_eq!(c.groups.len(), 1, "{c:#?}");
        let g = &c.groups[0];
        assert_eq!(g.articles, [0, 1, 2]);
        assert_eq!(g.value, "affirmed 18");
        let eighteen: Vec<&CorroboratedClaim> = g.claims.iter().filter(|x| x.value == "affirmed 18").collect();
        assert_eq!(eighteen.len(), 2);
        assert!(eighteen.iter().all(|x| x.agrees && x.corroborating_articles == 1 && x.adjusted_score >= x.score));
        let three = g.claims.iter().find(|x| x.value == "affirmed 3").unwrap();
        assert!(!three.agrees && three.adjusted_score < three.score);
    }

    #[test]
    fn unrelated_articles_form_no_group() {
        let az = Analyzer::default();
        let a = az.analyze_text("The central bank raised rates to 5 percent in Frankfurt.").unwrap();
        let b = az.analyze_text("Heavy rain flooded villages in northern Italy on Tuesday.").unwrap();
        let c = corroborate(&[a, b], &CorroborationOptions::default());
        assert!(c.groups.is_empty());
        assert!(c.sources.is_empty());
    }
}
