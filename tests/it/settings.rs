//! `kapj settings`: the one place where what kapj offers can be switched off.

use crate::common::Home;

#[test]
fn every_setting_is_listed_on_by_default() {
    let home = Home::new();
    let out = home.ok(&["settings"]);
    let line = out
        .lines()
        .find(|l| l.starts_with("notes.decisions "))
        .expect("listed");
    assert!(line.ends_with(" on (default)"), "{out}");
    assert!(out.contains("status.on_this_day"), "{out}");
    let v = home.json(&["settings"]);
    let all = v["settings"].as_array().expect("a list");
    assert!(
        all.iter().all(|s| s["on"] == true && s["chosen"] == false),
        "{v}"
    );
}

#[test]
fn a_setting_switched_off_stays_off_until_reset() {
    let home = Home::new();
    assert_eq!(
        home.ok(&["settings", "notes.decisions", "off"]),
        "notes.decisions is now off.\n"
    );
    let out = home.ok(&["settings", "notes.decisions"]);
    assert!(out.starts_with("notes.decisions  off\n"), "{out}");
    let v = home.json(&["settings"]);
    let d = v["settings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "notes.decisions")
        .unwrap()
        .clone();
    assert_eq!(
        (d["on"].clone(), d["chosen"].clone()),
        (false.into(), true.into())
    );

    assert_eq!(
        home.ok(&["settings", "notes.decisions", "--reset"]),
        "notes.decisions is back to its default: on.\n"
    );
    assert!(home
        .ok(&["settings", "notes.decisions"])
        .contains("on (default)"));
}

#[test]
fn bad_names_and_values_change_nothing() {
    let home = Home::new();
    home.ok(&["settings", "notes.decisions", "no"]);
    let before = home.snapshot();
    let err = home.fails(&["settings", "notes.decision", "on"]);
    assert!(
        err.contains("\"notes.decision\" is not a setting."),
        "{err}"
    );
    assert!(
        err.contains("notes.decisions"),
        "the names are listed: {err}"
    );
    let err = home.fails(&["settings", "notes.decisions", "maybe"]);
    assert!(err.contains("on or off, not \"maybe\""), "{err}");
    assert_eq!(home.snapshot(), before);
}
