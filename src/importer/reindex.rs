//! `reindex`: every stored article derived again from its original bytes by the importer's own
//! preparation, so a reindexed store holds what a fresh import of the same files would.

use chrono::NaiveDate;
use rayon::prelude::*;

use super::{folder_name, prepare, prepare_item};
use crate::feeds::{sniff, ItemDoc, Kind};
use crate::store::{NewArticle, Store, StoreError, StoredRaw};

/// What a reindex did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReindexSummary {
    pub articles: u64,
    /// Articles whose stored bytes no longer parse (kept as they were), with the reason.
    pub failed: Vec<(i64, String)>,
}

/// Re-prepares every stored article from its raw bytes, in batches of `batch_size`, keeping ids
/// and read/starred marks. `progress` gets the number of articles done.
pub fn reindex(
    store: &mut Store,
    batch_size: usize,
    progress: &mut dyn FnMut(u64),
) -> Result<ReindexSummary, StoreError> {
    let mut summary = ReindexSummary::default();
    let today = chrono::Utc::now().date_naive();
    let mut after = 0i64;
    loop {
        let batch = store.raw_batch(after, batch_size.max(1))?;
        let Some(last) = batch.last() else { break };
        after = last.id;
        let prepared: Vec<_> = batch
            .par_iter()
            .map(|stored| (stored.id, prepare_again(stored, today)))
            .collect();
        let mut rewrite = store.begin_rewrite()?;
        for (id, result) in prepared {
            match result {
                Ok(item) if rewrite.rewrite(id, &item)? => {}
                Ok(_) => summary
                    .failed
                    .push((id, "its URL now matches another article".into())),
                Err(reason) => summary.failed.push((id, reason)),
            }
            summary.articles += 1;
        }
        rewrite.commit()?;
        progress(summary.articles);
    }
    store.finish_reindex()?;
    Ok(summary)
}

/// The article as the importer prepares these bytes: a feed's item as [`prepare_item`] does,
/// a file as [`prepare`] does with the folder and `--source` it was imported with.
pub(super) fn prepare_again(stored: &StoredRaw, today: NaiveDate) -> Result<NewArticle, String> {
    let raw = stored.raw().map_err(|e| e.to_string())?;
    let origin = stored.origin.clone();
    let hint = stored.source_hint.clone();
    if matches!(sniff(&raw), Kind::StoredItem) {
        let doc = ItemDoc::from_bytes(&raw).map_err(|e| e.to_string())?;
        return Ok(prepare_item(
            &doc,
            origin.unwrap_or_default(),
            hint,
            None,
            today,
        ));
    }
    let folder = origin.as_deref().and_then(folder_name);
    prepare(&raw, origin, folder, hint.as_deref()).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests;
