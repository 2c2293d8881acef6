//! `factlint rules`: validate rule files and list what they hold.

use clap::Args;

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Rule files or folders (default: `rules`).
    pub paths: Vec<std::path::PathBuf>,
}

pub fn run(_args: RulesArgs) -> u8 {
    eprintln!("factlint rules: not built yet");
    super::exit::FAILURE
}
