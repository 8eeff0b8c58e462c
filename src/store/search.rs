//! Running planned queries: the rows newest first and the counts, each read the way the
//! query's [`Plan`] says, and the last planned query kept while the store is unchanged.

use chrono::NaiveDate;

use super::compile::Compiler;
use super::plan::{Draft, Filter, Plan, WalkSet};
use super::{ArticleRow, Result, Sort, Store};
use crate::query::Query;

/// A compiled query and what it was compiled for: the query, the day relative dates were
/// resolved on, and the store's state (other connections' commits, this one's changes).
pub(super) struct Compiled {
    query: Query,
    today: NaiveDate,
    stamp: (i64, u64),
    filter: Filter,
}

const ROW_COLUMNS: &str = "a.id, a.title, s.name, a.date, a.url, a.is_read, a.is_starred";

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
        self.search_sorted(query, today, Sort::Newest, offset, limit)
    }

    /// [`Store::search`] in another order. Only newest and oldest first are read straight
    /// from an index; by source and unread first sort the matching articles.
    pub fn search_sorted(
        &self,
        query: &Query,
        today: NaiveDate,
        sort: Sort,
        offset: u64,
        limit: u64,
    ) -> Result<Vec<ArticleRow>> {
        let filter = self.filter(query, today)?;
        self.rows(&filter, sort, offset, limit)
    }

    /// The rows `filter` matches in `sort` order, `limit` of them from `offset`.
    pub(super) fn rows(
        &self,
        filter: &Filter,
        sort: Sort,
        offset: u64,
        limit: u64,
    ) -> Result<Vec<ArticleRow>> {
        let by_date = |condition: &str| {
            format!(
                "SELECT {ROW_COLUMNS}
                 FROM articles a LEFT JOIN sources s ON s.id = a.source_id
                 WHERE {condition}
                 ORDER BY {}
                 LIMIT {limit} OFFSET {offset}",
                sort.order_by(false)
            )
        };
        let sql = match &filter.plan {
            Plan::Nothing => return Ok(Vec::new()),
            Plan::PersonWalk(person) => format!(
                "SELECT {ROW_COLUMNS}
                 FROM mentions m CROSS JOIN articles a ON a.id = m.article_id
                 LEFT JOIN sources s ON s.id = a.source_id
                 WHERE m.person_id IN ({}) AND {}
                 ORDER BY {}
                 LIMIT {limit} OFFSET {offset}",
                person.id,
                person.rest_sql,
                sort.order_by(true)
            ),
            Plan::DateWalk(walk)
                if self.walk_pays(&walk.set, &filter.params, offset + limit)? =>
            {
                by_date(&walk.sql)
            }
            Plan::All | Plan::DateWalk(_) | Plan::General => by_date(&filter.sql),
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(&filter.params), |r| {
            Ok(ArticleRow {
                id: r.get(0)?,
                title: super::clean::text(r, 1)?,
                source: super::clean::opt_text(r, 2)?,
                date: r.get::<_, Option<String>>(3)?.and_then(|d| d.parse().ok()),
                url: super::clean::opt_text(r, 4)?,
                read: r.get(5)?,
                starred: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many articles match `query`.
    pub fn count(&self, query: &Query, today: NaiveDate) -> Result<u64> {
        let filter = self.filter(query, today)?;
        self.count_matching(&filter)
    }

    /// How many articles `filter` matches.
    pub(super) fn count_matching(&self, filter: &Filter) -> Result<u64> {
        let sql = match &filter.plan {
            Plan::Nothing => return Ok(0),
            Plan::All => return self.total(),
            // The person (and dates) alone: an index range, no article visited.
            Plan::PersonWalk(person) => match &person.index_only {
                Some(dates) => format!(
                    "SELECT count(*) FROM mentions m WHERE m.person_id = {} AND {dates}",
                    person.id
                ),
                None => format!(
                    "SELECT count(*)
                     FROM mentions m CROSS JOIN articles a ON a.id = m.article_id
                     WHERE m.person_id IN ({}) AND {}",
                    person.id, person.rest_sql
                ),
            },
            Plan::DateWalk(walk) => match &walk.set {
                // Several people of one surname (and dates): their distinct articles in the index.
                WalkSet::People { on_mentions, .. } => format!(
                    "SELECT count(*) FROM (SELECT DISTINCT m.article_id FROM mentions m WHERE {on_mentions})"
                ),
                WalkSet::Words { at, alone: true } => format!(
                    "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?{}",
                    at + 1
                ),
                WalkSet::Words { .. } => general_count(filter),
            },
            Plan::General => general_count(filter),
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let n: i64 = stmt.query_row(rusqlite::params_from_iter(&filter.params), |r| r.get(0))?;
        Ok(n as u64)
    }

    /// Compiles `query`: every term becomes one ANDed condition. The reader asks for a query's
    /// count, first page and histogram in turn, and the command line for its rows and count:
    /// the compiled query (names resolved, plans chosen by probing the indexes) is kept for
    /// them while the store has not changed.
    pub(super) fn filter(&self, query: &Query, today: NaiveDate) -> Result<Filter> {
        let stamp = (self.data_version()?, self.conn.total_changes());
        if let Some(kept) = self.compiled.borrow().as_ref() {
            if kept.query == *query && kept.today == today && kept.stamp == stamp {
                return Ok(kept.filter.clone());
            }
        }
        // `@name` read from the store here: a changed saved search changes the stamp.
        let filter = self.plan(&self.expand(query)?, today)?;
        *self.compiled.borrow_mut() = Some(Compiled {
            query: query.clone(),
            today,
            stamp,
            filter: filter.clone(),
        });
        Ok(filter)
    }

    /// The query's terms as SQL, with the person driver whenever one person is named (before
    /// deciding whether it should drive).
    pub(super) fn compile(&self, query: &Query, today: NaiveDate) -> Result<Draft> {
        self.compile_with(query, today, false)
    }

    /// As [`Store::compile`], with the positive words tested in memory when `words_in_memory`
    /// (their matches must be loaded: see [`super::wordset::load`]).
    pub(super) fn compile_with(
        &self,
        query: &Query,
        today: NaiveDate,
        words_in_memory: bool,
    ) -> Result<Draft> {
        let mut compiler = Compiler::default();
        compiler.words_in_memory = words_in_memory;
        for (i, term) in query.terms.iter().enumerate() {
            // A repeated term adds nothing but SQL: each is compiled once.
            let seen = query.terms[..i]
                .iter()
                .any(|t| t.negated == term.negated && t.kind == term.kind);
            if !seen {
                compiler.term(self, term.negated, &term.kind, today)?;
            }
        }
        Ok(compiler.finish())
    }
}

/// The general count: every article tested against the whole condition.
fn general_count(filter: &Filter) -> String {
    format!("SELECT count(*) FROM articles a WHERE {}", filter.sql)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_query_counts_the_whole_store() {
        let store = Store::open_in_memory().unwrap();
        let today = "2026-01-01".parse().unwrap();
        for text in ["", "!!!"] {
            let q = crate::query::parse(text).unwrap();
            assert_eq!(store.filter(&q, today).unwrap().sql, "1", "{text}");
            assert_eq!(store.count(&q, today).unwrap(), store.total().unwrap());
        }
    }
}
