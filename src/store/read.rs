//! Reading articles back: list rows for the list pane and whole articles for the reading pane.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::Block;

/// One row of the article list: just what the list pane shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleRow {
    pub id: i64,
    pub title: String,
    pub source: Option<String>,
    pub date: Option<NaiveDate>,
    pub url: Option<String>,
    pub read: bool,
    pub starred: bool,
}

/// A person as stored for one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredPerson {
    pub name: String,
    pub aliases: Vec<String>,
    pub mentions: u32,
}

/// A whole article for reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredArticle {
    pub row: ArticleRow,
    pub byline: Option<String>,
    pub author: Option<String>,
    pub body: Vec<Block>,
    /// Most mentioned first.
    pub people: Vec<StoredPerson>,
    pub origin: Option<String>,
}

use super::{Result, Store};

impl Store {
    /// The whole article with this id, or `None`.
    pub fn article(&self, id: i64) -> Result<Option<StoredArticle>> {
        let _ = id;
        Ok(None)
    }

    /// How many articles the store holds.
    pub fn total(&self) -> Result<u64> {
        Ok(0)
    }
}
