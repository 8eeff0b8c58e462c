//! Importing files into the store: walking folders, parsing on every core while the previous
//! batch is written, and reporting each file that failed with the reason.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::mpsc::sync_channel;

use rayon::prelude::*;

use crate::ingest::{self, Origin};
use crate::store::{ImportSummary, NewArticle, Store, StoreError};

/// Files larger than this are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Extensions a folder walk picks up; a file named on the command line is always tried.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "htm", "html", "xml", "md", "story"];

/// Files a folder walk skips whatever their extension: a dataset's own documentation.
const NOT_ARTICLES: &[&str] = &["readme", "license", "licence", "copying", "changelog"];

/// How an import run behaves.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// `import --source NAME`: the source of articles whose text names none.
    pub source_override: Option<String>,
    /// Articles written per transaction.
    pub batch_size: usize,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            source_override: None,
            // Fewer, larger commits write each b-tree and full-text page fewer times: 2,000
            // wrote a third fewer pages than 500 and imported about 15% faster (10,000 generated
            // articles); 5,000 was slower again (the writer waits on the first batch longer).
            batch_size: 2000,
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

/// Expands the given paths into the files to import, folders recursively (sorted, hidden entries
/// and symlink loops skipped). Paths that do not exist are reported as failures.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<FileProblem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut seen_dirs = HashSet::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut seen_dirs, &mut files, &mut problems),
            Ok(_) => files.push(path.clone()),
            Err(err) => problems.push(FileProblem {
                path: path.clone(),
                reason: format!("cannot read it: {err}"),
            }),
        }
    }
    (files, problems)
}

fn walk(
    dir: &Path,
    seen: &mut HashSet<PathBuf>,
    files: &mut Vec<PathBuf>,
    problems: &mut Vec<FileProblem>,
) {
    let Ok(real) = dir.canonicalize() else { return };
    if !seen.insert(real) {
        return; // a symlink loop, or a folder reached twice
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            problems.push(FileProblem {
                path: dir.to_path_buf(),
                reason: format!("cannot read it: {err}"),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => walk(&path, seen, files, problems),
            Ok(_) if looks_like_article(&path) => files.push(path),
            Ok(_) => {}
            Err(err) => problems.push(FileProblem {
                path,
                reason: format!("cannot read it: {err}"),
            }),
        }
    }
}

fn looks_like_article(path: &Path) -> bool {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_lowercase();
    if NOT_ARTICLES.contains(&stem.as_str()) {
        return false;
    }
    match path.extension().and_then(|e| e.to_str()) {
        Some(ext) => ARTICLE_EXTENSIONS.contains(&ext.to_lowercase().as_str()),
        None => true,
    }
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
    let clean = |name: &str| {
        crate::text::sanitize(name)
            .replace('\n', " ")
            .trim()
            .to_string()
    };
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

fn read_and_prepare(path: &Path, options: &ImportOptions) -> Result<NewArticle, FileProblem> {
    let problem = |reason: String| FileProblem {
        path: path.to_path_buf(),
        reason,
    };
    let meta = std::fs::metadata(path).map_err(|e| problem(format!("cannot read it: {e}")))?;
    if !meta.is_file() {
        // A FIFO or a device would block or never end; a folder here was not walked.
        return Err(problem(
            "not a regular file (a folder, FIFO, socket or device)".into(),
        ));
    }
    let too_large = |len: u64| {
        let mib = len / (1024 * 1024);
        problem(format!("too large: {mib} MiB (the limit is 64 MiB)"))
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let bytes = read_limited(path).map_err(|e| problem(format!("cannot read it: {e}")))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64)); // it grew, or claims no size (/proc)
    }
    let origin = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let parent = origin
        .parent()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned());
    let origin = Some(origin.to_string_lossy().into_owned());
    prepare(&bytes, origin, parent, options.source_override.as_deref())
        .map_err(|e| problem(explain_refusal(&e, &bytes)))
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

/// Reads at most one byte more than [`MAX_FILE_BYTES`], whatever the file claims its size is.
fn read_limited(path: &Path) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Input bytes per batch: a run of big files is split into smaller batches (at least one file
/// each) so that a folder of large files is never all in memory at once.
const MAX_BATCH_BYTES: u64 = 16 * 1024 * 1024;

/// Cuts `files` into batches of at most `batch_size` files and [`MAX_BATCH_BYTES`] bytes.
fn batches(files: &[PathBuf], batch_size: usize) -> Vec<&[PathBuf]> {
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0u64);
    for (i, path) in files.iter().enumerate() {
        let len = std::fs::metadata(path).map_or(0, |m| m.len().min(MAX_FILE_BYTES));
        if i > start && (i - start >= batch_size || bytes + len > MAX_BATCH_BYTES) {
            out.extend(files.get(start..i));
            (start, bytes) = (i, 0);
        }
        bytes += len;
    }
    out.extend(files.get(start..).filter(|rest| !rest.is_empty()));
    out
}

/// Imports `files`: batches are parsed in parallel on a producer thread while the previous batch
/// is written. `progress` is called with the number of files done so far.
pub fn import_files(
    store: &mut Store,
    files: &[PathBuf],
    options: &ImportOptions,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportReport, StoreError> {
    let mut report = ImportReport::default();
    // One batch waits while one is parsed and one written: memory stays bounded by about
    // three batches (see MAX_BATCH_BYTES).
    let (tx, rx) = sync_channel::<Vec<Result<NewArticle, FileProblem>>>(1);
    let batch_size = options.batch_size.max(1);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            for chunk in batches(files, batch_size) {
                let parsed = chunk
                    .par_iter()
                    .map(|p| read_and_prepare(p, options))
                    .collect();
                if tx.send(parsed).is_err() {
                    return; // the writer stopped on an error
                }
            }
        });
        let mut done = 0u64;
        for batch in rx {
            done += batch.len() as u64;
            write_batch(store, batch, &mut report).map_err(|e| store.explain(e))?;
            progress(done);
        }
        store.optimize()?;
        Ok(report)
    })
}

fn write_batch(
    store: &mut Store,
    batch: Vec<Result<NewArticle, FileProblem>>,
    report: &mut ImportReport,
) -> Result<(), StoreError> {
    let mut articles = Vec::with_capacity(batch.len());
    for item in batch {
        match item {
            Ok(article) => articles.push(article),
            Err(problem) => {
                report.summary.failed += 1;
                report.failures.push(problem);
            }
        }
    }
    for article in &articles {
        for warning in &article.article.parsed.warnings {
            let path = PathBuf::from(article.origin.clone().unwrap_or_default());
            report.warnings.push(FileProblem {
                path,
                reason: warning.clone(),
            });
        }
    }
    for outcome in store.import_batch(&articles)? {
        report.summary.add(outcome);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_hold_at_most_the_batch_size_and_split_big_files() {
        let dir = tempfile::tempdir().unwrap();
        let mut files = Vec::new();
        for (i, size) in [10, 10, 10, 9 << 20, 9 << 20, 10, 20 << 20, 10]
            .iter()
            .enumerate()
        {
            let path = dir.path().join(format!("{i}.txt"));
            let file = std::fs::File::create(&path).unwrap();
            file.set_len(*size).unwrap(); // sparse: no real bytes written
            files.push(path);
        }
        let sizes: Vec<usize> = batches(&files, 2).iter().map(|b| b.len()).collect();
        assert_eq!(sizes, [2, 2, 2, 1, 1]);
        let sizes: Vec<usize> = batches(&files, 100).iter().map(|b| b.len()).collect();
        assert_eq!(sizes, [4, 2, 1, 1]);
        assert!(batches(&[], 10).is_empty());
    }
}
