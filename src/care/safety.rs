//! Safety: noticing words of self-harm or suicide in an entry, the short calm
//! note kapj shows after saving, crisis lines, and the sections of the user's
//! own safety plan.
//!
//! Nothing here blocks, stores or sends anything. The caller saves the entry
//! first, then shows [`safety_note`] (at most once a day); nothing leaves the
//! machine.

use std::fmt;

// ---------------------------------------------------------------------------
// Detection
// ---------------------------------------------------------------------------
//
// How the lists were chosen
//
// * Phrases, not words. Single words such as "kill", "dead", "die" or "cut"
//   are everywhere in ordinary writing ("killing time", "dead tired", "my
//   phone died", "a dead end"), and a KAP journal also describes the session
//   itself in such words ("ego death", "I felt like I was dying and being
//   reborn"). Those are experiences, not danger signs, so kapj only reacts to
//   phrases that name suicide or self-harm directly, or that are common ways
//   people write about wanting to die ("better off dead", "no reason to
//   live", "I don't want to be alive anymore"), drawn from the wording of
//   PHQ-9 item 9, the Columbia (C-SSRS) screening questions and everyday
//   first-person phrasings.
// * Self-directed. "kill myself", "hurt myself", "cut myself", not "kill" or
//   "hurt".
// * Leaning towards showing the note. A false alarm costs one calm,
//   non-blocking note at most once a day; a miss costs more. So ambiguous
//   phrases ("hurt myself", "want to die") are included, and negations
//   ("I'm not suicidal") are deliberately NOT treated as safe: the note
//   appears, as it would for anyone mentioning it.
// * An explicit guard list of fixed expressions in which a trigger phrase does
//   not mean self-harm ("suicide squad", "killing myself laughing", "cut
//   myself some slack", "shoot myself in the foot"). A guard only cancels the
//   occurrence it overlaps: "we watched Suicide Squad and I thought about
//   suicide" still counts.
// * Judgement call: "suicide prevention" / "suicide awareness" (trainings,
//   walks, months) are guarded, because they are common in work and
//   volunteering notes and name an event rather than the writer's own
//   thoughts. Any first-person phrase in the same entry still triggers.
// * Judgement call: "disappear forever" counts only after "wish" or "want"
//   ("I wish I could disappear forever"), a common way of writing passive
//   thoughts of not being alive; "I felt I could disappear into the music"
//   does not.
//
// Matching works on normalised words (see `normalise`): lower case, the
// apostrophes ' ’ ‘ ʼ ` removed so "don’t", "don't" and "dont" agree,
// punctuation and hyphens as spaces ("self-harm" = "self harm"), "do not" as
// "dont", "wanna" as "want to", and the fillers "just", "really", "honestly",
// "simply", "actually", "truly" dropped ("I just want to die").

/// Phrases that name suicide or self-harm, in normalised form (see above).
const SELF_HARM_PHRASES: &[&str] = &[
    // naming it
    "suicide",
    "suicidal",
    "suicidality",
    "self harm",
    "self harming",
    "self harmed",
    "selfharm",
    "self injury",
    "self injure",
    "self injuring",
    "self injurious",
    "unalive myself",
    // acting on oneself
    "kill myself",
    "killing myself",
    "end my life",
    "ending my life",
    "end my own life",
    "take my life",
    "take my own life",
    "taking my own life",
    "end it all",
    "ending it all",
    "hang myself",
    "shoot myself",
    "overdose on purpose",
    "want to overdose",
    "hurt myself",
    "hurting myself",
    "harm myself",
    "harming myself",
    "harmed myself",
    "cut myself",
    "cutting myself",
    // wanting to die, or not to live
    "want to die",
    "wanted to die",
    "wanting to die",
    "want to be dead",
    "wish i was dead",
    "wish i were dead",
    "wish i could die",
    "wished i was dead",
    "wished i were dead",
    "wished i could die",
    "wanted to be dead",
    "rather be dead",
    "better off dead",
    "better off without me",
    "world would be better without me",
    "better if i wasnt here",
    "better if i werent here",
    "better if i wasnt around",
    "no reason to live",
    "no reason to go on",
    "nothing to live for",
    "no point in living",
    "no point living",
    "not worth living",
    "dont want to be alive",
    "no longer want to be alive",
    "dont want to live",
    "no longer want to live",
    "dont want to exist",
    "dont want to be here anymore",
    "stop existing",
    "and never wake up",
    "and not wake up",
    "never wake up again",
    "hope i dont wake up",
    "hope i wont wake up",
    "hope i wouldnt wake up",
    "wish i wouldnt wake up",
    "rather not wake up",
    "wish i could disappear forever",
    "want to disappear forever",
    "wanted to disappear forever",
];

/// Fixed expressions in which a phrase above does not mean self-harm. A guard
/// cancels only the trigger occurrences it overlaps.
const NOT_SELF_HARM: &[&str] = &[
    // films, sport, news and figures of speech
    "suicide squad",
    "suicide squeeze",
    "suicide doors",
    "suicide mission",
    "suicide bomber",
    "suicide bombers",
    "suicide bombing",
    "suicide attack",
    "career suicide",
    "political suicide",
    "social suicide",
    "commercial suicide",
    // events and trainings (judgement call, see above)
    "suicide prevention",
    "suicide awareness",
    "self harm prevention",
    "self harm awareness",
    // idioms built on "myself"
    "killing myself laughing",
    "kill myself laughing",
    "shoot myself in the foot",
    "cut myself some slack",
    "cut myself a",
    "cut myself an",
    "cut myself off",
    "cutting myself some slack",
    "cutting myself off",
    "cut myself shaving",
    // hyperbole
    "want to die of embarrassment",
    "wanted to die of embarrassment",
];

/// Words dropped before matching: they never change the meaning of a phrase.
const FILLERS: &[&str] = &["just", "really", "honestly", "simply", "actually", "truly"];

fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}'
    )
}

/// Turns text into the normalised word list the phrase lists are written in.
fn normalise(text: &str) -> Vec<String> {
    let cleaned: String = text
        .chars()
        .filter(|&c| !is_apostrophe(c))
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mut words: Vec<String> = Vec::new();
    for w in cleaned.split_whitespace() {
        if FILLERS.contains(&w) {
            continue;
        }
        match w {
            "wanna" => {
                words.push("want".into());
                words.push("to".into());
            }
            "cannot" => words.push("cant".into()),
            "not" => {
                let merged = match words.last().map(String::as_str) {
                    Some("do") => Some("dont"),
                    Some("does") => Some("doesnt"),
                    Some("did") => Some("didnt"),
                    Some("would") => Some("wouldnt"),
                    _ => None,
                };
                match (merged, words.last_mut()) {
                    (Some(m), Some(last)) => *last = m.to_string(),
                    _ => words.push("not".into()),
                }
            }
            _ => words.push(w.to_string()),
        }
    }
    words
}

/// Start positions of `phrase` (normalised words) within `words`.
fn positions(words: &[String], phrase: &[&str]) -> Vec<usize> {
    let n = phrase.len();
    if n == 0 || n > words.len() {
        return Vec::new();
    }
    (0..=words.len() - n)
        .filter(|&i| words[i..i + n].iter().zip(phrase).all(|(w, p)| w == p))
        .collect()
}

/// Whether `text` contains words of self-harm or suicide.
///
/// Phrase-based and case-insensitive; curly and straight apostrophes are the
/// same. Fixed expressions such as "suicide squad" or "killing myself
/// laughing" do not count (see the lists above and how they were chosen).
pub fn mentions_self_harm(text: &str) -> bool {
    let words = normalise(text);
    if words.is_empty() {
        return false;
    }
    let mut guarded = vec![false; words.len()];
    for guard in NOT_SELF_HARM {
        let g: Vec<&str> = guard.split(' ').collect();
        for start in positions(&words, &g) {
            guarded[start..start + g.len()].fill(true);
        }
    }
    SELF_HARM_PHRASES.iter().any(|phrase| {
        let p: Vec<&str> = phrase.split(' ').collect();
        positions(&words, &p)
            .into_iter()
            .any(|start| !guarded[start..start + p.len()].contains(&true))
    })
}

// ---------------------------------------------------------------------------
// Crisis lines
// ---------------------------------------------------------------------------

/// One crisis line or directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CrisisLine {
    pub region: &'static str,
    pub name: &'static str,
    pub contact: &'static str,
}

impl fmt::Display for CrisisLine {
    /// "988 Suicide & Crisis Lifeline (US): call or text 988"
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({}): {}", self.name, self.region, self.contact)
    }
}

// Only lines whose numbers are well established are listed; no number here is
// a guess. Check them again before each release.
const US: CrisisLine = CrisisLine {
    region: "US",
    name: "988 Suicide & Crisis Lifeline",
    contact: "call or text 988",
};
const CANADA: CrisisLine = CrisisLine {
    region: "Canada",
    name: "9-8-8 Suicide Crisis Helpline",
    contact: "call or text 988",
};
const UK_IE: CrisisLine = CrisisLine {
    region: "UK and Ireland",
    name: "Samaritans",
    contact: "call 116 123",
};
const AUSTRALIA: CrisisLine = CrisisLine {
    region: "Australia",
    name: "Lifeline",
    contact: "call 13 11 14",
};
const NEW_ZEALAND: CrisisLine = CrisisLine {
    region: "New Zealand",
    name: "Need to talk? 1737",
    contact: "call or text 1737",
};
const DIRECTORY: CrisisLine = CrisisLine {
    region: "other countries",
    name: "Find A Helpline",
    contact: "findahelpline.com",
};

/// The region codes kapj knows, for checking a configured value.
pub const REGIONS: &[&str] = &["us", "ca", "uk", "gb", "ie", "au", "nz"];

/// Reads a configured region: a code from [`REGIONS`] in any case, "usa",
/// or a locale such as "en_GB.UTF-8" or "en-NZ". Returns the canonical code
/// ("gb" is read as "uk"), or None when kapj has no lines for it.
pub fn normalise_region(region: &str) -> Option<&'static str> {
    let r = region.trim().to_lowercase();
    let r = r.split('.').next().unwrap_or("");
    let code = r.rsplit(['_', '-']).next().unwrap_or("");
    match code {
        "us" | "usa" => Some("us"),
        "ca" => Some("ca"),
        "uk" | "gb" => Some("uk"),
        "ie" => Some("ie"),
        "au" => Some("au"),
        "nz" => Some("nz"),
        _ => None,
    }
}

/// Crisis lines to show. With a known region: that region's line(s) first,
/// then the international directory. With no region or an unknown one: a
/// short default list (US, Canada, UK and Ireland, then the directory).
pub fn crisis_lines(region: Option<&str>) -> Vec<CrisisLine> {
    match region.and_then(normalise_region) {
        Some("us") => vec![US, DIRECTORY],
        Some("ca") => vec![CANADA, DIRECTORY],
        Some("uk") | Some("ie") => vec![UK_IE, DIRECTORY],
        Some("au") => vec![AUSTRALIA, DIRECTORY],
        Some("nz") => vec![NEW_ZEALAND, DIRECTORY],
        _ => vec![US, CANADA, UK_IE, DIRECTORY],
    }
}

// ---------------------------------------------------------------------------
// The note shown after saving
// ---------------------------------------------------------------------------

/// The short, calm note shown after an entry that mentions self-harm or
/// suicide has been saved: the entry is saved, no one monitors this journal,
/// the user's own plan (or where to write one), and the crisis lines.
///
/// `plan_summary` is a short text built from the user's safety plan (see
/// [`plan_summary`]); it may span several lines.
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

// ---------------------------------------------------------------------------
// The safety plan
// ---------------------------------------------------------------------------

/// The sections of the user's own safety plan, in order: (key, prompt).
/// Loosely follows the Stanley–Brown Safety Planning Intervention, in plain
/// words. Keys are stable (they are stored); prompts invite, they do not
/// instruct, and every section may be left empty.
pub const PLAN_SECTIONS: &[(&str, &str)] = &[
    (
        "warning_signs",
        "When things start to get hard, what do you tend to notice first? Thoughts, moods, places, times of day.",
    ),
    (
        "what_helps",
        "What helps you, even a little, on your own? Things that settle your body or take your mind elsewhere.",
    ),
    (
        "places",
        "Are there places or company that help you feel a bit better? A park, a café, a friend's kitchen.",
    ),
    (
        "people",
        "Who could you reach out to when things are hard? Names and how to reach them, if you'd like.",
    ),
    (
        "therapist",
        "Your therapist or others who support your care: names, how to reach them, and when.",
    ),
    (
        "safer_space",
        "Is there anything that could make hard moments a little safer? Something to put away, or ask someone to keep for a while.",
    ),
    (
        "reasons",
        "What matters most to you? Something, or someone, worth holding on to.",
    ),
];

/// A short heading for a plan section, for `kapj safety` and the note.
pub fn section_title(key: &str) -> Option<&'static str> {
    Some(match key {
        "warning_signs" => "Signs that things are getting hard",
        "what_helps" => "What helps",
        "places" => "Places and company",
        "people" => "People I can reach",
        "therapist" => "My therapist and care team",
        "safer_space" => "Making things safer",
        "reasons" => "What matters to me",
        _ => return None,
    })
}

/// The longest a single summary line may be, in terminal columns.
const SUMMARY_LINE_MAX: usize = 100;

/// Builds the summary shown in [`safety_note`] from the plan's answers
/// (key, text): the sections most useful in the moment (therapist, people,
/// what helps), one line each, shortened if long. None when none of them is
/// filled in.
pub fn plan_summary(answers: &[(&str, &str)]) -> Option<String> {
    let mut out = Vec::new();
    for key in ["therapist", "people", "what_helps"] {
        let text = answers
            .iter()
            .filter(|(k, _)| *k == key)
            .map(|(_, t)| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .find(|t| !t.is_empty());
        if let (Some(text), Some(title)) = (text, section_title(key)) {
            out.push(format!(
                "{title}: {}",
                crate::text::shorten(&text, SUMMARY_LINE_MAX)
            ));
        }
    }
    (!out.is_empty()).then(|| out.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MUST_TRIGGER: &[&str] = &[
        "I want to kill myself",
        "thoughts of suicide",
        "I've been thinking about ending my life",
        "I’ve been thinking about ending my life",
        "I don't want to be alive anymore",
        "I don’t want to be alive anymore",
        "I dont want to be alive anymore",
        "I do not want to be alive anymore",
        "better off dead",
        "Everyone would be BETTER OFF DEAD without me.",
        "I cut myself again",
        "self-harm",
        "Self harm",
        "selfharm",
        "hurting myself",
        "no reason to live",
        "I wish I could disappear forever",
        "suicidal",
        "Feeling Suicidal today.",
        "I'm not suicidal, just tired", // negation is deliberately not "safe"
        "I just want to die",
        "i wanna die",
        "I wanted to die after the call",
        "I keep thinking about taking my own life",
        "sometimes I want to end it all",
        "I want to end my life",
        "there's nothing to live for",
        "life's not worth living",
        "they'd be better off without me",
        "I'd rather be dead",
        "I wish I was dead",
        "Last night I wished I were dead.",
        "I wished I could go to sleep and not wake up",
        "I don’t want to be here anymore",
        "I want to go to sleep and never wake up",
        "I hope I wouldn't wake up",
        "I want to go to sleep and never wake up again",
        "the world would be better without me",
        "it would be better if I wasn't here",
        "I harmed myself last week. harming myself again?",
        "the urge to hurt myself came back",
        "I've been cutting myself",
        "self-injury",
        "my history of self‑harm",         // non-breaking hyphen
        "I do not want to live like this", // ambiguous; leaning towards the note
        "kill\nmyself",
        "KILL MYSELF",
    ];

    const MUST_NOT_TRIGGER: &[&str] = &[
        "killing time",
        "suicide squad",
        "We watched Suicide Squad last night.",
        "this traffic is killing me",
        "I could kill for a coffee",
        "dead tired",
        "the deadline",
        "my phone died",
        "I killed it at the presentation",
        "a dead end",
        "suicide prevention training at work",
        "Suicide awareness walk on Saturday",
        "I'm dying to see her",
        "that joke killed me",
        "During the session I felt like I was dying and being reborn",
        "ego death, then a huge sense of peace",
        "I dissolved and didn't exist for a while",
        "I felt I could disappear into the music",
        "I was killing myself laughing",
        "I need to cut myself some slack",
        "I cut myself a slice of cake",
        "I've been cutting myself off from friends",
        "I keep shooting myself in the foot; I shot myself in the foot again",
        "I could shoot myself in the foot with this plan",
        "I wanted to die of embarrassment",
        "I never wake up on time",
        "I was careful not to wake up the baby",
        "I worried I wouldn't wake up in time for the session",
        "the meeting went better without me there",
        "it would be career suicide",
        "the cut on my hand is healing",
        "myself and I had a long talk",
        "I hurt my back lifting boxes",
        "My grandfather died last spring and I miss him.",
        "harm reduction",
        "the self-help book was fine",
        "",
        "   ",
    ];

    #[test]
    fn triggers_on_self_harm_language() {
        for text in MUST_TRIGGER {
            assert!(mentions_self_harm(text), "should trigger: {text:?}");
        }
    }

    #[test]
    fn does_not_trigger_on_everyday_language() {
        for text in MUST_NOT_TRIGGER {
            assert!(!mentions_self_harm(text), "should not trigger: {text:?}");
        }
    }

    #[test]
    fn a_guard_only_cancels_what_it_overlaps() {
        assert!(mentions_self_harm(
            "We watched Suicide Squad and afterwards I thought about suicide."
        ));
        assert!(mentions_self_harm(
            "Suicide prevention training at work today. I've been thinking about ending my life."
        ));
        assert!(mentions_self_harm(
            "I was killing myself laughing at first, but later I wanted to kill myself."
        ));
        assert!(mentions_self_harm(
            "I cut myself some slack. Then I cut myself."
        ));
    }

    #[test]
    fn phrases_need_word_boundaries() {
        assert!(!mentions_self_harm("suicidesquad"));
        assert!(!mentions_self_harm("antisuicidal"));
        assert!(!mentions_self_harm("I want to dieselpunk"));
        assert!(mentions_self_harm("suicide."));
        assert!(mentions_self_harm("(self-harm)"));
    }

    #[test]
    fn normalise_handles_apostrophes_contractions_and_fillers() {
        assert_eq!(normalise("Don’t  STOP"), vec!["dont", "stop"]);
        assert_eq!(normalise("I do not want"), vec!["i", "dont", "want"]);
        assert_eq!(normalise("I wanna go"), vec!["i", "want", "to", "go"]);
        assert_eq!(normalise("I just really want"), vec!["i", "want"]);
        assert_eq!(
            normalise("self-harm, again!"),
            vec!["self", "harm", "again"]
        );
        assert_eq!(normalise("not"), vec!["not"]);
        assert!(normalise(" \n\t").is_empty());
    }

    #[test]
    fn every_listed_phrase_triggers_on_its_own_and_guards_hold() {
        for phrase in SELF_HARM_PHRASES {
            assert!(mentions_self_harm(phrase), "{phrase:?}");
            // Lists are written in normalised form.
            assert_eq!(normalise(phrase).join(" "), *phrase);
        }
        for guard in NOT_SELF_HARM {
            assert!(!mentions_self_harm(guard), "{guard:?}");
            assert_eq!(normalise(guard).join(" "), *guard);
        }
    }

    #[test]
    fn default_crisis_lines() {
        for region in [None, Some(""), Some("fr"), Some("mars")] {
            let lines = crisis_lines(region);
            assert_eq!(lines, vec![US, CANADA, UK_IE, DIRECTORY], "{region:?}");
        }
        let lines = crisis_lines(None);
        assert_eq!(lines[0].contact, "call or text 988");
        assert_eq!(lines[1].contact, "call or text 988");
        assert_eq!(lines[2].name, "Samaritans");
        assert_eq!(lines[2].contact, "call 116 123");
        assert_eq!(lines[3].contact, "findahelpline.com");
    }

    #[test]
    fn regional_crisis_lines_come_first_with_the_directory() {
        let cases = [
            ("us", "988 Suicide & Crisis Lifeline"),
            ("US", "988 Suicide & Crisis Lifeline"),
            ("ca", "9-8-8 Suicide Crisis Helpline"),
            ("uk", "Samaritans"),
            ("gb", "Samaritans"),
            ("ie", "Samaritans"),
            ("au", "Lifeline"),
            ("nz", "Need to talk? 1737"),
            ("en_GB.UTF-8", "Samaritans"),
            ("en-NZ", "Need to talk? 1737"),
        ];
        for (region, first) in cases {
            let lines = crisis_lines(Some(region));
            assert_eq!(lines.len(), 2, "{region}");
            assert_eq!(lines[0].name, first, "{region}");
            assert_eq!(lines[1], DIRECTORY, "{region}");
        }
        assert_eq!(crisis_lines(Some("au"))[0].contact, "call 13 11 14");
        assert_eq!(crisis_lines(Some("nz"))[0].contact, "call or text 1737");
    }

    #[test]
    fn normalise_region_reads_codes_and_locales() {
        assert_eq!(normalise_region(" GB "), Some("uk"));
        assert_eq!(normalise_region("usa"), Some("us"));
        assert_eq!(normalise_region("en_IE.UTF-8"), Some("ie"));
        assert_eq!(normalise_region("fr_FR"), None);
        assert_eq!(normalise_region(""), None);
        for code in REGIONS {
            assert!(normalise_region(code).is_some(), "{code}");
        }
    }

    #[test]
    fn crisis_line_display() {
        assert_eq!(
            US.to_string(),
            "988 Suicide & Crisis Lifeline (US): call or text 988"
        );
    }

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
    fn plan_sections_are_the_expected_keys() {
        let keys: Vec<&str> = PLAN_SECTIONS.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            keys,
            [
                "warning_signs",
                "what_helps",
                "places",
                "people",
                "therapist",
                "safer_space",
                "reasons"
            ]
        );
        for (key, prompt) in PLAN_SECTIONS {
            assert!(section_title(key).is_some(), "{key}");
            assert!(prompt.ends_with('.') || prompt.ends_with('?'), "{prompt}");
            let lower = prompt.to_lowercase();
            assert!(!lower.contains("you must") && !lower.contains("you should"));
        }
        assert_eq!(section_title("nope"), None);
    }

    #[test]
    fn plan_summary_picks_the_useful_sections() {
        assert_eq!(plan_summary(&[]), None);
        assert_eq!(
            plan_summary(&[("warning_signs", "not sleeping"), ("people", "  ")]),
            None
        );
        let s = plan_summary(&[
            ("what_helps", "a walk,\n  music"),
            ("warning_signs", "not sleeping"),
            ("therapist", "Dana, 555 0100"),
            ("people", "my sister"),
        ])
        .unwrap();
        assert_eq!(
            s,
            "My therapist and care team: Dana, 555 0100\nPeople I can reach: my sister\nWhat helps: a walk, music"
        );
        let long = "x ".repeat(200);
        let s = plan_summary(&[("people", long.as_str())]).unwrap();
        assert!(s.ends_with('…'));
        assert!(s.chars().count() <= "People I can reach: ".len() + SUMMARY_LINE_MAX);
    }
}
