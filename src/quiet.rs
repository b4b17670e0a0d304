//! SQLCipher writes its own diagnostics to stderr when a key is wrong; the
//! user should see only kapj's one sentence. This silences fd 2 around a call.

use std::sync::Mutex;

static LOCK: Mutex<()> = Mutex::new(());

pub fn stderr_silenced<T>(f: impl FnOnce() -> T) -> T {
    let _guard = LOCK.lock().unwrap_or_else(|e| e.into_inner());
    // SAFETY: plain POSIX fd calls on fds we own; fd 2 is restored before returning.
    unsafe {
        let saved = libc::dup(2);
        let null = libc::open(c"/dev/null".as_ptr(), libc::O_WRONLY);
        if saved < 0 || null < 0 {
            if saved >= 0 {
                libc::close(saved);
            }
            if null >= 0 {
                libc::close(null);
            }
            return f();
        }
        libc::dup2(null, 2);
        libc::close(null);
        let out = f();
        libc::dup2(saved, 2);
        libc::close(saved);
        out
    }
}
