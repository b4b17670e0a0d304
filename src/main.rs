//! kapj: parse the command line, run the command, map errors to exit codes.

use std::fmt::Write as _;
use std::process::ExitCode;

use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches};

use kapj::error::{UserError, EXIT_USAGE, EXIT_USER};
use kapj::{cli, cmd, store};

fn main() -> ExitCode {
    // The prompt hook runs at every prompt: it is answered before anything
    // else starts (see cmd::hook).
    if cmd::hook::fast(std::env::args_os()).is_some() {
        return ExitCode::SUCCESS;
    }
    // Files kapj creates are the user's alone, whatever the shell's umask.
    rustix::process::umask(rustix::fs::Mode::from_bits_truncate(0o077));
    std::panic::set_hook(Box::new(|info| {
        let debug = std::env::var_os("KAPJ_DEBUG").is_some();
        eprint!("{}", panic_message(info, debug));
    }));

    let matches = match cli::Cli::command().try_get_matches() {
        Ok(m) => m,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_USAGE } else { 0 };
            let _ = e.print();
            return ExitCode::from(code as u8);
        }
    };
    let home_from_flag = matches.value_source("home") == Some(ValueSource::CommandLine);
    let cli = match cli::Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(EXIT_USAGE as u8);
        }
    };

    let pager_allowed = !cli.no_pager && cmd::may_page(cli.command.as_ref());
    let mut out = String::new();
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        cmd::run(cli, home_from_flag, &mut out)
    }));
    // Through a pager when it is taller than the window; a reader that went
    // away (`kapj list | head`, a pager quit early) is not an error.
    if let Err(e) = kapj::pager::write(&out, pager_allowed) {
        eprintln!("kapj could not write its output: {}.", store::plain_io(&e));
        return ExitCode::from(EXIT_USER as u8);
    }
    // After what the command printed, so a closing message reads last.
    let status = match result {
        Ok(Ok(())) => 0,
        Ok(Err(e)) => report(&e),
        Err(_) => 101,
    };
    ExitCode::from(status as u8)
}

/// What a panic prints: one calm sentence; with KAPJ_DEBUG set, also the
/// panic's own message and where it happened ("panicked at src/…:12:5:").
fn panic_message(details: &dyn std::fmt::Display, debug: bool) -> String {
    let mut text = "kapj stopped on an internal error. Nothing half-written was saved; your journal is as it was before this command.\n".to_string();
    if debug {
        let _ = writeln!(text, "{details}");
    }
    text
}

/// Prints an error as one plain sentence (and a hint), returning the exit code.
fn report(e: &anyhow::Error) -> i32 {
    if let Some(io) = e.downcast_ref::<std::io::Error>() {
        if io.kind() == std::io::ErrorKind::BrokenPipe {
            return 0;
        }
    }
    if let Some(u) = e.downcast_ref::<UserError>() {
        kapj::term_text::eprint_message(&u.message);
        if let Some(h) = &u.hint {
            kapj::term_text::eprint_message(h);
        }
        return u.code;
    }
    if std::env::var_os("KAPJ_DEBUG").is_some() {
        eprintln!("{e:#}");
    }
    if let Some(sql) = e.chain().find_map(|c| c.downcast_ref::<rusqlite::Error>()) {
        eprintln!("{}", sqlite_sentence(sql));
        return EXIT_USER;
    }
    if let Some(io) = e.chain().find_map(|c| c.downcast_ref::<std::io::Error>()) {
        eprintln!(
            "kapj could not finish: {}. Nothing was changed.",
            store::plain_io(io)
        );
        return EXIT_USER;
    }
    eprintln!("kapj could not finish this command. Nothing was changed.");
    EXIT_USER
}

/// A sentence for SQLite failures that reach the top; never SQL text.
fn sqlite_sentence(e: &rusqlite::Error) -> &'static str {
    use rusqlite::ErrorCode as C;
    match e {
        rusqlite::Error::SqliteFailure(f, _) if f.extended_code == store::COMMIT_REFUSED => {
            "The journal was encrypted or decrypted in another window while this command ran. Nothing was changed; run it again."
        }
        rusqlite::Error::SqliteFailure(f, _) => match f.code {
            C::DatabaseBusy | C::DatabaseLocked => {
                "The journal is busy in another kapj window. Nothing was changed; try again in a moment."
            }
            C::DiskFull => "The disk is full. Nothing was changed; free some space and try again.",
            C::ReadOnly | C::PermissionDenied | C::CannotOpen => {
                "The journal file cannot be written. Nothing was changed; check that it belongs to you."
            }
            C::DatabaseCorrupt | C::NotADatabase => {
                "The journal file seems damaged. kapj left it as it is; restore it from a backup."
            }
            _ => "kapj could not finish this command. Nothing was changed.",
        },
        _ => "kapj could not finish this command. Nothing was changed.",
    }
}

#[cfg(test)]
mod tests {
    use super::panic_message;

    #[test]
    fn a_panic_shows_its_message_and_place_only_with_kapj_debug() {
        let details = "panicked at src/review/mod.rs:12:5:\nindex out of bounds";
        let plain = panic_message(&details, false);
        assert!(plain.starts_with("kapj stopped on an internal error."));
        assert!(!plain.contains("panicked"), "{plain}");
        let debug = panic_message(&details, true);
        assert!(debug.starts_with(&plain), "{debug}");
        assert!(debug.ends_with("src/review/mod.rs:12:5:\nindex out of bounds\n"));
    }
}
