//! The list's order through `update`: `O` cycles newest, oldest, by source and unread first,
//! the status line names any order but the default, the selection is kept, and the order is
//! saved with the query and comes back at the next start.

#[path = "tui_support/fixture.rs"]
mod fixture;

use byline::store::Sort;
use byline::tui::msg::{Msg, Request, Response};
use fixture::Harness;
use ratatui::crossterm::event::KeyCode;

fn titles(h: &Harness) -> Vec<String> {
    (0..h.app.results.count.unwrap_or(0))
        .filter_map(|i| h.app.results.row(i).map(|r| r.title.clone()))
        .collect()
}

#[test]
fn o_cycles_the_orders_keeps_the_selection_and_names_the_order() {
    let mut h = Harness::new(12, 80, 24);
    let newest = titles(&h);
    h.press(KeyCode::Char('j'));
    let selected = h.selected_id();
    h.press(KeyCode::Char('O'));
    assert_eq!(h.app.sort, Sort::Oldest);
    assert!(
        h.screen().contains("of 12 · oldest first"),
        "{}",
        h.screen()
    );
    let oldest = titles(&h);
    assert_ne!(oldest, newest);
    let dates: Vec<_> = (0..12)
        .filter_map(|i| h.app.results.row(i).and_then(|r| r.date))
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    assert_eq!(
        h.selected_id(),
        selected,
        "the selection stays on its article"
    );
    let last = h.requests.iter().rev().find_map(|r| match r {
        Request::Query { sort, .. } => Some(*sort),
        _ => None,
    });
    assert_eq!(last, Some(Sort::Oldest));
    h.press(KeyCode::Char('O'));
    assert!(h.screen().contains("by source"));
    let sources: Vec<String> = (0..12)
        .filter_map(|i| h.app.results.row(i).and_then(|r| r.source.clone()))
        .collect();
    let mut sorted = sources.clone();
    sorted.sort_by_key(|s| s.to_lowercase());
    assert_eq!(sources, sorted);
    h.press(KeyCode::Char('O'));
    let reads: Vec<bool> = (0..12)
        .filter_map(|i| h.app.results.row(i).map(|r| r.read))
        .collect();
    assert!(
        reads.windows(2).all(|w| w[0] <= w[1]),
        "unread first: {reads:?}"
    );
    h.press(KeyCode::Char('O'));
    assert_eq!(h.app.sort, Sort::Newest);
    assert_eq!(titles(&h), newest);
    assert!(!h.screen().contains("first ·"));
}

#[test]
fn the_order_is_saved_on_quit_and_restored_at_start() {
    let mut h = Harness::new(12, 80, 24);
    h.press(KeyCode::Char('O'));
    h.press(KeyCode::Char('q'));
    let saved = h.requests.iter().rev().find_map(|r| match r {
        Request::SaveState { sort, .. } => Some(*sort),
        _ => None,
    });
    assert_eq!(saved, Some(Sort::Oldest));
    let ui = h.store.ui.lock().unwrap().clone();
    assert!(
        ui.contains(&("sort".to_string(), "oldest".to_string())),
        "{ui:?}"
    );

    let mut again = Harness::new(12, 80, 24);
    again.send(Msg::Worker(Response::Init {
        total: 12,
        last_query: None,
        selected: None,
        sort: Sort::Source,
    }));
    assert_eq!(again.app.sort, Sort::Source);
    assert!(again.screen().contains("by source"));
}
