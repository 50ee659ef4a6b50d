//! Turning the command line's `FILE_OR_DIR...` into an ordered list of inputs.

use std::path::{Path, PathBuf};

/// One thing to analyse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Input {
    /// A file, given on the command line or found in a directory.
    File(PathBuf),
    /// Standard input (`-` on the command line).
    Stdin,
}

impl Input {
    /// How the input is named in messages and in the text report.
    pub(crate) fn display(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "<stdin>".to_owned(),
        }
    }
}

/// An argument that named nothing usable.
#[derive(Debug)]
pub(crate) struct InputError {
    /// The argument as given.
    pub(crate) path: PathBuf,
    /// The operating system's message, without the `(os error N)` suffix.
    pub(crate) message: String,
}

/// What one command-line argument expanded to.
#[derive(Debug)]
pub(crate) enum Expanded {
    /// Inputs to analyse, in order (a directory gives its `*.txt` files sorted by path; it may
    /// give none).
    Inputs(Vec<Input>),
    /// The argument could not be read.
    Error(InputError),
}

/// Expands one argument: `-` is standard input, a file is itself (whatever its extension), a
/// directory is every `*.txt`, `*.jsonl`, `*.ndjson` and `*.csv` file below it, sorted by path. Symbolic links to directories are
/// not followed inside a directory walk (so a link cycle cannot loop); links to files are.
pub(crate) fn expand(arg: &Path) -> Expanded {
    if arg.as_os_str() == "-" {
        return Expanded::Inputs(vec![Input::Stdin]);
    }
    let meta = match std::fs::metadata(arg) {
        Ok(m) => m,
        Err(e) => {
            return Expanded::Error(InputError { path: arg.to_path_buf(), message: io_message(&e) });
        }
    };
    if !meta.is_dir() {
        return Expanded::Inputs(vec![Input::File(arg.to_path_buf())]);
    }
    let mut files = Vec::new();
    if let Err(e) = walk(arg, &mut files) {
        return Expanded::Error(e);
    }
    files.sort();
    Expanded::Inputs(files.into_iter().map(Input::File).collect())
}

/// File extensions a directory walk picks up: plain text and corpus files.
pub(crate) const INPUT_EXTENSIONS: [&str; 4] = ["txt", "jsonl", "ndjson", "csv"];

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), InputError> {
    let err = |e: &std::io::Error| InputError { path: dir.to_path_buf(), message: io_message(e) };
    for entry in std::fs::read_dir(dir).map_err(|e| err(&e))? {
        let entry = entry.map_err(|e| err(&e))?;
        let path = entry.path();
        let file_type = entry.file_type().map_err(|e| err(&e))?;
        if file_type.is_dir() {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|x| INPUT_EXTENSIONS.iter().any(|e| x == *e))
            && (file_type.is_file() || path.is_file())
        {
            out.push(path);
        }
    }
    Ok(())
}

/// The operating system's message for an I/O error, without Rust's `(os error N)` suffix:
/// `No such file or directory`.
pub(crate) fn io_message(e: &std::io::Error) -> String {
    strip_os_error(&e.to_string()).to_owned()
}

/// Drops a trailing ` (os error N)` from an I/O error message.
pub(crate) fn strip_os_error(message: &str) -> &str {
    match message.rfind(" (os error ") {
        Some(i) if message.ends_with(')') => &message[..i],
        _ => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn os_error_suffix_is_dropped() {
        assert_eq!(strip_os_error("No such file or directory (os error 2)"), "No such file or directory");
        assert_eq!(strip_os_error("custom message"), "custom message");
    }

    #[test]
    fn dash_is_stdin() {
        match expand(Path::new("-")) {
            Expanded::Inputs(v) => assert_eq!(v, vec![Input::Stdin]),
            Expanded::Error(e) => panic!("unexpected error {e:?}"),
        }
    }
}
