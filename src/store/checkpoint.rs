//! Checkpointing the write-ahead log on a thread of its own while an import writes.
//!
//! A checkpoint copies the log's pages into the database file and waits for the disk (fsync).
//! Run by the importing connection itself, every few batches, it stopped the writer for about
//! 100 ms each time, and the parsers behind it with a full queue. A second connection does it
//! beside the writer instead: a PASSIVE checkpoint never blocks the writer or a reader.

use std::sync::mpsc::{sync_channel, SyncSender, TrySendError};
use std::thread::JoinHandle;

use rusqlite::Connection;

use super::{Result, Store, BUSY_WAIT};

/// SQLite's default: the log is checkpointed when it exceeds this many pages.
const AUTOCHECKPOINT_PAGES: i64 = 1000;

/// The background checkpointer of one import (does nothing for a store in memory).
pub struct Checkpointer {
    nudge: Option<SyncSender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Store {
    /// Starts checkpointing this store's log on another connection and thread, and stops this
    /// connection's own automatic checkpoints until [`Checkpointer::finish`].
    pub fn checkpoint_in_background(&self) -> Result<Checkpointer> {
        let idle = Checkpointer {
            nudge: None,
            thread: None,
        };
        let Some(path) = self.path.as_deref() else {
            return Ok(idle);
        };
        let conn = Connection::open(path)?;
        conn.busy_timeout(BUSY_WAIT)?;
        self.conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        let (nudge, nudged) = sync_channel::<()>(1);
        let thread = std::thread::Builder::new()
            .name("byline-checkpoint".into())
            .spawn(move || {
                while nudged.recv().is_ok() {
                    // A checkpoint that fails (another one running, a reader in the way) leaves
                    // the log longer; the next one, or closing the store, copies it.
                    let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
                }
            });
        match thread {
            Ok(thread) => Ok(Checkpointer {
                nudge: Some(nudge),
                thread: Some(thread),
            }),
            Err(_) => {
                // No thread to spare: the connection checkpoints itself, as before.
                self.restore_autocheckpoint()?;
                Ok(idle)
            }
        }
    }

    fn restore_autocheckpoint(&self) -> Result<()> {
        self.conn
            .pragma_update(None, "wal_autocheckpoint", AUTOCHECKPOINT_PAGES)?;
        Ok(())
    }
}

impl Checkpointer {
    /// Asks for a checkpoint of everything committed so far (after a commit). Never waits: a
    /// checkpoint already asked for will copy this commit too.
    pub fn nudge(&self) {
        if let Some(nudge) = &self.nudge {
            match nudge.try_send(()) {
                Ok(()) | Err(TrySendError::Full(())) | Err(TrySendError::Disconnected(())) => {}
            }
        }
    }

    /// Waits for the last checkpoint and gives `store` its own automatic checkpoints back.
    pub fn finish(mut self, store: &Store) -> Result<()> {
        let running = self.thread.is_some();
        self.stop();
        if running {
            store.restore_autocheckpoint()?;
        }
        Ok(())
    }

    fn stop(&mut self) {
        self.nudge = None; // the thread's loop ends
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
