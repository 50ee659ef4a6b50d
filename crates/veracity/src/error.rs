//! The crate's single error type.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

/// A specialised `Result` for veracity.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in veracity.
///
/// Every variant carries what is needed to say *which* input was bad. Use [`Error::kind`] to
/// branch on the kind without matching fields (the Python binding maps each kind to its own
/// exception class). [`Error::Io`] keeps the operating system's error as its
/// [`source`](std::error::Error::source):
///
/// ```
/// use std::error::Error as _;
/// let err = veracity::Article::from_path("no/such/file.txt").unwrap_err();
/// let io = err.source().and_then(|s| s.downcast_ref::<std::io::Error>()).unwrap();
/// assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// The article text is empty or whitespace only.
    EmptyText {
        /// Where the text came from (a path or a batch index), when known.
        origin: Option<String>,
    },
    /// The input bytes are not valid UTF-8.
    InvalidUtf8 {
        /// Where the bytes came from, when known.
        origin: Option<String>,
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// A file could not be read.
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's error kind.
        io_kind: std::io::ErrorKind,
        /// The operating system's message.
        message: String,
        /// The operating system's error itself, also [`source`](std::error::Error::source).
        source: IoSource,
    },
    /// A configuration document could not be parsed (syntax or type error).
    ConfigParse {
        /// The file name or `<builtin:NAME>` / `<string>`.
        origin: String,
        /// Line (1-based) of the error, when the parser reports one.
        line: Option<usize>,
        /// What the parser said.
        message: String,
    },
    /// A configuration entry parsed but is not acceptable.
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
    InvalidRecord {
        /// The corpus file (or `<stdin>`).
        origin: String,
        /// Line (1-based) where the record starts.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// An option value (format name, algorithm name, ...) is not one of the accepted values.
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
    InvalidData {
        /// What was being done (`logistic regression`, `fit`, ...).
        context: String,
        /// What is wrong.
        reason: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::EmptyText { origin } => {
                write!(f, "article text is empty (or only whitespace){}", fmt_origin(origin.as_ref()))
            }
            Error::InvalidUtf8 { origin, offset } => {
                write!(f, "input is not valid UTF-8 at byte offset {offset}{}", fmt_origin(origin.as_ref()))
            }
            Error::Io { path, message, .. } => write!(f, "cannot read {path:?}: {message}"),
            Error::ConfigParse { origin, line, message } => {
                write!(f, "invalid configuration in {origin}{}: {message}", fmt_line(*line))
            }
            Error::InvalidConfig { origin, line, entry, reason } => {
                write!(f, "invalid configuration entry {entry} in {origin}{}: {reason}", fmt_line(*line))
            }
            Error::InvalidMetadata { field, value, reason } => write!(f, "invalid {field}: {value:?}: {reason}"),
            Error::InvalidRecord { origin, line, message } => {
                write!(f, "invalid record at {origin}:{line}: {message}")
            }
            Error::InvalidOption { option, value, expected } => {
                write!(f, "invalid value {value:?} for {option}: expected one of {expected}")
            }
            Error::InvalidData { context, reason } => write!(f, "invalid data for {context}: {reason}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source.io_error()),
            _ => None,
        }
    }
}

/// The operating system's error behind an [`Error::Io`], shared so that the error stays
/// `Clone`. Two are equal when their kind and message are (an `std::io::Error` has no equality).
#[derive(Debug, Clone)]
pub struct IoSource(Arc<std::io::Error>);

impl IoSource {
    /// The operating system's error.
    #[must_use]
    pub fn io_error(&self) -> &std::io::Error {
        &self.0
    }
}

impl From<std::io::Error> for IoSource {
    fn from(err: std::io::Error) -> Self {
        IoSource(Arc::new(err))
    }
}

impl PartialEq for IoSource {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || (self.0.kind() == other.0.kind() && self.0.to_string() == other.0.to_string())
    }
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

    /// An [`Error::Io`] for `path`, keeping `err` as its source.
    #[must_use]
    pub fn io(path: impl Into<PathBuf>, err: std::io::Error) -> Self {
        Error::Io { path: path.into(), io_kind: err.kind(), message: err.to_string(), source: err.into() }
    }

    pub(crate) fn invalid_config(origin: &str, entry: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::InvalidConfig { origin: origin.to_owned(), line: None, entry: entry.into(), reason: reason.into() }
    }
}

/// A truth-discovery error as the crate's error of the same kind, with the same message.
impl From<crate::truth::Error> for Error {
    fn from(err: crate::truth::Error) -> Self {
        use crate::truth::Error as Truth;
        match err {
            Truth::Io { path, source } => {
                Error::Io { path, io_kind: source.kind(), message: source.to_string(), source: IoSource(source) }
            }
            Truth::InvalidRecord { origin, line, message } => Error::InvalidRecord { origin, line, message },
            Truth::InvalidOption { option, value, expected } => Error::InvalidOption { option, value, expected },
            other => Error::InvalidData { context: "truth discovery".to_owned(), reason: other.to_string() },
        }
    }
}
