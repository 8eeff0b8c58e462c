//! Every file of the BBC dataset (../shared, evaluation-only) parses as a plain article.
//! Skips when ../shared is absent.

use byline::ingest::parse;
use std::path::{Path, PathBuf};

const TOPICS: [&str; 5] = ["business", "entertainment", "politics", "sport", "tech"];
const FILE_COUNT: usize = 2225;

fn bbc_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/bbc");
    if dir.join("sport").is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipping: {} not found (../shared is absent)",
            dir.display()
        );
        None
    }
}

fn article_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = TOPICS
        .iter()
        .flat_map(|topic| std::fs::read_dir(dir.join(topic)).unwrap())
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_bbc_file_parses_as_plain() {
    let Some(dir) = bbc_dir() else { return };
    let files = article_files(&dir);
    assert_eq!(files.len(), FILE_COUNT);
    let mut failures = Vec::new();
    for path in &files {
        let name = path.strip_prefix(&dir).unwrap().display().to_string();
        match parse(&std::fs::read(path).unwrap()) {
            Err(e) => failures.push(format!("{name}: {e}")),
            Ok(a) => {
                let shape_ok = !a.title.is_empty()
                    && !a.body.is_empty()
                    && a.date.is_none()
                    && a.url.is_none()
                    && a.byline.is_none();
                if !shape_ok {
                    failures.push(format!(
                        "{name}: title {:?}, {} blocks",
                        a.title,
                        a.body.len()
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures: {failures:#?}",
        failures.len()
    );
}

#[test]
fn sport_199_latin1_byte_is_decoded_with_a_warning() {
    let Some(dir) = bbc_dir() else { return };
    let a = parse(&std::fs::read(dir.join("sport/199.txt")).unwrap()).unwrap();
    assert_eq!(a.replacements, 0);
    assert!(
        a.body_text().contains("£15.8m"),
        "the Latin-1 pound sign is read"
    );
    assert_eq!(
        a.warnings,
        ["not UTF-8: read as Windows-1252 (a few 8-bit characters such as £ or é)"]
    );
}

#[test]
fn only_sport_199_is_not_utf8() {
    let Some(dir) = bbc_dir() else { return };
    let with_replacements: Vec<PathBuf> = article_files(&dir)
        .into_iter()
        .filter(|p| parse(&std::fs::read(p).unwrap()).is_ok_and(|a| !a.warnings.is_empty()))
        .collect();
    assert_eq!(with_replacements, [dir.join("sport/199.txt")]);
}
