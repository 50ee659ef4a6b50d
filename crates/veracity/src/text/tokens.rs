//! The token stream of an article, built once and read by the stages after segmentation.
//!
//! A token is a word or a clause punctuation mark, with its byte span in the text, its lower-case
//! form (a slice of the text itself when the word is already lower-case ASCII, else a slice of one
//! shared buffer: no allocation per word), word-class bits and lexicon-membership bits.
//!
//! Words are runs of letters and digits joined by inner hyphens and apostrophes (`'` and `’`):
//! "well-known", "don't", "U.S" and "." are tokens of "well-known don't U.S.". Clause punctuation
//! (`,` `;` `:` `.` `"` `“` `”` `` ` ``) is a one-character token; every other character separates
//! tokens. Lower-casing is character by character (`char::to_lowercase`).
//!
//! A stage that reads the words of one claim or clause takes the tokens inside its span
//! ([`Tokens::within`]): the same tokens as tokenising that span alone, or, where a word runs
//! across the span's edge, the tokens of the span tokenised on its own.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::span::Span;

/// Word-class bits of a [`Token`].
pub(crate) mod class {
    /// A word (letters, digits, inner hyphens and apostrophes).
    pub(crate) const WORD: u8 = 1;
    /// A clause punctuation mark.
    pub(crate) const PUNCT: u8 = 1 << 1;
    /// The lower-case form lives in the shared buffer, not in the text.
    pub(super) const LOWER_IN_BUFFER: u8 = 1 << 2;
}

/// One token: a word or a clause punctuation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte span in the text (trailing hyphens and apostrophes of a word excluded).
    pub(crate) span: Span,
    /// Where the word's characters ended before its trailing hyphens and apostrophes were cut:
    /// a token whose raw extent crosses a span's edge is tokenised differently inside that span.
    raw_end: usize,
    /// Start and end of the lower-case form, in the text or in the buffer (see [`class::LOWER_IN_BUFFER`]).
    lower: (usize, usize),
    /// [`class`] bits.
    pub(crate) class: u8,
    /// Membership bits of the [`WordSets`] the stream was built with (0 for punctuation).
    pub(crate) sets: u32,
}

impl Token {
    /// True for a word (not a punctuation mark).
    pub(crate) fn is_word(&self) -> bool {
        self.class & class::WORD != 0
    }
}

/// Word lists as membership bits: each word maps to the bits of the lists it belongs to, found
/// with one hash look-up per word.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordSets {
    bits: HashMap<&'static str, u32, BuildHasherDefault<WordHasher>>,
    /// Longest listed word in bytes: longer words are looked up in no table.
    longest: usize,
}

impl WordSets {
    /// The sets of `lists`: list `i` sets bit `1 << i` (at most 32 lists).
    pub(crate) fn new(lists: &[&[&'static str]]) -> Self {
        assert!(lists.len() <= 32, "at most 32 word lists");
        let mut s = Self::default();
        for (i, list) in lists.iter().enumerate() {
            for w in *list {
                *s.bits.entry(*w).or_insert(0) |= 1 << i;
                s.longest = s.longest.max(w.len());
            }
        }
        s
    }

    /// The bits of the lists that hold the lower-case word `lower`.
    pub(crate) fn of(&self, lower: &str) -> u32 {
        if lower.len() > self.longest {
            return 0;
        }
        self.bits.get(lower).copied().unwrap_or(0)
    }
}

/// FxHash over the bytes of a short word: the word tables are small, built once and never see
/// adversarial keys, so the default SipHash's cost buys nothing here.
#[derive(Debug, Default, Clone, Copy)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Byte by byte into 8-byte words: the words are short, and this keeps the loop free of
        // calls (a `copy_from_slice` of a short tail is a `memcpy` call).
        for chunk in bytes.chunks(8) {
            let mut word = 0u64;
            for (k, &b) in chunk.iter().enumerate() {
                word |= u64::from(b) << (8 * k);
            }
            self.mix(word);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.mix(u64::from(i));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl WordHasher {
    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// The tokens of one text.
#[derive(Debug, Clone)]
pub(crate) struct Tokens<'t> {
    text: &'t str,
    tokens: Vec<Token>,
    /// Lower-case forms of the words that are not lower-case ASCII already.
    buffer: String,
}

/// Clause punctuation kept as one-character tokens.
fn is_clause_punct(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '.' | '"' | '\u{201c}' | '\u{201d}' | '`')
}

impl<'t> Tokens<'t> {
    /// Tokenises `text`, marking each word with its membership bits in `sets`.
    pub(crate) fn new(text: &'t str, sets: &WordSets) -> Self {
        let mut t = Tokens { text, tokens: Vec::with_capacity(text.len() / 5 + 1), buffer: String::new() };
        let bytes = text.as_bytes();
        let char_at = |i: usize| text[i..].chars().next().unwrap_or('\0');
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let starts_word = if b.is_ascii() { b.is_ascii_alphanumeric() } else { char_at(i).is_alphanumeric() };
            if starts_word {
                // A word: letters and digits, and the joiners after them. ASCII bytes are read
                // one by one; other characters are decoded.
                let start = i;
                let mut plain = true;
                while i < bytes.len() {
                    let b = bytes[i];
                    if b.is_ascii() {
                        if b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'\'' {
                            i += 1;
                        } else if b.is_ascii_uppercase() {
                            plain = false;
                            i += 1;
                        } else {
                            break;
                        }
                    } else {
                        let c = char_at(i);
                        if !(c.is_alphanumeric() || c == '\u{2019}') {
                            break;
                        }
                        plain = false;
                        i += c.len_utf8();
                    }
                }
                t.push_word(start, i, plain, sets);
                continue;
            }
            let c = if b.is_ascii() { char::from(b) } else { char_at(i) };
            if is_clause_punct(c) {
                let span = Span::new(i, i + c.len_utf8());
                t.tokens.push(Token {
                    span,
                    raw_end: span.end,
                    lower: (span.start, span.end),
                    class: class::PUNCT,
                    sets: 0,
                });
            }
            i += c.len_utf8();
        }
        t
    }

    /// Adds the word whose characters run from `start` to `raw_end`; `plain` when they are all
    /// lower-case ASCII letters, digits and joiners (the text is then its own lower-case form).
    fn push_word(&mut self, start: usize, raw_end: usize, plain: bool, sets: &WordSets) {
        let word = self.text[start..raw_end].trim_end_matches(['-', '\'', '\u{2019}']);
        let end = start + word.len();
        let mut class = class::WORD;
        let lower = if plain {
            (start, end)
        } else {
            class |= class::LOWER_IN_BUFFER;
            let from = self.buffer.len();
            if word.is_ascii() {
                self.buffer.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                for c in word.chars() {
                    self.buffer.extend(c.to_lowercase());
                }
            }
            (from, self.buffer.len())
        };
        let mut token = Token { span: Span::new(start, end), raw_end, lower, class, sets: 0 };
        token.sets = sets.of(self.lower(&token));
        self.tokens.push(token);
    }

    /// Every token, in text order.
    pub(crate) fn all(&self) -> &[Token] {
        &self.tokens
    }

    /// The lower-case form of `token` (a token of this stream).
    pub(crate) fn lower(&self, token: &Token) -> &str {
        let (a, b) = token.lower;
        if token.class & class::LOWER_IN_BUFFER != 0 { &self.buffer[a..b] } else { &self.text[a..b] }
    }

    /// The tokens inside `span`, when they are exactly the tokens of `span`'s text tokenised on
    /// its own (in this stream's offsets); `None` when a word runs across one of its edges.
    pub(crate) fn within(&self, span: Span) -> Option<&[Token]> {
        let from = self.tokens.partition_point(|t| t.span.start < span.start);
        let to = self.tokens.partition_point(|t| t.span.start < span.end);
        let crosses_start = from > 0 && self.tokens[from - 1].raw_end > span.start;
        let crosses_end = to > from && self.tokens[to - 1].raw_end > span.end;
        (!crosses_start && !crosses_end).then(|| &self.tokens[from..to])
    }

    /// Calls `f` with the tokens of `span` (as [`Tokens::within`]) and the stream they belong
    /// to; where a word runs across an edge of `span`, with the tokens of `span`'s text
    /// tokenised on its own (offsets then relative to `span.start`).
    pub(crate) fn with_within<R>(&self, span: Span, sets: &WordSets, f: impl FnOnce(&Tokens<'_>, &[Token]) -> R) -> R {
        if let Some(inside) = self.within(span) {
            return f(self, inside);
        }
        let own = Tokens::new(span.slice(self.text), sets);
        f(&own, own.all())
    }
}

/// The white-space separated words of `text`, as `str::split_whitespace` gives them (Unicode
/// white space), with ASCII bytes tested one by one: the splitter of the stages that read words
/// with their punctuation attached ("U.S.", "10,000", "said:").
pub(crate) fn whitespace_words(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (space, len) = if b.is_ascii() {
            // `char::is_whitespace` on ASCII: tab, line feed, vertical tab, form feed, carriage return, space.
            (matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or('\0');
            (c.is_whitespace(), c.len_utf8())
        };
        match (space, start) {
            (true, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
        i += len;
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens as `event::tokens` has always given them: lower-cased words and punctuation.
    fn forms(text: &str) -> Vec<String> {
        let t = Tokens::new(text, &WordSets::default());
        t.all().iter().map(|k| t.lower(k).to_owned()).collect()
    }

    /// The word splitter the event rules used before the token stream: the oracle.
    fn split_by_chars(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut cur = String::new();
        for c in s.chars() {
            if c.is_alphanumeric() || (matches!(c, '-' | '\'' | '\u{2019}') && !cur.is_empty()) {
                cur.extend(c.to_lowercase());
                continue;
            }
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur).trim_end_matches(['-', '\'', '\u{2019}']).to_owned());
            }
            if matches!(c, ',' | ';' | ':' | '.' | '"' | '\u{201c}' | '\u{201d}' | '`') {
                out.push(c.to_string());
            }
        }
        if !cur.is_empty() {
            out.push(cur.trim_end_matches(['-', '\'', '\u{2019}']).to_owned());
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn whitespace_words_as_split_whitespace(s in "[a-z ,.\t\n\r\x0b\x0c\x1c\u{85}\u{a0}\u{2003}\u{3000}\u{e9}\u{200b}]{0,40}") {
            proptest::prop_assert_eq!(whitespace_words(&s), s.split_whitespace().collect::<Vec<_>>());
        }

        #[test]
        fn same_forms_as_the_character_splitter(s in "[a-zA-Z0-9 ,;:.'\"`\\-\u{2019}\u{201c}\u{201d}\u{c9}\u{e9}\u{130}\u{3a3}\u{3c3}!?()]{0,40}") {
            proptest::prop_assert_eq!(forms(&s), split_by_chars(&s));
        }
    }

    #[test]
    fn words_punctuation_and_joiners() {
        let cases: &[(&str, &[&str])] = &[
            ("The well-known U.S. envoy's plan", &["the", "well-known", "u", ".", "s", ".", "envoy's", "plan"]),
            ("He said: \u{201c}No.\u{201d}", &["he", "said", ":", "\u{201c}", "no", ".", "\u{201d}"]),
            ("rock-- and 'roll' \u{2019}90s", &["rock", "and", "roll", "90s"]),
            ("\u{130}stanbul \u{c9}COLE caf\u{e9}", &["i\u{307}stanbul", "\u{e9}cole", "caf\u{e9}"]),
            ("a-b-", &["a-b"]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(forms(text), *want, "{text:?}");
        }
    }

    #[test]
    fn spans_exclude_trailing_joiners() {
        let t = Tokens::new("Bush's- word", &WordSets::default());
        let spans: Vec<Span> = t.all().iter().map(|k| k.span).collect();
        assert_eq!(spans, [Span::new(0, 6), Span::new(8, 12)]);
    }

    #[test]
    fn within_matches_tokenising_the_span_alone() {
        let sets = WordSets::new(&[&["said"], &["plan", "said"]]);
        let text = "The plan-, he said. Well-known U.S. envoys' it\u{2019}s done";
        let all = Tokens::new(text, &sets);
        for a in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            for b in (a..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let span = Span::new(a, b);
                let alone = Tokens::new(&text[a..b], &sets);
                let want: Vec<(String, u32)> =
                    alone.all().iter().map(|k| (alone.lower(k).to_owned(), k.sets)).collect();
                let same = all.with_within(span, &sets, |s, ts| {
                    ts.iter().map(|k| (s.lower(k).to_owned(), k.sets)).collect::<Vec<_>>()
                });
                assert_eq!(same, want, "span {a}..{b} {:?}", &text[a..b]);
            }
        }
    }

    #[test]
    fn membership_bits() {
        let sets = WordSets::new(&[&["said", "told"], &["said"]]);
        let t = Tokens::new("Said, told TOLD tell", &sets);
        let bits: Vec<u32> = t.all().iter().map(|k| k.sets).collect();
        assert_eq!(bits, [3, 0, 1, 1, 0]);
    }
}
