//! The `factlint` binary: a thin shell over the library's command line.

use std::process::ExitCode;

fn main() -> ExitCode {
    factlint::cli::run()
}
