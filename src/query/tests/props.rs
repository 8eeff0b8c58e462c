//! Properties: parsing never panics, spans are sane, and printing round-trips.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::super::lex::is_bare_word;
use super::super::{parse, DateBound, DateSpec, Flag, Query, Term, TermKind};

/// Input biased towards the characters the grammar cares about.
fn query_like_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_string()),
        Just("\\".to_string()),
        Just("-".to_string()),
        Just(":".to_string()),
        Just("..".to_string()),
        Just(" ".to_string()),
        Just("source:".to_string()),
        Just("date:".to_string()),
        Just("is:".to_string()),
        Just("@".to_string()),
        "[a-z0-9é日🙂]{1,4}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..16).prop_map(|pieces| pieces.concat())
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (0..=9999i32, 1..=12u32, 1..=31u32)
        .prop_filter_map("real day", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
}

fn bound() -> impl Strategy<Value = DateBound> {
    prop_oneof![
        date().prop_map(DateBound::Day),
        (0..=9999i32, 1..=12u32).prop_map(|(year, month)| DateBound::Month { year, month }),
        (0..=9999i32).prop_map(DateBound::Year),
    ]
}

fn date_spec() -> impl Strategy<Value = DateSpec> {
    let ordered = |from: Option<DateBound>, to: Option<DateBound>| match (from, to) {
        (Some(a), Some(b)) => a.first_day() <= b.last_day(),
        (None, None) => false,
        _ => true,
    };
    prop_oneof![
        date().prop_map(DateSpec::Day),
        (0..=9999i32, 1..=12u32).prop_map(|(year, month)| DateSpec::Month { year, month }),
        (0..=9999i32).prop_map(DateSpec::Year),
        (prop::option::of(bound()), prop::option::of(bound()))
            .prop_filter("ordered, not empty", move |(from, to)| ordered(*from, *to))
            .prop_map(|(from, to)| DateSpec::Range { from, to }),
        Just(DateSpec::Today),
        Just(DateSpec::Yesterday),
        (1..=9999u32).prop_map(DateSpec::LastDays),
        (1..=9999u32).prop_map(DateSpec::LastWeeks),
        (1..=9999u32).prop_map(DateSpec::LastMonths),
        Just(DateSpec::Unknown),
    ]
}

/// Any text with something besides whitespace: what quotes can carry.
fn non_blank() -> impl Strategy<Value = String> {
    any::<String>().prop_filter("not blank", |text| !text.trim().is_empty())
}

fn term_kind() -> impl Strategy<Value = TermKind> {
    prop_oneof![
        "[^\\s\"]{1,10}"
            .prop_filter("bare word", |w| is_bare_word(w))
            .prop_map(TermKind::Word),
        "https?://[a-z./]{1,8}".prop_map(TermKind::Word),
        non_blank().prop_map(TermKind::Phrase),
        non_blank().prop_map(TermKind::Source),
        non_blank().prop_map(TermKind::Person),
        non_blank().prop_map(TermKind::Author),
        date_spec().prop_map(TermKind::Date),
        prop::sample::select(Flag::ALL.to_vec()).prop_map(TermKind::Is),
        "[a-zA-Z0-9_é-]{1,12}".prop_map(TermKind::Saved),
    ]
}

fn query() -> impl Strategy<Value = Query> {
    // `-@name` is refused: a saved search is never negated.
    let term = (any::<bool>(), term_kind()).prop_map(|(negated, kind)| {
        let negated = negated && !matches!(kind, TermKind::Saved(_));
        Term::new(negated, kind)
    });
    prop::collection::vec(term, 0..6).prop_map(|terms| Query { terms })
}

fn check_spans(input: &str, query: &Query) -> Result<(), TestCaseError> {
    let length = input.chars().count();
    let mut previous_end = 0;
    for term in &query.terms {
        prop_assert!(term.span.start < term.span.end, "empty span in {input:?}");
        prop_assert!(term.span.end <= length, "span past the end in {input:?}");
        prop_assert!(previous_end <= term.span.start, "overlap in {input:?}");
        previous_end = term.span.end;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parse_never_panics_on_arbitrary_text(input in any::<String>()) {
        if let Ok(query) = parse(&input) {
            check_spans(&input, &query)?;
        }
    }

    #[test]
    fn parses_have_sane_spans_and_errors_stay_in_bounds(input in query_like_text()) {
        let length = input.chars().count();
        match parse(&input) {
            Ok(query) => check_spans(&input, &query)?,
            Err(error) => {
                prop_assert!(error.span.start < error.span.end, "{input:?}: {error}");
                prop_assert!(error.span.end <= length, "{input:?}: {error}");
                prop_assert_eq!(error.column, error.span.start + 1);
            }
        }
    }

    #[test]
    fn printing_then_parsing_round_trips(query in query()) {
        let printed = query.to_string();
        let reparsed = parse(&printed)
            .map_err(|error| TestCaseError::fail(format!("{printed:?}: {error}")))?;
        let kinds = |q: &Query| q.terms.iter().map(|t| (t.negated, t.kind.clone())).collect::<Vec<_>>();
        prop_assert_eq!(kinds(&reparsed), kinds(&query), "printed as {:?}", printed);
        prop_assert_eq!(reparsed, query.respanned());
    }

    #[test]
    fn successful_parses_print_to_a_fixed_point(input in query_like_text()) {
        if let Ok(query) = parse(&input) {
            let printed = query.to_string();
            let reparsed = parse(&printed)
                .map_err(|error| TestCaseError::fail(format!("{printed:?}: {error}")))?;
            prop_assert_eq!(reparsed.to_string(), printed);
        }
    }

    #[test]
    fn ranges_never_panic_and_stay_ordered(spec in date_spec(), today in date()) {
        let Some(range) = spec.range(today) else {
            prop_assert_eq!(spec, DateSpec::Unknown);
            return Ok(());
        };
        if let (Some(from), Some(to)) = (range.from, range.to) {
            prop_assert!(from <= to, "{spec} on {today}: {from}..{to}");
        }
    }
}
