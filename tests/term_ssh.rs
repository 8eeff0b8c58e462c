//! Over SSH, for real: a throwaway sshd on 127.0.0.1 (its own host key, user key and config in a
//! temporary folder), `ssh -tt` from a pseudo-terminal running the reader on a fixture store:
//! filter by a person, open an article (marks it read), copy its link (the OSC 52 sequence
//! reaches the client's terminal), then SIGKILL the client. The server-side reader must be gone
//! within 2 s, the store must pass `PRAGMA integrity_check`, and the read mark must be there on
//! the next connection. Skips with a message where OpenSSH's server is not installed.

#![cfg(unix)]

#[path = "tui_support/pty.rs"]
mod pty;
#[path = "tui_support/stores.rs"]
mod stores;

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn sshd_binary() -> Option<PathBuf> {
    let found = Command::new("sh")
        .args(["-c", "command -v sshd || ls /usr/sbin/sshd"])
        .output()
        .ok()?;
    let path = String::from_utf8_lossy(&found.stdout)
        .lines()
        .next()?
        .trim()
        .to_string();
    let has = |tool: &str| Command::new(tool).arg("-V").output().is_ok();
    (!path.is_empty() && has("ssh") && Command::new("ssh-keygen").arg("-?").output().is_ok())
        .then(|| PathBuf::from(path))
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().expect("run a tool");
    assert!(out.status.success(), "{cmd:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn keygen(path: &Path) {
    run(Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(path));
}

struct Sshd {
    child: Child,
    port: u16,
    key: PathBuf,
    user: String,
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts sshd on a free port of 127.0.0.1, accepting `dir/user_key` for the current user.
fn start_sshd(sshd: &Path, dir: &Path) -> Sshd {
    keygen(&dir.join("host_key"));
    keygen(&dir.join("user_key"));
    std::fs::copy(dir.join("user_key.pub"), dir.join("authorized_keys")).unwrap();
    let user = run(Command::new("id").arg("-un")).trim().to_string();
    if run(Command::new("id").arg("-u")).trim() == "0" {
        // Privilege separation wants its empty directory.
        let _ = std::fs::create_dir_all("/run/sshd");
    }
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let config = format!(
        "Port {port}\nListenAddress 127.0.0.1\nHostKey {host}\nAuthorizedKeysFile {keys}\n\
         StrictModes no\nUsePAM no\nPidFile none\nPermitRootLogin yes\nPubkeyAuthentication yes\n\
         PasswordAuthentication no\nKbdInteractiveAuthentication no\nPrintMotd no\n\
         PrintLastLog no\nAllowUsers {user}\nLogLevel VERBOSE\n",
        host = dir.join("host_key").display(),
        keys = dir.join("authorized_keys").display(),
    );
    std::fs::write(dir.join("sshd_config"), config).unwrap();
    let log = std::fs::File::create(dir.join("sshd.log")).unwrap();
    let child = Command::new(sshd)
        .args(["-D", "-e", "-f"])
        .arg(dir.join("sshd_config"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .expect("start sshd");
    let server = Sshd {
        child,
        port,
        key: dir.join("user_key"),
        user,
    };
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "sshd did not listen: {}",
            std::fs::read_to_string(dir.join("sshd.log")).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    server
}

/// An ssh client command for `remote` (one string, run by the user's shell over there).
fn ssh(server: &Sshd, tty: bool, remote: &str) -> Command {
    let mut cmd = Command::new("ssh");
    cmd.arg(if tty { "-tt" } else { "-T" })
        .arg("-i")
        .arg(&server.key)
        .args(["-p", &server.port.to_string()])
        .args(["-o", "StrictHostKeyChecking=no"])
        .args(["-o", "UserKnownHostsFile=/dev/null"])
        .args(["-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes"])
        .args(["-o", "LogLevel=ERROR"])
        .arg(format!("{}@127.0.0.1", server.user))
        .arg(remote);
    cmd
}

/// The pid of the reader running on `store` (matched on its command line), if any is alive.
fn reader_pid(store: &Path) -> Option<u32> {
    let needle = store.to_str().unwrap();
    std::fs::read_dir("/proc").ok()?.flatten().find_map(|e| {
        let pid: u32 = e.file_name().to_str()?.parse().ok()?;
        let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).ok()?;
        let args: Vec<&[u8]> = cmdline.split(|b| *b == 0).collect();
        let is_reader = args.first()?.ends_with(b"byline")
            && args.contains(&needle.as_bytes())
            && !args.contains(&b"list".as_slice());
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        let zombie = stat.rsplit(')').next()?.trim_start().starts_with('Z');
        (is_reader && !zombie).then_some(pid)
    })
}

#[test]
fn a_dropped_ssh_connection_loses_nothing() {
    let Some(sshd) = sshd_binary() else {
        eprintln!("SKIPPED: OpenSSH's server (sshd) is not installed; .ci/run installs it");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let server = start_sshd(&sshd, dir.path());
    let store = dir
        .path()
        .join(format!("ssh-store-{}.db", std::process::id()));
    stores::people_store(&store);
    let state = dir.path().join("state");
    let remote = format!(
        "env XDG_STATE_HOME='{}' BYLINE_CONFIG='{}' '{}' --store '{}'",
        state.display(),
        dir.path().join("config.toml").display(),
        env!("CARGO_BIN_EXE_byline"),
        store.display()
    );
    let (mut client, mut term) = pty::spawn(ssh(&server, true, &remote), 100, 30);
    term.wait("the list over ssh", 60, |s, _| s.contains("12 of 12"));
    term.send("p");
    term.wait("the people picker", 10, |s, _| {
        s.contains("^G merge") && s.contains("Alba Renshaw")
    });
    term.send("rensh");
    term.wait("the picker narrowed", 10, |s, _| {
        let lines: Vec<&str> = s.lines().collect();
        let Some(at) = lines.iter().position(|l| l.contains("> rensh")) else {
            return false;
        };
        let next = |k: usize| lines.get(at + k).copied().unwrap_or("");
        next(1).contains("Alba Renshaw") && !stores::PEOPLE.iter().any(|p| next(2).contains(p))
    });
    term.send("\r");
    term.wait("the person filter", 10, |s, _| {
        s.contains("4 of 12") && s.contains("[person: \"Alba Renshaw\"]")
    });
    term.send("\r");
    term.wait("the first article open and marked read", 10, |s, _| {
        s.contains("esc back") && s.lines().nth(3).is_some_and(|l| l.starts_with("│  "))
    });
    let copied = term.raw.len();
    term.send("y");
    term.wait("OSC 52 at the client", 10, |_, raw| {
        pty::find(&raw[copied..], b"\x1b]52;c;").is_some()
    });
    let osc = byline::tui::term::osc52("https://news.example/story-9");
    assert!(
        pty::find(&term.raw[copied..], osc.as_bytes()).is_some(),
        "the newest Renshaw story"
    );

    let pid = reader_pid(&store).expect("the reader runs on the server side");
    client.kill().unwrap();
    let killed = Instant::now();
    while reader_pid(&store) == Some(pid) {
        assert!(
            killed.elapsed() < Duration::from_secs(10),
            "the reader outlived the connection"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    let took = killed.elapsed();
    eprintln!("server-side reader gone {took:?} after the client was killed");
    assert!(took < Duration::from_secs(2), "took {took:?}");
    let _ = client.wait();

    let conn = rusqlite::Connection::open(&store).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    drop(conn);
    let list = format!(
        "'{}' --store '{}' list is:read --json",
        env!("CARGO_BIN_EXE_byline"),
        store.display()
    );
    let read = run(&mut ssh(&server, false, &list));
    assert!(
        read.contains("Story 9 on Renshaw"),
        "read over the next connection: {read}"
    );
    assert_eq!(read.matches("\"id\"").count(), 1, "{read}");
}
