//! Layer 2: what each word can mean to the detector, by stem.
//!
//! Words are listed as people write them; each list is stemmed (Porter2,
//! the stemmer themes use) when the table is built, and each word of an
//! entry is stemmed the same way, so "wanted", "wanting" and "wants" all
//! meet "want", and "overdosing" meets "overdose". A word can carry several
//! tags ("trip" is both an accident and the journey); the rules in
//! `detect.rs` decide what a combination means.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::themes::stem::stem;

pub type Tags = u64;

macro_rules! tags {
    ($($name:ident = $bit:expr;)*) => { $(pub const $name: Tags = 1 << $bit;)* };
}

tags! {
    FP = 0;          // the writer: I, me, my
    REFL = 1;        // myself
    THIRD = 2;       // someone else as subject: he, she, they, we
    KIN = 3;         // someone else named by role: my friend, my dad
    DESIRE = 4;      // want, wish, hope, long, urge
    THINK = 5;       // think, imagine, picture, consider
    INTENT = 6;      // plan, decide, intend, ready
    TIME = 7;        // tonight, tomorrow, Friday, this weekend
    RECENT = 8;      // yesterday, last night, earlier
    DIE = 9;         // die, dead, death
    KILL = 10;       // kill, unalive, off, end (oneself)
    LIFE = 11;       // life, live, alive, exist
    SUIC = 12;       // suicide, suicidal
    SH = 13;         // self-harm
    NEG = 14;        // not, never, don't
    BETTER = 15;     // better off, happier, easier, relieved
    PILLS = 16;      // pills, meds, tablets
    PLACE = 17;      // bridge, roof, cliff, ledge
    VEHICLE = 18;    // train, bus, truck, traffic
    WATER = 19;      // river, sea, lake
    WEAPON = 20;     // gun, pistol
    BLADE = 21;      // blade, razor, knife
    ROPE = 22;       // rope, noose
    GAS = 23;        // carbon monoxide, exhaust, helium
    JUMP = 24;       // jump, leap
    MOVE = 25;       // throw, step, walk, drive, crash, swerve
    OD = 26;         // overdose
    HANG = 27;       // hang, hung
    DROWN = 28;      // drown
    CUT = 29;        // self-injury verbs: cut, burn, scratch, hit
    STRONGCUT = 30;  // those that mean injury even with no object: cut, carve, slash, burn
    BODY = 31;       // wrist, arm, thigh, skin
    HANDY = 32;      // body parts hurt by accident all the time: finger, hand, knee
    ONPURPOSE = 33;  // on purpose, deliberately, relapsed
    ACCIDENT = 34;   // slipped, slicing, on the stove, at the gym
    MEDIA = 35;      // song, film, book, watched, lyrics
    REPORT = 36;     // training, article, news, prevention, screening
    JOURNEY = 37;    // ego death, reborn, dissolving, the medicine
    RESEARCH = 38;   // googled, looked up, searched
    BUY = 39;        // bought, ordered
    NOTE = 40;       // note, letter
    CARE = 41;       // care, notice, miss, matter
    WAKE = 42;       // wake up
    SLEEP = 43;      // sleep
    VANISH = 44;     // disappear, vanish, cease
    FOREVER = 45;    // forever, for good, anymore, permanently
    POINT = 46;      // point, reason, purpose
    ATTEMPT = 47;    // attempt, tried
    STOCK = 48;      // stockpile, hoard, save up
    SHOOT = 49;      // shoot
    POISON = 50;     // poison, bleach
    TALK = 51;       // talked, discussed, learned: reported process
    BLEED = 52;      // bleed, blood
    IDIOM = 53;      // "of" what: embarrassment, laughter, boredom
    BURDEN = 54;     // burden
    SETTING = 55;    // the session, the journey, the medicine
    VULN = 56;       // where self-injury, not accident, is likely: wrists, thighs
}

/// Where each tag comes from. Surface forms; stemmed when the table is built.
const LISTS: &[(Tags, &[&str])] = &[
    (FP, &["i", "me", "my", "myself", "mine"]),
    (REFL, &["myself"]),
    (
        THIRD,
        &[
            "he",
            "she",
            "they",
            "him",
            "her",
            "them",
            "his",
            "hers",
            "their",
            "theirs",
            "hes",
            "shes",
            "theyre",
            "theyd",
            "theyll",
            "himself",
            "herself",
            "themselves",
            "we",
            "us",
            "our",
            "someone",
            "somebody",
            "people",
            "yourself",
        ],
    ),
    (
        KIN,
        &[
            "friend",
            "brother",
            "sister",
            "mom",
            "mum",
            "mother",
            "dad",
            "father",
            "uncle",
            "aunt",
            "cousin",
            "client",
            "patient",
            "partner",
            "husband",
            "wife",
            "son",
            "daughter",
            "grandfather",
            "grandmother",
            "grandma",
            "grandpa",
            "grandad",
            "gran",
            "granny",
            "nana",
            "auntie",
            "granddad",
            "nan",
            "colleague",
            "coworker",
            "boss",
            "neighbor",
            "neighbour",
            "roommate",
            "flatmate",
            "teacher",
            "character",
            "author",
            "singer",
            "man",
            "woman",
            "guy",
            "girl",
            "kid",
            "boy",
            "teen",
            "student",
            "celebrity",
            "actor",
            "nephew",
            "niece",
            "boyfriend",
            "girlfriend",
            "fiance",
            "fiancee",
            "therapist",
            "nurse",
            "doctor",
            "dog",
            "cat",
            "protagonist",
            "narrator",
            "classmate",
            "cousins",
            "parents",
            "sibling",
            "stepdad",
            "stepmom",
            "caller",
            "callers",
            "clients",
            "patients",
            "member",
            "user",
            "poster",
            "stranger",
            "speaker",
            "presenter",
            "guest",
            "lecturer",
            "survivor",
            "person",
            "guide",
            "sitter",
            "facilitator",
            "counsellor",
            "counselor",
            "psychiatrist",
            "consultant",
            "employee",
            "employees",
            "pupil",
            "pupils",
            "resident",
            "writer",
            "poet",
            "musician",
            "artist",
            "teenager",
            "veteran",
            "soldier",
            "coach",
            "pastor",
            "priest",
            "counsellor",
            "counselor",
            "psychiatrist",
            "politician",
            "comedian",
            "rapper",
            "influencer",
            "youtuber",
            "streamer",
            "footballer",
            "player",
            "athlete",
            "kids",
            "children",
            "students",
            "volunteers",
        ],
    ),
    (
        DESIRE,
        &[
            "want",
            "wanted",
            "wanting",
            "wish",
            "wished",
            "hope",
            "hoping",
            "pray",
            "prayed",
            "rather",
            "long",
            "longing",
            "crave",
            "craving",
            "yearn",
            "urge",
            "urges",
            "tempt",
            "tempted",
            "temptation",
            "desire",
            "need",
            "prefer",
            "ready",
        ],
    ),
    (
        THINK,
        &[
            "think",
            "thinking",
            "thought",
            "thoughts",
            "consider",
            "considered",
            "contemplate",
            "contemplating",
            "imagine",
            "imagined",
            "picture",
            "pictured",
            "fantasize",
            "fantasise",
            "fantasizing",
            "fantasising",
            "dream",
            "dreamed",
            "dreamt",
            "daydream",
            "obsess",
            "obsessing",
            "ruminate",
            "wonder",
            "wondered",
            "idea",
            "ideation",
            "plan",
        ],
    ),
    (
        INTENT,
        &[
            "plan",
            "planned",
            "planning",
            "intend",
            "intended",
            "intention",
            "decide",
            "decided",
            "decision",
            "determined",
            "ready",
            "prepared",
            "preparing",
            "method",
            "methods",
        ],
    ),
    (
        TIME,
        &[
            "tonight",
            "tomorrow",
            "weekend",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "soon",
            "date",
            "deadline",
            "birthday",
            "christmas",
            "anniversary",
            "weekday",
        ],
    ),
    (
        RECENT,
        &[
            "yesterday",
            "tonight",
            "today",
            "recently",
            "earlier",
            "again",
            "weekend",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ],
    ),
    (DIE, &["die", "died", "dying", "dies", "dead", "death"]),
    (
        KILL,
        &[
            "kill", "killed", "killing", "unalive", "murder", "off", "delete", "erase", "end",
            "ended", "ending", "destroy",
        ],
    ),
    (
        LIFE,
        &[
            "life",
            "live",
            "lived",
            "living",
            "alive",
            "exist",
            "existing",
            "existence",
            "breathe",
            "breathing",
            "lives",
        ],
    ),
    (
        SUIC,
        &[
            "suicide",
            "suicidal",
            "suicidality",
            "suicides",
            "suicidally",
            "unalive",
        ],
    ),
    (SH, &["selfharm"]),
    (
        NEG,
        &[
            "not", "no", "never", "dont", "didnt", "doesnt", "cant", "couldnt", "wont", "wouldnt",
            "isnt", "wasnt", "arent", "werent", "nolonger", "nobody", "nothing", "hardly",
            "barely", "without",
        ],
    ),
    (
        BETTER,
        &[
            "betteroff",
            "better",
            "happier",
            "easier",
            "lighter",
            "relieved",
            "relief",
            "calmer",
            "freer",
            "simpler",
            "quieter",
        ],
    ),
    (
        PILLS,
        &[
            "pill",
            "pills",
            "meds",
            "medication",
            "medications",
            "medicine",
            "tablets",
            "tablet",
            "bottle",
            "paracetamol",
            "tylenol",
            "acetaminophen",
            "ibuprofen",
            "insulin",
            "benzos",
            "xanax",
            "oxy",
            "oxycodone",
            "opioids",
            "antidepressants",
            "sertraline",
            "prescription",
            "painkillers",
            "lithium",
            "klonopin",
            "valium",
            "ambien",
            "zopiclone",
            "seroquel",
        ],
    ),
    (
        PLACE,
        &[
            "bridge", "roof", "rooftop", "cliff", "cliffs", "ledge", "balcony", "window",
            "building", "overpass", "tower", "highrise", "edge", "railing", "platform", "tracks",
            "height", "heights", "storey", "floor", "carpark", "garage", "viaduct", "pier",
            "quarry", "dam", "gorge", "crane", "jetty",
        ],
    ),
    (
        VEHICLE,
        &[
            "train", "bus", "truck", "lorry", "car", "traffic", "subway", "tube", "tram", "semi",
            "oncoming",
        ],
    ),
    (
        WATER,
        &["river", "sea", "ocean", "lake", "water", "waves", "tide"],
    ),
    (
        WEAPON,
        &[
            "gun", "guns", "pistol", "rifle", "firearm", "bullet", "shotgun", "revolver", "handgun",
        ],
    ),
    (
        BLADE,
        &[
            "blade",
            "blades",
            "razor",
            "razors",
            "knife",
            "knives",
            "scissors",
            "shard",
            "sharpener",
            "boxcutter",
        ],
    ),
    (ROPE, &["rope", "noose", "ligature", "roping"]),
    (GAS, &["monoxide", "charcoal", "helium", "exhaust"]),
    (
        JUMP,
        &[
            "jump", "jumped", "jumping", "leap", "leaped", "leapt", "leaping",
        ],
    ),
    (
        MOVE,
        &[
            "throw", "threw", "thrown", "step", "stepped", "walk", "walked", "lie", "lay", "fall",
            "falling", "lean", "leaned", "drive", "drove", "driving", "swerve", "swerved", "crash",
            "crashed", "steer", "veer", "hurl", "fling", "flung", "go", "went", "float", "sink",
        ],
    ),
    (OD, &["overdose", "overdosed", "overdosing", "overdoses"]),
    (HANG, &["hang", "hanged", "hung", "hanging"]),
    (DROWN, &["drown", "drowned", "drowning"]),
    (
        CUT,
        &[
            "cut",
            "cuts",
            "cutting",
            "slash",
            "slashed",
            "slice",
            "sliced",
            "carve",
            "carved",
            "carving",
            "burn",
            "burned",
            "burnt",
            "burning",
            "scratch",
            "scratched",
            "scrape",
            "scraped",
            "hit",
            "hitting",
            "punch",
            "punched",
            "bang",
            "banged",
            "bite",
            "bit",
            "hurt",
            "hurting",
            "harm",
            "harmed",
            "harming",
            "injure",
            "injured",
            "bruise",
            "bruised",
            "stab",
            "stabbed",
            "gouge",
            "slit",
            "pinch",
            "starve",
            "starving",
            "punish",
            "punishing",
            "mutilate",
            "pick",
            "picked",
            "picking",
            "slam",
            "slammed",
            "slamming",
            "smash",
            "smashed",
            "smashing",
            "dig",
            "dug",
            "digging",
        ],
    ),
    (
        STRONGCUT,
        &[
            "cut", "cuts", "cutting", "slash", "slashed", "carve", "carved", "carving", "burn",
            "burned", "burnt", "burning", "slit", "stab", "stabbed", "harm", "harmed", "harming",
        ],
    ),
    (
        BODY,
        &[
            "arm",
            "arms",
            "wrist",
            "wrists",
            "thigh",
            "thighs",
            "leg",
            "legs",
            "skin",
            "stomach",
            "belly",
            "hip",
            "hips",
            "forearm",
            "forearms",
            "ankle",
            "ankles",
            "chest",
            "vein",
            "veins",
            "throat",
            "neck",
            "body",
            "flesh",
            "shoulder",
            "shoulders",
            "head",
            "face",
            "hand",
            "hands",
            "finger",
            "fingers",
            "knee",
            "knees",
            "foot",
            "feet",
            "toe",
            "lip",
            "knuckles",
            "knuckle",
            "forehead",
            "scalp",
            "cheek",
            "cheeks",
            "ribs",
            "fist",
            "fists",
        ],
    ),
    (
        VULN,
        &[
            "wrist", "wrists", "vein", "veins", "thigh", "thighs", "forearm", "forearms", "throat",
        ],
    ),
    (
        HANDY,
        &[
            "fist", "fists", "knuckles", "knuckle", "forehead", "hand", "hands", "finger",
            "fingers", "thumb", "knee", "knees", "foot", "feet", "toe", "lip", "face", "head",
            "shoulder", "leg",
        ],
    ),
    (
        ONPURPOSE,
        &[
            "onpurpose",
            "deliberately",
            "intentionally",
            "purposely",
            "purposefully",
            "relapse",
            "relapsed",
            "relapsing",
        ],
    ),
    (
        ACCIDENT,
        &[
            "accident",
            "accidentally",
            "accidental",
            "radiator",
            "heater",
            "hob",
            "boiling",
            "steam",
            "tray",
            "opener",
            "shears",
            "scooter",
            "pasta",
            "pot",
            "fork",
            "deer",
            "slipped",
            "slip",
            "tripped",
            "fell",
            "slicing",
            "chopping",
            "cooking",
            "shaving",
            "shave",
            "gardening",
            "pruning",
            "whittling",
            "opening",
            "washing",
            "stove",
            "oven",
            "pan",
            "wok",
            "oil",
            "spat",
            "splashed",
            "kettle",
            "iron",
            "mandoline",
            "grater",
            "onion",
            "onions",
            "vegetables",
            "kitchen",
            "bike",
            "cycling",
            "skiing",
            "gym",
            "lifting",
            "running",
            "football",
            "hiking",
            "sunburn",
            "weeding",
            "bramble",
            "brambles",
            "thorn",
            "thorns",
            "nail",
            "fence",
            "paper",
            "papercut",
            "stairs",
            "ice",
            "icy",
            "drill",
            "hammer",
            "ladder",
            "bread",
            "bagel",
            "tomato",
            "tomatoes",
            "carrot",
            "carrots",
            "sandwich",
            "toast",
            "soup",
            "tea",
            "coffee",
            "candle",
            "curling",
            "straightener",
            "grill",
            "barbecue",
            "bbq",
            "tray",
            "climbing",
            "yoga",
            "workout",
            "hike",
            "furniture",
            "rose",
            "roses",
            "hedge",
            "garden",
            "woodwork",
            "chisel",
            "unpacking",
            "cardboard",
            "sunbathing",
            "sprained",
            "tackle",
        ],
    ),
    (
        MEDIA,
        &[
            "song",
            "songs",
            "film",
            "films",
            "movie",
            "movies",
            "book",
            "books",
            "album",
            "track",
            "band",
            "show",
            "series",
            "watch",
            "watched",
            "watching",
            "listen",
            "listened",
            "listening",
            "lyrics",
            "lyric",
            "novel",
            "podcast",
            "documentary",
            "playlist",
            "chapter",
            "title",
            "titled",
            "called",
            "trailer",
            "concert",
            "netflix",
            "tv",
            "memoir",
            "poem",
            "play",
            "musical",
            "sang",
            "sing",
            "singing",
            "reading",
            "read",
            "rewatched",
            "anime",
            "game",
            "season",
            "cover",
        ],
    ),
    (
        REPORT,
        &[
            "slides",
            "dissertation",
            "thesis",
            "transcripts",
            "slide",
            "workshop",
            "course",
            "lecture",
            "webinar",
            "seminar",
            "module",
            "article",
            "news",
            "study",
            "studies",
            "statistics",
            "stats",
            "rates",
            "rate",
            "awareness",
            "prevention",
            "presentation",
            "conference",
            "class",
            "report",
            "headline",
            "headlines",
            "volunteer",
            "volunteering",
            "helpline",
            "hotline",
            "screening",
            "questionnaire",
            "survey",
            "form",
            "assessment",
            "risk",
            "protocol",
            "disclosed",
            "disclosure",
            "intake",
            "certification",
            "safeguarding",
            "policy",
            "guidelines",
            "campaign",
            "fundraiser",
            "walk",
            "charity",
            "firstaid",
            "textbook",
            "paper",
            "thesis",
            "essay",
            "exam",
            "shift",
            "hospice",
            "case",
            "cases",
        ],
    ),
    (
        TALK,
        &[
            "talked",
            "talk",
            "discussed",
            "discuss",
            "learned",
            "learnt",
            "learn",
            "explained",
            "explain",
            "taught",
            "teach",
            "covered",
            "asked",
            "ask",
            "mentioned",
            "question",
            "questions",
            "said",
            "told",
            "reported",
            "wrote",
            "writing",
        ],
    ),
    (
        JOURNEY,
        &[
            "egodeath",
            "ego",
            "reborn",
            "rebirth",
            "reincarnation",
            "born",
            "dissolve",
            "dissolved",
            "dissolving",
            "dissolution",
            "surrender",
            "surrendered",
            "melt",
            "melted",
            "melting",
            "merge",
            "merged",
            "void",
            "infinite",
            "cosmos",
            "cosmic",
            "universe",
            "khole",
            "resurrection",
            "transcend",
            "transcendence",
            "transform",
            "transformation",
            "phoenix",
            "metaphor",
            "metaphorically",
            "symbolic",
            "symbol",
            "cocoon",
            "butterfly",
            "identity",
            "boundless",
            "renewal",
            "archetype",
            "archetypal",
        ],
    ),
    (
        SETTING,
        &[
            "session",
            "sessions",
            "journey",
            "trip",
            "medicine",
            "ketamine",
            "infusion",
            "ceremony",
            "lozenge",
            "khole",
            "psychedelic",
            "experience",
            "integration",
            "dose",
            "trance",
            "vision",
            "visions",
        ],
    ),
    (
        RESEARCH,
        &[
            "google",
            "googled",
            "googling",
            "search",
            "searched",
            "searching",
            "research",
            "researched",
            "researching",
            "lookup",
            "checked",
            "read",
            "reading",
            "calculated",
            "calculating",
            "counted",
            "counting",
            "measured",
            "forum",
            "forums",
        ],
    ),
    (
        BUY,
        &[
            "buy",
            "bought",
            "order",
            "ordered",
            "purchase",
            "purchased",
            "got",
            "get",
            "getting",
            "borrowed",
        ],
    ),
    (NOTE, &["note", "notes", "letter", "letters"]),
    (
        CARE,
        &[
            "care",
            "notice",
            "noticed",
            "miss",
            "matter",
            "mourn",
            "cry",
            "difference",
            "sad",
        ],
    ),
    (
        WAKE,
        &["wake", "woke", "waking", "awake", "wakes", "getup", "woken"],
    ),
    (SLEEP, &["sleep", "asleep", "slept"]),
    (
        VANISH,
        &[
            "disappear",
            "disappeared",
            "disappearing",
            "vanish",
            "vanished",
            "cease",
            "ceased",
            "evaporate",
            "fade",
        ],
    ),
    (
        FOREVER,
        &[
            "forever",
            "permanently",
            "anymore",
            "nomore",
            "eternally",
            "eternal",
            "permanent",
            "again",
        ],
    ),
    (POINT, &["point", "reason", "reasons", "purpose", "worth"]),
    (
        ATTEMPT,
        &[
            "attempt",
            "attempted",
            "attempts",
            "attempting",
            "tried",
            "try",
            "trying",
        ],
    ),
    (
        STOCK,
        &[
            "stockpile",
            "stockpiled",
            "stockpiling",
            "hoard",
            "hoarding",
            "hoarded",
            "stash",
            "stashed",
            "stashing",
            "save",
            "saved",
            "saving",
            "collect",
            "collected",
            "collecting",
            "squirrel",
            "squirrelled",
            "hide",
            "hid",
            "hidden",
            "hiding",
            "aside",
            "stockpiling",
            "stockpiled",
        ],
    ),
    (SHOOT, &["shoot", "shot", "shooting"]),
    (
        POISON,
        &["poison", "poisoned", "poisoning", "bleach", "antifreeze"],
    ),
    (BLEED, &["bleed", "bled", "bleeding", "blood", "bloody"]),
    (
        IDIOM,
        &[
            "embarrassment",
            "shame",
            "laughter",
            "laughing",
            "boredom",
            "cringe",
            "cuteness",
            "happiness",
            "jealousy",
            "envy",
            "curiosity",
            "hunger",
            "thirst",
            "heat",
            "cold",
        ],
    ),
    (BURDEN, &["burden", "burdens", "weight"]),
];

/// A small multiply-rotate hash (the one rustc uses, "FxHash"): the keys are
/// short words from a fixed list, so there is nothing to defend against, and
/// SipHash costs more than the lookup itself.
#[derive(Default, Clone, Copy)]
pub(super) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub(super) type Fast = BuildHasherDefault<FxHasher>;

/// The lexicon by stem, plus two shortcuts that keep stemming off the hot
/// path (a 5,000-word entry has to be read in well under 2 ms): every listed
/// word by its own spelling, and the first three letters of every stem, so a
/// word that cannot stem to anything listed is never stemmed.
struct Table {
    by_stem: HashMap<String, Tags, Fast>,
    by_word: HashMap<&'static str, Tags, Fast>,
    prefixes: HashSet<[u8; 3], Fast>,
    /// Stems under three letters ("i", "od"): a longer word may stem to one.
    short: Vec<String>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut by_stem: HashMap<String, Tags, Fast> = HashMap::default();
        for (tag, words) in LISTS {
            for w in *words {
                *by_stem.entry(key(w)).or_default() |= tag;
            }
        }
        let by_word = LISTS
            .iter()
            .flat_map(|(_, words)| words.iter())
            .map(|w| (*w, by_stem[&key(w)]))
            .collect();
        // Stems and listed spellings both: "dying" stems to "die".
        let listed = LISTS.iter().flat_map(|(_, words)| words.iter().copied());
        let prefixes = by_stem
            .keys()
            .map(String::as_str)
            .chain(listed)
            .filter_map(|k| k.as_bytes().get(..3)?.try_into().ok())
            .collect();
        let short = by_stem.keys().filter(|k| k.len() < 3).cloned().collect();
        Table {
            by_stem,
            by_word,
            prefixes,
            short,
        }
    })
}

/// The lookup key of a word: its stem, or the word itself when the stemmer
/// would shorten it below meaning ("i", "od", "us").
fn key(word: &str) -> String {
    if word.len() <= 3 {
        word.to_string()
    } else {
        stem(word)
    }
}

/// The commonest words of English, and of journals, that no list above
/// holds: with the listed words, the words [`known`] hands out without
/// allocating.
const COMMON: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "so",
    "to",
    "of",
    "in",
    "on",
    "at",
    "for",
    "with",
    "from",
    "by",
    "as",
    "about",
    "into",
    "up",
    "down",
    "out",
    "over",
    "after",
    "before",
    "then",
    "than",
    "that",
    "this",
    "these",
    "those",
    "it",
    "its",
    "is",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "are",
    "have",
    "has",
    "had",
    "do",
    "does",
    "did",
    "done",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "shall",
    "you",
    "your",
    "yours",
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "when",
    "where",
    "why",
    "how",
    "all",
    "any",
    "some",
    "each",
    "every",
    "more",
    "most",
    "much",
    "many",
    "few",
    "little",
    "other",
    "another",
    "such",
    "only",
    "own",
    "same",
    "too",
    "very",
    "also",
    "still",
    "yet",
    "now",
    "here",
    "there",
    "again",
    "once",
    "if",
    "because",
    "while",
    "until",
    "though",
    "although",
    "like",
    "get",
    "got",
    "go",
    "went",
    "going",
    "come",
    "came",
    "make",
    "made",
    "know",
    "knew",
    "see",
    "saw",
    "seen",
    "say",
    "said",
    "tell",
    "told",
    "feel",
    "felt",
    "feeling",
    "feels",
    "thing",
    "things",
    "way",
    "day",
    "days",
    "time",
    "times",
    "today",
    "morning",
    "evening",
    "night",
    "week",
    "year",
    "years",
    "one",
    "two",
    "three",
    "first",
    "last",
    "next",
    "new",
    "old",
    "good",
    "bad",
    "well",
    "back",
    "just",
    "really",
    "something",
    "nothing",
    "everything",
    "anything",
    "someone",
    "everyone",
    "anyone",
    "work",
    "home",
    "house",
    "after",
    "felt",
    "body",
    "heart",
    "mind",
    "kind",
    "bit",
    "lot",
    "long",
    "right",
    "left",
    "off",
    "away",
    "around",
    "through",
    "during",
    "without",
    "under",
    "between",
    "again",
    "session",
    "therapist",
    "friend",
    "mom",
    "mum",
    "dad",
    "sister",
    "brother",
    "partner",
    "dog",
    "cat",
    "tea",
    "coffee",
    "walk",
    "walked",
    "dinner",
    "lunch",
    "breakfast",
    "talked",
    "asked",
    "thought",
    "think",
    "want",
    "need",
    "wanted",
    "take",
    "took",
    "put",
    "let",
    "keep",
    "kept",
    "still",
    "maybe",
    "because",
    "since",
    "yes",
    "no",
    "not",
    "dont",
    "didnt",
    "cant",
    "wont",
    "im",
    "ive",
    "id",
    "ill",
    "its",
    "thats",
    "theres",
    "ok",
    "okay",
];

/// The static spelling of a word the lexicon or [`COMMON`] knows, so a
/// token can borrow it rather than own a copy, and its tags.
pub fn known(word: &str) -> Option<(&'static str, Tags)> {
    known_table().get_key_value(word).map(|(k, t)| (*k, *t))
}

/// Every word [`known`] hands out, with its tags worked out once.
fn known_table() -> &'static HashMap<&'static str, Tags, Fast> {
    static KNOWN: OnceLock<HashMap<&'static str, Tags, Fast>> = OnceLock::new();
    KNOWN.get_or_init(|| {
        LISTS
            .iter()
            .flat_map(|(_, words)| words.iter().copied())
            .chain(COMMON.iter().copied())
            .map(|w| (w, slow_tags(w)))
            .collect()
    })
}

/// The tags of one normalised word (0 when it means nothing here).
pub fn tags_of(word: &str) -> Tags {
    match known_table().get(word) {
        Some(&tags) => tags,
        None => slow_tags(word),
    }
}

/// The tags of a word by its spelling, or else by its stem.
fn slow_tags(word: &str) -> Tags {
    let t = table();
    if let Some(&tags) = t.by_word.get(word) {
        return tags;
    }
    let b = word.as_bytes();
    if b.len() > 3
        && b.is_ascii()
        && !t.prefixes.contains(&[b[0], b[1], b[2]])
        && !t.short.iter().any(|s| word.starts_with(s.as_str()))
    {
        return 0;
    }
    t.by_stem.get(&key(word)).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_meet() {
        for w in ["want", "wants", "wanted", "wanting"] {
            assert_ne!(tags_of(w) & DESIRE, 0, "{w}");
        }
        for w in ["overdose", "overdoses", "overdosed", "overdosing"] {
            assert_ne!(tags_of(w) & OD, 0, "{w}");
        }
        for w in ["die", "dies", "died", "dying"] {
            assert_ne!(tags_of(w) & DIE, 0, "{w}");
        }
        assert_ne!(tags_of("bridges") & PLACE, 0);
        assert_eq!(tags_of("the"), 0);
        assert_eq!(tags_of("odd") & OD, 0);
    }

    #[test]
    fn the_shortcuts_agree_with_stemming() {
        let t = table();
        for (_, words) in LISTS {
            for w in *words {
                for form in [
                    w.to_string(),
                    format!("{w}s"),
                    format!("{w}ed"),
                    format!("{w}ing"),
                ] {
                    let slow = t.by_stem.get(&key(&form)).copied().unwrap_or(0);
                    assert_eq!(tags_of(&form), slow, "{form}");
                }
            }
        }
    }

    #[test]
    fn everyday_words_are_not_the_journey() {
        // Stems collide: "oneness" stems to "one", "shedding" to "shed".
        for w in [
            "one", "ones", "shed", "layer", "reset", "light", "session", "old", "self",
        ] {
            assert_eq!(tags_of(w) & JOURNEY, 0, "{w}");
        }
    }
}
