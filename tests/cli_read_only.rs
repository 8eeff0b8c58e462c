//! Read-only commands never create a store, `show --json` gives the whole article in the list's
//! shape, and the completions and man page come from the command line's definitions.

#[path = "cli_support/run.rs"]
mod cli_run;

use serde_json::Value;
use tempfile::TempDir;

fn byline(dir: &TempDir, args: &[&str]) -> std::process::Output {
    cli_run::byline(dir, args).output().unwrap()
}

#[test]
fn read_only_commands_on_a_missing_store_say_so_and_create_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["list"][..],
        &["show", "1"],
        &["sources"],
        &["people", "person:x"],
    ] {
        let out = byline(&dir, args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains("there is no store at"), "{stderr}");
        assert!(stderr.contains("store.db"), "{stderr}");
        assert!(out.stdout.is_empty());
        let files: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert!(files.is_empty(), "{args:?} created {files:?}");
    }
}

#[test]
fn show_json_is_the_list_shape_with_the_whole_article() {
    let dir = tempfile::tempdir().unwrap();
    assert!(byline(&dir, &["import", "--samples"]).status.success());
    let out = byline(&dir, &["list", "person:renshaw", "--json", "--limit", "1"]);
    let row: Value = serde_json::from_slice(&out.stdout).unwrap();
    let id = row["id"].as_i64().unwrap().to_string();
    let out = byline(&dir, &["show", &id, "--json"]);
    assert!(out.status.success());
    let article: Value = serde_json::from_slice(&out.stdout).unwrap();
    for field in [
        "id", "title", "source", "date", "url", "read", "starred", "people",
    ] {
        assert_eq!(article[field], row[field], "{field}");
    }
    let body = article["body"].as_array().unwrap();
    assert!(!body.is_empty());
    assert!(body
        .iter()
        .all(|b| b["kind"].is_string() && b["text"].is_string()));
    assert!(article.get("author").is_some() && article.get("byline").is_some());
}

#[test]
fn completions_and_the_man_page_name_every_command() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let out = byline(&dir, &["completions", shell]);
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        for command in ["import", "list", "people", "feed", "fetch", "add"] {
            assert!(script.contains(command), "{shell} lacks {command}");
        }
    }
    let out = byline(&dir, &["man"]);
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains(".TH byline 1"), "{page}");
    assert!(page.contains("completions"));
    let out = byline(&dir, &["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none());
}
