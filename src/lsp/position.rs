//! Positions as the editor counts them: a 0-based line and a column in UTF-8 bytes or UTF-16
//! code units, whichever was negotiated at `initialize`. Byte offsets (the one span type) are
//! turned into positions and back here only, exactly, never panicking on a position that lies
//! past a line's end or inside a character.

use crate::span::{LineIndex, Span, floor_char_boundary};
use lsp_types::{Position, PositionEncodingKind, Range};

/// How the editor counts columns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Encoding {
    /// Columns in UTF-8 bytes.
    Utf8,
    /// Columns in UTF-16 code units: the protocol's default.
    #[default]
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client offers it, else UTF-16 (which every client must support).
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        let offers_utf8 = offered.unwrap_or(&[]).contains(&PositionEncodingKind::UTF8);
        if offers_utf8 {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }
}

/// A text with its line index, to convert between byte offsets and editor positions.
#[derive(Clone, Copy, Debug)]
pub struct PositionMap<'a> {
    pub text: &'a str,
    pub lines: &'a LineIndex,
    pub encoding: Encoding,
}

impl<'a> PositionMap<'a> {
    pub fn new(text: &'a str, lines: &'a LineIndex, encoding: Encoding) -> Self {
        PositionMap {
            text,
            lines,
            encoding,
        }
    }

    /// The position of byte `offset` (clamped to the text and to a char boundary).
    pub fn position(&self, offset: usize) -> Position {
        let (line, column) = match self.encoding {
            Encoding::Utf16 => self.lines.utf16_position(self.text, offset),
            Encoding::Utf8 => {
                let offset = floor_char_boundary(self.text, offset);
                let line = self.lines.line_of(offset);
                let start = self.lines.line_start(line).unwrap_or(0);
                (line, offset.saturating_sub(start))
            }
        };
        Position::new(saturate(line), saturate(column))
    }

    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of `position`. A column past the end of its line means the line's end;
    /// a line past the last means the end of the text; a column inside a character means the
    /// boundary after it (UTF-16) or before it (UTF-8).
    pub fn offset(&self, position: Position) -> usize {
        let line = position.line as usize;
        let column = position.character as usize;
        match self.encoding {
            Encoding::Utf16 => self.lines.offset_of_utf16(self.text, line, column),
            Encoding::Utf8 => {
                let Some(start) = self.lines.line_start(line) else {
                    return self.text.len();
                };
                let line_end = self
                    .lines
                    .line_start(line + 1)
                    .map_or(self.text.len(), |next| next.saturating_sub(1));
                let offset = start.saturating_add(column).min(line_end.max(start));
                floor_char_boundary(self.text, offset)
            }
        }
    }

    /// The byte span of `range`, with its ends put in order.
    pub fn span(&self, range: Range) -> Span {
        let start = self.offset(range.start);
        let end = self.offset(range.end);
        Span::new(start.min(end), start.max(end))
    }
}

fn saturate(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str, needle: &str, encoding: Encoding, expected: (u32, u32)) {
        let lines = LineIndex::new(text);
        let map = PositionMap::new(text, &lines, encoding);
        let at = text.find(needle).unwrap();
        let position = map.position(at);
        assert_eq!((position.line, position.character), expected);
        assert_eq!(map.offset(position), at);
    }

    #[test]
    fn utf16_counts_surrogate_pairs_as_two() {
        let text = "Привет 中文 “quoted” 😀 1992\n";
        // 6 Cyrillic + space + 2 Chinese + space + 8 for the quoted word + space + 2 + space.
        round_trip(text, "1992", Encoding::Utf16, (0, 22));
    }

    #[test]
    fn utf8_counts_bytes() {
        let text = "line one\nПривет 😀 1992";
        round_trip(text, "1992", Encoding::Utf8, (1, 18));
    }

    #[test]
    fn positions_past_the_line_end_clamp_to_it() {
        let text = "ab\ncd";
        let lines = LineIndex::new(text);
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            let map = PositionMap::new(text, &lines, encoding);
            assert_eq!(map.offset(Position::new(0, 99)), 2);
            assert_eq!(map.offset(Position::new(1, 99)), 5);
            assert_eq!(map.offset(Position::new(7, 0)), 5);
        }
    }

    #[test]
    fn utf8_column_inside_a_char_goes_back_to_its_start() {
        let text = "é1";
        let lines = LineIndex::new(text);
        let map = PositionMap::new(text, &lines, Encoding::Utf8);
        assert_eq!(map.offset(Position::new(0, 1)), 0);
    }

    #[test]
    fn negotiation_prefers_utf8_when_offered() {
        let both = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&both)), Encoding::Utf8);
        let only16 = [PositionEncodingKind::UTF16];
        assert_eq!(Encoding::negotiate(Some(&only16)), Encoding::Utf16);
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
    }
}
