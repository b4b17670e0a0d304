//! `kapj import` from other journals: jrnl (JSON export and text file), Day
//! One (zip and Journal.json) and folders of markdown notes. The files are
//! written here the way those tools write them, awkward corners included.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::Home;

/// Every entry, oldest first, as `--json list` shows it.
fn entries(h: &Home) -> Vec<Value> {
    let mut all = h
        .json(&["list", "-n", "100000"])
        .as_array()
        .unwrap()
        .clone();
    all.reverse();
    all
}

fn text(e: &Value) -> &str {
    e["answers"][0]["text"].as_str().unwrap()
}

fn tags(e: &Value) -> Vec<&str> {
    e["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect()
}

fn find<'a>(all: &'a [Value], start: &str) -> &'a Value {
    all.iter()
        .find(|e| text(e).starts_with(start))
        .unwrap_or_else(|| panic!("no entry starts with {start:?} in {all:#?}"))
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A home with one entry of its own, so "unchanged" means something.
fn journal_with_one_entry() -> Home {
    let h = Home::new();
    h.ok(&[
        "write",
        "free",
        "--answer",
        "text=An entry written in kapj.",
    ]);
    h
}

/// Refused: non-zero, one plain sentence (and a hint) naming the file, and
/// the journal byte for byte as it was.
fn refused(h: &Home, args: &[&str], wanted: &[&str]) -> String {
    let before = h.snapshot();
    let err = h.fails(args);
    for w in wanted {
        assert!(err.contains(w), "{w:?} missing in:\n{err}");
    }
    assert!(err.contains("othing was imported"), "{err}");
    assert_eq!(before, h.snapshot(), "the journal changed:\n{err}");
    err
}

// ---------------------------------------------------------------------------
// jrnl
// ---------------------------------------------------------------------------

/// As `jrnl --export json` writes it: a tag count, then entries with title,
/// body, date, time (local, 24-hour), tags with their symbol, starred; a
/// uuid only where the journal kept one.
const JRNL_JSON: &str = r#"{
  "tags": {
    "@father": 2,
    "@sleep": 1
  },
  "entries": [
    {
      "title": "Slept badly.",
      "body": "The dream with my father again, the long corridor.\n\nWoke at four. @sleep @father",
      "date": "2024-01-05",
      "time": "07:15",
      "tags": [
        "@sleep",
        "@father"
      ],
      "starred": true
    },
    {
      "title": "Called my father, it was short.",
      "body": "",
      "date": "2024-01-09",
      "time": "21:40",
      "tags": [],
      "starred": false
    },
    {
      "title": "Walked by the river.",
      "body": "Thought about my father and the garden he kept. @father",
      "date": "2024-01-14",
      "time": "16:05",
      "tags": [
        "@father"
      ],
      "starred": false,
      "uuid": "8D8B2F7B4D2C4E4B9C1A3E5F6A7B8C9D"
    }
  ]
}"#;

#[test]
fn jrnl_json_becomes_free_writing_at_its_own_time() {
    let h = Home::new();
    let f = h.file("jrnl-export.json", JRNL_JSON);
    let out = h.ok(&["import", s(&f)]);
    assert!(out.contains("Imported 3 entries"), "{out}");
    assert!(out.contains("(jrnl)"), "{out}");

    let all = entries(&h);
    assert_eq!(all.len(), 3);
    let first = find(&all, "Slept badly.");
    assert_eq!(first["phase"], "free");
    assert_eq!(first["session"], Value::Null);
    // jrnl's times are local: the user's offset (KAPJ_NOW's, +01:00).
    assert_eq!(first["at"], "2024-01-05T07:15:00+01:00");
    assert_eq!(
        text(first),
        "Slept badly.\nThe dream with my father again, the long corridor.\n\nWoke at four. @sleep @father"
    );
    assert_eq!(tags(first), ["father", "sleep", "starred"]);
    assert_eq!(first["answers"].as_array().unwrap().len(), 1);

    // No body: the title is the whole entry.
    let second = find(&all, "Called my father");
    assert_eq!(text(second), "Called my father, it was short.");
    assert_eq!(second["at"], "2024-01-09T21:40:00+01:00");
    assert!(tags(second).is_empty());

    // Review reads them like any entry: "father" comes back on three days.
    let review = h.json(&["review", "--since", "2024-01-01"]);
    assert_eq!(review["counts"]["entries"], 3, "{review}");
    let themes: Vec<&str> = review["themes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["theme"].as_str().unwrap())
        .collect();
    assert!(themes.iter().any(|t| t.contains("father")), "{themes:?}");

    // Search finds them too.
    let found = h.json(&["search", "corridor"]);
    assert_eq!(found.as_array().unwrap().len(), 1, "{found}");
}

#[test]
fn importing_twice_adds_nothing_and_an_edit_is_added_as_new() {
    let h = Home::new();
    let f = h.file("jrnl-export.json", JRNL_JSON);
    h.ok(&["import", s(&f)]);
    let again = h.ok(&["import", s(&f)]);
    assert!(again.contains("Nothing new"), "{again}");
    assert!(
        again.contains("3 entries were already in the journal"),
        "{again}"
    );
    assert_eq!(entries(&h).len(), 3);

    // The entry with a uuid was edited in jrnl since; one without a uuid was
    // edited too (it is then a different date, time and text).
    let edited = JRNL_JSON
        .replace("the garden he kept", "the garden he kept, and the shed")
        .replace("it was short.", "it was short, and kind.");
    let f = h.file("jrnl-export.json", &edited);
    let dry = h.ok(&["import", s(&f), "--dry-run"]);
    assert!(dry.contains("would import 2 entries"), "{dry}");
    assert!(dry.contains("1 entry would be skipped"), "{dry}");
    assert!(
        dry.contains("2 entries changed in jrnl since an earlier import"),
        "{dry}"
    );
    assert_eq!(entries(&h).len(), 3, "a dry run adds nothing");

    let out = h.ok(&["import", s(&f)]);
    assert!(out.contains("Imported 2 entries"), "{out}");
    assert!(
        out.contains("2 entries changed in jrnl since an earlier import, so they were added as new; the earlier version stays."),
        "{out}"
    );
    let all = entries(&h);
    assert_eq!(all.len(), 5);
    assert!(all
        .iter()
        .any(|e| text(e).ends_with("the garden he kept. @father")));
    assert!(all
        .iter()
        .any(|e| text(e).ends_with("and the shed. @father")));
    let third = h.ok(&["import", s(&f)]);
    assert!(third.starts_with("Nothing new"), "{third}");
}

/// jrnl's own file: `[date] title`, the body below, ` *` for a star, a
/// blank line between entries; tags anywhere, also at the very end.
const JRNL_TEXT: &str = "[2024-01-05 07:15] Slept badly. *
The dream again, the long corridor.

[2024-01-06 22:10] A quiet day.

[2024-01-07 09:00] Morning pages
[the brackets in this line are only text]
Felt lighter after the walk. @body @Walking
";

#[test]
fn jrnl_text_file_with_the_default_time_format() {
    let h = Home::new();
    let f = h.file("journal.txt", JRNL_TEXT);
    let out = h.ok(&["import", s(&f)]);
    assert!(out.contains("Imported 3 entries"), "{out}");
    let all = entries(&h);
    assert_eq!(
        text(&all[0]),
        "Slept badly.\nThe dream again, the long corridor."
    );
    assert_eq!(tags(&all[0]), ["starred"]);
    assert_eq!(all[1]["at"], "2024-01-06T22:10:00+01:00");
    assert_eq!(text(&all[1]), "A quiet day.");
    assert_eq!(
        text(&all[2]),
        "Morning pages\n[the brackets in this line are only text]\nFelt lighter after the walk. @body @Walking"
    );
    assert_eq!(tags(&all[2]), ["body", "walking"]);

    // The JSON export of the same journal is the same entries: nothing new.
    let json = r#"{"tags": {}, "entries": [
      {"title": "A quiet day.", "body": "", "date": "2024-01-06", "time": "22:10", "tags": [], "starred": false}
    ]}"#;
    let f = h.file("export.json", json);
    let out = h.ok(&["import", s(&f), "--from", "jrnl"]);
    assert!(out.contains("1 entry was already in the journal"), "{out}");
}

#[test]
fn jrnl_text_with_am_pm_needs_its_time_format() {
    let h = journal_with_one_entry();
    let t = "[2024-03-01 09:05 PM] After the session. @integration\nSoft and tired.\n\n[2024-03-02 12:30 AM] Could not sleep\n";
    let f = h.file("journal.txt", t);
    refused(
        &h,
        &["import", s(&f)],
        &[
            "journal.txt, line 1",
            "\"2024-03-01 09:05 PM\"",
            "--time-format \"%Y-%m-%d %I:%M %p\"",
        ],
    );
    let out = h.ok(&["import", s(&f), "--time-format", "%Y-%m-%d %I:%M %p"]);
    assert!(out.contains("Imported 2 entries"), "{out}");
    let all = entries(&h);
    let after = find(&all, "After the session.");
    assert_eq!(after["at"], "2024-03-01T21:05:00+01:00");
    assert_eq!(tags(after), ["integration"]);
    assert_eq!(
        find(&all, "Could not sleep")["at"],
        "2024-03-02T00:30:00+01:00"
    );
}

#[test]
fn one_bad_record_stops_the_whole_import() {
    let h = journal_with_one_entry();
    let bad = JRNL_JSON.replace("\"2024-01-14\"", "\"2024-14-01\"");
    let f = h.file("jrnl-export.json", &bad);
    refused(
        &h,
        &["import", s(&f)],
        &["jrnl-export.json", "entry 3", "2024-14-01"],
    );

    let t = "[2024-01-05 07:15] Fine.\n\n[2024-01-06 25:10] Not a time.\n";
    let f = h.file("journal.txt", t);
    refused(
        &h,
        &["import", s(&f)],
        &["journal.txt, line 3", "2024-01-06 25:10"],
    );
    assert_eq!(entries(&h).len(), 1);
}

// ---------------------------------------------------------------------------
// Day One
// ---------------------------------------------------------------------------

/// As Day One exports a journal: UTC creation dates with the zone each entry
/// was written in, markdown with Day One's needless escapes, photos pointed
/// at from the text.
fn dayone_json() -> String {
    r##"{
  "metadata" : {
    "version" : "1.0"
  },
  "entries" : [
    {
      "uuid" : "A1B2C3D4E5F60718293A4B5C6D7E8F90",
      "creationDate" : "2024-03-09T12:00:00Z",
      "modifiedDate" : "2024-03-09T12:05:00Z",
      "timeZone" : "America\/New_York",
      "starred" : true,
      "duration" : 0,
      "creationDevice" : "iPhone",
      "tags" : [
        "Session",
        "body"
      ],
      "text" : "# Before the session\n\nSet an intention \\(to listen\\)\\. Nervous but ready\\!\n\n![](dayone-moment:\/\/4F9E2E1D3C2B4A5968778695A4B3C2D1)\n\nThe lake at dawn\\.",
      "photos" : [
        {
          "identifier" : "4F9E2E1D3C2B4A5968778695A4B3C2D1",
          "md5" : "d41d8cd98f00b204e9800998ecf8427e",
          "type" : "jpeg",
          "orderInEntry" : 0,
          "width" : 3024,
          "height" : 4032
        }
      ]
    },
    {
      "uuid" : "0F1E2D3C4B5A69788796A5B4C3D2E1F0",
      "creationDate" : "2024-03-11T12:00:00Z",
      "timeZone" : "America\/New_York",
      "starred" : false,
      "text" : "Two days after\\. Clocks moved forward last night\\.",
      "location" : {
        "localityName" : "Brooklyn",
        "country" : "United States"
      }
    },
    {
      "uuid" : "11112222333344445555666677778888",
      "creationDate" : "2024-10-27T00:30:00Z",
      "timeZone" : "Europe\/Berlin",
      "starred" : false,
      "tags" : [ ],
      "text" : "Berlin, the night the clocks go back\\. 1\\-2\\-3 breathing\\."
    },
    {
      "uuid" : "99998888777766665555444433332222",
      "creationDate" : "2024-11-02T04:15:00Z",
      "timeZone" : "Asia\/Kolkata",
      "starred" : false,
      "text" : "Mumbai morning\\. A backslash stays: C:\\\\notes"
    },
    {
      "uuid" : "ABABABABABABABABABABABABABABABAB",
      "creationDate" : "2024-11-03T09:00:00Z",
      "timeZone" : "Europe\/London",
      "starred" : false,
      "text" : "![](dayone-moment:\/\/FEDCBA98765432100123456789ABCDEF)",
      "photos" : [
        { "identifier" : "FEDCBA98765432100123456789ABCDEF", "type" : "heic" }
      ],
      "videos" : [
        { "identifier" : "0123456789ABCDEF0123456789ABCDEF", "type" : "mov" }
      ]
    }
  ]
}"##
    .to_string()
}

fn write_zip(path: &Path, files: &[(&str, &[u8])]) {
    let f = std::fs::File::create(path).unwrap();
    let mut z = zip::ZipWriter::new(f);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files {
        z.start_file(*name, opts).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap();
}

fn dayone_zip(h: &Home) -> PathBuf {
    let p = h.dir.path().join("Export-Journal.zip");
    write_zip(
        &p,
        &[
            ("Journal.json", dayone_json().as_bytes()),
            (
                "photos/d41d8cd98f00b204e9800998ecf8427e.jpeg",
                b"\xff\xd8\xff\xe0 not really a photo",
            ),
            ("videos/0123.mov", b"not really a video"),
        ],
    );
    p
}

#[test]
fn dayone_zip_keeps_each_entry_in_its_own_zone() {
    let h = Home::new();
    let z = dayone_zip(&h);
    let out = h.ok(&["import", s(&z)]);
    assert!(out.contains("Imported 4 entries"), "{out}");
    assert!(out.contains("(Day One)"), "{out}");
    assert!(
        out.contains("Left out: 3 photos and other attachments (kapj keeps no attachments yet); 1 entry with no text."),
        "{out}"
    );

    let all = entries(&h);
    assert_eq!(all.len(), 4);
    // New York before and after the change to summer time.
    let before = find(&all, "# Before the session");
    assert_eq!(before["at"], "2024-03-09T07:00:00-05:00");
    assert_eq!(
        text(before),
        "# Before the session\n\nSet an intention (to listen). Nervous but ready!\n\nThe lake at dawn."
    );
    assert_eq!(tags(before), ["body", "session", "starred"]);
    assert_eq!(
        find(&all, "Two days after.")["at"],
        "2024-03-11T08:00:00-04:00"
    );
    // Berlin, the night summer time ends: 00:30 UTC is 02:30 summer time.
    let berlin = find(&all, "Berlin");
    assert_eq!(berlin["at"], "2024-10-27T02:30:00+02:00");
    assert_eq!(
        text(berlin),
        "Berlin, the night the clocks go back. 1-2-3 breathing."
    );
    let mumbai = find(&all, "Mumbai");
    assert_eq!(mumbai["at"], "2024-11-02T09:45:00+05:30");
    assert_eq!(text(mumbai), r"Mumbai morning. A backslash stays: C:\notes");

    // The Journal.json alone is the same journal: nothing new.
    let j = h.file("Journal.json", &dayone_json());
    let out = h.ok(&["import", s(&j)]);
    assert!(out.contains("Nothing new"), "{out}");
    assert!(
        out.contains("4 entries were already in the journal"),
        "{out}"
    );
}

#[test]
fn a_dayone_entry_edited_since_is_added_as_new() {
    let h = Home::new();
    let j = h.file("Journal.json", &dayone_json());
    h.ok(&["import", s(&j)]);
    let edited = dayone_json().replace("Mumbai morning", "Mumbai morning, rain");
    let j = h.file("Journal.json", &edited);
    let out = h.ok(&["import", s(&j)]);
    assert!(out.contains("Imported 1 entry"), "{out}");
    assert!(
        out.contains("1 entry changed in Day One since an earlier import"),
        "{out}"
    );
    assert!(
        out.contains("3 entries were already in the journal"),
        "{out}"
    );
    assert_eq!(entries(&h).len(), 5);
}

#[test]
fn a_zip_without_journal_json_is_refused() {
    let h = journal_with_one_entry();
    let p = h.dir.path().join("photos.zip");
    write_zip(&p, &[("photos/a.jpeg", b"jpeg"), ("notes.txt", b"hello")]);
    refused(
        &h,
        &["import", s(&p)],
        &["photos.zip", "without a Journal.json"],
    );
}

// ---------------------------------------------------------------------------
// markdown
// ---------------------------------------------------------------------------

#[test]
fn a_folder_of_markdown_notes() {
    let h = Home::new();
    let dir = h.dir.path().join("Vault");
    std::fs::create_dir_all(dir.join("Daily")).unwrap();
    std::fs::create_dir_all(dir.join(".obsidian")).unwrap();
    let w = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).unwrap();
    // A daily note written on Windows: a byte-order mark and CRLF.
    w(
        "Daily/2024-01-05.md",
        b"\xef\xbb\xbfWoke up heavy. #sleep\r\nThe dream about [[Dad]] again.\r\n\r\n![[corridor.png]]\r\n",
    );
    // A date and a time in the name.
    w(
        "Daily/2024-01-06 2130.md",
        b"After the session: warm, slow. #integration/body\n",
    );
    // Dots in the date, and a title after it.
    w(
        "Daily/2024.01.07 Morning pages.md",
        b"Three pages, mostly about work.\n",
    );
    // No date in the name: the front matter has it, and tags; it is not text.
    w(
        "Letting go.md",
        b"---\r\ntitle: Letting go\r\ndate: 2024-01-08 18:45\r\ntags:\r\n  - grief\r\n  - \"family\"\r\n---\r\nWhat I am ready to put down. #release\r\n",
    );
    w("Inline tags.md", b"---\ndate: 2024-01-09\ntags: [Body, breath]\n---\n\n# Breathing\n\nBox breathing helped.\n");
    // An empty note, and Obsidian's settings: left out.
    w("Daily/2024-01-10.md", b"---\ndate: 2024-01-10\n---\n\n");
    w(".obsidian/workspace.md", b"not a note");
    w("picture.png", b"\x89PNG");

    let out = h.ok(&["import", s(&dir)]);
    assert!(out.contains("Imported 5 entries"), "{out}");
    assert!(out.contains("(markdown notes)"), "{out}");
    assert!(out.contains("Left out: 1 note with no text."), "{out}");

    let all = entries(&h);
    assert_eq!(all.len(), 5);
    let first = &all[0];
    assert_eq!(first["at"], "2024-01-05T00:00:00+01:00");
    assert_eq!(
        text(first),
        "Woke up heavy. #sleep\nThe dream about [[Dad]] again.\n\n![[corridor.png]]"
    );
    assert_eq!(tags(first), ["sleep"]);
    assert_eq!(all[1]["at"], "2024-01-06T21:30:00+01:00");
    assert_eq!(tags(&all[1]), ["integration/body"]);
    assert_eq!(
        text(&all[2]),
        "Morning pages\n\nThree pages, mostly about work."
    );
    let letting = &all[3];
    assert_eq!(letting["at"], "2024-01-08T18:45:00+01:00");
    assert_eq!(
        text(letting),
        "Letting go\n\nWhat I am ready to put down. #release"
    );
    assert_eq!(tags(letting), ["family", "grief", "release"]);
    assert_eq!(
        text(&all[4]),
        "Inline tags\n\n# Breathing\n\nBox breathing helped."
    );
    assert_eq!(tags(&all[4]), ["body", "breath"]);

    let again = h.ok(&["import", s(&dir)]);
    assert!(
        again.contains("5 entries were already in the journal"),
        "{again}"
    );
}

#[test]
fn a_note_with_no_date_anywhere_takes_its_file_time() {
    let h = Home::new();
    let dir = h.dir.path().join("notes");
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("Ideas.md");
    std::fs::write(&p, "Things to bring to the therapist.\n").unwrap();
    let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_704_450_000); // 2024-01-05 10:20 UTC
    std::fs::File::options()
        .write(true)
        .open(&p)
        .unwrap()
        .set_modified(t)
        .unwrap();
    let out = h.ok(&["import", s(&dir)]);
    assert!(
        out.contains("1 note had no date in its name or front matter"),
        "{out}"
    );
    let all = entries(&h);
    assert_eq!(all[0]["at"], "2024-01-05T11:20:00+01:00");
    assert_eq!(text(&all[0]), "Ideas\n\nThings to bring to the therapist.");
    // Touched since (a sync, a copy): still the same note.
    std::fs::File::options()
        .write(true)
        .open(&p)
        .unwrap()
        .set_modified(t + std::time::Duration::from_secs(86_400))
        .unwrap();
    let out = h.ok(&["import", s(&dir)]);
    assert!(out.contains("1 entry was already in the journal"), "{out}");
}

#[test]
fn an_unreadable_front_matter_date_names_the_file_and_line() {
    let h = journal_with_one_entry();
    let dir = h.dir.path().join("notes");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("2024-01-05.md"), "Fine.\n").unwrap();
    std::fs::write(
        dir.join("Later.md"),
        "---\ntitle: Later\ndate: next tuesday\n---\nText.\n",
    )
    .unwrap();
    refused(
        &h,
        &["import", s(&dir)],
        &["Later.md, line 3", "\"next tuesday\""],
    );
    std::fs::write(dir.join("Later.md"), "Text.\n").unwrap();
    std::fs::write(dir.join("2024-02-30.md"), "A day that never was.\n").unwrap();
    refused(&h, &["import", s(&dir)], &["2024-02-30.md", "not a date"]);
}

// ---------------------------------------------------------------------------
// dry run and bad input
// ---------------------------------------------------------------------------

#[test]
fn a_dry_run_changes_nothing_and_says_what_would_happen() {
    let h = journal_with_one_entry();
    let z = dayone_zip(&h);
    let before = h.snapshot();
    let out = h.ok(&["import", s(&z), "--dry-run"]);
    assert!(out.starts_with("Dry run: nothing was changed."), "{out}");
    assert!(out.contains("would import 4 entries"), "{out}");
    assert!(out.contains("Left out: 3 photos"), "{out}");
    assert_eq!(before, h.snapshot());
    assert_eq!(entries(&h).len(), 1);

    // Without a journal yet, a dry run does not make one.
    let fresh = Home::new();
    let out = fresh.ok(&["import", s(&z), "--dry-run"]);
    assert!(out.contains("would import 4 entries"), "{out}");
    assert!(!fresh.path().join("kapj.db").exists());
}

#[test]
fn bad_input_is_one_clear_line_and_changes_nothing() {
    let h = journal_with_one_entry();

    let f = h.file("shopping.txt", "eggs\nmilk\n");
    refused(
        &h,
        &["import", s(&f)],
        &["shopping.txt", "none of the formats"],
    );

    let f = h.dir.path().join("latin1.txt");
    std::fs::write(&f, b"[2024-01-05 09:00] Caf\xe9 with a friend\n").unwrap();
    refused(
        &h,
        &["import", s(&f)],
        &["latin1.txt", "line 1 is not UTF-8"],
    );

    let dir = h.dir.path().join("Empty vault");
    std::fs::create_dir_all(dir.join(".obsidian")).unwrap();
    std::fs::write(dir.join("readme.txt"), "not a note").unwrap();
    refused(
        &h,
        &["import", s(&dir)],
        &["Empty vault", "no markdown notes"],
    );

    // A 2 GB file (sparse: it takes no room) is refused before it is read.
    let big = h.dir.path().join("huge.json");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(2 * 1024 * 1024 * 1024).unwrap();
    refused(
        &h,
        &["import", s(&big)],
        &["huge.json", "2.0 GB", "512 MB at most"],
    );

    let f = h.file("journal.txt", "[2024-01-05 09:00] fine\n");
    refused(
        &h,
        &["import", s(&f), "--from", "dayone"],
        &["journal.txt", "not a Day One JSON file"],
    );
}

#[test]
fn a_dry_run_of_kapj_json_counts_what_is_new() {
    let a = journal_with_one_entry();
    a.ok(&["write", "free", "--answer", "text=A second entry."]);
    let backup = a.dir.path().join("backup.json");
    a.ok(&["export", "--format", "json", "-o", s(&backup)]);

    let b = journal_with_one_entry();
    let before = b.snapshot();
    let out = b.ok(&["import", s(&backup), "--dry-run"]);
    assert!(out.contains("would import 2 entries"), "{out}");
    assert_eq!(before, b.snapshot());

    // Into the journal it came from: all of it is there already.
    let out = a.ok(&["import", s(&backup), "--dry-run"]);
    assert!(out.contains("would import 0 entries"), "{out}");
    assert!(out.contains("2 entries would be skipped"), "{out}");
}

#[test]
fn an_import_that_speaks_of_not_wanting_to_live_says_so_once() {
    let h = Home::new();
    let t = "[2024-01-05 22:00] Hard night.\nSome nights I don't want to be alive anymore.\n\n[2024-01-06 09:00] Better morning.\n";
    let f = h.file("journal.txt", t);
    let out = h.ok(&["import", s(&f)]);
    assert!(out.contains("Imported 2 entries"), "{out}");
    assert_eq!(
        out.matches("Some of the imported entries speak of").count(),
        1,
        "{out}"
    );
    let calm = h.file("calm.txt", "[2024-01-07 09:00] A walk by the river.\n");
    let out = h.ok(&["import", s(&calm)]);
    assert!(!out.contains("Some of the imported entries"), "{out}");
}

#[test]
fn an_imported_entry_deleted_in_kapj_stays_deleted() {
    let h = Home::new();
    let f = h.file("jrnl-export.json", JRNL_JSON);
    h.ok(&["import", s(&f)]);
    let first = find(&entries(&h), "Slept badly.")["number"].to_string();
    h.ok(&["delete", &first, "--yes"]);
    let out = h.ok(&["import", s(&f)]);
    assert!(out.contains("Nothing new"), "{out}");
    assert_eq!(entries(&h).len(), 2);
}

#[test]
fn review_reads_an_import_as_it_reads_the_same_entries_written_one_by_one() {
    // The import indexes review's terms for all entries at once; kapj's own
    // import indexes them one entry at a time. The same entries must give
    // the same review.
    let a = Home::new();
    let f = a.file("jrnl-export.json", JRNL_JSON);
    a.ok(&["import", s(&f)]);
    let t = a.file("journal.txt", JRNL_TEXT);
    a.ok(&["import", s(&t)]);
    let backup = a.dir.path().join("backup.json");
    a.ok(&["export", "--format", "json", "-o", s(&backup)]);

    let b = Home::new();
    b.ok(&["import", s(&backup)]);
    let args = ["review", "--since", "2024-01-01", "--top", "30"];
    assert_eq!(a.json(&args), b.json(&args));
    assert_eq!(b.json(&args)["counts"]["entries"], 6);
}
