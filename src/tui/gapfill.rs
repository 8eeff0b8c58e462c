//! A backend wrapper that writes fewer bytes: where ratatui's diff leaves a short run of
//! unchanged cells between two changed ones on a row, the cursor move to jump it (6-8 bytes) is
//! replaced by those cells themselves, when they are plain and styled like the cell before.
//! It keeps a copy of what the screen shows to know them. Scrolling the reading pane by a line
//! moves every word, leaving a one-cell gap at each space still in place: about a third of the
//! bytes were cursor moves.

use std::collections::HashMap;

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Cell, CellDiffOption, CellWidth};
use ratatui::layout::{Position, Size};

/// Longest gap filled, in bytes of the cells' symbols (a cursor move is 6-8 bytes).
const MAX_FILL: usize = 6;

pub struct GapFill<B> {
    inner: B,
    /// What the screen shows where it was drawn since the last clear: `None` for a cell that is
    /// not plain (wide, forced width, an escape) or covered by one.
    shown: HashMap<(u16, u16), Option<Cell>>,
    /// Whether cells not in `shown` are default blanks (after a full clear) or unknown.
    blank: bool,
}

impl<B: Backend> GapFill<B> {
    pub fn new(inner: B) -> GapFill<B> {
        GapFill {
            inner,
            shown: HashMap::new(),
            blank: false,
        }
    }

    fn at(&self, x: u16, y: u16) -> Option<Cell> {
        match self.shown.get(&(x, y)) {
            Some(cell) => cell.clone(),
            None => self.blank.then(Cell::default),
        }
    }

    fn forget(&mut self, blank: bool) {
        self.shown.clear();
        self.blank = blank;
    }

    fn remember(&mut self, x: u16, y: u16, cell: &Cell) {
        let width = cell.cell_width().max(1);
        let plain = width == 1
            && cell.diff_option == CellDiffOption::None
            && !cell.symbol().chars().any(char::is_control);
        self.shown.insert((x, y), plain.then(|| cell.clone()));
        for dx in 1..width {
            self.shown.insert((x.saturating_add(dx), y), None);
        }
    }

    /// The shown cells `from..to` on row `y`, when all are plain, styled like `prev` (so no
    /// colour change is written) and fewer bytes than a cursor move.
    fn filler(&self, prev: &Cell, y: u16, from: u16, to: u16) -> Option<Vec<Cell>> {
        let mut cells = Vec::new();
        let mut bytes = 0;
        for x in from..to {
            let cell = self.at(x, y)?;
            bytes += cell.symbol().len();
            if bytes > MAX_FILL || cell.style() != prev.style() {
                return None;
            }
            cells.push(cell);
        }
        Some(cells)
    }
}

impl<B: Backend> Backend for GapFill<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut out: Vec<(u16, u16, Cell)> = Vec::new();
        for (x, y, cell) in content {
            if let Some((px, py, prev)) = out.last() {
                let end = px + 1;
                let plain_prev = prev.diff_option == CellDiffOption::None && prev.cell_width() == 1;
                if *py == y && plain_prev && x > end {
                    if let Some(fill) = self.filler(prev, y, end, x) {
                        out.extend(fill.into_iter().zip(end..).map(|(c, fx)| (fx, y, c)));
                    }
                }
            }
            out.push((x, y, cell.clone()));
        }
        for (x, y, cell) in &out {
            self.remember(*x, *y, cell);
        }
        self.inner.draw(out.iter().map(|(x, y, c)| (*x, *y, c)))
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
        // ratatui resets the colours after each draw, so a clear leaves default blanks.
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
        self.inner.flush()
    }
}

#[cfg(test)]
#[path = "gapfill_tests.rs"]
mod tests;
