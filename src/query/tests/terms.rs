//! Every term form that parses, with its spans.

use super::super::{parse, Flag, TermKind};
use super::{kinds, only, word};

#[test]
fn empty_and_blank_queries_have_no_terms() {
    assert!(parse("").expect("empty").is_empty());
    assert!(parse("  \t\n ").expect("blank").is_empty());
}

#[test]
fn words_are_anded_in_order() {
    assert_eq!(
        kinds("  ukraine   energy\tprices "),
        vec![
            (false, word("ukraine")),
            (false, word("energy")),
            (false, word("prices"))
        ]
    );
}

#[test]
fn a_leading_dash_negates_any_term() {
    assert_eq!(only("-word"), (true, word("word")));
    assert_eq!(
        only("-source:rferl"),
        (true, TermKind::Source("rferl".into()))
    );
    assert_eq!(
        only("-\"a phrase\""),
        (true, TermKind::Phrase("a phrase".into()))
    );
    assert_eq!(only("-is:read"), (true, TermKind::Is(Flag::Read)));
}

#[test]
fn a_dash_inside_a_word_is_part_of_it() {
    assert_eq!(only("well-known"), (false, word("well-known")));
    assert_eq!(only("-x-"), (true, word("x-")));
}

#[test]
fn phrases_keep_inner_spaces_and_resolve_escapes() {
    assert_eq!(
        only("\"keir starmer\""),
        (false, TermKind::Phrase("keir starmer".into()))
    );
    assert_eq!(
        only(r#""say \"hi\"""#),
        (false, TermKind::Phrase("say \"hi\"".into()))
    );
    assert_eq!(only(r#""a\\b""#), (false, TermKind::Phrase("a\\b".into())));
    assert_eq!(only(r#""a\b""#), (false, TermKind::Phrase("a\\b".into())));
    assert_eq!(
        only("\" padded \""),
        (false, TermKind::Phrase(" padded ".into()))
    );
}

#[test]
fn source_and_person_take_bare_or_quoted_values() {
    assert_eq!(
        only("source:rferl"),
        (false, TermKind::Source("rferl".into()))
    );
    assert_eq!(
        only("source:\"RFE/RL\""),
        (false, TermKind::Source("RFE/RL".into()))
    );
    assert_eq!(
        only("person:starmer"),
        (false, TermKind::Person("starmer".into()))
    );
    assert_eq!(
        only("person:\"keir starmer\""),
        (false, TermKind::Person("keir starmer".into()))
    );
}

#[test]
fn field_names_ignore_case_and_values_keep_theirs() {
    assert_eq!(only("Source:BBC"), (false, TermKind::Source("BBC".into())));
    assert_eq!(
        only("PERSON:Macron"),
        (false, TermKind::Person("Macron".into()))
    );
    assert_eq!(only("IS:Starred"), (false, TermKind::Is(Flag::Starred)));
}

#[test]
fn a_value_keeps_later_colons() {
    assert_eq!(only("source:a:b"), (false, TermKind::Source("a:b".into())));
}

#[test]
fn flags() {
    assert_eq!(only("is:unread"), (false, TermKind::Is(Flag::Unread)));
    assert_eq!(only("is:read"), (false, TermKind::Is(Flag::Read)));
    assert_eq!(only("is:starred"), (false, TermKind::Is(Flag::Starred)));
    assert_eq!(only("is:\"read\""), (false, TermKind::Is(Flag::Read)));
}

#[test]
fn colons_that_are_not_letter_fields_stay_in_words() {
    assert_eq!(only("10:30"), (false, word("10:30")));
    assert_eq!(only("a1:b"), (false, word("a1:b")));
    assert_eq!(only("é:x"), (false, word("é:x")));
    assert_eq!(only(":x"), (false, word(":x")));
    assert_eq!(
        only("https://example.org/a?b=c"),
        (false, word("https://example.org/a?b=c"))
    );
    assert_eq!(
        only("\"foo:bar\""),
        (false, TermKind::Phrase("foo:bar".into()))
    );
}

#[test]
fn spans_are_character_offsets_including_the_dash() {
    let query = parse("é  -source:\"RFE/RL\" 日本語 🙂x").expect("parses");
    let spans: Vec<_> = query.terms.iter().map(|t| t.span.clone()).collect();
    assert_eq!(spans, vec![0..1, 3..19, 20..23, 24..26]);
}

#[test]
fn a_mixed_query() {
    assert_eq!(
        kinds("person:\"keir starmer\" -source:bbc date:7d is:unread energy"),
        vec![
            (false, TermKind::Person("keir starmer".into())),
            (true, TermKind::Source("bbc".into())),
            (false, TermKind::Date(super::super::DateSpec::LastDays(7))),
            (false, TermKind::Is(Flag::Unread)),
            (false, word("energy")),
        ]
    );
}
