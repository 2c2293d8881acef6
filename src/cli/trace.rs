//! `factlint trace FILE[:LINE]`: how factlint read a draft — its sentences, the values read
//! in each, the phrases found, which value each fact bound and why, and why each fact whose
//! cue was there did not count. The tool for finding out why a fact did or did not fire.

use super::exit;
use crate::document::{Document, Format};
use crate::engine::Engine;
use crate::engine::claims::{Binding, Bound};
use crate::engine::matcher::Meaning;
use crate::rules::RuleSet;
use crate::span::LineIndex;
use crate::value::PartialDate;
use crate::walk::Draft;
use clap::Args;
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(after_long_help = "\
Examples:
  factlint trace samples/2013-07-17-planted-wire.md        every sentence
  factlint trace samples/2013-07-17-planted-wire.md:17     the sentences on line 17")]
pub struct TraceArgs {
    /// The draft, optionally with `:LINE` to show only the sentences on that line.
    pub target: String,

    /// Rule files or folders. Default: `rules`.
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,

    /// The document date (YYYY-MM-DD). Default: the draft's front matter `date:`, else today.
    #[arg(long = "as-of", value_name = "YYYY-MM-DD", value_parser = super::check::parse_date)]
    pub as_of: Option<PartialDate>,
}

pub fn run(args: TraceArgs) -> u8 {
    let (path, line) = split_line(&args.target);
    let text = match crate::walk::read_draft(&Draft::Path(PathBuf::from(path)), path) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("error: {message}");
            return exit::FAILURE;
        }
    };
    let rule_paths = if args.rules.is_empty() {
        vec![PathBuf::from("rules")]
    } else {
        args.rules
    };
    let rules = match crate::load::load_rules(&rule_paths) {
        Ok(rules) => rules,
        Err(errors) => {
            eprint!("{}", errors.render(std::io::stderr().is_terminal()));
            return exit::FAILURE;
        }
    };
    let engine = Engine::new(&rules);
    let document = Document::parse(&text, Format::from_path(path));
    let date = args
        .as_of
        .or(document.front_matter_date)
        .unwrap_or_else(PartialDate::today);
    let index = LineIndex::new(&text);
    let (sentences, diagnostics) = engine.trace(&document, date);
    let mut out = String::new();
    outln!(
        out,
        "{path}: document date {date}, {} sentences",
        sentences.len()
    );
    let quote = |span: crate::span::Span| {
        document
            .prose_of(span)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    for (number, sentence) in sentences.iter().enumerate() {
        let start = index.line_col(&text, sentence.span.start);
        let end = index.line_col(&text, sentence.span.end);
        if line.is_some_and(|line| line < start.line || line > end.line) {
            continue;
        }
        outln!(
            out,
            "\nsentence {} at {}:{}: {}",
            number + 1,
            start.line,
            start.column,
            quote(sentence.span)
        );
        for value in &sentence.values {
            let hedge = value
                .hedge_text
                .as_deref()
                .map(|h| format!(" (hedge: {h})"))
                .unwrap_or_default();
            outln!(
                out,
                "  value   {:<8} {:<24} → {}{hedge}",
                value.value.kind().as_str(),
                quote(value.span),
                value.value.form()
            );
        }
        for hit in &sentence.hits {
            outln!(
                out,
                "  found   {:<24} {}",
                format!("`{}`", quote(hit.span)),
                meaning(&rules, hit.meaning)
            );
        }
        for claim in &sentence.claims {
            let fact = &rules.facts[claim.fact].id;
            let bound = match &claim.bound {
                Bound::Value(value) => format!("`{}`", quote(value.span)),
                Bound::Entities(hits) => hits
                    .iter()
                    .map(|hit| format!("`{}`", quote(hit.span)))
                    .collect::<Vec<_>>()
                    .join(", "),
                Bound::None => "nothing".to_string(),
            };
            let how = match claim.binding {
                Binding::Slot => "at the pattern's slot".to_string(),
                Binding::Nearest(distance) => format!(
                    "the nearest value of its type, {distance} bytes from the cue `{}`",
                    quote(claim.cue)
                ),
                Binding::Entities => "the names of the slot's class nearest this cue".to_string(),
                Binding::Nothing => "no value of its type within reach".to_string(),
            };
            let verdict: Vec<String> = diagnostics
                .iter()
                .filter(|d| &d.fact == fact && sentence.span.contains(d.span))
                .map(|d| {
                    format!(
                        "{} at `{}` (expected {})",
                        d.kind.as_str(),
                        d.found,
                        d.expected
                    )
                })
                .collect();
            let verdict = if verdict.is_empty() {
                "agrees".to_string()
            } else {
                verdict.join("; ")
            };
            outln!(out, "  stated  {fact}: bound {bound}, {how} → {verdict}");
        }
        for missed in &sentence.missed {
            let fact = &rules.facts[missed.fact];
            let why = missed.reason.describe(&rules, fact);
            outln!(
                out,
                "  missed  {} (cue `{}`): {why}",
                fact.id,
                quote(missed.cue)
            );
        }
    }
    match super::write_stdout(&out) {
        Ok(()) => exit::CLEAN,
        Err(code) => code,
    }
}

fn meaning(rules: &RuleSet, meaning: Meaning) -> String {
    let fact = |index: usize| rules.facts.get(index).map_or("?", |f| f.id.as_str());
    let entity = |index: usize| rules.entities.get(index).map_or("?", |e| e.id.as_str());
    match meaning {
        Meaning::Cue(index) => format!("cue of {}", fact(index)),
        Meaning::Near { fact: index, group } => {
            format!("near-word (group {}) of {}", group + 1, fact(index))
        }
        Meaning::Unless(index) => format!("unless-phrase of {}", fact(index)),
        Meaning::Name { entity: index, .. } => {
            format!(
                "name of {} ({})",
                entity(index),
                rules.entities.get(index).map_or("?", |e| e.class.as_str())
            )
        }
        Meaning::Avoid { entity: index, .. } => format!("variant to avoid of {}", entity(index)),
        Meaning::Title {
            entity: index,
            title,
        } => format!(
            "title {} of {}",
            rules
                .entities
                .get(index)
                .and_then(|e| e.titles.get(title))
                .map_or("?", |t| t.name.as_str()),
            entity(index)
        ),
        Meaning::EventName(index) => format!(
            "name of event {}",
            rules.events.get(index).map_or("?", |e| e.id.as_str())
        ),
    }
}

/// `file.md:17` → (`file.md`, 17); a path without a line number is returned whole.
fn split_line(target: &str) -> (&str, Option<usize>) {
    match target.rsplit_once(':') {
        Some((path, line)) if !path.is_empty() => match line.parse() {
            Ok(line) => (path, Some(line)),
            Err(_) => (target, None),
        },
        _ => (target, None),
    }
}
