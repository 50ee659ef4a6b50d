//! `veracity fit` (fit the article credibility model on labelled corpora) and
//! `veracity eval reliability` (measure the configured model on labelled corpora).

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde::Serialize;
use veracity::fit::{Balance, FitConfig, LabelledSignals, ScoringModel, fit_credibility, outlet_means};
use veracity::{Analyzer, ArticleSignals};

use crate::args::CommonArgs;
use crate::json::round;
use crate::stream;
use crate::{EXIT_INPUT_ERROR, EXIT_USAGE};

/// Output format of `fit` and `eval reliability`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A readable report.
    Text,
    /// One JSON document.
    Json,
}

/// Labelled corpora: where the articles and their labels are.
#[derive(Debug, Args)]
pub struct LabelledArgs {
    /// A corpus (JSON lines or CSV, with `id` and `outlet` fields); repeat for several.
    #[arg(long, value_name = "PATH", required = true)]
    pub corpus: Vec<PathBuf>,
    /// A tab-separated labels file with a header naming at least `id` and `label` columns
    /// (`reliable`/`unreliable`, `1`/`0` or `true`/`false`; other values such as `none` are
    /// left out and counted); repeat for several. Labels are matched to articles by `id`.
    #[arg(long, value_name = "PATH", required = true)]
    pub labels: Vec<PathBuf>,
    /// What groups articles for outlet-level figures and cross-validation: the article's
    /// `outlet` field, or a column of that name in the labels file.
    #[arg(long, value_name = "FIELD", default_value = "outlet")]
    pub group: String,
    /// How input files are read (`auto`: by file name).
    #[arg(long, value_enum, default_value_t = stream::InputFormat::Auto, value_name = "FORMAT")]
    pub input_format: stream::InputFormat,
    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(Debug, Args)]
pub struct FitArgs {
    #[command(flatten)]
    pub data: LabelledArgs,
    /// Write the fitted model here, as a configuration file that `--config` loads.
    #[arg(long, value_name = "FILE.toml")]
    pub out: Option<PathBuf>,
    /// Output format of the report.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// L2 penalty on the standardised weights.
    #[arg(long, default_value_t = 100.0)]
    pub l2: f64,
    /// Cross-validation folds (whole outlets per fold).
    #[arg(long, default_value_t = 5)]
    pub folds: usize,
    /// How articles count: `outlet` (every outlet and class weighs the same), `class`, `none`.
    #[arg(long, default_value = "outlet")]
    pub balance: String,
    /// The signals to use, comma-separated (default: all; see docs/scoring.md).
    #[arg(long, value_delimiter = ',')]
    pub signals: Option<Vec<String>>,
    /// Leave out a signal whose single-signal AUC is above 0.5 + M on one corpus and below
    /// 0.5 - M on another (with two corpora or more); `--unstable-margin off` keeps every signal.
    #[arg(long, value_name = "M", default_value = "0.03")]
    pub unstable_margin: String,
    /// Lines written at the top of the `--out` file as comments (repeatable): for example the
    /// command and the data's licence terms.
    #[arg(long, value_name = "TEXT")]
    pub header: Vec<String>,
}

/// Which level `eval reliability` scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Level {
    /// Each article's credibility against its label.
    Article,
    /// Each outlet's mean credibility against its majority label.
    Outlet,
}

#[derive(Debug, Args)]
pub struct EvalReliabilityArgs {
    #[command(flatten)]
    pub data: LabelledArgs,
    /// Score articles or outlets.
    #[arg(long, value_enum, default_value_t = Level::Article)]
    pub level: Level,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
}

/// One labelled, analysed article.
struct Labelled {
    signals: ArticleSignals,
    credibility: f64,
    reliable: bool,
    group: String,
    corpus: String,
}

/// Labels of one file: id -> (reliable, group column value).
struct Labels {
    by_id: HashMap<String, (bool, Option<String>)>,
    /// Ids whose label is neither reliable nor unreliable (`none`).
    skipped: std::collections::HashSet<String>,
}

fn read_labels(path: &Path, group: &str) -> Result<Labels, String> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        format!("cannot read labels {:?}: {}", path.display().to_string(), crate::inputs::io_message(&e))
    })?;
    let mut lines = text.lines().enumerate();
    let header: Vec<&str> = lines
        .next()
        .map(|(_, h)| h.split('\t').collect())
        .ok_or_else(|| format!("labels {:?} are empty", path.display().to_string()))?;
    let col = |name: &str| header.iter().position(|h| h.trim() == name);
    let (Some(id_col), Some(label_col)) = (col("id"), col("label")) else {
        return Err(format!(
            "labels {:?} need a header with `id` and `label` columns, got {:?}",
            path.display().to_string(),
            header.join("\t")
        ));
    };
    let group_col = col(group);
    let mut by_id = HashMap::new();
    let mut skipped = std::collections::HashSet::new();
    for (i, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let get = |c: usize| fields.get(c).map(|s| s.trim());
        let (Some(id), Some(label)) = (get(id_col), get(label_col)) else {
            return Err(format!(
                "{}:{}: expected at least {} columns",
                path.display(),
                i + 1,
                id_col.max(label_col) + 1
            ));
        };
        let reliable = match label.to_ascii_lowercase().as_str() {
            "reliable" | "1" | "true" => true,
            "unreliable" | "0" | "false" => false,
            _ => {
                skipped.insert(id.to_owned());
                continue;
            }
        };
        by_id.insert(id.to_owned(), (reliable, group_col.and_then(get).map(str::to_owned)));
    }
    Ok(Labels { by_id, skipped })
}

/// Analyses the corpora and joins them with the labels. Prints what was left out.
fn load(args: &LabelledArgs, analyzer: &Analyzer) -> Result<Vec<Labelled>, ExitCode> {
    args.common.run.threads();
    let mut labels: HashMap<String, (bool, Option<String>)> = HashMap::new();
    let mut skipped = std::collections::HashSet::new();
    for path in &args.labels {
        match read_labels(path, &args.group) {
            Ok(l) => {
                skipped.extend(l.skipped);
                labels.extend(l.by_id);
            }
            Err(message) => {
                eprintln!("veracity: {message}");
                return Err(ExitCode::from(EXIT_USAGE));
            }
        }
    }
    let mut out = Vec::new();
    let mut unlabelled = 0usize;
    let mut no_group = 0usize;
    let mut failures = 0usize;
    for corpus in &args.corpus {
        let name =
            corpus.file_stem().map_or_else(|| corpus.display().to_string(), |s| s.to_string_lossy().into_owned());
        let name = match corpus.parent().and_then(Path::file_name) {
            Some(dir) if name == "train" || name == "dev" || name == "test" => {
                format!("{}/{name}", dir.to_string_lossy())
            }
            _ => name,
        };
        let plan = stream::Plan::new(std::slice::from_ref(corpus), args.input_format);
        let hidden = indicatif::ProgressBar::hidden();
        stream::for_each_analysis(plan.articles(), analyzer, &hidden, |outcome| {
            let analysis = match outcome {
                Ok(a) => a,
                Err(f) => {
                    eprintln!("veracity: {}", f.message);
                    failures += 1;
                    return;
                }
            };
            let article = analysis.article();
            let Some((reliable, group_value)) = article.id().and_then(|id| labels.get(id)) else {
                if !article.id().is_some_and(|id| skipped.contains(id)) {
                    unlabelled += 1;
                }
                return;
            };
            let group = group_value
                .clone()
                .or_else(|| (args.group == "outlet").then(|| article.outlet().map(|m| m.value.clone())).flatten());
            let Some(group) = group else {
                no_group += 1;
                return;
            };
            out.push(Labelled {
                signals: analysis.signals().clone(),
                credibility: analysis.credibility(),
                reliable: *reliable,
                group,
                corpus: name.clone(),
            });
        });
    }
    let skipped = skipped.len();
    if skipped + unlabelled + no_group > 0 {
        eprintln!(
            "veracity: left out {skipped} label row(s) that are neither reliable nor unreliable, {unlabelled} \
             article(s) without a label, {no_group} article(s) without a {:?} value",
            args.group
        );
    }
    if failures > 0 {
        eprintln!("veracity: {failures} article(s) could not be read or analysed");
    }
    if out.is_empty() {
        eprintln!("veracity: no article of the corpora has a label in the labels file(s)");
        return Err(ExitCode::from(EXIT_INPUT_ERROR));
    }
    Ok(out)
}

fn write_or_exit(args: &LabelledArgs, text: &str) -> ExitCode {
    let mut out = match args.common.run.output() {
        Ok(o) => o,
        Err(code) => return code,
    };
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("veracity: cannot write output: {e}");
            ExitCode::from(EXIT_INPUT_ERROR)
        }
    }
}

pub fn run_fit(args: &FitArgs) -> ExitCode {
    let balance = match Balance::from_name(&args.balance) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("veracity: {e}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let analyzer = match args.data.common.analyzer.build() {
        Ok(a) => a,
        Err(code) => return code,
    };
    let rows = match load(&args.data, &analyzer) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let unstable_margin = match args.unstable_margin.as_str() {
        "off" => None,
        m => match m.parse::<f64>() {
            Ok(v) if v.is_finite() && v >= 0.0 => Some(v),
            _ => {
                eprintln!("veracity: --unstable-margin takes a number >= 0 or `off`, not {m:?}");
                return ExitCode::from(EXIT_USAGE);
            }
        },
    };
    let mut config = FitConfig::default();
    config.unstable_margin = unstable_margin;
    config.l2 = args.l2;
    config.folds = args.folds;
    config.balance = balance;
    if let Some(s) = &args.signals {
        config.signals.clone_from(s);
    }
    let labelled: Vec<LabelledSignals> =
        rows.into_iter().map(|r| LabelledSignals::new(r.signals, r.reliable, r.group).with_corpus(r.corpus)).collect();
    let model = match fit_credibility(&labelled, &config) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("veracity: {e}");
            return ExitCode::from(EXIT_INPUT_ERROR);
        }
    };
    if let Some(path) = &args.out {
        let mut header = vec![
            "Article credibility model (docs/scoring.md, \"Article credibility\"), written by:".to_owned(),
            format!("  veracity {}", command_line()),
        ];
        header.extend(args.header.iter().cloned());
        let doc = model.to_toml(&header);
        if let Err(e) = std::fs::write(path, doc) {
            eprintln!("veracity: cannot write {:?}: {}", path.display().to_string(), crate::inputs::io_message(&e));
            return ExitCode::from(EXIT_INPUT_ERROR);
        }
    }
    let text = match args.format {
        ReportFormat::Text => fit_text(&model),
        ReportFormat::Json => fit_json(&model),
    };
    write_or_exit(&args.data, &text)
}

/// The arguments after the program name, quoted where a shell would need it.
fn command_line() -> String {
    std::env::args()
        .skip(1)
        .map(|a| {
            if a.is_empty() || a.contains(|c: char| c.is_whitespace() || "\"'$`\\".contains(c)) {
                format!("'{}'", a.replace('\'', "'\\''"))
            } else {
                a
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn opt(x: Option<f64>) -> Option<f64> {
    x.map(round)
}

#[derive(Serialize)]
struct SignalJson<'a> {
    signal: &'a str,
    weight: f64,
    standardised_weight: f64,
    auc: Option<f64>,
    mean_reliable: f64,
    mean_unreliable: f64,
    auc_by_corpus: BTreeMap<&'a str, f64>,
}

impl<'a> SignalJson<'a> {
    fn new(s: &'a veracity::fit::SignalEvidence) -> Self {
        SignalJson {
            signal: &s.signal,
            weight: round(s.weight),
            standardised_weight: round(s.standardised_weight),
            auc: opt(s.auc),
            mean_reliable: round(s.mean_reliable),
            mean_unreliable: round(s.mean_unreliable),
            auc_by_corpus: s.auc_by_corpus.iter().map(|(k, v)| (k.as_str(), round(*v))).collect(),
        }
    }
}

#[derive(Serialize)]
struct PairsJson {
    right: f64,
    total: usize,
    share: Option<f64>,
}

#[derive(Serialize)]
struct BinJson {
    lower: f64,
    upper: f64,
    n: usize,
    mean_predicted: f64,
    observed: f64,
}

#[derive(Serialize)]
struct FitJson<'a> {
    task: &'static str,
    n: usize,
    reliable: usize,
    groups: usize,
    folds: usize,
    auc: Option<f64>,
    brier: f64,
    outlet_pairs: PairsJson,
    auc_by_corpus: BTreeMap<&'a str, f64>,
    calibration: Vec<BinJson>,
    intercept: f64,
    weights: BTreeMap<&'a str, f64>,
    signals: Vec<SignalJson<'a>>,
    unstable: Vec<SignalJson<'a>>,
    l2: f64,
    balance: &'static str,
}

fn fit_json(m: &ScoringModel) -> String {
    let r = &m.report;
    let doc = FitJson {
        task: "fit",
        n: r.n,
        reliable: r.reliable,
        groups: r.groups,
        folds: r.folds,
        auc: opt(r.auc),
        brier: round(r.brier),
        outlet_pairs: PairsJson {
            right: r.outlet_pairs.right,
            total: r.outlet_pairs.total,
            share: opt(r.outlet_pairs.share()),
        },
        auc_by_corpus: r.auc_by_corpus.iter().map(|(k, v)| (k.as_str(), round(*v))).collect(),
        calibration: r
            .calibration
            .iter()
            .map(|b| BinJson {
                lower: round(b.lower),
                upper: round(b.upper),
                n: b.n,
                mean_predicted: round(b.mean_predicted),
                observed: round(b.observed),
            })
            .collect(),
        intercept: round(m.model.intercept),
        weights: m.model.weights.iter().map(|(k, v)| (k.as_str(), round(*v))).collect(),
        signals: r.signals.iter().map(SignalJson::new).collect(),
        unstable: r.unstable.iter().map(SignalJson::new).collect(),
        l2: m.config.l2,
        balance: m.config.balance.as_str(),
    };
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

fn fmt3(x: Option<f64>) -> String {
    x.map_or_else(|| "n/a".to_owned(), |v| format!("{v:.3}"))
}

fn fit_text(m: &ScoringModel) -> String {
    use std::fmt::Write as _;
    let r = &m.report;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "fit: {} articles ({} reliable) from {} outlets, outlet-grouped {}-fold cross-validation",
        r.n, r.reliable, r.groups, r.folds
    );
    let _ = writeln!(
        s,
        "article ROC AUC {}  Brier {:.3}  outlet pairs ordered right {} ({:.1} of {})",
        fmt3(r.auc),
        r.brier,
        fmt3(r.outlet_pairs.share()),
        r.outlet_pairs.right,
        r.outlet_pairs.total
    );
    for (c, a) in &r.auc_by_corpus {
        let _ = writeln!(s, "  {c}: article ROC AUC {a:.3}");
    }
    let _ = writeln!(s, "\nintercept {:+.4}", m.model.intercept);
    let _ = writeln!(
        s,
        "{:<28} {:>9} {:>8} {:>7} {:>9} {:>9}  by corpus",
        "signal", "weight", "per sd", "AUC", "reliable", "unreliab."
    );
    for e in &r.signals {
        let by: Vec<String> = e.auc_by_corpus.iter().map(|(c, a)| format!("{c} {a:.2}")).collect();
        let _ = writeln!(
            s,
            "{:<28} {:>+9.4} {:>+8.3} {:>7} {:>9.3} {:>9.3}  {}",
            e.signal,
            e.weight,
            e.standardised_weight,
            fmt3(e.auc),
            e.mean_reliable,
            e.mean_unreliable,
            by.join(", ")
        );
    }
    if !r.unstable.is_empty() {
        let _ = writeln!(s, "\nleft out (direction differs across corpora):");
        for e in &r.unstable {
            let by: Vec<String> = e.auc_by_corpus.iter().map(|(c, a)| format!("{c} {a:.2}")).collect();
            let _ = writeln!(s, "  {:<28} AUC {}  {}", e.signal, fmt3(e.auc), by.join(", "));
        }
    }
    let _ = writeln!(s, "\ncalibration (out of fold): predicted -> observed (n)");
    for b in r.calibration.iter().filter(|b| b.n > 0) {
        let _ =
            writeln!(s, "  [{:.1}, {:.1}) {:.3} -> {:.3} ({})", b.lower, b.upper, b.mean_predicted, b.observed, b.n);
    }
    s
}

#[derive(Serialize)]
struct EvalJson {
    task: &'static str,
    level: &'static str,
    n: usize,
    auc: Option<f64>,
    brier: f64,
    outlet_pairs: PairsJson,
}

pub fn run_eval(args: &EvalReliabilityArgs) -> ExitCode {
    let analyzer = match args.data.common.analyzer.build() {
        Ok(a) => a,
        Err(code) => return code,
    };
    let rows = match load(&args.data, &analyzer) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let groups: Vec<&str> = rows.iter().map(|r| r.group.as_str()).collect();
    let scores: Vec<f64> = rows.iter().map(|r| r.credibility).collect();
    let labels: Vec<bool> = rows.iter().map(|r| r.reliable).collect();
    let outlets = outlet_means(&groups, &scores, &labels);
    let as_rows: Vec<LabelledSignals> = rows
        .iter()
        .map(|r| {
            LabelledSignals::new(ArticleSignals::default(), r.reliable, r.group.clone()).with_corpus(r.corpus.clone())
        })
        .collect();
    let level = match args.level {
        Level::Article => veracity::fit::Level::Article,
        Level::Outlet => veracity::fit::Level::Outlet,
    };
    let veracity::fit::Evaluation { n, auc, brier, outlet_pairs: pairs, .. } =
        veracity::fit::evaluate(&as_rows, &scores, level);
    let level = level.as_str();
    let text = match args.format {
        ReportFormat::Json => {
            let doc = EvalJson {
                task: "reliability",
                level,
                n,
                auc: opt(auc),
                brier: round(brier),
                outlet_pairs: PairsJson { right: pairs.right, total: pairs.total, share: opt(pairs.share()) },
            };
            let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
            s.push('\n');
            s
        }
        ReportFormat::Text => {
            use std::fmt::Write as _;
            let mut s = format!(
                "reliability ({level} level): n {n}  ROC AUC {}  Brier {brier:.3}  outlet pairs ordered right {} ({:.1} of {})\n",
                fmt3(auc),
                fmt3(pairs.share()),
                pairs.right,
                pairs.total
            );
            let corpora: std::collections::BTreeSet<&str> = rows.iter().map(|r| r.corpus.as_str()).collect();
            if corpora.len() > 1 {
                for c in corpora {
                    let idx: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].corpus == c).collect();
                    let sc: Vec<f64> = idx.iter().map(|&i| scores[i]).collect();
                    let lb: Vec<bool> = idx.iter().map(|&i| labels[i]).collect();
                    let _ = writeln!(
                        s,
                        "  {c}: n {}  article ROC AUC {}",
                        idx.len(),
                        fmt3(veracity::logistic::roc_auc(&sc, &lb))
                    );
                }
            }
            let _ = writeln!(s, "\n{:<28} {:>11} {:>9}", "outlet", "credibility", "label");
            let mut ordered: Vec<(&String, &(f64, bool))> = outlets.iter().collect();
            ordered.sort_by(|a, b| b.1.0.total_cmp(&a.1.0).then_with(|| a.0.cmp(b.0)));
            for (o, (score, rel)) in ordered {
                let _ = writeln!(s, "{o:<28} {score:>11.3} {:>9}", if *rel { "reliable" } else { "unreliable" });
            }
            s
        }
    };
    write_or_exit(&args.data, &text)
}
