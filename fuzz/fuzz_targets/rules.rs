//! Fuzz the rule-language front end: arbitrary bytes, read as UTF-8 (lossily, as the loader
//! refuses anything else), are parsed and compiled; nothing may panic, overflow or hang, and
//! every syntax error must point inside the text on char boundaries.

#![no_main]

use factlint::dsl::parse;
use factlint::rules::{ParsedFile, compile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let (ast, errors) = parse(&text);
    for error in &errors {
        assert!(error.span.slice(&text).is_some(), "bad span {:?}", error.span);
    }
    let _ = compile(vec![ParsedFile {
        path: "fuzz.facts".to_string(),
        text,
        ast,
    }]);
});
