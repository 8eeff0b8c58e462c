//! Finding the files to import: folder walks, what counts as an article file, bounded reads,
//! and the chunks the parsers take.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::FileProblem;

/// Files larger than this are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Extensions a folder walk picks up; a file named on the command line is always tried.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "htm", "html", "xml", "md", "story"];

/// Files a folder walk skips whatever their extension: a dataset's own documentation.
const NOT_ARTICLES: &[&str] = &["readme", "license", "licence", "copying", "changelog"];

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

/// The real (canonical) paths of the folders files are imported from, each worked out once: a
/// file's own `canonicalize` costs a system call per path component, for every file.
#[derive(Default)]
pub(super) struct RealFolders(Mutex<HashMap<PathBuf, Option<PathBuf>>>);

impl RealFolders {
    /// The real path of `path`, a file that is a symlink (resolved whole) or not (only its
    /// folder needs resolving); `path` itself where it cannot be resolved.
    pub(super) fn real_path(&self, path: &Path, symlink: bool) -> PathBuf {
        let whole = || path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        let (Some(folder), Some(name), false) = (path.parent(), path.file_name(), symlink) else {
            return whole();
        };
        let folder = match folder.as_os_str().is_empty() {
            true => Path::new("."),
            false => folder,
        };
        let mut known = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let real = known
            .entry(folder.to_path_buf())
            .or_insert_with(|| folder.canonicalize().ok());
        match real {
            Some(real) => real.join(name),
            None => whole(),
        }
    }
}

/// Reads at most one byte more than [`MAX_FILE_BYTES`], whatever the file claims its size is.
/// `expected` (the size its metadata gave) sizes the buffer once: growing it by doubling, with
/// probing reads, was a tenth of the reading cost.
pub(super) fn read_limited(path: &Path, expected: u64) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let room = expected.min(MAX_FILE_BYTES) + 1; // the extra byte sees a file that grew
    let mut bytes = Vec::with_capacity(usize::try_from(room).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Cuts `files` into chunks of at most `max_files` files and `max_bytes` bytes (at least one
/// file each), reading each file's size only when its chunk is reached.
pub(super) fn chunks(
    files: &[PathBuf],
    max_files: usize,
    max_bytes: u64,
) -> impl Iterator<Item = &[PathBuf]> {
    let mut start = 0;
    std::iter::from_fn(move || {
        let (mut end, mut bytes) = (start, 0u64);
        while end < files.len() && end - start < max_files {
            let len = std::fs::metadata(&files[end]).map_or(0, |m| m.len().min(MAX_FILE_BYTES));
            if end > start && bytes + len > max_bytes {
                break;
            }
            bytes += len;
            end += 1;
        }
        let chunk = files.get(start..end).filter(|c| !c.is_empty())?;
        start = end;
        Some(chunk)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn real_paths_resolve_linked_folders_and_linked_files() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().canonicalize().unwrap().join("real");
        std::fs::create_dir(&real).unwrap();
        std::fs::write(real.join("a.txt"), "A\n\nBody.\n").unwrap();
        std::os::unix::fs::symlink(&real, dir.path().join("link")).unwrap();
        std::os::unix::fs::symlink(real.join("a.txt"), dir.path().join("b.txt")).unwrap();
        let folders = RealFolders::default();
        let via_folder = dir.path().join("link").join("a.txt");
        assert_eq!(folders.real_path(&via_folder, false), real.join("a.txt"));
        assert_eq!(folders.real_path(&via_folder, false), real.join("a.txt"));
        let linked_file = dir.path().join("b.txt");
        assert_eq!(folders.real_path(&linked_file, true), real.join("a.txt"));
        let missing = dir.path().join("gone").join("c.txt");
        assert_eq!(folders.real_path(&missing, false), missing);
    }

    #[test]
    fn chunks_hold_at_most_the_chunk_size_and_split_big_files() {
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
        let sizes = |max_files| -> Vec<usize> {
            chunks(&files, max_files, 16 << 20)
                .map(|c| c.len())
                .collect()
        };
        assert_eq!(sizes(2), [2, 2, 2, 1, 1]);
        assert_eq!(sizes(100), [4, 2, 1, 1]);
        assert_eq!(chunks(&[], 10, 1).count(), 0);
    }
}
