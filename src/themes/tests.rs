//! Unit tests for the themes module: journals are built here, in code.

use chrono::{DateTime, Duration, FixedOffset};

use super::stem::stem;
use super::text::{PARTICLES, POSSESSIVES};
use super::*;

/// Everyday sentences, each with its own words, so that no filler word
/// recurs across entries: whatever recurs in a test journal was put there.
const FILLER: &[&str] = &[
    "The bus came late because of roadworks near the bakery.",
    "We cooked pasta with garlic, basil and a little lemon.",
    "A neighbour painted his fence green over the weekend.",
    "The printer jammed twice before lunch at the office.",
    "My cousin sent photos from a hiking trip in Norway.",
    "Rain kept the kids indoors, so we played cards.",
    "I repaired the bicycle chain and oiled the gears.",
    "The library returned my overdue books without a fine.",
    "Groceries cost more this month; coffee especially.",
    "A parcel arrived with the wrong charger inside.",
    "The cat knocked a plant off the windowsill.",
    "We watched a documentary about bees and honey.",
    "Traffic on the bridge crawled during rush hour.",
    "I sorted old receipts into folders for taxes.",
    "The dentist appointment moved to Thursday afternoon.",
    "Snow melted quickly once the sun came out.",
    "Our landlord finally fixed the dripping tap.",
    "A friendly stranger helped carry the heavy boxes.",
    "The train station smelled of popcorn and diesel.",
    "I ironed shirts while listening to the radio.",
    "The garden hose sprang a leak near the tap.",
    "We bought tickets for a concert in spring.",
    "The elevator in our building broke down again.",
    "Neighbours held a barbecue in the courtyard.",
];

fn at(day: i64) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2024-03-01T09:00:00+01:00").expect("valid date")
        + Duration::days(day)
}

/// One test entry: id, session, day offset, text.
struct E {
    id: i64,
    session: Option<i64>,
    day: i64,
    text: String,
}

/// `n` entries, two per session, one every three days; entry i gets filler
/// sentence i and then whatever `extra(i)` adds.
fn journal(n: usize, extra: impl Fn(usize) -> String) -> Vec<E> {
    (0..n)
        .map(|i| E {
            id: i as i64,
            session: Some((i / 2) as i64 + 1),
            day: 3 * i as i64,
            text: format!("{} {}", FILLER[i % FILLER.len()], extra(i)),
        })
        .collect()
}

fn rank_with(entries: &[E], exclude: &[&str]) -> Vec<ThemeHit> {
    // Through encode/decode, as kapj stores and reads them.
    let analyses: Vec<Analysis> = entries
        .iter()
        .map(|e| Analysis::decode(&Analysis::of_text(&e.text).encode()).expect("round trip"))
        .collect();
    let docs = entries.iter().zip(&analyses).map(|(e, a)| {
        let doc = Doc {
            entry: e.id,
            session: e.session,
            at: at(e.day),
        };
        (doc, a)
    });
    let corpus = Corpus::from_analyses(docs);
    let opts = RankOptions {
        top: 10,
        exclude_text: exclude.iter().map(|s| s.to_string()).collect(),
    };
    let mut hits = rank(&corpus, &opts);
    for h in &mut hits {
        h.theme = surface_of(&h.key, &analyses).expect("the key was written");
    }
    hits
}

fn themes_of(hits: &[ThemeHit]) -> Vec<&str> {
    hits.iter().map(|h| h.theme.as_str()).collect()
}

fn find<'h>(hits: &'h [ThemeHit], theme: &str) -> Option<&'h ThemeHit> {
    hits.iter().find(|h| h.theme == theme)
}

/// "ocean" in entries of five sessions; "violin" twice, in one session only.
fn planted(i: usize) -> String {
    let mut s = String::new();
    let ocean = [
        (1, "I was floating in a warm ocean."),
        (4, "The ocean again, grey and calm."),
        (6, "Waves of an ocean under my hands."),
        (9, "Somewhere an ocean, very far."),
        (13, "Dreamt of the ocean at night."),
    ];
    if let Some((_, sentence)) = ocean.iter().find(|o| o.0 == i) {
        s.push_str(sentence);
        s.push(' ');
    }
    if i == 10 || i == 11 {
        s.push_str("A violin was playing somewhere. ");
    }
    s
}

#[test]
fn a_planted_theme_is_found_and_one_session_is_not_enough() {
    let entries = journal(16, planted);
    let hits = rank_with(&entries, &[]);
    let ocean =
        find(&hits, "ocean").unwrap_or_else(|| panic!("ocean missing: {:?}", themes_of(&hits)));
    assert_eq!(ocean.entries, 5);
    assert_eq!(ocean.sessions, 5);
    assert_eq!(ocean.entry_ids.first().copied(), Some(13), "newest first");
    assert_eq!(ocean.first_seen, at(3));
    assert_eq!(ocean.last_seen, at(39));
    assert_eq!(ocean.category.as_deref(), Some("transpersonal"));
    assert!(find(&hits, "violin").is_none(), "{:?}", themes_of(&hits));
    // Nothing else was planted.
    assert_eq!(themes_of(&hits), vec!["ocean"]);
}

/// Words of a kind of writing GoEmotions lacks (rooms and places, as in dream
/// reports; none of them is in its table): each recurs in a few entries, as
/// such words do.
const LIFTED: &[&str] = &[
    "staircase",
    "attic",
    "cellar",
    "corridor",
    "banister",
    "veranda",
    "pantry",
    "chandelier",
    "fireplace",
    "mantel",
    "curtains",
    "lantern",
    "cupboard",
    "shutter",
    "skylight",
    "hedge",
    "meadow",
    "orchard",
    "lagoon",
    "canyon",
    "glacier",
    "prairie",
    "steeple",
    "carriage",
    "harbour",
    "canal",
    "gazebo",
    "trellis",
    "hayloft",
    "scullery",
    "parlour",
    "larder",
    "alcove",
    "belfry",
    "moat",
    "gable",
    "rafter",
    "archway",
    "sill",
    "threshold",
];

/// One entry per filler sentence, each naming the place words `uses` gives
/// it, and the river in every third.
fn places_and_a_river(uses: &[Vec<&str>]) -> Vec<E> {
    journal(uses.len(), |i| {
        let mut s: String = uses[i]
            .iter()
            .map(|w| format!("There was a {w}. "))
            .collect();
        if i % 3 == 0 {
            s.push_str("The river again.");
        }
        s
    })
}

#[test]
fn in_writing_of_another_kind_what_recurs_most_comes_first() {
    // 24 entries (one filler sentence each, none repeated): every place word
    // in two to five of them, and the river in every third. The place words
    // are this journal's kind of writing, which GoEmotions lacks; the river
    // is what keeps coming back, and it comes first.
    let n = FILLER.len();
    let mut uses: Vec<Vec<&str>> = vec![Vec::new(); n];
    let mut next = 0;
    for (k, word) in LIFTED.iter().enumerate() {
        for _ in 0..2 + k % 4 {
            uses[next % n].push(word);
            next += 5;
        }
    }
    let hits = rank_with(&places_and_a_river(&uses), &[]);
    assert_eq!(
        themes_of(&hits).first(),
        Some(&"river"),
        "{:?}",
        themes_of(&hits)
    );

    // The same when every place word comes equally often, so that most
    // candidates share one score.
    let mut uses: Vec<Vec<&str>> = vec![Vec::new(); n];
    for (k, word) in LIFTED.iter().enumerate() {
        for r in 0..4 {
            uses[(k + 6 * r) % n].push(word);
        }
    }
    let hits = rank_with(&places_and_a_river(&uses), &[]);
    assert_eq!(
        themes_of(&hits).first(),
        Some(&"river"),
        "{:?}",
        themes_of(&hits)
    );
}

#[test]
fn without_sessions_a_theme_needs_three_days() {
    let two_days = |i: usize| if i == 2 || i == 7 { "Grief again." } else { "" }.to_string();
    let three_days = |i: usize| {
        if [2, 7, 12].contains(&i) {
            "Grief again."
        } else {
            ""
        }
        .to_string()
    };
    for (extra, expected) in [
        (&two_days as &dyn Fn(usize) -> String, false),
        (&three_days, true),
    ] {
        let mut entries = journal(16, extra);
        for e in &mut entries {
            e.session = None;
        }
        let hits = rank_with(&entries, &[]);
        assert_eq!(
            find(&hits, "grief").is_some(),
            expected,
            "{:?}",
            themes_of(&hits)
        );
        if let Some(g) = find(&hits, "grief") {
            assert_eq!((g.sessions, g.days), (0, 3));
        }
    }
}

#[test]
fn phrase_glue_words_are_their_own_stems() {
    // Stage 1 skips stemming them; the background table stems them.
    for w in POSSESSIVES.iter().chain(PARTICLES).chain(&["of"]) {
        assert_eq!(stem(w), *w);
    }
}

#[test]
fn stems_meet() {
    assert_eq!(stem("tight"), stem("tightness"));
    assert_eq!(stem("grieving"), stem("grieve"));
    assert_ne!(stem("father"), stem("fat"));
    let entries = journal(12, |i| match i {
        1 | 5 => "My chest felt tight.".to_string(),
        8 => "Tightness all evening.".to_string(),
        _ => String::new(),
    });
    let hits = rank_with(&entries, &[]);
    let t = find(&hits, "tight").unwrap_or_else(|| panic!("{:?}", themes_of(&hits)));
    assert_eq!(t.entries, 3, "tight and tightness are one theme");
    assert_eq!(t.category.as_deref(), Some("body"));
}

#[test]
fn prompt_words_never_count() {
    let entries = journal(16, planted);
    let hits = rank_with(&entries, &["What did the ocean show you?"]);
    assert!(find(&hits, "ocean").is_none(), "{:?}", themes_of(&hits));
}

#[test]
fn generic_words_never_appear() {
    let generic = "I feel like I really know something about time. I think I want things, \
                   it was a good day, people say I always need more. Felt it again, really.";
    let entries = journal(16, |_| generic.to_string());
    let hits = rank_with(&entries, &[]);
    assert!(hits.is_empty(), "{:?}", themes_of(&hits));
}

#[test]
fn a_phrase_of_stop_and_generic_words_is_never_a_theme() {
    let analysis = Analysis::of_text("My life. Felt really good. Out of time.");
    assert!(analysis.is_empty(), "{analysis:?}");
}

#[test]
fn empty_and_one_entry_journals_have_no_themes() {
    assert!(rank_with(&[], &[]).is_empty());
    let one = journal(1, |_| {
        "Ocean ocean ocean, my father and the ocean.".to_string()
    });
    assert!(rank_with(&one, &[]).is_empty());
}

#[test]
fn a_phrase_stands_for_the_word_it_carries() {
    let entries = journal(16, |i| match i {
        1 | 5 | 9 | 12 => "I thought of my father and his silence.".to_string(),
        14 => "My father called.".to_string(),
        _ => String::new(),
    });
    let hits = rank_with(&entries, &[]);
    let f = find(&hits, "my father").unwrap_or_else(|| panic!("{:?}", themes_of(&hits)));
    assert_eq!(f.category.as_deref(), Some("relationship"));
    assert!(
        find(&hits, "father").is_none(),
        "no second theme for the same word"
    );
}

#[test]
fn letting_go_is_a_phrase() {
    let analysis = Analysis::of_text("Letting go of control.");
    let keys: Vec<&str> = analysis.terms().map(|t| t.key).collect();
    assert!(keys.contains(&"let go"), "{keys:?}");
    assert!(keys.contains(&"control"), "{keys:?}");
}

#[test]
fn names_are_themes_about_relationships() {
    let entries = journal(16, |i| {
        if [2, 6, 11].contains(&i) {
            "Then Mary was there again.".to_string()
        } else {
            String::new()
        }
    });
    let hits = rank_with(&entries, &[]);
    let mary = find(&hits, "mary").unwrap_or_else(|| panic!("{:?}", themes_of(&hits)));
    assert_eq!(mary.category.as_deref(), Some("relationship"));
    let mary = |text: &str| Analysis::of_text(text).get("mari").map(|t| t.name);
    assert_eq!(mary("Then Mary came."), Some(true));
    assert_eq!(
        mary("Mary came."),
        Some(false),
        "sentence start says nothing"
    );
    assert_eq!(mary("Then Mary came, and mary left."), Some(false));
}

#[test]
fn trends_follow_a_theme_that_changes_half_way() {
    // 24 entries in 12 sessions: "grief" in the first half, "anger" in the
    // last third, "ocean" throughout.
    let entries = journal(24, |i| {
        let mut s = String::new();
        if i < 12 && i % 2 == 0 {
            s.push_str("Grief came in waves. ");
        }
        if i >= 16 && i % 2 == 1 {
            s.push_str("Anger at the dishes. ");
        }
        if i % 3 == 0 {
            s.push_str("The ocean was there. ");
        }
        s
    });
    let hits = rank_with(&entries, &[]);
    let trend = |t: &str| {
        find(&hits, t)
            .map(|h| h.trend.clone())
            .unwrap_or_else(|| panic!("{t} missing: {:?}", themes_of(&hits)))
    };
    assert_eq!(trend("grief"), Trend::Fading);
    assert!(matches!(trend("anger"), Trend::New | Trend::Rising));
    assert_eq!(trend("ocean"), Trend::Steady);
}

#[test]
fn quote_is_a_short_excerpt_around_the_word() {
    let hit = ThemeHit {
        theme: "tightness".into(),
        key: "tight".into(),
        category: None,
        entries: 1,
        sessions: 1,
        days: 0,
        first_seen: at(0),
        last_seen: at(0),
        trend: Trend::Steady,
        entry_ids: vec![],
        score: 1.0,
    };
    let short = "Slept badly. There was a tight band across my chest! Then tea.";
    assert_eq!(
        quote(short, &hit, 120).as_deref(),
        Some("There was a tight band across my chest!")
    );

    let long = "Before all of this I walked along the canal for an hour and watched the herons \
                standing in the reeds while the light changed and a tightness settled somewhere \
                under my ribs that stayed with me through dinner and long into the night as well.";
    let q = quote(long, &hit, 120).expect("found");
    assert!(q.chars().count() <= 120, "{q}");
    assert!(q.contains("tightness"), "{q}");
    assert!(q.starts_with('…') && q.ends_with('…'), "{q}");
    let inner = q.trim_matches('…');
    assert!(long.contains(inner), "whole words from the text: {q}");

    assert_eq!(quote("Nothing to see here.", &hit, 120), None);

    // Narrower quotes are cut around the theme, never past it.
    for width in [20, 40, 58, 80] {
        let q = quote(long, &hit, width).expect("found");
        assert!(q.chars().count() <= width, "{width}: {q}");
        assert!(q.contains("tightness"), "{width}: {q}");
    }
}

#[test]
fn quote_finds_phrases_across_word_forms() {
    let mut hit = ThemeHit {
        theme: "my father".into(),
        key: "my father".into(),
        category: None,
        entries: 1,
        sessions: 1,
        days: 0,
        first_seen: at(0),
        last_seen: at(0),
        trend: Trend::New,
        entry_ids: vec![],
        score: 1.0,
    };
    assert_eq!(
        quote("Father was kind. I miss my father's hands.", &hit, 120).as_deref(),
        Some("I miss my father's hands.")
    );
    hit.theme = "letting go".into();
    assert_eq!(
        quote("About control: let go.", &hit, 120).as_deref(),
        Some("About control: let go.")
    );
}

#[test]
fn encode_decode_round_trip() {
    let text = "My father's tightness; letting go of control. Mary, Mary! Naïve café dying 2024";
    let a = Analysis::of_text(text);
    assert!(a.words > 0);
    let encoded = a.encode();
    assert!(encoded.starts_with(&format!("v{ANALYSIS_VERSION}|")));
    assert_eq!(Analysis::decode(&encoded), Some(a));
    assert_eq!(
        Analysis::decode(&Analysis::default().encode()),
        Some(Analysis::default())
    );
}

#[test]
fn decode_rejects_what_it_cannot_read() {
    assert_eq!(Analysis::decode(""), None);
    assert_eq!(Analysis::decode("garbage"), None);
    assert_eq!(Analysis::decode("v0|3|tight"), None, "another version");
    assert_eq!(
        Analysis::decode(&format!("v{ANALYSIS_VERSION}|x|tight")),
        None
    );
    assert_eq!(
        Analysis::decode(&format!("v{ANALYSIS_VERSION}|3|tight*0")),
        None
    );
    assert_eq!(
        Analysis::decode(&format!("v{ANALYSIS_VERSION}|3|b;a")),
        None,
        "unsorted"
    );
    assert_eq!(
        Analysis::decode(&format!("v{ANALYSIS_VERSION}|3|tight-9x")),
        None
    );
}

#[test]
fn categories_of_single_words() {
    assert_eq!(category_of("grief"), Some("emotion"));
    assert_eq!(category_of("Chest"), Some("body"));
    assert_eq!(category_of("fathers"), Some("relationship"));
    assert_eq!(category_of("universe"), Some("transpersonal"));
    assert_eq!(category_of("printer"), None);
    assert_eq!(category_of(""), None);
}

/// A small deterministic generator (xorshift64*): generated journals are the
/// same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Words of writing of another kind than GoEmotions: stems it has seen 3 to
/// 30 times, so that any of them used a few times here is well above it.
/// Written as they stem, so each is the term it looks like.
fn other_kind_of_writing() -> Vec<&'static str> {
    include_str!("data/background.tsv")
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .filter(|(k, n)| {
            n.parse::<u32>().is_ok_and(|n| (3..=30).contains(&n))
                && k.len() >= 5
                && k.bytes().all(|b| b.is_ascii_lowercase())
                && super::text::kind(k) == super::text::WordKind::Content
                && stem(k) == *k
        })
        .map(|(k, _)| k)
        .collect()
}

/// Five personal motifs, one of each kind (a name, a place, a body
/// sensation, a symbol, a feeling), in varied wording: the stem that finds
/// each, and sentences that write it.
const MOTIFS: &[(&str, &[&str])] = &[
    (
        "tobia",
        &[
            "I rang Tobias tonight.",
            "Somehow Tobias was there again.",
            "I kept hearing Tobias laugh.",
            "A letter from Tobias arrived.",
            "Then I remembered Tobias and the summer.",
            "Even now Tobias matters.",
        ],
    ),
    (
        "orchard",
        &[
            "We hid in the orchard.",
            "The orchard gate stood open.",
            "Orchards smell of rotting apples.",
            "Back in the orchard, barefoot.",
            "Someone was calling from the orchard.",
            "An orchard under snow.",
        ],
    ),
    (
        "tingl",
        &[
            "My hands were tingling.",
            "A tingle ran down my arms.",
            "The tingling in my fingers returned.",
            "Tingling feet as I lay down.",
            "It tingled everywhere, then calm.",
            "That tingling again.",
        ],
    ),
    (
        "lighthous",
        &[
            "A lighthouse, far off.",
            "The lighthouse keeps coming up.",
            "I drew a lighthouse.",
            "Lighthouses blinking on the coast.",
            "The lighthouse was dark this time.",
            "Climbing a lighthouse.",
        ],
    ),
    (
        "homesick",
        &[
            "Homesick all day.",
            "Homesickness, out of nowhere.",
            "So homesick it hurt.",
            "The homesickness faded by evening.",
            "A wave of being homesick.",
            "Homesick for somewhere gone.",
        ],
    ),
];

/// A journal of `n` entries over five sessions: each entry twelve words of
/// the other kind of writing, drawn at random (so a few recur by chance, as
/// in anyone's writing); with `motifs`, each motif in five or six entries
/// spread over the journal (so over at least three sessions), and
/// "saxophone" in four entries of the third session only.
fn generated(n: usize, seed: u64, motifs: bool) -> Vec<E> {
    generated_long(n, seed, motifs, 3)
}

/// [`generated`] with entries of `sentences` four-word sentences.
fn generated_long(n: usize, seed: u64, motifs: bool, sentences: usize) -> Vec<E> {
    let words = other_kind_of_writing();
    let mut rng = Rng(seed);
    let mut texts: Vec<String> = (0..n)
        .map(|_| {
            (0..sentences)
                .map(|_| {
                    let w: Vec<&str> = (0..4).map(|_| words[rng.below(words.len())]).collect();
                    format!("{}.", w.join(" "))
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let session = |i: usize| i * 5 / n + 1;
    if motifs {
        for (m, (_, sentences)) in MOTIFS.iter().enumerate() {
            let k = 5 + m % 2;
            let offset = rng.below(n);
            for (j, sentence) in sentences.iter().take(k).enumerate() {
                let i = (offset + j * n / k) % n;
                texts[i] = format!("{} {sentence}", texts[i]);
            }
        }
        let third: Vec<usize> = (0..n).filter(|&i| session(i) == 3).collect();
        for (j, &i) in third.iter().take(4).enumerate() {
            let s = [
                "The saxophone again.",
                "A saxophone, of all things.",
                "That saxophone.",
                "Someone had a saxophone.",
            ][j];
            texts[i] = format!("{} {s}", texts[i]);
        }
    }
    texts
        .into_iter()
        .enumerate()
        .map(|(i, text)| E {
            id: i as i64,
            session: Some(session(i) as i64),
            day: (i * 70 / n) as i64,
            text,
        })
        .collect()
}

/// Share of the planted motifs among the first ten themes, and share of
/// those themes that are a motif (0 when there are none: silence finds
/// nothing).
fn recall_and_precision(hits: &[ThemeHit]) -> (f64, f64) {
    let is = |h: &ThemeHit, stem: &str| h.key.split(' ').any(|w| w == stem);
    let top = &hits[..hits.len().min(10)];
    let found = MOTIFS
        .iter()
        .filter(|(s, _)| top.iter().any(|h| is(h, s)))
        .count();
    let right = top
        .iter()
        .filter(|h| MOTIFS.iter().any(|(s, _)| is(h, s)))
        .count();
    let precision = if top.is_empty() {
        0.0
    } else {
        right as f64 / top.len() as f64
    };
    (found as f64 / MOTIFS.len() as f64, precision)
}

#[test]
fn planted_motifs_surface_in_journals_of_any_length() {
    let mut failed = Vec::new();
    for n in [20, 40, 60, 100, 200] {
        for seed in [7, 8] {
            let hits = rank_with(&generated(n, seed * 1000 + n as u64, true), &[]);
            let (recall, precision) = recall_and_precision(&hits);
            let shown = themes_of(&hits);
            if recall < 0.8 || precision < 0.6 {
                failed.push(format!(
                    "{n} entries: recall {recall:.1}, precision {precision:.2}: {shown:?}"
                ));
            }
            assert!(hits.iter().all(|h| h.sessions >= 2), "{shown:?}");
            assert!(
                !hits.iter().any(|h| h.key.contains("saxophon")),
                "{n} entries: a word of one session shown: {shown:?}"
            );
        }
    }
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn generated_writing_without_motifs_has_few_themes() {
    for n in [20, 60, 200] {
        let hits = rank_with(&generated(n, 99 + n as u64, false), &[]);
        assert!(hits.len() <= 3, "{n} entries: {:?}", themes_of(&hits));
    }
}

#[test]
fn beside_planted_motifs_no_word_recurs_by_chance_in_longer_entries() {
    // Filler drawn at random from a few thousand rare words: in entries of
    // twelve and twenty words some are drawn twice in one entry or land in
    // a few entries by chance. Counting a word once an entry, and holding
    // the entries test family-wise over the distinct terms written, shows
    // the motifs and nothing else.
    for (n, sentences) in [(60, 3), (100, 5)] {
        for seed in [7, 8] {
            let hits = rank_with(
                &generated_long(n, seed * 1000 + n as u64, true, sentences),
                &[],
            );
            let (recall, precision) = recall_and_precision(&hits);
            assert!(
                recall >= 0.8 && precision == 1.0,
                "{n} entries of {sentences} sentences: recall {recall:.1}, precision {precision:.2}: {:?}",
                themes_of(&hits)
            );
        }
    }
}

#[test]
fn a_word_in_more_entries_comes_before_one_repeated_in_fewer() {
    // "kayak" once in each of six entries, "anchor" three times in each of
    // four: both recur (the background has each three times), but what
    // comes back in more entries comes first; saying a word again in the
    // same entry is emphasis, not recurrence.
    let kayak = [
        "A kayak.",
        "The kayak again.",
        "I thought of the kayak.",
        "Kayak, drifting.",
        "Our old kayak.",
        "That kayak.",
    ];
    let entries = journal(16, |i| match i {
        1 | 4 | 7 | 10 | 12 | 15 => kayak[i % 6].to_string(),
        2 | 6 | 9 | 13 => "Anchor. An anchor again. That anchor.".to_string(),
        _ => String::new(),
    });
    let hits = rank_with(&entries, &[]);
    let shown = themes_of(&hits);
    let at = |t: &str| shown.iter().position(|s| *s == t);
    assert!(at("kayak").is_some() && at("anchor").is_some(), "{shown:?}");
    assert!(at("kayak") < at("anchor"), "{shown:?}");
}

/// Writes each of `sentences` into its own entry, spread over the journal
/// from `offset` on (so over at least three of its five sessions).
fn plant(entries: &mut [E], offset: usize, sentences: &[&str]) {
    let n = entries.len();
    for (j, sentence) in sentences.iter().enumerate() {
        let i = (offset + j * n / sentences.len()) % n;
        entries[i].text = format!("{} {sentence}", entries[i].text);
    }
}

#[test]
fn a_rare_word_in_five_entries_of_a_long_journal_is_a_theme() {
    // "boathouse" and "hourglass" are words GoEmotions never has: judged
    // against its background alone, their keyness was capped by its
    // sampling error (z at most about log-ratio / 1.6), so in a journal of
    // 200 entries five entries could not clear the bar. Their rate in
    // general English (wordfreq) is well known, and five entries are
    // clearly more than it allows.
    let mut entries = generated_long(200, 4242, true, 5);
    plant(
        &mut entries,
        3,
        &[
            "The boathouse again.",
            "I pictured the boathouse.",
            "Boathouse doors, open.",
            "Back at the boathouse.",
            "A boathouse in the fog.",
        ],
    );
    plant(
        &mut entries,
        11,
        &[
            "An hourglass, running out.",
            "Hourglass sand in my hands.",
            "I kept seeing an hourglass.",
            "The hourglass turned over.",
            "That hourglass.",
        ],
    );
    let hits = rank_with(&entries, &[]);
    let shown = themes_of(&hits);
    assert!(shown.contains(&"boathouse"), "{shown:?}");
    assert!(shown.contains(&"hourglass"), "{shown:?}");
}

#[test]
fn a_word_all_english_uses_a_lot_is_no_theme_because_a_genre_lifts_it() {
    // "table" in ten of 100 entries is well above its GoEmotions rate (a
    // genre of rooms and furniture lifts it) but not clearly above its rate
    // in English as a whole: it is no one's motif. The planted motifs, far
    // above both, still show.
    let mut entries = generated_long(100, 5151, true, 5);
    let table: Vec<String> = (0..10).map(|i| format!("The table, {i}.")).collect();
    let table: Vec<&str> = table.iter().map(String::as_str).collect();
    plant(&mut entries, 1, &table);
    let hits = rank_with(&entries, &[]);
    let shown = themes_of(&hits);
    assert!(!shown.iter().any(|t| t.contains("table")), "{shown:?}");
    let (recall, _) = recall_and_precision(&hits);
    assert!(recall >= 0.8, "recall {recall:.1}: {shown:?}");
}

#[test]
fn general_english_rates_ship_with_their_attribution() {
    let table = include_str!("data/wordfreq.tsv");
    let first = table.lines().next().unwrap_or_default();
    assert!(
        first.contains("wordfreq") && first.contains("CC BY-SA 4.0") && !first.contains('\t'),
        "{first}"
    );
    let general = super::lexicon::general();
    let rate = |stem: &str| general.rate(super::hash::key_hash(stem));
    assert!(table.lines().count() > 50_000);
    let (love, boathouse) = (rate("love"), rate("boathous"));
    assert!(boathouse.is_some_and(|b| b > 0.0 && love.is_some_and(|l| l > 100.0 * b)));
    assert!(love.is_some_and(|l| l < 0.01), "a rate per content word");
}
