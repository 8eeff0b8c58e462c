//! What an import has settled so far: the stored ids of the people and sources it has met.

use std::collections::HashMap;

use rusqlite::Transaction;

use super::person_forms::FormCounts;
use super::person_join::KnownOnDay;
use super::Result;

/// The stored ids of the people and sources an import has settled. Settling the same person
/// (name and aliases) or source (name and URL domain) again gives the same id (the first time
/// stored its aliases), so the lookups and alias inserts are skipped: the most mentioned
/// people are in half of the articles, and every article has a source.
///
/// Kept from one transaction of an import to the next only while no other connection has
/// committed (`data_version`), and only after a commit: a rolled-back transaction takes its new
/// people and sources with it.
#[derive(Default)]
pub struct Settled {
    people: HashMap<String, Vec<(Vec<String>, i64)>>,
    /// (name, URL domain, id): an import meets few sources, so a list is searched.
    sources: Vec<(String, Option<String>, i64)>,
    /// `data_version` when the ids were last committed; `None` while a transaction is open.
    committed_at: Option<i64>,
    /// `data_version` seen by the open transaction.
    open_at: i64,
    /// The open transaction's changes to how often each person is named by each form.
    pub(super) forms: FormCounts,
    /// Whom a surname said alone was found to be, by day (`person_join.rs`).
    pub(super) known: KnownOnDay,
}

impl Settled {
    /// At the start of a write transaction (the write lock held, so nobody else commits until
    /// it ends): forgets the ids unless they are still what the store holds.
    pub(super) fn begin(&mut self, tx: &Transaction) -> Result<()> {
        let version: i64 = tx.query_row("PRAGMA data_version", [], |r| r.get(0))?;
        let unchanged = self.committed_at.take() == Some(version);
        if !unchanged {
            self.people.clear();
            self.sources.clear();
            self.known.clear();
        }
        self.open_at = version;
        self.forms.clear(!unchanged);
        Ok(())
    }

    /// The transaction committed: its ids may serve the next one.
    pub(super) fn committed(&mut self) {
        self.committed_at = Some(self.open_at);
    }

    /// How many people (name and aliases) are settled.
    #[cfg(test)]
    pub(super) fn people_len(&self) -> usize {
        self.people.values().map(Vec::len).sum()
    }

    pub(super) fn person(&self, name: &str, aliases: &[String]) -> Option<i64> {
        let variants = self.people.get(name)?;
        variants
            .iter()
            .find(|(seen, _)| seen.as_slice() == aliases)
            .map(|(_, id)| *id)
    }

    pub(super) fn settle_person(&mut self, name: &str, aliases: &[String], id: i64) {
        let variants = self.people.entry(name.to_string()).or_default();
        variants.push((aliases.to_vec(), id));
    }

    pub(super) fn source(&self, name: &str, domain: Option<&str>) -> Option<i64> {
        self.sources
            .iter()
            .find(|(n, d, _)| n == name && d.as_deref() == domain)
            .map(|(_, _, id)| *id)
    }

    pub(super) fn settle_source(&mut self, name: &str, domain: Option<&str>, id: i64) {
        let entry = (name.to_string(), domain.map(str::to_string), id);
        self.sources.push(entry);
    }
}
