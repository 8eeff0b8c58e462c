//! Tests of the worker thread: `date:today` follows the clock past midnight, and a query the
//! store refuses (an unknown `@name`) is answered as a query error.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use chrono::{Datelike, NaiveDate};

use super::spawn;
use crate::model::{Article, ParsedArticle};
use crate::store::{NewArticle, Store};
use crate::tui::msg::{Request, Response};

/// The test's clock, in days since the Unix epoch.
static CLOCK: AtomicI64 = AtomicI64::new(0);

fn clock() -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(719_163 + CLOCK.load(Ordering::SeqCst) as i32).unwrap()
}

fn days(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce() - 719_163)
}

fn article_on(date: NaiveDate) -> NewArticle {
    let article = Article {
        source: None,
        parsed: ParsedArticle {
            title: format!("News of {date}"),
            date: Some(date),
            ..ParsedArticle::default()
        },
        people: vec![],
    };
    NewArticle::new(article, date.to_string().as_bytes(), None, None)
}

/// Regression: `today` was fixed when the reader started, so after midnight `date:today`
/// still meant yesterday.
#[test]
fn date_today_follows_the_clock_past_midnight() {
    let day = NaiveDate::from_ymd_opt(2025, 12, 1).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    store.import_batch(&[article_on(day)]).unwrap();
    CLOCK.store(days(day), Ordering::SeqCst);
    let (req_tx, req_rx) = mpsc::channel();
    let (ans_tx, answers) = mpsc::channel::<Response>();
    let (worker, _) = spawn(store, clock, req_rx, ans_tx);
    let count = |gen: u64| {
        let query = crate::query::parse("date:today").unwrap();
        let keep_id = None;
        req_tx
            .send(Request::Query {
                sort: crate::store::Sort::Newest,
                gen,
                query,
                keep_id,
            })
            .unwrap();
        match answers.recv_timeout(Duration::from_secs(20)) {
            Ok(Response::Results { count, .. }) => count,
            other => panic!("results, not {other:?}"),
        }
    };
    assert_eq!(count(1), 1, "the day's article");
    CLOCK.store(days(day) + 1, Ordering::SeqCst);
    assert_eq!(count(2), 0, "a new day, nothing yet");
    drop(req_tx);
    worker.join().unwrap();
}

#[test]
fn an_unknown_saved_search_is_answered_as_a_query_error_with_its_column() {
    let store = Store::open_in_memory().unwrap();
    let query = crate::query::parse("talks @nobody").unwrap();
    let answer = super::handle(
        &store,
        clock(),
        Request::Query {
            gen: 7,
            query,
            sort: crate::store::Sort::Newest,
            keep_id: None,
        },
    );
    let Some(Response::QueryRefused { gen: 7, error }) = answer else {
        panic!("not refused: {answer:?}");
    };
    assert_eq!(error.column, 7);
    assert!(error.message.contains("@nobody"), "{error}");
}
