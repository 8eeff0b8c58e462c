//! Temporary: date ranges until the query parser lands (removed at merge).
use super::{DateRange, DateSpec};
use chrono::NaiveDate;
impl DateSpec {
    pub fn range(&self, today: NaiveDate) -> DateRange {
        let _ = today;
        match self {
            DateSpec::Day(d) => DateRange {
                from: Some(*d),
                to: Some(*d),
            },
            _ => DateRange {
                from: None,
                to: None,
            },
        }
    }
}
