//! The checked rule model: name resolution, validation and the `RuleSet` the engine runs.
//!
//! [`compile`] is the one bridge from the syntax tree ([`crate::dsl::ast`]) to the model; it
//! does no IO (see [`crate::load`] for reading files and following includes).

pub mod compile;
pub mod describe;
pub mod model;

pub use compile::{MESSAGE_PLACEHOLDERS, ParsedFile, RuleDiagnostic, compile};
pub use describe::{describe_expect, describe_titles, expect_kind, fact_kind, value_type_name};
pub use model::*;
