//! The people picker's corrections on the real store: rename, alias, merge and not-a-person,
//! each answered with how many articles it touched and the change that undoes it.

use chrono::NaiveDate;

use super::msg::Bulk;
use crate::query::{Query, Term, TermKind};
use crate::store::{Store, StoreError};

/// Applies a person correction (the other changes are `StoreApi::apply`'s).
pub(super) fn apply(
    store: &Store,
    change: &Bulk,
    today: NaiveDate,
) -> Result<(usize, Bulk), StoreError> {
    let articles = |name: &str| -> Result<usize, StoreError> {
        let q = Query::default().with_term(Term::new(false, TermKind::Person(name.into())));
        Ok(store.count(&q, today)? as usize)
    };
    Ok(match change {
        Bulk::RenamePerson { from, to } => {
            let count = articles(from)?;
            let name = store.rename_person_only(from, to)?;
            let undo = Bulk::RenamePerson {
                from: name,
                to: from.clone(),
            };
            (count, undo)
        }
        Bulk::AliasPerson { name, alias } => {
            let name = store.alias_person(name, alias)?;
            let count = articles(&name)?;
            let undo = Bulk::UnaliasPerson {
                name,
                alias: alias.clone(),
            };
            (count, undo)
        }
        Bulk::UnaliasPerson { name, alias } => {
            let name = store.unalias_person(name, alias)?;
            let count = articles(&name)?;
            let undo = Bulk::AliasPerson {
                name,
                alias: alias.clone(),
            };
            (count, undo)
        }
        Bulk::MergePerson { from, into } => {
            let snapshot = store.merge_people_undoably(from, into)?;
            (
                snapshot.articles() as usize,
                Bulk::RestorePerson {
                    snapshot: Box::new(snapshot),
                },
            )
        }
        Bulk::NotAPerson { name } => {
            let snapshot = store.not_a_person_undoably(name)?;
            (
                snapshot.articles() as usize,
                Bulk::RestorePerson {
                    snapshot: Box::new(snapshot),
                },
            )
        }
        Bulk::RestorePerson { snapshot } => {
            let count = store.restore_person(snapshot)?;
            (count as usize, Bulk::again(snapshot))
        }
        other => unreachable!("not a person correction: {other:?}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::store_api::StoreApi;

    #[test]
    fn each_person_correction_answers_with_the_change_that_undoes_it() {
        let mut store = Store::open_in_memory().unwrap();
        crate::samples::load_on_first_run(&mut store).unwrap();
        let today = NaiveDate::from_ymd_opt(2025, 12, 20).unwrap();
        let count = |text: &str| {
            let q = crate::query::parse(text).unwrap();
            StoreApi::count(&store, &q, today).unwrap() as usize
        };
        let run = |change: &Bulk| StoreApi::apply(&store, change, today).unwrap();
        let renshaw = count("person:renshaw");
        let rename = Bulk::RenamePerson {
            from: "Alba Renshaw".into(),
            to: "Alba M. Renshaw".into(),
        };
        let (n, undo) = run(&rename);
        assert_eq!(
            (n as usize, count("person:\"Alba M. Renshaw\"")),
            (renshaw, renshaw)
        );
        assert!(matches!(&undo, Bulk::RenamePerson { to, .. } if to == "Alba Renshaw"));
        run(&undo);
        let onto = Bulk::RenamePerson {
            from: "Alba Renshaw".into(),
            to: "Dmytro Kovalenskyy".into(),
        };
        let err = StoreApi::apply(&store, &onto, today)
            .unwrap_err()
            .to_string();
        assert!(err.contains("already called"), "{err}");

        let alias = Bulk::AliasPerson {
            name: "Alba Renshaw".into(),
            alias: "Harbour Queen".into(),
        };
        let (_, undo) = run(&alias);
        assert_eq!(count("person:\"harbour queen\""), renshaw);
        run(&undo);
        assert_eq!(count("person:\"harbour queen\""), 0);

        let kovalenskyy = count("person:kovalenskyy");
        let both = count("person:kovalenskyy person:renshaw");
        let merge = Bulk::MergePerson {
            from: "Dmytro Kovalenskyy".into(),
            into: "Alba Renshaw".into(),
        };
        let (n, undo) = run(&merge);
        assert_eq!(n as usize, kovalenskyy);
        assert_eq!(count("person:renshaw"), renshaw + kovalenskyy - both);
        let (_, redo) = run(&undo);
        assert!(matches!(&redo, Bulk::MergePerson { from, .. } if from == "Dmytro Kovalenskyy"));
        assert_eq!(count("person:kovalenskyy"), kovalenskyy);
        assert_eq!(count("person:renshaw"), renshaw);

        let refuse = Bulk::NotAPerson {
            name: "Alba Renshaw".into(),
        };
        let (n, undo) = run(&refuse);
        assert_eq!((n as usize, count("person:renshaw")), (renshaw, 0));
        run(&undo);
        assert_eq!(count("person:renshaw"), renshaw);
    }
}
