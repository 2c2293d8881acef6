//! The human format: each finding as a compiler-style diagnostic (codespan-reporting), the
//! wrong text underlined, the cue marked, then what was expected, the source and the fix.

use super::{FileReport, Reporter};
use crate::diagnostic::{Diagnostic, FindingKind};
use crate::rules::Severity;
use codespan_reporting::diagnostic::{Diagnostic as Rendered, Label, Severity as RenderedSeverity};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, Config};
use std::io::{self, Write};

#[derive(Default)]
pub struct Human {
    color: bool,
    findings: usize,
    files: usize,
    by_severity: [usize; 3],
}

impl Human {
    pub fn new(color: bool) -> Human {
        Human {
            color,
            ..Human::default()
        }
    }
}

impl Reporter for Human {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport<'_>) -> io::Result<()> {
        self.files += 1;
        let file = SimpleFile::new(report.path, report.text);
        for diagnostic in report.diagnostics {
            self.findings += 1;
            self.by_severity[diagnostic.severity as usize] += 1;
            let rendered = render(diagnostic);
            let text = if self.color {
                let mut buffer = term::termcolor::Buffer::ansi();
                term::emit_to_write_style(&mut buffer, &Config::default(), &file, &rendered)
                    .map_err(io::Error::other)?;
                String::from_utf8_lossy(buffer.as_slice()).into_owned()
            } else {
                term::emit_into_string(&Config::default(), &file, &rendered)
                    .map_err(io::Error::other)?
            };
            out.write_all(text.as_bytes())?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let [info, warning, error] = self.by_severity;
        let files = if self.files == 1 {
            "1 file".to_string()
        } else {
            format!("{} files", self.files)
        };
        if self.findings == 0 {
            writeln!(out, "no findings in {files}")
        } else {
            writeln!(
                out,
                "{} finding{} in {files} ({error} error, {warning} warning, {info} info)",
                self.findings,
                if self.findings == 1 { "" } else { "s" }
            )
        }
    }
}

fn render(diagnostic: &Diagnostic) -> Rendered<()> {
    let severity = match diagnostic.severity {
        Severity::Error => RenderedSeverity::Error,
        Severity::Warning => RenderedSeverity::Warning,
        Severity::Info => RenderedSeverity::Note,
    };
    let primary = match diagnostic.kind {
        FindingKind::Polarity => "the fact is affirmed".to_string(),
        FindingKind::Inconsistent => format!("disagrees with `{}`", diagnostic.expected),
        _ => format!("expected {}", diagnostic.expected),
    };
    let mut labels = vec![Label::primary((), diagnostic.span.range()).with_message(primary)];
    labels.extend(
        diagnostic.labels.iter().map(|label| {
            Label::secondary((), label.span.range()).with_message(label.message.clone())
        }),
    );
    let mut notes = vec![format!(
        "{}: {}",
        diagnostic.kind.as_str(),
        describe(diagnostic)
    )];
    if let Some(source) = &diagnostic.source {
        let mut line = format!("source: {}", source.title);
        if let Some(date) = &source.date {
            line.push_str(&format!(" ({date})"));
        }
        if let Some(url) = &source.url {
            line.push_str(&format!(" <{url}>"));
        }
        notes.push(line);
    }
    if let Some(fix) = &diagnostic.fix {
        notes.push(format!(
            "help: replace `{}` with `{}`",
            diagnostic.found, fix.replacement
        ));
    }
    Rendered::new(severity)
        .with_code(diagnostic.fact.clone())
        .with_message(diagnostic.message.clone())
        .with_labels(labels)
        .with_notes(notes)
}

fn describe(diagnostic: &Diagnostic) -> String {
    match diagnostic.kind {
        FindingKind::Mismatch => format!(
            "found `{}`, expected `{}`",
            diagnostic.found, diagnostic.expected
        ),
        FindingKind::Misspelling => format!(
            "`{}` is written `{}`",
            diagnostic.found, diagnostic.expected
        ),
        FindingKind::Title | FindingKind::Outdated => {
            format!("`{}`: {}", diagnostic.found, diagnostic.expected)
        }
        FindingKind::Polarity => format!("`{}` negates a fact the rules affirm", diagnostic.found),
        FindingKind::Inconsistent => format!(
            "`{}` here, `{}` earlier in the draft",
            diagnostic.found, diagnostic.expected
        ),
    }
}
