//! Money: an amount with a currency before it ("$1.5 billion", "US$1.5bn", "USD 1.5 billion",
//! "€300 million", "Rs. 5", "RM10", "ringgit 42", "Br 5 million", "Rbl 2.5 billion") or after
//! it ("1.5 billion US dollars", "3.4 billion U.S. dollars",
//! "300 million euros", "10 billion yuan", "5 Belarusian rubles", "42 MYR", "10$", "20€"),
//! "a dollar", and cents given apart ("$20 and 43c", "3 dollars 14 cents", "20 ringgit 43").
//!
//! Currencies: ISO codes from [`crate::value::CURRENCIES`] (upper case, before or after the
//! amount); symbols (`$` is [`super::Options::dollar`], USD by default; `€` EUR, `£` GBP,
//! `¥` CNY — yuan rather than yen, as in most Chinese-economy prose —, `₽` RUB, `₹` INR, …);
//! prefixed dollars (`US$`, `A$`, `C$`, `S$`, `NZ$`, `HK$`, `R$`); the abbreviations `Rs` INR,
//! `RM` MYR, `Rbl` RUB and `Br` BYN (the Belarusian ruble's sign, with a capital B only, and
//! BYN whatever the year, as "Belarusian rubles" are); and names, with a country
//! adjective picking the currency of a shared name ("Belarusian rubles" → BYN, "Russian
//! roubles" → RUB, "Lebanese pounds" → LBP). A name without an adjective takes its most
//! common currency: pounds GBP, rubles RUB, rupees INR, yuan and RMB CNY, dollars the option.
//! Cents given apart without a unit ("$20 43") count only at the end of a phrase.

use super::Options;
use super::number::{Quantity, read_number_words, read_quantity};
use super::scan::{Family, Kind, Lex, Scan, family_default};

/// An amount of money read from tokens `start..end`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct MoneyMatch<'o> {
    pub currency: &'o str,
    pub amount: f64,
    pub quantity: Quantity,
    pub start: usize,
    pub end: usize,
}

/// Read an amount of money starting at token `index`.
#[cfg(test)]
pub(crate) fn read_money<'o>(
    scan: &Scan,
    index: usize,
    options: &'o Options,
) -> Option<MoneyMatch<'o>> {
    read_money_with_prefix(scan, index, options).or_else(|| {
        let quantity = read_quantity(scan, index, true)?;
        money_after(scan, quantity, options)
    })
}

/// Money whose currency comes first ("$5", "USD 5", "ringgit 42") or "a dollar".
pub(crate) fn read_money_with_prefix<'o>(
    scan: &Scan,
    index: usize,
    options: &'o Options,
) -> Option<MoneyMatch<'o>> {
    // "a dollar", "a euro"
    if scan.lex(index) == Lex::Article
        && matches!(
            scan.lex(index + 1),
            Lex::Dollar | Lex::Currency(_) | Lex::CurrencyFamily(_) | Lex::CurrencyAdjective(_)
        )
        && !(scan.is_symbol(index + 2, '$') && scan.attached(index + 2))
        && let Some((currency, end)) = read_suffix(scan, index + 1, options)
    {
        let quantity = Quantity {
            value: 1.0,
            start: index,
            end: index + 1,
            scale: 1.0,
            whole: true,
        };
        return Some(finish(scan, currency, quantity, index, end));
    }
    let (currency, next) = read_prefix(scan, index, options)?;
    let quantity = read_quantity(scan, next, true)?;
    // A currency word after it too ("$5 USD") is part of the amount.
    let end = read_suffix(scan, quantity.end, options).map_or(quantity.end, |(_, end)| end);
    Some(finish(scan, currency, quantity, index, end))
}

/// Money whose currency follows a number already read ("5 euros", "42MYR", "10$").
pub(crate) fn money_after<'o>(
    scan: &Scan,
    quantity: Quantity,
    options: &'o Options,
) -> Option<MoneyMatch<'o>> {
    let (currency, end) = read_suffix(scan, quantity.end, options)?;
    Some(finish(scan, currency, quantity, quantity.start, end))
}

/// Add cents given apart, and build the match.
fn finish<'o>(
    scan: &Scan,
    currency: &'o str,
    quantity: Quantity,
    start: usize,
    end: usize,
) -> MoneyMatch<'o> {
    let mut amount = quantity.value;
    let mut end = end;
    if quantity.whole
        && let Some((cents, cents_end)) = read_cents(scan, end)
    {
        amount += cents / 100.0;
        end = cents_end;
    }
    MoneyMatch {
        currency,
        amount,
        quantity,
        start,
        end,
    }
}

/// "and 43c", "43 cents", "43" at the end of a phrase.
fn read_cents(scan: &Scan, index: usize) -> Option<(f64, usize)> {
    let mut at = index;
    if scan.is_word(at, "and") {
        at += 1;
    }
    let (cents, after) = if scan.is_digits(at) {
        if scan.digits_len(at) > 2 {
            return None;
        }
        (scan.digits_value(at)? as f64, at + 1)
    } else if matches!(scan.lex(at), Lex::Cardinal(_)) {
        read_number_words(scan, at)?
    } else {
        return None;
    };
    if !(0.0..100.0).contains(&cents) || cents.fract() != 0.0 {
        return None;
    }
    if scan.lex(after) == Lex::MinorUnit {
        // "43c" glued, "43 cents" spaced
        return Some((cents, after + 1));
    }
    let phrase_ends = match scan.kind(after) {
        None => true,
        Some(Kind::Symbol(symbol)) => matches!(symbol, '.' | ',' | ';' | ':' | '!' | '?' | ')'),
        _ => false,
    };
    phrase_ends.then_some((cents, after))
}

/// The ISO code of an upper-case word, as a `'static` string.
fn known_code(word: &str) -> Option<&'static str> {
    if word.len() != 3 || !word.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    crate::value::CURRENCIES
        .iter()
        .find(|(code, _)| *code == word)
        .map(|(code, _)| *code)
}

/// Whether `symbol` names a currency ("€", "£"; not "$", which the options name).
pub(crate) fn is_currency_symbol(symbol: char) -> bool {
    symbol_currency(symbol).is_some()
}

fn symbol_currency(symbol: char) -> Option<&'static str> {
    Some(match symbol {
        '€' => "EUR",
        '£' => "GBP",
        '¥' | '元' => "CNY",
        '₽' => "RUB",
        '₹' => "INR",
        '₴' => "UAH",
        '₩' => "KRW",
        '₺' => "TRY",
        '₪' => "ILS",
        '₦' => "NGN",
        '₱' => "PHP",
        '₸' => "KZT",
        _ => return None,
    })
}

/// "US" in "US$": the dollar it names.
fn dollar_prefix(word: &str) -> Option<&'static str> {
    Some(match word {
        "US" | "U.S." => "USD",
        "A" | "AU" => "AUD",
        "C" | "CA" | "CAN" => "CAD",
        "S" | "SG" => "SGD",
        "NZ" => "NZD",
        "HK" => "HKD",
        "R" => "BRL",
        "MX" => "MXN",
        _ => return None,
    })
}

/// A currency before the amount: the currency and the token where the amount starts.
fn read_prefix<'o>(scan: &Scan, index: usize, options: &'o Options) -> Option<(&'o str, usize)> {
    let token = scan.token(index)?;
    match token.kind {
        Kind::Symbol('$') => Some((options.dollar.as_str(), index + 1)),
        Kind::Symbol(symbol) => symbol_currency(symbol).map(|code| (code, index + 1)),
        Kind::Word => {
            let word = scan.str(index);
            if scan.is_symbol(index + 1, '$') && scan.attached(index + 1) {
                return dollar_prefix(word).map(|code| (code, index + 2));
            }
            if let Some(code) = known_code(word) {
                return Some((code, index + 1));
            }
            match token.lex {
                Lex::CurrencyPrefix(code) => {
                    let mut next = index + 1;
                    if scan.is_symbol(next, '.') && scan.attached(next) {
                        next += 1;
                    }
                    Some((code, next))
                }
                // Names stand before the amount only in a few currencies ("ringgit 42",
                // "RMB 10 billion", "rupees 500"); "Euro 5" is an emission standard.
                Lex::CurrencyFamily(family) if name_leads(family) => {
                    Some((family_default(family)?, index + 1))
                }
                Lex::CurrencyAdjective(adjective) => match scan.lex(index + 1) {
                    Lex::CurrencyFamily(family) if name_leads(family) => Some((
                        adjective.currency(family).or(family_default(family))?,
                        index + 2,
                    )),
                    _ => None,
                },
                _ => None,
            }
        }
        _ => None,
    }
}

/// Whether a currency name may stand before its amount.
fn name_leads(family: Family) -> bool {
    matches!(family, Family::Ringgit | Family::Yuan | Family::Rupee)
}

/// A currency after the amount starting at token `index`: the currency and the end.
fn read_suffix<'o>(scan: &Scan, index: usize, options: &'o Options) -> Option<(&'o str, usize)> {
    // "a 300-million-euro loan"
    if scan.is_dash(index)
        && scan.attached(index)
        && scan.attached(index + 1)
        && scan.kind(index + 1) == Some(Kind::Word)
    {
        return read_suffix(scan, index + 1, options).filter(|(_, end)| *end == index + 2);
    }
    let token = scan.token(index)?;
    match token.kind {
        Kind::Symbol('$') => Some((options.dollar.as_str(), index + 1)),
        Kind::Symbol(symbol) => {
            let code = symbol_currency(symbol)?;
            // "20 €ur"
            if symbol == '€' && scan.attached(index + 1) && scan.is_word(index + 1, "ur") {
                return Some((code, index + 2));
            }
            Some((code, index + 1))
        }
        Kind::Word => {
            let word = scan.str(index);
            if scan.is_symbol(index + 1, '$') && scan.attached(index + 1) {
                return dollar_prefix(word).map(|code| (code, index + 2));
            }
            if let Some(code) = known_code(word) {
                return Some((code, index + 1));
            }
            // "3.4 billion U.S. dollars"
            if word == "U"
                && scan.is_symbol(index + 1, '.')
                && scan.attached(index + 1)
                && scan.is_word(index + 2, "S")
                && scan.attached(index + 2)
                && scan.is_symbol(index + 3, '.')
                && scan.attached(index + 3)
                && scan.lex(index + 4) == Lex::Dollar
            {
                return Some(("USD", index + 5));
            }
            // "42 LE", "42 L.E."
            if word.eq_ignore_ascii_case("le") {
                return Some(("EGP", index + 1));
            }
            if word.eq_ignore_ascii_case("l")
                && scan.is_symbol(index + 1, '.')
                && scan.is_word(index + 2, "e")
            {
                let end = if scan.is_symbol(index + 3, '.') {
                    index + 4
                } else {
                    index + 3
                };
                return Some(("EGP", end));
            }
            match token.lex {
                Lex::CurrencyPrefix(code) => Some((code, index + 1)),
                Lex::Currency(code) => Some((code, index + 1)),
                Lex::Dollar => Some((options.dollar.as_str(), index + 1)),
                Lex::CurrencyFamily(family) => Some((family_default(family)?, index + 1)),
                Lex::CurrencyAdjective(adjective) => {
                    let family = match scan.lex(index + 1) {
                        Lex::CurrencyFamily(family) => family,
                        Lex::Dollar => Family::Dollar,
                        _ => return None,
                    };
                    let code = adjective.currency(family).or(family_default(family))?;
                    Some((code, index + 2))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(text: &str) -> Option<(String, f64)> {
        let options = Options::default();
        let scan = Scan::new(text);
        read_money(&scan, 0, &options).map(|found| (found.currency.to_string(), found.amount))
    }

    #[test]
    fn prefixes_and_suffixes_are_read() {
        assert_eq!(money("$1.5 billion"), Some(("USD".into(), 1.5e9)));
        assert_eq!(money("5 Belarusian rubles"), Some(("BYN".into(), 5.0)));
        assert_eq!(money("EUR 300m"), Some(("EUR".into(), 3e8)));
        assert_eq!(money("$20 and 43c"), Some(("USD".into(), 20.43)));
        assert_eq!(money("20 people"), None);
    }
}
