//! `factlint.toml` end to end: discovery from a subfolder, `--config`, unknown keys, severity
//! overrides per fact and per tag, `fail-on` and its flag, the fallback document date,
//! include/exclude globs, and suppression comments in drafts.

mod ci_support;

use ci_support::{factlint, findings, project, write};

const DRAFT: &str = "Byelorussia sent envoys.\n\nThe summit was held in Shanghai.\n";

#[test]
fn the_config_is_found_from_a_subfolder_and_its_rule_paths_start_at_the_file() {
    let folder = project("rules = [\"rules\"]\nfail-on = \"error\"\n");
    write(folder.path(), "news/2020/a.md", DRAFT);
    let subfolder = folder.path().join("news/2020");
    let outcome = factlint(&subfolder, &["check", ".", "--format", "json"]);
    assert_eq!(outcome.code, 1, "{outcome:?}");
    let facts: Vec<String> = findings(&outcome)
        .into_iter()
        .map(|(_, fact, _)| fact)
        .collect();
    assert_eq!(facts, vec!["belarus", "summit_city"]);
    // Without the config the subfolder has no `rules` folder: the run fails.
    std::fs::remove_file(folder.path().join("factlint.toml")).unwrap();
    let outcome = factlint(&subfolder, &["check", "."]);
    assert_eq!(outcome.code, 2, "{outcome:?}");
}

#[test]
fn a_config_named_with_the_flag_is_used_instead_of_the_one_found() {
    let folder = project("rules = [\"no-such-folder\"]\n");
    write(
        folder.path(),
        "settings/strict.toml",
        "rules = [\"../rules\"]\n",
    );
    write(folder.path(), "a.md", DRAFT);
    let outcome = factlint(folder.path(), &["check", "a.md"]);
    assert_eq!(
        outcome.code, 2,
        "the discovered config points at missing rules: {outcome:?}"
    );
    let outcome = factlint(
        folder.path(),
        &[
            "check",
            "a.md",
            "--config",
            "settings/strict.toml",
            "--format",
            "json",
        ],
    );
    assert_eq!(outcome.code, 1, "{outcome:?}");
    assert_eq!(findings(&outcome).len(), 2);
}

#[test]
fn an_unknown_key_is_an_error_that_names_the_key_and_the_file() {
    let folder = project("rules = [\"rules\"]\nfail_on = \"error\"\n");
    write(folder.path(), "a.md", DRAFT);
    let outcome = factlint(folder.path(), &["check", "a.md"]);
    assert_eq!(outcome.code, 2, "{outcome:?}");
    assert!(
        outcome.stderr.contains("factlint.toml"),
        "{}",
        outcome.stderr
    );
    assert!(outcome.stderr.contains("fail_on"), "{}", outcome.stderr);
    assert!(
        outcome.stdout.is_empty(),
        "nothing is checked: {}",
        outcome.stdout
    );
}

#[test]
fn an_override_of_a_fact_that_does_not_exist_is_an_error() {
    let folder = project("[severity]\nbelaruss = \"off\"\n");
    write(folder.path(), "a.md", DRAFT);
    let outcome = factlint(folder.path(), &["check", "a.md"]);
    assert_eq!(outcome.code, 2, "{outcome:?}");
    assert!(
        outcome.stderr.contains("severity.belaruss"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn severity_overrides_apply_per_fact_and_per_tag() {
    let draft = format!("{DRAFT}Moldavia voted.\n\nMoldova did not keep its neutrality.\n");
    let folder = project(
        "[severity]\nbelarus = \"warning\"\nmoldova = \"off\"\n\n[severity.tags]\nplaces = \"info\"\n",
    );
    write(folder.path(), "a.md", &draft);
    let outcome = factlint(folder.path(), &["check", "a.md", "--format", "json"]);
    let got: Vec<(String, String)> = findings(&outcome)
        .into_iter()
        .map(|(_, fact, severity)| (fact, severity))
        .collect();
    let expected = vec![
        ("belarus".to_string(), "warning".to_string()),
        ("summit_city".to_string(), "info".to_string()),
        ("neutrality_kept".to_string(), "error".to_string()),
    ];
    assert_eq!(got, expected, "{outcome:?}");
}

#[test]
fn fail_on_comes_from_the_flag_then_the_config_then_the_default() {
    let folder = project("[severity]\nbelarus = \"warning\"\n");
    write(folder.path(), "a.md", "Byelorussia sent envoys.\n");
    // Default: warning fails.
    assert_eq!(factlint(folder.path(), &["check", "a.md"]).code, 1);
    assert_eq!(
        factlint(folder.path(), &["check", "a.md", "--fail-on", "error"]).code,
        0
    );
    write(
        folder.path(),
        "factlint.toml",
        "fail-on = \"never\"\n[severity]\nbelarus = \"warning\"\n",
    );
    assert_eq!(factlint(folder.path(), &["check", "a.md"]).code, 0);
    assert_eq!(
        factlint(folder.path(), &["check", "a.md", "--fail-on", "warning"]).code,
        1
    );
    assert_eq!(
        factlint(folder.path(), &["check", "a.md", "--fail-on", "info"]).code,
        1
    );
}

#[test]
fn the_config_date_is_used_when_neither_the_flag_nor_front_matter_gives_one() {
    let folder = project("date = \"2012-06-01\"\n");
    write(
        folder.path(),
        "plain.md",
        "Mayor Ivan Ivanov opened the fair.\n",
    );
    write(
        folder.path(),
        "dated.md",
        "---\ndate: 2020-03-01\n---\nMayor Ivan Ivanov opened the fair.\n",
    );
    let outcome = factlint(folder.path(), &["check", ".", "--format", "json"]);
    let files: Vec<String> = findings(&outcome)
        .into_iter()
        .map(|(file, _, _)| file)
        .collect();
    assert_eq!(files, vec!["./dated.md"], "{outcome:?}");
    let outcome = factlint(
        folder.path(),
        &["check", ".", "--format", "json", "--as-of", "2020-01-01"],
    );
    assert_eq!(findings(&outcome).len(), 2, "{outcome:?}");
}

#[test]
fn include_and_exclude_globs_choose_the_walked_drafts() {
    let folder = project("include = [\"articles/**\"]\nexclude = [\"articles/archive/**\"]\n");
    for path in [
        "articles/a.md",
        "articles/archive/old.md",
        "notes/n.md",
        "articles/b.txt",
    ] {
        write(folder.path(), path, "Byelorussia sent envoys.\n");
    }
    let outcome = factlint(folder.path(), &["check", ".", "--format", "json"]);
    let files: Vec<String> = findings(&outcome)
        .into_iter()
        .map(|(file, _, _)| file)
        .collect();
    assert_eq!(
        files,
        vec!["./articles/a.md", "./articles/b.txt"],
        "{outcome:?}"
    );
    // The globs are relative to the config file, whatever the working folder.
    let outcome = factlint(
        &folder.path().join("articles"),
        &["check", ".", "--format", "json"],
    );
    let files: Vec<String> = findings(&outcome)
        .into_iter()
        .map(|(file, _, _)| file)
        .collect();
    assert_eq!(files, vec!["./a.md", "./b.txt"], "{outcome:?}");
}

#[test]
fn suppression_comments_hide_findings_of_the_named_fact_only() {
    let folder = project("");
    let draft = "\
<!-- factlint-disable-next-line belarus -->
Byelorussia and Moldavia sent envoys.

<!-- factlint-disable moldova -->
Moldavia voted; Byelorussia abstained.
<!-- factlint-enable moldova -->

Moldavia voted again.
";
    write(folder.path(), "a.md", draft);
    let outcome = factlint(folder.path(), &["check", "a.md", "--format", "json"]);
    let lines: Vec<(String, u64)> = ci_support::diagnostics(&outcome)
        .iter()
        .map(|d| {
            (
                d["fact"].as_str().unwrap_or("").to_string(),
                d["span"]["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let expected = vec![
        ("moldova".to_string(), 2),
        ("belarus".to_string(), 5),
        ("moldova".to_string(), 8),
    ];
    assert_eq!(lines, expected, "{outcome:?}");
}
