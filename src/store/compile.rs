//! Compiling a parsed query to SQL: FTS5 for words, id sets for sources and people, date
//! ranges, each condition with its cost, and the faster plans the query allows (a person's
//! index walk, a date-index walk) drafted for [`super::plan`] to choose among.
//! User text only ever reaches SQLite as a bound parameter or a quoted FTS5 string.

use chrono::NaiveDate;
use rusqlite::types::Value;

use super::names::{resolve_person, resolve_source};
use super::plan::{DateWalk, Draft, PersonWalk, WalkSet};
use super::sql_parts::{fts_phrase, fts_rowids, id_list, people_articles};
use super::{Result, Store};
use crate::query::{Flag, TermKind};

/// How dear a condition is per article tested. SQLite tests ANDed conditions in the order
/// written, so they are written cheapest first: a column comparison or a probe of a set built
/// once can reject a row before a subquery seeks another b-tree for it (word + person + source
/// + date: 25 ms down to 12 at 100,000 articles).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Cost {
    /// A comparison of the article's own columns (`a.date >= …`, `a.source_id IN (1,2)`).
    Column,
    /// Membership of a set built once per statement (`a.id IN (SELECT …)`) or held in memory
    /// (`byline_words`).
    Set,
    /// A subquery run for every article tested (`EXISTS …`).
    PerRow,
}

/// One ANDed condition of a query, over `articles AS a` (or the mentions index `m`).
#[derive(Debug, Clone)]
pub(super) struct Condition {
    pub sql: String,
    pub cost: Cost,
}

impl Condition {
    fn new(cost: Cost, sql: String) -> Self {
        Condition { sql, cost }
    }

    /// The same condition with SQLite told not to drive from an index on it (`+`): it is then
    /// tested as another index is walked.
    fn unindexed(&self) -> Self {
        Condition::new(self.cost, format!("+{}", self.sql))
    }
}

/// The condition of a query that can match nothing (it names an unknown person or source).
pub(super) const NOTHING: &str = "0";

/// Builds a [`Draft`] term by term.
#[derive(Default)]
pub(super) struct Compiler {
    parts: Vec<Condition>,
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
    mention_dates: Vec<Condition>,
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
                let set = fts_rowids(self.params.len() - 1);
                Condition::new(Cost::Set, format!("a.id IN ({set})"))
            }
            TermKind::Source(name) => {
                let ids = resolve_source(&store.conn, name)?;
                self.matches_nothing |= !neg && ids.is_empty();
                if !neg {
                    self.sources_named = true;
                    self.sources.get_or_insert_with(Vec::new).extend(ids);
                    return Ok(());
                }
                Condition::new(Cost::Column, format!("a.source_id IN ({})", id_list(&ids)))
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
                    let set = people_articles(&ids);
                    self.parts
                        .push(Condition::new(Cost::Set, format!("a.id IN ({set})")));
                    return Ok(());
                }
                Condition::new(
                    Cost::PerRow,
                    format!(
                        "EXISTS (SELECT 1 FROM mentions x WHERE x.article_id = a.id AND x.person_id IN ({}))",
                        id_list(&ids)
                    ),
                )
            }
            TermKind::Tag(name) => self.tag(store, neg, name)?,
            TermKind::Author(name) => {
                let ids = super::authors::resolve_author(&store.conn, name)?;
                self.matches_nothing |= !neg && ids.is_empty();
                Condition::new(
                    Cost::Set,
                    format!(
                        "a.id IN (SELECT article_id FROM article_authors WHERE author_id IN ({}))",
                        id_list(&ids)
                    ),
                )
            }
            // Expanded before compiling (`Store::expand`): one left over names nothing.
            TermKind::Saved(_) => Condition::new(Cost::Column, NOTHING.to_string()),
            TermKind::Date(spec) => {
                match spec.range(today) {
                    // `date:none`: an unknown date is stored as NULL; negated, the NOT below
                    // sees 0, not NULL, and keeps the dated articles.
                    None => Condition::new(Cost::Column, "a.date IS NULL".to_string()),
                    Some(range) => {
                        if !neg {
                            self.mention_dates
                                .push(date_bounds("m.date", range.from, range.to));
                            self.date_parts.push(self.parts.len());
                        }
                        date_bounds("a.date", range.from, range.to)
                    }
                }
            }
            TermKind::Is(flag) => Condition::new(
                Cost::Column,
                match flag {
                    Flag::Read => "a.is_read = 1",
                    Flag::Unread => "a.is_read = 0",
                    Flag::Starred => "a.is_starred = 1",
                }
                .to_string(),
            ),
        };
        // NULL (unknown date, no source) counts as "does not match", so a negation keeps it.
        self.parts.push(if neg {
            Condition::new(
                condition.cost,
                format!("NOT coalesce(({}), 0)", condition.sql),
            )
        } else {
            condition
        });
        Ok(())
    }

    /// The articles of the feeds carrying tag `name`, or tagged so item by item.
    fn tag(&mut self, store: &Store, neg: bool, name: &str) -> Result<Condition> {
        let ids = super::feeds::feeds_tagged(&store.conn, name)?;
        let items = super::feeds::items_tagged(&store.conn, name)?;
        self.matches_nothing |= !neg && ids.is_empty() && !items;
        if !items {
            return Ok(Condition::new(
                Cost::Column,
                format!("a.feed_id IN ({})", id_list(&ids)),
            ));
        }
        self.params.push(Value::Text(name.trim().to_string()));
        let at = self.params.len();
        Ok(Condition::new(
            Cost::Set,
            format!(
                "(a.feed_id IN ({}) OR a.id IN (SELECT article_id FROM article_tags WHERE tag = ?{at}))",
                id_list(&ids)
            ),
        ))
    }

    pub(super) fn finish(mut self) -> Draft {
        if self.matches_nothing {
            return Draft {
                sql: NOTHING.to_string(),
                params: Vec::new(),
                matches_nothing: true,
                matches_all: false,
                person: None,
                date_walk: None,
                words_may_load: None,
                index_driver: false,
            };
        }
        let source_probe = self.sources_condition();
        let mut words = None;
        let mut words_part = None;
        if !self.fts.is_empty() {
            words_part = Some(self.parts.len());
            words = Some(self.params.len());
            self.parts.push(self.words_test("a.id", self.params.len()));
            self.params.push(Value::Text(self.fts.join(" AND ")));
        }
        let person = self
            .person
            .map(|(index, id)| self.person_walk(index, id, words, words_part, source_probe));
        let date_walk = match (words_part, words, self.person_sets.as_slice()) {
            (Some(at), Some(param), _) if self.dates_and(0) && !self.words_in_memory => {
                Some(self.date_walk(
                    at,
                    WalkSet::Words {
                        at: param,
                        alone: self.other_terms == 0,
                    },
                ))
            }
            (None, _, [(at, ids)]) if person.is_none() && self.dates_and(1) => {
                let mut on_mentions = vec![Condition::new(
                    Cost::Column,
                    format!("m.person_id IN ({ids})"),
                )];
                on_mentions.extend(self.mention_dates.iter().cloned());
                let set = WalkSet::People {
                    ids: ids.clone(),
                    on_mentions: and(&on_mentions),
                };
                Some(self.date_walk(*at, set))
            }
            _ => None,
        };
        let index_driver = self.sources_named || !self.date_parts.is_empty();
        Draft {
            sql: and(&self.parts),
            matches_all: self.parts.is_empty(),
            params: self.params,
            matches_nothing: false,
            words_may_load: words.filter(|_| index_driver || person.is_some()),
            person,
            date_walk,
            index_driver,
        }
    }

    /// Adds the positive sources as one condition; the probe that sizes their articles within
    /// the query's dates (`SELECT 1 …`), when the query names sources.
    fn sources_condition(&mut self) -> Option<String> {
        let mut ids = self.sources.take()?;
        ids.sort_unstable();
        ids.dedup();
        let condition = Condition::new(Cost::Column, format!("a.source_id IN ({})", id_list(&ids)));
        let mut probe = vec![condition.clone()];
        probe.extend(self.date_parts.iter().map(|i| self.parts[*i].clone()));
        self.parts.push(condition);
        Some(format!("SELECT 1 FROM articles a WHERE {}", and(&probe)))
    }

    /// Whether the terms other than positive words are positive dates and `extra` more.
    fn dates_and(&self, extra: usize) -> bool {
        self.other_terms == self.date_parts.len() + extra
    }

    /// The walk of person `id`'s mentions (the term at `parts[index]`), the other conditions
    /// tested on the way.
    fn person_walk(
        &self,
        index: usize,
        id: i64,
        words: Option<usize>,
        words_part: Option<usize>,
        source_probe: Option<String>,
    ) -> PersonWalk {
        // Conditions the index walk can test before it looks the article up: the dates (over
        // `m.date`) and the words (over `m.article_id`), in that order.
        let mut on_mentions = self.mention_dates.clone();
        if let Some(at) = words {
            // `+` keeps SQLite walking the person's index and probing the words' matches
            // (through a Bloom filter), not seeking every match in the primary key: the person
            // drives only when it is the rarer of the two.
            on_mentions.push(self.words_test("m.article_id", at).unindexed());
        }
        let on_articles: Vec<Condition> = (0..self.parts.len())
            .filter(|i| *i != index && !self.date_parts.contains(i) && Some(*i) != words_part)
            .map(|i| self.parts[i].clone())
            .collect();
        let mut walk = vec![Condition::new(Cost::Column, format!("m.person_id = {id}"))];
        walk.extend(self.mention_dates.iter().cloned());
        PersonWalk {
            id,
            // The index's conditions first, each group cheapest first: a source tested before
            // the words' set would look up every article the walk passes.
            rest_sql: match (on_mentions.is_empty(), on_articles.is_empty()) {
                (false, false) => format!("{} AND {}", and(&on_mentions), and(&on_articles)),
                (true, _) => and(&on_articles),
                (false, true) => and(&on_mentions),
            },
            // Nothing that needs the article: the count never leaves the index.
            index_only: on_articles.is_empty().then(|| and(&on_mentions)),
            walk_probe: format!("SELECT 1 FROM mentions m WHERE {}", and(&walk)),
            source_probe,
        }
    }

    /// The date-index walk with the condition at `parts[at]` replaced by a probe of `set`
    /// (`+` keeps SQLite from seeking each of the set's articles instead).
    fn date_walk(&self, at: usize, set: WalkSet) -> DateWalk {
        let mut parts = self.parts.clone();
        parts[at] = Condition::new(Cost::Set, format!("a.id IN ({})", set.articles())).unindexed();
        DateWalk {
            sql: and(&parts),
            set,
        }
    }

    /// The condition that `column` is one of the articles matching the words in `params[at]`.
    fn words_test(&self, column: &str, at: usize) -> Condition {
        let sql = if self.words_in_memory {
            format!("{}(?{}, {column})", super::wordset::FUNCTION, at + 1)
        } else {
            format!("{column} IN ({})", fts_rowids(at))
        };
        Condition::new(Cost::Set, sql)
    }
}

/// The conditions ANDed, cheapest first (a stable sort: equal costs keep the query's order).
fn and(parts: &[Condition]) -> String {
    if parts.is_empty() {
        return "1".to_string();
    }
    let mut ordered: Vec<&Condition> = parts.iter().collect();
    ordered.sort_by_key(|p| p.cost);
    ordered
        .iter()
        .map(|p| p.sql.as_str())
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// `column` within inclusive day bounds; the days are validated dates, inlined as literals.
fn date_bounds(column: &str, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Condition {
    let sql = match (from, to) {
        (Some(from), Some(to)) => format!("{column} BETWEEN '{from}' AND '{to}'"),
        (Some(from), None) => format!("{column} >= '{from}'"),
        (None, Some(to)) => format!("{column} <= '{to}'"),
        (None, None) => format!("{column} IS NOT NULL"),
    };
    Condition::new(Cost::Column, sql)
}
