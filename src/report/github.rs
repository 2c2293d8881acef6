//! The `github` format: one GitHub Actions workflow command a finding,
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message` (`warning` and
//! `notice` for the lower severities), escaped as the runner requires, so that findings show as
//! annotations on the pull request.

use super::position::Positions;
use super::{FileReport, Reporter};
use crate::rules::Severity;
use std::io::{self, Write};

/// The workflow command of a severity.
pub fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Escape a message: `%`, `\r` and `\n`.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value: as a message, plus `:` and `,`.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// Writes one line per finding as each file is done.
pub struct GitHub;

impl Reporter for GitHub {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport<'_>) -> io::Result<()> {
        if report.diagnostics.is_empty() {
            return Ok(());
        }
        let mut positions = Positions::new(report.text);
        let file = escape_property(report.path.trim_start_matches("./"));
        for diagnostic in report.diagnostics {
            let start = positions.at(diagnostic.span.start);
            let end = positions.at(diagnostic.span.end);
            let title = escape_property(&format!(
                "factlint {} ({})",
                diagnostic.fact,
                diagnostic.kind.as_str()
            ));
            let mut message = diagnostic.message.clone();
            if let Some(source) = &diagnostic.source {
                message.push_str(&format!("\nsource: {}", source.title));
                if let Some(url) = &source.url {
                    message.push_str(&format!(" <{url}>"));
                }
            }
            if let Some(fix) = &diagnostic.fix {
                message.push_str(&format!("\nfix: replace with `{}`", fix.replacement));
            }
            writeln!(
                out,
                "::{} file={file},line={},col={},endLine={},endColumn={},title={title}::{}",
                command(diagnostic.severity),
                start.line,
                start.column,
                end.line,
                end.column,
                escape_data(&message)
            )?;
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

    #[test]
    fn messages_and_properties_are_escaped() {
        assert_eq!(
            escape_data("50% off\r\nnow: yes, no"),
            "50%25 off%0D%0Anow: yes, no"
        );
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
