//! `byline config check` and `byline config print` end to end: every bad entry of a file is
//! printed with its line and the exit status is 1; a clean file says "ok" with 0; the printed
//! configuration reads back clean and prints the same.

use assert_cmd::Command;

fn byline(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("byline").unwrap();
    cmd.env("BYLINE_STORE", dir.join("store.db"))
        .env("BYLINE_CONFIG", dir.join("config.toml"));
    cmd
}

const FIVE_BAD: &str = "\
# five bad lines among good ones
[ui]
list_percent = 95
mouse = \"yes\"
hyperlinks = false

[keys]
fly = \"f\"
quit = \"Q\"
down = [\"j\", \"nonsense\"]

[colors]
accent = \"pink\"
star = \"red\"
";

#[test]
fn check_prints_every_problem_with_its_line_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("config.toml"), FIVE_BAD).unwrap();
    let out = byline(dir.path())
        .args(["config", "check"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    let expected = [
        (3, "list_percent must be between 20 and 80, got 95"),
        (4, "mouse must be true or false, got \"yes\""),
        (8, "unknown action `fly`"),
        (10, "unknown key name \"nonsense\" for down"),
        (13, "unknown colour \"pink\" for accent"),
    ];
    assert_eq!(lines.len(), expected.len(), "{stdout}");
    for (line, (number, message)) in lines.iter().zip(expected) {
        assert!(
            line.contains(&format!("config.toml line {number}, column ")),
            "{line}"
        );
        assert!(line.contains(message), "{line} lacks {message}");
    }
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("5 problems"), "{stderr}");
}

#[test]
fn check_says_ok_for_a_clean_file_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let out = byline(dir.path())
        .args(["config", "check"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("ok"));
    let file = dir.path().join("config.toml");
    std::fs::write(&file, "[ui]\nmouse = true\n[open]\nbrowser = \"ff %u\"\n").unwrap();
    let out = byline(dir.path())
        .args(["config", "check"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout)
        .trim_end()
        .ends_with(": ok"));
}

#[test]
fn a_syntax_error_is_one_problem_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, "[ui]\nmouse = true\nlist_percent = = 3\n").unwrap();
    let out = byline(dir.path())
        .args(["config", "check"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.contains("line 3, column "), "{stdout}");
}

#[test]
fn print_writes_toml_that_reads_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, FIVE_BAD).unwrap();
    let out = byline(dir.path())
        .args(["config", "print"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let printed = String::from_utf8(out.stdout).unwrap();
    assert!(printed.contains("hyperlinks = false"), "{printed}");
    assert!(printed.contains("quit = \"Q\""), "{printed}");
    assert!(printed.contains("star = \"red\""), "{printed}");
    // The file's problems go to stderr: the entries they name were not applied.
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 5);

    std::fs::write(&file, &printed).unwrap();
    let check = byline(dir.path())
        .args(["config", "check"])
        .output()
        .unwrap();
    assert!(check.status.success(), "{check:?}");
    let again = byline(dir.path())
        .args(["config", "print"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(again.stdout).unwrap(), printed);
}
