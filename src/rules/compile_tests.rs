//! Unit tests of validation, and a stand-in for the fuzzer that runs on stable: thousands of
//! pseudo-random and mutated rule files through parse and compile, none of which may panic.

use super::*;
use crate::dsl::parse;

fn compile_text(text: &str) -> Result<RuleSet, Vec<RuleDiagnostic>> {
    let (ast, errors) = parse(text);
    assert!(errors.is_empty(), "syntax errors: {errors:#?}");
    compile(vec![ParsedFile {
        path: "test.facts".to_string(),
        text: text.to_string(),
        ast,
    }])
}

fn messages(text: &str) -> Vec<String> {
    match compile_text(text) {
        Ok(_) => Vec::new(),
        Err(diagnostics) => diagnostics.into_iter().map(|d| d.message).collect(),
    }
}

#[test]
fn all_errors_are_collected_not_just_the_first() {
    let text = "fact a\n  when \"\"\n  expect date 1992-13-01\nfact b\n  cite nowhere\n  when \"x\"\n  expect money XYZ 1\n";
    let found = messages(text);
    assert_eq!(
        found,
        [
            "empty cue phrase in `when`",
            "impossible date: there is no month 13",
            "unknown source `nowhere`",
            "unknown currency `XYZ`",
        ]
    );
}

#[test]
fn references_to_damaged_declarations_stay_quiet() {
    let text = "city minsk \"Minsk\n fact f\nfact f\n  when \"x\"\n  expect entity minsk\n";
    let (ast, errors) = parse(text);
    assert_eq!(errors.len(), 1);
    let result = compile(vec![ParsedFile {
        path: "t.facts".to_string(),
        text: text.to_string(),
        ast,
    }]);
    assert!(
        result.is_ok(),
        "the unknown `minsk` is a consequence of the syntax error"
    );
}

#[test]
fn touching_periods_of_a_title_do_not_overlap() {
    let text = "person p \"P\"\n  title \"Mayor\" from 2000 to 2004-06-30\n  title \"Mayor\" from 2004-07-01\n";
    assert!(messages(text).is_empty());
    let overlapping =
        "person p \"P\"\n  title \"Mayor\" from 2000 to 2004\n  title \"Mayor\" from 2004-07-01\n";
    assert_eq!(messages(overlapping).len(), 1);
}

#[test]
fn year_only_periods_compare_by_their_whole_year() {
    // A title to 2005 ends on the last day of 2005; one from 2005-06 starts after its start.
    let text = "event e \"E\" from 2005-06 to 2005\n";
    assert!(messages(text).is_empty());
    let reversed = "event e \"E\" from 2006 to 2005-12-31\n";
    assert_eq!(
        messages(reversed),
        ["this event period ends before it starts"]
    );
}

#[test]
fn patterns_split_into_words_gaps_and_slot() {
    let rules = compile_text("fact f\n  when \"talks\"\n  pattern \"held talks...in {value}, they said\"\n  expect date 2013\n")
        .expect("compiles");
    let words =
        |list: &[&str]| PatternPart::Words(list.iter().map(|word| word.to_string()).collect());
    assert_eq!(
        rules.facts[0].patterns,
        [vec![
            words(&["held", "talks"]),
            PatternPart::Gap,
            words(&["in"]),
            PatternPart::Slot,
            words(&[",", "they", "said"]),
        ]]
    );
}

#[test]
fn derived_fact_needs_a_dated_target() {
    let text = "fact base\n  when \"x\"\n  expect date --07-16\nfact derived\n  when \"y\"\n  expect duration of base\n";
    let found = messages(text);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].contains("expects a date without a year"),
        "{found:?}"
    );
}

/// A small deterministic generator (xorshift), so the test is the same on every run.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }
}

const SEED_PACK: &str = concat!(
    "include \"other.facts\"\n",
    "source s \"S\" date 2013-07-16 url \"u\" publisher \"p\"\n",
    "person p \"P\" aka \"Q\" adj \"R\" avoid \"T\"\n  title \"Mayor\" aka \"M\" from 2000 to 2004 cite s\n  bad \"[Mayor] P\"\n",
    "event e \"E\" from 2013-07-15 to 2013-07-18 with p aka \"e\" cite s\n",
    "fact f\n  cite s\n  event e\n  when \"a\" | \"b\"\n  near \"c\"\n  unless \"d\"\n  with p\n  scope paragraph\n",
    "  pattern \"a ... {value}\"\n  expect money $1,500.5 bn tolerance 5%\n  affirm\n  severity info\n",
    "  message \"{expected} {found}\"\n  tags t\n  ok \"a \\[x\\] \\u{263A}\"\n  bad \"[a] b\"\n",
    "fact g when \"x\" expect consistent date\n",
);

fn check_no_panic(text: &str) {
    let (ast, errors) = parse(text);
    for error in &errors {
        assert!(
            error.span.slice(text).is_some(),
            "span {:?} in {text:?}",
            error.span
        );
        let _ = error.to_diagnostic(0);
    }
    let _ = compile(vec![ParsedFile {
        path: "random.facts".to_string(),
        text: text.to_string(),
        ast,
    }]);
}

#[test]
fn random_bytes_and_mutated_packs_never_panic() {
    let mut random = Random(0x9E37_79B9_7F4A_7C15);
    let alphabet: Vec<char> =
        "fact when expect date money \"[]\\{}|,.-_%$€ 0123456789\n\t#abcxyz\u{0}é😀"
            .chars()
            .collect();
    for _ in 0..3000 {
        let length = random.below(200);
        let bytes: Vec<u8> = (0..length).map(|_| random.next() as u8).collect();
        check_no_panic(&String::from_utf8_lossy(&bytes));
        let text: String = (0..length)
            .map(|_| alphabet[random.below(alphabet.len())])
            .collect();
        check_no_panic(&text);
    }
    let seed: Vec<char> = SEED_PACK.chars().collect();
    for _ in 0..3000 {
        let mut mutated = seed.clone();
        for _ in 0..=random.below(4) {
            let at = random.below(mutated.len());
            match random.below(3) {
                0 => {
                    mutated.remove(at);
                }
                1 => mutated.insert(at, alphabet[random.below(alphabet.len())]),
                _ => {
                    let from = random.below(mutated.len());
                    let piece: Vec<char> = mutated
                        .iter()
                        .skip(from)
                        .take(random.below(12))
                        .copied()
                        .collect();
                    for (offset, c) in piece.into_iter().enumerate() {
                        mutated.insert((at + offset).min(mutated.len()), c);
                    }
                }
            }
        }
        check_no_panic(&mutated.into_iter().collect::<String>());
    }
}

#[test]
fn the_seed_pack_is_valid_apart_from_its_include() {
    let (ast, errors) = parse(SEED_PACK);
    assert!(errors.is_empty(), "{errors:#?}");
    let result = compile(vec![ParsedFile {
        path: "seed.facts".to_string(),
        text: SEED_PACK.to_string(),
        ast,
    }]);
    assert!(result.is_ok(), "{result:#?}");
}
