//! Opening a link in a browser: the `browser` setting, else `$BROWSER` (a colon-separated list
//! of commands), else the platform opener. Commands are argument lists, never run by a shell;
//! `%u` stands for the link (appended when absent). Only http(s) links are opened, on a thread
//! of their own: the key that asked is drawn at once, a failure comes back as a message.

use std::io;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use super::msg::{Input, Response};

/// How long `open` waits for the opener to fail before leaving it to run on its own.
const GRACE: Duration = Duration::from_millis(300);

/// Why a link was not opened; the text names the program tried.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("{0}")]
    NotHttp(String),
    #[error("{0} was not found")]
    NotFound(String),
    #[error("none of {0} was found")]
    NoneFound(String),
    #[error("{program} could not be started: {source}")]
    Spawn { program: String, source: io::Error },
    #[error("{program} exited with status {code}")]
    Status { program: String, code: i32 },
    #[error("{program} was stopped by a signal")]
    Killed { program: String },
}

/// A command line that cannot be split into arguments.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SplitError {
    #[error("a quote ({0}) is not closed")]
    OpenQuote(char),
    #[error("the command is empty")]
    Empty,
}

/// Splits a command line into arguments the way a shell would, without expanding anything:
/// blanks separate, '…' keeps everything, "…" and \ outside single quotes escape one character.
pub fn split_command(text: &str) -> Result<Vec<String>, SplitError> {
    let mut args = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => args.extend(word.take()),
            '\'' => {
                let w = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(c) => w.push(c),
                        None => return Err(SplitError::OpenQuote('\'')),
                    }
                }
            }
            '"' => {
                let w = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => w.extend(chars.next()),
                        Some(c) => w.push(c),
                        None => return Err(SplitError::OpenQuote('"')),
                    }
                }
            }
            '\\' => word.get_or_insert_with(String::new).extend(chars.next()),
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    args.extend(word);
    if args.is_empty() {
        return Err(SplitError::Empty);
    }
    Ok(args)
}

/// The arguments to run for `url`: every `%u` replaced by it (as part of that one argument),
/// or the URL appended as the last argument when no `%u` is given.
pub fn with_url(template: &[String], url: &str) -> Vec<String> {
    if !template.iter().any(|a| a.contains("%u")) {
        let mut args = template.to_vec();
        args.push(url.to_string());
        return args;
    }
    template.iter().map(|a| a.replace("%u", url)).collect()
}

/// The commands to try in order: the setting alone when given; else each of `$BROWSER`'s
/// commands that can be split, then the platform opener.
pub fn candidates(setting: Option<&[String]>, browser_env: Option<&str>) -> Vec<Vec<String>> {
    if let Some(setting) = setting {
        return vec![setting.to_vec()];
    }
    let mut out: Vec<Vec<String>> = browser_env
        .unwrap_or_default()
        .split(':')
        .filter_map(|c| split_command(c).ok())
        .collect();
    out.push(vec![platform_opener().to_string()]);
    out
}

fn platform_opener() -> &'static str {
    if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    }
}

/// `url` as written (trimmed) when it is a link [`crate::links::openable`] accepts, spaces
/// inside it allowed (a page may write them; the URL parser would only encode them, and no
/// shell ever sees the link). Tabs, newlines and other controls are still refused.
pub fn checked(url: &str) -> Result<&str, crate::links::LinkError> {
    let url = url.trim();
    crate::links::openable(&url.replace(' ', "%20"))?;
    Ok(url)
}

/// Opens `url` on a thread of its own; a failure is sent into `answers` as a
/// [`Response::Error`] naming the program tried. The thread waits on the child (no zombie).
pub fn open_in_background(
    url: &str,
    setting: Option<Vec<String>>,
    answers: Sender<Input>,
) -> io::Result<()> {
    let url = url.to_string();
    let faults = answers.clone();
    super::fault::spawn_guarded("byline-open", faults, move || {
        if let Err(e) = open(&url, setting.as_deref()) {
            let message = format!("cannot open the link: {e} ({url})");
            let _ = answers.send(Input::Answer(Response::Error(message)));
        }
    })
    .map(|_| ())
}

/// Opens an http(s) `url` with the first of [`candidates`] that exists. A program that fails
/// at once is reported; one still running after [`GRACE`] is reaped by a thread of its own.
pub fn open(url: &str, setting: Option<&[String]>) -> Result<(), OpenError> {
    let url = checked(url).map_err(|e| OpenError::NotHttp(e.to_string()))?;
    let env = std::env::var("BROWSER").ok();
    let mut missing = Vec::new();
    for template in candidates(setting, env.as_deref()) {
        let args = with_url(&template, url);
        match spawn(&args) {
            Ok(child) => return settle(child, &args[0]),
            Err(e) if e.kind() == io::ErrorKind::NotFound => missing.push(args[0].clone()),
            Err(source) => {
                let program = args[0].clone();
                return Err(OpenError::Spawn { program, source });
            }
        }
    }
    Err(match missing.len() {
        1 => OpenError::NotFound(missing.remove(0)),
        _ => OpenError::NoneFound(missing.join(", ")),
    })
}

/// Starts `args` with no terminal: stdin, stdout and stderr go nowhere, so nothing it prints
/// lands on the reader's screen.
fn spawn(args: &[String]) -> io::Result<Child> {
    Command::new(&args[0])
        .args(&args[1..])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
}

/// Waits up to [`GRACE`] for a failure to report (on the opening thread, never the loop's);
/// after that a thread of its own waits for the child.
fn settle(mut child: Child, program: &str) -> Result<(), OpenError> {
    let start = Instant::now();
    while start.elapsed() < GRACE {
        match child.try_wait() {
            Ok(Some(status)) => return judge(status, program),
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(_) => break,
        }
    }
    std::thread::spawn(move || child.wait());
    Ok(())
}

fn judge(status: ExitStatus, program: &str) -> Result<(), OpenError> {
    let program = program.to_string();
    match status.code() {
        Some(0) => Ok(()),
        Some(code) => Err(OpenError::Status { program, code }),
        None => Err(OpenError::Killed { program }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn splits_like_a_shell_without_expanding() {
        let split = |s| split_command(s).unwrap();
        assert_eq!(
            split("firefox --new-tab %u"),
            v(&["firefox", "--new-tab", "%u"])
        );
        assert_eq!(split("  a   b\t"), v(&["a", "b"]));
        assert_eq!(
            split(r#"'/opt/My Browser/run' "--x=a b" c\ d"#),
            v(&["/opt/My Browser/run", "--x=a b", "c d"])
        );
        assert_eq!(
            split(r#"a "say \"hi\"" '$HOME;rm'"#),
            v(&["a", "say \"hi\"", "$HOME;rm"])
        );
        assert_eq!(split("a ''"), v(&["a", ""]));
        assert_eq!(split_command("a 'b"), Err(SplitError::OpenQuote('\'')));
        assert_eq!(split_command("a \"b"), Err(SplitError::OpenQuote('"')));
        assert_eq!(split_command("   "), Err(SplitError::Empty));
    }

    #[test]
    fn the_url_replaces_percent_u_or_is_appended() {
        let url = "https://x.test/a b?c=1;d";
        assert_eq!(
            with_url(&v(&["ff", "--new-tab", "%u"]), url),
            v(&["ff", "--new-tab", url])
        );
        assert_eq!(
            with_url(&v(&["ff", "--url=%u"]), url),
            v(&["ff", &format!("--url={url}")])
        );
        assert_eq!(
            with_url(&v(&["ff", "-P", "x"]), url),
            v(&["ff", "-P", "x", url])
        );
    }

    #[test]
    fn the_setting_comes_first_then_browser_then_the_platform() {
        let setting = v(&["ff", "%u"]);
        assert_eq!(candidates(Some(&setting), Some("w3m")), vec![setting]);
        let opener = vec![platform_opener().to_string()];
        assert_eq!(
            candidates(None, Some("lynx -x:'my browser' %u::w3m")),
            vec![
                v(&["lynx", "-x"]),
                v(&["my browser", "%u"]),
                v(&["w3m"]),
                opener.clone()
            ]
        );
        assert_eq!(candidates(None, None), vec![opener]);
    }

    #[test]
    fn the_error_names_the_program() {
        let missing = v(&["byline-no-such-browser-7f3a", "%u"]);
        let err = open("https://x.test/", Some(&missing)).unwrap_err();
        assert_eq!(err.to_string(), "byline-no-such-browser-7f3a was not found");
        let failing = v(&["sh", "-c", "exit 3", "%u"]);
        let err = open("https://x.test/", Some(&failing)).unwrap_err();
        assert_eq!(err.to_string(), "sh exited with status 3");
        let fine = v(&["true"]);
        assert!(open("https://x.test/", Some(&fine)).is_ok());
    }

    #[test]
    fn a_link_is_given_as_written_spaces_and_all() {
        assert_eq!(
            checked(" https://x.test/a b;c "),
            Ok("https://x.test/a b;c")
        );
        assert!(checked("https://x.test/a\tb").is_err());
        assert!(checked("https://x.test/a\nb").is_err());
        assert!(checked("javascript:a b").is_err());
    }

    #[test]
    fn only_http_links_are_opened() {
        let would_run = v(&["true"]);
        assert!(open("file:///etc/passwd", Some(&would_run)).is_err());
        assert!(open("javascript:alert(1)", Some(&would_run)).is_err());
    }
}
