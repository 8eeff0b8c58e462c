//! Which known person a surname said alone joins: the one full name the store knows around the
//! article's date (by surname, or for a family name written first, by the name's first word),
//! and among several, the one its source names; never a guess between two.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use rusqlite::{params, Connection};

use super::Result;

/// How far either side of an article's date a full name counts as "known around" it. A month
/// covers a story's run (a summit, a trial) while keeping apart namesakes years apart.
pub const WINDOW_DAYS: u64 = 30;

/// Where a mention stands: its article, and the article's date.
#[derive(Clone, Copy, Debug)]
pub(super) struct Around {
    pub article_id: i64,
    pub date: Option<NaiveDate>,
}

/// What the window says about a surname said alone.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Known {
    /// One full name with this surname is known around the article (or, among several, only
    /// one in its source).
    One(i64),
    /// Several are, even in its source: the surname stays a person of its own.
    Several,
    /// None is (or the article has no date): the store-wide rules decide.
    Nobody,
}

/// The one person a surname said alone on a date was found to be, kept for the rest of an
/// import (see [`super::settled::Settled`]): the best known are named so most often, on every
/// day of the store.
pub(super) type KnownOnDay = HashMap<(String, NaiveDate), i64>;

/// The full-named people with this surname (`word_key` being the word said alone, folded as a
/// person's key) mentioned within [`WINDOW_DAYS`] of the article.
pub(super) fn known_around(
    conn: &Connection,
    word_key: &str,
    surname_key: &str,
    around: Around,
    known: &mut KnownOnDay,
) -> Result<Known> {
    let Some(date) = around.date else {
        return Ok(Known::Nobody);
    };
    let day_key = (surname_key.to_string(), date);
    if let Some(id) = known.get(&day_key) {
        return Ok(Known::One(*id));
    }
    let Some((from, to)) = window(date) else {
        return Ok(Known::Nobody);
    };
    let mut stmt = conn.prepare_cached(
        "SELECT p.id FROM people p
         WHERE p.surname_key = ?1 AND instr(p.key, ' ') > 0
           AND EXISTS (SELECT 1 FROM mentions m
                       WHERE m.person_id = p.id AND m.date BETWEEN ?2 AND ?3)
         LIMIT 16",
    )?;
    let mut nearby = stmt
        .query_map(params![surname_key, from, to], |r| r.get::<_, i64>(0))?
        .collect::<Result<Vec<i64>, _>>()?;
    if nearby.is_empty() && crate::people::may_be_family_name_first(word_key) {
        nearby = opening_with(conn, word_key, (&from, &to))?;
    }
    match nearby.as_slice() {
        [] => Ok(Known::Nobody),
        [id] => {
            known.insert(day_key, *id);
            Ok(Known::One(*id))
        }
        several => in_same_source(conn, several, around.article_id, (&from, &to)),
    }
}

/// The full-named people whose name opens with `word`, mentioned in the window: "Xi" said alone
/// and the "Xi Jinping" whose surname key is "jinping". A range of the `people_key` index.
fn opening_with(conn: &Connection, word: &str, (from, to): (&str, &str)) -> Result<Vec<i64>> {
    // Keys are lowercase words joined by single spaces: "xi " up to "xi!" holds every key
    // whose first word is "xi".
    let (low, high) = (format!("{word} "), format!("{word}!"));
    let mut stmt = conn.prepare_cached(
        "SELECT p.id FROM people p
         WHERE p.key >= ?1 AND p.key < ?2
           AND EXISTS (SELECT 1 FROM mentions m
                       WHERE m.person_id = p.id AND m.date BETWEEN ?3 AND ?4)
         LIMIT 16",
    )?;
    let ids = stmt
        .query_map(params![low, high, from, to], |r| r.get::<_, i64>(0))?
        .collect::<Result<Vec<i64>, _>>()?;
    Ok(ids)
}

/// Among several people known around the article, the one its own source names in the window.
fn in_same_source(
    conn: &Connection,
    people: &[i64],
    article_id: i64,
    (from, to): (&str, &str),
) -> Result<Known> {
    let mut stmt = conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM mentions m JOIN articles a ON a.id = m.article_id
                        WHERE m.person_id = ?1 AND m.date BETWEEN ?2 AND ?3
                          AND a.source_id = (SELECT source_id FROM articles WHERE id = ?4))",
    )?;
    let mut found = None;
    for &id in people {
        if stmt.query_row(params![id, from, to, article_id], |r| r.get::<_, bool>(0))? {
            if found.is_some() {
                return Ok(Known::Several);
            }
            found = Some(id);
        }
    }
    Ok(found.map_or(Known::Several, Known::One))
}

/// The window's bounds as stored dates (`YYYY-MM-DD` compares as text).
fn window(date: NaiveDate) -> Option<(String, String)> {
    let from = date.checked_sub_days(Days::new(WINDOW_DAYS))?;
    let to = date.checked_add_days(Days::new(WINDOW_DAYS))?;
    Some((from.to_string(), to.to_string()))
}
