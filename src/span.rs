//! The one span type (end-exclusive byte offsets) and the line index that turns byte offsets
//! into 1-based lines and columns (Unicode scalar values) or UTF-16 positions, at the edges only.

use serde::Serialize;

/// A half-open byte range `start..end` into one text. Both ends lie on char boundaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// This span moved right by `offset` bytes.
    pub const fn shift(self, offset: usize) -> Self {
        Span::new(self.start + offset, self.end + offset)
    }

    /// The smallest span that covers both.
    pub fn cover(self, other: Span) -> Self {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// The text under this span, or `None` when it is out of range or not on char boundaries.
    pub fn slice(self, text: &str) -> Option<&str> {
        text.get(self.range())
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(range: std::ops::Range<usize>) -> Self {
        Span::new(range.start, range.end)
    }
}

/// A line and column, both 1-based; the column counts Unicode scalar values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// Start offsets of every line of a text, for byte → line/column conversions. Long lines also
/// get anchors every [`ANCHOR_STEP`] bytes (with the char and UTF-16 counts from the line's
/// start), so that a column on a 10 MB line costs a short count, not a scan of the line.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// (byte offset, chars from the line's start, UTF-16 units from the line's start), sorted.
    anchors: Vec<(usize, usize, usize)>,
}

/// Distance between anchors on long lines.
pub const ANCHOR_STEP: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(at, _)| at + 1));
        let mut anchors = Vec::new();
        for (line, &start) in line_starts.iter().enumerate() {
            let end = line_starts.get(line + 1).copied().unwrap_or(text.len());
            if end - start <= ANCHOR_STEP {
                continue;
            }
            let (mut chars, mut units, mut next) = (0, 0, start + ANCHOR_STEP);
            for (at, ch) in text[start..end].char_indices() {
                if start + at >= next {
                    anchors.push((start + at, chars, units));
                    next = start + at + ANCHOR_STEP;
                }
                chars += 1;
                units += ch.len_utf16();
            }
        }
        LineIndex {
            line_starts,
            anchors,
        }
    }

    /// The 0-based line that holds `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next.saturating_sub(1),
        }
    }

    /// The byte offset where 0-based `line` starts, if the text has that line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts.get(line).copied()
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The nearest known point at or before `offset` on its line: (byte offset, chars and
    /// UTF-16 units from the line's start), and the 0-based line.
    fn anchor(&self, offset: usize) -> (usize, usize, usize, usize) {
        let line = self.line_of(offset);
        let start = self.line_starts[line];
        let found = self.anchors.partition_point(|&(at, _, _)| at <= offset);
        match found
            .checked_sub(1)
            .and_then(|index| self.anchors.get(index))
        {
            Some(&(at, chars, units)) if at >= start => (line, at, chars, units),
            _ => (line, start, 0, 0),
        }
    }

    /// 1-based line and column (in chars) of `offset`. Offsets past the end or inside a char
    /// are clamped to the nearest boundary before it.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = floor_char_boundary(text, offset);
        let (line, from, chars, _) = self.anchor(offset);
        let column = chars + text[from..offset].chars().count() + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }

    /// 0-based line and UTF-16 code-unit column of `offset`, as LSP and SARIF want them.
    pub fn utf16_position(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset);
        let (line, from, _, units) = self.anchor(offset);
        let column = units
            + text[from..offset]
                .chars()
                .map(char::len_utf16)
                .sum::<usize>();
        (line, column)
    }

    /// The byte offset of a 0-based line and UTF-16 column; clamped to the line's end.
    pub fn offset_of_utf16(&self, text: &str, line: usize, column: usize) -> usize {
        let Some(start) = self.line_start(line) else {
            return text.len();
        };
        let end = self.line_start(line + 1).unwrap_or(text.len());
        let mut units = 0;
        for (at, ch) in text[start..end].char_indices() {
            if units >= column || ch == '\n' {
                return start + at;
            }
            units += ch.len_utf16();
        }
        end
    }
}

/// The largest char boundary at or before `offset` (and at most `text.len()`).
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_chars() {
        let text = "ab\nПривет, 1992\n";
        let index = LineIndex::new(text);
        let at = text.find("1992").unwrap();
        assert_eq!(index.line_col(text, at), LineCol { line: 2, column: 9 });
        assert_eq!(index.line_col(text, 0), LineCol { line: 1, column: 1 });
    }

    #[test]
    fn utf16_positions_round_trip() {
        let text = "x\n😀 “a” 1992";
        let index = LineIndex::new(text);
        let at = text.find("1992").unwrap();
        let (line, column) = index.utf16_position(text, at);
        assert_eq!((line, column), (1, 7));
        assert_eq!(index.offset_of_utf16(text, line, column), at);
    }

    #[test]
    fn long_lines_use_anchors_and_agree_with_counting() {
        let text = format!("{}\n{}", "é😀a".repeat(5000), "x".repeat(10));
        let index = LineIndex::new(&text);
        for offset in [0, 7, 4096, 4097, 20_000, 34_999, 35_000, text.len()] {
            let offset = floor_char_boundary(&text, offset);
            let line = index.line_of(offset);
            let start = index.line_start(line).unwrap_or(0);
            let chars = text[start..offset].chars().count() + 1;
            let units: usize = text[start..offset].chars().map(char::len_utf16).sum();
            assert_eq!(
                index.line_col(&text, offset),
                LineCol {
                    line: line + 1,
                    column: chars
                }
            );
            assert_eq!(index.utf16_position(&text, offset), (line, units));
        }
    }

    #[test]
    fn offsets_inside_a_char_are_clamped() {
        let text = "é";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 1), LineCol { line: 1, column: 1 });
        assert_eq!(index.line_col(text, 99), LineCol { line: 1, column: 2 });
    }
}
