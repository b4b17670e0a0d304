//! Noticing when an entry weighs a big life decision ("I'm going to quit my
//! job", "thinking of moving to Lisbon", "I want to leave him"), so that kapj
//! can add one calm line after saving and keep the sentence for review.
//!
//! Like the safety detector (whose first layer, the normaliser, it shares),
//! it reads structure, not phrases. A sentence weighs a decision when it holds
//! a life-decision *act* (a verb with the kind of object that makes it big:
//! quitting a job, leaving a partner, moving to a city, selling a home, a
//! large purchase, ending a friendship, stopping a medication, dropping out,
//! retiring) that is governed by a first-person *frame* of intent, desire,
//! plan or decision ("going to", "want to", "thinking of", "planning",
//! "considering", "ready to", "decided", "might", "should I") with a few
//! words allowed in between, or is said in the first-person present ("I'm
//! leaving my job"). Then context cancels: someone else as subject ("my
//! friend is quitting"), a negation ("I'm not going to quit"), a decision in
//! the past ("last year I decided to move"), a dream, or a question someone
//! else asked. Trivial objects never make an act: "quit sugar", "move my
//! body", "leave the window open", "buy flowers".
//!
//! When in doubt it stays quiet: a missed decision costs one line the person
//! might have found useful, a wrong one interrupts them for nothing.
//!
//! How well it does is measured on `tests/fixtures/decisions/` (a development
//! set and a held-out set written before the rules).

use super::safety::normalise::{sentences, Token, BREAK};

/// The first sentence of `text` that weighs a big decision, as written
/// (white space folded, at most [`SENTENCE_CHARS`] characters).
pub fn first_decision(text: &str) -> Option<String> {
    raw_sentences(text)
        .into_iter()
        .find(|raw| sentences(raw).iter().any(|s| weighs(s)))
        .map(|raw| {
            let folded = raw.split_whitespace().collect::<Vec<_>>().join(" ");
            crate::text::first_line_chars(&folded, SENTENCE_CHARS)
        })
}

/// Whether a text holds such a sentence.
pub fn speaks_of_decision(text: &str) -> bool {
    sentences(text).iter().any(|s| weighs(s))
}

/// The longest sentence kept, in characters (longer ones end in "…").
pub const SENTENCE_CHARS: usize = 240;

/// Splits text at the ends of sentences (., !, ?, ;, … and blank lines),
/// keeping each sentence as written.
fn raw_sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < bytes.len() {
        let (i, c) = bytes[k];
        let cut = if matches!(c, '.' | '!' | '?' | ';' | '…') {
            // Closing quotes and brackets belong to the sentence they end.
            let mut end = i + c.len_utf8();
            while k + 1 < bytes.len() && matches!(bytes[k + 1].1, '"' | '”' | '\'' | '’' | ')')
            {
                k += 1;
                end = bytes[k].0 + bytes[k].1.len_utf8();
            }
            Some(end)
        } else if c == '\n'
            && text[i + 1..]
                .trim_start_matches([' ', '\t'])
                .starts_with('\n')
        {
            Some(i)
        } else {
            None
        };
        if let Some(end) = cut {
            let s = text[start..end].trim();
            if s.chars().any(char::is_alphanumeric) {
                out.push(s);
            }
            start = end;
        }
        k += 1;
    }
    let s = text[start..].trim();
    if s.chars().any(char::is_alphanumeric) {
        out.push(s);
    }
    out
}

// ---------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------

/// What may stand between a verb and its object: "quit *my whole* job".
const DETS: &[&str] = &[
    "the",
    "my",
    "our",
    "a",
    "an",
    "this",
    "that",
    "current",
    "whole",
    "entire",
    "own",
    "new",
    "big",
    "old",
    "stupid",
    "damn",
    "full",
    "fulltime",
    "day",
    "little",
    "shitty",
    "toxic",
    "corporate",
    "second",
];

/// Work and study: what quitting or leaving makes a life decision.
const JOB: &[&str] = &[
    "job",
    "work",
    "career",
    "company",
    "firm",
    "employer",
    "position",
    "role",
    "post",
    "business",
    "practice",
    "team",
    "band",
    "teaching",
    "nursing",
    "law",
    "medicine",
    "academia",
    "school",
    "university",
    "uni",
    "college",
    "course",
    "degree",
    "phd",
    "masters",
    "programme",
    "program",
    "studies",
    "apprenticeship",
    "training",
    "church",
    "army",
    "military",
    "agency",
    "startup",
    "restaurant",
    "profession",
    "industry",
    "residency",
    "internship",
];

/// A partner or the relationship itself.
const PARTNER: &[&str] = &[
    "husband",
    "wife",
    "partner",
    "boyfriend",
    "girlfriend",
    "spouse",
    "fiance",
    "fiancee",
    "bf",
    "gf",
    "marriage",
    "relationship",
    "him",
    "her",
    "hubby",
];

/// The people a friendship or a family tie is with.
const PERSON: &[&str] = &[
    "mother",
    "mum",
    "mom",
    "father",
    "dad",
    "brother",
    "sister",
    "friend",
    "friends",
    "family",
    "parents",
    "sibling",
    "siblings",
    "them",
    "cousin",
    "aunt",
    "uncle",
    "bestie",
    "therapist",
    "psychiatrist",
    "counsellor",
    "counselor",
];

/// What a move goes to: "move to the coast", "leave this city".
const PLACE: &[&str] = &[
    "city",
    "country",
    "town",
    "village",
    "area",
    "state",
    "coast",
    "countryside",
    "mountains",
    "island",
    "north",
    "south",
    "east",
    "west",
    "seaside",
    "sea",
    "uk",
    "us",
    "usa",
    "states",
    "capital",
    "suburbs",
];

/// What selling makes a life decision.
const PROPERTY: &[&str] = &[
    "house",
    "home",
    "flat",
    "apartment",
    "condo",
    "property",
    "place",
    "car",
    "business",
    "company",
    "boat",
    "land",
    "farm",
    "cottage",
    "van",
    "campervan",
    "camper",
    "motorhome",
    "everything",
    "shop",
];

/// A large purchase.
const PURCHASE: &[&str] = &[
    "house",
    "home",
    "flat",
    "apartment",
    "condo",
    "property",
    "car",
    "boat",
    "van",
    "campervan",
    "camper",
    "motorhome",
    "land",
    "farm",
    "cottage",
    "business",
];

/// Medications (names and kinds) that stopping is a decision about.
const MEDS: &[&str] = &[
    "meds",
    "medication",
    "medications",
    "antidepressants",
    "antidepressant",
    "depressants",
    "ssri",
    "ssris",
    "snri",
    "lithium",
    "sertraline",
    "zoloft",
    "fluoxetine",
    "prozac",
    "citalopram",
    "escitalopram",
    "lexapro",
    "celexa",
    "paroxetine",
    "paxil",
    "venlafaxine",
    "effexor",
    "duloxetine",
    "cymbalta",
    "bupropion",
    "wellbutrin",
    "mirtazapine",
    "quetiapine",
    "seroquel",
    "lamotrigine",
    "lamictal",
    "aripiprazole",
    "abilify",
    "olanzapine",
    "risperidone",
    "pills",
    "tablets",
    "benzos",
    "xanax",
    "clonazepam",
    "lorazepam",
    "diazepam",
    "valium",
    "adderall",
    "ritalin",
    "vyvanse",
    "methylphenidate",
    "gabapentin",
    "pregabalin",
    "trazodone",
    "stabilisers",
    "stabilizers",
    "antipsychotics",
    "antipsychotic",
];

/// People and places of work: "tell my manager I'm leaving" leaves the job.
const WORKPLACE: &[&str] = &["boss", "manager", "employer", "hr", "office", "colleagues"];

/// Words that turn a frame down.
const NEG: &[&str] = &[
    "not", "never", "dont", "doesnt", "didnt", "wont", "cant", "cannot", "couldnt", "wouldnt",
    "shouldnt", "isnt", "arent", "wasnt", "werent", "havent", "hasnt", "no", "nolonger", "nobody",
    "nomore",
];

/// What may stand between a frame and its subject: "I *have been* thinking".
const SKIP: &[&str] = &[
    "am",
    "are",
    "is",
    "was",
    "were",
    "have",
    "has",
    "had",
    "been",
    "be",
    "will",
    "would",
    "do",
    "does",
    "did",
    "also",
    "still",
    "now",
    "finally",
    "keep",
    "kept",
    "always",
    "often",
    "think",
    "guess",
    "maybe",
    "probably",
    "definitely",
    "starting",
    "started",
    "beginning",
    "getting",
    "increasingly",
    "more",
    "then",
    "so",
    "already",
    "too",
    "kind",
    "sort",
    "of",
    "quite",
    "very",
    "almost",
    "secretly",
    "half",
    "stop",
];

/// Words before "to" that make a frame: "going to", "ready to".
const TO_FRAMES: &[&str] = &[
    "going",
    "want",
    "wants",
    "wanting",
    "planning",
    "plan",
    "plans",
    "planned",
    "ready",
    "decided",
    "decide",
    "deciding",
    "decision",
    "tempted",
    "about",
    "time",
    "need",
    "needs",
    "hoping",
    "hope",
    "intend",
    "intending",
    "determined",
    "mean",
    "aim",
    "aiming",
    "longing",
    "trying",
    "itching",
    "dying",
    "preparing",
    "prepared",
    "close",
    "whether",
];

/// Frames of one word: "I *might* quit", "*considering* a divorce".
const ONE_WORD_FRAMES: &[&str] = &[
    "might",
    "may",
    "will",
    "should",
    "could",
    "considering",
    "contemplating",
    "want",
    "wants",
    "weighing",
    "decided",
];

// ---------------------------------------------------------------------------
// The rules
// ---------------------------------------------------------------------------

/// One sentence of normalised words.
struct View<'a> {
    toks: &'a [Token],
}

impl View<'_> {
    fn len(&self) -> usize {
        self.toks.len()
    }
    /// The word at `i`, or "" past either end.
    fn w(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.word.as_str())
    }
    fn is(&self, i: usize, set: &[&str]) -> bool {
        set.contains(&self.w(i))
    }
    /// A name or a place: capitalised mid-sentence ("leave London").
    fn named(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.title && !t.quoted && t.word != BREAK)
    }
    fn end(&self, i: usize) -> bool {
        i >= self.len() || self.w(i) == BREAK
    }
    /// The first word at or after `i` that is not a determiner.
    fn object(&self, i: usize) -> usize {
        let mut k = i;
        while k < self.len() && self.is(k, DETS) {
            k += 1;
        }
        k
    }
    /// Whether one of `set` comes within `n` words after `i`, in the clause.
    fn within(&self, i: usize, n: usize, set: &[&str]) -> bool {
        (i..(i + n).min(self.len()))
            .take_while(|&k| self.w(k) != BREAK)
            .any(|k| self.is(k, set))
    }
}

/// How an act may be governed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Needs a frame or the first-person present.
    Plain,
    /// "leave" with no object: only a decision with a decision frame.
    Bare,
    /// "I can't be friends with her anymore": carries its own negation.
    Ending,
}

/// Whether a sentence weighs a big decision.
fn weighs(toks: &[Token]) -> bool {
    let s = View { toks };
    if cancelled(&s) {
        return false;
    }
    (0..s.len()).any(|i| {
        act_at(&s, i).is_some_and(|(start, kind)| {
            !toks[i].quoted && governed(&s, start, kind) && !reported(&s, start)
        })
    })
}

/// A decision in the past, or a dream.
fn cancelled(s: &View) -> bool {
    (0..s.len()).any(|i| match s.w(i) {
        "ago" | "dreamt" | "dreamed" | "dreaming" => true,
        "last" => s.is(
            i + 1,
            &[
                "year", "week", "month", "summer", "spring", "autumn", "fall", "winter", "night",
                "time",
            ],
        ),
        "used" => s.w(i + 1) == "to",
        "dream" => i > 0 && s.is(i - 1, &["a", "my", "the"]),
        _ => false,
    })
}

/// "My therapist asked whether I want to change jobs": someone else's
/// question or words, before the writer's own.
fn reported(s: &View, start: usize) -> bool {
    (1..start).any(|k| {
        s.is(
            k,
            &[
                "asked",
                "asks",
                "asking",
                "suggested",
                "suggests",
                "said",
                "says",
                "told",
                "tells",
            ],
        ) && !s.is(k - 1, &["i", "we"])
    }) || (start > 0 && s.w(0) == "if")
}

/// A life-decision act starting at `i`: where its governing frame is looked
/// for from, and how it may be governed.
fn act_at(s: &View, i: usize) -> Option<(usize, Kind)> {
    let w = s.w(i);
    let next = s.w(i + 1);
    let plain = Some((i, Kind::Plain));
    match w {
        "resign" | "resigning" | "emigrate" | "emigrating" | "relocate" | "relocating"
        | "retire" | "retiring" => plain,
        "retirement" if i > 0 && s.is(i - 1, &["early"]) => plain,
        "quit" | "quitting" => {
            let k = s.object(i + 1);
            let bare = s.end(i + 1)
                || s.is(
                    i + 1,
                    &[
                        "and",
                        "tomorrow",
                        "today",
                        "soon",
                        "now",
                        "next",
                        "at",
                        "on",
                        "in",
                        "before",
                        "after",
                        "when",
                        "by",
                        "once",
                        "completely",
                        "altogether",
                        "forever",
                        "anyway",
                    ],
                );
            (s.is(k, JOB) || s.within(i + 1, 4, MEDS) || bare).then_some((i, Kind::Plain))
        }
        "leave" | "leaving" => {
            if s.is(i + 1, &["him", "her"]) && !s.is(i + 2, &["alone", "be", "a", "to"]) {
                return plain;
            }
            let k = s.object(i + 1);
            if s.is(k, JOB)
                || s.is(k, PARTNER)
                || s.is(k, PLACE)
                || s.w(k) == "everything"
                || (s.named(k) && k == i + 1)
            {
                return plain;
            }
            s.end(i + 1).then_some((i, Kind::Bare))
        }
        "move" | "moving" => {
            let ok = match next {
                "to" => {
                    let j = i + 2;
                    if s.named(j) {
                        true
                    } else if s.is(j, &["the", "a", "an", "another", "somewhere"]) {
                        let k = s.object(j);
                        s.is(k, PLACE) || s.w(j) == "somewhere" || s.w(k) == "different"
                    } else {
                        !s.end(j)
                            && !s.is(
                                j,
                                &[
                                    "my", "bed", "next", "other", "this", "that", "your", "his",
                                    "her", "their", "it", "each",
                                ],
                            )
                    }
                }
                "abroad" | "overseas" | "away" | "countries" | "cities" | "house" | "home"
                | "continents" => true,
                "out" => {
                    !(s.w(i + 2) == "of"
                        && s.is(i + 3, &["the", "my", "your"])
                        && s.is(i + 4, &["way", "body", "head", "comfort"]))
                }
                "back" => s.is(i + 2, &["home", "to", "in"]),
                "in" => s.w(i + 2) == "with",
                "on" => {
                    s.w(i + 2) == "from" && {
                        let k = s.object(i + 3);
                        s.is(k, JOB) || s.is(k, PARTNER) || s.named(k)
                    }
                }
                _ => false,
            };
            ok.then_some((i, Kind::Plain))
        }
        "sell" | "selling" => {
            let k = s.object(i + 1);
            let share = s.is(k, &["share", "stake", "half"])
                && s.is(k + 1, &["of", "in"])
                && s.is(s.object(k + 2), PROPERTY);
            (s.is(k, PROPERTY) || share || next == "up").then_some((i, Kind::Plain))
        }
        "put" | "putting" => {
            let k = s.object(i + 1);
            let market = s.is(k, PROPERTY)
                && ((s.w(k + 1) == "on" && s.w(k + 3) == "market")
                    || (s.w(k + 1) == "up" && s.w(k + 2) == "for" && s.w(k + 3) == "sale"));
            let notice =
                s.within(i + 1, 4, &["notice", "resignation"]) && !s.within(i + 1, 4, &["up"]);
            (market || notice).then_some((i, Kind::Plain))
        }
        "buy" | "buying" | "purchase" | "purchasing" => {
            s.is(s.object(i + 1), PURCHASE).then_some((i, Kind::Plain))
        }
        "deposit" | "mortgage" => {
            let k = s.object(i + 2);
            (w == "mortgage" || (next == "on" && s.is(k, PURCHASE))).then_some((i, Kind::Plain))
        }
        "spend" | "spending" | "blow" | "blowing" => s
            .within(i + 1, 3, &["savings", "inheritance", "pension"])
            .then_some((i, Kind::Plain)),
        "divorced" if i > 0 && s.is(i - 1, &["get", "getting"]) => Some((i - 1, Kind::Plain)),
        "divorce" | "divorcing" => {
            if i > 0 && s.w(i - 1) == "a" {
                // "a divorce": from the verb that asks for it, if there is one.
                let verb = i >= 2
                    && s.is(
                        i - 2,
                        &[
                            "get", "getting", "ask", "asking", "file", "filing", "seek", "seeking",
                        ],
                    );
                let start = if verb {
                    i - 2
                } else if i >= 3 && s.w(i - 2) == "for" {
                    i - 3
                } else {
                    i - 1
                };
                return Some((start, Kind::Plain));
            }
            let k = s.object(i + 1);
            (s.is(k, PARTNER) || s.named(i + 1)).then_some((i, Kind::Plain))
        }
        "break" | "breaking" | "split" | "splitting" => (next == "up"
            && (s.end(i + 2) || s.is(i + 2, &["with", "and", "soon", "now", "tonight"])))
        .then_some((i, Kind::Plain)),
        "separate" | "separating" => (s.end(i + 1)
            || next == "from" && {
                let k = s.object(i + 2);
                s.is(k, PARTNER) || s.named(k)
            })
        .then_some((i, Kind::Plain)),
        "end" | "ending" => {
            let k = s.object(i + 1);
            let ends = s.is(k, &["marriage", "relationship", "friendship", "engagement"])
                || (s.is(i + 1, &["things", "it"]) && s.w(i + 2) == "with");
            ends.then_some((i, Kind::Plain))
        }
        "stop" | "stopping" => {
            let people = s.is(i + 1, &["seeing", "talking", "speaking"]) && {
                let k = if s.w(i + 2) == "to" { i + 3 } else { i + 2 };
                let k = s.object(k);
                s.is(k, PERSON) || s.is(k, PARTNER) || s.named(k)
            };
            let meds = !s.is(i + 1, &["by", "at", "off"]) && s.within(i + 1, 6, MEDS);
            (people || meds).then_some((i, Kind::Plain))
        }
        "come" | "coming" | "get" | "getting" | "taper" | "tapering" | "wean" | "weaning"
            if next == "off" =>
        {
            s.within(i + 2, 4, MEDS).then_some((i, Kind::Plain))
        }
        "pull" | "pulling" if next == "out" && s.w(i + 2) == "of" && s.is(s.object(i + 3), JOB) => {
            plain
        }
        "take" | "taking" | "accept" | "accepting"
            if {
                let k = s.object(i + 1);
                s.is(k, &["job", "offer", "position", "role", "post"])
                    && (s.end(k + 1) || s.is(k + 1, &["in", "at", "abroad", "overseas", "offer"]))
            } =>
        {
            plain
        }
        "drop" | "dropping" => {
            (next == "out" || s.is(s.object(i + 1), JOB)).then_some((i, Kind::Plain))
        }
        // "get out of this marriage", "walk out of that job"
        "get" | "getting" | "walk" | "walking"
            if next == "out" && s.w(i + 2) == "of" && {
                let k = s.object(i + 3);
                s.is(k, JOB) || s.is(k, PARTNER) || s.is(k, PLACE)
            } =>
        {
            plain
        }
        // "give up my tenancy", "say goodbye to this career"
        "give" | "giving" | "say" | "saying"
            if (next == "up" || (next == "goodbye" && s.w(i + 2) == "to")) && {
                let k = s.object(if next == "up" { i + 2 } else { i + 3 });
                s.is(k, JOB)
                    || s.is(k, PROPERTY)
                    || s.is(k, PARTNER)
                    || s.is(k, PLACE)
                    || s.is(k, &["tenancy", "lease"])
            } =>
        {
            plain
        }
        "redundancy" if i > 0 && s.within(i.saturating_sub(3), 3, &["take", "taking"]) => {
            Some((i.saturating_sub(2), Kind::Plain))
        }
        "hand" | "handing" | "give" | "giving" | "submit" | "submitting" | "turn" | "turning" => {
            let notice = s.within(i + 1, 4, &["notice", "resignation"])
                || (1..4).any(|d| s.w(i + d) == "two" && s.w(i + d + 1) == "weeks");
            notice.then_some((i, Kind::Plain))
        }
        "cut" | "cutting" => {
            let k = if next == "off" { s.object(i + 2) } else { 0 };
            let ties = next == "ties";
            let off = next == "off" && (s.is(k, PERSON) || s.is(k, PARTNER) || s.named(k));
            let around = (s.is(s.object(i + 1), PERSON) || s.named(i + 1))
                && s.within(i + 1, 4, &["off", "out"]);
            (ties || off || around).then_some((i, Kind::Plain))
        }
        "walk" | "walking" => (next == "away" && s.w(i + 2) == "from" && {
            let k = s.object(i + 3);
            s.is(k, JOB)
                || s.is(k, PARTNER)
                || s.is(k, PERSON)
                || s.is(k, &["friendship", "engagement"])
                || s.named(k)
        })
        .then_some((i, Kind::Plain)),
        "change" | "changing" | "switch" | "switching" => s
            .is(
                s.object(i + 1),
                &["jobs", "careers", "career", "job", "profession", "fields"],
            )
            .then_some((i, Kind::Plain)),
        // "telling him it's over"
        "telling" | "tell"
            if (s.is(i + 1, PARTNER) || s.named(i + 1))
                && s.w(i + 2) == "its"
                && s.w(i + 3) == "over" =>
        {
            plain
        }
        "out" if i > 0 && s.is(i - 1, &["want", "wants"]) => {
            let ok = s.end(i + 1)
                || (next == "of" && {
                    let k = s.object(i + 2);
                    s.is(k, JOB) || s.is(k, PARTNER)
                });
            ok.then_some((i, Kind::Plain))
        }
        "be" if next == "friends" && s.w(i + 2) == "with" && i > 0 && s.is(i - 1, NEG) => {
            Some((i - 1, Kind::Ending))
        }
        _ => None,
    }
}

/// Who a frame at `start` belongs to: the writer (or no one named, as in a
/// diary's "Thinking of moving."), or someone else.
fn writer_at(s: &View, start: usize) -> Option<usize> {
    let mut k = start;
    while k > 0 {
        k -= 1;
        let w = s.w(k);
        if w == BREAK {
            return Some(k + 1);
        }
        if SKIP.contains(&w) || NEG.contains(&w) {
            continue;
        }
        if matches!(w, "i" | "we" | "weve" | "me" | "myself") {
            return Some(k);
        }
        return None;
    }
    Some(0)
}

/// Where a frame that ends at `f` starts, and whether it is a decision
/// already taken ("decided", "made up my mind").
fn frame_ending_at(s: &View, f: usize) -> Option<(usize, bool)> {
    let w = s.w(f);
    let before = if f > 0 { s.w(f - 1) } else { "" };
    if w == "to" && f > 0 {
        if TO_FRAMES.contains(&before) {
            let decided = matches!(before, "decided" | "decision");
            // "made the decision to": the writer made it.
            if before == "decision" && f >= 3 && s.is(f - 2, &["the", "a", "my"]) {
                return Some((f - 3, true));
            }
            return Some((f - 1, decided));
        }
        // "my plan is to"
        if before == "is" && f >= 2 && s.is(f - 2, &["plan", "decision", "intention", "goal"]) {
            let start = if f >= 3 && s.w(f - 3) == "my" {
                f - 3
            } else {
                f - 2
            };
            return Some((start, s.w(f - 2) == "decision"));
        }
        return None;
    }
    if (matches!(w, "of" | "about" | "on")
        && matches!(before, "thinking" | "think" | "thought" | "planning"))
        || (w == "at" && before == "looking")
    {
        return Some((f - 1, false));
    }
    if w == "mind" && before == "my" && f >= 2 && s.w(f - 2) == "up" {
        return Some((f.saturating_sub(3), true));
    }
    if ONE_WORD_FRAMES.contains(&w) {
        return Some((f, w == "decided"));
    }
    None
}

/// How many words may stand between a frame and its act ("going to *tell
/// my boss I* quit").
const GAP: usize = 7;

fn governed(s: &View, start: usize, kind: Kind) -> bool {
    if kind == Kind::Ending {
        return writer_at(s, start).is_some();
    }
    // "I'm leaving my job": the first-person present.
    if kind == Kind::Plain && s.w(start).ends_with("ing") && start > 0 {
        let mut k = start - 1;
        while k > 0
            && s.is(
                k,
                &["now", "finally", "officially", "definitely", "probably"],
            )
        {
            k -= 1;
        }
        if (s.is(k, &["am", "are"]) && k > 0 && s.is(k - 1, &["i", "we"]))
            || s.w(k) == "were" && (k == 0 || s.w(k - 1) == BREAK)
        {
            return true;
        }
    }
    let lowest = start.saturating_sub(GAP + 1);
    let mut f = start;
    while f > lowest {
        f -= 1;
        if s.w(f) == BREAK {
            break;
        }
        let Some((frame, decided)) = frame_ending_at(s, f) else {
            continue;
        };
        if kind == Kind::Bare && !decided && !s.within(0, s.len(), WORKPLACE) {
            continue;
        }
        // "it's time to": no one else is its subject.
        let subject =
            if (s.w(f.saturating_sub(1)) == "time" && s.w(f) == "to") || s.w(frame) == "my" {
                Some(frame)
            } else {
                writer_at(s, frame)
            };
        let Some(subject) = subject else {
            return false;
        };
        // "I don't think I'm ready to": a negation of the thought before.
        let doubted = subject >= 2
            && s.is(subject - 1, &["think", "know", "believe", "sure", "feel"])
            && (subject.saturating_sub(4)..subject - 1).any(|k| s.is(k, NEG));
        // "I can't stop thinking about": not a negation.
        let negated =
            (subject..start).any(|k| s.is(k, NEG) && !s.is(k + 1, &["stop", "help", "wait"]));
        return !doubted && !negated;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decisions_and_what_is_not_one() {
        for yes in [
            "I'm going to quit my job.",
            "I want to leave him.",
            "thinking of moving to Lisbon",
            "I'm leaving my job, I've decided.",
            "Should I quit my job? I don't know.",
            "I want a divorce.",
        ] {
            assert!(speaks_of_decision(yes), "{yes}");
        }
        for no in [
            "my friend quit her job",
            "I quit sugar for Lent",
            "I'm not going to quit.",
            "Last year I decided to quit my job.",
            "I want to move my body more.",
            "I want to end things.",
        ] {
            assert!(!speaks_of_decision(no), "{no}");
        }
    }

    #[test]
    fn the_sentence_is_kept_as_written() {
        let text = "Slept badly.\nWoke at four.  I think I'm going\nto quit my job! Then tea.";
        assert_eq!(
            first_decision(text).as_deref(),
            Some("I think I'm going to quit my job!")
        );
        assert_eq!(first_decision("Nothing here. Just rain."), None);
    }
}
