//! Store tests of the plan chosen for a query ([`Store::plan`]): which plan, on stores whose
//! counts make the choice clear. That each plan gives the general plan's rows is `plans.rs`.

use super::plans::{common_words_store, mixed_store};
use super::*;
use crate::store::plan::{Plan, WalkSet};

/// Common words beside a person more common still: the words drive (through SQLite's set),
/// so they are not loaded, which would leave nothing to drive but a scan of every article.
#[test]
fn words_rarer_than_the_person_drive_and_are_not_loaded() {
    let store = common_words_store();
    let q = crate::query::parse("harbour person:renshaw").unwrap();
    let filter = store.filter(&q, today()).unwrap();
    assert_eq!(
        filter.plan,
        Plan::General,
        "the words are rarer than the person"
    );
    assert!(!filter.sql.contains("byline_words"), "{}", filter.sql);
    assert_eq!(store.count(&q, today()).unwrap(), 1050);
}

/// The plan [`Store::plan`] chooses, by kind, for queries whose choice is clear from the store.
#[test]
fn each_query_gets_the_plan_its_terms_and_counts_call_for() {
    fn kind(plan: &Plan) -> &'static str {
        match plan {
            Plan::Nothing => "nothing",
            Plan::All => "all",
            Plan::PersonWalk(_) => "person walk",
            Plan::DateWalk(walk) => match walk.set {
                WalkSet::Words { .. } => "date walk (words)",
                WalkSet::People { .. } => "date walk (people)",
            },
            Plan::General => "general",
        }
    }
    let mixed = mixed_store();
    let common = common_words_store();
    let table: [(&Store, &str, &str); 16] = [
        (&mixed, "", "all"),
        (&mixed, "!!! ???", "all"),
        (&mixed, "person:ren", "nothing"),
        (&mixed, "harbour source:nowhere", "nothing"),
        (&mixed, "harbour", "date walk (words)"),
        (
            &mixed,
            "\"harbour ferry\" date:2025-06",
            "date walk (words)",
        ),
        (&mixed, "person:orrin date:2025", "date walk (people)"),
        (&mixed, "person:renshaw", "person walk"),
        (
            &mixed,
            "person:renshaw -person:orrin is:unread",
            "person walk",
        ),
        (&mixed, "person:orrin source:copperline", "general"),
        (&mixed, "harbour source:copperline", "general"),
        (&mixed, "-harbour", "general"),
        (&mixed, "is:unread", "general"),
        // 1,050 matches of the words against the person's 2,100: the words drive.
        (&common, "harbour person:renshaw", "general"),
        // Copperline's 1,050 articles against the person's 2,100: the source drives.
        (&common, "person:renshaw source:copperline", "general"),
        (&common, "person:renshaw date:2025", "person walk"),
    ];
    for (store, text, want) in table {
        let q = crate::query::parse(text).unwrap();
        let filter = store.filter(&q, today()).unwrap();
        assert_eq!(kind(&filter.plan), want, "{text}");
    }
}
