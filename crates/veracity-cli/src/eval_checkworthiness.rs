//! `veracity eval checkworthiness` and `veracity eval train-checkworthiness`: rank sentences by
//! check-worthiness on CLEF CheckThat! 2019 (TSV, one file per debate) and ClaimBuster (JSON), and
//! fit the check-worthiness model's weights on their training data.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use serde::{Deserialize, Serialize};
use veracity::Analyzer;
use veracity::checkworthiness::{ClaimContext, SIGNALS, Signals, signals, text_signals};
use veracity::logistic::{
    FitOptions, LogisticModel, average_precision, cross_val_predict_weighted, group_folds, roc_auc,
};

use crate::eval::EvalFormat;

#[derive(Debug, Args)]
pub struct CheckworthinessArgs {
    /// A CheckThat! 2019 TSV file (`line<TAB>speaker<TAB>text<TAB>label`) or a folder of them, e.g.
    /// ../shared/eval/checkworthiness/clef2019/train
    #[arg(long, value_name = "PATH", required_unless_present = "claimbuster")]
    pub clef: Option<PathBuf>,
    /// A ClaimBuster JSON file (`[{"sentence_id", "label", "text"}]`), e.g.
    /// ../shared/eval/checkworthiness/claimbuster/train.json
    #[arg(long, value_name = "FILE")]
    pub claimbuster: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
    pub format: EvalFormat,
    #[command(flatten)]
    pub common: crate::args::CommonArgs,
}

#[derive(Debug, Args)]
pub struct TrainCheckworthinessArgs {
    /// The CheckThat! 2019 training folder (one TSV per debate).
    #[arg(long, value_name = "DIR")]
    pub clef: PathBuf,
    /// The ClaimBuster training JSON.
    #[arg(long, value_name = "FILE")]
    pub claimbuster: PathBuf,
    /// Where to write the model (required; nothing else is written). The shipped model is
    /// `crates/veracity/data/checkworthiness.toml`.
    #[arg(long, value_name = "FILE", required = true)]
    pub out: PathBuf,
    /// L2 penalty on the standardised signals.
    #[arg(long, default_value_t = 1.0)]
    pub l2: f64,
    /// Cross-validation folds (whole debates per fold for CheckThat!).
    #[arg(long, default_value_t = 5)]
    pub folds: usize,
    /// The weight of a ClaimBuster sentence in the fit, relative to a CheckThat! line.
    #[arg(long, default_value_t = 4.0)]
    pub claimbuster_weight: f64,
    /// Also report, for each signal, the cross-validated figures of the model without it.
    #[arg(long)]
    pub ablation: bool,
}

/// One labelled sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The debate file's name (CheckThat!) or `claimbuster`.
    pub group: String,
    pub text: String,
    pub label: bool,
}

fn unreadable(path: &Path, e: &std::io::Error) -> String {
    format!(
        "cannot read {}: {} (the check-worthiness data is not bundled; see docs/evaluation.md)",
        path.display(),
        crate::inputs::strip_os_error(&e.to_string())
    )
}

/// Reads one CheckThat! TSV file: its lines in order.
///
/// # Errors
/// A message naming the file and line of the first malformed row.
pub fn parse_clef(name: &str, data: &str) -> Result<Vec<Line>, String> {
    let mut out = Vec::new();
    for (i, row) in data.lines().enumerate() {
        if row.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = row.split('\t').collect();
        let [_, _, text, label] = cols[..] else {
            return Err(format!("{name}:{}: expected 4 tab-separated columns, found {}", i + 1, cols.len()));
        };
        let label = match label.trim() {
            "1" => true,
            "0" => false,
            other => return Err(format!("{name}:{}: label {other:?} is not 0 or 1", i + 1)),
        };
        out.push(Line { group: name.to_owned(), text: text.to_owned(), label });
    }
    if out.is_empty() {
        return Err(format!("{name}: no lines"));
    }
    Ok(out)
}

/// Reads a CheckThat! file or every `.tsv` file of a folder (sorted by name).
///
/// # Errors
/// A missing path, a folder without `.tsv` files, or a malformed row.
pub fn load_clef(path: &Path) -> Result<Vec<Vec<Line>>, String> {
    let files: Vec<PathBuf> = if path.is_dir() {
        let mut v: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| unreadable(path, &e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
            .collect();
        v.sort();
        if v.is_empty() {
            return Err(format!("{}: no .tsv files", path.display()));
        }
        v
    } else {
        vec![path.to_path_buf()]
    };
    files
        .iter()
        .map(|f| {
            let data = std::fs::read_to_string(f).map_err(|e| unreadable(f, &e))?;
            let name = f.file_name().map_or_else(|| f.display().to_string(), |n| n.to_string_lossy().into_owned());
            parse_clef(&name, &data)
        })
        .collect()
}

#[derive(Deserialize)]
struct ClaimBusterRecord {
    label: u8,
    text: String,
}

/// Reads a ClaimBuster JSON array.
///
/// # Errors
/// A missing file, malformed JSON or a label other than 0 or 1.
pub fn load_claimbuster(path: &Path) -> Result<Vec<Line>, String> {
    let data = std::fs::read_to_string(path).map_err(|e| unreadable(path, &e))?;
    let records: Vec<ClaimBusterRecord> =
        serde_json::from_str(&data).map_err(|e| format!("{}: not a ClaimBuster JSON array: {e}", path.display()))?;
    if records.is_empty() {
        return Err(format!("{}: no sentences", path.display()));
    }
    records
        .into_iter()
        .enumerate()
        .map(|(i, r)| match r.label {
            0 | 1 => Ok(Line { group: String::from("claimbuster"), text: r.text, label: r.label == 1 }),
            l => Err(format!("{}: record {}: label {l} is not 0 or 1", path.display(), i + 1)),
        })
        .collect()
}

/// The signal row of a sentence: the analyser's reading of the sentence analysed whole.
pub fn row(analyzer: &Analyzer, text: &str) -> Signals {
    match analyzer.analyze_text(text) {
        Ok(a) => text_signals(&a),
        // An empty line: no words, a statement.
        Err(_) => signals(
            text,
            &veracity::ClaimFeatures::default(),
            ClaimContext { kind: veracity::ClaimKind::Statement, hedged: false, source: None },
        ),
    }
}

fn rows(analyzer: &Analyzer, lines: &[&Line]) -> Vec<Vec<f64>> {
    use rayon::prelude::*;
    lines.par_iter().map(|l| row(analyzer, &l.text).values).collect()
}

/// Ranking figures over CheckThat! files, as the official scorer computes them: each file's lines
/// sorted by descending score, ties in line order; average precision, R-precision and P@k per
/// file, then their means.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Ranking {
    pub files: usize,
    pub lines: usize,
    pub positives: usize,
    pub map: f64,
    pub r_precision: f64,
    pub p_at_1: f64,
    pub p_at_5: f64,
    pub p_at_10: f64,
    pub p_at_20: f64,
    pub p_at_50: f64,
}

/// Average precision, R-precision and precision at `ks` of one ranked file.
fn file_figures(scores: &[f64], labels: &[bool], ks: &[usize]) -> (f64, f64, Vec<f64>) {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    // A stable sort: ties keep line order.
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let ranked: Vec<bool> = order.iter().map(|&i| labels[i]).collect();
    let r = labels.iter().filter(|&&l| l).count();
    let mut hits = 0usize;
    let mut sum = 0.0;
    for (k, &l) in ranked.iter().enumerate() {
        if l {
            hits += 1;
            #[allow(clippy::cast_precision_loss)]
            {
                sum += hits as f64 / (k + 1) as f64;
            }
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let prec = |k: usize| ranked.iter().take(k).filter(|&&l| l).count() as f64 / k as f64;
    #[allow(clippy::cast_precision_loss)]
    let ap = if r == 0 { 0.0 } else { sum / r as f64 };
    let rp = if r == 0 { 0.0 } else { prec(r) };
    (ap, rp, ks.iter().map(|&k| prec(k)).collect())
}

/// Ranking figures of scored files.
pub fn ranking(files: &[(Vec<f64>, Vec<bool>)]) -> Ranking {
    let ks = [1, 5, 10, 20, 50];
    let mut ap = 0.0;
    let mut rp = 0.0;
    let mut pk = [0.0; 5];
    for (s, l) in files {
        let (a, r, p) = file_figures(s, l, &ks);
        ap += a;
        rp += r;
        for (acc, v) in pk.iter_mut().zip(p) {
            *acc += v;
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let n = files.len().max(1) as f64;
    Ranking {
        files: files.len(),
        lines: files.iter().map(|f| f.0.len()).sum(),
        positives: files.iter().map(|f| f.1.iter().filter(|&&l| l).count()).sum(),
        map: ap / n,
        r_precision: rp / n,
        p_at_1: pk[0] / n,
        p_at_5: pk[1] / n,
        p_at_10: pk[2] / n,
        p_at_20: pk[3] / n,
        p_at_50: pk[4] / n,
    }
}

/// ClaimBuster figures.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Classification {
    pub sentences: usize,
    /// Named apart from the CheckThat! `positives`: both sit in one flat JSON object.
    #[serde(rename = "claimbuster_positives")]
    pub positives: usize,
    pub roc_auc: f64,
    pub average_precision: f64,
}

fn classification(scores: &[f64], labels: &[bool]) -> Classification {
    Classification {
        sentences: scores.len(),
        positives: labels.iter().filter(|&&l| l).count(),
        roc_auc: roc_auc(scores, labels).unwrap_or(f64::NAN),
        average_precision: average_precision(scores, labels).unwrap_or(f64::NAN),
    }
}

/// The report of `veracity eval checkworthiness`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report {
    pub task: &'static str,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub clef: Option<Ranking>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub claimbuster: Option<Classification>,
}

fn text_report(r: &Report) -> String {
    let mut s = String::new();
    if let Some(c) = &r.clef {
        let _ = writeln!(
            s,
            "checkworthiness CheckThat! ({} files, {} lines, {} check-worthy): MAP {:.4}  R-precision {:.4}  P@1 {:.4}  P@5 {:.4}  P@10 {:.4}  P@20 {:.4}  P@50 {:.4}",
            c.files, c.lines, c.positives, c.map, c.r_precision, c.p_at_1, c.p_at_5, c.p_at_10, c.p_at_20, c.p_at_50
        );
    }
    if let Some(c) = &r.claimbuster {
        let _ = writeln!(
            s,
            "checkworthiness ClaimBuster ({} sentences, {} check-worthy): ROC AUC {:.4}  average precision {:.4}",
            c.sentences, c.positives, c.roc_auc, c.average_precision
        );
    }
    s.trim_end().to_owned()
}

fn fail(e: &str) -> ExitCode {
    eprintln!("veracity: {e}");
    ExitCode::from(crate::EXIT_INPUT_ERROR)
}

/// The analyser's check-worthiness of each line: the shipped model over the line's signals.
fn score_lines(analyzer: &Analyzer, lines: &[&Line]) -> Vec<f64> {
    let model = analyzer.config().checkworthiness.to_logistic();
    rows(analyzer, lines).iter().map(|r| model.probability(r)).collect()
}

pub fn run(args: &CheckworthinessArgs) -> ExitCode {
    args.common.run.threads();
    let analyzer = match args.common.analyzer.build() {
        Ok(a) => a,
        Err(code) => return code,
    };
    let mut report = Report { task: "checkworthiness", clef: None, claimbuster: None };
    if let Some(p) = &args.clef {
        let files = match load_clef(p) {
            Ok(f) => f,
            Err(e) => return fail(&e),
        };
        let scored: Vec<(Vec<f64>, Vec<bool>)> = files
            .iter()
            .map(|f| {
                let lines: Vec<&Line> = f.iter().collect();
                (score_lines(&analyzer, &lines), f.iter().map(|l| l.label).collect())
            })
            .collect();
        report.clef = Some(ranking(&scored));
    }
    if let Some(p) = &args.claimbuster {
        let lines = match load_claimbuster(p) {
            Ok(l) => l,
            Err(e) => return fail(&e),
        };
        let refs: Vec<&Line> = lines.iter().collect();
        let labels: Vec<bool> = lines.iter().map(|l| l.label).collect();
        report.claimbuster = Some(classification(&score_lines(&analyzer, &refs), &labels));
    }
    let out = match args.format {
        EvalFormat::Json => serde_json::to_string(&report).unwrap_or_default(),
        EvalFormat::Text => text_report(&report),
    };
    crate::args::write_line(&args.common.run, &out)
}

/// The outcome of training: the model and its cross-validated figures.
#[derive(Debug, Clone)]
pub struct Trained {
    pub model: LogisticModel,
    pub cv_clef: Ranking,
    pub cv_claimbuster: Classification,
    pub train_clef: Ranking,
    pub train_claimbuster: Classification,
}

/// Fits the model on the signal rows `x` of every line (CheckThat! files, then ClaimBuster, in
/// order; columns named `names`) and cross-validates it: folds hold whole debates, ClaimBuster
/// sentences go to the folds in blocks of 50 in file order.
///
/// # Errors
/// A fit that fails (a fold with one class only).
pub fn fit_rows(
    clef: &[Vec<Line>],
    claimbuster: &[Line],
    x: &[Vec<f64>],
    names: Vec<String>,
    options: &FitOptions,
    k: usize,
    claimbuster_weight: f64,
) -> Result<Trained, String> {
    let lines: Vec<&Line> = clef.iter().flatten().chain(claimbuster).collect();
    let y: Vec<bool> = lines.iter().map(|l| l.label).collect();
    let n_clef: usize = clef.iter().map(Vec::len).sum();
    let w: Vec<f64> = (0..lines.len()).map(|i| if i < n_clef { 1.0 } else { claimbuster_weight }).collect();
    // Groups: the debate's file name; ClaimBuster sentences in blocks of 50 (in file order).
    let cb_groups: Vec<String> = (0..claimbuster.len()).map(|i| format!("claimbuster-{:05}", i / 50)).collect();
    let groups: Vec<&str> =
        clef.iter().flatten().map(|l| l.group.as_str()).chain(cb_groups.iter().map(String::as_str)).collect();
    let folds = group_folds(&groups, k);
    let oof = cross_val_predict_weighted(&names, x, &y, Some(&w), &folds, options).map_err(|e| e.to_string())?;
    let model = LogisticModel::fit_weighted(&names, x, &y, &w, options).map_err(|e| e.to_string())?;
    let fitted: Vec<f64> = x.iter().map(|r| model.probability(r)).collect();
    let split = |scores: &[f64]| -> (Ranking, Classification) {
        let mut at = 0;
        let files: Vec<(Vec<f64>, Vec<bool>)> = clef
            .iter()
            .map(|f| {
                let s = scores[at..at + f.len()].to_vec();
                at += f.len();
                (s, f.iter().map(|l| l.label).collect())
            })
            .collect();
        (ranking(&files), classification(&scores[n_clef..], &y[n_clef..]))
    };
    let (cv_clef, cv_claimbuster) = split(&oof);
    let (train_clef, train_claimbuster) = split(&fitted);
    Ok(Trained { model, cv_clef, cv_claimbuster, train_clef, train_claimbuster })
}

/// The model as the data file `data/checkworthiness.toml`, with its provenance header.
pub fn trained_toml(t: &Trained, args: &TrainCheckworthinessArgs) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# Check-worthiness model: P(check-worthy) = sigmoid(intercept + sum of weight x signal).");
    let _ = writeln!(s, "# docs/scoring.md (\"Check-worthiness\") defines every signal.");
    let _ = writeln!(s, "#");
    let _ = writeln!(s, "# Fitted (deterministic) by:");
    let _ =
        writeln!(s, "#   veracity eval train-checkworthiness --clef ../shared/eval/checkworthiness/clef2019/train \\");
    let _ = writeln!(s, "#     --claimbuster ../shared/eval/checkworthiness/claimbuster/train.json \\");
    let _ = writeln!(
        s,
        "#     --l2 {} --folds {} --claimbuster-weight {} --out crates/veracity/data/checkworthiness.toml",
        args.l2, args.folds, args.claimbuster_weight
    );
    let _ = writeln!(s, "# on training data only:");
    let _ = writeln!(
        s,
        "# - CLEF-2019 CheckThat! Task 1 training set ({} debates and speeches, {} lines, {} check-worthy),",
        t.cv_clef.files, t.cv_clef.lines, t.cv_clef.positives
    );
    let _ = writeln!(
        s,
        "#   apepa/clef2019-factchecking-task1: \"free for general research use\"; cite Atanasova et al. 2019;"
    );
    let _ = writeln!(
        s,
        "# - ClaimBuster CFS/NCS training sentences ({} sentences, {} check-worthy), utaresearch/claimbuster-spotter,",
        t.cv_claimbuster.sentences, t.cv_claimbuster.positives
    );
    let _ = writeln!(s, "#   GPL-3.0 (c) IDIR Lab, UT Arlington; cite Arslan et al. 2020.");
    let _ = writeln!(s, "# Only these weights derive from the data; no text of it is shipped.");
    let _ = writeln!(s, "#");
    let _ = writeln!(s, "# Cross-validated ({} folds, whole debates per fold):", args.folds);
    let _ = writeln!(
        s,
        "#   CheckThat! MAP {:.4}  R-precision {:.4}  P@10 {:.4}; ClaimBuster ROC AUC {:.4}  average precision {:.4}",
        t.cv_clef.map,
        t.cv_clef.r_precision,
        t.cv_clef.p_at_10,
        t.cv_claimbuster.roc_auc,
        t.cv_claimbuster.average_precision
    );
    let _ = writeln!(
        s,
        "# Fitted on all of it (train): CheckThat! MAP {:.4}; ClaimBuster ROC AUC {:.4}",
        t.train_clef.map, t.train_claimbuster.roc_auc
    );
    let _ = writeln!(s, "\n[checkworthiness]");
    // Six decimals: more would be noise, and short decimals read back exactly from JSON.
    let _ = writeln!(s, "intercept = {:.6}", t.model.intercept);
    let _ = writeln!(s, "\n[checkworthiness.weights]");
    for (n, w) in t.model.names.iter().zip(&t.model.weights) {
        let _ = writeln!(s, "{n} = {w:.6}");
    }
    s
}

pub fn run_train(args: &TrainCheckworthinessArgs) -> ExitCode {
    let clef = match load_clef(&args.clef) {
        Ok(f) => f,
        Err(e) => return fail(&e),
    };
    let cb = match load_claimbuster(&args.claimbuster) {
        Ok(l) => l,
        Err(e) => return fail(&e),
    };
    if args.folds < 2 || !args.l2.is_finite() || args.l2 < 0.0 {
        eprintln!("veracity: --folds must be at least 2 and --l2 finite and >= 0");
        return ExitCode::from(crate::EXIT_USAGE);
    }
    let options = FitOptions::default().with_l2(args.l2);
    let analyzer = Analyzer::default();
    let lines: Vec<&Line> = clef.iter().flatten().chain(&cb).collect();
    let x = rows(&analyzer, &lines);
    let names: Vec<String> = SIGNALS.iter().map(|s| (*s).to_owned()).collect();
    let trained = match fit_rows(&clef, &cb, &x, names.clone(), &options, args.folds, args.claimbuster_weight) {
        Ok(t) => t,
        Err(e) => return fail(&e),
    };
    if let Err(e) = std::fs::write(&args.out, trained_toml(&trained, args)) {
        return fail(&format!("cannot write {}: {e}", args.out.display()));
    }
    let mut report = format!("wrote {}\n", args.out.display());
    let _ = writeln!(
        report,
        "cross-validated: CheckThat! MAP {:.4}  R-precision {:.4}  P@10 {:.4}; ClaimBuster ROC AUC {:.4}  AP {:.4}",
        trained.cv_clef.map,
        trained.cv_clef.r_precision,
        trained.cv_clef.p_at_10,
        trained.cv_claimbuster.roc_auc,
        trained.cv_claimbuster.average_precision
    );
    let _ = writeln!(
        report,
        "train: CheckThat! MAP {:.4}; ClaimBuster ROC AUC {:.4}",
        trained.train_clef.map, trained.train_claimbuster.roc_auc
    );
    let _ = writeln!(report, "intercept {:+.3}", trained.model.intercept);
    for (n, w) in trained.model.names.iter().zip(&trained.model.weights) {
        let _ = writeln!(report, "  {n:<20} {w:+.3}");
    }
    if args.ablation {
        let _ = writeln!(report, "without each signal (cross-validated): CheckThat! MAP, ClaimBuster ROC AUC");
        for drop in 0..names.len() {
            let keep: Vec<String> =
                names.iter().enumerate().filter(|(i, _)| *i != drop).map(|(_, n)| n.clone()).collect();
            let xd: Vec<Vec<f64>> =
                x.iter().map(|r| r.iter().enumerate().filter(|(i, _)| *i != drop).map(|(_, v)| *v).collect()).collect();
            match fit_rows(&clef, &cb, &xd, keep, &options, args.folds, args.claimbuster_weight) {
                Ok(t) => {
                    let _ = writeln!(
                        report,
                        "  -{:<19} MAP {:.4} ({:+.4})  AUC {:.4} ({:+.4})",
                        names[drop],
                        t.cv_clef.map,
                        t.cv_clef.map - trained.cv_clef.map,
                        t.cv_claimbuster.roc_auc,
                        t.cv_claimbuster.roc_auc - trained.cv_claimbuster.roc_auc
                    );
                }
                Err(e) => return fail(&e),
            }
        }
    }
    // A closed pipe (`| head`) is not an error.
    let _ = std::io::Write::write_all(&mut std::io::stdout(), report.as_bytes());
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_ranking_measures() {
        // Scores 0.9, 0.5, 0.5, 0.1 with positives at lines 2 and 4: ranked lines 1, 2, 3, 4
        // (the tie keeps line order); hits at ranks 2 and 4: AP (1/2 + 2/4) / 2 = 0.5.
        let files = vec![(vec![0.9, 0.5, 0.5, 0.1], vec![false, true, false, true])];
        let r = ranking(&files);
        assert!((r.map - 0.5).abs() < 1e-12);
        // R = 2: one hit in the top 2.
        assert!((r.r_precision - 0.5).abs() < 1e-12);
        assert!((r.p_at_1 - 0.0).abs() < 1e-12);
        // P@10 over 4 lines counts 2 hits of 10.
        assert!((r.p_at_10 - 0.2).abs() < 1e-12);
        // A perfect file and a file ranked backwards average.
        let files = vec![(vec![0.9, 0.1], vec![true, false]), (vec![0.9, 0.1], vec![false, true])];
        assert!((ranking(&files).map - 0.75).abs() < 1e-12);
    }

    #[test]
    fn clef_rows_and_errors() {
        let ok = parse_clef("d.tsv", "1\tHOLT\tGood evening.\t0\n2\tTRUMP\tWe lost 70,000 factories.\t1\n").unwrap();
        assert_eq!(ok.len(), 2);
        assert!(ok[1].label && ok[1].text == "We lost 70,000 factories.");
        assert!(parse_clef("d.tsv", "1\tHOLT\tGood evening.\n").unwrap_err().contains("d.tsv:1"));
        assert!(parse_clef("d.tsv", "1\tHOLT\tGood evening.\tyes\n").unwrap_err().contains("not 0 or 1"));
        assert!(parse_clef("d.tsv", "").unwrap_err().contains("no lines"));
        assert!(load_clef(Path::new("/nonexistent/clef")).unwrap_err().contains("not bundled"));
        assert!(load_claimbuster(Path::new("/nonexistent/train.json")).unwrap_err().contains("not bundled"));
    }

    #[test]
    fn shipped_model_ranks_hand_written_lines() {
        let analyzer = Analyzer::default();
        let line = |t: &str| Line { group: String::from("d"), text: t.to_owned(), label: false };
        let lines = [
            line("Thank you, Senator."),
            line("Let me ask you about trade."),
            line("I voted against the bill that cut 4 million jobs."),
            line("Her plan raised taxes on the middle class by $1,000."),
            line("What do you think?"),
        ];
        let refs: Vec<&Line> = lines.iter().collect();
        let s = score_lines(&analyzer, &refs);
        for checkable in [2, 3] {
            for filler in [0, 1, 4] {
                assert!(s[checkable] > s[filler], "{:?} vs {:?}: {s:?}", lines[checkable].text, lines[filler].text);
            }
        }
    }
}
