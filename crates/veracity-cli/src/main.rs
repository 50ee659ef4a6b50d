//! The `veracity` binary: everything is in the library (`veracity_cli::run`), which the Python
//! wheel's `veracity` command calls too.

use std::process::ExitCode;

fn main() -> ExitCode {
    veracity_cli::run(std::env::args_os())
}
