//! `kapj completions SHELL` and `kapj man`, generated from the clap definitions.

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::Cli;

pub fn completions(shell: clap_complete::Shell, out: &mut String) -> Result<()> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "kapj", &mut buf);
    out.push_str(&String::from_utf8_lossy(&buf));
    Ok(())
}

pub fn man(out: &mut String) -> Result<()> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut buf)?;
    out.push_str(&String::from_utf8_lossy(&buf));
    Ok(())
}
