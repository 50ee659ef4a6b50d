//! `veracity eval quotes`: quotes and their speakers, as a quote extractor is measured.
//!
//! Gold comes from a JSON-lines file (one article per line: `text` and `quotes`, each quote with
//! code-point offsets and a speaker name; see `docs/evaluation.md`, "Quotes") or from the speech
//! attributions of a PolNeAR split (cue a verb of speech or writing, or "according to"; content
//! the quote, source the speaker: PolNeAR gives no cue types, so a fixed list of word forms,
//! [`POLNEAR_SPEECH_CUES`], decides which of its attributions are quotes). The metrics:
//!
//! - A **predicted quote** is the content of the analyser's attributions sharing one cue (a
//!   quotation continued after `"...," he said. "..."` is one quote), with the original source of
//!   the first as its speaker. `--predicted speech` (the default) keeps the attributions whose
//!   `cue_type` is `speech` or `writing`; `all` keeps every attribution; `--cue-types` names the
//!   types to keep.
//! - A predicted and a gold quote **match** when each covers at least `--min-overlap` (default
//!   0.5) of the other's word tokens (maximal runs of letters and digits). Matching is one to one,
//!   the pairs sharing most words first.
//! - **Found** = matched gold quotes / gold quotes; **precision** = matched predictions /
//!   predictions; **F1** their harmonic mean; **speaker accuracy** = matched quotes whose
//!   predicted speaker is the gold one / matched quotes. Speakers agree when their names are equal
//!   after case folding and dropping punctuation and a leading article ("the", "a", "an"), when one is a single word
//!   equal to the other's last word ("Greenspan" and "Alan Greenspan"), or when the predicted
//!   source's mention overlaps the gold speaker's mention (PolNeAR gives mentions, "he").

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use veracity::{Analyzer, CueType};

use crate::eval::EvalFormat;
use crate::eval_attribution::covered;

#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// A JSON-lines file of articles with gold quotes (`text`, `quotes`: `start`, `end`,
    /// `speaker`; see docs/evaluation.md, "Quotes").
    #[arg(long = "quotes", value_name = "PATH", required_unless_present = "polnear", conflicts_with = "polnear")]
    pub path: Option<PathBuf>,
    /// A PolNeAR split directory (`text/`, `attributions/`): its speech attributions are the gold
    /// quotes, e.g. ../shared/eval/attribution/polnear/dev
    #[arg(long, value_name = "DIR")]
    pub polnear: Option<PathBuf>,
    /// A predicted and a gold quote match when each covers at least this share of the other's
    /// words (0 to 1).
    #[arg(long, default_value_t = 0.5, value_name = "X")]
    pub min_overlap: f64,
    /// Which attributions of the analyser are predicted quotes.
    #[arg(long, value_enum, default_value_t = Predicted::Speech)]
    pub predicted: Predicted,
    /// Keep the attributions of these cue types as predicted quotes, comma-separated (speech,
    /// writing, belief, stance, perception, reported); replaces --predicted.
    #[arg(long, value_name = "TYPES", value_delimiter = ',', value_parser = parse_cue_type, conflicts_with = "predicted")]
    pub cue_types: Option<Vec<CueType>>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
    pub format: EvalFormat,
    #[command(flatten)]
    pub common: crate::args::CommonArgs,
    /// Print every missed gold quote (FN), unmatched prediction (FP) and wrong speaker (SPEAKER)
    /// on stderr, one per line: `kind <TAB> id <TAB> start <TAB> quote <TAB> gold speaker <TAB>
    /// predicted speaker <TAB> predicted cue` (its type and the cue as written, `speech "said"`).
    #[arg(long)]
    pub errors: bool,
}

/// Which attributions are predicted quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Predicted {
    /// Cue type speech or writing.
    Speech,
    /// Every attribution.
    All,
}

impl Predicted {
    /// The cue types kept, `None` for all.
    #[must_use]
    pub fn cue_types(self) -> Option<&'static [CueType]> {
        match self {
            Predicted::Speech => Some(&QUOTE_CUE_TYPES),
            Predicted::All => None,
        }
    }
}

/// The cue types of `--predicted speech`. Measured on PolNeAR (see docs/evaluation.md,
/// "Quotes"): adding `reported` ("according to", "X reported") finds more of PolNeAR's quotes,
/// whose gold list counts "according to", but lowers precision on both splits.
pub const QUOTE_CUE_TYPES: [CueType; 2] = [CueType::Speech, CueType::Writing];

/// A cue type named on the command line.
fn parse_cue_type(s: &str) -> Result<CueType, String> {
    s.trim().parse::<CueType>().map_err(|e| e.to_string())
}

/// Word forms of the cues of speech and writing in PolNeAR's annotation: a gold attribution whose
/// cue holds one of them is a quote. The analyser's own attributions are chosen by their
/// `cue_type` instead; this list only defines the gold, and stays fixed so that figures compare
/// across versions.
pub const POLNEAR_SPEECH_CUES: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "add",
    "adds",
    "added",
    "adding",
    "ask",
    "asks",
    "asked",
    "asking",
    "state",
    "states",
    "stated",
    "explain",
    "explains",
    "explained",
    "note",
    "notes",
    "noted",
    "write",
    "writes",
    "wrote",
    "written",
    "announce",
    "announces",
    "announced",
    "report",
    "reports",
    "reported",
    "claim",
    "claims",
    "claimed",
    "insist",
    "insists",
    "insisted",
    "argue",
    "argues",
    "argued",
    "reply",
    "replies",
    "replied",
    "respond",
    "responds",
    "responded",
    "comment",
    "comments",
    "commented",
    "warn",
    "warns",
    "warned",
    "declare",
    "declares",
    "declared",
    "testify",
    "testifies",
    "testified",
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "admit",
    "admits",
    "admitted",
    "confirm",
    "confirms",
    "confirmed",
    "deny",
    "denies",
    "denied",
    "according",
    "tweet",
    "tweets",
    "tweeted",
    "post",
    "posted",
    "recall",
    "recalls",
    "recalled",
    "quoted",
    "quote",
    "quotes",
    "continue",
    "continued",
    "continues",
    "predict",
    "predicted",
    "predicts",
    "promise",
    "promised",
    "promises",
    "vow",
    "vowed",
    "vows",
    "urge",
    "urged",
    "urges",
    "suggest",
    "suggested",
    "suggests",
    "describe",
    "described",
    "describes",
    "call",
    "called",
    "calls",
    "remark",
    "remarked",
    "mention",
    "mentioned",
    "shout",
    "shouted",
    "yell",
    "yelled",
    "whisper",
    "whispered",
    "cry",
    "cried",
    "exclaim",
    "exclaimed",
    "boast",
    "boasted",
    "complain",
    "complained",
    "concede",
    "conceded",
    "contend",
    "contended",
    "maintain",
    "maintained",
    "observe",
    "observed",
    "point",
    "pointed",
    "emphasize",
    "emphasized",
    "emphasise",
    "emphasised",
    "stress",
    "stressed",
    "assert",
    "asserted",
    "allege",
    "alleged",
    "alleges",
    "charge",
    "charged",
    "joke",
    "joked",
    "muse",
    "mused",
    "recount",
    "recounted",
    "repeat",
    "repeated",
    "reiterate",
    "reiterated",
    "summarize",
    "summarized",
    "summarise",
    "summarised",
    "spoke",
    "speak",
    "speaks",
    "speaking",
    "told",
];

/// True when a PolNeAR cue holds a word form of speech or writing ([`POLNEAR_SPEECH_CUES`]).
pub fn is_speech_cue(cue: &str) -> bool {
    cue.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| POLNEAR_SPEECH_CUES.iter().any(|s| s.eq_ignore_ascii_case(w)))
}

/// One gold quote: code-point offsets, end exclusive.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct GoldQuote {
    /// Fragments of the quote (one for the JSON-lines format; PolNeAR content may have several).
    #[serde(skip)]
    pub fragments: Vec<(usize, usize)>,
    pub start: usize,
    pub end: usize,
    pub speaker: String,
    /// The speaker's mention in the text, when the data gives it.
    #[serde(default)]
    pub speaker_start: Option<usize>,
    #[serde(default)]
    pub speaker_end: Option<usize>,
    /// The quoted text, checked against the offsets when given.
    #[serde(default)]
    pub text: Option<String>,
}

/// One article with its gold quotes.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Record {
    #[serde(default)]
    pub id: Option<String>,
    pub text: String,
    pub quotes: Vec<GoldQuote>,
}

/// Reads the JSON-lines gold format.
///
/// # Errors
/// A message naming the file when it is missing, or the line of the first malformed record (bad
/// JSON, offsets outside the text or reversed, a `text` that is not the slice the offsets give, a
/// speaker mention with one offset only).
pub fn load(path: &Path) -> Result<Vec<Record>, String> {
    let data = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "cannot read {}: {} (evaluation data is not bundled; see docs/evaluation.md, \"Quotes\")",
            path.display(),
            crate::inputs::strip_os_error(&e.to_string())
        )
    })?;
    let mut out = Vec::new();
    for (i, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = |msg: String| format!("{}:{}: {msg}", path.display(), i + 1);
        let mut r: Record = serde_json::from_str(line).map_err(|e| at(format!("not a quotes record: {e}")))?;
        let chars: Vec<char> = r.text.chars().collect();
        for q in &mut r.quotes {
            if q.start >= q.end || q.end > chars.len() {
                return Err(at(format!(
                    "quote offsets {}..{} are not a span of the text ({} code points)",
                    q.start,
                    q.end,
                    chars.len()
                )));
            }
            if let Some(t) = &q.text {
                let slice: String = chars[q.start..q.end].iter().collect();
                if *t != slice {
                    return Err(at(format!("quote text {t:?} is not the text at {}..{} ({slice:?})", q.start, q.end)));
                }
            }
            match (q.speaker_start, q.speaker_end) {
                (Some(a), Some(b)) if a < b && b <= chars.len() => {}
                (None, None) => {}
                _ => {
                    return Err(at(String::from(
                        "speaker_start and speaker_end must both be given, as a span of the text",
                    )));
                }
            }
            q.fragments = vec![(q.start, q.end)];
        }
        if r.id.is_none() {
            r.id = Some(format!("line {}", i + 1));
        }
        out.push(r);
    }
    if out.is_empty() {
        return Err(format!("{}: no records", path.display()));
    }
    Ok(out)
}

/// Reads the speech attributions of a PolNeAR split as gold quotes: for each text, the annotation
/// of the annotator whose ID sorts first; an attribution with a speech cue, a content and a
/// source is a quote of that source.
///
/// # Errors
/// As [`crate::eval_attribution::load_polnear`] for a missing or malformed directory.
pub fn load_polnear_quotes(dir: &Path) -> Result<Vec<Record>, String> {
    let docs = crate::eval_attribution::load_polnear(dir)?;
    let mut out = Vec::with_capacity(docs.len());
    for d in docs {
        let path = dir.join("attributions").join(format!("{}_{}.ann", d.stem, d.annotator));
        let ann = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let chars: Vec<char> = d.text.chars().collect();
        out.push(Record { id: Some(d.stem.clone()), quotes: polnear_quotes(&ann, &chars), text: d.text });
    }
    Ok(out)
}

/// The speech attributions of one BRAT standoff annotation.
fn polnear_quotes(ann: &str, chars: &[char]) -> Vec<GoldQuote> {
    let records = crate::eval_attribution::records(ann);
    let mut spans: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
    for r in &records {
        let mut f = r.splitn(3, '\t');
        let (Some(id), Some(kind)) = (f.next(), f.next()) else { continue };
        if !id.starts_with('T') {
            continue;
        }
        let Some((_, offsets)) = kind.split_once(' ') else { continue };
        let frags: Vec<(usize, usize)> = offsets
            .split(';')
            .filter_map(|p| {
                let (a, b) = p.trim().split_once(' ')?;
                Some((a.parse().ok()?, b.parse().ok()?))
            })
            .filter(|&(a, b): &(usize, usize)| a < b && b <= chars.len())
            .collect();
        spans.insert(id, frags);
    }
    let slice = |frags: &[(usize, usize)]| -> String {
        frags.iter().map(|&(a, b)| chars[a..b].iter().collect::<String>()).collect::<Vec<_>>().join(" ")
    };
    let mut out = Vec::new();
    for r in &records {
        if !r.starts_with('E') {
            continue;
        }
        let Some(args) = r.split('\t').nth(1) else { continue };
        let mut role: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
        for a in args.split_whitespace() {
            let Some((name, id)) = a.split_once(':') else { continue };
            let name = name.trim_end_matches(|c: char| c.is_ascii_digit());
            if let Some(frags) = spans.get(id) {
                role.entry(name).or_default().extend(frags.iter().copied());
            }
        }
        let (Some(cue), Some(content), Some(source)) = (role.get("Cue"), role.get("Content"), role.get("Source"))
        else {
            continue;
        };
        if !is_speech_cue(&slice(cue)) || content.is_empty() || source.is_empty() {
            continue;
        }
        let mut fragments = content.clone();
        fragments.sort_unstable();
        let (start, end) = (fragments[0].0, fragments.iter().map(|f| f.1).max().unwrap_or(fragments[0].1));
        let (s0, s1) = (source.iter().map(|f| f.0).min().unwrap_or(0), source.iter().map(|f| f.1).max().unwrap_or(0));
        out.push(GoldQuote {
            fragments,
            start,
            end,
            speaker: slice(source),
            speaker_start: Some(s0),
            speaker_end: Some(s1),
            text: None,
        });
    }
    out
}

/// One predicted quote, in code points.
#[derive(Debug, Clone, PartialEq)]
pub struct PredictedQuote {
    pub fragments: Vec<(usize, usize)>,
    pub speaker: String,
    pub speaker_span: Option<(usize, usize)>,
    /// The cue as written and its type (`said`, `speech`), for the error lines.
    pub cue: String,
    pub cue_type: Option<CueType>,
}

/// The analyser's quotes of one text: its attributions of the cue types `types` (all when
/// `None`).
pub fn predict(analyzer: &Analyzer, text: &str, types: Option<&[CueType]>) -> Vec<PredictedQuote> {
    let Ok(a) = analyzer.analyze_text(text) else { return Vec::new() };
    let map = crate::eval_attribution::char_offsets(text);
    let mut by_cue: BTreeMap<(usize, usize), PredictedQuote> = BTreeMap::new();
    for att in a.attributions() {
        if types.is_some_and(|t| !t.contains(&att.cue_type)) {
            continue;
        }
        let content = (map[att.content.start], map[att.content.end]);
        let q = by_cue.entry((att.cue_span.start, att.cue_span.end)).or_insert_with(|| {
            let source = att.original_source();
            PredictedQuote {
                fragments: Vec::new(),
                speaker: source.map_or_else(String::new, |s| s.name.clone()),
                speaker_span: source.and_then(|s| s.span).map(|s| (map[s.start], map[s.end])),
                cue: att.cue.clone(),
                cue_type: Some(att.cue_type),
            }
        });
        q.fragments.push(content);
    }
    by_cue.into_values().collect()
}

/// A name for comparison: lower case, letters, digits and single spaces, no leading article ("the", "a", "an").
fn normalise(name: &str) -> String {
    let words: Vec<String> =
        name.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    let article = words.first().is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an"));
    let words = if article && words.len() > 1 { &words[1..] } else { &words[..] };
    words.join(" ")
}

/// True when the predicted speaker is the gold one (see the module docs).
pub fn same_speaker(gold: &GoldQuote, predicted: &PredictedQuote) -> bool {
    if let (Some(a), Some(b), Some((c, d))) = (gold.speaker_start, gold.speaker_end, predicted.speaker_span) {
        if a < d && c < b {
            return true;
        }
    }
    let (g, p) = (normalise(&gold.speaker), normalise(&predicted.speaker));
    if g.is_empty() || p.is_empty() {
        return false;
    }
    let last = |s: &str| s.rsplit(' ').next().unwrap_or("").to_owned();
    g == p || (!p.contains(' ') && last(&g) == p) || (!g.contains(' ') && last(&p) == g)
}

/// The figures.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report {
    pub task: &'static str,
    pub documents: usize,
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
    pub found: f64,
    pub precision: f64,
    pub f1: f64,
    pub speaker_right: usize,
    pub speaker_accuracy: f64,
    pub min_overlap: f64,
}

/// One error line for `--errors`.
#[derive(Debug, Clone, PartialEq)]
pub struct Miss {
    pub kind: &'static str,
    pub id: String,
    pub start: usize,
    pub quote: String,
    pub gold_speaker: String,
    pub predicted_speaker: String,
    /// The predicted quote's cue and its type (`speech "said"`), empty for a missed quote.
    pub predicted_cue: String,
}

#[allow(clippy::cast_precision_loss)]
fn share(n: usize, d: usize) -> f64 {
    if d == 0 { 0.0 } else { n as f64 / d as f64 }
}

/// `speech "said"`: a predicted quote's cue type and cue, for the error lines.
fn cue_label(p: &PredictedQuote) -> String {
    match p.cue_type {
        Some(t) => format!("{t} {:?}", p.cue),
        None => format!("{:?}", p.cue),
    }
}

/// Scores the predictions of every record (one list per record, in order).
pub fn score(records: &[Record], predictions: &[Vec<PredictedQuote>], min_overlap: f64) -> (Report, Vec<Miss>) {
    let (mut gold_n, mut pred_n, mut matched, mut right) = (0, 0, 0, 0);
    let mut misses = Vec::new();
    for (r, preds) in records.iter().zip(predictions) {
        let chars: Vec<char> = r.text.chars().collect();
        let toks = crate::eval_attribution::tokens(&chars);
        let gold: Vec<BTreeSet<usize>> =
            r.quotes.iter().map(|q| covered(&toks, std::slice::from_ref(&q.fragments))).collect();
        let pred: Vec<BTreeSet<usize>> =
            preds.iter().map(|p| covered(&toks, std::slice::from_ref(&p.fragments))).collect();
        gold_n += gold.len();
        pred_n += pred.len();
        #[allow(clippy::cast_precision_loss)]
        let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
        for (gi, g) in gold.iter().enumerate() {
            for (pi, p) in pred.iter().enumerate() {
                let shared = g.intersection(p).count();
                #[allow(clippy::cast_precision_loss)]
                let ok = shared > 0
                    && shared as f64 >= min_overlap * g.len() as f64
                    && shared as f64 >= min_overlap * p.len() as f64;
                if ok {
                    pairs.push((shared, gi, pi));
                }
            }
        }
        pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let (mut gold_used, mut pred_used) = (vec![false; gold.len()], vec![false; pred.len()]);
        let id = r.id.clone().unwrap_or_default();
        let quote_text = |frags: &[(usize, usize)]| -> String {
            frags.iter().map(|&(a, b)| chars[a..b].iter().collect::<String>()).collect::<Vec<_>>().join(" … ")
        };
        for (_, gi, pi) in pairs {
            if gold_used[gi] || pred_used[pi] {
                continue;
            }
            gold_used[gi] = true;
            pred_used[pi] = true;
            matched += 1;
            if same_speaker(&r.quotes[gi], &preds[pi]) {
                right += 1;
            } else {
                misses.push(Miss {
                    kind: "SPEAKER",
                    id: id.clone(),
                    start: r.quotes[gi].start,
                    quote: quote_text(&r.quotes[gi].fragments),
                    gold_speaker: r.quotes[gi].speaker.clone(),
                    predicted_speaker: preds[pi].speaker.clone(),
                    predicted_cue: cue_label(&preds[pi]),
                });
            }
        }
        for (gi, q) in r.quotes.iter().enumerate().filter(|(i, _)| !gold_used[*i]) {
            let _ = gi;
            misses.push(Miss {
                kind: "FN",
                id: id.clone(),
                start: q.start,
                quote: quote_text(&q.fragments),
                gold_speaker: q.speaker.clone(),
                predicted_speaker: String::new(),
                predicted_cue: String::new(),
            });
        }
        for (pi, p) in preds.iter().enumerate().filter(|(i, _)| !pred_used[*i]) {
            let _ = pi;
            misses.push(Miss {
                kind: "FP",
                id: id.clone(),
                start: p.fragments.first().map_or(0, |f| f.0),
                quote: quote_text(&p.fragments),
                gold_speaker: String::new(),
                predicted_speaker: p.speaker.clone(),
                predicted_cue: cue_label(p),
            });
        }
    }
    let found = share(matched, gold_n);
    let precision = share(matched, pred_n);
    let f1 = if found + precision > 0.0 { 2.0 * found * precision / (found + precision) } else { 0.0 };
    let report = Report {
        task: "quotes",
        documents: records.len(),
        gold: gold_n,
        predicted: pred_n,
        matched,
        found,
        precision,
        f1,
        speaker_right: right,
        speaker_accuracy: share(right, matched),
        min_overlap,
    };
    (report, misses)
}

pub fn run(args: &QuotesArgs) -> ExitCode {
    if !(0.0..=1.0).contains(&args.min_overlap) || args.min_overlap == 0.0 {
        eprintln!("veracity: --min-overlap must be above 0 and at most 1, got {}", args.min_overlap);
        return ExitCode::from(crate::EXIT_USAGE);
    }
    args.common.run.threads();
    let analyzer = match args.common.analyzer.build() {
        Ok(a) => a,
        Err(code) => return code,
    };
    let loaded = match (&args.path, &args.polnear) {
        (Some(p), _) => load(p),
        (None, Some(d)) => load_polnear_quotes(d),
        (None, None) => Err(String::from("give --quotes PATH or --polnear DIR")),
    };
    let records = match loaded {
        Ok(r) => r,
        Err(e) => {
            eprintln!("veracity: {e}");
            return ExitCode::from(crate::EXIT_INPUT_ERROR);
        }
    };
    let types = args.cue_types.as_deref().or_else(|| args.predicted.cue_types());
    let predictions: Vec<Vec<PredictedQuote>> =
        records.par_iter().map(|r| predict(&analyzer, &r.text, types)).collect();
    let (r, misses) = score(&records, &predictions, args.min_overlap);
    if args.errors {
        for m in &misses {
            let flat = |s: &str| s.replace(['\n', '\t'], " ");
            eprintln!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                m.kind,
                m.id,
                m.start,
                flat(&m.quote),
                flat(&m.gold_speaker),
                flat(&m.predicted_speaker),
                flat(&m.predicted_cue)
            );
        }
    }
    let out = match args.format {
        EvalFormat::Json => serde_json::to_string(&r).unwrap_or_default(),
        EvalFormat::Text => format!(
            "quotes ({} documents, {} gold, {} predicted, overlap >= {}): found {:.3}  precision {:.3}  F1 {:.3}  speaker accuracy {:.3} ({} of {})",
            r.documents,
            r.gold,
            r.predicted,
            r.min_overlap,
            r.found,
            r.precision,
            r.f1,
            r.speaker_accuracy,
            r.speaker_right,
            r.matched
        ),
    };
    crate::args::write_line(&args.common.run, &out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(text: &str, quote: &str, speaker: &str) -> GoldQuote {
        let byte = text.find(quote).expect("quote in text");
        let start = text[..byte].chars().count();
        GoldQuote {
            fragments: vec![(start, start + quote.chars().count())],
            start,
            end: start + quote.chars().count(),
            speaker: speaker.to_owned(),
            speaker_start: None,
            speaker_end: None,
            text: None,
        }
    }

    fn pred(text: &str, quote: &str, speaker: &str) -> PredictedQuote {
        let g = gold(text, quote, speaker);
        PredictedQuote {
            fragments: g.fragments,
            speaker: speaker.to_owned(),
            speaker_span: None,
            cue: String::new(),
            cue_type: None,
        }
    }

    #[test]
    fn speech_cues() {
        for (cue, want) in [
            ("said", true),
            ("told", true),
            ("according to", true),
            ("has written", true),
            ("believes", false),
            ("knew", false),
            ("warning", false),
            ("has focused on", false),
            (":", false),
            ("address", false),
        ] {
            assert_eq!(is_speech_cue(cue), want, "{cue}");
        }
    }

    #[test]
    fn speakers() {
        let g = |s: &str| GoldQuote {
            fragments: vec![],
            start: 0,
            end: 1,
            speaker: s.to_owned(),
            speaker_start: None,
            speaker_end: None,
            text: None,
        };
        let p = |s: &str| PredictedQuote {
            fragments: vec![],
            speaker: s.to_owned(),
            speaker_span: None,
            cue: String::new(),
            cue_type: None,
        };
        for (gold_name, predicted, want) in [
            ("Alan Greenspan", "Greenspan", true),
            ("Greenspan", "Alan Greenspan", true),
            ("The Riverton Ledger", "Riverton Ledger", true),
            ("a former port commissioner", "former port commissioner", true),
            ("a former port commissioner", "the former commissioner", false),
            ("Alan Greenspan", "Mary Greenspan", false),
            ("Alan Greenspan", "Not", false),
            ("Alan Greenspan", "", false),
        ] {
            assert_eq!(same_speaker(&g(gold_name), &p(predicted)), want, "{gold_name} / {predicted}");
        }
        let mut with_mention = g("he");
        (with_mention.speaker_start, with_mention.speaker_end) = (Some(10), Some(12));
        let mention = PredictedQuote {
            fragments: vec![],
            speaker: "Alan Greenspan".into(),
            speaker_span: Some((10, 12)),
            cue: String::new(),
            cue_type: None,
        };
        assert!(same_speaker(&with_mention, &mention));
    }

    /// Hand-counted: two gold quotes, three predictions; one matched with the right speaker,
    /// one matched with the wrong speaker, one prediction that is no quote, one gold missed.
    #[test]
    fn figures_counted_by_hand() {
        let text = "\"The bridge will open in May,\" Ana Ruiz said. Critics warned of delays. \
                    Tom Lee said the budget is fine. The council knew the risks.";
        let r = Record {
            id: Some("t".into()),
            text: text.into(),
            quotes: vec![
                gold(text, "The bridge will open in May", "Ana Ruiz"),
                gold(text, "the budget is fine", "Tom Lee"),
                gold(text, "of delays", "Critics"),
            ],
        };
        let preds = vec![
            pred(text, "The bridge will open in May,", "Ruiz"),
            pred(text, "the budget is fine", "Ana Ruiz"),
            pred(text, "the risks", "The council"),
        ];
        let (rep, misses) = score(&[r], &[preds], 0.5);
        assert_eq!((rep.gold, rep.predicted, rep.matched, rep.speaker_right), (3, 3, 2, 1));
        assert!((rep.found - 2.0 / 3.0).abs() < 1e-12 && (rep.precision - 2.0 / 3.0).abs() < 1e-12);
        assert!((rep.speaker_accuracy - 0.5).abs() < 1e-12);
        let kinds: Vec<&str> = misses.iter().map(|m| m.kind).collect();
        assert_eq!(kinds, ["SPEAKER", "FN", "FP"]);
    }

    #[test]
    fn a_prediction_covering_two_quotes_matches_at_most_one() {
        let text = "Ana Ruiz said the bridge opens in May and the tunnel opens in June.";
        let r = Record {
            id: None,
            text: text.into(),
            quotes: vec![
                gold(text, "the bridge opens in May", "Ana Ruiz"),
                gold(text, "the tunnel opens in June", "Ana Ruiz"),
            ],
        };
        let preds = vec![pred(text, "the bridge opens in May and the tunnel opens in June", "Ana Ruiz")];
        // Each gold quote holds 5 of the prediction's 11 words: under half, no match.
        let (rep, _) = score(std::slice::from_ref(&r), std::slice::from_ref(&preds), 0.5);
        assert_eq!(rep.matched, 0);
        // At 0.4 the prediction matches one of them only.
        let (rep, _) = score(&[r], &[preds], 0.4);
        assert_eq!(rep.matched, 1);
    }

    #[test]
    fn brat_speech_attributions() {
        let text = "Ana Ruiz said the bridge opens. Tom Lee believes it will rain.";
        let chars: Vec<char> = text.chars().collect();
        let ann = "T1\tSource 0 8\tAna Ruiz\nT2\tCue 9 13\tsaid\nT3\tContent 14 30\tthe bridge opens\n\
                   E1\tAttribution:T2 Cue:T2 Source:T1 Content:T3\n\
                   T4\tSource 32 39\tTom Lee\nT5\tCue 40 48\tbelieves\nT6\tContent 49 61\tit will rain\n\
                   E2\tAttribution:T5 Cue:T5 Source:T4 Content:T6\n";
        let q = polnear_quotes(ann, &chars);
        assert_eq!(q.len(), 1);
        assert_eq!((q[0].start, q[0].end, q[0].speaker.as_str()), (14, 30, "Ana Ruiz"));
        assert_eq!((q[0].speaker_start, q[0].speaker_end), (Some(0), Some(8)));
    }
}
