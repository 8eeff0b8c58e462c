//! Scripted `update` tests: generations, stale answers, kept selection, paging, pickers, marks,
//! links and the saved state — all through messages, with a fake store.

#[path = "tui_support/fixture.rs"]
mod fixture;
#[path = "tui_support/script.rs"]
mod script;

use byline::query::parse;
use byline::tui::msg::{Command, Msg, Request, Response, PAGE_SIZE};
use byline::tui::state::Focus;
use fixture::{FakeStore, Harness};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use script::{run_with, Script};

fn queries(reqs: &[Request]) -> Vec<u64> {
    reqs.iter()
        .filter_map(|r| match r {
            Request::Query { gen, .. } => Some(*gen),
            _ => None,
        })
        .collect()
}

#[test]
fn starts_with_the_newest_first_and_the_first_article_previewed() {
    let h = Harness::new(30, 120, 40);
    assert_eq!(h.app.results.count, Some(30));
    assert_eq!(h.selected_id(), Some(1));
    assert_eq!(h.app.reader.article.as_ref().map(|a| a.row.id), Some(1));
    assert_eq!(h.app.total, Some(30));
}

#[test]
fn typing_a_query_sends_a_request_with_a_new_generation() {
    let mut h = Harness::new(30, 120, 40);
    let before = h.app.gen;
    h.keys("/");
    assert_eq!(h.app.focus, Focus::Filter);
    let mut gens = Vec::new();
    for c in "timetable".chars() {
        let cmds = h.send(Msg::Key(ratatui::crossterm::event::KeyEvent::from(
            KeyCode::Char(c),
        )));
        gens.extend(cmds.iter().filter_map(|c| match c {
            Command::Request(Request::Query { gen, query, .. }) => Some((*gen, query.clone())),
            _ => None,
        }));
    }
    assert_eq!(gens.len(), 9, "one query per change");
    assert!(gens.windows(2).all(|w| w[1].0 == w[0].0 + 1), "{gens:?}");
    assert_eq!(gens[0].0, before + 1);
    assert_eq!(gens[8].1, parse("timetable").unwrap());
    assert_eq!(
        h.app.results.count,
        Some(5),
        "5 of 30 are about the timetable"
    );
    h.press(KeyCode::Enter);
    assert_eq!(h.app.focus, Focus::List);
}

#[test]
fn a_query_that_does_not_parse_keeps_the_last_good_results_and_shows_why() {
    let mut h = Harness::new(30, 120, 40);
    h.keys("/timetable");
    let gen = h.app.gen;
    h.send(Msg::Paste(" date:soon".into()));
    assert_eq!(h.app.gen, gen, "no new query while it does not parse");
    let err = h.app.filter.error.clone().expect("an error");
    assert_eq!(err.span.start, "timetable date:".chars().count());
    assert_eq!(h.app.results.count, Some(5));
    assert_eq!(h.app.filter.applied, "timetable");
}

#[test]
fn a_stale_answer_is_dropped() {
    let mut h = Harness::new(30, 120, 40);
    h.keys("/timetable");
    let gen = h.app.gen;
    let stale_row = h.app.results.row(0).cloned().unwrap();
    let mut old = stale_row.clone();
    old.title = "stale".into();
    h.send(Msg::Worker(Response::Results {
        gen: gen - 1,
        count: 999,
        pages: vec![(0, vec![old.clone()])],
    }));
    h.send(Msg::Worker(Response::Page {
        gen: gen - 1,
        page: 0,
        rows: vec![old],
    }));
    assert_eq!(h.app.results.count, Some(5));
    assert_eq!(h.app.results.row(0), Some(&stale_row));
}

#[test]
fn the_selection_follows_the_article_when_results_refresh() {
    let mut h = Harness::new(60, 120, 40);
    h.keys("jjjjjjj"); // row 7: id 8
    let id = h.selected_id().unwrap();
    assert_eq!(id, 8);
    let person = h.app.reader.article.as_ref().unwrap().people[0]
        .name
        .clone();
    h.keys("/");
    h.send(Msg::Paste(format!("person:\"{person}\"")));
    h.press(KeyCode::Enter);
    assert!(h.app.results.count.unwrap() < 60);
    assert_eq!(h.selected_id(), Some(id), "kept by id");
    assert_ne!(h.app.results.selected, 7, "at its new index");
    h.keys("x");
    assert_eq!(h.selected_id(), Some(id));
    assert_eq!(h.app.results.selected, 7);
}

#[test]
fn only_pages_around_the_viewport_are_fetched() {
    let mut h = Harness::new(1000, 120, 40);
    let pages = |h: &Harness| {
        let mut p: Vec<u64> = h.app.results.pages.keys().copied().collect();
        p.sort();
        p
    };
    assert_eq!(pages(&h), vec![0]);
    h.keys("G");
    assert_eq!(h.app.results.selected, 999);
    assert_eq!(h.selected_id(), Some(1000));
    assert_eq!(
        pages(&h),
        vec![4],
        "only the last page; the first was let go"
    );
    h.keys("g");
    assert_eq!(h.selected_id(), Some(1));
    for _ in 0..6 {
        h.press(KeyCode::PageDown);
    }
    let rows = h.app.list_rows();
    assert_eq!(h.app.results.selected, 6 * rows);
    let fetched = h
        .requests
        .iter()
        .filter(|r| matches!(r, Request::Page { .. }))
        .count();
    assert!(fetched <= 3, "{fetched} pages fetched");
    assert!(pages(&h).len() as u64 * PAGE_SIZE <= 5 * PAGE_SIZE);
}

#[test]
fn the_people_picker_adds_the_person_and_only_their_articles_remain() {
    let mut h = Harness::new(40, 120, 40);
    h.keys("p");
    let picker = h.app.picker.as_ref().expect("open");
    assert_eq!(
        picker.shown.len(),
        4,
        "most mentioned people under the filter"
    );
    h.keys("wrenf");
    let picker = h.app.picker.as_ref().unwrap();
    assert_eq!(picker.items[picker.shown[0]].label, "Tobias Wrenfield");
    h.press(KeyCode::Enter);
    assert!(h.app.picker.is_none());
    assert_eq!(h.app.filter.text(), "person:\"Tobias Wrenfield\"");
    let count = h.app.results.count.unwrap();
    assert_eq!(count, 20);
    for i in 0..count {
        let id = h.app.results.row(i).unwrap().id;
        let a = h
            .store
            .articles
            .borrow()
            .iter()
            .find(|a| a.row.id == id)
            .cloned()
            .unwrap();
        assert!(a.people.iter().any(|p| p.name == "Tobias Wrenfield"));
    }
}

#[test]
fn the_source_and_date_pickers_add_terms() {
    let mut h = Harness::new(40, 120, 40);
    h.keys("snorth");
    h.press(KeyCode::Enter);
    assert_eq!(h.app.filter.text(), "source:\"Northfield Wire\"");
    assert_eq!(h.app.results.count, Some(13));
    h.keys("d");
    let labels: Vec<String> = {
        let p = h.app.picker.as_ref().unwrap();
        p.shown.iter().map(|i| p.items[*i].label.clone()).collect()
    };
    assert_eq!(
        &labels[..4],
        [
            "today",
            "yesterday",
            "this week (last 7 days)",
            "this month"
        ]
    );
    assert!(labels.contains(&"2025-11".to_string()), "{labels:?}");
    h.keys("2025-11..2025-12");
    h.press(KeyCode::Enter);
    assert_eq!(
        h.app.filter.text(),
        "source:\"Northfield Wire\" date:2025-11..2025-12"
    );
    assert!(h.app.filter.error.is_none());
}

#[test]
fn opening_marks_read_and_r_and_star_go_to_the_worker_at_once() {
    let mut h = Harness::new(10, 120, 40);
    h.keys("jjj"); // id 4 is read in the fixture
    h.keys("r");
    assert!(h
        .requests
        .contains(&Request::SetRead { id: 4, read: false }));
    h.press(KeyCode::Enter);
    assert_eq!(h.app.focus, Focus::Reader);
    assert!(h.requests.contains(&Request::SetRead { id: 4, read: true }));
    assert!(h.app.results.selected_row().unwrap().read);
    h.keys("*");
    assert!(h.requests.contains(&Request::SetStarred {
        id: 4,
        starred: true
    }));
    assert!(h.store.articles.borrow()[3].row.starred);
    h.press(KeyCode::Esc);
    assert_eq!(h.app.focus, Focus::List);
}

#[test]
fn y_copies_and_o_opens_or_copies_over_ssh() {
    let mut h = Harness::new(5, 120, 40);
    h.keys("y");
    assert_eq!(
        h.effects.last(),
        Some(&Command::Copy("https://news.example/0/story-1".into()))
    );
    h.keys("o");
    assert_eq!(
        h.effects.last(),
        Some(&Command::OpenUrl("https://news.example/0/story-1".into()))
    );
    h.app.remote = true;
    h.keys("o");
    assert_eq!(
        h.effects.last(),
        Some(&Command::Copy("https://news.example/0/story-1".into()))
    );
    assert!(h
        .app
        .flash
        .as_ref()
        .unwrap()
        .0
        .contains("https://news.example/0/story-1"));
}

#[test]
fn quitting_saves_the_query_and_selection_and_they_come_back() {
    let mut h = Harness::new(50, 120, 40);
    h.keys("/harbour");
    h.press(KeyCode::Enter);
    h.keys("jjjj");
    let id = h.selected_id();
    h.keys("q");
    assert_eq!(h.effects.last(), Some(&Command::Quit));
    let ui = h.store.ui.lock().unwrap().clone();
    assert!(ui.contains(&("last_query".into(), "harbour".into())));
    let store = FakeStore::new(50);
    *store.ui.lock().unwrap() = ui;
    let h2 = Harness::with(store, 120, 40, false);
    assert_eq!(h2.app.filter.text(), "harbour");
    assert_eq!(h2.selected_id(), id);
    assert!(queries(&h2.requests).len() == 1);
}

#[test]
fn n_jumps_between_matches_and_the_wrap_follows_the_width() {
    let mut h = Harness::new(5, 120, 40);
    h.keys("/harbour");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    let doc = h.app.reader.doc.clone().unwrap();
    assert_eq!(doc.width, h.app.reader_size().1);
    assert!(doc.matches.len() >= 2);
    h.keys("n");
    assert_eq!(h.app.reader.current_match, Some(0));
    h.keys("nN");
    assert_eq!(h.app.reader.current_match, Some(0));
    h.send(Msg::Resize(100, 40));
    let narrow = h.app.reader.doc.clone().unwrap();
    assert_eq!(narrow.width, h.app.reader_size().1);
    assert!(narrow.lines.len() > doc.lines.len());
    assert!(narrow
        .lines
        .iter()
        .all(|l| byline::tui::text::width(&l.text) <= usize::from(narrow.width)));
}

#[test]
fn pane_split_moves_with_angle_brackets() {
    let mut h = Harness::new(5, 120, 40);
    let before = h.app.list_percent;
    h.keys(">>");
    assert_eq!(h.app.list_percent, before + 10);
    h.keys("<<<<<<<<<<<<<<");
    assert_eq!(h.app.list_percent, 20);
}

#[test]
fn config_warnings_show_in_the_flash_line() {
    let mut h = Harness::new(3, 120, 40);
    h.send(Msg::Warnings(vec![
        "config.toml line 3: unknown action `fly`; ignored".into(),
        "another".into(),
    ]));
    let screen = h.screen();
    assert!(
        screen.contains(
            "config.toml line 3: unknown action `fly`; ignored (+1 more; ? lists them all)"
        ),
        "{screen}"
    );
}

#[test]
fn the_mouse_wheel_moves_the_list_or_scrolls_the_article() {
    let mut h = Harness::new(30, 120, 20);
    h.send(Msg::Scroll(3));
    assert_eq!(h.app.results.selected, 3);
    h.press(KeyCode::Enter);
    h.send(Msg::Scroll(3));
    assert_eq!(h.app.reader.scroll, 3);
}

#[test]
fn the_loop_runs_on_a_test_backend_and_saves_on_quit() {
    let script = Script {
        quiet: 25,
        keys: "jjyq".chars().collect(),
    };
    let (screen, saved, effects) = run_with(script, false);
    assert!(screen.contains("20 of 20"), "{screen}");
    assert!(
        saved.contains(&("selected_id".into(), "3".into())),
        "{saved:?}"
    );
    let osc = String::from_utf8(effects.written).unwrap();
    assert!(
        osc.starts_with("\x1b]52;c;") && osc.ends_with("\x1b\\"),
        "{osc:?}"
    );
}

#[test]
fn the_stop_flag_leaves_the_loop_with_the_state_saved() {
    let (_, saved, _) = run_with(
        Script {
            quiet: usize::MAX,
            keys: Default::default(),
        },
        true,
    );
    assert!(saved.iter().any(|(k, _)| k == "last_query"), "{saved:?}");
}

/// Issue #5 item 4: an import beside the reader is announced, and shown only when asked.
#[test]
fn articles_an_import_adds_are_announced_then_shown_on_refresh() {
    let mut h = Harness::new(30, 120, 40);
    h.keys("jj");
    let kept = h.selected_id();
    let gen = h.app.gen;
    h.store.articles.replace(fixture::articles(35));
    let cmds = h.send(Msg::Worker(Response::StoreChanged { total: 35 }));
    assert!(
        cmds.is_empty(),
        "the list is not pulled from under the user"
    );
    let screen = h.screen();
    assert!(screen.contains("30 of 30  5 new · R refresh"), "{screen}");
    h.keys("R");
    assert_eq!(queries(&h.requests).last(), Some(&(gen + 1)));
    assert_eq!(h.app.results.count, Some(35));
    assert_eq!(h.selected_id(), kept, "the selection stays");
    let screen = h.screen();
    assert!(screen.contains("35 of 35  j/k move"), "{screen}");
    assert!(!screen.contains("new ·"), "{screen}");
}

#[test]
fn a_change_without_new_articles_is_still_offered() {
    let mut h = Harness::new(30, 120, 40);
    h.send(Msg::Worker(Response::StoreChanged { total: 30 }));
    assert!(h.screen().contains("store changed · R refresh"));
    h.keys("R");
    assert!(!h.screen().contains("store changed"));
}

#[test]
fn moving_a_row_shows_the_next_article_in_the_same_update() {
    let mut h = Harness::new(10, 120, 40);
    assert!(h.requests.contains(&Request::Prefetch { ids: vec![2] }));
    // The key alone, with no worker answer: the article beside was fetched ahead.
    let key = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
    let cmds = byline::tui::update::update(&mut h.app, Msg::Key(key));
    assert_eq!(h.app.reader.article.as_ref().map(|a| a.row.id), Some(2));
    assert_eq!(h.app.reader.doc.as_ref().map(|d| d.id), Some(2));
    let asked: Vec<&Request> = cmds
        .iter()
        .filter_map(|c| match c {
            Command::Request(r) => Some(r),
            _ => None,
        })
        .collect();
    assert_eq!(asked, [&Request::Prefetch { ids: vec![3] }]);
}

#[test]
fn a_fetched_ahead_article_keeps_the_marks_made_since() {
    let mut h = Harness::new(10, 120, 40);
    h.keys("j");
    let starred = h.app.reader.article.as_ref().unwrap().row.starred;
    h.keys("*k"); // toggle the star on id 2, fetched ahead, then move away
    h.requests.clear();
    h.keys("j");
    assert!(!h
        .requests
        .iter()
        .any(|r| matches!(r, Request::Article { .. })));
    assert_eq!(h.app.reader.article.as_ref().unwrap().row.starred, !starred);
}
