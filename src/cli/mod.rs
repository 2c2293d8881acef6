//! The command line: clap definitions, one file per subcommand, and the exit-code table.

/// `writeln!` into a `String` of output (which cannot fail).
macro_rules! outln {
    ($out:expr) => {
        $out.push('\n')
    };
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = writeln!($out, $($arg)*);
    }};
}

/// `write!` into a `String` of output (which cannot fail).
macro_rules! outw {
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = write!($out, $($arg)*);
    }};
}

mod check;
mod explain;
mod extract;
mod lsp;
mod rules;
mod test;
mod trace;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Exit codes, one per outcome (see `docs/` and the README).
pub mod exit {
    /// No finding at or above `--fail-on`.
    pub const CLEAN: u8 = 0;
    /// Findings at or above `--fail-on`, or failed rule examples.
    pub const FINDINGS: u8 = 1;
    /// The run itself failed: bad arguments, an unreadable file, invalid rules.
    pub const FAILURE: u8 = 2;
}

/// factlint checks the facts stated in prose against rule files.
#[derive(Debug, Parser)]
#[command(name = "factlint", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check drafts against the rules and report every finding.
    Check(check::CheckArgs),
    /// Validate rule files and list their facts, entities and sources.
    Rules(rules::RulesArgs),
    /// Run the ok/bad examples embedded in rule files.
    Test(test::TestArgs),
    /// Show how factlint read a draft: sentences, values, cues, bindings and near-misses.
    Trace(trace::TraceArgs),
    /// Show the dates, numbers, amounts, percentages and ordinals factlint reads in a text.
    Extract(extract::ExtractArgs),
    /// Explain a fact, entity, event or source: what it says, where it comes from, examples.
    Explain(explain::ExplainArgs),
    /// Run the language server on stdin and stdout.
    Lsp(lsp::LspArgs),
}

/// Write a command's whole output to standard output. A reader that went away (`| head`) is
/// not an error; any other failure to write is, and is said on stderr.
pub(crate) fn write_stdout(text: &str) -> Result<(), u8> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => {
            eprintln!("error: cannot write to standard output: {error}");
            Err(exit::FAILURE)
        }
    }
}

/// Parse the arguments, run the subcommand and return its exit code.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let code = if error.use_stderr() {
                exit::FAILURE
            } else {
                exit::CLEAN
            };
            let _ = error.print();
            return ExitCode::from(code);
        }
    };
    let code = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Rules(args) => rules::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Test(args) => test::run(args),
        Command::Trace(args) => trace::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Lsp(args) => lsp::run(args),
    };
    ExitCode::from(code)
}
