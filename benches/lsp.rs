//! The language server's hot path: a 100 KB draft re-checked after a one-character change —
//! the change applied to the open document, the draft checked against the bundled rule pack,
//! the findings converted to protocol diagnostics. Target: under 10 ms.
//!
//! Run with `cargo bench --bench lsp`.

use factlint::document::Format;
use factlint::lsp::{Checker, DocumentKind, Encoding, OpenDocument, convert};
use factlint::rules::RuleSet;
use factlint::value::PartialDate;
use lsp_types::{Position, Range, TextDocumentContentChangeEvent, Uri};
use std::str::FromStr;

fn main() {
    divan::main();
}

/// The bundled rule pack.
fn rules() -> RuleSet {
    factlint::load::load_rules(&[std::path::PathBuf::from("rules")])
        .expect("the bundled pack loads")
}

/// About 100 KB of Markdown made of the sample drafts, front matter dropped.
fn draft() -> String {
    let mut samples = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir("samples")
        .expect("samples/ exists")
        .flatten()
        .map(|entry| entry.path())
        .collect();
    entries.sort();
    for path in entries {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let body = match text
            .strip_prefix("---\n")
            .and_then(|rest| rest.split_once("\n---\n"))
        {
            Some((_, body)) => body.to_string(),
            None => text,
        };
        samples.push(body);
    }
    let mut draft = String::from("---\ndate: 2013-07-17\n---\n");
    while draft.len() < 100 * 1024 {
        for sample in &samples {
            draft.push_str(sample);
            draft.push_str("\n\n");
        }
    }
    draft
}

fn one_character(line: u32, insert: bool) -> TextDocumentContentChangeEvent {
    let start = Position::new(line, 0);
    let end = Position::new(line, if insert { 0 } else { 1 });
    TextDocumentContentChangeEvent {
        range: Some(Range::new(start, end)),
        range_length: None,
        text: if insert {
            "x".to_string()
        } else {
            String::new()
        },
    }
}

#[divan::bench]
fn recheck_100_kb_after_one_character(bencher: divan::Bencher<'_, '_>) {
    let rules = rules();
    let checker = Checker::new(&rules);
    let text = draft();
    let middle_line = (text.lines().count() / 2) as u32;
    let uri = Uri::from_str("file:///bench/draft.md").expect("a valid URI");
    let mut document = OpenDocument::new(uri, DocumentKind::Draft(Format::Markdown), 1, text);
    let date = PartialDate::ymd(2013, 7, 17);
    let mut insert = true;
    let mut version = 1;
    bencher.bench_local(|| {
        version += 1;
        document.apply_changes(
            version,
            vec![one_character(middle_line, insert)],
            Encoding::Utf16,
        );
        insert = !insert;
        let findings = checker.check(&document.text, Format::Markdown, date);
        let positions = document.positions(Encoding::Utf16);
        let diagnostics: Vec<lsp_types::Diagnostic> = findings
            .iter()
            .map(|finding| convert::finding(&checker, &document.uri, positions, finding))
            .collect();
        divan::black_box(diagnostics)
    });
}

#[divan::bench]
fn check_100_kb(bencher: divan::Bencher<'_, '_>) {
    let rules = rules();
    let checker = Checker::new(&rules);
    let text = draft();
    let date = PartialDate::ymd(2013, 7, 17);
    bencher.bench_local(|| divan::black_box(checker.check(&text, Format::Markdown, date)));
}

/// The share of reading the Markdown (prose, blocks, sentences) in a check.
#[divan::bench]
fn parse_100_kb(bencher: divan::Bencher<'_, '_>) {
    let text = draft();
    bencher.bench_local(|| {
        divan::black_box(
            factlint::document::Document::parse(&text, Format::Markdown)
                .sentences
                .len(),
        )
    });
}
