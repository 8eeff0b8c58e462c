//! The reader: a thin terminal layer over the store. `run` opens the store on a worker thread,
//! takes the terminal and runs the loop; everything else is testable without a terminal.

pub mod backend;
pub mod config;
pub mod doc;
pub mod fetcher;
pub mod highlight;
pub mod jobs;
pub mod keymap;
pub mod layout;
pub mod log;
pub mod msg;
pub mod run;
pub mod safe;
pub mod state;
pub mod term;
pub mod text;
pub mod theme;
pub mod update;
pub mod view;
pub mod worker;

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{mpsc, Arc};

use anyhow::Context;
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;

pub use state::App;
pub use update::update;

/// How long quitting waits for a background fetch to end before leaving it behind.
const FETCH_GRACE: std::time::Duration = std::time::Duration::from_millis(300);

/// What the binary passes to the reader.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// The store file (created if missing).
    pub store: PathBuf,
    /// `config.toml`; a missing file means the defaults.
    pub config: Option<PathBuf>,
}

/// Reads the configuration: defaults, then the user's file; warnings name file and line.
pub fn load_config(path: Option<&std::path::Path>) -> (config::Config, Vec<String>) {
    let Some(path) = path else {
        return config::Config::load(None, "");
    };
    match std::fs::read_to_string(path) {
        Ok(text) => config::Config::load(Some(&text), &path.display().to_string()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => config::Config::load(None, ""),
        Err(e) => {
            let (config, _) = config::Config::load(None, "");
            (
                config,
                vec![format!(
                    "cannot read {}: {e}; using the defaults",
                    path.display()
                )],
            )
        }
    }
}

/// Runs the reader on the terminal until `q`, Ctrl-C, SIGTERM or SIGHUP; saves the query and
/// selection on the way out.
pub fn run(opts: RunOptions) -> anyhow::Result<()> {
    log::init(crate::paths::log_path(&opts.store));
    let (config, mut warnings) = load_config(opts.config.as_deref());
    let mut store = crate::store::Store::open(&opts.store)
        .with_context(|| format!("opening the store {}", opts.store.display()))?;
    if let Some(loaded) = crate::samples::load_on_first_run(&mut store)? {
        warnings.push(format!(
            "The store was empty: loaded {loaded} sample articles (fictional)"
        ));
    }
    let today = chrono::Local::now().date_naive();
    let (req_tx, req_rx) = mpsc::channel();
    let (ans_tx, ans_rx) = mpsc::channel();
    let fetcher = fetcher::Fetcher::new(
        opts.store.clone(),
        crate::feeds::FetchOptions::default(),
        ans_tx.clone(),
    );
    let (worker, supersede) = worker::spawn(store, today, req_rx, ans_tx);
    let stop = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .context("installing signal handlers")?;
    }
    let (mouse, hyperlinks) = (config.mouse, config.hyperlinks);
    let mut app = App::new(
        config,
        theme::no_color_from_env(),
        today,
        term::remote_from_env(),
    );
    app.hyperlinks = hyperlinks;
    term::install_panic_hook();
    if let Err(e) = term::enter(mouse) {
        term::restore();
        return Err(e).context("setting up the terminal");
    }
    let result = Terminal::new(backend::Compact::new(CrosstermBackend::new(
        std::io::stdout(),
    )))
    .map_err(anyhow::Error::from)
    .and_then(|mut terminal| {
        let (mut events, waker) = run::TerminalEvents::spawn()?;
        let link = run::WorkerLink {
            requests: req_tx,
            answers: run::forward_answers(ans_rx, waker)?,
            supersede: Some(supersede),
            fetcher: Some(fetcher),
        };
        let mut effects = run::TerminalEffects { mouse };
        let r = run::run_loop(
            &mut terminal,
            &mut app,
            &mut events,
            &mut effects,
            &link,
            &stop,
            warnings,
        );
        if let Some(fetcher) = &link.fetcher {
            // Each feed is committed as it is stored: one still in flight is fetched next time.
            fetcher.finish(FETCH_GRACE);
        }
        drop(link);
        // ratatui's Drop prints to stderr when it cannot show the cursor, and printing to a
        // terminal that hung up panics: then there is nothing to restore anyway.
        if terminal.show_cursor().is_err() {
            std::mem::forget(terminal);
        }
        r
    });
    term::restore();
    let _ = worker.join();
    result
}
