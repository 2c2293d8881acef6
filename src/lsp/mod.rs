//! The language server (`factlint lsp`): an adapter from the Language Server Protocol to the
//! engine. It keeps the editor's open documents in step, checks drafts as they are typed and
//! publishes the findings, offers each fix as a quick fix, explains facts on hover, jumps from
//! a cue to its rule, and reloads the rules when a rule file is saved.
//!
//! - [`transport`]: stdio framing that answers malformed messages instead of dying on them;
//! - [`server`]: the handshake, the message loop and the session state;
//! - [`documents`]: open documents and incremental changes;
//! - [`position`]: byte offsets ⇄ editor positions in UTF-8 or UTF-16;
//! - [`checker`], [`convert`], [`features`]: checking, diagnostics, hover, actions, definitions;
//! - [`config`]: the rule paths and date of `factlint.toml`; [`uri`]: `file:` URIs.

pub mod checker;
pub mod config;
pub mod convert;
pub mod documents;
pub mod features;
pub mod position;
pub mod server;
pub mod transport;
pub mod uri;

pub use checker::Checker;
pub use documents::{DocumentKind, OpenDocument};
pub use position::{Encoding, PositionMap};
pub use server::{ExitStatus, serve};

/// Run the server over stdin and stdout until the client exits; the exit status is `0` after
/// an orderly `shutdown` and `exit`, `1` otherwise.
pub fn run_stdio() -> std::io::Result<ExitStatus> {
    let (connection, threads) = transport::stdio()?;
    let status = serve(&connection);
    drop(connection);
    threads.join();
    Ok(status)
}
