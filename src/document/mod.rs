//! Drafts: plain text or Markdown turned into prose (the same bytes, with everything that is
//! not prose blanked out), blocks, sentences, the document date and suppression comments.
//!
//! Every offset here is a byte offset into the original file: the prose view has exactly the
//! length of the file, so a span found in it is a span of the file.

mod front_matter;
mod markdown;
mod sentences;
mod suppress;

pub use sentences::{MAX_SENTENCE, split_sentences};
pub use suppress::Suppressions;

use crate::span::Span;
use crate::value::PartialDate;

/// How a draft's text is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
}

impl Format {
    /// Markdown for `.md`, `.markdown` and `.mdx`; plain text otherwise.
    pub fn from_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if [".md", ".markdown", ".mdx"]
            .iter()
            .any(|ext| lower.ends_with(ext))
        {
            Format::Markdown
        } else {
            Format::Text
        }
    }
}

/// A sentence of prose and the block (paragraph, heading, list item…) it stands in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index into [`Document::blocks`].
    pub block: usize,
}

/// A draft, read and split, ready for the engine.
#[derive(Clone, Debug)]
pub struct Document<'a> {
    /// The original file text.
    pub text: &'a str,
    /// The same length as `text`: prose kept, everything else (markup, code, HTML, link
    /// targets, front matter) replaced by spaces, line breaks kept.
    pub prose: String,
    /// Blocks of prose (paragraphs, headings, list items, table rows), in order.
    pub blocks: Vec<Span>,
    pub sentences: Vec<Sentence>,
    /// The `date:` of YAML front matter, if any.
    pub front_matter_date: Option<PartialDate>,
    pub suppressions: Suppressions,
}

impl<'a> Document<'a> {
    /// Read `text` in the given format. Never fails: whatever is not understood is prose.
    pub fn parse(text: &'a str, format: Format) -> Document<'a> {
        let (front_matter_len, front_matter_date) = front_matter::read(text);
        let (mut prose, mut blocks) = match format {
            Format::Markdown => markdown::prose(text, front_matter_len),
            Format::Text => text_prose(text, front_matter_len),
        };
        for block in &mut blocks {
            skip_dateline(&mut prose, block);
        }
        let sentences = blocks
            .iter()
            .enumerate()
            .flat_map(|(block, span)| {
                split_sentences(&prose, *span)
                    .into_iter()
                    .map(move |span| Sentence { span, block })
            })
            .collect();
        let suppressions = Suppressions::parse(text);
        Document {
            text,
            prose,
            blocks,
            sentences,
            front_matter_date,
            suppressions,
        }
    }

    /// The prose of `span` (spaces where markup stood).
    pub fn prose_of(&self, span: Span) -> &str {
        span.slice(&self.prose).unwrap_or("")
    }

    /// The block that heads each block in the draft's outline: for a list item, the nearest
    /// item before it that is indented less (its parent item); else, or when it has none, the
    /// nearest heading before it. Plain text has list items but no headings. One pass.
    pub fn outline(&self) -> Vec<Option<usize>> {
        let mut parents = Vec::with_capacity(self.blocks.len());
        let mut heading: Option<usize> = None;
        // The open list items, by indent, innermost last.
        let mut items: Vec<(usize, usize)> = Vec::new();
        for index in 0..self.blocks.len() {
            match self.block_shape(index) {
                Some(Shape::Heading) => {
                    parents.push(heading);
                    heading = Some(index);
                    items.clear();
                }
                Some(Shape::Item(indent)) => {
                    while items.last().is_some_and(|&(open, _)| open >= indent) {
                        items.pop();
                    }
                    parents.push(items.last().map(|&(_, item)| item).or(heading));
                    items.push((indent, index));
                }
                _ => {
                    parents.push(heading);
                    items.clear();
                }
            }
        }
        parents
    }

    /// What the line of block `index` starts with, before its prose.
    fn block_shape(&self, index: usize) -> Option<Shape> {
        let block = self.blocks.get(index)?;
        let line_start = self
            .text
            .get(..block.start)?
            .rfind('\n')
            .map_or(0, |at| at + 1);
        let marker = self.text.get(line_start..block.start)?;
        let indent = marker.len() - marker.trim_start().len();
        // Emphasis or a link may open the prose: "- **2016** — …".
        let marker = marker.trim_end_matches(['*', '_', '[', '`', ' ']).trim();
        // In plain text a list item's block starts at its bullet.
        let bullet_inside = marker.is_empty() && list_item(self.text.get(block.start..)?);
        Some(if marker.starts_with('#') {
            Shape::Heading
        } else if bullet_inside
            || matches!(marker, "-" | "*" | "+")
            || (marker.ends_with(['.', ')'])
                && marker.len() > 1
                && marker[..marker.len() - 1]
                    .bytes()
                    .all(|b| b.is_ascii_digit()))
        {
            Shape::Item(indent)
        } else {
            Shape::Other
        })
    }
}

/// How a block's line starts: a heading, a list item (at an indent), or anything else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    Heading,
    Item(usize),
    Other,
}

/// Plain text: front matter blanked, blocks are runs of non-blank lines.
fn text_prose(text: &str, front_matter_len: usize) -> (String, Vec<Span>) {
    let mut prose = String::with_capacity(text.len());
    prose.push_str(&blank(&text[..front_matter_len]));
    prose.push_str(&text[front_matter_len..]);
    let blocks = paragraphs(&prose, Span::new(front_matter_len, text.len()));
    (prose, blocks)
}

/// Runs of non-blank lines inside `within`, trimmed of surrounding whitespace. A line that
/// starts like a list item ("- ", "* ", "• ", "1. ", "2) ", "3/ ") starts a block of its own.
pub(crate) fn paragraphs(prose: &str, within: Span) -> Vec<Span> {
    let mut blocks = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = within.start;
    let mut offset = within.start;
    for line in prose[within.range()].split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        if line.trim().is_empty() || list_item(line.trim_start()) {
            if let Some(begin) = start.take() {
                blocks.push(Span::new(begin, last_end));
            }
            if line.trim().is_empty() {
                continue;
            }
        }
        let leading = line.len() - line.trim_start().len();
        if start.is_none() {
            start = Some(line_start + leading);
        }
        last_end = line_start + line.trim_end().len();
    }
    if let Some(begin) = start {
        blocks.push(Span::new(begin, last_end));
    }
    blocks
}

/// Blank a dateline or an update label that opens `block` ("BEIJING, July 17 (BelTA) – ",
/// "Updated 19 July 2013: ", "Correction, 19 July 2013: "): its date is the filing's, not a
/// statement of the draft. The block then starts after it.
fn skip_dateline(prose: &mut String, block: &mut Span) {
    const LABELS: &[&str] = &[
        "updated",
        "update",
        "last updated",
        "correction",
        "corrected",
        "clarification",
        "posted",
        "published",
        "editor's note",
        "editor’s note",
    ];
    let Some(text) = block.slice(prose) else {
        return;
    };
    // Both start with a capital; most blocks are passed over here.
    if !text.starts_with(|c: char| c.is_uppercase()) {
        return;
    }
    let head = &text[..crate::span::floor_char_boundary(text, text.len().min(90))];
    let has_digit = |part: &str| part.bytes().any(|b| b.is_ascii_digit());
    // "BEIJING, July 17 (BelTA) – ": capitals and a comma, a date, a dash.
    let city_end = head.find(',').filter(|&comma| {
        let city = &head[..comma];
        city.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && city
                .chars()
                .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\''))
    });
    let dateline = city_end.and_then(|comma| {
        [" \u{2013} ", " \u{2014} ", " - ", " -- ", "\u{2014}"]
            .iter()
            .filter_map(|dash| head[comma..].find(dash).map(|at| comma + at + dash.len()))
            .min()
            .filter(|&end| has_digit(&head[comma..end]))
    });
    // "Updated 19 July 2013: ": a label, a date, a colon.
    let label = LABELS
        .iter()
        .find(|label| {
            head.get(..label.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(label))
        })
        .and_then(|label| {
            let colon = head[label.len()..].find(':')? + label.len();
            has_digit(&head[..colon]).then_some(colon + 1)
        });
    let Some(end) = dateline.or(label) else {
        return;
    };
    let start = block.start;
    let blank: String = prose[start..start + end]
        .chars()
        .map(|c| {
            if c == '\n' {
                "\n".to_string()
            } else {
                " ".repeat(c.len_utf8())
            }
        })
        .collect();
    prose.replace_range(start..start + end, &blank);
    let rest = &prose[start + end..block.end];
    block.start = start + end + (rest.len() - rest.trim_start().len());
}

/// Whether a line (without its indent) starts like a list item: a bullet and a space, or a
/// number of one or two digits, "." or ")" (or "/" of a thread of posts) and a space.
fn list_item(line: &str) -> bool {
    let bytes = line.as_bytes();
    let bullet = ["- ", "* ", "+ ", "\u{2022} ", "\u{2013} ", "\u{2014} "]
        .iter()
        .any(|marker| line.starts_with(marker));
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let numbered = (1..=2).contains(&digits)
        && matches!(bytes.get(digits), Some(b'.' | b')' | b'/'))
        && bytes.get(digits + 1) == Some(&b' ');
    bullet || numbered
}

/// The same number of bytes as `text`, all spaces, line breaks kept.
pub(crate) fn blank(text: &str) -> String {
    let bytes: Vec<u8> = text
        .bytes()
        .map(|b| if b == b'\n' { b'\n' } else { b' ' })
        .collect();
    // Only spaces and line breaks: always UTF-8.
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_items_and_headings_head_what_stands_under_them() {
        let text = "# Visits\n\nIntro.\n\n## September 2016\n\n- **2016** — state visit\n  - 29 September: talks\n  - 30 September: meeting\n- 2023: another visit\n\nA paragraph.\n";
        let document = Document::parse(text, Format::Markdown);
        let block_of = |needle: &str| {
            let at = text.find(needle).expect("in the text");
            document
                .blocks
                .iter()
                .position(|block| block.start <= at && at < block.end)
                .expect("a block")
        };
        let outline = document.outline();
        let parent = |needle: &str| {
            outline[block_of(needle)]
                .map(|block| document.prose_of(document.blocks[block]).trim().to_string())
        };
        assert!(parent("29 September").is_some_and(|item| item.ends_with("— state visit")));
        assert_eq!(parent("30 September"), parent("29 September"));
        assert_eq!(parent("2023:").as_deref(), Some("September 2016"));
        assert_eq!(parent("A paragraph").as_deref(), Some("September 2016"));
        assert_eq!(parent("Intro").as_deref(), Some("Visits"));
        assert_eq!(parent("Visits"), None);
        // Plain text has list items too.
        let plain = Document::parse("- 2016: a visit\n  - 29 September: talks\n", Format::Text);
        assert_eq!(plain.outline(), [None, Some(0)]);
    }

    fn sentences(text: &str, format: Format) -> Vec<String> {
        let document = Document::parse(text, format);
        assert_eq!(document.prose.len(), text.len());
        document
            .sentences
            .iter()
            .map(|s| document.prose_of(s.span).to_string())
            .collect()
    }

    #[test]
    fn plain_text_paragraphs_and_sentences() {
        let text = "First one. Second one!\nStill second? No.\n\nNew paragraph here.";
        assert_eq!(
            sentences(text, Format::Text),
            [
                "First one.",
                "Second one!",
                "Still second?",
                "No.",
                "New paragraph here."
            ]
        );
    }

    #[test]
    fn a_markdown_table_row_is_one_block() {
        let text = "Intro line.\n\n| Date | Event |\n| --- | --- |\n| 20 January 1992 | Ties set up. Embassies followed. |\n| 1993 | More |\n";
        let document = Document::parse(text, Format::Markdown);
        let blocks: Vec<&str> = document
            .blocks
            .iter()
            .map(|span| document.prose_of(*span))
            .collect();
        assert_eq!(
            blocks,
            [
                "Intro line.",
                "Date   Event",
                "20 January 1992   Ties set up. Embassies followed.",
                "1993   More"
            ]
        );
        // A cell's sentence end still ends a sentence; a cell border alone does not.
        let all = sentences(text, Format::Markdown);
        assert_eq!(all[2], "20 January 1992   Ties set up.");
        assert_eq!(all[3], "Embassies followed.");
    }

    #[test]
    fn datelines_and_update_labels_are_not_prose() {
        let text = "BEIJING, July 17 (BelTA) \u{2013} The talks were held yesterday.\n\nUpdated 19 July 2013: the talks were held on 16 July.\n\nCorrection, 19 July 2013: it was 16 July.\n\nMINSK, the capital, is large.";
        let document = Document::parse(text, Format::Text);
        assert_eq!(document.prose.len(), text.len());
        assert_eq!(
            sentences(text, Format::Text),
            [
                "The talks were held yesterday.",
                "the talks were held on 16 July.",
                "it was 16 July.",
                "MINSK, the capital, is large."
            ]
        );
    }

    #[test]
    fn plain_text_list_items_are_blocks_of_their_own() {
        let text = "Timeline:\n- In Paris, 196 parties adopted it\n- 175 parties signed it\n  on one day\n1. First point\n2) Second point\n12.5 per cent rose\n3/ A post";
        assert_eq!(
            sentences(text, Format::Text),
            [
                "Timeline:",
                "- In Paris, 196 parties adopted it",
                "- 175 parties signed it\n  on one day",
                "1. First point",
                "2) Second point\n12.5 per cent rose",
                "3/ A post"
            ]
        );
    }

    #[test]
    fn markdown_code_and_link_targets_are_not_prose() {
        let text = "---\ndate: 2013-07-17\n---\n# Title 1992\n\nSee [the 1992 note](https://x.org/1993) and `1994`.\n\n```\n1995\n```\n";
        let document = Document::parse(text, Format::Markdown);
        assert_eq!(
            document.front_matter_date,
            Some(PartialDate::ymd(2013, 7, 17))
        );
        assert!(!document.prose.contains("1993"));
        assert!(!document.prose.contains("1994"));
        assert!(!document.prose.contains("1995"));
        assert!(!document.prose.contains("2013"));
        assert!(document.prose.contains("the 1992 note"));
        let all = sentences(text, Format::Markdown);
        assert_eq!(all.len(), 2, "{all:?}");
        assert_eq!(all[0], "Title 1992");
    }
}
