//! Admiralty (NATO STANAG 2511) grades: source reliability A-F and information credibility 1-6,
//! assessed independently of each other. The mapping is written down in `docs/scoring.md`
//! ("Admiralty grades") and its thresholds are in `data/scoring.toml` (`[grades]`). A claim's
//! credibility grade is assessed where claims are scored (`score.rs`): the grades know no claims.

use crate::attribution::SourceKind;
use crate::config::ReliabilityGrades;

/// How reliable a source is, A (completely reliable) to F (cannot be judged).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum ReliabilityGrade {
    /// Completely reliable: high reliability and a corroborated track record.
    A,
    /// Usually reliable.
    B,
    /// Fairly reliable.
    C,
    /// Not usually reliable.
    D,
    /// Unreliable.
    E,
    /// Reliability cannot be judged (a vague or unresolved source).
    F,
}

impl ReliabilityGrade {
    /// All grades, best first.
    pub const ALL: [ReliabilityGrade; 6] = [
        ReliabilityGrade::A,
        ReliabilityGrade::B,
        ReliabilityGrade::C,
        ReliabilityGrade::D,
        ReliabilityGrade::E,
        ReliabilityGrade::F,
    ];

    /// The letter.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            ReliabilityGrade::A => "A",
            ReliabilityGrade::B => "B",
            ReliabilityGrade::C => "C",
            ReliabilityGrade::D => "D",
            ReliabilityGrade::E => "E",
            ReliabilityGrade::F => "F",
        }
    }

    /// The NATO wording.
    #[must_use]
    pub const fn description(self) -> &'static str {
        match self {
            ReliabilityGrade::A => "completely reliable",
            ReliabilityGrade::B => "usually reliable",
            ReliabilityGrade::C => "fairly reliable",
            ReliabilityGrade::D => "not usually reliable",
            ReliabilityGrade::E => "unreliable",
            ReliabilityGrade::F => "reliability cannot be judged",
        }
    }

    /// Grades a source from its kind, its reliability score and, when known, its track record
    /// (`Some((claims, corroboration rate))` from a corpus profile; `None` for one article).
    ///
    /// Vague and unresolved sources are F. A needs a reliability of at least `a` and a track record
    /// of at least `a_min_claims` claims with a corroboration rate of at least `a_min_corroboration`;
    /// otherwise the score alone decides between B (>= `b`), C (>= `c`), D (>= `d`) and E.
    #[must_use]
    pub fn assess(kind: SourceKind, reliability: f64, record: Option<(usize, f64)>, g: &ReliabilityGrades) -> Self {
        if matches!(kind, SourceKind::Vague | SourceKind::Unresolved) || !reliability.is_finite() {
            return ReliabilityGrade::F;
        }
        let proven = record.is_some_and(|(claims, rate)| claims >= g.a_min_claims && rate >= g.a_min_corroboration);
        if reliability >= g.a && proven {
            ReliabilityGrade::A
        } else if reliability >= g.b {
            ReliabilityGrade::B
        } else if reliability >= g.c {
            ReliabilityGrade::C
        } else if reliability >= g.d {
            ReliabilityGrade::D
        } else {
            ReliabilityGrade::E
        }
    }
}

impl std::fmt::Display for ReliabilityGrade {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How credible a piece of information is, 1 (confirmed) to 6 (cannot be judged), judged from the
/// information itself and never from its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(into = "u8", try_from = "u8"))]
#[non_exhaustive]
pub enum CredibilityGrade {
    /// 1: confirmed by independent sources (needs corroboration across articles).
    Confirmed,
    /// 2: probably true: stated as fact, not contradicted.
    ProbablyTrue,
    /// 3: possibly true: stated as probable, or behind a weasel cue.
    PossiblyTrue,
    /// 4: doubtful: stated as merely possible.
    Doubtful,
    /// 5: improbable: contradicted by independent sources.
    Improbable,
    /// 6: cannot be judged: a question, an opinion, a prediction, or no clear stance.
    CannotBeJudged,
}

impl CredibilityGrade {
    /// All grades, 1 to 6.
    pub const ALL: [CredibilityGrade; 6] = [
        CredibilityGrade::Confirmed,
        CredibilityGrade::ProbablyTrue,
        CredibilityGrade::PossiblyTrue,
        CredibilityGrade::Doubtful,
        CredibilityGrade::Improbable,
        CredibilityGrade::CannotBeJudged,
    ];

    /// The digit, 1 to 6.
    #[must_use]
    pub const fn number(self) -> u8 {
        match self {
            CredibilityGrade::Confirmed => 1,
            CredibilityGrade::ProbablyTrue => 2,
            CredibilityGrade::PossiblyTrue => 3,
            CredibilityGrade::Doubtful => 4,
            CredibilityGrade::Improbable => 5,
            CredibilityGrade::CannotBeJudged => 6,
        }
    }

    /// The NATO wording.
    #[must_use]
    pub const fn description(self) -> &'static str {
        match self {
            CredibilityGrade::Confirmed => "confirmed by other sources",
            CredibilityGrade::ProbablyTrue => "probably true",
            CredibilityGrade::PossiblyTrue => "possibly true",
            CredibilityGrade::Doubtful => "doubtful",
            CredibilityGrade::Improbable => "improbable",
            CredibilityGrade::CannotBeJudged => "truth cannot be judged",
        }
    }

    /// The grade once other articles are known: 1 when at least one independent source agrees and
    /// agreeing independent sources are at least as many as contradicting ones; 5 when
    /// contradicting independent sources outnumber agreeing ones; otherwise `self`. Questions,
    /// opinions and predictions (6) stay 6.
    #[must_use]
    pub fn with_corroboration(self, agreeing: usize, contradicting: usize) -> Self {
        if self == CredibilityGrade::CannotBeJudged {
            self
        } else if agreeing >= 1 && agreeing >= contradicting {
            CredibilityGrade::Confirmed
        } else if contradicting > agreeing {
            CredibilityGrade::Improbable
        } else {
            self
        }
    }
}

impl From<CredibilityGrade> for u8 {
    fn from(g: CredibilityGrade) -> u8 {
        g.number()
    }
}

impl TryFrom<u8> for CredibilityGrade {
    type Error = crate::Error;
    fn try_from(n: u8) -> Result<Self, Self::Error> {
        CredibilityGrade::ALL.into_iter().find(|g| g.number() == n).ok_or_else(|| crate::Error::InvalidOption {
            option: "credibility grade",
            value: n.to_string(),
            expected: "1, 2, 3, 4, 5, 6".into(),
        })
    }
}

impl std::fmt::Display for CredibilityGrade {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.number())
    }
}

/// A claim's Admiralty rating: its original source's reliability and its own credibility,
/// written together as "B2".
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Admiralty {
    /// The reliability of the claim's original source (the innermost link of its attribution
    /// chain, or the article's own voice).
    pub reliability: ReliabilityGrade,
    /// The credibility of the information.
    pub credibility: CredibilityGrade,
    /// Why the source got its letter.
    pub reliability_reason: String,
    /// Why the information got its digit.
    pub credibility_reason: String,
}

impl std::fmt::Display for Admiralty {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}", self.reliability, self.credibility)
    }
}
