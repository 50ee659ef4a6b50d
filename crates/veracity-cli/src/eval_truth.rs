//! `veracity eval truth`: accuracy of every truth-discovery algorithm on the Book-author or the
//! Population data set (see docs/truth.md).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, ValueEnum};
use serde::Serialize;
use veracity::truth::{Algorithm, Convergence, Dataset, Normalizer, Observation, Similarity, TruthOptions};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TruthDataset {
    /// Book authors: `source<TAB>isbn<TAB>title<TAB>authors`; gold `isbn<TAB>last, first; ...`.
    Books,
    /// City populations: `city, region_year<TAB>source<TAB>population<TAB>year`; gold
    /// `city, region, year, population`.
    Population,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TruthFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ValueNormalizer {
    /// The dataset's own: author last names (books), numbers (population).
    Auto,
    /// Values as given.
    Exact,
    /// Lower case, accents and punctuation folded.
    Text,
}

#[derive(Debug, Args)]
pub struct TruthArgs {
    /// The claims file, e.g. ../shared/eval/truth/books/book.txt or
    /// ../shared/eval/truth/population/population-new-new.txt
    #[arg(long, value_name = "PATH")]
    pub observations: PathBuf,
    /// The gold file, e.g. ../shared/eval/truth/books/book_golden_dev.txt
    #[arg(long, value_name = "PATH")]
    pub gold: PathBuf,
    /// Which data set the files hold.
    #[arg(long, value_enum)]
    pub dataset: TruthDataset,
    /// An algorithm (`majority_vote`, `sums`, `average_log`, `investment`, `pooled_investment`,
    /// `truth_finder`, `crh`), optionally with `+jaccard` or `+numeric` for a similarity other than
    /// exact, or `all` (every algorithm, plus TruthFinder and CRH with the dataset's similarity).
    #[arg(long, default_value = "all", value_name = "NAME")]
    pub algorithm: String,
    /// Value normalisation.
    #[arg(long, value_enum, default_value_t = ValueNormalizer::Auto)]
    pub normalizer: ValueNormalizer,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TruthFormat::Text)]
    pub format: TruthFormat,
    /// Write the normalised observations as `source<TAB>object<TAB>value` lines to this file.
    #[arg(long, value_name = "PATH")]
    pub write_normalized: Option<PathBuf>,
    /// Iteration cap of every run, instead of each algorithm's default (at least 1).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_iterations: Option<u32>,
    /// Convergence tolerance of every run (a run stops when no source's trust moves by this much
    /// in one iteration; 0 runs to the cap), instead of each algorithm's default.
    #[arg(long, value_name = "X", value_parser = parse_tolerance)]
    pub tolerance: Option<f64>,
    /// How every run measures the change of trust against the tolerance, instead of each
    /// algorithm's default: `max-change` (the largest change of one source's trust; the default
    /// of all but TruthFinder) or `cosine` (1 − the cosine similarity of the trust vectors;
    /// TruthFinder's default, its paper's rule).
    #[arg(long, value_name = "max-change|cosine", value_parser = |s: &str| Convergence::from_name(s).map_err(|e| e.to_string()))]
    pub convergence: Option<Convergence>,
    #[command(flatten)]
    pub run: crate::args::RunArgs,
}

/// A tolerance: a finite number, at least 0.
fn parse_tolerance(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if x.is_finite() && x >= 0.0 => Ok(x),
        _ => Err(format!("invalid tolerance {s:?}: expected a finite number >= 0")),
    }
}

#[derive(Debug, Serialize)]
struct RunResult {
    algorithm: String,
    accuracy: f64,
    n: usize,
    iterations: usize,
    converged: bool,
    seconds: f64,
}

#[derive(Debug, Serialize)]
struct Report {
    task: &'static str,
    dataset: TruthDataset,
    observations: usize,
    claims: usize,
    objects: usize,
    sources: usize,
    load_seconds: f64,
    results: Vec<RunResult>,
}

fn read_lines(path: &Path) -> Result<Vec<String>, String> {
    let text = read_text(path)?;
    Ok(lines(&text).map(str::to_owned).collect())
}

/// A file as text: UTF-8 as it is (no copy), anything else lossily (the population files hold
/// byte 0x85 and invalid UTF-8).
fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {:?}: {e}", path.display().to_string()))?;
    Ok(String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// The non-empty lines, split on `\n` only (never on U+0085), without a final `\r`.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).filter(|l| !l.is_empty())
}

/// The `(source, object, value)` claims of a data set's file, borrowed from its text: one pass
/// over the bytes for tabs and line ends ([`veracity::truth::tsv_lines`]: lines split on `\n` only, a
/// final `\r` dropped, empty lines skipped).
pub fn load_triples<'t>(
    text: &'t str,
    path: &Path,
    dataset: TruthDataset,
) -> Result<Vec<(&'t str, &'t str, &'t str)>, String> {
    let mut out = Vec::with_capacity(text.len() / 64);
    for (index, (f, n)) in veracity::truth::tsv_lines::<4>(text).enumerate() {
        match dataset {
            TruthDataset::Books if n >= 4 => out.push((f[0], f[1], f[3])),
            TruthDataset::Population if n >= 3 => out.push((f[1], f[0], f[2])),
            _ => return Err(short_line(path, text, index, n, dataset)),
        }
    }
    Ok(out)
}

/// The error for the `index`-th non-empty line of `text` (from 0), which has only `n` fields; it
/// names the line's number in the file, empty lines included.
fn short_line(path: &Path, text: &str, index: usize, n: usize, dataset: TruthDataset) -> String {
    let line = veracity::truth::tsv_line_number(text, index).unwrap_or(index + 1);
    let want = if dataset == TruthDataset::Books { 4 } else { 3 };
    format!("{}:{line}: expected at least {want} tab-separated fields, got {n}", path.display())
}

fn name_key(w: &str) -> String {
    w.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Reads the gold values, normalised like the claims: books as the sorted set of last names
/// (the last word of each `last, first` entry's last name), population as a number.
pub fn load_gold(path: &Path, dataset: TruthDataset) -> Result<HashMap<String, String>, String> {
    let mut gold = HashMap::new();
    for (i, line) in read_lines(path)?.iter().enumerate() {
        match dataset {
            TruthDataset::Books => {
                let (isbn, authors) = line
                    .split_once('\t')
                    .ok_or_else(|| format!("{}:{}: expected isbn<TAB>authors", path.display(), i + 1))?;
                let mut names: Vec<String> = authors
                    .split(';')
                    .filter_map(|a| {
                        let last = a.split(',').next()?.split_whitespace().last()?;
                        let k = name_key(last);
                        (!k.is_empty()).then_some(k)
                    })
                    .collect();
                names.sort_unstable();
                names.dedup();
                gold.insert(isbn.trim().to_owned(), names.join("; "));
            }
            TruthDataset::Population => {
                let f: Vec<&str> = line.split(", ").collect();
                if f.len() < 4 {
                    return Err(format!("{}:{}: expected city, region, year, population", path.display(), i + 1));
                }
                let n = f.len();
                let key = format!("{}_{}", f[..n - 2].join(", "), f[n - 2].trim());
                let value = Normalizer::Number.apply(f[n - 1].trim()).unwrap_or_default();
                gold.insert(key, value);
            }
        }
    }
    Ok(gold)
}

/// The runs of `--algorithm`.
pub fn runs(name: &str, dataset: TruthDataset) -> Result<Vec<(String, TruthOptions)>, String> {
    let similar = match dataset {
        TruthDataset::Books => ("jaccard", Similarity::Jaccard),
        TruthDataset::Population => ("numeric", Similarity::Numeric { scale: 0.1 }),
    };
    if name.eq_ignore_ascii_case("all") {
        let mut v: Vec<(String, TruthOptions)> =
            Algorithm::ALL.iter().map(|&a| (a.as_str().to_owned(), TruthOptions::new(a))).collect();
        for a in [Algorithm::TruthFinder, Algorithm::Crh] {
            v.push((format!("{}+{}", a.as_str(), similar.0), TruthOptions::new(a).with_similarity(similar.1.clone())));
        }
        return Ok(v);
    }
    let (base, sim) = name.split_once('+').unwrap_or((name, ""));
    let algorithm = Algorithm::from_name(base).map_err(|e| e.to_string())?;
    let similarity = match sim.to_ascii_lowercase().as_str() {
        "" | "exact" => Similarity::Exact,
        "jaccard" => Similarity::Jaccard,
        "numeric" => Similarity::Numeric { scale: 0.1 },
        other => return Err(format!("invalid similarity {other:?}: expected one of exact, jaccard, numeric")),
    };
    Ok(vec![(name.to_owned(), TruthOptions::new(algorithm).with_similarity(similarity))])
}

pub fn run(args: &TruthArgs) -> ExitCode {
    args.run.threads();
    match run_inner(args) {
        Ok(out) => crate::args::write_line(&args.run, &out),
        Err((code, message)) => {
            eprintln!("veracity: {message}");
            ExitCode::from(code)
        }
    }
}

fn run_inner(args: &TruthArgs) -> Result<String, (u8, String)> {
    let mut runs = runs(&args.algorithm, args.dataset).map_err(|e| (2, e))?;
    for (_, options) in &mut runs {
        if let Some(n) = args.max_iterations {
            *options = options.clone().with_max_iterations(n as usize);
        }
        if let Some(x) = args.tolerance {
            *options = options.clone().with_tolerance(x);
        }
        if let Some(c) = args.convergence {
            *options = options.clone().with_convergence(c);
        }
    }
    let started = Instant::now();
    let normalizer = match (args.normalizer, args.dataset) {
        (ValueNormalizer::Auto, TruthDataset::Books) => Normalizer::AuthorNames,
        (ValueNormalizer::Auto, TruthDataset::Population) => Normalizer::Number,
        (ValueNormalizer::Exact, _) => Normalizer::Exact,
        (ValueNormalizer::Text, _) => Normalizer::Text,
    };
    // (source, object, value) fields of each line, as `load_triples` reads them.
    let columns = match args.dataset {
        TruthDataset::Books => [0, 1, 3],
        TruthDataset::Population => [1, 0, 2],
    };
    // Read, normalise and index in one pass over the file (read, interned and parsed in two
    // halves on the pool for a large file), without building observations; a line without its
    // fields is an error naming it.
    let (dataset, read) =
        Dataset::read_tsv_normalized_counted(&args.observations, columns, &normalizer).map_err(|e| match e {
            veracity::truth::Error::InvalidRecord { origin, line, message } => {
                (1, format!("{origin}:{line}: {message}"))
            }
            other => (1, other.to_string()),
        })?;
    let gold = load_gold(&args.gold, args.dataset).map_err(|e| (1, e))?;
    let load_seconds = started.elapsed().as_secs_f64();
    if let Some(path) = &args.write_normalized {
        let text = read_text(&args.observations).map_err(|e| (1, e))?;
        let raw = load_triples(&text, &args.observations, args.dataset).map_err(|e| (1, e))?;
        let raw: Vec<Observation> = raw.iter().map(|&(s, o, v)| Observation::new(s, o, v)).collect();
        let observations = veracity::truth::normalize(&raw, &normalizer);
        let mut s = String::new();
        for o in &observations {
            s.push_str(&format!("{}\t{}\t{}\n", o.source, o.object, o.value));
        }
        std::fs::write(path, s).map_err(|e| (1, format!("cannot write {:?}: {e}", path.display().to_string())))?;
    }
    let objects: Vec<&String> = gold.keys().filter(|k| dataset.values_of(k).is_some()).collect();
    let mut results = Vec::new();
    for (name, options) in &runs {
        let t = Instant::now();
        let discovery = dataset.discover(options);
        let seconds = t.elapsed().as_secs_f64();
        let correct =
            objects.iter().filter(|k| discovery.truth(k).is_some_and(|t| t.value == gold[k.as_str()])).count();
        results.push(RunResult {
            algorithm: name.clone(),
            accuracy: if objects.is_empty() { 0.0 } else { correct as f64 / objects.len() as f64 },
            n: objects.len(),
            iterations: discovery.iterations(),
            converged: discovery.converged(),
            seconds,
        });
    }
    let report = Report {
        task: "truth",
        dataset: args.dataset,
        observations: read.lines,
        claims: dataset.n_claims(),
        objects: dataset.objects().len(),
        sources: dataset.sources().len(),
        load_seconds,
        results,
    };
    use std::fmt::Write as _;
    let mut out = String::new();
    match args.format {
        TruthFormat::Json => out = serde_json::to_string(&report).unwrap_or_default(),
        TruthFormat::Text => {
            let _ = writeln!(
                out,
                "truth discovery on {:?}: {} observations, {} distinct claims, {} objects, {} sources; {} gold objects (load + normalise {:.3} s)",
                report.dataset,
                report.observations,
                report.claims,
                report.objects,
                report.sources,
                objects.len(),
                report.load_seconds
            );
            let _ =
                write!(out, "{:<24} {:>8} {:>6} {:>10} {:>10}", "algorithm", "accuracy", "n", "iterations", "seconds");
            for r in &report.results {
                let _ = write!(
                    out,
                    "\n{:<24} {:>8.3} {:>6} {:>10} {:>10.4}{}",
                    r.algorithm,
                    r.accuracy,
                    r.n,
                    r.iterations,
                    r.seconds,
                    if r.converged { "" } else { "  (ran to the cap)" }
                );
            }
        }
    }
    Ok(out)
}
