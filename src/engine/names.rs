//! Names written in a variant the rules reject ("Byelorussia"): a `misspelling` fixed to the
//! canonical name, or to the adjective when the variant is an adjective form.

use super::matcher::Meaning;
use super::{Context, finding};
use crate::diagnostic::{Diagnostic, FindingKind};
use crate::rules::Entity;
use crate::span::{Span, floor_char_boundary};

pub fn check(context: &Context<'_, '_>, out: &mut Vec<Diagnostic>) {
    // The fix of each (entity, variant), worked out the first time it is needed.
    let mut fixes: Vec<((usize, usize), String)> = Vec::new();
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
        if mentioned_as_a_spelling(context, hit.span)
            || written_as_accepted(context.text(hit.span), declared)
            || after_another_honorific(context, hit.span)
        {
            continue;
        }
        let replacement = match fixes.iter().find(|(key, _)| *key == (entity, variant)) {
            Some((_, fix)) => fix.clone(),
            None => {
                let fix =
                    if is_adjective_variant(avoided, &declared.name, declared.adjectives.first()) {
                        declared
                            .adjectives
                            .first()
                            .cloned()
                            .unwrap_or_else(|| declared.name.clone())
                    } else {
                        closest_form(declared, avoided).to_string()
                    };
                fixes.push(((entity, variant), fix.clone()));
                fix
            }
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

/// Whether the variant at `span` is mentioned as a spelling rather than used: "Belarus
/// (formerly Byelorussia)", "also spelled Lukashenka", "in Russian: …", or is part of a
/// historical name ("the Byelorussian SSR"). The words that say so
/// must stand close to it, in the same sentence (anywhere in it when the variant is quoted).
fn mentioned_as_a_spelling(context: &Context<'_, '_>, span: Span) -> bool {
    const MARKERS: &[&str] = &[
        "spelled",
        "spelt",
        "spelling",
        "transliterat",
        "romanis",
        "romaniz",
        "also written",
        "written as",
        "also known as",
        "formerly",
        "once called",
        "call it",
        "calls it",
        "called it",
        "also called",
        "then called",
        "previously called",
        "the name as",
        "spelled as",
        "in belarusian",
        "belarusian:",
        "in russian",
        "russian:",
        "spells",
        "known as",
        "known in",
        "soviet times",
        "soviet era",
        "soviet-era",
        "old name",
        // Someone else of that name.
        "no relation",
        // The name of the Soviet republic is history, not a spelling.
        "soviet socialist",
        " ssr",
    ];
    let sentences = &context.document.sentences;
    let at = sentences.partition_point(|sentence| sentence.span.end <= span.start);
    let Some(sentence) = sentences.get(at).map(|sentence| sentence.span) else {
        return false;
    };
    let prose = &context.document.prose;
    // A variant in quotation marks is a word talked about: the words that say so may stand
    // anywhere in the sentence ("Which spelling does the course use — "Lukashenko" or
    // "Lukashenka"?").
    let quoted = prose[..span.start].ends_with(['"', '\u{201C}', '\'', '\u{2018}', '\u{AB}'])
        && prose[span.end..].starts_with(['"', '\u{201D}', '\'', '\u{2019}', '\u{BB}']);
    let (before, after) = if quoted {
        (usize::MAX, usize::MAX)
    } else {
        (40, 45)
    };
    let from = floor_char_boundary(prose, span.start.saturating_sub(before).max(sentence.start));
    let to = floor_char_boundary(prose, span.end.saturating_add(after).min(sentence.end));
    let around = prose.get(from..to).unwrap_or("").to_lowercase();
    MARKERS.iter().any(|marker| around.contains(marker))
}

/// The accepted form (the name or an alias) closest to the avoided `variant`: "Alexander
/// Lukashenka" becomes "Alexander Lukashenko", "Lukashenka" becomes "Lukashenko"; the name on
/// a tie.
fn closest_form<'e>(declared: &'e Entity, variant: &str) -> &'e str {
    let variant = spelling(variant);
    let distance = |form: &str| crate::dsl::error::edit_distance(&spelling(form), &variant);
    let mut best = declared.name.as_str();
    for alias in &declared.aliases {
        if distance(alias) < distance(best) {
            best = alias;
        }
    }
    best
}

/// Whether the variant at `span` follows "Ms", "Mrs" or "Miss": someone else of that name
/// ("Ms Lukashenka runs a cafe").
fn after_another_honorific(context: &Context<'_, '_>, span: Span) -> bool {
    let before = context
        .document
        .prose
        .get(..span.start)
        .unwrap_or("")
        .trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    ["ms", "mrs", "miss", "madame", "mme"]
        .iter()
        .any(|honorific| honorific.eq_ignore_ascii_case(word))
}

/// Whether `written` is one of the entity's accepted forms: the matcher reads a hyphen like a
/// space, so it finds the variant "Jean Claude Juncker" in "Jean-Claude Juncker" too; the text
/// as written decides.
fn written_as_accepted(written: &str, declared: &Entity) -> bool {
    let written = spelling(written);
    std::iter::once(&declared.name)
        .chain(&declared.aliases)
        .chain(&declared.adjectives)
        .any(|form| spelling(form) == written)
}

/// `text` as a spelling: lowercase, every dash a hyphen, every apostrophe straight, every
/// whitespace run one space.
fn spelling(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.trim().chars() {
        match ch {
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' => out.push('-'),
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' => out.push('\''),
            c if c.is_whitespace() => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c => out.extend(c.to_lowercase()),
        }
    }
    out
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
