//! Fetching the pages of full-text items: in parallel across hosts through the fetch pool, one
//! request at a time per host with a delay between them, each item stored again by the single
//! writer as its page arrives; and `fetch --full-text-retry`, which does the same for the items
//! whose page failed.

use chrono::Utc;

use super::{fetch_page, item_origin, PageJob, Spacing};
use crate::feeds::{FetchOptions, ItemDoc};
use crate::fetch::{pool, Client};
use crate::importer::prepare_item;
use crate::store::{Feed, ImportOutcome, NewArticle, Settled, Store, StoreError};

/// What a run's page requests gave.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PageSummary {
    /// Items whose body is now their page's text.
    pub fetched: u64,
    /// Items kept as the feed's summary, marked so.
    pub failed: u64,
}

impl PageSummary {
    pub fn total(&self) -> u64 {
        self.fetched + self.failed
    }
}

impl std::fmt::Display for PageSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} pages fetched, {} summary only",
            self.fetched, self.failed
        )
    }
}

/// Sees each page as its item is stored: what the pages gave so far, and how many there are.
pub type OnPage<'a> = &'a mut dyn FnMut(&PageSummary, usize);

/// Fetches each job's page and stores its item again with it. Only a store error stops the
/// run; the items not reached keep their summary, unmarked, for the next fetch.
pub fn fetch_pages(
    store: &mut Store,
    client: &Client,
    jobs: Vec<PageJob>,
    options: &FetchOptions,
    on_page: OnPage,
) -> Result<PageSummary, StoreError> {
    let total = jobs.len();
    let spacing = Spacing::new(options.page_delay);
    let today = Utc::now().date_naive();
    let mut summary = PageSummary::default();
    let mut settled = Settled::default();
    let mut stopped: Option<StoreError> = None;
    let work = |job: PageJob| {
        let host = host_of(&job);
        let summary_chars = job.doc.to_parsed().body_text().chars().count();
        let page = spacing.around(&host, || fetch_page(client, &job.link, summary_chars));
        let mut doc = job.doc;
        doc.page = Some(page);
        let source = Some(job.feed_name);
        prepare_item(&doc, job.origin, source, Some(job.feed_id), today)
    };
    pool::run(jobs, host_of, options.parallel, 1, work, |done| {
        let Ok(item) = done else {
            return; // prepare_item does not panic on any input; the item just stays pending
        };
        if stopped.is_some() {
            return;
        }
        match write(store, &mut settled, &item) {
            Ok(ImportOutcome::Deleted) => {} // deleted by the user meanwhile: stays deleted
            Ok(_) if has_text(&item) => summary.fetched += 1,
            Ok(_) => summary.failed += 1,
            Err(err) => {
                stopped = Some(err);
                return;
            }
        }
        on_page(&summary, total);
    });
    match stopped {
        Some(err) => Err(store.explain(err)),
        None => Ok(summary),
    }
}

fn host_of(job: &PageJob) -> String {
    url::Url::parse(&job.link)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_default()
}

fn has_text(item: &NewArticle) -> bool {
    item.feed.and_then(|f| f.page_text) == Some(true)
}

fn write(
    store: &mut Store,
    settled: &mut Settled,
    item: &NewArticle,
) -> Result<ImportOutcome, StoreError> {
    let mut import = store.begin_import(settled)?;
    let outcome = import.write(item)?;
    import.commit()?;
    Ok(outcome)
}

/// `fetch --full-text-retry`: fetches again the pages that failed, of `feeds` set to full text
/// (the newest `max_pages_per_feed` a feed), and nothing else.
pub fn retry_failed(
    store: &mut Store,
    feeds: &[Feed],
    options: &FetchOptions,
    on_page: OnPage,
) -> Result<PageSummary, StoreError> {
    let mut jobs = Vec::new();
    for feed in feeds.iter().filter(|f| f.full_text) {
        let failed = store.page_items(feed.id, true, options.max_pages_per_feed)?;
        let retries = failed
            .into_iter()
            .filter_map(|(origin, raw)| retry_job(feed, origin, &raw));
        jobs.extend(retries);
    }
    let client = Client::new(options.http.clone());
    fetch_pages(store, &client, jobs, options, on_page)
}

/// A failed item as a job again, when it still has an http(s) link and is this feed's.
fn retry_job(feed: &Feed, origin: String, raw: &[u8]) -> Option<PageJob> {
    let mut doc = ItemDoc::from_bytes(raw).ok()?;
    let link = doc.url.clone()?;
    crate::links::openable(&link).ok()?;
    if origin != item_origin(feed.id, &doc.key) {
        return None;
    }
    doc.page = None;
    Some(PageJob {
        feed_id: feed.id,
        feed_name: feed.name.clone(),
        origin,
        doc,
        link,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feeds::PageText;

    fn failed_item(key: &str, link: Option<&str>) -> Vec<u8> {
        let mut doc = ItemDoc::new(key.into(), "T".into(), "Summary.".into(), false);
        doc.url = link.map(str::to_string);
        doc.page = Some(PageText::failed(link.unwrap_or_default(), "HTTP 404"));
        doc.to_bytes()
    }

    #[test]
    fn a_retry_asks_again_only_for_this_feeds_items_with_an_http_link() {
        let store = Store::open_in_memory().unwrap();
        let (id, _) = store.add_feed("F", "https://e.org/feed", &[]).unwrap();
        let feed = store.find_feed("F").unwrap().unwrap();
        let raw = failed_item("a", Some("https://e.org/a"));
        let job = retry_job(&feed, item_origin(id, "a"), &raw).unwrap();
        assert_eq!((job.link.as_str(), job.doc.page), ("https://e.org/a", None));
        assert_eq!(job.origin, item_origin(id, "a"));
        let other_feed = item_origin(id + 1, "a");
        assert!(retry_job(&feed, other_feed, &raw).is_none());
        let no_link = failed_item("b", None);
        assert!(retry_job(&feed, item_origin(id, "b"), &no_link).is_none());
        let file = failed_item("c", Some("file:///etc/passwd"));
        assert!(retry_job(&feed, item_origin(id, "c"), &file).is_none());
        assert!(retry_job(&feed, item_origin(id, "d"), b"not json").is_none());
    }

    #[test]
    fn the_summary_reads_in_words() {
        let pages = PageSummary {
            fetched: 2,
            failed: 1,
        };
        assert_eq!(pages.total(), 3);
        assert_eq!(pages.to_string(), "2 pages fetched, 1 summary only");
    }
}
