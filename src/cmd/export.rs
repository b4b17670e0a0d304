//! `kapj export`: markdown for the therapist (default), a printable html
//! page, or the full JSON backup (built by `crate::export`). Files are
//! written 0600 and atomically.

use std::io::{IsTerminal as _, Write as _};

use anyhow::Result;

use crate::app::App;
use crate::atomic_file;
use crate::cli::{ExportArgs, ExportFormat, FilterArgs};
use crate::cmd::filter_from;
use crate::error::user_hint;
use crate::export::{self, Format, Request};
use crate::store::plain_io;

pub fn run(app: &mut App, a: ExportArgs) -> Result<()> {
    let fa = FilterArgs {
        phase: a.phase.clone(),
        session: a.session.clone(),
        since: a.since.clone(),
        until: a.until.clone(),
        tag: None,
        limit: None,
    };
    let mut filter = filter_from(app, &fa)?;
    let format = match a.format {
        ExportFormat::Markdown => Format::Markdown,
        ExportFormat::Html => Format::Html,
        ExportFormat::Json => Format::Json,
    };
    // The backup holds everything; the documents for a therapist leave
    // private entries out unless asked.
    if format != Format::Json {
        filter.include_private = a.include_private;
    }
    let req = Request {
        format,
        filter,
        safety_dates: !a.no_safety_dates,
    };
    match &a.output {
        Some(path) => {
            let cannot = |e: &std::io::Error| {
                user_hint(
                    format!("Could not write {}: {}.", path.display(), plain_io(e)),
                    "Choose another file with -o; nothing was written.",
                )
            };
            let mut w = atomic_file::Writer::create(path).map_err(|e| cannot(&e))?;
            export::write(app, &req, &mut w).map_err(|e| match e.downcast::<std::io::Error>() {
                Ok(io) => cannot(&io),
                Err(e) => e,
            })?;
            w.commit().map_err(|e| cannot(&e))?;
            eprintln!("Wrote {} (readable by you alone).", path.display());
        }
        // At a terminal, whole, so that it may go through the pager (see
        // `crate::pager`), as other long output does.
        None if std::io::stdout().is_terminal() => {
            let mut text = Vec::new();
            export::write(app, &req, &mut text)?;
            app.out.push_str(&String::from_utf8(text)?);
        }
        // Piped or redirected, written as it is made: a long export is
        // megabytes. A reader that goes away early (`| head`) is not an error.
        None => {
            let mut stdout = std::io::stdout().lock();
            let written = stdout
                .write_all(std::mem::take(&mut app.out).as_bytes())
                .map_err(anyhow::Error::from)
                .and_then(|()| export::write(app, &req, &mut stdout))
                .and_then(|()| stdout.flush().map_err(anyhow::Error::from));
            if let Err(e) = written {
                match e.downcast_ref::<std::io::Error>() {
                    Some(io) if io.kind() == std::io::ErrorKind::BrokenPipe => {}
                    _ => return Err(e),
                }
            }
        }
    }
    Ok(())
}
