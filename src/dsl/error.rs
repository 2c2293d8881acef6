//! Syntax errors as data: what went wrong, where, what was expected and how to mend it; and
//! their rendering as codespan-reporting diagnostics.

use crate::span::Span;
use codespan_reporting::diagnostic::{Diagnostic, Label};
use std::fmt;

/// One syntax error in a rule file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    /// The text to underline.
    pub span: Span,
    /// What the parser wanted at that place ("a date like 1992-01-20").
    pub expected: String,
    /// How to mend it.
    pub help: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// Something else stood where a token was needed. `after` is the word before it (may be
    /// empty); `found` describes what stood there.
    Expected {
        after: String,
        found: String,
    },
    UnterminatedString,
    UnknownEscape {
        escape: String,
    },
    BadUnicodeEscape,
    InvalidNumber {
        found: String,
    },
    UnknownStatement {
        found: String,
        suggestion: Option<&'static str>,
    },
    UnknownClause {
        found: String,
        statement: &'static str,
        suggestion: Option<&'static str>,
    },
    UnknownValueType {
        found: String,
        suggestion: Option<&'static str>,
    },
    /// A part of a title given twice.
    DuplicatePart {
        part: String,
    },
}

impl SyntaxError {
    /// The one-line message.
    pub fn message(&self) -> String {
        match &self.kind {
            SyntaxErrorKind::Expected { after, found } if after.is_empty() => {
                format!("expected {}, found {found}", self.expected)
            }
            SyntaxErrorKind::Expected { after, found } => {
                format!("expected {} after `{after}`, found {found}", self.expected)
            }
            SyntaxErrorKind::UnterminatedString => "unterminated string".to_string(),
            SyntaxErrorKind::UnknownEscape { escape } => {
                format!("unknown escape `{escape}` in a string")
            }
            SyntaxErrorKind::BadUnicodeEscape => "invalid Unicode escape in a string".to_string(),
            SyntaxErrorKind::InvalidNumber { found } => {
                format!("invalid number: expected {}, found {found}", self.expected)
            }
            SyntaxErrorKind::UnknownStatement { found, suggestion } => {
                let found = found.trim_matches('`');
                format!(
                    "unknown statement keyword `{found}`{}",
                    did_you_mean(*suggestion)
                )
            }
            SyntaxErrorKind::UnknownClause {
                found,
                statement,
                suggestion,
            } => format!(
                "unknown clause `{found}` in {statement}{}",
                did_you_mean(*suggestion)
            ),
            SyntaxErrorKind::UnknownValueType { found, suggestion } => format!(
                "unknown value type `{found}` after `expect`{}",
                did_you_mean(*suggestion)
            ),
            SyntaxErrorKind::DuplicatePart { part } => {
                format!("`{part}` given twice in one title")
            }
        }
    }

    /// The label text under the span.
    fn label(&self) -> String {
        match &self.kind {
            SyntaxErrorKind::UnterminatedString => "this string has no closing quote".to_string(),
            SyntaxErrorKind::UnknownStatement { .. } => "not a statement keyword".to_string(),
            SyntaxErrorKind::UnknownClause { statement, .. } => {
                format!(
                    "not a clause of {} {statement}",
                    super::parser::article(statement)
                )
            }
            SyntaxErrorKind::UnknownEscape { .. } => "unknown escape".to_string(),
            _ => format!("expected {}", self.expected),
        }
    }

    /// This error as a codespan diagnostic for the rule file `file`.
    pub fn to_diagnostic(&self, file: usize) -> Diagnostic<usize> {
        let mut notes = Vec::new();
        if let Some(help) = &self.help {
            notes.push(format!("help: {help}"));
        }
        Diagnostic::error()
            .with_message(self.message())
            .with_labels(vec![
                Label::primary(file, self.span.range()).with_message(self.label()),
            ])
            .with_notes(notes)
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for SyntaxError {}

fn did_you_mean(suggestion: Option<&str>) -> String {
    suggestion.map_or(String::new(), |word| format!(" (did you mean `{word}`?)"))
}

/// At most 40 chars of `word`, for messages about junk.
pub fn shorten(word: &str) -> String {
    let short: String = word.chars().take(40).collect();
    if short.len() < word.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// The candidate closest to `word` by edit distance (with transpositions), if close enough to
/// be a likely typo.
pub fn closest(word: &str, candidates: &[&'static str]) -> Option<&'static str> {
    if word.chars().count() > 40 {
        return None;
    }
    let limit = match word.chars().count() {
        0..=2 => 0,
        3..=5 => 1,
        _ => 2,
    };
    candidates
        .iter()
        .map(|candidate| (edit_distance(word, candidate), *candidate))
        .filter(|&(distance, _)| distance <= limit)
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate)
}

/// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
/// neighbours each cost one.
pub fn edit_distance(left: &str, right: &str) -> usize {
    let left: Vec<char> = left.chars().collect();
    let right: Vec<char> = right.chars().collect();
    let width = right.len() + 1;
    let mut table = vec![0usize; (left.len() + 1) * width];
    for (i, row) in table.chunks_mut(width).enumerate() {
        if let Some(first) = row.first_mut() {
            *first = i;
        }
    }
    for (j, cell) in table.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=left.len() {
        for j in 1..=right.len() {
            let cost = usize::from(left.get(i - 1) != right.get(j - 1));
            let mut best = (table[(i - 1) * width + j] + 1)
                .min(table[i * width + j - 1] + 1)
                .min(table[(i - 1) * width + j - 1] + cost);
            if i > 1
                && j > 1
                && left.get(i - 1) == right.get(j - 2)
                && left.get(i - 2) == right.get(j - 1)
            {
                best = best.min(table[(i - 2) * width + j - 2] + 1);
            }
            table[i * width + j] = best;
        }
    }
    table[left.len() * width + right.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swapped_letters_are_one_edit() {
        assert_eq!(edit_distance("whne", "when"), 1);
        assert_eq!(edit_distance("fcat", "fact"), 1);
        assert_eq!(edit_distance("expect", "expect"), 0);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn closest_suggests_only_near_words() {
        assert_eq!(closest("whne", &["when", "near"]), Some("when"));
        assert_eq!(closest("banana", &["when", "near"]), None);
    }
}
