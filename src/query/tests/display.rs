//! The canonical printed form, and the helpers the store and reader use.

use super::super::{parse, DateSpec, Flag, Query, Term, TermKind};
use super::word;

fn canonical(input: &str) -> String {
    parse(input).expect("parses").to_string()
}

#[test]
fn printing_normalises_spacing_case_and_quotes() {
    assert_eq!(canonical("  a   Source:BBC  "), "a source:BBC");
    assert_eq!(canonical("source:\"bbc\""), "source:bbc");
    assert_eq!(
        canonical("person:\"keir starmer\""),
        "person:\"keir starmer\""
    );
    assert_eq!(canonical("-\"say \\\"hi\\\"\""), "-\"say \\\"hi\\\"\"");
    assert_eq!(canonical("\"a\\b\""), "\"a\\\\b\"");
    assert_eq!(canonical("source:a:b"), "source:\"a:b\"");
    assert_eq!(canonical("source:-x"), "source:\"-x\"");
    assert_eq!(canonical("IS:Starred date:TODAY"), "is:starred date:today");
    assert_eq!(canonical("https://x.org 10:30"), "https://x.org 10:30");
}

#[test]
fn dates_print_zero_padded() {
    assert_eq!(canonical("date:2025-1-5"), "date:2025-01-05");
    assert_eq!(canonical("date:2025-3"), "date:2025-03");
    assert_eq!(
        canonical("date:2025-3..2025-04-1"),
        "date:2025-03..2025-04-01"
    );
    assert_eq!(
        canonical("date:..2025 date:2025.."),
        "date:..2025 date:2025.."
    );
    assert_eq!(
        canonical("date:7D date:2w date:3m date:yesterday"),
        "date:7d date:2w date:3m date:yesterday"
    );
}

#[test]
fn words_that_cannot_be_bare_print_as_phrases() {
    for text in ["-x", "foo:bar", "a b", "it\"s", ""] {
        let printed = TermKind::Word(text.into()).to_string();
        assert!(printed.starts_with('"'), "{text:?} printed as {printed}");
    }
    assert_eq!(TermKind::Source(String::new()).to_string(), "source:\"\"");
}

#[test]
fn is_empty_with_term_and_without() {
    let query = parse("a -source:bbc").expect("parses");
    assert!(!query.is_empty());
    let person = Term::new(false, TermKind::Person("Keir Starmer".into()));
    let added = query.with_term(person);
    assert_eq!(added.to_string(), "a -source:bbc person:\"Keir Starmer\"");
    assert_eq!(added.terms[2].span, 14..35);
    let removed = added.without(1);
    assert_eq!(removed.to_string(), "a person:\"Keir Starmer\"");
    let spans: Vec<_> = removed.terms.iter().map(|t| t.span.clone()).collect();
    assert_eq!(spans, vec![0..1, 2..23]);
    assert_eq!(removed.without(9), removed);
    assert!(Query::default().without(0).is_empty());
}

#[test]
fn respanned_spans_match_a_fresh_parse() {
    let query = parse("  é   -\"日本 語\"  date:7d ")
        .expect("parses")
        .respanned();
    assert_eq!(parse(&query.to_string()).expect("reparses"), query);
}

#[test]
fn term_at_finds_the_chip_under_the_cursor() {
    let query = parse("ab  source:x").expect("parses");
    assert_eq!(query.term_at(0), Some(0));
    assert_eq!(query.term_at(2), Some(0));
    assert_eq!(query.term_at(3), None);
    assert_eq!(query.term_at(4), Some(1));
    assert_eq!(query.term_at(12), Some(1));
    assert_eq!(query.term_at(13), None);
}

#[test]
fn iterators_by_kind() {
    let query = parse("w -\"p q\" source:a -source:b person:\"K S\" date:today -is:read -w2")
        .expect("parses");
    assert_eq!(
        query.words().collect::<Vec<_>>(),
        vec![(false, "w"), (true, "w2")]
    );
    assert_eq!(query.phrases().collect::<Vec<_>>(), vec![(true, "p q")]);
    assert_eq!(
        query.sources().collect::<Vec<_>>(),
        vec![(false, "a"), (true, "b")]
    );
    assert_eq!(query.people().collect::<Vec<_>>(), vec![(false, "K S")]);
    assert_eq!(
        query.dates().collect::<Vec<_>>(),
        vec![(false, DateSpec::Today)]
    );
    assert_eq!(query.flags().collect::<Vec<_>>(), vec![(true, Flag::Read)]);
    assert!(query.contains(true, &TermKind::Source("b".into())));
    assert!(!query.contains(false, &TermKind::Source("b".into())));
    assert!(query.contains(false, &word("w")));
}
