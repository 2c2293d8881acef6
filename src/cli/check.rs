//! `factlint check`: check drafts against the rules and report every finding.

use super::exit;
use crate::document::{Document, Format as DocumentFormat};
use crate::engine::{CheckOptions, Engine};
use crate::extract::{DateOrder, Options as ExtractOptions};
use crate::report::{FileReport, Format, reporter};
use crate::rules::Severity;
use crate::value::PartialDate;
use clap::{Args, ValueEnum};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Args)]
#[command(after_long_help = "\
Examples:
  factlint check samples/                  check every draft in a folder
  factlint check draft.md --as-of 2013-07-17
  cat draft.md | factlint check - --stdin-filename draft.md --format json

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 the run failed
(bad arguments, an unreadable draft, invalid rules).")]
pub struct CheckArgs {
    /// Drafts to check: files, folders (every .md, .markdown, .mdx and .txt inside), or `-`
    /// for standard input. Default: the current folder.
    pub paths: Vec<PathBuf>,

    /// Rule files or folders. Default: `rules`.
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,

    /// The document date (YYYY-MM-DD): decides current titles, anniversaries and yearless
    /// dates. Default: the draft's front matter `date:`, else today.
    #[arg(long = "as-of", value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<PartialDate>,

    /// The lowest severity that makes the exit code 1.
    #[arg(long = "fail-on", value_enum, default_value = "warning")]
    pub fail_on: FailOn,

    /// The name to report (and to read the format from) for standard input.
    #[arg(long = "stdin-filename", value_name = "NAME")]
    pub stdin_filename: Option<String>,

    /// Read all-digit dates month first (01/02/2013 is 2 January by default).
    #[arg(long = "month-first")]
    pub month_first: bool,

    /// The currency that a bare `$` stands for.
    #[arg(long, value_name = "CODE", default_value = "USD")]
    pub dollar: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Error => severity >= Severity::Error,
            FailOn::Warning => severity >= Severity::Warning,
            FailOn::Info => true,
            FailOn::Never => false,
        }
    }
}

fn parse_date(text: &str) -> Result<PartialDate, String> {
    PartialDate::parse(text)
        .filter(PartialDate::is_full)
        .ok_or_else(|| format!("`{text}` is not a date like 2013-07-17"))
}

/// Today's date in UTC.
pub fn today() -> PartialDate {
    let date = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .date();
    PartialDate::ymd(i32::from(date.year()), date.month() as u8, date.day() as u8)
}

pub fn run(args: CheckArgs) -> u8 {
    let rule_paths = if args.rules.is_empty() {
        vec![PathBuf::from("rules")]
    } else {
        args.rules.clone()
    };
    let rules = match crate::load::load_rules(&rule_paths) {
        Ok(rules) => rules,
        Err(errors) => {
            eprint!("{}", errors.render(std::io::stderr().is_terminal()));
            eprintln!("error: the rules are invalid; nothing was checked");
            return exit::FAILURE;
        }
    };
    let date_order = if args.month_first {
        DateOrder::MonthFirst
    } else {
        DateOrder::DayFirst
    };
    let options = CheckOptions {
        extract: ExtractOptions {
            date_order,
            dollar: args.dollar.to_ascii_uppercase(),
        },
    };
    let engine = Engine::with_options(&rules, options);

    let mut problems = 0usize;
    let drafts = collect_drafts(&args.paths, &mut problems);
    let stdout = std::io::stdout();
    let color = args.format == Format::Human && stdout.is_terminal();
    let mut out = stdout.lock();
    let mut reporter = reporter(args.format, color);
    let mut failing = false;
    let today = today();
    for draft in drafts {
        let (shown, text) = match read_draft(&draft, args.stdin_filename.as_deref()) {
            Ok(read) => read,
            Err(message) => {
                eprintln!("error: {message}");
                problems += 1;
                continue;
            }
        };
        let format = DocumentFormat::from_path(&shown);
        let document = Document::parse(&text, format);
        let date = args.as_of.or(document.front_matter_date).unwrap_or(today);
        let diagnostics = engine.check(&document, date);
        failing |= diagnostics.iter().any(|d| args.fail_on.fails(d.severity));
        let report = FileReport {
            path: &shown,
            text: &text,
            diagnostics: &diagnostics,
        };
        if let Err(error) = reporter.file(&mut out, &report) {
            return broken_pipe_or_failure(&error);
        }
    }
    if let Err(error) = reporter.finish(&mut out).and_then(|()| out.flush()) {
        return broken_pipe_or_failure(&error);
    }
    if problems > 0 {
        eprintln!(
            "error: {problems} draft{} could not be checked",
            if problems == 1 { "" } else { "s" }
        );
        exit::FAILURE
    } else if failing {
        exit::FINDINGS
    } else {
        exit::CLEAN
    }
}

fn broken_pipe_or_failure(error: &std::io::Error) -> u8 {
    if error.kind() == std::io::ErrorKind::BrokenPipe {
        exit::CLEAN
    } else {
        eprintln!("error: cannot write the report: {error}");
        exit::FAILURE
    }
}

/// A draft to check: a path or standard input.
enum Draft {
    Path(PathBuf),
    Stdin,
}

/// Every draft the paths name, folders walked in sorted order. Missing paths are reported.
fn collect_drafts(paths: &[PathBuf], problems: &mut usize) -> Vec<Draft> {
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let mut drafts = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            drafts.push(Draft::Stdin);
        } else if path.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found);
            if found.is_empty() {
                eprintln!(
                    "error: {}: no drafts (.md, .markdown, .mdx, .txt) in this folder",
                    path.display()
                );
                *problems += 1;
            }
            found.sort();
            drafts.extend(found.into_iter().map(Draft::Path));
        } else if path.exists() {
            drafts.push(Draft::Path(path.clone()));
        } else {
            eprintln!("error: {}: no such file or folder", path.display());
            *problems += 1;
        }
    }
    drafts
}

fn walk(folder: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || name == "target" || name == "node_modules" {
            continue;
        }
        if path.is_dir() {
            walk(&path, found);
        } else if is_draft(&name) {
            found.push(path);
        }
    }
}

fn is_draft(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".md", ".markdown", ".mdx", ".txt"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// The name to show and the text of a draft, or a message that names it.
fn read_draft(draft: &Draft, stdin_name: Option<&str>) -> Result<(String, String), String> {
    let (shown, bytes) = match draft {
        Draft::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|error| format!("<stdin>: cannot read: {error}"))?;
            (stdin_name.unwrap_or("<stdin>").to_string(), bytes)
        }
        Draft::Path(path) => {
            let shown = path.display().to_string();
            let bytes =
                std::fs::read(path).map_err(|error| format!("{shown}: cannot read: {error}"))?;
            (shown, bytes)
        }
    };
    if bytes.contains(&0) {
        return Err(format!(
            "{shown}: looks like a binary file (it holds NUL bytes); not checked"
        ));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((shown, text)),
        Err(error) => Err(format!(
            "{shown}: not UTF-8 text (invalid byte at offset {}); not checked",
            error.utf8_error().valid_up_to()
        )),
    }
}
