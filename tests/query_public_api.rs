//! The query language as the command line and the reader see it: through `byline::query`.

use byline::query::{parse, DateSpec, Flag, Query, Term, TermKind};
use chrono::NaiveDate;

#[test]
fn a_filter_bar_session() {
    let today = NaiveDate::from_ymd_opt(2025, 12, 10).expect("valid day");
    let query = parse("energy -source:bbc date:7d").expect("parses");
    let (_, spec) = query.dates().next().expect("a date term");
    let week = spec.range(today).expect("a range of days");
    assert_eq!(week.from, NaiveDate::from_ymd_opt(2025, 12, 4));
    assert_eq!(week.to, Some(today));

    let person = Term::new(false, TermKind::Person("Keir Starmer".into()));
    let picked = query
        .with_term(person)
        .with_term(Term::new(true, TermKind::Is(Flag::Read)));
    let text = picked.to_string();
    assert_eq!(
        text,
        "energy -source:bbc date:7d person:\"Keir Starmer\" -is:read"
    );
    assert_eq!(parse(&text).expect("reparses"), picked);

    let fewer = picked.without(0);
    assert_eq!(fewer.words().count(), 0);
    assert_eq!(
        fewer.people().collect::<Vec<_>>(),
        vec![(false, "Keir Starmer")]
    );
    assert!(Query::default().is_empty());
    assert_eq!(DateSpec::Today.to_string(), "today");
}

#[test]
fn errors_read_well_on_the_command_line() {
    let error = parse("energy date:2025-02-30").expect_err("no such day");
    assert_eq!(
        error.to_string(),
        "column 13: invalid date \"2025-02-30\": 2025-02 has no day 30 in `date:2025-02-30`"
    );
}
