//! Value types shared by the rule language and the extractor: partial dates and currencies.
//! A leaf module: it knows neither rules nor documents.

use std::fmt;

/// A calendar date of which any part may be unknown: a full date, a month of a year, a year,
/// or a day of a month with the year left to context.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub const fn ymd(year: i32, month: u8, day: u8) -> Self {
        PartialDate {
            year: Some(year),
            month: Some(month),
            day: Some(day),
        }
    }

    pub const fn ym(year: i32, month: u8) -> Self {
        PartialDate {
            year: Some(year),
            month: Some(month),
            day: None,
        }
    }

    pub const fn y(year: i32) -> Self {
        PartialDate {
            year: Some(year),
            month: None,
            day: None,
        }
    }

    pub const fn md(month: u8, day: u8) -> Self {
        PartialDate {
            year: None,
            month: Some(month),
            day: Some(day),
        }
    }

    /// A date with these parts, if it could exist: the month is 1–12, the day exists in that
    /// month (29 February only in leap years, or when the year is unknown), and a day comes
    /// with a month.
    pub fn try_new(year: Option<i32>, month: Option<u8>, day: Option<u8>) -> Option<Self> {
        let date = PartialDate { year, month, day };
        date.is_valid().then_some(date)
    }

    /// Today's date in UTC: the document date of a draft that states none. The one place
    /// that reads the clock.
    pub fn today() -> Self {
        let date = jiff::Timestamp::now()
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .date();
        let month = u8::try_from(date.month()).unwrap_or(1);
        let day = u8::try_from(date.day()).unwrap_or(1);
        PartialDate::ymd(i32::from(date.year()), month, day)
    }

    pub fn is_valid(&self) -> bool {
        if let Some(year) = self.year
            && !(1..=9999).contains(&year)
        {
            return false;
        }
        match (self.month, self.day) {
            (None, None) => self.year.is_some(),
            (None, Some(_)) => false,
            (Some(month), None) => (1..=12).contains(&month),
            (Some(month), Some(day)) => {
                (1..=12).contains(&month) && day >= 1 && day <= days_in_month(self.year, month)
            }
        }
    }

    pub const fn is_full(&self) -> bool {
        self.year.is_some() && self.month.is_some() && self.day.is_some()
    }

    /// Whether `other` can be the same day as `self`: every part both state is equal.
    pub fn agrees_with(&self, other: &PartialDate) -> bool {
        fn same<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
        }
        same(self.year, other.year) && same(self.month, other.month) && same(self.day, other.day)
    }

    /// Parse the value forms `YYYY-MM-DD`, `YYYY-MM`, `YYYY` and `--MM-DD`.
    pub fn parse(text: &str) -> Option<Self> {
        fn digits<T: std::str::FromStr>(part: &str, len: usize) -> Option<T> {
            (part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse().ok())
                .flatten()
        }
        if let Some(rest) = text.strip_prefix("--") {
            let (month, day) = rest.split_once('-')?;
            return PartialDate::try_new(None, Some(digits(month, 2)?), Some(digits(day, 2)?));
        }
        let mut parts = text.split('-');
        let year = digits(parts.next()?, 4)?;
        let month = match parts.next() {
            Some(part) => Some(digits(part, 2)?),
            None => None,
        };
        let day = match parts.next() {
            Some(part) => Some(digits(part, 2)?),
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        PartialDate::try_new(Some(year), month, day)
    }
}

impl fmt::Display for PartialDate {
    /// The value forms of the JSON contract: `1992-01-20`, `1992-01`, `1992`, `--07-16`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => write!(f, "{y:04}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => write!(f, "{y:04}-{m:02}"),
            (Some(y), None, _) => write!(f, "{y:04}"),
            (None, Some(m), Some(d)) => write!(f, "--{m:02}-{d:02}"),
            (None, Some(m), None) => write!(f, "--{m:02}"),
            (None, None, _) => f.write_str("?"),
        }
    }
}

pub const fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` (1–12) of `year`; February has 29 when the year is unknown.
pub const fn days_in_month(year: Option<i32>, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(year) if !is_leap_year(year) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The ISO 4217 codes factlint knows, with the English name of each currency.
pub const CURRENCIES: &[(&str, &str)] = &[
    ("AED", "UAE dirham"),
    ("ARS", "Argentine peso"),
    ("AUD", "Australian dollar"),
    ("BGN", "Bulgarian lev"),
    ("BRL", "Brazilian real"),
    ("BYN", "Belarusian ruble"),
    ("BYR", "Belarusian ruble (1994–2016)"),
    ("CAD", "Canadian dollar"),
    ("CHF", "Swiss franc"),
    ("CNY", "Chinese yuan"),
    ("CZK", "Czech koruna"),
    ("DKK", "Danish krone"),
    ("EGP", "Egyptian pound"),
    ("EUR", "euro"),
    ("GBP", "pound sterling"),
    ("HKD", "Hong Kong dollar"),
    ("HUF", "Hungarian forint"),
    ("IDR", "Indonesian rupiah"),
    ("ILS", "Israeli shekel"),
    ("INR", "Indian rupee"),
    ("JPY", "Japanese yen"),
    ("KES", "Kenyan shilling"),
    ("KRW", "South Korean won"),
    ("KWD", "Kuwaiti dinar"),
    ("KZT", "Kazakhstani tenge"),
    ("LBP", "Lebanese pound"),
    ("MNT", "Mongolian tugrik"),
    ("MXN", "Mexican peso"),
    ("MYR", "Malaysian ringgit"),
    ("NGN", "Nigerian naira"),
    ("NOK", "Norwegian krone"),
    ("NZD", "New Zealand dollar"),
    ("PHP", "Philippine peso"),
    ("PKR", "Pakistani rupee"),
    ("PLN", "Polish zloty"),
    ("QAR", "Qatari riyal"),
    ("RUB", "Russian ruble"),
    ("SAR", "Saudi riyal"),
    ("SEK", "Swedish krona"),
    ("SGD", "Singapore dollar"),
    ("THB", "Thai baht"),
    ("TRY", "Turkish lira"),
    ("UAH", "Ukrainian hryvnia"),
    ("USD", "US dollar"),
    ("VND", "Vietnamese dong"),
    ("ZAR", "South African rand"),
];

/// Whether `code` is one of [`CURRENCIES`].
pub fn is_known_currency(code: &str) -> bool {
    CURRENCIES.iter().any(|(known, _)| *known == code)
}

/// A number as the JSON contract writes it: plain decimal, no exponent, no trailing zeros.
pub fn format_decimal(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    if value == value.trunc() && value.abs() < 1e21 {
        return format!("{value:.0}");
    }
    let text = format!("{value:.6}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_forms_round_trip() {
        for form in [
            "1992-01-20",
            "1992-01",
            "1992",
            "--07-16",
            "2000-02-29",
            "--02-29",
        ] {
            assert_eq!(
                PartialDate::parse(form).map(|d| d.to_string()).as_deref(),
                Some(form)
            );
        }
    }

    #[test]
    fn impossible_dates_are_rejected() {
        for form in [
            "1992-02-31",
            "1993-02-29",
            "1992-13",
            "--04-31",
            "92-01-20",
            "1992-1-20",
        ] {
            assert_eq!(PartialDate::parse(form), None, "{form}");
        }
    }

    #[test]
    fn partial_dates_agree_on_the_parts_both_state() {
        let full = PartialDate::ymd(1992, 1, 20);
        assert!(full.agrees_with(&PartialDate::y(1992)));
        assert!(full.agrees_with(&PartialDate::md(1, 20)));
        assert!(!full.agrees_with(&PartialDate::md(1, 21)));
        assert!(!full.agrees_with(&PartialDate::ym(1993, 1)));
    }

    #[test]
    fn decimals_are_plain() {
        assert_eq!(format_decimal(1.5e9), "1500000000");
        assert_eq!(format_decimal(12.5), "12.5");
        assert_eq!(format_decimal(0.77), "0.77");
        assert_eq!(format_decimal(-1200000.0), "-1200000");
    }
}
