//! `byline search save|list|rm|rename` and `@name` in `byline list`, end to end.

#[path = "cli_support/run.rs"]
mod cli_run;

use cli_run::{run, samples};

use tempfile::TempDir;

fn listed(dir: &TempDir, query: &[&str]) -> String {
    let mut args = vec!["list"];
    args.extend(query);
    let (code, out, err) = run(dir, &args);
    assert_eq!(code, 0, "{err}");
    out
}

#[test]
fn a_saved_search_lists_what_its_query_lists_and_takes_more_terms() {
    let dir = samples();
    let (code, out, err) = run(&dir, &["search", "save", "@nww", "source:nww"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.trim(), "saved @nww: source:nww");
    assert_eq!(listed(&dir, &["@nww"]), listed(&dir, &["source:nww"]));
    assert_eq!(
        listed(&dir, &["@nww", "date:7d"]),
        listed(&dir, &["source:nww", "date:7d"])
    );
    assert_eq!(listed(&dir, &["@nww"]).lines().count(), 14);
}

#[test]
fn list_shows_counts_and_json() {
    let dir = samples();
    run(&dir, &["search", "save", "nww", "source:nww"]);
    run(&dir, &["mark", "read", "source:nww", "date:2025-12"]);
    let unread = listed(&dir, &["source:nww", "is:unread"]).lines().count();
    let (code, out, _) = run(&dir, &["search", "list"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("@nww"), "{out}");
    assert!(
        out.contains(&format!("14 {unread:>7} unread  source:nww")),
        "{out}"
    );
    let (_, json, _) = run(&dir, &["search", "list", "--json"]);
    let value: serde_json::Value = serde_json::from_str(json.trim()).unwrap();
    assert_eq!(value["name"], "nww");
    assert_eq!(value["query"], "source:nww");
    assert_eq!(value["articles"], 14);
    assert_eq!(value["unread"], unread);
}

#[test]
fn an_unknown_name_is_an_error_naming_its_column() {
    let dir = samples();
    let (code, out, err) = run(&dir, &["list", "talks", "@nobody"]);
    assert_eq!(code, 2, "{out}");
    assert!(err.contains("column 7"), "{err}");
    assert!(err.contains("no saved search is called @nobody"), "{err}");
}

#[test]
fn save_refuses_an_existing_name_unless_forced_and_a_loop_always() {
    let dir = samples();
    run(&dir, &["search", "save", "a", "talks"]);
    let (code, _, err) = run(&dir, &["search", "save", "a", "strike"]);
    assert_eq!(code, 2);
    assert!(err.contains("--force"), "{err}");
    let (code, _, err) = run(&dir, &["search", "save", "a", "strike", "--force"]);
    assert_eq!(code, 0, "{err}");
    run(&dir, &["search", "save", "b", "@a"]);
    let (code, _, err) = run(&dir, &["search", "save", "--force", "a", "@b"]);
    assert_eq!(code, 2);
    assert!(err.contains("refers to itself"), "{err}");
    let (code, _, err) = run(&dir, &["search", "save", "bad name", "x"]);
    assert_eq!(code, 2);
    assert!(err.contains("letters, digits"), "{err}");
}

#[test]
fn rename_and_rm() {
    let dir = samples();
    run(&dir, &["search", "save", "a", "source:nww"]);
    run(&dir, &["search", "save", "b", "@a", "is:unread"]);
    let (code, out, err) = run(&dir, &["search", "rename", "a", "wire"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.trim(), "renamed @a to @wire");
    let (_, out, _) = run(&dir, &["search", "list"]);
    assert!(out.contains("@wire is:unread"), "{out}");
    let (code, _, err) = run(&dir, &["search", "rm", "wire"]);
    assert_eq!(code, 2);
    assert!(err.contains("used by @b"), "{err}");
    assert_eq!(run(&dir, &["search", "rm", "b"]).0, 0);
    assert_eq!(run(&dir, &["search", "rm", "wire"]).0, 0);
    let (code, _, err) = run(&dir, &["search", "rm", "wire"]);
    assert_eq!(code, 2);
    assert!(err.contains("no saved search is called"), "{err}");
    assert_eq!(run(&dir, &["search", "list"]).1, "");
}
