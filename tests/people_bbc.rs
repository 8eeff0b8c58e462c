//! The BBC dataset (../shared, evaluation only) imported through the library: the 30 most
//! mentioned people are people, each once (no place, club, party, award or second spelling).
//! Skips when ../shared is absent. The expected names are facts about who the articles mention.

use std::path::{Path, PathBuf};

use byline::importer::{collect_files, import_files, ImportOptions};
use byline::query::Query;
use byline::store::Store;
use chrono::NaiveDate;

/// The 30 most mentioned people, most first (ties by name), as `byline people` lists them.
const TOP_30: &[&str] = &[
    "Tony Blair",
    "Michael Howard",
    "Gordon Brown",
    "Charles Kennedy",
    "Alan Milburn",
    "Andy Robinson",
    "Jack Straw",
    "Charles Clarke",
    "David Blunkett",
    "Alex Ferguson",
    "Martin Scorsese",
    "Oliver Letwin",
    "Ray Charles",
    "Andy Roddick",
    "Brian O'Driscoll",
    "Clive Woodward",
    "Mark Oaten",
    // Counted in sport/480 too, where only "Federer admitted he ..." names him.
    "Roger Federer",
    "Charlie Hodgson",
    "David Davis",
    "Jose Mourinho",
    "Imelda Staunton",
    "Jonny Wilkinson",
    "Kelly Holmes",
    "Jamie Foxx",
    "John Prescott",
    "Mike Ruddock",
    "Mikhail Khodorkovsky",
    "Jason Gardener",
    "Kate Winslet",
];

fn bbc_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/bbc");
    if dir.join("sport").is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is not here", dir.display());
        None
    }
}

#[test]
fn bbc_top_30_people_are_people_once_each() {
    let Some(dir) = bbc_dir() else { return };
    let (files, problems) = collect_files(&[dir]);
    assert!(problems.is_empty(), "{problems:?}");
    let mut store = Store::open_in_memory().unwrap();
    import_files(&mut store, &files, &ImportOptions::default(), &mut |_| {}).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let top = store.person_counts(&Query::default(), today, 30).unwrap();
    let names: Vec<&str> = top.iter().map(|p| p.name.as_str()).collect();
    for p in &top {
        eprintln!("{:4}  {}  {:?}", p.articles, p.name, p.aliases);
    }
    assert_eq!(names, TOP_30);
}
