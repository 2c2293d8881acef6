//! Comparing a stated value with the fact's value: dates part by part, numbers, money,
//! percentages and ordinals as intervals (tolerance on the fact's side, hedges and rounding on
//! the draft's side), derived anniversaries and durations from the document date.

use super::claims::{Bound, Claim, years_in};
use super::matcher::Meaning;
use super::render::{
    fix_weekday, human_date, human_money, human_number, restyle_date, restyle_number,
    restyle_ordinal,
};
use super::{Context, finding};
use crate::diagnostic::{Diagnostic, FindingKind, Label};
use crate::extract::{Extracted, Hedge, Value};
use crate::rules::{Expect, Fact, Tolerance};
use crate::value::PartialDate;

/// A closed or half-open interval of numbers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
    pub low_open: bool,
    pub high_open: bool,
}

impl Interval {
    pub fn point(value: f64) -> Interval {
        Interval {
            low: value,
            high: value,
            low_open: false,
            high_open: false,
        }
    }

    fn closed(a: f64, b: f64) -> Interval {
        Interval {
            low: a.min(b),
            high: a.max(b),
            low_open: false,
            high_open: false,
        }
    }

    /// Whether the two intervals share at least one number.
    pub fn meets(&self, other: &Interval) -> bool {
        let below =
            self.high < other.low || (self.high == other.low && (self.high_open || other.low_open));
        let above =
            other.high < self.low || (other.high == self.low && (other.high_open || self.low_open));
        !below && !above
    }
}

/// The numbers a fact's value and tolerance allow.
pub fn expected_interval(value: f64, tolerance: Tolerance) -> Interval {
    match tolerance {
        Tolerance::Exact => Interval::point(value),
        Tolerance::Approx => Interval::closed(value * 0.9, value * 1.1),
        Tolerance::Absolute(by) => Interval::closed(value - by.abs(), value + by.abs()),
        Tolerance::Relative(by) => {
            Interval::closed(value * (1.0 - by.abs()), value * (1.0 + by.abs()))
        }
    }
}

/// The numbers a stated value allows: its hedge, its range, and the rounding its digits show
/// when it uses a scale word ("$1.5 billion" stands for anything that rounds to it).
pub fn stated_interval(text: &str, stated: &Extracted, value: f64) -> Interval {
    if stated.hedge.is_none() {
        // Open ends: "$2 billion" may round 1.6 billion, but not 1.5 billion.
        let half = rounding(text, value);
        let open = half > 0.0;
        return Interval {
            low: value - half,
            high: value + half,
            low_open: open,
            high_open: open,
        };
    }
    // The extractor's interval of the hedge; "more than" and "less than" leave out the value.
    // It reads a hedged number ending in 1–4 or 6–9 as precise (±2 %); words are never
    // precise ("some two dozen" is about 24 give or take 10 %).
    let in_words = !text.bytes().any(|b| b.is_ascii_digit());
    let ordered = |a: f64, b: f64| if a <= b { (a, b) } else { (b, a) };
    let (low, high) = match stated.hedge {
        Some(Hedge::About) if in_words => ordered(0.9 * value, 1.1 * value),
        Some(Hedge::Nearly) if in_words => ordered(0.9 * value, value),
        _ => stated.interval().unwrap_or((value, value)),
    };
    Interval {
        low,
        high,
        low_open: stated.hedge == Some(Hedge::Over),
        high_open: stated.hedge == Some(Hedge::Under),
    }
}

/// Half the unit of the last digit written before a scale word, in the value's units.
fn rounding(text: &str, value: f64) -> f64 {
    let lower = text.to_ascii_lowercase();
    let scaled = [
        "thousand", "million", "billion", "trillion", "bn", "mln", "bln", "m", "k",
    ]
    .iter()
    .any(|word| {
        lower
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| w == *word)
    });
    if !scaled {
        return 0.0;
    }
    let Some(first) = text.find(|c: char| c.is_ascii_digit()) else {
        return 0.0;
    };
    // Digits, points and commas; a space (or a no-break or thin space) only between groups
    // of three digits ("1 200 million").
    let rest = &text[first..];
    let mut numeral = String::new();
    for (at, c) in rest.char_indices() {
        if c.is_ascii_digit() || matches!(c, '.' | ',') {
            numeral.push(c);
            continue;
        }
        let after = &rest[at + c.len_utf8()..];
        let group = after.bytes().take_while(u8::is_ascii_digit).count();
        if matches!(c, ' ' | '\u{a0}' | '\u{202f}') && group == 3 {
            continue;
        }
        break;
    }
    let numeral = numeral.trim_end_matches(['.', ',']);
    // A comma followed by exactly three digits (and no point) groups thousands.
    let grouping =
        !numeral.contains('.') && numeral.split(',').skip(1).all(|group| group.len() == 3);
    let plain = if grouping {
        numeral.replace(',', "")
    } else {
        numeral.replace(',', ".")
    };
    let decimals = plain.rfind('.').map_or(0, |at| plain.len() - at - 1);
    let Ok(written) = plain.parse::<f64>() else {
        return 0.0;
    };
    if written == 0.0 {
        return 0.0;
    }
    let scale = value / written;
    0.5 * 10f64.powi(-(decimals as i32)) * scale.abs()
}

pub fn check(context: &Context<'_, '_>, claim: &Claim, out: &mut Vec<Diagnostic>) {
    let Some(fact) = context.rules.facts.get(claim.fact) else {
        return;
    };
    let Bound::Value(stated) = &claim.bound else {
        return;
    };
    let text = context.text(stated.span);
    let verdict = match (&fact.expect, &stated.value) {
        (Expect::Date(expected), Value::Date(found)) => compare_date(
            text,
            *found,
            event_year(context, fact, *expected),
            context.date.year,
        ),
        (
            Expect::Number {
                value, tolerance, ..
            },
            Value::Number(found),
        )
        | (Expect::Percent { value, tolerance }, Value::Percent(found)) => {
            compare_number(text, stated, *found, *value, *tolerance, &|v| {
                human_number(v)
            })
        }
        (
            Expect::Money {
                currency,
                amount,
                tolerance,
            },
            Value::Money {
                currency: found_currency,
                amount: found,
            },
        ) => {
            if currency != found_currency {
                Some(Verdict {
                    expected: human_money(currency, *amount),
                    replacement: Some(human_money(currency, *amount)),
                })
            } else {
                compare_number(text, stated, *found, *amount, *tolerance, &|v| {
                    human_money(currency, v)
                })
            }
        }
        (Expect::Ordinal(expected), Value::Ordinal(found)) => {
            compare_ordinal(text, *found, *expected)
        }
        (Expect::Anniversary(base), Value::Ordinal(found)) => {
            let Some(base_year) = base_date(context, *base).and_then(|d| d.year) else {
                return;
            };
            let reference = reference_year(context, claim, stated, base_year);
            let Ok(expected) = u64::try_from(i64::from(reference) - i64::from(base_year)) else {
                return;
            };
            compare_ordinal(text, *found, expected)
        }
        (Expect::Duration(base), Value::Number(found)) => {
            let Some(base) = base_date(context, *base) else {
                return;
            };
            let Some((mut low, high)) = years_between(context, claim, stated, base) else {
                return;
            };
            // "three decades": the number counts tens of years.
            let unit = if in_decades(context, stated) {
                10.0
            } else {
                1.0
            };
            let years = *found * unit;
            // A round number of decades stands for the years just past it ("30 years" in 2023).
            if years % 10.0 == 0.0 && years == (low - 1) as f64 {
                low -= 1;
            }
            let allowed = Interval::closed(low as f64 / unit, high as f64 / unit);
            let statement = stated_interval(text, stated, *found);
            if statement.meets(&allowed) {
                None
            } else {
                let best = if years < low as f64 { low } else { high };
                Some(Verdict {
                    expected: format!("{best} years"),
                    // A fix keeps the decades only when the years make whole ones.
                    replacement: (best as f64 % unit == 0.0)
                        .then(|| restyle_number(text, *found, best as f64 / unit))
                        .flatten(),
                })
            }
        }
        _ => None,
    };
    let Some(verdict) = verdict else { return };
    // "Relations were not established in 1993" denies the wrong value.
    if super::polarity::negation(context, claim).is_some() {
        return;
    }
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
        stated.span,
        verdict.expected,
        verdict.replacement,
        labels,
        fact.source,
    ));
}

/// Whether the number `stated` counts decades ("three decades", "two decades of ties").
fn in_decades(context: &Context<'_, '_>, stated: &Extracted) -> bool {
    let after = context
        .document
        .prose
        .get(stated.span.end..)
        .unwrap_or("")
        .trim_start();
    super::starts_with_any(after, &["decades", "decade"]).is_some()
}

struct Verdict {
    expected: String,
    replacement: Option<String>,
}

/// `document_year` dates a weekday the text names when neither date has a year.
fn compare_date(
    text: &str,
    found: PartialDate,
    expected: PartialDate,
    document_year: Option<i32>,
) -> Option<Verdict> {
    let differs = |a: Option<u8>, b: Option<u8>| matches!((a, b), (Some(a), Some(b)) if a != b);
    let year_differs = matches!((found.year, expected.year), (Some(a), Some(b)) if a != b);
    let comparable = (found.year.is_some() && expected.year.is_some())
        || (found.month.is_some() && expected.month.is_some());
    if !comparable
        || !(year_differs
            || differs(found.month, expected.month)
            || differs(found.day, expected.day))
    {
        return None;
    }
    // A stated month without a day cannot contradict the day.
    let year = expected.year.or(found.year).or(document_year);
    let replacement = restyle_date(text, found, expected).map(|rewritten| {
        match (year, expected.month, expected.day) {
            (Some(year), Some(month), Some(day)) => fix_weekday(&rewritten, year, month, day),
            _ => rewritten,
        }
    });
    Some(Verdict {
        expected: replacement.clone().unwrap_or_else(|| human_date(expected)),
        replacement,
    })
}

fn compare_number(
    text: &str,
    stated: &Extracted,
    found: f64,
    expected: f64,
    tolerance: Tolerance,
    plain: &dyn Fn(f64) -> String,
) -> Option<Verdict> {
    let allowed = expected_interval(expected, tolerance);
    if stated_interval(text, stated, found).meets(&allowed) {
        return None;
    }
    let replacement = restyle_number(text, found, expected);
    let shown = replacement.clone().unwrap_or_else(|| plain(expected));
    let expected = if tolerance == Tolerance::Exact {
        shown
    } else {
        format!("about {shown}")
    };
    Some(Verdict {
        expected,
        replacement,
    })
}

fn compare_ordinal(text: &str, found: u64, expected: u64) -> Option<Verdict> {
    (found != expected).then(|| {
        let replacement = restyle_ordinal(text, expected);
        Verdict {
            expected: replacement.clone(),
            replacement: Some(replacement),
        }
    })
}

/// A day-and-month fact bound to an event that lies within one year takes the event's year,
/// so that "17 July 2014" is wrong for a meeting of the July 2013 visit.
fn event_year(context: &Context<'_, '_>, fact: &Fact, expected: PartialDate) -> PartialDate {
    if expected.year.is_some() {
        return expected;
    }
    let event = fact.event.and_then(|event| context.rules.events.get(event));
    let years = event.and_then(|event| Some((event.from?.year?, event.to.or(event.from)?.year?)));
    match years {
        Some((first, last)) if first == last => PartialDate {
            year: Some(first),
            ..expected
        },
        _ => expected,
    }
}

/// The date of the dated fact a derived fact counts from.
fn base_date(context: &Context<'_, '_>, base: usize) -> Option<PartialDate> {
    match context
        .rules
        .facts
        .get(base)
        .map(|fact: &Fact| &fact.expect)
    {
        Some(Expect::Date(date)) => Some(*date),
        _ => None,
    }
}

/// The year an anniversary is counted to: a later year the sentence names, else the draft's.
fn reference_year(
    context: &Context<'_, '_>,
    claim: &Claim,
    stated: &Extracted,
    base_year: i32,
) -> i32 {
    let sentence = context.document.sentences[claim.sentence].span;
    let text = context.document.prose_of(sentence);
    // A year after a cue of the base fact, in its clause, is the base fact's own (right or
    // wrong): "twenty years since diplomatic relations were established in 1993". A base cue
    // inside this fact's cue ("anniversary of diplomatic relations in 2012") is not one.
    let base = match context.rules.facts.get(claim.fact).map(|fact| &fact.expect) {
        Some(Expect::Anniversary(base) | Expect::Duration(base)) => Some(*base),
        _ => None,
    };
    let base_cues: Vec<crate::span::Span> = context
        .hits_in(sentence)
        .iter()
        .filter(|hit| {
            base.is_some_and(|base| hit.meaning == Meaning::Cue(base))
                && !claim.cue.contains(hit.span)
        })
        .map(|hit| hit.span)
        .collect();
    let of_base = |at: usize| {
        base_cues.iter().any(|cue| {
            cue.end <= at
                && !context
                    .document
                    .prose_of(crate::span::Span::new(cue.end, at))
                    .contains([',', ';', ':'])
        })
    };
    years_in(text)
        .into_iter()
        .filter(|(at, year)| {
            *year > base_year
                && !of_base(sentence.start + at)
                && !stated.span.contains(crate::span::Span::new(
                    sentence.start + at,
                    sentence.start + at + 4,
                ))
        })
        .map(|(_, year)| year)
        .max()
        .or_else(|| year_before(context, claim.sentence, text))
        .or_else(|| {
            // "21 years ago" stated as the duration itself shifts nothing.
            let own = stated.span.start.saturating_sub(sentence.start)
                ..stated.span.end.saturating_sub(sentence.start);
            Some(context.date.year? + relative_year(text, own))
        })
        .unwrap_or(base_year)
}

/// The year "the same year" or "that year" refers to: the last year the sentence before
/// names, in the same block.
fn year_before(context: &Context<'_, '_>, index: usize, text: &str) -> Option<i32> {
    let lower = text.to_lowercase();
    if !["the same year", "that year", "that same year"]
        .iter()
        .any(|phrase| lower.contains(phrase))
    {
        return None;
    }
    let sentences = &context.document.sentences;
    let (current, previous) = (sentences.get(index)?, sentences.get(index.checked_sub(1)?)?);
    if current.block != previous.block {
        return None;
    }
    years_in(context.document.prose_of(previous.span))
        .last()
        .map(|&(_, year)| year)
}

/// The year a sentence speaks of relative to the document's: "last year" is −1, "two years
/// ago" −2, "a decade ago" −10, "next year" +1, otherwise 0.
fn relative_year(sentence: &str, own: std::ops::Range<usize>) -> i32 {
    const COUNTS: &[&str] = &[
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    let lower = sentence.to_lowercase();
    for (at, unit) in [(" years ago", 1), (" decades ago", 10), (" decade ago", 10)]
        .iter()
        .flat_map(|&(phrase, unit)| lower.match_indices(phrase).map(move |(at, _)| (at, unit)))
    {
        let count = lower[..at].rsplit(' ').next().unwrap_or("");
        if own.contains(&(at - count.len())) {
            continue;
        }
        let count = count
            .parse::<i32>()
            .ok()
            .or_else(|| {
                COUNTS
                    .iter()
                    .position(|word| *word == count)
                    .and_then(|n| i32::try_from(n).ok())
            })
            .or_else(|| matches!(count, "a" | "one").then_some(1));
        if let Some(count) = count.filter(|count| (1..=200).contains(count)) {
            return -(count * unit);
        }
    }
    if [
        "last year",
        "a year ago",
        "the previous year",
        "the year before",
    ]
    .iter()
    .any(|p| lower.contains(p))
    {
        -1
    } else if ["next year", "the coming year", "a year from now"]
        .iter()
        .any(|p| lower.contains(p))
    {
        1
    } else {
        0
    }
}

/// Whole years from `base` to the reference date, as the lowest and highest fair statement.
fn years_between(
    context: &Context<'_, '_>,
    claim: &Claim,
    stated: &Extracted,
    base: PartialDate,
) -> Option<(i64, i64)> {
    let base_year = base.year?;
    let reference = reference_year(context, claim, stated, base_year);
    if Some(reference) != context.date.year {
        // Only a year is known: the anniversary may or may not have passed.
        let years = i64::from(reference - base_year);
        return Some(((years - 1).max(0), years));
    }
    // Completed years on the document date.
    let date = context.date;
    let mut years = i64::from(date.year? - base_year);
    if (date.month, date.day) < (base.month, base.day) {
        years -= 1;
    }
    Some((years.max(0), years.max(0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_meet_with_open_ends() {
        let about_twenty = expected_interval(20.0, Tolerance::Approx);
        let more_than_twenty = Interval {
            low: 20.0,
            high: f64::INFINITY,
            low_open: true,
            high_open: false,
        };
        assert!(more_than_twenty.meets(&about_twenty));
        assert!(!Interval::point(30.0).meets(&about_twenty));
        assert!(!more_than_twenty.meets(&Interval::point(20.0)));
    }

    #[test]
    fn rounding_follows_the_written_digits() {
        assert_eq!(rounding("$1.5 billion", 1.5e9), 0.05e9);
        assert_eq!(rounding("1,500 million dollars", 1.5e9), 0.5e6);
        assert_eq!(rounding("20", 20.0), 0.0);
        assert_eq!(rounding("1 200 million US dollars", 1.2e9), 0.5e6);
    }
}
