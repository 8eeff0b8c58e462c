//! The sanitizer: the one place display safety is decided. Removes terminal escape sequences
//! whole, drops the other controls, and strips invisible characters that can reorder or hide text.

use std::iter::Peekable;
use std::str::Chars;

use super::is_invisible;

/// Tabs expand to the next multiple of this many columns (columns counted in chars).
pub const TAB_WIDTH: usize = 4;

const ESC: char = '\u{1B}';
const BEL: char = '\u{07}';
/// 8-bit String Terminator.
const ST: char = '\u{9C}';
/// 8-bit Control Sequence Introducer.
const CSI: char = '\u{9B}';

/// Makes text safe to print: escape sequences removed whole, controls dropped (newline kept),
/// invisible characters ([`is_invisible`]) removed, tabs expanded, CRLF made LF, and the line
/// and paragraph separators U+2028/2029 made newlines.
///
/// The output contains no ESC, no C0/C1 control except `'\n'`, no tab and no invisible
/// character, so sanitizing it again changes nothing.
pub fn sanitize(text: &str) -> String {
    // Most text needs nothing: checking is several times cheaper than rebuilding it.
    if !text.chars().any(needs_work) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut column = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ESC => skip_escape(&mut chars),
            CSI => skip_csi_body(&mut chars),
            // 8-bit DCS, SOS, OSC, PM, APC: strings running to a terminator.
            '\u{90}' | '\u{98}' | '\u{9D}' | '\u{9E}' | '\u{9F}' => {
                skip_string(&mut chars, c == '\u{9D}')
            }
            '\n' => push_newline(&mut out, &mut column),
            '\r' => {
                // CRLF and a lone CR both end one line.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                push_newline(&mut out, &mut column);
            }
            // Line and paragraph separators would break a terminal's line accounting.
            '\u{2028}' | '\u{2029}' => push_newline(&mut out, &mut column),
            '\t' => {
                let spaces = TAB_WIDTH - column % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            // Bidi controls can display text in another order than it is stored; the others are
            // invisible and only confuse search and width.
            c if c.is_control() || is_invisible(c) => {}
            c => {
                out.push(c);
                column += 1;
            }
        }
    }
    out
}

/// [`sanitize`]d text as one line: line breaks become spaces. For names, titles, URLs and
/// messages, which are shown on one line.
pub fn sanitize_line(text: &str) -> String {
    let clean = sanitize(text);
    if clean.contains('\n') {
        clean.replace('\n', " ")
    } else {
        clean
    }
}

fn push_newline(out: &mut String, column: &mut usize) {
    out.push('\n');
    *column = 0;
}

/// Whether `sanitize` would change or drop this character.
fn needs_work(c: char) -> bool {
    (c.is_control() && c != '\n') || is_invisible(c)
}

/// Skips what follows an ESC: a CSI, a control string (OSC, DCS, SOS, PM, APC), or a short
/// escape (`ESC` + intermediates + one final char). A lone ESC is simply dropped.
fn skip_escape(chars: &mut Peekable<Chars<'_>>) {
    let Some(&next) = chars.peek() else { return };
    match next {
        '[' => {
            chars.next();
            skip_csi_body(chars);
        }
        ']' | 'P' | 'X' | '^' | '_' => {
            chars.next();
            skip_string(chars, next == ']');
        }
        _ => skip_short_escape(chars),
    }
}

/// CSI parameters (0x30-0x3F) and intermediates (0x20-0x2F) up to a final byte (0x40-0x7E).
/// Any other char ends the sequence without being consumed, so a malformed sequence cannot
/// swallow the text after it.
fn skip_csi_body(chars: &mut Peekable<Chars<'_>>) {
    while let Some(&c) = chars.peek() {
        match c {
            '\u{20}'..='\u{3F}' => {
                chars.next();
            }
            '\u{40}'..='\u{7E}' => {
                chars.next();
                return;
            }
            _ => return,
        }
    }
}

/// A control string runs to ST (`ESC \` or U+009C); an OSC may also end with BEL. Unterminated
/// strings run to the end of the input, as a terminal would treat them.
fn skip_string(chars: &mut Peekable<Chars<'_>>, bel_ends: bool) {
    while let Some(c) = chars.next() {
        match c {
            ST => return,
            BEL if bel_ends => return,
            ESC if chars.peek() == Some(&'\\') => {
                chars.next();
                return;
            }
            _ => {}
        }
    }
}

/// `ESC` + intermediates (0x20-0x2F) + a final char (0x30-0x7E), e.g. `ESC c`, `ESC ( B`.
fn skip_short_escape(chars: &mut Peekable<Chars<'_>>) {
    while let Some(&c) = chars.peek() {
        match c {
            '\u{20}'..='\u{2F}' => {
                chars.next();
            }
            '\u{30}'..='\u{7E}' => {
                chars.next();
                return;
            }
            _ => return,
        }
    }
}
