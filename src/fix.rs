//! Applying fixes: the replacements of a draft's findings applied to its text (the first of
//! overlapping fixes wins), a unified diff of the change, and writing the fixed text back
//! atomically — a temporary file in the same folder, renamed over the draft, and only if the
//! draft did not change since it was read.

use crate::diagnostic::Fix;
use crate::span::LineIndex;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The outcome of applying a draft's fixes to its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    /// The fixed text.
    pub text: String,
    /// The fixes applied, in text order.
    pub applied: Vec<Fix>,
    /// Fixes left out: they overlap an earlier one, or their span is not in the text.
    pub skipped: Vec<Fix>,
}

impl Applied {
    /// Whether the text changed.
    pub fn changed(&self) -> bool {
        !self.applied.is_empty()
    }
}

/// Apply `fixes` to `text`. Fixes are taken in the order of their spans; a fix that overlaps
/// one already taken, or whose span is out of range or not on char boundaries, is skipped.
/// A fix that replaces text with the same text counts as nothing.
pub fn apply_fixes(text: &str, fixes: &[Fix]) -> Applied {
    let mut ordered: Vec<&Fix> = fixes.iter().collect();
    ordered.sort_by_key(|fix| (fix.span.start, fix.span.end));
    let mut applied: Vec<Fix> = Vec::new();
    let mut skipped = Vec::new();
    for fix in ordered {
        let Some(old) = fix.span.slice(text) else {
            skipped.push(fix.clone());
            continue;
        };
        if old == fix.replacement {
            continue;
        }
        let overlaps = applied
            .last()
            .is_some_and(|last| last.span.end > fix.span.start);
        if overlaps {
            skipped.push(fix.clone());
        } else {
            applied.push(fix.clone());
        }
    }
    let mut fixed = String::with_capacity(text.len());
    let mut at = 0;
    for fix in &applied {
        fixed.push_str(&text[at..fix.span.start]);
        fixed.push_str(&fix.replacement);
        at = fix.span.end;
    }
    fixed.push_str(&text[at..]);
    Applied {
        text: fixed,
        applied,
        skipped,
    }
}

/// Lines of context around each change in a unified diff.
const CONTEXT: usize = 3;

/// A unified diff (`--- a/PATH`, `+++ b/PATH`, `@@` hunks with three lines of context) of the
/// `applied` fixes (as [`apply_fixes`] returns them: sorted, not overlapping) to `text`.
/// Empty when nothing changes.
pub fn unified_diff(path: &str, text: &str, applied: &[Fix]) -> String {
    if applied.is_empty() {
        return String::new();
    }
    let index = LineIndex::new(text);
    let old_lines = split_lines(text);
    // Group fixes whose lines touch into changes: old lines [first, last] and their new lines.
    // A change whose new text does not end in a line break (a fix removed the break) takes in
    // the next line too, so that every change is made of whole lines on both sides.
    let last_line_of = |fix: &Fix| index.line_of(fix.span.end.max(fix.span.start + 1) - 1);
    let mut replaced: Vec<(usize, usize, Vec<String>)> = Vec::new();
    let mut position = 0;
    while let Some(head) = applied.get(position) {
        let first = index.line_of(head.span.start);
        let mut last = last_line_of(head).max(first);
        let mut members: Vec<&Fix> = vec![head];
        position += 1;
        let new_text = loop {
            while let Some(next) = applied.get(position) {
                if index.line_of(next.span.start) > last {
                    break;
                }
                last = last.max(last_line_of(next));
                members.push(next);
                position += 1;
            }
            let start = index.line_start(first).unwrap_or(text.len());
            let end = index.line_start(last + 1).unwrap_or(text.len());
            let mut new_text = String::new();
            let mut at = start;
            for fix in &members {
                new_text.push_str(text.get(at..fix.span.start).unwrap_or(""));
                new_text.push_str(&fix.replacement);
                at = fix.span.end;
            }
            new_text.push_str(text.get(at..end).unwrap_or(""));
            if new_text.is_empty() || new_text.ends_with('\n') || end >= text.len() {
                break new_text;
            }
            last += 1;
        };
        let new_lines = split_lines(&new_text)
            .into_iter()
            .map(str::to_string)
            .collect();
        replaced.push((first, last, new_lines));
    }
    // Hunks: changes whose context windows meet are printed together.
    let mut output = format!("--- a/{path}\n+++ b/{path}\n");
    let mut delta: isize = 0;
    let mut position = 0;
    while position < replaced.len() {
        let mut end = position;
        while end + 1 < replaced.len() && replaced[end + 1].0 <= replaced[end].1 + 1 + 2 * CONTEXT {
            end += 1;
        }
        let group = &replaced[position..=end];
        let hunk_first = group[0].0.saturating_sub(CONTEXT);
        let hunk_last = (group[group.len() - 1].1 + CONTEXT).min(old_lines.len().saturating_sub(1));
        let mut body = String::new();
        let mut old_count = 0;
        let mut new_count = 0;
        let mut line = hunk_first;
        let mut hunk_delta = 0isize;
        for (first, last, new_lines) in group {
            while line < *first {
                push_line(&mut body, ' ', old_lines.get(line).copied().unwrap_or(""));
                old_count += 1;
                new_count += 1;
                line += 1;
            }
            // A change at the very end of a text that ends in a line break starts on the
            // empty last line, which has no old line.
            for old in old_lines.get(*first..=*last).unwrap_or(&[]) {
                push_line(&mut body, '-', old);
                old_count += 1;
            }
            for new in new_lines {
                push_line(&mut body, '+', new);
                new_count += 1;
            }
            let old_len = old_lines.get(*first..=*last).map_or(0, <[&str]>::len);
            hunk_delta += new_lines.len() as isize - old_len as isize;
            line = last + 1;
        }
        while line <= hunk_last && line < old_lines.len() {
            push_line(&mut body, ' ', old_lines.get(line).copied().unwrap_or(""));
            old_count += 1;
            new_count += 1;
            line += 1;
        }
        let old_start = if old_count == 0 {
            hunk_first
        } else {
            hunk_first + 1
        };
        let new_first = (hunk_first as isize + delta).max(0) as usize;
        let new_start = if new_count == 0 {
            new_first
        } else {
            new_first + 1
        };
        output.push_str(&format!(
            "@@ -{old_start},{old_count} +{new_start},{new_count} @@\n"
        ));
        output.push_str(&body);
        delta += hunk_delta;
        position = end + 1;
    }
    output
}

/// The lines of `text`, each with its line break (the last may have none). An empty text
/// has no lines; a text ending in a line break has no empty line after it.
fn split_lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

fn push_line(body: &mut String, marker: char, line: &str) {
    body.push(marker);
    body.push_str(line);
    if !line.ends_with('\n') {
        body.push_str("\n\\ No newline at end of file\n");
    }
}

/// Why a fixed draft was not written.
#[derive(Debug)]
pub enum WriteError {
    /// The draft's bytes differ from the text the fixes were made for.
    Changed(PathBuf),
    Io(PathBuf, std::io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Changed(path) => write!(
                f,
                "{}: changed since it was read; not fixed (run factlint again)",
                path.display()
            ),
            WriteError::Io(path, error) => {
                write!(f, "{}: cannot write the fix: {error}", path.display())
            }
        }
    }
}

impl std::error::Error for WriteError {}

/// Replace the draft at `path` by `fixed`, provided it still holds exactly `original`: the
/// new text goes to a temporary file in the same folder (with the draft's permissions), which
/// is then renamed over the draft. The draft is re-read just before the rename; if it changed,
/// nothing is replaced and the temporary file is removed.
pub fn write_fixed(path: &Path, original: &str, fixed: &str) -> Result<(), WriteError> {
    let io = |error| WriteError::Io(path.to_path_buf(), error);
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let permissions = std::fs::metadata(path).map_err(io)?.permissions();
    let (temporary, mut file) = create_temporary(&folder, &name).map_err(io)?;
    let written = file
        .write_all(fixed.as_bytes())
        .and_then(|()| file.sync_all())
        .and_then(|()| std::fs::set_permissions(&temporary, permissions));
    drop(file);
    let outcome = written.map_err(io).and_then(|()| {
        let now = std::fs::read(path).map_err(io)?;
        if now != original.as_bytes() {
            return Err(WriteError::Changed(path.to_path_buf()));
        }
        std::fs::rename(&temporary, path).map_err(io)
    });
    if outcome.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    outcome
}

/// A new file `.NAME.factlint-PID-N.tmp` in `folder`, created exclusively.
fn create_temporary(folder: &Path, name: &str) -> std::io::Result<(PathBuf, std::fs::File)> {
    let process = std::process::id();
    let mut attempt = 0u32;
    loop {
        let candidate = folder.join(format!(".{name}.factlint-{process}-{attempt}.tmp"));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(file) => return Ok((candidate, file)),
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1;
            }
            Err(error) => return Err(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn fix(start: usize, end: usize, replacement: &str) -> Fix {
        Fix {
            span: Span::new(start, end),
            replacement: replacement.to_string(),
        }
    }

    #[test]
    fn fixes_apply_in_order_and_overlaps_are_skipped() {
        let text = "Byelorussia and Belorussia met.";
        let fixes = [
            fix(16, 26, "Belarus"),
            fix(0, 11, "Belarus"),
            fix(5, 20, "x"),
        ];
        let applied = apply_fixes(text, &fixes);
        assert_eq!(applied.text, "Belarus and Belarus met.");
        assert_eq!(applied.applied.len(), 2);
        assert_eq!(applied.skipped, vec![fix(5, 20, "x")]);
    }

    #[test]
    fn a_fix_out_of_range_or_inside_a_char_is_skipped() {
        let text = "é!";
        let applied = apply_fixes(text, &[fix(1, 2, "e"), fix(0, 99, "x")]);
        assert_eq!(applied.text, text);
        assert!(!applied.changed());
        assert_eq!(applied.skipped.len(), 2);
    }

    #[test]
    fn a_diff_has_context_and_correct_line_numbers() {
        let text = "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven\ntwelve\n";
        let at = text.find("two").unwrap();
        let later = text.find("eleven").unwrap();
        let applied = apply_fixes(
            text,
            &[
                fix(at, at + 3, "2\nand a half"),
                fix(later, later + 6, "11"),
            ],
        );
        let diff = unified_diff("notes.txt", text, &applied.applied);
        let expected = "\
--- a/notes.txt
+++ b/notes.txt
@@ -1,5 +1,6 @@
 one
-two
+2
+and a half
 three
 four
 five
@@ -8,5 +9,5 @@
 eight
 nine
 ten
-eleven
+11
 twelve
";
        assert_eq!(diff, expected);
    }

    #[test]
    fn nearby_changes_share_a_hunk_and_a_missing_final_newline_is_marked() {
        let text = "a Byelorussia\nb\nc Byelorussia";
        let first = text.find("Byelorussia").unwrap();
        let second = text.rfind("Byelorussia").unwrap();
        let applied = apply_fixes(
            text,
            &[
                fix(first, first + 11, "Belarus"),
                fix(second, second + 11, "Belarus"),
            ],
        );
        let diff = unified_diff("x.md", text, &applied.applied);
        let expected = "\
--- a/x.md
+++ b/x.md
@@ -1,3 +1,3 @@
-a Byelorussia
+a Belarus
 b
-c Byelorussia
\\ No newline at end of file
+c Belarus
\\ No newline at end of file
";
        assert_eq!(diff, expected);
        assert_eq!(unified_diff("x.md", text, &[]), "");
    }

    #[test]
    fn an_insertion_at_the_end_of_a_text_gives_a_diff_that_adds_a_line() {
        let text = "one\ntwo\n";
        let applied = apply_fixes(text, &[fix(8, 8, "three\n")]);
        assert_eq!(applied.text, "one\ntwo\nthree\n");
        let diff = unified_diff("n.txt", text, &applied.applied);
        assert_eq!(
            diff,
            "--- a/n.txt\n+++ b/n.txt\n@@ -1,2 +1,3 @@\n one\n two\n+three\n"
        );
        let empty = apply_fixes("", &[fix(0, 0, "new\n")]);
        let diff = unified_diff("e.txt", "", &empty.applied);
        assert_eq!(diff, "--- a/e.txt\n+++ b/e.txt\n@@ -0,0 +1,1 @@\n+new\n");
    }

    /// Apply a unified diff made by [`unified_diff`] to `text`, checking every count, line
    /// number and context line on the way.
    fn patch(text: &str, diff: &str) -> String {
        let old: Vec<&str> = split_lines(text);
        let mut lines = diff.split_inclusive('\n').peekable();
        assert!(lines.next().unwrap().starts_with("--- a/"));
        assert!(lines.next().unwrap().starts_with("+++ b/"));
        let mut new = String::new();
        let mut at = 0;
        while let Some(header) = lines.next() {
            let numbers: Vec<usize> = header
                .trim_start_matches("@@ -")
                .trim_end_matches(" @@\n")
                .split([',', ' ', '+'])
                .filter(|part| !part.is_empty())
                .map(|part| part.parse().unwrap())
                .collect();
            let [old_start, old_count, new_start, new_count] = numbers[..] else {
                panic!("bad header {header}");
            };
            let first = if old_count == 0 {
                old_start
            } else {
                old_start - 1
            };
            while at < first {
                new.push_str(old[at]);
                at += 1;
            }
            // Lines before the hunk in the new text: `start - 1`, or `start` for an empty range.
            let before = if new_count == 0 {
                new_start
            } else {
                new_start - 1
            };
            assert_eq!(new.split_inclusive('\n').count(), before, "{header}");
            let (mut seen_old, mut seen_new) = (0, 0);
            while seen_old < old_count || seen_new < new_count {
                let mut line = lines.next().unwrap().to_string();
                if lines.peek() == Some(&"\\ No newline at end of file\n") {
                    lines.next();
                    line.pop();
                }
                let (marker, content) = line.split_at(1);
                match marker {
                    " " => {
                        assert_eq!(old[at], content);
                        new.push_str(content);
                        at += 1;
                        seen_old += 1;
                        seen_new += 1;
                    }
                    "-" => {
                        assert_eq!(old[at], content);
                        at += 1;
                        seen_old += 1;
                    }
                    "+" => {
                        new.push_str(content);
                        seen_new += 1;
                    }
                    _ => panic!("bad line {line:?}"),
                }
            }
            assert_eq!((seen_old, seen_new), (old_count, new_count), "{header}");
        }
        while at < old.len() {
            new.push_str(old[at]);
            at += 1;
        }
        new
    }

    #[test]
    fn diffs_of_random_fixes_patch_the_text_into_the_fixed_text() {
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |bound: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % bound as u64) as usize
        };
        let words = ["alpha", "beta", "\n", "gamma", " ", "\n\n", "é", "delta"];
        for _ in 0..3000 {
            let length = next(40);
            let text: String = (0..length).map(|_| words[next(words.len())]).collect();
            let boundaries: Vec<usize> = (0..=text.len())
                .filter(|at| text.is_char_boundary(*at))
                .collect();
            let fixes: Vec<Fix> = (0..next(5))
                .map(|_| {
                    let a = boundaries[next(boundaries.len())];
                    let b = boundaries[next(boundaries.len())];
                    let replacement = ["X", "", "new\nline", "\n", "Y Z"][next(5)];
                    fix(a.min(b), a.max(b), replacement)
                })
                .collect();
            let applied = apply_fixes(&text, &fixes);
            let diff = unified_diff("r.txt", &text, &applied.applied);
            if applied.changed() {
                assert_eq!(
                    patch(&text, &diff),
                    applied.text,
                    "text {text:?} fixes {fixes:?}\n{diff}"
                );
            } else {
                assert_eq!(diff, "");
            }
        }
    }

    #[test]
    fn writing_refuses_a_changed_file_and_replaces_an_unchanged_one() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("draft.md");
        std::fs::write(&path, "Byelorussia\n").unwrap();
        let error = write_fixed(&path, "something else\n", "Belarus\n").unwrap_err();
        assert!(matches!(error, WriteError::Changed(_)));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "Byelorussia\n");
        write_fixed(&path, "Byelorussia\n", "Belarus\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "Belarus\n");
        let left: Vec<_> = std::fs::read_dir(folder.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "temporary files left behind");
    }
}
