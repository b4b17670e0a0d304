//! Errors a user can act on, and the exit codes they map to.
//!
//! Anything that is not a [`UserError`] is an internal failure: main prints a
//! calm generic sentence for it, never SQL text or a backtrace.

use std::fmt;

/// Exit code for a problem with the user's input or journal (design: 1).
pub const EXIT_USER: i32 = 1;
/// Exit code for a command line clap could not parse (design: 2).
pub const EXIT_USAGE: i32 = 2;

/// One plain sentence saying what was wrong, plus an optional hint saying what to do.
#[derive(Debug)]
pub struct UserError {
    pub message: String,
    pub hint: Option<String>,
    pub code: i32,
}

impl UserError {
    pub fn new(message: impl Into<String>) -> Self {
        UserError {
            message: message.into(),
            hint: None,
            code: EXIT_USER,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn code(mut self, code: i32) -> Self {
        self.code = code;
        self
    }
}

impl fmt::Display for UserError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for UserError {}

/// Shorthand: `return Err(user("…"))` in functions returning `anyhow::Result`.
pub fn user(message: impl Into<String>) -> anyhow::Error {
    UserError::new(message).into()
}

/// Shorthand with a hint.
pub fn user_hint(message: impl Into<String>, hint: impl Into<String>) -> anyhow::Error {
    UserError::new(message).hint(hint).into()
}
