//! `veracity corroborate`: group claims about the same thing across articles and run truth
//! discovery over them (see docs/scoring.md, "Corroboration").

use std::io::Write;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use rayon::prelude::*;
use serde::Serialize;
use veracity::{Analysis, Corroboration, CorroborationOptions};

use crate::args::{CommonArgs, InputArgs};
use crate::stream::{self, Failure};
use crate::{CHUNK, EXIT_INPUT_ERROR, progress_bar};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CorroborateFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct CorroborateArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = CorroborateFormat::Text)]
    pub format: CorroborateFormat,
    /// Two claims of different articles join a group at this weighted term overlap (0 to 1).
    #[arg(long, default_value_t = veracity::DEFAULT_MIN_SIMILARITY, value_name = "X")]
    pub min_similarity: f64,
    /// Count outlets that copy each other (see `veracity profile`, "dependence") as independent
    /// sources when counting a claim's agreeing and contradicting sources.
    #[arg(long)]
    pub no_dependence: bool,
    /// Never show the progress bar.
    #[arg(long)]
    pub no_progress: bool,
    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(Debug, Serialize)]
struct Report<'a> {
    articles: Vec<String>,
    #[serde(flatten)]
    corroboration: &'a Corroboration,
    errors: &'a [crate::json::ErrorJson],
}

/// Corroboration compares claims across articles: fewer than this many is an error.
const MIN_ARTICLES: usize = 2;

pub fn run(args: &CorroborateArgs) -> ExitCode {
    if !(0.0..=1.0).contains(&args.min_similarity) {
        eprintln!("veracity: --min-similarity must be between 0 and 1, got {}", args.min_similarity);
        return ExitCode::from(crate::EXIT_USAGE);
    }
    args.common.run.threads();
    let analyzer = match args.common.analyzer.build() {
        Ok(a) => a,
        Err(code) => return code,
    };
    let plan = args.input.plan();
    let progress = progress_bar(args.no_progress, plan.all_text.then(|| plan.len()));
    let mut names = Vec::new();
    let mut analyses: Vec<Analysis> = Vec::new();
    let mut errors: Vec<crate::json::ErrorJson> = Vec::new();
    let mut articles = plan.articles();
    loop {
        let chunk: Vec<stream::Item> = articles.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        let outcomes: Vec<Result<(String, Analysis), Failure>> = chunk
            .into_par_iter()
            .map(|item| {
                let r = item.and_then(|(name, article)| match analyzer.analyze(&article) {
                    Ok(a) => Ok((name, a)),
                    Err(e) => Err(Failure::from_core(&name, &e)),
                });
                progress.inc(1);
                r
            })
            .collect();
        for outcome in outcomes {
            match outcome {
                Ok((name, a)) => {
                    names.push(name);
                    analyses.push(a);
                }
                Err(f) => {
                    progress.suspend(|| eprintln!("veracity: {}", f.message));
                    errors.push(crate::json::ErrorJson { path: f.name, kind: f.kind, message: f.message });
                }
            }
        }
    }
    progress.finish_and_clear();
    if analyses.len() < MIN_ARTICLES {
        eprintln!(
            "veracity: corroborate needs at least {MIN_ARTICLES} articles to compare, got {} (a JSON-lines or CSV corpus holds one article per record; see --input-format)",
            analyses.len()
        );
        return ExitCode::from(EXIT_INPUT_ERROR);
    }
    let options =
        CorroborationOptions::default().with_min_similarity(args.min_similarity).with_dependence(!args.no_dependence);
    let c = veracity::corroborate(&analyses, &options);
    let mut out = match args.common.run.output() {
        Ok(o) => o,
        Err(code) => return code,
    };
    let text = match args.format {
        CorroborateFormat::Json => {
            let report = Report { articles: names, corroboration: &c, errors: &errors };
            serde_json::to_string_pretty(&report).map(|s| s + "\n").map_err(std::io::Error::other)
        }
        CorroborateFormat::Text => Ok(render(&c, &names)),
    };
    if let Err(e) = text.and_then(|t| out.write_all(t.as_bytes())).and_then(|()| out.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("veracity: cannot write output: {e}");
            return ExitCode::from(EXIT_INPUT_ERROR);
        }
    }
    if errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(EXIT_INPUT_ERROR) }
}

fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    format!("{}...", cut.trim_end())
}

fn render(c: &Corroboration, names: &[String]) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let _ = writeln!(s, "{} groups of claims across {} articles", c.groups.len(), names.len());
    for (i, g) in c.groups.iter().enumerate() {
        let arts: Vec<&str> = g.articles.iter().map(|&a| names[a].as_str()).collect();
        let _ = writeln!(
            s,
            "\n[{}] {}\n    articles: {}\n    chosen: {} (confidence {:.2})",
            i + 1,
            g.label,
            arts.join(", "),
            g.value,
            g.confidence
        );
        for cl in &g.claims {
            let _ = writeln!(
                s,
                "    {} {} #{} ({}; {}): corroboration {:.2}, {} other article(s), {} agreeing / {} contradicting independent source(s); credibility {:.2} -> {:.2}, grade {} ({})\n        {}",
                if cl.agrees { "+" } else { "-" },
                names[cl.article],
                cl.claim,
                cl.source,
                cl.value,
                cl.corroboration,
                cl.corroborating_articles,
                cl.agreeing_sources,
                cl.contradicting_sources,
                cl.score,
                cl.adjusted_score,
                cl.credibility_grade,
                cl.credibility_grade.description(),
                short(&cl.text, 110)
            );
        }
    }
    if !c.sources.is_empty() {
        let _ = writeln!(s, "\nsources (trust from truth discovery):");
        for src in &c.sources {
            let _ = writeln!(
                s,
                "    {:<40} trust {:.2}  reliability {:.2} -> {:.2}  ({} claims in {} article(s))",
                short(&src.name, 40),
                src.trust,
                src.reliability,
                src.adjusted_reliability,
                src.claims,
                src.articles.len()
            );
        }
    }
    let _ = writeln!(s, "\ntruth discovery: {} iterations, converged: {}", c.iterations, c.converged);
    s
}
