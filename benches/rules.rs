//! Parse and compile a generated pack of 10,000 facts (with entities, sources, events and
//! every kind of expected value), the whole front end of the rule language, in memory.

use factlint::dsl::parse;
use factlint::rules::{ParsedFile, compile};

fn main() {
    divan::main();
}

/// A rule pack with `facts` facts, one entity and one source for every ten facts.
fn generate_pack(facts: usize) -> String {
    let mut text = String::with_capacity(facts * 160);
    let groups = facts.div_ceil(10).max(1);
    for group in 0..groups {
        text.push_str(&format!(
            "source report_{group} \"Report number {group}\" date 2013-07-16 url \"https://example.org/{group}\"\n"
        ));
        text.push_str(&format!(
            "city city_{group} \"City {group}\" aka \"Town {group}\" avoid \"Citty {group}\"\n"
        ));
        text.push_str(&format!(
            "person person_{group} \"Person {group}\"\n  title \"Minister\" from 2001-01-0{} to 2005\n",
            group % 9 + 1
        ));
        text.push_str(&format!(
            "event event_{group} \"Visit {group}\" from 2013-07-15 to 2013-07-18 with city_{group}\n"
        ));
    }
    for fact in 0..facts {
        let group = fact / 10;
        let expect = match fact % 8 {
            0 => "date 1992-01-20".to_string(),
            1 => format!("money USD {}.5 billion approx", fact % 100),
            2 => format!("count {} approx", fact % 50),
            3 => "percent 12.5 tolerance 5%".to_string(),
            4 => format!("entity city_{group}"),
            5 => "ordinal 21".to_string(),
            6 => "anniversary of fact_0".to_string(),
            _ => "consistent number".to_string(),
        };
        text.push_str(&format!(
            "fact fact_{fact}\n  cite report_{group}\n  event event_{group}\n  when \"cue {fact}\" | \"other cue {fact}\"\n  near \"signed\"\n  expect {expect}\n  ok \"The cue {fact} was right.\"\n"
        ));
    }
    text
}

#[divan::bench(args = [10, 1_000, 10_000], sample_count = 10)]
fn parse_and_compile(bencher: divan::Bencher, facts: usize) {
    let text = generate_pack(facts);
    bencher.bench(|| {
        let (ast, errors) = parse(divan::black_box(&text));
        assert!(errors.is_empty());
        let rules = compile(vec![ParsedFile {
            path: "generated.facts".to_string(),
            text: text.clone(),
            ast,
        }]);
        match rules {
            Ok(rules) => rules.facts.len(),
            Err(errors) => panic!("generated pack must compile: {} errors", errors.len()),
        }
    });
}

#[divan::bench(args = [10_000], sample_count = 10)]
fn parse_only(bencher: divan::Bencher, facts: usize) {
    let text = generate_pack(facts);
    bencher.bench(|| parse(divan::black_box(&text)).0.statements.len());
}
