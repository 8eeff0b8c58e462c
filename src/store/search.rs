//! Running compiled queries: the rows newest first, the counts, and the choice between plans
//! (walk a person's mentions or the words' matches; walk the date index or look matches up).

use chrono::NaiveDate;
use rusqlite::types::Value;

use super::compile::{Compiler, Filter, PersonDriver, WalkSet, NOTHING};
use super::wordset::COMMON;
use super::{ArticleRow, Result, Store};
use crate::query::Query;

/// What looking one article up costs in steps of a date-index walk: a random page (often not
/// yet in SQLite's cache) against the next entry of a sequential index, tested through a Bloom
/// filter. Measured at 100,000 articles: a word in 2.5% of them lists 100 rows in 11 ms by
/// lookups on a fresh connection, and in under 3 ms by the walk.
const LOOKUP_COST: f64 = 8.0;

/// A compiled query and what it was compiled for: the query, the day relative dates were
/// resolved on, and the store's state (other connections' commits, this one's changes).
pub(super) struct Compiled {
    query: Query,
    today: NaiveDate,
    stamp: (i64, u64),
    filter: Filter,
}

/// Words with this many matches never drive a query beside a person (they are tested in
/// memory or through SQLite's set); counting further would only cost time.
const WORDS_CAP: i64 = 20_000;
/// How far the articles of a query's sources are counted against a person's walk.
const SOURCES_CAP: i64 = 250_000;

/// The articles matching the words in the first parameter, for counting.
const FTS_PROBE: &str = "SELECT 1 FROM articles_fts WHERE articles_fts MATCH ?1";

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
        let filter = self.filter(query, today)?;
        self.rows(&filter, offset, limit)
    }

    /// The rows `filter` matches, newest first, `limit` of them from `offset`.
    pub(super) fn rows(&self, filter: &Filter, offset: u64, limit: u64) -> Result<Vec<ArticleRow>> {
        let condition = match &filter.walking_dates {
            Some((walk, set)) if self.walk_pays(set, &filter.params, offset + limit)? => walk,
            _ => &filter.sql,
        };
        let sql = match &filter.person {
            Some(person) => format!(
                "SELECT {ROW_COLUMNS}
                 FROM mentions m CROSS JOIN articles a ON a.id = m.article_id
                 LEFT JOIN sources s ON s.id = a.source_id
                 WHERE m.person_id IN ({}) AND {}
                 ORDER BY m.date DESC, m.article_id DESC
                 LIMIT {limit} OFFSET {offset}",
                person.ids, person.rest_sql
            ),
            None => format!(
                "SELECT {ROW_COLUMNS}
                 FROM articles a LEFT JOIN sources s ON s.id = a.source_id
                 WHERE {condition}
                 ORDER BY a.date DESC, a.id DESC
                 LIMIT {limit} OFFSET {offset}"
            ),
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
        let sql = match &filter.person {
            // The person (and dates) alone: an index range, no article visited.
            Some(PersonDriver {
                ids,
                index_only: Some(dates),
                ..
            }) => format!("SELECT count(*) FROM mentions m WHERE m.person_id = {ids} AND {dates}"),
            Some(person) => format!(
                "SELECT count(*)
                 FROM mentions m CROSS JOIN articles a ON a.id = m.article_id
                 WHERE m.person_id IN ({}) AND {}",
                person.ids, person.rest_sql
            ),
            // No WHERE: SQLite counts the smallest b-tree (`WHERE 1` reads every row: 5x slower).
            None if filter.sql == "1" => return self.total(),
            None if filter.sql == NOTHING => return Ok(0),
            // Several people of one surname (and dates): their distinct articles in the index.
            None if filter.people_only.is_some() => format!(
                "SELECT count(*) FROM (SELECT DISTINCT m.article_id FROM mentions m WHERE {})",
                filter.people_only.as_deref().unwrap_or("0")
            ),
            None if filter.words_only.is_some() => {
                "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?".to_string()
            }
            None => format!("SELECT count(*) FROM articles a WHERE {}", filter.sql),
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
        let mut filter = self.compile(query, today)?;
        // The words' matches, counted once for both decisions below (a person's walk names the
        // same words as `words_may_load`).
        let words = filter
            .words_may_load
            .map(|at| filter.params.get(at).cloned().unwrap_or(Value::Null));
        let matches = match &words {
            Some(text) => Some(self.capped_count(FTS_PROBE, Some(text.clone()), WORDS_CAP)?),
            None => None,
        };
        let person_drives = match &filter.person {
            Some(person) => self.person_should_drive(person, matches)?,
            None => false,
        };
        // Words tested in memory cannot drive: only when the person's walk, a source or the
        // dates will.
        let driven = person_drives || filter.index_driver;
        if let (true, Some(Value::Text(text)), Some(n)) = (driven, &words, matches) {
            if n >= COMMON {
                super::wordset::load(&self.conn, &self.words, text)?;
                filter = self.compile_with(query, today, true)?;
            }
        }
        if !person_drives {
            filter.person = None;
        }
        *self.compiled.borrow_mut() = Some(Compiled {
            query: query.clone(),
            today,
            stamp,
            filter: filter.clone(),
        });
        Ok(filter)
    }

    /// Whether the newest `wanted` rows are found sooner by walking the date index and testing
    /// each article against `set` (about wanted × articles / |set| steps) than by looking every
    /// article of the set up and sorting them (|set| lookups, each [`LOOKUP_COST`] steps): true
    /// when |set|² × LOOKUP_COST ≥ wanted × articles, counted only up to that bound. At
    /// 1,000,000 articles a word in 2.4% of them lists its first 200 in 6 ms instead of 37.
    pub(super) fn walk_pays(&self, set: &WalkSet, params: &[Value], wanted: u64) -> Result<bool> {
        let articles: i64 =
            self.conn
                .query_row("SELECT coalesce(max(rowid), 0) FROM articles", [], |r| {
                    r.get(0)
                })?;
        let bound = ((wanted as f64) * (articles as f64) / LOOKUP_COST)
            .sqrt()
            .ceil() as i64;
        let size: i64 = match set {
            WalkSet::Words(at) => self.conn.query_row(
                &format!("SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT {bound})"),
                [params.get(*at).cloned().unwrap_or(Value::Null)],
                |r| r.get(0),
            )?,
            WalkSet::People(ids) => self.conn.query_row(
                &format!("SELECT count(*) FROM (SELECT 1 FROM mentions WHERE person_id IN ({ids}) LIMIT {bound})"),
                [],
                |r| r.get(0),
            )?,
        };
        Ok(bound > 0 && size >= bound)
    }

    /// The query's terms as SQL, with the person driver whenever one person is named (before
    /// deciding whether it should drive).
    pub(super) fn compile(&self, query: &Query, today: NaiveDate) -> Result<Filter> {
        self.compile_with(query, today, false)
    }

    /// As [`Store::compile`], with the positive words tested in memory when `words_in_memory`
    /// (their matches must be loaded: see [`super::wordset::load`]).
    pub(super) fn compile_with(
        &self,
        query: &Query,
        today: NaiveDate,
        words_in_memory: bool,
    ) -> Result<Filter> {
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

    /// How many rows `probe` (a `SELECT 1 …` with at most one parameter) gives, counted up to
    /// `cap`.
    fn capped_count(&self, probe: &str, param: Option<Value>, cap: i64) -> Result<i64> {
        let sql = format!("SELECT count(*) FROM ({probe} LIMIT {cap})");
        let n = match param {
            Some(p) => self
                .conn
                .prepare_cached(&sql)?
                .query_row([p], |r| r.get(0))?,
            None => self
                .conn
                .prepare_cached(&sql)?
                .query_row([], |r| r.get(0))?,
        };
        Ok(n)
    }

    /// Whether walking the person's mentions (within the query's dates) beats the other ways
    /// in: the words' matches, or the sources' articles by date. Each is counted up to a cap,
    /// so the estimate stays cheap however common any of them is; the person drives on a tie.
    fn person_should_drive(
        &self,
        person: &PersonDriver,
        word_matches: Option<i64>,
    ) -> Result<bool> {
        // Each side is counted only as far as the comparison needs: the rarer side first, the
        // other up to one more. A fixed cap made a person in a fifth of a year's articles tie
        // with one source's share of them, and the tie walked the person (19 ms, not 11).
        if let Some(matches) = word_matches {
            if matches < WORDS_CAP
                && matches < self.capped_count(&person.walk_probe, None, matches + 1)?
            {
                return Ok(false);
            }
        }
        match &person.source_probe {
            Some(probe) => {
                let sources = self.capped_count(probe, None, SOURCES_CAP)?;
                Ok(self.capped_count(&person.walk_probe, None, sources + 1)? <= sources)
            }
            None => Ok(true),
        }
    }
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
