//! What `reindex` needs from the store: the stored original bytes in batches, and one article's
//! derived columns rewritten from the article the importer prepared again from them.

use rusqlite::{params, Transaction};

use super::codec::decompress;
use super::feed_items::{kept_first_seen, write_page_text, write_tags};
use super::import::{write_fts, NewArticle};
use super::mentions::write_mentions;
use super::names::ensure_source;
use super::settled::Settled;
use super::{Result, Store};

/// One stored article's original bytes and what its import was told about them.
pub struct StoredRaw {
    pub id: i64,
    packed: Vec<u8>,
    /// The file (or feed item) it came from.
    pub origin: Option<String>,
    /// `import --source NAME`, or a feed item's outlet.
    pub source_hint: Option<String>,
}

impl StoredRaw {
    pub(super) fn new(
        id: i64,
        packed: Vec<u8>,
        origin: Option<String>,
        source_hint: Option<String>,
    ) -> Self {
        StoredRaw {
            id,
            packed,
            origin,
            source_hint,
        }
    }

    /// The original bytes.
    pub fn raw(&self) -> std::io::Result<Vec<u8>> {
        decompress(&self.packed)
    }
}

impl Store {
    /// Up to `limit` stored originals with ids above `after`, in id order.
    pub fn raw_batch(&self, after: i64, limit: usize) -> Result<Vec<StoredRaw>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, t.raw, a.origin, a.source_hint
             FROM articles a JOIN article_raw t ON t.article_id = a.id
             WHERE a.id > ?1 ORDER BY a.id LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![after, limit as i64], |r| {
            Ok(StoredRaw {
                id: r.get(0)?,
                packed: r.get(1)?,
                origin: r.get(2)?,
                source_hint: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Opens a transaction rewriting derived columns (the write lock taken at once).
    pub fn begin_rewrite(&mut self) -> Result<RewriteTx<'_>> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut settled = Settled::default();
        settled.begin(&tx)?;
        Ok(RewriteTx {
            tx,
            settled,
            full_text: Vec::new(),
        })
    }

    /// After a reindex: forgets the people no article mentions any more, counts the names
    /// articles use afresh, and merges the full-text index.
    pub fn finish_reindex(&mut self) -> Result<()> {
        self.conn
            .execute_batch("DELETE FROM people WHERE id NOT IN (SELECT person_id FROM mentions)")?;
        let tx = self.conn.unchecked_transaction()?;
        super::person_forms::recount(&tx)?;
        tx.commit()?;
        self.conn
            .execute_batch("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")?;
        Ok(())
    }
}

/// Rewrites of stored articles' derived columns; ids, raw bytes and marks stay as they are.
pub struct RewriteTx<'s> {
    tx: Transaction<'s>,
    settled: Settled,
    /// (id, title, body) of the articles rewritten so far.
    full_text: Vec<(i64, String, String)>,
}

impl RewriteTx<'_> {
    /// Rewrites article `id` as `item` derives it: source, title, date, URL, byline, author,
    /// mentions, tags and (at commit) its words. `false` when its URL now belongs to another
    /// article: it is kept as it was.
    pub fn rewrite(&mut self, id: i64, item: &NewArticle) -> Result<bool> {
        let redated = kept_first_seen(&self.tx, item, Some(id))?;
        let item = redated.as_ref().unwrap_or(item);
        if !self.rewrite_columns(id, item)? {
            return Ok(false);
        }
        write_mentions(&self.tx, id, &item.article, &mut self.settled, false)?;
        let author = item.article.parsed.author.as_deref();
        super::authors::write_authors(&self.tx, id, author, false)?;
        if let Some(feed) = item.feed {
            write_tags(&self.tx, id, &item.tags, false)?;
            write_page_text(&self.tx, id, feed.page_text)?;
        }
        let title = item.article.parsed.title.clone();
        self.full_text.push((id, title, item.body_text.clone()));
        Ok(true)
    }

    fn rewrite_columns(&self, id: i64, item: &NewArticle) -> Result<bool> {
        let parsed = &item.article.parsed;
        let source_id = match item.article.source.as_deref() {
            Some(name) => Some(ensure_source(&self.tx, name, item.domain.as_deref())?),
            None => None,
        };
        let sql = "UPDATE articles SET source_id = ?2, title = ?3, date = ?4, url = ?5,
                byline = ?6, author = ?7, replacements = ?8, first_seen_date = ?9
             WHERE id = ?1";
        let updated = self.tx.prepare_cached(sql)?.execute(params![
            id,
            source_id,
            parsed.title,
            parsed.date.map(|d| d.to_string()),
            parsed.url,
            parsed.byline,
            parsed.author,
            parsed.replacements as i64,
            item.first_seen,
        ]);
        match updated {
            Ok(_) => Ok(true),
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                Ok(false)
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Indexes the rewritten articles' words (last, as on import) and commits.
    pub fn commit(mut self) -> Result<()> {
        self.settled.forms.flush(&self.tx)?;
        for (id, title, body) in &self.full_text {
            write_fts(&self.tx, *id, title, body, true)?;
        }
        self.tx.commit()?;
        Ok(())
    }
}
