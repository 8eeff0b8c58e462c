//! The backend draws the same screen as ratatui's crossterm backend, checked through a vt100
//! parser, in fewer bytes; lines are scrolled only when that is shorter.

use std::num::NonZeroU16;

use proptest::prelude::*;
use ratatui::backend::CrosstermBackend;
use ratatui::buffer::CellDiffOption;
use ratatui::layout::{Rect, Size};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::{Frame, Terminal, TerminalOptions, Viewport};

use super::Compact;

/// A writer whose bytes the test takes after each frame.
#[derive(Clone, Default)]
struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

const TEXT: [&str; 9] = [
    "the talks in Velmora went on until late",
    "and the minister said the port would be",
    "open on Monday, while critics said that",
    "the harbour fees were far too high for a",
    "small town of fishers and ferry workers",
    "who had waited for the ruling for years",
    "before the court in Ostrava agreed to it",
    "2025-12-06 Coastline  Port fees cut again",
    "2025-12-05 NWW        Ostrava court rules",
];

/// What one frame shows: a list (left) from row `list`, a text (right) from row `text`, and
/// whether the right pane starts with a link.
#[derive(Debug, Clone, Copy)]
struct Screen {
    list: usize,
    text: usize,
    link: bool,
}

fn styled(i: usize, s: &str) -> Line<'static> {
    let styles = [
        Style::new().fg(Color::Green),
        Style::new().add_modifier(Modifier::BOLD),
        Style::new(),
        Style::new().fg(Color::Cyan).add_modifier(Modifier::DIM),
        Style::new()
            .bg(Color::Blue)
            .add_modifier(Modifier::REVERSED),
    ];
    let (a, b) = s.split_at(s.len() / 3);
    Line::from(vec![
        Span::styled(a.to_string(), styles[i % styles.len()]),
        Span::styled(b.to_string(), styles[(i / 2 + 1) % styles.len()]),
    ])
}

fn lines(from: usize, n: usize) -> Vec<Line<'static>> {
    (from..from + n)
        .map(|i| styled(i, TEXT[i % TEXT.len()]))
        .collect()
}

fn render(f: &mut Frame, s: Screen) {
    let area = f.area();
    let half = area.width / 2;
    let left = Rect::new(0, 1, half, area.height.saturating_sub(2));
    let right = Rect::new(
        half + 1,
        1,
        area.width - half - 1,
        area.height.saturating_sub(2),
    );
    f.render_widget(
        Paragraph::new(Line::from("byline  status")),
        Rect::new(0, 0, area.width, 1),
    );
    f.render_widget(Paragraph::new(lines(s.list, left.height.into())), left);
    f.render_widget(
        Paragraph::new(lines(s.text + 3, right.height.into())),
        right,
    );
    if s.link && right.width > 4 && right.height > 2 {
        let cells = right.width.min(12);
        let link = format!(
            "\x1b]8;;https://a.example/x\x07{}\x1b]8;;\x07",
            "u".repeat(cells.into())
        );
        let buf = f.buffer_mut();
        buf[(right.x, right.y + 2)]
            .set_symbol(&link)
            .set_diff_option(CellDiffOption::ForcedWidth(NonZeroU16::new(cells).unwrap()));
        for x in right.x + 1..right.x + cells {
            buf[(x, right.y + 2)].set_diff_option(CellDiffOption::Skip);
        }
    }
}

fn options(w: u16, h: u16) -> TerminalOptions {
    TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
    }
}

/// Draws `frames` with both backends; returns both vt100 screens after each frame and the
/// bytes each wrote for each frame.
fn both(w: u16, h: u16, frames: &[Screen]) -> Vec<(String, String, usize, usize)> {
    let nz = |n: u16| NonZeroU16::new(n).unwrap();
    let (a, b) = (Shared::default(), Shared::default());
    let mut plain =
        Terminal::with_options(CrosstermBackend::new(a.clone()), options(w, h)).unwrap();
    let compact = Compact::with_size(CrosstermBackend::new(b.clone()), Size::new(w, h));
    let mut ours = Terminal::with_options(compact, options(w, h)).unwrap();
    let (mut want, mut got) = (
        vt100::Parser::new(nz(h), nz(w), 0),
        vt100::Parser::new(nz(h), nz(w), 0),
    );
    let mut out = Vec::new();
    for &s in frames {
        plain.draw(|f| render(f, s)).unwrap();
        ours.draw(|f| render(f, s)).unwrap();
        let (pa, pb) = (
            std::mem::take(&mut *a.0.borrow_mut()),
            std::mem::take(&mut *b.0.borrow_mut()),
        );
        want.process(&pa);
        got.process(&pb);
        out.push((dump(want.screen()), dump(got.screen()), pa.len(), pb.len()));
    }
    out
}

/// Every cell with its colours and attributes, a row per line.
fn dump(screen: &vt100::Screen) -> String {
    let (rows, cols) = screen.size();
    let mut out = String::new();
    for row in 0..rows.get() {
        for col in 0..cols.get() {
            if let Some(c) = screen.cell(row, col) {
                let attrs = [c.bold(), c.dim(), c.italic(), c.underline(), c.inverse()];
                // A cell never written and a written space look the same.
                let text = if c.has_contents() { c.contents() } else { " " };
                out += &format!("[{text}|{:?}|{:?}|{attrs:?}]", c.fgcolor(), c.bgcolor());
            }
        }
        out.push('\n');
    }
    out
}

fn screen(list: usize, text: usize) -> Screen {
    Screen {
        list,
        text,
        link: false,
    }
}

#[test]
fn a_list_moving_a_row_scrolls_lines_and_shows_the_same_screen() {
    let frames = [screen(0, 0), screen(1, 5)];
    let r = both(80, 24, &frames);
    for (want, got, _, _) in &r {
        assert_eq!(got, want);
    }
    let (plain, ours) = (r[1].2, r[1].3);
    assert!(ours * 2 < plain, "{ours} bytes, crossterm {plain}");
}

#[test]
fn a_row_with_a_link_moves_with_the_rest() {
    let link = |list, text| Screen {
        list,
        text,
        link: true,
    };
    let r = both(80, 24, &[link(0, 0), link(1, 1), link(2, 1), link(1, 0)]);
    for (i, (want, got, plain, ours)) in r.iter().enumerate() {
        assert_eq!(got, want, "frame {i}");
        assert!(ours < plain, "frame {i}: {ours} bytes, crossterm {plain}");
    }
}

#[test]
fn one_pane_scrolling_alone_is_not_worse_than_without_shifts() {
    // The right pane moves a line, the left does not: a shift would rewrite the whole left.
    let r = both(80, 24, &[screen(0, 0), screen(0, 1), screen(0, 2)]);
    for (want, got, plain, ours) in &r {
        assert_eq!(got, want);
        assert!(ours < plain, "{ours} bytes, crossterm {plain}");
    }
}

#[test]
fn short_sgr_in_sixteen_colours() {
    let r = both(40, 6, &[screen(0, 0)]);
    assert_eq!(r[0].1, r[0].0);
    assert!(
        r[0].3 * 10 < r[0].2 * 8,
        "{} bytes, crossterm {}",
        r[0].3,
        r[0].2
    );
}

#[test]
fn blank_runs_are_erased_in_place() {
    let nz = |n: u16| NonZeroU16::new(n).unwrap();
    let out = Shared::default();
    let compact = Compact::with_size(CrosstermBackend::new(out.clone()), Size::new(40, 3));
    let mut term = Terminal::with_options(compact, options(40, 3)).unwrap();
    let mut vt = vt100::Parser::new(nz(3), nz(40), 0);
    let text = |s: &'static str| move |f: &mut Frame| f.render_widget(Paragraph::new(s), f.area());
    term.draw(text("a long line of text that will be cleared"))
        .unwrap();
    vt.process(&std::mem::take(&mut *out.0.borrow_mut()));
    term.draw(text("short")).unwrap();
    let bytes = std::mem::take(&mut *out.0.borrow_mut());
    vt.process(&bytes);
    assert_eq!(vt.screen().contents().trim_end(), "short");
    let shown = String::from_utf8_lossy(&bytes);
    assert!(shown.contains("\x1b[35X"), "{shown:?}");
}

fn any_screen() -> impl Strategy<Value = Screen> {
    (0usize..12, 0usize..12, any::<bool>()).prop_map(|(list, text, link)| Screen {
        list,
        text,
        link,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any sequence of frames, at any size: the same screen after every frame.
    #[test]
    fn any_frames_show_the_same_screen(
        w in 3u16..90,
        h in 2u16..30,
        frames in proptest::collection::vec(any_screen(), 1..8),
    ) {
        for (i, (want, got, _, _)) in both(w, h, &frames).iter().enumerate() {
            prop_assert_eq!(got, want, "frame {}", i);
        }
    }
}
