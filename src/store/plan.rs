//! The plans a compiled query is answered by, and the one function that chooses among them
//! ([`Store::plan`]): nothing, everything, a walk of one person's mentions, a walk of the date
//! index testing a set, or the general condition over every article.

use chrono::NaiveDate;
use rusqlite::types::Value;

use super::sql_parts::{fts_rowids, people_articles};
use super::wordset::COMMON;
use super::{Result, Store};
use crate::query::Query;

/// How a query's rows, count and histogram are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Plan {
    /// A positive term names a person or source the store does not know: nothing matches,
    /// answered without reading anything.
    Nothing,
    /// No condition at all: every article (the count is the store's total).
    All,
    /// One person's mentions walked newest first (`mentions_person`), the other conditions
    /// tested on the way: the person is rarer than the query's words and sources.
    PersonWalk(PersonWalk),
    /// Positive words (or one surname's people) and dates: a page walks the date index newest
    /// first testing each article against the set, when the set is common enough for that to
    /// pay for the page asked ([`Store::walk_pays`]), else the set's articles are looked up
    /// and sorted. Counts and histograms of a surname read the mentions index alone.
    DateWalk(DateWalk),
    /// The whole condition over the articles, SQLite choosing the index.
    General,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct PersonWalk {
    /// The person's id (from the store, inlined).
    pub id: i64,
    /// The other conditions, with the date bounds again over the index's `m.date`.
    pub rest_sql: String,
    /// When the other terms are all dates (and words): the condition over `mentions` alone.
    pub index_only: Option<String>,
    /// The person's mentions within the query's dates (`SELECT 1 …`), to size the walk.
    pub walk_probe: String,
    /// The articles of the query's sources within its dates (`SELECT 1 …`), when it names
    /// sources: their index may be the shorter walk.
    pub source_probe: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct DateWalk {
    /// The query's condition with the set probed as the date index is walked.
    pub sql: String,
    pub set: WalkSet,
}

/// The set of articles a date-index walk tests each article against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum WalkSet {
    /// The words' matches: the MATCH text is `params[at]`; `alone` when the query is nothing
    /// but positive words (its count is the full-text index's).
    Words { at: usize, alone: bool },
    /// The articles mentioning any of these people (ids inlined, comma-separated), and the
    /// query's condition over their mentions (`m`) alone, for counts and histograms that never
    /// read an article.
    People { ids: String, on_mentions: String },
}

impl WalkSet {
    /// The set's articles, as a `SELECT` of ids.
    pub(super) fn articles(&self) -> String {
        match self {
            WalkSet::Words { at, .. } => fts_rowids(*at),
            WalkSet::People { ids, .. } => people_articles(ids),
        }
    }
}

/// A query compiled to a boolean SQL expression over `articles AS a`, with its parameters and
/// the plan that answers it (see [`super::plan`]).
#[derive(Debug, Clone)]
pub(super) struct Filter {
    /// The whole condition, as the general plan tests it on every article.
    pub sql: String,
    pub params: Vec<Value>,
    pub plan: Plan,
}

impl Filter {
    /// `FROM … WHERE …` over the matching articles as `a`, with `joins` after the articles: walked
    /// from the person's mentions (as `m`) when a person drives, so facets of a person filter
    /// never scan the whole store.
    pub(super) fn matching_articles(&self, joins: &str) -> String {
        match &self.plan {
            Plan::PersonWalk(person) => format!(
                "FROM mentions m CROSS JOIN articles a ON a.id = m.article_id {joins}
                 WHERE m.person_id = {} AND {}",
                person.id, person.rest_sql
            ),
            _ => format!("FROM articles a {joins} WHERE {}", self.sql),
        }
    }
}

/// What compiling a query gives before a plan is chosen: the general condition and the faster
/// plans the query's terms allow, for [`Store::plan`](super::Store) to choose among.
#[derive(Debug, Clone)]
pub(super) struct Draft {
    pub sql: String,
    pub params: Vec<Value>,
    /// A positive source or person term names nobody the store knows.
    pub matches_nothing: bool,
    /// The query has no condition at all.
    pub matches_all: bool,
    /// One person is named: their mentions can be walked.
    pub person: Option<PersonWalk>,
    /// Positive words (or one surname's people) and dates only: the date index can be walked.
    pub date_walk: Option<DateWalk>,
    /// When the positive words could be tested in memory (another index can drive): where
    /// their MATCH text sits in `params`.
    pub words_may_load: Option<usize>,
    /// A positive source or date term: an index other than the words' can drive the query.
    pub index_driver: bool,
}

impl Draft {
    /// The draft answered by `plan`.
    pub(super) fn with(self, plan: Plan) -> Filter {
        Filter {
            sql: self.sql,
            params: self.params,
            plan,
        }
    }
}

/// What looking one article up costs in steps of a date-index walk: a random page (often not
/// yet in SQLite's cache) against the next entry of a sequential index, tested through a Bloom
/// filter. Measured at 100,000 articles: a word in 2.5% of them lists 100 rows in 11 ms by
/// lookups on a fresh connection, and in under 3 ms by the walk.
const LOOKUP_COST: f64 = 8.0;

/// Words with this many matches never drive a query beside a person (they are tested in
/// memory or through SQLite's set); counting further would only cost time.
const WORDS_CAP: i64 = 20_000;
/// How far the articles of a query's sources are counted against a person's walk.
const SOURCES_CAP: i64 = 250_000;

/// The articles matching the words in the first parameter, for counting.
const FTS_PROBE: &str = "SELECT 1 FROM articles_fts WHERE articles_fts MATCH ?1";

impl Store {
    /// Compiles `query` and chooses its plan: the one place a plan is chosen.
    ///
    /// 1. A term naming nobody matches nothing; no term matches everything.
    /// 2. A named person drives when their mentions (within the dates) are fewer than the
    ///    words' matches and the sources' articles, each counted only as far as that needs.
    /// 3. Common words beside another driver (the person, a source, dates) are loaded in
    ///    memory and tested there, and the query is compiled again to test them so.
    /// 4. Else words or a surname with dates walk the date index; else the general plan.
    pub(super) fn plan(&self, query: &Query, today: NaiveDate) -> Result<Filter> {
        let mut draft = self.compile(query, today)?;
        if draft.matches_nothing {
            return Ok(draft.with(Plan::Nothing));
        }
        if draft.matches_all {
            return Ok(draft.with(Plan::All));
        }
        // The words' matches, counted once for both decisions below.
        let words = draft
            .words_may_load
            .map(|at| draft.params.get(at).cloned().unwrap_or(Value::Null));
        let matches = match &words {
            Some(text) => Some(self.capped_count(FTS_PROBE, Some(text.clone()), WORDS_CAP)?),
            None => None,
        };
        let person_drives = match &draft.person {
            Some(person) => self.person_should_drive(person, matches)?,
            None => false,
        };
        // Words tested in memory cannot drive: only when the person's walk, a source or the
        // dates will.
        let driven = person_drives || draft.index_driver;
        if let (true, Some(Value::Text(text)), Some(n)) = (driven, &words, matches) {
            if n >= COMMON {
                super::wordset::load(&self.conn, &self.words, text)?;
                draft = self.compile_with(query, today, true)?;
            }
        }
        let plan = match (draft.person.take(), draft.date_walk.take()) {
            (Some(person), _) if person_drives => Plan::PersonWalk(person),
            (_, Some(walk)) => Plan::DateWalk(walk),
            _ => Plan::General,
        };
        Ok(draft.with(plan))
    }

    /// Whether the newest `wanted` rows are found sooner by walking the date index and testing
    /// each article against `set` (about wanted × articles / |set| steps) than by looking every
    /// article of the set up and sorting them (|set| lookups, each [`LOOKUP_COST`] steps): true
    /// when |set|² × LOOKUP_COST ≥ wanted × articles, counted only up to that bound. At
    /// 1,000,000 articles a word in 2.4% of them lists its first 200 in 6 ms instead of 37.
    pub(super) fn walk_pays(&self, set: &WalkSet, params: &[Value], wanted: u64) -> Result<bool> {
        let articles: i64 =
            self.conn
                .query_row("SELECT coalesce(max(rowid), 0) FROM articles", [], |r| {
                    r.get(0)
                })?;
        let bound = ((wanted as f64) * (articles as f64) / LOOKUP_COST)
            .sqrt()
            .ceil() as i64;
        // Not a cached statement: the bound changes with every page.
        let size: i64 = match set {
            WalkSet::Words { at, .. } => self.conn.query_row(
                &format!("SELECT count(*) FROM ({FTS_PROBE} LIMIT {bound})"),
                [params.get(*at).cloned().unwrap_or(Value::Null)],
                |r| r.get(0),
            )?,
            WalkSet::People { ids, .. } => self.conn.query_row(
                &format!("SELECT count(*) FROM (SELECT 1 FROM mentions WHERE person_id IN ({ids}) LIMIT {bound})"),
                [],
                |r| r.get(0),
            )?,
        };
        Ok(bound > 0 && size >= bound)
    }

    /// How many rows `probe` (a `SELECT 1 …` with at most one parameter) gives, counted up to
    /// `cap`.
    fn capped_count(&self, probe: &str, param: Option<Value>, cap: i64) -> Result<i64> {
        let sql = format!("SELECT count(*) FROM ({probe} LIMIT {cap})");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let n = match param {
            Some(p) => stmt.query_row([p], |r| r.get(0))?,
            None => stmt.query_row([], |r| r.get(0))?,
        };
        Ok(n)
    }

    /// Whether walking the person's mentions (within the query's dates) beats the other ways
    /// in: the words' matches, or the sources' articles by date. Each is counted up to a cap,
    /// so the estimate stays cheap however common any of them is; the person drives on a tie.
    fn person_should_drive(&self, person: &PersonWalk, word_matches: Option<i64>) -> Result<bool> {
        // Each side is counted only as far as the comparison needs: the rarer side first, the
        // other up to one more. A fixed cap made a person in a fifth of a year's articles tie
        // with one source's share of them, and the tie walked the person (19 ms, not 11).
        if let Some(matches) = word_matches {
            if matches < WORDS_CAP
                && matches < self.capped_count(&person.walk_probe, None, matches + 1)?
            {
                return Ok(false);
            }
        }
        match &person.source_probe {
            Some(probe) => {
                let sources = self.capped_count(probe, None, SOURCES_CAP)?;
                Ok(self.capped_count(&person.walk_probe, None, sources + 1)? <= sources)
            }
            None => Ok(true),
        }
    }
}
