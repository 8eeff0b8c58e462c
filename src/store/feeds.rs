//! Subscriptions: the feeds table, their settings, and what each fetch left (validators,
//! status, next due time).

use chrono::Utc;
use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;

use super::clean;
use super::names::ensure_source;
use super::{Result, Store};

/// A subscription as stored, with its article counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Feed {
    pub id: i64,
    pub name: String,
    pub url: String,
    pub site_url: Option<String>,
    pub tags: Vec<String>,
    pub enabled: bool,
    /// Seconds between fetches; `None` for the default.
    pub interval_secs: Option<i64>,
    #[serde(skip)]
    pub etag: Option<String>,
    #[serde(skip)]
    pub last_modified: Option<String>,
    /// Unix seconds of the last attempt.
    pub last_fetch: Option<i64>,
    /// What the last attempt gave, in words.
    pub last_status: Option<String>,
    pub failed: bool,
    pub gone: bool,
    /// Unix seconds.
    pub next_due: i64,
    pub articles: u64,
    pub unread: u64,
    /// Each new item's linked page is fetched and its main text kept instead of the summary.
    pub full_text: bool,
}

/// What a fetch attempt leaves on its feed.
#[derive(Debug, Clone, Default)]
pub struct FetchRecord {
    pub status: String,
    pub failed: bool,
    pub gone: bool,
    /// New validators (`None` keeps the old ones).
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// Drop the validators, so the next fetch reads the whole feed again (a full-text feed
    /// whose items still wait for their pages).
    pub forget_validators: bool,
    pub next_due: i64,
    /// A permanent redirect's target: the feed's URL from now on.
    pub moved_to: Option<String>,
    pub site_url: Option<String>,
}

const COLUMNS: &str = "f.id, f.name, f.url, f.site_url, f.tags, f.enabled, f.interval_secs,
    f.etag, f.last_modified, f.last_fetch, f.last_status, f.failed, f.gone, f.next_due,
    (SELECT count(*) FROM articles a WHERE a.feed_id = f.id),
    (SELECT count(*) FROM articles a WHERE a.feed_id = f.id AND a.is_read = 0), f.full_text";

/// A feed row, its texts display-safe as they leave the store (the validators go back to the
/// server exactly as it sent them, and were sanitized when they arrived).
fn feed_of(r: &Row) -> rusqlite::Result<Feed> {
    let tags: String = r.get(4)?;
    Ok(Feed {
        id: r.get(0)?,
        name: clean::text(r, 1)?,
        url: clean::text(r, 2)?,
        site_url: clean::opt_text(r, 3)?,
        tags: tags
            .split('\n')
            .filter(|t| !t.is_empty())
            .map(clean::line)
            .collect(),
        enabled: r.get(5)?,
        interval_secs: r.get(6)?,
        etag: r.get(7)?,
        last_modified: r.get(8)?,
        last_fetch: r.get(9)?,
        last_status: clean::opt_text(r, 10)?,
        failed: r.get(11)?,
        gone: r.get(12)?,
        next_due: r.get(13)?,
        articles: r.get::<_, i64>(14)? as u64,
        unread: r.get::<_, i64>(15)? as u64,
        full_text: r.get(16)?,
    })
}

impl Store {
    /// Subscribes to `url`. An already subscribed URL is left as it is: `Ok((id, false))`.
    /// A name already taken by another feed gets a number (`News (2)`).
    pub fn add_feed(&self, name: &str, url: &str, tags: &[String]) -> Result<(i64, bool)> {
        if let Some(feed) = self.feed_by_url(url)? {
            return Ok((feed.id, false));
        }
        let name = self.free_feed_name(name, None)?;
        self.conn.execute(
            "INSERT INTO feeds (name, url, tags, added_at) VALUES (?1, ?2, ?3, ?4)",
            params![name, url, tags.join("\n"), Utc::now().timestamp()],
        )?;
        Ok((self.conn.last_insert_rowid(), true))
    }

    /// Every subscription, by name.
    pub fn feeds(&self) -> Result<Vec<Feed>> {
        let sql = format!("SELECT {COLUMNS} FROM feeds f ORDER BY f.name");
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], feed_of)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The feed with this name (any case) or URL.
    pub fn find_feed(&self, name_or_url: &str) -> Result<Option<Feed>> {
        let sql = format!("SELECT {COLUMNS} FROM feeds f WHERE f.name = ?1 OR f.url = ?1");
        Ok(self
            .conn
            .query_row(&sql, [name_or_url], feed_of)
            .optional()?)
    }

    fn feed_by_url(&self, url: &str) -> Result<Option<Feed>> {
        let sql = format!("SELECT {COLUMNS} FROM feeds f WHERE f.url = ?1");
        Ok(self.conn.query_row(&sql, [url], feed_of).optional()?)
    }

    /// `name`, or `name (2)`, `name (3)`... whichever no other feed than `except` holds.
    fn free_feed_name(&self, name: &str, except: Option<i64>) -> Result<String> {
        let taken = |candidate: &str| -> Result<bool> {
            let sql = "SELECT EXISTS (SELECT 1 FROM feeds WHERE name = ?1 AND id IS NOT ?2)";
            Ok(self
                .conn
                .query_row(sql, params![candidate, except], |r| r.get(0))?)
        };
        let mut candidate = name.to_string();
        let mut n = 2;
        while taken(&candidate)? {
            candidate = format!("{name} ({n})");
            n += 1;
        }
        Ok(candidate)
    }

    /// Unsubscribes. Its articles stay (no longer linked to it) unless `purge`; returns how
    /// many were deleted.
    pub fn remove_feed(&self, id: i64, purge: bool) -> Result<u64> {
        let tx = self.conn.unchecked_transaction()?;
        let mut purged = 0;
        if purge {
            tx.execute(
                "DELETE FROM articles_fts WHERE rowid IN (SELECT id FROM articles WHERE feed_id = ?1)",
                [id],
            )?;
            purged = tx.execute("DELETE FROM articles WHERE feed_id = ?1", [id])? as u64;
        }
        tx.execute(
            "UPDATE articles SET feed_id = NULL WHERE feed_id = ?1",
            [id],
        )?;
        tx.execute("DELETE FROM feeds WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(purged)
    }

    /// Renames a feed; its articles take the new name as their source.
    pub fn rename_feed(&self, id: i64, new_name: &str) -> Result<String> {
        let tx = self.conn.unchecked_transaction()?;
        let name = self.free_feed_name(new_name, Some(id))?;
        tx.execute(
            "UPDATE feeds SET name = ?2 WHERE id = ?1",
            params![id, name],
        )?;
        let source = ensure_source(&tx, &name, None)?;
        tx.execute(
            "UPDATE articles SET source_id = ?2, source_hint = ?3 WHERE feed_id = ?1",
            params![id, source, name],
        )?;
        tx.commit()?;
        Ok(name)
    }

    /// Turns fetching a feed on or off.
    pub fn set_feed_enabled(&self, id: i64, enabled: bool) -> Result<()> {
        self.conn.execute(
            "UPDATE feeds SET enabled = ?2 WHERE id = ?1",
            params![id, enabled],
        )?;
        Ok(())
    }

    /// Sets the seconds between a feed's fetches (`None`: the default).
    pub fn set_feed_interval(&self, id: i64, secs: Option<i64>) -> Result<()> {
        self.conn.execute(
            "UPDATE feeds SET interval_secs = ?2 WHERE id = ?1",
            params![id, secs],
        )?;
        Ok(())
    }

    /// Turns full text on or off for a feed. Turning it on forgets the feed's validators, so
    /// its next fetch reads the whole feed and the items it lists get their pages.
    pub fn set_feed_full_text(&self, id: i64, on: bool) -> Result<()> {
        let sql = "UPDATE feeds SET full_text = ?2,
                etag = CASE WHEN ?2 AND NOT full_text THEN NULL ELSE etag END,
                last_modified = CASE WHEN ?2 AND NOT full_text THEN NULL ELSE last_modified END
             WHERE id = ?1";
        self.conn.execute(sql, params![id, on])?;
        Ok(())
    }

    /// Records validators a fetch left aside until its full-text pages were stored.
    pub fn keep_validators(
        &self,
        id: i64,
        etag: Option<&str>,
        last_modified: Option<&str>,
    ) -> Result<()> {
        self.conn.execute(
            "UPDATE feeds SET etag = ?2, last_modified = ?3 WHERE id = ?1",
            params![id, etag, last_modified],
        )?;
        Ok(())
    }

    /// Sets a feed's tags.
    pub fn set_feed_tags(&self, id: i64, tags: &[String]) -> Result<()> {
        self.conn.execute(
            "UPDATE feeds SET tags = ?2 WHERE id = ?1",
            params![id, tags.join("\n")],
        )?;
        Ok(())
    }

    /// Records a fetch attempt. A permanent move updates the URL unless another feed has it.
    pub fn record_fetch(&self, id: i64, record: &FetchRecord) -> Result<()> {
        self.conn.execute(
            "UPDATE feeds SET last_fetch = ?2, last_status = ?3, failed = ?4, gone = ?5,
                etag = CASE WHEN ?10 THEN NULL ELSE coalesce(?6, etag) END,
                last_modified = CASE WHEN ?10 THEN NULL ELSE coalesce(?7, last_modified) END,
                next_due = ?8, site_url = coalesce(?9, site_url)
             WHERE id = ?1",
            params![
                id,
                Utc::now().timestamp(),
                record.status,
                record.failed,
                record.gone,
                record.etag,
                record.last_modified,
                record.next_due,
                record.site_url,
                record.forget_validators,
            ],
        )?;
        if let Some(url) = &record.moved_to {
            self.conn.execute(
                "UPDATE feeds SET url = ?2 WHERE id = ?1
                 AND NOT EXISTS (SELECT 1 FROM feeds WHERE url = ?2)",
                params![id, url],
            )?;
        }
        Ok(())
    }
}

/// The feeds with this tag (any case): what `tag:NAME` matches.
pub(super) fn feeds_tagged(conn: &rusqlite::Connection, tag: &str) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached("SELECT id, tags FROM feeds")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
    let wanted = tag.trim().to_lowercase();
    let mut ids = Vec::new();
    for row in rows {
        let (id, tags) = row?;
        if tags.split('\n').any(|t| t.to_lowercase() == wanted) {
            ids.push(id);
        }
    }
    Ok(ids)
}

/// Whether any feed item has this category (any case).
pub(super) fn items_tagged(conn: &rusqlite::Connection, tag: &str) -> Result<bool> {
    let sql = "SELECT EXISTS (SELECT 1 FROM article_tags WHERE tag = ?1)";
    Ok(conn.query_row(sql, [tag.trim()], |r| r.get(0))?)
}

#[cfg(test)]
mod tests;
