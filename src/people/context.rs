//! What the words around a candidate name say about it: titles, speech verbs, appositions,
//! brackets and minute marks of results tables, nationalities.

use super::credits::{credit_before, photo_credit};
use super::tokens::Token;

/// What the context says about a candidate.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Evidence {
    /// A title or role comes just before ("President", "envoy", "Mr.").
    pub title: bool,
    /// It stands in a roster: a list of names a squad or team sheet introduces (see
    /// `super::lists`); set after reading.
    pub roster: bool,
    /// A royal or papal title comes just before ("Prince Charles", "Pope Leo"): the word is that
    /// person's regnal name, never the given name of someone else in the article.
    pub royal: bool,
    /// A speech verb comes just after ("said", "wrote") or, after a quote, just before.
    pub cue: bool,
    /// The speech verb after the candidate is followed, within three words, by a personal
    /// pronoun ("Federer admitted he", "Zendaya told reporters she"): the speaker is a person,
    /// not a company ("Ericsson said in a statement"). Read only for a sentence's first word.
    pub cue_then_pronoun: bool,
    /// An apposition follows: ", chief of staff", ", 45,".
    pub apposition: bool,
    /// The first word is a known given name.
    pub given_first: bool,
    /// The first word is an initial ("P. Simmons").
    pub initial_first: bool,
    /// The candidate opens a sentence, so its capital says little.
    pub sentence_start: bool,
    /// Results-table context: a bracketed country, team or role ("Anna Berg (Sweden)",
    /// "(captain)") or a scoring minute ("Berg 33rd", "(Berg 33rd)") follows.
    pub table_after: bool,
    /// A scoring minute follows ("Berg 33rd"): strong even for a lone surname.
    pub minute_after: bool,
    /// A nationality or a place's possessive comes just before ("American Roger Kingdom",
    /// "Japan's Taro Sato"): evidence for a full name only.
    pub origin_before: bool,
    /// The candidate is the whole block, as a byline is ("Anna Berg").
    pub whole_block: bool,
    /// A lowercase organisation word comes just before ("news agency Tanjug", "newspaper Le Soir").
    pub org_before: bool,
    /// It ends a longer capitalised name of a thing ("Ministry of Communities and Territories").
    pub in_org_name: bool,
    /// A determiner comes just before and nothing follows that the name would modify ("won the
    /// Golden Lantern on", "this year's Golden Lantern,"): people take no article.
    pub the_before: bool,
    /// The name of a work: a work word before or after it ("the film Vera Drake", "the Harry
    /// Potter films", "Vera Drake star ...") or a title going on ("Harry Potter and the ...").
    pub work_title: bool,
    /// A capitalised organisation word follows in the same run: the candidate opens an
    /// organisation's or a place's name ("Dravik Rovers", "Kestrel Senate").
    pub org_after: bool,
}

/// Words that name a storm: the capitalised word after one is the storm's name ("Storm Idra",
/// "Hurricane Katrina", "Tropical Storm Ana").
const STORM_WORDS: &[&str] = &["storm", "hurricane", "typhoon", "cyclone", "tornado"];

/// Lowercase words that name a kind of work: a capitalised name beside one is its title.
const WORK_WORDS: &[&str] = &[
    "film",
    "films",
    "movie",
    "movies",
    "drama",
    "comedy",
    "thriller",
    "musical",
    "novel",
    "novels",
    "book",
    "books",
    "album",
    "albums",
    "sitcom",
    "documentary",
];

/// Lowercase words that, after a capitalised name, make it a work or a prize ("the Harry Potter
/// franchise", "Vera Drake star", "Golden Lantern winner").
const WORK_OR_PRIZE_AFTER: &[&str] = &[
    "franchise",
    "sequel",
    "star",
    "stars",
    "dvd",
    "winner",
    "winners",
    "shortlist",
    "jury",
    "ceremony",
    "award",
    "awards",
    "prize",
    "nominee",
    "nominees",
    "nomination",
    "nominations",
];

/// Lowercase words that follow a noun phrase's head rather than being modified by it.
const HEAD_FOLLOWERS: &[&str] = &[
    "on", "in", "at", "for", "to", "of", "with", "by", "from", "and", "or", "but", "was", "is",
    "has", "had", "will", "would", "this", "last", "next", "after", "before", "since", "which",
    "that",
];

impl Evidence {
    /// Context strong enough to take a lone capitalised word for a surname.
    pub fn strong_context(&self) -> bool {
        self.title || self.cue || self.apposition || self.minute_after
    }

    /// Reads the context of the candidate `tokens[start..end]`; `title_in_run` says a capitalised
    /// title opened its run ("President Vladimir Putin").
    pub fn read(tokens: &[Token], start: usize, end: usize, title_in_run: bool) -> Self {
        let first = &tokens[start];
        Evidence {
            title: title_in_run
                || title_before(tokens, start)
                || credit_before(tokens, start)
                || photo_credit(tokens, start, end),
            cue: cue_after(tokens, end)
                || (cue_before(tokens, start) && !role_follows(tokens, end)),
            cue_then_pronoun: first.sentence_start && cue_then_pronoun(tokens, end),
            roster: false,
            royal: start.checked_sub(1).is_some_and(|i| {
                tokens[i].is_word && ROYAL_TITLES.contains(&tokens[i].folded.as_ref())
            }),
            apposition: apposition_after(tokens, end),
            given_first: first.facts().given(),
            initial_first: first.is_initial() && !first.facts().place(),
            sentence_start: first.sentence_start,
            in_org_name: continues_a_name(tokens, start),
            the_before: the_before(tokens, start, end),
            work_title: (work_title(tokens, start, end)
                && !(title_in_run || title_before(tokens, start)))
                || storm_name(tokens, start, end),
            org_after: tokens
                .get(end)
                .is_some_and(|t| t.is_word && t.is_capitalised() && t.facts().org_word()),
            table_after: table_after(tokens, end),
            minute_after: tokens.get(end).is_some_and(is_minute),
            origin_before: origin_before(tokens, start),
            org_before: start
                .checked_sub(1)
                .map(|i| &tokens[i])
                .is_some_and(|t| t.is_word && !t.is_capitalised() && t.facts().org_word()),
            whole_block: start == 0
                && tokens[end..].iter().all(|t| !t.is_word)
                && tokens[..end].iter().all(|t| !t.facts().stopword()),
        }
    }
}

/// A lowercase role word before the name ("envoy Steve Witkoff"), possibly closing a bracketed
/// insertion ("[Ukrainian negotiators] Andriy Hnatov").
fn title_before(tokens: &[Token], start: usize) -> bool {
    let mut i = start;
    if i > 0 && tokens[i - 1].is_punct(']') {
        i -= 1;
    }
    i > 0 && tokens[i - 1].is_word && tokens[i - 1].facts().title()
}

/// "Smith said", "Smith reportedly said", "Smith told".
fn cue_after(tokens: &[Token], end: usize) -> bool {
    let word = |i: usize| tokens.get(i).filter(|t| t.is_word);
    match word(end) {
        Some(t) if t.facts().cue() => true,
        Some(t) if t.folded.ends_with("ly") || t.folded == "has" || t.folded == "had" => {
            word(end + 1).is_some_and(|t| t.facts().cue())
        }
        _ => false,
    }
}

/// Titles before a regnal name.
const ROYAL_TITLES: &[&str] = &[
    "king", "queen", "prince", "princess", "pope", "emperor", "empress", "tsar", "czar",
];

/// Personal pronouns that name the speaker of a speech verb as a person.
const PERSONAL_PRONOUNS: &[&str] = &["he", "she", "his", "her", "him", "i", "my", "me"];

/// "Federer admitted he", "Zendaya told reporters she", `Shakira said: "I ...`: a speech verb right
/// after the name, then a personal pronoun among the next three words, before any capitalised one.
fn cue_then_pronoun(tokens: &[Token], end: usize) -> bool {
    if !tokens
        .get(end)
        .is_some_and(|t| t.is_word && t.facts().cue())
    {
        return false;
    }
    let after = tokens.iter().skip(end + 1).filter(|t| t.is_word).take(3);
    for t in after {
        if PERSONAL_PRONOUNS.contains(&t.folded.as_ref()) {
            return true;
        }
        if t.capitalised {
            return false;
        }
    }
    false
}

/// `..." said Smith` / `..., said Smith`: a speech verb after a quote or comma, then the name,
/// perhaps behind one or two lowercase words saying who the speaker is (`," said shopkeeper Ivo
/// Maslak`, `," said local resident Ana Ruiz`).
fn cue_before(tokens: &[Token], start: usize) -> bool {
    let describer = |t: &Token| {
        t.is_word
            && !t.capitalised
            && t.text.chars().all(char::is_alphabetic)
            && !t.facts().stopword()
            && !t.facts().cue()
    };
    let described = (0..=2).find(|&n| {
        start >= n + 2
            && tokens[start - n..start].iter().all(describer)
            && tokens[start - n - 1].is_word
            && tokens[start - n - 1].facts().cue()
    });
    described.is_some_and(|n| {
        let before = &tokens[start - n - 2];
        before.is_punct(',') || before.is_punct('"') || before.is_punct('”')
    })
}

/// ", chief of staff" / ", the party leader" / ", 45," after the name.
fn apposition_after(tokens: &[Token], end: usize) -> bool {
    if !tokens.get(end).is_some_and(|t| t.is_punct(',')) {
        return false;
    }
    let next = |k: usize| tokens.get(end + k).filter(|t| t.is_word);
    let role =
        |t: &Token| t.text.chars().next().is_some_and(char::is_lowercase) && t.facts().title();
    // ", Chairman of the ..." takes a capital.
    let capital_role = |t: &Token| t.facts().title() && next(2).is_some_and(|t| t.folded == "of");
    match next(1) {
        Some(t) if capital_role(t) => true,
        Some(t) if role(t) => true,
        Some(t) if matches!(t.folded.as_ref(), "the" | "a" | "an" | "who") => {
            t.folded == "who" || next(2).is_some_and(role)
        }
        Some(t) if t.text.chars().all(|c| c.is_ascii_digit()) => {
            tokens.get(end + 2).is_some_and(|t| t.is_punct(','))
        }
        _ => false,
    }
}

/// Whether the word at `start` continues a capitalised phrase through "of", "for", "the" or a plural
/// "and" ("Ministry for Development of Communities and Territories").
fn continues_a_name(tokens: &[Token], start: usize) -> bool {
    let Some(prev) = start
        .checked_sub(1)
        .and_then(|i| tokens.get(i))
        .filter(|t| t.is_word)
    else {
        return false;
    };
    let before_is_capital = start >= 2 && tokens[start - 2].is_capitalised();
    match prev.folded.as_ref() {
        "of" | "for" | "the" => true,
        "and" => before_is_capital && tokens[start].text.ends_with('s'),
        _ => false,
    }
}

/// "(Sweden)", "(U.S.)", "(captain)", "(33rd)" or "33rd" after the name.
fn table_after(tokens: &[Token], end: usize) -> bool {
    if tokens.get(end).is_some_and(is_minute) {
        return true;
    }
    if !tokens.get(end).is_some_and(|t| t.is_punct('(')) {
        return false;
    }
    tokens.get(end + 1).is_some_and(|t| {
        (t.is_capitalised() && (!t.is_acronym() || t.facts().place()))
            || is_minute(t)
            || (t.is_word && t.facts().title())
    })
}

/// "Storm Idra", "Hurricane Katrina", "Tropical Storm Ana": a storm's name, not a person's. The
/// storm word comes before the name's last word, inside the run or just before it ("Ilse Storm"
/// is a person).
fn storm_name(tokens: &[Token], start: usize, end: usize) -> bool {
    let storm = |t: &Token| t.is_word && STORM_WORDS.contains(&t.folded.as_ref());
    start.checked_sub(1).is_some_and(|i| storm(&tokens[i]))
        || tokens[start..end.saturating_sub(1)].iter().any(storm)
}

/// An ordinal such as "33rd" or "90th": a scoring minute in football results.
fn is_minute(t: &Token) -> bool {
    let digits = t.text.bytes().take_while(u8::is_ascii_digit).count();
    t.is_word
        && (1..=3).contains(&digits)
        && matches!(&t.text[digits..], "st" | "nd" | "rd" | "th" | "min")
}

/// "American Roger Kingdom", "Frenchman Luc Moreau", "Japan's Taro Sato".
fn origin_before(tokens: &[Token], start: usize) -> bool {
    let Some(prev) = start
        .checked_sub(1)
        .map(|i| &tokens[i])
        .filter(|t| t.is_word)
    else {
        return false;
    };
    prev.facts().demonym() || (prev.possessive && prev.facts().place())
}

/// A lowercase role word right after: the capitalised words modify it ("said Sideways producer").
fn role_follows(tokens: &[Token], end: usize) -> bool {
    tokens
        .get(end)
        .is_some_and(|t| t.is_word && !t.is_capitalised() && t.facts().title())
}

/// "film Vera Drake", "Harry Potter films", "Harry Potter and the Goblet": a work, not a person.
fn work_title(tokens: &[Token], start: usize, end: usize) -> bool {
    let work_word = |t: &Token| t.is_word && !t.capitalised && WORK_WORDS.contains(&t.text);
    let before = start.checked_sub(1).is_some_and(|i| work_word(&tokens[i]));
    let after = tokens.get(end).is_some_and(|t| {
        work_word(t) || (t.is_word && !t.capitalised && WORK_OR_PRIZE_AFTER.contains(&t.text))
    });
    let goes_on = end - start >= 2
        && tokens.get(end).is_some_and(|t| t.text == "and")
        && tokens.get(end + 1).is_some_and(|t| t.folded == "the")
        && tokens.get(end + 2).is_some_and(|t| t.capitalised);
    before || after || goes_on
}

/// "won the Golden Lantern on Tuesday", "this year's Golden Lantern,": a determiner before the
/// name and no noun after it that the name would modify ("the Marc Dutroux case" is a person's).
fn the_before(tokens: &[Token], start: usize, end: usize) -> bool {
    let determiner = start
        .checked_sub(1)
        .map(|i| &tokens[i])
        .is_some_and(|t| t.is_word && (t.text == "the" || (t.possessive && !t.capitalised)));
    let modifies = tokens
        .get(end)
        .is_some_and(|t| t.is_word && !t.capitalised && !HEAD_FOLLOWERS.contains(&t.text));
    determiner && !modifies
}
