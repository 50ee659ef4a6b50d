//! The public types: an attribution (cue, chain of sources, content), a source and the kinds of
//! both.

use crate::span::Span;

/// What kind of source a phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum SourceKind {
    /// A person named in the text ("Eric Farnsworth", "Rubio").
    NamedPerson,
    /// An organisation or government body ("the Lima Group", "Venezuelan authorities").
    Organisation,
    /// A news outlet ("Bloomberg News", "the Spanish newspaper ABC de España").
    NewsOutlet,
    /// A document or report ("the report", "the Economist's Index of Democracy").
    Document,
    /// An unnamed source ("people familiar with the matter", "Kremlin sources").
    Anonymous,
    /// A vague or weasel source ("some experts", "critics", "observers").
    Vague,
    /// The article's own voice (claims with no attribution).
    Author,
    /// A pronoun or reference that could not be tied to an earlier source.
    Unresolved,
}

impl SourceKind {
    /// All kinds, in declaration order.
    pub const ALL: [SourceKind; 8] = [
        SourceKind::NamedPerson,
        SourceKind::Organisation,
        SourceKind::NewsOutlet,
        SourceKind::Document,
        SourceKind::Anonymous,
        SourceKind::Vague,
        SourceKind::Author,
        SourceKind::Unresolved,
    ];

    /// The snake_case name used in JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            SourceKind::NamedPerson => "named_person",
            SourceKind::Organisation => "organisation",
            SourceKind::NewsOutlet => "news_outlet",
            SourceKind::Document => "document",
            SourceKind::Anonymous => "anonymous",
            SourceKind::Vague => "vague",
            SourceKind::Author => "author",
            SourceKind::Unresolved => "unresolved",
        }
    }

    /// True for sources a reader cannot identify (anonymous or vague).
    #[must_use]
    pub const fn is_unnamed(self) -> bool {
        matches!(self, SourceKind::Anonymous | SourceKind::Vague)
    }
}

impl std::fmt::Display for SourceKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One link of an attribution chain.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Source {
    /// The phrase as written ("he", "AS/COA's Eric Farnsworth", "the newspaper").
    pub text: String,
    /// Its span in this article (`None` for inherited or synthetic links such as the author).
    pub span: Option<Span>,
    /// Its kind (after resolution).
    pub kind: SourceKind,
    /// Canonical name: titles and possessive prefixes stripped, pronouns and references resolved
    /// ("Eric Farnsworth", "ABC de España"). For unnamed sources, the phrase itself.
    pub name: String,
    /// True when `name` comes from an earlier mention (pronoun, surname, "the newspaper").
    pub resolved: bool,
}

/// How the content is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum AttributionKind {
    /// The content is a quotation.
    Direct,
    /// The content paraphrases and quotes in part.
    Mixed,
    /// Reported speech without quotation marks.
    Indirect,
}

impl AttributionKind {
    /// The snake_case name used in JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            AttributionKind::Direct => "direct",
            AttributionKind::Mixed => "mixed",
            AttributionKind::Indirect => "indirect",
        }
    }
}

/// What a cue reports: speech, writing, a belief, a stance, a perception or finding, or a
/// report relayed ("according to").
///
/// The line between speech and stance: a verb is **speech** when it introduces words the source
/// said (a quotation, a "that" clause, an inverted tag "..., X warned", a directive or promise
/// "urged lawmakers to act", "vowed to fight"), and **stance** when it reports the source's
/// position on, or attention to, an object rather than its words ("criticized the deal",
/// "praised", "blamed", "accused", "called for", "opposed", "talked about the economy"). A quote
/// extractor counts speech and writing ([`CueType::is_quote`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Deserialize)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CueType {
    /// Words spoken: "said", "told", "added", "asked", "announced", "went on to say", a speaker's
    /// turn in a transcript ("TAPPER: ...").
    Speech,
    /// Words written or posted: "wrote", "tweeted", "posted", "emailed", "published".
    Writing,
    /// A belief, hope, fear or wish: "believes", "thinks", "fears", "expects", "knew", "wants".
    Belief,
    /// A position on or attention to something, not words reported: "criticized", "praised",
    /// "accused", "called for", "opposed", "agreed", and topics ("has focused on the economy",
    /// "talked about the wall").
    Stance,
    /// A perception or finding: "saw", "heard", "noticed", "found", "shows", and polls ("In a CBS
    /// News poll, ...").
    Perception,
    /// A report relayed on someone's authority: "according to", "as reported by", "citing",
    /// "X reported", "reportedly", and a headline's "Source: ..." ("Graham: Trump's Rhetoric
    /// Destroying GOP's Chance").
    Reported,
}

impl CueType {
    /// All types, in declaration order.
    pub const ALL: [CueType; 6] =
        [CueType::Speech, CueType::Writing, CueType::Belief, CueType::Stance, CueType::Perception, CueType::Reported];

    /// The snake_case name used in JSON and in the cue lexicon.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            CueType::Speech => "speech",
            CueType::Writing => "writing",
            CueType::Belief => "belief",
            CueType::Stance => "stance",
            CueType::Perception => "perception",
            CueType::Reported => "reported",
        }
    }

    /// True for the types a quote extractor counts as quotes: speech and writing.
    #[must_use]
    pub const fn is_quote(self) -> bool {
        matches!(self, CueType::Speech | CueType::Writing)
    }
}

impl std::fmt::Display for CueType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for CueType {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CueType::ALL.into_iter().find(|c| c.as_str() == s).ok_or_else(|| crate::Error::InvalidOption {
            option: "cue type",
            value: s.to_owned(),
            expected: CueType::ALL.map(CueType::as_str).join(", "),
        })
    }
}

/// An attribution: a cue, its chain of sources (outer first), and the content it attributes.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Attribution {
    /// The cue as written ("said", "told", "according to").
    pub cue: String,
    /// The cue's span.
    pub cue_span: Span,
    /// The chain of sources, outermost (the one the reader hears from) first.
    pub sources: Vec<Source>,
    /// The attributed content (may run across sentences for a long quotation).
    pub content: Span,
    /// Direct, mixed or indirect.
    pub kind: AttributionKind,
    /// What the cue reports: speech, writing, a belief, a stance, a perception or a relayed
    /// report.
    pub cue_type: CueType,
    /// True when any link of the chain is anonymous or vague.
    pub anonymous: bool,
}

impl Attribution {
    /// The innermost source: the one the content originates from.
    #[must_use]
    pub fn original_source(&self) -> Option<&Source> {
        self.sources.last()
    }
}
