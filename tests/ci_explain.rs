//! `factlint explain` end to end: a fact, an entity, and an unknown id with suggestions.

mod ci_support;

use ci_support::{factlint, project};

#[test]
fn explain_prints_a_fact_with_its_source_examples_and_home() {
    let folder = project("");
    let outcome = factlint(folder.path(), &["explain", "summit_city"]);
    assert_eq!(outcome.code, 0, "{outcome:?}");
    let text = &outcome.stdout;
    assert!(text.starts_with("summit_city — an entity fact\n"), "{text}");
    assert!(text.contains("expected  beijing"), "{text}");
    assert!(
        text.contains("guide: \"House style guide for the Minsk desk\", 2020-05-01 <https://example.org/style>"),
        "{text}"
    );
    assert!(text.contains("tags      places"), "{text}");
    assert!(text.contains("defined   rules/house.facts:18"), "{text}");
    assert!(
        text.contains("  ok   The summit was held in Beijing.\n"),
        "{text}"
    );
    assert!(
        text.contains("  bad  The summit was held in Shanghai.\n"),
        "{text}"
    );
}

#[test]
fn explain_prints_an_entity_with_its_variants_and_titles() {
    let folder = project("");
    let outcome = factlint(folder.path(), &["explain", "ivanov"]);
    assert_eq!(outcome.code, 0, "{outcome:?}");
    assert!(
        outcome.stdout.contains("a person `Ivan Ivanov`"),
        "{}",
        outcome.stdout
    );
    assert!(
        outcome
            .stdout
            .contains("Mayor (2010-01-01 to 2015-12-31); Ambassador (from 2016-01-01)"),
        "{}",
        outcome.stdout
    );
    let outcome = factlint(folder.path(), &["explain", "belarus"]);
    assert!(
        outcome.stdout.contains("\"Byelorussia\" | \"Belorussia\""),
        "{}",
        outcome.stdout
    );
}

#[test]
fn an_unknown_id_fails_and_suggests_the_closest() {
    let folder = project("");
    let outcome = factlint(folder.path(), &["explain", "sumit_city"]);
    assert_eq!(outcome.code, 2, "{outcome:?}");
    assert!(outcome.stdout.is_empty());
    assert!(
        outcome
            .stderr
            .contains("error: no fact, entity, event or source `sumit_city` in the rules"),
        "{}",
        outcome.stderr
    );
    assert!(
        outcome.stderr.contains("did you mean `summit_city`?"),
        "{}",
        outcome.stderr
    );
}
