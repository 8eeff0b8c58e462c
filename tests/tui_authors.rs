//! The author picker (`a`): the articles' own authors with counts under the filter; Enter adds
//! `author:NAME` to the query.

#[path = "tui_support/fixture.rs"]
mod fixture;

use fixture::Harness;
use ratatui::crossterm::event::KeyCode;

#[test]
fn a_picks_an_author_and_narrows_the_list_to_their_articles() {
    let mut h = Harness::new(12, 80, 24);
    for (i, a) in h.store.articles.borrow_mut().iter_mut().enumerate() {
        a.author = Some(["Ann Bee", "Cy Dee", "Ann Bee"][i % 3].to_string());
    }
    let by = |h: &Harness, name: &str| {
        h.store
            .articles
            .borrow()
            .iter()
            .filter(|a| a.author.as_deref() == Some(name))
            .count() as u64
    };
    h.press(KeyCode::Char('a'));
    let picker = h.app.picker.as_ref().expect("the author picker");
    let first = picker.items.first().expect("authors").clone();
    assert_eq!(first.count, Some(by(&h, &first.label)));
    assert!(h.screen().contains(" Authors "), "{}", h.screen());
    h.press(KeyCode::Enter);
    assert!(
        h.app.filter.applied.contains("author:"),
        "{}",
        h.app.filter.applied
    );
    assert_eq!(h.app.results.count, Some(by(&h, &first.label)));
}
