//! Value normalisation and similarity.

use std::sync::Arc;

use crate::fold::fold;
use crate::names::normalize_author_lists;
use crate::observation::Observation;

/// A function from a raw value to its normal form, or `None` to drop the claim.
pub type NormalizeFn = dyn Fn(&str) -> Option<String> + Send + Sync;
/// A function giving the similarity in `[0, 1]` of two values of the same object.
pub type SimilarityFn = dyn Fn(&str, &str) -> f64 + Send + Sync;

/// How raw values are brought to a normal form before truth discovery. Two claims agree only when
/// their normal forms are equal, so this moves results more than the algorithm does.
#[derive(Clone, Default)]
#[non_exhaustive]
pub enum Normalizer {
    /// The value as given (only an empty value is dropped).
    #[default]
    Exact,
    /// Lower case, accents folded to ASCII, HTML entities decoded, punctuation other than `.`,
    /// `-` and `'` removed, whitespace collapsed; empty and "not available" values are dropped.
    Text,
    /// A number: digits with optional sign, separators (`,` `_` and spaces) and decimals,
    /// written back in its shortest form (`"1,200.50"` → `"1200.5"`); non-numbers are dropped.
    Number,
    /// An author list, reduced to the sorted set of last names joined by `"; "` (see
    /// [`crate::author_last_names`]). Through [`crate::normalize`] it also reads the other claims
    /// about the same object ([`crate::normalize_author_lists`]).
    AuthorNames,
    /// A function of yours.
    Custom(Arc<NormalizeFn>),
}

impl std::fmt::Debug for Normalizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Normalizer::Exact => "Exact",
            Normalizer::Text => "Text",
            Normalizer::Number => "Number",
            Normalizer::AuthorNames => "AuthorNames",
            Normalizer::Custom(_) => "Custom(..)",
        })
    }
}

impl Normalizer {
    /// The normal form of one value, or `None` to drop it.
    #[must_use]
    pub fn apply(&self, value: &str) -> Option<String> {
        match self {
            Normalizer::Exact => (!value.is_empty()).then(|| value.to_owned()),
            Normalizer::Text => {
                let t = normalize_text(value);
                (!t.is_empty() && t != "not available" && t != "n/a" && t != "unknown").then_some(t)
            }
            Normalizer::Number => parse_number(value).map(format_number),
            Normalizer::AuthorNames => {
                let names = super::names::author_last_names(value);
                (!names.is_empty()).then(|| names.join("; "))
            }
            Normalizer::Custom(f) => f(value),
        }
    }
}

/// The [`Normalizer::Text`] form.
pub(crate) fn normalize_text(value: &str) -> String {
    let folded = fold(value).to_lowercase();
    let mut out = String::with_capacity(folded.len());
    for word in folded
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '-' | '\'')))
        .map(|w| w.trim_matches(['.', '-', '\'']))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Parses a number written with separators (`1,200`, `1 200`, `-3.5`, `12_000`).
pub(crate) fn parse_number(value: &str) -> Option<f64> {
    let cleaned: String = value.trim().chars().filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}')).collect();
    let n: f64 = cleaned.parse().ok()?;
    n.is_finite().then_some(n)
}

fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 { format!("{}", n as i64) } else { format!("{n}") }
}

/// How similar two values of the same object are, in `[0, 1]`. TruthFinder turns it into an
/// implication (`sim − base_sim`); CRH uses `1 − sim` as the loss of a claim.
#[derive(Clone, Default)]
#[non_exhaustive]
pub enum Similarity {
    /// 1 for equal values, else 0.
    #[default]
    Exact,
    /// Jaccard index of the sets of words (runs of letters and digits): `"aiken; allen"` and
    /// `"aiken"` share one of two names, so 0.5.
    Jaccard,
    /// Closeness of two numbers: `max(0, 1 − |a − b| / (scale × max(|a|, |b|)))`; 1 when equal,
    /// 0 when they differ by `scale` (a fraction) of the larger or more. Non-numbers: exact.
    Numeric {
        /// The relative difference at which the similarity reaches 0 (e.g. 0.1 = 10 %).
        scale: f64,
    },
    /// A function of yours; its result is clamped to `[0, 1]`.
    Custom(Arc<SimilarityFn>),
}

impl std::fmt::Debug for Similarity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Similarity::Exact => f.write_str("Exact"),
            Similarity::Jaccard => f.write_str("Jaccard"),
            Similarity::Numeric { scale } => write!(f, "Numeric {{ scale: {scale} }}"),
            Similarity::Custom(_) => f.write_str("Custom(..)"),
        }
    }
}

impl Similarity {
    /// The similarity of `a` and `b` in `[0, 1]`.
    #[must_use]
    pub fn between(&self, a: &str, b: &str) -> f64 {
        if a == b {
            return 1.0;
        }
        match self {
            Similarity::Exact => 0.0,
            Similarity::Jaccard => jaccard(a, b),
            Similarity::Numeric { scale } => numeric_similarity(parse_number(a), parse_number(b), *scale),
            Similarity::Custom(f) => {
                let s = f(a, b);
                if s.is_nan() { 0.0 } else { s.clamp(0.0, 1.0) }
            }
        }
    }

    /// True for [`Similarity::Exact`]: distinct values are unrelated, so no pairwise table is built.
    pub(crate) fn is_exact(&self) -> bool {
        matches!(self, Similarity::Exact)
    }
}

fn words(s: &str) -> Vec<&str> {
    let mut w: Vec<&str> = s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    w.sort_unstable();
    w.dedup();
    w
}

fn jaccard(a: &str, b: &str) -> f64 {
    let (x, y) = (words(a), words(b));
    if x.is_empty() && y.is_empty() {
        return 1.0;
    }
    let inter = x.iter().filter(|w| y.binary_search(w).is_ok()).count();
    let union = x.len() + y.len() - inter;
    inter as f64 / union as f64
}

/// [`Similarity::Jaccard`] of two values given as sorted, distinct word ids.
pub(crate) fn jaccard_sorted(x: &[u32], y: &[u32]) -> f64 {
    if x.is_empty() && y.is_empty() {
        return 1.0;
    }
    let inter = x.iter().filter(|w| y.binary_search(w).is_ok()).count();
    let union = x.len() + y.len() - inter;
    inter as f64 / union as f64
}

/// [`Similarity::Numeric`] of two parsed values (0 unless both are numbers).
pub(crate) fn numeric_similarity(a: Option<f64>, b: Option<f64>, scale: f64) -> f64 {
    match (a, b) {
        (Some(x), Some(y)) => {
            let denom = scale.abs() * x.abs().max(y.abs());
            if denom <= 0.0 { f64::from(u8::from(x == y)) } else { (1.0 - (x - y).abs() / denom).max(0.0) }
        }
        _ => 0.0,
    }
}

/// Applies a normaliser to every observation, dropping those it rejects (an empty or "Not
/// Available" value). [`Normalizer::AuthorNames`] also uses every claim about the same object
/// (see [`normalize_author_lists`]).
#[must_use]
pub fn normalize(observations: &[Observation], normalizer: &Normalizer) -> Vec<Observation> {
    if matches!(normalizer, Normalizer::AuthorNames) {
        return normalize_author_lists(observations);
    }
    observations
        .iter()
        .filter_map(|o| {
            normalizer.apply(&o.value).map(|v| Observation {
                source: o.source.clone(),
                object: o.object.clone(),
                value: v,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_folds_entities_accents_and_case() {
        assert_eq!(Normalizer::Text.apply("  Zo&eacute;  LACROIX "), Some("zoe lacroix".to_owned()));
        assert_eq!(Normalizer::Text.apply("Not Available"), None);
        assert_eq!(fold("Caf&#233; &amp; Bar"), "Cafe & Bar");
    }

    #[test]
    fn numbers_parse_with_separators() {
        assert_eq!(Normalizer::Number.apply("1,200.50"), Some("1200.5".to_owned()));
        assert_eq!(Normalizer::Number.apply("478 403"), Some("478403".to_owned()));
        assert_eq!(Normalizer::Number.apply("many"), None);
    }

    #[test]
    fn similarities() {
        assert!((Similarity::Jaccard.between("aiken; allen", "aiken") - 0.5).abs() < 1e-12);
        assert!((Similarity::Numeric { scale: 0.1 }.between("100", "95") - 0.5).abs() < 1e-12);
        assert!(Similarity::Numeric { scale: 0.1 }.between("100", "50").abs() < 1e-12);
        assert!(Similarity::Exact.between("a", "b").abs() < 1e-12);
        assert!((Similarity::Exact.between("a", "a") - 1.0).abs() < 1e-12);
    }
}
