//! The source lexicon, compiled from the configuration: the heads, phrases and names that tell
//! the kinds of sources apart, lower-cased once.

use std::collections::HashSet;

use crate::config::SourceLexicon;
use crate::matcher::PhraseList;

#[derive(Debug, Clone)]
pub(super) struct Lexicon {
    pub(super) anonymous_heads: HashSet<String>,
    pub(super) anonymous_phrases: PhraseList,
    pub(super) vague_heads: HashSet<String>,
    pub(super) vague_quantifiers: HashSet<String>,
    pub(super) document_heads: HashSet<String>,
    /// Longest first, as written.
    pub(super) outlet_names: Vec<String>,
    /// The same, lower-cased, in the same order.
    pub(super) outlet_names_lower: PhraseList,
    /// The lower-cased names without a leading "the ".
    pub(super) outlet_names_bare: HashSet<String>,
    pub(super) outlet_markers: PhraseList,
    pub(super) outlet_marker_set: HashSet<String>,
    pub(super) outlet_name_endings: HashSet<String>,
    pub(super) organisation_markers: PhraseList,
    pub(super) organisation_marker_set: HashSet<String>,
    pub(super) titles: HashSet<String>,
    pub(super) journalist_roles: HashSet<String>,
    pub(super) outlet_references: Vec<String>,
    pub(super) document_references: Vec<String>,
    pub(super) countries: HashSet<String>,
    /// Lower-cased, without a final period.
    pub(super) organisation_name_endings: HashSet<String>,
    /// Reference ("the company") -> lower-case words of the names it may refer to.
    pub(super) organisation_references: Vec<(String, HashSet<String>)>,
    pub(super) female_first_names: HashSet<String>,
    pub(super) male_first_names: HashSet<String>,
}

fn set(v: &[String]) -> HashSet<String> {
    v.iter().map(|s| s.to_lowercase()).collect()
}

fn list(v: &[String]) -> Vec<String> {
    v.iter().map(|s| s.to_lowercase()).collect()
}

impl Lexicon {
    pub(super) fn new(s: &SourceLexicon) -> Self {
        let mut outlet_names = s.outlet_names.clone();
        outlet_names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        let outlet_names_lower = list(&outlet_names);
        let outlet_names_bare = outlet_names_lower.iter().map(|n| n.trim_start_matches("the ").to_owned()).collect();
        Self {
            anonymous_heads: set(&s.anonymous_heads),
            anonymous_phrases: PhraseList::new(list(&s.anonymous_phrases)),
            vague_heads: set(&s.vague_heads),
            vague_quantifiers: set(&s.vague_quantifiers),
            document_heads: set(&s.document_heads),
            outlet_names,
            outlet_names_lower: PhraseList::new(outlet_names_lower),
            outlet_names_bare,
            outlet_markers: PhraseList::new(list(&s.outlet_markers)),
            outlet_marker_set: set(&s.outlet_markers),
            outlet_name_endings: s.outlet_name_endings.iter().cloned().collect(),
            organisation_markers: PhraseList::new(list(&s.organisation_markers)),
            organisation_marker_set: set(&s.organisation_markers),
            titles: set(&s.titles),
            journalist_roles: set(&s.journalist_roles),
            outlet_references: list(&s.outlet_references),
            document_references: list(&s.document_references),
            countries: set(&s.countries),
            organisation_name_endings: s
                .organisation_name_endings
                .iter()
                .map(|e| e.trim_end_matches('.').to_lowercase())
                .collect(),
            organisation_references: s
                .organisation_references
                .iter()
                .map(|(r, words)| (r.to_lowercase(), set(words)))
                .collect(),
            female_first_names: set(&s.female_first_names),
            male_first_names: set(&s.male_first_names),
        }
    }
}
