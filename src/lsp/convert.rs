//! Findings and rule-file errors as the protocol's diagnostics: ranges in the negotiated
//! encoding, the fact id as the code, the source in the message, and a link to the fact's
//! definition in its rule file.

use super::checker::Checker;
use super::position::{Encoding, PositionMap};
use crate::diagnostic::Diagnostic;
use crate::rules::{RuleDiagnostic, Severity};
use crate::span::{LineIndex, Span};
use codespan_reporting::diagnostic::{LabelStyle, Severity as RuleSeverity};
use lsp_types::{DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Uri};

/// The name every diagnostic carries as its `source`.
pub const SOURCE: &str = "factlint";

pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// One finding in the draft at `uri`.
pub fn finding(
    checker: &Checker<'_>,
    uri: &Uri,
    positions: PositionMap<'_>,
    finding: &Diagnostic,
) -> lsp_types::Diagnostic {
    let mut message = finding.message.clone();
    if let Some(source) = &finding.source {
        message.push_str("\nsource: ");
        message.push_str(&source.title);
        if let Some(date) = &source.date {
            message.push_str(", ");
            message.push_str(date);
        }
    }
    let mut related = Vec::new();
    if let Some(location) = checker
        .origin_of_id(&finding.fact)
        .and_then(|origin| checker.location(origin, positions.encoding))
    {
        related.push(DiagnosticRelatedInformation {
            location,
            message: format!("`{}` is defined here", finding.fact),
        });
    }
    for label in &finding.labels {
        related.push(DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), positions.range(label.span)),
            message: label.message.clone(),
        });
    }
    lsp_types::Diagnostic {
        range: positions.range(finding.span),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.fact.clone())),
        code_description: None,
        source: Some(SOURCE.to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// A rule-file error (syntax or validation) in the file whose text is `text`: the range of
/// its primary label, the message and notes as `factlint rules` prints them, and the other
/// labels as related information.
pub fn rule_error(
    error: &RuleDiagnostic,
    uri: &Uri,
    text: &str,
    encoding: Encoding,
    other_file: &dyn Fn(usize) -> Option<(Uri, String)>,
    file: usize,
) -> lsp_types::Diagnostic {
    let lines = LineIndex::new(text);
    let positions = PositionMap::new(text, &lines, encoding);
    let primary = error
        .labels
        .iter()
        .find(|label| label.style == LabelStyle::Primary && label.file_id == file)
        .or_else(|| error.labels.iter().find(|label| label.file_id == file));
    let span = primary.map_or(Span::new(0, 0), |label| {
        Span::new(label.range.start, label.range.end)
    });
    let mut message = error.message.clone();
    if let Some(label) = primary.filter(|label| !label.message.is_empty()) {
        message.push_str(": ");
        message.push_str(&label.message);
    }
    for note in &error.notes {
        message.push('\n');
        message.push_str(note);
    }
    let mut related = Vec::new();
    for label in &error.labels {
        if primary.is_some_and(|primary| std::ptr::eq(primary, label)) {
            continue;
        }
        let location = if label.file_id == file {
            Some(Location::new(
                uri.clone(),
                positions.range(label.range.clone().into()),
            ))
        } else {
            other_file(label.file_id).map(|(other_uri, other_text)| {
                let other_lines = LineIndex::new(&other_text);
                let other = PositionMap::new(&other_text, &other_lines, encoding);
                Location::new(other_uri, other.range(label.range.clone().into()))
            })
        };
        if let Some(location) = location {
            related.push(DiagnosticRelatedInformation {
                location,
                message: if label.message.is_empty() {
                    "see here".to_string()
                } else {
                    label.message.clone()
                },
            });
        }
    }
    lsp_types::Diagnostic {
        range: positions.range(span),
        severity: Some(match error.severity {
            RuleSeverity::Bug | RuleSeverity::Error => DiagnosticSeverity::ERROR,
            RuleSeverity::Warning => DiagnosticSeverity::WARNING,
            RuleSeverity::Note | RuleSeverity::Help => DiagnosticSeverity::INFORMATION,
        }),
        code: None,
        code_description: None,
        source: Some(SOURCE.to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}
