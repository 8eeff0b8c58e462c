//! Hostile text in the real reader: an article whose title, source, body (and, stored raw
//! through the store API behind the importer's back, its URL and people) hold every C0 and C1
//! control, `ESC[2J`, OSC 0/2, OSC 8, OSC 52, DCS, APC and bidi overrides. Drawn by crossterm in
//! a pseudo-terminal into vt100: the visible text shows with no residue, the window title is never
//! set, and the output holds no sequence outside the families the reader emits itself.

#![cfg(unix)]

#[path = "tui_support/escapes.rs"]
mod escapes;
#[path = "tui_support/pty.rs"]
mod pty;

use byline::model::{Article, Block, ParsedArticle, PersonMention};
use byline::store::{NewArticle, Store};
use chrono::NaiveDate;
use escapes::Seq;

/// Every C0 control but NUL (which makes a file binary), LF, CR and ESC (used below), and DEL.
fn c0() -> String {
    (1u8..32)
        .filter(|b| ![b'\n', b'\r', 0x1b].contains(b))
        .map(char::from)
        .chain(['\x7f'])
        .collect()
}

/// Every C1 control: the plain ones, then the string and CSI introducers, each terminated.
fn c1() -> String {
    let introducers = [0x90, 0x98, 0x9b, 0x9c, 0x9d, 0x9e, 0x9f];
    let plain: String = (0x80u32..0xa0)
        .filter(|c| !introducers.contains(c))
        .filter_map(char::from_u32)
        .collect();
    plain + "\u{9b}2J\u{9d}0;CTITLE\u{9c}\u{90}cdcs\u{9c}\u{98}csos\u{9c}\u{9e}cpm\u{9c}\u{9f}capc\u{9c}"
}

/// The hostile text; `tag` starts it so each field can be told apart on screen.
fn hostile(tag: &str) -> String {
    format!(
        "{tag} alpha\x1b[2Jbravo \x1b]0;PWNED-TITLE\x07charlie \x1b]2;PWNED-TWO\x1b\\delta \
         \x1b]8;;https://evil.example/\x07linktext\x1b]8;;\x07 echo \x1b]52;c;ZXZpbA==\x07foxtrot \
         \x1bPq#0;2;0;0;0\x1b\\golf \x1b_apcpayload\x1b\\hotel \u{202e}reversed\u{202c} india \
         \u{2066}isolate\u{2069} juliet {} kilo {} lima",
        c0(),
        c1()
    )
}

/// Text that must never show: the insides of the sequences above.
const RESIDUE: [&str; 14] = [
    "[2J",
    "PWNED",
    "evil.example",
    "ZXZpbA",
    "#0;2",
    "apcpayload",
    "CTITLE",
    "cdcs",
    "csos",
    "cpm",
    "capc",
    "]0;",
    "]8;",
    "]52",
];

/// A store with the hostile file imported (sanitized by the importer) and the same text stored
/// raw through the store API, which takes whatever it is given.
fn hostile_store(dir: &std::path::Path) -> std::path::PathBuf {
    let store = dir.join("store.db");
    let file = dir.join("hostile.txt");
    let text = format!(
        "{}\nBy Hostile\x1b]0;SRC\x07Wire June 03, 2025\n{}\nSource: https://news.example/hostile\n",
        hostile("Filed"),
        hostile("Body")
    );
    std::fs::write(&file, text).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_byline"))
        .arg("--store")
        .arg(&store)
        .arg("import")
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "import: {out:?}");
    let parsed = ParsedArticle {
        title: hostile("Raw"),
        source: Some(hostile("Src")),
        date: NaiveDate::from_ymd_opt(2025, 6, 4),
        url: Some("https://raw.example/story\x1b]0;URLTITLE\x07".into()),
        body: vec![Block::paragraph(hostile("Rawbody"))],
        ..ParsedArticle::default()
    };
    let people = vec![PersonMention {
        name: format!("Rawperson \x1b]0;PERSON\x07Quill{}", c1()),
        aliases: vec![],
        mentions: 1,
        first_pos: 0,
    }];
    let article = Article {
        source: parsed.source.clone(),
        parsed,
        people,
    };
    // The reading pane re-parses the stored original bytes for the body: give it the hostile
    // body raw, so the parser's sanitizing is on the path too.
    let original = format!("Raw\n\n{}\n", hostile("Rawbody"));
    let raw = NewArticle::new(article, original.as_bytes(), None, None);
    Store::open(&store).unwrap().import_batch(&[raw]).unwrap();
    store
}

fn no_residue(screen: &str) -> Result<(), String> {
    match RESIDUE.iter().find(|r| screen.contains(*r)) {
        Some(r) => Err(format!("residue {r:?} on screen:\n{screen}")),
        None => Ok(()),
    }
}

#[test]
fn hostile_text_never_drives_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let store = hostile_store(dir.path());
    let (mut child, mut term) = pty::spawn(pty::byline(&store, dir.path()), 120, 40);
    term.wait("both articles listed", 30, |s, _| {
        s.contains("2 of 2") && s.contains("Raw alphabravo") && s.contains("Filed alphabravo")
    });
    term.send("\r");
    term.wait("the raw article open", 10, |s, _| {
        s.contains("Rawbody alphabravo charlie delta linktext echo foxtrot golf")
            && s.contains("Rawperson Quill")
            && s.contains("https://raw.example/story")
            && s.contains("esc back")
    });
    no_residue(&term.screen()).unwrap();
    term.send("\x1b");
    // Wait on the list's own hint line: a negative condition (no "esc back") can hold on a frame
    // half drawn, and an Esc followed at once by `j` reaches the reader as Alt-j (the CI failure).
    term.wait("back in the list", 10, |s, _| s.contains("j/k move"));
    term.send("j\r");
    term.wait("the imported article open", 10, |s, _| {
        s.contains("Body alphabravo charlie delta linktext echo foxtrot golf")
            && s.contains("reversed india isolate juliet")
            && s.contains("HostileWire")
    });
    no_residue(&term.screen()).unwrap();
    let copy_at = term.raw.len();
    term.send("y");
    let osc = byline::tui::term::osc52("https://news.example/hostile");
    term.wait("the URL copied", 10, |_, raw| {
        pty::find(&raw[copy_at..], osc.as_bytes()).is_some()
    });
    term.send("q");
    let (status, _) = pty::wait_exit(&mut child, &mut term, 20);
    assert!(status.success(), "{status:?}");

    let recorder = term.parser.callbacks();
    assert!(
        recorder.titles.is_empty(),
        "title set: {:?}",
        recorder.titles
    );
    assert_eq!(recorder.clipboard.len(), 1, "one copy, the one asked for");
    let allowed_links = ["https://raw.example/story", "https://news.example/hostile"];
    let bad: Vec<Seq> = escapes::scan(&term.raw)
        .into_iter()
        .filter(|seq| !allowed(seq, copy_at, &osc, &allowed_links))
        .collect();
    assert!(bad.is_empty(), "sequences byline does not emit: {bad:?}");
}

/// Whether `seq` is one the reader emits itself: its CSI set, OSC 8 to an article's own http(s)
/// URL (or closing a link), and the one OSC 52 asked for with `y`.
fn allowed(seq: &Seq, copy_at: usize, osc52: &str, links: &[&str]) -> bool {
    match seq {
        Seq::Csi { params, fin, .. } => escapes::byline_csi(params, *fin),
        Seq::Esc { byte, .. } => escapes::byline_esc(*byte),
        Seq::Osc { at, payload } => {
            let p = String::from_utf8_lossy(payload);
            match p.strip_prefix("8;;") {
                Some(url) => url.is_empty() || links.contains(&url),
                None => *at >= copy_at && osc52.contains(&*p),
            }
        }
        _ => false,
    }
}

/// The scanner itself: every family in the hostile text is seen, and none of it is allowed.
#[test]
fn the_scanner_flags_every_hostile_family() {
    let text = hostile("x");
    let seqs = escapes::scan(text.as_bytes());
    let osc = |p: &str| {
        seqs.iter()
            .any(|s| matches!(s, Seq::Osc { payload, .. } if payload.starts_with(p.as_bytes())))
    };
    assert!(osc("0;") && osc("2;") && osc("8;;https://evil") && osc("52;"));
    assert!(seqs.contains(&Seq::Csi {
        at: text.find("\x1b[2J").unwrap(),
        params: "2".into(),
        fin: 'J'
    }));
    let strs: Vec<char> = seqs
        .iter()
        .filter_map(|s| match s {
            Seq::Str { kind, .. } => Some(*kind),
            _ => None,
        })
        .collect();
    assert_eq!(strs, ['P', '_']);
    let c0s = seqs.iter().filter(|s| matches!(s, Seq::C0 { .. })).count();
    let c1s = seqs.iter().filter(|s| matches!(s, Seq::C1 { .. })).count();
    assert_eq!(c0s, 29, "C0 other than NUL, LF, CR, ESC; and DEL");
    assert!(c1s >= 25, "{c1s} C1 controls");
    let links = ["https://news.example/hostile"];
    let closes_link = |s: &Seq| matches!(s, Seq::Osc { payload, .. } if payload == b"8;;");
    assert!(seqs
        .iter()
        .all(|s| closes_link(s) || !allowed(s, 0, "", &links)));
}
