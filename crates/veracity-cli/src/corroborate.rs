//! `veracity corroborate`: group claims about the same thing across articles and run truth
//! discovery over them (see docs/scoring.md, "Corroboration").

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde::Serialize;
use veracity::{Analyzer, Article, Corroboration, CorroborationOptions};

use crate::inputs::{Expanded, Input};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CorroborateFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct CorroborateArgs {
    /// Articles (plain UTF-8 text files); a directory stands for every *.txt file below it.
    #[arg(value_name = "FILE_OR_DIR", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = CorroborateFormat::Text)]
    pub format: CorroborateFormat,
    /// Two claims of different articles join a group at this weighted term overlap (0 to 1).
    #[arg(long, default_value_t = veracity::DEFAULT_MIN_SIMILARITY, value_name = "X")]
    pub min_similarity: f64,
}

#[derive(Debug, Serialize)]
struct Report<'a> {
    articles: Vec<String>,
    #[serde(flatten)]
    corroboration: &'a Corroboration,
}

pub fn run(args: &CorroborateArgs) -> ExitCode {
    let mut names = Vec::new();
    let mut articles = Vec::new();
    for arg in &args.inputs {
        match crate::inputs::expand(arg) {
            Expanded::Inputs(v) => {
                for input in v {
                    if let Input::File(path) = &input {
                        match Article::from_path(path) {
                            Ok(a) => {
                                names.push(input.display());
                                articles.push(a);
                            }
                            Err(e) => {
                                eprintln!("veracity: {e}");
                                return ExitCode::from(1);
                            }
                        }
                    }
                }
            }
            Expanded::Error(e) => {
                eprintln!("veracity: cannot read {:?}: {}", e.path.display().to_string(), e.message);
                return ExitCode::from(1);
            }
        }
    }
    let analyzer = Analyzer::default();
    let mut analyses = Vec::new();
    for (name, result) in names.iter().zip(analyzer.analyze_batch(&articles)) {
        match result {
            Ok(a) => analyses.push(a),
            Err(e) => {
                eprintln!("veracity: cannot analyse {name:?}: {e}");
                return ExitCode::from(1);
            }
        }
    }
    let options = CorroborationOptions::default().with_min_similarity(args.min_similarity);
    let c = veracity::corroborate(&analyses, &options);
    match args.format {
        CorroborateFormat::Json => {
            let report = Report { articles: names, corroboration: &c };
            println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
        }
        CorroborateFormat::Text => print!("{}", render(&c, &names)),
    }
    ExitCode::SUCCESS
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
