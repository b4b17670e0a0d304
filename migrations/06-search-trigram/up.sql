-- A second full-text index, for words that spaces do not separate.
--
-- answers_fts (unicode61, porter) finds whole words of spaced scripts and
-- keeps English stemming, ranking and snippets; it cannot find 父 or 海の音
-- inside 海の音を聞きながら、父のことを考えていました, nor an emoji, which it
-- treats as a separator. FTS5's trigram tokenizer indexes every run of three
-- characters, so any substring of three or more is found; shorter ones are
-- found by a scan (see store::entries::search_substrings). Like answers_fts it
-- reads its text from `answers` and is kept in step by triggers in the same
-- transaction as the write.
--
-- detail = 'none' keeps no positions: on the 10k bench journal the file grows
-- by a fifth instead of three quarters. A search asks for every trigram of
-- the substring and then checks the candidates' text, which positions would
-- otherwise have done.
CREATE VIRTUAL TABLE answers_tri USING fts5(
    text,
    content = 'answers',
    content_rowid = 'id',
    tokenize = 'trigram',
    detail = 'none'
);
INSERT INTO answers_tri(answers_tri) VALUES ('rebuild');

CREATE TRIGGER answers_tri_ai AFTER INSERT ON answers BEGIN
    INSERT INTO answers_tri(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER answers_tri_ad AFTER DELETE ON answers BEGIN
    INSERT INTO answers_tri(answers_tri, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER answers_tri_au AFTER UPDATE OF text ON answers BEGIN
    INSERT INTO answers_tri(answers_tri, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO answers_tri(rowid, text) VALUES (new.id, new.text);
END;
