//! `byline completions SHELL` and `byline man`: shell completions and a man page, generated from
//! the command line's own definitions so they never drift from it.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, CommandFactory};

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, elvish, fish, powershell or zsh.
    pub shell: clap_complete::Shell,
}

/// Writes the completion script for a shell to stdout.
pub fn completions(args: CompletionsArgs) -> Result<ExitCode> {
    let mut command = super::Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, "byline", &mut out);
    write_out(&out)
}

/// Writes the man page (roff) to stdout: `byline man > byline.1`.
pub fn man() -> Result<ExitCode> {
    let mut out = Vec::new();
    clap_mangen::Man::new(super::Cli::command())
        .render(&mut out)
        .context("cannot render the man page")?;
    write_out(&out)
}

fn write_out(bytes: &[u8]) -> Result<ExitCode> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .context("cannot write to stdout")?;
    Ok(ExitCode::SUCCESS)
}
