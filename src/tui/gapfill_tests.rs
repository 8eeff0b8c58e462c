//! Tests of the gap-filling backend: the same screen as without it, in fewer bytes.

use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::{Terminal, TerminalOptions, Viewport};

use super::GapFill;

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

const W: u16 = 40;
const H: u16 = 6;

fn words(shift: usize) -> Vec<Line<'static>> {
    let text = [
        "the talks in Velmora went on until late",
        "and the minister said the port would be",
        "open on Monday, while critics said that",
        "the harbour fees were far too high for a",
        "small town of fishers and ferry workers",
        "who had waited for the ruling for years",
        "before the court in Ostrava agreed to it",
    ];
    text.iter()
        .skip(shift)
        .enumerate()
        .map(|(i, l)| {
            let style = Style::new().fg(if i % 3 == 0 {
                Color::Cyan
            } else {
                Color::Reset
            });
            Line::from(Span::styled(l.to_string(), style))
        })
        .collect()
}

fn options() -> TerminalOptions {
    TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, W, H)),
    }
}

/// Draws `frames` and returns the screen and the bytes written for the last frame.
fn run<B: ratatui::backend::Backend>(
    mut terminal: Terminal<B>,
    out: &Shared,
    frames: &[usize],
) -> (vt100::Parser, usize) {
    let nz = |n: u16| std::num::NonZeroU16::new(n).unwrap();
    let mut parser = vt100::Parser::new(nz(H), nz(W), 0);
    let mut last = 0;
    for &shift in frames {
        terminal
            .draw(|f| f.render_widget(Paragraph::new(words(shift)), f.area()))
            .unwrap();
        let bytes = std::mem::take(&mut *out.0.borrow_mut());
        parser.process(&bytes);
        last = bytes.len();
    }
    (parser, last)
}

#[test]
fn scrolling_a_line_shows_the_same_screen_in_fewer_bytes() {
    let frames = [0, 1, 2, 1];
    let (a, b) = (Shared::default(), Shared::default());
    let plain = Terminal::with_options(CrosstermBackend::new(a.clone()), options()).unwrap();
    let (want, plain_bytes) = run(plain, &a, &frames);
    let filled =
        Terminal::with_options(GapFill::new(CrosstermBackend::new(b.clone())), options()).unwrap();
    let (got, filled_bytes) = run(filled, &b, &frames);
    assert_eq!(got.screen().contents(), want.screen().contents());
    assert_eq!(
        got.screen().contents_formatted(),
        want.screen().contents_formatted()
    );
    assert!(
        filled_bytes < plain_bytes,
        "{filled_bytes} bytes with gaps filled, {plain_bytes} without"
    );
}

#[test]
fn after_a_clear_only_blanks_are_assumed() {
    let mut backend = GapFill::new(CrosstermBackend::new(Vec::<u8>::new()));
    ratatui::backend::Backend::clear_region(&mut backend, ratatui::backend::ClearType::All)
        .unwrap();
    assert_eq!(backend.at(3, 2), Some(ratatui::buffer::Cell::default()));
    ratatui::backend::Backend::clear_region(&mut backend, ratatui::backend::ClearType::CurrentLine)
        .unwrap();
    assert_eq!(backend.at(3, 2), None, "unknown after a partial clear");
}
