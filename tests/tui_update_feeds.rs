//! Scripted `update` tests of feeds in the reader: `R` fetching in the background (progress,
//! a second `R` refused, the new articles taken in with the selection kept), the automatic
//! fetch's timer, and the feeds view (moving, Enter filtering to a feed, fetching one, marking
//! one read).

#[path = "tui_support/feeds.rs"]
mod feeds;
#[path = "tui_support/fixture.rs"]
mod fixture;

use std::time::{Duration, Instant};

use byline::tui::config::Config;
use byline::tui::msg::{Command, FetchEvent, Msg, Request, Response};
use byline::tui::App;
use fixture::{FakeStore, Harness};
use ratatui::crossterm::event::KeyCode;

fn with_feeds(n: usize) -> Harness {
    let store = FakeStore::new(n);
    store.feeds.replace(feeds::fixture_feeds());
    Harness::with(store, 120, 40, false)
}

fn fetch_event(h: &mut Harness, event: FetchEvent) -> Vec<Command> {
    h.send(Msg::Worker(Response::Fetch(event)))
}

fn fetches(h: &Harness) -> Vec<Option<i64>> {
    h.effects
        .iter()
        .filter_map(|c| match c {
            Command::Fetch { feed } => Some(*feed),
            _ => None,
        })
        .collect()
}

/// Five articles newer than the fixture's, as a fetch stores them.
fn five_new_on_top(h: &Harness) {
    let mut all = fixture::articles(5);
    for (i, a) in all.iter_mut().enumerate() {
        a.row.id = 100 + i as i64;
        a.row.title = format!("Fresh from the wire ({})", a.row.id);
    }
    all.extend(h.store.articles.borrow().iter().cloned());
    h.store.articles.replace(all);
}

#[test]
fn r_fetches_in_the_background_and_shows_the_new_articles_keeping_the_selection() {
    let mut h = with_feeds(30);
    h.keys("jjj");
    let kept = h.selected_id();
    let cmds = h.send(Msg::Key(key('R')));
    assert_eq!(
        cmds,
        [Command::Fetch { feed: None }],
        "nothing else: no SQL here"
    );
    assert!(h.screen().contains("fetching …"), "{}", h.screen());
    fetch_event(&mut h, FetchEvent::Started { total: 3 });
    let progress = FetchEvent::Progress {
        done: 1,
        total: 3,
        name: "Northfield Wire".into(),
        failed: Some("HTTP 500 Internal Server Error".into()),
    };
    fetch_event(&mut h, progress);
    assert!(
        h.screen().contains("30 of 30  fetching 1/3"),
        "{}",
        h.screen()
    );
    fetch_event(&mut h, FetchEvent::Pages { done: 2, total: 7 });
    assert!(
        h.screen().contains("30 of 30  fetching pages 2/7"),
        "the full-text feeds' linked pages: {}",
        h.screen()
    );
    five_new_on_top(&h);
    let gen = h.app.gen;
    let done = FetchEvent::Done {
        new: 5,
        updated: 0,
        failed: 1,
        feeds: 3,
        total: 35,
    };
    let cmds = fetch_event(&mut h, done);
    assert!(cmds.iter().any(
        |c| matches!(c, Command::Request(Request::Query { gen: g, keep_id, .. }) if *g == gen + 1 && *keep_id == kept)
    ));
    assert_eq!(h.app.results.count, Some(35));
    assert_eq!(h.selected_id(), kept, "the same article stays selected");
    assert_eq!(h.app.results.selected, 3 + 5);
    assert_eq!(h.app.fetch, None);
    let screen = h.screen();
    assert!(
        screen.contains("35 of 35  5 new from 3 feeds, 1 failed (F shows why)"),
        "{screen}"
    );
    assert!(screen.contains("Fresh from the wire (100)"), "{screen}");
    // The watch's late news of our own commits is not news.
    h.send(Msg::Worker(Response::StoreChanged { total: 35 }));
    assert_eq!(h.app.changed_total, None);
}

#[test]
fn a_second_r_while_fetching_is_refused() {
    let mut h = with_feeds(30);
    h.keys("R");
    fetch_event(&mut h, FetchEvent::Started { total: 40 });
    let progress = FetchEvent::Progress {
        done: 12,
        total: 40,
        name: "Harbour Gazette".into(),
        failed: None,
    };
    fetch_event(&mut h, progress);
    let cmds = h.send(Msg::Key(key('R')));
    assert!(cmds.is_empty(), "{cmds:?}");
    assert_eq!(fetches(&h), [None], "one fetch only");
    assert_eq!(h.flash(), "already fetching 12/40");
}

#[test]
fn r_without_feeds_says_how_to_add_one_and_nothing_due_says_when() {
    let mut h = Harness::new(30, 120, 40);
    h.keys("R");
    assert_eq!(h.app.fetch, None);
    assert!(h.flash().contains("byline feed add URL"), "{}", h.flash());
    let mut h = with_feeds(30);
    h.keys("R");
    let soon = chrono::Utc::now().timestamp() + 20 * 60 + 30;
    fetch_event(
        &mut h,
        FetchEvent::NothingDue {
            next_due: Some(soon),
        },
    );
    assert_eq!(h.app.fetch, None);
    assert_eq!(
        h.flash(),
        "no feed is due (the next in 20 min); F then r fetches one now"
    );
}

#[test]
fn a_stopped_fetch_warns_and_still_shows_what_was_stored() {
    let mut h = with_feeds(30);
    h.keys("R");
    let gen = h.app.gen;
    fetch_event(&mut h, FetchEvent::Stopped("database is locked".into()));
    assert_eq!(h.app.fetch, None);
    assert_eq!(h.flash(), "fetch stopped: database is locked");
    assert_eq!(h.app.gen, gen + 1);
}

#[test]
fn the_automatic_fetch_starts_on_the_timer_and_quietly() {
    let config = Config {
        fetch_interval: Some(Duration::from_secs(30 * 60)),
        ..Config::default()
    };
    let mut app = App::new(config, false, fixture::today(), false);
    let start = Instant::now();
    let update = byline::tui::update;
    assert!(update(&mut app, Msg::Tick(start)).is_empty());
    assert_eq!(app.next_fetch, Some(start + Duration::from_secs(1800)));
    assert!(update(&mut app, Msg::Tick(start + Duration::from_secs(60))).is_empty());
    let cmds = update(&mut app, Msg::Tick(start + Duration::from_secs(1801)));
    assert_eq!(cmds, [Command::Fetch { feed: None }]);
    assert_eq!(app.next_fetch, None, "no second start while it runs");
    let nothing = FetchEvent::NothingDue { next_due: None };
    update(&mut app, Msg::Worker(Response::Fetch(nothing)));
    assert_eq!(
        app.flash, None,
        "the timer's fetch finding nothing is no news"
    );
    assert!(app
        .next_fetch
        .is_some_and(|t| t >= start + Duration::from_secs(1800)));
    let mut off = App::new(Config::default(), false, fixture::today(), false);
    assert!(update(&mut off, Msg::Tick(start)).is_empty());
    assert_eq!(off.next_fetch, None, "off by default");
}

#[test]
fn the_feeds_view_moves_and_enter_filters_the_list_to_the_feed() {
    let mut h = with_feeds(30);
    h.keys("F");
    assert!(h.requests.contains(&Request::Feeds));
    let selected = |h: &Harness| h.app.feeds.as_ref().map(|v| v.selected);
    assert_eq!(h.app.feeds.as_ref().map(|v| v.items.len()), Some(3));
    h.keys("j");
    assert_eq!(selected(&h), Some(1));
    h.keys("G");
    assert_eq!(selected(&h), Some(2));
    h.press(KeyCode::Up);
    h.keys("g");
    assert_eq!(selected(&h), Some(0));
    h.press(KeyCode::Down);
    h.keys("jk");
    assert_eq!(selected(&h), Some(1));
    h.press(KeyCode::Enter);
    assert!(h.app.feeds.is_none());
    assert_eq!(h.app.filter.applied, "source:\"Northfield Wire\"");
    assert_eq!(h.app.results.count, Some(10));
    let first = h.app.results.selected_row().unwrap();
    assert_eq!(first.source.as_deref(), Some("Northfield Wire"));
}

#[test]
fn the_feeds_view_fetches_one_feed_and_marks_one_read_then_closes() {
    let mut h = with_feeds(30);
    h.keys("Fjr");
    assert_eq!(fetches(&h), [Some(2)]);
    assert!(
        h.app.feeds.is_some(),
        "the view stays open while it fetches"
    );
    h.keys("kA");
    assert!(h.requests.contains(&Request::MarkFeedRead { feed_id: 1 }));
    assert!(h.flash().starts_with("marked ") && h.flash().ends_with(" of Harbour Gazette read"));
    let unread = h
        .store
        .articles
        .borrow()
        .iter()
        .filter(|a| !a.row.read)
        .count();
    let gazette_unread = h
        .store
        .articles
        .borrow()
        .iter()
        .filter(|a| !a.row.read && a.row.source.as_deref() == Some("Harbour Gazette"))
        .count();
    assert!(unread > 0 && gazette_unread == 0);
    h.keys("q");
    assert!(h.app.feeds.is_none());
    assert!(!h.app.quit, "q closes the view, not the reader");
    h.keys("F");
    h.press(KeyCode::Esc);
    assert!(h.app.feeds.is_none());
}

fn key(c: char) -> ratatui::crossterm::event::KeyEvent {
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT)
}
