//! Through `update` and the view at 80x24: over SSH `o` copies a long URL and shows it whole
//! (wrapped, not cut); config problems at start show the first on the status line with how many
//! more, and the help lists them all.

#[path = "tui_support/fixture.rs"]
mod fixture;

use byline::tui::msg::{Command, Msg};
use fixture::{FakeStore, Harness};

const URL: &str = "https://news.example/2025/12/10/council-votes-on-the-harbour-budget-after-a-\
    long-night-of-talks-in-velmora-with-the-port-authority?ref=front;page=2";

#[test]
fn over_ssh_o_copies_and_shows_the_whole_url() {
    let store = FakeStore::new(5);
    for a in store.articles.borrow_mut().iter_mut() {
        if a.row.id == 1 {
            a.row.url = Some(URL.into());
        }
    }
    let mut h = Harness::with(store, 80, 24, false);
    h.app.remote = true;
    assert_eq!(h.selected_id(), Some(1));
    h.keys("o");
    assert_eq!(h.effects.last(), Some(&Command::Copy(URL.into())));
    let screen = h.screen();
    assert!(
        screen.replace('\n', "").contains(URL),
        "the URL is not shown whole:\n{screen}"
    );
    // The next key takes the message away.
    h.keys("j");
    assert!(!h.screen().replace('\n', "").contains(URL));
}

#[test]
fn config_problems_show_at_start_and_in_the_help() {
    let mut h = Harness::new(5, 80, 24);
    let problems = vec![
        "config.toml line 3: list_percent must be between 20 and 80, got 95".to_string(),
        "config.toml line 4: mouse must be true or false, got \"yes\"".to_string(),
        "config.toml line 8: unknown action `fly` in [keys]; ignored".to_string(),
    ];
    h.app.config_warnings = problems.clone();
    h.send(Msg::Warnings(problems));
    let flash = h.app.flash.clone().unwrap().0;
    assert_eq!(
        flash,
        "config.toml line 3: list_percent must be between 20 and 80, got 95 \
         (+2 more; ? lists them all)"
    );
    h.keys("?");
    let screen = h.screen();
    assert!(screen.contains("config problems"), "{screen}");
    assert!(
        screen.contains("line 3: list_percent must be between 20 and"),
        "{screen}"
    );
    assert!(
        screen.contains("line 4: mouse must be true or false"),
        "{screen}"
    );
    assert!(screen.contains("line 8: unknown action `fly`"), "{screen}");
}
