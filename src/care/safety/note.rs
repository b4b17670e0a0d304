//! Every sentence the person may read about this: the note after saving
//! (gentle, or leading with people to reach now), the line after an import,
//! and the dates line in review and export.
//!
//! Read by someone who may be in a very hard moment: calm, warm, plain.
//! Never "risk", never "detected", nothing that sounds like a verdict.

use chrono::{Datelike, NaiveDate};

use super::CrisisLine;
#[cfg(test)]
use super::{crisis_lines, CANADA};

/// The short, calm note shown after an entry that mentions self-harm or
/// suicide has been saved: the entry is saved, no one monitors this journal,
/// the user's own plan (or where to write one), and the crisis lines.
///
/// `plan_summary` is a short text built from the user's safety plan (see
/// [`super::plan_summary`]); it may span several lines.
pub fn safety_note(plan_summary: Option<&str>, lines: &[CrisisLine]) -> Vec<String> {
    note(
        "Your entry is saved.",
        "Some of what you wrote may touch on hurting yourself or not wanting to be alive, so kapj shows this, just in case.",
        plan_summary,
        lines,
    )
}

/// The same note after a check whose answers call for it (PHQ-9 item 9
/// above zero): it begins "Your answers are saved." instead.
pub fn check_safety_note(plan_summary: Option<&str>, lines: &[CrisisLine]) -> Vec<String> {
    note(
        "Your answers are saved.",
        "One of them touches on thoughts of being better off dead or of hurting yourself, so kapj shows this, just in case.",
        plan_summary,
        lines,
    )
}

fn note(saved: &str, why: &str, plan_summary: Option<&str>, lines: &[CrisisLine]) -> Vec<String> {
    let mut out = vec![
        saved.to_string(),
        why.to_string(),
        "No one monitors this journal; what you write stays on this computer.".to_string(),
    ];
    let plan = plan_summary
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.lines().map(str::trim).filter(|l| !l.is_empty()));
    match plan {
        Some(plan_lines) => {
            out.push("From your safety plan (`kapj safety` shows all of it):".to_string());
            out.extend(plan_lines.map(|l| format!("  {l}")));
        }
        None => out.push(
            "If you'd like, `kapj safety` has space to write down what helps and who you can reach."
                .to_string(),
        ),
    }
    if !lines.is_empty() {
        out.push("If you would like to talk with someone now:".to_string());
        out.extend(lines.iter().map(|l| format!("  {l}")));
    }
    out.push(
        "If you might be in danger right now, your local emergency number is there too."
            .to_string(),
    );
    out
}

/// The note when an entry speaks of a plan, preparation, a method with
/// intent or a recent attempt. It leads with people to reach and the
/// person's own plan, and says plainly, without alarm, that this is a
/// moment to reach someone.
pub fn safety_note_now(plan_summary: Option<&str>, lines: &[CrisisLine]) -> Vec<String> {
    let mut out = vec![
        "Your entry is saved.".to_string(),
        "What you wrote sounds like a lot to hold on your own. This is a moment to reach someone now."
            .to_string(),
    ];
    if !lines.is_empty() {
        out.push("You can talk with someone at any hour:".to_string());
        out.extend(lines.iter().map(|l| format!("  {l}")));
    }
    out.push(
        "If you might be in danger right now, your local emergency number is there too."
            .to_string(),
    );
    match plan_lines(plan_summary) {
        Some(plan) => {
            out.push("From your safety plan (`kapj safety plan` shows all of it):".to_string());
            out.extend(plan.map(|l| format!("  {l}")));
        }
        None => out.push(
            "`kapj safety plan` shows these lines again, and has space for who you can reach and what helps."
                .to_string(),
        ),
    }
    out.push("No one monitors this journal; what you write stays on this computer.".to_string());
    out
}

fn plan_lines(plan_summary: Option<&str>) -> Option<impl Iterator<Item = &str>> {
    plan_summary
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.lines().map(str::trim).filter(|l| !l.is_empty()))
}

/// The one line `import` shows when an imported entry would have raised
/// the note, instead of a note per entry.
pub fn imported_line() -> &'static str {
    "Some of the imported entries speak of hurting yourself or not wanting to be alive; `kapj safety` has your plan and people to reach, if that would help."
}

/// The days on which entries would have raised the note, oldest first, one
/// each. Entries are (day, text, private); private entries never count.
/// Nothing is stored: this reads the entries again each time.
pub fn raised_on<'a>(
    entries: impl IntoIterator<Item = (NaiveDate, &'a str, bool)>,
) -> Vec<NaiveDate> {
    let mut days: Vec<NaiveDate> = Vec::new();
    for (day, text, private) in entries {
        if private || days.contains(&day) {
            continue;
        }
        if super::assess(text).is_some() {
            days.push(day);
        }
    }
    days.sort();
    days
}

/// The calm heading review prints the dates under.
pub const WORTH_RAISING: &str = "Worth raising with your therapist";

/// "Worth raising with your therapist: you wrote about hurting yourself or
/// not wanting to be alive on 12 and 14 Nov." Dates only, never a quote.
/// None when there are no dates.
pub fn review_line(days: &[NaiveDate]) -> Option<String> {
    let sentence = review_sentence(days)?;
    Some(format!(
        "{WORTH_RAISING}: {}{}",
        sentence[..1].to_lowercase(),
        &sentence[1..]
    ))
}

/// The same without the heading: "You wrote about … on 12 and 14 Nov."
pub fn review_sentence(days: &[NaiveDate]) -> Option<String> {
    let (first, last) = (days.first()?, days.last()?);
    let years = first.year() != last.year();
    let when = if days.len() > 6 {
        format!(
            "on {} days between {} and {}",
            days.len(),
            day_month(*first, years),
            day_month(*last, years)
        )
    } else {
        format!("on {}", list_days(days, years))
    };
    Some(format!(
        "You wrote about hurting yourself or not wanting to be alive {when}."
    ))
}

fn day_month(d: NaiveDate, year: bool) -> String {
    if year {
        d.format("%-d %b %Y").to_string()
    } else {
        d.format("%-d %b").to_string()
    }
}

/// "12 and 14 Nov", "30 Oct, 2 and 5 Nov": days of one month share its name.
fn list_days(days: &[NaiveDate], years: bool) -> String {
    let mut groups: Vec<String> = Vec::new();
    let mut i = 0;
    while i < days.len() {
        let (y, m) = (days[i].year(), days[i].month());
        let mut j = i;
        while j < days.len() && days[j].year() == y && days[j].month() == m {
            j += 1;
        }
        let nums: Vec<String> = days[i..j].iter().map(|d| d.day().to_string()).collect();
        let tail = day_month(days[j - 1], years);
        let month = tail.split_once(' ').map_or("", |(_, m)| m).to_string();
        groups.push(format!("{} {month}", and_list(&nums)));
        i = j;
    }
    and_list(&groups)
}

fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safety_note_without_a_plan() {
        let note = safety_note(None, &crisis_lines(None));
        assert_eq!(note[0], "Your entry is saved.");
        assert!(note
            .iter()
            .any(|l| l.contains("No one monitors this journal")));
        assert!(note.iter().any(|l| l.contains("`kapj safety`")));
        for line in crisis_lines(None) {
            assert!(note.contains(&format!("  {line}")), "{line}");
        }
        assert!(note.len() <= 10, "{note:#?}");
        // Some("  ") is no plan.
        assert_eq!(safety_note(Some("  "), &crisis_lines(None)), note);
    }

    #[test]
    fn safety_note_with_a_plan() {
        let summary = "My therapist and care team: Dana, 555 0100\nWhat helps: a walk";
        let note = safety_note(Some(summary), &crisis_lines(Some("ca")));
        assert!(note.contains(&"  My therapist and care team: Dana, 555 0100".to_string()));
        assert!(note.contains(&"  What helps: a walk".to_string()));
        assert!(note.iter().any(|l| l.contains("kapj safety")));
        assert!(note.contains(&format!("  {CANADA}")));
        assert!(!note.iter().any(|l| l.contains("Samaritans")));
    }

    #[test]
    fn safety_note_with_no_lines_still_mentions_emergency_help() {
        let note = safety_note(None, &[]);
        assert!(!note.iter().any(|l| l.contains("talk with someone now")));
        assert!(note.last().unwrap().contains("emergency number"));
    }

    #[test]
    fn check_safety_note_says_answers() {
        let note = check_safety_note(None, &crisis_lines(None));
        assert_eq!(note[0], "Your answers are saved.");
        assert!(note[1].starts_with("One of them touches on"));
        assert_eq!(note[2..], safety_note(None, &crisis_lines(None))[2..]);
    }

    #[test]
    fn safety_note_is_calm() {
        let text = safety_note(Some("People I can reach: Sam"), &crisis_lines(None))
            .join(" ")
            .to_lowercase();
        for word in [
            "must", "should", "warning", "alert", "!", "diagnos", "risk", "urgent",
        ] {
            assert!(!text.contains(word), "{word:?} in {text}");
        }
    }

    #[test]
    fn the_pressing_note_leads_with_people_and_the_plan() {
        let plan = "My therapist and care team: Dana, 555 0100";
        let note = safety_note_now(Some(plan), &crisis_lines(None));
        assert_eq!(note[0], "Your entry is saved.");
        assert!(
            note[1].contains("a moment to reach someone now"),
            "{note:#?}"
        );
        let first_line = note.iter().position(|l| l.contains("988")).unwrap();
        let plan_at = note.iter().position(|l| l.contains("Dana")).unwrap();
        let monitors = note
            .iter()
            .position(|l| l.contains("No one monitors"))
            .unwrap();
        assert!(first_line < plan_at && plan_at < monitors, "{note:#?}");
        assert!(note.iter().any(|l| l.contains("`kapj safety plan`")));
        let none = safety_note_now(None, &crisis_lines(Some("uk")));
        assert!(none.iter().any(|l| l.contains("Samaritans")));
        assert!(none.iter().any(|l| l.contains("`kapj safety plan`")));
    }

    #[test]
    fn every_sentence_is_calm() {
        let plan = Some("People I can reach: Sam");
        let lines = crisis_lines(None);
        let mut all = safety_note(plan, &lines);
        all.extend(safety_note_now(plan, &lines));
        all.extend(check_safety_note(plan, &lines));
        all.push(imported_line().to_string());
        all.push(review_line(&[NaiveDate::from_ymd_opt(2026, 11, 12).unwrap()]).unwrap());
        let text = all.join(" ").to_lowercase();
        for word in [
            "must",
            "should",
            "warning",
            "alert",
            "!",
            "diagnos",
            "risk",
            "urgent",
            "detected",
            "flagged",
            "score",
            "emergency!",
            "immediately",
        ] {
            assert!(!text.contains(word), "{word:?} in {text}");
        }
    }

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn the_review_line_lists_days_by_month() {
        assert_eq!(review_line(&[]), None);
        assert_eq!(
            review_line(&[d(11, 12), d(11, 14)]).unwrap(),
            "Worth raising with your therapist: you wrote about hurting yourself or not wanting to be alive on 12 and 14 Nov."
        );
        assert!(review_line(&[d(10, 30), d(11, 2), d(11, 5)])
            .unwrap()
            .ends_with("alive on 30 Oct and 2 and 5 Nov."));
        let span = [NaiveDate::from_ymd_opt(2025, 12, 30).unwrap(), d(1, 2)];
        assert!(review_line(&span)
            .unwrap()
            .ends_with("on 30 Dec 2025 and 2 Jan 2026."));
        let many: Vec<NaiveDate> = (1..=9).map(|x| d(11, x)).collect();
        assert!(review_line(&many)
            .unwrap()
            .ends_with("on 9 days between 1 Nov and 9 Nov."));
    }

    #[test]
    fn raised_on_skips_private_entries_and_counts_a_day_once() {
        let entries = [
            (d(11, 14), "I want to die.", false),
            (
                d(11, 12),
                "Some nights I think everyone would be better off without me.",
                false,
            ),
            (d(11, 12), "I want to die.", false),
            (d(11, 13), "I want to kill myself.", true),
            (d(11, 15), "A walk by the river, and soup.", false),
        ];
        assert_eq!(raised_on(entries), [d(11, 12), d(11, 14)]);
    }
}
