//! What the editor asks about a draft: hover (the finding, the fact behind a cue, the
//! normalized value of a date or amount), code actions (each fix, and all of them at once)
//! and go-to-definition (from a cue or name to its declaration in a rule file).

use super::checker::Checker;
use super::convert;
use super::documents::{DocumentKind, OpenDocument};
use super::position::Encoding;
use crate::diagnostic::{Diagnostic, SourceRef};
use crate::document::{Document, Format};
use crate::engine::matcher::{Hit, Meaning};
use crate::extract::{self, Value};
use crate::rules::{RuleSet, SourceIdx, describe_expect, describe_titles};
use crate::span::Span;
use crate::value::format_decimal;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Hover, HoverContents, Location, MarkupContent,
    MarkupKind, TextEdit, WorkspaceEdit,
};
use std::collections::HashMap;

/// The title of the action that applies every fix in a file.
pub const FIX_ALL_TITLE: &str = "Fix all factlint findings in this file";

/// The format of a draft (rule files and the config are read as plain text).
fn format_of(document: &OpenDocument) -> Format {
    match document.kind {
        DocumentKind::Draft(format) => format,
        DocumentKind::Rules | DocumentKind::Config => Format::Text,
    }
}

/// Whether `offset` lies on `span` (its end included, so that a cursor right after a word
/// still counts).
fn touches(span: Span, offset: usize) -> bool {
    span.start <= offset && offset <= span.end
}

/// Hover at byte `offset` of a draft.
pub fn hover(
    checker: &Checker<'_>,
    document: &OpenDocument,
    findings: &[Diagnostic],
    offset: usize,
    encoding: Encoding,
) -> Option<Hover> {
    let positions = document.positions(encoding);
    let make = |span: Span, value: String| Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range: Some(positions.range(span)),
    };
    let flagged: Vec<&Diagnostic> = findings
        .iter()
        .filter(|finding| touches(finding.span, offset))
        .collect();
    if let Some(first) = flagged.first() {
        let text = flagged
            .iter()
            .map(|finding| finding_markdown(finding))
            .collect::<Vec<_>>()
            .join("\n\n---\n\n");
        return Some(make(first.span, text));
    }
    let parsed = Document::parse(&document.text, format_of(document));
    let hits = checker.engine.hits(&parsed);
    if let Some(hit) = hits.iter().find(|hit| touches(hit.span, offset)) {
        return Some(make(hit.span, hit_markdown(checker.rules, hit)));
    }
    let sentence = parsed
        .sentences
        .iter()
        .find(|sentence| touches(sentence.span, offset))?;
    let prose = parsed.prose_of(sentence.span);
    let value = extract::extract(prose)
        .into_iter()
        .map(|mut value| {
            value.span = value.span.shift(sentence.span.start);
            value
        })
        .find(|value| touches(value.span, offset))?;
    let text = value.span.slice(&document.text).unwrap_or("");
    let markdown = format!(
        "`{}` — {} `{}`",
        text.replace('`', "'"),
        kind_name(&value.value),
        normalized(&value.value)
    );
    Some(make(value.span, markdown))
}

/// The normalized form of a value, as `factlint extract` writes it.
pub fn normalized(value: &Value) -> String {
    match value {
        Value::Date(date) => date.to_string(),
        Value::Number(number) => format_decimal(*number),
        Value::Money { currency, amount } => format!("{currency} {}", format_decimal(*amount)),
        Value::Percent(percent) => format!("{}%", format_decimal(*percent)),
        Value::Ordinal(ordinal) => ordinal.to_string(),
    }
}

fn kind_name(value: &Value) -> &'static str {
    match value {
        Value::Date(_) => "date",
        Value::Number(_) => "number",
        Value::Money { .. } => "amount",
        Value::Percent(_) => "percentage",
        Value::Ordinal(_) => "ordinal",
    }
}

fn source_markdown(source: &SourceRef) -> String {
    let mut text = match &source.url {
        Some(url) => format!("[{}]({url})", source.title),
        None => format!("*{}*", source.title),
    };
    if let Some(date) = &source.date {
        text.push_str(", ");
        text.push_str(date);
    }
    format!("Source: {text}")
}

fn finding_markdown(finding: &Diagnostic) -> String {
    let mut parts = vec![
        format!(
            "**factlint** · `{}` ({})",
            finding.fact,
            finding.kind.as_str()
        ),
        finding.message.clone(),
    ];
    if !finding.expected.is_empty() {
        parts.push(format!("Expected: **{}**", finding.expected));
    }
    if let Some(source) = &finding.source {
        parts.push(source_markdown(source));
    }
    parts.join("\n\n")
}

fn rule_source(rules: &RuleSet, source: Option<SourceIdx>) -> Option<String> {
    let source = rules.sources.get(source?)?;
    Some(source_markdown(&SourceRef {
        id: source.id.clone(),
        title: source.title.clone(),
        date: source.date.map(|date| date.to_string()),
        url: source.url.clone(),
    }))
}

fn hit_markdown(rules: &RuleSet, hit: &Hit) -> String {
    let mut parts = Vec::new();
    match hit.meaning {
        Meaning::Cue(fact) | Meaning::Near { fact, .. } | Meaning::Unless(fact) => {
            if let Some(fact) = rules.facts.get(fact) {
                parts.push(format!("**factlint** · fact `{}`", fact.id));
                parts.push(format!(
                    "Expected: **{}**",
                    describe_expect(rules, &fact.expect)
                ));
                parts.extend(rule_source(rules, fact.source));
            }
        }
        Meaning::Name { entity, .. } | Meaning::Avoid { entity, .. } => {
            if let Some(entity) = rules.entities.get(entity) {
                parts.push(format!(
                    "**{}** · {} `{}`",
                    entity.name, entity.class, entity.id
                ));
                if let Meaning::Avoid { variant, .. } = hit.meaning
                    && let Some(avoided) = entity.avoid.get(variant)
                {
                    parts.push(format!(
                        "`{avoided}` is a spelling to avoid: write **{}**",
                        entity.name
                    ));
                }
                if !entity.aliases.is_empty() {
                    parts.push(format!("Also: {}", entity.aliases.join(", ")));
                }
                parts.extend(rule_source(rules, entity.source));
            }
        }
        Meaning::Title { entity, title } => {
            if let Some(entity) = rules.entities.get(entity) {
                let name = entity
                    .titles
                    .get(title)
                    .map_or("", |title| title.name.as_str());
                parts.push(format!("**{name}** · a title of {}", entity.name));
                parts.push(format!("Titles: {}", describe_titles(entity)));
                let source = entity.titles.get(title).and_then(|title| title.source);
                parts.extend(rule_source(rules, source.or(entity.source)));
            }
        }
        Meaning::EventName(event) => {
            if let Some(event) = rules.events.get(event) {
                parts.push(format!("**{}** · event `{}`", event.name, event.id));
                let window = match (event.from, event.to) {
                    (Some(from), Some(to)) => format!("from {from} to {to}"),
                    (Some(from), None) => format!("from {from}"),
                    (None, Some(to)) => format!("until {to}"),
                    (None, None) => String::new(),
                };
                if !window.is_empty() {
                    parts.push(window);
                }
                parts.extend(rule_source(rules, event.source));
            }
        }
    }
    parts.join("\n\n")
}

/// Go to the declaration of the cue, name, title or event name at `offset`, or of the fact
/// behind a finding there.
pub fn definition(
    checker: &Checker<'_>,
    document: &OpenDocument,
    findings: &[Diagnostic],
    offset: usize,
    encoding: Encoding,
) -> Option<Location> {
    let parsed = Document::parse(&document.text, format_of(document));
    let hits = checker.engine.hits(&parsed);
    let origin = hits
        .iter()
        .find(|hit| touches(hit.span, offset))
        .and_then(|hit| checker.origin_of_meaning(hit.meaning))
        .or_else(|| {
            findings
                .iter()
                .find(|finding| touches(finding.span, offset))
                .and_then(|finding| checker.origin_of_id(&finding.fact))
        })?;
    checker.location(origin, encoding)
}

/// Whether an action of `kind` passes the client's `only` filter (kinds are hierarchical:
/// `source` admits `source.fixAll`).
fn admitted(only: Option<&[CodeActionKind]>, kind: &CodeActionKind) -> bool {
    match only {
        None => true,
        Some(only) => only.iter().any(|wanted| {
            kind.as_str() == wanted.as_str()
                || kind
                    .as_str()
                    .strip_prefix(wanted.as_str())
                    .is_some_and(|rest| rest.starts_with('.'))
        }),
    }
}

/// The code actions for `range` of a draft: one quick fix per finding there with a fix, and
/// "fix all" when the file has any fix.
pub fn code_actions(
    checker: &Checker<'_>,
    document: &OpenDocument,
    findings: &[Diagnostic],
    range: Span,
    only: Option<&[CodeActionKind]>,
    encoding: Encoding,
) -> Vec<CodeActionOrCommand> {
    let positions = document.positions(encoding);
    let edit = |fixes: Vec<TextEdit>| WorkspaceEdit {
        changes: Some(HashMap::from([(document.uri.clone(), fixes)])),
        document_changes: None,
        change_annotations: None,
    };
    let mut actions = Vec::new();
    if admitted(only, &CodeActionKind::QUICKFIX) {
        for finding in findings {
            let Some(fix) = &finding.fix else {
                continue;
            };
            let here = finding.span.overlaps(range)
                || (range.is_empty() && touches(finding.span, range.start));
            if !here {
                continue;
            }
            // The one obvious fix: no other finding proposes something else for this text.
            let rival = findings.iter().any(|other| {
                !std::ptr::eq(other, finding)
                    && other.fix.as_ref().is_some_and(|other_fix| {
                        other_fix.span.overlaps(fix.span)
                            && other_fix.replacement != fix.replacement
                    })
            });
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Replace `{}` with `{}`", finding.found, fix.replacement),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![convert::finding(
                    checker,
                    &document.uri,
                    positions,
                    finding,
                )]),
                edit: Some(edit(vec![TextEdit::new(
                    positions.range(fix.span),
                    fix.replacement.clone(),
                )])),
                command: None,
                is_preferred: Some(!rival),
                disabled: None,
                data: None,
            }));
        }
    }
    let fix_all_kind = match only {
        Some(only)
            if only
                .iter()
                .any(|kind| kind.as_str().starts_with(CodeActionKind::SOURCE.as_str())) =>
        {
            CodeActionKind::SOURCE_FIX_ALL
        }
        _ => CodeActionKind::QUICKFIX,
    };
    if admitted(only, &fix_all_kind) {
        let edits = fix_all_edits(findings);
        if !edits.is_empty() {
            let edits = edits
                .into_iter()
                .map(|(span, replacement)| TextEdit::new(positions.range(span), replacement))
                .collect();
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: FIX_ALL_TITLE.to_string(),
                kind: Some(fix_all_kind),
                diagnostics: None,
                edit: Some(edit(edits)),
                command: None,
                is_preferred: None,
                disabled: None,
                data: None,
            }));
        }
    }
    actions
}

/// Every fix of a file, in order, without overlaps (the first of two overlapping fixes wins).
pub fn fix_all_edits(findings: &[Diagnostic]) -> Vec<(Span, String)> {
    let mut fixes: Vec<(Span, String)> = findings
        .iter()
        .filter_map(|finding| finding.fix.as_ref())
        .map(|fix| (fix.span, fix.replacement.clone()))
        .collect();
    fixes.sort_by_key(|(span, _)| (span.start, span.end));
    let mut kept: Vec<(Span, String)> = Vec::with_capacity(fixes.len());
    for (span, replacement) in fixes {
        if kept.last().is_some_and(|(last, _)| last.end > span.start) {
            continue;
        }
        kept.push((span, replacement));
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{FindingKind, Fix};
    use crate::rules::Severity;

    fn finding(start: usize, end: usize, replacement: &str) -> Diagnostic {
        Diagnostic {
            fact: "fact".to_string(),
            kind: FindingKind::Mismatch,
            severity: Severity::Error,
            message: "wrong".to_string(),
            span: Span::new(start, end),
            labels: Vec::new(),
            found: "x".to_string(),
            expected: replacement.to_string(),
            fix: Some(Fix {
                span: Span::new(start, end),
                replacement: replacement.to_string(),
            }),
            source: None,
        }
    }

    #[test]
    fn fix_all_drops_overlapping_fixes() {
        let findings = [
            finding(10, 20, "b"),
            finding(0, 5, "a"),
            finding(15, 25, "c"),
        ];
        let kept: Vec<String> = fix_all_edits(&findings)
            .into_iter()
            .map(|(_, text)| text)
            .collect();
        assert_eq!(kept, ["a", "b"]);
    }

    #[test]
    fn only_filters_are_hierarchical() {
        let source = [CodeActionKind::SOURCE];
        assert!(admitted(Some(&source), &CodeActionKind::SOURCE_FIX_ALL));
        assert!(!admitted(Some(&source), &CodeActionKind::QUICKFIX));
        assert!(admitted(None, &CodeActionKind::QUICKFIX));
        let refactor = [CodeActionKind::REFACTOR];
        assert!(!admitted(Some(&refactor), &CodeActionKind::SOURCE_FIX_ALL));
    }
}
