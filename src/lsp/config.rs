//! The little of `factlint.toml` the language server needs: where the rules are and the
//! default document date. The file is searched upward from the workspace root; rule paths in
//! it are relative to its folder. Without one, the rules are `rules/` under the root.

use crate::value::PartialDate;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The name of the configuration file.
pub const CONFIG_FILE: &str = "factlint.toml";

/// What the server reads from the configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerConfig {
    /// The config file that was read, if any.
    pub file: Option<PathBuf>,
    /// Rule files and folders, absolute when the root was.
    pub rule_paths: Vec<PathBuf>,
    /// The document date for drafts without front matter `date:`.
    pub date: Option<PartialDate>,
}

/// The raw file: `rules` is one path or a list; `date` a TOML date or a string.
#[derive(Debug, Default, Deserialize)]
struct RawConfig {
    #[serde(default)]
    rules: Option<RulePaths>,
    #[serde(default)]
    date: Option<toml::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RulePaths {
    One(String),
    Many(Vec<String>),
}

impl ServerConfig {
    /// The configuration for a workspace rooted at `root`: the nearest `factlint.toml` at or
    /// above it, else the defaults. A config file that cannot be read or parsed is an error
    /// that names it.
    pub fn discover(root: &Path) -> Result<ServerConfig, String> {
        match find_config(root) {
            Some(file) => ServerConfig::read(&file),
            None => Ok(ServerConfig {
                file: None,
                rule_paths: vec![root.join(crate::load::DEFAULT_RULES_PATH)],
                date: None,
            }),
        }
    }

    /// Read one config file.
    pub fn read(file: &Path) -> Result<ServerConfig, String> {
        let text = std::fs::read_to_string(file)
            .map_err(|error| format!("cannot read {}: {error}", file.display()))?;
        ServerConfig::parse(file, &text)
    }

    /// Parse the text of `file`.
    pub fn parse(file: &Path, text: &str) -> Result<ServerConfig, String> {
        let raw: RawConfig = toml::from_str(text)
            .map_err(|error| format!("{}: {}", file.display(), error.message()))?;
        let folder = file.parent().map(Path::to_path_buf).unwrap_or_default();
        let rule_paths = match raw.rules {
            None => vec![PathBuf::from(crate::load::DEFAULT_RULES_PATH)],
            Some(RulePaths::One(path)) => vec![PathBuf::from(path)],
            Some(RulePaths::Many(paths)) => paths.into_iter().map(PathBuf::from).collect(),
        };
        let rule_paths = rule_paths
            .into_iter()
            .map(|path| folder.join(path))
            .collect();
        let date = match raw.date {
            None => None,
            Some(value) => Some(parse_date(&value).ok_or_else(|| {
                format!(
                    "{}: `date` must be a date like 2013-07-17, not {value:?}",
                    file.display()
                )
            })?),
        };
        Ok(ServerConfig {
            file: Some(file.to_path_buf()),
            rule_paths,
            date,
        })
    }
}

fn parse_date(value: &toml::Value) -> Option<PartialDate> {
    let text = match value {
        toml::Value::String(text) => text.clone(),
        toml::Value::Datetime(datetime) => datetime.to_string(),
        _ => return None,
    };
    PartialDate::parse(text.get(..10).unwrap_or(&text)).filter(PartialDate::is_full)
}

/// The nearest `factlint.toml` at or above `start`.
fn find_config(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|folder| folder.join(CONFIG_FILE))
        .find(|candidate| candidate.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rule_paths_relative_to_the_file_and_the_date() {
        let file = Path::new("/work/project/factlint.toml");
        let config = ServerConfig::parse(
            file,
            "rules = [\"pack\", \"extra/more.facts\"]\ndate = 2013-07-17\n",
        )
        .unwrap();
        assert_eq!(
            config.rule_paths,
            [
                PathBuf::from("/work/project/pack"),
                PathBuf::from("/work/project/extra/more.facts")
            ]
        );
        assert_eq!(config.date, Some(PartialDate::ymd(2013, 7, 17)));
    }

    #[test]
    fn one_rule_path_and_a_quoted_date() {
        let file = Path::new("/p/factlint.toml");
        let config = ServerConfig::parse(file, "rules = \"r\"\ndate = \"2022-01-20\"\n").unwrap();
        assert_eq!(config.rule_paths, [PathBuf::from("/p/r")]);
        assert_eq!(config.date, Some(PartialDate::ymd(2022, 1, 20)));
    }

    #[test]
    fn bad_files_are_errors_that_name_them() {
        let file = Path::new("/p/factlint.toml");
        let error = ServerConfig::parse(file, "date = \"soon\"").unwrap_err();
        assert!(error.contains("/p/factlint.toml"), "{error}");
        assert!(ServerConfig::parse(file, "rules = [").is_err());
    }

    #[test]
    fn unknown_keys_are_left_to_other_readers() {
        let file = Path::new("/p/factlint.toml");
        let config = ServerConfig::parse(file, "fail_on = \"error\"\n").unwrap();
        assert_eq!(config.rule_paths, [PathBuf::from("/p/rules")]);
        assert_eq!(config.date, None);
    }
}
