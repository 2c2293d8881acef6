//! Polarity: a fact marked `affirm` stated under negation ("did not sign", "never
//! established", "refused to recognise") is a `polarity` finding on the negated verb phrase.

use super::claims::Claim;
use super::matcher::Meaning;
use super::{Context, finding};
use crate::diagnostic::{Diagnostic, FindingKind, Label};
use crate::span::Span;

/// How far (in bytes) a negation may stand from the cue and still negate it.
const REACH: usize = 80;

/// Verbs whose negation says nothing about the fact itself.
const NEUTRAL_VERBS: &[&str] = &[
    "discuss",
    "discussed",
    "mention",
    "mentioned",
    "comment",
    "commented",
    "say",
    "said",
    "talk",
    "talked",
    "address",
    "addressed",
    "raise",
    "raised",
    "elaborate",
    "elaborated",
    "touch",
    "touched",
    "specify",
    "specified",
    "disclose",
    "disclosed",
    "reveal",
    "revealed",
    "only",
    "just",
    "merely",
    "simply",
    "necessarily",
    "least",
];

/// Stems of verbs that state a fact: after its cue, a negation must reach one of them (or one
/// of the fact's co-words) to negate the fact ("the declaration was not signed"), not some
/// other thing the subject did ("the declaration did not commit either side to funding").
const STATING_VERBS: &[&str] = &[
    "sign",
    "establish",
    "reaffirm",
    "confirm",
    "recogni",
    "support",
    "back",
    "agree",
    "conclud",
    "adopt",
    "approv",
    "ratif",
    "endors",
    "uphold",
    "upheld",
    "accept",
    "declar",
    "held",
    "hold",
    "take",
    "took",
    "reach",
    "exist",
    "launch",
    "open",
];

/// Stems of verbs whose negation affirms ("never wavered", "did not abandon", "never
/// ceased to support").
const DOUBLE_NEGATIVES: &[&str] = &[
    "waver",
    "hesitat",
    "doubt",
    "question",
    "ceas",
    "stop",
    "abandon",
    "renounc",
    "deviat",
    "retreat",
    "backtrack",
    "forget",
    "forgot",
    "neglect",
    "fail",
    "den",
    "reject",
    "depart",
    "oppos",
    "against",
    "challeng",
    "violat",
    "undermin",
    "contradict",
    "breach",
    "betray",
    "criticis",
    "criticiz",
];

const AUXILIARIES: &[&str] = &[
    "did", "does", "do", "has", "have", "had", "was", "were", "is", "are", "will", "would",
    "could", "can", "should", "shall", "may", "might", "must", "been", "be",
];

pub fn check(context: &Context<'_, '_>, claim: &Claim, out: &mut Vec<Diagnostic>) {
    let Some(fact) = context.rules.facts.get(claim.fact) else {
        return;
    };
    if !fact.affirm {
        return;
    }
    let Some(span) = negation(context, claim) else {
        return;
    };
    let labels = vec![Label {
        span: claim.cue,
        message: format!("`{}` is affirmed", fact.id),
    }];
    out.push(finding(
        context,
        &fact.id,
        FindingKind::Polarity,
        fact.severity,
        fact.message.as_deref(),
        span,
        "affirmed".to_string(),
        None,
        labels,
        fact.source,
    ));
}

/// The negated verb phrase of the statement `claim`, if its cue is negated ("were not
/// established", "never signed", "refused to recognise"): a value stated under it is denied,
/// not claimed ("relations were not established in 1993").
pub fn negation(context: &Context<'_, '_>, claim: &Claim) -> Option<Span> {
    let sentence = context.document.sentences[claim.sentence].span;
    let text = context.document.prose_of(sentence);
    // Most sentences hold no negation at all, and every negation below holds one of these.
    let lower = text.to_ascii_lowercase();
    if ![
        "no",
        "never",
        "n't",
        "n\u{2019}t",
        "neither",
        "refused",
        "failed",
        "declined",
    ]
    .iter()
    .any(|part| lower.contains(part))
    {
        return None;
    }
    let words = words(text);
    // Where the fact's cue and co-words start, relative to the sentence.
    let fact_words: Vec<usize> = context
        .context_hits_of(claim.sentence)
        .iter()
        .filter(|hit| matches!(hit.meaning, Meaning::Near { fact, .. } if fact == claim.fact))
        .map(|hit| hit.span.start)
        .chain(std::iter::once(claim.cue.start))
        .filter_map(|start| start.checked_sub(sentence.start))
        .collect();
    let starts_fact_word = |index: usize| {
        words
            .get(index)
            .is_some_and(|&(start, _)| fact_words.contains(&start))
    };
    for (index, &(start, end)) in words.iter().enumerate() {
        let word = text[start..end].to_lowercase().replace('’', "'");
        // "No declaration … was signed", "signed no declaration".
        let determiner = word == "no" && starts_fact_word(index + 1);
        let is_negation = word == "not"
            || word == "never"
            || word == "neither"
            || word == "nowhere"
            || word.ends_with("n't")
            || determiner
            || (word == "no" && next_is(text, &words, index, "longer"))
            || (matches!(word.as_str(), "refused" | "failed" | "declined")
                && next_is(text, &words, index, "to"));
        if !is_negation {
            continue;
        }
        // "on 16 July, not 17 July", "Minsk, not Guangzhou": a contrast, not a negation
        // ("Neither Belarus nor China …" is one).
        let contrast = words.get(index + 1).is_some_and(|&(next, _)| {
            text[next..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit() || c.is_uppercase())
        });
        if contrast && word == "not" {
            continue;
        }
        // "were not established until 1992", "did not sign before 2014": the statement holds,
        // only later.
        let delays = words[index + 1..]
            .iter()
            .take(5)
            .take_while(|&&(from, _)| !clause_break(&text[end..from]))
            .any(|&(from, to)| {
                matches!(
                    text[from..to].to_ascii_lowercase().as_str(),
                    "until" | "till" | "before"
                )
            });
        if delays {
            continue;
        }
        // After the cue, the negation must reach a verb that states the fact.
        let after_cue = sentence.start + start >= claim.cue.end;
        let reaches_fact = (index + 1..(index + 4).min(words.len())).any(|next| {
            let (from, to) = words[next];
            let lower = text[from..to].to_lowercase();
            starts_fact_word(next) || STATING_VERBS.iter().any(|stem| lower.starts_with(stem))
        });
        if after_cue && !determiner && !reaches_fact {
            continue;
        }
        let negation_start = index;
        let negation = Span::new(sentence.start + start, sentence.start + end);
        let distance = if negation.end <= claim.cue.start {
            claim.cue.start - negation.end
        } else {
            negation.start.saturating_sub(claim.cue.end)
        };
        let between = if negation.end <= claim.cue.start {
            Span::new(negation.end, claim.cue.start)
        } else {
            Span::new(claim.cue.end, negation.start)
        };
        let between_text = context.document.prose_of(between);
        if distance > REACH || clause_break(between_text) {
            continue;
        }
        if negation.end <= claim.cue.start {
            let before_cue = words[index + 1..]
                .iter()
                .enumerate()
                .take_while(|(_, (from, _))| sentence.start + from < claim.cue.start)
                .map(|(offset, &(from, to))| (index + 1 + offset, &text[from..to]));
            // "It is not widely known that relations were established …": the negation is
            // the main clause's, the fact stands in its own that-clause.
            let that_clause = between_text
                .split(|c: char| !c.is_alphabetic())
                .any(|word| word.eq_ignore_ascii_case("that"));
            if other_predicate(text, &words, index, before_cue, &starts_fact_word)
                || in_relative_clause(&text[..start], between_text)
                || that_clause
            {
                continue;
            }
        }
        // The phrase: an auxiliary before "not"/"never", the negation, and the verb after it.
        let mut first = negation_start;
        if (word == "not" || word == "never") && first > 0 {
            let previous = text[words[first - 1].0..words[first - 1].1].to_lowercase();
            if AUXILIARIES.contains(&previous.as_str()) {
                first -= 1;
            }
        }
        let mut last = negation_start;
        if word == "no" || matches!(word.as_str(), "refused" | "failed" | "declined") {
            last += 1;
        }
        if determiner {
            // "no declaration": the phrase is the determiner and its noun.
        } else if let Some(&(verb_start, verb_end)) = words.get(last + 1) {
            let verb = &text[verb_start..verb_end];
            // "did not discuss the One China policy" says nothing against the policy, and
            // "has never wavered in its support" affirms it.
            let verb_lower = verb.to_lowercase();
            // A verb that is one of the fact's words states it ("did not raise a flag").
            if !starts_fact_word(last + 1)
                && (NEUTRAL_VERBS.contains(&verb_lower.as_str())
                    || DOUBLE_NEGATIVES
                        .iter()
                        .any(|stem| verb_lower.starts_with(stem)))
            {
                continue;
            }
            if verb.chars().all(char::is_alphabetic)
                && !text[words[last].1..verb_start].contains([',', '.'])
            {
                last += 1;
            }
        }
        return Some(Span::new(
            sentence.start + words[first].0,
            sentence.start + words[last.min(words.len() - 1)].1,
        ));
    }
    None
}

/// Whether a negation at word `index`, before the cue, is about another predicate than the
/// fact's: a word between it and the cue undoes it ("Not once has Belarus departed from …",
/// "not a word against …"), or the negated verb has its own object and a verb stating the
/// fact follows ("does not recognise Taiwan and upholds the One China policy"; but "did not
/// sign and ratify" negates both). `before_cue` are the words after the negation up to the cue.
fn other_predicate<'t>(
    text: &str,
    words: &[(usize, usize)],
    index: usize,
    mut before_cue: impl Iterator<Item = (usize, &'t str)>,
    fact_word: &dyn Fn(usize) -> bool,
) -> bool {
    let stem_of = |word: &str, stems: &[&str]| {
        let lower = word.to_lowercase();
        stems.iter().any(|stem| lower.starts_with(stem))
    };
    before_cue.any(|(at, word)| {
        if fact_word(at) {
            return false;
        }
        let undoes = stem_of(word, DOUBLE_NEGATIVES);
        // "… Taiwan and upholds …": "and" at least two words after the negated verb.
        let and_then_verb = word.eq_ignore_ascii_case("and")
            && at >= index + 3
            && words.get(at + 1).is_some_and(|&(from, to)| {
                fact_word(at + 1) || stem_of(&text[from..to], STATING_VERBS)
            });
        undoes || and_then_verb
    })
}

/// Whether a negation stands in a relative clause set off by commas before the cue: "The two
/// countries, which do not oppose trade, oppose interference …". `before` is the sentence up
/// to the negation, `between` the text from it to the cue.
fn in_relative_clause(before: &str, between: &str) -> bool {
    const RELATIVES: &[&str] = &["which ", "who ", "whose ", "that "];
    let Some(comma) = before.rfind(',') else {
        return false;
    };
    super::starts_with_any(before[comma + 1..].trim_start(), RELATIVES).is_some()
        && between.contains(',')
}

/// Whether `between` (the text from a cue to a negation, or back) crosses into another clause,
/// whose verb the negation is then about: "backed the policy, and Beijing pledged not to…",
/// "…, while critics did not…", "… and Beijing will not comment".
fn clause_break(between: &str) -> bool {
    const JOINS: &[&str] = &[
        " but ",
        " although ",
        " though ",
        " while ",
        " whereas ",
        " yet ",
        " unlike ",
    ];
    const AFTER_COMMA: &[&str] = &[
        "and ", "or ", "which ", "who ", "as ", "since ", "because ", "so ", "when ", "where ",
    ];
    if between.contains([';', ':']) {
        return true;
    }
    let lower = between.to_lowercase();
    if JOINS.iter().any(|join| lower.contains(join)) {
        return true;
    }
    let after_comma = lower.split(',').skip(1).any(|rest| {
        AFTER_COMMA
            .iter()
            .any(|word| rest.trim_start().starts_with(word))
    });
    // "and" before a capitalised word: a new subject ("… the policy and Beijing will not …"),
    // unless a name stands before it too ("Lukashenko and Xi Jinping signed …").
    let new_subject = between.match_indices(" and ").any(|(at, and)| {
        let capital_after = between[at + and.len()..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        let word_before = between[..at].rsplit(' ').next().unwrap_or("");
        capital_after && !word_before.starts_with(char::is_uppercase)
    });
    after_comma || new_subject
}

fn next_is(text: &str, words: &[(usize, usize)], index: usize, expected: &str) -> bool {
    words
        .get(index + 1)
        .is_some_and(|&(start, end)| text[start..end].eq_ignore_ascii_case(expected))
}

/// Word spans: letters, digits and apostrophes.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (at, ch) in text.char_indices() {
        let in_word = ch.is_alphanumeric() || ((ch == '\'' || ch == '’') && start.is_some());
        match (in_word, start) {
            (true, None) => start = Some(at),
            (false, Some(begin)) => {
                out.push((begin, at));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(begin) = start {
        out.push((begin, text.len()));
    }
    out
}
