//! Helpers of the feed tests that use the library: fetch options for a local server, a
//! temporary store, and its titles under a query.

use std::time::Duration;

use byline::feeds::{fetch_feeds, subscribe, FetchOptions, FetchReport, Subscribed};
use byline::query::parse;
use byline::store::{ArticleRow, Store};

pub const DATE: &str = "Sat, 06 Dec 2025 10:00:00 +0000";

/// Short timeouts, and never a proxy between the test and 127.0.0.1.
pub fn options() -> FetchOptions {
    let mut options = FetchOptions::default();
    options.http.proxy_from_env = false;
    options.http.timeout = Duration::from_secs(2);
    options.http.connect_timeout = Duration::from_secs(2);
    options.page_delay = Duration::from_millis(20);
    options
}

pub fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("store.db")).unwrap();
    (dir, store)
}

pub fn rows(store: &Store, query: &str) -> Vec<ArticleRow> {
    let today = chrono::Utc::now().date_naive();
    store
        .search(&parse(query).unwrap(), today, 0, 1000)
        .unwrap()
}

/// The titles a query lists, sorted.
pub fn titles(store: &Store, query: &str) -> Vec<String> {
    let mut titles: Vec<String> = rows(store, query).into_iter().map(|r| r.title).collect();
    titles.sort();
    titles
}

pub fn add(store: &mut Store, url: &str) -> Subscribed {
    subscribe(store, url, None, &[], &options()).unwrap()
}

pub fn fetch_all(store: &mut Store) -> FetchReport {
    let feeds = store.feeds().unwrap();
    fetch_feeds(store, feeds, &options(), &mut |_| {}).unwrap()
}
