//! `veracity`: score news articles from the command line.
//!
//! ```text
//! veracity analyze seeds                       # readable report
//! veracity analyze seeds --format jsonl        # one JSON object per article
//! veracity analyze a.txt b.txt --format json   # one JSON document
//! ```
//!
//! The crate is a library with one entry point, [`run`], and the `veracity` binary that calls it;
//! the Python wheel's `veracity` command calls it too. The options every subcommand shares are
//! clap groups in [`args`]. The JSON format is documented, field by field, in `docs/cli.md`.

pub mod args;
mod corroborate;
mod eval;
mod eval_attribution;
mod eval_checkworthiness;
mod eval_commitment;
mod eval_quotes;
mod eval_truth;
mod inputs;
mod json;
mod profile;
mod reliability;
mod stream;
mod text;

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use veracity::{Analyzer, Article, CueType};

use crate::args::{CommonArgs, InputArgs};
use crate::inputs::strip_os_error;
use crate::stream::Failure;

/// Exit code when an input could not be read or analysed (the others were still processed).
pub(crate) const EXIT_INPUT_ERROR: u8 = 1;
/// Exit code for a usage error: bad flag or value (from clap), unusable `--config` file.
pub(crate) const EXIT_USAGE: u8 = 2;
/// Inputs analysed in parallel before their output is written, to bound memory on large runs
/// while keeping the output in input order.
pub(crate) const CHUNK: usize = 256;

const AFTER_HELP: &str = "\
Exit status:
  0  every input was analysed
  1  at least one input could not be read or analysed (the others were still reported)
  2  usage error: unknown flag or value, or an unusable --config file

The JSON format is described field by field in docs/cli.md.";

/// Explainable scoring of news text: claims, attributions, hedges and source reliability.
#[derive(Debug, Parser)]
#[command(name = "veracity", version, propagate_version = true, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Analyse articles (plain UTF-8 text files, JSON-lines or CSV corpora) and print a report or JSON.
    #[command(after_help = AFTER_HELP)]
    Analyze(AnalyzeArgs),
    /// Profile the outlets and sources of a corpus: claims, sourcing, hedging, corroboration and
    /// reliability (see docs/scoring.md, "Source profiles").
    #[command(after_help = AFTER_HELP)]
    Profile(profile::ProfileArgs),
    /// Measure the analyser on public evaluation data (not bundled; see docs/evaluation.md).
    #[command(subcommand)]
    Eval(eval::EvalCommand),
    /// Group claims about the same thing across articles, run truth discovery over them and show
    /// which claims and sources are corroborated (see docs/scoring.md).
    #[command(after_help = AFTER_HELP)]
    Corroborate(corroborate::CorroborateArgs),
    /// Fit the article credibility model on labelled corpora: outlet-grouped cross-validated
    /// figures, per-signal evidence, and a weights file that `--config` loads (see
    /// docs/scoring.md, "Article credibility").
    Fit(reliability::FitArgs),
}

#[derive(Debug, Args)]
struct AnalyzeArgs {
    #[command(flatten)]
    input: InputArgs,

    /// Output format: a readable report, one JSON document, or one JSON object per line.
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    format: Format,

    #[command(flatten)]
    common: CommonArgs,

    /// Colour in the text report (`auto`: only when stdout is a terminal and `NO_COLOR` is unset).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    color: ColorChoice,

    /// Text report: show how every credibility, check-worthiness and reliability score was
    /// computed (the JSON formats always include it).
    #[arg(short, long)]
    explain: bool,

    /// Text report: list the claims by check-worthiness, highest first (`rank`), or in text order
    /// (`text`). The JSON formats keep text order and give each claim its `rank`.
    #[arg(long, value_enum, default_value_t = Order::Rank)]
    order: Order,

    /// Keep only the N most check-worthy claims of each article, highest first (all formats).
    #[arg(long, value_name = "N")]
    top: Option<usize>,

    /// JSON formats: add each article's analysed text as `text`.
    #[arg(long)]
    include_text: bool,

    /// JSON formats: the unit of every offset (`start`, `end`, `cue_start`, ...), written as
    /// `offsets`: UTF-8 `bytes` (Rust string indices) or `code-points` (Python string indices).
    #[arg(long, value_enum, default_value_t = OffsetUnit::Bytes)]
    offsets: OffsetUnit,

    /// Never show the progress bar (it is only shown when stderr is a terminal anyway).
    #[arg(long)]
    no_progress: bool,

    /// Keep only the attributions of these cue types, comma-separated (speech, writing, belief,
    /// stance, perception, reported): `--cue-types speech,writing` gives quotes and speech only,
    /// as a quote extractor does. Filters the JSON `attributions` list and the claims' attribution
    /// lines of the text report; scores are unchanged.
    #[arg(long, value_name = "TYPES", value_delimiter = ',', value_parser = parse_cue_type)]
    cue_types: Option<Vec<CueType>>,
}

/// A cue type named on the command line.
fn parse_cue_type(s: &str) -> Result<CueType, String> {
    s.trim().parse::<CueType>().map_err(|e| e.to_string())
}

/// A set of cue types, one bit per [`CueType::ALL`] entry; every type when no filter is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CueTypes(u8);

impl CueTypes {
    fn of(types: Option<&[CueType]>) -> Self {
        match types {
            None => CueTypes(u8::MAX),
            Some(t) => CueTypes(t.iter().fold(0, |m, c| m | Self::bit(*c))),
        }
    }

    fn bit(t: CueType) -> u8 {
        CueType::ALL.iter().position(|c| *c == t).map_or(0, |i| 1 << i)
    }

    /// True when `t` is in the set.
    pub(crate) fn contains(self, t: CueType) -> bool {
        self.0 & Self::bit(t) != 0
    }
}

/// The unit of the offsets in the JSON formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OffsetUnit {
    /// UTF-8 byte offsets.
    Bytes,
    /// Unicode code-point offsets.
    CodePoints,
}

impl From<OffsetUnit> for veracity::report::Offsets {
    fn from(u: OffsetUnit) -> Self {
        match u {
            OffsetUnit::Bytes => veracity::report::Offsets::Bytes,
            OffsetUnit::CodePoints => veracity::report::Offsets::CodePoints,
        }
    }
}

/// Claim order in the text report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Order {
    /// By check-worthiness, highest first.
    Rank,
    /// In text order.
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// [`run`] with the exit status as a number (0, 1 or 2), for callers that cannot take an
/// [`ExitCode`] (the Python extension).
pub fn run_status<I, T>(args: I) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let code = run(args);
    [0, EXIT_INPUT_ERROR, EXIT_USAGE].into_iter().find(|&k| code == ExitCode::from(k)).unwrap_or(EXIT_INPUT_ERROR)
}

/// Runs the command line on `args` (the program name first, as in `std::env::args_os()`) and
/// returns its exit status: 0 success, 1 an input could not be read or analysed, 2 a usage
/// error. Help, version and usage errors are printed as clap prints them.
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // `--help` and `--version` go to stdout with status 0, usage errors to stderr with 2.
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(EXIT_USAGE));
        }
    };
    match cli.command {
        Command::Analyze(args) => analyze(&args),
        Command::Corroborate(args) => corroborate::run(&args),
        Command::Profile(args) => profile::run(&args),
        Command::Eval(eval::EvalCommand::Hedging(args)) => eval_hedging(&args),
        Command::Eval(eval::EvalCommand::TrainHedging(args)) => train_hedging(&args),
        Command::Eval(eval::EvalCommand::Factuality(args)) => eval_factuality(&args),
        Command::Eval(eval::EvalCommand::Attribution(args)) => eval_attribution::run(&args),
        Command::Eval(eval::EvalCommand::Truth(args)) => eval_truth::run(&args),
        Command::Eval(eval::EvalCommand::Reliability(args)) => reliability::run_eval(&args),
        Command::Eval(eval::EvalCommand::Commitment(args)) => eval_commitment::run(&args),
        Command::Eval(eval::EvalCommand::Quotes(args)) => eval_quotes::run(&args),
        Command::Eval(eval::EvalCommand::Checkworthiness(args)) => eval_checkworthiness::run(&args),
        Command::Eval(eval::EvalCommand::TrainCheckworthiness(args)) => eval_checkworthiness::run_train(&args),
        Command::Fit(args) => reliability::run_fit(&args),
    }
}

/// How each analysis is turned into output.
#[derive(Debug, Clone, Copy)]
enum Render {
    Text(text::Options),
    Json { pretty: bool, opts: json::Options, cue_types: CueTypes },
}

fn analyze(args: &AnalyzeArgs) -> ExitCode {
    args.common.run.threads();
    let analyzer = match args.common.analyzer.build() {
        Ok(a) => a,
        Err(code) => return code,
    };
    let sink = match args.common.run.output() {
        Ok(o) => o,
        Err(code) => return code,
    };

    let plan = args.input.plan();
    let cue_types = CueTypes::of(args.cue_types.as_deref());
    let render = match args.format {
        Format::Text => Render::Text(text::Options {
            color: use_color(args.color, sink.is_file()),
            explain: args.explain,
            top: args.top,
            text_order: args.order == Order::Text,
            cue_types,
        }),
        Format::Json | Format::Jsonl => Render::Json {
            pretty: args.format == Format::Json,
            cue_types,
            opts: json::Options {
                offsets: args.offsets.into(),
                top: args.top,
                include_text: args.include_text,
                complete: false,
            },
        },
    };

    let progress = progress_bar(args.no_progress, plan.all_text.then(|| plan.len()));
    let mut out = Output::new(args.format, sink);
    let mut failures = 0usize;
    let mut articles = plan.articles();
    loop {
        let chunk: Vec<stream::Item> = articles.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        let outcomes: Vec<Result<String, Failure>> = chunk
            .into_par_iter()
            .map(|item| {
                let r = item.and_then(|(name, article)| process(&analyzer, &name, &article, render));
                progress.inc(1);
                r
            })
            .collect();
        let written = progress.suspend(|| -> std::io::Result<()> {
            for outcome in outcomes {
                match outcome {
                    Ok(s) => out.article(&s)?,
                    Err(f) => {
                        failures += 1;
                        eprintln!("veracity: {}", f.message);
                        out.failure(f);
                    }
                }
            }
            out.flush()
        });
        if let Err(e) = written {
            progress.finish_and_clear();
            return write_error(&e, failures);
        }
    }
    progress.finish_and_clear();
    if let Err(e) = out.finish() {
        return write_error(&e, failures);
    }
    if failures > 0 { ExitCode::from(EXIT_INPUT_ERROR) } else { ExitCode::SUCCESS }
}

/// A closed pipe (`veracity ... | head`) ends the run quietly; any other write error is reported.
fn write_error(e: &std::io::Error, failures: usize) -> ExitCode {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return if failures > 0 { ExitCode::from(EXIT_INPUT_ERROR) } else { ExitCode::SUCCESS };
    }
    eprintln!("veracity: cannot write output: {}", strip_os_error(&e.to_string()));
    ExitCode::from(EXIT_INPUT_ERROR)
}

/// `auto`: colour only on a terminal (never into an `--output` file), unless `NO_COLOR` is set or
/// `TERM` is `dumb`.
fn use_color(choice: ColorChoice, to_file: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            !to_file
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
        }
    }
}

/// A bar on stderr for runs over more than one input, only when stderr is a terminal: with a
/// length when the number of articles is known, a counter for corpora.
pub(crate) fn progress_bar(hidden: bool, n: Option<usize>) -> ProgressBar {
    if hidden || n.is_some_and(|n| n < 2) || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    match n {
        Some(n) => {
            let bar = ProgressBar::new(n as u64);
            if let Ok(style) =
                ProgressStyle::with_template("{spinner} analysing [{bar:40}] {pos}/{len} {elapsed_precise} eta {eta}")
            {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        }
        None => {
            let bar = ProgressBar::new_spinner();
            if let Ok(style) =
                ProgressStyle::with_template("{spinner} analysing: {pos} articles, {per_sec}, {elapsed_precise}")
            {
                bar.set_style(style);
            }
            bar
        }
    }
}

/// Analyses and renders one article.
fn process(analyzer: &Analyzer, name: &str, article: &Article, render: Render) -> Result<String, Failure> {
    let name = name.to_owned();
    let analysis = analyzer.analyze(article).map_err(|e| Failure::from_core(&name, &e))?;
    match render {
        Render::Text(o) => Ok(text::render(&analysis, &name, o)),
        Render::Json { pretty, opts, cue_types } => {
            let mut doc = json::article(&analysis, &opts);
            doc.attributions.retain(|a| a.cue_type.parse().is_ok_and(|t| cue_types.contains(t)));
            let s = if pretty { serde_json::to_string_pretty(&doc) } else { serde_json::to_string(&doc) };
            s.map(|s| if pretty { json::indent(&s, 2) } else { s }).map_err(|e| Failure {
                kind: "other",
                message: format!("cannot write {name:?} as JSON: {e}"),
                name,
            })
        }
    }
}

/// Writes articles to the output (stdout or `--output`) as they come, in the chosen format.
struct Output {
    format: Format,
    stdout: args::Output,
    articles: usize,
    errors: Vec<json::ErrorJson>,
}

impl Output {
    fn new(format: Format, sink: args::Output) -> Self {
        Self { format, stdout: sink, articles: 0, errors: Vec::new() }
    }

    fn article(&mut self, rendered: &str) -> std::io::Result<()> {
        let w = &mut self.stdout;
        match self.format {
            Format::Text => {
                if self.articles > 0 {
                    writeln!(w)?;
                }
                write!(w, "{rendered}")?;
            }
            Format::Jsonl => writeln!(w, "{rendered}")?,
            Format::Json => {
                if self.articles == 0 {
                    write!(
                        w,
                        "{{\n  \"schema\": {:?},\n  \"veracity_version\": {:?},\n  \"articles\": [\n",
                        json::REPORT_SCHEMA,
                        env!("CARGO_PKG_VERSION")
                    )?;
                } else {
                    writeln!(w, ",")?;
                }
                write!(w, "{rendered}")?;
            }
        }
        self.articles += 1;
        Ok(())
    }

    fn failure(&mut self, f: Failure) {
        self.errors.push(json::ErrorJson { path: f.name, kind: f.kind, message: f.message });
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.stdout.flush()
    }

    /// Closes the JSON document (the other formats need nothing).
    fn finish(&mut self) -> std::io::Result<()> {
        if self.format == Format::Json {
            let w = &mut self.stdout;
            if self.articles == 0 {
                write!(
                    w,
                    "{{\n  \"schema\": {:?},\n  \"veracity_version\": {:?},\n  \"articles\": [],\n",
                    json::REPORT_SCHEMA,
                    env!("CARGO_PKG_VERSION")
                )?;
            } else {
                write!(w, "\n  ],\n")?;
            }
            let errors = serde_json::to_string_pretty(&self.errors).map_err(std::io::Error::other)?;
            writeln!(w, "  \"errors\": {}\n}}", json::indent(&errors, 1).trim_start())?;
        }
        self.stdout.flush()
    }
}

fn train_hedging(args: &eval::TrainHedgingArgs) -> ExitCode {
    let examples = match eval::load_conll2010(&args.path) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("veracity: {e}");
            return ExitCode::from(EXIT_INPUT_ERROR);
        }
    };
    let trained = match eval::train_hedging(&examples, args) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("veracity: {e}");
            return ExitCode::from(EXIT_INPUT_ERROR);
        }
    };
    if let Err(e) = std::fs::write(&args.out, eval::trained_toml(&trained, args)) {
        eprintln!("veracity: cannot write {}: {e}", args.out.display());
        return ExitCode::from(EXIT_INPUT_ERROR);
    }
    println!(
        "wrote {} learned weights to {} (leak {:.3}, certain {}); train precision {:.3}  recall {:.3}  F1 {:.3}",
        trained.weights.len(),
        args.out.display(),
        trained.leak,
        trained.certain,
        trained.train.precision,
        trained.train.recall,
        trained.train.f1
    );
    ExitCode::SUCCESS
}

fn eval_factuality(args: &eval::FactualityArgs) -> ExitCode {
    args.common.run.threads();
    let analyzer = match args.common.analyzer.build() {
        Ok(a) => a,
        Err(code) => return code,
    };
    let sentences = match eval::load_factuality(&args.path) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("veracity: {e}");
            return ExitCode::from(EXIT_INPUT_ERROR);
        }
    };
    let m = eval::eval_factuality(&analyzer, &sentences);
    let out = match args.format {
        eval::EvalFormat::Json => serde_json::to_string(&m).unwrap_or_default(),
        eval::EvalFormat::Text => {
            format!("factuality ({} events): pearson {:.3}  mae {:.3}", m.n, m.pearson, m.mae)
        }
    };
    args::write_line(&args.common.run, &out)
}

fn eval_hedging(args: &eval::HedgingArgs) -> ExitCode {
    args.common.run.threads();
    let analyzer = match args.common.analyzer.build() {
        Ok(a) => a,
        Err(code) => return code,
    };
    let examples = match eval::load_conll2010(&args.path) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("veracity: {e}");
            return ExitCode::from(EXIT_INPUT_ERROR);
        }
    };
    let show = args.errors;
    let m = eval::eval_hedging(&analyzer, &examples, args.split, |e, predicted, cues| {
        if show {
            let tag = if predicted { "FP" } else { "FN" };
            eprintln!("{tag}\t{}\t{}", e.text, cues.join("; "));
        }
    });
    let out = match args.format {
        eval::EvalFormat::Json => serde_json::to_string(&m).unwrap_or_default(),
        eval::EvalFormat::Text => format!(
            "hedging ({:?} split, {} sentences): precision {:.3}  recall {:.3}  F1 {:.3}  (tp {}, fp {}, fn {})",
            m.split, m.n, m.precision, m.recall, m.f1, m.tp, m.fp, m.fn_
        ),
    };
    args::write_line(&args.common.run, &out)
}

#[cfg(test)]
mod tests {
    /// clap's own consistency checks over every subcommand (duplicate flags, shorts, groups),
    /// so a flattened option group that clashes with a subcommand's own flag fails here.
    #[test]
    fn the_command_tree_is_consistent() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
