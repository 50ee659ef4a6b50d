//! Fitting the article credibility model on labelled articles, with outlet-grouped
//! cross-validation, and the measures `veracity fit` and `veracity eval reliability` report.
//!
//! ```
//! use veracity::fit::{FitConfig, LabelledSignals, fit_credibility};
//! use veracity::ArticleSignals;
//!
//! // Four outlets: two whose articles name their sources, two whose articles do not.
//! let mut rows = Vec::new();
//! for (outlet, named, reliable) in [("a", 0.8, true), ("b", 0.7, true), ("c", 0.1, false), ("d", 0.2, false)] {
//!     for i in 0..5 {
//!         let mut s = ArticleSignals::default();
//!         s.set("named_share", named + 0.01 * f64::from(i))?;
//!         rows.push(LabelledSignals::new(s, reliable, outlet));
//!     }
//! }
//! let model = fit_credibility(&rows, &FitConfig::default())?;
//! assert_eq!(model.report.auc, Some(1.0));
//! assert!(model.model.weights["named_share"] > 0.0);
//! # Ok::<(), veracity::Error>(())
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::credibility::{ArticleSignals, CredibilityModelConfig, SIGNALS};
use crate::error::{Error, Result};
use crate::logistic::{self, CalibrationBin, FitOptions, LogisticModel};

/// One labelled article: its signals, whether it is reliable, and its group (the outlet) for
/// cross-validation.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct LabelledSignals {
    /// The article's signals.
    pub signals: ArticleSignals,
    /// True for a reliable article.
    pub reliable: bool,
    /// The cross-validation group (the outlet): no group is in both training and scoring.
    pub group: String,
    /// The corpus the article comes from, for per-corpus figures (empty when there is one).
    pub corpus: String,
}

impl LabelledSignals {
    /// A labelled article of group `group`.
    #[must_use]
    pub fn new(signals: ArticleSignals, reliable: bool, group: impl Into<String>) -> Self {
        Self { signals, reliable, group: group.into(), corpus: String::new() }
    }

    /// The same article, marked as coming from `corpus`.
    #[must_use]
    pub fn with_corpus(mut self, corpus: impl Into<String>) -> Self {
        self.corpus = corpus.into();
        self
    }
}

/// How each article counts in the fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Balance {
    /// Every article counts once.
    None,
    /// Each class counts as much as the other.
    Class,
    /// Each outlet counts as much as any other, and each class as much as the other
    /// (the default: a corpus dominated by one outlet does not teach that outlet's style).
    #[default]
    Outlet,
}

impl Balance {
    /// The names accepted by [`Balance::from_name`].
    pub const NAMES: &'static str = "none, class, outlet";

    /// `"none"`, `"class"` or `"outlet"`.
    ///
    /// # Errors
    /// [`Error::InvalidOption`] for another name.
    pub fn from_name(name: &str) -> Result<Self> {
        match name {
            "none" => Ok(Self::None),
            "class" => Ok(Self::Class),
            "outlet" => Ok(Self::Outlet),
            _ => Err(Error::InvalidOption { option: "balance", value: name.to_owned(), expected: Self::NAMES.into() }),
        }
    }

    /// The name of this balance.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Class => "class",
            Self::Outlet => "outlet",
        }
    }
}

/// Options of [`fit_credibility`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct FitConfig {
    /// L2 penalty on the standardised weights (see [`FitOptions::l2`]). Default 100: of 1, 3,
    /// 10, 30, 100, 300 and 1000, the value with the best outlet-grouped cross-validated AUC on
    /// the reliability training corpora (docs/evaluation.md).
    pub l2: f64,
    /// Cross-validation folds (whole outlets per fold); fewer when there are fewer outlets.
    /// Default 5.
    pub folds: usize,
    /// How articles are weighted. Default [`Balance::Outlet`].
    pub balance: Balance,
    /// The signals the model may use (default: every signal of [`SIGNALS`]).
    pub signals: Vec<String>,
    /// With articles from two corpora or more: leave out a signal whose single-signal AUC is
    /// above `0.5 + unstable_margin` on one corpus and below `0.5 - unstable_margin` on another
    /// (its direction does not hold across corpora). `None` keeps every signal. Default 0.03.
    pub unstable_margin: Option<f64>,
}

impl Default for FitConfig {
    fn default() -> Self {
        Self {
            l2: 100.0,
            folds: 5,
            balance: Balance::Outlet,
            signals: SIGNALS.iter().map(|s| (*s).to_owned()).collect(),
            unstable_margin: Some(0.03),
        }
    }
}

/// Evidence for one signal: its fitted weight, how well it separates the classes alone, and its
/// direction on each corpus.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct SignalEvidence {
    /// The signal.
    pub signal: String,
    /// Its weight in the final model (log-odds per unit).
    pub weight: f64,
    /// Its weight per standard deviation of the signal (comparable across signals).
    pub standardised_weight: f64,
    /// ROC AUC of the signal alone (above 0.5: higher values go with reliable articles).
    pub auc: Option<f64>,
    /// Mean value over reliable articles.
    pub mean_reliable: f64,
    /// Mean value over unreliable articles.
    pub mean_unreliable: f64,
    /// The signal's single-signal AUC on each corpus, by corpus name.
    pub auc_by_corpus: BTreeMap<String, f64>,
}

/// Cross-validated figures of a fitted model.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct FitReport {
    /// Labelled articles used.
    pub n: usize,
    /// Reliable articles among them.
    pub reliable: usize,
    /// Distinct groups (outlets).
    pub groups: usize,
    /// Folds used.
    pub folds: usize,
    /// Out-of-fold ROC AUC over every article.
    pub auc: Option<f64>,
    /// Out-of-fold Brier score.
    pub brier: f64,
    /// Out-of-fold calibration table (10 bins).
    pub calibration: Vec<CalibrationBin>,
    /// Out-of-fold ROC AUC per corpus.
    pub auc_by_corpus: BTreeMap<String, f64>,
    /// Outlet pairs (reliable, unreliable) ordered right by the out-of-fold mean credibility of
    /// their articles; an outlet's label is the majority label of its articles, and outlets are
    /// paired within their corpus only.
    pub outlet_pairs: OutletPairs,
    /// Per-signal evidence, in [`SIGNALS`] order of the signals used.
    pub signals: Vec<SignalEvidence>,
    /// Signals left out because their direction differs across corpora, with their evidence
    /// (weight 0).
    pub unstable: Vec<SignalEvidence>,
    /// The out-of-fold probability of each article, in input order.
    pub predictions: Vec<f64>,
}

/// Pairs of (reliable, unreliable) outlets and how many are ordered right (ties count one half,
/// rounded down in `right`).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct OutletPairs {
    /// Pairs where the reliable outlet scores higher (ties add one half).
    pub right: f64,
    /// All (reliable, unreliable) pairs.
    pub total: usize,
}

impl OutletPairs {
    /// `right / total`, or `None` without pairs.
    #[must_use]
    pub fn share(&self) -> Option<f64> {
        #[allow(clippy::cast_precision_loss)]
        (self.total > 0).then(|| self.right / self.total as f64)
    }
}

/// Counts the (reliable, unreliable) outlet pairs that `scores` orders right. `outlets` maps an
/// outlet to `(score, reliable)`.
#[must_use]
pub fn outlet_pairs(outlets: &BTreeMap<String, (f64, bool)>) -> OutletPairs {
    let mut pairs = OutletPairs::default();
    for (good, good_rel) in outlets.values() {
        if !good_rel {
            continue;
        }
        for (bad, bad_rel) in outlets.values() {
            if *bad_rel {
                continue;
            }
            pairs.total += 1;
            if good > bad {
                pairs.right += 1.0;
            } else if (good - bad).abs() < f64::EPSILON {
                pairs.right += 0.5;
            }
        }
    }
    pairs
}

/// Per outlet, its score and its majority label (ties count as unreliable). The score is the
/// probability at the mean log-odds of the outlet's articles: for a logistic model, the model
/// applied to the outlet's mean signals, as [`crate::Corpus::profiles`] computes it.
#[must_use]
pub fn outlet_means(groups: &[&str], probabilities: &[f64], labels: &[bool]) -> BTreeMap<String, (f64, bool)> {
    let mut acc: BTreeMap<String, (f64, usize, usize)> = BTreeMap::new();
    for ((g, p), l) in groups.iter().zip(probabilities).zip(labels) {
        let e = acc.entry((*g).to_owned()).or_default();
        let p = p.clamp(1e-12, 1.0 - 1e-12);
        e.0 += (p / (1.0 - p)).ln();
        e.1 += 1;
        e.2 += usize::from(*l);
    }
    #[allow(clippy::cast_precision_loss)]
    acc.into_iter().map(|(g, (sum, n, rel))| (g, (logistic::sigmoid(sum / n as f64), 2 * rel > n))).collect()
}

/// Outlet pairs counted within each corpus (an outlet of one corpus is never paired with one of
/// another: their labels come from different raters) and added up.
#[must_use]
pub fn pairs_within_corpora(rows: &[LabelledSignals], scores: &[f64]) -> OutletPairs {
    let corpora: std::collections::BTreeSet<&str> = rows.iter().map(|r| r.corpus.as_str()).collect();
    let mut total = OutletPairs::default();
    for c in corpora {
        let members: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].corpus == c).collect();
        let groups: Vec<&str> = members.iter().map(|&i| rows[i].group.as_str()).collect();
        let s: Vec<f64> = members.iter().map(|&i| scores[i]).collect();
        let l: Vec<bool> = members.iter().map(|&i| rows[i].reliable).collect();
        let p = outlet_pairs(&outlet_means(&groups, &s, &l));
        total.right += p.right;
        total.total += p.total;
    }
    total
}

/// A fitted credibility model and its cross-validated report.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ScoringModel {
    /// The model, as the configuration holds it (`[credibility]`).
    pub model: CredibilityModelConfig,
    /// Cross-validated figures and per-signal evidence.
    pub report: FitReport,
    /// The options it was fitted with.
    pub config: FitConfig,
}

impl ScoringModel {
    /// The model as a configuration document that `--config` and `Analyzer(config=...)` load,
    /// headed by `header` lines (written as comments) and the cross-validated figures.
    #[must_use]
    pub fn to_toml(&self, header: &[String]) -> String {
        let mut out = String::new();
        for line in header {
            let _ = writeln!(out, "# {line}");
        }
        let r = &self.report;
        let fmt = |x: Option<f64>| x.map_or_else(|| "n/a".to_owned(), |v| format!("{v:.3}"));
        let _ = writeln!(
            out,
            "# Outlet-grouped {}-fold cross-validation on {} articles ({} reliable) from {} outlets:",
            r.folds, r.n, r.reliable, r.groups
        );
        let _ = writeln!(
            out,
            "#   article ROC AUC {}, Brier {:.3}, outlet pairs ordered right {} ({:.1} of {}).",
            fmt(r.auc),
            r.brier,
            fmt(r.outlet_pairs.share()),
            r.outlet_pairs.right,
            r.outlet_pairs.total
        );
        for (corpus, auc) in &r.auc_by_corpus {
            let _ = writeln!(out, "#   {corpus}: article ROC AUC {auc:.3}");
        }
        let _ = writeln!(
            out,
            "# Options: l2 {}, balance {}, {} signals used of {} requested.",
            self.config.l2,
            self.config.balance.as_str(),
            r.signals.len(),
            self.config.signals.len()
        );
        if !r.unstable.is_empty() {
            let _ = writeln!(out, "# Left out, direction differs across corpora (single-signal AUC per corpus):");
            for e in &r.unstable {
                let by: Vec<String> = e.auc_by_corpus.iter().map(|(c, a)| format!("{c} {a:.2}")).collect();
                let _ = writeln!(out, "#   {}: {}", e.signal, by.join(", "));
            }
        }
        let _ = writeln!(out, "\n[credibility]\nintercept = {}\n", toml_float(self.model.intercept));
        let _ = writeln!(out, "[credibility.weights]\n# Replaces the built-in weights as a whole.\nreplace = true");
        for s in &self.report.signals {
            let w = self.model.weights.get(&s.signal).copied().unwrap_or(0.0);
            let _ = writeln!(
                out,
                "{} = {}  # per sd {:+.3}; alone AUC {}",
                s.signal,
                toml_float(w),
                s.standardised_weight,
                fmt(s.auc)
            );
        }
        out
    }
}

/// A float written so that TOML reads back the same bits (a decimal point or exponent always).
fn toml_float(x: f64) -> String {
    let s = format!("{x:?}");
    if s.contains(['.', 'e', 'E']) || !x.is_finite() { s } else { format!("{s}.0") }
}

fn invalid(reason: impl Into<String>) -> Error {
    Error::InvalidData { context: "fit".to_owned(), reason: reason.into() }
}

fn row_weights(rows: &[LabelledSignals], balance: Balance) -> Vec<f64> {
    match balance {
        Balance::None => vec![1.0; rows.len()],
        Balance::Class => {
            let pos = rows.iter().filter(|r| r.reliable).count();
            let neg = rows.len() - pos;
            #[allow(clippy::cast_precision_loss)]
            rows.iter().map(|r| rows.len() as f64 / (2.0 * if r.reliable { pos } else { neg }.max(1) as f64)).collect()
        }
        Balance::Outlet => {
            // Each outlet weighs 1 in total, then each class's outlets are scaled to weigh the same.
            let mut sizes: BTreeMap<&str, usize> = BTreeMap::new();
            for r in rows {
                *sizes.entry(r.group.as_str()).or_default() += 1;
            }
            #[allow(clippy::cast_precision_loss)]
            let w: Vec<f64> = rows.iter().map(|r| 1.0 / sizes[r.group.as_str()] as f64).collect();
            let pos: f64 = w.iter().zip(rows).filter(|(_, r)| r.reliable).map(|(w, _)| w).sum();
            let neg: f64 = w.iter().zip(rows).filter(|(_, r)| !r.reliable).map(|(w, _)| w).sum();
            #[allow(clippy::cast_precision_loss)]
            let n = rows.len() as f64;
            w.iter()
                .zip(rows)
                .map(|(w, r)| {
                    let class = if r.reliable { pos } else { neg };
                    if class > 0.0 { w * n / (2.0 * class) } else { 0.0 }
                })
                .collect()
        }
    }
}

/// Fits the credibility model on labelled articles and measures it with outlet-grouped
/// cross-validation (no outlet is in both the training and the scored part of a fold).
///
/// # Errors
/// [`Error::InvalidData`] when there are no articles, one class only, fewer than two outlets, or
/// an unknown signal name; [`Error::InvalidData`] from a fold whose training part holds one class.
pub fn fit_credibility(rows: &[LabelledSignals], config: &FitConfig) -> Result<ScoringModel> {
    if rows.is_empty() {
        return Err(invalid("no labelled articles"));
    }
    let idx: Vec<usize> = config
        .signals
        .iter()
        .map(|name| {
            SIGNALS
                .iter()
                .position(|s| s == name)
                .ok_or_else(|| invalid(format!("unknown signal {name:?}; expected one of {}", SIGNALS.join(", "))))
        })
        .collect::<Result<_>>()?;
    if config.folds < 2 {
        return Err(invalid("at least 2 folds are needed"));
    }
    let labels: Vec<bool> = rows.iter().map(|r| r.reliable).collect();
    let groups: Vec<&str> = rows.iter().map(|r| r.group.as_str()).collect();
    let distinct: std::collections::BTreeSet<&str> = groups.iter().copied().collect();
    if distinct.len() < 2 {
        return Err(invalid(format!(
            "outlet-grouped cross-validation needs 2 outlets or more, got {}",
            distinct.len()
        )));
    }
    let corpora: std::collections::BTreeSet<&str> =
        rows.iter().map(|r| r.corpus.as_str()).filter(|c| !c.is_empty()).collect();
    let subset = |c: &str, values: &dyn Fn(usize) -> f64| -> Option<f64> {
        let members: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].corpus == c).collect();
        let v: Vec<f64> = members.iter().map(|&i| values(i)).collect();
        let l: Vec<bool> = members.iter().map(|&i| labels[i]).collect();
        logistic::roc_auc(&v, &l)
    };
    // Single-signal evidence of every requested signal.
    let mut evidence: Vec<(usize, SignalEvidence)> = Vec::with_capacity(idx.len());
    for (name, &i) in config.signals.iter().zip(&idx) {
        let column: Vec<f64> = rows.iter().map(|r| r.signals.values[i]).collect();
        let mean = |want: bool| {
            let v: Vec<f64> = column.iter().zip(&labels).filter(|(_, l)| **l == want).map(|(v, _)| *v).collect();
            #[allow(clippy::cast_precision_loss)]
            if v.is_empty() { 0.0 } else { v.iter().sum::<f64>() / v.len() as f64 }
        };
        let mut by_corpus = BTreeMap::new();
        if corpora.len() > 1 {
            for c in &corpora {
                if let Some(a) = subset(c, &|k| column[k]) {
                    by_corpus.insert((*c).to_owned(), a);
                }
            }
        }
        evidence.push((
            i,
            SignalEvidence {
                signal: name.clone(),
                weight: 0.0,
                standardised_weight: 0.0,
                auc: logistic::roc_auc(&column, &labels),
                mean_reliable: mean(true),
                mean_unreliable: mean(false),
                auc_by_corpus: by_corpus,
            },
        ));
    }
    type Indexed = Vec<(usize, SignalEvidence)>;
    let (used, unstable): (Indexed, Indexed) = evidence.into_iter().partition(|(_, e)| match config.unstable_margin {
        Some(m) if corpora.len() > 1 => {
            let up = e.auc_by_corpus.values().any(|a| *a > 0.5 + m);
            let down = e.auc_by_corpus.values().any(|a| *a < 0.5 - m);
            !(up && down)
        }
        _ => true,
    });
    if used.is_empty() {
        return Err(invalid("no signal left to fit (every signal is unstable across the corpora)"));
    }
    let names: Vec<String> = used.iter().map(|(_, e)| e.signal.clone()).collect();
    let matrix: Vec<Vec<f64>> = rows.iter().map(|r| used.iter().map(|(i, _)| r.signals.values[*i]).collect()).collect();
    let k = config.folds.min(distinct.len());
    let folds = logistic::group_folds(&groups, k);
    let options = FitOptions::default().with_l2(config.l2);
    // Each fold's training part is weighted on its own, so that it is balanced as the final fit is.
    let mut predictions = vec![0.0; rows.len()];
    for f in 0..k {
        let train: Vec<usize> = (0..rows.len()).filter(|&i| folds[i] != f).collect();
        let part: Vec<LabelledSignals> = train.iter().map(|&i| rows[i].clone()).collect();
        let part_rows: Vec<Vec<f64>> = train.iter().map(|&i| matrix[i].clone()).collect();
        let part_labels: Vec<bool> = train.iter().map(|&i| labels[i]).collect();
        let model = LogisticModel::fit_weighted(
            &names,
            &part_rows,
            &part_labels,
            &row_weights(&part, config.balance),
            &options,
        )
        .map_err(|e| match e {
            Error::InvalidData { reason, .. } => invalid(format!("fold {f} of {k}: {reason}")),
            other => other,
        })?;
        for i in (0..rows.len()).filter(|&i| folds[i] == f) {
            predictions[i] = model.probability(&matrix[i]);
        }
    }
    let fitted = LogisticModel::fit_weighted(&names, &matrix, &labels, &row_weights(rows, config.balance), &options)?;

    let mut auc_by_corpus = BTreeMap::new();
    if corpora.len() > 1 {
        for c in &corpora {
            if let Some(a) = subset(c, &|i| predictions[i]) {
                auc_by_corpus.insert((*c).to_owned(), a);
            }
        }
    }
    let evidence: Vec<SignalEvidence> = used
        .into_iter()
        .enumerate()
        .map(|(j, (_, mut e))| {
            let column: Vec<f64> = matrix.iter().map(|r| r[j]).collect();
            #[allow(clippy::cast_precision_loss)]
            let sd = {
                let m = column.iter().sum::<f64>() / column.len() as f64;
                (column.iter().map(|v| (v - m).powi(2)).sum::<f64>() / column.len() as f64).sqrt()
            };
            e.weight = fitted.weights[j];
            e.standardised_weight = fitted.weights[j] * sd;
            e
        })
        .collect();
    let report = FitReport {
        n: rows.len(),
        reliable: labels.iter().filter(|&&l| l).count(),
        groups: distinct.len(),
        folds: k,
        auc: logistic::roc_auc(&predictions, &labels),
        brier: logistic::brier(&predictions, &labels),
        calibration: logistic::calibration(&predictions, &labels, 10),
        auc_by_corpus,
        outlet_pairs: pairs_within_corpora(rows, &predictions),
        signals: evidence,
        unstable: unstable.into_iter().map(|(_, e)| e).collect(),
        predictions,
    };
    let model = CredibilityModelConfig {
        intercept: fitted.intercept,
        weights: names.iter().cloned().zip(fitted.weights.iter().copied()).collect(),
    };
    Ok(ScoringModel { model, report, config: config.clone() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(named: f64, caps: f64) -> ArticleSignals {
        let mut s = ArticleSignals::default();
        s.set("named_share", named).unwrap();
        s.set("all_caps_words", caps).unwrap();
        s
    }

    #[test]
    fn outlet_pairs_by_hand() {
        let outlets: BTreeMap<String, (f64, bool)> = [
            ("good1".to_owned(), (0.9, true)),
            ("good2".to_owned(), (0.4, true)),
            ("bad1".to_owned(), (0.5, false)),
            ("bad2".to_owned(), (0.4, false)),
        ]
        .into_iter()
        .collect();
        // good1 beats both; good2 loses to bad1 and ties bad2: 2 + 0 + 0.5 of 4.
        let p = outlet_pairs(&outlets);
        assert_eq!(p.total, 4);
        assert!((p.right - 2.5).abs() < 1e-12);
        assert_eq!(p.share(), Some(0.625));
    }

    #[test]
    fn outlet_means_take_the_majority_label() {
        // Log-odds of 0.2 and 0.8 cancel out: the mean article sits at 0.5.
        let m = outlet_means(&["a", "a", "a", "b"], &[0.2, 0.8, 0.5, 0.1], &[true, true, false, false]);
        assert!((m["a"].0 - 0.5).abs() < 1e-12 && m["a"].1);
        assert!((m["b"].0 - 0.1).abs() < 1e-12 && !m["b"].1);
    }

    #[test]
    fn a_separable_toy_set_is_ranked_perfectly_and_fits_the_same_bytes() {
        let mut rows = Vec::new();
        for (outlet, named, reliable) in [("a", 0.8, true), ("b", 0.7, true), ("c", 0.2, false), ("d", 0.1, false)] {
            for i in 0..4 {
                rows.push(LabelledSignals::new(article(named + 0.01 * f64::from(i), 1.0), reliable, outlet));
            }
        }
        let m = fit_credibility(&rows, &FitConfig::default()).unwrap();
        assert_eq!(m.report.auc, Some(1.0));
        assert_eq!(m.report.outlet_pairs.total, 4);
        assert_eq!(m.report.outlet_pairs.share(), Some(1.0));
        assert_eq!(m.report.folds, 4);
        assert!(m.model.weights["named_share"] > 0.0);
        assert_eq!(m.model.weights["all_caps_words"], 0.0);
        let again = fit_credibility(&rows, &FitConfig::default()).unwrap();
        assert_eq!(m.to_toml(&[]), again.to_toml(&[]));
    }

    #[test]
    fn the_toml_loads_back_as_a_configuration() {
        let mut rows = Vec::new();
        for (outlet, named, reliable) in [("a", 0.8, true), ("b", 0.6, true), ("c", 0.3, false), ("d", 0.1, false)] {
            for i in 0..3 {
                rows.push(LabelledSignals::new(article(named + 0.05 * f64::from(i), 2.0 - named), reliable, outlet));
            }
        }
        let m = fit_credibility(&rows, &FitConfig::default()).unwrap();
        let doc = m.to_toml(&["trained by a test".to_owned()]);
        assert!(doc.starts_with("# trained by a test\n"));
        let analyzer = crate::Analyzer::builder().config_toml(&doc).build().unwrap();
        let loaded = &analyzer.config().credibility;
        assert_eq!(loaded.intercept.to_bits(), m.model.intercept.to_bits());
        assert_eq!(loaded.weights, m.model.weights);
    }

    #[test]
    fn unusable_input_is_an_error() {
        let one_outlet: Vec<LabelledSignals> = vec![
            LabelledSignals::new(article(0.1, 0.0), true, "a"),
            LabelledSignals::new(article(0.9, 0.0), false, "a"),
        ];
        let err = fit_credibility(&one_outlet, &FitConfig::default()).unwrap_err();
        assert!(err.to_string().contains("needs 2 outlets or more"), "{err}");
        assert!(fit_credibility(&[], &FitConfig::default()).unwrap_err().to_string().contains("no labelled articles"));
        let config = FitConfig { signals: vec!["nonsense".into()], ..FitConfig::default() };
        let err = fit_credibility(&one_outlet, &config).unwrap_err();
        assert!(err.to_string().contains("unknown signal \"nonsense\""), "{err}");
        assert_eq!(Balance::from_name("outlet").unwrap(), Balance::Outlet);
        assert!(Balance::from_name("x").unwrap_err().to_string().contains("none, class, outlet"));
    }
}
