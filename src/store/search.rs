//! Turning a parsed query into SQL: FTS5 for words, id sets for sources and people, date ranges.

use chrono::NaiveDate;

use super::{ArticleRow, Result, Store};
use crate::query::Query;

impl Store {
    /// The rows matching `query`, newest first (unknown dates last), `limit` of them from `offset`.
    /// `today` resolves relative dates (`date:7d`).
    pub fn search(
        &self,
        query: &Query,
        today: NaiveDate,
        offset: u64,
        limit: u64,
    ) -> Result<Vec<ArticleRow>> {
        let _ = (query, today, offset, limit);
        Ok(Vec::new())
    }

    /// How many articles match `query`.
    pub fn count(&self, query: &Query, today: NaiveDate) -> Result<u64> {
        let _ = (query, today);
        Ok(0)
    }
}
