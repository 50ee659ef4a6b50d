//! Explanations: every score lists its signals, their values and contributions.

use std::borrow::Cow;

/// One signal's share of a score.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Contribution {
    /// Stable signal name (documented in `docs/scoring.md`), e.g. `"hedging"`: borrowed from the
    /// model's static list of names where it has one, so that explaining a score allocates no name.
    pub signal: Cow<'static, str>,
    /// The signal's value (a count, a share, a 0/1 indicator, a reliability).
    pub value: f64,
    /// The weight applied to it.
    pub weight: f64,
    /// What it added to the score: `value * weight` (negative lowers the score).
    pub contribution: f64,
    /// Human-readable evidence ("cues: may (epistemic_modal)").
    pub detail: String,
}

/// How an [`Explanation`]'s sum becomes the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Link {
    /// `value = clamp(raw, 0, 1)`: an additive rubric.
    #[default]
    Identity,
    /// `value = 1 / (1 + e^-raw)`: a logistic model; `base` is its intercept and every
    /// contribution a term on the log-odds scale.
    Logistic,
}

impl Link {
    /// Whether this is [`Link::Identity`].
    #[must_use]
    pub fn is_identity(&self) -> bool {
        *self == Link::Identity
    }

    /// The name used in JSON and Python (`"identity"`, `"logistic"`).
    #[must_use]
    pub fn as_str(&self) -> &'static str {
        match self {
            Link::Identity => "identity",
            Link::Logistic => "logistic",
        }
    }

    fn apply(self, raw: f64) -> f64 {
        match self {
            _ if !raw.is_finite() => 0.0,
            Link::Identity => raw.clamp(0.0, 1.0),
            Link::Logistic => crate::logistic::sigmoid(raw),
        }
    }
}

/// A score with its derivation: `value = clamp(base + Σ contributions, 0, 1)` for an additive
/// rubric, `value = sigmoid(base + Σ contributions)` for a logistic model (see [`Link`]).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Explanation {
    /// Starting value (the intercept of a logistic model).
    pub base: f64,
    /// Every signal considered, including those that contributed 0.
    pub contributions: Vec<Contribution>,
    /// `base + Σ contributions`, before clamping (the log-odds of a logistic model).
    pub raw: f64,
    /// The final score in `[0, 1]`.
    pub value: f64,
    /// How `raw` becomes `value`. Absent from JSON for the additive rubric.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Link::is_identity"))]
    pub link: Link,
}

impl Explanation {
    pub(crate) fn new(base: f64) -> Self {
        Self { base, contributions: Vec::new(), raw: base, value: Link::Identity.apply(base), link: Link::Identity }
    }

    /// An empty logistic explanation starting at `intercept` (log-odds).
    #[must_use]
    pub fn logistic(intercept: f64) -> Self {
        Self {
            base: intercept,
            contributions: Vec::new(),
            raw: intercept,
            value: Link::Logistic.apply(intercept),
            link: Link::Logistic,
        }
    }

    pub(crate) fn add(
        &mut self,
        signal: impl Into<Cow<'static, str>>,
        value: f64,
        weight: f64,
        detail: impl Into<String>,
    ) {
        let contribution = value * weight;
        self.contributions.push(Contribution {
            signal: signal.into(),
            value,
            weight,
            contribution,
            detail: detail.into(),
        });
        self.raw += contribution;
        self.value = self.link.apply(self.raw);
    }

    /// A logistic explanation from its intercept and terms `(signal, value, weight, detail)`, in
    /// order: the same as [`Explanation::logistic`] then one `add` per term, with the link applied
    /// once at the end instead of after every term (`raw` sums the terms in the same order).
    pub(crate) fn logistic_of(
        intercept: f64,
        terms: impl ExactSizeIterator<Item = (&'static str, f64, f64, String)>,
    ) -> Self {
        let mut e = Self::logistic(intercept);
        e.contributions.reserve_exact(terms.len());
        for (signal, value, weight, detail) in terms {
            let contribution = value * weight;
            e.contributions.push(Contribution { signal: Cow::Borrowed(signal), value, weight, contribution, detail });
            e.raw += contribution;
        }
        e.value = e.link.apply(e.raw);
        e
    }

    /// The explanation of a logistic model's score for one row of signal values: the intercept,
    /// then one contribution per signal, in the model's order.
    ///
    /// # Panics
    /// When `row` has another length than the model's signals.
    #[must_use]
    pub fn of_model(model: &crate::logistic::LogisticModel, row: &[f64]) -> Self {
        assert_eq!(row.len(), model.weights.len(), "one value per signal");
        let mut e = Self::logistic(model.intercept);
        for ((name, &w), &x) in model.names.iter().zip(&model.weights).zip(row) {
            e.add(name.clone(), x, w, "");
        }
        e
    }

    /// The contribution of one signal, if it was considered.
    #[must_use]
    pub fn get(&self, signal: &str) -> Option<&Contribution> {
        self.contributions.iter().find(|c| c.signal == signal)
    }
}

impl std::fmt::Display for Explanation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let base = if self.link == Link::Logistic { "intercept" } else { "base" };
        writeln!(f, "{base:<18} {:>+7.3}", self.base)?;
        for c in &self.contributions {
            write!(f, "{:<18} {:>+7.3}  ({:.3} x {:+.3})", c.signal, c.contribution, c.value, c.weight)?;
            if !c.detail.is_empty() {
                write!(f, "  {}", c.detail)?;
            }
            writeln!(f)?;
        }
        write!(f, "{:<18} {:>7.3}", "= score", self.value)?;
        if self.link == Link::Logistic {
            write!(f, "  (sigmoid of log-odds {:+.3})", self.raw)?;
        } else if (self.raw - self.value).abs() > f64::EPSILON {
            write!(f, "  (clamped from {:.3})", self.raw)?;
        }
        Ok(())
    }
}
