//! The crate's error type: a bad option, a file that cannot be read, a line with too few fields.
//!
//! Its messages are those of the same kinds of `veracity::Error`, into which it converts.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

/// A specialised `Result` for truth discovery.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in truth discovery. Use [`Error::kind`] to branch on the kind
/// without matching fields.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read.
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's error, also [`source`](std::error::Error::source).
        source: Arc<std::io::Error>,
    },
    /// A line of a claims file is malformed (too few fields).
    InvalidRecord {
        /// The file.
        origin: String,
        /// Line (1-based, as an editor numbers it).
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// An option value (algorithm name, convergence measure, columns) is not one of the accepted
    /// values.
    InvalidOption {
        /// The option.
        option: &'static str,
        /// The value given.
        value: String,
        /// The accepted values, comma-separated.
        expected: String,
    },
}

/// The kind of an [`Error`], without its details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// See [`Error::Io`].
    Io,
    /// See [`Error::InvalidRecord`].
    InvalidRecord,
    /// See [`Error::InvalidOption`].
    InvalidOption,
}

impl Error {
    /// The kind of this error.
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Io { .. } => ErrorKind::Io,
            Error::InvalidRecord { .. } => ErrorKind::InvalidRecord,
            Error::InvalidOption { .. } => ErrorKind::InvalidOption,
        }
    }

    /// An [`Error::Io`] for `path`, keeping `err` as its source.
    #[must_use]
    pub fn io(path: impl Into<PathBuf>, err: std::io::Error) -> Self {
        Error::Io { path: path.into(), source: Arc::new(err) }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "cannot read {path:?}: {source}"),
            Error::InvalidRecord { origin, line, message } => {
                write!(f, "invalid record at {origin}:{line}: {message}")
            }
            Error::InvalidOption { option, value, expected } => {
                write!(f, "invalid value {value:?} for {option}: expected one of {expected}")
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source.as_ref()),
            _ => None,
        }
    }
}

/// Two errors are equal when their kind and details are; two I/O errors when their paths, kinds
/// and messages are (an `std::io::Error` has no equality).
impl PartialEq for Error {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Error::Io { path: p, source: a }, Error::Io { path: q, source: b }) => {
                p == q && (Arc::ptr_eq(a, b) || (a.kind() == b.kind() && a.to_string() == b.to_string()))
            }
            (
                Error::InvalidRecord { origin: o, line: l, message: m },
                Error::InvalidRecord { origin: p, line: k, message: n },
            ) => o == p && l == k && m == n,
            (
                Error::InvalidOption { option: o, value: v, expected: e },
                Error::InvalidOption { option: p, value: w, expected: f },
            ) => o == p && v == w && e == f,
            _ => false,
        }
    }
}
