//! `feed add`: a feed URL, or a page that names its feed, fetched once, subscribed to, and its
//! items stored at once.

use chrono::Utc;

use super::discover::feed_links;
use super::fetched::prepare_parsed;
use super::refresh::{store_result, FeedReport, FetchOptions};
use super::sniff::{sniff, Kind};
use crate::fetch::{Client, FetchError, Fetched, Outcome, Validators};
use crate::store::{Feed, Settled, Store, StoreError};

/// What `feed add` did.
#[derive(Debug)]
pub enum Subscribed {
    /// A new subscription, with what its first fetch stored.
    Added { feed: Feed, report: FeedReport },
    /// The URL was already subscribed: nothing changed.
    Already(Feed),
}

#[derive(Debug, thiserror::Error)]
pub enum SubscribeError {
    #[error("{url}: {source}; not subscribed")]
    Fetch { url: String, source: FetchError },
    #[error("{url} is {what}, not a feed, and names no feed in <link rel=\"alternate\">; not subscribed")]
    NotAFeed { url: String, what: &'static str },
    #[error("{url}: {reason}; not subscribed")]
    Unreadable { url: String, reason: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Subscribes to `url` under `name` (else the feed's title, else the host) with `tags`.
pub fn subscribe(
    store: &mut Store,
    url: &str,
    name: Option<&str>,
    tags: &[String],
    options: &FetchOptions,
) -> Result<Subscribed, SubscribeError> {
    if let Some(feed) = store.find_feed(url)? {
        return Ok(Subscribed::Already(feed));
    }
    let client = Client::new(options.http.clone());
    let (feed_url, fetched) = fetch_feed_or_page(&client, url)?;
    if let Some(feed) = store.find_feed(&feed_url)? {
        return Ok(Subscribed::Already(feed));
    }
    let parsed = super::parse_feed(
        &fetched.body,
        fetched.content_type.as_deref(),
        Some(&fetched.final_url),
    )
    .map_err(|e| SubscribeError::Unreadable {
        url: feed_url.clone(),
        reason: e.to_string(),
    })?;
    let name = name
        .map(str::to_string)
        .or(parsed.title.clone())
        .or_else(|| crate::ingest::url_domain(&feed_url))
        .unwrap_or_else(|| feed_url.clone());
    let (id, _) = store.add_feed(&name, &feed_url, tags)?;
    let feed = store
        .find_feed(&feed_url)?
        .ok_or(StoreError::Sqlite(rusqlite::Error::QueryReturnedNoRows))?;
    debug_assert_eq!(feed.id, id);
    let today = Utc::now().date_naive();
    // A new subscription has full text off: nothing to fetch but the feed.
    let result = prepare_parsed(parsed, fetched, &feed, today, &Default::default(), 0);
    let report = store_result(store, &mut Settled::default(), &feed, result, options)?;
    let feed = store.find_feed(&feed.name)?.unwrap_or(feed);
    Ok(Subscribed::Added { feed, report })
}

/// The feed at `url`, or the first feed the page at `url` names: its URL to subscribe to (a
/// permanent move already followed) and its body.
fn fetch_feed_or_page(client: &Client, url: &str) -> Result<(String, Fetched), SubscribeError> {
    let fetched = get(client, url)?;
    match sniff(&fetched.body) {
        Kind::XmlFeed | Kind::JsonFeed => {
            let feed_url = fetched.moved_to.clone().unwrap_or_else(|| url.to_string());
            return Ok((feed_url, fetched));
        }
        Kind::Html => {}
        _ => {
            return Err(SubscribeError::NotAFeed {
                url: url.to_string(),
                what: "not a web page either",
            })
        }
    }
    let page = String::from_utf8_lossy(&fetched.body);
    let base = url::Url::parse(&fetched.final_url).map_err(|e| SubscribeError::Unreadable {
        url: url.to_string(),
        reason: e.to_string(),
    })?;
    let Some(alternate) = feed_links(&page, &base).into_iter().next() else {
        return Err(SubscribeError::NotAFeed {
            url: url.to_string(),
            what: "a web page",
        });
    };
    let fetched = get(client, &alternate)?;
    let feed_url = fetched.moved_to.clone().unwrap_or(alternate);
    Ok((feed_url, fetched))
}

fn get(client: &Client, url: &str) -> Result<Fetched, SubscribeError> {
    match client.get(url, &Validators::default()) {
        Ok(Outcome::Fetched(fetched)) => Ok(fetched),
        // No validators were sent, so a 304 is the server's confusion: nothing to read.
        Ok(Outcome::NotModified { .. }) => Err(SubscribeError::Unreadable {
            url: url.to_string(),
            reason: "the server answered 304 Not Modified to a plain request".into(),
        }),
        Err(source) => Err(SubscribeError::Fetch {
            url: url.to_string(),
            source,
        }),
    }
}
