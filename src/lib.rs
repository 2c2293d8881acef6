//! factlint: a fact-checking linter for prose.
//!
//! Rule files (`*.facts`) are parsed by [`dsl`] into an AST and checked by [`rules`] into a
//! [`rules::RuleSet`]. Drafts become documents, the engine finds the sentences that state a
//! fact, [`extract`] reads the values stated there, and every mismatch becomes a
//! [`diagnostic::Diagnostic`] that the reporters print.

pub mod baseline;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod draw;
pub mod dsl;
pub mod engine;
pub mod extract;
pub mod fix;
pub mod load;
pub mod lsp;
pub mod report;
pub mod rules;
pub mod span;
pub mod testing;
pub mod value;
pub mod walk;
