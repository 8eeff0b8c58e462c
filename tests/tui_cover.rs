//! A popup over hyperlinks: with `hyperlinks = true` the article's URL line is one OSC 8 link
//! cell as wide as the line, and a picker drawn over part of it must still show every one of its
//! own cells: in the frame (TestBackend, snapshot at 80x24) and on a terminal fed the bytes the
//! real backend writes (vt100), after opening the picker and after Ctrl-L's full redraw.

#[path = "tui_support/fixture.rs"]
mod fixture;

use std::cell::RefCell;
use std::num::NonZeroU16;
use std::rc::Rc;

use byline::tui::backend::Compact;
use byline::tui::state::App;
use byline::tui::view;
use fixture::Harness;
use ratatui::backend::{Backend, CrosstermBackend, TestBackend};
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::{Rect, Size};
use ratatui::{Terminal, TerminalOptions, Viewport};

const W: u16 = 80;
const H: u16 = 24;

#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl std::io::Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

const TITLE: &str = "Council votes on the harbour budget after a long night of talks in Velmora, \
    with the port authority, the fishing cooperatives and the ferry operators all asking for \
    more, and the minister saying that the crossing would be kept open whatever the vote";
const URL: &str = "https://news.example/2025/12/10/council-votes-on-the-harbour-budget-after-a-\
    long-night-of-talks-in-velmora-with-the-port-authority-the-fishing-cooperatives-and-the-ferry";

/// The first article open in the reader, its long title pushing its URL (two lines, each a
/// hyperlink) down to where the picker opens.
fn reading() -> Harness {
    let store = fixture::FakeStore::new(30);
    for a in store.articles.borrow_mut().iter_mut() {
        if a.row.id == 1 {
            a.row.title = TITLE.into();
            a.row.url = Some(URL.into());
        }
    }
    let mut h = Harness::with(store, W, H, false);
    h.app.hyperlinks = true;
    h.keys("l");
    h
}

fn frame(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(W, H)).unwrap();
    terminal.draw(|f| view::render(f, app)).unwrap();
    terminal.backend().buffer().clone()
}

/// What a terminal shows for `buf`: a link cell shows its text over the cells it spans.
fn shown(buf: &Buffer) -> Vec<String> {
    (0..H)
        .map(|y| {
            let mut row = String::new();
            let mut x = 0;
            while x < W {
                let cell = &buf[(x, y)];
                match cell.diff_option {
                    CellDiffOption::ForcedWidth(w) => {
                        row.push_str(link_text(cell.symbol()));
                        x += w.get();
                    }
                    _ => {
                        row.push_str(cell.symbol());
                        x += 1;
                    }
                }
            }
            row.trim_end().to_string()
        })
        .collect()
}

fn link_text(symbol: &str) -> &str {
    let text = symbol.split_once('\x07').map_or(symbol, |(_, t)| t);
    text.split_once("\x1b]8;;").map_or(text, |(t, _)| t)
}

fn links(buf: &Buffer) -> usize {
    buf.content()
        .iter()
        .filter(|c| c.symbol().contains("\x1b]8;;https"))
        .count()
}

#[test]
fn a_picker_over_a_hyperlinked_url_shows_all_of_its_cells() {
    let mut h = reading();
    let before = frame(&h.app);
    assert!(
        links(&before) > 0,
        "the URL is a link before the picker opens"
    );
    h.keys("p");
    assert!(h.app.picker.is_some());
    let after = frame(&h.app);
    let screen = shown(&after).join("\n");
    assert!(!screen.contains('\x1b'), "{screen}");
    insta::assert_snapshot!(screen);
    // Every link left is whole: its cells are all its own.
    for y in 0..H {
        for x in 0..W {
            if let CellDiffOption::ForcedWidth(w) = after[(x, y)].diff_option {
                for cx in x + 1..x + w.get() {
                    assert_eq!(after[(cx, y)].diff_option, CellDiffOption::Skip);
                }
            }
        }
    }
}

/// Each cell of the vt100 screen, as text rows.
fn terminal_rows(parser: &vt100::Parser) -> Vec<String> {
    let screen = parser.screen();
    (0..H)
        .map(|y| {
            let row: String = (0..W)
                .map(|x| match screen.cell(y, x) {
                    Some(c) if c.has_contents() => c.contents().to_string(),
                    _ => " ".to_string(),
                })
                .collect();
            row.trim_end().to_string()
        })
        .collect()
}

#[test]
fn on_a_terminal_no_link_cell_shows_through_the_picker_even_after_ctrl_l() {
    let nz = |n: u16| NonZeroU16::new(n).unwrap();
    let out = Shared::default();
    let backend = Compact::with_size(CrosstermBackend::new(out.clone()), Size::new(W, H));
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, W, H)),
    };
    let mut terminal = Terminal::with_options(backend, options).unwrap();
    let mut parser = vt100::Parser::new(nz(H), nz(W), 0);
    let mut h = reading();
    // The terminal must show what the same screen shows without hyperlinks.
    let mut step = |terminal: &mut Terminal<_>, app: &mut App, what: &str| {
        terminal.draw(|f| view::render(f, app)).unwrap();
        parser.process(&std::mem::take(&mut *out.0.borrow_mut()));
        app.hyperlinks = false;
        let plain = shown(&frame(app));
        app.hyperlinks = true;
        assert_eq!(terminal_rows(&parser), plain, "{what}");
    };
    step(&mut terminal, &mut h.app, "the article");
    assert!(links(&frame(&h.app)) > 0);
    h.keys("p");
    step(&mut terminal, &mut h.app, "the picker opened");
    h.keys("a");
    step(&mut terminal, &mut h.app, "the picker narrowed");
    // Ctrl-L: the screen cleared, then every cell drawn again.
    terminal.backend_mut().clear().unwrap();
    terminal.draw(|_| {}).unwrap();
    step(&mut terminal, &mut h.app, "after Ctrl-L");
}
