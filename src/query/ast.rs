//! The parsed form of a query: terms ANDed together, each optionally negated.

use chrono::NaiveDate;

/// A parsed query. An empty query matches every article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
}

/// One term of a query with where it stood in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub negated: bool,
    pub kind: TermKind,
    /// Character (not byte) offsets of the term in the input, `start..end`, 0-based.
    pub span: std::ops::Range<usize>,
}

impl Term {
    /// A term not (yet) typed anywhere: its span is empty until the query is re-printed
    /// (see [`Query::with_term`]).
    pub fn new(negated: bool, kind: TermKind) -> Term {
        Term {
            negated,
            kind,
            span: 0..0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TermKind {
    /// A bare word, searched in title and body.
    Word(String),
    /// A "quoted phrase", searched as a phrase in title and body.
    Phrase(String),
    /// `source:NAME`: outlet name, alias or URL domain, case-insensitive.
    Source(String),
    /// `person:NAME`: canonical name or alias, ignoring case and accents.
    Person(String),
    /// `author:NAME`: a name its byline, feed item or page gives as its author, folded as
    /// `person:` is (a surname alone finds every author of that surname).
    Author(String),
    /// `tag:NAME`: articles of the feeds tagged NAME, ignoring case.
    Tag(String),
    /// `date:SPEC`.
    Date(DateSpec),
    /// `is:unread`, `is:read`, `is:starred`.
    Is(Flag),
    /// `@NAME`: the saved search of that name, expanded by the store before it compiles.
    Saved(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    Unread,
    Read,
    Starred,
}

impl Flag {
    /// Every flag, in the order error messages list them.
    pub const ALL: [Flag; 3] = [Flag::Unread, Flag::Read, Flag::Starred];

    /// The name written after `is:`.
    pub fn name(self) -> &'static str {
        match self {
            Flag::Unread => "unread",
            Flag::Read => "read",
            Flag::Starred => "starred",
        }
    }
}

/// A date condition as written; [`DateSpec::range`] turns it into concrete days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSpec {
    /// `date:2025-12-06`
    Day(NaiveDate),
    /// `date:2025-12`
    Month { year: i32, month: u32 },
    /// `date:2025`
    Year(i32),
    /// `date:A..B`, `date:..B`, `date:A..` (inclusive; each end a day, month or year).
    Range {
        from: Option<DateBound>,
        to: Option<DateBound>,
    },
    /// `date:today`
    Today,
    /// `date:yesterday`
    Yesterday,
    /// `date:7d` (the last 7 days, today included)
    LastDays(u32),
    /// `date:2w`
    LastWeeks(u32),
    /// `date:3m`
    LastMonths(u32),
    /// `date:none`: the article's date is not known (it has no range of days).
    Unknown,
}

/// One end of a `date:` range: a day, a month or a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateBound {
    Day(NaiveDate),
    Month { year: i32, month: u32 },
    Year(i32),
}

/// Inclusive bounds in days; `None` is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}
