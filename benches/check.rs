//! Checking throughput on one core, over about 4 MB of generated drafts of 20 KB each (see
//! `benches/support/corpus.rs`), parsed and checked one by one as `factlint check` does:
//!
//! - `article_pack`: the bundled pack over drafts whose paragraphs are 0, 10, 25 or 100 percent
//!   taken from the sample drafts (100: every sentence states facts; 0: ordinary prose the pack
//!   has nothing to say about).
//! - `generated`: packs of 10 and 10,000 generated facts over the 10 percent drafts (the
//!   design asks that going from 10 to 10,000 facts at most halves the throughput).
//! - `engine_build`: compiling a pack into its automata, once per run.
//!
//! Run with `cargo bench --bench check`; divan prints the time per iteration, and the corpus
//! sizes are printed first so that MB/s can be read off.

#[path = "support/corpus.rs"]
mod corpus;

use factlint::document::{Document, Format};
use factlint::engine::Engine;
use factlint::load::{compile_str, load_rules};
use factlint::rules::RuleSet;
use factlint::value::PartialDate;
use std::path::PathBuf;
use std::sync::LazyLock;

const SHARES: [u32; 4] = [0, 10, 25, 100];

fn main() {
    for (share, drafts) in SHARES.iter().zip(CORPORA.iter()) {
        let bytes: usize = drafts.iter().map(String::len).sum();
        eprintln!("corpus with {share}% sample paragraphs: {bytes} bytes");
    }
    divan::main();
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One corpus per share, about 4 MB each.
static CORPORA: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    let samples = corpus::sample_paragraphs(&root().join("samples"));
    SHARES
        .iter()
        .map(|&share| corpus::corpus(4_000_000, 20_000, share, &samples, 2013))
        .collect()
});

static PACK: LazyLock<RuleSet> =
    LazyLock::new(|| load_rules(&[root().join("rules")]).unwrap_or_default());

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

fn check_all(engine: &Engine<'_>, drafts: &[String]) -> usize {
    drafts
        .iter()
        .map(|draft| {
            let document = Document::parse(draft, Format::Markdown);
            engine.check(&document, PartialDate::ymd(2013, 7, 17)).len()
        })
        .sum()
}

#[divan::bench(sample_count = 10, args = SHARES)]
fn article_pack(bencher: divan::Bencher, share: u32) {
    let engine = Engine::new(&PACK);
    let at = SHARES.iter().position(|&s| s == share).unwrap_or(0);
    let drafts = &CORPORA[at];
    bencher.bench_local(|| check_all(&engine, drafts));
}

#[divan::bench(sample_count = 10, args = [10, 10_000])]
fn generated(bencher: divan::Bencher, facts: usize) {
    let rules = generated_pack(facts);
    let engine = Engine::new(&rules);
    let drafts = &CORPORA[1];
    bencher.bench_local(|| check_all(&engine, drafts));
}

#[divan::bench(sample_count = 10, args = [10, 10_000])]
fn engine_build(bencher: divan::Bencher, facts: usize) {
    let rules = generated_pack(facts);
    bencher.bench_local(|| Engine::new(&rules).rules.facts.len());
}
