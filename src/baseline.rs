//! Baselines: a JSON file of known findings, so that an archive with known deviations can adopt
//! factlint without editing old articles. Each entry names the fact, the file and a
//! fingerprint of the claim — the fact id, the kind of finding, the text found and a few words
//! of the sentence around it, normalised — which survives edits elsewhere in the file (no line
//! numbers in it). `--baseline FILE` hides the findings it records; entries that match nothing
//! in the files checked are stale.

use crate::diagnostic::Diagnostic;
use crate::span::Span;
use crate::walk::stable_hash;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The version of the baseline file format.
pub const BASELINE_VERSION: u32 = 1;

/// Words of the sentence kept on each side of the found text in a fingerprint.
const WINDOW_WORDS: usize = 4;

/// One known finding.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub fact: String,
    /// The draft, as the run showed its path (`/` separators).
    pub file: String,
    pub fingerprint: String,
    /// The kind of finding and the text found, for people reading the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub found: Option<String>,
    /// Why the deviation is accepted; kept when the baseline is written again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A baseline file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub entries: Vec<Entry>,
}

/// The fingerprint of a finding: 16 hex digits of a stable hash of the fact id, the kind,
/// the text found and up to four words of the sentence on each side of it (lowercased,
/// punctuation and spacing ignored). `sentence` is the span of the sentence that holds the
/// finding in `prose` (the draft with markup blanked), or `None` to use the found text alone.
pub fn fingerprint(diagnostic: &Diagnostic, prose: &str, sentence: Option<Span>) -> String {
    let (before, after) = match sentence {
        Some(sentence) => {
            let before = prose
                .get(sentence.start..diagnostic.span.start.max(sentence.start))
                .unwrap_or("");
            let after = prose
                .get(diagnostic.span.end.min(sentence.end)..sentence.end)
                .unwrap_or("");
            (before, after)
        }
        None => ("", ""),
    };
    let before_words = normalised_words(before);
    let after_words = normalised_words(after);
    let before_window = &before_words[before_words.len().saturating_sub(WINDOW_WORDS)..];
    let after_window = &after_words[..after_words.len().min(WINDOW_WORDS)];
    let key = format!(
        "{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
        diagnostic.fact,
        diagnostic.kind.as_str(),
        normalised_words(&diagnostic.found).join(" "),
        before_window.join(" "),
        after_window.join(" "),
    );
    format!("{:016x}", stable_hash(key.as_bytes()))
}

/// Lowercased words: runs of letters and digits.
fn normalised_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A draft path as baselines write it: `/` separators, no leading `./`.
pub fn normalise_path(shown: &str) -> String {
    let forward = shown.replace('\\', "/");
    let mut trimmed = forward.as_str();
    while let Some(rest) = trimmed.strip_prefix("./") {
        trimmed = rest;
    }
    trimmed.to_string()
}

impl Baseline {
    /// Read a baseline file; the message names the file.
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|error| format!("{}: cannot read the baseline: {error}", path.display()))?;
        let baseline: Baseline = serde_json::from_str(&text)
            .map_err(|error| format!("{}: not a factlint baseline: {error}", path.display()))?;
        if baseline.version != BASELINE_VERSION {
            return Err(format!(
                "{}: baseline version {} (this factlint reads version {BASELINE_VERSION})",
                path.display(),
                baseline.version
            ));
        }
        Ok(baseline)
    }

    /// Write the baseline as pretty JSON, entries sorted, with a final newline.
    pub fn save(&self, path: &Path) -> Result<(), String> {
        let mut sorted = self.clone();
        sorted.entries.sort();
        let mut text = serde_json::to_string_pretty(&sorted)
            .map_err(|error| format!("{}: cannot write the baseline: {error}", path.display()))?;
        text.push('\n');
        std::fs::write(path, text)
            .map_err(|error| format!("{}: cannot write the baseline: {error}", path.display()))
    }
}

/// A baseline being matched against a run: each entry hides one finding with the same file,
/// fact and fingerprint.
#[derive(Debug, Default)]
pub struct Matcher {
    /// Unmatched entries by (file, fingerprint).
    remaining: BTreeMap<(String, String), Vec<Entry>>,
    /// Files checked in this run (normalised).
    checked: BTreeSet<String>,
    /// How many findings were hidden.
    pub suppressed: usize,
}

impl Matcher {
    pub fn new(baseline: &Baseline) -> Matcher {
        let mut remaining: BTreeMap<(String, String), Vec<Entry>> = BTreeMap::new();
        for entry in &baseline.entries {
            let key = (normalise_path(&entry.file), entry.fingerprint.clone());
            remaining.entry(key).or_default().push(entry.clone());
        }
        Matcher {
            remaining,
            ..Matcher::default()
        }
    }

    /// Note that `file` was checked, so its unmatched entries count as stale.
    pub fn checked(&mut self, file: &str) {
        self.checked.insert(normalise_path(file));
    }

    /// Whether the baseline hides a finding of `fact` in `file` with `fingerprint`; an entry
    /// hides one finding only.
    pub fn hides(&mut self, file: &str, fact: &str, fingerprint: &str) -> bool {
        let key = (normalise_path(file), fingerprint.to_string());
        let Some(entries) = self.remaining.get_mut(&key) else {
            return false;
        };
        let Some(position) = entries.iter().position(|entry| entry.fact == fact) else {
            return false;
        };
        entries.remove(position);
        if entries.is_empty() {
            self.remaining.remove(&key);
        }
        self.suppressed += 1;
        true
    }

    /// Entries of files checked in this run that matched no finding. Entries of files not
    /// checked (another shard, another folder) are not stale.
    pub fn stale(&self) -> Vec<&Entry> {
        self.remaining
            .iter()
            .filter(|((file, _), _)| self.checked.contains(file))
            .flat_map(|(_, entries)| entries.iter())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::FindingKind;
    use crate::rules::Severity;

    fn misspelling(text: &str, found: &str) -> Diagnostic {
        let start = text.find(found).unwrap();
        Diagnostic {
            fact: "belarus".to_string(),
            kind: FindingKind::Misspelling,
            severity: Severity::Error,
            message: String::new(),
            span: Span::new(start, start + found.len()),
            labels: Vec::new(),
            found: found.to_string(),
            expected: "Belarus".to_string(),
            fix: None,
            source: None,
        }
    }

    fn print_of(text: &str) -> String {
        let diagnostic = misspelling(text, "Byelorussia");
        fingerprint(&diagnostic, text, Some(Span::new(0, text.len())))
    }

    #[test]
    fn fingerprints_ignore_far_words_and_spacing_but_not_the_claim() {
        let base = print_of("Back then, the envoy of Byelorussia went to Beijing by train.");
        let far_edit =
            print_of("Long ago, then, the envoy of Byelorussia went to Beijing by train.");
        let spacing = print_of("Back then, the  envoy of\nByelorussia went to Beijing by train.");
        let near_edit = print_of("Back then, the consul of Byelorussia went to Beijing by train.");
        assert_eq!(base, far_edit);
        assert_eq!(base, spacing);
        assert_ne!(base, near_edit);
        assert_eq!(base.len(), 16);
    }

    #[test]
    fn an_entry_hides_one_finding_and_unmatched_entries_of_checked_files_are_stale() {
        let entry = |file: &str, fingerprint: &str| Entry {
            fact: "belarus".to_string(),
            file: file.to_string(),
            fingerprint: fingerprint.to_string(),
            kind: None,
            found: None,
            reason: None,
        };
        let baseline = Baseline {
            version: BASELINE_VERSION,
            entries: vec![entry("a.md", "1"), entry("a.md", "2"), entry("b.md", "3")],
        };
        let mut matcher = Matcher::new(&baseline);
        matcher.checked("./a.md");
        assert!(matcher.hides("./a.md", "belarus", "1"));
        assert!(!matcher.hides("a.md", "belarus", "1"));
        assert!(!matcher.hides("a.md", "other_fact", "2"));
        assert_eq!(matcher.suppressed, 1);
        let stale: Vec<_> = matcher
            .stale()
            .iter()
            .map(|entry| entry.fingerprint.clone())
            .collect();
        assert_eq!(stale, vec!["2".to_string()]);
    }
}
