//! `byline mark`, `rm`, `deleted`, `restore` and `source rename|merge` end to end.

#[path = "cli_support/run.rs"]
mod cli_run;

use cli_run::{run, samples};

use tempfile::TempDir;

fn count(dir: &TempDir, query: &[&str]) -> usize {
    let mut args = vec!["list"];
    args.extend(query);
    let (code, out, err) = run(dir, &args);
    assert_eq!(code, 0, "{err}");
    out.lines().count()
}

#[test]
fn mark_sets_and_clears_marks_on_every_matching_article() {
    let dir = samples();
    let (code, out, _) = run(&dir, &["mark", "read", "source:nww"]);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), "marked 14 of 14 matching articles read");
    assert_eq!(count(&dir, &["is:read"]), 14);
    let (_, out, _) = run(&dir, &["mark", "unread", "source:nww", "date:2025-12"]);
    assert!(out.starts_with("marked "), "{out}");
    assert!(count(&dir, &["is:read"]) < 14);
    run(&dir, &["mark", "starred", "person:renshaw"]);
    assert_eq!(
        count(&dir, &["is:starred"]),
        count(&dir, &["person:renshaw"])
    );
}

#[test]
fn rm_asks_deletes_keeps_out_of_reimport_and_restore_brings_back() {
    let dir = samples();
    let (code, _, err) = run(&dir, &["rm", "source:nww"]);
    assert_eq!(code, 1, "not a terminal: --yes is needed");
    assert!(err.contains("14 articles match; add --yes"), "{err}");
    assert_eq!(count(&dir, &["source:nww"]), 14);
    assert_eq!(run(&dir, &["rm"]).0, 2, "an empty query is refused");
    let (code, out, _) = run(&dir, &["rm", "source:nww", "--yes"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("deleted 14 articles"), "{out}");
    assert_eq!(count(&dir, &["source:nww"]), 0);
    let (_, out, _) = run(&dir, &["import", "--samples"]);
    assert!(out.contains("left out 14 deleted"), "{out}");
    assert_eq!(count(&dir, &["source:nww"]), 0);
    let (_, listed, _) = run(&dir, &["deleted"]);
    assert_eq!(listed.lines().count(), 14);
    let (code, out, _) = run(&dir, &["restore", "--all"]);
    assert_eq!((code, out.trim()), (0, "restored 14 articles"));
    assert_eq!(count(&dir, &["source:nww"]), 14);
    assert!(run(&dir, &["deleted"]).1.is_empty());
}

#[test]
fn a_renamed_source_survives_reindex_and_answers_to_its_old_name() {
    let dir = samples();
    let (code, out, err) = run(&dir, &["source", "rename", "NWW", "Northwind Wire"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.trim(), "renamed NWW to Northwind Wire");
    assert_eq!(run(&dir, &["reindex"]).0, 0);
    let (_, sources, _) = run(&dir, &["sources"]);
    assert!(
        sources.contains("Northwind Wire") && !sources.contains(" NWW\n"),
        "{sources}"
    );
    assert_eq!(count(&dir, &["source:nww"]), 14);
    let (code, _, err) = run(&dir, &["source", "merge", "Nobody", "NWW"]);
    assert_eq!(code, 2);
    assert!(err.contains("no source is called"), "{err}");
    let (code, _, _) = run(&dir, &["source", "merge", "Harbor Press", "Northwind Wire"]);
    assert_eq!(code, 0);
    assert_eq!(count(&dir, &["source:\"harbor press\""]), 24);
}

#[test]
fn author_finds_a_wire_story_by_its_reporter_and_survives_reindex() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ingest");
    let (code, _, err) = run(&dir, &["import", fixtures]);
    assert!(code == 0 || code == 1, "{err}");
    let found = |dir: &TempDir| count(dir, &["author:abernathy"]);
    assert_eq!(found(&dir), 1);
    assert_eq!(count(&dir, &["author:\"Felix Abernathy\""]), 1);
    assert_eq!(run(&dir, &["reindex"]).0, 0);
    assert_eq!(found(&dir), 1, "reindex keeps the authors");
}

fn people(dir: &TempDir) -> String {
    let (code, out, err) = run(dir, &["people", "--limit", "200"]);
    assert_eq!(code, 0, "{err}");
    out
}

#[test]
fn person_corrections_hold_across_reindex_and_reimport() {
    let dir = samples();
    let renshaw = count(&dir, &["person:renshaw"]);
    let (code, out, err) = run(
        &dir,
        &["person", "rename", "Alba Renshaw", "Alba M. Renshaw"],
    );
    assert_eq!(
        (code, out.trim()),
        (0, "renamed Alba Renshaw to Alba M. Renshaw"),
        "{err}"
    );
    run(&dir, &["person", "alias", "Dmytro Kovalenskyy", "Dima"]);
    let dima = count(&dir, &["person:dima"]);
    assert_eq!(dima, count(&dir, &["person:kovalenskyy"]));
    let drobny = count(&dir, &["person:\"Viktor Drobny\""]);
    assert!(drobny > 0);
    let (code, out, _) = run(&dir, &["person", "not-a-person", "Viktor Drobny"]);
    assert_eq!(code, 0);
    assert!(
        out.contains(&format!("removed from {drobny} articles")),
        "{out}"
    );
    let (code, _, _) = run(
        &dir,
        &["person", "merge", "Aurelio Fenwick", "Harold Whitcombe"],
    );
    assert_eq!(code, 0);
    for pass in ["now", "after reindex", "after a delete and restore"] {
        match pass {
            "after reindex" => assert_eq!(run(&dir, &["reindex"]).0, 0),
            // Every article derived again through the importer, as new ones.
            "after a delete and restore" => {
                assert_eq!(run(&dir, &["rm", "-date:none", "--yes"]).0, 0);
                assert_eq!(run(&dir, &["rm", "date:none", "--yes"]).0, 0);
                assert_eq!(count(&dir, &[]), 0);
                assert_eq!(run(&dir, &["restore", "--all"]).0, 0);
            }
            _ => {}
        }
        let listed = people(&dir);
        assert!(listed.contains("Alba M. Renshaw"), "{pass}: {listed}");
        assert!(!listed.contains("Alba Renshaw\n"), "{pass}");
        assert!(!listed.contains("Viktor Drobny"), "{pass}: {listed}");
        assert!(!listed.contains("Aurelio Fenwick"), "{pass}: {listed}");
        assert_eq!(count(&dir, &["person:renshaw"]), renshaw, "{pass}");
        assert_eq!(count(&dir, &["person:dima"]), dima, "{pass}");
        assert_eq!(count(&dir, &["person:\"Viktor Drobny\""]), 0, "{pass}");
        let fenwick = count(&dir, &["person:\"Aurelio Fenwick\""]);
        assert!(fenwick > 0, "{pass}: the old full name finds Whitcombe");
    }
    let (code, _, err) = run(&dir, &["person", "rename", "Nobody Here", "X"]);
    assert_eq!(code, 2);
    assert!(err.contains("no person is called"), "{err}");
}
