//! The main loop, generic over the ratatui backend: draw once, wait for events (poll with a
//! timeout), drain every pending event and worker answer, update, execute commands, repeat.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use ratatui::backend::Backend;
use ratatui::crossterm::event::{self, Event, KeyEventKind, MouseEventKind};
use ratatui::Terminal;

use super::msg::{Command, Msg, Request, Response};
use super::state::{App, FlashKind};
use super::update::{save_request, update};
use super::view;

/// How long to wait for a key before looking at the worker's answers and the signal flag.
pub const POLL: Duration = Duration::from_millis(40);

/// Set to `1`, the reader panics right after its first frame (for the crash tests).
pub const TEST_PANIC: &str = "BYLINE_TEST_PANIC";

/// Where terminal events come from (crossterm, or a script in tests).
pub trait Events {
    /// The next event, waiting at most `timeout`.
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>>;
}

/// One message to the loop: a terminal event, or `None` to wake it (the worker answered).
type Input = Option<io::Result<Event>>;

/// crossterm's event queue, read on a thread of its own: when the terminal hangs up, crossterm
/// can spin inside its poll on the endless end-of-file, and the loop must still see the SIGHUP
/// flag, save and leave (the thread dies with the process).
pub struct TerminalEvents {
    events: Receiver<Input>,
}

/// Wakes a loop waiting in [`TerminalEvents::next`] (which then returns `Ok(None)`).
#[derive(Clone)]
pub struct Waker(Sender<Input>);

impl Waker {
    pub fn wake(&self) {
        let _ = self.0.send(None);
    }
}

impl TerminalEvents {
    /// Starts the input thread; the waker lets the worker's answers end a wait at once.
    pub fn spawn() -> io::Result<(TerminalEvents, Waker)> {
        let (tx, rx) = std::sync::mpsc::channel();
        let waker = Waker(tx.clone());
        std::thread::Builder::new()
            .name("byline-input".into())
            .spawn(move || loop {
                let ev = event::read();
                let failed = ev.is_err();
                if tx.send(Some(ev)).is_err() || failed {
                    break;
                }
            })?;
        Ok((TerminalEvents { events: rx }, waker))
    }
}

impl Events for TerminalEvents {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        match self.events.recv_timeout(timeout) {
            Ok(Some(ev)) => ev.map(Some),
            Ok(None) | Err(RecvTimeoutError::Timeout) => Ok(None),
            Err(RecvTimeoutError::Disconnected) => Err(io::Error::new(
                io::ErrorKind::BrokenPipe,
                "the terminal's input ended",
            )),
        }
    }
}

/// Passes the worker's answers on, waking the loop after each: without it an answer waits for
/// the end of the loop's current [`POLL`] (up to 40 ms) before it is drawn.
pub fn forward_answers(
    answers: Receiver<Response>,
    waker: Waker,
) -> io::Result<Receiver<Response>> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("byline-answers".into())
        .spawn(move || {
            for answer in answers {
                if tx.send(answer).is_err() {
                    break;
                }
                waker.wake();
            }
        })?;
    Ok(rx)
}

/// Side effects outside the state and the screen.
pub trait Effects {
    fn copy(&mut self, text: &str) -> io::Result<()>;
    fn open_url(&mut self, url: &str) -> io::Result<()>;
    fn suspend(&mut self) -> io::Result<()>;
}

/// The real terminal's effects.
pub struct TerminalEffects {
    pub mouse: bool,
}

impl Effects for TerminalEffects {
    fn copy(&mut self, text: &str) -> io::Result<()> {
        super::term::copy(&mut io::stdout(), text)
    }
    fn open_url(&mut self, url: &str) -> io::Result<()> {
        super::term::open_url(url)
    }
    fn suspend(&mut self) -> io::Result<()> {
        super::term::suspend(self.mouse)
    }
}

/// Effects recorded for tests: OSC 52 bytes written and URLs opened.
#[derive(Debug, Default)]
pub struct RecordedEffects {
    pub written: Vec<u8>,
    pub opened: Vec<String>,
}

impl Effects for RecordedEffects {
    fn copy(&mut self, text: &str) -> io::Result<()> {
        super::term::copy(&mut self.written, text)
    }
    fn open_url(&mut self, url: &str) -> io::Result<()> {
        self.opened.push(url.to_string());
        Ok(())
    }
    fn suspend(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The channels to and from the store worker.
pub struct WorkerLink {
    pub requests: Sender<Request>,
    pub answers: Receiver<Response>,
    /// Told of each generation sent, so the worker can drop what it replaces.
    pub supersede: Option<std::sync::Arc<super::jobs::Supersede>>,
    /// Runs background fetches (`None` where there is no store file to fetch into).
    pub fetcher: Option<super::fetcher::Fetcher>,
}

fn to_msg(ev: Event) -> Option<Msg> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => Some(Msg::Key(k)),
        Event::Resize(w, h) => Some(Msg::Resize(w, h)),
        Event::Paste(text) => Some(Msg::Paste(text)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Msg::Scroll(3)),
            MouseEventKind::ScrollUp => Some(Msg::Scroll(-3)),
            _ => None,
        },
        _ => None,
    }
}

/// Runs until a quit command or `stop` is raised (SIGTERM/SIGHUP); the state is handed to the
/// worker to save before returning. One draw per batch of events.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    events: &mut dyn Events,
    effects: &mut dyn Effects,
    worker: &WorkerLink,
    stop: &AtomicBool,
    warnings: Vec<String>,
) -> anyhow::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let result = run_until_quit(terminal, app, events, effects, worker, stop, warnings);
    if result.is_err() && !app.quit {
        // The terminal failed (hung up?): still remember where we were.
        let _ = worker.requests.send(save_request(app));
    }
    if stop.load(Ordering::Relaxed) {
        // SIGHUP or SIGTERM: a terminal that fails on the way out is expected, not an error.
        return Ok(());
    }
    result
}

fn run_until_quit<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    events: &mut dyn Events,
    effects: &mut dyn Effects,
    worker: &WorkerLink,
    stop: &AtomicBool,
    warnings: Vec<String>,
) -> anyhow::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let size = terminal.size()?;
    let mut pending = vec![
        Msg::Resize(size.width, size.height),
        Msg::Start,
        Msg::Warnings(warnings),
        Msg::Tick(Instant::now()),
    ];
    let mut stopping = false;
    let mut test_panic = std::env::var_os(TEST_PANIC).is_some_and(|v| v == "1");
    loop {
        for msg in pending.drain(..) {
            for cmd in update(app, msg) {
                if execute(cmd, terminal, app, effects, worker)? {
                    return Ok(());
                }
            }
        }
        terminal.draw(|frame| view::render(frame, app))?;
        if std::mem::take(&mut test_panic) {
            panic!("{TEST_PANIC}=1: a forced panic after the first frame");
        }
        while pending.is_empty() {
            if stop.load(Ordering::Relaxed) && !stopping {
                stopping = true;
                pending.push(Msg::Shutdown);
                break;
            }
            if let Some(ev) = events.next(POLL)? {
                pending.extend(to_msg(ev));
                while let Some(ev) = events.next(Duration::ZERO)? {
                    pending.extend(to_msg(ev));
                }
            }
            pending.extend(worker.answers.try_iter().map(Msg::Worker));
            if app.next_fetch.is_some_and(|due| Instant::now() >= due) {
                pending.push(Msg::Tick(Instant::now()));
            }
        }
    }
}

/// Carries out one command; `true` means leave the loop.
fn execute<B: Backend>(
    cmd: Command,
    terminal: &mut Terminal<B>,
    app: &mut App,
    effects: &mut dyn Effects,
    worker: &WorkerLink,
) -> anyhow::Result<bool>
where
    B::Error: Send + Sync + 'static,
{
    match cmd {
        Command::Request(req) => {
            if let (Some(gen), Some(supersede)) = (req.gen(), &worker.supersede) {
                supersede.asked(gen);
            }
            let _ = worker.requests.send(req);
        }
        Command::Fetch { feed } => match &worker.fetcher {
            Some(fetcher) => fetcher.start(feed),
            None => {
                app.fetch = None;
                app.flash = Some(("fetching is not available here".into(), FlashKind::Warn));
            }
        },
        Command::Copy(text) => effects.copy(&text)?,
        Command::OpenUrl(url) => {
            if let Err(e) = effects.open_url(&url) {
                app.flash = Some((format!("cannot open {url}: {e}"), FlashKind::Warn));
            }
        }
        Command::Suspend => {
            effects.suspend()?;
            full_redraw(terminal)?;
        }
        Command::Redraw => full_redraw(terminal)?,
        Command::Quit => return Ok(true),
    }
    Ok(false)
}

/// Clears the screen and forgets what was drawn, so the next draw repaints every cell.
/// (`Terminal::clear` would ask the terminal for the cursor position, which may never answer.)
fn full_redraw<B: Backend>(terminal: &mut Terminal<B>) -> Result<(), B::Error> {
    terminal.backend_mut().clear()?;
    terminal.draw(|_| {})?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_ends_the_wait_at_once_and_is_there_when_it_does() {
        let (input_tx, input_rx) = std::sync::mpsc::channel();
        let mut events = TerminalEvents { events: input_rx };
        let (worker_tx, worker_rx) = std::sync::mpsc::channel();
        let answers = forward_answers(worker_rx, Waker(input_tx)).unwrap();
        let sender = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            worker_tx.send(Response::Error("late".into())).unwrap();
        });
        let start = std::time::Instant::now();
        assert!(events.next(Duration::from_secs(10)).unwrap().is_none());
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "woken, not timed out"
        );
        assert_eq!(
            answers.try_recv().ok(),
            Some(Response::Error("late".into()))
        );
        sender.join().unwrap();
    }
}
