//! `kapj settings [NAME [on|off] | NAME --reset]`: see and switch the few
//! things kapj lets a person turn off (see [`crate::settings`]).

use anyhow::Result;
use serde_json::json;

use crate::app::App;
use crate::cli::SettingsArgs;
use crate::error::user;
use crate::settings::{self, Setting, SETTINGS};
use crate::text;

pub fn run(app: &mut App, a: SettingsArgs) -> Result<()> {
    let Some(name) = a.name else {
        return list(app, SETTINGS);
    };
    let setting = settings::find(&name)?;
    if a.reset {
        settings::reset(app.store()?, setting)?;
        app.line(format!(
            "{} is back to its default: {}.",
            setting.key,
            settings::show_value(setting.default)
        ));
        return Ok(());
    }
    let Some(value) = a.value else {
        return list(app, std::slice::from_ref(setting));
    };
    let on = settings::parse_value(&value)
        .ok_or_else(|| user(format!("A setting is on or off, not \"{}\".", value.trim())))?;
    settings::set(app.store()?, setting, on)?;
    app.line(format!(
        "{} is now {}.",
        setting.key,
        settings::show_value(on)
    ));
    Ok(())
}

fn list(app: &mut App, which: &[Setting]) -> Result<()> {
    let mut rows = Vec::with_capacity(which.len());
    for s in which {
        let store = app.store()?;
        rows.push((
            s,
            settings::enabled(store, s.key)?,
            settings::is_chosen(store, s)?,
        ));
    }
    if app.json {
        let v: Vec<_> = rows
            .iter()
            .map(|(s, on, chosen)| {
                json!({"name": s.key, "on": on, "default": s.default, "chosen": chosen, "about": s.about})
            })
            .collect();
        app.json_out(&json!({ "settings": v }));
        return Ok(());
    }
    let width = which.iter().map(|s| text::width(s.key)).max().unwrap_or(0);
    for (s, on, chosen) in rows {
        let value = settings::show_value(on);
        let marker = if chosen { "" } else { " (default)" };
        app.para(format!("{}  {value}{marker}", text::pad(s.key, width)));
        app.para(format!("  {}", s.about));
    }
    Ok(())
}
