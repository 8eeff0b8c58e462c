//! The fake store's saved searches: `@name` replaced by the saved query's terms before
//! matching, and the saved-search picker's entries with their counts.

use byline::query::{Flag, Query, Term, TermKind};
use byline::tui::msg::FacetItem;

use super::FakeStore;

impl FakeStore {
    /// `q` with each `@name` replaced by its saved query's terms (an unknown one kept, so it
    /// matches nothing).
    pub(super) fn expand(&self, q: &Query) -> Query {
        let saved = self.saved.borrow();
        let mut terms = Vec::new();
        for term in &q.terms {
            let found = match &term.kind {
                TermKind::Saved(name) => saved.iter().find(|(n, _)| n == name),
                _ => None,
            };
            match found.and_then(|(_, text)| byline::query::parse(text).ok()) {
                Some(query) => terms.extend(query.terms),
                None => terms.push(term.clone()),
            }
        }
        Query { terms }
    }

    pub(super) fn saved_items(&self) -> Vec<FacetItem> {
        let saved = self.saved.borrow().clone();
        let unread = Query {
            terms: vec![Term::new(false, TermKind::Is(Flag::Unread))],
        };
        saved
            .into_iter()
            .map(|(name, text)| {
                let q = byline::query::parse(&format!("@{name}")).unwrap();
                FacetItem {
                    count: self.matching(&q).len() as u64,
                    unread: Some(self.matching(&q.with_term(unread.terms[0].clone())).len() as u64),
                    label: name,
                    aliases: vec![text],
                }
            })
            .collect()
    }

    /// Saves `q` as `name`, refusing a name taken, as the store does.
    pub(super) fn save(&self, name: &str, q: &Query) -> anyhow::Result<String> {
        let mut saved = self.saved.borrow_mut();
        if saved.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)) {
            anyhow::bail!("a saved search is already called {name:?}");
        }
        saved.push((name.to_string(), q.to_string()));
        Ok(name.to_string())
    }
}
