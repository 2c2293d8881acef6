//! The valid pack in `tests/rules/valid/` compiles, the model holds the values written there,
//! and `factlint rules` lists it (snapshots of the human and JSON listings).

use factlint::load::{compile_str, load_rules};
use factlint::rules::{Expect, RuleSet, Scope, Severity, Tolerance};
use factlint::value::PartialDate;
use std::path::PathBuf;
use std::process::Command;

fn valid_pack() -> RuleSet {
    match load_rules(&[PathBuf::from("tests/rules/valid")]) {
        Ok(rules) => rules,
        Err(errors) => panic!("the valid pack must compile:\n{}", errors.render(false)),
    }
}

fn entity_index(rules: &RuleSet, id: &str) -> usize {
    rules
        .entities
        .iter()
        .position(|entity| entity.id == id)
        .unwrap_or_else(|| panic!("no entity {id}"))
}

#[test]
fn included_files_reached_twice_are_loaded_once() {
    let rules = valid_pack();
    let paths: Vec<&str> = rules.files.iter().map(|file| file.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "tests/rules/valid/main.facts",
            "tests/rules/valid/people.facts"
        ]
    );
    assert_eq!(rules.entities.len(), 9);
}

#[test]
fn money_is_scaled_and_bound_to_its_event_and_source() {
    let rules = valid_pack();
    let fact = rules.fact("agreements_total").expect("agreements_total");
    assert_eq!(
        fact.expect,
        Expect::Money {
            currency: "USD".to_string(),
            amount: 1.5e9,
            tolerance: Tolerance::Exact,
        }
    );
    let event = fact.event.and_then(|index| rules.events.get(index));
    assert_eq!(event.map(|event| event.id.as_str()), Some("visit_2013"));
    let source = fact.source.and_then(|index| rules.sources.get(index));
    assert_eq!(source.map(|source| source.id.as_str()), Some("belta"));
    assert_eq!(fact.with, [entity_index(&rules, "belarus")]);
    assert_eq!(fact.cues, ["agreements worth", "deals worth"]);
}

#[test]
fn dates_examples_and_derived_facts() {
    let rules = valid_pack();
    let established = rules.fact("relations_established").expect("fact");
    assert_eq!(
        established.expect,
        Expect::Date(PartialDate::ymd(1992, 1, 20))
    );
    assert_eq!(
        established.near,
        [vec!["established", "set up", "date back"]]
    );
    let [ok, bad] = established.examples.as_slice() else {
        panic!("two examples expected");
    };
    assert!(ok.ok && ok.marked.is_none());
    assert_eq!(
        ok.text,
        "Diplomatic ties [as agreed] date back to January 20, 1992."
    );
    assert_eq!(
        bad.text,
        "Diplomatic relations were set up on 21 January 1992."
    );
    let marked = bad.marked.and_then(|span| span.slice(&bad.text));
    assert_eq!(marked, Some("21 January 1992"));
    let established_index = rules
        .facts
        .iter()
        .position(|fact| fact.id == "relations_established");
    let anniversary = rules.fact("relations_anniversary").expect("fact");
    assert_eq!(
        Some(anniversary.expect.clone()),
        established_index.map(Expect::Anniversary)
    );
    let duration = rules.fact("relations_duration").expect("fact");
    assert_eq!(
        Some(duration.expect.clone()),
        established_index.map(Expect::Duration)
    );
    let talks_date = rules.fact("talks_date").expect("fact");
    assert_eq!(talks_date.expect, Expect::Date(PartialDate::md(7, 16)));
    assert!(
        talks_date.patterns.len() == 1 && talks_date.patterns[0].len() == 4,
        "{:?}",
        talks_date.patterns
    );
}

#[test]
fn numbers_tolerances_and_other_values() {
    let rules = valid_pack();
    let expect = |id: &str| rules.fact(id).map(|fact| fact.expect.clone());
    assert_eq!(
        expect("documents_signed"),
        Some(Expect::Number {
            value: 20.0,
            tolerance: Tolerance::Approx,
            count: true
        })
    );
    assert_eq!(
        expect("trade_growth"),
        Some(Expect::Percent {
            value: 12.5,
            tolerance: Tolerance::Relative(0.05)
        })
    );
    assert_eq!(
        expect("delegation_size"),
        Some(Expect::Number {
            value: 1500.0,
            tolerance: Tolerance::Absolute(20.0),
            count: false
        })
    );
    assert_eq!(expect("forum_edition"), Some(Expect::Ordinal(3)));
    assert_eq!(
        expect("talks_place"),
        Some(Expect::Entity(entity_index(&rules, "beijing")))
    );
    assert_eq!(
        expect("twin_cities"),
        Some(Expect::Parties(vec![
            entity_index(&rules, "minsk"),
            entity_index(&rules, "shenzhen")
        ]))
    );
    let talks = rules.fact("talks_place").expect("fact");
    assert_eq!(talks.severity, Severity::Info);
    assert_eq!(talks.tags, ["visit_2013", "places"]);
    assert_eq!(talks.unless, ["next round"]);
    assert!(
        talks
            .message
            .as_deref()
            .is_some_and(|message| message.contains("{found}"))
    );
    assert_eq!(
        rules.fact("twin_cities").map(|fact| fact.scope),
        Some(Scope::Paragraph)
    );
    let declared = rules.fact("partnership_declared").expect("fact");
    assert!(declared.affirm);
    assert_eq!(declared.expect, Expect::Nothing);
}

#[test]
fn entities_titles_and_events() {
    let rules = valid_pack();
    let li = rules.entity("li_keqiang").expect("li_keqiang");
    assert_eq!(li.class, "person");
    let premier = &li.titles[0];
    assert_eq!(premier.name, "Premier");
    assert_eq!(
        premier.aliases,
        ["Chinese Premier", "Premier of the State Council"]
    );
    assert_eq!(premier.from, Some(PartialDate::ymd(2013, 3, 15)));
    assert_eq!(premier.to, Some(PartialDate::ymd(2023, 3, 11)));
    assert_eq!(
        premier
            .source
            .and_then(|index| rules.sources.get(index))
            .map(|source| source.id.as_str()),
        Some("belta")
    );
    assert_eq!(
        li.examples[1]
            .marked
            .and_then(|span| span.slice(&li.examples[1].text)),
        Some("Vice Premier")
    );
    let lukashenko = rules.entity("lukashenko").expect("lukashenko");
    assert_eq!(lukashenko.titles[0].to, None);
    let belarus = rules.entity("belarus").expect("belarus");
    assert_eq!(belarus.avoid, ["Byelorussia", "White Russia"]);
    assert_eq!(belarus.adjectives, ["Belarusian"]);
    assert_eq!(belarus.severity, Severity::Warning);
    assert_eq!(
        rules
            .entity("belta_agency")
            .map(|entity| entity.class.as_str()),
        Some("organisation")
    );
    let visit = &rules.events[0];
    assert_eq!(visit.from, Some(PartialDate::ymd(2013, 7, 15)));
    assert_eq!(visit.to, Some(PartialDate::ymd(2013, 7, 18)));
    assert_eq!(
        visit.participants,
        [
            entity_index(&rules, "lukashenko"),
            entity_index(&rules, "xi_jinping")
        ]
    );
    assert_eq!(visit.aliases, ["state visit to China", "2013 visit"]);
    let source = &rules.sources[0];
    assert_eq!(source.date, Some(PartialDate::ymd(2013, 7, 16)));
    assert_eq!(source.publisher.as_deref(), Some("BelTA"));
}

#[test]
fn compile_str_resolves_includes_next_to_the_given_path() {
    let text = "include \"people.facts\"\nsource belta \"A report\"\nfact f\n  when \"met\"\n  expect entity li_keqiang\n";
    let rules = match compile_str("tests/rules/valid/inline.facts", text) {
        Ok(rules) => rules,
        Err(errors) => panic!("{}", errors.render(false)),
    };
    assert_eq!(rules.files.len(), 2);
    let li_keqiang = entity_index(&rules, "li_keqiang");
    assert_eq!(
        rules.fact("f").map(|fact| fact.expect.clone()),
        Some(Expect::Entity(li_keqiang))
    );
}

fn run_rules(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .arg("rules")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run factlint");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn json_listing() {
    let (code, stdout, stderr) = run_rules(&["--format", "json", "tests/rules/valid"]);
    assert_eq!(code, 0, "{stderr}");
    let listing: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    assert_eq!(listing["facts"].as_array().map(Vec::len), Some(17));
    insta::assert_snapshot!(stdout);
}

#[test]
fn human_listing() {
    let (code, stdout, stderr) = run_rules(&["tests/rules/valid"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("facts: 13 ("), "{stdout}");
    assert!(
        stdout.contains("\nentity checks: 4 (name 1, title 3)\n"),
        "{stdout}"
    );
    insta::assert_snapshot!(stdout);
}

#[test]
fn invalid_rules_exit_2_with_a_count() {
    let (code, stdout, stderr) = run_rules(&["tests/rules/invalid/syntax_recovery.facts"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(
        stderr.ends_with("error: 3 errors in rule files\n"),
        "{stderr}"
    );
    assert!(
        !stderr.contains('\u{1b}'),
        "no colour when stderr is not a terminal"
    );
}
