//! What the store worker watches besides its requests: generations superseded while their work
//! still runs ([`Supersede`]) and commits by other processes, an import beside the reader
//! ([`Watch`]).

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::msg::Response;
use super::worker::StoreApi;

/// How often the worker asks SQLite whether another process (an import) has committed.
pub const WATCH_INTERVAL: Duration = Duration::from_millis(1000);

/// The newest query generation the reader has asked for and the one the worker is running.
/// When the reader asks for a newer one, the running statement is cancelled: a histogram or a
/// picker count for a query already replaced must not hold the new query back.
pub struct Supersede {
    newest: AtomicU64,
    /// 0 when the worker runs nothing generational (marks, articles, saving).
    running: AtomicU64,
    cancel: Option<Box<dyn Fn() + Send + Sync>>,
}

impl Supersede {
    pub fn new(cancel: Option<Box<dyn Fn() + Send + Sync>>) -> Supersede {
        Supersede {
            newest: AtomicU64::new(0),
            running: AtomicU64::new(0),
            cancel,
        }
    }

    /// The reader is about to send work of generation `gen`; older running work is cancelled.
    pub fn asked(&self, gen: u64) {
        self.newest.fetch_max(gen, Ordering::SeqCst);
        let running = self.running.load(Ordering::SeqCst);
        if running != 0 && running < gen {
            if let Some(cancel) = &self.cancel {
                cancel();
            }
        }
    }

    /// Whether work of generation `gen` has been replaced by a newer query.
    pub fn stale(&self, gen: u64) -> bool {
        gen < self.newest.load(Ordering::SeqCst)
    }

    /// The worker starts (`Some(gen)`) or ends (`None`) a piece of work.
    pub fn running(&self, gen: Option<u64>) {
        self.running.store(gen.unwrap_or(0), Ordering::SeqCst);
    }
}

/// Notices commits by other processes (an import beside the reader), polled at most once per
/// [`WATCH_INTERVAL`]: a changed `data_version` is answered with the store's new total, and the
/// reader decides what to show. The list itself is only re-queried when the user asks.
pub struct Watch {
    version: Option<i64>,
    checked: Instant,
    every: Duration,
}

impl Watch {
    pub fn new(api: &dyn StoreApi) -> Watch {
        Watch::every(api, WATCH_INTERVAL)
    }

    /// A watch that polls at most once per `every`.
    pub fn every(api: &dyn StoreApi, every: Duration) -> Watch {
        Watch {
            version: api.data_version().ok(),
            checked: Instant::now(),
            every,
        }
    }

    /// `Some(StoreChanged)` when another connection has committed since the last poll.
    pub fn poll(&mut self, api: &dyn StoreApi) -> Option<Response> {
        if self.checked.elapsed() < self.every {
            return None;
        }
        self.checked = Instant::now();
        let now = api.data_version().ok()?;
        if self.version.replace(now) == Some(now) {
            return None;
        }
        match api.total() {
            Ok(total) => Some(Response::StoreChanged { total }),
            Err(e) => {
                super::log::line(&format!("store error: {e:#}"));
                None
            }
        }
    }
}

#[cfg(test)]
#[path = "watch_tests.rs"]
mod tests;
