//! `factlint test` on the bundled pack and on packs broken on purpose.

use std::process::Command;

fn factlint(args: &[&str]) -> (String, i32) {
    let output = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("factlint runs");
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stderr));
    (text, output.status.code().unwrap_or(-1))
}

#[test]
fn the_bundled_pack_passes_with_required_examples() {
    let (output, code) = factlint(&["test", "--require-examples", "rules"]);
    assert_eq!(code, 0, "{output}");
    let last = output.lines().last().unwrap_or("");
    assert!(last.ends_with(" passed, 0 failed"), "{last}");
}

#[test]
fn broken_examples_fail_with_a_clear_message() {
    let (output, code) = factlint(&["test", "tests/authoring/broken.facts"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(output);
}

#[test]
fn an_example_read_as_of_the_default_date_says_so() {
    let (output, code) = factlint(&["test", "tests/authoring/undated.facts"]);
    assert_eq!(code, 1, "{output}");
    assert!(
        output.contains("read as of 2000-01-01, the default: `fabius` cites no dated source"),
        "{output}"
    );
}

#[test]
fn missing_examples_are_named() {
    let (output, code) = factlint(&[
        "test",
        "--require-examples",
        "tests/authoring/no-examples.facts",
    ]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(output);
}

#[test]
fn the_bundled_pack_kills_its_mutants() {
    let (output, code) = factlint(&["test", "--mutate", "rules"]);
    let last = output.lines().last().unwrap_or("");
    let killed: Vec<f64> = last
        .split(['/', ' '])
        .filter_map(|word| word.parse().ok())
        .collect();
    assert!(last.starts_with("mutation score: "), "{last}");
    assert!(killed.len() >= 2 && killed[0] >= 0.95 * killed[1], "{last}");
    assert!(code == 0 || code == 1);
}

#[test]
fn an_example_can_give_its_own_date() {
    // Without `as of`, the second and third examples are read as of the source's date, when
    // Collins held the other title, and fail.
    let (output, code) = factlint(&["test", "tests/authoring/dated.facts"]);
    assert_eq!(code, 0, "{output}");
    assert!(output.ends_with("3 passed, 0 failed\n"), "{output}");
    // explain shows the date beside the example.
    let (output, code) = factlint(&[
        "explain",
        "collins",
        "--rules",
        "tests/authoring/dated.facts",
    ]);
    assert_eq!(code, 0, "{output}");
    assert!(
        output.contains("Michael Collins spoke.  (as of 1970-06-01)"),
        "{output}"
    );
    let undated = std::fs::read_to_string("tests/authoring/dated.facts")
        .expect("the fixture")
        .replace(" as of 1970-06-01", "");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("undated.facts");
    std::fs::write(&path, undated).expect("written");
    let (output, code) = factlint(&["test", path.to_str().unwrap_or("")]);
    assert_eq!(code, 1, "{output}");
    assert!(output.ends_with("1 passed, 2 failed\n"), "{output}");
    // A failing example with its own date says which date it was read as of.
    let wrong = std::fs::read_to_string("tests/authoring/dated.facts")
        .expect("the fixture")
        .replace(
            "ok  \"Assistant",
            "ok  \"Command Module Pilot Michael Collins and Assistant",
        );
    let path = dir.path().join("wrong.facts");
    std::fs::write(&path, wrong).expect("written");
    let (output, code) = factlint(&["test", path.to_str().unwrap_or("")]);
    assert_eq!(code, 1, "{output}");
    assert!(
        output.contains("read as of 1970-06-01 (its own `as of` date)"),
        "{output}"
    );
}
