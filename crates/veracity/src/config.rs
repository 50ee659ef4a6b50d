//! Configuration: lexicons and weights as data.
//!
//! The defaults are the TOML files in `crates/veracity/data/`, compiled into the crate. A caller
//! extends or replaces them with more TOML (a file or a string) or with builder calls; see
//! [`crate::AnalyzerBuilder`]. Merging rules for an extension document:
//! - tables merge key by key; a scalar replaces the built-in value;
//! - arrays are extended (duplicates are dropped);
//! - a table holding `replace = true` replaces the built-in table of the same name whole.
//!
//! Unknown keys, unknown categories, weights out of range, empty phrases and a phrase listed in
//! two groups are errors naming the entry.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::Deserialize;

use crate::attribution::CueType;
use crate::error::{Error, Result};

const BUILTIN: [(&str, &str); 9] = [
    ("hedges.toml", include_str!("../data/hedges.toml")),
    ("attribution.toml", include_str!("../data/attribution.toml")),
    ("sources.toml", include_str!("../data/sources.toml")),
    ("segmentation.toml", include_str!("../data/segmentation.toml")),
    ("scoring.toml", include_str!("../data/scoring.toml")),
    ("claims.toml", include_str!("../data/claims.toml")),
    ("checkworthiness.toml", include_str!("../data/checkworthiness.toml")),
    ("style.toml", include_str!("../data/style.toml")),
    ("credibility.toml", include_str!("../data/credibility.toml")),
];

/// Built-in profiles: named extension documents for a domain, merged on request with
/// [`crate::AnalyzerBuilder::profile`]. Each is a list of `(file name, TOML)`, merged in order.
pub const PROFILES: [(&str, &[(&str, &str)]); 1] = [(
    // Wikipedia's weasel sense (CoNLL-2010 task 1): vague, frequency and peacock cues, with
    // per-phrase weights and a `certain` threshold learned on the CoNLL-2010 train split.
    "conll2010",
    &[
        ("profiles/conll2010-lexicon.toml", include_str!("../data/profiles/conll2010-lexicon.toml")),
        ("profiles/conll2010-weights.toml", include_str!("../data/profiles/conll2010-weights.toml")),
    ],
)];

/// The category of a hedge cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Deserialize)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum HedgeCategory {
    /// may, might, could, perhaps.
    EpistemicModal,
    /// reportedly, allegedly, purportedly.
    ReportingHedge,
    /// seems, appears, suggests, indicates.
    EvidentialVerb,
    /// about, roughly, nearly, at least (before a number).
    Approximator,
    /// some say, it is believed, critics argue.
    Weasel,
    /// likely, expected to, potential.
    Speculation,
    /// if, would, unless.
    Conditional,
    /// clearly, undoubtedly: raise certainty.
    Booster,
}

impl HedgeCategory {
    /// All categories, in declaration order.
    pub const ALL: [HedgeCategory; 8] = [
        HedgeCategory::EpistemicModal,
        HedgeCategory::ReportingHedge,
        HedgeCategory::EvidentialVerb,
        HedgeCategory::Approximator,
        HedgeCategory::Weasel,
        HedgeCategory::Speculation,
        HedgeCategory::Conditional,
        HedgeCategory::Booster,
    ];

    /// The snake_case name used in configuration and JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            HedgeCategory::EpistemicModal => "epistemic_modal",
            HedgeCategory::ReportingHedge => "reporting_hedge",
            HedgeCategory::EvidentialVerb => "evidential_verb",
            HedgeCategory::Approximator => "approximator",
            HedgeCategory::Weasel => "weasel",
            HedgeCategory::Speculation => "speculation",
            HedgeCategory::Conditional => "conditional",
            HedgeCategory::Booster => "booster",
        }
    }
}

impl std::fmt::Display for HedgeCategory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for HedgeCategory {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        HedgeCategory::ALL.into_iter().find(|c| c.as_str() == s).ok_or_else(|| crate::Error::InvalidOption {
            option: "hedge category",
            value: s.to_owned(),
            expected: HedgeCategory::ALL.map(HedgeCategory::as_str).join(", "),
        })
    }
}

/// How an attribution cue introduces its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CueKind {
    /// A reporting verb: "X said ...", "..., X said", "..., said X".
    Verb,
    /// A reporting verb that may take a recipient: "X told Bloomberg News ...".
    VerbRecipient,
    /// A prepositional cue: "according to X".
    Preposition,
}

/// One group of hedge cues sharing a category and a weight.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct HedgeGroup {
    /// The category of every phrase in the group.
    pub category: HedgeCategory,
    /// Hedging strength in `[0, 1]` (for boosters: how much certainty they add).
    pub weight: f64,
    /// Only count a cue when a number follows within two words.
    #[serde(default)]
    pub requires_number: bool,
    /// Only count a cue when no number follows within two words: the other reading of a word
    /// that is an approximator before a number ("some people" vs "some 300 people").
    #[serde(default)]
    pub unless_number: bool,
    /// The cue phrases (case-insensitive, matched on word boundaries).
    pub phrases: Vec<String>,
}

/// One group of attribution cues.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct CueGroup {
    /// How the cue introduces its source.
    pub kind: CueKind,
    /// Only attribute when the content holds a quotation.
    #[serde(default)]
    pub requires_quote: bool,
    /// What the group's cues report (`speech`, `writing`, `belief`, `stance`, `perception`,
    /// `reported`). A group that omits it reports speech.
    #[serde(default = "default_cue_type")]
    pub cue_type: CueType,
    /// The cue phrases.
    pub phrases: Vec<String>,
}

/// The type of a cue group that gives none: speech, as most cues a user adds are reporting verbs.
const fn default_cue_type() -> CueType {
    CueType::Speech
}

/// Word lists that decide a source's kind.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct SourceLexicon {
    pub anonymous_heads: Vec<String>,
    pub anonymous_phrases: Vec<String>,
    pub vague_heads: Vec<String>,
    pub vague_quantifiers: Vec<String>,
    pub document_heads: Vec<String>,
    pub outlet_names: Vec<String>,
    pub outlet_markers: Vec<String>,
    pub outlet_name_endings: Vec<String>,
    pub organisation_markers: Vec<String>,
    pub titles: Vec<String>,
    pub journalist_roles: Vec<String>,
    pub outlet_references: Vec<String>,
    pub document_references: Vec<String>,
    /// Country names: a source phrase that is one of them ("Argentina", "the United States")
    /// speaks for its state, an organisation, not a person.
    #[serde(default)]
    pub countries: Vec<String>,
    /// Last words of organisation names ("Coastline Marine Works", "Acme Holdings", "Bell
    /// Media"): a capitalised phrase ending in one names an organisation, not a person.
    #[serde(default)]
    pub organisation_name_endings: Vec<String>,
    /// Lower-case references to an earlier organisation of a type ("the company", "the
    /// ministry"), each with the words of the names it may refer to: the reference resolves to
    /// the nearest earlier organisation whose name holds one of them ("the company" after
    /// "Coastline Marine Works").
    #[serde(default)]
    pub organisation_references: std::collections::BTreeMap<String, Vec<String>>,
    /// Very common first names that tell a person's gender, for "he"/"she" to pick the right
    /// earlier person.
    #[serde(default)]
    pub female_first_names: Vec<String>,
    /// See `female_first_names`.
    #[serde(default)]
    pub male_first_names: Vec<String>,
}

/// Segmentation word lists.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct SegmentationConfig {
    pub abbreviations: Vec<String>,
    pub sentence_starters: Vec<String>,
    pub boilerplate_exact: Vec<String>,
    pub boilerplate_prefixes: Vec<String>,
    pub subheading_max_words: usize,
    pub headline_max_words: usize,
}

/// Certainty thresholds and the negated-hedge factor.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct CertaintyWeights {
    pub negated_hedge_factor: f64,
    /// The share of its weight an attributive hedge counts with ("the alleged offer"); absent
    /// from configurations written before it existed, which then get the built-in 0.5.
    #[serde(default = "default_attributive_hedge_factor")]
    pub attributive_hedge_factor: f64,
    pub certain: f64,
    pub probable: f64,
    pub possible: f64,
}

const fn default_attributive_hedge_factor() -> f64 {
    0.5
}

/// Claim credibility weights (see `docs/scoring.md`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct CredibilityWeights {
    pub base: f64,
    pub hedging: f64,
    pub weasel: f64,
    pub source: f64,
    pub relay: f64,
    pub direct_quote: f64,
    pub specifics: f64,
}

/// Starting reliability per source kind.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct ReliabilityPriors {
    pub named_person: f64,
    pub organisation: f64,
    pub news_outlet: f64,
    pub document: f64,
    pub anonymous: f64,
    pub vague: f64,
    pub author: f64,
    pub unresolved: f64,
}

/// Source reliability weights (see `docs/scoring.md`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct ReliabilityWeights {
    pub hedge_rate: f64,
    pub specifics_rate: f64,
    pub full_name: f64,
    pub prior: ReliabilityPriors,
}

/// Weights of the corpus profile rubric (see `docs/scoring.md`, "Source profiles").
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct ProfileWeights {
    pub base: f64,
    pub attribution_rate: f64,
    pub named_rate: f64,
    pub anonymous_rate: f64,
    pub vague_rate: f64,
    pub hedge_rate: f64,
    pub weasel_rate: f64,
    pub specifics_rate: f64,
    pub corroboration_rate: f64,
    pub contradiction_rate: f64,
}

/// All scoring weights.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Weights {
    pub certainty: CertaintyWeights,
    pub credibility: CredibilityWeights,
    pub reliability: ReliabilityWeights,
    pub profile: ProfileWeights,
}

/// Thresholds of the source reliability letters (see [`crate::ReliabilityGrade::assess`]).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct ReliabilityGrades {
    pub a: f64,
    pub a_min_claims: usize,
    pub a_min_corroboration: f64,
    pub b: f64,
    pub c: f64,
    pub d: f64,
}

/// Certainty thresholds of the information credibility digits (see
/// [`crate::CredibilityGrade::assess`]).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct CredibilityGrades {
    pub probably_true: f64,
    pub possibly_true: f64,
    pub doubtful: f64,
}

/// Admiralty grade thresholds.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Grades {
    pub reliability: ReliabilityGrades,
    pub credibility: CredibilityGrades,
}

/// Claim units and kinds (see `docs/scoring.md`, "Claim units").
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct ClaimConfig {
    /// Split sentences into one claim per coordinated clause.
    pub split: bool,
    /// Both sides of a split have at least this many words.
    pub min_clause_words: usize,
    /// Conjunctions after a comma that may open a new clause ("and", "but").
    pub split_connectives: Vec<String>,
    /// Words that open a clause (pronouns, determiners); a capitalised word also does.
    pub clause_subjects: Vec<String>,
    /// Cues that make a claim an opinion.
    pub opinion_cues: Vec<String>,
    /// Cues that make a claim a prediction.
    pub prediction_cues: Vec<String>,
}

/// The whole configuration: lexicons and weights.
///
/// `Config::default()` is the compiled-in configuration. Read it to see what the analyser uses;
/// change it through [`crate::AnalyzerBuilder`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Hedge cue groups by name.
    pub hedge_groups: BTreeMap<String, HedgeGroup>,
    /// Per-phrase weights (lower-case phrase → weight in `[0, 1]`) overriding the weight of the
    /// phrase's group. Empty by default; the `conll2010` profile fills it with weights learned on
    /// CoNLL-2010 (`data/profiles/conll2010-weights.toml`). A weight for a phrase no group lists is
    /// ignored.
    #[serde(default)]
    pub hedge_weights: BTreeMap<String, f64>,
    /// Attribution cue groups by name.
    pub cue_groups: BTreeMap<String, CueGroup>,
    /// Source-kind word lists.
    pub sources: SourceLexicon,
    /// Segmentation word lists.
    pub segmentation: SegmentationConfig,
    /// Scoring weights.
    pub weights: Weights,
    /// Admiralty grade thresholds.
    pub grades: Grades,
    /// Claim units and kinds.
    pub claims: ClaimConfig,
    /// The check-worthiness model (`data/checkworthiness.toml`, fitted by `veracity eval
    /// train-checkworthiness`).
    pub checkworthiness: crate::checkworthiness::CheckworthinessModel,
    /// Word lists of the article style signals.
    pub style: crate::credibility::StyleLexicon,
    /// The article credibility model (intercept and weight per signal).
    pub credibility: crate::credibility::CredibilityModelConfig,
}

impl Default for Config {
    fn default() -> Self {
        // The built-in files are tested (`builtin_config_is_valid`), so this cannot fail at run time.
        #[allow(clippy::expect_used)]
        ConfigSource::builtin().build().expect("built-in configuration is valid")
    }
}

/// A configuration under construction: a TOML table that extension documents merge into.
#[derive(Debug, Clone)]
pub(crate) struct ConfigSource {
    table: toml::Table,
    /// Every merged document, `(origin, text)`, to point errors at a file and line.
    docs: Vec<(String, String)>,
    /// Which document last set each top-level group, for error messages.
    origins: Vec<String>,
}

impl ConfigSource {
    pub(crate) fn builtin() -> Self {
        let mut src = Self { table: toml::Table::new(), docs: Vec::new(), origins: Vec::new() };
        for (name, text) in BUILTIN {
            #[allow(clippy::expect_used)]
            src.merge_str(text, &format!("<builtin:{name}>")).expect("built-in configuration parses");
        }
        src
    }

    pub(crate) fn empty_lexicons() -> Self {
        let mut src = Self::builtin();
        src.table.insert("hedge_groups".into(), toml::Value::Table(toml::Table::new()));
        src.table.insert("cue_groups".into(), toml::Value::Table(toml::Table::new()));
        src
    }

    pub(crate) fn merge_str(&mut self, text: &str, origin: &str) -> Result<()> {
        let ext: toml::Table = text.parse().map_err(|e: toml::de::Error| {
            let line = e.span().map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            Error::ConfigParse { origin: origin.to_owned(), line, message: e.message().to_owned() }
        })?;
        merge_tables(&mut self.table, ext);
        self.origins.push(origin.to_owned());
        if !origin.starts_with("<builtin:") {
            self.docs.push((origin.to_owned(), text.to_owned()));
        }
        Ok(())
    }

    pub(crate) fn merge_profile(&mut self, name: &str) -> Result<()> {
        let Some((_, docs)) = PROFILES.iter().find(|(n, _)| *n == name) else {
            return Err(Error::InvalidOption {
                option: "profile",
                value: name.to_owned(),
                expected: PROFILES.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", "),
            });
        };
        for (file, text) in *docs {
            self.merge_str(text, &format!("<builtin:{file}>"))?;
        }
        Ok(())
    }

    pub(crate) fn merge_file(&mut self, path: &Path) -> Result<()> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let origin = path.display().to_string();
        let text = String::from_utf8(bytes)
            .map_err(|e| Error::InvalidUtf8 { origin: Some(origin.clone()), offset: e.utf8_error().valid_up_to() })?;
        self.merge_str(&text, &origin)
    }

    pub(crate) fn set_group(&mut self, section: &str, name: &str, group: toml::Table) {
        let sec = self.table.entry(section.to_owned()).or_insert_with(|| toml::Value::Table(toml::Table::new()));
        if let toml::Value::Table(t) = sec {
            t.insert(name.to_owned(), toml::Value::Table(group));
        }
    }

    /// Removes `phrase` from every group of `section` (used before adding it elsewhere), and its
    /// per-phrase weight.
    pub(crate) fn remove_phrase(&mut self, section: &str, phrase: &str) {
        if section == "hedge_groups" {
            if let Some(toml::Value::Table(w)) = self.table.get_mut("hedge_weights") {
                w.retain(|k, _| !k.eq_ignore_ascii_case(phrase));
            }
        }
        if let Some(toml::Value::Table(groups)) = self.table.get_mut(section) {
            for (_, g) in groups.iter_mut() {
                if let Some(toml::Value::Array(phrases)) = g.get_mut("phrases") {
                    phrases.retain(|p| p.as_str().is_none_or(|s| !s.eq_ignore_ascii_case(phrase)));
                }
            }
        }
    }

    fn origin(&self) -> String {
        self.origins.last().cloned().unwrap_or_else(|| "<config>".into())
    }

    pub(crate) fn build(&self) -> Result<Config> {
        let origin = self.origin();
        let config: Config = toml::Value::Table(self.table.clone()).try_into().map_err(|e: toml::de::Error| {
            let message = e.message().to_owned();
            // "unknown field `hedgin`", "unknown variant `guess`": point at the word.
            let word = message.split('`').nth(1).unwrap_or_default().to_owned();
            let (origin, line) = self.find(|text| locate_word(text, &word)).unwrap_or((origin.clone(), None));
            Error::ConfigParse { origin, line, message }
        })?;
        config.validate(&origin).map_err(|e| match e {
            Error::InvalidConfig { entry, reason, .. } => {
                let path = entry_path(&entry);
                let (origin, line) = self.find(|text| locate_path(text, &path)).unwrap_or((origin.clone(), None));
                Error::InvalidConfig { origin, line, entry, reason }
            }
            other => other,
        })?;
        Ok(config)
    }

    /// The latest caller-given document where `find` locates the problem, with the line.
    fn find(&self, find: impl Fn(&str) -> Option<usize>) -> Option<(String, Option<usize>)> {
        self.docs.iter().rev().find_map(|(origin, text)| find(text).map(|line| (origin.clone(), Some(line))))
    }
}

/// `hedge_groups.x.phrases[0] "may"` -> `["hedge_groups", "x", "phrases"]`.
fn entry_path(entry: &str) -> Vec<String> {
    let head = entry.split(' ').next().unwrap_or(entry);
    head.split('.').map(|k| k.split('[').next().unwrap_or(k).trim_matches('"').to_owned()).collect()
}

fn key_parts(s: &str) -> Vec<String> {
    s.split('.').map(|k| k.trim().trim_matches('"').to_owned()).filter(|k| !k.is_empty()).collect()
}

/// The line (1-based) of the table header or key whose dotted path is `path` or a prefix of it
/// longer than its table header (`phrases = [...]` for `hedge_groups.x.phrases`).
fn locate_path(text: &str, path: &[String]) -> Option<usize> {
    let mut header: Vec<String> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let l = line.trim();
        if l.starts_with('[') {
            header = key_parts(l.trim_start_matches('[').trim_end_matches(']'));
            if header == path {
                return Some(i + 1);
            }
            continue;
        }
        if let Some((k, _)) = l.split_once('=') {
            let mut full = header.clone();
            full.extend(key_parts(k));
            if full == path || (path.starts_with(&full) && full.len() > header.len()) {
                return Some(i + 1);
            }
        }
    }
    None
}

/// The first line where `word` is written as a key or as a quoted value.
fn locate_word(text: &str, word: &str) -> Option<usize> {
    if word.is_empty() {
        return None;
    }
    text.lines()
        .position(|line| {
            let l = line.trim();
            let key = l.split_once('=').map(|(k, _)| k.trim().trim_matches('"'));
            key == Some(word) || l.contains(&format!("\"{word}\""))
        })
        .map(|i| i + 1)
}

fn merge_tables(base: &mut toml::Table, ext: toml::Table) {
    for (key, value) in ext {
        match (base.get_mut(&key), value) {
            (Some(toml::Value::Table(b)), toml::Value::Table(mut e)) => {
                if e.get("replace").and_then(toml::Value::as_bool) == Some(true) {
                    e.remove("replace");
                    *b = e;
                } else {
                    merge_tables(b, e);
                }
            }
            (Some(toml::Value::Array(b)), toml::Value::Array(e)) => {
                for v in e {
                    if !b.contains(&v) {
                        b.push(v);
                    }
                }
            }
            (_, mut value) => {
                strip_replace(&mut value);
                base.insert(key, value);
            }
        }
    }
}

/// Removes the `replace` markers from a table that is inserted whole, at every depth.
fn strip_replace(value: &mut toml::Value) {
    if let toml::Value::Table(t) = value {
        t.remove("replace");
        for (_, v) in t.iter_mut() {
            strip_replace(v);
        }
    }
}

fn check_unit(origin: &str, entry: &str, value: f64) -> Result<()> {
    if value.is_finite() && (0.0..=1.0).contains(&value) {
        Ok(())
    } else {
        Err(Error::invalid_config(origin, entry, format!("weight {value} is not in [0, 1]")))
    }
}

fn check_finite(origin: &str, entry: &str, value: f64) -> Result<()> {
    if value.is_finite() {
        Ok(())
    } else {
        Err(Error::invalid_config(origin, entry, format!("{value} is not a finite number")))
    }
}

impl Config {
    /// Checks every entry; errors name the entry.
    fn validate(&self, origin: &str) -> Result<()> {
        self.checkworthiness.validate(origin)?;
        let mut seen: HashMap<String, String> = HashMap::new();
        for (name, g) in &self.hedge_groups {
            check_unit(origin, &format!("hedge_groups.{name}.weight"), g.weight)?;
            if g.requires_number && g.unless_number {
                return Err(Error::invalid_config(
                    origin,
                    format!("hedge_groups.{name}"),
                    "requires_number and unless_number exclude each other",
                ));
            }
            check_phrases(origin, "hedge_groups", name, &g.phrases, &mut seen)?;
        }
        for (phrase, w) in &self.hedge_weights {
            check_unit(origin, &format!("hedge_weights.{phrase:?}"), *w)?;
        }
        let mut seen_cues: HashMap<String, String> = HashMap::new();
        for (name, g) in &self.cue_groups {
            check_phrases(origin, "cue_groups", name, &g.phrases, &mut seen_cues)?;
        }
        let w = &self.weights;
        let c = &w.certainty;
        for (k, v) in [
            ("negated_hedge_factor", c.negated_hedge_factor),
            ("attributive_hedge_factor", c.attributive_hedge_factor),
            ("certain", c.certain),
            ("probable", c.probable),
            ("possible", c.possible),
        ] {
            check_unit(origin, &format!("weights.certainty.{k}"), v)?;
        }
        if !(c.possible <= c.probable && c.probable <= c.certain) {
            return Err(Error::invalid_config(
                origin,
                "weights.certainty",
                format!(
                    "thresholds must satisfy possible <= probable <= certain, got {} / {} / {}",
                    c.possible, c.probable, c.certain
                ),
            ));
        }
        let cr = &w.credibility;
        for (k, v) in [
            ("base", cr.base),
            ("hedging", cr.hedging),
            ("weasel", cr.weasel),
            ("source", cr.source),
            ("relay", cr.relay),
            ("direct_quote", cr.direct_quote),
            ("specifics", cr.specifics),
        ] {
            check_unit(origin, &format!("weights.credibility.{k}"), v)?;
        }
        let r = &w.reliability;
        for (k, v) in [("hedge_rate", r.hedge_rate), ("specifics_rate", r.specifics_rate), ("full_name", r.full_name)] {
            check_unit(origin, &format!("weights.reliability.{k}"), v)?;
        }
        let p = &r.prior;
        for (k, v) in [
            ("named_person", p.named_person),
            ("organisation", p.organisation),
            ("news_outlet", p.news_outlet),
            ("document", p.document),
            ("anonymous", p.anonymous),
            ("vague", p.vague),
            ("author", p.author),
            ("unresolved", p.unresolved),
        ] {
            check_unit(origin, &format!("weights.reliability.prior.{k}"), v)?;
        }
        let pw = &w.profile;
        for (k, v) in [
            ("base", pw.base),
            ("attribution_rate", pw.attribution_rate),
            ("named_rate", pw.named_rate),
            ("anonymous_rate", pw.anonymous_rate),
            ("vague_rate", pw.vague_rate),
            ("hedge_rate", pw.hedge_rate),
            ("weasel_rate", pw.weasel_rate),
            ("specifics_rate", pw.specifics_rate),
            ("corroboration_rate", pw.corroboration_rate),
            ("contradiction_rate", pw.contradiction_rate),
        ] {
            check_unit(origin, &format!("weights.profile.{k}"), v)?;
        }
        let gr = &self.grades.reliability;
        for (k, v) in
            [("a", gr.a), ("a_min_corroboration", gr.a_min_corroboration), ("b", gr.b), ("c", gr.c), ("d", gr.d)]
        {
            check_unit(origin, &format!("grades.reliability.{k}"), v)?;
        }
        if !(gr.d <= gr.c && gr.c <= gr.b && gr.b <= gr.a) {
            return Err(Error::invalid_config(
                origin,
                "grades.reliability",
                format!("thresholds must satisfy d <= c <= b <= a, got {} / {} / {} / {}", gr.d, gr.c, gr.b, gr.a),
            ));
        }
        let gc = &self.grades.credibility;
        for (k, v) in
            [("probably_true", gc.probably_true), ("possibly_true", gc.possibly_true), ("doubtful", gc.doubtful)]
        {
            check_unit(origin, &format!("grades.credibility.{k}"), v)?;
        }
        if !(gc.doubtful <= gc.possibly_true && gc.possibly_true <= gc.probably_true) {
            return Err(Error::invalid_config(
                origin,
                "grades.credibility",
                format!(
                    "thresholds must satisfy doubtful <= possibly_true <= probably_true, got {} / {} / {}",
                    gc.doubtful, gc.possibly_true, gc.probably_true
                ),
            ));
        }
        let m = &self.credibility;
        check_finite(origin, "credibility.intercept", m.intercept)?;
        for (k, v) in &m.weights {
            if !crate::credibility::SIGNALS.contains(&k.as_str()) {
                return Err(Error::invalid_config(
                    origin,
                    format!("credibility.weights.{k}"),
                    format!("unknown signal; expected one of {}", crate::credibility::SIGNALS.join(", ")),
                ));
            }
            check_finite(origin, &format!("credibility.weights.{k}"), *v)?;
        }
        let cl = &self.claims;
        if cl.min_clause_words == 0 {
            return Err(Error::invalid_config(origin, "claims.min_clause_words", "must be at least 1"));
        }
        for (k, list) in [
            ("split_connectives", &cl.split_connectives),
            ("clause_subjects", &cl.clause_subjects),
            ("opinion_cues", &cl.opinion_cues),
            ("prediction_cues", &cl.prediction_cues),
        ] {
            for (i, p) in list.iter().enumerate() {
                if p.trim().is_empty() || p.trim().len() != p.len() {
                    return Err(Error::invalid_config(
                        origin,
                        format!("claims.{k}[{i}] {p:?}"),
                        "phrase is empty or has leading or trailing whitespace",
                    ));
                }
            }
        }
        Ok(())
    }
}

fn check_phrases(
    origin: &str,
    section: &str,
    group: &str,
    phrases: &[String],
    seen: &mut HashMap<String, String>,
) -> Result<()> {
    for (i, p) in phrases.iter().enumerate() {
        let entry = format!("{section}.{group}.phrases[{i}] {p:?}");
        let norm = p.trim().to_lowercase();
        if norm.is_empty() {
            return Err(Error::invalid_config(origin, entry, "phrase is empty"));
        }
        if p.trim().len() != p.len() {
            return Err(Error::invalid_config(origin, entry, "phrase has leading or trailing whitespace"));
        }
        if let Some(other) = seen.insert(norm, group.to_owned()) {
            if other != group {
                return Err(Error::invalid_config(
                    origin,
                    entry,
                    format!("phrase is already listed in group {other:?}"),
                ));
            }
        }
    }
    Ok(())
}
