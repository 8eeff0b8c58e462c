//! The query language shared by the command line and the reader's filter bar:
//! `source:`, `person:`, `date:`, `is:`, words and "quoted phrases", `-` to negate.

mod ast;
mod parse;

pub use ast::{DateBound, DateRange, DateSpec, Flag, Query, Term, TermKind};
pub use parse::{parse, QueryError};
