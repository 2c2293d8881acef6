//! Markdown drafts: the prose view (text kept, markup blanked) and its blocks, from
//! pulldown-cmark's events with source offsets.
//!
//! A table row is one block, its cells joined by the blanked pipes: a row such as "| 20
//! January 1992 | Diplomatic relations established |" states its fact like a sentence.

use super::blank;
use crate::span::Span;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The prose view of `text` and its blocks. The first `skip` bytes (front matter) are blank.
pub fn prose(text: &str, skip: usize) -> (String, Vec<Span>) {
    let mut prose = blank(text).into_bytes();
    let mut blocks: Vec<Span> = Vec::new();
    // The block each open container collects into: `Some(index)` once it has text.
    let mut open: Vec<Option<usize>> = Vec::new();
    // Inside a code block or an image: no prose.
    let mut hidden = 0usize;
    let body = &text[skip..];
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let range = Span::new(range.start + skip, range.end + skip);
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Item
                | Tag::TableHead
                | Tag::TableRow
                | Tag::FootnoteDefinition(_) => open.push(None),
                Tag::CodeBlock(_) | Tag::Image { .. } | Tag::HtmlBlock | Tag::MetadataBlock(_) => {
                    hidden += 1
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableHead
                | TagEnd::TableRow
                | TagEnd::FootnoteDefinition => {
                    open.pop();
                }
                TagEnd::CodeBlock
                | TagEnd::Image
                | TagEnd::HtmlBlock
                | TagEnd::MetadataBlock(_) => hidden = hidden.saturating_sub(1),
                _ => {}
            },
            Event::Text(_) if hidden == 0 => {
                let Some(slot) = open.last_mut() else {
                    continue;
                };
                let Some(source) = range.slice(text) else {
                    continue;
                };
                prose[range.range()].copy_from_slice(source.as_bytes());
                match slot {
                    Some(index) => {
                        if let Some(block) = blocks.get_mut(*index) {
                            block.end = block.end.max(range.end);
                        }
                    }
                    None => {
                        *slot = Some(blocks.len());
                        blocks.push(range);
                    }
                }
            }
            _ => {}
        }
    }
    // Only whole source slices on char boundaries were copied over ASCII spaces, so the bytes
    // stay valid UTF-8; fall back to the blank view if that ever fails.
    let prose = String::from_utf8(prose).unwrap_or_else(|_| blank(text));
    (prose, blocks)
}
