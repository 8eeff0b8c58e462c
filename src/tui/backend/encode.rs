//! Cells to bytes: the cursor moved the shortest way (or across a short gap by rewriting the
//! cells the screen already shows there), the pen changed by the shortest SGR.

use ratatui::buffer::Cell;

use super::grid::{plain, same, Grid, Slot};
use super::pen::Pen;

/// Longest gap of shown cells rewritten instead of moving over it.
const MAX_GAP: u16 = 8;
/// Shortest run of blanks erased in place (`ESC[nX`) rather than written as spaces.
const MIN_ERASE: usize = 8;

pub struct Encoder {
    pub out: Vec<u8>,
    pen: Pen,
    cursor: Option<(u16, u16)>,
}

impl Encoder {
    pub fn new() -> Encoder {
        Encoder {
            out: Vec::new(),
            pen: Pen::default(),
            cursor: None,
        }
    }

    /// Writes `cells` (in row order); runs of default blanks are erased in place.
    pub fn cells(&mut self, cells: &[(u16, u16, Cell)], screen: &Grid) {
        let mut i = 0;
        while i < cells.len() {
            let (x, y, cell) = &cells[i];
            let (columns, consumed) = blank_run(&cells[i..], screen);
            if consumed >= MIN_ERASE {
                self.erase(*x, *y, columns, screen);
                i += consumed;
            } else {
                self.cell(*x, *y, cell, screen);
                i += 1;
            }
        }
    }

    /// Erases `n` cells from `(x, y)` with the default pen (erased cells take the current
    /// background); the cursor stays at `x`.
    fn erase(&mut self, x: u16, y: u16, n: usize, screen: &Grid) {
        if self.cursor != Some((x, y)) {
            self.move_to(x, y, screen.height);
        }
        self.finish();
        self.out.extend_from_slice(format!("\x1b[{n}X").as_bytes());
        self.cursor = Some((x, y));
    }

    /// Writes `cell` at `(x, y)`; `screen` is what the terminal shows (for gap filling).
    fn cell(&mut self, x: u16, y: u16, cell: &Cell, screen: &Grid) {
        let pen = Pen::of(cell);
        if self.cursor != Some((x, y)) {
            match self.gap(x, y, &pen, screen) {
                Some(fill) => {
                    self.out.extend_from_slice(&fill.out);
                    self.pen = fill.pen;
                }
                None => self.move_to(x, y, screen.height),
            }
        }
        self.pen.change(&pen, &mut self.out);
        self.pen = pen;
        self.out.extend_from_slice(cell.symbol().as_bytes());
        // After the last column the cursor waits to wrap; after anything not plain, where it
        // ends depends on the terminal.
        self.cursor = (plain(cell) && x + 1 < screen.width).then_some((x + 1, y));
    }

    /// Puts the pen back to the default (ratatui assumes it between frames).
    pub fn finish(&mut self) {
        self.pen.change(&Pen::default(), &mut self.out);
        self.pen = Pen::default();
    }

    /// Raw control bytes that leave the cursor somewhere unknown.
    pub fn control(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
        self.cursor = None;
    }

    /// The bytes that rewrite the shown cells from the cursor up to `x`, when that plus the pen
    /// change for the next cell is shorter than a move plus that change.
    fn gap(&self, x: u16, y: u16, next: &Pen, screen: &Grid) -> Option<Encoder> {
        let (cx, cy) = self.cursor?;
        if cy != y || cx > x || x - cx > MAX_GAP {
            return None;
        }
        let mut fill = Encoder {
            out: Vec::new(),
            pen: self.pen,
            cursor: None,
        };
        for gx in cx..x {
            let Slot::Cell(shown) = screen.get(gx, y) else {
                return None;
            };
            if !plain(shown) {
                return None;
            }
            let pen = Pen::of(shown);
            fill.pen.change(&pen, &mut fill.out);
            fill.pen = pen;
            fill.out.extend_from_slice(shown.symbol().as_bytes());
        }
        let mut via_fill = fill.out.len();
        let mut tail = Vec::new();
        fill.pen.change(next, &mut tail);
        via_fill += tail.len();
        let mut via_move = move_bytes(self.cursor, x, y, screen.height).len();
        tail.clear();
        self.pen.change(next, &mut tail);
        via_move += tail.len();
        (via_fill < via_move).then_some(fill)
    }

    fn move_to(&mut self, x: u16, y: u16, height: u16) {
        let bytes = move_bytes(self.cursor, x, y, height);
        self.out.extend_from_slice(&bytes);
        self.cursor = Some((x, y));
    }
}

/// The blank run starting at `cells[0]`: columns it spans and cells of `cells` it covers.
/// Columns not in `cells` that the screen already shows blank do not end it.
fn blank_run(cells: &[(u16, u16, Cell)], screen: &Grid) -> (usize, usize) {
    let blank = Cell::default();
    let (x0, y) = (cells[0].0, cells[0].1);
    let (mut x, mut consumed, mut end) = (x0, 0, x0);
    while x < screen.width {
        match cells.get(consumed) {
            Some((cx, cy, c)) if *cy == y && *cx == x => {
                if !same(c, &blank) {
                    break;
                }
                consumed += 1;
                end = x + 1;
            }
            _ if matches!(screen.get(x, y), Slot::Cell(c) if same(c, &blank)) => {}
            _ => break,
        }
        x += 1;
    }
    (usize::from(end - x0), consumed)
}

/// The shortest of the cursor moves from `from` to `(x, y)` that work on any VT100.
fn move_bytes(from: Option<(u16, u16)>, x: u16, y: u16, height: u16) -> Vec<u8> {
    let absolute = if x == 0 {
        format!("\x1b[{}H", y + 1)
    } else {
        format!("\x1b[{};{}H", y + 1, x + 1)
    };
    let mut best = absolute.into_bytes();
    let Some((cx, cy)) = from else {
        return best;
    };
    let mut consider = |candidate: String| {
        if candidate.len() < best.len() {
            best = candidate.into_bytes();
        }
    };
    let n = |d: u16| if d == 1 { String::new() } else { d.to_string() };
    if cy == y && x > cx {
        consider(format!("\x1b[{}C", n(x - cx)));
    }
    if cy == y && x < cx {
        consider(format!("\x1b[{}D", n(cx - x)));
    }
    if x == 0 && cy == y {
        consider("\r".into());
    }
    // A line feed on the last row would scroll the screen.
    if x == 0 && y == cy + 1 && y < height {
        consider("\r\n".into());
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_pick_the_shortest_form() {
        assert_eq!(move_bytes(None, 0, 4, 40), b"\x1b[5H");
        assert_eq!(move_bytes(None, 9, 4, 40), b"\x1b[5;10H");
        assert_eq!(move_bytes(Some((3, 4)), 4, 4, 40), b"\x1b[C");
        assert_eq!(move_bytes(Some((3, 4)), 20, 4, 40), b"\x1b[17C");
        assert_eq!(move_bytes(Some((30, 4)), 0, 5, 40), b"\r\n");
        assert_eq!(move_bytes(Some((30, 4)), 0, 4, 40), b"\r");
        assert_eq!(move_bytes(Some((30, 4)), 28, 4, 40), b"\x1b[2D");
    }

    #[test]
    fn a_run_of_blanks_is_erased() {
        let screen = Grid::new(40, 2, false);
        let cells: Vec<(u16, u16, Cell)> = (3..20).map(|x| (x, 1, Cell::default())).collect();
        let mut enc = Encoder::new();
        enc.cells(&cells, &screen);
        assert_eq!(String::from_utf8_lossy(&enc.out), "\x1b[2;4H\x1b[17X");
    }
}
