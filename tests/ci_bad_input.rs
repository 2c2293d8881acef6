//! Bad input: a missing path, a folder without drafts, a binary file, a non-UTF-8 file, an
//! empty file, a 10 MB single-line file and a file that vanishes mid-run. Each gets a message
//! that names it, the other drafts are still checked, and the exit code says the run had a
//! problem (2) — except the empty and the huge file, which are simply checked.

mod ci_support;

use ci_support::{factlint, findings, project, write};
use std::path::PathBuf;

const GOOD: &str = "Byelorussia sent envoys.\n";

/// Run `check` on `good.md` and `bad`, in JSON; assert the problem is named and the good draft
/// still checked.
fn assert_named_and_others_checked(folder: &std::path::Path, bad: &str, message: &str) {
    let outcome = factlint(folder, &["check", "good.md", bad, "--format", "json"]);
    assert_eq!(outcome.code, 2, "{outcome:?}");
    assert!(
        outcome.stderr.contains(&format!("error: {bad}")) && outcome.stderr.contains(message),
        "expected `{bad}` and `{message}` in: {}",
        outcome.stderr
    );
    let files: Vec<String> = findings(&outcome)
        .into_iter()
        .map(|(file, _, _)| file)
        .collect();
    assert_eq!(files, vec!["good.md"], "{outcome:?}");
}

#[test]
fn a_missing_path_is_named() {
    let folder = project("");
    write(folder.path(), "good.md", GOOD);
    assert_named_and_others_checked(folder.path(), "no-such.md", "no such file or folder");
}

#[test]
fn a_folder_without_drafts_is_named() {
    let folder = project("");
    write(folder.path(), "good.md", GOOD);
    write(folder.path(), "pictures/photo.png", "not a draft");
    assert_named_and_others_checked(folder.path(), "pictures", "no drafts");
}

#[test]
fn a_binary_file_is_named() {
    let folder = project("");
    write(folder.path(), "good.md", GOOD);
    std::fs::write(folder.path().join("blob.md"), b"PK\x03\x04\x00\x00binary").unwrap();
    assert_named_and_others_checked(folder.path(), "blob.md", "looks like a binary file");
}

#[test]
fn a_non_utf8_file_is_named() {
    let folder = project("");
    write(folder.path(), "good.md", GOOD);
    // "Byelorussia" in Windows-1251 Cyrillic: bytes that are not UTF-8.
    std::fs::write(
        folder.path().join("latin.txt"),
        b"Caf\xe9 in \xc1\xe5\xeb\xe0\xf0\xf3\xf1\xfc\n",
    )
    .unwrap();
    assert_named_and_others_checked(
        folder.path(),
        "latin.txt",
        "not UTF-8 text (invalid byte at offset 3)",
    );
}

#[test]
fn an_empty_file_is_checked_and_has_no_findings() {
    let folder = project("");
    write(folder.path(), "empty.md", "");
    let outcome = factlint(folder.path(), &["check", "empty.md"]);
    assert_eq!(outcome.code, 0, "{outcome:?}");
    assert_eq!(outcome.stdout, "no findings in 1 file\n");
    assert!(outcome.stderr.is_empty(), "{}", outcome.stderr);
}

#[test]
fn a_ten_megabyte_single_line_file_is_checked() {
    let folder = project("");
    let sentence = "The delegation discussed trade, science and culture with its hosts. ";
    let mut text = sentence.repeat(10_000_000 / sentence.len() + 1);
    text.truncate(10_000_000);
    let middle = text[5_000_000..].find(". ").unwrap() + 5_000_002;
    text.insert_str(middle, "Byelorussia sent envoys. ");
    text.push_str(" Moldavia voted.");
    write(folder.path(), "huge.txt", &text);
    let started = std::time::Instant::now();
    let outcome = factlint(folder.path(), &["check", "huge.txt", "--format", "json"]);
    eprintln!("10 MB single line checked in {:?}", started.elapsed());
    assert_eq!(outcome.code, 1, "{}", outcome.stderr);
    let facts: Vec<String> = findings(&outcome)
        .into_iter()
        .map(|(_, fact, _)| fact)
        .collect();
    assert_eq!(facts, vec!["belarus", "moldova"]);
    // The human format shows an excerpt, not the whole line.
    let outcome = factlint(folder.path(), &["check", "huge.txt"]);
    assert_eq!(outcome.code, 1);
    assert!(
        outcome.stdout.len() < 5_000,
        "{} bytes of output",
        outcome.stdout.len()
    );
    let column = format!("huge.txt:1:{}", middle + 1);
    assert!(outcome.stdout.contains(&column), "{}", outcome.stdout);
}

#[test]
fn a_file_listed_then_gone_is_named_and_the_rest_are_checked() {
    // What a file that vanishes between the walk and the read looks like: a dangling
    // symbolic link is listed by the walk and cannot be read.
    let folder = project("");
    write(folder.path(), "drafts/good.md", GOOD);
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        folder.path().join("drafts/deleted.md"),
        folder.path().join("drafts/gone.md"),
    )
    .unwrap();
    #[cfg(not(unix))]
    write(folder.path(), "drafts/gone.md", GOOD);
    let outcome = factlint(folder.path(), &["check", "drafts", "--format", "json"]);
    if cfg!(unix) {
        assert_eq!(outcome.code, 2, "{outcome:?}");
        assert!(
            outcome.stderr.contains("drafts/gone.md: cannot read"),
            "{}",
            outcome.stderr
        );
    }
    let files: Vec<String> = findings(&outcome)
        .into_iter()
        .map(|(file, _, _)| file)
        .collect();
    assert!(files.contains(&"drafts/good.md".to_string()), "{outcome:?}");
}

#[test]
fn a_file_deleted_after_the_walk_is_named_when_read() {
    let folder = project("");
    write(folder.path(), "a.md", GOOD);
    let doomed = write(folder.path(), "b.md", GOOD);
    let collected = factlint::walk::collect_drafts(
        &[folder.path().to_path_buf()],
        &factlint::walk::DraftFilter::all(),
    );
    assert_eq!(collected.drafts.len(), 2);
    std::fs::remove_file(&doomed).unwrap();
    let results: Vec<Result<String, String>> = collected
        .drafts
        .iter()
        .map(|draft| {
            let shown = draft.shown(None);
            factlint::walk::read_draft(draft, &shown)
        })
        .collect();
    assert_eq!(results[0].as_deref(), Ok(GOOD));
    let error = results[1].clone().unwrap_err();
    let shown = PathBuf::from(folder.path())
        .join("b.md")
        .display()
        .to_string();
    assert!(
        error.starts_with(&format!("{shown}: cannot read")),
        "{error}"
    );
}

#[test]
fn a_folder_without_rules_says_how_to_give_them() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    write(folder.path(), "good.md", GOOD);
    let outcome = factlint(folder.path(), &["check", "good.md"]);
    assert_eq!(outcome.code, 2, "{outcome:?}");
    assert!(
        outcome.stderr.contains("no `rules` folder") && outcome.stderr.contains("--rules PATH"),
        "{}",
        outcome.stderr
    );
}
