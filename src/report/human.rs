//! The human format: each finding as a compiler-style diagnostic (codespan-reporting), the
//! wrong text underlined, the cue marked, then what was expected, the source and the fix.

use super::position::Positions;
use super::{FileReport, Reporter};
use crate::diagnostic::{Diagnostic, FindingKind, Label};
use crate::rules::Severity;
use crate::span::{LineIndex, Span, floor_char_boundary};
use codespan_reporting::diagnostic::{
    Diagnostic as Rendered, Label as RenderedLabel, Severity as RenderedSeverity,
};
use codespan_reporting::files::{self, Files, SimpleFile};
use std::io::{self, Write};
use std::ops::Range;

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
        let index = LineIndex::new(report.text);
        let mut positions = Positions::new(report.text);
        for diagnostic in report.diagnostics {
            self.findings += 1;
            self.by_severity[diagnostic.severity as usize] += 1;
            let text = match long_line_excerpt(report, &index, &mut positions, diagnostic) {
                Some(excerpt) => {
                    let rendered = render(&shifted(diagnostic, excerpt.start, excerpt.text.len()));
                    self.emit(&excerpt, &rendered)?
                }
                None => self.emit(&file, &render(diagnostic))?,
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

impl Human {
    fn emit<'f, F: Files<'f, FileId = ()>>(
        &self,
        files: &'f F,
        rendered: &Rendered<()>,
    ) -> io::Result<String> {
        crate::draw::draw(files, rendered, self.color).map_err(io::Error::other)
    }
}

/// Lines longer than this (in bytes) are shown as an excerpt around the finding, so that a
/// 10 MB single-line draft does not print 10 MB per finding.
const LONG_LINE: usize = 1000;

/// Bytes of context kept on each side of the finding in an excerpt.
const EXCERPT_CONTEXT: usize = 120;

/// A piece of one long line, shown by codespan with the line and columns of the whole file.
struct Excerpt<'a> {
    name: &'a str,
    text: &'a str,
    /// The byte offset of `text` in the file.
    start: usize,
    /// 1-based line and column of `start`.
    line: usize,
    column: usize,
}

impl<'a> Files<'a> for Excerpt<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(self.text)
    }

    fn line_index(&'a self, (): (), _byte_index: usize) -> Result<usize, files::Error> {
        Ok(0)
    }

    fn line_number(&'a self, (): (), _line_index: usize) -> Result<usize, files::Error> {
        Ok(self.line)
    }

    fn column_number(
        &'a self,
        (): (),
        _line_index: usize,
        byte_index: usize,
    ) -> Result<usize, files::Error> {
        let before = self.text.get(..byte_index).unwrap_or(self.text);
        Ok(self.column + before.chars().count())
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, files::Error> {
        if line_index == 0 {
            Ok(0..self.text.len())
        } else {
            Err(files::Error::LineTooLarge {
                given: line_index,
                max: 0,
            })
        }
    }
}

/// The excerpt to show when `diagnostic` sits on one line longer than [`LONG_LINE`].
fn long_line_excerpt<'a>(
    report: &FileReport<'a>,
    index: &LineIndex,
    positions: &mut Positions<'_>,
    diagnostic: &Diagnostic,
) -> Option<Excerpt<'a>> {
    let text = report.text;
    let line = index.line_of(diagnostic.span.start);
    if index.line_of(diagnostic.span.end) != line {
        return None;
    }
    let line_start = index.line_start(line)?;
    let line_end = index
        .line_start(line + 1)
        .map_or(text.len(), |next| next.saturating_sub(1));
    if line_end.saturating_sub(line_start) <= LONG_LINE {
        return None;
    }
    let start = floor_char_boundary(
        text,
        diagnostic
            .span
            .start
            .saturating_sub(EXCERPT_CONTEXT)
            .max(line_start),
    );
    let mut end = (diagnostic.span.end + EXCERPT_CONTEXT).min(line_end);
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let position = positions.at(start);
    Some(Excerpt {
        name: report.path,
        text: text.get(start..end)?,
        start,
        line: position.line,
        column: position.column,
    })
}

/// `diagnostic` with its spans moved into an excerpt that starts at `start` and is `len`
/// bytes long; labels outside it are left out.
fn shifted(diagnostic: &Diagnostic, start: usize, len: usize) -> Diagnostic {
    let inside = |span: Span| span.start >= start && span.end <= start + len;
    let mut moved = diagnostic.clone();
    moved.span = Span::new(diagnostic.span.start - start, diagnostic.span.end - start);
    moved.labels = diagnostic
        .labels
        .iter()
        .filter(|label| inside(label.span))
        .map(|label| Label {
            span: Span::new(label.span.start - start, label.span.end - start),
            message: label.message.clone(),
        })
        .collect();
    moved
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
    let mut labels =
        vec![RenderedLabel::primary((), diagnostic.span.range()).with_message(primary)];
    labels.extend(diagnostic.labels.iter().map(|label| {
        RenderedLabel::secondary((), label.span.range()).with_message(label.message.clone())
    }));
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
