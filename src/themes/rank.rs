//! Stage 2: recurring themes of a journal from its entries' analyses.
//!
//! 1. Gather each term's use across entries: capped count, entries, sessions
//!    (or, for entries without a session, days), first and last seen.
//! 2. Keep terms that recur: in entries of two sessions, or on three days
//!    where there are no sessions; drop prompt words.
//! 3. Score each by how much more this journal uses it than first-person
//!    emotional writing usually does: the log-odds ratio against the GoEmotions
//!    background with an informative Dirichlet prior, as a z-score (Monroe,
//!    Colaresi & Quinn 2008, "Fightin' Words"). Only clearly significant terms
//!    stay, with the bar raised by the number of terms tried, so a journal
//!    without real themes yields few.
//! 4. Let a phrase stand for its words where it carries most of their uses
//!    ("my father" rather than "father"); never show two themes sharing a word.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use chrono::NaiveDate;

use super::analysis::Analysis;
use super::lexicon::{background, category_of_stem};
use super::stem::stem;
use super::text::{clauses, kind, WordKind, PARTICLES, POSSESSIVES};
use super::{DocTerms, RankOptions, ThemeHit, Trend};

/// An entry counts a term at most this often: a word repeated within one
/// entry is emphasis, not recurrence.
const COUNT_CAP: u32 = 2;
/// Strength of the background prior, in pseudo-words.
const PRIOR_WEIGHT: f64 = 500.0;
/// Background count given to terms the background never has.
const UNSEEN: f64 = 0.5;
/// Family-wise false-alarm rate for the significance bar.
const FALSE_ALARM: f64 = 0.05;
/// The bar is never lower than this z, whatever the number of terms.
const MIN_Z: f64 = 3.0;
/// A phrase stands for a word when it holds at least this share of the
/// word's entries.
const PHRASE_SHARE: f64 = 0.6;

/// What one term does across the journal.
#[derive(Debug, Clone)]
struct Stats {
    /// Sum over entries of min(count, COUNT_CAP).
    count: u32,
    /// Plain sum of counts.
    raw: u32,
    entries: u32,
    sessions: u32,
    /// Distinct days among entries without a session.
    days: u32,
    last_unit: u32,
    /// Entries in the earlier / later half of the journal (by time).
    early: u32,
    late: u32,
    /// Positions in time order of the first and last entry using it.
    first: u32,
    last: u32,
}

impl Stats {
    fn new() -> Stats {
        Stats {
            count: 0,
            raw: 0,
            entries: 0,
            sessions: 0,
            days: 0,
            last_unit: u32::MAX,
            early: 0,
            late: 0,
            first: u32::MAX,
            last: 0,
        }
    }

    /// Two sessions, or three days without sessions (mixed: three of either).
    fn recurs(&self) -> bool {
        self.sessions >= 2 || self.days >= 3 || self.sessions + self.days >= 3
    }
}

/// Where an entry sits: its session, or for entries without one, its day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Unit {
    Session(i64),
    Day(NaiveDate),
}

/// The journal laid out once: entries in time order and in unit order.
struct Layout {
    /// Position of each doc in time order.
    time_pos: Vec<u32>,
    /// Doc indices, grouped by unit (so a term's units can be counted by
    /// noticing when the unit changes).
    by_unit: Vec<usize>,
    unit_of: Vec<u32>,
    /// Doc indices, oldest first.
    by_time: Vec<usize>,
}

impl Layout {
    fn new(docs: &[DocTerms]) -> Layout {
        let mut by_time: Vec<usize> = (0..docs.len()).collect();
        by_time.sort_by_key(|&i| docs[i].at);
        let mut time_pos = vec![0u32; docs.len()];
        for (pos, &i) in by_time.iter().enumerate() {
            time_pos[i] = pos as u32;
        }
        let mut ids: HashMap<Unit, u32> = HashMap::new();
        let unit_of: Vec<u32> = docs
            .iter()
            .map(|d| {
                let unit = match d.session {
                    Some(s) => Unit::Session(s),
                    None => Unit::Day(d.at.date_naive()),
                };
                let next = ids.len() as u32;
                *ids.entry(unit).or_insert(next)
            })
            .collect();
        let mut by_unit: Vec<usize> = (0..docs.len()).collect();
        by_unit.sort_by_key(|&i| unit_of[i]);
        Layout {
            time_pos,
            by_unit,
            unit_of,
            by_time,
        }
    }

    fn len(&self) -> u32 {
        self.time_pos.len() as u32
    }

    /// Entries in the earlier half (the later half gets the odd one).
    fn early_len(&self) -> u32 {
        self.len() / 2
    }
}

/// FxHash (as in rustc): much faster than SipHash for short string keys,
/// and the keys are not attacker-chosen.
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(buf))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Every term of the journal with its stats; keys borrow from the analyses.
fn gather<'a>(docs: &[DocTerms<'a>], layout: &Layout) -> (Vec<&'a str>, Vec<Stats>) {
    let mut index: FxMap<&'a str, u32> = FxMap::default();
    let mut keys: Vec<&'a str> = Vec::new();
    let mut stats: Vec<Stats> = Vec::new();
    let early_len = layout.early_len();
    for &d in &layout.by_unit {
        let doc = &docs[d];
        let analysis: &'a Analysis = doc.analysis;
        let unit = layout.unit_of[d];
        let pos = layout.time_pos[d];
        for term in &analysis.terms {
            let slot = *index.entry(term.key.as_str()).or_insert_with(|| {
                keys.push(term.key.as_str());
                stats.push(Stats::new());
                (stats.len() - 1) as u32
            });
            let s = &mut stats[slot as usize];
            s.count += term.count.min(COUNT_CAP);
            s.raw += term.count;
            s.entries += 1;
            if s.last_unit != unit {
                s.last_unit = unit;
                if doc.session.is_some() {
                    s.sessions += 1;
                } else {
                    s.days += 1;
                }
            }
            if pos < early_len {
                s.early += 1;
            } else {
                s.late += 1;
            }
            s.first = s.first.min(pos);
            s.last = s.last.max(pos);
        }
    }
    (keys, stats)
}

/// Stems of the prompts' words: terms containing one never count.
fn excluded_stems(texts: &[String]) -> HashSet<String> {
    texts
        .iter()
        .flat_map(|t| clauses(t))
        .flatten()
        .filter(|w| kind(&w.norm) != WordKind::Stop)
        .map(|w| stem(&w.norm))
        .collect()
}

/// The words of a key that carry meaning (not "my", "of", "up", …).
fn content_stems(key: &str) -> impl Iterator<Item = &str> {
    key.split(' ')
        .filter(|w| *w != "of" && !POSSESSIVES.contains(w) && !PARTICLES.contains(w))
}

/// Log-odds z-score of the journal's use of a term against the background:
/// delta = log-odds(journal) - log-odds(background), both smoothed by a
/// prior proportional to the background rate; z = delta / sd.
fn keyness(used: f64, words: f64, bg_count: f64, bg_total: f64) -> f64 {
    let bg = bg_count + UNSEEN;
    let alpha = PRIOR_WEIGHT * bg / bg_total;
    let journal = ((used + alpha) / (words + PRIOR_WEIGHT - used - alpha).max(1.0)).ln();
    let general = ((bg + alpha) / (bg_total + PRIOR_WEIGHT - bg - alpha)).ln();
    let variance = 1.0 / (used + alpha) + 1.0 / (bg + alpha);
    (journal - general) / variance.sqrt()
}

/// z such that a standard normal exceeds it with probability p (p < 0.5),
/// by bisection on the complementary error function.
fn z_for_tail(p: f64) -> f64 {
    let (mut lo, mut hi) = (0.0f64, 10.0f64);
    for _ in 0..60 {
        let mid = (lo + hi) / 2.0;
        if 0.5 * erfc(mid / std::f64::consts::SQRT_2) > p {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    hi
}

/// Complementary error function (Numerical Recipes' erfcc, |error| < 1.2e-7).
fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    let r = t * poly.exp();
    if x >= 0.0 {
        r
    } else {
        2.0 - r
    }
}

/// A term that passed the bar.
#[derive(Debug, Clone)]
struct Candidate {
    slot: usize,
    score: f64,
}

pub fn rank(docs: &[DocTerms], opts: &RankOptions) -> Vec<ThemeHit> {
    if docs.len() < 2 || opts.top == 0 {
        return Vec::new();
    }
    let layout = Layout::new(docs);
    let (keys, stats) = gather(docs, &layout);
    let excluded = excluded_stems(&opts.exclude_text);
    let words: f64 = docs.iter().map(|d| f64::from(d.analysis.words)).sum();
    let bg = background();

    let tried: Vec<Candidate> = (0..keys.len())
        .filter(|&i| stats[i].recurs())
        .filter(|&i| !content_stems(keys[i]).any(|w| excluded.contains(w)))
        .map(|i| Candidate {
            slot: i,
            score: keyness(
                f64::from(stats[i].count),
                words,
                f64::from(bg.count(keys[i])),
                bg.total,
            ),
        })
        .collect();
    let bar = z_for_tail(FALSE_ALARM / tried.len().max(1) as f64).max(MIN_Z);
    let mut passed: Vec<Candidate> = tried.iter().filter(|c| c.score >= bar).cloned().collect();
    passed.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| keys[a.slot].cmp(keys[b.slot]))
    });

    if std::env::var("THEMES_DEBUG").is_ok() {
        let mut all = tried.clone();
        all.sort_by(|a, b| b.score.total_cmp(&a.score));
        eprintln!(
            "bar {bar:.2} tried {} passed {} words {words}",
            tried.len(),
            passed.len()
        );
        for c in all.iter() {
            let s = &stats[c.slot];
            eprintln!(
                "DBG\t{}\t{:.2}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                keys[c.slot],
                c.score,
                s.count,
                bg.count(keys[c.slot]),
                s.entries,
                s.sessions + s.days,
                bg.total,
                docs.len(),
                s.raw
            );
        }
    }
    let chosen = choose(&passed, &tried, &keys, &stats, opts.top);
    chosen
        .into_iter()
        .map(|(slot, score)| hit(docs, &layout, keys[slot], &stats[slot], score))
        .collect()
}

/// Walk the passed terms best first, letting a phrase stand for a word it
/// mostly accounts for, and never taking two themes that share a word.
fn choose(
    passed: &[Candidate],
    tried: &[Candidate],
    keys: &[&str],
    stats: &[Stats],
    top: usize,
) -> Vec<(usize, f64)> {
    let terms = Terms::new(tried, keys, stats);
    let mut taken_words: HashSet<&str> = HashSet::new();
    let mut out = Vec::new();
    for c in passed {
        if out.len() >= top {
            break;
        }
        let slot = if keys[c.slot].contains(' ') {
            if !terms.holds_together(c.slot) {
                continue;
            }
            c.slot
        } else {
            terms.standing_phrase(c.slot).unwrap_or(c.slot)
        };
        if content_stems(keys[slot]).any(|w| taken_words.contains(w)) {
            continue;
        }
        taken_words.extend(content_stems(keys[slot]));
        out.push((slot, c.score));
    }
    out
}

/// The recurring terms, looked up by word.
struct Terms<'k> {
    keys: &'k [&'k str],
    stats: &'k [Stats],
    /// Slot of each recurring single word.
    word: HashMap<&'k str, usize>,
    /// Slots of the recurring phrases containing each content word.
    phrases: HashMap<&'k str, Vec<usize>>,
}

impl<'k> Terms<'k> {
    fn new(tried: &[Candidate], keys: &'k [&'k str], stats: &'k [Stats]) -> Terms<'k> {
        let mut word = HashMap::new();
        let mut phrases: HashMap<&str, Vec<usize>> = HashMap::new();
        for c in tried {
            let key = keys[c.slot];
            if key.contains(' ') {
                for w in content_stems(key) {
                    phrases.entry(w).or_default().push(c.slot);
                }
            } else {
                word.insert(key, c.slot);
            }
        }
        Terms {
            keys,
            stats,
            word,
            phrases,
        }
    }

    fn entries(&self, slot: usize) -> f64 {
        f64::from(self.stats[slot].entries)
    }

    /// The phrase that carries most of a word's entries, if one does.
    fn standing_phrase(&self, word_slot: usize) -> Option<usize> {
        let need = PHRASE_SHARE * self.entries(word_slot);
        self.phrases
            .get(self.keys[word_slot])?
            .iter()
            .copied()
            .filter(|&p| self.entries(p) >= need && self.holds_together(p))
            .max_by(|&a, &b| {
                let (ea, eb) = (self.stats[a].entries, self.stats[b].entries);
                ea.cmp(&eb).then_with(|| self.keys[b].cmp(self.keys[a]))
            })
    }

    /// A phrase says more than its words when they mostly come together: it
    /// holds a good share of the entries of each of its content words.
    fn holds_together(&self, phrase_slot: usize) -> bool {
        let entries = self.entries(phrase_slot);
        content_stems(self.keys[phrase_slot]).all(|w| {
            self.word
                .get(w)
                .is_some_and(|&s| entries >= PHRASE_SHARE * self.entries(s))
        })
    }
}

/// Build the reported theme for one term.
fn hit(docs: &[DocTerms], layout: &Layout, key: &str, s: &Stats, score: f64) -> ThemeHit {
    let mut forms: HashMap<&str, u32> = HashMap::new();
    let mut entry_ids = Vec::new();
    for &d in layout.by_time.iter().rev() {
        if let Some(t) = docs[d].analysis.get(key) {
            *forms.entry(t.surface.as_str()).or_default() += t.count;
            entry_ids.push(docs[d].entry.to_string());
        }
    }
    let theme = forms
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))
        .map(|f| f.0.to_string())
        .unwrap_or_else(|| key.to_string());
    ThemeHit {
        category: category_of_key(key).map(str::to_string),
        theme,
        entries: s.entries as usize,
        sessions: s.sessions as usize,
        days: s.days as usize,
        first_seen: docs[layout.by_time[s.first as usize]].at,
        last_seen: docs[layout.by_time[s.last as usize]].at,
        trend: trend(s, layout),
        entry_ids,
        score,
    }
}

/// Category of a term: that of its last content word (the head of an
/// English noun phrase), else of any of its words.
fn category_of_key(key: &str) -> Option<&'static str> {
    let words: Vec<&str> = content_stems(key).collect();
    words.iter().rev().find_map(|w| category_of_stem(w))
}

/// Trend, from where the theme's entries fall in the journal's time order:
/// - new: first seen only in the most recent third of the entries;
/// - otherwise compare the share of entries using it in the later half with
///   that in the earlier half: rising if at least twice as high (or absent
///   earlier), fading if at most half as high (or absent later), else steady.
fn trend(s: &Stats, layout: &Layout) -> Trend {
    let n = layout.len();
    if s.first >= n - n / 3 {
        return Trend::New;
    }
    let early_rate = f64::from(s.early) / f64::from(layout.early_len().max(1));
    let late_rate = f64::from(s.late) / f64::from((n - layout.early_len()).max(1));
    if late_rate >= 2.0 * early_rate {
        Trend::Rising
    } else if late_rate <= 0.5 * early_rate {
        Trend::Fading
    } else {
        Trend::Steady
    }
}
