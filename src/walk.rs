//! Finding and reading drafts: the paths on the command line turned into a sorted list of
//! drafts (folders walked with the `ignore` crate, so `.gitignore`, `.ignore` and hidden files
//! are respected), include and exclude globs, `--shard K/N`, and reading one draft as UTF-8
//! text with a message that names it when it cannot be read.

use ignore::overrides::{Override, OverrideBuilder};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The file name endings read as drafts when a folder is walked.
pub const DRAFT_EXTENSIONS: [&str; 4] = [".md", ".markdown", ".mdx", ".txt"];

/// A draft to check: a file, or standard input.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Draft {
    Path(PathBuf),
    Stdin,
}

impl Draft {
    /// The name shown for the draft in reports (`<stdin>` or `--stdin-filename` for `-`).
    pub fn shown(&self, stdin_name: Option<&str>) -> String {
        match self {
            Draft::Path(path) => path.display().to_string(),
            Draft::Stdin => stdin_name.unwrap_or("<stdin>").to_string(),
        }
    }
}

/// Which walked files are drafts: globs relative to a root folder.
#[derive(Clone, Debug)]
pub struct DraftFilter {
    /// The folder the globs are relative to, made absolute.
    root: PathBuf,
    overrides: Override,
}

impl DraftFilter {
    /// A filter that keeps every draft.
    pub fn all() -> DraftFilter {
        DraftFilter {
            root: PathBuf::from("."),
            overrides: Override::empty(),
        }
    }

    /// Keep drafts that match one of `include` (when it is not empty) and none of `exclude`;
    /// globs use gitignore syntax and are relative to `root`.
    pub fn new(root: &Path, include: &[String], exclude: &[String]) -> Result<DraftFilter, String> {
        let mut builder = OverrideBuilder::new(".");
        for glob in include {
            builder
                .add(glob)
                .map_err(|error| format!("include glob `{glob}`: {error}"))?;
        }
        for glob in exclude {
            builder
                .add(&format!("!{glob}"))
                .map_err(|error| format!("exclude glob `{glob}`: {error}"))?;
        }
        let overrides = builder
            .build()
            .map_err(|error| format!("include/exclude globs: {error}"))?;
        Ok(DraftFilter {
            root: absolute(root),
            overrides,
        })
    }

    /// Whether a walked file at `path` (as found, relative to the working directory or
    /// absolute) is kept.
    pub fn keeps(&self, path: &Path) -> bool {
        if self.overrides.is_empty() {
            return true;
        }
        let full = absolute(path);
        let relative = full.strip_prefix(&self.root).unwrap_or(path);
        !self.overrides.matched(relative, false).is_ignore()
    }
}

/// `path` made absolute against the working directory, with `.` and `..` resolved when the
/// path exists (symbolic links resolved as well).
fn absolute(path: &Path) -> PathBuf {
    if let Ok(canonical) = std::fs::canonicalize(path) {
        return canonical;
    }
    // A file that does not exist (any more): resolve its folder instead.
    if let (Some(parent), Some(name)) = (path.parent(), path.file_name()) {
        let parent = if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        };
        if let Ok(canonical) = std::fs::canonicalize(parent) {
            return canonical.join(name);
        }
    }
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The outcome of turning command-line paths into drafts.
#[derive(Debug, Default)]
pub struct Collected {
    /// Every draft, files in sorted order and each once; standard input last.
    pub drafts: Vec<Draft>,
    /// One message per path that gave nothing: it names the path.
    pub problems: Vec<String>,
}

/// Whether a file name ends in one of [`DRAFT_EXTENSIONS`] (any case).
pub fn is_draft_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    DRAFT_EXTENSIONS.iter().any(|ext| lower.ends_with(ext))
}

/// Every draft the paths name. Files named directly are always drafts; folders are walked
/// (respecting `.gitignore` and `.ignore`, skipping hidden files, `target` and
/// `node_modules`) and give the files with a draft extension that `filter` keeps. A missing
/// path, or a folder with no drafts, is a problem.
pub fn collect_drafts(paths: &[PathBuf], filter: &DraftFilter) -> Collected {
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let mut collected = Collected::default();
    let mut files = Vec::new();
    let mut stdin = false;
    for path in paths {
        if path.as_os_str() == "-" {
            stdin = true;
        } else if path.is_dir() {
            let before = files.len();
            walk_folder(path, filter, &mut files, &mut collected.problems);
            if files.len() == before {
                collected.problems.push(format!(
                    "{}: no drafts ({}) in this folder",
                    path.display(),
                    DRAFT_EXTENSIONS.join(", ")
                ));
            }
        } else if path.symlink_metadata().is_ok() {
            files.push(path.clone());
        } else {
            collected
                .problems
                .push(format!("{}: no such file or folder", path.display()));
        }
    }
    files.sort();
    files.dedup();
    collected.drafts = files.into_iter().map(Draft::Path).collect();
    if stdin {
        collected.drafts.push(Draft::Stdin);
    }
    collected
}

fn walk_folder(
    folder: &Path,
    filter: &DraftFilter,
    files: &mut Vec<PathBuf>,
    problems: &mut Vec<String>,
) {
    let walker = ignore::WalkBuilder::new(folder)
        .require_git(false)
        .filter_entry(|entry| {
            let name = entry.file_name();
            !(entry.depth() > 0 && (name == "target" || name == "node_modules"))
        })
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                problems.push(format!("{}: {error}", folder.display()));
                continue;
            }
        };
        let is_dir = entry.file_type().is_some_and(|kind| kind.is_dir());
        if is_dir || entry.depth() == 0 {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        if is_draft_name(&name) && filter.keeps(entry.path()) {
            files.push(entry.into_path());
        }
    }
}

/// `--shard K/N`: the K-th (1-based) of N parts of a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    pub index: u32,
    pub count: u32,
}

impl Shard {
    /// Read `K/N` with `1 <= K <= N`.
    pub fn parse(text: &str) -> Result<Shard, String> {
        let bad = || format!("`{text}` is not a shard like 2/4 (K/N with 1 <= K <= N)");
        let (index, count) = text.split_once('/').ok_or_else(bad)?;
        let index: u32 = index.trim().parse().map_err(|_| bad())?;
        let count: u32 = count.trim().parse().map_err(|_| bad())?;
        if index == 0 || count == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }

    /// Whether this shard checks the file at `path`. The split hashes the path (with `./`
    /// left off and `/` separators), so a file stays in its shard when others come and go,
    /// and every file lands in exactly one shard of N. Standard input is in every shard.
    pub fn contains(&self, draft: &Draft) -> bool {
        match draft {
            Draft::Stdin => true,
            Draft::Path(path) => {
                let shown = path.to_string_lossy().replace('\\', "/");
                let shown = shown.trim_start_matches("./");
                stable_hash(shown.as_bytes()) % u64::from(self.count) == u64::from(self.index - 1)
            }
        }
    }
}

/// FNV-1a, 64 bits: stable across runs, platforms and Rust versions.
pub fn stable_hash(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// A draft's bytes, read whole.
pub fn read_bytes(draft: &Draft) -> std::io::Result<Vec<u8>> {
    match draft {
        Draft::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes)?;
            Ok(bytes)
        }
        Draft::Path(path) => std::fs::read(path),
    }
}

/// A draft's text, or a message that names it (`shown`): it cannot be read, it looks binary
/// (it holds NUL bytes), or it is not UTF-8. An empty file is an empty text.
pub fn read_draft(draft: &Draft, shown: &str) -> Result<String, String> {
    let bytes = read_bytes(draft).map_err(|error| format!("{shown}: cannot read: {error}"))?;
    text_of(bytes, shown)
}

/// `bytes` as text, or a message naming `shown` when they are binary or not UTF-8.
pub fn text_of(bytes: Vec<u8>, shown: &str) -> Result<String, String> {
    if let Some(at) = memchr::memchr(0, &bytes) {
        return Err(format!(
            "{shown}: looks like a binary file (a NUL byte at offset {at}); not checked"
        ));
    }
    String::from_utf8(bytes).map_err(|error| {
        format!(
            "{shown}: not UTF-8 text (invalid byte at offset {}); not checked",
            error.utf8_error().valid_up_to()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_parse_and_refuse_nonsense() {
        assert_eq!(Shard::parse("2/4"), Ok(Shard { index: 2, count: 4 }));
        for bad in ["0/4", "5/4", "1/0", "two/4", "3", "1/-2"] {
            assert!(Shard::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn every_file_lands_in_exactly_one_shard() {
        let drafts: Vec<Draft> = (0..500)
            .map(|number| Draft::Path(PathBuf::from(format!("archive/{number}.md"))))
            .collect();
        for count in 1..=7 {
            for draft in &drafts {
                let owners = (1..=count)
                    .filter(|index| {
                        Shard {
                            index: *index,
                            count,
                        }
                        .contains(draft)
                    })
                    .count();
                assert_eq!(owners, 1, "{draft:?} in {count} shards");
            }
        }
        let first = Shard { index: 1, count: 2 };
        let in_first = drafts.iter().filter(|draft| first.contains(draft)).count();
        assert!(
            (150..350).contains(&in_first),
            "unbalanced: {in_first} of 500"
        );
    }

    #[test]
    fn a_leading_dot_slash_does_not_move_a_file_to_another_shard() {
        for count in 2..6 {
            for index in 1..=count {
                let shard = Shard { index, count };
                assert_eq!(
                    shard.contains(&Draft::Path(PathBuf::from("./news/a.md"))),
                    shard.contains(&Draft::Path(PathBuf::from("news/a.md")))
                );
            }
        }
    }

    #[test]
    fn binary_and_non_utf8_text_are_named() {
        let error = text_of(b"abc\0def".to_vec(), "x.md").unwrap_err();
        assert!(
            error.starts_with("x.md: looks like a binary file"),
            "{error}"
        );
        let error = text_of(vec![b'a', 0xff, b'b'], "y.txt").unwrap_err();
        assert!(
            error.contains("y.txt: not UTF-8 text (invalid byte at offset 1)"),
            "{error}"
        );
        assert_eq!(text_of(Vec::new(), "empty.md").as_deref(), Ok(""));
    }

    #[test]
    fn draft_names_are_recognised_in_any_case() {
        assert!(is_draft_name("a.MD"));
        assert!(is_draft_name("notes.txt"));
        assert!(!is_draft_name("photo.png"));
    }
}
