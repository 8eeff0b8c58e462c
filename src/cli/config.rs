//! `byline config check` (every problem of `config.toml`, exit 1 when there is one) and
//! `byline config print` (the configuration in effect, as TOML that reads back the same).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Subcommand;

use super::{safe, safe_path};

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Report every problem of the config file, each with its line; exit 1 when there is one.
    Check {
        /// The file to check (default: $BYLINE_CONFIG, else the XDG config dir's config.toml).
        file: Option<PathBuf>,
    },
    /// Print the configuration in effect (the defaults, then the file) as TOML.
    Print {
        /// The file to read (default: $BYLINE_CONFIG, else the XDG config dir's config.toml).
        file: Option<PathBuf>,
    },
}

pub fn run(command: ConfigCommand) -> Result<ExitCode> {
    match command {
        ConfigCommand::Check { file } => check(file.unwrap_or_else(byline::paths::config_path)),
        ConfigCommand::Print { file } => print(file.unwrap_or_else(byline::paths::config_path)),
    }
}

fn check(path: PathBuf) -> Result<ExitCode> {
    let (_, problems) = byline::tui::load_config(Some(&path));
    if problems.is_empty() {
        if path.exists() {
            println!("{}: ok", safe_path(&path));
        } else {
            println!("ok: no file at {}, the defaults apply", safe_path(&path));
        }
        return Ok(ExitCode::SUCCESS);
    }
    for problem in &problems {
        println!("{}", safe(problem));
    }
    let n = problems.len();
    let s = if n == 1 { "" } else { "s" };
    eprintln!("byline: {n} problem{s} in {}", safe_path(&path));
    Ok(ExitCode::from(1))
}

/// The config in effect on stdout; the file's problems (those entries were not applied) on
/// stderr.
fn print(path: PathBuf) -> Result<ExitCode> {
    let (config, problems) = byline::tui::load_config(Some(&path));
    for problem in &problems {
        eprintln!("byline: {}", safe(problem));
    }
    print!("{}", config.to_toml());
    Ok(ExitCode::SUCCESS)
}
