//! Values in English prose: dates, numbers, money, percentages, ordinals and their hedges.
//!
//! [`extract`] reads a `&str` (a whole document or one sentence) and returns every value it
//! states, sorted and non-overlapping, with byte spans relative to that `&str`. It never looks
//! outside the text it is given, does no IO, and no input makes it panic.
//!
//! One file a kind, each documenting the forms it reads and the policies it follows: dates and
//! the numeric-date order in `date.rs`, numbers in `number.rs`, money and currencies in
//! `money.rs`, percentages in `percent.rs`, ordinals in `ordinal.rs`, hedges in `hedge.rs`, and
//! the digits that are not quantities (times, identifiers, labels, phone numbers, decades) in
//! `identifier.rs`. All of them read the tokens of `scan.rs`, made in one pass over the text.
//!
//! Each value carries the hedge written before it ("about", "more than", "~") as a [`Hedge`],
//! and [`Extracted::interval`] turns value and hedge into the interval the statement allows.
//! Ranges ("10-20", "between $1 and $2 billion", "from 10 to 20") give two values, each with
//! [`Hedge::Range`] and both bounds; the ends share a scale, a currency or a percent sign.
//! Day ranges ("16–17 July 2013", "5 to 10 May") and year ranges ("1992-1995") give two dates.
//!
//! Texts over 32 KiB are read in pieces cut after a blank line or a sentence end, so that the
//! token buffer stays small; spans are always relative to the whole text.
//!
//! # Example
//!
//! ```
//! use factlint::extract::{extract, Hedge};
//!
//! let values = extract("Trade reached about $1.5 billion on 20 January 1992.");
//! let forms: Vec<String> = values.iter().map(|value| value.value.form()).collect();
//! assert_eq!(forms, ["USD 1500000000", "1992-01-20"]);
//! assert_eq!(values[0].hedge, Some(Hedge::About));
//! ```

mod date;
mod hedge;
mod identifier;
mod money;
mod number;
mod ordinal;
mod percent;
mod scan;

use crate::span::Span;
use crate::value::{PartialDate, format_decimal};
use scan::{Kind, Lex, Scan};
use serde::Serialize;

/// How the extractor reads what prose leaves open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Which of two numbers comes first in an all-digit date when both orders are possible.
    pub date_order: DateOrder,
    /// The ISO code `$` and "dollars" stand for ("USD" by default).
    pub dollar: String,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            date_order: DateOrder::DayFirst,
            dollar: "USD".to_string(),
        }
    }
}

/// The order tried first for all-digit dates; the other order is tried when the first gives
/// an impossible date.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DateOrder {
    /// "05/07/2013" is 5 July 2013.
    #[default]
    DayFirst,
    /// "05/07/2013" is 7 May 2013.
    MonthFirst,
}

/// The kind of a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ValueKind {
    Date,
    Number,
    Money,
    Percent,
    Ordinal,
}

impl ValueKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            ValueKind::Date => "date",
            ValueKind::Number => "number",
            ValueKind::Money => "money",
            ValueKind::Percent => "percent",
            ValueKind::Ordinal => "ordinal",
        }
    }
}

/// A value stated in prose.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Date(PartialDate),
    Number(f64),
    Money { currency: String, amount: f64 },
    Percent(f64),
    Ordinal(u64),
}

impl Value {
    pub fn kind(&self) -> ValueKind {
        match self {
            Value::Date(_) => ValueKind::Date,
            Value::Number(_) => ValueKind::Number,
            Value::Money { .. } => ValueKind::Money,
            Value::Percent(_) => ValueKind::Percent,
            Value::Ordinal(_) => ValueKind::Ordinal,
        }
    }

    /// The value form of the JSON contract: `1992-01-20`, `--07-16`, `1500000000`,
    /// `USD 1500000000`, `12.5`, `21`.
    pub fn form(&self) -> String {
        match self {
            Value::Date(date) => date.to_string(),
            Value::Number(number) => format_decimal(*number),
            Value::Money { currency, amount } => format!("{currency} {}", format_decimal(*amount)),
            Value::Percent(percent) => format_decimal(*percent),
            Value::Ordinal(ordinal) => ordinal.to_string(),
        }
    }

    /// The number this value states, for every kind but dates.
    pub fn number(&self) -> Option<f64> {
        match self {
            Value::Date(_) => None,
            Value::Number(number) | Value::Percent(number) => Some(*number),
            Value::Money { amount, .. } => Some(*amount),
            Value::Ordinal(ordinal) => Some(*ordinal as f64),
        }
    }
}

/// How a hedge widens a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Hedge {
    /// about, around, some, approximately, roughly, circa, ~
    About,
    /// over, more than, above, exceeding
    Over,
    /// at least, no less than
    AtLeast,
    /// under, less than, below
    Under,
    /// up to, no more than, at most
    AtMost,
    /// nearly, almost, close to
    Nearly,
    /// one end of a range: "between 10 and 20", "10-20", "from 10 to 20"
    Range,
}

/// One value found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Extracted {
    /// The value's own text (without the hedge words), as byte offsets into the input.
    pub span: Span,
    pub value: Value,
    pub hedge: Option<Hedge>,
    /// The hedge as written, lowercased: "about", "more than", "~", "between", "-".
    pub hedge_text: Option<String>,
    pub hedge_span: Option<Span>,
    /// For the ends of a range: both ends' values, low first.
    pub bounds: Option<(f64, f64)>,
}

impl Extracted {
    /// The closed interval of numbers this statement allows, for numbers, money, percentages
    /// and ordinals: exact → (v, v); about → (0.9v, 1.1v) (±2 % for a precise number such as
    /// 171); nearly → (0.9v, v); over →
    /// (v, +inf) (open at v); at least → [v, +inf); under → (-inf, v) (open at v); at most →
    /// (-inf, v]; a range → its bounds. Dates → `None`.
    pub fn interval(&self) -> Option<(f64, f64)> {
        let value = self.value.number()?;
        let ordered = |a: f64, b: f64| if a <= b { (a, b) } else { (b, a) };
        // A round number hedged is loose ("about 20", "some 170"); a precise one is not
        // ("some 171" is not 175): ±2 % instead of ±10 %.
        let width = if precise(value) { 0.02 } else { 0.1 };
        Some(match self.hedge {
            None => (value, value),
            Some(Hedge::About) => ordered((1.0 - width) * value, (1.0 + width) * value),
            Some(Hedge::Nearly) => ordered((1.0 - width) * value, value),
            Some(Hedge::Over | Hedge::AtLeast) => (value, f64::INFINITY),
            Some(Hedge::Under | Hedge::AtMost) => (f64::NEG_INFINITY, value),
            Some(Hedge::Range) => self.bounds.unwrap_or((value, value)),
        })
    }
}

/// Whether a number is written precisely: its last significant digit is not 0 or 5, and it
/// has two significant digits or more and is 20 or more (or has decimals): 171, 12.7, 23 —
/// not 170, 12.5, 1.5 billion or 11.
fn precise(value: f64) -> bool {
    let digits = format_decimal(value.abs());
    let significant = digits.replace('.', "");
    let significant = significant.trim_start_matches('0').trim_end_matches('0');
    let decimals = digits.contains('.');
    significant.len() >= 2 && (value.abs() >= 20.0 || decimals) && !digits.ends_with(['0', '5'])
}

/// Every value in `text`, with the default [`Options`].
pub fn extract(text: &str) -> Vec<Extracted> {
    extract_with(text, &Options::default())
}

/// Texts longer than this are read in pieces cut between sentences, so that the tokens of one
/// piece stay small and memory does not grow with the document.
const PIECE_LEN: usize = 32 * 1024;

/// Token buffers up to this many tokens are kept between calls on the same thread, so that
/// the engine, which calls [`extract_with`] once per sentence, does not allocate one each
/// time; bigger ones are freed, so that one long text does not hold memory.
const KEPT_TOKENS: usize = 4096;

thread_local! {
    static TOKENS: std::cell::Cell<Vec<scan::Token>> = const { std::cell::Cell::new(Vec::new()) };
}

/// Every value in `text`, sorted by start and non-overlapping.
pub fn extract_with(text: &str, options: &Options) -> Vec<Extracted> {
    let mut found = Vec::new();
    // `try_with` fails only while the thread is being torn down: a new buffer then.
    let mut tokens = TOKENS.try_with(std::cell::Cell::take).unwrap_or_default();
    let mut start = 0;
    while start < text.len() {
        let end = piece_end(text, start);
        let piece = text.get(start..end).unwrap_or("");
        let first_new = found.len();
        tokens = extract_piece(piece, options, &mut found, tokens);
        for value in &mut found[first_new..] {
            value.span = value.span.shift(start);
            value.hedge_span = value.hedge_span.map(|span| span.shift(start));
        }
        start = end;
    }
    if tokens.capacity() <= KEPT_TOKENS {
        tokens.clear();
        let _ = TOKENS.try_with(|cell| cell.set(tokens));
    }
    found
}

/// Where the piece that starts at `start` ends: after a blank line or after a full stop,
/// question or exclamation mark followed by a space and a capital letter, once the piece is
/// `PIECE_LEN` long; the text's end when there is no such place.
fn piece_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = start.saturating_add(PIECE_LEN);
    while at + 2 < bytes.len() {
        let (a, b, c) = (bytes[at], bytes[at + 1], bytes[at + 2]);
        if (a == b'\n' && b == b'\n')
            || (matches!(a, b'.' | b'?' | b'!') && b == b' ' && c.is_ascii_uppercase())
        {
            return at + 2;
        }
        at += 1;
    }
    text.len()
}

/// Read one piece into `found`; returns the token buffer for the next piece.
fn extract_piece(
    text: &str,
    options: &Options,
    found: &mut Vec<Extracted>,
    tokens: Vec<scan::Token>,
) -> Vec<scan::Token> {
    let scan = Scan::with_buffer(text, tokens);
    let found_before = found.len();
    let mut index = 0;
    while index < scan.len() {
        if !may_start_value(&scan.tokens, index) {
            index += 1;
            continue;
        }
        let hedge = hedge::read_hedge(&scan, index);
        if let Some(hedge) = hedge
            && may_start_value(&scan.tokens, hedge.end)
            && let Some(next) =
                read_value(&scan, hedge.end, Some(hedge), options, found, found_before)
        {
            index = next.max(index + 1);
            continue;
        }
        // A hedge word ("about", "in") or sign ("~") is no value itself.
        if hedge_but_no_code(&scan.tokens, index) {
            index += 1;
            continue;
        }
        index = match read_value(&scan, index, None, options, found, found_before) {
            Some(next) => next.max(index + 1),
            None => index + 1,
        };
    }
    share_range_years(text, &mut found[found_before..]);
    scan.into_buffer()
}

/// The two ends of a range across months share the year the text gives one of them: "30
/// November – 12 December 2015", "from 30 November to 12 December 2015", "30 December 2015
/// to 2 January" (a year on when the months wrap).
fn share_range_years(text: &str, values: &mut [Extracted]) {
    const JOINS: &[&str] = &["-", "–", "—", "to", "until", "till", "through", "and"];
    for at in 1..values.len() {
        let (before, after) = values.split_at_mut(at);
        let (first, second) = (&mut before[at - 1], &mut after[0]);
        let (Value::Date(start), Value::Date(end)) = (&mut first.value, &mut second.value) else {
            continue;
        };
        let joined = text
            .get(first.span.end..second.span.start)
            .is_some_and(|between| JOINS.contains(&between.trim()));
        let (Some(start_month), Some(end_month)) = (start.month, end.month) else {
            continue;
        };
        if !joined || start.day.is_none() || end.day.is_none() {
            continue;
        }
        let wraps = i32::from(start_month > end_month);
        match (start.year, end.year) {
            (None, Some(year)) => start.year = Some(year - wraps),
            (Some(year), None) => end.year = Some(year + wraps),
            _ => {}
        }
    }
}

/// Flags of a word that may be a currency code or a dollar prefix ("EUR", "US$", "A$").
const CODE_LIKE: u8 = scan::UPPER_CODE | scan::BEFORE_DOLLAR;

/// A quick filter: tokens that start no value, no hedge and no skipped run are passed over at
/// once. Exact in one direction: where it says no, [`hedge::read_hedge`] and [`read_value`]
/// read nothing (each case below names the reader it stands for), so that it may also be asked
/// about the token after a hedge.
#[inline(always)]
fn may_start_value(tokens: &[scan::Token], index: usize) -> bool {
    let Some(token) = tokens.get(index) else {
        return false;
    };
    let next = tokens.get(index + 1);
    let next_lex = next.map_or(Lex::Other, |next| next.lex);
    match token.kind {
        Kind::Opaque => false,
        Kind::Digits => true,
        Kind::Symbol(symbol) => match symbol {
            // hedges; phone numbers, "#5", "'90s"; the dollar
            '~' | '≈' | '+' | '#' | '\'' | '’' | '$' => true,
            // a sign or a decimal point: "-5", "−.5", ".77"
            '-' | '−' | '.' => {
                next.is_some_and(|next| matches!(next.kind, Kind::Digits | Kind::Symbol('.')))
            }
            _ => !symbol.is_ascii() && money::is_currency_symbol(symbol),
        },
        Kind::Word => {
            token.flags & CODE_LIKE != 0
                || match token.lex {
                    Lex::Cardinal(_)
                    | Lex::Ordinal(_)
                    | Lex::Month(_)
                    | Lex::Weekday
                    | Lex::CurrencyFamily(_)
                    | Lex::CurrencyAdjective(_)
                    | Lex::CurrencyPrefix(_)
                    | Lex::Minus
                    | Lex::Point
                    | Lex::Half
                    | Lex::Hedge(_) => true,
                    // "the 20th of January", "the twenty-first of May"
                    Lex::The => {
                        next.is_some_and(|next| next.kind == Kind::Digits)
                            || matches!(next_lex, Lex::Ordinal(_) | Lex::Cardinal(_))
                    }
                    // "a few", "a dollar", "a million", "a dozen", "a couple", "a quarter
                    // of a million", "a third of a billion"
                    Lex::Article => matches!(
                        next_lex,
                        Lex::Few
                            | Lex::Quarter
                            | Lex::Half
                            | Lex::Ordinal(_)
                            | Lex::Dollar
                            | Lex::Currency(_)
                            | Lex::CurrencyFamily(_)
                            | Lex::CurrencyAdjective(_)
                            | Lex::Scale(_)
                            | Lex::Dozen
                            | Lex::Couple
                    ),
                    // Plain words, and words that follow a number but start none, start a
                    // value only as a currency code or dollar prefix (`CODE_LIKE`).
                    Lex::Other
                    | Lex::Scale(_)
                    | Lex::ScaleAbbreviation(_)
                    | Lex::Currency(_)
                    | Lex::Dollar
                    | Lex::MinorUnit
                    | Lex::Dozen
                    | Lex::Quarter
                    | Lex::Couple
                    | Lex::Few => false,
                }
        }
    }
}

/// Whether token `index` is a hedge word or "~", "≈" that cannot also be a currency code: it
/// is no value itself.
fn hedge_but_no_code(tokens: &[scan::Token], index: usize) -> bool {
    tokens.get(index).is_some_and(|token| {
        (matches!(token.lex, Lex::Hedge(_)) || matches!(token.kind, Kind::Symbol('~' | '≈')))
            && token.flags & CODE_LIKE == 0
    })
}

/// A number-like value before range sharing: its kind, number, currency and scale.
#[derive(Clone, Copy, Debug)]
struct Amount<'o> {
    kind: ValueKind,
    value: f64,
    currency: Option<&'o str>,
    scale: f64,
    start: usize,
    end: usize,
}

impl Amount<'_> {
    fn into_value(self) -> Value {
        match self.kind {
            ValueKind::Money => Value::Money {
                currency: self.currency.unwrap_or("USD").to_string(),
                amount: self.value,
            },
            ValueKind::Percent => Value::Percent(self.value),
            ValueKind::Ordinal => Value::Ordinal(self.value as u64),
            ValueKind::Number | ValueKind::Date => Value::Number(self.value),
        }
    }
}

fn read_amount<'o>(scan: &Scan, index: usize, options: &'o Options) -> Option<Amount<'o>> {
    let money = |found: money::MoneyMatch<'o>| Amount {
        kind: ValueKind::Money,
        value: found.amount,
        currency: Some(found.currency),
        scale: found.quantity.scale,
        start: found.start,
        end: found.end,
    };
    if let Some(found) = money::read_money_with_prefix(scan, index, options) {
        return Some(money(found));
    }
    if let Some((ordinal, end)) = ordinal::read_ordinal(scan, index) {
        return Some(Amount {
            kind: ValueKind::Ordinal,
            value: ordinal as f64,
            currency: None,
            scale: 1.0,
            start: index,
            end,
        });
    }
    let quantity = number::read_quantity(scan, index, true)?;
    if let Some(found) = money::money_after(scan, quantity, options) {
        return Some(money(found));
    }
    // A lowercase "m" glued to the digits is million only in money; read it again without.
    let quantity = if quantity.end > 0
        && scan.kind(quantity.end - 1) == Some(Kind::Word)
        && scan.str(quantity.end - 1) == "m"
    {
        number::read_quantity(scan, index, false)?
    } else {
        quantity
    };
    if let Some(end) = percent::percent_suffix(scan, quantity.end) {
        return Some(Amount {
            kind: ValueKind::Percent,
            value: quantity.value,
            currency: None,
            scale: quantity.scale,
            start: quantity.start,
            end,
        });
    }
    Some(Amount {
        kind: ValueKind::Number,
        value: quantity.value,
        currency: None,
        scale: quantity.scale,
        start: quantity.start,
        end: quantity.end,
    })
}

fn token_span(scan: &Scan, start: usize, end: usize) -> Span {
    let end_byte = if end > start {
        scan.end(end - 1)
    } else {
        scan.start(start)
    };
    Span::new(scan.start(start), end_byte)
}

/// Read a value (or a skipped identifier) at token `index`; push what was found and return the
/// token after it. `None` when nothing starts there.
fn read_value(
    scan: &Scan,
    index: usize,
    hedge: Option<hedge::HedgeMatch>,
    options: &Options,
    found: &mut Vec<Extracted>,
    found_before: usize,
) -> Option<usize> {
    let after_date = index >= 2
        && found.len() > found_before
        && found.last().is_some_and(|last| {
            matches!(last.value, Value::Date(_)) && last.span.end == scan.end(index - 2)
        });
    if let Some(dates) = date::read_date(scan, index, options.date_order, after_date) {
        let (first, first_start, first_end) = dates.first;
        match dates.second {
            None => found.push(plain(
                token_span(scan, first_start, first_end),
                Value::Date(first),
            )),
            Some((second, second_start, second_end)) => {
                let separator = Span::new(scan.end(first_end - 1), scan.start(second_start));
                for (date, start, end) in [
                    (first, first_start, first_end),
                    (second, second_start, second_end),
                ] {
                    found.push(Extracted {
                        span: token_span(scan, start, end),
                        value: Value::Date(date),
                        hedge: Some(Hedge::Range),
                        hedge_text: scan
                            .text
                            .get(separator.range())
                            .map(|text| text.trim().to_lowercase()),
                        hedge_span: Some(separator),
                        bounds: None,
                    });
                }
            }
        }
        return Some(dates.end);
    }
    if let Some(end) = identifier::skip_at(scan, index) {
        return Some(end);
    }
    // "a few": about three.
    if scan.lex(index) == Lex::Article && scan.lex(index + 1) == Lex::Few {
        let span = token_span(scan, index, index + 2);
        found.push(Extracted {
            span,
            value: Value::Number(3.0),
            hedge: Some(Hedge::About),
            hedge_text: Some("a few".to_string()),
            hedge_span: Some(span),
            bounds: None,
        });
        return Some(index + 2);
    }
    let first = read_amount(scan, index, options)?;
    // A range: "10-20", "10 to 20", "between 10 and 20", "from 10 to 20".
    let range_opener = hedge.filter(|hedge| hedge.hedge == Hedge::Range);
    let separator = first.end;
    let separator_fits = match range_opener {
        Some(opener) if scan.is_word(opener.start, "between") => scan.is_word(separator, "and"),
        Some(_) => scan.is_word(separator, "to") || scan.is_dash(separator),
        None => scan.is_word(separator, "to") || scan.is_dash(separator),
    };
    let range_text = |scan: &Scan| match range_opener {
        Some(opener) => (
            hedge::hedge_text(scan, &opener),
            token_span(scan, opener.start, opener.end),
        ),
        None => (
            scan.str(separator).to_lowercase(),
            token_span(scan, separator, separator + 1),
        ),
    };
    // A date after the separator: "5 to 10 May" is two dates; otherwise the date is left to be
    // read on its own ("20 to 16 July 2013" is a number and a date).
    let date_after = separator_fits
        .then(|| date::read_date(scan, separator + 1, options.date_order, false))
        .flatten();
    if let Some(dates) = date_after {
        let (last, last_start, last_end) = dates.first;
        let first_day = (first.kind == ValueKind::Number
            && first.value.fract() == 0.0
            && dates.second.is_none())
        .then(|| u8::try_from(first.value as i64).ok())
        .flatten()
        .filter(|day| last.day.is_some_and(|last_day| *day < last_day))
        .and_then(|day| PartialDate::try_new(last.year, last.month, Some(day)));
        if let Some(first_date) = first_day {
            let (hedge_text, hedge_span) = range_text(scan);
            for (date, start, end) in [
                (first_date, first.start, first.end),
                (last, last_start, last_end),
            ] {
                found.push(Extracted {
                    span: token_span(scan, start, end),
                    value: Value::Date(date),
                    hedge: Some(Hedge::Range),
                    hedge_text: Some(hedge_text.clone()),
                    hedge_span: Some(hedge_span),
                    bounds: None,
                });
            }
            return Some(dates.end);
        }
    }
    if separator_fits
        && date_after.is_none()
        && first.kind != ValueKind::Ordinal
        && let Some(second) = read_amount(scan, separator + 1, options)
        && second.kind != ValueKind::Ordinal
        && let Some((low, high)) = join_range(first, second, range_opener.is_some())
    {
        let (hedge_text, hedge_span) = range_text(scan);
        let bounds = (low.value.min(high.value), low.value.max(high.value));
        for end in [low, high] {
            found.push(Extracted {
                span: token_span(scan, end.start, end.end),
                value: end.into_value(),
                hedge: Some(Hedge::Range),
                hedge_text: Some(hedge_text.clone()),
                hedge_span: Some(hedge_span),
                bounds: Some(bounds),
            });
        }
        return Some(high.end);
    }
    let hedge =
        hedge.filter(|hedge| hedge.hedge != Hedge::Range && first.kind != ValueKind::Ordinal);
    // "2,000-plus", "2,000+": a lower bound written after the value.
    let suffix = (first.kind != ValueKind::Ordinal)
        .then(|| hedge::read_plus_suffix(scan, first.end))
        .flatten();
    found.push(Extracted {
        span: token_span(scan, first.start, first.end),
        value: first.into_value(),
        hedge: hedge.or(suffix).map(|hedge| hedge.hedge),
        hedge_text: hedge
            .or(suffix)
            .map(|hedge| hedge::hedge_text(scan, &hedge)),
        hedge_span: hedge
            .or(suffix)
            .map(|hedge| token_span(scan, hedge.start, hedge.end)),
        bounds: None,
    });
    Some(suffix.map_or(first.end, |suffix| suffix.end))
}

/// Share currency, percent and scale between the ends of a range ("$1-2 billion" is
/// USD 1e9 to USD 2e9). `None` when the two cannot be one range.
fn join_range<'o>(
    mut low: Amount<'o>,
    mut high: Amount<'o>,
    opened: bool,
) -> Option<(Amount<'o>, Amount<'o>)> {
    if low.kind == ValueKind::Money
        && high.kind == ValueKind::Money
        && low.currency != high.currency
    {
        return None;
    }
    let raw_low = low.value / low.scale;
    let raw_high = high.value / high.scale;
    if low.scale == 1.0 && high.scale > 1.0 && raw_low <= raw_high {
        low.value *= high.scale;
        low.scale = high.scale;
    }
    match (low.kind, high.kind) {
        (ValueKind::Number, ValueKind::Money | ValueKind::Percent) => {
            low.kind = high.kind;
            low.currency = high.currency;
        }
        (ValueKind::Money | ValueKind::Percent, ValueKind::Number) => {
            high.kind = low.kind;
            high.currency = low.currency;
        }
        (a, b) if a == b => {}
        _ => return None,
    }
    if !opened && low.value > high.value {
        return None;
    }
    Some((low, high))
}

fn plain(span: Span, value: Value) -> Extracted {
    Extracted {
        span,
        value,
        hedge: None,
        hedge_text: None,
        hedge_span: None,
        bounds: None,
    }
}

#[cfg(test)]
mod tests;
