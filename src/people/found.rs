//! The people found in one article as they are assembled: each with its name forms, counts and
//! first position, indexed by surname and by first given name.

use std::collections::HashMap;

use super::lexicon::FxBuild;
use super::merge::NameParts;
use crate::model::PersonMention;

/// A person being assembled from an article's mentions.
pub(super) struct Person {
    pub(super) canonical: String,
    pub(super) canonical_words: usize,
    pub(super) parts: NameParts,
    /// Surface forms with where each was first seen; forms differing only in case are one.
    pub(super) aliases: Vec<(String, usize)>,
    pub(super) mentions: u32,
    pub(super) first_pos: usize,
}

impl Person {
    pub(super) fn new(surface: &str, name_words: usize, pos: usize) -> Self {
        Person {
            canonical: surface.to_string(),
            canonical_words: name_words,
            parts: NameParts::of(surface),
            aliases: Vec::new(),
            mentions: 0,
            first_pos: pos,
        }
    }

    pub(super) fn mention(&mut self, surface: &str, pos: usize) {
        self.mentions += 1;
        self.first_pos = self.first_pos.min(pos);
        let lower = |s: &str| s.chars().flat_map(char::to_lowercase).collect::<Vec<_>>();
        let same_form = |a: &String| {
            a.len() == surface.len()
                && (a.eq_ignore_ascii_case(surface)
                    || (!(a.is_ascii() && surface.is_ascii()) && lower(a) == lower(surface)))
        };
        match self.aliases.iter_mut().find(|(a, _)| same_form(a)) {
            Some((form, seen)) => {
                // Keep the earliest position, and a mixed-case spelling over a shouted one.
                if is_shouted(form) && !is_shouted(surface) {
                    *form = surface.to_string();
                }
                *seen = (*seen).min(pos);
            }
            None => self.aliases.push((surface.to_string(), pos)),
        }
    }

    pub(super) fn into_mention(mut self) -> PersonMention {
        self.aliases.sort_by_key(|(_, pos)| *pos);
        PersonMention {
            name: self.canonical,
            aliases: self.aliases.into_iter().map(|(form, _)| form).collect(),
            mentions: self.mentions,
            first_pos: self.first_pos,
        }
    }
}

fn is_shouted(text: &str) -> bool {
    !text.chars().any(char::is_lowercase)
}

/// The people found so far, indexed by surname key so that matching stays linear in long tables.
#[derive(Default)]
pub(super) struct Roster {
    pub(super) people: Vec<Person>,
    pub(super) by_surname: HashMap<String, Vec<usize>, FxBuild>,
    /// The people of two or more words by the key of their first given name: a word used alone
    /// may name one by it ("Xi" for "Xi Jinping", "Anwar" for "Anwar Ibrahim").
    by_given: HashMap<String, Vec<usize>, FxBuild>,
}

impl Roster {
    pub(super) fn add(&mut self, person: Person) -> usize {
        let index = self.people.len();
        self.by_surname
            .entry(person.parts.surname.clone())
            .or_default()
            .push(index);
        if let Some(given) = person
            .parts
            .given
            .as_ref()
            .filter(|_| person.canonical_words > 1)
        {
            self.by_given.entry(given.clone()).or_default().push(index);
        }
        self.people.push(person);
        index
    }

    /// Indexes of the people with this surname key, first added first.
    pub(super) fn with_surname(&self, key: &str) -> &[usize] {
        self.by_surname.get(key).map_or(&[], Vec::as_slice)
    }

    /// Indexes of the people whose name opens with this given name key, first added first.
    pub(super) fn with_given(&self, key: &str) -> &[usize] {
        self.by_given.get(key).map_or(&[], Vec::as_slice)
    }
}
