//! The cached benchmark stores: N generated articles imported through the library (`prepare`
//! on rayon, `Store::import_batch` in batches) under `target/bench-corpus/N/`, rebuilt when the
//! marker does not match, when the store holds no people, or on request.

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use super::corpus::Corpus;
use byline::importer::prepare;
use byline::store::{NewArticle, Store};

const BATCH: u64 = 2_000;
/// Bump when the corpus generator or the schema changes, so cached stores are rebuilt
/// (2: `mentions.date`).
const CORPUS_VERSION: u32 = 2;

/// The cached store of `args.n` articles in `target/bench-corpus/N/` (`--rebuild` rebuilds it).
pub fn cached_store(
    corpus: &Corpus,
    args: &super::Args,
) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let dir = super::target_dir()
        .join("bench-corpus")
        .join(args.n.to_string());
    let rebuild = args.flags.iter().any(|f| f == "--rebuild");
    ensure_store(corpus, &dir, args.n, rebuild)
}

/// Returns the cached store for `n` articles, building it through the library when missing,
/// incomplete, or `rebuild` is set.
pub fn ensure_store(
    corpus: &Corpus,
    dir: &Path,
    n: u64,
    rebuild: bool,
) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let db = dir.join("store.db");
    let marker = dir.join("built.txt");
    let want = format!("corpus v{CORPUS_VERSION}, imported {n} of {n}");
    let have = std::fs::read_to_string(&marker).unwrap_or_default();
    let people = super::store_counts(&db).map_or(0, |c| c[1]);
    if !rebuild && have.lines().next().unwrap_or("").trim() == want && people > 0 {
        println!(
            "reusing {} ({want}); pass --rebuild after parser changes",
            db.display()
        );
        return Ok(db);
    }
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir)?;
    let start = Instant::now();
    let mut store = Store::open(&db)?;
    let mut imported = 0u64;
    let mut first_error = None;
    for from in (0..n).step_by(BATCH as usize) {
        let to = (from + BATCH).min(n);
        let results: Vec<_> = (from..to)
            .into_par_iter()
            .map(|i| prepare_article(corpus, i))
            .collect();
        let mut batch: Vec<NewArticle> = Vec::with_capacity(results.len());
        for result in results {
            match result {
                Ok(article) => batch.push(article),
                Err(err) => first_error = first_error.or(Some(err)),
            }
        }
        imported += store.import_batch(&batch)?.len() as u64;
        if n >= 200_000 && to % 100_000 == 0 {
            println!(
                "  {to} of {n} prepared and imported in {:.0} s",
                start.elapsed().as_secs_f64()
            );
        }
    }
    drop(store);
    let secs = start.elapsed().as_secs_f64();
    println!(
        "built the store in process: {imported} of {n} articles in {secs:.1} s ({:.0}/s), {:.1} MiB",
        imported as f64 / secs,
        super::mib(super::store_size(&db)?)
    );
    if let Some(err) = first_error {
        println!("  warning: some articles failed to parse; first error: {err}");
    }
    std::fs::write(
        &marker,
        format!("corpus v{CORPUS_VERSION}, imported {imported} of {n}\nbuilt in {secs:.1} s\n"),
    )?;
    Ok(db)
}

fn prepare_article(corpus: &Corpus, i: u64) -> Result<NewArticle, String> {
    let bytes = corpus.article(i).into_bytes();
    let origin = Some(format!("bench:{i:06}.txt"));
    prepare(&bytes, origin, None, None).map_err(|e| format!("article {i}: {e}"))
}
