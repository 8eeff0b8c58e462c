//! Tests for byline and dateline reading, one per shape the importer promises to handle.

use super::*;

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn parts(line: &str) -> (Option<String>, Option<String>, Option<NaiveDate>) {
    let b = parse_byline(line).unwrap_or_else(|| panic!("not read as a byline: {line:?}"));
    (b.author, b.source, b.date)
}

fn s(text: &str) -> Option<String> {
    Some(text.to_string())
}

#[test]
fn outlet_and_date() {
    let b = parse_byline("By RFE/RL December 06, 2025").unwrap();
    assert_eq!(b.raw, "By RFE/RL December 06, 2025");
    assert_eq!(
        (b.author, b.source, b.date),
        (None, s("RFE/RL"), date(2025, 12, 6))
    );
}

#[test]
fn author_and_outlet() {
    assert_eq!(
        parts("By Jane Roe, Reuters"),
        (s("Jane Roe"), s("Reuters"), None)
    );
    assert_eq!(
        parts("BY Jane Roe, Reuters"),
        (s("Jane Roe"), s("Reuters"), None)
    );
}

#[test]
fn two_authors_and_outlet() {
    assert_eq!(
        parts("By Jane Roe and John Doe, Reuters"),
        (s("Jane Roe and John Doe"), s("Reuters"), None)
    );
}

#[test]
fn author_outlet_and_date_in_one_line() {
    assert_eq!(
        parts("By Jane Roe, Reuters, Dec. 6, 2025"),
        (s("Jane Roe"), s("Reuters"), date(2025, 12, 6))
    );
    assert_eq!(
        parts("By Jane Roe | Northwind Courier | Updated 2025-12-06T10:00:00Z"),
        (s("Jane Roe"), s("Northwind Courier"), date(2025, 12, 6))
    );
}

#[test]
fn lone_name_is_author_lone_outlet_is_source() {
    assert_eq!(parts("By Jane Roe"), (s("Jane Roe"), None, None));
    assert_eq!(
        parts("By Mary-Ann O'Neil"),
        (s("Mary-Ann O'Neil"), None, None)
    );
    assert_eq!(parts("By Reuters"), (None, s("Reuters"), None));
    assert_eq!(
        parts("By Associated Press"),
        (None, s("Associated Press"), None)
    );
}

#[test]
fn role_is_not_an_outlet() {
    assert_eq!(
        parts("By Jane Roe, Staff Writer"),
        (s("Jane Roe"), None, None)
    );
}

#[test]
fn prose_is_not_a_byline() {
    for line in [
        "By the time officials arrived, the talks had ended.",
        "Bye for now",
        "By",
        "",
        "By Tuesday the ministers had met with envoys from several countries in the region to agree",
        "Nearby residents said",
    ] {
        assert_eq!(parse_byline(line), None, "line {line:?}");
    }
}

#[test]
fn dateline_with_source() {
    let d = parse_dateline("KYIV (Reuters) - Officials met on Saturday.").unwrap();
    assert_eq!(
        (d.place.as_str(), d.source.as_str(), d.date),
        ("KYIV", "Reuters", None)
    );
    let d = parse_dateline("NEW YORK, Dec. 6, 2025 (AP) — Markets rose.").unwrap();
    assert_eq!(
        (d.place.as_str(), d.source.as_str()),
        ("NEW YORK, Dec. 6, 2025", "AP")
    );
    assert_eq!(d.date, date(2025, 12, 6));
}

#[test]
fn prose_with_parenthesis_is_not_a_dateline() {
    for text in [
        "The ministry (which declined to comment) - said nothing.",
        "Kyiv (Reuters) - lower-case place",
        "KYIV (Reuters) said nothing",
        "KYIV (Reuters",
        "(Reuters) - no place",
        "",
    ] {
        assert_eq!(parse_dateline(text), None, "text {text:?}");
    }
}

proptest::proptest! {
    #[test]
    fn never_panics(line in "\\PC{0,80}") {
        let _ = parse_byline(&line);
        let _ = parse_dateline(&line);
        let _ = parse_byline(&format!("By {line}"));
    }
}

/// Regression: "By The Meridian Ledger July 09, 2025" read the outlet as an author.
#[test]
fn outlet_names_that_look_like_names_are_outlets() {
    assert_eq!(
        parts("By The Meridian Ledger July 09, 2025"),
        (None, s("The Meridian Ledger"), date(2025, 7, 9))
    );
    assert_eq!(
        parts("By Northwind Wire"),
        (None, s("Northwind Wire"), None)
    );
}
