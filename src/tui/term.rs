//! The real terminal: raw mode and the alternate screen, a panic hook that restores them first
//! (or, while the reader reports panics itself, only logs), suspend (Ctrl-Z) and OSC 52
//! copying. Links are opened by `opener`.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::crossterm::{cursor, execute};

/// Raw mode, alternate screen, hidden cursor (and mouse when configured).
pub fn enter(mouse: bool) -> io::Result<()> {
    terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    )?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

/// Leaves the alternate screen, shows the cursor and ends raw mode; safe to call twice.
pub fn restore() {
    // A frame cut short (a panic in it) may have left scrolling margins or colours set.
    let _ = io::stdout().write_all(b"\x1b[r\x1b[m");
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = terminal::disable_raw_mode();
}

/// Set while the reader runs: a panic on any thread is then only logged, and the main thread
/// restores the terminal once, after the last frame, and tells the user.
static LOOP_OWNS_TERMINAL: AtomicBool = AtomicBool::new(false);

/// While alive, panics are the reader's to report (see [`install_panic_hook`]); take it before
/// the reader starts its threads.
pub struct PanicsReported(());

impl PanicsReported {
    pub fn take() -> PanicsReported {
        LOOP_OWNS_TERMINAL.store(true, Ordering::SeqCst);
        PanicsReported(())
    }
}

impl Drop for PanicsReported {
    fn drop(&mut self) {
        LOOP_OWNS_TERMINAL.store(false, Ordering::SeqCst);
    }
}

/// Restores the terminal before the default hook prints the panic message; the log (when
/// there is one) gets the message with a backtrace, and the user is told where it is. While
/// [`PanicsReported`] is held the panic is only logged: printing or restoring from another
/// thread would leave the loop drawing on a cooked terminal.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if LOOP_OWNS_TERMINAL.load(Ordering::SeqCst) {
            super::log::panic(info);
            return;
        }
        restore();
        super::log::panic(info);
        previous(info);
        if let Some(path) = super::log::path() {
            // Not eprintln!: a second panic (stderr gone with the terminal) would abort.
            let note = format!("byline: the backtrace is in {}\n", path.display());
            let _ = io::stderr().write_all(crate::text::sanitize(&note).as_bytes());
        }
    }));
}

/// Ctrl-Z: give the terminal back, stop, and take it again when continued.
pub fn suspend(mouse: bool) -> io::Result<()> {
    restore();
    #[cfg(unix)]
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    enter(mouse)
}

/// The OSC 52 sequence that puts `text` on the clipboard (crossterm's `CopyToClipboard`).
pub fn osc52(text: &str) -> String {
    use ratatui::crossterm::clipboard::CopyToClipboard;
    use ratatui::crossterm::Command as _;
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = CopyToClipboard::to_clipboard_from(text).write_ansi(&mut out);
    out
}

/// Writes the OSC 52 sequence for `text` to `out`.
pub fn copy(out: &mut dyn Write, text: &str) -> io::Result<()> {
    out.write_all(osc52(text).as_bytes())?;
    out.flush()
}

/// Whether we run over SSH (then `o` copies instead of opening).
pub fn remote_from_env() -> bool {
    ["SSH_TTY", "SSH_CONNECTION"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_puts_the_text_on_the_clipboard_in_base64() {
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x1b\\");
        assert_eq!(
            osc52("https://x.test/a?b=1"),
            "\x1b]52;c;aHR0cHM6Ly94LnRlc3QvYT9iPTE=\x1b\\"
        );
    }
}
