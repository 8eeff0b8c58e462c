//! `byline import` and `byline reindex`: files into the store, with progress and a summary.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use byline::importer::{
    collect_files, import_files, reindex as reindex_all, ImportOptions, ImportReport,
};
use byline::store::Store;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Files and folders to import (folders recursively).
    #[arg(required_unless_present = "samples")]
    pub paths: Vec<PathBuf>,
    /// The source of articles whose text names none (before the URL's domain and the folder name).
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
    /// Import the bundled sample articles.
    #[arg(long)]
    pub samples: bool,
    /// Articles written per transaction (tests use small batches).
    #[arg(long, hide = true, default_value_t = ImportOptions::default().batch_size)]
    pub batch_size: usize,
}

/// `import` checks a store for damage before writing when it is at most this large: SQLite's
/// `quick_check` reads the whole file (3-4 s for 100,000 articles, 721 MiB, here), which would
/// dwarf importing a few files into a large store. Larger stores rely on SQLite refusing the
/// damaged pages the import reads; `reindex`, which rewrites every article, always checks.
const CHECK_BEFORE_IMPORT_BYTES: u64 = 128 << 20;

pub fn run(store: &mut Store, args: ImportArgs) -> Result<ExitCode> {
    if store.file_bytes()? <= CHECK_BEFORE_IMPORT_BYTES {
        store.check_sound()?;
    }
    let mut report = ImportReport::default();
    if args.samples {
        merge(&mut report, byline::samples::import(store)?);
    }
    let (files, missing) = collect_files(&args.paths);
    let options = ImportOptions {
        source_override: args.source,
        batch_size: args.batch_size,
        ..ImportOptions::default()
    };
    let bar = progress_bar(files.len() as u64);
    let mut progress = |done: u64| bar.set_position(done);
    merge(
        &mut report,
        import_files(store, &files, &options, &mut progress)?,
    );
    bar.finish_and_clear();
    report.summary.failed += missing.len() as u64;
    report.failures.extend(missing);
    for warning in &report.warnings {
        eprintln!(
            "warning: {}: {}",
            super::safe_path(&warning.path),
            super::safe(&warning.reason)
        );
    }
    for failure in &report.failures {
        eprintln!(
            "error: {}: {}",
            super::safe_path(&failure.path),
            super::safe(&failure.reason)
        );
    }
    println!("{}", report.summary);
    Ok(if report.summary.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn merge(into: &mut ImportReport, from: ImportReport) {
    into.summary.absorb(&from.summary);
    into.failures.extend(from.failures);
    into.warnings.extend(from.warnings);
}

/// A progress bar on a terminal; hidden when stderr is not one.
fn progress_bar(len: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    let style = ProgressStyle::with_template("{bar:40} {pos}/{len} files {per_sec} {eta}")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}

pub fn reindex(store: &mut Store) -> Result<ExitCode> {
    store.check_sound()?;
    let total = store.total()?;
    let bar = progress_bar(total);
    let summary = reindex_all(store, 500, &mut |done| bar.set_position(done))?;
    bar.finish_and_clear();
    for (id, reason) in &summary.failed {
        eprintln!(
            "error: article {id}: {} (kept as it was)",
            super::safe(reason)
        );
    }
    println!(
        "reindexed {}, failed {}",
        summary.articles,
        summary.failed.len()
    );
    Ok(if summary.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
