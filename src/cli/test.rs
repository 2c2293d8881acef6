//! `factlint test`: run the ok/bad examples embedded in rule files.

use super::exit;
use crate::testing::{Outcome, missing_examples, run_examples};
use clap::Args;
use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(after_long_help = "\
An ok example must give no finding of its fact; a bad example must give one finding of its
fact exactly at the span marked with [brackets], and no other. Examples are read as of the
date of the fact's source.

Examples:
  factlint test                         run the examples in rules/
  factlint test --require-examples rules/")]
pub struct TestArgs {
    /// Rule files or folders. Default: `rules`.
    pub paths: Vec<PathBuf>,

    /// Fail when a fact (or an entity with titles or avoid-variants) lacks an ok or a bad example.
    #[arg(long = "require-examples")]
    pub require_examples: bool,

    /// Change each ok example the way a careless writer would (another day, amount, count,
    /// entity, title, a negation) and report every change its fact fails to flag.
    #[arg(long)]
    pub mutate: bool,
}

pub fn run(args: TestArgs) -> u8 {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("rules")]
    } else {
        args.paths
    };
    let rules = match crate::load::load_rules(&paths) {
        Ok(rules) => rules,
        Err(errors) => {
            eprint!("{}", errors.render(std::io::stderr().is_terminal()));
            eprintln!("error: the rules are invalid; no example was run");
            return exit::FAILURE;
        }
    };
    if args.mutate {
        return run_mutations(&rules);
    }
    let mut out = String::new();
    let mut files = SimpleFiles::new();
    for file in &rules.files {
        files.add(file.path.clone(), file.text.clone());
    }
    let color = std::io::stdout().is_terminal();
    let outcomes = run_examples(&rules);
    let mut failed = 0;
    for outcome in &outcomes {
        if let Some(failure) = &outcome.failure {
            failed += 1;
            outw!(out, "{}", render(&files, outcome, failure, color));
        }
    }
    let mut missing = 0;
    if args.require_examples {
        for (id, what) in missing_examples(&rules) {
            missing += 1;
            outln!(out, "error: `{id}` lacks {what}");
            outln!(
                out,
                "  = help: add {what} under `{id}`: `ok \"…\"` passes, `bad \"… [wrong text] …\"` must be flagged there\n"
            );
        }
    }
    let passed = outcomes.len() - failed;
    outln!(out, "{passed} passed, {failed} failed");
    if missing > 0 {
        outln!(
            out,
            "{missing} fact{} without required examples",
            if missing == 1 { "" } else { "s" }
        );
    }
    if let Err(code) = super::write_stdout(&out) {
        return code;
    }
    if failed > 0 || missing > 0 {
        exit::FINDINGS
    } else {
        exit::CLEAN
    }
}

/// `--mutate`: the score per fact, every surviving mutant, and the total.
fn run_mutations(rules: &crate::rules::RuleSet) -> u8 {
    let results = crate::testing::mutate(rules);
    let mut out = String::new();
    let (mut killed, mut total) = (0, 0);
    for fact in &results {
        if fact.mutants.is_empty() {
            outln!(
                out,
                "{:<32}   0/0     —  no mutant: no ok example states a value or phrase it checks",
                fact.id
            );
            continue;
        }
        let fact_killed = fact.killed();
        killed += fact_killed;
        total += fact.mutants.len();
        let score = 100.0 * fact_killed as f64 / fact.mutants.len().max(1) as f64;
        outln!(
            out,
            "{:<32} {fact_killed:>3}/{:<3} {score:5.1}%",
            fact.id,
            fact.mutants.len()
        );
        for mutant in fact.mutants.iter().filter(|m| !m.killed) {
            outln!(out, "    survived: {}  ({})", mutant.text, mutant.change);
        }
    }
    let score = 100.0 * killed as f64 / total.max(1) as f64;
    outln!(
        out,
        "mutation score: {killed}/{total} killed ({score:.1}%), {} survived",
        total - killed
    );
    if let Err(code) = super::write_stdout(&out) {
        return code;
    }
    if killed == total {
        exit::CLEAN
    } else {
        exit::FINDINGS
    }
}

fn render(
    files: &SimpleFiles<String, String>,
    outcome: &Outcome<'_>,
    failure: &str,
    color: bool,
) -> String {
    let kind = if outcome.example.ok { "ok" } else { "bad" };
    let mut notes = vec![format!("example: {}", outcome.example.text)];
    notes.push(if outcome.default_date {
        format!(
            "read as of {}, the default: `{}` cites no dated source and names no event; cite a \
             source with a `date` to read titles, anniversaries and durations as of it",
            outcome.date, outcome.id
        )
    } else if outcome.example.as_of.is_some() {
        format!("read as of {} (its own `as of` date)", outcome.date)
    } else {
        format!(
            "read as of {} (the date of its source or event)",
            outcome.date
        )
    });
    if let Some(why) = &outcome.why {
        notes.push(format!("why: {why}"));
    }
    for finding in &outcome.findings {
        notes.push(format!(
            "found: {} at `{}` (expected {})",
            finding.kind.as_str(),
            finding.found,
            finding.expected
        ));
    }
    let diagnostic = Diagnostic::error()
        .with_message(format!(
            "{kind} example of `{}` failed: {failure}",
            outcome.id
        ))
        .with_labels(vec![
            Label::primary(
                outcome.example.origin.file,
                outcome.example.origin.span.range(),
            )
            .with_message(failure.to_string()),
        ])
        .with_notes(notes);
    crate::draw::draw(files, &diagnostic, color).unwrap_or_else(|error| format!("error: {error}\n"))
}
