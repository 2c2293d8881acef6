//! Hedges: the words before a value that widen it ("about", "more than", "at least", "up to",
//! "~") and the words that open a range ("between", "from"). Longest phrase wins. One hedge
//! comes after its value: a glued "-plus" or "+" ("2,000-plus", "2,000+") is a lower bound,
//! [`Hedge::AtLeast`], unless a hedge before the value says otherwise.

use super::Hedge;
use super::scan::{Kind, Lex, Scan};

/// The words of a hedge phrase after its first, and what the phrase means.
type Phrase = (&'static [&'static str], Hedge);

/// Every hedge phrase, grouped by its first word (the words the lexicon marks
/// [`Lex::Hedge`], with the group's index), longest first within a group, and what it means.
pub(crate) const PHRASES: &[(&str, &[Phrase])] = &[
    (
        "no",
        &[
            (&["less", "than"], Hedge::AtLeast),
            (&["fewer", "than"], Hedge::AtLeast),
            (&["more", "than"], Hedge::AtMost),
        ],
    ),
    (
        "not",
        &[
            (&["less", "than"], Hedge::AtLeast),
            (&["more", "than"], Hedge::AtMost),
        ],
    ),
    ("in", &[(&["excess", "of"], Hedge::Over)]),
    (
        "at",
        &[(&["least"], Hedge::AtLeast), (&["most"], Hedge::AtMost)],
    ),
    ("up", &[(&["to"], Hedge::AtMost)]),
    ("more", &[(&["than"], Hedge::Over)]),
    ("upwards", &[(&["of"], Hedge::Over)]),
    ("less", &[(&["than"], Hedge::Under)]),
    ("fewer", &[(&["than"], Hedge::Under)]),
    ("close", &[(&["to"], Hedge::Nearly)]),
    (
        "just",
        &[
            (&["under"], Hedge::Nearly),
            (&["below"], Hedge::Nearly),
            (&["over"], Hedge::Over),
        ],
    ),
    ("about", &[(&[], Hedge::About)]),
    ("around", &[(&[], Hedge::About)]),
    ("some", &[(&[], Hedge::About)]),
    ("approximately", &[(&[], Hedge::About)]),
    ("approx", &[(&[], Hedge::About)]),
    ("roughly", &[(&[], Hedge::About)]),
    ("circa", &[(&[], Hedge::About)]),
    ("estimated", &[(&[], Hedge::About)]),
    ("nearly", &[(&[], Hedge::Nearly)]),
    ("almost", &[(&[], Hedge::Nearly)]),
    ("over", &[(&[], Hedge::Over)]),
    ("above", &[(&[], Hedge::Over)]),
    ("exceeding", &[(&[], Hedge::Over)]),
    ("under", &[(&[], Hedge::Under)]),
    ("below", &[(&[], Hedge::Under)]),
    ("between", &[(&[], Hedge::Range)]),
    ("from", &[(&[], Hedge::Range)]),
];

/// A hedge read before a value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct HedgeMatch {
    pub hedge: Hedge,
    pub start: usize,
    /// The first token after the hedge.
    pub end: usize,
}

/// Read a hedge starting at token `index`.
pub(crate) fn read_hedge(scan: &Scan, index: usize) -> Option<HedgeMatch> {
    let token = scan.token(index)?;
    if token.kind == Kind::Symbol('~') || token.kind == Kind::Symbol('≈') {
        return Some(HedgeMatch {
            hedge: Hedge::About,
            start: index,
            end: index + 1,
        });
    }
    let Lex::Hedge(group) = token.lex else {
        return None;
    };
    let (head, phrases) = PHRASES.get(usize::from(group))?;
    for (rest, hedge) in *phrases {
        if !rest
            .iter()
            .enumerate()
            .all(|(offset, word)| scan.is_word(index + 1 + offset, word))
        {
            continue;
        }
        let mut end = index + 1 + rest.len();
        // "approx." keeps its point.
        if *head == "approx" && scan.is_symbol(end, '.') && scan.attached(end) {
            end += 1;
        }
        return Some(HedgeMatch {
            hedge: *hedge,
            start: index,
            end,
        });
    }
    None
}

/// A lower bound written after a value, glued to it: "-plus" ("2,000-plus") or "+" ("2,000+",
/// but not "2+2"). `index` is the token after the value.
pub(crate) fn read_plus_suffix(scan: &Scan, index: usize) -> Option<HedgeMatch> {
    if !scan.attached(index) {
        return None;
    }
    let end = if scan.is_dash(index) && scan.attached(index + 1) && scan.is_word(index + 1, "plus")
    {
        index + 2
    } else if scan.is_symbol(index, '+') {
        index + 1
    } else {
        return None;
    };
    // Glued to more letters or digits ("2+2", "5-plusses"): not a bound.
    if scan.attached(end) && matches!(scan.kind(end), Some(Kind::Word | Kind::Digits)) {
        return None;
    }
    Some(HedgeMatch {
        hedge: Hedge::AtLeast,
        start: index,
        end,
    })
}

/// The hedge as written, lowercased, with runs of spaces made single.
pub(crate) fn hedge_text(scan: &Scan, found: &HedgeMatch) -> String {
    let mut text = String::new();
    for index in found.start..found.end {
        if index > found.start && !scan.attached(index) {
            text.push(' ');
        }
        text.push_str(&scan.str(index).to_lowercase());
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hedge(text: &str) -> Option<(Hedge, String)> {
        let scan = Scan::new(text);
        read_hedge(&scan, 0).map(|found| (found.hedge, hedge_text(&scan, &found)))
    }

    #[test]
    fn hedges_are_read_longest_first() {
        assert_eq!(
            hedge("No less than 5"),
            Some((Hedge::AtLeast, "no less than".into()))
        );
        assert_eq!(hedge("approx. 5"), Some((Hedge::About, "approx.".into())));
        assert_eq!(hedge("~5"), Some((Hedge::About, "~".into())));
        assert_eq!(hedge("up to 5"), Some((Hedge::AtMost, "up to".into())));
        assert_eq!(hedge("upon 5"), None);
        assert_eq!(hedge("no 5"), None);
    }
}
