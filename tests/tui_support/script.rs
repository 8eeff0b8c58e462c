//! The real main loop on a TestBackend: scripted events, the worker thread over a fake store.

use std::sync::atomic::AtomicBool;
use std::sync::mpsc;
use std::time::Duration;

use byline::tui::config::Config;
use byline::tui::msg::Input;
use byline::tui::run::{run_loop, Events, RecordedEffects, WorkerLink};
use byline::tui::App;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent};
use ratatui::Terminal;

use super::fixture::{self, FakeStore};

/// Events that stay quiet for a while, then press keys.
pub struct Script {
    pub quiet: usize,
    pub keys: std::collections::VecDeque<char>,
}

impl Script {
    fn next_key(&mut self, timeout: Duration) -> Option<Event> {
        if self.quiet > 0 {
            self.quiet -= 1;
            std::thread::sleep(timeout.min(Duration::from_millis(20)));
            return None;
        }
        self.keys
            .pop_front()
            .map(|c| Event::Key(KeyEvent::from(KeyCode::Char(c))))
    }
}

/// The script's keys, and the worker's answers on the loop's channel as they come.
struct WithAnswers {
    script: Script,
    answers: mpsc::Receiver<Input>,
}

impl Events for WithAnswers {
    fn next(&mut self, timeout: Duration) -> std::io::Result<Option<Input>> {
        if let Ok(answer) = self.answers.try_recv() {
            return Ok(Some(answer));
        }
        let key = self.script.next_key(timeout);
        Ok(key.map(|ev| Input::Term(Ok(ev))))
    }
}

pub fn run_with(script: Script, stop: bool) -> (String, Vec<(String, String)>, RecordedEffects) {
    let store = FakeStore::new(20);
    let ui = std::sync::Arc::clone(&store.ui);
    let (req_tx, req_rx) = mpsc::channel();
    let (ans_tx, ans_rx) = mpsc::channel();
    let (worker, supersede) = byline::tui::worker::spawn(store, fixture::today, req_rx, ans_tx);
    let link = WorkerLink {
        requests: req_tx,
        supersede: Some(supersede),
        fetcher: None,
    };
    let mut terminal = Terminal::new(TestBackend::new(100, 20)).unwrap();
    let mut app = App::new(Config::default(), false, fixture::today(), false);
    let mut effects = RecordedEffects::default();
    let stop = AtomicBool::new(stop);
    let mut script = WithAnswers {
        script,
        answers: ans_rx,
    };
    run_loop(
        &mut terminal,
        &mut app,
        &mut script,
        &mut effects,
        &link,
        &stop,
        vec![],
    )
    .unwrap();
    drop(link);
    worker.join().unwrap();
    let screen = format!("{:?}", terminal.backend().buffer());
    let saved = ui.lock().unwrap().clone();
    (screen, saved, effects)
}
