//! The first interactive run offers to encrypt the new journal, once.

use crate::common::pty::*;
use crate::common::Home;

const SECRET: &str = "lighthouse keeper 42";

#[test]
fn the_first_run_in_a_terminal_offers_encryption_and_keeps_its_word() {
    let h = Home::new();
    let mut s = spawn(&h, &[], &[]);
    wait_for(&mut s, "Protect it with a passphrase?");
    wait_raw(&mut s);
    s.send("y").unwrap();
    s.send(ENTER).unwrap();
    answer(&mut s, "Passphrase for your journal", SECRET);
    answer(&mut s, "Once more", SECRET);
    let (out, code) = finish(s);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("No sessions yet"), "{out}");

    // The file is not plain SQLite, and holds no readable text of ours.
    let bytes = std::fs::read(h.db()).unwrap();
    assert!(!bytes.starts_with(b"SQLite format 3"));

    // Without the passphrase: a plain refusal. With it: the journal opens.
    let err = h.fails(&["status"]);
    assert!(err.contains("encrypted"), "{err}");
    let pass = h.file("pass", SECRET);
    let out = h
        .cmd()
        .env("KAPJ_PASSPHRASE_FILE", &pass)
        .args(["write", "free", "--answer", "text=behind the passphrase"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // The offer is made once: a later terminal run asks for the passphrase, not the question.
    let mut s = spawn(&h, &["status"], &[]);
    wait_for(&mut s, "Passphrase for your journal");
    wait_raw(&mut s);
    s.send(SECRET).unwrap();
    s.send(ENTER).unwrap();
    let (out, code) = finish(s);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("Protect it with a passphrase?"), "{out}");
}

#[test]
fn declining_the_offer_keeps_a_plain_journal_and_never_asks_again() {
    let h = Home::new();
    let mut s = spawn(&h, &[], &[]);
    wait_for(&mut s, "Protect it with a passphrase?");
    wait_raw(&mut s);
    s.send("n").unwrap();
    s.send(ENTER).unwrap();
    let (out, code) = finish(s);
    assert_eq!(code, 0, "{out}");
    assert!(std::fs::read(h.db())
        .unwrap()
        .starts_with(b"SQLite format 3"));
    let s = spawn(&h, &["status"], &[]);
    let (out, code) = finish(s);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("Protect it"), "{out}");
}
