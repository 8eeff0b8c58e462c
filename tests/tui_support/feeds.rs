//! Subscriptions for the fake store: the fixture's sources as feeds (one failing), so the
//! feeds view and the fetch messages can be tested without a server.

#![allow(dead_code)]

use byline::store::Feed;

use super::fixture::SOURCES;

/// A subscription named `name` (id `id`), with `unread` unread articles and a last status.
pub fn feed(id: i64, name: &str, unread: u64, status: &str, failed: bool) -> Feed {
    Feed {
        id,
        name: name.into(),
        url: format!("https://news.example/{id}/feed.xml"),
        site_url: None,
        tags: Vec::new(),
        enabled: true,
        interval_secs: None,
        etag: None,
        last_modified: None,
        last_fetch: None,
        last_status: Some(status.into()),
        failed,
        gone: false,
        next_due: 0,
        articles: unread * 2,
        unread,
        full_text: false,
    }
}

/// The fixture's sources as feeds, the second one failing.
pub fn fixture_feeds() -> Vec<Feed> {
    vec![
        feed(1, SOURCES[0], 12, "ok: 3 new, 1 updated", false),
        feed(2, SOURCES[1], 4, "HTTP 500 Internal Server Error", true),
        feed(3, SOURCES[2], 0, "not modified", false),
    ]
}
