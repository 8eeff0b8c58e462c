//! Faults on the reader's threads: every thread runs guarded (a panic that escapes it becomes a
//! [`Fault`] sent to the loop, which then ends the reader cleanly), and what a fault says.

use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::Sender;
use std::thread::JoinHandle;

/// A thread of the reader died (or went away): the reader must end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    /// The thread's name (`byline-store`, `byline-input`, `main`…).
    pub thread: String,
    /// What happened, e.g. "panicked: index out of bounds".
    pub what: String,
}

impl Fault {
    /// A panic caught with `payload` on `thread`.
    pub fn panic(thread: &str, payload: &(dyn Any + Send)) -> Fault {
        Fault {
            thread: thread.to_string(),
            what: format!("panicked: {}", panic_text(payload)),
        }
    }

    /// The worker cannot be reached (its channel is closed).
    pub fn worker_gone() -> Fault {
        Fault {
            thread: "byline-store".into(),
            what: "stopped answering".into(),
        }
    }
}

impl std::fmt::Display for Fault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the reader's {} thread {}", self.thread, self.what)
    }
}

impl std::error::Error for Fault {}

/// The message of a panic payload (`panic!` with a literal or with a format).
pub fn panic_text(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "(no message)".to_string()
    }
}

/// Starts the thread `name` running `body`; a panic that escapes `body` is sent on `faults` as
/// a [`Fault`] (the panic hook has logged it with its backtrace already).
pub fn spawn_guarded<T, F>(
    name: &'static str,
    faults: Sender<T>,
    body: F,
) -> std::io::Result<JoinHandle<()>>
where
    T: From<Fault> + Send + 'static,
    F: FnOnce() + Send + 'static,
{
    std::thread::Builder::new()
        .name(name.into())
        .spawn(move || {
            if let Err(payload) = catch_unwind(AssertUnwindSafe(body)) {
                let _ = faults.send(T::from(Fault::panic(name, payload.as_ref())));
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_on_a_guarded_thread_is_sent_as_a_fault() {
        let (tx, rx) = std::sync::mpsc::channel::<super::super::msg::Input>();
        let thread = spawn_guarded("byline-test", tx, || panic!("boom {}", 7)).unwrap();
        thread.join().unwrap();
        let Ok(super::super::msg::Input::Fault(fault)) = rx.recv() else {
            panic!("a fault");
        };
        assert_eq!(fault.thread, "byline-test");
        assert_eq!(fault.what, "panicked: boom 7");
        assert!(rx.recv().is_err(), "the sender went with the thread");
    }
}
