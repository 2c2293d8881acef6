//! Folders at scale: `.gitignore` and hidden files respected, a deterministic (sorted) report
//! whatever the order the threads finish in, and `--shard K/N` checking every draft exactly once.

mod ci_support;

use ci_support::{factlint, findings, project, write};
use std::collections::BTreeSet;

#[test]
fn gitignored_hidden_and_non_draft_files_are_left_out() {
    let folder = project("");
    write(folder.path(), ".gitignore", "build/\n*.tmp.md\n");
    for path in [
        "a.md",
        "build/generated.md",
        "scratch.tmp.md",
        ".hidden/b.md",
        ".c.md",
        "image.png",
        "deep/er/d.markdown",
    ] {
        write(folder.path(), path, "Byelorussia sent envoys.\n");
    }
    let outcome = factlint(folder.path(), &["check", ".", "--format", "json"]);
    let files: Vec<String> = findings(&outcome)
        .into_iter()
        .map(|(file, _, _)| file)
        .collect();
    assert_eq!(files, vec!["./a.md", "./deep/er/d.markdown"], "{outcome:?}");
}

#[test]
fn reports_come_in_sorted_path_order_on_every_run() {
    let folder = project("");
    let mut expected = Vec::new();
    for number in 0..300 {
        let path = format!("archive/{:03}/{number}.md", (number * 37) % 300);
        write(
            folder.path(),
            &path,
            &format!("Article {number}. Byelorussia sent envoys.\n"),
        );
        expected.push(format!("./{path}"));
    }
    expected.sort();
    for _ in 0..2 {
        let outcome = factlint(folder.path(), &["check", ".", "--format", "jsonl"]);
        let files: Vec<String> = outcome
            .stdout
            .lines()
            .map(|line| {
                let value: serde_json::Value = serde_json::from_str(line).unwrap();
                value["file"].as_str().unwrap_or("").to_string()
            })
            .collect();
        assert_eq!(files, expected);
    }
}

#[test]
fn shards_cover_every_draft_exactly_once() {
    let folder = project("");
    let mut all = BTreeSet::new();
    for number in 0..40 {
        let path = format!("news/{}/{number}.md", number % 4);
        write(folder.path(), &path, "Byelorussia sent envoys.\n");
        all.insert(format!("./{path}"));
    }
    for count in [1, 2, 3, 5] {
        let mut seen = BTreeSet::new();
        let mut total = 0;
        for index in 1..=count {
            let shard = format!("{index}/{count}");
            let outcome = factlint(
                folder.path(),
                &["check", ".", "--format", "json", "--shard", &shard],
            );
            assert!(outcome.code == 0 || outcome.code == 1, "{outcome:?}");
            for (file, _, _) in findings(&outcome) {
                total += 1;
                seen.insert(file);
            }
        }
        assert_eq!(total, all.len(), "{count} shards checked some draft twice");
        assert_eq!(seen, all, "{count} shards missed a draft");
    }
}

#[test]
fn a_bad_shard_is_refused() {
    let folder = project("");
    write(folder.path(), "a.md", "Belarus.\n");
    for bad in ["0/3", "4/3", "x"] {
        let outcome = factlint(folder.path(), &["check", "a.md", "--shard", bad]);
        assert_eq!(outcome.code, 2, "{bad}: {outcome:?}");
        assert!(outcome.stderr.contains("shard"), "{}", outcome.stderr);
    }
}
