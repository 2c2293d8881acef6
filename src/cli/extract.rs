//! `factlint extract`: show the values factlint reads in a text, one a line, as JSON lines or
//! for people (`line:column  kind  text  → value`).

use crate::extract::{DateOrder, Extracted, Options, ValueKind, extract_with};
use crate::span::LineIndex;
use clap::{Args, ValueEnum};
use serde::Serialize;
use std::io::{Read, Write};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// A file to read, or `-` for standard input (the default).
    pub path: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Human)]
    pub format: ExtractFormat,
    /// Read all-digit dates month first ("01/02/2013" is 2 January) when both orders fit.
    #[arg(long)]
    pub month_first: bool,
    /// The ISO currency code `$` and "dollars" stand for.
    #[arg(long, value_name = "CODE", default_value = "USD")]
    pub dollar: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Human,
    Jsonl,
}

pub fn run(args: ExtractArgs) -> u8 {
    let dollar = args.dollar.trim().to_ascii_uppercase();
    if dollar.len() != 3 || !dollar.bytes().all(|b| b.is_ascii_uppercase()) {
        eprintln!("factlint extract: --dollar wants a three-letter currency code, got {dollar:?}");
        return super::exit::FAILURE;
    }
    let (name, bytes) = match read_input(args.path.as_ref()) {
        Ok(input) => input,
        Err(message) => {
            eprintln!("factlint extract: {message}");
            return super::exit::FAILURE;
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            eprintln!(
                "factlint extract: {name}: not UTF-8 text (invalid byte at offset {})",
                error.utf8_error().valid_up_to()
            );
            return super::exit::FAILURE;
        }
    };
    let options = Options {
        date_order: if args.month_first {
            DateOrder::MonthFirst
        } else {
            DateOrder::DayFirst
        },
        dollar,
    };
    let values = extract_with(&text, &options);
    let output = match args.format {
        ExtractFormat::Jsonl => render_jsonl(&text, &values),
        ExtractFormat::Human => render_human(&text, &values),
    };
    let mut stdout = std::io::stdout().lock();
    if stdout.write_all(output.as_bytes()).is_err() || stdout.flush().is_err() {
        return super::exit::FAILURE;
    }
    super::exit::CLEAN
}

/// The input's display name and bytes.
fn read_input(path: Option<&PathBuf>) -> Result<(String, Vec<u8>), String> {
    match path {
        Some(path) if path.as_os_str() != "-" => {
            let name = path.display().to_string();
            std::fs::read(path)
                .map(|bytes| (name.clone(), bytes))
                .map_err(|error| format!("{name}: cannot read: {error}"))
        }
        _ => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|error| format!("<stdin>: cannot read: {error}"))?;
            Ok(("<stdin>".to_string(), bytes))
        }
    }
}

/// One value as `--format jsonl` prints it, fields in the contract's order.
#[derive(Serialize)]
struct JsonLine<'a> {
    kind: ValueKind,
    text: &'a str,
    start: usize,
    end: usize,
    value: String,
    approx: Option<&'a str>,
}

/// One JSON object a line, as the DESIGN contract says.
pub fn render_jsonl(text: &str, values: &[Extracted]) -> String {
    let mut output = String::new();
    for found in values {
        let line = JsonLine {
            kind: found.value.kind(),
            text: found.span.slice(text).unwrap_or(""),
            start: found.span.start,
            end: found.span.end,
            value: found.value.form(),
            approx: found.hedge_text.as_deref(),
        };
        if let Ok(json) = serde_json::to_string(&line) {
            output.push_str(&json);
            output.push('\n');
        }
    }
    output
}

/// `line:column  kind  text  → value`, with the hedge in brackets.
pub fn render_human(text: &str, values: &[Extracted]) -> String {
    let index = LineIndex::new(text);
    let mut output = String::new();
    for found in values {
        let position = index.line_col(text, found.span.start);
        let place = format!("{}:{}", position.line, position.column);
        let mut line = format!(
            "{place:<7} {:<8} {}  → {}",
            found.value.kind().as_str(),
            found.span.slice(text).unwrap_or(""),
            found.value.form()
        );
        if let Some(hedge) = &found.hedge_text {
            line.push_str(&format!("  ({hedge})"));
        }
        output.push_str(line.trim_end());
        output.push('\n');
    }
    output
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;

    #[test]
    fn jsonl_lines_follow_the_contract() {
        let text = "It began on 20 January 1992.";
        let output = render_jsonl(text, &extract(text));
        assert_eq!(
            output,
            "{\"kind\":\"date\",\"text\":\"20 January 1992\",\"start\":12,\"end\":27,\"value\":\"1992-01-20\",\"approx\":null}\n"
        );
    }

    #[test]
    fn human_lines_show_place_kind_text_and_hedge() {
        let text = "Ок.\nabout 20 people";
        let output = render_human(text, &extract(text));
        assert_eq!(output, "2:7     number   20  → 20  (about)\n");
    }
}
