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
        for value in diagnostics(report) {
            let pretty = serde_json::to_string_pretty(&value).map_err(io::Error::other)?;
            let separator = if self.written == 0 { "" } else { "," };
            let text = format!("{separator}\n    {}", pretty.replace('\n', "\n    "));
            out.write_all(text.as_bytes())?;
            self.written += 1;
        }
        Ok(())
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
