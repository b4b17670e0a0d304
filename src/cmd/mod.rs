//! One module per command; this one dispatches and holds the small parsers
//! every command shares, so each bad input gets the same plain sentence.

mod actions;
mod backup;
mod check;
mod completions;
mod crypt;
mod decisions;
mod delete;
mod demo;
mod drafts;
mod due;
mod edit;
mod export;
pub mod hook;
mod import;
mod init;
mod list;
mod notify;
mod remind_ics;
mod remind_system;
mod restore;
mod review;
mod safety;
pub(crate) mod search;
mod session;
mod settings;
mod show;
mod status;
mod templates;
mod themes;
mod write;

use anyhow::Result;

use crate::app::{default_home, App};
use crate::cli::{Cli, Command, FilterArgs, RemindCommand};
use crate::clock::Clock;
use crate::domain::{Filter, Phase};
use crate::error::{user, user_hint};
use crate::when::{self, When};

pub fn run(cli: Cli, home_from_flag: bool, out: &mut String) -> Result<()> {
    let clock = Clock::from_env()?;
    let command = cli.command.unwrap_or(Command::Status);
    // Commands that never open a journal.
    match &command {
        Command::Completions(a) => return completions::completions(a.shell, out),
        Command::Man(a) => return completions::man(a.dir.as_deref(), out),
        Command::Demo(_) => {
            let home = if home_from_flag {
                cli.home.clone()
            } else {
                None
            };
            let mut app = App::new(home.clone().unwrap_or_default(), clock, cli.json);
            // A throwaway journal to explore: no passphrase question.
            app.offer_passphrase = false;
            let r = demo::run(&mut app, home);
            hand_over(&mut app.out, out);
            return r;
        }
        _ => {}
    }
    let from_env = std::env::var_os("KAPJ_HOME")
        .filter(|h| !h.is_empty())
        .map(std::path::PathBuf::from);
    let home = match cli.home.or(from_env) {
        Some(h) => h,
        None => default_home()?,
    };
    let mut app = App::new(home, clock, cli.json);
    let r = match command {
        Command::Init(a) => {
            // The hook runs in other folders: a relative --home is made whole.
            let flag =
                home_from_flag.then(|| std::path::absolute(&app.home).unwrap_or(app.home.clone()));
            init::run(&mut app, a, flag.as_deref())
        }
        command => dispatch(&mut app, command),
    };
    if r.is_ok() {
        app.backup_if_due();
    }
    if app.store_is_open() {
        // Every command that opened the journal (a write, an edit, a
        // session, a delete, an import, status…) leaves the due file right
        // for the prompt hook. It is a convenience: a failure here never
        // fails the command.
        let _ = due::refresh_file(&mut app);
    }
    hand_over(&mut app.out, out);
    r
}

/// Whether a command's output may go through a pager when it is taller
/// than the window: what is read at length (listings, entries, review, an
/// export to the terminal), not the last words of a conversation at the
/// keyboard (write, edit, a self-check) nor a change of state.
pub fn may_page(command: Option<&Command>) -> bool {
    use crate::cli::{ActionsCommand, DecisionsCommand, DraftsCommand, SafetyCommand};
    match command {
        None
        | Some(
            Command::Status
            | Command::Session(_)
            | Command::List(_)
            | Command::Show(_)
            | Command::Search(_)
            | Command::Review(_)
            | Command::Themes(_)
            | Command::Export(_)
            | Command::Templates(_)
            | Command::Demo(_)
            | Command::Settings(_)
            | Command::Man(_),
        ) => true,
        Some(Command::Decisions(a)) => {
            matches!(a.command, None | Some(DecisionsCommand::List { .. }))
        }
        Some(Command::Actions(a)) => matches!(a.command, None | Some(ActionsCommand::List { .. })),
        Some(Command::Drafts(a)) => matches!(a.command, None | Some(DraftsCommand::List)),
        Some(Command::Check(a)) => a.measure.as_deref() == Some("list"),
        Some(Command::Safety(a)) => matches!(a.command, None | Some(SafetyCommand::Show)),
        Some(
            Command::Write(_)
            | Command::Edit(_)
            | Command::Delete(_)
            | Command::Import(_)
            | Command::Encrypt
            | Command::Decrypt
            | Command::Remind(_)
            | Command::Backup(_)
            | Command::Restore(_)
            | Command::Init(_)
            | Command::Notify
            | Command::Hook(_)
            | Command::Completions(_),
        ) => false,
    }
}

/// Moves a command's output to `out`: moved rather than copied, as an
/// export can be megabytes.
fn hand_over(from: &mut String, out: &mut String) {
    if out.is_empty() {
        *out = std::mem::take(from);
    } else {
        out.push_str(from);
    }
}

fn dispatch(app: &mut App, command: Command) -> Result<()> {
    match command {
        Command::Status => status::run(app),
        Command::Session(c) => session::run(app, c),
        Command::Write(a) => write::run(app, a),
        Command::Drafts(a) => drafts::run(app, a),
        Command::List(a) => list::run(app, a),
        Command::Show(a) => show::run(app, &a.id),
        Command::Edit(a) => edit::run(app, &a.id),
        Command::Delete(a) => delete::run(app, &a.id, a.yes),
        Command::Search(a) => search::run(app, a),
        Command::Review(a) => review::run(app, a),
        Command::Export(a) => export::run(app, a),
        Command::Import(a) => import::run(app, &a),
        Command::Backup(a) => backup::run(app, &a),
        Command::Restore(a) => restore::run(app, &a.file),
        Command::Actions(a) => actions::run(app, a),
        Command::Decisions(a) => decisions::run(app, a),
        Command::Check(a) => check::run(app, a),
        Command::Safety(a) => safety::run(app, a),
        Command::Encrypt => crypt::encrypt(app),
        Command::Decrypt => crypt::decrypt(app),
        Command::Templates(a) => templates::run(app, a),
        Command::Themes(c) => themes::run(app, c),
        Command::Settings(a) => settings::run(app, a),
        Command::Remind(RemindCommand::Ics(a)) => remind_ics::run(app, a),
        Command::Hook(a) => hook::run(app, a),
        Command::Notify => notify::run(app),
        Command::Remind(RemindCommand::System(a)) => remind_system::run(app, a),
        Command::Completions(_) | Command::Man(_) | Command::Demo(_) | Command::Init(_) => {
            unreachable!("handled in run")
        }
    }
}

/// A phase name or alias; a near miss gets "did you mean".
pub fn parse_phase(s: &str) -> Result<Phase> {
    Phase::parse(s).ok_or_else(|| {
        let hint = match Phase::suggest(s) {
            Some(p) => format!("Did you mean `{p}`? The phases are intention, reflection, meaning, embodiment and free."),
            None => "The phases are intention, reflection, meaning, embodiment and free.".into(),
        };
        user_hint(format!("\"{s}\" is not a phase."), hint)
    })
}

pub fn parse_when(s: &str, clock: &Clock) -> Result<When> {
    when::parse(s, clock).map_err(user)
}

/// How [`by_number_or_id`] names a kind of record in what it says.
pub struct Lookup<'a> {
    /// "action", "decision".
    pub what: &'a str,
    /// The command that shows the numbers: "`kapj actions`".
    pub numbers: &'a str,
    /// The command that shows the ids: "`kapj --json actions list --all`".
    pub ids: &'a str,
}

/// A record by the number the list shows, or by the id its `--json` list
/// shows, or by any prefix of that id that fits one record. Digits alone are
/// always a number: a mistyped number must never reach whichever record's
/// id happens to start with it. `by_prefix` is given lower-case hex digits
/// and dashes only, and needs to return no more than two records.
pub fn by_number_or_id<T>(
    id: &str,
    l: &Lookup,
    by_number: impl FnOnce(i64) -> Result<Option<T>>,
    by_prefix: impl FnOnce(&str) -> Result<Vec<T>>,
) -> Result<T> {
    let id = id.trim();
    let what = l.what;
    let digits = id.trim_start_matches('#');
    if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
        let n = parse_number(id, what)?;
        return by_number(n)?.ok_or_else(|| {
            user_hint(
                format!("There is no {what} {n}."),
                format!("{} lists them with their numbers.", l.numbers),
            )
        });
    }
    let looks_like_id = id.starts_with(|c: char| c.is_ascii_hexdigit())
        && id.chars().all(|c| c.is_ascii_hexdigit() || c == '-');
    if !looks_like_id {
        let article = if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        return Err(user_hint(
            format!("\"{id}\" is not {article} {what} number or id."),
            format!(
                "{} lists them with their numbers; {} shows their ids.",
                l.numbers, l.ids
            ),
        ));
    }
    let mut found = by_prefix(&id.to_ascii_lowercase())?;
    match found.len() {
        0 => Err(user_hint(
            format!("There is no {what} whose id starts with \"{id}\"."),
            format!("{} shows every {what}'s id.", l.ids),
        )),
        1 => Ok(found.pop().expect("one")),
        _ => Err(user_hint(
            format!("More than one {what} has an id starting with \"{id}\"."),
            format!(
                "Type a few more characters of the id, or use the number {} shows.",
                l.numbers
            ),
        )),
    }
}

pub fn parse_number(s: &str, what: &str) -> Result<i64> {
    s.trim()
        .trim_start_matches('#')
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| {
            let article = if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            user(format!(
                "\"{s}\" is not {article} {what} number; use a whole number like 3."
            ))
        })
}

pub fn parse_mood(s: &str) -> Result<u8> {
    s.trim()
        .parse::<u8>()
        .ok()
        .filter(|m| *m <= 10)
        .ok_or_else(|| user(format!("Mood is a whole number from 0 to 10, not \"{s}\".")))
}

/// The session with this number must exist.
pub fn session_number(app: &mut App, s: &str) -> Result<(crate::domain::Session, i64)> {
    let n = parse_number(s, "session")?;
    app.store()?.session_by_number(n)?.ok_or_else(|| {
        user_hint(
            format!("There is no session {n}."),
            "`kapj session list` shows your sessions.",
        )
    })
}

pub fn filter_from(app: &mut App, a: &FilterArgs) -> Result<Filter> {
    let mut f = Filter {
        phase: a.phase.as_deref().map(parse_phase).transpose()?,
        since: a
            .since
            .as_deref()
            .map(|s| parse_when(s, &app.clock).map(|w| w.start(&app.clock)))
            .transpose()?,
        until: a
            .until
            .as_deref()
            .map(|s| parse_when(s, &app.clock).map(|w| w.end(&app.clock)))
            .transpose()?,
        tag: a.tag.as_ref().map(|t| normalise_tag(t)),
        include_private: true,
        limit: a.limit,
        session: None,
    };
    if let Some(s) = &a.session {
        f.session = Some(session_number(app, s)?.0.number);
    }
    Ok(f)
}

/// Tags are compared without case and without a leading `#` or `@`.
pub fn normalise_tag(t: &str) -> String {
    t.trim()
        .trim_start_matches(['#', '@'])
        .trim()
        .to_lowercase()
}

/// Looks up an entry by number or id, or says how to find one.
pub fn find_entry(app: &mut App, id: &str) -> Result<crate::domain::Entry> {
    app.store()?.entry(id)?.ok_or_else(|| {
        user_hint(
            format!("There is no entry {}.", id.trim()),
            "`kapj list` shows your entries with their numbers.",
        )
    })
}
