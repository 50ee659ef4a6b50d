//! Scores: claim credibility and per-source reliability, with explanations (check-worthiness:
//! `checkworthiness.rs`).
//!
//! The model is written down in `docs/scoring.md`; every weight is in `data/scoring.toml`.

use std::collections::HashMap;

use crate::attribution::{AttributionKind, Source, SourceKind};
use crate::claim::{Claim, ClaimKind};
use crate::config::HedgeCategory;
use crate::config::Weights;
use crate::config::{CredibilityGrades, ReliabilityGrades};
use crate::explain::Explanation;
use crate::grade::{CredibilityGrade, ReliabilityGrade};
use crate::hedge::CertaintyLevel;

/// A source as it figures in one article, with its reliability.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct SourceSummary {
    /// Canonical name (see [`Source::name`]).
    pub name: String,
    /// Kind.
    pub kind: SourceKind,
    /// The phrases that named it in the text ("he", "Farnsworth", "Eric Farnsworth, ...").
    pub mentions: Vec<String>,
    /// Indices of the claims whose attribution chain includes it (for the author: unattributed claims).
    pub claims: Vec<usize>,
    /// Reliability in `[0, 1]`.
    pub reliability: f64,
    /// How the reliability was computed.
    pub explanation: Explanation,
    /// The Admiralty reliability letter from this article alone (never A: that needs a track
    /// record across a corpus, see [`crate::Corpus`]).
    pub grade: ReliabilityGrade,
}

/// The key that identifies a source within an article.
pub(crate) fn source_key(kind: SourceKind, name: &str) -> (SourceKind, String) {
    (kind, name.to_lowercase())
}

fn prior(w: &Weights, kind: SourceKind) -> f64 {
    let p = &w.reliability.prior;
    match kind {
        SourceKind::NamedPerson => p.named_person,
        SourceKind::Organisation => p.organisation,
        SourceKind::NewsOutlet => p.news_outlet,
        SourceKind::Document => p.document,
        SourceKind::Anonymous => p.anonymous,
        SourceKind::Vague => p.vague,
        SourceKind::Author => p.author,
        SourceKind::Unresolved => p.unresolved,
    }
}

/// Claim credibility from certainty, the original source's reliability and the chain.
pub(crate) fn credibility(w: &Weights, claim: &Claim, source_reliability: f64, source_label: &str) -> Explanation {
    let c = &w.credibility;
    let mut e = Explanation::new(c.base);
    let cues = claim
        .hedges
        .iter()
        .filter(|h| h.category != HedgeCategory::Booster)
        .map(|h| format!("{} ({}{})", h.cue, h.category, if h.negated { ", negated" } else { "" }))
        .collect::<Vec<_>>()
        .join(", ");
    e.add("hedging", 1.0 - claim.certainty, -c.hedging, cues);
    let weasels: Vec<&str> = claim
        .hedges
        .iter()
        .filter(|h| h.category == HedgeCategory::Weasel && !h.negated)
        .map(|h| h.cue.as_str())
        .collect();
    e.add("weasel", if weasels.is_empty() { 0.0 } else { 1.0 }, -c.weasel, weasels.join(", "));
    e.add("source", source_reliability - 0.5, c.source, format!("{source_label} reliability {source_reliability:.3}"));
    let links = claim.attribution.as_ref().map_or(0, |a| a.sources.len());
    #[allow(clippy::cast_precision_loss)]
    e.add("relay", links.saturating_sub(1) as f64, -c.relay, format!("{links} link(s) in the chain"));
    let direct = claim.attribution.as_ref().is_some_and(|a| a.kind == AttributionKind::Direct);
    e.add("direct_quote", if direct { 1.0 } else { 0.0 }, c.direct_quote, "");
    let specifics = claim.features.has_specifics();
    e.add("specifics", if specifics { 1.0 } else { 0.0 }, c.specifics, "");
    e
}

/// Aggregates the sources of an article and scores their reliability.
pub(crate) fn summarise_sources(
    w: &Weights,
    g: &ReliabilityGrades,
    claims: &[Claim],
    author: &Source,
) -> Vec<SourceSummary> {
    let mut order: Vec<(SourceKind, String)> = Vec::new();
    let mut map: HashMap<(SourceKind, String), SourceSummary> = HashMap::new();
    let mut touch = |src: &Source, claim: Option<usize>| {
        let key = source_key(src.kind, &src.name);
        let entry = map.entry(key.clone()).or_insert_with(|| {
            order.push(key.clone());
            SourceSummary {
                name: src.name.clone(),
                kind: src.kind,
                mentions: Vec::new(),
                claims: Vec::new(),
                reliability: 0.0,
                explanation: Explanation::new(0.0),
                grade: ReliabilityGrade::F,
            }
        });
        if src.span.is_some() && !entry.mentions.contains(&src.text) {
            entry.mentions.push(src.text.clone());
        }
        // Claims arrive in index order, so a repeat can only be the last one pushed.
        if let Some(c) = claim {
            if entry.claims.last() != Some(&c) {
                entry.claims.push(c);
            }
        }
    };
    touch(author, None);
    for claim in claims {
        match &claim.attribution {
            Some(a) => a.sources.iter().for_each(|s| touch(s, Some(claim.index))),
            None => touch(author, Some(claim.index)),
        }
    }
    let r = &w.reliability;
    let mut out = Vec::with_capacity(order.len());
    for key in order {
        let Some(mut s) = map.remove(&key) else { continue };
        let base = prior(w, s.kind);
        let mut e = Explanation::new(base);
        let n = s.claims.len();
        #[allow(clippy::cast_precision_loss)]
        let share = |pred: &dyn Fn(&Claim) -> bool| {
            if n == 0 { 0.0 } else { s.claims.iter().filter(|&&i| pred(&claims[i])).count() as f64 / n as f64 }
        };
        let hedged =
            share(&|c: &Claim| matches!(c.certainty_level, CertaintyLevel::Possible | CertaintyLevel::Underspecified));
        let specific = share(&|c: &Claim| c.features.has_specifics());
        e.add("hedge_rate", hedged, -r.hedge_rate, format!("over {n} claim(s)"));
        e.add("specifics_rate", specific, r.specifics_rate, format!("over {n} claim(s)"));
        let full = s.kind == SourceKind::NamedPerson && s.name.split_whitespace().count() >= 2;
        e.add("full_name", if full { 1.0 } else { 0.0 }, r.full_name, "");
        s.reliability = e.value;
        s.grade = ReliabilityGrade::assess(s.kind, s.reliability, None, g);
        s.explanation = e;
        out.push(s);
    }
    out
}

impl CredibilityGrade {
    /// Grades a claim of one article from its kind, certainty and weasel cues (never 1 or 5: those
    /// need other articles, see [`CredibilityGrade::with_corroboration`]). Returns the grade and
    /// the reason in words.
    #[must_use]
    pub fn assess(claim: &Claim, g: &CredibilityGrades) -> (Self, String) {
        match claim.kind {
            ClaimKind::Question => return (CredibilityGrade::CannotBeJudged, "a question asserts nothing".into()),
            ClaimKind::Opinion => return (CredibilityGrade::CannotBeJudged, "an opinion, not a checkable fact".into()),
            ClaimKind::Prediction => {
                return (CredibilityGrade::CannotBeJudged, "a prediction, not checkable yet".into());
            }
            _ => {}
        }
        let c = claim.certainty;
        let (mut grade, mut reason) = if c >= g.probably_true {
            (CredibilityGrade::ProbablyTrue, format!("stated as fact (certainty {c:.2} >= {})", g.probably_true))
        } else if c >= g.possibly_true {
            (CredibilityGrade::PossiblyTrue, format!("stated as probable (certainty {c:.2} >= {})", g.possibly_true))
        } else if c >= g.doubtful {
            (CredibilityGrade::Doubtful, format!("stated as possible (certainty {c:.2} >= {})", g.doubtful))
        } else {
            (CredibilityGrade::CannotBeJudged, format!("no clear stance (certainty {c:.2} < {})", g.doubtful))
        };
        if claim.is_weasel() && grade < CredibilityGrade::PossiblyTrue {
            grade = CredibilityGrade::PossiblyTrue;
            reason.push_str("; capped at 3 by a weasel cue");
        }
        (grade, reason)
    }
}
