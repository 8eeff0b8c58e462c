//! Re-deriving every article from its stored raw bytes after a parser or extractor improves.

use rayon::prelude::*;
use rusqlite::params;

use super::codec::decompress;
use super::feed_items::first_seen_day;
use super::import::write_fts;
use super::mentions::write_mentions;
use super::names::ensure_source;
use super::settled::Settled;
use super::{Result, Store};
use crate::ingest::{self, Origin};
use crate::model::Article;

/// What a reindex did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReindexSummary {
    pub articles: u64,
    /// Articles whose stored bytes no longer parse (kept as they were), with the reason.
    pub failed: Vec<(i64, String)>,
}

struct Stored {
    id: i64,
    raw: Vec<u8>,
    origin: Option<String>,
    source_hint: Option<String>,
}

impl Store {
    /// Re-parses every article from its raw bytes, in batches of `batch_size`, keeping ids and
    /// read/starred marks. `progress` gets the number of articles done.
    pub fn reindex(
        &mut self,
        batch_size: usize,
        progress: &mut dyn FnMut(u64),
    ) -> Result<ReindexSummary> {
        let mut summary = ReindexSummary::default();
        let mut after = 0i64;
        loop {
            let batch = self.stored_batch(after, batch_size.max(1))?;
            let Some(last) = batch.last() else { break };
            after = last.id;
            let derived: Vec<_> = batch.par_iter().map(derive_again).collect();
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let mut rewritten = Vec::new();
            for (id, result) in derived {
                match result {
                    Ok(article) if rewrite(&tx, id, &article)? => rewritten.push((id, article)),
                    Ok(_) => summary
                        .failed
                        .push((id, "its URL now matches another article".into())),
                    Err(reason) => summary.failed.push((id, reason)),
                }
                summary.articles += 1;
            }
            // Full-text rows last, as on import (see `Store::import_batch`).
            for (id, article) in rewritten {
                let parsed = &article.parsed;
                write_fts(&tx, id, &parsed.title, &parsed.body_text(), true)?;
            }
            tx.commit()?;
            progress(summary.articles);
        }
        self.conn.execute_batch(
            "DELETE FROM people WHERE id NOT IN (SELECT person_id FROM mentions);
             INSERT INTO articles_fts(articles_fts) VALUES ('optimize');",
        )?;
        Ok(summary)
    }

    fn stored_batch(&self, after: i64, limit: usize) -> Result<Vec<Stored>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, t.raw, a.origin, a.source_hint
             FROM articles a JOIN article_raw t ON t.article_id = a.id
             WHERE a.id > ?1 ORDER BY a.id LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![after, limit as i64], |r| {
            Ok(Stored {
                id: r.get(0)?,
                raw: r.get(1)?,
                origin: r.get(2)?,
                source_hint: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

fn derive_again(stored: &Stored) -> (i64, Result<Article, String>) {
    let result = decompress(&stored.raw)
        .map_err(|e| e.to_string())
        .and_then(|raw| {
            let parsed = ingest::parse(&raw).map_err(|e| e.to_string())?;
            let parent_folder = stored.origin.as_deref().and_then(|o| {
                let parent = std::path::Path::new(o).parent()?;
                Some(parent.file_name()?.to_string_lossy().into_owned())
            });
            let origin = Origin {
                source_override: stored.source_hint.clone(),
                parent_folder,
            };
            Ok(ingest::derive(parsed, &origin))
        });
    (stored.id, result)
}

/// Rewrites one article's derived fields; `false` when it would collide with another article.
fn rewrite(tx: &rusqlite::Transaction, id: i64, article: &Article) -> Result<bool> {
    let redated = first_seen_date(tx, id, article)?;
    let article = redated.as_ref().unwrap_or(article);
    let parsed = &article.parsed;
    let source_id = match article.source.as_deref() {
        Some(name) => {
            let domain = parsed.url.as_deref().and_then(crate::ingest::url_domain);
            Some(ensure_source(tx, name, domain.as_deref())?)
        }
        None => None,
    };
    let updated = tx
        .prepare_cached(
            "UPDATE articles SET source_id = ?2, title = ?3, date = ?4, url = ?5, byline = ?6,
                author = ?7, replacements = ?8
             WHERE id = ?1",
        )?
        .execute(params![
            id,
            source_id,
            parsed.title,
            parsed.date.map(|d| d.to_string()),
            parsed.url,
            parsed.byline,
            parsed.author,
            parsed.replacements as i64,
        ]);
    match updated {
        Ok(_) => {
            write_mentions(tx, id, article, &mut Settled::default(), false)?;
            Ok(true)
        }
        // The re-derived URL now belongs to another stored article: keep this one as it was.
        Err(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            Ok(false)
        }
        Err(e) => Err(e.into()),
    }
}

/// A feed item with no date of its own keeps the day it was first seen: the article with that
/// date, when it needs one.
fn first_seen_date(
    tx: &rusqlite::Transaction,
    id: i64,
    article: &Article,
) -> Result<Option<Article>> {
    if article.parsed.date.is_some() {
        return Ok(None);
    }
    let Some(date) = first_seen_day(tx, id)? else {
        return Ok(None);
    };
    let mut redated = article.clone();
    redated.parsed.date = Some(date);
    Ok(Some(redated))
}
