//! `factlint extract`: show the values factlint reads in a text.

use clap::Args;

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// A file to read, or `-` for standard input.
    pub path: Option<std::path::PathBuf>,
}

pub fn run(_args: ExtractArgs) -> u8 {
    eprintln!("factlint extract: not built yet");
    super::exit::FAILURE
}
