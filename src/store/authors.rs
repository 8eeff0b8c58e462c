//! Authors apart from the people an article mentions: the names its byline, feed item or page
//! gave, one row per author, found by `author:` with the folding `person:` uses (case, accents,
//! transliteration; a surname alone finds every author of that surname).

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::Result;
use crate::people::{person_key, surname_key};

/// The longest text taken as one author's name.
const MAX_NAME_CHARS: usize = 80;

/// The names an author field holds: "A, B and C", "A and B", "A; B", "A & B", each trimmed,
/// with a leading "By" dropped.
pub fn author_names(author: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for part in author.split([';', ',', '|']) {
        for name in part.split(" and ").flat_map(|p| p.split(" & ")) {
            let name = name.trim();
            let name = name
                .strip_prefix("By ")
                .or_else(|| name.strip_prefix("by "))
                .unwrap_or(name)
                .trim();
            let fits = name.chars().count() <= MAX_NAME_CHARS;
            if fits && name.chars().any(char::is_alphabetic) && !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
        }
    }
    names
}

/// Links the article to the authors its author field names (replacing the old links unless
/// the article is `fresh`).
pub(super) fn write_authors(
    tx: &Transaction,
    article_id: i64,
    author: Option<&str>,
    fresh: bool,
) -> Result<()> {
    if !fresh {
        tx.prepare_cached("DELETE FROM article_authors WHERE article_id = ?1")?
            .execute([article_id])?;
    }
    for name in author.map(author_names).unwrap_or_default() {
        let id = ensure_author(tx, &name)?;
        tx.prepare_cached(
            "INSERT OR IGNORE INTO article_authors (article_id, author_id) VALUES (?1, ?2)",
        )?
        .execute(params![article_id, id])?;
    }
    Ok(())
}

fn ensure_author(conn: &Connection, name: &str) -> Result<i64> {
    let found: Option<i64> = conn
        .prepare_cached("SELECT id FROM authors WHERE name = ?1")?
        .query_row([name], |r| r.get(0))
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    conn.prepare_cached("INSERT INTO authors (name, key, surname_key) VALUES (?1, ?2, ?3)")?
        .execute(params![name, person_key(name), surname_key(name)])?;
    Ok(conn.last_insert_rowid())
}

/// The ids of the authors an `author:` term names: the whole name folded, or a surname alone.
pub fn resolve_author(conn: &Connection, term: &str) -> Result<Vec<i64>> {
    let key = person_key(term);
    if key.is_empty() {
        return Ok(Vec::new());
    }
    let one_word = !key.contains(' ');
    let mut stmt =
        conn.prepare_cached("SELECT id FROM authors WHERE key = ?1 OR (?2 AND surname_key = ?1)")?;
    let ids = stmt
        .query_map(params![key, one_word], |r| r.get(0))?
        .collect::<Result<Vec<i64>, _>>()?;
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::author_names;

    #[test]
    fn an_author_field_is_split_into_names() {
        assert_eq!(
            author_names("Marta Del-Rosario, Tomas McDonald and Ines Varga"),
            ["Marta Del-Rosario", "Tomas McDonald", "Ines Varga"]
        );
        assert_eq!(
            author_names("By Ann Bee & Cy Dee; Ann Bee"),
            ["Ann Bee", "Cy Dee"]
        );
        assert!(author_names(" , ; 123 ").is_empty());
        assert_eq!(author_names(&"x".repeat(200)), Vec::<String>::new());
    }
}
