//! `date:` values: parsing the text after `date:` into a [`DateSpec`], and resolving a
//! spec into inclusive days against an injected `today` (this module never reads the clock).

use chrono::{Days, Months, NaiveDate};

use super::ast::{DateBound, DateRange, DateSpec};

/// The largest count accepted in `7d`, `2w`, `3m`.
const MAX_COUNT: u32 = 9999;

const DATE_FORMS: &str = "2025-12-06, 2025-12, 2025, A..B, today, yesterday, 7d, 2w, 3m, none";

/// Parses the value of a `date:` term; the error is a message about the value.
pub fn parse_date(value: &str) -> Result<DateSpec, String> {
    let lower = value.to_ascii_lowercase();
    match lower.as_str() {
        "today" => return Ok(DateSpec::Today),
        "yesterday" => return Ok(DateSpec::Yesterday),
        "none" | "unknown" => return Ok(DateSpec::Unknown),
        _ => {}
    }
    if let Some((from, to)) = lower.split_once("..") {
        return parse_range(from, to).map_err(|why| invalid(value, &why));
    }
    if let Some(spec) = parse_relative(&lower) {
        return spec.map_err(|why| invalid(value, &why));
    }
    match parse_bound(&lower) {
        Ok(DateBound::Day(day)) => Ok(DateSpec::Day(day)),
        Ok(DateBound::Month { year, month }) => Ok(DateSpec::Month { year, month }),
        Ok(DateBound::Year(year)) => Ok(DateSpec::Year(year)),
        Err(why) => Err(invalid(value, &why)),
    }
}

fn invalid(value: &str, why: &str) -> String {
    format!("invalid date \"{value}\": {why}")
}

fn parse_range(from: &str, to: &str) -> Result<DateSpec, String> {
    if from.is_empty() && to.is_empty() {
        return Err("a range needs at least one end".into());
    }
    let from = (!from.is_empty()).then(|| parse_bound(from)).transpose()?;
    let to = (!to.is_empty()).then(|| parse_bound(to)).transpose()?;
    if let (Some(first), Some(last)) = (from, to) {
        if first.first_day() > last.last_day() {
            return Err("the start is after the end".into());
        }
    }
    Ok(DateSpec::Range { from, to })
}

/// `7d`, `2w`, `3m`; `None` when `text` is not of that shape at all.
fn parse_relative(text: &str) -> Option<Result<DateSpec, String>> {
    let unit = text.chars().last()?;
    let digits = &text[..text.len() - unit.len_utf8()];
    if !matches!(unit, 'd' | 'w' | 'm') || !is_digits(digits) {
        return None;
    }
    let count = match digits.parse::<u32>() {
        Ok(count @ 1..=MAX_COUNT) => count,
        _ => return Some(Err(format!("the count must be 1 to {MAX_COUNT}"))),
    };
    Some(Ok(match unit {
        'd' => DateSpec::LastDays(count),
        'w' => DateSpec::LastWeeks(count),
        _ => DateSpec::LastMonths(count),
    }))
}

/// A day `2025-12-06`, month `2025-12` or year `2025`: four-digit year, then one or two
/// digits each for month and day.
fn parse_bound(text: &str) -> Result<DateBound, String> {
    let parts: Vec<&str> = text.split('-').collect();
    let widths_ok = parts.len() <= 3
        && parts[0].len() == 4
        && parts[1..].iter().all(|part| (1..=2).contains(&part.len()));
    if !widths_ok || !parts.iter().all(|part| is_digits(part)) {
        return Err(format!("expected one of {DATE_FORMS}"));
    }
    // Each part is 1 to 4 ASCII digits, so these parses cannot fail.
    let numbers: Vec<u32> = parts.iter().map(|part| part.parse().unwrap_or(0)).collect();
    let year = numbers[0] as i32;
    let Some(&month) = numbers.get(1) else {
        return Ok(DateBound::Year(year));
    };
    if !(1..=12).contains(&month) {
        return Err(format!("there is no month {month}"));
    }
    let Some(&day) = numbers.get(2) else {
        return Ok(DateBound::Month { year, month });
    };
    NaiveDate::from_ymd_opt(year, month, day)
        .map(DateBound::Day)
        .ok_or_else(|| format!("{year:04}-{month:02} has no day {day}"))
}

fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

impl DateBound {
    /// The first day this bound covers; `None` only for a hand-built impossible month.
    pub fn first_day(self) -> Option<NaiveDate> {
        match self {
            DateBound::Day(day) => Some(day),
            DateBound::Month { year, month } => NaiveDate::from_ymd_opt(year, month, 1),
            DateBound::Year(year) => NaiveDate::from_ymd_opt(year, 1, 1),
        }
    }

    /// The last day this bound covers; `None` only for a hand-built impossible month.
    pub fn last_day(self) -> Option<NaiveDate> {
        match self {
            DateBound::Day(day) => Some(day),
            DateBound::Month { .. } => self
                .first_day()?
                .checked_add_months(Months::new(1))?
                .pred_opt(),
            DateBound::Year(year) => NaiveDate::from_ymd_opt(year, 12, 31),
        }
    }
}

impl DateSpec {
    /// The inclusive days this spec covers, with relative specs counted back from `today`;
    /// `None` for [`DateSpec::Unknown`], which covers no day. An end that cannot be computed (a hand-built impossible date, or arithmetic past
    /// chrono's limits) is left open rather than panicking.
    pub fn range(&self, today: NaiveDate) -> Option<DateRange> {
        let whole = |bound: DateBound| DateRange {
            from: bound.first_day(),
            to: bound.last_day(),
        };
        let back_to_today = |from: Option<NaiveDate>| DateRange {
            from,
            to: Some(today),
        };
        let days_back = |days: u64| today.checked_sub_days(Days::new(days));
        Some(match *self {
            DateSpec::Unknown => return None,
            DateSpec::Day(day) => whole(DateBound::Day(day)),
            DateSpec::Month { year, month } => whole(DateBound::Month { year, month }),
            DateSpec::Year(year) => whole(DateBound::Year(year)),
            DateSpec::Range { from, to } => DateRange {
                from: from.and_then(DateBound::first_day),
                to: to.and_then(DateBound::last_day),
            },
            DateSpec::Today => whole(DateBound::Day(today)),
            DateSpec::Yesterday => {
                let yesterday = days_back(1);
                DateRange {
                    from: yesterday,
                    to: yesterday,
                }
            }
            DateSpec::LastDays(count) => back_to_today(days_back(u64::from(count).max(1) - 1)),
            DateSpec::LastWeeks(count) => {
                back_to_today(days_back((u64::from(count) * 7).max(1) - 1))
            }
            DateSpec::LastMonths(count) => back_to_today(
                today
                    .checked_sub_months(Months::new(count.max(1)))
                    .and_then(|start| start.succ_opt()),
            ),
        })
    }
}

impl DateRange {
    /// Whether `day` falls within the range (open ends admit everything on that side).
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|from| from <= day) && self.to.is_none_or(|to| day <= to)
    }
}
