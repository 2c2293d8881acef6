//! Every output format on every sample draft, as insta snapshots, plus the SARIF structure
//! GitHub code scanning requires and the escaping of GitHub workflow commands. The binary runs
//! in the crate root on relative paths, with `tests/fixtures/ci/samples.toml` (the repository's
//! rules and a fixed fallback date).

mod ci_support;

use ci_support::{crate_root, factlint, project, write};
use serde_json::Value;
use std::path::Path;

const CONFIG: &str = "tests/fixtures/ci/samples.toml";

/// `samples/NAME` relative to the crate root.
fn relative(path: &Path) -> String {
    path.strip_prefix(crate_root())
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

fn check(format: &str, draft: &str) -> String {
    let outcome = factlint(
        &crate_root(),
        &["check", "--config", CONFIG, "--format", format, draft],
    );
    assert!(outcome.code == 0 || outcome.code == 1, "{outcome:?}");
    outcome.stdout
}

#[test]
fn every_format_of_every_sample() {
    // human and json are snapshotted by tests/samples.rs.
    for format in ["jsonl", "sarif", "github"] {
        insta::glob!("../samples", "*.{md,txt}", |path| {
            let draft = relative(path);
            let output = check(format, &draft);
            let mut settings = insta::Settings::clone_current();
            settings.set_description(format!("factlint check --format {format} {draft}"));
            settings.bind(|| insta::assert_snapshot!(format, output));
        });
    }
}

fn sarif_of(paths: &[&str], folder: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["check", "--format", "sarif"];
    args.extend_from_slice(extra);
    args.extend_from_slice(paths);
    let outcome = factlint(folder, &args);
    serde_json::from_str(&outcome.stdout)
        .unwrap_or_else(|error| panic!("not JSON ({error}): {outcome:?}"))
}

#[test]
fn sarif_has_the_structure_code_scanning_requires() {
    let log = sarif_of(&["samples"], &crate_root(), &["--config", CONFIG]);
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "factlint");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().unwrap();
    assert!(rules.len() > 20, "one rule per fact: {}", rules.len());
    for rule in rules {
        assert!(
            rule["id"].as_str().is_some_and(|id| !id.is_empty()),
            "{rule}"
        );
        assert!(rule["shortDescription"]["text"].is_string(), "{rule}");
        assert!(rule["fullDescription"]["text"].is_string(), "{rule}");
        assert!(rule["help"]["text"].is_string(), "{rule}");
        let level = rule["defaultConfiguration"]["level"].as_str().unwrap();
        assert!(["error", "warning", "note"].contains(&level), "{rule}");
    }
    let talks = rules
        .iter()
        .find(|rule| rule["id"] == "talks_place")
        .unwrap();
    assert!(
        talks["fullDescription"]["text"]
            .as_str()
            .unwrap()
            .contains("beijing")
    );
    assert!(
        talks["fullDescription"]["text"]
            .as_str()
            .unwrap()
            .contains("Lukashenko holds extended talks"),
        "{talks}"
    );
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"], "{result}");
        let level = result["level"].as_str().unwrap();
        assert!(["error", "warning", "note"].contains(&level), "{result}");
        assert!(!result["message"]["text"].as_str().unwrap().is_empty());
        let location = &result["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"].as_str().unwrap();
        assert!(uri.starts_with("samples/"), "a relative URI: {uri}");
        let region = &location["region"];
        let start_line = region["startLine"].as_u64().unwrap();
        let end_line = region["endLine"].as_u64().unwrap();
        assert!(start_line >= 1 && end_line >= start_line, "{region}");
        assert!(region["startColumn"].as_u64().unwrap() >= 1, "{region}");
        if start_line == end_line {
            assert!(
                region["endColumn"].as_u64() > region["startColumn"].as_u64(),
                "{region}"
            );
        }
        assert!(result["partialFingerprints"]["factlintClaim/v1"].is_string());
        if let Some(fixes) = result.get("fixes") {
            let change = &fixes[0]["artifactChanges"][0];
            assert_eq!(change["artifactLocation"]["uri"], uri);
            let replacement = &change["replacements"][0];
            assert!(replacement["deletedRegion"]["startLine"].is_u64());
            assert!(replacement["insertedContent"]["text"].is_string());
        }
    }
}

#[test]
fn sarif_columns_count_utf16_code_units_where_json_counts_chars() {
    let folder = project("");
    // An emoji is two UTF-16 code units but one char.
    write(
        folder.path(),
        "a.md",
        "Envoys 😀 from Byelorussia arrived.\n",
    );
    let log = sarif_of(&["a.md"], folder.path(), &[]);
    let region = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    // 7 chars, the emoji (2 units), 6 chars: `Byelorussia` starts at unit 15, column 16.
    assert_eq!(region["startColumn"], 16, "{region}");
    assert_eq!(region["endColumn"], 27, "{region}");
    let outcome = factlint(folder.path(), &["check", "a.md", "--format", "json"]);
    let json: Value = serde_json::from_str(&outcome.stdout).unwrap();
    assert_eq!(json["diagnostics"][0]["span"]["column"], 15);
}

#[test]
fn github_commands_are_escaped() {
    let folder = project("");
    write(folder.path(), "a, b: 100%.md", "Byelorussia sent envoys.\n");
    let outcome = factlint(
        folder.path(),
        &["check", "a, b: 100%.md", "--format", "github"],
    );
    assert_eq!(outcome.code, 1, "{outcome:?}");
    let line = outcome.stdout.lines().next().unwrap();
    assert!(
        line.starts_with("::error file=a%2C b%3A 100%25.md,line=1,col=1,endLine=1,endColumn=12,title=factlint belarus (misspelling)::"),
        "{line}"
    );
    let message = line.split_once("::").unwrap().1.split_once("::").unwrap().1;
    assert!(
        message.contains("%0Asource: House style guide"),
        "{message}"
    );
    assert!(!message.contains('\n'));
    assert_eq!(outcome.stdout.lines().count(), 1);
}
