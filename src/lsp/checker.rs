//! The rule set as the server uses it: the engine built once per rule set, the places of
//! declarations in rule files (for `relatedInformation` and go-to-definition), and the check
//! of one draft with its document date.

use super::position::{Encoding, PositionMap};
use super::uri::uri_of;
use crate::diagnostic::Diagnostic;
use crate::document::{Document, Format};
use crate::engine::Engine;
use crate::engine::matcher::Meaning;
use crate::rules::{Origin, RuleSet};
use crate::span::LineIndex;
use crate::value::PartialDate;
use lsp_types::{Location, Uri};
use std::path::Path;

/// An engine over one rule set, with what it takes to point into the rule files.
pub struct Checker<'r> {
    pub rules: &'r RuleSet,
    pub engine: Engine<'r>,
    rule_lines: Vec<LineIndex>,
    rule_uris: Vec<Option<Uri>>,
}

impl<'r> Checker<'r> {
    pub fn new(rules: &'r RuleSet) -> Checker<'r> {
        let rule_lines = rules
            .files
            .iter()
            .map(|file| LineIndex::new(&file.text))
            .collect();
        let rule_uris = rules
            .files
            .iter()
            .map(|file| {
                let path = Path::new(&file.path);
                let absolute = if path.is_absolute() {
                    path.to_path_buf()
                } else {
                    std::env::current_dir().unwrap_or_default().join(path)
                };
                uri_of(&absolute)
            })
            .collect();
        Checker {
            rules,
            engine: Engine::new(rules),
            rule_lines,
            rule_uris,
        }
    }

    /// Every finding in `text`, read as of its front matter `date:`, else `default_date`.
    pub fn check(&self, text: &str, format: Format, default_date: PartialDate) -> Vec<Diagnostic> {
        let document = Document::parse(text, format);
        let date = document.front_matter_date.unwrap_or(default_date);
        self.engine.check(&document, date)
    }

    /// Where a declaration stands in its rule file, as an editor location.
    pub fn location(&self, origin: Origin, encoding: Encoding) -> Option<Location> {
        let file = self.rules.files.get(origin.file)?;
        let lines = self.rule_lines.get(origin.file)?;
        let uri = self.rule_uris.get(origin.file)?.clone()?;
        let range = PositionMap::new(&file.text, lines, encoding).range(origin.span);
        Some(Location::new(uri, range))
    }

    /// The declaration of the fact or entity with this id.
    pub fn origin_of_id(&self, id: &str) -> Option<Origin> {
        self.rules
            .fact(id)
            .map(|fact| fact.origin)
            .or_else(|| self.rules.entity(id).map(|entity| entity.origin))
    }

    /// The declaration a matched phrase belongs to.
    pub fn origin_of_meaning(&self, meaning: Meaning) -> Option<Origin> {
        let rules = self.rules;
        match meaning {
            Meaning::Cue(fact) | Meaning::Near { fact, .. } | Meaning::Unless(fact) => {
                rules.facts.get(fact).map(|fact| fact.origin)
            }
            Meaning::Name { entity, .. } | Meaning::Avoid { entity, .. } => {
                rules.entities.get(entity).map(|entity| entity.origin)
            }
            Meaning::Title { entity, title } => rules
                .entities
                .get(entity)
                .and_then(|entity| entity.titles.get(title))
                .map(|title| title.origin),
            Meaning::EventName(event) => rules.events.get(event).map(|event| event.origin),
        }
    }
}
