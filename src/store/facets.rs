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

use super::clean::{line, text};
use super::plan::{DateWalk, PersonWalk, Plan, WalkSet};
use super::{Result, Store};
use crate::query::Query;

impl Store {
    /// Sources with their article counts under `query`, most first.
    pub fn source_counts(&self, query: &Query, today: NaiveDate) -> Result<Vec<NameCount>> {
        let filter = self.filter(query, today)?;
        let sql = format!(
            "SELECT s.name, count(*) AS n {} GROUP BY s.id ORDER BY n DESC, s.name",
            filter.matching_articles("JOIN sources s ON s.id = a.source_id")
        );
        self.name_counts(&sql, filter.params)
    }

    /// Authors with their article counts under `query`, most first, at most `limit`.
    pub fn author_counts(
        &self,
        query: &Query,
        today: NaiveDate,
        limit: u64,
    ) -> Result<Vec<NameCount>> {
        let filter = self.filter(query, today)?;
        let sql = format!(
            "SELECT au.name, count(*) AS n
             FROM article_authors aa JOIN authors au ON au.id = aa.author_id
             WHERE aa.article_id IN (SELECT a.id {})
             GROUP BY au.id ORDER BY n DESC, au.name LIMIT {limit}",
            filter.matching_articles("")
        );
        self.name_counts(&sql, filter.params)
    }

    /// Rows of (name, article count) that `sql` gives with `params` bound.
    fn name_counts(
        &self,
        sql: &str,
        params: Vec<rusqlite::types::Value>,
    ) -> Result<Vec<NameCount>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
            Ok(NameCount {
                name: text(r, 0)?,
                articles: r.get::<_, i64>(1)? as u64,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The names a source answers to besides its own (domains included).
    pub fn source_aliases(&self, name: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT a.display FROM source_aliases a JOIN sources s ON s.id = a.source_id
             WHERE s.name = ?1 AND a.display <> s.name ORDER BY a.display",
        )?;
        let aliases = stmt.query_map([name], |r| text(r, 0))?;
        Ok(aliases.collect::<Result<_, _>>()?)
    }

    /// People with their article counts under `query`, most first, at most `limit`.
    pub fn person_counts(
        &self,
        query: &Query,
        today: NaiveDate,
        limit: u64,
    ) -> Result<Vec<PersonCount>> {
        let filter = self.filter(query, today)?;
        let sql = format!(
            "SELECT p.id, p.name, count(*) AS n {} GROUP BY p.id ORDER BY n DESC, p.name LIMIT {limit}",
            filter.matching_articles(
                "JOIN mentions pm ON pm.article_id = a.id JOIN people p ON p.id = pm.person_id"
            )
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(filter.params), |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        let mut people = Vec::new();
        for row in rows {
            let (id, name, articles) = row?;
            let aliases = self.person_aliases(id, &name)?;
            people.push(PersonCount {
                name: line(&name),
                aliases,
                articles: articles as u64,
            });
        }
        Ok(people)
    }

    pub(super) fn person_aliases(&self, id: i64, name: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT alias FROM person_aliases WHERE person_id = ?1 ORDER BY alias",
        )?;
        let aliases = stmt.query_map([id], |r| r.get::<_, String>(0))?;
        let mut out: Vec<String> = Vec::new();
        for alias in aliases {
            let alias = alias?;
            if alias != name {
                let alias = line(&alias);
                if !alias.is_empty() && !out.contains(&alias) {
                    out.push(alias);
                }
            }
        }
        Ok(out)
    }

    /// Article counts per day or month under `query`, oldest first, as ("2025-12-06" or "2025-12", n).
    /// Articles of unknown date are not counted.
    pub fn date_histogram(
        &self,
        query: &Query,
        today: NaiveDate,
        granularity: Granularity,
    ) -> Result<Vec<(String, u64)>> {
        let filter = self.filter(query, today)?;
        let width = match granularity {
            Granularity::Day => 10,
            Granularity::Month => 7,
        };
        let sql = match &filter.plan {
            // A person (and dates, words): the index carries the dates, no article is read
            // (the top person of 1,000,000 articles: 2 s otherwise).
            Plan::PersonWalk(PersonWalk {
                id,
                index_only: Some(condition),
                ..
            }) => format!(
                "SELECT substr(m.date, 1, {width}) AS bucket, count(*) FROM mentions m
                 WHERE m.person_id = {id} AND {condition} AND m.date IS NOT NULL
                 GROUP BY bucket ORDER BY bucket"
            ),
            // Several people of one surname (and dates): their distinct articles in the index.
            Plan::DateWalk(DateWalk {
                set: WalkSet::People { on_mentions, .. },
                ..
            }) => format!(
                "SELECT substr(date, 1, {width}) AS bucket, count(*)
                 FROM (SELECT DISTINCT m.article_id, m.date FROM mentions m WHERE {on_mentions})
                 WHERE date IS NOT NULL GROUP BY bucket ORDER BY bucket"
            ),
            _ => format!(
                "SELECT substr(a.date, 1, {width}) AS bucket, count(*) {} AND a.date IS NOT NULL
                 GROUP BY bucket ORDER BY bucket",
                filter.matching_articles("")
            ),
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(filter.params), |r| {
            Ok((text(r, 0)?, r.get::<_, i64>(1)? as u64))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
