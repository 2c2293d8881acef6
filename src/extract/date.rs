//! Dates. Forms read:
//!
//! - day first: "20 January 1992", "20th of January, 1992", "the 20th of January", "Jan 20",
//!   "third day of October", "14april 2015", "31/Oct/1974", "31-Oct-74";
//! - month first: "January 20, 1992", "Jan. 20 1992", "March third 2015", "February the 15th";
//! - a weekday before or after: "Monday, 20 January 1992", "Tuesday the 16th of July",
//!   "Jul 18, Fri";
//! - month and year: "January 1992", "January of 1992" (and "the 5th of May of 2015");
//! - day ranges sharing a month and year: "16–17 July 2013", "July 16-17, 2013" (two dates);
//! - all-digit: "1992-01-20", "2015-3-3", "20.01.1992", "20/01/1992", "01/20/1992",
//!   "31 10 1974", two-digit years ("31/10/74": 00–49 → 20xx, 50–99 → 19xx), and yearless
//!   "15/2" or "2/15";
//! - a bare year, 1000–2999, only where the words around make it a year: after "in", "since",
//!   "by", "of", "until", "from", "year", "early", "late", "mid", "summer" and the like or a
//!   quarter or half ("Q3 2013", "H1 2014"), or in a year range ("1992-1995", "1992–95", "from
//!   1992 to 1995", and a season or fiscal year "2013/14", which is two years). A year
//!   followed by a scale, a currency or a percent ("in 1992 dollars") is left to the number
//!   readers; other units are not checked, so "in 1992 tons" still reads as the year 1992;
//! - a clipped year after an apostrophe where such a word comes before it ("the class of
//!   '92", "in ’05") or after a day and month ("Jan 20 '92"): 00–49 → 20xx, 50–99 → 19xx;
//! - "July the 23rd" is a date, but not before "anniversary", "time", "round" and the like
//!   ("This July the 23rd anniversary …" counts the anniversary);
//! - "mid-July 2013", "early March 2014": the month and year (the day is not known), read from
//!   the month on; "in the summer of 2013" gives the year only.
//!
//! Numeric order policy ([`DateOrder`]): day first unless that date is impossible, then month
//! first (`DateOrder::MonthFirst` swaps the two). "1/2", "3/4" and other slashed pairs with a
//! smaller first number and a second number up to 4 are fractions, not dates. A hyphenated pair
//! without a year ("15-2") is a date only when the first number cannot be a month (over 12);
//! otherwise ("2-15", "10-20") it is a numeric range. A dotted pair ("1.5") is a decimal.
//! "May" is a month only when capitalised.

use super::DateOrder;
use super::scan::{Kind, Lex, Scan, YEAR_CONTEXT};
use crate::value::PartialDate;

/// One or two dates (a day range) read from tokens, with their token ranges.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct DateMatch {
    pub first: (PartialDate, usize, usize),
    pub second: Option<(PartialDate, usize, usize)>,
    /// The token after the whole match.
    pub end: usize,
}

/// Words after which a bare four-digit number is a year.
pub(crate) const YEAR_CONTEXT_WORDS: &[&str] = &[
    "in",
    "since",
    "by",
    "of",
    "until",
    "till",
    "from",
    "year",
    "years",
    "early",
    "late",
    "mid",
    "before",
    "after",
    "during",
    "circa",
    "between",
    "through",
    "throughout",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Read a date starting at token `index`. `after_date` says a date ended just before a
/// linking word ("to", "and") at `index - 1`, so that a bare year here continues a range.
pub(crate) fn read_date(
    scan: &Scan,
    index: usize,
    order: DateOrder,
    after_date: bool,
) -> Option<DateMatch> {
    let token = scan.token(index)?;
    match (token.kind, token.lex) {
        (Kind::Word, Lex::Weekday) => {
            let mut next = index + 1;
            if scan.is_symbol(next, '.') && scan.attached(next) {
                next += 1;
            }
            if scan.is_symbol(next, ',') {
                next += 1;
            }
            let mut found = read_day_first(scan, next).or_else(|| read_month_first(scan, next))?;
            found.first.1 = index;
            Some(found)
        }
        (Kind::Word, Lex::Month(_)) => read_month_first(scan, index),
        (Kind::Word, Lex::The | Lex::Ordinal(_) | Lex::Cardinal(20..=30)) => {
            read_day_first(scan, index)
        }
        (Kind::Digits, _) => read_numeric(scan, index, order)
            .or_else(|| read_day_first(scan, index))
            .or_else(|| read_bare_year(scan, index, after_date)),
        (Kind::Symbol('\'' | '’'), _) => read_clipped_year(scan, index),
        _ => None,
    }
}

/// "'92", "’05" where the word before makes it a year ("of '92", "in ’05", "July '92"); 00–49
/// are 20xx, 50–99 19xx. Without such a word an apostrophe before digits may open a quote
/// ("'20 people died'"), so nothing is read.
fn read_clipped_year(scan: &Scan, index: usize) -> Option<DateMatch> {
    if index == 0
        || !(scan.has_flag(index - 1, YEAR_CONTEXT) || matches!(scan.lex(index - 1), Lex::Month(_)))
    {
        return None;
    }
    let year = clipped_year(scan, index)?;
    Some(single(PartialDate::y(year), index, index + 2))
}

/// A day of the month: "20", "20th", "twentieth", "twenty-first". Returns the day and end.
fn read_day(scan: &Scan, index: usize) -> Option<(u8, usize)> {
    let token = scan.token(index)?;
    let (day, end) = match (token.kind, token.lex) {
        (Kind::Digits, _) => {
            if scan.digits_len(index) > 2 {
                return None;
            }
            let day = scan.digits_value(index)?;
            let next = index + 1;
            if scan.attached(next) && scan.is_any_word(next, &["st", "nd", "rd", "th"]) {
                (day, next + 1)
            } else {
                (day, next)
            }
        }
        (Kind::Word, _) => super::ordinal::read_ordinal(scan, index)?,
        _ => return None,
    };
    let day = u8::try_from(day)
        .ok()
        .filter(|day| (1..=31).contains(day))?;
    Some((day, end))
}

/// A month name at `index` ("Jan", "Jan.", "January"): the month and the end.
fn read_month(scan: &Scan, index: usize) -> Option<(u8, usize)> {
    let Lex::Month(month) = scan.lex(index) else {
        return None;
    };
    let mut end = index + 1;
    let abbreviated =
        scan.str(index).len() <= 4 && !scan.is_any_word(index, &["may", "june", "july"]);
    if abbreviated && scan.is_symbol(end, '.') && scan.attached(end) {
        end += 1;
    }
    Some((month, end))
}

/// A four-digit year standing alone after a month or day ("1992", not "1992s", "1992%").
fn read_year(scan: &Scan, index: usize) -> Option<(i32, usize)> {
    if scan.digits_len(index) != 4 || !ends_cleanly(scan, index + 1) {
        return None;
    }
    let year = i32::try_from(scan.digits_value(index)?).ok()?;
    Some((year, index + 1))
}

/// Whether a number ending before token `next` is not continued by more digits, a decimal
/// part, a glued word or a percent sign.
fn ends_cleanly(scan: &Scan, next: usize) -> bool {
    if !scan.attached(next) {
        return !matches!(
            scan.lex(next),
            Lex::Scale(_)
                | Lex::ScaleAbbreviation(_)
                | Lex::Currency(_)
                | Lex::Dollar
                | Lex::CurrencyFamily(_)
        ) && !scan.is_any_word(next, &["percent", "pct"]);
    }
    match scan.kind(next) {
        Some(Kind::Word | Kind::Digits) => false,
        Some(Kind::Symbol('%')) => false,
        // A colon starts a time only when digits follow ("18:30"); "July 18: talks" ends.
        Some(Kind::Symbol('.' | ',' | '/' | '-' | ':')) => {
            !(scan.attached(next + 1) && scan.is_digits(next + 1))
        }
        _ => true,
    }
}

/// An optional ", Friday" after a date: the new end.
fn weekday_after(scan: &Scan, end: usize) -> usize {
    if scan.is_symbol(end, ',') && scan.lex(end + 1) == Lex::Weekday {
        return end + 2;
    }
    end
}

/// An optional year after a day and month: ", 1992", " 1992" or " of 1992". Returns it and
/// the end.
fn year_after(scan: &Scan, end: usize) -> (Option<i32>, usize) {
    let at = if scan.is_symbol(end, ',') || scan.is_word(end, "of") {
        end + 1
    } else {
        end
    };
    match read_year(scan, at) {
        Some((year, year_end)) if !scan.attached(at) => (Some(year), year_end),
        _ => match clipped_year(scan, at) {
            Some(year) => (Some(year), at + 2),
            None => (None, end),
        },
    }
}

/// A clipped year at `at` after a day and month: "Jan 20 '92", "20 January ’92".
fn clipped_year(scan: &Scan, at: usize) -> Option<i32> {
    let apostrophe = matches!(scan.symbol(at), Some('\'' | '’'));
    if !apostrophe
        || scan.attached(at)
        || !scan.attached(at + 1)
        || scan.digits_len(at + 1) != 2
        || !ends_cleanly(scan, at + 2)
    {
        return None;
    }
    Some(expand_year(scan.digits_value(at + 1)?, 2))
}

/// "20 January 1992", "the 20th of January", "16–17 July 2013", "31-Oct-74", "third day of October".
fn read_day_first(scan: &Scan, index: usize) -> Option<DateMatch> {
    let mut at = index;
    if scan.lex(at) == Lex::The {
        at += 1;
    }
    // "the" is part of the date only in "the 20th of January"; in "the 17 July talks" it
    // belongs to the noun phrase, and a fix must not rewrite it.
    let mut start = at;
    let (day, day_end) = read_day(scan, at)?;
    let mut next = day_end;
    // A day range "16–17 July".
    let mut second_day = None;
    if scan.is_dash(next)
        && scan.is_digits(next + 1)
        && let Some((day_two, end_two)) = read_day(scan, next + 1)
        && day_two > day
        && read_month(scan, end_two).is_some()
    {
        second_day = Some((day_two, next + 1, end_two));
        next = end_two;
    }
    // "31-Oct-74", "31/Oct/1974"
    if second_day.is_none()
        && let Some(separator) = scan.symbol(next)
        && matches!(separator, '-' | '/' | '.')
        && scan.attached(next)
        && scan.attached(next + 1)
        && let Some((month, month_end)) = read_month(scan, next + 1)
        && scan.is_symbol(month_end, separator)
        && scan.attached(month_end)
        && scan.attached(month_end + 1)
    {
        let year_len = scan.digits_len(month_end + 1);
        if (year_len == 2 || year_len == 4) && ends_cleanly(scan, month_end + 2) {
            let year = expand_year(scan.digits_value(month_end + 1)?, year_len);
            let date = PartialDate::try_new(Some(year), Some(month), Some(day))?;
            return Some(single(date, start, month_end + 2));
        }
    }
    if scan.is_word(next, "day") && scan.is_word(next + 1, "of") {
        next += 1;
    }
    if scan.is_word(next, "of") {
        start = index;
        next += 1;
        if scan.lex(next) == Lex::The {
            next += 1;
        }
    }
    let (month, month_end) = read_month(scan, next)?;
    let (year, end) = year_after(scan, month_end);
    let end = weekday_after(scan, end);
    match second_day {
        Some((day_two, day_two_start, _)) => {
            let first = PartialDate::try_new(year, Some(month), Some(day))?;
            let second = PartialDate::try_new(year, Some(month), Some(day_two))?;
            Some(DateMatch {
                first: (first, start, day_end),
                second: Some((second, day_two_start, end)),
                end,
            })
        }
        None => {
            let date = PartialDate::try_new(year, Some(month), Some(day))?;
            Some(single(date, start, end))
        }
    }
}

/// "January 20, 1992", "March third 2015", "February the 15th", "July 16-17, 2013", "January 1992".
fn read_month_first(scan: &Scan, index: usize) -> Option<DateMatch> {
    // "This July the 23rd anniversary …": an ordinal of what follows, not a day.
    const COUNTED: &[&str] = &[
        "anniversary",
        "anniversaries",
        "time",
        "round",
        "session",
        "edition",
        "birthday",
        "consecutive",
        "year",
        "visit",
        "meeting",
        "summit",
    ];
    let (month, month_end) = read_month(scan, index)?;
    let mut at = month_end;
    let with_the = scan.lex(at) == Lex::The;
    if with_the {
        at += 1;
    }
    if let Some((day, day_end)) = read_day(scan, at)
        .filter(|_| day_can_follow_month(scan, at))
        .filter(|&(_, day_end)| !(with_the && scan.is_any_word(day_end, COUNTED)))
    {
        // "July 16-17, 2013"
        if scan.is_dash(day_end)
            && scan.attached(day_end + 1)
            && let Some((day_two, end_two)) = read_day(scan, day_end + 1)
            && day_two > day
            && scan.is_digits(day_end + 1)
        {
            let (year, end) = year_after(scan, end_two);
            let end = weekday_after(scan, end);
            let first = PartialDate::try_new(year, Some(month), Some(day))?;
            let second = PartialDate::try_new(year, Some(month), Some(day_two))?;
            return Some(DateMatch {
                first: (first, index, day_end),
                second: Some((second, day_end + 1, end)),
                end,
            });
        }
        let (year, end) = year_after(scan, day_end);
        let end = weekday_after(scan, end);
        if let Some(date) = PartialDate::try_new(year, Some(month), Some(day)) {
            return Some(single(date, index, end));
        }
    }
    // "January 1992", "January, 1992"
    let (year, end) = year_after(scan, month_end);
    let year = year?;
    let date = PartialDate::try_new(Some(year), Some(month), None)?;
    Some(single(date, index, end))
}

/// A number after a month is its day unless it is glued to more digits or reads as a
/// quantity ("March 1,500", "May 5%").
fn day_can_follow_month(scan: &Scan, at: usize) -> bool {
    if !scan.is_digits(at) {
        return true;
    }
    let next = if scan.attached(at + 1) && scan.is_any_word(at + 1, &["st", "nd", "rd", "th"]) {
        at + 2
    } else {
        at + 1
    };
    // "July 16-17": a day range
    (scan.is_dash(next) && scan.attached(next) && scan.digits_len(next + 1) <= 2)
        || ends_cleanly(scan, next)
}

fn single(date: PartialDate, start: usize, end: usize) -> DateMatch {
    DateMatch {
        first: (date, start, end),
        second: None,
        end,
    }
}

/// 74 → 1974, 15 → 2015; four-digit years unchanged.
fn expand_year(value: u64, len: usize) -> i32 {
    let value = i32::try_from(value).unwrap_or(0);
    if len == 2 {
        if value < 50 {
            2000 + value
        } else {
            1900 + value
        }
    } else {
        value
    }
}

/// Pick day and month from two numbers by the policy: the preferred order, else the other.
fn order_day_month(
    first: u64,
    second: u64,
    year: Option<i32>,
    order: DateOrder,
) -> Option<PartialDate> {
    let as_day_month =
        || PartialDate::try_new(year, u8::try_from(second).ok(), u8::try_from(first).ok());
    let as_month_day =
        || PartialDate::try_new(year, u8::try_from(first).ok(), u8::try_from(second).ok());
    match order {
        DateOrder::DayFirst => as_day_month().or_else(as_month_day),
        DateOrder::MonthFirst => as_month_day().or_else(as_day_month),
    }
}

/// All-digit dates and year ranges.
fn read_numeric(scan: &Scan, index: usize, order: DateOrder) -> Option<DateMatch> {
    let first_len = scan.digits_len(index);
    let separator = index + 1;
    let symbol = scan.symbol(separator);
    // Glued to something before it ("v1.2", "1,992", "-3"): not a date.
    if index > 0
        && scan.attached(index)
        && !matches!(
            scan.symbol(index - 1),
            Some('(' | '[' | '"' | '“' | '\'' | '‘')
        )
    {
        return None;
    }
    if let Some(symbol) = symbol
        && matches!(symbol, '-' | '/' | '.' | '–')
    {
        let glued = scan.attached(separator) && scan.attached(separator + 1);
        let spaced = !scan.attached(separator) && !scan.attached(separator + 1);
        let second = separator + 1;
        let second_len = scan.digits_len(second);
        let third_separator = second + 1;
        let has_third = scan.is_symbol(third_separator, symbol)
            && scan.attached(third_separator)
            && scan.attached(third_separator + 1)
            && glued
            && scan.is_digits(third_separator + 1);
        if has_third {
            let third = third_separator + 1;
            let third_len = scan.digits_len(third);
            if !ends_cleanly(scan, third + 1) {
                return None;
            }
            let a = scan.digits_value(index)?;
            let b = scan.digits_value(second)?;
            let c = scan.digits_value(third)?;
            if first_len == 4 && (1..=2).contains(&second_len) && (1..=2).contains(&third_len) {
                let date = PartialDate::try_new(
                    Some(i32::try_from(a).ok()?),
                    u8::try_from(b).ok(),
                    u8::try_from(c).ok(),
                )?;
                return Some(single(date, index, third + 1));
            }
            if (1..=2).contains(&first_len)
                && (1..=2).contains(&second_len)
                && (third_len == 2 || third_len == 4)
                && symbol != '–'
            {
                let year = expand_year(c, third_len);
                let date = order_day_month(a, b, Some(year), order)?;
                return Some(single(date, index, third + 1));
            }
            return None;
        }
        if second_len == 0 || !(glued || spaced) || !ends_cleanly(scan, second + 1) {
            return None;
        }
        let a = scan.digits_value(index)?;
        let b = scan.digits_value(second)?;
        // Year ranges: "1992-1995", "1992–95", and seasons or fiscal years "2013/14",
        // "2013/2014" (with a slash, only a year and the next).
        if first_len == 4
            && matches!(symbol, '-' | '–' | '/')
            && (1000..=2999).contains(&a)
            && (second_len == 4 || second_len == 2)
        {
            let end_year = if second_len == 2 { a - a % 100 + b } else { b };
            if symbol == '/' && (end_year != a + 1 || !glued) {
                return None;
            }
            if end_year > a && (1000..=2999).contains(&end_year) {
                let first = PartialDate::y(i32::try_from(a).ok()?);
                let last = PartialDate::y(i32::try_from(end_year).ok()?);
                return Some(DateMatch {
                    first: (first, index, index + 1),
                    second: Some((last, second, second + 1)),
                    end: second + 1,
                });
            }
            return None;
        }
        if first_len > 2 || second_len > 2 {
            return None;
        }
        match symbol {
            '/' => {
                if a < b && b <= 4 {
                    return None;
                }
                let date = order_day_month(a, b, None, order)?;
                Some(single(date, index, second + 1))
            }
            '-' | '–' if a > 12 => {
                let date = order_day_month(a, b, None, DateOrder::DayFirst)?;
                Some(single(date, index, second + 1))
            }
            _ => None,
        }
    } else if symbol.is_none()
        && (1..=2).contains(&first_len)
        && scan.single_space_before(index + 1)
        && (1..=2).contains(&scan.digits_len(index + 1))
        && scan.single_space_before(index + 2)
        && scan.digits_len(index + 2) == 4
        && ends_cleanly(scan, index + 3)
    {
        // "31 10 1974"
        let a = scan.digits_value(index)?;
        let b = scan.digits_value(index + 1)?;
        let year = i32::try_from(scan.digits_value(index + 2)?).ok()?;
        let date = order_day_month(a, b, Some(year), order)?;
        Some(single(date, index, index + 3))
    } else {
        None
    }
}

/// "Q1"–"Q4" and "H1", "H2" (quarters and halves of a year) ending at token `index`.
fn is_quarter_or_half(scan: &Scan, index: usize) -> bool {
    index > 0
        && scan.attached(index)
        && match scan.digits_value(index) {
            Some(1 | 2) => scan.is_any_word(index - 1, &["Q", "H"]),
            Some(3 | 4) => scan.is_word(index - 1, "Q"),
            _ => false,
        }
        && scan.str(index - 1).bytes().all(|b| b.is_ascii_uppercase())
}

/// A four-digit year where the word before it makes it a year.
fn read_bare_year(scan: &Scan, index: usize, after_date: bool) -> Option<DateMatch> {
    if scan.digits_len(index) != 4 || !ends_cleanly(scan, index + 1) {
        return None;
    }
    let year = scan.digits_value(index)?;
    if !(1000..=2999).contains(&year) {
        return None;
    }
    let in_context = index > 0 && {
        let before = index - 1;
        if scan.attached(index) {
            // "mid-1990"
            scan.is_dash(before)
                && before > 0
                && scan.is_any_word(before - 1, &["mid", "early", "late", "pre", "post"])
        } else {
            scan.has_flag(before, YEAR_CONTEXT)
                || is_quarter_or_half(scan, before)
                || (after_date
                    && scan.is_any_word(before, &["to", "and", "or", "through", "till", "until"]))
                || (after_date && scan.is_dash(before))
        }
    };
    if !in_context {
        return None;
    }
    let date = PartialDate::y(i32::try_from(year).ok()?);
    Some(single(date, index, index + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Option<String> {
        let scan = Scan::new(text);
        read_date(&scan, 0, DateOrder::DayFirst, false).map(|found| found.first.0.to_string())
    }

    #[test]
    fn forms_are_read() {
        assert_eq!(date("20 January 1992").as_deref(), Some("1992-01-20"));
        assert_eq!(date("January 20, 1992").as_deref(), Some("1992-01-20"));
        assert_eq!(date("31/10/74").as_deref(), Some("1974-10-31"));
        assert_eq!(date("10/31/1974").as_deref(), Some("1974-10-31"));
        assert_eq!(date("1/2"), None);
        assert_eq!(date("2-15"), None);
        assert_eq!(date("15-2").as_deref(), Some("--02-15"));
    }
}
