//! Rosters: lone surnames in a list that a squad or a team sheet introduces ("the squad included
//! Achterberg, Dembinski and Fairclough", "Kestrel United: Vardakis; Moreau, Osei, Hallett").
//! Each is a person, as a results table's names are, with no other context.

use std::ops::Range;

use super::candidates::Candidate;
use super::tokens::Token;

/// Words that introduce a list of players in the same sentence.
const ROSTER_WORDS: &[&str] = &[
    "squad",
    "squads",
    "lineup",
    "line-up",
    "roster",
    "team",
    "side",
    "xi",
    "substitutes",
    "subs",
    "bench",
    "starters",
];

/// Fewest names in a roster: two names are a pair, not a list.
const MIN_ROSTER: usize = 3;
/// How far back in its sentence a list's roster word is looked for.
const MAX_LOOKBACK: usize = 12;

/// Marks the candidates of one segment (`found`, with the segment's `tokens`) that stand in
/// a roster: three or more names of at most three words each, joined by ",", ";" or "and", after a
/// colon ("Kestrel United: ...", "Did not bat: ...") or a roster word in their sentence.
pub(crate) fn mark_rosters(tokens: &[Token], found: &mut [Candidate]) {
    let mut i = 0;
    while i < found.len() {
        let mut end = i + 1;
        while end < found.len() && joined(tokens, &found[end - 1].tokens, &found[end].tokens) {
            end += 1;
        }
        let short = found[i..end].iter().all(|c| c.name_words <= 3);
        if end - i >= MIN_ROSTER && short && introduced(tokens, found[i].tokens.start) {
            for c in &mut found[i..end] {
                c.evidence.roster = true;
            }
        }
        i = end;
    }
}

/// Whether only a list joint stands between two names: ",", ";", "and" or "&".
fn joined(tokens: &[Token], previous: &Range<usize>, next: &Range<usize>) -> bool {
    match tokens.get(previous.end..next.start) {
        Some([t]) => t.is_punct(',') || t.is_punct(';') || matches!(t.folded.as_ref(), "and" | "&"),
        _ => false,
    }
}

/// A colon right before the list's first name after a team's name or a roster word ("Kestrel
/// United:", "Subs:", "Did not bat:"; not "three companies:"), or a roster word earlier in its
/// sentence.
fn introduced(tokens: &[Token], first: usize) -> bool {
    if first >= 2 && tokens[first - 1].is_punct(':') {
        let head = &tokens[first - 2];
        let roster = ROSTER_WORDS.contains(&head.folded.as_ref()) || head.folded == "bat";
        return head.is_word && (roster || (head.capitalised && !head.is_acronym()));
    }
    let before = tokens[first.saturating_sub(MAX_LOOKBACK)..first]
        .iter()
        .rev();
    for t in before {
        if t.is_punct('.') || t.is_punct('!') || t.is_punct('?') || t.is_punct(';') {
            return false;
        }
        if t.is_word && ROSTER_WORDS.contains(&t.folded.as_ref()) {
            return true;
        }
    }
    false
}
