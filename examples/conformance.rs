//! Measure the value extractor against a conformance table (an opt-in measurement, not a test).
//!
//! `cargo run --release --example conformance -- ../shared/conformance/duckling-en.tsv`
//!
//! A row passes when the extractor, run on the row's text alone, reports a value of the row's
//! dimension equal to `expected` (numbers compared as numbers; yearless dates judged on month
//! and day). Prints the accuracy per dimension and overall, then every miss.

use factlint::extract::{Value, extract};
use factlint::value::PartialDate;
use std::collections::BTreeMap;
use std::process::ExitCode;

struct Row {
    id: String,
    dimension: String,
    text: String,
    expected: String,
}

fn main() -> ExitCode {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/conformance/duckling-en.tsv".to_string());
    let content = match std::fs::read_to_string(&path) {
        Ok(content) => content,
        Err(error) => {
            eprintln!("conformance: cannot read {path}: {error} (the table is opt-in; skipping)");
            return ExitCode::from(2);
        }
    };
    let rows = parse_rows(&content);
    let mut totals: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for row in &rows {
        let values = extract(&row.text);
        let passed = values.iter().any(|found| {
            found.span.end <= row.text.len() && matches(&row.dimension, &row.expected, &found.value)
        });
        let entry = totals.entry(row.dimension.clone()).or_default();
        entry.1 += 1;
        if passed {
            entry.0 += 1;
        } else {
            let got: Vec<String> = values
                .iter()
                .map(|found| format!("{} {}", found.value.kind().as_str(), found.value.form()))
                .collect();
            misses.push(format!(
                "{}\t{}\t{:?}\texpected {}\tgot [{}]",
                row.id,
                row.dimension,
                row.text,
                row.expected,
                got.join(", ")
            ));
        }
    }
    let mut all = (0, 0);
    for (dimension, (passed, total)) in &totals {
        println!(
            "{dimension:<8} {passed:>4}/{total:<4} {:6.1}%",
            percent(*passed, *total)
        );
        all.0 += passed;
        all.1 += total;
    }
    println!(
        "{:<8} {:>4}/{:<4} {:6.1}%",
        "overall",
        all.0,
        all.1,
        percent(all.0, all.1)
    );
    if !misses.is_empty() {
        println!("\nmisses:");
        for miss in &misses {
            println!("{miss}");
        }
    }
    ExitCode::SUCCESS
}

fn percent(passed: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        100.0 * passed as f64 / total as f64
    }
}

fn parse_rows(content: &str) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut seen_header = false;
    for line in content.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if !seen_header {
            seen_header = true;
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if let [id, dimension, text, expected, ..] = fields.as_slice() {
            rows.push(Row {
                id: id.to_string(),
                dimension: dimension.to_string(),
                text: text.to_string(),
                expected: expected.to_string(),
            });
        }
    }
    rows
}

fn same_number(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn matches(dimension: &str, expected: &str, value: &Value) -> bool {
    match (dimension, value) {
        ("number", Value::Number(number)) => expected
            .parse::<f64>()
            .is_ok_and(|wanted| same_number(wanted, *number)),
        ("ordinal", Value::Ordinal(ordinal)) => expected.parse::<u64>() == Ok(*ordinal),
        ("money", Value::Money { currency, amount }) => {
            expected.split_once(' ').is_some_and(|(code, number)| {
                code == currency
                    && number
                        .parse::<f64>()
                        .is_ok_and(|wanted| same_number(wanted, *amount))
            })
        }
        ("percent", Value::Percent(number)) => expected
            .parse::<f64>()
            .is_ok_and(|wanted| same_number(wanted, *number)),
        ("date", Value::Date(date)) => match PartialDate::parse(expected) {
            Some(wanted) if wanted.year.is_none() => {
                wanted.month == date.month && wanted.day == date.day
            }
            Some(wanted) => wanted == *date,
            None => false,
        },
        _ => false,
    }
}
