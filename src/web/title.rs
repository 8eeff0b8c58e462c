//! The headline from a page's `<title>` when no metadata names it: the site's name dropped when
//! the page names its site ("Headline | Site", "Site - Headline"), else the last part dropped
//! as Readability does it, and the page's one `<h1>` preferred when the `<title>` is too short
//! or too long to be a headline.

/// Separators between a headline and the site's name.
const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " \\ ", " / ", " > ", " » ", " :: ",
];
/// Separators that show a hierarchy ("Site > Section > Headline").
const HIERARCHICAL: &[&str] = &[" \\ ", " / ", " > ", " » "];

/// The headline a `<title>` holds, given the site's name if the page gives one and its `<h1>`
/// and `<h2>` texts (level, text).
pub fn headline(title: &str, site: Option<&str>, headings: &[(u8, String)]) -> Option<String> {
    let original = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(headline) = site.and_then(|site| without_site(&original, site)) {
        return Some(headline);
    }
    let h1s: Vec<&str> = headings
        .iter()
        .filter(|(level, text)| *level == 1 && !text.is_empty())
        .map(|(_, text)| text.as_str())
        .collect();
    let h1 = match h1s.as_slice() {
        [only] => Some(*only),
        _ => None,
    };
    if original.is_empty() {
        return h1s.first().map(|h| h.to_string());
    }
    let mut hierarchical = false;
    let mut current = original.clone();
    if let Some(last) = last_separator(&original) {
        hierarchical = HIERARCHICAL.iter().any(|s| original.contains(s));
        current = original[..last].to_string();
        if words(&current) < 3 {
            current = after_first_separator(&original).to_string();
        }
    } else if original.contains(": ") {
        let same_heading = headings.iter().any(|(_, h)| *h == original);
        if !same_heading {
            let after_last = original.rsplit(": ").next().unwrap_or_default();
            current = after_last.to_string();
            if words(&current) < 3 {
                current = original.split_once(": ").map_or("", |(_, a)| a).to_string();
            } else if original.split(": ").next().map_or(0, words) > 5 {
                current = original.clone();
            }
        }
    } else if original.chars().count() > 150 || original.chars().count() < 15 {
        if let Some(h1) = h1 {
            current = h1.to_string();
        }
    }
    let current = current.trim().to_string();
    let n = words(&current);
    let all_parts = words(&original.replace(['|', '-', '–', '—', '\\', '/', '>', '»'], " "));
    if n <= 4 && (!hierarchical || n + 1 != all_parts) {
        return Some(original);
    }
    Some(current)
}

/// The title without the site's name at its end or start, when at least two words remain.
fn without_site(title: &str, site: &str) -> Option<String> {
    let site = site.split_whitespace().collect::<Vec<_>>().join(" ");
    if site.is_empty() {
        return None;
    }
    let same = |a: &str, b: &str| a.to_lowercase() == b.to_lowercase();
    SEPARATORS.iter().find_map(|sep| {
        let n = sep.len() + site.len();
        let end = title.len().checked_sub(n)?;
        let rest = match (title.get(end..), title.get(..n)) {
            (Some(tail), _) if same(tail, &format!("{sep}{site}")) => title.get(..end),
            (_, Some(head)) if same(head, &format!("{site}{sep}")) => title.get(n..),
            _ => None,
        }?;
        (words(rest) >= 2).then(|| rest.trim().to_string())
    })
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The byte offset of the last separator.
fn last_separator(text: &str) -> Option<usize> {
    SEPARATORS.iter().filter_map(|s| text.rfind(s)).max()
}

/// The text after the first separator.
fn after_first_separator(text: &str) -> &str {
    let first = SEPARATORS
        .iter()
        .filter_map(|s| text.find(s).map(|at| (at, s.len())))
        .min();
    first.map_or(text, |(at, len)| &text[at + len..])
}

#[cfg(test)]
mod tests {
    use super::headline;

    fn h(title: &str) -> String {
        headline(title, None, &[]).unwrap()
    }

    #[test]
    fn the_sites_suffix_is_dropped() {
        assert_eq!(
            h("Ferry fares fall by a third | Harbour Post"),
            "Ferry fares fall by a third"
        );
        assert_eq!(
            h("Ferry fares fall by a third - Harbour Post"),
            "Ferry fares fall by a third"
        );
        assert_eq!(
            h("Tide tables for the autumn – Post"),
            "Tide tables for the autumn"
        );
        assert_eq!(h("A new pier | Local | Harbour Post"), "A new pier | Local");
    }

    #[test]
    fn the_named_site_is_dropped_from_either_end_even_from_a_short_headline() {
        let site = Some("Harbour Post");
        assert_eq!(
            headline("Pier reopens | HARBOUR POST", site, &[]).unwrap(),
            "Pier reopens"
        );
        assert_eq!(
            headline("Harbour Post - Pier reopens", site, &[]).unwrap(),
            "Pier reopens"
        );
        assert_eq!(
            headline("Weather | Harbour Post", site, &[]).unwrap(),
            "Weather | Harbour Post"
        );
        let other = headline("Pier reopens after repairs | Other", site, &[]).unwrap();
        assert_eq!(other, "Pier reopens after repairs | Other");
    }

    #[test]
    fn short_headlines_keep_the_whole_title() {
        assert_eq!(h("Weather | Harbour Post"), "Weather | Harbour Post");
        assert_eq!(
            h("Plain headline without a site"),
            "Plain headline without a site"
        );
        assert_eq!(h("  spaced   out  "), "spaced out");
    }

    #[test]
    fn an_h1_replaces_a_too_short_title_and_an_empty_title_gives_the_h1() {
        let h1 = [(1, "The pier reopens after a long repair".to_string())];
        assert_eq!(headline("Home", None, &h1).unwrap(), h1[0].1);
        let two = [h1[0].clone(), (1, "Another h1 on the page".into())];
        assert_eq!(headline("Home", None, &two).unwrap(), "Home");
        assert_eq!(
            headline("Home", None, &[(1, "Short h1".into())]).unwrap(),
            "Home"
        );
        assert_eq!(headline("", None, &h1).unwrap(), h1[0].1);
        assert_eq!(headline("", None, &[]), None);
    }

    #[test]
    fn a_colon_keeps_the_part_after_it_unless_the_h1_is_the_whole_title() {
        assert_eq!(
            h("Harbour news: the pier reopens to the public"),
            "the pier reopens to the public"
        );
        let title = "Explained: what the pier repair will cost";
        assert_eq!(
            headline(title, None, &[(2, title.to_string())]).unwrap(),
            title
        );
    }
}
