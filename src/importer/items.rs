//! Feed items as articles to store: from a subscription's fetch or a feed file given to import.

use chrono::NaiveDate;

use crate::feeds::ItemDoc;
use crate::ingest::{self, Origin};
use crate::store::NewArticle;

/// A feed's item ready to store: its document is the stored original, `origin` its identity
/// (`feed:ID#KEY` for a subscription, `PATH#KEY` for a file), `source` its outlet.
pub fn prepare_item(
    doc: &ItemDoc,
    origin: String,
    source: Option<String>,
    feed_id: Option<i64>,
    today: NaiveDate,
) -> NewArticle {
    let from = Origin {
        source_override: source.clone(),
        parent_folder: None,
    };
    let article = ingest::derive(doc.to_parsed(), &from);
    let page_text = doc.page.as_ref().map(crate::feeds::PageText::has_text);
    NewArticle::new(article, &doc.to_bytes(), Some(origin), source)
        .from_feed(feed_id, &doc.categories, today)
        .with_page_text(page_text)
}

/// Every item of a feed file, as articles (its title is their source unless `--source`).
pub(super) fn prepare_feed_file(
    bytes: &[u8],
    origin: &str,
    source_override: Option<&str>,
) -> Result<Vec<NewArticle>, String> {
    let feed = crate::feeds::parse_feed(bytes, None, None).map_err(|e| e.to_string())?;
    let source = source_override.map(str::to_string).or(feed.title.clone());
    let today = chrono::Utc::now().date_naive();
    let mut items: Vec<NewArticle> = feed
        .items
        .iter()
        .map(|doc| {
            let key = format!("{origin}#{}", doc.key);
            prepare_item(doc, key, source.clone(), None, today)
        })
        .collect();
    if let Some(first) = items.first_mut() {
        first.article.parsed.warnings.extend(feed.warnings);
    }
    Ok(items)
}
