//! [`StoreApi`]: what the reader's worker needs of a store, and the real store behind it
//! (tests use fakes, and the fault tests a store that panics or blocks).

use chrono::NaiveDate;

use super::msg::{Bulk, FacetItem, FacetKind};
use crate::query::{DateSpec, Query, Term, TermKind};

/// The date picker's entry for the articles whose date is not known (`date:none`).
pub const UNKNOWN_DATE: &str = "unknown date";
use crate::store::{ArticleRow, Feed, Granularity, Mark, PersonPage, Sort, Store, StoredArticle};
use crate::store::{PAGE_TOP, PAGE_WINDOW};

/// What the reader needs of a store.
pub trait StoreApi {
    fn search(
        &self,
        q: &Query,
        today: NaiveDate,
        offset: u64,
        limit: u64,
    ) -> anyhow::Result<Vec<ArticleRow>>;
    /// [`StoreApi::search`] in another order; fakes sort what `search` gives them.
    fn search_sorted(
        &self,
        q: &Query,
        today: NaiveDate,
        sort: Sort,
        offset: u64,
        limit: u64,
    ) -> anyhow::Result<Vec<ArticleRow>> {
        if sort == Sort::Newest {
            return self.search(q, today, offset, limit);
        }
        let mut rows = self.search(q, today, 0, u64::MAX)?;
        sort_rows(&mut rows, sort);
        let take = usize::try_from(limit).unwrap_or(usize::MAX);
        Ok(rows.into_iter().skip(offset as usize).take(take).collect())
    }
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
    /// Makes a change to many articles: how many changed, and the change that undoes it.
    fn apply(&self, _change: &Bulk, _today: NaiveDate) -> anyhow::Result<(u64, Bulk)> {
        anyhow::bail!("this store cannot change articles in bulk")
    }
    /// `q` with its `@name`s replaced by the saved queries' terms (fakes keep it as it is).
    fn expand(&self, q: &Query) -> anyhow::Result<Query> {
        Ok(q.clone())
    }
    /// Saves `q` as the saved search `name` (refusing an existing name); the name as stored.
    fn save_search(&self, _name: &str, _q: &Query) -> anyhow::Result<String> {
        anyhow::bail!("this store cannot save searches")
    }
    /// The page of the person `name` names, `None` when nobody answers to it (fakes without
    /// people: nobody).
    fn person_page(&self, _name: &str) -> anyhow::Result<Option<PersonPage>> {
        Ok(None)
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

/// Rows in `sort` order as the store gives them (undated last, ties newest id first).
fn sort_rows(rows: &mut [ArticleRow], sort: Sort) {
    use std::cmp::Reverse;
    let newest = |r: &ArticleRow| (Reverse(r.date.is_some()), Reverse(r.date), Reverse(r.id));
    match sort {
        Sort::Newest => rows.sort_by_key(newest),
        Sort::Oldest => rows.sort_by_key(|r| (r.date.is_none(), r.date, r.id)),
        Sort::Source => rows.sort_by_key(|r| {
            let source = r.source.as_ref().map(|s| s.to_lowercase());
            (source.is_none(), source, newest(r))
        }),
        Sort::Unread => rows.sort_by_key(|r| (r.read, newest(r))),
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
    fn search_sorted(
        &self,
        q: &Query,
        today: NaiveDate,
        sort: Sort,
        offset: u64,
        limit: u64,
    ) -> anyhow::Result<Vec<ArticleRow>> {
        Ok(Store::search_sorted(self, q, today, sort, offset, limit)?)
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
        // The full-disk, read-only and damage errors name the store file, in words.
        Ok(Store::set_read(self, id, read).map_err(|e| self.explain(e))?)
    }
    fn set_starred(&self, id: i64, starred: bool) -> anyhow::Result<()> {
        Ok(Store::set_starred(self, id, starred).map_err(|e| self.explain(e))?)
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
            unread: None,
        };
        Ok(match kind {
            FacetKind::Saved => saved_items(self.saved_counts(today)?),
            FacetKind::Authors => self
                .author_counts(q, today, 5000)?
                .into_iter()
                .map(|n| item(n.name, vec![], n.articles))
                .collect(),
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
                let undated = q.with_term(Term::new(false, TermKind::Date(DateSpec::Unknown)));
                let undated = self.count(&undated, today)?;
                let unknown =
                    (undated > 0).then(|| item(UNKNOWN_DATE.to_string(), vec![], undated));
                months
                    .into_iter()
                    .map(|(m, n)| item(m, vec![], n))
                    .chain(unknown)
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
    fn expand(&self, q: &Query) -> anyhow::Result<Query> {
        Ok(Store::expand(self, q)?)
    }
    fn save_search(&self, name: &str, q: &Query) -> anyhow::Result<String> {
        let saved = Store::save_search(self, name, q, false).map_err(|e| self.explain(e))?;
        Ok(saved.name)
    }
    fn apply(&self, change: &Bulk, today: NaiveDate) -> anyhow::Result<(u64, Bulk)> {
        let explain = |e| self.explain(e);
        let (changed, undo) = match change {
            Bulk::MarkQuery { query, read } => {
                let ids = self.matching_ids(query, today).map_err(explain)?;
                let changed = self.set_marks(&ids, Mark::Read, *read).map_err(explain)?;
                (
                    changed.len(),
                    Bulk::Mark {
                        ids: changed,
                        mark: Mark::Read,
                        on: !read,
                    },
                )
            }
            Bulk::Mark { ids, mark, on } => {
                let changed = self.set_marks(ids, *mark, *on).map_err(explain)?;
                (
                    changed.len(),
                    Bulk::Mark {
                        ids: changed,
                        mark: *mark,
                        on: !on,
                    },
                )
            }
            Bulk::Delete { ids } => {
                let deleted = self.delete_articles(ids).map_err(explain)?;
                (deleted.len(), Bulk::Restore { deleted })
            }
            Bulk::RenameSource { from, to } => {
                let articles = self.source_article_count(from).map_err(explain)?;
                let name = self.rename_source_only(from, to).map_err(explain)?;
                let undo = Bulk::RenameSource {
                    from: name,
                    to: from.clone(),
                };
                (articles as usize, undo)
            }
            Bulk::RenamePerson { .. }
            | Bulk::AliasPerson { .. }
            | Bulk::UnaliasPerson { .. }
            | Bulk::MergePerson { .. }
            | Bulk::NotAPerson { .. }
            | Bulk::RestorePerson { .. } => {
                super::person_changes::apply(self, change, today).map_err(explain)?
            }
            Bulk::Restore { deleted } => {
                let restored = crate::importer::restore(self, deleted).map_err(explain)?;
                (restored.ids.len(), Bulk::Delete { ids: restored.ids })
            }
        };
        Ok((changed as u64, undo))
    }
    fn set_ui_value(&self, key: &str, value: &str) -> anyhow::Result<()> {
        Ok(Store::set_ui_value(self, key, value)?)
    }
    fn person_page(&self, name: &str) -> anyhow::Result<Option<PersonPage>> {
        Ok(Store::person_page(self, name, PAGE_TOP, PAGE_WINDOW)?)
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

/// The saved searches as picker entries: the name, the query (matched too), the counts; one
/// that cannot run (it uses a search that is gone) counts nothing.
fn saved_items(counts: Vec<crate::store::SavedCount>) -> Vec<FacetItem> {
    counts
        .into_iter()
        .map(|c| FacetItem {
            label: c.search.name,
            aliases: vec![c.search.query],
            count: c.articles.unwrap_or(0),
            unread: c.unread,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_picker_ends_with_the_undated_articles_under_the_filter() {
        let mut store = Store::open_in_memory().unwrap();
        crate::samples::load_on_first_run(&mut store).unwrap();
        let today = NaiveDate::from_ymd_opt(2025, 12, 20).unwrap();
        let months = |q: &str| {
            let q = crate::query::parse(q).unwrap();
            StoreApi::facets(&store, &q, today, FacetKind::Months).unwrap()
        };
        let all = months("");
        let last = all.last().unwrap();
        assert_eq!((last.label.as_str(), last.count), (UNKNOWN_DATE, 1));
        let undated = crate::query::parse("date:none").unwrap();
        assert_eq!(StoreApi::count(&store, &undated, today).unwrap(), 1);
        assert!(months("date:2025-12")
            .iter()
            .all(|item| item.label != UNKNOWN_DATE));
    }

    #[test]
    fn each_bulk_change_answers_with_the_change_that_undoes_it() {
        let mut store = Store::open_in_memory().unwrap();
        crate::samples::load_on_first_run(&mut store).unwrap();
        let today = NaiveDate::from_ymd_opt(2025, 12, 20).unwrap();
        let q = |text: &str| crate::query::parse(text).unwrap();
        let count = |text: &str| StoreApi::count(&store, &q(text), today).unwrap();
        let nww = count("source:nww");
        let mark = Bulk::MarkQuery {
            query: q("source:nww"),
            read: true,
        };
        let (n, undo) = store.apply(&mark, today).unwrap();
        assert_eq!((n, count("source:nww is:read")), (nww, nww));
        store.apply(&undo, today).unwrap();
        assert_eq!(count("is:read"), 0);
        let ids = store.matching_ids(&q("source:nww"), today).unwrap();
        let (n, undo) = store.apply(&Bulk::Delete { ids }, today).unwrap();
        assert_eq!((n, count("source:nww")), (nww, 0));
        let (n, again) = store.apply(&undo, today).unwrap();
        assert_eq!((n, count("source:nww")), (nww, nww));
        assert!(matches!(again, Bulk::Delete { ids } if ids.len() as u64 == nww));
        let rename = Bulk::RenameSource {
            from: "NWW".into(),
            to: "Northwind Wire".into(),
        };
        let (n, undo) = store.apply(&rename, today).unwrap();
        assert_eq!((n, count("source:\"northwind wire\"")), (nww, nww));
        store.apply(&undo, today).unwrap();
        let names: Vec<String> = store
            .source_counts(&q(""), today)
            .unwrap()
            .into_iter()
            .map(|s| s.name)
            .collect();
        assert!(names.contains(&"NWW".to_string()), "{names:?}");
        let onto = Bulk::RenameSource {
            from: "NWW".into(),
            to: "Harbor Press".into(),
        };
        let err = store.apply(&onto, today).unwrap_err().to_string();
        assert!(err.contains("already called"), "{err}");
    }
}
