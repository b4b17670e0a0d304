-- Entries brought in from other journals (jrnl, Day One, markdown notes),
-- so that importing the same source again adds nothing.
--
-- `ident` is what names the entry in its source across edits: its id where
-- the source has one (jrnl and Day One uuids), else its date and time or its
-- file. `digest` is a hash of its date, time and text. An entry with a known
-- ident but a new digest was edited in the source since the last import: it
-- is added as a new entry, and the import says so.
--
-- An imported entry deleted in kapj keeps its row (entry_id becomes NULL):
-- importing the same source again does not bring back what was deleted.
CREATE TABLE imported (
    source   TEXT NOT NULL,
    digest   TEXT NOT NULL,
    ident    TEXT NOT NULL,
    entry_id INTEGER REFERENCES entries(id) ON DELETE SET NULL,
    PRIMARY KEY (source, digest, ident)
) WITHOUT ROWID;
CREATE INDEX imported_ident ON imported(source, ident);
CREATE INDEX imported_entry ON imported(entry_id);
