-- Big decisions noted in the days after a session (issue 19): the sentence
-- of an entry that weighs one, kept so review can show "Decisions you are
-- weighing" until the client marks it settled (`kapj decisions done N`).
-- Living in the journal, they are encrypted with it; deleting the entry
-- deletes its decision.
CREATE TABLE decisions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid       TEXT NOT NULL UNIQUE,
    entry_id   INTEGER NOT NULL UNIQUE REFERENCES entries(id) ON DELETE CASCADE,
    -- The session it came in the days after (at most one line per session).
    session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
    sentence   TEXT NOT NULL,
    -- When it was written: the entry's time.
    at         TEXT NOT NULL,
    at_ts      INTEGER NOT NULL,
    settled_at TEXT
);
CREATE INDEX decisions_session ON decisions(session_id);
