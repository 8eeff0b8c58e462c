//! The terminal backend: ratatui's crossterm backend with the frame's bytes written by byline,
//! because over SSH every byte counts. It keeps a model of what the screen shows, and from it
//! writes each frame the shortest way it knows: short SGR changes in the 16-colour codes, the
//! shortest cursor move or a short gap rewritten, and lines scrolled when a pane moves by a row.

mod encode;
mod grid;
mod pen;
mod shift;

use std::io::Write;

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

use encode::Encoder;
use grid::Grid;
use shift::Shift;

/// A frame drawn after a shift: its bytes, the screen after the shift, the cells written.
struct Shifted {
    bytes: Vec<u8>,
    screen: Grid,
    writes: Vec<(u16, u16, Cell)>,
}

pub struct Compact<B> {
    inner: B,
    screen: Grid,
}

impl<B: Backend<Error = std::io::Error> + Write> Compact<B> {
    /// Wraps `inner`, whose screen is blank (the alternate screen was just entered), as
    /// ratatui assumes too.
    pub fn new(inner: B) -> Compact<B> {
        let size = inner.size().unwrap_or_default();
        Compact::with_size(inner, size)
    }

    /// As [`Compact::new`] for a screen of `size` (a test's writer has no terminal to ask).
    pub fn with_size(inner: B, size: Size) -> Compact<B> {
        Compact {
            inner,
            screen: Grid::new(size.width, size.height, true),
        }
    }

    /// After a clear: a blank screen of the current size, or all unknown.
    fn forget(&mut self, known: bool) {
        let size = self
            .inner
            .size()
            .unwrap_or(Size::new(self.screen.width, self.screen.height));
        self.screen = Grid::new(size.width, size.height, known);
    }

    /// The bytes for one frame, and the screen model updated to it.
    fn frame(&mut self, updates: &[(u16, u16, Cell)]) -> Vec<u8> {
        for (x, y, _) in updates {
            self.screen.reach(*x, *y);
        }
        let mut plain = Encoder::new();
        plain.cells(updates, &self.screen);
        plain.finish();
        let mut best: Option<Shifted> = None;
        if updates.len() >= 2 * usize::from(self.screen.width) {
            let mut target = self.screen.clone();
            for (x, y, cell) in updates {
                target.put(*x, *y, cell);
            }
            if let Some(shift) = shift::best(&self.screen, &target) {
                let drawn = self.shifted(shift, &target, updates);
                best = (drawn.bytes.len() < plain.out.len()).then_some(drawn);
            }
        }
        match best {
            Some(drawn) => {
                self.screen = drawn.screen;
                for (x, y, cell) in &drawn.writes {
                    self.screen.put(*x, *y, cell);
                }
                drawn.bytes
            }
            None => {
                for (x, y, cell) in updates {
                    self.screen.put(*x, *y, cell);
                }
                plain.out
            }
        }
    }

    /// The frame drawn with `shift` first; the cells written after it are, in the region,
    /// whatever still differs from `target` and, elsewhere, `updates`.
    fn shifted(&self, shift: Shift, target: &Grid, updates: &[(u16, u16, Cell)]) -> Shifted {
        let mut screen = self.screen.clone();
        screen.scroll(shift.top, shift.bottom, shift.by);
        let region = shift.top..=shift.bottom;
        let mut writes: Vec<(u16, u16, Cell)> = Vec::new();
        let mut rest = updates.iter().peekable();
        for y in 0..screen.height {
            while let Some(u) = rest.next_if(|u| u.1 <= y) {
                if !region.contains(&u.1) {
                    writes.push(u.clone());
                }
            }
            if region.contains(&y) {
                writes.extend(shift::row_writes(&screen, target, y));
            }
        }
        let mut enc = Encoder::new();
        enc.control(&shift.bytes());
        enc.cells(&writes, &screen);
        enc.finish();
        Shifted {
            bytes: enc.out,
            screen,
            writes,
        }
    }
}

impl<B: Backend<Error = std::io::Error> + Write> Backend for Compact<B> {
    type Error = std::io::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let updates: Vec<(u16, u16, Cell)> = content.map(|(x, y, c)| (x, y, c.clone())).collect();
        let bytes = self.frame(&updates);
        self.inner.write_all(&bytes)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }
    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()?;
        // The pen is reset after each frame, so a clear leaves default blanks.
        self.forget(true);
        Ok(())
    }
    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)?;
        self.forget(clear_type == ClearType::All);
        Ok(())
    }
    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.inner.append_lines(n)?;
        self.forget(false);
        Ok(())
    }
    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }
    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }
    fn flush(&mut self) -> Result<(), Self::Error> {
        Backend::flush(&mut self.inner)
    }
}

#[cfg(test)]
mod tests;
