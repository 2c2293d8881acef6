//! Fuzz target: checking arbitrary drafts (as Markdown and as plain text) against a small pack
//! that uses every kind of check never panics, and every finding's span and fix lie inside the
//! draft on char boundaries.

#![no_main]

use factlint::document::{Document, Format};
use factlint::engine::Engine;
use factlint::rules::RuleSet;
use factlint::value::PartialDate;
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

const RULES: &str = r#"
source s "Source" date 2013-07-16
country belarus "Belarus" adj "Belarusian" avoid "Byelorussia"
city beijing "Beijing"
city shanghai "Shanghai"
person xi "Xi Jinping" aka "Xi"
  title "President" aka "Chinese President" from 2013-03-14
  title "Vice President" from 2008-03-15 to 2013-03-14
event visit "Visit" from 2013-07-15 to 2013-07-17 aka "state visit"
fact relations
  cite s
  when "diplomatic relations"
  expect date 1992-01-20
fact talks
  cite s
  event visit
  when "talks"
  pattern "talks ... in {value}"
  expect entity beijing
fact total
  cite s
  event visit
  when "worth"
  expect money USD 1.5 billion
fact planned
  cite s
  when "agreements"
  near "sign"
  expect count 20 approx
fact declared
  cite s
  when "strategic partnership"
  affirm
fact anniversary
  cite s
  when "anniversary of diplomatic relations"
  expect anniversary of relations
fact turnover
  cite s
  when "trade turnover"
  expect consistent money
"#;

static PACK: LazyLock<RuleSet> = LazyLock::new(|| factlint::load::compile_str("fuzz.facts", RULES).unwrap_or_default());

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let engine = Engine::new(&PACK);
    for format in [Format::Markdown, Format::Text] {
        let document = Document::parse(text, format);
        assert_eq!(document.prose.len(), text.len());
        for diagnostic in engine.check(&document, PartialDate::ymd(2013, 7, 17)) {
            let span = diagnostic.span;
            assert!(span.start <= span.end && span.end <= text.len(), "{span:?}");
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            if let Some(fix) = &diagnostic.fix {
                assert!(text.is_char_boundary(fix.span.start) && text.is_char_boundary(fix.span.end));
            }
        }
    }
});
