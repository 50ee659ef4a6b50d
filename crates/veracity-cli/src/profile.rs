//! `veracity profile`: source profiles of a corpus (outlets and sources), as a readable table,
//! one JSON document or CSV. The JSON and CSV fields are documented in `docs/cli.md`.

use std::io::Write;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde::Serialize;
use veracity::{Corpus, CorpusOptions, OutletProfile, Profiles, SourceProfile};

use crate::args::{CommonArgs, InputArgs};
use crate::stream;
use crate::{EXIT_INPUT_ERROR, progress_bar};

/// Output format of `veracity profile`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProfileFormat {
    /// Two readable tables: outlets, then sources.
    Text,
    /// One JSON document: `outlets`, `sources`, `articles`, `errors`.
    Json,
    /// One CSV table, a row per outlet then per source; the `type` column tells them apart.
    Csv,
}

#[derive(Debug, Args)]
pub struct ProfileArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = ProfileFormat::Text)]
    format: ProfileFormat,
    /// Text format: show at most N sources (most mentioned first; JSON and CSV list them all).
    #[arg(long, value_name = "N", default_value_t = 25)]
    top: usize,
    /// Do not compute corroboration across articles (saves about 200 bytes per claim).
    #[arg(long)]
    no_corroboration: bool,
    /// Count agreement between dependent outlets (outlets that copy each other) as
    /// corroboration too, as if they were independent.
    #[arg(long)]
    no_dependence: bool,
    /// Text format: show how every reliability was computed.
    #[arg(short, long)]
    explain: bool,
    /// Never show the progress bar.
    #[arg(long)]
    no_progress: bool,
    #[command(flatten)]
    common: CommonArgs,
}

pub fn run(args: &ProfileArgs) -> ExitCode {
    args.common.run.threads();
    let analyzer = match args.common.analyzer.build() {
        Ok(a) => a,
        Err(code) => return code,
    };
    let mut out = match args.common.run.output() {
        Ok(o) => o,
        Err(code) => return code,
    };
    let options = CorpusOptions::from_config(analyzer.config())
        .with_corroboration(!args.no_corroboration)
        .with_dependence(!args.no_dependence);
    let mut corpus = Corpus::with_options(options);
    let plan = args.input.plan();
    let progress = progress_bar(args.no_progress, plan.all_text.then(|| plan.len()));
    let mut errors: Vec<crate::json::ErrorJson> = Vec::new();
    stream::for_each_analysis(plan.articles(), &analyzer, &progress, |outcome| match outcome {
        Ok(a) => corpus.add(&a),
        Err(f) => {
            progress.suspend(|| eprintln!("veracity: {}", f.message));
            errors.push(crate::json::ErrorJson { path: f.name, kind: f.kind, message: f.message });
        }
    });
    progress.finish_and_clear();
    let profiles = corpus.profiles();
    let written = match args.format {
        ProfileFormat::Text => write_text(&mut out, &profiles, args.top, args.explain),
        ProfileFormat::Json => write_json(&mut out, &profiles, &errors),
        ProfileFormat::Csv => write_csv(&mut out, &profiles),
    }
    .and_then(|()| out.flush());
    if let Err(e) = written {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("veracity: cannot write output: {e}");
            return ExitCode::from(EXIT_INPUT_ERROR);
        }
    }
    if errors.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(EXIT_INPUT_ERROR) }
}

/// Schema name of the `veracity profile --format json` document.
pub const PROFILE_SCHEMA: &str = "veracity.profile/1";

#[derive(Serialize)]
struct ProfileDoc<'a> {
    schema: &'static str,
    veracity_version: &'static str,
    articles: u64,
    outlets: Vec<OutletJson<'a>>,
    sources: Vec<SourceJson<'a>>,
    dependence: Vec<DependenceJson<'a>>,
    errors: &'a [crate::json::ErrorJson],
}

/// A pair of outlets sharing near-copies of claims (`docs/scoring.md`, "Source dependence").
#[derive(Serialize)]
struct DependenceJson<'a> {
    outlets: [&'a str; 2],
    claims: [u64; 2],
    near_copies: u64,
    dependence: f64,
    dependent: bool,
}

#[derive(Serialize)]
struct OutletJson<'a> {
    name: &'a str,
    articles: u64,
    claims: u64,
    reliability: f64,
    grade: &'static str,
    attribution_rate: f64,
    named_rate: f64,
    anonymous_rate: f64,
    vague_rate: f64,
    hedge_rate: f64,
    weasel_rate: f64,
    specifics_rate: f64,
    corroboration_rate: f64,
    contradiction_rate: f64,
    explanation: crate::json::ExplanationJson<'a>,
}

impl<'a> OutletJson<'a> {
    fn new(o: &'a OutletProfile) -> Self {
        let r = crate::json::round;
        Self {
            name: &o.name,
            articles: o.articles,
            claims: o.claims,
            reliability: r(o.reliability),
            grade: o.grade.as_str(),
            attribution_rate: r(o.attribution_rate),
            named_rate: r(o.named_rate),
            anonymous_rate: r(o.anonymous_rate),
            vague_rate: r(o.vague_rate),
            hedge_rate: r(o.hedge_rate),
            weasel_rate: r(o.weasel_rate),
            specifics_rate: r(o.specifics_rate),
            corroboration_rate: r(o.corroboration_rate),
            contradiction_rate: r(o.contradiction_rate),
            explanation: crate::json::ExplanationJson::new(&o.explanation, false),
        }
    }
}

#[derive(Serialize)]
struct SourceJson<'a> {
    name: &'a str,
    kind: &'static str,
    mentions: u64,
    articles: u64,
    claims: u64,
    outlets: &'a [String],
    reliability: f64,
    grade: &'static str,
    article_reliability: f64,
    hedge_rate: f64,
    corroboration_rate: f64,
    contradiction_rate: f64,
    explanation: crate::json::ExplanationJson<'a>,
}

impl<'a> SourceJson<'a> {
    fn new(s: &'a SourceProfile) -> Self {
        let r = crate::json::round;
        Self {
            name: &s.name,
            kind: s.kind.as_str(),
            mentions: s.mentions,
            articles: s.articles,
            claims: s.claims,
            outlets: &s.outlets,
            reliability: r(s.reliability),
            grade: s.grade.as_str(),
            article_reliability: r(s.article_reliability),
            hedge_rate: r(s.hedge_rate),
            corroboration_rate: r(s.corroboration_rate),
            contradiction_rate: r(s.contradiction_rate),
            explanation: crate::json::ExplanationJson::new(&s.explanation, false),
        }
    }
}

fn write_json(out: &mut impl Write, p: &Profiles, errors: &[crate::json::ErrorJson]) -> std::io::Result<()> {
    let doc = ProfileDoc {
        schema: PROFILE_SCHEMA,
        veracity_version: env!("CARGO_PKG_VERSION"),
        articles: p.articles,
        outlets: p.outlets.iter().map(OutletJson::new).collect(),
        sources: p.sources.iter().map(SourceJson::new).collect(),
        dependence: p
            .dependence
            .iter()
            .map(|d| DependenceJson {
                outlets: [&d.outlets[0], &d.outlets[1]],
                claims: d.claims,
                near_copies: d.near_copies,
                dependence: crate::json::round(d.dependence),
                dependent: d.dependent,
            })
            .collect(),
        errors,
    };
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(std::io::Error::other)?;
    writeln!(out)
}

/// The CSV columns, in order (documented in docs/cli.md).
pub const CSV_COLUMNS: [&str; 19] = [
    "type",
    "name",
    "kind",
    "articles",
    "claims",
    "mentions",
    "reliability",
    "grade",
    "attribution_rate",
    "named_rate",
    "anonymous_rate",
    "vague_rate",
    "hedge_rate",
    "weasel_rate",
    "specifics_rate",
    "corroboration_rate",
    "contradiction_rate",
    "article_reliability",
    "outlets",
];

fn write_csv(out: &mut impl Write, p: &Profiles) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let f = |v: f64| format!("{}", crate::json::round(v));
    w.write_record(CSV_COLUMNS)?;
    for o in &p.outlets {
        w.write_record([
            "outlet".to_owned(),
            o.name.clone(),
            "news_outlet".to_owned(),
            o.articles.to_string(),
            o.claims.to_string(),
            String::new(),
            f(o.reliability),
            o.grade.as_str().to_owned(),
            f(o.attribution_rate),
            f(o.named_rate),
            f(o.anonymous_rate),
            f(o.vague_rate),
            f(o.hedge_rate),
            f(o.weasel_rate),
            f(o.specifics_rate),
            f(o.corroboration_rate),
            f(o.contradiction_rate),
            String::new(),
            String::new(),
        ])?;
    }
    for s in &p.sources {
        w.write_record([
            "source".to_owned(),
            s.name.clone(),
            s.kind.as_str().to_owned(),
            s.articles.to_string(),
            s.claims.to_string(),
            s.mentions.to_string(),
            f(s.reliability),
            s.grade.as_str().to_owned(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            f(s.hedge_rate),
            String::new(),
            String::new(),
            f(s.corroboration_rate),
            f(s.contradiction_rate),
            f(s.article_reliability),
            s.outlets.join("; "),
        ])?;
    }
    w.flush()
}

fn pct(v: f64) -> String {
    format!("{:.0}%", v * 100.0)
}

fn write_text(out: &mut impl Write, p: &Profiles, top: usize, explain: bool) -> std::io::Result<()> {
    writeln!(out, "Source profiles of {} article(s)", p.articles)?;
    writeln!(out)?;
    writeln!(out, "Outlets")?;
    writeln!(
        out,
        "  {:<28} {:>5} {:>6}  {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5}  {:>6} {:>5}",
        "name", "arts", "claims", "attr", "named", "anon", "vague", "hedge", "corr", "contr", "reliab", "grade"
    )?;
    for o in &p.outlets {
        writeln!(
            out,
            "  {:<28} {:>5} {:>6}  {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5}  {:>6.3} {:>5}",
            clip(&o.name, 28),
            o.articles,
            o.claims,
            pct(o.attribution_rate),
            pct(o.named_rate),
            pct(o.anonymous_rate),
            pct(o.vague_rate),
            pct(o.hedge_rate),
            pct(o.corroboration_rate),
            pct(o.contradiction_rate),
            o.reliability,
            o.grade.as_str(),
        )?;
        if explain {
            for line in o.explanation.to_string().lines() {
                writeln!(out, "      {line}")?;
            }
        }
    }
    let dependent: Vec<&veracity::OutletDependence> = p.dependence.iter().filter(|d| d.dependent).collect();
    if !dependent.is_empty() {
        writeln!(out)?;
        writeln!(out, "Dependent outlets (near-copies of claims; their agreement is not corroboration)")?;
        for d in dependent {
            writeln!(
                out,
                "  {} ~ {}: {} near-copies, dependence {:.3}",
                clip(&d.outlets[0], 28),
                clip(&d.outlets[1], 28),
                d.near_copies,
                d.dependence
            )?;
        }
    }
    writeln!(out)?;
    let shown = p.sources.len().min(top);
    writeln!(out, "Sources ({} of {}, most mentioned first)", shown, p.sources.len())?;
    writeln!(
        out,
        "  {:<36} {:<13} {:>5} {:>5} {:>6} {:>5} {:>5}  {:>6} {:>5}",
        "name", "kind", "ment", "arts", "claims", "hedge", "corr", "reliab", "grade"
    )?;
    for s in p.sources.iter().take(top) {
        writeln!(
            out,
            "  {:<36} {:<13} {:>5} {:>5} {:>6} {:>5} {:>5}  {:>6.3} {:>5}",
            clip(&s.name, 36),
            s.kind.as_str(),
            s.mentions,
            s.articles,
            s.claims,
            pct(s.hedge_rate),
            pct(s.corroboration_rate),
            s.reliability,
            s.grade.as_str(),
        )?;
        if explain {
            for line in s.explanation.to_string().lines() {
                writeln!(out, "      {line}")?;
            }
        }
    }
    Ok(())
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}
