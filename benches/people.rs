//! People extraction speed: `byline::people::extract` alone, on one thread, in words per second.
//!
//! `cargo bench --bench people -- [N]` (default 2,000 generated articles). Articles are parsed
//! once (not timed); each run extracts the people of every article of a set. The sets: the
//! deterministic generated corpus (`common::corpus`), the fictional samples (`assets/samples/`)
//! and, when `../shared/data/bbc/` is beside the checkout, its 2,225 real news articles.
//! Reports per set the median of the runs by this thread's CPU time (what a core does, however
//! busy the machine) and by wall time. The target is 5,000,000 words/s per core.
//! `-- --once` makes one pass per set, for a profiler (`valgrind --tool=callgrind`).

mod common;

use std::path::Path;
use std::time::Instant;

use byline::model::Block;
use common::corpus::{Corpus, SEED};
use common::median;

const RUNS: usize = 7;
const TARGET_WORDS_PER_SEC: f64 = 5_000_000.0;
/// Each run extracts a set at least this many words long (the samples are small).
const MIN_WORDS_PER_RUN: usize = 1_000_000;

struct Doc {
    title: String,
    body: Vec<Block>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = common::args(2_000);
    common::print_machine();
    let corpus = Corpus::new(SEED);
    let generated: Vec<Doc> = (0..args.n)
        .filter_map(|i| parse(corpus.article(i).as_bytes()))
        .collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let samples = read_docs(&root.join("assets/samples"));
    let bbc = read_docs(&root.join("../shared/data/bbc"));
    if bbc.is_empty() {
        println!("(no ../shared/data/bbc beside the checkout: the real-text set is skipped)");
    }
    let once = args.flags.iter().any(|f| f == "--once");
    let mut ok = true;
    for (name, docs) in [
        (
            format!("generated corpus ({} articles)", generated.len()),
            &generated,
        ),
        (
            format!("assets/samples ({} articles)", samples.len()),
            &samples,
        ),
        (format!("../shared/data/bbc ({} articles)", bbc.len()), &bbc),
    ] {
        if docs.is_empty() {
            continue;
        }
        ok &= if once {
            docs.iter()
                .map(|d| byline::people::extract(&d.title, &d.body).len())
                .sum::<usize>()
                > 0
        } else {
            measure(&name, docs)
        };
    }
    if !ok {
        println!(
            "below the target of {TARGET_WORDS_PER_SEC:.0} words/s per core for at least one set"
        );
    }
    Ok(())
}

/// The parsed `.txt` articles below `dir` (one level of subfolders), sorted by path; none when
/// the folder is missing.
fn read_docs(dir: &Path) -> Vec<Doc> {
    let list = |d: &Path| -> Vec<std::path::PathBuf> {
        std::fs::read_dir(d)
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default()
    };
    let mut files: Vec<_> = list(dir)
        .into_iter()
        .flat_map(|p| if p.is_dir() { list(&p) } else { vec![p] })
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .filter_map(|bytes| parse(&bytes))
        .collect()
}

fn parse(bytes: &[u8]) -> Option<Doc> {
    let parsed = byline::ingest::parse(bytes).ok()?;
    Some(Doc {
        title: parsed.title,
        body: parsed.body,
    })
}

fn words(doc: &Doc) -> usize {
    doc.title.split_whitespace().count()
        + doc
            .body
            .iter()
            .map(|b| b.text.split_whitespace().count())
            .sum::<usize>()
}

/// Runs the set `RUNS` times (after one warm-up pass); prints and returns whether the median CPU
/// figure meets the target.
fn measure(name: &str, docs: &[Doc]) -> bool {
    let set_words: usize = docs.iter().map(words).sum();
    if set_words == 0 {
        println!("{name}: no words");
        return true;
    }
    let repeats = MIN_WORDS_PER_RUN.div_ceil(set_words);
    let run_words = (set_words * repeats) as f64;
    let mut people = 0;
    for doc in docs {
        people += byline::people::extract(&doc.title, &doc.body).len();
    }
    let (mut cpu, mut wall) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let (cpu_start, wall_start) = (common::thread_cpu(), Instant::now());
        for _ in 0..repeats {
            for doc in docs {
                std::hint::black_box(byline::people::extract(&doc.title, &doc.body));
            }
        }
        wall.push(run_words / wall_start.elapsed().as_secs_f64());
        cpu.push(run_words / (common::thread_cpu() - cpu_start).as_secs_f64().max(1e-9));
    }
    let (cpu_median, wall_median) = (median(&cpu), median(&wall));
    println!(
        "{name}: {set_words} words, {people} people; {repeats}x per run, median of {RUNS}: \
         {:.2} M words/s by CPU time ({:.1} µs per 600 words), {:.2} M words/s by wall time \
         (CPU runs {:.2}..{:.2} M)",
        cpu_median / 1e6,
        600.0 / cpu_median * 1e6,
        wall_median / 1e6,
        cpu.iter().copied().fold(f64::INFINITY, f64::min) / 1e6,
        cpu.iter().copied().fold(0.0, f64::max) / 1e6,
    );
    let met = cpu_median >= TARGET_WORDS_PER_SEC;
    println!(
        "  {name}: {} the target of {:.1} M words/s per core",
        if met { "meets" } else { "MISSES" },
        TARGET_WORDS_PER_SEC / 1e6
    );
    met
}
