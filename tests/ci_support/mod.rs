//! Shared helpers of the `ci_*` integration tests: a temporary project with the small rule pack
//! of `tests/fixtures/ci/rules`, and running the `factlint` binary in a folder.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What one run of the binary gave.
#[derive(Debug)]
pub struct Outcome {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// The crate root.
pub fn crate_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run `factlint ARGS` in `folder`, with no standard input.
pub fn factlint(folder: &Path, args: &[&str]) -> Outcome {
    let output = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(folder)
        .stdin(Stdio::null())
        .env_remove("GITHUB_ACTIONS")
        .output()
        .expect("the factlint binary runs");
    Outcome {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// A temporary project: `rules/house.facts` copied from the fixtures, and a `factlint.toml`
/// holding `config` (empty for none).
pub fn project(config: &str) -> tempfile::TempDir {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let rules = folder.path().join("rules");
    std::fs::create_dir(&rules).expect("rules folder");
    std::fs::copy(
        crate_root().join("tests/fixtures/ci/rules/house.facts"),
        rules.join("house.facts"),
    )
    .expect("copy the rule pack");
    if !config.is_empty() {
        write(folder.path(), "factlint.toml", config);
    }
    folder
}

/// Write `text` to `folder/relative`, making folders as needed.
pub fn write(folder: &Path, relative: &str, text: &str) -> PathBuf {
    let path = folder.join(relative);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create folders");
    }
    std::fs::write(&path, text).expect("write a file");
    path
}

/// The JSON diagnostics of a `--format json` run.
pub fn diagnostics(outcome: &Outcome) -> Vec<serde_json::Value> {
    let document: serde_json::Value =
        serde_json::from_str(&outcome.stdout).unwrap_or_else(|error| {
            panic!(
                "not JSON ({error}): {}\nstderr: {}",
                outcome.stdout, outcome.stderr
            )
        });
    document["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// `(file, fact, severity)` of each diagnostic of a `--format json` run.
pub fn findings(outcome: &Outcome) -> Vec<(String, String, String)> {
    diagnostics(outcome)
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap_or("").to_string(),
                d["fact"].as_str().unwrap_or("").to_string(),
                d["severity"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}
