//! Reading articles back: list rows for the list pane and whole articles for the reading pane.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::Block;

/// One row of the article list: just what the list pane shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleRow {
    pub id: i64,
    pub title: String,
    pub source: Option<String>,
    pub date: Option<NaiveDate>,
    pub url: Option<String>,
    pub read: bool,
    pub starred: bool,
}

/// A person as stored for one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredPerson {
    pub name: String,
    pub aliases: Vec<String>,
    pub mentions: u32,
}

/// A whole article for reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredArticle {
    pub row: ArticleRow,
    pub byline: Option<String>,
    pub author: Option<String>,
    pub body: Vec<Block>,
    /// Most mentioned first.
    pub people: Vec<StoredPerson>,
    pub origin: Option<String>,
    /// The date is the day the article was first seen: its feed gave none.
    pub first_seen: bool,
    /// A feed item whose linked page could not be read: its body is the feed's summary.
    pub summary_only: bool,
}

use rusqlite::OptionalExtension;

use super::clean::{line, opt_text, text};
use super::codec::decompress;
use super::{Result, Store};

impl Store {
    /// The whole article with this id, or `None`.
    pub fn article(&self, id: i64) -> Result<Option<StoredArticle>> {
        let sql = "SELECT a.id, a.title, s.name, a.date, a.url, a.is_read, a.is_starred,
                          a.byline, a.author, a.origin, t.raw, a.first_seen_date,
                          a.page_text IS 0
                   FROM articles a LEFT JOIN sources s ON s.id = a.source_id
                   LEFT JOIN article_raw t ON t.article_id = a.id
                   WHERE a.id = ?1";
        let mut stmt = self.conn.prepare_cached(sql)?;
        let found = stmt
            .query_row([id], |r| {
                let row = ArticleRow {
                    id: r.get(0)?,
                    title: text(r, 1)?,
                    source: opt_text(r, 2)?,
                    date: r.get::<_, Option<String>>(3)?.and_then(|d| d.parse().ok()),
                    url: opt_text(r, 4)?,
                    read: r.get(5)?,
                    starred: r.get(6)?,
                };
                let raw: Option<Vec<u8>> = r.get(10)?;
                Ok(StoredArticle {
                    row,
                    byline: opt_text(r, 7)?,
                    author: opt_text(r, 8)?,
                    body: body_of(raw.as_deref()),
                    people: Vec::new(),
                    origin: opt_text(r, 9)?,
                    first_seen: r.get(11)?,
                    summary_only: r.get(12)?,
                })
            })
            .optional()?;
        let Some(mut article) = found else {
            return Ok(None);
        };
        article.people = self.people_of(id)?;
        Ok(Some(article))
    }

    /// The people an article mentions, most mentioned first.
    pub fn people_of(&self, id: i64) -> Result<Vec<StoredPerson>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.name, m.aliases, m.mentions FROM mentions m JOIN people p ON p.id = m.person_id
             WHERE m.article_id = ?1 ORDER BY m.mentions DESC, m.first_pos",
        )?;
        let people = stmt.query_map([id], |r| {
            let aliases: String = r.get(1)?;
            let mut seen: Vec<String> = Vec::new();
            for alias in aliases.split('\n').filter(|a| !a.is_empty()).map(line) {
                if !alias.is_empty() && !seen.contains(&alias) {
                    seen.push(alias);
                }
            }
            Ok(StoredPerson {
                name: text(r, 0)?,
                aliases: seen,
                mentions: r.get(2)?,
            })
        })?;
        Ok(people.collect::<Result<_, _>>()?)
    }

    /// How many articles the store holds.
    pub fn total(&self) -> Result<u64> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
        Ok(n as u64)
    }

    /// A number that changes whenever another connection commits to the store (SQLite's
    /// `data_version`): cheap to poll, so a reader can notice an import running beside it.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Whether the store holds any article (constant time, unlike [`Store::total`]).
    pub fn has_articles(&self) -> Result<bool> {
        let sql = "SELECT EXISTS (SELECT 1 FROM articles)";
        Ok(self.conn.query_row(sql, [], |r| r.get(0))?)
    }
}

/// The body, parsed again from the stored original bytes (the same parser that imported them;
/// after a parser upgrade `byline reindex` brings titles, people and the index in line).
fn body_of(raw: Option<&[u8]>) -> Vec<Block> {
    let bytes = raw.and_then(|r| decompress(r).ok()).unwrap_or_default();
    let mut body = crate::ingest::parse(&bytes)
        .map(|p| p.body)
        .unwrap_or_default();
    // The parsers sanitize; a stored original written by hand (or a feed item's JSON) is
    // still made display-safe on its way out.
    for block in &mut body {
        block.text = line(&block.text);
    }
    body
}
