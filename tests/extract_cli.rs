//! `factlint extract` end to end: the binary on a file and on standard input.

use std::io::Write;
use std::process::{Command, Stdio};

const TEXT: &str = "Ties date from 20 January 1992; trade reached about $1.5 billion.\n";

fn expected_lines() -> Vec<serde_json::Value> {
    vec![
        serde_json::json!({"kind": "date", "text": "20 January 1992", "start": 15, "end": 30,
            "value": "1992-01-20", "approx": null}),
        serde_json::json!({"kind": "money", "text": "$1.5 billion", "start": 52, "end": 64,
            "value": "USD 1500000000", "approx": "about"}),
    ]
}

fn parse_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or(serde_json::Value::Null))
        .collect()
}

#[test]
fn jsonl_from_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.md");
    std::fs::write(&path, TEXT).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["extract", "--format", "jsonl"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(parse_lines(&output.stdout), expected_lines());
}

#[test]
fn jsonl_from_stdin() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["extract", "-", "--format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(TEXT.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(parse_lines(&output.stdout), expected_lines());
}

#[test]
fn human_format_shows_line_and_column() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["extract", "--dollar", "CAD"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Intro.\nIt cost $5 on 16 July.\n")
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "2:9     money    $5  → CAD 5",
            "2:15    date     16 July  → --07-16"
        ]
    );
}

#[test]
fn month_first_flag_changes_numeric_dates() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["extract", "--format", "jsonl", "--month-first"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Filed 05/07/2013.")
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let lines = parse_lines(&output.stdout);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["value"], "2013-05-07");
}

#[test]
fn missing_and_non_utf8_files_fail_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere.md");
    let output = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .arg("extract")
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("nowhere.md"));

    let binary = dir.path().join("binary.txt");
    std::fs::write(&binary, [0x66, 0xff, 0xfe, 0x31]).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .arg("extract")
        .arg(&binary)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("binary.txt") && stderr.contains("UTF-8"),
        "{stderr}"
    );
}
