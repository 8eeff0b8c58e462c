//! Unit and property tests for the query language.

mod dates;
mod display;
mod errors;
mod props;
mod saved;
mod terms;

use chrono::NaiveDate;

use super::{parse, DateSpec, QueryError, TermKind};

/// The terms of a query that must parse, without spans.
fn kinds(input: &str) -> Vec<(bool, TermKind)> {
    let query = parse(input).unwrap_or_else(|error| panic!("{input:?}: {error}"));
    query
        .terms
        .into_iter()
        .map(|t| (t.negated, t.kind))
        .collect()
}

/// The one term of a query that must parse to exactly one.
fn only(input: &str) -> (bool, TermKind) {
    let mut terms = kinds(input);
    assert_eq!(terms.len(), 1, "{input:?} gave {terms:?}");
    terms.remove(0)
}

/// The date spec of a single `date:` term.
fn date(input: &str) -> DateSpec {
    match only(input) {
        (false, TermKind::Date(spec)) => spec,
        other => panic!("{input:?} gave {other:?}"),
    }
}

/// The error of a query that must fail.
fn error(input: &str) -> QueryError {
    match parse(input) {
        Ok(query) => panic!("{input:?} parsed as {query:?}"),
        Err(error) => error,
    }
}

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("test date is valid")
}

fn word(text: &str) -> TermKind {
    TermKind::Word(text.into())
}
