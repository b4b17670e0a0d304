//! Small fake programs (editors) written as shell scripts into the test's temp dir.

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

use crate::common::Home;

/// An executable `sh` script named `name` with this body; returns its path.
pub fn script(h: &Home, name: &str, body: &str) -> PathBuf {
    let p = h.file(name, &format!("#!/bin/sh\n{body}\n"));
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    p
}

/// Runs kapj with extra environment variables and this text on standard input.
pub fn run_with(
    h: &Home,
    args: &[&str],
    env: &[(&str, &str)],
    stdin: &str,
) -> std::process::Output {
    let mut c = h.cmd();
    for (k, v) in env {
        c.env(k, v);
    }
    c.args(args).write_stdin(stdin).output().expect("run kapj")
}
