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
        lowercase(self.bare())
    }
    pub(super) fn capitalised(&self) -> bool {
        self.bare().chars().next().is_some_and(char::is_uppercase)
    }
}

/// `s.to_lowercase()`, borrowed when `s` is already lower-case ASCII (most words).
pub(super) fn lowercase(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|c| c.is_ascii() && !c.is_ascii_uppercase()) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

/// The words of `span`: its runs of characters without white space ([`char::is_whitespace`]),
/// in order, read from either end without collecting them.
pub(super) fn words_of(text: &str, span: Span) -> Words<'_> {
    Words { text, front: span.start, back: span.end }
}

/// The words of `span`, collected.
pub(super) fn words_in(text: &str, span: Span) -> Vec<Word<'_>> {
    words_of(text, span).collect()
}

/// The first word of `span`, without reading the rest.
pub(super) fn first_word(text: &str, span: Span) -> Option<Word<'_>> {
    words_of(text, span).next()
}

/// Iterator over the words of a span (see [`words_of`]).
#[derive(Debug, Clone)]
pub(super) struct Words<'a> {
    text: &'a str,
    /// Where the words not yet read start and end.
    front: usize,
    back: usize,
}

/// True for an ASCII white-space byte ([`char::is_whitespace`] on ASCII).
fn ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// True for white space in the character at byte `i` of `text` (a character boundary, not
/// ASCII), and the length of the character.
fn space_at(text: &str, i: usize) -> (bool, usize) {
    let c = text[i..].chars().next().unwrap_or(' ');
    (c.is_whitespace(), c.len_utf8())
}

/// True for white space in the character ending at byte `i` of `text` (not ASCII), and its
/// length.
fn space_before(text: &str, i: usize) -> (bool, usize) {
    let c = text[..i].chars().next_back().unwrap_or(' ');
    (c.is_whitespace(), c.len_utf8())
}

impl<'a> Iterator for Words<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        let (text, end) = (self.text, self.back);
        let bytes = text.as_bytes();
        // White space, then the word up to the next white space; ASCII bytes are told without
        // decoding.
        let mut i = self.front;
        while i < end {
            let b = bytes[i];
            let (space, len) = if b.is_ascii() { (ascii_space(b), 1) } else { space_at(text, i) };
            if !space {
                break;
            }
            i += len;
        }
        if i >= end {
            self.front = end;
            return None;
        }
        let start = i;
        while i < end {
            let b = bytes[i];
            let (space, len) = if b.is_ascii() { (ascii_space(b), 1) } else { space_at(text, i) };
            if space {
                break;
            }
            i += len;
        }
        self.front = i;
        Some(Word { text: &text[start..i], span: Span::new(start, i) })
    }
}

impl DoubleEndedIterator for Words<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let (text, front) = (self.text, self.front);
        let bytes = text.as_bytes();
        let mut i = self.back;
        while i > front {
            let b = bytes[i - 1];
            let (space, len) = if b.is_ascii() { (ascii_space(b), 1) } else { space_before(text, i) };
            if !space {
                break;
            }
            i -= len;
        }
        if i <= front {
            self.back = front;
            return None;
        }
        let end = i;
        while i > front {
            let b = bytes[i - 1];
            let (space, len) = if b.is_ascii() { (ascii_space(b), 1) } else { space_before(text, i) };
            if space {
                break;
            }
            i -= len;
        }
        self.back = i;
        Some(Word { text: &text[i..end], span: Span::new(i, end) })
    }
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
    words_of(text, span).all(|w| OPENERS.contains(&w.lower().as_ref()) || w.bare().is_empty())
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of a span as the plain definition gives them: split at white space.
    fn split(text: &str, span: Span) -> Vec<(usize, usize, &str)> {
        let s = span.slice(text);
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in s.char_indices() {
            if c.is_whitespace() {
                if let Some(st) = start.take() {
                    out.push((span.start + st, span.start + i, &s[st..i]));
                }
            } else if start.is_none() {
                start = Some(i);
            }
        }
        if let Some(st) = start {
            out.push((span.start + st, span.end, &s[st..]));
        }
        out
    }

    #[test]
    fn words_split_at_white_space_from_either_end() {
        let texts = [
            "",
            "   ",
            "one",
            "  He said\tthat\u{a0}the\u{2003}plan\u{b}failed.  ",
            "\u{201c}Nobody cares,\u{201d} she\u{2009}said \u{e9}t\u{e9} \u{85}x\u{1c}y",
            "a\r\nb\x0cc",
        ];
        for text in texts {
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            for &a in &bounds {
                for &b in bounds.iter().filter(|&&b| b >= a) {
                    let span = Span::new(a, b);
                    let want = split(text, span);
                    let got: Vec<_> = words_of(text, span).map(|w| (w.span.start, w.span.end, w.text)).collect();
                    assert_eq!(got, want, "{text:?} {a}..{b}");
                    let mut back: Vec<_> =
                        words_of(text, span).rev().map(|w| (w.span.start, w.span.end, w.text)).collect();
                    back.reverse();
                    assert_eq!(back, want, "{text:?} {a}..{b}, from the end");
                    assert_eq!(first_word(text, span).map(|w| w.text), want.first().map(|w| w.2));
                }
            }
        }
    }

    #[test]
    fn lower_borrows_lower_case_ascii_only() {
        assert!(matches!(lowercase("said"), Cow::Borrowed("said")));
        assert_eq!(lowercase("Said"), "said");
        assert_eq!(lowercase("\u{212a}new"), "knew");
        assert_eq!(lowercase("\u{c9}t\u{c9}"), "\u{e9}t\u{e9}");
    }
}
