//! The background fetch: the due feeds (or one feed) fetched on a thread of its own with its
//! own connection to the store (SQLite in WAL mode: the worker's queries go on meanwhile),
//! progress sent back as answers. Each feed is committed as it arrives, so leaving mid-fetch
//! keeps every feed already stored; the ones in flight are fetched again next time.

use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::sync::Mutex;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::msg::{FetchEvent, Input, Response};
use crate::feeds::fulltext::PageSummary;
use crate::feeds::{due_feeds, fetch_feeds_and_pages, FeedOutcome, FetchOptions};
use crate::store::Store;

/// Starts fetch threads, one at a time.
pub struct Fetcher {
    path: PathBuf,
    options: FetchOptions,
    answers: Sender<Input>,
    running: Mutex<Option<JoinHandle<()>>>,
}

impl Fetcher {
    /// Fetches into the store at `path`, answering on `answers` (the loop's channel).
    pub fn new(path: PathBuf, options: FetchOptions, answers: Sender<Input>) -> Fetcher {
        Fetcher {
            path,
            options,
            answers,
            running: Mutex::new(None),
        }
    }

    /// Starts fetching unless a fetch runs (the reader refuses a second one before this).
    pub fn start(&self, feed: Option<i64>) {
        let Ok(mut running) = self.running.lock() else {
            return;
        };
        if running.as_ref().is_some_and(|t| !t.is_finished()) {
            return;
        }
        let (path, options) = (self.path.clone(), self.options.clone());
        let answers = self.answers.clone();
        let faults = answers.clone();
        let thread = super::fault::spawn_guarded("byline-fetch", faults, move || {
            run(&path, feed, &options, &answers)
        });
        match thread {
            Ok(thread) => *running = Some(thread),
            Err(e) => {
                let event = FetchEvent::Stopped(format!("cannot start the fetch: {e}"));
                let _ = self.answers.send(Response::Fetch(event).into());
            }
        }
    }

    /// On the way out: gives a running fetch up to `grace` to end, then leaves it to end with
    /// the process. Whether it had ended.
    pub fn finish(&self, grace: Duration) -> bool {
        let Some(thread) = self.running.lock().ok().and_then(|mut r| r.take()) else {
            return true;
        };
        let start = Instant::now();
        while !thread.is_finished() && start.elapsed() < grace {
            std::thread::sleep(Duration::from_millis(10));
        }
        if thread.is_finished() {
            let _ = thread.join();
            return true;
        }
        super::log::line("left during a fetch: the feeds stored so far are kept");
        false
    }
}

fn run(path: &std::path::Path, feed: Option<i64>, options: &FetchOptions, answers: &Sender<Input>) {
    let send = |event: FetchEvent| {
        let _ = answers.send(Response::Fetch(event).into());
    };
    if let Err(e) = fetch(path, feed, options, &send) {
        super::log::line(&format!("fetch stopped: {e:#}"));
        send(FetchEvent::Stopped(crate::text::sanitize_line(&format!(
            "{e:#}"
        ))));
    }
}

fn fetch(
    path: &std::path::Path,
    feed: Option<i64>,
    options: &FetchOptions,
    send: &dyn Fn(FetchEvent),
) -> anyhow::Result<()> {
    let mut store = Store::open(path)?;
    let feeds = match feed {
        Some(id) => store.feeds()?.into_iter().filter(|f| f.id == id).collect(),
        None => due_feeds(&store, false)?,
    };
    if feeds.is_empty() {
        let all = store.feeds()?;
        let waiting = all.iter().filter(|f| f.enabled && !f.gone);
        send(match all.is_empty() {
            true => FetchEvent::NoFeeds,
            false => FetchEvent::NothingDue {
                next_due: waiting.map(|f| f.next_due).min(),
            },
        });
        return Ok(());
    }
    let total = feeds.len();
    send(FetchEvent::Started { total });
    let mut done = 0;
    let mut progress = |report: &crate::feeds::FeedReport| {
        done += 1;
        let failed = match &report.outcome {
            FeedOutcome::Failed(reason) => Some(reason.clone()),
            _ => None,
        };
        let name = report.name.clone();
        send(FetchEvent::Progress {
            done,
            total,
            name,
            failed,
        });
    };
    let mut on_page = |pages: &PageSummary, total: usize| {
        let done = usize::try_from(pages.total()).unwrap_or(usize::MAX);
        send(FetchEvent::Pages { done, total });
    };
    let report = fetch_feeds_and_pages(&mut store, feeds, options, &mut progress, &mut on_page)?;
    send(FetchEvent::Done {
        new: report.summary.imported,
        updated: report.summary.updated,
        failed: report.failed(),
        feeds: report.feeds.len(),
        total: store.total()?,
    });
    Ok(())
}
