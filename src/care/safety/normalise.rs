//! Layer 1: text to sentences of normalised words.
//!
//! People write about the hardest things in the fewest, least careful words:
//! no apostrophes, slang, typos, one long line. This layer makes "I’m",
//! "Im" and "i'm" the same two words, "wanna" two words, "self-harm" one,
//! snaps near-misses of the few long keywords ("suicdal", "myslef") onto
//! them, and keeps what the later layers need to cancel a match: where a
//! sentence or clause ends, which words were quoted, and which were
//! capitalised mid-sentence (titles of songs, films and books).

use std::borrow::Cow;
use std::collections::HashMap;

use super::lexicon::{known, tags_of, Fast, Tags};
use std::sync::OnceLock;

/// A word's text: borrowed from the lexicon's table when the word is one
/// it knows or one of the commonest words of English (nearly every word of
/// an entry), so that reading a 5,000-word entry seldom allocates.
pub type Word = Cow<'static, str>;

fn word_of(w: &str) -> Word {
    word_and_tags(w).0
}

/// The word, and its tags when the table knows it (one lookup for both).
fn word_and_tags(w: &str) -> (Word, Option<Tags>) {
    match known(w) {
        Some((k, tags)) => (Cow::Borrowed(k), Some(tags)),
        None => (Cow::Owned(w.to_string()), None),
    }
}

/// One normalised word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Lower case, apostrophes removed, after slang and phrase merging.
    pub word: Word,
    /// Capitalised mid-sentence ("We watched Suicide Squad"), or inside
    /// double quotes or asterisks: perhaps part of a title.
    pub title: bool,
    /// Inside double quotes or asterisks.
    pub quoted: bool,
    /// What the word can mean (see `lexicon`), worked out once.
    pub tags: Tags,
}

/// A clause break inside a sentence (comma, colon, dash, bracket) is kept as
/// a token with this word, so that first-person scope does not reach across
/// "my friend said she wanted to die, and I …".
pub const BREAK: &str = ",";

/// A sentence: its tokens, in order.
pub type Sentence = Vec<Token>;

fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}'
    )
}

fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | ';' | '…')
}

fn breaks_clause(c: char) -> bool {
    matches!(
        c,
        ',' | ':' | '(' | ')' | '[' | ']' | '—' | '–' | '/' | '|' | '+' | '&'
    )
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '«' | '»' | '*' | '„')
}

/// Whether the rest of the line is blank and another line break follows
/// (consumes the blank part).
fn blank_line_follows(chars: &mut std::iter::Peekable<std::str::Chars>) -> bool {
    while let Some(&c) = chars.peek() {
        if c == '\n' {
            return true;
        }
        if !c.is_whitespace() {
            // A list item on its own line is its own sentence.
            return matches!(c, '-' | '*' | '•');
        }
        chars.next();
    }
    true
}

/// A word as typed, before lower-casing and expansion.
struct Raw {
    /// Lower case.
    text: Word,
    /// Its tags, when the lexicon's table already said.
    tags: Option<Tags>,
    /// Capitalised as typed ("Suicide Squad"), not all capitals.
    capitalised: bool,
    apostrophe: bool,
    quoted: bool,
}

/// The few emoji that stand for a means or for death, as words.
fn emoji_word(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{1F52B}' => "gun",
        '\u{1FAA6}' | '\u{26B0}' => "grave",
        '\u{1F52A}' => "knife",
        '\u{1F48A}' => "pills",
        '\u{1FAA2}' => "rope",
        '\u{1FA78}' => "blood",
        _ => return None,
    })
}

/// Splits text into sentences of normalised tokens.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut raws: Vec<Option<Raw>> = Vec::new(); // None = clause break
    let mut word = String::new();
    let mut apostrophe = false;
    let mut quoted = false;
    let mut chars = text.chars().peekable();

    fn push_word(
        raws: &mut Vec<Option<Raw>>,
        word: &mut String,
        apostrophe: &mut bool,
        quoted: bool,
    ) {
        if !word.is_empty() {
            let mut cs = word.chars();
            let capitalised = cs.next().is_some_and(char::is_uppercase)
                && cs.clone().next().is_some()
                && cs.all(|c| !c.is_uppercase());
            let (text, tags) = if word.is_ascii() {
                word.make_ascii_lowercase();
                word_and_tags(word)
            } else {
                (Cow::Owned(word.to_lowercase()), None)
            };
            raws.push(Some(Raw {
                text,
                tags,
                capitalised,
                apostrophe: *apostrophe,
                quoted,
            }));
            word.clear();
        }
        *apostrophe = false;
    }

    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            word.push(c);
        } else if is_apostrophe(c)
            && !word.is_empty()
            && chars.peek().is_some_and(|n| n.is_alphabetic())
        {
            // "don't" -> "dont"; a quote mark around a word is not an apostrophe.
            apostrophe = true;
        } else if c == '/' && word == "s" && chars.peek().is_some_and(|n| *n == 'h') {
            // "s/h": self-harm, written to get past a reader's eye.
        } else if let Some(w) = emoji_word(c) {
            // An emoji that stands for a word: "🔫", "⚰️", "💊".
            push_word(&mut raws, &mut word, &mut apostrophe, quoted);
            raws.push(Some(Raw {
                text: Cow::Borrowed(w),
                tags: None,
                capitalised: false,
                apostrophe: false,
                quoted,
            }));
        } else if c == '$' && chars.peek().is_some_and(|n| n.is_alphabetic()) {
            // "$uicide" and friends, as written online to dodge filters.
            word.push('s');
        } else {
            push_word(&mut raws, &mut word, &mut apostrophe, quoted);
            if is_quote(c) {
                quoted = match c {
                    '“' | '«' | '„' => true,
                    '”' | '»' => false,
                    _ => !quoted,
                };
            } else if ends_sentence(c) || c == '\n' && blank_line_follows(&mut chars) {
                // A single line break is how an editor wraps a sentence; a
                // blank line ends it, and a quote left open stops there.
                if c == '\n' {
                    quoted = false;
                }
                if !raws.is_empty() {
                    out.push(finish(std::mem::take(&mut raws)));
                }
            } else if breaks_clause(c) || (c == '-' && chars.peek() == Some(&' ')) {
                raws.push(None);
            }
            // Hyphens inside words, emoji and other marks just separate words.
        }
    }
    push_word(&mut raws, &mut word, &mut apostrophe, quoted);
    if !raws.is_empty() {
        out.push(finish(raws));
    }
    out.retain(|s| s.iter().any(|t| t.word != BREAK));
    out
}

/// Lower-cases, expands and merges one sentence's raw words.
fn finish(raws: Vec<Option<Raw>>) -> Sentence {
    let mut toks: Vec<Token> = Vec::with_capacity(raws.len() + 4);
    let mut first_word = true;
    let mut raws = raws.into_iter().peekable();
    while let Some(raw) = raws.next() {
        let Some(raw) = raw else {
            if toks.last().is_some_and(|t| t.word != BREAK) {
                toks.push(Token {
                    word: BREAK.into(),
                    title: false,
                    quoted: false,
                    tags: 0,
                });
            }
            continue;
        };
        let capitalised = raw.capitalised;
        let lower = raw.text;
        let known_tags = raw.tags;
        let title = raw.quoted || (capitalised && !first_word && lower != "i");
        first_word = false;
        if filler(&lower) {
            continue;
        }
        let push = |toks: &mut Vec<Token>, w: &str| {
            toks.push(Token {
                word: word_of(w),
                title,
                quoted: raw.quoted,
                tags: tags_of(w),
            });
        };
        let prev = toks.last().map_or("", |t| t.word.as_ref());
        let next = raws
            .peek()
            .and_then(Option::as_ref)
            .map_or("", |r| r.text.as_ref());
        if let Some(w) = in_context(&lower, prev, next) {
            push(&mut toks, w);
            continue;
        }
        match expand(&lower, raw.apostrophe) {
            Some(words) => words.iter().for_each(|w| push(&mut toks, w)),
            // A word the lexicon or the common list knows is no typo.
            None => match matches!(lower, Cow::Owned(_))
                .then(|| snap(&lower).or_else(|| g_dropped(&lower)))
                .flatten()
            {
                Some(w) => push(&mut toks, w),
                None => toks.push(Token {
                    tags: known_tags.unwrap_or_else(|| tags_of(&lower)),
                    word: lower,
                    title,
                    quoted: raw.quoted,
                }),
            },
        }
    }
    while toks.last().is_some_and(|t| t.word == BREAK) {
        toks.pop();
    }
    merge_phrases(&mut toks);
    toks
}

/// Words that never change what a sentence says about the writer.
fn filler(w: &str) -> bool {
    matches!(
        w,
        "just"
            | "really"
            | "honestly"
            | "simply"
            | "actually"
            | "truly"
            | "literally"
            | "kinda"
            | "sorta"
            | "lowkey"
            | "highkey"
            | "fucking"
            | "fuckin"
            | "freaking"
            | "bloody"
            | "even"
            | "totally"
            | "seriously"
            | "genuinely"
            | "um"
            | "uh"
    )
}

/// Contractions, text-speak and slang, written out. `apostrophe` says
/// whether the word was typed with one ("I'll" is "I will"; "ill" is ill).
fn expand(w: &str, apostrophe: bool) -> Option<&'static [&'static str]> {
    Some(match w {
        "im" | "iam" => &["i", "am"],
        "ive" => &["i", "have"],
        "id" => &["i", "would"],
        "ill" if apostrophe => &["i", "will"],
        "hed" if apostrophe => &["he", "would"],
        "shed" if apostrophe => &["she", "would"],
        "hell" if apostrophe => &["he", "will"],
        "shell" if apostrophe => &["she", "will"],
        "wed" if apostrophe => &["we", "would"],
        "well" if apostrophe => &["we", "will"],
        "youd" => &["you", "would"],
        "wanna" | "wana" => &["want", "to"],
        "gonna" | "gna" | "finna" => &["going", "to"],
        "gotta" => &["got", "to"],
        "tryna" => &["trying", "to"],
        "cannot" => &["cant"],
        "u" => &["you"],
        "ur" => &["your"],
        "rn" => &["now"],
        "tmrw" | "tmr" | "tomorow" | "tommorow" | "tommorrow" => &["tomorrow"],
        "2nite" | "tonite" => &["tonight"],
        "cuz" | "coz" | "bc" | "cos" => &["because"],
        "kms" | "kmslf" => &["kill", "myself"],
        "bout" => &["about"],
        "ded" => &["dead"],
        // Short words typed in a hurry, inside the frames they belong to.
        "wnat" | "watn" | "wnt" | "whant" => &["want"],
        "w" => &["with"],
        // Words coined online to talk about suicide past content filters.
        "sewerslide" | "suicidee" => &["suicide"],
        "unalive" | "unalived" | "unaliving" => &["unalive"],
        "ctb" => &["suicide"],
        "selfharm" | "selfharming" | "selfharmed" | "selfinjury" => &["selfharm"],
        "od" | "oding" | "oded" | "odd" if w != "odd" || apostrophe => &["overdose"],
        "mysef" | "myslef" | "mysself" | "myselfe" | "meself" => &["myself"],
        _ => return None,
    })
}

/// Short forms that mean a keyword only next to certain words: "want 2
/// die", "want to dye" (spelled so a parent reading over a shoulder does
/// not notice), "thinking about sh again", "sui ideation".
fn in_context(w: &str, prev: &str, next: &str) -> Option<&'static str> {
    if !matches!(w, "2" | "dye" | "sh" | "shing" | "sui") {
        return None;
    }
    let next = next.to_ascii_lowercase();
    Some(match w {
        "2" if matches!(prev, "want" | "going" | "need" | "have" | "ready") => "to",
        "dye" if prev == "to" => "die",
        "sh" | "shing"
            if matches!(
                prev,
                "about" | "bout" | "of" | "the" | "relapsed" | "did" | "urge" | "urges" | "no"
            ) || matches!(
                next.as_str(),
                "again" | "urge" | "urges" | "scars" | "ing" | "ed"
            ) =>
        {
            "selfharm"
        }
        "sui"
            if matches!(
                next.as_str(),
                "ideation" | "thoughts" | "thought" | "urges" | "attempt"
            ) =>
        {
            "suicidal"
        }
        _ => return None,
    })
}

/// A word typed without its final "g" ("thinkin", "cuttin", "killin"),
/// when only the full word means something to the detector.
fn g_dropped(w: &str) -> Option<&'static str> {
    const FULL: &[&str] = &[
        "thinking",
        "cutting",
        "killing",
        "dying",
        "wanting",
        "hoping",
        "planning",
        "burning",
        "ending",
        "jumping",
        "hanging",
        "drowning",
        "overdosing",
        "wishing",
        "nothing",
    ];
    if w.len() < 5 || !w.ends_with("in") {
        return None;
    }
    FULL.iter()
        .find(|f| f.len() == w.len() + 1 && f.starts_with(w))
        .copied()
}

/// Several words that mean one thing to the detector. Longest first.
const PHRASES: &[(&[&str], &str)] = &[
    (&["sewer", "slide"], "suicide"),
    (&["self", "harm"], "selfharm"),
    (&["self", "harming"], "selfharm"),
    (&["self", "harmed"], "selfharm"),
    (&["self", "harms"], "selfharm"),
    (&["self", "injury"], "selfharm"),
    (&["self", "injuring"], "selfharm"),
    (&["self", "injure"], "selfharm"),
    (&["self", "injured"], "selfharm"),
    (&["self", "injurious"], "selfharm"),
    (&["self", "mutilation"], "selfharm"),
    (&["self", "mutilating"], "selfharm"),
    (&["un", "alive"], "unalive"),
    (&["my", "self"], "myself"),
    (&["my", "own", "self"], "myself"),
    (&["my", "own"], "my"),
    (&["no", "one"], "nobody"),
    (&["noone"], "nobody"),
    (&["any", "more"], "anymore"),
    (&["any", "longer"], "anymore"),
    (&["no", "longer"], "nolonger"),
    (&["no", "more"], "nomore"),
    (&["would", "like"], "want"),
    (&["would", "love"], "want"),
    (&["d", "like"], "want"),
    (&["car", "park"], "carpark"),
    (&["parking", "garage"], "carpark"),
    (&["parking", "structure"], "carpark"),
    (&["multi", "storey"], "carpark"),
    (&["storing", "up"], "stockpiling"),
    (&["stored", "up"], "stockpiled"),
    (&["building", "up"], "stockpiling"),
    (&["saving", "up"], "saving"),
    (&["first", "aid"], "firstaid"),
    (&["get", "up"], "getup"),
    (&["got", "up"], "getup"),
    (&["getting", "up"], "getup"),
    (&["on", "purpose"], "onpurpose"),
    (&["in", "front", "of"], "infrontof"),
    (&["better", "off"], "betteroff"),
    (&["off", "of"], "off"),
    (&["carbon", "monoxide"], "monoxide"),
    (&["sleeping", "pills"], "pills"),
    (&["sleeping", "tablets"], "pills"),
    (&["razor", "blades"], "blades"),
    (&["razor", "blade"], "blade"),
    (&["train", "tracks"], "tracks"),
    (&["railway", "tracks"], "tracks"),
    (&["wake", "up"], "wake"),
    (&["woke", "up"], "woke"),
    (&["waking", "up"], "waking"),
    (&["woken", "up"], "woken"),
    (&["ego", "death"], "egodeath"),
    (&["k", "hole"], "khole"),
    (&["for", "good"], "forever"),
    (&["for", "ever"], "forever"),
    (&["look", "up"], "lookup"),
    (&["looked", "up"], "lookup"),
    (&["looking", "up"], "lookup"),
    (&["give", "away"], "giveaway"),
    (&["giving", "away"], "giveaway"),
    (&["gave", "away"], "giveaway"),
    (&["given", "away"], "giveaway"),
    (&["go", "on"], "goon"),
    (&["going", "on"], "goon"),
    (&["carry", "on"], "goon"),
    (&["carrying", "on"], "goon"),
    (&["keep", "going"], "goon"),
    (&["stomach", "pumped"], "stomachpumped"),
    (&["six", "feet", "under"], "dead"),
    (&["6", "feet", "under"], "dead"),
];

fn merge_phrases(toks: &mut Vec<Token>) {
    static FIRST: OnceLock<HashMap<&'static str, Vec<usize>, Fast>> = OnceLock::new();
    let first = FIRST.get_or_init(|| {
        let mut m: HashMap<&str, Vec<usize>, Fast> = HashMap::default();
        for (i, (words, _)) in PHRASES.iter().enumerate() {
            m.entry(words[0]).or_default().push(i);
        }
        m
    });
    // Most sentences hold no phrase at all: leave them as they are.
    if !toks.iter().any(|t| first.contains_key(t.word.as_ref())) {
        return;
    }
    let mut out: Vec<Token> = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        let hit = first.get(toks[i].word.as_ref()).and_then(|cands| {
            cands.iter().find_map(|&p| {
                let (words, into) = PHRASES[p];
                let fits = i + words.len() <= toks.len()
                    && words.iter().zip(&toks[i..]).all(|(w, t)| t.word == *w);
                fits.then_some((words.len(), into))
            })
        });
        match hit {
            Some((n, into)) => {
                let mut t = toks[i].clone();
                t.title = toks[i..i + n].iter().all(|t| t.title);
                t.word = Cow::Borrowed(into);
                t.tags = tags_of(into);
                out.push(t);
                i += n;
            }
            None => {
                out.push(std::mem::replace(
                    &mut toks[i],
                    Token {
                        word: Cow::Borrowed(""),
                        title: false,
                        quoted: false,
                        tags: 0,
                    },
                ));
                i += 1;
            }
        }
    }
    *toks = out;
}

/// The long keywords that typos are snapped onto, and how far a typo may
/// be (optimal string alignment distance: a swap of two letters is one).
const SNAP: &[(&str, usize)] = &[
    ("suicide", 2),
    ("suicidal", 2),
    ("suicidally", 2),
    ("overdose", 1),
    ("overdosed", 1),
    ("overdosing", 1),
    ("myself", 1),
    ("unalive", 1),
    ("selfharm", 1),
];

/// The short core words a single slip is snapped onto ("kil", "slef",
/// "myslf"): one edit, the first letter kept, never a real word.
const SNAP_SHORT: &[&str] = &["kill", "self", "myself", "killing"];

/// Real words within reach of a keyword, which must stay themselves.
/// (Checked against a frequency list of English words; see the tests.)
const NOT_TYPOS: &[&str] = &[
    "overdone",
    "overdue",
    "overdoing",
    "overdo",
    "overdoes",
    "overdosing",
    "herself",
    "himself",
    "itself",
    "mystery",
    "suicides",
    "suited",
    "suicidality",
    "overdoses",
    "kiln",
    "kilt",
    "kilo",
    "kills",
    "skill",
    "sell",
    "shelf",
    "serf",
    "selfs",
    "seal",
    "kiting",
    "kilning",
    "killings",
];

/// Whether two words are one edit apart (a letter changed, added, dropped,
/// or two neighbours swapped), without allocating.
fn one_edit(a: &[u8], b: &[u8]) -> bool {
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[p..], &b[p..]);
    match (ra.len(), rb.len()) {
        (0, 0) => false,
        (x, y) if x == y => {
            ra[1..] == rb[1..] || (x >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        (x, y) if x == y + 1 => ra[1..] == *rb,
        (x, y) if y == x + 1 => *ra == rb[1..],
        _ => false,
    }
}

/// A typo of a long keyword, snapped onto it.
fn snap(w: &str) -> Option<&'static str> {
    let n = w.len();
    if n < 3 || !w.is_ascii() || NOT_TYPOS.contains(&w) {
        return None;
    }
    let b = w.as_bytes();
    if n <= 7 && matches!(b[0], b'k' | b's' | b'm') {
        let short = SNAP_SHORT.iter().find(|key| {
            let k = key.as_bytes();
            **key != w && n.abs_diff(k.len()) <= 1 && b[0] == k[0] && one_edit(b, k)
        });
        if short.is_some() {
            return short.copied();
        }
    }
    if n < 6 {
        return None;
    }
    SNAP.iter()
        .filter_map(|&(key, max)| {
            let k = key.as_bytes();
            // Cheap filters first: this runs on every long word of an entry.
            if key == w
                || n.abs_diff(k.len()) > max
                || b[0] != k[0]
                || (b[1] != k[1] && b[2] != k[2])
            {
                return None;
            }
            let d = strsim::osa_distance(w, key);
            (d <= max).then_some((d, key))
        })
        .min()
        .map(|(_, key)| key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Vec<String>> {
        sentences(text)
            .into_iter()
            .map(|s| s.into_iter().map(|t| t.word.to_string()).collect())
            .collect()
    }

    #[test]
    fn apostrophes_contractions_and_slang() {
        assert_eq!(words("I’m done"), [["i", "am", "done"]]);
        assert_eq!(words("Im done"), [["i", "am", "done"]]);
        assert_eq!(words("i wanna go"), [["i", "want", "to", "go"]]);
        assert_eq!(words("I'll go, ill"), [vec!["i", "will", "go", ",", "ill"]]);
        assert_eq!(words("kms"), [["kill", "myself"]]);
        assert_eq!(words("I OD'd"), [["i", "overdose"]]);
        assert_eq!(words("an odd day"), [["an", "odd", "day"]]);
        assert_eq!(words("I just really want"), [["i", "want"]]);
    }

    #[test]
    fn phrases_merge_and_hyphens_split() {
        assert_eq!(words("self-harm"), [["selfharm"]]);
        assert_eq!(words("self‑harm again"), [["selfharm", "again"]]);
        assert_eq!(
            words("better off without me"),
            [["betteroff", "without", "me"]]
        );
        assert_eq!(words("in front of a train"), [["infrontof", "a", "train"]]);
        assert_eq!(words("kill my self"), [["kill", "myself"]]);
    }

    #[test]
    fn typos_of_long_keywords_snap_but_real_words_stay() {
        assert_eq!(words("suicdal"), [["suicidal"]]);
        assert_eq!(words("sucidal"), [["suicidal"]]);
        assert_eq!(words("suiside"), [["suicide"]]);
        assert_eq!(words("overdoes"), [["overdoes"]]);
        assert_eq!(words("ovedosed"), [["overdosed"]]);
        assert_eq!(words("myslef"), [["myself"]]);
        assert_eq!(words("mysefl"), [["myself"]]);
        for real in [
            "overdue", "overdone", "himself", "mystic", "muscle", "surface",
        ] {
            assert_eq!(words(real), [[real]]);
        }
    }

    #[test]
    fn one_slip_in_a_short_core_word_snaps_but_real_words_stay() {
        assert_eq!(
            words("i want to kil my slef"),
            [["i", "want", "to", "kill", "myself"]]
        );
        assert_eq!(words("kil myslf"), [["kill", "myself"]]);
        for real in [
            "kiln", "kilt", "sell", "shelf", "skill", "some", "said", "mild",
        ] {
            assert_eq!(words(real), [[real]]);
        }
    }

    #[test]
    fn short_forms_in_their_frames_and_emoji() {
        assert_eq!(words("i want 2 die"), [["i", "want", "to", "die"]]);
        assert_eq!(words("i have 2 dogs"), [["i", "have", "to", "dogs"]]);
        assert_eq!(words("want to dye"), [["want", "to", "die"]]);
        assert_eq!(words("dye my hair"), [["dye", "my", "hair"]]);
        assert_eq!(
            words("thinkin bout sh again"),
            [["thinking", "about", "selfharm", "again"]]
        );
        assert_eq!(
            words("been s/h-ing again"),
            [["been", "selfharm", "ing", "again"]]
        );
        assert_eq!(words("sh be quiet"), [["sh", "be", "quiet"]]);
        assert_eq!(words("im done 🔫"), [["i", "am", "done", "gun"]]);
        assert_eq!(words("again within"), [["again", "within"]]);
    }

    #[test]
    fn sentences_clauses_quotes_and_titles() {
        let s = sentences("We watched Suicide Squad. I said \"no\", then left!\n\nok");
        assert_eq!(s.len(), 3);
        assert!(!s[0][0].title, "sentence-initial");
        assert!(s[0][2].title && s[0][3].title);
        assert!(s[1][2].quoted && s[1][2].title);
        assert_eq!(s[1][3].word, BREAK);
        assert!(!s[1][4].quoted);
        assert!(
            !sentences("I WANT TO DIE")[0][2].title,
            "shouting is not a title"
        );
        assert!(sentences(" \n\t.").is_empty());
    }
}
