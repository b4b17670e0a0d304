//! Layer 1: text to sentences of normalised words.
//!
//! People write about the hardest things in the fewest, least careful words:
//! no apostrophes, slang, typos, one long line. This layer makes "I’m",
//! "Im" and "i'm" the same two words, "wanna" two words, "self-harm" one,
//! snaps near-misses of the few long keywords ("suicdal", "myslef") onto
//! them, and keeps what the later layers need to cancel a match: where a
//! sentence or clause ends, which words were quoted, and which were
//! capitalised mid-sentence (titles of songs, films and books).

use std::collections::HashMap;

use super::lexicon::Fast;
use std::sync::OnceLock;

/// One normalised word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Lower case, apostrophes removed, after slang and phrase merging.
    pub word: String,
    /// Capitalised mid-sentence ("We watched Suicide Squad"), or inside
    /// double quotes or asterisks: perhaps part of a title.
    pub title: bool,
    /// Inside double quotes or asterisks.
    pub quoted: bool,
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
    text: String,
    apostrophe: bool,
    quoted: bool,
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
            raws.push(Some(Raw {
                text: std::mem::take(word),
                apostrophe: *apostrophe,
                quoted,
            }));
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
    for raw in raws {
        let Some(raw) = raw else {
            if toks.last().is_some_and(|t| t.word != BREAK) {
                toks.push(Token {
                    word: BREAK.into(),
                    title: false,
                    quoted: false,
                });
            }
            continue;
        };
        let mut cs = raw.text.chars();
        let capitalised = cs.next().is_some_and(char::is_uppercase)
            && cs.clone().next().is_some()
            && cs.all(|c| !c.is_uppercase());
        // Most words are plain lower-case ASCII already: no new string then.
        let lower = if raw.text.is_ascii() {
            let mut t = raw.text;
            t.make_ascii_lowercase();
            t
        } else {
            raw.text.to_lowercase()
        };
        let title = raw.quoted || (capitalised && !first_word && lower != "i");
        first_word = false;
        if FILLERS.contains(&lower.as_str()) {
            continue;
        }
        let push = |toks: &mut Vec<Token>, w: &str| {
            toks.push(Token {
                word: w.to_string(),
                title,
                quoted: raw.quoted,
            });
        };
        match expand(&lower, raw.apostrophe) {
            Some(words) => words.iter().for_each(|w| push(&mut toks, w)),
            None => {
                let snapped = snap(&lower);
                push(&mut toks, snapped.unwrap_or(&lower));
            }
        }
    }
    while toks.last().is_some_and(|t| t.word == BREAK) {
        toks.pop();
    }
    merge_phrases(&mut toks);
    toks
}

/// Words that never change what a sentence says about the writer.
const FILLERS: &[&str] = &[
    "just",
    "really",
    "honestly",
    "simply",
    "actually",
    "truly",
    "literally",
    "kinda",
    "sorta",
    "lowkey",
    "highkey",
    "fucking",
    "fuckin",
    "freaking",
    "bloody",
    "even",
    "totally",
    "seriously",
    "genuinely",
    "um",
    "uh",
];

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
    if !toks.iter().any(|t| first.contains_key(t.word.as_str())) {
        return;
    }
    let mut out: Vec<Token> = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        let hit = first.get(toks[i].word.as_str()).and_then(|cands| {
            cands.iter().find_map(|&p| {
                let (words, into) = PHRASES[p];
                let fits = i + words.len() <= toks.len()
                    && words.iter().zip(&toks[i..]).all(|(w, t)| *w == t.word);
                fits.then_some((words.len(), into))
            })
        });
        match hit {
            Some((n, into)) => {
                let mut t = toks[i].clone();
                t.title = toks[i..i + n].iter().all(|t| t.title);
                t.word = into.to_string();
                out.push(t);
                i += n;
            }
            None => {
                out.push(std::mem::replace(
                    &mut toks[i],
                    Token {
                        word: String::new(),
                        title: false,
                        quoted: false,
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
];

/// A typo of a long keyword, snapped onto it.
fn snap(w: &str) -> Option<&'static str> {
    let n = w.chars().count();
    if n < 6 || !w.is_ascii() || NOT_TYPOS.contains(&w) {
        return None;
    }
    let b = w.as_bytes();
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
            .map(|s| s.into_iter().map(|t| t.word).collect())
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
