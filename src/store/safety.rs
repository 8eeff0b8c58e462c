//! Guarding the store file: refusing files that are not byline's, damaged or read-only before
//! anything is written, backing a store up before a migration, and naming the file in errors.

use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode};

use super::{Result, StoreError};

/// The first 16 bytes of every SQLite database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Tables whose presence marks a store as byline's, whatever its version.
const BYLINE_TABLES: &[&str] = &["articles", "sources", "people", "mentions"];

/// The tables each schema version adds (index 0: version 1): a store at version `v` has all of
/// `TABLES_BY_VERSION[..v]`, so another program's file that merely shares a few table names is
/// refused here rather than failing later with "no such table".
const TABLES_BY_VERSION: &[&[&str]] = &[
    &[
        "articles",
        "article_raw",
        "articles_fts",
        "mentions",
        "people",
        "person_aliases",
        "source_aliases",
        "sources",
    ],
    &["ui_state"],
    &["feeds", "article_tags"],
    &["deleted", "source_renamed"],
    &[], // columns only: a feed's full-text setting and each item's page state
    &["saved_searches"],
    &["authors", "article_authors", "not_people"],
    &["person_forms"],
];
const _: () = assert!(TABLES_BY_VERSION.len() as i64 == super::schema::SCHEMA_VERSION);

/// Checks the file before SQLite opens it: a missing or empty file is a new store; anything
/// else must be a writable regular file starting with SQLite's header.
pub(super) fn check_file(path: &Path) -> Result<()> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(err) => return Err(not_a_store(path, &err.to_string())),
    };
    if !meta.is_file() {
        return Err(not_a_store(path, "it is not a regular file"));
    }
    if meta.len() == 0 {
        return Ok(());
    }
    let mut header = [0u8; 16];
    let read = std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut header));
    match read {
        Err(err) if err.kind() == std::io::ErrorKind::UnexpectedEof => {
            return Err(not_a_store(path, "it is not an SQLite database"))
        }
        Err(err) => return Err(not_a_store(path, &err.to_string())),
        Ok(()) if &header != SQLITE_HEADER => {
            return Err(not_a_store(path, "it is not an SQLite database"))
        }
        Ok(()) => {}
    }
    // Root ignores permission bits, so look at them rather than relying on open() to fail.
    if meta.permissions().readonly() {
        return Err(StoreError::ReadOnly {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

fn not_a_store(path: &Path, reason: &str) -> StoreError {
    StoreError::NotAStore {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    }
}

/// Reads the schema without writing: the `user_version`, refusing another program's database
/// (tables but not byline's at its version), a store newer than this build, and naming the file
/// when SQLite finds it damaged. Runs before anything is written, even the switch to WAL, so a
/// refused file keeps every byte.
pub(super) fn check_schema(conn: &Connection, path: &Path) -> Result<i64> {
    // One statement, so one snapshot: read apart, another byline creating the store could
    // commit in between, and its tables would be seen beside version 0 as a foreign database.
    let read = || -> rusqlite::Result<(i64, Vec<String>)> {
        let (version, names): (i64, Option<String>) = conn.query_row(
            "SELECT user_version,
                    (SELECT group_concat(name, char(10)) FROM sqlite_master
                     WHERE type = 'table' AND name NOT LIKE 'sqlite_%')
             FROM pragma_user_version",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let mut tables: Vec<String> = names
            .unwrap_or_default()
            .split('\n')
            .filter(|n| !n.is_empty())
            .map(String::from)
            .collect();
        tables.sort();
        Ok((version, tables))
    };
    let (version, tables) = read().map_err(|e| explain(e.into(), path))?;
    let has_all = |names: &[&str]| names.iter().all(|t| tables.iter().any(|n| n == t));
    let supported = super::schema::SCHEMA_VERSION;
    let foreign = match version {
        0 => !tables.is_empty(),
        v if v < 0 => true,
        v if v > supported => !tables.is_empty() && !has_all(BYLINE_TABLES),
        v => !TABLES_BY_VERSION[..v as usize].iter().all(|t| has_all(t)),
    };
    if foreign {
        return Err(StoreError::NotByline {
            path: path.to_path_buf(),
            tables: summarize(&tables),
        });
    }
    if version > supported {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: version,
            supported,
        });
    }
    Ok(version)
}

fn summarize(tables: &[String]) -> String {
    let shown: Vec<&str> = tables.iter().take(5).map(String::as_str).collect();
    let more = tables.len().saturating_sub(shown.len());
    let mut text = shown.join(", ");
    if more > 0 {
        text.push_str(&format!(" and {more} more"));
    }
    crate::text::sanitize_line(&text)
}

/// Copies the store to `<store>.v<N>.bak` (or `.v<N>.<k>.bak` when that exists) with
/// `VACUUM INTO`, a consistent copy even with a WAL. Returns the copy's path.
pub(super) fn backup(conn: &Connection, path: &Path, version: i64) -> Result<PathBuf> {
    let target = free_backup_name(path, version);
    let target_text = target.to_string_lossy().into_owned();
    conn.execute("VACUUM INTO ?1", [&target_text])
        .map_err(|source| StoreError::Backup {
            path: path.to_path_buf(),
            backup: target.clone(),
            source,
        })?;
    Ok(target)
}

fn free_backup_name(path: &Path, version: i64) -> PathBuf {
    let base = path.as_os_str().to_string_lossy().into_owned();
    let first = PathBuf::from(format!("{base}.v{version}.bak"));
    if !first.exists() {
        return first;
    }
    (2u32..)
        .map(|k| PathBuf::from(format!("{base}.v{version}.{k}.bak")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

/// Turns SQLite's full-disk, I/O, damage and read-only errors into errors naming the store file.
pub fn explain(err: StoreError, path: &Path) -> StoreError {
    let StoreError::Sqlite(sqlite) = &err else {
        return err;
    };
    let detail = sqlite.to_string();
    let path = path.to_path_buf();
    match sqlite.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => StoreError::DiskFull { path, detail },
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => {
            StoreError::Corrupt { path, detail }
        }
        Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { path },
        // A write refused below SQLite: EFBIG past a file-size limit, EIO, a vanished disk.
        Some(ErrorCode::SystemIoFailure) => StoreError::Io { path, detail },
        _ => err,
    }
}

/// `BYLINE_TEST_MAX_PAGES=N` caps the store at N pages (SQLite's `max_page_count`): the tests'
/// stand-in for a full disk, which SQLite reports with the same error.
pub(super) fn apply_test_page_limit(conn: &Connection) -> Result<()> {
    if let Some(pages) = std::env::var("BYLINE_TEST_MAX_PAGES")
        .ok()
        .and_then(|v| v.parse::<i64>().ok())
    {
        conn.pragma_update(None, "max_page_count", pages)?;
    }
    Ok(())
}
