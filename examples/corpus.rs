//! Write the generated corpus of `benches/corpus.rs` to a folder, for whole-process
//! measurements (`benches/compare-rg.sh`):
//!
//!   cargo run --release --example corpus -- OUT_DIR MEGABYTES SHARE [KILOBYTES_EACH]
//!
//! SHARE is the percentage of paragraphs taken from the sample drafts (0: prose the article
//! pack has nothing to say about; 100: the sample drafts repeated). Drafts are Markdown files of
//! about KILOBYTES_EACH (default 20).

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(out), Some(megabytes), Some(share)) = (
        args.first().map(PathBuf::from),
        args.get(1).and_then(|n| n.parse::<usize>().ok()),
        args.get(2)
            .and_then(|n| n.parse::<u32>().ok())
            .filter(|&n| n <= 100),
    ) else {
        eprintln!("usage: corpus OUT_DIR MEGABYTES SHARE(0-100) [KILOBYTES_EACH]");
        return ExitCode::from(2);
    };
    let each = args
        .get(3)
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or(20)
        * 1000;
    let samples = corpus::sample_paragraphs(&Path::new(env!("CARGO_MANIFEST_DIR")).join("samples"));
    let drafts = corpus::corpus(megabytes * 1_000_000, each, share, &samples, 2013);
    if let Err(error) = std::fs::create_dir_all(&out) {
        eprintln!("cannot create {}: {error}", out.display());
        return ExitCode::from(2);
    }
    for (index, draft) in drafts.iter().enumerate() {
        let path = out.join(format!("draft-{index:05}.md"));
        if let Err(error) = std::fs::write(&path, draft) {
            eprintln!("cannot write {}: {error}", path.display());
            return ExitCode::from(2);
        }
    }
    let total: usize = drafts.iter().map(String::len).sum();
    eprintln!(
        "{} drafts, {total} bytes, {share}% sample paragraphs",
        drafts.len()
    );
    ExitCode::SUCCESS
}
