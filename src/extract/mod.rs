//! Values in English prose: dates, numbers, money, percentages, ordinals and their hedges.
//! (Interface stub; the real extractor lands from the `extract` branch.)

use crate::span::Span;
use crate::value::PartialDate;

#[derive(Clone, Debug)]
pub struct Options {
    pub date_order: DateOrder,
    pub dollar: String,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            date_order: DateOrder::DayFirst,
            dollar: "USD".to_string(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateOrder {
    DayFirst,
    MonthFirst,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    Date,
    Number,
    Money,
    Percent,
    Ordinal,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Date(PartialDate),
    Number(f64),
    Money { currency: String, amount: f64 },
    Percent(f64),
    Ordinal(u64),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hedge {
    About,
    Over,
    AtLeast,
    Under,
    AtMost,
    Nearly,
    Range,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Extracted {
    pub span: Span,
    pub value: Value,
    pub hedge: Option<Hedge>,
    pub hedge_text: Option<String>,
    pub hedge_span: Option<Span>,
    pub bounds: Option<(f64, f64)>,
}

impl Value {
    pub fn kind(&self) -> ValueKind {
        match self {
            Value::Date(_) => ValueKind::Date,
            Value::Number(_) => ValueKind::Number,
            Value::Money { .. } => ValueKind::Money,
            Value::Percent(_) => ValueKind::Percent,
            Value::Ordinal(_) => ValueKind::Ordinal,
        }
    }
}

impl Extracted {
    pub fn interval(&self) -> Option<(f64, f64)> {
        None
    }
}

pub fn extract(text: &str) -> Vec<Extracted> {
    extract_with(text, &Options::default())
}

pub fn extract_with(_text: &str, _options: &Options) -> Vec<Extracted> {
    Vec::new()
}
