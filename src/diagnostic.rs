//! The one `Diagnostic` type: what the engine finds in a draft, and what every reporter and the
//! language server see. Spans are byte ranges into the draft; lines and columns are made at the
//! edges.

use crate::rules::Severity;
use crate::span::Span;
use serde::Serialize;

/// What kind of finding a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FindingKind {
    /// A stated value differs from the fact's value.
    Mismatch,
    /// A name written in a variant the rules reject.
    Misspelling,
    /// A title the person never held.
    Title,
    /// A title the person held at another time, not on the document's date.
    Outdated,
    /// An affirmed fact stated under negation.
    Polarity,
    /// Two statements of one fact in one draft that disagree.
    Inconsistent,
}

impl FindingKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            FindingKind::Mismatch => "mismatch",
            FindingKind::Misspelling => "misspelling",
            FindingKind::Title => "title",
            FindingKind::Outdated => "outdated",
            FindingKind::Polarity => "polarity",
            FindingKind::Inconsistent => "inconsistent",
        }
    }
}

/// A replacement of one span of the draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub span: Span,
    pub replacement: String,
}

/// Where a fact comes from, as every finding shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceRef {
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    pub url: Option<String>,
}

/// A secondary place in the draft that explains the finding (the cue, the other statement).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// One finding in one draft.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    /// The id of the fact (or entity) that set it off.
    pub fact: String,
    pub kind: FindingKind,
    pub severity: Severity,
    pub message: String,
    /// The wrong text.
    pub span: Span,
    /// The cue and other places worth showing.
    pub labels: Vec<Label>,
    pub found: String,
    pub expected: String,
    pub fix: Option<Fix>,
    pub source: Option<SourceRef>,
}
