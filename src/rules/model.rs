//! The checked rule model: what the engine runs. Built from the AST by `rules::compile`, with
//! every reference resolved to an index and every value validated.

use crate::span::Span;
use crate::value::PartialDate;
use serde::Serialize;

/// Index of a rule file in [`RuleSet::files`].
pub type FileId = usize;

/// Where a declaration stands: a rule file and a byte span in it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Origin {
    pub file: FileId,
    pub span: Span,
}

/// A loaded rule file: its path as given (or as found through an include) and its text.
#[derive(Clone, Debug)]
pub struct RuleFile {
    pub path: String,
    pub text: String,
}

/// A checked, resolved rule set.
#[derive(Clone, Debug, Default)]
pub struct RuleSet {
    pub files: Vec<RuleFile>,
    pub sources: Vec<Source>,
    pub entities: Vec<Entity>,
    pub events: Vec<Event>,
    pub facts: Vec<Fact>,
}

pub type SourceIdx = usize;
pub type EntityIdx = usize;
pub type EventIdx = usize;
pub type FactIdx = usize;

#[derive(Clone, Debug)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub date: Option<PartialDate>,
    pub url: Option<String>,
    pub publisher: Option<String>,
    pub origin: Origin,
}

#[derive(Clone, Debug)]
pub struct Entity {
    pub id: String,
    /// `country`, `city`, `person`, … as written (with `organization` read as `organisation`).
    pub class: String,
    /// The canonical name.
    pub name: String,
    pub aliases: Vec<String>,
    pub adjectives: Vec<String>,
    /// Variants the house style rejects; each is a `misspelling` finding fixed to `name`
    /// (or to the first adjective, when the variant is listed as an adjective variant).
    pub avoid: Vec<String>,
    pub titles: Vec<Title>,
    pub source: Option<SourceIdx>,
    pub severity: Severity,
    pub examples: Vec<Example>,
    pub origin: Origin,
}

/// A title a person held over a period; both ends inclusive, `to: None` = still held.
#[derive(Clone, Debug)]
pub struct Title {
    pub name: String,
    pub aliases: Vec<String>,
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
    pub source: Option<SourceIdx>,
    pub origin: Origin,
}

#[derive(Clone, Debug)]
pub struct Event {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
    pub participants: Vec<EntityIdx>,
    pub source: Option<SourceIdx>,
    pub origin: Origin,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    #[default]
    Error,
}

impl Severity {
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    #[default]
    Sentence,
    Paragraph,
}

/// The type of a value a fact states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ValueType {
    Date,
    Number,
    Count,
    Money,
    Percent,
    Ordinal,
    Entity,
}

/// How far a stated number may stray from the expected one and still agree.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "lowercase", tag = "kind", content = "value")]
pub enum Tolerance {
    #[default]
    Exact,
    /// `approx`: ±10 %.
    Approx,
    Absolute(f64),
    /// A fraction: `tolerance 5%` is `Relative(0.05)`.
    Relative(f64),
}

/// What a fact expects.
#[derive(Clone, Debug, PartialEq)]
pub enum Expect {
    Date(PartialDate),
    Number {
        value: f64,
        tolerance: Tolerance,
        count: bool,
    },
    Money {
        currency: String,
        amount: f64,
        tolerance: Tolerance,
    },
    Percent {
        value: f64,
        tolerance: Tolerance,
    },
    Ordinal(u64),
    /// One entity; any other declared entity of the same class in the slot is a mismatch.
    Entity(EntityIdx),
    /// The parties of an agreement: every one must be named, no other of their classes.
    Parties(Vec<EntityIdx>),
    /// An ordinal: whole years from the dated fact to the document date.
    Anniversary(FactIdx),
    /// A count of whole years from the dated fact to the document date.
    Duration(FactIdx),
    /// No known value, but every statement in one draft must agree.
    Consistent(ValueType),
    /// Nothing to compare; only polarity (`affirm`) is checked.
    Nothing,
}

/// An explicit slot pattern: literal word runs, gaps and the slot, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PatternPart {
    /// Words that must follow each other (compared case-insensitively, whitespace-insensitive).
    Words(Vec<String>),
    /// `...`: up to six words of anything.
    Gap,
    /// `{value}`: where the stated value starts.
    Slot,
}

#[derive(Clone, Debug)]
pub struct Fact {
    pub id: String,
    /// Cue alternatives: any one of them in scope may state the fact.
    pub cues: Vec<String>,
    /// Each inner list is a group of alternatives that must also be in scope.
    pub near: Vec<Vec<String>>,
    /// Any of these in scope means the passage is not a statement of the fact.
    pub unless: Vec<String>,
    /// Entities that must be named in scope.
    pub with: Vec<EntityIdx>,
    pub scope: Scope,
    /// Explicit slot patterns, tried in order; the first that matches gives the value.
    pub patterns: Vec<Vec<PatternPart>>,
    pub expect: Expect,
    /// A negated statement of the fact is a `polarity` finding.
    pub affirm: bool,
    pub event: Option<EventIdx>,
    pub source: Option<SourceIdx>,
    pub severity: Severity,
    pub message: Option<String>,
    pub tags: Vec<String>,
    pub examples: Vec<Example>,
    pub origin: Origin,
}

/// A sentence embedded in a rule file that must pass (`ok`) or fail (`bad`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Example {
    pub ok: bool,
    /// The sentence with the bracket markers removed and escapes resolved.
    pub text: String,
    /// The byte range of `text` that must be flagged (bad examples).
    pub marked: Option<Span>,
    /// The date the example is read as of, when it gives one (`as of DATE`).
    pub as_of: Option<PartialDate>,
    pub origin: Origin,
}

impl RuleSet {
    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|fact| fact.id == id)
    }

    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|entity| entity.id == id)
    }
}
