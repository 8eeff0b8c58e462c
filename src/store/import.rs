//! Writing articles: idempotent upserts in batches, keeping read and starred state.

use std::io::Write;

use chrono::Utc;
use rusqlite::{params, OptionalExtension, Transaction};
use sha2::{Digest, Sha256};

use super::names::{ensure_person, ensure_source};
use super::{Result, Store};
use crate::model::{Article, Block, BlockKind};

/// What happened to one article on import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportOutcome {
    Imported,
    Updated,
    Unchanged,
}

/// Totals of an import run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub imported: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub failed: u64,
}

impl ImportSummary {
    pub fn add(&mut self, outcome: ImportOutcome) {
        match outcome {
            ImportOutcome::Imported => self.imported += 1,
            ImportOutcome::Updated => self.updated += 1,
            ImportOutcome::Unchanged => self.unchanged += 1,
        }
    }
}

impl std::fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "imported {}, updated {}, unchanged {}, failed {}",
            self.imported, self.updated, self.unchanged, self.failed
        )
    }
}

/// One article to store, with the bytes it came from.
#[derive(Debug, Clone)]
pub struct NewArticle {
    pub article: Article,
    /// The original bytes, kept (compressed) so `reindex` can re-derive every field.
    pub raw: Vec<u8>,
    /// The file it came from, if any.
    pub origin: Option<String>,
    /// `import --source NAME`, kept so `reindex` settles the source the same way.
    pub source_hint: Option<String>,
}

impl Store {
    /// Stores a batch of articles in one transaction. The same article imported twice is stored
    /// once; a changed one is updated in place and keeps its read and starred marks.
    pub fn import_batch(&mut self, batch: &[NewArticle]) -> Result<Vec<ImportOutcome>> {
        let tx = self.conn.transaction()?;
        let outcomes = batch
            .iter()
            .map(|item| upsert(&tx, item))
            .collect::<Result<Vec<_>>>()?;
        tx.commit()?;
        Ok(outcomes)
    }
}

fn upsert(tx: &Transaction, item: &NewArticle) -> Result<ImportOutcome> {
    let hash = content_hash(&item.raw);
    let source_id = match item.article.source.as_deref() {
        Some(name) => Some(ensure_source(tx, name, item.article.parsed.url.as_deref())?),
        None => None,
    };
    let existing = find_existing(tx, item, source_id, &hash)?;
    let id = match existing {
        Some((_, ref old_hash)) if *old_hash == hash => return Ok(ImportOutcome::Unchanged),
        Some((id, _)) => {
            write_article(tx, item, source_id, &hash, Some(id))?;
            id
        }
        None => write_article(tx, item, source_id, &hash, None)?,
    };
    write_mentions(tx, id, &item.article)?;
    Ok(match existing {
        Some(_) => ImportOutcome::Updated,
        None => ImportOutcome::Imported,
    })
}

/// The stored article this one is a version of: same canonical URL, else same source + title +
/// date, else same file, else same bytes.
fn find_existing(
    tx: &Transaction,
    item: &NewArticle,
    source_id: Option<i64>,
    hash: &str,
) -> Result<Option<(i64, String)>> {
    let parsed = &item.article.parsed;
    let row = |r: &rusqlite::Row| Ok((r.get(0)?, r.get(1)?));
    if let Some(url) = &parsed.url {
        let sql = "SELECT id, content_hash FROM articles WHERE url = ?1";
        if let Some(found) = tx.query_row(sql, [url], row).optional()? {
            return Ok(Some(found));
        }
    }
    if let Some(date) = parsed.date {
        let sql = "SELECT id, content_hash FROM articles
                   WHERE source_id IS ?1 AND title = ?2 AND date = ?3 LIMIT 1";
        let date = date.to_string();
        let found = tx
            .query_row(sql, params![source_id, parsed.title, date], row)
            .optional()?;
        if found.is_some() {
            return Ok(found);
        }
    }
    if let Some(origin) = &item.origin {
        let sql = "SELECT id, content_hash FROM articles WHERE origin = ?1 LIMIT 1";
        if let Some(found) = tx.query_row(sql, [origin], row).optional()? {
            return Ok(Some(found));
        }
    }
    let sql = "SELECT id, content_hash FROM articles WHERE content_hash = ?1 LIMIT 1";
    Ok(tx.query_row(sql, [hash], row).optional()?)
}

/// Inserts the article, or rewrites every derived field of `existing` (marks untouched).
fn write_article(
    tx: &Transaction,
    item: &NewArticle,
    source_id: Option<i64>,
    hash: &str,
    existing: Option<i64>,
) -> Result<i64> {
    let parsed = &item.article.parsed;
    let now = Utc::now().to_rfc3339();
    let raw = compress(&item.raw);
    let values = params![
        source_id,
        parsed.title,
        parsed.date.map(|d| d.to_string()),
        parsed.url,
        parsed.byline,
        parsed.author,
        parsed.body_text(),
        heading_indexes(&item.article.parsed.body),
        raw,
        item.origin,
        hash,
        parsed.replacements as i64,
        now,
        item.source_hint,
    ];
    match existing {
        Some(id) => {
            tx.execute(
                "UPDATE articles SET source_id = ?1, title = ?2, date = ?3, url = ?4, byline = ?5,
                    author = ?6, body = ?7, headings = ?8, raw = ?9, origin = coalesce(?10, origin),
                    content_hash = ?11, replacements = ?12, updated_at = ?13, source_hint = ?14
                 WHERE id = ?15",
                rusqlite::params_from_iter(values.iter().copied().chain([&id as _])),
            )?;
            Ok(id)
        }
        None => {
            tx.execute(
                "INSERT INTO articles (source_id, title, date, url, byline, author, body, headings,
                    raw, origin, content_hash, replacements, imported_at, updated_at, source_hint)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14)",
                values,
            )?;
            Ok(tx.last_insert_rowid())
        }
    }
}

/// Replaces the article's mentions; variants that settle on one stored person are summed.
pub(super) fn write_mentions(tx: &Transaction, article_id: i64, article: &Article) -> Result<()> {
    tx.execute("DELETE FROM mentions WHERE article_id = ?1", [article_id])?;
    for person in &article.people {
        let person_id = ensure_person(tx, &person.name, &person.aliases)?;
        tx.execute(
            "INSERT INTO mentions (article_id, person_id, mentions, first_pos, aliases)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (article_id, person_id) DO UPDATE SET
                mentions = mentions + excluded.mentions,
                first_pos = min(first_pos, excluded.first_pos),
                aliases = aliases || char(10) || excluded.aliases",
            params![
                article_id,
                person_id,
                person.mentions,
                person.first_pos as i64,
                person.aliases.join("\n")
            ],
        )?;
    }
    Ok(())
}

/// The indexes of the heading blocks, comma-separated, as the `headings` column keeps them.
pub(super) fn heading_indexes(body: &[Block]) -> String {
    let indexes: Vec<String> = body
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind == BlockKind::Heading)
        .map(|(i, _)| i.to_string())
        .collect();
    indexes.join(",")
}

/// Hex SHA-256 of the original bytes.
pub fn content_hash(raw: &[u8]) -> String {
    let digest = Sha256::digest(raw);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn compress(raw: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(raw);
    encoder.finish().unwrap_or_default()
}

/// Inflates a stored raw blob.
pub(super) fn decompress(blob: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut decoder = flate2::write::DeflateDecoder::new(Vec::new());
    decoder.write_all(blob)?;
    decoder.finish()
}
