//! Bringing deleted articles back (`byline restore`, the reader's undo of a delete): each is
//! derived again from its kept original by the importer's own preparation, as `reindex` does,
//! and gets back its feed and its read and starred marks.

use crate::store::{Store, StoreError};

/// What a restore did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Restored {
    /// The restored articles' ids in the store.
    pub ids: Vec<i64>,
    /// Deleted articles whose kept original no longer parses (left among the deleted).
    pub failed: Vec<(i64, String)>,
}

/// Restores these deleted articles (ids among the deleted, as [`Store::delete_articles`] gives
/// them); unknown ids are skipped. An original equal to an article stored since is merged with it.
pub fn restore(store: &Store, deleted_ids: &[i64]) -> Result<Restored, StoreError> {
    let today = chrono::Utc::now().date_naive();
    let mut restored = Restored::default();
    for original in store.deleted_originals(deleted_ids)? {
        let item = match super::reindex::prepare_again(&original.raw, today) {
            Ok(item) => item,
            Err(reason) => {
                restored.failed.push((original.raw.id, reason));
                continue;
            }
        };
        let Some(id) = store.restore_article(original.raw.id, &item)? else {
            continue;
        };
        store.restore_row(id, &original)?;
        restored.ids.push(id);
    }
    Ok(restored)
}
