//! Reindex against a fresh import of the same files: every derived column the same.

use std::path::Path;

use rusqlite::Connection;

use crate::importer::{collect_files, import_files, reindex, ImportOptions};
use crate::store::Store;

/// A folder's name with a newline, an escape sequence and a bell: cleaned into a source name.
const ODD_FOLDER: &str = "Night\u{1b}[31m Desk\nTwo\u{7} ";

const PLAIN: &str = "Harbour opens again\n\nAnna Lindqvist, the harbour master, said on \
    Monday that ships can dock again. Lindqvist said more berths follow in May.\n";

const WIRE: &str = "Dockers strike in Oslo\nBy Erik Berg\nMarch 3, 2024\n\nOSLO (Reuters) - \
    Dockers walked out on Monday, union leader Maria Olsen said. Olsen called it a warning.\n\n\
    Source: https://www.example.com/news/strike\n";

const FOLDER_SOURCED: &str = "Ferry timetable changes\n\nThe ferry to Nesodden runs hourly \
    from Monday, said Kari Nordmann of the ferry company.\n";

/// A feed without a title of its own: three items, one undated, one with categories.
const FEED: &str = r#"<?xml version="1.0"?>
<rss version="2.0"><channel>
<item><guid>a1</guid><title>Tunnel reopens</title><link>https://news.example.org/tunnel</link>
<pubDate>Mon, 04 Mar 2024 08:00:00 GMT</pubDate><category>Transport</category>
<description>Engineer Per Hansen said the tunnel reopens on Friday.</description></item>
<item><guid>a2</guid><title>Bridge closed for repairs</title>
<pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate>
<description>The bridge is closed, said Maria Olsen.</description></item>
<item><guid>a3</guid><title>Ferry fares rise</title>
<description>Fares rise by a tenth, Kari Nordmann said.</description></item>
</channel></rss>
"#;

fn write_fixtures(root: &Path) {
    for (folder, name, text) in [
        ("plain", "harbour.txt", PLAIN),
        ("wire", "strike.txt", WIRE),
        (ODD_FOLDER, "ferry.txt", FOLDER_SOURCED),
        ("feeds", "desk.xml", FEED),
    ] {
        std::fs::create_dir_all(root.join(folder)).unwrap();
        std::fs::write(root.join(folder).join(name), text).unwrap();
    }
}

/// Every row of `sql`, each as its values joined by " | ".
fn rows(conn: &Connection, sql: &str) -> Vec<String> {
    let mut stmt = conn.prepare(sql).unwrap();
    let width = stmt.column_count();
    let rows = stmt.query_map([], |r| {
        let values: Vec<String> = (0..width)
            .map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap()))
            .collect();
        Ok(values.join(" | "))
    });
    rows.unwrap().map(Result::unwrap).collect()
}

/// Everything derived from the files, keyed by origin and names (ids differ between stores).
fn derived(path: &Path) -> Vec<String> {
    let conn = Connection::open(path).unwrap();
    let mut all = rows(
        &conn,
        "SELECT a.origin, a.title, a.date, a.url, a.byline, a.author, s.name, a.replacements,
                a.first_seen_date
         FROM articles a LEFT JOIN sources s ON s.id = a.source_id ORDER BY a.origin",
    );
    all.extend(rows(
        &conn,
        "SELECT name, key, surname_key FROM people ORDER BY name",
    ));
    all.extend(rows(
        &conn,
        "SELECT p.name, x.alias, x.key FROM person_aliases x JOIN people p ON p.id = x.person_id
         ORDER BY 1, 2, 3",
    ));
    all.extend(rows(
        &conn,
        "SELECT a.origin, p.name, m.mentions, m.first_pos, m.aliases, m.date
         FROM mentions m JOIN articles a ON a.id = m.article_id
         JOIN people p ON p.id = m.person_id ORDER BY 1, 2",
    ));
    all.extend(rows(
        &conn,
        "SELECT p.name, f.form, f.articles FROM person_forms f JOIN people p ON p.id = f.person_id
         ORDER BY 1, 2",
    ));
    all.extend(rows(
        &conn,
        "SELECT a.origin, t.tag FROM article_tags t JOIN articles a ON a.id = t.article_id
         ORDER BY 1, 2",
    ));
    for words in [
        "harbour", "dockers", "ferry", "olsen", "tunnel", "nordmann", "stale",
    ] {
        let sql = format!(
            "SELECT '{words}', a.origin FROM articles_fts f JOIN articles a ON a.id = f.rowid
             WHERE articles_fts MATCH '{words}' ORDER BY 2"
        );
        all.extend(rows(&conn, &sql));
    }
    all
}

fn import_into(path: &Path, root: &Path) {
    let mut store = Store::open(path).unwrap();
    let (files, missing) = collect_files(&[root.to_path_buf()]);
    assert!(missing.is_empty());
    let options = ImportOptions::default();
    let report = import_files(&mut store, &files, &options, &mut |_| {}).unwrap();
    assert_eq!(report.summary.imported, 6, "{:?}", report.failures);
}

/// Overwrites every derived column, mention, tag and full-text row with stale values.
fn make_stale(path: &Path) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(
        "UPDATE articles SET title = 'stale', url = NULL, byline = NULL, author = NULL,
                source_id = NULL;
         DELETE FROM mentions; DELETE FROM article_tags; UPDATE person_forms SET articles = 99;
         DELETE FROM articles_fts;
         INSERT INTO articles_fts (rowid, title, body) SELECT id, 'stale', 'stale' FROM articles;",
    )
    .unwrap();
}

#[test]
fn reindex_derives_every_column_as_a_fresh_import_of_the_same_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("files");
    write_fixtures(&root);
    let (reindexed, fresh) = (dir.path().join("a.db"), dir.path().join("b.db"));
    import_into(&reindexed, &root);
    make_stale(&reindexed);
    let mut store = Store::open(&reindexed).unwrap();
    let summary = reindex(&mut store, 2, &mut |_| {}).unwrap();
    assert_eq!(summary.articles, 6);
    assert_eq!(summary.failed, []);
    drop(store);
    import_into(&fresh, &root);
    let (got, want) = (derived(&reindexed), derived(&fresh));
    assert_eq!(got, want);
    // The fixtures cover what they are meant to: the odd folder's name cleaned into a source,
    // a wire source, people, a category, an undated item dated the day it was first seen.
    let joined = want.join("\n");
    let covered = [
        "| Text(\"Night Desk Two\") |",
        "| Text(\"Reuters\") |",
        "Text(\"Per Hansen\")",
        "Text(\"Transport\")",
        "Text(\"Ferry fares rise\")",
        "Text(\"tunnel\")",
        "Text(\"Maria Olsen\") | Text(\"Maria Olsen\") | Integer(2)",
    ];
    for expected in covered {
        assert!(
            joined.contains(expected),
            "{expected} missing from {joined}"
        );
    }
    let undated = &want[3]; // first seen: dated today, flagged
    assert!(undated.contains("Ferry fares rise") && undated.ends_with("Integer(1)"));
}
