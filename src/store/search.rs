//! Turning a parsed query into SQL: FTS5 for words, id sets for sources and people, date ranges.
//! User text only ever reaches SQLite as a bound parameter or a quoted FTS5 string.

use chrono::NaiveDate;
use rusqlite::types::Value;

use super::names::{resolve_person, resolve_source};
use super::{ArticleRow, Result, Store};
use crate::query::{Flag, Query, TermKind};

/// A query compiled to a boolean SQL expression over `articles AS a`, with its parameters.
#[derive(Debug, Default)]
pub(super) struct Filter {
    pub sql: String,
    pub params: Vec<Value>,
    /// When the query names a person: that person's ids, and the condition without that term.
    /// Lists and counts then walk `mentions_person` (newest first) instead of all articles.
    pub person: Option<PersonDriver>,
}

#[derive(Debug)]
pub(super) struct PersonDriver {
    pub ids: String,
    pub rest_sql: String,
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
        let filter = self.filter(query, today)?;
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
                 WHERE {}
                 ORDER BY a.date DESC, a.id DESC
                 LIMIT {limit} OFFSET {offset}",
                filter.sql
            ),
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(filter.params), |r| {
            Ok(ArticleRow {
                id: r.get(0)?,
                title: r.get(1)?,
                source: r.get(2)?,
                date: r.get::<_, Option<String>>(3)?.and_then(|d| d.parse().ok()),
                url: r.get(4)?,
                read: r.get(5)?,
                starred: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many articles match `query`.
    pub fn count(&self, query: &Query, today: NaiveDate) -> Result<u64> {
        let filter = self.filter(query, today)?;
        let sql = match &filter.person {
            // The person alone: an index range, no article visited.
            Some(person) if person.rest_sql == "1" => format!(
                "SELECT count(*) FROM mentions WHERE person_id IN ({})",
                person.ids
            ),
            Some(person) => format!(
                "SELECT count(*)
                 FROM mentions m CROSS JOIN articles a ON a.id = m.article_id
                 WHERE m.person_id IN ({}) AND {}",
                person.ids, person.rest_sql
            ),
            None => format!("SELECT count(*) FROM articles a WHERE {}", filter.sql),
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let n: i64 = stmt.query_row(rusqlite::params_from_iter(filter.params), |r| r.get(0))?;
        Ok(n as u64)
    }

    /// Compiles `query`: every term becomes one ANDed condition.
    pub(super) fn filter(&self, query: &Query, today: NaiveDate) -> Result<Filter> {
        let mut parts: Vec<String> = Vec::new();
        let mut params = Vec::new();
        let mut any_source: Vec<i64> = Vec::new();
        let mut has_positive_source = false;
        let mut fts_positive: Vec<String> = Vec::new();
        let mut driver: Option<(usize, String)> = None;
        for term in &query.terms {
            let neg = term.negated;
            let condition = match &term.kind {
                TermKind::Word(text) | TermKind::Phrase(text) => {
                    let phrase = fts_phrase(text);
                    if phrase.is_none() {
                        continue; // nothing searchable in it (only punctuation)
                    }
                    let phrase = phrase.unwrap_or_default();
                    if !neg {
                        fts_positive.push(phrase);
                        continue;
                    }
                    params.push(Value::Text(phrase));
                    "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
                        .to_string()
                }
                TermKind::Source(name) => {
                    let ids = resolve_source(&self.conn, name)?;
                    if !neg {
                        has_positive_source = true;
                        any_source.extend(ids);
                        continue;
                    }
                    format!("a.source_id IN ({})", id_list(&ids))
                }
                TermKind::Person(name) => {
                    let ids = resolve_person(&self.conn, name)?;
                    // One person: its index rows are unique per article and already in date
                    // order. Several (a bare surname shared by two people) take the general path.
                    if !neg && driver.is_none() && ids.len() == 1 {
                        driver = Some((parts.len(), id_list(&ids)));
                    }
                    format!(
                        "a.id IN (SELECT article_id FROM mentions WHERE person_id IN ({}))",
                        id_list(&ids)
                    )
                }
                TermKind::Date(spec) => {
                    let range = spec.range(today);
                    let mut bounds = Vec::new();
                    if let Some(from) = range.from {
                        bounds.push("a.date >= ?".to_string());
                        params.push(Value::Text(from.to_string()));
                    }
                    if let Some(to) = range.to {
                        bounds.push("a.date <= ?".to_string());
                        params.push(Value::Text(to.to_string()));
                    }
                    if bounds.is_empty() {
                        "a.date IS NOT NULL".to_string()
                    } else {
                        bounds.join(" AND ")
                    }
                }
                TermKind::Is(Flag::Read) => "a.is_read = 1".to_string(),
                TermKind::Is(Flag::Unread) => "a.is_read = 0".to_string(),
                TermKind::Is(Flag::Starred) => "a.is_starred = 1".to_string(),
            };
            // NULL (unknown date, no source) counts as "does not match", so a negation keeps it.
            parts.push(if neg {
                format!("NOT coalesce(({condition}), 0)")
            } else {
                condition
            });
        }
        if has_positive_source {
            any_source.sort_unstable();
            any_source.dedup();
            parts.push(format!("a.source_id IN ({})", id_list(&any_source)));
        }
        if !fts_positive.is_empty() {
            parts.push(
                "a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)".to_string(),
            );
            params.push(Value::Text(fts_positive.join(" AND ")));
        }
        let join = |parts: &[String]| {
            if parts.is_empty() {
                "1".to_string()
            } else {
                parts.join(" AND ")
            }
        };
        let person = driver.map(|(index, ids)| {
            let mut rest = parts.clone();
            rest.remove(index);
            PersonDriver {
                ids,
                rest_sql: join(&rest),
            }
        });
        Ok(Filter {
            sql: join(&parts),
            params,
            person,
        })
    }
}

/// Integer ids inlined into SQL (they come from the store, never from the user); `NULL` when
/// empty, so `x IN (NULL)` matches nothing.
fn id_list(ids: &[i64]) -> String {
    if ids.is_empty() {
        return "NULL".to_string();
    }
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

/// An FTS5 phrase for user text: the tokens as one double-quoted string (quotes doubled), so no
/// input is read as FTS5 syntax. `None` when the text holds no letter or digit.
pub(super) fn fts_phrase(text: &str) -> Option<String> {
    if !text.chars().any(char::is_alphanumeric) {
        return None;
    }
    Some(format!("\"{}\"", text.replace('"', "\"\"")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts_phrase_quotes_and_doubles_quotes() {
        assert_eq!(fts_phrase("a\"b").as_deref(), Some("\"a\"\"b\""));
        assert_eq!(
            fts_phrase("NOT OR AND *").as_deref(),
            Some("\"NOT OR AND *\"")
        );
        assert_eq!(fts_phrase("*()^"), None);
    }
}
