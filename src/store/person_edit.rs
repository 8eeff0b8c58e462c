//! The user's corrections of people: rename, alias, merge and not-a-person. They are kept in
//! the store as names and aliases (and the not-a-person list), so every later import, fetch
//! and `reindex` settles mentions the corrected way.

use rusqlite::{params, Connection};

use super::names::resolve_person;
use super::{Result, Store, StoreError};
use crate::people::{person_key, surname_key};

impl Store {
    /// Renames a person; a name another person has merges the two. The name after the change.
    pub fn rename_person(&self, name: &str, new: &str) -> Result<String> {
        let new = new.trim();
        let tx = self.conn.unchecked_transaction()?;
        let id = person_named(&tx, name)?;
        let other: Option<i64> = tx
            .query_row(
                "SELECT id FROM people WHERE key = ?1 AND id != ?2",
                params![person_key(new), id],
                |r| r.get(0),
            )
            .ok();
        if let Some(into) = other {
            merge(&tx, id, into)?;
        } else {
            keep_name_as_alias(&tx, id)?;
            // The user's name is kept: the majority of articles no longer renames them.
            tx.execute(
                "UPDATE people SET name = ?2, key = ?3, surname_key = ?4, named_by_user = 1
                 WHERE id = ?1",
                params![id, new, person_key(new), surname_key(new)],
            )?;
            add_alias(&tx, id, new)?;
        }
        tx.commit()?;
        Ok(new.to_string())
    }

    /// Renames a person, refusing a name another person has (a merge cannot be undone by
    /// renaming back). The name after the change.
    pub fn rename_person_only(&self, name: &str, new: &str) -> Result<String> {
        let id = person_named(&self.conn, name)?;
        let taken: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM people WHERE key = ?1 AND id != ?2)",
            params![person_key(new.trim()), id],
            |r| r.get(0),
        )?;
        if taken {
            return Err(StoreError::PersonExists(new.trim().to_string()));
        }
        self.rename_person(name, new)
    }

    /// Another name for a person: `person:ALIAS` finds them, and a mention written so joins them.
    pub fn alias_person(&self, name: &str, alias: &str) -> Result<String> {
        let id = person_named(&self.conn, name)?;
        add_alias(&self.conn, id, alias.trim())?;
        person_name(&self.conn, id)
    }

    /// Takes an alias back (what undoes [`Store::alias_person`]). The person's name.
    pub fn unalias_person(&self, name: &str, alias: &str) -> Result<String> {
        let id = person_named(&self.conn, name)?;
        self.conn.execute(
            "DELETE FROM person_aliases WHERE key = ?1 AND person_id = ?2",
            params![person_key(alias.trim()), id],
        )?;
        person_name(&self.conn, id)
    }

    /// Merges person `from` into `into`: mentions, aliases and name. The merged person's name.
    pub fn merge_people(&self, from: &str, into: &str) -> Result<String> {
        let tx = self.conn.unchecked_transaction()?;
        let (from, into) = (person_named(&tx, from)?, person_named(&tx, into)?);
        if from != into {
            merge(&tx, from, into)?;
        }
        let name = person_name(&tx, into)?;
        tx.commit()?;
        Ok(name)
    }

    /// Says a name is not a person: its mentions go, and later imports never store it (nor
    /// any of its aliases). How many articles lost the mention.
    pub fn not_a_person(&self, name: &str) -> Result<u64> {
        let tx = self.conn.unchecked_transaction()?;
        let id = person_named(&tx, name)?;
        let articles: i64 = tx.query_row(
            "SELECT count(*) FROM mentions WHERE person_id = ?1",
            [id],
            |r| r.get(0),
        )?;
        refuse_name(&tx, id)?;
        tx.commit()?;
        Ok(articles as u64)
    }
}

/// Puts a person's name and aliases on the not-a-person list and deletes them with their
/// mentions. The keys the list gained.
pub(super) fn refuse_name(conn: &Connection, id: i64) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "INSERT OR IGNORE INTO not_people (key)
         SELECT key FROM people WHERE id = ?1
         UNION SELECT key FROM person_aliases WHERE person_id = ?1
         RETURNING key",
    )?;
    let added = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<Result<Vec<String>, _>>()?;
    conn.execute("DELETE FROM mentions WHERE person_id = ?1", [id])?;
    conn.execute("DELETE FROM people WHERE id = ?1", [id])?;
    Ok(added)
}

/// The one person `name` names, as `person:` finds them.
pub(super) fn person_named(conn: &Connection, name: &str) -> Result<i64> {
    let mut ids = resolve_person(conn, name)?;
    ids.sort_unstable();
    ids.dedup();
    match ids.as_slice() {
        [id] => Ok(*id),
        [] => Err(StoreError::NoSuchPerson(name.to_string())),
        many => Err(StoreError::AmbiguousPerson {
            name: name.to_string(),
            matches: many
                .iter()
                .map(|id| person_name(conn, *id).unwrap_or_default())
                .collect::<Vec<_>>()
                .join(", "),
        }),
    }
}

pub(super) fn person_name(conn: &Connection, id: i64) -> Result<String> {
    Ok(conn.query_row("SELECT name FROM people WHERE id = ?1", [id], |r| r.get(0))?)
}

/// An alias row (even a single word: the user asked for it).
fn add_alias(conn: &Connection, id: i64, alias: &str) -> Result<()> {
    let key = person_key(alias);
    if !key.is_empty() {
        conn.execute(
            "INSERT OR REPLACE INTO person_aliases (key, person_id, alias, by_user)
             VALUES (?1, ?2, ?3, 1)",
            params![key, id, alias],
        )?;
        conn.execute("DELETE FROM not_people WHERE key = ?1", [key])?;
    }
    Ok(())
}

fn keep_name_as_alias(conn: &Connection, id: i64) -> Result<()> {
    let name = person_name(conn, id)?;
    add_alias(conn, id, &name)
}

/// Moves `from`'s mentions (summed where both are in one article), aliases, name and form
/// counts to `into`, whose name is then the user's.
pub(super) fn merge(conn: &Connection, from: i64, into: i64) -> Result<()> {
    keep_name_as_alias(conn, from)?;
    conn.execute(
        "INSERT INTO mentions (article_id, person_id, mentions, first_pos, aliases, date)
         SELECT article_id, ?2, mentions, first_pos, aliases, date FROM mentions
         WHERE person_id = ?1 AND true
         ON CONFLICT (article_id, person_id) DO UPDATE SET
            mentions = mentions + excluded.mentions,
            first_pos = min(first_pos, excluded.first_pos),
            aliases = aliases || char(10) || excluded.aliases",
        params![from, into],
    )?;
    conn.execute(
        "INSERT OR REPLACE INTO person_aliases (key, person_id, alias, by_user)
         SELECT key, ?2, alias, by_user FROM person_aliases WHERE person_id = ?1",
        params![from, into],
    )?;
    conn.execute(
        "INSERT INTO person_forms (person_id, form, articles)
         SELECT ?2, form, articles FROM person_forms WHERE person_id = ?1 AND true
         ON CONFLICT (person_id, form) DO UPDATE SET articles = articles + excluded.articles",
        params![from, into],
    )?;
    conn.execute("DELETE FROM people WHERE id = ?1", [from])?;
    // The user named the person to keep: the merged forms' counts never rename them.
    conn.execute("UPDATE people SET named_by_user = 1 WHERE id = ?1", [into])?;
    Ok(())
}
