//! Issue 14, the learned layer (`src/care/safety/model.rs`): sentences
//! from the fixture sets that the hand-written rules do not read, but the
//! trained model does, show the gentle note after saving (never the
//! pressing one: severity stays the rules'). Without the model none of
//! them raised the note (checked with the layer switched on and off).
//!
//! The layer is switched on (`model::ON`, see the fixtures' README).

use crate::common::Home;

const GENTLE: &str = "Some of what you wrote may touch on hurting yourself";
const NOW: &str = "This is a moment to reach someone now.";
const MONITORS: &str = "No one monitors this journal";

fn write(h: &Home, text: &str) -> String {
    let out = h.ok(&["write", "free", "--answer", &format!("text={text}")]);
    assert!(out.contains("Saved entry"), "{out}");
    let list = h.json(&["list", "-n", "1"]);
    assert_eq!(list[0]["answers"][0]["text"], text, "saved as written");
    out
}

#[test]
fn what_only_the_model_reads_shows_the_gentle_note() {
    // From tests/fixtures/safety/dev9-risk.tsv (preparation, passive); round
    // eight's rules now read the bridge this test once used, so these are
    // two they still leave quiet.
    for text in [
        "Gave my guitar to Sam today. Told him I don't play anymore. He doesn't need to know why.",
        "Mum told me to eat something. I said I would. I don't see the point of keeping this body going for much longer.",
    ] {
        let out = write(&Home::new(), text);
        assert!(out.contains(GENTLE), "no gentle note for {text:?}:\n{out}");
        assert!(
            !out.contains(NOW),
            "{text:?} led with reaching someone:\n{out}"
        );
    }
}

#[test]
fn an_ordinary_day_stays_quiet() {
    let text = "Made soup with my sister and we laughed about the old house. \
                Took the bus home, tired and glad.";
    let out = write(&Home::new(), text);
    assert!(!out.contains(MONITORS), "{text:?} raised the note:\n{out}");
}
