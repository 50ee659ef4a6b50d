//! `veracity.run_cli`: the `veracity` command line (`veracity_cli::run`), linked into the
//! extension so that the wheel ships the command (`veracity`, `python -m veracity`).

use std::ffi::OsString;

use pyo3::prelude::*;

/// Runs the ``veracity`` command line in this process and returns its exit status.
///
/// ``args`` are the command's arguments without the program name, as on a shell
/// (``["analyze", "seeds", "--format", "jsonl"]``). The command writes to the process's standard
/// output and error (file descriptors 1 and 2, not ``sys.stdout``), like the ``veracity``
/// binary; the GIL is released while it runs. Exit status: 0 success, 1 an input could not be
/// read or analysed, 2 a usage error (``--help`` and ``--version`` give 0). The ``veracity``
/// command installed with the wheel and ``python -m veracity`` call this.
#[pyfunction]
#[pyo3(signature = (args))]
pub fn run_cli(py: Python<'_>, args: Vec<OsString>) -> u8 {
    let argv: Vec<OsString> = std::iter::once(OsString::from("veracity")).chain(args).collect();
    py.detach(|| veracity_cli::run_status(argv))
}
