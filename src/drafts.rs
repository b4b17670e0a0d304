//! Drafts: an entry being written is saved after every answer, so Ctrl-C,
//! a closed terminal, a failed editor or a crash never costs a word.
//! `kapj write --resume` continues the newest one.

use std::fs;
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::{Deserialize, Serialize};

use crate::domain::{Answer, Phase};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Draft {
    #[serde(skip)]
    pub path: PathBuf,
    pub phase: Phase,
    /// Session number chosen when the draft began.
    pub session: Option<i64>,
    pub at: String,
    pub mood: Option<u8>,
    pub tags: Vec<String>,
    pub feelings: Vec<String>,
    pub private: bool,
    /// Answers so far, including skipped prompts (empty text), in order asked.
    pub answers: Vec<Answer>,
    /// Whether the mood and feelings questions were already asked.
    #[serde(default)]
    pub asked_mood: bool,
    #[serde(default)]
    pub asked_feelings: bool,
    pub saved_at: String,
    /// The answer being typed when the draft was last saved (kept while
    /// typing, so a closed terminal loses at most a few seconds), with its
    /// cursor, so `--resume` puts the person back where they were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typing: Option<Typing>,
}

/// An answer not yet finished: its prompt key, the text and the cursor (a byte offset).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Typing {
    pub key: String,
    pub text: String,
    pub cursor: usize,
}

pub fn dir(home: &Path) -> PathBuf {
    home.join("drafts")
}

impl Draft {
    pub fn new_path(home: &Path, stamp: &str) -> PathBuf {
        let safe: String = stamp
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        dir(home).join(format!(
            "{safe}-{}.json",
            &uuid::Uuid::new_v4().to_string()[..8]
        ))
    }

    /// Writes the draft atomically (temp file, fsync, rename), readable by the user alone.
    pub fn save(&self) -> Result<()> {
        let parent = self.path.parent().expect("drafts live in a folder");
        fs::create_dir_all(parent)?;
        let _ = fs::set_permissions(parent, fs::Permissions::from_mode(0o700));
        let tmp = self.path.with_extension("tmp");
        {
            let mut f = fs::OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true)
                .mode(0o600)
                .open(&tmp)?;
            f.write_all(serde_json::to_string_pretty(self)?.as_bytes())?;
            f.sync_all()?;
        }
        fs::rename(&tmp, &self.path)?;
        Ok(())
    }

    pub fn remove(&self) {
        let _ = fs::remove_file(&self.path);
    }

    pub fn has_words(&self) -> bool {
        self.answers.iter().any(|a| !a.text.trim().is_empty())
    }
}

/// Drafts in the home, newest first. Unreadable files are left alone, never deleted.
pub fn list(home: &Path) -> Vec<Draft> {
    let Ok(rd) = fs::read_dir(dir(home)) else {
        return Vec::new();
    };
    let mut drafts: Vec<Draft> = rd
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter_map(|p| {
            let text = fs::read_to_string(&p).ok()?;
            let mut d: Draft = serde_json::from_str(&text).ok()?;
            d.path = p;
            Some(d)
        })
        .collect();
    drafts.sort_by(|a, b| b.saved_at.cmp(&a.saved_at));
    drafts
}
