//! One feed's fetch, on a pool thread: the GET, the parse and every item prepared (people
//! found, hashed, compressed), so the single store writer only writes.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Duration;

use chrono::NaiveDate;

use super::fulltext::{self, KnownPages, PageJob};
use super::parse::{parse_feed, ParsedFeed};
use crate::fetch::{Client, FetchError, Fetched, Outcome, Validators};
use crate::importer::prepare_item;
use crate::store::{Feed, NewArticle};

/// What fetching one feed gave, ready for the writer.
#[derive(Debug)]
pub enum FeedResult {
    /// New content: its items as articles.
    Items {
        articles: Vec<NewArticle>,
        validators: Validators,
        moved_to: Option<String>,
        site_url: Option<String>,
        warnings: Vec<String>,
        /// Items of a full-text feed whose page is still to be fetched.
        pages: Vec<PageJob>,
        /// Items wait for their page: the validators are not recorded with the items, so a
        /// fetch interrupted before the pages are stored reads the whole feed next time.
        pages_pending: bool,
        /// More items wait than the cap let in this time.
        pages_left_over: bool,
    },
    NotModified {
        validators: Validators,
        moved_to: Option<String>,
    },
    Failed {
        reason: String,
        retry_after: Option<Duration>,
        gone: bool,
    },
}

impl FeedResult {
    /// The items whose page is to be fetched, taken out, and the validators to record once
    /// their pages are stored (`None` when items are left over for the next fetch, which then
    /// reads the whole feed).
    pub fn take_pages(&mut self) -> (Vec<PageJob>, Option<Validators>) {
        match self {
            FeedResult::Items {
                pages,
                pages_left_over,
                validators,
                ..
            } => {
                let keep = (!*pages_left_over).then(|| validators.clone());
                (std::mem::take(pages), keep)
            }
            _ => (Vec::new(), None),
        }
    }

    fn failed(reason: String) -> FeedResult {
        FeedResult::Failed {
            reason,
            retry_after: None,
            gone: false,
        }
    }

    fn from_error(err: FetchError) -> FeedResult {
        FeedResult::Failed {
            retry_after: err.retry_after(),
            gone: matches!(err, FetchError::Gone),
            reason: err.to_string(),
        }
    }
}

/// Fetches and prepares one feed. Never panics: a panic in the parsers is caught and becomes
/// this feed's failure. Its items get their `known` pages; for a full-text feed, at most
/// `max_pages` of the others are returned to be fetched.
pub fn fetch_feed(
    client: &Client,
    feed: &Feed,
    today: NaiveDate,
    known: &KnownPages,
    max_pages: usize,
) -> FeedResult {
    let validators = Validators {
        etag: feed.etag.clone(),
        last_modified: feed.last_modified.clone(),
    };
    match client.get(&feed.url, &validators) {
        Err(err) => FeedResult::from_error(err),
        Ok(outcome) => prepare_outcome(outcome, feed, today, known, max_pages),
    }
}

/// Parses a fetched body into articles (or passes a 304 on).
pub fn prepare_outcome(
    outcome: Outcome,
    feed: &Feed,
    today: NaiveDate,
    known: &KnownPages,
    max_pages: usize,
) -> FeedResult {
    let fetched = match outcome {
        Outcome::NotModified {
            validators,
            moved_to,
        } => {
            return FeedResult::NotModified {
                validators,
                moved_to,
            }
        }
        Outcome::Fetched(fetched) => fetched,
    };
    let parsed = catch_unwind(AssertUnwindSafe(|| {
        let content_type = fetched.content_type.as_deref();
        parse_feed(&fetched.body, content_type, Some(&fetched.final_url))
    }));
    match parsed {
        Ok(Ok(parsed)) => prepare_parsed(parsed, fetched, feed, today, known, max_pages),
        Ok(Err(err)) => FeedResult::failed(err.to_string()),
        Err(_) => FeedResult::failed(BUG.into()),
    }
}

/// What a caught panic says: the feed failed, not the fetch.
const BUG: &str = "byline failed on this feed (a bug: please report it)";

/// An already parsed body's items as articles of `feed` (people found, hashed, compressed),
/// with the pages they already have, and for a full-text feed the items whose page is to be
/// fetched (see [`fulltext::plan`]).
pub fn prepare_parsed(
    mut parsed: ParsedFeed,
    fetched: Fetched,
    feed: &Feed,
    today: NaiveDate,
    known: &KnownPages,
    max_pages: usize,
) -> FeedResult {
    let planned = fulltext::plan(&mut parsed.items, feed, known, max_pages);
    let articles = catch_unwind(AssertUnwindSafe(|| {
        parsed
            .items
            .iter()
            .map(|doc| {
                let origin = fulltext::item_origin(feed.id, &doc.key);
                prepare_item(doc, origin, Some(feed.name.clone()), Some(feed.id), today)
            })
            .collect::<Vec<_>>()
    }));
    match articles {
        Ok(articles) => FeedResult::Items {
            articles,
            validators: fetched.validators,
            moved_to: fetched.moved_to,
            site_url: parsed.site_url,
            warnings: parsed.warnings,
            pages_pending: !planned.jobs.is_empty() || planned.left_over,
            pages_left_over: planned.left_over,
            pages: planned.jobs,
        },
        Err(_) => FeedResult::failed(BUG.into()),
    }
}
