//! The command line end to end, on temporary stores: import, list, show, people, sources,
//! extract, reindex, first-run samples and errors.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

fn samples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples")
}

struct Env {
    dir: TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn store(&self) -> PathBuf {
        self.dir.path().join("store.db")
    }

    fn byline(&self) -> Command {
        let mut cmd = Command::cargo_bin("byline").unwrap();
        cmd.env("BYLINE_STORE", self.store())
            .env("BYLINE_TODAY", "2025-12-20")
            .env("BYLINE_CONFIG", self.dir.path().join("config.toml"))
            .env_remove("COLUMNS");
        cmd
    }

    fn stdout(&self, args: &[&str]) -> String {
        let out = self
            .byline()
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    }

    fn json_lines(&self, args: &[&str]) -> Vec<Value> {
        self.stdout(args)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    fn with_samples() -> Env {
        let env = Env::new();
        env.byline()
            .args(["import", "--samples"])
            .assert()
            .success();
        env
    }
}

fn sample_count() -> usize {
    std::fs::read_dir(samples_dir())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "txt")
        })
        .count()
}

#[test]
fn importing_a_folder_twice_reports_nothing_new_the_second_time() {
    let env = Env::new();
    let n = sample_count();
    let dir = samples_dir();
    let dir = dir.to_str().unwrap();
    env.byline()
        .args(["import", dir])
        .assert()
        .success()
        .stdout(format!("imported {n}, updated 0, unchanged 0, failed 0\n"));
    env.byline()
        .args(["import", dir])
        .assert()
        .success()
        .stdout(format!("imported 0, updated 0, unchanged {n}, failed 0\n"));
}

#[test]
fn failures_are_named_and_the_rest_still_imports() {
    let env = Env::new();
    let folder = env.dir.path().join("in");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("empty.txt"), "").unwrap();
    std::fs::write(folder.join("binary.txt"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    std::fs::write(folder.join("ok.txt"), "A headline\n\nA body paragraph.\n").unwrap();
    let missing = env.dir.path().join("missing.txt");
    env.byline()
        .args([
            "import",
            folder.to_str().unwrap(),
            missing.to_str().unwrap(),
        ])
        .assert()
        .code(1)
        .stdout("imported 1, updated 0, unchanged 0, failed 3\n")
        .stderr(predicate::str::contains("empty.txt"))
        .stderr(predicate::str::contains("binary.txt"))
        .stderr(predicate::str::contains("missing.txt"));
    let rows = env.json_lines(&["list", "--json"]);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["title"], "A headline");
    assert_eq!(
        rows[0]["source"], "in",
        "the folder's name is the last fallback"
    );
    assert_eq!(
        rows[0]["date"],
        Value::Null,
        "an unknown date stays unknown"
    );
}

#[test]
fn list_json_has_the_promised_fields_newest_first() {
    let env = Env::with_samples();
    let rows = env.json_lines(&["list", "--json", "--limit", "500"]);
    assert_eq!(rows.len(), sample_count());
    for row in &rows {
        for key in ["id", "title", "source", "date", "url", "people"] {
            assert!(row.get(key).is_some(), "{key} missing in {row}");
        }
    }
    let dates: Vec<&str> = rows.iter().filter_map(|r| r["date"].as_str()).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    assert_eq!(
        rows.last().unwrap()["date"],
        Value::Null,
        "the undated sample is listed last"
    );
}

#[test]
fn list_filters_by_person_across_spellings_source_and_date() {
    let env = Env::with_samples();
    let people_of = |query: &str| -> Vec<Value> { env.json_lines(&["list", query, "--json"]) };
    let kovalenskyy = people_of("person:kovalensky");
    assert!(kovalenskyy.len() >= 10, "{} articles", kovalenskyy.len());
    assert_eq!(
        kovalenskyy.len(),
        people_of("person:\"Dmitro Kovalenskiy\"").len()
    );
    let nww = people_of("source:nww");
    assert!(!nww.is_empty());
    assert!(nww.iter().all(|r| r["source"] == "NWW"));
    let december = people_of("date:2025-12");
    assert!(december
        .iter()
        .all(|r| r["date"].as_str().unwrap().starts_with("2025-12")));
    let neither = people_of("-source:nww date:2025-12");
    assert!(neither.iter().all(|r| r["source"] != "NWW"));
}

#[test]
fn an_invalid_query_names_its_column_and_touches_nothing() {
    let env = Env::new();
    env.byline()
        .args(["list", "person:renshaw date:2025-13"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("column 21"))
        .stderr(predicate::str::contains("date:2025-13"));
    assert!(
        !env.store().exists(),
        "a bad query does not create or seed the store"
    );
}

#[test]
fn a_huge_query_is_refused_naming_the_limit_without_echoing_it() {
    let env = Env::new();
    let huge = "-\"x\" ".repeat(20_000);
    let out = env.byline().args(["list", &huge]).assert().code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("at most 4096 bytes"), "{stderr}");
    assert!(stderr.len() < 300, "{} bytes of error", stderr.len());
    let many = "-\"x\" ".repeat(300);
    env.byline()
        .args(["people", &many])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "too many terms: a query holds at most 200",
        ));
}

#[test]
fn a_mistyped_store_path_makes_no_folders() {
    let env = Env::new();
    let typo = env.dir.path().join("dcuments/byline/store.db");
    env.byline()
        .env("BYLINE_STORE", &typo)
        .args(["import", "--samples"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does not exist"))
        .stderr(predicate::str::contains("dcuments"));
    assert!(!env.dir.path().join("dcuments").exists());
}

#[test]
fn an_empty_store_gets_the_samples_once_and_says_so() {
    let env = Env::new();
    // `byline` alone is the reader; piped, it lists the newest articles.
    env.byline()
        .assert()
        .success()
        .stderr(predicate::str::contains("sample articles"));
    env.byline()
        .assert()
        .success()
        .stderr(predicate::str::contains("sample articles").not());
}

#[test]
fn show_wraps_the_article_and_names_its_people() {
    let env = Env::with_samples();
    let rows = env.json_lines(&["list", "person:kovalensky", "--json", "--limit", "1"]);
    let id = rows[0]["id"].to_string();
    let text = env.stdout(&["show", &id]);
    assert!(text.starts_with(rows[0]["title"].as_str().unwrap()));
    assert!(text.contains("Kovalensk"));
    assert!(
        text.lines().all(|l| l.chars().count() <= 100),
        "wrapped to the terminal width"
    );
    env.byline().args(["show", "999999"]).assert().code(2);
}

#[test]
fn people_and_sources_count_articles_most_first() {
    let env = Env::with_samples();
    let people = env.json_lines(&["people", "--json"]);
    assert!(people.len() >= 10);
    for person in &people {
        assert!(person["name"].is_string() && person["aliases"].is_array());
    }
    let counts: Vec<u64> = people
        .iter()
        .map(|p| p["articles"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]));
    let sources = env.json_lines(&["sources", "--json"]);
    assert_eq!(sources[0]["name"], "NWW");
    let total: u64 = sources
        .iter()
        .map(|s| s["articles"].as_u64().unwrap())
        .sum();
    assert_eq!(total as usize, sample_count());
}

#[test]
fn reindex_keeps_marks_and_articles() {
    let env = Env::with_samples();
    let before = env.stdout(&["list", "--json", "--limit", "500"]);
    env.byline()
        .args(["reindex"])
        .assert()
        .success()
        .stdout(format!("reindexed {}, failed 0\n", sample_count()));
    assert_eq!(env.stdout(&["list", "--json", "--limit", "500"]), before);
}

#[test]
fn extract_prints_one_object_per_file() {
    let env = Env::new();
    let dir = samples_dir();
    let files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .take(3)
        .collect();
    let mut args = vec!["extract".to_string(), "--json".to_string()];
    args.extend(files.iter().map(|f| f.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let objects = env.json_lines(&args);
    assert_eq!(objects.len(), 3);
    for key in ["file", "title", "source", "date", "url", "body", "people"] {
        assert!(objects[0].get(key).is_some(), "{key}");
    }
    assert!(!env.store().exists(), "extract stores nothing");
}

#[test]
fn version_names_the_store_and_config_paths() {
    let env = Env::new();
    env.byline()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::contains(env.store().display().to_string()))
        .stdout(predicate::str::contains("config.toml"));
}
