//! Percentages: a number followed by "%", "percent", "per cent", "pct" or a lower-case "pc"
//! ("12.5%", "12.5 per cent", "twelve percent", "25 pc"). The number itself is read by [`super::number`].

use super::scan::{Kind, Scan};

/// If a percent sign or word follows at token `index`, the token after it.
pub(crate) fn percent_suffix(scan: &Scan, index: usize) -> Option<usize> {
    if scan.is_symbol(index, '%') || scan.is_symbol(index, '％') {
        return Some(index + 1);
    }
    if scan.is_any_word(index, &["percent", "pct", "percentage"]) {
        return Some(index + 1);
    }
    // "25 pc", "1.5pc" in lower case only: "5 PC games" are computers.
    if scan.kind(index) == Some(Kind::Word) && scan.str(index) == "pc" {
        return Some(index + 1);
    }
    if scan.is_word(index, "per") && scan.is_word(index + 1, "cent") {
        return Some(index + 2);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_words_and_signs_are_read() {
        assert_eq!(percent_suffix(&Scan::new("5 %"), 1), Some(2));
        assert_eq!(percent_suffix(&Scan::new("5 per cent"), 1), Some(3));
        assert_eq!(percent_suffix(&Scan::new("5 percent"), 1), Some(2));
        assert_eq!(percent_suffix(&Scan::new("5 per head"), 1), None);
    }
}
