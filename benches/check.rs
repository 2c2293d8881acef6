//! Checking throughput: the bundled rule pack over a few megabytes of drafts built from the
//! samples, and the same drafts against generated packs of 10 and 10,000 facts (the design
//! asks that going from 10 to 10,000 facts at most halves the throughput).
//!
//! Run with `cargo bench --bench check`; divan prints the time per iteration, and the corpus
//! size is printed once so the MB/s figure can be read off.

use factlint::document::{Document, Format};
use factlint::engine::Engine;
use factlint::load::{compile_str, load_rules};
use factlint::rules::RuleSet;
use factlint::value::PartialDate;
use std::path::PathBuf;
use std::sync::LazyLock;

fn main() {
    eprintln!("corpus: {} bytes", CORPUS.len());
    divan::main();
}

/// About 4 MB of Markdown made of the sample drafts, front matter stripped.
static CORPUS: LazyLock<String> = LazyLock::new(|| {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&root)
        .map(|entries| entries.flatten().map(|entry| entry.path()).collect())
        .unwrap_or_default();
    paths.sort();
    let mut one_round = String::new();
    for path in paths {
        if let Ok(text) = std::fs::read_to_string(&path) {
            let body = text
                .strip_prefix("---")
                .and_then(|rest| rest.split_once("\n---\n"))
                .map_or(text.as_str(), |(_, body)| body);
            one_round.push_str(body);
            one_round.push_str("\n\n");
        }
    }
    let mut corpus = String::new();
    while corpus.len() < 4_000_000 && !one_round.is_empty() {
        corpus.push_str(&one_round);
    }
    corpus
});

static PACK: LazyLock<RuleSet> = LazyLock::new(|| {
    load_rules(&[PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("rules")]).unwrap_or_default()
});

/// A pack of `count` facts with distinct cues, plus the article pack's kind of entities.
fn generated_pack(count: usize) -> RuleSet {
    let mut text = String::from(
        "source s \"Generated\" date 2013-07-16\ncountry belarus \"Belarus\" adj \"Belarusian\"\n",
    );
    for index in 0..count {
        text.push_str(&format!(
            "fact fact_{index}\n  cite s\n  when \"cue{index} phrase\" | \"alternative {index} wording\"\n  expect date 2013-07-{:02}\n",
            index % 28 + 1
        ));
    }
    compile_str("generated.facts", &text).unwrap_or_default()
}

fn check(rules: &RuleSet) -> usize {
    let engine = Engine::new(rules);
    let document = Document::parse(&CORPUS, Format::Markdown);
    engine.check(&document, PartialDate::ymd(2013, 7, 17)).len()
}

#[divan::bench(sample_count = 10)]
fn article_pack() -> usize {
    check(&PACK)
}

#[divan::bench(sample_count = 10, args = [10, 10_000])]
fn generated(bencher: divan::Bencher, facts: usize) {
    let rules = generated_pack(facts);
    bencher.bench_local(|| check(&rules));
}
