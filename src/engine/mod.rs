//! The engine: from a document and a rule set to diagnostics. No IO, no printing.
//!
//! 1. [`matcher`] finds every cue, name, title and event name in one pass over the prose.
//! 2. For each sentence with a cue, [`claims`] decides which facts it states (co-words,
//!    co-mentions, `unless`, the fact's event) and binds each fact to one value: the value at
//!    the fact's pattern slot, else the nearest value of the right type; a value is claimed by
//!    the fact whose cue is nearest. Values are extracted only in sentences with a hit.
//! 3. Each claim is compared ([`values`], [`entities`], [`polarity`], [`consistency`]); names
//!    and titles are checked on their own ([`names`], [`titles`]).
//! 4. Findings inside suppression comments are dropped; the rest are sorted by position.

pub mod claims;
mod consistency;
mod entities;
mod names;
mod polarity;
pub mod render;
mod titles;
mod values;

pub mod matcher;

use crate::diagnostic::{Diagnostic, FindingKind, Fix, Label, SourceRef};
use crate::document::Document;
use crate::extract::{self, Extracted};
use crate::rules::{RuleSet, Scope, SourceIdx};
use crate::span::Span;
use crate::value::PartialDate;
use matcher::{Hit, Matcher, Meaning, Normalized};

/// Settings of one check run.
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    /// How numeric dates and `$` are read.
    pub extract: extract::Options,
}

/// A rule set compiled for checking: build once, check many documents.
#[derive(Debug)]
pub struct Engine<'r> {
    pub rules: &'r RuleSet,
    matcher: Matcher,
    options: CheckOptions,
}

/// The sentences and hits of one document, with values extracted on demand.
pub(crate) struct Context<'d, 'r> {
    pub rules: &'r RuleSet,
    pub document: &'d Document<'d>,
    pub date: PartialDate,
    pub hits: Vec<Hit>,
    values: Vec<Option<Vec<Extracted>>>,
    /// The prose as the matcher reads it, kept for the co-word search.
    normalized: Normalized,
    /// Co-words and `unless` phrases per sentence, found the first time one is asked for.
    context_hits: Vec<Option<Vec<Hit>>>,
    /// Per block, the date of its heading or parent list item, found when first asked for.
    parent_dates: Vec<std::cell::OnceCell<Option<PartialDate>>>,
    /// The block heading each block (see [`Document::outline`]), made when first asked for.
    outline: std::cell::OnceCell<Vec<Option<usize>>>,
    matcher: &'d Matcher,
    options: &'d CheckOptions,
}

impl<'d, 'r> Context<'d, 'r> {
    /// The values stated in sentence `index`, with spans into the document.
    pub fn values(&mut self, index: usize) -> &[Extracted] {
        if self.values[index].is_none() {
            let span = self.document.sentences[index].span;
            let text = self.document.prose_of(span);
            let mut found = extract::extract_with(text, &self.options.extract);
            for value in &mut found {
                value.span = value.span.shift(span.start);
                value.hedge_span = value.hedge_span.map(|hedge| hedge.shift(span.start));
            }
            self.values[index] = Some(found);
        }
        self.values[index].as_deref().unwrap_or(&[])
    }

    /// The values of sentence `index` if [`Context::values`] has extracted them already.
    pub fn values_of(&self, index: usize) -> &[Extracted] {
        self.values
            .get(index)
            .and_then(Option::as_deref)
            .unwrap_or(&[])
    }

    /// The date (with a year) that the heading or parent list item of sentence `index` states:
    /// "## September 2016" or "- 2016: state visit" dates what stands under it.
    pub fn parent_date(&self, index: usize) -> Option<PartialDate> {
        let block = self.document.sentences.get(index)?.block;
        *self.parent_dates.get(block)?.get_or_init(|| {
            let outline = self.outline.get_or_init(|| self.document.outline());
            let parent = (*outline.get(block)?)?;
            let text = self.document.prose_of(*self.document.blocks.get(parent)?);
            extract::extract_with(text, &self.options.extract)
                .into_iter()
                .find_map(|value| match value.value {
                    extract::Value::Date(date) if date.year.is_some() => Some(date),
                    _ => None,
                })
                .or_else(|| {
                    let (_, year) = claims::years_in(text).into_iter().next()?;
                    Some(PartialDate::y(year))
                })
        })
    }

    /// The co-words and `unless` phrases that stand inside `scope`.
    pub fn context_hits_in(&mut self, scope: Span) -> impl Iterator<Item = Hit> + '_ {
        let sentences = &self.document.sentences;
        let first = sentences.partition_point(|s| s.span.end <= scope.start);
        let last = sentences.partition_point(|s| s.span.start < scope.end);
        let overlapping = first..last.max(first);
        for index in overlapping.clone() {
            if self.context_hits[index].is_none() {
                let span = sentences[index].span;
                let prose = &self.document.prose;
                let found = self.matcher.find_context_in(&self.normalized, prose, span);
                self.context_hits[index] = Some(found);
            }
        }
        self.context_hits[overlapping]
            .iter()
            .flatten()
            .flatten()
            .filter(move |hit| scope.contains(hit.span))
            .copied()
    }

    /// The co-words and `unless` phrases of sentence `index`, if [`Context::context_hits_in`]
    /// has looked for them already.
    pub fn context_hits_of(&self, index: usize) -> &[Hit] {
        self.context_hits
            .get(index)
            .and_then(Option::as_deref)
            .unwrap_or(&[])
    }

    /// Hits inside `span`.
    pub fn hits_in(&self, span: Span) -> &[Hit] {
        let first = self.hits.partition_point(|hit| hit.span.start < span.start);
        let last = self.hits.partition_point(|hit| hit.span.start < span.end);
        let hits = &self.hits[first..last.max(first)];
        let end = hits
            .iter()
            .rposition(|hit| hit.span.end <= span.end)
            .map_or(0, |at| at + 1);
        &hits[..end.min(hits.len())]
    }

    /// The span a fact with `scope` looks at around sentence `index`.
    pub fn scope_span(&self, index: usize, scope: Scope) -> Span {
        let sentence = self.document.sentences[index];
        match scope {
            Scope::Sentence => sentence.span,
            Scope::Paragraph => {
                // A paragraph, but never more than a few sentences' worth around this one, so
                // that a huge paragraph (a whole file on one line) keeps the work bounded.
                let block = self
                    .document
                    .blocks
                    .get(sentence.block)
                    .copied()
                    .unwrap_or(sentence.span);
                let reach = 3 * crate::document::MAX_SENTENCE;
                let prose = &self.document.prose;
                Span::new(
                    crate::span::floor_char_boundary(
                        prose,
                        block.start.max(sentence.span.start.saturating_sub(reach)),
                    ),
                    crate::span::floor_char_boundary(
                        prose,
                        block.end.min(sentence.span.end + reach),
                    ),
                )
            }
        }
    }

    /// Indexes of the sentences inside `span`.
    pub fn sentences_in(&self, span: Span) -> std::ops::Range<usize> {
        let sentences = &self.document.sentences;
        let first = sentences.partition_point(|s| s.span.start < span.start);
        let last = sentences.partition_point(|s| s.span.start < span.end);
        first..last.max(first)
    }

    pub fn text(&self, span: Span) -> &'d str {
        span.slice(self.document.text).unwrap_or("")
    }

    pub fn source(&self, source: Option<SourceIdx>) -> Option<SourceRef> {
        let source = self.rules.sources.get(source?)?;
        Some(SourceRef {
            id: source.id.clone(),
            title: source.title.clone(),
            date: source.date.map(|date| date.to_string()),
            url: source.url.clone(),
        })
    }
}

impl<'r> Engine<'r> {
    pub fn new(rules: &'r RuleSet) -> Engine<'r> {
        Engine::with_options(rules, CheckOptions::default())
    }

    pub fn with_options(rules: &'r RuleSet, options: CheckOptions) -> Engine<'r> {
        Engine {
            rules,
            matcher: Matcher::new(rules),
            options,
        }
    }

    /// Every cue, name, title and event name in `document`, sorted by position (names inside
    /// longer names left out). For hover and navigation; `check` uses the same hits.
    pub fn hits(&self, document: &Document<'_>) -> Vec<Hit> {
        drop_nested_names(self.matcher.find(&document.prose))
    }

    /// The matched phrases of `document`, ready for binding.
    fn context<'d>(&'d self, document: &'d Document<'d>, date: PartialDate) -> Context<'d, 'r> {
        let normalized = Normalized::new(&document.prose);
        let hits = drop_nested_names(self.matcher.find_in(&normalized, &document.prose));
        Context {
            rules: self.rules,
            document,
            date,
            hits,
            values: vec![None; document.sentences.len()],
            normalized,
            context_hits: vec![None; document.sentences.len()],
            parent_dates: vec![std::cell::OnceCell::new(); document.blocks.len()],
            outline: std::cell::OnceCell::new(),
            matcher: &self.matcher,
            options: &self.options,
        }
    }

    /// Every finding in `document`, read as of `date` (the document date).
    pub fn check(&self, document: &Document<'_>, date: PartialDate) -> Vec<Diagnostic> {
        let mut context = self.context(document, date);
        let mut diagnostics = Vec::new();
        names::check(&context, &mut diagnostics);
        titles::check(&context, &mut diagnostics);
        let claims = claims::bind(&mut context, &mut Vec::new());
        for claim in &claims {
            values::check(&context, claim, &mut diagnostics);
            entities::check(&context, claim, &mut diagnostics);
            polarity::check(&context, claim, &mut diagnostics);
        }
        consistency::check(&context, &claims, &mut diagnostics);
        diagnostics.retain(|d| !document.suppressions.suppresses(&d.fact, d.span));
        diagnostics.sort_by(|a, b| (a.span, &a.fact, a.kind).cmp(&(b.span, &b.fact, b.kind)));
        diagnostics.dedup_by(|a, b| a.span == b.span && a.fact == b.fact && a.kind == b.kind);
        diagnostics
    }
}

/// How the engine read one sentence: what `factlint trace` shows.
#[derive(Clone, Debug)]
pub struct SentenceTrace {
    pub span: Span,
    pub values: Vec<Extracted>,
    pub hits: Vec<Hit>,
    pub claims: Vec<claims::Claim>,
    pub missed: Vec<claims::Missed>,
}

impl<'r> Engine<'r> {
    /// Every sentence of `document` with its values, hits, statements and near-misses, and
    /// the findings `check` gives.
    pub fn trace(
        &self,
        document: &Document<'_>,
        date: PartialDate,
    ) -> (Vec<SentenceTrace>, Vec<Diagnostic>) {
        let mut context = self.context(document, date);
        let mut missed = Vec::new();
        let claims = claims::bind(&mut context, &mut missed);
        let sentences = (0..document.sentences.len())
            .map(|index| SentenceTrace {
                span: document.sentences[index].span,
                values: context.values(index).to_vec(),
                hits: {
                    let span = document.sentences[index].span;
                    let mut hits = context.hits_in(span).to_vec();
                    hits.extend(context.context_hits_in(span));
                    hits.sort_by_key(|hit| (hit.span.start, std::cmp::Reverse(hit.span.end)));
                    hits
                },
                claims: claims
                    .iter()
                    .filter(|claim| claim.sentence == index)
                    .cloned()
                    .collect(),
                missed: missed
                    .iter()
                    .filter(|miss| miss.sentence == index)
                    .copied()
                    .collect(),
            })
            .collect();
        (sentences, self.check(document, date))
    }
}

/// Drop names and avoid-variants that stand inside a longer name or variant ("Minsk" in
/// "Minsk Central District Hospital", "Lukashenka" in "Alexander Lukashenka"): they are part of
/// it. `hits` is sorted by start, longest first.
fn drop_nested_names(mut hits: Vec<Hit>) -> Vec<Hit> {
    let mut cover: Option<Span> = None;
    hits.retain(|hit| {
        if !matches!(hit.meaning, Meaning::Name { .. } | Meaning::Avoid { .. }) {
            return true;
        }
        let nested = cover.is_some_and(|outer| outer != hit.span && outer.contains(hit.span));
        if !nested && cover.is_none_or(|outer| hit.span.end > outer.end) {
            cover = Some(hit.span);
        }
        !nested
    });
    hits
}

/// `template` with "on" before `placeholder` made "in" when `value` names no day: "held on
/// {expected}" reads "held in 1992" for a year, "held on 20 January 1992" for a date.
fn in_or_on(template: &str, placeholder: &str, value: &str) -> String {
    let mut words = value
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|word| !word.is_empty())
        .peekable();
    let month_or_year = words.peek().is_some()
        && words.all(|word| {
            render::month_of(word).is_some()
                || (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        });
    if month_or_year {
        template.replace(&format!("on {placeholder}"), &format!("in {placeholder}"))
    } else {
        template.to_string()
    }
}

/// Fill a fact's message template, or write the default message of a finding kind.
pub(crate) fn message(
    template: Option<&str>,
    kind: FindingKind,
    fact: &str,
    found: &str,
    expected: &str,
    source: Option<&SourceRef>,
) -> String {
    match template {
        Some(template) => in_or_on(
            &in_or_on(template, "{expected}", expected),
            "{found}",
            found,
        )
        .replace("{expected}", expected)
        .replace("{found}", found)
        .replace("{fact}", fact)
        .replace(
            "{source}",
            source.map_or("", |source| source.title.as_str()),
        ),
        None => match kind {
            FindingKind::Mismatch => format!("`{found}` contradicts `{fact}`: expected {expected}"),
            FindingKind::Misspelling => {
                format!("`{found}` is a spelling to avoid: write {expected}")
            }
            FindingKind::Title => format!("`{found}` was never a title of `{fact}`; {expected}"),
            FindingKind::Outdated => format!("outdated title `{found}` for `{fact}`; {expected}"),
            FindingKind::Polarity => format!("`{fact}` is affirmed, but this negates it"),
            FindingKind::Inconsistent => format!(
                "`{found}` disagrees with another statement of `{fact}` in this draft ({expected})"
            ),
        },
    }
}

/// Build one diagnostic; the fix replaces `span` with `replacement` when there is one.
#[allow(clippy::too_many_arguments)]
pub(crate) fn finding(
    context: &Context<'_, '_>,
    fact: &str,
    kind: FindingKind,
    severity: crate::rules::Severity,
    template: Option<&str>,
    span: Span,
    expected: String,
    replacement: Option<String>,
    labels: Vec<Label>,
    source: Option<SourceIdx>,
) -> Diagnostic {
    let found = context.text(span).to_string();
    let source = context.source(source);
    let message = message(template, kind, fact, &found, &expected, source.as_ref());
    Diagnostic {
        fact: fact.to_string(),
        kind,
        severity,
        message,
        span,
        labels,
        found,
        expected,
        fix: replacement
            .filter(|text| text != context.text(span))
            .map(|replacement| Fix { span, replacement }),
        source,
    }
}

/// The first of `prefixes` that `text` starts with, ignoring ASCII case.
pub(crate) fn starts_with_any<'p>(text: &str, prefixes: &[&'p str]) -> Option<&'p str> {
    prefixes.iter().copied().find(|prefix| {
        text.get(..prefix.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
    })
}

/// A date as a number of days, roughly (31-day months), for window comparisons. Missing
/// parts are the start (`end = false`) or the end (`end = true`) of the period.
pub(crate) fn day_number(date: PartialDate, end: bool) -> i64 {
    let year = i64::from(date.year.unwrap_or(if end { 9999 } else { 1 }));
    let month = i64::from(date.month.unwrap_or(if end { 12 } else { 1 }));
    let day = i64::from(date.day.unwrap_or(if end { 31 } else { 1 }));
    year * 372 + (month - 1) * 31 + (day - 1)
}

#[cfg(test)]
mod tests;
