//! Read and starred marks, and the reader's small key/value memory.

use super::{Result, Store};

impl Store {
    /// Marks an article read or unread.
    pub fn set_read(&self, id: i64, read: bool) -> Result<()> {
        let _ = (id, read);
        Ok(())
    }

    /// Stars or unstars an article.
    pub fn set_starred(&self, id: i64, starred: bool) -> Result<()> {
        let _ = (id, starred);
        Ok(())
    }

    /// A remembered reader value ("last_query", "selected_id").
    pub fn ui_value(&self, key: &str) -> Result<Option<String>> {
        let _ = key;
        Ok(None)
    }

    /// Remembers a reader value.
    pub fn set_ui_value(&self, key: &str, value: &str) -> Result<()> {
        let _ = (key, value);
        Ok(())
    }
}
