//! The PHQ-9 and GAD-7 self-check measures, exactly as published.
//!
//! Item wording, answer labels and the notice are copied verbatim from the
//! published forms (see `/work/shared/data/measures.md`); do not edit them.
//! Both measures are free to reproduce, translate, display and distribute,
//! and [`NOTICE`] must be shown with them.
//!
//! kapj never calls a score a diagnosis: [`result_lines`] says so every time.

/// The notice that must be shown with both measures.
pub const NOTICE: &str = "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.";

/// The answer labels for every item of both measures; the index is the value (0–3).
pub const ANSWER_LABELS: [&str; 4] = [
    "Not at all",
    "Several days",
    "More than half the days",
    "Nearly every day",
];

/// PHQ-9's closing question. It is asked last and is not part of the total.
pub const DIFFICULTY_QUESTION: &str = "If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?";

/// The answer labels for [`DIFFICULTY_QUESTION`]; the index is the stored value (0–3).
pub const DIFFICULTY_LABELS: [&str; 4] = [
    "Not difficult at all",
    "Somewhat difficult",
    "Very difficult",
    "Extremely difficult",
];

const PHQ9_STEM: &str =
    "Over the last 2 weeks, how often have you been bothered by any of the following problems?";

const PHQ9_ITEMS: [&str; 9] = [
    "Little interest or pleasure in doing things",
    "Feeling down, depressed, or hopeless",
    "Trouble falling or staying asleep, or sleeping too much",
    "Feeling tired or having little energy",
    "Poor appetite or overeating",
    "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
    "Trouble concentrating on things, such as reading the newspaper or watching television",
    "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual",
    "Thoughts that you would be better off dead or of hurting yourself in some way",
];

const GAD7_STEM: &str =
    "Over the last 2 weeks, how often have you been bothered by the following problems?";

const GAD7_ITEMS: [&str; 7] = [
    "Feeling nervous, anxious, or on edge",
    "Not being able to stop or control worrying",
    "Worrying too much about different things",
    "Trouble relaxing",
    "Being so restless that it is hard to sit still",
    "Becoming easily annoyed or irritable",
    "Feeling afraid, as if something awful might happen",
];

/// The standard bands: (lowest total, highest total, name).
const PHQ9_BANDS: [(u32, u32, &str); 5] = [
    (0, 4, "minimal"),
    (5, 9, "mild"),
    (10, 14, "moderate"),
    (15, 19, "moderately severe"),
    (20, 27, "severe"),
];

const GAD7_BANDS: [(u32, u32, &str); 4] = [
    (0, 4, "minimal"),
    (5, 9, "mild"),
    (10, 14, "moderate"),
    (15, 21, "severe"),
];

/// The zero-based index of PHQ-9 item 9 ("Thoughts that you would be better off dead…").
const PHQ9_ITEM9: usize = 8;

/// One of the self-check measures kapj offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Phq9,
    Gad7,
}

impl Measure {
    /// Every measure, in the order kapj lists them.
    pub const ALL: [Measure; 2] = [Measure::Phq9, Measure::Gad7];

    /// Reads a measure name as a user types it: "phq9", "phq-9", "gad7",
    /// "gad-7", in any case, with surrounding spaces ignored ("PHQ 9" and
    /// "gad_7" are accepted too).
    pub fn parse(s: &str) -> Option<Measure> {
        let key: String = s
            .trim()
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .flat_map(char::to_lowercase)
            .collect();
        match key.as_str() {
            "phq9" => Some(Measure::Phq9),
            "gad7" => Some(Measure::Gad7),
            _ => None,
        }
    }

    /// The key stored in the database: "phq9" or "gad7".
    pub fn key(self) -> &'static str {
        match self {
            Measure::Phq9 => "phq9",
            Measure::Gad7 => "gad7",
        }
    }

    /// The published name: "PHQ-9" or "GAD-7".
    pub fn title(self) -> &'static str {
        match self {
            Measure::Phq9 => "PHQ-9",
            Measure::Gad7 => "GAD-7",
        }
    }

    /// The question that introduces the items.
    pub fn stem(self) -> &'static str {
        match self {
            Measure::Phq9 => PHQ9_STEM,
            Measure::Gad7 => GAD7_STEM,
        }
    }

    /// The items, verbatim, in order.
    pub fn items(self) -> &'static [&'static str] {
        match self {
            Measure::Phq9 => &PHQ9_ITEMS,
            Measure::Gad7 => &GAD7_ITEMS,
        }
    }

    /// How many items the measure has (9 or 7).
    pub fn item_count(self) -> usize {
        self.items().len()
    }

    /// The highest possible total (27 or 21).
    pub fn max_total(self) -> u32 {
        3 * self.item_count() as u32
    }

    /// Whether the measure ends with the unscored [`DIFFICULTY_QUESTION`]
    /// (PHQ-9 does; GAD-7, as published here, does not).
    pub fn asks_difficulty(self) -> bool {
        matches!(self, Measure::Phq9)
    }

    /// The standard bands, lowest first: (lowest total, highest total, name).
    pub fn bands(self) -> &'static [(u32, u32, &'static str)] {
        match self {
            Measure::Phq9 => &PHQ9_BANDS,
            Measure::Gad7 => &GAD7_BANDS,
        }
    }

    /// The standard band a total falls in, as (lowest total, highest total, name).
    /// A total above the maximum is placed in the highest band.
    pub fn band_range(self, total: u32) -> (u32, u32, &'static str) {
        let bands = self.bands();
        bands
            .iter()
            .copied()
            .find(|&(lo, hi, _)| (lo..=hi).contains(&total))
            .unwrap_or(bands[bands.len() - 1])
    }

    /// The name of the standard band a total falls in.
    ///
    /// PHQ-9: minimal 0–4, mild 5–9, moderate 10–14, moderately severe 15–19,
    /// severe 20–27. GAD-7: minimal 0–4, mild 5–9, moderate 10–14, severe 15–21.
    pub fn band(self, total: u32) -> &'static str {
        self.band_range(total).2
    }

    /// Adds up the answers. There must be exactly one answer per item, each
    /// from 0 to 3; otherwise the error is one plain sentence for the user.
    pub fn score(self, answers: &[u8]) -> Result<u32, String> {
        if answers.len() != self.item_count() {
            return Err(count_error(self, answers.len()));
        }
        if let Some(i) = answers.iter().position(|&a| a > 3) {
            return Err(value_error(i + 1, &answers[i].to_string()));
        }
        Ok(answers.iter().map(|&a| u32::from(a)).sum())
    }

    /// Whether the answers call for the safety note: PHQ-9 item 9 above zero,
    /// whatever the total. GAD-7 never does. (Item 9 at zero never means
    /// "safe"; it only means this rule does not apply.)
    pub fn needs_safety_note(self, answers: &[u8]) -> bool {
        match self {
            Measure::Phq9 => answers.get(PHQ9_ITEM9).is_some_and(|&a| a > 0),
            Measure::Gad7 => false,
        }
    }
}

fn count_error(m: Measure, given: usize) -> String {
    let n = m.item_count();
    match given {
        0 => format!(
            "No answers were given; the {} takes {n}, one for each question, such as {}.",
            m.title(),
            example_answers(m)
        ),
        1 => format!(
            "The {} takes {n} answers, one for each question, and 1 was given.",
            m.title()
        ),
        _ => format!(
            "The {} takes {n} answers, one for each question, and {given} were given.",
            m.title()
        ),
    }
}

fn value_error(item: usize, shown: &str) -> String {
    format!(
        "Answer {item} is \"{shown}\"; each answer is a number from 0 to 3 (0 not at all, 1 several days, 2 more than half the days, 3 nearly every day)."
    )
}

fn example_answers(m: Measure) -> String {
    vec!["0"; m.item_count()].join(",")
}

/// Reads answers given all at once, as in `--answers 0,1,3,…`: numbers
/// separated by commas and/or spaces. The error names the problem in one
/// sentence: how many answers are expected, or which answer is not a number
/// from 0 to 3.
pub fn parse_answers(s: &str, m: Measure) -> Result<Vec<u8>, String> {
    let parts: Vec<&str> = s
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() != m.item_count() {
        return Err(count_error(m, parts.len()));
    }
    let mut answers = Vec::with_capacity(parts.len());
    for (i, part) in parts.iter().enumerate() {
        match part.parse::<u8>() {
            Ok(v) if v <= 3 => answers.push(v),
            _ => return Err(value_error(i + 1, part)),
        }
    }
    Ok(answers)
}

/// The lines shown after a check: the total and its band, the change since
/// the previous total of the same measure (if there is one), and a plain
/// statement that this is a self-check, not a diagnosis.
///
/// `previous` is the earlier total and the date it was taken, as the user
/// should read it (for example "2026-10-01").
pub fn result_lines(m: Measure, total: u32, previous: Option<(u32, &str)>) -> Vec<String> {
    let (lo, hi, band) = m.band_range(total);
    let mut lines = vec![format!(
        "{} total: {total} out of {}, in the range usually called {band} ({lo}–{hi}).",
        m.title(),
        m.max_total()
    )];
    if let Some((before, date)) = previous {
        let change = match total.cmp(&before) {
            std::cmp::Ordering::Less => format!("That is {} lower than on {date}.", before - total),
            std::cmp::Ordering::Greater => {
                format!("That is {} higher than on {date}.", total - before)
            }
            std::cmp::Ordering::Equal => format!("That is the same as on {date}."),
        };
        lines.push(change);
    }
    lines.push(
        "This is a self-check, not a diagnosis. If you'd like, you could bring it to your therapist to talk over."
            .to_string(),
    );
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_accepts_the_usual_spellings() {
        for s in ["phq9", "phq-9", "PHQ-9", "Phq9", " phq9 ", "PHQ 9", "phq_9"] {
            assert_eq!(Measure::parse(s), Some(Measure::Phq9), "{s:?}");
        }
        for s in ["gad7", "gad-7", "GAD-7", "Gad7", "gad 7"] {
            assert_eq!(Measure::parse(s), Some(Measure::Gad7), "{s:?}");
        }
        for s in ["", "phq", "phq-2", "gad", "gad-2", "phq99", "list", "pgq9"] {
            assert_eq!(Measure::parse(s), None, "{s:?}");
        }
    }

    #[test]
    fn key_and_title() {
        assert_eq!(Measure::Phq9.key(), "phq9");
        assert_eq!(Measure::Gad7.key(), "gad7");
        assert_eq!(Measure::Phq9.title(), "PHQ-9");
        assert_eq!(Measure::Gad7.title(), "GAD-7");
        for m in Measure::ALL {
            assert_eq!(Measure::parse(m.key()), Some(m));
            assert_eq!(Measure::parse(m.title()), Some(m));
        }
    }

    #[test]
    fn stems_are_verbatim() {
        assert_eq!(
            Measure::Phq9.stem(),
            "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
        );
        assert_eq!(
            Measure::Gad7.stem(),
            "Over the last 2 weeks, how often have you been bothered by the following problems?"
        );
    }

    #[test]
    fn items_are_verbatim() {
        let phq = Measure::Phq9.items();
        assert_eq!(phq.len(), 9);
        assert_eq!(phq[0], "Little interest or pleasure in doing things");
        assert_eq!(
            phq[5],
            "Feeling bad about yourself \u{2014} or that you are a failure or have let yourself or your family down"
        );
        assert_eq!(
            phq[7],
            "Moving or speaking so slowly that other people could have noticed? Or the opposite \u{2014} being so fidgety or restless that you have been moving around a lot more than usual"
        );
        assert_eq!(
            phq[8],
            "Thoughts that you would be better off dead or of hurting yourself in some way"
        );
        let gad = Measure::Gad7.items();
        assert_eq!(gad.len(), 7);
        assert_eq!(gad[0], "Feeling nervous, anxious, or on edge");
        assert_eq!(gad[6], "Feeling afraid, as if something awful might happen");
        // No stray whitespace from line wrapping.
        for item in phq.iter().chain(gad) {
            assert_eq!(item.trim(), *item);
            assert!(!item.contains("  ") && !item.contains('\n'), "{item}");
        }
    }

    #[test]
    fn labels_and_notice_are_verbatim() {
        assert_eq!(
            ANSWER_LABELS,
            [
                "Not at all",
                "Several days",
                "More than half the days",
                "Nearly every day"
            ]
        );
        assert_eq!(
            DIFFICULTY_LABELS,
            [
                "Not difficult at all",
                "Somewhat difficult",
                "Very difficult",
                "Extremely difficult"
            ]
        );
        assert!(DIFFICULTY_QUESTION.starts_with("If you checked off any problems, how difficult"));
        assert!(DIFFICULTY_QUESTION.ends_with("or get along with other people?"));
        assert_eq!(
            NOTICE,
            "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute."
        );
    }

    #[test]
    fn counts_and_maxima() {
        assert_eq!(Measure::Phq9.item_count(), 9);
        assert_eq!(Measure::Gad7.item_count(), 7);
        assert_eq!(Measure::Phq9.max_total(), 27);
        assert_eq!(Measure::Gad7.max_total(), 21);
        assert!(Measure::Phq9.asks_difficulty());
        assert!(!Measure::Gad7.asks_difficulty());
    }

    #[test]
    fn phq9_band_edges() {
        let m = Measure::Phq9;
        let expect = [
            (0, "minimal"),
            (4, "minimal"),
            (5, "mild"),
            (9, "mild"),
            (10, "moderate"),
            (14, "moderate"),
            (15, "moderately severe"),
            (19, "moderately severe"),
            (20, "severe"),
            (27, "severe"),
        ];
        for (total, band) in expect {
            assert_eq!(m.band(total), band, "total {total}");
        }
    }

    #[test]
    fn gad7_band_edges() {
        let m = Measure::Gad7;
        let expect = [
            (0, "minimal"),
            (4, "minimal"),
            (5, "mild"),
            (9, "mild"),
            (10, "moderate"),
            (14, "moderate"),
            (15, "severe"),
            (19, "severe"),
            (20, "severe"),
            (21, "severe"),
        ];
        for (total, band) in expect {
            assert_eq!(m.band(total), band, "total {total}");
        }
    }

    #[test]
    fn bands_cover_every_total_without_gaps() {
        for m in Measure::ALL {
            let bands = m.bands();
            assert_eq!(bands[0].0, 0);
            assert_eq!(bands[bands.len() - 1].1, m.max_total());
            for pair in bands.windows(2) {
                assert_eq!(pair[0].1 + 1, pair[1].0);
            }
        }
    }

    #[test]
    fn band_range_and_totals_above_the_maximum() {
        assert_eq!(Measure::Phq9.band_range(12), (10, 14, "moderate"));
        assert_eq!(Measure::Gad7.band_range(16), (15, 21, "severe"));
        assert_eq!(Measure::Phq9.band(28), "severe");
        assert_eq!(Measure::Gad7.band_range(99), (15, 21, "severe"));
    }

    #[test]
    fn score_adds_up_valid_answers() {
        assert_eq!(Measure::Phq9.score(&[0; 9]), Ok(0));
        assert_eq!(Measure::Phq9.score(&[3; 9]), Ok(27));
        assert_eq!(Measure::Phq9.score(&[0, 1, 2, 3, 0, 1, 2, 3, 1]), Ok(13));
        assert_eq!(Measure::Gad7.score(&[3; 7]), Ok(21));
        assert_eq!(Measure::Gad7.score(&[1, 0, 2, 0, 0, 1, 1]), Ok(5));
    }

    #[test]
    fn score_refuses_wrong_counts() {
        let e = Measure::Phq9.score(&[0; 8]).unwrap_err();
        assert!(
            e == "The PHQ-9 takes 9 answers, one for each question, and 8 were given.",
            "{e}"
        );
        let e = Measure::Phq9.score(&[0; 10]).unwrap_err();
        assert!(
            e.contains("takes 9 answers") && e.contains("and 10 were given"),
            "{e}"
        );
        let e = Measure::Gad7.score(&[0; 9]).unwrap_err();
        assert!(
            e.contains("takes 7 answers") && e.contains("and 9 were given"),
            "{e}"
        );
        let e = Measure::Gad7.score(&[]).unwrap_err();
        assert!(
            e.contains("No answers") && e.contains("0,0,0,0,0,0,0"),
            "{e}"
        );
        let e = Measure::Gad7.score(&[1]).unwrap_err();
        assert!(e.ends_with("and 1 was given."), "{e}");
    }

    #[test]
    fn score_refuses_values_above_three() {
        let e = Measure::Phq9
            .score(&[0, 0, 4, 0, 0, 0, 0, 0, 0])
            .unwrap_err();
        assert!(e.starts_with("Answer 3 is \"4\""), "{e}");
        assert!(e.contains("from 0 to 3"), "{e}");
        let e = Measure::Gad7.score(&[0, 0, 0, 0, 0, 0, 255]).unwrap_err();
        assert!(e.starts_with("Answer 7 is \"255\""), "{e}");
    }

    #[test]
    fn error_sentences_are_single_sentences() {
        let errors = [
            Measure::Phq9.score(&[0; 3]).unwrap_err(),
            Measure::Phq9.score(&[9; 9]).unwrap_err(),
            parse_answers("", Measure::Gad7).unwrap_err(),
            parse_answers("a,b", Measure::Gad7).unwrap_err(),
        ];
        for e in errors {
            assert!(e.ends_with('.'), "{e}");
            assert!(!e.contains('\n'), "{e}");
            assert!(e.chars().next().unwrap().is_uppercase(), "{e}");
        }
    }

    #[test]
    fn item9_rule() {
        let mut a = [0u8; 9];
        assert!(!Measure::Phq9.needs_safety_note(&a));
        for v in 1..=3 {
            a[8] = v;
            assert!(Measure::Phq9.needs_safety_note(&a), "item 9 = {v}");
        }
        // Whatever the total: a low total with item 9 at 1 still calls for it.
        assert!(Measure::Phq9.needs_safety_note(&[0, 0, 0, 0, 0, 0, 0, 0, 1]));
        // Other items never do.
        assert!(!Measure::Phq9.needs_safety_note(&[3, 3, 3, 3, 3, 3, 3, 3, 0]));
        // GAD-7 has no such item, even when its last answer is high.
        assert!(!Measure::Gad7.needs_safety_note(&[3; 7]));
        assert!(!Measure::Gad7.needs_safety_note(&[3; 9]));
        // Too few answers to have an item 9.
        assert!(!Measure::Phq9.needs_safety_note(&[3; 8]));
    }

    #[test]
    fn parse_answers_accepts_commas_and_spaces() {
        let want = vec![0, 1, 3, 2, 0, 0, 1, 2, 1];
        for s in [
            "0,1,3,2,0,0,1,2,1",
            "0, 1, 3, 2, 0, 0, 1, 2, 1",
            " 0 ,1 ,3,2,0,0,1,2,1 ",
            "0 1 3 2 0 0 1 2 1",
            "0,1,3,2,0,0,1,2,1,",
        ] {
            assert_eq!(parse_answers(s, Measure::Phq9), Ok(want.clone()), "{s:?}");
        }
        assert_eq!(
            parse_answers("3,3,3,3,3,3,3", Measure::Gad7),
            Ok(vec![3; 7])
        );
    }

    #[test]
    fn parse_answers_names_a_wrong_count() {
        let e = parse_answers("0,1,2", Measure::Phq9).unwrap_err();
        assert!(
            e.contains("takes 9 answers") && e.contains("and 3 were given"),
            "{e}"
        );
        let e = parse_answers("0,1,2,0,1,2,0,1", Measure::Gad7).unwrap_err();
        assert!(
            e.contains("takes 7 answers") && e.contains("and 8 were given"),
            "{e}"
        );
        let e = parse_answers("   ", Measure::Phq9).unwrap_err();
        assert!(e.contains("No answers") && e.contains("takes 9"), "{e}");
        // A missing answer between commas is not silently skipped into a valid form.
        let e = parse_answers("0,1,,2,0,0,1,2,1", Measure::Phq9).unwrap_err();
        assert!(e.contains("and 8 were given"), "{e}");
    }

    #[test]
    fn parse_answers_names_the_item_with_a_bad_value() {
        let e = parse_answers("0,1,2,4,0,0,1,2,1", Measure::Phq9).unwrap_err();
        assert!(e.starts_with("Answer 4 is \"4\""), "{e}");
        let e = parse_answers("0,1,2,0,0,0,-1", Measure::Gad7).unwrap_err();
        assert!(e.starts_with("Answer 7 is \"-1\""), "{e}");
        let e = parse_answers("x,1,2,0,0,0,1", Measure::Gad7).unwrap_err();
        assert!(e.starts_with("Answer 1 is \"x\""), "{e}");
        let e = parse_answers("0,1,2,0,0,0,300", Measure::Gad7).unwrap_err();
        assert!(e.starts_with("Answer 7 is \"300\""), "{e}");
        let e = parse_answers("0,1,2,0,1.5,0,1", Measure::Gad7).unwrap_err();
        assert!(e.starts_with("Answer 5 is \"1.5\""), "{e}");
    }

    #[test]
    fn result_lines_without_a_previous_total() {
        let lines = result_lines(Measure::Gad7, 6, None);
        assert_eq!(lines.len(), 2);
        assert_eq!(
            lines[0],
            "GAD-7 total: 6 out of 21, in the range usually called mild (5–9)."
        );
        assert!(lines[1].contains("self-check, not a diagnosis"));
    }

    #[test]
    fn result_lines_with_a_previous_total() {
        let lower = result_lines(Measure::Phq9, 7, Some((10, "2026-10-01")));
        assert_eq!(lower.len(), 3);
        assert_eq!(
            lower[0],
            "PHQ-9 total: 7 out of 27, in the range usually called mild (5–9)."
        );
        assert_eq!(lower[1], "That is 3 lower than on 2026-10-01.");
        assert!(lower[2].contains("not a diagnosis"));

        let higher = result_lines(Measure::Phq9, 21, Some((20, "2026-09-14")));
        assert_eq!(higher[1], "That is 1 higher than on 2026-09-14.");
        assert!(higher[0].contains("called severe (20–27)"));

        let same = result_lines(Measure::Gad7, 0, Some((0, "2026-01-02")));
        assert_eq!(same[1], "That is the same as on 2026-01-02.");
        assert!(same[0].contains("called minimal (0–4)"));
    }

    #[test]
    fn result_lines_never_judge_or_diagnose() {
        for m in Measure::ALL {
            for total in [0, 5, 12, m.max_total()] {
                for prev in [None, Some((0, "2026-01-01")), Some((20, "2026-01-01"))] {
                    let text = result_lines(m, total, prev).join(" ").to_lowercase();
                    for word in [
                        "better",
                        "worse",
                        "improv",
                        "good",
                        "bad",
                        "you have",
                        "you are",
                        "disorder",
                        "depressed",
                        "suffer",
                    ] {
                        assert!(!text.contains(word), "{word:?} in {text:?}");
                    }
                }
            }
        }
    }
}
