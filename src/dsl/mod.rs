//! Rule-file syntax: a plain-data AST with spans, the nom parser and syntax errors.
//! Nothing here reads files or resolves names; see `rules` for that and `load` for IO.

pub mod ast;
pub mod error;
pub mod parser;

pub use error::{SyntaxError, SyntaxErrorKind};
pub use parser::parse;
