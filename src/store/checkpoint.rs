//! Checkpointing the write-ahead log on a thread of its own while an import writes.
//!
//! A checkpoint copies the log's pages into the database file and waits for the disk (fsync).
//! Run by the importing connection itself, every few batches, it stopped the writer for about
//! 100 ms each time, and the parsers behind it with a full queue. A second connection does it
//! beside the writer instead: a PASSIVE checkpoint never blocks the writer or a reader.
//!
//! SQLite starts the log over only when a write transaction begins with every frame of it
//! copied, which never happens while the writer keeps writing as the checkpointer copies: the
//! log would grow to the size of the whole import. So once it passes [`WAL_LIMIT_BYTES`], the
//! writer waits for the checkpoint in progress before its next transaction, and the log starts
//! over from its beginning. The log's size is the one SQLite reports to the writer after each of
//! its commits (the WAL hook), so the writer never decides on a size the checkpointing thread
//! has not yet got round to measuring.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;

use rusqlite::Connection;

use super::{Result, Store, BUSY_WAIT};

/// SQLite's default: the log is checkpointed when it exceeds this many pages.
const AUTOCHECKPOINT_PAGES: i64 = 1000;

/// How long the log may grow during an import before the writer lets it start over: it stays
/// under about this plus one batch (the connection checkpointing itself kept it near one batch,
/// about 30 MiB). Each start-over waits for the checkpoint in progress, which measured the same
/// as never waiting on 10,000 articles (interleaved runs, limits of 32 MiB and 128 MiB).
pub const WAL_LIMIT_BYTES: i64 = 64 << 20;

/// The background checkpointer of one import (does nothing for a store in memory).
pub struct Checkpointer {
    shared: Option<Arc<Shared>>,
    thread: Option<JoinHandle<()>>,
    /// Log frames past which the writer waits (see [`Checkpointer::before_transaction`]).
    limit_frames: i64,
    /// Frames in the log after the writer's last commit, as SQLite's WAL hook reports them.
    log_frames: Arc<AtomicI64>,
}

/// What the writer and the checkpointing thread share.
#[derive(Default)]
struct Shared {
    state: Mutex<State>,
    changed: Condvar,
}

#[derive(Default)]
struct State {
    /// Checkpoints asked for, and done (each covers every commit before it was asked for).
    asked: u64,
    done: u64,
    stopping: bool,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn wait_while<'a>(
        &self,
        state: MutexGuard<'a, State>,
        busy: impl FnMut(&mut State) -> bool,
    ) -> MutexGuard<'a, State> {
        let waited = self.changed.wait_while(state, busy);
        waited.unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Store {
    /// Starts checkpointing this store's log on another connection and thread, and stops this
    /// connection's own automatic checkpoints until [`Checkpointer::finish`]. The log may grow
    /// to about `wal_limit_bytes` (see [`WAL_LIMIT_BYTES`]).
    pub fn checkpoint_in_background(&mut self, wal_limit_bytes: i64) -> Result<Checkpointer> {
        let idle = Checkpointer {
            shared: None,
            thread: None,
            limit_frames: 0,
            log_frames: Arc::default(),
        };
        let Some(path) = self.path.as_deref() else {
            return Ok(idle);
        };
        let conn = Connection::open(path)?;
        conn.busy_timeout(BUSY_WAIT)?;
        let page_size: i64 = self.conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
        self.conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        // Replaces the automatic checkpoints' own hook (restored by `restore_autocheckpoint`).
        let log_frames = Arc::new(AtomicI64::new(0));
        let reported = Arc::clone(&log_frames);
        self.conn
            .wal_hook(Some(move |_: &mut rusqlite::hooks::Wal, frames| {
                reported.store(i64::from(frames), Ordering::Relaxed);
                Ok(())
            }))?;
        let shared = Arc::new(Shared::default());
        let for_thread = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("byline-checkpoint".into())
            .spawn(move || checkpoint_when_asked(&conn, &for_thread));
        match thread {
            Ok(thread) => Ok(Checkpointer {
                shared: Some(shared),
                thread: Some(thread),
                limit_frames: wal_limit_bytes / page_size.max(512),
                log_frames,
            }),
            Err(_) => {
                // No thread to spare: the connection checkpoints itself, as before.
                self.restore_autocheckpoint()?;
                Ok(idle)
            }
        }
    }

    fn restore_autocheckpoint(&mut self) -> Result<()> {
        self.conn
            .wal_hook(None::<fn(&mut rusqlite::hooks::Wal, i32) -> rusqlite::Result<()>>)?;
        self.conn
            .pragma_update(None, "wal_autocheckpoint", AUTOCHECKPOINT_PAGES)?;
        Ok(())
    }
}

/// The checkpointing thread: one PASSIVE checkpoint per round of requests, until stopped.
fn checkpoint_when_asked(conn: &Connection, shared: &Shared) {
    loop {
        let state = shared.wait_while(shared.lock(), |s| s.done == s.asked && !s.stopping);
        if state.done == state.asked {
            return; // stopping, with nothing left to copy
        }
        let covering = state.asked;
        drop(state);
        // A checkpoint that fails (another one running, a reader in the way) leaves the log
        // longer; the next one, or closing the store, copies it.
        let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| r.get::<_, i64>(1));
        let mut state = shared.lock();
        state.done = covering;
        shared.changed.notify_all();
    }
}

impl Checkpointer {
    /// Asks for a checkpoint of everything committed so far (after a commit). Never waits.
    pub fn nudge(&self) {
        if let Some(shared) = &self.shared {
            shared.lock().asked += 1;
            shared.changed.notify_all();
        }
    }

    /// Before the writer's next transaction: once the log has grown past its limit, waits for
    /// the checkpoints asked for, so that the transaction starts the log over.
    pub fn before_transaction(&self) {
        let Some(shared) = &self.shared else { return };
        if self.log_frames.load(Ordering::Relaxed) <= self.limit_frames {
            return;
        }
        drop(shared.wait_while(shared.lock(), |s| s.done != s.asked));
    }

    /// Waits for the last checkpoint and gives `store` its own automatic checkpoints back.
    pub fn finish(mut self, store: &mut Store) -> Result<()> {
        let running = self.thread.is_some();
        self.stop();
        if running {
            store.restore_autocheckpoint()?;
        }
        Ok(())
    }

    fn stop(&mut self) {
        if let Some(shared) = &self.shared {
            shared.lock().stopping = true;
            shared.changed.notify_all();
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        self.stop();
    }
}
