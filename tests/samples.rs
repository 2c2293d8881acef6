//! The rule pack in `rules/` against every draft in `samples/`: human and JSON output are
//! snapshots (a rule change shows up as a snapshot diff in review), correct drafts give no
//! finding, and drafts with planted errors give exactly the findings their key lists.

use std::path::Path;
use std::process::Command;

fn run_check(relative: &str, format: &str) -> (String, i32) {
    let output = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", relative, "--format", format])
        .output()
        .expect("factlint runs");
    assert!(
        output.stderr.is_empty(),
        "stderr for {relative}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        output.status.code().unwrap_or(-1),
    )
}

fn relative(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

#[test]
fn samples_as_a_user_sees_them() {
    insta::glob!("../samples", "*.{md,txt}", |path| {
        let file = relative(path);
        let (human, _) = run_check(&file, "human");
        insta::assert_snapshot!("human", human);
        let (json, _) = run_check(&file, "json");
        let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        insta::assert_json_snapshot!("json", value);
    });
}

#[test]
fn correct_samples_give_no_finding() {
    insta::glob!("../samples", "*.{md,txt}", |path| {
        let file = relative(path);
        if file.contains("planted") {
            return;
        }
        let (json, code) = run_check(&file, "json");
        let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        let found = value["diagnostics"].as_array().map_or(0, Vec::len);
        assert_eq!(found, 0, "{file} should be clean:\n{json}");
        assert_eq!(code, 0, "{file}: exit code");
    });
}

/// The findings `docs/samples.md` lists for one draft: (line, column, fact, kind, wrong text).
fn answer_key(draft: &str) -> Vec<(u64, u64, String, String, String)> {
    let key =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/samples.md"))
            .expect("docs/samples.md");
    let Some(section) = key
        .split("\n### `")
        .find(|section| section.starts_with(&format!("{draft}`")))
    else {
        return Vec::new();
    };
    let mut rows = Vec::new();
    for line in section.lines().filter(|line| line.starts_with("| ")) {
        let cells: Vec<&str> = line
            .split(" | ")
            .map(|cell| cell.trim_matches(|c| c == '|' || c == ' '))
            .collect();
        let Some((position, rest)) = cells.split_first() else {
            continue;
        };
        let Some((row, column)) = position.split_once(':') else {
            continue;
        };
        let (Ok(row), Ok(column)) = (row.parse(), column.parse()) else {
            continue;
        };
        let [fact, kind, wrong, ..] = rest else {
            continue;
        };
        let kind = kind.split_whitespace().next().unwrap_or("");
        // Other tables of a section (what is suppressed) have other columns.
        if ![
            "mismatch",
            "misspelling",
            "title",
            "outdated",
            "polarity",
            "inconsistent",
        ]
        .contains(&kind)
        {
            continue;
        }
        rows.push((
            row,
            column,
            fact.trim_matches('`').to_string(),
            kind.to_string(),
            wrong.trim_matches('`').to_string(),
        ));
    }
    rows.sort();
    rows
}

#[test]
fn planted_errors_are_found_exactly() {
    let mut planted = 0;
    insta::glob!("../samples", "*planted*", |path| {
        let file = relative(path);
        let name = file.rsplit('/').next().unwrap_or(&file).to_string();
        let expected = answer_key(&name);
        assert!(
            !expected.is_empty(),
            "{name} has no answer key in docs/samples.md"
        );
        let (json, code) = run_check(&file, "json");
        let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        let mut found: Vec<(u64, u64, String, String, String)> = value["diagnostics"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|d| {
                (
                    d["span"]["line"].as_u64().unwrap_or(0),
                    d["span"]["column"].as_u64().unwrap_or(0),
                    d["fact"].as_str().unwrap_or("").to_string(),
                    d["kind"].as_str().unwrap_or("").to_string(),
                    d["found"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect();
        found.sort();
        assert_eq!(found, expected, "{name}");
        assert_eq!(code, 1, "{name}: exit code");
        planted += expected.len();
    });
    assert!(planted >= 30, "only {planted} planted errors");
}
