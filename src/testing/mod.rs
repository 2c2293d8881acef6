//! Running the examples embedded in rule files: an `ok` example must give no finding of its
//! fact; a `bad` example must give a finding of its fact exactly at the marked span, and at no
//! other span. Each example is read as a plain-text draft dated by its fact's source (else by
//! the start of the fact's event, else as of 2000-01-01), so that titles, anniversaries and
//! yearless dates in examples are read as of the time the fact was written down.

mod mutate;

pub use mutate::{FactMutants, Mutant, mutate};

use crate::diagnostic::Diagnostic;
use crate::document::{Document, Format};
use crate::engine::Engine;
use crate::rules::{Example, RuleSet, SourceIdx};
use crate::span::Span;
use crate::value::PartialDate;

/// Whose examples these are: a fact's or an entity's (titles and avoid-variants).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owner {
    Fact(usize),
    Entity(usize),
}

/// The outcome of one example.
#[derive(Clone, Debug)]
pub struct Outcome<'r> {
    pub owner: Owner,
    pub id: &'r str,
    pub example: &'r Example,
    /// `None` when it passed; else what went wrong, in one line.
    pub failure: Option<String>,
    /// For a `bad` example of a fact that gave no finding: why, from the engine's trace (no
    /// cue, a miss and its reason, nothing bound, or a value that agrees).
    pub why: Option<String>,
    /// The findings of the example's own fact.
    pub findings: Vec<Diagnostic>,
    /// The date the example was read as of, and whether it is the default 2000-01-01.
    pub date: PartialDate,
    pub default_date: bool,
}

/// The date an example of a fact or entity is read as of.
pub fn example_date(rules: &RuleSet, owner: Owner) -> PartialDate {
    dated_example(rules, owner).0
}

/// [`example_date`], and whether it is the default (no dated source, no event).
pub fn dated_example(rules: &RuleSet, owner: Owner) -> (PartialDate, bool) {
    let (source, event): (Option<SourceIdx>, Option<usize>) = match owner {
        Owner::Fact(index) => rules
            .facts
            .get(index)
            .map_or((None, None), |fact| (fact.source, fact.event)),
        Owner::Entity(index) => (
            rules.entities.get(index).and_then(|entity| entity.source),
            None,
        ),
    };
    let from_source = source
        .and_then(|source| rules.sources.get(source))
        .and_then(|source| source.date);
    let from_event = event
        .and_then(|event| rules.events.get(event))
        .and_then(|event| event.from);
    let defaulted = from_source.or(from_event).is_none();
    let date = from_source
        .or(from_event)
        .unwrap_or(PartialDate::ymd(2000, 1, 1));
    (first_day(date), defaulted)
}

/// A partial date stands for its first day.
pub(crate) fn first_day(date: PartialDate) -> PartialDate {
    PartialDate::ymd(
        date.year.unwrap_or(2000),
        date.month.unwrap_or(1),
        date.day.unwrap_or(1),
    )
}

/// Every fact and entity with its id and examples, facts first, in rule-file order.
pub fn owners(rules: &RuleSet) -> impl Iterator<Item = (Owner, &str, &[Example])> {
    let facts = rules.facts.iter().enumerate().map(|(index, fact)| {
        (
            Owner::Fact(index),
            fact.id.as_str(),
            fact.examples.as_slice(),
        )
    });
    let entities = rules.entities.iter().enumerate().map(|(index, entity)| {
        (
            Owner::Entity(index),
            entity.id.as_str(),
            entity.examples.as_slice(),
        )
    });
    facts.chain(entities)
}

/// Run every example of every fact and entity, in rule-file order.
pub fn run_examples(rules: &RuleSet) -> Vec<Outcome<'_>> {
    let engine = Engine::new(rules);
    let mut outcomes = Vec::new();
    for (owner, id, examples) in owners(rules) {
        let (owner_date, owner_default) = dated_example(rules, owner);
        for example in examples {
            let (date, default_date) = match example.as_of {
                Some(date) => (first_day(date), false),
                None => (owner_date, owner_default),
            };
            let document = Document::parse(&example.text, Format::Text);
            let findings: Vec<Diagnostic> = engine
                .check(&document, date)
                .into_iter()
                .filter(|d| d.fact == id)
                .collect();
            let failure = judge(example, &findings);
            let why = match owner {
                Owner::Fact(fact) if failure.is_some() && findings.is_empty() && !example.ok => {
                    Some(why_silent(&engine, fact, &document, date))
                }
                _ => None,
            };
            outcomes.push(Outcome {
                owner,
                id,
                example,
                failure,
                why,
                findings,
                date,
                default_date,
            });
        }
    }
    outcomes
}

/// Why fact `fact` gave no finding on `document`, in a few words, from the engine's trace:
/// no cue, a miss (and its reason), nothing bound (and what values were read), or a value
/// that agrees.
fn why_silent(
    engine: &Engine<'_>,
    fact: usize,
    document: &Document<'_>,
    date: PartialDate,
) -> String {
    let rules = engine.rules;
    let Some(declared) = rules.facts.get(fact) else {
        return "unknown fact".to_string();
    };
    let (sentences, _) = engine.trace(document, date);
    let quote = |span: Span| span.slice(document.text).unwrap_or("").trim().to_string();
    for sentence in &sentences {
        if let Some(claim) = sentence.claims.iter().find(|claim| claim.fact == fact) {
            return match &claim.bound {
                crate::engine::claims::Bound::Value(value) => format!(
                    "it bound `{}`, read as {} {}, which agrees",
                    quote(value.span),
                    value.value.kind().as_str(),
                    value.value.form()
                ),
                crate::engine::claims::Bound::Entities(_) => "the names it bound agree".to_string(),
                crate::engine::claims::Bound::None => {
                    let values: Vec<String> = sentence
                        .values
                        .iter()
                        .map(|value| {
                            format!(
                                "`{}` is {} {}",
                                quote(value.span),
                                value.value.kind().as_str(),
                                value.value.form()
                            )
                        })
                        .collect();
                    if values.is_empty() {
                        "the fact is stated but the sentence has no value it reads".to_string()
                    } else {
                        format!(
                            "the fact is stated but bound no value of its type; {}",
                            values.join(", ")
                        )
                    }
                }
            };
        }
        if let Some(missed) = sentence.missed.iter().find(|missed| missed.fact == fact) {
            return format!(
                "the cue `{}` was found, but {}",
                quote(missed.cue),
                missed.reason.describe(rules, declared)
            );
        }
    }
    "no cue of the fact was found".to_string()
}

fn judge(example: &Example, findings: &[Diagnostic]) -> Option<String> {
    let describe = |d: &Diagnostic| format!("{} at `{}`", d.kind.as_str(), d.found);
    if example.ok {
        return match findings {
            [] => None,
            found => Some(format!(
                "an ok example gave {}: {}",
                count(found.len()),
                found.iter().map(describe).collect::<Vec<_>>().join(", ")
            )),
        };
    }
    let Some(marked) = example.marked else {
        return Some("a bad example marks no span".to_string());
    };
    let marked_text = text_of(&example.text, marked);
    match findings {
        [] => Some(format!("no finding; expected one at `{marked_text}`")),
        [only] if only.span == marked => None,
        [only] => Some(format!(
            "the finding is at `{}`, expected at `{marked_text}`",
            only.found
        )),
        many => {
            let at_mark = many.iter().filter(|d| d.span == marked).count();
            Some(format!(
                "{} ({}); expected one at `{marked_text}`{}",
                count(many.len()),
                many.iter().map(describe).collect::<Vec<_>>().join(", "),
                if at_mark > 0 { " and no other" } else { "" }
            ))
        }
    }
}

fn count(findings: usize) -> String {
    if findings == 1 {
        "1 finding".to_string()
    } else {
        format!("{findings} findings")
    }
}

fn text_of(text: &str, span: Span) -> &str {
    span.slice(text).unwrap_or("")
}

/// Facts and entities that lack an `ok` or a `bad` example: (id, what is missing).
/// Entities count only when they give checks (titles or avoid-variants).
pub fn missing_examples(rules: &RuleSet) -> Vec<(String, &'static str)> {
    let mut missing = Vec::new();
    let mut look = |id: &str, examples: &[Example]| {
        let ok = examples.iter().any(|e| e.ok);
        let bad = examples.iter().any(|e| !e.ok);
        match (ok, bad) {
            (true, true) => {}
            (false, true) => missing.push((id.to_string(), "an ok example")),
            (true, false) => missing.push((id.to_string(), "a bad example")),
            (false, false) => missing.push((id.to_string(), "an ok and a bad example")),
        }
    };
    for fact in &rules.facts {
        look(&fact.id, &fact.examples);
    }
    for entity in &rules.entities {
        if !entity.titles.is_empty() || !entity.avoid.is_empty() {
            look(&entity.id, &entity.examples);
        }
    }
    missing
}
