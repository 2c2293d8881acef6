//! Consistency: every statement of a fact declared `expect consistent …` in one draft must
//! agree with the first one; each that does not is an `inconsistent` finding pointing back at
//! the first.

use super::claims::{Bound, Claim};
use super::values::stated_interval;
use super::{Context, finding};
use crate::diagnostic::{Diagnostic, FindingKind, Label};
use crate::extract::{Extracted, Value};
use crate::rules::Expect;

pub fn check(context: &Context<'_, '_>, claims: &[Claim], out: &mut Vec<Diagnostic>) {
    for (fact_index, fact) in context.rules.facts.iter().enumerate() {
        if !matches!(fact.expect, Expect::Consistent(_)) {
            continue;
        }
        let statements: Vec<&Extracted> = claims
            .iter()
            .filter(|claim| claim.fact == fact_index)
            .filter_map(|claim| match &claim.bound {
                Bound::Value(value) => Some(value),
                _ => None,
            })
            .collect();
        let Some((first, rest)) = statements.split_first() else {
            continue;
        };
        for other in rest {
            if agree(context, first, other) {
                continue;
            }
            let first_text = context.text(first.span).to_string();
            let labels = vec![Label {
                span: first.span,
                message: format!("first stated here as `{first_text}`"),
            }];
            out.push(finding(
                context,
                &fact.id,
                FindingKind::Inconsistent,
                fact.severity,
                fact.message.as_deref(),
                other.span,
                first_text,
                None,
                labels,
                fact.source,
            ));
        }
    }
}

fn agree(context: &Context<'_, '_>, a: &Extracted, b: &Extracted) -> bool {
    let interval = |x: &Extracted, v: f64| stated_interval(context.text(x.span), x, v);
    match (&a.value, &b.value) {
        (Value::Date(x), Value::Date(y)) => x.agrees_with(y),
        (Value::Number(x), Value::Number(y)) | (Value::Percent(x), Value::Percent(y)) => {
            interval(a, *x).meets(&interval(b, *y))
        }
        (Value::Ordinal(x), Value::Ordinal(y)) => x == y,
        (
            Value::Money {
                currency: c1,
                amount: x,
            },
            Value::Money {
                currency: c2,
                amount: y,
            },
        ) => c1 == c2 && interval(a, *x).meets(&interval(b, *y)),
        _ => true,
    }
}
