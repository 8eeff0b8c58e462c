//! Writing articles: idempotent upserts in batches, keeping read and starred state.

use chrono::Utc;
use rusqlite::{params, OptionalExtension, Transaction};
use sha2::{Digest, Sha256};

use super::authors::write_authors;
use super::codec::compress;
use super::feed_items::{kept_first_seen, url_owner, write_page_text, write_tags, FeedItem};
use super::identity::{find, Table};
use super::mentions::write_mentions;
use super::names::ensure_source;
pub use super::outcome::{ImportOutcome, ImportSummary};
use super::settled::Settled;
use super::{Result, Store};
use crate::model::Article;

/// One article to store. Building it hashes and compresses, so callers build these in parallel
/// and the single writer only writes.
#[derive(Debug, Clone)]
pub struct NewArticle {
    pub article: Article,
    /// The file it came from, if any.
    pub origin: Option<String>,
    /// `import --source NAME`, kept so `reindex` settles the source the same way.
    pub source_hint: Option<String>,
    content_hash: Vec<u8>,
    raw_packed: Vec<u8>,
    raw_len: usize,
    /// The body as the full-text index reads it, joined here on the parsing threads.
    pub(super) body_text: String,
    /// The URL's domain, an alias of the source.
    pub(super) domain: Option<String>,
    /// Set for a feed's item: its `origin` is its identity, and it is dated the day it was
    /// first seen when the feed gives no date.
    pub feed: Option<FeedItem>,
    /// The date is the day the item was first seen (its feed gave none).
    pub(super) first_seen: bool,
    /// A feed item's categories (`tag:` finds them).
    pub(super) tags: Vec<String>,
}

impl NewArticle {
    /// Prepares an article and the original bytes it came from (kept for `reindex`).
    pub fn new(
        article: Article,
        raw: &[u8],
        origin: Option<String>,
        source_hint: Option<String>,
    ) -> NewArticle {
        NewArticle {
            content_hash: Sha256::digest(raw).to_vec(),
            raw_packed: compress(raw),
            raw_len: raw.len(),
            body_text: article.parsed.body_text(),
            domain: article
                .parsed
                .url
                .as_deref()
                .and_then(crate::ingest::url_domain),
            article,
            origin,
            source_hint,
            feed: None,
            first_seen: false,
            tags: Vec::new(),
        }
    }

    /// The size of the original bytes.
    pub fn raw_len(&self) -> usize {
        self.raw_len
    }
}

impl Store {
    /// Stores a batch of articles in one transaction. The same article imported twice is stored
    /// once; a changed one is updated in place and keeps its read and starred marks.
    pub fn import_batch(&mut self, batch: &[NewArticle]) -> Result<Vec<ImportOutcome>> {
        let mut settled = Settled::default();
        let mut import = self.begin_import(&mut settled)?;
        let outcomes = batch
            .iter()
            .map(|item| import.write(item))
            .collect::<Result<Vec<_>>>()?;
        import.commit()?;
        Ok(outcomes)
    }

    /// Opens an import transaction, taking the write lock at once: a deferred one that read
    /// first could not upgrade a stale snapshot to a write while the reader marks articles.
    /// `settled` carries the people and sources settled by earlier transactions of the import.
    pub fn begin_import<'s>(&'s mut self, settled: &'s mut Settled) -> Result<ImportTx<'s>> {
        self.begin_import_shared(settled)
    }

    /// [`Store::begin_import`] on a shared store, for the few writes made where the store is
    /// shared (the reader's worker restoring deleted articles); the caller opens no other
    /// transaction meanwhile.
    pub(super) fn begin_import_shared<'s>(
        &'s self,
        settled: &'s mut Settled,
    ) -> Result<ImportTx<'s>> {
        let tx = Transaction::new_unchecked(&self.conn, rusqlite::TransactionBehavior::Immediate)?;
        size_full_text_buffer(&tx)?;
        settled.begin(&tx)?;
        Ok(ImportTx {
            tx,
            settled,
            full_text: Vec::new(),
        })
    }
}

/// One import transaction: articles are written as they arrive, so the writer works while the
/// rest of the batch is still being parsed. Nothing is stored unless it is committed.
pub struct ImportTx<'s> {
    tx: Transaction<'s>,
    settled: &'s mut Settled,
    /// (id, replaces an old entry, title, body) of the articles written so far.
    full_text: Vec<(i64, bool, String, String)>,
}

impl ImportTx<'_> {
    /// Writes one article (its full-text entry waits for [`ImportTx::commit`]).
    pub fn write(&mut self, item: &NewArticle) -> Result<ImportOutcome> {
        let (outcome, id) = upsert(&self.tx, item, self.settled)?;
        if let Some(id) = id {
            let replace = outcome == ImportOutcome::Updated;
            let title = item.article.parsed.title.clone();
            self.full_text
                .push((id, replace, title, item.body_text.clone()));
        }
        Ok(outcome)
    }

    /// Drops a deleted article's tombstone, so the article can be written again.
    pub(super) fn forget_deleted(&self, deleted_id: i64) -> Result<()> {
        self.tx
            .execute("DELETE FROM deleted WHERE id = ?1", [deleted_id])?;
        Ok(())
    }

    /// The id of the stored article with this one's bytes.
    pub(super) fn id_of(&self, item: &NewArticle) -> Result<Option<i64>> {
        let sql = "SELECT id FROM articles WHERE content_hash = ?1 LIMIT 1";
        Ok(self
            .tx
            .prepare_cached(sql)?
            .query_row([&item.content_hash], |r| r.get(0))
            .optional()?)
    }

    /// Indexes the articles' words and commits.
    pub fn commit(self) -> Result<()> {
        // The full-text rows go last: any later statement that opens a statement savepoint
        // (an upsert, a REPLACE, a foreign-key check) makes FTS5 flush its pending index to
        // disk, which was the importer's main cost when they were interleaved.
        self.settled.forms.flush(&self.tx)?;
        for (id, replace, title, body) in &self.full_text {
            write_fts(&self.tx, *id, title, body, *replace)?;
        }
        self.tx.commit()?;
        self.settled.committed();
        Ok(())
    }
}

/// What FTS5 holds in memory before it writes its pending index to disk as a new segment. At
/// its default (1 MiB) a batch of 2,000 articles made about ten segments for the merges to
/// rewrite; with room for a whole batch it makes one, and the import takes about 10% less time
/// (interleaved runs on 10,000 generated articles).
const FTS_HASH_BYTES: i64 = 32 << 20;

/// Sets the store's FTS5 `hashsize` to [`FTS_HASH_BYTES`] (kept in its config table) when it
/// is not already.
fn size_full_text_buffer(tx: &Transaction) -> Result<()> {
    let current: Option<i64> = tx
        .prepare_cached("SELECT v FROM articles_fts_config WHERE k = 'hashsize'")?
        .query_row([], |r| r.get(0))
        .optional()?;
    if current != Some(FTS_HASH_BYTES) {
        tx.execute(
            "INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', ?1)",
            [FTS_HASH_BYTES],
        )?;
    }
    Ok(())
}

/// Writes one article (not its full-text entry); the id it was written under, if it was.
fn upsert(
    tx: &Transaction,
    item: &NewArticle,
    settled: &mut Settled,
) -> Result<(ImportOutcome, Option<i64>)> {
    let hash = &item.content_hash;
    let source_id = match item.article.source.as_deref() {
        Some(name) => Some(settle_source(tx, name, item.domain.as_deref(), settled)?),
        None => None,
    };
    let existing = find(tx, Table::Articles, item, source_id, hash)?;
    if let Some((id, old_hash)) = &existing {
        if old_hash == hash && !new_source_hint(tx, *id, item)? {
            return Ok((ImportOutcome::Unchanged, None));
        }
    }
    if existing.is_none() && find(tx, Table::Deleted, item, source_id, hash)?.is_some() {
        return Ok((ImportOutcome::Deleted, None));
    }
    let existing_id = existing.as_ref().map(|(id, _)| *id);
    let kept;
    let item = match kept_first_seen(tx, item, existing_id)? {
        Some(redated) => {
            kept = redated;
            &kept
        }
        None => item,
    };
    let id = write_article(tx, item, source_id, existing_id)?;
    write_raw(tx, id, item)?;
    let fresh = existing.is_none();
    write_mentions(tx, id, &item.article, settled, fresh)?;
    write_authors(tx, id, item.article.parsed.author.as_deref(), fresh)?;
    if let Some(feed) = item.feed {
        write_tags(tx, id, &item.tags, fresh)?;
        write_page_text(tx, id, feed.page_text)?;
    }
    let outcome = match existing {
        Some(_) => ImportOutcome::Updated,
        None => ImportOutcome::Imported,
    };
    Ok((outcome, Some(id)))
}

/// Whether `import --source NAME` names another source than the stored article was given: the
/// same bytes are then written again to file it under the new source.
fn new_source_hint(tx: &Transaction, id: i64, item: &NewArticle) -> Result<bool> {
    let Some(hint) = &item.source_hint else {
        return Ok(false);
    };
    let sql = "SELECT source_hint IS NOT ?2 FROM articles WHERE id = ?1";
    Ok(tx
        .prepare_cached(sql)?
        .query_row(params![id, hint], |r| r.get(0))?)
}

/// The source's id, settled once per import (see [`Settled`]).
fn settle_source(
    tx: &Transaction,
    name: &str,
    domain: Option<&str>,
    settled: &mut Settled,
) -> Result<i64> {
    if let Some(id) = settled.source(name, domain) {
        return Ok(id);
    }
    let id = ensure_source(tx, name, domain)?;
    settled.settle_source(name, domain, id);
    Ok(id)
}

/// Inserts the article, or rewrites every derived field of `existing` (marks untouched).
fn write_article(
    tx: &Transaction,
    item: &NewArticle,
    source_id: Option<i64>,
    existing: Option<i64>,
) -> Result<i64> {
    let parsed = &item.article.parsed;
    let now = Utc::now().timestamp();
    let url = match (&parsed.url, existing) {
        (Some(url), Some(id)) if url_owner(tx, url)?.is_some_and(|owner| owner != id) => None,
        (url, _) => url.clone(),
    };
    let values = params![
        source_id,
        parsed.title,
        parsed.date.map(|d| d.to_string()),
        url,
        parsed.byline,
        parsed.author,
        item.origin,
        item.content_hash,
        parsed.replacements as i64,
        now,
        item.source_hint,
        existing,
        item.feed.and_then(|f| f.feed_id),
        item.first_seen,
    ];
    if existing.is_some() {
        let sql =
            "UPDATE articles SET source_id = ?1, title = ?2, date = ?3, url = ?4, byline = ?5,
                author = ?6, origin = coalesce(?7, origin), content_hash = ?8, replacements = ?9,
                updated_at = ?10, source_hint = ?11,
                feed_id = coalesce(?13, feed_id), first_seen_date = ?14
             WHERE id = ?12";
        tx.prepare_cached(sql)?.execute(values)?;
        return Ok(existing.unwrap_or_default());
    }
    let sql = "INSERT INTO articles (source_id, title, date, url, byline, author, origin,
            content_hash, replacements, imported_at, updated_at, source_hint, id, feed_id,
            first_seen_date)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11, ?12, ?13, ?14)";
    tx.prepare_cached(sql)?.execute(values)?;
    Ok(tx.last_insert_rowid())
}

/// Writes the article's original bytes, compressed.
fn write_raw(tx: &Transaction, id: i64, item: &NewArticle) -> Result<()> {
    let sql = "INSERT OR REPLACE INTO article_raw (article_id, raw) VALUES (?1, ?2)";
    tx.prepare_cached(sql)?
        .execute(params![id, item.raw_packed])?;
    Ok(())
}

/// Indexes an article's words, replacing its old entry when `replace`.
pub(super) fn write_fts(
    tx: &Transaction,
    id: i64,
    title: &str,
    body: &str,
    replace: bool,
) -> Result<()> {
    if replace {
        tx.prepare_cached("DELETE FROM articles_fts WHERE rowid = ?1")?
            .execute([id])?;
    }
    tx.prepare_cached("INSERT INTO articles_fts (rowid, title, body) VALUES (?1, ?2, ?3)")?
        .execute(params![id, title, body])?;
    Ok(())
}
