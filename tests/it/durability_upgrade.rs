//! A journal made by each released schema version opens with today's kapj
//! and keeps every entry, session, action and check (see tests/fixtures/README.md).

use crate::common::Home;

fn home_from_fixture(name: &str) -> Home {
    let h = Home::new();
    std::fs::create_dir_all(h.path()).unwrap();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::copy(&src, h.db()).expect("fixture exists");
    h
}

#[test]
fn a_schema_1_journal_opens_and_keeps_everything() {
    let h = home_from_fixture("v1.db");
    let list = h.json(&["list"]);
    let texts: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            e["answers"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["text"].as_str().unwrap().to_string())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    for want in [
        "fixture-v1 intention: meet the fear gently",
        "fixture-v1 reflection: colours, then quiet",
        "fixture-v1 embodiment: softer shoulders",
        "fixture-v1 meaning: the door in the hallway",
        "fixture-v1 free: a line with ünïcödé and \"quotes\"\nand a second line",
    ] {
        assert!(
            texts.iter().any(|t| t.contains(want)),
            "missing {want:?} in {texts:?}"
        );
    }
    assert_eq!(texts.len(), 5);
    let sessions = h.json(&["session", "list"]);
    assert_eq!(sessions.as_array().unwrap().len(), 2, "{sessions}");
    let actions = h.ok(&["actions"]);
    assert!(
        actions.contains("fixture-v1 action: walk each morning"),
        "{actions}"
    );
    let checks = h.ok(&["check", "list"]);
    assert!(
        checks.contains("PHQ-9") && checks.contains("GAD-7"),
        "{checks}"
    );
    // Still writable after the upgrade.
    h.ok(&["write", "free", "--answer", "text=written by today's kapj"]);
    assert_eq!(h.json(&["list"]).as_array().unwrap().len(), 6);
    // Review indexes the entries written before its index existed (schema 2).
    let review = h.json(&["review"]);
    assert_eq!(review["counts"]["entries"], 6, "{review}");
    let db = rusqlite::Connection::open(h.db()).unwrap();
    let indexed: i64 = db
        .query_row("SELECT count(*) FROM entry_terms", [], |r| r.get(0))
        .unwrap();
    assert_eq!(indexed, 6);
    let fear: i64 = db
        .query_row(
            "SELECT entries FROM term_keys WHERE key = 'fear'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(fear, 1, "the schema-1 intention's words are counted");
}
