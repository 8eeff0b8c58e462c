//! The article store: SQLite (WAL, FTS5) holding articles, sources, people, mentions and read state.

mod authors;
mod checkpoint;
mod clean;
mod codec;
mod compile;
mod delete;
mod facets;
mod feed_items;
mod feed_marks;
mod feeds;
mod identity;
mod import;
mod mentions;
mod names;
mod outcome;
mod pages;
mod person_edit;
mod person_forms;
mod person_join;
mod person_page;
mod person_undo;
mod plan;
mod read;
mod reindex;
mod safety;
mod saved;
mod schema;
mod search;
mod settled;
mod sort;
mod source_edit;
mod sql_parts;
mod state;
mod wordset;

pub use authors::author_names;
pub use checkpoint::{Checkpointer, WAL_LIMIT_BYTES};
pub use delete::{DeletedOriginal, DeletedRow, Mark};
pub use facets::{Granularity, NameCount, PersonCount};
pub use feed_items::FeedItem;
pub use feeds::{Feed, FetchRecord};
pub use import::{ImportOutcome, ImportSummary, ImportTx, NewArticle};
pub use names::source_key;
pub use person_page::{PersonPage, PAGE_TOP, PAGE_WINDOW};
pub use person_undo::{IntoBefore, PersonSnapshot};
pub use read::{ArticleRow, StoredArticle, StoredPerson};
pub use reindex::{RewriteTx, StoredRaw};
pub use safety::explain;
pub use saved::{SavedCount, SavedSearch};
pub use schema::SCHEMA_VERSION;
pub use settled::Settled;
pub use sort::Sort;

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
    #[error("the folder {folder} for the store {path} does not exist; create it, or check --store and BYLINE_STORE for a typo")]
    NoFolder { path: PathBuf, folder: PathBuf },
    #[error("cannot create the folder for the store {path}: {source}")]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the file {path} is not a byline store ({reason}); it was left untouched")]
    NotAStore { path: PathBuf, reason: String },
    #[error("the file {path} is another program's SQLite database (tables: {tables}), not a byline store; it was left untouched")]
    NotByline { path: PathBuf, tables: String },
    #[error("the store {path} is damaged ({detail}); it was left untouched: restore a backup, or move it away to start a new store")]
    Corrupt { path: PathBuf, detail: String },
    #[error(
        "the store {path} is read-only; make it writable (chmod u+w) or choose another --store"
    )]
    ReadOnly { path: PathBuf },
    #[error("the disk holding the store {path} is full ({detail}); the batch being written was not stored and the store is intact: free some space and import again")]
    DiskFull { path: PathBuf, detail: String },
    #[error("cannot read or write the store {path} ({detail}): is its disk full or failing? The batch being written was not stored and the store is intact")]
    Io { path: PathBuf, detail: String },
    #[error("cannot back up the store {path} to {backup} before upgrading it: {source}; the store was left as it was")]
    Backup {
        path: PathBuf,
        backup: PathBuf,
        source: rusqlite::Error,
    },
    #[error("no source is called {0:?}: `byline sources` lists them")]
    NoSuchSource(String),
    #[error("{name:?} names several sources ({matches}): give the whole name")]
    AmbiguousSource { name: String, matches: String },
    #[error("a source is already called {0:?}: `byline source merge` joins two sources")]
    SourceExists(String),
    /// A query the store cannot run: an unknown `@name`, a saved search that refers to itself.
    #[error("invalid query: {0}")]
    Query(#[from] crate::query::QueryError),
    #[error("a saved search is already called {0:?}: choose another name")]
    SearchExists(String),
    #[error("no saved search is called {0:?}: `byline search list` lists them")]
    NoSuchSearch(String),
    #[error("{0:?} cannot name a saved search: use letters, digits, - and _ (at most 64)")]
    BadSearchName(String),
    #[error("the saved search {name:?} is used by {users}: change or remove those first")]
    SearchInUse { name: String, users: String },
    #[error("a person is already called {0:?}: `byline person merge` joins two people")]
    PersonExists(String),
    #[error("no person is called {0:?}: `byline people` lists them")]
    NoSuchPerson(String),
    #[error("{name:?} names several people ({matches}): give the whole name")]
    AmbiguousPerson { name: String, matches: String },
    #[error("store error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// How long a statement waits for another connection's lock before it gives up.
const BUSY_WAIT: Duration = Duration::from_secs(5);

impl StoreError {
    /// Whether another connection held the lock ("database is locked").
    pub fn is_busy(&self) -> bool {
        matches!(self, StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _))
            if matches!(e.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
    }

    /// Whether a [`Canceller`] stopped the statement (the work was not wanted any more).
    pub fn is_interrupted(&self) -> bool {
        matches!(self, StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::OperationInterrupted)
    }
}

/// Stops whatever statement the store is running, from another thread: the reader uses it to
/// drop a query nobody waits for any more. Harmless when nothing runs.
pub struct Canceller(rusqlite::InterruptHandle);

impl Canceller {
    pub fn cancel(&self) {
        self.0.interrupt();
    }
}

/// An open store. One connection; the reader gives it to a worker thread (it is `Send`).
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// The copy made before this open migrated the schema, with the version it was at.
    backup: Option<(PathBuf, i64)>,
    /// The last query compiled, reused by the count, page and histogram that follow it.
    compiled: std::cell::RefCell<Option<search::Compiled>>,
    /// The matches of the last compiled query's words, when they are tested in memory.
    words: wordset::Slot,
}

impl Store {
    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    ///
    /// A file that is not byline's, is damaged, read-only or newer is refused, naming it, and
    /// left untouched; an older store is first copied to `<store>.v<N>.bak` (see [`Store::backup`]).
    /// Only the default store's folder ([`crate::paths::default_store_path`]) is created; any
    /// other store's folder must exist.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            if crate::paths::default_store_path().as_deref() == Some(path) {
                std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
                    path: dir.to_path_buf(),
                    source,
                })?;
            } else if !dir.exists() {
                return Err(StoreError::NoFolder {
                    path: path.to_path_buf(),
                    folder: dir.to_path_buf(),
                });
            }
        }
        safety::check_file(path)?;
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        conn.busy_timeout(BUSY_WAIT)?;
        let mut store = Store {
            conn,
            path: Some(path.to_path_buf()),
            backup: None,
            compiled: Default::default(),
            words: Default::default(),
        };
        // Two bylines opening a brand-new store at once (the reader and an import) can meet the
        // "busy" SQLite returns without waiting, to avoid a deadlock, while the other switches
        // the file to WAL or creates the schema: setting up is retried for the busy timeout.
        let started = std::time::Instant::now();
        store.backup = loop {
            let setup = safety::check_schema(&store.conn, path)
                .and_then(|_| store.configure())
                .and_then(|_| schema::migrate(&store.conn, path));
            match setup {
                Ok(backup) => break backup,
                Err(e) if e.is_busy() && started.elapsed() < BUSY_WAIT => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(e) => return Err(safety::explain(e, path)),
            }
        };
        safety::apply_test_page_limit(&store.conn)?;
        Ok(store)
    }

    /// A private store in memory, for tests and `extract`.
    pub fn open_in_memory() -> Result<Store> {
        let store = Store {
            conn: Connection::open_in_memory()?,
            path: None,
            backup: None,
            compiled: Default::default(),
            words: Default::default(),
        };
        store.configure()?;
        schema::migrate(&store.conn, Path::new(":memory:"))?;
        Ok(store)
    }

    /// The copy of the store made before this open upgraded its schema, and the version copied.
    pub fn backup(&self) -> Option<(&Path, i64)> {
        self.backup.as_ref().map(|(p, v)| (p.as_path(), *v))
    }

    /// Names the store file in SQLite's full-disk, damage and read-only errors.
    pub fn explain(&self, err: StoreError) -> StoreError {
        match &self.path {
            Some(path) => safety::explain(err, path),
            None => err,
        }
    }

    /// A handle that stops this store's running statement from another thread.
    pub fn canceller(&self) -> Canceller {
        Canceller(self.conn.get_interrupt_handle())
    }

    /// The file behind the store, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn configure(&self) -> Result<()> {
        self.conn.busy_timeout(BUSY_WAIT)?;
        wordset::register(&self.conn, &self.words)?;
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

    /// SQLite's `quick_check` (every page and b-tree, without cross-checking indexes against
    /// tables): a write command runs it once before its first write, so a damaged store is
    /// refused ([`StoreError::Corrupt`]) rather than written into. It reads the whole file.
    pub fn check_sound(&self) -> Result<()> {
        let path = self
            .path
            .clone()
            .unwrap_or_else(|| PathBuf::from(":memory:"));
        let problems = (|| -> Result<Vec<String>> {
            let mut stmt = self.conn.prepare("PRAGMA quick_check(3)")?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
            Ok(rows.collect::<Result<_, _>>()?)
        })()
        .map_err(|e| safety::explain(e, &path))?;
        if problems.iter().all(|p| p == "ok") {
            return Ok(());
        }
        let detail: String = problems.join("; ").chars().take(300).collect();
        Err(StoreError::Corrupt {
            path,
            detail: crate::text::sanitize_line(&detail),
        })
    }

    /// The store's size in bytes (pages × page size; the log not counted).
    pub fn file_bytes(&self) -> Result<u64> {
        let sql = "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()";
        let bytes: i64 = self.conn.query_row(sql, [], |r| r.get(0))?;
        Ok(bytes.max(0) as u64)
    }

    /// Runs SQLite's integrity check: the problems it names, none when the file is sound.
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        let problems: Vec<String> = rows.collect::<Result<_, _>>()?;
        Ok(problems.into_iter().filter(|p| p != "ok").collect())
    }
}

#[cfg(test)]
mod tests;
