//! `fetch`: the due (or named) feeds fetched in parallel, politely, and stored as they arrive
//! by the single writer; one failing feed never stops the others.

use std::time::Duration;

use chrono::Utc;

use super::fetched::{fetch_feed, FeedResult};
use super::fulltext::{self, KnownPages, OnPage, PageJob, PageSummary};
use crate::fetch::{pool, Client, HttpSettings, Validators};
use crate::store::{Feed, FetchRecord, ImportSummary, Settled, Store, StoreError};

/// How a fetch run behaves.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    pub http: HttpSettings,
    /// Feeds fetched at once.
    pub parallel: usize,
    /// Requests to one host at once.
    pub per_host: usize,
    /// Seconds between a feed's fetches when it sets none.
    pub default_interval: Duration,
    /// Full text: the pause after a page request before the next one to the same host (page
    /// requests to one host never run at once).
    pub page_delay: Duration,
    /// Full text: the most pages fetched for one feed in one run; the other items wait for
    /// the next run.
    pub max_pages_per_feed: usize,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            http: HttpSettings::default(),
            parallel: 8,
            per_host: 2,
            // newsboat's reload-time default: an hour
            default_interval: Duration::from_secs(60 * 60),
            page_delay: Duration::from_secs(1),
            max_pages_per_feed: 100,
        }
    }
}

/// What happened to one feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedReport {
    pub feed_id: i64,
    pub name: String,
    pub outcome: FeedOutcome,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedOutcome {
    Stored {
        summary: ImportSummary,
        warnings: Vec<String>,
    },
    NotModified,
    Failed(String),
}

/// Totals of a run, and each feed's report in the order they finished.
#[derive(Debug, Clone, Default)]
pub struct FetchReport {
    pub feeds: Vec<FeedReport>,
    pub summary: ImportSummary,
    /// What the full-text feeds' page requests gave.
    pub pages: PageSummary,
}

impl FetchReport {
    pub fn failed(&self) -> usize {
        let failed = |r: &&FeedReport| matches!(r.outcome, FeedOutcome::Failed(_));
        self.feeds.iter().filter(failed).count()
    }
}

impl std::fmt::Display for FetchReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = &self.summary;
        write!(
            f,
            "fetched {} feeds: {} new, {} updated, {} unchanged, {} failed",
            self.feeds.len(),
            s.imported,
            s.updated,
            s.unchanged,
            self.failed()
        )?;
        match self.pages.total() {
            0 => Ok(()),
            _ => write!(f, "; {}", self.pages),
        }
    }
}

/// The feeds a plain `fetch` takes: enabled, not gone, and due (or all of them with `all`).
pub fn due_feeds(store: &Store, all: bool) -> Result<Vec<Feed>, StoreError> {
    let now = Utc::now().timestamp();
    let feeds = store.feeds()?;
    Ok(feeds
        .into_iter()
        .filter(|f| f.enabled && !f.gone && (all || f.next_due <= now))
        .collect())
}

/// Fetches `feeds`: parsing on the pool's threads, storing here as each feed arrives, then the
/// linked pages of the full-text feeds' new items. `progress` sees each feed's report as it is
/// stored. Only a store error stops the run.
pub fn fetch_feeds(
    store: &mut Store,
    feeds: Vec<Feed>,
    options: &FetchOptions,
    progress: &mut dyn FnMut(&FeedReport),
) -> Result<FetchReport, StoreError> {
    fetch_feeds_and_pages(store, feeds, options, progress, &mut |_, _| {})
}

/// [`fetch_feeds`], and `on_page` sees each linked page as it is stored.
pub fn fetch_feeds_and_pages(
    store: &mut Store,
    feeds: Vec<Feed>,
    options: &FetchOptions,
    progress: &mut dyn FnMut(&FeedReport),
    on_page: OnPage,
) -> Result<FetchReport, StoreError> {
    let client = Client::new(options.http.clone());
    let today = Utc::now().date_naive();
    let mut report = FetchReport::default();
    let mut settled = Settled::default();
    let mut stopped: Option<StoreError> = None;
    let known = fulltext::known_pages(store, &feeds)?;
    let none = KnownPages::new();
    let mut waiting = Waiting::default();
    let work = |feed: Feed| {
        let known = known.get(&feed.id).unwrap_or(&none);
        let result = fetch_feed(&client, &feed, today, known, options.max_pages_per_feed);
        (feed, result)
    };
    pool::run(
        feeds,
        feed_host,
        options.parallel,
        options.per_host,
        work,
        |done| {
            let Ok((feed, mut result)) = done else {
                return; // fetch_feed catches its own panics; the pool's net is never reached
            };
            if stopped.is_some() {
                return;
            }
            let taken = result.take_pages();
            let stored = store_result(store, &mut settled, &feed, result, options);
            match stored.and_then(|r| waiting.add(store, feed.id, taken).map(|()| r)) {
                Ok(feed_report) => {
                    if let FeedOutcome::Stored { summary, .. } = &feed_report.outcome {
                        add(&mut report.summary, summary);
                    }
                    progress(&feed_report);
                    report.feeds.push(feed_report);
                }
                Err(err) => stopped = Some(err),
            }
        },
    );
    if let Some(err) = stopped {
        return Err(store.explain(err));
    }
    report.pages = waiting.fetch(store, &client, options, on_page)?;
    Ok(report)
}

fn feed_host(feed: &Feed) -> String {
    url::Url::parse(&feed.url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_default()
}

/// The full-text feeds' items that wait for their page, and the validators held back until
/// those pages are stored.
#[derive(Default)]
struct Waiting {
    jobs: Vec<PageJob>,
    held: Vec<(i64, Validators)>,
}

impl Waiting {
    /// A stored feed's jobs, but for the items it did not store (deleted by the user).
    fn add(
        &mut self,
        store: &Store,
        feed_id: i64,
        (jobs, keep): (Vec<PageJob>, Option<Validators>),
    ) -> Result<(), StoreError> {
        if jobs.is_empty() {
            return Ok(());
        }
        self.held.extend(keep.map(|v| (feed_id, v)));
        for job in jobs {
            if store.has_origin(&job.origin)? {
                self.jobs.push(job);
            }
        }
        Ok(())
    }

    /// Fetches the pages, then records the held validators: those feeds' next fetch may be a
    /// 304 again.
    fn fetch(
        self,
        store: &mut Store,
        client: &Client,
        options: &FetchOptions,
        on_page: OnPage,
    ) -> Result<PageSummary, StoreError> {
        let summary = fulltext::fetch_pages(store, client, self.jobs, options, on_page)?;
        for (id, v) in self.held {
            store.keep_validators(id, v.etag.as_deref(), v.last_modified.as_deref())?;
        }
        Ok(summary)
    }
}

fn add(total: &mut ImportSummary, one: &ImportSummary) {
    total.absorb(one);
}

/// Writes one feed's result: its articles in one transaction, then its fetch record.
pub fn store_result(
    store: &mut Store,
    settled: &mut Settled,
    feed: &Feed,
    result: FeedResult,
    options: &FetchOptions,
) -> Result<FeedReport, StoreError> {
    let now = Utc::now().timestamp();
    let interval = feed
        .interval_secs
        .map(|s| s.max(60) as u64)
        .unwrap_or(options.default_interval.as_secs()) as i64;
    let mut record = FetchRecord {
        next_due: now + interval,
        ..FetchRecord::default()
    };
    let outcome = match result {
        FeedResult::Items {
            articles,
            validators,
            moved_to,
            site_url,
            warnings,
            pages_pending,
            ..
        } => {
            let mut summary = ImportSummary::default();
            let mut import = store.begin_import(settled)?;
            for article in &articles {
                summary.add(import.write(article)?);
            }
            import.commit()?;
            record.status = format!("ok: {} new, {} updated", summary.imported, summary.updated);
            record.etag = validators.etag;
            record.last_modified = validators.last_modified;
            record.forget_validators = pages_pending;
            record.moved_to = moved_to;
            record.site_url = site_url;
            FeedOutcome::Stored { summary, warnings }
        }
        FeedResult::NotModified {
            validators,
            moved_to,
        } => {
            record.status = "not modified".into();
            record.etag = validators.etag;
            record.last_modified = validators.last_modified;
            record.moved_to = moved_to;
            FeedOutcome::NotModified
        }
        FeedResult::Failed {
            reason,
            retry_after,
            gone,
        } => {
            let wait = retry_after.map_or(0, |d| d.as_secs() as i64);
            record.next_due = now + interval.max(wait);
            record.failed = true;
            record.gone = gone;
            // The reason can quote the server (a status line, a content type): it is shown.
            let reason = crate::text::sanitize_line(&reason);
            record.status = reason.clone();
            FeedOutcome::Failed(reason)
        }
    };
    store.record_fetch(feed.id, &record)?;
    Ok(FeedReport {
        feed_id: feed.id,
        name: feed.name.clone(),
        outcome,
    })
}
