//! Numbered links in the reader: digits before `o` or `y` open or copy the article's link of
//! that number (the `[n]` list at the end of a page or feed item), through `update` alone.

#[path = "tui_support/fixture.rs"]
mod fixture;

use byline::model::{Block, BlockKind};
use byline::tui::msg::Command;
use fixture::{FakeStore, Harness};

const REPORT: &str = "https://example.org/report";
const MAP: &str = "https://example.org/map";

/// Five articles; the first (shown at start) ends with two numbered links.
fn harness() -> Harness {
    let store = FakeStore::new(5);
    for a in store.articles.borrow_mut().iter_mut() {
        if a.row.id == 1 {
            a.body
                .push(Block::paragraph("See the report[1] and the map[2]."));
            a.body.push(Block::heading(byline::links::LINKS_HEADING));
            a.body
                .push(Block::new(BlockKind::ListItem, format!("[1] {REPORT}")));
            a.body
                .push(Block::new(BlockKind::ListItem, format!("[2] {MAP}")));
        }
    }
    let h = Harness::with(store, 120, 40, false);
    assert_eq!(h.selected_id(), Some(1));
    h
}

#[test]
fn a_number_then_y_or_o_copies_or_opens_that_link() {
    let mut h = harness();
    h.keys("2");
    assert!(h.flash().contains("link [2]"), "{}", h.flash());
    h.keys("y");
    assert_eq!(h.effects.last(), Some(&Command::Copy(MAP.into())));
    h.keys("1o");
    assert_eq!(h.effects.last(), Some(&Command::OpenUrl(REPORT.into())));
    // Without a number the keys act on the article's own URL, as before.
    h.keys("y");
    assert_eq!(
        h.effects.last(),
        Some(&Command::Copy("https://news.example/0/story-1".into()))
    );
}

#[test]
fn over_ssh_a_numbered_link_is_copied_not_opened() {
    let mut h = harness();
    h.app.remote = true;
    h.keys("2o");
    assert_eq!(h.effects.last(), Some(&Command::Copy(MAP.into())));
    assert!(h.flash().contains(MAP), "{}", h.flash());
}

#[test]
fn a_number_past_the_last_link_says_which_there_are() {
    let mut h = harness();
    let before = h.effects.len();
    h.keys("12o");
    assert_eq!(h.effects.len(), before, "nothing opened");
    assert_eq!(h.flash(), "no link [12]: the article has [1] to [2]");
    // An article without numbered links says so.
    h.keys("j");
    assert_eq!(h.selected_id(), Some(2));
    h.keys("1y");
    assert_eq!(h.flash(), "this article has no numbered links");
}

#[test]
fn a_number_counts_for_the_next_key_only() {
    let mut h = harness();
    // A movement key drops the number: the `y` after it copies the article's URL.
    h.keys("2jk");
    assert_eq!(h.selected_id(), Some(1));
    h.keys("y");
    assert_eq!(
        h.effects.last(),
        Some(&Command::Copy("https://news.example/0/story-1".into()))
    );
    assert_eq!(h.app.link_number, None);
}
