//! Saved searches: named queries kept in the store, and `@name` expanded to the saved query's
//! terms before a query compiles (an unknown name or a search that refers to itself refused).

use chrono::NaiveDate;
use rusqlite::OptionalExtension;

use super::{Result, Store, StoreError};
use crate::query::{is_saved_name, parse, Flag, Query, QueryError, Term, TermKind};
use crate::query::{MAX_QUERY_TERMS, MAX_SAVED_NAME};

/// A saved search: its name and its query in canonical form.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SavedSearch {
    pub name: String,
    pub query: String,
}

/// A saved search with how many articles it matches and how many of them are unread; `None`
/// when it cannot run (it refers to a search that is gone).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SavedCount {
    #[serde(flatten)]
    pub search: SavedSearch,
    pub articles: Option<u64>,
    pub unread: Option<u64>,
}

impl Store {
    /// Every saved search, by name.
    pub fn saved_searches(&self) -> Result<Vec<SavedSearch>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT name, query FROM saved_searches ORDER BY name")?;
        let rows = stmt.query_map([], |r| {
            Ok(SavedSearch {
                name: r.get(0)?,
                query: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The saved search called `name` (any case).
    pub fn saved_search(&self, name: &str) -> Result<Option<SavedSearch>> {
        let sql = "SELECT name, query FROM saved_searches WHERE name = ?1";
        let row = self.conn.query_row(sql, [name], |r| {
            Ok(SavedSearch {
                name: r.get(0)?,
                query: r.get(1)?,
            })
        });
        Ok(row.optional()?)
    }

    /// Saves `query` as `name`; an existing name is replaced only when `force`. A query that
    /// refers to an unknown search or, through any chain, to `name` itself is refused.
    pub fn save_search(&self, name: &str, query: &Query, force: bool) -> Result<SavedSearch> {
        if !is_saved_name(name) {
            return Err(StoreError::BadSearchName(name.to_string()));
        }
        let existing = self.saved_search(name)?;
        if existing.is_some() && !force {
            return Err(StoreError::SearchExists(name.to_string()));
        }
        let mut chain = vec![name.to_string()];
        self.expand_terms(query, &mut chain, None, &mut Vec::new())?;
        // Replacing keeps the name as first written, so `@News` and `@news` stay one search.
        let name = existing.map_or(name.to_string(), |search| search.name);
        let text = query.to_string();
        self.conn.execute(
            "INSERT INTO saved_searches (name, query, created_at) VALUES (?1, ?2, CAST(strftime('%s', 'now') AS INTEGER))
             ON CONFLICT (name) DO UPDATE SET query = excluded.query",
            (&name, &text),
        )?;
        Ok(SavedSearch { name, query: text })
    }

    /// Removes a saved search; one that other searches use is refused, naming them.
    pub fn remove_search(&self, name: &str) -> Result<()> {
        let search = self.existing(name)?;
        let users: Vec<String> = self
            .saved_searches()?
            .into_iter()
            .filter(|other| uses(&other.query, &search.name))
            .map(|other| format!("@{}", other.name))
            .collect();
        if !users.is_empty() {
            let users = users.join(", ");
            return Err(StoreError::SearchInUse {
                name: search.name,
                users,
            });
        }
        let sql = "DELETE FROM saved_searches WHERE name = ?1";
        self.conn.execute(sql, [&search.name])?;
        Ok(())
    }

    /// Renames a saved search, and the `@old` in the searches that use it.
    pub fn rename_search(&self, old: &str, new: &str) -> Result<()> {
        let search = self.existing(old)?;
        if !is_saved_name(new) {
            return Err(StoreError::BadSearchName(new.to_string()));
        }
        if !new.eq_ignore_ascii_case(&search.name) && self.saved_search(new)?.is_some() {
            return Err(StoreError::SearchExists(new.to_string()));
        }
        let tx = self.conn.unchecked_transaction()?;
        let sql = "UPDATE saved_searches SET name = ?2 WHERE name = ?1";
        tx.execute(sql, (&search.name, new))?;
        for other in self.saved_searches()? {
            if let Some(text) = renamed(&other.query, &search.name, new) {
                let sql = "UPDATE saved_searches SET query = ?2 WHERE name = ?1";
                tx.execute(sql, (&other.name, &text))?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Every saved search with its counts of articles and of unread ones.
    pub fn saved_counts(&self, today: NaiveDate) -> Result<Vec<SavedCount>> {
        let mut counts = Vec::new();
        for search in self.saved_searches()? {
            let at = Query {
                terms: vec![Term::new(false, TermKind::Saved(search.name.clone()))],
            };
            let unread = at.with_term(Term::new(false, TermKind::Is(Flag::Unread)));
            let count = |query: &Query| match self.count(query, today) {
                Err(StoreError::Query(_)) => Ok(None),
                other => other.map(Some),
            };
            counts.push(SavedCount {
                articles: count(&at)?,
                unread: count(&unread)?,
                search,
            });
        }
        Ok(counts)
    }

    /// `query` with every `@name` replaced by the saved query's terms, each spanning the
    /// `@name` it came from, so errors and highlights point into what was typed.
    pub fn expand(&self, query: &Query) -> Result<Query> {
        if !query
            .terms
            .iter()
            .any(|term| matches!(term.kind, TermKind::Saved(_)))
        {
            return Ok(query.clone());
        }
        let mut terms = Vec::new();
        self.expand_terms(query, &mut Vec::new(), None, &mut terms)?;
        Ok(Query { terms })
    }

    /// Appends `query`'s terms to `out`, expanded; `chain` holds the searches being expanded
    /// and `from` the term typed by the user that led here.
    fn expand_terms(
        &self,
        query: &Query,
        chain: &mut Vec<String>,
        from: Option<&Term>,
        out: &mut Vec<Term>,
    ) -> Result<()> {
        for term in &query.terms {
            let typed = from.unwrap_or(term);
            let TermKind::Saved(name) = &term.kind else {
                if out.len() == MAX_QUERY_TERMS {
                    let message = format!("expands to more than {MAX_QUERY_TERMS} terms");
                    return Err(term_error(typed, message));
                }
                out.push(Term {
                    span: typed.span.clone(),
                    ..term.clone()
                });
                continue;
            };
            self.expand_name(name, chain, typed, out)?;
        }
        Ok(())
    }

    fn expand_name(
        &self,
        name: &str,
        chain: &mut Vec<String>,
        typed: &Term,
        out: &mut Vec<Term>,
    ) -> Result<()> {
        if let Some(at) = chain.iter().position(|n| n.eq_ignore_ascii_case(name)) {
            let path: Vec<String> = chain[at..].iter().map(|n| format!("@{n}")).collect();
            let message = format!(
                "the saved search @{name} refers to itself ({} → @{name})",
                path.join(" → ")
            );
            return Err(term_error(typed, message));
        }
        let Some(search) = self.saved_search(name)? else {
            let message = match chain.last() {
                Some(user) => {
                    format!("the saved search @{user} uses @{name}, which does not exist")
                }
                None => format!("no saved search is called @{name} (`byline search list`)"),
            };
            return Err(term_error(typed, message));
        };
        let saved = parse(&search.query).map_err(|err| {
            term_error(
                typed,
                format!("the saved search @{name} is not valid: {err}"),
            )
        })?;
        chain.push(search.name);
        let expanded = self.expand_terms(&saved, chain, Some(typed), out);
        chain.pop();
        expanded
    }

    fn existing(&self, name: &str) -> Result<SavedSearch> {
        self.saved_search(name)?
            .ok_or_else(|| StoreError::NoSuchSearch(name.to_string()))
    }
}

/// An error about the term `term` as typed.
fn term_error(term: &Term, message: String) -> StoreError {
    StoreError::Query(QueryError {
        column: term.span.start + 1,
        span: term.span.clone(),
        term: term.to_string(),
        message,
    })
}

/// Whether the saved query `text` has `@name`.
fn uses(text: &str, name: &str) -> bool {
    parse(text).is_ok_and(|query| {
        query
            .terms
            .iter()
            .any(|t| matches!(&t.kind, TermKind::Saved(n) if n.eq_ignore_ascii_case(name)))
    })
}

/// The saved query `text` with `@old` made `@new`, if it has `@old`.
fn renamed(text: &str, old: &str, new: &str) -> Option<String> {
    let mut query = parse(text).ok()?;
    let mut changed = false;
    for term in &mut query.terms {
        if matches!(&term.kind, TermKind::Saved(n) if n.eq_ignore_ascii_case(old)) {
            term.kind = TermKind::Saved(new.to_string());
            changed = true;
        }
    }
    changed.then(|| query.to_string())
}

const _: () = assert!(MAX_SAVED_NAME == 64); // the limit BadSearchName's message states
