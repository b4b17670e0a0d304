-- An action can stand on its own: `kapj actions add "TEXT"` notes one
-- without writing an entry, attached to a session (or to none). So
-- `entry_id` may be NULL, and `session_id` holds the session of an action
-- that has no entry (an action written in an entry belongs to the entry's
-- session). SQLite cannot drop a NOT NULL, so the table is rebuilt, with
-- every row, number and state kept, and its AUTOINCREMENT high-water mark
-- too, so the number of an action deleted with its entry is never reused.

CREATE TABLE actions_new (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid       TEXT NOT NULL UNIQUE,
    entry_id   INTEGER REFERENCES entries(id) ON DELETE CASCADE,
    session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
    text       TEXT NOT NULL,
    state      TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'dropped')),
    at         TEXT NOT NULL,
    at_ts      INTEGER NOT NULL,
    done_at    TEXT
);
INSERT INTO actions_new(id, uuid, entry_id, session_id, text, state, at, at_ts, done_at)
    SELECT id, uuid, entry_id, NULL, text, state, at, at_ts, done_at FROM actions;
DELETE FROM sqlite_sequence WHERE name = 'actions_new';
INSERT INTO sqlite_sequence(name, seq) VALUES ('actions_new', max(
    coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'actions'), 0),
    coalesce((SELECT max(id) FROM actions_new), 0)));
DROP TABLE actions;
ALTER TABLE actions_new RENAME TO actions;
CREATE INDEX actions_state ON actions(state, at_ts);
