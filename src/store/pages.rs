//! Feed items' linked pages in the store: the stored items of a full-text feed that already
//! have their page (or whose page failed), read back for the next fetch and for a retry.

use super::codec::decompress;
use super::{Result, Store};

impl Store {
    /// Whether an article is stored under this origin (a feed item the user deleted is not).
    pub fn has_origin(&self, origin: &str) -> Result<bool> {
        let sql = "SELECT EXISTS (SELECT 1 FROM articles WHERE origin = ?1)";
        let mut stmt = self.conn.prepare_cached(sql)?;
        Ok(stmt.query_row([origin], |r| r.get(0))?)
    }

    /// `(origin, original bytes)` of the feed's newest `limit` items whose page was fetched,
    /// newest first: all of them, or only those whose page failed (`failed_only`). An original
    /// that cannot be decompressed is left out: its item is simply treated as one without a page.
    pub fn page_items(
        &self,
        feed_id: i64,
        failed_only: bool,
        limit: usize,
    ) -> Result<Vec<(String, Vec<u8>)>> {
        let sql = "SELECT a.origin, r.raw FROM articles a
                   JOIN article_raw r ON r.article_id = a.id
                   WHERE a.feed_id = ?1 AND a.origin IS NOT NULL
                     AND a.page_text IS NOT NULL AND (?2 = 0 OR a.page_text = 0)
                   ORDER BY a.id DESC LIMIT ?3";
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map(rusqlite::params![feed_id, failed_only, limit], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Vec<u8>>(1)?))
        })?;
        let mut items = Vec::new();
        for row in rows {
            let (origin, packed) = row?;
            if let Ok(raw) = decompress(&packed) {
                items.push((origin, raw));
            }
        }
        Ok(items)
    }
}

#[cfg(test)]
mod tests {
    use crate::feeds::{ItemDoc, PageText};
    use crate::importer::prepare_item;
    use crate::model::Block;
    use crate::store::Store;

    fn item(key: &str, page: Option<PageText>) -> crate::store::NewArticle {
        let mut doc = ItemDoc::new(key.into(), key.into(), "Summary.".into(), false);
        doc.url = Some(format!("https://e.org/{key}"));
        doc.page = page;
        let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 2).unwrap();
        prepare_item(
            &doc,
            format!("feed:1#{key}"),
            Some("F".into()),
            Some(1),
            today,
        )
    }

    #[test]
    fn items_with_a_page_are_read_back_and_the_failed_ones_alone_for_a_retry() {
        let mut store = Store::open_in_memory().unwrap();
        let text = PageText::text("https://e.org/a", vec![Block::paragraph("Whole.")]);
        let failed = PageText::failed("https://e.org/b", "HTTP 404");
        store
            .import_batch(&[
                item("a", Some(text)),
                item("b", Some(failed.clone())),
                item("c", None),
            ])
            .unwrap();
        let origins = |failed_only, limit| -> Vec<String> {
            let items = store.page_items(1, failed_only, limit).unwrap();
            items.into_iter().map(|(o, _)| o).collect()
        };
        assert_eq!(origins(false, 10), ["feed:1#b", "feed:1#a"], "newest first");
        assert_eq!(origins(false, 1), ["feed:1#b"]);
        assert_eq!(origins(true, 10), ["feed:1#b"]);
        assert!(
            store.page_items(2, false, 10).unwrap().is_empty(),
            "another feed's"
        );
        let (_, raw) = &store.page_items(1, true, 10).unwrap()[0];
        assert_eq!(ItemDoc::from_bytes(raw).unwrap().page, Some(failed));
        let summary_only = |id| store.article(id).unwrap().unwrap().summary_only;
        assert_eq!(
            [summary_only(1), summary_only(2), summary_only(3)],
            [false, true, false]
        );
        assert_eq!(store.article(1).unwrap().unwrap().body[0].text, "Whole.");
    }
}
