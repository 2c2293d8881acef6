//! Drawing codespan-reporting diagnostics into strings, with ANSI colour or plain: the one
//! place the rule loader, the reporters and the commands turn a codespan diagnostic into text.

use codespan_reporting::diagnostic::Diagnostic;
use codespan_reporting::files::{Error, Files};
use codespan_reporting::term::{self, Config};

/// `diagnostic` drawn against `files` with the default configuration.
pub fn draw<'f, F: Files<'f> + ?Sized>(
    files: &'f F,
    diagnostic: &Diagnostic<F::FileId>,
    color: bool,
) -> Result<String, Error> {
    let config = Config::default();
    if color {
        let mut buffer = term::termcolor::Buffer::ansi();
        term::emit_to_write_style(&mut buffer, &config, files, diagnostic)?;
        Ok(String::from_utf8_lossy(buffer.as_slice()).into_owned())
    } else {
        term::emit_into_string(&config, files, diagnostic)
    }
}
