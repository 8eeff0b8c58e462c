//! The command line's query arguments and output: several arguments are one query, options may
//! follow the query, and output piped to a reader that stops (`byline list | head`) ends quietly.

#[path = "cli_support/run.rs"]
mod cli_run;

use cli_run::{byline, run, samples};

use std::process::Stdio;

#[test]
fn several_arguments_are_one_query_and_options_may_follow_it() {
    let dir = samples();
    let (code, one, err) = run(&dir, &["list", "person:renshaw source:\"harbor press\""]);
    assert_eq!(code, 0, "{err}");
    assert!(!one.is_empty());
    let (_, split, _) = run(&dir, &["list", "person:renshaw", "source:harbor press"]);
    assert_eq!(split, one, "an argument the shell kept whole is one term");
    let (code, limited, err) = run(&dir, &["list", "person:renshaw", "--limit", "1"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(limited.lines().count(), 1, "{limited}");
    let (code, json, err) = run(&dir, &["list", "-source:rferl", "--json", "--limit=2"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(json.lines().count(), 2);
    assert!(json.lines().all(|l| l.starts_with('{')), "{json}");
    let (code, _, err) = run(&dir, &["people", "source:rferl", "--bogus"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown option --bogus"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    use std::os::unix::process::ExitStatusExt;
    let dir = samples();
    for args in [
        &["list"][..],
        &["people"],
        &["sources"],
        &["feed", "export"],
    ] {
        let mut child = byline(&dir, args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader of the pipe goes before byline writes anything.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(
            out.status.success() || out.status.signal() == Some(libc::SIGPIPE),
            "{args:?}: {:?} {stderr}",
            out.status
        );
    }
}

#[test]
fn list_sort_orders_the_rows_before_or_after_the_query() {
    let dir = samples();
    let dates = |args: &[&str]| -> Vec<String> {
        let (code, out, err) = run(&dir, args);
        assert_eq!(code, 0, "{err}");
        out.lines()
            .map(|l| l.split_whitespace().nth(1).unwrap_or_default().to_string())
            .collect()
    };
    let newest = dates(&["list", "source:nww"]);
    let oldest = dates(&["list", "--sort", "oldest", "source:nww"]);
    let mut reversed = newest.clone();
    reversed.reverse();
    assert_eq!(oldest, reversed);
    assert_eq!(dates(&["list", "source:nww", "--sort=oldest"]), oldest);
    let (code, _, err) = run(&dir, &["list", "--sort", "sideways"]);
    assert_eq!(code, 2);
    assert!(err.contains("newest, oldest, source or unread"), "{err}");
}
