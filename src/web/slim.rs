//! Slimming a page over the size cap before it is cut: the text of its scripts and styles, and
//! `data:` URLs inlined in attributes (the images and fonts of a "single file" save), are taken
//! out so the cut keeps the article. JSON-LD scripts stay. Byte-level and linear; a page under
//! the cap is not touched.

use std::borrow::Cow;

use crate::html::MAX_HTML_BYTES;

/// `html` without script and style text or inlined `data:` URLs, when it is over the cap.
pub fn slim(html: &str) -> Cow<'_, str> {
    if html.len() <= MAX_HTML_BYTES {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(MAX_HTML_BYTES + 1024);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        if out.len() > MAX_HTML_BYTES {
            return Cow::Owned(out); // the cap cuts here anyway
        }
        if !starts_markup(rest) {
            out.push('<');
            rest = &rest[1..];
            continue;
        }
        let end = markup_end(rest);
        let tag = &rest[..end];
        push_without_data_urls(&mut out, tag);
        rest = &rest[end..];
        if let Some(close) = raw_text_end(tag) {
            let skip = find_ignore_case(rest, close).unwrap_or(rest.len());
            rest = &rest[skip..];
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Whether `<` starts a tag, an end tag, a comment or a declaration (else it is text: `a < b`).
fn starts_markup(text: &str) -> bool {
    text.as_bytes()
        .get(1)
        .is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?'))
}

/// The length of the markup at the start of `text`: a comment to its `-->`, a tag to the first
/// `>` outside a quoted attribute value, or all of `text` when it never ends.
fn markup_end(text: &str) -> usize {
    if let Some(comment) = text.strip_prefix("<!--") {
        return comment.find("-->").map_or(text.len(), |at| at + 7);
    }
    let mut quote = None;
    let mut after_equals = false;
    for (i, b) in text.bytes().enumerate().skip(1) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') if after_equals => quote = Some(b),
            (None, b'>') => return i + 1,
            _ => {}
        }
        if !b.is_ascii_whitespace() {
            after_equals = b == b'=';
        }
    }
    text.len()
}

/// The end tag to skip to after a script (not JSON-LD) or style start tag.
fn raw_text_end(tag: &str) -> Option<&'static str> {
    let name_is = |name: &str| {
        let after = tag.get(1..=name.len())?;
        let next = tag.as_bytes().get(name.len() + 1).copied().unwrap_or(b'>');
        let ends = next.is_ascii_whitespace() || matches!(next, b'>' | b'/');
        Some(after.eq_ignore_ascii_case(name) && ends)
    };
    if name_is("script") == Some(true) && find_ignore_case(tag, "ld+json").is_none() {
        return Some("</script");
    }
    (name_is("style") == Some(true)).then_some("</style")
}

/// `tag` with each quoted attribute value that is a `data:` URL emptied.
fn push_without_data_urls(out: &mut String, tag: &str) {
    let mut rest = tag;
    while let Some(at) = rest.find(['"', '\'']) {
        let quote = &rest[at..=at];
        out.push_str(&rest[..=at]);
        let value = &rest[at + 1..];
        let close = value.find(quote).unwrap_or(value.len());
        if !value[..close.min(5)].eq_ignore_ascii_case("data:") {
            out.push_str(&value[..close]);
        }
        rest = &value[close..];
        if let Some(after) = rest.strip_prefix(quote) {
            out.push_str(quote);
            rest = after;
        }
    }
    out.push_str(rest);
}

/// Where `needle` (ASCII) first occurs in `haystack`, ignoring ASCII case.
fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (haystack.as_bytes(), needle.as_bytes());
    let first = needle.first()?.to_ascii_lowercase();
    (0..hay.len().saturating_sub(needle.len() - 1)).find(|&i| {
        hay[i].to_ascii_lowercase() == first
            && hay[i..i + needle.len()].eq_ignore_ascii_case(needle)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn padded(page: &str) -> String {
        format!("{page}<!-- {} -->", "x".repeat(MAX_HTML_BYTES))
    }

    #[test]
    fn a_page_under_the_cap_is_untouched() {
        let page = "<script>var a = 1;</script><p>Text</p>";
        assert!(matches!(slim(page), Cow::Borrowed(p) if p == page));
    }

    #[test]
    fn scripts_styles_and_data_urls_are_taken_out_and_json_ld_kept() {
        let page = padded(
            "<SCRIPT src=a.js>var x = '<p>'; if (a > b) {}</SCRIPT >\
             <style media='x>y'>p { color: red }</style>\
             <script type=\"application/ld+json\">{\"@type\":\"Article\"}</script>\
             <img alt=\"it's\" src=\"DATA:image/png;base64,AAAA\"><p title='a > b'>Text a < b</p>",
        );
        let slimmed = slim(&page);
        let head = &slimmed[..slimmed.find("<!--").unwrap()];
        assert_eq!(
            head,
            "<SCRIPT src=a.js></SCRIPT ><style media='x>y'></style>\
             <script type=\"application/ld+json\">{\"@type\":\"Article\"}</script>\
             <img alt=\"it's\" src=\"\"><p title='a > b'>Text a < b</p>"
        );
    }

    #[test]
    fn a_huge_inline_script_before_the_article_no_longer_pushes_it_past_the_cap() {
        let script = format!(
            "<script>{}</script>",
            "var a = 1;".repeat(MAX_HTML_BYTES / 5)
        );
        let page = format!("{script}<p>The article</p>");
        let slimmed = slim(&page);
        assert_eq!(slimmed, "<script></script><p>The article</p>");
    }

    #[test]
    fn unclosed_scripts_quotes_and_comments_end_at_the_end() {
        let tail = "x".repeat(MAX_HTML_BYTES);
        for page in [
            format!("<script>{tail}"),
            format!("<p title=\"{tail}"),
            format!("<!--{tail}"),
        ] {
            assert!(slim(&page).len() <= page.len());
        }
    }
}
