//! Output safety (issue #5, item 1, command-line half): an article whose title, source and body
//! hold every C0 and C1 control, `ESC[2J`, OSC 0, OSC 8, OSC 52, DCS, APC and bidi overrides, and
//! file names and queries holding escapes: nothing byline prints (`list`, `show`, `people`,
//! `sources`, `extract --json`, warnings and every error message) holds an escape sequence.

mod hostile_support;

use std::path::Path;

use hostile_support::{assert_no_escapes, byline, text};

/// Sequences that leave no visible text once removed.
const INVISIBLE: &str = concat!(
    "\u{1b}[2J",                        // clear the screen
    "\u{1b}]0;pwned title\u{7}",        // OSC 0: window title
    "\u{1b}]52;c;cm0gLXJmIH4=\u{7}",    // OSC 52: write the clipboard
    "\u{1b}Pq#0;2;0;0;0\u{1b}\\",       // DCS (sixel)
    "\u{1b}_apc payload\u{1b}\\",       // APC
    "\u{9b}2J\u{9d}0;c1 title\u{9c}",   // 8-bit CSI and OSC
    "\u{202e}\u{2066}\u{2069}\u{202c}", // bidi override and isolate
);

/// Every terminal-driving sequence the issue names, with an OSC 8 hyperlink's visible text.
const SEQUENCES: &str = concat!(
    "\u{1b}[2J\u{1b}]0;pwned title\u{7}\u{1b}]52;c;cm0gLXJmIH4=\u{7}\u{1b}Pq#0;2;0;0;0\u{1b}\\",
    "\u{1b}_apc payload\u{1b}\\\u{9b}2J\u{9d}0;c1 title\u{9c}",
    "\u{1b}]8;;https://evil.example/\u{1b}\\evil link\u{1b}]8;;\u{1b}\\", // OSC 8 hyperlink
    "\u{202e}txt.exe\u{202c}\u{2066}iso\u{2069}", // bidi override and isolate
);

/// Every C0 control but NUL and newline, DEL, and every C1 control, as chars. (A NUL makes
/// the importer refuse a file as binary; `extract` is given one below.) The C1 string
/// introducers (DCS, SOS, OSC, PM, APC) get their terminator (ST), as a terminal would
/// otherwise swallow the rest of the text, and so does the sanitizer.
fn all_controls() -> String {
    let mut out = String::new();
    for c in (1u32..0x20).chain(0x7F..0xA0).filter_map(char::from_u32) {
        if c == '\n' || c == '\r' {
            continue;
        }
        out.push(c);
        if matches!(c, '\u{90}' | '\u{98}' | '\u{9D}' | '\u{9E}' | '\u{9F}') {
            out.push('\u{9C}');
        }
    }
    out
}

/// The sequences as they can stand in a file name (no `/`).
fn in_name() -> String {
    SEQUENCES.replace('/', "_")
}

fn hostile_article() -> String {
    let c = all_controls();
    let quiet = c.replace('\t', ""); // a tab would become spaces inside the outlet's name
    format!(
        "Harbour{SEQUENCES} Talks{c} Resume\n\
         By Meridian{INVISIBLE}{quiet} News November 14, 2025\n\
         The board{SEQUENCES} met on Friday{c}, chair Mara Velk said.\n\
         \n\
         Velk{SEQUENCES} said fares would stay{c} the same.\n\
         Source: https://meridian.example/harbour/talks\n"
    )
}

struct Run {
    label: String,
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(store: &Path, args: &[&str]) -> Run {
    let out = byline(store).args(args).output().unwrap();
    let label = format!("byline {}", args.join(" ").escape_debug());
    assert_no_escapes(&format!("{label}: stdout"), &out.stdout);
    assert_no_escapes(&format!("{label}: stderr"), &out.stderr);
    // JSON may carry a file name's ESC as the escape `\u001b` in `file`: data for programs,
    // not a terminal. Every other field, and all text output, must show no part of a sequence.
    let mut shown = text(&out.stderr);
    for line in text(&out.stdout).lines() {
        match serde_json::from_str::<serde_json::Value>(line) {
            Ok(mut value) if args.contains(&"--json") => {
                value.as_object_mut().map(|o| o.remove("file"));
                shown.push_str(&value.to_string());
            }
            _ => shown.push_str(line),
        }
    }
    for residue in [
        "[2J", "]0;", "]8;", "]52;", "pwned", "Pq#0", "payload", "c1 title",
    ] {
        assert!(
            !shown.contains(residue),
            "{label}: {residue:?} residue in {shown}"
        );
    }
    Run {
        label,
        code: out.status.code(),
        stdout: text(&out.stdout),
        stderr: text(&out.stderr),
    }
}

#[test]
fn hostile_text_never_reaches_the_terminal_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store.db");
    // The folder name becomes the source of an article that names none.
    let folder = dir.path().join(format!("Wire{}", in_name()));
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("hostile.txt"), hostile_article()).unwrap();
    let plain = format!(
        "Plain{SEQUENCES} Headline\n\nA body{} with no source.\n",
        all_controls()
    );
    std::fs::write(folder.join("plain.txt"), plain).unwrap();
    let bad_name = folder.join(format!("bad{}.txt", in_name()));
    std::fs::write(&bad_name, "").unwrap(); // refused (empty): its name is printed
    let folder = folder.to_str().unwrap();

    let import = run(&store, &["import", folder]);
    assert_eq!(import.code, Some(1), "{}", import.stderr);
    assert!(
        import.stdout.contains("imported 2"),
        "{}{}",
        import.stdout,
        import.stderr
    );
    assert!(import.stderr.contains("bad"), "{}", import.stderr);
    let hostile_source = format!("--source=Src{SEQUENCES}");
    let with_source = run(&store, &["import", &hostile_source, folder]);
    assert!(with_source.code.is_some());

    let list = run(&store, &["list"]);
    assert!(list.stdout.contains("Harbour"), "{}", list.stdout);
    assert!(list.stdout.contains("Talks"), "{}", list.stdout);
    assert!(list.stdout.contains("Resume"), "{}", list.stdout);
    let json = run(&store, &["list", "--json"]);
    let ids: Vec<i64> = json
        .stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_i64()
                .unwrap()
        })
        .collect();
    assert_eq!(ids.len(), 2, "{}", json.stdout);
    for id in ids {
        let show = run(&store, &["show", &id.to_string()]);
        assert_eq!(show.code, Some(0), "{}: {}", show.label, show.stderr);
    }
    for args in [
        &["people"][..],
        &["people", "--json"],
        &["sources"],
        &["sources", "--json"],
        &["list", "Harbour"],
        &["reindex"],
    ] {
        let out = run(&store, args);
        assert_eq!(out.code, Some(0), "{}: {}", out.label, out.stderr);
    }
    let files: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path().to_str().unwrap().to_string())
        .collect();
    let mut extract = vec!["extract", "--json"];
    extract.extend(files.iter().map(String::as_str));
    let out = run(&store, &extract);
    assert_eq!(out.stdout.lines().count(), 2, "{}", out.stdout);
}

#[test]
fn error_messages_quoting_names_and_queries_hold_no_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store.db");
    let missing = dir.path().join(format!("missing{}.txt", in_name()));
    let missing = missing.to_str().unwrap();
    let not_a_store = dir.path().join(format!("notes{}.db", in_name()));
    std::fs::write(&not_a_store, "not a database\n".repeat(20)).unwrap();
    let query = format!("date:soon{SEQUENCES}");
    let unknown_field = format!("src:x{SEQUENCES}");
    let unterminated = format!("\"open{SEQUENCES}");
    let bad_flag = format!("--flag{SEQUENCES}");
    let nul = dir.path().join(format!("nul{}.txt", in_name()));
    std::fs::write(&nul, format!("Title\0{SEQUENCES}\n\nBody.\n")).unwrap();
    let nul = nul.to_str().unwrap();
    let cases: Vec<Vec<&str>> = vec![
        vec!["import", missing],
        vec!["extract", "--json", missing],
        vec!["extract", "--json", nul],
        vec!["import", nul],
        vec!["list", &query],
        vec!["list", &unknown_field],
        vec!["people", &unterminated],
        vec!["show", "424242"],
        vec![&bad_flag],
        vec!["list", "--limit", &query],
        vec!["--store", not_a_store.to_str().unwrap(), "list"],
    ];
    for args in cases {
        let out = run(&store, &args);
        assert_ne!(out.code, Some(0), "{} succeeded", out.label);
        assert!(!out.stderr.trim().is_empty(), "{}: no message", out.label);
    }
}

/// Every string in a JSON value, as `jq -r` would print it.
fn strings(value: &serde_json::Value, out: &mut String) {
    match value {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

#[test]
fn escapes_written_into_the_store_never_leave_it_through_json() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store.db");
    let stories = hostile_support::write_stories(&dir.path().join("in"), 3);
    assert_eq!(
        run(&store, &["import", stories.to_str().unwrap()]).code,
        Some(0)
    );
    // What an older byline, or a hand edit, may have left in the store.
    let h = format!("Evil{SEQUENCES}\u{200b}\u{2028}").replace('\'', "''");
    rusqlite::Connection::open(&store)
        .unwrap()
        .execute_batch(&format!(
            "UPDATE articles SET title = '{h}' || id, url = '{h}' || id, origin = '{h}';
             UPDATE sources SET name = '{h}' || id;
             UPDATE people SET name = '{h}' || id;
             UPDATE person_aliases SET alias = '{h}' || key;"
        ))
        .unwrap();
    for args in [
        &["list", "--json"][..],
        &["people", "--json"],
        &["sources", "--json"],
    ] {
        let out = run(&store, args);
        assert_eq!(out.code, Some(0), "{}: {}", out.label, out.stderr);
        assert!(out.stdout.contains("Evil"), "{}: {}", out.label, out.stdout);
        for escaped in ["\\u001b", "\\u009b", "\\u202e", "\\u2028", "\\u200b"] {
            assert!(
                !out.stdout.contains(escaped),
                "{}: {escaped} in {}",
                out.label,
                out.stdout
            );
        }
        let mut printed = String::new();
        for line in out.stdout.lines() {
            strings(&serde_json::from_str(line).unwrap(), &mut printed);
        }
        assert_no_escapes(&format!("{} | jq -r", out.label), printed.as_bytes());
    }
}
