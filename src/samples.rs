//! The bundled sample articles (fictional), embedded in the binary for the first run.

use include_dir::{include_dir, Dir};

use crate::importer::{prepare, FileProblem, ImportReport};
use crate::store::{Store, StoreError};

static SAMPLES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets/samples");

/// The sample articles as (file name, bytes), in file-name order.
pub fn files() -> Vec<(&'static str, &'static [u8])> {
    let mut files: Vec<_> = SAMPLES
        .files()
        .filter(|f| f.path().extension().is_some_and(|e| e == "txt"))
        .filter_map(|f| Some((f.path().to_str()?, f.contents())))
        .collect();
    files.sort_by_key(|(name, _)| *name);
    files
}

/// Imports the samples; importing them again changes nothing.
pub fn import(store: &mut Store) -> Result<ImportReport, StoreError> {
    let mut report = ImportReport::default();
    let mut batch = Vec::new();
    for (name, bytes) in files() {
        let origin = Some(format!("sample:{name}"));
        match prepare(bytes, origin, Some("samples".into()), None) {
            Ok(article) => batch.push(article),
            Err(err) => {
                report.summary.failed += 1;
                report.failures.push(FileProblem {
                    path: name.into(),
                    reason: err.to_string(),
                });
            }
        }
    }
    for outcome in store.import_batch(&batch)? {
        report.summary.add(outcome);
    }
    Ok(report)
}

/// Loads the samples into an empty store that never had them (the first run); returns how many.
/// A store emptied later stays empty.
pub fn load_on_first_run(store: &mut Store) -> Result<Option<u64>, StoreError> {
    if store.ui_value("samples_loaded")?.is_some() || store.has_articles()? {
        return Ok(None);
    }
    let report = import(store)?;
    store.set_ui_value("samples_loaded", "1")?;
    Ok(Some(report.summary.imported))
}
