//! Full text for feeds that carry only a summary: which items of a full-text feed need their
//! linked page, and the pages they already have carried over so an unchanged item is never
//! fetched twice.
//!
//! An item's page lives inside its stored original ([`ItemDoc::page`]), so the reading pane and
//! `reindex` derive the article from it again like any other item. A fetch first stores the
//! feed's items (an item whose link is unchanged gets its known page back, and so hashes as
//! unchanged); the items still without a page are then fetched, one request at a time per host
//! ([`run`]), and stored again with their page's text or marked as summary only.

mod page;
pub mod run;
mod spacing;

use std::collections::HashMap;

use super::{ItemDoc, PageText};
use crate::store::{Feed, Store, StoreError};

pub use page::fetch_page;
pub use run::{fetch_pages, retry_failed, OnPage, PageSummary};
pub use spacing::Spacing;

/// The pages a full-text feed's stored items have, by item origin (`feed:ID#KEY`).
pub type KnownPages = HashMap<String, PageText>;

/// One item whose linked page is to be fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageJob {
    pub feed_id: i64,
    /// The item's source, as the feed's other items have it.
    pub feed_name: String,
    /// The item's identity, `feed:ID#KEY`.
    pub origin: String,
    /// The item as its feed gives it, without a page.
    pub doc: ItemDoc,
    /// The item's link: an http(s) URL.
    pub link: String,
}

/// The identity a subscription's item is stored under.
pub fn item_origin(feed_id: i64, key: &str) -> String {
    format!("feed:{feed_id}#{key}")
}

/// How many of a feed's newest stored items with a page are read back before a fetch: more
/// than a feed document carries, few enough to hold in memory.
pub const KNOWN_LIMIT: usize = 500;

/// The known pages of each of `feeds` (a feed set back to summaries keeps the pages it has). A
/// stored original that is not an item, or has no page, is left out.
pub fn known_pages(store: &Store, feeds: &[Feed]) -> Result<HashMap<i64, KnownPages>, StoreError> {
    let mut known = HashMap::new();
    for feed in feeds {
        let mut pages = KnownPages::new();
        for (origin, raw) in store.page_items(feed.id, false, KNOWN_LIMIT)? {
            if let Some(page) = ItemDoc::from_bytes(&raw).ok().and_then(|d| d.page) {
                pages.insert(origin, page);
            }
        }
        if !pages.is_empty() {
            known.insert(feed.id, pages);
        }
    }
    Ok(known)
}

/// The items of one feed whose page is to be fetched.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Planned {
    pub jobs: Vec<PageJob>,
    /// More items wait for their page than the cap let in: the next fetch takes them.
    pub left_over: bool,
}

/// Gives each item of `feed` the page it already has when its link is unchanged. For a
/// full-text feed, also marks an item without an http(s) link as summary only and returns the
/// items left to fetch (at most `max`; the others wait for the next fetch, unmarked).
pub fn plan(items: &mut [ItemDoc], feed: &Feed, known: &KnownPages, max: usize) -> Planned {
    let mut planned = Planned::default();
    for doc in items.iter_mut() {
        let origin = item_origin(feed.id, &doc.key);
        let link = doc.url.clone();
        if let Some(page) = known.get(&origin).filter(|p| p.is_for(link.as_deref())) {
            doc.page = Some(page.clone());
            continue;
        }
        doc.page = None;
        if !feed.full_text {
            continue;
        }
        let Some(link) = link.filter(|l| crate::links::openable(l).is_ok()) else {
            let asked = doc.url.clone().unwrap_or_default();
            doc.page = Some(PageText::failed(&asked, "the item has no http(s) link"));
            continue;
        };
        if planned.jobs.len() == max {
            planned.left_over = true;
            continue;
        }
        planned.jobs.push(PageJob {
            feed_id: feed.id,
            feed_name: feed.name.clone(),
            origin,
            doc: doc.clone(),
            link,
        });
    }
    planned
}

#[cfg(test)]
mod tests;
