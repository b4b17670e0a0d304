//! The client's choices about review's themes (see migrations/05-theme-choices):
//! hidden, kept and merged, each by stemmed key and by the name typed.

use anyhow::Result;
use chrono::{DateTime, FixedOffset};
use rusqlite::{params, Connection, OptionalExtension};

use super::Store;

/// A theme as the client named it, with the key review matches it by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedTheme {
    pub key: String,
    pub name: String,
}

/// Themes counted as one, shown as `name`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergedTheme {
    pub name: String,
    /// In the order they were named.
    pub members: Vec<NamedTheme>,
}

/// Everything the client chose, each list in the order it was chosen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ThemeChoices {
    pub hidden: Vec<NamedTheme>,
    pub kept: Vec<NamedTheme>,
    pub merged: Vec<MergedTheme>,
}

impl ThemeChoices {
    pub fn is_empty(&self) -> bool {
        self.hidden.is_empty() && self.kept.is_empty() && self.merged.is_empty()
    }

    /// The group a key belongs to.
    pub fn group_of(&self, key: &str) -> Option<&MergedTheme> {
        self.merged
            .iter()
            .find(|g| g.members.iter().any(|m| m.key == key))
    }
}

/// Hidden or kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Hide,
    Keep,
}

impl Choice {
    fn as_str(self) -> &'static str {
        match self {
            Choice::Hide => "hide",
            Choice::Keep => "keep",
        }
    }
}

/// What `reset` took back.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ResetCounts {
    pub hidden: usize,
    pub kept: usize,
    /// Themes taken out of a merge.
    pub merged: usize,
}

impl ResetCounts {
    pub fn is_empty(&self) -> bool {
        self.hidden + self.kept + self.merged == 0
    }
}

pub(super) fn read_choices(conn: &Connection) -> Result<ThemeChoices> {
    let mut out = ThemeChoices::default();
    let mut st =
        conn.prepare_cached("SELECT key, name, choice FROM theme_choices ORDER BY rowid")?;
    let rows = st.query_map([], |r| {
        Ok((
            NamedTheme {
                key: r.get(0)?,
                name: r.get(1)?,
            },
            r.get::<_, String>(2)?,
        ))
    })?;
    for row in rows {
        let (theme, choice) = row?;
        if choice == "hide" {
            out.hidden.push(theme);
        } else {
            out.kept.push(theme);
        }
    }
    let mut st = conn.prepare_cached("SELECT key, name, grp FROM theme_merges ORDER BY rowid")?;
    let rows = st.query_map([], |r| {
        Ok((
            NamedTheme {
                key: r.get(0)?,
                name: r.get(1)?,
            },
            r.get::<_, String>(2)?,
        ))
    })?;
    for row in rows {
        let (member, group) = row?;
        match out.merged.iter_mut().find(|g| g.name == group) {
            Some(g) => g.members.push(member),
            None => out.merged.push(MergedTheme {
                name: group,
                members: vec![member],
            }),
        }
    }
    Ok(out)
}

/// Hides or keeps a theme (replacing an earlier choice of the other kind).
pub(super) fn set_choice(
    conn: &Connection,
    theme: &NamedTheme,
    choice: Choice,
    at: DateTime<FixedOffset>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO theme_choices(key, name, choice, at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(key) DO UPDATE SET name = excluded.name, choice = excluded.choice, at = excluded.at",
    )?
    .execute(params![theme.key, theme.name, choice.as_str(), at.to_rfc3339()])?;
    Ok(())
}

/// Makes `group` exactly these members, taking them out of any other group.
pub(super) fn set_group(
    conn: &Connection,
    group: &MergedTheme,
    at: DateTime<FixedOffset>,
) -> Result<()> {
    conn.prepare_cached("DELETE FROM theme_merges WHERE grp = ?1")?
        .execute([&group.name])?;
    let mut take_out = conn.prepare_cached("DELETE FROM theme_merges WHERE key = ?1")?;
    let mut add = conn
        .prepare_cached("INSERT INTO theme_merges(key, name, grp, at) VALUES (?1, ?2, ?3, ?4)")?;
    for m in &group.members {
        take_out.execute([&m.key])?;
        add.execute(params![m.key, m.name, group.name, at.to_rfc3339()])?;
    }
    Ok(())
}

impl Store {
    pub fn theme_choices(&self) -> Result<ThemeChoices> {
        read_choices(&self.conn)
    }

    pub fn set_theme_choice(
        &self,
        theme: &NamedTheme,
        choice: Choice,
        at: DateTime<FixedOffset>,
    ) -> Result<()> {
        set_choice(&self.conn, theme, choice, at)
    }

    /// Replaces the merged groups named in `absorbed` (and the group of the
    /// same name) with `group`, in one transaction.
    pub fn merge_themes(
        &mut self,
        group: &MergedTheme,
        absorbed: &[String],
        at: DateTime<FixedOffset>,
    ) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        {
            let mut drop_group = tx.prepare_cached("DELETE FROM theme_merges WHERE grp = ?1")?;
            for name in absorbed {
                drop_group.execute([name])?;
            }
        }
        set_group(&tx, group, at)?;
        tx.commit()?;
        Ok(())
    }

    /// Undoes every choice about these keys, and dissolves the group named
    /// `group_name` if there is one; a group left with one member is
    /// dissolved too (one theme alone is not a merge).
    pub fn reset_theme(
        &mut self,
        keys: &[String],
        group_name: Option<&str>,
    ) -> Result<ResetCounts> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut counts = ResetCounts::default();
        for key in keys {
            let choice: Option<String> = tx
                .query_row(
                    "SELECT choice FROM theme_choices WHERE key = ?1",
                    [key],
                    |r| r.get(0),
                )
                .optional()?;
            match choice.as_deref() {
                Some("hide") => counts.hidden += 1,
                Some(_) => counts.kept += 1,
                None => {}
            }
            tx.execute("DELETE FROM theme_choices WHERE key = ?1", [key])?;
            counts.merged += tx.execute("DELETE FROM theme_merges WHERE key = ?1", [key])?;
        }
        if let Some(g) = group_name {
            counts.merged += tx.execute("DELETE FROM theme_merges WHERE grp = ?1", [g])?;
        }
        tx.execute_batch(
            "DELETE FROM theme_merges WHERE grp IN
                 (SELECT grp FROM theme_merges GROUP BY grp HAVING count(*) < 2)",
        )?;
        tx.commit()?;
        Ok(counts)
    }

    /// Undoes every choice.
    pub fn reset_all_themes(&mut self) -> Result<ResetCounts> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let counts = ResetCounts {
            hidden: tx.execute("DELETE FROM theme_choices WHERE choice = 'hide'", [])?,
            kept: tx.execute("DELETE FROM theme_choices WHERE choice = 'keep'", [])?,
            merged: tx.execute("DELETE FROM theme_merges", [])?,
        };
        tx.commit()?;
        Ok(counts)
    }
}

/// Adds a file's theme choices to the journal's, matched by key (from
/// the names), inside the import's transaction. The journal's own choices
/// win: a theme it keeps is not hidden by the file, nor one it hides kept,
/// and a theme stays in the merge it is in. Merged themes of the same name
/// join. Returns how many choices were added.
pub(super) fn import_choices(
    conn: &Connection,
    file: &crate::journal::InThemes,
    at: DateTime<FixedOffset>,
) -> Result<usize> {
    let named = |name: &str| {
        let name = crate::themes::tidy_name(name);
        crate::themes::key_of(&name)
            .ok()
            .map(|key| NamedTheme { key, name })
    };
    let mut added = 0;
    for (list, choice) in [(&file.hidden, Choice::Hide), (&file.kept, Choice::Keep)] {
        for theme in list.iter().filter_map(|n| named(n)) {
            let mine = read_choices(conn)?;
            let chosen = mine
                .hidden
                .iter()
                .chain(&mine.kept)
                .any(|t| t.key == theme.key);
            if chosen || (choice == Choice::Hide && mine.group_of(&theme.key).is_some()) {
                continue;
            }
            set_choice(conn, &theme, choice, at)?;
            added += 1;
        }
    }
    for (name, members) in &file.merged {
        let name = crate::themes::tidy_name(name);
        let mine = read_choices(conn)?;
        let mut group = mine
            .merged
            .iter()
            .find(|g| g.name == name)
            .cloned()
            .unwrap_or(MergedTheme {
                name: name.clone(),
                members: Vec::new(),
            });
        let before = group.members.len();
        for m in members.iter().filter_map(|n| named(n)) {
            let taken = group.members.iter().any(|g| g.key == m.key)
                || mine.group_of(&m.key).is_some()
                || mine.hidden.iter().any(|h| h.key == m.key);
            if !taken {
                group.members.push(m);
            }
        }
        if group.members.len() >= 2 && group.members.len() > before {
            set_group(conn, &group, at)?;
            added += group.members.len() - before;
        }
    }
    Ok(added)
}
