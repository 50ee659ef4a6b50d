//! `veracity eval commitment`: speaker commitment on CommitmentBank (JSON lines): Pearson r and
//! mean absolute error between the factuality at the embedded event's head and the gold rating.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use serde::{Deserialize, Serialize};
use veracity::Analyzer;

use crate::eval::{EvalFormat, pearson_mae};

#[derive(Debug, Args)]
pub struct CommitmentArgs {
    /// A CommitmentBank JSON-lines file (`text`, `event_start`, `event_factuality`, ...), e.g.
    /// ../shared/eval/commitment/commitmentbank/dev.jsonl
    #[arg(long = "commitmentbank", value_name = "PATH")]
    pub path: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
    pub format: EvalFormat,
    #[command(flatten)]
    pub common: crate::args::CommonArgs,
    /// Print every item with its gold and predicted value and the predicate read, on stderr.
    #[arg(long)]
    pub errors: bool,
}

/// One CommitmentBank item (the fields the evaluation reads).
#[derive(Debug, Clone, Deserialize)]
pub struct Item {
    #[serde(rename = "uID")]
    pub id: String,
    pub text: String,
    /// Code-point offset of the event's head.
    pub event_start: usize,
    /// The gold: the mean rating, sign-flipped when the complement is negated.
    pub event_factuality: f64,
    /// `negation`, `modal`, `question` or `conditional`.
    #[serde(default)]
    pub embedding: String,
    /// `yes` or `no`.
    #[serde(default)]
    pub factive: String,
}

/// Figures for one group of items.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Group {
    pub group: String,
    pub n: usize,
    pub pearson: f64,
    pub mae: f64,
    pub mean_gold: f64,
    pub mean_predicted: f64,
}

/// The report: overall figures, then by gold environment and by factivity.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report {
    pub task: &'static str,
    pub n: usize,
    pub pearson: f64,
    pub mae: f64,
    pub by_embedding: Vec<Group>,
    pub by_factive: Vec<Group>,
}

/// Reads a CommitmentBank JSON-lines file.
///
/// # Errors
/// A message naming the file when it is missing, or the line of the first malformed record.
pub fn load(path: &Path) -> Result<Vec<Item>, String> {
    let data = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "cannot read {}: {} (the CommitmentBank data is not bundled; see docs/evaluation.md)",
            path.display(),
            crate::inputs::strip_os_error(&e.to_string())
        )
    })?;
    let mut items = Vec::new();
    for (i, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let item: Item = serde_json::from_str(line)
            .map_err(|e| format!("{}:{}: not a CommitmentBank record: {e}", path.display(), i + 1))?;
        if item.event_start > item.text.chars().count() {
            return Err(format!("{}:{}: event_start beyond the text", path.display(), i + 1));
        }
        items.push(item);
    }
    if items.is_empty() {
        return Err(format!("{}: no records", path.display()));
    }
    Ok(items)
}

/// The predicted value of each item (3.0 when the event lies in no claim) and the predicate read.
pub fn predict(analyzer: &Analyzer, items: &[Item]) -> Vec<(f64, String)> {
    use rayon::prelude::*;
    items
        .par_iter()
        .map(|it| {
            let byte = it.text.char_indices().nth(it.event_start).map_or(it.text.len(), |(b, _)| b);
            let Ok(a) = analyzer.analyze_text(&it.text) else { return (3.0, String::from("(no analysis)")) };
            let read = a.commitment_at(byte).map_or_else(
                || String::from("-"),
                |c| format!("{} {} {}", c.predicate, c.class.as_str(), c.environment.as_str()),
            );
            (a.factuality_at(byte).unwrap_or(3.0), read)
        })
        .collect()
}

fn group(name: &str, pairs: &[(f64, f64)]) -> Group {
    let c = pearson_mae("commitment", pairs);
    #[allow(clippy::cast_precision_loss)]
    let n = pairs.len().max(1) as f64;
    Group {
        group: name.to_owned(),
        n: c.n,
        pearson: c.pearson,
        mae: c.mae,
        mean_gold: pairs.iter().map(|p| p.1).sum::<f64>() / n,
        mean_predicted: pairs.iter().map(|p| p.0).sum::<f64>() / n,
    }
}

/// Scores predictions against the items.
pub fn report(items: &[Item], predicted: &[f64]) -> Report {
    let pairs: Vec<(f64, f64)> = predicted.iter().zip(items).map(|(p, it)| (*p, it.event_factuality)).collect();
    let all = pearson_mae("commitment", &pairs);
    let by = |key: &dyn Fn(&Item) -> &str| {
        let mut names: Vec<&str> = items.iter().map(key).collect();
        names.sort_unstable();
        names.dedup();
        names
            .into_iter()
            .map(|g| {
                let sub: Vec<(f64, f64)> =
                    pairs.iter().zip(items).filter(|(_, it)| key(it) == g).map(|(p, _)| *p).collect();
                group(g, &sub)
            })
            .collect::<Vec<_>>()
    };
    Report {
        task: "commitment",
        n: all.n,
        pearson: all.pearson,
        mae: all.mae,
        by_embedding: by(&|it: &Item| it.embedding.as_str()),
        by_factive: by(&|it: &Item| it.factive.as_str()),
    }
}

pub fn run(args: &CommitmentArgs) -> ExitCode {
    args.common.run.threads();
    let analyzer = match args.common.analyzer.build() {
        Ok(a) => a,
        Err(code) => return code,
    };
    let items = match load(&args.path) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("veracity: {e}");
            return ExitCode::from(crate::EXIT_INPUT_ERROR);
        }
    };
    let predicted = predict(&analyzer, &items);
    if args.errors {
        for (it, (p, read)) in items.iter().zip(&predicted) {
            eprintln!("{}\tgold {:+.2}\tpredicted {:+.2}\t{read}", it.id, it.event_factuality, p);
        }
    }
    let values: Vec<f64> = predicted.iter().map(|p| p.0).collect();
    let r = report(&items, &values);
    let out = match args.format {
        EvalFormat::Json => serde_json::to_string(&r).unwrap_or_default(),
        EvalFormat::Text => {
            let mut s = format!("commitment ({} items): pearson {:.3}  mae {:.3}", r.n, r.pearson, r.mae);
            for g in r.by_embedding.iter().chain(&r.by_factive) {
                s.push_str(&format!(
                    "\n  {:<12} n {:>3}  pearson {:>6.3}  mae {:.3}  mean gold {:+.2}  mean predicted {:+.2}",
                    g.group, g.n, g.pearson, g.mae, g.mean_gold, g.mean_predicted
                ));
            }
            s
        }
    };
    crate::args::write_line(&args.common.run, &out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(text: &str, event: &str, gold: f64, embedding: &str) -> Item {
        Item {
            id: String::from("t"),
            text: text.to_owned(),
            event_start: text.find(event).unwrap(),
            event_factuality: gold,
            embedding: embedding.to_owned(),
            factive: String::from("no"),
        }
    }

    #[test]
    fn hand_made_items() {
        let items = [
            item("I don't think that it works that way.", "works", -2.0, "negation"),
            item("Did you know that wasps lay their eggs in ladybirds?", "lay", 3.0, "question"),
            item("I could hardly believe I was back.", "back", 3.0, "negation"),
            item("Do you think he lied?", "lied", 0.0, "question"),
        ];
        let predicted: Vec<f64> = predict(&Analyzer::default(), &items).into_iter().map(|p| p.0).collect();
        assert!(predicted[0] < -1.0, "{predicted:?}");
        assert!(predicted[1] > 1.0, "{predicted:?}");
        assert!(predicted[2] > 1.0, "{predicted:?}");
        assert!(predicted[3].abs() <= 0.5, "{predicted:?}");
        let r = report(&items, &predicted);
        assert_eq!(r.n, 4);
        assert!(r.pearson > 0.8, "{r:?}");
        assert_eq!(r.by_embedding.iter().map(|g| g.n).sum::<usize>(), 4);
    }

    #[test]
    fn missing_file_says_so() {
        let e = load(Path::new("/nonexistent/dev.jsonl")).unwrap_err();
        assert!(e.contains("not bundled"), "{e}");
    }
}
