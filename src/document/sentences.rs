//! Sentence splitting inside one block of prose, aware of abbreviations ("Mr.", "U.S.",
//! "Jan.", "No. 5"), initials ("J. R. Smith"), decimals ("1.5") and closing quotes.

use crate::span::Span;

/// Words that end with a period without ending the sentence, compared without the period and
/// case-insensitively.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "col", "lt", "capt", "sgt", "maj",
    "adm", "gov", "sen", "rep", "pres", "amb", "hon", "rev", "no", "nos", "vol", "art", "sec",
    "fig", "ch", "p", "pp", "para", "ed", "eds", "vs", "etc", "approx", "est", "dept", "univ",
    "inc", "ltd", "co", "corp", "bros", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
    "sun", "e.g", "i.e", "cf", "al", "mln", "bln", "bn", "mt", "ft", "km",
];

/// The sentences of `block` (a span of `text`), trimmed, in order.
pub fn split_sentences(text: &str, block: Span) -> Vec<Span> {
    let Some(body) = block.slice(text) else {
        return Vec::new();
    };
    let mut sentences = Vec::new();
    let mut start = 0;
    let bytes = body.as_bytes();
    let mut index = 0;
    // Each terminator, and the run of terminators and closing quotes or brackets after it.
    while let Some(offset) = memchr::memchr3(b'.', b'!', b'?', &bytes[index..]) {
        index += offset;
        let mut end = index + 1;
        while end < bytes.len()
            && matches!(bytes[end], b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']')
        {
            end += 1;
        }
        while let Some(quote) = body[end..]
            .chars()
            .next()
            .filter(|c| matches!(c, '”' | '’' | '»'))
        {
            end += quote.len_utf8();
        }
        // Reference marks glued to the end: "in 1992.[1] Relations …", "said.[12][13]".
        while let Some(mark) = reference_mark(&body[end..]) {
            end += mark;
        }
        if ends_sentence(body, index, end) {
            push_trimmed(&mut sentences, body, start, end, block.start);
            start = end;
        }
        index = end;
    }
    push_trimmed(&mut sentences, body, start, body.len(), block.start);
    sentences
}

/// The length of a reference mark at the start of `text` ("[1]", "[12]", "[a]", "[note 3]"):
/// a bracket, up to 12 bytes without a line break or another bracket, and the closing bracket.
fn reference_mark(text: &str) -> Option<usize> {
    let inner = text.strip_prefix('[')?;
    let close = inner.find(']')?;
    let mark = &inner[..close];
    (close > 0 && close <= 12 && !mark.contains(['[', '\n'])).then_some(close + 2)
}

/// Whether the terminator at `at` (with its trailing run ending at `end`) ends a sentence.
fn ends_sentence(body: &str, at: usize, end: usize) -> bool {
    let rest = &body[end..];
    // The next sentence must be separated by whitespace…
    let after_space = rest.trim_start();
    if after_space.len() == rest.len() {
        return rest.is_empty();
    }
    // A question ends where it ends, whatever follows: "When …? a) 1991 b) 1992".
    if body.as_bytes()[at] == b'?' {
        return true;
    }
    // …and start like a sentence: a capital, a digit, an opening quote or bracket.
    let Some(next) = after_space.chars().next() else {
        return true;
    };
    if !(next.is_uppercase()
        || next.is_ascii_digit()
        || matches!(next, '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '—' | '–'))
    {
        return false;
    }
    if body.as_bytes()[at] != b'.' {
        return true;
    }
    // The word before the period.
    let before = &body[..at];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘'))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    // The number of a list item that opens the body: "1. First point".
    if word_start == before.len() - before.trim_start().len()
        && word.len() <= 2
        && word.bytes().all(|b| b.is_ascii_digit())
    {
        return false;
    }
    // Initials and dotted abbreviations: "J.", "U.S", "e.g".
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1
        && word.chars().count() <= 2
        && word.chars().next().is_some_and(char::is_uppercase)
    {
        return false;
    }
    if word.contains('.') && word.split('.').all(|part| part.chars().count() <= 2) {
        // "U.S." ends a sentence only before a word that cannot follow it mid-sentence; keep
        // it joined unless a new sentence clearly starts with a common sentence opener.
        return starts_with_opener(after_space);
    }
    if ABBREVIATIONS
        .iter()
        .any(|abbreviation| abbreviation.eq_ignore_ascii_case(word))
    {
        // "No. 5" and "Jan. 20" never end there; "Co." or "etc." at a paragraph's end do, but
        // inside a block a capital after them is more often a name.
        return starts_with_opener(after_space);
    }
    true
}

/// Words that begin a sentence far more often than they follow an abbreviation.
fn starts_with_opener(text: &str) -> bool {
    const OPENERS: &[&str] = &[
        "The",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "He",
        "She",
        "They",
        "We",
        "I",
        "In",
        "On",
        "At",
        "After",
        "Before",
        "But",
        "And",
        "A",
        "An",
        "His",
        "Her",
        "Their",
        "Our",
        "There",
        "When",
        "While",
        "As",
        "According",
    ];
    let word: &str = text
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    OPENERS.contains(&word)
}

/// No real sentence is longer; longer runs without a full stop (lists, run-on text, a whole
/// file on one line) are cut at a space, so that work per sentence stays bounded.
pub const MAX_SENTENCE: usize = 1500;

fn push_trimmed(sentences: &mut Vec<Span>, body: &str, mut start: usize, end: usize, base: usize) {
    while end - start > MAX_SENTENCE {
        let mut cut = start + MAX_SENTENCE;
        while !body.is_char_boundary(cut) {
            cut -= 1;
        }
        let space = body[start..cut]
            .rfind(char::is_whitespace)
            .filter(|&at| at > 0)
            .map(|at| start + at);
        let cut = space.unwrap_or(cut);
        push_piece(sentences, body, start, cut, base);
        start = cut;
    }
    push_piece(sentences, body, start, end, base);
}

fn push_piece(sentences: &mut Vec<Span>, body: &str, start: usize, end: usize, base: usize) {
    let piece = &body[start..end];
    let leading = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let from = base + start + leading;
        sentences.push(Span::new(from, from + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text, Span::new(0, text.len()))
            .into_iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn abbreviations_initials_and_decimals_do_not_split() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Mr. Lukashenko arrived. He met Xi.",
                &["Mr. Lukashenko arrived.", "He met Xi."],
            ),
            (
                "The U.S. Senate voted. Then it rested.",
                &["The U.S. Senate voted.", "Then it rested."],
            ),
            (
                "It was Jan. 20, 1992. Ties began.",
                &["It was Jan. 20, 1992.", "Ties began."],
            ),
            (
                "Decree No. 5 was signed. It took effect.",
                &["Decree No. 5 was signed.", "It took effect."],
            ),
            (
                "Trade grew 1.5 times. Good.",
                &["Trade grew 1.5 times.", "Good."],
            ),
            (
                "J. R. Smith wrote it. Others read it.",
                &["J. R. Smith wrote it.", "Others read it."],
            ),
            (
                "He said: “We agree.” Then he left.",
                &["He said: “We agree.”", "Then he left."],
            ),
            (
                "Talks ended. 20 deals followed!",
                &["Talks ended.", "20 deals followed!"],
            ),
            ("Was it signed? Yes.", &["Was it signed?", "Yes."]),
            (
                "Sales rose in the U.S. The end.",
                &["Sales rose in the U.S.", "The end."],
            ),
            ("no period at the end", &["no period at the end"]),
            (
                "See e.g. the annex. Fine.",
                &["See e.g. the annex.", "Fine."],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(split(text), *expected, "{text}");
        }
    }

    #[test]
    fn a_question_ends_before_whatever_follows_it() {
        assert_eq!(
            split("When did it happen? a) 1991 b) 1992"),
            ["When did it happen?", "a) 1991 b) 1992"]
        );
    }

    #[test]
    fn reference_marks_stay_with_their_sentence() {
        assert_eq!(
            split("Ties began in 1992.[1] Relations grew.[2][3] See [a] below. Done."),
            [
                "Ties began in 1992.[1]",
                "Relations grew.[2][3]",
                "See [a] below.",
                "Done."
            ]
        );
        // Not a reference mark: too long, or no closing bracket.
        assert_eq!(
            split("It ended.[see the long note here] Then. It ended.[1 Then."),
            [
                "It ended.[see the long note here] Then.",
                "It ended.[1 Then."
            ]
        );
    }

    #[test]
    fn run_on_text_is_cut_into_bounded_pieces() {
        let text = "word ".repeat(2000) + "é".repeat(2000).as_str();
        let spans = split_sentences(&text, Span::new(0, text.len()));
        assert!(spans.len() > 4);
        assert!(spans.iter().all(|span| span.len() <= MAX_SENTENCE
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)));
    }

    #[test]
    fn offsets_are_relative_to_the_whole_text() {
        let text = "xx One. Two.";
        let spans = split_sentences(text, Span::new(3, text.len()));
        assert_eq!(spans, [Span::new(3, 7), Span::new(8, 12)]);
    }
}
