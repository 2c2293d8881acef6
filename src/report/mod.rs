//! Reporters: one file per output format, all behind [`Reporter`]. A reporter sees finished
//! diagnostics and the file text they point into; it knows nothing of matching.

pub mod github;
mod human;
mod json;
pub mod position;
pub mod sarif;

pub use github::GitHub;
pub use human::Human;
pub use json::{Json, JsonLines, json_diagnostic};
pub use sarif::{RuleDescription, Sarif, describe_rules};

use crate::diagnostic::Diagnostic;
use std::io::{self, Write};

/// One checked draft: its path as shown to the user, its text and its findings.
pub struct FileReport<'a> {
    pub path: &'a str,
    pub text: &'a str,
    pub diagnostics: &'a [Diagnostic],
    /// The baseline fingerprint of each diagnostic, in the same order; may be empty.
    pub fingerprints: &'a [String],
}

/// An output format. `file` is called once per draft in a stable order, `finish` once.
pub trait Reporter {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport<'_>) -> io::Result<()>;
    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()>;
}

/// The output formats `factlint check --format` offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Compiler-style diagnostics with the wrong text underlined.
    Human,
    /// One JSON document: `{"version": 1, "diagnostics": [...]}`.
    Json,
    /// One JSON diagnostic a line.
    Jsonl,
    /// A SARIF 2.1.0 log, as GitHub code scanning reads it.
    Sarif,
    /// GitHub Actions workflow commands: one annotation a finding.
    Github,
}

/// The reporter for a format; `color` only matters to the human format, `rules` only to SARIF
/// (its tool driver describes every fact).
pub fn reporter(format: Format, color: bool, rules: &crate::rules::RuleSet) -> Box<dyn Reporter> {
    match format {
        Format::Human => Box::new(Human::new(color)),
        Format::Json => Box::new(Json::default()),
        Format::Jsonl => Box::new(JsonLines),
        Format::Sarif => Box::new(Sarif::new(describe_rules(rules))),
        Format::Github => Box::new(GitHub),
    }
}
