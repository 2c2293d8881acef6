//! Mutation testing of a rule pack: each `ok` example is changed the way a careless writer
//! would change it (another day, month or year; another amount, scale or currency; another
//! count; another entity of the same class; another title; a negation), and every mutant its
//! fact fails to flag "survives". A fact whose mutants survive is weakly guarded.

use super::{Owner, example_date, owners};
use crate::document::{Document, Format};
use crate::engine::Engine;
use crate::engine::claims::{Bound, Claim};
use crate::engine::render::{restyle_date, restyle_number, restyle_ordinal};
use crate::extract::{Options, Value, extract_with};
use crate::rules::{Entity, Expect, RuleSet, Tolerance};
use crate::span::Span;
use crate::value::{PartialDate, days_in_month};

/// One changed example and whether its fact flagged it.
#[derive(Clone, Debug)]
pub struct Mutant {
    /// What was changed: "`20 January 1992` → `21 January 1992`".
    pub change: String,
    pub text: String,
    pub killed: bool,
}

/// The mutants of one fact's (or entity's) ok examples.
#[derive(Clone, Debug)]
pub struct FactMutants<'r> {
    pub owner: Owner,
    pub id: &'r str,
    pub mutants: Vec<Mutant>,
}

impl FactMutants<'_> {
    pub fn killed(&self) -> usize {
        self.mutants.iter().filter(|m| m.killed).count()
    }
}

/// Mutate every ok example of every fact and entity and check each mutant.
pub fn mutate(rules: &RuleSet) -> Vec<FactMutants<'_>> {
    let engine = Engine::new(rules);
    let mut all = Vec::new();
    for (owner, id, examples) in owners(rules) {
        let owner_date = example_date(rules, owner);
        let mut mutants = Vec::new();
        for example in examples.iter().filter(|example| example.ok) {
            let date = example.as_of.map_or(owner_date, super::first_day);
            let original = Document::parse(&example.text, Format::Text);
            let (sentences, _) = engine.trace(&original, date);
            let claims: Vec<&Claim> = sentences
                .iter()
                .flat_map(|sentence| &sentence.claims)
                .filter(|claim| Owner::Fact(claim.fact) == owner)
                .collect();
            // An ok example that shows where a fact is *not* stated ("relations have grown
            // since 2013") cannot catch a changed value: nothing there is checked.
            if matches!(owner, Owner::Fact(_)) && claims.is_empty() {
                continue;
            }
            let bound: Vec<Span> = claims
                .iter()
                .filter_map(|claim| match &claim.bound {
                    Bound::Value(value) => Some(value.span),
                    _ => None,
                })
                .collect();
            for (change, text) in mutations(rules, owner, &example.text, &bound, date) {
                if text == example.text || mutants.iter().any(|m: &Mutant| m.text == text) {
                    continue;
                }
                let document = Document::parse(&text, Format::Text);
                let killed = engine.check(&document, date).iter().any(|d| d.fact == id);
                mutants.push(Mutant {
                    change,
                    text,
                    killed,
                });
            }
        }
        // An owner with ok examples but no mutant is listed too: nothing there exercises it.
        if examples.iter().any(|example| example.ok) {
            all.push(FactMutants { owner, id, mutants });
        }
    }
    all
}

/// The careless versions of `text` for the checks its owner makes: (change, new text).
/// `bound` holds the spans of the values the fact bound in `text`: only those are changed
/// (every value of the fact's type when it bound none).
fn mutations(
    rules: &RuleSet,
    owner: Owner,
    text: &str,
    bound: &[Span],
    date: PartialDate,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    match owner {
        Owner::Fact(index) => {
            let Some(fact) = rules.facts.get(index) else {
                return out;
            };
            match &fact.expect {
                Expect::Date(_)
                | Expect::Number { .. }
                | Expect::Money { .. }
                | Expect::Percent { .. }
                | Expect::Ordinal(_)
                | Expect::Anniversary(_)
                | Expect::Duration(_) => value_mutations(&fact.expect, text, bound, &mut out),
                Expect::Entity(entity) => {
                    entity_mutations(rules, std::slice::from_ref(entity), text, &mut out)
                }
                Expect::Parties(parties) => entity_mutations(rules, parties, text, &mut out),
                Expect::Consistent(_) => consistency_mutations(text, bound, &mut out),
                Expect::Nothing => {}
            }
            if fact.affirm {
                out.extend(negation(text));
            }
        }
        Owner::Entity(index) => {
            let Some(entity) = rules.entities.get(index) else {
                return out;
            };
            title_mutations(rules, entity, text, date, &mut out);
            for variant in &entity.avoid {
                for name in std::iter::once(&entity.name).chain(&entity.adjectives) {
                    if let Some(at) = find_word(text, name) {
                        let changed =
                            format!("{}{}{}", &text[..at], variant, &text[at + name.len()..]);
                        out.push((format!("`{name}` → `{variant}`"), changed));
                        break;
                    }
                }
            }
        }
    }
    out
}

/// For a fact that must be stated the same way throughout: the last of two or more stated
/// values changed, so that it disagrees with the first ("$300 million" → "$375 million").
fn consistency_mutations(text: &str, bound: &[Span], out: &mut Vec<(String, String)>) {
    let Some(&last) = bound.iter().max_by_key(|span| span.start) else {
        return;
    };
    if bound.len() < 2 {
        return;
    }
    let Some(written) = text.get(last.range()) else {
        return;
    };
    let value = extract_with(text, &Options::default())
        .into_iter()
        .find(|value| value.span == last);
    let changed = match value.map(|value| value.value) {
        Some(Value::Number(n) | Value::Percent(n) | Value::Money { amount: n, .. }) => {
            restyle_number(written, n, n * 1.25)
        }
        Some(Value::Date(date)) => date_neighbours(date)
            .into_iter()
            .find_map(|other| restyle_date(written, date, other)),
        _ => None,
    };
    if let Some(new) = changed.filter(|new| new != written) {
        out.push((
            format!("`{written}` → `{new}`"),
            replace(text, last.start, last.end, &new),
        ));
    }
}

fn replace(text: &str, start: usize, end: usize, with: &str) -> String {
    format!("{}{}{}", &text[..start], with, &text[end..])
}

fn value_mutations(expect: &Expect, text: &str, bound: &[Span], out: &mut Vec<(String, String)>) {
    for value in extract_with(text, &Options::default()) {
        if !bound.is_empty() && !bound.contains(&value.span) {
            continue;
        }
        let (start, end) = (value.span.start, value.span.end);
        let Some(written) = text.get(start..end) else {
            continue;
        };
        let mut push = |new: Option<String>| {
            if let Some(new) = new.filter(|new| new != written) {
                out.push((
                    format!("`{written}` → `{new}`"),
                    replace(text, start, end, &new),
                ));
            }
        };
        match (&value.value, expect) {
            (Value::Date(date), Expect::Date(_)) => {
                for other in date_neighbours(*date) {
                    push(restyle_date(written, *date, other));
                }
            }
            (Value::Number(number), Expect::Number { .. } | Expect::Duration(_)) => {
                let tolerance = match expect {
                    Expect::Number { tolerance, .. } => *tolerance,
                    _ => Tolerance::Exact,
                };
                for other in number_neighbours(*number, tolerance) {
                    push(restyle_number(written, *number, other));
                }
            }
            (Value::Percent(number), Expect::Percent { tolerance, .. }) => {
                for other in number_neighbours(*number, *tolerance) {
                    push(restyle_number(written, *number, other));
                }
            }
            (Value::Money { amount, .. }, Expect::Money { tolerance, .. }) => {
                for other in
                    number_neighbours(*amount, (*tolerance).max_with(Tolerance::Relative(0.25)))
                {
                    push(restyle_number(written, *amount, other));
                }
                // Another scale and another currency.
                for (from, to) in [
                    ("billion", "million"),
                    ("bn", "m"),
                    ("million", "billion"),
                    ("$", "€"),
                    ("dollars", "euros"),
                    ("USD", "EUR"),
                    ("yuan", "dollars"),
                ] {
                    if written.contains(from) {
                        push(Some(written.replacen(from, to, 1)));
                    }
                }
            }
            (Value::Ordinal(number), Expect::Ordinal(_) | Expect::Anniversary(_)) => {
                for other in [number.saturating_sub(1), number + 1] {
                    if other > 0 {
                        push(Some(restyle_ordinal(written, other)));
                    }
                }
            }
            _ => {}
        }
    }
}

/// Another day, month and year of a date, as far as it states them.
fn date_neighbours(date: PartialDate) -> Vec<PartialDate> {
    let mut out = Vec::new();
    if let (Some(month), Some(day)) = (date.month, date.day) {
        let other_day = if day < days_in_month(date.year, month) {
            day + 1
        } else {
            day - 1
        };
        out.push(PartialDate {
            day: Some(other_day),
            ..date
        });
        let other_month = if month < 12 { month + 1 } else { month - 1 };
        if day <= days_in_month(date.year, other_month) {
            out.push(PartialDate {
                month: Some(other_month),
                ..date
            });
        }
    }
    if let Some(year) = date.year {
        out.push(PartialDate {
            year: Some(year + 1),
            ..date
        });
    }
    out.retain(PartialDate::is_valid);
    out
}

trait Widest {
    fn max_with(self, other: Tolerance) -> Tolerance;
}

impl Widest for Tolerance {
    /// `other` where `self` is exact: amounts are mutated by at least a quarter.
    fn max_with(self, other: Tolerance) -> Tolerance {
        if self == Tolerance::Exact {
            other
        } else {
            self
        }
    }
}

/// Numbers a careless writer might put instead: just outside the tolerance on both sides.
fn number_neighbours(value: f64, tolerance: Tolerance) -> Vec<f64> {
    let step = match tolerance {
        Tolerance::Exact => {
            if value.fract() != 0.0 {
                0.1 * value.abs().max(1.0)
            } else {
                1.0_f64.max((value.abs() / 10.0).floor())
            }
        }
        Tolerance::Approx => value.abs() * 0.5,
        Tolerance::Absolute(by) => by.abs() * 2.0 + 1.0,
        Tolerance::Relative(by) => value.abs() * by.abs() * 2.0,
    };
    let round = |v: f64| (v * 1000.0).round() / 1000.0;
    [round(value + step), round(value - step)]
        .into_iter()
        .filter(|v| *v > 0.0)
        .collect()
}

/// The expected entities' names swapped for another entity of the same class.
fn entity_mutations(
    rules: &RuleSet,
    expected: &[usize],
    text: &str,
    out: &mut Vec<(String, String)>,
) {
    for &index in expected {
        let Some(entity) = rules.entities.get(index) else {
            continue;
        };
        let Some(other) = rules
            .entities
            .iter()
            .enumerate()
            .find(|(i, e)| e.class == entity.class && !expected.contains(i))
            .map(|(_, e)| e)
        else {
            continue;
        };
        for name in std::iter::once(&entity.name).chain(&entity.aliases) {
            if let Some(at) = find_word(text, name) {
                out.push((
                    format!("`{name}` → `{}`", other.name),
                    replace(text, at, at + name.len(), &other.name),
                ));
                break;
            }
        }
    }
}

/// A title the person holds in the example swapped for another title (theirs at another time,
/// or someone else's).
fn title_mutations(
    rules: &RuleSet,
    entity: &Entity,
    text: &str,
    date: PartialDate,
    out: &mut Vec<(String, String)>,
) {
    let own: Vec<&str> = entity
        .titles
        .iter()
        .flat_map(|t| std::iter::once(t.name.as_str()).chain(t.aliases.iter().map(String::as_str)))
        .collect();
    let mut found: Option<(usize, &str)> = None;
    for title in &own {
        if let Some(at) = find_word(text, title)
            && found.is_none_or(|(_, longest)| title.len() > longest.len())
        {
            found = Some((at, title));
        }
    }
    let Some((at, title)) = found else { return };
    let others = entity.titles.iter().map(|t| t.name.as_str()).chain(
        rules
            .entities
            .iter()
            .filter(|e| e.id != entity.id)
            .flat_map(|e| e.titles.iter().map(|t| t.name.as_str())),
    );
    // Titles the person held on the example's date are not mistakes.
    let held_then = |name: &str| {
        entity
            .titles
            .iter()
            .filter(|t| t.from.is_none_or(|from| from <= date) && t.to.is_none_or(|to| to >= date))
            .any(|t| {
                t.name.eq_ignore_ascii_case(name)
                    || t.aliases
                        .iter()
                        .any(|alias| alias.eq_ignore_ascii_case(name))
            })
    };
    let mut used = Vec::new();
    for other in others {
        if other.eq_ignore_ascii_case(title) || used.contains(&other) || held_then(other) {
            continue;
        }
        used.push(other);
        out.push((
            format!("`{title}` → `{other}`"),
            replace(text, at, at + title.len(), other),
        ));
        if used.len() == 3 {
            break;
        }
    }
}

/// The first past-tense or present verb negated: "signed" → "did not sign".
fn negation(text: &str) -> Option<(String, String)> {
    let mut offset = 0;
    for word in text.split_inclusive(|c: char| !c.is_alphanumeric()) {
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        let lower = bare.to_lowercase();
        let base = if lower.len() > 4 && lower.ends_with("ied") {
            Some(format!("{}y", &bare[..bare.len() - 3]))
        } else if lower.len() > 4 && lower.ends_with("ed") {
            let keeps_e = [
                "ared", "ored", "ured", "ired", "ated", "ised", "ized", "ved", "ced", "ged", "sed",
            ]
            .iter()
            .any(|end| lower.ends_with(end));
            Some(if keeps_e {
                bare[..bare.len() - 1].to_string()
            } else {
                bare[..bare.len() - 2].to_string()
            })
        } else {
            None
        };
        if let Some(base) = base {
            let negated = format!("did not {}", base.to_lowercase());
            return Some((
                format!("`{bare}` → `{negated}`"),
                replace(text, offset, offset + bare.len(), &negated),
            ));
        }
        if matches!(
            lower.as_str(),
            "oppose"
                | "opposes"
                | "support"
                | "supports"
                | "recognise"
                | "recognises"
                | "recognize"
                | "recognizes"
                | "reaffirm"
                | "reaffirms"
                | "is"
                | "are"
                | "was"
                | "were"
        ) {
            let negated = match lower.as_str() {
                "is" | "are" | "was" | "were" => format!("{bare} not"),
                verb if verb.ends_with('s') && !verb.ends_with("ss") => {
                    format!("does not {}", &verb[..verb.len() - 1])
                }
                verb => format!("do not {verb}"),
            };
            return Some((
                format!("`{bare}` → `{negated}`"),
                replace(text, offset, offset + bare.len(), &negated),
            ));
        }
        offset += word.len();
    }
    None
}

/// Where `word` stands in `text` as a whole word (case-insensitive), if it does.
fn find_word(text: &str, word: &str) -> Option<usize> {
    if word.is_empty() {
        return None;
    }
    let lower_text = text.to_lowercase();
    let lower_word = word.to_lowercase();
    if lower_text.len() != text.len() {
        return text.find(word);
    }
    let mut from = 0;
    while let Some(found) = lower_text[from..].find(&lower_word) {
        let at = from + found;
        let end = at + lower_word.len();
        let before = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = text[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if before && after {
            return Some(at);
        }
        from = at + 1;
        while !lower_text.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_numbers_have_neighbours() {
        assert_eq!(
            date_neighbours(PartialDate::ymd(1992, 1, 31)),
            [PartialDate::ymd(1992, 1, 30), PartialDate::ymd(1993, 1, 31)]
        );
        assert_eq!(number_neighbours(20.0, Tolerance::Approx), [30.0, 10.0]);
        assert_eq!(number_neighbours(1.5e9, Tolerance::Exact), [1.65e9, 1.35e9]);
    }

    #[test]
    fn negations() {
        assert_eq!(
            negation("They signed a declaration.")
                .map(|(_, text)| text)
                .as_deref(),
            Some("They did not sign a declaration.")
        );
        assert_eq!(
            negation("Belarus reaffirmed it.")
                .map(|(_, text)| text)
                .as_deref(),
            Some("Belarus did not reaffirm it.")
        );
        assert_eq!(
            negation("Both oppose it.").map(|(_, text)| text).as_deref(),
            Some("Both do not oppose it.")
        );
    }
}

#[cfg(test)]
mod pack_tests {
    use super::*;
    use crate::load::compile_str;

    #[test]
    fn mutants_change_the_bound_value_in_its_style() {
        let rules = compile_str(
            "m.facts",
            "source s \"S\" date 2013-07-16\nfact total\n  cite s\n  when \"worth\"\n  expect money USD 1.5 billion\n  ok \"In 2013 they signed deals worth $1.5bn, and 3 more later.\"\n  bad \"They signed deals worth [$2bn].\"\n",
        )
        .expect("valid rules");
        let results = mutate(&rules);
        let texts: Vec<&str> = results
            .iter()
            .flat_map(|fact| fact.mutants.iter().map(|m| m.text.as_str()))
            .collect();
        assert_eq!(
            texts,
            [
                "In 2013 they signed deals worth $2.25bn, and 3 more later.",
                "In 2013 they signed deals worth $0.75bn, and 3 more later.",
                "In 2013 they signed deals worth $1.5m, and 3 more later.",
                "In 2013 they signed deals worth €1.5bn, and 3 more later.",
            ]
        );
        assert!(
            results
                .iter()
                .all(|fact| fact.killed() == fact.mutants.len())
        );
    }

    #[test]
    fn a_consistency_fact_is_mutated_and_a_fact_without_mutants_is_listed() {
        let rules = compile_str(
            "m.facts",
            "source s \"S\" date 2013-07-16\nfact loan\n  cite s\n  when \"loan\"\n  expect consistent money\n  ok \"The loan is $300 million. The loan, $300 million, is soft.\"\nfact quiet\n  cite s\n  when \"quiet\"\n  expect date 2013-07-16\n  ok \"It was quiet.\"\n",
        )
        .expect("valid rules");
        let results = mutate(&rules);
        let summary: Vec<(&str, Vec<&str>)> = results
            .iter()
            .map(|fact| {
                (
                    fact.id,
                    fact.mutants.iter().map(|m| m.text.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                (
                    "loan",
                    vec!["The loan is $300 million. The loan, $375 million, is soft."]
                ),
                ("quiet", vec![]),
            ]
        );
        assert_eq!(results[0].killed(), 1);
    }
}
