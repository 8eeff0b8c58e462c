//! `@NAME`, a saved search: parsing, printing and its errors.

use super::{error, kinds, only};
use crate::query::{is_saved_name, parse, TermKind};

#[test]
fn at_names_parse_to_saved_searches_beside_other_terms() {
    assert_eq!(only("@ukraine"), (false, TermKind::Saved("ukraine".into())));
    assert_eq!(
        kinds("@my-news_2 date:7d"),
        vec![
            (false, TermKind::Saved("my-news_2".into())),
            (false, TermKind::Date(crate::query::DateSpec::LastDays(7))),
        ]
    );
    assert_eq!(only("@Київ").1, TermKind::Saved("Київ".into()));
    // A quoted `@` is text, and an `@` inside a word is part of it.
    assert_eq!(only("\"@bbc\"").1, TermKind::Phrase("@bbc".into()));
    assert_eq!(
        only("me@example.org").1,
        TermKind::Word("me@example.org".into())
    );
}

#[test]
fn saved_searches_print_as_typed_and_words_opening_with_at_print_quoted() {
    let query = parse("@ukraine  -source:bbc").unwrap();
    assert_eq!(query.to_string(), "@ukraine -source:bbc");
    let word = crate::query::Term::new(false, TermKind::Word("@x".into()));
    assert_eq!(word.to_string(), "\"@x\"");
    assert_eq!(query.respanned().terms[0].span, 0..8);
}

#[test]
fn bad_saved_search_terms_name_their_column() {
    let lone = error("a @");
    assert_eq!((lone.column, lone.term.as_str()), (3, "@"));
    assert!(lone.message.contains("name of a saved search"), "{lone}");
    let negated = error("x -@ukraine");
    assert_eq!((negated.column, negated.span.clone()), (3, 2..11));
    assert!(negated.message.contains("cannot be negated"), "{negated}");
    let bad = error("@a.b");
    assert_eq!((bad.column, bad.span.clone()), (2, 1..4));
    assert!(bad.message.contains("letters, digits"), "{bad}");
}

#[test]
fn names_are_letters_digits_dashes_and_underscores() {
    for good in ["a", "ukraine-war", "x_1", "Ümlaut"] {
        assert!(is_saved_name(good), "{good}");
    }
    for bad in ["", "a b", "a.b", "@a", "a:b", &"x".repeat(65)] {
        assert!(!is_saved_name(bad), "{bad}");
    }
}
