//! Which links may be opened: only `http` and `https` URLs, checked before anything is launched.
//!
//! An article's text is untrusted, so a link in it is too: `javascript:`, `file:`, `data:`,
//! `exec:` (newsboat's OPML hole) and `|cmd` (a shell pipe) are refused. The caller passes the
//! returned URL's string to the opener as one argument, never through a shell.

use url::Url;

use crate::text::{is_invisible, is_joiner};

/// Why a link was refused, with a message fit for the status line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    #[error("the link is empty")]
    Empty,
    #[error("refused a link holding control characters or spaces")]
    Control,
    #[error("refused a link that starts a command ('|'); only http and https links are opened")]
    Pipe,
    #[error("not a link: {0}")]
    Invalid(String),
    #[error("refused a {0}: link; only http and https links are opened")]
    Scheme(String),
    #[error("refused a link without a host")]
    NoHost,
}

/// Checks that `url` is an absolute `http`/`https` URL with a host and returns it parsed.
///
/// Control characters and whitespace anywhere are refused outright rather than silently dropped
/// (the URL parser would drop tabs and newlines, turning `java\tscript:` into `javascript:`).
pub fn openable(url: &str) -> Result<Url, LinkError> {
    let trimmed = url.trim();
    if trimmed.is_empty() {
        return Err(LinkError::Empty);
    }
    if trimmed.starts_with('|') || trimmed.starts_with('!') {
        return Err(LinkError::Pipe);
    }
    if trimmed
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || is_invisible(c) || is_joiner(c))
    {
        return Err(LinkError::Control);
    }
    let parsed = Url::parse(trimmed).map_err(|e| LinkError::Invalid(e.to_string()))?;
    match parsed.scheme() {
        "http" | "https" => {}
        other => return Err(LinkError::Scheme(printable_scheme(other))),
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(LinkError::NoHost);
    }
    Ok(parsed)
}

/// A scheme is ASCII letters, digits, `+-.` once parsed; cap its length for the message.
fn printable_scheme(scheme: &str) -> String {
    scheme.chars().take(32).collect()
}

/// The heading of the numbered links at the end of a body (see [`crate::html`]).
pub const LINKS_HEADING: &str = "Links";

/// The numbered links at the end of an article's body, in order (`[1] URL`, `[2] URL`, ...
/// under a [`LINKS_HEADING`] heading): `links[n - 1]` is link `n`. Empty when there are none.
pub fn numbered(body: &[crate::model::Block]) -> Vec<String> {
    use crate::model::BlockKind;
    let Some(heading) = body
        .iter()
        .rposition(|b| b.kind == BlockKind::Heading && b.text == LINKS_HEADING)
    else {
        return Vec::new();
    };
    let mut links = Vec::new();
    for block in &body[heading + 1..] {
        let expected = format!("[{}] ", links.len() + 1);
        match block.text.strip_prefix(&expected) {
            Some(url) if block.kind == BlockKind::ListItem => links.push(url.to_string()),
            _ => break,
        }
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_and_https_links_are_opened() {
        for link in [
            "http://example.org/a",
            "https://example.org/a?b=c#d",
            "  https://news.example/x  ",
            "HTTPS://EXAMPLE.ORG/",
        ] {
            let url = openable(link).unwrap_or_else(|e| panic!("{link}: {e}"));
            assert!(matches!(url.scheme(), "http" | "https"));
        }
    }

    #[test]
    fn other_schemes_are_refused_with_their_name() {
        for (link, scheme) in [
            ("javascript:alert(1)", "javascript"),
            ("JavaScript:alert(1)", "javascript"),
            ("file:///etc/passwd", "file"),
            ("data:text/html,<script>x</script>", "data"),
            ("exec:rm -rf ~", "exec"),
            ("exec:/bin/sh", "exec"),
            ("ftp://example.org/", "ftp"),
            ("mailto:a@example.org", "mailto"),
            ("ssh://host", "ssh"),
        ] {
            match openable(link) {
                Err(LinkError::Scheme(s)) => assert_eq!(s, scheme, "{link}"),
                Err(LinkError::Control) if link.contains(' ') => {}
                other => panic!("{link}: {other:?}"),
            }
        }
        let message = openable("javascript:alert(1)").unwrap_err().to_string();
        assert!(message.contains("javascript") && message.contains("only http"));
    }

    #[test]
    fn pipes_controls_and_relative_links_are_refused() {
        assert_eq!(openable("|rm -rf ~"), Err(LinkError::Pipe));
        assert_eq!(openable("  |cmd"), Err(LinkError::Pipe));
        assert_eq!(openable("!cmd"), Err(LinkError::Pipe));
        assert_eq!(openable(""), Err(LinkError::Empty));
        assert_eq!(openable("java\tscript:alert(1)"), Err(LinkError::Control));
        assert_eq!(
            openable("https://ex\u{1b}[2Jample.org"),
            Err(LinkError::Control)
        );
        assert_eq!(
            openable("https://example.org/\u{202E}gpj"),
            Err(LinkError::Control)
        );
        assert_eq!(openable("http://a.org/x y"), Err(LinkError::Control));
        for hidden in [
            '\u{200B}', '\u{200D}', '\u{2060}', '\u{2028}', '\u{61C}', '\u{AD}',
        ] {
            let link = format!("https://example.org/{hidden}x");
            assert_eq!(openable(&link), Err(LinkError::Control), "{link:?}");
        }
        assert!(matches!(
            openable("/etc/passwd"),
            Err(LinkError::Invalid(_))
        ));
        assert!(matches!(
            openable("example.org"),
            Err(LinkError::Invalid(_))
        ));
        assert!(openable("-oProxyCommand=x").is_err());
    }

    #[test]
    fn numbered_links_are_read_from_the_end_of_the_body() {
        use crate::model::{Block, BlockKind};
        let item = |t: &str| Block::new(BlockKind::ListItem, t);
        let body = vec![
            Block::paragraph("See the report[1] and the map[2]."),
            item("[1] not a link line: the list above the heading"),
            Block::heading(LINKS_HEADING),
            item("[1] https://example.org/report"),
            item("[2] https://example.org/map"),
        ];
        assert_eq!(
            numbered(&body),
            ["https://example.org/report", "https://example.org/map"]
        );
        assert!(numbered(&body[..2]).is_empty());
        // A list that skips a number ends there.
        let skipped = vec![
            Block::heading(LINKS_HEADING),
            item("[1] https://a.example/"),
            item("[3] https://c.example/"),
        ];
        assert_eq!(numbered(&skipped), ["https://a.example/"]);
    }
}
