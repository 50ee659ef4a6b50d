//! Observations interned and indexed for the algorithms, from triples, observations or
//! tab-separated claim files.

use rustc_hash::FxHashMap as FxMap;

use crate::error::{Error, Result};
use crate::observation::Observation;
use crate::order::{counting_sort, csr, rank};
use crate::threads::two_threads;
use crate::tsv::{self, PARALLEL_MIN_TEXT, TSV_MAX_COLUMNS, TsvRead, tsv_claims, tsv_fields_needed};
use crate::values::Normalizer;
use crate::{names, passes};

/// Observations interned and indexed for the algorithms.
///
/// Sources, objects and each object's values are sorted by name, and a source that repeats a
/// claim counts once, so the order of the input never changes a result. A source that gives
/// several values for one object keeps one: the value it gives most often, ties to the first in
/// sorted order.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    pub(crate) sources: Vec<String>,
    pub(crate) objects: Vec<String>,
    pub(crate) values: Vec<String>,
    pub(crate) index: Index,
    /// Observations given, before removing repeats.
    pub(crate) observations: usize,
}

/// One half of a file ([`tsv::read_half`]) read into `slot`, and its claims interned under
/// [`Normalizer::AuthorNames`]: the half's text, its claims and what was read.
#[cfg(unix)]
fn read_and_intern<'p, const N: usize>(
    file: &std::fs::File,
    len: usize,
    second: bool,
    slot: &'p mut tsv::TextPart,
    columns: [usize; 3],
) -> std::io::Result<(&'p str, names::Interned<'p>, TsvRead)> {
    *slot = tsv::read_half(file, len, second)?;
    let slot: &'p tsv::TextPart = slot;
    let text = slot.as_str();
    let mut read = TsvRead::default();
    // About one claim per 48 bytes (Book's lines average 47).
    let hint = text.len() / 48;
    let interned =
        names::intern_with_capacity(tsv_claims::<N>(text, columns, tsv_fields_needed(columns), &mut read), hint);
    Ok((text, interned, read))
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Index {
    /// Facts of object `o` (a fact is one value of one object): `object_start[o]..object_start[o + 1]`.
    pub(crate) object_start: Vec<u32>,
    /// Sources of fact `f`: `fact_sources[fact_start[f]..fact_start[f + 1]]`.
    pub(crate) fact_start: Vec<u32>,
    pub(crate) fact_sources: Vec<u32>,
    /// Facts of source `s`: `source_facts[source_start[s]..source_start[s + 1]]`.
    pub(crate) source_start: Vec<u32>,
    pub(crate) source_facts: Vec<u32>,
    /// The same claims laid out for the iterative algorithms' passes, built when the first one
    /// runs ([`Index::passes`]): majority vote and a dataset only looked up need none.
    pub(crate) passes: std::sync::OnceLock<passes::Passes>,
}

impl Index {
    /// From each source's facts in order (`source_start`, `source_facts`): the facts' sources by
    /// a stable counting sort on the fact (sources stay in order).
    fn new(object_start: Vec<u32>, source_start: Vec<u32>, source_facts: Vec<u32>) -> Self {
        let n_facts = object_start.last().map_or(0, |&f| f as usize);
        let mut fact_start = vec![0u32; n_facts + 1];
        for &f in &source_facts {
            fact_start[f as usize + 1] += 1;
        }
        for i in 0..n_facts {
            fact_start[i + 1] += fact_start[i];
        }
        let mut fact_sources = vec![0u32; source_facts.len()];
        let mut fill = fact_start.clone();
        for s in 0..source_start.len().saturating_sub(1) {
            for &f in &source_facts[source_start[s] as usize..source_start[s + 1] as usize] {
                fact_sources[fill[f as usize] as usize] = s as u32;
                fill[f as usize] += 1;
            }
        }
        Index { object_start, fact_start, fact_sources, source_start, source_facts, passes: std::sync::OnceLock::new() }
    }

    /// The passes' layout, built on first use.
    pub(crate) fn passes(&self) -> &passes::Passes {
        self.passes.get_or_init(|| {
            let parallel = cfg!(feature = "parallel") && self.fact_sources.len() >= passes::PARALLEL_MIN_CLAIMS;
            passes::Passes::new(&self.object_start, &self.fact_start, &self.fact_sources, &self.source_start, parallel)
        })
    }
}

impl Dataset {
    /// Indexes observations.
    #[must_use]
    pub fn new(observations: &[Observation]) -> Self {
        Self::from_triples(observations.iter().map(|o| (o.source.as_str(), o.object.as_str(), o.value.as_str())))
    }

    /// Indexes `(source, object, value)` triples.
    pub fn from_triples<'a, I>(triples: I) -> Self
    where
        I: IntoIterator<Item = (&'a str, &'a str, &'a str)>,
    {
        let mut sources: FxMap<&'a str, u32> = FxMap::default();
        let mut objects: FxMap<&'a str, u32> = FxMap::default();
        let mut facts: FxMap<(u32, &'a str), u32> = FxMap::default();
        let mut fact_keys: Vec<(u32, &'a str)> = Vec::new();
        let mut claims: Vec<(u32, u32)> = Vec::new();
        let mut source_names: Vec<&'a str> = Vec::new();
        let mut object_names: Vec<&'a str> = Vec::new();
        for (s, o, v) in triples {
            let n = source_names.len() as u32;
            let sid = *sources.entry(s).or_insert_with(|| {
                source_names.push(s);
                n
            });
            let n = object_names.len() as u32;
            let oid = *objects.entry(o).or_insert_with(|| {
                object_names.push(o);
                n
            });
            let n = fact_keys.len() as u32;
            let fid = *facts.entry((oid, v)).or_insert_with(|| {
                fact_keys.push((oid, v));
                n
            });
            claims.push((sid, fid));
        }
        Self::build(&source_names, &object_names, &fact_keys, &claims)
    }

    /// Indexes interned claims: `(source id, fact id)` pairs, facts as `(object id, value)`.
    fn build(source_names: &[&str], object_names: &[&str], fact_keys: &[(u32, &str)], claims: &[(u32, u32)]) -> Self {
        let observations = claims.len();
        // Canonical order: sources and objects by name, facts by (object, value).
        let source_rank = rank(source_names);
        let object_rank = rank(object_names);
        let n_objects = object_names.len();
        // Facts: bucketed by object rank (a counting sort), then each object's values by name.
        let mut object_start = vec![0u32; n_objects + 1];
        for &(o, _) in fact_keys {
            object_start[object_rank[o as usize] as usize + 1] += 1;
        }
        for i in 0..n_objects {
            object_start[i + 1] += object_start[i];
        }
        let mut by_fact: Vec<u32> = vec![0; fact_keys.len()];
        let mut fill = object_start.clone();
        for (i, &(o, _)) in fact_keys.iter().enumerate() {
            let r = object_rank[o as usize] as usize;
            by_fact[fill[r] as usize] = i as u32;
            fill[r] += 1;
        }
        for o in 0..n_objects {
            by_fact[object_start[o] as usize..object_start[o + 1] as usize]
                .sort_unstable_by(|&a, &b| fact_keys[a as usize].1.cmp(fact_keys[b as usize].1));
        }
        let mut fact_rank = vec![0u32; fact_keys.len()];
        for (r, &i) in by_fact.iter().enumerate() {
            fact_rank[i as usize] = r as u32;
        }
        let values: Vec<String> = by_fact.iter().map(|&i| fact_keys[i as usize].1.to_owned()).collect();
        let mut sorted_sources = vec![String::new(); source_names.len()];
        for (i, name) in source_names.iter().enumerate() {
            sorted_sources[source_rank[i] as usize] = (*name).to_owned();
        }
        let mut sorted_objects = vec![String::new(); n_objects];
        for (i, name) in object_names.iter().enumerate() {
            sorted_objects[object_rank[i] as usize] = (*name).to_owned();
        }
        // One value per source and object: the one it repeats most, ties to the first value in
        // sorted order. (Listing a book twice with two author strings is one claim, not two.)
        // Facts are numbered object by object, so (source, fact) order is (source, object, fact)
        // order.
        // Sorted by two stable counting sorts, by fact then by source (a comparison sort of the
        // packed keys cost 130 instructions a claim on Book).
        let by_fact_rank = counting_sort(claims.len(), values.len(), |i| fact_rank[claims[i].1 as usize]);
        let by_source_rank = counting_sort(claims.len(), source_names.len(), |i| {
            source_rank[claims[by_fact_rank[i] as usize].0 as usize]
        });
        let keyed_claims: Vec<u64> = by_source_rank
            .iter()
            .map(|&i| {
                let (s, f) = claims[by_fact_rank[i as usize] as usize];
                u64::from(source_rank[s as usize]) << 32 | u64::from(fact_rank[f as usize])
            })
            .collect();
        let object_of = |f: u32| object_rank[fact_keys[by_fact[f as usize] as usize].0 as usize];
        // (source, fact), already in source then fact order.
        let mut by_source: Vec<(u32, u32)> = Vec::with_capacity(keyed_claims.len());
        let mut i = 0;
        while i < keyed_claims.len() {
            let s = (keyed_claims[i] >> 32) as u32;
            let o = object_of(keyed_claims[i] as u32);
            let mut best = (0usize, 0u32);
            while i < keyed_claims.len()
                && (keyed_claims[i] >> 32) as u32 == s
                && object_of(keyed_claims[i] as u32) == o
            {
                let key = keyed_claims[i];
                let mut n = 0;
                while i < keyed_claims.len() && keyed_claims[i] == key {
                    n += 1;
                    i += 1;
                }
                if n > best.0 {
                    best = (n, key as u32);
                }
            }
            by_source.push((s, best.1));
        }
        let (source_start, source_facts) = csr(sorted_sources.len(), &by_source);
        let index = Index::new(object_start, source_start, source_facts);
        Self::from_index(sorted_sources, sorted_objects, values, index, observations)
    }

    /// The dataset of sorted sources, objects and facts, laid out in `index`.
    fn from_index(
        sources: Vec<String>,
        objects: Vec<String>,
        values: Vec<String>,
        index: Index,
        observations: usize,
    ) -> Self {
        debug_assert_eq!(index.object_start.len(), objects.len() + 1);
        debug_assert_eq!(index.fact_start.len(), values.len() + 1);
        debug_assert_eq!(index.source_start.len(), sources.len() + 1);
        Dataset { sources, objects, values, index, observations }
    }

    /// Normalises and indexes `(source, object, raw value)` triples: the same dataset as
    /// `Dataset::new(&normalize(&observations, normalizer))`, without building the intermediate
    /// observations (on Book, with [`Normalizer::AuthorNames`], the fast path from a file to a
    /// dataset).
    pub fn from_triples_normalized<'a, I>(triples: I, normalizer: &Normalizer) -> Self
    where
        I: IntoIterator<Item = (&'a str, &'a str, &'a str)>,
    {
        match normalizer {
            Normalizer::AuthorNames => Self::from_author_facts(names::author_facts(triples)),
            Normalizer::Exact => Self::from_triples(triples.into_iter().filter(|c| !c.2.is_empty())),
            other => {
                let claims: Vec<(&str, &str, &str)> = triples.into_iter().collect();
                let values: Vec<Option<String>> = claims.iter().map(|c| other.apply(c.2)).collect();
                Self::from_triples(
                    claims.iter().zip(&values).filter_map(|(&(s, o, _), v)| v.as_deref().map(|v| (s, o, v))),
                )
            }
        }
    }

    /// The dataset of normalised author lists: each object's values already sorted and each
    /// source's one value chosen ([`names::author_facts`]); sources and objects without a value
    /// are left out.
    fn from_author_facts(f: names::AuthorFacts<'_>) -> Self {
        let names::AuthorFacts { sources, objects, source_by_name, object_by_name, facts } = f;
        let names::ObjectFacts { values: mut all_values, value_start, pairs, pair_start, claims } = facts;
        // Sources with a value, numbered by name.
        let mut has_value = vec![false; sources.len()];
        for &(s, _) in &pairs {
            has_value[s as usize] = true;
        }
        let mut source_id = vec![u32::MAX; sources.len()];
        let mut sorted_sources = Vec::new();
        for &s in &source_by_name {
            if has_value[s as usize] {
                source_id[s as usize] = sorted_sources.len() as u32;
                sorted_sources.push(sources[s as usize].to_owned());
            }
        }
        // The objects with a value by name and their facts in order; each source's facts by a
        // counting sort on the source (objects in order, one fact each, so facts stay in order).
        let pairs_of = |o: u32| &pairs[pair_start[o as usize] as usize..pair_start[o as usize + 1] as usize];
        let (mut sorted_objects, mut object_start) = (Vec::new(), vec![0u32]);
        let mut values = Vec::with_capacity(all_values.len());
        let mut source_start = vec![0u32; sorted_sources.len() + 1];
        for &o in &object_by_name {
            let (a, b) = (value_start[o as usize] as usize, value_start[o as usize + 1] as usize);
            if a == b {
                continue;
            }
            sorted_objects.push(objects[o as usize].to_owned());
            values.extend(all_values[a..b].iter_mut().map(std::mem::take));
            object_start.push(values.len() as u32);
            for &(s, _) in pairs_of(o) {
                source_start[source_id[s as usize] as usize + 1] += 1;
            }
        }
        for s in 0..sorted_sources.len() {
            source_start[s + 1] += source_start[s];
        }
        let mut source_facts = vec![0u32; pairs.len()];
        let mut fill = source_start.clone();
        let mut base = 0;
        for &o in &object_by_name {
            for &(s, v) in pairs_of(o) {
                let s = source_id[s as usize] as usize;
                source_facts[fill[s] as usize] = base + v;
                fill[s] += 1;
            }
            base += value_start[o as usize + 1] - value_start[o as usize];
        }
        let index = Index::new(object_start, source_start, source_facts);
        Self::from_index(sorted_sources, sorted_objects, values, index, claims)
    }

    /// Reads `(source, object, value)` claims from tab-separated text (fields `columns`, each
    /// below 8, of each line; lines split as [`tsv_lines`](crate::tsv_lines) does; a line with too few fields is
    /// skipped), then normalises and indexes them: the same dataset as
    /// [`Dataset::from_triples_normalized`] on those claims.
    ///
    /// With the `parallel` feature and at least two threads in the rayon pool, a large text (at
    /// least [`PARALLEL_MIN_TEXT`] bytes) under [`Normalizer::AuthorNames`] is read, interned
    /// and parsed in two halves (cut at a line end), one per thread, and the objects' lexicons
    /// computed in two ranges of objects; the dataset is the same whatever the number of
    /// threads.
    ///
    /// ```
    /// use veracity_truth::{Dataset, Normalizer};
    /// let text = "s1\tb1\tKnuth, Donald\ns2\tb1\tDonald E. Knuth\nshort line\n";
    /// let d = Dataset::from_tsv_normalized(text, [0, 1, 2], &Normalizer::AuthorNames);
    /// assert_eq!(d.values_of("b1").unwrap(), ["knuth"]);
    /// ```
    ///
    /// # Panics
    /// When a column is 8 or more.
    #[must_use]
    pub fn from_tsv_normalized(text: &str, columns: [usize; 3], normalizer: &Normalizer) -> Self {
        Self::from_tsv_normalized_counted(text, columns, normalizer).0
    }

    /// [`Dataset::from_tsv_normalized`], with what the reading saw: the number of (non-empty)
    /// lines and the first line with too few fields, from the same pass over the text.
    ///
    /// ```
    /// use veracity_truth::{Dataset, Normalizer, TsvRead};
    /// let text = "s1\tb1\tKnuth\n\nshort line\ns2\tb1\tKnuth\n";
    /// let (d, read) = Dataset::from_tsv_normalized_counted(text, [0, 1, 2], &Normalizer::Exact);
    /// assert_eq!(d.n_claims(), 2);
    /// assert_eq!(read, TsvRead { lines: 3, first_short: Some((1, 1)) });
    /// ```
    ///
    /// # Panics
    /// When a column is 8 or more.
    #[must_use]
    pub fn from_tsv_normalized_counted(text: &str, columns: [usize; 3], normalizer: &Normalizer) -> (Self, TsvRead) {
        assert!(tsv_fields_needed(columns) <= TSV_MAX_COLUMNS, "columns must be below {TSV_MAX_COLUMNS}");
        let parts = if matches!(normalizer, Normalizer::AuthorNames) && text.len() >= PARALLEL_MIN_TEXT && two_threads()
        {
            let (a, b) = tsv::split_at_line(text);
            [a, b]
        } else {
            [text, ""]
        };
        Self::from_tsv_parts(parts, columns, normalizer)
    }

    /// [`Dataset::from_tsv_parts_of`] with room for the fields `columns` needs (at most
    /// [`TSV_MAX_COLUMNS`]).
    fn from_tsv_parts(parts: [&str; 2], columns: [usize; 3], normalizer: &Normalizer) -> (Self, TsvRead) {
        if tsv_fields_needed(columns) <= 4 {
            Self::from_tsv_parts_of::<4>(parts, columns, normalizer)
        } else {
            Self::from_tsv_parts_of::<TSV_MAX_COLUMNS>(parts, columns, normalizer)
        }
    }

    /// The claims of the text `parts[0]` followed by `parts[1]` (cut at a line end): each part
    /// interned and parsed on its own thread for [`Normalizer::AuthorNames`] on two threads.
    fn from_tsv_parts_of<const N: usize>(
        parts: [&str; 2],
        columns: [usize; 3],
        normalizer: &Normalizer,
    ) -> (Self, TsvRead) {
        let need = tsv_fields_needed(columns);
        let claims = |text, read| tsv_claims::<N>(text, columns, need, read);
        let (mut read, mut second) = (TsvRead::default(), TsvRead::default());
        let [a, b] = parts;
        let d = if matches!(normalizer, Normalizer::AuthorNames) && !b.is_empty() && two_threads() {
            Self::from_author_facts(names::author_facts_in_parts([claims(a, &mut read), claims(b, &mut second)]))
        } else {
            Self::from_triples_normalized(claims(a, &mut read).chain(claims(b, &mut second)), normalizer)
        };
        (d, read.then(second))
    }

    /// Reads a tab-separated file of claims and normalises and indexes them:
    /// [`Dataset::from_tsv_normalized`] on the file's text (bytes that are not UTF-8 replaced
    /// by U+FFFD, as [`String::from_utf8_lossy`] does), except that a line without the fields
    /// `columns` names is an error, not skipped.
    ///
    /// With the `parallel` feature and at least two threads in the rayon pool, a large file (at
    /// least [`PARALLEL_MIN_TEXT`] bytes) is read and checked in two halves cut at a line end,
    /// one per thread (on Unix), and under [`Normalizer::AuthorNames`] each half is interned
    /// and parsed on the thread that read it; the dataset is the same whatever the number of
    /// threads.
    ///
    /// ```
    /// use veracity_truth::{Dataset, ErrorKind, Normalizer};
    /// let path = std::env::temp_dir().join(format!("veracity-doc-{}.tsv", std::process::id()));
    /// std::fs::write(&path, "s1\tb1\tKnuth, Donald\ns2\tb1\tDonald E. Knuth\n").unwrap();
    /// let d = Dataset::read_tsv_normalized(&path, [0, 1, 2], &Normalizer::AuthorNames).unwrap();
    /// assert_eq!(d.values_of("b1").unwrap(), ["knuth"]);
    /// std::fs::write(&path, "s1\tb1\tKnuth\n\nshort line\n").unwrap();
    /// let err = Dataset::read_tsv_normalized(&path, [0, 1, 2], &Normalizer::Exact).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::InvalidRecord);
    /// assert!(err.to_string().ends_with(":3: expected at least 3 tab-separated fields, got 1"), "{err}");
    /// std::fs::remove_file(&path).unwrap();
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidOption`] when a column is 8 or more, [`Error::Io`] when the file cannot
    /// be read, and [`Error::InvalidRecord`] naming the file and the line (1-based, as an editor
    /// numbers it) of the first line with too few fields.
    pub fn read_tsv_normalized(
        path: impl AsRef<std::path::Path>,
        columns: [usize; 3],
        normalizer: &Normalizer,
    ) -> Result<Self> {
        Self::read_tsv_normalized_counted(path, columns, normalizer).map(|(d, _)| d)
    }

    /// [`Dataset::read_tsv_normalized`], with the number of (non-empty) lines read
    /// ([`TsvRead::lines`]; [`TsvRead::first_short`] is always `None`, a short line being an
    /// error).
    ///
    /// # Errors
    /// As [`Dataset::read_tsv_normalized`].
    pub fn read_tsv_normalized_counted(
        path: impl AsRef<std::path::Path>,
        columns: [usize; 3],
        normalizer: &Normalizer,
    ) -> Result<(Self, TsvRead)> {
        let path = path.as_ref();
        let need = tsv_fields_needed(columns);
        if need > TSV_MAX_COLUMNS {
            return Err(Error::InvalidOption {
                option: "columns",
                value: format!("{columns:?}"),
                expected: format!("field numbers below {TSV_MAX_COLUMNS}"),
            });
        }
        let short = |texts: [&str; 2], (index, n): (usize, usize)| Error::InvalidRecord {
            origin: path.display().to_string(),
            line: tsv::line_number_in_parts(texts, index),
            message: format!("expected at least {need} tab-separated fields, got {n}"),
        };
        #[cfg(unix)]
        if matches!(normalizer, Normalizer::AuthorNames) && two_threads() {
            let (file, len) = tsv::open(path).map_err(|e| Error::io(path, e))?;
            if len >= PARALLEL_MIN_TEXT {
                // Each thread reads its half and interns it at once (one join, no wait between).
                let mut slots = [tsv::TextPart::default(), tsv::TextPart::default()];
                let [first, second] = &mut slots;
                let half = |slot, second| {
                    if need <= 4 {
                        read_and_intern::<4>(&file, len, second, slot, columns)
                    } else {
                        read_and_intern::<TSV_MAX_COLUMNS>(&file, len, second, slot, columns)
                    }
                };
                let (a, b) = crate::threads::join(|| half(first, false), || half(second, true));
                let ((text_a, a, read_a), (text_b, b, read_b)) =
                    (a.map_err(|e| Error::io(path, e))?, b.map_err(|e| Error::io(path, e))?);
                let read = read_a.then(read_b);
                if let Some(first_short) = read.first_short {
                    return Err(short([text_a, text_b], first_short));
                }
                return Ok((Self::from_author_facts(names::facts_of_halves(a, b)), read));
            }
        }
        let parts = tsv::read_parts(path, two_threads()).map_err(|e| Error::io(path, e))?;
        let texts = [parts[0].as_str(), parts[1].as_str()];
        let (d, read) = Self::from_tsv_parts(texts, columns, normalizer);
        if let Some(first_short) = read.first_short {
            return Err(short(texts, first_short));
        }
        Ok((d, read))
    }

    /// Source names, sorted.
    #[must_use]
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// Object names, sorted.
    #[must_use]
    pub fn objects(&self) -> &[String] {
        &self.objects
    }

    /// Number of distinct (object, value) pairs.
    #[must_use]
    pub fn n_facts(&self) -> usize {
        self.values.len()
    }

    /// Number of claims kept: one per source and object.
    #[must_use]
    pub fn n_claims(&self) -> usize {
        self.index.fact_sources.len()
    }

    /// Number of observations given (repeats included).
    #[must_use]
    pub fn n_observations(&self) -> usize {
        self.observations
    }

    /// The distinct values claimed for `object`, sorted, or `None` for an unknown object.
    #[must_use]
    pub fn values_of(&self, object: &str) -> Option<&[String]> {
        let o = self.objects.binary_search_by(|x| x.as_str().cmp(object)).ok()?;
        Some(&self.values[self.index.object_start[o] as usize..self.index.object_start[o + 1] as usize])
    }

    pub(crate) fn facts_of_object(&self, o: usize) -> std::ops::Range<usize> {
        self.index.object_start[o] as usize..self.index.object_start[o + 1] as usize
    }

    pub(crate) fn sources_of_fact(&self, f: usize) -> &[u32] {
        &self.index.fact_sources[self.index.fact_start[f] as usize..self.index.fact_start[f + 1] as usize]
    }

    pub(crate) fn facts_of_source(&self, s: usize) -> &[u32] {
        &self.index.source_facts[self.index.source_start[s] as usize..self.index.source_start[s + 1] as usize]
    }
}
