//! The canonical printed form of queries: it parses back to the same terms.

use std::fmt::{self, Display, Formatter};

use super::ast::{DateBound, DateSpec, Flag, Query, Term, TermKind};
use super::lex::{is_bare_value, is_bare_word, quote};

impl Display for Query {
    /// Terms separated by single spaces.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        for (index, term) in self.terms.iter().enumerate() {
            if index > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{term}")?;
        }
        Ok(())
    }
}

impl Display for Term {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if self.negated {
            f.write_str("-")?;
        }
        write!(f, "{}", self.kind)
    }
}

impl Display for TermKind {
    /// A word that would not parse back as a bare word prints as a phrase.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            TermKind::Word(word) if is_bare_word(word) => f.write_str(word),
            TermKind::Word(text) | TermKind::Phrase(text) => f.write_str(&quote(text)),
            TermKind::Source(name) => write!(f, "source:{}", value(name)),
            TermKind::Person(name) => write!(f, "person:{}", value(name)),
            TermKind::Author(name) => write!(f, "author:{}", value(name)),
            TermKind::Tag(name) => write!(f, "tag:{}", value(name)),
            TermKind::Date(spec) => write!(f, "date:{spec}"),
            TermKind::Is(flag) => write!(f, "is:{flag}"),
            TermKind::Saved(name) => write!(f, "@{name}"),
        }
    }
}

/// A field value, quoted only when it has to be (or would look odd bare).
fn value(text: &str) -> String {
    if is_bare_value(text) {
        text.to_string()
    } else {
        quote(text)
    }
}

impl Display for Flag {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Display for DateSpec {
    /// The text after `date:`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match *self {
            DateSpec::Day(day) => write!(f, "{}", DateBound::Day(day)),
            DateSpec::Month { year, month } => write!(f, "{}", DateBound::Month { year, month }),
            DateSpec::Year(year) => write!(f, "{}", DateBound::Year(year)),
            DateSpec::Range { from, to } => {
                if let Some(from) = from {
                    write!(f, "{from}")?;
                }
                f.write_str("..")?;
                if let Some(to) = to {
                    write!(f, "{to}")?;
                }
                Ok(())
            }
            DateSpec::Today => f.write_str("today"),
            DateSpec::Yesterday => f.write_str("yesterday"),
            DateSpec::LastDays(count) => write!(f, "{count}d"),
            DateSpec::LastWeeks(count) => write!(f, "{count}w"),
            DateSpec::LastMonths(count) => write!(f, "{count}m"),
            DateSpec::Unknown => f.write_str("none"),
        }
    }
}

impl Display for DateBound {
    /// `2025-12-06`, `2025-12` or `2025`.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match *self {
            DateBound::Day(day) => write!(f, "{}", day.format("%Y-%m-%d")),
            DateBound::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            DateBound::Year(year) => write!(f, "{year:04}"),
        }
    }
}
