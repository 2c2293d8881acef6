//! The IO edge of the rule language: reads rule files and folders from disk, follows
//! `include`s, then parses and compiles everything into one [`RuleSet`]. Every error — IO,
//! syntax, validation — is collected into [`RuleErrors`], which renders them as a user sees
//! them.
//!
//! Includes are resolved relative to the including file's folder; a file reached twice is
//! loaded once; a cycle or a missing file is an error pointing at the `include` line.

use crate::dsl::{self, ast};
use crate::rules::{self, ParsedFile, RuleDiagnostic, RuleSet};
use crate::span::Span;
use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

/// Everything that went wrong while loading rules: the files read (for rendering) and every
/// diagnostic, plus IO errors that have no file text to point into.
pub struct RuleErrors {
    /// The files read, with the ids the diagnostics use.
    pub files: SimpleFiles<String, String>,
    pub diagnostics: Vec<RuleDiagnostic>,
    /// Errors with no text to point at: `cannot read rules/x.facts: No such file or directory`.
    pub io_errors: Vec<String>,
}

impl RuleErrors {
    /// The number of errors.
    pub fn len(&self) -> usize {
        self.diagnostics.len() + self.io_errors.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The closing line: `error: 3 errors in rule files`.
    pub fn summary(&self) -> String {
        let count = self.len();
        let noun = if count == 1 { "error" } else { "errors" };
        format!("error: {count} {noun} in rule files")
    }

    /// Every error as the terminal shows it (`Config::default()`), ANSI colours optional.
    /// IO errors come first, one `error: …` line each.
    pub fn render(&self, color: bool) -> String {
        let mut output = String::new();
        for error in &self.io_errors {
            output.push_str("error: ");
            output.push_str(error);
            output.push('\n');
        }
        for diagnostic in &self.diagnostics {
            match crate::draw::draw(&self.files, diagnostic, color).ok() {
                Some(text) => output.push_str(&text),
                // Never lose an error because its place could not be drawn.
                None => output.push_str(&format!("error: {}\n", diagnostic.message)),
            }
        }
        output
    }
}

impl std::fmt::Debug for RuleErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl std::fmt::Display for RuleErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl std::error::Error for RuleErrors {}

/// The folder read when no rule path is given.
pub const DEFAULT_RULES_PATH: &str = "rules";

/// Load rule files and folders (every `*.facts` below a folder, sorted by path), follow their
/// includes, and compile them into one [`RuleSet`]. No paths means `rules`.
pub fn load_rules(paths: &[PathBuf]) -> Result<RuleSet, RuleErrors> {
    let default = [PathBuf::from(DEFAULT_RULES_PATH)];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let mut loader = Loader::default();
    let mut roots = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            if let Err(error) = collect_rule_files(path, &mut found) {
                loader
                    .io_errors
                    .push(format!("cannot read {}: {error}", path.display()));
            }
            found.sort();
            roots.extend(found);
        } else {
            roots.push(path.clone());
        }
    }
    for root in roots {
        let display = display_path(&root);
        loader.load_tree(display, None);
    }
    loader.finish()
}

/// Compile one rule file given as text, as if read from `path`. Its includes are read from
/// the file system relative to `path`'s folder. For tests and the language server.
pub fn compile_str(path: &str, text: &str) -> Result<RuleSet, RuleErrors> {
    let mut loader = Loader::default();
    loader.load_tree(display_path(Path::new(path)), Some(text.to_string()));
    loader.finish()
}

/// Every `*.facts` file under `folder`, walked with an explicit stack (no recursion).
fn collect_rule_files(folder: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut pending = vec![folder.to_path_buf()];
    let mut first = true;
    while let Some(current) = pending.pop() {
        let entries = match std::fs::read_dir(&current) {
            Ok(entries) => entries,
            Err(error) if first => return Err(error),
            Err(_) => continue,
        };
        first = false;
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                pending.push(path);
            } else if path
                .extension()
                .is_some_and(|extension| extension == "facts")
            {
                found.push(path);
            }
        }
    }
    Ok(())
}

/// `path` with `.` removed and `a/..` folded, so that included files have stable, short names.
fn display_path(path: &Path) -> String {
    let mut parts: Vec<Component<'_>> = Vec::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => match parts.last() {
                Some(Component::Normal(_)) => {
                    parts.pop();
                }
                _ => parts.push(component),
            },
            other => parts.push(other),
        }
    }
    let joined: PathBuf = parts.iter().collect();
    let text = joined.to_string_lossy().replace('\\', "/");
    if text.is_empty() {
        ".".to_string()
    } else {
        text
    }
}

/// The identity of a file on disk, for "already loaded" and cycle checks.
fn file_key(path: &str) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| PathBuf::from(path))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Visit {
    /// Its includes are being followed: reaching it again is a cycle.
    InProgress,
    Done,
}

#[derive(Default)]
struct Loader {
    files: Vec<ParsedFile>,
    diagnostics: Vec<RuleDiagnostic>,
    io_errors: Vec<String>,
    visits: HashMap<PathBuf, Visit>,
}

/// A loaded file on the include stack and how far its includes have been followed.
struct Frame {
    file: usize,
    next_include: usize,
    key: PathBuf,
}

impl Loader {
    /// Read (or take) and parse one file; record syntax errors. Returns its index.
    fn read(&mut self, path: String, text: Option<String>) -> Result<usize, String> {
        let text = match text {
            Some(text) => text,
            None => read_text(&path)?,
        };
        let (syntax, errors) = dsl::parse(&text);
        let file = self.files.len();
        self.diagnostics
            .extend(errors.iter().map(|error| error.to_diagnostic(file)));
        self.files.push(ParsedFile {
            path,
            text,
            ast: syntax,
        });
        Ok(file)
    }

    /// Load `path` and, depth first, everything it includes (an explicit stack, no recursion).
    fn load_tree(&mut self, path: String, text: Option<String>) {
        let key = file_key(&path);
        if self.visits.contains_key(&key) {
            return;
        }
        let file = match self.read(path, text) {
            Ok(file) => file,
            Err(error) => {
                self.io_errors.push(error);
                return;
            }
        };
        self.visits.insert(key.clone(), Visit::InProgress);
        let mut stack = vec![Frame {
            file,
            next_include: 0,
            key,
        }];
        while let Some(frame) = stack.last_mut() {
            let include = self.files.get(frame.file).and_then(|parsed| {
                parsed
                    .ast
                    .statements
                    .iter()
                    .filter_map(|statement| match statement {
                        ast::Statement::Include(include) => Some(include),
                        _ => None,
                    })
                    .nth(frame.next_include)
                    .cloned()
                    .map(|include| (include, parsed.path.clone()))
            });
            frame.next_include += 1;
            let including = frame.file;
            let Some((include, including_path)) = include else {
                let finished = stack.pop();
                if let Some(finished) = finished {
                    self.visits.insert(finished.key, Visit::Done);
                }
                continue;
            };
            let folder = Path::new(&including_path)
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default();
            let target = display_path(&folder.join(&include.path.value));
            let target_key = file_key(&target);
            match self.visits.get(&target_key) {
                Some(Visit::Done) => continue,
                Some(Visit::InProgress) => {
                    let chain: Vec<String> = stack
                        .iter()
                        .skip_while(|frame| frame.key != target_key)
                        .filter_map(|frame| {
                            self.files.get(frame.file).map(|file| file.path.clone())
                        })
                        .chain(std::iter::once(target.clone()))
                        .collect();
                    self.diagnostics.push(include_error(
                        including,
                        &include,
                        format!("include cycle: `{}` includes itself", target),
                        "this include closes a cycle".to_string(),
                        format!(
                            "the chain is {}; remove one of these includes",
                            chain.join(" → ")
                        ),
                    ));
                    continue;
                }
                None => {}
            }
            if !Path::new(&target).is_file() {
                self.diagnostics.push(include_error(
                    including,
                    &include,
                    format!("missing include file `{target}`"),
                    "no such file".to_string(),
                    "include paths are relative to the folder of the including file; fix the path or create the file".to_string(),
                ));
                continue;
            }
            match self.read(target, None) {
                Ok(file) => {
                    self.visits.insert(target_key.clone(), Visit::InProgress);
                    stack.push(Frame {
                        file,
                        next_include: 0,
                        key: target_key,
                    });
                }
                Err(error) => {
                    self.diagnostics.push(include_error(
                        including,
                        &include,
                        format!("cannot include `{}`", include.path.value),
                        error.clone(),
                        "an included rule file must be readable UTF-8 text".to_string(),
                    ));
                }
            }
        }
    }

    fn finish(self) -> Result<RuleSet, RuleErrors> {
        let Loader {
            files,
            mut diagnostics,
            io_errors,
            ..
        } = self;
        let mut codespan_files = SimpleFiles::new();
        for file in &files {
            codespan_files.add(file.path.clone(), file.text.clone());
        }
        let compiled = rules::compile(files);
        match compiled {
            Ok(rules) if diagnostics.is_empty() && io_errors.is_empty() => Ok(rules),
            Ok(_) => Err(RuleErrors {
                files: codespan_files,
                diagnostics,
                io_errors,
            }),
            Err(more) => {
                diagnostics.extend(more);
                Err(RuleErrors {
                    files: codespan_files,
                    diagnostics,
                    io_errors,
                })
            }
        }
    }
}

fn include_error(
    file: usize,
    include: &ast::Include,
    message: String,
    label: String,
    help: String,
) -> RuleDiagnostic {
    let span: Span = include.path.span;
    Diagnostic::error()
        .with_message(message)
        .with_labels(vec![Label::primary(file, span.range()).with_message(label)])
        .with_notes(vec![format!("help: {help}")])
}

/// Read a rule file as UTF-8 text; binary and non-UTF-8 files are refused with a reason.
fn read_text(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path)
        .map_err(|error| format!("cannot read {path}: {}", io_reason(&error)))?;
    if let Some(at) = bytes.iter().position(|&byte| byte == 0) {
        return Err(format!(
            "cannot read {path}: a binary file (NUL byte at offset {at}), not a rule file"
        ));
    }
    let text = String::from_utf8(bytes).map_err(|error| {
        format!(
            "cannot read {path}: not valid UTF-8 (bad byte at offset {})",
            error.utf8_error().valid_up_to()
        )
    })?;
    // A byte-order mark is not part of the first statement.
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// The OS message without the "(os error 2)" suffix.
fn io_reason(error: &std::io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_rendering_uses_ansi_and_plain_does_not() {
        let Err(errors) = compile_str("inline.facts", "fact f\n  whne \"x\"\n") else {
            panic!("the text has a syntax error");
        };
        assert_eq!(errors.len(), 1);
        assert!(errors.render(true).contains('\u{1b}'));
        let plain = errors.render(false);
        assert!(!plain.contains('\u{1b}'));
        assert!(plain.contains("┌─ inline.facts:2:3"), "{plain}");
    }

    #[test]
    fn a_file_that_includes_itself_is_a_cycle() {
        let path = "tests/rules/include/cycle_a.facts";
        let Err(errors) = compile_str(path, "include \"cycle_a.facts\"\n") else {
            panic!("a self-include must fail");
        };
        assert!(errors.render(false).contains("include cycle"), "{errors}");
    }

    #[test]
    fn missing_default_folder_names_it() {
        let Err(errors) = load_rules(&[PathBuf::from("no/such/rules")]) else {
            panic!("nothing to read");
        };
        assert_eq!(
            errors.render(false),
            "error: cannot read no/such/rules: No such file or directory\n"
        );
    }

    #[test]
    fn display_paths_fold_dots() {
        assert_eq!(display_path(Path::new("./a/b/../c.facts")), "a/c.facts");
        assert_eq!(display_path(Path::new("../x.facts")), "../x.facts");
    }
}
