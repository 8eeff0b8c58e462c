//! The reader: a thin terminal layer over the store. `run` opens the store, hands it to a
//! worker thread, takes the terminal and runs the loop; it restores the terminal once, on the
//! main thread, however the loop ends. Everything else is testable without a terminal.

pub mod backend;
pub mod config;
pub mod doc;
pub mod exit;
pub mod fault;
pub mod fault_inject;
pub mod fetcher;
pub mod highlight;
pub mod keymap;
pub mod layout;
pub mod log;
pub mod msg;
pub mod opener;
mod person_changes;
pub mod run;
pub mod state;
pub mod store_api;
pub mod term;
pub mod text;
pub mod theme;
pub mod update;
pub mod view;
pub mod watch;
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
    match read_config_file(path) {
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

/// A config file is small text: anything else (a FIFO would block the reader forever, a device
/// never ends) is refused, and at most [`MAX_CONFIG_BYTES`] are read.
fn read_config_file(path: &std::path::Path) -> std::io::Result<String> {
    use std::io::Read;
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(std::io::Error::other(
            "not a regular file (a folder, FIFO, socket or device)",
        ));
    }
    let mut text = String::new();
    std::fs::File::open(path)?
        .take(MAX_CONFIG_BYTES)
        .read_to_string(&mut text)?;
    Ok(text)
}

/// A config file longer than this is read only this far.
const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// Runs the reader on the terminal until `q`, Ctrl-C, SIGINT, SIGTERM or SIGHUP; saves the
/// query and selection on the way out. A thread that fails ends it with [`exit::Crashed`].
pub fn run(opts: RunOptions) -> anyhow::Result<()> {
    log::init(crate::paths::log_path(&opts.store));
    term::install_panic_hook();
    let (config, mut warnings) = load_config(opts.config.as_deref());
    let config_warnings = warnings.clone();
    let mut store = crate::store::Store::open(&opts.store)
        .with_context(|| format!("opening the store {}", opts.store.display()))?;
    if let Some(loaded) = crate::samples::load_on_first_run(&mut store)? {
        warnings.push(format!(
            "The store was empty: loaded {loaded} sample articles (fictional)"
        ));
    }
    // From here a panic on any thread is logged, and told once the terminal is restored.
    let _reported = term::PanicsReported::take();
    let (tx, rx) = mpsc::channel::<msg::Input>();
    let (req_tx, req_rx) = mpsc::channel();
    let fetcher = fetcher::Fetcher::new(
        opts.store.clone(),
        crate::feeds::FetchOptions::default(),
        tx.clone(),
    );
    let store = fault_inject::Faulty::from_env(store);
    let (worker, supersede) = worker::spawn(store, local_today, req_rx, tx.clone());
    let stop = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .context("installing signal handlers")?;
    }
    let mouse = config.mouse;
    let mut app = new_app(config, config_warnings);
    let link = run::WorkerLink {
        requests: req_tx,
        supersede: Some(supersede),
        fetcher: Some(fetcher),
    };
    if let Err(e) = term::enter(mouse) {
        term::restore();
        return Err(e).context("setting up the terminal");
    }
    let loop_input = (tx, rx);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        on_terminal(&mut app, loop_input, &link, &stop, mouse, warnings)
    }));
    term::restore();
    finish(&opts.store, &app, link, worker, result)
}

/// Today by the local clock: the worker asks on each request.
fn local_today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// The state the loop starts from (before its first message): the config and its problems.
fn new_app(config: config::Config, config_warnings: Vec<String>) -> App {
    let hyperlinks = config.hyperlinks;
    let mut app = App::new(
        config,
        theme::no_color_from_env(),
        local_today(),
        term::remote_from_env(),
    );
    app.hyperlinks = hyperlinks;
    app.config_warnings = config_warnings;
    app
}

/// The loop on the real terminal, from the first frame to the last.
fn on_terminal(
    app: &mut App,
    (tx, rx): (mpsc::Sender<msg::Input>, mpsc::Receiver<msg::Input>),
    link: &run::WorkerLink,
    stop: &AtomicBool,
    mouse: bool,
    warnings: Vec<String>,
) -> anyhow::Result<()> {
    let backend = backend::Compact::new(CrosstermBackend::new(std::io::stdout()));
    // Never dropped: ratatui's Drop prints to stderr when it cannot show the cursor, and
    // printing to a terminal that hung up panics (an abort, when unwinding from a panic).
    let mut terminal = std::mem::ManuallyDrop::new(Terminal::new(backend)?);
    let mut effects = run::TerminalEffects {
        mouse,
        browser: app.config.browser.clone(),
        answers: tx.clone(),
    };
    let mut events = run::TerminalEvents::spawn(tx, rx)?;
    let r = run::run_loop(
        &mut terminal,
        app,
        &mut events,
        &mut effects,
        link,
        stop,
        warnings,
    );
    // A terminal that cannot show the cursor has hung up: nothing to restore then.
    if terminal.show_cursor().is_ok() {
        drop(std::mem::ManuallyDrop::into_inner(terminal));
    }
    r
}

/// After the terminal is restored: saves the state (through the worker when it can within
/// [`exit::WORKER_GRACE`], else directly) and turns a fault into [`exit::Crashed`].
fn finish(
    store: &std::path::Path,
    app: &App,
    link: run::WorkerLink,
    worker: std::thread::JoinHandle<()>,
    result: std::thread::Result<anyhow::Result<()>>,
) -> anyhow::Result<()> {
    let fault = exit::fault_of(&result);
    let save = update::save_request(app);
    let sent = fault.is_none() && link.requests.send(save.clone()).is_ok();
    if let Some(fetcher) = &link.fetcher {
        // Each feed is committed as it is stored: one still in flight is fetched next time.
        fetcher.finish(FETCH_GRACE);
    }
    drop(link);
    let mut saved = exit::wait(worker, exit::WORKER_GRACE) && sent;
    if !saved {
        log::line("the store worker did not save the state: saving it directly");
        saved = exit::save_directly(store, &save);
    }
    let log = log::path().map(std::path::Path::to_path_buf);
    match fault {
        Some(fault) => Err(exit::Crashed { fault, saved, log }.into()),
        // (A caught panic is a fault, so the loop's own result is there.)
        None => result.unwrap_or(Ok(())),
    }
}
