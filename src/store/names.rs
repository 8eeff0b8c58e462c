//! Sources and people as stored: finding or creating them, their aliases and their match keys.

use rusqlite::{params, Connection, OptionalExtension};

use super::person_join::{known_around, Around, Known, KnownOnDay};
use super::Result;
use crate::people::{person_key, same_person, surname_key};

/// Built-in aliases of outlets whose names and domains look nothing alike.
const KNOWN_SOURCE_ALIASES: &[(&str, &[&str])] = &[
    (
        "RFE/RL",
        &[
            "rferl.org",
            "Radio Free Europe/Radio Liberty",
            "Radio Free Europe",
        ],
    ),
    ("Reuters", &["reuters.com", "Thomson Reuters"]),
    (
        "AP",
        &["apnews.com", "Associated Press", "The Associated Press"],
    ),
    ("AFP", &["afp.com", "Agence France-Presse"]),
    ("BBC", &["bbc.co.uk", "bbc.com", "BBC News"]),
];

/// The folded key of a source name, alias or domain: lowercase letters and digits only
/// ("RFE/RL" and "rferl" both give "rferl"; "rferl.org" gives "rferlorg").
pub fn source_key(name: &str) -> String {
    crate::people::person_key(name)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The keys a source term or a stored source answers to, its domain's first label included.
fn source_alias_keys(alias: &str) -> Vec<String> {
    let mut keys = vec![source_key(alias)];
    let lower = alias.to_lowercase();
    if lower.contains('.') && !lower.contains(' ') {
        let host = lower.strip_prefix("www.").unwrap_or(&lower);
        if let Some(label) = host.split('.').next() {
            keys.push(source_key(label));
        }
    }
    keys.retain(|k| !k.is_empty());
    keys.dedup();
    keys
}

/// The id of the source called `name`, created with its aliases (built-in ones and the URL's
/// `domain`) when new; a name the user renamed or merged gives the source it became.
pub fn ensure_source(conn: &Connection, name: &str, domain: Option<&str>) -> Result<i64> {
    let existing: Option<i64> = conn
        .prepare_cached(
            "SELECT source_id FROM source_renamed WHERE key = ?2
             UNION ALL SELECT id FROM sources WHERE name = ?1 LIMIT 1",
        )?
        .query_row(params![name, source_key(name)], |r| r.get(0))
        .optional()?;
    let id = match existing {
        Some(id) => id,
        None => {
            conn.execute(
                "INSERT INTO sources (name, key) VALUES (?1, ?2)",
                params![name, source_key(name)],
            )?;
            let id = conn.last_insert_rowid();
            add_source_alias(conn, id, name)?;
            for (known, aliases) in KNOWN_SOURCE_ALIASES {
                if source_key(known) == source_key(name) || aliases.iter().any(|a| a == &name) {
                    add_source_alias(conn, id, known)?;
                    for alias in *aliases {
                        add_source_alias(conn, id, alias)?;
                    }
                }
            }
            id
        }
    };
    if let Some(domain) = domain {
        add_source_alias(conn, id, domain)?;
    }
    Ok(id)
}

pub(super) fn add_source_alias(conn: &Connection, source_id: i64, alias: &str) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT OR IGNORE INTO source_aliases (alias, source_id, display) VALUES (?1, ?2, ?3)",
    )?;
    for key in source_alias_keys(alias) {
        stmt.execute(params![key, source_id, alias])?;
    }
    Ok(())
}

/// The ids of the sources a `source:` term names: the name (or its beginning), an alias or a
/// domain, ignoring case and punctuation.
pub fn resolve_source(conn: &Connection, term: &str) -> Result<Vec<i64>> {
    let mut ids = Vec::new();
    let mut stmt = conn.prepare_cached(
        "SELECT id FROM sources WHERE key = ?1 OR key LIKE ?2
         UNION SELECT source_id FROM source_aliases WHERE alias = ?1 OR alias LIKE ?2",
    )?;
    for key in source_alias_keys(term) {
        // Keys are letters and digits only, so `key%` needs no escaping: `northwind` finds
        // "Northwind Wire".
        let prefix = format!("{key}%");
        for id in stmt.query_map(params![&key, prefix], |r| r.get::<_, i64>(0))? {
            ids.push(id?);
        }
    }
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

/// The id of the stored person this name is, created when nobody matches. The merge is
/// conservative: the same full-name key or alias key; for a surname said alone, the one full
/// name known around the article ([`known_around`]); else the one stored person with the same
/// surname whose given name agrees ([`crate::people::same_person`]); never a guess between two.
pub(super) fn ensure_person(
    conn: &Connection,
    name: &str,
    aliases: &[String],
    around: Around,
    known: &mut KnownOnDay,
) -> Result<i64> {
    let key = person_key(name);
    let id = match settle_by_name(conn, name, &key, around, known)? {
        Some(id) => id,
        None => {
            conn.prepare_cached("INSERT INTO people (name, key, surname_key) VALUES (?1, ?2, ?3)")?
                .execute(params![name, key, surname_key(name)])?;
            conn.last_insert_rowid()
        }
    };
    let mut stmt = conn.prepare_cached(
        "INSERT OR IGNORE INTO person_aliases (key, person_id, alias) VALUES (?1, ?2, ?3)",
    )?;
    for alias in aliases.iter().map(String::as_str).chain([name]) {
        let alias_key = person_key(alias);
        // A bare surname is ambiguous across the store: it is matched through surname_key
        // and, said alone, settled article by article (person_join.rs).
        if alias_key.contains(' ') {
            stmt.execute(params![alias_key, id, alias])?;
        }
    }
    Ok(id)
}

/// The stored person `name` already is, if any (see [`ensure_person`]).
fn settle_by_name(
    conn: &Connection,
    name: &str,
    key: &str,
    around: Around,
    known: &mut KnownOnDay,
) -> Result<Option<i64>> {
    let alias = |sql: &str| -> Result<Option<i64>> {
        Ok(conn
            .prepare_cached(sql)?
            .query_row([key], |r| r.get(0))
            .optional()?)
    };
    if key.contains(' ') {
        let exact = alias(
            "SELECT id FROM people WHERE key = ?1
             UNION SELECT person_id FROM person_aliases WHERE key = ?1 LIMIT 1",
        )?;
        return match exact {
            Some(id) => Ok(Some(id)),
            None => same_surname_match(conn, name),
        };
    }
    // A surname alone: an alias the user gave wins, then the name known around the article.
    let by_user = "SELECT person_id FROM person_aliases WHERE key = ?1 AND by_user = 1 LIMIT 1";
    if let Some(id) = alias(by_user)? {
        return Ok(Some(id));
    }
    let alone = "SELECT id FROM people WHERE key = ?1 LIMIT 1";
    match known_around(conn, key, &surname_key(name), around, known)? {
        Known::One(id) => Ok(Some(id)),
        Known::Several => alias(alone),
        Known::Nobody => match alias(alone)? {
            Some(id) => Ok(Some(id)),
            None => same_surname_match(conn, name),
        },
    }
}

/// The one stored person with this name's surname who can be the same person. A surname-only
/// person stored earlier takes the full name as its canonical name.
fn same_surname_match(conn: &Connection, name: &str) -> Result<Option<i64>> {
    let mut stmt =
        conn.prepare_cached("SELECT id, name FROM people WHERE surname_key = ?1 LIMIT 64")?;
    let candidates = stmt
        .query_map([surname_key(name)], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<Vec<(i64, String)>, _>>()?;
    let has_given = |n: &str| person_key(n).contains(' ');
    let agreeing: Vec<&(i64, String)> = candidates
        .iter()
        .filter(|(_, other)| same_person(other, name))
        .collect();
    let with_given: Vec<&&(i64, String)> = agreeing.iter().filter(|(_, n)| has_given(n)).collect();
    match (with_given.as_slice(), agreeing.as_slice()) {
        ([(id, _)], _) if has_given(name) => Ok(Some(*id)),
        (_, [(id, other)]) if candidates.len() == 1 => {
            if has_given(name) && !has_given(other) {
                let sql = "UPDATE people SET name = ?2, key = ?3 WHERE id = ?1";
                conn.prepare_cached(sql)?
                    .execute(params![id, name, person_key(name)])?;
            }
            Ok(Some(*id))
        }
        _ => Ok(None),
    }
}

/// The ids of the people a `person:` term names: a canonical name or alias, ignoring case,
/// accents and transliteration endings; a single word also matches surnames, and "first last"
/// also matches "first middle last".
pub fn resolve_person(conn: &Connection, term: &str) -> Result<Vec<i64>> {
    let key = person_key(term);
    if key.is_empty() {
        return Ok(Vec::new());
    }
    let tokens: Vec<&str> = key.split(' ').collect();
    let first = tokens.first().copied().unwrap_or_default();
    let last = tokens.last().copied().unwrap_or_default();
    let mut stmt = conn.prepare_cached(
        "SELECT id FROM people WHERE key = ?1
            OR (?2 = 1 AND surname_key = ?1)
            OR (?2 > 1 AND surname_key = ?4 AND key LIKE ?3 ESCAPE '\\')
         UNION SELECT person_id FROM person_aliases WHERE key = ?1",
    )?;
    let prefix = format!("{} %", escape_like(first));
    let ids = stmt
        .query_map(params![key, tokens.len() as i64, prefix, last], |r| {
            r.get(0)
        })?
        .collect::<Result<Vec<i64>, _>>()?;
    Ok(ids)
}

fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}
