//! The `Source: <URL>` line: finding it, keeping the URL as written, and repairing the breaks
//! that copy-and-paste puts into long URLs ("witkoff- kushner" back to "witkoff-kushner").

/// A URL as the file wrote it and, when it can be repaired into a valid URL, its canonical form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceUrl {
    /// Exactly as written after the label; a line break inside it is kept as `'\n'`.
    pub raw: String,
    /// The repaired, parsed URL; `None` when even the repaired text is not a URL.
    pub url: Option<String>,
    /// How many lines the label and URL took (1, or 2 when the URL continued on the next line).
    pub lines_used: usize,
}

/// Labels that introduce an article's own URL.
const LABELS: [&str; 4] = ["source:", "url:", "link:", "original:"];

/// Reads a source-URL line at `lines[0]` (a URL may continue on `lines[1]`).
pub fn parse_source_line(lines: &[&str]) -> Option<SourceUrl> {
    let first = lines.first()?.trim();
    let label = LABELS.iter().find(|l| starts_with_ignore_case(first, l))?;
    let after_label = first.get(label.len()..)?.trim();
    let next = lines.get(1).map(|l| l.trim()).filter(|l| !l.is_empty());
    // "Source:" alone with the URL on the next line.
    if after_label.is_empty() {
        let url_line = next.filter(|l| looks_like_url_start(l))?;
        return Some(build(url_line.to_string(), 2));
    }
    if !looks_like_url_start(after_label) {
        return None;
    }
    match next.filter(|n| continues_url(after_label, n)) {
        Some(rest) => Some(build(format!("{after_label}\n{rest}"), 2)),
        None => Some(build(after_label.to_string(), 1)),
    }
}

fn build(raw: String, lines_used: usize) -> SourceUrl {
    let url = repair_url(&raw);
    SourceUrl {
        raw,
        url,
        lines_used,
    }
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(prefix))
}

fn looks_like_url_start(text: &str) -> bool {
    ["http://", "https://", "www."]
        .iter()
        .any(|p| starts_with_ignore_case(text, p))
}

/// Joins the whitespace-separated pieces of a broken URL: a piece after the first is glued on
/// when it is made of URL characters and the break is plausibly inside the URL (the piece
/// before ends in a joiner like '-' or '/', or the piece itself has a path or domain in it).
/// Trailing words that are not URL pieces ("(archived)") end the URL. Returns the parsed URL.
pub fn repair_url(raw: &str) -> Option<String> {
    let mut pieces = raw.split_whitespace();
    let mut joined = pieces.next()?.to_string();
    for piece in pieces {
        if !continues_url(&joined, piece) {
            break;
        }
        joined.push_str(piece);
    }
    if starts_with_ignore_case(&joined, "www.") {
        joined.insert_str(0, "https://");
    }
    let parsed = ::url::Url::parse(&joined).ok()?;
    let web = matches!(parsed.scheme(), "http" | "https") && parsed.host_str().is_some();
    web.then(|| parsed.to_string())
}

fn continues_url(before: &str, piece: &str) -> bool {
    let url_chars = !piece.is_empty() && piece.chars().all(is_url_char);
    let joiner_before = before.ends_with(['-', '/', '_', '.', '=', '&', '?', '#', '%']);
    let joiner_starts = piece.starts_with(['-', '/', '_', '.', '=', '&', '?', '#', '%']);
    url_chars && (joiner_before || joiner_starts || piece.contains(['/', '.']))
}

fn is_url_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'*+,;=%".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Option<SourceUrl> {
        let lines: Vec<&str> = text.lines().collect();
        parse_source_line(&lines)
    }

    #[test]
    fn space_after_hyphen_repaired() {
        let s =
            parse("Source: https://www.example.org/a/talks-envoy- summit-city/123.html").unwrap();
        assert_eq!(
            s.raw,
            "https://www.example.org/a/talks-envoy- summit-city/123.html"
        );
        assert_eq!(
            s.url.as_deref(),
            Some("https://www.example.org/a/talks-envoy-summit-city/123.html")
        );
        assert_eq!(s.lines_used, 1);
    }

    #[test]
    fn line_break_inside_url_repaired() {
        let s = parse("Source: https://example.org/news/2025/long-\nstory-slug.html\nCopyright")
            .unwrap();
        assert_eq!(
            s.raw,
            "https://example.org/news/2025/long-\nstory-slug.html"
        );
        assert_eq!(
            s.url.as_deref(),
            Some("https://example.org/news/2025/long-story-slug.html")
        );
        assert_eq!(s.lines_used, 2);
    }

    #[test]
    fn url_on_next_line() {
        let s = parse("Source:\nhttps://example.org/x").unwrap();
        assert_eq!(s.url.as_deref(), Some("https://example.org/x"));
        assert_eq!(s.lines_used, 2);
    }

    #[test]
    fn unbroken_url_and_trailing_words() {
        let s = parse("Source: https://example.org/x.html (archived copy)").unwrap();
        assert_eq!(s.url.as_deref(), Some("https://example.org/x.html"));
        let s = parse("URL: https://example.org/x.html\nCopyright (c) 2025").unwrap();
        assert_eq!(s.url.as_deref(), Some("https://example.org/x.html"));
        assert_eq!(s.lines_used, 1);
    }

    #[test]
    fn not_a_source_url_line() {
        assert_eq!(parse("Source: ministry officials"), None);
        assert_eq!(parse("Sources said the talks ended"), None);
        assert_eq!(parse(""), None);
    }

    #[test]
    fn unparseable_url_kept_raw_only() {
        let s = parse("Source: https://").unwrap();
        assert_eq!(s.raw, "https://");
        assert_eq!(s.url, None);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(a in "\\PC{0,60}", b in "\\PC{0,40}") {
            let _ = parse_source_line(&[&a, &b]);
            let _ = parse_source_line(&[&format!("Source: https://{a}"), &b]);
            let _ = repair_url(&a);
        }
    }
}
