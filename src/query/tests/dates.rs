//! `date:` forms and their resolution against an injected today.

use super::super::{DateBound, DateRange, DateSpec};
use super::{date, day};

fn range(
    spec: DateSpec,
    today: chrono::NaiveDate,
) -> (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>) {
    let DateRange { from, to } = spec.range(today).unwrap();
    (from, to)
}

/// The inclusive days `spec` covers on 2025-12-10.
fn on_dec_10(spec: DateSpec) -> (Option<chrono::NaiveDate>, Option<chrono::NaiveDate>) {
    range(spec, day(2025, 12, 10))
}

#[test]
fn absolute_forms() {
    assert_eq!(date("date:2025-12-06"), DateSpec::Day(day(2025, 12, 6)));
    assert_eq!(date("date:2025-1-5"), DateSpec::Day(day(2025, 1, 5)));
    assert_eq!(
        date("date:2025-12"),
        DateSpec::Month {
            year: 2025,
            month: 12
        }
    );
    assert_eq!(date("date:2025"), DateSpec::Year(2025));
    assert_eq!(date("date:\"2025\""), DateSpec::Year(2025));
    assert_eq!(date("date:2024-02-29"), DateSpec::Day(day(2024, 2, 29)));
}

#[test]
fn keywords_and_relative_forms_ignore_case() {
    assert_eq!(date("date:today"), DateSpec::Today);
    assert_eq!(date("Date:TODAY"), DateSpec::Today);
    assert_eq!(date("date:Yesterday"), DateSpec::Yesterday);
    assert_eq!(date("date:none"), DateSpec::Unknown);
    assert_eq!(date("date:Unknown"), DateSpec::Unknown);
    assert_eq!(DateSpec::Unknown.to_string(), "none");
    assert_eq!(DateSpec::Unknown.range(day(2025, 12, 10)), None);
    assert_eq!(date("date:7d"), DateSpec::LastDays(7));
    assert_eq!(date("date:2W"), DateSpec::LastWeeks(2));
    assert_eq!(date("date:3m"), DateSpec::LastMonths(3));
    assert_eq!(date("date:9999d"), DateSpec::LastDays(9999));
}

#[test]
fn ranges_take_days_months_and_years_at_either_end() {
    assert_eq!(
        date("date:2025-12-01..2025-12-07"),
        DateSpec::Range {
            from: Some(DateBound::Day(day(2025, 12, 1))),
            to: Some(DateBound::Day(day(2025, 12, 7)))
        }
    );
    assert_eq!(
        date("date:2025-11..2025-12"),
        DateSpec::Range {
            from: Some(DateBound::Month {
                year: 2025,
                month: 11
            }),
            to: Some(DateBound::Month {
                year: 2025,
                month: 12
            })
        }
    );
    assert_eq!(
        date("date:..2025"),
        DateSpec::Range {
            from: None,
            to: Some(DateBound::Year(2025))
        }
    );
    assert_eq!(
        date("date:2025-12-05.."),
        DateSpec::Range {
            from: Some(DateBound::Day(day(2025, 12, 5))),
            to: None
        }
    );
    // A bound may sit inside the other's span: 2025-12-05 is within 2025-12.
    assert!(matches!(
        date("date:2025-12-05..2025-12"),
        DateSpec::Range { .. }
    ));
    assert!(matches!(
        date("date:2025-12-06..2025-12-06"),
        DateSpec::Range { .. }
    ));
}

#[test]
fn absolute_ranges() {
    let dec10 = day(2025, 12, 10);
    assert_eq!(
        range(DateSpec::Day(day(2025, 12, 6)), dec10),
        (Some(day(2025, 12, 6)), Some(day(2025, 12, 6)))
    );
    assert_eq!(
        on_dec_10(date("date:2024-02")),
        (Some(day(2024, 2, 1)), Some(day(2024, 2, 29)))
    );
    assert_eq!(
        on_dec_10(date("date:2025-02")),
        (Some(day(2025, 2, 1)), Some(day(2025, 2, 28)))
    );
    assert_eq!(
        on_dec_10(date("date:2025-04")),
        (Some(day(2025, 4, 1)), Some(day(2025, 4, 30)))
    );
    assert_eq!(
        on_dec_10(date("date:2025-12")),
        (Some(day(2025, 12, 1)), Some(day(2025, 12, 31)))
    );
    assert_eq!(
        on_dec_10(date("date:2025")),
        (Some(day(2025, 1, 1)), Some(day(2025, 12, 31)))
    );
    assert_eq!(
        on_dec_10(date("date:2025-11..2026")),
        (Some(day(2025, 11, 1)), Some(day(2026, 12, 31)))
    );
    assert_eq!(
        on_dec_10(date("date:..2025-06")),
        (None, Some(day(2025, 6, 30)))
    );
    assert_eq!(
        on_dec_10(date("date:2025..")),
        (Some(day(2025, 1, 1)), None)
    );
}

#[test]
fn relative_ranges_on_december_10() {
    let dec10 = Some(day(2025, 12, 10));
    assert_eq!(on_dec_10(DateSpec::Today), (dec10, dec10));
    let dec9 = Some(day(2025, 12, 9));
    assert_eq!(on_dec_10(DateSpec::Yesterday), (dec9, dec9));
    assert_eq!(on_dec_10(DateSpec::LastDays(1)), (dec10, dec10));
    assert_eq!(
        on_dec_10(DateSpec::LastDays(7)),
        (Some(day(2025, 12, 4)), dec10)
    );
    assert_eq!(
        on_dec_10(DateSpec::LastWeeks(2)),
        (Some(day(2025, 11, 27)), dec10)
    );
    assert_eq!(
        on_dec_10(DateSpec::LastMonths(3)),
        (Some(day(2025, 9, 11)), dec10)
    );
    assert_eq!(
        on_dec_10(DateSpec::LastMonths(12)),
        (Some(day(2024, 12, 11)), dec10)
    );
}

#[test]
fn relative_ranges_cross_year_boundaries() {
    let jan1 = day(2026, 1, 1);
    assert_eq!(
        range(DateSpec::Yesterday, jan1),
        (Some(day(2025, 12, 31)), Some(day(2025, 12, 31)))
    );
    assert_eq!(
        range(DateSpec::LastDays(7), jan1),
        (Some(day(2025, 12, 26)), Some(jan1))
    );
    assert_eq!(
        range(DateSpec::LastMonths(1), jan1),
        (Some(day(2025, 12, 2)), Some(jan1))
    );
}

#[test]
fn relative_months_clamp_to_month_length_and_leap_years() {
    // 2024-03-31 minus one month clamps to 2024-02-29 (leap), plus a day.
    assert_eq!(
        range(DateSpec::LastMonths(1), day(2024, 3, 31)).0,
        Some(day(2024, 3, 1))
    );
    assert_eq!(
        range(DateSpec::LastMonths(1), day(2025, 3, 31)).0,
        Some(day(2025, 3, 1))
    );
    assert_eq!(
        range(DateSpec::LastMonths(1), day(2025, 3, 27)).0,
        Some(day(2025, 2, 28))
    );
    assert_eq!(
        range(DateSpec::LastMonths(12), day(2024, 2, 29)).0,
        Some(day(2023, 3, 1))
    );
    assert_eq!(
        range(DateSpec::Yesterday, day(2024, 3, 1)).0,
        Some(day(2024, 2, 29))
    );
    assert_eq!(
        range(DateSpec::LastDays(2), day(2025, 3, 1)).0,
        Some(day(2025, 2, 28))
    );
}

#[test]
fn out_of_reach_ends_are_left_open_not_panicked() {
    let earliest = chrono::NaiveDate::MIN;
    assert_eq!(range(DateSpec::Yesterday, earliest), (None, None));
    assert_eq!(
        range(DateSpec::LastDays(9999), earliest),
        (None, Some(earliest))
    );
    assert_eq!(
        range(DateSpec::LastMonths(9999), earliest),
        (None, Some(earliest))
    );
    let impossible = DateSpec::Month {
        year: 2025,
        month: 13,
    };
    assert_eq!(range(impossible, day(2025, 1, 1)), (None, None));
    assert_eq!(
        range(DateSpec::LastDays(0), day(2025, 1, 1)).0,
        Some(day(2025, 1, 1))
    );
}

#[test]
fn date_range_contains() {
    let week = DateSpec::LastDays(7).range(day(2025, 12, 10)).unwrap();
    assert!(week.contains(day(2025, 12, 4)));
    assert!(week.contains(day(2025, 12, 10)));
    assert!(!week.contains(day(2025, 12, 3)));
    assert!(!week.contains(day(2025, 12, 11)));
    let open = DateRange {
        from: None,
        to: None,
    };
    assert!(open.contains(day(1900, 1, 1)));
}
