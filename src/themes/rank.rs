//! Stage 2: recurring themes of a journal from its entries' terms (a
//! [`Corpus`]: only terms that two or more entries use).
//!
//! 1. Gather each term's use across entries: entries, sessions
//!    (or, for entries without a session, days), first and last seen.
//! 2. Keep terms that recur: in entries of two sessions, or on three days
//!    where there are no sessions; drop prompt words.
//! 3. Score each by how much more this journal uses it than first-person
//!    emotional writing usually does: the log-odds ratio against the GoEmotions
//!    background with an informative Dirichlet prior, as a z-score (Monroe,
//!    Colaresi & Quinn 2008, "Fightin' Words"), allowing for GoEmotions being
//!    only a stand-in for such writing. A word GoEmotions never has may
//!    also be judged against its rate in general English (wordfreq), which
//!    is known far better. Only clearly significant terms stay, the bar
//!    raised by the number of terms tried, so a journal without real themes
//!    yields few.
//!    A single word must also stand clearly above its general-English rate,
//!    so a word all English uses a lot ("sat", "study") is not a theme
//!    because a genre lifts it above GoEmotions.
//! 4. Count the entries: a theme must be in more entries than such writing
//!    would put it in even at a generous estimate of its usual rate (the
//!    upper end of the keyness' own uncertainty about it): a Poisson tail
//!    test, family-wise over every distinct term the journal writes, since
//!    any of them could have come back by chance. Two or three entries that
//!    share a rare word by chance fail it; a motif written in five or six
//!    entries passes it, also where the journal's whole vocabulary is of
//!    another kind than GoEmotions (the outlier bar that stood here, the
//!    candidates' median score plus 2.5 robust SD, removed such motifs once
//!    a journal had a few dozen entries; see tools/theme-holdout).
//! 5. Let a phrase stand for its word where it carries most of its uses
//!    ("my father" rather than "father"); never show two themes sharing a word.
//!
//! Time and memory are linear in the number of candidate terms of the
//! period's entries: one pass over dense slots gathers their stats, later
//! steps touch only recurring terms.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::corpus::{Corpus, Doc, NAMED};
use super::hash::{key_hash, ByHash};
use super::lexicon::{background, category_of_stem, general};
use super::stem::stem;
use super::text::{clauses, kind, WordKind, PARTICLES, POSSESSIVES};
use super::{RankOptions, ThemeHit, Trend};

/// Strength of the background prior, in pseudo-words.
const PRIOR_WEIGHT: f64 = 500.0;
/// Background count given to terms the background never has.
const UNSEEN: f64 = 0.5;
/// GoEmotions stands in for "such writing" (first-person emotional text),
/// so the usual rate of any one word is known only roughly: we take its log
/// to be uncertain by this standard deviation (a factor of about 2), on top
/// of sampling error. (On the dev journals, common words' rates scatter
/// around their GoEmotions rates with a log-sd of 0.8 to 1.1; 0.7 is on the
/// safe side.) This keeps large counts of a modest excess, a difference of
/// genre, from outranking a clear excess, as the plain z would: it grows
/// without bound with the count.
const GENRE_SD: f64 = 0.7;
/// Family-wise false-alarm rate for the significance bar.
const FALSE_ALARM: f64 = 0.05;
/// The bar is never lower than this z, whatever the number of terms.
const MIN_Z: f64 = 3.0;
/// The entries test takes a term's usual rate at the upper end of what is
/// plausible: this many standard deviations (one-sided 95%) above its
/// background rate on the log scale, with the same uncertainty the keyness
/// allows (genre and, for sampled counts, sampling error).
const UPPER_Z: f64 = 1.645;
/// A word GoEmotions never has is judged against general English instead
/// (wordfreq): there a content word comes at about this many times its
/// general-English rate (the mean log-ratio of the two tables' rates is
/// 0.43 on the words GoEmotions has 50 or more times).
const GENERAL_LIFT: f64 = 1.5;
/// How far such writing may stray from general English for any one word, as
/// the SD of its log-rate (those words' log-ratios scatter by 0.89; this
/// takes in the genre's drift too).
const GENERAL_SD: f64 = 1.0;
/// Every single word must also stand this many SD above its rate in general
/// English: words any English uses a lot ("study", "sat", "table") that a
/// genre lifts above GoEmotions drop out; a person's motif in five or six
/// entries clears it (no planted motif came below 3.0).
const GENERAL_Z: f64 = 2.5;
/// A phrase stands for a word when it holds at least this share of the
/// word's entries.
const PHRASE_SHARE: f64 = 0.6;

/// What one term does across the journal.
#[derive(Debug, Clone)]
struct Stats {
    /// Entries that write it as a name.
    named: u32,
    entries: u32,
    sessions: u32,
    /// Distinct days among entries without a session.
    days: u32,
    last_unit: u32,
    /// Entries in the earlier half of the journal (by time).
    early: u32,
    /// Positions in time order of the first and last entry using it.
    first: u32,
    last: u32,
}

impl Stats {
    fn new() -> Stats {
        Stats {
            named: 0,
            entries: 0,
            sessions: 0,
            days: 0,
            last_unit: u32::MAX,
            early: 0,
            first: u32::MAX,
            last: 0,
        }
    }

    /// Two sessions, or three days without sessions (mixed: three of either).
    fn recurs(&self) -> bool {
        self.sessions >= 2 || self.days >= 3 || self.sessions + self.days >= 3
    }

    /// Written as a name in most of its entries.
    fn is_name(&self) -> bool {
        2 * self.named > self.entries
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
    fn new(docs: &[Doc]) -> Layout {
        let mut by_time: Vec<usize> = (0..docs.len()).collect();
        // Stable, and the store hands entries over in time order already.
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

/// Every candidate term of the journal with its stats, one slot per key.
struct Gathered<'a> {
    /// Key of each slot (borrowed from the corpus) and its hash.
    keys: Vec<&'a str>,
    hashes: Vec<u64>,
    stats: Vec<Stats>,
    /// Slot by key hash.
    index: ByHash<u32>,
    /// The slot of every candidate term of every entry, in `Layout::by_unit`
    /// order then term order, so a later pass finds a theme's entries
    /// without looking anything up.
    occurrences: Vec<u32>,
    /// Where each entry's occurrences end, in `by_unit` order.
    ends: Vec<usize>,
}

impl Gathered<'_> {
    fn slot_of(&self, key: &str) -> Option<usize> {
        self.index.get(&key_hash(key)).map(|&s| s as usize)
    }
}

/// One pass over the corpus in unit order: slots are dense, so the stats
/// are a plain vector and no term is looked up by key.
fn gather<'a>(corpus: &'a Corpus, layout: &Layout) -> Gathered<'a> {
    let keys: Vec<&str> = corpus.keys.iter().map(String::as_str).collect();
    let mut stats = vec![Stats::new(); keys.len()];
    let mut occurrences = Vec::with_capacity(corpus.slots.len());
    let mut ends = Vec::with_capacity(corpus.len());
    let early_len = layout.early_len();
    for &d in &layout.by_unit {
        let unit = layout.unit_of[d];
        let pos = layout.time_pos[d];
        let in_session = corpus.docs[d].session.is_some();
        let (slots, meta) = corpus.terms_of(d);
        for (&slot, &m) in slots.iter().zip(meta) {
            let s = &mut stats[slot as usize];
            s.named += u32::from(m & NAMED != 0);
            s.entries += 1;
            if s.last_unit != unit {
                s.last_unit = unit;
                if in_session {
                    s.sessions += 1;
                } else {
                    s.days += 1;
                }
            }
            s.early += u32::from(pos < early_len);
            s.first = s.first.min(pos);
            s.last = s.last.max(pos);
        }
        occurrences.extend_from_slice(slots);
        ends.push(occurrences.len());
    }
    let hashes: Vec<u64> = keys.iter().map(|k| key_hash(k)).collect();
    let mut index = ByHash::with_capacity_and_hasher(keys.len(), Default::default());
    for (slot, &h) in hashes.iter().enumerate() {
        index.insert(h, slot as u32);
    }
    Gathered {
        keys,
        hashes,
        stats,
        index,
        occurrences,
        ends,
    }
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

/// Keyness of a term. Personal names are a case apart: GoEmotions masks
/// them, so the background cannot have sampled this name; it is given the
/// background count of a typical name, taken as known (no sampling error).
fn score(hash: u64, s: &Stats, words: f64) -> f64 {
    let bg = background();
    // Entries, not uses: a word repeated within one entry is emphasis, not
    // recurrence. (An entry counted it up to twice, which let a word a
    // genre repeats outrank a motif of as many entries; see
    // tools/theme-holdout.)
    let used = f64::from(s.entries);
    let seen = f64::from(bg.count(hash));
    if s.is_name() {
        keyness(used, words, bg.name.max(seen), bg.total, false)
    } else {
        keyness(used, words, seen + UNSEEN, bg.total, true)
    }
}

/// z-score of the journal's use of a single word against its rate in
/// general English (lifted to such writing, uncertain by GENERAL_SD): None
/// for names (GoEmotions' typical name stands for them), phrases and words
/// wordfreq does not have.
///
/// A word GoEmotions never has (seen at most once in 190,000 content words)
/// clears the significance bar when this z does: GoEmotions' sampling error
/// capped its keyness near its log-ratio / 1.6, so a name or "boathouse" in
/// five entries of a long journal could never clear it, while wordfreq's
/// estimate of its rate is good. (It is still ranked by its keyness: rare
/// words are many, and with a tiny rate each would outrank what comes back
/// far more often.)
fn general_z(hash: u64, s: &Stats, words: f64) -> Option<f64> {
    if s.is_name() {
        return None;
    }
    let rate = general().rate(hash)? * GENERAL_LIFT;
    let used = f64::from(s.entries);
    let variance = 1.0 / used + GENERAL_SD * GENERAL_SD;
    Some(((used / words).ln() - rate.ln()) / variance.sqrt())
}

/// [`general_z`] for a word GoEmotions never has.
fn rare_word_z(hash: u64, s: &Stats, words: f64) -> Option<f64> {
    if background().count(hash) == 0 {
        general_z(hash, s, words)
    } else {
        None
    }
}

/// Log-odds z-score of the journal's use of a term against the background:
/// delta = log-odds(journal) - log-odds(background), both smoothed by a
/// prior proportional to the background rate; z = delta / sd.
/// `sampled`: whether the background count is a sample (with its own error)
/// or a modelled rate.
fn keyness(used: f64, words: f64, bg: f64, bg_total: f64, sampled: bool) -> f64 {
    let alpha = PRIOR_WEIGHT * bg / bg_total;
    let journal = ((used + alpha) / (words + PRIOR_WEIGHT - used - alpha).max(1.0)).ln();
    let general = ((bg + alpha) / (bg_total + PRIOR_WEIGHT - bg - alpha)).ln();
    let mut variance = 1.0 / (used + alpha) + GENRE_SD * GENRE_SD;
    if sampled {
        variance += 1.0 / (bg + alpha);
    }
    (journal - general) / variance.sqrt()
}

/// z such that a standard normal exceeds it with probability p (p < 0.5),
/// by bisection on the complementary error function.
fn z_for_tail(p: f64) -> f64 {
    let (mut lo, mut hi) = (0.0f64, 10.0f64);
    for _ in 0..60 {
        let mid = f64::midpoint(lo, hi);
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

/// The most a term's rate in such writing may plausibly be, per content
/// word: its background rate raised by UPPER_Z standard deviations of its
/// log, as [`keyness`] takes it to be uncertain (a name: the typical name's
/// rate, known, so only the genre's uncertainty). For a word GoEmotions
/// never has, its general-English rate (lifted, raised by GENERAL_SD) where
/// that is lower: as for the keyness, either background may vouch for such
/// a word, and a word English has often but GoEmotions never saw
/// ("harbour", "greenhouse") keeps the test it had.
fn generous_rate(hash: u64, s: &Stats) -> f64 {
    let bg = background();
    let seen = f64::from(bg.count(hash));
    let (count, variance) = if s.is_name() {
        (bg.name.max(seen), GENRE_SD * GENRE_SD)
    } else {
        let count = seen + UNSEEN;
        (count, GENRE_SD * GENRE_SD + 1.0 / count)
    };
    let rate = count / bg.total * (UPPER_Z * variance.sqrt()).exp();
    if seen == 0.0 && !s.is_name() {
        if let Some(general) = general().rate(hash) {
            return rate.min(general * GENERAL_LIFT * (UPPER_Z * GENERAL_SD).exp());
        }
    }
    rate
}

/// Whether a term is in more entries than chance allows: P(X >= entries) for
/// X ~ Poisson(generous rate x the journal's content words), against
/// `alpha`. (X counts uses; a term's entries are never more than its uses,
/// so this errs toward no.)
fn in_enough_entries(hash: u64, s: &Stats, words: f64, alpha: f64) -> bool {
    let expected = generous_rate(hash, s) * words;
    ln_poisson_tail(expected, s.entries) < alpha.ln()
}

/// ln P(X >= k) for X ~ Poisson(mu): the sum of the tail's terms from k on,
/// in logs so that tiny tails do not vanish.
fn ln_poisson_tail(mu: f64, k: u32) -> f64 {
    if k == 0 {
        return 0.0;
    }
    if mu <= 0.0 {
        return f64::NEG_INFINITY;
    }
    let k = f64::from(k);
    let first = -mu + k * mu.ln() - ln_factorial(k);
    // The rest relative to the first term: mu/(k+1) + mu^2/((k+1)(k+2)) + ...
    let (mut sum, mut term, mut j) = (1.0f64, 1.0f64, k);
    while j < k + 1000.0 {
        j += 1.0;
        term *= mu / j;
        sum += term;
        if term < 1e-12 * sum {
            break;
        }
    }
    first + sum.ln()
}

/// ln(n!) by Stirling's series (exact enough from n = 0 on for a test bar).
fn ln_factorial(n: f64) -> f64 {
    if n < 2.0 {
        return 0.0;
    }
    if n < 20.0 {
        return (2..=n as u32).map(|i| f64::from(i).ln()).sum();
    }
    let x = n + 1.0;
    (x - 0.5) * x.ln() - x + 0.5 * (2.0 * std::f64::consts::PI).ln() + 1.0 / (12.0 * x)
        - 1.0 / (360.0 * x * x * x)
}

/// A recurring term and its keyness.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    slot: usize,
    score: f64,
}

pub fn rank(corpus: &Corpus, opts: &RankOptions) -> Vec<ThemeHit> {
    if corpus.len() < 2 || opts.top == 0 {
        return Vec::new();
    }
    let layout = Layout::new(&corpus.docs);
    let g = gather(corpus, &layout);
    let excluded = excluded_stems(&opts.exclude_text);
    let words = corpus.words as f64;

    let tried: Vec<Candidate> = (0..g.keys.len())
        .filter(|&i| g.stats[i].recurs())
        .filter(|&i| !content_stems(g.keys[i]).any(|w| excluded.contains(w)))
        .map(|i| Candidate {
            slot: i,
            score: score(g.hashes[i], &g.stats[i], words),
        })
        .collect();
    let bar = z_for_tail(FALSE_ALARM / tried.len().max(1) as f64).max(MIN_Z);
    // Any term of the journal could have come back by chance, not only those
    // that did: the entries test is family-wise over the distinct terms the
    // period's entries write. (It counted words written, which counts a
    // word each time it is repeated: the longer the entries, the more it
    // overstated the family, and a motif of five or six entries was lost
    // in a journal of long ones.)
    let alpha = FALSE_ALARM / corpus.distinct_terms.max(1) as f64;
    let mut passed: Vec<Candidate> = tried
        .iter()
        .filter(|c| {
            c.score >= bar
                || rare_word_z(g.hashes[c.slot], &g.stats[c.slot], words).is_some_and(|z| z >= bar)
        })
        .filter(|c| in_enough_entries(g.hashes[c.slot], &g.stats[c.slot], words, alpha))
        .filter(|c| {
            g.keys[c.slot].contains(' ')
                || general_z(g.hashes[c.slot], &g.stats[c.slot], words)
                    .is_none_or(|z| z >= GENERAL_Z)
        })
        .copied()
        .collect();
    passed.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| g.keys[a.slot].cmp(g.keys[b.slot]))
    });
    let chosen = choose(&passed, &tried, &g, opts.top);
    hits(&corpus.docs, &layout, &g, &chosen)
}

/// Walk the passed terms best first, letting a phrase stand for a word it
/// mostly accounts for, and never taking two themes that share a word.
fn choose(
    passed: &[Candidate],
    tried: &[Candidate],
    g: &Gathered,
    top: usize,
) -> Vec<(usize, f64)> {
    let phrases = phrases_with(passed, tried, g);
    let mut taken_words: HashSet<&str> = HashSet::new();
    let mut out = Vec::new();
    for c in passed {
        if out.len() >= top {
            break;
        }
        let slot = if g.keys[c.slot].contains(' ') {
            if !holds_together(c.slot, g) {
                continue;
            }
            c.slot
        } else {
            standing_phrase(c.slot, &phrases, g).unwrap_or(c.slot)
        };
        if content_stems(g.keys[slot]).any(|w| taken_words.contains(w)) {
            continue;
        }
        taken_words.extend(content_stems(g.keys[slot]));
        out.push((slot, c.score));
    }
    out
}

/// Recurring phrases containing a word that passed, by that word.
fn phrases_with<'a>(
    passed: &[Candidate],
    tried: &[Candidate],
    g: &Gathered<'a>,
) -> HashMap<&'a str, Vec<usize>> {
    let mut out: HashMap<&str, Vec<usize>> = passed
        .iter()
        .filter(|c| !g.keys[c.slot].contains(' '))
        .map(|c| (g.keys[c.slot], Vec::new()))
        .collect();
    for c in tried.iter().filter(|c| g.keys[c.slot].contains(' ')) {
        for w in content_stems(g.keys[c.slot]) {
            if let Some(list) = out.get_mut(w) {
                list.push(c.slot);
            }
        }
    }
    out
}

/// The phrase that carries most of a word's entries, if one does.
fn standing_phrase(
    word: usize,
    phrases: &HashMap<&str, Vec<usize>>,
    g: &Gathered,
) -> Option<usize> {
    let need = PHRASE_SHARE * f64::from(g.stats[word].entries);
    phrases
        .get(g.keys[word])?
        .iter()
        .copied()
        .filter(|&p| f64::from(g.stats[p].entries) >= need && holds_together(p, g))
        .max_by(|&a, &b| {
            let (ea, eb) = (g.stats[a].entries, g.stats[b].entries);
            ea.cmp(&eb).then_with(|| g.keys[b].cmp(g.keys[a]))
        })
}

/// A phrase says more than its words when they mostly come together: it
/// holds a good share of the entries of each of its content words.
fn holds_together(phrase: usize, g: &Gathered) -> bool {
    let entries = f64::from(g.stats[phrase].entries);
    content_stems(g.keys[phrase]).all(|w| {
        g.slot_of(w)
            .is_some_and(|s| entries >= PHRASE_SHARE * f64::from(g.stats[s].entries))
    })
}

/// Build the reported themes for the chosen slots (with their scores). The
/// theme is shown by its key until the caller finds the written form.
fn hits(docs: &[Doc], layout: &Layout, g: &Gathered, chosen: &[(usize, f64)]) -> Vec<ThemeHit> {
    // Which chosen theme, if any, each slot is.
    let mut theme_of = vec![u32::MAX; g.keys.len()];
    for (i, &(slot, _)) in chosen.iter().enumerate() {
        theme_of[slot] = i as u32;
    }
    // Each theme's entries (time position, doc).
    let mut found: Vec<Vec<(u32, usize)>> = vec![Vec::new(); chosen.len()];
    let mut start = 0;
    for (&d, &end) in layout.by_unit.iter().zip(&g.ends) {
        for &slot in &g.occurrences[start..end] {
            let theme = theme_of[slot as usize];
            if theme != u32::MAX {
                found[theme as usize].push((layout.time_pos[d], d));
            }
        }
        start = end;
    }
    chosen
        .iter()
        .zip(found)
        .map(|(&(slot, score), mut entries)| {
            entries.sort_by_key(|e| std::cmp::Reverse(e.0));
            let key = g.keys[slot];
            let s = &g.stats[slot];
            ThemeHit {
                category: category(key, s).map(str::to_string),
                theme: key.to_string(),
                key: key.to_string(),
                entries: s.entries as usize,
                sessions: s.sessions as usize,
                days: s.days as usize,
                first_seen: docs[layout.by_time[s.first as usize]].at,
                last_seen: docs[layout.by_time[s.last as usize]].at,
                trend: trend(s, layout),
                entry_ids: entries.iter().map(|&(_, d)| docs[d].entry).collect(),
                score,
            }
        })
        .collect()
}

/// Category of a term: a person's name is about a relationship; otherwise
/// that of its last content word (the head of an English noun phrase), else
/// of any of its words.
fn category(key: &str, s: &Stats) -> Option<&'static str> {
    if s.is_name() {
        return Some("relationship");
    }
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
    let early_len = layout.early_len();
    let early_rate = f64::from(s.early) / f64::from(early_len.max(1));
    let late_rate = f64::from(s.entries - s.early) / f64::from((n - early_len).max(1));
    if late_rate >= 2.0 * early_rate {
        Trend::Rising
    } else if late_rate <= 0.5 * early_rate {
        Trend::Fading
    } else {
        Trend::Steady
    }
}
