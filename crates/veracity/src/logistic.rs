//! L2-regularised logistic regression over named signals, and the measures used to judge it.
//!
//! Every learned score of veracity (article credibility, outlet reliability, check-worthiness) is a
//! [`LogisticModel`]: an intercept plus one weight per named signal on the log-odds scale, so that
//! each decision can be explained as `intercept + Σ weight × value`. Fitting is deterministic
//! (Newton's method with a fixed start, no random numbers): the same rows give the same weights,
//! bit for bit.
//!
//! ```
//! use veracity::logistic::{FitOptions, LogisticModel, roc_auc};
//!
//! let names = vec!["named_sources".to_owned()];
//! let rows = vec![vec![0.1], vec![0.2], vec![0.7], vec![0.9]];
//! let labels = [false, false, true, true];
//! let model = LogisticModel::fit(&names, &rows, &labels, &FitOptions::default())?;
//! assert!(model.weights[0] > 0.0);
//! let scores: Vec<f64> = rows.iter().map(|r| model.probability(r)).collect();
//! assert_eq!(roc_auc(&scores, &labels), Some(1.0));
//! # Ok::<(), veracity::Error>(())
//! ```

use crate::error::{Error, Result};

/// How a [`LogisticModel`] is fitted.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct FitOptions {
    /// Strength of the L2 penalty on the weights of the *standardised* signals (each signal
    /// centred and divided by its standard deviation before fitting); the intercept is not
    /// penalised. Must be finite and `>= 0`. Default 1.0.
    pub l2: f64,
    /// Newton steps at most. Default 100.
    pub max_iter: usize,
    /// Stop when no parameter moves by more than this in one step. Default 1e-10.
    pub tolerance: f64,
    /// Weight each class inversely to its frequency (`n / (2 n_class)`), so that a rare class
    /// counts as much as a common one. Default `false`.
    pub balanced: bool,
}

impl Default for FitOptions {
    fn default() -> Self {
        Self { l2: 1.0, max_iter: 100, tolerance: 1e-10, balanced: false }
    }
}

impl FitOptions {
    /// The default options with another L2 strength.
    #[must_use]
    pub fn with_l2(mut self, l2: f64) -> Self {
        self.l2 = l2;
        self
    }

    /// The default options with class balancing on or off.
    #[must_use]
    pub fn with_balanced(mut self, balanced: bool) -> Self {
        self.balanced = balanced;
        self
    }
}

/// A fitted logistic model: `P(label) = sigmoid(intercept + Σ weights[i] × row[i])`, with the
/// weights on the raw scale of the signals (no standardisation needed to apply it).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct LogisticModel {
    /// The log-odds when every signal is 0.
    pub intercept: f64,
    /// The signals' names, in row order.
    pub names: Vec<String>,
    /// One weight per signal, on the log-odds scale, per unit of the signal.
    pub weights: Vec<f64>,
}

impl LogisticModel {
    /// A model from given parameters.
    ///
    /// # Panics
    /// When `names` and `weights` differ in length.
    #[must_use]
    pub fn new(intercept: f64, names: Vec<String>, weights: Vec<f64>) -> Self {
        assert_eq!(names.len(), weights.len(), "one weight per signal name");
        Self { intercept, names, weights }
    }

    /// Fits the model to `rows` (one value per name) and their `labels`.
    ///
    /// # Errors
    /// [`Error::InvalidData`] when there are no rows, a row's length differs from `names`, a value
    /// is not finite, only one class is present, or the options are out of range.
    pub fn fit(names: &[String], rows: &[Vec<f64>], labels: &[bool], options: &FitOptions) -> Result<Self> {
        fit(names, rows, labels, None, options)
    }

    /// [`LogisticModel::fit`] with a weight per row (for example to count every outlet equally).
    ///
    /// # Errors
    /// As [`LogisticModel::fit`], and when a row weight is negative or not finite, or `weights`
    /// has another length than `rows`.
    pub fn fit_weighted(
        names: &[String],
        rows: &[Vec<f64>],
        labels: &[bool],
        row_weights: &[f64],
        options: &FitOptions,
    ) -> Result<Self> {
        fit(names, rows, labels, Some(row_weights), options)
    }

    /// `intercept + Σ weight × value`.
    ///
    /// # Panics
    /// When `row` has another length than the model's names (a programming error).
    #[must_use]
    pub fn log_odds(&self, row: &[f64]) -> f64 {
        assert_eq!(row.len(), self.weights.len(), "one value per signal");
        self.intercept + self.weights.iter().zip(row).map(|(w, x)| w * x).sum::<f64>()
    }

    /// `sigmoid(log_odds(row))`, in `[0, 1]`.
    #[must_use]
    pub fn probability(&self, row: &[f64]) -> f64 {
        sigmoid(self.log_odds(row))
    }

    /// The weight of the named signal.
    #[must_use]
    pub fn weight(&self, name: &str) -> Option<f64> {
        self.names.iter().position(|n| n == name).map(|i| self.weights[i])
    }
}

/// The logistic function `1 / (1 + e^-x)`, computed without overflow.
#[must_use]
pub fn sigmoid(x: f64) -> f64 {
    if x >= 0.0 {
        1.0 / (1.0 + (-x).exp())
    } else {
        let e = x.exp();
        e / (1.0 + e)
    }
}

fn invalid(reason: impl Into<String>) -> Error {
    Error::InvalidData { context: "logistic regression".to_owned(), reason: reason.into() }
}

fn validate(names: &[String], rows: &[Vec<f64>], labels: &[bool], options: &FitOptions) -> Result<()> {
    if rows.is_empty() {
        return Err(invalid("no rows to fit"));
    }
    if rows.len() != labels.len() {
        return Err(invalid(format!("{} rows but {} labels", rows.len(), labels.len())));
    }
    for (i, row) in rows.iter().enumerate() {
        if row.len() != names.len() {
            return Err(invalid(format!("row {i} has {} values for {} signals", row.len(), names.len())));
        }
        if let Some(j) = row.iter().position(|v| !v.is_finite()) {
            return Err(invalid(format!("row {i}: signal {:?} is not a finite number ({})", names[j], row[j])));
        }
    }
    let positives = labels.iter().filter(|&&l| l).count();
    if positives == 0 || positives == labels.len() {
        return Err(invalid(format!(
            "both classes are needed; all {} rows are {}",
            labels.len(),
            if positives == 0 { "negative" } else { "positive" }
        )));
    }
    if !(options.l2.is_finite() && options.l2 >= 0.0) {
        return Err(invalid(format!("l2 must be a finite number >= 0, not {}", options.l2)));
    }
    if !(options.tolerance.is_finite() && options.tolerance > 0.0) {
        return Err(invalid(format!("tolerance must be a finite number > 0, not {}", options.tolerance)));
    }
    if options.max_iter == 0 {
        return Err(invalid("max_iter must be at least 1"));
    }
    Ok(())
}

fn fit(
    names: &[String],
    rows: &[Vec<f64>],
    labels: &[bool],
    row_weights: Option<&[f64]>,
    options: &FitOptions,
) -> Result<LogisticModel> {
    validate(names, rows, labels, options)?;
    let n = rows.len();
    let d = names.len();
    let mut sample: Vec<f64> = match row_weights {
        Some(w) => {
            if w.len() != n {
                return Err(invalid(format!("{} row weights for {n} rows", w.len())));
            }
            if let Some(i) = w.iter().position(|v| !(v.is_finite() && *v >= 0.0)) {
                return Err(invalid(format!("row weight {i} must be a finite number >= 0, not {}", w[i])));
            }
            w.to_vec()
        }
        None => vec![1.0; n],
    };
    if options.balanced {
        let pos: f64 = sample.iter().zip(labels).filter(|(_, l)| **l).map(|(w, _)| w).sum();
        let neg: f64 = sample.iter().zip(labels).filter(|(_, l)| !**l).map(|(w, _)| w).sum();
        if pos <= 0.0 || neg <= 0.0 {
            return Err(invalid("both classes need a positive total row weight"));
        }
        let total = pos + neg;
        for (w, &l) in sample.iter_mut().zip(labels) {
            *w *= total / (2.0 * if l { pos } else { neg });
        }
    }
    let total_weight: f64 = sample.iter().sum();
    if total_weight <= 0.0 {
        return Err(invalid("the row weights sum to 0"));
    }

    // Standardise each signal with the (row-weighted) mean and standard deviation.
    let mut mean = vec![0.0; d];
    let mut scale = vec![1.0; d];
    for j in 0..d {
        let m = rows.iter().zip(&sample).map(|(r, w)| w * r[j]).sum::<f64>() / total_weight;
        let var = rows.iter().zip(&sample).map(|(r, w)| w * (r[j] - m).powi(2)).sum::<f64>() / total_weight;
        mean[j] = m;
        scale[j] = if var > 1e-24 { var.sqrt() } else { 0.0 };
    }
    let z = |r: &[f64], j: usize| if scale[j] > 0.0 { (r[j] - mean[j]) / scale[j] } else { 0.0 };

    // Parameters: beta[0] the intercept, beta[1..] the standardised weights.
    let p = d + 1;
    let mut beta = vec![0.0; p];
    let prior = sample.iter().zip(labels).filter(|(_, l)| **l).map(|(w, _)| w).sum::<f64>() / total_weight;
    beta[0] = (prior / (1.0 - prior)).ln();
    let objective = |beta: &[f64]| -> f64 {
        let mut loss = 0.0;
        for ((r, &y), w) in rows.iter().zip(labels).zip(&sample) {
            let eta = beta[0] + (0..d).map(|j| beta[j + 1] * z(r, j)).sum::<f64>();
            // -log sigmoid(±eta), computed stably.
            let s = if y { -eta } else { eta };
            loss += w * (s.max(0.0) + (-s.abs()).exp().ln_1p());
        }
        loss + 0.5 * options.l2 * beta[1..].iter().map(|b| b * b).sum::<f64>()
    };
    let mut current = objective(&beta);
    let mut zrow = vec![0.0; p];
    for _ in 0..options.max_iter {
        let mut grad = vec![0.0; p];
        let mut hess = vec![0.0; p * p];
        for ((r, &y), w) in rows.iter().zip(labels).zip(&sample) {
            zrow[0] = 1.0;
            for j in 0..d {
                zrow[j + 1] = z(r, j);
            }
            let eta: f64 = beta.iter().zip(&zrow).map(|(b, x)| b * x).sum();
            let prob = sigmoid(eta);
            let resid = w * (prob - f64::from(u8::from(y)));
            let curv = w * prob * (1.0 - prob);
            for a in 0..p {
                grad[a] += resid * zrow[a];
                let ca = curv * zrow[a];
                for b in 0..=a {
                    hess[a * p + b] += ca * zrow[b];
                }
            }
        }
        for a in 1..p {
            grad[a] += options.l2 * beta[a];
            hess[a * p + a] += options.l2;
        }
        // A tiny ridge keeps the system solvable when a signal is constant or l2 is 0.
        for a in 0..p {
            hess[a * p + a] += 1e-9;
        }
        let step = cholesky_solve(&mut hess, &grad, p).ok_or_else(|| invalid("the fit is numerically singular"))?;
        // Newton step with halving until the objective does not increase.
        let mut t = 1.0;
        let mut candidate = beta.clone();
        let mut accepted = false;
        for _ in 0..30 {
            for a in 0..p {
                candidate[a] = beta[a] - t * step[a];
            }
            let value = objective(&candidate);
            if value.is_finite() && value <= current + 1e-12 * current.abs().max(1.0) {
                current = value;
                accepted = true;
                break;
            }
            t *= 0.5;
        }
        if !accepted {
            break;
        }
        let moved = beta.iter().zip(&candidate).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
        beta.clone_from(&candidate);
        if moved < options.tolerance {
            break;
        }
    }
    if beta.iter().any(|b| !b.is_finite()) {
        return Err(invalid("the fit diverged (a signal separates the classes perfectly; raise l2)"));
    }
    // Back to the raw scale: w_j = beta_j / s_j, intercept = beta_0 - Σ w_j m_j.
    let weights: Vec<f64> = (0..d).map(|j| if scale[j] > 0.0 { beta[j + 1] / scale[j] } else { 0.0 }).collect();
    let intercept = beta[0] - weights.iter().zip(&mean).map(|(w, m)| w * m).sum::<f64>();
    Ok(LogisticModel { intercept, names: names.to_vec(), weights })
}

/// Solves `H x = g` for a symmetric positive definite `H` whose lower triangle is filled
/// (row-major, `p × p`); `H` is overwritten by its Cholesky factor.
fn cholesky_solve(h: &mut [f64], g: &[f64], p: usize) -> Option<Vec<f64>> {
    for j in 0..p {
        let mut diag = h[j * p + j];
        for k in 0..j {
            diag -= h[j * p + k] * h[j * p + k];
        }
        if !(diag > 0.0 && diag.is_finite()) {
            return None;
        }
        let diag = diag.sqrt();
        h[j * p + j] = diag;
        for i in j + 1..p {
            let mut v = h[i * p + j];
            for k in 0..j {
                v -= h[i * p + k] * h[j * p + k];
            }
            h[i * p + j] = v / diag;
        }
    }
    let mut y = g.to_vec();
    for i in 0..p {
        for k in 0..i {
            y[i] -= h[i * p + k] * y[k];
        }
        y[i] /= h[i * p + i];
    }
    for i in (0..p).rev() {
        for k in i + 1..p {
            y[i] -= h[k * p + i] * y[k];
        }
        y[i] /= h[i * p + i];
    }
    Some(y)
}

/// The area under the ROC curve: the probability that a random positive scores above a random
/// negative (ties count one half). `None` when a class is absent.
///
/// # Panics
/// When `scores` and `labels` differ in length.
#[must_use]
pub fn roc_auc(scores: &[f64], labels: &[bool]) -> Option<f64> {
    assert_eq!(scores.len(), labels.len(), "one label per score");
    let positives = labels.iter().filter(|&&l| l).count();
    let negatives = labels.len() - positives;
    if positives == 0 || negatives == 0 {
        return None;
    }
    // Mann-Whitney U from average ranks (ties share their mean rank).
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[a].total_cmp(&scores[b]));
    let mut rank_sum = 0.0;
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && scores[order[j + 1]].total_cmp(&scores[order[i]]).is_eq() {
            j += 1;
        }
        #[allow(clippy::cast_precision_loss)]
        let mean_rank = (i + j) as f64 / 2.0 + 1.0;
        rank_sum += mean_rank * order[i..=j].iter().filter(|&&k| labels[k]).count() as f64;
        i = j + 1;
    }
    #[allow(clippy::cast_precision_loss)]
    let (p, n) = (positives as f64, negatives as f64);
    Some((rank_sum - p * (p + 1.0) / 2.0) / (p * n))
}

/// Average precision of a ranking by descending score: the mean, over the positives, of the
/// precision at each positive's rank (ties keep their input order, as a stable sort does).
/// `None` when there is no positive.
///
/// # Panics
/// When `scores` and `labels` differ in length.
#[must_use]
pub fn average_precision(scores: &[f64], labels: &[bool]) -> Option<f64> {
    assert_eq!(scores.len(), labels.len(), "one label per score");
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let mut hits = 0usize;
    let mut sum = 0.0;
    for (rank, &k) in order.iter().enumerate() {
        if labels[k] {
            hits += 1;
            #[allow(clippy::cast_precision_loss)]
            {
                sum += hits as f64 / (rank + 1) as f64;
            }
        }
    }
    #[allow(clippy::cast_precision_loss)]
    (hits > 0).then(|| sum / hits as f64)
}

/// The Brier score: mean squared difference between the probability and the 0/1 label (0 is
/// perfect, 0.25 is a constant 0.5).
///
/// # Panics
/// When `probabilities` and `labels` differ in length.
#[must_use]
pub fn brier(probabilities: &[f64], labels: &[bool]) -> f64 {
    assert_eq!(probabilities.len(), labels.len(), "one label per probability");
    if probabilities.is_empty() {
        return 0.0;
    }
    #[allow(clippy::cast_precision_loss)]
    let n = probabilities.len() as f64;
    probabilities.iter().zip(labels).map(|(p, &y)| (p - f64::from(u8::from(y))).powi(2)).sum::<f64>() / n
}

/// One bin of a calibration table: the rows whose probability is in `[lower, upper)` (the last
/// bin includes 1).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct CalibrationBin {
    /// Lower bound of the bin.
    pub lower: f64,
    /// Upper bound of the bin.
    pub upper: f64,
    /// Rows in the bin.
    pub n: usize,
    /// Mean predicted probability of those rows (the bin's midpoint when empty).
    pub mean_predicted: f64,
    /// Share of those rows whose label is positive (0 when empty).
    pub observed: f64,
}

/// A calibration table of `bins` equal-width bins over `[0, 1]`.
///
/// # Panics
/// When `probabilities` and `labels` differ in length, or `bins` is 0.
#[must_use]
pub fn calibration(probabilities: &[f64], labels: &[bool], bins: usize) -> Vec<CalibrationBin> {
    assert_eq!(probabilities.len(), labels.len(), "one label per probability");
    assert!(bins > 0, "at least one bin");
    #[allow(clippy::cast_precision_loss)]
    let width = 1.0 / bins as f64;
    let mut sums = vec![(0usize, 0.0, 0usize); bins];
    for (&p, &y) in probabilities.iter().zip(labels) {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let b = ((p.clamp(0.0, 1.0) / width) as usize).min(bins - 1);
        sums[b].0 += 1;
        sums[b].1 += p;
        sums[b].2 += usize::from(y);
    }
    sums.iter()
        .enumerate()
        .map(|(b, &(n, sum, pos))| {
            #[allow(clippy::cast_precision_loss)]
            let lower = b as f64 * width;
            let upper = if b + 1 == bins { 1.0 } else { lower + width };
            #[allow(clippy::cast_precision_loss)]
            let (mean_predicted, observed) =
                if n == 0 { ((lower + upper) / 2.0, 0.0) } else { (sum / n as f64, pos as f64 / n as f64) };
            CalibrationBin { lower, upper, n, mean_predicted, observed }
        })
        .collect()
}

/// Assigns whole groups to `k` folds, deterministically: groups sorted by size (largest first,
/// then by name) each go to the fold with the fewest rows so far (the lowest fold on ties).
/// Returns the fold of each row. With fewer groups than `k`, some folds are empty.
///
/// # Panics
/// When `k` is 0.
#[must_use]
pub fn group_folds(groups: &[&str], k: usize) -> Vec<usize> {
    assert!(k > 0, "at least one fold");
    let mut sizes: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for g in groups {
        *sizes.entry(g).or_default() += 1;
    }
    let mut ordered: Vec<(&str, usize)> = sizes.into_iter().collect();
    ordered.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let mut load = vec![0usize; k];
    let mut fold_of: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for (g, size) in ordered {
        let f = (0..k).min_by_key(|&f| (load[f], f)).unwrap_or(0);
        load[f] += size;
        fold_of.insert(g, f);
    }
    groups.iter().map(|g| fold_of[g]).collect()
}

/// Out-of-fold probabilities: for each fold, a model fitted on every other fold scores the rows
/// of that fold.
///
/// # Errors
/// As [`LogisticModel::fit`] for any fold's training rows (for example a fold whose training part
/// holds one class only), and [`Error::InvalidData`] when `folds` has another length than `rows`.
pub fn cross_val_predict(
    names: &[String],
    rows: &[Vec<f64>],
    labels: &[bool],
    folds: &[usize],
    options: &FitOptions,
) -> Result<Vec<f64>> {
    cross_val_predict_weighted(names, rows, labels, None, folds, options)
}

/// [`cross_val_predict`] with a weight per row.
///
/// # Errors
/// As [`cross_val_predict`].
pub fn cross_val_predict_weighted(
    names: &[String],
    rows: &[Vec<f64>],
    labels: &[bool],
    row_weights: Option<&[f64]>,
    folds: &[usize],
    options: &FitOptions,
) -> Result<Vec<f64>> {
    if folds.len() != rows.len() {
        return Err(invalid(format!("{} fold indices for {} rows", folds.len(), rows.len())));
    }
    let k = folds.iter().copied().max().map_or(0, |m| m + 1);
    let mut out = vec![f64::NAN; rows.len()];
    for f in 0..k {
        let test: Vec<usize> = (0..rows.len()).filter(|&i| folds[i] == f).collect();
        if test.is_empty() {
            continue;
        }
        let train: Vec<usize> = (0..rows.len()).filter(|&i| folds[i] != f).collect();
        let tr_rows: Vec<Vec<f64>> = train.iter().map(|&i| rows[i].clone()).collect();
        let tr_labels: Vec<bool> = train.iter().map(|&i| labels[i]).collect();
        let model = match row_weights {
            Some(w) => {
                let tr_w: Vec<f64> = train.iter().map(|&i| w[i]).collect();
                fit(names, &tr_rows, &tr_labels, Some(&tr_w), options)
            }
            None => fit(names, &tr_rows, &tr_labels, None, options),
        }
        .map_err(|e| match e {
            Error::InvalidData { context, reason } => {
                Error::InvalidData { context, reason: format!("fold {f} of {k}: {reason}") }
            }
            other => other,
        })?;
        for i in test {
            out[i] = model.probability(&rows[i]);
        }
    }
    if out.iter().any(|p| p.is_nan()) {
        return Err(invalid("a row was in no fold"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(n: &[&str]) -> Vec<String> {
        n.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn sigmoid_is_stable_at_the_extremes() {
        assert_eq!(sigmoid(0.0), 0.5);
        assert!((sigmoid(2.0) - 0.880_797_077_977_882_3).abs() < 1e-15);
        assert_eq!(sigmoid(-1000.0), 0.0);
        assert_eq!(sigmoid(1000.0), 1.0);
        assert!((sigmoid(-2.0) + sigmoid(2.0) - 1.0).abs() < 1e-15);
    }

    #[test]
    fn auc_by_hand() {
        // Positives 0.8 and 0.4; negatives 0.5 and 0.1: pairs right 3 of 4.
        assert_eq!(roc_auc(&[0.8, 0.5, 0.4, 0.1], &[true, false, true, false]), Some(0.75));
        // A tie between a positive and a negative counts one half.
        assert_eq!(roc_auc(&[0.5, 0.5], &[true, false]), Some(0.5));
        assert_eq!(roc_auc(&[0.1, 0.9], &[false, true]), Some(1.0));
        assert_eq!(roc_auc(&[0.1, 0.9], &[true, true]), None);
    }

    #[test]
    fn average_precision_by_hand() {
        // Ranking: + - + -: precision 1/1 at the first positive, 2/3 at the second.
        let ap = average_precision(&[0.9, 0.8, 0.7, 0.6], &[true, false, true, false]).unwrap();
        assert!((ap - (1.0 + 2.0 / 3.0) / 2.0).abs() < 1e-12);
        assert_eq!(average_precision(&[0.9, 0.8], &[false, false]), None);
    }

    #[test]
    fn brier_and_calibration_by_hand() {
        assert!((brier(&[1.0, 0.0, 0.5], &[true, false, true]) - 0.25 / 3.0).abs() < 1e-12);
        let bins = calibration(&[0.1, 0.2, 0.9, 1.0], &[false, true, true, true], 2);
        assert_eq!(bins.len(), 2);
        assert_eq!((bins[0].n, bins[1].n), (2, 2));
        assert!((bins[0].mean_predicted - 0.15).abs() < 1e-12);
        assert!((bins[0].observed - 0.5).abs() < 1e-12);
        assert!((bins[1].observed - 1.0).abs() < 1e-12);
        assert_eq!(bins[1].upper, 1.0);
    }

    #[test]
    fn a_separable_toy_set_is_ranked_perfectly() {
        let rows: Vec<Vec<f64>> = (0..20).map(|i| vec![f64::from(i), 1.0]).collect();
        let labels: Vec<bool> = (0..20).map(|i| i >= 10).collect();
        let m = LogisticModel::fit(&names(&["x", "constant"]), &rows, &labels, &FitOptions::default()).unwrap();
        assert!(m.weights[0] > 0.0);
        // A constant signal carries no information and gets no weight.
        assert_eq!(m.weights[1], 0.0);
        let scores: Vec<f64> = rows.iter().map(|r| m.probability(r)).collect();
        assert_eq!(roc_auc(&scores, &labels), Some(1.0));
        // Its explanation adds up to the model's log-odds and probability.
        let e = crate::Explanation::of_model(&m, &rows[3]);
        assert_eq!(e.link, crate::Link::Logistic);
        assert!((e.raw - m.log_odds(&rows[3])).abs() < 1e-12);
        assert!((e.value - m.probability(&rows[3])).abs() < 1e-12);
        assert_eq!(e.get("x").map(|c| c.value), Some(3.0));
        // Symmetric data around 9.5: the decision boundary is there.
        assert!((m.log_odds(&[9.5, 1.0])).abs() < 1e-6);
    }

    #[test]
    fn matches_the_closed_form_of_a_saturated_binary_model() {
        // One 0/1 signal, no penalty: the fitted probabilities equal the observed rates,
        // 1/4 when x = 0 and 3/4 when x = 1.
        let rows = vec![vec![0.0], vec![0.0], vec![0.0], vec![0.0], vec![1.0], vec![1.0], vec![1.0], vec![1.0]];
        let labels = [true, false, false, false, true, true, true, false];
        let m = LogisticModel::fit(&names(&["x"]), &rows, &labels, &FitOptions::default().with_l2(0.0)).unwrap();
        assert!((m.probability(&[0.0]) - 0.25).abs() < 1e-6);
        assert!((m.probability(&[1.0]) - 0.75).abs() < 1e-6);
        assert!((m.weights[0] - 9f64.ln()).abs() < 1e-5);
    }

    #[test]
    fn the_penalty_shrinks_weights() {
        let rows = vec![vec![0.0], vec![0.0], vec![0.0], vec![0.0], vec![1.0], vec![1.0], vec![1.0], vec![1.0]];
        let labels = [true, false, false, false, true, true, true, false];
        let loose = LogisticModel::fit(&names(&["x"]), &rows, &labels, &FitOptions::default().with_l2(0.0)).unwrap();
        let tight = LogisticModel::fit(&names(&["x"]), &rows, &labels, &FitOptions::default().with_l2(10.0)).unwrap();
        assert!(tight.weights[0] > 0.0 && tight.weights[0] < loose.weights[0]);
    }

    #[test]
    fn balancing_moves_the_intercept_toward_even_odds() {
        let rows = vec![vec![0.0]; 10];
        let labels = [true, false, false, false, false, false, false, false, false, false];
        let plain = LogisticModel::fit(&names(&["x"]), &rows, &labels, &FitOptions::default()).unwrap();
        assert!((plain.probability(&[0.0]) - 0.1).abs() < 1e-9);
        let even =
            LogisticModel::fit(&names(&["x"]), &rows, &labels, &FitOptions::default().with_balanced(true)).unwrap();
        assert!((even.probability(&[0.0]) - 0.5).abs() < 1e-9);
    }

    #[test]
    fn the_same_rows_fit_the_same_bits() {
        let rows: Vec<Vec<f64>> =
            (0..50).map(|i| vec![f64::from(i % 7) / 7.0, f64::from(i % 3), f64::from(i * i % 11)]).collect();
        let labels: Vec<bool> = (0..50).map(|i| (i * 13) % 5 < 2).collect();
        let n = names(&["a", "b", "c"]);
        let a = LogisticModel::fit(&n, &rows, &labels, &FitOptions::default()).unwrap();
        let b = LogisticModel::fit(&n, &rows, &labels, &FitOptions::default()).unwrap();
        assert_eq!(a.intercept.to_bits(), b.intercept.to_bits());
        assert!(a.weights.iter().zip(&b.weights).all(|(x, y)| x.to_bits() == y.to_bits()));
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        let n = names(&["x"]);
        let fit = |rows: &[Vec<f64>], labels: &[bool]| LogisticModel::fit(&n, rows, labels, &FitOptions::default());
        for (rows, labels, needle) in [
            (vec![], vec![], "no rows"),
            (vec![vec![1.0], vec![2.0]], vec![true, true], "both classes"),
            (vec![vec![1.0, 2.0], vec![2.0]], vec![true, false], "row 0 has 2 values"),
            (vec![vec![f64::NAN], vec![2.0]], vec![true, false], "not a finite number"),
            (vec![vec![1.0]], vec![true, false], "1 rows but 2 labels"),
        ] {
            let err = fit(&rows, &labels).unwrap_err();
            assert_eq!(err.kind(), crate::ErrorKind::InvalidData);
            assert!(err.to_string().contains(needle), "{err} should say {needle:?}");
        }
        let err = LogisticModel::fit(&n, &[vec![0.0], vec![1.0]], &[false, true], &FitOptions::default().with_l2(-1.0))
            .unwrap_err();
        assert!(err.to_string().contains("l2 must be"), "{err}");
    }

    #[test]
    fn folds_keep_groups_whole_and_balance_rows() {
        let groups = ["a", "a", "a", "b", "b", "c", "d", "d"];
        let folds = group_folds(&groups, 2);
        // a (3 rows) -> fold 0, b (2) -> fold 1, d (2) -> fold 1 (load 2 < 3), c (1) -> fold 0.
        assert_eq!(folds, vec![0, 0, 0, 1, 1, 0, 1, 1]);
        for (i, g) in groups.iter().enumerate() {
            for (j, h) in groups.iter().enumerate() {
                if g == h {
                    assert_eq!(folds[i], folds[j]);
                }
            }
        }
    }

    #[test]
    fn out_of_fold_predictions_never_see_their_own_fold() {
        // Group "odd" alone carries a flipped relation; held out, it is predicted from "even" only.
        let rows = vec![vec![0.0], vec![1.0], vec![0.0], vec![1.0], vec![0.0], vec![1.0]];
        let labels = [false, true, false, true, true, false];
        let groups = ["even", "even", "even2", "even2", "odd", "odd"];
        let folds = group_folds(&groups, 3);
        let p = cross_val_predict(&names(&["x"]), &rows, &labels, &folds, &FitOptions::default()).unwrap();
        // In the held-out "odd" group, x = 1 is still scored above x = 0 (learned elsewhere).
        assert!(p[5] > p[4]);
        let err = cross_val_predict(&names(&["x"]), &rows, &labels, &[0, 1], &FitOptions::default()).unwrap_err();
        assert!(err.to_string().contains("2 fold indices for 6 rows"), "{err}");
    }
}
