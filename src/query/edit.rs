//! Small helpers on [`Query`] for the store and the reader: reading terms by kind, and
//! adding or removing chips while keeping spans true to the printed text.

use super::ast::{DateSpec, Flag, Query, Term, TermKind};

impl Query {
    /// Whether the query has no terms (and so matches every article).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// This query plus `term` at the end, re-spanned to match its printed form.
    pub fn with_term(&self, term: Term) -> Query {
        let mut terms = self.terms.clone();
        terms.push(term);
        Query { terms }.respanned()
    }

    /// This query without the term at `index` (unchanged if there is none), re-spanned to
    /// match its printed form.
    pub fn without(&self, index: usize) -> Query {
        let mut terms = self.terms.clone();
        if index < terms.len() {
            terms.remove(index);
        }
        Query { terms }.respanned()
    }

    /// Whether the query already has this exact term (spans aside).
    pub fn contains(&self, negated: bool, kind: &TermKind) -> bool {
        self.terms
            .iter()
            .any(|term| term.negated == negated && term.kind == *kind)
    }

    /// The index of the term under the character offset `cursor` (its end included, so a
    /// cursor just after a term counts), if any.
    pub fn term_at(&self, cursor: usize) -> Option<usize> {
        self.terms
            .iter()
            .position(|term| term.span.start <= cursor && cursor <= term.span.end)
    }

    /// The spans set to where each term stands in `self.to_string()`.
    pub fn respanned(mut self) -> Query {
        let mut start = 0;
        for term in &mut self.terms {
            let width = term.to_string().chars().count();
            term.span = start..start + width;
            start += width + 1;
        }
        self
    }

    /// Bare words as `(negated, word)`.
    pub fn words(&self) -> impl Iterator<Item = (bool, &str)> + '_ {
        self.texts(|kind| match kind {
            TermKind::Word(word) => Some(word),
            _ => None,
        })
    }

    /// Quoted phrases as `(negated, phrase)`.
    pub fn phrases(&self) -> impl Iterator<Item = (bool, &str)> + '_ {
        self.texts(|kind| match kind {
            TermKind::Phrase(phrase) => Some(phrase),
            _ => None,
        })
    }

    /// `source:` values as `(negated, name)`.
    pub fn sources(&self) -> impl Iterator<Item = (bool, &str)> + '_ {
        self.texts(|kind| match kind {
            TermKind::Source(name) => Some(name),
            _ => None,
        })
    }

    /// `person:` values as `(negated, name)`.
    pub fn people(&self) -> impl Iterator<Item = (bool, &str)> + '_ {
        self.texts(|kind| match kind {
            TermKind::Person(name) => Some(name),
            _ => None,
        })
    }

    /// `date:` specs as `(negated, spec)`.
    pub fn dates(&self) -> impl Iterator<Item = (bool, DateSpec)> + '_ {
        self.terms.iter().filter_map(|term| match term.kind {
            TermKind::Date(spec) => Some((term.negated, spec)),
            _ => None,
        })
    }

    /// `is:` flags as `(negated, flag)`.
    pub fn flags(&self) -> impl Iterator<Item = (bool, Flag)> + '_ {
        self.terms.iter().filter_map(|term| match term.kind {
            TermKind::Is(flag) => Some((term.negated, flag)),
            _ => None,
        })
    }

    fn texts<'a>(
        &'a self,
        pick: impl Fn(&'a TermKind) -> Option<&'a String> + 'a,
    ) -> impl Iterator<Item = (bool, &'a str)> + 'a {
        self.terms
            .iter()
            .filter_map(move |term| pick(&term.kind).map(|text| (term.negated, text.as_str())))
    }
}
