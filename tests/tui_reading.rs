//! The reading flow through `update`: the article full screen (by default at 80x24), the next
//! unread article (Tab, and Space at an article's end), the next article from inside one, and
//! the help scrolled with the usual keys.

#[path = "tui_support/fixture.rs"]
mod fixture;

use byline::tui::msg::Request;
use byline::tui::state::Focus;
use fixture::Harness;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn marked_read(h: &Harness) -> Vec<i64> {
    h.requests
        .iter()
        .filter_map(|r| match r {
            Request::SetRead { id, read: true } => Some(*id),
            _ => None,
        })
        .collect()
}

#[test]
fn at_80x24_an_article_opens_full_screen_and_esc_brings_the_list_back() {
    let mut h = Harness::new(12, 80, 24);
    h.press(KeyCode::Enter);
    assert!(h.app.full);
    assert_eq!(h.app.focus, Focus::Reader);
    let screen = h.screen();
    assert!(!screen.contains("(2)"), "the list is hidden:\n{screen}");
    // The whole height between the bars is the article's: 24 - bar, chips, status, borders.
    assert_eq!(h.app.reader_size().0, 24 - 3 - 2);
    h.press(KeyCode::Esc);
    assert!(!h.app.full);
    assert_eq!(h.app.focus, Focus::List);
    assert!(h.screen().contains("(2)"));
}

#[test]
fn on_a_wide_terminal_the_article_opens_beside_the_list_and_z_or_enter_toggle_it() {
    let mut h = Harness::new(12, 120, 40);
    h.press(KeyCode::Enter);
    assert!(!h.app.full);
    h.keys("z");
    assert!(h.app.full);
    h.press(KeyCode::Enter);
    assert!(!h.app.full);
    assert_eq!(h.app.focus, Focus::Reader);
}

#[test]
fn tab_goes_to_the_next_unread_article_and_shift_tab_back() {
    // Articles 4, 8 and 12 are read; the list starts at 1.
    let mut h = Harness::new(12, 120, 40);
    h.press(KeyCode::Tab);
    assert_eq!(h.selected_id(), Some(2), "in the list Tab only selects");
    assert!(marked_read(&h).is_empty());
    h.press(KeyCode::Enter);
    assert_eq!(marked_read(&h), [2]);
    h.press(KeyCode::Tab);
    h.press(KeyCode::Tab);
    assert_eq!(h.selected_id(), Some(5), "the read article 4 is skipped");
    assert_eq!(marked_read(&h), [2, 3, 5], "while reading each is opened");
    h.send(byline::tui::msg::Msg::Key(KeyEvent::new(
        KeyCode::BackTab,
        KeyModifiers::SHIFT,
    )));
    assert_eq!(
        h.selected_id(),
        Some(1),
        "4, 3 and 2 are read now: 1 is not"
    );
}

#[test]
fn space_at_an_articles_end_opens_the_next_unread_one() {
    let mut h = Harness::new(12, 120, 40);
    h.press(KeyCode::Enter);
    // The fixture's articles fit the pane: the first Space is already at the end.
    h.keys(" ");
    assert_eq!(h.selected_id(), Some(2));
    assert_eq!(h.app.focus, Focus::Reader);
    assert_eq!(marked_read(&h), [1, 2]);
    for _ in 0..2 {
        h.keys(" ");
    }
    assert_eq!(h.selected_id(), Some(5), "4 was read already");
    for _ in 0..20 {
        h.keys(" ");
    }
    assert_eq!(h.selected_id(), Some(11), "12 was read already");
    assert_eq!(h.flash(), "no unread article after this one");
}

#[test]
fn ctrl_n_and_ctrl_p_move_between_articles_while_reading() {
    let mut h = Harness::new(3, 120, 40);
    h.press(KeyCode::Enter);
    h.ctrl('n');
    assert_eq!(h.selected_id(), Some(2));
    assert_eq!(h.app.focus, Focus::Reader);
    h.ctrl('n');
    h.ctrl('n');
    assert_eq!(h.selected_id(), Some(3));
    assert_eq!(h.flash(), "this is the last article");
    h.ctrl('p');
    assert_eq!(h.selected_id(), Some(2));
    assert_eq!(marked_read(&h), [1, 2, 3]);
}

#[test]
fn the_help_scrolls_with_space_g_and_capital_g() {
    let mut h = Harness::new(3, 80, 24);
    h.keys("?");
    assert!(h.app.help);
    h.keys(" ");
    assert_eq!(h.app.help_scroll, 10);
    h.keys("G");
    assert!(h.app.help_scroll > 10);
    h.keys("g");
    assert_eq!(h.app.help_scroll, 0);
    assert!(h.app.help, "scrolling keys keep the help open");
    h.keys("q");
    assert!(!h.app.help);
}
