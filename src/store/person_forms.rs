//! The canonical name follows the majority: how many articles name each person by each full
//! form, counted as articles come and go, and the person renamed when another form leads.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension};

use super::Result;
use crate::people::{person_key, surname_key};

/// Changes to the form counts not yet written: (person, form as written) → change. Spellings
/// are counted apart ("Zelensky" and "Zelenskyy" fold to one key): the name is the one most
/// articles write. Summed in memory over a transaction and written once at its end, so a person
/// named in every article of a batch costs one row update, not one per article.
#[derive(Default)]
pub(super) struct FormCounts {
    pending: HashMap<(i64, String), i64>,
    /// Each person's name and how many articles use it, as last read or written (kept while
    /// the import's other caches are: see [`super::settled::Settled`]).
    names: HashMap<i64, Named>,
}

/// A person's current name, its count, and whether the user chose it.
#[derive(Clone)]
struct Named {
    name: String,
    articles: i64,
    by_user: bool,
}

impl FormCounts {
    /// Counts `form` once more (or, with `by` = -1, once less) for `person_id`, when it is a
    /// full form: a surname alone or an initial ("V. Zelensky") never becomes the name.
    pub(super) fn count(&mut self, person_id: i64, form: &str, by: i64) {
        if is_full_form(form) {
            *self
                .pending
                .entry((person_id, form.to_string()))
                .or_default() += by;
        }
    }

    /// Forgets the changes of a transaction that did not commit (`all`: and the names read,
    /// when another connection may have changed them).
    pub(super) fn clear(&mut self, all: bool) {
        self.pending.clear();
        if all {
            self.names.clear();
        }
    }

    /// Writes the counts, then renames each person whose leading form changed (unless the user
    /// named them). Runs inside the transaction that made the changes.
    pub(super) fn flush(&mut self, conn: &Connection) -> Result<()> {
        let mut add = conn.prepare_cached(
            "INSERT INTO person_forms (person_id, form, articles) VALUES (?1, ?2, ?3)
             ON CONFLICT (person_id, form) DO UPDATE SET articles = articles + ?3
             RETURNING articles",
        )?;
        // A form counted out may predate the counts (a store from before them): never below 0.
        let mut remove = conn.prepare_cached(
            "UPDATE person_forms SET articles = max(articles + ?3, 0)
             WHERE person_id = ?1 AND form = ?2",
        )?;
        let mut grown: HashMap<i64, Vec<(String, i64)>> = HashMap::new();
        let mut shrunk: Vec<i64> = Vec::new();
        for ((person_id, form), by) in self.pending.drain() {
            match by {
                0 => {}
                1.. => {
                    let now: i64 = add.query_row(params![person_id, form, by], |r| r.get(0))?;
                    grown.entry(person_id).or_default().push((form, now));
                }
                _ => {
                    remove.execute(params![person_id, form, by])?;
                    shrunk.push(person_id);
                }
            }
        }
        // A name counted out may lose its lead to a form this batch did not touch.
        shrunk.sort_unstable();
        shrunk.dedup();
        for person_id in shrunk {
            self.names.remove(&person_id);
            grown.remove(&person_id);
            follow_majority(conn, person_id)?;
        }
        for (person_id, forms) in grown {
            self.follow_grown(conn, person_id, &forms)?;
        }
        Ok(())
    }

    /// [`follow_majority`] when only these forms grew: the leader is among them or the name.
    fn follow_grown(
        &mut self,
        conn: &Connection,
        person_id: i64,
        grown: &[(String, i64)],
    ) -> Result<()> {
        let mut named = match self.names.get(&person_id) {
            Some(named) => named.clone(),
            None => named(conn, person_id)?,
        };
        if let Some((_, now)) = grown.iter().find(|(form, _)| *form == named.name) {
            named.articles = *now;
        }
        let leader = grown
            .iter()
            .filter(|(form, now)| *form != named.name && *now > named.articles)
            .max_by_key(|(_, now)| *now);
        if let (Some((form, now)), false) = (leader, named.by_user) {
            if rename(conn, person_id, form)? {
                named.name = form.clone();
                named.articles = *now;
            }
        }
        self.names.insert(person_id, named);
        Ok(())
    }
}

/// A person's name as stored, with its count.
fn named(conn: &Connection, person_id: i64) -> Result<Named> {
    Ok(conn
        .prepare_cached(
            "SELECT p.name, coalesce(f.articles, 0), p.named_by_user FROM people p
             LEFT JOIN person_forms f ON f.person_id = p.id AND f.form = p.name
             WHERE p.id = ?1",
        )?
        .query_row([person_id], |r| {
            Ok(Named {
                name: r.get(0)?,
                articles: r.get(1)?,
                by_user: r.get(2)?,
            })
        })?)
}

/// Renames a person to `form`; `false` when another person already has that name.
fn rename(conn: &Connection, person_id: i64, form: &str) -> Result<bool> {
    let changed = conn
        .prepare_cached(
            "UPDATE OR IGNORE people SET name = ?2, key = ?3, surname_key = ?4 WHERE id = ?1",
        )?
        .execute(params![
            person_id,
            form,
            person_key(form),
            surname_key(form)
        ])?;
    Ok(changed == 1)
}

/// Whether a form has a full given name: a surname alone or an initial is never the name.
fn is_full_form(form: &str) -> bool {
    let key = person_key(form);
    key.split_once(' ')
        .is_some_and(|(given, _)| given.chars().count() > 1)
}

/// Renames the person to their most frequent full form when it names more articles than the
/// current name does. Ties keep the current name, so names do not flap; a name another person
/// already has is left alone (`OR IGNORE`), as is a name the user chose.
pub(super) fn follow_majority(conn: &Connection, person_id: i64) -> Result<()> {
    let leader: Option<(String, i64, i64, bool)> = conn
        .prepare_cached(
            "SELECT f.form, f.articles,
                coalesce((SELECT c.articles FROM person_forms c
                          WHERE c.person_id = p.id AND c.form = p.name), 0),
                p.named_by_user
             FROM people p JOIN person_forms f ON f.person_id = p.id
             WHERE p.id = ?1 AND f.form != p.name
             ORDER BY f.articles DESC LIMIT 1",
        )?
        .query_row([person_id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .optional()?;
    let Some((form, leads_with, current, by_user)) = leader else {
        return Ok(());
    };
    if by_user || leads_with <= current {
        return Ok(());
    }
    conn.prepare_cached(
        "UPDATE OR IGNORE people SET name = ?2, key = ?3, surname_key = ?4 WHERE id = ?1",
    )?
    .execute(params![
        person_id,
        form,
        person_key(&form),
        surname_key(&form)
    ])?;
    Ok(())
}

/// Counts out the forms of an article's stored mentions (before they are replaced or the
/// article deleted): the form each mention was counted under is the first line of its aliases.
pub(super) fn forget_article(
    conn: &Connection,
    article_id: i64,
    counts: &mut FormCounts,
) -> Result<()> {
    let mut stmt =
        conn.prepare_cached("SELECT person_id, aliases FROM mentions WHERE article_id = ?1")?;
    let rows = stmt.query_map([article_id], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
    })?;
    for row in rows {
        let (person_id, aliases) = row?;
        let form = aliases.lines().next().unwrap_or_default();
        counts.count(person_id, form, -1);
    }
    Ok(())
}

/// Counts every form again from the stored mentions (after `reindex`, whose rewrites give every
/// mention its article's own name first), then lets each person's majority name them.
pub(super) fn recount(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "DELETE FROM person_forms;
         INSERT INTO person_forms (person_id, form, articles)
         SELECT person_id, form, count(*) FROM (
             SELECT person_id, CASE WHEN instr(aliases, char(10)) > 0
                 THEN substr(aliases, 1, instr(aliases, char(10)) - 1) ELSE aliases END AS form
             FROM mentions)
         WHERE instr(form, ' ') > 0 GROUP BY person_id, form;",
    )?;
    let mut partial = Vec::new();
    let mut forms = conn.prepare("SELECT DISTINCT form FROM person_forms")?;
    for form in forms.query_map([], |r| r.get::<_, String>(0))? {
        let form = form?;
        if !is_full_form(&form) {
            partial.push(form);
        }
    }
    let mut drop = conn.prepare("DELETE FROM person_forms WHERE form = ?1")?;
    for form in partial {
        drop.execute([form])?;
    }
    let mut people = conn.prepare("SELECT id FROM people WHERE named_by_user = 0")?;
    let ids = people
        .query_map([], |r| r.get::<_, i64>(0))?
        .collect::<Result<Vec<i64>, _>>()?;
    for id in ids {
        follow_majority(conn, id)?;
    }
    Ok(())
}

/// The aliases text of a mention: the article's own name for the person first (the form it is
/// counted under), then its other surface forms.
pub(super) fn aliases_text(name: &str, aliases: &[String]) -> String {
    let mut text = name.to_string();
    for alias in aliases.iter().filter(|a| a.as_str() != name) {
        text.push('\n');
        text.push_str(alias);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_full_given_names_are_forms() {
        assert!(is_full_form("Friedrich Merz"));
        assert!(!is_full_form("Merz"));
        assert!(!is_full_form("F. Merz"));
    }

    #[test]
    fn the_article_name_comes_first_in_the_aliases() {
        let aliases = ["Merz".to_string(), "Friedrich Merz".to_string()];
        assert_eq!(
            aliases_text("Friedrich Merz", &aliases),
            "Friedrich Merz\nMerz"
        );
    }
}
