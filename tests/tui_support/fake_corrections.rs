//! The fake store's person corrections: aliases added to and taken from its articles' people,
//! a merge renaming one person to another, and a not-a-person dropping the name. Each answers
//! with the change that undoes it, as the real store does; bringing a person back (which the
//! real store does from a snapshot) is only acknowledged.

use byline::store::{PersonSnapshot, StoredArticle};
use byline::tui::msg::Bulk;

/// How many articles name `name`, and a change applied to each such person.
fn each_named(
    articles: &mut [StoredArticle],
    name: &str,
    mut change: impl FnMut(&mut byline::store::StoredPerson),
) -> usize {
    let mut count = 0;
    for a in articles.iter_mut() {
        let mut named = false;
        for p in a.people.iter_mut().filter(|p| p.name == name) {
            change(p);
            named = true;
        }
        count += usize::from(named);
    }
    count
}

pub fn apply(articles: &mut [StoredArticle], change: &Bulk) -> (usize, Bulk) {
    match change {
        Bulk::AliasPerson { name, alias } => {
            let n = each_named(articles, name, |p| p.aliases.push(alias.clone()));
            let undo = Bulk::UnaliasPerson {
                name: name.clone(),
                alias: alias.clone(),
            };
            (n, undo)
        }
        Bulk::UnaliasPerson { name, alias } => {
            let n = each_named(articles, name, |p| p.aliases.retain(|a| a != alias));
            let undo = Bulk::AliasPerson {
                name: name.clone(),
                alias: alias.clone(),
            };
            (n, undo)
        }
        Bulk::MergePerson { from, into } => {
            let n = each_named(articles, from, |p| p.name = into.clone());
            for a in articles.iter_mut() {
                let mut seen = Vec::new();
                a.people.retain(|p| {
                    let first = !seen.contains(&p.name);
                    seen.push(p.name.clone());
                    first
                });
            }
            let snapshot = PersonSnapshot::named(from, Some(into));
            (
                n,
                Bulk::RestorePerson {
                    snapshot: Box::new(snapshot),
                },
            )
        }
        Bulk::NotAPerson { name } => {
            let mut n = 0;
            for a in articles.iter_mut() {
                let before = a.people.len();
                a.people.retain(|p| p.name != *name);
                n += usize::from(a.people.len() != before);
            }
            let snapshot = PersonSnapshot::named(name, None);
            (
                n,
                Bulk::RestorePerson {
                    snapshot: Box::new(snapshot),
                },
            )
        }
        Bulk::RestorePerson { snapshot } => (0, Bulk::again(snapshot)),
        other => unreachable!("not a person correction: {other:?}"),
    }
}
