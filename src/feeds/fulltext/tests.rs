//! Which items of a full-text feed are fetched: new ones and changed links, never one that
//! already has its page (or failed), at most the cap a run.

use super::*;
use crate::model::Block;

fn feed() -> Feed {
    let store = Store::open_in_memory().unwrap();
    let (id, _) = store.add_feed("F", "https://e.org/feed", &[]).unwrap();
    store.set_feed_full_text(id, true).unwrap();
    store.find_feed("F").unwrap().unwrap()
}

fn doc(key: &str, link: Option<&str>) -> ItemDoc {
    let mut doc = ItemDoc::new(key.into(), key.into(), "Summary.".into(), false);
    doc.url = link.map(str::to_string);
    doc
}

#[test]
fn known_pages_are_carried_over_and_the_rest_are_fetched() {
    let feed = feed();
    let mut known = KnownPages::new();
    let text = PageText::text("https://e.org/a", vec![Block::paragraph("Whole.")]);
    let failed = PageText::failed("https://e.org/b", "HTTP 404");
    let stale = PageText::text("https://e.org/old-c", vec![Block::paragraph("Old.")]);
    known.insert(item_origin(feed.id, "a"), text.clone());
    known.insert(item_origin(feed.id, "b"), failed.clone());
    known.insert(item_origin(feed.id, "c"), stale);
    let mut items = vec![
        doc("a", Some("https://e.org/a")),
        doc("b", Some("https://e.org/b")),
        doc("c", Some("https://e.org/c")),
        doc("d", Some("https://e.org/d")),
        doc("e", Some("javascript:alert(1)")),
        doc("f", None),
    ];
    let planned = plan(&mut items, &feed, &known, 100);
    assert!(!planned.left_over);
    let jobs = planned.jobs;
    let links: Vec<&str> = jobs.iter().map(|j| j.link.as_str()).collect();
    assert_eq!(
        links,
        ["https://e.org/c", "https://e.org/d"],
        "changed and new"
    );
    assert_eq!(items[0].page, Some(text));
    assert_eq!(items[1].page, Some(failed), "a failure waits for a retry");
    assert_eq!(
        items[2].page, None,
        "stored without the stale page until fetched"
    );
    assert!(jobs.iter().all(|j| j.doc.page.is_none()));
    assert_eq!(jobs[1].origin, item_origin(feed.id, "d"));
    for unlinked in &items[4..] {
        let page = unlinked.page.as_ref().unwrap();
        assert_eq!(page.failed.as_deref(), Some("the item has no http(s) link"));
    }
}

#[test]
fn a_run_fetches_at_most_the_cap_and_the_rest_wait_unmarked() {
    let feed = feed();
    let mut items: Vec<ItemDoc> = (0..5)
        .map(|i| doc(&i.to_string(), Some(&format!("https://e.org/{i}"))))
        .collect();
    let planned = plan(&mut items, &feed, &KnownPages::new(), 2);
    assert_eq!(planned.jobs.len(), 2);
    assert!(planned.left_over);
    assert!(items.iter().all(|d| d.page.is_none()));
}

#[test]
fn a_feed_set_back_to_summaries_keeps_its_pages_and_asks_for_none() {
    let mut feed = feed();
    feed.full_text = false;
    let mut known = KnownPages::new();
    let text = PageText::text("https://e.org/a", vec![Block::paragraph("Whole.")]);
    known.insert(item_origin(feed.id, "a"), text.clone());
    let mut items = vec![
        doc("a", Some("https://e.org/a")),
        doc("b", Some("https://e.org/b")),
        doc("c", None),
    ];
    assert_eq!(plan(&mut items, &feed, &known, 100), Planned::default());
    assert_eq!(items[0].page, Some(text));
    assert_eq!(
        [&items[1].page, &items[2].page],
        [&None, &None],
        "never marked"
    );
}
