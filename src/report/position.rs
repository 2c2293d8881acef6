//! Byte offsets to line and column for reporters that convert many offsets of one text in
//! (mostly) increasing order. [`LineIndex`] alone counts columns from the start of the line
//! each time, which is quadratic on a long single-line file with many findings; `Positions`
//! keeps a few cursors and walks forward from the nearest one.

use crate::span::{LineIndex, floor_char_boundary};

/// A position: 1-based line, 1-based column in chars, 0-based column in UTF-16 code units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub utf16_column: usize,
}

#[derive(Clone, Copy, Debug)]
struct Cursor {
    offset: usize,
    /// 0-based line.
    line: usize,
    chars: usize,
    utf16: usize,
    last_used: u64,
}

/// Line and column lookups over one text, fast for offsets that move forward.
pub struct Positions<'a> {
    text: &'a str,
    index: LineIndex,
    cursors: Vec<Cursor>,
    clock: u64,
}

/// Cursors kept: starts, ends and fixes of the findings each get one.
const CURSORS: usize = 4;

impl<'a> Positions<'a> {
    pub fn new(text: &'a str) -> Positions<'a> {
        Positions {
            text,
            index: LineIndex::new(text),
            cursors: Vec::with_capacity(CURSORS),
            clock: 0,
        }
    }

    /// The position of `offset` (clamped to the text and to a char boundary before it).
    pub fn at(&mut self, offset: usize) -> Position {
        let offset = floor_char_boundary(self.text, offset);
        let line = self.index.line_of(offset);
        self.clock += 1;
        let best = self
            .cursors
            .iter()
            .enumerate()
            .filter(|(_, cursor)| cursor.line == line && cursor.offset <= offset)
            .max_by_key(|(_, cursor)| cursor.offset)
            .map(|(at, _)| at);
        let mut cursor = match best {
            Some(at) => self.cursors[at],
            None => Cursor {
                offset: self.index.line_start(line).unwrap_or(0),
                line,
                chars: 0,
                utf16: 0,
                last_used: 0,
            },
        };
        for ch in self.text.get(cursor.offset..offset).unwrap_or("").chars() {
            cursor.chars += 1;
            cursor.utf16 += ch.len_utf16();
        }
        cursor.offset = offset;
        cursor.last_used = self.clock;
        match best {
            Some(at) if self.cursors[at].offset == offset => self.cursors[at] = cursor,
            _ if self.cursors.len() < CURSORS => self.cursors.push(cursor),
            Some(at) => self.cursors[at] = cursor,
            None => {
                if let Some(oldest) = self
                    .cursors
                    .iter_mut()
                    .min_by_key(|cursor| cursor.last_used)
                {
                    *oldest = cursor;
                }
            }
        }
        Position {
            line: line + 1,
            column: cursor.chars + 1,
            utf16_column: cursor.utf16,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_agree_with_the_line_index_in_any_order() {
        let text = "ab\nПривет, 😀 1992 and «more»\n\nlast line é";
        let index = LineIndex::new(text);
        let mut positions = Positions::new(text);
        let offsets: Vec<usize> = (0..=text.len() + 2).chain((0..text.len()).rev()).collect();
        for offset in offsets {
            let got = positions.at(offset);
            let expected = index.line_col(text, offset);
            let (_, utf16) = index.utf16_position(text, offset);
            assert_eq!(
                (got.line, got.column),
                (expected.line, expected.column),
                "{offset}"
            );
            assert_eq!(got.utf16_column, utf16, "{offset}");
        }
    }

    #[test]
    fn many_positions_on_one_long_line_are_fast() {
        let text = "word ".repeat(2_000_000);
        let mut positions = Positions::new(&text);
        let started = std::time::Instant::now();
        for start in (0..text.len()).step_by(50) {
            positions.at(start);
            positions.at(start + 20);
        }
        // Quadratic counting would take minutes here; linear takes milliseconds.
        assert!(started.elapsed() < std::time::Duration::from_secs(20));
    }
}
