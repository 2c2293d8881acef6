//! `factlint lsp`: the language server on stdin and stdout (see [`crate::lsp`]).

use super::exit;
use clap::Args;

#[derive(Debug, Args)]
#[command(after_long_help = "\
The server finds factlint.toml from the workspace root (its `rules` and `date`),
else reads the rules from `rules/` under the root. Editor setup: docs/editors.md.")]
pub struct LspArgs {
    /// Accepted for clients that pass it; stdio is the only transport.
    #[arg(long)]
    pub stdio: bool,
}

pub fn run(_args: LspArgs) -> u8 {
    match crate::lsp::run_stdio() {
        Ok(0) => exit::CLEAN,
        Ok(_) => exit::FINDINGS,
        Err(error) => {
            eprintln!("error: cannot start the language server: {error}");
            exit::FAILURE
        }
    }
}
