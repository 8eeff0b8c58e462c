//! The pool: its limits hold, results come back on the calling thread as jobs finish, a busy host
//! does not hold up the others, and a panicking job is reported while the rest still run.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::Mutex;
use std::thread;
use std::time::Duration;

use super::{client, Reply, Server};
use crate::fetch::pool::{run, Panicked};
use crate::fetch::{get, Outcome, Validators};

/// Counts jobs running now, overall and per host, remembering the highest counts seen.
#[derive(Default)]
struct Gauge {
    running: Mutex<(usize, HashMap<String, usize>)>,
    peak: Mutex<(usize, HashMap<String, usize>)>,
}

impl Gauge {
    fn enter(&self, host: &str) {
        let mut running = self.running.lock().unwrap();
        running.0 += 1;
        *running.1.entry(host.to_string()).or_default() += 1;
        let mut peak = self.peak.lock().unwrap();
        peak.0 = peak.0.max(running.0);
        let now = running.1[host];
        let high = peak.1.entry(host.to_string()).or_default();
        *high = (*high).max(now);
    }

    fn leave(&self, host: &str) {
        let mut running = self.running.lock().unwrap();
        running.0 -= 1;
        *running.1.get_mut(host).unwrap() -= 1;
    }
}

#[test]
fn limits_hold_overall_and_per_host() {
    // Three hosts, eight jobs each, queued host after host, each taking a moment so they overlap.
    let jobs: Vec<(String, usize)> = (0..24).map(|i| (format!("h{}", i / 8), i)).collect();
    let gauge = Gauge::default();
    let mut done = Vec::new();
    run(
        jobs,
        |(host, _)| host.clone(),
        4,
        2,
        |(host, i)| {
            gauge.enter(&host);
            thread::sleep(Duration::from_millis(15));
            gauge.leave(&host);
            i
        },
        |r| done.push(r.unwrap()),
    );
    done.sort_unstable();
    assert_eq!(done, (0..24).collect::<Vec<_>>());
    let peak = gauge.peak.lock().unwrap();
    assert!(peak.0 <= 4, "overall peak {}", peak.0);
    assert!(peak.0 >= 2, "never ran in parallel");
    for (host, n) in &peak.1 {
        assert!(*n <= 2, "{host} peaked at {n}");
    }
}

#[test]
fn one_per_host_serializes_a_host() {
    let jobs: Vec<usize> = (0..6).collect();
    let gauge = Gauge::default();
    let mut count = 0;
    run(
        jobs,
        |_| "same".to_string(),
        8,
        1,
        |i| {
            gauge.enter("same");
            thread::sleep(Duration::from_millis(5));
            gauge.leave("same");
            i
        },
        |_| count += 1,
    );
    assert_eq!(count, 6);
    assert_eq!(gauge.peak.lock().unwrap().0, 1);
}

#[test]
fn results_arrive_on_the_calling_thread_as_jobs_finish() {
    // The slow job waits until the fast job's result has been handed to on_result: that only
    // happens if results are delivered while other jobs still run.
    let (delivered, fast_seen) = mpsc::channel::<()>();
    let fast_seen = Mutex::new(fast_seen);
    let caller = thread::current().id();
    let mut order = Vec::new();
    run(
        vec!["slow", "fast"],
        |job| job.to_string(),
        2,
        2,
        |job| {
            if job == "slow" {
                let waited = fast_seen
                    .lock()
                    .unwrap()
                    .recv_timeout(Duration::from_secs(5));
                return (job, waited.is_ok(), thread::current().id());
            }
            (job, true, thread::current().id())
        },
        |result| {
            let (job, ok, worker) = result.unwrap();
            assert_eq!(thread::current().id(), caller);
            assert_ne!(worker, caller);
            assert!(ok, "the slow job never saw the fast result delivered");
            order.push(job);
            if job == "fast" {
                delivered.send(()).unwrap();
            }
        },
    );
    assert_eq!(order, ["fast", "slow"]);
}

#[test]
fn a_busy_host_does_not_block_other_hosts() {
    // One thread free for `b` while `a` is at its limit of one: `b` must start at once, not
    // after every `a` job ahead of it in the queue.
    let jobs = vec!["a", "a", "a", "a", "b"];
    let mut order = Vec::new();
    run(
        jobs,
        |job| job.to_string(),
        2,
        1,
        |job| {
            if job == "a" {
                thread::sleep(Duration::from_millis(30));
            }
            job
        },
        |r| order.push(r.unwrap()),
    );
    let b = order.iter().position(|j| *j == "b").unwrap();
    assert!(b < 2, "b finished at position {b}: {order:?}");
}

#[test]
fn a_panicking_job_is_reported_and_the_others_still_run() {
    let mut ok = Vec::new();
    let mut panicked = Vec::new();
    run(
        (0..8).collect(),
        |i| format!("host{}", i % 2),
        3,
        1,
        |i: usize| {
            if i == 3 {
                panic!("job {i} exploded");
            }
            i
        },
        |r| match r {
            Ok(i) => ok.push(i),
            Err(p) => panicked.push(p),
        },
    );
    ok.sort_unstable();
    assert_eq!(ok, [0, 1, 2, 4, 5, 6, 7]);
    assert_eq!(
        panicked,
        [Panicked {
            host: "host1".into(),
            message: "job 3 exploded".into()
        }]
    );
}

#[test]
fn no_jobs_and_zero_limits_do_not_hang() {
    let mut count = 0;
    run(
        Vec::<u8>::new(),
        |_| String::new(),
        8,
        2,
        |j| j,
        |_| count += 1,
    );
    assert_eq!(count, 0);
    run(
        vec![1u8, 2, 3],
        |_| String::new(),
        0,
        0,
        |j| j,
        |_| count += 1,
    );
    assert_eq!(count, 3);
}

#[test]
fn fetches_from_two_hosts_in_the_pool() {
    // 127.0.0.1 and localhost are two hosts to the pool; each server counts its open requests.
    let open = std::sync::Arc::new(AtomicUsize::new(0));
    let peak = std::sync::Arc::new(AtomicUsize::new(0));
    let (o, p) = (open.clone(), peak.clone());
    let server = Server::start(move |seen| {
        let now = o.fetch_add(1, Ordering::SeqCst) + 1;
        p.fetch_max(now, Ordering::SeqCst);
        thread::sleep(Duration::from_millis(20));
        o.fetch_sub(1, Ordering::SeqCst);
        Reply::new(200).body(seen.path.clone())
    });
    let mut urls = Vec::new();
    for i in 0..6 {
        urls.push(format!("http://127.0.0.1:{}/{i}", server.port));
        urls.push(format!("http://localhost:{}/{i}", server.port));
    }
    let client = client();
    let mut bodies = Vec::new();
    run(
        urls,
        |url| {
            url::Url::parse(url)
                .unwrap()
                .host_str()
                .unwrap()
                .to_string()
        },
        8,
        1,
        |url| get(&client, &url, &Validators::default()),
        |r| match r.unwrap().unwrap() {
            Outcome::Fetched(f) => bodies.push(f.body),
            other => panic!("{other:?}"),
        },
    );
    assert_eq!(bodies.len(), 12);
    // One per host, two hosts: never more than two requests open at once.
    assert!(
        peak.load(Ordering::SeqCst) <= 2,
        "{}",
        peak.load(Ordering::SeqCst)
    );
}
