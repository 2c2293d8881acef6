//! Entity slots: the place of the talks, the parties of an agreement. Another declared entity
//! of the slot's class where the fact names one is a mismatch, fixed to the right one (in the
//! same form: a name for a name, an adjective for an adjective).

use super::claims::{Bound, Claim};
use super::matcher::{Hit, Meaning, NameForm};
use super::{Context, finding};
use crate::diagnostic::{Diagnostic, FindingKind, Label};
use crate::rules::{Entity, EntityIdx, Expect};

/// How many words (ignoring case) two names share.
fn shared_words(a: &str, b: &str) -> usize {
    let words =
        |name: &str| -> Vec<String> { name.split_whitespace().map(str::to_lowercase).collect() };
    let theirs = words(b);
    words(a).iter().filter(|word| theirs.contains(word)).count()
}

pub fn check(context: &Context<'_, '_>, claim: &Claim, out: &mut Vec<Diagnostic>) {
    let Some(fact) = context.rules.facts.get(claim.fact) else {
        return;
    };
    let Bound::Entities(hits) = &claim.bound else {
        return;
    };
    let mut named: Vec<(Hit, EntityIdx, NameForm)> = Vec::new();
    for hit in hits {
        if let Meaning::Name { entity, form } = hit.meaning
            && !named.iter().any(|(other, _, _)| other.span == hit.span)
        {
            named.push((*hit, entity, form));
        }
    }
    let wrong: Vec<(Hit, EntityIdx, NameForm, EntityIdx)> = match &fact.expect {
        Expect::Entity(expected) => {
            if named.iter().any(|(_, entity, _)| entity == expected) {
                return;
            }
            let nearest = named
                .iter()
                .min_by_key(|(hit, _, _)| hit.span.start.abs_diff(claim.cue.start));
            nearest
                .map(|&(hit, entity, form)| (hit, entity, form, *expected))
                .into_iter()
                .collect()
        }
        Expect::Parties(parties) => {
            let missing: Vec<EntityIdx> = parties
                .iter()
                .copied()
                .filter(|party| !named.iter().any(|(_, entity, _)| entity == party))
                .collect();
            named
                .iter()
                .filter(|(_, entity, _)| !parties.contains(entity))
                .filter_map(|&(hit, entity, form)| {
                    let wrong = context.rules.entities.get(entity)?;
                    // Of the parties of its class (missing ones first), the one whose name
                    // shares most words with the wrong one: "Supreme People's Court" is put
                    // right as "Supreme People's Procuratorate", not as the other side's body.
                    let of_class = |list: &[EntityIdx]| {
                        list.iter()
                            .copied()
                            .filter(|party| {
                                context
                                    .rules
                                    .entities
                                    .get(*party)
                                    .is_some_and(|p| p.class == wrong.class)
                            })
                            .min_by_key(|party| {
                                std::cmp::Reverse(
                                    context
                                        .rules
                                        .entities
                                        .get(*party)
                                        .map_or(0, |p| shared_words(&p.name, &wrong.name)),
                                )
                            })
                    };
                    let instead = of_class(&missing).or_else(|| of_class(parties))?;
                    Some((hit, entity, form, instead))
                })
                .collect()
        }
        _ => return,
    };
    // "The talks were not held in Shanghai" denies the wrong entity.
    if !wrong.is_empty() && super::polarity::negation(context, claim).is_some() {
        return;
    }
    for (hit, _, form, expected) in wrong {
        let Some(expected_entity) = context.rules.entities.get(expected) else {
            continue;
        };
        let replacement = name_in_form(expected_entity, form);
        let expected_text = match &fact.expect {
            Expect::Parties(parties) => format!(
                "{} (parties: {})",
                replacement,
                parties
                    .iter()
                    .filter_map(|p| context.rules.entities.get(*p))
                    .map(|e| e.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            _ => replacement.clone(),
        };
        let labels = vec![Label {
            span: claim.cue,
            message: format!("stated here as `{}`", fact.id),
        }];
        out.push(finding(
            context,
            &fact.id,
            FindingKind::Mismatch,
            fact.severity,
            fact.message.as_deref(),
            hit.span,
            expected_text,
            Some(replacement),
            labels,
            fact.source,
        ));
    }
}

/// The entity's name in the form the replaced text had.
pub fn name_in_form(entity: &Entity, form: NameForm) -> String {
    match form {
        NameForm::Adjective => entity.adjectives.first().unwrap_or(&entity.name).clone(),
        NameForm::Name | NameForm::Alias => entity.name.clone(),
    }
}
