//! The worker thread that owns the store: requests in over a channel, answers out, newest query
//! wins (superseded requests in a batch are skipped). [`StoreApi`] lets tests use a fake.

use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use super::msg::{Request, Response, PAGE_SIZE};
pub use super::store_api::StoreApi;
use super::watch::{Supersede, Watch, WATCH_INTERVAL};
use crate::query::Query;
use crate::store::{Granularity, Sort, StoreError};

/// Pages scanned for the article to keep selected when a query changes.
const KEEP_SCAN_PAGES: u64 = 10;

/// Store work that takes longer is logged (with whether it was cancelled).
const SLOW: Duration = Duration::from_millis(250);

/// Answers one request (writes answer nothing unless they fail); errors are also logged. The
/// store hands out display-safe text only (`store::clean`), and errors are made so here.
pub fn handle(api: &dyn StoreApi, today: NaiveDate, req: Request) -> Option<Response> {
    finish(answer(api, today, req))
}

/// Logs and shows an error; only display-safe text leaves the worker.
fn finish(result: anyhow::Result<Option<Response>>) -> Option<Response> {
    result.unwrap_or_else(|e| {
        super::log::line(&format!("store error: {e:#}"));
        Some(Response::Error(crate::text::sanitize_line(&format!(
            "{e:#}"
        ))))
    })
}

/// A mark the store refused, answered so the reader can put the article back.
fn mark_failed(
    id: i64,
    read: Option<bool>,
    starred: Option<bool>,
    err: &anyhow::Error,
) -> Response {
    super::log::line(&format!("mark not saved: {err:#}"));
    let what = if read.is_some() { "read mark" } else { "star" };
    Response::MarkFailed {
        id,
        read,
        starred,
        message: crate::text::sanitize_line(&format!("the {what} was not saved: {err:#}")),
    }
}

/// Whether `err` is a statement stopped by [`Supersede`].
fn interrupted(err: &anyhow::Error) -> bool {
    err.downcast_ref::<StoreError>()
        .is_some_and(StoreError::is_interrupted)
}

/// A query the store refused (an unknown `@name`, a saved search that refers to itself):
/// answered so the filter bar shows where, like a query that does not parse.
fn refused(gen: u64, err: anyhow::Error) -> anyhow::Result<Option<Response>> {
    match err.downcast::<StoreError>() {
        Ok(StoreError::Query(error)) => Ok(Some(Response::QueryRefused { gen, error })),
        Ok(other) => Err(other.into()),
        Err(err) => Err(err),
    }
}

/// The store's answer to one request, errors included.
fn answer(api: &dyn StoreApi, today: NaiveDate, req: Request) -> anyhow::Result<Option<Response>> {
    match req {
        Request::Init => init(api),
        Request::Query {
            gen,
            query,
            sort,
            keep_id,
        } => results(api, today, gen, (&query, sort), keep_id).or_else(|err| refused(gen, err)),
        Request::Page {
            gen,
            query,
            sort,
            page,
        } => api
            .search_sorted(&query, today, sort, page * PAGE_SIZE, PAGE_SIZE)
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
        Request::SetRead { id, read } => Ok(api
            .set_read(id, read)
            .err()
            .map(|e| mark_failed(id, Some(read), None, &e))),
        Request::SetStarred { id, starred } => Ok(api
            .set_starred(id, starred)
            .err()
            .map(|e| mark_failed(id, None, Some(starred), &e))),
        Request::SaveState {
            query,
            selected,
            sort,
        } => save(api, &query, selected, sort).map(|_| None),
        Request::Feeds => api.feeds().map(|feeds| Some(Response::Feeds(feeds))),
        Request::MarkFeedRead { feed_id } => api
            .mark_feed_read(feed_id)
            .map(|count| Some(Response::FeedMarked { feed_id, count })),
        // An expansion that fails is the query's own error, answered with the query.
        Request::Expand { gen, query } => Ok(api
            .expand(&query)
            .ok()
            .map(|query| Response::Expanded { gen, query })),
        Request::SaveSearch { name, query } => api
            .save_search(&name, &query)
            .map(|name| Some(Response::SearchSaved { name })),
        Request::PersonPage { name } => api.person_page(&name).map(|page| {
            let page = page.map(Box::new);
            Some(Response::PersonPage { name, page })
        }),
        Request::Apply { change, undoing } => {
            let (count, undo) = api.apply(&change, today)?;
            Ok(Some(Response::Applied {
                undo,
                count,
                total: api.total()?,
                undoing,
            }))
        }
    }
}

/// Runs one request unless a newer query has replaced it. Work cancelled because it went
/// stale gives no answer; work cancelled just as it started (the race with [`Supersede`]) is
/// run again. `today` is read per request, so `date:today` follows the clock past midnight.
fn run_one(
    api: &dyn StoreApi,
    today: fn() -> NaiveDate,
    supersede: &Supersede,
    req: Request,
) -> Option<Response> {
    let gen = req.gen();
    if gen.is_some_and(|g| supersede.stale(g)) {
        return None;
    }
    let (kind, started, today) = (req.kind(), Instant::now(), today());
    let query = match &req {
        Request::Query { query, .. }
        | Request::Page { query, .. }
        | Request::Facets { query, .. }
        | Request::Histogram { query, .. } => {
            // A query is capped at 4 KiB; the log keeps its start.
            let text: String = query.to_string().chars().take(200).collect();
            format!(" `{text}`")
        }
        _ => String::new(),
    };
    supersede.running(gen);
    let mut result = caught(api, today, req.clone());
    if result.as_ref().is_err_and(interrupted) && !gen.is_some_and(|g| supersede.stale(g)) {
        result = caught(api, today, req);
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

/// [`answer`], a panic in it made an error: the worker answers it and goes on.
fn caught(api: &dyn StoreApi, today: NaiveDate, req: Request) -> anyhow::Result<Option<Response>> {
    let kind = req.kind();
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| answer(api, today, req)))
        .unwrap_or_else(|payload| {
            let text = super::fault::panic_text(payload.as_ref());
            Err(anyhow::anyhow!("the store failed ({kind}): {text}"))
        })
}

fn init(api: &dyn StoreApi) -> anyhow::Result<Option<Response>> {
    let total = api.total()?;
    let last_query = api.ui_value("last_query")?;
    let selected = api.ui_value("selected_id")?.and_then(|s| s.parse().ok());
    let sort = api.ui_value("sort")?.and_then(|s| s.parse().ok());
    Ok(Some(Response::Init {
        total,
        last_query,
        selected,
        sort: sort.unwrap_or_default(),
    }))
}

fn results(
    api: &dyn StoreApi,
    today: NaiveDate,
    gen: u64,
    (query, sort): (&Query, Sort),
    keep_id: Option<i64>,
) -> anyhow::Result<Option<Response>> {
    let count = api.count(query, today)?;
    let search = |offset| api.search_sorted(query, today, sort, offset, PAGE_SIZE);
    let mut pages = vec![(0, search(0)?)];
    if let Some(id) = keep_id {
        let mut page = 0;
        while !pages
            .iter()
            .any(|(_, rows)| rows.iter().any(|r| r.id == id))
            && page + 1 < KEEP_SCAN_PAGES
            && (page + 1) * PAGE_SIZE < count
        {
            page += 1;
            pages.push((page, search(page * PAGE_SIZE)?));
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

fn save(api: &dyn StoreApi, query: &str, selected: Option<i64>, sort: Sort) -> anyhow::Result<()> {
    api.set_ui_value("last_query", query)?;
    api.set_ui_value("sort", sort.name())?;
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
        Request::PersonPage { .. } => Some(6),
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

/// Starts the worker on its own thread; it ends when the request sender is dropped. `today`
/// is asked on each request; a panic that escapes the worker is sent as a fault.
pub fn spawn<S, A>(
    api: S,
    today: fn() -> NaiveDate,
    requests: Receiver<Request>,
    answers: Sender<A>,
) -> (JoinHandle<()>, Arc<Supersede>)
where
    S: StoreApi + Send + 'static,
    A: From<Response> + From<super::fault::Fault> + Send + 'static,
{
    let supersede = Arc::new(Supersede::new(api.canceller()));
    let shared = Arc::clone(&supersede);
    let faults = answers.clone();
    let send = move |answer: Response| {
        let _ = answers.send(A::from(answer));
    };
    let thread = super::fault::spawn_guarded("byline-store", faults, move || {
        serve(&api, today, &shared, &requests, &send)
    })
    .expect("spawn the store worker thread");
    (thread, supersede)
}

/// The worker's loop: batches of requests, and the watch between them.
fn serve(
    api: &dyn StoreApi,
    today: fn() -> NaiveDate,
    supersede: &Supersede,
    requests: &Receiver<Request>,
    send: &dyn Fn(Response),
) {
    let mut watch = Watch::new(api);
    loop {
        let first = match requests.recv_timeout(WATCH_INTERVAL) {
            Ok(first) => first,
            Err(RecvTimeoutError::Timeout) => {
                if let Some(changed) = watch.poll(api) {
                    send(changed);
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
            if let Some(answer) = run_one(api, today, supersede, req) {
                send(answer);
            }
        }
        if let Some(changed) = watch.poll(api) {
            send(changed);
        }
    }
}

#[cfg(test)]
#[path = "worker_tests.rs"]
mod tests;
