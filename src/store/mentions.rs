//! Writing an article's mentions, and the people an import has settled so far.

use std::collections::HashMap;

use rusqlite::{params, Transaction};

use super::names::ensure_person;
use super::Result;
use crate::model::Article;

/// The stored person of each (name, aliases) an import has settled. Settling the same name and
/// aliases again gives the same id (the first time stored the name's key as an alias), so the
/// lookups and alias inserts are skipped: the most mentioned people are in half of the articles.
///
/// Kept from one transaction of an import to the next only while no other connection has
/// committed (`data_version`), and only after a commit: a rolled-back transaction takes its new
/// people with it.
#[derive(Default)]
pub struct SettledPeople {
    by_name: HashMap<String, Vec<(Vec<String>, i64)>>,
    /// `data_version` when the ids were last committed; `None` while a transaction is open.
    committed_at: Option<i64>,
    /// `data_version` seen by the open transaction.
    open_at: i64,
}

impl SettledPeople {
    /// At the start of a write transaction (the write lock held, so nobody else commits until
    /// it ends): forgets the ids unless they are still what the store holds.
    pub(super) fn begin(&mut self, tx: &Transaction) -> Result<()> {
        let version: i64 = tx.query_row("PRAGMA data_version", [], |r| r.get(0))?;
        if self.committed_at.take() != Some(version) {
            self.by_name.clear();
        }
        self.open_at = version;
        Ok(())
    }

    /// The transaction committed: its ids may serve the next one.
    pub(super) fn committed(&mut self) {
        self.committed_at = Some(self.open_at);
    }

    /// How many (name, aliases) are settled.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.by_name.values().map(Vec::len).sum()
    }

    fn get(&self, name: &str, aliases: &[String]) -> Option<i64> {
        let variants = self.by_name.get(name)?;
        variants
            .iter()
            .find(|(seen, _)| seen.as_slice() == aliases)
            .map(|(_, id)| *id)
    }

    fn insert(&mut self, name: &str, aliases: &[String], id: i64) {
        let variants = self.by_name.entry(name.to_string()).or_default();
        variants.push((aliases.to_vec(), id));
    }
}

/// Writes the article's mentions, replacing its old ones unless it is `fresh` (just inserted);
/// variants that settle on one stored person are summed.
pub(super) fn write_mentions(
    tx: &Transaction,
    article_id: i64,
    article: &Article,
    people: &mut SettledPeople,
    fresh: bool,
) -> Result<()> {
    if !fresh {
        tx.prepare_cached("DELETE FROM mentions WHERE article_id = ?1")?
            .execute([article_id])?;
    }
    let date = article.parsed.date.map(|d| d.to_string());
    let mut insert = tx.prepare_cached(
        "INSERT INTO mentions (article_id, person_id, mentions, first_pos, aliases, date)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (article_id, person_id) DO UPDATE SET
            mentions = mentions + excluded.mentions,
            first_pos = min(first_pos, excluded.first_pos),
            aliases = aliases || char(10) || excluded.aliases",
    )?;
    for person in &article.people {
        let person_id = match people.get(&person.name, &person.aliases) {
            Some(id) => id,
            None => {
                let id = ensure_person(tx, &person.name, &person.aliases)?;
                people.insert(&person.name, &person.aliases, id);
                id
            }
        };
        insert.execute(params![
            article_id,
            person_id,
            person.mentions,
            person.first_pos as i64,
            person.aliases.join("\n"),
            date,
        ])?;
    }
    Ok(())
}
