-- kapj schema version 1.
-- Times are kept twice: `at` as RFC 3339 with the writer's UTC offset (what
-- the user saw), `at_ts` as Unix seconds (what ordering and filters use).

CREATE TABLE sessions (
    id      INTEGER PRIMARY KEY,
    uuid    TEXT NOT NULL UNIQUE,
    at      TEXT NOT NULL,
    at_ts   INTEGER NOT NULL,
    note    TEXT NOT NULL DEFAULT '',
    setting TEXT NOT NULL DEFAULT '',
    dose    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_at ON sessions(at_ts, id);

CREATE TABLE entries (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid       TEXT NOT NULL UNIQUE,
    phase      TEXT NOT NULL CHECK (phase IN ('intention', 'reflection', 'meaning', 'embodiment', 'free')),
    session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
    at         TEXT NOT NULL,
    at_ts      INTEGER NOT NULL,
    mood       INTEGER CHECK (mood IS NULL OR mood BETWEEN 0 AND 10),
    private    INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
    -- Per-entry term counts for `review`, computed when the entry is written
    -- so review never re-reads every word (see src/themes).
    terms      TEXT,
    terms_version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entries_at ON entries(at_ts, id);
CREATE INDEX entries_session ON entries(session_id);

CREATE TABLE answers (
    id       INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    key      TEXT NOT NULL,
    prompt   TEXT NOT NULL,
    text     TEXT NOT NULL
);
CREATE INDEX answers_entry ON answers(entry_id, position);

CREATE TABLE entry_tags (
    entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    PRIMARY KEY (entry_id, tag)
) WITHOUT ROWID;
CREATE INDEX entry_tags_tag ON entry_tags(tag);

CREATE TABLE entry_feelings (
    entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    feeling  TEXT NOT NULL,
    PRIMARY KEY (entry_id, feeling)
) WITHOUT ROWID;

CREATE TABLE actions (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid     TEXT NOT NULL UNIQUE,
    entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    text     TEXT NOT NULL,
    state    TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'dropped')),
    at       TEXT NOT NULL,
    at_ts    INTEGER NOT NULL,
    done_at  TEXT
);
CREATE INDEX actions_state ON actions(state, at_ts);

CREATE TABLE checks (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid       TEXT NOT NULL UNIQUE,
    measure    TEXT NOT NULL,
    at         TEXT NOT NULL,
    at_ts      INTEGER NOT NULL,
    answers    TEXT NOT NULL,
    total      INTEGER NOT NULL,
    difficulty INTEGER
);
CREATE INDEX checks_measure ON checks(measure, at_ts);

-- The user's own safety plan, one row per section.
CREATE TABLE safety_plan (
    key  TEXT PRIMARY KEY,
    text TEXT NOT NULL
);

-- Small settings and bookkeeping (e.g. the day the safety note was last shown).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Full-text index over answer text, kept in step by triggers inside the
-- same transaction as the write.
CREATE VIRTUAL TABLE answers_fts USING fts5(
    text,
    content = 'answers',
    content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER answers_ai AFTER INSERT ON answers BEGIN
    INSERT INTO answers_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER answers_ad AFTER DELETE ON answers BEGIN
    INSERT INTO answers_fts(answers_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER answers_au AFTER UPDATE ON answers BEGIN
    INSERT INTO answers_fts(answers_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO answers_fts(rowid, text) VALUES (new.id, new.text);
END;
