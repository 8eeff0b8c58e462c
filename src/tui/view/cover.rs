//! Links under what is drawn over them: a URL line's OSC 8 hyperlink is one cell whose width is
//! forced to the line's (the cells it covers are skipped), so anything drawn afterwards over part
//! of that line (a picker, the help, a wrapped message) would be hidden by the link's text, even
//! after Ctrl-L. Once everything is drawn, a link whose cells are not all still its own becomes
//! plain cells again, and a skipped cell whose link is gone is drawn again.

use ratatui::buffer::{Buffer, CellDiffOption};

/// Unlinks every link cell something was drawn over, and un-skips cells left without a link.
pub fn unlink_covered(buf: &mut Buffer) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            match buf[(x, y)].diff_option {
                CellDiffOption::ForcedWidth(width) => {
                    let end = x.saturating_add(width.get());
                    if end <= area.right() && (x + 1..end).all(|cx| skipped(buf, cx, y)) {
                        x = end;
                        continue;
                    }
                    unlink(buf, x, y);
                }
                CellDiffOption::Skip => {
                    buf[(x, y)].set_diff_option(CellDiffOption::None);
                }
                _ => {}
            }
            x += 1;
        }
    }
}

fn skipped(buf: &Buffer, x: u16, y: u16) -> bool {
    buf[(x, y)].diff_option == CellDiffOption::Skip
}

/// The link cell at (x, y) back to the one character it shows first, with no escape.
fn unlink(buf: &mut Buffer, x: u16, y: u16) {
    let cell = &mut buf[(x, y)];
    let shown = link_text(cell.symbol()).chars().next().unwrap_or(' ');
    cell.set_char(shown).set_diff_option(CellDiffOption::None);
}

/// The text an OSC 8 link shows (`ESC ]8;;URL BEL text ESC ]8;; BEL`), or the symbol itself.
fn link_text(symbol: &str) -> &str {
    let Some(rest) = symbol.strip_prefix("\x1b]8;;") else {
        return symbol;
    };
    let Some((_, text)) = rest.split_once('\x07') else {
        return "";
    };
    text.split_once("\x1b]8;;").map_or(text, |(text, _)| text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use std::num::NonZeroU16;

    fn linked(width: u16) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        buf.set_string(0, 0, "https://", ratatui::style::Style::new());
        let link = "\x1b]8;;https://a.example\x07https://\x1b]8;;\x07";
        buf[(0, 0)]
            .set_symbol(link)
            .set_diff_option(CellDiffOption::ForcedWidth(NonZeroU16::new(width).unwrap()));
        for x in 1..width {
            buf[(x, 0)].set_diff_option(CellDiffOption::Skip);
        }
        buf
    }

    #[test]
    fn a_link_nothing_covers_stays() {
        let mut buf = linked(8);
        let before = buf.clone();
        unlink_covered(&mut buf);
        assert_eq!(buf, before);
        assert!(matches!(
            buf[(0, 0)].diff_option,
            CellDiffOption::ForcedWidth(_)
        ));
    }

    #[test]
    fn a_covered_link_becomes_plain_cells() {
        let mut buf = linked(8);
        buf[(3, 0)].reset();
        buf[(3, 0)].set_char('│');
        unlink_covered(&mut buf);
        let text: String = (0..8).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        assert_eq!(text, "htt│s://");
        assert!((0..8).all(|x| buf[(x, 0)].diff_option == CellDiffOption::None));
    }

    #[test]
    fn cells_whose_link_cell_was_drawn_over_are_drawn_again() {
        let mut buf = linked(8);
        buf[(0, 0)].reset();
        unlink_covered(&mut buf);
        assert!((0..8).all(|x| buf[(x, 0)].diff_option == CellDiffOption::None));
        assert_eq!(buf[(1, 0)].symbol(), "t");
    }

    #[test]
    fn reads_the_text_of_a_link() {
        assert_eq!(link_text("\x1b]8;;u\x07abc\x1b]8;;\x07"), "abc");
        assert_eq!(link_text("x"), "x");
    }
}
