//! The `byline` binary: wires the command line to the core library and the reader.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = match cli::Cli::try_parse() {
        Ok(args) => args,
        Err(err) => return cli::usage_error(err),
    };
    let store_path = byline::paths::store_path(args.store.clone());
    if args.version {
        println!("byline {}", env!("CARGO_PKG_VERSION"));
        println!("store: {}", cli::safe_path(&store_path));
        println!("config: {}", cli::safe_path(&byline::paths::config_path()));
        return ExitCode::SUCCESS;
    }
    let result = match args.command {
        Some(command) => cli::run(store_path, command),
        None => cli::reader(store_path),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            // Errors quote file names and queries: never let them reach the terminal raw.
            eprintln!("byline: {}", cli::safe(&format!("{err:#}")));
            ExitCode::from(2)
        }
    }
}
