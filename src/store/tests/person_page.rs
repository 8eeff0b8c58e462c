//! A person's page: their articles, months (gaps counted 0), the people mentioned with them,
//! their sources and aliases; the people and sources bounded to their newest articles.

use super::*;

fn story(
    title: &'static str,
    source: &'static str,
    date: &'static str,
    people: &'static [(&'static str, &'static [&'static str])],
) -> NewArticle {
    new_article(&Fixture {
        title,
        source: Some(source),
        date: Some(date),
        people,
        ..BASE
    })
}

const ALBA: (&str, &[&str]) = ("Alba Renshaw", &["Alba Renshaw", "A. Renshaw", "Renshaw"]);
const TOMAS: (&str, &[&str]) = ("Tomas Varga", &["Varga"]);
const INES: (&str, &[&str]) = ("Ines Dee", &["Dee"]);

fn store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store
        .import_batch(&[
            story("Pier", "Northwind Wire", "2025-09-03", &[ALBA, TOMAS]),
            story("Storm", "Harbor Press", "2025-09-20", &[ALBA, TOMAS, INES]),
            story("Ferry", "Northwind Wire", "2025-12-01", &[ALBA, INES]),
            story("Tram", "Northwind Wire", "2025-12-02", &[TOMAS, INES]),
            story("Budget", "Harbor Press", "2025-12-05", &[TOMAS]),
        ])
        .unwrap();
    store
}

fn pairs(list: &[(&str, u64)]) -> Vec<(String, u64)> {
    list.iter().map(|(s, n)| (s.to_string(), *n)).collect()
}

#[test]
fn the_page_counts_months_people_with_them_sources_and_aliases() {
    let store = store();
    let page = store.person_page("renshaw", 10, 100).unwrap().unwrap();
    assert_eq!(page.name, "Alba Renshaw");
    assert_eq!(page.aliases, ["A. Renshaw"]);
    assert_eq!((page.articles, page.counted, page.bounded()), (3, 3, false));
    let months = [
        ("2025-09", 2),
        ("2025-10", 0),
        ("2025-11", 0),
        ("2025-12", 1),
    ];
    assert_eq!(page.months, pairs(&months));
    assert_eq!(page.with, pairs(&[("Ines Dee", 2), ("Tomas Varga", 2)]));
    assert_eq!(
        page.sources,
        pairs(&[("Northwind Wire", 2), ("Harbor Press", 1)])
    );
    // The page counts what `person:` finds.
    let q = crate::query::parse("person:renshaw").unwrap();
    assert_eq!(store.count(&q, today()).unwrap(), page.articles);
    assert_eq!(store.person_page("Nobody Here", 10, 100).unwrap(), None);
}

#[test]
fn people_and_sources_are_counted_over_the_newest_articles_only() {
    let store = store();
    let page = store.person_page("Tomas Varga", 1, 2).unwrap().unwrap();
    assert_eq!((page.articles, page.counted, page.bounded()), (4, 2, true));
    // Budget (Harbor Press, alone) and Tram (Northwind Wire, with Ines Dee).
    assert_eq!(page.with, pairs(&[("Ines Dee", 1)]));
    assert_eq!(page.sources, pairs(&[("Harbor Press", 1)]));
    let months: u64 = page.months.iter().map(|(_, n)| n).sum();
    assert_eq!(months, 4);
}
