//! The fake store's bulk changes: marks set on its articles, deleted ones kept aside with an id
//! among the deleted, and each change answered with the one that undoes it, as the store does.

use std::cell::RefCell;

use byline::query::Query;
use byline::store::{Mark, StoredArticle};
use byline::tui::msg::Bulk;

/// Deleted articles with their ids among the deleted.
pub type Deleted = RefCell<Vec<(i64, StoredArticle)>>;

pub fn apply(
    articles: &RefCell<Vec<StoredArticle>>,
    deleted: &Deleted,
    change: &Bulk,
    matches: impl Fn(&StoredArticle, &Query) -> bool,
) -> (u64, Bulk) {
    let mut articles = articles.borrow_mut();
    let set = |articles: &mut Vec<StoredArticle>, ids: &[i64], mark: Mark, on: bool| {
        let mut changed = Vec::new();
        for a in articles.iter_mut().filter(|a| ids.contains(&a.row.id)) {
            let flag = match mark {
                Mark::Read => &mut a.row.read,
                Mark::Starred => &mut a.row.starred,
            };
            if *flag != on {
                *flag = on;
                changed.push(a.row.id);
            }
        }
        changed
    };
    let (count, undo) = match change {
        Bulk::MarkQuery { query, read } => {
            let ids: Vec<i64> = articles_matching(&articles, query, &matches);
            let changed = set(&mut articles, &ids, Mark::Read, *read);
            (
                changed.len(),
                Bulk::Mark {
                    ids: changed,
                    mark: Mark::Read,
                    on: !read,
                },
            )
        }
        Bulk::Mark { ids, mark, on } => {
            let changed = set(&mut articles, ids, *mark, *on);
            (
                changed.len(),
                Bulk::Mark {
                    ids: changed,
                    mark: *mark,
                    on: !on,
                },
            )
        }
        Bulk::Delete { ids } => {
            let mut deleted = deleted.borrow_mut();
            let mut kept = Vec::new();
            while let Some(at) = articles.iter().position(|a| ids.contains(&a.row.id)) {
                let id = 1000 + deleted.len() as i64;
                deleted.push((id, articles.remove(at)));
                kept.push(id);
            }
            (kept.len(), Bulk::Restore { deleted: kept })
        }
        Bulk::RenameSource { from, to } => {
            let mut renamed = 0;
            for a in articles.iter_mut() {
                if a.row.source.as_deref() == Some(from.as_str()) {
                    a.row.source = Some(to.clone());
                    renamed += 1;
                }
            }
            let undo = Bulk::RenameSource {
                from: to.clone(),
                to: from.clone(),
            };
            (renamed, undo)
        }
        Bulk::RenamePerson { from, to } => {
            let mut renamed = 0;
            for a in articles.iter_mut() {
                let mut named = false;
                for p in a.people.iter_mut().filter(|p| p.name == *from) {
                    p.name = to.clone();
                    named = true;
                }
                renamed += usize::from(named);
            }
            let undo = Bulk::RenamePerson {
                from: to.clone(),
                to: from.clone(),
            };
            (renamed, undo)
        }
        Bulk::AliasPerson { .. }
        | Bulk::UnaliasPerson { .. }
        | Bulk::MergePerson { .. }
        | Bulk::NotAPerson { .. }
        | Bulk::RestorePerson { .. } => super::fake_corrections::apply(&mut articles, change),
        Bulk::Restore { deleted: wanted } => {
            let mut deleted = deleted.borrow_mut();
            let mut back = Vec::new();
            while let Some(at) = deleted.iter().position(|(id, _)| wanted.contains(id)) {
                let (_, article) = deleted.remove(at);
                back.push(article.row.id);
                articles.push(article);
            }
            // In id order, newest first, as the fixture's articles are.
            articles.sort_by_key(|a| a.row.id);
            (back.len(), Bulk::Delete { ids: back })
        }
    };
    (count as u64, undo)
}

fn articles_matching(
    articles: &[StoredArticle],
    query: &Query,
    matches: &impl Fn(&StoredArticle, &Query) -> bool,
) -> Vec<i64> {
    articles
        .iter()
        .filter(|a| matches(a, query))
        .map(|a| a.row.id)
        .collect()
}
