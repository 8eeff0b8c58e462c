//! Every error, with its column, span and message.

use super::error;
use crate::query::{parse, MAX_QUERY_BYTES, MAX_QUERY_TERMS};

/// Asserts the error's span (and so its column) and that its message mentions `needle`.
fn assert_error(input: &str, span: std::ops::Range<usize>, term: &str, needle: &str) {
    let error = error(input);
    assert_eq!(error.span, span, "{input:?}: {error}");
    assert_eq!(error.column, span.start + 1, "{input:?}: {error}");
    assert_eq!(error.term, term, "{input:?}: {error}");
    assert!(error.message.contains(needle), "{input:?}: {error}");
}

#[test]
fn lone_and_double_dashes() {
    assert_error("-", 0..1, "-", "followed by a term");
    assert_error("a - b", 2..3, "-", "followed by a term");
    assert_error("--x", 0..3, "--x", "negated only once");
}

#[test]
fn unterminated_quotes_point_at_the_quote() {
    assert_error("\"abc", 0..4, "\"abc", "unterminated");
    assert_error("a -\"b c", 3..7, "-\"b c", "unterminated");
    assert_error("person:\"keir", 7..12, "person:\"keir", "unterminated");
    assert_error(
        r#""ends in escape\""#,
        0..17,
        r#""ends in escape\""#,
        "unterminated",
    );
}

#[test]
fn empty_phrases_and_values() {
    assert_error("x \"\"", 2..4, "\"\"", "empty phrase");
    assert_error("\"   \"", 0..5, "\"   \"", "empty phrase");
    assert_error("source:", 0..7, "source:", "empty value for source:");
    assert_error("-person:", 0..8, "-person:", "empty value for person:");
    assert_error(
        "person:\"\"",
        7..9,
        "person:\"\"",
        "empty value for person:",
    );
    assert_error("date:", 0..5, "date:", "empty value");
    assert_error("is:", 0..3, "is:", "empty value");
}

#[test]
fn misplaced_quotes() {
    assert_error("\"a\"b", 0..4, "\"a\"b", "after the closing quote");
    assert_error(
        "source:\"a\"b",
        0..11,
        "source:\"a\"b",
        "after the closing quote",
    );
    assert_error("it\"s\"", 0..5, "it\"s\"", "quote may only open");
    // A quote anywhere opens a quoted stretch, so a lone one mid-word never closes.
    assert_error("it\"s", 2..4, "it\"s", "unterminated");
    assert_error(
        "x source:a\"b\"",
        2..13,
        "source:a\"b\"",
        "quote may only open",
    );
}

#[test]
fn unknown_fields_name_the_valid_ones() {
    let error = error("keir -x foo:bar");
    assert_eq!(
        error.to_string(),
        "column 9: unknown field \"foo\" (fields: source, person, author, tag, date, is) in `foo:bar`"
    );
    assert_error("Foo:bar", 0..7, "Foo:bar", "\"foo\"");
    assert_error("-src:x", 0..6, "-src:x", "unknown field");
    assert_error("http:x", 0..6, "http:x", "unknown field");
}

#[test]
fn unknown_flags_list_the_valid_ones() {
    let flag = error("is:maybe");
    assert_eq!(
        flag.to_string(),
        "column 4: unknown flag \"maybe\" (is: unread, read, starred) in `is:maybe`"
    );
    assert_eq!(flag.span, 3..8);
}

#[test]
fn invalid_dates_point_at_the_value() {
    assert_error("date:2025-13-01", 5..15, "date:2025-13-01", "no month 13");
    assert_error("date:2025-02-30", 5..15, "date:2025-02-30", "no day 30");
    assert_error("date:2025-02-29", 5..15, "date:2025-02-29", "no day 29");
    assert_error("x date:soon", 7..11, "date:soon", "invalid date \"soon\"");
    assert_error(
        "date:2025-12..2025-11",
        5..21,
        "date:2025-12..2025-11",
        "after the end",
    );
    assert_error("date:..", 5..7, "date:..", "at least one end");
    assert_error("date:0d", 5..7, "date:0d", "1 to 9999");
    assert_error("date:10000w", 5..11, "date:10000w", "1 to 9999");
    assert_error(
        "date:99999999999999999999m",
        5..26,
        "date:99999999999999999999m",
        "1 to 9999",
    );
    assert_error("date:25-12-01", 5..13, "date:25-12-01", "expected one of");
    assert_error("date:2025-012", 5..13, "date:2025-012", "expected one of");
    assert_error(
        "date:2025-12-06-01",
        5..18,
        "date:2025-12-06-01",
        "expected one of",
    );
    assert_error("date:today..", 5..12, "date:today..", "expected one of");
    assert_error(
        "date:2025..2026..2027",
        5..21,
        "date:2025..2026..2027",
        "expected",
    );
    assert_error("date:-2025", 5..10, "date:-2025", "expected one of");
    assert_error("date:２０２５", 5..9, "date:２０２５", "expected one of");
}

#[test]
fn the_first_bad_term_is_reported() {
    let first = error("ok is:nope \"unterminated");
    assert_eq!(first.span, 6..10);
}

#[test]
fn error_spans_count_characters_not_bytes() {
    let unknown = error("日本 é🙂 foo:bar");
    assert_eq!((unknown.column, unknown.span), (7, 6..13));
    let unterminated = error("é \"🙂 x");
    assert_eq!((unterminated.column, unterminated.span), (3, 2..6));
}

#[test]
fn a_query_over_the_byte_limit_is_refused_naming_it() {
    let long = "x".repeat(MAX_QUERY_BYTES + 100_000);
    let e = error(&long);
    assert_eq!(e.column, MAX_QUERY_BYTES + 1);
    assert!(e.message.contains("at most 4096 bytes"), "{e}");
    assert!(
        e.to_string().len() < 200,
        "the error quotes the whole query: {e}"
    );
    // Multi-byte text is cut on a char boundary, the column counted in chars.
    let e = error(&"é".repeat(MAX_QUERY_BYTES));
    assert_eq!(e.column, MAX_QUERY_BYTES / 2 + 1);
    assert!(parse(&"a ".repeat(MAX_QUERY_BYTES / 2)).is_err());
    assert!(parse(&"x".repeat(MAX_QUERY_BYTES)).is_ok());
}

#[test]
fn a_query_over_the_term_limit_is_refused_at_the_first_extra_term() {
    let ok = "-x ".repeat(MAX_QUERY_TERMS);
    assert_eq!(parse(&ok).unwrap().terms.len(), MAX_QUERY_TERMS);
    let e = error(&"-x ".repeat(MAX_QUERY_TERMS + 1));
    assert_eq!(e.span, 3 * MAX_QUERY_TERMS..3 * MAX_QUERY_TERMS + 2);
    assert!(e.message.contains("at most 200"), "{e}");
}
