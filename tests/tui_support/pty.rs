//! A pseudo-terminal harness for the real `byline` binary (or any command): the child gets the
//! slave side as its controlling terminal; the test reads the master side without a thread (so
//! dropping it really hangs the terminal up), feeds a vt100 parser that records titles, clipboard
//! writes and sequences it did not understand, and waits on screen conditions with timeouts.

#![allow(dead_code)]

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// What the terminal was asked to do beyond drawing.
#[derive(Debug, Default)]
pub struct Recorder {
    pub titles: Vec<Vec<u8>>,
    pub clipboard: Vec<Vec<u8>>,
    pub unhandled: Vec<String>,
}

impl vt100::Callbacks for Recorder {
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(title.to_vec());
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.titles.push(name.to_vec());
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _ty: &[u8], data: &[u8]) {
        self.clipboard.push(data.to_vec());
    }
    fn unhandled_control(&mut self, _: &mut vt100::Screen, b: u8) {
        self.unhandled.push(format!("control {b:#04x}"));
    }
}

/// `byline` (the binary cargo built for these tests) on `store`, with no user config.
pub fn byline(store: &Path, config_dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_byline"));
    cmd.env("BYLINE_STORE", store)
        .env("BYLINE_CONFIG", config_dir.join("config.toml"))
        .env("XDG_STATE_HOME", config_dir.join("state"))
        .env("XDG_DATA_HOME", config_dir.join("data"))
        .env("RUST_BACKTRACE", "0");
    cmd
}

/// Where the reader started by [`byline`] logs.
pub fn log_file(config_dir: &Path) -> std::path::PathBuf {
    config_dir.join("state").join("byline").join("byline.log")
}

pub struct Pty {
    master: Option<File>,
    slave: Option<OwnedFd>,
    pub parser: vt100::Parser<Recorder>,
    /// Every byte the child wrote.
    pub raw: Vec<u8>,
    /// When the last bytes arrived.
    pub last_output: Instant,
}

fn winsize(cols: u16, rows: u16) -> libc::winsize {
    libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    }
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n.max(1)).unwrap()
}

/// Starts `cmd` on a new `cols` x `rows` pseudo-terminal as a session leader.
pub fn spawn(mut cmd: Command, cols: u16, rows: u16) -> (Child, Pty) {
    let (mut master, mut slave) = (0, 0);
    let size = winsize(cols, rows);
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(rc, 0, "openpty");
    // Neither end may leak into a child (this one, or one another test starts meanwhile): a
    // leaked master would keep the terminal from ever hanging up.
    for fd in [master, slave] {
        unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    }
    let stdio = || Stdio::from(unsafe { OwnedFd::from_raw_fd(libc::dup(slave)) });
    cmd.env("TERM", "xterm-256color")
        .env_remove("NO_COLOR")
        .env_remove("SSH_TTY")
        .env_remove("SSH_CONNECTION")
        .stdin(stdio())
        .stdout(stdio())
        .stderr(stdio());
    unsafe {
        cmd.pre_exec(|| {
            if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let child = cmd.spawn().expect("start the child");
    unsafe {
        let flags = libc::fcntl(master, libc::F_GETFL);
        libc::fcntl(master, libc::F_SETFL, flags | libc::O_NONBLOCK);
    }
    let pty = Pty {
        master: Some(unsafe { File::from_raw_fd(master) }),
        slave: Some(unsafe { OwnedFd::from_raw_fd(slave) }),
        parser: vt100::Parser::new_with_callbacks(nz(rows), nz(cols), 0, Recorder::default()),
        raw: Vec::new(),
        last_output: Instant::now(),
    };
    (child, pty)
}

impl Pty {
    /// Reads what is there, waiting up to 20 ms for the first bytes.
    pub fn pump(&mut self) {
        self.pump_within(20);
    }

    /// Reads what is there, waiting up to `wait_ms` for the first bytes; how many were read.
    pub fn pump_within(&mut self, wait_ms: i32) -> usize {
        let Some(master) = self.master.as_mut() else {
            return 0;
        };
        let mut pfd = libc::pollfd {
            fd: master.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        unsafe { libc::poll(&mut pfd, 1, wait_ms) };
        let mut buf = [0u8; 16384];
        let mut total = 0;
        while let Ok(n) = master.read(&mut buf) {
            if n == 0 {
                break;
            }
            self.parser.process(&buf[..n]);
            self.raw.extend_from_slice(&buf[..n]);
            total += n;
        }
        if total > 0 {
            self.last_output = Instant::now();
        }
        total
    }

    /// Reads until no byte has come for `quiet` (or `limit` passed); how many came meanwhile.
    pub fn settle(&mut self, quiet: Duration, limit: Duration) -> usize {
        let (start, before) = (Instant::now(), self.raw.len());
        let mut last = Instant::now();
        while last.elapsed() < quiet && start.elapsed() < limit {
            if self.pump_within(10) > 0 {
                last = Instant::now();
            }
        }
        self.raw.len() - before
    }

    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Polls until `cond(screen, raw bytes)` holds; fails showing the screen after `secs`.
    /// Reads until `cond(screen, raw)` holds, failing with the screen after `secs`; when it held.
    pub fn wait(&mut self, what: &str, secs: u64, cond: impl Fn(&str, &[u8]) -> bool) -> Instant {
        let start = Instant::now();
        loop {
            self.pump();
            let screen = self.screen();
            if cond(&screen, &self.raw) {
                return Instant::now();
            }
            assert!(
                start.elapsed() < Duration::from_secs(secs),
                "waiting for {what}; screen:\n{screen}\nlast output: {:?}",
                String::from_utf8_lossy(&self.raw[self.raw.len().saturating_sub(4000)..])
            );
        }
    }

    pub fn send(&mut self, keys: &str) {
        let master = self.master.as_mut().expect("the terminal is open");
        master.write_all(keys.as_bytes()).unwrap();
        master.flush().unwrap();
    }

    /// Resizes the terminal (the kernel sends SIGWINCH to the foreground process group).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        let master = self.master.as_ref().expect("the terminal is open");
        let size = winsize(cols, rows);
        let rc = unsafe { libc::ioctl(master.as_raw_fd(), libc::TIOCSWINSZ, &size) };
        assert_eq!(rc, 0, "TIOCSWINSZ");
        self.parser.set_size(nz(rows), nz(cols));
    }

    /// The slave side's `(echo, canonical)` modes.
    pub fn echo_and_icanon(&self) -> (bool, bool) {
        let fd = self
            .slave
            .as_ref()
            .expect("the terminal is open")
            .as_raw_fd();
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        assert_eq!(unsafe { libc::tcgetattr(fd, &mut t) }, 0, "tcgetattr");
        (t.c_lflag & libc::ECHO != 0, t.c_lflag & libc::ICANON != 0)
    }

    /// Closes our ends: the terminal is gone and the child's session gets SIGHUP.
    pub fn hang_up(&mut self) {
        self.pump();
        self.master = None;
        self.slave = None;
    }
}

/// Waits for `child` to end, reading its output meanwhile; the status and the time it took.
pub fn wait_exit(child: &mut Child, pty: &mut Pty, secs: u64) -> (ExitStatus, Duration) {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            pty.pump();
            return (status, start.elapsed());
        }
        if pty.master.is_some() {
            pty.pump();
        } else {
            std::thread::sleep(Duration::from_millis(2));
        }
        if start.elapsed() > Duration::from_secs(secs) {
            let _ = child.kill();
            panic!(
                "the child did not end within {secs} s; screen:\n{}",
                pty.screen()
            );
        }
    }
}

/// Position of `needle` in `hay`.
pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}
