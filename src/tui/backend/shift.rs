//! Scrolling lines instead of rewriting them. When a band of rows in the new frame shows what
//! the screen shows a few rows away (the list moved by a row), a scrolling region moves those
//! lines and only the cells still different are written. Regions span the whole width, so the
//! other pane's rows move too and are rewritten: the caller encodes both ways and keeps the
//! shorter, so a shift is only used when it saves bytes.

use ratatui::buffer::{Cell, CellWidth};

use super::grid::{Grid, Slot};

/// Farthest shift tried, in rows.
const MAX_ROWS: i32 = 3;

/// Rows `top..=bottom` scrolled `by` lines (up when positive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shift {
    pub top: u16,
    pub bottom: u16,
    pub by: i32,
}

impl Shift {
    /// The bytes that scroll the region on any VT100: set the margins, line feeds at the
    /// bottom margin (or reverse index at the top), margins back to the whole screen. Each
    /// margin change sends the cursor home.
    pub fn bytes(&self) -> Vec<u8> {
        let mut out = format!("\x1b[{};{}r", self.top + 1, self.bottom + 1).into_bytes();
        let n = self.by.unsigned_abs() as usize;
        if self.by > 0 {
            out.extend_from_slice(format!("\x1b[{}H", self.bottom + 1).as_bytes());
            out.extend(std::iter::repeat_n(b'\n', n));
        } else {
            out.extend_from_slice(format!("\x1b[{}H", self.top + 1).as_bytes());
            out.extend(std::iter::repeat_n(b"\x1bM", n).flatten());
        }
        out.extend_from_slice(b"\x1b[r");
        out
    }
}

/// Of the distances up to `MAX_ROWS` either way, the shift of the band of rows that makes the
/// most cells of `target` right, if any does. Only that one is encoded: each encoding clones
/// the screen and runs on the way from a key to its frame.
pub fn best(screen: &Grid, target: &Grid) -> Option<Shift> {
    (1..=MAX_ROWS)
        .flat_map(|n| [n, -n])
        .filter_map(|by| best_band(screen, target, by))
        .max_by_key(|(_, gain)| *gain)
        .map(|(shift, _)| shift)
}

/// The band with the largest gain for a shift of `by` rows, and that gain in cells.
fn best_band(screen: &Grid, target: &Grid, by: i32) -> Option<(Shift, i64)> {
    let h = i32::from(target.height);
    let gains: Vec<Option<i64>> = (0..h).map(|y| row_gain(screen, target, y, by)).collect();
    // Kadane: the run of rows with the largest total gain; unknown rows break runs.
    let (mut best, mut best_at) = (0i64, None);
    let (mut run, mut start) = (0i64, 0i32);
    for (y, gain) in gains.iter().enumerate() {
        let y = y as i32;
        let Some(g) = gain else {
            run = 0;
            continue;
        };
        if run <= 0 {
            (run, start) = (0, y);
        }
        run += g;
        if run > best {
            (best, best_at) = (run, Some((start, y)));
        }
    }
    let (first, last) = best_at?;
    // The rows scrolled in must be known to be rewritten.
    let (top, bottom) = if by > 0 {
        (first, last + by)
    } else {
        (first + by, last)
    };
    let known = |y: i32| target.row(y as u16).iter().all(|s| *s != Slot::Unknown);
    let ok = top >= 0 && bottom < h && bottom > top && (top..=bottom).all(known);
    let shift = Shift {
        top: top as u16,
        bottom: bottom as u16,
        by,
    };
    ok.then_some((shift, best))
}

/// Cells of row `y` right after shifting by `by`, less those right without it; `None` when the
/// row cannot take part.
fn row_gain(screen: &Grid, target: &Grid, y: i32, by: i32) -> Option<i64> {
    let from = y + by;
    if from < 0 || from >= i32::from(screen.height) {
        return None;
    }
    let want = target.row(y as u16);
    if want.contains(&Slot::Unknown) {
        return None;
    }
    let moved = screen.row(from as u16);
    let now = screen.row(y as u16);
    let right = |row: &[Slot]| {
        want.iter()
            .zip(row)
            .filter(|(w, s)| w == s && **s != Slot::Unknown)
            .count() as i64
    };
    Some(right(moved) - right(now))
}

/// The cells of row `y` to write so that the screen shows `target` there.
pub fn row_writes(screen: &Grid, target: &Grid, y: u16) -> Vec<(u16, u16, Cell)> {
    let (want, shown) = (target.row(y), screen.row(y));
    let mut out = Vec::new();
    let mut x = 0usize;
    while x < want.len() {
        let Slot::Cell(cell) = &want[x] else {
            x += 1;
            continue;
        };
        let end = (x + usize::from(cell.cell_width().max(1))).min(want.len());
        if want[x..end] != shown[x..end] {
            out.push((x as u16, y, cell.clone()));
        }
        x = end;
    }
    out
}
