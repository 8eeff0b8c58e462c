//! Splits a terminal output stream into its control sequences (CSI, OSC, DCS/APC/PM/SOS, other
//! ESC pairs, bare C0 and C1 controls) so a test can allow exactly the families the reader emits.

#![allow(dead_code)]

/// One control sequence found in the stream, at byte offset `at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seq {
    /// `ESC [` private/params, intermediates, final byte.
    Csi {
        at: usize,
        params: String,
        fin: char,
    },
    /// `ESC ]` payload (terminated by BEL or ST).
    Osc { at: usize, payload: Vec<u8> },
    /// `ESC P`, `ESC _`, `ESC ^`, `ESC X`: device control, application command, privacy, string.
    Str { at: usize, kind: char },
    /// Any other `ESC x`.
    Esc { at: usize, byte: u8 },
    /// A C0 control other than ESC, CR, LF (which are harmless motion).
    C0 { at: usize, byte: u8 },
    /// A C1 control, as UTF-8 (U+0080..U+009F) or as a raw byte.
    C1 { at: usize, code: u32 },
}

/// Every control sequence in `raw`, in order.
pub fn scan(raw: &[u8]) -> Vec<Seq> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        let b = raw[i];
        match b {
            0x1b => i = escape(raw, i, &mut out),
            b'\r' | b'\n' => i += 1,
            0x00..=0x1f | 0x7f => {
                out.push(Seq::C0 { at: i, byte: b });
                i += 1;
            }
            0xc2 if raw.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)) => {
                out.push(Seq::C1 {
                    at: i,
                    code: u32::from(raw[i + 1]),
                });
                i += 2;
            }
            0x80..=0xbf if i == 0 || raw[i - 1] < 0x80 => {
                // A continuation byte after ASCII: a raw 8-bit C1 or garbage.
                out.push(Seq::C1 {
                    at: i,
                    code: u32::from(b),
                });
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

fn escape(raw: &[u8], at: usize, out: &mut Vec<Seq>) -> usize {
    let Some(&kind) = raw.get(at + 1) else {
        out.push(Seq::Esc { at, byte: 0 });
        return at + 1;
    };
    match kind {
        b'[' => {
            let mut j = at + 2;
            while j < raw.len() && (0x20..=0x3f).contains(&raw[j]) {
                j += 1;
            }
            let params = String::from_utf8_lossy(&raw[at + 2..j.min(raw.len())]).into_owned();
            let fin = raw.get(j).map_or('\0', |&c| c as char);
            out.push(Seq::Csi { at, params, fin });
            j + 1
        }
        b']' => {
            let (end, next) = string_end(raw, at + 2);
            out.push(Seq::Osc {
                at,
                payload: raw[at + 2..end].to_vec(),
            });
            next
        }
        b'P' | b'_' | b'^' | b'X' => {
            out.push(Seq::Str {
                at,
                kind: kind as char,
            });
            string_end(raw, at + 2).1
        }
        _ => {
            out.push(Seq::Esc { at, byte: kind });
            at + 2
        }
    }
}

/// The end of a string sequence's payload and the index after its terminator (BEL or ESC \).
fn string_end(raw: &[u8], from: usize) -> (usize, usize) {
    let mut j = from;
    while j < raw.len() {
        if raw[j] == 0x07 {
            return (j, j + 1);
        }
        if raw[j] == 0x1b && raw.get(j + 1) == Some(&b'\\') {
            return (j, j + 2);
        }
        j += 1;
    }
    (raw.len(), raw.len())
}

/// The one bare `ESC x` the reader writes: reverse index, to scroll lines down in a region.
pub fn byline_esc(byte: u8) -> bool {
    byte == b'M'
}

/// The CSI sequences the reader itself emits (its backend and `term.rs`): cursor position and
/// moves, SGR, scrolling margins (`r`), erasing characters in place (`X`), and the private
/// modes for the alternate screen, the cursor, bracketed paste and the mouse. Erasing the
/// screen or a line (`J`, `K`) is not in the list: the hostile-text test never resizes, so any
/// erase there came from content.
pub fn byline_csi(params: &str, fin: char) -> bool {
    const MODES: [&str; 8] = [
        "?1049", "?25", "?2004", "?1000", "?1002", "?1003", "?1006", "?1015",
    ];
    match fin {
        'H' | 'm' | 'A' | 'B' | 'C' | 'D' | 'G' | 'r' | 'X' => !params.starts_with('?'),
        'h' | 'l' => MODES.contains(&params),
        _ => false,
    }
}
