//! Fixes end to end: `--diff` prints a unified diff and changes nothing, `--fix` applies the
//! fixes, leaves drafts without fixes untouched, changes nothing the second time, and refuses
//! to overwrite a draft that changed after it was read.

mod ci_support;

use ci_support::{factlint, project, write};

const DRAFT: &str = "\
Byelorussia sent envoys.

The summit was held in Shanghai.

Moldova did not keep its neutrality.
";

#[test]
fn diff_prints_the_fixes_and_changes_nothing() {
    let folder = project("");
    let path = write(folder.path(), "a.md", DRAFT);
    let outcome = factlint(folder.path(), &["check", "a.md", "--diff"]);
    let expected = "\
--- a/a.md
+++ b/a.md
@@ -1,5 +1,5 @@
-Byelorussia sent envoys.
+Belarus sent envoys.
 
-The summit was held in Shanghai.
+The summit was held in Beijing.
 
 Moldova did not keep its neutrality.
";
    assert_eq!(outcome.stdout, expected, "{outcome:?}");
    assert_eq!(outcome.code, 1, "findings remain: {outcome:?}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), DRAFT);
}

#[test]
fn the_diff_applies_with_patch() {
    let patch = std::process::Command::new("patch")
        .arg("--version")
        .output();
    if patch.is_err() {
        eprintln!("patch is not installed; skipped");
        return;
    }
    let folder = project("");
    write(folder.path(), "a.md", DRAFT);
    let diff = factlint(folder.path(), &["check", "a.md", "--diff"]).stdout;
    write(folder.path(), "fix.diff", &diff);
    let applied = std::process::Command::new("patch")
        .args(["-p1", "-i", "fix.diff"])
        .current_dir(folder.path())
        .output()
        .unwrap();
    assert!(applied.status.success(), "{applied:?}");
    let patched = std::fs::read_to_string(folder.path().join("a.md")).unwrap();
    // The same text --fix writes.
    let other = project("");
    write(other.path(), "a.md", DRAFT);
    factlint(other.path(), &["check", "a.md", "--fix"]);
    assert_eq!(
        patched,
        std::fs::read_to_string(other.path().join("a.md")).unwrap()
    );
}

#[test]
fn fix_applies_once_and_a_second_run_changes_nothing() {
    let folder = project("");
    let path = write(folder.path(), "a.md", DRAFT);
    let clean = write(folder.path(), "clean.md", "Belarus sent envoys.\n");
    let clean_modified = std::fs::metadata(&clean).unwrap().modified().unwrap();
    let outcome = factlint(folder.path(), &["check", ".", "--fix"]);
    assert!(
        outcome.stderr.contains("fixed 2 findings in 1 file"),
        "{outcome:?}"
    );
    // The polarity finding has no fix: it still fails the run.
    assert_eq!(outcome.code, 1, "{outcome:?}");
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        fixed,
        DRAFT
            .replace("Byelorussia", "Belarus")
            .replace("Shanghai", "Beijing")
    );
    let outcome = factlint(folder.path(), &["check", ".", "--fix"]);
    assert!(
        outcome.stderr.contains("fixed 0 findings in 0 files"),
        "{outcome:?}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed);
    assert_eq!(
        std::fs::metadata(&clean).unwrap().modified().unwrap(),
        clean_modified,
        "a draft with no fix was rewritten"
    );
    let left: Vec<String> = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

#[test]
fn when_every_finding_is_fixed_the_run_passes() {
    let folder = project("");
    write(folder.path(), "a.md", "Byelorussia sent envoys.\n");
    let outcome = factlint(folder.path(), &["check", "a.md", "--fix"]);
    assert_eq!(outcome.code, 0, "{outcome:?}");
}

#[test]
fn fix_refuses_a_draft_that_changed_after_it_was_read() {
    // The same file named twice: both are read before either is fixed, so when the second
    // is written the file no longer holds the text its fixes were made for.
    let folder = project("");
    let path = write(folder.path(), "a.md", "Byelorussia sent envoys.\n");
    let outcome = factlint(folder.path(), &["check", "./a.md", "a.md", "--fix"]);
    assert_eq!(outcome.code, 2, "{outcome:?}");
    assert!(
        outcome
            .stderr
            .contains("a.md: changed since it was read; not fixed"),
        "{}",
        outcome.stderr
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "Belarus sent envoys.\n"
    );
}

#[test]
fn the_library_refuses_to_replace_a_changed_file() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("draft.md");
    std::fs::write(&path, "Byelorussia sent envoys.\n").unwrap();
    let read = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, "An editor rewrote this meanwhile.\n").unwrap();
    let error = factlint::fix::write_fixed(&path, &read, "Belarus sent envoys.\n").unwrap_err();
    assert!(
        error.to_string().contains("changed since it was read"),
        "{error}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "An editor rewrote this meanwhile.\n"
    );
}
