-- Term index for `kapj review`, kept in each entry's own transaction.
--
-- Every term key (a stemmed word or a 2–3 word phrase) is stored once with the
-- number of entries that use it, and each entry's terms as packed ids. Review
-- reads only the ids, and gives slots only to keys used by two or more entries
-- (the partial index lists them), so its work does not grow with the many
-- phrases that are written once. entries.terms keeps the text form, read only
-- for the written forms of the themes shown.
CREATE TABLE term_keys (
    id      INTEGER PRIMARY KEY,
    key     TEXT NOT NULL UNIQUE,
    entries INTEGER NOT NULL CHECK (entries >= 0)
);
CREATE INDEX term_keys_repeated ON term_keys(id) WHERE entries >= 2;

-- Content words (u32 LE), then per term its id in term_keys (u32 LE) and a
-- byte: its count in the entry (low 7 bits), written as a name (high bit).
-- An entry without a row here is indexed from its text on the next review.
CREATE TABLE entry_terms (
    entry_id INTEGER PRIMARY KEY REFERENCES entries(id) ON DELETE CASCADE,
    ids      BLOB NOT NULL
);
-- Lets review count the indexed entries without reading every blob.
CREATE INDEX entry_terms_count ON entry_terms(entry_id);

-- Review and export scan entries in time order (and moods by session): the
-- two indexes cover what they read, so the wider rows are not visited.
DROP INDEX entries_at;
CREATE INDEX entries_at ON entries(at_ts, id, session_id, at, phase, private, mood, uuid);
DROP INDEX entries_session;
CREATE INDEX entries_session ON entries(session_id, at_ts, phase, private, mood);
