//! Author lists ("Knuth, Donald E.", "Peter Aiken, M. David Allen", "Aiken, Peter/ Allen, David")
//! reduced to sets of last names.

use super::values::fold;
use super::{FxMap, Observation};

/// Words that are not names: roles, degrees and suffixes, edition words.
const NOT_NAMES: [&str; 34] = [
    "jr", "sr", "ii", "iii", "iv", "phd", "dr", "prof", "professor", "mr", "mrs", "ms", "edited", "editor", "editors",
    "ed", "eds", "by", "foreword", "introduction", "translator", "translated", "illustrator", "author", "authors",
    "joint", "contributor", "compiler", "et", "al", "and", "with", "the", "others",
];

/// Values that say nothing about the authors.
const EMPTY_VALUES: [&str; 5] = ["not available", "n/a", "unknown", "none", "various"];

fn is_initial(word: &str) -> bool {
    // "M.", "M", "M.D.", "J.R.R."
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters == 1 || (letters > 1 && word.contains('.') && word.split('.').all(|p| p.chars().count() <= 1))
}

fn key(word: &str) -> String {
    word.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The name words of a comma-separated part, with their keys (initials included).
fn name_words(part: &str) -> Vec<(&str, String)> {
    part.split_whitespace()
        .filter_map(|w| {
            let k = key(w);
            (!k.is_empty() && !NOT_NAMES.contains(&k.as_str()) && k.chars().any(char::is_alphabetic)).then_some((w, k))
        })
        .collect()
}

/// The last name of "First Middle Last" (the last word that is not an initial).
fn last_of_forward(words: &[(&str, String)]) -> Option<String> {
    words.iter().rev().find(|w| !is_initial(w.0)).or(words.last()).map(|w| w.1.clone())
}

fn keys(words: &[(&str, String)]) -> Vec<String> {
    words.iter().map(|w| w.1.clone()).collect()
}

/// Splits an author list into authors and reads each one's last name, lower-cased, accents and
/// punctuation removed (`"Ben-Ari, M."` → `benari`), sorted and without repeats.
///
/// Authors are separated by `;`, `/`, `&`, ` and `, a line break or a parenthesis (a role such as
/// "(Foreword)" is dropped); "Edited by", degrees and suffixes are dropped. Within a separated
/// chunk, commas are read as "Last, First[, Last, First ...]" when the chunk starts with a single
/// word, else as "First Last, First Last". `"Not Available"` and empty lists give no names.
#[must_use]
pub fn author_last_names(value: &str) -> Vec<String> {
    let mut names: Vec<String> = parse_authors(value).into_iter().map(|a| a.last).collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// One parsed author: the last-name key and every name word's key.
#[derive(Debug, Clone)]
struct Author {
    last: String,
    words: Vec<String>,
}

fn parse_authors(value: &str) -> Vec<Author> {
    let folded = fold(value);
    let trimmed = folded.trim().trim_end_matches('.');
    if trimmed.is_empty() || EMPTY_VALUES.iter().any(|e| e.eq_ignore_ascii_case(trimmed)) {
        return Vec::new();
    }
    // Parenthesised and bracketed text (roles, affiliations) becomes a separator.
    let mut text = String::with_capacity(folded.len());
    let mut depth = 0usize;
    for c in folded.chars() {
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
    // " and ", " with " and "edited by" also separate authors (ASCII lower-casing keeps offsets).
    let lowered = text.to_ascii_lowercase();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for sep in [" and ", " with ", "edited by "] {
        cuts.extend(lowered.match_indices(sep).map(|(i, m)| (i, m.len())));
    }
    if !cuts.is_empty() {
        cuts.sort_unstable();
        let mut rebuilt = String::with_capacity(text.len());
        let mut last = 0;
        for (i, len) in cuts {
            if i >= last {
                rebuilt.push_str(&text[last..i]);
                rebuilt.push(';');
                last = i + len;
            }
        }
        rebuilt.push_str(&text[last..]);
        text = rebuilt;
    }
    let mut authors = Vec::new();
    for chunk in text.split(';') {
        parse_chunk(chunk, &mut authors);
    }
    authors
}

fn parse_chunk(chunk: &str, out: &mut Vec<Author>) {
    let parts: Vec<Vec<(&str, String)>> = chunk.split(',').map(name_words).filter(|w| !w.is_empty()).collect();
    let inverted = parts.len() > 1 && parts[0].len() == 1 && !is_initial(parts[0][0].0);
    if !inverted {
        // "First Last, First Last" (or a single author).
        for p in &parts {
            if let Some(last) = last_of_forward(p) {
                out.push(Author { last, words: keys(p) });
            }
        }
        return;
    }
    // "Last, First[ Last2], First2, ..." — a first-name part whose final word is not an initial
    // and is followed by another part carries the next author's last name
    // ("AIKEN, PETER ALLEN, M.D.").
    let mut i = 0;
    let mut pending: Option<String> = None;
    while i < parts.len() {
        let last = match pending.take() {
            Some(l) => l,
            None => {
                let p = &parts[i];
                i += 1;
                if p.len() > 1 {
                    // Not a lone last name: read it as "First Last".
                    if let Some(l) = last_of_forward(p) {
                        out.push(Author { last: l, words: keys(p) });
                    }
                    continue;
                }
                p[0].1.clone()
            }
        };
        let mut words = vec![last.clone()];
        if i < parts.len() {
            let first = &parts[i];
            i += 1;
            let n = first.len();
            if n > 1 && i < parts.len() && !is_initial(first[n - 1].0) {
                words.extend(keys(&first[..n - 1]));
                pending = Some(first[n - 1].1.clone());
            } else {
                words.extend(keys(first));
            }
        }
        out.push(Author { last, words });
    }
}

/// The sources that read a word as a last name, and those that read it as another name word.
type Readers<'a> = (Vec<&'a str>, Vec<&'a str>);

/// A last name must be read by at least this many sources for the object's lexicon.
const LEXICON_MIN_SOURCES: usize = 2;
/// ... and by at least this share of the sources that read the object's most common last name.
const LEXICON_MIN_SHARE: f64 = 0.2;

/// Normalises author-list claims to sets of last names ([`author_last_names`]), then corrects
/// each claim with the last names that the other sources give for the same book: a claim's
/// names are the object's well-supported last names (read by at least two sources and at least
/// a fifth as many as the most common one) that occur among its words or end a word run together
/// ("PETERALLEN"), plus its own parsed last names that match none of them. So "Lientz
/// Bennet, Rea Kathryn" (last name first, no comma) becomes `lientz; rea`, not `bennet; kathryn`.
/// Claims without names are dropped.
#[must_use]
pub fn normalize_author_lists(observations: &[Observation]) -> Vec<Observation> {
    // Parse each distinct author string once (in parallel with the `parallel` feature).
    let mut index: FxMap<&str, usize> = FxMap::default();
    let mut distinct: Vec<&str> = Vec::new();
    let slots: Vec<usize> = observations
        .iter()
        .map(|o| {
            let n = distinct.len();
            *index.entry(o.value.as_str()).or_insert_with(|| {
                distinct.push(o.value.as_str());
                n
            })
        })
        .collect();
    #[cfg(feature = "parallel")]
    let unique: Vec<Vec<Author>> = {
        use rayon::prelude::*;
        distinct.par_iter().map(|v| parse_authors(v)).collect()
    };
    #[cfg(not(feature = "parallel"))]
    let unique: Vec<Vec<Author>> = distinct.iter().map(|v| parse_authors(v)).collect();
    let parsed: Vec<&Vec<Author>> = slots.iter().map(|&i| &unique[i]).collect();
    // Per object and word: the sources that read it as a last name, and those that read it as
    // another name word (a first or middle name).
    let mut support: FxMap<&str, FxMap<&str, Readers<'_>>> = FxMap::default();
    for (o, authors) in observations.iter().zip(&parsed) {
        let per = support.entry(o.object.as_str()).or_default();
        for a in authors.iter() {
            per.entry(a.last.as_str()).or_default().0.push(o.source.as_str());
            for w in a.words.iter().filter(|w| **w != a.last) {
                per.entry(w.as_str()).or_default().1.push(o.source.as_str());
            }
        }
    }
    let mut lexicons: FxMap<&str, Vec<&str>> = FxMap::default();
    let mut first_names: FxMap<&str, Vec<&str>> = FxMap::default();
    for (object, per) in &mut support {
        let mut counts: Vec<(&str, usize, usize)> = per
            .iter_mut()
            .map(|(name, (last, other))| {
                for v in [&mut *last, &mut *other] {
                    v.sort_unstable();
                    v.dedup();
                }
                (*name, last.len(), other.len())
            })
            .collect();
        counts.sort_unstable();
        let top = counts.iter().map(|c| c.1).max().unwrap_or(0);
        first_names.insert(object, counts.iter().filter(|c| c.2 >= c.1).map(|c| c.0).collect());
        counts.retain(|&(_, n, other)| n >= LEXICON_MIN_SOURCES && n as f64 >= LEXICON_MIN_SHARE * top as f64 && n > other);
        lexicons.insert(object, counts.into_iter().map(|c| c.0).collect());
    }
    let mut out = Vec::with_capacity(observations.len());
    for (o, authors) in observations.iter().zip(&parsed) {
        let lexicon = lexicons.get(o.object.as_str()).map_or(&[][..], Vec::as_slice);
        let mut names: Vec<String> = Vec::new();
        for a in authors.iter() {
            let mut matched = false;
            for w in &a.words {
                for &l in lexicon {
                    if w == l || (w.len() > l.len() + 2 && w.ends_with(l)) {
                        names.push(l.to_owned());
                        matched = true;
                    }
                }
            }
            if !matched && first_names.get(o.object.as_str()).is_none_or(|f| !f.contains(&a.last.as_str())) {
                names.push(a.last.clone());
            }
        }
        names.sort_unstable();
        names.dedup();
        if !names.is_empty() {
            out.push(Observation { source: o.source.clone(), object: o.object.clone(), value: names.join("; ") });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_lists() {
        let cases = [
            ("Knuth, Donald E.", "knuth"),
            ("Donald E. Knuth", "knuth"),
            ("Peter Aiken, M. David Allen", "aiken; allen"),
            ("Aiken, Peter/ Allen, David M.", "aiken; allen"),
            ("Aiken,Peter; Allen,M. David", "aiken; allen"),
            ("AIKEN, PETER ALLEN, M.D.", "aiken; allen"),
            ("Rubinstein, Moshe F., Firstenberg, Iris R.", "firstenberg; rubinstein"),
            ("Lientz, Bennet P. (Author) Rea, Kathryn P. (Joint Author)", "lientz; rea"),
            ("Edited by Lacroix, Zo&eacute; Edited by Critchlow, Terence", "critchlow; lacroix"),
            ("Henderson, Ken/ Cambell, David (FRW)/ Soukup, Ron (FRW)", "cambell; henderson; soukup"),
            ("BEN-ARI, M.", "benari"),
            ("Frank Armour , Granville Miller", "armour; miller"),
            ("Smith, Connie U.; Williams, Lloyd G.; Smith, Connie", "smith; williams"),
            ("Brent E. Rector and Joseph M. Newcomer", "newcomer; rector"),
            ("Not Available", ""),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(author_last_names(input).join("; "), want, "{input}");
        }
    }

    #[test]
    fn lexicon_corrects_inverted_and_run_together_names() {
        let obs = |s: &str, v: &str| Observation::new(s, "b", v);
        let input = vec![
            obs("a", "Lientz, Bennet P.; Rea, Kathryn P."),
            obs("b", "Bennet P. Lientz, Kathryn P. Rea"),
            obs("c", "Lientz Bennet,Rea Kathryn"),
            obs("d", "LIENTZ, BENNETREA, KATHRYN"),
            obs("e", "Not Available"),
        ];
        let out = normalize_author_lists(&input);
        let values: Vec<&str> = out.iter().map(|o| o.value.as_str()).collect();
        assert_eq!(values, ["lientz; rea", "lientz; rea", "lientz; rea", "lientz; rea"]);
    }
}
