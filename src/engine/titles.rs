//! Titles next to a person's name ("Premier Li Keqiang", "Li Keqiang, the Chinese Premier"),
//! checked against the titles the person held on the document's date. A title the person
//! never held is a `title` finding; one held at another time is `outdated`. "former", "then"
//! and "ex-" before the title, or a year in the sentence inside the title's period (or, in a
//! sentence without one, a date in its heading or parent list item), make a past title
//! correct.

use super::claims::years_in;
use super::matcher::{Hit, Meaning};
use super::render::match_case;
use super::{Context, day_number, finding, starts_with_any};
use crate::diagnostic::{Diagnostic, FindingKind, Label};
use crate::rules::{Entity, EntityIdx, Title};
use crate::span::Span;
use crate::value::PartialDate;

pub fn check(context: &Context<'_, '_>, out: &mut Vec<Diagnostic>) {
    for (index, sentence) in context.document.sentences.iter().enumerate() {
        let hits = context.hits_in(sentence.span);
        for name in hits {
            let Meaning::Name { entity: person, .. } = name.meaning else {
                continue;
            };
            let Some(declared) = context.rules.entities.get(person) else {
                continue;
            };
            if declared.titles.is_empty() {
                continue;
            }
            if let Some(title) =
                title_before(context, hits, name).or_else(|| title_after(context, hits, name))
            {
                judge(
                    context,
                    hits,
                    person,
                    declared,
                    title,
                    (index, sentence.span),
                    name.span,
                    out,
                );
            }
        }
    }
}

/// The longest title that ends right before the name ("Chinese Premier Li Keqiang").
fn title_before(context: &Context<'_, '_>, hits: &[Hit], name: &Hit) -> Option<Span> {
    hits.iter()
        .filter(|hit| {
            matches!(hit.meaning, Meaning::Title { .. }) && hit.span.end <= name.span.start
        })
        .filter(|hit| {
            let between = context
                .document
                .prose_of(Span::new(hit.span.end, name.span.start))
                .trim();
            between.is_empty() || between == ","
        })
        .map(|hit| hit.span)
        .min_by_key(|span| span.start)
}

const APPOSITIVE_ARTICLES: &[&str] = &["the ", "a ", "an "];
const APPOSITIVE_QUALIFIERS: &[&str] = &[
    "current ",
    "incumbent ",
    "sitting ",
    "outgoing ",
    "now ",
    "then ",
    "then-",
    "former ",
    "ex-",
    "late ",
];

/// A title in apposition after the name ("Li Keqiang, the Chinese Premier"), but not one that
/// belongs to the next name of a list ("Li Keqiang, President Xi Jinping and …").
fn title_after(context: &Context<'_, '_>, hits: &[Hit], name: &Hit) -> Option<Span> {
    let rest = context
        .document
        .prose_of(Span::new(name.span.end, context.document.prose.len()));
    let after_comma = rest.strip_prefix(',')?;
    let trimmed = after_comma.trim_start();
    let mut offset = name.span.end + 1 + (after_comma.len() - trimmed.len());
    // An article, then a word that places the title in time ("the current", "the former"):
    // `judge` reads that word again.
    let mut rest = trimmed;
    for words in [APPOSITIVE_ARTICLES, APPOSITIVE_QUALIFIERS] {
        if let Some(word) = starts_with_any(rest, words) {
            rest = &rest[word.len()..];
            offset += word.len();
        }
    }
    // A possessive: "Xi Jinping, China's vice-president,".
    if let Some(space) = rest.find(' ')
        && (rest[..space].ends_with("'s")
            || rest[..space].ends_with("’s")
            || rest[..space].ends_with("s'"))
        && rest[..space].chars().next().is_some_and(char::is_uppercase)
    {
        offset += space + 1;
    }
    let title = hits
        .iter()
        .filter(|hit| matches!(hit.meaning, Meaning::Title { .. }) && hit.span.start == offset)
        .map(|hit| hit.span)
        .max_by_key(|span| span.end)?;
    let next_is_name = hits.iter().any(|hit| {
        matches!(hit.meaning, Meaning::Name { .. })
            && hit.span.start >= title.end
            && context
                .document
                .prose_of(Span::new(title.end, hit.span.start))
                .trim()
                .is_empty()
    });
    (!next_is_name).then_some(title)
}

fn holds_on(title: &Title, date: PartialDate) -> bool {
    let from = title.from.map_or(i64::MIN, |from| day_number(from, false));
    let to = title.to.map_or(i64::MAX, |to| day_number(to, true));
    let (start, end) = (day_number(date, false), day_number(date, true));
    start <= to && end >= from
}

fn period(title: &Title) -> String {
    match (title.from, title.to) {
        (Some(from), Some(to)) => format!("{} from {from} to {to}", title.name),
        (Some(from), None) => format!("{} since {from}", title.name),
        (None, Some(to)) => format!("{} until {to}", title.name),
        (None, None) => title.name.clone(),
    }
}

#[allow(clippy::too_many_arguments)]
fn judge(
    context: &Context<'_, '_>,
    hits: &[Hit],
    person: EntityIdx,
    declared: &Entity,
    title: Span,
    (index, sentence): (usize, Span),
    name: Span,
    out: &mut Vec<Diagnostic>,
) {
    let date = context.date;
    let owned: Vec<&Title> = hits
        .iter()
        .filter(|hit| hit.span == title)
        .filter_map(|hit| match hit.meaning {
            Meaning::Title { entity, title } if entity == person => declared.titles.get(title),
            _ => None,
        })
        .collect();
    let current: Vec<&Title> = declared
        .titles
        .iter()
        .filter(|t| holds_on(t, date))
        .collect();
    if owned.iter().any(|t| holds_on(t, date)) {
        return;
    }
    let before = context
        .document
        .prose_of(Span::new(sentence.start, title.start))
        .to_lowercase();
    let qualifier = before
        .trim_end()
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let found_text = context.text(title);
    let expected = match current.as_slice() {
        [] => format!("no title on {date}"),
        held => format!(
            "on {date}: {}",
            held.iter()
                .map(|t| period(t))
                .collect::<Vec<_>>()
                .join("; ")
        ),
    };
    let replacement = current.first().map(|held| {
        let wording = closest_wording(held, found_text);
        if found_text.chars().next().is_some_and(char::is_lowercase) {
            wording.to_lowercase()
        } else {
            match_case(found_text, wording)
        }
    });
    let labels = vec![Label {
        span: name,
        message: format!("{} ({})", declared.name, declared.id),
    }];
    let (kind, expected, source) = if owned.is_empty() {
        // A title the person never held ("former" does not make it right).
        (
            FindingKind::Title,
            expected,
            title_source(declared, &current),
        )
    } else {
        // Held at some time, but not on the document's date.
        let past_marked = matches!(qualifier, "former" | "then" | "ex" | "late")
            || qualifier.ends_with("then-")
            || before.ends_with("ex-");
        let sentence_text = context.document.prose_of(sentence);
        let years = years_in(sentence_text);
        let year_in_period = years
            .iter()
            .any(|&(_, year)| owned.iter().any(|t| holds_on(t, PartialDate::y(year))));
        // Under "## September 2016" or "- 2016: state visit", a sentence without a year of
        // its own is dated by it.
        let parent_in_period = years.is_empty()
            && context
                .parent_date(index)
                .is_some_and(|date| owned.iter().any(|t| holds_on(t, date)));
        if past_marked || year_in_period || parent_in_period {
            return;
        }
        let held = owned
            .iter()
            .map(|t| period(t))
            .collect::<Vec<_>>()
            .join("; ");
        (
            FindingKind::Outdated,
            format!("{expected} (held {held})"),
            title_source(declared, &owned),
        )
    };
    out.push(finding(
        context,
        &declared.id,
        kind,
        declared.severity,
        None,
        title,
        expected,
        replacement,
        labels,
        source,
    ));
}

/// The wording of `title` closest to the text `found`: "US Vice President" becomes "US
/// President" where the title has that alias, not a bare "President". Words kept from the
/// text count for a wording and words it adds against it; a wording that shares no word with
/// the text does not compete with the title's name.
fn closest_wording<'t>(title: &'t Title, found: &str) -> &'t str {
    let words =
        |text: &str| -> Vec<String> { text.split_whitespace().map(str::to_lowercase).collect() };
    let found_words = words(found);
    let score = |wording: &str| {
        words(wording).iter().fold(0i32, |score, word| {
            if found_words.contains(word) {
                score + 2
            } else {
                score - 1
            }
        })
    };
    let mut best = title.name.as_str();
    for alias in &title.aliases {
        let shares = words(alias).iter().any(|word| found_words.contains(word));
        if shares && score(alias) > score(best) {
            best = alias;
        }
    }
    best
}

fn title_source(declared: &Entity, titles: &[&Title]) -> Option<usize> {
    titles.iter().find_map(|t| t.source).or(declared.source)
}
