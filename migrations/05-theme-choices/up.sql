-- The client's say over review's themes (`kapj themes`): a theme hidden
-- ("that one is not mine"), kept ("keep watching this one"), or merged with
-- others ("dad and my father are the same thing").
--
-- Each row keeps the theme's key (its stems, what review matches) and its
-- name as the client typed it (what review shows and the journal JSON
-- carries: a name still means the same thing to a later kapj whose
-- stemming differs). Living in the journal, choices are encrypted with it.

-- A theme is hidden or kept, never both.
CREATE TABLE theme_choices (
    key    TEXT PRIMARY KEY,
    name   TEXT NOT NULL,
    choice TEXT NOT NULL CHECK (choice IN ('hide', 'keep')),
    at     TEXT NOT NULL
);

-- Merged themes: one row per member; members with the same `grp` count as
-- one theme shown as `grp`. A theme belongs to one group at most.
CREATE TABLE theme_merges (
    key  TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    grp  TEXT NOT NULL,
    at   TEXT NOT NULL
);
CREATE INDEX theme_merges_grp ON theme_merges(grp);
