//! The query language shared by the command line and the reader's filter bar:
//! `source:`, `person:`, `date:`, `is:`, words and "quoted phrases", `-` to negate.
//!
//! # Grammar
//!
//! A query is a list of terms separated by whitespace; an article must match every term.
//! An empty query matches everything.
//!
//! | Term                      | Meaning                                                   |
//! |---------------------------|-----------------------------------------------------------|
//! | `word`                    | the word in the title or body                             |
//! | `"a phrase"`              | the phrase in the title or body                           |
//! | `source:NAME`             | from that outlet (name, alias or domain)                  |
//! | `person:NAME`             | mentions that person (name or alias)                      |
//! | `date:SPEC`               | published within SPEC (see below)                         |
//! | `is:unread` `is:read` `is:starred` | by reading state                                 |
//! | `@NAME`                   | the saved search NAME (`byline search save`), not negatable |
//! | `-TERM`                   | any term negated: `-source:rferl`, `-word`, `-"a phrase"` |
//!
//! - **Quotes.** A `"` may open a phrase (`"keir starmer"`) or a field value
//!   (`source:"RFE/RL"`, `person:"keir starmer"`). Inside quotes, `\"` is a quote and `\\` a
//!   backslash; any other backslash is literal. A quote must close before the term ends
//!   (`"a"b` is an error: add a space), and a quote in the middle of a bare word is an error.
//!   An unterminated quote is an error pointing at the quote.
//! - **Empty things are errors**: a lone `-`, a doubled `--x`, an empty or blank phrase
//!   (`""`, `"  "`), and an empty field value (`source:`, `person:""`).
//! - **Fields.** Only an ASCII-letters prefix followed by `:` is a field, and its name is
//!   case-insensitive (`Source:rferl`). There are no short aliases. An unknown field
//!   (`foo:bar`) is an error naming the valid fields, except that `scheme://…` is a word, so
//!   URLs can be pasted. Other colons are part of a word (`10:30`, `a1:b`); to search for
//!   text like `foo:bar`, quote it: `"foo:bar"`. A field value keeps any later colons
//!   (`source:a:b` is the source `a:b`).
//! - **Saved searches.** `@NAME` (letters, digits, `-`, `_`) stands for the saved query of that
//!   name; the store expands it before compiling, refusing an unknown name or a search that
//!   refers to itself. It cannot be negated. A term opening with `@` is always one (quote
//!   `"@text"` to search for the text).
//! - **Dates** (`date:` values, keywords case-insensitive). Each range is inclusive in days:
//!   - `2025-12-06` a day, `2025-12` a month, `2025` a year (four-digit years; month and
//!     day may have one or two digits);
//!   - `A..B`, `A..`, `..B`: from the first day of `A` to the last day of `B`, each end a
//!     day, month or year (`2025-11..2025-12`); `A` after `B` is an error;
//!   - `today`, `yesterday`;
//!   - `7d` the last 7 days including today, `2w` the last 14 days including today,
//!     `3m` the day after the same day-of-month 3 months ago (clamped to that month's
//!     length) through today: with today 2025-12-10, `3m` is 2025-09-11..2025-12-10.
//!     Counts run from 1 to 9999.
//!
//!   Relative dates are resolved by [`DateSpec::range`] against a `today` the caller
//!   passes in; this module never reads the clock.
//! - **Errors** ([`QueryError`]) carry the whole bad term and a 0-based character span of
//!   the part to underline: the value for a bad value (`date:soon`, `is:maybe`), from the
//!   quote to the end of input for an unterminated quote, otherwise the whole term.
//!   `column` is always `span.start + 1`. Offsets count characters, not bytes.
//! - **Printing.** `Display` gives a canonical form that parses back to the same terms:
//!   single spaces, lower-case field names, values quoted only when needed (spaces, quotes,
//!   a leading `-`, a colon, empty). A `Word` that could not have been parsed as a bare word
//!   prints as a phrase.

mod args;
mod ast;
mod date;
mod display;
mod edit;
mod lex;
mod parse;

#[cfg(test)]
mod tests;

pub use args::from_args;
pub use ast::{DateBound, DateRange, DateSpec, Flag, Query, Term, TermKind};
pub use lex::{is_saved_name, MAX_SAVED_NAME};
pub use parse::{parse, QueryError, MAX_QUERY_BYTES, MAX_QUERY_TERMS};
