//! Drafts: an entry being written is saved after every answer, so Ctrl-C,
//! a closed terminal, a failed editor or a crash never costs a word.
//! `kapj write --resume` continues one.
//!
//! A draft is one file under `<home>/drafts/`, written atomically. For a
//! plain journal it is JSON (`.json`). For an encrypted journal it is sealed
//! (`.sealed`): the same JSON under AES-256-GCM, with a random key kept
//! inside the encrypted journal (see `Store::drafts_key`). Sealed drafts can
//! be written when the journal itself cannot be (busy, full), because the
//! key is read when the journal opens; and no answer of an encrypted journal
//! is ever on disk in plain text outside it.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use anyhow::Result;
use serde::{Deserialize, Serialize};

use crate::atomic_file;
use crate::domain::{Answer, Phase};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Draft {
    /// The file this draft lives in; its extension says plain or sealed.
    #[serde(skip)]
    pub path: PathBuf,
    /// Set for a draft of an encrypted journal: it is saved sealed.
    #[serde(skip)]
    pub key: Option<DraftKey>,
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
    /// For an unfinished `kapj edit`: the entry's number. Such a draft is
    /// continued by `kapj edit N`, never by `write --resume`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edit_of: Option<i64>,
    /// For an unfinished `kapj edit`: the editor form exactly as the person
    /// left it, so reopening it shows every word where they put it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<String>,
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

/// The key that seals the drafts of an encrypted journal. It is stored
/// inside the journal, so it is as safe as the journal's own passphrase.
#[derive(Clone)]
pub struct DraftKey([u8; 32]);

impl std::fmt::Debug for DraftKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DraftKey(…)")
    }
}

impl DraftKey {
    /// A new random key from the operating system's generator.
    pub fn generate() -> Result<DraftKey> {
        let mut k = [0u8; 32];
        getrandom::fill(&mut k).map_err(|e| anyhow::anyhow!("no random bytes: {e}"))?;
        Ok(DraftKey(k))
    }

    pub fn to_hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }

    pub fn from_hex(s: &str) -> Option<DraftKey> {
        let s = s.trim();
        if s.len() != 64 || !s.is_ascii() {
            return None;
        }
        let mut k = [0u8; 32];
        for (i, b) in k.iter_mut().enumerate() {
            *b = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).ok()?;
        }
        Some(DraftKey(k))
    }
}

const PLAIN_EXT: &str = "json";
const SEALED_EXT: &str = "sealed";
/// First bytes of a sealed draft; also bound to the ciphertext as associated data.
const SEALED_MAGIC: &[u8] = b"kapj-draft-sealed-1\n";
const NONCE_LEN: usize = 12;
const TAG_LEN: usize = 16;

fn seal(key: &DraftKey, plain: &[u8]) -> Result<Vec<u8>> {
    let mut nonce = [0u8; NONCE_LEN];
    getrandom::fill(&mut nonce).map_err(|e| anyhow::anyhow!("no random bytes: {e}"))?;
    // aes-gcm returns the ciphertext with its 16-byte tag appended, the
    // layout a sealed draft has always had after its nonce.
    let sealed = cipher(key)
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: plain,
                aad: SEALED_MAGIC,
            },
        )
        .map_err(|_| anyhow::anyhow!("the draft could not be sealed"))?;
    let mut out = Vec::with_capacity(SEALED_MAGIC.len() + NONCE_LEN + sealed.len());
    out.extend_from_slice(SEALED_MAGIC);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&sealed);
    Ok(out)
}

fn cipher(key: &DraftKey) -> Aes256Gcm {
    Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&key.0))
}

/// The JSON inside a sealed draft; None when the key does not open it.
fn unseal(key: &DraftKey, bytes: &[u8]) -> Option<Vec<u8>> {
    let rest = bytes.strip_prefix(SEALED_MAGIC)?;
    if rest.len() < NONCE_LEN + TAG_LEN {
        return None;
    }
    let (nonce, sealed) = rest.split_at(NONCE_LEN);
    cipher(key)
        .decrypt(
            Nonce::from_slice(nonce),
            Payload {
                msg: sealed,
                aad: SEALED_MAGIC,
            },
        )
        .ok()
}

pub fn dir(home: &Path) -> PathBuf {
    home.join("drafts")
}

impl Draft {
    /// A fresh file name for a draft begun at `stamp`; sealed when `sealed`.
    pub fn new_path(home: &Path, stamp: &str, sealed: bool) -> PathBuf {
        let safe: String = stamp
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        let ext = if sealed { SEALED_EXT } else { PLAIN_EXT };
        dir(home).join(format!(
            "{safe}-{}.{ext}",
            &uuid::Uuid::new_v4().to_string()[..8]
        ))
    }

    /// Writes the draft atomically, readable by the user alone; sealed when
    /// the draft has a key.
    pub fn save(&self) -> Result<()> {
        let parent = self.path.parent().expect("drafts live in a folder");
        fs::create_dir_all(parent)?;
        let _ = fs::set_permissions(parent, fs::Permissions::from_mode(0o700));
        let json = serde_json::to_string_pretty(self)?;
        let bytes = match &self.key {
            Some(k) => seal(k, json.as_bytes())?,
            None => json.into_bytes(),
        };
        atomic_file::write(&self.path, &bytes)?;
        Ok(())
    }

    pub fn remove(&self) {
        let _ = fs::remove_file(&self.path);
    }

    pub fn has_words(&self) -> bool {
        self.answers.iter().any(|a| !a.text.trim().is_empty()) || self.typing_words().is_some()
    }

    /// How many answers hold words, the one being typed included.
    pub fn answered(&self) -> usize {
        self.answers
            .iter()
            .filter(|a| !a.text.trim().is_empty())
            .count()
            + usize::from(self.typing_words().is_some())
    }

    /// The first words written: of the first answer, else of the one being typed.
    pub fn first_words(&self) -> Option<&str> {
        self.answers
            .iter()
            .map(|a| a.text.as_str())
            .find(|t| !t.trim().is_empty())
            .or_else(|| self.typing_words())
    }

    /// The answer being typed when writing stopped, if it holds words and
    /// is not also among the answers.
    fn typing_words(&self) -> Option<&str> {
        self.typing
            .as_ref()
            .filter(|t| !t.text.trim().is_empty() && !self.answers.iter().any(|a| a.key == t.key))
            .map(|t| t.text.as_str())
    }

    /// Moves the draft to a file sealed with `key` (or a plain one when
    /// None), then removes the old file.
    pub fn reseal(&mut self, key: Option<&DraftKey>) -> Result<()> {
        let (old_path, old_key) = (self.path.clone(), self.key.clone());
        let ext = if key.is_some() { SEALED_EXT } else { PLAIN_EXT };
        self.path = old_path.with_extension(ext);
        self.key = key.cloned();
        if let Err(e) = self.save() {
            // Still where it was, as it was.
            self.path = old_path;
            self.key = old_key;
            return Err(e);
        }
        if old_path != self.path {
            let _ = fs::remove_file(&old_path);
        }
        Ok(())
    }
}

/// Reads one draft file: plain JSON, or sealed and opened with `key`.
fn read(path: &Path, key: Option<&DraftKey>) -> Option<Draft> {
    let bytes = fs::read(path).ok()?;
    let ext = path.extension()?;
    let json = if ext == PLAIN_EXT {
        bytes
    } else if ext == SEALED_EXT {
        unseal(key?, &bytes)?
    } else {
        return None;
    };
    let mut d: Draft = serde_json::from_slice(&json).ok()?;
    d.path = path.to_path_buf();
    d.key = if ext == SEALED_EXT {
        key.cloned()
    } else {
        None
    };
    Some(d)
}

/// Drafts in the home, newest first. With a key (an encrypted journal),
/// sealed drafts are opened, and any plain draft found (kept before the
/// journal was encrypted, or by an older kapj) is sealed on the spot.
/// Files that cannot be read are left alone, never deleted.
pub fn list(home: &Path, key: Option<&DraftKey>) -> Vec<Draft> {
    let Ok(rd) = fs::read_dir(dir(home)) else {
        return Vec::new();
    };
    let mut drafts: Vec<Draft> = rd
        .filter_map(|e| e.ok())
        .filter_map(|e| read(&e.path(), key))
        .map(|mut d| {
            if let (Some(k), None) = (key, &d.key) {
                // If sealing fails, the plain file stays: never lose a word.
                let _ = d.reseal(Some(k));
            }
            d
        })
        .collect();
    drafts.sort_by(|a, b| b.saved_at.cmp(&a.saved_at));
    drafts
}

/// Whether any plain draft file is in the home.
pub fn any_plain(home: &Path) -> bool {
    fs::read_dir(dir(home)).is_ok_and(|rd| {
        rd.flatten()
            .any(|e| e.path().extension().is_some_and(|x| x == PLAIN_EXT))
    })
}

/// Rewrites every draft readable with `from` (plain drafts always are) as
/// sealed with `to`, or plain when `to` is None. Used by encrypt and decrypt.
pub fn reseal_all(home: &Path, from: Option<&DraftKey>, to: Option<&DraftKey>) -> Result<()> {
    let Ok(rd) = fs::read_dir(dir(home)) else {
        return Ok(());
    };
    for e in rd.flatten() {
        if let Some(mut d) = read(&e.path(), from) {
            d.reseal(to)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_bytes_open_only_with_their_key_and_hide_the_text() {
        let k = DraftKey::generate().unwrap();
        let sealed = seal(&k, b"a quiet lake").unwrap();
        assert!(!sealed.windows(5).any(|w| w == b"quiet"));
        assert_eq!(unseal(&k, &sealed).unwrap(), b"a quiet lake");
        let other = DraftKey::generate().unwrap();
        assert!(unseal(&other, &sealed).is_none());
        let mut tampered = sealed.clone();
        let last = tampered.len() - 1;
        tampered[last] ^= 1;
        assert!(unseal(&k, &tampered).is_none());
        assert_eq!(
            DraftKey::from_hex(&k.to_hex()).unwrap().0,
            k.0,
            "hex round trip"
        );
    }
}
