//! Helpers for the durability tests: files in the home, fake editors,
//! processes started with a chosen umask, and counts read through kapj.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::common::Home;

/// A fixed passphrase file outside the home.
pub fn pass_file(h: &Home, name: &str, pass: &str) -> PathBuf {
    h.file(name, &format!("{pass}\n"))
}

/// The journal file and its sidecars, for byte checks.
pub fn sidecar(h: &Home, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", h.db().display()))
}

pub fn mode(p: &Path) -> u32 {
    std::fs::metadata(p)
        .expect("file exists")
        .permissions()
        .mode()
        & 0o777
}

/// A shell script to stand in for the user's editor.
pub fn script(h: &Home, name: &str, body: &str) -> PathBuf {
    let p = h.file(name, &format!("#!/bin/sh\n{body}\n"));
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    p
}

/// The kapj binary, started through `sh` under `umask 000`, with the same
/// environment as `Home::cmd`.
pub fn under_umask_000(h: &Home, args: &[&str]) -> Command {
    let mut c = Command::new("sh");
    c.arg("-c")
        .arg("umask 000; exec \"$0\" \"$@\"")
        .arg(assert_cmd::cargo::cargo_bin("kapj"))
        .args(args)
        .env_clear()
        .env("KAPJ_HOME", h.path())
        .env("KAPJ_NOW", &h.now)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", h.dir.path())
        .env("NO_COLOR", "1")
        .env("LANG", "C.UTF-8");
    c
}

/// `kapj write free` reading standard input, started and left waiting: it
/// has opened the journal (it picks the entry's session first) and holds
/// that connection until its input ends.
pub fn waiting_writer(h: &Home, pass: Option<&Path>) -> Child {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("kapj"));
    c.args(["write", "free"])
        .env_clear()
        .env("KAPJ_HOME", h.path())
        .env("KAPJ_NOW", &h.now)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", h.dir.path())
        .env("NO_COLOR", "1")
        .env("LANG", "C.UTF-8")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(p) = pass {
        c.env("KAPJ_PASSPHRASE_FILE", p);
    }
    let child = c.spawn().expect("start kapj");
    // Its SHM file appears once it has opened the journal (bounded wait: the
    // assertions that follow check what they need, so a slow start only
    // makes the test fail, never pass wrongly).
    let shm = sidecar(h, "-shm");
    for _ in 0..400 {
        if shm.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    child
}

/// Every entry's answers joined, by kapj's own `--json list`.
pub fn entry_texts(h: &Home, pass: Option<&Path>) -> Vec<String> {
    let mut c = h.cmd();
    if let Some(p) = pass {
        c.env("KAPJ_PASSPHRASE_FILE", p);
    }
    let out = c
        .args(["--json", "list"])
        .write_stdin("")
        .output()
        .expect("run kapj");
    assert!(
        out.status.success(),
        "list failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON list");
    let mut texts: Vec<String> = v
        .as_array()
        .expect("a list")
        .iter()
        .map(|e| {
            e["answers"]
                .as_array()
                .expect("answers")
                .iter()
                .map(|a| a["text"].as_str().unwrap_or_default().to_string())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    texts.sort();
    texts
}

/// Whether `needle` occurs anywhere in `hay`.
pub fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// A small deterministic generator (xorshift), so loops vary but reproduce.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}
