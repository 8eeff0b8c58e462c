//! Tests of the worker's watch on other processes' commits and of dropping superseded work.

use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::Mutex;
use std::time::Duration;

use chrono::NaiveDate;

use super::Watch;
use crate::model::{Article, ParsedArticle};
use crate::query::Query;
use crate::store::{ArticleRow, Granularity, Store, StoreError, StoredArticle};
use crate::tui::msg::{FacetItem, FacetKind, Request, Response};
use crate::tui::worker::{spawn, StoreApi};

#[test]
fn the_watch_sees_another_connections_import_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    let reader = Store::open(&path).unwrap();
    let mut watch = Watch::every(&reader, Duration::ZERO);
    assert_eq!(watch.poll(&reader), None, "nothing happened yet");
    reader.set_read(1, true).unwrap();
    assert_eq!(watch.poll(&reader), None, "the reader's own writes");
    let mut importer = Store::open(&path).unwrap();
    let article = Article {
        source: None,
        parsed: ParsedArticle {
            title: "Harbour talks resume".into(),
            ..ParsedArticle::default()
        },
        people: vec![],
    };
    let raw = crate::store::NewArticle::new(article, b"Harbour talks resume", None, None);
    importer.import_batch(&[raw]).unwrap();
    assert_eq!(
        watch.poll(&reader),
        Some(Response::StoreChanged { total: 1 })
    );
    assert_eq!(watch.poll(&reader), None, "said once");
}

/// A store whose histogram runs until it is cancelled, then fails as SQLite's interrupt does;
/// after `succeed_after` cancelled runs it answers normally.
struct SlowHistogram {
    started: Mutex<Sender<()>>,
    cancel_tx: Mutex<Sender<()>>,
    cancel_rx: Mutex<Receiver<()>>,
    runs: Mutex<u32>,
    succeed_after: u32,
}

fn interrupted() -> anyhow::Error {
    let code = rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_INTERRUPT);
    StoreError::Sqlite(rusqlite::Error::SqliteFailure(code, None)).into()
}

impl StoreApi for SlowHistogram {
    fn search(&self, _: &Query, _: NaiveDate, _: u64, _: u64) -> anyhow::Result<Vec<ArticleRow>> {
        Ok(vec![])
    }
    fn count(&self, _: &Query, _: NaiveDate) -> anyhow::Result<u64> {
        Ok(7)
    }
    fn total(&self) -> anyhow::Result<u64> {
        Ok(7)
    }
    fn article(&self, _: i64) -> anyhow::Result<Option<StoredArticle>> {
        Ok(None)
    }
    fn set_read(&self, _: i64, _: bool) -> anyhow::Result<()> {
        Ok(())
    }
    fn set_starred(&self, _: i64, _: bool) -> anyhow::Result<()> {
        Ok(())
    }
    fn facets(&self, _: &Query, _: NaiveDate, _: FacetKind) -> anyhow::Result<Vec<FacetItem>> {
        Ok(vec![])
    }
    fn histogram(
        &self,
        _: &Query,
        _: NaiveDate,
        _: Granularity,
    ) -> anyhow::Result<Vec<(String, u64)>> {
        let mut runs = self.runs.lock().unwrap();
        *runs += 1;
        if *runs > self.succeed_after {
            return Ok(vec![("2025-12".into(), 7)]);
        }
        self.started.lock().unwrap().send(()).unwrap();
        self.cancel_rx.lock().unwrap().recv().unwrap();
        Err(interrupted())
    }
    fn ui_value(&self, _: &str) -> anyhow::Result<Option<String>> {
        Ok(None)
    }
    fn set_ui_value(&self, _: &str, _: &str) -> anyhow::Result<()> {
        Ok(())
    }
    fn canceller(&self) -> Option<Box<dyn Fn() + Send + Sync>> {
        let tx = self.cancel_tx.lock().unwrap().clone();
        Some(Box::new(move || {
            let _ = tx.send(());
        }))
    }
}

fn slow(succeed_after: u32) -> (SlowHistogram, Receiver<()>) {
    let (started_tx, started_rx) = mpsc::channel();
    let (cancel_tx, cancel_rx) = mpsc::channel();
    let api = SlowHistogram {
        started: Mutex::new(started_tx),
        cancel_tx: Mutex::new(cancel_tx),
        cancel_rx: Mutex::new(cancel_rx),
        runs: Mutex::new(0),
        succeed_after,
    };
    (api, started_rx)
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 12, 10).unwrap()
}

const WAIT: Duration = Duration::from_secs(20);

#[test]
fn a_newer_query_cancels_the_running_histogram_and_is_answered() {
    let (api, started) = slow(u32::MAX);
    let (req_tx, req_rx) = mpsc::channel();
    let (ans_tx, answers) = mpsc::channel();
    let (worker, supersede) = spawn(api, today, req_rx, ans_tx);
    let query = Query::default();
    supersede.asked(1);
    req_tx
        .send(Request::Histogram {
            gen: 1,
            query: query.clone(),
        })
        .unwrap();
    started.recv_timeout(WAIT).expect("the histogram runs");
    supersede.asked(2);
    req_tx
        .send(Request::Query {
            sort: crate::store::Sort::Newest,
            gen: 2,
            query,
            keep_id: None,
        })
        .unwrap();
    let first = answers.recv_timeout(WAIT).expect("an answer");
    assert!(
        matches!(
            first,
            Response::Results {
                gen: 2,
                count: 7,
                ..
            }
        ),
        "{first:?}"
    );
    drop(req_tx);
    worker.join().unwrap();
    assert!(
        answers.try_recv().is_err(),
        "nothing for the cancelled histogram"
    );
}

#[test]
fn work_interrupted_while_still_wanted_runs_again() {
    let (api, started) = slow(1);
    let cancel = api.canceller().unwrap();
    let (req_tx, req_rx) = mpsc::channel();
    let (ans_tx, answers) = mpsc::channel();
    let (worker, supersede) = spawn(api, today, req_rx, ans_tx);
    supersede.asked(3);
    let query = Query::default();
    req_tx.send(Request::Histogram { gen: 3, query }).unwrap();
    started.recv_timeout(WAIT).expect("the histogram runs");
    cancel(); // as if a cancel meant for older work landed on this one
    let answer = answers.recv_timeout(WAIT).expect("an answer");
    assert!(
        matches!(answer, Response::Histogram { gen: 3, .. }),
        "{answer:?}"
    );
    drop(req_tx);
    worker.join().unwrap();
}
