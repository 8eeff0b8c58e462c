//! How the reader ends: the worker gets a bounded time to save the state and stop (a blocked or
//! dead worker is left behind and the state saved from a connection of our own), and a fault
//! becomes [`Crashed`], the error that tells the user what happened and where the log is.

use std::path::{Path, PathBuf};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::fault::Fault;
use super::msg::Request;

/// How long quitting waits for the worker to save and stop before saving without it.
pub const WORKER_GRACE: Duration = Duration::from_millis(1000);

/// The reader ended because a thread failed; the terminal is restored by then.
#[derive(Debug)]
pub struct Crashed {
    pub fault: Fault,
    /// Whether the query and selection were saved.
    pub saved: bool,
    pub log: Option<PathBuf>,
}

impl std::fmt::Display for Crashed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.fault)?;
        match self.saved {
            true => write!(f, "; the query and selection are saved")?,
            false => write!(f, "; the query and selection could not be saved")?,
        }
        match &self.log {
            Some(log) => write!(f, "; the backtrace is in {}", log.display()),
            None => Ok(()),
        }
    }
}

impl std::error::Error for Crashed {}

/// Waits up to `grace` for `thread` to end; whether it did (then it is joined).
pub fn wait(thread: JoinHandle<()>, grace: Duration) -> bool {
    let start = Instant::now();
    while !thread.is_finished() && start.elapsed() < grace {
        std::thread::sleep(Duration::from_millis(5));
    }
    if thread.is_finished() {
        let _ = thread.join();
        return true;
    }
    false
}

/// Saves the state with a connection of our own, for when the worker cannot.
pub fn save_directly(store: &Path, save: &Request) -> bool {
    let Request::SaveState {
        query,
        selected,
        sort,
    } = save
    else {
        return false;
    };
    let result = crate::store::Store::open(store).and_then(|s| {
        s.set_ui_value("last_query", query)?;
        s.set_ui_value("sort", sort.name())?;
        let selected = selected.map(|i| i.to_string()).unwrap_or_default();
        s.set_ui_value("selected_id", &selected)
    });
    match result {
        Ok(()) => true,
        Err(e) => {
            super::log::line(&format!("cannot save the state on the way out: {e:#}"));
            false
        }
    }
}

/// The fault, if the loop ended with one (a panic caught on the main thread or sent by
/// another thread).
pub fn fault_of(result: &std::thread::Result<anyhow::Result<()>>) -> Option<Fault> {
    match result {
        Err(payload) => Some(Fault::panic("main", payload.as_ref())),
        Ok(Err(e)) => e.downcast_ref::<Fault>().cloned(),
        Ok(Ok(())) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blocked_thread_is_left_behind_within_the_grace() {
        let (_tx, rx) = std::sync::mpsc::channel::<()>();
        let thread = std::thread::spawn(move || {
            let _ = rx.recv();
        });
        let start = Instant::now();
        assert!(!wait(thread, Duration::from_millis(50)));
        assert!(start.elapsed() < Duration::from_secs(5));
        assert!(wait(std::thread::spawn(|| {}), Duration::from_secs(5)));
    }

    #[test]
    fn the_message_names_the_log() {
        let crashed = Crashed {
            fault: Fault::worker_gone(),
            saved: true,
            log: Some(PathBuf::from("/tmp/byline.log")),
        };
        assert_eq!(
            crashed.to_string(),
            "the reader's byline-store thread stopped answering; the query and selection are \
             saved; the backtrace is in /tmp/byline.log"
        );
    }
}
