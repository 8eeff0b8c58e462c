//! A query given as command-line arguments: `byline list person:blair source:bbc` is one query,
//! and among several arguments one the shell kept whole (`'person:Tony Blair'`, `'peace talks'`)
//! stays one term. A single argument is the whole query as written (`byline list "a b"`), so
//! error columns point into what the user typed.

use super::lex::FIELDS;

/// The query text the arguments spell: one argument as written; several joined by spaces, each
/// one holding a space quoted (its value after `field:`, else the whole argument), unless it
/// already holds a quote or is itself a query of several fields (`'person:x source:y'`).
pub fn from_args(args: &[String]) -> String {
    if let [only] = args {
        return only.clone();
    }
    args.iter()
        .map(|arg| quoted(arg))
        .collect::<Vec<_>>()
        .join(" ")
}

fn quoted(arg: &str) -> String {
    if !arg.chars().any(char::is_whitespace) || arg.contains('"') || holds_fields(arg) {
        return arg.to_string();
    }
    let (neg, rest) = match arg.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", arg),
    };
    match rest.split_once(':') {
        Some((field, value)) if FIELDS.contains(&field.to_ascii_lowercase().as_str()) => {
            format!("{neg}{field}:\"{}\"", value.trim())
        }
        _ => format!("{neg}\"{}\"", rest.trim()),
    }
}

/// Whether a word after the first starts a field (`source:`), so the argument is a whole query.
fn holds_fields(arg: &str) -> bool {
    arg.split_whitespace().skip(1).any(|word| {
        let word = word.trim_start_matches('-');
        word.split_once(':')
            .is_some_and(|(field, _)| FIELDS.contains(&field.to_ascii_lowercase().as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{parse, TermKind};

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn arguments_are_one_query_and_a_spaced_argument_one_term() {
        let text = from_args(&args(&[
            "person:Tony Blair",
            "source:bbc",
            "peace talks",
            "-date:2025",
        ]));
        assert_eq!(
            text,
            "person:\"Tony Blair\" source:bbc \"peace talks\" -date:2025"
        );
        let q = parse(&text).unwrap();
        assert_eq!(q.terms.len(), 4);
        assert_eq!(q.terms[0].kind, TermKind::Person("Tony Blair".into()));
        assert_eq!(q.terms[2].kind, TermKind::Phrase("peace talks".into()));
        assert!(q.terms[3].negated);
    }

    #[test]
    fn quoted_or_single_word_arguments_are_left_as_written() {
        assert_eq!(
            from_args(&args(&["person:\"A B\"", "x"])),
            "person:\"A B\" x"
        );
        assert_eq!(
            from_args(&args(&["-harbour strike", "x"])),
            "-\"harbour strike\" x"
        );
        assert_eq!(from_args(&args(&["url:a b", "x"])), "\"url:a b\" x");
        assert_eq!(from_args(&[]), "");
    }

    #[test]
    fn one_argument_is_the_query_as_written_and_a_query_argument_is_not_quoted() {
        assert_eq!(from_args(&args(&["peace talks"])), "peace talks");
        assert_eq!(
            from_args(&args(&["person:blair -source:bbc", "date:2025"])),
            "person:blair -source:bbc date:2025"
        );
    }
}
