//! `kapj status`: where the client stands in the integration cycle.
//!
//! The window follows design.md: 0–24 h after a session, immediate
//! reflection; 24–72 h, meaning-making while the window is open; after 72 h,
//! embodiment. A planned session ahead asks for an intention — unless the
//! latest session is still inside its 72 hours, which comes first; then the
//! planned one is mentioned as well.

use anyhow::Result;
use chrono::{DateTime, FixedOffset};
use serde_json::json;

use crate::app::App;
use crate::domain::{Phase, Session};
use crate::render;

pub struct Status {
    pub latest: Option<Session>,
    pub next: Option<Session>,
    pub hours_since: Option<f64>,
    pub due: Due,
    pub done: Vec<(Phase, i64)>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Due {
    FirstSession,
    Intention,
    Reflection,
    Meaning { closes_in_hours: f64 },
    Embodiment,
}

impl Due {
    fn key(self) -> &'static str {
        match self {
            Due::FirstSession => "session",
            Due::Intention => "intention",
            Due::Reflection => "reflection",
            Due::Meaning { .. } => "meaning",
            Due::Embodiment => "embodiment",
        }
    }
}

pub fn compute(app: &mut App) -> Result<Status> {
    let now = app.clock.now();
    let store = app.store()?;
    let latest = store.session_at_or_before(now)?;
    let next = store.session_after(now)?.map(|(s, _)| s);
    let hours_since = latest
        .as_ref()
        .map(|(s, _)| now.signed_duration_since(s.at).num_seconds() as f64 / 3600.0);
    let due = match (hours_since, &next) {
        (Some(h), _) if h < 24.0 => Due::Reflection,
        (Some(h), _) if h <= 72.0 => Due::Meaning {
            closes_in_hours: 72.0 - h,
        },
        (_, Some(_)) => Due::Intention,
        (Some(_), None) => Due::Embodiment,
        (None, None) => Due::FirstSession,
    };
    let done = match &latest {
        Some((_, row)) => store
            .phase_counts(*row)?
            .into_iter()
            .filter_map(|(p, n)| Phase::parse(&p).map(|p| (p, n)))
            .collect(),
        None => Vec::new(),
    };
    Ok(Status {
        latest: latest.map(|(s, _)| s),
        next,
        hours_since,
        due,
        done,
    })
}

pub fn run(app: &mut App) -> Result<()> {
    let fresh = !app.journal_exists();
    let st = compute(app)?;
    let actions = app.store()?.actions(false)?;
    let drafts = app.drafts()?;
    let now = app.clock.now();
    if app.json {
        let v = json!({
            "now": now.to_rfc3339(),
            "latest_session": st.latest.as_ref().map(render::session_json),
            "next_session": st.next.as_ref().map(render::session_json),
            "hours_since_session": st.hours_since.map(|h| (h * 10.0).round() / 10.0),
            "due": st.due.key(),
            "window_closes_in_hours": match st.due { Due::Meaning { closes_in_hours } => Some((closes_in_hours * 10.0).round() / 10.0), _ => None },
            "phases_written": st.done.iter().map(|(p, _)| p.key()).collect::<Vec<_>>(),
            "open_actions": actions.iter().map(render::action_json).collect::<Vec<_>>(),
            "drafts": drafts.iter().enumerate().map(|(i, d)| super::drafts::summary_json(i + 1, d)).collect::<Vec<_>>(),
        });
        app.json_out(&v);
        return Ok(());
    }
    if fresh {
        app.para("Welcome to kapj, a quiet companion for the days around a medicine session.");
        app.para(format!(
            "Your journal lives in {}. Nothing leaves this machine unless you export it.",
            app.home.display()
        ));
        app.para("");
    }
    print_status(app, &st, now);
    if let Some(line) = super::drafts::status_line(&drafts, now) {
        app.para(line);
    }
    if !actions.is_empty() {
        app.para("");
        app.para(app.bold("Open actions"));
        for a in actions.iter().take(3) {
            let age = render::age_days(now, a.at);
            app.para(format!(
                "  {:>3}  {}  ({age})",
                a.number,
                render::first_line(&a.text, 56)
            ));
        }
        if actions.len() > 3 {
            app.para(format!("  … and {} more: kapj actions", actions.len() - 3));
        }
    }
    Ok(())
}

fn print_status(app: &mut App, st: &Status, now: DateTime<FixedOffset>) {
    match (&st.latest, st.due) {
        (None, Due::FirstSession) => {
            app.para("No sessions yet.");
            app.para("When your next medicine session is planned, you could record it and set an intention:");
            app.para("  kapj session add --at \"2026-12-01 10:00\"");
            app.para("  kapj write intention");
            return;
        }
        (Some(s), _) => {
            app.para(format!(
                "{} was {} ({}).",
                app.bold(&format!("Session {}", s.number)),
                render::relative(now, s.at),
                render::long_time(s.at)
            ));
        }
        (None, _) => {}
    }
    match st.due {
        Due::Reflection => {
            app.para("Now: immediate reflection. Rest comes first; a few words while things are fresh are enough.");
            app.para("  kapj write reflection");
        }
        Due::Meaning { closes_in_hours } => {
            let closes = match closes_in_hours.round() as i64 {
                0 => "within the hour".to_string(),
                n => format!("in about {}", render::plural(n, "hour")),
            };
            app.para(format!(
                "Now: meaning-making. These days after a session are a window when change comes easier; it closes {closes}."
            ));
            app.para("An integration conversation with your therapist is often helpful around 48–72 hours after a session.");
            app.para("  kapj write meaning");
        }
        Due::Embodiment => {
            app.para("Now: embodiment, carrying the session into daily life.");
            app.para("  kapj write embodiment");
        }
        Due::Intention | Due::FirstSession => {}
    }
    if let Some(next) = &st.next {
        let lead = if st.due == Due::Intention {
            "Next"
        } else {
            "Also ahead"
        };
        app.para(format!(
            "{lead}: session {} {} ({}). You could set an intention, and read `kapj review` beforehand.",
            next.number,
            render::relative(now, next.at),
            render::long_time(next.at)
        ));
        if st.due == Due::Intention {
            app.para("  kapj write intention");
        }
    }
    if let Some(s) = &st.latest {
        let marks: Vec<String> = Phase::CYCLE
            .iter()
            .map(|p| {
                let done = st.done.iter().any(|(d, _)| d == p);
                format!("{} {}", p.key(), if done { "✓" } else { "·" })
            })
            .collect();
        app.para(format!("Session {} so far: {}", s.number, marks.join("  ")));
    }
}
