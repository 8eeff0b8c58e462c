//! Writing an article's mentions, settling the people they name and counting the names used.

use rusqlite::{params, Transaction};

use super::names::ensure_person;
use super::person_forms::{aliases_text, forget_article};
use super::person_join::Around;
use super::settled::Settled;
use super::Result;
use crate::model::Article;

/// Writes the article's mentions, replacing its old ones unless it is `fresh` (just inserted);
/// variants that settle on one stored person are summed.
pub(super) fn write_mentions(
    tx: &Transaction,
    article_id: i64,
    article: &Article,
    people: &mut Settled,
    fresh: bool,
) -> Result<()> {
    if !fresh {
        forget_article(tx, article_id, &mut people.forms)?;
        tx.prepare_cached("DELETE FROM mentions WHERE article_id = ?1")?
            .execute([article_id])?;
    }
    let around = Around {
        article_id,
        date: article.parsed.date,
    };
    let date = around.date.map(|d| d.to_string());
    let mut insert = tx.prepare_cached(
        "INSERT INTO mentions (article_id, person_id, mentions, first_pos, aliases, date)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (article_id, person_id) DO UPDATE SET
            mentions = mentions + excluded.mentions,
            first_pos = min(first_pos, excluded.first_pos),
            aliases = aliases || char(10) || excluded.aliases",
    )?;
    let mut refused =
        tx.prepare_cached("SELECT EXISTS (SELECT 1 FROM not_people WHERE key = ?1)")?;
    for person in &article.people {
        // The user said this name is not a person (`byline person not-a-person`).
        let key = crate::people::person_key(&person.name);
        if refused.query_row([&key], |r| r.get::<_, bool>(0))? {
            continue;
        }
        // A surname said alone is settled article by article: who it is depends on the
        // article's date and source (person_join.rs).
        let alone = !key.contains(' ');
        let person_id = match people
            .person(&person.name, &person.aliases)
            .filter(|_| !alone)
        {
            Some(id) => id,
            None => {
                let id =
                    ensure_person(tx, &person.name, &person.aliases, around, &mut people.known)?;
                if !alone {
                    people.settle_person(&person.name, &person.aliases, id);
                }
                id
            }
        };
        people.forms.count(person_id, &person.name, 1);
        insert.execute(params![
            article_id,
            person_id,
            person.mentions,
            person.first_pos as i64,
            aliases_text(&person.name, &person.aliases),
            date,
        ])?;
    }
    Ok(())
}
