//! A mark the store cannot save (a full disk, a locked store) is put back on screen, with the
//! store's reason in words: the reader never shows a mark that was not kept.

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
