//! The main loop, generic over the ratatui backend: draw once, wait for events (poll with a
//! timeout), drain every pending event and worker answer, update, execute commands, repeat.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use ratatui::backend::Backend;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, MouseEventKind};
use ratatui::Terminal;

use super::fault::Fault;
use super::msg::{Command, Input, Msg, Request};
use super::state::{App, FlashKind};
use super::update::{save_request, update};
use super::view;

/// How long to wait for a key before looking at the worker's answers and the signal flag.
pub const POLL: Duration = Duration::from_millis(40);

/// Set to `1`, the reader panics right after its first frame; `loop` or `input`: the main loop
/// or the input thread panics on the key `!` (for the crash tests).
pub const TEST_PANIC: &str = "BYLINE_TEST_PANIC";

/// Where the loop's input comes from (the one channel, or a script in tests).
pub trait Events {
    /// The next input, waiting at most `timeout`.
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Input>>;
}

/// The loop's one channel: the input thread, the worker and the fetch thread each hold a sender
/// (see [`Input`]), so an answer ends the wait at once. The input thread is of its own: when the
/// terminal hangs up, crossterm can spin inside its poll on the endless end-of-file, and the loop
/// must still see the SIGHUP flag, save and leave (the thread dies with the process).
pub struct TerminalEvents {
    events: Receiver<Input>,
}

impl TerminalEvents {
    /// Starts the input thread sending into `tx`; the loop reads `rx`.
    pub fn spawn(tx: Sender<Input>, rx: Receiver<Input>) -> io::Result<TerminalEvents> {
        let panic_on_bang = std::env::var_os(TEST_PANIC).is_some_and(|v| v == "input");
        let faults = tx.clone();
        super::fault::spawn_guarded("byline-input", faults, move || loop {
            let ev = event::read();
            if panic_on_bang && matches!(&ev, Ok(Event::Key(k)) if k.code == KeyCode::Char('!')) {
                panic!("{TEST_PANIC}=input: a forced panic on the input thread");
            }
            let failed = ev.is_err();
            if tx.send(Input::Term(ev)).is_err() || failed {
                break;
            }
        })?;
        Ok(TerminalEvents { events: rx })
    }
}

impl Events for TerminalEvents {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Input>> {
        match self.events.recv_timeout(timeout) {
            Ok(input) => Ok(Some(input)),
            Err(RecvTimeoutError::Timeout) => Ok(None),
            Err(RecvTimeoutError::Disconnected) => Err(io::Error::new(
                io::ErrorKind::BrokenPipe,
                "the terminal's input ended",
            )),
        }
    }
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
    /// `[open] browser` from the config.
    pub browser: Option<Vec<String>>,
    /// The loop's channel, for a link that could not be opened.
    pub answers: Sender<Input>,
}

impl Effects for TerminalEffects {
    fn copy(&mut self, text: &str) -> io::Result<()> {
        super::term::copy(&mut io::stdout(), text)
    }
    fn open_url(&mut self, url: &str) -> io::Result<()> {
        super::opener::open_in_background(url, self.browser.clone(), self.answers.clone())
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

/// The way to the store worker (its answers come in on the loop's one channel).
pub struct WorkerLink {
    pub requests: Sender<Request>,
    /// Told of each generation sent, so the worker can drop what it replaces.
    pub supersede: Option<std::sync::Arc<super::watch::Supersede>>,
    /// Runs background fetches (`None` where there is no store file to fetch into).
    pub fetcher: Option<super::fetcher::Fetcher>,
}

fn event_msg(ev: Event) -> Option<Msg> {
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
    let mut seen = Seen {
        stopping: false,
        day: chrono::Local::now().date_naive(),
    };
    let test_panic = std::env::var_os(TEST_PANIC);
    let mut panic_now = test_panic.as_ref().is_some_and(|v| v == "1");
    let panic_on_bang = test_panic.is_some_and(|v| v == "loop");
    loop {
        for msg in pending.drain(..) {
            if panic_on_bang && matches!(&msg, Msg::Key(k) if k.code == KeyCode::Char('!')) {
                panic!("{TEST_PANIC}=loop: a forced panic in the main loop");
            }
            for cmd in update(app, msg) {
                if execute(cmd, terminal, app, effects, worker)? {
                    return Ok(());
                }
            }
        }
        terminal.draw(|frame| view::render(frame, app))?;
        if std::mem::take(&mut panic_now) {
            panic!("{TEST_PANIC}=1: a forced panic after the first frame");
        }
        while pending.is_empty() {
            gather(app, events, stop, &mut seen, &mut pending)?;
        }
    }
}

/// What the loop has seen between waits: whether it has asked to stop, and the day.
struct Seen {
    stopping: bool,
    day: chrono::NaiveDate,
}

/// Waits once for input and gathers what is pending: a signal's shutdown, every input (keys,
/// answers, faults), the fetch timer and a new day.
fn gather(
    app: &App,
    events: &mut dyn Events,
    stop: &AtomicBool,
    seen: &mut Seen,
    pending: &mut Vec<Msg>,
) -> anyhow::Result<()> {
    if stop.load(Ordering::Relaxed) && !seen.stopping {
        seen.stopping = true;
        pending.push(Msg::Shutdown);
        return Ok(());
    }
    let mut wait = wait_for(app);
    while let Some(input) = events.next(wait)? {
        pending.extend(to_msg(input)?);
        wait = Duration::ZERO;
    }
    if app.next_fetch.is_some_and(|due| Instant::now() >= due) {
        pending.push(Msg::Tick(Instant::now()));
    }
    let today = chrono::Local::now().date_naive();
    if today != std::mem::replace(&mut seen.day, today) {
        pending.push(Msg::Today(today));
    }
    Ok(())
}

/// How long the loop may wait for input: [`POLL`] (for the signal flag), or less when the
/// automatic fetch is due sooner.
fn wait_for(app: &App) -> Duration {
    app.next_fetch.map_or(POLL, |due| {
        due.saturating_duration_since(Instant::now()).min(POLL)
    })
}

/// The message for one input; a fault or a failed terminal ends the loop.
fn to_msg(input: Input) -> anyhow::Result<Option<Msg>> {
    Ok(match input {
        Input::Term(ev) => event_msg(ev?),
        Input::Answer(answer) => Some(Msg::Worker(answer)),
        Input::Fault(fault) => return Err(fault.into()),
    })
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
            if worker.requests.send(req).is_err() {
                return Err(Fault::worker_gone().into());
            }
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
                let message = format!("cannot open the link: {e} ({url})");
                app.flash = Some((message, FlashKind::Warn));
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
    use crate::tui::msg::Response;

    #[test]
    fn an_answer_ends_the_wait_at_once() {
        let (tx, rx) = std::sync::mpsc::channel();
        let mut events = TerminalEvents { events: rx };
        let sender = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            tx.send(Input::from(Response::Error("late".into())))
                .unwrap();
        });
        let start = std::time::Instant::now();
        let got = events.next(Duration::from_secs(10)).unwrap();
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "woken, not timed out"
        );
        assert!(matches!(got, Some(Input::Answer(Response::Error(e))) if e == "late"));
        sender.join().unwrap();
        assert!(events.next(Duration::ZERO).is_err(), "every sender gone");
    }

    struct Quiet;
    impl Events for Quiet {
        fn next(&mut self, _: Duration) -> io::Result<Option<Input>> {
            Ok(None)
        }
    }

    #[test]
    fn a_worker_that_has_gone_ends_the_loop_at_once() {
        let (requests, gone) = std::sync::mpsc::channel();
        drop(gone);
        let link = WorkerLink {
            requests,
            supersede: None,
            fetcher: None,
        };
        let backend = ratatui::backend::TestBackend::new(80, 20);
        let mut terminal = Terminal::new(backend).unwrap();
        let config = crate::tui::config::Config::default();
        let today = chrono::NaiveDate::from_ymd_opt(2025, 12, 10).unwrap();
        let mut app = App::new(config, false, today, false);
        let mut effects = RecordedEffects::default();
        let stop = AtomicBool::new(false);
        let err = run_loop(
            &mut terminal,
            &mut app,
            &mut Quiet,
            &mut effects,
            &link,
            &stop,
            vec![],
        )
        .unwrap_err();
        assert_eq!(err.downcast_ref::<Fault>(), Some(&Fault::worker_gone()));
    }

    #[test]
    fn a_fault_ends_the_loop_with_it() {
        let fault = Fault::worker_gone();
        let err = to_msg(Input::Fault(fault.clone())).unwrap_err();
        assert_eq!(err.downcast_ref::<Fault>(), Some(&fault));
    }
}
