//! The `json` and `jsonl` formats of the contract in DESIGN.md: one diagnostic object with
//! file, fact, kind, severity, message, span (bytes and 1-based line/column in chars), found,
//! expected, fix and source.

use super::position::Positions;
use super::{FileReport, Reporter};
use crate::diagnostic::{Diagnostic, SourceRef};
use crate::span::LineIndex;
use serde::Serialize;
use serde_json::Value;
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
    let shape = JsonDiagnostic::new(
        path,
        diagnostic,
        (start.line, start.column),
        (end.line, end.column),
    );
    serde_json::to_value(shape).unwrap_or(Value::Null)
}

/// A diagnostic in the shape of the contract, borrowing from it: fields in the contract's
/// order, serialized straight to the output.
#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    file: &'a str,
    fact: &'a str,
    kind: &'static str,
    severity: &'static str,
    message: &'a str,
    span: JsonSpan,
    found: &'a str,
    expected: &'a str,
    fix: Option<JsonFix<'a>>,
    source: Option<&'a SourceRef>,
}

#[derive(Serialize)]
struct JsonSpan {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    start: usize,
    end: usize,
    replacement: &'a str,
}

impl<'a> JsonDiagnostic<'a> {
    /// The diagnostic whose start and end are at the given (line, column).
    fn new(
        path: &'a str,
        diagnostic: &'a Diagnostic,
        start: (usize, usize),
        end: (usize, usize),
    ) -> JsonDiagnostic<'a> {
        JsonDiagnostic {
            file: path,
            fact: &diagnostic.fact,
            kind: diagnostic.kind.as_str(),
            severity: diagnostic.severity.as_str(),
            message: &diagnostic.message,
            span: JsonSpan {
                start: diagnostic.span.start,
                end: diagnostic.span.end,
                line: start.0,
                column: start.1,
                end_line: end.0,
                end_column: end.1,
            },
            found: &diagnostic.found,
            expected: &diagnostic.expected,
            fix: diagnostic.fix.as_ref().map(|fix| JsonFix {
                start: fix.span.start,
                end: fix.span.end,
                replacement: &fix.replacement,
            }),
            source: diagnostic.source.as_ref(),
        }
    }
}

/// Each diagnostic of `report` in the contract's shape, handed to `write`.
fn each_diagnostic(
    report: &FileReport<'_>,
    mut write: impl FnMut(&JsonDiagnostic<'_>) -> io::Result<()>,
) -> io::Result<()> {
    let mut positions = Positions::new(report.text);
    for diagnostic in report.diagnostics {
        let start = positions.at(diagnostic.span.start);
        let end = positions.at(diagnostic.span.end);
        let shape = JsonDiagnostic::new(
            report.path,
            diagnostic,
            (start.line, start.column),
            (end.line, end.column),
        );
        write(&shape)?;
    }
    Ok(())
}

/// `{"version": 1, "diagnostics": [...]}`, pretty-printed. The diagnostics are streamed as each
/// file is done (memory does not grow with the number of findings); the text is the same as
/// pretty-printing the whole document at once (keys in the order of the contract: `version`,
/// then `diagnostics`).
#[derive(Default)]
pub struct Json {
    started: bool,
    written: usize,
}

impl Json {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if !self.started {
            self.started = true;
            out.write_all(b"{\n  \"version\": 1,\n  \"diagnostics\": [")?;
        }
        Ok(())
    }
}

impl Reporter for Json {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport<'_>) -> io::Result<()> {
        self.start(out)?;
        each_diagnostic(report, |shape| {
            let pretty = serde_json::to_string_pretty(shape).map_err(io::Error::other)?;
            let separator = if self.written == 0 { "" } else { "," };
            let text = format!("{separator}\n    {}", pretty.replace('\n', "\n    "));
            out.write_all(text.as_bytes())?;
            self.written += 1;
            Ok(())
        })
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        self.start(out)?;
        let end = if self.written == 0 { "]" } else { "\n  ]" };
        out.write_all(format!("{end}\n}}\n").as_bytes())
    }
}

/// One diagnostic a line, written as each file is done.
pub struct JsonLines;

impl Reporter for JsonLines {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport<'_>) -> io::Result<()> {
        let mut line = Vec::new();
        each_diagnostic(report, |shape| {
            line.clear();
            serde_json::to_writer(&mut line, shape).map_err(io::Error::other)?;
            line.push(b'\n');
            out.write_all(&line)
        })
    }

    fn finish(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Diagnostic, FindingKind};
    use crate::rules::Severity;
    use crate::span::Span;
    use serde_json::json;

    #[test]
    fn the_streamed_document_is_the_pretty_printed_document() {
        let text = "Byelorussia and Byelorussia.";
        let diagnostic = |start: usize| Diagnostic {
            fact: "belarus".to_string(),
            kind: FindingKind::Misspelling,
            severity: Severity::Error,
            message: "spelling\nwith a line break".to_string(),
            span: Span::new(start, start + 11),
            labels: Vec::new(),
            found: "Byelorussia".to_string(),
            expected: "Belarus".to_string(),
            fix: None,
            source: None,
        };
        let diagnostics = [diagnostic(0), diagnostic(16)];
        let report = FileReport {
            path: "a.md",
            text,
            diagnostics: &diagnostics,
            fingerprints: &[],
        };
        let mut reporter = Json::default();
        let mut out = Vec::new();
        reporter.file(&mut out, &report).unwrap();
        reporter.file(&mut out, &report).unwrap();
        reporter.finish(&mut out).unwrap();
        let index = LineIndex::new(text);
        let all: Vec<Value> = [&diagnostics[..], &diagnostics[..]]
            .concat()
            .iter()
            .map(|d| json_diagnostic("a.md", text, &index, d))
            .collect();
        let whole =
            serde_json::to_string_pretty(&json!({"version": 1, "diagnostics": all})).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), whole + "\n");

        let mut empty = Json::default();
        let mut out = Vec::new();
        empty.finish(&mut out).unwrap();
        let whole =
            serde_json::to_string_pretty(&json!({"version": 1, "diagnostics": []})).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), whole + "\n");
    }
}
