//! Human descriptions of facts and expected values, shared by `factlint rules`, `explain` and
//! the reporters: a fact's kind ("date", "money", "polarity", …) and its expected value as a
//! short string ("1992-01-20", "USD 1500000000", "about 20").

use super::model::*;
use crate::value::format_decimal;

/// The kind of a fact, as `factlint rules` lists it: `date`, `number`, `count`, `money`,
/// `percent`, `ordinal`, `entity`, `parties`, `anniversary`, `duration`, `consistent` or
/// `polarity` (no value, only `affirm`). Entities with titles (`title`) or avoid-variants
/// (`name`) are listed by the caller, not here.
pub fn fact_kind(_rules: &RuleSet, fact: &Fact) -> &'static str {
    expect_kind(&fact.expect)
}

/// The kind word of one expected value (see [`fact_kind`]).
pub fn expect_kind(expect: &Expect) -> &'static str {
    match expect {
        Expect::Date(_) => "date",
        Expect::Number { count: false, .. } => "number",
        Expect::Number { count: true, .. } => "count",
        Expect::Money { .. } => "money",
        Expect::Percent { .. } => "percent",
        Expect::Ordinal(_) => "ordinal",
        Expect::Entity(_) => "entity",
        Expect::Parties(_) => "parties",
        Expect::Anniversary(_) => "anniversary",
        Expect::Duration(_) => "duration",
        Expect::Consistent(_) => "consistent",
        Expect::Nothing => "polarity",
    }
}

/// The word for a value type: `date`, `number`, `count`, …
pub fn value_type_name(value_type: ValueType) -> &'static str {
    match value_type {
        ValueType::Date => "date",
        ValueType::Number => "number",
        ValueType::Count => "count",
        ValueType::Money => "money",
        ValueType::Percent => "percent",
        ValueType::Ordinal => "ordinal",
        ValueType::Entity => "entity",
    }
}

fn with_tolerance(text: String, tolerance: Tolerance, suffix: &str) -> String {
    match tolerance {
        Tolerance::Exact => format!("{text}{suffix}"),
        Tolerance::Approx => format!("about {text}{suffix}"),
        Tolerance::Absolute(delta) => format!("{text}{suffix} ± {}", format_decimal(delta)),
        Tolerance::Relative(fraction) => {
            format!("{text}{suffix} ± {}%", format_decimal(fraction * 100.0))
        }
    }
}

/// The expected value as a short human string: `1992-01-20`, `USD 1500000000`, `about 20`,
/// `12.5%`, `21`, `beijing` (an entity id), `minsk, shenzhen`,
/// `anniversary of relations_established`, `consistent money`, `affirmed`.
pub fn describe_expect(rules: &RuleSet, expect: &Expect) -> String {
    let entity_id = |index: &EntityIdx| {
        rules
            .entities
            .get(*index)
            .map_or_else(|| format!("#{index}"), |entity| entity.id.clone())
    };
    let fact_id = |index: &FactIdx| {
        rules
            .facts
            .get(*index)
            .map_or_else(|| format!("#{index}"), |fact| fact.id.clone())
    };
    match expect {
        Expect::Date(date) => date.to_string(),
        Expect::Number {
            value, tolerance, ..
        } => with_tolerance(format_decimal(*value), *tolerance, ""),
        Expect::Money {
            currency,
            amount,
            tolerance,
        } => with_tolerance(
            format!("{currency} {}", format_decimal(*amount)),
            *tolerance,
            "",
        ),
        Expect::Percent { value, tolerance } => {
            with_tolerance(format_decimal(*value), *tolerance, "%")
        }
        Expect::Ordinal(value) => value.to_string(),
        Expect::Entity(index) => entity_id(index),
        Expect::Parties(indices) => indices.iter().map(entity_id).collect::<Vec<_>>().join(", "),
        Expect::Anniversary(index) => format!("anniversary of {}", fact_id(index)),
        Expect::Duration(index) => format!("duration of {}", fact_id(index)),
        Expect::Consistent(value_type) => format!("consistent {}", value_type_name(*value_type)),
        Expect::Nothing => "affirmed".to_string(),
    }
}

/// A person's titles as one line: `Premier (2013-03-15 to 2023-03-11); Vice Premier (…)`.
pub fn describe_titles(entity: &Entity) -> String {
    entity
        .titles
        .iter()
        .map(|title| {
            let period = match (title.from, title.to) {
                (Some(from), Some(to)) => format!("{from} to {to}"),
                (Some(from), None) => format!("from {from}"),
                (None, Some(to)) => format!("until {to}"),
                (None, None) => "any time".to_string(),
            };
            format!("{} ({period})", title.name)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::PartialDate;

    #[test]
    fn expected_values_read_as_the_contract_says() {
        let rules = RuleSet::default();
        let money = Expect::Money {
            currency: "USD".to_string(),
            amount: 1.5e9,
            tolerance: Tolerance::Exact,
        };
        assert_eq!(describe_expect(&rules, &money), "USD 1500000000");
        let about = Expect::Number {
            value: 20.0,
            tolerance: Tolerance::Approx,
            count: true,
        };
        assert_eq!(describe_expect(&rules, &about), "about 20");
        assert_eq!(expect_kind(&about), "count");
        let date = Expect::Date(PartialDate::ymd(1992, 1, 20));
        assert_eq!(describe_expect(&rules, &date), "1992-01-20");
        let relative = Expect::Percent {
            value: 12.5,
            tolerance: Tolerance::Relative(0.05),
        };
        assert_eq!(describe_expect(&rules, &relative), "12.5% ± 5%");
    }
}
