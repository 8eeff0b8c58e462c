//! Headline and crosshead lines: their words count only where they spell a person the running
//! text has already found.

use std::collections::HashMap;
use std::ops::Range;

use super::found::{Person, Roster};
use super::key::{is_hyphen, is_suffix_key, person_key};
use super::lexicon::FxBuild;
use super::tokens::Token;

/// Name keys a headline may spell, with the person each names.
pub(super) type HeadlineForms = HashMap<String, usize, FxBuild>;

/// Longest run of headline words tried as one name.
const MAX_WORDS: usize = 4;

/// The forms a headline may spell: every written form of a person, a surname only one person
/// has, and a hyphenated surname written whole when only its person has it.
pub(super) fn headline_forms(roster: &Roster) -> HeadlineForms {
    let mut forms: HeadlineForms = roster
        .by_surname
        .iter()
        .filter_map(|(surname, owners)| match owners.as_slice() {
            [only] => Some((surname.clone(), *only)),
            _ => None,
        })
        .collect();
    for (i, p) in roster.people.iter().enumerate() {
        for alias in p.aliases.iter().map(|(form, _)| form).chain([&p.canonical]) {
            forms.insert(person_key(alias), i);
        }
        // A hyphenated surname written whole ("Vasquez-Lind") when only this person has it.
        let last_word = p
            .canonical
            .split_whitespace()
            .rev()
            .find(|w| !is_suffix_key(&person_key(w)));
        if let Some(word) = last_word.filter(|w| w.contains(is_hyphen)) {
            if roster.with_surname(&p.parts.surname).len() == 1 {
                forms.entry(person_key(word)).or_insert(i);
            }
        }
    }
    forms
}

/// Counts the people a headline line spells: at each word the longest run of up to four
/// capitalised words whose key is a known form, else the next word.
pub(super) fn match_headline(people: &mut [Person], forms: &HeadlineForms, line: &[Token]) {
    let keys = WordKeys::of(line);
    let mut key = String::new();
    let mut i = 0;
    while i < line.len() {
        let matched = (1..=MAX_WORDS).rev().find_map(|n| {
            let words = line.get(i..i + n)?;
            if !words.iter().all(|t| t.is_capitalised()) {
                return None;
            }
            keys.join(i..i + n, &mut key);
            forms.get(key.as_str()).map(|&p| (n, p))
        });
        if let Some((n, p)) = matched {
            let surface: Vec<&str> = line[i..i + n].iter().map(|t| t.text).collect();
            people[p].mention(&surface.join(" "), line[i].start);
            i += n;
        } else {
            i += 1;
        }
    }
}

/// The [`person_key`] of each capitalised word of a line, computed once: the key of a run of
/// words is their non-empty keys joined by spaces (a word holds no space or comma, where
/// `person_key` splits), so each run tried costs a join instead of keying the run anew.
struct WordKeys {
    text: String,
    /// Each word's key as a range of `text` (empty for a word with no key or not capitalised).
    spans: Vec<Range<usize>>,
}

impl WordKeys {
    fn of(line: &[Token]) -> Self {
        let mut text = String::new();
        let spans = line
            .iter()
            .map(|t| {
                let start = text.len();
                if t.is_capitalised() {
                    text.push_str(&person_key(t.text));
                }
                start..text.len()
            })
            .collect();
        WordKeys { text, spans }
    }

    /// The key of the run of words `words` (capitalised ones), into `out`.
    fn join(&self, words: Range<usize>, out: &mut String) {
        out.clear();
        let keys = self.spans[words]
            .iter()
            .filter_map(|s| self.text.get(s.clone()));
        for key in keys.filter(|k| !k.is_empty()) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(key);
        }
    }
}
