//! Bulk marks and deletion: the articles a query matches, marked or deleted in one
//! transaction, each change answered with what undoes it. A deleted article's row and original
//! move to `deleted`, which keeps a re-import or refetch from bringing it back
//! ([`super::identity`]) until it is restored.

use chrono::NaiveDate;
use rusqlite::params;

use super::person_forms::{forget_article, FormCounts};
use super::reindex::StoredRaw;
use super::sql_parts::id_list;
use super::{NewArticle, Result, Settled, Store};
use crate::query::Query;

/// Ids per statement: well under SQLite's expression depth and statement length limits.
const CHUNK: usize = 500;

/// A mark set in bulk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Read,
    Starred,
}

impl Mark {
    fn column(self) -> &'static str {
        match self {
            Mark::Read => "is_read",
            Mark::Starred => "is_starred",
        }
    }
}

/// A deleted article as `byline deleted` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeletedRow {
    /// Its id among the deleted (what `byline restore` takes).
    pub id: i64,
    pub title: String,
    pub source: Option<String>,
    pub date: Option<NaiveDate>,
    /// Unix seconds.
    pub deleted_at: i64,
}

/// A deleted article's original and what its row held that re-deriving it cannot give back.
pub struct DeletedOriginal {
    /// `raw.id` is the id among the deleted.
    pub raw: StoredRaw,
    pub feed_id: Option<i64>,
    pub read: bool,
    pub starred: bool,
}

impl Store {
    /// The ids of every article `query` matches, in no particular order.
    pub fn matching_ids(&self, query: &Query, today: NaiveDate) -> Result<Vec<i64>> {
        let filter = self.filter(query, today)?;
        let sql = format!("SELECT a.id {}", filter.matching_articles(""));
        let mut stmt = self.conn.prepare(&sql)?;
        let ids = stmt.query_map(rusqlite::params_from_iter(filter.params), |r| r.get(0))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }

    /// Sets `mark` to `on` for these articles in one transaction; the ids whose mark changed
    /// (setting it back on them undoes this).
    pub fn set_marks(&self, ids: &[i64], mark: Mark, on: bool) -> Result<Vec<i64>> {
        let tx = self.conn.unchecked_transaction()?;
        let column = mark.column();
        let mut changed = Vec::new();
        for chunk in ids.chunks(CHUNK) {
            let sql = format!(
                "UPDATE articles SET {column} = ?1 WHERE id IN ({}) AND {column} != ?1 RETURNING id",
                id_list(chunk)
            );
            let mut stmt = tx.prepare(&sql)?;
            let rows = stmt.query_map([on], |r| r.get::<_, i64>(0))?;
            for id in rows {
                changed.push(id?);
            }
        }
        tx.commit()?;
        Ok(changed)
    }

    /// Deletes these articles in one transaction, keeping each one's row and original among
    /// the deleted; their ids there (what [`crate::importer::restore`] takes back).
    pub fn delete_articles(&self, ids: &[i64]) -> Result<Vec<i64>> {
        let tx = self.conn.unchecked_transaction()?;
        let now = chrono::Utc::now().timestamp();
        let mut kept = Vec::new();
        let mut forms = FormCounts::default();
        for &id in ids {
            forget_article(&tx, id, &mut forms)?;
        }
        forms.flush(&tx)?;
        for chunk in ids.chunks(CHUNK) {
            let list = id_list(chunk);
            let sql = format!(
                "INSERT INTO deleted (article_id, source_id, title, date, url, origin,
                    content_hash, source_hint, feed_id, is_read, is_starred, deleted_at, raw)
                 SELECT a.id, a.source_id, a.title, a.date, a.url, a.origin, a.content_hash,
                    a.source_hint, a.feed_id, a.is_read, a.is_starred, ?1, r.raw
                 FROM articles a JOIN article_raw r ON r.article_id = a.id
                 WHERE a.id IN ({list}) RETURNING id"
            );
            let mut stmt = tx.prepare(&sql)?;
            for id in stmt.query_map([now], |r| r.get::<_, i64>(0))? {
                kept.push(id?);
            }
            tx.execute(
                &format!("DELETE FROM articles_fts WHERE rowid IN ({list})"),
                [],
            )?;
            tx.execute(&format!("DELETE FROM articles WHERE id IN ({list})"), [])?;
        }
        tx.commit()?;
        Ok(kept)
    }

    /// The newest `limit` deleted articles, newest deletion first.
    pub fn deleted(&self, limit: u64) -> Result<Vec<DeletedRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.id, d.title, s.name, d.date, d.deleted_at
             FROM deleted d LEFT JOIN sources s ON s.id = d.source_id
             ORDER BY d.deleted_at DESC, d.id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit.min(i64::MAX as u64) as i64], |r| {
            Ok(DeletedRow {
                id: r.get(0)?,
                title: super::clean::line(&r.get::<_, String>(1)?),
                source: r
                    .get::<_, Option<String>>(2)?
                    .map(|s| super::clean::line(&s)),
                date: r.get::<_, Option<String>>(3)?.and_then(|d| d.parse().ok()),
                deleted_at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The originals of these deleted articles (ids among the deleted; unknown ids are skipped).
    pub fn deleted_originals(&self, ids: &[i64]) -> Result<Vec<DeletedOriginal>> {
        let mut out = Vec::new();
        for chunk in ids.chunks(CHUNK) {
            let sql = format!(
                "SELECT id, raw, origin, source_hint, feed_id, is_read, is_starred
                 FROM deleted WHERE id IN ({})",
                id_list(chunk)
            );
            let mut stmt = self.conn.prepare(&sql)?;
            let rows = stmt.query_map([], |r| {
                Ok(DeletedOriginal {
                    raw: StoredRaw::new(r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?),
                    feed_id: r.get(4)?,
                    read: r.get(5)?,
                    starred: r.get(6)?,
                })
            })?;
            for row in rows {
                out.push(row?);
            }
        }
        Ok(out)
    }

    /// Every id among the deleted, newest deletion first.
    pub fn deleted_ids(&self) -> Result<Vec<i64>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM deleted ORDER BY deleted_at DESC, id DESC")?;
        let ids = stmt.query_map([], |r| r.get(0))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }

    /// Writes a deleted article back as an import would, its tombstone gone in the same
    /// transaction; the id it is stored under (an equal article stored since is that one).
    pub fn restore_article(&self, deleted_id: i64, item: &NewArticle) -> Result<Option<i64>> {
        let mut settled = Settled::default();
        let mut import = self.begin_import_shared(&mut settled)?;
        import.forget_deleted(deleted_id)?;
        import.write(item)?;
        let id = import.id_of(item)?;
        import.commit()?;
        Ok(id)
    }

    /// Puts back what a restored article's row held: its feed and marks.
    pub fn restore_row(&self, id: i64, original: &DeletedOriginal) -> Result<()> {
        self.conn.execute(
            "UPDATE articles SET feed_id = coalesce(?2, feed_id), is_read = ?3, is_starred = ?4
             WHERE id = ?1",
            params![id, original.feed_id, original.read, original.starred],
        )?;
        Ok(())
    }
}
