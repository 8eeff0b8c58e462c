//! The promises checked on real articles from `../shared` (evaluation-only data, never copied
//! here): the seed wire story and the 2,225 BBC files. Each test skips with a note when
//! `../shared` is absent, as it is in a user's clone.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn shared(rel: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    if path.exists() {
        Some(path)
    } else {
        eprintln!(
            "skipped: {} is absent (../shared is not part of a user's clone)",
            path.display()
        );
        None
    }
}

fn byline(store: &Path) -> Command {
    let mut cmd = Command::cargo_bin("byline").unwrap();
    cmd.env("BYLINE_STORE", store)
        .env("BYLINE_TODAY", "2025-12-20");
    cmd
}

#[test]
fn extract_matches_the_seeds_expected_fields() {
    let (Some(seed), Some(expected)) = (
        shared("data/seed/rferl-2025-12-06.txt"),
        shared("data/seed/expected.json"),
    ) else {
        return;
    };
    let expected: Value = serde_json::from_slice(&std::fs::read(expected).unwrap()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = byline(&dir.path().join("s.db"))
        .args(["extract", "--json", seed.to_str().unwrap()])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let got: Value = serde_json::from_slice(&out).unwrap();
    for field in ["title", "source", "date", "url"] {
        assert_eq!(got[field], expected[field], "{field}");
    }
    let body = got["body"].as_str().unwrap();
    let bounds = &expected["body"];
    assert!(body.starts_with(bounds["first_sentence"].as_str().unwrap()));
    assert!(body.ends_with(bounds["last_sentence"].as_str().unwrap()));
    for furniture in ["Copyright", "NEWSLETTER", "Source:", "mailing list"] {
        assert!(!body.contains(furniture), "{furniture} in the body");
    }
    assert_eq!(got["headings"], bounds["crossheads"]);
    let names = |v: &Value| -> Vec<String> {
        let mut n: Vec<String> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap().to_string())
            .collect();
        n.sort();
        n
    };
    assert_eq!(names(&got["people"]), names(&expected["people"]));
}

#[test]
fn the_seed_is_found_by_person_date_and_source() {
    let Some(seed) = shared("data/seed/rferl-2025-12-06.txt") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("s.db");
    byline(&store)
        .args(["import", seed.to_str().unwrap()])
        .assert()
        .success();
    let list = |query: &str| {
        let out = byline(&store)
            .args(["list", query])
            .assert()
            .success()
            .get_output()
            .clone();
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(list("person:zelensky date:2025-12 source:rferl").contains("Miami Talks"));
    assert!(list("person:\"keir starmer\"").contains("Miami Talks"));
    assert!(!list("person:\"keir starmer\" -source:\"RFE/RL\"").contains("Miami Talks"));
}

#[test]
fn all_bbc_files_import_once_and_a_second_run_finds_nothing_new() {
    let Some(bbc) = shared("data/bbc") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("bbc.db");
    let first = byline(&store)
        .args(["import", bbc.to_str().unwrap()])
        .assert()
        .success()
        .stderr(predicate::str::contains("199.txt").and(predicate::str::contains("UTF-8")))
        .get_output()
        .stdout
        .clone();
    let first = String::from_utf8(first).unwrap();
    // 2,225 files, 98 of them byte-identical copies of another.
    assert_eq!(first, "imported 2127, updated 0, unchanged 98, failed 0\n");
    byline(&store)
        .args(["import", bbc.to_str().unwrap()])
        .assert()
        .success()
        .stdout("imported 0, updated 0, unchanged 2225, failed 0\n");
}
