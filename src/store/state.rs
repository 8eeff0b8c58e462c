//! Read and starred marks, and the reader's small key/value memory.

use rusqlite::{params, OptionalExtension};

use super::{Result, Store};

impl Store {
    /// Marks an article read or unread.
    pub fn set_read(&self, id: i64, read: bool) -> Result<()> {
        self.conn.execute(
            "UPDATE articles SET is_read = ?2 WHERE id = ?1",
            params![id, read],
        )?;
        Ok(())
    }

    /// Stars or unstars an article.
    pub fn set_starred(&self, id: i64, starred: bool) -> Result<()> {
        self.conn.execute(
            "UPDATE articles SET is_starred = ?2 WHERE id = ?1",
            params![id, starred],
        )?;
        Ok(())
    }

    /// A remembered reader value ("last_query", "selected_id").
    pub fn ui_value(&self, key: &str) -> Result<Option<String>> {
        let value = self
            .conn
            .query_row("SELECT value FROM ui_state WHERE key = ?1", [key], |r| {
                super::clean::text(r, 0)
            })
            .optional()?;
        Ok(value)
    }

    /// Remembers a reader value.
    pub fn set_ui_value(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO ui_state (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }
}
