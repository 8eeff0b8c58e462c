//! Marks by feed: every article of one subscription marked read at once (the reader's feeds
//! view).

use super::{Result, Store};

impl Store {
    /// Marks every unread article of the feed `feed_id` read; returns how many changed.
    pub fn mark_feed_read(&self, feed_id: i64) -> Result<u64> {
        let changed = self.conn.execute(
            "UPDATE articles SET is_read = 1 WHERE feed_id = ?1 AND is_read = 0",
            [feed_id],
        )?;
        Ok(changed as u64)
    }
}

#[cfg(test)]
mod tests {
    use crate::importer::prepare_item;
    use crate::store::{Settled, Store};

    fn feed(name: &str) -> String {
        format!(
            r#"<rss version="2.0"><channel><title>T</title>
            <item><guid>a</guid><title>One</title><link>https://e.org/{name}/1</link></item>
            <item><guid>b</guid><title>Two</title><link>https://e.org/{name}/2</link></item>
            </channel></rss>"#
        )
    }

    fn store_items(store: &mut Store, feed_id: i64, name: &str) {
        let parsed = crate::feeds::parse_feed(feed(name).as_bytes(), None, None).unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 2).unwrap();
        let mut settled = Settled::default();
        let mut import = store.begin_import(&mut settled).unwrap();
        for doc in &parsed.items {
            let origin = format!("feed:{feed_id}#{}", doc.key);
            let item = prepare_item(doc, origin, Some(name.into()), Some(feed_id), today);
            import.write(&item).unwrap();
        }
        import.commit().unwrap();
    }

    #[test]
    fn marks_only_that_feeds_unread_articles() {
        let mut store = Store::open_in_memory().unwrap();
        let (a, _) = store.add_feed("A", "https://e.org/a", &[]).unwrap();
        let (b, _) = store.add_feed("B", "https://e.org/b", &[]).unwrap();
        store_items(&mut store, a, "A");
        store_items(&mut store, b, "B");
        let unread =
            |s: &Store| -> Vec<u64> { s.feeds().unwrap().iter().map(|f| f.unread).collect() };
        assert_eq!(unread(&store), [2, 2]);
        assert_eq!(store.mark_feed_read(a).unwrap(), 2);
        assert_eq!(unread(&store), [0, 2]);
        assert_eq!(store.mark_feed_read(a).unwrap(), 0, "already read");
        let first = store.search(&Default::default(), chrono::Utc::now().date_naive(), 0, 10);
        let undated = store.article(first.unwrap()[0].id).unwrap().unwrap();
        assert!(
            undated.first_seen,
            "an undated item is dated the day first seen"
        );
    }
}
