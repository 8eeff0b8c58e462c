//! Candidate names in running text: runs of capitalised words, cut at titles, places and
//! organisation words, with the context that says whether a run is a person.

use std::borrow::Cow;
use std::ops::Range;

use super::context::Evidence;
use super::key::surname_word_key_of;
use super::lexicon::{lexicon, Lexicon, MAX_PLACE_WORDS};
use super::lists;
use super::tokens::Token;

/// A stretch of running text that may name a person.
#[derive(Debug, Clone)]
pub(crate) struct Candidate<'a> {
    /// The name as written ("Volodymyr Zelenskyy", "van der Berg").
    pub surface: &'a str,
    /// [`surname_word_key`] of the last word: the surname key when the candidate is a person.
    pub key: Cow<'a, str>,
    /// Folded name words, particles included.
    pub words: Vec<&'a str>,
    /// How many words are not particles ("Nikolaus van der Pas" has 2).
    pub name_words: usize,
    pub start: usize,
    /// Its tokens in the segment's tokens.
    pub tokens: Range<usize>,
    pub evidence: Evidence,
    /// Only ", " or " and " separate it from the previous candidate: the two are list items.
    pub listed_after_previous: bool,
}

/// Lowercase words that join the parts of a name ("Ludwig van Beethoven", "Osama bin Laden").
const PARTICLES: &[&str] = &[
    "de", "da", "di", "del", "della", "der", "den", "van", "von", "le", "la", "du", "dos", "das",
    "bin", "ibn", "al", "el", "ter", "ten", "zu", "y",
];

/// Longest run of name words taken as one name; longer runs are titles of things.
const MAX_NAME_WORDS: usize = 4;

/// Appends the candidates of one running-text segment (`text`, starting at byte `offset` of the
/// article) to `out`, in order.
pub(crate) fn find_candidates<'a>(
    text: &'a str,
    offset: usize,
    tokens: &'a [Token<'a>],
    out: &mut Vec<Candidate<'a>>,
) {
    let segment = Segment { text, offset };
    let lex = lexicon();
    let mut previous_end = None;
    let mut parts = Vec::new();
    let first = out.len();
    let mut i = 0;
    while i < tokens.len() {
        if !is_name_like(&tokens[i]) {
            i += 1;
            continue;
        }
        let run_end = run_end(tokens, i);
        if run_end == i + 1 && is_sentence_opener(&tokens[i]) {
            // "The", "But" opening a sentence: resolution would ignore it and it breaks any list.
            previous_end = None;
            i = run_end;
            continue;
        }
        // Other lone words are kept even when listed: one may still be a surname introduced
        // elsewhere ("off-spinner Such"); resolution decides.
        parts.clear();
        match run_end - i {
            1 => parts.push((0..1, false)),
            _ => split_run(lex, &tokens[i..run_end], &mut parts),
        }
        for (part, title) in parts.drain(..) {
            let (start, end) = (i + part.start, i + part.end);
            if let Some(mut c) = candidate(&segment, tokens, start, end, title) {
                c.listed_after_previous =
                    previous_end.is_some_and(|e| is_list_joint(tokens, e, start));
                out.push(c);
            }
            previous_end = Some(end);
        }
        i = run_end;
    }
    if let Some(found) = out.get_mut(first..) {
        if found.len() >= 3 {
            lists::mark_rosters(tokens, found);
        }
    }
}

/// Most words are neither capitalised nor prefixed ("al-Assad"): this settles those inline.
#[inline(always)]
fn is_name_like(t: &Token) -> bool {
    let maybe_prefixed = t.text.as_bytes().get(2) == Some(&b'-');
    t.is_word && (t.capitalised || maybe_prefixed) && is_name_shaped(t)
}

/// [`is_name_like`] of a capitalised or maybe prefixed word.
fn is_name_shaped(t: &Token) -> bool {
    if t.text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    // The usual shape, "Putin": a capital, then a lowercase letter, no hyphen.
    let bytes = t.text.as_bytes();
    if t.capitalised && bytes.get(1).is_some_and(u8::is_ascii_lowercase) && !bytes.contains(&b'-') {
        return true;
    }
    // "Russia-occupied" is not a name; "Jean-Claude" and "Inzamam-ul-Haq" are.
    let lower_part = t.text.contains('-')
        && t.text
            .rsplit('-')
            .next()
            .is_some_and(|p| !p.starts_with(char::is_uppercase));
    let prefixed = ["al-", "el-", "ad-", "as-"].iter().any(|p| {
        t.text
            .strip_prefix(p)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_uppercase)
    });
    t.is_initial()
        || prefixed
        || (t.is_capitalised()
            && (!lower_part || is_syllable_pair(t.text))
            && !t.is_acronym()
            && t.text.chars().count() > 1)
}

/// Lowercase second parts that make an English compound, not a name ("Hamas-run", "Covid-era").
const COMPOUND_TAILS: &[&str] = &[
    "era", "run", "made", "bound", "free", "wide", "like", "type", "born", "style", "long", "term",
    "time", "year", "day", "week", "war", "poll", "only", "owned", "up", "out", "off", "on", "all",
    "old", "new", "rich", "poor", "size", "high", "low", "zone", "area", "hit", "ish", "less",
    "proof", "fed", "led", "to", "way", "side", "line", "back", "half", "hand", "arm", "field",
    "held", "built", "won", "lost", "set", "cut", "shot", "torn", "sent", "kept", "left", "paid",
    "sold", "told", "hold", "lit", "rich", "dead", "fest", "gate",
];

/// "Jae-myung", "Jong-un", "Seong-dong": a hyphenated East Asian given name, its second syllable
/// in lowercase; two short ASCII parts, the second no English compound's ("Kremlin-backed",
/// "Hamas-run" are no names).
fn is_syllable_pair(word: &str) -> bool {
    let Some((first, second)) = word.split_once('-') else {
        return false;
    };
    (2..=5).contains(&first.len())
        && (2..=5).contains(&second.len())
        && first.bytes().skip(1).all(|b| b.is_ascii_lowercase())
        && second.bytes().all(|b| b.is_ascii_lowercase())
        && !["ed", "er", "ing", "ly", "s"]
            .iter()
            .any(|e| second.ends_with(e))
        && !COMPOUND_TAILS.contains(&second)
}

/// A lone capitalised stopword opening a sentence: never a name, and resolution never counts it.
fn is_sentence_opener(t: &Token) -> bool {
    t.sentence_start && t.facts().stopword()
}

/// A folded word that joins name parts ("van", "bin").
pub(crate) fn is_particle_word(folded: &str) -> bool {
    PARTICLES.contains(&folded)
}

pub(crate) fn is_particle(t: &Token) -> bool {
    t.is_word && PARTICLES.contains(&t.text)
}

/// End (exclusive) of the run of name words starting at `start`; particles may join two name words,
/// a quoted nickname may stand between two (`Earvin "Magic" Johnson`) and a numeral may end it
/// ("Charles III", "Thaddeus Okoro III").
fn run_end(tokens: &[Token], start: usize) -> usize {
    let mut end = start + 1;
    while !tokens[end - 1].possessive {
        let mut next = end;
        while next < tokens.len() && next < end + 2 && is_particle(&tokens[next]) {
            next += 1;
        }
        // A capital opening a sentence says nothing, and a participle is no name: "Americanised
        // "Jimmy" Bond" has no nickname.
        if next == end && tokens.get(end).is_some_and(|t| !t.is_word) {
            let before = &tokens[end - 1];
            let named = !before.sentence_start && !before.folded.ends_with("ed");
            if named || before.facts().given() {
                next += nickname_len(&tokens[end..]);
            }
        }
        if next < tokens.len() && is_name_like(&tokens[next]) {
            end = next + 1;
        } else {
            // "Charles III", "Thaddeus Okoro III"; not "Soul II Soul", a name going on.
            let goes_on = tokens
                .get(end + 1)
                .is_some_and(|t| t.is_word && t.capitalised);
            if !goes_on && tokens.get(end).is_some_and(|t| is_numeral(t.text)) {
                end += 1;
            }
            break;
        }
    }
    end
}

/// Roman numerals of monarchs, popes and generations (not "V" or "X", which are also letters).
const NUMERALS: &[&str] = &[
    "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV", "XV", "XVI",
];

fn is_numeral(word: &str) -> bool {
    matches!(word.as_bytes(), [b'I' | b'V' | b'X', _, ..])
        && word.len() <= 4
        && NUMERALS.contains(&word)
}

/// How many tokens a quoted nickname takes at the start of `tokens` (`"Magic"`, `“Jay”`): an
/// opening mark, one capitalised word, a closing mark; 0 if there is none.
fn nickname_len(tokens: &[Token]) -> usize {
    let quote = |t: &Token, marks: &[char]| !t.is_word && t.text.starts_with(marks);
    match tokens {
        [open, word, close, ..]
            if quote(open, &['"', '“', '\''])
                && word.is_word
                && word.capitalised
                && !word.possessive
                && quote(close, &['"', '”', '\'', '’']) =>
        {
            3
        }
        _ => 0,
    }
}

/// Cuts a run at the words no name contains (titles, places, organisation words, nationalities),
/// appending each remaining part and whether a title came right before it to `parts` (empty).
fn split_run(lex: &Lexicon, run: &[Token], parts: &mut Vec<(Range<usize>, bool)>) {
    let (mut part_start, mut title_before, mut part_title) = (None, false, false);
    let mut i = 0;
    while i < run.len() {
        let facts = run[i].facts();
        let place_len = if facts.place_opener() {
            place_len_at(lex, &run[i..])
        } else {
            0
        };
        let breaks = place_len > 0 || breaks_run(run, i, part_start.is_none());
        if breaks {
            if let Some(s) = part_start.take() {
                parts.push((s..i, part_title));
            }
            title_before = place_len == 0 && facts.title();
            i += place_len.max(1);
            continue;
        }
        if part_start.is_none() {
            part_start = Some(i);
            part_title = title_before;
        }
        i += 1;
    }
    if let Some(s) = part_start {
        parts.push((s..run.len(), part_title));
    }
    let mut kept = 0;
    for k in 0..parts.len() {
        let (r, title) = parts[k].clone();
        if let Some(r) = trim_particles(run, r) {
            parts[kept] = (drop_opener(run, r), title);
            kept += 1;
        }
    }
    parts.truncate(kept);
}

/// [`Lexicon::place_len_at`] of the words starting a run.
fn place_len_at(lex: &Lexicon, run: &[Token]) -> usize {
    let mut words = [""; MAX_PLACE_WORDS];
    let n = run.len().min(MAX_PLACE_WORDS);
    for (w, t) in words.iter_mut().zip(run) {
        *w = t.folded.as_ref();
    }
    lex.place_len_at(&words[..n])
}

/// "Oriole Jamie Moyer", "Accountant Ana Ruiz": a word glued before a given name that is itself no
/// given name (or initial) is not part of the name.
fn drop_opener(run: &[Token], r: Range<usize>) -> Range<usize> {
    if r.len() < 3 {
        return r;
    }
    let named = |t: &Token| t.facts().given() || t.is_initial();
    let (first, second) = (&run[r.start], &run[r.start + 1]);
    if !named(first) && !is_particle(second) && named(second) {
        r.start + 1..r.end
    } else {
        r
    }
}

/// Whether word `i` of a run cannot belong to a name. A part's first word is held to every list;
/// later words only to the lists that rarely hold surnames, and a title word ending the run is
/// kept ("John Major", "Martin Luther King").
fn breaks_run(run: &[Token], i: usize, opens_part: bool) -> bool {
    let f = run[i].facts();
    if opens_part {
        // "captain Will Carling": a given name that is also a common word, mid-sentence and
        // followed by another name word, is a name.
        let will_carling = f.given_stopword() && !run[i].sentence_start && i + 1 < run.len();
        let listed = (f.stopword() && !will_carling) || f.title() || f.org_word() || f.demonym();
        // "Park Ji-hoon": a family name before a hyphenated given name is a name, whatever else
        // the word is ("park").
        let family_first =
            run.get(i + 1).is_some_and(|t| is_syllable_pair(t.text)) && !f.stopword() && !f.title();
        return !is_particle(&run[i]) && !family_first && (listed || (f.place() && !f.given()));
    }
    let last = i + 1 == run.len();
    (f.title() && !last) || f.org_word() || f.demonym() || (f.region() && !f.given())
}

fn trim_particles(run: &[Token], r: Range<usize>) -> Option<Range<usize>> {
    let (mut s, mut e) = (r.start, r.end);
    // A numeral opens no name ("World War II" leaves "II").
    while s < e && (is_particle(&run[s]) || is_numeral(run[s].text) || !run[s].is_word) {
        s += 1;
    }
    while e > s && is_particle(&run[e - 1]) {
        e -= 1;
    }
    (s < e).then_some(s..e)
}

/// A segment's text and where it starts in the article text.
struct Segment<'a> {
    text: &'a str,
    offset: usize,
}

fn candidate<'a>(
    segment: &Segment<'a>,
    tokens: &'a [Token<'a>],
    start: usize,
    end: usize,
    title_in_run: bool,
) -> Option<Candidate<'a>> {
    let part = &tokens[start..end];
    let name_words = part.iter().filter(|t| t.is_word && !is_particle(t)).count();
    if name_words > MAX_NAME_WORDS {
        return None;
    }
    let (first, last) = (&part[0], &part[part.len() - 1]);
    let evidence = Evidence::read(tokens, start, end, title_in_run);
    Some(Candidate {
        surface: segment
            .text
            .get(first.start.checked_sub(segment.offset)?..last.end.checked_sub(segment.offset)?)?,
        // Only a lone word's key is looked up (as a surname); a longer name's is not needed.
        key: if name_words == 1 {
            surname_word_key_of(last.text, &last.folded)
        } else {
            Cow::Borrowed("")
        },
        words: part
            .iter()
            .filter(|t| t.is_word)
            .map(|t| t.folded.as_ref())
            .collect(),
        name_words,
        start: first.start,
        tokens: start..end,
        evidence,
        listed_after_previous: false,
    })
}

/// Whether tokens `previous_end..start` are just a list joint: "," or "and" / "&" / "or", or in a
/// results table a comma after scores ("Anna Berg 68 66, Lena Holm 70 71").
fn is_list_joint(tokens: &[Token], previous_end: usize, start: usize) -> bool {
    let between = &tokens[previous_end..start];
    let is_number =
        |t: &Token| t.is_word && t.text.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    match between {
        [t] => t.is_punct(',') || matches!(t.folded.as_ref(), "and" | "or" | "&"),
        [numbers @ .., comma] if between.len() <= 5 => {
            comma.is_punct(',') && numbers.iter().all(is_number)
        }
        _ => false,
    }
}
