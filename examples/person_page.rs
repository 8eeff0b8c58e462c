//! Times `Store::person_page` on a store (BENCHMARKS.md, "Person page"): for each name, the
//! median of 9 runs with the co-mentions and sources over the newest 5,000 articles, and over all.
//!
//! `cargo run --release --example person_page -- STORE NAME...` (the store is opened for
//! writing: run it on a copy of a shared one).

use std::time::Instant;

use byline::store::{Store, PAGE_TOP, PAGE_WINDOW};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((path, names)) = args.split_first() else {
        eprintln!("usage: person_page STORE NAME...");
        std::process::exit(2);
    };
    let store = Store::open(std::path::Path::new(path)).expect("open the store");
    for name in names {
        for (label, window) in [("newest 5,000", PAGE_WINDOW), ("all", u64::MAX)] {
            let mut times = Vec::new();
            let mut articles = 0;
            for _ in 0..9 {
                let started = Instant::now();
                let page = store.person_page(name, PAGE_TOP, window).expect("the page");
                times.push(started.elapsed().as_secs_f64() * 1000.0);
                articles = page.map_or(0, |p| p.articles);
            }
            times.sort_by(f64::total_cmp);
            println!(
                "{name} ({articles} articles), people and sources over {label}: median {:.1} ms \
                 [{:.1}-{:.1}]",
                times[4], times[0], times[8]
            );
        }
    }
}
