use crate::common::Home;

#[test]
fn a_fresh_home_welcomes_and_creates_a_private_journal() {
    let h = Home::new();
    let out = h.ok(&[]);
    assert!(out.contains("Welcome to kapj"), "{out}");
    assert!(out.contains("No sessions yet"), "{out}");
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&h.path()), 0o700);
    assert_eq!(mode(&h.db()), 0o600);
}
