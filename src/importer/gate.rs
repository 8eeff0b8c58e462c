//! The file gate for commands that read one article file outside an import (`extract`): the
//! same refusals as import's — a FIFO, socket, device or folder, and anything over
//! [`MAX_FILE_BYTES`] however large it claims to be — so no file can hang or exhaust them.

use std::path::Path;

use super::files::{read_limited, MAX_FILE_BYTES};

/// Reads `path` if it is a regular file (symbolic links followed) of at most
/// [`MAX_FILE_BYTES`]; otherwise says why not, in words fit for a message after the file name.
pub fn read_article_file(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read it: {e}"))?;
    read_checked(path, &meta)
}

/// The gate itself, for a file whose metadata (links followed) is already known: import and
/// `extract` refuse the same files with the same words.
pub(super) fn read_checked(path: &Path, meta: &std::fs::Metadata) -> Result<Vec<u8>, String> {
    let cannot_read = |e: std::io::Error| format!("cannot read it: {e}");
    if !meta.is_file() {
        // Opening a FIFO would block; a device like /dev/zero never ends.
        return Err("not a regular file (a folder, FIFO, socket or device)".into());
    }
    let too_large = |len: u64| {
        let limit = MAX_FILE_BYTES / (1024 * 1024);
        format!(
            "too large: {} MiB (the limit is {limit} MiB)",
            len / (1024 * 1024)
        )
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let bytes = read_limited(path, meta.len()).map_err(cannot_read)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64)); // it grew, or claims no size (/proc)
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_within_the_limit_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let ok = dir.path().join("a.txt");
        std::fs::write(&ok, "Title\n\nBody.\n").unwrap();
        assert_eq!(read_article_file(&ok).unwrap(), b"Title\n\nBody.\n");
        let sparse = dir.path().join("sparse.txt");
        let file = std::fs::File::create(&sparse).unwrap();
        file.set_len(MAX_FILE_BYTES * 16).unwrap();
        let err = read_article_file(&sparse).unwrap_err();
        assert!(
            err.contains("too large: 1024 MiB (the limit is 64 MiB)"),
            "{err}"
        );
        let err = read_article_file(dir.path()).unwrap_err();
        assert!(err.contains("not a regular file"), "{err}");
        let err = read_article_file(Path::new("/dev/zero")).unwrap_err();
        assert!(err.contains("not a regular file"), "{err}");
        let err = read_article_file(&dir.path().join("missing")).unwrap_err();
        assert!(err.contains("cannot read it"), "{err}");
    }
}
