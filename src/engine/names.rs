//! Names written in a variant the rules reject ("Byelorussia"): a `misspelling` fixed to the
//! canonical name, or to the adjective when the variant is an adjective form.

use super::matcher::Meaning;
use super::{Context, finding};
use crate::diagnostic::{Diagnostic, FindingKind};

pub fn check(context: &Context<'_, '_>, out: &mut Vec<Diagnostic>) {
    for hit in &context.hits {
        let Meaning::Avoid { entity, variant } = hit.meaning else {
            continue;
        };
        let Some(declared) = context.rules.entities.get(entity) else {
            continue;
        };
        let Some(avoided) = declared.avoid.get(variant) else {
            continue;
        };
        let replacement =
            if is_adjective_variant(avoided, &declared.name, declared.adjectives.first()) {
                declared
                    .adjectives
                    .first()
                    .cloned()
                    .unwrap_or_else(|| declared.name.clone())
            } else {
                declared.name.clone()
            };
        let source = declared.source;
        out.push(finding(
            context,
            &declared.id,
            FindingKind::Misspelling,
            declared.severity,
            None,
            hit.span,
            replacement.clone(),
            Some(replacement),
            Vec::new(),
            source,
        ));
    }
}

/// Whether an avoided variant is an adjective: it ends like the adjective and unlike the name
/// ("Byelorussian" against "Belarusian" and "Belarus").
fn is_adjective_variant(variant: &str, name: &str, adjective: Option<&String>) -> bool {
    let Some(adjective) = adjective else {
        return false;
    };
    let tail = |word: &str| {
        word.to_lowercase()
            .chars()
            .rev()
            .take(2)
            .collect::<String>()
    };
    tail(variant) == tail(adjective) && tail(variant) != tail(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjective_variants() {
        let adjective = "Belarusian".to_string();
        assert!(is_adjective_variant(
            "Byelorussian",
            "Belarus",
            Some(&adjective)
        ));
        assert!(!is_adjective_variant(
            "Byelorussia",
            "Belarus",
            Some(&adjective)
        ));
        assert!(!is_adjective_variant("Byelorussian", "Belarus", None));
    }
}
