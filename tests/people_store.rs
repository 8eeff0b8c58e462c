//! People across articles through the store: spelling variants merge, namesakes stay apart.

use byline::importer::prepare;
use byline::query::Query;
use byline::store::Store;
use chrono::NaiveDate;

const ARTICLES: &[&str] = &[
    "Gas talks resume\n\nPresident Dmytro Kovalenskyy met Trade Minister Marta Kessler on Monday. Kovalenskyy said little.\n",
    "Talks stall again\n\nPresident Dmitro Kovalensky left early, officials said. Kovalensky declined to comment.\n",
    "Kestrel United win\n\nStriker Tomas Kessler scored twice on Saturday. Kessler said the team deserved it.\n",
    "Budget vote\n\nTrade Minister Marta Kessler said the budget would pass. Hanne Sørby, the forecaster, agreed.\n",
    "Storm warning\n\nForecaster Hanne Sorby said the storm would pass on Sunday. Sorby told reporters to stay in.\n",
];

#[test]
fn variants_merge_and_namesakes_stay_apart() {
    let mut store = Store::open_in_memory().unwrap();
    let batch: Vec<_> = ARTICLES
        .iter()
        .enumerate()
        .map(|(i, text)| {
            prepare(
                text.as_bytes(),
                Some(format!("a{i}.txt")),
                None,
                Some("Test"),
            )
            .unwrap()
        })
        .collect();
    store.import_batch(&batch).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let counts = store.person_counts(&Query::default(), today, 50).unwrap();
    let mut got: Vec<(String, u64)> = counts
        .iter()
        .map(|p| (p.name.clone(), p.articles))
        .collect();
    got.sort();
    assert_eq!(
        got,
        [
            ("Dmytro Kovalenskyy".to_string(), 2),
            ("Hanne Sørby".to_string(), 2),
            ("Marta Kessler".to_string(), 2),
            ("Tomas Kessler".to_string(), 1),
        ]
    );
}
