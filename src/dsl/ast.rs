//! The plain-data syntax tree of one rule file, as written: nothing is resolved or checked
//! here. Every node carries a [`Span`] of byte offsets into the file's text.

use crate::span::Span;

/// One parsed rule file: the statements that parsed, in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct File {
    pub statements: Vec<Statement>,
    /// Ids of declarations that had a syntax error and were dropped; the validator does not
    /// report references to them as unknown (the syntax error already says what is wrong).
    pub damaged_ids: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Statement {
    Include(Include),
    Source(SourceDecl),
    Entity(EntityDecl),
    Event(EventDecl),
    Fact(FactDecl),
}

impl Statement {
    /// The span of the whole statement, keyword to last clause.
    pub fn span(&self) -> Span {
        match self {
            Statement::Include(include) => include.span,
            Statement::Source(source) => source.span,
            Statement::Entity(entity) => entity.span,
            Statement::Event(event) => event.span,
            Statement::Fact(fact) => fact.span,
        }
    }
}

/// An identifier (or a keyword-like word such as a severity) and where it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

/// A bracket written without a backslash inside a string: an example's marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bracket {
    /// `true` for `[`, `false` for `]`.
    pub open: bool,
    /// Byte offset of the bracket in the decoded [`StringLit::value`].
    pub at: usize,
    /// The bracket in the file.
    pub span: Span,
}

/// A string literal: the decoded text, the span of the literal (quotes included) and its
/// unescaped brackets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StringLit {
    pub value: String,
    pub span: Span,
    pub brackets: Vec<Bracket>,
    /// No escapes: byte `i` of `value` is byte `span.start + 1 + i` of the file.
    pub verbatim: bool,
}

impl StringLit {
    /// The file span of `value[at..at + len]` when the literal has no escapes; otherwise the
    /// whole literal.
    pub fn inner_span(&self, at: usize, len: usize) -> Span {
        if self.verbatim && at + len <= self.value.len() {
            Span::new(self.span.start + 1 + at, self.span.start + 1 + at + len)
        } else {
            self.span
        }
    }
}

/// A date as written; the parts are not yet checked (month 13 parses, validation rejects it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateLit {
    pub year: Option<u32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    pub span: Span,
}

/// A scale word after a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    Thousand,
    Million,
    Billion,
    Trillion,
}

impl Scale {
    pub const fn factor(self) -> f64 {
        match self {
            Scale::Thousand => 1e3,
            Scale::Million => 1e6,
            Scale::Billion => 1e9,
            Scale::Trillion => 1e12,
        }
    }
}

/// A number as written, with its scale applied in `value`.
#[derive(Clone, Debug, PartialEq)]
pub struct NumberLit {
    /// The value with separators removed and the scale applied.
    pub value: f64,
    /// The digits as written (without the scale word).
    pub digits: String,
    pub scale: Option<Scale>,
    /// Digits and scale word.
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Include {
    pub path: StringLit,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceDecl {
    pub id: Ident,
    pub title: StringLit,
    pub clauses: Vec<SourceClause>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceClause {
    pub keyword: Span,
    pub kind: SourceClauseKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceClauseKind {
    Date(DateLit),
    Url(StringLit),
    Publisher(StringLit),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityDecl {
    /// The class word as written (`country`, `organization`, …).
    pub class: Ident,
    pub id: Ident,
    pub name: StringLit,
    pub clauses: Vec<EntityClause>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityClause {
    pub keyword: Span,
    pub kind: EntityClauseKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntityClauseKind {
    Aka(Vec<StringLit>),
    Adj(Vec<StringLit>),
    Avoid(Vec<StringLit>),
    Cite(Ident),
    Title(TitleClause),
    Severity(Ident),
    Example(ExampleLit),
}

/// `title "Premier" aka "…" from DATE to DATE cite ID`; the parts after the name sit on the
/// title's line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TitleClause {
    pub name: StringLit,
    pub aliases: Vec<StringLit>,
    pub from: Option<DateLit>,
    pub to: Option<DateLit>,
    pub cite: Option<Ident>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventDecl {
    pub id: Ident,
    pub name: StringLit,
    pub clauses: Vec<EventClause>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventClause {
    pub keyword: Span,
    pub kind: EventClauseKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventClauseKind {
    From(DateLit),
    To(DateLit),
    With(Vec<Ident>),
    Aka(Vec<StringLit>),
    Cite(Ident),
}

#[derive(Clone, Debug, PartialEq)]
pub struct FactDecl {
    pub id: Ident,
    pub clauses: Vec<FactClause>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FactClause {
    pub keyword: Span,
    pub kind: FactClauseKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum FactClauseKind {
    Cite(Ident),
    Event(Ident),
    When(Vec<StringLit>),
    Near(Vec<StringLit>),
    Unless(Vec<StringLit>),
    With(Vec<Ident>),
    Scope(Ident),
    Pattern(StringLit),
    Expect(ValueExpr),
    Affirm,
    Severity(Ident),
    Message(StringLit),
    Tags(Vec<Ident>),
    Example(ExampleLit),
}

/// `ok "…"` or `bad "…"`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExampleLit {
    pub ok: bool,
    pub text: StringLit,
    /// `as of DATE`: the date the example is read as of.
    pub as_of: Option<DateLit>,
    pub span: Span,
}

/// The value after `expect`, with an optional tolerance (checked later for fitting the type).
#[derive(Clone, Debug, PartialEq)]
pub struct ValueExpr {
    pub kind: ValueKind,
    pub tolerance: Option<ToleranceLit>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ValueKind {
    Date(DateLit),
    /// `number` (count = false) or `count` (count = true).
    Number {
        count: bool,
        number: NumberLit,
    },
    Money {
        currency: CurrencyLit,
        amount: NumberLit,
    },
    Percent(NumberLit),
    Ordinal(NumberLit),
    Entity(Ident),
    Parties(Vec<Ident>),
    Anniversary(Ident),
    Duration(Ident),
    /// The type word after `consistent`, checked later.
    Consistent(Ident),
}

/// A currency as written: an ISO code (checked later) or a symbol already mapped to its code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurrencyLit {
    pub code: String,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ToleranceLit {
    pub kind: ToleranceKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ToleranceKind {
    Approx,
    Absolute(NumberLit),
    /// `tolerance 5%`: the number is the percentage as written (5).
    Relative(NumberLit),
}
