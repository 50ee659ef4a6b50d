//! Explanations: every score lists its signals, their values and contributions.

/// One signal's share of a score.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Contribution {
    /// Stable signal name (documented in `docs/scoring.md`), e.g. `"hedging"`.
    pub signal: String,
    /// The signal's value (a count, a share, a 0/1 indicator, a reliability).
    pub value: f64,
    /// The weight applied to it.
    pub weight: f64,
    /// What it added to the score: `value * weight` (negative lowers the score).
    pub contribution: f64,
    /// Human-readable evidence ("cues: may (epistemic_modal)").
    pub detail: String,
}

/// A score with its derivation: `value = clamp(base + Σ contributions, 0, 1)`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Explanation {
    /// Starting value.
    pub base: f64,
    /// Every signal considered, including those that contributed 0.
    pub contributions: Vec<Contribution>,
    /// `base + Σ contributions`, before clamping.
    pub raw: f64,
    /// The final score in `[0, 1]`.
    pub value: f64,
}

impl Explanation {
    pub(crate) fn new(base: f64) -> Self {
        Self { base, contributions: Vec::new(), raw: base, value: base.clamp(0.0, 1.0) }
    }

    pub(crate) fn add(&mut self, signal: &str, value: f64, weight: f64, detail: impl Into<String>) {
        let contribution = value * weight;
        self.contributions.push(Contribution {
            signal: signal.to_owned(),
            value,
            weight,
            contribution,
            detail: detail.into(),
        });
        self.raw += contribution;
        self.value = if self.raw.is_finite() { self.raw.clamp(0.0, 1.0) } else { 0.0 };
    }

    /// The contribution of one signal, if it was considered.
    #[must_use]
    pub fn get(&self, signal: &str) -> Option<&Contribution> {
        self.contributions.iter().find(|c| c.signal == signal)
    }
}

impl std::fmt::Display for Explanation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "{:<18} {:>+7.3}", "base", self.base)?;
        for c in &self.contributions {
            write!(f, "{:<18} {:>+7.3}  ({:.3} x {:+.3})", c.signal, c.contribution, c.value, c.weight)?;
            if !c.detail.is_empty() {
                write!(f, "  {}", c.detail)?;
            }
            writeln!(f)?;
        }
        write!(f, "{:<18} {:>7.3}", "= score", self.value)?;
        if (self.raw - self.value).abs() > f64::EPSILON {
            write!(f, "  (clamped from {:.3})", self.raw)?;
        }
        Ok(())
    }
}
