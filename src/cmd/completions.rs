//! `kapj completions SHELL` and `kapj man`, generated from the clap definitions.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::user;

pub fn completions(shell: clap_complete::Shell, out: &mut String) -> Result<()> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "kapj", &mut buf);
    out.push_str(&String::from_utf8_lossy(&buf));
    Ok(())
}

/// `kapj man`: the page for kapj on standard output; with `--dir`, a page
/// for kapj and one for every subcommand (kapj-write.1, kapj-session-add.1…),
/// so every page the SUBCOMMANDS sections name exists.
pub fn man(dir: Option<&Path>, out: &mut String) -> Result<()> {
    let cmd = built();
    let Some(dir) = dir else {
        out.push_str(&page(&cmd, None)?);
        return Ok(());
    };
    let mut pages = Vec::new();
    collect(&cmd, None, &mut pages)?;
    std::fs::create_dir_all(dir).map_err(|e| {
        user(format!(
            "Could not create {}: {}.",
            dir.display(),
            crate::store::plain_io(&e)
        ))
    })?;
    for (name, text) in &pages {
        let path = dir.join(name);
        crate::atomic_file::write(&path, text.as_bytes()).map_err(|e| {
            user(format!(
                "Could not write {}: {}.",
                path.display(),
                crate::store::plain_io(&e)
            ))
        })?;
    }
    let _ = writeln!(
        out,
        "Wrote {} manual pages to {} (kapj.1, kapj-write.1, …).",
        pages.len(),
        dir.display()
    );
    Ok(())
}

/// The command line as clap completes it (display names such as
/// `kapj-session-add` are set by `build`).
fn built() -> clap::Command {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    cmd
}

/// Every page: this command's and its subcommands', as (file name, roff).
fn collect(
    cmd: &clap::Command,
    parent: Option<&str>,
    pages: &mut Vec<(String, String)>,
) -> Result<()> {
    let name = display_name(cmd);
    pages.push((format!("{name}.1"), page(cmd, parent)?));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        collect(sub, Some(&name), pages)?;
    }
    Ok(())
}

fn display_name(cmd: &clap::Command) -> String {
    cmd.get_display_name()
        .unwrap_or_else(|| cmd.get_name())
        .to_string()
}

/// One page: clap_mangen's sections, but the after-help text (examples,
/// notes) in no-fill mode, so each example keeps its own line instead of
/// being reflowed into a paragraph; and SEE ALSO for a subcommand's page.
fn page(cmd: &clap::Command, parent: Option<&str>) -> Result<String> {
    let man = clap_mangen::Man::new(cmd.clone())
        .source(format!("kapj {}", env!("CARGO_PKG_VERSION")))
        .manual("kapj manual");
    let mut buf = Vec::new();
    man.render_title(&mut buf)?;
    man.render_name_section(&mut buf)?;
    man.render_synopsis_section(&mut buf)?;
    man.render_description_section(&mut buf)?;
    if cmd.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut buf)?;
    }
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        man.render_subcommands_section(&mut buf)?;
    }
    let mut text = String::from_utf8_lossy(&buf).into_owned();
    if let Some(after) = cmd.get_after_long_help().or_else(|| cmd.get_after_help()) {
        text.push_str(&verbatim_section(&after.to_string()));
    }
    if let Some(parent) = parent {
        let _ = writeln!(text, ".SH \"SEE ALSO\"\n\\fB{}\\fR(1)", roff_escape(parent));
    }
    if parent.is_none() && cmd.get_version().is_some() {
        let mut v = Vec::new();
        man.render_version_section(&mut v)?;
        text.push_str(&String::from_utf8_lossy(&v));
    }
    Ok(text)
}

/// After-help text as a section (EXAMPLES when it has examples, else
/// NOTES): a paragraph with indented lines (examples) keeps every line as
/// it is; a paragraph of prose is filled to the reader's width.
fn verbatim_section(text: &str) -> String {
    let heading = if text.contains("Examples:") {
        "EXAMPLES"
    } else {
        "NOTES"
    };
    let text = text.strip_prefix("Examples:\n").unwrap_or(text);
    let mut s = format!(".SH {heading}\n");
    for (i, para) in text.split("\n\n").enumerate() {
        if i > 0 {
            s.push_str(".PP\n");
        }
        let keep_lines = para.lines().any(|l| l.starts_with(' '));
        if keep_lines {
            s.push_str(".nf\n");
        }
        for l in para.lines() {
            s.push_str(&roff_escape(l));
            s.push('\n');
        }
        if keep_lines {
            s.push_str(".fi\n");
        }
    }
    s
}

/// Text that roff prints as written: backslashes and hyphens escaped (so a
/// copied `--flag` keeps its ASCII hyphens), and a line starting with a dot
/// or an apostrophe not taken for a request.
fn roff_escape(line: &str) -> String {
    let mut s = line.replace('\\', "\\e").replace('-', "\\-");
    if s.starts_with('.') || s.starts_with('\'') {
        s.insert_str(0, "\\&");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_keep_their_lines() {
        let s = verbatim_section(
            "Examples:\n  kapj list -n 10\n.hidden\n  a \\ b\n\nSome prose\ngoes on.",
        );
        assert_eq!(
            s,
            ".SH EXAMPLES\n.nf\n  kapj list \\-n 10\n\\&.hidden\n  a \\e b\n.fi\n.PP\nSome prose\ngoes on.\n"
        );
    }
}
