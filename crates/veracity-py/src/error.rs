//! The Python exception hierarchy and the mapping from `veracity::Error`.
//!
//! ```text
//! ValueError
//! └── VeracityError               base of everything veracity raises
//!     ├── EmptyTextError          ErrorKind::EmptyText
//!     ├── InvalidUtf8Error        ErrorKind::InvalidUtf8
//!     ├── ConfigError             ErrorKind::Config
//!     ├── MetadataError           ErrorKind::InvalidMetadata
//!     ├── OptionError             ErrorKind::InvalidOption
//!     ├── InvalidRecordError      ErrorKind::InvalidRecord (a bad JSON line / CSV row of a corpus)
//!     ├── DataError               ErrorKind::InvalidData (labels or signals a model cannot use)
//!     └── VeracityIOError         ErrorKind::Io (also an OSError: errno, strerror, filename)
//! ```
//!
//! Wrong argument *types* are plain `TypeError`s, as everywhere in Python.

use pyo3::create_exception;
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple, PyType};
use veracity::ErrorKind;

create_exception!(veracity, VeracityError, PyValueError, "Base class of every error veracity raises (a ValueError).");
create_exception!(veracity, EmptyTextError, VeracityError, "The article text is empty or only whitespace.");
create_exception!(veracity, InvalidUtf8Error, VeracityError, "Input bytes (or a file) are not valid UTF-8.");
create_exception!(
    veracity,
    ConfigError,
    VeracityError,
    "A configuration document or entry is invalid; the message names the entry."
);
create_exception!(
    veracity,
    DataError,
    VeracityError,
    "Data a model cannot use: no labels, one class only, fewer than two outlets, mismatched lengths."
);
create_exception!(veracity, MetadataError, VeracityError, "A metadata value (published date, URL, ...) is malformed.");
create_exception!(
    veracity,
    OptionError,
    VeracityError,
    "An option value (hedge category, cue kind, on_error, n_threads, ...) is not accepted; the message lists the choices."
);

create_exception!(
    veracity,
    InvalidRecordError,
    VeracityError,
    "A record of a corpus file (a JSON line, a CSV row) is malformed; the message names the file and line."
);

static IO_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// `VeracityIOError(OSError, VeracityError)`: `create_exception!` takes one base only, so this
/// class is made with `type()`. `OSError` comes first in the MRO so that `errno`, `strerror` and
/// `filename` are filled in by `OSError.__init__`.
pub(crate) fn io_error_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    let ty = IO_ERROR.get_or_try_init(py, || -> PyResult<Py<PyType>> {
        let bases = PyTuple::new(py, [py.get_type::<PyOSError>(), py.get_type::<VeracityError>()])?;
        let ns = PyDict::new(py);
        ns.set_item("__module__", "veracity")?;
        ns.set_item(
            "__doc__",
            "A file could not be read. Both a VeracityError (hence a ValueError) and an OSError, \
             with errno, strerror and filename set.",
        )?;
        let ty = py.get_type::<PyType>().call1(("VeracityIOError", bases, ns))?;
        Ok(ty.cast_into::<PyType>()?.unbind())
    })?;
    Ok(ty.bind(py))
}

/// Python's `errno` name for an I/O error kind.
fn errno_name(kind: std::io::ErrorKind) -> &'static str {
    use std::io::ErrorKind as K;
    match kind {
        K::NotFound => "ENOENT",
        K::PermissionDenied => "EACCES",
        K::AlreadyExists => "EEXIST",
        K::IsADirectory => "EISDIR",
        K::NotADirectory => "ENOTDIR",
        K::InvalidInput => "EINVAL",
        K::Interrupted => "EINTR",
        _ => "EIO",
    }
}

fn io_err(
    py: Python<'_>,
    path: &std::path::Path,
    kind: std::io::ErrorKind,
    message: &str,
    context: Option<&str>,
) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let errno: i64 = py.import("errno")?.getattr(errno_name(kind))?.extract()?;
        let strerror = match context {
            Some(c) => format!("{c}: {message}"),
            None => message.to_owned(),
        };
        let filename = path.display().to_string();
        Ok(PyErr::from_type(io_error_type(py)?.clone(), (errno, strerror, filename)))
    };
    build().unwrap_or_else(|e| e)
}

/// Maps a core error to its Python exception. `context` (e.g. `"batch item 3"`) prefixes the message.
pub(crate) fn core_err(py: Python<'_>, err: &veracity::Error, context: Option<&str>) -> PyErr {
    if let veracity::Error::Io { path, io_kind, message, .. } = err {
        return io_err(py, path, *io_kind, message, context);
    }
    let msg = match context {
        Some(c) => format!("{c}: {err}"),
        None => err.to_string(),
    };
    match err.kind() {
        ErrorKind::EmptyText => EmptyTextError::new_err(msg),
        ErrorKind::InvalidUtf8 => InvalidUtf8Error::new_err(msg),
        ErrorKind::Config => ConfigError::new_err(msg),
        ErrorKind::InvalidMetadata => MetadataError::new_err(msg),
        ErrorKind::InvalidOption => OptionError::new_err(msg),
        ErrorKind::InvalidRecord => InvalidRecordError::new_err(msg),
        ErrorKind::InvalidData => DataError::new_err(msg),
        // `ErrorKind` is non-exhaustive: a kind added to the core later still maps to the base class.
        _ => VeracityError::new_err(msg),
    }
}

/// An invalid option value, as the core reports it (`OptionError` listing the choices).
pub(crate) fn invalid_option(
    option: &'static str,
    value: impl Into<String>,
    expected: impl Into<String>,
) -> veracity::Error {
    veracity::Error::InvalidOption { option, value: value.into(), expected: expected.into() }
}

/// What can go wrong while analysing one article without the GIL.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The core reported an error.
    Core(veracity::Error),
    /// The core panicked (a bug); the panic is caught so that it never crosses the FFI boundary.
    Panic(String),
}

impl From<veracity::Error> for Failure {
    fn from(e: veracity::Error) -> Self {
        Failure::Core(e)
    }
}

impl Failure {
    pub(crate) fn into_pyerr(self, py: Python<'_>, context: Option<&str>) -> PyErr {
        match self {
            Failure::Core(e) => core_err(py, &e, context),
            Failure::Panic(msg) => {
                let prefix = context.map(|c| format!("{c}: ")).unwrap_or_default();
                VeracityError::new_err(format!(
                    "{prefix}internal error (panic in veracity): {msg}; please report this bug"
                ))
            }
        }
    }
}

/// Runs `f`, turning a panic into [`Failure::Panic`].
pub(crate) fn catch<T>(f: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic payload".to_owned());
            Err(Failure::Panic(msg))
        }
    }
}

/// A `VeracityError` for malformed JSON given to a `from_json` class method.
pub(crate) fn bad_json(class: &str, err: impl std::fmt::Display) -> PyErr {
    VeracityError::new_err(format!("invalid {class} JSON: {err}"))
}
