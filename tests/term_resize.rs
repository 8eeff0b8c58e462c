//! A resize storm on the real reader: 200 pseudo-terminal resizes in 2 s through seeded random
//! sizes from 1x1 to 300x100 (the kernel delivers SIGWINCH), ending at 80x24. The reader is still
//! running, and its screen then equals, cell by cell, a fresh reader started at 80x24 on the same
//! store in the same state.

#![cfg(unix)]

#[path = "tui_support/pty.rs"]
mod pty;
#[path = "tui_support/stores.rs"]
mod stores;

use std::time::{Duration, Instant};

/// xorshift64*: small, seeded, good enough to pick sizes.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn between(&mut self, lo: u16, hi: u16) -> u16 {
        lo + (self.next() % u64::from(hi - lo + 1)) as u16
    }
}

/// Every cell's text and looks, row by row (an erased cell and a written space look the same).
fn cells(screen: &vt100::Screen) -> Vec<String> {
    let (rows, cols) = screen.size();
    (0..rows.get())
        .map(|r| {
            (0..cols.get())
                .map(|c| match screen.cell(r, c) {
                    Some(cell) => format!(
                        "{}|{:?}{:?}{}{}{}{}",
                        if cell.has_contents() {
                            cell.contents()
                        } else {
                            " "
                        },
                        cell.fgcolor(),
                        cell.bgcolor(),
                        u8::from(cell.bold()),
                        u8::from(cell.italic()),
                        u8::from(cell.underline()),
                        u8::from(cell.inverse())
                    ),
                    None => "-".into(),
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[test]
fn a_resize_storm_ends_in_the_same_screen_as_a_fresh_start() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store.db");
    stores::people_store(&store);
    let (mut child, mut term) = pty::spawn(pty::byline(&store, dir.path()), 80, 24);
    term.wait("the list", 30, |s, _| s.contains("12 of 12"));

    let mut rng = Rng(0x5eed_b11e_2025_0005);
    let start = Instant::now();
    for i in 0..200u32 {
        let (cols, rows) = if i == 199 {
            (80, 24)
        } else {
            (rng.between(1, 300), rng.between(1, 100))
        };
        term.resize(cols, rows);
        // Pace the storm at 200 in 2 s, reading the output meanwhile.
        let due = start + Duration::from_millis(10 * u64::from(i + 1));
        while Instant::now() < due {
            term.pump();
        }
    }
    let stormed = start.elapsed();
    eprintln!("200 resizes in {stormed:?}");
    assert!(child.try_wait().unwrap().is_none(), "still running");

    let (fresh_child, mut fresh) = pty::spawn(pty::byline(&store, dir.path()), 80, 24);
    fresh.wait("the fresh reader", 30, |s, _| {
        s.contains("12 of 12") && s.contains("People: Teodor Vasquez-Lind")
    });
    // Let the fresh reader settle: the same screen on two reads 300 ms apart.
    let mut last = Vec::new();
    let settled = Instant::now();
    loop {
        let now = cells(fresh.parser.screen());
        if now == last && settled.elapsed() > Duration::from_millis(300) {
            break;
        }
        last = now;
        let t = Instant::now();
        while t.elapsed() < Duration::from_millis(100) {
            fresh.pump();
        }
    }
    let want = cells(fresh.parser.screen());
    let waited = Instant::now();
    loop {
        term.pump();
        if cells(term.parser.screen()) == want {
            break;
        }
        if waited.elapsed() > Duration::from_secs(20) {
            let got = cells(term.parser.screen());
            let diff: Vec<String> = got
                .iter()
                .zip(&want)
                .enumerate()
                .filter(|(_, (a, b))| a != b)
                .map(|(row, (a, b))| format!("row {row}:\n  got  {a}\n  want {b}"))
                .take(3)
                .collect();
            panic!(
                "after the storm:\n{}\nfresh:\n{}\n{}",
                term.screen(),
                fresh.screen(),
                diff.join("\n")
            );
        }
    }
    assert!(child.try_wait().unwrap().is_none(), "still running");
    for (mut c, mut t) in [(child, term), (fresh_child, fresh)] {
        t.send("q");
        let (status, _) = pty::wait_exit(&mut c, &mut t, 20);
        assert!(status.success(), "{status:?}");
    }
}
