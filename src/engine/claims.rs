//! Binding: which facts a sentence states, and which stated value belongs to each.
//!
//! A fact is stated in a sentence that holds one of its cues, every `near` group and every
//! `with` entity in its scope, and none of its `unless` phrases. Its value is the one at its
//! pattern's slot where the pattern matches; otherwise the nearest value of the right type in
//! scope, no farther than [`MAX_DISTANCE`] bytes from a cue. Each value is claimed by one fact
//! only: pairs are taken nearest first. A fact bound to an event is dropped when the sentence
//! is about another time (it states a year outside the event's window, or the draft is dated
//! more than a year away) and does not name the event.

use super::matcher::{Hit, Meaning};
use super::{Context, day_number, starts_with_any};
use crate::extract::{Extracted, Value, ValueKind};
use crate::rules::{EntityIdx, Expect, FactIdx, PatternPart, ValueType};
use crate::span::Span;
use std::collections::BTreeMap;

/// How far (in bytes of text between them) a value may stand from its cue.
pub const MAX_DISTANCE: usize = 160;

/// What a statement of a fact was bound to.
#[derive(Clone, Debug)]
pub enum Bound {
    Value(Extracted),
    /// Entity names of the slot's classes, for `entity` and `parties` facts.
    Entities(Vec<Hit>),
    None,
}

/// How a claim's value was chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Binding {
    /// The value at the fact's pattern slot.
    Slot,
    /// The nearest value of the right type; the bytes between it and the cue.
    Nearest(usize),
    /// Entity names of the slot's classes, each to the fact with the nearest cue.
    Entities,
    /// Nothing to compare (a polarity-only fact, or no value in reach).
    Nothing,
}

/// Why a fact whose cue is in a sentence does not count as stated there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Miss {
    /// No phrase of this `near` group in scope.
    Near(usize),
    /// This `with` entity is not named in scope.
    With(EntityIdx),
    /// An `unless` phrase is in scope.
    Unless,
    /// The cue stands inside a longer cue of another fact.
    LongerCue(FactIdx),
    /// The sentence names a year outside the fact's event.
    OtherYear(i32),
    /// The draft is dated more than a year away from the fact's event.
    FarFromEvent,
    /// The draft calls the statement false or puts it in another's mouth ("falsely
    /// reported", "claimed", "…; in fact …").
    Disowned,
    /// Every cue stands in an aside about another name than the fact's `with` entities
    /// ("Unlike the Kyoto Protocol, adopted on …, the Paris Agreement …").
    AsideAboutOther,
    /// The cue's clause names a party the rules do not know beside or instead of the fact's
    /// ("talks with Vladimir Putin", "Belarus and Russia signed", "a visit to Kazakhstan"),
    /// and the sentence does not name all of the fact's participants.
    OtherParty,
}

impl Miss {
    /// Why `fact` did not count as stated, in words for `factlint trace` and `factlint test`.
    pub fn describe(self, rules: &crate::rules::RuleSet, fact: &crate::rules::Fact) -> String {
        let phrases = |list: &[String]| {
            list.iter()
                .map(|phrase| format!("\"{phrase}\""))
                .collect::<Vec<_>>()
                .join(" | ")
        };
        match self {
            Miss::Near(group) => format!(
                "none of {} is in scope (`near`)",
                phrases(fact.near.get(group).map_or(&[][..], Vec::as_slice))
            ),
            Miss::With(entity) => format!(
                "`{}` is not named in scope (`with`)",
                rules.entities.get(entity).map_or("?", |e| e.name.as_str())
            ),
            Miss::Unless => format!("one of {} is in scope (`unless`)", phrases(&fact.unless)),
            Miss::LongerCue(other) => format!(
                "the cue is part of a cue of `{}`",
                rules.facts.get(other).map_or("?", |f| f.id.as_str())
            ),
            Miss::OtherYear(year) => format!(
                "the sentence names {year}, outside the fact's event, and does not name the event"
            ),
            Miss::FarFromEvent => "the draft is dated more than a year from the fact's event, \
                 and the sentence does not name it"
                .to_string(),
            Miss::Disowned => {
                "the draft calls the statement false or reports it as another's claim".to_string()
            }
            Miss::AsideAboutOther => "the cue stands in an aside about another name than the \
                 fact's `with` entities"
                .to_string(),
            Miss::OtherParty => "the cue's clause names a party the rules do not know, and the \
                 sentence does not name all of the fact's parties"
                .to_string(),
        }
    }
}

/// A fact whose cue was found in a sentence but that was not taken as stated there.
#[derive(Clone, Copy, Debug)]
pub struct Missed {
    pub fact: FactIdx,
    pub sentence: usize,
    pub cue: Span,
    pub reason: Miss,
}

/// One statement of one fact.
#[derive(Clone, Debug)]
pub struct Claim {
    pub fact: FactIdx,
    pub sentence: usize,
    /// The cue nearest to the bound value (or the first cue).
    pub cue: Span,
    pub bound: Bound,
    pub binding: Binding,
}

/// The kind of extracted value a fact compares, if it compares one.
pub fn value_kind(expect: &Expect) -> Option<ValueKind> {
    Some(match expect {
        Expect::Date(_) => ValueKind::Date,
        Expect::Number { .. } | Expect::Duration(_) => ValueKind::Number,
        Expect::Money { .. } => ValueKind::Money,
        Expect::Percent { .. } => ValueKind::Percent,
        Expect::Ordinal(_) | Expect::Anniversary(_) => ValueKind::Ordinal,
        Expect::Consistent(value_type) => match value_type {
            ValueType::Date => ValueKind::Date,
            ValueType::Number | ValueType::Count => ValueKind::Number,
            ValueType::Money => ValueKind::Money,
            ValueType::Percent => ValueKind::Percent,
            ValueType::Ordinal => ValueKind::Ordinal,
            ValueType::Entity => return None,
        },
        Expect::Entity(_) | Expect::Parties(_) | Expect::Nothing => return None,
    })
}

/// The entity classes an `entity` or `parties` fact takes.
fn entity_classes<'a>(context: &'a Context<'_, '_>, expect: &Expect) -> Vec<&'a str> {
    let indexes: &[usize] = match expect {
        Expect::Entity(entity) => std::slice::from_ref(entity),
        Expect::Parties(parties) => parties,
        _ => return Vec::new(),
    };
    let mut classes: Vec<&str> = indexes
        .iter()
        .filter_map(|&entity| context.rules.entities.get(entity))
        .map(|entity| entity.class.as_str())
        .collect();
    classes.sort_unstable();
    classes.dedup();
    classes
}

struct Candidate {
    fact: FactIdx,
    cues: Vec<Span>,
    /// The fact's co-words in scope: with the cues, what makes an aside part of the statement.
    near: Vec<Span>,
    scope: Span,
    /// Values before this offset stand in a part of the sentence the draft disowns.
    from: usize,
}

/// Bind every statement of every fact in the document.
pub(crate) fn bind(context: &mut Context<'_, '_>, missed: &mut Vec<Missed>) -> Vec<Claim> {
    let mut claims = Vec::new();
    for sentence in 0..context.document.sentences.len() {
        let candidates = candidates(context, sentence, missed);
        if candidates.is_empty() {
            continue;
        }
        claims.extend(bind_sentence(context, sentence, candidates, missed));
    }
    claims
}

/// Facts whose cue, co-words, co-mentions and exclusions hold in this sentence.
fn candidates(
    context: &mut Context<'_, '_>,
    sentence: usize,
    missed: &mut Vec<Missed>,
) -> Vec<Candidate> {
    let span = context.document.sentences[sentence].span;
    let cue_hits: Vec<(FactIdx, Span)> = context
        .hits_in(span)
        .iter()
        .filter_map(|hit| match hit.meaning {
            Meaning::Cue(fact) => Some((fact, hit.span)),
            _ => None,
        })
        .collect();
    if cue_hits.is_empty() {
        return Vec::new();
    }
    let mut cues: BTreeMap<FactIdx, Vec<Span>> = BTreeMap::new();
    for &(fact, cue) in &cue_hits {
        cues.entry(fact).or_default().push(cue);
    }
    // Cues and values before this offset stand in a statement the draft disowns (0: none);
    // and the asides of the sentence. Both looked at once, when a fact needs them.
    let disowned = std::cell::OnceCell::new();
    let disowned = || {
        *disowned.get_or_init(|| match disowned_until(context.document.prose_of(span)) {
            0 => 0,
            until => span.start + until,
        })
    };
    let breaks = std::cell::OnceCell::new();
    let breaks = || {
        breaks.get_or_init(|| {
            clause_breaks(context.document.prose_of(span))
                .into_iter()
                .map(|at| span.start + at)
                .collect::<Vec<usize>>()
        })
    };
    let asides = std::cell::OnceCell::new();
    let asides = || {
        asides.get_or_init(|| {
            insertions(context.document.prose_of(span))
                .into_iter()
                .map(|aside| aside.shift(span.start))
                .collect::<Vec<Span>>()
        })
    };
    // Names of parties the rules do not know, in the sentence: looked for once, when a fact
    // needs them.
    let strangers = std::cell::OnceCell::new();
    let sentence_hits = context.hits_in(span).to_vec();
    let strangers =
        || strangers.get_or_init(|| other_parties(context.document, &sentence_hits, span));
    let mut found = Vec::new();
    let mut scoped: Vec<(Span, Vec<Hit>)> = Vec::new();
    // Whether the sentence holds a personal pronoun: looked at once, when a fact needs it.
    let pronoun = std::cell::OnceCell::new();
    for (fact_index, cue_spans) in cues {
        let Some(fact) = context.rules.facts.get(fact_index) else {
            continue;
        };
        let scope = context.scope_span(sentence, fact.scope);
        let hits = context.hits_in(scope);
        let with_missing = fact.with.iter().copied().find(|&entity| {
            !names(hits, entity) && !named_by_pronoun(context, sentence, entity, &pronoun)
        });
        // The co-words and `unless` phrases of each scope, gathered once for all facts.
        let in_scope: &[Hit] = if fact.near.is_empty() && fact.unless.is_empty() {
            &[]
        } else {
            let at = match scoped.iter().position(|(span, _)| *span == scope) {
                Some(at) => at,
                None => {
                    let hits = context.context_hits_in(scope).collect();
                    scoped.push((scope, hits));
                    scoped.len() - 1
                }
            };
            &scoped[at].1
        };
        let near_missing = (0..fact.near.len()).find(|&group| {
            !in_scope.iter().any(|hit| {
                hit.meaning
                    == Meaning::Near {
                        fact: fact_index,
                        group,
                    }
            })
        });
        let near: Vec<Span> = in_scope
            .iter()
            .filter(|hit| matches!(hit.meaning, Meaning::Near { fact, .. } if fact == fact_index))
            .map(|hit| hit.span)
            .collect();
        // An `unless` phrase in an aside about a name ("Xi Jinping, who visited Minsk in
        // 2010, held talks …") does not speak for the statement; one in this sentence silences
        // the cues of its own clause only ("planned 30 agreements; three were
        // intergovernmental agreements").
        let unless_hits: Vec<Span> = in_scope
            .iter()
            .filter(|hit| {
                hit.meaning == Meaning::Unless(fact_index)
                    && !in_background(asides(), cue_spans.iter().chain(&near), hit.span)
            })
            .map(|hit| hit.span)
            .collect();
        // The first cue, for a miss: `cue_spans` may lose all of its cues below.
        let first_cue = cue_spans.first().copied().unwrap_or(span);
        let mut cue_spans = cue_spans;
        // A cue in an aside yields to one in the main clause ("Minsk, which already has
        // sister-city ties with Shanghai, signed a friendly exchanges agreement …").
        if cue_spans.len() > 1
            && cue_spans
                .iter()
                .any(|cue| !asides().iter().any(|aside| aside.contains(*cue)))
        {
            cue_spans.retain(|cue| !asides().iter().any(|aside| aside.contains(*cue)));
        }
        let unless = if unless_hits.is_empty() {
            false
        } else if unless_hits.iter().all(|hit| span.contains(*hit)) {
            let clause = |at: usize| breaks().iter().filter(|&&b| b < at).count();
            cue_spans.retain(|cue| {
                !unless_hits
                    .iter()
                    .any(|hit| clause(hit.start) == clause(cue.start))
            });
            cue_spans.is_empty()
        } else {
            true
        };
        let reason = match (near_missing, with_missing, unless) {
            (Some(group), _, _) => Some(Miss::Near(group)),
            (None, Some(entity), _) => Some(Miss::With(entity)),
            (None, None, true) => Some(Miss::Unless),
            (None, None, false)
                if !fact.with.is_empty()
                    && cue_spans
                        .iter()
                        .all(|cue| in_aside_about_other(context, asides(), *cue, &fact.with)) =>
            {
                Some(Miss::AsideAboutOther)
            }
            (None, None, false) if cue_spans.iter().all(|cue| cue.start < disowned()) => {
                Some(Miss::Disowned)
            }
            (None, None, false)
                if {
                    // A fact that declares no parties knows only the one after "with" that
                    // follows its cue, beside a name the rules know ("China established
                    // diplomatic relations with Ukraine").
                    let declared = declares_parties(context.rules, fact);
                    let beside_known = || {
                        sentence_hits
                            .iter()
                            .any(|hit| matches!(hit.meaning, Meaning::Name { .. }))
                    };
                    (if declared {
                        !names_all_parties(context.rules, &sentence_hits, fact)
                    } else {
                        beside_known()
                    }) && !strangers().is_empty()
                        && cue_spans.iter().all(|cue| {
                            strangers().iter().any(|stranger| {
                                (declared
                                    || (stranger.after_with && stranger.span.start >= cue.end))
                                    && !cue.overlaps(stranger.span)
                                    && same_clause(breaks(), asides(), *cue, stranger.span)
                            })
                        })
                } =>
            {
                Some(Miss::OtherParty)
            }
            (None, None, false) => None,
        };
        match reason {
            Some(reason) => missed.push(Missed {
                fact: fact_index,
                sentence,
                cue: first_cue,
                reason,
            }),
            None => found.push(Candidate {
                fact: fact_index,
                cues: cue_spans
                    .into_iter()
                    .filter(|cue| cue.start >= disowned())
                    .collect(),
                near,
                scope,
                from: disowned(),
            }),
        }
    }
    // A cue inside a longer cue of another fact stated here ("diplomatic relations" inside
    // "anniversary of diplomatic relations") yields to the more specific one; a longer cue of a
    // fact that does not hold here takes nothing away.
    let stated: Vec<FactIdx> = found.iter().map(|candidate| candidate.fact).collect();
    let longer = |fact: FactIdx, cue: Span| {
        cue_hits
            .iter()
            .find(|&&(other, longer)| {
                other != fact && longer != cue && longer.contains(cue) && stated.contains(&other)
            })
            .map(|&(other, _)| other)
    };
    found.retain_mut(|candidate| {
        let mut yielded = None;
        candidate
            .cues
            .retain(|&cue| match longer(candidate.fact, cue) {
                Some(other) => {
                    yielded = Some((other, cue));
                    false
                }
                None => true,
            });
        match yielded {
            Some((other, cue)) if candidate.cues.is_empty() => {
                missed.push(Missed {
                    fact: candidate.fact,
                    sentence,
                    cue,
                    reason: Miss::LongerCue(other),
                });
                false
            }
            _ => true,
        }
    });
    found
}

/// Words of the sentence at `span` that name a party the rules do not know, where a
/// statement's parties stand: the first name after "with" ("talks with Vladimir Putin", "with
/// his Russian counterpart"), after "visit to" or "visited" ("a visit to Kazakhstan"), and a
/// name joined by "and" to one the rules know ("Belarus and Russia signed"). Title words and
/// determiners before the name are passed over; months and weekdays are no parties.
fn other_parties(
    document: &crate::document::Document<'_>,
    hits: &[Hit],
    span: Span,
) -> Vec<Stranger> {
    const BEFORE_NAMES: &[&str] = &[
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "its",
        "president",
        "prime",
        "minister",
        "premier",
        "chancellor",
        "vice",
        "foreign",
        "secretary",
        "general",
        "mr",
        "mrs",
        "ms",
        "dr",
        "king",
        "queen",
        "prince",
        "emperor",
        "sheikh",
        "chairman",
        "governor",
        "mayor",
        "senator",
        "ambassador",
        "deputy",
        "leader",
        "counterpart",
        "state",
        "councillor",
    ];
    let text = document.prose_of(span);
    let words = word_spans(text);
    // A word of any phrase the rules know (a name, a title, a cue: "Industrial Park") is no
    // stranger; a name or title word is known as a party.
    // Per word: in some phrase, in a name, in a title (marked once, hit by hit).
    let mut marks = vec![(false, false, false); words.len()];
    for hit in hits {
        let hit_span = Span::new(
            hit.span.start.saturating_sub(span.start),
            hit.span.end.saturating_sub(span.start),
        );
        let first = words.partition_point(|word| word.end <= hit_span.start);
        for (word, mark) in words[first..].iter().zip(&mut marks[first..]) {
            if word.start >= hit_span.end {
                break;
            }
            mark.0 = true;
            mark.1 |= matches!(hit.meaning, Meaning::Name { .. } | Meaning::Avoid { .. });
            mark.2 |= matches!(hit.meaning, Meaning::Title { .. });
        }
    }
    let mark = |index: usize| marks.get(index).copied().unwrap_or_default();
    let named = |index: usize| mark(index).1;
    let known = |index: usize| mark(index).1 || mark(index).2;
    let in_phrase = |index: usize| mark(index).0;
    let is = |index: usize, list: &[&str]| {
        words.get(index).is_some_and(|word| {
            list.iter()
                .any(|w| w.eq_ignore_ascii_case(&text[word.range()]))
        })
    };
    let stranger = |index: usize| {
        words.get(index).is_some_and(|&word| {
            text[word.range()].starts_with(char::is_uppercase)
                && !in_phrase(index)
                && !calendar(&text[word.range()])
        })
    };
    // The first word from `index` on that is not a title word or determiner.
    let name_from = |mut index: usize| {
        // "President Obama": a title word of the rules is passed over too, not a name.
        while is(index, BEFORE_NAMES) && !named(index) {
            index += 1;
        }
        index
    };
    let mut found = Vec::new();
    for (index, word) in words.iter().enumerate() {
        let word = &text[word.range()];
        let after = if word.eq_ignore_ascii_case("with") || word.eq_ignore_ascii_case("visited") {
            Some(name_from(index + 1))
        } else if (word.eq_ignore_ascii_case("visit") || word.eq_ignore_ascii_case("trip"))
            && is(index + 1, &["to"])
        {
            Some(name_from(index + 2))
        } else {
            None
        };
        if let Some(name) = after.filter(|&name| stranger(name)) {
            found.push(Stranger {
                span: words[name].shift(span.start),
                after_with: word.eq_ignore_ascii_case("with"),
            });
        }
        if word.eq_ignore_ascii_case("and") && index > 0 {
            let (left, right) = (index - 1, name_from(index + 1));
            let known_at = |at: usize| at < words.len() && known(at);
            if known_at(left) && stranger(right) {
                found.push(Stranger {
                    span: words[right].shift(span.start),
                    after_with: false,
                });
            } else if stranger(left) && known_at(right) && left > 0 {
                found.push(Stranger {
                    span: words[left].shift(span.start),
                    after_with: false,
                });
            } else if stranger(left) && known_at(right) && !is(index + 1, BEFORE_NAMES) {
                // The sentence's first word: "Venezuela and Belarus signed …".
                found.push(Stranger {
                    span: words[left].shift(span.start),
                    after_with: false,
                });
            }
        }
    }
    found
}

/// A name the rules do not know, where a party of a statement stands.
struct Stranger {
    span: Span,
    /// After "with" ("established diplomatic relations with Ukraine").
    after_with: bool,
}

/// Whether `word` names a month or a weekday ("July", "Sept", "Tuesday"): no party.
fn calendar(word: &str) -> bool {
    super::render::month_of(word).is_some()
        || super::render::WEEKDAYS
            .iter()
            .any(|day| day.eq_ignore_ascii_case(word))
}

/// Whether the rules say who a fact's parties are: its event's participants or its `with`
/// entities. Only then is a name the rules do not know a stranger to it.
fn declares_parties(rules: &crate::rules::RuleSet, fact: &crate::rules::Fact) -> bool {
    !fact.with.is_empty()
        || fact
            .event
            .and_then(|event| rules.events.get(event))
            .is_some_and(|event| !event.participants.is_empty())
}

/// Whether `hits` (of a sentence) name every participant of the fact's event (else every
/// `with` entity, when there are two or more): then a stranger beside them is a third party.
fn names_all_parties(
    rules: &crate::rules::RuleSet,
    hits: &[Hit],
    fact: &crate::rules::Fact,
) -> bool {
    let event = fact.event.and_then(|event| rules.events.get(event));
    let parties = match event {
        Some(event) if !event.participants.is_empty() => &event.participants,
        _ => &fact.with,
    };
    parties.len() >= 2 && parties.iter().all(|&party| names(hits, party))
}

/// Whether `a` and `b` stand in one clause of the sentence: no clause break between them, and
/// neither in an aside the other is not in.
fn same_clause(breaks: &[usize], asides: &[Span], a: Span, b: Span) -> bool {
    let (first, last) = if a.start <= b.start { (a, b) } else { (b, a) };
    !breaks.iter().any(|&at| first.start < at && at < last.start)
        && asides
            .iter()
            .all(|aside| aside.contains(a) == aside.contains(b))
}

/// How much of `sentence` (bytes from its start) the draft disowns: all of it when it calls
/// what it reports false or distances itself from it ("a tabloid falsely reported", "an
/// opposition website claimed", "claims that … are untrue", "…, but he was wrong"), or asks
/// ("Is it true that …?"); the part before a correction
/// ("…; in fact they were held on 16 July"); otherwise nothing.
fn disowned_until(sentence: &str) -> usize {
    /// What a word (lowercase) can be to this test.
    #[derive(Clone, Copy, PartialEq)]
    enum Word {
        Other,
        /// Disowns the sentence on its own: "falsely", "claimed", "untrue".
        False,
        /// Disowns it after the right word before: "claim(s) that", "not true", "is false".
        Claim,
        That,
        Not,
        True,
        Copula,
        FalseAdjective,
        /// "an earlier version of this article", "this article previously stated".
        Earlier,
        Version,
        /// "in fact", "in reality", "in truth", "actually".
        In,
        Fact,
        Actually,
    }
    fn classify(word: &[u8]) -> Word {
        let mut lower = [0u8; 12];
        let Some(lower) = lower.get_mut(..word.len()) else {
            return Word::Other;
        };
        for (to, from) in lower.iter_mut().zip(word) {
            *to = from.to_ascii_lowercase();
        }
        match &*lower {
            b"falsely" | b"wrongly" | b"erroneously" | b"mistakenly" | b"incorrectly"
            | b"allegedly" | b"alleged" | b"claimed" | b"claiming" | b"rumour" | b"rumours"
            | b"rumoured" | b"rumor" | b"rumors" | b"rumored" | b"misreported" | b"untrue"
            | b"misstated" | b"misidentified" => Word::False,
            b"earlier" | b"previously" | b"previous" => Word::Earlier,
            b"version" | b"stated" | b"said" | b"reported" | b"described" | b"gave" => {
                Word::Version
            }
            b"claim" | b"claims" => Word::Claim,
            b"that" => Word::That,
            b"not" => Word::Not,
            b"true" => Word::True,
            b"is" | b"are" | b"was" | b"were" => Word::Copula,
            b"false" | b"wrong" | b"incorrect" | b"mistaken" | b"inaccurate" => {
                Word::FalseAdjective
            }
            b"in" => Word::In,
            b"fact" | b"reality" | b"truth" => Word::Fact,
            b"actually" => Word::Actually,
            _ => Word::Other,
        }
    }
    let bytes = sentence.as_bytes();
    // A condition states nothing: "Had the talks been held on 15 July, …", "If the deals were
    // worth $2 billion, …" — up to the first comma, or the whole sentence without one.
    // After a list number or label mark: "**4.** True or false: …".
    let lead = sentence.trim_start_matches(|c: char| !c.is_alphabetic());
    let opening = lead
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let mut until = if ["if", "had", "were", "suppose", "supposing"]
        .iter()
        .any(|word| word.eq_ignore_ascii_case(opening))
    {
        sentence.find(',').unwrap_or(sentence.len())
    } else {
        0
    };
    // A yes-or-no question asks, and states nothing: "Is it true that …?", "Did the sides
    // sign …?"; so does a quiz item ("True or false: …").
    const ASKING: &[&str] = &[
        "is", "are", "was", "were", "did", "does", "do", "has", "have", "can", "could", "would",
        "will", "should",
    ];
    // "Did you know that …?" tells.
    let polar_question = sentence.trim_end().ends_with('?')
        && ASKING.iter().any(|word| word.eq_ignore_ascii_case(opening))
        && starts_with_any(lead, &["did you know", "do you know", "did you realise"]).is_none();
    if polar_question || starts_with_any(lead, &["true or false"]).is_some() {
        return sentence.len();
    }
    let (mut previous, mut previous_start) = (Word::Other, 0);
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_alphabetic() {
            at += 1;
            continue;
        }
        let start = at;
        while at < bytes.len() && bytes[at].is_ascii_alphanumeric() {
            at += 1;
        }
        let word = classify(&bytes[start..at]);
        let correction = match (previous, word) {
            (_, Word::False)
            | (Word::Claim, Word::That)
            | (Word::Not, Word::True)
            | (Word::Copula, Word::FalseAdjective)
            | (Word::Earlier, Word::Version) => return sentence.len(),
            (_, Word::Actually) => Some(start),
            (Word::In, Word::Fact) => Some(previous_start),
            _ => None,
        };
        // A correction disowns what stands before it when a semicolon, a comma, a dash or
        // "but" comes first.
        if let Some(correction) = correction {
            let before = sentence[..correction].trim_end();
            if before.ends_with([';', ',', '\u{2014}', '\u{2013}'])
                || before
                    .get(before.len().saturating_sub(4)..)
                    .is_some_and(|tail| tail.eq_ignore_ascii_case(" but"))
            {
                until = until.max(correction);
            }
        }
        (previous, previous_start) = (word, start);
    }
    until
}

/// Whether sentence `index` refers to person `entity` by a pronoun ("It was his eighth trip"):
/// it holds he, his, him, she or her, names no other person itself, and the sentence before
/// it, in the same paragraph, names that person. `pronoun` keeps whether the sentence holds
/// one, for the next fact.
fn named_by_pronoun(
    context: &Context<'_, '_>,
    index: usize,
    entity: EntityIdx,
    pronoun: &std::cell::OnceCell<bool>,
) -> bool {
    const PRONOUNS: &[&str] = &["he", "his", "him", "she", "her", "hers"];
    let is_person = context
        .rules
        .entities
        .get(entity)
        .is_some_and(|declared| declared.class == "person");
    let sentences = &context.document.sentences;
    let (Some(current), Some(before)) = (sentences.get(index), index.checked_sub(1)) else {
        return false;
    };
    let previous = sentences[before];
    if !is_person || previous.block != current.block {
        return false;
    }
    let has_pronoun = *pronoun.get_or_init(|| {
        context
            .document
            .prose_of(current.span)
            .split(|c: char| !c.is_alphabetic())
            .any(|word| PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(word)))
    });
    // "Lukashenko recalled … and said he held talks": a person this sentence names is whom
    // its pronoun is about.
    let names_another_person = context.hits_in(current.span).iter().any(|hit| {
        matches!(hit.meaning, Meaning::Name { entity: other, .. } if other != entity
            && context
                .rules
                .entities
                .get(other)
                .is_some_and(|declared| declared.class == "person"))
    });
    has_pronoun && !names_another_person && names(context.hits_in(previous.span), entity)
}

/// Whether `hits` name `entity`: by a name, or by a title no one else holds under that wording
/// ("Chinese President" is Xi Jinping; "President" alone is Lukashenko's title too).
fn names(hits: &[Hit], entity: EntityIdx) -> bool {
    hits.iter().any(|hit| match hit.meaning {
        Meaning::Name { entity: e, .. } => e == entity,
        Meaning::Title { entity: e, .. } => {
            e == entity
                && !hits.iter().any(|other| {
                    other.span == hit.span
                        && matches!(other.meaning, Meaning::Title { entity: o, .. } if o != entity)
                })
        }
        _ => false,
    })
}

fn gap(a: Span, b: Span) -> usize {
    if a.overlaps(b) {
        0
    } else if a.end <= b.start {
        b.start - a.end
    } else {
        a.start - b.end
    }
}

fn nearest_cue(cues: &[Span], target: Span) -> (usize, Span) {
    cues.iter()
        .map(|&cue| (gap(cue, target), cue))
        .min_by_key(|(distance, _)| *distance)
        .unwrap_or((usize::MAX, target))
}

fn bind_sentence(
    context: &mut Context<'_, '_>,
    sentence: usize,
    candidates: Vec<Candidate>,
    missed: &mut Vec<Missed>,
) -> Vec<Claim> {
    // Values in every sentence any candidate looks at, extracted once and then borrowed.
    let mut scopes: Vec<Span> = candidates.iter().map(|c| c.scope).collect();
    scopes.sort();
    scopes.dedup();
    let mut looked_at: Vec<usize> = scopes
        .iter()
        .flat_map(|&scope| context.sentences_in(scope))
        .collect();
    looked_at.sort_unstable();
    looked_at.dedup();
    for &index in &looked_at {
        context.values(index);
    }
    let context: &Context<'_, '_> = context;
    let values: Vec<&Extracted> = looked_at
        .iter()
        .flat_map(|&index| context.values_of(index))
        .collect();
    let sentence_span = context.document.sentences[sentence].span;
    let sentence_text = context.document.prose_of(sentence_span);
    let reading = Reading {
        sentence_span,
        sentence_text,
        words: std::cell::OnceCell::new(),
        values,
        insertions: insertions(sentence_text)
            .into_iter()
            .map(|span| span.shift(sentence_span.start))
            .collect(),
        intro_comma: intro_comma(sentence_text).map(|at| sentence_span.start + at),
        time_clauses: time_clauses(sentence_text)
            .into_iter()
            .map(|span| span.shift(sentence_span.start))
            .collect(),
        years: scopes
            .iter()
            .filter(|&&scope| {
                // Only facts bound to an event look at the years of their scope.
                candidates.iter().any(|candidate| {
                    candidate.scope == scope
                        && context
                            .rules
                            .facts
                            .get(candidate.fact)
                            .is_some_and(|fact| fact.event.is_some())
                })
            })
            .map(|&scope| (scope, years_in(context.document.prose_of(scope))))
            .collect(),
    };

    // Bind, then drop the facts whose event the sentence is not about, and bind again without
    // them, so that the values they held go to the facts that are about it.
    let mut active = vec![true; candidates.len()];
    let mut dropped: Vec<(usize, Span, Miss)> = Vec::new();
    // Facts that hold a value are dropped first: a fact left without a value may find that
    // the value it should have had is the one that now looks like "another year".
    let assigned = loop {
        let assigned = assign(context, &reading, &candidates, &active);
        let failing: Vec<(usize, Span, Miss, bool)> = assigned
            .iter()
            .enumerate()
            .filter(|(which, _)| active[*which])
            .filter_map(|(which, (bound, _, cue))| {
                let reason =
                    about_fact_event(context, &reading, (sentence, &candidates[which]), bound)
                        .err()?;
                Some((which, *cue, reason, !matches!(bound, Bound::None)))
            })
            .collect();
        let holding = failing.iter().any(|(_, _, _, holds)| *holds);
        for (which, cue, reason, holds) in failing {
            if holds || !holding {
                active[which] = false;
                dropped.push((which, cue, reason));
            }
        }
        if !holding {
            break assigned;
        }
    };
    missed.extend(dropped.into_iter().map(|(which, cue, reason)| Missed {
        fact: candidates[which].fact,
        sentence,
        cue,
        reason,
    }));
    candidates
        .iter()
        .zip(assigned)
        .zip(active)
        .filter(|(_, active)| *active)
        .map(|((candidate, (bound, binding, cue)), _)| Claim {
            fact: candidate.fact,
            sentence,
            cue,
            bound,
            binding,
        })
        .collect()
}

/// What binding reads of one sentence, worked out once for all its candidate facts.
struct Reading<'a> {
    sentence_span: Span,
    sentence_text: &'a str,
    /// The words of the sentence (spans into it, and their text), for pattern slots: found
    /// the first time a fact with a pattern asks.
    words: std::cell::OnceCell<Words<'a>>,
    /// The values of every sentence a candidate looks at, in order.
    values: Vec<&'a Extracted>,
    /// The years named in each candidate scope.
    years: Vec<(Span, Vec<(usize, i32)>)>,
    /// Phrases set off after a name in the sentence (see [`insertions`]).
    insertions: Vec<Span>,
    /// The comma after the sentence's opening phrase (see [`intro_comma`]), in the document.
    intro_comma: Option<usize>,
    /// Clauses that place something in time against another event (see [`time_clauses`]).
    time_clauses: Vec<Span>,
}

impl Reading<'_> {
    /// Whether every cue of `candidate` stands in a time clause ("a year after diplomatic
    /// relations were established") that `span` stands outside of: the main clause's values
    /// are another event's.
    fn outside_time_clause(&self, candidate: &Candidate, span: Span) -> bool {
        !candidate.cues.is_empty()
            && candidate.cues.iter().all(|cue| {
                self.time_clauses
                    .iter()
                    .any(|clause| clause.contains(*cue) && !clause.contains(span))
            })
    }

    /// Whether `span` stands in a phrase set off after a name that holds none of the
    /// candidate's cues: background to the statement ("Lukashenko, in power since 1994, held
    /// talks …"), not part of it.
    fn in_background(&self, candidate: &Candidate, span: Span) -> bool {
        in_background(
            &self.insertions,
            candidate.cues.iter().chain(&candidate.near),
            span,
        ) && !self.about_subject(candidate, span)
    }

    /// Whether `span` stands in an aside that interrupts a subject headed by one of the
    /// candidate's cues: "The talks between Xi Jinping and Lukashenko, held on 15 July, were
    /// open." The subject opens the sentence, and a verb follows the aside.
    fn about_subject(&self, candidate: &Candidate, span: Span) -> bool {
        const OPENING: &[&str] = &[
            "the",
            "a",
            "an",
            "this",
            "these",
            "those",
            "that",
            "their",
            "his",
            "her",
            "its",
            "our",
            "both",
            "extended",
            "official",
            "bilateral",
            "first",
        ];
        const VERBS: &[&str] = &[
            "was",
            "were",
            "is",
            "are",
            "has",
            "have",
            "had",
            "lasted",
            "ended",
            "began",
            "took",
            "focused",
            "covered",
            "produced",
            "went",
            "proved",
            "remained",
            "resulted",
            "concluded",
            "will",
            "would",
        ];
        let Some(aside) = self.insertions.iter().find(|aside| aside.contains(span)) else {
            return false;
        };
        let start = self.sentence_span.start;
        let text = self.sentence_text;
        candidate.cues.iter().any(|cue| {
            let Some(opening) = text.get(..cue.start.saturating_sub(start)) else {
                return false;
            };
            let subject = opening
                .split_whitespace()
                .all(|word| OPENING.iter().any(|w| w.eq_ignore_ascii_case(word)))
                && cue.end <= aside.start
                && !text
                    .get(cue.end.saturating_sub(start)..aside.start.saturating_sub(start))
                    .unwrap_or(",")
                    .contains([',', ';']);
            let after = text.get(aside.end.saturating_sub(start)..).unwrap_or("");
            let verb = after
                .trim_start_matches([',', ')'])
                .split_whitespace()
                .next()
                .is_some_and(|word| VERBS.iter().any(|v| v.eq_ignore_ascii_case(word)));
            subject && verb
        })
    }
}

/// Whether `cue` stands in one of the `asides` that neither names one of the `with`
/// entities nor hangs on one: "Unlike the Kyoto Protocol, adopted on 11 December 1997, the
/// Paris Agreement …" says nothing of when the Paris Agreement was adopted.
fn in_aside_about_other(
    context: &Context<'_, '_>,
    asides: &[Span],
    cue: Span,
    with: &[EntityIdx],
) -> bool {
    let is_with = |hit: &Hit| {
        matches!(hit.meaning, Meaning::Name { entity, .. } | Meaning::Title { entity, .. }
            if with.contains(&entity))
    };
    asides.iter().any(|aside| {
        if !aside.contains(cue) || context.hits_in(*aside).iter().any(is_with) {
            return false;
        }
        // The name the aside hangs on ends right before its comma or bracket.
        let before = Span::new(aside.start.saturating_sub(80), aside.start);
        let hangs_on_with = context.hits_in(before).iter().any(|hit| {
            is_with(hit)
                && context
                    .document
                    .prose_of(Span::new(hit.span.end, aside.start))
                    .trim()
                    .is_empty()
        });
        !hangs_on_with
    })
}

/// Whether `span` stands in one of the `insertions` that holds none of `anchors` (the
/// fact's cues and co-words: "relations between Belarus and China, which were established
/// on …" is part of the statement of when relations were established).
fn in_background<'s>(
    insertions: &[Span],
    anchors: impl Iterator<Item = &'s Span> + Clone,
    span: Span,
) -> bool {
    insertions.iter().any(|insertion| {
        insertion.contains(span) && !anchors.clone().any(|anchor| insertion.contains(*anchor))
    })
}

/// One binding of the active candidates: for each candidate, what it bound, how, and the cue
/// nearest to it. Inactive candidates get nothing.
fn assign(
    context: &Context<'_, '_>,
    reading: &Reading<'_>,
    candidates: &[Candidate],
    active: &[bool],
) -> Vec<(Bound, Binding, Span)> {
    let rules = context.rules;
    let values = &reading.values;
    // Candidate pairs (distance, fact, value), values first by pattern slot.
    let mut bound: Vec<Option<Bound>> = vec![None; candidates.len()];
    let mut binding = vec![Binding::Nothing; candidates.len()];
    let mut taken_value = vec![false; values.len()];
    let mut cue_of: Vec<Span> = candidates
        .iter()
        .map(|c| c.cues.first().copied().unwrap_or(c.scope))
        .collect();
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (which, candidate) in candidates.iter().enumerate() {
        if !active[which] {
            continue;
        }
        let Some(fact) = rules.facts.get(candidate.fact) else {
            continue;
        };
        let Some(kind) = value_kind(&fact.expect) else {
            continue;
        };
        // Where the sentence also dates the fact's own event, a date of another year is the
        // other event's ("met on 17 July 2013 and on 30 September 2016").
        let event = fact.event.and_then(|event| context.rules.events.get(event));
        let own_event_dated = kind == ValueKind::Date
            && event.is_some_and(|event| {
                values.iter().any(|value| {
                    candidate.scope.contains(value.span)
                        && matches!(&value.value, Value::Date(date) if in_event_months(event, date))
                })
            });
        let other_event_date = |value: &Extracted| {
            own_event_dated
                && matches!((&value.value, event), (Value::Date(date), Some(event))
                    if date.year.is_some_and(|year| outside_event_years(event, year)))
        };
        // Values of the fact's type that it may take at all (see docs/checking.md §4).
        let takes = |value: &Extracted| {
            value.value.kind() == kind
                && candidate.scope.contains(value.span)
                && value.span.start >= candidate.from
                && !reading.in_background(candidate, value.span)
                && !contrasted(&context.document.prose, value.span.start)
                && !converted(context, &fact.expect, values, value)
                && !(kind == ValueKind::Ordinal
                    && counted_since(context.document.prose_of(Span::new(
                        value.span.end,
                        reading.sentence_span.end.max(value.span.end),
                    ))))
                && !(kind == ValueKind::Number && year_before_noun(context, value))
                && !other_event_date(value)
                && !(event.is_some() && after_since(&context.document.prose, value.span.start))
                && !reading.outside_time_clause(candidate, value.span)
                && !(kind == ValueKind::Date && of_another_event(context, candidate, value.span))
        };
        let at_slot = if fact.patterns.is_empty() {
            None
        } else {
            let words = reading
                .words
                .get_or_init(|| Words::of(reading.sentence_text));
            // The values of the fact's type in this sentence, as spans into it.
            let sentence = reading.sentence_span;
            let (indexes, spans): (Vec<usize>, Vec<Span>) = values
                .iter()
                .enumerate()
                .filter(|(_, v)| sentence.contains(v.span) && takes(v))
                .map(|(index, v)| {
                    let span =
                        Span::new(v.span.start - sentence.start, v.span.end - sentence.start);
                    (index, span)
                })
                .unzip();
            fact.patterns
                .iter()
                .find_map(|pattern| words.slot_value(pattern, &spans))
                .and_then(|slot| indexes.get(slot).copied())
        };
        if let Some(value_index) = at_slot
            && !taken_value[value_index]
        {
            taken_value[value_index] = true;
            binding[which] = Binding::Slot;
            bound[which] = Some(Bound::Value(values[value_index].clone()));
            continue;
        }
        for (value_index, value) in values.iter().enumerate() {
            if !takes(value) {
                continue;
            }
            let counts = matches!(fact.expect, Expect::Number { count: true, .. });
            // A count goes with the nearest cue it counts ("Planned agreements: about 35
            // bilateral agreements" counts the second).
            let counted;
            let cues = if counts && candidate.cues.len() > 1 {
                counted = candidate
                    .cues
                    .iter()
                    .copied()
                    .filter(|&cue| {
                        let between = Span::new(value.span.end, cue.start.max(value.span.end));
                        counts_cue(context.document.prose_of(between), value.span, cue)
                    })
                    .collect::<Vec<Span>>();
                if counted.is_empty() {
                    &candidate.cues
                } else {
                    &counted
                }
            } else {
                &candidate.cues
            };
            let (distance, cue) = nearest_cue(cues, value.span);
            // "took place on 15 July, and the declaration was signed …": a value after its cue
            // stays in the cue's clause.
            if value.span.start >= cue.end
                && !clause_breaks(
                    context
                        .document
                        .prose_of(Span::new(cue.end, value.span.start)),
                )
                .is_empty()
            {
                continue;
            }
            // "came into force 30 days after the threshold was crossed on 5 October": the
            // date is the other event's.
            if kind == ValueKind::Date
                && value.span.start >= cue.end
                && another_event_between(
                    context
                        .document
                        .prose_of(Span::new(cue.end, value.span.start)),
                )
            {
                continue;
            }
            let between = Span::new(value.span.end, cue.start.max(value.span.end));
            // "In 2012 it was 20 years since diplomatic relations were established": the date
            // is where a duration is measured to, not the date of the fact.
            if kind == ValueKind::Date
                && value.span.end <= cue.start
                && measured_since(context.document.prose_of(between))
            {
                continue;
            }
            if distance <= MAX_DISTANCE
                && !closed_off(context.document.prose_of(between))
                && !earlier_predicate(
                    context.document.prose_of(between),
                    context.document.prose_of(Span::new(
                        reading.sentence_span.start,
                        value.span.start.max(reading.sentence_span.start),
                    )),
                )
                && (!counts || counts_cue(context.document.prose_of(between), value.span, cue))
            {
                pairs.push((distance, which, value_index));
            }
        }
    }
    pairs.sort_unstable();
    for (distance, which, value_index) in pairs {
        if bound[which].is_some() || taken_value[value_index] {
            continue;
        }
        taken_value[value_index] = true;
        binding[which] = Binding::Nearest(distance);
        cue_of[which] = nearest_cue(&candidates[which].cues, values[value_index].span).1;
        bound[which] = Some(Bound::Value(values[value_index].clone()));
    }

    // Entity slots: each entity name goes to the nearest cue among facts that take its class.
    let mut entity_claims: Vec<Vec<Hit>> = vec![Vec::new(); candidates.len()];
    let mut owners: BTreeMap<Span, (usize, usize)> = BTreeMap::new();
    for (which, candidate) in candidates.iter().enumerate() {
        if !active[which] {
            continue;
        }
        let Some(fact) = rules.facts.get(candidate.fact) else {
            continue;
        };
        let classes = entity_classes(context, &fact.expect);
        if classes.is_empty() {
            continue;
        }
        for hit in context.hits_in(candidate.scope) {
            let Meaning::Name { entity, .. } = hit.meaning else {
                continue;
            };
            let Some(declared) = rules.entities.get(entity) else {
                continue;
            };
            if !classes.contains(&declared.class.as_str())
                || candidate.cues.iter().any(|cue| cue.contains(hit.span))
                || contrasted(&context.document.prose, hit.span.start)
                || contrasted_pair(context, candidate.scope, hit.span)
                || onlooker(&context.document.prose, reading.sentence_span, hit.span)
                || reading.in_background(candidate, hit.span)
                || reading.outside_time_clause(candidate, hit.span)
                || candidate.cues.iter().all(|cue| {
                    // After the cue: up to the end of the name, which may start the clause.
                    let between = if hit.span.start >= cue.end {
                        Span::new(cue.end, hit.span.end)
                    } else {
                        Span::new(hit.span.end, cue.start.max(hit.span.end))
                    };
                    let forward = hit.span.start >= cue.end;
                    // The comma after an opening phrase: as an offset into `between`.
                    let intro = reading
                        .intro_comma
                        .and_then(|at| at.checked_sub(between.start));
                    new_clause(context.document.prose_of(between), forward, intro)
                })
            {
                continue;
            }
            let (distance, _) = nearest_cue(&candidate.cues, hit.span);
            let entry = owners.entry(hit.span).or_insert((distance, which));
            if distance < entry.0 {
                *entry = (distance, which);
            }
        }
    }
    if !owners.is_empty() {
        for (which, candidate) in candidates.iter().enumerate() {
            for hit in context.hits_in(candidate.scope) {
                if matches!(hit.meaning, Meaning::Name { .. })
                    && owners
                        .get(&hit.span)
                        .is_some_and(|(_, owner)| *owner == which)
                {
                    entity_claims[which].push(*hit);
                }
            }
        }
    }

    (0..candidates.len())
        .map(|which| {
            let entities = std::mem::take(&mut entity_claims[which]);
            match bound[which].take() {
                Some(bound) => (bound, binding[which], cue_of[which]),
                None if !entities.is_empty() => {
                    (Bound::Entities(entities), Binding::Entities, cue_of[which])
                }
                None => (Bound::None, Binding::Nothing, cue_of[which]),
            }
        })
        .collect()
}

/// Phrases set off after a name, as spans into `sentence`: from a comma after a capitalised
/// word and a word that opens an aside ("Lukashenko, in power since 1994,", "Lukashenko, who
/// was elected in 1994,", "Shanghai, a city he last saw in 2010", "The Treaty, signed on 7
/// February 1992,") to the next comma, and
/// brackets after a capitalised word that open the same way ("Lukashenko (in power since
/// 1994)").
fn insertions(sentence: &str) -> Vec<Span> {
    const OPENERS: &[&str] = &[
        "who ",
        "whom ",
        "whose ",
        "which ",
        "where ",
        "a ",
        "an ",
        "in power ",
        "in office ",
        "born ",
        "elected ",
        "aged ",
        "once ",
        "formerly ",
        "then ",
        "now ",
    ];
    let after_name = |at: usize| {
        sentence[..at]
            .trim_end()
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .and_then(|word| word.chars().next())
            .is_some_and(char::is_uppercase)
    };
    // A past participle opens one too: "The Treaty, signed on 7 February 1992, entered …".
    const PARTICIPLES: &[&str] = &["held", "set", "built", "made", "known", "chosen", "written"];
    let opens_aside = |at: usize| {
        let rest = sentence[at + 1..].trim_start();
        let first = rest
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        starts_with_any(rest, OPENERS).is_some()
            || (first.len() > 4 && first.ends_with("ed") && first.starts_with(char::is_lowercase))
            || PARTICIPLES.contains(&first)
    };
    let mut first_comma = intro_comma(sentence);
    let mut found = Vec::new();
    for at in memchr::memchr2_iter(b',', b'(', sentence.as_bytes()) {
        if first_comma == Some(at) {
            first_comma = None;
            continue;
        }
        // "the NPP ($600m)" is the value of the NPP's loan, not an aside; and the comma that
        // closes an aside opens none ("Minsk, which …with Beijing, signed …").
        let closes_aside = found.last().is_some_and(|aside: &Span| aside.end == at);
        if sentence.as_bytes()[at] == b'('
            && let Some(len) = citation(&sentence[at..])
        {
            found.push(Span::new(at, at + len));
            continue;
        }
        if !opens_aside(at) || !after_name(at) || closes_aside {
            continue;
        }
        let end = if sentence.as_bytes()[at] == b',' {
            sentence[at + 1..]
                .find([',', ';', ')'])
                .map_or(sentence.len(), |end| at + 1 + end)
        } else {
            sentence[at..]
                .find(')')
                .map_or(sentence.len(), |end| at + end + 1)
        };
        found.push(Span::new(at, end));
    }
    found
}

/// The length of a citation in brackets at the start of `text`: "(Smith 2014)", "(Reuters,
/// 2014)", "(Li and Wang 2016, p. 12)", "(Smith et al., 2014)": names, then a year, then at
/// most a page. Its year dates the source, not the statement.
fn citation(text: &str) -> Option<usize> {
    let inner = text.strip_prefix('(')?;
    let close = inner.find(')')?;
    let inner = &inner[..close];
    if close > 80 || inner.contains('(') {
        return None;
    }
    let at = match years_in(inner).as_slice() {
        [(at, _)] => *at,
        _ => return None,
    };
    let names = inner[..at].trim_end().trim_end_matches(',').trim_end();
    let named = names.split_whitespace().all(|word| {
        word.starts_with(char::is_uppercase)
            || matches!(
                word,
                "and" | "&" | "et" | "al." | "al" | "al.," | "of" | "the"
            )
    });
    let after = inner[at + 4..].trim_start_matches(|c: char| c.is_ascii_lowercase());
    let page = after.is_empty()
        || after
            .trim_start_matches([',', ':', ' '])
            .trim_start_matches("pp.")
            .trim_start_matches("p.")
            .trim()
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'-');
    (!names.is_empty() && names.starts_with(char::is_uppercase) && named && page)
        .then_some(close + 2)
}

/// The comma that ends an opening phrase, in a sentence that opens with a preposition: "On
/// the production of cars in Belarus, an agreement was reached". No aside and no new clause
/// starts there.
fn intro_comma(sentence: &str) -> Option<usize> {
    const PREPOSITIONS: &[&str] = &[
        "on",
        "in",
        "at",
        "during",
        "after",
        "before",
        "with",
        "for",
        "since",
        "from",
        "by",
        "under",
        "following",
        "amid",
        "despite",
        "as",
        "to",
        "of",
        "over",
        "within",
        "about",
    ];
    let opening = sentence
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    PREPOSITIONS
        .iter()
        .any(|preposition| preposition.eq_ignore_ascii_case(opening))
        .then(|| sentence.find(','))
        .flatten()
}

/// Whether the value or name at `at` in `prose` is the rejected side of a contrast: "on 16
/// July, not 17 July", "in Beijing rather than Shanghai", "not in 1993 but in 1992".
fn contrasted(prose: &str, at: usize) -> bool {
    let before = prose.as_bytes().get(..at).unwrap_or(&[]);
    [
        " not ",
        " not the ",
        " not in ",
        " not on ",
        "rather than ",
        "instead of ",
        ",not ",
    ]
    .iter()
    .any(|marker| {
        before
            .len()
            .checked_sub(marker.len())
            .is_some_and(|from| before[from..].eq_ignore_ascii_case(marker.as_bytes()))
    })
}

/// Whether the date at `span` is given as the date of another event the sentence names
/// right before it: "the election of 10 July 1994", "the referendum on 24 November 1996" —
/// unless that word is one of the fact's own cues or co-words.
fn of_another_event(context: &Context<'_, '_>, candidate: &Candidate, span: Span) -> bool {
    const EVENTS: &[&str] = &[
        "election",
        "elections",
        "referendum",
        "vote",
        "ballot",
        "runoff",
        "run-off",
        "inauguration",
        "coup",
        "earthquake",
        "accident",
        "disaster",
        "uprising",
        "revolution",
    ];
    let prose = &context.document.prose;
    let before = prose.get(..span.start).unwrap_or("").trim_end();
    let Some(rest) = ["of", "on", "in"].iter().find_map(|link| {
        before
            .strip_suffix(link)
            .filter(|rest| rest.ends_with(char::is_whitespace))
    }) else {
        return false;
    };
    let rest = rest.trim_end();
    let word_start = rest
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '-'))
        .map_or(0, |(at, c)| at + c.len_utf8());
    let word = &rest[word_start..];
    let word_span = Span::new(word_start, rest.len());
    EVENTS.iter().any(|event| event.eq_ignore_ascii_case(word))
        && !candidate
            .cues
            .iter()
            .chain(&candidate.near)
            .any(|anchor| anchor.overlaps(word_span))
}

/// Whether the name at `span` is joined by "and" or "or" to a name before it that is the
/// rejected side of a contrast: "not Minsk and Guangzhou".
fn contrasted_pair(context: &Context<'_, '_>, scope: Span, span: Span) -> bool {
    let prose = &context.document.prose;
    context.hits_in(scope).iter().any(|other| {
        other.span.end < span.start
            && matches!(other.meaning, Meaning::Name { .. })
            && matches!(
                prose.get(other.span.end..span.start).map(str::trim),
                Some("and" | "or")
            )
            && contrasted(prose, other.span.start)
    })
}

/// Whether the name at `span` only looks on: "in the presence of officials from Guangzhou",
/// "witnessed by …", "delegates from …" — a witness or where someone comes from, not a party.
fn onlooker(prose: &str, sentence: Span, span: Span) -> bool {
    const WITNESSING: &[&str] = &[
        "in the presence of",
        "witnessed by",
        "attended by",
        "observed by",
        "watched by",
    ];
    let from =
        crate::span::floor_char_boundary(prose, span.start.saturating_sub(40).max(sentence.start));
    let before = prose.get(from..span.start).unwrap_or("").to_lowercase();
    if WITNESSING.iter().any(|marker| before.contains(marker)) {
        return true;
    }
    // "officials from", "delegates from": a plural noun of people and "from".
    let mut words = before.split_whitespace().rev();
    let (Some(last), Some(noun)) = (words.next(), words.next()) else {
        return false;
    };
    last == "from" && noun.len() > 3 && noun.ends_with('s')
}

/// Whether `a` and `b`, both in the sentence at `sentence`, stand on either side of a
/// semicolon or of a comparison (", compared with …", ", up from …").
fn hard_break(prose: &str, sentence: Span, a: Span, b: Span) -> bool {
    let (first, last) = if a.start <= b.start { (a, b) } else { (b, a) };
    if !sentence.contains(first) || !sentence.contains(last) || first.end > last.start {
        return false;
    }
    let between = prose.get(first.end..last.start).unwrap_or("");
    between.contains(';')
        || between
            .match_indices(',')
            .any(|(at, _)| starts_with_any(between[at + 1..].trim_start(), COMPARISONS).is_some())
}

/// A comparison after a comma: ", against about 20 planned", ", up from $2 billion".
const COMPARISONS: &[&str] = &[
    "against ",
    "versus ",
    "compared with ",
    "compared to ",
    "up from ",
    "down from ",
];

/// Words after a comma that go on to what happened next or before: a predicate of its own
/// (", then flew to Shanghai", ", before signing …").
const SEQUENCE: &[&str] = &[
    "then ",
    "and then ",
    "before ",
    "after ",
    "afterwards ",
    "later ",
];

/// Clauses of `sentence` that place something in time against another event: from "after" or
/// "before" to the next comma or semicolon, or the end ("opened embassies in 1993, a year after
/// diplomatic relations were established", "After his talks in Beijing, he flew …"). Spans
/// into `sentence`.
fn time_clauses(sentence: &str) -> Vec<Span> {
    let bytes = sentence.as_bytes();
    let mut clauses = Vec::new();
    for at in memchr::memchr2_iter(b'a', b'b', bytes).chain(memchr::memchr2_iter(b'A', b'B', bytes))
    {
        let Some(word) = ["after", "before"].iter().find(|word| {
            bytes
                .get(at..at + word.len())
                .is_some_and(|text| text.eq_ignore_ascii_case(word.as_bytes()))
        }) else {
            continue;
        };
        let end = at + word.len();
        let alone = (at == 0 || !bytes[at - 1].is_ascii_alphanumeric())
            && bytes.get(end).is_none_or(|b| !b.is_ascii_alphanumeric());
        if alone {
            let close = sentence[end..]
                .find([',', ';'])
                .map_or(sentence.len(), |to| end + to);
            clauses.push(Span::new(at, close));
        }
    }
    clauses.sort_unstable();
    clauses
}

/// Where a new clause with a subject of its own starts in `text`: at a semicolon, and at a
/// comma followed by "and", "but", "while" or "whereas" and a word that opens a subject ("the",
/// "a", "it", "they", a capitalised word, a number…): "…on 15 July, and the declaration was
/// signed …"; at a comma before a comparison (", against …", ", up from …"); and at a comma
/// before what came next or before (", then flew …", ", before …").
/// Offsets of the semicolons and commas.
fn clause_breaks(text: &str) -> Vec<usize> {
    const SUBJECTS: &[&str] = &[
        "the", "a", "an", "it", "its", "they", "their", "he", "his", "she", "her", "we", "this",
        "that", "these", "those",
    ];
    let bytes = text.as_bytes();
    let mut breaks = Vec::new();
    for at in memchr::memchr2_iter(b';', b',', bytes) {
        if bytes[at] == b';' {
            breaks.push(at);
            continue;
        }
        // A comparison: ", against about 20 planned", ", up from $2 billion"; or what came
        // next: ", then flew to Shanghai".
        let rest = text[at + 1..].trim_start();
        if starts_with_any(rest, COMPARISONS).is_some() || starts_with_any(rest, SEQUENCE).is_some()
        {
            breaks.push(at);
            continue;
        }
        let mut words = text[at + 1..].split_whitespace();
        let (Some(join), Some(subject)) = (words.next(), words.next()) else {
            continue;
        };
        let joins = ["and", "but", "while", "whereas"]
            .iter()
            .any(|word| word.eq_ignore_ascii_case(join));
        let subject = subject.trim_matches(|c: char| !c.is_alphanumeric());
        let opens_subject = subject.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || SUBJECTS
                .iter()
                .any(|word| word.eq_ignore_ascii_case(subject));
        if joins && opens_subject {
            breaks.push(at);
        }
    }
    breaks
}

/// Whether a value before its cue belongs to an earlier predicate of the sentence: `between`
/// (from the value to the cue) goes on to another verb after "and" or a semicolon ("arrived
/// on 15 July and held talks the next day", "arrived on 15 July; the talks followed"), and
/// the value does not open the sentence (`before`, the sentence up to the value, is at most a
/// preposition), where it would cover both ("On 15 July he arrived and held talks").
fn earlier_predicate(between: &str, before: &str) -> bool {
    const OPENING: &[&str] = &[
        "", "on", "in", "by", "since", "from", "as of", "until", "till",
    ];
    const PAST: &[&str] = &[
        "held", "met", "made", "took", "went", "came", "began", "gave", "paid", "saw", "won",
        "had", "led", "spoke", "sat", "left", "flew", "got", "then",
    ];
    if OPENING.contains(&before.trim().to_lowercase().as_str()) {
        return false;
    }
    if !clause_breaks(between).is_empty() {
        return true;
    }
    let lower = between.to_lowercase();
    lower.match_indices(" and ").any(|(at, and)| {
        let next = lower[at + and.len()..]
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        PAST.contains(&next) || (next.len() > 4 && next.ends_with("ed"))
    })
}

/// Whether `value` is an amount in another currency than the fact's, given next to the same
/// amount in the fact's currency: "9.2 billion yuan ($1.5 billion)", "$1.5 billion (about 9.2
/// billion yuan)", "9.2 billion yuan, or about $1.5 billion". The fact is read in its own.
fn converted(
    context: &Context<'_, '_>,
    expect: &Expect,
    values: &[&Extracted],
    value: &Extracted,
) -> bool {
    const LINKS: &[&str] = &[
        "or",
        "about",
        "some",
        "roughly",
        "around",
        "approximately",
        "nearly",
        "almost",
        "i.e",
        "equivalent",
        "to",
        "equal",
        "worth",
        "approx",
        "c",
    ];
    let (Expect::Money { currency, .. }, Value::Money { currency: own, .. }) =
        (expect, &value.value)
    else {
        return false;
    };
    if own == currency {
        return false;
    }
    values.iter().any(|other| {
        let Value::Money {
            currency: theirs, ..
        } = &other.value
        else {
            return false;
        };
        if theirs != currency {
            return false;
        }
        let between = if other.span.start >= value.span.end {
            Span::new(value.span.end, other.span.start)
        } else if value.span.start >= other.span.end {
            Span::new(other.span.end, value.span.start)
        } else {
            return false;
        };
        let text = context.document.prose_of(between);
        text.len() <= 40
            && text
                .split(|c: char| !c.is_alphabetic())
                .filter(|word| !word.is_empty())
                .all(|word| LINKS.contains(&word.to_lowercase().as_str()))
    })
}

/// Whether `between` (from a cue to a date after it) brings in another event the date may
/// belong to: "after", "before", "following", "ahead of", "prior to".
fn another_event_between(between: &str) -> bool {
    // A phrase closed by a comma before the date hands it back to the cue: "established soon
    // after independence, on 21 January 1992".
    let between = match between.rfind(',') {
        Some(comma) if matches!(between[comma + 1..].trim(), "" | "on" | "in") => "",
        _ => between,
    };
    let mut words = between
        .split(|c: char| !c.is_alphabetic())
        .filter(|word| !word.is_empty())
        .peekable();
    // "the following Thursday, 18 July" names the day itself.
    const DAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "day",
        "week",
        "morning",
        "evening",
        "afternoon",
    ];
    while let Some(word) = words.next() {
        let next = words.peek().copied().unwrap_or("");
        // (The date itself may start with its weekday: then nothing follows in `between`.)
        let names_the_day = word.eq_ignore_ascii_case("following")
            && (next.is_empty() || DAYS.iter().any(|day| day.eq_ignore_ascii_case(next)));
        if (["after", "before", "following"]
            .iter()
            .any(|marker| marker.eq_ignore_ascii_case(word))
            && !names_the_day)
            || (word.eq_ignore_ascii_case("ahead") && next.eq_ignore_ascii_case("of"))
            || (word.eq_ignore_ascii_case("prior") && next.eq_ignore_ascii_case("to"))
        {
            return true;
        }
    }
    false
}

/// Whether `between` (the text from a cue to a name, or back) starts a clause with a subject
/// of its own: a semicolon, or a comma and "and", "but", "while" or "whereas" before a
/// capitalised word ("agreed on car production, and CITIC Construction signed …"). After the
/// cue (`forward`), also a comma and a phrase about the whole statement ("…, a move the
/// European Union welcomed", "…, which Shanghai welcomed"), unless it is the comma `intro`
/// after an opening phrase.
fn new_clause(between: &str, forward: bool, intro: Option<usize>) -> bool {
    if between.contains(';') {
        return true;
    }
    if forward
        && between.match_indices(',').any(|(at, _)| {
            if Some(at) == intro {
                return false;
            }
            let rest = between[at + 1..].trim_start();
            starts_with_any(
                rest,
                &["a ", "an ", "which ", "where ", "when ", "who ", "as "],
            )
            .is_some()
                || starts_with_any(rest, SEQUENCE).is_some()
        })
    {
        return true;
    }
    between.match_indices(',').any(|(at, _)| {
        let rest = between[at + 1..].trim_start();
        ["and ", "but ", "while ", "whereas "].iter().any(|join| {
            rest.strip_prefix(join).is_some_and(|after| {
                let after = after.trim_start();
                let after = after.strip_prefix("the ").unwrap_or(after);
                after.starts_with(char::is_uppercase)
            })
        })
    })
}

/// Whether a number is a year naming the thing after it: four digits from 1800 to 2199 after
/// "the", "a", "this", "that", "its", "their" or a possessive, before a word ("the 2004
/// enlargement", "Lukashenko's 2013 visit"). Counts that large are written "2,004".
fn year_before_noun(context: &Context<'_, '_>, value: &Extracted) -> bool {
    const DETERMINERS: &[&str] = &["the", "a", "this", "that", "its", "their", "his", "her"];
    let prose = &context.document.prose;
    let text = context.document.prose_of(value.span);
    let year = text.len() == 4
        && text
            .parse::<u16>()
            .is_ok_and(|year| (1800..2200).contains(&year));
    if !year || value.hedge.is_some() {
        return false;
    }
    let before = prose.get(..value.span.start).unwrap_or("").trim_end();
    let word_before = before
        .rsplit(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .next()
        .unwrap_or("");
    let determined = DETERMINERS
        .iter()
        .any(|determiner| determiner.eq_ignore_ascii_case(word_before))
        || word_before.ends_with("'s")
        || word_before.ends_with("’s");
    let after = prose.get(value.span.end..).unwrap_or("");
    let noun_after = after.starts_with(' ') && after[1..].starts_with(|c: char| c.is_alphabetic());
    determined && noun_after
}

/// Whether `date` falls in one of the months of `event`'s window.
fn in_event_months(event: &crate::rules::Event, date: &crate::value::PartialDate) -> bool {
    let month = |date: &crate::value::PartialDate| {
        date.year
            .zip(date.month)
            .map(|(year, month)| year * 12 + i32::from(month))
    };
    let (Some(from), Some(to)) = (event.from.or(event.to), event.to.or(event.from)) else {
        return false;
    };
    match (month(date), month(&from), month(&to)) {
        (Some(at), Some(first), Some(last)) => (first..=last).contains(&at),
        _ => false,
    }
}

/// Whether `year` lies outside the years of `event`'s window.
fn outside_event_years(event: &crate::rules::Event, year: i32) -> bool {
    let first = event.from.or(event.to).and_then(|date| date.year);
    let last = event.to.or(event.from).and_then(|date| date.year);
    first.is_some_and(|first| year < first) || last.is_some_and(|last| year > last)
}

/// Whether the value at `at` follows "since": the start of a period ("the most important
/// document signed since 1992"), not the date of an event.
fn after_since(prose: &str, at: usize) -> bool {
    let before = prose.as_bytes().get(..at).unwrap_or(&[]);
    before.len() >= 6 && before[before.len() - 6..].eq_ignore_ascii_case(b"since ")
}

/// Whether an ordinal counts from some later point, not from the start: "the first visit
/// since 2010", "his third trip since Xi Jinping took office". `after` is the sentence after
/// the ordinal; "since" must come before the clause ends.
fn counted_since(after: &str) -> bool {
    let clause = after.split([',', ';', ':', '(']).next().unwrap_or("");
    let clause = clause.split(" and ").next().unwrap_or("");
    let clause = &clause[..crate::span::floor_char_boundary(clause, clause.len().min(60))];
    clause
        .split(|c: char| !c.is_alphabetic())
        .any(|word| word.eq_ignore_ascii_case("since"))
}

/// Whether `between` counts time since something: "20 years since", "two decades since".
fn measured_since(between: &str) -> bool {
    let words: Vec<&str> = between
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    words.windows(2).any(|pair| {
        pair[1].eq_ignore_ascii_case("since")
            && ["year", "years", "decade", "decades", "month", "months"]
                .iter()
                .any(|unit| unit.eq_ignore_ascii_case(pair[0]))
    })
}

/// Whether a value in brackets is closed off from a cue after them: `between` (the text from
/// the value to the cue) closes a bracket it did not open. "The visit (15–17 July), when the
/// sides signed a declaration": the dates belong to the visit, not to the declaration.
fn closed_off(between: &str) -> bool {
    let mut depth = 0i32;
    for byte in between.bytes() {
        match byte {
            b'(' | b'[' => depth += 1,
            b')' | b']' => {
                depth -= 1;
                if depth < 0 {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// Whether a number counts the things its cue names: it stands before the cue with at most
/// three words between, none of them a verb ("20 bilateral agreements", not "the two sides
/// planned agreements").
fn counts_cue(between: &str, value: Span, cue: Span) -> bool {
    if value.end > cue.start {
        return false;
    }
    const NOT_ADJECTIVES: &[&str] = &[
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "will",
        "would",
        "to",
        "have",
        "has",
        "had",
        "did",
        "do",
        "does",
        "can",
        "could",
        "should",
        "may",
        "might",
        "sides",
        "countries",
        "parties",
        "leaders",
        "nations",
        "states",
        "presidents",
        "delegations",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "years",
        "days",
        "months",
    ];
    let words: Vec<&str> = between.split_whitespace().collect();
    words.len() <= 3
        && !between.contains([',', ';', ':', '.', '(', ')'])
        && words.iter().all(|word| {
            let lower = word.to_lowercase();
            let verb_like = lower.len() > 4 && (lower.ends_with("ed") || lower.ends_with("ing"));
            !NOT_ADJECTIVES.contains(&lower.as_str()) && !verb_like
        })
}

/// Whether a statement counts for the fact's event (always true for facts without one).
fn about_fact_event(
    context: &Context<'_, '_>,
    reading: &Reading<'_>,
    (sentence, candidate): (usize, &Candidate),
    bound: &Bound,
) -> Result<(), Miss> {
    let values = &reading.values;
    let Some(fact) = context.rules.facts.get(candidate.fact) else {
        return Ok(());
    };
    let Some(event) = fact.event.and_then(|event| context.rules.events.get(event)) else {
        return Ok(());
    };
    let (Some(from), Some(to)) = (event.from.or(event.to), event.to.or(event.from)) else {
        return Ok(());
    };
    let bound_span = match bound {
        Bound::Value(value) => Some(value.span),
        _ => None,
    };
    let in_window = |date: &crate::value::PartialDate| {
        date.year.is_some()
            && day_number(*date, false) <= day_number(to, true)
            && day_number(*date, true) >= day_number(from, false)
    };
    // A date in one of the event's months names it too, even a wrong day ("the talks on 14
    // July 2013" in a draft written years later).
    let month = |date: &crate::value::PartialDate| {
        date.year
            .zip(date.month)
            .map(|(year, month)| year * 12 + i32::from(month))
    };
    let in_months = |date: &crate::value::PartialDate| match (month(date), month(&from), month(&to))
    {
        (Some(at), Some(first), Some(last)) => (first..=last).contains(&at),
        _ => false,
    };
    // What another clause of the sentence says past a semicolon or a comparison ("…; in 2016,
    // on 29 September") is not about this statement's event.
    let in_reach = |span: Span| {
        candidate
            .cues
            .iter()
            .any(|cue| !hard_break(&context.document.prose, reading.sentence_span, *cue, span))
    };
    let (first_year, last_year) = (from.year.unwrap_or(i32::MIN), to.year.unwrap_or(i32::MAX));
    let outside = |year: i32| year < first_year || year > last_year;
    let years = reading
        .years
        .iter()
        .find(|(scope, _)| *scope == candidate.scope)
        .map_or(&[][..], |(_, years)| years.as_slice());
    let year_span =
        |at: usize| Span::new(candidate.scope.start + at, candidate.scope.start + at + 4);
    // The event's name, a date in its window or months, or a bare year of it ("2016: his
    // ninth visit").
    let names_event = context.hits_in(candidate.scope).iter().any(|hit| {
        hit.meaning == Meaning::EventName(fact.event.unwrap_or(usize::MAX)) && in_reach(hit.span)
    }) || values.iter().any(|value| {
        matches!(&value.value, Value::Date(date) if in_window(date) || in_months(date))
            && in_reach(value.span)
    }) || years.iter().any(|&(at, year)| {
        let span = year_span(at);
        !outside(year)
            && in_reach(span)
            && !reading.in_background(candidate, span)
            // Not the year of a date outside the window ("in May 2013").
            && !values
                .iter()
                .any(|value| matches!(value.value, Value::Date(_)) && value.span.overlaps(span))
    });
    if names_event {
        return Ok(());
    }
    // The value itself dates another event of the rules ("held talks with Xi Jinping in
    // Beijing on 16 July 2013", read for the facts of a 2016 visit): the statement is that
    // event's.
    if let Bound::Value(value) = bound
        && let Value::Date(date) = &value.value
        && let Some(year) = date.year.filter(|&year| outside(year))
        && context
            .rules
            .events
            .iter()
            .enumerate()
            .any(|(index, other)| Some(index) != fact.event && in_event_months(other, date))
    {
        return Err(Miss::OtherYear(year));
    }
    let stated_year = values
        .iter()
        .filter(|value| {
            Some(value.span) != bound_span
                && !reading.in_background(candidate, value.span)
                && in_reach(value.span)
        })
        .find_map(|value| match &value.value {
            Value::Date(date) => date.year.filter(|&year| outside(year)),
            _ => None,
        });
    let other_year = stated_year.or_else(|| {
        years.iter().find_map(|&(at, year)| {
            let span = year_span(at);
            (!bound_span.is_some_and(|bound| bound.overlaps(span))
                && !reading.in_background(candidate, span)
                && in_reach(span)
                && outside(year))
            .then_some(year)
        })
    });
    let far = context.date.year.is_some()
        && (day_number(context.date, false) > day_number(to, true) + 372
            || day_number(context.date, true) + 372 < day_number(from, false));
    if let Some(year) = other_year {
        return Err(Miss::OtherYear(year));
    }
    // A sentence without a year of its own is dated by its heading or parent list item
    // ("## September 2016", "- 2016: state visit"): that date names the event, or another year.
    let parent = years
        .is_empty()
        .then(|| context.parent_date(sentence))
        .flatten();
    match parent {
        Some(date) if in_window(&date) || in_months(&date) => Ok(()),
        Some(crate::value::PartialDate {
            year: Some(year), ..
        }) if outside(year) => Err(Miss::OtherYear(year)),
        _ if far => Err(Miss::FarFromEvent),
        _ => Ok(()),
    }
}

/// Four-digit numbers from 1800 to 2199 standing alone as words: the years a sentence names,
/// as (offset, year). Part of longer numbers, amounts and identifiers are left out.
pub fn years_in(text: &str) -> Vec<(usize, i32)> {
    let bytes = text.as_bytes();
    let mut years = Vec::new();
    let mut index = 0;
    while index + 4 <= bytes.len() {
        let run = bytes[index..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if run == 0 {
            index += 1;
            continue;
        }
        let before = index.checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(index + run).copied();
        let glued = |b: Option<u8>| {
            b.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'$' || b == b',' && run != 4)
        };
        let decimal =
            after == Some(b'.') && bytes.get(index + run + 1).is_some_and(u8::is_ascii_digit);
        let thousands =
            after == Some(b',') && bytes.get(index + run + 1).is_some_and(u8::is_ascii_digit);
        if run == 4
            && !glued(before)
            && !glued(after)
            && !decimal
            && !thousands
            && let Ok(year) = text[index..index + 4].parse::<i32>()
            && (1800..2200).contains(&year)
        {
            years.push((index, year));
        }
        index += run;
    }
    years
}

/// The words of a sentence, for matching patterns.
pub struct Words<'a> {
    spans: Vec<Span>,
    texts: Vec<&'a str>,
}

impl<'a> Words<'a> {
    pub fn of(text: &'a str) -> Words<'a> {
        let spans = word_spans(text);
        let texts = spans.iter().map(|w| &text[w.range()]).collect();
        Words { spans, texts }
    }

    /// Which of `values` (spans into the sentence, in order) fills the `{value}` slot of
    /// `pattern`, if the pattern matches with a value there: words compared after
    /// normalization, `...` skipping up to six words, the slot taking the words of one value.
    pub fn slot_value(&self, pattern: &[PatternPart], values: &[Span]) -> Option<usize> {
        // Most patterns start with a word: only the places with that word are tried.
        let first = match pattern.first() {
            Some(PatternPart::Words(expected)) => literal_words(expected).next(),
            _ => None,
        };
        (0..self.spans.len())
            .filter(|&start| first.is_none_or(|word| same_word(self.texts[start], word)))
            .find_map(|start| self.match_from(pattern, values, start, None))
    }

    /// Match `pattern` from word `at`; `slot` is the value the slot took, once it has.
    fn match_from(
        &self,
        pattern: &[PatternPart],
        values: &[Span],
        at: usize,
        slot: Option<usize>,
    ) -> Option<usize> {
        let Some((first, rest)) = pattern.split_first() else {
            return slot;
        };
        match first {
            PatternPart::Slot => {
                // A value that covers the start of this word; the rest of the pattern follows
                // the words it covers.
                let word = *self.spans.get(at)?;
                let value = values
                    .iter()
                    .position(|value| value.start <= word.start && word.start < value.end)?;
                let end = values[value].end;
                let next = at + self.spans[at..].partition_point(|w| w.start < end);
                self.match_from(rest, values, next, Some(value))
            }
            PatternPart::Gap => {
                (0..=6).find_map(|skip| self.match_from(rest, values, at + skip, slot))
            }
            PatternPart::Words(expected) => {
                let mut index = at;
                for word in literal_words(expected) {
                    if !same_word(self.texts.get(index)?, word) {
                        return None;
                    }
                    index += 1;
                }
                self.match_from(rest, values, index, slot)
            }
        }
    }
}

/// The words of a pattern's literal part; punctuation in a pattern is not a word of the
/// sentence.
fn literal_words(phrases: &[String]) -> impl Iterator<Item = &str> {
    phrases
        .iter()
        .flat_map(|phrase| phrase.split_whitespace())
        .filter(|word| word.chars().any(char::is_alphanumeric))
}

/// Whether a word of the draft is a word of a pattern: ASCII case and the kind of apostrophe
/// do not matter.
fn same_word(draft: &str, pattern: &str) -> bool {
    if draft.is_ascii() && pattern.is_ascii() {
        return draft.eq_ignore_ascii_case(pattern);
    }
    let fold = |c: char| match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' => '-',
        c => c.to_ascii_lowercase(),
    };
    draft.chars().map(fold).eq(pattern.chars().map(fold))
}

/// Spans of the words of `text` (runs of letters, digits, apostrophes and hyphens).
fn word_spans(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut spans = Vec::with_capacity(bytes.len() / 6 + 1);
    let mut start = None;
    let mut at = 0;
    while at < bytes.len() {
        // ASCII by table; other characters decoded.
        let (in_word, len) = match bytes[at] {
            byte if byte < 0x80 => (
                byte.is_ascii_alphanumeric()
                    || matches!(byte, b'\'' | b'-' | b'$' | b'.' | b',') && start.is_some(),
                1,
            ),
            _ => match text.get(at..).and_then(|rest| rest.chars().next()) {
                Some(ch) => (
                    ch.is_alphanumeric() || matches!(ch, '’' | '€' | '£' | '¥') && start.is_some(),
                    ch.len_utf8(),
                ),
                None => (false, 1),
            },
        };
        match (in_word, start) {
            (true, None) => start = Some(at),
            (false, Some(begin)) => {
                spans.push(Span::new(begin, at));
                start = None;
            }
            _ => {}
        }
        at += len;
    }
    if let Some(begin) = start {
        spans.push(Span::new(begin, text.len()));
    }
    // Trailing punctuation is not part of a word.
    for span in &mut spans {
        while span.end > span.start && text[..span.end].ends_with(['.', ',', '\'', '’', '-']) {
            span.end -= text[..span.end]
                .chars()
                .next_back()
                .map_or(1, char::len_utf8);
        }
    }
    spans.retain(|span| !span.is_empty());
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_break_at_a_new_subject() {
        let text = "Talks were held on 15 July, and the declaration followed; it was signed, \
                    while 28 documents were signed, and talks, and more.";
        let breaks: Vec<&str> = clause_breaks(text)
            .into_iter()
            .map(|at| &text[at..(at + 12).min(text.len())])
            .collect();
        assert_eq!(breaks, [", and the de", "; it was sig", ", while 28 d"]);
        let text = "Trade reached $3 billion, up from $2 billion, against forecasts, and more.";
        assert_eq!(clause_breaks(text).len(), 2);
    }

    #[test]
    fn citations_in_brackets() {
        for text in [
            "(Smith 2014)",
            "(Reuters, 2014)",
            "(Li and Wang 2016, p. 12)",
            "(Smith et al., 2014)",
        ] {
            assert_eq!(citation(text), Some(text.len()), "{text}");
        }
        for text in [
            "(2016)",
            "(in 2014)",
            "(Smith 2014 and 2015)",
            "(signed 2014)",
            "(Smith",
        ] {
            assert_eq!(citation(text), None, "{text}");
        }
    }

    #[test]
    fn years_alone_only() {
        let years: Vec<i32> = years_in("In 2023, 12,000 items, $2016, 2016.5, G2020 and 1992–2013")
            .into_iter()
            .map(|(_, y)| y)
            .collect();
        assert_eq!(years, [2023, 1992, 2013]);
    }

    /// The value the slot of `pattern` takes in `text`, where `values` are the texts of the
    /// sentence's values.
    fn slot_text<'t>(text: &'t str, pattern: &[PatternPart], values: &[&str]) -> Option<&'t str> {
        let spans: Vec<Span> = values
            .iter()
            .filter_map(|value| text.find(value).map(|at| Span::new(at, at + value.len())))
            .collect();
        let slot = Words::of(text).slot_value(pattern, &spans)?;
        Some(&text[spans[slot].range()])
    }

    #[test]
    fn punctuation_in_a_pattern_is_skipped() {
        let pattern = vec![
            PatternPart::Words(vec!["in".into()]),
            PatternPart::Slot,
            PatternPart::Words(vec![",".into(), "they".into(), "said".into()]),
        ];
        let text = "It happened in 1992, they said.";
        assert_eq!(slot_text(text, &pattern, &["1992"]), Some("1992"));
    }

    #[test]
    fn pattern_slots() {
        let pattern = vec![
            PatternPart::Words(vec!["talks".into()]),
            PatternPart::Gap,
            PatternPart::Words(vec!["on".into()]),
            PatternPart::Slot,
        ];
        let text = "The talks in Beijing took place on 16 July 2013.";
        assert_eq!(
            slot_text(text, &pattern, &["16 July 2013"]),
            Some("16 July 2013")
        );
        assert_eq!(
            slot_text("No talks at all here on 5 May.", &pattern, &[]),
            None
        );
    }

    #[test]
    fn a_slot_before_words_takes_the_value_standing_there() {
        // The slot spans the value's words, and the pattern goes on after them.
        let pattern = vec![
            PatternPart::Slot,
            PatternPart::Gap,
            PatternPart::Words(vec!["visit".into()]),
        ];
        let text = "In 2023 the leaders began on 28 September 2016 a state visit.";
        assert_eq!(
            slot_text(text, &pattern, &["2023", "28 September 2016"]),
            Some("28 September 2016")
        );
        let far = "On 28 September 2016 the leaders, after many long talks in town, began a visit.";
        assert_eq!(slot_text(far, &pattern, &["28 September 2016"]), None);
    }
}
