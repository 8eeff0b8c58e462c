//! What a feed item adds to an article and to writing it: where it came from, its categories
//! as tags, what its linked page gave, the day it was first seen kept through updates, and its
//! URL given up when another article already holds it.

use rusqlite::{params, OptionalExtension, Transaction};

use super::import::NewArticle;
use super::Result;

/// Where a feed item came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeedItem {
    /// The subscription (`None` for a feed file given to `import`).
    pub feed_id: Option<i64>,
    /// Whether the body is the linked page's text (`Some(false)`: the page failed, the body is
    /// the summary; `None`: no page was asked for).
    pub page_text: Option<bool>,
}

/// Categories kept per item: a feed that lists hundreds is tagging for search engines.
const MAX_ITEM_TAGS: usize = 20;

impl NewArticle {
    /// Marks this article as a feed's item with its categories, dated `today` when the item
    /// has no date.
    pub fn from_feed(
        mut self,
        feed_id: Option<i64>,
        categories: &[String],
        today: chrono::NaiveDate,
    ) -> NewArticle {
        self.feed = Some(FeedItem {
            feed_id,
            page_text: None,
        });
        for category in categories {
            let tag = category.trim();
            let known = self.tags.iter().any(|t| t.eq_ignore_ascii_case(tag));
            if !tag.is_empty() && tag.len() <= 100 && !known && self.tags.len() < MAX_ITEM_TAGS {
                self.tags.push(tag.to_string());
            }
        }
        if self.article.parsed.date.is_none() {
            self.article.parsed.date = Some(today);
            self.first_seen = true;
        }
        self
    }

    /// Records what the item's linked page gave (see [`FeedItem::page_text`]).
    pub fn with_page_text(mut self, page_text: Option<bool>) -> NewArticle {
        if let Some(feed) = &mut self.feed {
            feed.page_text = page_text;
        }
        self
    }
}

/// A feed item's categories, replacing what an older version of it had.
pub(super) fn write_tags(tx: &Transaction, id: i64, tags: &[String], fresh: bool) -> Result<()> {
    if !fresh {
        tx.prepare_cached("DELETE FROM article_tags WHERE article_id = ?1")?
            .execute([id])?;
    }
    let mut insert =
        tx.prepare_cached("INSERT OR IGNORE INTO article_tags (tag, article_id) VALUES (?1, ?2)")?;
    for tag in tags {
        insert.execute(params![tag, id])?;
    }
    Ok(())
}

/// Whether a feed item's body is its linked page's text (1), its summary because the page
/// failed (0), or no page was asked for (NULL).
pub(super) fn write_page_text(tx: &Transaction, id: i64, page_text: Option<bool>) -> Result<()> {
    tx.prepare_cached("UPDATE articles SET page_text = ?2 WHERE id = ?1")?
        .execute(params![id, page_text])?;
    Ok(())
}

/// The article that holds this URL, if any.
pub(super) fn url_owner(tx: &Transaction, url: &str) -> Result<Option<i64>> {
    let sql = "SELECT id FROM articles WHERE url = ?1";
    Ok(tx
        .prepare_cached(sql)?
        .query_row([url], |r| r.get(0))
        .optional()?)
}

/// An update of an item dated by when it was first seen keeps that first day, not today: the
/// article as it should be written, when its date must change.
pub(super) fn kept_first_seen(
    tx: &Transaction,
    item: &NewArticle,
    existing: Option<i64>,
) -> Result<Option<NewArticle>> {
    let Some(id) = existing.filter(|_| item.first_seen) else {
        return Ok(None);
    };
    let first = first_seen_day(tx, id)?;
    if first.is_none() || first == item.article.parsed.date {
        return Ok(None);
    }
    let mut redated = item.clone();
    redated.article.parsed.date = first;
    Ok(Some(redated))
}

/// The day a stored article dated by when it was first seen was first seen (`None` for an
/// article with a date of its own).
pub(super) fn first_seen_day(tx: &Transaction, id: i64) -> Result<Option<chrono::NaiveDate>> {
    let sql = "SELECT date FROM articles WHERE id = ?1 AND first_seen_date = 1";
    let date: Option<Option<String>> = tx
        .prepare_cached(sql)?
        .query_row([id], |r| r.get(0))
        .optional()?;
    Ok(date.flatten().and_then(|d| d.parse().ok()))
}
