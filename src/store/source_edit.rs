//! Correcting sources: `byline source rename OLD NEW` and `byline source merge A B`. The old
//! names stay as aliases, so `source:OLD` still finds the articles, and are remembered as
//! renamed, so an import, fetch or reindex that reads the old name files the article under the
//! source it became.

use rusqlite::{params, Connection, OptionalExtension};

use super::names::{add_source_alias, ensure_source, source_key};
use super::{Result, Store, StoreError};

impl Store {
    /// Renames a source; when `new` is another source's name the two are merged into it.
    /// The source's name after the change.
    pub fn rename_source(&self, old: &str, new: &str) -> Result<String> {
        let new = new.trim();
        if new.is_empty() {
            return Err(StoreError::NoSuchSource(new.to_string()));
        }
        let tx = self.conn.unchecked_transaction()?;
        let id = source_named(&tx, old)?;
        let other: Option<i64> = tx
            .query_row(
                "SELECT id FROM sources WHERE name = ?1 AND id != ?2",
                params![new, id],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(into) = other {
            merge(&tx, id, into)?;
        } else {
            remember_old_name(&tx, id)?;
            tx.execute(
                "UPDATE sources SET name = ?2, key = ?3 WHERE id = ?1",
                params![id, new, source_key(new)],
            )?;
            add_source_alias(&tx, id, new)?;
        }
        tx.commit()?;
        Ok(new.to_string())
    }

    /// Renames a source, refusing a name another source has (a merge cannot be undone by
    /// renaming back). The source's name after the change.
    pub fn rename_source_only(&self, old: &str, new: &str) -> Result<String> {
        let id = source_named(&self.conn, old)?;
        let taken: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sources WHERE name = ?1 AND id != ?2)",
            params![new.trim(), id],
            |r| r.get(0),
        )?;
        if taken {
            return Err(StoreError::SourceExists(new.trim().to_string()));
        }
        self.rename_source(old, new)
    }

    /// How many articles the source `name` names (as `byline source` finds it) has.
    pub fn source_article_count(&self, name: &str) -> Result<u64> {
        let id = source_named(&self.conn, name)?;
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM articles WHERE source_id = ?1",
            [id],
            |r| r.get(0),
        )?;
        Ok(n as u64)
    }

    /// Merges source `from` into `into` (each named as `byline sources` shows it, or by an
    /// alias naming one source): its articles, aliases and old names go to `into`. The merged
    /// source's name.
    pub fn merge_sources(&self, from: &str, into: &str) -> Result<String> {
        let tx = self.conn.unchecked_transaction()?;
        let from = source_named(&tx, from)?;
        let into = source_named(&tx, into)?;
        if from != into {
            merge(&tx, from, into)?;
        }
        let name: String = tx.query_row("SELECT name FROM sources WHERE id = ?1", [into], |r| {
            r.get(0)
        })?;
        tx.commit()?;
        Ok(name)
    }
}

/// The one source `name` names: its exact name (ignoring case) first, else its key or an alias.
fn source_named(conn: &Connection, name: &str) -> Result<i64> {
    let exact: Option<i64> = conn
        .query_row("SELECT id FROM sources WHERE name = ?1", [name], |r| {
            r.get(0)
        })
        .optional()?;
    if let Some(id) = exact {
        return Ok(id);
    }
    let key = source_key(name);
    let mut stmt = conn.prepare(
        "SELECT s.id, s.name FROM sources s WHERE s.key = ?1
         UNION SELECT s.id, s.name FROM source_aliases a JOIN sources s ON s.id = a.source_id
         WHERE a.alias = ?1",
    )?;
    let found: Vec<(i64, String)> = stmt
        .query_map([&key], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    match found.as_slice() {
        [(id, _)] => Ok(*id),
        [] => Err(StoreError::NoSuchSource(name.to_string())),
        many => Err(StoreError::AmbiguousSource {
            name: name.to_string(),
            matches: many
                .iter()
                .map(|(_, n)| n.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        }),
    }
}

/// Keeps the source's current name as an alias and as a renamed name of it.
fn remember_old_name(conn: &Connection, id: i64) -> Result<()> {
    let name: String =
        conn.query_row("SELECT name FROM sources WHERE id = ?1", [id], |r| r.get(0))?;
    add_source_alias(conn, id, &name)?;
    conn.execute(
        "INSERT OR REPLACE INTO source_renamed (key, source_id) VALUES (?1, ?2)",
        params![source_key(&name), id],
    )?;
    Ok(())
}

/// Moves everything of source `from` to `into` and removes `from`.
fn merge(conn: &Connection, from: i64, into: i64) -> Result<()> {
    remember_old_name(conn, from)?;
    for sql in [
        "UPDATE articles SET source_id = ?2 WHERE source_id = ?1",
        "UPDATE deleted SET source_id = ?2 WHERE source_id = ?1",
        "UPDATE source_renamed SET source_id = ?2 WHERE source_id = ?1",
        "INSERT OR IGNORE INTO source_aliases (alias, source_id, display)
         SELECT alias, ?2, display FROM source_aliases WHERE source_id = ?1",
    ] {
        conn.execute(sql, params![from, into])?;
    }
    conn.execute("DELETE FROM sources WHERE id = ?1", [from])?;
    // The merged source's own name keeps resolving to it, whatever was renamed before.
    let name: String = conn.query_row("SELECT name FROM sources WHERE id = ?1", [into], |r| {
        r.get(0)
    })?;
    conn.execute(
        "DELETE FROM source_renamed WHERE key = ?1",
        [source_key(&name)],
    )?;
    ensure_source(conn, &name, None)?;
    Ok(())
}
