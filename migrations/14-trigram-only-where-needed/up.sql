-- The trigram index holds only the answers a substring search can find.
--
-- Search uses answers_tri only for a run of the query that holds a
-- character the word index cannot split or keep (see cmd/search.rs
-- `substring_char`): Thai, Lao, Myanmar, Hangul Jamo, Khmer, and anything
-- from U+2100 on (CJK, kana, emoji and other symbols), or an emoji joiner.
-- An answer matches only if its text holds that run, so an answer with none
-- of those characters is never a hit and need not be in the index. Most
-- journals are written in spaced scripts: indexing every three characters
-- of every answer was most of an import's time and a fifth of the file.
--
-- The condition below is a superset of `substring_char` (it also takes the
-- few letters and marks it leaves out above U+2100), the same in every
-- trigger, and the same as `store::TRIGRAM_WHEN` (a test compares them):
-- an answer is in the index exactly when its text meets it, so the delete
-- and update triggers remove what the insert put there, and nothing else.
DROP TRIGGER IF EXISTS answers_tri_ai;
DROP TRIGGER IF EXISTS answers_tri_ad;
DROP TRIGGER IF EXISTS answers_tri_au;
INSERT INTO answers_tri(answers_tri) VALUES ('delete-all');
INSERT INTO answers_tri(rowid, text)
    SELECT id, text FROM answers
    WHERE text GLOB '*[' || char(0x0E00) || '-' || char(0x0EFF) || char(0x1000) || '-' || char(0x109F) || char(0x1100) || '-' || char(0x11FF) || char(0x1780) || '-' || char(0x17FF) || char(0x200D) || char(0x20E3) || char(0x2100) || '-' || char(0x10FFFF) || ']*';

CREATE TRIGGER answers_tri_ai AFTER INSERT ON answers
WHEN new.text GLOB '*[' || char(0x0E00) || '-' || char(0x0EFF) || char(0x1000) || '-' || char(0x109F) || char(0x1100) || '-' || char(0x11FF) || char(0x1780) || '-' || char(0x17FF) || char(0x200D) || char(0x20E3) || char(0x2100) || '-' || char(0x10FFFF) || ']*'
BEGIN
    INSERT INTO answers_tri(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER answers_tri_ad AFTER DELETE ON answers
WHEN old.text GLOB '*[' || char(0x0E00) || '-' || char(0x0EFF) || char(0x1000) || '-' || char(0x109F) || char(0x1100) || '-' || char(0x11FF) || char(0x1780) || '-' || char(0x17FF) || char(0x200D) || char(0x20E3) || char(0x2100) || '-' || char(0x10FFFF) || ']*'
BEGIN
    INSERT INTO answers_tri(answers_tri, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER answers_tri_au AFTER UPDATE OF text ON answers BEGIN
    INSERT INTO answers_tri(answers_tri, rowid, text)
        SELECT 'delete', old.id, old.text
        WHERE old.text GLOB '*[' || char(0x0E00) || '-' || char(0x0EFF) || char(0x1000) || '-' || char(0x109F) || char(0x1100) || '-' || char(0x11FF) || char(0x1780) || '-' || char(0x17FF) || char(0x200D) || char(0x20E3) || char(0x2100) || '-' || char(0x10FFFF) || ']*';
    INSERT INTO answers_tri(rowid, text)
        SELECT new.id, new.text
        WHERE new.text GLOB '*[' || char(0x0E00) || '-' || char(0x0EFF) || char(0x1000) || '-' || char(0x109F) || char(0x1100) || '-' || char(0x11FF) || char(0x1780) || '-' || char(0x17FF) || char(0x200D) || char(0x20E3) || char(0x2100) || '-' || char(0x10FFFF) || ']*';
END;
