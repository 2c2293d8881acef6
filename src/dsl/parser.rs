//! The rule-file parser: nom 8 lexers for the tokens (identifiers, strings, dates, numbers,
//! comments) driven by a small statement loop that recovers at the statement level.
//!
//! A statement starts on an unindented line; indented lines continue it. The file is first cut
//! into such chunks (one linear pass), then each chunk is parsed on its own. On a syntax error
//! the error is recorded and parsing resumes at the next chunk that starts with a statement
//! keyword, so one run reports every broken statement and keeps every good one. Nothing here
//! recurses on the input, so no input can overflow the stack; every loop consumes input, so
//! none can hang.

use super::ast::*;
use super::error::{SyntaxError, SyntaxErrorKind};
use crate::span::Span;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while_m_n, take_while1};
use nom::character::complete::char as nom_char;
use nom::combinator::{opt, recognize};
use nom::multi::many0_count;
use nom::{IResult, Parser};

/// Statement keywords other than the entity classes.
pub const STATEMENT_KEYWORDS: &[&str] = &["include", "source", "event", "fact"];

/// The entity classes, each a statement keyword.
pub const ENTITY_CLASSES: &[&str] = &[
    "country",
    "city",
    "province",
    "region",
    "person",
    "organisation",
    "organization",
    "company",
    "ministry",
    "agency",
    "body",
    "document",
];

pub const SOURCE_CLAUSES: &[&str] = &["date", "url", "publisher"];
pub const ENTITY_CLAUSES: &[&str] = &[
    "aka", "adj", "avoid", "cite", "title", "severity", "ok", "bad",
];
pub const EVENT_CLAUSES: &[&str] = &["from", "to", "with", "aka", "cite"];
pub const FACT_CLAUSES: &[&str] = &[
    "cite", "event", "when", "near", "unless", "with", "scope", "pattern", "expect", "affirm",
    "severity", "message", "tags", "ok", "bad",
];
pub const VALUE_KINDS: &[&str] = &[
    "date",
    "number",
    "count",
    "money",
    "percent",
    "ordinal",
    "entity",
    "parties",
    "anniversary",
    "duration",
    "consistent",
];

const DATE_EXAMPLE: &str = "a date like 1992-01-20, 1992-01, 1992 or --07-16";
const NUMBER_EXAMPLE: &str = "a number like 1500, 1,500, 1.5 or -3";
const STRING_EXAMPLE: &str = "a string in double quotes";
const ID_EXAMPLE: &str = "an identifier like `belarus`";

/// Parse one rule file. Returns the statements that parsed and every syntax error found.
pub fn parse(text: &str) -> (File, Vec<SyntaxError>) {
    let mut file = File::default();
    let mut errors = Vec::new();
    let mut skipping = false;
    for (start, end) in statement_chunks(text) {
        let mut cursor = Cursor {
            text,
            pos: start,
            end,
        };
        let first_word = cursor.peek_word();
        let starts_statement = first_word.is_some_and(|(word, _)| is_statement_keyword(word));
        if skipping && !starts_statement {
            continue;
        }
        skipping = false;
        match parse_statement(&mut cursor) {
            Ok(statement) => file.statements.push(statement),
            Err(failure) => {
                if let Some(id) = failure.damaged_id {
                    file.damaged_ids.push(id);
                }
                errors.push(*failure.error);
                skipping = true;
            }
        }
    }
    (file, errors)
}

fn is_statement_keyword(word: &str) -> bool {
    STATEMENT_KEYWORDS.contains(&word) || ENTITY_CLASSES.contains(&word)
}

/// Byte ranges of the statements: each starts at an unindented line that is neither blank nor
/// a comment, and runs to the next such line.
fn statement_chunks(text: &str) -> Vec<(usize, usize)> {
    let mut starts = Vec::new();
    let mut line_start = 0;
    while line_start < text.len() {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |at| line_start + at);
        let line = &text[line_start..line_end];
        let first = line.as_bytes().first().copied();
        let begins_statement = !matches!(first, None | Some(b' ' | b'\t' | b'\r' | b'#'));
        if begins_statement {
            starts.push(line_start);
        } else if starts.is_empty() {
            // Indented text before any statement: a chunk of its own, so it is reported
            // rather than silently dropped.
            let content = line.trim_start_matches([' ', '\t', '\r']);
            if !content.is_empty() && !content.starts_with('#') {
                starts.push(line_end - content.len());
            }
        }
        line_start = line_end + 1;
    }
    let mut chunks = Vec::with_capacity(starts.len());
    for (index, &start) in starts.iter().enumerate() {
        let end = starts.get(index + 1).copied().unwrap_or(text.len());
        chunks.push((start, end));
    }
    chunks
}

/// A syntax error and, when the statement got that far, the id it was declaring.
struct Failure {
    error: Box<SyntaxError>,
    damaged_id: Option<String>,
}

impl From<SyntaxError> for Failure {
    fn from(error: SyntaxError) -> Self {
        Failure {
            error: Box::new(error),
            damaged_id: None,
        }
    }
}

type Parsed<T> = Result<T, SyntaxError>;

/// A position in one statement chunk of the file.
struct Cursor<'a> {
    text: &'a str,
    pos: usize,
    end: usize,
}

/// Lexer results: nom parsers over `&str` with nom's default error type; only success and the
/// remaining input are used, errors are built by the caller with the right context.
type Lexed<'a> = IResult<&'a str, &'a str>;

fn identifier(input: &str) -> Lexed<'_> {
    recognize((
        take_while_m_n(1, 1, |c: char| c.is_ascii_alphabetic() || c == '_'),
        take_while(|c: char| c.is_ascii_alphanumeric() || c == '_'),
    ))
    .parse(input)
}

fn comment(input: &str) -> Lexed<'_> {
    recognize((nom_char('#'), take_while(|c: char| c != '\n'))).parse(input)
}

fn trivia(input: &str) -> Lexed<'_> {
    recognize(many0_count(alt((
        take_while1(|c: char| c == ' ' || c == '\t' || c == '\r' || c == '\n'),
        comment,
    ))))
    .parse(input)
}

fn inline_space(input: &str) -> Lexed<'_> {
    take_while(|c: char| c == ' ' || c == '\t' || c == '\r').parse(input)
}

fn digits(count: usize) -> impl Fn(&str) -> Lexed<'_> {
    move |input| take_while_m_n(count, count, |c: char| c.is_ascii_digit()).parse(input)
}

fn date_text(input: &str) -> Lexed<'_> {
    alt((
        recognize((tag("--"), digits(2), tag("-"), digits(2))),
        recognize((
            digits(4),
            opt((tag("-"), digits(2), opt((tag("-"), digits(2))))),
        )),
    ))
    .parse(input)
}

fn number_text(input: &str) -> Lexed<'_> {
    recognize((
        opt(nom_char('-')),
        take_while1(|c: char| c.is_ascii_digit()),
        many0_count(alt((
            recognize((nom_char('_'), take_while1(|c: char| c.is_ascii_digit()))),
            recognize((nom_char(','), digits(3))),
        ))),
        opt((nom_char('.'), take_while1(|c: char| c.is_ascii_digit()))),
    ))
    .parse(input)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        self.text.get(self.pos..self.end).unwrap_or("")
    }

    /// Move past what a lexer consumed.
    fn advance_to(&mut self, rest: &str) {
        self.pos = self.end - rest.len();
    }

    fn skip_trivia(&mut self) {
        if let Ok((rest, _)) = trivia(self.rest()) {
            self.advance_to(rest);
        }
    }

    /// A percent sign after a number, touching it or after spaces on the same line ("55%",
    /// "55 %"): whether there was one.
    fn eat_percent(&mut self) -> bool {
        let rest = self.rest();
        let spaces = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        if rest[spaces..].starts_with('%') {
            self.pos += spaces + 1;
            true
        } else {
            false
        }
    }

    fn skip_inline_space(&mut self) {
        if let Ok((rest, _)) = inline_space(self.rest()) {
            self.advance_to(rest);
        }
    }

    fn at_end(&self) -> bool {
        self.rest().is_empty()
    }

    fn next_char(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// Whether the next thing before a newline is more than spaces and a comment.
    fn more_on_this_line(&self) -> bool {
        let rest = self.rest().trim_start_matches([' ', '\t', '\r']);
        !(rest.is_empty() || rest.starts_with('\n') || rest.starts_with('#'))
    }

    fn peek_word(&self) -> Option<(&'a str, Span)> {
        let (rest, word) = identifier(self.rest()).ok()?;
        if rest.chars().next().is_some_and(is_word_char) {
            return None;
        }
        Some((word, Span::new(self.pos, self.pos + word.len())))
    }

    fn word(&mut self) -> Option<Ident> {
        let (word, span) = self.peek_word()?;
        self.pos = span.end;
        Some(Ident {
            name: word.to_string(),
            span,
        })
    }

    /// Consume `word` if it comes next (after trivia).
    fn eat_word(&mut self, word: &str) -> Option<Span> {
        let saved = self.pos;
        self.skip_trivia();
        match self.peek_word() {
            Some((found, span)) if found == word => {
                self.pos = span.end;
                Some(span)
            }
            _ => {
                self.pos = saved;
                None
            }
        }
    }

    /// Consume `symbol` if it comes next (after trivia).
    fn eat_char(&mut self, symbol: char) -> Option<Span> {
        let saved = self.pos;
        self.skip_trivia();
        if self.next_char() == Some(symbol) {
            let start = self.pos;
            self.pos += symbol.len_utf8();
            Some(Span::new(start, self.pos))
        } else {
            self.pos = saved;
            None
        }
    }

    /// A description of what stands at the cursor, for "found …" and the span to underline.
    fn found(&self) -> (String, Span) {
        let rest = self.rest();
        let Some(first) = rest.chars().next() else {
            // Point just after the last token, not at the next statement.
            let before = self.text.get(..self.pos).unwrap_or("").trim_end();
            let at = before.len();
            return ("the end of the statement".to_string(), Span::new(at, at));
        };
        if first == '\n' {
            return (
                "the end of the line".to_string(),
                Span::new(self.pos, self.pos),
            );
        }
        let token_len = if is_word_char(first) || first == '-' {
            rest.char_indices()
                .skip(1)
                .find(|&(_, c)| !(is_word_char(c) || c == '-' || c == '.'))
                .map_or(rest.len(), |(at, _)| at)
        } else {
            first.len_utf8()
        };
        let token = &rest[..token_len];
        let shown: String = token.chars().take(40).collect();
        let shown = if shown.len() < token.len() {
            format!("`{shown}…`")
        } else {
            format!("`{shown}`")
        };
        (shown, Span::new(self.pos, self.pos + token_len))
    }

    fn expected(&self, what: &str, after: &str) -> SyntaxError {
        let (found, span) = self.found();
        SyntaxError {
            kind: SyntaxErrorKind::Expected {
                after: after.to_string(),
                found,
            },
            span,
            expected: what.to_string(),
            help: None,
        }
    }

    fn ident(&mut self, after: &str) -> Parsed<Ident> {
        self.skip_trivia();
        self.word().ok_or_else(|| self.expected(ID_EXAMPLE, after))
    }

    fn ident_list(&mut self, after: &str) -> Parsed<Vec<Ident>> {
        let mut items = vec![self.ident(after)?];
        while self.eat_char(',').is_some() {
            items.push(self.ident(",")?);
        }
        Ok(items)
    }

    fn string(&mut self, after: &str) -> Parsed<StringLit> {
        self.skip_trivia();
        if self.next_char() != Some('"') {
            return Err(self.expected(STRING_EXAMPLE, after));
        }
        let start = self.pos;
        let (literal, consumed) = lex_string(self.rest(), start)?;
        self.pos += consumed;
        Ok(literal)
    }

    /// `STRING { sep STRING }`.
    fn string_list(&mut self, after: &str, separator: char) -> Parsed<Vec<StringLit>> {
        let mut items = vec![self.string(after)?];
        let separator_text = separator.to_string();
        while self.eat_char(separator).is_some() {
            items.push(self.string(&separator_text)?);
        }
        Ok(items)
    }

    fn date(&mut self, after: &str) -> Parsed<DateLit> {
        self.skip_trivia();
        let start = self.pos;
        let Ok((rest, written)) = date_text(self.rest()) else {
            return Err(self.expected(DATE_EXAMPLE, after));
        };
        if rest
            .chars()
            .next()
            .is_some_and(|c| is_word_char(c) || c == '-' || c == '.')
        {
            return Err(self.expected(DATE_EXAMPLE, after));
        }
        self.advance_to(rest);
        let number = |part: &str| part.parse::<u32>().ok();
        let (year, month, day) = if let Some(month_day) = written.strip_prefix("--") {
            let (month, day) = month_day.split_once('-').unwrap_or((month_day, ""));
            (None, number(month), number(day))
        } else {
            let mut parts = written.split('-');
            (
                parts.next().and_then(number),
                parts.next().and_then(number),
                parts.next().and_then(number),
            )
        };
        Ok(DateLit {
            year,
            month,
            day,
            span: Span::new(start, self.pos),
        })
    }

    fn number(&mut self, after: &str) -> Parsed<NumberLit> {
        self.skip_trivia();
        let start = self.pos;
        let Ok((rest, written)) = number_text(self.rest()) else {
            let what = if after == "count" {
                "a count in digits, like 20 or 1,500"
            } else {
                NUMBER_EXAMPLE
            };
            let mut error = self.expected(what, after);
            if let Some((word, _)) = self.peek_word() {
                error.help = Some(format!(
                    "write the value in digits, not as a word (`{word}`)"
                ));
            }
            return Err(error);
        };
        let mut next = rest.chars();
        let bad_follow = match next.next() {
            Some(c) if is_word_char(c) && !c.is_ascii_alphabetic() => true,
            Some('.' | '_') => true,
            Some(',') => next.next().is_some_and(|c| c.is_ascii_digit()),
            _ => false,
        };
        let digits_end = start + written.len();
        if bad_follow {
            let (found, span) = self.found();
            return Err(SyntaxError {
                kind: SyntaxErrorKind::InvalidNumber { found },
                span,
                expected: NUMBER_EXAMPLE.to_string(),
                help: Some("write thousands as 1500, 1_500 or 1,500 (groups of three digits), and decimals with a point".to_string()),
            });
        }
        self.advance_to(rest);
        let plain: String = written.chars().filter(|&c| c != '_' && c != ',').collect();
        let Ok(mut value) = plain.parse::<f64>() else {
            return Err(self.expected(NUMBER_EXAMPLE, after));
        };
        // A scale word, on the same line, directly after the digits or after spaces.
        let mut end = self.pos;
        let saved = self.pos;
        self.skip_inline_space();
        let mut scale = None;
        if let Some((word, span)) = self.peek_word() {
            scale = match word {
                "thousand" | "k" => Some(Scale::Thousand),
                "million" | "m" | "mln" => Some(Scale::Million),
                "billion" | "bn" | "bln" => Some(Scale::Billion),
                "trillion" => Some(Scale::Trillion),
                _ => None,
            };
            if let Some(scale) = scale {
                value *= scale.factor();
                self.pos = span.end;
                end = span.end;
            }
        }
        if scale.is_none() {
            self.pos = saved;
            // Digits glued to a letter that is no scale word (`15x`) are an error.
            if self.peek_word().is_some() || rest.chars().next().is_some_and(is_word_char) {
                return Err(SyntaxError {
                    kind: SyntaxErrorKind::InvalidNumber {
                        found: self.found().0,
                    },
                    span: Span::new(start, digits_end),
                    expected: NUMBER_EXAMPLE.to_string(),
                    help: Some(
                        "a scale word after a number is one of thousand, million, billion, trillion, k, m, mln, bn, bln"
                            .to_string(),
                    ),
                });
            }
        }
        Ok(NumberLit {
            value,
            digits: written.to_string(),
            scale,
            span: Span::new(start, end),
        })
    }

    /// The clause keyword at the cursor, or an error naming what was found.
    fn clause_keyword(
        &mut self,
        statement: &'static str,
        valid: &'static [&'static str],
    ) -> Parsed<Ident> {
        match self.word() {
            Some(word) => Ok(word),
            None => {
                let (found, span) = self.found();
                // The likely slips first: a list written the wrong way, a date with slashes,
                // an id with a hyphen.
                let rest = self.rest();
                let help = if rest.starts_with(',') {
                    "separate the alternatives of `when`, `near` and `unless` with `|` (`when \"a\" | \"b\"`); `,` separates the ids and names of `with`, `aka`, `adj`, `avoid` and `parties`".to_string()
                } else if rest.starts_with('/') {
                    "write dates as YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD (`2015-12-12`)".to_string()
                } else if rest.starts_with('-') && !rest.starts_with("--") {
                    "ids are letters, digits and `_` (`cop_21`, not `cop-21`)".to_string()
                } else {
                    format!(
                        "the clauses of {} {statement} are {}",
                        article(statement),
                        list_keywords(valid)
                    )
                };
                Err(SyntaxError {
                    kind: SyntaxErrorKind::Expected {
                        after: String::new(),
                        found,
                    },
                    span,
                    expected: format!("a clause of the {statement}"),
                    help: Some(help),
                })
            }
        }
    }
}

fn list_keywords(words: &[&str]) -> String {
    words
        .iter()
        .map(|word| format!("`{word}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// An unknown clause keyword `word`; `after` is the text right after it.
fn unknown_clause(
    word: &Ident,
    statement: &'static str,
    valid: &'static [&'static str],
    after: &str,
) -> SyntaxError {
    let suggestion = super::error::closest(&word.name, valid);
    let help = if after.starts_with('"') {
        // `when "adopted | "agreed"`: the word stood between two strings.
        format!(
            "a string may have been closed early: each alternative is a string of its own, as in `when \"adopted\" | \"{}\"`",
            word.name
        )
    } else if statement == "fact"
        && matches!(
            word.name.as_str(),
            "about" | "around" | "approximately" | "roughly" | "nearly" | "circa" | "some"
        )
    {
        "an expected value that is approximate is marked `approx` after it: `expect number 2.5 approx`".to_string()
    } else if statement == "entity" && matches!(word.name.as_str(), "from" | "to") {
        "a title's `from` and `to` stand on the title's own line: `title \"Premier\" from 2013-03-15 to 2023-03-11`".to_string()
    } else {
        format!(
            "the clauses of {} {statement} are {}",
            article(statement),
            list_keywords(valid)
        )
    };
    SyntaxError {
        kind: SyntaxErrorKind::UnknownClause {
            found: super::error::shorten(&word.name),
            statement,
            suggestion,
        },
        span: word.span,
        expected: format!("a clause of the {statement}"),
        help: Some(help),
    }
}

/// "a" or "an" before `word`.
pub(crate) fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// Lex a string literal at the start of `input` (which begins with `"`); `offset` is where
/// `input` starts in the file. Returns the literal and the bytes consumed.
fn lex_string(input: &str, offset: usize) -> Parsed<(StringLit, usize)> {
    let mut value = String::new();
    let mut brackets = Vec::new();
    let mut verbatim = true;
    let mut chars = input.char_indices().skip(1).peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '"' => {
                let consumed = at + 1;
                return Ok((
                    StringLit {
                        value,
                        span: Span::new(offset, offset + consumed),
                        brackets,
                        verbatim,
                    },
                    consumed,
                ));
            }
            '\n' => break,
            '[' | ']' => {
                brackets.push(Bracket {
                    open: c == '[',
                    at: value.len(),
                    span: Span::new(offset + at, offset + at + 1),
                });
                value.push(c);
            }
            '\\' => {
                verbatim = false;
                let Some((_, escape)) = chars.next() else {
                    break;
                };
                match escape {
                    '"' | '\\' | '[' | ']' => value.push(escape),
                    'n' => value.push('\n'),
                    't' => value.push('\t'),
                    'u' => {
                        let decoded = lex_unicode_escape(&input[at..]);
                        match decoded {
                            Some((decoded, length)) => {
                                value.push(decoded);
                                // Skip the `{…}` part already read.
                                let escape_end = at + length;
                                while chars.peek().is_some_and(|&(next, _)| next < escape_end) {
                                    chars.next();
                                }
                            }
                            None => {
                                let end = input[at..]
                                    .char_indices()
                                    .skip(2)
                                    .find(|&(_, c)| c == '}' || c == '"' || c == '\n')
                                    .map_or(input.len(), |(length, c)| {
                                        at + length + if c == '}' { 1 } else { 0 }
                                    });
                                return Err(SyntaxError {
                                    kind: SyntaxErrorKind::BadUnicodeEscape,
                                    span: Span::new(offset + at, offset + end),
                                    expected: "a Unicode escape like \\u{1F600}".to_string(),
                                    help: Some("write \\u{…} with 1 to 6 hexadecimal digits naming a Unicode scalar value".to_string()),
                                });
                            }
                        }
                    }
                    '\n' => break,
                    other => {
                        let end = at + 1 + other.len_utf8();
                        return Err(SyntaxError {
                            kind: SyntaxErrorKind::UnknownEscape {
                                escape: format!("\\{other}"),
                            },
                            span: Span::new(offset + at, offset + end),
                            expected: "one of the escapes \\\" \\\\ \\n \\t \\u{…} \\[ \\]"
                                .to_string(),
                            help: Some("write a backslash as \\\\".to_string()),
                        });
                    }
                }
            }
            _ => value.push(c),
        }
    }
    let line_end = input.find('\n').unwrap_or(input.len());
    Err(SyntaxError {
        kind: SyntaxErrorKind::UnterminatedString,
        span: Span::new(offset, offset + line_end.trim_end_len(input)),
        expected: "a closing `\"` on the same line".to_string(),
        help: Some("close the string with `\"` before the end of the line; write a quote inside a string as \\\"".to_string()),
    })
}

/// Helper so a `\r\n` line end is not underlined.
trait TrimEndLen {
    fn trim_end_len(self, input: &str) -> usize;
}

impl TrimEndLen for usize {
    fn trim_end_len(self, input: &str) -> usize {
        input
            .get(..self)
            .map_or(self, |line| line.trim_end_matches('\r').len())
    }
}

/// `\u{1F600}` at the start of `input`: the char and the escape's length in bytes.
fn lex_unicode_escape(input: &str) -> Option<(char, usize)> {
    let body = input.strip_prefix("\\u{")?;
    let close = body.find('}')?;
    let hex = body.get(..close)?;
    if hex.is_empty() || hex.len() > 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let code = u32::from_str_radix(hex, 16).ok()?;
    Some((char::from_u32(code)?, 3 + close + 1))
}

fn parse_statement(cursor: &mut Cursor<'_>) -> Result<Statement, Failure> {
    let start = cursor.pos;
    let line_start = cursor
        .text
        .get(..start)
        .map_or(0, |before| before.rfind('\n').map_or(0, |at| at + 1));
    if line_start < start {
        let (found, span) = cursor.found();
        return Err(SyntaxError {
            kind: SyntaxErrorKind::Expected {
                after: String::new(),
                found,
            },
            span,
            expected: "a statement at the start of a line".to_string(),
            help: Some("an indented line continues the statement above it, and there is none here: remove the indentation or write the statement first".to_string()),
        }
        .into());
    }
    let Some(keyword) = cursor.word() else {
        let (found, span) = cursor.found();
        return Err(unknown_statement(found, span).into());
    };
    let statement = match keyword.name.as_str() {
        "include" => {
            let path = cursor.string("include")?;
            Statement::Include(Include {
                span: Span::new(start, path.span.end),
                path,
            })
        }
        "source" => parse_source(cursor, start)?,
        "event" => parse_event(cursor, start)?,
        "fact" => parse_fact(cursor, start)?,
        class if ENTITY_CLASSES.contains(&class) => parse_entity(cursor, start, keyword)?,
        _ => {
            let found = format!("`{}`", super::error::shorten(&keyword.name));
            return Err(unknown_statement(found, keyword.span).into());
        }
    };
    cursor.skip_trivia();
    if !cursor.at_end() {
        let (found, span) = cursor.found();
        return Err(SyntaxError {
            kind: SyntaxErrorKind::Expected {
                after: String::new(),
                found,
            },
            span,
            expected: "the end of the statement".to_string(),
            help: Some("an include statement takes one path and nothing else".to_string()),
        }
        .into());
    }
    Ok(statement)
}

fn unknown_statement(found: String, span: Span) -> SyntaxError {
    let word = found.trim_matches('`').to_string();
    let mut valid: Vec<&'static str> = STATEMENT_KEYWORDS.to_vec();
    valid.extend_from_slice(ENTITY_CLASSES);
    let suggestion = super::error::closest(&word, &valid);
    SyntaxError {
        kind: SyntaxErrorKind::UnknownStatement { found, suggestion },
        span,
        expected: "a statement keyword".to_string(),
        help: Some(format!(
            "a statement starts at the beginning of a line with one of {}; indent a line to continue the statement above",
            list_keywords(&valid)
        )),
    }
}

/// Attach the declared id to an error so the validator can stay quiet about it.
fn damaged(id: &Ident) -> impl Fn(SyntaxError) -> Failure + '_ {
    move |error| Failure {
        error: Box::new(error),
        damaged_id: Some(id.name.clone()),
    }
}

fn parse_source(cursor: &mut Cursor<'_>, start: usize) -> Result<Statement, Failure> {
    let id = cursor.ident("source")?;
    let title = cursor.string(&id.name.clone()).map_err(damaged(&id))?;
    let mut end = title.span.end;
    let mut clauses = Vec::new();
    loop {
        cursor.skip_trivia();
        if cursor.at_end() {
            break;
        }
        let keyword = cursor
            .clause_keyword("source", SOURCE_CLAUSES)
            .map_err(damaged(&id))?;
        let kind = match keyword.name.as_str() {
            "date" => SourceClauseKind::Date(cursor.date("date").map_err(damaged(&id))?),
            "url" => SourceClauseKind::Url(cursor.string("url").map_err(damaged(&id))?),
            "publisher" => {
                SourceClauseKind::Publisher(cursor.string("publisher").map_err(damaged(&id))?)
            }
            _ => {
                return Err(damaged(&id)(unknown_clause(
                    &keyword,
                    "source",
                    SOURCE_CLAUSES,
                    cursor.rest(),
                )));
            }
        };
        end = cursor.pos;
        clauses.push(SourceClause {
            keyword: keyword.span,
            kind,
        });
    }
    Ok(Statement::Source(SourceDecl {
        id,
        title,
        clauses,
        span: Span::new(start, end),
    }))
}

fn parse_example(cursor: &mut Cursor<'_>, keyword: &Ident) -> Parsed<ExampleLit> {
    let text = cursor.string(&keyword.name)?;
    let mut span = keyword.span.cover(text.span);
    // `ok "…" as of 1965-06-01`, on the example's own line.
    let as_of = if cursor.more_on_this_line() && cursor.eat_word("as").is_some() {
        if cursor.eat_word("of").is_none() {
            cursor.skip_inline_space();
            let mut error = cursor.expected("`of`, as in `as of 1970-06-01`", "as");
            error.help = Some("an example's own date is written `as of YYYY-MM-DD`".to_string());
            return Err(error);
        }
        let date = cursor.date("as of")?;
        span = span.cover(date.span);
        Some(date)
    } else {
        None
    };
    Ok(ExampleLit {
        ok: keyword.name == "ok",
        span,
        text,
        as_of,
    })
}

fn parse_entity(cursor: &mut Cursor<'_>, start: usize, class: Ident) -> Result<Statement, Failure> {
    let id = cursor.ident(&class.name)?;
    let name = cursor.string(&id.name.clone()).map_err(damaged(&id))?;
    let mut end = name.span.end;
    let mut clauses = Vec::new();
    loop {
        cursor.skip_trivia();
        if cursor.at_end() {
            break;
        }
        let keyword = cursor
            .clause_keyword("entity", ENTITY_CLAUSES)
            .map_err(damaged(&id))?;
        let kind = match keyword.name.as_str() {
            "aka" => EntityClauseKind::Aka(cursor.string_list("aka", ',').map_err(damaged(&id))?),
            "adj" => EntityClauseKind::Adj(cursor.string_list("adj", ',').map_err(damaged(&id))?),
            "avoid" => {
                EntityClauseKind::Avoid(cursor.string_list("avoid", ',').map_err(damaged(&id))?)
            }
            "cite" => EntityClauseKind::Cite(cursor.ident("cite").map_err(damaged(&id))?),
            "severity" => {
                EntityClauseKind::Severity(cursor.ident("severity").map_err(damaged(&id))?)
            }
            "title" => {
                EntityClauseKind::Title(parse_title(cursor, &keyword).map_err(damaged(&id))?)
            }
            "ok" | "bad" => {
                EntityClauseKind::Example(parse_example(cursor, &keyword).map_err(damaged(&id))?)
            }
            _ => {
                return Err(damaged(&id)(unknown_clause(
                    &keyword,
                    "entity",
                    ENTITY_CLAUSES,
                    cursor.rest(),
                )));
            }
        };
        end = cursor.pos;
        clauses.push(EntityClause {
            keyword: keyword.span,
            kind,
        });
    }
    Ok(Statement::Entity(EntityDecl {
        class,
        id,
        name,
        clauses,
        span: Span::new(start, end),
    }))
}

/// `title STRING [aka …] [from DATE] [to DATE] [cite ID]`, the parts on the title's line.
fn parse_title(cursor: &mut Cursor<'_>, keyword: &Ident) -> Parsed<TitleClause> {
    let name = cursor.string("title")?;
    let mut title = TitleClause {
        name,
        aliases: Vec::new(),
        from: None,
        to: None,
        cite: None,
        span: keyword.span,
    };
    let mut end = cursor.pos;
    while cursor.more_on_this_line() {
        cursor.skip_inline_space();
        let saved = cursor.pos;
        let Some(part) = cursor.word() else {
            break;
        };
        let duplicate = match part.name.as_str() {
            "aka" if title.aliases.is_empty() => {
                title.aliases = cursor.string_list("aka", ',')?;
                false
            }
            "from" if title.from.is_none() => {
                title.from = Some(cursor.date("from")?);
                false
            }
            "to" if title.to.is_none() => {
                title.to = Some(cursor.date("to")?);
                false
            }
            "cite" if title.cite.is_none() => {
                title.cite = Some(cursor.ident("cite")?);
                false
            }
            "aka" | "from" | "to" | "cite" => true,
            _ => {
                // Another entity clause on the same line: leave it to the entity.
                cursor.pos = saved;
                break;
            }
        };
        if duplicate {
            return Err(SyntaxError {
                kind: SyntaxErrorKind::DuplicatePart {
                    part: part.name.clone(),
                },
                span: part.span,
                expected: "each of `aka`, `from`, `to`, `cite` at most once in a title".to_string(),
                help: Some(
                    "give a title one period; write a second `title` line for another period"
                        .to_string(),
                ),
            });
        }
        end = cursor.pos;
    }
    title.span = Span::new(keyword.span.start, end);
    Ok(title)
}

fn parse_event(cursor: &mut Cursor<'_>, start: usize) -> Result<Statement, Failure> {
    let id = cursor.ident("event")?;
    let name = cursor.string(&id.name.clone()).map_err(damaged(&id))?;
    let mut end = name.span.end;
    let mut clauses = Vec::new();
    loop {
        cursor.skip_trivia();
        if cursor.at_end() {
            break;
        }
        let keyword = cursor
            .clause_keyword("event", EVENT_CLAUSES)
            .map_err(damaged(&id))?;
        let kind = match keyword.name.as_str() {
            "from" => EventClauseKind::From(cursor.date("from").map_err(damaged(&id))?),
            "to" => EventClauseKind::To(cursor.date("to").map_err(damaged(&id))?),
            "with" => EventClauseKind::With(cursor.ident_list("with").map_err(damaged(&id))?),
            "aka" => EventClauseKind::Aka(cursor.string_list("aka", ',').map_err(damaged(&id))?),
            "cite" => EventClauseKind::Cite(cursor.ident("cite").map_err(damaged(&id))?),
            _ => {
                return Err(damaged(&id)(unknown_clause(
                    &keyword,
                    "event",
                    EVENT_CLAUSES,
                    cursor.rest(),
                )));
            }
        };
        end = cursor.pos;
        clauses.push(EventClause {
            keyword: keyword.span,
            kind,
        });
    }
    Ok(Statement::Event(EventDecl {
        id,
        name,
        clauses,
        span: Span::new(start, end),
    }))
}

fn parse_fact(cursor: &mut Cursor<'_>, start: usize) -> Result<Statement, Failure> {
    let id = cursor.ident("fact")?;
    let mut end = id.span.end;
    let mut clauses = Vec::new();
    loop {
        cursor.skip_trivia();
        if cursor.at_end() {
            break;
        }
        let keyword = cursor
            .clause_keyword("fact", FACT_CLAUSES)
            .map_err(damaged(&id))?;
        let kind = parse_fact_clause(cursor, &keyword).map_err(damaged(&id))?;
        end = cursor.pos;
        clauses.push(FactClause {
            keyword: keyword.span,
            kind,
        });
    }
    Ok(Statement::Fact(FactDecl {
        id,
        clauses,
        span: Span::new(start, end),
    }))
}

fn parse_fact_clause(cursor: &mut Cursor<'_>, keyword: &Ident) -> Parsed<FactClauseKind> {
    Ok(match keyword.name.as_str() {
        "cite" => FactClauseKind::Cite(cursor.ident("cite")?),
        "event" => FactClauseKind::Event(cursor.ident("event")?),
        "when" => FactClauseKind::When(cursor.string_list("when", '|')?),
        "near" => FactClauseKind::Near(cursor.string_list("near", '|')?),
        "unless" => FactClauseKind::Unless(cursor.string_list("unless", '|')?),
        "with" => FactClauseKind::With(cursor.ident_list("with")?),
        "scope" => FactClauseKind::Scope(cursor.ident("scope")?),
        "pattern" => FactClauseKind::Pattern(cursor.string("pattern")?),
        "expect" => FactClauseKind::Expect(parse_value(cursor, keyword)?),
        "affirm" => FactClauseKind::Affirm,
        "severity" => FactClauseKind::Severity(cursor.ident("severity")?),
        "message" => FactClauseKind::Message(cursor.string("message")?),
        "tags" => FactClauseKind::Tags(cursor.ident_list("tags")?),
        "ok" | "bad" => FactClauseKind::Example(parse_example(cursor, keyword)?),
        _ => return Err(unknown_clause(keyword, "fact", FACT_CLAUSES, cursor.rest())),
    })
}

fn parse_value(cursor: &mut Cursor<'_>, keyword: &Ident) -> Parsed<ValueExpr> {
    cursor.skip_trivia();
    let Some(kind_word) = cursor.word() else {
        let mut error = cursor.expected("a value type", "expect");
        error.help = Some(format!(
            "the value types are {}",
            list_keywords(VALUE_KINDS)
        ));
        return Err(error);
    };
    let kind = match kind_word.name.as_str() {
        "date" => ValueKind::Date(cursor.date("date")?),
        "number" | "count" => ValueKind::Number {
            count: kind_word.name == "count",
            number: cursor.number(&kind_word.name)?,
        },
        "money" => {
            let currency = parse_currency(cursor)?;
            let amount = cursor.number(&currency_text(cursor, &currency))?;
            ValueKind::Money { currency, amount }
        }
        "percent" => {
            let number = cursor.number("percent")?;
            cursor.eat_percent();
            ValueKind::Percent(number)
        }
        "ordinal" => ValueKind::Ordinal(cursor.number("ordinal")?),
        "entity" => ValueKind::Entity(cursor.ident("entity")?),
        "parties" => ValueKind::Parties(cursor.ident_list("parties")?),
        "anniversary" | "duration" => {
            if cursor.eat_word("of").is_none() {
                return Err(cursor.expected("`of` and a fact id", &kind_word.name));
            }
            let fact = cursor.ident("of")?;
            if kind_word.name == "anniversary" {
                ValueKind::Anniversary(fact)
            } else {
                ValueKind::Duration(fact)
            }
        }
        "consistent" => ValueKind::Consistent(cursor.ident("consistent")?),
        _ => {
            let suggestion = super::error::closest(&kind_word.name, VALUE_KINDS);
            return Err(SyntaxError {
                kind: SyntaxErrorKind::UnknownValueType {
                    found: super::error::shorten(&kind_word.name),
                    suggestion,
                },
                span: kind_word.span,
                expected: "a value type".to_string(),
                help: Some(format!(
                    "the value types are {}",
                    list_keywords(VALUE_KINDS)
                )),
            });
        }
    };
    let tolerance = parse_tolerance(cursor)?;
    let end = tolerance
        .as_ref()
        .map_or(cursor.pos, |tolerance| tolerance.span.end);
    Ok(ValueExpr {
        kind,
        tolerance,
        span: Span::new(keyword.span.start, end),
    })
}

fn currency_text(cursor: &Cursor<'_>, currency: &CurrencyLit) -> String {
    currency
        .span
        .slice(cursor.text)
        .unwrap_or(&currency.code)
        .to_string()
}

fn parse_currency(cursor: &mut Cursor<'_>) -> Parsed<CurrencyLit> {
    cursor.skip_trivia();
    let start = cursor.pos;
    let symbol = match cursor.next_char() {
        Some('$') => Some("USD"),
        Some('€') => Some("EUR"),
        Some('£') => Some("GBP"),
        Some('¥') => Some("CNY"),
        _ => None,
    };
    if let (Some(code), Some(c)) = (symbol, cursor.next_char()) {
        cursor.pos += c.len_utf8();
        return Ok(CurrencyLit {
            code: code.to_string(),
            span: Span::new(start, cursor.pos),
        });
    }
    match cursor.word() {
        Some(word) => Ok(CurrencyLit {
            code: word.name,
            span: word.span,
        }),
        None => {
            let mut error = cursor.expected("a currency code like USD or a symbol like $", "money");
            error.help = Some(
                "write the currency before the amount: `expect money USD 1.5 billion`".to_string(),
            );
            Err(error)
        }
    }
}

fn parse_tolerance(cursor: &mut Cursor<'_>) -> Parsed<Option<ToleranceLit>> {
    if let Some(span) = cursor.eat_word("approx") {
        return Ok(Some(ToleranceLit {
            kind: ToleranceKind::Approx,
            span,
        }));
    }
    let Some(keyword) = cursor.eat_word("tolerance") else {
        return Ok(None);
    };
    let number = cursor.number("tolerance")?;
    if cursor.eat_percent() {
        return Ok(Some(ToleranceLit {
            kind: ToleranceKind::Relative(number),
            span: Span::new(keyword.start, cursor.pos),
        }));
    }
    Ok(Some(ToleranceLit {
        span: keyword.cover(number.span),
        kind: ToleranceKind::Absolute(number),
    }))
}

#[cfg(test)]
#[path = "parser_tests.rs"]
mod tests;
