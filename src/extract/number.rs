//! Numbers: digits with thousands separators ("1,500", "1 500" with a plain, no-break or thin
//! space), decimals ("1.5", ".77", and a decimal comma only before a scale: "1,5 bln"), number
//! words ("twenty-one", "one hundred and five", "a dozen", "a couple", "half a million",
//! "two point two million"), scales ("1.5 billion", "3 mln", "1.5bn", "100K", "30 lakh",
//! "3 crore"), simple fractions ("20/100", when they are not dates) and negatives ("-5",
//! "minus 5"), fractions in words ("two-thirds" 0.667, "three quarters" 0.75, "a quarter of a
//! million" 250,000, "three quarters of a billion") and halves ("one and a half" 1.5, "two and
//! a half billion", "a billion and a half", "a dozen and a half" 18). "one twenty
//! two" is read the spoken way, as 122. "a few" is read as about three (hedge "about");
//! "few" alone and "several" are not read.
//!
//! A lowercase `m` glued to digits means million only in money ("EUR 300m"); elsewhere it is
//! a unit (metres) and the number stands alone.

use super::scan::{Kind, Lex, Scan};

/// A number read from tokens `start..end`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Quantity {
    pub value: f64,
    pub start: usize,
    pub end: usize,
    /// The scale that was applied (1 when none was written).
    pub scale: f64,
    /// Written as a whole number of digits or words, with no decimals and no scale.
    pub whole: bool,
}

/// Read a number starting at token `index`. `money` allows the lowercase `m` suffix.
pub(crate) fn read_quantity(scan: &Scan, index: usize, money: bool) -> Option<Quantity> {
    let token = scan.token(index)?;
    let (negative, core_start) = match token.kind {
        Kind::Symbol('-' | '−') if sign_can_start(scan, index) => (true, index + 1),
        Kind::Word if token.lex == Lex::Minus => (true, index + 1),
        _ => (false, index),
    };
    let mut quantity = read_unsigned(scan, core_start, money)?;
    if negative {
        quantity.value = -quantity.value;
        quantity.start = index;
    }
    Some(quantity)
}

/// A minus sign starts a number when digits follow (glued, or after one space at the start of
/// a phrase) and it is not glued to a word or number before it ("COVID-19", "10-20"). A spaced
/// dash before a day and its month is a list marker or a range dash, not a sign ("- 5
/// November 2016", "30 Nov - 12 Dec 2015").
fn sign_can_start(scan: &Scan, index: usize) -> bool {
    if index > 0 && scan.attached(index) {
        return false;
    }
    let next = index + 1;
    if scan.attached(next) {
        return scan.is_digits(next) || (scan.is_symbol(next, '.') && scan.is_digits(next + 1));
    }
    let day_of_month = scan.digits_len(next) <= 2 && matches!(scan.lex(next + 1), Lex::Month(_));
    scan.is_digits(next) && (index == 0 || !scan.is_digits(index - 1)) && !day_of_month
}

fn read_unsigned(scan: &Scan, index: usize, money: bool) -> Option<Quantity> {
    let token = scan.token(index)?;
    // "a quarter of a million", "a third of a billion"
    if token.lex == Lex::Article
        && let Some(denominator) = fraction_denominator(scan, index + 1)
        && let Some((scale, end)) = of_a_scale(scan, index + 2)
    {
        return Some(Quantity {
            value: scale / denominator,
            start: index,
            end,
            scale,
            whole: false,
        });
    }
    let (value, mut end, whole) = match (token.kind, token.lex) {
        (Kind::Digits, _) => {
            let (value, end, whole) = read_digits(scan, index)?;
            // "1 point 1"
            if whole && scan.lex(end) == Lex::Point && scan.is_digits(end + 1) {
                let fraction = read_fraction_digits(scan, end + 1)?;
                (value + fraction, end + 2, false)
            } else {
                (value, end, whole)
            }
        }
        (Kind::Symbol('.'), _) if scan.attached(index + 1) && scan.is_digits(index + 1) => {
            if index > 0 && scan.attached(index) && scan.is_digits(index - 1) {
                return None;
            }
            let fraction = read_fraction_digits(scan, index + 1)?;
            (fraction, index + 2, false)
        }
        (Kind::Word, Lex::Point) if scan.is_digits(index + 1) => {
            let fraction = read_fraction_digits(scan, index + 1)?;
            (fraction, index + 2, false)
        }
        (Kind::Word, Lex::Half) => {
            // "half a million"
            if scan.lex(index + 1) == Lex::Article
                && let Lex::Scale(scale) = scan.lex(index + 2)
                && scale >= 1e3
            {
                return Some(Quantity {
                    value: 0.5 * scale,
                    start: index,
                    end: index + 3,
                    scale,
                    whole: false,
                });
            }
            return None;
        }
        (Kind::Word, _) => {
            let (value, end) = read_number_words(scan, index)?;
            // "two-thirds", "three quarters"
            let fraction_word = if scan.is_dash(end) && scan.attached(end) {
                end + 1
            } else {
                end
            };
            if let Some(denominator) = fraction_denominator(scan, fraction_word) {
                // "three quarters of a million"
                if let Some((scale, end)) = of_a_scale(scan, fraction_word + 1) {
                    return Some(Quantity {
                        value: value / denominator * scale,
                        start: index,
                        end,
                        scale,
                        whole: false,
                    });
                }
                return Some(Quantity {
                    value: value / denominator,
                    start: index,
                    end: fraction_word + 1,
                    scale: 1.0,
                    whole: false,
                });
            }
            (value, end, value.fract() == 0.0)
        }
        _ => return None,
    };
    // A fraction "20/100" that no date reader took.
    if whole
        && scan.is_symbol(end, '/')
        && scan.attached(end)
        && scan.attached(end + 1)
        && scan.digits_len(end + 1) <= 3
        && let Some(denominator) = scan.digits_value(end + 1)
        && denominator > 0
        && !scan.is_symbol(end + 2, '/')
    {
        return Some(Quantity {
            value: value / denominator as f64,
            start: index,
            end: end + 2,
            scale: 1.0,
            whole: false,
        });
    }
    let mut value = value;
    let mut scale = 1.0;
    let mut scaled = false;
    // Scale words and abbreviations, possibly stacked ("three thousand millions").
    loop {
        // "300-million" in a compound adjective
        if scan.is_dash(end)
            && scan.attached(end)
            && scan.attached(end + 1)
            && matches!(scan.lex(end + 1), Lex::Scale(_))
            && !scaled
        {
            end += 1;
        }
        match scan.lex(end) {
            Lex::Scale(factor)
                if !scan.attached(end)
                    || scan.is_digits(end.wrapping_sub(1))
                    || scan.is_dash(end.wrapping_sub(1)) =>
            {
                if scaled && factor <= scale {
                    break;
                }
                value *= factor;
                scale *= factor;
                scaled = true;
                end += 1;
            }
            Lex::ScaleAbbreviation(factor) if !scaled => {
                let single_letter = scan.str(end).len() == 1;
                if single_letter && !scan.attached(end) {
                    break;
                }
                value *= factor;
                scale *= factor;
                scaled = true;
                end += 1;
            }
            Lex::Dozen => {
                value *= 12.0;
                end += 1;
            }
            Lex::Other
                if money
                    && !scaled
                    && scan.attached(end)
                    && scan.is_digits(end - 1)
                    && scan.str(end) == "m" =>
            {
                value *= 1e6;
                scale *= 1e6;
                scaled = true;
                end += 1;
            }
            _ => break,
        }
    }
    // A unit glued to the digits ("2013s", "5G") is not a scale: such tokens are left to the
    // identifier rules, except known units of measure which simply end the number.
    if !value.is_finite() {
        return None;
    }
    Some(Quantity {
        value,
        start: index,
        end,
        scale,
        whole: whole && !scaled,
    })
}

/// "of a million" at token `index`: the scale (a thousand or more) and the token after it.
fn of_a_scale(scan: &Scan, index: usize) -> Option<(f64, usize)> {
    if !scan.is_word(index, "of") || scan.lex(index + 1) != Lex::Article {
        return None;
    }
    match scan.lex(index + 2) {
        Lex::Scale(scale) if scale >= 1e3 => Some((scale, index + 3)),
        _ => None,
    }
}

/// The denominator a fraction word names: "thirds" 3, "quarters" 4, "halves" 2.
fn fraction_denominator(scan: &Scan, index: usize) -> Option<f64> {
    const WORDS: &[(&str, f64)] = &[
        ("half", 2.0),
        ("halves", 2.0),
        ("third", 3.0),
        ("thirds", 3.0),
        ("quarter", 4.0),
        ("quarters", 4.0),
        ("fifth", 5.0),
        ("fifths", 5.0),
        ("sixths", 6.0),
        ("eighths", 8.0),
        ("tenths", 10.0),
    ];
    if scan.kind(index) != Some(Kind::Word) {
        return None;
    }
    let word = scan.str(index);
    WORDS
        .iter()
        .find(|(name, _)| word.eq_ignore_ascii_case(name))
        .map(|(_, denominator)| *denominator)
}

/// Digits with thousands separators and an optional decimal part. Returns the value, the end
/// token and whether it is a whole number. `None` for version-like runs ("1.2.3").
fn read_digits(scan: &Scan, index: usize) -> Option<(f64, usize, bool)> {
    let mut buffer = NumberBuffer::new();
    let first_len = scan.digits_len(index);
    buffer.push(scan.str(index))?;
    let mut end = index + 1;
    if first_len <= 3 {
        // "1,500,000"
        if scan.is_symbol(end, ',')
            && scan.attached(end)
            && scan.attached(end + 1)
            && scan.digits_len(end + 1) == 3
        {
            while scan.is_symbol(end, ',')
                && scan.attached(end)
                && scan.attached(end + 1)
                && scan.digits_len(end + 1) == 3
            {
                buffer.push(scan.str(end + 1))?;
                end += 2;
            }
        } else if scan.digits_len(end) == 3 && scan.single_space_before(end) {
            // "1 500 000", only when the groups are not glued to something else
            while scan.digits_len(end) == 3
                && scan.single_space_before(end)
                && !(scan.attached(end + 1) && scan.is_symbol(end + 1, '/'))
            {
                buffer.push(scan.str(end))?;
                end += 1;
            }
        }
    }
    let mut whole = true;
    if scan.is_symbol(end, '.') && scan.attached(end) && scan.attached(end + 1) {
        if scan.is_digits(end + 1) {
            buffer.push(".")?;
            buffer.push(scan.str(end + 1))?;
            end += 2;
            whole = false;
            if (scan.is_symbol(end, '.') || scan.is_symbol(end, ','))
                && scan.attached(end)
                && scan.attached(end + 1)
                && scan.is_digits(end + 1)
            {
                return None;
            }
        }
    } else if scan.is_symbol(end, ',')
        && scan.attached(end)
        && scan.attached(end + 1)
        && scan.is_digits(end + 1)
        && scan.digits_len(end + 1) != 3
        && matches!(scan.lex(end + 2), Lex::Scale(_) | Lex::ScaleAbbreviation(_))
    {
        // A decimal comma before a scale: "1,5 bln".
        buffer.push(".")?;
        buffer.push(scan.str(end + 1))?;
        end += 2;
        whole = false;
    }
    let value = buffer.value()?;
    Some((value, end, whole))
}

/// "77" after a decimal point → 0.77.
fn read_fraction_digits(scan: &Scan, index: usize) -> Option<f64> {
    let mut buffer = NumberBuffer::new();
    buffer.push("0.")?;
    buffer.push(scan.str(index))?;
    buffer.value()
}

/// Digits gathered on the stack and parsed once, so that "0.77" is exactly 0.77.
struct NumberBuffer {
    bytes: [u8; 48],
    len: usize,
}

impl NumberBuffer {
    fn new() -> Self {
        NumberBuffer {
            bytes: [0; 48],
            len: 0,
        }
    }

    fn push(&mut self, part: &str) -> Option<()> {
        let end = self.len.checked_add(part.len())?;
        self.bytes
            .get_mut(self.len..end)?
            .copy_from_slice(part.as_bytes());
        self.len = end;
        Some(())
    }

    fn value(&self) -> Option<f64> {
        let text = std::str::from_utf8(self.bytes.get(..self.len)?).ok()?;
        text.parse().ok()
    }
}

/// What the last number word added, to know which word may follow.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    Nothing,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
    /// "and a half" after units: only a scale may follow ("one and a half billion").
    Half,
}

/// English number words. Returns the value and the end token.
pub(crate) fn read_number_words(scan: &Scan, index: usize) -> Option<(f64, usize)> {
    let mut total = 0.0f64;
    let mut current = 0.0f64;
    let mut last = Last::Nothing;
    let mut last_scale = 0.0f64;
    let mut at = index;
    let mut read_any = false;
    if scan.lex(at) == Lex::Article {
        match scan.lex(at + 1) {
            Lex::Scale(_) | Lex::Dozen => {
                current = 1.0;
                last = Last::Unit;
                at += 1;
            }
            Lex::Couple => return Some((2.0, at + 2)),
            _ => return None,
        }
    }
    loop {
        match scan.lex(at) {
            Lex::Cardinal(value) => {
                let value = value as f64;
                let allowed = match (value as u64, last) {
                    (_, Last::Nothing | Last::Hundred | Last::Scale) => true,
                    (1..=9, Last::Tens) => true,
                    // "one twenty two" is 122, spoken style.
                    (20..=90, Last::Unit | Last::Teen) if current < 100.0 && current > 0.0 => {
                        current *= 100.0;
                        true
                    }
                    _ => false,
                };
                if !allowed {
                    break;
                }
                current += value;
                last = match value as u64 {
                    0..=9 => Last::Unit,
                    10..=19 => Last::Teen,
                    _ => Last::Tens,
                };
            }
            Lex::Scale(100.0) => {
                if last == Last::Hundred || current >= 100.0 {
                    break;
                }
                if last == Last::Nothing {
                    break;
                }
                current = current.max(1.0) * 100.0;
                last = Last::Hundred;
            }
            Lex::Scale(scale) => {
                if last == Last::Nothing {
                    break;
                }
                if current == 0.0 && last == Last::Scale && scale > last_scale {
                    total *= scale;
                } else if last_scale > 0.0 && scale >= last_scale && current > 0.0 {
                    // "three crore twelve lakh" is fine; "thousand … thousand" is not.
                    total = (total + current) * scale;
                    current = 0.0;
                } else {
                    total += current.max(1.0) * scale;
                    current = 0.0;
                }
                last_scale = scale;
                last = Last::Scale;
            }
            Lex::Dozen => {
                if last == Last::Nothing {
                    break;
                }
                current *= 12.0;
                total *= 12.0;
                last = Last::Scale;
                last_scale = 12.0;
            }
            _ => {
                let word = scan.kind(at) == Some(Kind::Word) && scan.is_word(at, "and");
                // "one and a half", "two and a half billion", "a billion and a half", and
                // hyphenated: "two-and-a-half billion".
                let hyphen = |index: usize| scan.is_dash(index) && scan.attached(index);
                let half_len = if word && scan.is_word(at + 1, "a") && scan.lex(at + 2) == Lex::Half
                {
                    Some(3)
                } else if hyphen(at)
                    && scan.is_word(at + 1, "and")
                    && hyphen(at + 2)
                    && scan.is_word(at + 3, "a")
                    && hyphen(at + 4)
                    && scan.lex(at + 5) == Lex::Half
                {
                    Some(6)
                } else {
                    None
                };
                if let Some(len) = half_len {
                    match last {
                        Last::Unit | Last::Teen | Last::Tens => {
                            current += 0.5;
                            last = Last::Half;
                            at += len;
                            continue;
                        }
                        Last::Scale => {
                            total += 0.5 * last_scale;
                            at += len;
                            break;
                        }
                        Last::Nothing | Last::Hundred | Last::Half => {}
                    }
                }
                let next_is_cardinal = matches!(scan.lex(at + 1), Lex::Cardinal(_));
                if word && next_is_cardinal && matches!(last, Last::Hundred | Last::Scale) {
                    at += 1;
                    continue;
                }
                if scan.is_dash(at)
                    && last == Last::Tens
                    && scan.attached(at)
                    && scan.attached(at + 1)
                    && matches!(scan.lex(at + 1), Lex::Cardinal(1..=9))
                {
                    at += 1;
                    continue;
                }
                break;
            }
        }
        read_any = true;
        at += 1;
    }
    if !read_any {
        return None;
    }
    let mut value = total + current;
    // "two point two"
    if scan.lex(at) == Lex::Point {
        if scan.is_digits(at + 1) {
            let fraction = read_fraction_digits(scan, at + 1)?;
            value += fraction;
            at += 2;
        } else {
            let mut divisor = 10.0;
            let mut next = at + 1;
            while let Lex::Cardinal(digit @ 0..=9) = scan.lex(next) {
                value += digit as f64 / divisor;
                divisor *= 10.0;
                next += 1;
            }
            if next > at + 1 {
                at = next;
            }
        }
        if let Lex::Scale(scale) = scan.lex(at) {
            value *= scale;
            at += 1;
        }
    }
    Some((value, at))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(text: &str) -> Option<f64> {
        let scan = Scan::new(text);
        read_quantity(&scan, 0, false).map(|quantity| quantity.value)
    }

    #[test]
    fn words_and_digits_are_read() {
        assert_eq!(number("one hundred and five"), Some(105.0));
        assert_eq!(number("twenty-one thousand eleven"), Some(21011.0));
        assert_eq!(number("1,500,000"), Some(1_500_000.0));
        assert_eq!(number("1.5 billion"), Some(1.5e9));
        assert_eq!(number("three thousand millions"), Some(3e9));
        assert_eq!(number("-504"), Some(-504.0));
        assert_eq!(number("1.2.3"), None);
        assert_eq!(number("hello"), None);
    }
}
