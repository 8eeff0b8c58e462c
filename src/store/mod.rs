//! The article store: SQLite (WAL, FTS5) holding articles, sources, people, mentions and read state.

mod facets;
mod import;
mod names;
mod read;
mod reindex;
mod schema;
mod search;
mod state;

pub use facets::{Granularity, NameCount, PersonCount};
pub use import::{ImportOutcome, ImportSummary, NewArticle};
pub use names::source_key;
pub use read::{ArticleRow, StoredArticle, StoredPerson};
pub use reindex::ReindexSummary;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;

/// Everything that can go wrong with the store, naming the file where it helps.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the store {path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("the store {path} has schema version {found}, newer than this byline understands ({supported}); upgrade byline")]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("cannot create the folder for the store {path}: {source}")]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("store error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open store. One connection; the reader gives it to a worker thread (it is `Send`).
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        let store = Store {
            conn,
            path: Some(path.to_path_buf()),
        };
        store.configure()?;
        schema::migrate(&store.conn, path)?;
        Ok(store)
    }

    /// A private store in memory, for tests and `extract`.
    pub fn open_in_memory() -> Result<Store> {
        let store = Store {
            conn: Connection::open_in_memory()?,
            path: None,
        };
        store.configure()?;
        schema::migrate(&store.conn, Path::new(":memory:"))?;
        Ok(store)
    }

    /// The file behind the store, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn configure(&self) -> Result<()> {
        self.conn.busy_timeout(Duration::from_secs(5))?;
        self.conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = NORMAL;
             PRAGMA foreign_keys = ON;
             PRAGMA temp_store = MEMORY;
             PRAGMA cache_size = -16000;",
        )?;
        Ok(())
    }

    /// Refreshes the query planner's statistics where they are stale (cheap; after imports).
    pub fn optimize(&self) -> Result<()> {
        self.conn.execute_batch("PRAGMA optimize;")?;
        Ok(())
    }

    /// Runs SQLite's integrity check; `Ok(())` when the file is sound.
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        let problems: Vec<String> = rows.collect::<Result<_, _>>()?;
        Ok(problems.into_iter().filter(|p| p != "ok").collect())
    }
}

#[cfg(test)]
mod tests;
