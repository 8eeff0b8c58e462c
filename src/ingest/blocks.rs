//! Body lines to blocks: paragraphs one per line or separated by blank lines (hard-wrapped lines
//! rejoined), and crossheads (short Title-Case lines between paragraphs) as headings.

use crate::model::Block;

/// Lines up to this many chars inside a blank-line separated group are read as hard-wrapped
/// continuation lines; longer lines are whole paragraphs.
const WRAP_WIDTH: usize = 100;
const CROSSHEAD_MAX_CHARS: usize = 80;
const CROSSHEAD_WORDS: std::ops::RangeInclusive<usize> = 2..=10;

/// One candidate block before headings are decided.
struct Unit {
    text: String,
    /// Made from one source line (only those can be crossheads).
    single_line: bool,
}

/// Builds the body blocks from the body's lines (already sanitized, so free of controls).
pub fn build_blocks(lines: &[&str]) -> Vec<Block> {
    let groups = blank_separated_groups(lines);
    let units: Vec<Unit> = if groups.len() <= 1 {
        groups.into_iter().flatten().map(single).collect()
    } else {
        groups.iter().flat_map(|g| group_units(g)).collect()
    };
    let count = units.len();
    units
        .into_iter()
        .enumerate()
        .map(|(i, unit)| {
            let between_paragraphs = i > 0 && i + 1 < count;
            if unit.single_line && between_paragraphs && is_crosshead(&unit.text) {
                Block::heading(unit.text)
            } else {
                Block::paragraph(unit.text)
            }
        })
        .collect()
}

fn blank_separated_groups<'a>(lines: &[&'a str]) -> Vec<Vec<&'a str>> {
    let mut groups: Vec<Vec<&str>> = Vec::new();
    let mut current = Vec::new();
    for line in lines.iter().map(|l| l.trim()) {
        if line.is_empty() {
            if !current.is_empty() {
                groups.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        groups.push(current);
    }
    groups
}

fn single(line: &str) -> Unit {
    Unit {
        text: line.to_string(),
        single_line: true,
    }
}

/// A group of lines between blank lines: a leading crosshead stands alone; the rest is one
/// hard-wrapped paragraph when its lines are short, else one paragraph per line.
fn group_units(group: &[&str]) -> Vec<Unit> {
    let (head, rest) = match group {
        [first, rest @ ..] if !rest.is_empty() && is_crosshead(first) => {
            (Some(single(first)), rest)
        }
        _ => (None, group),
    };
    let wrapped = rest.len() > 1
        && rest
            .iter()
            .rev()
            .skip(1)
            .all(|l| l.chars().count() <= WRAP_WIDTH);
    let body: Vec<Unit> = if wrapped {
        vec![Unit {
            text: join_wrapped(rest),
            single_line: false,
        }]
    } else {
        rest.iter().map(|l| single(l)).collect()
    };
    head.into_iter().chain(body).collect()
}

/// Joins hard-wrapped lines with a space; a line ending in a hyphen joins without one, keeping
/// the hyphen (right for "well-known", harmless for a split word).
fn join_wrapped(lines: &[&str]) -> String {
    let mut text = String::new();
    for line in lines {
        if !text.is_empty() && !text.ends_with('-') {
            text.push(' ');
        }
        text.push_str(line);
    }
    text
}

/// Short words Title Case leaves in lower case.
const SMALL_WORDS: [&str; 20] = [
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
    "or", "over", "the", "to", "vs", "with",
];

/// A crosshead: 2-10 words, at most 80 chars, starting with a capital, every word capitalised
/// except small words, and ending without punctuation (a sentence ends with some).
pub fn is_crosshead(line: &str) -> bool {
    let line = line.trim();
    let starts_capital = line.chars().next().is_some_and(char::is_uppercase);
    let ends_bare = line.chars().last().is_some_and(char::is_alphanumeric);
    // The cheap tests first: every paragraph line is asked, and most end with a full stop.
    if !starts_capital || !ends_bare || line.chars().count() > CROSSHEAD_MAX_CHARS {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    CROSSHEAD_WORDS.contains(&words.len()) && words.iter().all(|w| is_title_case_word(w))
}

fn is_title_case_word(word: &str) -> bool {
    match word.chars().find(|c| c.is_alphanumeric()) {
        Some(c) if c.is_uppercase() || c.is_numeric() => true,
        Some(_) => SMALL_WORDS.contains(&word.to_lowercase().as_str()),
        None => matches!(word, "-" | "–" | "—" | "&"),
    }
}

#[cfg(test)]
mod tests;
