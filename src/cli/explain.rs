//! `factlint explain ID`: everything the rules say about one fact or entity, like
//! `rustc --explain` — its kind, expected value, source, message, tags, severity, examples with
//! the marked span underlined, and the file and line where it is defined. An unknown id is an
//! error that suggests the closest ids.

use super::exit;
use crate::rules::{
    Entity, Event, Example, Fact, Origin, PatternPart, RuleSet, Source, SourceIdx, describe_expect,
    describe_titles, fact_kind,
};
use crate::span::LineIndex;
use clap::Args;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(after_long_help = "\
Examples:
  factlint explain talks_date          a fact
  factlint explain belarus             an entity: its names, variants to avoid, titles
  factlint explain visit_2013          an event: its window, participants and facts
  factlint explain belta               a source: its date and the facts that cite it")]
pub struct ExplainArgs {
    /// The id of a fact, an entity, an event or a source.
    pub id: String,

    /// Rule files or folders. Default: `rules` of factlint.toml, else `rules`.
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,

    /// The configuration file. Default: factlint.toml in the working folder or above.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

pub fn run(args: ExplainArgs) -> u8 {
    let config = match super::check::load_config(args.config.as_deref()) {
        Ok(config) => config,
        Err(error) => {
            eprintln!("error: {error}");
            return exit::FAILURE;
        }
    };
    let rule_paths = if !args.rules.is_empty() {
        args.rules.clone()
    } else {
        config.rules.clone()
    };
    let rules = match crate::load::load_rules(&rule_paths) {
        Ok(rules) => rules,
        Err(errors) => {
            eprint!("{}", errors.render(std::io::stderr().is_terminal()));
            eprintln!("error: the rules are invalid");
            return exit::FAILURE;
        }
    };
    match explain(&rules, &args.id) {
        Ok(text) => {
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            exit::CLEAN
        }
        Err(message) => {
            eprintln!("{message}");
            exit::FAILURE
        }
    }
}

/// The explanation of `id`, or an error message with the closest ids.
pub fn explain(rules: &RuleSet, id: &str) -> Result<String, String> {
    let mut parts = Vec::new();
    if let Some(fact) = rules.fact(id) {
        parts.push(explain_fact(rules, fact));
    }
    if let Some(entity) = rules.entity(id) {
        parts.push(explain_entity(rules, entity));
    }
    if let Some(event) = rules.events.iter().find(|event| event.id == id) {
        parts.push(explain_event(rules, event));
    }
    if let Some(source) = rules.sources.iter().find(|source| source.id == id) {
        parts.push(explain_source(rules, source));
    }
    if parts.is_empty() {
        let mut message = format!("error: no fact, entity, event or source `{id}` in the rules");
        let close = closest_ids(rules, id);
        if !close.is_empty() {
            let list: Vec<String> = close.iter().map(|id| format!("`{id}`")).collect();
            message.push_str(&format!("\nhelp: did you mean {}?", list.join(", ")));
        }
        return Err(message);
    }
    Ok(parts.join("\n"))
}

fn explain_fact(rules: &RuleSet, fact: &Fact) -> String {
    let kind = fact_kind(rules, fact);
    let mut text = format!("{} — {} fact\n\n", fact.id, article(kind));
    field(&mut text, "expected", &describe_expect(rules, &fact.expect));
    if fact.affirm {
        field(
            &mut text,
            "polarity",
            "affirmed: a negated statement is a finding",
        );
    }
    field(&mut text, "source", &source_text(rules, fact.source));
    if let Some(message) = &fact.message {
        field(&mut text, "message", message);
    }
    field(&mut text, "severity", fact.severity.as_str());
    if !fact.tags.is_empty() {
        field(&mut text, "tags", &fact.tags.join(", "));
    }
    if let Some(event) = fact.event.and_then(|index| rules.events.get(index)) {
        field(
            &mut text,
            "event",
            &format!("{} ({})", event.id, event.name),
        );
    }
    if !fact.cues.is_empty() {
        field(&mut text, "cues", &quoted(&fact.cues));
    }
    for group in &fact.near {
        field(&mut text, "near", &quoted(group));
    }
    if !fact.with.is_empty() {
        field(&mut text, "with", &entity_names(rules, &fact.with));
    }
    for pattern in &fact.patterns {
        field(&mut text, "pattern", &pattern_text(pattern));
    }
    if !fact.unless.is_empty() {
        field(&mut text, "unless", &quoted(&fact.unless));
    }
    field(&mut text, "defined", &defined_at(rules, fact.origin));
    examples(&mut text, &fact.examples);
    text
}

fn explain_entity(rules: &RuleSet, entity: &Entity) -> String {
    let mut text = format!(
        "{} — {} `{}`\n\n",
        entity.id,
        article(&entity.class),
        entity.name
    );
    field(&mut text, "name", &entity.name);
    if !entity.aliases.is_empty() {
        field(&mut text, "aliases", &quoted(&entity.aliases));
    }
    if !entity.adjectives.is_empty() {
        field(&mut text, "adjective", &quoted(&entity.adjectives));
    }
    if !entity.avoid.is_empty() {
        field(
            &mut text,
            "avoid",
            &format!("{} (each is fixed to the name)", quoted(&entity.avoid)),
        );
    }
    if !entity.titles.is_empty() {
        field(&mut text, "titles", &describe_titles(entity));
    }
    field(&mut text, "source", &source_text(rules, entity.source));
    field(&mut text, "severity", entity.severity.as_str());
    field(&mut text, "defined", &defined_at(rules, entity.origin));
    examples(&mut text, &entity.examples);
    text
}

fn explain_event(rules: &RuleSet, event: &Event) -> String {
    let mut text = format!("{} — an event `{}`\n\n", event.id, event.name);
    let date = |date: Option<crate::value::PartialDate>| {
        date.map_or("open".to_string(), |date| date.to_string())
    };
    field(
        &mut text,
        "window",
        &format!("{} to {}", date(event.from), date(event.to)),
    );
    if !event.participants.is_empty() {
        field(&mut text, "with", &entity_names(rules, &event.participants));
    }
    if !event.aliases.is_empty() {
        field(&mut text, "aliases", &quoted(&event.aliases));
    }
    let facts = fact_ids(rules, |fact| {
        fact.event
            .and_then(|index| rules.events.get(index))
            .is_some_and(|bound| bound.id == event.id)
    });
    if !facts.is_empty() {
        field(&mut text, "facts", &facts);
    }
    field(&mut text, "source", &source_text(rules, event.source));
    field(&mut text, "defined", &defined_at(rules, event.origin));
    text
}

fn explain_source(rules: &RuleSet, source: &Source) -> String {
    let mut text = format!("{} — a source\n\n", source.id);
    field(&mut text, "title", &source.title);
    if let Some(publisher) = &source.publisher {
        field(&mut text, "publisher", publisher);
    }
    field(
        &mut text,
        "date",
        &source.date.map_or(
            "none (examples citing it are read as of their event, else 2000-01-01)".to_string(),
            |date| date.to_string(),
        ),
    );
    if let Some(url) = &source.url {
        field(&mut text, "url", url);
    }
    let citing = fact_ids(rules, |fact| {
        fact.source
            .and_then(|index| rules.sources.get(index))
            .is_some_and(|cited| cited.id == source.id)
    });
    if !citing.is_empty() {
        field(&mut text, "cited by", &citing);
    }
    field(&mut text, "defined", &defined_at(rules, source.origin));
    text
}

/// The ids of the facts that `keep`, in rule-file order, joined by commas.
fn fact_ids(rules: &RuleSet, keep: impl Fn(&Fact) -> bool) -> String {
    rules
        .facts
        .iter()
        .filter(|fact| keep(fact))
        .map(|fact| fact.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// "Xi Jinping (xi_jinping), Li Keqiang (li_keqiang)".
fn entity_names(rules: &RuleSet, entities: &[usize]) -> String {
    entities
        .iter()
        .filter_map(|&index| rules.entities.get(index))
        .map(|entity| format!("{} ({})", entity.name, entity.id))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A pattern as written: `"held talks" ... {value}`.
fn pattern_text(pattern: &[PatternPart]) -> String {
    pattern
        .iter()
        .map(|part| match part {
            PatternPart::Words(words) => words.join(" "),
            PatternPart::Gap => "...".to_string(),
            PatternPart::Slot => "{value}".to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn article(class: &str) -> String {
    let vowel = class.chars().next().is_some_and(|c| "aeiou".contains(c));
    format!("{} {class}", if vowel { "an" } else { "a" })
}

fn field(text: &mut String, name: &str, value: &str) {
    text.push_str(&format!("  {name:<10}{value}\n"));
}

fn quoted(words: &[String]) -> String {
    words
        .iter()
        .map(|word| format!("\"{word}\""))
        .collect::<Vec<_>>()
        .join(" | ")
}

fn source_text(rules: &RuleSet, source: Option<SourceIdx>) -> String {
    let Some(source) = source.and_then(|index| rules.sources.get(index)) else {
        return "none given".to_string();
    };
    let mut text = format!("{}: \"{}\"", source.id, source.title);
    if let Some(publisher) = &source.publisher {
        text.push_str(&format!(", {publisher}"));
    }
    if let Some(date) = &source.date {
        text.push_str(&format!(", {date}"));
    }
    if let Some(url) = &source.url {
        text.push_str(&format!(" <{url}>"));
    }
    text
}

fn defined_at(rules: &RuleSet, origin: Origin) -> String {
    match rules.files.get(origin.file) {
        Some(file) => {
            let line = LineIndex::new(&file.text)
                .line_col(&file.text, origin.span.start)
                .line;
            format!("{}:{line}", file.path)
        }
        None => "unknown".to_string(),
    }
}

/// The examples, bad ones with the marked span underlined.
fn examples(text: &mut String, examples: &[Example]) {
    if examples.is_empty() {
        text.push_str("\nNo examples.\n");
        return;
    }
    text.push_str("\nExamples:\n");
    for example in examples {
        let label = if example.ok { "ok " } else { "bad" };
        let dated = example
            .as_of
            .map(|date| format!("  (as of {date})"))
            .unwrap_or_default();
        text.push_str(&format!("  {label}  {}{dated}\n", example.text));
        if let Some(marked) = example.marked {
            let before = example.text.get(..marked.start).unwrap_or("");
            let inside = marked.slice(&example.text).unwrap_or("");
            let pad = before.chars().count();
            let width = inside.chars().count().max(1);
            text.push_str(&format!(
                "       {}{}\n",
                " ".repeat(pad),
                "^".repeat(width)
            ));
        }
    }
}

/// Up to three ids close to `id`: those that contain it or that it contains, then the
/// nearest by edit distance (at most a third of the id's length, at least 2).
pub fn closest_ids(rules: &RuleSet, id: &str) -> Vec<String> {
    let wanted = id.to_lowercase();
    let limit = (wanted.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, String)> = rules
        .facts
        .iter()
        .map(|fact| fact.id.clone())
        .chain(rules.entities.iter().map(|entity| entity.id.clone()))
        .filter_map(|candidate| {
            let lower = candidate.to_lowercase();
            let distance =
                if lower.contains(&wanted) || (wanted.len() >= 4 && wanted.contains(&lower)) {
                    0
                } else {
                    crate::dsl::error::edit_distance(&wanted, &lower)
                };
            (distance <= limit).then_some((distance, candidate))
        })
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(3).map(|(_, id)| id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: &str = r#"
source belta "Talks in Beijing" date 2013-07-16 url "https://example.org/talks"
country belarus "Belarus"
  avoid "Byelorussia"
  cite belta
  bad "[Byelorussia] signed."
city beijing "Beijing"
city shanghai "Shanghai"
fact talks_place
  cite belta
  when "talks"
  expect entity beijing
  tags visit
  ok "The talks were held in Beijing."
  bad "The talks were held in [Shanghai]."
"#;

    fn rules() -> RuleSet {
        crate::load::compile_str("explain.facts", RULES).unwrap()
    }

    #[test]
    fn a_fact_shows_its_value_source_tags_examples_and_home() {
        let text = explain(&rules(), "talks_place").unwrap();
        assert!(text.starts_with("talks_place — an entity fact\n"), "{text}");
        assert!(text.contains("expected  beijing"), "{text}");
        assert!(
            text.contains("belta: \"Talks in Beijing\", 2013-07-16 <https://example.org/talks>"),
            "{text}"
        );
        assert!(text.contains("tags      visit"), "{text}");
        assert!(text.contains("defined   explain.facts:9"), "{text}");
        let underline = format!(
            "{}{}\n",
            " ".repeat(7 + "The talks were held in ".len()),
            "^".repeat(8)
        );
        assert!(
            text.contains(&format!(
                "  bad  The talks were held in Shanghai.\n{underline}"
            )),
            "{text}"
        );
    }

    #[test]
    fn an_entity_shows_its_variants() {
        let text = explain(&rules(), "belarus").unwrap();
        assert!(text.contains("avoid     \"Byelorussia\""), "{text}");
        assert!(text.contains("a country `Belarus`"), "{text}");
    }

    #[test]
    fn events_and_sources_are_explained_too() {
        let rules = crate::load::compile_str(
            "explain.facts",
            &format!(
                "{RULES}person xi \"Xi Jinping\"\nevent visit \"State visit\" from 2013-07-15 to 2013-07-17 with xi aka \"state visit\"\nfact on_visit\n  cite belta\n  event visit\n  when \"visit\"\n  with xi\n  pattern \"visit began on {{value}}\"\n  expect date 2013-07-15\n"
            ),
        )
        .unwrap();
        let event = explain(&rules, "visit").unwrap();
        assert!(
            event.starts_with("visit — an event `State visit`"),
            "{event}"
        );
        assert!(
            event.contains("window    2013-07-15 to 2013-07-17"),
            "{event}"
        );
        assert!(event.contains("with      Xi Jinping (xi)"), "{event}");
        assert!(event.contains("facts     on_visit"), "{event}");
        let source = explain(&rules, "belta").unwrap();
        assert!(
            source.contains("cited by  talks_place, on_visit"),
            "{source}"
        );
        let fact = explain(&rules, "on_visit").unwrap();
        assert!(fact.contains("with      Xi Jinping (xi)"), "{fact}");
        assert!(fact.contains("pattern   visit began on {value}"), "{fact}");
    }

    #[test]
    fn an_unknown_id_suggests_the_closest() {
        let error = explain(&rules(), "talk_place").unwrap_err();
        assert!(
            error.contains("no fact, entity, event or source `talk_place`"),
            "{error}"
        );
        assert!(error.contains("did you mean `talks_place`?"), "{error}");
        let error = explain(&rules(), "zzzzzzzzzz").unwrap_err();
        assert!(!error.contains("did you mean"), "{error}");
    }

    #[test]
    fn edit_distances_count_chars() {
        use crate::dsl::error::edit_distance;
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("été", "ete"), 2);
    }
}
