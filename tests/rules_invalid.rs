//! Every invalid rule file in `tests/rules/invalid/` is rejected, and the diagnostics are
//! snapshotted exactly as a user sees them (no colour, paths relative to the crate root).

use factlint::load::load_rules;
use std::path::{Path, PathBuf};

/// `path` relative to the crate root, with `/` separators, so snapshots are stable.
fn relative(path: &Path) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

#[test]
fn invalid_rule_files_are_rejected_with_diagnostics() {
    insta::glob!("rules/invalid/*.facts", |path| {
        let relative = relative(path);
        let errors = match load_rules(std::slice::from_ref(&relative)) {
            Ok(_) => panic!("{} compiled, but it is invalid", relative.display()),
            Err(errors) => errors,
        };
        assert!(!errors.is_empty());
        let rendered = format!("{}{}\n", errors.render(false), errors.summary());
        insta::assert_snapshot!(rendered);
    });
}

#[test]
fn recovery_reports_three_syntax_errors_and_still_validates_the_rest() {
    let path = PathBuf::from("tests/rules/invalid/syntax_recovery.facts");
    let Err(errors) = load_rules(&[path]) else {
        panic!("the file has syntax errors");
    };
    // Three syntax errors; the good fact's reference to `minsk` resolves, so nothing more.
    assert_eq!(errors.len(), 3, "{}", errors.render(false));
}

#[test]
fn every_error_class_has_a_fixture() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules/invalid");
    let count = std::fs::read_dir(folder)
        .map(|entries| entries.flatten().count())
        .unwrap_or(0);
    assert!(count >= 25, "only {count} invalid fixtures");
}
