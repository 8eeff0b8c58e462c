//! The worker thread that owns the store: requests in over a channel, answers out, newest query
//! wins (superseded requests in a batch are skipped). [`StoreApi`] lets tests use a fake.

use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use super::jobs::{Supersede, Watch, WATCH_INTERVAL};
use super::msg::{FacetItem, FacetKind, Request, Response, PAGE_SIZE};
use crate::query::Query;
use crate::store::{ArticleRow, Feed, Granularity, Store, StoreError, StoredArticle};

/// Pages scanned for the article to keep selected when a query changes.
const KEEP_SCAN_PAGES: u64 = 10;

/// Store work that takes longer is logged (with whether it was cancelled).
const SLOW: Duration = Duration::from_millis(250);

/// What the reader needs of a store.
pub trait StoreApi {
    fn search(
        &self,
        q: &Query,
        today: NaiveDate,
        offset: u64,
        limit: u64,
    ) -> anyhow::Result<Vec<ArticleRow>>;
    fn count(&self, q: &Query, today: NaiveDate) -> anyhow::Result<u64>;
    fn total(&self) -> anyhow::Result<u64>;
    fn article(&self, id: i64) -> anyhow::Result<Option<StoredArticle>>;
    fn set_read(&self, id: i64, read: bool) -> anyhow::Result<()>;
    fn set_starred(&self, id: i64, starred: bool) -> anyhow::Result<()>;
    fn facets(
        &self,
        q: &Query,
        today: NaiveDate,
        kind: FacetKind,
    ) -> anyhow::Result<Vec<FacetItem>>;
    fn histogram(
        &self,
        q: &Query,
        today: NaiveDate,
        g: Granularity,
    ) -> anyhow::Result<Vec<(String, u64)>>;
    fn ui_value(&self, key: &str) -> anyhow::Result<Option<String>>;
    fn set_ui_value(&self, key: &str, value: &str) -> anyhow::Result<()>;
    /// The subscriptions (none in fakes that have no feeds).
    fn feeds(&self) -> anyhow::Result<Vec<Feed>> {
        Ok(Vec::new())
    }
    /// Marks a feed's articles read; how many changed.
    fn mark_feed_read(&self, _feed_id: i64) -> anyhow::Result<u64> {
        Ok(0)
    }
    /// Changes when another connection commits (see [`Store::data_version`]); fakes never change.
    fn data_version(&self) -> anyhow::Result<i64> {
        Ok(0)
    }
    /// Stops the running statement from another thread, where the store can.
    fn canceller(&self) -> Option<Box<dyn Fn() + Send + Sync>> {
        None
    }
}

impl StoreApi for Store {
    fn search(
        &self,
        q: &Query,
        today: NaiveDate,
        offset: u64,
        limit: u64,
    ) -> anyhow::Result<Vec<ArticleRow>> {
        Ok(Store::search(self, q, today, offset, limit)?)
    }
    fn count(&self, q: &Query, today: NaiveDate) -> anyhow::Result<u64> {
        Ok(Store::count(self, q, today)?)
    }
    fn total(&self) -> anyhow::Result<u64> {
        Ok(Store::total(self)?)
    }
    fn article(&self, id: i64) -> anyhow::Result<Option<StoredArticle>> {
        Ok(Store::article(self, id)?)
    }
    fn set_read(&self, id: i64, read: bool) -> anyhow::Result<()> {
        Ok(Store::set_read(self, id, read)?)
    }
    fn set_starred(&self, id: i64, starred: bool) -> anyhow::Result<()> {
        Ok(Store::set_starred(self, id, starred)?)
    }
    fn facets(
        &self,
        q: &Query,
        today: NaiveDate,
        kind: FacetKind,
    ) -> anyhow::Result<Vec<FacetItem>> {
        let item = |label: String, aliases: Vec<String>, count: u64| FacetItem {
            label,
            aliases,
            count,
        };
        Ok(match kind {
            FacetKind::Sources => self
                .source_counts(q, today)?
                .into_iter()
                .map(|n| item(n.name, vec![], n.articles))
                .collect(),
            FacetKind::People => self
                .person_counts(q, today, 5000)?
                .into_iter()
                .map(|p| item(p.name, p.aliases, p.articles))
                .collect(),
            FacetKind::Months => {
                let mut months = self.date_histogram(q, today, Granularity::Month)?;
                months.reverse();
                months
                    .into_iter()
                    .map(|(m, n)| item(m, vec![], n))
                    .collect()
            }
        })
    }
    fn histogram(
        &self,
        q: &Query,
        today: NaiveDate,
        g: Granularity,
    ) -> anyhow::Result<Vec<(String, u64)>> {
        Ok(self.date_histogram(q, today, g)?)
    }
    fn ui_value(&self, key: &str) -> anyhow::Result<Option<String>> {
        Ok(Store::ui_value(self, key)?)
    }
    fn set_ui_value(&self, key: &str, value: &str) -> anyhow::Result<()> {
        Ok(Store::set_ui_value(self, key, value)?)
    }
    fn data_version(&self) -> anyhow::Result<i64> {
        Ok(Store::data_version(self)?)
    }
    fn feeds(&self) -> anyhow::Result<Vec<Feed>> {
        Ok(Store::feeds(self)?)
    }
    fn mark_feed_read(&self, feed_id: i64) -> anyhow::Result<u64> {
        Ok(Store::mark_feed_read(self, feed_id)?)
    }
    fn canceller(&self) -> Option<Box<dyn Fn() + Send + Sync>> {
        let canceller = Store::canceller(self);
        Some(Box::new(move || canceller.cancel()))
    }
}

/// Answers one request (writes answer nothing unless they fail); every string in the answer is
/// sanitized, and errors are also logged.
pub fn handle(api: &dyn StoreApi, today: NaiveDate, req: Request) -> Option<Response> {
    finish(answer(api, today, req))
}

/// Logs and shows an error; only display-safe text leaves the worker.
fn finish(result: anyhow::Result<Option<Response>>) -> Option<Response> {
    let answer = result.unwrap_or_else(|e| {
        super::log::line(&format!("store error: {e:#}"));
        Some(Response::Error(format!("{e:#}")))
    });
    // Whatever the store holds, only display-safe text reaches the screen.
    answer.map(super::safe::response)
}

/// Whether `err` is a statement stopped by [`Supersede`].
fn interrupted(err: &anyhow::Error) -> bool {
    err.downcast_ref::<StoreError>()
        .is_some_and(StoreError::is_interrupted)
}

/// The store's answer to one request, errors included.
fn answer(api: &dyn StoreApi, today: NaiveDate, req: Request) -> anyhow::Result<Option<Response>> {
    match req {
        Request::Init => init(api),
        Request::Query {
            gen,
            query,
            keep_id,
        } => results(api, today, gen, &query, keep_id),
        Request::Page { gen, query, page } => api
            .search(&query, today, page * PAGE_SIZE, PAGE_SIZE)
            .map(|rows| Some(Response::Page { gen, page, rows })),
        Request::Article { id } => api.article(id).map(|a| {
            Some(Response::Article {
                id,
                article: a.map(Box::new),
            })
        }),
        Request::Prefetch { ids } => ids
            .into_iter()
            .filter_map(|id| api.article(id).transpose())
            .collect::<Result<Vec<_>, _>>()
            .map(|articles| Some(Response::Prefetched { articles })),
        Request::Facets { gen, query, kind } => api
            .facets(&query, today, kind)
            .map(|items| Some(Response::Facets { gen, kind, items })),
        Request::Histogram { gen, query } => {
            histogram(api, today, &query).map(|buckets| Some(Response::Histogram { gen, buckets }))
        }
        Request::SetRead { id, read } => api.set_read(id, read).map(|_| None),
        Request::SetStarred { id, starred } => api.set_starred(id, starred).map(|_| None),
        Request::SaveState { query, selected } => save(api, &query, selected).map(|_| None),
        Request::Feeds => api.feeds().map(|feeds| Some(Response::Feeds(feeds))),
        Request::MarkFeedRead { feed_id } => api
            .mark_feed_read(feed_id)
            .map(|count| Some(Response::FeedMarked { feed_id, count })),
    }
}

/// Runs one request unless a newer query has replaced it. Work cancelled because it went
/// stale gives no answer; work cancelled just as it started (the race with [`Supersede`]) is
/// run again.
fn run_one(
    api: &dyn StoreApi,
    today: NaiveDate,
    supersede: &Supersede,
    req: Request,
) -> Option<Response> {
    let gen = req.gen();
    if gen.is_some_and(|g| supersede.stale(g)) {
        return None;
    }
    let (kind, started) = (req.kind(), Instant::now());
    let query = match &req {
        Request::Query { query, .. }
        | Request::Page { query, .. }
        | Request::Facets { query, .. }
        | Request::Histogram { query, .. } => format!(" `{query}`"),
        _ => String::new(),
    };
    supersede.running(gen);
    let mut result = answer(api, today, req.clone());
    if result.as_ref().is_err_and(interrupted) && !gen.is_some_and(|g| supersede.stale(g)) {
        result = answer(api, today, req);
    }
    supersede.running(None);
    let cancelled = result.as_ref().is_err_and(interrupted);
    if started.elapsed() >= SLOW {
        let how = if cancelled {
            ", then was cancelled"
        } else {
            ""
        };
        super::log::line(&format!(
            "slow store work: {kind}{query} of generation {gen:?} took {} ms{how}",
            started.elapsed().as_millis()
        ));
    }
    if cancelled {
        return None;
    }
    finish(result)
}

fn init(api: &dyn StoreApi) -> anyhow::Result<Option<Response>> {
    let total = api.total()?;
    let last_query = api.ui_value("last_query")?;
    let selected = api.ui_value("selected_id")?.and_then(|s| s.parse().ok());
    Ok(Some(Response::Init {
        total,
        last_query,
        selected,
    }))
}

fn results(
    api: &dyn StoreApi,
    today: NaiveDate,
    gen: u64,
    query: &Query,
    keep_id: Option<i64>,
) -> anyhow::Result<Option<Response>> {
    let count = api.count(query, today)?;
    let mut pages = vec![(0, api.search(query, today, 0, PAGE_SIZE)?)];
    if let Some(id) = keep_id {
        let mut page = 0;
        while !pages
            .iter()
            .any(|(_, rows)| rows.iter().any(|r| r.id == id))
            && page + 1 < KEEP_SCAN_PAGES
            && (page + 1) * PAGE_SIZE < count
        {
            page += 1;
            pages.push((page, api.search(query, today, page * PAGE_SIZE, PAGE_SIZE)?));
        }
        if !pages
            .iter()
            .any(|(_, rows)| rows.iter().any(|r| r.id == id))
        {
            pages.truncate(1);
        } else if pages.len() > 1 {
            let last = pages.pop().expect("non-empty");
            pages.truncate(1);
            pages.push(last);
        }
    }
    Ok(Some(Response::Results { gen, count, pages }))
}

fn histogram(
    api: &dyn StoreApi,
    today: NaiveDate,
    query: &Query,
) -> anyhow::Result<Vec<(String, u64)>> {
    let months = api.histogram(query, today, Granularity::Month)?;
    if (1..=2).contains(&months.len()) {
        return api.histogram(query, today, Granularity::Day);
    }
    Ok(months)
}

fn save(api: &dyn StoreApi, query: &str, selected: Option<i64>) -> anyhow::Result<()> {
    api.set_ui_value("last_query", query)?;
    api.set_ui_value(
        "selected_id",
        &selected.map(|i| i.to_string()).unwrap_or_default(),
    )
}

/// Drops requests a later one in the same batch makes pointless (older queries, pages, articles).
pub fn coalesce(batch: Vec<Request>) -> Vec<Request> {
    let newest_gen = batch
        .iter()
        .filter_map(|r| match r {
            Request::Query { gen, .. } | Request::Page { gen, .. } => Some(*gen),
            _ => None,
        })
        .max();
    let slot = |r: &Request| match r {
        Request::Query { .. } => Some(0),
        Request::Article { .. } => Some(1),
        Request::Facets { .. } => Some(2),
        Request::Histogram { .. } => Some(3),
        Request::Prefetch { .. } => Some(4),
        Request::Feeds => Some(5),
        _ => None,
    };
    let mut keep = Vec::new();
    for (i, req) in batch.iter().enumerate() {
        let superseded =
            slot(req).is_some_and(|s| batch[i + 1..].iter().any(|l| slot(l) == Some(s)));
        let stale_page = matches!(req, Request::Page { gen, .. } if Some(*gen) != newest_gen);
        if !superseded && !stale_page {
            keep.push(req.clone());
        }
    }
    keep
}

/// Starts the worker on its own thread; it ends when the request sender is dropped.
pub fn spawn<S: StoreApi + Send + 'static>(
    api: S,
    today: NaiveDate,
    requests: Receiver<Request>,
    answers: Sender<Response>,
) -> (JoinHandle<()>, Arc<Supersede>) {
    let supersede = Arc::new(Supersede::new(api.canceller()));
    let shared = Arc::clone(&supersede);
    let thread = std::thread::Builder::new()
        .name("byline-store".into())
        .spawn(move || {
            let mut watch = Watch::new(&api);
            loop {
                let first = match requests.recv_timeout(WATCH_INTERVAL) {
                    Ok(first) => first,
                    Err(RecvTimeoutError::Timeout) => {
                        if let Some(changed) = watch.poll(&api) {
                            let _ = answers.send(changed);
                        }
                        continue;
                    }
                    Err(RecvTimeoutError::Disconnected) => break,
                };
                let mut batch = vec![first];
                batch.extend(requests.try_iter());
                for req in coalesce(batch) {
                    // Once the reader has gone nobody reads answers, but the writes still count
                    // (the state saved on quit), so keep going until the requests end.
                    if let Some(answer) = run_one(&api, today, &shared, req) {
                        let _ = answers.send(answer);
                    }
                }
                if let Some(changed) = watch.poll(&api) {
                    let _ = answers.send(changed);
                }
            }
        })
        .expect("spawn the store worker thread");
    (thread, supersede)
}
