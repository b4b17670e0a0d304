//! Layer 4: a learned score beside the rules.
//!
//! The rules in `detect.rs` were written set by set, and each fresh writer's
//! set found phrasings they had never met. This layer is a small logistic
//! regression over features that travel between writers better than whole
//! phrases: light stems of the normaliser's words, stem pairs (next word,
//! and one word skipped) inside a clause, the lexicon's tags (what a word
//! can mean: a death word, a wish, a method, a time), tag pairs close
//! together, and tags in the writer's own scope (after "I", "my", "me").
//!
//! Each feature has two weights: one for the sentence it is in, one it
//! lends to the sentences either side. A sentence scores the bias, its own
//! features and what its two neighbours lend it; the entry scores its best
//! sentence. When that passes the threshold the gentle note may appear (see
//! [`ON`]); severity stays the rules'. Nothing is stored: the score is worked out again each time.
//!
//! The weights (`model.txt`) are trained offline from the labelled fixtures
//! (`tests/fixtures/safety/*-risk.tsv`, `*-near.tsv`), a sample of
//! GoEmotions comments and four in five lines of ordinary KAP journal prose
//! (`ordinary-kap.txt`) as ordinary text, by [`train`] through
//! `cargo run --release --example safety_model -- write`; a test checks the
//! shipped file is what training makes today.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

use super::detect::Finding;
use super::detect::Severity;
use super::lexicon::{Tags, FP, REFL};
use super::normalise::{Sentence, BREAK};

/// Whether the model's score may raise the gentle note on its own. On:
/// trained with ordinary KAP journal prose as well (`ordinary-kap.txt`), it
/// adds recall on the risk sets unseen by rules and model while adding
/// under 0.3% to the note on ordinary text; see "A learned layer" in
/// `tests/fixtures/safety/README.md`. Off, `assess` is the rules alone.
pub const ON: bool = true;

/// The shipped weights: a header (`bias`, `threshold`), then one feature a
/// line (kind, its parts, weight).
pub const WEIGHTS: &str = include_str!("model.txt");

/// How far back "I", "my" or "me" reaches to put a tagged word in the
/// writer's own scope.
const SCOPE: usize = 5;
/// How far apart two tagged words may be to make a tag pair.
const PAIR: usize = 3;

// Kinds of feature; the letter is how the weights file names them.
const UNI: u64 = 1; // u: a light stem
const BI: u64 = 2; // b: two neighbouring stems
const SKIP: u64 = 3; // s: two stems with one word between
const TAG: u64 = 4; // t: a tag
const TPAIR: u64 = 5; // p: two tags within PAIR words
const SCOPED: u64 = 6; // f: a tag in the writer's scope
const SCOPEDW: u64 = 7; // g: a tagged stem in the writer's scope
                        // A neighbouring sentence's words, tags and scoped tags, weighed apart from
                        // the sentence's own.
const CONTEXT: u64 = 10;
const CUNI: u64 = CONTEXT + UNI; // cu
const CTAG: u64 = CONTEXT + TAG; // ct
const CSCOPED: u64 = CONTEXT + SCOPED; // cf

const KINDS: &[(u64, &str)] = &[
    (UNI, "u"),
    (BI, "b"),
    (SKIP, "s"),
    (TAG, "t"),
    (TPAIR, "p"),
    (SCOPED, "f"),
    (SCOPEDW, "g"),
    (CUNI, "cu"),
    (CTAG, "ct"),
    (CSCOPED, "cf"),
];

/// One part of a feature: a stem or a tag (by its bit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part<'a> {
    Stem(&'a str),
    Tag(u32),
    None,
}

/// A light stem: the word less "-ing", "-ed" or a plural "-s", always a
/// prefix of the word so nothing is allocated. The lexicon's tags carry the
/// full stemmer's meaning; this only lets "wanted" and "wanting" share
/// their pairs.
pub fn light_stem(w: &str) -> &str {
    let b = w.as_bytes();
    let n = b.len();
    if n > 5 && w.ends_with("ing") {
        &w[..n - 3]
    } else if n > 4 && w.ends_with("ed") {
        &w[..n - 2]
    } else if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        &w[..n - 1]
    } else {
        w
    }
}

fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn part_hash(p: Part) -> u64 {
    match p {
        Part::Stem(s) => fnv(s),
        Part::Tag(bit) => 0x7a67_0000 + u64::from(bit),
        Part::None => 0,
    }
}

/// The key of a feature: never 0 (0 marks an empty slot).
fn key(kind: u64, a: u64, b: u64) -> u64 {
    mix(kind.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ a ^ mix(b.wrapping_add(kind))).max(1)
}

/// Calls `f(kind, a, b, key)` for every feature of a sentence, with
/// repeats (a feature seen twice counts twice). `named` says whether the
/// caller wants the parts (training) or only the keys (scoring).
fn features(s: &Sentence, named: bool, mut f: impl FnMut(u64, Part, Part, u64)) {
    let n = s.len();
    // Per word: its stem's hash, its tags; a clause break is None.
    let mut hs: Vec<Option<(u64, Tags)>> = Vec::with_capacity(n);
    for t in s {
        if t.word == BREAK {
            hs.push(None);
        } else {
            hs.push(Some((fnv(light_stem(&t.word)), t.tags)));
        }
    }
    let stem = |i: usize| -> Part {
        if named {
            Part::Stem(light_stem(&s[i].word))
        } else {
            Part::None
        }
    };
    let mut last_fp: Option<usize> = None;
    for i in 0..n {
        let Some((h, tags)) = hs[i] else {
            last_fp = None;
            continue;
        };
        f(UNI, stem(i), Part::None, key(UNI, h, 0));
        if named {
            f(CUNI, stem(i), Part::None, 0);
        }
        if let Some(Some((h1, _))) = hs.get(i + 1) {
            f(BI, stem(i), stem(i + 1), key(BI, h, *h1));
            if let Some(Some((h2, _))) = hs.get(i + 2) {
                f(SKIP, stem(i), stem(i + 2), key(SKIP, h, *h2));
            }
        }
        let own = tags & !(FP | REFL);
        let scoped = last_fp.is_some_and(|j| i - j <= SCOPE);
        if own != 0 {
            let mut bits = own;
            while bits != 0 {
                let bit = bits.trailing_zeros();
                bits &= bits - 1;
                let th = part_hash(Part::Tag(bit));
                f(TAG, Part::Tag(bit), Part::None, key(TAG, th, 0));
                if named {
                    f(CTAG, Part::Tag(bit), Part::None, 0);
                }
                if scoped {
                    f(SCOPED, Part::Tag(bit), Part::None, key(SCOPED, th, 0));
                    if named {
                        f(CSCOPED, Part::Tag(bit), Part::None, 0);
                    }
                }
                for next in &hs[i + 1..=(i + PAIR).min(n - 1)] {
                    let Some((_, tj)) = *next else { break };
                    let mut other = tj & !(FP | REFL);
                    while other != 0 {
                        let ob = other.trailing_zeros();
                        other &= other - 1;
                        let oh = part_hash(Part::Tag(ob));
                        f(TPAIR, Part::Tag(bit), Part::Tag(ob), key(TPAIR, th, oh));
                    }
                }
            }
            if scoped {
                f(SCOPEDW, stem(i), Part::None, key(SCOPEDW, h, 0));
            }
        }
        if tags & (FP | REFL) != 0 {
            last_fp = Some(i);
        }
    }
}

/// The words of a sentence as `Finding.sentences` keys them (the same as
/// the rules' key).
pub fn sentence_key(s: &Sentence) -> String {
    let words: Vec<&str> = s.iter().map(|t| t.word.as_ref()).collect();
    words.join(" ")
}

// ---------------------------------------------------------------------------
// The shipped model
// ---------------------------------------------------------------------------

/// One feature's weights: in its own sentence, and lent to a neighbour
/// (words, tags and scoped tags only). `fp` is a fingerprint of the key
/// (0: an empty slot); the slot's place is the key's low bits.
#[derive(Clone, Copy, Default)]
struct Slot {
    fp: u32,
    own: f32,
    ctx: f32,
}

fn fingerprint(k: u64) -> u32 {
    ((k >> 32) as u32) | 1
}

/// Weights by feature key, in an open-addressed table small enough to stay
/// in the processor's cache.
pub struct Model {
    slots: Vec<Slot>,
    mask: usize,
    pub bias: f64,
    /// The score (log-odds) at which the model raises the note.
    pub threshold: f64,
}

fn kind_of(name: &str) -> Option<u64> {
    KINDS.iter().find(|(_, n)| *n == name).map(|(k, _)| *k)
}

fn parse_part(kind: u64, s: &str) -> Option<u64> {
    let tag = match kind {
        TAG | SCOPED | TPAIR => true,
        UNI | BI | SKIP | SCOPEDW => false,
        _ => return None,
    };
    if tag {
        s.parse::<u32>().ok().map(|b| part_hash(Part::Tag(b)))
    } else {
        Some(fnv(s))
    }
}

impl Model {
    /// Reads a weights file; None when it is malformed.
    pub fn parse(text: &str) -> Option<Model> {
        let mut bias = None;
        let mut threshold = None;
        // (key, lent to a neighbour, weight)
        let mut rows: Vec<(u64, bool, f32)> = Vec::new();
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split(' ').collect();
            let (kind, a, b, w) = match fields.as_slice() {
                ["bias", v] => {
                    bias = v.parse().ok();
                    continue;
                }
                ["threshold", v] => {
                    threshold = v.parse().ok();
                    continue;
                }
                [kind, a, w] => (kind_of(kind)?, *a, None, *w),
                [kind, a, b, w] => (kind_of(kind)?, *a, Some(*b), *w),
                _ => return None,
            };
            // A neighbour's weight lives in the slot of the same feature.
            let (base, lent) = if kind > CONTEXT {
                (kind - CONTEXT, true)
            } else {
                (kind, false)
            };
            let a = parse_part(base, a)?;
            let b = match b {
                Some(b) => parse_part(base, b)?,
                None => 0,
            };
            rows.push((key(base, a, b), lent, w.parse().ok()?));
        }
        let size = (rows.len() * 5 / 4).next_power_of_two().max(16);
        let mut slots = vec![Slot::default(); size];
        let mask = size - 1;
        for (k, lent, w) in rows {
            let fp = fingerprint(k);
            let mut i = (k as usize) & mask;
            while slots[i].fp != 0 && slots[i].fp != fp {
                i = (i + 1) & mask;
            }
            slots[i].fp = fp;
            if lent {
                slots[i].ctx += w;
            } else {
                slots[i].own += w;
            }
        }
        Some(Model {
            slots,
            mask,
            bias: bias?,
            threshold: threshold?,
        })
    }

    fn slot(&self, k: u64) -> Slot {
        let fp = fingerprint(k);
        let mut i = (k as usize) & self.mask;
        loop {
            let here = self.slots[i];
            if here.fp == fp || here.fp == 0 {
                return here;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// A sentence's scores: (its own, what it lends a neighbour).
    pub fn sentence_scores(&self, s: &Sentence) -> (f64, f64) {
        let (mut own, mut ctx) = (0f32, 0f32);
        features(s, false, |_, _, _, k| {
            let w = self.slot(k);
            own += w.own;
            ctx += w.ctx;
        });
        (f64::from(own), f64::from(ctx))
    }

    /// The entry's best sentence, read with its neighbours: (score, index).
    /// None for an entry with no words.
    pub fn best(&self, all: &[Sentence]) -> Option<(f64, usize)> {
        let (own, ctx): (Vec<f64>, Vec<f64>) = all.iter().map(|s| self.sentence_scores(s)).unzip();
        best(&own, &ctx, self.bias)
    }

    /// The entry's score (log-odds); negative infinity with no words.
    pub fn score(&self, text: &str) -> f64 {
        self.best(&super::normalise::sentences(text))
            .map_or(f64::NEG_INFINITY, |(s, _)| s)
    }
}

/// A sentence's score with its neighbours: the bias, its own score and
/// what the sentences either side lend it.
fn at(own: &[f64], ctx: &[f64], bias: f64, k: usize) -> f64 {
    let before = if k > 0 { ctx[k - 1] } else { 0.0 };
    bias + own[k] + before + ctx.get(k + 1).copied().unwrap_or(0.0)
}

/// The best sentence of an entry, read with its neighbours.
fn best(own: &[f64], ctx: &[f64], bias: f64) -> Option<(f64, usize)> {
    let mut best: Option<(f64, usize)> = None;
    for k in 0..own.len() {
        let sc = at(own, ctx, bias, k);
        if best.is_none_or(|(b, _)| sc > b) {
            best = Some((sc, k));
        }
    }
    best
}

/// How many sentences the normaliser reads in a text (for timing the
/// normaliser apart from the model).
pub fn sentence_count(text: &str) -> usize {
    super::normalise::sentences(text).len()
}

/// The shipped model, read once.
pub fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model::parse(WEIGHTS).expect("the shipped safety weights parse"))
}

/// Adds what the model reads to the rules' finding: when the entry's best
/// sentence passes the threshold, that sentence joins `Finding.sentences` (so
/// `edit` can tell new language), and with no finding from the rules the
/// gentle note is raised. Severity is never raised by the model.
pub(super) fn combine(all: &[Sentence], found: Option<Finding>) -> Option<Finding> {
    if ON {
        combine_with(model(), all, found)
    } else {
        found
    }
}

/// [`combine`] with a given model, whether or not the layer is on.
pub fn combine_with(m: &Model, all: &[Sentence], found: Option<Finding>) -> Option<Finding> {
    let Some((score, k)) = m.best(all) else {
        return found;
    };
    if score < m.threshold {
        return found;
    }
    let mut f = found.unwrap_or(Finding {
        severity: Severity::Gentle,
        sentences: Vec::new(),
    });
    // The sentence itself, not the neighbours that lent it weight: tidying
    // a neighbour is not new language.
    let key = sentence_key(&all[k]);
    if !f.sentences.contains(&key) {
        f.sentences.push(key);
    }
    Some(f)
}

// ---------------------------------------------------------------------------
// Training (offline: the example `safety_model` and the weights test)
// ---------------------------------------------------------------------------

/// A labelled text, for training or measuring.
#[derive(Debug, Clone)]
pub struct Labelled {
    pub text: String,
    pub risk: bool,
    /// Where it came from (the fixture set, or "ordinary").
    pub set: String,
    pub category: String,
}

/// Reads a fixture file (`category<TAB>text`, `\n` for a line break, `#`
/// comments).
pub fn read_tsv(raw: &str, risk: bool, set: &str) -> Vec<Labelled> {
    raw.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (cat, text) = l.split_once('\t').unwrap_or(("?", l));
            Labelled {
                text: text.replace("\\n", "\n"),
                risk,
                set: set.to_string(),
                category: cat.to_string(),
            }
        })
        .collect()
}

/// The training texts: every fixture set (`tests/fixtures/safety/*-risk.tsv`
/// and `*-near.tsv`, by set name) and the ordinary sample, in a fixed order.
pub fn training_data(root: &std::path::Path) -> Vec<Labelled> {
    let dir = root.join("tests/fixtures/safety");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| n.ends_with("-risk.tsv") || n.ends_with("-near.tsv"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out = Vec::new();
    for n in names {
        let raw = std::fs::read_to_string(dir.join(&n)).unwrap_or_default();
        let (set, kind) = n
            .trim_end_matches(".tsv")
            .rsplit_once('-')
            .unwrap_or(("?", "?"));
        out.extend(read_tsv(&raw, kind == "risk", set));
    }
    // Round eight's everyday sentences in risk shapes are hard near-misses
    // too (the rules' author wrote them, so they count as that writer's).
    let probes = std::fs::read_to_string(dir.join("round8-probes.tsv")).unwrap_or_default();
    out.extend(read_tsv(&probes, false, "round8-probes"));
    let ordinary = std::fs::read_to_string(dir.join("ordinary-goemotions.txt")).unwrap_or_default();
    out.extend(
        ordinary
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| Labelled {
                text: l.to_string(),
                risk: false,
                set: "ordinary".to_string(),
                category: "goemotions".to_string(),
            }),
    );
    out.extend(ordinary_kap(root, false).into_iter().map(|l| Labelled {
        text: l,
        risk: false,
        set: "ordinary".to_string(),
        category: "kap".to_string(),
    }));
    out
}

/// Lines of `ordinary-kap.txt` (ordinary KAP journal prose, written for
/// kapj): every fifth line is held out of training to measure on
/// (`held_out` true gives those, false the rest).
pub fn ordinary_kap(root: &std::path::Path, held_out: bool) -> Vec<String> {
    let raw = std::fs::read_to_string(root.join("tests/fixtures/safety/ordinary-kap.txt"))
        .unwrap_or_default();
    raw.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .enumerate()
        .filter(|(i, _)| (i % 5 == 4) == held_out)
        .map(|(_, l)| l.to_string())
        .collect()
}

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub epochs: usize,
    pub rate: f64,
    pub l2: f64,
    /// A feature must occur in at least this many training texts.
    pub min_docs: usize,
    /// How much more a risk text counts than a quiet one.
    pub risk_weight: f64,
    /// How much an ordinary (not hard near-miss) text counts.
    pub ordinary_weight: f64,
    /// Weight of an ordinary KAP journal line (`ordinary-kap.txt`).
    pub kap_weight: f64,
}

pub const SETTINGS: Settings = Settings {
    epochs: 12,
    rate: 0.1,
    l2: 1e-4,
    min_docs: 2,
    risk_weight: 1.5,
    ordinary_weight: 0.5,
    kap_weight: 1.0,
};

/// A trained model in the form training keeps it: named features.
pub struct Trained {
    pub names: Vec<String>,
    pub weights: Vec<f64>,
    pub bias: f64,
}

struct Doc {
    /// Per sentence: its own feature indices, with repeats.
    sents: Vec<Vec<u32>>,
    /// Per sentence: what it lends a neighbour.
    ctx: Vec<Vec<u32>>,
    label: f64,
    weight: f64,
}

fn feature_name(kind: u64, a: Part, b: Part) -> String {
    let letter = KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or("?", |(_, n)| n);
    let p = |p: Part| match p {
        Part::Stem(s) => s.to_string(),
        Part::Tag(b) => b.to_string(),
        Part::None => String::new(),
    };
    match b {
        Part::None => format!("{letter} {}", p(a)),
        _ => format!("{letter} {} {}", p(a), p(b)),
    }
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// Trains on labelled texts: a logistic regression whose input for a text
/// is its best span (multiple-instance: the span the model now scores
/// highest), fitted with AdaGrad in a fixed order, so the same texts always
/// give the same weights.
pub fn train(data: &[Labelled], st: Settings) -> Trained {
    // Features named once; texts as index lists.
    let mut index: HashMap<String, u32> = HashMap::new();
    let mut names: Vec<String> = Vec::new();
    let mut df: Vec<usize> = Vec::new();
    let mut docs: Vec<Doc> = Vec::with_capacity(data.len());
    for l in data {
        let mut sents = Vec::new();
        let mut ctx = Vec::new();
        let mut seen: Vec<u32> = Vec::new();
        for s in super::normalise::sentences(&l.text) {
            let mut ids = Vec::new();
            let mut cids = Vec::new();
            features(&s, true, |kind, a, b, _| {
                let name = feature_name(kind, a, b);
                let id = *index.entry(name.clone()).or_insert_with(|| {
                    names.push(name);
                    df.push(0);
                    u32::try_from(names.len() - 1).unwrap_or(u32::MAX)
                });
                if kind > CONTEXT {
                    cids.push(id);
                } else {
                    ids.push(id);
                }
                seen.push(id);
            });
            sents.push(ids);
            ctx.push(cids);
        }
        seen.sort_unstable();
        seen.dedup();
        for id in seen {
            df[id as usize] += 1;
        }
        let weight = if l.risk {
            st.risk_weight
        } else if l.category == "kap" {
            st.kap_weight
        } else if l.set == "ordinary" {
            st.ordinary_weight
        } else {
            1.0
        };
        docs.push(Doc {
            sents,
            ctx,
            label: if l.risk { 1.0 } else { 0.0 },
            weight,
        });
    }
    // Rare features are dropped: a feature seen once is a sentence learnt
    // by heart.
    for d in &mut docs {
        for s in d.sents.iter_mut().chain(d.ctx.iter_mut()) {
            s.retain(|&id| df[id as usize] >= st.min_docs);
        }
    }
    let nf = names.len();
    let mut w = vec![0f64; nf];
    let mut g2 = vec![0f64; nf];
    let mut bias = 0f64;
    let mut bias_g2 = 0f64;
    // A fixed shuffle (a linear congruential sequence), the same each run.
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut seed: u64 = 0x5eed;
    for i in (1..order.len()).rev() {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let j = usize::try_from((seed >> 33) % (i as u64 + 1)).unwrap_or(0);
        order.swap(i, j);
    }
    let mut scores: Vec<f64> = Vec::new();
    let mut lent: Vec<f64> = Vec::new();
    for _ in 0..st.epochs {
        for &di in &order {
            let d = &docs[di];
            if d.sents.is_empty() {
                continue;
            }
            scores.clear();
            let sum = |s: &Vec<u32>| s.iter().map(|&id| w[id as usize]).sum::<f64>();
            scores.extend(d.sents.iter().map(sum));
            lent.clear();
            lent.extend(d.ctx.iter().map(sum));
            let Some((score, k)) = best(&scores, &lent, bias) else {
                continue;
            };
            let g = (sigmoid(score) - d.label) * d.weight;
            let n = d.sents.len();
            let parts = std::iter::once(&d.sents[k])
                .chain((k > 0).then(|| &d.ctx[k - 1]))
                .chain((k + 1 < n).then(|| &d.ctx[k + 1]));
            for s in parts {
                for &id in s {
                    let i = id as usize;
                    let gi = g + st.l2 * w[i];
                    g2[i] += gi * gi;
                    w[i] -= st.rate * gi / (g2[i].sqrt() + 1e-8);
                }
            }
            bias_g2 += g * g;
            bias -= st.rate * g / (bias_g2.sqrt() + 1e-8);
        }
    }
    Trained {
        names,
        weights: w,
        bias,
    }
}

impl Trained {
    /// The weights file: fixed decimals, features sorted by name, weights
    /// too small to matter left out.
    pub fn to_text(&self, threshold: f64, header: &str) -> String {
        let mut rows: Vec<(&str, f64)> = self
            .names
            .iter()
            .zip(&self.weights)
            .map(|(n, w)| (n.as_str(), (w * 1000.0).round() / 1000.0))
            .filter(|(_, w)| w.abs() >= 0.005)
            .collect();
        rows.sort_by(|a, b| a.0.cmp(b.0));
        let mut out = String::new();
        for l in header.lines() {
            out.push_str("# ");
            out.push_str(l);
            out.push('\n');
        }
        let _ = write!(out, "bias {:.3}\nthreshold {threshold:.3}\n", self.bias);
        for (n, w) in rows {
            let _ = writeln!(out, "{n} {w:.3}");
        }
        out
    }

    /// As the shipped model would read it (rounded the same way).
    pub fn model(&self, threshold: f64) -> Model {
        Model::parse(&self.to_text(threshold, "")).expect("training writes a readable file")
    }
}

/// A fingerprint of what training reads (FNV-1a of every text and label,
/// in order), written into the weights file's header so a test can tell
/// when the file is older than the fixtures.
pub fn inputs_fingerprint(data: &[Labelled]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for l in data {
        for b in l
            .set
            .bytes()
            .chain([0, u8::from(l.risk)])
            .chain(l.text.bytes())
            .chain([0xff])
        {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// The lines of a weights file after its header and threshold: what
/// training alone decides (the threshold also depends on the rules).
pub fn weight_lines(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("threshold "))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::care::safety::normalise::sentences;

    const TOY: &str = "# a toy model\nbias -1.000\nthreshold 0.500\n\
                       u want 0.500\nb want die 1.000\nt 9 0.250\ncu want 0.100\nf 9 0.300\n";

    #[test]
    fn a_toy_model_adds_its_weights() {
        let m = Model::parse(TOY).unwrap();
        assert!((m.bias - -1.0).abs() < 1e-9);
        assert!((m.threshold - 0.5).abs() < 1e-9);
        // "i want to die": u want, b want … no (to between), t 9 (die: DIE),
        // f 9 (die after "i").
        let s = &sentences("I want to die.")[0];
        let (own, ctx) = m.sentence_scores(s);
        assert!((own - (0.5 + 0.25 + 0.3)).abs() < 1e-6, "{own}");
        assert!((ctx - 0.1).abs() < 1e-6, "{ctx}");
        let s = &sentences("want die")[0];
        let (own, _) = m.sentence_scores(s);
        assert!((own - (0.5 + 1.0 + 0.25)).abs() < 1e-6, "{own}");
        // Two sentences: the first lends the second its "want".
        let all = sentences("I want. To die.");
        let (score, k) = m.best(&all).unwrap();
        // "i want" scores -1 + 0.5; "to die" scores -1 + 0.25 + 0.1 lent.
        assert_eq!(k, 0);
        assert!((score - -0.5).abs() < 1e-6, "{score}");
        let (score, _) = m.best(&all[1..]).unwrap();
        assert!((score - -0.75).abs() < 1e-6, "{score}");
        assert_eq!(m.best(&[]), None);
    }

    #[test]
    fn the_model_raises_the_gentle_note_and_keys_its_sentence() {
        // From tests/fixtures/safety/dev9-risk.tsv, read by the model.
        let text = "Made tea. stood on the bridge again tonight just looking down. its high enough";
        let all = sentences(text);
        let m = model();
        let f = combine_with(m, &all, None).expect("the model reads it");
        assert_eq!(f.severity, Severity::Gentle);
        assert_eq!(f.sentences.len(), 1);
        assert!(f.sentences[0].contains("bridge"), "{:?}", f.sentences);
        // A finding of the rules keeps its severity and gains the key.
        let rules = Finding {
            severity: Severity::Now,
            sentences: vec!["x".into()],
        };
        let f = combine_with(m, &all, Some(rules)).unwrap();
        assert_eq!(f.severity, Severity::Now);
        assert_eq!(f.sentences.len(), 2);
        // Below the threshold the rules' answer is untouched.
        let calm = sentences("Made soup with my sister and we laughed about the old house.");
        assert_eq!(combine_with(m, &calm, None), None);
        // Switched on, `assess` adds what the model reads; off, the rules'
        // answer is all there is.
        assert_eq!(combine(&all, None).is_some(), ON);
    }

    #[test]
    fn malformed_weights_are_refused() {
        assert!(Model::parse("bias 1\n").is_none());
        assert!(Model::parse("bias 1\nthreshold 2\nq x 1\n").is_none());
        assert!(Model::parse("bias 1\nthreshold 2\nt notanumber 1\n").is_none());
        assert!(Model::parse("bias 1\nthreshold 2\n").is_some());
    }

    #[test]
    fn scores_are_deterministic_and_the_threshold_divides() {
        let m = model();
        let risk = "I have been saving up my tablets in a shoebox for when I decide.";
        let calm = "Made soup with my sister and we laughed about the old house.";
        let a = m.score(risk);
        assert_eq!(a.to_bits(), model().score(risk).to_bits());
        assert!(a >= m.threshold, "{a} < {}", m.threshold);
        assert!(m.score(calm) < m.threshold);
        assert_eq!(m.score(""), f64::NEG_INFINITY);
    }

    #[test]
    fn light_stems_are_prefixes() {
        assert_eq!(light_stem("wanting"), "want");
        assert_eq!(light_stem("wanted"), "want");
        assert_eq!(light_stem("pills"), "pill");
        assert_eq!(light_stem("dying"), "dying");
        assert_eq!(light_stem("glass"), "glass");
        assert_eq!(light_stem("señoring"), "señor");
        assert_eq!(light_stem("ñed"), "ñed");
    }

    /// The shipped weights are what training makes from today's fixtures
    /// and feature code. When this fails, run
    /// `cargo run --release --example safety_model -- write` and commit
    /// `src/care/safety/model.txt`.
    #[test]
    fn shipped_weights_are_current() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let data = training_data(root);
        assert!(data.len() > 5_000, "the fixtures are missing");
        let fingerprint = inputs_fingerprint(&data);
        assert!(
            WEIGHTS.contains(&format!("inputs {fingerprint}")),
            "the fixtures changed since model.txt was written"
        );
        let trained = train(&data, SETTINGS).to_text(0.0, "");
        let now = weight_lines(&trained);
        let shipped = weight_lines(WEIGHTS);
        assert_eq!(now.len(), shipped.len(), "feature count");
        for (a, b) in now.iter().zip(&shipped) {
            assert_eq!(a, b);
        }
    }
}
