//! The terminal under the box: raw mode, bracketed paste, the window size,
//! resizes, and reading what was typed, with plain libc calls.
//!
//! (crossterm would do this, but its event reader brings mio with its
//! network feature, which `ci/no-network` keeps out of kapj; the few calls
//! needed here are simple enough to own.)

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

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
    original: libc::termios,
    old_winch: libc::sigaction,
    old_hup: libc::sigaction,
}

impl RawMode {
    pub fn enter() -> io::Result<RawMode> {
        // SAFETY: tcgetattr/tcsetattr/cfmakeraw on standard input with fully
        // initialised termios structs; sigaction installs a handler that only
        // stores to an atomic (async-signal-safe). SA_RESTART keeps other
        // reads going through a resize; poll(2) still wakes, as it is never
        // restarted.
        unsafe {
            let mut original: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(0, &raw mut original) != 0 {
                return Err(io::Error::last_os_error());
            }
            let mut raw = original;
            libc::cfmakeraw(&raw mut raw);
            if libc::tcsetattr(0, libc::TCSANOW, &raw const raw) != 0 {
                return Err(io::Error::last_os_error());
            }
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
            write_stderr("\x1b[?2004h");
            Ok(RawMode {
                original,
                old_winch,
                old_hup,
            })
        }
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        write_stderr("\x1b[?2004l\x1b[?25h");
        // SAFETY: puts back the settings and handler saved in `enter`.
        unsafe {
            libc::tcsetattr(0, libc::TCSANOW, &raw const self.original);
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
    original: libc::termios,
}

impl KeysHeld {
    /// None when standard input is not a terminal (nothing to hold).
    pub fn hold() -> Option<KeysHeld> {
        // SAFETY: tcgetattr/tcsetattr on standard input with a fully
        // initialised termios struct.
        unsafe {
            let mut original: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(0, &raw mut original) != 0 {
                return None;
            }
            let mut held = original;
            // Ctrl-C stays a key (0x03), which `console` reads as the stop it is.
            held.c_lflag &= !(libc::ICANON | libc::ECHO | libc::ISIG | libc::IEXTEN);
            held.c_cc[libc::VMIN] = 1;
            held.c_cc[libc::VTIME] = 0;
            if libc::tcsetattr(0, libc::TCSANOW, &raw const held) != 0 {
                return None;
            }
            Some(KeysHeld { original })
        }
    }
}

impl Drop for KeysHeld {
    fn drop(&mut self) {
        // SAFETY: puts back the settings saved in `hold`.
        unsafe {
            libc::tcsetattr(0, libc::TCSANOW, &raw const self.original);
        }
    }
}

fn write_stderr(s: &str) {
    let mut err = io::stderr().lock();
    let _ = err.write_all(s.as_bytes());
    let _ = err.flush();
}

/// Columns and rows of the terminal the box draws on (standard error).
pub fn size() -> Option<(usize, usize)> {
    for fd in [2, 0] {
        // SAFETY: TIOCGWINSZ fills a winsize struct we own.
        unsafe {
            let mut ws: libc::winsize = std::mem::zeroed();
            if libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) == 0 && ws.ws_col > 0 && ws.ws_row > 0 {
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
        let mut fds = libc::pollfd {
            fd: 0,
            events: libc::POLLIN,
            revents: 0,
        };
        let ms = wait.as_millis().min(i32::MAX as u128) as i32;
        // SAFETY: poll on one pollfd we own.
        let ready = unsafe { libc::poll(&raw mut fds, 1, ms) };
        if ready < 0 {
            let e = io::Error::last_os_error();
            if e.kind() == io::ErrorKind::Interrupted {
                return Ok(out);
            }
            return Err(e);
        }
        if ready == 0 {
            return Ok(out);
        }
        if fds.revents & (libc::POLLHUP | libc::POLLERR) != 0 && fds.revents & libc::POLLIN == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the terminal closed",
            ));
        }
        let mut buf = [0u8; 65536];
        // SAFETY: reads into a buffer we own, at most its length.
        let n = unsafe { libc::read(0, buf.as_mut_ptr().cast(), buf.len()) };
        if n < 0 {
            let e = io::Error::last_os_error();
            if e.kind() == io::ErrorKind::Interrupted {
                return Ok(out);
            }
            return Err(e);
        }
        if n == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the terminal closed",
            ));
        }
        out.extend_from_slice(&buf[..n as usize]);
        // Take whatever else is already there, so one redraw covers it all.
        wait = Duration::ZERO;
    }
}
