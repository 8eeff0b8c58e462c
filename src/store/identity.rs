//! When two articles are the same: the rules that make an import idempotent, applied to the
//! stored articles (to update one) and to the deleted ones (to keep them out).

use rusqlite::{params, OptionalExtension, Transaction};

use super::import::NewArticle;
use super::Result;

/// Where to look for the same article. Both tables have the columns the rules read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Table {
    Articles,
    Deleted,
}

impl Table {
    fn name(self) -> &'static str {
        match self {
            Table::Articles => "articles",
            Table::Deleted => "deleted",
        }
    }
}

/// `(id, content hash)` of the article in `table` this one is a version of: for a feed's item
/// the same guid (its origin) first; then the same canonical URL, else the same source + title
/// + date, else the same file, else the same bytes.
pub(super) fn find(
    tx: &Transaction,
    table: Table,
    item: &NewArticle,
    source_id: Option<i64>,
    hash: &[u8],
) -> Result<Option<(i64, Vec<u8>)>> {
    let table = table.name();
    let parsed = &item.article.parsed;
    let row = |r: &rusqlite::Row| Ok((r.get(0)?, r.get(1)?));
    let by_origin = |origin: &str| -> Result<Option<(i64, Vec<u8>)>> {
        let sql = format!("SELECT id, content_hash FROM {table} WHERE origin = ?1 LIMIT 1");
        Ok(tx
            .prepare_cached(&sql)?
            .query_row([origin], row)
            .optional()?)
    };
    if let (Some(origin), Some(_)) = (&item.origin, item.feed) {
        if let Some(found) = by_origin(origin)? {
            return Ok(Some(found));
        }
    }
    if let Some(url) = &parsed.url {
        let sql = format!("SELECT id, content_hash FROM {table} WHERE url = ?1 LIMIT 1");
        if let Some(found) = tx.prepare_cached(&sql)?.query_row([url], row).optional()? {
            return Ok(Some(found));
        }
    }
    if let Some(date) = parsed.date {
        let sql = format!(
            "SELECT id, content_hash FROM {table}
             WHERE source_id IS ?1 AND title = ?2 AND date = ?3 LIMIT 1"
        );
        let date = date.to_string();
        let found = tx
            .prepare_cached(&sql)?
            .query_row(params![source_id, parsed.title, date], row)
            .optional()?;
        if found.is_some() {
            return Ok(found);
        }
    }
    if let Some(origin) = &item.origin {
        if let Some(found) = by_origin(origin)? {
            return Ok(Some(found));
        }
    }
    let sql = format!("SELECT id, content_hash FROM {table} WHERE content_hash = ?1 LIMIT 1");
    Ok(tx.prepare_cached(&sql)?.query_row([hash], row).optional()?)
}
