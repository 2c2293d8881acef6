//! `factlint check`: check drafts against the rules and report every finding — settings from
//! flags and `factlint.toml`, drafts found with the walker and checked in parallel (printed in
//! sorted order), severity overrides, baselines, and fixes shown as a diff or applied.

use super::exit;
use crate::baseline::{self, Baseline, Entry, Matcher as BaselineMatcher};
use crate::config::{Config, FailOn, SeverityOverride};
use crate::diagnostic::{Diagnostic, Fix};
use crate::document::{Document, Format as DocumentFormat};
use crate::engine::{CheckOptions, Engine};
use crate::extract::{DateOrder, Options as ExtractOptions};
use crate::fix::{apply_fixes, unified_diff, write_fixed};
use crate::report::{FileReport, Format, reporter};
use crate::rules::RuleSet;
use crate::value::PartialDate;
use crate::walk::{Draft, DraftFilter, Shard, collect_drafts, read_draft};
use clap::Args;
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Args)]
#[command(after_long_help = "\
Examples:
  factlint check samples/                  check every draft in a folder
  factlint check draft.md --as-of 2013-07-17
  cat draft.md | factlint check - --stdin-filename draft.md --format json
  factlint check --format sarif > factlint.sarif
  factlint check --diff                    show the fixes as a unified diff
  factlint check --fix                     apply them
  factlint check --write-baseline factlint-baseline.json
  factlint check --baseline factlint-baseline.json --shard 2/4

Settings come from the flags, then from factlint.toml (found upward from the working
folder, or --config), then from the defaults.

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 the run had a problem
(bad arguments, a bad config, invalid rules, a draft that could not be read).")]
pub struct CheckArgs {
    /// Drafts to check: files, folders (every .md, .markdown, .mdx and .txt inside, minus what
    /// .gitignore and the config's exclude leave out), or `-` for standard input. Default: the
    /// current folder.
    pub paths: Vec<PathBuf>,

    /// Rule files or folders. Default: `rules` of factlint.toml, else `rules`.
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,

    /// The document date (YYYY-MM-DD): decides current titles, anniversaries and yearless
    /// dates. Default: the draft's front matter `date:`, else `date` of factlint.toml, else
    /// today.
    #[arg(long = "as-of", value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<PartialDate>,

    /// The lowest severity that makes the exit code 1. Default: `fail-on` of factlint.toml,
    /// else warning.
    #[arg(long = "fail-on", value_enum)]
    pub fail_on: Option<FailOn>,

    /// The name to report (and to read the format from) for standard input.
    #[arg(long = "stdin-filename", value_name = "NAME")]
    pub stdin_filename: Option<String>,

    /// Read all-digit dates month first (01/02/2013 is 2 January by default).
    #[arg(long = "month-first")]
    pub month_first: bool,

    /// The currency that a bare `$` stands for. Default: `dollar` of factlint.toml, else USD.
    #[arg(long, value_name = "CODE")]
    pub dollar: Option<String>,

    /// The configuration file. Default: factlint.toml in the working folder or above.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Apply the fixes to the drafts (atomically; a draft that changed meanwhile is left alone).
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,

    /// Print the fixes as a unified diff instead of the report; change nothing.
    #[arg(long)]
    pub diff: bool,

    /// Check only the K-th of N parts of the drafts (1-based), split by a hash of each path.
    #[arg(long, value_name = "K/N", value_parser = Shard::parse)]
    pub shard: Option<Shard>,

    /// Report only findings that this baseline file does not record.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Record this run's findings in a baseline file (reasons of a --baseline kept); the
    /// findings do not fail the run.
    #[arg(long = "write-baseline", value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
}

/// `--as-of`: a full date, YYYY-MM-DD.
pub(crate) fn parse_date(text: &str) -> Result<PartialDate, String> {
    PartialDate::parse(text)
        .filter(PartialDate::is_full)
        .ok_or_else(|| format!("`{text}` is not a date like 2013-07-17"))
}

/// Drafts checked together and handed to the printer at once; with the channel's two slots,
/// memory is bounded by a few batches of drafts, not by the corpus.
const BATCH: usize = 64;

/// Runs with at least this many drafts show a progress bar (when stderr is a terminal).
const PROGRESS_THRESHOLD: usize = 200;

/// One draft, checked.
struct Checked {
    draft: Draft,
    shown: String,
    text: String,
    diagnostics: Vec<Diagnostic>,
    fingerprints: Vec<String>,
}

/// The settings of one run, flags and config merged.
struct Settings {
    config: Config,
    fail_on: FailOn,
    as_of: Option<PartialDate>,
    today: PartialDate,
    stdin_name: Option<String>,
    /// Whether findings need their baseline fingerprints (a baseline is read or written, or
    /// SARIF shows them); working them out is not free on a draft with many findings.
    fingerprints: bool,
}

pub fn run(args: CheckArgs) -> u8 {
    let config = match load_config(args.config.as_deref()) {
        Ok(config) => config,
        Err(message) => {
            eprintln!("error: {message}");
            return exit::FAILURE;
        }
    };
    let rule_paths = if !args.rules.is_empty() {
        args.rules.clone()
    } else if !config.rules.is_empty() {
        config.rules.clone()
    } else {
        let default = PathBuf::from(crate::load::DEFAULT_RULES_PATH);
        if !default.exists() {
            let here = std::env::current_dir().unwrap_or_default();
            eprintln!(
                "error: no rules to check against: there is no `{}` folder in {} (the default); \
                 pass `--rules PATH`, or set `rules` in factlint.toml",
                default.display(),
                here.display()
            );
            return exit::FAILURE;
        }
        vec![default]
    };
    let rules = match crate::load::load_rules(&rule_paths) {
        Ok(rules) => rules,
        Err(errors) => {
            eprint!("{}", errors.render(std::io::stderr().is_terminal()));
            eprintln!("error: the rules are invalid; nothing was checked");
            return exit::FAILURE;
        }
    };
    if let Err(error) = config.check_against(&rules) {
        eprintln!("error: {error}");
        return exit::FAILURE;
    }
    let filter = match DraftFilter::new(&config.root, &config.include, &config.exclude) {
        Ok(filter) => filter,
        Err(message) => {
            let path = config.path.as_deref().unwrap_or(Path::new("factlint.toml"));
            eprintln!("error: {}: {message}", path.display());
            return exit::FAILURE;
        }
    };
    let baseline = match &args.baseline {
        Some(path) => match Baseline::load(path) {
            Ok(baseline) => Some(baseline),
            Err(message) => {
                eprintln!("error: {message}");
                return exit::FAILURE;
            }
        },
        None => None,
    };
    let month_first = args.month_first || config.month_first.unwrap_or(false);
    let dollar = args
        .dollar
        .clone()
        .or_else(|| config.dollar.clone())
        .unwrap_or_else(|| "USD".to_string())
        .to_ascii_uppercase();
    if !crate::value::is_known_currency(&dollar) {
        eprintln!("error: --dollar {dollar}: not a currency code factlint knows");
        return exit::FAILURE;
    }
    let options = CheckOptions {
        extract: ExtractOptions {
            date_order: if month_first {
                DateOrder::MonthFirst
            } else {
                DateOrder::DayFirst
            },
            dollar,
        },
    };
    let engine = Engine::with_options(&rules, options);
    let settings = Settings {
        fail_on: args.fail_on.or(config.fail_on).unwrap_or(FailOn::Warning),
        config,
        as_of: args.as_of,
        today: PartialDate::today(),
        stdin_name: args.stdin_filename.clone(),
        fingerprints: args.baseline.is_some()
            || args.write_baseline.is_some()
            || args.format == Format::Sarif,
    };

    let collected = collect_drafts(&args.paths, &filter);
    let mut problems = collected.problems.len();
    for message in &collected.problems {
        eprintln!("error: {message}");
    }
    let drafts: Vec<Draft> = match args.shard {
        Some(shard) => collected
            .drafts
            .into_iter()
            .filter(|draft| shard.contains(draft))
            .collect(),
        None => collected.drafts,
    };

    let mut run = Run {
        args: &args,
        rules: &rules,
        settings: &settings,
        reporter: reporter(
            args.format,
            args.format == Format::Human && std::io::stdout().is_terminal(),
            &rules,
        ),
        baseline: baseline.as_ref().map(BaselineMatcher::new),
        old_reasons: baseline.as_ref().map(reasons).unwrap_or_default(),
        recorded: Vec::new(),
        problems: 0,
        failing: false,
        fixed_findings: 0,
        fixed_files: 0,
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let progress = progress_bar(drafts.len());
    // A producer thread checks batches of drafts on the rayon pool while this thread prints
    // the finished ones in order; the bounded channel bounds memory by a few batches.
    let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<Result<Checked, String>>>(2);
    let (engine, settings_ref, drafts_ref) = (&engine, &settings, &drafts);
    let printed = std::thread::scope(|scope| {
        scope.spawn(move || {
            for batch in drafts_ref.chunks(BATCH) {
                let results = batch
                    .par_iter()
                    .map(|draft| check_draft(engine, draft, settings_ref))
                    .collect();
                if sender.send(results).is_err() {
                    break;
                }
            }
        });
        let mut print = || -> std::io::Result<()> {
            for results in &receiver {
                for result in results {
                    progress.inc(1);
                    match result {
                        Ok(checked) => run.report(&mut out, checked)?,
                        Err(message) => {
                            progress.suspend(|| eprintln!("error: {message}"));
                            run.problems += 1;
                        }
                    }
                }
            }
            Ok(())
        };
        let printed = print();
        // Stops the producer at its next batch when printing failed.
        drop(receiver);
        printed
    });
    if let Err(error) = printed {
        progress.finish_and_clear();
        return broken_pipe_or_failure(&error);
    }
    progress.finish_and_clear();
    let finished = if args.diff {
        Ok(())
    } else {
        run.reporter.finish(&mut out)
    };
    if let Err(error) = finished.and_then(|()| out.flush()) {
        return broken_pipe_or_failure(&error);
    }
    drop(out);
    problems += run.problems;
    problems += run.finish_baselines();
    if args.fix {
        eprintln!(
            "fixed {} finding{} in {} file{}",
            run.fixed_findings,
            plural(run.fixed_findings),
            run.fixed_files,
            plural(run.fixed_files)
        );
    }
    if problems > 0 {
        eprintln!(
            "error: {problems} problem{} in this run (see above)",
            plural(problems)
        );
        exit::FAILURE
    } else if run.failing && args.write_baseline.is_none() {
        exit::FINDINGS
    } else {
        exit::CLEAN
    }
}

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

/// The config named with `--config`, or the one found upward from the working folder.
pub(super) fn load_config(path: Option<&Path>) -> Result<Config, String> {
    match path {
        Some(path) => Config::load(path).map_err(|error| error.to_string()),
        None => {
            let here = std::env::current_dir()
                .map_err(|error| format!("cannot read the working folder: {error}"))?;
            let mut config = Config::discover(&here).map_err(|mut error| {
                error.path = relative_to(&error.path, &here);
                error.to_string()
            })?;
            // Show paths relative to the working folder when the config is in it or above.
            if let Some(found) = &config.path {
                config.path = Some(relative_to(found, &here));
            }
            config.rules = config
                .rules
                .iter()
                .map(|rule_path| relative_to(rule_path, &here))
                .collect();
            Ok(config)
        }
    }
}

/// `path` relative to `base` when it lies below it, else `path` with as many `..` as needed
/// (both absolute), so that rule paths in messages stay short.
fn relative_to(path: &Path, base: &Path) -> PathBuf {
    if let Ok(rest) = path.strip_prefix(base) {
        return if rest.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            rest.to_path_buf()
        };
    }
    let mut ups = PathBuf::new();
    for ancestor in base.ancestors().skip(1) {
        ups.push("..");
        if let Ok(rest) = path.strip_prefix(ancestor) {
            return ups.join(rest);
        }
    }
    path.to_path_buf()
}

fn progress_bar(count: usize) -> indicatif::ProgressBar {
    if count < PROGRESS_THRESHOLD || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(count as u64),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} drafts ({elapsed})")
    {
        bar.set_style(style);
    }
    bar
}

/// Read, parse and check one draft; the message names the draft when it cannot be read.
fn check_draft(engine: &Engine<'_>, draft: &Draft, settings: &Settings) -> Result<Checked, String> {
    let shown = draft.shown(settings.stdin_name.as_deref());
    let text = read_draft(draft, &shown)?;
    let document = Document::parse(&text, DocumentFormat::from_path(&shown));
    let date = settings
        .as_of
        .or(document.front_matter_date)
        .or(settings.config.date)
        .unwrap_or(settings.today);
    let diagnostics = engine.check(&document, date);
    let fingerprints = diagnostics
        .iter()
        .map(|diagnostic| {
            if !settings.fingerprints {
                return String::new();
            }
            let sentences = &document.sentences;
            let at =
                sentences.partition_point(|sentence| sentence.span.end <= diagnostic.span.start);
            let sentence = sentences
                .get(at)
                .map(|sentence| sentence.span)
                .filter(|span| span.start <= diagnostic.span.start);
            baseline::fingerprint(diagnostic, &document.prose, sentence)
        })
        .collect();
    drop(document);
    Ok(Checked {
        draft: draft.clone(),
        shown,
        text,
        diagnostics,
        fingerprints,
    })
}

/// (file, fingerprint, fact) → the reason an old baseline gave.
type Reasons = HashMap<(String, String, String), String>;

fn reasons(baseline: &Baseline) -> Reasons {
    baseline
        .entries
        .iter()
        .filter_map(|entry| {
            let reason = entry.reason.clone()?;
            let key = (
                baseline::normalise_path(&entry.file),
                entry.fingerprint.clone(),
                entry.fact.clone(),
            );
            Some((key, reason))
        })
        .collect()
}

/// The state of a run as checked drafts come in, in order.
struct Run<'a> {
    args: &'a CheckArgs,
    rules: &'a RuleSet,
    settings: &'a Settings,
    reporter: Box<dyn crate::report::Reporter>,
    baseline: Option<BaselineMatcher>,
    old_reasons: Reasons,
    recorded: Vec<Entry>,
    problems: usize,
    failing: bool,
    fixed_findings: usize,
    fixed_files: usize,
}

impl Run<'_> {
    /// Overrides, baseline, report and fixes for one checked draft.
    fn report(&mut self, out: &mut dyn Write, checked: Checked) -> std::io::Result<()> {
        let Checked {
            draft,
            shown,
            text,
            diagnostics,
            fingerprints,
        } = checked;
        let mut kept: Vec<(Diagnostic, String)> = Vec::with_capacity(diagnostics.len());
        for (mut diagnostic, fingerprint) in diagnostics.into_iter().zip(fingerprints) {
            match self
                .settings
                .config
                .severity_for(self.rules, &diagnostic.fact)
            {
                Some(SeverityOverride::Off) => continue,
                Some(SeverityOverride::Set(severity)) => diagnostic.severity = severity,
                None => {}
            }
            kept.push((diagnostic, fingerprint));
        }
        if self.args.write_baseline.is_some() {
            let file = baseline::normalise_path(&shown);
            for (diagnostic, fingerprint) in &kept {
                let key = (file.clone(), fingerprint.clone(), diagnostic.fact.clone());
                self.recorded.push(Entry {
                    fact: diagnostic.fact.clone(),
                    file: file.clone(),
                    fingerprint: fingerprint.clone(),
                    kind: Some(diagnostic.kind.as_str().to_string()),
                    found: Some(diagnostic.found.clone()),
                    reason: self.old_reasons.get(&key).cloned(),
                });
            }
        }
        if let Some(matcher) = &mut self.baseline {
            matcher.checked(&shown);
            kept.retain(|(diagnostic, fingerprint)| {
                !matcher.hides(&shown, &diagnostic.fact, fingerprint)
            });
        }
        let (diagnostics, fingerprints): (Vec<Diagnostic>, Vec<String>) = kept.into_iter().unzip();
        if !self.args.diff {
            let report = FileReport {
                path: &shown,
                text: &text,
                diagnostics: &diagnostics,
                fingerprints: &fingerprints,
            };
            self.reporter.file(out, &report)?;
        }
        let mut fixed: Vec<&Fix> = Vec::new();
        let applied;
        if self.args.fix || self.args.diff {
            let fixes: Vec<Fix> = diagnostics.iter().filter_map(|d| d.fix.clone()).collect();
            applied = apply_fixes(&text, &fixes);
            if self.args.diff {
                out.write_all(unified_diff(&shown, &text, &applied.applied).as_bytes())?;
            } else if applied.changed() {
                match &draft {
                    Draft::Path(path) => match write_fixed(path, &text, &applied.text) {
                        Ok(()) => {
                            fixed.extend(applied.applied.iter());
                            self.fixed_files += 1;
                            self.fixed_findings += applied.applied.len();
                        }
                        Err(error) => {
                            eprintln!("error: {error}");
                            self.problems += 1;
                        }
                    },
                    Draft::Stdin => {
                        eprintln!(
                            "note: {shown}: standard input cannot be fixed in place; use --diff"
                        );
                    }
                }
            }
        }
        let fail_on = self.settings.fail_on;
        self.failing |= diagnostics.iter().any(|diagnostic| {
            let was_fixed = diagnostic
                .fix
                .as_ref()
                .is_some_and(|fix| fixed.contains(&fix));
            !was_fixed && fail_on.fails(diagnostic.severity)
        });
        Ok(())
    }

    /// Report stale baseline entries and write the new baseline; the number of problems.
    fn finish_baselines(&mut self) -> usize {
        let mut problems = 0;
        if let (Some(matcher), Some(path)) = (&self.baseline, &self.args.baseline) {
            let stale = matcher.stale();
            if !stale.is_empty() {
                eprintln!(
                    "note: {}: {} stale entr{} (no longer found; --write-baseline prunes them):",
                    path.display(),
                    stale.len(),
                    if stale.len() == 1 { "y" } else { "ies" }
                );
                for entry in stale {
                    eprintln!(
                        "  {}: {} `{}` ({})",
                        entry.file,
                        entry.fact,
                        entry.found.as_deref().unwrap_or(""),
                        entry.fingerprint
                    );
                }
            }
            if matcher.suppressed > 0 {
                eprintln!(
                    "note: {}: {} known finding{} not reported",
                    path.display(),
                    matcher.suppressed,
                    plural(matcher.suppressed)
                );
            }
        }
        if let Some(path) = &self.args.write_baseline {
            let baseline = Baseline {
                version: baseline::BASELINE_VERSION,
                entries: std::mem::take(&mut self.recorded),
            };
            match baseline.save(path) {
                Ok(()) => eprintln!(
                    "wrote {} baseline entr{} to {}",
                    baseline.entries.len(),
                    if baseline.entries.len() == 1 {
                        "y"
                    } else {
                        "ies"
                    },
                    path.display()
                ),
                Err(message) => {
                    eprintln!("error: {message}");
                    problems += 1;
                }
            }
        }
        problems
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_shown_relative_to_the_working_folder() {
        let base = Path::new("/repo/news/2013");
        assert_eq!(
            relative_to(Path::new("/repo/news/2013/rules"), base),
            PathBuf::from("rules")
        );
        assert_eq!(
            relative_to(Path::new("/repo/rules"), base),
            PathBuf::from("../../rules")
        );
        assert_eq!(
            relative_to(Path::new("/repo/news/2013"), base),
            PathBuf::from(".")
        );
    }
}
