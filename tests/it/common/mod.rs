//! The one test harness: every test gets a fresh temp home, a cleared
//! environment and a fixed clock, and runs the real binary.

pub mod answer_screen;
pub mod pty;
pub mod screen;
pub mod script;

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// Monday evening, in a time zone an hour east of UTC.
pub const NOW: &str = "2026-11-22T21:00:00+01:00";

pub struct Home {
    pub dir: tempfile::TempDir,
    pub now: String,
}

impl Home {
    pub fn new() -> Home {
        Home {
            dir: tempfile::tempdir().expect("temp dir"),
            now: NOW.to_string(),
        }
    }

    /// The kapj home (a folder inside the temp dir, so creating it is tested too).
    pub fn path(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    pub fn db(&self) -> PathBuf {
        self.path().join("kapj.db")
    }

    /// A kapj command with a cleared environment, this home and the clock.
    pub fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("kapj").expect("binary");
        c.env_clear()
            .env("KAPJ_HOME", self.path())
            .env("KAPJ_NOW", &self.now)
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .env("NO_COLOR", "1")
            .env("LANG", "C.UTF-8");
        c
    }

    /// Runs kapj with args and standard input closed; returns the output.
    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd()
            .args(args)
            .write_stdin("")
            .output()
            .expect("run kapj")
    }

    /// Runs kapj expecting success, returning stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "kapj {args:?} failed ({:?}):\nstdout: {}\nstderr: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 stdout")
    }

    /// Runs kapj expecting failure with a one-line-ish plain error; returns stderr.
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(!out.status.success(), "kapj {args:?} should have failed");
        let err = String::from_utf8(out.stderr).expect("utf-8 stderr");
        assert_plain_error(&err);
        err
    }

    /// `--json` output parsed.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        serde_json::from_str(&self.ok(&all)).expect("one JSON document")
    }

    /// Writes a file into the temp dir (outside the home) and returns its path.
    pub fn file(&self, name: &str, content: &str) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, content).expect("write file");
        p
    }

    /// Bytes of every file in the home, for "the store is unchanged" checks.
    pub fn snapshot(&self) -> Vec<(PathBuf, Vec<u8>)> {
        let mut out = Vec::new();
        walk(&self.path(), &mut out);
        out.sort();
        out
    }
}

fn walk(dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if let Ok(b) = std::fs::read(&p) {
            // The SHM file is a shared-memory index, rebuilt freely by SQLite.
            if !p.to_string_lossy().ends_with("-shm") {
                out.push((p, b));
            }
        }
    }
}

/// An error a user sees: short, plain, no panic, no SQL, no backtrace.
pub fn assert_plain_error(err: &str) {
    assert!(!err.trim().is_empty(), "an error must say something");
    assert!(err.lines().count() <= 3, "error too long:\n{err}");
    for bad in [
        "panicked",
        "RUST_BACKTRACE",
        "SELECT ",
        "INSERT ",
        "sqlite3",
        "Error {",
        "thread 'main'",
    ] {
        assert!(!err.contains(bad), "error leaks internals ({bad}):\n{err}");
    }
}

/// An entry's answers (from `--json show`) as (key, text) pairs.
pub fn texts(entry: &serde_json::Value) -> Vec<(String, String)> {
    entry["answers"]
        .as_array()
        .expect("answers")
        .iter()
        .map(|a| {
            (
                a["key"].as_str().unwrap().to_string(),
                a["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Expected (key, text) pairs, written briefly.
pub fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    p.iter()
        .map(|(k, t)| (k.to_string(), t.to_string()))
        .collect()
}

/// Filler of ordinary first-person writing: each sentence is used once, so
/// nothing in it recurs across sessions.
pub const FILLER: &[&str] = &[
    "I slept badly and managed what I needed.",
    "Work was busy with spreadsheets.",
    "After lunch I walked past the bakery.",
    "The weather turned cold and grey.",
    "I cooked lentils and called Sam.",
    "Read a novel about sailors until midnight.",
    "The bus was late, so I waited with a coffee.",
    "Paid the electricity bill finally.",
    "Watered the basil on the windowsill.",
    "A neighbour's dog barked for hours.",
    "Cleaned the kitchen cupboards.",
    "Tried a new yoga video on the laptop.",
    "Forgot my umbrella at the office.",
    "Bought socks and a lamp.",
    "The train to Leeds was crowded.",
    "Wrote a birthday card for my aunt.",
    "Fixed the squeaky hinge on the wardrobe.",
    "Listened to a podcast about volcanoes.",
    "Ate soup at the noodle place downtown.",
    "The printer jammed twice this morning.",
    "Folded laundry while the radio played jazz.",
    "Planted tulip bulbs in the garden.",
    "My phone screen cracked on the stairs.",
    "Sorted old photographs into albums.",
    "The dentist said everything looks fine.",
    "Baked banana bread, slightly burnt.",
    "A long meeting about budgets.",
    "Swam twenty lengths at the pool.",
    "Painted the fence a pale green.",
    "Returned library books on time.",
    "Helped Jo move a sofa upstairs.",
    "The heating clanked all evening.",
    "Practised scales on the old piano.",
    "Found a chestnut in my coat pocket.",
    "Queued at the post office with a parcel.",
    "Tidied the shed and found a kite.",
    "Knitted two rows of a scarf.",
    "Ordered a pizza with olives.",
    "Filled in the census form.",
    "Repaired a puncture on the bicycle.",
];
