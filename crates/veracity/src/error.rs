//! The crate's single error type.

use std::path::PathBuf;

/// A specialised `Result` for veracity.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in veracity.
///
/// Every variant carries what is needed to say *which* input was bad. Use [`Error::kind`] to
/// branch on the kind without matching fields (the Python binding maps each kind to its own
/// exception class).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The article text is empty or whitespace only.
    #[error("article text is empty (or only whitespace){}", fmt_origin(origin.as_ref()))]
    EmptyText {
        /// Where the text came from (a path or a batch index), when known.
        origin: Option<String>,
    },
    /// The input bytes are not valid UTF-8.
    #[error("input is not valid UTF-8 at byte offset {offset}{}", fmt_origin(origin.as_ref()))]
    InvalidUtf8 {
        /// Where the bytes came from, when known.
        origin: Option<String>,
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// A file could not be read.
    #[error("cannot read {path:?}: {message}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's error kind.
        io_kind: std::io::ErrorKind,
        /// The operating system's message.
        message: String,
    },
    /// A configuration document could not be parsed (syntax or type error).
    #[error("invalid configuration in {origin}{}: {message}", fmt_line(*line))]
    ConfigParse {
        /// The file name or `<builtin:NAME>` / `<string>`.
        origin: String,
        /// Line (1-based) of the error, when the parser reports one.
        line: Option<usize>,
        /// What the parser said.
        message: String,
    },
    /// A configuration entry parsed but is not acceptable.
    #[error("invalid configuration entry {entry} in {origin}{}: {reason}", fmt_line(*line))]
    InvalidConfig {
        /// The file name or `<builtin:NAME>` / `<string>`.
        origin: String,
        /// Line (1-based) where the entry is written, when it can be found.
        line: Option<usize>,
        /// The offending entry, e.g. `hedge[3] "may"` or `weights.credibility.hedging`.
        entry: String,
        /// Why it was rejected.
        reason: String,
    },
    /// A metadata value (date, URL, ...) given by the caller is malformed.
    #[error("invalid {field}: {value:?}: {reason}")]
    InvalidMetadata {
        /// The field name (`published`, `url`, ...).
        field: &'static str,
        /// The value as given.
        value: String,
        /// Why it was rejected.
        reason: String,
    },
    /// A record of a corpus file (a JSON line, a CSV row) is malformed: not JSON, not an object,
    /// no `text`, a field of the wrong type or a bad date.
    #[error("invalid record at {origin}:{line}: {message}")]
    InvalidRecord {
        /// The corpus file (or `<stdin>`).
        origin: String,
        /// Line (1-based) where the record starts.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// An option value (format name, algorithm name, ...) is not one of the accepted values.
    #[error("invalid value {value:?} for {option}: expected one of {expected}")]
    InvalidOption {
        /// The option.
        option: &'static str,
        /// The value given.
        value: String,
        /// The accepted values, comma-separated.
        expected: String,
    },
    /// Data given to a model is unusable: no rows, rows of the wrong length, values that are not
    /// finite, a single class, labels that match no article.
    #[error("invalid data for {context}: {reason}")]
    InvalidData {
        /// What was being done (`logistic regression`, `fit`, ...).
        context: String,
        /// What is wrong.
        reason: String,
    },
}

fn fmt_line(line: Option<usize>) -> String {
    line.map(|l| format!(" (line {l})")).unwrap_or_default()
}

fn fmt_origin(origin: Option<&String>) -> String {
    origin.map(|o| format!(" in {o}")).unwrap_or_default()
}

/// The kind of an [`Error`], without its details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// See [`Error::EmptyText`].
    EmptyText,
    /// See [`Error::InvalidUtf8`].
    InvalidUtf8,
    /// See [`Error::Io`].
    Io,
    /// See [`Error::ConfigParse`] and [`Error::InvalidConfig`].
    Config,
    /// See [`Error::InvalidMetadata`].
    InvalidMetadata,
    /// See [`Error::InvalidOption`].
    InvalidOption,
    /// See [`Error::InvalidRecord`].
    InvalidRecord,
    /// See [`Error::InvalidData`].
    InvalidData,
}

impl Error {
    /// The kind of this error.
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::EmptyText { .. } => ErrorKind::EmptyText,
            Error::InvalidUtf8 { .. } => ErrorKind::InvalidUtf8,
            Error::Io { .. } => ErrorKind::Io,
            Error::ConfigParse { .. } | Error::InvalidConfig { .. } => ErrorKind::Config,
            Error::InvalidMetadata { .. } => ErrorKind::InvalidMetadata,
            Error::InvalidOption { .. } => ErrorKind::InvalidOption,
            Error::InvalidRecord { .. } => ErrorKind::InvalidRecord,
            Error::InvalidData { .. } => ErrorKind::InvalidData,
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, err: &std::io::Error) -> Self {
        Error::Io { path: path.into(), io_kind: err.kind(), message: err.to_string() }
    }

    pub(crate) fn invalid_config(origin: &str, entry: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::InvalidConfig { origin: origin.to_owned(), line: None, entry: entry.into(), reason: reason.into() }
    }
}
