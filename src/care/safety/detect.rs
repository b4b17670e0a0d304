//! Layer 3: the rules. Each reads one sentence of tagged words and says
//! whether it speaks of the writer ending their life or hurting themselves,
//! and how pressing it sounds.
//!
//! The rules look for structure, not phrases: a wish word and a death word
//! with the writer as subject and a few words allowed in between; a method
//! tied to the writer with a wish, intent or plan nearby; a self-injury verb
//! whose object is the writer's body. Then context cancels: a title in
//! quotes or capitals, someone else as subject, an accident with its cause,
//! a report of training or news, the medicine journey's own language of
//! dying and rebirth, and the idioms of killing and dying.
//!
//! When in doubt the rules lean towards the note: a note too many costs one
//! calm paragraph at most once a day, a note too few costs more.

use std::cell::Cell;

use super::lexicon::*;
use super::normalise::{sentences, Sentence, BREAK};

/// How the note should read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Thoughts of not wanting to be alive, or of self-injury: the gentle note.
    Gentle,
    /// A plan, preparation, a method with intent, or a recent attempt: the
    /// note leads with people to reach now.
    Now,
}

/// What the detector found in a text: how the note should read, and which
/// sentences (by position) raised it. Never stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    /// The normalised words of each sentence that raised the note, so that
    /// `edit` can tell new language from language that was already there.
    pub sentences: Vec<String>,
}

/// Reads a whole entry. None when nothing in it calls for the note.
pub fn assess(text: &str) -> Option<Finding> {
    let all = sentences(text);
    super::model::combine(&all, rules(&all))
}

/// The rules alone, on an entry's sentences.
pub fn rules(all: &[Sentence]) -> Option<Finding> {
    let mut found: Option<Finding> = None;
    let mut plan_marked = false;
    // What the sentence before left open for the next to finish: "Last
    // night I tried." + "It didn't work."; "Death doesn't scare me." + "It
    // sounds like rest."; "I have a plan now." + "The date, the place".
    let mut open = Open::default();
    let views: Vec<View> = all.iter().map(View::new).collect();
    for (k, s) in views.iter().enumerate() {
        plan_marked |= plan_marker(s);
        let was = std::mem::replace(&mut open, Open::of(s));
        if let Some(sev) = was.finished_by(s) {
            let f = found.get_or_insert(Finding {
                severity: sev,
                sentences: Vec::new(),
            });
            f.severity = f.severity.max(sev);
            f.sentences.push(s.key());
            continue;
        }
        // Sentences only the finality rules could read skip the others.
        let main = anchored(s);
        if !(main
            || s.has_word(FINAL_WORDS)
            || act_anchor(s)
            || k > 0 && refers_back(s)
            || seventh_anchor(s))
        {
            continue;
        }
        // "The nurse asked whether I had … Standard question, I said no.":
        // the question in one sentence, the no in the next.
        let question = asked(s);
        if question
            && views
                .get(k + 1)
                .is_some_and(|n| answered_no(n) || bare_no(n) || resolved_past(n) || over(n))
        {
            continue;
        }
        let mut verdict = judge(s, main, question);
        // A means named in the sentence before, then "it" or "them" with
        // what the writer would do: "My late husband's pistol is in the
        // wardrobe." + "I have been thinking of using it on myself."; a
        // place, then the act: "Drove the route to the bridge." + "I'm
        // going to jump on the 20th."
        if verdict.is_none() && k > 0 {
            if let Some(carried) = carry(&views[k - 1], s) {
                let c = View::new(&carried);
                verdict = carried_judge(&c);
            }
        }
        // "Thought about suicide constantly as a teenager. I'm 45 now and it's
        // not part of my life anymore": thoughts long past, said to be over.
        if verdict.is_some()
            && (resolved_past(s) || views.get(k + 1).is_some_and(dated))
            && (over(s) || views.iter().skip(k + 1).take(2).any(over))
        {
            verdict = None;
        }
        if let Some(sev) = verdict {
            let key = s.key();
            let f = found.get_or_insert(Finding {
                severity: sev,
                sentences: Vec::new(),
            });
            f.severity = f.severity.max(sev);
            f.sentences.push(key);
        }
    }
    // Sentences that say nothing alone may say it together: a means, a
    // time and "I'll go" in three short sentences.
    if found.is_none() {
        found = context(&views);
    }
    // A plan or a date written anywhere in an entry that also speaks of
    // dying makes the whole entry pressing ("I've picked a date." after
    // "I want to die.").
    if let Some(f) = found.as_mut() {
        if plan_marked {
            f.severity = Severity::Now;
        }
    }
    found
}

/// A sentence that reads as the first half of something the next sentence
/// finishes.
#[derive(Default)]
struct Open {
    /// "Last night I tried.": a bare try, recently.
    tried: bool,
    /// The writer's own death, spoken of calmly.
    death: bool,
    /// "I have a plan now.": a plan with no object.
    plan: bool,
}

impl Open {
    fn of(s: &View) -> Open {
        let n = s.len();
        if n == 0 || n > 12 {
            return Open::default();
        }
        let last = n - 1;
        Open {
            tried: (s.w(last) == "tried" && (s.recent() || s.any(TIME)))
                || (s.w(last) == "again" && last > 0 && s.w(last - 1) == "tried" && n <= 4),
            death: s.any(DIE) && s.any(FP) && s.subject(n) != Who::Other && !s.any(REPORT | MEDIA),
            plan: (0..n).any(|i| {
                s.w(i) == "plan"
                    && s.word_in(i.wrapping_sub(1), &["a", "the"])
                    && s.word_before(i, 3, &["have", "got", "made"]).is_some()
                    && (i == last || (i + 1 == last && s.w(last) == "now"))
            }),
        }
    }

    fn finished_by(&self, s: &View) -> Option<Severity> {
        let it = s.w(0) == "it";
        let didnt = s.word_in(0, &["didnt", "it", "hasnt", "failed"]);
        if self.tried && didnt && s.len() <= 6 && s.has_word(&["work", "worked", "failed"]) {
            return Some(Severity::Now);
        }
        if self.death
            && it
            && s.has_word(&["rest", "peace", "relief", "peaceful"])
            && s.has_word(&["sounds", "seems", "feels", "like", "would"])
        {
            return Some(Severity::Gentle);
        }
        if self.plan
            && s.has_word(&["date", "place", "spot", "method", "time", "night"])
            && s.w(0) == "the"
            && s.toks.iter().all(|t| {
                matches!(
                    t.word.as_ref(),
                    "the"
                        | "date"
                        | "place"
                        | "spot"
                        | "method"
                        | "time"
                        | "night"
                        | "day"
                        | "everything"
                        | "all"
                        | "and"
                        | "how"
                        | "where"
                        | "when"
                        | BREAK
                )
            })
        {
            return Some(Severity::Now);
        }
        None
    }
}

/// Words any of the finality rules start from (see [`finality`]); checked
/// only for sentences no other rule is anchored in.
const FINAL_WORDS: &[&str] = &[
    "entry",
    "decision",
    "mind",
    "found",
    "finds",
    "problem",
    "permanently",
    "spot",
    "attempt",
    "marks",
    "cuts",
    "scars",
    "punish",
    "terminal",
    "happen",
    "plane",
    "swallowed",
    "sink",
    "onpurpose",
    "rope",
    "noose",
    "saving",
    "method",
    "swerving",
    "coming",
    "come",
];

/// Whether a sentence holds an unnamed act: "do it", "doing it", "go
/// through with it".
fn act_anchor(s: &View) -> bool {
    (1..s.len()).any(|i| s.w(i) == "it" && s.word_in(i - 1, &["do", "doing", "with"]))
}

/// Whether a clause ends at `i`: the sentence's end or a clause break.
fn clause_end(s: &View, i: usize) -> bool {
    i >= s.len() || s.w(i) == BREAK
}

/// The classes an independent writer used that the other rules did not
/// reach: finality said without naming death ("I'm going to do it this
/// time", "I won't be here after Friday", "whoever finds me"), a wish for
/// an outside agent to end things ("I wish a truck would hit me"), a method
/// with a finality cue ("putting it to my head", "one step"), a past attempt
/// named as a noun, and self-injury named by its marks or its purpose.
/// Between a wish at `d` and "gone" at `g`: "the feeling of being a fraud
/// to be gone", "this anxiety to be gone" -- a thing named with a
/// determiner, not the writer, not everything.
fn named_thing_goes(s: &View, d: usize, g: usize) -> bool {
    s.word_in(d + 1, &["the", "this", "that", "these", "those", "my"])
        && s.w(g.wrapping_sub(2)) == "to"
        && !(d + 1..g).any(|k| {
            s.word_in(
                k,
                &[
                    "me",
                    "myself",
                    "i",
                    "all",
                    "everything",
                    "everyone",
                    "life",
                    "world",
                ],
            ) || s.is(k, BODY | LIFE)
        })
}

fn finality(s: &View) -> Option<Severity> {
    let n = s.len();
    let w = |i: usize| s.w(i);
    let has = |words: &[&str]| s.has_word(words);
    let other = |i: usize| s.subject(i) == Who::Other;
    // One pass to see which of the rules below could apply at all: most
    // sentences that reach here need none of them.
    let mut g = 0u32;
    for t in s.toks {
        g |= match t.word.as_ref() {
            "it" => 1,
            "picked" | "chosen" | "chose" | "choose" | "pick" | "set" => 2,
            "entry" => 4,
            "finds" | "find" | "found" => 8,
            "coming" | "come" => 16,
            "here" | "around" | "alive" => 32,
            "being" | "problem" => 64,
            "terminal" | "diagnosis" | "cancer" => 128,
            "swallowing" | "swallow" | "swallowed" => 256,
            "attempt" | "attempts" => 512,
            "marks" | "cuts" | "scars" | "burns" | "bruises" | "scratches" | "against" | "into"
            | "bit" | "bite" | "biting" | "pinch" | "pinched" | "pull" | "pulled" | "pulling"
            | "punish" | "punishing" | "relapsed" | "relapse" | "clean" => 1024,
            "head" | "step" | "speed" | "over" | "take" | "garage" | "swerving" | "swerve"
            | "swerved" | "veer" | "veering" | "running" => 2048,
            "nice" | "good" | "easier" | "better" | "lovely" | "relief" | "rest" | "peace"
            | "relieving" => 4096,
            _ => 0,
        };
    }
    if g == 0 && !s.any(DESIRE | FOREVER | BLEED | ROPE | PILLS | ONPURPOSE) && !has(&["method"]) {
        return None;
    }
    // "we picked the day for the wedding": someone else, or an object after.
    let bare_pick = g & 2 != 0
        && (0..n).any(|i| {
            s.word_in(i, &["day", "night", "spot", "date", "place", "method"])
                && s.word_before(
                    i,
                    3,
                    &["picked", "chosen", "chose", "choose", "pick", "set"],
                )
                .is_some()
                && s.word_in(i.wrapping_sub(1), &["the", "a", "my"])
                && (clause_end(s, i + 1) || s.word_in(i + 1, &["and", "now"]))
                && !other(i)
        });
    // The act left unnamed, as if both writer and reader know what it is.
    let act_it = g & 1 != 0
        && (0..n).any(|i| {
            w(i) == "it"
                && (s.word_in(i.wrapping_sub(1), &["do", "doing"])
                    || (w(i.wrapping_sub(1)) == "with" && w(i.wrapping_sub(2)) == "through"))
                && (clause_end(s, i + 1)
                    || s.word_in(i + 1, &["this", "on", "and", "tonight", "tomorrow", "soon"])
                    || s.is(i + 1, TIME))
                && !other(i)
                && s.before(i, 3, NEG).is_none()
                // "doing it, finally asking for the raise": the act named after.
                && (w(i + 1) != BREAK || s.word_in(i + 2, &["and", "i", "no", ""]))
                // "do it this time: sign up for …"
                && !(w(i + 1) == "this" && w(i + 3) == BREAK && !w(i + 4).is_empty())
        });
    if act_it {
        let decided = (0..n).any(|i| {
            (w(i) == "decision"
                && (s.word_before(i, 2, &["made", "make"]).is_some() || w(i + 1) == "is"))
                || (w(i) == "mind" && w(i.wrapping_sub(1)) == "my" && w(i.wrapping_sub(2)) == "up")
        });
        let timed = s.any(TIME) || has(&["this", "time", "after", "before", "when", "tonight"]);
        if decided || timed || s.intent() {
            return Some(Severity::Now);
        }
    }
    if bare_pick {
        return Some(Severity::Now);
    }
    // "this is my last journal entry"
    if g & 4 != 0
        && (0..n).any(|i| {
            w(i) == "entry"
                && s.word_before(i, 2, &["last", "final"]).is_some()
                && s.word_before(i, 4, &["my", "this"]).is_some()
                && clause_end(s, i + 1)
        })
    {
        return Some(Severity::Now);
    }
    // "for whoever finds me", "how long it takes for someone to be found"
    if g & 8 != 0
        && (0..n).any(|i| {
            (s.word_in(i, &["finds", "find"])
                && s.word_before(i, 1, &["whoever", "who", "whomever"])
                    .is_some()
                && s.word_in(i + 1, &["me", "my"]))
                || (w(i) == "found"
                    && w(i.wrapping_sub(1)) == "be"
                    && (s.any(RESEARCH) || has(&["long", "until"])))
        })
    {
        return Some(Severity::Now);
    }
    // "not coming home", "and not come back", with somewhere to go.
    if g & 16 != 0
        && (0..n).any(|i| {
            s.word_in(i, &["coming", "come"])
                && s.word_before(i, 2, &["not", "never"]).is_some()
                && s.word_in(i + 1, &["back", "home"])
                && !s.word_in(i + 2, &["until", "till", "for", "before", "tonight"])
                && (s.any(INTENT) || has(&["alone", "afterwards", "where", "know"]))
        })
    {
        return Some(Severity::Now);
    }
    // "I won't be here after Friday", "I won't be around much longer",
    // "I don't plan on being around for it", "not going to be alive".
    let long_times: &[&str] = &[
        "after",
        "past",
        "by",
        "for",
        "next",
        "much",
        "longer",
        "long",
        "soon",
        "anymore",
        "then",
        "christmas",
        "birthday",
        "year",
    ];
    let holiday: &[&str] = &[
        "holiday",
        "vacation",
        "trip",
        "travelling",
        "traveling",
        "conference",
        "office",
        "away",
        "visiting",
        "week",
        "weekend",
        "tomorrow",
        "shift",
        "meeting",
        "party",
        "dinner",
        "contract",
        "job",
        "moving",
        "move",
        "course",
        "term",
    ];
    if g & 32 != 0
        && (0..n).any(|i| {
            s.word_in(i, &["here", "around", "alive"])
                && s.word_before(i, 2, &["be", "being"]).is_some()
                && s.word_before(i, 5, &["wont", "not", "dont", "never"])
                    .is_some()
                && s.word_after(i, 3, long_times).is_some()
                && !other(i)
        })
        && !has(holiday)
    {
        return gentle_or_now(has(&["decision", "mind", "after"]));
    }
    // "if I just stopped being here", "to leave permanently", "not be
    // anyone's problem ever again", "not going to be a problem for much longer"
    if (g & 64 != 0 || s.any(FOREVER))
        && (0..n).any(|i| {
            (w(i) == "being"
                && s.word_in(i + 1, &["here", "alive", "around"])
                && s.word_before(i, 2, &["stop", "stopped", "stopping", "quit"])
                    .is_some())
                || (s.is(i, FOREVER)
                    && s.word_in(i.wrapping_sub(1), &["leave", "go", "disappear"])
                    && !other(i))
                || (w(i) == "problem"
                    && s.word_before(i, 5, &["be"]).is_some()
                    && s.word_before(i, 6, &["not", "never", "wont"]).is_some()
                    && (s
                        .word_after(i, 4, &["again", "longer", "anymore", "soon"])
                        .is_some()
                        || has(&["ever"])))
        })
    {
        return Some(Severity::Gentle);
    }
    // Passive: a wish or hope that something from outside ends it: "I wish a
    // truck would hit me", "hoping the plane would go down", "wanted the car
    // to not stop", "hoping something will happen to me", "to sink and not
    // come up", "to simply be gone, to vanish", "to fade out".
    for d in s.all_of(DESIRE) {
        if s.before(d, 2, NEG).is_some() || other(d) {
            continue;
        }
        let mut vehicle = s.any(VEHICLE);
        let (mut ends, mut happen, mut me) = (false, false, false);
        for j in d + 1..(d + 12).min(n) {
            vehicle |= s.is(j, VEHICLE);
            match w(j) {
                "plane" => vehicle = true,
                "hit" | "down" | "stop" | "crash" | "crashed" | "run" | "ran" => ends = true,
                "happen" => happen = true,
                "not" | "doesnt" | "dont" | "wont" | "didnt" | "never" if w(j - 1) != "to" => break,
                "me" => me = true,
                "sink" | "vanish" | "fade" => return Some(Severity::Gentle),
                // "I want this anxiety to be gone": a feeling or pattern
                // named between the wish and its going; "I want everything
                // to be gone", "I want to be gone" stay.
                "gone" if w(j - 1) == "be" && !named_thing_goes(s, d, j) => {
                    return Some(Severity::Gentle)
                }
                "anywhere" | "anyone" | "anything" if s.is(j + 1, FOREVER) => {
                    return Some(Severity::Gentle)
                }
                _ => {}
            }
        }
        if (vehicle && ends) || (happen && me) {
            return Some(Severity::Gentle);
        }
    }
    // "it would be nice to not be alive anymore"
    if g & 4096 != 0
        && (0..n).any(|i| {
            s.is(i, LIFE)
                && s.before(i, 3, NEG).is_some()
                && s.word_before(
                    i,
                    6,
                    &["nice", "good", "easier", "better", "lovely", "relief"],
                )
                .is_some()
        })
    {
        return Some(Severity::Gentle);
    }
    // "If I got a terminal diagnosis I'd feel relieved"; "death sounds like rest"
    if (g & 128 != 0 && s.any(BETTER) && has(&["if", "would"]))
        || g & 4096 != 0
            && (0..n).any(|i| {
                s.is(i, DIE)
                    && s.word_after(i, 4, &["rest", "peace", "relief", "relieving"])
                        .is_some()
                    && s.word_after(i, 3, &["sounds", "seems", "feels", "like", "would"])
                        .is_some()
                    && !other(i)
            })
    {
        return Some(Severity::Gentle);
    }
    // Method with a finality cue, by the writer: "if I had a gun I'd have
    // used it", "putting it to my head", "going over", "one step", "at full
    // speed", "for ending it", "sleep for good", "let it take me and drown".
    let method = s.any(WEAPON | BLADE | ROPE | GAS | PLACE | VEHICLE | WATER | PILLS | DROWN);
    if method && g & (2048 | 1) != 0 {
        let cue = (0..n).any(|i| {
            (w(i) == "head" && w(i.wrapping_sub(1)) == "my" && w(i.wrapping_sub(2)) == "to")
                || (w(i) == "over" && s.word_in(i.wrapping_sub(1), &["going", "go", "went"]))
                || (w(i) == "step" && w(i.wrapping_sub(1)) == "one")
                || (w(i) == "speed" && w(i.wrapping_sub(1)) == "full")
                || (w(i) == "it"
                    && s.word_in(i.wrapping_sub(1), &["ending", "end", "used", "use"])
                    && !other(i))
                || (s.is(i, FOREVER) && s.is(i.wrapping_sub(1), SLEEP))
                || (s.is(i, DROWN) && w(i.wrapping_sub(1)) == "and")
                || (w(i) == "take" && w(i + 1) == "me")
        });
        if cue && !s.any(ACCIDENT | MEDIA) {
            return gentle_or_now(s.intent() || has(&["ending", "used"]));
        }
    }
    // "running the car in the closed garage", "swerving into the barrier"
    if g & 2048 != 0 && !other(0) && !s.any(MEDIA) {
        let garage = has(&["garage"])
            && has(&["car", "engine"])
            && has(&["running", "run", "closed", "sealed"]);
        let swerve = has(&["swerving", "swerve", "swerved", "veer", "veering"])
            && has(&["into"])
            && (s.any(THINK | DESIRE) || has(&["speed"]));
        if garage || swerve {
            return gentle_or_now(s.intent());
        }
    }
    // A rope or noose bought, tested, tied or kept, with nothing else it
    // is for: "Bought the rope today", "Tested the noose tonight".
    if s.any(ROPE)
        && has(&[
            "bought", "buy", "tested", "test", "tied", "tie", "made", "hid", "hidden", "kept",
            "keep", "got", "ordered",
        ])
        && !has(&[
            "climbing",
            "climb",
            "boat",
            "tent",
            "camping",
            "swing",
            "washing",
            "clothesline",
            "dog",
            "garden",
            "knot",
            "knots",
            "sailing",
            "skipping",
            "jump",
            "tug",
            "hammock",
        ])
        && !s.any(MEDIA | REPORT)
        && !other(0)
        // "rope for the tomato plants", "a rope ladder", "tied the
        // baskets on with rope": a stated use.
        && !s.all_of(ROPE).any(|r| {
            s.word_after(r, 2, &["for", "ladder", "to", "lights"]).is_some()
                || s.word_before(r, 3, &["with"]).is_some()
        })
    {
        return Some(Severity::Now);
    }
    // Pills being saved up: "packed the pills I've been saving".
    if s.all_of(PILLS).any(|p| {
        s.word_after(
            p,
            5,
            &["saving", "saved", "hoarding", "stockpiling", "collecting"],
        )
        .is_some()
    }) && !other(0)
    {
        return Some(Severity::Now);
    }
    // "I have the method and the time worked out"
    if has(&["method"])
        && (0..n).any(|i| {
            s.word_in(i, &["method", "way", "time", "place", "date", "details"])
                && s.word_before(i, 4, &["the", "my"]).is_some()
                && s.word_after(i, 8, &["for", "recipe"]).is_none()
                && s.word_after(i, 5, &["worked", "figured", "sorted", "planned"])
                    .is_some()
        })
    {
        return Some(Severity::Now);
    }
    // "swallowing the whole box at once"
    if g & 256 != 0
        && (0..n).any(|i| {
            s.word_in(i, &["swallowing", "swallow", "swallowed"])
                && s.word_after(
                    i,
                    4,
                    &["whole", "handful", "box", "bottle", "packet", "all"],
                )
                .is_some()
        })
    {
        return gentle_or_now(s.recent() || has(&["swallowed"]));
    }
    // A past attempt as a noun: "since the attempt", "survived another
    // attempt", "my last attempt" (not "my attempt at bread").
    if g & 512 != 0
        && (0..n).any(|i| {
            s.word_in(i, &["attempt", "attempts"])
                && s.word_in(
                    i.wrapping_sub(1),
                    &["the", "my", "another", "last", "first", "second"],
                )
                && !s.word_in(i + 1, &["to", "at", "on", "of", "for", "with", "in"])
                && !other(i)
        })
        && !s.any(REPORT | MEDIA)
    {
        return gentle_or_now(s.recent() || has(&["survived", "another"]));
    }
    // "drove into a tree on purpose"
    if s.any(ONPURPOSE)
        && has(&[
            "drove", "crashed", "swerved", "stepped", "walked", "jumped", "ran",
        ])
        && has(&["into", "off", "infrontof"])
    {
        return Some(Severity::Now);
    }
    // Self-injury named by its marks or purpose: "fresh marks on my thighs",
    // "hitting my head against the wall", "bit my hand hard enough to leave
    // bruises", "to punish myself", "a hot spoon against my skin".
    if (g & 1024 != 0 || s.any(BLEED)) && !s.any(ACCIDENT) {
        let marks = !has(&["cat", "dog", "kitten", "puppy", "gym", "roses", "brambles"])
            && (0..n).any(|i| {
                s.word_in(
                    i,
                    &["marks", "cuts", "scars", "burns", "bruises", "scratches"],
                ) && s
                    .word_before(i, 2, &["fresh", "new", "hid", "hide", "hiding"])
                    .is_some()
                    && s.after(i, 3, BODY | VULN).is_some()
            });
        let against = (0..n).any(|i| {
            s.word_in(i, &["against", "into"])
                && (s.word_before(i, 3, &["my"]).is_some()
                    && s.before(i, 3, BODY | HANDY).is_some()
                    || w(i + 1) == "my" && s.is(i + 2, BODY | HANDY))
                && (s
                    .word_after(i, 2, &["wall", "walls", "door", "floor"])
                    .is_some()
                    || has(&["hot", "until", "blistered", "blister", "burned", "burnt"]))
                && s.word_before(
                    i,
                    5,
                    &[
                        "hitting", "hit", "banging", "bang", "pressed", "press", "pressing",
                        "held", "slammed", "slamming",
                    ],
                )
                .is_some()
        });
        let bit = (0..n).any(|i| {
            s.word_in(
                i,
                &[
                    "bit", "bite", "biting", "pinch", "pinched", "pull", "pulled", "pulling",
                ],
            ) && (i == 0 || s.word_in(i - 1, &["i", "to"]))
                && w(i + 1) == "my"
                && (s.is(i + 2, BODY | HANDY) || w(i + 2) == "hair")
                && has(&[
                    "hard", "bruises", "bleeds", "bled", "blood", "punish", "chunks", "until",
                ])
        });
        // "Punish" is itself tagged CUT, so the means must be another word:
        // "punishing myself for the divorce" names a reason, not a hurt.
        let punish = (0..n).any(|i| s.word_in(i, &["punish", "punishing"]) && w(i + 1) == "myself")
            && (s.any(BLEED | BLADE)
                || (0..n).any(|k| s.is(k, CUT) && !s.word_in(k, &["punish", "punishing"])));
        let bleed = s.all_of(BLEED).any(|i| {
            s.before(i, 3, DESIRE).is_some() && clause_end(s, i + 1) || s.word_in(i + 1, &["so"])
        }) && !other(0);
        let relapse = s.any(BLADE) && has(&["relapsed", "relapse", "clean"]);
        if marks || against || bit || punish || bleed || relapse {
            return Some(Severity::Gentle);
        }
    }
    None
}

/// Whether a sentence holds anything at least one rule starts from. Every
/// rule needs one of these tags or words; most sentences of a journal have
/// none, and skipping them keeps a 5,000-word entry well inside its time.
fn anchored(s: &View) -> bool {
    const TAGS: Tags = SUIC
        | SH
        | KILL
        | DIE
        | LIFE
        | WAKE
        | SLEEP
        | VANISH
        | CUT
        | OD
        | HANG
        | ROPE
        | JUMP
        | SHOOT
        | WEAPON
        | BLADE
        | DROWN
        | GAS
        | POISON
        | PILLS
        | STOCK
        | NOTE
        | ATTEMPT
        | POINT
        | BETTER
        | CARE
        | PLACE
        | VEHICLE
        | WATER
        | BURDEN
        | RESEARCH
        | BUY
        | REFL
        | BLEED
        | INTENT;
    const WORDS: &[&str] = &[
        "gone",
        "goodbye",
        "goodbyes",
        "farewell",
        "farewells",
        "giving",
        "gave",
        "give",
        "given",
        "giveaway",
        "rehome",
        "rehomed",
        "rehoming",
        "without",
        "here",
        "around",
        "born",
        "last",
        "stop",
        "over",
        "goon",
        "weight",
        "bag",
        "way",
        "ways",
        "decided",
        "picked",
        "chosen",
        "chose",
        "settled",
        "choose",
        "pick",
        "do",
        "recover",
        "survive",
        "pull",
        "take",
        "took",
        "taken",
        "taking",
        "make",
        "made",
        "making",
        "stomachpumped",
        "hit",
        "run",
        "ran",
        "crashed",
        "cancer",
        "accident",
        "easy",
        "out",
        "infrontof",
    ];
    s.any(TAGS) || s.has_word(WORDS)
}

/// A day of the month: "9th", "the 31st", "22nd".
fn ordinal(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 3
        && b.len() <= 4
        && b[0].is_ascii_digit()
        && matches!(&b[b.len() - 2..], b"st" | b"nd" | b"rd" | b"th")
        && b[..b.len() - 2].iter().all(u8::is_ascii_digit)
}

/// String equality that settles most pairs on length and first letter,
/// before comparing bytes: the rules ask it millions of times an entry.
#[inline]
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().first() == b.as_bytes().first() && a == b
}

/// A word's bit in a sentence's signature: its length and first letter.
#[inline]
fn sig(w: &str) -> u64 {
    let first = u64::from(w.as_bytes().first().copied().unwrap_or(0));
    1 << ((first * 7 + w.len() as u64) % 64)
}

/// One sentence with each word's tags.
struct View<'a> {
    toks: &'a Sentence,
    tags: Vec<Tags>,
    all: Tags,
    /// [`View::subject`] of each position, worked out once when first asked
    /// (the rules ask it again and again).
    subjects: Vec<Cell<Option<Who>>>,
    intent: Cell<Option<bool>>,
    /// Whether the sentence is set inside the session or the journey
    /// (see [`View::journey`]), worked out once.
    inside: Cell<Option<bool>>,
    /// The [`sig`] bits of every word, so that most lists of words can be
    /// ruled out without reading the sentence.
    sig: u64,
}

impl<'a> View<'a> {
    fn new(toks: &'a Sentence) -> View<'a> {
        let tags: Vec<Tags> = toks
            .iter()
            .map(|t| {
                if t.word == BREAK {
                    0
                } else if ordinal(&t.word) {
                    TIME
                } else {
                    t.tags
                }
            })
            .collect();
        let all = tags.iter().fold(0, |a, t| a | t);
        View {
            sig: toks.iter().fold(0, |a, t| a | sig(&t.word)),
            toks,
            subjects: vec![Cell::new(None); tags.len() + 1],
            tags,
            all,
            intent: Cell::new(None),
            inside: Cell::new(None),
        }
    }

    fn len(&self) -> usize {
        self.toks.len()
    }

    fn key(&self) -> String {
        let words: Vec<&str> = self.toks.iter().map(|t| t.word.as_ref()).collect();
        words.join(" ")
    }

    /// The word at `i`, or "" past either end.
    fn w(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.word.as_ref())
    }

    fn is(&self, i: usize, tag: Tags) -> bool {
        self.tags.get(i).is_some_and(|t| t & tag != 0)
    }

    fn any(&self, tag: Tags) -> bool {
        self.all & tag != 0
    }

    fn word_in(&self, i: usize, words: &[&str]) -> bool {
        let w = self.w(i);
        words.iter().any(|x| same(x, w))
    }

    /// Positions of any of `words`; none at all, without reading the
    /// sentence, when its signature rules them out.
    fn positions<'w>(&'w self, words: &'w [&'w str]) -> impl Iterator<Item = usize> + 'w {
        let n = if self.has_word(words) { self.len() } else { 0 };
        (0..n).filter(move |&i| self.word_in(i, words))
    }

    fn has_word(&self, words: &[&str]) -> bool {
        // Only the listed words whose length and first letter some word of
        // the sentence shares are looked for.
        words
            .iter()
            .any(|x| self.sig & sig(x) != 0 && self.toks.iter().any(|t| same(x, &t.word)))
    }

    /// Positions with `tag`.
    fn all_of(&self, tag: Tags) -> impl Iterator<Item = usize> + '_ {
        (0..self.len()).filter(move |&i| self.is(i, tag))
    }

    /// The nearest position with `tag` in the `n` words before `i`.
    fn before(&self, i: usize, n: usize, tag: Tags) -> Option<usize> {
        (i.saturating_sub(n)..i).rev().find(|&j| self.is(j, tag))
    }

    /// The nearest position with `tag` in the `n` words after `i`.
    fn after(&self, i: usize, n: usize, tag: Tags) -> Option<usize> {
        (i + 1..(i + 1 + n).min(self.len())).find(|&j| self.is(j, tag))
    }

    fn word_before(&self, i: usize, n: usize, words: &[&str]) -> Option<usize> {
        (i.saturating_sub(n)..i)
            .rev()
            .find(|&j| self.word_in(j, words))
    }

    /// Whether one of `words` comes within three words before `target`.
    fn word_before_any(&self, words: &[&str], target: &str) -> bool {
        (0..self.len()).any(|i| self.w(i) == target && self.word_before(i, 3, words).is_some())
    }

    fn word_after(&self, i: usize, n: usize, words: &[&str]) -> Option<usize> {
        (i + 1..(i + 1 + n).min(self.len())).find(|&j| self.word_in(j, words))
    }

    /// Who the clause around `i` is about: the nearest person word before it
    /// in the same clause. A journal is written in the first person, so a
    /// clause with no person word ("Thought about the bridge again") is the
    /// writer's.
    fn subject(&self, i: usize) -> Who {
        let Some(cell) = self.subjects.get(i) else {
            return self.find_subject(i);
        };
        if let Some(who) = cell.get() {
            return who;
        }
        let who = self.find_subject(i);
        cell.set(Some(who));
        who
    }

    fn find_subject(&self, i: usize) -> Who {
        for j in (i.saturating_sub(8)..i).rev() {
            if self.w(j) == BREAK {
                break;
            }
            // "my friend wants to die" is someone else; "I was a kid when I
            // first cut" is not.
            let predicate = self.word_in(j.wrapping_sub(1), &["a", "an"])
                && self.word_in(j.wrapping_sub(2), &["was", "am", "were", "being", "im"]);
            if self.is(j, KIN) && !predicate && !self.word_in(j + 1, &["and", "said", "told"]) {
                return Who::Other;
            }
            // "my therapist asked me about suicide": "me" is the object.
            let object = matches!(self.w(j), "me" | "us")
                && (self.is(j.wrapping_sub(1), TALK)
                    || self.word_in(j.wrapping_sub(1), &["to", "with"]));
            if self.is(j, FP) && !object {
                return Who::Me;
            }
            if self.is(j, THIRD) {
                return Who::Other;
            }
        }
        Who::Unknown
    }

    fn mine(&self, i: usize) -> bool {
        self.subject(i) != Who::Other
    }

    /// Whether the words at these positions are part of a title: all
    /// capitalised mid-sentence or quoted, with a word for a song, film,
    /// book or show nearby, or quoted and not about the writer.
    fn titled(&self, idx: &[usize]) -> bool {
        let mut toks = idx.iter().filter_map(|&i| self.toks.get(i));
        if toks.clone().next().is_none() || !toks.clone().all(|t| t.title) {
            return false;
        }
        if self.any(MEDIA) {
            return true;
        }
        // Two or more capitalised words in a row around the match read as a
        // name ("Suicide Squad", "Kill Bill") even with no media word.
        let i = idx[0];
        let run = |j: usize| self.toks.get(j).is_some_and(|t| t.title && t.word != BREAK);
        let quoted_only = toks.all(|t| t.quoted)
            && !self
                .toks
                .iter()
                .any(|t| t.quoted && matches!(t.word.as_ref(), "i" | "me" | "my" | "myself"));
        // Titles keep their small words in lower case: "I Hate Myself and
        // Want to Die".
        let small = |j: usize| {
            self.word_in(
                j,
                &["and", "to", "of", "the", "a", "in", "on", "at", "for", "or"],
            )
        };
        let back = (0..i).rev().find(|&j| !small(j)).is_some_and(run);
        let last = idx.iter().copied().max().unwrap_or(i);
        let ahead = (last + 1..self.len()).find(|&j| !small(j)).is_some_and(run);
        quoted_only || (i > 0 && run(i - 1)) || run(i + idx.len().max(1)) || back || ahead
    }

    /// Said with intent: a plan, a decision, readiness, or "going to"/"will"
    /// (not negated), or "tonight".
    fn intent(&self) -> bool {
        if let Some(known) = self.intent.get() {
            return known;
        }
        let found = self.find_intent();
        self.intent.set(Some(found));
        found
    }

    fn find_intent(&self) -> bool {
        (0..self.len()).any(|i| {
            // "intention" shares a stem with "intent", but in a KAP journal it
            // is the intention set before a session.
            let marked = self.is(i, INTENT) && !self.w(i).starts_with("intention")
                || (self.w(i) == "going" && self.w(i + 1) == "to")
                || self.w(i) == "will"
                || self.w(i) == "tonight";
            marked && self.before(i, 2, NEG).is_none()
        })
    }

    /// Something happened lately: yesterday, last night, this morning, days ago.
    fn recent(&self) -> bool {
        (0..self.len()).any(|i| {
            (self.is(i, RECENT) && self.w(i) != "again")
                || (self.w(i) == "last"
                    && self.word_in(i + 1, &["night", "week", "weekend", "month", "time"]))
                || (self.w(i) == "this"
                    && self.word_in(i + 1, &["morning", "afternoon", "evening", "week"]))
                || (self.w(i) == "ago"
                    && self
                        .word_before(i, 3, &["days", "hours", "day", "weeks", "week"])
                        .is_some())
        })
    }

    /// The medicine journey's own language: rebirth, dissolving, the old self.
    fn journey(&self, i: usize) -> bool {
        if self.any(JOURNEY) {
            return true;
        }
        let inside = self.inside.get().unwrap_or_else(|| {
            let inside = self.all_of(SETTING).any(|j| {
                self.word_before(
                    j,
                    3,
                    &["in", "during", "inside", "within", "through", "mid", "into"],
                )
                .is_some()
            });
            self.inside.set(Some(inside));
            inside
        });
        inside
            || self
                .word_before(
                    i,
                    4,
                    &[
                        "old",
                        "ego",
                        "part",
                        "parts",
                        "version",
                        "versions",
                        "something",
                    ],
                )
                .is_some()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Me,
    Other,
    Unknown,
}

/// The sentence's verdict: the strongest of the rules (only [`finality`]
/// when `main` is false: no other rule's anchor is in the sentence).
/// `question`: the sentence puts a question to the writer (see [`asked`]).
fn judge(s: &View, main: bool, question: bool) -> Option<Severity> {
    let rules: [fn(&View) -> Option<Severity>; 17] = [
        seventh,
        wish_broad,
        made_myself,
        naming,
        kill_self,
        death_wish,
        not_living,
        not_lasting,
        pointless,
        not_waking,
        burden,
        gone,
        method,
        preparation,
        attempt,
        self_injury,
        finality,
    ];
    // Reported therapy process: "my therapist asked if I think about killing
    // myself and I said no". A question answered no is not a disclosure.
    if question && answered_no(s) || denial(s) || quoting_other(s) {
        return None;
    }
    // "During the trip I jumped off a cliff made of colour": the session's
    // own story, with no wish or intent in it.
    if s.journey(0)
        && !s.any(DESIRE | INTENT | SUIC | SH | BETTER | DIE | OD | ATTEMPT | STRONGCUT)
        && !s.has_word(&["myself", "kill", "killed", "killing"])
    {
        return None;
    }
    // "A year ago I'd have written in here that I wanted to die": what the
    // writer would have said once, not what they say now.
    if (0..s.len()).any(|i| {
        s.w(i) == "would"
            && s.w(i + 1) == "have"
            && s.word_in(i + 2, &["written", "said", "told", "put", "answered", "had"])
            // "a day like today would have had me wishing I was dead": once,
            // not now; "would have had me" only with a time long past.
            && (s.w(i + 2) != "had" || s.has_word(&["ago", "once", "used"]))
    }) {
        return None;
    }
    // "Not because I want to die, I don't": a wish named to be denied.
    if (1..s.len()).any(|i| s.w(i) == "because" && s.w(i - 1) == "not") && s.has_word(&["dont"]) {
        return None;
    }
    // A screening item answered with a number or a no after it: "PHQ-9
    // question about being better off dead: zero."
    if s.has_word(&["phq", "phq9", "question", "item"])
        && (1..s.len()).any(|i| {
            s.w(i - 1) == BREAK
                && s.word_in(i, &["zero", "0", "no", "never", "none"])
                && i + 2 >= s.len()
        })
    {
        return None;
    }
    // The journey's own dying: "I experienced my death and it was quiet".
    if (0..s.len()).any(|i| {
        s.is(i, DIE)
            && s.w(i.wrapping_sub(1)) == "my"
            && s.word_in(
                i.wrapping_sub(2),
                &[
                    "experienced",
                    "witnessed",
                    "watched",
                    "saw",
                    "felt",
                    "through",
                ],
            )
    }) && !s.any(DESIRE | INTENT)
    {
        return None;
    }
    let found = if main {
        rules.iter().filter_map(|r| r(s)).max()?
    } else {
        finality(s).max(seventh(s))?
    };
    Some(if s.intent() { Severity::Now } else { found })
}

/// A question put to the writer: "asked if", "asked whether", "the
/// standard questions".
fn asked(s: &View) -> bool {
    (0..s.len()).any(|i| {
        s.word_in(
            i,
            &["asked", "asks", "ask", "asking", "question", "questions"],
        ) && (s.word_after(i, 4, &["if", "whether", "about"]).is_some()
            || s.word_in(i.wrapping_sub(1), &["standard", "usual", "screening"])
            || s.word_after(i, 2, &["usual", "standard", "screening", "questions"])
                .is_some())
    }) || screening_question(s)
}

/// The writer's answer was no.
fn answered_no(s: &View) -> bool {
    (0..s.len()).any(|i| {
        s.word_in(
            i,
            &[
                "said", "answered", "told", "say", "replied", "ticked", "circled", "marked", "put",
                "scored",
            ],
        ) && (s
            .word_after(i, 3, &["no", "nope", "zero", "0", "never"])
            .is_some()
            || s.word_after(i, 3, &["not"])
                .is_some_and(|j| s.w(j + 1) == "at" && s.w(j + 2) == "all"))
    }) && !s.has_word(&["yes", "sometimes", "lately"])
}

/// A sentence that is only an answer of no: "No.", "No and no.", "Nope".
fn bare_no(s: &View) -> bool {
    s.len() <= 4
        && s.word_in(0, &["no", "nope", "never", "zero"])
        && s.toks.iter().all(|t| {
            matches!(
                t.word.as_ref(),
                "no" | "nope" | "never" | "zero" | "and" | "to" | "both" | BREAK
            )
        })
}

/// A screening question put in the second person, as the writer reports
/// it: "Any thoughts of suicide?", "thoughts that you would be better off
/// dead", "any plans to end your life".
fn screening_question(s: &View) -> bool {
    let second = s.has_word(&["you", "your", "youd", "yourself", "youve", "youre"]);
    let any = s.w(0) == "any" || (1..s.len()).any(|i| s.w(i) == "any" && s.w(i - 1) == BREAK);
    (any && (second || s.len() <= 8))
        || (second && (s.any(REPORT) || s.has_word(&["question", "phq", "phq9", "item"])))
}

/// Thoughts placed well in the past: "back in 2021", "as a teenager",
/// "years ago".
fn resolved_past(s: &View) -> bool {
    s.any(THINK | DESIRE | SH | STRONGCUT | SUIC)
        && !s.any(ATTEMPT)
        && (0..s.len()).any(|i| {
            (s.w(i) == "back" && s.w(i + 1) == "in")
                || (s.w(i) == "used" && s.w(i + 1) == "to")
                || (s.w(i) == "ago" && s.word_in(i.wrapping_sub(1), &["decade", "time"]))
                || (s.w(i) == "when"
                    && s.w(i + 1) == "i"
                    && s.w(i + 2) == "was"
                    && s.word_after(
                        i + 2,
                        2,
                        &["teenager", "teen", "kid", "child", "student", "young"],
                    )
                    .is_some())
                || (s.w(i) == "ago" && s.word_before(i, 2, &["years", "decades"]).is_some())
                || (s.w(i) == "as"
                    && s.word_in(i + 1, &["a", "an"])
                    && s.word_in(i + 2, &["teenager", "teen", "kid", "child", "student"]))
                || (s.w(i) == "ago" && s.word_in(i.wrapping_sub(1), &["years", "decades"]))
                || (s.w(i).len() == 4
                    && (s.w(i).starts_with("19") || s.w(i).starts_with("20"))
                    && s.w(i).bytes().all(|b| b.is_ascii_digit()))
        })
}

/// A year written in digits: "2014".
fn year(w: &str) -> bool {
    w.len() == 4
        && (w.starts_with("19") || w.starts_with("20"))
        && w.bytes().all(|b| b.is_ascii_digit())
}

/// A time long past named: a year in digits, "years ago", "used to".
fn long_ago(s: &View) -> bool {
    (0..s.len()).any(|i| {
        year(s.w(i))
            || (s.w(i) == "ago"
                && s.word_before(i, 2, &["years", "decades", "decade"])
                    .is_some())
            || (s.w(i) == "used" && s.w(i + 1) == "to")
            || (s.w(i) == "back" && s.w(i + 1) == "then")
    })
}

/// A short sentence that only dates what came before: "That was 2014."
fn dated(s: &View) -> bool {
    s.len() <= 6 && (0..s.len()).any(|i| year(s.w(i)))
}

/// A plain denial in the writer's words, with nothing after it to take it
/// back: "No thoughts of harming myself this week", "I am not suicidal".
fn denial(s: &View) -> bool {
    (0..s.len()).any(|i| {
        (s.w(i) == "no"
            && s.word_in(
                i + 1,
                &["thoughts", "thought", "urges", "urge", "plans", "intention"],
            ))
            // "I am not suicidal." said and left there; "not suicidal, just
            // tired" still leans towards the note.
            || (s.w(i) == "not" && s.is(i + 1, SUIC) && i + 2 == s.len())
    }) && !s.has_word(&["but", "though", "except", "yet", "still"])
}

/// Someone else's words quoted after a verb of saying: "My friend texted
/// me late: 'I don't want to be here anymore'".
fn quoting_other(s: &View) -> bool {
    (1..s.len()).any(|i| {
        s.w(i) == BREAK
            && s.word_before(
                i,
                3,
                &[
                    "texted", "said", "wrote", "messaged", "told", "says", "asked", "replied",
                ],
            )
            .is_some_and(|j| s.subject(j) == Who::Other)
    })
}

/// Said to be over: "are gone", "not part of my life anymore", "haven't had
/// that thought in years".
fn over(s: &View) -> bool {
    (0..s.len()).any(|i| {
        (s.w(i) == "stayed" && s.word_before(i, 3, &["glad"]).is_some())
            || (s.word_in(i, &["gets", "got", "getting"]) && s.w(i + 1) == "better" && s.len() <= 8)
            || (s.w(i) == "glad"
                && s.word_after(i, 4, &["am", "here", "alive", "stayed"])
                    .is_some())
            || (s.word_in(i, &["havent", "hasnt"]) && s.word_in(i + 1, &["in", "for", "since"]))
            || (s.w(i) == "passed" && s.w(i.wrapping_sub(1)) == "it")
            || (s.w(i) == "days" && s.w(i.wrapping_sub(1)) == "these")
            || (s.w(i) == "that" && s.w(i + 1) == "was" && s.len() <= 6 && year(s.w(i + 2)))
            || (s.w(i) == "gone"
                && s.word_in(i.wrapping_sub(1), &["are", "is", "were", "long", "all"]))
            || (s.w(i) == "anymore" && s.before(i, 6, NEG).is_some())
            || (s.word_in(i, &["havent", "hasnt"])
                && s.word_after(i, 4, &["had", "thought", "come"]).is_some())
            || (s.w(i) == "behind" && s.w(i + 1) == "me")
    })
}

fn gentle_or_now(now: bool) -> Option<Severity> {
    Some(if now { Severity::Now } else { Severity::Gentle })
}

/// "suicide", "suicidal", "self-harm" (and their typos and slang), unless
/// they name something else: a film, a squad, a training, someone else's
/// death, career suicide.
fn naming(s: &View) -> Option<Severity> {
    const BEFORE: &[&str] = &[
        "career",
        "political",
        "social",
        "commercial",
        "financial",
        "professional",
        "virgin",
        "corporate",
        "electoral",
        "brand",
        "fashion",
        "cultural",
        "adolescent",
        "youth",
        "teen",
        "teenage",
        "veteran",
        "male",
        "female",
        "student",
        "military",
        "rural",
        // "no suicidal thoughts, no self-harm": a clinician's note of absence
        "no",
    ];
    const AFTER: &[&str] = &[
        "squad",
        "squeeze",
        "door",
        "doors",
        "mission",
        "missions",
        "bomber",
        "bombers",
        "bombing",
        "bombings",
        "attack",
        "attacks",
        "drill",
        "drills",
        "sprint",
        "sprints",
        "run",
        "runs",
        "pact",
        "club",
        "forest",
        "boys",
        "boy",
        "girls",
        "tendencies",
        "kings",
        "silence",
        "bridge",
        "loss",
        "support",
        "survivor",
        "survivors",
        "prevention",
        "awareness",
        "intervention",
        "training",
        "research",
        "rates",
        "statistics",
    ];
    let mut hit = false;
    for i in s.all_of(SUIC | SH) {
        if s.word_in(i.wrapping_sub(1), BEFORE) || s.word_in(i + 1, AFTER) || s.titled(&[i]) {
            continue;
        }
        // "my brother, who died by suicide", "lost to suicide": the writer
        // is alive to write it.
        if s.word_in(i.wrapping_sub(1), &["by", "to", "from"])
            && s.word_before(i, 3, &["died", "lost", "losing", "death", "deaths"])
                .is_some()
        {
            continue;
        }
        let me = s.subject(i);
        if me == Who::Other {
            continue;
        }
        // "my suicidal thoughts", "I am suicidal", "I was self-harming":
        // close enough that reading, training or talk in between cannot be
        // what it is about.
        let close = s.before(i, 3, FP).is_some();
        // "I read an article about suicide", "we talked about self-harm": the
        // subject of reading or talk; "I've been thinking about suicide" is not.
        let reported = (s.any(REPORT | MEDIA) || s.before(i, 4, TALK).is_some())
            && !close
            && !(s.before(i, 4, THINK | DESIRE).is_some() && s.before(i, 7, FP).is_some());
        if reported {
            continue;
        }
        hit = true;
        // A suicide note is a preparation.
        if s.word_in(
            i + 1,
            &[
                "note", "notes", "letter", "letters", "plan", "method", "methods",
            ],
        ) {
            return Some(Severity::Now);
        }
    }
    hit.then_some(Severity::Gentle)
}

/// "kill myself", "end my (own) life", "take my life", "end it all", "off
/// myself", "unalive myself".
fn kill_self(s: &View) -> Option<Severity> {
    let mut found = None;
    for i in 0..s.len() {
        let w = s.w(i);
        let kill = s.is(i, KILL);
        let take = matches!(w, "take" | "took" | "taken" | "taking" | "takes");
        if !kill && !take {
            continue;
        }
        if s.word_in(
            i.wrapping_sub(1),
            &["the", "an", "this", "that", "no", "happy", "weekend"],
        ) {
            continue; // "the end of my life", "a happy ending"
        }
        let refl = kill && s.after(i, 3, REFL).is_some();
        let my_life = s
            .word_after(i, 4, &["life", "lives"])
            .is_some_and(|j| (i + 1..j).any(|k| s.w(k) == "my"));
        let it_all = matches!(w, "end" | "ending" | "ended" | "ends")
            && (s.w(i + 1) == "it" || s.w(i + 1) == "everything" || s.w(i + 1) == "things")
            && (!s.word_in(i + 2, &["with", "between", "early", "there", "here", "on"])
                || s.w(i + 2) == "on" && s.after(i + 2, 5, TIME).is_some())
            && (s.w(i + 2) == "all"
                || s.w(i + 1) == "everything"
                || s.before(i, 5, DESIRE | THINK | INTENT | ATTEMPT).is_some()
                || s.before(i, 3, FP).is_some() && s.is(i + 2, TIME)
                || s.is(i.wrapping_sub(1), FP)
                || s.word_before(
                    i,
                    4,
                    &[
                        "going", "will", "gonna", "should", "could", "telling", "tells", "told",
                        "pull", "urge", "time", "voice", "just",
                    ],
                )
                .is_some())
            && s.mine(i);
        if !(refl || my_life || it_all) {
            continue;
        }
        if s.titled(&[i]) {
            continue;
        }
        // "killing myself laughing", "killing myself at the gym", "nearly
        // killed myself on the stairs"
        if refl {
            let r = s.after(i, 3, REFL).unwrap_or(i);
            let wished = s.before(i, 5, DESIRE | THINK | INTENT | ATTEMPT).is_some();
            let idiom_after = s.word_in(
                r + 1,
                &[
                    "laughing", "trying", "to", "at", "over", "for", "with", "working", "studying",
                    "doing", "getting", "running", "training", "on", "in", "off",
                ],
            ) && w == "killing";
            let near_miss = s.word_before(i, 2, &["nearly", "almost"]).is_some() && s.any(ACCIDENT);
            if (idiom_after || near_miss) && !wished {
                continue;
            }
            if s.word_in(r + 1, &["laughing", "laughin"]) {
                continue;
            }
        }
        if it_all && s.journey(i) {
            continue;
        }
        let now = s.before(i, 4, ATTEMPT).is_some() && s.recent();
        found = found.max(gentle_or_now(now));
    }
    found
}

/// A wish to be dead: "I want to die", "I wish I was dead", "I'd rather be
/// dead", "I hope I die in my sleep", "better off dead", "I wouldn't mind
/// dying", "I keep thinking about dying".
/// What one "dies to" in contemplative writing: an old self or habit.
const DIE_TO_OBJECT: &[&str] = &[
    "old", "ego", "self", "patterns", "pattern", "habits", "habit", "ways", "story", "stories",
    "version", "identity", "past", "shame", "fear", "need", "mask", "masks", "role",
];

/// "die to the old patterns", "die to my ego", "die to who I was": after
/// "die to", an old self or habit as the thing that ends.
fn dies_to_a_self(s: &View, i: usize) -> bool {
    if s.w(i + 1) != "to" {
        return false;
    }
    let near = |from: usize, to: usize, words: &[&str]| (from..to).any(|k| s.word_in(k, words));
    s.word_in(i + 2, &["old", "ego", "self", "patterns", "habits"])
        || s.word_in(i + 2, &["the", "my", "that", "those", "these", "an", "a"])
            && near(i + 3, i + 6, DIE_TO_OBJECT)
        || s.word_in(i + 2, &["who", "what"]) && near(i + 3, i + 6, &["was", "used", "been"])
}

fn death_wish(s: &View) -> Option<Severity> {
    const DEAD_IDIOM: &[&str] = &[
        "tired", "serious", "set", "wrong", "right", "end", "ends", "weight", "inside", "center",
        "centre", "sure", "quiet", "silent", "still", "air", "battery", "heat", "last", "beat",
        "asleep", "on", "to", "ahead", "straight", "easy", "simple", "giveaway", "cert", "space",
        "zone", "line", "lift",
    ];
    let mut found = None;
    for i in s.all_of(DIE) {
        let w = s.w(i);
        // Idioms: "die of embarrassment", "dying to see", "to die for",
        // "die on that hill", "dead tired", "my phone died".
        if s.w(i + 1) == "of" && s.is(i + 2, IDIOM)
            || s.w(i + 1) == "from" && s.is(i + 2, IDIOM)
            || w == "dying" && s.w(i + 1) == "to"
            || s.w(i + 1) == "for"
            || s.w(i + 1) == "on" && s.word_in(i + 2, &["this", "that", "the"])
            || s.w(i.wrapping_sub(1)) == "hill"
            || w == "dead" && s.word_in(i + 1, DEAD_IDIOM)
            || s.word_in(i + 1, &["laughing", "inside"])
            // "I want to die to the old patterns", "die to my ego": the
            // contemplative dying to a self or habit, an object after "to".
            || w == "die" && dies_to_a_self(s, i)
        {
            continue;
        }
        if s.titled(&[i]) || s.journey(i) {
            continue;
        }
        // Someone else dying ("I wish he was dead", "I wanted my dad not to die")
        let someone_between = |j: usize| (j + 1..i).any(|k| s.is(k, THIRD | KIN));

        // wish/want/hope/rather ... die
        if let Some(j) = s
            .before(i, 7, DESIRE | ATTEMPT)
            .filter(|&j| only_small_words(s, j, i))
        {
            let negated = s.before(j, 2, NEG).is_some();
            let rather_than = s.w(j) == "rather"
                && s.w(i + 1) == "than"
                && !s.word_in(
                    i + 2,
                    &[
                        "live", "living", "goon", "keep", "continue", "feel", "be", "wake", "face",
                        "spend", "exist",
                    ],
                );
            if !negated && !rather_than && !someone_between(j) && s.mine(j) {
                found = found.max(Some(Severity::Gentle));
                continue;
            }
        }
        // better off dead
        if s.before(i, 3, BETTER).is_some() && w == "dead" {
            found = found.max(Some(Severity::Gentle));
            continue;
        }
        // wouldn't mind / don't care if I die
        if let Some(j) = s.word_before(i, 6, &["mind", "care"]) {
            if s.before(j, 5, NEG).is_some() && s.mine(j) && !someone_between(j) {
                found = found.max(Some(Severity::Gentle));
                continue;
            }
        }
        // "dying sounds like a relief", "it would be a mercy if I died",
        // "I'd welcome death": one's own death spoken of as a good thing
        // "I might be dying" in the session is a perception, not a wish.
        let perceived = s
            .word_before(
                i,
                2,
                &[
                    "might", "may", "was", "am", "were", "be", "like", "felt", "feel", "thought",
                ],
            )
            .is_some();
        let own = !perceived
            && (s
                .word_before(i, 3, &["if", "i", "me", "my", "own", "being", "be"])
                .is_some()
                || w == "dying"
                || w == "death");
        let welcome = s
            .word_before(
                i,
                8,
                &[
                    "welcome", "mercy", "relief", "blessing", "gift", "peace", "glad", "happy",
                    "fine", "okay", "grateful", "release",
                ],
            )
            .or_else(|| {
                s.word_after(
                    i,
                    8,
                    &[
                        "welcome", "mercy", "relief", "blessing", "gift", "glad", "happy", "fine",
                        "okay", "grateful", "release",
                    ],
                )
            })
            .is_some();
        if own && welcome && s.mine(i) && !someone_between(i.saturating_sub(8)) {
            found = found.max(Some(Severity::Gentle));
            continue;
        }
        // thinking about dying / being dead / my own death
        if let Some(j) = s.before(i, 5, THINK) {
            let about = (j + 1..i).any(|k| s.word_in(k, &["about", "of"]));
            let personal = about
                && (w == "dying"
                    || s.word_in(i.wrapping_sub(1), &["being", "my", "own"])
                    || s.word_after(i, 2, &["myself"]).is_some());
            if personal && s.mine(j) && !someone_between(j) {
                found = found.max(Some(Severity::Gentle));
                continue;
            }
        }
    }
    found
}

/// Whether the words between a wish and a death word only carry the wish
/// ("I want so badly to die", "I wish I could just be dead"), so that
/// "the part of me who needs to control everything has to die" is not a
/// wish to die.
fn only_small_words(s: &View, from: usize, to: usize) -> bool {
    const SMALL: &[&str] = &[
        "to",
        "be",
        "i",
        "was",
        "were",
        "could",
        "would",
        "had",
        "have",
        "am",
        "been",
        "so",
        "badly",
        "much",
        "sometimes",
        "that",
        "it",
        "all",
        "already",
        "only",
        "a",
        "little",
        "bit",
        "me",
        "myself",
        "can",
        "might",
        "may",
        "will",
        "should",
        "do",
        "go",
        "and",
        "fall",
        "asleep",
        "quietly",
        "peacefully",
        "now",
        "tonight",
        "today",
        "please",
        "somehow",
        "nothing",
        "more",
        "than",
        "then",
        "still",
        "else",
        "were",
        "again",
        "just",
        "lay",
        "lie",
        "down",
        "get",
        "to",
        "off",
        "is",
        "was",
        "id",
        "would",
        "were",
        "was",
        "ok",
        "okay",
        "sleep",
        "in",
        "my",
        "of",
        "rather",
        "like",
        "every",
        "day",
        "night",
    ];
    (from + 1..to).all(|k| s.word_in(k, SMALL) || s.is(k, DESIRE | NEG | TIME))
}

/// Not wanting to live: "I don't want to be alive", "I want to stop
/// existing", "tired of living", "I can't keep living like this", "I don't
/// want to be here anymore", "I wish I'd never been born".
fn not_living(s: &View) -> Option<Severity> {
    const NOT_LIFE: &[&str] = &[
        "in",
        "with",
        "at",
        "near",
        "on",
        "off",
        "out",
        "paycheck",
        "room",
        "rooms",
        "situation",
        "arrangement",
        "arrangements",
        "expenses",
        "costs",
        "cost",
        "wage",
        "space",
        "proof",
        "legend",
        "together",
        "alone",
        "abroad",
        "there",
        "through",
        "up",
        "insurance",
        "coach",
        "style",
        "skills",
        "lesson",
        "lessons",
        "advice",
        "goals",
    ];
    let mut found = None;
    let lives = s.all_of(LIFE).chain((0..s.len()).filter(|&i| {
        matches!(s.w(i), "here" | "around")
            && s.w(i.wrapping_sub(1)) == "be"
            && (s.word_in(i + 1, &["anymore", "nomore", "forever", "", "now"])
                || s.w(i + 1) == "at" && s.w(i + 2) == "all")
    }));
    let lives: Vec<usize> = lives.collect();
    for i in lives {
        if s.word_in(i + 1, NOT_LIFE) && !s.is(i, FOREVER) {
            continue;
        }
        // "stop living as if I'm waiting for permission": a manner of
        // living named, not living itself.
        if s.w(i + 1) == "as" && s.word_in(i + 2, &["if", "though"]) {
            continue;
        }
        // "I don't want to believe that exists"; "breathe the air in there"
        if s.word_in(
            i.wrapping_sub(1),
            &["that", "it", "this", "which", "there", "what"],
        ) || s.w(i).starts_with("breath")
            && s.word_in(i + 1, &["the", "a", "that", "this", "in"])
        {
            continue;
        }
        if s.word_in(
            i.wrapping_sub(1),
            &[
                "work", "social", "love", "dating", "sex", "night", "city", "real", "everyday",
                "daily", "family", "home", "past",
            ],
        ) {
            continue;
        }
        if s.titled(&[i]) {
            continue;
        }
        // don't want ... live; can't keep/bear/face ... living
        let wish = s
            .before(i, 5, DESIRE)
            .filter(|&d| s.before(d, 3, NEG).is_some());
        let bear = s
            .word_before(
                i,
                4,
                &[
                    "keep", "continue", "bear", "stand", "face", "see", "imagine", "do", "handle",
                ],
            )
            .filter(|&d| {
                s.word_before(d, 3, &["cant", "couldnt", "nolonger", "not", "dont"])
                    .is_some()
            });
        // want to stop/not ... exist; wish I wasn't alive
        let stop = s
            .before(i, 6, DESIRE)
            .or_else(|| {
                s.word_before(
                    i,
                    6,
                    &["happy", "glad", "fine", "okay", "relieved", "content"],
                )
            })
            .filter(|&d| {
                (d + 1..i).any(|k| s.is(k, NEG) || s.word_in(k, &["stop", "cease", "quit"]))
            });
        // tired of / done with / sick of ... living
        let tired = s
            .word_before(
                i,
                4,
                &[
                    "tired",
                    "sick",
                    "done",
                    "exhausted",
                    "weary",
                    "fed",
                    "finished",
                ],
            )
            .filter(|&d| s.word_after(d, 2, &["of", "with"]).is_some());
        let Some(d) = wish.or(bear).or(stop).or(tired) else {
            continue;
        };
        if !s.mine(d) || (d + 1..i).any(|k| s.is(k, THIRD | KIN)) {
            continue;
        }
        // The journey: "I didn't exist for a while" has no wish; "part of me
        // wanted to stop existing" in the session is the experience.
        if s.journey(i) && tired.is_none() {
            continue;
        }
        found = Some(Severity::Gentle);
    }
    // I wish I'd never been born
    if let Some(b) = (0..s.len()).find(|&i| s.w(i) == "born") {
        let journey = (0..s.len()).any(|k| k != b && s.is(k, JOURNEY));
        if s.before(b, 6, DESIRE).is_some() && s.before(b, 3, NEG).is_some() && !journey {
            found = found.max(Some(Severity::Gentle));
        }
    }
    // life isn't worth living / not worth it
    for i in (0..s.len()).filter(|&i| s.w(i) == "worth") {
        if s.before(i, 2, NEG).is_some()
            && (s.after(i, 2, LIFE).is_some()
                || s.before(i, 4, LIFE).is_some() && s.w(i + 1) == "it"
                || s.word_in(i + 1, &["staying", "sticking", "being", "goon"]) && s.any(FP))
        {
            found = found.max(Some(Severity::Gentle));
        }
    }
    found
}

/// "no reason to live", "nothing to live for", "what's the point of going
/// on", "there's no point anymore".
/// Parts of a life that "can't go on like this in my …" may name.
const DOMAINS: &[&str] = &[
    "job",
    "role",
    "team",
    "marriage",
    "relationship",
    "flat",
    "house",
    "department",
    "career",
    "friendship",
    "office",
];

fn pointless(s: &View) -> Option<Severity> {
    for i in s.all_of(POINT) {
        if s.w(i) == "worth" {
            continue;
        }
        let lack = s
            .word_before(
                i,
                3,
                &[
                    "no", "nothing", "what", "whats", "any", "zero", "lost", "dont", "cant",
                    "without",
                ],
            )
            .is_some();
        if !lack {
            continue;
        }
        let of_what = s.after(i, 5, LIFE).is_some()
            || s.word_after(i, 5, &["goon", "anything", "trying", "existing", "staying"])
                .is_some_and(|j| s.w(j + 1) != "with")
            || (s
                .word_after(i, 5, &["it"])
                .is_some_and(|j| s.w(j + 1) == "all"))
            || s.word_in(i + 1, &["anymore", "nomore"])
            || s.w(i + 1) == "of"
                && s.word_in(i + 2, &["me", "myself"])
                && s.word_in(i + 3, &["", "anymore", "even", "being", "existing", "here"])
            || s.word_after(i, 5, &["here"])
                .is_some_and(|h| s.word_in(h - 1, &["being", "be", "still"]));
        if of_what && s.mine(i) && !s.titled(&[i]) {
            return Some(Severity::Gentle);
        }
    }
    // "nothing to live for", "nothing left to live for"
    for i in s.all_of(LIFE) {
        if s.w(i + 1) == "for" && s.word_before(i, 3, &["nothing", "nobody", "no"]).is_some() {
            return Some(Severity::Gentle);
        }
    }
    // "life is pointless", "existing feels meaningless"
    for i in s.all_of(LIFE) {
        if s.word_after(
            i,
            3,
            &[
                "pointless",
                "meaningless",
                "unbearable",
                "hopeless",
                "worthless",
            ],
        )
        .is_some()
            && !s.word_in(
                i.wrapping_sub(1),
                &["work", "social", "love", "dating", "sex", "night", "city"],
            )
        {
            return Some(Severity::Gentle);
        }
    }
    // "I can't go on (like this / anymore)"
    for i in (0..s.len()).filter(|&i| s.w(i) == "goon") {
        let cant = s
            .word_before(i, 2, &["cant", "couldnt", "dont", "nolonger"])
            .is_some()
            || s.word_before(i, 3, &["point", "reason", "how"]).is_some();
        let end = s.word_in(
            i + 1,
            &[
                "", "anymore", "like", "living", "existing", "much", "forever",
            ],
        );
        // "I can't go on like this at work": a place or part of life
        // named right after, not life itself.
        let domain = s.w(i + 1) == "like"
            && s.word_in(i + 2, &["this", "that"])
            && (s.w(i + 3) == "at"
                && s.word_in(i + 4, &["work", "school", "uni", "college", "the"])
                || s.w(i + 3) == "in"
                    && s.word_in(i + 4, &["this", "my", "that", "the"])
                    && s.word_in(i + 5, DOMAINS));
        if cant && end && s.mine(i) && !domain {
            return Some(Severity::Gentle);
        }
    }
    None
}

/// "I hope I don't wake up", "go to sleep and never wake up", "I wouldn't
/// mind not waking up", "I want to sleep forever".
fn not_waking(s: &View) -> Option<Severity> {
    for i in s.all_of(WAKE) {
        let Some(n) = s.before(i, 3, NEG) else {
            continue;
        };
        let object = s.word_in(
            i + 1,
            &[
                "the",
                "a",
                "my",
                "him",
                "her",
                "them",
                "someone",
                "anyone",
                "you",
                "everyone",
                "baby",
                "us",
                "on",
                "early",
                "late",
                "before",
                "at",
                "till",
                "until",
                "feeling",
                "rested",
                "refreshed",
                "with",
            ],
        );
        if object
            || (s.w(i + 1) == "in"
                && s.word_in(i + 2, &["time", "a", "the"])
                && s.w(i + 3) != "morning")
        {
            continue;
        }
        let wished = s.before(n, 6, DESIRE).is_some()
            || s.word_before(
                n,
                6,
                &[
                    "mind", "sleep", "asleep", "bed", "relieved", "relief", "glad", "grateful",
                    "fine", "okay", "ok", "happy",
                ],
            )
            .is_some()
            || s.word_after(i, 3, &["again", "ever", "forever", "tomorrow"])
                .is_some()
                && s.before(n, 6, DESIRE | THINK).is_some()
            || s.word_after(
                i,
                8,
                &[
                    "fine", "okay", "ok", "relief", "mercy", "happy", "glad", "blessing",
                ],
            )
            .is_some();
        if wished && s.mine(n) && !s.titled(&[i]) {
            return Some(Severity::Gentle);
        }
    }
    // "I wish I could fall asleep and that would be it"
    for i in s.all_of(SLEEP) {
        let the_end = s.word_after(i, 7, &["it", "end", "over"]).is_some_and(|j| {
            s.word_in(j.wrapping_sub(1), &["be", "the"]) && s.word_in(j + 1, &["", "forever"])
        });
        if the_end && s.before(i, 6, DESIRE).is_some() && s.mine(i) {
            return Some(Severity::Gentle);
        }
    }
    for i in s.all_of(SLEEP) {
        if s.after(i, 2, FOREVER)
            .is_some_and(|j| s.w(j) != "anymore" && s.w(j) != "again")
            && s.before(i, 6, DESIRE).is_some()
            && s.mine(i)
        {
            return Some(Severity::Gentle);
        }
    }
    // "I want to disappear forever", "vanish and never come back", "cease to exist"
    for i in s.all_of(VANISH) {
        let gone_for_good = s.after(i, 3, FOREVER).is_some_and(|j| s.w(j) != "again")
            || s.word_after(i, 6, &["back"]).is_some() && s.before(i + 6, 6, NEG).is_some()
            || s.word_after(i, 3, &["trace", "exist", "existence"])
                .is_some()
            || s.w(i) == "cease";
        if gone_for_good && s.before(i, 5, DESIRE | THINK).is_some() && s.mine(i) && !s.journey(i) {
            return Some(Severity::Gentle);
        }
    }
    None
}

/// More ways of not wanting to go on: "I don't want to wake up tomorrow",
/// "exhausted by being alive", "I don't know why I'm still here", "I hope I
/// don't make it to my birthday", "I wish it had taken me instead".
fn not_lasting(s: &View) -> Option<Severity> {
    if !s.any(WAKE | LIFE | DESIRE | NEG) && !s.has_word(&["last", "here"]) {
        return None;
    }
    for i in s.all_of(WAKE) {
        let not_wanting = s
            .before(i, 3, DESIRE)
            .is_some_and(|d| s.before(d, 3, NEG).is_some() && s.mine(d));
        let plain = s.word_in(i + 1, &["", "tomorrow", "again", "anymore", "ever", "up"])
            || s.w(i + 1) == "in" && s.w(i + 3) == "morning";
        if not_wanting && plain {
            return Some(Severity::Gentle);
        }
    }
    for i in s.all_of(LIFE) {
        let worn = s
            .word_before(i, 4, &["exhausted", "tired", "worn", "drained", "weary"])
            .is_some_and(|d| s.w(d + 1) == "by" || s.w(d + 1) == "from");
        let why_still = s.word_before(i, 2, &["still"]).is_some()
            && s.word_before(i, 8, &["why", "shouldnt", "dont", "deserve"])
                .is_some();
        if (worn || why_still) && s.mine(i) && !s.journey(i) {
            return Some(Severity::Gentle);
        }
    }
    for i in (0..s.len()).filter(|&i| s.w(i) == "here" && s.w(i.wrapping_sub(1)) == "still") {
        if s.word_before(i, 8, &["why"]).is_some() && s.mine(i) {
            return Some(Severity::Gentle);
        }
    }
    // "I hope I don't recover", "hoping I won't survive the operation"
    for i in (0..s.len()).filter(|&i| {
        s.word_in(i, &["recover", "survive", "live"]) || s.w(i) == "pull" && s.w(i + 1) == "through"
    }) {
        let hoped = s.before(i, 3, NEG).is_some_and(|n| {
            s.before(n, 8, DESIRE)
                .is_some_and(|d| s.before(d, 2, NEG).is_none())
        });
        if hoped && s.mine(i) && !s.journey(i) {
            return Some(Severity::Gentle);
        }
    }
    // "Life is too heavy and I don't want to carry it anymore."
    if s.any(LIFE) {
        for i in s.positions(&["anymore", "nomore"]) {
            if s.before(i, 7, DESIRE)
                .is_some_and(|d| s.before(d, 3, NEG).is_some() && s.mine(d))
                && !s.journey(i)
            {
                return Some(Severity::Gentle);
            }
        }
    }
    // "I'd be okay if today was my last day"
    for i in (0..s.len()).filter(|&i| s.w(i) == "last" && s.w(i.wrapping_sub(1)) == "my") {
        let day = s.word_in(
            i + 1,
            &["day", "night", "breath", "birthday", "christmas", "week"],
        );
        let somewhere = s.word_in(i + 2, &["at", "in", "of", "on", "with", "before"]);
        let wished = s.any(DESIRE)
            || s.has_word(&["okay", "ok", "fine", "glad", "happy", "relief", "peace"]);
        if day && !somewhere && wished && !s.journey(i) {
            return Some(Severity::Gentle);
        }
    }
    // hope I don't make it to / through / past
    for i in (0..s.len()).filter(|&i| s.word_in(i, &["make", "making"]) && s.w(i + 1) == "it") {
        if s.word_in(
            i + 2,
            &["to", "through", "past", "till", "until", "", "much"],
        ) && s
            .before(i, 3, NEG)
            .is_some_and(|n| s.before(n, 4, DESIRE).is_some())
            && s.mine(i)
        {
            return Some(Severity::Gentle);
        }
    }
    // "I wish it had taken me", "let it take me"
    for i in (0..s.len())
        .filter(|&i| s.word_in(i, &["take", "took", "taken", "taking"]) && s.w(i + 1) == "me")
    {
        let away = s.word_in(
            i + 2,
            &[
                "", "instead", "away", "too", "already", "now", "forever", "under", "out", "in",
                "soon", "tonight",
            ],
        ) && (s.w(i + 2) != "out" || s.w(i + 3).is_empty())
            && s.w(i + 2) != "home";
        let wished =
            s.before(i, 8, DESIRE).is_some() || s.word_before(i, 3, &["let", "letting"]).is_some();
        if away && wished && !s.journey(i) && !s.any(MEDIA) {
            return Some(Severity::Gentle);
        }
    }
    None
}

/// Other shapes of a wish to die: "I'd happily die", "death would be easier
/// than this", "I hope something kills me", "I want everything to stop,
/// including me", "living feels like a punishment and I want out", "more
/// afraid of living like this", "better off with the insurance than with me".
fn wish_broad(s: &View) -> Option<Severity> {
    if !s.any(DIE | KILL | DESIRE | BETTER | LIFE) && !s.has_word(&["if"]) {
        return None;
    }
    let fire = Some(Severity::Gentle);
    for i in s.all_of(DIE) {
        if s.word_in(i + 1, &["for", "to", "of", "laughing", "tired", "inside"])
            || s.journey(i)
            || s.titled(&[i])
        {
            continue;
        }
        if s.word_before(i, 2, &["happily", "gladly", "willingly", "gratefully"])
            .is_some()
            && s.mine(i)
        {
            return fire;
        }
        let kinder = s
            .word_after(
                i,
                4,
                &[
                    "easier",
                    "better",
                    "kinder",
                    "preferable",
                    "welcome",
                    "simpler",
                    "nicer",
                ],
            )
            .is_some_and(|j| s.word_in(j + 1, &["than", "for"]) || s.w(j + 1).is_empty());
        if kinder && s.mine(i) && !s.any(THIRD | KIN) {
            return fire;
        }
    }
    // "I hope something kills me", "I wish a car would kill me"
    for i in (0..s.len()).filter(|&i| s.is(i, KILL) && s.w(i + 1) == "me") {
        if let Some(d) = s.before(i, 6, DESIRE) {
            let clean = !(d + 1..i).any(|k| s.is(k, NEG | THIRD | KIN));
            if clean && s.before(d, 2, NEG).is_none() && s.w(i) != "killing" && s.mine(d) {
                return fire;
            }
        }
    }
    // "I want everything to stop, including me", "I want it all to be over"
    for i in s.positions(&["stop", "end", "over"]) {
        let what = s.word_before(
            i,
            4,
            &[
                "everything",
                "all",
                "life",
                "me",
                "myself",
                "existence",
                "heart",
                "breathing",
            ],
        );
        let wished = s
            .before(i, 7, DESIRE)
            .is_some_and(|d| s.before(d, 2, NEG).is_none() && s.mine(d));
        let to_be = s.word_in(i.wrapping_sub(1), &["to", "be", "would", "could", "will"]);
        if what.is_some() && wished && to_be && !s.journey(i) && s.w(i + 1) != "with" {
            return fire;
        }
    }
    // "... and I want out", "I want out of this life"
    for i in (0..s.len()).filter(|&i| s.w(i) == "out") {
        let wanted = s.before(i, 2, DESIRE).is_some();
        let of_life = s.word_in(i + 1, &["", "and"]) && s.any(LIFE)
            || s.w(i + 1) == "of"
                && (s.is(i + 2, LIFE)
                    || s.word_in(i + 2, &["existence", "everything", "here", "this"])
                        && s.any(LIFE));
        if wanted && of_life && s.mine(i) {
            return fire;
        }
    }
    // "more afraid of living like this"
    for i in s.positions(&["afraid", "scared", "terrified"]) {
        if s.w(i + 1) == "of"
            && s.is(i + 2, LIFE)
            && s.has_word(&["more", "than", "like"])
            && s.mine(i)
        {
            return fire;
        }
    }
    // "better off with the insurance than with me"
    for i in s.all_of(BETTER) {
        if let Some(t) = s.word_after(i, 8, &["than"]) {
            let off = s.w(i) == "betteroff" || s.word_before(i, 3, &["would", "be"]).is_some();
            let with_me = s
                .word_after(t, 3, &["me"])
                .is_some_and(|m| s.word_in(m - 1, &["with", "having"]));
            if off && with_me {
                return fire;
            }
        }
    }
    // "if I got hit by a car I'd be okay with it"
    for i in (0..s.len()).filter(|&i| s.w(i) == "if" && !whether(s, i)) {
        let to_me = s.is(i + 1, FP)
            || s.word_after(i, 6, &["hit", "killed", "ran", "run", "took"])
                .is_some_and(|j| s.w(j + 1) == "me");
        let event = to_me
            && s.word_after(
                i,
                6,
                &[
                    "hit", "run", "ran", "crashed", "killed", "cancer", "accident", "died", "took",
                ],
            )
            .is_some();
        let fine = s
            .word_after(
                i,
                14,
                &[
                    "okay", "ok", "fine", "relief", "happy", "glad", "good", "thankful", "grateful",
                ],
            )
            .is_some()
            || s.word_after(i, 14, &["mind", "care"])
                .is_some_and(|j| s.before(j, 3, NEG).is_some())
            || s.word_before(i, 6, &["mind", "care"])
                .is_some_and(|j| s.before(j, 3, NEG).is_some());
        if event && fine && !s.journey(i) {
            return fire;
        }
    }
    None
}

/// "I didn't know if I was alive or dead": this "if" asks, it does not
/// suppose.
fn whether(s: &View, i: usize) -> bool {
    s.word_before(
        i,
        3,
        &[
            "know",
            "knew",
            "sure",
            "wonder",
            "wondered",
            "wondering",
            "tell",
            "check",
            "checked",
            "ask",
            "asked",
            "unsure",
            "remember",
            "see",
        ],
    )
    .is_some()
}

/// Imagining oneself gone, as a relief to others or a matter of fact: "if I
/// were dead", "if I wasn't in their lives", "happier with me gone".
fn gone(s: &View) -> Option<Severity> {
    if !s.has_word(&["if", "me", "once", "when"]) {
        return None;
    }
    for i in (0..s.len()).filter(|&i| {
        (s.w(i) == "if" && !whether(s, i)
            || s.word_in(i, &["once", "when"])
                && (s.any(BETTER) || s.has_word(&["simpler", "quieter", "kinder"])))
            && s.is(i + 1, FP)
    }) {
        let state = (i + 2..(i + 6).min(s.len())).find(|&k| {
            let in_lives = s.w(k) == "in"
                && (s.w(k + 1) == "them"
                    || s.word_in(
                        k + 1,
                        &["their", "your", "his", "her", "everyones", "anyones", "the"],
                    ) && s.word_in(k + 2, &["lives", "life", "picture", "world"]));
            s.word_in(k, &["dead", "gone", "disappeared", "vanished"])
                || (in_lives
                    || s.word_in(k, &["here", "around", "alive", "exist", "existed", "born"]))
                    && s.before(k, 3, NEG).is_some()
        });
        let Some(k) = state else { continue };
        // "if I was gone for a week", "if I wasn't in the office"
        let for_a_while = s
            .word_after(
                k,
                3,
                &[
                    "for", "until", "till", "office", "room", "house", "meeting", "class", "town",
                    "trip", "weekend", "week", "day", "month", "holiday",
                ],
            )
            .is_some();
        if !for_a_while && !s.journey(k) && !s.titled(&[k]) {
            return Some(Severity::Gentle);
        }
    }
    // "happier with me gone", "better with me dead"
    for i in (0..s.len()).filter(|&i| s.w(i) == "me" && s.word_in(i + 1, &["gone", "dead"])) {
        if (s.any(BETTER) || s.has_word(&["would", "will"])) && !s.journey(i) {
            return Some(Severity::Gentle);
        }
    }
    None
}

/// "everyone would be better off without me", "if I were gone nobody would
/// notice", "the world would be easier if I didn't exist", "nobody would
/// miss me".
fn burden(s: &View) -> Option<Severity> {
    if !s.any(BETTER | CARE) && !s.has_word(&["without", "if"]) {
        return None;
    }
    // ... without me, with a would/is/be: not "the meeting went better without me"
    for i in (0..s.len()).filter(|&i| s.w(i) == "without" && s.w(i + 1) == "me") {
        if let Some(b) = s
            .before(i, 10, BETTER)
            .or_else(|| s.after(i + 1, 4, BETTER).filter(|&b| s.w(b) != "than"))
        {
            let modal = b > i
                || s.w(b) == "betteroff"
                || s.word_before(
                    b,
                    3,
                    &["would", "will", "be", "is", "are", "were", "was", "been"],
                )
                .is_some();
            if modal && !s.titled(&[b]) {
                return Some(Severity::Gentle);
            }
        }
    }
    // if I ... gone / died / disappeared / wasn't here
    for i in (0..s.len()).filter(|&i| s.w(i) == "if" && s.is(i + 1, FP)) {
        let gone = (i + 2..(i + 7).min(s.len())).any(|k| {
            s.is(k, DIE | VANISH)
                || s.word_in(k, &["gone", "killed", "unalive"])
                || s.word_in(
                    k,
                    &[
                        "here", "around", "alive", "exist", "existed", "born", "anymore",
                    ],
                ) && s.before(k, 3, NEG).is_some()
        });
        let consequence = s.any(BETTER)
            || s.any(CARE)
            || s.has_word(&[
                "nobody",
                "anyone",
                "matter",
                "difference",
                "relieved",
                "notice",
            ]);
        if gone && consequence && !s.journey(i) {
            return Some(Severity::Gentle);
        }
    }
    // nobody would miss me / notice / care (at the end, or about me)
    for i in s.all_of(CARE) {
        let nobody = s
            .word_before(i, 4, &["nobody", "anyone", "anybody"])
            .is_some()
            && s.word_before(i, 3, &["would", "will", "wouldnt", "even", "ever"])
                .is_some();
        let about_me = s.word_in(i + 1, &["me", "", "anymore", "if", "when"]);
        let not_party = s
            .word_after(
                i,
                4,
                &[
                    "party", "meeting", "call", "class", "dinner", "event", "deadline", "game",
                ],
            )
            .is_none();
        if nobody && about_me && not_party {
            return Some(Severity::Gentle);
        }
    }
    // "they'd all be better off." "my kids would be better off"
    for i in (0..s.len()).filter(|&i| s.w(i) == "betteroff") {
        let who = s
            .word_before(
                i,
                5,
                &[
                    "everyone",
                    "everybody",
                    "family",
                    "kids",
                    "children",
                    "world",
                    "all",
                    "wife",
                    "husband",
                    "partner",
                    "people",
                    "everyones",
                    "they",
                    "theyd",
                ],
            )
            .is_some();
        if who && s.word_in(i + 1, &["", "dead", "anyway", "honestly", "really", "if"]) {
            if s.w(i + 1) == "if" && !s.is(i + 2, FP) {
                continue;
            }
            return Some(Severity::Gentle);
        }
    }
    None
}

/// A method tied to the writer: pills in quantity, overdose, hanging, a
/// bridge or a train, a gun, a blade to the body, drowning, gas. With a
/// wish or intent nearby the note is the pressing one; with a thought or an
/// image, the gentle one.
/// "exhausted", "exhaustion", "exhausting": tiredness, which shares its
/// stem with a car's exhaust.
fn tiredness(w: &str) -> bool {
    w.starts_with("exhaust") && !matches!(w, "exhaust" | "exhausts")
}

fn method(s: &View) -> Option<Severity> {
    let mut events: Vec<usize> = Vec::new();
    let framed = |i: usize| -> bool {
        s.before(
            i,
            8,
            DESIRE | THINK | INTENT | ATTEMPT | RESEARCH | BUY | STOCK,
        )
        .is_some()
            || s.word_before(
                i,
                6,
                &[
                    "could", "urge", "how", "if", "should", "might", "pull", "tempting", "easy",
                ],
            )
            .is_some()
    };
    for i in 0..s.len() {
        let w = s.w(i);
        let ev = if s.is(i, OD) {
            !s.has_word(&["naloxone", "narcan"]) && !s.word_in(i + 1, &["on", "of"])
                || s.word_after(
                    i,
                    3,
                    &[
                        "pills",
                        "meds",
                        "my",
                        "tablets",
                        "sleeping",
                        "medication",
                        "insulin",
                        "paracetamol",
                        "tylenol",
                    ],
                )
                .is_some()
        } else if s.is(i, HANG) {
            // "hang myself", "picturing myself hanging"
            s.after(i, 2, REFL).is_some() || s.is(i.wrapping_sub(1), REFL)
        } else if s.is(i, ROPE) {
            w == "noose"
                || w == "ligature"
                || (s.before(i, 4, DESIRE | INTENT | THINK).is_some()
                    && !s.word_in(
                        i + 1,
                        &[
                            "swing", "course", "bridge", "in", "ladder", "light", "lights",
                        ],
                    )
                    && !s.word_in(i.wrapping_sub(1), &["jump", "skipping", "climbing", "tow"]))
                || s.word_after(
                    i,
                    6,
                    &["neck", "hang", "beam", "tree", "strong", "enough", "tie"],
                )
                .is_some()
        } else if s.is(i, JUMP) {
            let place_after = s.after(i, 6, PLACE).is_some_and(|p| {
                (i + 1..p).any(|k| s.word_in(k, &["off", "from", "out", "over", "onto"]))
            });
            let place_before = s.before(i, 8, PLACE).is_some()
                && (s.word_in(i + 1, &["off", "", "from", "over", "down", "out"])
                    || s.w(i + 1) == BREAK);
            let vehicle = s.after(i, 3, VEHICLE).is_some()
                && s.word_after(i, 2, &["infrontof", "under", "onto"])
                    .is_some();
            // "I'm going to jump." with nothing after: said with intent,
            // in a journal, it is not a puddle.
            let bare = s.word_in(i + 1, &["", "tonight", "tomorrow", "soon", "today"])
                && (s.before(i, 4, DESIRE | INTENT).is_some()
                    || s.word_before(i, 3, &["going", "will", "gonna"]).is_some());
            (place_after || place_before || vehicle || bare)
                && !s.word_in(i.wrapping_sub(1), &["bungee", "parachute", "ski"])
        } else if s.is(i, MOVE) {
            let throw_self = s.after(i, 2, REFL).is_some()
                && s.word_after(i, 3, &["off", "infrontof", "under", "from", "into"])
                    .is_some()
                && s.after(i, 7, PLACE | VEHICLE | WATER).is_some();
            let into = s
                .word_after(i, 4, &["infrontof", "under", "into", "onto", "off"])
                .and_then(|p| {
                    s.after(p, 4, VEHICLE | PLACE | WATER).or_else(|| {
                        s.word_after(
                            p,
                            4,
                            &["tree", "wall", "barrier", "pillar", "median", "oncoming"],
                        )
                    })
                });
            // "stepping in front of the 8:15"
            let in_front = s.w(i + 1) == "infrontof"
                && s.word_after(
                    i,
                    4,
                    &[
                        "audience", "class", "crowd", "camera", "mirror", "group", "people",
                        "everyone", "them", "him", "her",
                    ],
                )
                .is_none()
                && s.before(i, 8, DESIRE | THINK).is_some();
            // "walking into the sea until the water closed over me"
            let into_water = into.is_some_and(|p| s.is(p, WATER))
                && s.w(i + 1) == "into"
                && s.before(i, 8, DESIRE | THINK).is_some()
                && !s.has_word(&[
                    "swim", "paddle", "dip", "surf", "swimming", "paddling", "bathe", "cool",
                    "wade",
                ]);
            // "drive off the road at the bend"
            let off_road = ["driv", "drov", "swerv", "steer", "veer", "crash"]
                .iter()
                .any(|p| w.starts_with(p))
                && s.w(i + 1) == "off"
                && s.word_after(
                    i,
                    3,
                    &["road", "cliff", "bridge", "edge", "motorway", "highway"],
                )
                .is_some()
                && s.before(i, 8, DESIRE | THINK).is_some();
            if in_front || into_water || off_road {
                events.push(i);
            }
            let water_for_good = into.is_some_and(|p| !s.is(p, WATER))
                || s.word_after(i, 10, &["back", "walking", "stopping", "swimming"])
                    .is_some_and(|j| s.before(j, 3, NEG).is_some() || s.w(j - 1) == "keep")
                || s.word_after(i, 6, &["onpurpose"]).is_some();
            let car_crash = ["crash", "swerv", "driv", "drov", "steer"]
                .iter()
                .any(|p| w.starts_with(p))
                && s.word_after(i, 6, &["onpurpose", "deliberately", "intentionally"])
                    .is_some();
            // "swerving off it", after "the bridge" earlier in the sentence
            let off_place = matches!(
                w,
                "swerve"
                    | "swerved"
                    | "swerving"
                    | "drive"
                    | "drove"
                    | "driving"
                    | "steer"
                    | "veer"
                    | "step"
                    | "stepped"
                    | "stepping"
                    | "fall"
                    | "falling"
                    | "throw"
                    | "roll"
                    | "walk"
                    | "walking"
                    | "lean"
                    | "leaning"
                    | "climb"
                    | "climbing"
            ) && s.word_in(i + 1, &["off", "over", "into"])
                && s.before(i, 10, PLACE).is_some();
            // "letting myself fall" from the balcony
            let let_go = s.after(i.saturating_sub(3), 2, REFL).is_some()
                && s.word_before(i, 3, &["let", "letting"]).is_some()
                && matches!(w, "fall" | "falling" | "go" | "sink" | "float")
                && (s.any(PLACE | WATER) || s.before(i, 8, DESIRE | THINK).is_some());
            throw_self || (into.is_some() && water_for_good) || car_crash || off_place || let_go
        } else if s.is(i, SHOOT) {
            s.after(i, 2, REFL).is_some()
                && s.word_after(i, 4, &["foot", "look", "text", "message", "email"])
                    .is_none()
        } else if s.is(i, WEAPON) {
            let toy = s.word_in(
                i.wrapping_sub(1),
                &[
                    "glue", "nail", "staple", "water", "nerf", "heat", "spray", "paint", "toy",
                    "starting", "smoking", "top", "massage", "caulk", "foam",
                ],
            );
            let idiom = s
                .word_before(
                    i,
                    2,
                    &[
                        "jump", "jumped", "jumping", "stick", "stuck", "sticking", "blazing",
                    ],
                )
                .is_some();
            let aimed = s
                .word_after(i, 6, &["head", "mouth", "temple", "myself", "chin"])
                .is_some()
                || s.before(i, 8, DESIRE | THINK | INTENT | BUY).is_some();
            !toy && !idiom && aimed
        } else if s.is(i, BLADE) {
            let to_body = s.after(i, 8, BODY).is_some_and(|b| !s.is(b, HANDY))
                || s.before(i, 8, BODY).is_some_and(|b| !s.is(b, HANDY));
            let loose = matches!(
                w,
                "blade" | "blades" | "razor" | "razors" | "boxcutter" | "shard"
            ) && s.before(i, 8, DESIRE | THINK).is_some();
            (to_body || loose) && (!s.any(ACCIDENT) || s.any(ONPURPOSE | DESIRE))
        } else if s.is(i, DROWN) {
            s.after(i, 2, REFL).is_some()
                || s.before(i, 4, DESIRE | INTENT).is_some()
                    && !(s.w(i + 1) == "in" && s.after(i, 3, WATER).is_none())
        } else if s.is(i, GAS) {
            !tiredness(w)
                && (w != "exhaust" || s.word_in(i + 1, &["fumes", "pipe", "hose"]))
                && (s.before(i, 8, DESIRE | THINK | INTENT | BUY).is_some()
                    || s.has_word(&["car", "garage", "bag", "tent"]))
                && !s.has_word(&[
                    "bbq", "barbecue", "grill", "drawing", "sketch", "balloon", "balloons",
                    "detector", "alarm",
                ])
        } else if s.is(i, POISON) {
            s.after(i, 2, REFL).is_some()
                || s.word_before(
                    i,
                    3,
                    &["drink", "drank", "drinking", "swallow", "swallowed"],
                )
                .is_some()
        } else if s.is(i, PILLS) {
            pills_in_quantity(s, i)
        } else if w == "myself" && s.w(i.wrapping_sub(1)) == "on" {
            // "wanted to use one on myself", "turn it on myself"
            s.word_before(i, 6, &["use", "used", "using", "turn", "turned", "turning"])
                .is_some()
                && s.any(BLADE | WEAPON | PILLS | ROPE)
        } else if w == "easy" || w == "easily" {
            // "looked at the tracks and thought how easy it would be"
            s.word_before(i, 2, &["how", "so", "be"]).is_some()
                && (s.any(PILLS | ROPE | WEAPON | BLADE | GAS)
                    || s.has_word(&[
                        "tracks", "bridge", "cliff", "ledge", "roof", "balcony", "edge", "platform",
                    ]))
                && s.before(i, 8, THINK | DESIRE).is_some()
        } else if w == "bag" {
            // suffocation: a bag over my head
            s.word_after(i, 4, &["head", "face"]).is_some()
                && s.word_after(i, 2, &["over", "on"]).is_some()
                && s.word_after(i, 3, &["my"]).is_some()
        } else if w == "way" || w == "ways" {
            s.word_before(
                i,
                3,
                &[
                    "painless", "quickest", "easiest", "quick", "best", "fastest", "surest",
                    "peaceful",
                ],
            )
            .is_some()
                && s.after(i, 4, DIE | KILL | SUIC).is_some()
        } else {
            false
        };
        if ev {
            events.push(i);
        }
    }
    let mut found = None;
    for i in events {
        if s.titled(&[i]) || !s.mine(i) {
            continue;
        }
        // A gun, a blade, a rope or gas is the writer's only when the
        // writer is in the sentence ("guns by themselves aren't the issue").
        if s.is(i, WEAPON | BLADE | ROPE | GAS) && !s.any(FP) {
            continue;
        }
        // Reported: the nurse explained overdose, an article on bridges.
        if (s.any(REPORT) || s.before(i, 5, TALK).is_some())
            && s.before(i, 3, FP).is_none()
            && !framed(i)
        {
            continue;
        }
        // Inherently self-directed, or tied to the writer by a wish, a
        // thought, a plan or an attempt.
        let inherent = s.is(i, OD | PILLS | HANG | POISON) && s.any(FP)
            || s.after(i, 3, REFL).is_some()
            || s.w(i) == "noose";
        if !inherent && !framed(i) && s.subject(i) != Who::Me {
            continue;
        }
        let negated = s.before(i, 3, NEG).is_some();
        let pressing = !negated
            && (s
                .before(i, 8, DESIRE | INTENT | RESEARCH | BUY | STOCK)
                .is_some()
                || s.intent()
                || s.recent() && !s.is(i, BLADE));
        found = found.max(gentle_or_now(pressing));
    }
    found
}

/// "take all my pills", "swallow the whole bottle", "enough pills to …".
fn pills_in_quantity(s: &View, p: usize) -> bool {
    const MUCH: &[&str] = &[
        "all", "whole", "every", "entire", "handful", "handfuls", "bunch", "lot", "enough", "many",
        "too", "bottle", "bottles", "box", "boxes", "pack", "packs", "packet", "supply", "stash",
        "rest", "months", "weeks", "lethal", "fatal", "dozens", "hundred", "fifty", "thirty",
        "forty",
    ];
    const CONSUME: &[&str] = &[
        "take",
        "took",
        "taken",
        "taking",
        "swallow",
        "swallowed",
        "swallowing",
        "down",
        "downed",
        "chug",
        "neck",
        "ate",
        "eat",
        "pop",
        "popped",
        "empty",
        "overdose",
    ];
    const ROUTINE: &[&str] = &[
        "food",
        "prescribed",
        "time",
        "morning",
        "breakfast",
        "dinner",
        "lunch",
        "water",
        "day",
        "daily",
        "night",
        "evening",
        "schedule",
        "routine",
        "refill",
        "pharmacy",
        "organiser",
        "organizer",
        "doctor",
        "gp",
        "today",
        "week",
    ];
    let much = s
        .word_before(p, 5, MUCH)
        .or_else(|| s.word_after(p, 7, MUCH));
    let consume = s
        .word_before(p, 7, CONSUME)
        .or_else(|| s.word_after(p, 6, CONSUME).filter(|_| much.is_some()));
    let to_die = s
        .word_after(
            p,
            5,
            &["die", "dying", "dead", "end", "kill", "lethal", "fatal"],
        )
        .is_some()
        || (s.word_after(p, 6, &["wake"]).is_some() && s.after(p, 6, NEG).is_some());
    let chore = s
        .word_before(
            p,
            4,
            &[
                "forgot",
                "forget",
                "remember",
                "remembered",
                "need",
                "have",
                "supposed",
                "should",
                "must",
                "refill",
                "pick",
                "picked",
                "collect",
                "collected",
            ],
        )
        .is_some()
        && !to_die
        || s.word_after(
            p,
            3,
            &[
                "on", "with", "as", "at", "in", "every", "each", "before", "after",
            ],
        )
        .is_some_and(|j| s.word_in(j + 1, ROUTINE) || s.word_in(j + 2, ROUTINE));
    !chore
        && ((much.is_some() && consume.is_some())
            || to_die && much.is_some()
            || to_die && consume.is_some())
}

/// Preparation: stockpiling medication, goodbye letters, giving things away
/// for after, looking up how.
fn preparation(s: &View) -> Option<Severity> {
    // Every pattern below needs one of these; most sentences have none.
    let needed = PILLS
        | STOCK
        | NOTE
        | BUY
        | RESEARCH
        | ROPE
        | WEAPON
        | GAS
        | BLADE
        | PLACE
        | DIE
        | TIME
        | INTENT
        | HANG
        | OD
        | JUMP;
    if !s.any(needed)
        && !s.has_word(&[
            "giving",
            "gave",
            "give",
            "given",
            "goodbye",
            "goodbyes",
            "farewell",
            "farewells",
            "gone",
            "giveaway",
            "rehome",
            "rehomed",
            "rehoming",
            "weight",
            "how",
            "where",
            "which",
        ])
    {
        return None;
    }
    // stockpiling pills
    for i in s.all_of(STOCK) {
        let pills = s.after(i, 5, PILLS).or_else(|| s.before(i, 3, PILLS));
        if pills.is_some() && !s.word_in(i + 1, &["on", "money", "for"]) && s.mine(i) && s.any(FP) {
            return Some(Severity::Now);
        }
    }
    // goodbye letters
    for i in s.all_of(NOTE) {
        let farewell = s
            .word_before(i, 3, &["goodbye", "suicide", "farewell", "final", "last"])
            .or_else(|| {
                s.word_after(
                    i,
                    10,
                    &[
                        "goodbye",
                        "find",
                        "gone",
                        "explain",
                        "explaining",
                        "farewell",
                        "after",
                        "dead",
                        "die",
                    ],
                )
            })
            .is_some_and(|j| s.w(j) != "after" || s.is(j + 1, FP));
        let therapy = s.has_word(&[
            "younger",
            "future",
            "inner",
            "child",
            "anxiety",
            "addiction",
            "habit",
            "habits",
            "ego",
            "depression",
            "drinking",
            "smoking",
            "job",
        ]) || s.any(JOURNEY);
        if farewell && !therapy && s.mine(i) && !s.titled(&[i]) {
            return Some(Severity::Now);
        }
    }
    // giving things away for after
    for i in (0..s.len())
        .filter(|&i| s.w(i) == "giveaway" || s.word_in(i, &["rehome", "rehoming", "rehomed"]))
    {
        let after = s
            .word_after(
                i,
                14,
                &["gone", "dead", "die", "around", "after", "need", "here"],
            )
            .is_some_and(|j| match s.w(j) {
                "need" | "around" | "here" => s.before(j, 3, NEG).is_some(),
                "after" => s.is(j + 1, FP),
                _ => true,
            });
        if after && s.mine(i) {
            return Some(Severity::Now);
        }
    }
    // "how many pills it would take", "how much insulin"
    for i in (0..s.len()).filter(|&i| s.w(i) == "how" && s.word_in(i + 1, &["many", "much"])) {
        if s.after(i, 5, PILLS).is_some() && s.mine(i) && !s.any(REPORT) {
            return Some(Severity::Now);
        }
    }
    // "I know where I would jump from", "I've worked out how I'd do it"
    for i in s.positions(&["where", "how", "when"]) {
        let settled = s
            .word_before(
                i,
                3,
                &[
                    "know", "figured", "worked", "decided", "chosen", "picked", "found", "planned",
                ],
            )
            .is_some();
        let act = s
            .after(i, 6, JUMP | KILL | OD | HANG | DROWN | SHOOT)
            .is_some()
            || s.word_after(i, 5, &["do"])
                .is_some_and(|d| s.w(d + 1) == "it");
        if settled && act && s.mine(i) {
            return Some(Severity::Now);
        }
    }
    // "I've decided on the pills", "I picked the bridge": means chosen,
    // named right after the choosing
    for i in (0..s.len()).filter(|&i| {
        s.word_in(
            i,
            &[
                "decided", "picked", "chosen", "chose", "settled", "choose", "pick",
            ],
        )
    }) {
        let object = (i + 1..(i + 4).min(s.len()))
            .take_while(|&k| {
                s.word_in(k, &["on", "the", "a", "my", "which", "what"])
                    || s.is(k, PILLS | ROPE | WEAPON | PLACE | GAS | BLADE)
            })
            .find(|&k| {
                s.is(k, PILLS | ROPE | WEAPON | GAS | BLADE)
                    || s.word_in(
                        k,
                        &[
                            "bridge", "cliff", "cliffs", "roof", "ledge", "tracks", "building",
                            "carpark", "pier", "quarry",
                        ],
                    )
            });
        if object.is_some() && s.w(i + 1) != "up" && s.mine(i) && !s.any(REPORT) {
            return Some(Severity::Now);
        }
    }
    // "I've got the pills and I've chosen Saturday": a day chosen, with the
    // means in the same sentence
    for i in s.positions(&["chosen", "picked", "chose", "set", "decided"]) {
        let day = s.after(i, 3, TIME).is_some()
            || s.word_after(i, 3, &["day", "night", "week"]).is_some();
        if day
            && s.any(PILLS | ROPE | WEAPON | OD | HANG | JUMP | GAS)
            && s.mine(i)
            && !s.any(REPORT)
        {
            return Some(Severity::Now);
        }
    }
    // "I know which bridge", "I've worked out I'd use the pills in the
    // cabinet": a settled choice of means
    for i in (0..s.len()).filter(|&i| {
        s.word_in(
            i,
            &[
                "which", "know", "worked", "figured", "chosen", "picked", "chose", "decided",
                "settled",
            ],
        )
    }) {
        let settled = s.w(i) != "which"
            || s.word_before(
                i,
                3,
                &["know", "worked", "figured", "chosen", "picked", "decided"],
            )
            .is_some();
        let means = s
            .after(i, 8, PILLS | ROPE | WEAPON | PLACE | GAS | BLADE)
            .filter(|&m| {
                !s.is(m, PLACE) || s.word_in(i + 1, &["which", "where"]) || s.w(i) == "which"
            });
        let not_chore = !s.has_word(&[
            "refill",
            "prescription",
            "pharmacy",
            "doctor",
            "gp",
            "dose",
            "dosage",
            "side",
        ]);
        if settled
            && means.is_some()
            && (s.w(i) == "which"
                || s.w(i + 1) == "which"
                || s.word_after(i, 6, &["use", "do", "take", "jump", "would"])
                    .is_some())
            && not_chore
            && s.mine(i)
        {
            return Some(Severity::Now);
        }
    }
    // pills bought in quantity: "a second bottle so I'd have enough"
    for i in s.all_of(BUY) {
        if s.after(i, 6, PILLS).is_some()
            && s.word_after(
                i,
                10,
                &["enough", "extra", "second", "another", "spare", "more"],
            )
            .is_some()
            && s.word_after(i, 10, &["enough"]).is_some()
            && s.mine(i)
        {
            return Some(Severity::Now);
        }
    }
    // getting things ready for after: "gave my cat to my sister because I
    // won't be around", "sorted my will so it's easy for them after I die",
    // "tested whether the beam would hold my weight"
    for i in (0..s.len()).filter(|&i| {
        s.word_in(
            i,
            &[
                "gave",
                "give",
                "giving",
                "sold",
                "selling",
                "sorted",
                "sorting",
                "cleaned",
                "cleaning",
                "arranged",
                "arranging",
                "organised",
                "organized",
                "left",
                "leaving",
                "rehomed",
                "rehoming",
                "wrote",
                "written",
            ],
        )
    }) {
        let after_me = s
            .word_after(i, 16, &["gone", "die", "dead"])
            .is_some_and(|j| {
                s.before(j, 3, FP).is_some()
                    && s.word_before(j, 3, &["after", "when", "once", "before"])
                        .is_some()
            })
            || s.word_after(i, 16, &["around", "here"])
                .is_some_and(|j| s.before(j, 3, NEG).is_some() && s.before(j, 4, FP).is_some());
        if after_me && s.mine(i) {
            return Some(Severity::Now);
        }
    }
    if s.has_word(&["weight"])
        && s.word_before_any(&["hold", "holds", "take", "support"], "weight")
        && s.has_word(&[
            "beam",
            "hook",
            "branch",
            "rail",
            "rope",
            "door",
            "bannister",
            "banister",
            "rafter",
        ])
        && s.any(FP)
    {
        return Some(Severity::Now);
    }
    // A list of means: "the pills, the note, the day"; "the rope and the date"
    let means = [
        PILLS | OD,
        ROPE | HANG,
        WEAPON,
        NOTE,
        PLACE | JUMP,
        TIME,
        BLADE,
    ]
    .iter()
    .filter(|&&m| s.any(m))
    .count()
        + usize::from(s.has_word(&["method", "methods", "way"]));
    if means >= 2 && s.any(INTENT) && !s.any(THIRD | KIN | REPORT) {
        return Some(Severity::Now);
    }
    // goodbyes written or recorded
    for i in s.positions(&["goodbye", "goodbyes", "farewell", "farewells"]) {
        let made = s
            .word_before(
                i,
                4,
                &[
                    "wrote",
                    "write",
                    "writing",
                    "written",
                    "recorded",
                    "recording",
                    "drafted",
                    "drafting",
                    "typed",
                    "left",
                    "leaving",
                ],
            )
            .is_some();
        let to_all = s
            .word_after(i, 3, &["everyone", "everybody", "world", "forever"])
            .is_some()
            && s.word_before(i, 3, &["say", "said", "saying"]).is_some();
        if (made || to_all) && s.mine(i) && !s.journey(i) {
            return Some(Severity::Now);
        }
    }
    // "I've been quietly giving my things away"
    for i in s.positions(&["giving", "gave", "give", "given"]) {
        let things = s.word_after(
            i,
            3,
            &["things", "stuff", "belongings", "possessions", "everything"],
        );
        if things.is_some_and(|t| s.word_after(t, 2, &["away"]).is_some()) && s.mine(i) {
            return Some(Severity::Now);
        }
    }
    // "after I'm gone", "once I'm dead", "when I die": the writer's own death
    // as something to arrange for
    for i in s.positions(&["gone", "dead", "die", "died"]) {
        let own = s
            .word_before(i, 3, &["after", "when", "once", "before"])
            .is_some_and(|a| s.word_in(a + 1, &["i", "im"]));
        let away = s.word_in(
            i + 1,
            &["for", "to", "on", "from", "away", "out", "shopping"],
        );
        if own && !away && s.mine(i) && !s.journey(i) && !s.any(MEDIA) {
            let arranging = s.has_word(&[
                "sorted",
                "sorting",
                "put",
                "sure",
                "arranged",
                "arranging",
                "organised",
                "organized",
                "left",
                "leave",
                "gave",
                "given",
                "giving",
                "rehome",
                "rehomed",
                "wrote",
                "written",
                "will",
                "folder",
                "passwords",
                "accounts",
                "easy",
                "ready",
                "home",
                "letter",
                "letters",
                "note",
            ]);
            return Some(if arranging {
                Severity::Now
            } else {
                Severity::Gentle
            });
        }
    }
    // looking up how
    for i in s.all_of(RESEARCH) {
        // Reading about a murder is not looking up how: "read" counts only
        // with a how, a way or a dose after it.
        if s.word_in(
            i,
            &[
                "read", "reading", "counted", "counting", "measured", "checked",
            ],
        ) && s
            .word_after(
                i,
                4,
                &[
                    "how", "ways", "way", "methods", "lethal", "fatal", "overdose", "dose", "which",
                ],
            )
            .is_none()
        {
            continue;
        }
        if s.after(i, 10, THIRD | KIN).is_some() || s.word_after(i, 10, &["who"]).is_some() {
            continue;
        }
        // "Reading The Virgin Suicides" is a book, not a search.
        let lethal = s
            .after(i, 10, OD | HANG | ROPE | SUIC | DIE | KILL | POISON | GAS)
            .is_some_and(|j| !s.titled(&[j]))
            || s.word_after(
                i,
                10,
                &["lethal", "fatal", "painless", "height", "high", "fall"],
            )
            .is_some()
            || s.after(i, 8, PILLS).is_some()
                && s.word_after(i, 8, &["many", "much", "enough", "take"])
                    .is_some();
        if lethal
            && s.mine(i)
            && !s.any(REPORT)
            && s.word_after(i, 10, &["symptoms", "signs"]).is_none()
        {
            return Some(Severity::Now);
        }
    }
    // bought a rope / a gun / razor blades, said with dying in the same sentence
    for i in s.all_of(BUY) {
        if s.after(i, 4, ROPE | WEAPON | BLADE | GAS).is_some()
            && s.any(DIE | KILL | SUIC)
            && s.mine(i)
        {
            return Some(Severity::Now);
        }
    }
    None
}

/// Past attempts: "my attempt", "I attempted twice", "after the attempt",
/// "had my stomach pumped".
fn attempt(s: &View) -> Option<Severity> {
    let mut hit = s.has_word(&["stomachpumped"]);
    for i in (0..s.len()).filter(|&i| matches!(s.w(i), "attempt" | "attempts" | "attempted")) {
        let next = s.w(i + 1);
        let lone = matches!(
            next,
            "" | ","
                | "again"
                | "twice"
                | "once"
                | "last"
                | "in"
                | "when"
                | "before"
                | "after"
                | "years"
                | "months"
                | "as"
                | "and"
                | "but"
                | "was"
                | "left"
                | "still"
                | "a"
                | "anniversary"
                | "because"
                | "so"
                | "back"
                | "is"
                | "at"
        ) && (next != "at" || s.w(i + 2).chars().all(|c| c.is_ascii_digit()))
            && !(next == "a" && s.w(i) != "attempted");
        let lone = lone
            || !s.word_in(
                i + 1,
                &["at", "to", "of", "on", "for", "with", "by", "is", "was"],
            ) && s.w(i.wrapping_sub(1)) == "my";
        let owned = s
            .word_before(
                i,
                3,
                &[
                    "my", "i", "the", "first", "second", "last", "previous", "since",
                ],
            )
            .is_some();
        let lethal = s.after(i, 4, SUIC | OD | HANG | DIE).is_some()
            || s.w(i + 1) == "on" && s.w(i + 2) == "my" && s.w(i + 3) == "life"
            || s.w(i + 1) == "to"
                && s.after(i, 3, KILL).is_some()
                && s.after(i, 5, REFL | LIFE).is_some();
        if (lone && owned || lethal) && s.mine(i) && !s.any(REPORT | MEDIA) {
            hit = true;
        }
    }
    // "woke up in hospital after taking…"
    if s.any(WAKE)
        && s.has_word(&["hospital", "icu", "er", "a&e", "ambulance"])
        && (s.any(PILLS | OD) || s.has_word(&["took", "swallowed"]))
    {
        hit = true;
    }
    if !hit {
        return None;
    }
    gentle_or_now(s.recent())
}

/// Self-injury: a cutting or burning verb with the writer's body or
/// "myself" as object, or with no object at all ("I cut again"), or with
/// "on purpose"; not an accident with its cause, not "cut myself some slack".
/// Means of self-injury or self-destruction that a "by" or "with" after
/// "hurting myself" may name without any other tag: what keeps "hurting
/// myself by starving" or "with alcohol" a disclosure.
const SELF_HARM_MEANS: &[&str] = &[
    "starving",
    "starve",
    "eating",
    "food",
    "purging",
    "drinking",
    "drink",
    "alcohol",
    "drugs",
    "lighter",
    "hitting",
    "punching",
    "scratching",
    "burning",
    "banging",
    "biting",
    "pulling",
    "not",
    "pain",
    "bleed",
    "hot",
];

/// Things a relative clause may name before "cut" or "burn" ("a knot I
/// keep trying to cut", "the cord I need to cut"): never part of the body.
const RELATIVE_OBJECTS: &[&str] = &[
    "knot", "cord", "cords", "tie", "ties", "rope", "thread", "string", "bridge", "bridges",
    "chain", "chains", "anchor", "link",
];

/// After "hurting myself" at `b`: "by" and a doing ("by overworking", "by
/// saying yes to everything"), or "with" and a burden of mind or work
/// ("with overwork", "with the same thoughts"). "With a belt", "with the
/// scissors" name a thing in the hand, and stay.
fn everyday_means(s: &View, b: usize) -> bool {
    const BURDENS: &[&str] = &[
        "overwork",
        "overworking",
        "work",
        "thoughts",
        "thinking",
        "worry",
        "worrying",
        "words",
        "criticism",
        "comparison",
        "comparing",
        "expectations",
        "pressure",
        "perfectionism",
        "stories",
        "story",
        "habits",
        "patterns",
        "busyness",
        "scrolling",
        "shame",
        "guilt",
        "judgement",
        "judgment",
        "people",
        "relationships",
        "silence",
        "overthinking",
    ];
    match s.w(b) {
        "by" => s.w(b + 1).ends_with("ing") || s.word_in(b + 1, &["not", "never", "always"]),
        "with" | "through" => (b + 1..(b + 5).min(s.len())).any(|k| s.word_in(k, BURDENS)),
        _ => false,
    }
}

fn self_injury(s: &View) -> Option<Severity> {
    const NOT_OBJECT: &[&str] = &[
        "",
        ",",
        "again",
        "tonight",
        "today",
        "yesterday",
        "last",
        "deeper",
        "deep",
        "more",
        "badly",
        "and",
        "until",
        "till",
        "when",
        "because",
        "after",
        "to",
        "at",
        "for",
        "so",
        "but",
        "onpurpose",
        "myself",
        "since",
        "anymore",
        "twice",
        "once",
        "or",
        "while",
        "every",
        "is",
        "was",
        "has",
        "came",
        "comes",
        "keeps",
        "won",
        "returned",
        "hit",
        "got",
        "gets",
        "feels",
        "felt",
        "on",
        "in",
    ];
    const IDIOM_AFTER_SELF: &[&str] = &[
        "some", "a", "an", "off", "short", "loose", "free", "out", "slack",
    ];
    let intent = |i: usize| {
        s.any(ONPURPOSE)
            || s.before(i, 5, DESIRE).is_some()
            || s.after(i, 12, DESIRE)
                .is_some_and(|d| s.is(d.saturating_sub(1), FP))
            || s.any(BLEED) && s.has_word(&["until", "till"])
            || s.has_word(&[
                "urge", "urges", "feel", "punish", "cope", "coping", "numb", "release",
            ])
    };
    let mut found = None;
    for i in s.all_of(CUT) {
        let w = s.w(i);
        if s.titled(&[i]) || !s.mine(i) {
            continue;
        }
        let passive = !w.ends_with("ing")
            && s.word_in(
                i.wrapping_sub(1),
                &["was", "were", "been", "be", "is", "get", "got", "being"],
            );
        if passive
            || s.word_in(
                i.wrapping_sub(1),
                &[
                    "a", "the", "paper", "hair", "budget", "pay", "price", "this", "that", "final",
                    "short", "clean", "quick", "tax", "rate", "power", "job", "costs", "director",
                ],
            )
        {
            continue;
        }
        let strong = s.is(i, STRONGCUT);
        let accident = (0..s.len()).any(|k| k != i && s.is(k, ACCIDENT)) && !intent(i);
        // cut myself / burned myself / hurt myself
        if let Some(r) = s.after(i, 2, REFL) {
            if s.word_in(r + 1, IDIOM_AFTER_SELF) && !s.any(BODY) {
                continue;
            }
            // "I want to stop hurting myself by overworking", "hurting
            // myself with the same thoughts at 3am": the hurt named by an
            // everyday means after "by" or "with", and no means of injury
            // anywhere ("hurting myself by cutting", "with a razor" stay).
            if matches!(
                w,
                "hurt" | "hurting" | "hurts" | "punish" | "punishing" | "harm" | "harming"
            ) && everyday_means(s, r + 1)
                && !s.any(BLEED | VULN | BLADE | PILLS | ROPE | OD)
                && (0..s.len()).all(|k| k == i || !s.is(k, CUT))
                && (0..s.len()).all(|k| !s.is(k, BODY) || s.w(k) == "body")
                && !s.has_word(SELF_HARM_MEANS)
            {
                continue;
            }
            if matches!(w, "punish" | "punishing")
                && !s.has_word(&[
                    "cutting", "cut", "burning", "hitting", "pain", "bleed", "starving", "hurting",
                ])
            {
                continue;
            }
            // "burned myself on the radiator", "cut myself on a tin": the
            // thing that did it, named, is an accident
            let on_thing =
                s.w(r + 1) == "on" && s.word_in(r + 2, &["the", "a", "an", "some", "that", "this"]);
            if accident || on_thing && !intent(i) {
                continue;
            }
            found = Some(Severity::Gentle);
            continue;
        }
        // cut my wrists / burned my arm / scratched my thighs until they bled
        if let Some(b) = s.after(i, 6, BODY) {
            if !(i + 1..b).any(|k| s.w(k) == "my") {
                continue;
            }
            let marked = intent(i)
                || s.any(BLEED)
                || s.is(b, VULN)
                || s.has_word(&["until", "till", "again"]);
            let deep = matches!(
                w,
                "carve"
                    | "carved"
                    | "carving"
                    | "slash"
                    | "slashed"
                    | "slit"
                    | "gouge"
                    | "stab"
                    | "stabbed"
            );
            if s.is(b, HANDY) && !deep && !(intent(i) || !strong && s.has_word(&["until", "till"]))
            {
                continue;
            }
            if accident || (!strong && !marked) {
                continue;
            }
            found = Some(Severity::Gentle);
            continue;
        }
        // "a knot I keep trying to cut": the object named before, in a
        // clause of its own ("a/the <thing> I ... cut"), and not the body.
        let object_before = (1..i).rev().take(6).any(|k| {
            s.w(k) == "i"
                && s.word_in(k - 1, RELATIVE_OBJECTS)
                && s.word_in(k.wrapping_sub(2), &["a", "the", "this", "that"])
        });
        if object_before {
            continue;
        }
        // I cut again / the urge to cut / I started cutting at 14
        if strong
            && s.word_in(i + 1, NOT_OBJECT)
            && !matches!(w, "harm" | "harmed" | "harming" | "burning")
        {
            let subject_ok = s.subject(i) == Who::Me
                || s.has_word(&[
                    "helps", "help", "cope", "coping", "relief", "release", "numb",
                ])
                || s.before(i, 4, DESIRE | THINK | ATTEMPT).is_some()
                || s.word_before(
                    i,
                    3,
                    &[
                        "urge", "stopped", "started", "relapsed", "quit", "clean", "from",
                    ],
                )
                .is_some()
                || i == 0;
            let food = s.has_word(&[
                "hair",
                "grass",
                "lawn",
                "cake",
                "bread",
                "sugar",
                "carbs",
                "dairy",
                "caffeine",
                "alcohol",
                "coffee",
                "deal",
                "class",
                "meeting",
                "call",
                "losses",
                "corners",
                "ties",
                "budget",
                "hours",
                "fabric",
                "paper",
                "wood",
                "pattern",
                "film",
                "scene",
                "edit",
                "line",
                "queue",
                "calories",
                "fuel",
                "candle",
                "bridges",
                "incense",
                "sage",
                "fire",
                "wood",
                "fireplace",
                "oil",
                "daylight",
                "money",
                "cash",
                "savings",
            ]);
            if subject_ok && !food && !accident {
                found = Some(Severity::Gentle);
            }
        }
    }
    found
}

/// "I made myself bleed", "making myself hurt": the writer causing their
/// own pain, whatever the verb.
fn made_myself(s: &View) -> Option<Severity> {
    for i in (0..s.len())
        .filter(|&i| s.word_in(i, &["made", "make", "making", "makes"]) && s.is(i + 1, REFL))
    {
        if s.word_in(
            i + 2,
            &[
                "bleed", "bled", "bleeding", "hurt", "suffer", "pay", "burn", "bruise",
            ],
        ) && (s.w(i + 2) != "pay" || s.any(CUT | BLEED))
        {
            return Some(Severity::Gentle);
        }
    }
    None
}

/// The verdict on a sentence with what the one before named filled in:
/// only the rules where a means or a place is what matters.
fn carried_judge(s: &View) -> Option<Severity> {
    let found = [method, seventh, attempt, self_injury, kill_self, finality]
        .iter()
        .filter_map(|r| r(s))
        .max()?;
    Some(if s.intent() { Severity::Now } else { found })
}

/// Words a sentence needs for [`carry`] to look back at the one before.
fn refers_back(s: &View) -> bool {
    s.has_word(&["it", "them", "they", "those", "theyre"]) || s.any(JUMP | DROWN)
}

/// The sentence with what the one before named filled in: "it" or "them"
/// for a means named there, or the place for a jump or a drowning that
/// names none. None when there is nothing to carry.
fn carry(prev: &View, s: &View) -> Option<Sentence> {
    const MEANS: Tags = WEAPON | BLADE | ROPE | PILLS | GAS | OD;
    if prev.any(ACCIDENT | MEDIA | REPORT) || s.any(ACCIDENT | MEDIA | REPORT) {
        return None;
    }
    // "the knife for the roast": a means with a stated use carries nothing.
    let means = (0..prev.len())
        .rev()
        .find(|&i| prev.is(i, MEANS) || prev.word_in(i, HOLDS))
        .filter(|&i| prev.word_after(i, 2, &["for", "to"]).is_none());
    let place = (0..prev.len()).rev().find(|&i| prev.is(i, PLACE | WATER));
    let mut out: Option<Sentence> = None;
    if let Some(m) = means.filter(|_| !s.any(MEANS)) {
        for (i, t) in s.toks.iter().enumerate() {
            if matches!(t.word.as_ref(), "it" | "them" | "they" | "those" | "theyre")
                // "it" as a dummy subject: "it was", "it feels"
                && !s.word_in(i + 1, &["is", "was", "feels", "felt", "seems", "seemed", "sounds"])
            {
                let toks = out.get_or_insert_with(|| s.toks.clone());
                toks[i].word.clone_from(&prev.toks[m].word);
                toks[i].tags = prev.toks[m].tags;
            }
        }
    }
    if let Some(p) = place.filter(|_| s.any(JUMP | DROWN) && !s.any(PLACE | WATER)) {
        let toks = out.get_or_insert_with(|| s.toks.clone());
        toks.push(prev.toks[p].clone());
    }
    out
}

/// Things a belt or a cord may hang from, and things that hang: means
/// without the word "rope".
const HOLDS: &[&str] = &[
    "belt", "beam", "cord", "cable", "banister", "rafter", "rafters",
];

/// [`seventh_gate`]'s bit for common words some classes need.
const COMMON_CUE: u32 = 1 << 20;

/// Whether [`seventh`] could find something in a sentence no other rule
/// is anchored in: "if", "when", "going" and the common words alone are not
/// enough to read it for.
fn seventh_anchor(s: &View) -> bool {
    let g = seventh_gate(s) & !(COMMON_CUE | 4 | 32);
    g != 0 || (1..s.len()).any(|i| s.w(i - 1) == "the" && s.word_in(i, &["when", "how", "where"]))
}

/// One pass to see which of [`seventh`]'s classes could apply at all: a
/// bit for each class that has a word to start from.
fn seventh_gate(s: &View) -> u32 {
    let mut g = 0u32;
    for t in s.toks {
        g |= match t.word.as_ref() {
            "staring" | "stare" | "stared" | "counting" | "counted" | "calling" | "calls"
            | "held" | "holding" | "hold" | "looking" | "look" | "looked" | "mind" => 1,
            "heart" | "take" | "takes" | "stop" | "stops" | "sliding" | "slide" | "skid"
            | "skidding" | "flip" | "die" => 2,
            "if" => 4,
            "exist" | "existing" | "been" | "dead" | "bothering" | "bother" | "bothered" => 8,
            "finish" | "finishing" | "end" | "ending" | "taking" => 16,
            "when" | "how" | "where" | "decided" | "going" => 32,
            // Common words some classes need, too common to read a sentence for.
            "had" | "did" | "took" | "taken" | "there" | "again" | "until" | "till" | "open"
            | "lie" | "lying" => COMMON_CUE,
            "nobody" | "found" => 64,
            "around" | "sticking" | "needing" | "picking" => 128,
            "swallowed" | "tried" | "pills" | "attempts" => 256,
            "pain" | "helped" | "helps" | "hurt" | "deserved" | "marks" | "cuts" | "scars"
            | "burns" | "lines" | "scratches" | "pressed" | "press" | "pressing" | "anyway"
            | "lied" => 512,
            "out" | "off" | "exit" | "gone" | "mean" | "ghost" | "existence" | "weight" | "gun"
            | "grave" => 1024,
            _ => 0,
        };
    }
    g
}

/// Classes an independent writer's sets (round seven) taught, each as a
/// shape of language rather than a phrase: a means the writer keeps
/// returning to; an outside agent or the body itself ending things; an
/// unnamed end with a time; concealment and absence to come; past attempts
/// told by their outcome; self-injury told by its purpose or its marks.
/// Acts of comfort an "it helped" may refer back to.
const SOOTHING: &[&str] = &[
    "squeezed",
    "squeeze",
    "hugged",
    "hug",
    "hugging",
    "breathed",
    "breathe",
    "breathing",
    "cried",
    "walked",
    "talked",
    "called",
    "rang",
    "texted",
    "sang",
    "stretched",
    "wrote",
    "prayed",
];

fn seventh(s: &View) -> Option<Severity> {
    let n = s.len();
    let w = |i: usize| s.w(i);
    let has = |words: &[&str]| s.has_word(words);
    let other = |i: usize| s.subject(i) == Who::Other;
    if s.any(MEDIA | REPORT) {
        return None;
    }
    let g = seventh_gate(s);
    if g == 0 && !s.any(WEAPON | BLADE | ROPE | GAS | PILLS | DROWN | VULN) {
        return None;
    }
    let accident = s.any(ACCIDENT);
    // A means the writer keeps going back to: "staring at the pill bottles
    // again", "the knife block keeps calling me", "held it tonight", "think
    // about whether it would hold me", "keep looking at the rope".
    let means = (0..n).find(|&i| {
        s.is(i, WEAPON | BLADE | ROPE | GAS) && !tiredness(w(i))
            || s.word_in(i, HOLDS)
            || s.is(i, PILLS)
    });
    if let Some(m) = means.filter(|_| (g & 1 != 0 || s.any(THINK)) && !accident && !s.any(BUY)) {
        let pills = s.is(m, PILLS);
        let cue = (0..n).any(|i| match w(i) {
            "staring" | "stare" | "stared" => true,
            // "counting them in my head", not "the pharmacist counted out my pills"
            "counting" | "counted" => {
                (i == 0 || s.word_in(i - 1, &["i", "been", "keep", "kept", "again"]))
                    && s.w(i + 1) != "out"
            }
            "calling" | "calls" => s.w(i + 1) == "me" || s.w(i + 1) == "to",
            // not "holding it together": the idiom for coping
            "held" | "holding" | "hold" => {
                !pills
                    && (s.w(i + 1) != "it" || s.w(i + 2) != "together")
                    && (s.w(i + 1) == "me"
                        || s.word_in(i + 1, &["it", "my"])
                        || s.is(i + 1, WEAPON | BLADE))
            }
            "looking" | "look" | "looked" => {
                s.w(i + 1) == "at"
                    && (s
                        .word_before(i, 3, &["keep", "keeps", "kept", "i"])
                        .is_some()
                        || s.word_after(i, 6, &["again", "long", "every", "time"])
                            .is_some())
            }
            "thinking" | "think" | "thought" => {
                !pills
                    && s.word_before(i, 2, &["keep", "keeps", "kept", "cant", "still", "always"])
                        .is_some()
            }
            "mind" => s.w(i + 1) == "goes",
            _ => false,
        });
        if cue && !s.word_in(m + 1, &["for", "set", "sharpener"]) && !s.titled(&[m]) {
            return Some(Severity::Gentle);
        }
    }
    // The body or the world ending it: "hoping my heart just gives out",
    // "half hope the bus doesn't stop", "wanted it to keep sliding into the
    // barrier", "ask Him to take me in my sleep", "get sick and die".
    let wish = (g & 2 != 0)
        .then(|| {
            (0..n).find(|&d| {
                (s.is(d, DESIRE)
                    || s.word_in(d, &["ask", "asked", "asking", "beg", "begged", "praying"]))
                    && s.before(d, 2, NEG).is_none()
                    && !other(d)
            })
        })
        .flatten();
    if let Some(d) = wish {
        let end = (d + 1..(d + 14).min(n)).any(|j| match w(j) {
            "heart" => s
                .word_after(
                    j,
                    4,
                    &[
                        "gives", "give", "gave", "packing", "pack", "stops", "stop", "fail",
                        "fails", "failing",
                    ],
                )
                .is_some(),
            "take" | "takes" => {
                w(j + 1) == "me" && s.word_in(j + 2, &["in", "", "away", "soon", "now", "tonight"])
            }
            "stop" | "stops" => {
                s.word_in(j.wrapping_sub(1), &["doesnt", "didnt", "wont", "wouldnt"])
                    && s.any(VEHICLE)
            }
            "sliding" | "slide" | "skid" | "skidding" | "flip" => {
                s.any(VEHICLE) || has(&["barrier", "road"])
            }
            "die" => {
                w(j - 1) == "and"
                    && (d + 1..j).any(|k| {
                        s.word_in(k, &["sick", "ill", "disease", "cancer", "something", "hit"])
                    })
            }
            _ => false,
        });
        if end {
            return Some(Severity::Gentle);
        }
    }
    // "If I got hit by a car tomorrow the main feeling would be relief"
    if g & 4 != 0
        && (0..n).any(|i| {
            s.word_in(i, &["hit", "killed", "run"])
                && s.before(i, 4, FP).is_some()
                && s.word_before(i, 5, &["if"]).is_some()
        })
        && has(&[
            "relief", "relieved", "glad", "fine", "okay", "grateful", "mind",
        ])
    {
        return Some(Severity::Gentle);
    }
    // "to not exist anymore", "not to exist", "stop existing"; "why couldn't
    // that have been me"; "how much easier it would be to be dead".
    if g & 8 != 0
        && (0..n).any(|i| {
            (w(i) == "exist"
                && (w(i.wrapping_sub(1)) == "not" && w(i.wrapping_sub(2)) == "to"
                    || w(i.wrapping_sub(1)) == "to" && w(i.wrapping_sub(2)) == "not"))
                || (w(i) == "existing"
                    && s.word_in(i.wrapping_sub(1), &["stop", "stopped", "quit"])
                    && w(i + 1) != "as"
                    && !s.journey(i))
                || (w(i) == "me"
                    && w(i.wrapping_sub(1)) == "been"
                    && s.word_before(i, 4, &["couldnt", "should", "wish", "why"])
                        .is_some()
                    && (s.any(DIE) || has(&["crash", "instead"])))
                || (w(i) == "dead"
                    && w(i.wrapping_sub(1)) == "be"
                    && s.before(i, 8, BETTER).is_some())
                || (s.word_in(i, &["bothering", "bother", "bothered"])
                    && s.word_after(i, 3, &["alive", "living", "goon", "live"])
                        .is_some()
                    && has(&["why"]))
        })
    {
        return Some(Severity::Gentle);
    }
    // An end of one's own, named by its verb: "I will finish my life",
    // "thinking about ending mine", "I'd like to finish it myself", "I'm
    // ending it", "end it on the night of the 9th".
    for i in (0..n).filter(|_| g & 16 != 0 || g & 2 != 0) {
        let verb = s.word_in(
            i,
            &["finish", "finishing", "end", "ending", "take", "taking"],
        );
        if !verb {
            continue;
        }
        let mine = w(i + 1) == "mine" && s.any(LIFE)
            || s.word_in(i, &["finish", "finishing"])
                && (w(i + 1) == "my" && s.is(i + 2, LIFE)
                    || w(i + 1) == "it" && w(i + 2) == "myself");
        let ending_it = s.word_in(i, &["end", "ending"])
            && w(i + 1) == "it"
            && s.word_before(i, 3, &["i", "am", "will"]).is_some()
            && (clause_end(s, i + 2)
                || s.is(i + 2, TIME)
                || s.word_in(
                    i + 2,
                    &[
                        "this", "next", "after", "before", "on", "when", "once", "if",
                    ],
                ))
            && !has(&[
                "relationship",
                "him",
                "her",
                "them",
                "things",
                "contract",
                "lease",
                "friendship",
                "marriage",
                "call",
                "meeting",
                "game",
                "chapter",
                "book",
                "subscription",
                "project",
                "job",
                "session",
            ]);
        if (mine || ending_it) && !other(i) && !s.journey(i) {
            return gentle_or_now(s.intent() || s.any(TIME) || has(&["decided", "night"]));
        }
    }
    // Decided and known, with the act left unnamed: "I've decided to die",
    // "already decided how", "the when, the how, the where", "I know the day
    // and the place I'm going to die".
    let wh = (0..n * usize::from(g & 32 != 0))
        .filter(|&i| s.word_in(i, &["when", "how", "where"]) && w(i.wrapping_sub(1)) == "the")
        .count();
    if wh >= 2
        || g & 32 != 0
            && (0..n).any(|i| {
                w(i) == "decided"
                    && (w(i + 1) == "to" && s.is(i + 2, DIE)
                        || s.word_in(i + 1, &["how", "when", "where"]) && clause_end(s, i + 2))
                    || s.is(i, DIE)
                        && w(i.wrapping_sub(1)) == "to"
                        && w(i.wrapping_sub(2)) == "going"
                        && has(&["day", "place", "date", "know"])
                        && s.before(i, 4, FP).is_some()
            })
    {
        return Some(Severity::Now);
    }
    // Concealment: "so no one will look for me till dark", "nobody will
    // check on me for hours", "so nobody suspects anything", "won't be found".
    if g & 64 != 0
        && (0..n).any(|i| {
            w(i) == "nobody"
                && s.word_after(
                    i,
                    3,
                    &[
                        "suspects", "suspect", "check", "look", "looks", "find", "finds", "notices",
                    ],
                )
                .is_some_and(|j| {
                    s.word_in(j, &["suspects", "suspect"]) && has(&["so", "anything"])
                        || s.word_in(j + 1, &["on", "for"]) && w(j + 2) == "me"
                        || s.word_in(j, &["find", "finds"]) && w(j + 1) == "me"
                })
                || w(i) == "found"
                    && w(i.wrapping_sub(1)) == "be"
                    && s.word_before(i, 3, &["wont", "not", "never"]).is_some()
                    && w(i + 1) != "out"
                    && s.before(i, 5, FP).is_some()
        })
        && !has(&["surprise", "party", "present", "gift", "presents", "secret"])
    {
        return Some(Severity::Now);
    }
    // Absence to come: "something I won't be around to benefit from", "I
    // won't be sticking around", "I'll make sure I'm not around", "I won't be
    // there to say it to her in person", "I won't be picking her up".
    if g & 128 != 0
        && (0..n).any(|i| {
            let future_not =
                s.word_before(i, 4, &["wont", "not"]).is_some() && s.before(i, 6, FP).is_some();
            future_not
                && (s.word_in(i, &["around", "there"])
                    && w(i + 1) == "to"
                    && s.word_in(i.wrapping_sub(1), &["be", "am", "im"])
                    || w(i) == "sticking" && w(i + 1) == "around"
                    || w(i) == "around" && s.word_before(i, 5, &["sure"]).is_some()
                    || s.word_in(i, &["needing", "picking"])
                        && w(i.wrapping_sub(1)) == "be"
                        && s.word_in(i + 1, &["it", "her", "him", "them"])
                        && clause_end(s, i + 2 + usize::from(w(i + 2) == "up")))
        })
        && !has(&[
            "holiday",
            "trip",
            "away",
            "abroad",
            "office",
            "moving",
            "travelling",
            "traveling",
            "week",
            "weekend",
            "conference",
        ])
    {
        return Some(Severity::Gentle);
    }
    // Past attempts told by their outcome: "took an overdose in March",
    // "swallowed everything in the cabinet", "the night I took the pills",
    // "last time I tried, I woke up in A&E", "when I tried at 19", "tried to
    // jump last night", "what I tried to do to myself", "walked into the
    // river meaning to drown", "two attempts before I turned 20".
    let ae = (0..n).any(|i| w(i) == "a" && w(i + 1) == BREAK && w(i + 2) == "e");
    let hospital =
        (ae || has(&[
            "hospital",
            "icu",
            "er",
            "ambulance",
            "tube",
            "pumped",
            "ward",
        ])) && s.any(WAKE)
            || has(&["wrists", "scars", "evidence"]);
    for i in (0..n).filter(|_| g & (256 | COMMON_CUE) != 0 || s.any(DROWN | OD)) {
        let hit = match w(i) {
            "took" | "taken" | "had" => {
                s.word_in(i + 1, &["an", "a"]) && s.is(i + 2, OD) || s.is(i + 1, OD)
            }
            "swallowed" => s.word_in(i + 1, &["everything", "all", "every"]),
            "tried" => {
                let bare = clause_end(s, i + 1)
                    || s.word_in(
                        i + 1,
                        &["again", "at", "in", "once", "before", "when", "last"],
                    );
                let lethal = w(i + 1) == "to"
                    && (s.is(i + 2, JUMP | DROWN | HANG | OD)
                        && (clause_end(s, i + 3)
                            || s.recent()
                            || s.after(i, 6, PLACE | WATER).is_some())
                        || w(i + 2) == "do" && s.word_after(i, 6, &["myself"]).is_some());
                lethal
                    || bare
                        && (hospital
                            || s.word_before(i, 3, &["when", "time", "since", "after"])
                                .is_some()
                                && s.word_in(i + 1, &["at", "in", ""]))
            }
            "pills" => {
                w(i.wrapping_sub(1)) == "the"
                    && w(i.wrapping_sub(2)) == "took"
                    && s.word_before(i, 5, &["night", "day", "time", "when"])
                        .is_some()
            }
            "did" => w(i.wrapping_sub(1)) == "i" && w(i.wrapping_sub(2)) == "what" && hospital,
            "attempts" => {
                s.word_in(
                    i.wrapping_sub(1),
                    &["two", "three", "four", "several", "multiple", "both"],
                ) && (clause_end(s, i + 1)
                    || s.word_in(i + 1, &["before", "since", "now", "and", "in", "already"]))
                    && !s.any(SETTING)
            }
            _ => {
                s.is(i, DROWN)
                    && w(i.wrapping_sub(1)) == "to"
                    && s.word_in(
                        i.wrapping_sub(2),
                        &["meaning", "trying", "wanting", "intending", "going"],
                    )
            }
        };
        if hit && !other(i) && !accident {
            return gentle_or_now(s.recent() || has(&["swallowed", "overdose"]));
        }
    }
    // Self-injury by its purpose or marks: "pressed it on my wrist", "the pain
    // helped", "scratched my arms open", "picked at the skin till it bled",
    // "till the skin split", "the marks on my arm", "lines on my thigh with a
    // blade", "used the blade again", "lied that the burns were from cooking".
    let body = s.any(BODY | VULN);
    if g & (512 | COMMON_CUE) != 0 || s.any(BLADE | VULN) {
        // "I squeezed Anna's hand and it helped": "it" a soothing act just
        // named, with no means or mark of injury anywhere in the sentence.
        let soothing = |i: usize| {
            w(i) == "it"
                && s.word_before(i, 8, SOOTHING).is_some()
                && !s.any(BLADE | VULN | CUT | BLEED | PILLS)
        };
        let relief = (0..n).any(|i| {
            (w(i) == "pain" || w(i) == "it" && !soothing(i))
                && s.word_in(i + 1, &["helped", "helps"])
                || w(i) == "hurt"
                    && w(i.wrapping_sub(1)) == "to"
                    && w(i.wrapping_sub(2)) == "it"
                    && s.before(i, 4, DESIRE).is_some()
                || w(i) == "deserved" && w(i + 1) == "it"
        });
        let marks = (0..n).any(|i| {
            s.word_in(
                i,
                &["marks", "cuts", "scars", "burns", "lines", "scratches"],
            ) && (s.word_after(i, 2, &["on", "down", "across"]).is_some()
                && s.after(i, 4, BODY | VULN)
                    .is_some_and(|b| s.word_before(b, 2, &["my"]).is_some())
                && !s.any(THIRD)
                && !has(&[
                    "cat", "dog", "kitten", "gym", "roses", "brambles", "pen", "marker", "tan",
                ])
                || s.word_before(i, 2, &["red", "thin"]).is_some() && (body || s.any(BLADE)))
        });
        let until = (0..n).any(|i| {
            s.word_in(i, &["till", "until"])
                && s.word_after(
                    i,
                    4,
                    &[
                        "bled",
                        "bleeds",
                        "split",
                        "blistered",
                        "broke",
                        "bruised",
                        "raw",
                    ],
                )
                .is_some()
                && s.word_before(i, 6, &["my"]).is_some()
                && body
                && !has(&["tongue", "lip", "lips"])
        });
        let opened = s.any(CUT)
            && (0..n).any(|i| {
                w(i) == "open"
                    && s.before(i, 3, BODY).is_some()
                    && s.word_before(i, 4, &["my"]).is_some()
            });
        let pressed = (0..n).any(|i| {
            s.word_in(i, &["pressed", "press", "pressing", "held"])
                && s.word_after(i, 3, &["on", "against", "to"])
                    .is_some_and(|j| w(j + 1) == "my" && s.is(j + 2, VULN | BODY))
        });
        let blade_on_me = s.any(BLADE)
            && (0..n).any(|i| s.is(i, VULN) && w(i.wrapping_sub(1)) == "my")
            && !has(&["shaving", "shave", "shaved"]);
        let blade_again =
            s.any(BLADE) && has(&["again", "anyway"]) && has(&["used", "did", "cut", "relapsed"]);
        let lied = s.word_in(0, &["lied", "lie", "lying"])
            && s.word_after(0, 6, &["burns", "cuts", "marks", "scars", "bruises"])
                .is_some();
        if relief && (body || s.any(CUT | BLADE) || pressed)
            || !accident && (marks || until || opened || pressed || blade_on_me || blade_again)
            || lied
        {
            return Some(Severity::Gentle);
        }
    }
    // Euphemisms of leaving: "checking out early", "log off for good, the
    // whole thing", "planning my exit", "worth more gone than here", "I'm
    // allowed to stop, and I don't mean stop therapy", "become a ghost".
    if g & 1024 != 0
        && (0..n).any(|i| {
            w(i) == "out"
                && s.word_in(i.wrapping_sub(1), &["checking", "check", "checked"])
                && (w(i + 1) == "early" || s.is(i + 1, FOREVER))
                || w(i) == "off"
                    && s.word_in(i.wrapping_sub(1), &["log", "logging", "logged"])
                    && s.is(i + 1, FOREVER)
                    && (has(&["whole", "irl", "life", "not"]) || s.any(DESIRE | INTENT))
                || w(i) == "exit"
                    && w(i.wrapping_sub(1)) == "my"
                    && clause_end(s, i + 1)
                    && s.any(INTENT | THINK)
                || w(i) == "gone"
                    && s.word_before(i, 2, &["more"]).is_some()
                    && s.word_after(i, 3, &["here", "alive"]).is_some()
                || w(i) == "mean"
                    && s.word_in(i.wrapping_sub(1), &["dont", "didnt"])
                    && s.word_after(i, 3, &["stop", "stopping", "leave", "leaving", "quit"])
                        .is_some()
                    && s.word_after(
                        i,
                        5,
                        &[
                            "therapy",
                            "treatment",
                            "work",
                            "the",
                            "house",
                            "job",
                            "sessions",
                        ],
                    )
                    .is_some()
                || w(i) == "ghost"
                    && s.word_before(i, 3, &["become", "becoming", "be"]).is_some()
                    && s.intent()
                || w(i) == "existence"
                    && w(i.wrapping_sub(1)) != "the"
                    && s.word_before(i, 3, &["my"]).is_some()
                    && s.word_after(i, 5, &["burden", "weight", "cost", "drain"])
                        .is_some()
                || w(i) == "weight"
                    && s.word_after(i, 2, &["around"]).is_some()
                    && has(&["neck", "necks"])
                || s.word_in(i, &["gun", "grave"]) && (w(i + 1) == "me" || has(&["done"]))
        })
    {
        return Some(Severity::Gentle);
    }
    None
}

/// A plan or preparation said in a sentence that may not itself speak of
/// dying; it makes an entry that does speak of dying pressing.
fn plan_marker(s: &View) -> bool {
    if !s.any(INTENT | TIME | BUY | STOCK)
        && !s.has_word(&[
            "how", "through", "goodbye", "here", "around", "reads", "read", "plan",
        ])
    {
        return false;
    }
    let has_plan = (0..s.len()).any(|i| {
        (s.w(i) == "plan"
            && s.word_before(i, 3, &["a", "my", "the"]).is_some()
            && s.word_before(i, 4, &["have", "made", "got", "is"])
                .is_some())
            || (s.word_in(i, &["date", "day"])
                && s.word_before(i, 3, &["set", "picked", "chosen", "chose", "pick"])
                    .is_some())
            || (s.w(i) == "how"
                && s.word_before(i, 2, &["know", "worked", "figured"])
                    .is_some()
                && s.word_after(i, 4, &["do", "it", "when"]).is_some())
            || (s.w(i) == "through"
                && s.word_before(i, 2, &["go", "going", "went"]).is_some()
                && s.w(i + 1) == "with"
                && s.w(i + 2) == "it")
            || (s.w(i) == "reads" || s.w(i) == "read")
                && s.word_before(i, 3, &["time"]).is_some()
                && s.w(i + 1) == "this"
            || (s.w(i) == "goodbye"
                && s.word_before(i, 3, &["say", "said", "saying", "is"])
                    .is_some())
            || (s.word_in(i, &["here", "around"])
                && s.word_before(i, 3, &["wont", "not"]).is_some()
                && s.word_after(i, 3, &["longer", "christmas", "birthday", "next"])
                    .is_some())
            || (s.w(i) == "decided" && s.word_after(i, 3, &["when", "how", "to", "it"]).is_some())
    });
    has_plan
        || (s.any(BUY) && s.any(ROPE | WEAPON | GAS))
        || s.all_of(STOCK).any(|i| s.after(i, 5, PILLS).is_some())
}

// ---------------------------------------------------------------------------
// Round eight: the entry read as a whole
// ---------------------------------------------------------------------------

/// Kinds of evidence a sentence adds to the reading of the sentences around
/// it. None of them raises the note alone: a bridge, a Thursday, "I'll",
/// letters, a long look, a plaster are all ordinary. Together, in the
/// writer's own voice and within a sentence of each other, some of them
/// tell a plan, a preparation or a method the sentences never name (see
/// [`context`]).
mod cue {
    /// A means with few other uses in a journal: a gun, an overdose, a
    /// noose, the tracks, a ledge, a quarry, a hose to the car.
    pub const MEANS: u64 = 1;
    /// A means with everyday uses: pills, a bridge, the sea, a rope, a
    /// blade, a train, a belt.
    pub const SOME_MEANS: u64 = 1 << 1;
    /// An act a means is used for: jump, climb over, walk into, swallow
    /// the lot, do it.
    pub const ACT: u64 = 1 << 2;
    /// A time to come: Thursday, the 9th, the end of the month, until.
    pub const WHEN: u64 = 1 << 3;
    /// The writer has settled something: will, going to, decided, know
    /// where, worked out.
    pub const SETTLED: u64 = 1 << 4;
    /// Attention kept on something: thinking about, looked down, counted,
    /// how high, what they'd do.
    pub const DWELL: u64 = 1 << 5;
    /// Attention kept on "it" or "them": what the sentence before named.
    pub const DWELL_IT: u64 = 1 << 6;
    /// A world without the writer: after, for good, whoever finds me,
    /// won't be coming back, nobody will have to.
    pub const ABSENT: u64 = 1 << 7;
    /// Affairs put in order: letters, a will, passwords, belongings given
    /// away, a pet rehomed, a video for later.
    pub const ERRAND: u64 = 1 << 8;
    /// Hiding it: so nobody notices, without them knowing, long sleeves,
    /// two chemists.
    pub const HIDDEN: u64 = 1 << 9;
    /// The writer's own death or end: die, buried, the funeral, be gone.
    pub const DEATH: u64 = 1 << 10;
    /// Marks or tools of self-injury: cuts, scabs, a blade, new ones.
    pub const MARKS: u64 = 1 << 11;
    /// Going back to a habit: relapsed, days clean, old habits, broke it.
    pub const LAPSE: u64 = 1 << 12;
    /// Being with someone again: be with my brother again, join Dad.
    pub const REUNION: u64 = 1 << 13;
    /// Someone who has died: gone six years, passed, late.
    pub const LOST: u64 = 1 << 14;
    /// Worn out with living: so tired, exhausted, stop fighting, no point.
    pub const LOW: u64 = 1 << 15;
    /// On purpose: on purpose, deliberately, to feel something, deserved.
    pub const PURPOSE: u64 = 1 << 16;
    /// An end of one's own told by its manner rather than by death: by my
    /// own hand, on my own terms, remove myself permanently, stop being,
    /// not carrying on, the last entry.
    pub const OWN_END: u64 = 1 << 17;
    /// Welcoming something: hoping, wishing, wouldn't mind, relieved,
    /// glad, a blessing, would solve.
    pub const WELCOME: u64 = 1 << 18;
    /// Something that would end the writer without their doing: a bus, a
    /// plane going down, an accident, an illness, the heart, not waking,
    /// not seeing the morning, "if something took me".
    pub const HARM: u64 = 1 << 19;
    /// An injury done by the writer's hand: cut, scratched, burned,
    /// pressed, bit, went at my skin.
    pub const HURT: u64 = 1 << 20;
    /// A means that is a place or a way without a use of its own: a bridge,
    /// the sea, a rope, charcoal (set with [`SOME_MEANS`]).
    pub const PLACE_MEANS: u64 = 1 << 21;
    /// Attention on a means in the same clause: "thinking about the pills".
    pub const DWELL_ON: u64 = 1 << 22;
    /// An absence that is the writer's death: not surviving, not seeing a
    /// birthday, whoever finds me, no promises to stay.
    pub const GONE: u64 = 1 << 26;
    /// Disappointment (at good news about one's health).
    pub const DISAPPOINT: u64 = 1 << 27;
    /// A harm named and found absent: "it isn't cancer", "came back clear".
    pub const SPARED: u64 = 1 << 28;
    /// Finding out how: how long it takes, which way hurts least.
    pub const HOWTO: u64 = 1 << 30;
    /// A goodbye and its hiding in one sentence: "goodbyes without them
    /// knowing".
    pub const SECRET: u64 = 1 << 31;
    /// Three errands in one sentence.
    pub const ERRANDS3: u64 = 1 << 32;
    /// Others said to be better off without the writer.
    pub const BURDENED: u64 = 1 << 29;
    /// A harm welcomed in one sentence (see [`WELCOME`], [`HARM`]).
    pub const WELCOMED: u64 = 1 << 25;
    /// Two errands in one sentence: "updated my will, cancelled the gym".
    pub const ERRANDS: u64 = 1 << 23;
    /// The writer's own dying, not negated and not an idiom.
    pub const DYING: u64 = 1 << 24;

    /// Families that point a means at its use.
    pub const POINTING: u64 = ACT | DWELL | DWELL_IT | ABSENT | HIDDEN | DEATH;
    /// Families that point an everyday means at its use: attention only
    /// when it is on the means itself.
    pub const AIMED: u64 = ACT | DWELL_IT | DWELL_ON | ABSENT | HIDDEN | DEATH | GONE;
    /// Families that make a reading pressing.
    pub const PRESSING: u64 = MEANS | ACT | WHEN | SETTLED | ERRAND | HIDDEN | OWN_END;
}

/// Weekday and time words a date may be told by.
const DAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "week",
    "month",
    "year",
    "weekend",
    "semester",
    "term",
];

/// A sentence about a song, a film, a book or a game by name; not every
/// word the lexicon files under media ("reading", "play", "cover").
fn titled_media(s: &View) -> bool {
    s.any(MEDIA)
        && (s.toks.iter().any(|t| t.title)
            || s.has_word(&[
                "song",
                "songs",
                "film",
                "films",
                "movie",
                "movies",
                "album",
                "band",
                "lyrics",
                "novel",
                "podcast",
                "documentary",
                "netflix",
                "tv",
                "series",
                "anime",
                "trailer",
                "concert",
                "episode",
                "episodes",
            ]))
}

/// A report of training, research or someone's disclosure; not every word
/// the lexicon files under reports ("walk", "charity", "course", "policy").
fn reported(s: &View) -> bool {
    s.any(REPORT)
        && s.has_word(&[
            "training",
            "trained",
            "article",
            "news",
            "prevention",
            "screening",
            "study",
            "research",
            "lecture",
            "workshop",
            "seminar",
            "conference",
            "webinar",
            "dissertation",
            "thesis",
            "protocol",
            "disclosed",
            "disclosure",
            "safeguarding",
            "awareness",
            "statistics",
            "headline",
            "headlines",
            "helpline",
            "hotline",
            "volunteer",
            "module",
            "textbook",
            "presentation",
            "report",
        ])
}

/// Tags a cue can start from (see [`cues`]).
const CUE_TAGS: Tags = BLADE
    | BURDEN
    | BUY
    | DESIRE
    | DIE
    | DROWN
    | GAS
    | HANG
    | INTENT
    | JUMP
    | OD
    | ONPURPOSE
    | PILLS
    | PLACE
    | POISON
    | RESEARCH
    | ROPE
    | SLEEP
    | STRONGCUT
    | SUIC
    | THINK
    | TIME
    | VEHICLE
    | WAKE
    | WATER
    | WEAPON;

/// Every word a cue can start from, sorted: a word with none of
/// [`CUE_TAGS`] and not in this list (nor in [`HOLDS`]) is passed over
/// without reading the rules, which is most of an ordinary entry. A new
/// cue anchored on a new word must add the word here.
const CUE_WORDS: &[&str] = &[
    "accident",
    "affairs",
    "after",
    "again",
    "answer",
    "anymore",
    "arranged",
    "at",
    "attack",
    "away",
    "back",
    "balcony",
    "barrier",
    "barriers",
    "be",
    "being",
    "benign",
    "best",
    "better",
    "birthday",
    "bit",
    "bite",
    "blade",
    "blades",
    "bled",
    "bleeds",
    "blessing",
    "boxcutter",
    "broke",
    "bruises",
    "buried",
    "canceled",
    "cancelled",
    "cancer",
    "carrying",
    "check",
    "checked",
    "checking",
    "chemists",
    "choosing",
    "chosen",
    "christmas",
    "clean",
    "cleanest",
    "clear",
    "cleared",
    "cliff",
    "cliffs",
    "climb",
    "climbed",
    "climbing",
    "closed",
    "codeine",
    "coffin",
    "come",
    "comes",
    "coming",
    "concealer",
    "continue",
    "count",
    "counted",
    "counting",
    "counts",
    "cover",
    "cuts",
    "deadline",
    "deeds",
    "deleted",
    "deserve",
    "deserved",
    "didnt",
    "different",
    "disappointed",
    "disappointment",
    "done",
    "doses",
    "drafts",
    "dragged",
    "dressings",
    "drive",
    "driving",
    "drove",
    "dug",
    "each",
    "easiest",
    "empty",
    "end",
    "ending",
    "engine",
    "enough",
    "entry",
    "envelope",
    "exit",
    "fence",
    "fences",
    "fentanyl",
    "fight",
    "fighting",
    "find",
    "finds",
    "footbridge",
    "for",
    "forever",
    "funeral",
    "gave",
    "give",
    "giving",
    "glad",
    "go",
    "goes",
    "going",
    "gone",
    "good",
    "goodbye",
    "goodbyes",
    "grateful",
    "grave",
    "habits",
    "has",
    "have",
    "head",
    "heart",
    "heaven",
    "held",
    "helped",
    "here",
    "hid",
    "hide",
    "hiding",
    "home",
    "hopeless",
    "hose",
    "hospice",
    "how",
    "if",
    "ill",
    "illness",
    "insurance",
    "it",
    "join",
    "kind",
    "kit",
    "know",
    "knowing",
    "knows",
    "labelled",
    "labels",
    "last",
    "late",
    "later",
    "leaned",
    "leaning",
    "least",
    "ledge",
    "less",
    "letters",
    "locked",
    "look",
    "looked",
    "looking",
    "lorries",
    "lorry",
    "lot",
    "malignant",
    "mapped",
    "marks",
    "meet",
    "mind",
    "morning",
    "multistorey",
    "myself",
    "need",
    "net",
    "nets",
    "next",
    "nice",
    "noose",
    "not",
    "note",
    "noticed",
    "number",
    "of",
    "one",
    "ones",
    "out",
    "over",
    "overpass",
    "own",
    "oxycodone",
    "paid",
    "passed",
    "passwords",
    "pension",
    "permanent",
    "permanently",
    "photos",
    "plane",
    "planned",
    "point",
    "policy",
    "press",
    "pressed",
    "properly",
    "pull",
    "punched",
    "quarry",
    "quickest",
    "quiet",
    "railing",
    "railings",
    "rails",
    "railway",
    "razor",
    "razors",
    "read",
    "reading",
    "ready",
    "rehome",
    "rehomed",
    "rehoming",
    "relapse",
    "relapsed",
    "relapsing",
    "relief",
    "relieved",
    "researching",
    "rooftop",
    "scabs",
    "scar",
    "scars",
    "scraped",
    "scratched",
    "see",
    "sees",
    "settled",
    "sh",
    "shard",
    "short",
    "show",
    "sign",
    "sleeves",
    "so",
    "solution",
    "solve",
    "something",
    "soon",
    "stand",
    "standing",
    "stared",
    "staring",
    "starved",
    "stay",
    "step",
    "stepping",
    "stood",
    "stop",
    "streak",
    "subscriptions",
    "survive",
    "swallow",
    "swallowing",
    "swap",
    "swim",
    "swimming",
    "take",
    "taken",
    "takes",
    "there",
    "thighs",
    "thinks",
    "time",
    "timed",
    "tired",
    "too",
    "took",
    "tracks",
    "train",
    "trains",
    "tramadol",
    "tumor",
    "tumour",
    "use",
    "using",
    "viaduct",
    "video",
    "wait",
    "waited",
    "waiting",
    "walk",
    "walked",
    "walking",
    "welcome",
    "went",
    "what",
    "whoever",
    "will",
    "without",
    "wonders",
    "worked",
    "works",
    "worthless",
    "wounds",
    "wrote",
];

/// A filter over [`CUE_WORDS`] and [`HOLDS`] by first letter, last letter
/// and length: most words of an entry are ruled out with one lookup.
fn anchor_filter() -> &'static [[u32; 26]; 26] {
    static FILTER: std::sync::OnceLock<[[u32; 26]; 26]> = std::sync::OnceLock::new();
    FILTER.get_or_init(|| {
        let mut f = [[0u32; 26]; 26];
        for w in CUE_WORDS.iter().chain(HOLDS) {
            let b = w.as_bytes();
            let (first, last) = (b[0], b[b.len() - 1]);
            if first.is_ascii_lowercase() && last.is_ascii_lowercase() && b.len() < 32 {
                f[usize::from(first - b'a')][usize::from(last - b'a')] |= 1 << b.len();
            } else {
                // Every such word is let through by [`may_anchor`].
                debug_assert!(false, "cue word outside a-z: {w}");
            }
        }
        f
    })
}

/// Whether a word may be one of [`CUE_WORDS`] or [`HOLDS`].
fn may_anchor(w: &str) -> bool {
    let b = w.as_bytes();
    match (b.first(), b.last()) {
        (Some(&first), Some(&last))
            if first.is_ascii_lowercase() && last.is_ascii_lowercase() && b.len() < 32 =>
        {
            anchor_filter()[usize::from(first - b'a')][usize::from(last - b'a')] & (1 << b.len())
                != 0
        }
        _ => false,
    }
}

/// Whether any cue could start at `i`.
fn cue_anchor(s: &View, i: usize) -> bool {
    if s.is(i, CUE_TAGS) {
        return true;
    }
    if !may_anchor(s.w(i)) {
        return false;
    }
    // The commonest words a cue starts from, with the neighbour each of
    // their cues needs: an ordinary entry is full of "it", "of", "for".
    let prev = s.w(i.wrapping_sub(1));
    let next = s.w(i + 1);
    let common = match s.w(i) {
        "it" => Some(matches!(prev, "do" | "doing" | "make")),
        "of" => Some(prev == "something"),
        "for" => Some(prev == "not"),
        "not" | "didnt" => Some(matches!(next, "tell" | "say" | "the")),
        "have" => Some(prev == "will"),
        "at" => Some(prev == "went"),
        "so" => Some(matches!(next, "nobody" | "no" | "they" | "that")),
        "back" => Some(prev == "come"),
        "be" => Some(prev == "will" || next == "with" || s.after(i, 3, KIN).is_some()),
        "if" => Some(matches!(prev, "fine" | "okay" | "ok" | "happy")),
        "what" => Some(matches!(next, "theyd" | "itd" | "it" | "they" | "too")),
        "how" => Some(matches!(
            next,
            "high" | "quick" | "fast" | "far" | "many" | "long" | "much" | "deep"
        )),
        "one" => Some(prev == "no"),
        "time" => Some(prev == "last"),
        "know" => Some(matches!(next, "where" | "exactly" | "how" | "when") || prev == "doesnt"),
        "there" => Some(prev == "up"),
        "being" => Some(prev == "stop"),
        "go" => Some(matches!(prev, "would" | "mind" | "head")),
        "after" => Some(clause_end(s, i + 1)),
        "something" => Some(prev == "feel"),
        "best" => Some(next == "way"),
        "going" => Some(matches!(next, "to" | "on")),
        "here" => Some(prev == "not"),
        "home" => Some(matches!(prev, "good" | "new")),
        "has" => Some(prev == "nobody"),
        "too" => Some(prev == "go"),
        "good" => Some(prev == "for"),
        "over" => Some(prev == "get"),
        "find" => Some(next == "me"),
        _ => None,
    };
    if let Some(pass) = common {
        return pass;
    }
    CUE_WORDS.binary_search(&s.w(i)).is_ok() || s.word_in(i, HOLDS)
}

/// What one sentence adds to its entry's reading: a [`cue`] bit for each
/// family it holds. Nothing from a report, a story, a title, an accident,
/// the journey, or thoughts said to be long over.
fn cues(s: &View) -> u64 {
    use cue::*;
    let n = s.len();
    // Most sentences of an ordinary entry hold no word any cue starts
    // from: they cost one look at each word.
    let anchors: Vec<usize> = (0..n)
        .filter(|&i| s.w(i) != BREAK && cue_anchor(s, i))
        .collect();
    if anchors.is_empty()
        || titled_media(s)
        || reported(s)
        || s.journey(0)
        || (!s.any(FP) && s.has_word(&["you", "youre", "your", "youll", "youd", "youve"]))
    {
        return 0;
    }
    let mut c = 0u64;
    let w = |i: usize| s.w(i);
    let means_here = s.any(OD | WEAPON | PILLS | PLACE | WATER | BLADE | ROPE | HANG | GAS);
    for &i in &anchors {
        let word = w(i);
        let prev = w(i.wrapping_sub(1));
        let next = w(i + 1);
        let mine = s.mine(i);
        // "Dad's shotgun": a possessive is not the clause's subject.
        let means_mine = mine
            || s.is(i, WEAPON | PILLS | BLADE | ROPE | GAS)
                && s.is(i.wrapping_sub(1), KIN)
                && s.mine(i.wrapping_sub(1));
        let neg_before = s.before(i, 3, NEG).is_some();
        if means_mine && !mine {
            c |= means_cue(s, i) & (MEANS | SOME_MEANS | PLACE_MEANS);
        }
        // Families that belong to the writer's own clause.
        if mine {
            c |= means_cue(s, i);
            if s.is(i, JUMP | DROWN)
                || (s.is(i, HANG)
                    && !matches!(
                        next,
                        "the"
                            | "a"
                            | "my"
                            | "out"
                            | "up"
                            | "around"
                            | "baskets"
                            | "basket"
                            | "pictures"
                            | "lines"
                            | "laundry"
                            | "washing"
                            | "in"
                            | "on"
                            | "from"
                    )
                    && prev != "the")
                || (matches!(word, "climb" | "climbed" | "climbing") && next == "over")
                || (matches!(word, "walk" | "walked" | "walking" | "swim" | "swimming")
                    && matches!(next, "into" | "out"))
                || (matches!(word, "drive" | "driving" | "drove")
                    && matches!(next, "off" | "into" | "straight"))
                || matches!(word, "swallow" | "swallowing")
                || (word == "lot" && prev == "the" && means_here)
                || (matches!(word, "step" | "stepping") && matches!(next, "off" | "out" | "over"))
                || (matches!(word, "use" | "using") && means_here)
                || (word == "it" && matches!(prev, "do" | "doing") && !neg_before)
            {
                c |= ACT;
            }
            if (s.is(i, INTENT)
                && !word.starts_with("intention")
                && !neg_before
                && !matches!(next, "for" | "to"))
                // An intention to act, not a forecast: "I'll go", "I'm
                // going to use it", not "I'm going to lose my job".
                || (word == "will" && s.is(i.wrapping_sub(1), FP) && intends(s, i + 1))
                || (word == "going"
                    && next == "to"
                    && s.before(i, 2, FP).is_some()
                    && intends(s, i + 2))
                || (word == "know"
                    && matches!(next, "where" | "exactly" | "how" | "when")
                    && !neg_before)
                || (word == "worked" && matches!(next, "out" | "it"))
                || matches!(
                    word,
                    "choosing" | "sign" | "chosen" | "settled" | "arranged" | "planned"
                )
                || (word == "be" && prev == "will" && s.w(i.wrapping_sub(2)) == "it")
            {
                c |= SETTLED;
            }
            if s.is(i, RESEARCH)
                && !matches!(word, "count" | "counts")
                && (!matches!(word, "read" | "reading" | "checked" | "checking")
                    || matches!(next, "about" | "how" | "what" | "which" | "up"))
                || (s.is(i, THINK)
                    && (word.ends_with("ing")
                        || matches!(next, "about" | "of")
                        || matches!(prev, "keep" | "keeps" | "kept")))
                || (matches!(word, "count" | "counts") && matches!(next, "them" | "it"))
                || (word == "check" && prev == "to" && !s.any(KIN | THIRD))
                || matches!(
                    word,
                    "staring"
                        | "stared"
                        | "counted"
                        | "counting"
                        | "mapped"
                        | "timed"
                        | "researching"
                )
                || (matches!(word, "cleanest" | "easiest" | "quickest" | "best")
                    && next == "way"
                    && (clause_end(s, i + 2) || matches!(s.w(i + 2), "out" | "to" | "for")))
                    && !s.has_word(&["get"])
                || (matches!(word, "looked" | "looking" | "look")
                    && matches!(next, "down" | "at" | "over" | "closer" | "right" | "out"))
                || (word == "how"
                    && matches!(
                        next,
                        "high" | "quick" | "fast" | "far" | "many" | "long" | "much" | "deep"
                    ))
                || (word == "what"
                    && matches!(next, "theyd" | "itd" | "it" | "they" | "too")
                    && s.word_after(i, 3, &["do", "does", "would"]).is_some())
                || (matches!(word, "coming" | "comes")
                    && matches!(next, "up" | "back")
                    && s.any(THINK | DESIRE))
                || (matches!(word, "head" | "mind") && matches!(next, "went" | "goes" | "go"))
            {
                c |= DWELL;
                if matches!(next, "about" | "at" | "of") && s.word_in(i + 2, &["it", "them"]) {
                    c |= DWELL_IT;
                }
                if (i + 1..(i + 5).min(n)).any(|j| means_cue(s, j) != 0) {
                    c |= DWELL_ON;
                }
            }
            // Dying accepted: "waiting to die", "let myself die", "ready to
            // die".
            if s.is(i, DIE)
                && !neg_before
                && (prev == "to"
                    && s.word_in(
                        i.wrapping_sub(2),
                        &["waiting", "ready", "prepared", "okay", "fine", "happy"],
                    )
                    || prev == "myself" && s.word_in(i.wrapping_sub(2), &["let", "letting"]))
                && !matches!(next, "trying" | "laughing" | "of" | "on" | "for")
                && !s.journey(i)
            {
                c |= DYING;
            }
            if (matches!(
                word,
                "stood"
                    | "standing"
                    | "stand"
                    | "leaned"
                    | "leaning"
                    | "looked"
                    | "looking"
                    | "climbed"
            ) && s
                .word_after(i, 5, &["edge", "down", "over", "closer"])
                .is_some())
            {
                // Standing at an edge is ordinary unless kept up; looking
                // down from one is attention.
                c |= if s.has_word(&["each", "every", "again", "agn", "keep", "keeps"]) {
                    ACT
                } else if matches!(word, "stood" | "standing" | "stand") {
                    0
                } else {
                    DWELL
                };
            }
            if (matches!(word, "buried" | "funeral" | "coffin" | "grave")
                && matches!(prev, "my" | "own" | "be"))
                || (word == "gone" && matches!(prev, "be" | "being"))
                || (word == "exit" && matches!(prev, "my" | "the"))
            {
                c |= DEATH;
            }
            if (word == "letters" || word == "note")
                && (matches!(prev, "the" | "a")
                    && s.has_word(&["wrote", "rewrote", "left", "sealed", "written"])
                    || matches!(next, "for" | "to" | "in"))
                || (word == "will" && matches!(prev, "my" | "the" | "a"))
                || matches!(
                    word,
                    "passwords" | "insurance" | "policy" | "envelope" | "labels"
                )
                || (matches!(word, "gave" | "giving" | "give")
                    && (next == "away" || next == "my" && s.word_after(i, 4, &["to"]).is_some()))
                || (word == "home" && matches!(prev, "good" | "new") && next == "for")
                || matches!(word, "rehome" | "rehomed" | "rehoming")
                || (word == "video" && prev != "the" && s.word_after(i, 2, &["for"]).is_some())
                || (matches!(word, "cancelled" | "canceled" | "deleted")
                    && s.word_after(i, 3, &["my", "socials", "accounts", "gym"])
                        .is_some())
                || (word == "photos" && s.word_after(i, 4, &["for", "each"]).is_some())
                || (word == "paid" && next == "off")
            {
                if c & ERRANDS != 0 {
                    c |= ERRANDS3;
                }
                if c & ERRAND != 0 {
                    c |= ERRANDS;
                }
                c |= ERRAND;
            }
            if matches!(word, "cuts" | "marks" | "scabs" | "scars" | "wounds" | "sh")
                && !matches!(
                    prev,
                    "good"
                        | "bad"
                        | "full"
                        | "top"
                        | "high"
                        | "low"
                        | "ordinary"
                        | "exam"
                        | "test"
                        | "budget"
                        | "pay"
                        | "tax"
                        | "price"
                )
                || (word == "ones" && prev == "new")
                || matches!(
                    word,
                    "blade" | "blades" | "razor" | "razors" | "boxcutter" | "shard"
                )
            {
                c |= MARKS;
            }
            if matches!(word, "be" | "join" | "meet" | "see")
                && (s.after(i, 3, KIN).is_some() || matches!(next, "him" | "her"))
                && (s.any(DESIRE) || s.has_word(&["going", "waiting"]))
                && (word != "see" || s.has_word(&["again", "soon"]))
                && !s.has_word(&["dream", "dreams", "someday", "christmas", "summer"])
            {
                c |= REUNION;
            }
        }
        // Families that may sit in anyone's clause: the time, the world
        // after, the hiding, the loss.
        if s.is(i, TIME)
            && !matches!(word, "soon" | "birthday" | "christmas")
            // "the 7th floor", "5th place": an ordinal that is no date.
            && !(ordinal(word)
                && matches!(next, "floor" | "storey" | "level" | "grade" | "place" | "century" | "row"))
            || (word == "end" && next == "of" && s.word_in(i + 3, DAYS))
            || (word == "next" && s.word_in(i + 1, DAYS))
            || word == "deadline"
        {
            c |= WHEN;
        }
        if (word == "after"
            && clause_end(s, i + 1)
            && matches!(prev, "them" | "it" | "him" | "her" | "me" | "mess" | "up"))
            || matches!(
                word,
                "whoever" | "goodbyes"
            )
            || (word == "good" && prev == "for")
            // "forever" that ends a clause or a going, not "permanently
            // injured".
            || (matches!(word, "permanently" | "permanent" | "forever")
                && (clause_end(s, i + 1) || matches!(next, "gone" | "out" | "away" | "asleep")))
            || (word == "last" && prev == "my")
            || (word == "later" && prev == "until")
            || (matches!(word, "come" | "coming") && next == "back" && neg_before)
            || (word == "back" && prev == "come" && s.w(i.wrapping_sub(2)) == "dont")
            || (word == "survive" && neg_before)
            || (matches!(word, "find" | "finds") && next == "me")
            || (word == "have" && prev == "will" && s.word_before(i, 3, &["nobody"]).is_some())
            || (word == "has" && prev == "nobody")
            || (word == "stay" && matches!(prev, "couldnt" | "cant"))
            || (word == "of" && prev == "something" && next == "me")
            || (word == "need" && prev == "will" && s.w(i.wrapping_sub(3)) == "all")
            || (word == "wonders" && s.has_word(&["case"]))
        {
            c |= ABSENT;
        }
        if (word == "so"
            && matches!(next, "nobody" | "no" | "they" | "that")
            && s.word_after(
                i,
                4,
                &[
                    "notices", "notice", "sees", "see", "finds", "knows", "know", "look", "check",
                ],
            )
            .is_some())
            || (word == "knowing" && s.word_before(i, 3, &["without"]).is_some())
            || (matches!(word, "didnt" | "not") && matches!(next, "tell" | "say" | "the"))
                && s.has_word(&["reason", "tell", "say"])
            || (word == "sleeves" && prev != "short")
            || word == "concealer"
            || (matches!(word, "hiding" | "hid" | "hide")
                && s.word_in(
                    i + 1,
                    &["the", "it", "them", "my", "marks", "scars", "cuts"],
                ))
            || (word == "different" && s.any(PILLS) || word == "chemists")
            || (word == "noticed" && next == "a")
            || (word == "cleared" && s.has_word(&["history"]))
            || (word == "locked" && next == "the")
            || (word == "cover" && s.has_word(&["noise"]))
        {
            c |= HIDDEN;
        }
        if matches!(
            word,
            "relapse" | "relapsed" | "relapsing" | "habits" | "streak"
        ) || (word == "clean"
            && s.word_before(i, 2, &["days", "weeks", "months", "years"])
                .is_some())
            || (word == "broke" && next == "it")
        {
            c |= LAPSE;
        }
        if (word == "gone" && s.word_after(i, 2, &["years", "months", "year"]).is_some())
            || matches!(word, "passed" | "late") && s.any(KIN)
        {
            c |= LOST;
        }
        if s.is(i, ONPURPOSE) && !neg_before {
            c |= PURPOSE;
        }
        // Worn out with living, not with a day: "tired of all of it", "so
        // tired", hopeless, a burden.
        if matches!(word, "hopeless" | "worthless")
            || (word == "tired"
                && (matches!(prev, "so" | "too") && clause_end(s, i + 1)
                    || next == "of"
                        && s.word_after(
                            i + 1,
                            3,
                            &["living", "life", "everything", "all", "being", "fighting"],
                        )
                        .is_some()))
            || (word == "fighting" && prev == "stop")
            || (word == "point" && neg_before)
            || s.is(i, BURDEN)
        {
            c |= LOW;
        }
        let more = more_cues(s, i, mine, neg_before) | shape_cues(s, i, mine, neg_before);
        if more & c & ERRAND != 0 {
            if c & ERRANDS != 0 {
                c |= ERRANDS3;
            }
            c |= ERRANDS;
        }
        c |= more;
    }
    // What silences a sentence is asked only of one that holds something.
    if c == 0 || resolved_past(s) || over(s) || asked(s) {
        return 0;
    }
    if c & WELCOME != 0 && c & (HARM | DEATH) != 0 {
        c |= WELCOMED;
    }
    // Hiding the body itself: "so nobody would see my arms".
    if c & HIDDEN != 0
        && s.any(VULN | BODY)
        && s.has_word(&["see", "sees", "notice", "notices", "show"])
    {
        c |= MARKS;
    }
    if c & HIDDEN != 0 && c & (ABSENT | GONE) != 0 {
        c |= SECRET;
    }
    // An accident with its cause: no injury of the writer's own doing.
    if s.any(ACCIDENT) {
        c &= !(MARKS | HURT | ACT | PURPOSE);
    }
    // The session or the journey named in the sentence: its dying, its
    // grave and its not wanting to come back are the medicine's.
    // "the old me was gone for good", "the end of the session".
    if s.is(0, SETTING)
        || (1..n).any(|j| {
            s.w(j - 1) == "old"
                && s.word_in(j, &["me", "self", "stuff", "version", "parts", "life"])
                || s.w(j) == "ego"
                || s.is(j, SETTING) && s.w(j - 1) == "the" && s.w(j.wrapping_sub(2)) == "of"
        })
    {
        c &= !(DEATH | WELCOME | HARM | ABSENT | OWN_END | DYING | GONE);
    }
    c
}

/// A verb of doing, after "I'll" or "going to": an intention rather than a
/// forecast ("I'm going to lose my job").
fn act_verb(w: &str) -> bool {
    matches!(
        w,
        "do" | "go"
            | "use"
            | "take"
            | "walk"
            | "jump"
            | "drive"
            | "end"
            | "leave"
            | "make"
            | "finish"
            | "stop"
            | "let"
            | "bring"
            | "wait"
            | "give"
            | "swim"
            | "step"
            | "hang"
            | "drown"
            | "overdose"
            | "kill"
            | "try"
            | "be"
    )
}

/// An act intended at `j`, not an errand: "I'll go" or "I'll go to the
/// bridge", not "I'll go to bed" or "go for lunch".
fn intends(s: &View, j: usize) -> bool {
    act_verb(s.w(j))
        && !(s.w(j) == "go"
            && s.word_in(j + 1, &["to", "for", "home", "out"])
            && !(j + 2..(j + 5).min(s.len())).any(|k| means_cue(s, k) != 0))
}

/// A means at `i`: [`cue::MEANS`], [`cue::SOME_MEANS`] (with
/// [`cue::PLACE_MEANS`] for a place or a way), or nothing.
fn means_cue(s: &View, i: usize) -> u64 {
    use cue::*;
    if !cue_anchor(s, i) {
        return 0;
    }
    // "the knife for the roast", "the cliff path for a photo": a stated
    // use; "cleaned and oiled the shotgun": care of it; "sea bass": water
    // that is not a place.
    if s.word_after(i, 6, &["for", "to"]).is_some_and(|j| {
        !(i + 1..j).any(|k| s.w(k) == BREAK)
            && !s.word_in(j + 1, &["end", "die", "kill", "do", "finish", "overdose", "myself"])
            // "to the bathroom" is a place, not a use.
            && (s.w(j) == "to"
                && !s.word_in(j + 1, &["the", "a", "my", "his", "her", "their", "our", "bed", "work"])
            || s.w(j) == "for" && s.word_after(
                j,
                3,
                &["minute", "minutes", "hour", "hours", "while", "second", "seconds", "ages"],
            )
            .is_none())
    })
        || s.word_before(
            i,
            3,
            &[
                "cleaned",
                "oiled",
                "serviced",
                "sharpened",
                "polished",
                "repaired",
                "fixed",
            ],
        )
        .is_some()
        || s.is(i, WATER) && !s.word_in(i.wrapping_sub(1), &["the", "into", "in"])
        // A name: "the Railway Hotel", "Bridge Street".
        || s.toks.get(i).is_some_and(|t| t.title)
        // "the bridge cafe", "the cliff path", "the sea view": a place that
        // only names another.
        || s.word_in(
            i + 1,
            &[
                "cafe", "walk", "path", "club", "view", "street", "road", "hotel", "pub", "bar",
                "restaurant", "game", "party", "evening", "night", "tour", "trip", "side",
                "front", "lane", "house", "shop", "festival",
            ],
        ) && !s.is(i, OD | WEAPON)
        // A track on an album, not a railway's.
        || s.w(i) == "track" && !s.word_in(i.wrapping_sub(1), &["railway", "train", "rail"])
    {
        return 0;
    }
    let word = s.w(i);
    let prev = s.w(i.wrapping_sub(1));
    if s.is(i, OD | WEAPON)
        && !matches!(
            prev,
            "glue" | "nerf" | "water" | "staple" | "nail" | "spray" | "squirt" | "toy"
        )
        || matches!(
            word,
            "noose"
                | "tracks"
                | "ledge"
                | "quarry"
                | "overpass"
                | "balcony"
                | "rooftop"
                | "railing"
                | "railings"
                | "footbridge"
                | "viaduct"
                | "hose"
                | "tramadol"
                | "codeine"
                | "oxycodone"
                | "fentanyl"
                | "multistorey"
                | "railway"
                | "rails"
                | "cliff"
                | "cliffs"
        )
    {
        return MEANS;
    } else if (s.is(i, PILLS | PLACE | WATER | BLADE | ROPE | GAS | POISON)
        || s.word_in(i, HOLDS)
        || matches!(word, "train" | "trains" | "lorries" | "lorry" | "engine"))
        // "the knife for the roast": a stated use.
        && s.word_after(i, 4, &["for", "to"]).is_none()
    {
        return if s.is(i, PLACE | WATER | ROPE | GAS) {
            SOME_MEANS | PLACE_MEANS
        } else {
            SOME_MEANS
        };
    }
    0
}

/// More shapes of the same families: the end told by what others would
/// gain, by a finality said on its own, by disappointment at good news;
/// self-injury told by its tools, its relief and its hiding in the heat;
/// a means told by what it is "not for".
fn shape_cues(s: &View, i: usize, mine: bool, neg_before: bool) -> u64 {
    use cue::*;
    let word = s.w(i);
    let prev = s.w(i.wrapping_sub(1));
    let next = s.w(i + 1);
    let n = s.len();
    let mut c = 0;
    if mine {
        // "I'm done. I mean done done."; "the permanent way out"; "the way
        // I'd go"; "make sure it works"; "do it properly".
        if (word == "done" && next == "done")
            || (word == "out"
                && prev == "way"
                && s.has_word(&["permanent", "only", "easy", "quick", "final"])
                && clause_end(s, i + 1))
            || (word == "go"
                && prev == "would"
                && s.w(i.wrapping_sub(3)) == "way"
                && clause_end(s, i + 1))
            || (word == "properly" && prev == "it" && s.w(i.wrapping_sub(2)) == "do")
        {
            c |= OWN_END;
        }
        // Not living to a date, not staying.
        if (word == "see" && neg_before && next == "my" && s.is(i + 2, TIME))
            || (word == "see"
                && neg_before
                && next == "my"
                && s.w(i + 2).ends_with("th")
                && s.has_word(&["birthday"]))
            || (word == "stay"
                && s.before(i, 5, NEG).is_some()
                && s.has_word(&["promises", "promise", "reason", "reasons"]))
            || (word == "survive" && neg_before)
            || (word == "here" && prev == "not" && s.has_word(&["when", "after", "better"]))
            || (matches!(word, "find" | "finds") && next == "me")
            || word == "whoever"
        {
            c |= GONE;
        }
        if matches!(word, "disappointed" | "disappointment") {
            c |= DISAPPOINT;
        }
        // A welcome of the end: "at least it'll be over".
        if word == "least" && prev == "at" && s.has_word(&["over", "die", "dead", "end"]) {
            c |= WELCOME;
        }
        if s.is(i, DIE) && s.word_before(i, 3, &["if"]).is_some() && !neg_before {
            c |= HARM;
        }
        // Self-injury's own verbs, with the writer's body.
        if matches!(
            word,
            "dug" | "dragged" | "scraped" | "punched" | "bit" | "bite" | "pressed" | "held"
        ) && s.after(i, 6, BODY | VULN).is_some()
            && (word != "held"
                || s.word_after(i, 5, &["on", "against", "over", "under"])
                    .is_some())
            && (!s.any(ACCIDENT) || matches!(word, "pressed" | "held"))
        {
            c |= HURT;
        }
        // Long sleeves in the heat.
        if word == "sleeves"
            && s.has_word(&["degree", "degrees", "heat", "hot", "summer", "sweltering"])
            && !s.has_word(&["because", "burn", "sunburn", "sun", "factor", "cold"])
        {
            c |= HIDDEN | MARKS;
        }
        // A means whose everyday use is denied: "it's not for a barbecue",
        // "and not for my legs"; a means that looks like an answer.
        if word == "for" && prev == "not" && (0..i).any(|j| means_cue(s, j) != 0 || s.is(j, BLADE))
        {
            c |= DWELL | DWELL_IT;
        }
        if matches!(word, "answer" | "solution")
            && s.word_before(i, 3, &["like", "only", "the"]).is_some()
        {
            c |= DWELL | DWELL_IT;
        }
        if word == "pull" && s.word_before(i, 2, &["felt", "feel", "feeling"]).is_some() {
            c |= DWELL | DWELL_IT;
        }
        if matches!(word, "goes" | "went" | "go") && matches!(prev, "mind" | "head") {
            c |= DWELL_IT;
        }
        if matches!(word, "easiest" | "cleanest" | "quickest") && clause_end(s, i + 1) {
            c |= DWELL;
        }
        // An approach kept up: "a bit closer to the edge each day".
        if matches!(word, "standing" | "stood" | "stand" | "climbed" | "leaning")
            && s.word_after(i, 6, &["edge", "closer", "over", "railing"])
                .is_some()
            && s.has_word(&["each", "every", "again", "keep", "closer"])
        {
            c |= ACT | DWELL;
        }
        if word == "ready" && next == "to" && intends(s, i + 2) {
            c |= SETTLED;
        }
        if word == "quiet" && s.has_word(&["house", "flat"]) {
            c |= HIDDEN;
        }
    }
    // Others better off without the writer: "they'd manage perfectly well
    // without me", "the kids would get over it", "one less problem".
    if (word == "without"
        && matches!(next, "me" | "a" | "this")
        && s.has_word(&["would", "theyd", "itd", "wouldnt"]))
        || (word == "over"
            && next == "it"
            && prev == "get"
            && s.has_word(&["would", "theyd"])
            && !s.has_word(&["if"]))
        || (word == "less" && prev == "one" && matches!(next, "problem" | "mouth" | "burden"))
    {
        c |= BURDENED;
    }
    // Health news that spares the writer: "it isn't cancer", "came back clear".
    if (matches!(word, "cancer" | "malignant" | "tumour" | "tumor")
        && s.before(i, 3, NEG).is_some())
        || (word == "clear" && prev == "back")
        || (word == "benign")
    {
        c |= SPARED;
    }
    // Relief from an injury: "the pain helped", "felt better for ten
    // minutes", "till it bled".
    if (word == "helped" && s.has_word(&["pain"]))
        || (word == "better"
            && matches!(prev, "felt" | "feel")
            && s.any(TIME) | s.has_word(&["minutes", "while"]))
        || (matches!(word, "bled" | "bleeds")
            && matches!(prev, "it" | "they")
            && s.word_before(i, 3, &["until", "till"]).is_some())
    {
        c |= PURPOSE;
    }
    // Self-injury told again: "made the thighs a mess again".
    if word == "again" && s.has_word(&["thighs", "mess", "deeper", "marks", "cuts"]) {
        c |= LAPSE;
    }
    if mine {
        // Something for each of one's people: "letters to each of the
        // kids", "one for each friend", "one each".
        if word == "each"
            && (prev == "one"
                || next == "of"
                    && (i + 2..(i + 5).min(n)).any(|j| s.is(j, KIN) && !s.is(j + 1, KIN))
                || prev == "for" && s.is(i + 1, KIN))
            && s.has_word(&["letters", "letter", "photos", "video", "note", "notes"])
        {
            c |= ERRAND | GONE;
        }
        // Finding out how: "how long it takes", "which way hurts least",
        // "what works", doses looked up.
        if (word == "takes" && prev == "it" && s.word_before(i, 5, &["how", "what"]).is_some())
            || (word == "least" && matches!(prev, "hurts" | "painful"))
            || (word == "works" && prev == "what" && s.any(RESEARCH | MEDIA))
            || (word == "doses" && s.any(RESEARCH))
        {
            c |= DWELL | DWELL_IT | HOWTO;
        }
        // A safeguard found missing: "the bridges that don't have the
        // barriers yet", "no fence on the east side".
        if matches!(
            word,
            "barrier" | "barriers" | "fence" | "fences" | "nets" | "net"
        ) && (s.before(i, 4, NEG).is_some()
            || prev == "low"
            || next == "is" && s.w(i + 2) == "low")
            && s.any(PLACE)
        {
            c |= DWELL | DWELL_IT;
        }
        // A means bought, with no use stated: "bought the charcoal".
        if s.is(i, BUY)
            && (i + 1..(i + 4).min(n)).any(|j| {
                s.is(j, GAS | ROPE | WEAPON) && means_cue(s, j) != 0 && clause_end(s, j + 1)
            })
        {
            c |= DWELL_IT;
        }
        // One's own funeral arranged: "funeral song picked", "the funeral
        // plan paid up".
        if word == "funeral" && s.word_in(i + 1, &["song", "songs", "plan", "music", "hymns"]) {
            c |= DEATH;
        }
        if s.is(i, SUIC) && s.has_word(&["policy", "insurance", "pays", "payout"]) {
            c |= DEATH;
        }
    }
    // "Tidy ending.": an ending on its own.
    if n <= 3 && matches!(word, "ending" | "end") && !s.any(FP) {
        c |= ABSENT;
    }
    // "Didn't say it was for the last time."
    if word == "time"
        && prev == "last"
        && s.w(i.wrapping_sub(2)) == "the"
        && s.w(i.wrapping_sub(3)) == "for"
    {
        c |= ABSENT;
    }
    let _ = neg_before;
    c
}

/// The families round eight added for set E's shapes, one word at a time
/// (see [`cues`]).
fn more_cues(s: &View, i: usize, mine: bool, neg_before: bool) -> u64 {
    use cue::*;
    let word = s.w(i);
    let prev = s.w(i.wrapping_sub(1));
    let next = s.w(i + 1);
    let mut c = 0;
    if mine {
        // The manner of an end of one's own.
        if (word == "own" && matches!(next, "hand" | "terms" | "ending" | "choosing"))
            || (word == "being"
                && prev == "stop"
                && (clause_end(s, i + 1) || matches!(next, "here" | "alive" | "around" | "by")))
            || (matches!(word, "carrying" | "going")
                && matches!(prev, "not" | "stop")
                && next == "on"
                && clause_end(s, i + 2))
            || (word == "continue" && matches!(prev, "not" | "cant") && clause_end(s, i + 1))
            || (word == "away" && prev == "doing" && next == "with")
            || (word == "entry" && prev == "last")
            || (matches!(word, "myself" | "out" | "away")
                && s.before(i, 2, FP).is_none()
                && s.word_before(
                    i,
                    2,
                    &[
                        "remove", "removing", "take", "taking", "took", "step", "stepped",
                        "stepping", "slip", "slipping", "check", "checking", "bow", "bowing",
                    ],
                )
                .is_some()
                && (s.has_word(&["permanently", "forever", "equation", "picture"])
                    || s.has_word(&["good"]) && s.has_word(&["for"])
                    || matches!(word, "away") && s.any(BETTER | CARE)))
            || (word == "too" && prev == "go" && s.has_word(&["goes", "gone", "dies"]))
            // A sleep with no return: "stay asleep", "go to sleep and not
            // come back", "the forever kind of sleep".
            || (s.is(i, SLEEP)
                && (prev == "stay"
                    || s.has_word(&["forever", "permanently"])
                    || (0..s.len()).any(|j| {
                        s.w(j) == "back"
                            && s.word_in(j.wrapping_sub(1), &["come", "coming"])
                            && clause_end(s, j + 1)
                    }) && s.any(NEG)))
        {
            c |= OWN_END;
        }
        // A hope for oneself: not "I hope you heal".
        if s.is(i, DESIRE)
            && !neg_before
            && !word.starts_with("want")
            && !word.starts_with("need")
            && (!word.starts_with("long") || matches!(next, "to" | "for"))
            && !matches!(
                next,
                "you"
                    | "youre"
                    | "your"
                    | "he"
                    | "she"
                    | "they"
                    | "we"
                    | "everyone"
                    | "it"
                    | "the"
                    | "this"
            )
            || matches!(
                word,
                "relieved" | "glad" | "grateful" | "blessing" | "solve" | "disappointed"
            )
            || (word == "mind" && matches!(prev, "wouldnt" | "not" | "dont"))
            || (word == "fight" && neg_before)
            || (word == "if" && matches!(prev, "fine" | "okay" | "ok" | "happy"))
            || word == "welcome"
            || (word == "nice" && matches!(prev, "how" | "be" | "so"))
            || word == "swap"
        {
            c |= WELCOME;
        }
        if (matches!(word, "accident" | "hospice" | "cancer" | "illness") && s.any(DESIRE | BETTER))
            || (s.is(i, VEHICLE) || word == "plane")
                && s.word_after(
                    i,
                    4,
                    &[
                        "down", "clipped", "hit", "drift", "drifted", "crash", "crashed", "took",
                    ],
                )
                .is_some()
            || (word == "heart"
                && s.word_after(i, 3, &["weaker", "stop", "stops", "give"])
                    .is_some())
            || (word == "kind" && prev == "bad")
            || (word == "attack" && prev == "heart")
            || (word == "stop" && neg_before && s.any(VEHICLE))
            || (word == "it" && prev == "make" && s.before(i, 4, NEG).is_some())
            || (matches!(word, "took" | "take" | "taken")
                && next == "me"
                && matches!(prev, "something" | "god" | "death" | "cancer" | "lord"))
            || (word == "number" && s.word_after(i, 2, &["came", "comes", "up"]).is_some())
            || (s.is(i, WAKE)
                && neg_before
                && (clause_end(s, i + 1)
                    || next == "up" && clause_end(s, i + 2)
                    || matches!(next, "tomorrow" | "again" | "one")))
            || (word == "morning" && prev == "the" && s.before(i, 4, NEG).is_some())
            || (word == "ill" && next == "enough")
            || (word == "out" && prev == "rubbed")
        {
            c |= HARM;
        }
        if !s.any(HANDY | ACCIDENT)
            && (s.is(i, STRONGCUT)
                && (s.after(i, 4, BODY | VULN | REFL).is_some()
                    || clause_end(s, i + 1)
                    || matches!(next, "so" | "until" | "till" | "on" | "again"))
                || matches!(word, "scratched" | "pressed" | "press" | "bite" | "starved")
                || (word == "at"
                    && prev == "went"
                    && s.word_after(i, 3, &["skin", "arms", "legs"]).is_some()))
        {
            c |= HURT;
        }
        if matches!(word, "dressings" | "bruises" | "scar" | "kit" | "thighs")
            || (word == "enough" && s.any(PILLS))
        {
            c |= if word == "enough" { MEANS } else { MARKS };
        }
    }
    if (word == "again" && (s.any(STRONGCUT) && s.any(BODY | VULN | REFL) || prev == "it"))
        || (word == "anymore" && prev == "enough")
        || (word == "enough" && matches!(prev, "wasnt" | "isnt"))
    {
        c |= LAPSE;
    }
    if (word == "something" && prev == "feel")
        || (matches!(word, "deserve" | "deserved")
            && (clause_end(s, i + 1) || matches!(next, "it" | "this" | "that" | "the")))
        || (word == "relief" && s.has_word(&["shame", "felt"]))
    {
        c |= PURPOSE;
    }
    if (matches!(word, "knows" | "know" | "see" | "sees") && prev == "doesnt")
        || (word == "knows" && matches!(prev, "nobody" | "one"))
        || (word == "one" && prev == "no" && matches!(s.w(i.wrapping_sub(2)), "telling" | "told"))
        || (matches!(word, "show" | "look")
            && s.before(i, 3, NEG).is_some()
            && s.has_word(&["where", "wouldnt", "nobody", "ever"]))
        || (word == "empty" && s.has_word(&["house", "flat"]))
        || (word == "thinks" && s.any(THIRD | KIN) && s.has_word(&["im", "they", "theyre", "am"]))
        || (word == "for" && prev == "were" && s.has_word(&["told"]))
    {
        c |= HIDDEN;
    }
    if (word == "goodbye" && prev == "said")
        || (word == "here" && prev == "not" && s.has_word(&["when"]))
        || (word == "need"
            && s.has_word(&["dont", "wont"])
            && s.has_word(&["think", "ill", "will"]))
        || (word == "wait" && prev == "to" && s.has_word(&["nothing"]))
        || (word == "short" && prev == "left")
    {
        c |= ABSENT;
    }
    if mine
        && (matches!(
            word,
            "affairs" | "pension" | "deeds" | "subscriptions" | "drafts"
        ) || (word == "note" && prev == "my")
            || (word == "labelled" && next == "for")
            || (word == "wrote" && next == "to" && s.any(KIN))
            || (word == "gave" && next == "away")
            || (word == "closed" && s.has_word(&["account"])))
    {
        c |= ERRAND;
    }
    if (word == "there" && prev == "up")
        || word == "heaven"
        || (matches!(word, "waited" | "waiting") && s.has_word(&["me"]) && s.has_word(&["there"]))
    {
        c |= LOST;
    }
    if mine
        && matches!(word, "see" | "join" | "meet")
        && s.toks.get(i + 1).is_some_and(|t| t.title)
        && (s.any(DESIRE) || s.has_word(&["going", "went", "time"]))
    {
        c |= REUNION;
    }
    c
}

/// Reads each sentence together with the one before and the one after:
/// whether, between them, the writer tells a method, a plan, preparation,
/// hidden self-injury or a wish to be with someone who has died, in
/// sentences none of which says it alone ("I know where I'll go." + "The
/// bridge on the A38." + "Thursday after work."; "Updated my will." +
/// "Nobody will have to sort out a mess after.").
/// "done with this week", "done with the day", "done with work": done with
/// a stretch of time or of work, nothing wider.
fn done_with_a_stretch(s: &View) -> bool {
    (1..s.len()).any(|i| {
        s.w(i) == "with"
            && s.w(i - 1) == "done"
            && (i + 1..(i + 4).min(s.len())).any(|k| {
                s.is(k, TIME)
                    || s.word_in(
                        k,
                        &[
                            "week", "day", "month", "term", "shift", "work", "job", "meeting",
                            "meetings", "exams", "semester", "project", "emails",
                        ],
                    )
            })
            && !(i + 1..(i + 4).min(s.len()))
                .any(|k| s.is(k, LIFE) || s.word_in(k, &["everything", "all", "me", "myself"]))
    })
}

fn context(views: &[View]) -> Option<Finding> {
    use cue::*;
    let mut cs: Vec<u64> = views.iter().map(cues).collect();
    // A finality said on its own after a going: "I'll stop being a
    // problem for everyone." + "Permanently."
    for k in 1..views.len() {
        let v = &views[k];
        if v.len() <= 3
            && (v.has_word(&["permanently", "forever"]) || v.w(0) == "for" && v.w(1) == "good")
            && views[k - 1].any(FP)
        {
            cs[k] |= cue::OWN_END;
        }
    }
    // "I'm so done with this week. Done done.": the doubled "done" read
    // with what it is done with, a stretch of time or of work, said just
    // before or in the same sentence ("done with life. Done done." stays).
    for k in 0..views.len() {
        let v = &views[k];
        let doubled = (1..v.len()).any(|i| v.w(i) == "done" && v.w(i - 1) == "done");
        if doubled
            && views[k.saturating_sub(1)..=k]
                .iter()
                .any(done_with_a_stretch)
        {
            cs[k] &= !cue::OWN_END;
        }
    }
    let mut found: Option<Finding> = None;
    for k in 0..cs.len() {
        if cs[k] == 0 {
            continue;
        }
        // A short entry is read whole; a long one two sentences either side.
        let (lo, hi) = if cs.len() <= 5 {
            (0, cs.len())
        } else {
            (k.saturating_sub(2), (k + 3).min(cs.len()))
        };
        let c = cs[lo..hi].iter().fold(0, |a, b| a | b);
        let count = |bit: u64| cs[lo..hi].iter().filter(|&&x| x & bit != 0).count();
        // An everyday means is read with its own sentence and its nearest
        // neighbours only.
        let near_means = if cs[k] & (MEANS | SOME_MEANS) != 0 {
            cs[k.saturating_sub(1)..(k + 2).min(cs.len())]
                .iter()
                .fold(0, |a, b| a | b)
        } else {
            0
        };
        let any = |bits: u64| c & bits != 0;
        // Each reading: what the families together tell.
        let readings: [(&str, bool); 19] = [
            (
                "a means pointed at",
                near_means & MEANS != 0 && near_means & (POINTING | WHEN | SETTLED) != 0,
            ),
            (
                "an everyday means pointed at",
                // Attention counts only when it is on the means ("kept
                // thinking of my father and the lake" is not).
                near_means & SOME_MEANS != 0
                    && (near_means & DWELL_IT != 0
                        || (near_means & AIMED).count_ones() >= 2
                        || near_means & AIMED != 0 && any(WHEN | SETTLED | LOW)),
            ),
            (
                "a means or a place, a time, a settled mind",
                any(MEANS | PLACE_MEANS) && any(WHEN) && any(SETTLED),
            ),
            (
                "attention on a means, again",
                any(DWELL_ON)
                    && (count(DWELL) >= 2 || any(ACT | SETTLED | LOW | ABSENT | HIDDEN | WHEN)),
            ),
            (
                "an errand with a world after",
                any(ERRAND) && any(ABSENT | GONE | HIDDEN | DEATH | LOW),
            ),
            (
                "errands with a world after",
                (any(ERRANDS) || count(ERRAND) >= 2)
                    && any(ABSENT | GONE | HIDDEN | LOW | DEATH | OWN_END)
                    || count(ERRAND) >= 3
                    || any(ERRANDS3),
            ),
            (
                "a time, a settled mind, hiding or absence",
                any(SETTLED) && any(WHEN) && any(HIDDEN | ABSENT),
            ),
            (
                "self-injury hidden or lapsed",
                any(MARKS | HURT) && any(LAPSE | HIDDEN | PURPOSE),
            ),
            ("an end by its manner", any(OWN_END)),
            ("a harm welcomed", any(WELCOMED)),
            ("dying accepted", any(DYING)),
            ("a reunion with the dead", any(REUNION) && any(LOST)),
            (
                "the writer's death attended to",
                any(DEATH) && any(DWELL | SETTLED | WHEN | ABSENT),
            ),
            ("an act with no way back", any(ACT) && any(ABSENT | GONE)),
            ("a settled mind and no future", any(SETTLED) && any(GONE)),
            ("others better off without the writer", any(BURDENED)),
            (
                "finding out how, with a means, hiding or a settled mind",
                any(HOWTO) && (any(MEANS | SOME_MEANS | HIDDEN | SETTLED) || count(DWELL) >= 2),
            ),
            ("a goodbye kept hidden", any(SECRET)),
            (
                "disappointment at being spared",
                any(DISAPPOINT) && any(SPARED | HARM),
            ),
        ];
        // "The heart is weaker than last year." + "I felt glad."
        let short_welcome = k > 0
            && cs[k] & (WELCOME | DISAPPOINT) != 0
            && views[k].len() <= 5
            && cs[k - 1] & (HARM | SPARED) != 0;
        let hit = short_welcome || readings.iter().any(|&(_, told)| told);
        if hit {
            let sev = if c & PRESSING != 0 {
                Severity::Now
            } else {
                Severity::Gentle
            };
            let f = found.get_or_insert(Finding {
                severity: sev,
                sentences: Vec::new(),
            });
            f.severity = f.severity.max(sev);
            for (j, v) in views.iter().enumerate().take(hi).skip(lo) {
                let key = v.key();
                if cs[j] != 0 && !f.sentences.contains(&key) {
                    f.sentences.push(key);
                }
            }
        }
    }
    // An entry that places its thoughts years back and says they are over
    // is read sentence by sentence only (asked only once something is
    // found, since it reads every word).
    if found.is_some()
        && views.iter().any(|v| resolved_past(v) || long_ago(v))
        && views.iter().any(over)
    {
        return None;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rules alone (the learned layer has its own tests in `model.rs`).
    fn fires(text: &str) -> bool {
        rules(&sentences(text)).is_some()
    }

    /// A word whose last two bytes fall inside a multi-byte character is
    /// read, not sliced: "7ñ7" once panicked the detector.
    #[test]
    fn ordinal_reads_bytes_not_chars() {
        assert!(ordinal("7th") && ordinal("21st") && ordinal("3rd"));
        assert!(!ordinal("7ñ7") && !ordinal("1ñ") && !ordinal("7ñth") && !ordinal("12ñ"));
        assert!(!fires("On the 7ñ7 I went for a walk."));
    }

    /// Round eight: sentences that say nothing alone, read together. Each
    /// of these was written after the rules and missed by round seven.
    #[test]
    fn an_entry_is_read_as_a_whole() {
        for text in [
            // a place, a time and a settled mind
            "Saturday. The old viaduct past the allotments. I'll go before it gets light.",
            // a means and attention kept on it
            "The shotgun is in the loft. I keep going up there to look at it.",
            // errands and a world after them
            "Made sure the dog will go to my sister. Wrote the passwords down for her. \
             Nobody will have to sort anything out after.",
            // messages for each of one's people
            "Wrote letters to each of my children and left them in the hall drawer.",
            // others better off without the writer
            "Everyone at home would manage perfectly well without me.",
            // a settled mind and no future
            "I won't see my fortieth birthday. I've decided.",
            // finding out how, and hiding it
            "Spent the night reading which way hurts least. Cleared my search history after.",
        ] {
            assert!(fires(text), "should raise the note: {text}");
        }
    }

    /// The same shapes in everyday life stay quiet.
    #[test]
    fn the_same_shapes_in_everyday_life_stay_quiet() {
        for text in [
            "Booked a hotel for the 9th. Single night, no breakfast. Easier for the wedding.",
            "I've worked it out. The train, the timing, the bus connection so I'm home by six.",
            "Updated my will after the baby arrived, and sorted the life insurance. Feels grown-up.",
            "Cancelled the gym and deleted my socials for Lent. Already feel calmer.",
            "Gave my guitar to my nephew today. He's been begging for months and I never play it.",
            "Relieved the biopsy came back clear. Celebrated with cake.",
            "I just want to sleep for a whole weekend and not come back to my inbox.",
            "The rope in the garage is for the boat. Need to check it before Saturday.",
            "Stood at the edge of the cliff and took photos of the puffins.",
            "The kids would get over it if we skipped the theme park this year.",
            "I'm going to make sure it works this time, I've reread the recipe three times.",
            "Tonight feels like the night. House is quiet, phone's off, and I'm ready to go to bed early.",
            "Wrote birthday cards to each of the kids in my class. Thirty of them!",
            "Bought the charcoal and the sausages. Barbecue at ours on Saturday.",
            "Said goodbye to Mum at the airport without crying. Nobody knows how hard that was.",
            "I hope you heal. It took me a while to realise what she meant.",
            "When I think of the river my breathing changes. I'm going to lose my job, I think.",
            // Attention on a person, not on the lake named beside them.
            "I kept thinking of my father and the lake where he taught me to swim. \
             Something softened on Thursday.",
        ] {
            assert!(!fires(text), "should stay quiet: {text}");
        }
    }

    #[test]
    fn a_means_named_then_used_by_it_in_the_next_sentence() {
        assert!(fires(
            "The pistol is still in the wardrobe. I have been thinking of using it on myself."
        ));
        assert!(fires(
            "The drawer is where I keep the pills. I keep thinking about taking all of them."
        ));
        // Nothing carried when the means was a kitchen's or a story's.
        assert!(!fires(
            "I sharpened the knife for the roast. I keep thinking about it."
        ));
        assert!(!fires(
            "The bridge was lovely at dusk. We want to jump in the lake tomorrow."
        ));
    }

    #[test]
    fn a_screening_question_answered_no_is_no_disclosure() {
        assert!(!fires(
            "GP asked the usual: any thoughts of self-harm, any plans to end your life. No and no."
        ));
        assert!(!fires("Any thoughts of suicide? No."));
        assert!(!fires(
            "Psychiatrist check-in: no suicidal thoughts, no self-harm, sleeping better."
        ));
        assert!(!fires(
            "My brother, who died by suicide in 2019, looked okay in the session."
        ));
        assert!(fires(
            "She asked if I had thoughts of suicide and I said yes, lately."
        ));
    }

    // The examples the phrase list this detector replaced was tested with:
    // everything it caught is still caught, and what it let pass still passes.
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
            assert!(fires(text), "should trigger: {text:?}");
        }
    }

    #[test]
    fn does_not_trigger_on_everyday_language() {
        for text in MUST_NOT_TRIGGER {
            assert!(!fires(text), "should not trigger: {text:?}");
        }
    }

    #[test]
    fn a_guard_only_cancels_what_it_overlaps() {
        assert!(fires(
            "We watched Suicide Squad and afterwards I thought about suicide."
        ));
        assert!(fires(
            "Suicide prevention training at work today. I've been thinking about ending my life."
        ));
        assert!(fires(
            "I was killing myself laughing at first, but later I wanted to kill myself."
        ));
        assert!(fires("I cut myself some slack. Then I cut myself."));
    }

    #[test]
    fn phrases_need_word_boundaries() {
        assert!(!fires("suicidesquad"));
        assert!(!fires("antisuicidal"));
        assert!(!fires("I want to dieselpunk"));
        assert!(fires("suicide."));
        assert!(fires("(self-harm)"));
    }

    /// Ordinary KAP journal prose (`tests/fixtures/safety/ordinary-kap.txt`)
    /// the rules once read as risk, one shape at a time, each beside
    /// sentences of the same shape that must still raise the note.
    #[test]
    fn quiet_on_kap_intentions_loud_on_the_same_shape_of_risk() {
        let quiet = [
            // hurting myself by or with an everyday means
            "I want to stop hurting myself by overworking until my body gives out.",
            "I want to stop hurting myself with the same thoughts on repeat at 3am.",
            // punishing myself for a reason, no means
            "My intention is to stop punishing myself for the divorce.",
            "I think I've been punishing myself for surviving when others didn't.",
            // dying to an old self
            "I want to die to the old patterns of hiding, and wake up a bit more honest.",
            "I want to die to my ego a little.",
            "I want to die to who I was.",
            // a manner of living
            "I want to stop living as if I'm waiting for permission.",
            // a feeling wished gone
            "I want the feeling of being a fraud at work to be gone.",
            "I want this anxiety to be gone so badly.",
            // can't go on like this in one part of life
            "I can't go on like this at work. I'm going to talk to HR on Monday.",
            "I can't go on like this in my job.",
            // exhaustion, holding it together
            "I used to think exhaustion meant I was weak.",
            "I'm exhausted from holding it together for everyone.",
            // a soothing act that helped
            "It was a lot. Too much at one point. I squeezed Anna's hand and it helped.",
            // a knot to cut
            "My relationship with my mother is a knot I keep trying to cut.",
            // done with a stretch of time
            "I'm so done with this week. Done done. Bath, bed, book.",
        ];
        for q in quiet {
            assert!(!fires(q), "raised on ordinary prose: {q}");
        }
        let loud = [
            "I want to stop hurting myself by cutting.",
            "I keep hurting myself with a razor.",
            "I've been hurting myself by not eating.",
            "I keep hurting myself with my lighter.",
            "I hurt myself with a belt again last night.",
            "I've been hurting myself with a compass.",
            "I keep hurting myself by slamming my hand in the door.",
            "I keep punishing myself by cutting my arms.",
            "I want to die, not the old me, me.",
            "I want to die to be honest.",
            "I want to die tonight.",
            "I want to stop living.",
            "I want to stop living like this.",
            "I want to be gone.",
            "I want everything to be gone, me included.",
            "I can't go on like this anymore.",
            "I can't go on like this in this world.",
            "I'm so done with life. Done done.",
            "I'm done. I mean done done.",
            "I keep staring at the exhaust pipe and the hose in the garage.",
            "I pressed the lighter to my wrist and it helped.",
            "I want to cut myself again.",
        ];
        for l in loud {
            assert!(fires(l), "quiet on risk: {l}");
        }
    }
}
