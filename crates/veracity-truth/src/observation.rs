//! One claim of a source about an object.

/// One claim: `source` says that `object` has `value`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Observation {
    /// Who makes the claim (a website, an outlet, a named person).
    pub source: String,
    /// What the claim is about (the question: an ISBN's author list, a city's population).
    pub object: String,
    /// The claimed value.
    pub value: String,
}

impl Observation {
    /// A new observation.
    pub fn new(source: impl Into<String>, object: impl Into<String>, value: impl Into<String>) -> Self {
        Self { source: source.into(), object: object.into(), value: value.into() }
    }
}
