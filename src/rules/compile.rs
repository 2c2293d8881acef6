//! The one bridge from syntax to the checked model: [`compile`] resolves every reference to an
//! index, checks every value against its slot and collects *all* errors as codespan
//! diagnostics (file id = index in [`RuleSet::files`]), each with a label on the exact text and
//! a `help:` note.

use super::model::*;
use crate::dsl::ast;
use crate::span::Span;
use crate::value::{PartialDate, days_in_month, is_known_currency};
use codespan_reporting::diagnostic::{Diagnostic, Label};
use std::collections::{HashMap, HashSet};

/// A validation error: a codespan diagnostic whose file ids index [`RuleSet::files`].
pub type RuleDiagnostic = Diagnostic<FileId>;

/// One rule file handed to [`compile`]: its path, its text and its parsed syntax tree.
#[derive(Clone, Debug)]
pub struct ParsedFile {
    pub path: String,
    pub text: String,
    pub ast: ast::File,
}

/// The placeholders a `message` template may use.
pub const MESSAGE_PLACEHOLDERS: &[&str] = &["expected", "found", "fact", "source"];

/// Resolve and check parsed rule files into a [`RuleSet`], or return every error found.
/// `include` statements are ignored here: the loader follows them.
pub fn compile(files: Vec<ParsedFile>) -> Result<RuleSet, Vec<RuleDiagnostic>> {
    let mut compiler = Compiler::default();
    compiler.declare(&files);
    let mut rules = RuleSet::default();
    let mut pending_derived = Vec::new();
    for (file_id, file) in files.iter().enumerate() {
        for statement in &file.ast.statements {
            match statement {
                ast::Statement::Include(_) => {}
                ast::Statement::Source(source) => {
                    let built = compiler.source(file_id, source);
                    rules.sources.push(built);
                }
                ast::Statement::Entity(entity) => {
                    let built = compiler.entity(file_id, entity);
                    rules.entities.push(built);
                }
                ast::Statement::Event(event) => {
                    let built = compiler.event(file_id, event);
                    rules.events.push(built);
                }
                ast::Statement::Fact(fact) => {
                    let built =
                        compiler.fact(file_id, fact, rules.facts.len(), &mut pending_derived);
                    rules.facts.push(built);
                }
            }
        }
    }
    compiler.check_derived(&rules, &pending_derived);
    rules.files = files
        .into_iter()
        .map(|file| RuleFile {
            path: file.path,
            text: file.text,
        })
        .collect();
    if compiler.diagnostics.is_empty() {
        Ok(rules)
    } else {
        Err(compiler.diagnostics)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DeclKind {
    Source,
    Entity,
    Event,
    Fact,
}

impl DeclKind {
    const fn noun(self) -> &'static str {
        match self {
            DeclKind::Source => "source",
            DeclKind::Entity => "entity",
            DeclKind::Event => "event",
            DeclKind::Fact => "fact",
        }
    }

    const fn article(self) -> &'static str {
        match self {
            DeclKind::Entity | DeclKind::Event => "an",
            DeclKind::Source | DeclKind::Fact => "a",
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Declared {
    kind: DeclKind,
    index: usize,
    file: FileId,
    span: Span,
}

/// A derived fact (`anniversary of` / `duration of`) whose target is checked once all facts
/// are built.
struct PendingDerived {
    file: FileId,
    target: ast::Ident,
    target_index: FactIdx,
    keyword: &'static str,
}

#[derive(Default)]
struct Compiler {
    diagnostics: Vec<RuleDiagnostic>,
    names: HashMap<String, Declared>,
    damaged: HashSet<String>,
    /// Ids by kind, in declaration order, for "did you mean" suggestions.
    ids_by_kind: Vec<(DeclKind, String)>,
    suggestions_made: usize,
}

/// An error under construction.
struct Report {
    message: String,
    labels: Vec<Label<FileId>>,
    notes: Vec<String>,
}

impl Report {
    fn new(file: FileId, span: Span, message: impl Into<String>, label: impl Into<String>) -> Self {
        Report {
            message: message.into(),
            labels: vec![Label::primary(file, span.range()).with_message(label.into())],
            notes: Vec::new(),
        }
    }

    fn secondary(mut self, file: FileId, span: Span, label: impl Into<String>) -> Self {
        self.labels
            .push(Label::secondary(file, span.range()).with_message(label.into()));
        self
    }

    fn help(mut self, help: impl Into<String>) -> Self {
        self.notes.push(format!("help: {}", help.into()));
        self
    }
}

/// The earliest and latest day a partial date may stand for, as comparable tuples; `None`
/// when the year is unknown.
/// A day as a comparable (year, month, day) tuple.
type Day = (i32, u8, u8);

fn earliest(date: PartialDate) -> Option<Day> {
    Some((date.year?, date.month.unwrap_or(1), date.day.unwrap_or(1)))
}

fn latest(date: PartialDate) -> Option<Day> {
    let year = date.year?;
    let month = date.month.unwrap_or(12);
    Some((
        year,
        month,
        date.day.unwrap_or(days_in_month(Some(year), month)),
    ))
}

fn describe_period(from: Option<PartialDate>, to: Option<PartialDate>) -> String {
    match (from, to) {
        (Some(from), Some(to)) => format!("from {from} to {to}"),
        (Some(from), None) => format!("from {from}, still held"),
        (None, Some(to)) => format!("until {to}"),
        (None, None) => "with no dates".to_string(),
    }
}

impl Compiler {
    fn push(&mut self, report: Report) {
        self.diagnostics.push(
            Diagnostic::error()
                .with_message(report.message)
                .with_labels(report.labels)
                .with_notes(report.notes),
        );
    }

    /// Register every declared id, reporting duplicates.
    fn declare(&mut self, files: &[ParsedFile]) {
        let mut counts = [0usize; 4];
        for (file_id, file) in files.iter().enumerate() {
            self.damaged.extend(file.ast.damaged_ids.iter().cloned());
            for statement in &file.ast.statements {
                let (kind, id) = match statement {
                    ast::Statement::Include(_) => continue,
                    ast::Statement::Source(source) => (DeclKind::Source, &source.id),
                    ast::Statement::Entity(entity) => (DeclKind::Entity, &entity.id),
                    ast::Statement::Event(event) => (DeclKind::Event, &event.id),
                    ast::Statement::Fact(fact) => (DeclKind::Fact, &fact.id),
                };
                let slot = match kind {
                    DeclKind::Source => 0,
                    DeclKind::Entity => 1,
                    DeclKind::Event => 2,
                    DeclKind::Fact => 3,
                };
                let index = counts[slot];
                counts[slot] += 1;
                if let Some(first) = self.names.get(&id.name).copied() {
                    let report = Report::new(
                        file_id,
                        id.span,
                        format!("duplicate id `{}`", id.name),
                        format!("`{}` is declared again here", id.name),
                    )
                    .secondary(
                        first.file,
                        first.span,
                        format!("first defined here as {} {}", first.kind.article(), first.kind.noun()),
                    )
                    .help("sources, entities, events and facts share one namespace: give this declaration another id");
                    self.push(report);
                    continue;
                }
                self.names.insert(
                    id.name.clone(),
                    Declared {
                        kind,
                        index,
                        file: file_id,
                        span: id.span,
                    },
                );
                self.ids_by_kind.push((kind, id.name.clone()));
            }
        }
    }

    /// Resolve a reference to a declaration of `want` kind; reports unknown ids and ids of
    /// another kind. `slot` names the place ("`cite`", "`expect entity`") for messages.
    fn resolve(
        &mut self,
        file: FileId,
        ident: &ast::Ident,
        want: DeclKind,
        slot: &str,
    ) -> Option<usize> {
        if self.damaged.contains(&ident.name) {
            return None;
        }
        match self.names.get(&ident.name).copied() {
            Some(declared) if declared.kind == want => Some(declared.index),
            Some(declared) => {
                let report = Report::new(
                    file,
                    ident.span,
                    format!(
                        "`{}` is {} {}, but {slot} needs {} {}",
                        ident.name,
                        declared.kind.article(),
                        declared.kind.noun(),
                        want.article(),
                        want.noun()
                    ),
                    format!("expected {} {} here", want.article(), want.noun()),
                )
                .secondary(
                    declared.file,
                    declared.span,
                    format!(
                        "`{}` is declared here as {} {}",
                        ident.name,
                        declared.kind.article(),
                        declared.kind.noun()
                    ),
                )
                .help(format!(
                    "name {} {} declared with its own id here",
                    want.article(),
                    want.noun()
                ));
                self.push(report);
                None
            }
            None => {
                let suggestion = self.suggest(&ident.name, want);
                let help = match suggestion {
                    Some(close) => format!(
                        "did you mean `{close}`? Otherwise declare {} {} `{}`",
                        want.article(),
                        want.noun(),
                        ident.name
                    ),
                    None => format!(
                        "declare {} {} with the id `{}`, or fix the spelling",
                        want.article(),
                        want.noun(),
                        ident.name
                    ),
                };
                let report = Report::new(
                    file,
                    ident.span,
                    format!("unknown {} `{}`", want.noun(), ident.name),
                    format!("no {} has this id", want.noun()),
                )
                .help(help);
                self.push(report);
                None
            }
        }
    }

    fn suggest(&mut self, name: &str, want: DeclKind) -> Option<String> {
        // Bounded work: suggestions are a courtesy, not worth quadratic time on huge packs.
        if self.suggestions_made >= 50 || name.len() > 64 {
            return None;
        }
        self.suggestions_made += 1;
        self.ids_by_kind
            .iter()
            .filter(|(kind, candidate)| *kind == want && candidate.len() <= 64)
            .map(|(_, candidate)| (crate::dsl::error::edit_distance(name, candidate), candidate))
            .filter(|&(distance, _)| distance <= 2 && distance < name.len())
            .min_by_key(|&(distance, _)| distance)
            .map(|(_, candidate)| candidate.clone())
    }

    fn date(&mut self, file: FileId, date: &ast::DateLit) -> Option<PartialDate> {
        let to_u8 = |part: Option<u32>| part.map(|value| u8::try_from(value).unwrap_or(u8::MAX));
        let year = date
            .year
            .map(|year| i32::try_from(year).unwrap_or(i32::MAX));
        let (month, day) = (to_u8(date.month), to_u8(date.day));
        if let Some(checked) = PartialDate::try_new(year, month, day) {
            return Some(checked);
        }
        let problem = match (year, month, day) {
            (Some(year), _, _) if !(1..=9999).contains(&year) => format!("there is no year {year}"),
            (_, Some(month), _) if !(1..=12).contains(&month) => {
                format!("there is no month {month}")
            }
            (year, Some(month), Some(day)) => {
                let month_name = crate::value::MONTH_NAMES
                    .get(usize::from(month).saturating_sub(1))
                    .copied()
                    .unwrap_or("?");
                let days = days_in_month(year, month);
                match year {
                    Some(year) => format!("{month_name} {year} has {days} days, not {day}"),
                    None => format!("{month_name} has at most {days} days, not {day}"),
                }
            }
            _ => "this date cannot exist".to_string(),
        };
        let report = Report::new(
            file,
            date.span,
            format!("impossible date: {problem}"),
            problem,
        )
        .help("write a date that exists, as YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD");
        self.push(report);
        None
    }

    fn severity(&mut self, file: FileId, word: &ast::Ident) -> Option<Severity> {
        match word.name.as_str() {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => {
                let report = Report::new(
                    file,
                    word.span,
                    format!("unknown severity `{}`", word.name),
                    "not a severity",
                )
                .help("write `severity error`, `severity warning` or `severity info`");
                self.push(report);
                None
            }
        }
    }

    fn twice(&mut self, file: FileId, clause: &str, owner: &str, again: Span, first: Span) {
        let report = Report::new(
            file,
            again,
            format!("`{clause}` given twice in {owner}"),
            "given again here",
        )
        .secondary(file, first, "first given here")
        .help(format!("keep one `{clause}` clause"));
        self.push(report);
    }

    fn check_names(&mut self, file: FileId, names: &[ast::StringLit], what: &str) {
        for name in names {
            if name.value.trim().is_empty() {
                let report = Report::new(
                    file,
                    name.span,
                    format!("empty {what}"),
                    "this string is empty",
                )
                .help(format!("write the {what} between the quotes, or drop it"));
                self.push(report);
            }
        }
    }

    fn cues(&mut self, file: FileId, phrases: &[ast::StringLit], clause: &str) -> Vec<String> {
        for phrase in phrases {
            if phrase.value.trim().is_empty() {
                let report = Report::new(
                    file,
                    phrase.span,
                    format!("empty cue phrase in `{clause}`"),
                    "an empty phrase matches everywhere",
                )
                .help("write the words that a statement of this fact contains, such as `when \"diplomatic relations\"`");
                self.push(report);
            }
        }
        phrases.iter().map(|phrase| phrase.value.clone()).collect()
    }

    fn source(&mut self, file: FileId, source: &ast::SourceDecl) -> Source {
        let mut built = Source {
            id: source.id.name.clone(),
            title: source.title.value.clone(),
            date: None,
            url: None,
            publisher: None,
            origin: Origin {
                file,
                span: source.span,
            },
        };
        let mut seen: HashMap<&'static str, Span> = HashMap::new();
        for clause in &source.clauses {
            let name = match &clause.kind {
                ast::SourceClauseKind::Date(date) => {
                    built.date = self.date(file, date);
                    "date"
                }
                ast::SourceClauseKind::Url(url) => {
                    built.url = Some(url.value.clone());
                    "url"
                }
                ast::SourceClauseKind::Publisher(publisher) => {
                    built.publisher = Some(publisher.value.clone());
                    "publisher"
                }
            };
            if let Some(first) = seen.insert(name, clause.keyword) {
                self.twice(
                    file,
                    name,
                    &format!("source `{}`", built.id),
                    clause.keyword,
                    first,
                );
            }
        }
        built
    }

    fn entity(&mut self, file: FileId, entity: &ast::EntityDecl) -> Entity {
        let class = if entity.class.name == "organization" {
            "organisation".to_string()
        } else {
            entity.class.name.clone()
        };
        self.check_names(file, std::slice::from_ref(&entity.name), "entity name");
        let mut built = Entity {
            id: entity.id.name.clone(),
            class,
            name: entity.name.value.clone(),
            aliases: Vec::new(),
            adjectives: Vec::new(),
            avoid: Vec::new(),
            titles: Vec::new(),
            source: None,
            severity: Severity::Error,
            examples: Vec::new(),
            origin: Origin {
                file,
                span: entity.span,
            },
        };
        let owner = format!("entity `{}`", built.id);
        let mut seen: HashMap<&'static str, Span> = HashMap::new();
        let mut title_clauses = Vec::new();
        for clause in &entity.clauses {
            let single = match &clause.kind {
                ast::EntityClauseKind::Aka(names) => {
                    self.check_names(file, names, "alias");
                    built
                        .aliases
                        .extend(names.iter().map(|name| name.value.clone()));
                    None
                }
                ast::EntityClauseKind::Adj(names) => {
                    self.check_names(file, names, "adjective");
                    built
                        .adjectives
                        .extend(names.iter().map(|name| name.value.clone()));
                    None
                }
                ast::EntityClauseKind::Avoid(names) => {
                    self.check_names(file, names, "avoid-variant");
                    built
                        .avoid
                        .extend(names.iter().map(|name| name.value.clone()));
                    None
                }
                ast::EntityClauseKind::Cite(source) => {
                    built.source = self.resolve(file, source, DeclKind::Source, "`cite`");
                    Some("cite")
                }
                ast::EntityClauseKind::Severity(word) => {
                    built.severity = self.severity(file, word).unwrap_or_default();
                    Some("severity")
                }
                ast::EntityClauseKind::Title(title) => {
                    if built.class != "person" {
                        let report = Report::new(
                            file,
                            clause.keyword.cover(title.name.span),
                            format!("`title` on {} `{}`, which is not a person", built.class, built.id),
                            "only a person holds titles",
                        )
                        .secondary(file, entity.class.span, format!("declared as a {}", entity.class.name))
                        .help("declare the entity with `person`, or move the title to the person who holds it");
                        self.push(report);
                    }
                    if let Some(built_title) = self.title(file, title) {
                        title_clauses.push((built.titles.len(), title));
                        built.titles.push(built_title);
                    }
                    None
                }
                ast::EntityClauseKind::Example(example) => {
                    if let Some(example) = self.example(file, example) {
                        built.examples.push(example);
                    }
                    None
                }
            };
            if let Some(name) = single
                && let Some(first) = seen.insert(name, clause.keyword)
            {
                self.twice(file, name, &owner, clause.keyword, first);
            }
        }
        self.check_title_overlaps(file, &built, &title_clauses);
        built
    }

    fn title(&mut self, file: FileId, title: &ast::TitleClause) -> Option<Title> {
        self.check_names(file, std::slice::from_ref(&title.name), "title");
        self.check_names(file, &title.aliases, "title alias");
        let from = title.from.as_ref().and_then(|date| self.date(file, date));
        let to = title.to.as_ref().and_then(|date| self.date(file, date));
        let source = title
            .cite
            .as_ref()
            .and_then(|source| self.resolve(file, source, DeclKind::Source, "`cite`"));
        if let (Some(from_date), Some(to_date), Some(from_lit), Some(to_lit)) =
            (from, to, title.from.as_ref(), title.to.as_ref())
        {
            self.check_period(
                file,
                from_date,
                to_date,
                from_lit.span,
                to_lit.span,
                "title",
            );
        }
        Some(Title {
            name: title.name.value.clone(),
            aliases: title
                .aliases
                .iter()
                .map(|alias| alias.value.clone())
                .collect(),
            from,
            to,
            source,
            origin: Origin {
                file,
                span: title.span,
            },
        })
    }

    fn check_period(
        &mut self,
        file: FileId,
        from: PartialDate,
        to: PartialDate,
        from_span: Span,
        to_span: Span,
        what: &str,
    ) {
        if let (Some(start), Some(end)) = (earliest(from), latest(to))
            && end < start
        {
            let report = Report::new(
                file,
                to_span,
                format!("this {what} period ends before it starts"),
                format!("ends on {to}"),
            )
            .secondary(file, from_span, format!("starts on {from}"))
            .help("swap the dates, or fix the one that is wrong");
            self.push(report);
        }
    }

    /// Two periods of the same title (by name, ignoring case) for one person must not overlap.
    fn check_title_overlaps(
        &mut self,
        file: FileId,
        entity: &Entity,
        titles: &[(usize, &ast::TitleClause)],
    ) {
        let mut periods: Vec<(String, Day, Day, usize)> = titles
            .iter()
            .filter_map(|&(index, _)| {
                let title = entity.titles.get(index)?;
                let start = title.from.and_then(earliest).unwrap_or((i32::MIN, 0, 0));
                let end = title.to.and_then(latest).unwrap_or((i32::MAX, 0, 0));
                Some((title.name.to_lowercase(), start, end, index))
            })
            .collect();
        periods.sort();
        let mut previous: Option<(String, Day, usize)> = None;
        for (name, start, end, index) in periods {
            if let Some((previous_name, previous_end, previous_index)) = &previous
                && *previous_name == name
                && start < *previous_end
            {
                let (Some(earlier), Some(later)) =
                    (entity.titles.get(*previous_index), entity.titles.get(index))
                else {
                    continue;
                };
                let report = Report::new(
                    file,
                    later.origin.span,
                    format!("overlapping periods of the title \"{}\" for `{}`", later.name, entity.id),
                    format!("held {}", describe_period(later.from, later.to)),
                )
                .secondary(file, earlier.origin.span, format!("and also {}", describe_period(earlier.from, earlier.to)))
                .help("a person holds one title over one period at a time: end the earlier period before the later one starts, or merge them");
                self.push(report);
            }
            let keep_end = match &previous {
                Some((previous_name, previous_end, previous_index))
                    if *previous_name == name && *previous_end > end =>
                {
                    (*previous_end, *previous_index)
                }
                _ => (end, index),
            };
            previous = Some((name, keep_end.0, keep_end.1));
        }
    }

    fn event(&mut self, file: FileId, event: &ast::EventDecl) -> Event {
        let mut built = Event {
            id: event.id.name.clone(),
            name: event.name.value.clone(),
            aliases: Vec::new(),
            from: None,
            to: None,
            participants: Vec::new(),
            source: None,
            origin: Origin {
                file,
                span: event.span,
            },
        };
        let owner = format!("event `{}`", built.id);
        let mut seen: HashMap<&'static str, Span> = HashMap::new();
        let (mut from_span, mut to_span) = (None, None);
        for clause in &event.clauses {
            let single = match &clause.kind {
                ast::EventClauseKind::From(date) => {
                    built.from = self.date(file, date);
                    from_span = Some(date.span);
                    Some("from")
                }
                ast::EventClauseKind::To(date) => {
                    built.to = self.date(file, date);
                    to_span = Some(date.span);
                    Some("to")
                }
                ast::EventClauseKind::With(entities) => {
                    for entity in entities {
                        if let Some(index) = self.resolve(file, entity, DeclKind::Entity, "`with`")
                        {
                            built.participants.push(index);
                        }
                    }
                    None
                }
                ast::EventClauseKind::Aka(names) => {
                    self.check_names(file, names, "event alias");
                    built
                        .aliases
                        .extend(names.iter().map(|name| name.value.clone()));
                    None
                }
                ast::EventClauseKind::Cite(source) => {
                    built.source = self.resolve(file, source, DeclKind::Source, "`cite`");
                    Some("cite")
                }
            };
            if let Some(name) = single
                && let Some(first) = seen.insert(name, clause.keyword)
            {
                self.twice(file, name, &owner, clause.keyword, first);
            }
        }
        if let (Some(from), Some(to), Some(from_span), Some(to_span)) =
            (built.from, built.to, from_span, to_span)
        {
            self.check_period(file, from, to, from_span, to_span, "event");
        }
        built
    }

    fn example(&mut self, file: FileId, example: &ast::ExampleLit) -> Option<Example> {
        let literal = &example.text;
        let mut open: Option<&ast::Bracket> = None;
        let mut pair: Option<(&ast::Bracket, &ast::Bracket)> = None;
        for bracket in &literal.brackets {
            match (bracket.open, open) {
                (true, Some(outer)) => {
                    let report = Report::new(
                        file,
                        bracket.span,
                        "unbalanced brackets in an example: `[` inside a marked span",
                        "a second `[` before the `]`",
                    )
                    .secondary(file, outer.span, "the marked span opens here")
                    .help(
                        "mark one span with `[` and `]`; write a literal bracket as `\\[` or `\\]`",
                    );
                    self.push(report);
                    return None;
                }
                (true, None) => {
                    if let Some((first_open, _)) = pair {
                        let report = Report::new(file, bracket.span, "more than one marked span in an example", "a second marked span")
                            .secondary(file, first_open.span, "the first marked span")
                            .help("an example marks one span; split it into two examples, or write literal brackets as `\\[` and `\\]`");
                        self.push(report);
                        return None;
                    }
                    open = Some(bracket);
                }
                (false, Some(opening)) => {
                    pair = Some((opening, bracket));
                    open = None;
                }
                (false, None) => {
                    let report = Report::new(
                        file,
                        bracket.span,
                        "unbalanced brackets in an example: `]` with no `[`",
                        "nothing opened this",
                    )
                    .help("mark the span with `[` before it, or write a literal bracket as `\\]`");
                    self.push(report);
                    return None;
                }
            }
        }
        if let Some(opening) = open {
            let report = Report::new(
                file,
                opening.span,
                "unbalanced brackets in an example: `[` is never closed",
                "this `[` has no `]`",
            )
            .help("close the marked span with `]`, or write a literal bracket as `\\[`");
            self.push(report);
            return None;
        }
        let (text, marked) = match pair {
            None => (literal.value.clone(), None),
            Some((opening, closing)) => {
                let value = &literal.value;
                let (Some(before), Some(inside), Some(after)) = (
                    value.get(..opening.at),
                    value.get(opening.at + 1..closing.at),
                    value.get(closing.at + 1..),
                ) else {
                    return None;
                };
                if inside.is_empty() {
                    let report = Report::new(
                        file,
                        opening.span.cover(closing.span),
                        "empty marked span in an example",
                        "nothing between the brackets",
                    )
                    .help("put the text that must be flagged between `[` and `]`");
                    self.push(report);
                    return None;
                }
                let text = format!("{before}{inside}{after}");
                (
                    text,
                    Some(Span::new(before.len(), before.len() + inside.len())),
                )
            }
        };
        if example.ok && marked.is_some() {
            let report = Report::new(
                file,
                literal.span,
                "an `ok` example marks a span",
                "`ok` examples must give no finding",
            )
            .help("drop the brackets, or make it a `bad` example if this text must be flagged");
            self.push(report);
            return None;
        }
        if !example.ok && marked.is_none() {
            let report = Report::new(file, literal.span, "a `bad` example has no marked span", "no `[…]` in this example")
                .help("put `[` and `]` around the text that must be flagged, as in \"established on [21 January 1992]\"");
            self.push(report);
            return None;
        }
        let as_of = match &example.as_of {
            Some(date) => Some(self.date(file, date)?),
            None => None,
        };
        Some(Example {
            ok: example.ok,
            text,
            marked,
            as_of,
            origin: Origin {
                file,
                span: example.span,
            },
        })
    }

    fn fact(
        &mut self,
        file: FileId,
        fact: &ast::FactDecl,
        index: FactIdx,
        pending: &mut Vec<PendingDerived>,
    ) -> Fact {
        let mut built = Fact {
            id: fact.id.name.clone(),
            cues: Vec::new(),
            near: Vec::new(),
            unless: Vec::new(),
            with: Vec::new(),
            scope: Scope::Sentence,
            patterns: Vec::new(),
            expect: Expect::Nothing,
            affirm: false,
            event: None,
            source: None,
            severity: Severity::Error,
            message: None,
            tags: Vec::new(),
            examples: Vec::new(),
            origin: Origin {
                file,
                span: fact.span,
            },
        };
        let owner = format!("fact `{}`", built.id);
        let mut seen: HashMap<&'static str, Span> = HashMap::new();
        let mut has_when = false;
        let mut has_expect = false;
        let mut unless_phrases: Vec<&ast::StringLit> = Vec::new();
        for clause in &fact.clauses {
            let single = match &clause.kind {
                ast::FactClauseKind::Cite(source) => {
                    built.source = self.resolve(file, source, DeclKind::Source, "`cite`");
                    Some("cite")
                }
                ast::FactClauseKind::Event(event) => {
                    built.event = self.resolve(file, event, DeclKind::Event, "`event`");
                    Some("event")
                }
                ast::FactClauseKind::When(phrases) => {
                    has_when = true;
                    let cues = self.cues(file, phrases, "when");
                    built.cues.extend(cues);
                    None
                }
                ast::FactClauseKind::Near(phrases) => {
                    let group = self.cues(file, phrases, "near");
                    built.near.push(group);
                    None
                }
                ast::FactClauseKind::Unless(phrases) => {
                    unless_phrases.extend(phrases);
                    let phrases = self.cues(file, phrases, "unless");
                    built.unless.extend(phrases);
                    None
                }
                ast::FactClauseKind::With(entities) => {
                    for entity in entities {
                        if let Some(index) = self.resolve(file, entity, DeclKind::Entity, "`with`")
                        {
                            built.with.push(index);
                        }
                    }
                    None
                }
                ast::FactClauseKind::Scope(word) => {
                    built.scope = match word.name.as_str() {
                        "sentence" => Scope::Sentence,
                        "paragraph" => Scope::Paragraph,
                        _ => {
                            let report = Report::new(
                                file,
                                word.span,
                                format!("unknown scope `{}`", word.name),
                                "not a scope",
                            )
                            .help("write `scope sentence` (the default) or `scope paragraph`");
                            self.push(report);
                            Scope::Sentence
                        }
                    };
                    Some("scope")
                }
                ast::FactClauseKind::Pattern(pattern) => {
                    built.patterns.extend(self.pattern(file, pattern));
                    None
                }
                ast::FactClauseKind::Expect(value) => {
                    has_expect = true;
                    if let Some(expect) = self.expect(file, value, index, pending) {
                        built.expect = expect;
                    }
                    Some("expect")
                }
                ast::FactClauseKind::Affirm => {
                    built.affirm = true;
                    Some("affirm")
                }
                ast::FactClauseKind::Severity(word) => {
                    built.severity = self.severity(file, word).unwrap_or_default();
                    Some("severity")
                }
                ast::FactClauseKind::Message(message) => {
                    self.check_template(file, message);
                    built.message = Some(message.value.clone());
                    Some("message")
                }
                ast::FactClauseKind::Tags(tags) => {
                    built.tags.extend(tags.iter().map(|tag| tag.name.clone()));
                    None
                }
                ast::FactClauseKind::Example(example) => {
                    if let Some(example) = self.example(file, example) {
                        built.examples.push(example);
                    }
                    None
                }
            };
            if let Some(name) = single
                && let Some(first) = seen.insert(name, clause.keyword)
            {
                self.twice(file, name, &owner, clause.keyword, first);
            }
        }
        // An `unless` phrase that is also a cue stands wherever the cue does: the fact could
        // never be stated.
        let same = |a: &str, b: &str| {
            a.split_whitespace()
                .map(str::to_lowercase)
                .eq(b.split_whitespace().map(str::to_lowercase))
        };
        for phrase in unless_phrases {
            if built.cues.iter().any(|cue| same(cue, &phrase.value)) {
                let report = Report::new(
                    file,
                    phrase.span,
                    format!("`unless` phrase {:?} is also a cue of `{}`", phrase.value, built.id),
                    "this phrase is a cue too",
                )
                .help("an `unless` phrase stands anywhere in scope, so the fact could never be stated: remove it from `when` or from `unless`");
                self.push(report);
            }
        }
        if !has_when {
            let report = Report::new(file, fact.id.span, format!("fact `{}` has no cue", built.id), "no `when` clause in this fact")
                .help("add a `when` clause with the words that state this fact, such as `when \"diplomatic relations\"`");
            self.push(report);
        }
        if !has_expect && !built.affirm {
            let report = Report::new(file, fact.id.span, format!("fact `{}` checks nothing", built.id), "no `expect` and no `affirm`")
                .help("add `expect` with the value the fact must have, `expect consistent TYPE` when the value is unknown, or `affirm` to check polarity only");
            self.push(report);
        }
        built
    }

    fn check_template(&mut self, file: FileId, message: &ast::StringLit) {
        let text = &message.value;
        let mut rest = text.as_str();
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                let report = Report::new(
                    file,
                    message.span,
                    "unclosed `{` in a message template",
                    "a `{` with no `}`",
                )
                .help(format!("placeholders are written {}", list_placeholders()));
                self.push(report);
                return;
            };
            let name = &after[..close];
            if !MESSAGE_PLACEHOLDERS.contains(&name) {
                let at = text.len() - rest.len() + open;
                let report = Report::new(
                    file,
                    message.inner_span(at, close + 2),
                    format!(
                        "unknown placeholder `{{{}}}` in a message template",
                        crate::dsl::error::shorten(name)
                    ),
                    "not a placeholder",
                )
                .help(format!("a template may use {}", list_placeholders()));
                self.push(report);
            }
            rest = &after[close + 1..];
        }
    }

    fn pattern(&mut self, file: FileId, pattern: &ast::StringLit) -> Option<Vec<PatternPart>> {
        let mut parts = Vec::new();
        let mut words: Vec<String> = Vec::new();
        let mut slots = 0;
        let mut rest = pattern.value.as_str();
        let flush = |words: &mut Vec<String>, parts: &mut Vec<PatternPart>| {
            if !words.is_empty() {
                parts.push(PatternPart::Words(std::mem::take(words)));
            }
        };
        loop {
            rest = rest.trim_start();
            if rest.is_empty() {
                break;
            }
            if let Some(after) = rest.strip_prefix("...") {
                flush(&mut words, &mut parts);
                parts.push(PatternPart::Gap);
                rest = after;
            } else if let Some(after) = rest.strip_prefix('{') {
                let Some(close) = after.find('}') else {
                    let report = Report::new(
                        file,
                        pattern.span,
                        "unclosed `{` in a pattern",
                        "a `{` with no `}`",
                    )
                    .help("mark where the value starts with `{value}`");
                    self.push(report);
                    return None;
                };
                let name = &after[..close];
                if name != "value" {
                    let report = Report::new(
                        file,
                        pattern.span,
                        format!(
                            "invalid pattern: unknown slot `{{{}}}`",
                            crate::dsl::error::shorten(name)
                        ),
                        "in this pattern",
                    )
                    .help("the one slot of a pattern is written `{value}`");
                    self.push(report);
                    return None;
                }
                slots += 1;
                flush(&mut words, &mut parts);
                parts.push(PatternPart::Slot);
                rest = &after[close + 1..];
            } else {
                let end = rest
                    .find(|c: char| c.is_whitespace() || c == '{')
                    .unwrap_or(rest.len());
                let end = rest[..end].find("...").unwrap_or(end);
                words.push(rest[..end].to_string());
                rest = &rest[end..];
            }
        }
        flush(&mut words, &mut parts);
        if slots != 1 {
            let (message, label) = if slots == 0 {
                (
                    "invalid pattern: no `{value}` slot",
                    "this pattern has no slot",
                )
            } else {
                (
                    "invalid pattern: more than one `{value}` slot",
                    "this pattern has several slots",
                )
            };
            let report = Report::new(file, pattern.span, message, label)
                .help("write `{value}` exactly once, where the stated value starts: \"talks in Beijing on {value}\"");
            self.push(report);
            return None;
        }
        Some(parts)
    }

    fn tolerance(
        &mut self,
        file: FileId,
        value: &ast::ValueExpr,
        type_name: &str,
    ) -> Option<Tolerance> {
        let tolerance = value.tolerance.as_ref()?;
        if type_name.is_empty() {
            return None;
        }
        match &tolerance.kind {
            ast::ToleranceKind::Approx => Some(Tolerance::Approx),
            ast::ToleranceKind::Absolute(number) | ast::ToleranceKind::Relative(number)
                if number.value < 0.0 || !number.value.is_finite() =>
            {
                let report = Report::new(file, number.span, "a tolerance cannot be negative", "negative tolerance")
                    .help("write how far a value may stray as a positive number, such as `tolerance 5` or `tolerance 5%`");
                self.push(report);
                None
            }
            ast::ToleranceKind::Absolute(number) => Some(Tolerance::Absolute(number.value)),
            ast::ToleranceKind::Relative(number) => Some(Tolerance::Relative(number.value / 100.0)),
        }
    }

    fn no_tolerance(&mut self, file: FileId, value: &ast::ValueExpr, type_name: &str) {
        if let Some(tolerance) = &value.tolerance {
            let report = Report::new(
                file,
                tolerance.span,
                format!("a tolerance does not fit {type_name} value"),
                format!("{type_name} value is exact"),
            )
            .help("tolerances apply to `number`, `count`, `money` and `percent`; drop it here");
            self.push(report);
        }
    }

    fn whole(
        &mut self,
        file: FileId,
        number: &ast::NumberLit,
        type_name: &str,
        minimum: f64,
    ) -> Option<f64> {
        let value = number.value;
        if value.is_finite() && value.fract() == 0.0 && value >= minimum && value <= 1e15 {
            return Some(value);
        }
        let what = if minimum > 0.0 {
            "a whole number from 1 up"
        } else {
            "a whole number, 0 or more"
        };
        let report = Report::new(
            file,
            number.span,
            format!("`{}` does not fit {type_name}: expected {what}", number.digits),
            format!("not {what}"),
        )
        .help(if type_name == "an ordinal" {
            "an ordinal is a position such as 21 (for \"21st\"); use `expect number` for other values"
        } else {
            "a count is a whole number of things; use `expect number` for measures with fractions"
        });
        self.push(report);
        None
    }

    fn expect(
        &mut self,
        file: FileId,
        value: &ast::ValueExpr,
        index: FactIdx,
        pending: &mut Vec<PendingDerived>,
    ) -> Option<Expect> {
        match &value.kind {
            ast::ValueKind::Date(date) => {
                self.no_tolerance(file, value, "a date");
                Some(Expect::Date(self.date(file, date)?))
            }
            ast::ValueKind::Number { count, number } => {
                let tolerance = self.tolerance(file, value, "number").unwrap_or_default();
                let checked = if *count {
                    self.whole(file, number, "a count", 0.0)?
                } else {
                    number.value
                };
                Some(Expect::Number {
                    value: checked,
                    tolerance,
                    count: *count,
                })
            }
            ast::ValueKind::Money { currency, amount } => {
                let tolerance = self.tolerance(file, value, "money").unwrap_or_default();
                if !is_known_currency(&currency.code) {
                    let report = Report::new(file, currency.span, format!("unknown currency `{}`", crate::dsl::error::shorten(&currency.code)), "not an ISO 4217 code factlint knows")
                        .help("write an ISO 4217 code such as USD, EUR, CNY, BYN, RUB, GBP or JPY, or one of the symbols $ € £ ¥");
                    self.push(report);
                    return None;
                }
                Some(Expect::Money {
                    currency: currency.code.clone(),
                    amount: amount.value,
                    tolerance,
                })
            }
            ast::ValueKind::Percent(number) => {
                let tolerance = self.tolerance(file, value, "percent").unwrap_or_default();
                Some(Expect::Percent {
                    value: number.value,
                    tolerance,
                })
            }
            ast::ValueKind::Ordinal(number) => {
                self.no_tolerance(file, value, "an ordinal");
                let checked = self.whole(file, number, "an ordinal", 1.0)?;
                // Whole, positive and at most 1e15, so the conversion is exact.
                Some(Expect::Ordinal(checked as u64))
            }
            ast::ValueKind::Entity(entity) => {
                self.no_tolerance(file, value, "an entity");
                Some(Expect::Entity(self.resolve(
                    file,
                    entity,
                    DeclKind::Entity,
                    "`expect entity`",
                )?))
            }
            ast::ValueKind::Parties(entities) => {
                self.no_tolerance(file, value, "a `parties`");
                let mut resolved = Vec::new();
                for entity in entities {
                    resolved.push(self.resolve(file, entity, DeclKind::Entity, "`expect parties`"));
                }
                resolved
                    .into_iter()
                    .collect::<Option<Vec<_>>>()
                    .map(Expect::Parties)
            }
            ast::ValueKind::Anniversary(target) | ast::ValueKind::Duration(target) => {
                let anniversary = matches!(value.kind, ast::ValueKind::Anniversary(_));
                let keyword = if anniversary {
                    "anniversary of"
                } else {
                    "duration of"
                };
                self.no_tolerance(
                    file,
                    value,
                    if anniversary {
                        "an anniversary"
                    } else {
                        "a duration"
                    },
                );
                let target_index =
                    self.resolve(file, target, DeclKind::Fact, &format!("`{keyword}`"))?;
                if target_index == index {
                    let report = Report::new(
                        file,
                        target.span,
                        format!("fact `{}` is derived from itself", target.name),
                        "this names the fact being declared",
                    )
                    .help(format!(
                        "`{keyword}` names another fact that expects a date"
                    ));
                    self.push(report);
                    return None;
                }
                pending.push(PendingDerived {
                    file,
                    target: target.clone(),
                    target_index,
                    keyword,
                });
                Some(if anniversary {
                    Expect::Anniversary(target_index)
                } else {
                    Expect::Duration(target_index)
                })
            }
            ast::ValueKind::Consistent(word) => {
                self.no_tolerance(file, value, "a `consistent`");
                let value_type = match word.name.as_str() {
                    "date" => ValueType::Date,
                    "number" => ValueType::Number,
                    "count" => ValueType::Count,
                    "money" => ValueType::Money,
                    "percent" => ValueType::Percent,
                    "ordinal" => ValueType::Ordinal,
                    _ => {
                        let report = Report::new(file, word.span, format!("unknown value type `{}` after `consistent`", word.name), "not a value type")
                            .help("write `expect consistent` with one of date, number, count, money, percent, ordinal");
                        self.push(report);
                        return None;
                    }
                };
                Some(Expect::Consistent(value_type))
            }
        }
    }

    /// `anniversary of` / `duration of` must name a fact whose value is a date with a year.
    fn check_derived(&mut self, rules: &RuleSet, pending: &[PendingDerived]) {
        for derived in pending {
            let Some(target) = rules.facts.get(derived.target_index) else {
                continue;
            };
            let fits = matches!(target.expect, Expect::Date(date) if date.year.is_some());
            // A target whose own expect failed to check was already reported.
            let already_reported = self.damaged.contains(&target.id);
            if !fits && !already_reported {
                let stated = match &target.expect {
                    Expect::Date(_) => "a date without a year".to_string(),
                    Expect::Nothing => "no value".to_string(),
                    other => format!("a value of kind {}", super::describe::expect_kind(other)),
                };
                let declared = self.names.get(&target.id).copied();
                let mut report = Report::new(
                    derived.file,
                    derived.target.span,
                    format!(
                        "`{}` needs a fact that expects a date, but `{}` expects {stated}",
                        derived.keyword, target.id
                    ),
                    "not a dated fact",
                )
                .help(format!(
                    "name a fact declared with `expect date YYYY-MM-DD` (or a year) after `{}`",
                    derived.keyword
                ));
                if let Some(declared) = declared {
                    report = report.secondary(declared.file, declared.span, "declared here");
                }
                self.push(report);
            }
        }
    }
}

fn list_placeholders() -> String {
    MESSAGE_PLACEHOLDERS
        .iter()
        .map(|name| format!("`{{{name}}}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
#[path = "compile_tests.rs"]
mod tests;
