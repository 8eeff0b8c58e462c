//! What the reader shows stays true to the store: a mark the store cannot save (a full disk, a
//! locked store) is put back with the store's reason in words, and a query that finds more
//! articles than the last known total raises the total.

#[path = "tui_support/fixture.rs"]
mod fixture;

use byline::tui::msg::{Msg, Response};
use byline::tui::state::FlashKind;
use fixture::Harness;

#[test]
fn a_star_or_read_mark_the_store_refused_is_put_back_and_explained() {
    let mut h = Harness::new(10, 120, 40);
    h.keys("*");
    let id = h.selected_id().unwrap();
    assert!(h.app.results.selected_row().unwrap().starred);
    let message = "the star was not saved: the disk holding the store s.db is full".to_string();
    h.send(Msg::Worker(Response::MarkFailed {
        id,
        read: None,
        starred: Some(true),
        message: message.clone(),
    }));
    assert!(!h.app.results.selected_row().unwrap().starred, "put back");
    assert!(h.app.reader.article.iter().all(|a| !a.row.starred));
    assert_eq!(h.app.flash, Some((message, FlashKind::Warn)));
    let read_before = h.app.results.selected_row().unwrap().read;
    h.keys("r");
    h.send(Msg::Worker(Response::MarkFailed {
        id,
        read: Some(!read_before),
        starred: None,
        message: "the read mark was not saved: locked".into(),
    }));
    assert_eq!(h.app.results.selected_row().unwrap().read, read_before);
}

#[test]
fn a_query_finding_more_than_the_known_total_raises_the_total() {
    use byline::tui::msg::Command;
    let mut h = Harness::new(10, 120, 40);
    h.app.total = Some(8); // counted before an import beside the reader committed more
    let gen = h.app.gen;
    let cmds = h.send(Msg::Worker(Response::Results {
        gen,
        count: 12,
        pages: vec![(0, Vec::new())],
    }));
    let _: Vec<Command> = cmds;
    assert_eq!(h.app.total, Some(12), "never '12 of 8'");
}
