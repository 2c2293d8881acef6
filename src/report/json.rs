//! The `json` and `jsonl` formats of the contract in DESIGN.md: one diagnostic object with
//! file, fact, kind, severity, message, span (bytes and 1-based line/column in chars), found,
//! expected, fix and source.

use super::position::Positions;
use super::{FileReport, Reporter};
use crate::diagnostic::Diagnostic;
use crate::span::LineIndex;
use serde_json::{Value, json};
use std::io::{self, Write};

/// One diagnostic as the JSON contract writes it.
pub fn json_diagnostic(
    path: &str,
    text: &str,
    index: &LineIndex,
    diagnostic: &Diagnostic,
) -> Value {
    let start = index.line_col(text, diagnostic.span.start);
    let end = index.line_col(text, diagnostic.span.end);
    diagnostic_value(
        path,
        diagnostic,
        (start.line, start.column),
        (end.line, end.column),
    )
}

/// The JSON object of a diagnostic whose start and end are at the given (line, column).
fn diagnostic_value(
    path: &str,
    diagnostic: &Diagnostic,
    start: (usize, usize),
    end: (usize, usize),
) -> Value {
    json!({
        "file": path,
        "fact": diagnostic.fact,
        "kind": diagnostic.kind.as_str(),
        "severity": diagnostic.severity.as_str(),
        "message": diagnostic.message,
        "span": {
            "start": diagnostic.span.start,
            "end": diagnostic.span.end,
            "line": start.0,
            "column": start.1,
            "end_line": end.0,
            "end_column": end.1,
        },
        "found": diagnostic.found,
        "expected": diagnostic.expected,
        "fix": diagnostic.fix.as_ref().map(|fix| json!({
            "start": fix.span.start,
            "end": fix.span.end,
            "replacement": fix.replacement,
        })),
        "source": diagnostic.source.as_ref().map(|source| json!({
            "id": source.id,
            "title": source.title,
            "date": source.date,
            "url": source.url,
        })),
    })
}

fn diagnostics(report: &FileReport<'_>) -> impl Iterator<Item = Value> {
    let mut positions = Positions::new(report.text);
    let path = report.path.to_string();
    report.diagnostics.iter().map(move |diagnostic| {
        let start = positions.at(diagnostic.span.start);
        let end = positions.at(diagnostic.span.end);
        diagnostic_value(
            &path,
            diagnostic,
            (start.line, start.column),
            (end.line, end.column),
        )
    })
}

/// `{"version": 1, "diagnostics": [...]}`, written when the run ends.
#[derive(Default)]
pub struct Json {
    all: Vec<Value>,
}

impl Reporter for Json {
    fn file(&mut self, _out: &mut dyn Write, report: &FileReport<'_>) -> io::Result<()> {
        self.all.extend(diagnostics(report));
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let document = json!({"version": 1, "diagnostics": std::mem::take(&mut self.all)});
        // Serialised first, so that a closed pipe reaches the caller as `BrokenPipe`.
        let mut text = serde_json::to_string_pretty(&document).map_err(io::Error::other)?;
        text.push('\n');
        out.write_all(text.as_bytes())
    }
}

/// One diagnostic a line, written as each file is done.
pub struct JsonLines;

impl Reporter for JsonLines {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport<'_>) -> io::Result<()> {
        for value in diagnostics(report) {
            let mut line = serde_json::to_string(&value).map_err(io::Error::other)?;
            line.push('\n');
            out.write_all(line.as_bytes())?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}
