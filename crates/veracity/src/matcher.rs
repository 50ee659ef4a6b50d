//! Case-insensitive phrase matching on word boundaries, longest match first.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::span::Span;

/// A compiled phrase set. Each phrase carries a payload index.
#[derive(Debug, Clone)]
pub(crate) struct PhraseMatcher {
    ac: Option<AhoCorasick>,
    /// The patterns of `ac` (lower-cased phrases and their typographic-apostrophe forms), kept
    /// so that [`PhraseSets`] can build one automaton over several matchers.
    patterns: Vec<String>,
    payload: Vec<usize>,
}

/// One match: its span and the payload of its phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PhraseMatch {
    pub span: Span,
    pub payload: usize,
}

/// True when `phrase` occurs in `lower` between non-alphanumeric characters (both already
/// lower-cased): a one-off check where building a [`PhraseMatcher`] would not pay.
///
/// Occurrences are tried left to right without overlap (as `str::match_indices` does: after an
/// occurrence that fails the boundary check, the search resumes after it). `memchr`'s one-shot
/// `memmem::find` costs much less to set up than a `str` substring searcher, which matters here:
/// this runs dozens of times per claim on short texts.
pub(crate) fn contains_phrase(lower: &str, phrase: &str) -> bool {
    let boundary = |i: usize, end: usize| {
        lower[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
            && lower[end..].chars().next().is_none_or(|c| !c.is_alphanumeric())
    };
    if phrase.is_empty() {
        return lower.match_indices(phrase).any(|(i, _)| boundary(i, i));
    }
    let (hay, needle) = (lower.as_bytes(), phrase.as_bytes());
    let mut from = 0;
    // An occurrence of a whole UTF-8 sequence starts and ends on character boundaries.
    while let Some(k) = memchr::memmem::find(&hay[from..], needle) {
        let i = from + k;
        if boundary(i, i + needle.len()) {
            return true;
        }
        from = i + needle.len();
    }
    false
}

pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

impl PhraseMatcher {
    /// Builds a matcher from `(phrase, payload)` pairs. A phrase with an ASCII apostrophe also
    /// matches the typographic one (U+2019).
    pub(crate) fn new<'a>(phrases: impl IntoIterator<Item = (&'a str, usize)>) -> Self {
        let mut pats: Vec<String> = Vec::new();
        let mut payload: Vec<usize> = Vec::new();
        for (p, i) in phrases {
            let lower = p.to_lowercase();
            if lower.contains('\'') {
                pats.push(lower.replace('\'', "\u{2019}"));
                payload.push(i);
            }
            pats.push(lower);
            payload.push(i);
        }
        if pats.is_empty() {
            return Self { ac: None, patterns: pats, payload };
        }
        // Standard semantics so that overlapping candidates survive the boundary filter;
        // the leftmost-longest choice is made in `find`.
        // A DFA: the lexicons are small (a few hundred phrases), and the full transition table
        // makes the pass over every byte of the text about twice as cheap as the default NFA.
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&pats)
            .ok();
        Self { ac, patterns: pats, payload }
    }

    /// All non-overlapping matches on word boundaries, leftmost-longest, in text order.
    ///
    /// Case folding is ASCII only, so a phrase with non-ASCII letters matches in the case given.
    pub(crate) fn find(&self, text: &str) -> Vec<PhraseMatch> {
        let Some(ac) = &self.ac else { return Vec::new() };
        let cands: Vec<PhraseMatch> = ac
            .find_overlapping_iter(text)
            .filter(|m| on_word_boundaries(text, m.start(), m.end()))
            .map(|m| PhraseMatch { span: Span::new(m.start(), m.end()), payload: self.payload[m.pattern().as_usize()] })
            .collect();
        leftmost_longest(cands)
    }
}

/// True when `text[start..end]` stands between non-word characters (or the text's edges).
fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    text[..start].chars().next_back().is_none_or(|c| !is_word_char(c))
        && text[end..].chars().next().is_none_or(|c| !is_word_char(c))
}

/// The non-overlapping matches among `cands` (in the order the automaton reported them), leftmost
/// first and longest first at one start, in text order. The sort is stable: of two candidates
/// with the same span, the one reported first is kept.
fn leftmost_longest(mut cands: Vec<PhraseMatch>) -> Vec<PhraseMatch> {
    cands.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.span.len().cmp(&a.span.len())));
    let mut out: Vec<PhraseMatch> = Vec::with_capacity(cands.len());
    let mut last_end = 0;
    for m in cands {
        if m.span.start >= last_end {
            last_end = m.span.end;
            out.push(m);
        }
    }
    out
}

/// Several [`PhraseMatcher`]s behind one automaton: one pass over a text gives every matcher's
/// matches, the same as its own [`PhraseMatcher::find`] (one DFA pass over the article instead of
/// one per lexicon).
///
/// The combined automaton holds each matcher's patterns in its order, so that, matcher by matcher,
/// the overlapping search reports the same candidates in the same relative order: two patterns
/// with one span (a phrase listed twice) keep their precedence.
#[derive(Debug, Clone)]
pub(crate) struct PhraseSets {
    /// `None` when the automaton cannot be built: every matcher then searches on its own.
    ac: Option<AhoCorasick>,
    /// Per pattern of `ac`: its matcher and payload.
    owner: Vec<(usize, usize)>,
    parts: Vec<PhraseMatcher>,
}

impl PhraseSets {
    /// One automaton over the patterns of `parts`, in order. A matcher whose own automaton could
    /// not be built finds nothing, as its `find` does.
    pub(crate) fn new(parts: &[&PhraseMatcher]) -> Self {
        let mut pats: Vec<&str> = Vec::new();
        let mut owner = Vec::new();
        for (k, m) in parts.iter().enumerate() {
            if m.ac.is_none() {
                continue;
            }
            for (p, &payload) in m.patterns.iter().zip(&m.payload) {
                pats.push(p);
                owner.push((k, payload));
            }
        }
        // The same options as every part's own automaton.
        let ac = if pats.is_empty() {
            None
        } else {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&pats)
                .ok()
        };
        Self { ac, owner, parts: parts.iter().map(|m| (*m).clone()).collect() }
    }

    /// The matches of each of the `N` matchers in `text`, as each one's [`PhraseMatcher::find`].
    ///
    /// # Panics
    /// When the sets were built from another number of matchers than `N`.
    // Not inlined: a stage of its own in `perf ipb` (one call per article).
    #[inline(never)]
    pub(crate) fn find<const N: usize>(&self, text: &str) -> [Vec<PhraseMatch>; N] {
        assert_eq!(self.parts.len(), N, "one result per matcher");
        let mut cands: [Vec<PhraseMatch>; N] = std::array::from_fn(|_| Vec::new());
        let Some(ac) = &self.ac else {
            for (out, m) in cands.iter_mut().zip(&self.parts) {
                *out = m.find(text);
            }
            return cands;
        };
        for m in ac.find_overlapping_iter(text) {
            if on_word_boundaries(text, m.start(), m.end()) {
                let (k, payload) = self.owner[m.pattern().as_usize()];
                cands[k].push(PhraseMatch { span: Span::new(m.start(), m.end()), payload });
            }
        }
        cands.map(leftmost_longest)
    }
}

/// A list of lower-case phrases tested with [`contains_phrase`], plus one automaton that tells
/// which of them occur in a text at all, so that the exact test runs only for those (instead of a
/// substring search per phrase per call).
#[derive(Debug, Clone)]
pub(crate) struct PhraseList {
    phrases: Vec<String>,
    /// Case-sensitive, standard (overlapping) semantics: every phrase that occurs is reported.
    /// `None` when the list is empty or the automaton cannot be built (then every phrase is tried).
    ac: Option<AhoCorasick>,
    /// Empty phrases, which the automaton would report everywhere: always tried.
    empty: Vec<usize>,
}

impl PhraseList {
    pub(crate) fn new(phrases: Vec<String>) -> Self {
        let empty: Vec<usize> = phrases.iter().enumerate().filter(|(_, p)| p.is_empty()).map(|(i, _)| i).collect();
        let ac = if phrases.is_empty() || !empty.is_empty() {
            None
        } else {
            // A DFA, as for `PhraseMatcher`: the lists are short and run on every claim.
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&phrases)
                .ok()
        };
        Self { phrases, ac, empty }
    }

    /// The phrases, in list order.
    pub(crate) fn phrases(&self) -> &[String] {
        &self.phrases
    }

    /// Indices of the phrases that occur in `lower` (anywhere), in list order: a superset of
    /// those for which [`contains_phrase`] holds.
    fn candidates(&self, lower: &str) -> Vec<usize> {
        let Some(ac) = &self.ac else { return (0..self.phrases.len()).collect() };
        let mut v: Vec<usize> = ac.find_overlapping_iter(lower).map(|m| m.pattern().as_usize()).collect();
        v.extend_from_slice(&self.empty);
        v.sort_unstable();
        v.dedup();
        v
    }

    /// Indices of all phrases that pass [`contains_phrase`] on `lower`, in list order.
    // For `claim::features` (see docs/performance.md), not yet used.
    #[allow(dead_code)]
    pub(crate) fn all_in(&self, lower: &str) -> Vec<usize> {
        self.candidates(lower).into_iter().filter(|&i| contains_phrase(lower, &self.phrases[i])).collect()
    }

    /// True when some phrase of the list passes [`contains_phrase`] on `lower`.
    pub(crate) fn any_in(&self, lower: &str) -> bool {
        self.first_in(lower, |_| true).is_some()
    }

    /// The first phrase (in list order) that passes [`contains_phrase`] on `lower` and `keep`.
    pub(crate) fn first_in(&self, lower: &str, keep: impl Fn(usize) -> bool) -> Option<usize> {
        self.candidates(lower).into_iter().find(|&i| contains_phrase(lower, &self.phrases[i]) && keep(i))
    }
}

/// Calls `f` with `w.to_lowercase()`: `w` itself when it is ASCII without capitals (most words),
/// lower-cased in a stack buffer when it is other short ASCII, so that word-list look-ups in hot
/// loops do not allocate.
pub(crate) fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return f(w);
    }
    let mut buf = [0u8; 48];
    if w.len() <= buf.len() && w.is_ascii() {
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        if let Ok(l) = std::str::from_utf8(b) {
            return f(l);
        }
    }
    f(&w.to_lowercase())
}

/// `s.to_lowercase() == lower`, without allocating, stopping at the first difference.
///
/// Lower-casing character by character equals `str::to_lowercase` for every character but the
/// Greek capital sigma (final form at the end of a word): on meeting one, this falls back.
pub(crate) fn lower_eq(s: &str, lower: &str) -> bool {
    let mut want = lower.chars();
    for c in s.chars() {
        if c == '\u{3a3}' {
            return s.to_lowercase() == lower;
        }
        for l in c.to_lowercase() {
            if want.next() != Some(l) {
                return false;
            }
        }
    }
    want.next().is_none()
}

/// `s.to_lowercase().starts_with(prefix)`, without allocating, reading no further than the prefix
/// (see [`lower_eq`]).
pub(crate) fn lower_starts_with(s: &str, prefix: &str) -> bool {
    let mut want = prefix.chars();
    let mut left = prefix.len();
    for c in s.chars() {
        if left == 0 {
            return true;
        }
        if c == '\u{3a3}' {
            return s.to_lowercase().starts_with(prefix);
        }
        for l in c.to_lowercase() {
            match want.next() {
                None => return true,
                Some(w) if w == l => left -= w.len_utf8(),
                Some(_) => return false,
            }
        }
    }
    left == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The implementations these replace (allocation- or searcher-heavy), kept as oracles.
    fn contains_phrase_reference(lower: &str, phrase: &str) -> bool {
        lower.match_indices(phrase).any(|(i, _)| {
            lower[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
                && lower[i + phrase.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric())
        })
    }

    const CASES: [&str; 14] = [
        "",
        "a",
        "a a",
        "xa a a",
        "the report",
        "reports",
        "more than",
        "σ",
        "straße",
        "İstanbul",
        "ΣΑΣ said",
        "ΌΣΟΣ",
        "K\u{212a}",
        "no. 5",
    ];

    #[test]
    fn contains_phrase_matches_the_reference_on_tricky_cases() {
        for h in CASES {
            for n in CASES {
                assert_eq!(contains_phrase(h, n), contains_phrase_reference(h, n), "{h:?} / {n:?}");
            }
        }
    }

    #[test]
    fn lower_helpers_match_to_lowercase_on_tricky_cases() {
        for s in CASES {
            let l = s.to_lowercase();
            for t in CASES.iter().map(|c| c.to_lowercase()).chain([l.clone(), l.chars().take(2).collect()]) {
                assert_eq!(lower_eq(s, &t), l == t, "{s:?} == {t:?}");
                assert_eq!(lower_starts_with(s, &t), l.starts_with(&t), "{s:?} starts with {t:?}");
            }
        }
    }

    #[test]
    fn phrase_list_agrees_with_contains_phrase() {
        let list = PhraseList::new(vec!["a a".into(), "the report".into(), "σ".into(), "more".into()]);
        for h in CASES {
            let want = list.phrases().iter().position(|p| contains_phrase(h, p));
            assert_eq!(list.first_in(h, |_| true), want, "{h:?}");
        }
    }

    /// Matchers whose phrases overlap, repeat within and across matchers, and carry apostrophes.
    fn overlapping_matchers() -> [PhraseMatcher; 3] {
        [
            PhraseMatcher::new([("may", 0), ("may be", 1), ("it's", 2), ("be", 3), ("may", 4)]),
            PhraseMatcher::new([("be", 0), ("it", 1), ("may be it", 2), ("b", 3)]),
            PhraseMatcher::new([("it\u{2019}s may", 0), ("e", 1), ("be", 2), ("may", 3)]),
        ]
    }

    #[test]
    fn phrase_sets_find_what_each_matcher_finds() {
        let parts = overlapping_matchers();
        let sets = PhraseSets::new(&[&parts[0], &parts[1], &parts[2]]);
        let text = "It may be it. It\u{2019}s may BE. it's maybe be-e, b e";
        let got: [Vec<PhraseMatch>; 3] = sets.find(text);
        for (m, got) in parts.iter().zip(&got) {
            assert_eq!(*got, m.find(text));
        }
        let empty = PhraseMatcher::new([]);
        let sets = PhraseSets::new(&[&empty, &parts[1]]);
        let [none, some] = sets.find(text);
        assert!(none.is_empty());
        assert_eq!(some, parts[1].find(text));
    }

    proptest! {
        #[test]
        fn with_lower_is_to_lowercase(w in "[aAzZ09 '\u{e9}\u{c9}\u{130}\u{3a3}\u{212a}]{0,60}") {
            prop_assert_eq!(with_lower(&w, str::to_owned), w.to_lowercase());
        }

        #[test]
        fn phrase_sets_agree_with_their_matchers(text in "[mayMAYbeitBE'\u{2019}s .,-]{0,30}") {
            let parts = overlapping_matchers();
            let sets = PhraseSets::new(&[&parts[0], &parts[1], &parts[2]]);
            let got: [Vec<PhraseMatch>; 3] = sets.find(&text);
            for (m, got) in parts.iter().zip(&got) {
                prop_assert_eq!(got, &m.find(&text));
            }
        }

        #[test]
        fn contains_phrase_matches_the_reference(h in "[aA σΣ.,'İ]{0,12}", n in "[aA σΣ.,]{0,3}") {
            prop_assert_eq!(contains_phrase(&h, &n), contains_phrase_reference(&h, &n));
        }

        #[test]
        fn lower_helpers_match_to_lowercase(s in "[aAbB σΣİK\u{212a} ']{0,10}", t in "[ab σςi\u{307}k ']{0,6}") {
            let l = s.to_lowercase();
            prop_assert_eq!(lower_eq(&s, &t), l == t);
            prop_assert_eq!(lower_starts_with(&s, &t), l.starts_with(&t));
            let head: String = l.chars().take(3).collect();
            prop_assert!(lower_starts_with(&s, &head));
            prop_assert!(lower_eq(&s, &l));
        }
    }
}
