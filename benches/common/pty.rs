//! A pseudo-terminal for the real `byline` binary (after `tests/tui_support/pty.rs`): the child
//! gets the slave side as its controlling terminal; the bench reads the master side without a
//! thread, feeds a vt100 parser, and waits on screen conditions or on quiet, with timeouts.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub type Res<T> = Result<T, Box<dyn std::error::Error>>;

pub struct Pty {
    master: File,
    _slave: OwnedFd,
    pub parser: vt100::Parser,
    /// Bytes the child wrote since the start.
    pub bytes: u64,
    /// When the last bytes arrived.
    pub last_output: Instant,
}

/// Starts `cmd` on a new `cols` x `rows` pseudo-terminal as a session leader.
pub fn spawn(mut cmd: Command, cols: u16, rows: u16) -> Res<(Child, Pty)> {
    let (mut master, mut slave) = (0, 0);
    let size = libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: out-pointers to two ints and a valid winsize; null name and termios are allowed.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    if rc != 0 {
        return Err(std::io::Error::last_os_error().into());
    }
    for fd in [master, slave] {
        // SAFETY: fds we just opened.
        unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    }
    // SAFETY: dup of an open fd, owned by the Stdio from here on.
    let stdio = || Stdio::from(unsafe { OwnedFd::from_raw_fd(libc::dup(slave)) });
    cmd.env("TERM", "xterm-256color")
        .env_remove("NO_COLOR")
        .env_remove("SSH_TTY")
        .env_remove("SSH_CONNECTION")
        .stdin(stdio())
        .stdout(stdio())
        .stderr(stdio());
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let child = cmd.spawn()?;
    // SAFETY: master is open and ours.
    unsafe {
        let flags = libc::fcntl(master, libc::F_GETFL);
        libc::fcntl(master, libc::F_SETFL, flags | libc::O_NONBLOCK);
    }
    let pty = Pty {
        // SAFETY: both fds are open and owned by nothing else.
        master: unsafe { File::from_raw_fd(master) },
        _slave: unsafe { OwnedFd::from_raw_fd(slave) },
        parser: vt100::Parser::new(nz(rows), nz(cols), 0),
        bytes: 0,
        last_output: Instant::now(),
    };
    Ok((child, pty))
}

impl Pty {
    /// Reads what is there, waiting up to `wait_ms` for the first bytes; the bytes read.
    pub fn pump(&mut self, wait_ms: i32) -> usize {
        let mut pfd = libc::pollfd {
            fd: self.master.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd.
        unsafe { libc::poll(&mut pfd, 1, wait_ms) };
        let mut buf = [0u8; 65536];
        let mut total = 0;
        while let Ok(n) = self.master.read(&mut buf) {
            if n == 0 {
                break;
            }
            self.parser.process(&buf[..n]);
            total += n;
        }
        if total > 0 {
            self.bytes += total as u64;
            self.last_output = Instant::now();
        }
        total
    }

    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Polls until `cond(screen)` holds (checked now and after each read); when it was seen.
    pub fn wait(
        &mut self,
        what: &str,
        timeout: Duration,
        cond: impl Fn(&str) -> bool,
    ) -> Res<Instant> {
        let start = Instant::now();
        if cond(&self.screen()) {
            return Ok(Instant::now());
        }
        loop {
            if self.pump(5) > 0 && cond(&self.screen()) {
                return Ok(Instant::now());
            }
            if start.elapsed() > timeout {
                let screen = self.screen();
                return Err(format!("timed out waiting for {what}; screen:\n{screen}").into());
            }
        }
    }

    /// Reads until no byte has come for `quiet` (or `limit` passed); the bytes read meanwhile.
    pub fn settle(&mut self, quiet: Duration, limit: Duration) -> u64 {
        let start = Instant::now();
        let before = self.bytes;
        let mut last = Instant::now();
        while last.elapsed() < quiet && start.elapsed() < limit {
            if self.pump(10) > 0 {
                last = Instant::now();
            }
        }
        self.bytes - before
    }

    pub fn send(&mut self, keys: &str) -> Res<()> {
        self.master.write_all(keys.as_bytes())?;
        self.master.flush()?;
        Ok(())
    }
}

/// Waits for `child` to end (reading its output meanwhile), killing it after `timeout`.
pub fn wait_exit(child: &mut Child, pty: &mut Pty, timeout: Duration) -> Res<()> {
    let start = Instant::now();
    loop {
        if child.try_wait()?.is_some() {
            pty.pump(0);
            return Ok(());
        }
        pty.pump(5);
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            return Err("the reader did not quit".into());
        }
    }
}

/// The child's peak resident set (VmHWM) in KiB, read from /proc while it runs.
pub fn vm_hwm_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n.max(1)).unwrap_or(std::num::NonZeroU16::MIN)
}
