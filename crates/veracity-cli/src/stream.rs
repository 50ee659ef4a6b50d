//! Articles from the command line's `FILE_OR_DIR...`, one at a time: plain-text files are one
//! article each, JSON-lines and CSV corpora one per record (streamed, never loaded whole).

use std::path::PathBuf;

use clap::ValueEnum;
use veracity::{Article, CorpusFormat, Records};

use crate::inputs::{Expanded, Input, InputError, strip_os_error};

/// How input files are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// By file name: `.jsonl`/`.ndjson` are JSON lines, `.csv` is CSV, anything else (and
    /// standard input) one plain-text article.
    Auto,
    /// Every file is one plain-text article.
    Text,
    /// Every file (and standard input) holds one JSON object per line.
    Jsonl,
    /// Every file (and standard input) is CSV with a header row.
    Csv,
}

impl InputFormat {
    fn for_input(self, input: &Input) -> CorpusFormat {
        match (self, input) {
            (InputFormat::Text, _) | (InputFormat::Auto, Input::Stdin) => CorpusFormat::Text,
            (InputFormat::Jsonl, _) => CorpusFormat::JsonLines,
            (InputFormat::Csv, _) => CorpusFormat::Csv,
            (InputFormat::Auto, Input::File(p)) => CorpusFormat::from_path(p),
        }
    }
}

/// An input that could not be read or analysed.
#[derive(Debug)]
pub(crate) struct Failure {
    pub(crate) name: String,
    pub(crate) kind: &'static str,
    pub(crate) message: String,
}

impl Failure {
    pub(crate) fn from_input_error(e: &InputError) -> Self {
        Failure {
            name: e.path.display().to_string(),
            kind: "io",
            message: format!("cannot read {:?}: {}", e.path.display().to_string(), e.message),
        }
    }

    pub(crate) fn from_core(name: &str, e: &veracity::Error) -> Self {
        let (kind, message) = match e {
            veracity::Error::Io { message, .. } => ("io", format!("cannot read {name:?}: {}", strip_os_error(message))),
            veracity::Error::InvalidUtf8 { offset, .. } => {
                ("invalid_utf8", format!("cannot read {name:?}: not valid UTF-8 (first bad byte at offset {offset})"))
            }
            veracity::Error::EmptyText { .. } => {
                ("empty_text", format!("cannot analyse {name:?}: the text is empty (or only whitespace)"))
            }
            veracity::Error::InvalidRecord { message, .. } => {
                ("invalid_record", format!("cannot read {name:?}: {message}"))
            }
            other => ("other", format!("cannot analyse {name:?}: {other}")),
        };
        Failure { name: name.to_owned(), kind, message }
    }
}

/// One article to analyse, named as it is reported (`path`, or `path:line` for a corpus record).
pub(crate) type Item = Result<(String, Article), Failure>;

/// Everything the arguments name, expanded (directories walked), in order.
#[derive(Debug)]
pub(crate) struct Plan {
    entries: Vec<Result<Input, InputError>>,
    format: InputFormat,
    /// True when every input is one plain-text article (so the article count is known).
    pub(crate) all_text: bool,
}

impl Plan {
    /// Expands the arguments; warns on stderr about a directory with no input files.
    pub(crate) fn new(args: &[PathBuf], format: InputFormat) -> Self {
        let mut entries = Vec::new();
        for arg in args {
            match crate::inputs::expand(arg) {
                Expanded::Inputs(v) if v.is_empty() => {
                    eprintln!(
                        "veracity: warning: no input files (*.txt, *.jsonl, *.ndjson, *.csv) under {:?}",
                        arg.display().to_string()
                    );
                }
                Expanded::Inputs(v) => entries.extend(v.into_iter().map(Ok)),
                Expanded::Error(e) => entries.push(Err(e)),
            }
        }
        let all_text = entries.iter().all(|e| e.as_ref().map_or(true, |i| format.for_input(i) == CorpusFormat::Text));
        Self { entries, format, all_text }
    }

    /// Number of inputs (files, standard input, unreadable arguments).
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// The articles, one at a time.
    pub(crate) fn articles(self) -> Articles {
        Articles { entries: self.entries.into_iter(), format: self.format, current: None }
    }
}

/// Iterator over the articles of a [`Plan`].
pub(crate) struct Articles {
    entries: std::vec::IntoIter<Result<Input, InputError>>,
    format: InputFormat,
    current: Option<(String, Records)>,
}

impl Iterator for Articles {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some((name, records)) = &mut self.current {
                match records.next() {
                    Some(Ok(article)) => {
                        let label = records.line().map_or_else(|| name.clone(), |l| format!("{name}:{l}"));
                        return Some(Ok((label, article)));
                    }
                    Some(Err(e)) => {
                        let label = records.line().map_or_else(|| name.clone(), |l| format!("{name}:{l}"));
                        return Some(Err(Failure::from_core(&label, &e)));
                    }
                    None => self.current = None,
                }
            }
            let entry = self.entries.next()?;
            let input = match entry {
                Ok(i) => i,
                Err(e) => return Some(Err(Failure::from_input_error(&e))),
            };
            let name = input.display();
            let format = self.format.for_input(&input);
            let opened = match (&input, format) {
                (Input::File(path), CorpusFormat::Text) => {
                    return Some(
                        Article::from_path(path).map(|a| (name.clone(), a)).map_err(|e| Failure::from_core(&name, &e)),
                    );
                }
                (Input::File(path), f) => veracity::read_corpus_as(path, f),
                (Input::Stdin, CorpusFormat::Text) => {
                    let mut bytes = Vec::new();
                    return Some(match std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes) {
                        Ok(_) => Article::from_bytes(bytes, Some(name.clone()))
                            .map(|a| (name.clone(), a.with_id("stdin")))
                            .map_err(|e| Failure::from_core(&name, &e)),
                        Err(e) => Err(Failure {
                            kind: "io",
                            message: format!("cannot read {name:?}: {}", crate::inputs::io_message(&e)),
                            name,
                        }),
                    });
                }
                (Input::Stdin, f) => veracity::read_records(std::io::stdin(), f, &name),
            };
            match opened {
                Ok(records) => self.current = Some((name, records)),
                Err(e) => return Some(Err(Failure::from_core(&name, &e))),
            }
        }
    }
}

/// Analyses the articles in parallel chunks of [`crate::CHUNK`], ticking `progress` once per
/// article, and hands each outcome to `each` in input order.
pub(crate) fn for_each_analysis(
    mut articles: Articles,
    analyzer: &veracity::Analyzer,
    progress: &indicatif::ProgressBar,
    mut each: impl FnMut(Result<veracity::Analysis, Failure>),
) {
    use rayon::prelude::*;
    loop {
        let chunk: Vec<Item> = articles.by_ref().take(crate::CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        let outcomes: Vec<Result<veracity::Analysis, Failure>> = chunk
            .into_par_iter()
            .map(|item| {
                let r = item
                    .and_then(|(name, article)| analyzer.analyze(&article).map_err(|e| Failure::from_core(&name, &e)));
                progress.inc(1);
                r
            })
            .collect();
        outcomes.into_iter().for_each(&mut each);
    }
}
