//! The word view every rule reads: the words of a span (split at white space) with their byte
//! spans, and the closed classes of words the rules test them against (clause words, finite
//! verbs, discourse openers, determiners, pronouns, possessives).

use std::borrow::Cow;

use crate::span::Span;

/// Words that end a source phrase scanning leftwards (they start a clause).
pub(super) const CLAUSE_WORDS: [&str; 28] = [
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "what",
    "when",
    "where",
    "while",
    "because",
    "since",
    "after",
    "before",
    "as",
    "if",
    "but",
    "or",
    "following",
    "amid",
    "though",
    "although",
    "whether",
    "than",
    "so",
    "how",
    "once",
    "until",
    "unless",
];

/// Verbs and auxiliaries that cannot sit inside a source phrase.
pub(super) const FINITE_VERBS: [&str; 26] = [
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "can", "could", "should",
    "shall", "may", "might", "must", "did", "does", "do", "comes", "came", "went", "made",
];

/// Lower-case particles inside a person's name ("Charles de Gaulle", "Bashar al-Assad").
pub(super) const NAME_PARTICLES: [&str; 9] = ["de", "da", "del", "van", "von", "al", "bin", "la", "le"];

/// Modals that are also names: capitalised inside a name they are the name ("Theresa May", "Will
/// Rogers", "Can Dündar"), not a verb ending the source phrase.
const MODAL_NAMES: [&str; 3] = ["will", "may", "can"];

/// Discourse openers stripped at the start of a source phrase.
pub(super) const OPENERS: [&str; 15] = [
    "but",
    "even",
    "and",
    "however",
    "now",
    "meanwhile",
    "also",
    "still",
    "yet",
    "so",
    "then",
    "instead",
    "indeed",
    "separately",
    "moreover",
];

/// Words before a cue that show it is a noun ("the claims", "after reports").
pub(super) const NOUN_MARKERS: [&str; 30] = [
    "the",
    "a",
    "an",
    "of",
    "after",
    "about",
    "with",
    "to",
    "amid",
    "these",
    "those",
    "such",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "new",
    "recent",
    "any",
    "no",
    "by",
    "for",
    "from",
    "on",
    "in",
    "despite",
    "unverified",
];

/// Words that may open a source phrase written in lower case.
pub(super) const DETERMINERS: [&str; 27] = [
    "the", "a", "an", "one", "two", "three", "four", "five", "six", "several", "some", "many", "most", "another",
    "his", "her", "their", "its", "this", "that", "these", "those", "both", "other", "senior", "top", "such",
];

/// Personal pronouns that can be sources.
pub(super) const PERSON_PRONOUNS: [&str; 4] = ["he", "she", "him", "her"];

/// Non-person pronouns that can be sources.
pub(super) const GROUP_PRONOUNS: [&str; 4] = ["they", "them", "it", "we"];

/// A word of a phrase with its byte span in the article.
#[derive(Debug, Clone, Copy)]
pub(super) struct Word<'a> {
    pub(super) text: &'a str,
    pub(super) span: Span,
}

impl Word<'_> {
    pub(super) fn bare(&self) -> &str {
        self.text.trim_matches(|c: char| !c.is_alphanumeric())
    }
    /// The bare word lower-cased; borrowed when it is already lower-case ASCII (most words), so
    /// the many word-list checks per cue do not allocate.
    pub(super) fn lower(&self) -> Cow<'_, str> {
        let b = self.bare();
        if b.bytes().all(|c| c.is_ascii() && !c.is_ascii_uppercase()) {
            Cow::Borrowed(b)
        } else {
            Cow::Owned(b.to_lowercase())
        }
    }
    pub(super) fn capitalised(&self) -> bool {
        self.bare().chars().next().is_some_and(char::is_uppercase)
    }
}

pub(super) fn words_in(text: &str, span: Span) -> Vec<Word<'_>> {
    let s = span.slice(text);
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                out.push(Word { text: &s[st..i], span: Span::new(span.start + st, span.start + i) });
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push(Word { text: &s[st..], span: Span::new(span.start + st, span.end) });
    }
    out
}

/// The first word of `words_in(text, span)`, without collecting the rest.
pub(super) fn first_word(text: &str, span: Span) -> Option<Word<'_>> {
    let s = span.slice(text);
    let start = s.find(|c: char| !c.is_whitespace())?;
    let len = s[start..].find(char::is_whitespace).unwrap_or(s.len() - start);
    Some(Word { text: &s[start..start + len], span: Span::new(span.start + start, span.start + start + len) })
}

/// Opening quotation marks trimmed from the edges of a source phrase.
pub(super) const SOURCE_OPENERS: [char; 5] = ['"', '\u{201c}', '\u{2018}', '\u{ab}', '`'];

pub(super) const QUOTE_CLOSERS: [char; 4] = ['"', '\u{201d}', '\u{2019}', '\u{bb}'];

/// Closing marks at the end of a word, with an opening curly mark typed for a closing one
/// ("“Apparently not,“ he said"): a word never ends with a real opening mark.
pub(super) const WORD_END_CLOSERS: [char; 5] = ['"', '\u{201d}', '\u{2019}', '\u{bb}', '\u{201c}'];

/// True when `words[i]` is a finite verb or auxiliary, not a capitalised modal that is a name:
/// "Will" before a capitalised word ("said Will Doyle"), "May" after one ("Theresa May said"),
/// or either right before a past or third-person cue ("Will wrote", "May says"), which no modal
/// takes. `cue` is the word after `words` (the cue) when the words end right before it; a
/// capitalised cue tells a title-case headline ("Clinton Will Say"), where the modal is a verb.
pub(super) fn finite_verb(words: &[Word<'_>], i: usize, cue: Option<&Word<'_>>) -> bool {
    let w = &words[i];
    let l = w.lower();
    if !FINITE_VERBS.contains(&l.as_ref()) {
        return false;
    }
    let last = i + 1 == words.len();
    let cue_capitalised = cue.is_some_and(Word::capitalised);
    let inflected = cue.is_some_and(|c| {
        let cl = c.lower();
        !c.capitalised()
            && (cl.ends_with('s')
                || cl.ends_with("ed")
                || ["said", "told", "wrote", "thought", "knew", "saw", "felt", "found"].contains(&cl.as_ref()))
    });
    let name = w.capitalised()
        && MODAL_NAMES.contains(&l.as_ref())
        && (words.get(i + 1).is_some_and(Word::capitalised)
            || i > 0 && words[i - 1].capitalised() && (!last || !cue_capitalised)
            || last && inflected);
    !name
}

/// A word ending in a possessive "'s" (straight or curly apostrophe).
pub(super) fn possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("\u{2019}s")
}

/// A possessive, the plural form included ("Sanders'", "campaigns’").
pub(super) fn any_possessive(w: &str) -> bool {
    possessive(w) || w.ends_with("s'") || w.ends_with("s\u{2019}")
}

/// A lower-case word that can head a noun phrase (not a marker, clause word, determiner or
/// finite verb).
pub(super) fn plain_noun(w: &Word<'_>) -> bool {
    let l = w.lower();
    let l: &str = &l;
    l.len() > 2
        && l.chars().all(char::is_alphabetic)
        && !w.capitalised()
        && !NOUN_MARKERS.contains(&l)
        && !CLAUSE_WORDS.contains(&l)
        && !DETERMINERS.contains(&l)
        && !FINITE_VERBS.contains(&l)
}

pub(super) fn only_openers(text: &str, span: Span) -> bool {
    words_in(text, span).iter().all(|w| OPENERS.contains(&w.lower().as_ref()) || w.bare().is_empty())
}

/// Auxiliaries a cue span takes in on its left ("has said", "is saying", "would argue", "did
/// say"), as PolNeAR does: on train the gold cue holds the auxiliary before 366 of 372 "be" +
/// participle cues, 13 of 13 modals and 9 of 9 "do"-support cues.
pub(super) const CUE_AUXILIARIES: [&str; 21] = [
    "has", "have", "had", "is", "are", "was", "were", "been", "be", "am", "will", "would", "could", "can", "may",
    "might", "should", "must", "do", "does", "did",
];

/// Adverbs a cue span takes in on its left ("also said", "later said", "has repeatedly said"):
/// on train the gold cue holds such an adverb in 118 of 127 cases. Words ending in "-ly" count
/// too, except the nouns and adjectives below ("the family said").
const CUE_ADVERBS: [&str; 20] = [
    "also",
    "later",
    "then",
    "now",
    "often",
    "always",
    "still",
    "once",
    "even",
    "just",
    "first",
    "recently",
    "previously",
    "since",
    "again",
    "already",
    "long",
    "soon",
    "too",
    "ever",
];

/// Reporting-hedge adverbs, taken into a cue even when capitalised (title-case headlines).
const REPORTING_ADVERBS: [&str; 5] = ["allegedly", "reportedly", "purportedly", "supposedly", "apparently"];

const NOT_ADVERBS: [&str; 14] = [
    "family",
    "ally",
    "rally",
    "assembly",
    "supply",
    "early",
    "daily",
    "weekly",
    "monthly",
    "quarterly",
    "july",
    "italy",
    "only",
    "reply",
];

pub(super) fn cue_adverb(w: &Word<'_>) -> bool {
    let l = w.lower();
    let l: &str = &l;
    CUE_ADVERBS.contains(&l) || l.len() > 4 && l.ends_with("ly") && !NOT_ADVERBS.contains(&l)
}

/// A word the cue span takes in on its left: an auxiliary or an adverb, lower-case and not
/// followed by punctuation.
pub(super) fn cue_left_word(w: &Word<'_>) -> bool {
    if w.text.ends_with(|c: char| !c.is_alphanumeric()) {
        return false;
    }
    if w.capitalised() {
        // Only a reporting hedge is never a name: "Maduro Allegedly Requested Asylum" (a
        // title-case headline) has the source "Maduro", not "Maduro Allegedly".
        return REPORTING_ADVERBS.contains(&w.lower().as_ref());
    }
    CUE_AUXILIARIES.contains(&w.lower().as_ref()) || cue_adverb(w)
}
