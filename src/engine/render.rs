//! Writing expected values for people: in the style of the text a fix replaces ("January 21,
//! 1992" is fixed to "January 20, 1992", "$2bn" to "$1.5bn", "twenty" to "twenty-one"), and
//! plainly when there is no text to follow.

use crate::value::{MONTH_NAMES, PartialDate, format_decimal};

/// `expected` written the way `text` (which states `found`) is written: each part of the date
/// the text shows is replaced in place, in its own form. `None` when the text's parts cannot
/// be told apart.
pub fn restyle_date(text: &str, found: PartialDate, expected: PartialDate) -> Option<String> {
    // A day in words ("the twenty-first of January") is rewritten in words first.
    let worded = found
        .day
        .zip(expected.day)
        .and_then(|(found, expected)| day_in_words(text, found, expected));
    let text = worded.as_deref().unwrap_or(text);
    let tokens = tokens(text);
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut day_done = worded.is_some();
    let mut month_done = false;
    let mut year_done = false;
    let numbers: Vec<(usize, usize)> = tokens
        .iter()
        .copied()
        .filter(|&(s, e)| text[s..e].starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    // With a numeric day and month of equal value, the first is the day (day-first policy).
    for (start, end) in tokens {
        let token = &text[start..end];
        let replacement = if token.starts_with(|c: char| c.is_ascii_digit()) {
            let digits: String = token.chars().take_while(char::is_ascii_digit).collect();
            let suffix = &token[digits.len()..];
            let number: u32 = digits.parse().ok()?;
            if !year_done && digits.len() == 4 && found.year.is_some_and(|y| y as u32 == number) {
                year_done = true;
                expected.year.map(|y| format!("{y:04}"))
            } else if !day_done
                && found.day.is_some_and(|d| u32::from(d) == number)
                && (suffix.is_empty() || is_ordinal_suffix(suffix))
                && (found.day != found.month
                    || !month_done
                    || numbers.len() < 3
                    || numbers.first() == Some(&(start, end)))
            {
                day_done = true;
                expected.day.map(|d| {
                    // "12 December" → "4 November", but "05 July" → "04 July" and, in an
                    // all-digit date, "12.12.2015" → "04.11.2016".
                    let padded = digits.starts_with('0') || !text.contains(char::is_alphabetic);
                    let digits_out = if digits.len() == 2 && padded {
                        format!("{d:02}")
                    } else {
                        d.to_string()
                    };
                    if suffix.is_empty() {
                        digits_out
                    } else {
                        format!("{digits_out}{}", ordinal_suffix(u64::from(d)))
                    }
                })
            } else if !month_done
                && suffix.is_empty()
                && found.month.is_some_and(|m| u32::from(m) == number)
            {
                month_done = true;
                expected.month.map(|m| {
                    if digits.len() == 2
                        && (digits.starts_with('0') || !text.contains(char::is_alphabetic))
                    {
                        format!("{m:02}")
                    } else {
                        m.to_string()
                    }
                })
            } else if !year_done
                && digits.len() == 2
                && found.year.is_some_and(|y| (y % 100) as u32 == number)
            {
                year_done = true;
                expected.year.map(|y| format!("{:02}", y % 100))
            } else {
                None
            }
        } else if !month_done && let Some(month) = month_of(token) {
            if found.month != Some(month) {
                None
            } else {
                month_done = true;
                expected.month.map(|m| month_like(token, m))
            }
        } else {
            None
        };
        if let Some(replacement) = replacement {
            out.push_str(&text[last..start]);
            out.push_str(&replacement);
            last = end;
        }
    }
    out.push_str(&text[last..]);
    // Every part both dates state and that changes must have been found in the text ("27"
    // of "from 27 to 30 September" takes its month and year from the range's end).
    let covered =
        (found.day.is_none() || expected.day.is_none() || day_done || found.day == expected.day)
            && (found.month.is_none()
                || expected.month.is_none()
                || month_done
                || found.month == expected.month)
            && (found.year.is_none()
                || expected.year.is_none()
                || year_done
                || found.year == expected.year);
    covered.then_some(out)
}

/// `text` with the day `found`, written as ordinal words ("twenty-first", "Twenty first"),
/// rewritten as `expected` in the same words, case and joining; `None` when the day is not
/// written so.
fn day_in_words(text: &str, found: u8, expected: u8) -> Option<String> {
    let words = ordinal_words(u64::from(found));
    // ASCII lower case keeps every offset of `text`.
    let lower = text.to_ascii_lowercase();
    // The draft may join the words with a space instead of a hyphen.
    let (at, joined) = [words.clone(), words.replace('-', " ")]
        .into_iter()
        .find_map(|form| {
            let at = lower.match_indices(form.as_str()).find_map(|(at, _)| {
                let end = at + form.len();
                let before_ok = !lower[..at].ends_with(|c: char| c.is_alphabetic() || c == '-');
                let after_ok = !lower[end..].starts_with(|c: char| c.is_alphabetic());
                (before_ok && after_ok).then_some(at)
            })?;
            Some((at, form))
        })?;
    let written = text.get(at..at + joined.len())?;
    let mut replacement = ordinal_words(u64::from(expected));
    if !joined.contains('-') {
        replacement = replacement.replace('-', " ");
    }
    Some(format!(
        "{}{}{}",
        text.get(..at)?,
        match_case(written, &replacement),
        text.get(at + joined.len()..)?
    ))
}

/// The days of the week, Monday first.
pub(crate) const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// `text` (a rewritten date) with the weekday it names, if any, made the weekday of
/// `year`-`month`-`day`: "Thursday, July 17" becomes "Wednesday, July 17" for 2013. Full and
/// three-letter names keep their form and case; an impossible date leaves the text alone.
pub fn fix_weekday(text: &str, year: i32, month: u8, day: u8) -> String {
    let (Ok(year), Ok(month), Ok(day)) =
        (i16::try_from(year), i8::try_from(month), i8::try_from(day))
    else {
        return text.to_string();
    };
    let Ok(date) = jiff::civil::Date::new(year, month, day) else {
        return text.to_string();
    };
    let right = WEEKDAYS[usize::from(date.weekday().to_monday_zero_offset().unsigned_abs())];
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (start, end) in tokens(text) {
        let token = &text[start..end];
        let full = WEEKDAYS.iter().any(|name| name.eq_ignore_ascii_case(token));
        let short = token.len() == 3
            && WEEKDAYS
                .iter()
                .any(|name| name[..3].eq_ignore_ascii_case(token));
        if full || short {
            let word = if full { right } else { &right[..3] };
            out.push_str(&text[last..start]);
            let cased = if token.starts_with(char::is_lowercase) {
                word.to_lowercase()
            } else {
                match_case(token, word)
            };
            out.push_str(&cased);
            last = end;
        }
    }
    out.push_str(&text[last..]);
    out
}

/// "20 January 1992", "January 1992", "1992", "17 July".
pub fn human_date(date: PartialDate) -> String {
    let month = date
        .month
        .and_then(|m| MONTH_NAMES.get(usize::from(m).wrapping_sub(1)).copied());
    match (date.year, month, date.day) {
        (Some(y), Some(m), Some(d)) => format!("{d} {m} {y}"),
        (Some(y), Some(m), None) => format!("{m} {y}"),
        (None, Some(m), Some(d)) => format!("{d} {m}"),
        _ => date.to_string(),
    }
}

/// `expected` written like the number in `text`, which reads as `found`: the same scale word,
/// currency, separators and digits-or-words.
pub fn restyle_number(text: &str, found: f64, expected: f64) -> Option<String> {
    if let Some((start, end)) = numeral(text) {
        let token = &text[start..end];
        let (value, decimal_comma, grouping) = parse_numeral(token)?;
        if value == 0.0 || found == 0.0 {
            return None;
        }
        let scale = found / value;
        let new_value = expected / scale;
        let mut digits = format_decimal((new_value * 1e6).round() / 1e6);
        if let Some(separator) = grouping {
            digits = group_thousands(&digits, separator);
        }
        if decimal_comma {
            digits = digits.replacen('.', ",", 1);
        }
        return Some(format!("{}{}{}", &text[..start], digits, &text[end..]));
    }
    // Number words before a scale word: "two billion dollars" → "1.5 billion dollars", or
    // "three billion dollars" for a whole number of the scale.
    // ASCII lower case keeps every offset of `text`.
    let lower = text.to_ascii_lowercase();
    for (word, scale) in [
        ("thousand", 1e3),
        ("million", 1e6),
        ("billion", 1e9),
        ("trillion", 1e12),
    ] {
        let Some(at) = lower.find(word) else {
            continue;
        };
        let count = text[..at].trim_end();
        if count.is_empty() || found < scale {
            continue;
        }
        let new_count = expected / scale;
        let new_count = if new_count.fract() == 0.0 && (1.0..1000.0).contains(&new_count) {
            match_case(count, &number_words(new_count as u64))
        } else {
            format_decimal((new_count * 1e6).round() / 1e6)
        };
        return Some(format!("{new_count} {}", &text[at..]));
    }
    // Number words: rewrite the whole text in words.
    if expected.fract() == 0.0 && (0.0..1000.0).contains(&expected) {
        let words = number_words(expected as u64);
        return Some(match_case(text, &words));
    }
    None
}

/// An ordinal written like `text`: "20th" → "21st", "twentieth" → "twenty-first".
pub fn restyle_ordinal(text: &str, expected: u64) -> String {
    if text.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{expected}{}", ordinal_suffix(expected))
    } else if expected < 1000 {
        match_case(text, &ordinal_words(expected))
    } else {
        format!("{expected}{}", ordinal_suffix(expected))
    }
}

/// "$1.5 billion", "€300 million", "CNY 10 billion", "USD 25".
pub fn human_money(currency: &str, amount: f64) -> String {
    let symbol = match currency {
        "USD" => Some("$"),
        "EUR" => Some("€"),
        "GBP" => Some("£"),
        _ => None,
    };
    let number = human_number(amount);
    match symbol {
        Some(symbol) => format!("{symbol}{number}"),
        None => format!("{currency} {number}"),
    }
}

/// 1500000000 → "1.5 billion", 20 → "20", 12500 → "12,500".
pub fn human_number(value: f64) -> String {
    for (scale, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if value.abs() >= scale {
            return format!(
                "{} {word}",
                format_decimal(((value / scale) * 1000.0).round() / 1000.0)
            );
        }
    }
    let plain = format_decimal(value);
    if value.abs() >= 10_000.0 {
        group_thousands(&plain, ',')
    } else {
        plain
    }
}

pub fn ordinal_suffix(value: u64) -> &'static str {
    match (value % 10, value % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

fn is_ordinal_suffix(suffix: &str) -> bool {
    matches!(
        suffix.to_ascii_lowercase().as_str(),
        "st" | "nd" | "rd" | "th"
    )
}

const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Words for 0–999: 21 → "twenty-one", 105 → "one hundred and five".
pub fn number_words(value: u64) -> String {
    let value = value % 1000;
    let hundreds = value / 100;
    let rest = value % 100;
    let below_hundred = |n: u64| -> String {
        let n = n as usize;
        if n < 20 {
            ONES[n].to_string()
        } else if n % 10 == 0 {
            TENS[n / 10].to_string()
        } else {
            format!("{}-{}", TENS[n / 10], ONES[n % 10])
        }
    };
    match (hundreds, rest) {
        (0, rest) => below_hundred(rest),
        (h, 0) => format!("{} hundred", ONES[h as usize]),
        (h, rest) => format!("{} hundred and {}", ONES[h as usize], below_hundred(rest)),
    }
}

/// Ordinal words: 21 → "twenty-first".
pub fn ordinal_words(value: u64) -> String {
    let words = number_words(value);
    let (head, last) = match words.rfind(['-', ' ']) {
        Some(at) => (&words[..=at], &words[at + 1..]),
        None => ("", words.as_str()),
    };
    let last = match last {
        "one" => "first".to_string(),
        "two" => "second".to_string(),
        "three" => "third".to_string(),
        "five" => "fifth".to_string(),
        "eight" => "eighth".to_string(),
        "nine" => "ninth".to_string(),
        "twelve" => "twelfth".to_string(),
        word if word.ends_with('y') => format!("{}ieth", &word[..word.len() - 1]),
        word => format!("{word}th"),
    };
    format!("{head}{last}")
}

/// `words` with the capitalization of `like`: all caps, a capital first letter, or lower.
pub fn match_case(like: &str, words: &str) -> String {
    let letters: Vec<char> = like.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        words.to_uppercase()
    } else if like.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = words.chars();
        chars
            .next()
            .map(|first| first.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    } else {
        words.to_string()
    }
}

/// The month a word names ("January", "Jan", "Sept"), if any.
pub(crate) fn month_of(word: &str) -> Option<u8> {
    let lower = word.trim_end_matches('.').to_lowercase();
    if lower.len() < 3 {
        return None;
    }
    if lower == "sept" {
        return Some(9);
    }
    MONTH_NAMES
        .iter()
        .position(|name| {
            let name = name.to_lowercase();
            name == lower || (lower.len() == 3 && name.starts_with(&lower))
        })
        .map(|index| index as u8 + 1)
}

/// Month `month` in the form of `like`: full or abbreviated, with its case.
fn month_like(like: &str, month: u8) -> String {
    let full = MONTH_NAMES
        .get(usize::from(month).wrapping_sub(1))
        .copied()
        .unwrap_or("");
    let bare = like.trim_end_matches('.');
    let word = if bare.len() == 3 || bare.eq_ignore_ascii_case("sept") {
        if month == 9 && bare.len() == 4 {
            "Sept".to_string()
        } else {
            full.chars().take(3).collect()
        }
    } else {
        full.to_string()
    };
    match_case(bare, &word)
}

/// Runs of letters or digits (with an ordinal suffix glued to digits), as byte ranges.
fn tokens(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<(usize, bool)> = None;
    for (at, ch) in text.char_indices() {
        let kind = if ch.is_ascii_digit() {
            Some(true)
        } else if ch.is_alphabetic() {
            Some(false)
        } else {
            None
        };
        match (start, kind) {
            (None, Some(digit)) => start = Some((at, digit)),
            (Some((_, true)), Some(false)) => {} // "20th": suffix stays with the digits
            (Some((_, false)), Some(true)) => {
                if let Some((begin, _)) = start {
                    out.push((begin, at));
                }
                start = Some((at, true));
            }
            (Some((begin, _)), None) => {
                out.push((begin, at));
                start = None;
            }
            _ => {}
        }
    }
    if let Some((begin, _)) = start {
        out.push((begin, text.len()));
    }
    out
}

/// The first run of digits with its separators (`1,500`, `1.5`, `1 500`, `1,5`).
fn numeral(text: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let start = bytes.iter().position(u8::is_ascii_digit)?;
    let mut end = start;
    while end < bytes.len() {
        let digit = bytes[end].is_ascii_digit();
        let separator = matches!(bytes[end], b',' | b'.' | b' ' | b'\'')
            && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
        if !(digit || separator) {
            break;
        }
        end += 1;
    }
    Some((start, end))
}

/// Value of a numeral, whether its decimal mark is a comma, and its grouping separator.
fn parse_numeral(token: &str) -> Option<(f64, bool, Option<char>)> {
    let last_dot = token.rfind('.');
    let last_comma = token.rfind(',');
    let groups_of_three = |sep: char| token.split(sep).skip(1).all(|group| group.len() == 3);
    let (decimal, grouping) = match (last_dot, last_comma) {
        (Some(dot), Some(comma)) if dot > comma => (Some('.'), Some(',')),
        (Some(_), Some(_)) => (Some(','), Some('.')),
        (None, Some(_)) if groups_of_three(',') => (None, Some(',')),
        (None, Some(_)) => (Some(','), None),
        (Some(_), None) if token.matches('.').count() > 1 && groups_of_three('.') => {
            (None, Some('.'))
        }
        (Some(_), None) => (Some('.'), None),
        (None, None) => (None, token.contains(' ').then_some(' ')),
    };
    let plain: String = token
        .chars()
        .filter(|c| Some(*c) != grouping && *c != ' ' && *c != '\'')
        .map(|c| if Some(c) == decimal { '.' } else { c })
        .collect();
    Some((plain.parse().ok()?, decimal == Some(','), grouping))
}

fn group_thousands(digits: &str, separator: char) -> String {
    let (sign, rest) = digits
        .strip_prefix('-')
        .map_or(("", digits), |rest| ("-", rest));
    let (whole, fraction) = rest
        .split_once('.')
        .map_or((rest, None), |(w, f)| (w, Some(f)));
    let mut grouped = String::new();
    for (index, ch) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            grouped.push(separator);
        }
        grouped.push(ch);
    }
    match fraction {
        Some(fraction) => format!("{sign}{grouped}.{fraction}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_weekday_follows_the_new_date() {
        // 17 July 2013 was a Wednesday; 20 January 1992 a Monday.
        assert_eq!(
            fix_weekday("Thursday, July 17", 2013, 7, 17),
            "Wednesday, July 17"
        );
        assert_eq!(fix_weekday("THU 17 Jul", 2013, 7, 17), "WED 17 Jul");
        assert_eq!(
            fix_weekday("sunday 20 january", 1992, 1, 20),
            "monday 20 january"
        );
        assert_eq!(fix_weekday("on 17 July", 2013, 7, 17), "on 17 July");
        assert_eq!(
            fix_weekday("Friday, 31 June", 2013, 6, 31),
            "Friday, 31 June"
        );
    }

    #[test]
    fn a_day_alone_is_fixed_when_month_and_year_stay() {
        let date = |y, m, d| PartialDate::ymd(y, m, d);
        assert_eq!(
            restyle_date("27", date(2016, 9, 27), date(2016, 9, 28)).as_deref(),
            Some("28")
        );
        assert_eq!(
            restyle_date("27", date(2016, 9, 27), date(2016, 10, 28)),
            None
        );
    }

    #[test]
    fn a_day_in_words_is_fixed_in_words() {
        let found = PartialDate::ymd(1992, 1, 21);
        let expected = PartialDate::ymd(1992, 1, 20);
        for (text, fixed) in [
            (
                "the twenty-first of January 1992",
                "the twentieth of January 1992",
            ),
            ("Twenty first January 1992", "Twentieth January 1992"),
            (
                "January the twenty-first, 1992",
                "January the twentieth, 1992",
            ),
        ] {
            assert_eq!(
                restyle_date(text, found, expected).as_deref(),
                Some(fixed),
                "{text}"
            );
        }
        // "first" inside "twenty-first" is not the first.
        assert_eq!(
            restyle_date(
                "the twenty-first of May",
                PartialDate::md(5, 1),
                PartialDate::md(5, 2)
            ),
            None
        );
    }

    #[test]
    fn a_day_is_padded_only_where_the_draft_pads() {
        let date = |y, m, d| PartialDate::ymd(y, m, d);
        assert_eq!(
            restyle_date("12 December 2015", date(2015, 12, 12), date(2016, 11, 4)).as_deref(),
            Some("4 November 2016")
        );
        assert_eq!(
            restyle_date("05 July 2013", date(2013, 7, 5), date(2013, 7, 4)).as_deref(),
            Some("04 July 2013")
        );
        assert_eq!(
            restyle_date("12.12.2015", date(2015, 12, 12), date(2016, 11, 4)).as_deref(),
            Some("04.11.2016")
        );
    }

    #[test]
    fn dates_keep_their_style() {
        let found = PartialDate::ymd(1992, 1, 21);
        let expected = PartialDate::ymd(1992, 1, 20);
        for (text, fixed) in [
            ("January 21, 1992", "January 20, 1992"),
            ("21 January 1992", "20 January 1992"),
            ("Jan. 21, 1992", "Jan. 20, 1992"),
            ("21st of January 1992", "20th of January 1992"),
            ("1992-01-21", "1992-01-20"),
            ("21.01.1992", "20.01.1992"),
            ("Tuesday, 21 January 1992", "Tuesday, 20 January 1992"),
        ] {
            assert_eq!(
                restyle_date(text, found, expected).as_deref(),
                Some(fixed),
                "{text}"
            );
        }
        let month = restyle_date(
            "16 June 2013",
            PartialDate::ymd(2013, 6, 16),
            PartialDate::ymd(2013, 7, 16),
        );
        assert_eq!(month.as_deref(), Some("16 July 2013"));
        let yearless = restyle_date("July 18", PartialDate::md(7, 18), PartialDate::md(7, 17));
        assert_eq!(yearless.as_deref(), Some("July 17"));
        let year = restyle_date("1993", PartialDate::y(1993), PartialDate::ymd(1992, 1, 20));
        assert_eq!(year.as_deref(), Some("1992"));
    }

    #[test]
    fn numbers_keep_their_style() {
        assert_eq!(
            restyle_number("$2 billion", 2e9, 1.5e9).as_deref(),
            Some("$1.5 billion")
        );
        assert_eq!(
            restyle_number("US$2bn", 2e9, 1.5e9).as_deref(),
            Some("US$1.5bn")
        );
        assert_eq!(
            restyle_number("2,000 million dollars", 2e9, 1.5e9).as_deref(),
            Some("1,500 million dollars")
        );
        assert_eq!(
            restyle_number("1,2 bln", 1.2e9, 1.5e9).as_deref(),
            Some("1,5 bln")
        );
        assert_eq!(restyle_number("30", 30.0, 20.0).as_deref(), Some("20"));
        assert_eq!(
            restyle_number("Thirty", 30.0, 21.0).as_deref(),
            Some("Twenty-one")
        );
        assert_eq!(restyle_number("12.5%", 12.5, 10.0).as_deref(), Some("10%"));
        assert_eq!(
            restyle_number("two billion dollars", 2e9, 1.5e9).as_deref(),
            Some("1.5 billion dollars")
        );
        assert_eq!(
            restyle_number("Two billion dollars", 2e9, 3e9).as_deref(),
            Some("Three billion dollars")
        );
    }

    #[test]
    fn ordinals_and_words() {
        assert_eq!(restyle_ordinal("20th", 21), "21st");
        assert_eq!(restyle_ordinal("twentieth", 21), "twenty-first");
        assert_eq!(ordinal_words(30), "thirtieth");
        assert_eq!(ordinal_words(12), "twelfth");
        assert_eq!(number_words(105), "one hundred and five");
    }

    #[test]
    fn plain_forms() {
        assert_eq!(human_money("USD", 1.5e9), "$1.5 billion");
        assert_eq!(human_money("CNY", 1e10), "CNY 10 billion");
        assert_eq!(human_date(PartialDate::ymd(1992, 1, 20)), "20 January 1992");
        assert_eq!(human_date(PartialDate::md(7, 17)), "17 July");
    }
}
