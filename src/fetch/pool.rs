//! Bounded parallel work with a per-host limit: at most `parallel` jobs at once and at most
//! `per_host` against any one host, results handed back on the calling thread as they finish.

use std::any::Any;
use std::collections::{HashMap, VecDeque};
use std::panic::{self, AssertUnwindSafe};
use std::sync::{mpsc, Condvar, Mutex, MutexGuard};
use std::thread;

/// A job whose `work` panicked. The pool catches the panic so the other jobs still run; the job
/// itself is lost, so its host is all that identifies it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Panicked {
    pub host: String,
    pub message: String,
}

/// The jobs not started yet and how many are running per host, behind one lock.
struct Queue<J> {
    pending: VecDeque<(J, String)>,
    busy: HashMap<String, usize>,
}

struct Shared<J> {
    queue: Mutex<Queue<J>>,
    /// Signalled whenever a job finishes (a host may have become free) or the queue is dropped.
    changed: Condvar,
    per_host: usize,
}

/// Runs `work` over `jobs` on up to `parallel` threads (0 counts as 1), never more than
/// `per_host` jobs at once for one `host_of` value (0 counts as 1).
///
/// Jobs start in the order given, except that a job whose host is at its limit is passed over for
/// the next one whose host is free. `on_result` runs on the calling thread, in completion order,
/// as each result arrives: `Ok` with what `work` returned, or `Err` if `work` panicked. A worker
/// hands its result over and waits until `on_result` takes it before starting another job, so
/// a slow `on_result` (the store's single writer) holds back the workers instead of letting
/// finished results pile up: at most `parallel` of them exist at once. A panic
/// is still printed by the panic hook, so a caller owning the terminal should install a quiet
/// one. If `on_result` itself panics, jobs not yet started are dropped and the panic propagates
/// once the running ones end.
pub fn run<J: Send, R: Send>(
    jobs: Vec<J>,
    host_of: impl Fn(&J) -> String + Sync,
    parallel: usize,
    per_host: usize,
    work: impl Fn(J) -> R + Sync,
    mut on_result: impl FnMut(Result<R, Panicked>),
) {
    let threads = parallel.max(1).min(jobs.len());
    let shared = Shared {
        queue: Mutex::new(Queue {
            pending: jobs
                .into_iter()
                .map(|job| {
                    let host = host_of(&job);
                    (job, host)
                })
                .collect(),
            busy: HashMap::new(),
        }),
        changed: Condvar::new(),
        per_host: per_host.max(1),
    };
    thread::scope(|scope| {
        let (sender, results) = mpsc::sync_channel(0);
        for _ in 0..threads {
            let sender = sender.clone();
            let (shared, work) = (&shared, &work);
            scope.spawn(move || worker(shared, work, sender));
        }
        // Only the workers hold senders now, so the loop ends when the last one is done.
        drop(sender);
        let _cancel = CancelOnUnwind(&shared);
        for result in results {
            on_result(result);
        }
    });
}

/// Takes jobs until none are left, running each with its panic caught.
fn worker<J, R>(
    shared: &Shared<J>,
    work: &(impl Fn(J) -> R + Sync),
    sender: mpsc::SyncSender<Result<R, Panicked>>,
) {
    while let Some((job, host)) = next_job(shared) {
        let result =
            panic::catch_unwind(AssertUnwindSafe(|| work(job))).map_err(|payload| Panicked {
                host: host.clone(),
                message: panic_message(payload.as_ref()),
            });
        let mut queue = lock(shared);
        if let Some(count) = queue.busy.get_mut(&host) {
            *count = count.saturating_sub(1);
        }
        drop(queue);
        shared.changed.notify_all();
        if sender.send(result).is_err() {
            // The caller stopped listening (its on_result panicked): start nothing more.
            cancel(shared);
            return;
        }
    }
}

/// The first pending job whose host has room, waiting while every pending host is at its limit;
/// `None` once nothing is pending.
fn next_job<J>(shared: &Shared<J>) -> Option<(J, String)> {
    let mut queue = lock(shared);
    loop {
        if queue.pending.is_empty() {
            return None;
        }
        let per_host = shared.per_host;
        let busy = &queue.busy;
        let free = |host: &String| busy.get(host).copied().unwrap_or(0) < per_host;
        if let Some(index) = queue.pending.iter().position(|(_, host)| free(host)) {
            let (job, host) = queue.pending.remove(index)?;
            *queue.busy.entry(host.clone()).or_insert(0) += 1;
            return Some((job, host));
        }
        queue = shared
            .changed
            .wait(queue)
            .unwrap_or_else(|poisoned| poisoned.into_inner());
    }
}

/// The lock is never held while `work` or `on_result` runs, so poisoning cannot leave the queue
/// half-updated; a poisoned lock is used as is.
fn lock<J>(shared: &Shared<J>) -> MutexGuard<'_, Queue<J>> {
    shared
        .queue
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn cancel<J>(shared: &Shared<J>) {
    lock(shared).pending.clear();
    shared.changed.notify_all();
}

/// Drops the jobs not started if the calling thread unwinds out of `on_result`, so the scope's
/// join waits only for the jobs already running.
struct CancelOnUnwind<'a, J>(&'a Shared<J>);

impl<J> Drop for CancelOnUnwind<'_, J> {
    fn drop(&mut self) {
        if thread::panicking() {
            cancel(self.0);
        }
    }
}

fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panicked".to_string()
    }
}
