//! The fake store's person pages: a person's articles (by name or alias, ignoring case), their
//! months, the people mentioned with them and their sources, counted over all of them.

use byline::store::{PersonPage, StoredArticle};

/// The page of `name`, `None` when no article mentions anyone of that name.
pub fn page(articles: &[StoredArticle], name: &str) -> Option<PersonPage> {
    let is = |p: &byline::store::StoredPerson| {
        p.name.eq_ignore_ascii_case(name) || p.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
    };
    let mine: Vec<&StoredArticle> = (articles.iter())
        .filter(|a| a.people.iter().any(is))
        .collect();
    let person = mine.first()?.people.iter().find(|p| is(p))?.clone();
    let mut months = counted(
        mine.iter()
            .filter_map(|a| a.row.date.map(|d| d.format("%Y-%m").to_string())),
    );
    months.sort();
    let with = mine
        .iter()
        .flat_map(|a| a.people.iter().filter(|p| !is(p)).map(|p| p.name.clone()));
    let sources = mine.iter().filter_map(|a| a.row.source.clone());
    Some(PersonPage {
        name: person.name.clone(),
        aliases: person.aliases.clone(),
        months,
        with: most_first(counted(with)),
        sources: most_first(counted(sources)),
        articles: mine.len() as u64,
        counted: mine.len() as u64,
    })
}

fn counted(names: impl Iterator<Item = String>) -> Vec<(String, u64)> {
    let mut out: Vec<(String, u64)> = Vec::new();
    for name in names {
        match out.iter_mut().find(|(n, _)| *n == name) {
            Some((_, c)) => *c += 1,
            None => out.push((name, 1)),
        }
    }
    out
}

fn most_first(mut rows: Vec<(String, u64)>) -> Vec<(String, u64)> {
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    rows
}
