//! Subscriptions in the store.

use super::*;

fn tags(list: &[&str]) -> Vec<String> {
    list.iter().map(|t| t.to_string()).collect()
}

#[test]
fn feeds_are_added_once_with_free_names_and_listed() {
    let store = Store::open_in_memory().unwrap();
    let (a, new) = store
        .add_feed("News", "https://e.org/a.xml", &tags(&["x", "y"]))
        .unwrap();
    assert!(new);
    assert_eq!(
        store.add_feed("Other", "https://e.org/a.xml", &[]).unwrap(),
        (a, false)
    );
    let (b, _) = store.add_feed("news", "https://e.org/b.xml", &[]).unwrap();
    let names: Vec<String> = store.feeds().unwrap().into_iter().map(|f| f.name).collect();
    assert_eq!(names, ["News", "news (2)"]);
    assert_eq!(store.find_feed("NEWS").unwrap().unwrap().id, a);
    assert_eq!(
        store.find_feed("https://e.org/b.xml").unwrap().unwrap().id,
        b
    );
    assert_eq!(store.find_feed("News").unwrap().unwrap().tags, ["x", "y"]);
}

#[test]
fn a_fetch_record_keeps_validators_and_a_permanent_move_changes_the_url() {
    let store = Store::open_in_memory().unwrap();
    let (id, _) = store.add_feed("A", "http://e.org/a", &[]).unwrap();
    let record = FetchRecord {
        status: "ok".into(),
        etag: Some("\"v1\"".into()),
        next_due: 100,
        moved_to: Some("https://e.org/a".into()),
        ..FetchRecord::default()
    };
    store.record_fetch(id, &record).unwrap();
    let plain = FetchRecord {
        status: "not modified".into(),
        next_due: 200,
        ..FetchRecord::default()
    };
    store.record_fetch(id, &plain).unwrap();
    let feed = store.find_feed("A").unwrap().unwrap();
    assert_eq!(feed.url, "https://e.org/a");
    assert_eq!(feed.etag.as_deref(), Some("\"v1\""));
    assert_eq!(feed.next_due, 200);
    assert_eq!(feed.last_status.as_deref(), Some("not modified"));
}

#[test]
fn settings_rename_and_remove() {
    let store = Store::open_in_memory().unwrap();
    let (id, _) = store.add_feed("A", "http://e.org/a", &[]).unwrap();
    store.add_feed("B", "http://e.org/b", &[]).unwrap();
    store.set_feed_enabled(id, false).unwrap();
    store.set_feed_interval(id, Some(3600)).unwrap();
    assert_eq!(store.rename_feed(id, "b").unwrap(), "b (2)");
    let feed = store.find_feed("b (2)").unwrap().unwrap();
    assert!(!feed.enabled);
    assert_eq!(feed.interval_secs, Some(3600));
    assert_eq!(store.remove_feed(id, true).unwrap(), 0);
    assert!(store.find_feed("b (2)").unwrap().is_none());
}

#[test]
fn an_undated_item_keeps_the_day_first_seen_through_updates_and_reindex() {
    use crate::feeds::ItemDoc;
    use crate::importer::prepare_item;
    let mut store = Store::open_in_memory().unwrap();
    let first_day = chrono::NaiveDate::from_ymd_opt(2025, 12, 1).unwrap();
    let later = chrono::NaiveDate::from_ymd_opt(2025, 12, 9).unwrap();
    let item = |body: &str, day| {
        let doc = ItemDoc::new("guid:u1".into(), "Undated".into(), body.into(), false);
        prepare_item(
            &doc,
            "feed:1#guid:u1".into(),
            Some("Desk".into()),
            None,
            day,
        )
    };
    store
        .import_batch(&[item("First text.", first_day)])
        .unwrap();
    let day = |store: &Store| -> (String, bool) {
        store
            .conn
            .query_row("SELECT date, first_seen_date FROM articles", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap()
    };
    assert_eq!(day(&store), ("2025-12-01".to_string(), true));
    let outcome = store.import_batch(&[item("Changed text.", later)]).unwrap();
    assert_eq!(outcome, [crate::store::ImportOutcome::Updated]);
    assert_eq!(
        day(&store),
        ("2025-12-01".to_string(), true),
        "an update keeps the first day"
    );
    crate::importer::reindex(&mut store, 10, &mut |_| {}).unwrap();
    assert_eq!(
        day(&store),
        ("2025-12-01".to_string(), true),
        "so does reindex"
    );
    let mentions_dates: i64 = store
        .conn
        .query_row(
            "SELECT count(*) FROM mentions WHERE date IS NOT '2025-12-01'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(mentions_dates, 0);
}

#[test]
fn full_text_is_off_until_set_and_turning_it_on_forgets_the_validators() {
    let store = Store::open_in_memory().unwrap();
    let (id, _) = store.add_feed("A", "https://e.org/a", &[]).unwrap();
    let record = FetchRecord {
        etag: Some("\"v1\"".into()),
        ..FetchRecord::default()
    };
    store.record_fetch(id, &record).unwrap();
    let feed = |s: &Store| s.find_feed("A").unwrap().unwrap();
    assert!(!feed(&store).full_text);
    store.set_feed_full_text(id, true).unwrap();
    assert!(feed(&store).full_text);
    assert_eq!(
        feed(&store).etag,
        None,
        "the next fetch reads the whole feed"
    );
    store.record_fetch(id, &record).unwrap();
    store.set_feed_full_text(id, true).unwrap();
    assert_eq!(feed(&store).etag.as_deref(), Some("\"v1\""), "already on");
    store.set_feed_full_text(id, false).unwrap();
    assert!(!feed(&store).full_text);
    let forget = FetchRecord {
        etag: Some("\"v2\"".into()),
        last_modified: Some("Sat, 06 Dec 2025 10:00:00 GMT".into()),
        forget_validators: true,
        ..FetchRecord::default()
    };
    store.record_fetch(id, &forget).unwrap();
    assert_eq!(
        (feed(&store).etag, feed(&store).last_modified),
        (None, None)
    );
}
