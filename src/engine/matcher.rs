//! One Aho-Corasick automaton over every phrase the rule set cares about: cues, co-words,
//! `unless` phrases, entity names, aliases, adjectives and avoid-variants, titles and event
//! names. Each pattern maps back to everything it means.
//!
//! Matching runs over a *normalized* copy of the prose: ASCII lowercased, curly quotes and
//! apostrophes made straight, dashes made `-`, and every run of whitespace (including the
//! blanks left where Markdown markup stood) made one space. A table maps each normalized
//! byte back to the original offset, so hits are reported as spans of the original file.
//!
//! Match kind: `Standard` with overlapping search, because one stretch of text can mean
//! several things at once ("Chinese Premier" is a title; "Chinese" is also China's adjective)
//! and every meaning must be seen. Hits are then kept only on whole words.
//!
//! Case policy: cues, co-words, titles, avoid-variants and event names match in any case.
//! Entity names, aliases and adjectives that start with a capital letter in the rules must
//! start with a capital letter in the draft too ("China", not "china" the porcelain).

use crate::rules::{EntityIdx, EventIdx, FactIdx, RuleSet};
use crate::span::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::collections::HashMap;

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
    automaton: Option<AhoCorasick>,
    /// Per pattern: its meanings and whether it must start with a capital in the draft.
    meanings: Vec<Vec<(Meaning, bool)>>,
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
        self.main.find_in(&Normalized::new(prose), prose)
    }

    /// [`Matcher::find`] over a normalized copy made once (see [`Matcher::find_context_in`]).
    pub fn find_in(&self, normalized: &Normalized, prose: &str) -> Vec<Hit> {
        self.main.find_in(normalized, prose)
    }

    /// Every co-word and `unless` phrase in `prose`, from the same normalized copy.
    pub fn find_context_in(&self, normalized: &Normalized, prose: &str) -> Vec<Hit> {
        self.context.find_in(normalized, prose)
    }
}

impl Table {
    /// Every hit in `prose` (normalized as `normalized`), whole words only, sorted by start.
    fn find_in(&self, normalized: &Normalized, prose: &str) -> Vec<Hit> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let mut hits = Vec::new();
        for found in automaton.find_overlapping_iter(&normalized.bytes) {
            let (start, end) = (found.start(), found.end());
            if !normalized.is_word_boundary(start, end) {
                continue;
            }
            let span = normalized.original_span(prose, start, end);
            let capital = prose[span.range()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            let Some(meanings) = self.meanings.get(found.pattern().as_usize()) else {
                continue;
            };
            for &(meaning, needs_capital) in meanings {
                if needs_capital && !capital {
                    continue;
                }
                hits.push(Hit { span, meaning });
            }
        }
        hits.sort_by_key(|hit| (hit.span.start, std::cmp::Reverse(hit.span.end)));
        hits
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
        } else {
            // A full DFA is the fastest to search; past a few thousand patterns its memory
            // grows large, and the builder's own choice (a contiguous NFA) is better.
            let kind = (self.patterns.len() <= 4000).then_some(AhoCorasickKind::DFA);
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .kind(kind)
                .build(&self.patterns)
                .ok()
        };
        Table {
            automaton,
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
    /// For each normalized byte, the original offset of the char it came from.
    origin: Vec<u32>,
}

impl Normalized {
    pub fn new(text: &str) -> Normalized {
        let mut bytes = Vec::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        let mut last_space = true;
        let input = text.as_bytes();
        let mut at = 0;
        while at < input.len() {
            let byte = input[at];
            let position = u32::try_from(at).unwrap_or(u32::MAX);
            if byte < 0x80 {
                // ASCII: the common case, without decoding.
                at += 1;
                if byte.is_ascii_whitespace() || byte == 0x0B {
                    if !last_space {
                        bytes.push(b' ');
                        origin.push(position);
                        last_space = true;
                    }
                    continue;
                }
                // A hyphen inside a word joins like a space: "Vice-President" is "Vice
                // President", "one-China" is "one China".
                if byte == b'-' && joins_words(bytes.last().copied(), input.get(at).copied()) {
                    bytes.push(b' ');
                    origin.push(position);
                    last_space = true;
                    continue;
                }
                last_space = false;
                bytes.push(if byte == b'`' {
                    b'\''
                } else {
                    byte.to_ascii_lowercase()
                });
                origin.push(position);
                continue;
            }
            let Some(ch) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            at += ch.len_utf8();
            let mapped: Option<u8> = match ch {
                c if c.is_whitespace() => {
                    if !last_space {
                        bytes.push(b' ');
                        origin.push(position);
                        last_space = true;
                    }
                    continue;
                }
                '\u{2019}' | '\u{2018}' | '\u{02BC}' => Some(b'\''),
                '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' => Some(b'"'),
                '\u{2010}' | '\u{2011}'
                    if joins_words(bytes.last().copied(), input.get(at).copied()) =>
                {
                    bytes.push(b' ');
                    origin.push(position);
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
                Some(byte) => {
                    bytes.push(byte);
                    origin.push(position);
                }
                None => {
                    let mut buffer = [0u8; 4];
                    for &byte in ch.encode_utf8(&mut buffer).as_bytes() {
                        bytes.push(byte);
                        origin.push(position);
                    }
                }
            }
        }
        Normalized { bytes, origin }
    }

    fn is_word_boundary(&self, start: usize, end: usize) -> bool {
        let is_word = |byte: u8| byte.is_ascii_alphanumeric() || byte >= 0x80;
        let first = self.bytes.get(start).copied().unwrap_or(b' ');
        let last = self.bytes.get(end.wrapping_sub(1)).copied().unwrap_or(b' ');
        let before_ok = start == 0 || !is_word(first) || !is_word(self.bytes[start - 1]);
        let after_ok = end >= self.bytes.len() || !is_word(last) || !is_word(self.bytes[end]);
        before_ok && after_ok
    }

    fn original_span(&self, text: &str, start: usize, end: usize) -> Span {
        let from = self.origin.get(start).map_or(text.len(), |&at| at as usize);
        let last = self
            .origin
            .get(end.saturating_sub(1))
            .map_or(text.len(), |&at| at as usize);
        let last_len = text
            .get(last..)
            .and_then(|rest| rest.chars().next())
            .map_or(0, char::len_utf8);
        Span::new(from.min(text.len()), (last + last_len).min(text.len()))
    }
}

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
