//! Compiling a parsed query to SQL: FTS5 for words, id sets for sources and people, date
//! ranges, and the faster plans a query allows (a person's index walk, a date-index walk).
//! User text only ever reaches SQLite as a bound parameter or a quoted FTS5 string.

use chrono::NaiveDate;
use rusqlite::types::Value;

use super::names::{resolve_person, resolve_source};
use super::{Result, Store};
use crate::query::{Flag, TermKind};

/// A query compiled to a boolean SQL expression over `articles AS a`, with its parameters.
#[derive(Debug, Default, Clone)]
pub(super) struct Filter {
    pub sql: String,
    pub params: Vec<Value>,
    /// When every term is a positive word or phrase: where the MATCH text sits in `params`, so
    /// the count can come from the full-text index alone.
    pub words_only: Option<usize>,
    /// When the query names a person: that person's ids, and the condition without that term.
    /// Lists and counts then walk `mentions_person` (newest first) instead of all articles.
    pub person: Option<PersonDriver>,
    /// When the terms are positive words and dates only, or one surname naming several people
    /// and dates: the condition with that set tested as each article of the date index is
    /// walked, and the set (see `Store::walk_pays`).
    pub walking_dates: Option<(String, WalkSet)>,
    /// When the terms are one surname naming several people and dates: the condition over their
    /// mentions (`m`) alone, for counts and histograms that never read an article.
    pub people_only: Option<String>,
    /// When the positive words could be tested in memory (another index can drive): where
    /// their MATCH text sits in `params`.
    pub words_may_load: Option<usize>,
    /// A positive source or date term: an index other than the words' can drive the query.
    pub index_driver: bool,
}

/// The set of articles a date-index walk tests each article against.
#[derive(Debug, Clone)]
pub(super) enum WalkSet {
    /// The words' matches: the MATCH text is `params[i]`.
    Words(usize),
    /// The articles mentioning any of these people (ids inlined, comma-separated).
    People(String),
}

impl Filter {
    /// `FROM … WHERE …` over the matching articles as `a`, with `joins` after the articles: walked
    /// from the person's mentions (as `m`) when the query has a driving person, so facets of a
    /// person filter never scan the whole store.
    pub(super) fn matching_articles(&self, joins: &str) -> String {
        match &self.person {
            Some(person) => format!(
                "FROM mentions m CROSS JOIN articles a ON a.id = m.article_id {joins}
                 WHERE m.person_id = {} AND {}",
                person.ids, person.rest_sql
            ),
            None => format!("FROM articles a {joins} WHERE {}", self.sql),
        }
    }
}

#[derive(Debug, Clone)]
pub(super) struct PersonDriver {
    pub ids: String,
    /// The other conditions, plus the date bounds again over the index's `m.date`.
    pub rest_sql: String,
    /// When the other terms are all dates: the condition over `mentions` alone.
    pub index_only: Option<String>,
    /// The person's mentions within the query's dates (`SELECT 1 …`), to size the walk.
    pub walk_probe: String,
    /// The articles of the query's sources within its dates (`SELECT 1 …`), when it names
    /// sources: their index may be the shorter walk.
    pub source_probe: Option<String>,
}

/// The condition of a query that can match nothing (it names an unknown person or source).
pub(super) const NOTHING: &str = "0";

/// The articles matching the words whose MATCH text is `params[at]`. Parameters are numbered
/// (`?N`), so conditions can be reordered without changing what binds where.
pub(super) fn fts_rowids(at: usize) -> String {
    format!(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?{}",
        at + 1
    )
}

/// Builds a [`Filter`] term by term.
#[derive(Default)]
pub(super) struct Compiler {
    parts: Vec<String>,
    params: Vec<Value>,
    sources: Option<Vec<i64>>,
    fts: Vec<String>,
    /// A positive source term was seen.
    sources_named: bool,
    /// Positive person terms naming several people (a shared surname): index in `parts`, ids.
    person_sets: Vec<(usize, String)>,
    /// The first positive single-person term: its index in `parts` and its id.
    person: Option<(usize, i64)>,
    /// Positive date bounds, again over `m.date` for the person's index walk.
    mention_dates: Vec<String>,
    /// Where those date bounds sit in `parts` (over `a.date`; the walk uses `m.date` instead).
    date_parts: Vec<usize>,
    /// Terms other than positive words and phrases.
    other_terms: usize,
    /// A positive source or person term names nobody the store knows: nothing can match.
    matches_nothing: bool,
    /// Test the positive words with `byline_words` (their matches loaded in memory) instead of
    /// a subquery SQLite turns into a temporary index per statement.
    pub(super) words_in_memory: bool,
}

impl Compiler {
    pub(super) fn term(
        &mut self,
        store: &Store,
        neg: bool,
        kind: &TermKind,
        today: NaiveDate,
    ) -> Result<()> {
        if neg || !matches!(kind, TermKind::Word(_) | TermKind::Phrase(_)) {
            self.other_terms += 1;
        }
        let condition = match kind {
            TermKind::Word(text) | TermKind::Phrase(text) => {
                let Some(phrase) = fts_phrase(text) else {
                    return Ok(()); // nothing searchable in it (only punctuation)
                };
                if !neg {
                    self.fts.push(phrase);
                    return Ok(());
                }
                self.params.push(Value::Text(phrase));
                format!("a.id IN ({})", fts_rowids(self.params.len() - 1))
            }
            TermKind::Source(name) => {
                let ids = resolve_source(&store.conn, name)?;
                self.matches_nothing |= !neg && ids.is_empty();
                if !neg {
                    self.sources_named = true;
                    self.sources.get_or_insert_with(Vec::new).extend(ids);
                    return Ok(());
                }
                format!("a.source_id IN ({})", id_list(&ids))
            }
            TermKind::Person(name) => {
                let ids = resolve_person(&store.conn, name)?;
                // Typing `person:Ren` on the way to `person:Renshaw` names nobody yet: answer at
                // once instead of probing every article for nobody's mentions.
                self.matches_nothing |= !neg && ids.is_empty();
                // One person: its index rows are unique per article and in date order. Several
                // (a bare surname shared by two people) take the general path.
                if let ([id], false, None) = (ids.as_slice(), neg, self.person) {
                    self.person = Some((self.parts.len(), *id));
                }
                if !neg && ids.len() > 1 {
                    let ids = id_list(&ids);
                    self.person_sets.push((self.parts.len(), ids.clone()));
                    // A set, not a probe per article: SQLite may seek each of a rare set's
                    // articles, and counts need not visit every article of the store.
                    return self.push(format!("a.id IN ({})", people_articles(&ids)));
                }
                format!(
                    "EXISTS (SELECT 1 FROM mentions x WHERE x.article_id = a.id AND x.person_id IN ({}))",
                    id_list(&ids)
                )
            }
            TermKind::Tag(name) => {
                let ids = super::feeds::feeds_tagged(&store.conn, name)?;
                let items = super::feeds::items_tagged(&store.conn, name)?;
                self.matches_nothing |= !neg && ids.is_empty() && !items;
                if !items {
                    format!("a.feed_id IN ({})", id_list(&ids))
                } else {
                    self.params.push(Value::Text(name.trim().to_string()));
                    let at = self.params.len();
                    format!(
                        "(a.feed_id IN ({}) OR a.id IN (SELECT article_id FROM article_tags WHERE tag = ?{at}))",
                        id_list(&ids)
                    )
                }
            }
            TermKind::Date(spec) => {
                let range = spec.range(today);
                if !neg {
                    self.mention_dates
                        .push(date_bounds("m.date", range.from, range.to));
                    self.date_parts.push(self.parts.len());
                }
                date_bounds("a.date", range.from, range.to)
            }
            TermKind::Is(Flag::Read) => "a.is_read = 1".to_string(),
            TermKind::Is(Flag::Unread) => "a.is_read = 0".to_string(),
            TermKind::Is(Flag::Starred) => "a.is_starred = 1".to_string(),
        };
        // NULL (unknown date, no source) counts as "does not match", so a negation keeps it.
        self.push(if neg {
            format!("NOT coalesce(({condition}), 0)")
        } else {
            condition
        })
    }

    fn push(&mut self, condition: String) -> Result<()> {
        self.parts.push(condition);
        Ok(())
    }

    pub(super) fn finish(mut self) -> Filter {
        if self.matches_nothing {
            return Filter {
                sql: NOTHING.to_string(),
                ..Filter::default()
            };
        }
        let mut source_probe = None;
        if let Some(mut ids) = self.sources.take() {
            ids.sort_unstable();
            ids.dedup();
            let condition = format!("a.source_id IN ({})", id_list(&ids));
            let mut probe = vec![condition.clone()];
            probe.extend(self.date_parts.iter().map(|i| self.parts[*i].clone()));
            source_probe = Some(format!("SELECT 1 FROM articles a WHERE {}", and(&probe)));
            self.parts.push(condition);
        }
        let mut words = None;
        let mut words_part = None;
        if !self.fts.is_empty() {
            words_part = Some(self.parts.len());
            words = Some(self.params.len());
            self.parts.push(self.words_test("a.id", self.params.len()));
            self.params.push(Value::Text(self.fts.join(" AND ")));
        }
        let person = self.person.map(|(index, id)| {
            // Conditions the index walk can test before it looks the article up: the dates
            // (over `m.date`) and the words (over `m.article_id`), in that order.
            let mut on_mentions = self.mention_dates.clone();
            if let Some(at) = words {
                // `+` keeps SQLite walking the person's index and probing the words' matches
                // (through a Bloom filter), not seeking every match in the primary key: the
                // person drives only when it is the rarer of the two.
                on_mentions.push(format!("+{}", self.words_test("m.article_id", at)));
            }
            let on_articles: Vec<String> = (0..self.parts.len())
                .filter(|i| *i != index && !self.date_parts.contains(i) && Some(*i) != words_part)
                .map(|i| self.parts[i].clone())
                .collect();
            // Nothing that needs the article: the count never leaves the index.
            let index_only = on_articles.is_empty().then(|| and(&on_mentions));
            let mut walk = vec![format!("m.person_id = {id}")];
            walk.extend(self.mention_dates.iter().cloned());
            PersonDriver {
                ids: id.to_string(),
                // The index's conditions first, each group cheapest first: a source tested
                // before the words' set would look up every article the walk passes.
                rest_sql: match (on_mentions.is_empty(), on_articles.is_empty()) {
                    (false, false) => format!("{} AND {}", and(&on_mentions), and(&on_articles)),
                    (true, _) => and(&on_articles),
                    (false, true) => and(&on_mentions),
                },
                index_only,
                walk_probe: format!("SELECT 1 FROM mentions m WHERE {}", and(&walk)),
                source_probe: source_probe.clone(),
            }
        });
        let words_only = words.filter(|_| self.other_terms == 0);
        let dates_and = |extra: usize| self.other_terms == self.date_parts.len() + extra;
        // Words (or one set of people) and positive dates only: the date index can be walked
        // with the set tested (`+` keeps SQLite from seeking each of the set's articles instead).
        let walk = |at: usize, set: String| {
            let mut parts = self.parts.clone();
            parts[at] = format!("+a.id IN ({set})");
            and(&parts)
        };
        let mut people_only = None;
        let walking_dates = match (words_part, words, self.person_sets.as_slice()) {
            (Some(at), Some(param), _) if dates_and(0) && !self.words_in_memory => {
                Some((walk(at, fts_rowids(param)), WalkSet::Words(param)))
            }
            (None, _, [(at, ids)]) if person.is_none() && dates_and(1) => {
                let mut on_mentions = vec![format!("m.person_id IN ({ids})")];
                on_mentions.extend(self.mention_dates.iter().cloned());
                people_only = Some(and(&on_mentions));
                Some((
                    walk(*at, people_articles(ids)),
                    WalkSet::People(ids.clone()),
                ))
            }
            _ => None,
        };
        let index_driver = self.sources_named || !self.date_parts.is_empty();
        let words_may_load = words.filter(|_| index_driver || person.is_some());
        Filter {
            sql: and(&self.parts),
            params: self.params,
            person,
            words_only,
            walking_dates,
            people_only,
            words_may_load,
            index_driver,
        }
    }

    /// The condition that `column` is one of the articles matching the words in `params[at]`.
    fn words_test(&self, column: &str, at: usize) -> String {
        if self.words_in_memory {
            format!("{}(?{}, {column})", super::wordset::FUNCTION, at + 1)
        } else {
            format!("{column} IN ({})", fts_rowids(at))
        }
    }
}

/// The articles that mention any of `ids`.
fn people_articles(ids: &str) -> String {
    format!("SELECT article_id FROM mentions WHERE person_id IN ({ids})")
}

/// The conditions ANDed, cheapest first: SQLite tests them in the order written, so a column
/// comparison or a Bloom-filtered set probe can reject a row before a correlated subquery
/// seeks another b-tree for it (word + person + source + date: 25 ms down to 12 at 100,000).
fn and(parts: &[String]) -> String {
    if parts.is_empty() {
        return "1".to_string();
    }
    let mut ordered: Vec<&String> = parts.iter().collect();
    ordered.sort_by_key(|p| cost(p));
    ordered
        .iter()
        .map(|p| p.as_str())
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// How dear a condition written by this compiler is per row: 0 for a column comparison, 1 for
/// membership of a set built once (`IN (SELECT …)`), 2 for a subquery run per row (`EXISTS`).
fn cost(condition: &str) -> u8 {
    let inner = condition
        .strip_prefix("NOT coalesce((")
        .unwrap_or(condition)
        .trim_start_matches('+');
    if inner.starts_with("EXISTS") {
        2
    } else if inner.contains(" IN (SELECT") || inner.starts_with(super::wordset::FUNCTION) {
        1
    } else {
        0
    }
}

/// `column` within inclusive day bounds; the days are validated dates, inlined as literals.
fn date_bounds(column: &str, from: Option<NaiveDate>, to: Option<NaiveDate>) -> String {
    match (from, to) {
        (Some(from), Some(to)) => format!("{column} BETWEEN '{from}' AND '{to}'"),
        (Some(from), None) => format!("{column} >= '{from}'"),
        (None, Some(to)) => format!("{column} <= '{to}'"),
        (None, None) => format!("{column} IS NOT NULL"),
    }
}

/// Integer ids inlined into SQL (they come from the store, never from the user); `NULL` when
/// empty, so `x IN (NULL)` matches nothing.
fn id_list(ids: &[i64]) -> String {
    if ids.is_empty() {
        return "NULL".to_string();
    }
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

/// An FTS5 phrase for user text: the tokens as one double-quoted string (quotes doubled), so no
/// input is read as FTS5 syntax. `None` when the text holds no letter or digit.
pub(super) fn fts_phrase(text: &str) -> Option<String> {
    if !text.chars().any(char::is_alphanumeric) {
        return None;
    }
    Some(format!("\"{}\"", text.replace('"', "\"\"")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts_phrase_quotes_and_doubles_quotes() {
        assert_eq!(fts_phrase("a\"b").as_deref(), Some("\"a\"\"b\""));
        assert_eq!(
            fts_phrase("NOT OR AND *").as_deref(),
            Some("\"NOT OR AND *\"")
        );
        assert_eq!(fts_phrase("*()^"), None);
    }
}
