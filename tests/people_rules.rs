//! One fictional sentence or two per rule of people extraction: what counts as a name, what is
//! stripped, what never counts, and how mentions are attributed.

use byline::model::{Block, PersonMention};
use byline::people::{extract, same_person};
use proptest::prelude::*;

fn people(title: &str, paragraphs: &[&str]) -> Vec<PersonMention> {
    let body: Vec<Block> = paragraphs.iter().map(|p| Block::paragraph(*p)).collect();
    extract(title, &body)
}

fn names(found: &[PersonMention]) -> Vec<&str> {
    found.iter().map(|p| p.name.as_str()).collect()
}

#[test]
fn titles_are_stripped_but_vouch_for_the_name() {
    let found = people("", &["Finance Minister Ilse Brandauer met Dr. Okonkwo Adebayo and Mrs Tamsin Greer on Monday."]);
    assert_eq!(
        names(&found),
        ["Ilse Brandauer", "Okonkwo Adebayo", "Tamsin Greer"]
    );
}

#[test]
fn initials_particles_hyphens_apostrophes_and_suffixes_stay_in_the_name() {
    let found = people(
        "",
        &[
            "Harold J. Whitcombe spoke after Jean-Luc O'Rourke and Ludo van der Hoek.",
            "Calvin Marsh Jr. said the vote was close. Marsh said he would appeal.",
        ],
    );
    assert_eq!(
        names(&found),
        [
            "Calvin Marsh Jr.",
            "Harold J. Whitcombe",
            "Jean-Luc O'Rourke",
            "Ludo van der Hoek"
        ]
    );
    assert_eq!(found[0].aliases, ["Calvin Marsh Jr.", "Marsh"]);
}

#[test]
fn speech_verbs_and_appositions_carry_unknown_names() {
    let found = people(
        "",
        &["\"We will rebuild,\" Zoltarn Vekesh told the council. Vekesh, the mayor, left early."],
    );
    assert_eq!(names(&found), ["Zoltarn Vekesh"]);
    assert_eq!(found[0].mentions, 2);
}

#[test]
fn lone_surnames_need_strong_context() {
    assert_eq!(
        names(&people(
            "",
            &["The plan was drafted by Quennell last spring."]
        )),
        Vec::<&str>::new()
    );
    let found = people(
        "",
        &["The plan was drafted last spring, Quennell said. Later Quennell resigned."],
    );
    assert_eq!(names(&found), ["Quennell"]);
    assert_eq!(found[0].mentions, 2);
    assert_eq!(
        names(&people("", &["Mr Quennell declined to comment."])),
        ["Quennell"]
    );
}

#[test]
fn surnames_attach_to_the_full_name_introduced_anywhere() {
    let found = people(
        "",
        &[
            "Brakstad said little.",
            "Later, envoy Ingrid Brakstad arrived. Brakstad smiled.",
        ],
    );
    assert_eq!(names(&found), ["Ingrid Brakstad"]);
    assert_eq!(found[0].mentions, 3);
    assert_eq!(found[0].aliases, ["Brakstad", "Ingrid Brakstad"]);
}

#[test]
fn places_organisations_calendar_words_and_nationalities_are_not_people() {
    let found = people(
        "",
        &[
            "On Tuesday in March, the Ministry of Fisheries said Norway and New Zealand agreed.",
            "British and Ukrainian officials met at the Kremlin. Reuters said Paris would host.",
            "The Coalition of the Willing met in Kyiv. Moscow said nothing.",
        ],
    );
    assert_eq!(names(&found), Vec::<&str>::new());
}

#[test]
fn sentence_initial_capitals_are_not_people() {
    let found = people(
        "",
        &["Yesterday Parliament voted. Meanwhile Officials said the Budget Committee agreed."],
    );
    assert_eq!(names(&found), Vec::<&str>::new());
}

#[test]
fn headlines_only_count_people_found_in_the_text() {
    let title = "Brakstad Wins Harbour Vote, Rivals Seen Weakened In Tromso";
    let body = [
        Block::paragraph("Ingrid Brakstad won the vote on Friday."),
        Block::heading("Brakstad Due In Oslo For Talks"),
        Block::paragraph("Rivals said the result was expected."),
    ];
    let found = extract(title, &body);
    assert_eq!(names(&found), ["Ingrid Brakstad"]);
    assert_eq!(found[0].mentions, 3);
    assert_eq!(found[0].first_pos, 0);
}

#[test]
fn most_mentioned_first_then_first_mentioned() {
    let found = people("", &["Anna Lindqvist met Peter Haraldsen. Haraldsen said no. Haraldsen left. Lindqvist stayed."]);
    assert_eq!(names(&found), ["Peter Haraldsen", "Anna Lindqvist"]);
    assert_eq!((found[0].mentions, found[1].mentions), (3, 2));
}

#[test]
fn two_people_sharing_a_surname_stay_apart() {
    let found = people("", &["Marta Kessler said yes and Tomas Kessler said no."]);
    assert_eq!(names(&found), ["Marta Kessler", "Tomas Kessler"]);
}

#[test]
fn same_person_is_conservative() {
    assert!(same_person("Volodymyr Zelenskyy", "Zelenskyy"));
    assert!(same_person("Volodymyr Zelenskyy", "V. Zelensky"));
    assert!(!same_person("Marta Kessler", "Tomas Kessler"));
}

#[test]
fn positions_are_byte_offsets_in_title_newline_body() {
    let found = people("Café Talks", &["Über alles, Ingrid Brakstad said."]);
    let text = "Café Talks\nÜber alles, Ingrid Brakstad said.";
    assert_eq!(
        &text[found[0].first_pos..found[0].first_pos + 15],
        "Ingrid Brakstad"
    );
}

proptest! {
    #[test]
    fn never_panics_and_positions_are_char_boundaries(title in "\\PC{0,40}", paras in prop::collection::vec("(\\PC|[A-Z][a-z]+ |['’.\\-] ){0,60}", 0..4)) {
        let body: Vec<Block> = paras.iter().map(|p| Block::paragraph(p.as_str())).collect();
        let text = format!("{title}\n{}", byline::model::join_blocks(&body));
        for person in extract(&title, &body) {
            prop_assert!(text.is_char_boundary(person.first_pos) && person.first_pos < text.len());
            prop_assert!(person.mentions >= 1 && !person.aliases.is_empty());
        }
    }
}

#[test]
fn long_results_tables_stay_linear_and_separate() {
    // 1,500 distinct invented people in one table: each is found once, none merged.
    let letters = |n: usize| -> String {
        let mut n = n;
        let mut s = String::new();
        for _ in 0..3 {
            s.push(char::from(b'a' + (n % 26) as u8));
            n /= 26;
        }
        s
    };
    let rows: Vec<String> = (0..1500)
        .map(|i| format!("Anna Zq{} (Norway) 2:0{}", letters(i), i % 10))
        .collect();
    let found = people("", &[rows.join(", ").as_str()]);
    assert_eq!(found.len(), 1500);
    assert!(found
        .iter()
        .all(|p| p.mentions == 1 && p.name.starts_with("Anna Zq")));
}

#[test]
fn results_tables_and_lists_carry_unknown_names() {
    let found = people(
        "",
        &[
            "1. Olvarn Teszky (Norway) 2:04.3",
            "Harbour City 2 (Quelmo 33rd, Brisk 71st) Portvale 1 (Danto 90th)",
            // One known given name (Peter) vouches for the whole list.
            "Squad: Tavik Ormsen, Peter Plaszny and Ebbe Halvorsk.",
        ],
    );
    let mut got = names(&found);
    got.sort_unstable();
    assert_eq!(
        got,
        [
            "Brisk",
            "Danto",
            "Ebbe Halvorsk",
            "Olvarn Teszky",
            "Peter Plaszny",
            "Quelmo",
            "Tavik Ormsen"
        ]
    );
}
