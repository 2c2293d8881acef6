//! Hostile rule files — binary, non-UTF-8, a 2 MB line, deep brackets, a missing path — end
//! in exit code 2 and a message naming the file; none makes factlint panic.

use std::path::Path;
use std::process::Command;

fn run_rules(path: &Path) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .arg("rules")
        .arg(path)
        .output()
        .expect("run factlint");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (output.status.code().unwrap_or(-1), stderr)
}

fn write(folder: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = folder.join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path
}

#[test]
fn binary_file() {
    let folder = tempfile::tempdir().expect("tempdir");
    let path = write(
        folder.path(),
        "binary.facts",
        b"fact x\n\x00\x01\x02\xff junk",
    );
    let (code, stderr) = run_rules(&path);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("binary.facts") && stderr.contains("NUL byte"),
        "{stderr}"
    );
}

#[test]
fn non_utf8_file() {
    let folder = tempfile::tempdir().expect("tempdir");
    let path = write(folder.path(), "latin1.facts", b"city minsk \"M\xe9nsk\"\n");
    let (code, stderr) = run_rules(&path);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("latin1.facts") && stderr.contains("not valid UTF-8"),
        "{stderr}"
    );
}

#[test]
fn two_megabyte_single_line() {
    let folder = tempfile::tempdir().expect("tempdir");
    let line = format!("fact long when \"{}", "word ".repeat(400_000));
    let path = write(folder.path(), "long.facts", line.as_bytes());
    let (code, stderr) = run_rules(&path);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("long.facts:1:") && stderr.contains("unterminated string"),
        "{stderr}"
    );
}

#[test]
fn hundred_thousand_nested_brackets() {
    let folder = tempfile::tempdir().expect("tempdir");
    let text = format!(
        "fact deep\n  when \"x\"\n  expect count 1\n  bad \"{}\"\n",
        "[".repeat(100_000)
    );
    let path = write(folder.path(), "deep.facts", text.as_bytes());
    let (code, stderr) = run_rules(&path);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("deep.facts:4:") && stderr.contains("unbalanced brackets"),
        "{stderr}"
    );
}

#[test]
fn brackets_outside_strings_are_a_syntax_error() {
    let folder = tempfile::tempdir().expect("tempdir");
    let text = format!("fact deep\n  {}\n", "[".repeat(100_000));
    let path = write(folder.path(), "outside.facts", text.as_bytes());
    let (code, stderr) = run_rules(&path);
    assert_eq!(code, 2);
    assert!(stderr.contains("outside.facts:2:3"), "{stderr}");
}

#[test]
fn missing_path() {
    let (code, stderr) = run_rules(Path::new("tests/rules/no-such-folder/x.facts"));
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        "error: cannot read tests/rules/no-such-folder/x.facts: No such file or directory\nerror: 1 error in rule files\n"
    );
}

#[test]
fn byte_order_mark_is_ignored() {
    let folder = tempfile::tempdir().expect("tempdir");
    let path = write(
        folder.path(),
        "bom.facts",
        "\u{feff}city minsk \"Minsk\"\nfact f\n  when \"twin\"\n  expect entity minsk\n".as_bytes(),
    );
    let output = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .arg("rules")
        .arg(&path)
        .output()
        .expect("run factlint");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.starts_with("facts: 1 (entity 1)"), "{stdout}");
}
