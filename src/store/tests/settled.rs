//! Mentions written on import. People settled by one transaction of an import serve the next
//! only while they still exist (sources too): not after a rollback, not after another
//! connection's commit.

use super::*;

fn mentioning<'a>(title: &'a str, people: &'a [(&'a str, &'a [&'a str])]) -> NewArticle {
    new_article(&Fixture {
        title,
        people,
        ..BASE
    })
}

const ADA: &[(&str, &[&str])] = &[("Ada Renshaw", &["Renshaw"])];

fn people_named(store: &Store, name: &str) -> i64 {
    store
        .conn
        .query_row("SELECT count(*) FROM people WHERE name = ?1", [name], |r| {
            r.get(0)
        })
        .unwrap()
}

#[test]
fn people_of_a_rolled_back_transaction_are_not_reused() {
    let mut store = Store::open_in_memory().unwrap();
    let mut settled = Settled::default();
    let mut import = store.begin_import(&mut settled).unwrap();
    import.write(&mentioning("One", ADA)).unwrap();
    drop(import); // rolled back: Ada Renshaw was never stored

    let mut import = store.begin_import(&mut settled).unwrap();
    import.write(&mentioning("Two", ADA)).unwrap();
    import.commit().unwrap();
    assert_eq!(people_named(&store, "Ada Renshaw"), 1);
}

#[test]
fn people_and_sources_removed_by_another_connection_are_settled_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    let mut store = Store::open(&path).unwrap();
    let mut settled = Settled::default();
    let mut import = store.begin_import(&mut settled).unwrap();
    import.write(&mentioning("One", ADA)).unwrap();
    import.commit().unwrap();

    let other = rusqlite::Connection::open(&path).unwrap();
    other
        .execute_batch(
            "DELETE FROM mentions; DELETE FROM person_aliases; DELETE FROM people;
             DELETE FROM articles; DELETE FROM source_aliases; DELETE FROM sources;",
        )
        .unwrap();

    let mut import = store.begin_import(&mut settled).unwrap();
    import.write(&mentioning("Two", ADA)).unwrap();
    import.commit().unwrap();
    assert_eq!(people_named(&store, "Ada Renshaw"), 1);
    let sources: i64 = store
        .conn
        .query_row("SELECT count(*) FROM sources", [], |r| r.get(0))
        .unwrap();
    assert_eq!(sources, 1);
}

#[test]
fn people_settled_earlier_in_an_import_are_kept_for_the_next_transaction() {
    let mut store = Store::open_in_memory().unwrap();
    let mut settled = Settled::default();
    let mut import = store.begin_import(&mut settled).unwrap();
    import.write(&mentioning("One", ADA)).unwrap();
    import.commit().unwrap();
    drop(store.begin_import(&mut settled).unwrap());
    assert_eq!(settled.people_len(), 1);
}

#[test]
fn an_updated_article_loses_the_mentions_it_no_longer_has() {
    let mut store = Store::open_in_memory().unwrap();
    let url = Some("https://example.org/harbour");
    let first = new_article(&Fixture {
        url,
        people: ADA,
        ..BASE
    });
    store.import_batch(&[first]).unwrap();
    let changed = new_article(&Fixture {
        url,
        body: "Talks resumed on Tuesday.",
        people: &[("Tove Lindqvist", &["Lindqvist"])],
        ..BASE
    });
    assert_eq!(
        store.import_batch(&[changed]).unwrap(),
        [ImportOutcome::Updated]
    );
    let mut stmt = store
        .conn
        .prepare("SELECT p.name FROM mentions m JOIN people p ON p.id = m.person_id")
        .unwrap();
    let names: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(names, ["Tove Lindqvist"]);
}
