//! The backend's model of what the terminal shows: one slot per cell, known or not, kept as
//! cells are written, lines scrolled and the screen cleared.

use ratatui::buffer::{Cell, CellDiffOption, CellWidth};

#[derive(Debug, Clone)]
pub enum Slot {
    /// Not known: never drawn since a partial clear, or a wide cell was cut into.
    Unknown,
    Cell(Cell),
    /// Covered by the wide (or forced-width) cell to its left.
    Covered,
}

impl PartialEq for Slot {
    /// Equal when they look the same: a cell never drawn and one drawn as a space are both
    /// blanks.
    fn eq(&self, other: &Slot) -> bool {
        match (self, other) {
            (Slot::Unknown, Slot::Unknown) | (Slot::Covered, Slot::Covered) => true,
            (Slot::Cell(a), Slot::Cell(b)) => same(a, b),
            _ => false,
        }
    }
}

/// Whether two cells look the same.
pub fn same(a: &Cell, b: &Cell) -> bool {
    a.symbol() == b.symbol()
        && a.fg == b.fg
        && a.bg == b.bg
        && a.underline_color == b.underline_color
        && a.modifier == b.modifier
        && a.diff_option == b.diff_option
}

/// A cell that prints as itself: one column, no escapes, no forced width.
pub fn plain(cell: &Cell) -> bool {
    cell.diff_option == CellDiffOption::None
        && cell.cell_width() == 1
        && !cell.symbol().chars().any(char::is_control)
}

#[derive(Debug, Clone)]
pub struct Grid {
    pub width: u16,
    pub height: u16,
    slots: Vec<Slot>,
}

impl Grid {
    /// A `width` x `height` screen, all blank (`known`) or all unknown.
    pub fn new(width: u16, height: u16, known: bool) -> Grid {
        let fill = if known {
            Slot::Cell(Cell::default())
        } else {
            Slot::Unknown
        };
        Grid {
            width,
            height,
            slots: vec![fill; usize::from(width) * usize::from(height)],
        }
    }

    fn index(&self, x: u16, y: u16) -> Option<usize> {
        (x < self.width && y < self.height)
            .then(|| usize::from(y) * usize::from(self.width) + usize::from(x))
    }

    pub fn get(&self, x: u16, y: u16) -> &Slot {
        match self.index(x, y) {
            Some(i) => &self.slots[i],
            None => &Slot::Unknown,
        }
    }

    fn set(&mut self, x: u16, y: u16, slot: Slot) {
        if let Some(i) = self.index(x, y) {
            self.slots[i] = slot;
        }
    }

    pub fn row(&self, y: u16) -> &[Slot] {
        let w = usize::from(self.width);
        let start = usize::from(y) * w;
        &self.slots[start..start + w]
    }

    /// Grows the grid (new cells unknown) so that `(x, y)` is on it.
    pub fn reach(&mut self, x: u16, y: u16) {
        if x < self.width && y < self.height {
            return;
        }
        let mut grown = Grid::new(self.width.max(x + 1), self.height.max(y + 1), false);
        for row in 0..self.height {
            for col in 0..self.width {
                grown.set(col, row, self.get(col, row).clone());
            }
        }
        *self = grown;
    }

    /// Records `cell` written at `(x, y)`.
    pub fn put(&mut self, x: u16, y: u16, cell: &Cell) {
        let width = cell.cell_width().max(1);
        for dx in 0..width {
            self.cut_wide_at(x.saturating_add(dx), y);
        }
        self.set(x, y, Slot::Cell(cell.clone()));
        for dx in 1..width {
            self.set(x.saturating_add(dx), y, Slot::Covered);
        }
    }

    /// A write at `(x, y)` cuts into a wide cell there: what the terminal then shows of the
    /// rest of it varies, so all of it becomes unknown.
    fn cut_wide_at(&mut self, x: u16, y: u16) {
        let mut head = x;
        while head > 0 && *self.get(head, y) == Slot::Covered {
            head -= 1;
        }
        let width = match self.get(head, y) {
            Slot::Cell(c) if c.cell_width() > 1 => c.cell_width(),
            _ if head < x => x - head + 1,
            _ => return,
        };
        for col in head..head.saturating_add(width) {
            self.set(col, y, Slot::Unknown);
        }
    }

    /// Rows `top..=bottom` scrolled by `by` lines: up (content moves up) when positive. The
    /// rows scrolled in are blank.
    pub fn scroll(&mut self, top: u16, bottom: u16, by: i32) {
        let w = usize::from(self.width);
        let (top, bottom) = (usize::from(top), usize::from(bottom));
        let n = by.unsigned_abs() as usize;
        let region = &mut self.slots[top * w..(bottom + 1) * w];
        if by > 0 {
            region.rotate_left(n * w);
        } else {
            region.rotate_right(n * w);
        }
        let len = region.len();
        let blank = if by > 0 { len - n * w..len } else { 0..n * w };
        for slot in &mut region[blank] {
            *slot = Slot::Cell(Cell::default());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::num::NonZeroU16;

    fn cell(s: &str) -> Cell {
        let mut c = Cell::default();
        c.set_symbol(s);
        c
    }

    #[test]
    fn a_wide_cell_covers_its_tail_and_cutting_into_it_forgets_it() {
        let mut g = Grid::new(4, 1, true);
        g.put(1, 0, &cell("コ"));
        assert_eq!(*g.get(2, 0), Slot::Covered);
        g.put(2, 0, &cell("a"));
        assert_eq!(*g.get(1, 0), Slot::Unknown);
        assert_eq!(*g.get(2, 0), Slot::Cell(cell("a")));
        assert_eq!(*g.get(0, 0), Slot::Cell(Cell::default()));
    }

    #[test]
    fn a_link_replaced_by_one_as_wide_stays_known() {
        let mut g = Grid::new(6, 1, true);
        let mut link = cell("\x1b]8;;https://a.example\x07abc\x1b]8;;\x07");
        link.set_diff_option(CellDiffOption::ForcedWidth(NonZeroU16::new(3).unwrap()));
        g.put(0, 0, &link);
        g.put(0, 0, &link);
        assert_eq!(*g.get(0, 0), Slot::Cell(link));
        assert_eq!(*g.get(2, 0), Slot::Covered);
        assert_eq!(*g.get(3, 0), Slot::Cell(Cell::default()));
    }

    #[test]
    fn scrolling_moves_rows_and_blanks_the_rest() {
        let mut g = Grid::new(1, 4, true);
        for (y, s) in ["a", "b", "c", "d"].iter().enumerate() {
            g.put(0, y as u16, &cell(s));
        }
        g.scroll(1, 3, 1);
        let col = |g: &Grid| (0..4).map(|y| g.get(0, y).clone()).collect::<Vec<_>>();
        let blank = Slot::Cell(Cell::default());
        let s = |t: &str| Slot::Cell(cell(t));
        assert_eq!(col(&g), vec![s("a"), s("c"), s("d"), blank.clone()]);
        g.scroll(0, 2, -2);
        assert_eq!(col(&g), vec![blank.clone(), blank.clone(), s("a"), blank]);
    }
}
