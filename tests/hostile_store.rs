//! Store files byline must not trust (issue #5, items 5 and 6): another program's file, a damaged
//! or read-only store, a newer schema, a migration (backed up first) and a full disk.

mod hostile_support;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use hostile_support::{assert_intact, count, run, text, write_stories};
use rusqlite::Connection;

/// Runs `list` and `import` on a store that must be refused: both fail naming the file, saying
/// `why`, and the file's bytes are unchanged (and no journal appeared beside it).
fn assert_refused(store: &Path, why: &str) {
    let before = std::fs::read(store).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let stories = write_stories(&dir.path().join("in"), 2);
    for args in [vec!["list"], vec!["import", stories.to_str().unwrap()]] {
        let out = run(store, &args);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(&store.display().to_string()), "{stderr}");
        assert!(
            stderr.contains(why),
            "{args:?}: expected {why:?} in {stderr}"
        );
        assert!(
            out.stdout.is_empty(),
            "{args:?} printed {:?}",
            text(&out.stdout)
        );
    }
    assert_eq!(
        std::fs::read(store).unwrap(),
        before,
        "{} was changed",
        store.display()
    );
    let wal = format!("{}-wal", store.display());
    assert!(
        !Path::new(&wal).exists(),
        "a WAL was created beside {}",
        store.display()
    );
}

/// A store with a few articles, closed (so checkpointed: one file).
fn made_store(dir: &Path) -> std::path::PathBuf {
    let store = dir.join("store.db");
    let stories = write_stories(&dir.join("stories"), 30);
    let out = run(&store, &["import", stories.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    store
}

#[test]
fn a_text_file_is_not_a_store_and_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("notes.txt");
    std::fs::write(
        &store,
        "shopping: eggs, bread\nthis is not a database\n".repeat(50),
    )
    .unwrap();
    assert_refused(&store, "not a byline store");
    let short = dir.path().join("short.db");
    std::fs::write(&short, "SQLite").unwrap();
    assert_refused(&short, "not an SQLite database");
}

#[test]
fn another_programs_sqlite_file_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("other.sqlite");
    {
        let conn = Connection::open(&store).unwrap();
        conn.execute_batch(
            "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
             INSERT INTO notes (body) VALUES ('keep me');",
        )
        .unwrap();
    }
    assert_refused(&store, "another program's SQLite database (tables: notes)");
}

#[test]
fn a_damaged_store_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let store = made_store(dir.path());
    let mut bytes = std::fs::read(&store).unwrap();
    // Garbage over the first page after the 100-byte header: the schema is unreadable.
    let mut seed = 0x2545_f491_u32;
    for b in bytes.iter_mut().take(4096).skip(100) {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        *b = seed as u8;
    }
    std::fs::write(&store, &bytes).unwrap();
    assert_refused(&store, "is damaged");
}

#[test]
fn damage_deep_inside_the_store_is_reported_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store.db");
    let stories = write_stories(&dir.path().join("stories"), 600);
    assert!(run(&store, &["import", stories.to_str().unwrap()])
        .status
        .success());
    let mut bytes = std::fs::read(&store).unwrap();
    let third = bytes.len() / 3;
    let garbage = noise(bytes.len() - third, 99);
    for (page, chunk) in bytes[third..].chunks_mut(4096).enumerate() {
        if page % 2 == 0 {
            let n = chunk.len().min(2000);
            chunk[50.min(n)..n].copy_from_slice(&garbage[..n - 50.min(n)]);
        }
    }
    std::fs::write(&store, &bytes).unwrap();
    for args in [&["list"][..], &["import", stories.to_str().unwrap()]] {
        let out = run(&store, args);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("is damaged"), "{args:?}: {stderr}");
        assert!(stderr.contains(&store.display().to_string()), "{stderr}");
    }
}

fn noise(len: usize, mut seed: u32) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed as u8
        })
        .collect()
}

#[test]
fn a_read_only_store_is_refused_even_for_root() {
    let dir = tempfile::tempdir().unwrap();
    let store = made_store(dir.path());
    std::fs::set_permissions(&store, std::fs::Permissions::from_mode(0o444)).unwrap();
    // Root could write anyway: byline looks at the permission bits, not at whether open() fails.
    assert_refused(&store, "is read-only");
    std::fs::set_permissions(&store, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert!(run(&store, &["list"]).status.success());
}

#[test]
fn a_newer_store_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let store = made_store(dir.path());
    Connection::open(&store)
        .unwrap()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    assert_refused(&store, "newer than this byline understands");
}

#[test]
fn an_older_store_is_backed_up_before_it_is_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let store = made_store(dir.path());
    {
        // Back to schema v1: what byline 0.1's first release wrote.
        let conn = Connection::open(&store).unwrap();
        conn.execute_batch(
            "DROP TABLE person_forms; ALTER TABLE people DROP COLUMN named_by_user;
             ALTER TABLE person_aliases DROP COLUMN by_user;
             DROP TABLE not_people; DROP TABLE authors; DROP TABLE article_authors; DROP TABLE saved_searches;
             DROP INDEX articles_page; ALTER TABLE articles DROP COLUMN page_text;
             DROP TABLE deleted; DROP TABLE source_renamed;
             DROP TABLE article_tags; DROP INDEX articles_feed; ALTER TABLE articles DROP COLUMN feed_id;
             ALTER TABLE articles DROP COLUMN first_seen_date; DROP TABLE feeds;
             DROP TABLE ui_state; DROP INDEX articles_starred;
             ALTER TABLE articles DROP COLUMN source_hint; PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    let out = run(&store, &["list", "--limit", "1"]);
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let backup = dir.path().join("store.db.v1.bak");
    let now = byline::store::SCHEMA_VERSION;
    assert!(
        stderr.contains(&format!("from schema v1 to v{now}")),
        "{stderr}"
    );
    assert!(stderr.contains(&backup.display().to_string()), "{stderr}");
    let sql = "SELECT count(*) FROM articles";
    assert_eq!(count(&backup, "PRAGMA user_version"), 1);
    assert_eq!(count(&backup, sql), 30);
    assert_eq!(count(&store, "PRAGMA user_version"), now);
    assert_eq!(count(&store, sql), 30);
    assert_intact(&store);
}

#[test]
fn a_full_disk_stops_the_import_with_a_clear_error_and_the_store_survives() {
    let dir = tempfile::tempdir().unwrap();
    let store = made_store(dir.path());
    let stories = write_stories(&dir.path().join("many"), 400);
    let pages = count(&store, "PRAGMA page_count");
    // The tests' full disk: SQLite's max_page_count, which fails with SQLITE_FULL like ENOSPC.
    let out = hostile_support::byline(&store)
        .env("BYLINE_TEST_MAX_PAGES", (pages + 40).to_string())
        .args(["import", "--batch-size", "25", stories.to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("is full"), "{stderr}");
    assert!(stderr.contains("database or disk is full"), "{stderr}");
    assert!(stderr.contains(&store.display().to_string()), "{stderr}");
    assert_intact(&store);
    let stored = count(&store, "SELECT count(*) FROM articles");
    assert!(stored < 400, "the limit never bit: {stored}");
    assert_whole_articles(&store);
    // Space returns: the same import completes.
    let out = run(&store, &["import", stories.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(count(&store, "SELECT count(*) FROM articles"), 400);
    assert_intact(&store);
}

#[test]
fn a_file_size_limit_during_import_is_a_clear_error_and_the_store_survives() {
    let dir = tempfile::tempdir().unwrap();
    let store = made_store(dir.path());
    let stories = write_stories(&dir.path().join("many"), 400);
    let size_kib = std::fs::metadata(&store).unwrap().len() / 1024;
    // A real refused write: RLIMIT_FSIZE on the child (SIGXFSZ ignored, so write() fails with
    // EFBIG), which needs no privileges, unlike mounting a small tmpfs.
    let script = format!(
        "trap '' XFSZ; ulimit -f {}; exec \"$0\" \"$@\"",
        size_kib + 120
    );
    let out = std::process::Command::new("bash")
        .args(["-c", &script, env!("CARGO_BIN_EXE_byline")])
        .args(["import", "--batch-size", "25", stories.to_str().unwrap()])
        .env("BYLINE_STORE", &store)
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("cannot read or write the store"),
        "{stderr}"
    );
    assert!(stderr.contains(&store.display().to_string()), "{stderr}");
    assert_intact(&store);
    let stored = count(&store, "SELECT count(*) FROM articles");
    assert!(stored < 400, "the limit never bit: {stored}");
    assert_whole_articles(&store);
    let out = run(&store, &["import", stories.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(count(&store, "SELECT count(*) FROM articles"), 400);
    assert_intact(&store);
}

/// A kill between SQLite creating the store file and the schema's commit leaves an empty
/// database (0 bytes, or a header and no tables); the next run sets it up instead of refusing it.
#[test]
fn a_store_left_empty_by_a_kill_before_setup_is_set_up_by_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    let stories = write_stories(&dir.path().join("stories"), 3);
    let zero_bytes = dir.path().join("zero.db");
    std::fs::write(&zero_bytes, b"").unwrap();
    let header_only = dir.path().join("header.db");
    Connection::open(&header_only)
        .unwrap()
        .execute_batch("PRAGMA journal_mode = WAL;")
        .unwrap();
    for store in [zero_bytes, header_only] {
        let out = run(&store, &["import", stories.to_str().unwrap()]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert_eq!(count(&store, "SELECT count(*) FROM articles"), 3);
    }
}

#[test]
fn a_newer_store_in_delete_journal_mode_keeps_every_byte() {
    let dir = tempfile::tempdir().unwrap();
    let store = made_store(dir.path());
    {
        let conn = Connection::open(&store).unwrap();
        let mode: String = conn
            .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "delete");
        conn.pragma_update(None, "user_version", 999).unwrap();
    }
    // Switching to WAL rewrites the header: the version must be refused before that.
    assert_refused(&store, "newer than this byline understands");
}

#[test]
fn a_foreign_file_with_byline_table_names_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    for version in [0, 1, 3, 999] {
        let store = dir.path().join(format!("other-v{version}.sqlite"));
        {
            let conn = Connection::open(&store).unwrap();
            conn.execute_batch(
                "PRAGMA journal_mode = DELETE;
                 CREATE TABLE articles (x); CREATE TABLE sources (x);
                 CREATE TABLE people (x); CREATE TABLE mentions (x);
                 INSERT INTO articles VALUES ('keep me');",
            )
            .unwrap();
            conn.pragma_update(None, "user_version", version).unwrap();
        }
        if version > 3 {
            // Too new by its version: refused as such, untouched all the same.
            assert_refused(&store, "newer than this byline understands");
        } else {
            assert_refused(
                &store,
                "another program's SQLite database (tables: articles",
            );
        }
    }
}

#[test]
fn a_damaged_page_the_import_would_not_read_still_stops_it_before_any_write() {
    let dir = tempfile::tempdir().unwrap();
    let store = made_store(dir.path());
    let (page, size): (i64, i64) = Connection::open(&store)
        .unwrap()
        .query_row(
            "SELECT rootpage, (SELECT page_size FROM pragma_page_size)
             FROM sqlite_master WHERE name = 'ui_state'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let mut bytes = std::fs::read(&store).unwrap();
    let at = ((page - 1) * size) as usize;
    bytes[at..at + size as usize].copy_from_slice(&noise(size as usize, 7));
    std::fs::write(&store, &bytes).unwrap();
    let stories = write_stories(&dir.path().join("more"), 5);
    for args in [&["import", stories.to_str().unwrap()][..], &["reindex"]] {
        let out = run(&store, args);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("is damaged"), "{args:?}: {stderr}");
        assert!(stderr.contains(&store.display().to_string()), "{stderr}");
        assert_eq!(std::fs::read(&store).unwrap(), bytes, "{args:?} wrote");
    }
}

/// No half-written transaction: every stored article has its original text and its words
/// indexed. (Transactions end at `--batch-size` or whenever the parsers have nothing ready, so
/// the count itself says nothing.)
fn assert_whole_articles(store: &Path) {
    let stored = count(store, "SELECT count(*) FROM articles");
    assert_eq!(count(store, "SELECT count(*) FROM article_raw"), stored);
    assert_eq!(count(store, "SELECT count(*) FROM articles_fts"), stored);
}
