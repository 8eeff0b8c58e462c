//! Text as it leaves the store: every name, title and URL read back is made display-safe, so a
//! store holding raw escapes (an older version's, or edited by hand) cannot drive a terminal,
//! not even through `--json` piped to `jq -r`, which would print a stored `\u001b` as ESC.

use rusqlite::Row;

pub(super) use crate::text::sanitize_line as line;

/// Column `i` of `r` as one display-safe line.
pub(super) fn text(r: &Row, i: usize) -> rusqlite::Result<String> {
    Ok(line(&r.get::<_, String>(i)?))
}

/// Column `i` of `r`, when not NULL, as one display-safe line.
pub(super) fn opt_text(r: &Row, i: usize) -> rusqlite::Result<Option<String>> {
    Ok(r.get::<_, Option<String>>(i)?.map(|t| line(&t)))
}

#[cfg(test)]
mod tests {
    use crate::query::Query;
    use crate::store::tests::{seeded, today};
    use crate::store::{Granularity, Store};

    const HOSTILE: &str = "Evil\u{1b}]0;owned\u{7}\u{1b}[2J\u{202E}\nname\u{200B}";

    /// Writes raw escapes straight into every text column the readers return.
    fn poisoned() -> Store {
        let store = seeded();
        store
            .conn
            .execute_batch(&format!(
                "UPDATE articles SET title = '{h}', url = '{h}' || id, byline = '{h}',
                     author = '{h}', origin = '{h}';
                 UPDATE sources SET name = '{h}' || id;
                 UPDATE people SET name = '{h}' || id;
                 UPDATE person_aliases SET alias = '{h}x';
                 UPDATE mentions SET aliases = '{h}y';
                 UPDATE articles SET date = '{h}' WHERE id = 1;
                 INSERT INTO ui_state (key, value) VALUES ('last_query', '{h}');",
                h = HOSTILE.replace('\'', "''")
            ))
            .unwrap();
        let original = format!("Title {HOSTILE}\n\nBody {HOSTILE}\n");
        let packed = crate::store::codec::compress(original.as_bytes());
        store
            .conn
            .execute("UPDATE article_raw SET raw = ?1", [packed])
            .unwrap();
        store
    }

    fn assert_clean(what: &str, text: &str) {
        assert!(
            !text
                .chars()
                .any(|c| c.is_control() || crate::text::is_invisible(c)),
            "{what}: {text:?}"
        );
    }

    #[test]
    fn stored_escapes_never_leave_the_store() {
        let store = poisoned();
        let q = Query::default();
        let rows = store.search(&q, today(), 0, 10).unwrap();
        assert_eq!(rows.len(), 3);
        assert!(rows.iter().all(|r| r.title == "Evil name"), "{rows:?}");
        let a = store.article(rows[0].id).unwrap().unwrap();
        assert!(!a.people.is_empty());
        for (what, text) in [
            ("title", Some(a.row.title.clone())),
            ("source", a.row.source.clone()),
            ("url", a.row.url.clone()),
            ("byline", a.byline.clone()),
            ("author", a.author.clone()),
            ("origin", a.origin.clone()),
        ] {
            assert_clean(what, &text.unwrap_or_default());
        }
        for p in &a.people {
            assert_clean("person", &p.name);
            p.aliases.iter().for_each(|x| assert_clean("alias", x));
        }
        let sources = store.source_counts(&q, today()).unwrap();
        assert!(!sources.is_empty());
        for s in sources {
            assert_clean("source count", &s.name);
        }
        assert!(!a.body.is_empty());
        for block in &a.body {
            assert_clean("body", &block.text);
        }
        let last = store.ui_value("last_query").unwrap().unwrap();
        assert_clean("saved query", &last);
        for (bucket, _) in store.date_histogram(&q, today(), Granularity::Day).unwrap() {
            assert_clean("histogram bucket", &bucket);
        }
        for p in store.person_counts(&q, today(), 10).unwrap() {
            assert_clean("person count", &p.name);
            p.aliases
                .iter()
                .for_each(|x| assert_clean("count alias", x));
        }
    }
}
