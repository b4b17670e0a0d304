//! `kapj review`: reads the period from the command line, has
//! [`crate::review`] build the brief and prints it.

use anyhow::Result;

use crate::app::App;
use crate::cli::ReviewArgs;
use crate::cmd::parse_when;
use crate::domain::Filter;
use crate::render;
use crate::review;

pub fn run(app: &mut App, a: ReviewArgs) -> Result<()> {
    let since = a
        .since
        .as_deref()
        .map(|s| parse_when(s, &app.clock).map(|w| w.start(&app.clock)))
        .transpose()?;
    let until = a
        .until
        .as_deref()
        .map(|s| parse_when(s, &app.clock).map(|w| w.end(&app.clock)))
        .transpose()?;
    let filter = Filter {
        since,
        until,
        include_private: true,
        ..Filter::default()
    };
    let r = review::compute(app, &filter, a.top)?;
    let worth_raising = crate::safety_note::raised_days(app, &filter)?;
    if app.json {
        let mut v = render::review::to_json(&r);
        v["worth_raising"] = worth_raising.iter().map(|d| d.to_string()).collect();
        app.json_out(&v);
    } else {
        render::review::print(app, &r);
        crate::safety_note::print_worth_raising(app, &worth_raising);
    }
    Ok(())
}
