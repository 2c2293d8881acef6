//! The checked rule model: name resolution, validation and the `RuleSet` the engine runs.

pub mod model;

pub use model::*;
