//! A person's page: → in the people picker and `P` on an article open it, the worker's answer
//! fills it (an answer for another person is dropped), Enter on a person mentioned with them
//! narrows the list to articles with both, → and ← go to their page and back, Esc closes it;
//! snapshots at 80x24 and 120x40.

#[path = "tui_support/fixture.rs"]
mod fixture;

use byline::store::StoredPerson;
use byline::tui::msg::{Command, Msg, Request, Response};
use byline::tui::state::PickerKind;
use byline::tui::update;
use byline::tui::worker;
use byline::tui::worker::StoreApi;
use fixture::{render, today, FakeStore, Harness};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;

const MARA: &str = "Mara Quillfeather";

/// The fixture's articles spread over three years (more of them lately), each with a few more
/// people, so the page has bars and lists to show.
fn rich(w: u16, h: u16) -> Harness {
    rich_with(w, h, false)
}

fn rich_with(w: u16, h: u16, no_color: bool) -> Harness {
    let store = FakeStore::new(300);
    let extra = [
        "Ines Varga",
        "Oskar Lind",
        "Petra Holm",
        "Yusuf Demir",
        "Lena Brandt",
    ];
    for (i, a) in store.articles.borrow_mut().iter_mut().enumerate() {
        a.row.date = Some(today() - chrono::Days::new((i * i / 75) as u64));
        for (k, name) in extra.iter().enumerate() {
            if i % (k + 2) == 0 {
                a.people.push(StoredPerson {
                    name: name.to_string(),
                    aliases: vec![],
                    mentions: 1,
                });
            }
        }
    }
    Harness::with(store, w, h, no_color)
}

/// `p`, the person typed, then →.
fn open_page(h: &mut Harness, typed: &str) {
    h.keys("p");
    h.keys(typed);
    h.press(KeyCode::Right);
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

#[test]
fn right_in_the_people_picker_opens_the_persons_page() {
    let mut h = rich(80, 24);
    open_page(&mut h, "quill");
    assert!(h.app.picker.is_none());
    let view = h.app.person.as_ref().expect("the person page");
    let page = view.page.as_ref().expect("the worker's answer");
    assert_eq!(page.name, MARA);
    assert_eq!(page.aliases, ["Quillfeather"]);
    let q = byline::query::parse(&format!("person:{MARA:?}")).unwrap();
    let articles = h.store.count(&q, today()).unwrap();
    assert_eq!(page.articles, articles);
    assert!(page.months.len() > 12, "{:?}", page.months);
    assert!(h.screen().contains(&format!("{MARA}: {articles} articles")));
    h.press(KeyCode::Esc);
    assert!(h.app.person.is_none());
}

#[test]
fn an_answer_for_another_person_is_dropped() {
    let mut h = rich(80, 24);
    h.keys("pquill");
    let cmds = update(&mut h.app, key(KeyCode::Right));
    let asked = Request::PersonPage { name: MARA.into() };
    assert_eq!(cmds, [Command::Request(asked.clone())]);
    // The page of someone asked before (→ pressed twice quickly) arrives late.
    let stale = worker::handle(
        &h.store,
        today(),
        Request::PersonPage {
            name: "Tobias Wrenfield".into(),
        },
    );
    assert!(matches!(
        &stale,
        Some(Response::PersonPage { page: Some(_), .. })
    ));
    update(&mut h.app, Msg::Worker(stale.unwrap()));
    let view = h.app.person.as_ref().unwrap();
    assert_eq!((view.name.as_str(), view.page.is_none()), (MARA, true));
    assert!(h.screen().contains("counting…"), "{}", h.screen());
    let answer = worker::handle(&h.store, today(), asked).unwrap();
    update(&mut h.app, Msg::Worker(answer));
    let page = h.app.person.as_ref().unwrap().page.as_ref().unwrap();
    assert_eq!(page.name, MARA);
}

#[test]
fn enter_on_a_person_mentioned_with_them_narrows_the_list_to_both() {
    let mut h = rich(120, 40);
    h.keys("/harbour");
    h.press(KeyCode::Enter);
    open_page(&mut h, "quill");
    h.keys("j");
    let page = h.app.person.as_ref().unwrap().page.clone().unwrap();
    let (other, _) = page.with[1].clone();
    h.press(KeyCode::Enter);
    assert!(h.app.person.is_none());
    let want = format!("harbour person:{MARA:?} person:{other:?}");
    assert_eq!(h.app.filter.applied, want);
    let both = byline::query::parse(&want).unwrap();
    assert_eq!(
        h.app.results.count,
        Some(h.store.count(&both, today()).unwrap())
    );
    assert!(h.app.results.count.unwrap() > 0);
}

#[test]
fn right_opens_a_co_mentioned_persons_page_and_left_comes_back() {
    let mut h = rich(80, 24);
    open_page(&mut h, "quill");
    let page = h.app.person.as_ref().unwrap().page.clone().unwrap();
    let (other, _) = page.with[0].clone();
    h.press(KeyCode::Right);
    let view = h.app.person.as_ref().unwrap();
    assert_eq!(
        view.page.as_ref().map(|p| p.name.as_str()),
        Some(other.as_str())
    );
    assert!(h.screen().contains("← back"), "{}", h.screen());
    h.press(KeyCode::Left);
    let view = h.app.person.as_ref().unwrap();
    assert_eq!(view.page.as_ref().map(|p| p.name.as_str()), Some(MARA));
    assert!(view.back.is_empty());
    // With nothing to go back to, ← closes the page, as it leaves the reading pane.
    h.press(KeyCode::Left);
    assert!(h.app.person.is_none());
}

#[test]
fn p_on_an_article_opens_its_persons_page_or_a_chooser_of_its_people() {
    let mut h = rich(120, 40);
    h.press(KeyCode::Enter);
    h.keys("P");
    let picker = h
        .app
        .picker
        .as_ref()
        .expect("a chooser of the article's people");
    assert_eq!(picker.kind, PickerKind::ArticlePeople);
    let first = picker.items[0].label.clone();
    assert!(h.screen().contains("Whose page?"), "{}", h.screen());
    h.press(KeyCode::Enter);
    let view = h.app.person.as_ref().expect("the page");
    assert_eq!(view.page.as_ref().unwrap().name, first);
    h.press(KeyCode::Esc);
    // An article naming one person: straight to the page.
    let store = FakeStore::new(12);
    for a in store.articles.borrow_mut().iter_mut() {
        a.people.truncate(1);
    }
    let mut h = Harness::with(store, 120, 40, false);
    h.press(KeyCode::Enter);
    h.keys("P");
    assert!(h.app.picker.is_none());
    let view = h.app.person.as_ref().expect("the page");
    assert_eq!(view.page.as_ref().unwrap().name, MARA);
}

#[test]
fn person_page_80x24() {
    let mut h = rich(80, 24);
    open_page(&mut h, "quill");
    insta::assert_snapshot!(h.screen());
}

#[test]
fn person_page_120x40() {
    let mut h = rich(120, 40);
    open_page(&mut h, "quill");
    h.keys("jj");
    insta::assert_snapshot!(h.screen());
}

#[test]
fn the_page_draws_at_every_size() {
    for (w, hgt) in [(20, 5), (30, 8), (60, 12), (80, 24), (300, 100)] {
        let mut h = rich(w, hgt);
        open_page(&mut h, "quill");
        let (text, _) = render(&h.app, w, hgt);
        for line in text.lines() {
            assert!(byline::tui::text::width(line) <= usize::from(w), "{line}");
        }
    }
}

/// The bars are shapes (block characters), the chosen person reversed: under `NO_COLOR` no cell
/// has a colour and the page reads the same; otherwise only the 16 ANSI colours are used.
#[test]
fn the_page_reads_in_16_colours_and_without_colour() {
    for no_color in [true, false] {
        let mut h = rich_with(80, 24, no_color);
        open_page(&mut h, "quill");
        let (text, mods) = render(&h.app, 80, 24);
        assert!(text.contains('█'), "{text}");
        let row = text.lines().position(|l| l.contains("Ines Varga")).unwrap();
        let chosen = mods.lines().nth(row).unwrap();
        assert!(chosen[1..30].chars().all(|m| m == 'R'), "{chosen}");
        let backend = ratatui::backend::TestBackend::new(80, 24);
        let mut terminal = ratatui::Terminal::new(backend).unwrap();
        terminal
            .draw(|f| byline::tui::view::render(f, &h.app))
            .unwrap();
        for cell in terminal.backend().buffer().content() {
            for c in [cell.fg, cell.bg] {
                let allowed = match no_color {
                    true => c == Color::Reset,
                    false => !matches!(c, Color::Rgb(..) | Color::Indexed(_)),
                };
                assert!(allowed, "{c:?} (no_color {no_color})");
            }
        }
    }
}
