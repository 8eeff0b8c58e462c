//! People's names in bylines and credit lines: telling a name from an outlet, lists of names
//! ("A, B and C"), and names written in capitals ("MARTA DEL-ROSARIO" gives "Marta Del-Rosario").

use super::outlets::has_outlet_word;

/// A list of names: "Ana Brisk, Leo Maddox and Ines Varga", "JANE DOE AND JOHN ROE",
/// "Felix Marsh in Dunmoor and Ana Brisk in Calvaro" (the places are dropped). Names in
/// capitals are written in title case. `None` unless every item looks like a person's name.
pub fn people_list(text: &str) -> Option<Vec<String>> {
    let text = text.replace(" AND ", " and ").replace(" & ", " and ");
    let mut names = Vec::new();
    for item in text.split(',').flat_map(|p| p.split(" and ")) {
        let item = item.trim();
        let item = item.strip_prefix("and ").unwrap_or(item).trim();
        if item.is_empty() {
            continue;
        }
        let name = title_case_capitals(without_place(item));
        if !looks_like_name(&name) {
            return None;
        }
        names.push(name);
    }
    (!names.is_empty()).then_some(names)
}

/// "A", "A and B", "A, B and C".
pub fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Places have at most this many words ("Felix Marsh in Port Alder").
const MAX_PLACE_WORDS: usize = 3;

/// "Felix Marsh in Dunmoor" gives "Felix Marsh": the Guardian's way of saying where from.
fn without_place(item: &str) -> &str {
    let Some((name, place)) = item.split_once(" in ") else {
        return item;
    };
    let capitalised = place
        .split_whitespace()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let short = place.split_whitespace().count() <= MAX_PLACE_WORDS;
    if capitalised && short {
        name.trim()
    } else {
        item
    }
}

/// Two to four name words and none of the words outlets use.
fn looks_like_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| is_name_word(w))
        && !has_outlet_word(text)
}

/// Lower-case particles that may sit inside a name ("Ursula von der Leyen").
const NAME_PARTICLES: [&str; 8] = ["de", "van", "von", "der", "da", "al", "bin", "la"];

/// "Jane", "O'Neil", "Mary-Ann", "J." or a particle; not "RFE/RL", not "2025".
fn is_name_word(word: &str) -> bool {
    if NAME_PARTICLES.contains(&word) {
        return true;
    }
    let first_upper = word.chars().next().is_some_and(char::is_uppercase);
    let initial = word.chars().count() == 2 && word.ends_with('.');
    let has_lower = word.chars().any(char::is_lowercase);
    let letters_only = word
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'));
    first_upper && (initial || has_lower) && letters_only
}

/// Each word written in capitals ("DEL-ROSARIO") in title case ("Del-Rosario"); other words,
/// initials ("J.") and particles as written.
pub fn title_case_capitals(text: &str) -> String {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            let shouted = letters >= 2 && !w.chars().any(char::is_lowercase);
            let name_chars = w
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'));
            if shouted && name_chars {
                w.split('-')
                    .map(title_case_part)
                    .collect::<Vec<_>>()
                    .join("-")
            } else {
                w.to_string()
            }
        })
        .collect();
    words.join(" ")
}

/// "O'NEILL" gives "O'Neill", "MCDONALD" "McDonald", "MACLEOD" "MacLeod", "MACHADO" "Machado".
fn title_case_part(part: &str) -> String {
    let pieces: Vec<String> = part.split(['\'', '’']).map(capitalise).collect();
    let apostrophe = if part.contains('’') { "’" } else { "'" };
    pieces.join(apostrophe)
}

/// "Mac" names shorter than this are ordinary words ("Mack", "Macey"): no capital after "Mac".
const MIN_MAC_NAME: usize = 7;
/// Longer names that start with "Mac" but are not "Mac" + a name.
const NOT_MAC: [&str; 6] = ["machado", "machida", "macedo", "machin", "macias", "macron"];

fn capitalise(piece: &str) -> String {
    let lower = piece.to_lowercase();
    let prefix_len = if lower.starts_with("mc") && lower.chars().count() > 2 {
        2
    } else if lower.starts_with("mac")
        && lower.chars().count() >= MIN_MAC_NAME
        && !NOT_MAC.contains(&lower.as_str())
    {
        3
    } else {
        0
    };
    let (prefix, rest) = lower.split_at(prefix_len);
    format!("{}{}", upper_first(prefix), upper_first(rest))
}

fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_in_title_case() {
        for (shouted, want) in [
            ("MARTA DEL-ROSARIO", "Marta Del-Rosario"),
            ("TOMAS MCDONALD", "Tomas McDonald"),
            ("SEAN O'NEILL", "Sean O'Neill"),
            ("ANGUS MACLEOD", "Angus MacLeod"),
            ("LUIS MACHADO", "Luis Machado"),
            ("JOE MACK", "Joe Mack"),
            ("J. ROE", "J. Roe"),
            ("Jane Roe", "Jane Roe"),
        ] {
            assert_eq!(title_case_capitals(shouted), want);
        }
    }

    #[test]
    fn lists_of_names() {
        let list = |t: &str| people_list(t).map(|n| join_names(&n));
        assert_eq!(
            list("Ana Brisk, Leo Maddox, and Ines Varga").as_deref(),
            Some("Ana Brisk, Leo Maddox and Ines Varga")
        );
        assert_eq!(
            list("JANE DOE AND JOHN ROE").as_deref(),
            Some("Jane Doe and John Roe")
        );
        assert_eq!(
            list("Felix Marsh in Port Alder").as_deref(),
            Some("Felix Marsh")
        );
        for text in [
            "Reuters",
            "the time the ministers met",
            "Northwind News",
            "",
            "Jane",
        ] {
            assert_eq!(list(text), None, "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,60}") {
            let _ = people_list(&text);
            let _ = title_case_capitals(&text.to_uppercase());
        }
    }
}
