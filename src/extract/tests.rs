//! Table-driven tests of the extractor: each case is a text and the value forms it must yield.

use super::*;

fn forms(text: &str) -> Vec<String> {
    extract(text)
        .iter()
        .map(|value| value.value.form())
        .collect()
}

#[track_caller]
fn check(text: &str, expected: &[&str]) {
    assert_eq!(forms(text), expected, "text: {text:?}");
}

#[test]
fn smoke() {
    check("20 January 1992", &["1992-01-20"]);
}
