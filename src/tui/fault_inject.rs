//! A fault-injecting store for the crash tests: `BYLINE_TEST_STORE_FAULT=panic:METHOD` makes
//! one [`StoreApi`] method panic, `block:METHOD` makes it block forever. Hidden like the other
//! `BYLINE_TEST_*` hooks; without the variable the real store is used as it is.

use chrono::NaiveDate;

use super::msg::{Bulk, FacetItem, FacetKind};
use super::store_api::StoreApi;
use crate::query::Query;
use crate::store::{ArticleRow, Feed, Granularity, Sort, StoredArticle};

/// The variable naming the fault.
pub const TEST_STORE_FAULT: &str = "BYLINE_TEST_STORE_FAULT";

/// What the faulty method does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    Panic,
    Block,
}

/// `api`, with the fault named by [`TEST_STORE_FAULT`] (if any) in one of its methods.
pub struct Faulty<S> {
    api: S,
    fault: Option<(Fault, String)>,
}

impl<S: StoreApi> Faulty<S> {
    pub fn from_env(api: S) -> Faulty<S> {
        let spec = std::env::var(TEST_STORE_FAULT).unwrap_or_default();
        Faulty {
            api,
            fault: parse(&spec),
        }
    }

    fn check(&self, method: &str) {
        match &self.fault {
            Some((Fault::Panic, m)) if m == method => {
                panic!("{TEST_STORE_FAULT}: a forced panic in {method}")
            }
            Some((Fault::Block, m)) if m == method => loop {
                std::thread::sleep(std::time::Duration::from_secs(3600));
            },
            _ => {}
        }
    }
}

/// `panic:facets` or `block:facets`; anything else is no fault.
fn parse(spec: &str) -> Option<(Fault, String)> {
    let (what, method) = spec.split_once(':')?;
    let fault = match what {
        "panic" => Fault::Panic,
        "block" => Fault::Block,
        _ => return None,
    };
    Some((fault, method.to_string()))
}

impl<S: StoreApi> StoreApi for Faulty<S> {
    fn search(&self, q: &Query, t: NaiveDate, o: u64, l: u64) -> anyhow::Result<Vec<ArticleRow>> {
        self.check("search");
        self.api.search(q, t, o, l)
    }
    fn search_sorted(
        &self,
        q: &Query,
        t: NaiveDate,
        sort: Sort,
        o: u64,
        l: u64,
    ) -> anyhow::Result<Vec<ArticleRow>> {
        self.check("search");
        self.api.search_sorted(q, t, sort, o, l)
    }
    fn count(&self, q: &Query, today: NaiveDate) -> anyhow::Result<u64> {
        self.check("count");
        self.api.count(q, today)
    }
    fn total(&self) -> anyhow::Result<u64> {
        self.check("total");
        self.api.total()
    }
    fn article(&self, id: i64) -> anyhow::Result<Option<StoredArticle>> {
        self.check("article");
        self.api.article(id)
    }
    fn set_read(&self, id: i64, read: bool) -> anyhow::Result<()> {
        self.check("set_read");
        self.api.set_read(id, read)
    }
    fn set_starred(&self, id: i64, starred: bool) -> anyhow::Result<()> {
        self.check("set_starred");
        self.api.set_starred(id, starred)
    }
    fn facets(&self, q: &Query, t: NaiveDate, k: FacetKind) -> anyhow::Result<Vec<FacetItem>> {
        self.check("facets");
        self.api.facets(q, t, k)
    }
    fn histogram(
        &self,
        q: &Query,
        today: NaiveDate,
        g: Granularity,
    ) -> anyhow::Result<Vec<(String, u64)>> {
        self.check("histogram");
        self.api.histogram(q, today, g)
    }
    fn ui_value(&self, key: &str) -> anyhow::Result<Option<String>> {
        self.check("ui_value");
        self.api.ui_value(key)
    }
    fn set_ui_value(&self, key: &str, value: &str) -> anyhow::Result<()> {
        self.check("set_ui_value");
        self.api.set_ui_value(key, value)
    }
    fn feeds(&self) -> anyhow::Result<Vec<Feed>> {
        self.check("feeds");
        self.api.feeds()
    }
    fn mark_feed_read(&self, feed_id: i64) -> anyhow::Result<u64> {
        self.check("mark_feed_read");
        self.api.mark_feed_read(feed_id)
    }
    /// (Asked outside a request, by the watch: a panic here escapes the worker's catch.)
    fn data_version(&self) -> anyhow::Result<i64> {
        self.check("data_version");
        self.api.data_version()
    }
    fn apply(&self, change: &Bulk, today: NaiveDate) -> anyhow::Result<(u64, Bulk)> {
        self.check("apply");
        self.api.apply(change, today)
    }
    fn canceller(&self) -> Option<Box<dyn Fn() + Send + Sync>> {
        self.api.canceller()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_fault() {
        assert_eq!(parse("panic:facets"), Some((Fault::Panic, "facets".into())));
        assert_eq!(parse("block:count"), Some((Fault::Block, "count".into())));
        assert_eq!(parse("explode:count"), None);
        assert_eq!(parse(""), None);
    }
}
