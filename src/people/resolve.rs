//! From candidates to people: accepting full names, attaching surnames and headline mentions to
//! them, and counting.

use std::collections::HashSet;

use super::candidates::{is_particle_word, Candidate};
use super::found::{Person, Roster};
use super::headline;
use super::key::{person_key, surname_word_key_of};
use super::lexicon::{lexicon, FxBuild};
use super::merge::NameParts;
use super::tokens::Token;
use crate::model::PersonMention;

/// People of an article from its running-text candidates and its headline lines' tokens.
/// Words an article writes in lowercase somewhere.
pub(crate) type LowercaseWords<'a> = HashSet<&'a str, FxBuild>;

/// The surname keys of the lone-word candidates.
type SingleKeys<'a> = HashSet<&'a str, FxBuild>;

/// Keys of single words the article shows to be places (see `super::words`).
pub(crate) type PlaceWords = HashSet<String, FxBuild>;

pub(crate) fn resolve(
    candidates: &[Candidate],
    headlines: &[&[Token]],
    lowercase_words: &LowercaseWords,
    places: &PlaceWords,
) -> Vec<PersonMention> {
    let single: Vec<&Candidate> = candidates.iter().filter(|c| c.name_words == 1).collect();
    let single_keys: SingleKeys = single.iter().map(|c| c.key.as_ref()).collect();
    let mut accepted = accept_full_names(candidates, &single_keys, lowercase_words);
    // A name the article uses for a work or a prize anywhere ("the film Vera Drake", "won the
    // Golden Lantern") names no person anywhere in it.
    let things: HashSet<String, FxBuild> = candidates
        .iter()
        .filter(|c| {
            let e = &c.evidence;
            e.work_title || (e.the_before && c.name_words > 1 && !e.initial_first)
        })
        .map(|c| person_key(c.surface))
        .collect();
    if !things.is_empty() {
        for (c, ok) in candidates.iter().zip(accepted.iter_mut()) {
            *ok = *ok && !things.contains(&person_key(c.surface));
        }
    }
    let mut people = Roster::default();
    for (c, _) in candidates.iter().zip(&accepted).filter(|(_, ok)| **ok) {
        add_full_name(&mut people, c);
    }
    for (c, _) in candidates
        .iter()
        .zip(&accepted)
        .filter(|(c, ok)| !**ok && c.name_words > 1)
    {
        attach_short_form(&mut people, c);
    }
    add_lone_surnames(&mut people, &single, lowercase_words, places);
    for c in &single {
        attach_surname(&mut people, c, places);
    }
    let forms = headline::headline_forms(&people);
    for line in headlines {
        headline::match_headline(&mut people.people, &forms, line);
    }
    let mut out: Vec<PersonMention> = people
        .people
        .into_iter()
        .filter(|p| p.mentions > 0)
        .map(Person::into_mention)
        .collect();
    out.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then(a.first_pos.cmp(&b.first_pos))
    });
    out
}

/// See [`super::explain`].
pub(crate) fn explain(candidates: &[Candidate], lowercase_words: &LowercaseWords) -> Vec<String> {
    let single_keys: SingleKeys = candidates
        .iter()
        .filter(|c| c.name_words == 1)
        .map(|c| c.key.as_ref())
        .collect();
    let accepted = accept_full_names(candidates, &single_keys, lowercase_words);
    candidates
        .iter()
        .zip(accepted)
        .map(|(c, ok)| {
            format!(
                "{:?} @{} words={} accepted={} common_word={} listed={} {:?}",
                c.surface,
                c.start,
                c.name_words,
                ok,
                has_common_word(c, lowercase_words),
                c.listed_after_previous,
                c.evidence
            )
        })
        .collect()
}

/// Which candidates are full names: vouched for by themselves, or listed next to one that is
/// ("Anna Berg, Lena Holm and Eva Lind").
fn accept_full_names(
    candidates: &[Candidate],
    single_keys: &SingleKeys,
    lowercase_words: &LowercaseWords,
) -> Vec<bool> {
    let mut accepted: Vec<bool> = candidates
        .iter()
        .map(|c| c.name_words > 1 && is_full_name(c, single_keys, lowercase_words))
        .collect();
    let lex = lexicon();
    let listable = |c: &Candidate| {
        (2..=3).contains(&c.name_words)
            && !lex.is_place_words(&c.words)
            && !lex.is_brand_words(&c.words)
    };
    for i in 1..candidates.len() {
        if candidates[i].listed_after_previous && accepted[i - 1] && listable(&candidates[i]) {
            accepted[i] = true;
        }
    }
    for i in (0..candidates.len().saturating_sub(1)).rev() {
        if candidates[i + 1].listed_after_previous && accepted[i + 1] && listable(&candidates[i]) {
            accepted[i] = true;
        }
    }
    accepted
}

/// A run of two or more name words is a person when something vouches for it: a known given name,
/// an initial, a title, a speech verb, an apposition; or, when none of its words is also written in
/// lowercase in the article ("Gross Domestic Product"), a results-table or byline position, a
/// nationality before it, or its last word used alone elsewhere.
fn is_full_name(c: &Candidate, single_keys: &SingleKeys, lowercase_words: &LowercaseWords) -> bool {
    let e = &c.evidence;
    let surname_reused = c
        .words
        .last()
        .is_some_and(|w| single_keys.contains(surname_word_key_of(w, w).as_ref()));
    let lex = lexicon();
    !lex.is_place_words(&c.words)
        && !lex.is_brand_words(&c.words)
        && !looks_like_a_team(c)
        && !e.org_before
        && (e.given_first
            || e.initial_first
            || e.strong_context()
            || (!has_common_word(c, lowercase_words)
                && (e.table_after
                    || e.whole_block
                    || e.origin_before
                    || e.roster
                    || surname_reused)))
}

fn has_common_word(c: &Candidate, lowercase_words: &LowercaseWords) -> bool {
    c.words
        .iter()
        .any(|w| !is_particle_word(w) && lowercase_words.contains(w))
}

/// "Houston Astros", "Bayern Munich": a place first with a plural after it, or a place last
/// behind a word that is no given name.
fn looks_like_a_team(c: &Candidate) -> bool {
    let lex = lexicon();
    let (Some(first), Some(last)) = (c.words.first(), c.words.last()) else {
        return false;
    };
    (lex.is_place(first) && last.ends_with('s') && !lex.is_surname(last) && !c.evidence.title)
        || (lex.is_place(last) && !lex.is_given(first) && !c.evidence.initial_first)
}

fn add_full_name(roster: &mut Roster, c: &Candidate) {
    let parts = NameParts::of(c.surface);
    let found = roster
        .with_surname(&parts.surname)
        .iter()
        .copied()
        .find(|&i| roster.people[i].parts.same_person(&parts))
        .or_else(|| longer_form_of(roster, c));
    let index = found.unwrap_or_else(|| roster.add(Person::new(c.surface, c.name_words, c.start)));
    let person = &mut roster.people[index];
    if c.name_words > person.canonical_words {
        person.canonical = c.surface.to_string();
        person.canonical_words = c.name_words;
        person.parts = NameParts::of(c.surface);
    }
    person.mention(c.surface, c.start);
}

/// The person already found whose name ends in this run's words, when the run has no given name
/// of its own: a two-word surname used alone ("Vasquez Lind" after "Teodor Vasquez Lind").
fn longer_form_of(roster: &Roster, c: &Candidate) -> Option<usize> {
    if c.name_words < 2 || c.evidence.given_first || c.evidence.initial_first {
        return None;
    }
    let key = person_key(c.surface);
    let tail = format!(" {key}");
    let surname = key.rsplit(' ').next()?;
    roster
        .with_surname(surname)
        .iter()
        .copied()
        .find(|&i| person_key(&roster.people[i].canonical).ends_with(&tail))
}

/// A run nothing vouches for still counts when it is a shorter form of a person already found
/// ("De Vries" after "Femke de Vries").
fn attach_short_form(roster: &mut Roster, c: &Candidate) {
    let parts = NameParts::of(c.surface);
    let people = &roster.people;
    let matching = roster
        .with_surname(&parts.surname)
        .iter()
        .copied()
        .filter(|&i| people[i].parts.same_person(&parts));
    let chosen = matching
        .min_by_key(|&i| {
            (
                people[i].first_pos > c.start,
                people[i].first_pos.abs_diff(c.start),
            )
        })
        .or_else(|| longer_form_of(roster, c));
    if let Some(i) = chosen {
        roster.people[i].mention(c.surface, c.start);
    }
}

/// Surnames used alone that no full name introduced: a person only when some use of the word has
/// strong context ("President Putin", "Putin said", "Hnatov, chief of staff"), and never a word the
/// article shows to be a place ("in Dravik") or that opens an organisation's name ("Dravik Rovers").
fn add_lone_surnames(
    roster: &mut Roster,
    single: &[&Candidate],
    lowercase_words: &LowercaseWords,
    places: &PlaceWords,
) {
    let lex = lexicon();
    for c in single {
        let key: &str = &c.key;
        let known = || {
            !roster.with_surname(key).is_empty()
                || (!c.evidence.royal && !roster.with_given(key).is_empty())
        };
        let listed = || {
            c.words
                .first()
                .is_some_and(|w| lex.is_never_a_name(w) || lowercase_words.contains(w))
        };
        let e = &c.evidence;
        // "Officials said", "Ericsson said" open sentences: a word opening one is a speaker with
        // a speech verb only when a personal pronoun follows ("Zendaya told reporters she"), and
        // when it is no plural, adverb or contraction ("Prosecutors said he", "Sadly", "I've").
        let one_word = || {
            let w = c.surface;
            !w.contains(['\'', '’']) && !["s", "ly", "ing"].iter().any(|e| w.ends_with(e))
        };
        let speaker = !e.sentence_start || (e.cue_then_pronoun && one_word());
        let vouched = e.title || e.apposition || e.minute_after || e.roster || (e.cue && speaker);
        if vouched
            && !known()
            && !e.in_org_name
            && !e.org_before
            && !e.work_title
            && !e.org_after
            && !places.contains(key)
            && key.chars().count() > 1
            && !listed()
        {
            roster.add(Person::new(c.surface, 1, c.start));
        }
    }
}

/// Counts a lone surname for the person with that surname introduced nearest before it (or else
/// the first one after it). A listed word opening a sentence ("Such", "May") is not counted. A word
/// that is nobody's surname counts for a person whose name opens with it, unless the article shows
/// it to be a place: family names come first in "Xi Jinping" and "Lee Jae-myung", and "Anwar" is
/// how Malaysian copy names Anwar Ibrahim.
fn attach_surname(roster: &mut Roster, c: &Candidate, places: &PlaceWords) {
    let listed = || {
        c.words
            .first()
            .is_some_and(|w| lexicon().is_never_a_name(w))
    };
    if c.evidence.sentence_start && listed() {
        return;
    }
    let people = &roster.people;
    let mut named = roster.with_surname(&c.key);
    if named.is_empty() {
        let given = roster.with_given(&c.key);
        let place = || places.contains(c.key.as_ref()) || lexicon().is_place(&c.key);
        // A known given name, or a word the context shows to be a person's ("Megawati said"):
        // "Daewoo" alone is not "Daewoo Information" wrongly taken for a person.
        let name = || lexicon().is_given(&c.key) || c.evidence.strong_context();
        if !given.is_empty() && !c.evidence.royal && name() && !place() {
            named = given;
        }
    }
    let with_surname = named.iter().copied();
    let before = with_surname
        .clone()
        .filter(|&i| people[i].first_pos <= c.start)
        .max_by_key(|&i| people[i].first_pos);
    let chosen = before.or_else(|| with_surname.min_by_key(|&i| people[i].first_pos));
    if let Some(i) = chosen {
        roster.people[i].mention(c.surface, c.start);
    }
}
