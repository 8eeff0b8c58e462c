//! Unicode at 40 and 80 columns through TestBackend: CJK, combining marks, ZWJ emoji and flags,
//! Persian (RTL) titles and sources. Snapshots, and checks on every drawn row: the widths add up
//! to the terminal's, no wide glyph crosses a pane border, each border cell is intact, and every
//! truncated title ends in `…` right after a grapheme boundary of the original.

#[path = "tui_support/fixture.rs"]
mod fixture;

use std::cell::RefCell;

use byline::tui::layout;
use fixture::{FakeStore, Harness};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::Terminal;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

const TITLES: [(&str, &str); 6] = [
    (
        "東京都知事、新しい港湾計画を発表　住民説明会は来月から",
        "東京新聞",
    ),
    (
        "Cafe\u{301} de\u{301}bat: Zo\u{308}e's re\u{301}sume\u{301} of the Ha\u{30a}kon affair",
        "Le Monde\u{301}",
    ),
    (
        "Family 👨‍👩‍👧‍👦 at the 🇺🇦🇬🇧🇯🇵 summit, 🏳️‍🌈 parade, 👩🏽‍💻 coders",
        "Emoji Daily 🗞️",
    ),
    (
        "رئیس‌جمهور در تهران با خبرنگاران دیدار کرد و درباره برنامه جدید سخن گفت",
        "خبرگزاری ایرنا",
    ),
    (
        "서울 시장, 새 지하철 노선 발표 — 2026년 개통 예정",
        "연합뉴스",
    ),
    (
        "Z\u{327}\u{30c}a\u{31b}\u{301}l\u{337}g\u{334}o\u{35c} text with stacked marks",
        "Ṩtacked",
    ),
];

/// The fixture's articles with the Unicode titles and sources on the newest six.
fn unicode_store() -> FakeStore {
    let mut articles = fixture::articles(12);
    for (a, (title, source)) in articles.iter_mut().zip(TITLES) {
        a.row.title = title.to_string();
        a.row.source = Some(source.to_string());
    }
    FakeStore {
        articles: RefCell::new(articles),
        deleted: Default::default(),
        ui: Default::default(),
        feeds: Default::default(),
        saved: Default::default(),
    }
}

fn draw(h: &Harness) -> Buffer {
    let (w, ht) = h.app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, ht)).unwrap();
    terminal
        .draw(|f| byline::tui::view::render(f, &h.app))
        .unwrap();
    terminal.backend().buffer().clone()
}

/// Each row's glyph widths add up to the width; no wide glyph spans a border column; the
/// border cells of both panes hold box-drawing characters.
fn check_cells(buf: &Buffer, panes: [Rect; 2]) {
    let w = buf.area.width;
    // An article opened full screen leaves the list an empty area.
    let borders: Vec<u16> = panes
        .iter()
        .filter(|p| !p.is_empty())
        .flat_map(|p| [p.x, p.right() - 1])
        .collect();
    for y in 0..buf.area.height {
        let (mut x, mut total, mut text) = (0u16, 0usize, String::new());
        while x < w {
            let sym = buf[(x, y)].symbol();
            let cw = sym.width().max(1) as u16;
            if cw == 2 {
                assert!(
                    x + 1 < w,
                    "row {y}: a wide glyph {sym:?} at the last column"
                );
                assert!(
                    !borders.contains(&(x + 1)) || !in_pane_rows(&panes, y),
                    "row {y}: {sym:?} at column {x} crosses a border"
                );
                assert_eq!(
                    buf[(x + 1, y)].symbol().trim(),
                    "",
                    "row {y}: glyph over a half"
                );
            }
            text.push_str(sym);
            total += usize::from(cw);
            x += cw;
        }
        assert_eq!(total, usize::from(w), "row {y} widths: {text}");
    }
    for p in panes {
        for y in p.y..p.bottom() {
            for x in [p.x, p.right() - 1] {
                let sym = buf[(x, y)].symbol();
                assert!(
                    "│┌┐└┘─".contains(sym) && !sym.is_empty(),
                    "border cell ({x},{y}) is {sym:?}"
                );
            }
        }
    }
}

fn in_pane_rows(panes: &[Rect; 2], y: u16) -> bool {
    panes.iter().any(|p| (p.y..p.bottom()).contains(&y))
}

/// Each list row for a Unicode title shows either the whole title or a grapheme-boundary
/// prefix of it followed by `…`; the number of cut titles.
fn check_truncation(buf: &Buffer, list: Rect) -> usize {
    let mut cut_rows = 0;
    for (i, (title, _)) in TITLES.iter().enumerate() {
        let row = text_between(buf, list.y + 1 + i as u16, list.x + 1, list.right() - 1);
        let inner = row.trim_end();
        if inner.contains(title) {
            continue;
        }
        let shown = inner
            .strip_suffix('…')
            .unwrap_or_else(|| panic!("row {i}: {title:?} neither whole nor cut with …: {row:?}"));
        let graphemes: Vec<&str> = title.graphemes(true).collect();
        let cut = (1..graphemes.len())
            .rev()
            .map(|k| graphemes[..k].concat())
            .find(|prefix| shown.ends_with(prefix.as_str()));
        assert!(
            cut.is_some(),
            "row {i}: {shown:?} does not end in a prefix of {title:?}"
        );
        cut_rows += 1;
    }
    cut_rows
}

/// The text of row `y` from column `x0` up to `x1`, wide glyphs once.
fn text_between(buf: &Buffer, y: u16, x0: u16, x1: u16) -> String {
    let (mut x, mut text) = (x0, String::new());
    while x < x1 {
        let sym = buf[(x, y)].symbol();
        text.push_str(sym);
        x += sym.width().max(1) as u16;
    }
    text
}

/// Runs the checks; the screen as text and the number of cut titles in the list.
fn checked(h: &Harness) -> (String, usize) {
    let buf = draw(h);
    let areas =
        layout::areas(buf.area, h.app.list_percent, h.app.full).expect("room for the panes");
    check_cells(&buf, [areas.list, areas.reader]);
    // An article open full screen (the default when the panes are stacked) hides the list.
    let cut = match areas.list.is_empty() {
        true => 0,
        false => check_truncation(&buf, areas.list),
    };
    (
        fixture::render(&h.app, buf.area.width, buf.area.height).0,
        cut,
    )
}

fn check(h: &Harness) -> String {
    checked(h).0
}

#[test]
fn unicode_list_40_columns() {
    let h = Harness::with(unicode_store(), 40, 24, false);
    let (screen, cut) = checked(&h);
    assert_eq!(
        cut,
        TITLES.len(),
        "every Unicode title is cut at 40 columns"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn unicode_list_80_columns() {
    let h = Harness::with(unicode_store(), 80, 24, false);
    insta::assert_snapshot!(check(&h));
}

#[test]
fn unicode_list_side_by_side_120_columns() {
    let h = Harness::with(unicode_store(), 120, 30, false);
    insta::assert_snapshot!(check(&h));
}

/// Each Unicode article opened at 40 and 80 columns: the reading pane keeps within its borders.
#[test]
fn unicode_articles_open_at_40_and_80_columns() {
    for w in [40, 80] {
        let mut h = Harness::with(unicode_store(), w, 24, false);
        for i in 0..TITLES.len() {
            h.press(KeyCode::Enter);
            let screen = check(&h);
            if i == 2 || i == 3 {
                insta::assert_snapshot!(format!("unicode_open_{w}_{i}"), screen);
            }
            h.press(KeyCode::Esc);
            h.keys("j");
        }
    }
}
