//! The saved-search picker: `S` lists the saved searches with their counts, Enter makes the
//! chosen `@name` the whole filter; `W` saves the filter under a typed name; the picker at 80x24.

#[path = "tui_support/fixture.rs"]
mod fixture;

use fixture::{FakeStore, Harness};
use ratatui::crossterm::event::KeyCode;

fn with_saved() -> Harness {
    let store = FakeStore::new(40);
    store.saved.borrow_mut().extend([
        ("wire".to_string(), "source:\"Northfield Wire\"".to_string()),
        (
            "wrenfield".to_string(),
            "person:\"Tobias Wrenfield\" is:starred".to_string(),
        ),
    ]);
    Harness::with(store, 80, 24, false)
}

#[test]
fn the_picker_lists_each_saved_search_with_its_counts() {
    let mut h = with_saved();
    h.keys("S");
    let picker = h.app.picker.as_ref().expect("open");
    let items: Vec<(&str, Option<u64>, Option<u64>)> = picker
        .shown
        .iter()
        .map(|i| &picker.items[*i])
        .map(|item| (item.term.as_str(), item.count, item.unread))
        .collect();
    // Every fourth fixture article is read: 13 from the wire, 3 of them read.
    assert_eq!(items[0], ("@wire", Some(13), Some(10)));
    assert_eq!(items[1].0, "@wrenfield");
    assert_eq!(items.len(), 2);
}

#[test]
fn enter_makes_the_saved_search_the_whole_filter() {
    let mut h = with_saved();
    h.keys("/harbour");
    h.press(KeyCode::Enter);
    h.keys("Swren");
    h.press(KeyCode::Enter);
    assert!(h.app.picker.is_none());
    assert_eq!(h.app.filter.text(), "@wrenfield");
    assert!(h.app.filter.error.is_none());
    let starred_of_his = h
        .store
        .articles
        .borrow()
        .iter()
        .filter(|a| a.row.starred && a.people.iter().any(|p| p.name == "Tobias Wrenfield"))
        .count() as u64;
    assert!(starred_of_his > 0);
    assert_eq!(h.app.results.count, Some(starred_of_his));
}

#[test]
fn no_saved_searches_says_nothing_matches_and_esc_closes() {
    let mut h = Harness::new(10, 80, 24);
    h.keys("S");
    let picker = h.app.picker.as_ref().expect("open");
    assert!(picker.items.is_empty() && !picker.loading);
    h.press(KeyCode::Esc);
    assert!(h.app.picker.is_none());
    assert_eq!(h.app.filter.text(), "");
}

#[test]
fn saved_search_picker_80x24() {
    let mut h = with_saved();
    h.keys("S");
    insta::assert_snapshot!(h.screen());
}

#[test]
fn w_saves_the_filter_under_the_typed_name() {
    let mut h = with_saved();
    h.keys("/harbour");
    h.press(KeyCode::Enter);
    h.keys("W");
    let picker = h.app.picker.as_ref().expect("the name prompt");
    assert_eq!(picker.items.len(), 2, "the names taken are listed");
    h.keys("port");
    h.press(KeyCode::Enter);
    assert!(h.app.picker.is_none());
    let saved = h.store.saved.borrow().last().cloned();
    assert_eq!(saved, Some(("port".to_string(), "harbour".to_string())));
    let flash = h.app.flash.as_ref().map(|(text, _)| text.clone());
    assert!(flash.is_some_and(|f| f.contains("@port")));
    // A name taken is refused by the store, and said.
    h.keys("Wwire");
    h.press(KeyCode::Enter);
    let flash = h.app.flash.as_ref().map(|(text, _)| text.clone()).unwrap();
    assert!(flash.contains("already called"), "{flash}");
    assert_eq!(h.store.saved.borrow().len(), 3);
}

#[test]
fn w_refuses_an_empty_filter_and_a_bad_name() {
    let mut h = with_saved();
    h.keys("W");
    assert!(h.app.picker.is_none());
    assert!(h.app.flash.as_ref().unwrap().0.contains("filter is empty"));
    h.keys("/harbour");
    h.press(KeyCode::Enter);
    h.keys("Wa b");
    h.press(KeyCode::Enter);
    assert!(
        h.app.picker.is_some(),
        "the prompt stays open to fix the name"
    );
    assert!(h.app.flash.as_ref().unwrap().0.contains("letters, digits"));
    assert_eq!(h.store.saved.borrow().len(), 2);
}

#[test]
fn the_reading_pane_highlights_what_the_saved_search_names() {
    let mut h = with_saved();
    h.keys("Swren");
    h.press(KeyCode::Enter);
    let expanded = h
        .app
        .filter
        .expanded
        .as_ref()
        .expect("the worker expanded @wrenfield");
    assert_eq!(
        expanded.to_string(),
        "person:\"Tobias Wrenfield\" is:starred"
    );
    h.press(KeyCode::Enter);
    let doc = h.app.reader.doc.as_ref().expect("an article open");
    assert!(
        !doc.matches.is_empty(),
        "the person is marked in the article"
    );
}
