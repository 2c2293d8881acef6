//! Ordinals: digits with a suffix ("1st", "21st", "73rd") and ordinal words ("first",
//! "twenty-first", "twenty fifth", "twentyfifth", "hundredth").

use super::scan::{Kind, Lex, Scan};

/// Read an ordinal at token `index`: its value and the end token.
pub(crate) fn read_ordinal(scan: &Scan, index: usize) -> Option<(u64, usize)> {
    let token = scan.token(index)?;
    match (token.kind, token.lex) {
        (Kind::Digits, _) => {
            let value = scan.digits_value(index)?;
            let suffix = index + 1;
            if scan.attached(suffix) && scan.is_any_word(suffix, &["st", "nd", "rd", "th"]) {
                // "21sts" or "3rdly" are not ordinals; neither is "3rd" glued to more digits.
                if scan.attached(suffix + 1)
                    && matches!(scan.kind(suffix + 1), Some(Kind::Word | Kind::Digits))
                {
                    return None;
                }
                return Some((value, suffix + 1));
            }
            None
        }
        (Kind::Word, Lex::Ordinal(value)) => Some((value, index + 1)),
        (Kind::Word, Lex::Cardinal(tens @ 20..=90)) => {
            // "twenty-first", "twenty—first", "twenty first"
            let mut next = index + 1;
            if scan.is_dash(next) && scan.attached(next) {
                next += 1;
            }
            match scan.lex(next) {
                Lex::Ordinal(unit @ 1..=9) => Some((tens + unit, next + 1)),
                _ => None,
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ordinal(text: &str) -> Option<u64> {
        read_ordinal(&Scan::new(text), 0).map(|(value, _)| value)
    }

    #[test]
    fn ordinals_are_read() {
        assert_eq!(ordinal("21st"), Some(21));
        assert_eq!(ordinal("thirty—first"), Some(31));
        assert_eq!(ordinal("forty second"), Some(42));
        assert_eq!(ordinal("hundredth"), Some(100));
        assert_eq!(ordinal("21"), None);
        assert_eq!(ordinal("twenty"), None);
    }
}
