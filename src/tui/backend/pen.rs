//! The pen: colours and attributes as SGR, written as the shortest change from the current pen.
//!
//! crossterm writes every colour as `38;5;N` and each attribute as its own sequence
//! (`ESC[22m ESC[38;5;2;49m` is 17 bytes where `ESC[22;32m` is 8). The 16 ANSI colours are
//! written as `30`-`37`/`90`-`97`, which is also what a true 16-colour terminal understands.

use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pen {
    pub fg: Color,
    pub bg: Color,
    pub underline: Color,
    pub modifier: Modifier,
}

/// Each attribute with the SGR code that sets it.
const SETS: [(Modifier, u8); 9] = [
    (Modifier::BOLD, 1),
    (Modifier::DIM, 2),
    (Modifier::ITALIC, 3),
    (Modifier::UNDERLINED, 4),
    (Modifier::SLOW_BLINK, 5),
    (Modifier::RAPID_BLINK, 6),
    (Modifier::REVERSED, 7),
    (Modifier::HIDDEN, 8),
    (Modifier::CROSSED_OUT, 9),
];

impl Pen {
    pub fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        }
    }

    /// Appends the SGR sequence that turns pen `self` into `to` (nothing when they are equal).
    pub fn change(&self, to: &Pen, out: &mut Vec<u8>) {
        if self == to {
            return;
        }
        let step = self.step_params(to);
        let reset = Pen::default().step_params(to);
        let params = if reset.is_empty() && !step.is_empty() {
            String::new() // `ESC[m`: everything back to the default
        } else if reset.len() + 2 < step.len() {
            format!("0;{reset}")
        } else {
            step
        };
        out.extend_from_slice(b"\x1b[");
        out.extend_from_slice(params.as_bytes());
        out.push(b'm');
    }

    /// The parameters changing `self` into `to` attribute by attribute.
    fn step_params(&self, to: &Pen) -> String {
        let mut p: Vec<String> = Vec::new();
        let removed = self.modifier - to.modifier;
        let mut added = to.modifier - self.modifier;
        if removed.intersects(Modifier::BOLD | Modifier::DIM) {
            // 22 clears both bold and dim: set again the one that stays.
            p.push("22".into());
            added |= to.modifier & (Modifier::BOLD | Modifier::DIM);
        }
        let offs = [
            (Modifier::ITALIC, "23"),
            (Modifier::UNDERLINED, "24"),
            (Modifier::SLOW_BLINK | Modifier::RAPID_BLINK, "25"),
            (Modifier::REVERSED, "27"),
            (Modifier::HIDDEN, "28"),
            (Modifier::CROSSED_OUT, "29"),
        ];
        for (m, code) in offs {
            if removed.intersects(m) {
                p.push(code.into());
                added |= to.modifier & m;
            }
        }
        for (m, code) in SETS {
            if added.contains(m) {
                p.push(code.to_string());
            }
        }
        if self.fg != to.fg {
            p.push(color(to.fg, Layer::Fg));
        }
        if self.bg != to.bg {
            p.push(color(to.bg, Layer::Bg));
        }
        if self.underline != to.underline {
            p.push(color(to.underline, Layer::Underline));
        }
        p.join(";")
    }
}

#[derive(Clone, Copy)]
enum Layer {
    Fg,
    Bg,
    Underline,
}

/// One colour's SGR parameters for a layer.
fn color(c: Color, layer: Layer) -> String {
    let (base, bright, extended) = match layer {
        Layer::Fg => (30, 90, 38),
        Layer::Bg => (40, 100, 48),
        Layer::Underline => (0, 0, 58),
    };
    let ansi = match c {
        Color::Reset => return (extended + 1).to_string(),
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        Color::Indexed(i) => return format!("{extended};5;{i}"),
        Color::Rgb(r, g, b) => return format!("{extended};2;{r};{g};{b}"),
    };
    match layer {
        // Underline colours have no short form.
        Layer::Underline => format!("58;5;{ansi}"),
        _ if ansi < 8 => (base + ansi).to_string(),
        _ => (bright + ansi - 8).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sgr(from: Pen, to: Pen) -> String {
        let mut out = Vec::new();
        from.change(&to, &mut out);
        String::from_utf8(out).unwrap()
    }

    fn pen(fg: Color, modifier: Modifier) -> Pen {
        Pen {
            fg,
            modifier,
            ..Pen::default()
        }
    }

    #[test]
    fn ansi_colours_use_their_short_codes() {
        let d = Pen::default();
        assert_eq!(sgr(d, pen(Color::Green, Modifier::empty())), "\x1b[32m");
        assert_eq!(sgr(d, pen(Color::DarkGray, Modifier::empty())), "\x1b[90m");
        assert_eq!(sgr(d, pen(Color::White, Modifier::empty())), "\x1b[97m");
        let bg = Pen {
            bg: Color::Blue,
            ..d
        };
        assert_eq!(sgr(d, bg), "\x1b[44m");
        assert_eq!(
            sgr(d, pen(Color::Indexed(208), Modifier::empty())),
            "\x1b[38;5;208m"
        );
        assert_eq!(
            sgr(d, pen(Color::Rgb(1, 2, 3), Modifier::empty())),
            "\x1b[38;2;1;2;3m"
        );
    }

    #[test]
    fn one_sequence_per_change() {
        let bold = pen(Color::Reset, Modifier::BOLD);
        let green = pen(Color::Green, Modifier::empty());
        assert_eq!(sgr(bold, green), "\x1b[0;32m");
        assert_eq!(sgr(green, bold), "\x1b[0;1m");
        assert_eq!(sgr(bold, bold), "");
    }

    #[test]
    fn dropping_bold_keeps_dim() {
        let both = pen(Color::Reset, Modifier::BOLD | Modifier::DIM);
        let dim = pen(Color::Reset, Modifier::DIM);
        assert_eq!(sgr(both, dim), "\x1b[0;2m");
    }

    #[test]
    fn a_reset_is_used_when_shorter() {
        let busy = Pen {
            fg: Color::Red,
            bg: Color::Blue,
            underline: Color::Reset,
            modifier: Modifier::BOLD | Modifier::ITALIC | Modifier::REVERSED,
        };
        assert_eq!(sgr(busy, Pen::default()), "\x1b[m");
        assert_eq!(
            sgr(busy, pen(Color::Green, Modifier::empty())),
            "\x1b[0;32m"
        );
    }
}
