//! feedparser's leading comments read: `Header:` (the HTTP header to serve a file with) and the
//! simple forms of `Expect:` (a Python expression) that byline's results can be held against.

/// One check an `Expect:` line asks for, in the forms understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    /// `feed['title'] == '...'` (or `feed.title`).
    FeedTitle(String),
    /// `entries[0]['title'] == '...'`.
    EntryTitle(String),
    /// `entries[0]['description'] == '...'` (or `summary`): HTML, compared as text.
    EntryText(String),
    /// `encoding == '...'`: the text must decode as it does in that charset.
    Encoding(String),
}

/// A comment field (`Header:`, `Expect:`) from the file's first lines.
pub fn field<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let head = &text[..text.len().min(2048)];
    let at = head.find(&format!("{name}:"))? + name.len() + 1;
    Some(head[at..].lines().next()?.trim())
}

/// The `Content-Type` a `Header:` line names, if that is the header it names.
pub fn content_type(header: &str) -> Option<&str> {
    let (name, value) = header.split_once(':')?;
    name.trim()
        .eq_ignore_ascii_case("content-type")
        .then(|| value.trim())
}

/// The checks an expectation makes, `bozo` clauses dropped (byline reads what it can, and says
/// nothing of bozo); `None` when some clause is not a form understood, or none is left.
pub fn checks(expect: &str) -> Option<Vec<Check>> {
    let mut checks = Vec::new();
    for clause in expect.split(" and ") {
        let clause = clause.trim();
        if clause == "bozo" || clause == "not bozo" {
            continue;
        }
        checks.push(check(clause)?);
    }
    (!checks.is_empty()).then_some(checks)
}

fn check(clause: &str) -> Option<Check> {
    if let Some(code) = clause.strip_prefix("ord(entries[0]['description']) == ") {
        let c = char::from_u32(code.trim().parse().ok()?)?;
        return Some(Check::EntryText(c.to_string()));
    }
    let (lhs, rhs) = clause.split_once(" == ")?;
    let value = python_string(rhs.trim())?;
    match lhs.trim() {
        "feed['title']" | "feed.title" => Some(Check::FeedTitle(value)),
        "entries[0]['title']" | "entries[0].title" => Some(Check::EntryTitle(value)),
        "entries[0]['description']"
        | "entries[0].description"
        | "entries[0]['summary']"
        | "entries[0].summary" => Some(Check::EntryText(value)),
        "encoding" => Some(Check::Encoding(value)),
        _ => None,
    }
}

/// A Python string literal (`'...'`, `"..."`, `"""..."""`, with a `u` prefix or not) with its
/// escapes (`\xHH`, `\uHHHH`, `\UHHHHHHHH`, `\n`, `\t`, `\\`, quotes) read.
pub fn python_string(literal: &str) -> Option<String> {
    let literal = literal.strip_prefix('u').unwrap_or(literal);
    let inner = ["\"\"\"", "'", "\""].iter().find_map(|q| {
        literal
            .strip_prefix(q)
            .and_then(|s| s.strip_suffix(q))
            .filter(|_| literal.len() >= 2 * q.len())
    })?;
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let hex = |chars: &mut std::str::Chars, n: usize| -> Option<char> {
            let digits: String = chars.take(n).collect();
            char::from_u32(u32::from_str_radix(&digits, 16).ok()?)
        };
        match chars.next()? {
            'x' => out.push(hex(&mut chars, 2)?),
            'u' => out.push(hex(&mut chars, 4)?),
            'U' => out.push(hex(&mut chars, 8)?),
            'n' => out.push('\n'),
            't' => out.push('\t'),
            c @ ('\\' | '\'' | '"') => out.push(c),
            _ => return None,
        }
    }
    Some(out)
}

/// HTML (or plain text) as the words a reader sees: the converter's blocks, one line.
pub fn as_text(html: &str) -> String {
    let blocks = byline::html::to_blocks(html, None).blocks;
    let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
    texts
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a check holds for a feed fetched as `bytes` with `content_type` and parsed as `feed`;
/// `None` when it cannot be judged (a charset byline's decoder does not know).
pub fn holds(
    check: &Check,
    bytes: &[u8],
    content_type: Option<&str>,
    feed: &byline::feeds::ParsedFeed,
) -> Option<bool> {
    let line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let first = || feed.items.first().map(|i| i.to_parsed());
    // feedparser keeps a title's (sanitized) markup; byline shows the text.
    let title_is = |got: &str, want: &str| got == line(want) || got == as_text(want);
    Some(match check {
        Check::FeedTitle(want) => title_is(feed.title.as_deref().unwrap_or(""), want),
        Check::EntryTitle(want) => first().is_some_and(|a| title_is(&a.title, want)),
        Check::EntryText(want) => first().is_some_and(|a| {
            let body: Vec<&str> = a.body.iter().map(|b| b.text.as_str()).collect();
            line(&body.join(" ")) == as_text(want)
        }),
        Check::Encoding(label) => {
            let encoding = encoding_rs::Encoding::for_label(label.as_bytes())?;
            let ours = byline::feeds::charset::decode_feed(bytes, content_type).text;
            after_declaration(&ours) == after_declaration(&encoding.decode(bytes).0)
        }
    })
}

/// The text after a BOM and an XML declaration (which byline rewrites to say UTF-8).
fn after_declaration(text: &str) -> &str {
    let text = text.trim_start_matches('\u{feff}');
    match text.starts_with("<?xml") {
        true => text.find("?>").map_or(text, |at| &text[at + 2..]),
        false => text,
    }
}

#[test]
fn expectations_are_read() {
    assert_eq!(
        python_string(r"u'\u00e9t\xe9 \U0001F600 \'q\''"),
        Some("été 😀 'q'".to_string())
    );
    assert_eq!(
        python_string(r#""""&lt;!' <a href="foo">""""#),
        Some(r#"&lt;!' <a href="foo">"#.to_string())
    );
    assert_eq!(
        checks("not bozo and feed['title'] == u'\\ub144'"),
        Some(vec![Check::FeedTitle("\u{b144}".into())])
    );
    assert_eq!(
        checks("bozo and ord(entries[0]['description']) == 8230"),
        Some(vec![Check::EntryText("…".into())])
    );
    assert_eq!(checks("not bozo and version == 'rss20'"), None);
    assert_eq!(checks("bozo"), None);
    assert_eq!(
        content_type("Content-type: text/xml; charset=\"us-ascii\""),
        Some("text/xml; charset=\"us-ascii\"")
    );
}
