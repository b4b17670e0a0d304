//! The command line, as clap types only: no logic lives here, so help,
//! completions and the man page all come from these definitions.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const AFTER_HELP: &str = "\
Start here:
  kapj session add --at \"tomorrow 10:00\"   record your next medicine session
  kapj write intention                      set an intention for it
  kapj                                      see where you are and what is due

Your journal stays in one file on this machine. Nothing is sent anywhere.
KAPJ_HOME chooses the folder it lives in; KAPJ_NOW (RFC 3339) fixes the clock for tests and demos.
Exit codes: 0 success, 1 a problem with the input or the journal, 2 a command line kapj could not read.";

#[derive(Debug, Parser)]
#[command(
    name = "kapj",
    version,
    about = "A quiet, local journal for integrating ketamine-assisted therapy sessions",
    long_about = "kapj guides the integration of each medicine session phase by phase \
(intention, immediate reflection, meaning-making, embodiment), keeps every word in one \
SQLite file on this machine, shows what keeps coming back across sessions, and exports a \
clean document to bring to your therapist.",
    after_help = AFTER_HELP
)]
pub struct Cli {
    /// Folder that holds the journal (default: $KAPJ_HOME, else your platform's data folder)
    // KAPJ_HOME is read in cmd::run, not through clap's `env`: clap counts an
    // argument set from the environment as given, and then shows
    // `--home <DIR>` in every usage line as if it were required.
    #[arg(long, global = true, value_name = "DIR")]
    pub home: Option<PathBuf>,

    /// Print one JSON document instead of text (status, session list|show, list, show, search, review, actions list, check list, drafts list, themes list|show, decisions list, settings)
    #[arg(long, global = true)]
    pub json: bool,

    /// Print straight to the terminal, never through a pager ($KAPJ_PAGER, else $PAGER, else less -FRX)
    #[arg(long, global = true)]
    pub no_pager: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Where you are in the integration cycle and what is due (the default)
    #[command(after_help = "Examples:\n  kapj status\n  kapj --json status")]
    Status,

    /// Record, list and show medicine sessions
    #[command(
        subcommand,
        after_help = "Examples:\n  kapj session add --at \"tomorrow 10:00\"   a planned session\n  kapj session add --at \"2 hours ago\"      one that just happened\n  kapj session list\n  kapj session show 2"
    )]
    Session(SessionCommand),

    /// Write an entry for a phase, guided one question at a time
    #[command(after_help = "\
Phases: intention, reflection (reflect), meaning (meaning-making), embodiment (embody), free.

Examples:
  kapj write                            the phase that is due now (kapj status says which)
  kapj write reflection                 guided, one gentle question at a time
  kapj write meaning --editor           the whole entry in your editor
  kapj write free < notes.txt           standard input becomes the entry
  kapj write --resume                   continue an interrupted entry

In an answer: Enter saves, Alt+Enter or Ctrl+J starts a new line, Ctrl+E opens
your editor, Esc skips. In free writing, Enter starts a new line and Ctrl+D saves.

Answers given with --answer end up in your shell history; prefer the prompts,
the editor or standard input for anything private.")]
    Write(WriteArgs),

    /// Unfinished entries: list them, or let one go
    #[command(
        after_help = "Examples:\n  kapj drafts\n  kapj drafts discard 2\n  kapj write --resume      continue one (asks which when there are several)\n\nA draft is kept whenever an entry is stopped before it is saved: Ctrl-C, a closed\nterminal, a failed editor, or a journal that could not be written. Drafts of an\nencrypted journal are encrypted too."
    )]
    Drafts(DraftsArgs),

    /// List entries, newest first
    #[command(
        after_help = "Examples:\n  kapj list -n 10\n  kapj list --phase meaning --since \"2 weeks ago\"\n  kapj list --session 3 --tag grief"
    )]
    List(ListArgs),

    /// Show one entry in full
    #[command(after_help = "Examples:\n  kapj show 12\n  kapj --json show 12")]
    Show(IdArg),

    /// Change an entry in your editor
    #[command(
        after_help = "Examples:\n  kapj edit 12\n\nThe editor is $VISUAL, else $EDITOR, else vi. Editors that return at once need a wait flag, e.g. EDITOR=\"code --wait\"."
    )]
    Edit(IdArg),

    /// Delete an entry (asks first unless --yes)
    #[command(after_help = "Examples:\n  kapj delete 12\n  kapj delete 12 --yes")]
    Delete(DeleteArgs),

    /// Search the text of your entries
    #[command(
        after_help = "Examples:\n  kapj search father\n  kapj search \"letting go\" --phase meaning -n 5"
    )]
    Search(SearchArgs),

    /// What keeps coming back: themes, mood, actions and open questions
    #[command(
        after_help = "Examples:\n  kapj review\n  kapj review --since \"2026-09-01\" --top 5\n  kapj --json review"
    )]
    Review(ReviewArgs),

    /// Steer review's themes: hide, keep or merge them, and see one through time
    #[command(
        subcommand,
        after_help = "Examples:\n  kapj themes hide exam\n  kapj themes keep tightness\n  kapj themes merge dad \"my father\" --as dad\n  kapj themes show dad\n  kapj themes list\n  kapj themes reset exam\n\nThemes are matched the way review counts them, so \"tight\" and \"tightness\" are one."
    )]
    Themes(ThemesCommand),

    /// The few things you can switch off, such as the note after a big decision
    #[command(
        after_help = "Examples:\n  kapj settings                         every setting, on or off\n  kapj settings notes.decisions off\n  kapj settings notes.decisions --reset back to the default\n\nSettings are kept inside the journal, so they are encrypted with it."
    )]
    Settings(SettingsArgs),

    /// Reminders that reach you outside kapj: your calendar, or desktop notifications
    #[command(
        subcommand,
        after_help = "Examples:\n  kapj remind ics                        reminders for your latest and next session\n  kapj remind ics --session 3 -o ~/Downloads/reminders.ics\n  kapj remind system                     a per-user timer for desktop notifications\n  kapj remind system --remove            take it out again\n\nThe titles are neutral (\"Journal check-in\", \"Reflection time\") and no journal text goes into the file."
    )]
    Remind(RemindCommand),

    /// Write a document to bring to your therapist (markdown, html) or a full backup (json)
    #[command(
        after_help = "Examples:\n  kapj export -o for-therapist.md\n  kapj export --format html -o journal.html --since \"30 days ago\"\n  kapj export --format json -o backup.json\n\nPrivate entries are left out unless --include-private is given."
    )]
    Export(ExportArgs),

    /// Bring in a journal: kapj's own JSON, jrnl, Day One, or a folder of markdown notes
    #[command(
        after_help = "Examples:\n  kapj import backup.json\n  kapj import journal.txt                      jrnl's own file\n  kapj import journal.txt --time-format \"%Y-%m-%d %I:%M %p\"\n  kapj import export.json                      jrnl --export json\n  kapj import \"Day One export.zip\" --dry-run\n  kapj import ~/Notes/Daily --from markdown\n\nImporting the same file again adds nothing. Entries from other journals become free writing at their own date and time."
    )]
    Import(ImportArgs),

    /// Keep a checked copy of the journal in a folder, now or once a day by itself
    #[command(after_help = "Examples:
  kapj backup                         a copy in the backup folder (kapj's home/backups unless --auto set one)
  kapj backup ~/Sync/kapj             a copy in a folder of your choice, such as a synced one
  kapj backup --auto ~/Sync/kapj      from now on, a copy there once a day, after you write
  kapj backup --auto off              no more automatic copies
  kapj backup --keep 30 ~/Sync/kapj   keep the last 30 there (default 10)

A copy of an encrypted journal is encrypted with the same passphrase.
`kapj restore FILE` brings one back.")]
    Backup(BackupArgs),

    /// Bring back a backup in place of the journal (the journal is kept as a backup first)
    #[command(after_help = "Examples:
  kapj restore ~/Sync/kapj/kapj-2026-11-20-210000.db

The file is checked first; a file that is not a readable kapj journal changes nothing.")]
    Restore(RestoreArgs),

    /// The small actions you committed to, and marking them done or dropped
    #[command(
        after_help = "Examples:\n  kapj actions\n  kapj actions add \"Walk by the sea on Sunday\"\n  kapj actions edit 3 \"Walk by the sea on Saturday\"\n  kapj actions done 3\n  kapj actions drop 4"
    )]
    Actions(ActionsArgs),

    /// Big decisions noted in the days after a session, and marking them settled
    #[command(
        after_help = "Examples:\n  kapj decisions                  the ones you are weighing\n  kapj decisions --all            settled ones too\n  kapj decisions done 2           settled: it leaves the list and review\n\nkapj notes a decision when an entry written in the 14 days after a session\nweighs one. `kapj settings notes.decisions off` stops this."
    )]
    Decisions(DecisionsArgs),

    /// Optional self-check measures (PHQ-9, GAD-7), kept over time
    #[command(
        after_help = "Examples:\n  kapj check phq9\n  kapj check gad7 --answers 1,0,2,1,0,1,0\n  kapj check list\n\nThese are self-checks, not a diagnosis."
    )]
    Check(CheckArgs),

    /// Your own safety plan, and crisis lines
    #[command(
        after_help = "Examples:\n  kapj safety\n  kapj safety edit\n  kapj safety region uk"
    )]
    Safety(SafetyArgs),

    /// Protect the journal with a passphrase
    #[command(
        after_help = "Examples:\n  kapj encrypt\n  KAPJ_PASSPHRASE_FILE=~/.kapj-pass kapj encrypt\n\nIf the passphrase is lost, the journal cannot be opened: keep it somewhere safe."
    )]
    Encrypt,

    /// Remove the passphrase from the journal
    #[command(after_help = "Examples:\n  kapj decrypt")]
    Decrypt,

    /// The questions each phase asks
    #[command(
        after_help = "Examples:\n  kapj templates list\n  kapj templates show reflection\n  kapj templates copy reflection      then edit the file it names\n  kapj templates check reflection\n  kapj templates path"
    )]
    Templates(TemplatesArgs),

    /// Create a sample journal to explore (never touches your real one)
    #[command(after_help = "Examples:\n  kapj demo\n  kapj demo --home /tmp/kapj-demo")]
    Demo(DemoArgs),

    /// A prompt hook for bash, zsh or fish: one quiet line when something is due
    #[command(after_help = "\
Examples:
  eval \"$(kapj init bash)\"             in ~/.bashrc
  eval \"$(kapj init zsh)\"              in ~/.zshrc
  kapj init fish | source              in ~/.config/fish/config.fish
  eval \"$(kapj init bash --every 8h)\"  at most one line every 8 hours
  kapj init --uninstall                how to take it out again

In an interactive shell, when something is due, the prompt shows one line
like \"kapj: meaning-making is open for about 40 more hours — kapj write meaning\",
at most once every 4 hours (--every). It reads only a small file of times and
phase names that kapj keeps beside the journal; it never opens the journal.")]
    Init(InitArgs),

    /// Show a desktop notification if something is due (what `kapj remind system` runs)
    #[command(
        after_help = "Examples:\n  kapj notify\n\nThe notification says only \"Journal check-in\"; it is shown once for each part\nof the window, and never names a phase, a session or anything you wrote."
    )]
    Notify,

    /// The prompt hook's quick check (the code `kapj init` prints runs it)
    #[command(hide = true)]
    Hook(HookArgs),

    /// Print a shell completion script
    #[command(
        after_help = "Examples:\n  kapj completions bash > ~/.local/share/bash-completion/completions/kapj\n  kapj completions zsh > ~/.zfunc/_kapj\n  kapj completions fish > ~/.config/fish/completions/kapj.fish"
    )]
    Completions(CompletionsArgs),

    /// Print the man page (roff), or write a page for kapj and each subcommand
    #[command(
        after_help = "Examples:\n  kapj man --dir ~/.cargo/share/man/man1     then: man kapj, man kapj-write\n  kapj man | man -l -                        read it once without installing\n\nman finds pages in a share/man folder beside a bin folder on your PATH (so\n~/.cargo/share/man beside ~/.cargo/bin); for another folder, add it to MANPATH:\n  export MANPATH=\"$HOME/.local/share/man:\""
    )]
    Man(ManArgs),
}

#[derive(Debug, Subcommand)]
pub enum SessionCommand {
    /// Record a medicine session (past or planned)
    #[command(
        after_help = "Examples:\n  kapj session add --at \"tomorrow 10:00\"\n  kapj session add --at \"2026-11-20 10:00\" --setting \"clinic, eyeshades\" --dose \"IM, 1st\""
    )]
    Add(SessionAddArgs),
    /// List sessions in date order
    #[command(after_help = "Examples:\n  kapj session list")]
    List,
    /// Show one session and its entries
    #[command(after_help = "Examples:\n  kapj session show 2")]
    Show(SessionShowArgs),
}

#[derive(Debug, Args)]
pub struct SessionAddArgs {
    /// When it is or was (default: now)
    #[arg(long, value_name = "WHEN")]
    pub at: Option<String>,
    /// A short note
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Where and how (clinic, at home, music…)
    #[arg(long, value_name = "TEXT")]
    pub setting: Option<String>,
    /// Dose or route, as free text
    #[arg(long, value_name = "TEXT")]
    pub dose: Option<String>,
}

#[derive(Debug, Args)]
pub struct SessionShowArgs {
    /// Session number
    #[arg(allow_negative_numbers = true)]
    pub number: String,
}

/// A phase name. Any text is accepted here, since kapj's own check knows the
/// aliases and says what to type instead; the names are offered to shell
/// completion (bash, zsh, fish) and listed in help.
#[derive(Debug, Clone, Copy)]
pub struct PhaseName;

impl clap::builder::TypedValueParser for PhaseName {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            ["intention", "reflection", "meaning", "embodiment", "free"]
                .into_iter()
                .map(clap::builder::PossibleValue::new),
        ))
    }
}

#[derive(Debug, Args)]
pub struct WriteArgs {
    /// intention, reflection, meaning, embodiment or free (default: the phase due now)
    #[arg(value_name = "PHASE", value_parser = PhaseName)]
    pub phase: Option<String>,
    /// The session this entry belongs to (default: the nearest that fits)
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub session: Option<String>,
    /// When the entry is for (default: now)
    #[arg(long, value_name = "WHEN")]
    pub at: Option<String>,
    /// Mood from 0 to 10
    #[arg(long, value_name = "0-10", allow_negative_numbers = true)]
    pub mood: Option<String>,
    /// A tag (repeatable)
    #[arg(long = "tag", value_name = "T")]
    pub tags: Vec<String>,
    /// Keep this entry out of exports unless --include-private is given
    #[arg(long)]
    pub private: bool,
    /// Fill a prompt without asking (repeatable); ends up in shell history
    #[arg(long = "answer", value_name = "KEY=TEXT")]
    pub answers: Vec<String>,
    /// Write the whole entry in your editor
    #[arg(long)]
    pub editor: bool,
    /// Continue an unfinished entry (asks which when there are several)
    #[arg(long)]
    pub resume: bool,
}

#[derive(Debug, Args, Clone, Default)]
pub struct FilterArgs {
    /// Only this phase
    #[arg(long, value_name = "P", value_parser = PhaseName)]
    pub phase: Option<String>,
    /// Only this session
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub session: Option<String>,
    /// From this time on
    #[arg(long, value_name = "WHEN")]
    pub since: Option<String>,
    /// Up to this time
    #[arg(long, value_name = "WHEN")]
    pub until: Option<String>,
    /// Only entries with this tag
    #[arg(long, value_name = "T")]
    pub tag: Option<String>,
    /// At most N entries
    #[arg(short = 'n', value_name = "N", allow_negative_numbers = true)]
    pub limit: Option<usize>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to look for
    #[arg(required = true, num_args = 1..)]
    pub query: Vec<String>,
    #[command(flatten)]
    pub filter: FilterArgs,
}

#[derive(Debug, Args)]
pub struct IdArg {
    /// Entry number (or its id)
    #[arg(allow_negative_numbers = true)]
    pub id: String,
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// Entry number (or its id)
    #[arg(allow_negative_numbers = true)]
    pub id: String,
    /// Do not ask
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// From this time on
    #[arg(long, value_name = "WHEN")]
    pub since: Option<String>,
    /// Up to this time
    #[arg(long, value_name = "WHEN")]
    pub until: Option<String>,
    /// How many themes to show
    #[arg(
        long,
        value_name = "N",
        default_value_t = 8,
        allow_negative_numbers = true
    )]
    pub top: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Markdown,
    Json,
    Html,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// markdown (default), json (the full backup) or html (a printable page)
    #[arg(long, value_enum, default_value = "markdown")]
    pub format: ExportFormat,
    /// Only this session
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub session: Option<String>,
    /// From this time on
    #[arg(long, value_name = "WHEN")]
    pub since: Option<String>,
    /// Up to this time
    #[arg(long, value_name = "WHEN")]
    pub until: Option<String>,
    /// Only this phase
    #[arg(long, value_name = "P", value_parser = PhaseName)]
    pub phase: Option<String>,
    /// Include entries marked private
    #[arg(long)]
    pub include_private: bool,
    /// Leave out the line that lists the days you wrote about hurting
    /// yourself or not wanting to be alive
    #[arg(long)]
    pub no_safety_dates: bool,
    /// Write to this file (readable by you alone) instead of standard output
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A file or folder: kapj journal JSON, jrnl JSON or text, a Day One zip or JSON, or a folder of markdown notes
    #[arg(value_name = "FILE|DIR")]
    pub file: PathBuf,
    /// Which format it is in (found from the file when not given)
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub from: Option<ImportFormat>,
    /// Show what would be added, skipped and left out, and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// jrnl's timeformat, when its config sets one (default "%Y-%m-%d %H:%M")
    #[arg(long, value_name = "FORMAT")]
    pub time_format: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    Kapj,
    Jrnl,
    Dayone,
    Markdown,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The folder for this copy (default: the --auto folder, else backups/ in the kapj home)
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// A folder for an automatic copy once a day, after a write; `off` stops it
    #[arg(long, value_name = "DIR|off")]
    pub auto: Option<PathBuf>,
    /// How many backups to keep in the folder (default 10); remembered
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub keep: Option<u32>,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// A backup written by `kapj backup` (or any copy of a kapj journal)
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct ActionsArgs {
    /// Also show done and dropped ones (as `actions list --all`)
    #[arg(long)]
    pub all: bool,
    #[command(subcommand)]
    pub command: Option<ActionsCommand>,
}

#[derive(Debug, Subcommand)]
pub enum ActionsCommand {
    /// Open actions, oldest first (the default)
    #[command(
        after_help = "Examples:\n  kapj actions list\n  kapj actions --all              done and dropped ones too\n  kapj --json actions list       with each action's id"
    )]
    List {
        /// Also show done and dropped ones
        #[arg(long)]
        all: bool,
    },
    /// Note a small action of your own, in the latest session (or --session N)
    #[command(
        after_help = "Examples:\n  kapj actions add \"Walk by the sea on Sunday\"\n  kapj actions add \"Call my sister\" --session 2\n\nThe embodiment phase (kapj write embodiment) asks for one too; either way it is listed by `kapj actions`."
    )]
    Add {
        /// What you mean to do (quote it, or write it as several words)
        #[arg(value_name = "TEXT", num_args = 1.., required = true)]
        text: Vec<String>,
        /// The session it belongs to (default: the latest that has happened)
        #[arg(long, value_name = "N", allow_negative_numbers = true)]
        session: Option<String>,
    },
    /// Change an action's words (in your editor when no text is given)
    #[command(
        after_help = "Examples:\n  kapj actions edit 3 \"Walk by the sea on Saturday\"\n  kapj actions edit 3              opens it in your editor ($VISUAL, else $EDITOR, else vi)\n\nIts number, state and date stay. The entry it was written in keeps your words as they were."
    )]
    Edit {
        /// The action's number, its id, or the start of its id
        #[arg(allow_negative_numbers = true)]
        id: String,
        /// The new words (default: open the action in your editor)
        #[arg(value_name = "TEXT", num_args = 0..)]
        text: Vec<String>,
    },
    /// Mark an action done
    #[command(
        after_help = "Examples:\n  kapj actions done 3             the number `kapj actions` shows\n  kapj actions done 9f2c          the start of its id (`kapj --json actions list`)"
    )]
    Done {
        /// The action's number, its id, or the start of its id
        #[arg(allow_negative_numbers = true)]
        id: String,
    },
    /// Let an action go
    #[command(
        after_help = "Examples:\n  kapj actions drop 4             the number `kapj actions` shows\n  kapj actions drop 9f2c          the start of its id (`kapj --json actions list`)\n\nLetting an action go is part of integration too; it stays in `kapj actions --all`."
    )]
    Drop {
        /// The action's number, its id, or the start of its id
        #[arg(allow_negative_numbers = true)]
        id: String,
    },
}

#[derive(Debug, Args)]
pub struct DraftsArgs {
    #[command(subcommand)]
    pub command: Option<DraftsCommand>,
}

#[derive(Debug, Subcommand)]
pub enum DraftsCommand {
    /// Unfinished entries, newest first (the default)
    #[command(after_help = "Examples:\n  kapj drafts list\n  kapj --json drafts list")]
    List,
    /// Let an unfinished entry go (asks first unless --yes)
    #[command(
        after_help = "Examples:\n  kapj drafts discard 2\n  kapj drafts discard 2 --yes\n\nThe number is the one `kapj drafts` shows."
    )]
    Discard {
        /// Its number in `kapj drafts`
        #[arg(allow_negative_numbers = true)]
        number: String,
        /// Do not ask
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// phq9, gad7, or list (the history)
    #[arg(value_name = "MEASURE")]
    pub measure: Option<String>,
    /// All answers at once, 0–3 each, e.g. 0,1,3,0,0,1,2,0,0
    #[arg(long, value_name = "0,1,3,…")]
    pub answers: Option<String>,
}

#[derive(Debug, Args)]
pub struct SafetyArgs {
    #[command(subcommand)]
    pub command: Option<SafetyCommand>,
}

#[derive(Debug, Subcommand)]
pub enum SafetyCommand {
    /// Show your plan and crisis lines (the default; also `kapj safety plan`)
    #[command(
        alias = "plan",
        after_help = "Examples:\n  kapj safety\n  kapj safety plan"
    )]
    Show,
    /// Write or change your safety plan
    #[command(
        after_help = "Examples:\n  kapj safety edit\n\nThe plan opens in your editor ($VISUAL, else $EDITOR, else vi). It stays on this machine."
    )]
    Edit,
    /// Set the region for crisis lines (us, ca, uk, ie, au, nz), or "none"
    #[command(
        after_help = "Examples:\n  kapj safety region uk\n  kapj safety region none         no crisis lines shown"
    )]
    Region { code: String },
}

#[derive(Debug, Args)]
pub struct TemplatesArgs {
    #[command(subcommand)]
    pub command: Option<TemplatesCommand>,
}

#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// Each phase's template and where it comes from (the default)
    #[command(after_help = "Examples:\n  kapj templates\n  kapj templates list")]
    List,
    /// The questions of one phase
    #[command(
        after_help = "Examples:\n  kapj templates show reflection\n  kapj templates show embody      aliases work too"
    )]
    Show {
        #[arg(value_parser = PhaseName)]
        phase: String,
    },
    /// Copy a built-in template into your template folder, to change it there
    #[command(
        after_help = "Examples:\n  kapj templates copy reflection\n  kapj templates copy embodiment --force     start again from the built-in one\n\nThen edit the file it names, and `kapj templates check reflection` reads it as kapj will."
    )]
    Copy {
        #[arg(value_parser = PhaseName)]
        phase: String,
        /// Replace a template of your own that is already there
        #[arg(long)]
        force: bool,
    },
    /// Read your own templates as kapj will, and say what is wrong and on which line
    #[command(
        after_help = "Examples:\n  kapj templates check                 every template in your folder\n  kapj templates check reflection      your reflection.toml\n  kapj templates check ~/my-meaning.toml\n\nExit status 1 when a template would be refused."
    )]
    Check {
        /// A phase (your template for it) or a file; default: every template of yours
        #[arg(value_name = "PHASE|FILE")]
        target: Option<String>,
    },
    /// The folder where your own templates override the built-in ones
    #[command(
        after_help = "Examples:\n  kapj templates path\n\nA file there named PHASE.toml (for example reflection.toml) replaces that phase's built-in questions."
    )]
    Path,
}

#[derive(Debug, Args)]
pub struct DemoArgs {}

/// A shell for `kapj init`. Any text is accepted here, so that kapj's own
/// check says in one line which shells it knows; the names are offered to
/// shell completion.
#[derive(Debug, Clone, Copy)]
pub struct ShellName;

impl clap::builder::TypedValueParser for ShellName {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            ["bash", "zsh", "fish"]
                .into_iter()
                .map(clap::builder::PossibleValue::new),
        ))
    }
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// bash, zsh or fish
    #[arg(value_name = "SHELL", value_parser = ShellName)]
    pub shell: Option<String>,
    /// At most one line this often, e.g. 4h (the default), 90m, 1d
    #[arg(long, value_name = "DURATION")]
    pub every: Option<String>,
    /// Say how to take the hook out again
    #[arg(long)]
    pub uninstall: bool,
}

#[derive(Debug, Args)]
pub struct HookArgs {
    /// At most one line this often (default 4h)
    #[arg(long, value_name = "DURATION")]
    pub every: Option<String>,
}

#[derive(Debug, Args)]
pub struct RemindSystemArgs {
    /// Take the timer out again
    #[arg(long)]
    pub remove: bool,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write kapj.1 and a page for every subcommand (kapj-write.1, …) into this folder
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// bash, zsh, fish, elvish or powershell
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Subcommand)]
pub enum ThemesCommand {
    /// Never show this theme in review (its words stay searchable)
    #[command(
        after_help = "Examples:\n  kapj themes hide exam\n  kapj themes hide \"work email\""
    )]
    Hide {
        /// A word or a phrase of up to three words
        #[arg(value_name = "WORD|PHRASE", num_args = 1.., required = true)]
        theme: Vec<String>,
    },
    /// Always show this theme in review when it appears, first and marked as kept
    #[command(
        after_help = "Examples:\n  kapj themes keep tightness\n  kapj themes keep \"my father\""
    )]
    Keep {
        /// A word or a phrase of up to three words
        #[arg(value_name = "WORD|PHRASE", num_args = 1.., required = true)]
        theme: Vec<String>,
    },
    /// Count these themes as one (quote a phrase: "my father")
    #[command(
        after_help = "Examples:\n  kapj themes merge dad \"my father\" --as dad\n  kapj themes merge sea ocean waves"
    )]
    Merge {
        /// Two or more words or phrases
        #[arg(value_name = "THEME", num_args = 2.., required = true)]
        themes: Vec<String>,
        /// The name review shows (default: the first theme)
        #[arg(long = "as", value_name = "NAME")]
        name: Option<String>,
    },
    /// What is hidden, kept and merged
    #[command(after_help = "Examples:\n  kapj themes list\n  kapj --json themes list")]
    List,
    /// Undo the choices about one theme, or every choice
    #[command(
        after_help = "Examples:\n  kapj themes reset exam          undo what was chosen about one theme\n  kapj themes reset               undo every choice"
    )]
    Reset {
        /// A word or phrase; without one, every choice is undone
        #[arg(value_name = "WORD|PHRASE", num_args = 0..)]
        theme: Vec<String>,
    },
    /// One theme through time: per session, first and last seen, quotes, phases, company
    #[command(
        after_help = "Examples:\n  kapj themes show dad\n  kapj themes show \"my chest\"\n  kapj --json themes show dad"
    )]
    Show {
        /// A word or a phrase of up to three words
        #[arg(value_name = "WORD|PHRASE", num_args = 1.., required = true)]
        theme: Vec<String>,
    },
}

#[derive(Debug, Args)]
pub struct DecisionsArgs {
    /// Also show settled ones (as `decisions list --all`)
    #[arg(long)]
    pub all: bool,
    #[command(subcommand)]
    pub command: Option<DecisionsCommand>,
}

#[derive(Debug, Subcommand)]
pub enum DecisionsCommand {
    /// The decisions you are weighing, oldest first (the default)
    #[command(
        after_help = "Examples:\n  kapj decisions list\n  kapj decisions list --all\n  kapj --json decisions list"
    )]
    List {
        /// Also show settled ones
        #[arg(long)]
        all: bool,
    },
    /// Mark a decision settled, so it leaves the list and review
    #[command(
        after_help = "Examples:\n  kapj decisions done 2           the number `kapj decisions` shows"
    )]
    Done {
        /// The number `kapj decisions` shows
        #[arg(allow_negative_numbers = true)]
        number: String,
    },
}

#[derive(Debug, Args)]
pub struct SettingsArgs {
    /// A setting's name, such as notes.decisions (without one: list them all)
    #[arg(value_name = "NAME")]
    pub name: Option<String>,
    /// on or off (without one: show the setting)
    #[arg(value_name = "on|off")]
    pub value: Option<String>,
    /// Go back to the default
    #[arg(long, conflicts_with = "value", requires = "name")]
    pub reset: bool,
}

#[derive(Debug, Subcommand)]
pub enum RemindCommand {
    /// Write a calendar file (.ics) of gentle check-ins around a session
    #[command(after_help = "\
Examples:
  kapj remind ics                          the reminders still ahead (latest and next session)
  kapj remind ics --session 3              one session's reminders
  kapj remind ics -o ~/reminders.ics       somewhere else
  kapj remind ics -o -                     to standard output

The reminders: the evening of the session (rest, a few words), 24 and 48 hours
after (meaning-making), a moment to book or confirm a follow-up conversation,
a week after (embodiment), and the evening before your next session. Reminders
already past are left out. Open the file with your calendar app to add them;
exporting again updates them instead of adding copies.")]
    Ics(IcsArgs),
    /// Install (or --remove) a per-user timer that runs `kapj notify`
    #[command(
        after_help = "Examples:\n  kapj remind system\n  kapj remind system --remove\n\nOn Linux this is a systemd user timer (~/.config/systemd/user/kapj-notify.timer);\non macOS a LaunchAgent (~/Library/LaunchAgents/org.kapj.notify.plist).\nNothing is installed unless you run this."
    )]
    System(RemindSystemArgs),
}

#[derive(Debug, Args)]
pub struct IcsArgs {
    /// The session (default: your latest session and the next planned one)
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub session: Option<String>,
    /// Write to this file, readable by you alone (default: journal-reminders.ics
    /// in the current folder; - for standard output)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}
