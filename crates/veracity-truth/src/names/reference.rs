//! The author normaliser as it was before the single-pass tokenizer and the per-book string cache
//! (commit 248bba1), kept as the tests' oracle: the fast path must give every claim the same
//! normalised value.
#![allow(dead_code, clippy::all, clippy::pedantic)]

use std::borrow::Cow;

use crate::fold::fold;
use rustc_hash::FxHashMap as FxMap;

/// Words that are not names: roles, degrees and suffixes, edition words.
fn is_not_name(key: &str) -> bool {
    matches!(
        key,
        "jr" | "sr"
            | "ii"
            | "iii"
            | "iv"
            | "phd"
            | "dr"
            | "prof"
            | "professor"
            | "mr"
            | "mrs"
            | "ms"
            | "edited"
            | "editor"
            | "editors"
            | "ed"
            | "eds"
            | "by"
            | "foreword"
            | "introduction"
            | "translator"
            | "translated"
            | "illustrator"
            | "author"
            | "authors"
            | "joint"
            | "contributor"
            | "compiler"
            | "et"
            | "al"
            | "and"
            | "with"
            | "the"
            | "others"
    )
}

/// Values that say nothing about the authors.
const EMPTY_VALUES: [&str; 5] = ["not available", "n/a", "unknown", "none", "various"];

fn is_initial(word: &str) -> bool {
    // "M.", "M", "M.D.", "J.R.R."
    if word.is_ascii() {
        let b = word.as_bytes();
        let letters = b.iter().filter(|c| c.is_ascii_alphabetic()).count();
        return letters == 1 || (letters > 1 && b.contains(&b'.') && b.split(|&c| c == b'.').all(|p| p.len() <= 1));
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters == 1 || (letters > 1 && word.contains('.') && word.split('.').all(|p| p.chars().count() <= 1))
}

/// The key of a word: its letters and digits, lower-cased, into `out`.
fn key_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        for b in word.bytes() {
            if b.is_ascii_alphanumeric() {
                out.push(char::from(b.to_ascii_lowercase()));
            }
        }
    } else {
        out.extend(word.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase));
    }
}

/// Name words interned as ids.
#[derive(Debug, Default)]
struct Words {
    /// Keyed by the key's UTF-8 bytes, so the ASCII path looks bytes up without a `String`.
    ids: FxMap<Box<[u8]>, u32>,
    names: Vec<String>,
    /// Per id: not a name (a role, degree or suffix, or no letter), decided once per key.
    skip: Vec<bool>,
}

impl Words {
    fn id(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.ids.get(key.as_bytes()) {
            return id;
        }
        let id = self.names.len() as u32;
        let has_letter = if key.is_ascii() {
            key.bytes().any(|b| b.is_ascii_alphabetic())
        } else {
            key.chars().any(char::is_alphabetic)
        };
        self.skip.push(!has_letter || is_not_name(key));
        self.names.push(key.to_owned());
        self.ids.insert(key.as_bytes().into(), id);
        id
    }
}

/// Byte classes of the ASCII tokenizer: a word byte, whitespace (as `char::is_whitespace`), `,`
/// or `;`.
const WORD: u8 = 0;
const SPACE: u8 = 1;
const COMMA: u8 = 2;
const SEMICOLON: u8 = 3;
const CLASS: [u8; 128] = {
    let mut t = [WORD; 128];
    t[b' ' as usize] = SPACE;
    let mut c = 9;
    while c <= 13 {
        t[c] = SPACE;
        c += 1;
    }
    t[b',' as usize] = COMMA;
    t[b';' as usize] = SEMICOLON;
    t
};
/// Per ASCII byte: its key byte (lower-cased letter or digit), or 0 when it is not kept.
const KEY: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        if b.is_ascii_alphanumeric() {
            t[c] = b.to_ascii_lowercase();
        }
        c += 1;
    }
    t
};
/// Bytes that the bracket pass rewrites (`(`, `[`, `{`, `)`, `]`, `}`, `;`... all become `;`).
fn is_rewritten(b: u8) -> bool {
    matches!(b, b'(' | b'[' | b'{' | b')' | b']' | b'}' | b'/' | b'&' | b'|' | b'\n' | b'\r' | b'\t')
}

/// One parsed author: the last-name id and every name word's id (`words` indexes
/// `Parsed::words`).
#[derive(Debug, Clone, Copy)]
struct Author {
    last: u32,
    words: (u32, u32),
}

/// One name word of a comma-separated part: its key id and whether it is an initial.
#[derive(Debug, Clone, Copy)]
struct Word {
    id: u32,
    initial: bool,
}

/// The parsed author lists: the authors of string `i` are `authors[spans[i].0..spans[i].1]`.
#[derive(Debug, Default)]
struct Parsed {
    words: Vec<u32>,
    authors: Vec<Author>,
    spans: Vec<(u32, u32)>,
}

/// A parser with its buffers, reused from one string to the next.
#[derive(Debug, Default)]
struct Parser {
    vocab: Words,
    text: String,
    cut: String,
    key: String,
    /// The name words of the current chunk, part after part; `parts` holds each part's end.
    chunk_words: Vec<Word>,
    parts: Vec<usize>,
}

impl Parser {
    /// Parses one author list, appending its authors to `out`.
    fn parse(&mut self, value: &str, out: &mut Parsed) {
        let start = out.authors.len() as u32;
        self.parse_authors(value, out);
        out.spans.push((start, out.authors.len() as u32));
    }

    fn parse_authors(&mut self, value: &str, out: &mut Parsed) {
        let folded: Cow<'_, str> =
            if value.is_ascii() && !value.contains('&') { Cow::Borrowed(value) } else { Cow::Owned(fold(value)) };
        let trimmed = folded.trim().trim_end_matches('.');
        if trimmed.is_empty() || EMPTY_VALUES.iter().any(|e| e.eq_ignore_ascii_case(trimmed)) {
            return;
        }
        // Parenthesised and bracketed text (roles, affiliations) becomes a separator.
        let ascii = folded.is_ascii();
        let text = &mut self.text;
        text.clear();
        let mut depth = 0usize;
        if ascii && !folded.bytes().any(is_rewritten) {
            // Nothing to rewrite (most lists): the text as it is.
            text.push_str(&folded);
        } else if ascii {
            // The same, byte by byte.
            for &b in folded.as_bytes() {
                match b {
                    b'(' | b'[' | b'{' => {
                        depth += 1;
                        text.push(';');
                    }
                    b')' | b']' | b'}' => {
                        depth = depth.saturating_sub(1);
                        text.push(';');
                    }
                    _ if depth > 0 => {}
                    b';' | b'/' | b'&' | b'|' | b'\n' | b'\r' | b'\t' => text.push(';'),
                    _ => text.push(char::from(b)),
                }
            }
        }
        for c in folded.chars().filter(|_| !ascii) {
            match c {
                '(' | '[' | '{' => {
                    depth += 1;
                    text.push(';');
                }
                ')' | ']' | '}' => {
                    depth = depth.saturating_sub(1);
                    text.push(';');
                }
                _ if depth > 0 => {}
                ';' | '/' | '&' | '|' | '\n' | '\r' | '\t' => text.push(';'),
                _ => text.push(c),
            }
        }
        // " and ", " with " and "edited by " (any case) also separate authors; each separator's
        // matches are taken left to right without overlap, then applied in order of position.
        const SEPARATORS: [&[u8]; 3] = [b" and ", b" with ", b"edited by "];
        let bytes = text.as_bytes();
        let mut next_allowed = [0usize; 3];
        let mut last = 0;
        self.cut.clear();
        for i in 0..bytes.len() {
            let c = bytes[i];
            if c != b' ' && c != b'e' && c != b'E' {
                continue;
            }
            for (k, sep) in SEPARATORS.iter().enumerate() {
                if i >= next_allowed[k]
                    && bytes.len() - i >= sep.len()
                    && bytes[i..i + sep.len()].eq_ignore_ascii_case(sep)
                {
                    next_allowed[k] = i + sep.len();
                    if i >= last {
                        self.cut.push_str(&text[last..i]);
                        self.cut.push(';');
                        last = i + sep.len();
                    }
                }
            }
        }
        let text: &str = if last == 0 && self.cut.is_empty() {
            &self.text
        } else {
            self.cut.push_str(&self.text[last..]);
            &self.cut
        };
        // One pass over the text: words end at whitespace, parts at `,`, chunks at `;` (the
        // same cuts as `split(';')`, `split(',')` and `split_whitespace`).
        let (words, parts) = (&mut self.chunk_words, &mut self.parts);
        words.clear();
        parts.clear();
        if ascii {
            tokenize_ascii(text.as_bytes(), &mut self.vocab, &mut self.key, words, parts, out);
            return;
        }
        let mut part_start = 0;
        let mut word_start: Option<usize> = None;
        for (i, c) in text.char_indices() {
            let end_part = c == ',' || c == ';';
            if end_part || c.is_whitespace() {
                if let Some(w) = word_start.take() {
                    push_word(&text[w..i], &mut self.vocab, &mut self.key, words);
                }
                if end_part {
                    if words.len() > part_start {
                        parts.push(words.len());
                    }
                    part_start = words.len();
                    if c == ';' {
                        authors_of_chunk(words, parts, out);
                        words.clear();
                        parts.clear();
                        part_start = 0;
                    }
                }
            } else if word_start.is_none() {
                word_start = Some(i);
            }
        }
        if let Some(w) = word_start {
            push_word(&text[w..], &mut self.vocab, &mut self.key, words);
        }
        if words.len() > part_start {
            parts.push(words.len());
        }
        authors_of_chunk(words, parts, out);
    }
}

/// The ASCII tokenizer: the same cuts as the `char` loop of [`Parser::parse_authors`] (words end
/// at whitespace, parts at `,`, chunks at `;`), byte by byte with class tables.
fn tokenize_ascii(
    text: &[u8],
    vocab: &mut Words,
    key: &mut String,
    words: &mut Vec<Word>,
    parts: &mut Vec<usize>,
    out: &mut Parsed,
) {
    let mut part_start = 0;
    let mut word_start: Option<usize> = None;
    for (i, &b) in text.iter().enumerate() {
        let class = CLASS[usize::from(b & 0x7f)];
        if class == WORD {
            if word_start.is_none() {
                word_start = Some(i);
            }
            continue;
        }
        if let Some(w) = word_start.take() {
            push_word_ascii(&text[w..i], vocab, key, words);
        }
        if class != SPACE {
            if words.len() > part_start {
                parts.push(words.len());
            }
            part_start = words.len();
            if class == SEMICOLON {
                authors_of_chunk(words, parts, out);
                words.clear();
                parts.clear();
                part_start = 0;
            }
        }
    }
    if let Some(w) = word_start {
        push_word_ascii(&text[w..], vocab, key, words);
    }
    if words.len() > part_start {
        parts.push(words.len());
    }
    authors_of_chunk(words, parts, out);
}

/// [`push_word`] for an ASCII word: the key and the initial test in one pass over its bytes.
fn push_word_ascii(w: &[u8], vocab: &mut Words, key: &mut String, words: &mut Vec<Word>) {
    // The key's bytes go to a stack buffer (long words through `key`).
    let mut buf = [0u8; 32];
    let mut n = 0;
    let (mut letters, mut dot, mut segment, mut longest) = (0usize, false, 0usize, 0usize);
    for &b in w {
        let k = KEY[usize::from(b & 0x7f)];
        letters += usize::from(b.is_ascii_alphabetic());
        if b == b'.' {
            dot = true;
            longest = longest.max(segment);
            segment = 0;
        } else {
            segment += 1;
        }
        if k != 0 {
            if n < buf.len() {
                buf[n] = k;
            }
            n += 1;
        }
    }
    longest = longest.max(segment);
    if n == 0 {
        return;
    }
    // As `is_initial`: one letter, or several with a dot and no part between dots longer than one.
    let initial = letters == 1 || (letters > 1 && dot && longest <= 1);
    let id = if n <= buf.len() {
        match vocab.ids.get(&buf[..n]) {
            Some(&id) => id,
            None => vocab.id(std::str::from_utf8(&buf[..n]).unwrap_or_default()),
        }
    } else {
        key.clear();
        key.extend(
            w.iter().filter_map(|&b| (KEY[usize::from(b & 0x7f)] != 0).then_some(char::from(b.to_ascii_lowercase()))),
        );
        vocab.id(key)
    };
    if !vocab.skip[id as usize] {
        words.push(Word { id, initial });
    }
}

/// Adds a name word (not a role, degree or suffix; with a letter) to the current part.
fn push_word(w: &str, vocab: &mut Words, key: &mut String, words: &mut Vec<Word>) {
    key_into(w, key);
    if key.is_empty() {
        return;
    }
    let id = vocab.id(key);
    if !vocab.skip[id as usize] {
        words.push(Word { id, initial: is_initial(w) });
    }
}

/// The authors of one chunk (between separators), from its comma-separated parts' name words
/// (`parts` holds each non-empty part's end in `words`).
fn authors_of_chunk(words: &[Word], parts: &[usize], out: &mut Parsed) {
    let part = |i: usize| &words[if i == 0 { 0 } else { parts[i - 1] }..parts[i]];
    let push = |last: u32, ids: &mut dyn Iterator<Item = u32>, out: &mut Parsed| {
        let start = out.words.len() as u32;
        out.words.extend(ids);
        out.authors.push(Author { last, words: (start, out.words.len() as u32) });
    };
    // The last name of "First Middle Last": the last word that is not an initial.
    let last_of_forward = |p: &[Word]| p.iter().rev().find(|w| !w.initial).or(p.last()).map(|w| w.id);
    let n = parts.len();
    let inverted = n > 1 && part(0).len() == 1 && !part(0)[0].initial;
    if !inverted {
        // "First Last, First Last" (or a single author).
        for i in 0..n {
            let p = part(i);
            if let Some(last) = last_of_forward(p) {
                push(last, &mut p.iter().map(|w| w.id), out);
            }
        }
        return;
    }
    // "Last, First[ Last2], First2, ..." — a first-name part whose final word is not an initial
    // and is followed by another part carries the next author's last name
    // ("AIKEN, PETER ALLEN, M.D.").
    let mut i = 0;
    let mut pending: Option<u32> = None;
    while i < n {
        let last = match pending.take() {
            Some(l) => l,
            None => {
                let p = part(i);
                i += 1;
                if p.len() > 1 {
                    // Not a lone last name: read it as "First Last".
                    if let Some(l) = last_of_forward(p) {
                        push(l, &mut p.iter().map(|w| w.id), out);
                    }
                    continue;
                }
                p[0].id
            }
        };
        if i < n {
            let first = part(i);
            i += 1;
            let k = first.len();
            if k > 1 && i < n && !first[k - 1].initial {
                pending = Some(first[k - 1].id);
                push(last, &mut std::iter::once(last).chain(first[..k - 1].iter().map(|w| w.id)), out);
            } else {
                push(last, &mut std::iter::once(last).chain(first.iter().map(|w| w.id)), out);
            }
        } else {
            push(last, &mut std::iter::once(last), out);
        }
    }
}

/// A last name must be read by at least this many sources for the object's lexicon.
const LEXICON_MIN_SOURCES: usize = 2;
/// ... and by at least this share of the sources that read the object's most common last name.
const LEXICON_MIN_SHARE: f64 = 0.2;

/// The normalised author lists of a set of claims: claim `i` is `claims[i] = (source id,
/// object id, value)` with `values[value]`, or no value when it has no names.
pub(crate) struct AuthorValues<'a> {
    pub(crate) sources: Vec<&'a str>,
    pub(crate) objects: Vec<&'a str>,
    pub(crate) values: Vec<String>,
    pub(crate) claims: Vec<(u32, u32, Option<u32>)>,
}

/// How one object's sources read one word.
#[derive(Debug, Clone, Copy)]
struct Support {
    word: u32,
    /// Distinct sources that read it as a last name, and as another name word.
    last: usize,
    other: usize,
    /// The source that last counted in `last` / `other` (claims come grouped by source).
    last_by: u32,
    other_by: u32,
}

/// [`normalize_author_lists`] on `(source, object, authors)` claims.
pub(crate) fn author_values<'a>(claims: &[(&'a str, &'a str, &'a str)]) -> AuthorValues<'a> {
    // Intern sources, objects and author strings; parse each distinct string once.
    let mut sources: FxMap<&str, u32> = FxMap::default();
    let mut objects: FxMap<&str, u32> = FxMap::default();
    let mut strings: FxMap<&str, u32> = FxMap::default();
    let mut source_names: Vec<&'a str> = Vec::new();
    let mut object_names: Vec<&'a str> = Vec::new();
    let mut parser = Parser::default();
    let mut parsed = Parsed::default();
    let mut ids: Vec<(u32, u32, u32)> = Vec::with_capacity(claims.len());
    // Claims about one object usually come together: the previous object's id first.
    let mut previous: Option<(&str, u32)> = None;
    for &(s, o, v) in claims {
        let n = sources.len() as u32;
        let s = *sources.entry(s).or_insert_with(|| {
            source_names.push(s);
            n
        });
        let o = match previous {
            Some((name, id)) if name == o => id,
            _ => {
                let n = objects.len() as u32;
                let id = *objects.entry(o).or_insert_with(|| {
                    object_names.push(o);
                    n
                });
                previous = Some((o, id));
                id
            }
        };
        let n = strings.len() as u32;
        let v = *strings.entry(v).or_insert_with(|| {
            parser.parse(v, &mut parsed);
            n
        });
        ids.push((o, s, v));
    }
    let names = &parser.vocab.names;
    // Claims grouped by object, then by source (a counting sort by object, then small sorts).
    let n_objects = objects.len();
    let mut start = vec![0usize; n_objects + 1];
    for &(o, _, _) in &ids {
        start[o as usize + 1] += 1;
    }
    for i in 0..n_objects {
        start[i + 1] += start[i];
    }
    let mut order = vec![0u32; ids.len()];
    let mut fill = start.clone();
    for (i, &(o, _, _)) in ids.iter().enumerate() {
        order[fill[o as usize]] = i as u32;
        fill[o as usize] += 1;
    }
    let mut of_claim: Vec<Option<u32>> = vec![None; claims.len()];
    let mut values: Vec<String> = Vec::new();
    // Per object: the support of each word (`slot[word]` is its index while `stamp[word]` is the
    // object's), the lexicon, the first names, and the result per distinct string.
    let mut slot = vec![0u32; names.len()];
    let mut stamp = vec![u32::MAX; names.len()];
    let mut support: Vec<Support> = Vec::new();
    let mut lexicon: Vec<u32> = Vec::new();
    let mut first_names: Vec<u32> = Vec::new();
    let mut done: Vec<(u32, Option<u32>)> = Vec::new();
    let mut found: Vec<u32> = Vec::new();
    for o in 0..n_objects {
        let group = &mut order[start[o]..start[o + 1]];
        group.sort_unstable_by_key(|&i| ids[i as usize].1);
        support.clear();
        let mut count = |word: u32, source: u32, as_last: bool, support: &mut Vec<Support>| {
            if stamp[word as usize] != o as u32 {
                stamp[word as usize] = o as u32;
                slot[word as usize] = support.len() as u32;
                support.push(Support { word, last: 0, other: 0, last_by: u32::MAX, other_by: u32::MAX });
            }
            let e = &mut support[slot[word as usize] as usize];
            if as_last {
                if e.last_by != source {
                    e.last_by = source;
                    e.last += 1;
                }
            } else if e.other_by != source {
                e.other_by = source;
                e.other += 1;
            }
        };
        for &i in group.iter() {
            let (_, s, v) = ids[i as usize];
            let (a, b) = parsed.spans[v as usize];
            for author in &parsed.authors[a as usize..b as usize] {
                count(author.last, s, true, &mut support);
                for &w in &parsed.words[author.words.0 as usize..author.words.1 as usize] {
                    if w != author.last {
                        count(w, s, false, &mut support);
                    }
                }
            }
        }
        let top = support.iter().map(|e| e.last).max().unwrap_or(0);
        first_names.clear();
        first_names.extend(support.iter().filter(|e| e.other >= e.last).map(|e| e.word));
        lexicon.clear();
        lexicon.extend(
            support
                .iter()
                .filter(|e| {
                    e.last >= LEXICON_MIN_SOURCES && e.last as f64 >= LEXICON_MIN_SHARE * top as f64 && e.last > e.other
                })
                .map(|e| e.word),
        );
        // Each distinct string of the object once.
        done.clear();
        for &i in group.iter() {
            let v = ids[i as usize].2;
            if let Some(&(_, value)) = done.iter().find(|d| d.0 == v) {
                of_claim[i as usize] = value;
                continue;
            }
            found.clear();
            let (a, b) = parsed.spans[v as usize];
            for author in &parsed.authors[a as usize..b as usize] {
                let mut matched = false;
                for &w in &parsed.words[author.words.0 as usize..author.words.1 as usize] {
                    for &l in &lexicon {
                        let (word, name) = (&names[w as usize], &names[l as usize]);
                        if w == l || (word.len() > name.len() + 2 && word.ends_with(name.as_str())) {
                            found.push(l);
                            matched = true;
                        }
                    }
                }
                if !matched && !first_names.contains(&author.last) {
                    found.push(author.last);
                }
            }
            found.sort_unstable_by(|&x, &y| names[x as usize].cmp(&names[y as usize]));
            found.dedup();
            let value = (!found.is_empty()).then(|| {
                let len = found.iter().map(|&w| names[w as usize].len() + 2).sum::<usize>() - 2;
                let mut joined = String::with_capacity(len);
                for (k, &w) in found.iter().enumerate() {
                    if k > 0 {
                        joined.push_str("; ");
                    }
                    joined.push_str(&names[w as usize]);
                }
                values.push(joined);
                (values.len() - 1) as u32
            });
            done.push((v, value));
            of_claim[i as usize] = value;
        }
    }
    let claims = ids.iter().zip(of_claim).map(|(&(o, s, _), v)| (s, o, v)).collect();
    AuthorValues { sources: source_names, objects: object_names, values, claims }
}
