//! The `byline` binary: wires the command line to the core library and the reader.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    let store_path = byline::paths::store_path(args.store.clone());
    if args.version {
        println!("byline {}", env!("CARGO_PKG_VERSION"));
        println!("store: {}", store_path.display());
        println!("config: {}", byline::paths::config_path().display());
        return ExitCode::SUCCESS;
    }
    let result = match args.command {
        Some(command) => cli::run(store_path, command),
        None => cli::reader(store_path),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("byline: {}", byline::text::sanitize(&format!("{err:#}")));
            ExitCode::from(2)
        }
    }
}
