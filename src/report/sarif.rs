//! The `sarif` format: one SARIF 2.1.0 log as GitHub code scanning reads it. The tool driver
//! lists one rule per fact (and per entity with titles or spelling variants) with its expected
//! value, source and help; each finding is a result with its level, message, a physical
//! location whose region counts columns in UTF-16 code units (declared on the run), a partial
//! fingerprint for baselines and code scanning, and its fix as a replacement.

use super::position::Positions;
use super::{FileReport, Reporter};
use crate::diagnostic::Diagnostic;
use crate::rules::{RuleSet, Severity, SourceIdx, describe_expect, describe_titles, fact_kind};
use crate::span::Span;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::{self, Write};

/// The SARIF schema this reporter writes.
pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Where the project lives, for the tool driver: the `repository` of Cargo.toml, left out of
/// the log while it is empty.
pub const INFORMATION_URI: &str = env!("CARGO_PKG_REPOSITORY");

/// A reporting descriptor: what code scanning shows for one fact or entity.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleDescription {
    pub id: String,
    /// One line: what the rule checks.
    pub short: String,
    /// The expected value and the source, in a sentence or two.
    pub full: String,
    /// Markdown help: the expected value, the source, the tags.
    pub help_markdown: String,
    pub severity: Severity,
    pub tags: Vec<String>,
    /// The source's address, when it has one.
    pub help_uri: Option<String>,
}

fn source_line(rules: &RuleSet, source: Option<SourceIdx>) -> (String, Option<String>) {
    let Some(source) = source.and_then(|index| rules.sources.get(index)) else {
        return ("no source given".to_string(), None);
    };
    let mut line = format!("source: {}", source.title);
    if let Some(date) = &source.date {
        line.push_str(&format!(" ({date})"));
    }
    if let Some(url) = &source.url {
        line.push_str(&format!(" <{url}>"));
    }
    (line, source.url.clone())
}

/// One description per fact, then per entity with titles or avoid-variants, in rule-file order.
pub fn describe_rules(rules: &RuleSet) -> Vec<RuleDescription> {
    let mut descriptions = Vec::new();
    for fact in &rules.facts {
        let kind = fact_kind(rules, fact);
        let expected = describe_expect(rules, &fact.expect);
        let (source, help_uri) = source_line(rules, fact.source);
        let short = match &fact.message {
            Some(message) if !message.contains('{') => message.clone(),
            _ => format!("The {kind} fact `{}`: expected {expected}.", fact.id),
        };
        let full = format!("Expected {expected}; {source}.");
        let mut help = format!(
            "**{}** ({kind})\n\nExpected: `{expected}`\n\n{source}\n",
            fact.id
        );
        if !fact.tags.is_empty() {
            help.push_str(&format!("\nTags: {}\n", fact.tags.join(", ")));
        }
        help.push_str(&format!(
            "\nRun `factlint explain {}` for its examples.\n",
            fact.id
        ));
        descriptions.push(RuleDescription {
            id: fact.id.clone(),
            short,
            full,
            help_markdown: help,
            severity: fact.severity,
            tags: fact.tags.clone(),
            help_uri,
        });
    }
    for entity in &rules.entities {
        if entity.titles.is_empty() && entity.avoid.is_empty() {
            continue;
        }
        let mut expected = Vec::new();
        if !entity.titles.is_empty() {
            expected.push(format!("titles: {}", describe_titles(entity)));
        }
        if !entity.avoid.is_empty() {
            expected.push(format!(
                "written {} (not {})",
                entity.name,
                entity.avoid.join(", ")
            ));
        }
        let expected = expected.join("; ");
        let (source, help_uri) = source_line(rules, entity.source);
        descriptions.push(RuleDescription {
            id: entity.id.clone(),
            short: format!("The name and titles of {} ({}).", entity.name, entity.class),
            full: format!("{expected}; {source}."),
            help_markdown: format!(
                "**{}** ({})\n\n{expected}\n\n{source}\n\nRun `factlint explain {}` for its examples.\n",
                entity.id, entity.class, entity.id
            ),
            severity: entity.severity,
            tags: Vec::new(),
            help_uri,
        });
    }
    descriptions
}

/// The SARIF level of a severity.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative path as a URI reference: `/` separators, no leading `./`, and every byte outside
/// the unreserved set (and `/`) percent-encoded. Absolute paths become `file://` URIs.
pub fn path_uri(path: &str) -> String {
    let forward = path.replace('\\', "/");
    let mut trimmed = forward.as_str();
    while let Some(rest) = trimmed.strip_prefix("./") {
        trimmed = rest;
    }
    let mut uri = String::new();
    if trimmed.starts_with('/') {
        uri.push_str("file://");
    }
    for byte in trimmed.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

/// A SARIF region (1-based lines, 1-based UTF-16 columns, end column exclusive).
fn region(positions: &mut Positions<'_>, span: Span) -> Value {
    let start = positions.at(span.start);
    let end = positions.at(span.end);
    json!({
        "startLine": start.line,
        "startColumn": start.utf16_column + 1,
        "endLine": end.line,
        "endColumn": end.utf16_column + 1,
    })
}

/// Collects every result and writes one SARIF log at the end.
///
/// Results are streamed: the log's opening and each result are written as each file is done,
/// and the tool driver (whose rule list can grow with the results) closes the run, so memory
/// does not grow with the number of findings.
pub struct Sarif {
    rules: Vec<RuleDescription>,
    rule_index: HashMap<String, usize>,
    /// Whether the opening of the log is written.
    started: bool,
    results: usize,
}

impl Sarif {
    pub fn new(rules: Vec<RuleDescription>) -> Sarif {
        let rule_index = rules
            .iter()
            .enumerate()
            .map(|(index, rule)| (rule.id.clone(), index))
            .collect();
        Sarif {
            rules,
            rule_index,
            started: false,
            results: 0,
        }
    }

    /// The index of `fact` among the driver's rules; an id no description covers gets a
    /// plain one, so every result points at a rule.
    fn index_of(&mut self, diagnostic: &Diagnostic) -> usize {
        if let Some(index) = self.rule_index.get(&diagnostic.fact) {
            return *index;
        }
        let index = self.rules.len();
        self.rules.push(RuleDescription {
            id: diagnostic.fact.clone(),
            short: format!("The fact `{}`.", diagnostic.fact),
            full: format!("The fact `{}`.", diagnostic.fact),
            help_markdown: format!("Run `factlint explain {}`.\n", diagnostic.fact),
            severity: diagnostic.severity,
            tags: Vec::new(),
            help_uri: None,
        });
        self.rule_index.insert(diagnostic.fact.clone(), index);
        index
    }

    fn result(
        &mut self,
        report: &FileReport<'_>,
        positions: &mut Positions<'_>,
        position: usize,
    ) -> Value {
        let Some(diagnostic) = report.diagnostics.get(position) else {
            return Value::Null;
        };
        let rule_index = self.index_of(diagnostic);
        let uri = path_uri(report.path);
        let mut message = diagnostic.message.clone();
        if let Some(source) = &diagnostic.source {
            message.push_str(&format!(" (source: {})", source.title));
        }
        let mut result = json!({
            "ruleId": diagnostic.fact,
            "ruleIndex": rule_index,
            "level": level(diagnostic.severity),
            "kind": "fail",
            "message": {"text": message},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": region(positions, diagnostic.span),
                }
            }],
            "properties": {
                "kind": diagnostic.kind.as_str(),
                "found": diagnostic.found,
                "expected": diagnostic.expected,
            },
        });
        if let Some(fingerprint) = report.fingerprints.get(position) {
            result["partialFingerprints"] = json!({"factlintClaim/v1": fingerprint});
        }
        if let Some(fix) = &diagnostic.fix {
            result["fixes"] = json!([{
                "description": {"text": format!("Replace `{}` with `{}`", diagnostic.found, fix.replacement)},
                "artifactChanges": [{
                    "artifactLocation": {"uri": uri},
                    "replacements": [{
                        "deletedRegion": region(positions, fix.span),
                        "insertedContent": {"text": fix.replacement},
                    }],
                }],
            }]);
        }
        result
    }
}

/// `value` pretty-printed, every line after the first indented by `indent` spaces.
fn indented(value: &Value, indent: usize) -> io::Result<String> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    Ok(text.replace('\n', &format!("\n{}", " ".repeat(indent))))
}

impl Sarif {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if !self.started {
            self.started = true;
            let opening = format!(
                "{{\n  \"$schema\": {},\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"columnKind\": \"utf16CodeUnits\",\n      \"results\": [",
                Value::from(SARIF_SCHEMA)
            );
            out.write_all(opening.as_bytes())?;
        }
        Ok(())
    }
}

impl Reporter for Sarif {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport<'_>) -> io::Result<()> {
        self.start(out)?;
        let mut positions = Positions::new(report.text);
        for position in 0..report.diagnostics.len() {
            let result = self.result(report, &mut positions, position);
            let separator = if self.results == 0 { "" } else { "," };
            let text = format!("{separator}\n        {}", indented(&result, 8)?);
            out.write_all(text.as_bytes())?;
            self.results += 1;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let rules: Vec<Value> = self
            .rules
            .iter()
            .map(|rule| {
                let mut value = json!({
                    "id": rule.id,
                    "name": rule.id,
                    "shortDescription": {"text": rule.short},
                    "fullDescription": {"text": rule.full},
                    "help": {"text": rule.full, "markdown": rule.help_markdown},
                    "defaultConfiguration": {"level": level(rule.severity)},
                    "properties": {"tags": rule.tags},
                });
                if let Some(uri) = &rule.help_uri {
                    value["helpUri"] = json!(uri);
                }
                value
            })
            .collect();
        let mut driver = json!({
            "name": "factlint",
            "version": env!("CARGO_PKG_VERSION"),
            "semanticVersion": env!("CARGO_PKG_VERSION"),
            "rules": rules,
        });
        if !INFORMATION_URI.is_empty() {
            driver["informationUri"] = json!(INFORMATION_URI);
        }
        self.start(out)?;
        let results_end = if self.results == 0 { "]" } else { "\n      ]" };
        let closing = format!(
            "{results_end},\n      \"tool\": {}\n    }}\n  ]\n}}\n",
            indented(&json!({"driver": driver}), 6)?
        );
        out.write_all(closing.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_streamed_log_is_one_json_document_with_or_without_results() {
        let mut empty = Sarif::new(Vec::new());
        let mut out = Vec::new();
        empty.finish(&mut out).unwrap();
        let log: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(log["runs"][0]["results"], json!([]));
        assert_eq!(log["runs"][0]["tool"]["driver"]["name"], "factlint");

        let text = "Byelorussia and Byelorussia.";
        let diagnostic = |start: usize| Diagnostic {
            fact: "belarus".to_string(),
            kind: crate::diagnostic::FindingKind::Misspelling,
            severity: Severity::Warning,
            message: "spelling".to_string(),
            span: Span::new(start, start + 11),
            labels: Vec::new(),
            found: "Byelorussia".to_string(),
            expected: "Belarus".to_string(),
            fix: None,
            source: None,
        };
        let diagnostics = [diagnostic(0), diagnostic(16)];
        let report = FileReport {
            path: "a.md",
            text,
            diagnostics: &diagnostics,
            fingerprints: &[],
        };
        let mut sarif = Sarif::new(Vec::new());
        let mut out = Vec::new();
        sarif.file(&mut out, &report).unwrap();
        sarif.file(&mut out, &report).unwrap();
        sarif.finish(&mut out).unwrap();
        let log: Value = serde_json::from_slice(&out).unwrap();
        let results = log["runs"][0]["results"].as_array().unwrap();
        assert_eq!(results.len(), 4);
        assert_eq!(
            results[1]["locations"][0]["physicalLocation"]["region"]["startColumn"],
            17
        );
        assert_eq!(results[3]["level"], "warning");
        // The unknown fact got a rule of its own, which every result points at.
        assert_eq!(
            log["runs"][0]["tool"]["driver"]["rules"][0]["id"],
            "belarus"
        );
        assert_eq!(results[2]["ruleIndex"], 0);
    }

    #[test]
    fn paths_become_relative_uri_references() {
        assert_eq!(path_uri("./samples/a b.md"), "samples/a%20b.md");
        assert_eq!(path_uri("news\\2013/été.md"), "news/2013/%C3%A9t%C3%A9.md");
        assert_eq!(path_uri("/srv/x.md"), "file:///srv/x.md");
    }

    #[test]
    fn regions_count_utf16_code_units_from_one() {
        let text = "ok\n😀 Byelorussia";
        let start = text.find("Byelorussia").unwrap();
        let mut positions = Positions::new(text);
        let value = region(&mut positions, Span::new(start, start + 11));
        assert_eq!(
            value,
            json!({"startLine": 2, "startColumn": 4, "endLine": 2, "endColumn": 15})
        );
    }
}
