//! The store's schema and its migrations, versioned by SQLite's `user_version`.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::{Result, StoreError};

/// Each entry migrates from version `index` to `index + 1`. Append only; never edit a shipped step.
const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5, V6, V7, V8];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

const V1: &str = "
CREATE TABLE sources (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE COLLATE NOCASE,
    -- lowercase letters and digits only: 'RFE/RL' gives 'rferl'
    key     TEXT NOT NULL
);
CREATE INDEX sources_key ON sources(key);

CREATE TABLE source_aliases (
    -- same folding as sources.key; a domain ('rferl.org') is kept whole in lowercase as well
    alias     TEXT NOT NULL,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    display   TEXT NOT NULL,        -- the alias as first written ('rferl.org', 'Radio Free Europe')
    PRIMARY KEY (alias, source_id)
) WITHOUT ROWID;

-- Narrow rows: what the list shows and what queries filter on. The text lives in article_raw.
CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    source_id     INTEGER REFERENCES sources(id),
    title         TEXT NOT NULL,
    date          TEXT,             -- YYYY-MM-DD, NULL when unknown
    url           TEXT,             -- canonical URL
    byline        TEXT,
    author        TEXT,
    origin        TEXT,             -- the file it was imported from
    content_hash  BLOB NOT NULL,    -- sha256 of the original bytes
    replacements  INTEGER NOT NULL DEFAULT 0,
    is_read       INTEGER NOT NULL DEFAULT 0,
    is_starred    INTEGER NOT NULL DEFAULT 0,
    imported_at   INTEGER NOT NULL, -- unix seconds
    updated_at    INTEGER NOT NULL
);
CREATE INDEX articles_date ON articles(date DESC, id DESC);
CREATE INDEX articles_source_date ON articles(source_id, date DESC, id DESC);
CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
CREATE INDEX articles_natural ON articles(source_id, title, date);
CREATE INDEX articles_origin ON articles(origin) WHERE origin IS NOT NULL;
CREATE INDEX articles_hash ON articles(content_hash);
CREATE INDEX articles_unread ON articles(is_read, date DESC, id DESC);

-- The original bytes, compressed (codec.rs): the one copy of the text. The reading pane parses
-- them again when it opens an article (tens of microseconds), and reindex re-derives from them.
CREATE TABLE article_raw (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    raw        BLOB NOT NULL
);

CREATE TABLE people (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    key         TEXT NOT NULL,      -- people::person_key(name)
    surname_key TEXT NOT NULL       -- people::surname_key(name)
);
CREATE INDEX people_key ON people(key);
CREATE INDEX people_surname ON people(surname_key);

CREATE TABLE person_aliases (
    key       TEXT NOT NULL,        -- people::person_key(alias)
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    PRIMARY KEY (key, person_id)
) WITHOUT ROWID;

CREATE TABLE mentions (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    mentions   INTEGER NOT NULL,
    first_pos  INTEGER NOT NULL,
    aliases    TEXT NOT NULL,       -- surface forms in this article, newline-separated
    date       TEXT,                -- the article's date, copied for mentions_person
    PRIMARY KEY (article_id, person_id)
) WITHOUT ROWID;
-- A person's articles newest first, straight from the index: `person:` lists and counts
-- never sort or visit articles they do not show.
CREATE INDEX mentions_person ON mentions(person_id, date DESC, article_id DESC);

-- Contentless: the words are indexed, the text is not stored twice. Written by the importer
-- in the same transaction as the article (no triggers: a trigger's statement savepoint makes
-- FTS5 flush its pending index on every row).
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
";

/// The reader's memory, starred lookups, and the `--source` hint that reindex needs.
const V2: &str = "
ALTER TABLE articles ADD COLUMN source_hint TEXT; -- `import --source NAME`, kept for reindex
CREATE INDEX articles_starred ON articles(is_starred) WHERE is_starred = 1;

-- small key/value memory of the reader: last query, selection, samples loaded
CREATE TABLE ui_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
";

/// Feeds: subscriptions with their fetch state, and the feed each article came from.
const V3: &str = "
CREATE TABLE feeds (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    url           TEXT NOT NULL UNIQUE,
    site_url      TEXT,
    tags          TEXT NOT NULL DEFAULT '',   -- newline-separated
    enabled       INTEGER NOT NULL DEFAULT 1,
    interval_secs INTEGER,                    -- NULL: the default interval
    etag          TEXT,
    last_modified TEXT,
    last_fetch    INTEGER,                    -- unix seconds of the last attempt
    last_status   TEXT,                       -- what the last attempt gave, in words
    failed        INTEGER NOT NULL DEFAULT 0, -- whether the last attempt failed
    gone          INTEGER NOT NULL DEFAULT 0, -- the server answered 410 Gone
    next_due      INTEGER NOT NULL DEFAULT 0, -- unix seconds
    added_at      INTEGER NOT NULL
);

-- the feed an article came from (NULL for files); removing a feed sets it back to NULL (no
-- REFERENCES: SQLite cannot drop a column that has one, and a store may need to)
ALTER TABLE articles ADD COLUMN feed_id INTEGER;
-- 1 when `date` is the day the item was first seen, because its feed gave no date
ALTER TABLE articles ADD COLUMN first_seen_date INTEGER NOT NULL DEFAULT 0;
CREATE INDEX articles_feed ON articles(feed_id, is_read) WHERE feed_id IS NOT NULL;

-- a feed item's own categories, for `tag:` (beside the tags of its feed)
CREATE TABLE article_tags (
    tag        TEXT NOT NULL COLLATE NOCASE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (tag, article_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_article ON article_tags(article_id);
";

/// Deleted articles and the user's source corrections. Deleted articles: their identity keeps a re-import or refetch from bringing them back, and
/// their row and original text let `restore` (and the reader's undo) bring them back on purpose.
const V4: &str = "
CREATE TABLE deleted (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL,  -- its id when it was deleted
    source_id    INTEGER,           -- no reference: the source may go
    title        TEXT NOT NULL,
    date         TEXT,
    url          TEXT,
    origin       TEXT,
    content_hash BLOB NOT NULL,
    source_hint  TEXT,
    feed_id      INTEGER,
    is_read      INTEGER NOT NULL,
    is_starred   INTEGER NOT NULL,
    deleted_at   INTEGER NOT NULL,  -- unix seconds
    raw          BLOB NOT NULL      -- the original, compressed as in article_raw
);
CREATE INDEX deleted_url ON deleted(url);
CREATE INDEX deleted_origin ON deleted(origin);
CREATE INDEX deleted_hash ON deleted(content_hash);
CREATE INDEX deleted_title ON deleted(source_id, title, date);

-- Sources the user renamed or merged: an article that names the old source (on import, fetch
-- or reindex) is filed under the source it became.
CREATE TABLE source_renamed (
    key       TEXT PRIMARY KEY,     -- sources.key folding of the old name
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE
) WITHOUT ROWID;
";

/// Full text for feeds that carry only a summary: the feed's setting, and what each item's
/// linked page gave.
const V5: &str = "
ALTER TABLE feeds ADD COLUMN full_text INTEGER NOT NULL DEFAULT 0; -- fetch each item's page
-- NULL: no page asked for; 1: the body is the linked page's text; 0: the page failed, the body
-- is the feed's summary (what `fetch --full-text-retry` tries again)
ALTER TABLE articles ADD COLUMN page_text INTEGER;
CREATE INDEX articles_page ON articles(feed_id, page_text) WHERE page_text IS NOT NULL;
";

/// Saved searches: named queries, used as `@name` in other queries.
const V6: &str = "
CREATE TABLE saved_searches (
    name       TEXT PRIMARY KEY COLLATE NOCASE, -- letters, digits, '-' and '_'
    query      TEXT NOT NULL,                   -- the query as printed (canonical form)
    created_at INTEGER NOT NULL                 -- unix seconds
) WITHOUT ROWID;
";

/// The user's person corrections, and authors apart from the people an article mentions: one row per author name (folded like a
/// person's), linked to each article whose byline, feed item or page metadata names them.
/// Articles stored before this step get theirs from `byline reindex`.
const V7: &str = "
CREATE TABLE authors (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    key  TEXT NOT NULL,          -- people::person_key(name)
    surname_key TEXT NOT NULL    -- people::surname_key(name)
);
CREATE INDEX authors_key ON authors(key);
CREATE INDEX authors_surname ON authors(surname_key);
CREATE TABLE article_authors (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    author_id  INTEGER NOT NULL REFERENCES authors(id) ON DELETE CASCADE,
    PRIMARY KEY (author_id, article_id)
) WITHOUT ROWID;
CREATE INDEX article_authors_article ON article_authors(article_id);

-- Names the user said are not people (`byline person not-a-person`): never stored as mentions.
CREATE TABLE not_people (
    key TEXT PRIMARY KEY        -- people::person_key(name)
) WITHOUT ROWID;
";

/// One identity across the store: how many articles name each person by each full form, so
/// the canonical name can follow the majority (`person_forms.rs`), and whether the user named
/// the person (then the majority never renames them). An older store starts with its current
/// names counted once per article; `byline reindex` counts every form.
const V8: &str = "
CREATE TABLE person_forms (
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    form      TEXT NOT NULL,        -- a full name as written: 'Volodymyr Zelensky'
    articles  INTEGER NOT NULL,     -- articles whose own name for the person is this form
    PRIMARY KEY (person_id, form)
) WITHOUT ROWID;
ALTER TABLE people ADD COLUMN named_by_user INTEGER NOT NULL DEFAULT 0;
-- A one-word alias the user gave (`person alias`, `rename`) always names its person; one the
-- importer wrote (a surname once joined to a full name) must not outvote the time window.
-- Earlier stores did not tell them apart: a one-word alias other than the surname was the user's.
ALTER TABLE person_aliases ADD COLUMN by_user INTEGER NOT NULL DEFAULT 0;
UPDATE person_aliases SET by_user = 1 WHERE instr(key, ' ') = 0
    AND key != (SELECT surname_key FROM people WHERE people.id = person_aliases.person_id);
INSERT INTO person_forms (person_id, form, articles)
    SELECT id, name, (SELECT count(*) FROM mentions WHERE person_id = people.id)
    FROM people WHERE instr(key, ' ') > 0;
";

/// Brings the schema up to [`SCHEMA_VERSION`], one transaction per step; refuses a newer file.
/// A file store at an older version is first copied with `VACUUM INTO`; returns that copy.
pub fn migrate(conn: &Connection, path: &Path) -> Result<Option<(PathBuf, i64)>> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let on_disk = path != Path::new(":memory:");
    let backup = if on_disk && found > 0 && found < SCHEMA_VERSION {
        Some((super::safety::backup(conn, path, found)?, found))
    } else {
        None
    };
    migrate_to(conn, path, SCHEMA_VERSION)?;
    Ok(backup)
}

/// Migrates up to `target` (tests use it to build an older store).
pub(super) fn migrate_to(conn: &Connection, path: &Path, target: i64) -> Result<()> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    for (from, step) in MIGRATIONS
        .iter()
        .enumerate()
        .take(target as usize)
        .skip(found as usize)
    {
        let to = from as i64 + 1;
        // IMMEDIATE takes the write lock first, so a second byline opening the same new store at
        // once (the reader and an import) waits, then sees the step done and skips it.
        conn.execute_batch("BEGIN IMMEDIATE")?;
        let step_result = (|| {
            let now: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            if now < to {
                conn.execute_batch(step)?;
                conn.pragma_update(None, "user_version", to)?;
            }
            conn.execute_batch("COMMIT")
        })();
        if step_result.is_err() {
            let _ = conn.execute_batch("ROLLBACK");
        }
        step_result?;
    }
    Ok(())
}
