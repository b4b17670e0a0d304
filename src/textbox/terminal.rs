//! The terminal under the box: raw mode, bracketed paste, the window size,
//! resizes, and reading what was typed, through rustix's safe wrappers
//! (libc only for the signal handlers, which rustix does not install).
//!
//! (crossterm would do this, but its event reader brings mio with its
//! network feature, which `ci/no-network` keeps out of kapj; the few calls
//! needed here are simple enough to own.)

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use rustix::event::{poll, PollFd, PollFlags, Timespec};
use rustix::io::Errno;
use rustix::stdio::{stderr, stdin};
use rustix::termios::{tcgetattr, tcgetwinsize, tcsetattr, OptionalActions, SpecialCodeIndex};
use rustix::termios::{LocalModes, Termios};

static RESIZED: AtomicBool = AtomicBool::new(false);
static HUNG_UP: AtomicBool = AtomicBool::new(false);

extern "C" fn note_resize(_: libc::c_int) {
    RESIZED.store(true, Ordering::SeqCst);
}

extern "C" fn note_hangup(_: libc::c_int) {
    HUNG_UP.store(true, Ordering::SeqCst);
}

/// Raw mode (each key as it is pressed, no echo, no signals from Ctrl-C)
/// and bracketed paste, for as long as this lives; everything is put back
/// on drop, whichever way the box ends.
pub struct RawMode {
    original: Termios,
    old_winch: libc::sigaction,
    old_hup: libc::sigaction,
}

impl RawMode {
    pub fn enter() -> io::Result<RawMode> {
        let original = tcgetattr(stdin())?;
        let mut raw = original.clone();
        // The same changes as cfmakeraw(3), VMIN 1 and VTIME 0 included.
        raw.make_raw();
        tcsetattr(stdin(), OptionalActions::Now, &raw)?;
        let (old_winch, old_hup) = note_resize_and_hangup();
        write_stderr("\x1b[?2004h");
        Ok(RawMode {
            original,
            old_winch,
            old_hup,
        })
    }
}

/// Installs the handlers that note a resize (SIGWINCH) and a closed terminal
/// (SIGHUP), and returns the actions they replace.
fn note_resize_and_hangup() -> (libc::sigaction, libc::sigaction) {
    // Why unsafe remains: neither std nor rustix's stable API installs a
    // signal handler (rustix's one sigaction, `runtime::kernel_sigaction`, is
    // itself unsafe, unstable, and meant for libc replacements).
    // SAFETY: sigaction with fully initialised structs, installing handlers
    // that only store to an atomic (async-signal-safe). SA_RESTART keeps
    // other reads going through a resize; poll(2) still wakes, as it is never
    // restarted.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = note_resize as *const () as libc::sighandler_t;
        action.sa_flags = libc::SA_RESTART;
        libc::sigemptyset(&raw mut action.sa_mask);
        let mut old_winch: libc::sigaction = std::mem::zeroed();
        libc::sigaction(libc::SIGWINCH, &raw const action, &raw mut old_winch);
        // A closed terminal (SIGHUP) would end kapj at once, losing the
        // words typed since the last draft; noted instead, the box stops
        // and the write keeps them.
        action.sa_sigaction = note_hangup as *const () as libc::sighandler_t;
        let mut old_hup: libc::sigaction = std::mem::zeroed();
        libc::sigaction(libc::SIGHUP, &raw const action, &raw mut old_hup);
        (old_winch, old_hup)
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        write_stderr("\x1b[?2004l\x1b[?25h");
        let _ = tcsetattr(stdin(), OptionalActions::Now, &self.original);
        // Why unsafe remains: as in `note_resize_and_hangup`, no safe API
        // sets a signal action.
        // SAFETY: puts back the handlers saved in `enter`.
        unsafe {
            libc::sigaction(
                libc::SIGWINCH,
                &raw const self.old_winch,
                std::ptr::null_mut(),
            );
            libc::sigaction(libc::SIGHUP, &raw const self.old_hup, std::ptr::null_mut());
        }
    }
}

/// For prompts that read one key at a time through `console` (the
/// feelings picker, dialoguer's prompts): keys are held for the prompt, not
/// taken by the terminal, for as long as this lives. `console` switches the
/// terminal to raw mode only while it waits for a key and back to line mode
/// in between; a key arriving while the prompt redraws was then handled by
/// the terminal itself: Backspace was lost, and letters were echoed over the
/// prompt. Output is left as it is (new lines still return the cursor).
pub struct KeysHeld {
    original: Termios,
}

impl KeysHeld {
    /// None when standard input is not a terminal (nothing to hold).
    pub fn hold() -> Option<KeysHeld> {
        let original = tcgetattr(stdin()).ok()?;
        let mut held = original.clone();
        // Ctrl-C stays a key (0x03), which `console` reads as the stop it is.
        held.local_modes -=
            LocalModes::ICANON | LocalModes::ECHO | LocalModes::ISIG | LocalModes::IEXTEN;
        held.special_codes[SpecialCodeIndex::VMIN] = 1;
        held.special_codes[SpecialCodeIndex::VTIME] = 0;
        tcsetattr(stdin(), OptionalActions::Now, &held).ok()?;
        Some(KeysHeld { original })
    }
}

impl Drop for KeysHeld {
    fn drop(&mut self) {
        // Puts back the settings saved in `hold`.
        let _ = tcsetattr(stdin(), OptionalActions::Now, &self.original);
    }
}

fn write_stderr(s: &str) {
    let mut err = io::stderr().lock();
    let _ = err.write_all(s.as_bytes());
    let _ = err.flush();
}

/// Columns and rows of the terminal the box draws on (standard error).
pub fn size() -> Option<(usize, usize)> {
    for fd in [stderr(), stdin()] {
        if let Ok(ws) = tcgetwinsize(fd) {
            if ws.ws_col > 0 && ws.ws_row > 0 {
                return Some((ws.ws_col as usize, ws.ws_row as usize));
            }
        }
    }
    None
}

/// Whether the terminal was closed (SIGHUP) while the box was open.
pub fn hung_up() -> bool {
    HUNG_UP.load(Ordering::SeqCst)
}

/// Whether the window changed size since the last call.
pub fn resized() -> bool {
    RESIZED.swap(false, Ordering::SeqCst)
}

/// Waits up to `timeout` for input and returns all of it that has arrived
/// (empty on timeout, or when a signal woke the wait: the caller checks
/// for a resize or a Ctrl-C).
pub fn read(timeout: Duration) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut wait = timeout;
    loop {
        let mut fds = [PollFd::from_borrowed_fd(stdin(), PollFlags::IN)];
        // Whole milliseconds, at most i32::MAX of them, as poll(2) takes.
        let ms = wait.as_millis().min(i32::MAX as u128) as i32;
        let timeout = Timespec {
            tv_sec: (ms / 1000).into(),
            tv_nsec: ((ms % 1000) * 1_000_000).into(),
        };
        // Neither poll nor read is retried on EINTR: a signal ends the wait,
        // with what has arrived so far.
        let ready = match poll(&mut fds, Some(&timeout)) {
            Ok(ready) => ready,
            Err(Errno::INTR) => return Ok(out),
            Err(e) => return Err(e.into()),
        };
        if ready == 0 {
            return Ok(out);
        }
        let revents = fds[0].revents();
        if revents.intersects(PollFlags::HUP | PollFlags::ERR) && !revents.contains(PollFlags::IN) {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the terminal closed",
            ));
        }
        let mut buf = [0u8; 65536];
        let n = match rustix::io::read(stdin(), &mut buf) {
            Ok(n) => n,
            Err(Errno::INTR) => return Ok(out),
            Err(e) => return Err(e.into()),
        };
        if n == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the terminal closed",
            ));
        }
        out.extend_from_slice(&buf[..n]);
        // Take whatever else is already there, so one redraw covers it all.
        wait = Duration::ZERO;
    }
}
