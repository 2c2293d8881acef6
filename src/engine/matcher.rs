//! Aho-Corasick automata over every phrase the rule set cares about: one for cues, entity
//! names, aliases, adjectives and avoid-variants, titles and event names, run over the whole
//! draft; one for co-words and `unless` phrases, run only over the sentences that need them.
//! Each pattern maps back to everything it means.
//!
//! Matching runs over a *normalized* copy of the prose: ASCII lowercased, curly quotes and
//! apostrophes made straight, a hyphen or en dash between letters made a space, other dashes
//! made `-`, and every run of whitespace (including the blanks left where Markdown markup
//! stood) made one space. A sparse table of shifts maps normalized offsets back to the
//! original ones, so hits are reported as spans of the original file.
//!
//! A phrase counts only from the start of a word and up to the end of one, so the automaton
//! (match kind `Standard`) is walked anchored from word starts, and only where [`Starts`] says
//! some phrase may begin; every pattern the walk passes through is kept, because one stretch
//! of text can mean several things at once ("Chinese Premier" is a title; "Chinese" is also
//! China's adjective) and every meaning must be seen.
//!
//! Case policy: cues, co-words, titles, avoid-variants and event names match in any case.
//! Entity names, aliases and adjectives that start with a capital letter in the rules must
//! start with a capital letter in the draft too ("China", not "china" the porcelain).

use crate::rules::{EntityIdx, EventIdx, FactIdx, RuleSet};
use crate::span::Span;
use aho_corasick::automaton::Automaton as AutomatonTrait;
use aho_corasick::nfa::contiguous;
use aho_corasick::{Anchored, MatchKind, StartKind, dfa};
use std::collections::HashMap;
use std::ops::Range;

/// What a matched phrase means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Meaning {
    Cue(FactIdx),
    Near { fact: FactIdx, group: usize },
    Unless(FactIdx),
    Name { entity: EntityIdx, form: NameForm },
    Avoid { entity: EntityIdx, variant: usize },
    Title { entity: EntityIdx, title: usize },
    EventName(EventIdx),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameForm {
    Name,
    Alias,
    Adjective,
}

/// One phrase found in the draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The phrase in the original text.
    pub span: Span,
    pub meaning: Meaning,
}

/// The compiled automata: one for what sets checks off (cues, names, titles, event names),
/// run over the whole draft, and one for the co-words and `unless` phrases, run only over the
/// sentences where some fact's cue was found.
#[derive(Debug)]
pub struct Matcher {
    main: Table,
    context: Table,
}

/// One automaton and the table from its patterns to their meanings.
#[derive(Debug)]
struct Table {
    automaton: Option<Automaton>,
    /// Per pattern: its meanings and whether it must start with a capital in the draft.
    meanings: Vec<Vec<(Meaning, bool)>>,
    /// Where a pattern may start, so that a walk only starts there.
    starts: Starts,
}

/// The automaton of a table, searched anchored: one walk from each place a word may start.
#[derive(Debug)]
enum Automaton {
    /// A full DFA: the fastest to walk, for up to a few thousand patterns.
    Dfa(dfa::DFA),
    /// Past that the DFA's memory grows large and a contiguous NFA is better.
    Nfa(contiguous::NFA),
}

/// A quick test of where a pattern may start, so that the automaton is walked only there.
/// A pattern that starts with a word can only match where the draft has that very word (both
/// need a word boundary after it), so the first words of the patterns are kept as bits of
/// their first byte, last byte and length: 2 KiB that stay in the fastest cache, and a word of
/// the draft whose bit is clear is skipped at once. A first word that is never a whole pattern
/// on its own ("the" of "the two sides") must also be followed by a second word some pattern
/// has after it: those pairs are kept as bits of a hash of both words. Patterns that start
/// with punctuation are kept by their first two bytes.
#[derive(Debug)]
struct Starts {
    /// First words, by first byte, last byte and length.
    words: Vec<u64>,
    /// The same bits, of first words that are all of some pattern's words.
    alone: Vec<u64>,
    /// Hashes of a first word and the word after it.
    two_words: Vec<u64>,
    /// Patterns that start outside a word: first two bytes, or the one byte.
    pairs: Vec<u64>,
    singles: [bool; 256],
}

impl Starts {
    const WORD_BITS: usize = 32 * 32 * 16;
    const TWO_WORD_BITS: usize = 1 << 16;

    fn new(patterns: &[Vec<u8>]) -> Starts {
        let mut starts = Starts {
            words: vec![0; Self::WORD_BITS / 64],
            alone: vec![0; Self::WORD_BITS / 64],
            two_words: vec![0; Self::TWO_WORD_BITS / 64],
            pairs: vec![0; 65536 / 64],
            singles: [false; 256],
        };
        for pattern in patterns {
            let (first, rest) = split_word(pattern);
            if !first.is_empty() {
                set(&mut starts.words, Self::word_bit(first));
                match split_word(skip_non_word(rest)).0 {
                    [] => set(&mut starts.alone, Self::word_bit(first)),
                    second => set(&mut starts.two_words, Self::two_word_bit(first, second)),
                }
                continue;
            }
            match pattern.as_slice() {
                [] => {}
                [single] => starts.singles[usize::from(*single)] = true,
                [first, second, ..] => set(&mut starts.pairs, Self::pair_bit(*first, *second)),
            }
        }
        starts
    }

    fn word_bit(word: &[u8]) -> usize {
        let first = usize::from(word.first().copied().unwrap_or(0) & 31);
        let last = usize::from(word.last().copied().unwrap_or(0) & 31);
        (first << 9) | (last << 4) | (word.len() & 15)
    }

    /// FNV-1a over both words, folded to the table's size.
    fn two_word_bit(first: &[u8], second: &[u8]) -> usize {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for &byte in first.iter().chain(b" ").chain(second) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
        (hash ^ (hash >> 32)) as usize % Self::TWO_WORD_BITS
    }

    fn pair_bit(first: u8, second: u8) -> usize {
        usize::from(first) << 8 | usize::from(second)
    }

    /// Whether some pattern may start with the draft's word `word`, followed by `rest`.
    #[inline]
    fn may_start_word(&self, word: &[u8], rest: &[u8]) -> bool {
        let bit = Self::word_bit(word);
        if !get(&self.words, bit) {
            return false;
        }
        if get(&self.alone, bit) {
            return true;
        }
        let second = split_word(skip_non_word(rest)).0;
        !second.is_empty() && get(&self.two_words, Self::two_word_bit(word, second))
    }

    /// Whether some pattern may start at `bytes`, which starts outside a word.
    #[inline]
    fn may_start_other(&self, bytes: &[u8]) -> bool {
        match bytes {
            [] => false,
            [single] => self.singles[usize::from(*single)],
            [first, second, ..] => {
                self.singles[usize::from(*first)]
                    || get(&self.pairs, Self::pair_bit(*first, *second))
            }
        }
    }
}

/// The word `bytes` starts with (maybe empty), and what follows it.
fn split_word(bytes: &[u8]) -> (&[u8], &[u8]) {
    let end = bytes
        .iter()
        .position(|&b| !is_word(b))
        .unwrap_or(bytes.len());
    bytes.split_at(end)
}

/// `bytes` from its first word byte on.
fn skip_non_word(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|&b| is_word(b))
        .unwrap_or(bytes.len());
    &bytes[start..]
}

fn set(bits: &mut [u64], bit: usize) {
    if let Some(word) = bits.get_mut(bit / 64) {
        *word |= 1 << (bit % 64);
    }
}

#[inline]
fn get(bits: &[u64], bit: usize) -> bool {
    bits.get(bit / 64)
        .is_some_and(|word| word & (1 << (bit % 64)) != 0)
}

impl Matcher {
    pub fn new(rules: &RuleSet) -> Matcher {
        let mut builder = PatternTable::default();
        let mut context = PatternTable::default();
        for (fact_index, fact) in rules.facts.iter().enumerate() {
            for cue in &fact.cues {
                builder.add(cue, Meaning::Cue(fact_index), false);
            }
            for (group, phrases) in fact.near.iter().enumerate() {
                for phrase in phrases {
                    context.add(
                        phrase,
                        Meaning::Near {
                            fact: fact_index,
                            group,
                        },
                        false,
                    );
                }
            }
            for phrase in &fact.unless {
                context.add(phrase, Meaning::Unless(fact_index), false);
            }
        }
        for (entity_index, entity) in rules.entities.iter().enumerate() {
            let proper = |name: &str| name.chars().next().is_some_and(char::is_uppercase);
            builder.add(
                &entity.name,
                Meaning::Name {
                    entity: entity_index,
                    form: NameForm::Name,
                },
                proper(&entity.name),
            );
            for alias in &entity.aliases {
                builder.add(
                    alias,
                    Meaning::Name {
                        entity: entity_index,
                        form: NameForm::Alias,
                    },
                    proper(alias),
                );
            }
            for adjective in &entity.adjectives {
                builder.add(
                    adjective,
                    Meaning::Name {
                        entity: entity_index,
                        form: NameForm::Adjective,
                    },
                    proper(adjective),
                );
            }
            for (variant, avoid) in entity.avoid.iter().enumerate() {
                builder.add(
                    avoid,
                    Meaning::Avoid {
                        entity: entity_index,
                        variant,
                    },
                    false,
                );
            }
            for (title_index, title) in entity.titles.iter().enumerate() {
                builder.add(
                    &title.name,
                    Meaning::Title {
                        entity: entity_index,
                        title: title_index,
                    },
                    false,
                );
                for alias in &title.aliases {
                    builder.add(
                        alias,
                        Meaning::Title {
                            entity: entity_index,
                            title: title_index,
                        },
                        false,
                    );
                }
            }
        }
        for (event_index, event) in rules.events.iter().enumerate() {
            for alias in &event.aliases {
                builder.add(alias, Meaning::EventName(event_index), false);
            }
        }
        Matcher {
            main: builder.build(),
            context: context.build(),
        }
    }

    /// Every cue, name, title and event name in `prose`, whole words only, sorted by start.
    pub fn find(&self, prose: &str) -> Vec<Hit> {
        self.find_in(&Normalized::new(prose), prose)
    }

    /// [`Matcher::find`] over a normalized copy made once (see [`Matcher::find_context_in`]).
    pub fn find_in(&self, normalized: &Normalized, prose: &str) -> Vec<Hit> {
        self.main
            .find_in(normalized, prose, 0..normalized.bytes.len())
    }

    /// Every co-word and `unless` phrase inside `span` of `prose`, from the same normalized
    /// copy: they only matter around a cue, so they are looked for only there.
    pub fn find_context_in(&self, normalized: &Normalized, prose: &str, span: Span) -> Vec<Hit> {
        let range =
            normalized.normalized_offset(span.start)..normalized.normalized_offset(span.end);
        self.context.find_in(normalized, prose, range)
    }
}

impl Table {
    /// Every hit in `prose` (normalized as `normalized`) inside the normalized `range`, whole
    /// words only, sorted by start and, of one start, longest first.
    fn find_in(&self, normalized: &Normalized, prose: &str, range: Range<usize>) -> Vec<Hit> {
        let mut hits = Vec::new();
        match &self.automaton {
            Some(Automaton::Dfa(dfa)) => self.walk(dfa, normalized, prose, range, &mut hits),
            Some(Automaton::Nfa(nfa)) => self.walk(nfa, normalized, prose, range, &mut hits),
            None => {}
        }
        hits
    }

    /// Walk `automaton` anchored from the start of every word and from every byte outside a
    /// word (a pattern only counts from there) where [`Starts`] says a pattern may start,
    /// until it dies; every pattern it matches on the way that also ends on a word
    /// boundary is a hit. Bytes inside words are skipped, and the walks are short and stay
    /// in the few states near the start.
    fn walk<A: AutomatonTrait>(
        &self,
        automaton: &A,
        normalized: &Normalized,
        prose: &str,
        range: Range<usize>,
        hits: &mut Vec<Hit>,
    ) {
        let Ok(start) = automaton.start_state(Anchored::Yes) else {
            return;
        };
        let bytes = normalized
            .bytes
            .get(..range.end)
            .unwrap_or(&normalized.bytes);
        let mut at = range.start;
        // A walk may not start inside a word that began before the range.
        if at > 0 && bytes.get(at - 1).is_some_and(|&b| is_word(b)) {
            while bytes.get(at).is_some_and(|&b| is_word(b)) {
                at += 1;
            }
        }
        while at < bytes.len() {
            let from = at;
            at += 1;
            let may_start = if is_word(bytes[from]) {
                while at < bytes.len() && is_word(bytes[at]) {
                    at += 1;
                }
                self.starts.may_start_word(&bytes[from..at], &bytes[at..])
            } else {
                self.starts.may_start_other(&bytes[from..])
            };
            if !may_start {
                continue;
            }
            let mut state = start;
            let first_hit = hits.len();
            for (offset, &next) in bytes[from..].iter().enumerate() {
                state = automaton.next_state(Anchored::Yes, state, next);
                if !automaton.is_special(state) {
                    continue;
                }
                if automaton.is_dead(state) {
                    break;
                }
                if !automaton.is_match(state) {
                    continue;
                }
                let end = from + offset + 1;
                for index in 0..automaton.match_len(state) {
                    let pattern = automaton.match_pattern(state, index);
                    // A match state also lists the patterns that end here but start later.
                    if automaton.pattern_len(pattern) == end - from {
                        self.record(pattern.as_usize(), from, end, normalized, prose, hits);
                    }
                }
            }
            // Hits come out by start; of one start, the longest first.
            if hits.len() - first_hit > 1 {
                hits[first_hit..].sort_by_key(|hit| std::cmp::Reverse(hit.span.end));
            }
        }
    }

    /// Keep the hit of `pattern` at normalized `start..end` if it ends on a word boundary and
    /// its case fits.
    fn record(
        &self,
        pattern: usize,
        start: usize,
        end: usize,
        normalized: &Normalized,
        prose: &str,
        hits: &mut Vec<Hit>,
    ) {
        if !normalized.is_word_boundary(start, end) {
            return;
        }
        let Some(meanings) = self.meanings.get(pattern) else {
            return;
        };
        let span = normalized.original_span(prose, start, end);
        let capital = prose[span.range()]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        for &(meaning, needs_capital) in meanings {
            if !needs_capital || capital {
                hits.push(Hit { span, meaning });
            }
        }
    }
}

#[derive(Default)]
struct PatternTable {
    patterns: Vec<Vec<u8>>,
    index: HashMap<Vec<u8>, usize>,
    meanings: Vec<Vec<(Meaning, bool)>>,
}

impl PatternTable {
    fn build(self) -> Table {
        let automaton = if self.patterns.is_empty() {
            None
        } else if self.patterns.len() <= 4000 {
            dfa::DFA::builder()
                .match_kind(MatchKind::Standard)
                .start_kind(StartKind::Anchored)
                .build(&self.patterns)
                .ok()
                .map(Automaton::Dfa)
        } else {
            contiguous::NFA::builder()
                .match_kind(MatchKind::Standard)
                .build(&self.patterns)
                .ok()
                .map(Automaton::Nfa)
        };
        Table {
            automaton,
            starts: Starts::new(&self.patterns),
            meanings: self.meanings,
        }
    }

    fn add(&mut self, phrase: &str, meaning: Meaning, needs_capital: bool) {
        let normalized = Normalized::new(phrase.trim()).bytes;
        if normalized.is_empty() || normalized == b" " {
            return;
        }
        let id = *self.index.entry(normalized.clone()).or_insert_with(|| {
            self.patterns.push(normalized);
            self.meanings.push(Vec::new());
            self.patterns.len() - 1
        });
        if !self.meanings[id].contains(&(meaning, needs_capital)) {
            self.meanings[id].push((meaning, needs_capital));
        }
    }
}

/// The normalized copy of a text and the way back to original offsets.
pub struct Normalized {
    pub bytes: Vec<u8>,
    /// Where the distance between a normalized byte and the original byte it came from
    /// changes: from normalized offset `.0` on, the original offset is `.0 + .1` more. Sparse:
    /// an entry only where whitespace was collapsed or a multi-byte character was mapped.
    shifts: Vec<(usize, usize)>,
}

/// What an ASCII byte becomes in the normalized copy: letters lowercased, every whitespace
/// byte a space, a backquote an apostrophe.
const ASCII_MAP: [u8; 128] = {
    let mut map = [0u8; 128];
    let mut byte = 0;
    while byte < 128 {
        let b = byte as u8;
        map[byte] = match b {
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => b' ',
            b'`' => b'\'',
            _ => b.to_ascii_lowercase(),
        };
        byte += 1;
    }
    map
};

/// Builds a [`Normalized`], keeping the shift table up to date as bytes are pushed.
struct Writer {
    bytes: Vec<u8>,
    shifts: Vec<(usize, usize)>,
    shift: usize,
}

impl Writer {
    /// Push `byte`, which came from original offset `position` (never before the bytes
    /// already pushed: normalizing never lengthens a text).
    #[inline]
    fn push(&mut self, byte: u8, position: usize) {
        let shift = position.saturating_sub(self.bytes.len());
        if shift != self.shift {
            self.shifts.push((self.bytes.len(), shift));
            self.shift = shift;
        }
        self.bytes.push(byte);
    }

    /// Push `run`, plain ASCII that came from original offset `position` on, through
    /// [`ASCII_MAP`].
    fn push_run(&mut self, run: &[u8], position: usize) {
        let shift = position.saturating_sub(self.bytes.len());
        if shift != self.shift {
            self.shifts.push((self.bytes.len(), shift));
            self.shift = shift;
        }
        self.bytes
            .extend(run.iter().map(|&byte| ASCII_MAP[usize::from(byte & 0x7F)]));
    }

    fn last(&self) -> Option<u8> {
        self.bytes.last().copied()
    }
}

impl Normalized {
    pub fn new(text: &str) -> Normalized {
        let mut out = Writer {
            bytes: Vec::with_capacity(text.len()),
            shifts: Vec::new(),
            shift: 0,
        };
        let mut last_space = true;
        let input = text.as_bytes();
        let mut at = 0;
        while at < input.len() {
            // The common case: a run of ASCII without hyphens or doubled whitespace maps byte
            // for byte, by table, with one look at the shift.
            let run = at;
            let mut space = last_space;
            while let Some(&byte) = input.get(at) {
                let white = ASCII_MAP.get(usize::from(byte)) == Some(&b' ');
                if byte >= 0x80 || byte == b'-' || (white && space) {
                    break;
                }
                space = white;
                at += 1;
            }
            if at > run {
                out.push_run(&input[run..at], run);
                last_space = space;
                continue;
            }
            let byte = input[at];
            let position = at;
            if byte < 0x80 && byte != b'-' {
                // Whitespace after whitespace.
                at += 1;
                continue;
            }
            if byte == b'-' {
                at += 1;
                // A hyphen inside a word joins like a space: "Vice-President" is "Vice
                // President", "one-China" is "one China".
                let joins = joins_words(out.last(), input.get(at).copied());
                out.push(if joins { b' ' } else { b'-' }, position);
                last_space = joins;
                continue;
            }
            let Some(ch) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            at += ch.len_utf8();
            let mapped: Option<u8> = match ch {
                c if c.is_whitespace() => {
                    if !last_space {
                        out.push(b' ', position);
                        last_space = true;
                    }
                    continue;
                }
                '\u{2019}' | '\u{2018}' | '\u{02BC}' => Some(b'\''),
                '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' => Some(b'"'),
                '\u{2010}' | '\u{2011}' | '\u{2013}'
                    if joins_words(out.last(), input.get(at).copied()) =>
                {
                    out.push(b' ', position);
                    last_space = true;
                    continue;
                }
                '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => {
                    Some(b'-')
                }
                _ => None,
            };
            last_space = false;
            match mapped {
                Some(byte) => out.push(byte, position),
                None => {
                    // Copied as it is, byte for byte.
                    for (offset, &byte) in input[position..at].iter().enumerate() {
                        out.push(byte, position + offset);
                    }
                }
            }
        }
        Normalized {
            bytes: out.bytes,
            shifts: out.shifts,
        }
    }

    fn is_word_boundary(&self, start: usize, end: usize) -> bool {
        let first = self.bytes.get(start).copied().unwrap_or(b' ');
        let last = self.bytes.get(end.wrapping_sub(1)).copied().unwrap_or(b' ');
        let before_ok = start == 0 || !is_word(first) || !is_word(self.bytes[start - 1]);
        let after_ok = end >= self.bytes.len() || !is_word(last) || !is_word(self.bytes[end]);
        before_ok && after_ok
    }

    /// The normalized offset of original offset `at` (of the first normalized byte at or
    /// after it).
    fn normalized_offset(&self, at: usize) -> usize {
        let entry = self
            .shifts
            .partition_point(|&(from, shift)| from + shift <= at);
        let shift = entry.checked_sub(1).map_or(0, |entry| self.shifts[entry].1);
        let next = self.shifts.get(entry).map_or(usize::MAX, |&(from, _)| from);
        at.saturating_sub(shift).min(next).min(self.bytes.len())
    }

    /// The original offset of normalized byte `at`.
    fn original(&self, at: usize) -> usize {
        let entry = self.shifts.partition_point(|&(from, _)| from <= at);
        let shift = entry.checked_sub(1).map_or(0, |entry| self.shifts[entry].1);
        at + shift
    }

    fn original_span(&self, text: &str, start: usize, end: usize) -> Span {
        let floor = |at: usize| crate::span::floor_char_boundary(text, at.min(text.len()));
        let from = floor(self.original(start));
        let last = floor(self.original(end.saturating_sub(1)));
        let last_len = text
            .get(last..)
            .and_then(|rest| rest.chars().next())
            .map_or(0, char::len_utf8);
        Span::new(from, (last + last_len).min(text.len()).max(from))
    }
}

/// Whether a normalized byte is part of a word: an ASCII letter or digit, or any byte of a
/// non-ASCII character.
#[inline]
fn is_word(byte: u8) -> bool {
    WORD_BYTES[usize::from(byte)]
}

const WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = (byte as u8).is_ascii_alphanumeric() || byte >= 0x80;
        byte += 1;
    }
    table
};

/// Whether a hyphen stands between two letters (the byte before it in the normalized copy and
/// the byte after it in the input).
fn joins_words(before: Option<u8>, after: Option<u8>) -> bool {
    let letter = |byte: Option<u8>| byte.is_some_and(|b| b.is_ascii_alphabetic() || b >= 0x80);
    letter(before) && letter(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalization_maps_back_to_original_offsets() {
        let text = "The  “People’s\nRepublic”";
        let normalized = Normalized::new(text);
        assert_eq!(
            String::from_utf8_lossy(&normalized.bytes),
            "the \"people's republic\""
        );
        let start = 5;
        let end = normalized.bytes.len() - 1;
        let span = normalized.original_span(text, start, end);
        assert_eq!(&text[span.range()], "People’s\nRepublic");
    }

    #[test]
    fn spans_map_back_across_collapsed_and_multibyte_text() {
        let text = "Café  —\n\t Łukašenka’s   visit-day";
        let normalized = Normalized::new(text);
        let hay = String::from_utf8_lossy(&normalized.bytes).to_string();
        assert_eq!(hay, "café - Łukašenka's visit day");
        for (needle, original) in [
            ("café", "Café"),
            ("Łukašenka's", "Łukašenka’s"),
            ("visit day", "visit-day"),
            ("- Ł", "—\n\t Ł"),
        ] {
            let at = hay.find(needle).unwrap_or(usize::MAX);
            let span = normalized.original_span(text, at, at + needle.len());
            assert_eq!(&text[span.range()], original, "{needle}");
        }
    }

    #[test]
    fn original_offsets_map_to_normalized_ones_and_back() {
        let text = "A  “quoted”\n\n  Vice-President — of  Café’s\tboard.";
        let normalized = Normalized::new(text);
        let mut previous = 0;
        for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let inside = normalized.normalized_offset(at);
            assert!(inside >= previous, "not monotonic at {at}");
            previous = inside;
            if inside < normalized.bytes.len() {
                assert!(normalized.original(inside) >= at, "maps back before {at}");
            }
        }
        assert_eq!(
            normalized.normalized_offset(text.len()),
            normalized.bytes.len()
        );
        let quoted = text.find('q').unwrap_or(0);
        let back = normalized.original(normalized.normalized_offset(quoted));
        assert_eq!(back, quoted);
    }

    #[test]
    fn an_en_dash_between_letters_joins_like_a_hyphen() {
        let normalized = Normalized::new("Belarus–China ties, 1992–2013, and a dash – here");
        assert_eq!(
            String::from_utf8_lossy(&normalized.bytes),
            "belarus china ties, 1992-2013, and a dash - here"
        );
    }

    #[test]
    fn word_boundaries() {
        let normalized = Normalized::new("chinese-belarusian china's chinaware");
        let find = |needle: &str| {
            let hay = String::from_utf8_lossy(&normalized.bytes).to_string();
            hay.match_indices(needle)
                .map(|(at, _)| normalized.is_word_boundary(at, at + needle.len()))
                .collect::<Vec<_>>()
        };
        assert_eq!(find("china"), [true, false]);
        assert_eq!(find("belarusian"), [true]);
    }
}
