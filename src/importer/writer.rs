//! The import's single writer: stores parsed files in short transactions and never waits for
//! the parsers while it holds the write lock, so the reader's marks wait one short commit at most.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError};
use std::time::{Duration, Instant};

use super::{FileProblem, ImportReport, Parsed};
use crate::store::{Checkpointer, NewArticle, Settled, Store, StoreError, WAL_LIMIT_BYTES};

/// Input bytes per transaction: a run of big files is committed in smaller batches (at least
/// one file each), so a folder of large files is never all held at once.
const MAX_BATCH_BYTES: usize = 16 * 1024 * 1024;

/// A transaction is also committed after this long, so that the writer itself (a batch of huge
/// pages) never keeps the write lock from the reader beside it for long.
const MAX_BATCH_TIME: Duration = Duration::from_secs(1);

/// How long the writer gathers parsed files, without the write lock, before it writes them:
/// committing every chunk as it came made the import take twice as long (small transactions,
/// a full-text segment each). Parsers slower than this leave it one chunk per transaction.
const GATHER_TIME: Duration = Duration::from_millis(200);

/// Articles gathered at most before a transaction begins (it goes on with what is ready then).
const GATHER_ARTICLES: usize = 500;

/// Where the writer takes parsed files from.
pub(super) trait Chunks {
    /// The next chunk if one is ready now (`Ok(None)`: not yet), or `Err(())` when none will
    /// come.
    fn ready(&mut self) -> Result<Option<Vec<Parsed>>, ()>;
    /// Waits for the next chunk; `None` when none will come.
    fn wait(&mut self) -> Option<Vec<Parsed>>;
    /// Waits for the next chunk until `deadline` (`Ok(None)`: none came), or `Err(())` when
    /// none will come.
    fn wait_until(&mut self, deadline: Instant) -> Result<Option<Vec<Parsed>>, ()>;
}

/// The parsers' channel.
impl Chunks for Receiver<Vec<Parsed>> {
    fn ready(&mut self) -> Result<Option<Vec<Parsed>>, ()> {
        match self.try_recv() {
            Ok(chunk) => Ok(Some(chunk)),
            Err(TryRecvError::Empty) => Ok(None),
            Err(TryRecvError::Disconnected) => Err(()),
        }
    }

    fn wait(&mut self) -> Option<Vec<Parsed>> {
        self.recv().ok()
    }

    fn wait_until(&mut self, deadline: Instant) -> Result<Option<Vec<Parsed>>, ()> {
        let left = deadline.saturating_duration_since(Instant::now());
        match self.recv_timeout(left) {
            Ok(chunk) => Ok(Some(chunk)),
            Err(RecvTimeoutError::Timeout) => Ok(None),
            Err(RecvTimeoutError::Disconnected) => Err(()),
        }
    }
}

/// Files parsed beforehand: every one is ready at once.
struct AllReady<I>(I);

impl<I: Iterator<Item = Parsed>> Chunks for AllReady<I> {
    fn ready(&mut self) -> Result<Option<Vec<Parsed>>, ()> {
        self.wait().map(Some).ok_or(())
    }

    fn wait(&mut self) -> Option<Vec<Parsed>> {
        self.0.next().map(|item| vec![item])
    }

    fn wait_until(&mut self, _: Instant) -> Result<Option<Vec<Parsed>>, ()> {
        self.ready()
    }
}

/// The import's writer: stores parsed files in transactions of at most `batch_size` articles,
/// checkpointing in the background, and refreshes the planner's statistics at the end. Failed
/// files are counted and listed in `report`.
pub fn write_parsed(
    store: &mut Store,
    parsed: impl Iterator<Item = Parsed>,
    batch_size: usize,
    report: &mut ImportReport,
    progress: &mut dyn FnMut(u64),
) -> Result<(), StoreError> {
    write_chunks(store, AllReady(parsed), batch_size, report, progress)
}

/// [`write_parsed`] on chunks as the parsers hand them over.
pub(super) fn write_chunks(
    store: &mut Store,
    chunks: impl Chunks,
    batch_size: usize,
    report: &mut ImportReport,
    progress: &mut dyn FnMut(u64),
) -> Result<(), StoreError> {
    let checkpoints = store.checkpoint_in_background(WAL_LIMIT_BYTES)?;
    let batch_size = batch_size.max(1);
    let written = write_all(store, chunks, batch_size, &checkpoints, report, progress);
    let finished = checkpoints.finish(store);
    written.map_err(|e| store.explain(e))?;
    finished?;
    store.optimize()
}

/// Writes the parsed files in transactions of at most `batch_size` articles,
/// [`MAX_BATCH_BYTES`] and [`MAX_BATCH_TIME`]. Files are gathered without the write lock (see
/// [`gather`]), and a transaction ends, committing what it wrote, as soon as no parsed file is
/// ready: the next ones are awaited without the write lock.
fn write_all(
    store: &mut Store,
    mut chunks: impl Chunks,
    batch_size: usize,
    checkpoints: &Checkpointer,
    report: &mut ImportReport,
    progress: &mut dyn FnMut(u64),
) -> Result<(), StoreError> {
    let mut done = 0u64;
    let mut settled = Settled::default();
    let mut pending = Vec::new().into_iter();
    loop {
        if pending.len() == 0 {
            match chunks.wait() {
                Some(chunk) => pending = gather(&mut chunks, chunk, batch_size).into_iter(),
                None => return Ok(()),
            }
            continue; // no files at all (feed files without items) start no transaction
        }
        checkpoints.before_transaction();
        let mut import = store.begin_import(&mut settled)?;
        let (started, mut count, mut bytes) = (Instant::now(), 0, 0);
        'batch: loop {
            for item in pending.by_ref() {
                done += 1;
                match item {
                    Ok(article) => {
                        note_warnings(&article, report);
                        bytes += article.raw_len();
                        report.summary.add(import.write(&article)?);
                        count += 1;
                    }
                    Err(problem) => {
                        report.summary.failed += 1;
                        report.failures.push(problem);
                    }
                }
                progress(done);
                let full = count >= batch_size || bytes >= MAX_BATCH_BYTES;
                if full || started.elapsed() > MAX_BATCH_TIME {
                    break 'batch;
                }
            }
            match chunks.ready() {
                Ok(Some(chunk)) => pending = chunk.into_iter(),
                Ok(None) | Err(()) => break 'batch,
            }
        }
        import.commit()?;
        checkpoints.nudge();
    }
}

/// `first` and the chunks that follow it within [`GATHER_TIME`], up to a transaction's worth
/// (`batch_size` articles, [`MAX_BATCH_BYTES`]).
fn gather(chunks: &mut impl Chunks, first: Vec<Parsed>, batch_size: usize) -> Vec<Parsed> {
    let deadline = Instant::now() + GATHER_TIME;
    let bytes = |files: &[Parsed]| -> usize {
        let sizes = files.iter().filter_map(|f| f.as_ref().ok());
        sizes.map(NewArticle::raw_len).sum()
    };
    let (mut held, mut held_bytes) = (Vec::new(), 0);
    let mut next = Some(first);
    while let Some(chunk) = next {
        held_bytes += bytes(&chunk);
        held.extend(chunk);
        if held.len() >= batch_size.min(GATHER_ARTICLES) || held_bytes >= MAX_BATCH_BYTES {
            break;
        }
        next = chunks.wait_until(deadline).ok().flatten();
    }
    held
}

fn note_warnings(article: &NewArticle, report: &mut ImportReport) {
    for warning in &article.article.parsed.warnings {
        report.warnings.push(FileProblem {
            path: PathBuf::from(article.origin.clone().unwrap_or_default()),
            reason: warning.clone(),
        });
    }
}

#[cfg(test)]
mod tests;
