//! Corrections of people that can be undone (the reader's `u`): a merge and a not-a-person keep
//! everything the person was, so undoing puts the person back apart with their own mentions.

use rusqlite::{params, Connection};

use super::person_edit::{merge, person_name, person_named, refuse_name};
use super::{Result, Store};

/// Everything a person was before a merge or a not-a-person: enough to bring them back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonSnapshot {
    pub name: String,
    key: String,
    surname_key: String,
    named_by_user: bool,
    /// (key, alias, given by the user)
    aliases: Vec<(String, String, bool)>,
    /// (form, articles)
    forms: Vec<(String, i64)>,
    /// (article, mentions, first position, aliases, date)
    mentions: Vec<(i64, i64, i64, String, Option<String>)>,
    /// The person merged into, as they were before, when this was a merge.
    pub into: Option<IntoBefore>,
    /// The keys the not-a-person list gained.
    refused: Vec<String>,
}

/// The person merged into, before the merge: what undoing it takes back from them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntoBefore {
    id: i64,
    pub name: String,
    /// Which of the merged person's articles they were already in.
    shared: Vec<i64>,
    alias_keys: Vec<String>,
    forms: Vec<(String, i64)>,
    named_by_user: bool,
}

impl PersonSnapshot {
    /// How many articles mentioned the person.
    pub fn articles(&self) -> u64 {
        self.mentions.len() as u64
    }

    /// A snapshot that names the person (and whom they were merged into) and holds nothing
    /// else: what a fake store in the reader's tests answers with.
    #[doc(hidden)]
    pub fn named(name: &str, into: Option<&str>) -> PersonSnapshot {
        PersonSnapshot {
            name: name.to_string(),
            key: String::new(),
            surname_key: String::new(),
            named_by_user: false,
            aliases: Vec::new(),
            forms: Vec::new(),
            mentions: Vec::new(),
            into: into.map(|into| IntoBefore {
                id: 0,
                name: into.to_string(),
                shared: Vec::new(),
                alias_keys: Vec::new(),
                forms: Vec::new(),
                named_by_user: false,
            }),
            refused: Vec::new(),
        }
    }
}

impl Store {
    /// [`Store::merge_people`], answering with what undoes it ([`Store::restore_person`]).
    pub fn merge_people_undoably(&self, from: &str, into: &str) -> Result<PersonSnapshot> {
        let tx = self.conn.unchecked_transaction()?;
        let (from, into) = (person_named(&tx, from)?, person_named(&tx, into)?);
        let mut snapshot = snapshot(&tx, from)?;
        if from != into {
            snapshot.into = Some(into_before(&tx, into, &snapshot)?);
            merge(&tx, from, into)?;
        }
        tx.commit()?;
        Ok(snapshot)
    }

    /// [`Store::not_a_person`], answering with what undoes it ([`Store::restore_person`]).
    pub fn not_a_person_undoably(&self, name: &str) -> Result<PersonSnapshot> {
        let tx = self.conn.unchecked_transaction()?;
        let id = person_named(&tx, name)?;
        let mut snapshot = snapshot(&tx, id)?;
        snapshot.refused = refuse_name(&tx, id)?;
        tx.commit()?;
        Ok(snapshot)
    }

    /// Brings a merged or refused person back, apart, with their own mentions, aliases and
    /// counts; the person merged into loses what the merge gave them.
    pub fn restore_person(&self, snapshot: &PersonSnapshot) -> Result<u64> {
        let tx = self.conn.unchecked_transaction()?;
        tx.execute(
            "INSERT INTO people (name, key, surname_key, named_by_user) VALUES (?1, ?2, ?3, ?4)",
            params![
                snapshot.name,
                snapshot.key,
                snapshot.surname_key,
                snapshot.named_by_user
            ],
        )?;
        let id = tx.last_insert_rowid();
        put_back(&tx, id, snapshot)?;
        if let Some(into) = &snapshot.into {
            take_back(&tx, into, snapshot)?;
        }
        for key in &snapshot.refused {
            tx.execute("DELETE FROM not_people WHERE key = ?1", [key])?;
        }
        tx.commit()?;
        Ok(snapshot.articles())
    }
}

fn snapshot(conn: &Connection, id: i64) -> Result<PersonSnapshot> {
    let (name, key, surname_key, named_by_user) = conn.query_row(
        "SELECT name, key, surname_key, named_by_user FROM people WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    let mut stmt =
        conn.prepare("SELECT key, alias, by_user FROM person_aliases WHERE person_id = ?1")?;
    let aliases = stmt
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let mut stmt = conn.prepare(
        "SELECT article_id, mentions, first_pos, aliases, date FROM mentions WHERE person_id = ?1",
    )?;
    let mentions = stmt
        .query_map([id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<Result<_, _>>()?;
    Ok(PersonSnapshot {
        name,
        key,
        surname_key,
        named_by_user,
        aliases,
        forms: forms_of(conn, id)?,
        mentions,
        into: None,
        refused: Vec::new(),
    })
}

fn forms_of(conn: &Connection, id: i64) -> Result<Vec<(String, i64)>> {
    let mut stmt = conn.prepare("SELECT form, articles FROM person_forms WHERE person_id = ?1")?;
    let forms = stmt
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    Ok(forms)
}

fn into_before(conn: &Connection, id: i64, from: &PersonSnapshot) -> Result<IntoBefore> {
    let mut had =
        conn.prepare("SELECT 1 FROM mentions WHERE article_id = ?1 AND person_id = ?2")?;
    let mut shared = Vec::new();
    for (article, ..) in &from.mentions {
        if had.exists(params![article, id])? {
            shared.push(*article);
        }
    }
    shared.sort_unstable();
    let mut stmt = conn.prepare("SELECT key FROM person_aliases WHERE person_id = ?1")?;
    let alias_keys = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let named_by_user = conn.query_row(
        "SELECT named_by_user FROM people WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?;
    Ok(IntoBefore {
        id,
        name: person_name(conn, id)?,
        shared,
        alias_keys,
        forms: forms_of(conn, id)?,
        named_by_user,
    })
}

/// The restored person's own aliases, form counts and mentions.
fn put_back(conn: &Connection, id: i64, snapshot: &PersonSnapshot) -> Result<()> {
    let mut alias = conn.prepare(
        "INSERT OR REPLACE INTO person_aliases (key, person_id, alias, by_user)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (key, text, by_user) in &snapshot.aliases {
        alias.execute(params![key, id, text, by_user])?;
    }
    let mut form =
        conn.prepare("INSERT INTO person_forms (person_id, form, articles) VALUES (?1, ?2, ?3)")?;
    for (text, articles) in &snapshot.forms {
        form.execute(params![id, text, articles])?;
    }
    // An article deleted since is left out (its mentions went with it).
    let mut mention = conn.prepare(
        "INSERT OR IGNORE INTO mentions (article_id, person_id, mentions, first_pos, aliases, date)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?1)",
    )?;
    for (article, count, first, aliases, date) in &snapshot.mentions {
        mention.execute(params![article, id, count, first, aliases, date])?;
    }
    Ok(())
}

/// Takes back from the person merged into what the merge gave them.
fn take_back(conn: &Connection, into: &IntoBefore, snapshot: &PersonSnapshot) -> Result<()> {
    let mut lower = conn.prepare(
        "UPDATE mentions SET mentions = max(mentions - ?3, 1) WHERE article_id = ?1 AND person_id = ?2",
    )?;
    let mut drop = conn.prepare("DELETE FROM mentions WHERE article_id = ?1 AND person_id = ?2")?;
    for (article, count, ..) in &snapshot.mentions {
        match into.shared.binary_search(article) {
            Ok(_) => lower.execute(params![article, into.id, count])?,
            Err(_) => drop.execute(params![article, into.id])?,
        };
    }
    let mut keys = conn.prepare("SELECT key FROM person_aliases WHERE person_id = ?1")?;
    let now: Vec<String> = keys
        .query_map([into.id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for key in now.iter().filter(|k| !into.alias_keys.contains(k)) {
        conn.execute(
            "DELETE FROM person_aliases WHERE key = ?1 AND person_id = ?2",
            params![key, into.id],
        )?;
    }
    conn.execute("DELETE FROM person_forms WHERE person_id = ?1", [into.id])?;
    for (form, articles) in &into.forms {
        conn.execute(
            "INSERT INTO person_forms (person_id, form, articles) VALUES (?1, ?2, ?3)",
            params![into.id, form, articles],
        )?;
    }
    conn.execute(
        "UPDATE people SET named_by_user = ?2 WHERE id = ?1",
        params![into.id, into.named_by_user],
    )?;
    Ok(())
}
