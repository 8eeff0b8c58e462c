//! Importing files into the store: parsing on every core while one writer stores the articles
//! as they arrive, and reporting each file that failed with the reason.

mod files;
mod gate;
mod items;
mod page;
mod reindex;
mod restore;
mod writer;

pub use files::{collect_files, MAX_FILE_BYTES};
pub use gate::read_article_file;
pub use items::prepare_item;
pub use page::{add_page, AddError, Added};
pub use reindex::{reindex, ReindexSummary};
pub use restore::{restore, Restored};
pub use writer::write_parsed;

use items::prepare_feed_file;

use files::{chunks, RealFolders};

use std::path::{Path, PathBuf};
use std::sync::mpsc::sync_channel;
use std::time::Duration;

use rayon::prelude::*;

use crate::feeds::{sniff, Kind};
use crate::ingest::{self, Origin};
use crate::store::{ImportSummary, NewArticle, Store, StoreError};

/// How an import run behaves.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// `import --source NAME`: the source of articles whose text names none.
    pub source_override: Option<String>,
    /// Articles written per transaction.
    pub batch_size: usize,
    /// For tests: each chunk's parsing takes this much longer (a slow disk or huge pages).
    #[doc(hidden)]
    pub parse_delay: Duration,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            source_override: None,
            // Fewer, larger commits write each b-tree and full-text page fewer times: 2,000
            // wrote a third fewer pages than 500 and imported about 15% faster (10,000 generated
            // articles). Since articles are written as they arrive, 1,000 to 5,000 measure the
            // same; 2,000 keeps the batch held for full-text indexing moderate.
            batch_size: 2000,
            parse_delay: Duration::ZERO,
        }
    }
}

/// A file that could not be imported, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    pub path: PathBuf,
    pub reason: String,
}

/// What an import run did.
#[derive(Debug, Default)]
pub struct ImportReport {
    pub summary: ImportSummary,
    pub failures: Vec<FileProblem>,
    /// Files imported with a caveat (e.g. invalid UTF-8 replaced).
    pub warnings: Vec<FileProblem>,
}

/// Parses one file's bytes into an article ready to store.
pub fn prepare(
    bytes: &[u8],
    origin: Option<String>,
    parent_folder: Option<String>,
    source_override: Option<&str>,
) -> Result<NewArticle, ingest::IngestError> {
    let parsed = ingest::parse(bytes)?;
    // A folder name or `--source` can hold controls too; they become stored source names.
    let clean = |name: &str| crate::text::sanitize_line(name).trim().to_string();
    let from = Origin {
        source_override: source_override.map(clean).filter(|s| !s.is_empty()),
        parent_folder: parent_folder
            .as_deref()
            .map(clean)
            .filter(|s| !s.is_empty()),
    };
    let article = ingest::derive(parsed, &from);
    let hint = from.source_override.clone();
    Ok(NewArticle::new(article, bytes, origin, hint))
}

/// One file's articles: one for an article text, one per item for a feed.
fn read_and_prepare(path: &Path, options: &ImportOptions, folders: &RealFolders) -> Vec<Parsed> {
    match read_file(path, folders) {
        Ok((bytes, origin, parent)) => prepare_file(&bytes, origin, parent, options, path),
        Err(problem) => vec![Err(problem)],
    }
}

fn prepare_file(
    bytes: &[u8],
    origin: String,
    parent: Option<String>,
    options: &ImportOptions,
    path: &Path,
) -> Vec<Parsed> {
    let problem = |reason: String| FileProblem {
        path: path.to_path_buf(),
        reason,
    };
    let source = options.source_override.as_deref();
    if matches!(sniff(bytes), Kind::XmlFeed | Kind::JsonFeed) {
        return match prepare_feed_file(bytes, &origin, source) {
            Ok(items) => items.into_iter().map(Ok).collect(),
            Err(reason) => vec![Err(problem(reason))],
        };
    }
    vec![prepare(bytes, Some(origin), parent, source)
        .map_err(|e| problem(explain_refusal(&e, bytes)))]
}

/// A regular file's bytes (bounded), its real path and its folder's name.
fn read_file(
    path: &Path,
    folders: &RealFolders,
) -> Result<(Vec<u8>, String, Option<String>), FileProblem> {
    let problem = |reason: String| FileProblem {
        path: path.to_path_buf(),
        reason,
    };
    let cannot_read = |e: std::io::Error| problem(format!("cannot read it: {e}"));
    let own = std::fs::symlink_metadata(path).map_err(cannot_read)?;
    let meta = match own.is_symlink() {
        true => std::fs::metadata(path).map_err(cannot_read)?,
        false => own.clone(),
    };
    let bytes = gate::read_checked(path, &meta).map_err(problem)?;
    let origin = folders.real_path(path, own.is_symlink());
    let origin = origin.to_string_lossy().into_owned();
    let parent = folder_name(&origin);
    Ok((bytes, origin, parent))
}

/// The name of the folder holding the file imported from `origin` (a source for a text that
/// names none), as import and reindex both take it. The bundled samples (`sample:NAME`) come
/// from the folder "samples".
fn folder_name(origin: &str) -> Option<String> {
    if origin.starts_with("sample:") {
        return Some("samples".to_string());
    }
    let parent = Path::new(origin).parent()?;
    Some(parent.file_name()?.to_string_lossy().into_owned())
}

/// Why a file was refused, in words: a file refused as binary that holds no NUL or C0 control
/// but many 8-bit bytes is most likely text in a legacy encoding, and the message says so.
pub fn explain_refusal(err: &ingest::IngestError, bytes: &[u8]) -> String {
    let legacy = matches!(err, ingest::IngestError::Binary)
        && std::str::from_utf8(bytes).is_err()
        && !bytes
            .iter()
            .any(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        && bytes.iter().filter(|&&b| b >= 0x80).count() * 10 >= bytes.len();
    if legacy {
        "not UTF-8 text: probably a legacy encoding such as Windows-1251 or Latin-1; \
         convert it to UTF-8 (e.g. iconv -f WINDOWS-1251 -t UTF-8) and import it again"
            .to_string()
    } else {
        err.to_string()
    }
}

/// Files parsed together and handed to the writer at once: small, so the writer starts within
/// milliseconds and never waits for a whole batch to be parsed.
const CHUNK_FILES: usize = 64;
const CHUNK_BYTES: u64 = 1024 * 1024;

/// Parsed chunks the parsers may be ahead of the writer: room for the pause while the writer
/// indexes a batch's words at its commit, and a bound on memory.
const CHUNKS_AHEAD: usize = 16;

/// One file's outcome from the parsers.
pub type Parsed = Result<NewArticle, FileProblem>;

/// Imports `files`: small chunks are parsed in parallel on a producer thread and written as they
/// arrive, committed every `batch_size` articles and whenever the parsers have nothing ready.
/// `progress` is called with the number of files done so far.
pub fn import_files(
    store: &mut Store,
    files: &[PathBuf],
    options: &ImportOptions,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportReport, StoreError> {
    let mut report = ImportReport::default();
    let (tx, rx) = sync_channel::<Vec<Parsed>>(CHUNKS_AHEAD);
    std::thread::scope(|scope| {
        let pool = parsing_pool();
        let folders = RealFolders::default();
        scope.spawn(move || {
            for chunk in chunks(files, CHUNK_FILES, CHUNK_BYTES) {
                let parse = || {
                    std::thread::sleep(options.parse_delay);
                    let files: Vec<Vec<Parsed>> = chunk
                        .par_iter()
                        .map(|p| read_and_prepare(p, options, &folders))
                        .collect();
                    files.into_iter().flatten().collect()
                };
                let parsed = match &pool {
                    Some(pool) => pool.install(parse),
                    None => parse(),
                };
                if tx.send(parsed).is_err() {
                    return; // the writer stopped on an error
                }
            }
        });
        // The writer's end drops the receiver, so a producer still sending stops too.
        writer::write_chunks(store, rx, options.batch_size, &mut report, progress)?;
        Ok(report)
    })
}

/// Threads for parsing that yield the CPU to the writer: the single writer is the import's
/// critical path, and with three busy threads on two cores it got only two thirds of one while
/// its backlog grew. `None` (the global pool) where the pool cannot be built.
fn parsing_pool() -> Option<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("byline-parse-{i}"))
        .start_handler(|_| lower_this_threads_priority())
        .build()
        .ok()
}

/// Lowers the calling thread's scheduling priority (Linux's nice values are per thread).
fn lower_this_threads_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority only reads its integer arguments; `who = 0` is the calling thread.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, PARSER_NICENESS);
    }
}

/// How much lower the parsers run: at nice 10 the scheduler gives the writer about nine
/// tenths of a core it shares with a parser, and the parsers all the time it leaves.
#[cfg(target_os = "linux")]
const PARSER_NICENESS: libc::c_int = 10;
