//! What every command gets: the home folder, the clock, output settings and
//! the store (opened on first use, so `--help`-like commands never touch it).

use std::fmt::Write as _;
use std::io::IsTerminal;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use anyhow::Result;
use zeroize::Zeroizing;

use crate::clock::Clock;
use crate::drafts::DraftKey;
use crate::error::{user, user_hint};
use crate::store::{self, FileKind, Store};
use crate::term_text::eprint_wrapped;

pub struct App {
    pub home: PathBuf,
    pub clock: Clock,
    pub json: bool,
    /// Everything for stdout is gathered here and written once by main, so a
    /// closed pipe is handled in one place.
    pub out: String,
    pub color: bool,
    /// A new journal may be protected with a passphrase (not the demo's).
    pub offer_passphrase: bool,
    /// The welcome was shown by this run (when the journal was created at a
    /// terminal), so `status` does not show it a second time.
    pub welcomed_now: bool,
    store: Option<Store>,
}

/// The `meta` key that records that a terminal run showed the welcome.
pub const WELCOMED: &str = "welcomed";

impl App {
    pub fn new(home: PathBuf, clock: Clock, json: bool) -> App {
        let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        App {
            home,
            clock,
            json,
            out: String::new(),
            color,
            offer_passphrase: true,
            welcomed_now: false,
            store: None,
        }
    }

    pub fn db_path(&self) -> PathBuf {
        self.home.join(store::DB_FILE)
    }

    pub fn journal_exists(&self) -> bool {
        matches!(
            store::file_kind(&self.db_path()),
            Ok(FileKind::PlainSqlite) | Ok(FileKind::Opaque)
        )
    }

    /// Opens the journal, creating the home and the file on first use.
    pub fn store(&mut self) -> Result<&mut Store> {
        if self.store.is_none() {
            ensure_home(&self.home)?;
            let path = self.db_path();
            let kind = store::file_kind(&path)?;
            if kind == FileKind::Opaque
                && std::env::var_os("KAPJ_PASSPHRASE_FILE").is_none()
                && interactive()
            {
                let store = open_with_tries(&path)?;
                say_upgrade_backup(&store);
                self.store = Some(store);
                return Ok(self.store.as_mut().expect("opened above"));
            }
            let passphrase = match kind {
                FileKind::Opaque => Some(passphrase(&path, false)?),
                FileKind::Missing | FileKind::Empty if self.offer_passphrase && interactive() => {
                    self.welcomed_now = true;
                    first_run_passphrase(&self.home)?
                }
                FileKind::Missing | FileKind::Empty | FileKind::PlainSqlite => None,
            };
            let store = Store::open(&path, passphrase.as_deref().map(String::as_str))?;
            say_upgrade_backup(&store);
            if self.welcomed_now {
                store.meta_set(WELCOMED, "1")?;
            }
            self.store = Some(store);
        }
        Ok(self.store.as_mut().expect("opened above"))
    }

    /// The key that seals drafts: Some for an encrypted journal (opening it
    /// if need be), None for a plain one. Drafts of a plain journal are
    /// plain, like the journal itself.
    pub fn drafts_key(&mut self) -> Result<Option<DraftKey>> {
        let store = self.store()?;
        if !store.encrypted {
            return Ok(None);
        }
        Ok(Some(store.drafts_key()?))
    }

    /// The drafts in the home, newest first, read with the journal's key.
    /// Opens the journal only when one exists.
    pub fn drafts(&mut self) -> Result<Vec<crate::drafts::Draft>> {
        let key = if self.journal_exists() {
            self.drafts_key_for_reading()?
        } else {
            None
        };
        Ok(crate::drafts::list(&self.home, key.as_ref()))
    }

    /// Like `drafts_key`, but a key is made only when a plain draft waits
    /// to be sealed, and a journal that cannot be written then (read-only,
    /// busy) still lists its drafts: the plain ones stay as they are.
    fn drafts_key_for_reading(&mut self) -> Result<Option<DraftKey>> {
        let home = self.home.clone();
        let store = self.store()?;
        if !store.encrypted {
            return Ok(None);
        }
        if let Some(k) = store.existing_drafts_key()? {
            return Ok(Some(k));
        }
        if !crate::drafts::any_plain(&home) {
            return Ok(None);
        }
        Ok(store.drafts_key().ok())
    }

    /// Whether this run opened the journal.
    pub fn store_is_open(&self) -> bool {
        self.store.is_some()
    }

    /// Closes the journal (before its file is replaced).
    pub fn close_store(&mut self) {
        self.store = None;
    }
}

impl Drop for App {
    /// Closes the journal, then seals it (see `store::seal`), so the next
    /// command can trust it without reading every page.
    fn drop(&mut self) {
        if let Some(store) = self.store.take() {
            let path = store.path.clone();
            let same_file = store.is_current_file();
            drop(store);
            if same_file {
                store::seal(&path);
            }
        }
    }
}

impl App {
    pub fn line(&mut self, s: impl AsRef<str>) {
        self.out.push_str(s.as_ref());
        self.out.push('\n');
    }

    /// A line of prose: at a terminal, a line wider than the window is
    /// wrapped at spaces (an indent kept) instead of being broken inside a
    /// word by the terminal. Lines that fit, and output to a pipe, are
    /// written as they are.
    pub fn para(&mut self, s: impl AsRef<str>) {
        use std::io::IsTerminal;
        let s = s.as_ref();
        let cols = console::Term::stdout().size().1 as usize;
        if self.json || !std::io::stdout().is_terminal() || console::measure_text_width(s) < cols {
            self.line(s);
            return;
        }
        let lead = &s[..s.len() - s.trim_start().len()];
        for l in crate::term_text::wrap(s, cols.saturating_sub(1), lead) {
            self.line(l);
        }
    }

    /// The columns a row of a listing may take: the window's width when
    /// standard output is a terminal, else 80 (a pipe, a file, a test).
    pub fn line_columns(&self) -> usize {
        self.window_columns().unwrap_or(80)
    }

    /// The window's width, when standard output is a terminal.
    pub fn window_columns(&self) -> Option<usize> {
        use std::io::IsTerminal;
        if self.json || !std::io::stdout().is_terminal() {
            return None;
        }
        console::Term::stdout()
            .size_checked()
            .map(|(_, cols)| usize::from(cols).max(20))
    }

    pub fn json_out(&mut self, v: &serde_json::Value) {
        let _ = writeln!(
            self.out,
            "{}",
            serde_json::to_string_pretty(v).expect("JSON values serialise")
        );
    }

    pub fn bold(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    pub fn dim(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[2m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

/// A journal upgraded to this kapj's schema: where the copy from before is.
fn say_upgrade_backup(store: &Store) {
    if let Some(p) = &store.upgrade_backup {
        eprint_wrapped(
            &format!(
                "This kapj upgraded your journal; a copy from before is kept in {}.",
                p.display()
            ),
            "",
        );
    }
}

impl App {
    /// After a command that wrote to the journal: the automatic daily
    /// backup, when it is on and none was written today. A backup that
    /// fails never fails the command (what was written is saved): it says
    /// so in one line, and is tried again after the next write.
    pub fn backup_if_due(&mut self) {
        let Some(store) = self.store.as_ref() else {
            return;
        };
        if !store.wrote_anything() || !store.is_current_file() {
            return;
        }
        let config = crate::backup::Config::load(&self.home);
        let now = self.clock.now();
        if !crate::backup::auto_due(&config, now) {
            return;
        }
        let dir = config.folder(&self.home);
        let done = crate::backup::write_into(&dir, now, config.keep(), |p| store.copy_to(p));
        match done {
            Ok(done) => {
                let _ = crate::backup::Config::note(&self.home, &done, now);
            }
            Err(e) => {
                let why = match e.downcast_ref::<crate::error::UserError>() {
                    Some(u) => u.message.clone(),
                    None => format!("Could not write a backup to {}.", dir.display()),
                };
                eprint_wrapped(
                    &format!("What you wrote is saved; today's automatic backup was not. {why}"),
                    "",
                );
            }
        }
    }
}

/// The kapj home: `--home`/`KAPJ_HOME`, else the platform data folder.
pub fn default_home() -> Result<PathBuf> {
    directories::ProjectDirs::from("", "", "kapj")
        .map(|d| d.data_dir().to_path_buf())
        .ok_or_else(|| {
            user_hint(
                "Could not find a home folder for the journal.",
                "Set KAPJ_HOME or pass --home DIR.",
            )
        })
}

/// Creates the home (and parents) and makes it the user's alone (0700).
pub fn ensure_home(home: &Path) -> Result<()> {
    if home.exists() && !home.is_dir() {
        return Err(user_hint(
            format!("{} is a file, not a folder.", home.display()),
            "Pass a folder with --home or KAPJ_HOME.",
        ));
    }
    std::fs::create_dir_all(home).map_err(|e| {
        user_hint(
            format!(
                "Could not create the journal folder {}: {}.",
                home.display(),
                store::plain_io(&e)
            ),
            "Choose another folder with --home or KAPJ_HOME.",
        )
    })?;
    let _ = std::fs::set_permissions(home, std::fs::Permissions::from_mode(0o700));
    Ok(())
}

/// Both ends of a conversation are a terminal: prompts make sense.
pub fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

/// Ctrl-C at a dialoguer prompt: console raises SIGINT, which would end kapj
/// at once, leaving the cursor hidden and no word about what was kept. With a
/// handler that only notes the stop, the prompt returns an error instead, and the
/// caller says what happened. The handler is installed without SA_RESTART, so
/// a Ctrl-C that the terminal turns into a signal between two keystrokes also
/// interrupts the waiting read instead of being lost. (Handlers reset on exec,
/// so editors are unaffected.)
pub fn ctrl_c_ends_prompts() {
    // Why unsafe remains: neither std nor rustix's stable API installs a
    // signal handler, and signal-hook's handlers restart reads (SA_RESTART),
    // which is just what must not happen here.
    // Setting an atomic flag is async-signal-safe; the answer box polls it,
    // since its reads are retried after a signal rather than interrupted.
    extern "C" fn note_stop(_: libc::c_int) {
        STOP_REQUESTED.store(true, std::sync::atomic::Ordering::SeqCst);
    }
    // SAFETY: installs a handler that only stores to an atomic, which is async-signal-safe;
    // the sigaction struct is fully initialised before use.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = note_stop as *const () as libc::sighandler_t;
        action.sa_flags = 0;
        libc::sigemptyset(&raw mut action.sa_mask);
        libc::sigaction(libc::SIGINT, &raw const action, std::ptr::null_mut());
    }
}

static STOP_REQUESTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether a Ctrl-C arrived as a signal since the last call.
pub fn stop_requested() -> bool {
    STOP_REQUESTED.swap(false, std::sync::atomic::Ordering::SeqCst)
}

/// After a prompt was stopped: the cursor back, and a fresh line for the message.
pub fn after_stopped_prompt() {
    let term = console::Term::stderr();
    let _ = term.show_cursor();
    let _ = term.write_line("");
}

/// The passphrase, from `KAPJ_PASSPHRASE_FILE` or a no-echo prompt; its
/// memory is wiped when it is dropped.
pub fn passphrase(db: &Path, confirm: bool) -> Result<Zeroizing<String>> {
    if let Some(file) = std::env::var_os("KAPJ_PASSPHRASE_FILE") {
        let text = Zeroizing::new(std::fs::read_to_string(&file).map_err(|e| {
            user(format!(
                "Could not read the passphrase file {}: {}.",
                Path::new(&file).display(),
                store::plain_io(&e)
            ))
        })?);
        let p = Zeroizing::new(text.trim_end_matches(['\n', '\r']).to_string());
        if p.is_empty() {
            return Err(user("The passphrase file is empty."));
        }
        return Ok(p);
    }
    if !interactive() {
        return Err(user_hint(
            format!("{} is encrypted, or is not a kapj journal.", db.display()),
            "Run kapj in a terminal to be asked for the passphrase, or set KAPJ_PASSPHRASE_FILE to a file holding it.",
        ));
    }
    let mut prompt = dialoguer::Password::new().with_prompt("Passphrase for your journal");
    if confirm {
        prompt = prompt.with_confirmation("Once more", "The two did not match. Please try again.");
    }
    let p = Zeroizing::new(
        prompt
            .interact()
            .map_err(|_| user("No passphrase was entered; nothing was changed."))?,
    );
    if p.is_empty() {
        return Err(user("No passphrase was entered; nothing was changed."));
    }
    Ok(p)
}

/// An encrypted journal at a terminal: three tries at the passphrase, as
/// people mistype them.
fn open_with_tries(path: &Path) -> Result<Store> {
    const TRIES: usize = 3;
    for attempt in 1..=TRIES {
        let p = passphrase(path, false)?;
        match Store::open(path, Some(p.as_str())) {
            Err(e) if attempt < TRIES && store::is_wrong_passphrase(&e) => {
                eprintln!("That passphrase does not open the journal. Please try again.");
            }
            other => return other,
        }
    }
    unreachable!("the last try returns")
}

/// On the first interactive run, offer to encrypt the new journal.
fn first_run_passphrase(home: &Path) -> Result<Option<Zeroizing<String>>> {
    eprint_wrapped(
        "Welcome to kapj, a quiet companion for the days around a medicine session.",
        "",
    );
    eprint_wrapped(
        &format!(
            "Your journal will live in {}. Nothing leaves this machine unless you export it.",
            home.display()
        ),
        "",
    );
    eprint_wrapped(
        "You can protect it with a passphrase now, or later with `kapj encrypt`.",
        "",
    );
    // Short, so dialoguer's redraw never wraps it (see term_text).
    let yes = dialoguer::Confirm::new()
        .with_prompt("Protect it with a passphrase?")
        .default(false)
        // "y" then Enter, as people type it: an answer on the bare key would
        // let the Enter fall into whatever is asked next.
        .wait_for_newline(true)
        .interact()
        .unwrap_or(false);
    if !yes {
        return Ok(None);
    }
    eprint_wrapped(
        "If the passphrase is lost, the journal cannot be opened. Keep it somewhere safe.",
        "",
    );
    Ok(Some(passphrase(Path::new("kapj.db"), true)?))
}
