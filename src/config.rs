//! `factlint.toml`: the project settings of `factlint check` — rule paths, the fallback
//! document date, `fail-on`, severity overrides per fact and per tag, include and exclude
//! globs, the currency of a bare `$` and the order of all-digit dates.
//!
//! The file is found upward from the working directory, or named with `--config`. Paths in it
//! are relative to its folder. Unknown keys are errors that name the key and the file. Command
//! line flags win over the file; the file wins over the defaults. See `docs/configuration.md`.

use crate::rules::{RuleSet, Severity};
use crate::value::PartialDate;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// The name of the configuration file.
pub const CONFIG_FILE_NAME: &str = "factlint.toml";

/// The lowest severity that makes `factlint check` exit with 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    /// Whether a finding of `severity` fails the run.
    pub fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Error => severity >= Severity::Error,
            FailOn::Warning => severity >= Severity::Warning,
            FailOn::Info => true,
            FailOn::Never => false,
        }
    }

    fn parse(text: &str) -> Option<FailOn> {
        match text {
            "error" => Some(FailOn::Error),
            "warning" => Some(FailOn::Warning),
            "info" => Some(FailOn::Info),
            "never" => Some(FailOn::Never),
            _ => None,
        }
    }
}

/// What a severity override turns a finding into: another severity, or nothing (`off`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeverityOverride {
    Set(Severity),
    Off,
}

impl SeverityOverride {
    fn parse(text: &str) -> Option<SeverityOverride> {
        match text {
            "error" => Some(SeverityOverride::Set(Severity::Error)),
            "warning" => Some(SeverityOverride::Set(Severity::Warning)),
            "info" => Some(SeverityOverride::Set(Severity::Info)),
            "off" => Some(SeverityOverride::Off),
            _ => None,
        }
    }
}

/// A loaded, checked `factlint.toml`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// The file it was read from (`None` for the defaults).
    pub path: Option<PathBuf>,
    /// The folder that relative paths and globs in the file start from.
    pub root: PathBuf,
    /// Rule files or folders, already joined to `root`; `rules` beside the file when it names
    /// none, and empty (meaning `./rules`) when there is no file.
    pub rules: Vec<PathBuf>,
    /// The document date when neither `--as-of` nor front matter gives one.
    pub date: Option<PartialDate>,
    pub fail_on: Option<FailOn>,
    /// Overrides per fact (or entity) id.
    pub fact_severity: BTreeMap<String, SeverityOverride>,
    /// Overrides per tag; a fact id override wins over a tag override.
    pub tag_severity: BTreeMap<String, SeverityOverride>,
    /// Globs (gitignore syntax, relative to `root`) a walked draft must match.
    pub include: Vec<String>,
    /// Globs (gitignore syntax, relative to `root`) that leave a walked draft out.
    pub exclude: Vec<String>,
    /// The currency of a bare `$`.
    pub dollar: Option<String>,
    pub month_first: Option<bool>,
}

/// A configuration file that cannot be used; `Display` names the file and the problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for ConfigError {}

/// The file as written; every key is optional and no other key is allowed.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    rules: Option<Vec<String>>,
    date: Option<String>,
    fail_on: Option<String>,
    severity: Option<BTreeMap<String, toml::Value>>,
    include: Option<Vec<String>>,
    exclude: Option<Vec<String>>,
    dollar: Option<String>,
    month_first: Option<bool>,
}

impl Config {
    /// The configuration that applies in `start`: `factlint.toml` in it or the nearest folder
    /// above it, or the defaults (rooted at `start`) when there is none.
    pub fn discover(start: &Path) -> Result<Config, ConfigError> {
        match find_upward(start) {
            Some(path) => Config::load(&path),
            None => Ok(Config {
                root: start.to_path_buf(),
                ..Config::default()
            }),
        }
    }

    /// Read and check one configuration file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|error| ConfigError {
            path: path.to_path_buf(),
            message: format!("cannot read: {error}"),
        })?;
        Config::parse(path, &text)
    }

    /// Check the text of a configuration file read from `path`.
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let error = |message: String| ConfigError {
            path: path.to_path_buf(),
            message,
        };
        let raw: RawConfig = toml::from_str(text).map_err(|problem| {
            error(
                problem
                    .to_string()
                    .trim_start_matches("TOML parse error ")
                    .trim_end()
                    .to_string(),
            )
        })?;
        let root = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let date = match raw.date {
            None => None,
            Some(text) => Some(
                PartialDate::parse(&text)
                    .filter(PartialDate::is_full)
                    .ok_or_else(|| {
                        error(format!("`date = \"{text}\"` is not a date like 2013-07-17"))
                    })?,
            ),
        };
        let fail_on = match raw.fail_on {
            None => None,
            Some(text) => Some(FailOn::parse(&text).ok_or_else(|| {
                error(format!(
                    "`fail-on = \"{text}\"`: expected one of error, warning, info, never"
                ))
            })?),
        };
        let mut fact_severity = BTreeMap::new();
        let mut tag_severity = BTreeMap::new();
        for (key, value) in raw.severity.unwrap_or_default() {
            if key == "tags" {
                let toml::Value::Table(table) = value else {
                    return Err(error(
                        "`severity.tags` must be a table of tag = \"level\"".to_string(),
                    ));
                };
                for (tag, level) in table {
                    let level = severity_level(&level)
                        .ok_or_else(|| error(bad_level(&format!("severity.tags.{tag}"))))?;
                    tag_severity.insert(tag, level);
                }
            } else {
                let level = severity_level(&value)
                    .ok_or_else(|| error(bad_level(&format!("severity.{key}"))))?;
                fact_severity.insert(key, level);
            }
        }
        let dollar = match raw.dollar {
            None => None,
            Some(code) => {
                let upper = code.to_ascii_uppercase();
                if !crate::value::is_known_currency(&upper) {
                    return Err(error(format!(
                        "`dollar = \"{code}\"` is not a currency code factlint knows (USD, AUD, CAD, …)"
                    )));
                }
                Some(upper)
            }
        };
        Ok(Config {
            path: Some(path.to_path_buf()),
            rules: raw
                .rules
                .unwrap_or_else(|| vec![crate::load::DEFAULT_RULES_PATH.to_string()])
                .iter()
                .map(|rule_path| root.join(rule_path))
                .collect(),
            root,
            date,
            fail_on,
            fact_severity,
            tag_severity,
            include: raw.include.unwrap_or_default(),
            exclude: raw.exclude.unwrap_or_default(),
            dollar,
            month_first: raw.month_first,
        })
    }

    /// Check that every fact id and tag named in the overrides exists in `rules`, so that a
    /// typo does not silently do nothing.
    pub fn check_against(&self, rules: &RuleSet) -> Result<(), ConfigError> {
        let path = self
            .path
            .clone()
            .unwrap_or_else(|| PathBuf::from(CONFIG_FILE_NAME));
        for id in self.fact_severity.keys() {
            if rules.fact(id).is_none() && rules.entity(id).is_none() {
                return Err(ConfigError {
                    path,
                    message: format!("`severity.{id}`: no fact or entity `{id}` in the rules"),
                });
            }
        }
        for tag in self.tag_severity.keys() {
            if !rules.facts.iter().any(|fact| fact.tags.contains(tag)) {
                return Err(ConfigError {
                    path,
                    message: format!(
                        "`severity.tags.{tag}`: no fact in the rules has the tag `{tag}`"
                    ),
                });
            }
        }
        Ok(())
    }

    /// The override for a finding of `fact` (a fact or entity id): the fact's own override,
    /// else the strictest override among its tags, else none.
    pub fn severity_for(&self, rules: &RuleSet, fact: &str) -> Option<SeverityOverride> {
        if let Some(level) = self.fact_severity.get(fact) {
            return Some(*level);
        }
        let tags = rules
            .fact(fact)
            .map(|fact| fact.tags.as_slice())
            .unwrap_or(&[]);
        tags.iter()
            .filter_map(|tag| self.tag_severity.get(tag).copied())
            .max_by_key(|level| match level {
                SeverityOverride::Off => None,
                SeverityOverride::Set(severity) => Some(*severity),
            })
    }
}

fn severity_level(value: &toml::Value) -> Option<SeverityOverride> {
    value.as_str().and_then(SeverityOverride::parse)
}

fn bad_level(key: &str) -> String {
    format!("`{key}`: expected one of \"error\", \"warning\", \"info\", \"off\"")
}

/// The nearest `factlint.toml` in `start` or a folder above it.
pub fn find_upward(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|folder| folder.join(CONFIG_FILE_NAME))
        .find(|candidate| candidate.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(Path::new("project/factlint.toml"), text)
    }

    #[test]
    fn every_key_is_read_and_paths_start_at_the_file() {
        let config = parse(
            r#"
rules = ["rules", "extra/house.facts"]
date = "2013-07-17"
fail-on = "error"
include = ["articles/**"]
exclude = ["drafts/old/**"]
dollar = "cad"
month-first = true

[severity]
talks_place = "warning"
belarus = "off"

[severity.tags]
style = "info"
"#,
        )
        .unwrap();
        assert_eq!(
            config.rules,
            vec![
                PathBuf::from("project/rules"),
                PathBuf::from("project/extra/house.facts")
            ]
        );
        assert_eq!(config.date, Some(PartialDate::ymd(2013, 7, 17)));
        assert_eq!(config.fail_on, Some(FailOn::Error));
        assert_eq!(
            config.fact_severity.get("talks_place"),
            Some(&SeverityOverride::Set(Severity::Warning))
        );
        assert_eq!(
            config.fact_severity.get("belarus"),
            Some(&SeverityOverride::Off)
        );
        assert_eq!(
            config.tag_severity.get("style"),
            Some(&SeverityOverride::Set(Severity::Info))
        );
        assert_eq!(config.include, vec!["articles/**".to_string()]);
        assert_eq!(config.exclude, vec!["drafts/old/**".to_string()]);
        assert_eq!(config.dollar.as_deref(), Some("CAD"));
        assert_eq!(config.month_first, Some(true));
    }

    #[test]
    fn an_unknown_key_names_the_key_and_the_file() {
        let error = parse("rules = [\"rules\"]\nfail_on = \"error\"\n").unwrap_err();
        let shown = error.to_string();
        assert!(shown.starts_with("project/factlint.toml: "), "{shown}");
        assert!(shown.contains("unknown field `fail_on`"), "{shown}");
    }

    #[test]
    fn bad_values_are_named() {
        let shown = parse("fail-on = \"sometimes\"").unwrap_err().to_string();
        assert!(shown.contains("fail-on = \"sometimes\""), "{shown}");
        let shown = parse("date = \"July 2013\"").unwrap_err().to_string();
        assert!(shown.contains("not a date"), "{shown}");
        let shown = parse("[severity]\nx = \"loud\"").unwrap_err().to_string();
        assert!(shown.contains("severity.x"), "{shown}");
        let shown = parse("dollar = \"XYZ\"").unwrap_err().to_string();
        assert!(shown.contains("XYZ"), "{shown}");
    }

    #[test]
    fn a_fact_override_wins_over_its_tags() {
        let mut rules = RuleSet::default();
        let fact = crate::rules::Fact {
            id: "talks_place".to_string(),
            cues: Vec::new(),
            near: Vec::new(),
            unless: Vec::new(),
            with: Vec::new(),
            scope: crate::rules::Scope::Sentence,
            patterns: Vec::new(),
            expect: crate::rules::Expect::Nothing,
            affirm: false,
            event: None,
            source: None,
            severity: Severity::Error,
            message: None,
            tags: vec!["places".to_string(), "style".to_string()],
            examples: Vec::new(),
            origin: crate::rules::Origin::default(),
        };
        rules.facts.push(fact);
        let config = parse("[severity.tags]\nplaces = \"off\"\nstyle = \"info\"\n").unwrap();
        assert_eq!(
            config.severity_for(&rules, "talks_place"),
            Some(SeverityOverride::Set(Severity::Info))
        );
        assert_eq!(config.check_against(&rules), Ok(()));
        let config =
            parse("[severity]\ntalks_place = \"warning\"\n[severity.tags]\nstyle = \"info\"\n")
                .unwrap();
        assert_eq!(
            config.severity_for(&rules, "talks_place"),
            Some(SeverityOverride::Set(Severity::Warning))
        );
        let config = parse("[severity]\nno_such_fact = \"warning\"\n").unwrap();
        assert!(config.check_against(&rules).is_err());
    }
}
