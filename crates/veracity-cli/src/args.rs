//! The options every subcommand shares, as clap argument groups a subcommand flattens:
//!
//! - [`InputArgs`]: the articles to read (`FILE_OR_DIR...`, `-`, `--input-format`), for every
//!   command that reads articles (`analyze`, `profile`, `corroborate`);
//! - [`CommonArgs`]: `-c/--config`, `--profile`, `-j/--threads`, `-o/--output`, for every command
//!   that runs the analyser (the three above and the `eval` commands that score it);
//! - its parts [`AnalyzerArgs`] (`--config`, `--profile`) and [`RunArgs`] (`--threads`,
//!   `--output`), for a command that needs only one of them (`eval truth` runs no analyser).
//!
//! A new subcommand takes them with `#[command(flatten)]`:
//!
//! ```text
//! #[derive(Debug, clap::Args)]
//! pub struct MyArgs {
//!     #[command(flatten)]
//!     pub input: InputArgs,
//!     #[command(flatten)]
//!     pub common: CommonArgs,
//! }
//! // then: let analyzer = args.common.analyzer.build()?; args.common.run.threads();
//! //       let mut out = args.common.run.output()?;  // stdout or the -o file
//! ```
//!
//! They are documented, option by option, in `docs/cli.md` ("Shared options").

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use veracity::Analyzer;

use crate::inputs::strip_os_error;
pub use crate::stream::InputFormat;
use crate::{EXIT_INPUT_ERROR, EXIT_USAGE};

/// The articles a command reads.
#[derive(Debug, Clone, clap::Args)]
pub struct InputArgs {
    /// Files to read; a directory stands for every *.txt, *.jsonl, *.ndjson and *.csv file below
    /// it (sorted by path); `-` reads standard input.
    #[arg(value_name = "FILE_OR_DIR", required = true)]
    pub inputs: Vec<PathBuf>,

    /// How input files are read: `auto` by file name (`.jsonl`/`.ndjson` JSON lines, `.csv` CSV,
    /// anything else one plain-text article; standard input is plain text).
    #[arg(long, value_enum, default_value_t = InputFormat::Auto, value_name = "FORMAT")]
    pub input_format: InputFormat,
}

impl InputArgs {
    /// The inputs expanded (directories walked), ready to stream articles from.
    pub(crate) fn plan(&self) -> crate::stream::Plan {
        crate::stream::Plan::new(&self.inputs, self.input_format)
    }
}

/// How the analyser is built: a built-in profile, then a configuration file.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct AnalyzerArgs {
    /// A TOML configuration file extending the built-in lexicons and weights.
    #[arg(short, long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// A built-in profile merged before `--config` (`conll2010`: Wikipedia weasel cues and
    /// weights learned on the CoNLL-2010 train split). Default: the news defaults.
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
}

impl AnalyzerArgs {
    /// The analyser, or the usage error to exit with (printed already).
    pub fn build(&self) -> Result<Analyzer, ExitCode> {
        let mut builder = Analyzer::builder();
        if let Some(p) = &self.profile {
            builder = builder.profile(p);
        }
        if let Some(c) = &self.config {
            builder = builder.config_file(c);
        }
        builder.build().map_err(|e| {
            let full = e.to_string();
            let message = strip_os_error(&full);
            if self.config.is_some() && self.profile.is_none() {
                eprintln!("veracity: --config: {message}");
            } else {
                eprintln!("veracity: {message}");
            }
            ExitCode::from(EXIT_USAGE)
        })
    }
}

/// How a command runs: worker threads and where its output goes.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct RunArgs {
    /// Worker threads (default: one per CPU; `0` = default).
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
    /// Write the output to FILE instead of standard output (created or truncated; `-` is
    /// standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

impl RunArgs {
    /// Sizes the global worker pool (once per process; a second call only warns).
    pub fn threads(&self) {
        if let Some(n) = self.threads.filter(|&n| n > 0) {
            if let Err(e) = rayon::ThreadPoolBuilder::new().num_threads(n).build_global() {
                eprintln!("veracity: warning: cannot set up {n} threads: {e}");
            }
        }
    }

    /// The output: standard output, or the `--output` file (created or truncated). An
    /// unwritable file is an error, printed already (exit status 1).
    pub fn output(&self) -> Result<Output, ExitCode> {
        match &self.output {
            Some(path) if path.as_os_str() != "-" => match std::fs::File::create(path) {
                Ok(f) => Ok(Output { inner: Box::new(std::io::BufWriter::new(f)), to_file: true }),
                Err(e) => {
                    eprintln!(
                        "veracity: cannot write {:?}: {}",
                        path.display().to_string(),
                        strip_os_error(&e.to_string())
                    );
                    Err(ExitCode::from(EXIT_INPUT_ERROR))
                }
            },
            _ => Ok(Output { inner: Box::new(std::io::BufWriter::new(std::io::stdout())), to_file: false }),
        }
    }
}

/// Where a command writes: buffered standard output or the `--output` file.
pub struct Output {
    inner: Box<dyn Write>,
    to_file: bool,
}

impl Output {
    /// True when writing to a file (no terminal colours).
    pub fn is_file(&self) -> bool {
        self.to_file
    }
}

impl std::fmt::Debug for Output {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Output").field("to_file", &self.to_file).finish_non_exhaustive()
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.inner.write(buf)
    }
    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.inner.write_all(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// The options of every command that runs the analyser.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct CommonArgs {
    #[command(flatten)]
    pub analyzer: AnalyzerArgs,
    #[command(flatten)]
    pub run: RunArgs,
}

/// Writes one line (a summary, a JSON object) to the output and flushes it; a closed pipe is not
/// an error, another write error is reported (exit status 1).
pub fn write_line(run: &RunArgs, line: &str) -> ExitCode {
    let mut out = match run.output() {
        Ok(o) => o,
        Err(code) => return code,
    };
    match writeln!(out, "{line}").and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("veracity: cannot write output: {}", strip_os_error(&e.to_string()));
            ExitCode::from(EXIT_INPUT_ERROR)
        }
    }
}
