//! `factlint rules`: validate rule files and list what they hold — a summary and a table of
//! facts on stdout, or the JSON listing with `--format json`; every error to stderr, exit 2.

use crate::load::load_rules;
use crate::rules::{Entity, RuleSet, Severity, describe_expect, describe_titles, fact_kind};
use crate::span::LineIndex;
use clap::{Args, ValueEnum};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Rule files or folders (default: `rules`).
    pub paths: Vec<std::path::PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
    pub format: RulesFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Human,
    Json,
}

pub fn run(args: RulesArgs) -> u8 {
    let rules = match load_rules(&args.paths) {
        Ok(rules) => rules,
        Err(errors) => {
            let color = std::io::stderr().is_terminal();
            let mut stderr = std::io::stderr().lock();
            let _ = write!(stderr, "{}", errors.render(color));
            let _ = writeln!(stderr, "{}", errors.summary());
            return super::exit::FAILURE;
        }
    };
    let output = match args.format {
        RulesFormat::Human => human_listing(&rules),
        RulesFormat::Json => {
            let listing = json_listing(&rules);
            serde_json::to_string_pretty(&listing).unwrap_or_default() + "\n"
        }
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`factlint rules | head`) is not a failure of the rules.
    let _ = stdout.write_all(output.as_bytes());
    super::exit::CLEAN
}

/// One row of the fact table: a fact, or an entity listed as a `title` or `name` check.
struct Row {
    id: String,
    kind: &'static str,
    expected: String,
    source: Option<String>,
    event: Option<String>,
    severity: Severity,
    tags: Vec<String>,
    file: usize,
    offset: usize,
}

fn rows(rules: &RuleSet) -> Vec<Row> {
    let source_id = |index: Option<usize>| {
        index.and_then(|index| rules.sources.get(index).map(|source| source.id.clone()))
    };
    let mut rows = Vec::new();
    for fact in &rules.facts {
        rows.push(Row {
            id: fact.id.clone(),
            kind: fact_kind(rules, fact),
            expected: describe_expect(rules, &fact.expect),
            source: source_id(fact.source),
            event: fact
                .event
                .and_then(|index| rules.events.get(index).map(|event| event.id.clone())),
            severity: fact.severity,
            tags: fact.tags.clone(),
            file: fact.origin.file,
            offset: fact.origin.span.start,
        });
    }
    let entity_row = |entity: &Entity, kind: &'static str, expected: String| Row {
        id: entity.id.clone(),
        kind,
        expected,
        source: source_id(entity.source),
        event: None,
        severity: entity.severity,
        tags: Vec::new(),
        file: entity.origin.file,
        offset: entity.origin.span.start,
    };
    for entity in &rules.entities {
        if !entity.titles.is_empty() {
            rows.push(entity_row(entity, "title", describe_titles(entity)));
        }
        if !entity.avoid.is_empty() {
            rows.push(entity_row(
                entity,
                "name",
                format!("{} (not {})", entity.name, entity.avoid.join(", ")),
            ));
        }
    }
    rows
}

fn line_of(rules: &RuleSet, file: usize, offset: usize) -> (String, usize) {
    match rules.files.get(file) {
        Some(rule_file) => {
            let index = LineIndex::new(&rule_file.text);
            let line = index.line_col(&rule_file.text, offset).line;
            (rule_file.path.clone(), line)
        }
        None => (String::new(), 0),
    }
}

/// The summary and fact table `factlint rules` prints.
pub fn human_listing(rules: &RuleSet) -> String {
    let rows = rows(rules);
    let mut text = String::new();
    // Facts, then the checks entities give of themselves (titles and avoid-variants).
    for (label, of_entities) in [("facts", false), ("entity checks", true)] {
        let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
        for row in &rows {
            if matches!(row.kind, "title" | "name") == of_entities {
                *kinds.entry(row.kind).or_default() += 1;
            }
        }
        let total: usize = kinds.values().sum();
        if of_entities && total == 0 {
            continue;
        }
        text.push_str(&format!("{label}: {total}"));
        if !kinds.is_empty() {
            let kinds: Vec<String> = kinds
                .iter()
                .map(|(kind, count)| format!("{kind} {count}"))
                .collect();
            text.push_str(&format!(" ({})", kinds.join(", ")));
        }
        text.push('\n');
    }
    let mut classes: BTreeMap<&str, usize> = BTreeMap::new();
    for entity in &rules.entities {
        *classes.entry(entity.class.as_str()).or_default() += 1;
    }
    let classes: Vec<String> = classes
        .iter()
        .map(|(class, count)| format!("{class} {count}"))
        .collect();
    text.push_str(&format!("entities: {}", rules.entities.len()));
    if !classes.is_empty() {
        text.push_str(&format!(" ({})", classes.join(", ")));
    }
    text.push('\n');
    text.push_str(&format!("events: {}\n", rules.events.len()));
    text.push_str(&format!("sources: {}\n", rules.sources.len()));
    if rows.is_empty() {
        return text;
    }
    text.push('\n');
    let header = ["FACT", "KIND", "EXPECTED", "SOURCE"];
    let cells: Vec<[String; 4]> = rows
        .iter()
        .map(|row| {
            [
                row.id.clone(),
                row.kind.to_string(),
                row.expected.clone(),
                row.source.clone().unwrap_or_else(|| "-".to_string()),
            ]
        })
        .collect();
    let mut widths = header.map(|title| title.chars().count());
    for row in &cells {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut push_row = |cells: [&str; 4]| {
        let mut line = String::new();
        for (column, (cell, width)) in cells.iter().zip(widths).enumerate() {
            if column + 1 == cells.len() {
                line.push_str(cell);
            } else {
                let padding = width.saturating_sub(cell.chars().count());
                line.push_str(cell);
                line.push_str(&" ".repeat(padding + 2));
            }
        }
        text.push_str(line.trim_end());
        text.push('\n');
    };
    push_row(header);
    for row in &cells {
        push_row([&row[0], &row[1], &row[2], &row[3]]);
    }
    text
}

/// One fact (or title/name check) in the JSON listing.
#[derive(Serialize)]
struct JsonFact {
    id: String,
    kind: &'static str,
    expected: String,
    source: Option<String>,
    event: Option<String>,
    severity: &'static str,
    tags: Vec<String>,
    file: String,
    line: usize,
}

#[derive(Serialize)]
struct JsonTitle {
    name: String,
    aliases: Vec<String>,
    from: Option<String>,
    to: Option<String>,
}

#[derive(Serialize)]
struct JsonEntity {
    id: String,
    class: String,
    name: String,
    aliases: Vec<String>,
    adjectives: Vec<String>,
    avoid: Vec<String>,
    titles: Vec<JsonTitle>,
}

#[derive(Serialize)]
struct JsonSource {
    id: String,
    title: String,
    date: Option<String>,
    url: Option<String>,
    publisher: Option<String>,
}

#[derive(Serialize)]
struct JsonEvent {
    id: String,
    name: String,
    aliases: Vec<String>,
    from: Option<String>,
    to: Option<String>,
    participants: Vec<String>,
    source: Option<String>,
}

/// The listing `factlint rules --format json` prints, keys in a fixed order.
#[derive(Serialize)]
pub struct JsonListing {
    facts: Vec<JsonFact>,
    entities: Vec<JsonEntity>,
    sources: Vec<JsonSource>,
    events: Vec<JsonEvent>,
}

/// The listing `factlint rules --format json` prints.
pub fn json_listing(rules: &RuleSet) -> JsonListing {
    let source_id = |index: Option<usize>| {
        index.and_then(|index| rules.sources.get(index).map(|source| source.id.clone()))
    };
    let facts = rows(rules)
        .into_iter()
        .map(|row| {
            let (file, line) = line_of(rules, row.file, row.offset);
            JsonFact {
                id: row.id,
                kind: row.kind,
                expected: row.expected,
                source: row.source,
                event: row.event,
                severity: row.severity.as_str(),
                tags: row.tags,
                file,
                line,
            }
        })
        .collect();
    let entities = rules
        .entities
        .iter()
        .map(|entity| JsonEntity {
            id: entity.id.clone(),
            class: entity.class.clone(),
            name: entity.name.clone(),
            aliases: entity.aliases.clone(),
            adjectives: entity.adjectives.clone(),
            avoid: entity.avoid.clone(),
            titles: entity
                .titles
                .iter()
                .map(|title| JsonTitle {
                    name: title.name.clone(),
                    aliases: title.aliases.clone(),
                    from: title.from.map(|date| date.to_string()),
                    to: title.to.map(|date| date.to_string()),
                })
                .collect(),
        })
        .collect();
    let sources = rules
        .sources
        .iter()
        .map(|source| JsonSource {
            id: source.id.clone(),
            title: source.title.clone(),
            date: source.date.map(|date| date.to_string()),
            url: source.url.clone(),
            publisher: source.publisher.clone(),
        })
        .collect();
    let events = rules
        .events
        .iter()
        .map(|event| JsonEvent {
            id: event.id.clone(),
            name: event.name.clone(),
            aliases: event.aliases.clone(),
            from: event.from.map(|date| date.to_string()),
            to: event.to.map(|date| date.to_string()),
            participants: event
                .participants
                .iter()
                .filter_map(|index| rules.entities.get(*index).map(|entity| entity.id.clone()))
                .collect(),
            source: source_id(event.source),
        })
        .collect();
    JsonListing {
        facts,
        entities,
        sources,
        events,
    }
}
