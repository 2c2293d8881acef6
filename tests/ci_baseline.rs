//! Baselines end to end: `--write-baseline` records today's findings, `--baseline` reports only
//! new ones, unrelated edits keep old findings matched, fixed ones show as stale entries, and
//! reasons survive a rewrite.

mod ci_support;

use ci_support::{factlint, findings, project, write};

const OLD: &str = "\
# Archive

Byelorussia sent envoys to the summit.

The summit was held in Shanghai.
";

#[test]
fn a_baseline_hides_known_findings_and_reports_new_and_stale_ones() {
    let folder = project("");
    write(folder.path(), "old.md", OLD);
    let outcome = factlint(
        folder.path(),
        &["check", ".", "--write-baseline", "baseline.json"],
    );
    assert_eq!(
        outcome.code, 0,
        "writing a baseline adopts the findings: {outcome:?}"
    );
    assert!(
        outcome.stderr.contains("wrote 2 baseline entries"),
        "{}",
        outcome.stderr
    );
    let text = std::fs::read_to_string(folder.path().join("baseline.json")).unwrap();
    let baseline: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(baseline["version"], 1);
    assert_eq!(baseline["entries"][0]["file"], "old.md");
    assert_eq!(baseline["entries"][0]["fact"], "belarus");
    assert!(
        baseline["entries"][0]["fingerprint"]
            .as_str()
            .unwrap()
            .len()
            == 16
    );

    // Nothing new: clean.
    let outcome = factlint(
        folder.path(),
        &[
            "check",
            ".",
            "--baseline",
            "baseline.json",
            "--format",
            "json",
        ],
    );
    assert_eq!(outcome.code, 0, "{outcome:?}");
    assert!(findings(&outcome).is_empty());
    assert!(
        outcome.stderr.contains("2 known findings not reported"),
        "{}",
        outcome.stderr
    );

    // Unrelated edits (a new first paragraph moves every line) and a new finding.
    let edited = format!("Intro added later.\n\nMoldavia voted.\n\n{OLD}");
    write(folder.path(), "old.md", &edited);
    let outcome = factlint(
        folder.path(),
        &[
            "check",
            ".",
            "--baseline",
            "baseline.json",
            "--format",
            "json",
        ],
    );
    assert_eq!(outcome.code, 1, "{outcome:?}");
    let facts: Vec<String> = findings(&outcome)
        .into_iter()
        .map(|(_, fact, _)| fact)
        .collect();
    assert_eq!(facts, vec!["moldova"]);

    // The old misspelling fixed: its entry is stale, which is a note, not a failure.
    let fixed = OLD.replace("Byelorussia", "Belarus");
    write(folder.path(), "old.md", &fixed);
    let outcome = factlint(
        folder.path(),
        &["check", ".", "--baseline", "baseline.json"],
    );
    assert_eq!(outcome.code, 0, "{outcome:?}");
    assert!(
        outcome.stderr.contains("1 stale entry"),
        "{}",
        outcome.stderr
    );
    assert!(
        outcome.stderr.contains("old.md: belarus `Byelorussia`"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn entries_of_files_not_checked_are_not_stale_and_reasons_are_kept() {
    let folder = project("");
    write(folder.path(), "a/one.md", "Byelorussia sent envoys.\n");
    write(folder.path(), "b/two.md", "Moldavia voted.\n");
    let outcome = factlint(
        folder.path(),
        &["check", ".", "--write-baseline", "base.json"],
    );
    assert_eq!(outcome.code, 0, "{outcome:?}");
    let text = std::fs::read_to_string(folder.path().join("base.json")).unwrap();
    let with_reason = text.replacen(
        "\"fact\": \"belarus\",",
        "\"fact\": \"belarus\",\n      \"reason\": \"quoted from a 1990 treaty\",",
        1,
    );
    assert_ne!(with_reason, text);
    write(folder.path(), "base.json", &with_reason);
    // Only folder `a` checked: the entry of `b/two.md` is not stale.
    let outcome = factlint(folder.path(), &["check", "a", "--baseline", "base.json"]);
    assert_eq!(outcome.code, 0, "{outcome:?}");
    assert!(!outcome.stderr.contains("stale"), "{}", outcome.stderr);
    // Rewriting keeps the reason.
    let outcome = factlint(
        folder.path(),
        &[
            "check",
            ".",
            "--baseline",
            "base.json",
            "--write-baseline",
            "base.json",
        ],
    );
    assert_eq!(outcome.code, 0, "{outcome:?}");
    let text = std::fs::read_to_string(folder.path().join("base.json")).unwrap();
    assert!(
        text.contains("\"reason\": \"quoted from a 1990 treaty\""),
        "{text}"
    );
}

#[test]
fn a_broken_baseline_is_an_error_naming_it() {
    let folder = project("");
    write(folder.path(), "a.md", "Belarus.\n");
    write(
        folder.path(),
        "base.json",
        "{\"version\": 1, \"entries\": [{\"fact\": 3}]}",
    );
    let outcome = factlint(folder.path(), &["check", "a.md", "--baseline", "base.json"]);
    assert_eq!(outcome.code, 2, "{outcome:?}");
    assert!(outcome.stderr.contains("base.json"), "{}", outcome.stderr);
}
