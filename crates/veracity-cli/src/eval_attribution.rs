//! `veracity eval attribution --polnear DIR`: source, cue and content spans against PolNeAR.
//!
//! DIR holds `text/<stem>.txt` and `attributions/<stem>_<annotator>.ann` (BRAT standoff; offsets
//! in Unicode code points, end exclusive; discontinuous spans `a b;c d`). The metrics are defined
//! in `docs/evaluation.md` ("Attribution: PolNeAR"); in short:
//!
//! - **Policy for texts with several annotators**: each text is scored once, against the
//!   annotation file whose annotator ID sorts first (deterministic; the other files are ignored).
//! - **Gold spans** of a role are the distinct entities an event (`E` line) uses in that role
//!   (`Content2` counts as content). `Discuss`/`Discard` flags and annotator notes are ignored.
//! - **Exact**: per document and role, the set of distinct spans, each fragment trimmed of white
//!   space and punctuation (every non-alphanumeric character) at both edges (a span of
//!   punctuation only, the cue ":", keeps its punctuation). A discontinuous span matches only a
//!   span with the same trimmed fragments; the prediction's content for one cue is the list of
//!   the contents of every attribution with that cue span (a quotation continued after
//!   `"...," he said. "..."`). TP = spans in both sets; micro-averaged over documents.
//! - **Overlap**: per document and role, the word tokens (maximal runs of alphanumeric
//!   characters; punctuation is not a token) covered by any predicted span and by any gold span (discontinuous gold spans
//!   cover only the tokens of their fragments). Precision = shared tokens / predicted tokens,
//!   recall = shared tokens / gold tokens, micro-averaged (summed over documents).
//! - **Predictions**: every attribution of the analyser gives its cue span, its content span and
//!   the span of its original (innermost) source; links inherited from an outer attribution or a
//!   recipient outlet are not predictions of this attribution's source.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use clap::Args;
use rayon::prelude::*;
use serde::Serialize;
use veracity::Analyzer;

use crate::eval::EvalFormat;

#[derive(Debug, Args)]
pub struct AttributionArgs {
    /// A PolNeAR split directory holding `text/` and `attributions/`, e.g.
    /// ../shared/eval/attribution/polnear/dev
    #[arg(long = "polnear", value_name = "DIR")]
    pub dir: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
    pub format: EvalFormat,
    #[command(flatten)]
    pub common: crate::args::CommonArgs,
    /// Print the exact-match errors on stderr, one per line:
    /// `FP|FN <TAB> role <TAB> <stem>_<annotator> <TAB> start <TAB> span text <TAB> context`.
    #[arg(long)]
    pub errors: bool,
}

/// The three span roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    Source,
    Cue,
    Content,
}

impl Role {
    const ALL: [Role; 3] = [Role::Source, Role::Cue, Role::Content];
    fn as_str(self) -> &'static str {
        match self {
            Role::Source => "source",
            Role::Cue => "cue",
            Role::Content => "content",
        }
    }
}

/// A span in code points: one or more fragments `(start, end)`, end exclusive, in text order.
pub type Fragments = Vec<(usize, usize)>;

/// One document: its text and the gold spans of each role.
#[derive(Debug, Clone)]
pub struct Document {
    pub stem: String,
    pub annotator: String,
    pub text: String,
    pub gold: BTreeMap<Role, Vec<Fragments>>,
}

fn missing(path: &Path, what: &str) -> String {
    format!(
        "cannot read {what} {:?} (the evaluation data is not bundled; see docs/evaluation.md): expected a PolNeAR split directory holding text/ and attributions/",
        path.display().to_string()
    )
}

/// Loads a split directory: one document per text, with the annotation of the annotator whose ID
/// sorts first.
pub fn load_polnear(dir: &Path) -> Result<Vec<Document>, String> {
    let text_dir = dir.join("text");
    let ann_dir = dir.join("attributions");
    if !text_dir.is_dir() {
        return Err(missing(&text_dir, "directory"));
    }
    let entries = std::fs::read_dir(&ann_dir).map_err(|e| format!("{}: {e}", missing(&ann_dir, "directory")))?;
    // stem -> annotators, sorted.
    let mut by_stem: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for e in entries {
        let e = e.map_err(|e| format!("{}: {e}", ann_dir.display()))?;
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(base) = name.strip_suffix(".ann") else { continue };
        let Some((stem, annotator)) = base.rsplit_once('_') else {
            return Err(format!(
                "{}: annotation file name is not <stem>_<annotator>.ann",
                ann_dir.join(&name).display()
            ));
        };
        by_stem.entry(stem.to_owned()).or_default().insert(annotator.to_owned());
    }
    if by_stem.is_empty() {
        return Err(format!("{}: no .ann files", ann_dir.display()));
    }
    let mut docs = Vec::with_capacity(by_stem.len());
    for (stem, annotators) in by_stem {
        let annotator = annotators.into_iter().next().unwrap_or_default();
        let text_path = text_dir.join(format!("{stem}.txt"));
        let text =
            std::fs::read_to_string(&text_path).map_err(|e| format!("{}: {e}", missing(&text_path, "text file")))?;
        let ann_path = ann_dir.join(format!("{stem}_{annotator}.ann"));
        let ann = std::fs::read_to_string(&ann_path).map_err(|e| format!("{}: {e}", ann_path.display()))?;
        let gold = parse_ann(&ann, &text).map_err(|e| format!("{}: {e}", ann_path.display()))?;
        docs.push(Document { stem, annotator, text, gold });
    }
    Ok(docs)
}

/// Splits a .ann file into records: a record starts at a line beginning with `T<n>\t`, `E<n>\t` or
/// `#<n>\t` (a T record's text may hold newlines).
pub fn records(ann: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = ann.as_bytes();
    let is_id_start = |i: usize| {
        let rest = &ann[i..];
        let mut chars = rest.chars();
        matches!(chars.next(), Some('T' | 'E' | '#')) && {
            let digits: String = chars.clone().take_while(char::is_ascii_digit).collect();
            !digits.is_empty() && rest[1 + digits.len()..].starts_with('\t')
        }
    };
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' && i + 1 < bytes.len() && is_id_start(i + 1) {
            out.push(&ann[start..i]);
            start = i + 1;
        }
    }
    out.push(&ann[start..]);
    out.into_iter().filter(|r| !r.trim().is_empty()).collect()
}

/// Parses the T and E records of one .ann file into gold spans per role.
pub fn parse_ann(ann: &str, text: &str) -> Result<BTreeMap<Role, Vec<Fragments>>, String> {
    let n_chars = text.chars().count();
    let mut entities: BTreeMap<&str, Fragments> = BTreeMap::new();
    let mut events: Vec<&str> = Vec::new();
    for rec in records(ann) {
        let mut fields = rec.splitn(3, '\t');
        let id = fields.next().unwrap_or("");
        let body = fields.next().unwrap_or("");
        if id.starts_with('T') {
            let (_ty, offsets) = body.split_once(' ').ok_or_else(|| format!("entity {id}: no offsets in {body:?}"))?;
            let mut frags = Vec::new();
            for f in offsets.split(';') {
                let (a, b) = f.trim().split_once(' ').ok_or_else(|| format!("entity {id}: bad fragment {f:?}"))?;
                let a: usize = a.parse().map_err(|_| format!("entity {id}: bad offset {a:?}"))?;
                let b: usize = b.parse().map_err(|_| format!("entity {id}: bad offset {b:?}"))?;
                if a > b || b > n_chars {
                    return Err(format!("entity {id}: span {a}..{b} is outside the text ({n_chars} characters)"));
                }
                frags.push((a, b));
            }
            frags.sort_unstable();
            entities.insert(id, frags);
        } else if id.starts_with('E') {
            events.push(body);
        }
    }
    let mut gold: BTreeMap<Role, BTreeSet<Fragments>> = Role::ALL.iter().map(|r| (*r, BTreeSet::new())).collect();
    for body in events {
        // The first item is the trigger; the others are Role:T-id, read by name.
        for item in body.split_whitespace().skip(1) {
            let Some((role, t)) = item.split_once(':') else { continue };
            let role = match role {
                "Source" => Role::Source,
                "Cue" => Role::Cue,
                "Content" | "Content2" => Role::Content,
                _ => continue,
            };
            let frags = entities.get(t).ok_or_else(|| format!("event refers to unknown entity {t}"))?;
            gold.get_mut(&role).map(|s| s.insert(frags.clone()));
        }
    }
    Ok(gold.into_iter().map(|(r, s)| (r, s.into_iter().collect())).collect())
}

/// Byte offset -> code-point offset for every char boundary of `text`.
/// The code-point offset of every byte offset of `text` (and of its end).
pub fn char_offsets(text: &str) -> Vec<usize> {
    let mut map = vec![0; text.len() + 1];
    let mut n = 0;
    for (i, c) in text.char_indices() {
        for k in 0..c.len_utf8() {
            map[i + k] = n;
        }
        n += 1;
    }
    map[text.len()] = n;
    map
}

/// The analyser's spans per role, in code points.
pub fn predict(analyzer: &Analyzer, text: &str) -> BTreeMap<Role, Vec<Fragments>> {
    let mut out: BTreeMap<Role, BTreeSet<Fragments>> = Role::ALL.iter().map(|r| (*r, BTreeSet::new())).collect();
    if let Ok(a) = analyzer.analyze_text(text) {
        let map = char_offsets(text);
        let conv = |s: veracity::Span| vec![(map[s.start], map[s.end])];
        // Contents sharing one cue (a quotation continued after "...," he said. "...") form one
        // discontinuous content, as PolNeAR annotates them.
        let mut contents: BTreeMap<(usize, usize), BTreeSet<(usize, usize)>> = BTreeMap::new();
        for att in a.attributions() {
            out.get_mut(&Role::Cue).map(|s| s.insert(conv(att.cue_span)));
            let c = conv(att.content)[0];
            contents.entry((att.cue_span.start, att.cue_span.end)).or_default().insert(c);
            if let Some(span) = att.original_source().and_then(|s| s.span) {
                out.get_mut(&Role::Source).map(|s| s.insert(conv(span)));
            }
        }
        // Attributions with no source of their own (PolNeAR's "Attribution-no-source"): cue
        // and content only.
        for att in analyzer.unsourced_attributions(&a) {
            out.get_mut(&Role::Cue).map(|s| s.insert(conv(att.cue_span)));
            contents.entry((att.cue_span.start, att.cue_span.end)).or_default().insert(conv(att.content)[0]);
        }
        for frags in contents.into_values() {
            out.get_mut(&Role::Content).map(|s| s.insert(frags.into_iter().collect()));
        }
    }
    out.into_iter().map(|(r, s)| (r, s.into_iter().collect())).collect()
}

/// A span for exact matching: each fragment trimmed, fragments that trim to nothing dropped.
fn trimmed(chars: &[char], frags: &Fragments) -> Option<Fragments> {
    let out: Fragments = frags.iter().filter_map(|f| trim_fragment(chars, *f)).collect();
    (!out.is_empty()).then_some(out)
}

/// A fragment trimmed of non-alphanumeric characters at both edges; `None` if nothing is left.
fn trim_fragment(chars: &[char], (start, end): (usize, usize)) -> Option<(usize, usize)> {
    let mut a = start;
    let mut b = end;
    while a < b && !chars[a].is_alphanumeric() {
        a += 1;
    }
    while b > a && !chars[b - 1].is_alphanumeric() {
        b -= 1;
    }
    if a == b {
        // A span of punctuation only (the cue ":"): trim white space only.
        a = start;
        b = end;
        while a < b && chars[a].is_whitespace() {
            a += 1;
        }
        while b > a && chars[b - 1].is_whitespace() {
            b -= 1;
        }
    }
    (a < b).then_some((a, b))
}

/// Word tokens: maximal runs of alphanumeric characters, as (start, end) in code points.
/// Punctuation is not a token, in line with the exact metric's trimming (so a punctuation-only
/// cue such as ":" counts in the exact metric only).
pub fn tokens(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in chars.iter().enumerate() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, i));
        }
    }
    if let Some(s) = start {
        out.push((s, chars.len()));
    }
    out
}

/// Indices of the tokens sharing a character with any fragment of any span.
pub fn covered(toks: &[(usize, usize)], spans: &[Fragments]) -> BTreeSet<usize> {
    let mut out = BTreeSet::new();
    for frags in spans {
        for &(a, b) in frags {
            let first = toks.partition_point(|t| t.1 <= a);
            for (k, t) in toks.iter().enumerate().skip(first) {
                if t.0 >= b {
                    break;
                }
                out.insert(k);
            }
        }
    }
    out
}

/// Counts for one role: exact (tp, predicted, gold) and overlap (shared, predicted, gold tokens).
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub exact_tp: usize,
    pub exact_pred: usize,
    pub exact_gold: usize,
    pub tok_shared: usize,
    pub tok_pred: usize,
    pub tok_gold: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Self) {
        self.exact_tp += o.exact_tp;
        self.exact_pred += o.exact_pred;
        self.exact_gold += o.exact_gold;
        self.tok_shared += o.tok_shared;
        self.tok_pred += o.tok_pred;
        self.tok_gold += o.tok_gold;
    }
}

/// An exact-match error, for `--errors`.
#[derive(Debug, Clone)]
pub struct SpanError {
    pub false_positive: bool,
    pub role: Role,
    pub start: usize,
    pub text: String,
}

/// Scores one document's predictions against its gold spans.
pub fn score_document(
    text: &str,
    gold: &BTreeMap<Role, Vec<Fragments>>,
    pred: &BTreeMap<Role, Vec<Fragments>>,
) -> (BTreeMap<Role, Counts>, Vec<SpanError>) {
    let chars: Vec<char> = text.chars().collect();
    let toks = tokens(&chars);
    let mut out = BTreeMap::new();
    let mut errors = Vec::new();
    let empty = Vec::new();
    for role in Role::ALL {
        let g = gold.get(&role).unwrap_or(&empty);
        let p = pred.get(&role).unwrap_or(&empty);
        let gs: BTreeSet<Fragments> = g.iter().filter_map(|f| trimmed(&chars, f)).collect();
        let ps: BTreeSet<Fragments> = p.iter().filter_map(|f| trimmed(&chars, f)).collect();
        let slice = |f: &Fragments| {
            f.iter().map(|&(a, b)| chars[a..b].iter().collect::<String>()).collect::<Vec<_>>().join(" … ")
        };
        for s in ps.difference(&gs) {
            errors.push(SpanError { false_positive: true, role, start: s[0].0, text: slice(s) });
        }
        for s in gs.difference(&ps) {
            errors.push(SpanError { false_positive: false, role, start: s[0].0, text: slice(s) });
        }
        let gt = covered(&toks, g);
        let pt = covered(&toks, p);
        out.insert(
            role,
            Counts {
                exact_tp: gs.intersection(&ps).count(),
                exact_pred: ps.len(),
                exact_gold: gs.len(),
                tok_shared: gt.intersection(&pt).count(),
                tok_pred: pt.len(),
                tok_gold: gt.len(),
            },
        );
    }
    errors.sort_by_key(|e| (e.start, e.role, e.false_positive));
    (out, errors)
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

#[allow(clippy::cast_precision_loss)]
fn prf(tp: usize, pred: usize, gold: usize) -> Prf {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let precision = ratio(tp, pred);
    let recall = ratio(tp, gold);
    let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
    Prf { precision, recall, f1 }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RoleScores {
    pub source: Prf,
    pub cue: Prf,
    pub content: Prf,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AttributionMetrics {
    pub task: &'static str,
    pub documents: usize,
    pub exact: RoleScores,
    pub overlap: RoleScores,
}

/// Runs the analyser on every document and scores it. `on_errors` receives each document's
/// exact-match errors.
pub fn eval_attribution(
    analyzer: &Analyzer,
    docs: &[Document],
    mut on_errors: impl FnMut(&Document, &[SpanError]),
) -> AttributionMetrics {
    let results: Vec<(BTreeMap<Role, Counts>, Vec<SpanError>)> =
        docs.par_iter().map(|d| score_document(&d.text, &d.gold, &predict(analyzer, &d.text))).collect();
    let mut total: BTreeMap<Role, Counts> = BTreeMap::new();
    for (d, (counts, errors)) in docs.iter().zip(&results) {
        for (r, c) in counts {
            *total.entry(*r).or_default() += *c;
        }
        on_errors(d, errors);
    }
    let get = |r: Role| total.get(&r).copied().unwrap_or_default();
    let exact = |r: Role| {
        let c = get(r);
        prf(c.exact_tp, c.exact_pred, c.exact_gold)
    };
    let overlap = |r: Role| {
        let c = get(r);
        prf(c.tok_shared, c.tok_pred, c.tok_gold)
    };
    AttributionMetrics {
        task: "attribution",
        documents: docs.len(),
        exact: RoleScores { source: exact(Role::Source), cue: exact(Role::Cue), content: exact(Role::Content) },
        overlap: RoleScores { source: overlap(Role::Source), cue: overlap(Role::Cue), content: overlap(Role::Content) },
    }
}

/// The sentence-ish context around a code-point offset, for error listings.
fn context(text: &str, start: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let a = start.saturating_sub(80);
    let b = (start + 120).min(chars.len());
    chars[a..b].iter().collect::<String>().replace('\n', " ")
}

/// `veracity eval attribution`.
pub fn run(args: &AttributionArgs) -> std::process::ExitCode {
    args.common.run.threads();
    let analyzer = match args.common.analyzer.build() {
        Ok(a) => a,
        Err(code) => return code,
    };
    let docs = match load_polnear(&args.dir) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("veracity: {e}");
            return std::process::ExitCode::from(crate::EXIT_INPUT_ERROR);
        }
    };
    let show = args.errors;
    let m = eval_attribution(&analyzer, &docs, |d, errors| {
        if show {
            for e in errors {
                let tag = if e.false_positive { "FP" } else { "FN" };
                eprintln!(
                    "{tag}\t{}\t{}_{}\t{}\t{}\t{}",
                    e.role.as_str(),
                    d.stem,
                    d.annotator,
                    e.start,
                    e.text.replace('\n', " "),
                    context(&d.text, e.start)
                );
            }
        }
    });
    let out = match args.format {
        EvalFormat::Json => serde_json::to_string(&m).unwrap_or_default(),
        EvalFormat::Text => {
            let mut s = format!("attribution ({} documents)\n", m.documents);
            s.push_str("           precision  recall  F1\n");
            for (kind, scores) in [("exact", &m.exact), ("overlap", &m.overlap)] {
                for (role, p) in [("source", scores.source), ("cue", scores.cue), ("content", scores.content)] {
                    s.push_str(&format!("{kind:<7} {role:<8} {:.3}   {:.3}   {:.3}\n", p.precision, p.recall, p.f1));
                }
            }
            s.trim_end().to_owned()
        }
    };
    crate::args::write_line(&args.common.run, &out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_keep_multiline_text() {
        let ann = "T1\tContent 0 5\tab\ncd\nT2\tCue 6 9\tsaid\nE1\tAttribution:T2 Cue:T2 Content:T1\n";
        let r = records(ann);
        assert_eq!(r.len(), 3);
        assert_eq!(r[0], "T1\tContent 0 5\tab\ncd");
    }

    #[test]
    fn trimming_and_tokens() {
        let chars: Vec<char> = "“Go,” he said.".chars().collect();
        assert_eq!(trimmed(&chars, &vec![(0, 5)]), Some(vec![(1, 3)]));
        assert_eq!(trimmed(&chars, &vec![(3, 5)]), Some(vec![(3, 5)]));
        assert_eq!(trimmed(&chars, &vec![(5, 6)]), None);
        assert_eq!(trimmed(&chars, &vec![(0, 5), (6, 8)]), Some(vec![(1, 3), (6, 8)]));
        assert_eq!(tokens(&chars), vec![(1, 3), (6, 8), (9, 13)]);
    }
}
