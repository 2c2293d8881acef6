//! Reading rule files from disk (stub until the rule-language branch lands).

use crate::rules::RuleSet;
use std::path::PathBuf;

#[derive(Debug)]
pub struct RuleErrors {
    message: String,
}

impl RuleErrors {
    pub fn render(&self, _color: bool) -> String {
        format!("error: {}\n", self.message)
    }

    pub fn len(&self) -> usize {
        1
    }

    pub fn is_empty(&self) -> bool {
        false
    }
}

pub fn load_rules(_paths: &[PathBuf]) -> Result<RuleSet, RuleErrors> {
    Err(RuleErrors {
        message: "the rule parser is not built yet".to_string(),
    })
}
