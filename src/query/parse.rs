//! Parsing query text into a [`Query`], with errors that name the bad term and its column.

use std::ops::Range;

use super::ast::{Flag, Query, Term, TermKind};
use super::date::parse_date;
use super::lex::{self, FIELDS};

/// A query that could not be parsed: which term, where, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("column {column}: {message} in `{term}`")]
pub struct QueryError {
    /// 1-based character column of the bad part; always `span.start + 1`.
    pub column: usize,
    /// Character offsets of the bad part, 0-based, `start..end`: the value for a bad value,
    /// the quote to the end of input for an unterminated quote, otherwise the whole term.
    pub span: Range<usize>,
    /// The whole bad term as typed (negation included).
    pub term: String,
    pub message: String,
}

/// The longest query text accepted, in bytes: a longer one is refused, not searched.
pub const MAX_QUERY_BYTES: usize = 4096;
/// The most terms a query may hold: SQLite refuses about a thousand ("Expression tree is too
/// large") and tens of thousands of words take minutes.
pub const MAX_QUERY_TERMS: usize = 200;

/// How much of the text past a limit an error quotes.
const EXCERPT_CHARS: usize = 24;

/// Parses query text. Never panics; every input either parses or yields a [`QueryError`].
/// Text over [`MAX_QUERY_BYTES`] or with more than [`MAX_QUERY_TERMS`] terms is refused.
pub fn parse(input: &str) -> Result<Query, QueryError> {
    let chars: Vec<char> = input.chars().collect();
    if input.len() > MAX_QUERY_BYTES {
        return Err(too_long(input, &chars));
    }
    let mut terms = Vec::new();
    let mut start = 0;
    loop {
        while chars.get(start).is_some_and(|c| c.is_whitespace()) {
            start += 1;
        }
        if start >= chars.len() {
            return Ok(Query { terms });
        }
        let end = lex::term_end(&chars, start).map_err(|quote| {
            let input_end = chars.len();
            let message = "unterminated quote".to_string();
            TermText::new(&chars, start..input_end).error(quote..input_end, message)
        })?;
        let text = TermText::new(&chars, start..end);
        if terms.len() == MAX_QUERY_TERMS {
            return Err(text.term_error(format!(
                "too many terms: a query holds at most {MAX_QUERY_TERMS}"
            )));
        }
        terms.push(parse_term(&text)?);
        start = end;
    }
}

/// The error for text over [`MAX_QUERY_BYTES`]: it points at the first char past the limit and
/// quotes only a little of what follows.
fn too_long(input: &str, chars: &[char]) -> QueryError {
    let at = input
        .char_indices()
        .take_while(|(i, c)| i + c.len_utf8() <= MAX_QUERY_BYTES)
        .count();
    let mut term: String = chars[at..].iter().take(EXCERPT_CHARS).collect();
    if chars.len() - at > EXCERPT_CHARS {
        term.push('…');
    }
    QueryError {
        column: at + 1,
        span: at..chars.len(),
        term,
        message: format!(
            "the query is {} bytes long; a query holds at most {MAX_QUERY_BYTES} bytes",
            input.len()
        ),
    }
}

/// One whitespace-delimited term of the input, with its place there.
struct TermText<'a> {
    chars: &'a [char],
    span: Range<usize>,
}

impl<'a> TermText<'a> {
    fn new(chars: &'a [char], span: Range<usize>) -> Self {
        TermText { chars, span }
    }

    /// An error about the part `span` (absolute offsets) of this term.
    fn error(&self, span: Range<usize>, message: String) -> QueryError {
        QueryError {
            column: span.start + 1,
            span,
            term: self.chars[self.span.clone()].iter().collect(),
            message,
        }
    }

    /// An error about the whole term.
    fn term_error(&self, message: impl Into<String>) -> QueryError {
        self.error(self.span.clone(), message.into())
    }

    fn text(&self, range: Range<usize>) -> String {
        self.chars[range].iter().collect()
    }
}

fn parse_term(term: &TermText) -> Result<Term, QueryError> {
    let Range { start, end } = term.span.clone();
    let negated = term.chars[start] == '-';
    let body = if negated { start + 1 } else { start };
    let kind = match term.chars.get(body) {
        _ if body == end => {
            return Err(term.term_error("`-` must be followed by a term to exclude"))
        }
        Some('-') => return Err(term.term_error("a term can be negated only once")),
        Some('"') => TermKind::Phrase(parse_quoted(term, body, "phrase")?),
        Some('@') => parse_saved(term, negated, body)?,
        _ => parse_field_or_word(term, body)?,
    };
    let span = term.span.clone();
    Ok(Term {
        negated,
        kind,
        span,
    })
}

/// The quoted string opening at `open`, which must run to the end of the term and hold
/// something besides whitespace.
fn parse_quoted(term: &TermText, open: usize, what: &str) -> Result<String, QueryError> {
    let quoted = lex::scan_quoted(term.chars, open)
        .ok_or_else(|| term.error(open..term.span.end, "unterminated quote".into()))?;
    if quoted.end != term.span.end {
        return Err(term.term_error("text after the closing quote (add a space)"));
    }
    if quoted.text.trim().is_empty() {
        return Err(term.error(open..quoted.end, format!("empty {what}")));
    }
    Ok(quoted.text)
}

fn parse_field_or_word(term: &TermText, body: usize) -> Result<TermKind, QueryError> {
    let end = term.span.end;
    let Some(name_len) = lex::field_prefix_len(&term.chars[body..end]) else {
        return parse_word(term, body);
    };
    let name = term.text(body..body + name_len).to_ascii_lowercase();
    let value_start = body + name_len + 1;
    if lex::is_url_like(&name, &term.chars[value_start..end]) {
        return parse_word(term, body);
    }
    if !lex::is_known_field(&name) {
        let fields = FIELDS.join(", ");
        return Err(term.term_error(format!("unknown field \"{name}\" (fields: {fields})")));
    }
    let value = parse_value(term, &name, value_start)?;
    let value_span = value_start..end;
    match name.as_str() {
        "source" => Ok(TermKind::Source(value)),
        "person" => Ok(TermKind::Person(value)),
        "author" => Ok(TermKind::Author(value)),
        "tag" => Ok(TermKind::Tag(value)),
        "date" => parse_date(&value)
            .map(TermKind::Date)
            .map_err(|message| term.error(value_span, message)),
        _ => parse_flag(&value)
            .map(TermKind::Is)
            .map_err(|message| term.error(value_span, message)),
    }
}

/// A field's value, bare or quoted, starting at `start` and running to the end of the term.
fn parse_value(term: &TermText, field: &str, start: usize) -> Result<String, QueryError> {
    let end = term.span.end;
    match term.chars.get(start) {
        _ if start == end => Err(term.term_error(format!("empty value for {field}:"))),
        Some('"') => parse_quoted(term, start, &format!("value for {field}:")),
        _ if term.chars[start..end].contains(&'"') => Err(misplaced_quote(term)),
        _ => Ok(term.text(start..end)),
    }
}

fn parse_word(term: &TermText, body: usize) -> Result<TermKind, QueryError> {
    let range = body..term.span.end;
    if term.chars[range.clone()].contains(&'"') {
        return Err(misplaced_quote(term));
    }
    Ok(TermKind::Word(term.text(range)))
}

/// `@NAME`: a saved search. It cannot be negated (its terms are ANDed, and a negated AND is
/// not a condition the store compiles); to search for text starting with `@`, quote it.
fn parse_saved(term: &TermText, negated: bool, body: usize) -> Result<TermKind, QueryError> {
    let name = term.text(body + 1..term.span.end);
    if negated {
        return Err(term.term_error("a saved search cannot be negated"));
    }
    if name.is_empty() {
        return Err(term.term_error(
            "`@` must be followed by the name of a saved search (quote \"@\" to search for it)",
        ));
    }
    if !lex::is_saved_name(&name) {
        return Err(term.error(
            body + 1..term.span.end,
            format!(
                "a saved search's name holds only letters, digits, - and _ (at most {} of them; \
                 quote the term to search for the text)",
                lex::MAX_SAVED_NAME
            ),
        ));
    }
    Ok(TermKind::Saved(name))
}

fn misplaced_quote(term: &TermText) -> QueryError {
    term.term_error("a quote may only open a phrase or a value (quote the whole term)")
}

fn parse_flag(value: &str) -> Result<Flag, String> {
    Flag::ALL
        .into_iter()
        .find(|flag| flag.name().eq_ignore_ascii_case(value))
        .ok_or_else(|| {
            let names: Vec<&str> = Flag::ALL.iter().map(|flag| flag.name()).collect();
            format!("unknown flag \"{value}\" (is: {})", names.join(", "))
        })
}
