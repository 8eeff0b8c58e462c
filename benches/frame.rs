//! What the reader's backend costs per frame against ratatui's crossterm backend: 200 frames
//! at 120x40 where both panes change and the list moves a row each time (the worst case: the
//! shift analysis runs on every frame). `cargo bench --bench frame`.

use std::io::Write;
use std::rc::Rc;
use std::time::Instant;

use byline::tui::backend::Compact;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::layout::{Rect, Size};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::{Frame, Terminal, TerminalOptions, Viewport};

const W: u16 = 120;
const H: u16 = 40;
const FRAMES: usize = 200;

fn rows(from: usize, n: usize, seed: usize) -> Vec<Line<'static>> {
    (from..from + n)
        .map(|i| {
            Line::from(vec![
                Span::styled(
                    format!("2025-01-{:02} ", i % 28 + 1),
                    Style::new().fg(Color::DarkGray),
                ),
                Span::styled(
                    format!("Source{} ", (i * 7 + seed) % 5),
                    Style::new().fg(Color::Green),
                ),
                Span::raw(format!(
                    "Title {i} on harbour fees at the port {}",
                    i * 31 % 97
                )),
            ])
        })
        .collect()
}

fn draw(f: &mut Frame, k: usize) {
    f.render_widget(Paragraph::new(rows(k, 38, 0)), Rect::new(0, 1, 54, 38));
    f.render_widget(
        Paragraph::new(rows(k * 13, 38, k)),
        Rect::new(55, 1, 65, 38),
    );
}

/// A writer that only counts the bytes written to it.
#[derive(Clone, Default)]
struct Count(Rc<std::cell::Cell<usize>>);

impl Write for Count {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Median and 99th percentile of the draw time in ms.
fn run<B: Backend>(backend: B) -> (f64, f64) {
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, W, H)),
    };
    let mut terminal = Terminal::with_options(backend, options).expect("terminal");
    let mut times: Vec<f64> = (0..FRAMES)
        .map(|k| {
            let start = Instant::now();
            terminal.draw(|f| draw(f, k)).expect("draw");
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (times[FRAMES / 2], times[FRAMES * 99 / 100])
}

fn main() {
    let (a, b) = (Count::default(), Count::default());
    let plain = run(CrosstermBackend::new(a.clone()));
    let ours = run(Compact::with_size(
        CrosstermBackend::new(b.clone()),
        Size::new(W, H),
    ));
    println!("{FRAMES} frames at {W}x{H}, both panes changing, the list moving a row each time:");
    for (name, (p50, p99), bytes) in [("crossterm", plain, a.0.get()), ("byline", ours, b.0.get())]
    {
        println!("  {name:9}: median {p50:.3} ms, p99 {p99:.3} ms, {bytes} bytes in all");
    }
}
