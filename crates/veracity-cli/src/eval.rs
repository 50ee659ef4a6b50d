//! `veracity eval ...`: measure the analyser on public evaluation data.
//!
//! The data is not bundled (see `docs/evaluation.md`); a missing file is a clear error.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand, ValueEnum};
use serde::Serialize;
use veracity::{Analyzer, CertaintyLevel};

#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Sentence-level uncertainty on CoNLL-2010 (Wikipedia weasels): precision, recall and F1 of
    /// the uncertain class. A sentence is predicted uncertain when any of its claims is not graded
    /// certain.
    Hedging(HedgingArgs),
}

#[derive(Debug, Args)]
pub struct HedgingArgs {
    /// The CSV file (`text,label`, label 1 = uncertain), e.g.
    /// ../shared/eval/hedging/conll2010_wiki_train.csv
    #[arg(long = "conll2010", value_name = "PATH")]
    pub path: PathBuf,
    /// Which rows to score: `dev` (the rows whose text hashes to 0 mod 5), `train` (the others)
    /// or `all`.
    #[arg(long, value_enum, default_value_t = Split::All)]
    pub split: Split,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
    pub format: EvalFormat,
    /// A TOML configuration file extending the built-in lexicons and weights.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Print the misclassified sentences (false positives and false negatives) on stderr.
    #[arg(long)]
    pub errors: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Split {
    All,
    Train,
    Dev,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    Text,
    Json,
}

/// The dev split: a row belongs to it when the FNV-1a hash of its stripped text is 0 mod
/// `DEV_MODULUS`. Independent of row order, and stable across runs and machines.
pub const DEV_MODULUS: u64 = 5;

fn fnv1a(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

pub fn in_split(text: &str, split: Split) -> bool {
    let dev = fnv1a(text) % DEV_MODULUS == 0;
    match split {
        Split::All => true,
        Split::Dev => dev,
        Split::Train => !dev,
    }
}

/// Parses RFC 4180 CSV (quoted fields may hold commas, newlines and `""`).
pub fn parse_csv(data: &str) -> Result<Vec<Vec<String>>, String> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = data.chars().peekable();
    let mut in_quotes = false;
    let mut line = 1usize;
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
        }
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => in_quotes = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            _ => field.push(c),
        }
    }
    if in_quotes {
        return Err(format!("unterminated quoted field at end of file (line {line})"));
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    Ok(rows)
}

/// Undoes Penn Treebank escapes so that the text reads like news text.
pub fn detokenize(ptb: &str) -> String {
    ptb.replace("-LRB-", "(")
        .replace("-RRB-", ")")
        .replace("-LSB-", "[")
        .replace("-RSB-", "]")
        .replace("-LCB-", "{")
        .replace("-RCB-", "}")
        .replace("``", "\"")
        .replace("''", "\"")
}

/// One labelled sentence.
#[derive(Debug, Clone)]
pub struct Example {
    pub text: String,
    pub uncertain: bool,
}

pub fn load_conll2010(path: &Path) -> Result<Vec<Example>, String> {
    let data = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "cannot read {:?}: {e} (the evaluation data is not bundled; see docs/evaluation.md)",
            path.display().to_string()
        )
    })?;
    let rows = parse_csv(&data).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        if i == 0 && row.first().map(String::as_str) == Some("text") {
            continue;
        }
        let [text, label] = row.as_slice() else {
            return Err(format!("{}: row {} has {} fields, expected 2 (text,label)", path.display(), i + 1, row.len()));
        };
        let uncertain = match label.trim() {
            "1" => true,
            "0" => false,
            other => return Err(format!("{}: row {}: label {other:?} is not 0 or 1", path.display(), i + 1)),
        };
        out.push(Example { text: text.trim().to_owned(), uncertain });
    }
    Ok(out)
}

/// Precision, recall and F1 of the positive class.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Prf {
    pub task: &'static str,
    pub split: Split,
    pub n: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
}

pub fn prf(task: &'static str, split: Split, n: usize, tp: usize, fp: usize, fn_: usize) -> Prf {
    #[allow(clippy::cast_precision_loss)]
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let precision = ratio(tp, tp + fp);
    let recall = ratio(tp, tp + fn_);
    let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
    Prf { task, split, n, precision, recall, f1, tp, fp, fn_ }
}

/// True when the analyser grades any claim of `text` below certain.
pub fn predict_uncertain(analyzer: &Analyzer, text: &str) -> bool {
    match analyzer.analyze_text(&detokenize(text)) {
        Ok(a) => a.claims().iter().any(|c| c.certainty_level != CertaintyLevel::Certain),
        Err(_) => false, // empty rows: nothing asserted, nothing hedged
    }
}

pub fn eval_hedging(analyzer: &Analyzer, examples: &[Example], split: Split, mut on_error: impl FnMut(&Example, bool)) -> Prf {
    use rayon::prelude::*;
    let chosen: Vec<&Example> = examples.iter().filter(|e| in_split(&e.text, split)).collect();
    let preds: Vec<bool> = chosen.par_iter().map(|e| predict_uncertain(analyzer, &e.text)).collect();
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for (e, &p) in chosen.iter().zip(&preds) {
        match (p, e.uncertain) {
            (true, true) => tp += 1,
            (true, false) => {
                fp += 1;
                on_error(e, p);
            }
            (false, true) => {
                fn_ += 1;
                on_error(e, p);
            }
            (false, false) => {}
        }
    }
    prf("hedging", split, chosen.len(), tp, fp, fn_)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_commas_newlines() {
        let rows = parse_csv("text,label\n\"a, \"\"b\"\"\nc\n\",1\nplain,0\n").unwrap();
        assert_eq!(rows, vec![vec!["text", "label"], vec!["a, \"b\"\nc\n", "1"], vec!["plain", "0"]]);
        assert!(parse_csv("\"open").is_err());
    }

    #[test]
    fn detokenize_ptb() {
        assert_eq!(detokenize("-LRB- 2-10-2 -RRB- `` x ''"), "( 2-10-2 ) \" x \"");
    }

    #[test]
    fn split_is_a_partition() {
        for t in ["a", "b", "some text", "another sentence", ""] {
            assert_ne!(in_split(t, Split::Dev), in_split(t, Split::Train));
            assert!(in_split(t, Split::All));
        }
    }

    #[test]
    fn prf_by_hand() {
        // 3 true positives, 1 false positive, 2 false negatives.
        let m = prf("hedging", Split::All, 10, 3, 1, 2);
        assert!((m.precision - 0.75).abs() < 1e-12);
        assert!((m.recall - 0.6).abs() < 1e-12);
        assert!((m.f1 - 2.0 * 0.75 * 0.6 / 1.35).abs() < 1e-12);
        assert_eq!(prf("hedging", Split::All, 0, 0, 0, 0).f1, 0.0);
    }
}
