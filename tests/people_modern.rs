//! 2020s wire and web copy (issue 15): one invented article per class of name the extractor must
//! read right, in the shapes of Reuters, AP, AFP, BBC and Guardian copy. Each test checks the exact
//! set of people found, so a false person fails as surely as a missed one.

use byline::model::{Block, PersonMention};
use byline::people::extract;

fn people(title: &str, paragraphs: &[&str]) -> Vec<PersonMention> {
    let body: Vec<Block> = paragraphs.iter().map(|p| Block::paragraph(*p)).collect();
    extract(title, &body)
}

/// The names found, sorted, against the names expected, sorted.
fn assert_people(found: &[PersonMention], expected: &[&str]) {
    let mut names: Vec<&str> = found.iter().map(|p| p.name.as_str()).collect();
    names.sort_unstable();
    let mut want = expected.to_vec();
    want.sort_unstable();
    assert_eq!(names, want, "people found (left) vs expected (right)");
}

fn aliases_of<'a>(found: &'a [PersonMention], name: &str) -> Vec<&'a str> {
    found
        .iter()
        .find(|p| p.name == name)
        .map(|p| p.aliases.iter().map(String::as_str).collect())
        .unwrap_or_default()
}

#[test]
fn credit_lines_and_photo_credits_name_people() {
    let found = people(
        "Drought pushes East African grain prices to two-year high",
        &[
            "NAIROBI, March 4 (Reuters) - Wheat prices in East Africa rose for a third week on Tuesday as drought cut harvests, traders said.",
            "A farmer walks through a withered field near Nakuru, Kenya, March 2, 2026. REUTERS/Ognjen Kaltak",
            "\"We have not seen rain since November,\" said grower Wanjiru Kamau.",
            "Cattle gather at a dry water point. Photograph: Sami Kuusela/AP",
            "Traders wait at the Nairobi grain exchange. (Photo: Lerato Mbeki/AFP via Getty Images)",
            "Reporting by Mirela Tosk and Dawit Haile in Addis Ababa; Additional reporting by Chidera Okafor in Lagos; Writing by Tobiah Vance; Editing by Rosalind Pike",
        ],
    );
    assert_people(
        &found,
        &[
            "Chidera Okafor",
            "Dawit Haile",
            "Lerato Mbeki",
            "Mirela Tosk",
            "Ognjen Kaltak",
            "Rosalind Pike",
            "Sami Kuusela",
            "Tobiah Vance",
            "Wanjiru Kamau",
        ],
    );
}

#[test]
fn asian_names_family_name_first_and_hyphenated_given_names() {
    let found = people(
        "Asian leaders meet as tariffs bite",
        &[
            "SEOUL (AP) — South Korean President Lee Jae-myung met opposition leader Kwon Seong-dong on Wednesday, a day after Lee called for calm.",
            "Park Ji-hoon, 34, a shipyard worker in Ulsan, said orders had dried up.",
            "In Beijing, Chinese leader Xi Jinping told visiting executives that trade must grow. Xi did not mention tariffs.",
            "Malaysian Prime Minister Anwar Ibrahim said the region would not take sides. Anwar added that talks would go on.",
            "Indonesian President Prabowo Subianto spoke by phone with Indian Prime Minister Narendra Modi. Prabowo said the two agreed to meet.",
            "Vietnam's party chief Nguyen Phu Trong sent a message, and Sri Lankan President Anura Kumara Dissanayake arrived in Jakarta.",
        ],
    );
    assert_people(
        &found,
        &[
            "Anura Kumara Dissanayake",
            "Anwar Ibrahim",
            "Kwon Seong-dong",
            "Lee Jae-myung",
            "Narendra Modi",
            "Nguyen Phu Trong",
            "Park Ji-hoon",
            "Prabowo Subianto",
            "Xi Jinping",
        ],
    );
    assert_eq!(
        aliases_of(&found, "Lee Jae-myung"),
        ["Lee Jae-myung", "Lee"]
    );
    assert_eq!(aliases_of(&found, "Xi Jinping"), ["Xi Jinping", "Xi"]);
    assert_eq!(
        aliases_of(&found, "Anwar Ibrahim"),
        ["Anwar Ibrahim", "Anwar"]
    );
}

#[test]
fn particles_compound_surnames_and_generational_suffixes() {
    let found = people(
        "EU and Gulf leaders agree energy pact",
        &[
            "BRUSSELS (AFP) - European Commission President Ursula von der Leyen met Saudi Crown Prince Mohammed bin Salman on Monday.",
            "Von der Leyen said the pact would cut prices, and Egyptian President Abdel Fattah al-Sisi welcomed it.",
            "Brazilian President Luiz Inacio Lula da Silva and Dutch defender Virgil van Dijk attended a gala with Senator Ruairi McAllister.",
            "Thaddeus Okoro III, a lawyer for the family, said they would appeal. Okoro spoke after King Charles III arrived.",
        ],
    );
    assert_people(
        &found,
        &[
            "Abdel Fattah al-Sisi",
            "Charles III",
            "Luiz Inacio Lula da Silva",
            "Mohammed bin Salman",
            "Ruairi McAllister",
            "Thaddeus Okoro III",
            "Ursula von der Leyen",
            "Virgil van Dijk",
        ],
    );
    assert_eq!(
        aliases_of(&found, "Ursula von der Leyen"),
        ["Ursula von der Leyen", "Von der Leyen"]
    );
    assert_eq!(
        aliases_of(&found, "Thaddeus Okoro III"),
        ["Thaddeus Okoro III", "Okoro"]
    );
}

#[test]
fn quoted_nicknames_stay_inside_the_name() {
    let found = people(
        "Lakers legend backs new arena",
        &[
            "LOS ANGELES (AP) — Earvin \"Magic\" Johnson said on Friday he would invest in the arena.",
            "Johnson, 66, was joined by former striker Jairzinho “Jay” Okafor, who said the city needed it.",
        ],
    );
    assert_people(
        &found,
        &["Earvin \"Magic\" Johnson", "Jairzinho “Jay” Okafor"],
    );
    assert_eq!(
        aliases_of(&found, "Earvin \"Magic\" Johnson"),
        ["Earvin \"Magic\" Johnson", "Johnson"]
    );
}

#[test]
fn single_word_names_of_public_figures_after_a_cue() {
    let found = people(
        "Shakira opens world tour in Miami",
        &[
            "MIAMI (AP) — Colombian singer Shakira opened her world tour on Saturday before 60,000 fans.",
            "Shakira said the tour would raise money for schools. Officials said traffic was heavy.",
            "Zendaya told reporters she had flown in for the show, and rapper Stormzy joined Shakira on stage.",
            "Brazilian forward Neymar, 34, watched from a box.",
        ],
    );
    assert_people(&found, &["Neymar", "Shakira", "Stormzy", "Zendaya"]);
}

#[test]
fn sports_rosters_and_lists_of_names() {
    let found = people(
        "Kestrel United beat Dravik Rovers to go top",
        &[
            "Manager Tomas Riedl said the 23-man squad included Achterberg, Dembinski and Fairclough, who all missed the last camp.",
            "Kestrel United: Vardakis; Moreau, Osei, Lindqvist, Hallett; Brandt, Ferreira; Okafor, Nunez, Dembinski; Rask",
        ],
    );
    assert_people(
        &found,
        &[
            "Achterberg",
            "Brandt",
            "Dembinski",
            "Fairclough",
            "Ferreira",
            "Hallett",
            "Lindqvist",
            "Moreau",
            "Nunez",
            "Okafor",
            "Osei",
            "Rask",
            "Tomas Riedl",
            "Vardakis",
        ],
    );
}

#[test]
fn companies_products_greetings_and_institutions_are_not_people() {
    let found = people(
        "Banks cut jobs as holiday spending slows",
        &[
            "NEW YORK (Reuters) - Morgan Stanley said on Thursday it would cut 2,000 jobs, while Goldman Sachs said it would keep hiring.",
            "Wells Fargo and JPMorgan Chase declined to comment. Nvidia said its revenue rose, and OpenAI said it would open an office in London.",
            "The Treasury said it was watching markets, and the White House said the Trump Administration would act. Aston Martin said sales fell.",
            "Shoppers wished each other Merry Christmas and Happy Diwali, said analyst Priya Natarajan.",
        ],
    );
    assert_people(&found, &["Priya Natarajan"]);
}

#[test]
fn the_new_rules_keep_their_limits() {
    let found = people(
        "",
        &[
            "Hamas-run media said Kremlin-backed groups met. Veterans of World War II marched.",
            "Ericsson said in a statement the order was large. Researchers said it was safe.",
            "Prince Charles met Charles Kennedy, who said the talks went well.",
            "Clubs included Ajax, Dravik and Kestrel in the draw.",
        ],
    );
    assert_people(&found, &["Charles", "Charles Kennedy"]);
    assert_eq!(aliases_of(&found, "Charles Kennedy"), ["Charles Kennedy"]);
}
