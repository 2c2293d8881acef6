//! Digits that are not quantities, and are skipped whole:
//!
//! - times: "15:30", "3 p.m.", "10am", "5 o'clock";
//! - identifiers glued to a word: "COVID-19", "G20", "v1.2.3", "MP3", "#5";
//! - labelled numbers: "Chapter 7", "Article 5", "No. 12", "Section 3", "page 40", "Flight 17":
//!   a label word before a number makes it a name, not a quantity;
//! - phone numbers ("+375 17 222-66-04") and other runs of three or more digit groups joined by
//!   hyphens, dots or slashes that no date reader took ("222-66-04", "192.168.0.1");
//! - decades: "the 1990s", "1990's", "'90s" (a decade is neither a number nor a date here).

use super::scan::{Kind, LABEL, Scan};

/// Words that turn the number after them into a label.
pub(crate) const LABELS: &[&str] = &[
    "chapter",
    "chapters",
    "section",
    "sections",
    "article",
    "articles",
    "no",
    "nos",
    "page",
    "pages",
    "pp",
    "part",
    "figure",
    "fig",
    "table",
    "volume",
    "vol",
    "item",
    "paragraph",
    "para",
    "clause",
    "rule",
    "resolution",
    "route",
    "flight",
    "room",
    "grade",
    "level",
    "version",
    "step",
    "phase",
    "appendix",
    "annex",
    "episode",
    "season",
    "platform",
    "gate",
    "highway",
    "interstate",
    "model",
    "exhibit",
    "line",
    "lines",
    "verse",
    "psalm",
    "apollo",
    "windows",
];

/// Prefixes glued with a hyphen to a year that keep it a year ("mid-1990").
const YEAR_PREFIXES: &[&str] = &["mid", "pre", "post", "early", "late"];

/// If the digits at `index` are not a quantity, the token index where the skipped run ends.
pub(crate) fn skip_at(scan: &Scan, index: usize) -> Option<usize> {
    let token = scan.token(index)?;
    match token.kind {
        Kind::Symbol('+') if scan.attached(index + 1) && scan.is_digits(index + 1) => {
            Some(skip_phone(scan, index + 1))
        }
        Kind::Symbol('#') if scan.attached(index + 1) && scan.is_digits(index + 1) => {
            Some(skip_run(scan, index + 1))
        }
        Kind::Symbol('\'' | '’') if scan.attached(index + 1) && is_decade(scan, index + 1) => {
            Some(index + 3)
        }
        Kind::Digits => skip_digits(scan, index),
        _ => None,
    }
}

fn skip_digits(scan: &Scan, index: usize) -> Option<usize> {
    // A decade.
    if is_decade(scan, index) {
        return Some(if scan.is_word(index + 1, "s") {
            index + 2
        } else {
            index + 3
        });
    }
    // A time of day.
    if let Some(end) = time_end(scan, index) {
        return Some(end);
    }
    // Glued to a word before it: "G20", "COVID-19", "v1.2".
    if index > 0 && scan.attached(index) {
        let before = index - 1;
        if scan.kind(before) == Some(Kind::Word) {
            return Some(skip_run(scan, index));
        }
        if matches!(scan.symbol(before), Some('-' | '_' | '/'))
            && before > 0
            && scan.attached(before)
            && scan.kind(before - 1) == Some(Kind::Word)
            && !scan.is_any_word(before - 1, YEAR_PREFIXES)
        {
            return Some(skip_run(scan, index));
        }
    }
    // A labelled number: "Chapter 7", "No. 5".
    if index > 0 && !scan.attached(index) {
        let mut before = index - 1;
        if scan.is_symbol(before, '.') && before > 0 {
            before -= 1;
        }
        if scan.has_flag(before, LABEL) {
            return Some(skip_run(scan, index));
        }
    }
    // Three or more digit groups joined by one separator that no date reader took.
    let mut groups = 1;
    let mut at = index + 1;
    while matches!(scan.symbol(at), Some('-' | '.' | '/' | '–'))
        && scan.attached(at)
        && scan.attached(at + 1)
        && scan.is_digits(at + 1)
    {
        groups += 1;
        at += 2;
    }
    if groups >= 3 {
        return Some(at);
    }
    None
}

/// "1990s", "1990's", "90s"
fn is_decade(scan: &Scan, index: usize) -> bool {
    let len = scan.digits_len(index);
    if !(len == 2 || len == 4) || !scan.str(index).ends_with('0') {
        return false;
    }
    let next = index + 1;
    if !scan.attached(next) {
        return false;
    }
    if scan.is_word(next, "s") {
        return true;
    }
    matches!(scan.symbol(next), Some('\'' | '’'))
        && scan.attached(next + 1)
        && scan.is_word(next + 1, "s")
}

/// The end of a time of day starting at the digits `index`, if it is one.
fn time_end(scan: &Scan, index: usize) -> Option<usize> {
    let mut end = index + 1;
    let mut is_time = false;
    while scan.is_symbol(end, ':')
        && scan.attached(end)
        && scan.attached(end + 1)
        && scan.digits_len(end + 1) == 2
    {
        end += 2;
        is_time = true;
    }
    if scan.digits_len(index) > 2 {
        return is_time.then_some(end);
    }
    // "3 p.m.", "10am", "5 PM", "5 o'clock"
    if scan.is_any_word(end, &["am", "pm"]) {
        return Some(end + 1);
    }
    if scan.is_any_word(end, &["a", "p"])
        && scan.is_symbol(end + 1, '.')
        && scan.attached(end + 1)
        && scan.is_word(end + 2, "m")
        && scan.attached(end + 2)
    {
        let mut stop = end + 3;
        if scan.is_symbol(stop, '.') && scan.attached(stop) {
            stop += 1;
        }
        return Some(stop);
    }
    if scan.is_word(end, "o")
        && matches!(scan.symbol(end + 1), Some('\'' | '’'))
        && scan.is_word(end + 2, "clock")
    {
        return Some(end + 3);
    }
    is_time.then_some(end)
}

/// A phone number: digit groups separated by spaces, hyphens, dots or parentheses.
fn skip_phone(scan: &Scan, index: usize) -> usize {
    let mut at = index;
    let mut groups = 0;
    while groups < 12 {
        if scan.is_digits(at) {
            at += 1;
            groups += 1;
            continue;
        }
        if matches!(scan.symbol(at), Some('-' | '.' | '(' | ')'))
            && (scan.is_digits(at + 1) || scan.is_symbol(at + 1, '('))
        {
            at += 1;
            continue;
        }
        break;
    }
    at
}

/// An identifier: the tokens glued together from `index` (digits, letters, `.`, `-`, `_`, `/`).
fn skip_run(scan: &Scan, index: usize) -> usize {
    let mut at = index + 1;
    loop {
        if !scan.attached(at) {
            return at;
        }
        match scan.kind(at) {
            Some(Kind::Digits | Kind::Word) => at += 1,
            Some(Kind::Symbol('.' | '-' | '_' | '/'))
                if scan.attached(at + 1)
                    && matches!(scan.kind(at + 1), Some(Kind::Digits | Kind::Word)) =>
            {
                at += 2
            }
            _ => return at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text the skip starting at the first digit token covers, if any.
    fn skipped(text: &str) -> Option<String> {
        let scan = Scan::new(text);
        let first = scan
            .tokens
            .iter()
            .position(|token| matches!(token.kind, Kind::Digits | Kind::Symbol('+' | '#')))?;
        let end = skip_at(&scan, first)?;
        Some(text[scan.start(first)..scan.end(end - 1)].to_string())
    }

    #[test]
    fn runs_that_are_not_quantities_are_skipped_whole() {
        assert_eq!(
            skipped("call +375 17 222-66-04").as_deref(),
            Some("+375 17 222-66-04")
        );
        assert_eq!(skipped("at 9:05:30 sharp").as_deref(), Some("9:05:30"));
        assert_eq!(skipped("at 3 p.m. sharp").as_deref(), Some("3 p.m."));
        assert_eq!(skipped("the 1990s").as_deref(), Some("1990s"));
        assert_eq!(skipped("see Chapter 7.2").as_deref(), Some("7.2"));
        assert_eq!(skipped("ip 10.0.0.1 here").as_deref(), Some("10.0.0.1"));
        assert_eq!(skipped("ticket #42").as_deref(), Some("#42"));
        assert_eq!(skipped("won 3 medals"), None);
        assert_eq!(skipped("in mid-2013"), None);
    }
}
