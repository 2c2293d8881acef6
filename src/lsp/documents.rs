//! The documents the editor has open: their text kept in step with incremental changes, what
//! kind of file each is, and the findings of the current text (computed lazily, dropped on
//! every change).

use super::position::{Encoding, PositionMap};
use crate::diagnostic::Diagnostic;
use crate::document::Format;
use crate::span::LineIndex;
use lsp_types::{TextDocumentContentChangeEvent, Uri};
use std::path::PathBuf;

/// What an open document is to factlint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentKind {
    /// A draft to check, read as plain text or Markdown.
    Draft(Format),
    /// A rule file (`*.facts`).
    Rules,
    /// `factlint.toml`.
    Config,
}

impl DocumentKind {
    /// The kind of a document from its path (or URI) and the editor's language id.
    pub fn classify(name: &str, language_id: &str) -> DocumentKind {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".facts") || language_id == "facts" {
            DocumentKind::Rules
        } else if lower.ends_with(super::config::CONFIG_FILE) {
            DocumentKind::Config
        } else if language_id == "markdown" || language_id == "mdx" {
            DocumentKind::Draft(Format::Markdown)
        } else {
            DocumentKind::Draft(Format::from_path(&lower))
        }
    }
}

/// One open document.
#[derive(Clone, Debug)]
pub struct OpenDocument {
    pub uri: Uri,
    /// The file on disk, for `file:` URIs.
    pub path: Option<PathBuf>,
    pub kind: DocumentKind,
    pub version: i32,
    pub text: String,
    pub lines: LineIndex,
    /// The findings of the current text, once computed.
    pub findings: Option<Vec<Diagnostic>>,
    /// Changed since diagnostics were last published.
    pub dirty: bool,
}

impl OpenDocument {
    pub fn new(uri: Uri, kind: DocumentKind, version: i32, text: String) -> OpenDocument {
        let path = super::uri::path_of(&uri);
        let lines = LineIndex::new(&text);
        OpenDocument {
            uri,
            path,
            kind,
            version,
            text,
            lines,
            findings: None,
            dirty: true,
        }
    }

    /// Positions of this document's text.
    pub fn positions(&self, encoding: Encoding) -> PositionMap<'_> {
        PositionMap::new(&self.text, &self.lines, encoding)
    }

    /// Apply one change: a whole new text, or a range replaced. Out-of-range positions are
    /// clamped, never a panic.
    pub fn apply_change(&mut self, change: TextDocumentContentChangeEvent, encoding: Encoding) {
        match change.range {
            None => self.text = change.text,
            Some(range) => {
                let span = self.positions(encoding).span(range);
                self.text.replace_range(span.range(), &change.text);
            }
        }
        self.lines = LineIndex::new(&self.text);
        self.findings = None;
        self.dirty = true;
    }

    /// Apply the changes of one `didChange`, in order, and take its version.
    pub fn apply_changes(
        &mut self,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        encoding: Encoding,
    ) {
        for change in changes {
            self.apply_change(change, encoding);
        }
        self.version = version;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range};
    use std::str::FromStr;

    fn document(text: &str) -> OpenDocument {
        let uri = Uri::from_str("file:///tmp/draft.md").unwrap();
        OpenDocument::new(
            uri,
            DocumentKind::Draft(Format::Markdown),
            1,
            text.to_string(),
        )
    }

    fn change(start: (u32, u32), end: (u32, u32), text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(
                Position::new(start.0, start.1),
                Position::new(end.0, end.1),
            )),
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn incremental_changes_after_emoji_land_on_the_right_bytes() {
        let mut open = document("😀 “x” 21 May\nnext");
        // UTF-16: the emoji is two units, so "21" starts at column 7.
        open.apply_changes(2, vec![change((0, 7), (0, 9), "20")], Encoding::Utf16);
        assert_eq!(open.text, "😀 “x” 20 May\nnext");
        open.apply_changes(3, vec![change((1, 0), (1, 4), "last")], Encoding::Utf8);
        assert_eq!(open.text, "😀 “x” 20 May\nlast");
        assert_eq!(open.version, 3);
        assert_eq!(open.lines.line_count(), 2);
    }

    #[test]
    fn reversed_and_out_of_range_ranges_are_clamped() {
        let mut open = document("abc");
        open.apply_change(change((0, 2), (0, 1), "X"), Encoding::Utf16);
        assert_eq!(open.text, "aXc");
        open.apply_change(change((5, 0), (9, 9), "!"), Encoding::Utf16);
        assert_eq!(open.text, "aXc!");
    }

    #[test]
    fn arbitrary_ranges_keep_the_text_valid() {
        let mut open = document("Привет 中文 “q” 😀\nline two\r\n\nend");
        let mut state: u64 = 7;
        let mut next = |limit: u32| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as u32 % limit
        };
        for round in 0..500 {
            let encoding = if round % 2 == 0 {
                Encoding::Utf8
            } else {
                Encoding::Utf16
            };
            let start = (next(6), next(30));
            let end = (next(6), next(30));
            let text = ["", "x", "é", "😀", "\n"][next(5) as usize];
            open.apply_change(change(start, end, text), encoding);
            assert_eq!(open.lines.line_count(), open.text.matches('\n').count() + 1);
        }
    }

    #[test]
    fn kinds_come_from_the_name_and_the_language() {
        assert_eq!(
            DocumentKind::classify("file:///r/main.facts", "plaintext"),
            DocumentKind::Rules
        );
        assert_eq!(
            DocumentKind::classify("file:///r/a.txt", "facts"),
            DocumentKind::Rules
        );
        assert_eq!(
            DocumentKind::classify("file:///p/factlint.toml", "toml"),
            DocumentKind::Config
        );
        assert_eq!(
            DocumentKind::classify("untitled:1", "markdown"),
            DocumentKind::Draft(Format::Markdown)
        );
        assert_eq!(
            DocumentKind::classify("file:///a.txt", "plaintext"),
            DocumentKind::Draft(Format::Text)
        );
    }
}
